"""Chinese line breaking on the GB/T 9704 grid (W3C clreq rules, tuned to the printed seed).

Widths are in grid cells: a full-width character is one cell, a half-width one
its advance in em. Rules, with the choices that reproduce the printed minutes:

- line-start prohibition: closing marks never begin a line; opening marks never end one;
- closing marks (，。、；：？！ and closing brackets/quotes) may hang beyond the 28th cell:
  one mark, or a pair such as 》。 (the seed hangs both);
- a run of Latin letters and digits is one unbreakable word, set off from Chinese by a
  small gap (``LATIN_GAP``);
- no punctuation compression by default: the printed seed keeps every full-width mark a
  full cell ("》）。" stays three cells); but a line pushed off the grid by half-width
  characters, overflowing by at most half a cell, is squeezed to fit when it holds a
  full-width mark whose blank half can give way (the seed's "…演练，提" line, 28.5
  cells after a half-width comma; its 分送 line, all full-width, is not squeezed);
- in name lists a person's name is never split; rather than push it to the next line, the
  full-width separators before it shrink by up to half a cell each (the printed 列席
  list holds 24 cells where a name ends a line, never where a unit does).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block
from .fonts import Face, drawing_role, face

OPENING = set("（《「『“‘〔【〈([{")
CLOSING = set("，。、；：？！）》」』”’〕】〉,.;:?!)]}…·")
MARKS = frozenset(OPENING | CLOSING)
INSEPARABLE = frozenset("—…")   # "——" and "……" are one mark of two cells (clreq §3.1.6)
RANGE_DASHES = frozenset("—～~－-")
HANGABLE = set("，。、；：？！）》」』”’,.;:?!")
LATIN_GAP = 0.25   # cells between Chinese and a Latin/digit run (Word's autospace, ¼ em)
SQUEEZE = 0.5      # how far a line holding full-width punctuation may be squeezed to fit
SPACE_SQUEEZE = 0.5  # how much each name separator may give up to keep a name on its line
HALF_WIDTH = 0.5   # a half-width character takes half a cell, as GB 2312 fonts set it
SPACES = {" ", "\u3000"}
# Chinese–Latin spacing goes between letters or figures and Han characters only: never next
# to a space or a punctuation mark, the dash and the ellipsis included ("GB/T 9704—2012").
NO_GAP = frozenset(SPACES | MARKS | INSEPARABLE | set("℃℉°′″‰"))   # and units: "18℃"
SQUEEZABLE = set("，、；：")


@dataclass
class Glyph:
    ch: str
    role: str          # font role the glyph is drawn with ("latin", a FALLBACKS role or the span's)
    width: float       # cells, after compression
    gap: float = 0.0   # cells of space before the glyph (Latin/Chinese spacing)
    joined: bool = False   # no line break between this glyph and the next


@dataclass
class Line:
    glyphs: list[Glyph]
    indent: float                  # cells from the left edge of the 版心
    available: float               # cells the line may fill (without the hanging mark)
    hang: list[Glyph] = field(default_factory=list)   # marks hanging beyond the right edge
    last: bool = False             # last line of its paragraph (not justified)
    block: Block | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs + self.hang)

    @property
    def natural(self) -> float:
        return sum(g.width + g.gap for g in self.glyphs)


def is_latin(ch: str) -> bool:
    return ord(ch) < 0x2E80 and ch not in SPACES and ch not in "—…“”‘’·"


def shape(block: Block) -> list[Glyph]:
    """Glyphs with widths in cells and the font that draws each one."""
    glyphs: list[Glyph] = []
    latin = face("latin")
    for span in block.spans:
        main = face(span.font)
        for ch in span.text:
            glyphs.append(_glyph(ch, span.font, main, latin))
            glyphs[-1].joined = span.keep
        if span.keep and glyphs:
            glyphs[-1].joined = False
    _words_at_their_width(glyphs, latin)
    _space_latin(glyphs)
    return glyphs


def _latin_words(glyphs: list[Glyph]) -> list[tuple[int, int]]:
    """(start, end) of each run of Latin glyphs without a space: a word, a number, a URL."""
    words, start = [], None
    for i, g in enumerate(glyphs):
        if g.role == "latin" and g.ch not in SPACES:
            if start is None:
                start = i
        elif start is not None:
            words.append((start, i))
            start = None
    if start is not None:
        words.append((start, len(glyphs)))
    return words


def _words_at_their_width(glyphs: list[Glyph], latin: Face) -> None:
    """In a word with letters ("GB/T", a URL) the marks take the Latin face's own advance:
    the half cell of a GB 2312 face is for figures such as "1+27", and a URL's many "/" and
    "." at half a cell each would open gaps the Latin face does not draw."""
    for start, end in _latin_words(glyphs):
        word = glyphs[start:end]
        if any(g.ch.isalpha() for g in word):
            for g in word:
                if latin.has(g.ch):
                    g.width = latin.advance(g.ch)


def _glyph(ch: str, role: str, main: Face, latin: Face) -> Glyph:
    if ch == "\u3000":
        return Glyph(ch, role, 1.0)
    if ch == " ":
        return Glyph(ch, "latin", latin.advance(ch) or 0.25)
    if is_latin(ch) and (own := latin.advance(ch)) is not None:
        # digits and ASCII marks: half a cell, as GB 2312 faces set them (the seed's "1+27"
        # needs it); letters, and marks far wider than half an em (% @ & ‰), keep the Latin
        # face's own advance, so that nothing is drawn over its neighbour
        own = own or HALF_WIDTH
        width = own if ch.isalpha() or own > WIDE else HALF_WIDTH
        return Glyph(ch, "latin", width)
    if (em := main.advance(ch)) is not None:
        return Glyph(ch, role, em)
    # from a fallback face, each loaded only when a character reaches it: most documents
    # never need the large Noto face, whose metrics were a tenth of a cold render's start
    drawn = drawing_role(ch, role)
    return Glyph(ch, drawn, face(drawn).advance(ch) or 1.0)


def _space_latin(glyphs: list[Glyph]) -> None:
    for prev, cur in zip(glyphs, glyphs[1:]):
        if (prev.role == "latin") != (cur.role == "latin") and not (
                prev.ch in NO_GAP or cur.ch in NO_GAP):
            cur.gap = LATIN_GAP


def _word_ends(glyphs: list[Glyph]) -> list[bool]:
    """True where a line may break after glyph i: not inside a Latin word, a kept name or
    a two-cell dash or ellipsis, and not where everything after would be punctuation (a
    line of marks alone)."""
    marks_only = [False] * (len(glyphs) + 1)
    for i in range(len(glyphs) - 1, -1, -1):
        marks_only[i] = glyphs[i].ch in MARKS and (marks_only[i + 1] or i == len(glyphs) - 1)
    long_word = _in_long_word(glyphs)
    ok = []
    for i, g in enumerate(glyphs):
        nxt = glyphs[i + 1] if i + 1 < len(glyphs) else None
        # a URL or path may break after "/", "." and the like (not before a digit: "1/2"),
        # a short word such as "GB/T" never
        url_break = (g.ch in URL_BREAKS and long_word[i] and nxt is not None
                     and not nxt.ch.isdigit())
        in_word = g.ch not in SPACES and _inside_word(glyphs, i) and not url_break
        in_mark = nxt is not None and g.ch in INSEPARABLE and nxt.ch == g.ch
        # a 连接号 between figures ("2023—2035") holds them together
        in_range = nxt is not None and ((g.ch.isdigit() and nxt.ch in RANGE_DASHES)
                                        or (g.ch in RANGE_DASHES and nxt.ch.isdigit()))
        # "周春良、孙勇": a unit's names go together, but a line may end after their "、"
        # whether it fits the line or hangs beyond it
        held = g.joined and g.ch not in CLOSING
        ok.append(not (in_word or in_mark or in_range or held or marks_only[i + 1]))
    return ok


WIDE = 0.6          # em: an ASCII mark wider than this is not set in half a cell
LONG_WORD = 8.0     # cells: a Latin word this wide (a URL, a path) may break after …
URL_BREAKS = frozenset("/.-_?&=#")   # … one of these, as URLs are broken in print


def _in_long_word(glyphs: list[Glyph]) -> list[bool]:
    flags = [False] * len(glyphs)
    for start, end in _latin_words(glyphs):
        if sum(g.width for g in glyphs[start:end]) >= LONG_WORD:
            flags[start:end] = [True] * (end - start)
    return flags


def break_lines(block: Block, width: float) -> list[Line]:
    """Greedy first-fit breaking with prohibition rules and one hanging mark.

    ``width`` and the block's indents are in characters of the block's own size.
    """
    glyphs = shape(block)
    breakable = _word_ends(glyphs)
    lines: list[Line] = []
    start, first = 0, True
    while start < len(glyphs):
        while start < len(glyphs) and glyphs[start].ch in SPACES and not first:
            start += 1   # a separator that falls at a line start is not drawn
        if start >= len(glyphs):
            break
        indent = block.first if first else block.left
        available = width - indent - block.right
        end, hang = _fit(glyphs, start, available, breakable)
        line_glyphs = glyphs[start:end]
        while line_glyphs and line_glyphs[-1].ch in SPACES:
            line_glyphs = line_glyphs[:-1]   # trailing separators hang invisibly
        if line_glyphs:
            line_glyphs[0] = Glyph(line_glyphs[0].ch, line_glyphs[0].role, line_glyphs[0].width)
        lines.append(Line(line_glyphs, indent, available, hang=glyphs[end:end + hang], block=block))
        start = end + hang
        first = False
    if lines:
        lines[-1].last = True
    return lines


MAX_HANG = 2


def _fit(glyphs: list[Glyph], start: int, available: float, breakable: list[bool]) -> tuple[int, int]:
    """Index after the last glyph of the line, and how many glyphs after it hang."""
    used = 0.0
    squeezable = has_mark = has_half = False
    i = start
    while i < len(glyphs):
        g = glyphs[i]
        step = g.width + (g.gap if i > start else 0)
        if used + step > available + (SQUEEZE if squeezable else 0) + 1e-6:
            break
        used += step
        has_mark = has_mark or g.ch in SQUEEZABLE
        has_half = has_half or g.width < 1
        squeezable = has_mark and has_half
        i += 1
    if i < len(glyphs) and _inside_name(glyphs, i):
        i = _squeeze_name(glyphs, start, i, used, available)
    if i >= len(glyphs):
        return len(glyphs), 0
    hang = 0
    while hang < MAX_HANG and i + hang < len(glyphs) and glyphs[i + hang].ch in HANGABLE:
        hang += 1
    if (hang and i > start and not _inside_word(glyphs, i + hang - 1)   # never "2.|5%"
            and (i + hang == len(glyphs) or glyphs[i + hang].ch not in CLOSING)):
        return i, hang
    return _back_off(glyphs, start, i, breakable), 0


def _inside_word(glyphs: list[Glyph], i: int) -> bool:
    """Glyph i is followed by more of the same Latin word or number."""
    nxt = glyphs[i + 1] if i + 1 < len(glyphs) else None
    return (nxt is not None and glyphs[i].role == "latin" and nxt.role == "latin"
            and nxt.ch not in SPACES)


def _inside_name(glyphs: list[Glyph], i: int) -> bool:
    return glyphs[i].joined or (i > 0 and glyphs[i - 1].joined)


def _squeeze_name(glyphs: list[Glyph], start: int, i: int, used: float, available: float) -> int:
    """A name that would be pushed to the next line may stay if the list's separators
    (U+3000) give up half a cell each: the printed 列席 list does this ("…市委组织部周春良、")."""
    end = i
    while glyphs[end].joined and end + 1 < len(glyphs):
        end += 1
    width = sum(g.width + g.gap for g in glyphs[i:end + 1])
    separators = sum(1 for g in glyphs[start:i] if g.ch == "\u3000")
    if separators and used + width <= available + SPACE_SQUEEZE * separators + 1e-6:
        return end + 1
    return i


def _back_off(glyphs: list[Glyph], start: int, end: int, breakable: list[bool]) -> int:
    """Move the break left until it breaks no prohibition rule and no Latin word."""
    cut = end
    while cut > start + 1:
        before, after = glyphs[cut - 1], glyphs[cut]
        if breakable[cut - 1] and after.ch not in CLOSING and before.ch not in OPENING:
            return cut
        cut -= 1
    return end   # a single unbreakable run longer than the line: break where it overflows
