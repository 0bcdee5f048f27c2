"""``docgen batch --scheduler``: a real Dask cluster (a scheduler and two workers, each its
own process on 127.0.0.1), faults included.

The cluster's outputs are compared byte for byte with the local batch's; a worker is
killed with SIGKILL mid-run; a document that kills every worker that takes it is recorded
as failed; a run stopped with Ctrl-C resumes from its manifest.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from batch_inputs import MANIFEST, docgen, drafts, mixed, records

distributed = pytest.importorskip("distributed", reason="the cluster extra: pip install -e '.[cluster]'")
fitz = pytest.importorskip("fitz")

BIN = Path(sys.executable).parent
PLUGIN = '''
import os
from distributed.diagnostics.plugin import WorkerPlugin


class CrashOn(WorkerPlugin):
    """Kill the worker process as soon as it starts a task whose key holds ``word``."""
    name = "crash-on"

    def __init__(self, word):
        self.word = word

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and self.word in str(key):
            os._exit(1)
'''


class Cluster:
    """``dask scheduler`` and two ``dask worker`` processes (with nannies, so that a killed
    worker comes back as a real deployment's would)."""

    def __init__(self, folder: Path, workers: int = 2) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "crashplugin.py").write_text(PLUGIN, encoding="utf-8")
        env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1",
               "PYTHONPATH": str(folder)}
        file = folder / "scheduler.json"
        common = dict(cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                                        "--port", "0", "--no-dashboard", "--scheduler-file", str(file)],
                                       **common)]
        deadline = time.monotonic() + 60
        while not file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.address = json.loads(file.read_text())["address"]
        for _ in range(workers):
            self.procs.append(subprocess.Popen(
                [str(BIN / "dask"), "worker", self.address, "--nthreads", "1", "--no-dashboard",
                 "--host", "127.0.0.1"], **common))
        sys.path.insert(0, str(folder))
        self.client = distributed.Client(self.address, timeout="30s")
        self.client.wait_for_workers(workers, timeout=60)

    def worker_pids(self) -> list[int]:
        return sorted(self.client.run(os.getpid).values())

    def close(self) -> None:
        self.client.close(timeout=10)
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("cluster"))
    yield c
    c.close()


def _default_sigint() -> None:
    # a shell's background job (as `make test &` in CI) starts with SIGINT ignored, and a
    # child inherits that: the batch must get Ctrl-C as a terminal would deliver it
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_batch(folder: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "docgen", "batch", *args], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", preexec_fn=_default_sigint)


