"""Page checks: paper, the 版心's position, lines per page and characters per line."""

from __future__ import annotations

from ..gbt9704 import GRID, PAGE, TOLERANCE, mm, pt_to_mm
from . import rules
from .findings import Report, pages_text
from .pdfdoc import PdfMeasure


def _mm(value_pt: float) -> str:
    return f"{pt_to_mm(value_pt):.1f} mm"


def check_paper(m: PdfMeasure, report: Report, source: str) -> None:
    wrong = [p for p in m.pages
             if abs(pt_to_mm(p.width) - PAGE.width_mm) > TOLERANCE.paper_mm
             or abs(pt_to_mm(p.height) - PAGE.height_mm) > TOLERANCE.paper_mm]
    if wrong:
        first = wrong[0]
        report.add(rules.PAPER, f"{_mm(first.width)} × {_mm(first.height)}",
                   f"{PAGE.width_mm:g} mm × {PAGE.height_mm:g} mm",
                   pages_text(p.number for p in wrong),
                   "在“页面设置”中把纸张改为 A4（210 mm × 297 mm）、纵向", source)


def measured_top(m: PdfMeasure) -> float | None:
    """The 版心's top, from the first grid line of the pages after the first (the first
    page starts with the header, whose lines are not on the grid)."""
    tops = [m.line_top(min(m.grid_lines(p.number), key=lambda pl: pl.y))
            for p in m.pages[1:] if m.grid_lines(p.number)]
    return min(tops) if tops else None


def measured_bottom(m: PdfMeasure) -> float | None:
    """The 版心's bottom, from the last grid line of a page that is full or ends in the 版记."""
    pages = [p.number for p in m.pages if m.grid_lines(p.number)
             and (m.lines_on(p.number) >= GRID.lines or p.number == m.colophon_page)]
    bottoms = [m.line_bottom(max(m.grid_lines(n), key=lambda pl: pl.y)) for n in pages]
    return max(bottoms) if bottoms else None


def check_margins(m: PdfMeasure, report: Report, source: str) -> None:
    measured = {"左（订口）": (m.left, PAGE.left_mm), "右": (m.page_width - m.right, PAGE.right_mm)}
    top, bottom = measured_top(m), measured_bottom(m)
    if top is not None:
        measured["上（天头）"] = (top, PAGE.top_mm)
    else:
        report.notes.append("只有一页，无法从正文行测出上边距")
    if bottom is not None:
        measured["下"] = (m.page_height - bottom, PAGE.bottom_mm)
    else:
        report.notes.append("没有排满的页，无法测出下边距")
    report.measured["margins_mm"] = {side: round(pt_to_mm(v), 1) for side, (v, _) in measured.items()}
    wrong = {side: (v, want) for side, (v, want) in measured.items()
             if abs(pt_to_mm(v) - want) > TOLERANCE.margin_mm}
    if wrong:
        report.add(rules.MARGINS, "，".join(f"{side} {_mm(v)}" for side, (v, _) in wrong.items()),
                   "，".join(f"{side} {want:g} mm" for side, (_, want) in wrong.items())
                   + f"（允许 ±{TOLERANCE.margin_mm:g} mm）",
                   "全文（由正文行的位置测得）",
                   f"在“页面设置”中把页边距设为上 {PAGE.top_mm:g} mm、下 {PAGE.bottom_mm:g} mm、"
                   f"左 {PAGE.left_mm:g} mm、右 {PAGE.right_mm:g} mm，版心 "
                   f"{PAGE.body_width_mm:g} mm × {PAGE.body_height_mm:g} mm", source)


def check_chars(m: PdfMeasure, report: Report, source: str) -> None:
    chars = round((m.right - m.left) / m.cell)
    report.measured["chars_per_line"] = chars
    report.measured["cell_pt"] = round(m.cell, 2)
    if chars != GRID.chars:
        report.add(rules.CHARS, f"每行 {chars} 字（字距 {m.cell:.2f} pt）",
                   f"每行 {GRID.chars} 字（字距 {mm(PAGE.body_width_mm) / GRID.chars:.2f} pt）",
                   "正文", f"把正文设为三号字、每行 {GRID.chars} 字（Word：页面设置→文档网格→"
                   f"“指定行和字符网格”，每行 {GRID.chars} 字）", source)


def check_lines(m: PdfMeasure, report: Report, source: str) -> None:
    counts = {p.number: m.lines_on(p.number) for p in m.pages[1:]}
    report.measured["line_pitch_pt"] = round(m.pitch, 2)
    if not counts or not any(counts.values()):
        report.notes.append("只有一页，无法测出每面行数")
        return
    page, most = max(counts.items(), key=lambda item: item[1])
    report.measured["lines_per_page"] = most
    last = max(counts)
    if most == GRID.lines or (most < GRID.lines and page == last and len(counts) == 1):
        return
    report.add(rules.LINES, f"第{page}页排 {most} 行（行距 {m.pitch:.2f} pt）",
               f"每面 {GRID.lines} 行（行距 {mm(PAGE.body_height_mm) / GRID.lines:.2f} pt）",
               f"第{page}页", f"把正文行距设为固定值 {mm(PAGE.body_height_mm) / GRID.lines:.2f} 磅，"
               f"每页 {GRID.lines} 行（Word：文档网格每页 {GRID.lines} 行）", source)

