"""What makes repeated renders cheaper changes nothing that is drawn: shared style classes,
the garbage-collector threshold, the disk cache of font metrics and of the DOCX blank.
(Speed itself is measured by `make bench`, never here.)"""

from __future__ import annotations

import gc
import io
import re
import threading
import zipfile

import pytest

from docgen.render.pdf import _fewer_collections


def test_text_pieces_share_classes_instead_of_style_attributes(seed_minutes, seed_rendered):
    from docgen.render.api import render_bytes
    html = render_bytes(seed_minutes, "html", prepared=seed_rendered).decode()
    column = html[html.index('<div class="col'):]
    pieces = re.findall(r'<span class="k-[^"]*"[^>]*>', column)
    assert len(pieces) > 50
    assert not [p for p in pieces if "style=" in p]
    used = {c for p in pieces for c in re.findall(r"\bs\d+\b", p)}
    defined = set(re.findall(r"\.(s\d+) \{", html))
    assert used and used <= defined
    assert len(defined) < len(pieces) / 5


def test_paragraph_lines_share_one_span_and_keep_their_breaks(seed_minutes, seed_rendered):
    from docgen.render.api import render_bytes
    html = render_bytes(seed_minutes, "html", prepared=seed_rendered).decode()
    columns = re.findall(r'<div class="col[^"]*">(.*?)</div>', html, re.S)
    assert len(columns) == len(seed_rendered.layout.pages)
    for column, page in zip(columns, seed_rendered.layout.pages):
        text = re.sub(r"<[^>]+>", "", column)
        drawn = [line for line in text.split("\n") if line.strip()]
        slots = {placed.slot for placed in page.lines + page.colophon}
        assert len(drawn) == len(slots)                 # one text line per used grid line
    spans = re.findall(r'<span class="k-', html)
    multi = re.findall(r'<span class="k-[^>]*>[^<]*\n', html)
    lines = sum(len(p.lines) for p in seed_rendered.layout.pages)
    assert multi and len(spans) < lines * 3 / 4      # one span per line before


def test_gc_threshold_restored_also_when_renders_overlap():
    before = gc.get_threshold()
    entered, release = threading.Event(), threading.Event()

    def other():
        with _fewer_collections():
            entered.set()
            release.wait(5)

    t = threading.Thread(target=other)
    t.start()
    entered.wait(5)
    with _fewer_collections():
        assert gc.get_threshold()[0] == max(before[0], 10_000)
    assert gc.get_threshold()[0] == max(before[0], 10_000)   # the other render still runs
    release.set()
    t.join()
    assert gc.get_threshold() == before


def test_metrics_cache_reads_back_what_fonttools_reads(tmp_path, monkeypatch):
    from docgen import diskcache
    from docgen.layout import fonts
    source = fonts.face("latin").path
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path))
    direct = fonts._font_metrics(source, 0)
    assert fonts._read_metrics(source, 0) is None
    stale = tmp_path / "metrics" / f"{source.name}.0.1.2.{fonts._PY}"   # the font before it changed
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    fonts._write_metrics(source, 0, direct)
    assert fonts._read_metrics(source, 0) == direct
    assert not stale.exists()
    target = diskcache.entry("metrics", fonts._metrics_name(source, 0))
    assert target.parent == tmp_path / "metrics"
    target.write_bytes(target.read_bytes()[:-3])            # a torn file is ignored
    assert fonts._read_metrics(source, 0) is None


def test_kept_font_cuts_give_the_pdf_a_fresh_process_would(seed_minutes):
    """The direct writer keeps each face's cut by glyph set: rendering another document
    in between, or the same one again, gives the bytes a cold cache gives."""
    from docgen.model import load_minutes
    from docgen.render import glyphpdf
    from docgen.render.api import render_bytes
    from conftest import FIXTURES
    other = load_minutes(FIXTURES / "doumen-2024-104.yaml").minutes
    cold = {}
    for name, m in (("seed", seed_minutes), ("other", other)):
        glyphpdf.font_program.cache_clear()
        cold[name] = render_bytes(m, "pdf")
    assert render_bytes(seed_minutes, "pdf") == cold["seed"]     # after the other's cuts
    assert render_bytes(other, "pdf") == cold["other"]
    assert render_bytes(seed_minutes, "pdf") == cold["seed"]
    assert glyphpdf.font_program.cache_info().hits >= 5          # the cuts were kept


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_the_docx_blank_is_cut_once_and_kept_between_processes(tmp_path, monkeypatch):
    from docgen import diskcache
    from docgen.render.docx import blank
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path))
    cut = blank._cut
    blank._blank.cache_clear()
    try:
        fresh = blank._blank()
        kept = diskcache.entry("docx", blank._entry_name())
        assert kept.parent == tmp_path / "docx" and diskcache.read("docx", kept.name) == fresh
        assert _parts(fresh) == _parts(cut())          # the kept cut is the cut, part for part

        blank._blank.cache_clear()                  # a new process finds it kept
        monkeypatch.setattr(blank, "_cut", lambda: pytest.fail("cut again though kept"))
        assert blank._blank() == fresh

        monkeypatch.setattr(blank, "_cut", cut)
        whole = kept.read_bytes()
        damaged = whole[:100] + bytes(200) + whole[300:]      # same length, bytes overwritten
        for bad in (whole[:-7], damaged):             # cut short, or damaged: made again
            kept.write_bytes(bad)
            blank._blank.cache_clear()
            assert _parts(blank._blank()) == _parts(fresh)
            assert kept.read_bytes() == whole
    finally:
        blank._blank.cache_clear()


def test_a_cache_that_cannot_be_written_only_means_the_work_is_redone(tmp_path, monkeypatch):
    from docgen.render.docx import blank
    occupied = tmp_path / "a-file"
    occupied.write_text("not a folder")
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(occupied))
    blank._blank.cache_clear()
    try:
        assert _parts(blank._blank()) == _parts(blank._cut())
        assert occupied.read_text() == "not a folder"
    finally:
        blank._blank.cache_clear()
