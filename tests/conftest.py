"""Shared fixtures: the seed as printed (from its text), as data, typeset and rendered once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED_TXT = FIXTURES / "suzhou-2020-96.txt"
SEED_YAML = FIXTURES / "suzhou-2020-96.yaml"


def printed_pages(path: Path = SEED_TXT) -> list[list[str]]:
    """The printed seed as pages of lines, whitespace removed.

    Read independently of docgen's parser so layout tests do not lean on it:
    a page starts where a line begins with a space right after a non-empty line.
    """
    pages: list[list[str]] = [[]]
    previous_blank = True
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if not raw.strip():
            previous_blank = True
            continue
        if raw.startswith(" ") and not previous_blank:
            pages.append([])
        pages[-1].append(re.sub(r"\s", "", raw))
        previous_blank = False
    return pages


@pytest.fixture(scope="session")
def seed_printed() -> list[list[str]]:
    return printed_pages()


@pytest.fixture(scope="session")
def seed_minutes():
    from docgen.model import load_minutes
    return load_minutes(SEED_YAML).minutes


@pytest.fixture(scope="session")
def seed_rendered(seed_minutes):
    from docgen.render.api import prepare
    return prepare(seed_minutes)


@pytest.fixture(scope="session")
def seed_layout(seed_rendered):
    return seed_rendered.layout


@pytest.fixture(scope="session")
def seed_pdf(seed_minutes, seed_rendered) -> bytes:
    from docgen.render.api import render_bytes
    return render_bytes(seed_minutes, "pdf", prepared=seed_rendered)
