"""docgen audit on DOCX files: docgen's own DOCX passes; DOCX files built here with
python-docx (not docgen's output edited) that break one rule each are reported with that
rule alone, and each finding says whether the DOCX's settings or LibreOffice's PDF of it
showed it."""

from __future__ import annotations

import io
import math
import shutil

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

from docgen.audit.api import audit_docx_bytes
from docgen.gbt9704 import GRID, PAGE, mm, twips

needs_soffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                   reason="LibreOffice (soffice) is not installed: run make setup")

HANZI = ("会议研究城市建设交通运输安全生产防汛准备户籍制度改革金融支持小微企业稳定发展"
         "外贸企业政策意见国土空间规划编制工作情况汇报审议通过总体应急预案")
TEXT_W = 8845                  # twips: the 156 mm 版心
PITCH = 579                    # twips: 22 lines in 225 mm, floored


def _text(count: int, seed: int) -> str:
    return "".join(HANZI[(seed * 7 + i) % len(HANZI)] for i in range(count))


def _fonts(rPr_owner, east_asia: str, latin: str = "Times New Roman") -> None:
    rPr = rPr_owner.get_or_add_rPr()
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rPr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(key), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    for key in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(key), None)


def _spacing(rPr_owner, twips: int) -> None:
    rPr = rPr_owner.get_or_add_rPr()
    el = OxmlElement("w:spacing")
    el.set(qn("w:val"), str(twips))
    rPr.append(el)


def _page_field(p, size: float) -> None:
    def run(text=None, fld=None, instr=None):
        r = p.add_run(text)
        _fonts(r._r, "宋体")
        r.font.size = Pt(size)
        if fld:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), fld)
            r._r.append(el)
        if instr:
            el = OxmlElement("w:instrText")
            el.text = instr
            r._r.append(el)
    run("— ")
    run(fld="begin")
    run(instr=" PAGE ")
    run(fld="separate")
    run("1")
    run(fld="end")
    run(" —")


