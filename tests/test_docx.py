"""The DOCX backend: its XML, python-docx reopening it, and LibreOffice's layout of it.

The seed minutes are rendered to DOCX; the XML must carry the GB/T 9704 page, the grid,
East Asian fonts, odd/even footers with PAGE fields and the named styles. LibreOffice then
converts the DOCX to PDF once per session (module fixture), and its pages are compared with
the typesetter's: 28 characters a line, 22 lines a page, the same pages, the same lines,
and no punctuation lost (LibreOffice 7.4 drops line-end "，" "、" in justified CJK
paragraphs; the DOCX avoids that, see ``docgen/render/docx/builder.py``).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.gbt9704 import FURNITURE, GRID, PAGE, mm, twips
from docgen.layout.pages import typeset
from docgen.model import load_minutes, load_profile
from docgen.model.minutes import Minutes
from docgen.render.docx import render_docx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "suzhou-2020-96.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
WS = re.compile(r"\s+")
HANGING = set("，。、；：？！）》」』”’,.;:?!")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def minutes_of(path: Path) -> Minutes:
    loaded = load_minutes(path)
    return getattr(loaded, "minutes", loaded)


class Rendered:
    def __init__(self, m: Minutes):
        self.minutes = m
        self.profile = load_profile(m.profile)
        self.layout = typeset(m, self.profile)
        self.data = render_docx(m, self.layout, self.profile, created=m.printed.date)
        self.zip = zipfile.ZipFile(io.BytesIO(self.data))

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name))

    def footers(self) -> list:
        return [self.xml(n) for n in self.zip.namelist() if re.match(r"word/footer\d*\.xml", n)]


@pytest.fixture(scope="module")
def seed() -> Rendered:
    return Rendered(minutes_of(SEED))


def blank_page_variant() -> Rendered | None:
    """The seed cut down so that its body ends on an even page with no room left:
    the layout then has a blank page before the 版记."""
    base = minutes_of(SEED).model_dump()
    for topics in range(1, len(base["topics"]) + 1):
        for closing in range(4):
            data = dict(base, topics=base["topics"][:topics],
                        closing=["会议还研究了其他事项。"] * closing)
            m = Minutes.model_validate(data)
            layout = typeset(m, load_profile(m.profile))
            if any(p.blank for p in layout.pages):
                return Rendered(m)
    return None


def hanging_pair_variant() -> Rendered:
    """Items that end "……措施（试行）》。", one of them on a line that hangs both "》。" in the
    margin (the typesetter does, as the printed seed does): Word and LibreOffice hang one."""
    base = minutes_of(SEED).model_dump()
    for dept in ("住房城乡建设厅", "工业和信息化厅", "水利厅"):
        items = [f"原则同意省{dept}起草的《关于加快推进{'新型工业化' * k}高质量发展的若干措施（试行）》。"
                 for k in (1, 3, 2)]
        m = Minutes.model_validate(dict(base, topics=[{"title": "审议有关措施", "items": items}]))
        rendered = Rendered(m)
        if any(len(pl.line.hang) == 2 for page in rendered.layout.pages for pl in page.lines):
            return rendered
    raise AssertionError("no item hangs two marks")


# --- the XML ------------------------------------------------------------------------------

def test_page_margins_and_grid(seed):
    body = seed.xml("word/document.xml")
    sectPr = body.find("w:body/w:sectPr", NS)
    size, margins = sectPr.find("w:pgSz", NS), sectPr.find("w:pgMar", NS)
    assert int(size.get(q("w"))) == twips(mm(PAGE.width_mm))
    assert int(size.get(q("h"))) == twips(mm(PAGE.height_mm))
    expected = {"top": PAGE.top_mm, "bottom": PAGE.bottom_mm, "left": PAGE.left_mm,
                "right": PAGE.right_mm}
    for side, value_mm in expected.items():
        assert int(margins.get(q(side))) == twips(mm(value_mm)), side
    grid = sectPr.find("w:docGrid", NS)
    assert grid.get(q("type")) == "lines"
    pitch = int(grid.get(q("linePitch")))
    text_height = int(size.get(q("h"))) - int(margins.get(q("top"))) - int(margins.get(q("bottom")))
    assert pitch * GRID.lines <= text_height < pitch * (GRID.lines + 1)
    # every section has the same page
    for other in body.iter(q("sectPr")):
        assert other.find("w:pgMar", NS).attrib == margins.attrib


def test_body_style_squeezes_to_28_characters(seed):
    styles = seed.xml("word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    spacing = int(normal.find("w:rPr/w:spacing", NS).get(q("val")))
    size = int(normal.find("w:rPr/w:sz", NS).get(q("val"))) * 10        # half-points → twips
    margins = seed.xml("word/document.xml").find("w:body/w:sectPr/w:pgMar", NS)
    width = (twips(mm(PAGE.width_mm)) - int(margins.get(q("left")))
             - int(margins.get(q("right"))))
    assert GRID.chars * (size + spacing) <= width < (GRID.chars + 1) * (size + spacing)
    line = normal.find("w:pPr/w:spacing", NS)
    assert line.get(q("lineRule")) == "exact"


def test_east_asian_fonts_on_styles_and_runs(seed):
    fonts = seed.profile.fonts
    styles = seed.xml("word/styles.xml")
    by_name = {s.find("w:name", NS).get(q("val")): s for s in styles.findall("w:style", NS)}
    body = by_name["正文"].find("w:rPr/w:rFonts", NS)
    assert body.get(q("eastAsia")) == fonts.fangsong
    assert body.get(q("ascii")) == fonts.latin and body.get(q("hAnsi")) == fonts.latin
    assert body.get(q("hint")) == "eastAsia"
    assert by_name["一级标题"].find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == fonts.hei
    for rfonts in styles.iter(q("rFonts")):
        assert not any(a.endswith("Theme") for a in rfonts.attrib), "theme fonts override names"
    doc = seed.xml("word/document.xml")
    runs = list(doc.iter(q("r")))
    texts = [r for r in runs if r.find("w:t", NS) is not None]
    assert all(r.find("w:rPr/w:rFonts", NS) is not None for r in texts)
    used = {r.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) for r in texts}
    assert {fonts.fangsong, fonts.hei, fonts.kai, fonts.xiaobiaosong} <= used
    heading = next(r for r in texts if r.find("w:t", NS).text.startswith("一、"))
    assert heading.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == fonts.hei


def test_named_styles(seed):
    names = {s.find("w:name", NS).get(q("val"))
             for s in seed.xml("word/styles.xml").findall("w:style", NS)}
    for name in ("纪要标志", "期号", "编发", "正文", "一级标题", "二级标题", "出席", "列席",
                 "记录", "整理", "附注", "分送", "印发", "页码"):
        assert name in names, name
    doc = seed.xml("word/document.xml")
    used = {p.get(q("val")) for p in doc.iter(q("pStyle"))}
    ids = {s.get(q("styleId")) for s in seed.xml("word/styles.xml").findall("w:style", NS)}
    assert used <= ids



STYLE_REFS = ("pStyle", "rStyle", "tblStyle", "basedOn", "next", "link")


def test_only_the_styles_it_uses(seed):
    """The blank is cut: Word's defaults and docgen's styles, every reference defined, no
    Word 2010 copy of the styles and no list numbering (docgen numbers in text)."""
    styles = seed.xml("word/styles.xml").findall("w:style", NS)
    ids = {s.get(q("styleId")) for s in styles}
    extra = {s.get(q("styleId")) for s in styles
             if s.get(q("default")) != "1" and not s.get(q("styleId")).startswith("Dg")}
    assert not extra
    assert seed.xml("word/styles.xml").find("w:latentStyles", NS) is not None
    parts = [n for n in seed.zip.namelist() if n.startswith("word/") and n.endswith(".xml")]
    refs = {el.get(q("val")) for n in parts for tag in STYLE_REFS for el in seed.xml(n).iter(q(tag))}
    assert refs and refs <= ids, refs - ids
    assert not {"word/stylesWithEffects.xml", "word/numbering.xml"} & set(seed.zip.namelist())
    assert len(seed.zip.read("word/styles.xml")) < 60_000

def test_headings_keep_with_their_text(seed):
    """Word and WPS reflow the body: the 一级标题 style keeps a heading with the next
    paragraph, as the typesetter does (tests/test_pages.py)."""
    styles = {s.get(q("styleId")): s for s in seed.xml("word/styles.xml").findall("w:style", NS)}
    keep = styles["DgHeading1"].find("w:pPr/w:keepNext", NS)
    assert keep is not None and keep.get(q("val"), "1") in ("1", "true")
    assert styles["DgBody"].find("w:pPr/w:keepNext", NS) is None


def test_odd_even_footers_with_page_fields(seed):
    settings = seed.xml("word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    first = seed.xml("word/document.xml").find(".//w:body/w:p/w:pPr/w:sectPr", NS)
    refs = {r.get(q("type")) for r in first.findall("w:footerReference", NS)} if first is not None \
        else set()
    assert {"default", "even"} <= refs
    numbered = [f for f in seed.footers() if "PAGE" in "".join(f.itertext())]
    assert len(numbered) == 2
    aligns = set()
    for footer in numbered:
        text = "".join(t.text or "" for t in footer.iter(q("t")))
        assert text.startswith(FURNITURE.folio_dash) and text.endswith(FURNITURE.folio_dash)
        assert any((i.text or "").strip() == "PAGE" for i in footer.iter(q("instrText")))
        aligns.add(footer.find(".//w:jc", NS).get(q("val")))
        fonts = footer.find(".//w:r/w:rPr/w:rFonts", NS)
        assert fonts.get(q("eastAsia")) == fonts.get(q("ascii")) == seed.profile.fonts.song
    assert aligns == {"left", "right"}
    blank = [f for f in seed.footers() if "PAGE" not in "".join(f.itertext())]
    assert blank, "the 版记 section has footers without a page number"


def test_colophon_is_a_floating_table_at_the_bottom(seed):
    doc = seed.xml("word/document.xml")
    tables = doc.findall(".//w:tbl", NS)
    assert len(tables) == 1
    pos = tables[0].find("w:tblPr/w:tblpPr", NS)
    assert pos.get(q("tblpYSpec")) == "bottom" and pos.get(q("vertAnchor")) == "margin"
    borders = tables[0].find("w:tblPr/w:tblBorders", NS)
    heavy = round(mm(FURNITURE.colophon_rule_heavy_mm) * 8)
    light = round(mm(FURNITURE.colophon_rule_light_mm) * 8)
    assert int(borders.find("w:top", NS).get(q("sz"))) == heavy
    assert int(borders.find("w:bottom", NS).get(q("sz"))) == heavy
    assert int(borders.find("w:insideH", NS).get(q("sz"))) == light
    text = "".join(tables[0].itertext())
    assert "分送：" in text and text.endswith("印发")


def test_python_docx_reopens_it(seed):
    import docx
    document = docx.Document(io.BytesIO(seed.data))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("一、") for t in texts)
    assert document.paragraphs[0].style.name == "纪要标志"
    props = document.core_properties
    assert props.title == seed.layout.document.title
    assert props.author == seed.layout.document.author
    assert props.created.date() == seed.minutes.printed.date
    assert len(document.sections) == 2


def test_xml_special_characters_survive(seed):
    import docx
    data = seed.minutes.model_dump()
    tricky = '规定<试行>第1条 & 第2条"暂行"'
    data["topics"][0]["items"][0] = {"text": tricky, "items": []}
    m = Minutes.model_validate(data)
    profile = load_profile(m.profile)
    out = render_docx(m, typeset(m, profile), profile, created=m.date)
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")
    text = "".join(etree.fromstring(xml).itertext())
    assert tricky in text
    assert any(tricky in p.text for p in docx.Document(io.BytesIO(out)).paragraphs)


# --- LibreOffice's layout -----------------------------------------------------------------

@pytest.fixture(scope="module")
def converted(seed, tmp_path_factory):
    """The seed's DOCX (and a blank-page variant's) as LibreOffice lays them out, as PDF:
    one LibreOffice run through audit's converter, the one docgen itself uses."""
    from docgen.audit.libreoffice import docx_to_pdfs, soffice
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: run make setup")
    out = tmp_path_factory.mktemp("lo")
    docs = {"seed": seed, "hanging": hanging_pair_variant()}
    variant = blank_page_variant()
    if variant is not None:
        docs["blank"] = variant
    pdfs, why = docx_to_pdfs([r.data for r in docs.values()])
    assert len(pdfs) == len(docs), why
    for i, name in enumerate(docs):
        (out / f"{name}.pdf").write_bytes(pdfs[i])
    return {name: (docs[name], out / f"{name}.pdf") for name in docs}


