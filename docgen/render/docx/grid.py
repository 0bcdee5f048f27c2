"""The GB/T 9704 page of ``docgen.gbt9704`` in DOCX units (twips), and why these values.

Page: A4 with the margins of §5.2.1, each rounded to whole twips: 11906 × 16838, top 2098,
bottom 1984, left 1587, right 1474. The text area is then 8845 × 12756 twips
(156.04 mm × 225.0 mm).

Lines — 22 a page (§5.2.3). 12756 / 22 = 579.8, so the pitch is **579 twips** (28.95 pt),
floored: Word and LibreOffice both fit ⌊height / pitch⌋ exact-height lines on a page, and
580 × 22 = 12760 > 12756 would leave 21. Every paragraph is set with exact line spacing
of this pitch, and ``w:docGrid w:type="lines" w:linePitch="579"`` makes the section's line
grid the same, so a line snapped to the grid (LibreOffice) and an exact line (Word) take
the same 28.95 pt.

Characters — 28 a line. 8845 / 28 = 315.9 twips a cell, but a 三号 character is 16 pt =
320 twips wide: 28 of them (8960) do not fit. Word's own answer is the character grid
(``type="linesAndChars"`` with ``w:charSpace`` = (315.9 − 320) / 20 × 4096 ≈ −841, in 1/4096 pt), but
LibreOffice reads that attribute as a grid *cell size*, gives each 16 pt character two
cells and sets 14 a line (toolchain notes §4). What both applications do read the same
way is run character spacing: ``w:spacing w:val`` twips added after every character. The
largest whole-twip value that fits 28 is ⌊8845 / 28 − 320⌋ = **−5** (−0.25 pt):
28 × 315 = 8820 ≤ 8845, and 29 × 315 = 9135 does not fit, in Word and in LibreOffice
alike (−4, i.e. −0.2 pt, gives 28 × 316 = 8848 > 8845 and LibreOffice sets 27). So the
grid is ``type="lines"`` and the squeeze lives in the run properties of the body styles.

Indents are absolute twips of the 28-cell grid (``cells × 8845 / 28``): 2 cells = 632.
"""

from __future__ import annotations

import math

from ...gbt9704 import FURNITURE, GRID, PAGE, mm, twips

PAGE_W = twips(mm(PAGE.width_mm))            # 11906
PAGE_H = twips(mm(PAGE.height_mm))           # 16838
TOP = twips(mm(PAGE.top_mm))                 # 2098
BOTTOM = twips(mm(PAGE.bottom_mm))           # 1984
LEFT = twips(mm(PAGE.left_mm))               # 1587
RIGHT = twips(mm(PAGE.right_mm))             # 1474
TEXT_W = PAGE_W - LEFT - RIGHT               # 8845
TEXT_H = PAGE_H - TOP - BOTTOM               # 12756

LINE = TEXT_H // GRID.lines                  # 579: exact line height = grid pitch
BODY_HALF_POINTS = round(GRID.body_size_pt * 2)            # 32 (三号)
BODY_SIZE = twips(GRID.body_size_pt)                       # 320
CHAR_SPACING = math.floor(TEXT_W / GRID.chars - BODY_SIZE)  # −5 → 28 characters a line
CELL = TEXT_W / GRID.chars                   # 315.9: one grid cell, the unit of indents

COLOPHON_HALF_POINTS = round(FURNITURE.colophon_size_pt * 2)   # 28 (四号)
COLOPHON_CHAR = twips(FURNITURE.colophon_size_pt)               # 280: 版记 indents' unit
FOLIO_HALF_POINTS = round(FURNITURE.folio_size_pt * 2)          # 28 (四号)
FOLIO_LINE = twips(FURNITURE.folio_size_pt)                     # the folio's line height
FOLIO_INDENT = round(FURNITURE.folio_indent_chars * twips(FURNITURE.folio_size_pt))
# §7.5: the folio line's top 7 mm under the 版心. The footer paragraph is that 7 mm of space
# before plus one exact line, and ``w:footer`` (page bottom → bottom of the footer) is what
# is left of the bottom margin, so the footer fills the margin exactly: its top is the 版心's
# bottom edge. LibreOffice ends the body area where the footer's content begins (Word at
# the bottom margin), so only then do both agree on where the 版心 ends — which is where
# the floating 版记 table is aligned.
FOLIO_GAP = twips(mm(FURNITURE.folio_gap_mm))                   # 397
FOLIO_FROM_BOTTOM = PAGE_H - (TOP + TEXT_H) - FOLIO_GAP - FOLIO_LINE   # 1307

def cells(n: float) -> int:
    """Grid cells → twips."""
    return round(n * CELL)


def eighths(width_mm: float) -> int:
    """A rule's width in mm → eighths of a point (``w:sz`` of borders)."""
    return round(mm(width_mm) * 8)
