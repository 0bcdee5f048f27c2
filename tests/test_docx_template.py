"""An office's own Word file as the base of docgen's DOCX (issue 16).

Every reference document here is built by the test with python-docx (no binary fixture):
a letterhead with placeholders in its header, a body style 正文-仿宋 the profile maps,
a page that breaks GB/T 9704, an office 版记 with placeholders, and hostile files. The
output must keep the office's names and letterhead and still be docgen's GB/T page:
LibreOffice's layout of it puts the seed's body lines where the printed original has them.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from docgen.diff import diff
from docgen.errors import DocgenError
from docgen.gbt9704 import CLAUSE, PAGE
from docgen.model import load_minutes, load_profile
from docgen.parse.api import parse_bytes
from docgen.render.api import prepare, render_bytes
from docgen.render.docx import grid
from docgen.render.docx.styles import spec_for_block

from test_docx import NS, WS, matched_lines, q

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "suzhou-2020-96.yaml"
SUZHOU = ROOT / "docgen" / "profiles" / "suzhou.yaml"
BODY_STYLE = "正文-仿宋"
BODY_FONT = "仿宋"


# --- reference documents, made here ---------------------------------------------------------

def template(path: Path, *, header: list[str] | None = None, top_mm: float = PAGE.top_mm,
             body_pt: float = 16, colophon: list[str] | None = None) -> Path:
    """A reference DOCX: a GB/T page unless told, a 正文-仿宋 style, a header whose runs
    are ``header`` (placeholders split over runs, as Word does), sample text and a 版记."""
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(PAGE.width_mm), Mm(PAGE.height_mm)
    section.top_margin, section.bottom_margin = Mm(top_mm), Mm(PAGE.bottom_mm)
    section.left_margin, section.right_margin = Mm(PAGE.left_mm), Mm(PAGE.right_mm)
    style = d.styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.font.size = Pt(body_pt)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    if header:
        p = section.header.paragraphs[0]
        for text in header:
            p.add_run(text)
    d.add_paragraph("这是模板中的示例正文，生成时删去。", style=BODY_STYLE)
    if colophon:
        table = d.add_table(rows=len(colophon), cols=1)
        for row, text in zip(table.rows, colophon):
            row.cells[0].text = text
    d.save(path)
    return path


def profile_file(folder: Path, styles: str = f"{{正文: {BODY_STYLE}}}",
                 ref: str = "ref.docx") -> Path:
    """suzhou.yaml's content, with the office's Word template and style map."""
    path = folder / "office.yaml"
    path.write_text(SUZHOU.read_text(encoding="utf-8")
                    + f"docx_template: {ref}\ndocx_styles: {styles}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed():
    return load_minutes(SEED).minutes


def built(seed, folder: Path, **kwargs):
    """(prepared, DOCX bytes) for the seed on a template made with ``kwargs``."""
    template(folder / "ref.docx", **kwargs)
    prepared = prepare(seed, load_profile(str(profile_file(folder))))
    return prepared, render_bytes(seed, "docx", prepared=prepared)


def part(data: bytes, name: str):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def parts(data: bytes, prefix: str) -> list:
    z = zipfile.ZipFile(io.BytesIO(data))
    return [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith(prefix)]


def text_of(el) -> str:
    return "".join(t.text or "" for t in el.iter(q("t")))


LETTERHEAD = ["{{ iss", "uer }}文件", "　第{{ ses", "sion }}次"]


@pytest.fixture(scope="module")
def office(seed, tmp_path_factory):
    """The seed on the office's template: letterhead, mapped 正文, office 版记 rows."""
    folder = tmp_path_factory.mktemp("office")
    return built(seed, folder, header=LETTERHEAD, colophon=[
        "{{ distribution_label }}：{{ distribution }}",
        "{{ printed.by }}\t{{ printed.date }}印发"])


# --- (a) letterhead ------------------------------------------------------------------------

def test_letterhead_placeholders_filled(office, seed):
    prepared, data = office
    headers = [text_of(h) for h in parts(data, "word/header")]
    assert f"{seed.issuer}文件　第{seed.session}次" in headers
    sectPr = part(data, "word/document.xml").find(".//w:body/w:p/w:pPr/w:sectPr", NS)
    kinds = {r.get(q("type")) for r in sectPr.findall("w:headerReference", NS)}
    assert {"default", "even"} <= kinds, "odd and even pages both carry the letterhead"


