"""A PDF measured for the audit: its grid, its 版心, its furniture, from PyMuPDF's spans.

The lines come from the parser's PDF reader (``parse.pdf``), with its limits for hostile
files; this module only adds the measurements a conformance check needs: where the
版心's edges are, how many lines a page holds, which line is the 纪要标志, the 版记 and
each page's number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..gbt9704 import PAGE, mm
from ..parse.pdf import (LABEL_START, PRINTED_LINE, PdfPage, PLine, grid, is_folio, read_pages,
                         readable_lines)

# A CJK glyph's em box: its top 0.88 em above the baseline (OpenType's ideographic em box).
# In a grid line the glyph is centred (CSS half-leading), so the line's top is half the
# leading above the em box.
EM_ASCENT = 0.88
FOLIO_NUMBER = re.compile(r"\d{1,3}")


@dataclass
class PdfMeasure:
    """The numbers of one PDF, in points from the page's top left corner."""

    name: str
    pages: list[PdfPage]
    body_size: float
    cell: float
    left: float
    pitch: float
    body: list[PLine] = field(default_factory=list)          # body-size lines, no folios
    folios: dict[int, PLine] = field(default_factory=dict)   # page number → its folio line
    colophon: list[PLine] = field(default_factory=list)

    @cached_property
    def right(self) -> float:
        """The 版心's right edge, where wrapped lines end flush.

        A wrapped line is one the next line goes on from at the left edge (no indent): only
        those are full, so a short draft of indented one-line paragraphs does not set the
        edge at its longest paragraph. With no wrapped line, the 纪要标志 is centred on the
        版心 and mirrors its left edge; failing both, the end most lines share.
        """
        wrapped = [pl.x1 for pl, after in zip(self.body, self.body[1:])
                   if after.page == pl.page and abs(after.x0 - self.left) <= 0.5]
        if wrapped:
            return _flush(wrapped)
        if self.mark is not None:
            return self.mark.x0 + self.mark.x1 - self.left
        return _flush([pl.x1 for pl in self.body])

    @property
    def page_width(self) -> float:
        return self.pages[0].width

    @property
    def page_height(self) -> float:
        return self.pages[0].height

    def line_top(self, pl: PLine) -> float:
        """The top of a body line's grid line: its em box centred in one pitch."""
        return pl.y - EM_ASCENT * self.body_size - (self.pitch - self.body_size) / 2

    def line_bottom(self, pl: PLine) -> float:
        return self.line_top(pl) + self.pitch

    def grid_lines(self, page: int) -> list[PLine]:
        """The lines of a page set on the body grid: body text and the 版记."""
        return [pl for pl in self.body + self.colophon if pl.page == page]

    def lines_on(self, page: int) -> int:
        """How many grid lines a page fills, from its first to its last (blank ones too)."""
        lines = self.grid_lines(page)
        if not lines:
            return 0
        first = min(pl.y for pl in lines)
        last = max(pl.y for pl in lines)
        return round((last - first) / self.pitch) + 1

    @cached_property
    def mark(self) -> PLine | None:
        """The 纪要标志: the first large line of page one."""
        for pl in self.pages[0].lines:
            if is_folio(pl):
                continue
            if max(s.height for s in pl.spans) >= 1.3 * self.body_size:
                return pl
        return None

    @property
    def colophon_page(self) -> int | None:
        return self.colophon[-1].page if self.colophon else None

    def is_blank(self, page: int) -> bool:
        return not any(not is_folio(pl) for pl in self.pages[page - 1].lines)

    def colophon_only(self, page: int) -> bool:
        """A page holding the 版记 and nothing else."""
        own = [pl for pl in self.pages[page - 1].lines if not is_folio(pl)]
        ids = {id(pl) for pl in self.colophon}
        return bool(own) and all(id(pl) in ids for pl in own)


def _flush(ends: list[float]) -> float:
    """The end most lines share, within half a point (a hanging mark lies beyond it)."""
    ends = sorted(ends)
    best = max(ends, key=lambda x: (sum(1 for e in ends if abs(e - x) <= 0.5), -x))
    near = [e for e in ends if abs(e - best) <= 0.5]
    return sum(near) / len(near)


def _colophon(lines: list[PLine]) -> list[PLine]:
    """The 版记: from its first 分送/抄送/主送 line through the 印发 line."""
    start = next((i for i, pl in enumerate(lines) if LABEL_START.match(_plain(pl))), None)
    end = next((i for i in range(len(lines) - 1, -1, -1) if PRINTED_LINE.search(_plain(lines[i]))), None)
    if start is None and end is None:
        return []
    start = end if start is None or (end is not None and start > end) else start
    end = start if end is None else end
    return lines[start:end + 1]


def _plain(pl: PLine) -> str:
    return re.sub(r"[\s\u3000]", "", pl.text())


def measure_pdf(data: bytes, name: str, letterhead: frozenset[str] = frozenset()) -> PdfMeasure:
    """Read a PDF and measure its grid; refusal messages as ``docgen parse`` gives them.

    ``letterhead``: the texts of a DOCX's page headers; lines that print them in the 天头
    are the office's letterhead, not the document's, and are left out."""
    _, pages = read_pages(data, name, rules=True)
    if letterhead:
        for page in pages:
            page.lines = [pl for pl in page.lines
                          if not (pl.y < mm(PAGE.top_mm) and _plain(pl) in letterhead)]
    lines = [pl for page in pages for pl in page.lines]
    kept = readable_lines(lines, name)
    body_size, cell, left, pitch = grid(kept)
    colophon = _colophon(kept)
    in_colophon = {id(pl) for pl in colophon}
    body = [pl for pl in kept if abs(pl.size - body_size) < 0.6 and id(pl) not in in_colophon
            and max(s.height for s in pl.spans) < 1.3 * body_size]
    folios = {pl.page: pl for pl in lines if is_folio(pl)}
    return PdfMeasure(name, pages, body_size, cell, left, pitch, body, folios, colophon)

