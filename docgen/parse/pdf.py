"""PDF → lines with positions → the paragraph stage.

pymupdf gives spans (a run of one font) with their baseline and box. Spans on one
baseline form a line (a hanging closing mark is a span of its own at the right edge, on
the same baseline); a wide gap between spans (the 印发 line, the header's office line)
becomes a U+3000. Page furniture — "— 3 —" below the type area — is dropped by position
and pattern. The x position tells paragraphs apart: a first line is indented two cells,
continuation lines start at the left edge, attendance continuation lines align after the
colon; a line below an empty grid line starts a paragraph; the 版记 is set smaller.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field

from ..errors import DocgenError, Problem
from ..gbt9704 import PAGE, mm
from ..model.minutes import DISTRIBUTION_LABELS, Minutes
from .dates import PRINTED_DATE
from .text import IDEOGRAPHIC_SPACE, PAGE_NUMBER, Line, cells, normalize_spaces, paragraphs

MAX_PAGES = 400
# A hostile PDF can share one huge content stream among all its pages: a 113 KB file took
# 109 s and 600 MB. A real 纪要 of 400 pages has under 9,000 lines and reads in seconds.
MAX_SECONDS = 30.0
MAX_LINES = 20_000
LABEL_START = re.compile(rf"^({'|'.join(DISTRIBUTION_LABELS)})\s*[：:]")
PRINTED_LINE = re.compile(rf"{PRINTED_DATE}\s*印\s*发$")


@dataclass
class Span:
    text: str
    x0: float
    x1: float
    y: float           # baseline
    size: float
    font: str
    color: int = 0     # sRGB as 0xRRGGBB
    height: float = 0.0  # em height from the box: a horizontally squeezed title keeps its size


@dataclass
class PLine:
    page: int
    spans: list[Span]
    page_height: float

    @property
    def x0(self) -> float:
        for s in self.spans:
            if s.text.strip(" \u3000"):
                return s.x0
        return self.spans[0].x0

    @property
    def x1(self) -> float:
        return self.spans[-1].x1

    @property
    def y(self) -> float:
        return self.spans[0].y

    @property
    def size(self) -> float:
        counts: Counter[float] = Counter()
        for s in self.spans:
            counts[round(s.size, 1)] += len(s.text)
        return counts.most_common(1)[0][0]

    def text(self) -> str:
        out = ""
        prev: Span | None = None
        for s in self.spans:
            if prev is not None and s.x0 - prev.x1 > 0.8 * s.size and out and not out.endswith(IDEOGRAPHIC_SPACE):
                out += IDEOGRAPHIC_SPACE
            out += s.text
            prev = s
        return out


def open_pdf(data: bytes, name: str):
    try:
        import pymupdf
    except ImportError:  # pragma: no cover - a dependency
        raise DocgenError.one("缺少 pymupdf，无法读取 PDF", file=name, hint="重新运行 make setup") from None
    pymupdf.TOOLS.mupdf_display_errors(False)    # its errors come back in our own message
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise DocgenError.one("这不是 PDF 文件（缺少 %PDF 文件头）", file=name)
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:  # noqa: BLE001 - pymupdf raises its own types, with English texts
        raise DocgenError.one("PDF 文件已损坏，无法打开", file=name,
                              hint="文件可能不完整（下载或复制时被截断）；请换一份原件") from None
    if doc.needs_pass:
        raise DocgenError.one("PDF 有密码保护，无法读取", file=name)
    if doc.page_count == 0:
        raise DocgenError.one("PDF 中没有可读的页面", file=name,
                              hint="文件可能不完整（下载或复制时被截断）或已损坏；请换一份原件")
    if doc.page_count > MAX_PAGES:
        raise DocgenError.one(f"PDF 有 {doc.page_count} 页，不像是一份纪要（上限 {MAX_PAGES} 页）", file=name)
    return doc


def page_lines(page, number: int) -> list[PLine]:
    spans: list[Span] = []
    info = page.get_text("dict", flags=0)
    for block in info.get("blocks", []):
        for line in block.get("lines", []):
            if line.get("dir", (1, 0)) != (1, 0) and abs(line.get("dir", (1, 0))[1]) > 0.1:
                continue      # rotated text (stamps, watermarks)
            for s in line.get("spans", []):
                text = s.get("text", "")
                if not text:
                    continue
                x0, y0, x1, y1 = s["bbox"]
                em = s.get("ascender", 0.0) - s.get("descender", 0.0)
                height = (y1 - y0) / em if em > 0.5 else s["size"]
                spans.append(Span(text, x0, x1, s["origin"][1], s["size"], s.get("font", ""),
                                  int(s.get("color") or 0), height))
    spans.sort(key=lambda s: (s.y, s.x0))
    rows: list[list[Span]] = []
    for s in spans:
        if rows and abs(rows[-1][0].y - s.y) <= max(1.5, 0.25 * s.size):
            rows[-1].append(s)
        else:
            rows.append([s])
    height = page.rect.height
    out = []
    for row in rows:
        row.sort(key=lambda s: s.x0)
        if not "".join(s.text for s in row).strip(" \u3000\t"):
            continue
        out.append(PLine(number, row, height))
    return out


def body_cell(body: list[PLine], size: float) -> float:
    """One character cell: the median advance of runs of Chinese characters."""
    advances = []
    for pl in body:
        for s in pl.spans:
            text = s.text.strip(" \u3000")
            if len(text) >= 4 and all("\u4e00" <= ch <= "\u9fff" or ch in "，。、；：《》“”（）" for ch in text):
                advances.append((s.x1 - s.x0) / len(text))
    advances.sort()
    return advances[len(advances) // 2] if advances else size


def left_edge(body: list[PLine], cell: float, page_height: float) -> float:
    """The type area's left edge: the smallest x that has first lines two cells to its right."""
    xs = sorted({round(pl.x0, 1) for pl in body})

    def has(x: float) -> bool:
        return any(abs(v - x) < 0.3 * cell for v in xs)

    candidates = [x for x in xs if has(x + 2 * cell)]
    if candidates:
        return min(candidates)
    standard = mm(PAGE.left_mm)          # GB/T 9704 订口 28 mm
    if has(standard + 2 * cell):
        return standard
    return min(xs)


