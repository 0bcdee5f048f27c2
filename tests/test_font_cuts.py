"""The Noto cuts (docgen/layout/cuts.py): the same glyphs as Noto, the repertoire each role
needs, characters beyond them still drawn, and the embedded title face small."""

from __future__ import annotations

import json

import pymupdf
import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from docgen.layout import cuts
from docgen.layout.fonts import face, find_file
from docgen.model import load_minutes_text
from docgen.render.api import render_bytes
from pdfread import embedded_font_names, read_lines

SAMPLES = {"DocgenTitleSC-Bold.otf": "苏州市人民政府常务会议纪要鄞亳",
           "DocgenRareSC-Regular.otf": "飏堃喆玥"}


def outline(font: TTFont, ch: str) -> tuple[int, list]:
    name = font.getBestCmap()[ord(ch)]
    glyphs = font.getGlyphSet()
    pen = RecordingPen()
    glyphs[name].draw(pen)
    return glyphs[name].width, pen.value


@pytest.mark.parametrize("cut", cuts.CUTS, ids=lambda c: c.file_name)
def test_cut_draws_notos_own_glyphs(cut):
    made = TTFont(find_file(cut.file_name), lazy=True)
    source = TTFont(find_file(cut.source), fontNumber=cut.index, lazy=True)
    for ch in SAMPLES[cut.file_name]:
        assert outline(made, ch) == outline(source, ch), ch
    assert made["name"].getDebugName(1) == cut.family
    assert len(made.getGlyphOrder()) < len(source.getGlyphOrder()) / 4


def test_title_cut_holds_gb2312_and_rare_cut_what_fandol_lacks():
    title = set(face("xiaobiaosong")._advances)
    assert cuts.charset("gb2312") <= title
    rare = set(face("rare")._advances)
    assert ord("飏") in rare and ord("的") not in rare     # every Fandol face has 的
    assert not any(face(role).has(ch) for role in ("fangsong", "hei", "kai", "song")
                   for ch in "飏")


def test_cuts_are_made_once_and_again_when_their_recipe_changes(tmp_path):
    assert sorted(cuts.ensure_cuts(tmp_path)) == sorted(c.file_name for c in cuts.CUTS)
    assert cuts.ensure_cuts(tmp_path) == []
    stamp = tmp_path / f"{cuts.CUTS[0].file_name}.json"
    stale = json.loads(stamp.read_text()) | {"recipe": 0}
    stamp.write_text(json.dumps(stale))
    assert cuts.ensure_cuts(tmp_path) == [cuts.CUTS[0].file_name]


DRAFT = """\
date: 2024-03-05
session: 3
chair: {name: 王伟, title: 市长}
topics:
  - title: 听取关于安全生产工作情况的汇报
    items: [会议要求，各地各部门要抓好落实。]
attendance:
  present: [王伟, 𠮷祥, 周飏]
recorder: 刘洋
printed: {by: 苏州市人民政府办公室, date: 2024-03-08}
"""


def test_character_beyond_the_cuts_drawn_from_the_whole_noto_face():
    """𠮷 (U+20BB7, CJK Extension B) is in no cut: Pango and the typesetter both fall
    through to Noto Serif CJK SC itself."""
    pdf = render_bytes(load_minutes_text(DRAFT).minutes, "pdf")
    families = embedded_font_names(pdf)
    line = next(line for page in read_lines(pdf) for line in page if "𠮷" in line.text)
    used = {families[b] for b in families if any(b.endswith(f) for f in line.fonts)}
    assert {"Noto Serif CJK SC", "Docgen Rare SC"} <= used


def test_embedded_title_and_rare_faces_are_small(seed_pdf):
    """What the cuts are for: WeasyPrint keeps glyph ids, so a face embedded from the whole
    collection weighed ~430 KB (title) and ~490 KB (飏 alone)."""
    doc = pymupdf.open(stream=seed_pdf, filetype="pdf")
    sizes = {}
    for page in doc:
        for xref, _ext, _type, basefont, *_ in page.get_fonts(full=True):
            sizes[basefont] = len(doc.extract_font(xref)[3])
    families = embedded_font_names(seed_pdf)
    by_family = {families[b]: n for b, n in sizes.items()}
    assert by_family["Docgen Title SC"] < 150_000
    assert by_family["Docgen Rare SC"] < 200_000


@pytest.mark.parametrize("cut", cuts.CUTS, ids=lambda c: c.file_name)
def test_cut_cids_are_its_glyph_ids(cut):
    """A PDF names a CFF glyph by its CID: with CID ≠ glyph id, Acrobat and MuPDF draw
    nothing (the 纪要标志 vanished in MuPDF while poppler guessed right)."""
    made = TTFont(find_file(cut.file_name))
    order = made.getGlyphOrder()
    cff = made["CFF "].cff
    charset = cff[cff.fontNames[0]].charset
    assert charset == order
    assert all(name == f"cid{i:05d}" for i, name in enumerate(order) if i)


def test_mupdf_draws_the_mark_and_the_rare_name(seed_pdf):
    """Drawn by MuPDF, which looks glyphs up by CID: no glyph may fail to load, and the
    red 纪要标志 must be on page 1."""
    doc = pymupdf.open(stream=seed_pdf, filetype="pdf")
    pymupdf.TOOLS.mupdf_warnings()                          # clear
    page = doc[0]
    mark = next(b for b in page.get_text("dict")["blocks"]
                if "纪要" in "".join(s["text"] for line in b.get("lines", []) for s in line["spans"]))
    pix = page.get_pixmap(dpi=72, clip=pymupdf.Rect(mark["bbox"]))
    red = sum(1 for i in range(0, len(pix.samples), pix.n)
              if pix.samples[i] > 180 and pix.samples[i + 1] < 90 and pix.samples[i + 2] < 90)
    for number in range(len(doc)):
        doc[number].get_pixmap(dpi=30)
    assert "FT_Load_Glyph" not in pymupdf.TOOLS.mupdf_warnings()
    assert red > 200, red


@pytest.mark.parametrize("writer", ["direct", "weasyprint"])
def test_a_name_beyond_gb2312_in_the_header_and_the_colophon_is_drawn_not_boxed(writer):
    """西安市鄠邑区: 鄠 is in GBK, not in GB 2312, so the 小标宋 cut lacks it. The 纪要标志,
    the 编发 line and the 印发 line draw it from the rare cut, as the body does; drawn
    from the cut it would be .notdef, an empty box, and every such character would
    extract as the first of them."""
    draft = DRAFT.replace("苏州市人民政府办公室", "西安市鄠邑区人民政府办公室") + \
        "issuer: 西安市鄠邑区人民政府\nprofile: generic\n"
    pdf = render_bytes(load_minutes_text(draft).minutes, "pdf", writer=writer)
    families = embedded_font_names(pdf)
    pages = read_lines(pdf)
    held = [line for page in pages for line in page if "鄠" in line.text]
    assert [line.clean for line in held if "纪要" in line.text] == ["西安市鄠邑区人民政府常务会议纪要"]
    assert any("印发" in line.text for line in held) and len(held) >= 3      # mark, 编发, 印发
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    for page in doc:
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if any(c["c"] == "鄠" for c in span["chars"]):
                        font = span["font"].split("+")[-1]
                        assert "Rare" in font or "Noto" in font, font
