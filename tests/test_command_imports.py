"""Each command imports what it uses, and no more (issue 12: a cold start is mostly imports).

Every command runs in a fresh process, as a clerk runs it, and reports which of the heavy
libraries it loaded: PyMuPDF takes ~0.2 s to import, WeasyPrint ~0.4 s, python-docx
~0.1 s, and a command that never reads a PDF or writes a DOCX must not pay for them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_TXT, SEED_YAML

HEAVY = ("pymupdf", "weasyprint", "docx", "dask", "opencc", "uharfbuzz", "jinja2",
         "starlette", "uvicorn")
PROBE = f"""
import sys
from docgen.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    assert not exc.code, exc.code
finally:
    print("LOADED", *sorted(m for m in {HEAVY!r} if m in sys.modules))
"""


def loaded(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("LOADED")][-1]
    return set(line.split()[1:])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cold")
    loaded("render", str(SEED_YAML), "-o", str(out), "--format", "pdf,docx")
    return out


def test_check_loads_no_reader_or_writer():
    assert loaded("check", str(SEED_YAML)) == set()


def test_render_pdf_over_its_own_pdf(outputs: Path):
    """Replacing docgen's own PDF reads its Creator from the file's end, without PyMuPDF."""
    assert loaded("render", str(SEED_YAML), "-o", str(outputs), "--format", "pdf") \
        == {"uharfbuzz"}


def test_render_docx(outputs: Path):
    assert loaded("render", str(SEED_YAML), "-o", str(outputs), "--format", "docx") == {"docx"}


def test_parse_docx_needs_no_pdf_reader(outputs: Path, tmp_path: Path):
    assert loaded("parse", str(outputs / "suzhou-2020-96.docx"),
                  "-o", str(tmp_path / "a.yaml")) == {"docx"}


def test_parse_pdf_loads_the_pdf_reader_only(outputs: Path, tmp_path: Path):
    assert loaded("parse", str(outputs / "suzhou-2020-96.pdf"),
                  "-o", str(tmp_path / "a.yaml")) == {"pymupdf"}


def test_parse_text(tmp_path: Path):
    assert loaded("parse", str(SEED_TXT), "-o", str(tmp_path / "a.yaml")) <= {"opencc"}
