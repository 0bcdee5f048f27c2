"""Archived text → lines → paragraphs: undo what extraction and printing did.

Two kinds of text arrive here:

- text extracted from a printed PDF (the seed): one printed line per text line, blank lines
  between them, spaces around digits, a space at the start of each page's first line, a
  trailing space where a paragraph ends, two spaces for a full-width space;
- text copied off a web page: one paragraph per line, perhaps indented with full-width
  spaces, with navigation text and HTML remnants around it.

Both become ``Line`` objects (the PDF and DOCX readers make them too) and then ``Para``
objects, which ``structure`` turns into minutes. Whitespace is normalised here: a space
between two Latin letters or digits is the clerk's ("ISO 9001", "Index 2021") and stays one
ASCII space; a space between a Latin letter or digit and anything else is dropped (the
typesetter, not the text, spaces them); other runs of whitespace become one U+3000, which
the structure stage keeps only where it means something (between names, in the 印发 line).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..layout.blocks import ATTENDANCE_LABELS, IDEOGRAPHIC_SPACE
from ..model.minutes import DISTRIBUTION_LABELS
from ..model.numbering import PRINTED_MARKERS
from .furniture import blank_furniture
from .script import to_simplified

WS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
# Han characters of every CJK block, for regex classes: names use rare ones (𠮷 U+20BB7,
# Extension B, drawn from a fallback font), which the basic block \u4e00-\u9fff lacks.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
LABEL = re.compile(rf"^({'|'.join([*ATTENDANCE_LABELS.values(), '记录', *DISTRIBUTION_LABELS])})\s*[：:]")
PAGE_NUMBER = re.compile(r"^[\s\u3000]*(?:[—－\-–─━]+\s*\d{1,3}\s*[—－\-–─━]+|第\s*\d{1,3}\s*页"
                         r"(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})[\s\u3000]*$")
_PY = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüv]{1,7}"
PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]\s?{_PY}(?: {_PY}){{0,3}}\s?[)）]")
# A forum's anti-copy jammer ("& K0 x& ^! M9 P2 X* F' \\6 u"): runs of one- and two-character
# ASCII scraps between spaces, letters, digits and symbols mixed, at a line's start or end.
_JAMMER_RUN = re.compile(r"(?:(?<=^)|(?<=[ \t]))(?:[!-~]{1,2} ){3,}[!-~]{1,2}(?=[ \t]|$)", re.M)
_JAMMER_SYMBOLS = set("&^!*%$#@()\\/;:'`~|+=<>?-.")
HTML_HINT = re.compile(r"<(?:br|p|div|span|td|tr|/p|/div)\b[^>]*>|&(?:nbsp|ldquo|rdquo|mdash|lt|gt|amp|#\d+);",
                       re.I)


@dataclass
class Line:
    """One printed (or copied) line, its noise removed."""

    text: str
    lineno: int | None = None       # 1-based line in the source text
    page: int | None = None
    start: bool | None = None       # True: begins a paragraph (indent seen); None: unknown
    trail: bool = False             # ended with whitespace: a paragraph end / a separator
    gap_before: bool = False        # an empty printed line above it
    indent: float | None = None     # cells from the left edge of the type area
    zone: str = "body"              # "header", "body" or "colophon" where the source tells
    size: float | None = None       # type size in pt, where known
    right: float | None = None      # cells from the right edge, where known

    @property
    def cells(self) -> float:
        return cells(self.text)


@dataclass
class Para:
    """A paragraph: its lines joined. ``text`` keeps U+3000; ``plain`` drops all spaces."""

    lines: list[Line] = field(default_factory=list)
    style: str | None = None         # DOCX paragraph style name

    @property
    def text(self) -> str:
        """The lines joined; a break between two Latin words or numbers was a space.

        The typesetter never breaks inside a run of Latin letters and digits, so where a line
        ends with one and the next begins with one, the break took the place of a space.
        """
        out = ""
        for line in self.lines:
            if out and _ascii_word(out[-1]) and _ascii_word(line.text[:1]):
                out += " "
            out += line.text
        return out

    @property
    def plain(self) -> str:
        return strip_spaces(self.text)

    @property
    def lineno(self) -> int | None:
        return self.lines[0].lineno if self.lines else None

    @property
    def page(self) -> int | None:
        return self.lines[0].page if self.lines else None

    @property
    def zone(self) -> str:
        return self.lines[0].zone if self.lines else "body"

    def where(self) -> str:
        if self.page:
            return f"第{self.page}页"
        return ""


def is_half(ch: str) -> bool:
    return ord(ch) < 0x2E80 and ch not in "—…“”‘’·"


def cells(text: str) -> float:
    """Width in grid cells: full-width characters 1, half-width ones 0.5."""
    return sum(0.5 if is_half(ch) else 1.0 for ch in text)


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def normalize_spaces(text: str) -> str:
    """Drop spaces next to Latin letters and digits; other whitespace runs → one U+3000.

    Two Latin words or numbers keep one ASCII space between them: "ISO 9001" and
    "Index 2021" are the clerk's text, while "2020 年" is the extractor's spacing.
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in WS or ch.isspace():
            j = i
            while j < n and (text[j] in WS or text[j].isspace()):
                j += 1
            before = out[-1] if out else ""
            after = text[j] if j < n else ""
            if not before or not after:
                pass
            elif _ascii_word(before) and _ascii_word(after):
                out.append(" ")
            elif _ascii_word(before) or _ascii_word(after) or before in "+-%.~/" or after in "+-%.~/":
                pass
            else:
                out.append(IDEOGRAPHIC_SPACE)
            i = j
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def strip_spaces(text: str) -> str:
    """All spacing gone except between two Latin words or numbers."""
    text = normalize_spaces(text)
    return text.replace(IDEOGRAPHIC_SPACE, "")


