"""Back-matter checks: the 版记 on an even page at the 版心's foot, and the page numbers."""

from __future__ import annotations

import re

from ..gbt9704 import FURNITURE, PAGE, TOLERANCE, mm, pt_to_mm
from ..parse.pdf import PRINTED_LINE
from . import rules
from .docxdoc import DocxSettings
from .findings import Report, pages_text
from .pdfdoc import EM_ASCENT, PdfMeasure


def check_colophon(m: PdfMeasure, report: Report, top: float | None, source: str) -> None:
    page = m.colophon_page
    if page is None:
        report.notes.append("没有找到版记（分送/抄送/印发），未检查版记")
        return
    report.measured["colophon_page"] = page
    if page % 2:
        report.add(rules.COLOPHON_PAGE, f"版记在第{page}页（单页）", "版记在偶数页（双面印刷的背面）",
                   f"第{page}页", "在版记前插入分页，使版记排在下一页（偶数页）的版心底部", source)
    check_printed(m, report, source)
    check_rules(m, report, source)
    bottom = (top if top is not None else mm(PAGE.top_mm)) + mm(PAGE.body_height_mm)
    last = m.colophon[-1]
    gap = pt_to_mm(bottom - m.line_bottom(last))
    if abs(gap) > TOLERANCE.margin_mm + pt_to_mm(m.pitch) / 2:
        report.add(rules.COLOPHON_FOOT, f"印发行距版心下边缘 {gap:.1f} mm", "末条分隔线与版心下边缘重合",
                   f"第{page}页 版记", "把版记移到本页版心的最下方（其上用空行或分页调整）", source)


def check_rules(m: PdfMeasure, report: Report, source: str) -> None:
    """The 版记's rules: the first over its first line and the last under the 印发 line
    0.35 mm thick, any between them 0.25 mm, each as wide as the 版心."""
    first, last = m.colophon[0], m.colophon[-1]
    found = [r for r in m.pages[last.page - 1].rules
             if first.y - 2 * m.pitch < r.y < last.y + m.pitch]
    where = f"第{last.page}页 版记"
    fix = ("版记首条、末条分隔线用 0.35 mm 粗线，中间用 0.25 mm 细线，均与版心等宽"
           "（Word：段落上、下框线）")
    if len(found) < 2 or found[0].y > first.y or found[-1].y < last.y:
        report.add(rules.COLOPHON_RULES, f"版记有 {len(found)} 条分隔线" if len(found) < 2
                   else "首条不在第一个要素之上，或末条不在印发行之下", "首条在版记第一行之上，末条在印发行之下",
                   where, fix, source)
        return
    wrong = []
    for k, r in enumerate(found):
        want = (FURNITURE.colophon_rule_heavy_mm if k in (0, len(found) - 1)
                else FURNITURE.colophon_rule_light_mm)
        thick = pt_to_mm(r.thickness)
        if abs(thick - want) > 0.1:
            wrong.append(f"第{k + 1}条粗 {thick:.2f} mm（应为 {want:g} mm）")
        if abs(pt_to_mm(r.x1 - r.x0) - PAGE.body_width_mm) > TOLERANCE.margin_mm:
            wrong.append(f"第{k + 1}条长 {pt_to_mm(r.x1 - r.x0):.1f} mm（应为 {PAGE.body_width_mm:g} mm）")
    if wrong:
        report.add(rules.COLOPHON_RULES, "；".join(wrong[:3]), "首末条 0.35 mm，中间 0.25 mm，与版心等宽",
                   where, fix, source)


def check_printed(m: PdfMeasure, report: Report, source: str) -> None:
    """The 印发 line: the office one character in from the left, "YYYY年M月D日印发" one in
    from the right, the date in Arabic numerals (§7.3.5.4)."""
    last = m.colophon[-1]
    where = f"第{last.page}页 版记末行"
    printed = PRINTED_LINE.search(last.text())
    if printed is None or not last.text()[:printed.start()].strip(" \u3000"):
        text = re.sub(r"[\s\u3000]", "", last.text())
        report.add(rules.PRINTED, f"版记末行是“{text[:24]}”", "“××人民政府办公室　2020年6月1日印发”",
                   where, "版记最后一行写印发机关和印发日期，日期用阿拉伯数字，后加“印发”", source)
        return
    indent = FURNITURE.colophon_size_pt * FURNITURE.colophon_indent_chars
    off_left = (last.x0 - m.left - indent) / FURNITURE.colophon_size_pt
    # from the 版心's left edge and its standard width: short lines leave the right edge
    # uncertain, and page.margins and page.chars report a 版心 of the wrong width
    right = m.left + mm(PAGE.body_width_mm)
    off_right = (right - indent - last.x1) / FURNITURE.colophon_size_pt
    if max(abs(off_left), abs(off_right)) > 0.5:
        report.add(rules.PRINTED, f"印发机关左空 {1 + off_left:.1f} 字、印发日期右空 {1 + off_right:.1f} 字",
                   "左右各空一字", where, "印发机关左空一字、印发日期右空一字（Word：左右缩进各 1 字，"
                   "日期用右对齐制表位）", source)


