"""Layout → positioned items in points: what the HTML template draws, exactly.

The typesetter decided every line and page; this module only turns grid slots and
cells into coordinates on the A4 sheet (origin top-left) from the numbers in
``gbt9704``, and works out the per-line letter-spacing that justifies a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gbt9704 import FURNITURE, GRID, LINE_PITCH_PT, PAGE, mm
from ..layout.blocks import Block
from ..layout.breaker import Glyph, Line
from ..layout.fonts import face
from ..layout.pages import Layout, Page, size_pt
from ..model.profile import Profile

X0 = mm(PAGE.left_mm)
Y0 = mm(PAGE.top_mm)
BODY_W = mm(PAGE.body_width_mm)
BODY_BOTTOM = Y0 + mm(PAGE.body_height_mm)
CELL = BODY_W / GRID.chars


@dataclass
class Run:
    """Text in one face. Half-width runs are drawn in a box as wide as the typesetter
    counted them (half a cell a character, as GB 2312 faces set ASCII), so a proportional
    Latin face cannot shift the Chinese that follows."""

    text: str
    role: str
    box: float | None = None        # pt, for half-width runs
    before: float = 0.0             # pt of Chinese/Latin spacing before the box
    after: float = 0.0              # pt after it


@dataclass
class TextItem:
    """One line (or hanging mark) drawn from (x, top) with a line box ``height`` tall."""

    x: float
    top: float
    height: float
    size: float
    role: str
    runs: list[Run]
    spacing: float = 0.0
    kind: str = ""
    width: float | None = None        # set for right/centre alignment boxes
    align: str = "left"
    scale_x: float = 1.0
    color: str | None = None


@dataclass
class Rule:
    x: float
    top: float
    width: float
    thickness: float
    color: str = "#000"
    kind: str = ""


@dataclass
class PageView:
    number: int
    items: list[TextItem] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    folio: TextItem | None = None


def unit_pt(block: Block) -> float:
    """One character of the block: a grid cell for body type, the type size for the 版记."""
    return size_pt(block) if block.size == "colophon" else CELL


def runs_of(glyphs: list[Glyph], unit: float = 0.0) -> list[Run]:
    runs: list[Run] = []
    for g in glyphs:
        boxed = g.role == "latin" and unit > 0
        if runs and runs[-1].role == g.role and not (boxed and g.gap):
            runs[-1].text += g.ch
            if boxed:
                runs[-1].box = (runs[-1].box or 0) + g.width * unit
        else:
            if runs and runs[-1].box is not None and g.gap:
                runs[-1].after = g.gap * unit
            runs.append(Run(g.ch, g.role, g.width * unit if boxed else None,
                            g.gap * unit if boxed else 0.0))
    return runs


def natural_width(runs: list[Run], size: float) -> float:
    """Width before letter-spacing: font advances for Chinese, box widths for half-width."""
    total = 0.0
    for run in runs:
        if run.box is not None:
            total += run.box + run.before + run.after
            continue
        f = face(run.role)
        total += sum((f.advance(ch) or 1.0) * size for ch in run.text)
    return total


def spaced_count(runs: list[Run]) -> int:
    """Characters that carry letter-spacing between the first and the last drawn item."""
    count = sum(len(r.text) for r in runs if r.box is None)
    return count - 1 if runs and runs[-1].box is None else count


def line_items(line: Line, slot: int) -> list[TextItem]:
    block = line.block
    assert block is not None
    size, unit = size_pt(block), unit_pt(block)
    top = Y0 + slot * LINE_PITCH_PT
    width = BODY_W / unit
    start = X0 + line.indent * unit
    role = block.spans[0].font if block.kind != "printed" else "fangsong"
    items: list[TextItem] = []
    if block.kind == "printed":
        return _printed_items(line, top, size, unit)
    runs = runs_of(line.glyphs, unit if block.size != "colophon" else 0.0)
    natural = natural_width(runs, size)
    grid = unit - size if block.size != "colophon" else 0.0
    squeezed = line.natural > line.available + 1e-6     # the breaker let it overflow a little
    justify = (block.align == "justify" and (not line.last or bool(line.hang))) or squeezed
    gaps = spaced_count(runs)
    spacing = (line.available * unit - natural) / gaps if justify and gaps > 0 else grid
    x = start
    if block.align in ("right", "center") and line.last:
        used = natural + spacing * gaps
        room = (width - line.indent - block.right) * unit
        x = start + (room - used) if block.align == "right" else start + (room - used) / 2
    items.append(TextItem(x, top, LINE_PITCH_PT, size, role, runs, spacing, block.kind))
    if line.hang:
        hx = start + line.available * unit
        items.append(TextItem(hx, top, LINE_PITCH_PT, size, role, runs_of(line.hang), grid, "hang"))
    return items


def _printed_items(line: Line, top: float, size: float, unit: float) -> list[TextItem]:
    """印发 line: the office at the left, the date and 印发 at the right, one character in."""
    block = line.block
    by, date = block.spans[0].text, block.spans[1].text
    inner = BODY_W - (block.first + block.right) * unit
    left = TextItem(X0 + block.first * unit, top, LINE_PITCH_PT, size, "fangsong",
                    [Run(by, "fangsong")], 0.0, "printed-by")
    right = TextItem(X0 + block.first * unit, top, LINE_PITCH_PT, size, "fangsong",
                     runs_of(line.glyphs[len(by):]), 0.0, "printed-date",
                     width=inner, align="right")
    return [left, right]


def build_views(layout: Layout, profile: Profile) -> list[PageView]:
    views = []
    for page in layout.pages:
        view = PageView(page.number)
        if page.header:
            _header(view, layout, profile)
        for placed in page.lines:
            view.items.extend(line_items(placed.line, placed.slot))
        if page.colophon:
            _colophon(view, page)
        if page.folio:
            view.folio = _folio(page)
        views.append(view)
    return views


def _header(view: PageView, layout: Layout, profile: Profile) -> None:
    """纪要标志 with its top edge 35 mm under the 版心 top (§10.3), then 期号, office line, red rule."""
    doc = layout.document
    size = profile.mark_size_pt
    mark_face = face("xiaobiaosong")
    natural = sum((mark_face.advance(ch) or 1.0) for ch in doc.mark) * size
    scale = min(profile.mark_scale_x, 0.98 * BODY_W / natural)
    # the line box is one em tall; Pango centres the font's ascent+descent in it
    em_top_in_box = (mark_face.ascent - 0.88) - (mark_face.ascent + mark_face.descent - 1) / 2
    top = Y0 + mm(FURNITURE.mark_top_mm) - em_top_in_box * size
    view.items.append(TextItem(X0, top, size, size, "xiaobiaosong", [Run(doc.mark, "xiaobiaosong")],
                               0.0, "mark", width=BODY_W, align="center", scale_x=scale,
                               color=profile.red))
    lines = profile.header_lines
    body = GRID.body_size_pt
    if doc.issue_line:
        view.items.append(TextItem(X0, Y0 + (lines - 6) * LINE_PITCH_PT, LINE_PITCH_PT, body,
                                   "fangsong", [Run(doc.issue_line, "fangsong")], 0.0, "issue",
                                   width=BODY_W, align="center"))
    rule_slot = lines - 3
    if doc.office:
        top = Y0 + (rule_slot - 1) * LINE_PITCH_PT
        view.items.append(TextItem(X0 + CELL, top, LINE_PITCH_PT, body, "fangsong",
                                   [Run(doc.office, "fangsong")], CELL - body, "office"))
        if doc.office_date:
            view.items.append(TextItem(X0, top, LINE_PITCH_PT, body, "fangsong",
                                       [Run(doc.office_date, "fangsong")], 0.0, "office-date",
                                       width=BODY_W - CELL, align="right"))
    if profile.red_rule:
        view.rules.append(Rule(X0, Y0 + rule_slot * LINE_PITCH_PT + 2, BODY_W, 1.0,
                               profile.red, "red-rule"))


def _colophon(view: PageView, page: Page) -> None:
    """§7.4.1: heavy rules above the first and below the last element, a light one between."""
    heavy, light = mm(FURNITURE.colophon_rule_heavy_mm), mm(FURNITURE.colophon_rule_light_mm)
    first = page.colophon[0]
    view.rules.append(Rule(X0, Y0 + first.slot * LINE_PITCH_PT, BODY_W, heavy, kind="colophon-top"))
    for placed in page.colophon:
        if placed.block.kind == "printed" and placed is not first:
            view.rules.append(Rule(X0, Y0 + placed.slot * LINE_PITCH_PT - light / 2, BODY_W, light,
                                   kind="colophon-middle"))
        view.items.extend(line_items(placed.line, placed.slot))
    view.rules.append(Rule(X0, BODY_BOTTOM - heavy, BODY_W, heavy, kind="colophon-bottom"))


def _folio(page: Page) -> TextItem:
    """§7.5: "— N —" in 4号宋体, its line 7 mm under the 版心; odd right, even left, one character in."""
    size = FURNITURE.folio_size_pt
    dash = FURNITURE.folio_dash
    text = f"{dash} {page.number} {dash}"
    song = face("song")
    em_top_in_box = (song.ascent - 0.88) - (song.ascent + song.descent - 1) / 2
    top = BODY_BOTTOM + mm(FURNITURE.folio_gap_mm) - em_top_in_box * size
    inset = FURNITURE.folio_indent_chars * size
    runs = [Run(text, "song")]
    if page.number % 2:
        return TextItem(X0, top, size, size, "song", runs, 0.0, "folio", width=BODY_W - inset,
                        align="right")
    return TextItem(X0 + inset, top, size, size, "song", runs, 0.0, "folio")
