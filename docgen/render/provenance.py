"""Which existing output files docgen wrote, and so may replace.

An archivist keeps the original ``m96.pdf`` beside the YAML read from it; a clerk edits the
DOCX in Word. Rendering into that folder must not replace either, so an existing file is
replaced only when it carries docgen's mark and was not saved since by another program:

* PDF: the document information's Creator (from the HTML's ``generator`` meta);
* DOCX: ``Application`` in docProps/app.xml, which Word and WPS rewrite when they save;
* HTML: the ``generator`` meta of docgen's template.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

GENERATOR = "docgen"
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           f'extended-properties"><Application>{GENERATOR}</Application></Properties>')
# docgen's direct PDF writer keeps its Info dictionary out of the object stream, last before
# the cross-reference stream: its Creator can be read from the file's end without a parser.
_PDF_MARK = b"/Creator (" + GENERATOR.encode() + b")"
_PDF_TAIL = 4096
_HTML_MARK = re.compile(rb'<meta name="generator" content="' + GENERATOR.encode() + rb'"')


def made_by_docgen(path: Path) -> bool:
    """True for a file docgen wrote and nobody has saved since; False when unsure."""
    try:
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            return _pdf_made_by_docgen(path)
        if suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                app = z.read("docProps/app.xml") if "docProps/app.xml" in z.namelist() else b""
            return f"<Application>{GENERATOR}</Application>".encode() in app[:4096]
        if suffix in (".html", ".htm"):
            with open(path, "rb") as handle:
                return bool(_HTML_MARK.search(handle.read(4096)))
    except Exception:  # noqa: BLE001 - unreadable or not what its name says: not ours
        return False
    return False


def _pdf_made_by_docgen(path: Path) -> bool:
    """The Creator seen at the end of the file, else read by PyMuPDF (~0.2 s to import, so
    only for a PDF of WeasyPrint's or of someone else)."""
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - _PDF_TAIL))
        if _PDF_MARK in handle.read():
            return True
    import pymupdf
    with pymupdf.open(path) as doc:
        return (doc.metadata or {}).get("creator") == GENERATOR