def check_folios(m: PdfMeasure, report: Report, top: float | None, source: str) -> None:
    bottom = (top if top is not None else mm(PAGE.top_mm)) + mm(PAGE.body_height_mm)
    indent = FURNITURE.folio_size_pt * FURNITURE.folio_indent_chars
    tolerance = mm(TOLERANCE.folio_mm)
    missing, extra, side, height, size = [], [], [], [], []
    for page in m.pages:
        n = page.number
        folio = m.folios.get(n)
        bare = m.is_blank(n) or m.colophon_only(n)
        if folio is None:
            if not bare:
                missing.append(n)
            continue
        if bare:
            extra.append(n)
            continue
        if n % 2:
            off = (m.right - indent) - folio.x1
        else:
            off = folio.x0 - (m.left + indent)
        if abs(off) > tolerance:
            side.append((n, folio))
        fsize = max(s.height for s in folio.spans)
        if abs(fsize - FURNITURE.folio_size_pt) > TOLERANCE.size_pt:
            size.append((n, fsize))
        gap = pt_to_mm(folio.y - EM_ASCENT * fsize - bottom)
        if abs(gap - FURNITURE.folio_gap_mm) > TOLERANCE.folio_mm:
            height.append((n, gap))
    if missing:
        report.add(rules.FOLIO_MISSING, "没有页码", f"“{FURNITURE.folio_dash} N {FURNITURE.folio_dash}”",
                   pages_text(missing), "在页脚插入页码，格式为“— 1 —”，四号宋体", source)
    if extra:
        report.add(rules.FOLIO_EXTRA, "编了页码", "空白页和只有版记的页不编页码", pages_text(extra),
                   "删去这些页的页码（Word：该节页脚取消“链接到前一节”后删除）", source)
    if side:
        n, folio = side[0]
        where = "居右" if n % 2 else "居左"
        report.add(rules.FOLIO_SIDE, f"第{n}页页码在 x = {pt_to_mm(folio.x0):.1f}–{pt_to_mm(folio.x1):.1f} mm"
                   f"（“{folio.text().strip()}”）", "单页码居右空一字，双页码居左空一字",
                   pages_text(n for n, _ in side),
                   f"第{n}页页码应{where}：奇数页右对齐、右空一字，偶数页左对齐、左空一字"
                   "（Word：页眉页脚设“奇偶页不同”）", source)
    if height:
        n, gap = height[0]
        report.add(rules.FOLIO_HEIGHT, f"一字线上距版心下边缘 {gap:.1f} mm",
                   f"{FURNITURE.folio_gap_mm:g} mm（允许 ±{TOLERANCE.folio_mm:g} mm）",
                   pages_text(n for n, _ in height), "调整页脚距离，使页码上边缘在版心下边缘之下 7 mm", source)
    if size:
        n, fsize = size[0]
        report.add(rules.FOLIO_SIZE, f"{fsize:.1f} pt", f"四号（{FURNITURE.folio_size_pt:g} pt）",
                   pages_text(n for n, _ in size), "把页码改为四号（14 磅）", source)



RIGHT, LEFT = ("right", "end"), ("left", "start", None)


def check_docx_footers(s: DocxSettings, report: Report) -> None:
    """Page numbers from the first section's footers and ``w:evenAndOddHeaders``."""
    odd = next((f for f in s.footers if f.kind == "default"), None)
    even = next((f for f in s.footers if f.kind == "even"), None)
    if odd is None or not odd.has_page_field:
        report.add(rules.FOLIO_MISSING, "页脚中没有页码域（PAGE）", f"“{FURNITURE.folio_dash} N {FURNITURE.folio_dash}”",
                   "第1节页脚（word/footer*.xml）", "插入→页码→页面底端，格式改为“— 1 —”，四号宋体", "docx")
        return
    fix = ("在“页眉和页脚”中勾选“奇偶页不同”；奇数页页码右对齐、右缩进一字，"
           "偶数页页码左对齐、左缩进一字")
    if not s.even_and_odd:
        report.add(rules.FOLIO_SIDE, f"全部页面共用一个页脚（对齐：{odd.align or 'left'}）",
                   "单页码居右空一字，双页码居左空一字", "word/settings.xml（未设 w:evenAndOddHeaders）",
                   fix, "docx")
    elif odd.align not in RIGHT or even is None or even.align not in LEFT or not even.has_page_field:
        report.add(rules.FOLIO_SIDE, f"奇数页页脚对齐 {odd.align or 'left'}，偶数页页脚对齐 "
                   f"{(even.align or 'left') if even and even.has_page_field else '无页码'}",
                   "单页码居右空一字，双页码居左空一字", "第1节的奇数页、偶数页页脚", fix, "docx")
    if odd.size is not None and abs(odd.size - FURNITURE.folio_size_pt) > TOLERANCE.size_pt:
        report.add(rules.FOLIO_SIZE, f"{odd.size:g} pt", f"四号（{FURNITURE.folio_size_pt:g} pt）",
                   "第1节页脚", "把页码改为四号（14 磅）", "docx")