def test_libreoffice_layouts_pass_the_audit(converted):
    """One oracle of the DOCX backend: LibreOffice's PDFs of the seed and of its blank-page
    variant, measured by docgen audit: they conform (the seed's six half-width commas,
    kept as printed, are a 提示 only)."""
    from docgen.audit import audit_pdf_bytes
    for name, (rendered, pdf) in converted.items():
        report = audit_pdf_bytes(pdf.read_bytes(), f"{name}.pdf")
        assert report.conforms, [f.as_dict() for f in report.breaches]
        assert report.measured["colophon_page"] == len(rendered.layout.pages)
        assert report.measured["colophon_page"] % 2 == 0


def pdf_rows(path: Path) -> list[list[tuple[float, float, str]]]:
    """Per page: text rows as (baseline y, size, text), top to bottom, characters by x."""
    import pymupdf
    pages = []
    with pymupdf.open(path) as pdf:
        for page in pdf:
            chars = []
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for c in span["chars"]:
                            chars.append((c["origin"][1], c["origin"][0], span["size"], c["c"]))
            chars.sort()
            rows: list[list] = []
            for ch in chars:
                if rows and abs(rows[-1][0][0] - ch[0]) < 3:
                    rows[-1].append(ch)
                else:
                    rows.append([ch])
            # a row's size is its most common one: a mark narrowed with w:w is reported smaller
            pages.append([(r[0][0], max((c[2] for c in r), key=[c[2] for c in r].count),
                           "".join(c[3] for c in sorted(r, key=lambda c: c[1]))) for r in rows])
    return pages