def starts_structure(text: str) -> bool:
    """A label or a numbering marker begins a paragraph even where the line above is full."""
    return bool(LABEL.match(text) or any(p.match(text) for p in PRINTED_MARKERS))


def strip_jammer(text: str) -> tuple[str, int]:
    """The text with forum jammer runs removed (see ``_JAMMER_RUN``), and how many were."""
    count = 0

    def cut(m: re.Match) -> str:
        nonlocal count
        run = m.group(0)
        tokens = run.split(" ")
        symbols = sum(ch in _JAMMER_SYMBOLS for ch in run)
        lettered = sum(any(ch.isalpha() for ch in t) for t in tokens)
        if symbols >= 2 and lettered >= 2:
            count += 1
            return ""
        return run

    return _JAMMER_RUN.sub(cut, text), count


def looks_html(text: str) -> bool:
    return len(HTML_HINT.findall(text[:200_000])) >= 2


def clean_html(text: str) -> str:
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", text)
    text = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>|</tr\s*>|</h\d\s*>|</li\s*>", "\n", text)
    text = re.sub(r"<[^>]{0,2000}>", "", text)
    return html.unescape(text).replace("\u00a0", " ")


@dataclass
class TextSource:
    lines: list[Line]
    wrapped: bool                   # hard-wrapped printed lines (True) or one paragraph a line
    notes: list[str] = field(default_factory=list)


def text_lines(text: str) -> TextSource:
    """Split archived text into lines, recording page starts, gaps and trailing spaces."""
    text, notes, html_input = _cleaned(text)
    raw = text.split("\n")
    alternating, wrapped = _shape(raw, html_input)
    return TextSource(_lines(raw, alternating), wrapped, notes)


def _cleaned(text: str) -> tuple[str, list[str], bool]:
    """(text, notes, was HTML): markup and pinyin glosses removed, each with a note saying so."""
    notes: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    html_input = looks_html(text)
    if html_input:
        text = clean_html(text)
        notes.append("输入含有 HTML 标记，已去掉标记")
    text, jammed = strip_jammer(text)
    if jammed:
        notes.append(f"去掉了 {jammed} 处论坛防采集乱码（如“& K0 x& ^!”）")
    text, changed = to_simplified(text)
    if changed:
        notes.append(f"原文是繁体字，已用 OpenCC 转为简体（{changed} 个字），请对照原件核对")
    if PINYIN_GLOSS.search(text):
        count = len(PINYIN_GLOSS.findall(text))
        text = PINYIN_GLOSS.sub("", text)
        notes.append(f"去掉了 {count} 处插入的拼音注音，如“區(qū)”")
    lines, furniture = blank_furniture(text.split("\n"))
    if furniture:
        text = "\n".join(lines)
        notes.append(f"去掉了 {furniture} 行网页框架文字（索引号表格、按钮、页脚等）")
    return text, notes, html_input


