"""The profile's ``masthead``: a red 版头, a black title (内部), or a blank one (套打).

Both PDF writers and the DOCX honour it, every body line stays on its grid line, and
audit, told the profile, takes the missing red (or the missing mark) as declared.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pymupdf
import pytest

from docgen.audit import audit_pdf_bytes
from docgen.model import load_minutes, load_profile
from docgen.render.api import prepare, render_bytes

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "suzhou-2020-96.yaml"
MARK = "苏州市人民政府常务会议纪要"


@pytest.fixture(scope="module")
def seed():
    return load_minutes(SEED).minutes


def _profile(masthead: str):
    return load_profile("suzhou").model_copy(update={"masthead": masthead})


def _lines(pdf: bytes) -> list[tuple[float, str, int]]:
    """(top, text, colour) of each text line of page 1."""
    page = pymupdf.open(stream=pdf, filetype="pdf")[0]
    return [(round(line["bbox"][1], 2), "".join(s["text"] for s in line["spans"]),
             line["spans"][0]["color"])
            for block in page.get_text("dict")["blocks"] for line in block.get("lines", [])]


@pytest.mark.parametrize("writer", ["direct", "weasyprint"])
@pytest.mark.parametrize("masthead", ["black", "blank"])
def test_body_keeps_its_grid_lines(seed, writer, masthead):
    red = _lines(render_bytes(seed, "pdf", prepared=prepare(seed, _profile("red")), writer=writer))
    pdf = render_bytes(seed, "pdf", prepared=prepare(seed, _profile(masthead)), writer=writer)
    other = _lines(pdf)
    assert [l for l in red if l[1] != MARK] == [l for l in other if l[1] != MARK]
    marks = [l for l in other if l[1] == MARK]
    if masthead == "blank":
        assert marks == []
    else:
        assert marks and marks[0][2] == 0          # black
    assert not [d for d in pymupdf.open(stream=pdf, filetype="pdf")[0].get_drawings()
                if d.get("fill") and d["fill"][0] > 0.8 and d["fill"][1] < 0.3]   # no red rule
    report = audit_pdf_bytes(pdf, "x.pdf", _profile(masthead))
    assert report.conforms, [f.as_dict() for f in report.breaches]


@pytest.mark.parametrize("masthead", ["black", "blank"])
def test_docx_has_no_red(seed, masthead):
    docx = render_bytes(seed, "docx", prepared=prepare(seed, _profile(masthead)))
    parts = zipfile.ZipFile(io.BytesIO(docx))
    xml = parts.read("word/document.xml") + parts.read("word/styles.xml")
    assert b"E60012" not in xml
    assert (MARK.encode() in parts.read("word/document.xml")) == (masthead == "black")


def test_unknown_masthead_is_refused():
    from pydantic import ValidationError
    with pytest.raises(ValidationError):
        load_profile("suzhou").model_validate({**load_profile("suzhou").model_dump(),
                                               "masthead": "green"})
