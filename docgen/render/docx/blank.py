"""The blank document every docgen DOCX starts from (unless an office gives its own).

python-docx's default template defines ~180 styles (styles.xml, 350 kB) and carries a
second, Word 2010 copy of them (stylesWithEffects.xml, 440 kB). A docgen document uses
the four default styles and its own ~15; parsing the rest on every open and deflating it
again on every save was half the time of a DOCX (~13 ms each of ~45 ms). The blank is
cut once per process and each document opens the cut. Word and WPS still list every
built-in style (标题 1 …: the template's ``latentStyles`` stay) and define one when a
clerk applies it.
"""

from __future__ import annotations

import io
from functools import lru_cache

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# docgen writes its numbers as text: the template's list numbering (which names list
# styles the cut removes) goes too
DROPPED_PARTS = (STYLES_WITH_EFFECTS, RT.NUMBERING, RT.THUMBNAIL)


def blank_document() -> DocxDocument:
    return docx.Document(io.BytesIO(_blank()))


@lru_cache(maxsize=1)
def _blank() -> bytes:
    document = docx.Document()
    for owner in (document.part, document.part.package):
        for rId, rel in list(owner.rels.items()):
            if rel.reltype in DROPPED_PARTS:
                owner.rels.pop(rId)
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:default")) != "1":
            styles.remove(style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
