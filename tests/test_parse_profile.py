"""Which profile a parsed copy names: the office's own where one exists (shipped or in
``DOCGEN_TEMPLATES``), the one the archivist names (``parse --profile``), else the neutral
``generic``, so that no office's minutes come out under another office's 红头."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
import yaml

from docgen.errors import DocgenError
from docgen.model import load_profile
from docgen.parse.api import parse_bytes, parse_text
from docgen.render.api import render_bytes

# An office docgen ships no profile for, with its issuer in the header (invented text).
NANTONG = ("南通市人民政府常务会议纪要\n第12次\n"
           "2023年5月8日上午，市长某某主持召开市政府第12次常务会议。会议议定以下意见：\n"
           "一、审议《南通市某某工作方案》\n会议原则同意该方案，请市发展改革委牵头抓好落实。\n")
# A copy that names no issuer anywhere.
NO_ISSUER = ("2023年5月8日上午，某某主持召开第3次协调会议。会议议定以下意见：\n"
             "一、关于某某项目用地问题\n会议同意由相关部门抓紧办理。\n")


def _profile_text(profile) -> str:
    return yaml.safe_dump(profile.model_dump(exclude_none=True), allow_unicode=True)


def _spans(pdf: bytes) -> list[dict]:
    page = pymupdf.open(stream=pdf, filetype="pdf")[0]
    return [span for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", []) for span in line["spans"]]


def test_an_office_without_a_profile_prints_its_own_header():
    m, problems = parse_text(NANTONG, "nantong.txt")
    assert (m.profile, m.issuer) == ("generic", "南通市人民政府")
    assert not [p for p in problems if p.path in ("issuer", "compiled_by")]
    pdf = render_bytes(m, "pdf")
    spans = _spans(pdf)
    mark = [s for s in spans if s["size"] > 20]
    assert [s["text"] for s in mark] == ["南通市人民政府常务会议纪要"]
    assert mark[0]["color"] != 0                           # the red 纪要标志
    assert any(s["text"].startswith("南通市人民政府办公室") for s in spans)
    text = "".join(page.get_text() for page in pymupdf.open(stream=pdf, filetype="pdf"))
    assert "苏州" not in text
    again, _ = parse_bytes(pdf, ".pdf", "nantong.pdf")
    assert again.model_dump() == m.model_dump()


def test_a_copy_with_no_issuer_prints_a_placeholder_and_says_so():
    m, problems = parse_text(NO_ISSUER, "x.txt")
    assert (m.profile, m.issuer) == ("generic", None)
    warned = [str(p) for p in problems if p.path == "issuer"]
    assert warned and "××人民政府" in warned[0]
    spans = _spans(render_bytes(m, "pdf"))
    assert [s["text"] for s in spans if s["size"] > 20] == ["××人民政府协调会议纪要"]
    assert any(s["text"].startswith("××人民政府办公室") for s in spans)


def test_the_office_of_a_shipped_profile_still_chooses_it():
    m, _ = parse_text(NANTONG.replace("南通市", "苏州市"), "suzhou.txt")
    assert (m.profile, m.issuer) == ("suzhou", "苏州市人民政府")


def test_an_office_profile_in_the_template_folders_is_chosen_by_its_issuer(tmp_path, monkeypatch):
    own = load_profile("generic").model_copy(update={
        "name": "nantong", "issuer": "南通市人民政府", "office": "南通市政府办公室"})
    (tmp_path / "nantong.yaml").write_text(_profile_text(own), encoding="utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path))
    m, _ = parse_text(NANTONG, "nantong.txt")
    assert m.profile == "nantong"
    assert any(s["text"].startswith("南通市政府办公室") for s in _spans(render_bytes(m, "pdf")))


def _parse(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "docgen", "parse", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=120, env=os.environ.copy())


def test_the_archivist_names_the_profile(tmp_path):
    (tmp_path / "copy.txt").write_text(NANTONG, encoding="utf-8")
    done = _parse("copy.txt", "--profile", "doumen", "-o", "copy.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "profile: doumen" in (tmp_path / "copy.yaml").read_text(encoding="utf-8")


def test_a_profile_that_does_not_exist_is_refused_before_any_work(tmp_path):
    (tmp_path / "copy.txt").write_text(NANTONG, encoding="utf-8")
    done = _parse("copy.txt", "--profile", "nosuch", "-o", "copy.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert "找不到版式“nosuch”" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "copy.yaml").exists()


def test_a_profile_office_with_an_unknown_placeholder_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(_profile_text(load_profile("generic")).replace("{issuer}办公室", "{isuser}办公室"),
                   encoding="utf-8")
    with pytest.raises(DocgenError) as info:
        load_profile(str(bad))
    assert "不认识的占位符 {isuser}" in str(info.value.problems[0])