def wait_for_records(out: Path, count: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 180
    while len(records(out)) < count and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def whole(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return fitz.open(stream=data, filetype="pdf").page_count > 0
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.testzip() is None
    return len(data) > 0


def contents(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.name != MANIFEST}


def test_cluster_matches_the_local_batch_with_a_worker_killed(cluster, tmp_path):
    good, bad = mixed(tmp_path / "in", drafts_n=70, txt_n=8, pdf_n=8, docx_n=9)
    assert len(good) + len(bad) == 100
    local = docgen("batch", "in", "-o", "local", "-j", "2", cwd=tmp_path, timeout=600)
    assert local.returncode == 1, local.stderr

    proc = start_batch(tmp_path, "in", "-o", "remote", "--scheduler", cluster.address)
    wait_for_records(tmp_path / "remote", 10, proc)
    victim = cluster.worker_pids()[0]
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr

    remote = tmp_path / "remote"
    assert victim not in cluster.worker_pids()          # it died, and its nanny started another
    recs = records(remote)
    assert len(recs) == 100
    assert {r["status"] for k, r in recs.items() if Path(k) in good} == {"done"}
    assert {r["status"] for k, r in recs.items() if Path(k) in bad} == {"failed"}
    assert contents(remote) == contents(tmp_path / "local")   # byte for byte
    assert all(whole(p) for p in remote.iterdir() if p.name != MANIFEST)
    assert not [p for p in remote.iterdir() if p.name.startswith(".")]   # no temp files
    assert "生成 95 个" in stdout and "失败 5 个" in stdout


def test_a_document_that_kills_workers_twice_is_recorded_failed(cluster, tmp_path):
    from crashplugin import CrashOn
    inputs = drafts(tmp_path / "in", 4)
    crash = drafts(tmp_path / "in", 1, start=9, prefix="crash-me-")[0]
    cluster.client.register_plugin(CrashOn("crash-me"))
    try:
        result = docgen("batch", "in", "-o", "out", "--format", "docx", "--scheduler",
                        cluster.address, cwd=tmp_path, timeout=300)
    finally:
        cluster.client.unregister_worker_plugin("crash-on")
    assert result.returncode == 1, result.stderr
    recs = records(tmp_path / "out")
    assert recs[str(crash)]["status"] == "failed"
    assert "多次异常退出" in recs[str(crash)]["error"]
    assert all(recs[str(p)]["status"] == "done" for p in inputs)
    assert "生成 4 个" in result.stdout and "失败 1 个" in result.stdout
    assert not (tmp_path / "out" / f"{crash.stem}.docx").exists()
    cluster.client.wait_for_workers(2, timeout=60)   # the nannies brought both back


def test_an_interrupted_cluster_run_resumes(cluster, tmp_path):
    inputs = drafts(tmp_path / "in", 30)
    out = tmp_path / "out"
    proc = start_batch(tmp_path, "in", "-o", "out", "--format", "pdf", "--scheduler", cluster.address)
    wait_for_records(out, 6, proc)
    proc.send_signal(signal.SIGINT)                     # Ctrl-C
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    before = records(out)
    assert 6 <= len(before) < len(inputs)
    stamps = {name: (out / name).stat().st_mtime_ns for r in before.values() for name in r["outputs"]}

    result = docgen("batch", "in", "-o", "out", "--format", "pdf", "--scheduler", cluster.address,
                    cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    made = int(re.search(r"生成 (\d+) 个", result.stdout)[1])
    skipped = int(re.search(r"跳过 (\d+) 个", result.stdout)[1])
    assert made + skipped == len(inputs) and skipped >= len(before)
    assert all((out / name).stat().st_mtime_ns == stamp for name, stamp in stamps.items())
    assert len(records(out)) == len(inputs)


def test_a_local_cluster_and_no_dask_without_scheduler(tmp_path):
    drafts(tmp_path / "in", 3)
    result = docgen("batch", "in", "-o", "out", "--format", "html", "--scheduler", "local:2",
                    cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "d001.html", "d002.html", "d003.html", MANIFEST]
    assert "集群 local:2" in result.stdout

    code = ("import sys\nfrom docgen.cli import main\n"
            "try:\n    main(['batch', 'in', '-o', 'plain', '--format', 'html', '-j', '1'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    plain = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                           text=True, encoding="utf-8", timeout=120)
    assert plain.stdout.strip().splitlines()[-1] == "[]", plain.stdout + plain.stderr
    assert (tmp_path / "plain" / "d001.html").exists()


def test_the_scheduler_lost_stops_the_run_and_it_resumes(tmp_path):
    own = Cluster(tmp_path / "own", workers=1)
    inputs = drafts(tmp_path / "in", 30)
    out = tmp_path / "out"
    try:
        proc = start_batch(tmp_path, "in", "-o", "out", "--format", "pdf", "--scheduler", own.address)
        wait_for_records(out, 4, proc)
        own.procs[0].kill()                                  # the scheduler, SIGKILL
        _, stderr = proc.communicate(timeout=180)
    finally:
        own.close()
    assert proc.returncode == 2, stderr
    assert "与调度器的连接中断" in stderr and "docgen-batch.jsonl" in stderr
    assert "Traceback" not in stderr
    before = records(out)
    assert 4 <= len(before) < len(inputs)

    result = docgen("batch", "in", "-o", "out", "--format", "pdf", "-j", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    skipped = int(re.search(r"跳过 (\d+) 个", result.stdout)[1])
    assert skipped >= len(before) and len(records(out)) == len(inputs)
