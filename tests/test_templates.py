"""An office's own templates on the HTML/PDF side, the gallery, and the sandbox's bounds.

A template folder overrides the 版头 (header.html.j2), the 版记 (colophon.html.j2) and
adds to the stylesheet (office.css); its placeholders are the model's names
(docs/placeholders.md); a template from anywhere cannot run for ever or write without end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest

from docgen.errors import DocgenError
from docgen.model import load_minutes
from docgen.model.profile import PROFILE_DIR
from docgen.render.api import render_bytes
from docgen.render.placeholders import markdown
from docgen.render.sandbox import fill

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "suzhou-2020-96.yaml"


@pytest.fixture(scope="module")
def seed():
    return load_minutes(SEED).minutes


def _text(pdf: bytes) -> list[str]:
    return [page.get_text() for page in pymupdf.open(stream=pdf, filetype="pdf")]


def _office_folder(root: Path, header: str = "", colophon: str = "", css: str = "") -> Path:
    """An office's template folder: a profile beside its html/ folder."""
    folder = root / "内部"
    (folder / "html").mkdir(parents=True)
    profile = (PROFILE_DIR / "suzhou.yaml").read_text(encoding="utf-8")
    profile = profile.replace("name: suzhou", "name: 内部").replace(
        "title: 苏州市人民政府常务会议纪要（红头）", "title: 本办内部纪要")
    (folder / "profile.yaml").write_text(profile + "html_template: html\n", encoding="utf-8")
    for name, text in (("header.html.j2", header), ("colophon.html.j2", colophon),
                       ("office.css", css)):
        if text:
            (folder / "html" / name).write_text(text, encoding="utf-8")
    return folder


LETTERHEAD = """{% import "macros.html.j2" as draw %}{% for x in page.header %}{{ draw.item(x) }}{% endfor %}
<div class="box f-fangsong" style="left:79pt;top:60pt;width:442pt;height:20pt">\
{{ issuer }}办公室 第{{ session }}次 {{ chair.name }}主持</div>"""
COLOPHON = """{% import "macros.html.j2" as draw %}{% for r in page.colophon %}{{ draw.rule(r) }}{% endfor %}
<div class="box f-fangsong" style="left:79pt;top:780pt;width:442pt;height:16pt">\
（{{ printed.date }}印发，{{ attendance.present|length }}人出席）</div>"""


def test_an_office_folder_redraws_header_and_colophon_with_placeholders(tmp_path, seed):
    folder = _office_folder(tmp_path, header=LETTERHEAD, colophon=COLOPHON,
                            css=".k-mark { color: #000 !important; }")
    from docgen.model import load_profile
    profile = load_profile(str(folder / "profile.yaml"))
    pages = _text(render_bytes(seed, "pdf", profile=profile))
    own = pages[0]
    assert "苏州市人民政府办公室 第96次 李亚平主持" in own
    assert "苏州市人民政府常务会议纪要" in own           # docgen's header still drawn
    assert "（2020年6月1日印发，" in pages[-1] and "人出席）" in pages[-1]
    # the body keeps its lines: same text, page by page, as docgen's own template
    plain = _text(render_bytes(seed, "pdf", writer="weasyprint"))
    assert len(plain) == len(pages)
    assert [p.replace("苏州市人民政府办公室 第96次 李亚平主持\n", "") for p in pages[1:-1]] \
        == plain[1:-1]


def test_office_css_is_read_after_docgens(tmp_path, seed):
    folder = _office_folder(tmp_path, css=".k-mark { color: #0000ff !important; }")
    from docgen.model import load_profile
    profile = load_profile(str(folder / "profile.yaml"))
    page = pymupdf.open(stream=render_bytes(seed, "pdf", profile=profile), filetype="pdf")[0]
    colours = {span["text"]: span["color"] for block in page.get_text("dict")["blocks"]
               for line in block.get("lines", []) for span in line["spans"]}
    assert colours["苏州市人民政府常务会议纪要"] == 0x0000FF


def test_a_missing_html_folder_names_the_profile_field(tmp_path, seed):
    folder = _office_folder(tmp_path)
    (folder / "html").rmdir()
    from docgen.model import load_profile
    profile = load_profile(str(folder / "profile.yaml"))
    with pytest.raises(DocgenError) as info:
        render_bytes(seed, "html", profile=profile)
    problem = info.value.problems[0]
    assert problem.path == "html_template" and problem.file.endswith("profile.yaml")


