"""Page views → PDF directly: the typesetter's glyphs drawn where it placed them (issue 12).

WeasyPrint re-lays out, line by line, text whose every glyph docgen has already placed,
then draws it: ~250 ms of a ~280 ms seed PDF, and ~0.5 s of imports in a fresh process.
This writer draws the same page views (:mod:`.view`) with pydyf (the PDF library
WeasyPrint itself writes with) and embeds each face cut to the glyphs used with HarfBuzz's
subsetter (uharfbuzz; fontTools took 1.6 s for the seed's ~780 glyphs, HarfBuzz ~6 ms).

Where WeasyPrint (through Pango) would put a glyph, this writer puts it too:

* a grid line's baseline is where Pango puts the column's strut: 仿宋 at 16 pt centred in
  a line box one pitch tall; spans (line-height 1) sit on that baseline;
* each character advances by its font advance (hmtx, the same numbers the typesetter
  measured) plus the piece's letter-spacing; a half-width box centres its Latin text;
* placed boxes (纪要标志, 期号, office line, page number) align their text in the box, the
  mark scaled about the box's centre.

Glyphs are shown by glyph id with CID = glyph id (the subset keeps the ids; every face
docgen uses is CID-keyed with CID = glyph id, the Noto cuts made so by cuts.py), so
MuPDF and Acrobat, which look CFF glyphs up by CID, draw every one; a ToUnicode CMap
gives text extraction (and ``docgen parse`` of our own PDF) the characters back.
tests/test_glyphpdf.py rasterises both writers' pages and compares them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import pydyf
from isal import isal_zlib

from ..gbt9704 import LINE_PITCH_PT
from ..layout.fonts import Face, face, face_runs
from ..layout.pages import Layout
from ..model.profile import Profile
from .provenance import GENERATOR
from .view import COLUMN, Piece, Placed, Run, build_views

A4_W, A4_H = 595.2755905511812, 841.8897637795277     # 210 × 297 mm in pt
# Deflate levels of ISA-L (isal_zlib: zlib streams, levels 0-3), which deflates the face
# programs (~0.5 MB of CFF for the seed's FandolFang, which deflate poorly) ~5× faster than
# zlib at its fastest level for the same size (12 → 2.6 ms, 398 → 399 kB). pydyf itself
# deflates at zlib's 9; every stream here comes to it already deflated.
FONT_LEVEL, TEXT_LEVEL = 2, 3


class _Info(pydyf.Dictionary):
    """The document information, written as plain text, not in the object stream."""

    compressible = False


@dataclass
class Used:
    """One face's glyphs in this document: glyph id → text, for the subset and ToUnicode."""

    face: Face
    name: str
    glyphs: dict[int, str] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)     # /W: advances in 1/1000 em


class Glyphs:
    """Glyph ids and advances of each face, by HarfBuzz's nominal cmap lookup."""

    def __init__(self) -> None:
        self.used: dict[str, Used] = {}

    def font(self, role: str) -> Used:
        if role not in self.used:
            self.used[role] = Used(face(role), f"F{len(self.used)}")
        return self.used[role]


@lru_cache(maxsize=4096)
def shaped(role: str, text: str) -> tuple[tuple[int, float, str], ...]:
    """(glyph id, advance in em, characters) per cluster, as HarfBuzz shapes ``text`` with
    the default features, the way Pango does for WeasyPrint: Latin pairs such as "11"
    take their kerning (the typesetter counts plain advances; WeasyPrint draws kerned)."""
    import uharfbuzz as hb
    font = _hb_font(role)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf)
    upem = _hb_face(role).upem
    infos, positions = buf.glyph_infos, buf.glyph_positions
    clusters = [i.cluster for i in infos] + [len(text)]
    return tuple((info.codepoint, pos.x_advance / upem, text[clusters[k]:clusters[k + 1]])
                 for k, (info, pos) in enumerate(zip(infos, positions)))


def width_pt(role: str, text: str, size: float, spacing: float = 0.0) -> float:
    """Drawn width: shaped advances plus letter-spacing after every cluster."""
    return sum(adv * size + spacing for _, adv, _ in shaped(role, text))


@lru_cache(maxsize=None)
def _hb_face(role: str):
    import uharfbuzz as hb
    f = face(role)
    return hb.Face(hb.Blob.from_file_path(str(f.path)), f.index)


@lru_cache(maxsize=None)
def _hb_font(role: str):
    import uharfbuzz as hb
    return hb.Font(_hb_face(role))


def baseline(top: float, height: float, role: str, size: float) -> float:
    """Where Pango puts the baseline of one line box: the face's ascent + descent centred."""
    f = face(role)
    return top + (height - (f.ascent + f.descent) * size) / 2 + f.ascent * size