def body_rows(rendered: Rendered, pdf: Path) -> dict[int, list[str]]:
    """Per page number: the 三号 rows inside the 版心 below the header, whitespace removed."""
    top = mm(PAGE.top_mm)
    bottom = top + mm(PAGE.body_height_mm)
    pitch = mm(PAGE.body_height_mm) / GRID.lines
    out = {}
    for number, rows in enumerate(pdf_rows(pdf), 1):
        first = top + (rendered.profile.header_lines * pitch if number == 1 else 0)
        out[number] = [WS.sub("", text) for y, size, text in rows
                       if abs(size - GRID.body_size_pt) < 0.5 and first < y <= bottom + 1]
    return out


BODY_KINDS = frozenset({"preamble", "intro", "topic", "item1", "item2", "item3", "para"})


def matched_lines(rendered: Rendered, pdf: Path) -> tuple[int, int]:
    """(body lines LibreOffice sets as the typesetter does, body lines)."""
    rows = body_rows(rendered, pdf)
    same = total = 0
    for page in rendered.layout.pages:
        for placed, text in zip(page.lines, rows[page.number]):
            if placed.block.kind in BODY_KINDS:
                total += 1
                same += WS.sub("", placed.line.text) == text
    return same, total


def test_a_line_that_hangs_two_marks_keeps_its_end_and_its_page(converted):
    """On the line that hangs "》。", the DOCX draws the two marks before the pair at half a
    cell each (w:w; never 《》, which narrowed read as 〈〉): LibreOffice, which hangs one
    mark, then ends every line where the typesetter did (before, it pushed "行）》。" down
    and the paragraph grew a line)."""
    rendered, pdf = converted["hanging"]
    same, total = matched_lines(rendered, pdf)
    assert same == total > 10
    assert len(pdf_rows(pdf)) == len(rendered.layout.pages)
    body = rendered.xml("word/document.xml").find("w:body", NS)
    narrowed = ["".join(r.itertext()) for p in body.iter(q("p")) if "试行" in "".join(p.itertext())
                for r in p.iter(q("r")) if r.find("w:rPr/w:w", NS) is not None]
    assert narrowed == ["（", "）"]


