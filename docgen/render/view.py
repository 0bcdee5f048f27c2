"""Layout → what the HTML template draws, in points on the A4 sheet (origin top-left).

The typesetter decided every line and page; this module only turns grid slots and
cells into coordinates from the numbers in ``gbt9704`` and works out the
letter-spacing that justifies each line. Body, attendance, tail and 版记 lines are
drawn as one text column per page (one text line per grid line), which WeasyPrint
lays out several times faster than one positioned box per line; the header and the
page number are placed boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..gbt9704 import FURNITURE, GRID, LINE_PITCH_PT, PAGE, mm
from ..layout.blocks import Block
from ..layout.breaker import Glyph, Line
from ..layout.fonts import face, face_runs
from ..layout.header import plan_header
from ..layout.pages import Layout, Page, size_pt
from ..model.profile import Profile

X0 = mm(PAGE.left_mm)
Y0 = mm(PAGE.top_mm)
BODY_W = mm(PAGE.body_width_mm)
BODY_BOTTOM = Y0 + mm(PAGE.body_height_mm)
CELL = BODY_W / GRID.chars
PT_DIGITS = 3      # positions and spacings are drawn to 0.001 pt
EM_TOP = 0.88      # the ideographic em box's top above the baseline, in em


def drawn_pt(value: float) -> str:
    """A length as the backends write it."""
    return f"{value:.{PT_DIGITS}f}pt"


def same_pt(a: float, b: float) -> bool:
    """Equal as drawn: closer than the precision the backends write."""
    return abs(a - b) < 0.5 * 10 ** -PT_DIGITS


@dataclass
class Run:
    """Text in one face. Half-width runs are drawn in a box as wide as the typesetter
    counted them, so a proportional Latin face cannot shift the Chinese that follows."""

    text: str
    role: str
    box: float | None = None        # pt, for half-width runs
    before: float = 0.0             # pt of Chinese/Latin spacing before the box
    after: float = 0.0              # pt after it

    @cached_property
    def em(self) -> float:
        """Font advances of the text, in em (asked for each piece and each line)."""
        f = face(self.role)
        return sum(f.advance(ch) or 1.0 for ch in self.text)


@dataclass
class Piece:
    """Text on a grid line, starting ``x`` pt from the page's left edge."""

    x: float
    runs: list[Run]
    role: str
    size: float
    spacing: float                   # letter-spacing, after every unboxed character
    kind: str
    drawn: float = 0.0               # its width as drawn, letter-spacing included
    offset: float = 0.0              # gap from the previous piece's end (set per line)
    more: list[list[Run]] = field(default_factory=list)   # runs of the grid lines below it
    plain: bool = False              # drawn in the column's own style, without an element

    def continued_by(self, below: "Piece") -> bool:
        """Whether the piece on the next grid line can be drawn as more lines of this one:
        it starts at the left edge in the same face, size and spacing (a paragraph's lines)."""
        return (below.kind == self.kind and below.role == self.role and same_pt(below.offset, 0)
                and below.size == self.size and same_pt(below.spacing, self.spacing))


@dataclass(frozen=True)
class Column:
    """The text column of every page: the 版心's width, one text line per grid line, body
    type in 仿宋 with each character on its grid cell. A piece drawn in exactly this style
    needs no element of its own (:attr:`Piece.plain`)."""

    x: float = X0
    top: float = Y0
    width: float = BODY_W
    pitch: float = LINE_PITCH_PT
    size: float = GRID.body_size_pt
    role: str = "fangsong"
    spacing: float = CELL - GRID.body_size_pt

    def draws(self, piece: Piece) -> bool:
        return (same_pt(piece.offset, 0) and piece.role == self.role and piece.size == self.size
                and same_pt(piece.spacing, self.spacing))


COLUMN = Column()


@dataclass
class GridLine:
    slot: int
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Placed:
    """A box placed on the sheet: the 纪要标志, 期号, office line and page number."""

    x: float
    top: float
    width: float
    height: float
    size: float
    role: str
    text: str
    kind: str
    align: str = "left"
    spacing: float = 0.0
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


# What belongs to the 版头 and the 版记 — the parts an office's HTML template may redraw
# (templates/header.html.j2, templates/colophon.html.j2).
HEADER_KINDS = frozenset({"mark", "issue", "office", "office-date", "red-rule"})
COLOPHON_KINDS = frozenset({"colophon-top", "colophon-middle", "colophon-bottom"})


@dataclass
class PageView:
    number: int
    lines: list[GridLine] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    @property
    def header(self) -> list[Placed | Rule]:
        return [item for item in self.rules + self.placed if item.kind in HEADER_KINDS]

    @property
    def colophon(self) -> list[Rule]:
        return [rule for rule in self.rules if rule.kind in COLOPHON_KINDS]

    @property
    def folios(self) -> list[Placed]:
        return [box for box in self.placed if box.kind == "folio"]


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
        total += run.em * size
    return total