class Page:
    """Content stream operators of one page, in PDF user space (origin bottom-left)."""

    def __init__(self, glyphs: Glyphs) -> None:
        self.ops: list[str] = []
        self.glyphs = glyphs

    def rule(self, x: float, top: float, width: float, height: float, color: str) -> None:
        self.ops.append(f"{_rgb(color)} rg {x:.4f} {A4_H - top - height:.4f} {width:.4f} "
                        f"{height:.4f} re f")

    def text(self, role: str, size: float, x: float, y: float, chars: str, spacing: float,
             color: str | None = None, scale: float = 1.0) -> float:
        """Draw ``chars`` from ``x`` on baseline ``y`` (from the top); returns the end x.

        Letter-spacing is the text state's character spacing (Tc), which PDF adds after
        every glyph as CSS does; a TJ adjustment is written only where the shaped advance
        differs from the font's own (a kerned Latin pair)."""
        used = self.glyphs.font(role)
        widths, upem, noted = used.widths, _hb_face(role).upem, used.glyphs
        parts = []
        pen = 0.0
        for gid, advance, text in shaped(role, chars):
            noted.setdefault(gid, text)
            width = widths.get(gid)
            if width is None:
                width = widths[gid] = round(_hb_font(role).get_glyph_h_advance(gid) * 1000
                                            / upem, 3)
            adjust = width - advance * 1000        # TJ moves left by adjust/1000 em
            parts.append(f"<{gid:04x}>{adjust:.4f}" if abs(adjust) > 1e-6 else f"<{gid:04x}>")
            pen += advance * size + spacing
        matrix = f"{scale:.6f} 0 0 1 {x:.4f} {A4_H - y:.4f} Tm"
        self.ops.append(f"{_rgb(color or '#000')} rg BT /{used.name} {size:.4f} Tf "
                        f"{spacing:.4f} Tc {matrix} [{''.join(parts)}] TJ ET")
        return x + pen * scale


def _rgb(color: str) -> str:
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return " ".join(f"{int(h[i:i + 2], 16) / 255:.6f}" for i in (0, 2, 4))


def draw_runs(page: Page, runs: list[Run], x: float, y: float, size: float,
              spacing: float) -> float:
    for run in runs:
        if run.box is not None:
            natural = width_pt(run.role, run.text, size)
            # centred in its box; text wider than the box starts at its left edge (CSS)
            inset = max(0.0, (run.box - natural) / 2)
            page.text(run.role, size, x + run.before + inset, y, run.text, 0.0)
            x += run.before + run.box + run.after
        else:
            x = page.text(run.role, size, x, y, run.text, spacing)
    return x


def draw_placed(page: Page, b: Placed) -> None:
    """A box's text on the baseline of its own face; a character that face lacks (鄠 in
    the 小标宋 cut) from a fallback face, as in the body."""
    y = baseline(b.top, b.height, b.role, b.size)
    runs = face_runs(b.text, b.role)
    width = sum(width_pt(role, text, b.size, b.spacing) for role, text in runs)
    x = b.x + {"left": 0.0, "center": (b.width - width) / 2, "right": b.width - width}[b.align]
    if b.scale_x != 1:
        centre = b.x + b.width / 2
        x = centre + (x - centre) * b.scale_x
    for role, text in runs:
        x = page.text(role, b.size, x, y, text, b.spacing, b.color, b.scale_x)


def draw_piece_lines(page: Page, p: Piece, top: float) -> None:
    y = baseline(top, LINE_PITCH_PT, COLUMN.role, COLUMN.size)
    draw_runs(page, p.runs, p.x, y, p.size, p.spacing)
    for i, runs in enumerate(p.more, start=1):
        y = baseline(top + i * LINE_PITCH_PT, LINE_PITCH_PT, COLUMN.role, COLUMN.size)
        draw_runs(page, runs, COLUMN.x, y, p.size, p.spacing)


def render_glyph_pdf(layout: Layout, profile: Profile, created: dt.date | None = None) -> bytes:
    glyphs = Glyphs()
    pages = []
    for view in build_views(layout, profile):
        page = Page(glyphs)
        for r in view.rules:
            page.rule(r.x, r.top, r.width, r.thickness, r.color)
        for b in view.placed:
            draw_placed(page, b)
        for line in view.lines:
            top = COLUMN.top + line.slot * COLUMN.pitch
            for p in line.pieces:
                draw_piece_lines(page, p, top)
        pages.append(page)
    return write_pdf(pages, glyphs, layout.document.title, layout.document.author,
                     created or dt.date.today())


