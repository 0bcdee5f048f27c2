"""Lines → pages on the 22-line grid: header on page 1, 版记 at the foot of an even page.

This is where page breaks are decided, once, for every backend: the PDF draws these
pages, the DOCX uses them to place its break before the 版记, and tests compare
them with the printed seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import DocgenError
from ..gbt9704 import FURNITURE, GRID, LINE_PITCH_PT, PAGE, mm
from ..model.minutes import Minutes
from ..model.profile import Profile
from .blocks import Block, Document, Span, build_document
from .breaker import Line, break_lines, shape
from .header import plan_header


def width_in_chars(block: Block) -> float:
    """Body type sits on the 28-cell grid; the 版记's 4号 type is set solid, unsqueezed.

    The seed proves the second: its 分送 line holds 1 + 29 characters of 14 pt, which
    the 156 mm 版心 (31.6 characters of 14 pt, less one each side) allows, while a
    grid-squeezed 4号 (32 a line) would have taken one more.
    """
    if block.size == "colophon":
        return mm(PAGE.body_width_mm) / FURNITURE.colophon_size_pt
    return GRID.chars


def size_pt(block: Block) -> float:
    return FURNITURE.colophon_size_pt if block.size == "colophon" else GRID.body_size_pt


@dataclass
class PlacedLine:
    line: Line
    slot: int                     # grid line on the page, 0 = the first line of the 版心

    @property
    def block(self) -> Block:
        return self.line.block    # type: ignore[return-value]


@dataclass
class Page:
    number: int                   # physical page, from 1
    lines: list[PlacedLine] = field(default_factory=list)
    colophon: list[PlacedLine] = field(default_factory=list)
    header: bool = False

    @property
    def folio(self) -> bool:
        """§7.5: a page with only the 版记 (or nothing) carries no number."""
        return bool(self.lines) or self.header

    @property
    def blank(self) -> bool:
        return not (self.lines or self.colophon or self.header)


@dataclass
class Layout:
    document: Document
    pages: list[Page]

    def body_lines(self) -> list[tuple[int, PlacedLine]]:
        return [(p.number, pl) for p in self.pages for pl in p.lines]


def typeset(m: Minutes, profile: Profile) -> Layout:
    doc = build_document(m, profile)
    plan_header(doc.mark, profile, LINE_PITCH_PT)        # a header that fits, or why not
    _office_line_fits(doc, "compiled_by" if m.compiled_by else "profile")
    return paginate(doc, profile.header_lines)


def _office_line_fits(doc: Document, path: str) -> None:
    """The 编发 line holds the office one cell in from the left and the date one cell in
    from the right, with at least one cell between them."""
    if not (doc.office and doc.office_date):
        return
    used = sum(g.width + g.gap for g in shape(Block("office", (Span(doc.office + "\u3000" + doc.office_date),))))
    if used > GRID.chars - 2:
        raise DocgenError.one(f"编发单位“{doc.office}”和日期排不进版头的一行", path=path,
                              hint="编发单位请用简称（compiled_by）")


def paginate(doc: Document, header_lines: int) -> Layout:
    pages = [Page(1, header=True)]
    slot = header_lines
    for i, block in enumerate(doc.body):
        lines = break_lines(block, width_in_chars(block))
        if slot > 0 and block.gap_before:
            slot += block.gap_before          # an empty line at a page top is not kept
        if block.keep_with_next and i + 1 < len(doc.body) and 0 < slot < GRID.lines < slot + len(lines) + 1:
            slot = GRID.lines                 # a heading goes over with its first line of text
        for line in lines:
            if slot >= GRID.lines:
                pages.append(Page(len(pages) + 1))
                slot = 0
            pages[-1].lines.append(PlacedLine(line, slot))
            slot += 1
    _place_colophon(doc, pages, slot)
    return Layout(doc, pages)


def _place_colophon(doc: Document, pages: list[Page], used: int) -> None:
    """§7.4: the 版记 ends on the 版心's bottom edge of the last, even page."""
    lines = []
    for block in doc.colophon:
        broken = break_lines(block, width_in_chars(block))
        if block.kind == "printed" and len(broken) > 1:
            raise DocgenError.one("印发机关和印发日期排不进版记的一行（§7.4.3：机关左空一字、日期右空一字）",
                                  path="printed.by", hint="印发机关请用简称")
        lines += broken
    if not lines:
        return
    first_slot = GRID.lines - len(lines)
    last = pages[-1]
    if last.number % 2 or used + 1 > first_slot:      # odd, or no room above one empty line
        pages.append(Page(len(pages) + 1))
        if pages[-1].number % 2:
            pages.append(Page(len(pages) + 1))      # a blank odd page, so the 版记 lands even
    pages[-1].colophon = [PlacedLine(line, first_slot + i) for i, line in enumerate(lines)]
