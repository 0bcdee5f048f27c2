"""Defects the round-trip stress run found, each a small draft that must read back unchanged.

Every draft is rendered to PDF and DOCX and, for text, written out the way an archive's
extract of the print looks (the seed's form); each of the three is parsed and must give
the draft's data exactly.

- an item "1." whose text begins with a digit ("1.2024年底前…", "2.5G基站…", "3.1.2万亩…");
- a space between two Latin words or numbers ("ISO 9001", "Index 2021"), also where a
  line break took its place;
- a name with a character outside the basic CJK block (𠮷, Extension B, drawn from a
  fallback font) ending the plain names of the 列席 list.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path

import pytest

from docgen.diff import diff
from docgen.model import load_minutes_text
from docgen.model.minutes import Minutes
from docgen.parse.api import parse_bytes, parse_text
from docgen.render.api import prepare, render_bytes

HAS_DOCX = importlib.util.find_spec("docgen.render.docx") is not None
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
INPUTS = ["pdf", pytest.param("docx", marks=pytest.mark.skipif(not HAS_DOCX, reason="no DOCX renderer")),
          "text"]

HEAD = """
    issuer: 苏州市人民政府
    session: 5
    date: 2023-05-10
    period: 上午
    chair: {name: 王明, title: 市长}
    preamble: 2023年5月10日上午，王明市长主持召开市政府第5次常务会议。
"""

ITEMS_WITH_DIGITS = HEAD + """
    topics:
      - title: 研究信息基础设施建设工作
        items:
          - text: 市工信局要抓好以下工作：
            items:
              - 2024年底前完成建设。
              - 5G基站要实现全覆盖。
              - 1.2万亩高标准农田要完成改造。
          - text: 市农业农村局要抓好以下工作：
            items:
              - 2025年底前完成验收。
      - title: 研究有关资金安排
        body:
          - 1.5亿元专项资金已经下达。
        items:
          - 原则同意。
"""

LATIN_SPACES = HEAD + """
    topics:
      - title: 研究有关事项
        body:
          - 会议指出，要对标ISO 9001质量管理体系。
          - 会议要求，参照全球创新指数Global Innovation Index 2021的指标开展评估。
          - 会议指出，要对标国际先进标准全面提升企业管理水平ISO 9001质量管理体系。
"""

EXTENSION_B_NAME = HEAD + """
    topics:
      - title: 研究有关事项
        body: [会议原则同意。]
    attendance:
      present: [王明]
      attending:
        - 张𠮷
        - {unit: 市委组织部, names: [周春良]}
"""


def draft(text: str) -> Minutes:
    return load_minutes_text(textwrap.dedent(text), "<draft>").minutes


def archived_text(m: Minutes) -> str:
    """The print as an archive's text extract, in the seed's form: one printed line per
    line, blank lines between, spaces around Latin and digits, a trailing space where a
    paragraph ends, a leading space on each later page's first line."""
    layout = prepare(m).layout
    doc = layout.document
    rows = [f"{part} " for part in (doc.mark, doc.issue_line, doc.office) if part]
    for page in layout.pages:
        for k, placed in enumerate(page.lines + page.colophon):
            line = placed.line
            lead = " " if k == 0 and page.number > 1 else ""
            rows.append(lead + line.text + (" " if line.last else ""))
    spaced = [re.sub(r"(?<=[^\x00-\x7f])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[^\x00-\x7f])", " ", row)
              for row in rows]
    return "\n\n".join(spaced) + "\n"


def read_back(m: Minutes, source: str) -> Minutes:
    if source == "text":
        return parse_text(archived_text(m), "<archived.txt>")[0]
    return parse_bytes(render_bytes(m, source), f".{source}", f"<stress.{source}>")[0]


def assert_same(m: Minutes, got: Minutes) -> None:
    differences = diff(m, got)
    assert differences == [], "\n".join(differences)
    assert got.model_dump() == m.model_dump()


@pytest.mark.parametrize("source", INPUTS)
def test_items_beginning_with_a_digit_stay_items(source):
    """"1.2024年…" is item 1 when 1 is the number the list expects; "1.5亿元" in a topic's
    body, where no list is, stays text."""
    m = draft(ITEMS_WITH_DIGITS)
    assert_same(m, read_back(m, source))


def test_a_figure_is_not_read_as_an_item():
    """Without a list around it "1.5亿元…" is a figure: a topic's body keeps it whole."""
    text = """
        2023年5月10日上午，王明市长主持召开市政府第5次常务会议。
        会议议定以下意见：
        一、研究有关资金安排
        1.5亿元专项资金已经下达。
        （一）原则同意。
        会议还研究了其他事项。
    """
    m, _ = parse_text(textwrap.dedent(text).strip("\n"), "<网页>")
    assert m.topics[0].body == ["1.5亿元专项资金已经下达。"]
    assert [item.text for item in m.topics[0].items] == ["原则同意。"]
    assert m.closing == ["会议还研究了其他事项。"]


