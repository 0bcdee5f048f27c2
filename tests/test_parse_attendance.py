"""The 列席 list read back from our own PDF and DOCX, where the print makes it ambiguous.

Entries are separated by a full-width space, but a line that ends at a separator drops
it, and a unit name may wrap anywhere; so a line break is a separator or nothing, and
the parser must tell which from what units and names look like. Each draft is rendered,
its printed lines are checked to still show the case (the break where the test needs
it), and the PDF and the DOCX must parse back to the draft exactly.
"""

from __future__ import annotations

import importlib.util
import textwrap

import pytest

from docgen.diff import diff
from docgen.model import load_minutes_text
from docgen.model.minutes import Minutes
from docgen.parse import units
from docgen.parse.api import parse_bytes
from docgen.render.api import prepare, render_bytes

HAS_DOCX = importlib.util.find_spec("docgen.render.docx") is not None
SOURCES = ["pdf", pytest.param("docx", marks=pytest.mark.skipif(not HAS_DOCX, reason="no DOCX renderer"))]

HEAD = """\
issuer: 苏州市人民政府
session: 5
date: 2023-05-10
period: 上午
chair: {name: 王明, title: 市长}
preamble: 2023年5月10日上午，王明市长主持召开市政府第5次常务会议。
topics:
  - title: 研究有关事项
    body: [会议原则同意。]
attendance:
  present: [王明]
  attending:
"""


def draft(attending: str) -> Minutes:
    return load_minutes_text(HEAD + textwrap.indent(textwrap.dedent(attending), "    "),
                             "<draft>").minutes


def printed(m: Minutes) -> list[str]:
    """The 列席 lines as typeset, full-width spaces shown as "_"."""
    lines = [pl.line.text for _, pl in prepare(m).layout.body_lines()
             if pl.block.kind in ("attending", "attending-units")]
    return [line.replace("\u3000", "_") for line in lines]


def assert_reads_back(m: Minutes, source: str) -> None:
    got, _ = parse_bytes(render_bytes(m, source), f".{source}", f"<attendance.{source}>")
    differences = diff(m, got)
    assert differences == [], "\n".join(differences)
    assert got.attendance.model_dump() == m.attendance.model_dump()


# 1. a unit entry before a plain name: all entries follow each other on the label line

UNIT_FIRST = """
- {unit: 市委组织部, names: [周春良]}
- 张旗
"""


@pytest.mark.parametrize("source", SOURCES)
def test_a_unit_entry_on_the_label_line_before_a_plain_name(source):
    """Written order is kept: the unit entry is read as one, not as a "name" 市委组织部周春良,
    and the plain name after it is still a name."""
    m = draft(UNIT_FIRST)
    assert printed(m) == ["列席：市委组织部周春良_张_旗"]
    assert_reads_back(m, source)


# 2. a unit name cut at a line end: the break is not a separator

CUT_UNITS = {
    # the continuation line completes 委员会办公室; "员会" is no name
    "委员会|办公室": ("""
        - {unit: 市发改委, names: [李明, 孙立平, 周伟]}
        - {unit: 市委机构编制委员会办公室, names: [司马相如]}
        """, "市委机构编制委员会", "办公室司马相如"),
    "委员|会办公室": ("""
        - {unit: 市委组织部, names: [李明, 孙立平, 周伟]}
        - {unit: 市委机构编制委员会办公室, names: [司马相如]}
        """, "市委机构编制委员", "会办公室司马相如"),
    # 和 is a surname, but 和城乡建设局 continues a unit
    "市住房|和城乡建设局": ("""
        - {unit: 市外办, names: [王强]}
        - {unit: 市发改委, names: [李明, 孙立平, 周伟]}
        - {unit: 市住房和城乡建设局, names: [吴刚]}
        """, "市住房", "和城乡建设局吴刚"),
    # "房和" would be a name (房 is a surname) only by cutting the word 住房
    "市住房和|城乡建设局": ("""
        - {unit: 苏州轨道交通集团, names: [李明, 孙立平, 周伟平]}
        - {unit: 市住房和城乡建设局, names: [吴刚]}
        """, "市住房和", "城乡建设局吴刚"),
    # a unit longer than a line: the break cuts the word 城市
    "longer than a line": ("""
        - {unit: 市外办, names: [孙立平, 周伟]}
        - {unit: 苏州市住房和城乡建设局城市建设管理服务中心办公室, names: [吴刚]}
        - {unit: 市财政局, names: [吴炜]}
        """, "住房和城乡建设局城市", "建设管理服务中心办公室吴刚"),
    # a unit over three lines; "苏州" and "苏州市" are places, not names
    "over three lines": ("""
        - {unit: 市发展和改革委员会, names: [范浩, 黄志欣]}
        - 方明文
        - {unit: 苏州市人力资源和社会保障局社会保险基金管理中心, names: [姚兰, 雷磊, 龙艳洋]}
        """, "方明文_苏州市", "人力资源和社会保障局社会保险基金管理中心"),
}


@pytest.mark.parametrize("case", list(CUT_UNITS))
@pytest.mark.parametrize("source", SOURCES)
def test_a_unit_cut_at_a_line_end_reads_whole(source, case):
    attending, line_end, next_line = CUT_UNITS[case]
    m = draft(attending)
    lines = printed(m)
    assert any(a.endswith(line_end) and b.startswith(next_line)
               for a, b in zip(lines, lines[1:])), lines
    assert_reads_back(m, source)


# 3. a known unit followed by a unit ending is a unit of its own

KNOWN_PLUS_ENDING = {
    "苏州工|业园区管委会王飏": ("""
        - 林晨红
        - 孙敏飏
        - 孙云晨
        - {unit: 市委组织部, names: [王军]}
        - {unit: 苏州工业园区管委会, names: [王飏]}
        - 王浩
        """, "苏州工", "业园区管委会王飏_王_浩"),
    "苏州高新|区管委会": ("""
        - {unit: 市委组织部, names: [宋兰]}
        - {unit: 市外办, names: [程明阳, 范强伟]}
        - {unit: 苏州高新区管委会, names: [胡磊]}
        - 杨洋建
        - 王飏
        """, "苏州高新", "区管委会胡磊_杨洋建_王_飏"),
}


def test_a_known_unit_with_a_unit_ending_scores_as_a_unit():
    assert units.unit_score("苏州工业园区管委会") > 0
    assert units.unit_score("苏州工业园区管理委员会") > 0
    assert units.unit_score("苏州工业园区管委会王飏") < 0     # a unit and a name run together
    assert units.name_score("管委会") is None


@pytest.mark.parametrize("case", list(KNOWN_PLUS_ENDING))
@pytest.mark.parametrize("source", SOURCES)
def test_a_known_unit_with_a_unit_ending_reads_whole(source, case):
    """苏州工业园区 is known; 苏州工业园区管委会 was scored as it plus a name and lost to a
    reading that split it at the line break."""
    attending, line_end, next_line = KNOWN_PLUS_ENDING[case]
    m = draft(attending)
    lines = printed(m)
    assert any(a.endswith(line_end) and b.startswith(next_line)
               for a, b in zip(lines, lines[1:])), lines
    assert_reads_back(m, source)