def test_same_pages_as_the_layout(converted):
    seed, pdf = converted["seed"]
    assert len(pdf_rows(pdf)) == len(seed.layout.pages) == 12


def test_22_lines_on_every_page(converted):
    seed, pdf = converted["seed"]
    rows = body_rows(seed, pdf)
    for page in seed.layout.pages:
        assert len(rows[page.number]) == len(page.lines), page.number
        if not page.header and page.lines and page.number < len(seed.layout.pages) - 1:
            assert len(rows[page.number]) == GRID.lines or any(
                pl.block.gap_before for pl in page.lines), page.number
    full = [n for n, r in rows.items() if len(r) == GRID.lines]
    assert len(full) >= 7


def test_28_characters_on_full_lines(converted):
    seed, pdf = converted["seed"]
    rows = body_rows(seed, pdf)
    counted = exact = 0
    for page in seed.layout.pages:
        for placed, text in zip(page.lines, rows[page.number]):
            line = placed.line
            if line.last or line.block.align != "justify" or line.block.kind == "preamble":
                continue
            if any(ord(c) < 0x2E80 and c not in "“”—…" for c in text):
                continue            # half-width digits and Latin take half a cell
            cells = line.indent + len(text)
            if cells == GRID.chars + 1 and text[-1] in HANGING:
                cells -= 1          # a closing mark hung in the margin
            elif cells == GRID.chars + 2 and len(line.hang) == 2:
                cells -= 2          # "》。" hung by the typesetter: two marks before it at
                                    # half a cell each in the DOCX, and 。 hung
            assert cells <= GRID.chars, text
            counted += 1
            exact += cells == GRID.chars
    # a line may end short where LibreOffice keeps a character with a closing mark that
    # must not start the next line ("法》。") and the typesetter squeezed instead
    assert counted > 100 and exact / counted >= 0.95, f"{exact}/{counted}"