@dataclass(frozen=True)
class HRule:
    """A horizontal rule drawn on a page (a thin filled box or a stroked line), in points."""

    x0: float
    x1: float
    y: float
    thickness: float
    color: int                       # 0xRRGGBB


@dataclass
class PdfPage:
    """One page: its size in points, its lines (page numbers included) and, when asked
    for, its horizontal rules."""

    number: int
    width: float
    height: float
    lines: list[PLine]
    rules: list[HRule] = field(default_factory=list)


MAX_DRAWINGS = 2000                  # paths a page may have before its rules are not read


def page_rules(page) -> list[HRule]:
    """Rules at least 20 mm long and at most 3 pt thick: the 版头's red rule, the 版记's."""
    out = []
    paths = page.get_cdrawings()                     # plain tuples: faster than get_drawings
    if len(paths) > MAX_DRAWINGS:
        return out
    for d in _frames_split(paths):
        x0, y0, x1, y1 = d["rect"]
        filled = d.get("fill") is not None
        thickness = (y1 - y0) if filled else (d.get("width") or 0.0)
        if x1 - x0 < 57 or not 0 < thickness <= 3 or (not filled and y1 - y0 > 1):
            continue
        rgb = d.get("fill") if filled else d.get("color")
        color = 0 if not rgb else (round(rgb[0] * 255) << 16) + (round(rgb[1] * 255) << 8) + round(rgb[2] * 255)
        out.append(HRule(x0, x1, (y0 + y1) / 2, thickness, color))
    kept: list[HRule] = []
    for r in sorted(out, key=lambda r: r.y):          # a rule drawn twice is one rule
        if not (kept and abs(kept[-1].y - r.y) < 0.5 and abs(kept[-1].x0 - r.x0) < 0.5):
            kept.append(r)
    return kept


def _frames_split(paths: list[dict]):
    """A border drawn as a box less its inside (two rectangles filled even-odd, as
    WeasyPrint draws CSS borders) becomes its top and bottom edges; other paths pass."""
    for d in paths:
        items = d.get("items") or []
        if d.get("fill") is None or len(items) != 2 or any(i[0] != "re" for i in items):
            yield d
            continue
        outer, inner = sorted((tuple(i[1]) for i in items), key=lambda r: (r[0] - r[2]) * (r[3] - r[1]))
        for y0, y1 in ((outer[1], inner[1]), (inner[3], outer[3])):
            if y1 - y0 > 0.05:
                yield {**d, "rect": (outer[0], y0, outer[2], y1)}


