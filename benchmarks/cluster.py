"""The same batch on this machine's worker processes and on a Dask cluster of as many workers.

Measured in one run, on the drafts ``measure_batch`` wrote: ``docgen batch -j N`` (the local
pool), ``--scheduler tcp://…`` against a scheduler and N workers started beforehand (as a
production cluster would be running; one untimed run warms the workers' imports), and
``--scheduler local:N``, which starts and stops its own cluster inside the command.

Overhead per document, for each executor: the worker time a run paid for and did not spend
in a document, ``(wall × workers − Σ seconds in jobs.process) / docs``, the seconds read off
the run's manifest. For the running cluster this is the scheduler's share (submitting,
assigning, returning results, the client's connection); for the pool it is the processes'
start-up. Each run writes to a fresh folder (no manifest to skip by), pdf+docx.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def _overhead_ms(wall: float, out: Path, workers: int, count: int) -> float:
    working = sum(json.loads(line)["seconds"]
                  for line in (out / "docgen-batch.jsonl").read_text(encoding="utf-8").splitlines())
    return (wall * workers - working) / count * 1000


def _timed(cmd: list[str], out: Path, count: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(cmd + ["-o", str(out), "--format", "pdf,docx"], capture_output=True,
                          text=True)
    seconds = time.perf_counter() - start
    written = len(list(out.glob("*.pdf"))) + len(list(out.glob("*.docx")))
    if done.returncode != 0 or written != 2 * count:
        raise SystemExit(f"benchmark: {' '.join(cmd)} failed (rc {done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


class _Cluster:
    def __init__(self, folder: Path, workers: int) -> None:
        file = folder / "scheduler.json"
        quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
        self.procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                                        "--port", "0", "--no-dashboard", "--scheduler-file",
                                        str(file)], **quiet)]
        deadline = time.monotonic() + 60
        while not file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.address = json.loads(file.read_text())["address"]
        self.procs += [subprocess.Popen([str(BIN / "dask"), "worker", self.address, "--nthreads",
                                         "1", "--no-dashboard", "--host", "127.0.0.1"], **quiet)
                       for _ in range(workers)]
        from distributed import Client
        with Client(self.address, timeout="30s") as client:
            client.wait_for_workers(workers, timeout=60)

    def close(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            proc.wait(timeout=30)


def measure_cluster(docgen: list[str], folder: Path, tmp: Path, count: int,
                    workers: int) -> dict[str, float] | None:
    """docs/s for the local pool, a warm cluster and ``local:N``; None without Dask."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return None
    base = docgen + ["batch", str(folder)]
    cluster = _Cluster(tmp, workers)
    try:
        remote = base + ["--scheduler", cluster.address]
        _timed(remote, tmp / "warm-up", count)
        local_s = _timed(base + ["-j", str(workers)], tmp / "pool", count)
        remote_s = _timed(remote, tmp / "remote", count)
    finally:
        cluster.close()
    own_s = _timed(base + ["--scheduler", f"local:{workers}"], tmp / "own", count)
    return {"docs": count, "workers": workers,
            "local_docs_per_s": count / local_s, "cluster_docs_per_s": count / remote_s,
            "local_cluster_docs_per_s": count / own_s,
            "scheduler_overhead_ms_per_doc": _overhead_ms(remote_s, tmp / "remote", workers, count),
            "pool_overhead_ms_per_doc": _overhead_ms(local_s, tmp / "pool", workers, count),
            "local_cluster_start_s": own_s - remote_s,
            "cpu_count": os.cpu_count() or 0}
