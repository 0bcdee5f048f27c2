"""The body's paragraphs, whatever the format: text, where, first-line indent, the face of
the numbering marker. The numbering, heading-face, indent and punctuation checks read these.

From a PDF, a paragraph starts at a line indented two cells, or at the left edge after a
line that ended short (a paragraph someone forgot to indent). From a DOCX, a paragraph is
a ``w:p`` set in the body's face and size, with its indent resolved from its style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docxdoc import ParaProps
from .faces import face_kind
from ..parse.pdf import LABEL_START
from .pdfdoc import PdfMeasure

ATTENDANCE = ("出席", "请假", "列席", "缺席", "记录", "主持")


@dataclass
class BodyPara:
    text: str
    where: str
    indent: float | None          # first line, in grid cells from the 版心's left edge
    marker_face: str | None       # the kind of face of its first characters
    source: str


def pdf_paragraphs(m: PdfMeasure) -> list[BodyPara]:
    out: list[BodyPara] = []
    prev = None
    for number, pl in enumerate(m.body, 1):
        indent = (pl.x0 - m.left) / m.cell
        text = pl.text().strip(" \u3000")
        short = prev is not None and (m.right - prev.x1) > 1.5 * m.cell
        page_start = prev is None or prev.page != pl.page
        hanging = bool(out) and out[-1].text.startswith(ATTENDANCE) and 2.6 < indent < 6.5
        starts = (not hanging and indent > 0.6) or (indent <= 0.6 and short and not page_start)
        if starts or not out:
            line_no = sum(1 for other in m.body[:number] if other.page == pl.page)
            face = face_kind(pl.spans[0].font) if pl.spans else None
            out.append(BodyPara(text, f"第{pl.page}页第{line_no}行（正文）", round(indent, 2), face, "pdf"))
        else:
            out[-1].text += text
        prev = pl
    return out


def docx_paragraphs(body: list[ParaProps], cell_twips: float) -> list[BodyPara]:
    """The body's paragraphs up to the 版记 (its 分送/抄送 line), which has rules of its own."""
    out = []
    for p in body:
        if LABEL_START.match(re.sub(r"[\s\u3000]", "", p.text)):
            break
        first = next((r for r in p.runs if r.text.strip()), None)
        indent: float | None = ((p.left or 0) + (p.first_line or 0)) / cell_twips
        if p.first_line_chars is not None:
            indent = (p.left or 0) / cell_twips + p.first_line_chars / 100
        if p.align in ("right", "end", "center", "distribute"):
            indent = None             # set right or centred: no first line to indent
        out.append(BodyPara(p.text.strip(" \u3000"), f"第{p.index}段（word/document.xml）",
                            round(indent, 2) if indent is not None else None,
                            face_kind(first.font or "") if first else None, "docx"))
    return out