def minutes_docx(*, margins=(PAGE.top_mm, PAGE.right_mm, PAGE.bottom_mm, PAGE.left_mm),
                 chars: int = GRID.chars, body_font: str = "仿宋_GB2312", body_size: float = 16,
                 mark_colour: RGBColor | None = RGBColor(0xE6, 0x00, 0x12), folio: str = "sides",
                 colophon_page: int = 2, second: str = "二", heading_face: str = "黑体",
                 indent: bool = True, comma: str = "，") -> bytes:
    """A 纪要 made in python-docx the way a clerk sets up Word, one knob per rule."""
    doc = Document()
    section = doc.sections[0]
    top, right, bottom, left = margins
    section.page_width, section.page_height = Mm(PAGE.width_mm), Mm(PAGE.height_mm)
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.footer_distance = Mm(bottom - 7) - Pt(14)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(PITCH))

    normal = doc.styles["Normal"]
    _fonts(normal.element, body_font)
    normal.font.size = Pt(body_size)
    _spacing(normal.element, math.floor(TEXT_W / chars - body_size * 20))
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Twips(PITCH)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Twips(round(2 * TEXT_W / GRID.chars))
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def plain(text: str = "", align=None, size=None, indent=0, before=None):
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Twips(indent)
        if align is not None:
            p.alignment = align
        if before is not None:
            p.paragraph_format.space_before = before
        if text:
            r = p.add_run(text)
            if size:
                r.font.size = Pt(size)
                _spacing(r._r, 0)
        return p

    mark = plain(align=WD_ALIGN_PARAGRAPH.CENTER, before=Mm(28.8))
    run = mark.add_run("苏州市人民政府常务会议纪要")
    _fonts(run._r, "方正小标宋简体")
    run.font.size = Pt(22)
    _spacing(run._r, 0)
    if mark_colour is not None:
        run.font.color.rgb = mark_colour
    plain("第96次", WD_ALIGN_PARAGRAPH.CENTER)
    plain("苏州市人民政府办公室　　　　　　　　　2020年6月1日")
    plain()
    def marked(marker: str, face: str, rest: str):
        p = doc.add_paragraph()
        _fonts(p.add_run(marker)._r, face)
        p.add_run(rest)
        return p

    full = 2 * GRID.chars - 2
    marked("一、", heading_face, _text(full - 2, 0))
    marked("（一）", "楷体_GB2312", _text(full - 3, 1))
    short = _text(full - 6, 2)
    doc.add_paragraph(short[:10] + comma + short[10:])
    last = doc.add_paragraph(_text(full, 3))
    if not indent:
        last.paragraph_format.first_line_indent = Twips(0)
    for page in range(colophon_page - 1):
        count = 11 if page < colophon_page - 2 else 9
        for i in range(count):
            text = _text(2 * GRID.chars - 2, 20 + 11 * page + i)
            p = (marked(f"{second}、", "黑体", text[2:]) if i == 0 and page == colophon_page - 2
                 else doc.add_paragraph(text))
            if i == 0:
                p.paragraph_format.page_break_before = True
    plain()
    plain()
    plain("分送：各市、区人民政府，市各有关部门。", size=14, indent=280)
    printed = plain("苏州市人民政府办公室\t2020年6月1日印发", size=14)
    printed.paragraph_format.left_indent = Twips(280)
    printed.paragraph_format.tab_stops.add_tab_stop(Twips(twips(mm(PAGE.body_width_mm)) - 280),
                                                    WD_TAB_ALIGNMENT.RIGHT)

    doc.settings.odd_and_even_pages_header_footer = folio == "sides"
    sides = [(section.footer, WD_ALIGN_PARAGRAPH.RIGHT if folio == "sides" else WD_ALIGN_PARAGRAPH.CENTER)]
    if folio == "sides":
        sides.append((section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, align in sides:
        p = footer.paragraphs[0]
        p.alignment = align
        p.paragraph_format.first_line_indent = Twips(0)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(14)
        elif align == WD_ALIGN_PARAGRAPH.LEFT:
            p.paragraph_format.left_indent = Pt(14)
        _page_field(p, 14)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@needs_soffice
def test_docgen_docx_conforms(seed_minutes, seed_rendered):
    from docgen.render.api import render_bytes
    report = audit_docx_bytes(render_bytes(seed_minutes, "docx", prepared=seed_rendered), "seed.docx")
    # conforms; the six half-width commas of the printed original, kept as printed, are a 提示
    assert report.conforms, [f.as_dict() for f in report.breaches]
    assert [f.rule.id for f in report.advisories] == ["body.punctuation"]
    assert "“,”6 个" in report.advisories[0].measured
    assert report.measured["chars_per_line"] == GRID.chars
    assert report.measured["lines_per_page"] == GRID.lines
    assert report.measured["libreoffice_pdf"]["colophon_page"] == 12


@needs_soffice
def test_docgen_docx_of_a_new_draft_conforms():
    from test_render import DRAFT

    from docgen.model import load_minutes_text
    from docgen.render.api import render_bytes
    report = audit_docx_bytes(render_bytes(load_minutes_text(DRAFT).minutes, "docx"), "draft.docx")
    assert report.findings == [], [f.as_dict() for f in report.findings]


@needs_soffice
def test_python_docx_minutes_conform():
    report = audit_docx_bytes(minutes_docx(), "plain.docx")
    assert report.findings == [], [f.as_dict() for f in report.findings]


@needs_soffice
@pytest.mark.parametrize("knobs, expected, source", [
    ({"margins": (30, 33, 42, 21)}, {"page.margins"}, "docx"),
    ({"chars": 30}, {"page.chars"}, "docx"),
    ({"body_font": "宋体", "body_size": 14}, {"body.size", "body.face"}, "docx"),
    ({"mark_colour": None}, {"header.mark.colour"}, "docx"),
    ({"folio": "centre"}, {"folio.side"}, "docx"),
    ({"colophon_page": 3}, {"colophon.page"}, "docx-pdf"),
    ({"second": "三"}, {"body.numbering"}, "docx"),
    ({"heading_face": "仿宋_GB2312"}, {"body.heading.face"}, "docx"),
    ({"indent": False}, {"body.indent"}, "docx"),
    ({"comma": ","}, {"body.punctuation"}, "docx"),
], ids=["margins", "30-chars", "song-14pt", "black-mark", "centred-folios", "colophon-odd",
        "numbering-gap", "heading-in-fangsong", "no-indent", "half-width-comma"])
def test_one_rule_broken_is_reported_alone(knobs, expected, source):
    report = audit_docx_bytes(minutes_docx(**knobs), "bad.docx")
    assert report.rule_ids() == expected, [f.as_dict() for f in report.findings]
    assert {f.source for f in report.findings} == {source}


def _zip(members: dict[str, bytes]) -> bytes:
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("content, message", [
    (b"not a zip", "不是 ZIP"),
    (_zip({"a.txt": b"x"}), "word/document.xml"),
    (_zip({"word/document.xml": b"\0" * (80 * 1024 * 1024)}), "ZIP 炸弹"),
    (_zip({"word/document.xml": b"<w:document"}), "无法读取"),
])
def test_hostile_docx_refused_with_exit_2(tmp_path, content, message):
    import subprocess
    import sys
    path = tmp_path / "x.docx"
    path.write_bytes(content)
    run = subprocess.run([sys.executable, "-m", "docgen", "audit", str(path)], capture_output=True, text=True)
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr and not run.stdout