def test_footers_are_docgens_page_numbers(office):
    _, data = office
    numbered = [f for f in parts(data, "word/footer") if "PAGE" in "".join(f.itertext())]
    assert len(numbered) == 2


# --- (b) the office's body style -----------------------------------------------------------

def test_body_paragraphs_use_the_mapped_style(office):
    prepared, data = office
    styles = part(data, "word/styles.xml")
    mine = next(s for s in styles.findall("w:style", NS)
                if s.find("w:name", NS).get(q("val")) == BODY_STYLE)
    style_id = mine.get(q("styleId"))
    assert mine.find("w:rPr/w:sz", NS).get(q("val")) == str(grid.BODY_HALF_POINTS)
    assert mine.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == BODY_FONT
    assert int(mine.find("w:rPr/w:spacing", NS).get(q("val"))) == grid.CHAR_SPACING
    line = mine.find("w:pPr/w:spacing", NS)
    assert (line.get(q("line")), line.get(q("lineRule"))) == (str(grid.LINE), "exact")
    used = [p.get(q("val")) for p in part(data, "word/document.xml").iter(q("pStyle"))]
    body = [b for b in prepared.layout.document.body if spec_for_block(b).name == "正文"]
    assert len(body) >= 2 and used.count(style_id) == len(body)
    assert "DgBody" not in used
    names = {s.find("w:name", NS).get(q("val")) for s in styles.findall("w:style", NS)}
    assert "正文" not in names, "the mapped docgen style is not created beside it"
    assert "示例正文" not in text_of(part(data, "word/document.xml"))


@pytest.fixture(scope="module")
def converted(office, seed, tmp_path_factory):
    from docgen.audit.libreoffice import docx_to_pdfs, soffice
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: run make setup")
    prepared, data = office
    pdfs, why = docx_to_pdfs([data])
    assert 0 in pdfs, why
    pdf = tmp_path_factory.mktemp("lo") / "office.pdf"
    pdf.write_bytes(pdfs[0])
    return SimpleNamespace(layout=prepared.layout, profile=prepared.profile), pdf


def test_libreoffice_keeps_the_body_lines(converted):
    rendered, pdf = converted
    same, total = matched_lines(rendered, pdf)
    assert total == 177
    assert same / total >= 0.95, f"{same}/{total}"


def test_libreoffice_shows_the_letterhead(converted, seed):
    import pymupdf
    _, pdf = converted
    with pymupdf.open(pdf) as document:
        assert all(f"第{seed.session}次" in WS.sub("", page.get_text()) for page in document[:2])


def test_audit_takes_the_letterhead_for_no_line_of_the_document(office, converted):
    """docgen audit of the DOCX made on the template: the letterhead in the 天头 is the
    office's, not a line of the 纪要, so the layout still conforms."""
    from docgen.audit.api import audit_docx_bytes
    _, data = office
    _, pdf = converted
    report = audit_docx_bytes(data, "office.docx", layout_pdf=pdf.read_bytes())
    assert report.conforms, [f.as_dict() for f in report.breaches]


# --- (c) a template off the GB/T page -------------------------------------------------------

def test_top_margin_reported_and_page_kept(seed, tmp_path):
    prepared, data = built(seed, tmp_path, top_mm=25)
    text = "\n".join(str(w) for w in prepared.warnings)
    assert "上边距为 25 mm" in text and f"天头 {PAGE.top_mm:g} mm" in text
    assert CLAUSE["page"] in text and "ref.docx" in text
    margins = part(data, "word/document.xml").find("w:body/w:sectPr/w:pgMar", NS)
    assert int(margins.get(q("top"))) == grid.TOP


def test_body_size_reported_and_grid_kept(seed, tmp_path):
    prepared, data = built(seed, tmp_path, body_pt=14)
    found = [str(w) for w in prepared.warnings if "字号为 14 磅" in str(w)]
    assert found and CLAUSE["fonts"] in found[0] and "三号" in found[0]
    assert "docx_styles.正文" in found[0]
    styles = part(data, "word/styles.xml")
    mine = next(s for s in styles.findall("w:style", NS)
                if s.find("w:name", NS).get(q("val")) == BODY_STYLE)
    assert mine.find("w:rPr/w:sz", NS).get(q("val")) == str(grid.BODY_HALF_POINTS)


def test_conforming_template_page_is_not_reported(office):
    prepared, _ = office
    assert not [w for w in prepared.warnings if w.path == "docx_template"
                and ("边距" in w.message or "纸张" in w.message)]


# --- (d) parse gives the seed back ----------------------------------------------------------