def test_space_between_latin_words_and_numbers_is_kept_in_a_web_copy():
    """A copy's spaces: between Latin words and numbers kept as one, next to Chinese dropped."""
    text = """
        2023年5月10日上午，王明市长主持召开市政府第5次常务会议。
        一、研究有关事项
        会议指出，要对标ISO 9001质量管理体系，参照Index  2021评估， 2024 年完成。
    """
    m, _ = parse_text(textwrap.dedent(text).strip("\n"), "<网页>")
    assert m.topics[0].body == ["会议指出，要对标ISO 9001质量管理体系，参照Index 2021评估，2024年完成。"]


@pytest.mark.parametrize("source", INPUTS)
def test_space_between_latin_words_and_numbers_is_kept(source):
    """"ISO 9001" and "Index 2021" keep their space; the third paragraph breaks its line
    between "ISO" and "9001", so the break stands for the space."""
    m = draft(LATIN_SPACES)
    lines = [placed.line.text for _, placed in prepare(m).layout.body_lines()]
    assert any(line.endswith("ISO") for line in lines)          # the case is still there
    assert_same(m, read_back(m, source))


@pytest.mark.parametrize("source", INPUTS)
def test_extension_b_name_ends_the_plain_names(source):
    """"张𠮷" is a name (NAME_CHARS lacked Extension B), so the line break after it
    separates it from the unit entry on the next line instead of joining them."""
    m = draft(EXTENSION_B_NAME)
    assert_same(m, read_back(m, source))


@pytest.mark.skipif(not HAS_DOCX or not SOFFICE, reason="needs docgen.render.docx and LibreOffice")
def test_libreoffice_pdf_of_the_stress_drafts():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        for k, text in enumerate((ITEMS_WITH_DIGITS, LATIN_SPACES, EXTENSION_B_NAME)):
            m = draft(text)
            (path / f"m{k}.docx").write_bytes(render_bytes(m, "docx"))
            subprocess.run([SOFFICE, f"-env:UserInstallation=file://{path}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", str(path), str(path / f"m{k}.docx")],
                           check=True, capture_output=True, timeout=180)
            got, _ = parse_bytes((path / f"m{k}.pdf").read_bytes(), ".pdf", f"<libreoffice-{k}.pdf>")
            assert_same(m, got)


URL_AT_A_LINE_END = HEAD + """
    topics:
      - title: 研究有关事项
        body:
          - 会议强调，要加快建设数字苏州，推进基础设施建设，详见https://www.suzhou.gov.cn/szsrmzf/index.shtml。
          - 会议要求推进基础设施建设，政策原文见https://www.suzhou.gov.cn/szsrmzf/index.shtml。各地要落实。
"""


@pytest.mark.parametrize("source", ["pdf", "docx"])
def test_a_url_at_a_line_end_stays_in_its_paragraph(source):
    """A URL broken after a "/" or moved whole to the next line, read back unchanged."""
    m = draft(URL_AT_A_LINE_END)
    assert read_back(m, source).topics == m.topics


COUNTY_WEB_COPY = """\
政府信息公开 > 会议纪要
县政府第十五届第二十三次常务会议纪要
    {date}上午，县长周立新主持召开县政府第二十三次常务会议，研究了以下事项：
    一、关于2014年元旦春节期间安全稳定工作
    会议要求，各乡镇、各部门要切实加强节日期间值班值守。
    二、关于农民工工资清欠工作
    会议要求，县人社局要牵头开展农民工工资支付专项检查，确保春节前不发生拖欠。
【关闭窗口】
"""


@pytest.mark.parametrize("written", ["二〇一三年十二月二十日", "二O一三年十二月二十日", "二0一三年十二月二十日"])
def test_a_chinese_year_typed_with_o_or_0_is_read(written):
    import datetime as dt
    minutes, _ = parse_text(COUNTY_WEB_COPY.format(date=written), "<web.txt>")
    assert minutes.date == dt.date(2013, 12, 20)


def test_a_copy_without_its_issuer_says_whose_header_it_will_get():
    """Rendered as it is, the county's minutes come out under the neutral profile's
    placeholder, never another office's name: the parse says so on the field."""
    m, problems = parse_text(COUNTY_WEB_COPY.format(date="二〇一三年十二月二十日"), "<web.txt>")
    said = [p for p in problems if p.path == "issuer"]
    assert m.profile == "generic"
    assert said and "××人民政府" in said[0].message and "苏州" not in said[0].message


def test_a_coordination_meeting_keeps_its_name():
    text = COUNTY_WEB_COPY.format(date="二〇一三年十二月二十日").replace(
        "主持召开县政府第二十三次常务会议", "主持召开协调会").replace(
        "县政府第十五届第二十三次常务会议纪要", "县政府协调会纪要")
    minutes, _ = parse_text(text, "<web.txt>")
    assert minutes.meeting == "协调会"


@pytest.mark.parametrize("line, expected", [
    ("1.3月15日前完成招标。", (2, "3月15日前完成招标。")),   # item 1, then a month: not a figure
    ("2. 12月底前完成验收。", (2, "12月底前完成验收。")),
    ("1.5亿元专项资金已经下达。", None),                    # a figure
    ("2020.", None),                                        # a year
])
def test_a_month_after_a_marker_is_text(line, expected):
    """The reading of a printed marker that the parser and audit's numbering check share."""
    from docgen.model.numbering import marker_level
    assert marker_level(line) == expected
