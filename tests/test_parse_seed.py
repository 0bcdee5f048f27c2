"""The seed read back: its archived text, our PDF, our DOCX and LibreOffice's PDF of our DOCX
all parse to exactly the data of fixtures/suzhou-2020-96.yaml."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from docgen.diff import diff
from docgen.model import load_minutes, load_minutes_text
from docgen.model.dump import dump
from docgen.parse.api import parse_bytes, parse_file
from docgen.render.api import render_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "suzhou-2020-96.txt"
YAML = FIXTURES / "suzhou-2020-96.yaml"
HAS_DOCX = importlib.util.find_spec("docgen.render.docx") is not None
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def expected():
    return load_minutes(YAML).minutes


@pytest.fixture(scope="module")
def from_text():
    return parse_file(SEED)


def assert_same(expected, got):
    differences = diff(expected, got)
    assert differences == [], "\n".join(differences)
    assert got.model_dump() == expected.model_dump()


def test_text_gives_the_fixture_exactly(expected, from_text):
    assert_same(expected, from_text[0])


def test_every_field_exact(expected, from_text):
    """Counted field by field: every leaf of the fixture is read exactly."""
    def leaves(value, path=""):
        if isinstance(value, dict):
            for k, v in value.items():
                yield from leaves(v, f"{path}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from leaves(v, f"{path}[{i}]")
        else:
            yield path, value
    want = dict(leaves(expected.model_dump()))
    got = dict(leaves(from_text[0].model_dump()))
    wrong = [p for p in want if got.get(p) != want[p]]
    assert len(want) == 248 and wrong == []


def test_text_warnings(from_text):
    _, problems = from_text
    text = "\n".join(str(p) for p in problems)
    # the six half-width commas of the original are kept and reported, with their place
    assert "topics[1].items[2]" in text and "“,”6 个" in text and "第95行" in text
    assert "版记" not in text and "句中" not in text


def test_own_pdf(expected):
    data = render_bytes(expected, "pdf")
    got, _ = parse_bytes(data, ".pdf", "<seed.pdf>")
    assert_same(expected, got)


@pytest.mark.skipif(not HAS_DOCX, reason="docgen.render.docx is not there yet")
def test_own_docx(expected):
    data = render_bytes(expected, "docx")
    got, _ = parse_bytes(data, ".docx", "<seed.docx>")
    assert_same(expected, got)


@pytest.fixture(scope="module")
def libreoffice_pdf(expected, tmp_path_factory):
    if not HAS_DOCX:
        pytest.skip("docgen.render.docx is not there yet")
    if not SOFFICE:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("lo")
    (folder / "seed.docx").write_bytes(render_bytes(expected, "docx"))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(folder / "seed.docx")],
                   check=True, capture_output=True, timeout=180)
    return (folder / "seed.pdf").read_bytes()


def test_libreoffice_pdf_of_our_docx(expected, libreoffice_pdf):
    got, _ = parse_bytes(libreoffice_pdf, ".pdf", "<seed-libreoffice.pdf>")
    assert_same(expected, got)


def test_dump_round_trip(expected, from_text):
    text = dump(from_text[0])
    assert load_minutes_text(text).minutes == expected
    assert "{unit: 市委组织部, names: [周春良, 孙勇]}" in text
    assert "date: 2020-04-29" in text
    assert "\\u" not in text and "distribution_label" not in text   # Chinese unescaped, defaults left out
    assert "  - title: 审议《苏州市突发事件总体应急预案》\n    items:\n      - 原则同意" in text
