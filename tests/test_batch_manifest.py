"""The batch manifest: a run resumes, an archivist's corrections survive, --report tells.

Real runs of ``docgen batch`` in subprocesses; what is asserted is read off the files on
disk and the manifest (DIR/docgen-batch.jsonl), never off docgen's internals.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_inputs import MANIFEST, SEED_TXT, docgen, drafts, mixed, records



def stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != MANIFEST}


def test_manifest_records_every_input(tmp_path):
    good, bad = mixed(tmp_path / "in", drafts_n=3, txt_n=1, pdf_n=1, docx_n=1)
    result = docgen("batch", "in", "-o", "out", "-j", "2", "--format", "pdf,docx", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    recs = records(tmp_path / "out")
    assert len(recs) == len(good) + len(bad)
    for path in good:
        rec = recs[str(path)]
        assert rec["status"] == "done" and rec["docgen"]
        assert len(rec["input"]["sha256"]) == 64
        assert set(rec["outputs"]) == {f"{path.stem}.pdf", f"{path.stem}.docx"}
        for name, mark in rec["outputs"].items():  # the hashes are those of the files
            assert mark["size"] == (tmp_path / "out" / name).stat().st_size
        assert ("yaml" in rec) == (path.suffix != ".yaml")
    for path in bad:
        rec = recs[str(path)]
        assert rec["status"] == "failed" and path.name in rec["error"], rec
    # the file is compacted at the end: one line per input
    assert len((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8").splitlines()) == len(recs)


def test_a_killed_run_resumes_with_what_is_missing(tmp_path):
    inputs = drafts(tmp_path / "in", 24)
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "batch", "in", "-o", "out", "-j", "1",
                             "--format", "pdf"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    out = tmp_path / "out"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (out / MANIFEST).exists() and len(records(out)) >= 5:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    before = records(out)
    assert 5 <= len(before) < len(inputs)
    kept = {name: stamp for name, stamp in stamps(out).items()
            if str(tmp_path / "in" / name.replace(".pdf", ".yaml")) in before}

    result = docgen("batch", "in", "-o", "out", "-j", "2", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    made = int(re.search(r"生成 (\d+) 个", result.stdout)[1])
    skipped = int(re.search(r"跳过 (\d+) 个", result.stdout)[1])
    # what the manifest had is not redone; an output written after the last record (the
    # kill came between writing it and recording it) is taken as it is
    assert skipped >= len(before) and made + skipped == len(inputs)
    assert made <= len(inputs) - len(before)
    assert all(stamps(out)[name] == stamp for name, stamp in kept.items())
    assert len(records(out)) == len(inputs)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # temp files cleaned


def test_archivist_corrections_survive_a_changed_original(tmp_path):
    (tmp_path / "in").mkdir()
    original = tmp_path / "in" / "m96.txt"
    original.write_text(SEED_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    assert docgen("batch", "in", "-o", "out", "--format", "html", cwd=tmp_path).returncode == 0
    parsed = tmp_path / "out" / "m96.yaml"
    parsed.write_text(parsed.read_text(encoding="utf-8").replace("栗涛", "栗涛涛"), encoding="utf-8")
    original.write_text(original.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = docgen("batch", "in", "-o", "out", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "栗涛涛" in parsed.read_text(encoding="utf-8")           # not parsed over
    assert "栗涛涛" in (tmp_path / "out" / "m96.html").read_text(encoding="utf-8")
    assert "已经人工修改" in result.stderr and "m96.yaml" in result.stderr


def test_other_formats_stay_recorded_and_report_tells(tmp_path):
    inputs = drafts(tmp_path / "in", 2)
    assert docgen("batch", "in", "-o", "out", "--format", "docx", cwd=tmp_path).returncode == 0
    assert docgen("batch", "in", "-o", "out", "--format", "html", cwd=tmp_path).returncode == 0
    rec = records(tmp_path / "out")[str(inputs[0])]
    assert set(rec["outputs"]) == {"d001.docx", "d001.html"}
    result = docgen("batch", "in", "-o", "out", "--format", "docx,html", cwd=tmp_path)
    assert "跳过 2 个" in result.stdout

    report = docgen("batch", "--report", "out", cwd=tmp_path)
    assert report.returncode == 0, report.stdout + report.stderr
    assert "共 2 个输入：完成 2 个，失败 0 个；输出文件 4 个，其中 0 个已不在或已改动" in report.stdout
    (tmp_path / "out" / "d002.docx").unlink()
    report = docgen("batch", "--report", "out", cwd=tmp_path)
    assert report.returncode == 1 and "其中 1 个已不在或已改动" in report.stdout
    assert "d002.docx" in report.stdout
    result = docgen("batch", "in", "-o", "out", "--format", "docx,html", cwd=tmp_path)
    assert "生成 1 个" in result.stdout and (tmp_path / "out" / "d002.docx").exists()


def test_report_and_usage_errors_are_plain(tmp_path):
    (tmp_path / "empty").mkdir()
    for args, text in [(["--report", "empty"], "没有批处理记录"),
                       (["in"], "没有给出输出文件夹"),
                       ([], "没有给出输入"),
                       (["in", "-o", "out", "--scheduler", "udp://x"], "无法识别的调度器地址")]:
        result = docgen("batch", *args, cwd=tmp_path)
        assert result.returncode == 2 and text in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_a_torn_last_line_is_skipped_and_one_batch_at_a_time(tmp_path):
    drafts(tmp_path / "in", 2)
    assert docgen("batch", "in", "-o", "out", "--format", "html", cwd=tmp_path).returncode == 0
    manifest = tmp_path / "out" / MANIFEST
    with open(manifest, "a", encoding="utf-8") as handle:
        handle.write('{"source": "/half a rec')
    result = docgen("batch", "in", "-o", "out", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0 and "跳过 2 个" in result.stdout
    assert "half a rec" not in manifest.read_text(encoding="utf-8")

    import fcntl
    fd = os.open(tmp_path / "out", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)    # as another batch holds it
        result = docgen("batch", "in", "-o", "out", "--format", "html", cwd=tmp_path)
        assert result.returncode == 2 and "另一个 docgen batch" in result.stderr
    finally:
        os.close(fd)
