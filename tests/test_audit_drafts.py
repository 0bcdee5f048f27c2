"""The render backends, with audit as their oracle: every fixture and every corpus draft.

Each corpus copy (tests/corpus, the forms of many offices) is parsed and rendered; each
fixture is rendered from its YAML. The PDF is audited as it is, the DOCX on its settings
and on LibreOffice's layout of it (all DOCX in one LibreOffice run). Every one conforms:
audit's measurements hold for short one-page drafts and twelve-page minutes alike, and
the backends keep to the grid for every office's conventions, not only the seed's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.audit import audit_pdf_bytes
from docgen.audit.api import audit_docx_bytes
from docgen.model import load_minutes
from docgen.parse.api import parse_file
from docgen.render.api import prepare, render_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.yaml"))
COPIES = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
NAMES = [f"fixture:{p.stem}" for p in FIXTURES] + [f"corpus:{p.stem}" for p in COPIES]


def _minutes(name: str):
    kind, stem = name.split(":")
    if kind == "fixture":
        return load_minutes(ROOT / "fixtures" / f"{stem}.yaml").minutes
    return parse_file(ROOT / "tests" / "corpus" / f"{stem}.txt")[0]


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, bytes]]:
    out = {}
    for name in NAMES:
        m = _minutes(name)
        prepared = prepare(m)
        out[name] = {fmt: render_bytes(m, fmt, prepared=prepared) for fmt in ("pdf", "docx")}
    return out


@pytest.fixture(scope="module")
def libreoffice_layouts(rendered) -> dict[str, bytes]:
    from docgen.audit.libreoffice import docx_to_pdfs, soffice
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: run make setup")
    pdfs, why = docx_to_pdfs([rendered[name]["docx"] for name in NAMES])
    assert len(pdfs) == len(NAMES), why
    return {name: pdfs[i] for i, name in enumerate(NAMES)}


def test_every_office_is_covered():
    assert len(FIXTURES) >= 6 and len(COPIES) >= 40


@pytest.mark.parametrize("name", NAMES)
def test_pdf_conforms(rendered, name):
    report = audit_pdf_bytes(rendered[name]["pdf"], f"{name}.pdf")
    assert report.conforms, [f.as_dict() for f in report.breaches]


@pytest.mark.parametrize("name", NAMES)
def test_docx_conforms(rendered, libreoffice_layouts, name):
    report = audit_docx_bytes(rendered[name]["docx"], f"{name}.docx",
                              layout_pdf=libreoffice_layouts[name])
    assert report.conforms, [f.as_dict() for f in report.breaches]
    assert "libreoffice_pdf" in report.measured