def _shape(raw: list[str], html_input: bool) -> tuple[bool, bool]:
    """(blank lines alternate with text, lines are hard-wrapped print lines): PDF extract or web copy."""
    nonblank = [r for r in raw if r.strip(WS)]
    blank_runs = _blank_runs(raw)
    alternating = bool(nonblank) and blank_runs.count(1) >= 0.6 * max(1, len(nonblank) - 1)
    widths = [cells(normalize_spaces(r.strip(WS))) for r in nonblank]
    long_lines = sum(1 for w in widths if w > 31)
    wrapped = not html_input and bool(widths) and long_lines <= 0.1 * len(widths) and \
        (alternating or sum(1 for w in widths if w >= 24) >= 0.4 * len(widths))
    return alternating, wrapped


def _lines(raw: list[str], alternating: bool) -> list[Line]:
    """Lines with their page, gap above and trailing space; page numbers are dropped."""
    lines: list[Line] = []
    page = 1
    prev_raw = ""
    gap = False
    run = 0
    for number, r in enumerate(raw, 1):
        if not r.strip(WS):
            run += 1
            if r and not r.strip(WS) and r.strip("\n") != "":
                gap = True            # a line of spaces: an empty printed line
            prev_raw = r
            continue
        if run >= (3 if alternating else 2):
            gap = True
        run = 0
        page_start = r[:1] in (" ", "\t") and prev_raw != "" and prev_raw.strip(WS) != "" and lines
        if page_start:
            page += 1
        prev_raw = r
        stripped = r.strip(WS)
        if PAGE_NUMBER.match(stripped):
            continue
        indent_cells = _leading_indent(r)
        line = Line(normalize_spaces(stripped), lineno=number, page=page,
                    trail=r.rstrip("\n")[-1:] in WS or r.rstrip("\n")[-1:].isspace(),
                    gap_before=gap)
        if indent_cells >= 1.5 and not page_start:
            line.start = True
            line.indent = indent_cells
        lines.append(line)
        gap = False
    return lines


def _leading_indent(raw: str) -> float:
    width = 0.0
    for ch in raw:
        if ch == IDEOGRAPHIC_SPACE:
            width += 1
        elif ch in " \u00a0":
            width += 0.5
        elif ch == "\t":
            width += 2
        else:
            break
    return width


def _blank_runs(raw: list[str]) -> list[int]:
    runs, run, seen = [], 0, False
    for r in raw:
        if r.strip(WS):
            if seen:
                runs.append(run)
            run, seen = 0, True
        else:
            run += 1
    return runs


def paragraphs(lines: list[Line], wrapped: bool = True, full: float = 24.0) -> list[Para]:
    """Join hard-wrapped lines into paragraphs.

    A line ends its paragraph when it ends with a space (the extractor's paragraph mark),
    when it is short, when the next line is indented, follows an empty line, or starts a
    numbered item, a label (出席：…) or another zone. Without wrapping every line is one.
    """
    paras: list[Para] = []
    prev: Line | None = None
    for line in lines:
        new = (prev is None or not wrapped or line.start is True or line.gap_before
               or prev.trail or prev.zone != line.zone or starts_structure(line.text)
               or (line.start is None and prev.cells < full and not prev.text.endswith("、"))
               or prev.cells > 31.5)
        if line.start is False and prev is not None and prev.zone == line.zone:
            new = False
        if new:
            paras.append(Para([line]))
        else:
            paras[-1].lines.append(line)
        prev = line
    return paras


def text_paragraphs(text: str) -> tuple[list[Para], list[str]]:
    source = text_lines(text)
    return paragraphs(source.lines, source.wrapped), source.notes
