"""The hand-written YAML fixture holds exactly the text of the printed seed.

fixtures/suzhou-2020-96.txt is the text of the real printed 苏州市人民政府第96次常务会议纪要;
fixtures/suzhou-2020-96.yaml is the same document as data. Laying the YAML's text end to end
in document order, with the numbering and labels the layout adds, must give the seed's text
character for character once all whitespace is removed (the extraction's spaces, line breaks
and the full-width spaces that pad names are layout, not content).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from docgen.model import UnitEntry, load_minutes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "suzhou-2020-96.txt"
YAML = FIXTURES / "suzhou-2020-96.yaml"

WHITESPACE = re.compile(r"\s+")  # str patterns are Unicode-aware: covers U+3000 too
CN_DIGITS = "一二三四五六七八九十"


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def cn(n: int) -> str:
    """1 → 一 … 10 → 十; the seed needs no more (kept local: no package code under test)."""
    assert 1 <= n <= len(CN_DIGITS), n
    return CN_DIGITS[n - 1]


def cn_date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def expected_text(m) -> str:
    """The printed text of the minutes in document order, numbering and labels included."""
    parts: list[str] = [m.preamble, m.decisions_intro]
    for t, topic in enumerate(m.topics, 1):
        parts.append(f"{cn(t)}、{topic.title}")
        assert not topic.body, "the seed has no plain topic paragraphs"
        for i, item in enumerate(topic.items, 1):
            assert not item.items, "the seed has no nested items"
            parts.append(f"（{cn(i)}）{item.text}")
    parts.extend(m.closing)
    a = m.attendance
    parts.append("出席：" + "".join(a.present))
    entries = [e if isinstance(e, str) else e.unit + "、".join(e.names) for e in a.attending]
    parts.append("列席：" + "".join(entries))
    parts.append("、".join(a.representatives_of) + "的代表")
    parts.append(f"记录：{m.recorder}")
    parts.append(f"{m.compiled_by}整理")
    parts.append(cn_date(m.compiled_date))
    parts.append(f"（{m.disclosure}）")
    parts.append(f"{m.distribution_label}：{m.distribution}")
    parts.append(f"{m.printed.by}{cn_date(m.printed.date)}印发")
    return "".join(parts)


def first_mismatch(a: str, b: str) -> int | None:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return None if len(a) == len(b) else min(len(a), len(b))


def describe(expected: str, seed: str, at: int, context: int = 30) -> str:
    lo, hi = max(0, at - context), at + context

    def show(text: str) -> str:
        here = text[at] if at < len(text) else "<end>"
        return f"…{text[lo:at]}【{here}】{text[at + 1:hi + 1]}…"

    return (f"YAML text and seed differ at character {at} "
            f"(lengths: yaml {len(expected)}, seed {len(seed)})\n"
            f"  yaml: {show(expected)}\n"
            f"  seed: {show(seed)}")


@pytest.fixture(scope="module")
def loaded():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any Python warning while loading fails the test
        return load_minutes(YAML)


def test_loads_without_warnings(loaded):
    assert loaded.warnings == [], "\n".join(str(w) for w in loaded.warnings)


def test_counts(loaded):
    m = loaded.minutes
    assert len(m.topics) == 10
    assert sum(len(t.items) for t in m.topics) == 31
    a = m.attendance
    assert len(a.present) == 11
    plain = [e for e in a.attending if isinstance(e, str)]
    units = [e for e in a.attending if isinstance(e, UnitEntry)]
    assert plain == ["张旗", "张剑", "马九根", "沈志栋", "张焱", "蒋华", "徐业洲"]
    # the plain names come first, then the unit entries
    assert a.attending[:len(plain)] == plain
    assert len(units) == 80
    people = plain + [name for e in units for name in e.names]
    assert len(people) == 90          # printed 列席 names
    assert len(set(people)) == 89     # 黄戟 is printed under 市公安局 and 市资源规划局
    assert [e.unit for e in units if "黄戟" in e.names] == ["市公安局", "市资源规划局"]
    assert len(a.representatives_of) == 6


def test_metadata(loaded):
    m = loaded.minutes
    assert (m.profile, m.issuer, m.meeting, m.session) == ("suzhou", "苏州市人民政府", "常务会议", 96)
    assert str(m.date) == "2020-04-29" and m.period == "上午"
    assert (m.chair.name, m.chair.title) == ("李亚平", "市长")
    assert str(m.compiled_date) == "2020-06-01" and str(m.printed.date) == "2020-06-01"


# How the seed's unit names end. The whitespace-free comparison cannot see where a unit
# stops and a name starts ("苏州创元集" + "团邹剑春" would pass it), so check the split here.
UNIT_ENDINGS = ("院", "局", "部", "委", "室", "办", "会", "联", "中心", "集团", "公司", "分行",
                "中支", "银行", "证券", "人寿", "海关", "支队", "市", "区", "港口")


def test_unit_name_splits_plausible(loaded):
    a = loaded.minutes.attendance
    bad = [e for e in a.attending if isinstance(e, UnitEntry) and not e.unit.endswith(UNIT_ENDINGS)]
    assert bad == []
    names = list(a.present) + [e for e in a.attending if isinstance(e, str)]
    names += [n for e in a.attending if isinstance(e, UnitEntry) for n in e.names]
    assert [n for n in names if not 2 <= len(n) <= 3] == []


def test_half_width_commas_kept(loaded):
    """The original has six half-width commas; they are content, not noise."""
    m = loaded.minutes
    seed = SEED.read_text(encoding="utf-8")
    everything = expected_text(m)
    assert everything.count(",") == seed.count(",") == 6


def test_yaml_text_equals_seed(loaded):
    expected = squeeze(expected_text(loaded.minutes))
    seed = squeeze(SEED.read_text(encoding="utf-8"))
    at = first_mismatch(expected, seed)
    assert at is None, describe(expected, seed, at)
    assert expected == seed
