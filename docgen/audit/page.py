"""Page checks: paper, the 版心's position, lines per page and characters per line."""

from __future__ import annotations

import math
from collections import Counter

from ..gbt9704 import GRID, PAGE, TOLERANCE, mm, pt_to_mm
from ..layout.breaker import HANGABLE, MAX_HANG
from . import rules
from .docxdoc import DocxSettings, ParaProps
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



# --------------------------------------------------------------------------- DOCX settings


def _twips_mm(value: float) -> float:
    return pt_to_mm(value / 20)


def check_docx_page(s: DocxSettings, report: Report) -> None:
    """Paper and margins of every section, from ``w:pgSz`` and ``w:pgMar``."""
    for number, sec in enumerate(s.sections, 1):
        where = f"第{number}节（w:sectPr）"
        if (abs(_twips_mm(sec.width) - PAGE.width_mm) > TOLERANCE.paper_mm
                or abs(_twips_mm(sec.height) - PAGE.height_mm) > TOLERANCE.paper_mm):
            report.add(rules.PAPER, f"{_twips_mm(sec.width):.1f} mm × {_twips_mm(sec.height):.1f} mm",
                       f"{PAGE.width_mm:g} mm × {PAGE.height_mm:g} mm", where,
                       "在“布局→纸张大小”中选 A4、纵向", "docx")
        sides = {"上（天头）": (sec.top, PAGE.top_mm), "下": (sec.bottom, PAGE.bottom_mm),
                 "左（订口）": (sec.left, PAGE.left_mm), "右": (sec.right, PAGE.right_mm)}
        if number == 1:
            report.measured["margins_mm"] = {k: round(_twips_mm(v), 1) for k, (v, _) in sides.items()}
        wrong = {k: (v, want) for k, (v, want) in sides.items()
                 if abs(_twips_mm(v) - want) > TOLERANCE.margin_mm}
        if wrong:
            report.add(rules.MARGINS, "，".join(f"{k} {_twips_mm(v):.1f} mm" for k, (v, _) in wrong.items()),
                       "，".join(f"{k} {want:g} mm" for k, (_, want) in wrong.items())
                       + f"（允许 ±{TOLERANCE.margin_mm:g} mm）", where,
                       f"在“布局→页边距→自定义页边距”中设上 {PAGE.top_mm:g} mm、下 {PAGE.bottom_mm:g} mm、"
                       f"左 {PAGE.left_mm:g} mm、右 {PAGE.right_mm:g} mm", "docx")


def docx_line_pitch(s: DocxSettings, body: list[ParaProps]) -> float | None:
    """The body's line pitch in twips: exact line spacing, or the section's line grid."""
    spacing: Counter[tuple[int | None, str | None]] = Counter()
    for p in body:
        spacing[(p.line, p.line_rule)] += len(p.text)
    if not spacing:
        return None
    line, rule = spacing.most_common(1)[0][0]
    if rule == "exact" and line:
        return float(line)
    sec = s.sections[0]
    if sec.grid_type in ("lines", "linesAndChars", "snapToChars") and sec.line_pitch:
        return sec.line_pitch * max(1.0, (line or 240) / 240)
    return None


def check_docx_grid(s: DocxSettings, report: Report, face: str | None, size: float | None,
                    body: list[ParaProps]) -> bool:
    """Characters per line and lines per page from the styles and ``w:docGrid``.
    False when the line pitch depends on the fonts and only a layout can tell."""
    sec = s.sections[0]
    width = sec.width - sec.left - sec.right
    height = sec.height - sec.top - sec.bottom
    if size:
        spacing = Counter(run.spacing for p in body for run in p.runs if run.font == face and run.size == size)
        added = spacing.most_common(1)[0][0] if spacing else 0.0
        pitch = (size + added) * 20
        if sec.grid_type in ("linesAndChars", "snapToChars") and sec.char_space:
            pitch += sec.char_space * 20 / 4096
        chars = math.floor(width / pitch + 1e-6)
        report.measured["chars_per_line"] = chars
        if chars != GRID.chars:
            report.add(rules.CHARS, f"每行 {chars} 字（字号 {size:g} 磅，字距 {pitch / 20:.2f} 磅）",
                       f"每行 {GRID.chars} 字", "正文样式与 w:docGrid",
                       f"在“布局→页面设置→文档网格”中选“指定行和字符网格”，每行 {GRID.chars} 字；"
                       "正文三号字", "docx")
    line = docx_line_pitch(s, body)
    if line is None:
        return False
    lines = math.floor(height / line + 1e-6)
    report.measured["lines_per_page"] = lines
    report.measured["line_pitch_pt"] = round(line / 20, 2)
    if lines != GRID.lines:
        report.add(rules.LINES, f"每页 {lines} 行（行距 {line / 20:.2f} 磅）", f"每面 {GRID.lines} 行",
                   "正文段落行距与 w:docGrid",
                   f"把正文行距设为固定值 {mm(PAGE.body_height_mm) / GRID.lines:.2f} 磅以内的最大值"
                   f"（如 28.95 磅），或文档网格每页 {GRID.lines} 行", "docx")
    return True


def check_overflow(m: PdfMeasure, report: Report, source: str) -> None:
    """Text beyond the 版心's right edge, other than closing marks hanging there (up to two,
    such as 》。, as the typesetter and printed 纪要 hang them)."""
    over = []
    for pl in m.body:
        cells = (pl.x1 - m.right) / m.cell
        if cells <= 0.3:
            continue
        tail = pl.text().rstrip(" \\u3000")[-math.ceil(cells - 0.3):]
        if cells > MAX_HANG + 0.3 or any(ch not in HANGABLE for ch in tail):
            over.append(pl)
    if over:
        pl = over[0]
        report.add(rules.OVERFLOW, f"“{pl.text().strip()[-8:]}”超出版心右边缘 "
                   f"{pt_to_mm(pl.x1 - m.right):.1f} mm（共 {len(over)} 行）",
                   f"文字在版心（宽 {PAGE.body_width_mm:g} mm）之内，只有句末点号可以悬挂",
                   f"第{pl.page}页", "缩短该行或调整字距，使文字不伸进右边距", source)
