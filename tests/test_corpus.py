"""The corpus: minutes in the forms of many offices, as web and archive copies have them.

Each tests/corpus/NAME.txt is a copy of a 纪要 written for docgen in one office's form (its
header, numbering, opening, attendance, dates) with the noise real copies carry
(traditional characters with pinyin glosses, half-width punctuation, web furniture, HTML
entities); NAME.yaml says what the parser must read from it and which fields it must name
in a warning because the copy does not give them. See tests/corpus/README.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from docgen.errors import DocgenError
from docgen.model import load_profile
from docgen.parse.api import parse_bytes, parse_file, parse_text
from docgen.render.api import render_bytes

CORPUS = Path(__file__).resolve().parent / "corpus"
COPIES = sorted(CORPUS.glob("*.txt"))
FIELDS = ("date", "session", "term", "chair", "meeting", "doc_number", "topics")


def expected(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))


def read_fields(m) -> dict:
    """The fields the corpus checks, as the expected YAML writes them."""
    return {"date": m.date, "session": m.session, "term": m.term,
            "chair": m.chair.name if m.chair else None, "meeting": m.meeting,
            "doc_number": m.doc_number, "topics": len(m.topics)}


def test_the_corpus_is_large_and_varied():
    offices = {p.stem.split("-")[0] for p in COPIES}
    assert len(COPIES) >= 40 and len(offices) >= 20
    assert all(p.with_suffix(".yaml").is_file() for p in COPIES)


@pytest.mark.parametrize("path", COPIES, ids=lambda p: p.stem)
def test_copy_parses_to_its_expected_fields(path):
    want = expected(path)
    m, problems = parse_file(path)
    got = read_fields(m)
    for key in FIELDS:
        if key in want:
            value = want[key]
            if key == "date" and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            assert got[key] == value, f"{key}: {got[key]!r} ≠ {value!r}"
    named = {p.path for p in problems}
    missing = [f for f in want.get("warnings", []) if f not in named]
    assert missing == [], f"no warning names {missing}: {[str(p) for p in problems]}"


@pytest.mark.parametrize("path", COPIES[::6], ids=lambda p: p.stem)
def test_parsed_copy_renders_and_parses_back(path):
    """What parse reads renders, and the render reads back to the same data."""
    m, _ = parse_file(path)
    again, _ = parse_bytes(render_bytes(m, "pdf"), ".pdf", path.name)
    if m.issuer is None:        # the profile's issuer is printed, as the parser warned
        m = m.model_copy(update={"issuer": load_profile(m.profile).issuer})
    assert again.model_dump() == m.model_dump()


NEWS = """\
本报讯（记者 王磊）昨天，全市首届乡村美食节在城南体育公园开幕，吸引了三万余名市民前来品尝。
本届美食节为期五天，设置地方小吃、农特产品和非遗手艺三个展区，共有120家商户参展。
据主办方介绍，活动期间还将举办厨艺比赛和直播带货等活动。
"""


def test_a_news_report_is_refused_saying_why():
    with pytest.raises(DocgenError) as info:
        parse_text(NEWS, "news.txt")
    text = str(info.value)
    assert "news.txt" in text and "不是一份会议纪要" in text
