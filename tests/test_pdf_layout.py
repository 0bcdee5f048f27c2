"""The seed rendered to PDF, read back with pymupdf, against the printed original.

Grid lines are defined as the 版心 (37 mm from the top, 225 mm tall) cut into 22
equal line boxes; a body glyph's em box (16 pt) sits centred in its line box, so the
first line's em-box top lies (pitch − 16)/2 below the 37 mm line and its baseline
0.88 em below that (the ideographic em box of the Fandol faces: ascent 880/1000).
"""

from __future__ import annotations

import pytest

from docgen.gbt9704 import FURNITURE, GRID, LINE_PITCH_PT, PAGE, mm
from pdfread import drawings, embedded_font_names, read_lines

EM_TOP = 0.88
BODY_SIZE = GRID.body_size_pt
Y0 = mm(PAGE.top_mm)
X0 = mm(PAGE.left_mm)
BOTTOM = Y0 + mm(PAGE.body_height_mm)
TOL = 0.3  # pt


def baseline_of_slot(slot: int, size: float = BODY_SIZE) -> float:
    return Y0 + slot * LINE_PITCH_PT + (LINE_PITCH_PT - size) / 2 + EM_TOP * size


@pytest.fixture(scope="module")
def pdf_pages(seed_pdf):
    return read_lines(seed_pdf)


def body_lines(page_lines):
    """Lines inside the 版心 and below the header, without the folio."""
    return [line for line in page_lines if line.baseline < BOTTOM and "纪要" not in line.text
            and line.baseline > Y0]


def test_twelve_pages_and_version_page(pdf_pages, seed_printed):
    assert len(pdf_pages) == len(seed_printed) == 12


def test_body_lines_match_printed_original(pdf_pages, seed_layout, seed_printed):
    """Every printed body line (before 出席) is the same line in our PDF."""
    printed = [line for page in seed_printed for line in page]
    body_count = next(i for i, line in enumerate(printed) if line.startswith("出席"))
    assert body_count == 177
    ours = [line.clean for page in pdf_pages for line in page
            if Y0 < line.baseline < BOTTOM][3:]          # skip 期号 and the office line
    same = sum(1 for a, b in zip(printed[:body_count], ours) if a == b)
    assert same / body_count >= 0.95, f"{same}/{body_count} identical"
    assert same == body_count, [(a, b) for a, b in zip(printed, ours) if a != b][:3]


def test_page_starts_match(pdf_pages, seed_printed):
    starts_ours = [body_lines(page)[0].clean for page in pdf_pages[1:]]
    starts_printed = [page[0] for page in seed_printed[1:]]
    same = sum(a == b for a, b in zip(starts_ours, starts_printed))
    assert same >= 9, list(zip(starts_printed, starts_ours))
    assert same == len(starts_printed) == 11


def test_every_printed_line_on_every_page(pdf_pages, seed_printed):
    """Attendance, tail and 版记 too: the whole document, page by page, line by line."""
    for number, (ours, printed) in enumerate(zip(pdf_pages, seed_printed), 1):
        lines = [line.clean.replace("\u3000", "") for line in body_lines(ours)]
        if number == 1:
            lines = lines[2:]                      # 期号 and office line are not in the text
        assert lines == printed, number


def test_lines_per_page_as_printed(seed_layout, seed_printed):
    counts = [len(p.lines) + len(p.colophon) for p in seed_layout.pages]
    printed = [len(p) for p in seed_printed]
    assert counts[:10] == printed[:10]
    assert counts[11] == printed[11] == 3


def test_version_alone_on_even_last_page(seed_layout):
    last = seed_layout.pages[-1]
    assert last.number % 2 == 0 and last.colophon and not last.lines
    assert all(not p.colophon for p in seed_layout.pages[:-1])


def test_left_edge_at_28mm(pdf_pages):
    continuation = [line.x0 for page in pdf_pages for line in body_lines(page)]
    assert abs(min(continuation) - X0) < TOL


def test_first_line_of_page_two_on_the_37mm_grid(pdf_pages):
    first = body_lines(pdf_pages[1])[0]
    assert abs(first.baseline - baseline_of_slot(0)) < TOL


def test_full_pages_have_22_baselines_at_one_pitch(pdf_pages):
    for page in pdf_pages[1:8]:
        lines = body_lines(page)
        assert len(lines) == GRID.lines
        gaps = [b.baseline - a.baseline for a, b in zip(lines, lines[1:])]
        assert max(gaps) - min(gaps) < 0.05
        assert abs(gaps[0] - mm(PAGE.body_height_mm) / GRID.lines) < 0.05