def write_pdf(pages: list[Page], glyphs: Glyphs, title: str, author: str,
              created: dt.date) -> bytes:
    import io
    pdf = pydyf.PDF()
    fonts = pydyf.Dictionary({used.name: font_object(pdf, used).reference
                              for used in glyphs.used.values()})
    resources = pydyf.Dictionary({"Font": fonts})
    for page in pages:
        stream = flate("\n".join(page.ops).encode("latin-1"), TEXT_LEVEL)
        pdf.add_object(stream)
        pdf.add_page(pydyf.Dictionary({
            "Type": "/Page", "Parent": pdf.pages.reference,
            "MediaBox": pydyf.Array([0, 0, A4_W, A4_H]),
            "Contents": stream.reference, "Resources": resources}))
    pdf.info = _Info()          # readable at the file's end (render/provenance.py)
    pdf.info["Title"] = pydyf.String(title)
    pdf.info["Author"] = pydyf.String(author)
    pdf.info["Creator"] = pydyf.String(GENERATOR)
    pdf.info["Producer"] = pydyf.String(GENERATOR)
    pdf.info["CreationDate"] = pydyf.String(created.strftime("D:%Y%m%d"))
    out = io.BytesIO()
    pdf.write(out, version=b"1.7", compress=True)
    return out.getvalue()


def flate(data: bytes, level: int, extra: dict | None = None) -> pydyf.Stream:
    """A stream deflated at ``level`` (pydyf's own compression is always zlib's 9)."""
    return deflated(isal_zlib.compress(data, level), extra)


def deflated(data: bytes, extra: dict | None = None) -> pydyf.Stream:
    return pydyf.Stream([data], pydyf.Dictionary({**(extra or {}), "Filter": "/FlateDecode"}))


@lru_cache(maxsize=16)
def font_program(role: str, gids: frozenset[int]) -> tuple[bytes, bool]:
    """The face cut to ``gids``, deflated, and whether it is TrueType. Kept for the next
    render: a preview redrawn after a keystroke, or a draft rendered again, uses the same
    glyphs, and cutting and deflating them is a third of a render (FandolFang: ~15 ms and
    ~20 ms); at most 16 cuts, ~0.5 MB each."""
    data = subset(role, gids)
    return isal_zlib.compress(data, FONT_LEVEL), data[:4] in (b"\x00\x01\x00\x00", b"true")


def subset(role: str, gids: frozenset[int]) -> bytes:
    import uharfbuzz as hb
    inp = hb.SubsetInput()
    for gid in gids:
        inp.glyph_set.add(gid)
    inp.flags = hb.SubsetFlags.RETAIN_GIDS
    for tag in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"):
        inp.sets(hb.SubsetInputSets.DROP_TABLE_TAG).add(_tag(tag))
    return hb.subset(_hb_face(role), inp).blob.data


def _tag(name: str) -> int:
    b = name.ljust(4).encode("ascii")
    return int.from_bytes(b, "big")


def font_object(pdf, used: Used):
    data, truetype = font_program(used.face.role, frozenset(used.glyphs))
    program = deflated(data, {} if truetype else {"Subtype": "/OpenType"})
    pdf.add_object(program)
    f = used.face
    units = 1000
    bold = "-Bold" if f.weight >= 700 else ""       # the name WeasyPrint gives the face
    name = "/" + _subset_tag(used) + "+" + f.family.replace(" ", "-") + bold
    descriptor = pydyf.Dictionary({
        "Type": "/FontDescriptor", "FontName": name, "Flags": 4,
        "FontBBox": pydyf.Array([-1000, -1000, 2000, 2000]), "ItalicAngle": 0,
        "Ascent": round(f.ascent * units), "Descent": -round(f.descent * units),
        "CapHeight": round(f.ascent * units), "StemV": 80,
        ("FontFile2" if truetype else "FontFile3"): program.reference})
    pdf.add_object(descriptor)
    widths = pydyf.Array()
    for gid in sorted(used.widths):
        widths.extend([gid, pydyf.Array([used.widths[gid]])])
    cid = pydyf.Dictionary({
        "Type": "/Font", "Subtype": "/CIDFontType2" if truetype else "/CIDFontType0",
        "BaseFont": name, "FontDescriptor": descriptor.reference, "W": widths,
        "CIDSystemInfo": pydyf.Dictionary({"Registry": pydyf.String("Adobe"),
                                           "Ordering": pydyf.String("Identity"),
                                           "Supplement": 0})})
    if truetype:
        cid["CIDToGIDMap"] = "/Identity"
    pdf.add_object(cid)
    to_unicode = flate(to_unicode_cmap(used.glyphs).encode("ascii"), TEXT_LEVEL)
    pdf.add_object(to_unicode)
    font = pydyf.Dictionary({
        "Type": "/Font", "Subtype": "/Type0", "BaseFont": name, "Encoding": "/Identity-H",
        "DescendantFonts": pydyf.Array([cid.reference]), "ToUnicode": to_unicode.reference})
    pdf.add_object(font)
    return font


def _subset_tag(used: Used) -> str:
    """Six capital letters derived from the glyphs (PDF 32000 §9.6.4), stable per content."""
    import hashlib
    digest = hashlib.md5(repr(sorted(used.glyphs)).encode() + used.face.family.encode()).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


def to_unicode_cmap(glyphs: dict[int, str]) -> str:
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <ffff>", "endcodespacerange"]
    items = sorted(glyphs.items())
    for start in range(0, len(items), 100):
        chunk = items[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{gid:04x}> <{ch.encode('utf-16-be').hex()}>" for gid, ch in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)
