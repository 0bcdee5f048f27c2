"""The blank document every docgen DOCX starts from (unless an office gives its own).

python-docx's default template defines ~180 styles (styles.xml, 350 kB) and carries a
second, Word 2010 copy of them (stylesWithEffects.xml, 440 kB). A docgen document uses
the four default styles and its own ~15; parsing the rest on every open and deflating it
again on every save was half the time of a DOCX (~13 ms each of ~45 ms). The blank is
cut once, kept in the disk cache, and each document opens the cut. Word and WPS still
list every built-in style (标题 1 …: the template's ``latentStyles`` stay) and define one
when a clerk applies it.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ... import diskcache

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# docgen writes its numbers as text: the template's list numbering (which names list
# styles the cut removes) goes too
DROPPED_PARTS = (STYLES_WITH_EFFECTS, RT.NUMBERING, RT.THUMBNAIL)


def blank_document() -> DocxDocument:
    return docx.Document(io.BytesIO(_blank()))


@lru_cache(maxsize=1)
def _blank() -> bytes:
    """The cut, from the disk cache when an earlier process made it: cutting costs
    ~15 ms, a third of a DOCX, and every CLI run and batch worker would pay it."""
    name = _entry_name()
    kept = diskcache.read("docx", name) if name else None
    if kept is not None:
        return kept
    cut = _cut()
    if name:
        diskcache.write("docx", name, cut, replaces="blank-*.docx")
    return cut


def _entry_name() -> str | None:
    """Named for python-docx's version and this module's code, so a new template or a
    changed cut is made again; None (no caching) where the code cannot be read."""
    try:
        code = Path(__file__).read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(docx.__version__.encode() + code)
    return f"blank-{digest.hexdigest()[:16]}.docx"


def _cut() -> bytes:
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