@pytest.mark.parametrize("template", [
    "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "{% set s = 'x' * 900000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "{% for a in range(100000) %}{{ 'x' * 900000 }}{% endfor %}",
])
def test_a_template_cannot_run_for_ever_nor_write_without_end(template):
    started = time.monotonic()
    with pytest.raises(Exception, match="模板") as info:
        fill(template, {})
    assert type(info.value).__name__ == "SecurityError"
    assert time.monotonic() - started < 30


def test_a_header_that_loops_for_ever_is_stopped_with_a_clear_error(tmp_path, seed):
    folder = _office_folder(tmp_path, header=(
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"))
    from docgen.model import load_profile
    profile = load_profile(str(folder / "profile.yaml"))
    with pytest.raises(DocgenError, match="不安全.*死循环") as info:
        render_bytes(seed, "html", profile=profile)
    assert str(folder / "html") in str(info.value)


def test_fill_is_sandboxed_and_strict():
    from jinja2.exceptions import SecurityError, UndefinedError
    with pytest.raises(SecurityError):
        fill("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})
    with pytest.raises(UndefinedError):
        fill("{{ sesion }}", {"session": 96})
    assert fill("第{{ session }}次", {"session": 96}) == "第96次"


def test_placeholder_docs_are_generated_from_the_model():
    assert (ROOT / "docs" / "placeholders.md").read_text(encoding="utf-8") == markdown()


def test_every_documented_placeholder_is_given(seed):
    from docgen.render.api import prepare
    from docgen.render.placeholders import describe, placeholders
    r = prepare(seed)
    values = placeholders(seed, r.layout.document, r.profile)
    for name, _ in describe():
        assert fill("{{ " + name + " }}", values) is not None


def _docgen(*args: str, cwd: Path, env: dict[str, str] | None = None):
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=300, env={**os.environ, **(env or {})})


def test_gallery_lists_shipped_and_office_templates_and_starts_drafts(tmp_path):
    offices = tmp_path / "offices"
    _office_folder(offices, header=LETTERHEAD)
    env = {"DOCGEN_TEMPLATES": str(offices)}
    listed = _docgen("templates", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert {"suzhou", "plain", "taoda", "内部"} <= set(rows)
    assert "黑色标题" in rows["plain"] and "套打" in rows["taoda"]
    assert "HTML 模板 html" in rows["内部"] and str(offices) in rows["内部"]

    made = _docgen("new", "--template", "内部", "-o", "草稿.yaml", "--date", "2026-12-01",
                   cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    assert "profile: \"内部\"" in (tmp_path / "草稿.yaml").read_text(encoding="utf-8")
    done = _docgen("render", "草稿.yaml", "-o", "out", "--format", "pdf", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    first = pymupdf.open(tmp_path / "out" / "草稿.pdf")[0].get_text()
    assert "苏州市人民政府办公室 第1次 张三主持" in first


@pytest.mark.parametrize("name,mark", [("plain", "××市人民政府常务会议纪要"), ("taoda", None)])
def test_shipped_plain_and_taoda_templates_render(tmp_path, name, mark):
    made = _docgen("new", "--template", name, "-o", "d.yaml", "--date", "2026-12-01", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    done = _docgen("render", "d.yaml", "-o", "d.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = pymupdf.open(tmp_path / "d.pdf")[0]
    spans = [span for block in page.get_text("dict")["blocks"]
             for line in block.get("lines", []) for span in line["spans"]]
    marks = [s for s in spans if "纪要" in s["text"] and s["size"] > 20]
    if mark is None:
        assert marks == [] and any(s["text"] == "第1次" for s in spans)
    else:
        assert [s["text"] for s in marks] == [mark] and marks[0]["color"] == 0
    assert not page.get_drawings()          # no red rule in either


@pytest.mark.parametrize("name", ["../../etc/passwd", "a/b", "..\\x", ".."])
def test_a_template_name_cannot_leave_the_template_folders(name):
    from docgen.model import load_profile
    with pytest.raises(DocgenError, match="不能含路径") as info:
        load_profile(name)
    assert info.value.problems[0].path == "profile"