def read_pages(data: bytes, name: str, rules: bool = False) -> tuple[dict, list[PdfPage]]:
    """Every page's lines (and its rules, for audit), within the limits that keep a hostile
    PDF from taking minutes."""
    doc = open_pdf(data, name)
    hints = {"title": (doc.metadata or {}).get("title") or ""}
    pages: list[PdfPage] = []
    count = 0
    started = time.monotonic()
    try:
        for number, page in enumerate(doc, 1):
            lines = page_lines(page, number)
            pages.append(PdfPage(number, page.rect.width, page.rect.height, lines,
                                 page_rules(page) if rules else []))
            count += len(lines)
            if time.monotonic() - started > MAX_SECONDS or count > MAX_LINES:
                raise DocgenError.one(
                    f"PDF 的内容过于庞大或复杂（读到第 {number} 页已超出上限），不像是一份纪要",
                    file=name)
    finally:
        doc.close()
    return hints, pages


def pdf_lines(data: bytes, name: str) -> tuple[list[Line], dict]:
    """The document's lines, with zone and paragraph starts read from position and size."""
    hints, pages = read_pages(data, name)
    kept = readable_lines([pl for page in pages for pl in page.lines], name)
    return _lines(kept, *grid(kept)), hints


def readable_lines(lines: list[PLine], name: str) -> list[PLine]:
    """The lines that are not page numbers; a PDF with none (a scan) is refused, for
    parse and audit alike."""
    kept = [pl for pl in lines if not is_folio(pl)]
    if not kept:
        raise DocgenError.one("PDF 中没有可读取的文字（可能是扫描件或图片）", file=name,
                              hint="扫描件需要先做文字识别（OCR）")
    return kept


def is_folio(pl: PLine) -> bool:
    """A page number at the foot (or head) of the page."""
    text = pl.text().strip(" \u3000")
    at_edge = pl.y > 0.82 * pl.page_height or pl.y < 0.08 * pl.page_height
    return at_edge and bool(PAGE_NUMBER.match(text) or re.fullmatch(r"\d{1,3}", text))


def grid(kept: list[PLine]) -> tuple[float, float, float, float]:
    """(body type size, cell width, left edge, line pitch), measured on the body text."""
    sizes: Counter[float] = Counter()
    for pl in kept:
        for s in pl.spans:
            sizes[round(s.size, 1)] += len(s.text)
    body_size = sizes.most_common(1)[0][0]
    body = [pl for pl in kept if abs(pl.size - body_size) < 0.6]
    cell = body_cell(body, body_size)
    left = left_edge(body, cell, kept[0].page_height)
    pitches = [b.y - a.y for a, b in zip(body, body[1:]) if a.page == b.page and b.y > a.y]
    pitches.sort()
    pitch = pitches[len(pitches) // 4] if pitches else body_size * 1.8
    return body_size, cell, left, pitch


def _lines(kept: list[PLine], body_size: float, cell: float, left: float, pitch: float) -> list[Line]:
    """Each line's zone (header, body, 版记) and whether it starts a paragraph."""
    lines: list[Line] = []
    first_body_seen = False
    prev: PLine | None = None
    for pl in kept:
        text = normalize_spaces(pl.text().strip(" \u3000"))
        if not text:
            continue
        indent = (pl.x0 - left) / cell
        big = pl.size >= body_size * 1.3
        small = pl.size <= body_size - 1.0
        if not first_body_seen and pl.page == 1 and not big and 1.4 <= indent <= 2.6 and cells(text) >= 12:
            first_body_seen = True
        if big or (pl.page == 1 and not first_body_seen):
            zone = "header"
        elif small and (LABEL_START.match(text) or PRINTED_LINE.search(text) or (lines and lines[-1].zone == "colophon")):
            zone = "colophon"
        else:
            zone = "body"
        gap = prev is not None and prev.page == pl.page and pl.y - prev.y > 1.5 * pitch
        line = Line(text, page=pl.page, indent=round(indent, 2), zone=zone, size=pl.size, gap_before=gap)
        line.start = _starts(text, zone, indent, lines)
        lines.append(line)
        prev = pl
    return lines


def _starts(text: str, zone: str, indent: float, before: list[Line]) -> bool:
    """Whether a line begins a paragraph, from its zone and its indent in cells."""
    if zone == "header":
        return True
    if zone == "colophon":
        return bool(LABEL_START.match(text) or PRINTED_LINE.search(text))
    if 1.4 <= indent <= 2.6:
        return True
    if indent < 0.6:
        return False
    if 2.6 < indent <= 5.6 and before and before[-1].zone == "body":
        return False                 # aligned after the colon of 出席：/列席：
    return True                      # right-aligned or centred lines stand alone


def parse_pdf_bytes(data: bytes, name: str, outside: dict | None = None) -> tuple[Minutes, list[Problem]]:
    from .structure import build_minutes
    lines, hints = pdf_lines(data, name)
    return build_minutes(paragraphs(lines, wrapped=True), name, {**hints, **(outside or {})})
