"""Header checks: the 纪要标志's colour, size and height on the first page."""

from __future__ import annotations

from collections import Counter

from ..gbt9704 import FURNITURE, PAGE, TOLERANCE, mm, pt_to_mm
from . import rules
from .docxdoc import DocxSettings
from .findings import Report
from .pdfdoc import EM_ASCENT, PdfMeasure


def is_red(rgb: int) -> bool:
    """Red as printed: a strong red channel, little green or blue (#FF0000, #E60012, #C8102E)."""
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return r >= 150 and g <= 90 and b <= 90


def check_mark(m: PdfMeasure, report: Report, top: float | None, mark_size: float | None,
               source: str, red: bool = True) -> None:
    """``top`` is the measured 版心 top (None: the standard's); ``mark_size`` the profile's;
    ``red`` False for a profile whose 版头 is a black title (masthead: black)."""
    mark = m.mark
    if mark is None or "纪要" not in mark.text():
        report.add(rules.MARK_MISSING, "首页没有大字号的“……纪要”标志" if mark is None
                   else f"首页第一行大字是“{mark.text()[:20]}”", "“×××纪要”，红色小标宋体，居中",
                   "第1页", "在首页版头排“××市人民政府常务会议纪要”等纪要标志", source)
        return                        # a title or another office's mark is not measured as one
    colours: Counter[int] = Counter()
    for span in mark.spans:
        colours[span.color] += len(span.text.strip())
    colour = colours.most_common(1)[0][0]
    report.measured["mark_colour"] = f"#{colour:06X}"
    if red and not is_red(colour):
        report.add(rules.MARK_COLOUR, f"#{colour:06X}", "红色（如 #FF0000、#E60012）", "第1页 纪要标志",
                   "把纪要标志的文字颜色改为红色", source)
    height = max(span.height for span in mark.spans)
    report.measured["mark_size_pt"] = round(height, 1)
    if mark_size is not None and abs(height - mark_size) > 0.5:
        report.add(rules.MARK_SIZE, f"{height:.1f} pt", f"{mark_size:g} pt（版式规定）", "第1页 纪要标志",
                   f"把纪要标志字号改为 {mark_size:g} 磅", source)
    elif mark_size is None and height < FURNITURE.mark_size_pt - TOLERANCE.size_pt:
        report.add(rules.MARK_SIZE, f"{height:.1f} pt", f"不小于二号（{FURNITURE.mark_size_pt:g} pt）",
                   "第1页 纪要标志", "加大纪要标志的字号（一般不小于二号）", source)
    reference = top if top is not None else mm(PAGE.top_mm)
    edge = mark.y - EM_ASCENT * height
    gap = pt_to_mm(edge - reference)
    report.measured["mark_top_mm"] = round(gap, 1)
    if abs(gap - FURNITURE.mark_top_mm) > TOLERANCE.margin_mm:
        report.add(rules.MARK_POSITION, f"上边缘距版心上边缘 {gap:.1f} mm",
                   f"{FURNITURE.mark_top_mm:g} mm（允许 ±{TOLERANCE.margin_mm:g} mm）", "第1页 纪要标志",
                   f"调整纪要标志上方的空白，使其上边缘距版心上边缘 {FURNITURE.mark_top_mm:g} mm", source)


def check_docx_mark(s: DocxSettings, report: Report, mark_size: float | None,
                    red: bool = True) -> None:
    """The 纪要标志's colour (when ``red``) and size from its runs' resolved properties."""
    mark = next((p for p in s.paragraphs[:3] if "纪要" in p.text), None)
    if mark is None:
        report.add(rules.MARK_MISSING, "前三段中没有“……纪要”", "“×××纪要”，红色小标宋体，居中",
                   "文档开头", "在首页版头排“××市人民政府常务会议纪要”等纪要标志", "docx")
        return
    runs = [r for r in mark.runs if r.text.strip()]
    colours = Counter(r.color or "auto" for r in runs for _ in r.text)
    colour = colours.most_common(1)[0][0]
    where = f"第{mark.index}段 纪要标志"
    report.measured["mark_colour"] = colour
    rgb = int(colour, 16) if len(colour) == 6 and all(c in "0123456789abcdefABCDEF" for c in colour) else 0
    if red and not is_red(rgb):
        report.add(rules.MARK_COLOUR, "自动（黑色）" if colour == "auto" else f"#{colour}",
                   "红色（如 #FF0000、#E60012）", where, "把纪要标志的字体颜色改为红色", "docx")
    sizes = [r.size for r in runs if r.size]
    height = max(sizes) if sizes else None
    report.measured["mark_size_pt"] = height
    if height is None:
        return
    if mark_size is not None and abs(height - mark_size) > 0.5:
        report.add(rules.MARK_SIZE, f"{height:g} pt", f"{mark_size:g} pt（版式规定）", where,
                   f"把纪要标志字号改为 {mark_size:g} 磅", "docx")
    elif mark_size is None and height < FURNITURE.mark_size_pt - TOLERANCE.size_pt:
        report.add(rules.MARK_SIZE, f"{height:g} pt", f"不小于二号（{FURNITURE.mark_size_pt:g} pt）", where,
                   "加大纪要标志的字号（一般不小于二号）", "docx")


def check_rule(m: PdfMeasure, report: Report, source: str) -> None:
    """The rule under the 版头: red and as wide as the 版心. GB/T 9704 asks for it in the
    general format (§7.2.4) and is silent for 纪要 (§10.3), so a 纪要 without one is noted,
    not reported; one that is drawn must be drawn right."""
    mark = m.mark
    if mark is None:
        return
    below = [r for r in m.pages[0].rules if r.y > mark.y]
    if m.colophon and m.colophon[0].page == 1:
        below = [r for r in below if r.y < m.colophon[0].y - 1.5 * m.pitch]
    if not below:
        report.notes.append("版头下没有分隔线（纪要可不加；版式要求时请补上红色分隔线）")
        return
    rule = below[0]
    width = pt_to_mm(rule.x1 - rule.x0)
    report.measured["header_rule"] = {"width_mm": round(width, 1), "colour": f"#{rule.color:06X}"}
    wrong = []
    if not is_red(rule.color):
        wrong.append(f"颜色 #{rule.color:06X}")
    if abs(width - PAGE.body_width_mm) > TOLERANCE.margin_mm:
        wrong.append(f"长 {width:.1f} mm")
    if wrong:
        report.add(rules.HEADER_RULE, "、".join(wrong), f"红色，与版心等宽（{PAGE.body_width_mm:g} mm）",
                   "第1页 版头分隔线", "把版头下的分隔线改为红色、与版心同宽（Word：段落下框线，颜色红色）",
                   source)
