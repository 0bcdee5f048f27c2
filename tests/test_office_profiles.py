"""Each shipped office profile with its fixture draft: it renders (PDF, DOCX) as that office
prints it, and the render parses back to the same data.

The fixtures are drafts in the form of real minutes of each office (its header, numbering,
opening, labels), written for docgen; the seed 苏州 fixture has its own tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.diff import diff
from docgen.layout.pages import typeset
from docgen.model import load_minutes, load_profile
from docgen.model.profile import PROFILE_DIR
from docgen.parse.api import parse_bytes
from docgen.render.api import render_bytes
from pdfread import read_lines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DRAFTS = sorted(p for p in FIXTURES.glob("*.yaml") if not p.name.startswith("suzhou-"))


def test_every_shipped_profile_has_a_draft():
    """A profile nobody renders is a profile nobody checks (the seed renders suzhou; the
    gallery's plain and taoda render from ``docgen new`` drafts in test_templates.py, generic
    from parsed copies in test_parse_profile.py)."""
    used = {load_minutes(p).minutes.profile for p in DRAFTS}
    shipped = {p.stem for p in PROFILE_DIR.glob("*.yaml")}
    assert shipped - {"suzhou", "plain", "taoda", "generic"} <= used


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_draft_renders_and_parses_back(path, fmt):
    m = load_minutes(path).minutes
    parsed, warnings = parse_bytes(render_bytes(m, fmt), f".{fmt}", path.name)
    assert diff(m, parsed) == []
    assert parsed.model_dump() == m.model_dump()
    # the year of a date written "10月10日", titles of unnumbered topics, and what the
    # draft itself leaves out (a 协调会 has no 会次) are told; nothing else is
    told = {"date", "topics"} | {f for f in ("session", "chair") if getattr(m, f) is None}
    assert [w for w in warnings if w.path not in told] == []


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_first_page_shows_the_office_header(path):
    """The 纪要标志 and 期号 are the profile's, printed above the opening."""
    m = load_minutes(path).minutes
    profile = load_profile(m.profile)
    page = read_lines(render_bytes(m, "pdf"))[0]
    texts = [line.clean for line in page]
    mark = profile.mark.format(issuer=m.issuer or profile.issuer, meeting=m.meeting)
    assert mark in texts
    issue = typeset(m, profile).document.issue_line
    if issue:
        assert texts.index(issue.replace(" ", "")) > texts.index(mark)
    opening = next(i for i, t in enumerate(texts) if t and m.preamble and m.preamble.startswith(t[:8]))
    assert opening > texts.index(mark)


def test_intro_in_opening_runs_on_in_the_opening_paragraph():
    """斗门 prints "纪要如下：" at the end of the opening, 苏州 on a line of its own."""
    m = load_minutes(FIXTURES / "doumen-2024-104.yaml").minutes
    on = [line.clean for page in read_lines(render_bytes(m, "pdf")) for line in page]
    alone = [line.clean for page in read_lines(render_bytes(m.model_copy(update={"profile": "suzhou"}), "pdf"))
             for line in page]
    assert "纪要如下：" not in on and any(t.endswith("纪要如下：") for t in on)
    assert "纪要如下：" in alone
