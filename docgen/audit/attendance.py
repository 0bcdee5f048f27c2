"""The 出席/请假/列席 lists of a 纪要 (§10.3): where their labels and names sit on the grid.

The standard sets the label "出席" two cells in, in 黑体, with a full-width colon, and the
names after it in 仿宋, each wrapped line aligned with the first name after the colon: a
hanging indent of three cells (label and colon) under a left indent of five. Offices put
units before the names and break a list into groups; each group line starts at the hang.
"""

from __future__ import annotations

import re

from ..parse.pdf import PLine
from . import rules
from .faces import HEI, face_kind
from .findings import Report
from .pdfdoc import PdfMeasure

LISTS = ("出席", "请假", "列席")
LABEL = re.compile(r"^\s*(\S{2,4})\s*[：:]")
LABEL_CELLS, HANG_CELLS = 2, 5        # 左空二字; "出席：" is three cells more


def attendance_lines(m: PdfMeasure) -> list[tuple[PLine, bool]]:
    """The body lines of the lists, each with whether it opens one (a label line)."""
    out: list[tuple[PLine, bool]] = []
    inside = False
    for pl in m.body:
        label = LABEL.match(pl.text())
        if label:
            inside = label.group(1) in LISTS
            if inside:
                out.append((pl, True))
            continue
        if inside and pl.x0 - m.left < (HANG_CELLS + 1) * m.cell:
            out.append((pl, False))
        else:
            inside = False
    return out


def check_attendance(m: PdfMeasure, report: Report, source: str) -> None:
    wrong: list[tuple[PLine, str, str]] = []
    for pl, opens in attendance_lines(m):
        cells = (pl.x0 - m.left) / m.cell
        want = LABEL_CELLS if opens else HANG_CELLS
        if abs(cells - want) > 0.5:
            wrong.append((pl, f"{'标签' if opens else '回行'}左空 {cells:.1f} 字", f"左空 {want} 字"))
        elif opens and face_kind(pl.spans[0].font) != HEI:
            wrong.append((pl, f"标签“{pl.text()[:2]}”用 {face_kind(pl.spans[0].font)}", "黑体"))
    if not wrong:
        return
    pl, measured, expected = wrong[0]
    report.add(rules.ATTENDANCE, f"{measured}（“{pl.text().strip()[:12]}”，共 {len(wrong)} 行）", expected,
               f"第{pl.page}页", "“出席：”等左空二字、用黑体；名单回行与冒号后的第一个字对齐"
               "（Word：段落左缩进 5 字、悬挂缩进 3 字）", source)
