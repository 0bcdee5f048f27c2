"""The composed opening paragraph: the seed's, character for character, and clear refusals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.compose import classify, preamble_text, short_issuer
from docgen.errors import DocgenError
from docgen.model import load_minutes_text
from docgen.model.minutes import Chair, Topic

ROOT = Path(__file__).resolve().parent.parent
SEED_YAML = ROOT / "fixtures" / "suzhou-2020-96.yaml"


def without_preamble(m, **changes):
    return m.model_copy(update={"preamble": None, **changes})


def test_seed_preamble_composed_exactly(seed_minutes):
    assert seed_minutes.preamble  # the fixture carries the printed paragraph
    composed = preamble_text(without_preamble(seed_minutes))
    assert composed == seed_minutes.preamble


def test_seed_without_preamble_key_renders_the_same_paragraph(seed_minutes):
    """Drop the key from the YAML text itself, load it as a clerk's file, typeset it."""
    from docgen.layout.blocks import build_document
    from docgen.model import load_profile
    text = SEED_YAML.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("preamble:")]
    m = load_minutes_text("".join(lines), "no-preamble.yaml").minutes
    assert m.preamble is None
    doc = build_document(m, load_profile(m.profile))
    first = doc.body[0]
    assert first.kind == "preamble"
    assert "".join(span.text for span in first.spans) == seed_minutes.preamble


def test_groups_follow_kind_not_order(seed_minutes):
    """传达, then 审议, then 听取 — whatever order the topics were taken in."""
    topics = list(reversed(seed_minutes.topics))
    composed = preamble_text(without_preamble(seed_minutes, topics=topics))
    assert composed.index("传达") < composed.index("审议") < composed.rindex("听取")
    assert composed.endswith("听取关于完善市级国有金融资本管理、户籍制度改革工作情况、全市防汛准备工作情况的汇报。")


def test_classify():
    assert classify("审议《甲》") == ("审议", "《甲》")
    assert classify("审议《甲》《乙》") == ("审议", "《甲》《乙》")
    assert classify("听取全市防汛准备工作情况的汇报") == ("听取", "全市防汛准备工作情况")
    assert classify("传达全省会议精神") == ("传达", "传达全省会议精神")
    for title in ("研究部署春耕生产工作", "审议关于调整公交票价的方案", "审议《甲》并提出意见",
                  "听取全市防汛准备工作情况汇报", "听取的汇报", "传达"):
        assert classify(title) is None, title


def test_unclassifiable_topics_are_refused_not_guessed(seed_minutes):
    topics = list(seed_minutes.topics)
    topics[3] = Topic(title="研究部署春耕生产工作", body=["会议要求做好春耕生产。"])
    topics[6] = Topic(title="审议关于调整公交票价的方案", body=["原则同意。"])
    with pytest.raises(DocgenError) as caught:
        preamble_text(without_preamble(seed_minutes, topics=topics))
    problems = caught.value.problems
    assert [p.path for p in problems] == ["topics[3].title", "topics[6].title"]
    assert "研究部署春耕生产工作" in problems[0].message
    assert all("preamble" in (p.hint or "") for p in problems)


@pytest.mark.parametrize("field, change", [("chair", None), ("session", None)])
def test_missing_chair_or_session_names_the_field(seed_minutes, field, change):
    with pytest.raises(DocgenError) as caught:
        preamble_text(without_preamble(seed_minutes, **{field: change}))
    assert [p.path for p in caught.value.problems] == [field]
    assert "开头段落" in caught.value.problems[0].message


def test_written_preamble_wins_and_needs_nothing(seed_minutes):
    """A clerk who writes the paragraph is never asked for what composing would need."""
    from docgen.layout.blocks import build_document
    from docgen.model import load_profile
    m = seed_minutes.model_copy(update={"chair": None, "session": None,
                                        "topics": [Topic(title="研究其他事项", body=["略。"])]})
    doc = build_document(m, load_profile(m.profile))
    assert "".join(s.text for s in doc.body[0].spans) == seed_minutes.preamble


def test_variants(seed_minutes):
    m = without_preamble(seed_minutes, period=None, term="十三届",
                         chair=Chair(name="王伟"), session=7,
                         topics=[Topic(title="审议《甲》", body=["原则同意。"])])
    assert preamble_text(m) == "2020年4月29日，王伟主持召开十三届市政府第7次常务会议，审议《甲》。"
    assert short_issuer("苏州市人民政府") == "市政府"
    assert short_issuer("江苏省人民政府") == "省政府"
    assert short_issuer("吴江区人民政府") == "区政府"
    assert short_issuer("某某管理委员会") == "某某管理委员会"
    m = m.model_copy(update={"issuer": "江苏省人民政府"})
    assert "主持召开十三届省政府第7次常务会议" in preamble_text(m)


def test_render_without_preamble_and_an_odd_title_says_what_to_do(tmp_path):
    draft = tmp_path / "d.yaml"
    draft.write_text("date: 2024-03-05\nsession: 3\nchair: {name: 王伟, title: 市长}\n"
                     "topics:\n  - title: 研究部署春耕生产工作\n    body: [会议要求做好春耕生产。]\n",
                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "docgen", "render", str(draft), "-o",
                             str(tmp_path), "--format", "html"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 2
    assert "topics[0].title" in result.stderr and "preamble" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "d.html").exists()


def test_the_composed_opening_writes_the_session_as_the_header_does(seed_minutes):
    """通江 numbers its meetings in Chinese (session_numerals: chinese): the opening says
    第三次 as the 期号 does, not 第3次 under a header of 第三次."""
    from docgen.layout.blocks import build_document
    from docgen.model import load_profile
    m = without_preamble(seed_minutes, profile="tongjiang", issuer=None, session=3,
                         topics=[Topic(title="审议《甲》", body=["原则同意。"])])
    profile = load_profile("tongjiang")
    doc = build_document(m, profile)
    opening = "".join(s.text for s in doc.body[0].spans)
    assert "主持召开县政府第三次常务会议" in opening and doc.issue_line == "第三次"
    assert "第3次" in preamble_text(m.model_copy(update={"profile": "suzhou"}))
