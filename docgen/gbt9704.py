"""The numbers of GB/T 9704-2012 that a 纪要 needs, in one place.

Every backend (HTML/PDF, DOCX) and the parser read these; none repeats them.
Sources and confidence are in ``../shared/spec/gbt9704.md``; the clause is noted
beside each value. Lengths are kept in the unit the standard uses (mm) or the
unit typesetting uses (pt), with converters below.
"""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_PT = 25.4 / 72


def mm(value_mm: float) -> float:
    """Millimetres → PostScript points."""
    return value_mm / MM_PER_PT


def pt_to_mm(value_pt: float) -> float:
    return value_pt * MM_PER_PT


def twips(value_pt: float) -> int:
    """Points → OOXML twentieths of a point."""
    return round(value_pt * 20)


# Chinese type sizes (号) in points.
SIZE_PT = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
           "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5}


@dataclass(frozen=True)
class Page:
    """A4 with the 版心 of §5.2.1."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 37.0       # 天头 §5.2.1
    left_mm: float = 28.0      # 订口 §5.2.1
    body_width_mm: float = 156.0
    body_height_mm: float = 225.0

    @property
    def right_mm(self) -> float:
        return self.width_mm - self.left_mm - self.body_width_mm

    @property
    def bottom_mm(self) -> float:
        return self.height_mm - self.top_mm - self.body_height_mm


@dataclass(frozen=True)
class Grid:
    """22 lines × 28 characters filling the 版心 (§5.2.3)."""

    lines: int = 22
    chars: int = 28
    body_size_pt: float = SIZE_PT["三号"]

    def line_pitch_pt(self, page: Page) -> float:
        return mm(page.body_height_mm) / self.lines

    def cell_pt(self, page: Page) -> float:
        return mm(page.body_width_mm) / self.chars


@dataclass(frozen=True)
class Furniture:
    """Header mark, 版记 and page numbers."""

    mark_top_mm: float = 35.0        # 纪要标志上边缘至版心上边缘 §10.3
    mark_size_pt: float = SIZE_PT["二号"]   # not fixed by the 2012 text; profile may override
    header_rule_pt: float = 1.0               # red rule under the 编发 line: thickness not in
    header_rule_gap_pt: float = 2.0           # the standard (practice 0.35–0.53 mm), nor its gap
    colophon_size_pt: float = SIZE_PT["四号"]  # 分送/抄送/印发 §7.4.2–7.4.3
    colophon_rule_heavy_mm: float = 0.35      # first and last 版记 rule §7.4.1
    colophon_rule_light_mm: float = 0.25      # middle rule §7.4.1
    colophon_indent_chars: int = 1            # 左右各空一字 §7.4.2
    colophon_hang_chars: int = 3              # "分送：" hangs, names align after the colon
    folio_size_pt: float = SIZE_PT["四号"]     # 页码 4号半角宋体 §7.5
    folio_gap_mm: float = 7.0                 # 一字线上距版心下边缘 7 mm §7.5
    folio_indent_chars: int = 1               # 单页码居右空一字，双页码居左空一字
    folio_dash: str = "—"                     # 一字线 U+2014


@dataclass(frozen=True)
class Body:
    """Paragraph geometry of §7.3.3 and §10.3, in grid cells."""

    first_indent: int = 2        # 每个自然段左空二字
    label_indent: int = 2        # "出席" 左空二字
    name_cell: int = 3           # two-character names padded to three cells (practice)


PAGE = Page()
GRID = Grid()
FURNITURE = Furniture()
BODY = Body()

LINE_PITCH_PT = GRID.line_pitch_pt(PAGE)   # 28.99 pt
CELL_PT = GRID.cell_pt(PAGE)               # 15.79 pt


@dataclass(frozen=True)
class Tolerance:
    """How far a measured document may stray before ``docgen audit`` reports it."""

    margin_mm: float = 1.0       # 天头 37 ± 1, 订口 28 ± 1; 版心误差 ≤ 1 mm §5.2.1, §6.1
    folio_mm: float = 2.0        # 页码套正，两面误差 ≤ 2 mm §6.2
    size_pt: float = 0.3         # a 号 is a nominal size: 三号 is 16 pt, 四号 14 pt
    paper_mm: float = 1.0        # A4 as cut (GB/T 148)


TOLERANCE = Tolerance()


# Where in the standard each rule a template can break is written (for messages that
# say which rule an office's file departs from).
STANDARD = "GB/T 9704-2012"
CLAUSE = {
    "page": "§5.2.1",        # 幅面尺寸、版心尺寸（天头、订口）
    "fonts": "§5.2.2",       # 如无特殊说明，各要素一般用3号仿宋体字
    "grid": "§5.2.3",        # 一般每面排22行，每行排28个字
    "headings": "§7.3.3",    # 结构层次序数：黑体、楷体、仿宋
    "colophon": "§7.4",      # 版记
}