def test_full_lines_fill_the_text_block(pdf_pages):
    """Justified lines end on the 版心's right edge (hanging marks beyond it)."""
    right = X0 + mm(PAGE.body_width_mm)
    lines = body_lines(pdf_pages[2])
    full = [line for line in lines if len(line.clean) == GRID.chars]
    assert len(full) > 10
    for line in full:
        assert abs(line.x1 - right) < 1.0, (line.text, line.x1, right)


def test_full_width_characters_sit_on_their_grid_cells(seed_pdf):
    """28 cells across the 版心: in a body line of full-width characters, character i starts
    i cells from the left edge (the last one's 16 pt em box overlaps the 15.8 pt cell).
    WeasyPrint writes each glyph's spacing truncated to 1/1000 em, which drifts ~0.005 pt
    a character: 0.14 pt by the 28th."""
    import pymupdf
    cell = mm(PAGE.body_width_mm) / GRID.chars
    page = pymupdf.open(stream=seed_pdf, filetype="pdf")[2]
    checked = 0
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            chars = [c for span in line["spans"] for c in span["chars"]]
            if len(chars) != GRID.chars or any(ord(c["c"]) < 0x2E80 for c in chars):
                continue
            for i, c in enumerate(chars):
                assert abs(c["origin"][0] - (X0 + i * cell)) < 0.05 + 0.006 * i, (i, c["c"])
            checked += 1
    assert checked > 10


def test_mark_35mm_below_text_block_top(pdf_pages):
    mark = next(line for line in pdf_pages[0] if line.text.endswith("纪要"))
    em_top = mark.baseline - EM_TOP * mark.height
    assert abs(em_top - (Y0 + mm(FURNITURE.mark_top_mm))) < TOL
    assert mark.text == "苏州市人民政府常务会议纪要"


def test_page_numbers_per_gbt9704(pdf_pages, seed_layout):
    size = FURNITURE.folio_size_pt
    for page, lines in zip(seed_layout.pages, pdf_pages):
        folios = [line for line in lines if line.baseline > BOTTOM]
        if not page.folio:
            assert not folios
            continue
        (folio,) = folios
        assert folio.text.replace(" ", "") == f"—{page.number}—"
        em_top = folio.baseline - EM_TOP * size
        assert abs(em_top - (BOTTOM + mm(FURNITURE.folio_gap_mm))) < TOL
        if page.number % 2:
            assert abs(folio.x1 - (X0 + mm(PAGE.body_width_mm) - size)) < 1.0
        else:
            assert abs(folio.x0 - (X0 + size)) < 1.0


def test_version_rules_end_on_text_block_bottom(seed_pdf):
    rules = [r for r in drawings(seed_pdf, 12) if r.width < 500]
    assert len(rules) == 3
    heavy, light = mm(FURNITURE.colophon_rule_heavy_mm), mm(FURNITURE.colophon_rule_light_mm)
    last = max(rules, key=lambda r: r.y1)
    assert abs(last.y1 - BOTTOM) < TOL
    assert abs(last.height - heavy) < 0.05
    assert sorted(round(r.height, 2) for r in rules) == sorted(round(h, 2) for h in (heavy, heavy, light))
    for rule in rules:
        assert abs(rule.x0 - X0) < TOL and abs(rule.width - mm(PAGE.body_width_mm)) < TOL


def test_every_font_embedded_and_body_in_fangsong(seed_pdf, pdf_pages):
    families = embedded_font_names(seed_pdf)
    assert families and all(families.values())
    body_fonts = {f for line in body_lines(pdf_pages[2]) for f in line.fonts}
    body_family = {families[b] for b in families if any(b.endswith(f) for f in body_fonts)}
    assert any("FandolFang" in fam for fam in body_family), body_family


def test_rare_name_character_drawn_from_the_rare_cut(seed_pdf, pdf_pages):
    """飏 is not in FandolFang; it must come from the rare-character cut of Noto Serif CJK SC
    (tests/test_font_cuts.py), not a random face."""
    families = embedded_font_names(seed_pdf)
    line = next(line for page in pdf_pages for line in page if "飏" in line.text)
    used = {families[b] for b in families if any(b.endswith(f) for f in line.fonts)}
    assert "Docgen Rare SC" in used and any("FandolFang" in u for u in used)
