"""Read a PDF back as measured lines (text, baseline, x, fonts) with pymupdf."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pymupdf


@dataclass
class PdfLine:
    page: int                  # 1-based
    baseline: float            # pt from the page top
    x0: float                  # origin of the first glyph
    x1: float                  # right edge of the last glyph
    text: str
    fonts: set[str] = field(default_factory=set)
    size: float = 0.0
    height: float = 0.0        # em height measured from the bbox and the font's ascender/descender

    @property
    def clean(self) -> str:
        return re.sub(r"\s", "", self.text)


def read_lines(data: bytes) -> list[list[PdfLine]]:
    """Pages of lines: spans sharing a baseline (±0.5 pt) form one line, left to right."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    pages = []
    for number, page in enumerate(doc, 1):
        spans = []
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                spans.extend(line["spans"])
        spans = [s for s in spans if s["text"].strip()]
        spans.sort(key=lambda s: (round(s["origin"][1] * 2), s["origin"][0]))
        lines: list[PdfLine] = []
        for s in spans:
            y = s["origin"][1]
            height = (s["bbox"][3] - s["bbox"][1]) / max(s["ascender"] - s["descender"], 1e-6)
            if lines and abs(lines[-1].baseline - y) < 0.5:
                current = lines[-1]
                current.text += s["text"]
                current.x1 = max(current.x1, s["bbox"][2])
                current.fonts.add(s["font"])
            else:
                lines.append(PdfLine(number, y, s["origin"][0], s["bbox"][2], s["text"],
                                     {s["font"]}, s["size"], height))
        pages.append(lines)
    return pages


def drawings(data: bytes, page: int) -> list[pymupdf.Rect]:
    doc = pymupdf.open(stream=data, filetype="pdf")
    return [d["rect"] for d in doc[page - 1].get_drawings()]


def embedded_font_names(data: bytes) -> dict[str, str]:
    """Base font name → the family name inside the embedded file (fontTools reads it)."""
    import io

    from fontTools.ttLib import TTFont
    doc = pymupdf.open(stream=data, filetype="pdf")
    found = {}
    for page in doc:
        for xref, ext, _type, basefont, *_ in page.get_fonts(full=True):
            if basefont in found:
                continue
            name, ext, _, content = doc.extract_font(xref)
            if not content:
                found[basefont] = ""
                continue
            try:
                font = TTFont(io.BytesIO(content)) if ext in ("ttf", "otf") else None
            except Exception:
                font = None
            family = font["name"].getDebugName(1) if font else ""
            if not family and ext == "cff":
                from fontTools.cffLib import CFFFontSet
                cff = CFFFontSet()
                cff.decompile(io.BytesIO(content), None)
                family = cff.fontNames[0]
            found[basefont] = family or ext
    return found