def test_parse_gives_back_the_seed(office, seed):
    _, data = office
    parsed, _ = parse_bytes(data, ".docx", "<office.docx>")
    differences = diff(seed, parsed)
    assert differences == [], "\n".join(differences)
    assert parsed.model_dump() == seed.model_dump()


# --- (e) the template's 版记 ----------------------------------------------------------------

def test_colophon_rows_filled_and_agreeing(office, seed):
    prepared, data = office
    assert not [w for w in prepared.warnings if "版记" in w.message], prepared.warnings
    tables = part(data, "word/document.xml").findall(".//w:tbl", NS)
    assert len(tables) == 1, "docgen's 版记 table only"
    assert tables[0].find("w:tblPr/w:tblpPr", NS).get(q("tblpYSpec")) == "bottom"
    assert WS.sub("", text_of(tables[0])) == WS.sub("", "".join(
        b.text for b in prepared.layout.document.colophon))


def test_colophon_row_that_disagrees_is_reported(seed, tmp_path):
    prepared, data = built(seed, tmp_path, colophon=[
        "抄送：{{ distribution }}", "市政府办公室\t{{ printed.date }}印发", "（共印 20 份）"])
    text = [str(w) for w in prepared.warnings if "版记" in w.message]
    assert any("第 1 行" in t and "抄送" in t and "草稿为“分送" in t for t in text), text
    assert any("第 2 行" in t and "市政府办公室" in t for t in text), text
    assert any("第 3 行" in t and "未印出" in t for t in text), text
    table = part(data, "word/document.xml").find(".//w:tbl", NS)
    assert text_of(table).startswith(f"{seed.distribution_label}：")


# --- the profile's style map ---------------------------------------------------------------

@pytest.mark.parametrize("styles, message", [
    ("{正文稿: 正文-仿宋}", "docgen 没有名为“正文稿”的样式"),
    ("{正文: 正文-楷体}", "没有名为“正文-楷体”的段落样式"),
])
def test_style_map_errors_name_the_field(seed, tmp_path, styles, message):
    template(tmp_path / "ref.docx")
    profile = load_profile(str(profile_file(tmp_path, styles)))
    with pytest.raises(DocgenError) as exc:
        prepare(seed, profile)
    problem = exc.value.problems[0]
    assert message in problem.message
    assert problem.path.startswith("docx_styles.") and problem.file.endswith("office.yaml")


def test_no_template_for_pdf_only(seed, tmp_path):
    profile = load_profile(str(profile_file(tmp_path, ref="missing.docx")))
    assert prepare(seed, profile, formats=["pdf"]).reference is None


# --- (f) hostile templates ------------------------------------------------------------------

@pytest.mark.parametrize("header, words", [
    (["{{ ''.__class__ }}"], "不安全"),
    (["{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"],
     "步"),
    (["{{ no_such_field }}"], "不认识的占位符"),
    (["{{ issuer "], "写法有误"),
])
def test_hostile_header_is_a_clear_error_quickly(seed, tmp_path, header, words):
    template(tmp_path / "ref.docx", header=header)
    profile = load_profile(str(profile_file(tmp_path)))
    start = time.perf_counter()
    with pytest.raises(DocgenError) as exc:     # found when the template is opened
        prepare(seed, profile)
    assert time.perf_counter() - start < 10
    problem = exc.value.problems[0]
    assert words in problem.message and "页眉" in problem.message, problem
    assert problem.file.endswith("ref.docx")


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    return path


@pytest.mark.parametrize("make, words", [
    (zip_bomb, "ZIP 炸弹"),
    (lambda p: (p.write_bytes(b"not a zip at all"), p)[1], "不是 DOCX"),
    (lambda p: (p.write_bytes(b"PK\x03\x04" + b"\0" * 64), p)[1], "损坏"),
    (lambda p: p, "找不到 Word 模板"),
])
def test_bad_template_file_is_a_clear_error(seed, tmp_path, make, words):
    make(tmp_path / "ref.docx")
    with pytest.raises(DocgenError) as exc:
        prepare(seed, load_profile(str(profile_file(tmp_path))))
    assert words in str(exc.value) and "ref.docx" in str(exc.value)