def face_of(runs: list[Run]) -> str | None:
    """The face of most unboxed characters: the piece's own, so only the others need a span."""
    counts: dict[str, int] = {}
    for run in runs:
        if run.box is None:
            counts[run.role] = counts.get(run.role, 0) + len(run.text)
    return max(counts, key=counts.get) if counts else None


def spaced(runs: list[Run]) -> int:
    """Characters that take letter-spacing (every unboxed one)."""
    return sum(len(r.text) for r in runs if r.box is None)


def piece(x: float, runs: list[Run], role: str, size: float, spacing: float, kind: str) -> Piece:
    drawn = natural_width(runs, size) + spacing * spaced(runs)
    return Piece(x, runs, role, size, spacing, kind, drawn)


def line_pieces(line: Line) -> list[Piece]:
    block = line.block
    assert block is not None
    if block.kind == "printed":
        return _printed_pieces(line)
    size, unit = size_pt(block), unit_pt(block)
    grid = unit - size if block.size != "colophon" else 0.0
    start = X0 + line.indent * unit
    runs = runs_of(line.glyphs, unit if block.size != "colophon" else 0.0)
    role = face_of(runs) or block.spans[0].font
    natural = natural_width(runs, size)
    squeezed = line.natural > line.available + 1e-6     # the breaker let it overflow a little
    justify = (block.align == "justify" and (not line.last or bool(line.hang))) or squeezed
    # the last character's spacing falls beyond the line, so n characters give n − 1 gaps
    gaps = spaced(runs) - (1 if runs and runs[-1].box is None else 0)
    # a line of full-width characters filling its cells is justified by the grid itself
    on_grid = abs(natural + grid * spaced(runs) - line.available * unit) < 1e-6
    spacing = (line.available * unit - natural) / gaps if justify and gaps and not on_grid \
        else grid
    x = start
    if block.align in ("right", "center") and line.last:
        used = natural + spacing * gaps
        room = (BODY_W / unit - line.indent - block.right) * unit
        x = start + (room - used if block.align == "right" else (room - used) / 2)
    pieces = by_face(x, runs, block.spans[0].font, size, spacing, block.kind)
    if line.hang:
        hang = runs_of(line.hang)
        pieces.append(piece(start + line.available * unit, hang, face_of(hang) or role, size,
                            grid, "hang"))
    return pieces


def by_face(x: float, runs: list[Run], default: str, size: float, spacing: float,
            kind: str) -> list[Piece]:
    """One piece per stretch of a line in one face (half-width boxes go with their
    neighbours), so that a 楷体 marker before 仿宋 text is one element, not two nested."""
    groups: list[list[Run]] = []
    for run in runs:
        role = face_of(groups[-1]) if groups else None
        if groups and (run.box is not None or role in (None, run.role)):
            groups[-1].append(run)
        else:
            groups.append([run])
    pieces = []
    for group in groups:
        pieces.append(piece(x, group, face_of(group) or default, size, spacing, kind))
        x += pieces[-1].drawn
    return pieces


def _printed_pieces(line: Line) -> list[Piece]:
    """印发 line: the office at the left, the date and 印发 at the right, one character in."""
    block = line.block
    size = unit = size_pt(block)
    by = block.spans[0].text
    office = [Run(text, role) for role, text in face_runs(by, "fangsong")]
    left = piece(X0 + block.first * unit, office, "fangsong", size, 0.0, "printed-by")
    runs = runs_of(line.glyphs[len(by):])
    right_edge = X0 + BODY_W - block.right * unit
    right = piece(right_edge - natural_width(runs, size), runs, "fangsong", size, 0.0,
                  "printed-date")
    return [left, right]


def grid_line(slot: int, pieces: list[Piece]) -> GridLine:
    cursor = X0
    for p in sorted(pieces, key=lambda p: p.x):
        p.offset = p.x - cursor
        cursor = p.x + p.drawn
    return GridLine(slot, sorted(pieces, key=lambda p: p.x))


def merge_lines(lines: list[GridLine], column: Column = COLUMN) -> list[GridLine]:
    """Mark the pieces the column draws as it is, and fold each grid line that only
    continues the last piece of the line above into that piece.

    WeasyPrint's cost grows with its boxes, not with its glyphs. A body line on the grid
    is drawn as bare text of the column; the other lines of a paragraph drawn alike (a
    topic in 黑体, an indented list) become one span with line breaks inside, the
    indent on its first line only. Not a glyph moves (tests/test_pdf_layout.py).
    """
    merged: list[GridLine] = []
    for line in lines:
        for piece in line.pieces:
            piece.plain = column.draws(piece)
        open_piece = merged[-1].pieces[-1] if merged and merged[-1].pieces else None
        if (open_piece and not open_piece.plain and len(line.pieces) == 1
                and not line.pieces[0].plain and open_piece.continued_by(line.pieces[0])):
            open_piece.more.append(line.pieces[0].runs)    # its line break moves inside
            continue
        merged.append(line)
    return merged


