"""The libyaml-fed composer (model/yamlnodes.py) against PyYAML's own parser.

Drafts are composed from libyaml's events for speed and from PyYAML's pure-Python parser
when libyaml is missing or refuses the text; both must give the same values, the same
line and column of every field and the same refusals, or error messages would depend on
how PyYAML was built.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.model import yamlnodes

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted(ROOT.glob("fixtures/*.yaml")) + sorted(ROOT.glob("tests/corpus/*.yaml")) \
    + sorted(ROOT.glob("docgen/profiles/*.yaml"))
BAD = {
    "alias": "title: &t 纪要\nsubject: *t\n",
    "tab indent": "topics:\n\t- title: 一\n",
    "unclosed quote": 'title: "纪要\nsession: 3\n',
    "tag": "title: !!python/object:os.system 纪要\n",
    "duplicate": "title: 一\n标题: 二\n",
    "bad mapping": "title: a: b\n",
    "control": "title: 纪\x07要\n",
    "deep": "title: " + "[" * 5000 + "\n",
    "folded item": "items:\n - 原则同意。\n  - 县财政局要统筹安排资金。\n",
}


def both(text: str, monkeypatch: pytest.MonkeyPatch):
    results = []
    for fast in (True, False):
        if not fast:
            monkeypatch.setattr(yamlnodes, "_FastLoader", None)
        try:
            data, marks = yamlnodes.parse_yaml(text, "draft.yaml", labels=True)
            results.append((data, dict(marks), marks.spelled))
        except DocgenError as exc:
            results.append([(p.message, p.line, p.column, p.path) for p in exc.problems])
    return results


def test_libyaml_is_used():
    assert yamlnodes._FastLoader is not None     # PyYAML's wheels ship libyaml


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_same_values_and_marks(path: Path, monkeypatch: pytest.MonkeyPatch):
    fast, slow = both(path.read_text(encoding="utf-8"), monkeypatch)
    assert isinstance(fast, tuple), fast
    assert fast == slow


@pytest.mark.parametrize("name", BAD)
def test_same_refusals(name: str, monkeypatch: pytest.MonkeyPatch):
    fast, slow = both(BAD[name], monkeypatch)
    assert isinstance(fast, list) and fast, fast
    assert fast == slow


def test_an_item_one_space_too_far_in_is_refused_on_its_line(monkeypatch: pytest.MonkeyPatch):
    """YAML reads the "- " as the text above going on: two items would print as one."""
    text = ("topics:\n  - title: 审议方案\n    items:\n     - 原则同意该方案。\n"
            "      - 县财政局要统筹安排资金。\n")
    for result in both(text, monkeypatch):
        assert result == [(result[0][0], 5, 7, "topics[0].items[0]")]
        assert "- " in result[0][0] and "续行" in result[0][0]
    # text that goes on over lines, with a dash inside a line, is still text
    data, _ = yamlnodes.parse_yaml("title: 关于 A - B\n  两条线路的方案\n", "draft.yaml")
    assert data["title"] == "关于 A - B 两条线路的方案"