def test_cli_docx_template_option(seed, tmp_path):
    """``docgen render --docx-template``: warnings on stderr; a bad file is exit 2, no
    traceback and no output."""
    good = template(tmp_path / "good.docx", top_mm=25, header=LETTERHEAD)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"hello")
    out = tmp_path / "out"
    env_run = [sys.executable, "-m", "docgen", "render", str(SEED), "-o", str(out),
               "--format", "docx", "--docx-template"]
    ok = subprocess.run(env_run + [str(good)], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "警告：" in ok.stderr and "上边距为 25 mm" in ok.stderr
    header = [text_of(h) for h in parts((out / "suzhou-2020-96.docx").read_bytes(), "word/header")]
    assert any(f"第{seed.session}次" in h for h in header)
    failed = subprocess.run(env_run + [str(bad)], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path)
    assert failed.returncode == 2
    assert "bad.docx" in failed.stderr and "Traceback" not in failed.stderr
    out2 = tmp_path / "out2"
    failed = subprocess.run(env_run[:6] + [str(out2)] + env_run[7:] + [str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode == 2 and not out2.exists()


# --- what real office files carry ------------------------------------------------------------

def test_a_dotx_template_is_used_as_a_document(seed, tmp_path):
    """Offices keep their reference as a Word template (.dotx): only its content type differs."""
    made = template(tmp_path / "made.docx", header=LETTERHEAD)
    dotx = tmp_path / "ref.docx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(dotx, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(info, body)
    prepared = prepare(seed, load_profile(str(profile_file(tmp_path))))
    data = render_bytes(seed, "docx", prepared=prepared)
    assert b"document.main+xml" in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    assert any(f"第{seed.session}次" in text_of(h) for h in parts(data, "word/header"))


def test_section_settings_off_the_gbt_page_are_dropped(seed, tmp_path):
    path = template(tmp_path / "ref.docx")
    d = docx.Document(path)
    sectPr = d.sections[0]._sectPr
    cols = sectPr.find(q("cols"))
    cols.set(q("num"), "2")
    numbers = sectPr.makeelement(q("pgNumType"), {q("start"): "5"})
    cols.addprevious(numbers)
    d.settings.element.insert(0, d.settings.element.makeelement(q("mirrorMargins"), {}))
    d.save(path)
    prepared = prepare(seed, load_profile(str(profile_file(tmp_path))))
    text = "\n".join(str(w) for w in prepared.warnings)
    assert "分栏" in text and "页码格式或起始页码" in text and "对称页边距" in text
    data = render_bytes(seed, "docx", prepared=prepared)
    body = part(data, "word/document.xml")
    assert body.find(".//w:pgNumType", NS) is None
    assert all(c.get(q("num"), "1") == "1" for c in body.iter(q("cols")))
    assert part(data, "word/settings.xml").find("w:mirrorMargins", NS) is None


def test_first_page_letterhead(seed, tmp_path):
    """A letterhead on page 1 only (Word's 首页不同): page 1 still gets its page number,
    and the 版记 section does not start with the letterhead again."""
    path = template(tmp_path / "ref.docx")
    d = docx.Document(path)
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].add_run("{{ issuer }}")
    d.save(path)
    prepared = prepare(seed, load_profile(str(profile_file(tmp_path))))
    data = render_bytes(seed, "docx", prepared=prepared)
    body = part(data, "word/document.xml")
    first, last = body.find(".//w:body/w:p/w:pPr/w:sectPr", NS), body.find("w:body/w:sectPr", NS)
    assert first.find("w:titlePg", NS) is not None and last.find("w:titlePg", NS) is None
    refs = {r.get(q("type")) for r in first.findall("w:footerReference", NS)}
    assert {"default", "even", "first"} <= refs
    assert any(seed.issuer == text_of(h) for h in parts(data, "word/header"))
    numbered = [f for f in parts(data, "word/footer") if "PAGE" in "".join(f.itertext())]
    assert len(numbered) == 3


def test_template_normal_indent_does_not_reach_docgens_styles(seed, tmp_path):
    path = template(tmp_path / "ref.docx")
    d = docx.Document(path)
    pPr = d.styles["Normal"].element.get_or_add_pPr()
    pPr.append(pPr.makeelement(q("ind"), {q("firstLineChars"): "200"}))
    d.save(path)
    prepared = prepare(seed, load_profile(str(profile_file(tmp_path))))
    styles = part(render_bytes(seed, "docx", prepared=prepared), "word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:pPr/w:ind", NS) is None


def test_word_shows_normal_as_zhengwen(seed, tmp_path):
    """Chinese Word lists the built-in Normal as 正文: the profile may name it so."""
    template(tmp_path / "ref.docx")
    profile = load_profile(str(profile_file(tmp_path, "{正文: 正文, 一级标题: 标题 1}")))
    prepared = prepare(seed, profile)
    assert prepared.reference.styles == {"正文": "Normal", "一级标题": "Heading1"}
    data = render_bytes(seed, "docx", prepared=prepared)
    used = {p.get(q("val")) for p in part(data, "word/document.xml").iter(q("pStyle"))}
    assert {"Normal", "Heading1"} <= used and "DgBody" not in used
    heading = part(data, "word/styles.xml").find("w:style[@w:styleId='Heading1']", NS)
    fonts = heading.find("w:rPr/w:rFonts", NS)
    assert fonts.get(q("eastAsia")) == profile.fonts.hei, "a theme font gives way to 黑体"


def test_a_kept_font_of_another_kind_is_reported(seed, tmp_path):
    path = template(tmp_path / "ref.docx")
    d = docx.Document(path)
    d.styles[BODY_STYLE].element.rPr.rFonts.set(qn("w:eastAsia"), "楷体")
    d.save(path)
    prepared = prepare(seed, load_profile(str(profile_file(tmp_path))))
    found = [str(w) for w in prepared.warnings if "楷体" in w.message]
    assert found and "保留了模板的字体" in found[0] and CLAUSE["fonts"] in found[0]
    styles = part(render_bytes(seed, "docx", prepared=prepared), "word/styles.xml")
    mine = next(s for s in styles.findall("w:style", NS)
                if s.find("w:name", NS).get(q("val")) == BODY_STYLE)
    assert mine.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == "楷体"


def test_nonsense_numbers_in_the_template_are_not_a_crash(seed, tmp_path):
    """An office's file may carry anything in its attributes: never a traceback."""
    path = template(tmp_path / "ref.docx", header=LETTERHEAD)
    d = docx.Document(path)
    d.styles[BODY_STYLE].element.rPr.find(q("sz")).set(q("val"), "sixteen")
    sectPr = d.sections[0]._sectPr
    sectPr.find(q("pgMar")).set(q("top"), "1in")
    sectPr.find(q("pgMar")).set(q("header"), "-720")
    sectPr.find(q("docGrid")).set(q("linePitch"), "many")
    d.save(path)
    prepared = prepare(seed, load_profile(str(profile_file(tmp_path))))
    data = render_bytes(seed, "docx", prepared=prepared)
    margins = part(data, "word/document.xml").find("w:body/w:sectPr/w:pgMar", NS)
    assert int(margins.get(q("top"))) == grid.TOP and 0 <= int(margins.get(q("header"))) < grid.TOP


def test_a_letterhead_taller_than_the_top_margin_is_reported(seed, tmp_path, office):
    """Four lines of letterhead push every body line down (LibreOffice: 8 of 172 lines
    left in place); one or two fit the 天头."""
    path = template(tmp_path / "ref.docx", header=["{{ issuer }}"])
    d = docx.Document(path)
    for line in ("第一行", "第二行", "第三行"):
        d.sections[0].header.add_paragraph(line)
    d.save(path)
    prepared = prepare(seed, load_profile(str(profile_file(tmp_path))))
    found = [str(w) for w in prepared.warnings if "页眉" in w.message]
    assert found and f"天头 {PAGE.top_mm:g} mm" in found[0] and CLAUSE["page"] in found[0]
    assert not [w for w in office[0].warnings if "页眉" in w.message]


def tiny_png() -> bytes:
    """A 2 × 2 red PNG, written out here (no binary fixture)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\0" + b"\xff\0\0" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_logo_in_the_letterhead_reaches_even_pages(seed, tmp_path):
    path = template(tmp_path / "ref.docx", header=["{{ issuer }}"])
    d = docx.Document(path)
    d.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(tiny_png()), height=Mm(8))
    d.save(path)
    data = render_bytes(seed, "docx", prepared=prepare(seed, load_profile(str(profile_file(tmp_path)))))
    z = zipfile.ZipFile(io.BytesIO(data))
    headers = [n for n in z.namelist() if n.startswith("word/header")]
    assert len(headers) == 2, "the odd pages' letterhead copied for the even pages"
    for name in headers:
        rels = z.read(name.replace("word/", "word/_rels/") + ".rels").decode()
        assert "relationships/image" in rels, name
        blip = etree.fromstring(z.read(name)).find(".//{*}blip")
        rid = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
        assert f'Id="{rid}"' in rels
        assert seed.issuer in text_of(etree.fromstring(z.read(name)))
    docx.Document(io.BytesIO(data))           # python-docx reads it back