def test_body_lines_match_the_typesetter(converted):
    """At least 85 % of the 177 body lines (the printed seed's) are identical."""
    seed, pdf = converted["seed"]
    same, total = matched_lines(seed, pdf)
    assert total == 177
    assert same / total >= 0.85, f"{same}/{total}"


def test_no_punctuation_lost(converted):
    seed, pdf = converted["seed"]
    doc = seed.layout.document
    expected = WS.sub("", "".join([doc.mark, doc.issue_line or "", doc.office or "",
                                   doc.office_date or ""]
                                  + [b.text for b in doc.body + doc.colophon]))
    got = WS.sub("", "".join(text for rows in pdf_rows(pdf) for _, _, text in rows))
    for mark in "，、。；：":
        assert got.count(mark) == expected.count(mark), mark
    it = iter(got)
    missing = [ch for ch in expected if ch not in it]
    assert not missing, missing[:10]


def test_header_takes_the_header_lines(converted):
    seed, pdf = converted["seed"]
    pages = pdf_rows(pdf)
    pitch = mm(PAGE.body_height_mm) / GRID.lines
    body = [y for y, size, _ in pages[0] if abs(size - GRID.body_size_pt) < 0.5]
    second = [y for y, size, _ in pages[1] if abs(size - GRID.body_size_pt) < 0.5]
    first_body = min(y for y in body if y > mm(PAGE.top_mm) + 10 * pitch)
    assert abs(first_body - second[0] - seed.profile.header_lines * pitch) < 2.5
    mark = [text for _, size, text in pages[0] if size > 20]
    assert mark and WS.sub("", mark[0]) == seed.layout.document.mark


def test_page_numbers_and_colophon_page(converted):
    import pymupdf
    seed, pdf = converted["seed"]
    with pymupdf.open(pdf) as document:
        for page, layout_page in zip(document, seed.layout.pages):
            text = WS.sub("", page.get_text())
            folio = f"{FURNITURE.folio_dash}{layout_page.number}{FURNITURE.folio_dash}"
            assert (folio in text) == layout_page.folio, layout_page.number
        last = document[-1]
        rules = sorted(d["rect"].y1 for d in last.get_drawings())
        bottom = mm(PAGE.top_mm + PAGE.body_height_mm)
        assert len(rules) == 3
        assert abs(rules[-1] - bottom) < 1.5, "the 版记's last rule lies on the 版心's bottom"


def test_blank_page_before_the_colophon(converted):
    if "blank" not in converted:
        pytest.skip("no cut of the seed ends on a full even page")
    rendered, pdf = converted["blank"]
    import pymupdf
    with pymupdf.open(pdf) as document:
        assert len(document) == len(rendered.layout.pages)
        blank = next(p for p in rendered.layout.pages if p.blank)
        assert not document[blank.number - 1].get_text().strip()
        last = document[-1]
        assert "印发" in last.get_text() and FURNITURE.folio_dash not in last.get_text()
