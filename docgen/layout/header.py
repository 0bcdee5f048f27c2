"""Where the 版头 of page 1 goes, in grid lines: one plan that both backends draw.

GB/T 9704 fixes only the 纪要标志's top edge (35 mm under the 版心 top, §10.3); the rest
is 苏州 practice kept on the grid: the 期号 centred, the 编发 line (office left, date
right), the red rule just under it, and two empty lines before the body, which starts
on grid line ``profile.header_lines`` (12 in the seed: page 1 keeps 10 body lines).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import DocgenError
from ..gbt9704 import FURNITURE, PAGE, mm
from ..model.profile import Profile
from .fonts import face


@dataclass(frozen=True)
class HeaderPlan:
    mark_top_pt: float      # the mark's em-box top, below the 版心 top
    mark_scale: float       # horizontal scale so the mark fits the 版心
    mark_width_pt: float    # its width before that scale
    issue_slot: int         # grid line of the 期号
    office_slot: int        # grid line of the 编发 line
    rule_top_pt: float      # the red rule's top edge, below the 版心 top
    rule_pt: float          # its thickness
    body_slot: int          # the first body line


def mark_width(mark: str, profile: Profile) -> float:
    """The mark's width in pt at its size, before any horizontal scale."""
    f = face("xiaobiaosong")
    return sum((f.advance(ch) or 1.0) for ch in mark) * profile.mark_size_pt


def mark_scale(mark: str, profile: Profile) -> float:
    """The profile's scale, narrowed so the mark takes at most 98 % of the 版心 width."""
    return min(profile.mark_scale_x, 0.98 * mm(PAGE.body_width_mm) / mark_width(mark, profile))


def plan_header(mark: str, profile: Profile, pitch: float) -> HeaderPlan:
    body = profile.header_lines
    office = body - 4
    below_mark = math.ceil((mm(FURNITURE.mark_top_mm) + profile.mark_size_pt) / pitch)
    first = body - 6 if profile.issue_line else office
    if first < below_mark:
        least = below_mark + (body - first)
        raise DocgenError.one(
            f"版式 {profile.name} 的 header_lines（{body}）太小：纪要标志之下放不下期号和编发行",
            file=profile.source, path="header_lines", hint=f"header_lines 至少为 {least}")
    return HeaderPlan(
        mark_top_pt=mm(FURNITURE.mark_top_mm),
        mark_scale=mark_scale(mark, profile),
        mark_width_pt=mark_width(mark, profile),
        issue_slot=body - 6,
        office_slot=office,
        rule_top_pt=(office + 1) * pitch + FURNITURE.header_rule_gap_pt,
        rule_pt=FURNITURE.header_rule_pt,
        body_slot=body,
    )