def build_views(layout: Layout, profile: Profile) -> list[PageView]:
    views = []
    for page in layout.pages:
        view = PageView(page.number)
        if page.header:
            _header(view, layout, profile)
        by_slot: dict[int, list[Piece]] = {}
        for placed in page.lines + page.colophon:
            by_slot.setdefault(placed.slot, []).extend(line_pieces(placed.line))
        last = max(by_slot, default=-1)
        view.lines = merge_lines([grid_line(slot, by_slot.get(slot, []))
                                  for slot in range(last + 1)])
        if page.colophon:
            _colophon_rules(view, page)
        if page.folio:
            view.placed.append(_folio(page))
        views.append(view)
    return views


def _box_top(role: str, size: float, em_top: float) -> float:
    """Top of a one-em line box whose glyphs' em box starts at ``em_top``.

    Pango centres the face's ascent + descent in the line box, so the em box's top sits
    (ascent − 0.88) − (ascent + descent − 1)/2 em below the box top.
    """
    f = face(role)
    return em_top - ((f.ascent - EM_TOP) - (f.ascent + f.descent - 1) / 2) * size


def _header(view: PageView, layout: Layout, profile: Profile) -> None:
    """纪要标志 with its top edge 35 mm under the 版心 top (§10.3), then 期号, office line, red rule."""
    doc = layout.document
    plan = plan_header(doc.mark, profile, LINE_PITCH_PT)
    size = profile.mark_size_pt
    top = _box_top("xiaobiaosong", size, Y0 + plan.mark_top_pt)
    # a box as wide as the unscaled mark, centred: scaled about its centre, the mark stays
    # centred even when it is wider than the 版心 before scaling
    width = max(plan.mark_width_pt, BODY_W)
    if profile.draws_mark:
        view.placed.append(Placed(X0 + (BODY_W - width) / 2, top, width, size, size,
                                  "xiaobiaosong", doc.mark, "mark", "center",
                                  scale_x=plan.mark_scale, color=profile.mark_colour))
    body = GRID.body_size_pt
    if doc.issue_line:
        view.placed.append(Placed(X0, Y0 + plan.issue_slot * LINE_PITCH_PT, BODY_W, LINE_PITCH_PT,
                                  body, "fangsong", doc.issue_line, "issue", "center"))
    if doc.office:
        top = Y0 + plan.office_slot * LINE_PITCH_PT
        view.placed.append(Placed(X0 + CELL, top, BODY_W - 2 * CELL, LINE_PITCH_PT, body,
                                  "fangsong", doc.office, "office", spacing=CELL - body))
        if doc.office_date:
            view.placed.append(Placed(X0, top, BODY_W - CELL, LINE_PITCH_PT, body, "fangsong",
                                      doc.office_date, "office-date", "right"))
    if profile.draws_rule:
        view.rules.append(Rule(X0, Y0 + plan.rule_top_pt, BODY_W, plan.rule_pt, profile.red,
                               "red-rule"))


def _colophon_rules(view: PageView, page: Page) -> None:
    """§7.4.1: heavy rules above the first and below the last element, a light one between."""
    heavy, light = mm(FURNITURE.colophon_rule_heavy_mm), mm(FURNITURE.colophon_rule_light_mm)
    first = page.colophon[0]
    view.rules.append(Rule(X0, Y0 + first.slot * LINE_PITCH_PT, BODY_W, heavy, kind="colophon-top"))
    for placed in page.colophon[1:]:
        if placed.block.kind == "printed":
            view.rules.append(Rule(X0, Y0 + placed.slot * LINE_PITCH_PT - light / 2, BODY_W,
                                   light, kind="colophon-middle"))
    view.rules.append(Rule(X0, BODY_BOTTOM - heavy, BODY_W, heavy, kind="colophon-bottom"))


def _folio(page: Page) -> Placed:
    """§7.5: "— N —" in 4号宋体, its line 7 mm under the 版心; odd right, even left, one character in."""
    size = FURNITURE.folio_size_pt
    dash = FURNITURE.folio_dash
    text = f"{dash} {page.number} {dash}"
    top = _box_top("song", size, BODY_BOTTOM + mm(FURNITURE.folio_gap_mm))
    inset = FURNITURE.folio_indent_chars * size
    if page.number % 2:
        return Placed(X0, top, BODY_W - inset, size, size, "song", text, "folio", "right")
    return Placed(X0 + inset, top, BODY_W - inset, size, size, "song", text, "folio")
