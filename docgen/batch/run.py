"""``docgen batch``: collect the inputs, plan them against the manifest, run, report.

The same jobs run on this machine (``pool``) or on a Dask cluster (``cluster``); both
yield results as they finish, and each result goes to the manifest and the progress at
once, so whatever stops the run (Ctrl-C, a crash, the scheduler lost) leaves a manifest
from which the next run resumes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..atomic import leftovers, make_dir
from ..errors import DocgenError
from .inputs import collect
from .jobs import Job, Result
from .manifest import NAME as MANIFEST, Manifest
from .progress import Progress
from .published import published_for


def run_batch(inputs: list[str], out_dir: Path, *, formats: list[str], jobs: int | None = None,
              force: bool = False, debug: bool = False, scheduler: str | None = None,
              published: dict[str, str] | None = None, stream: TextIO | None = None) -> int:
    """0 when every input succeeded (or was up to date), else 1. ``published``: file name →
    the page's date or address (``batch.published``), for the archived inputs it names."""
    started = time.perf_counter()
    files, failed, aside = collect(inputs)
    if not files and not failed:
        raise DocgenError.one("没有找到可处理的文件",
                              hint="输入可以是 .yaml 草稿、.txt/.pdf/.docx 存档纪要，或包含它们的文件夹")
    if scheduler:
        from .cluster import parse_scheduler
        parse_scheduler(scheduler)          # a bad address is refused before any work
    if out_dir.exists() and not out_dir.is_dir():
        raise DocgenError.one("输出位置不是文件夹", file=str(out_dir))
    make_dir(out_dir)
    manifest = Manifest.load(out_dir)
    manifest.open()
    progress = Progress(len(files) + len(failed), stream)
    results: list[Result] = []
    workers = 0
    try:
        _clean(out_dir, files, formats)
        for r in failed:
            _take(r, None, results, progress, manifest)
        work: list[Job] = []
        for path in files:
            job, note = manifest.plan(Job(path, out_dir, tuple(formats), force=force, debug=debug,
                                          published=published_for(path, published)), redo=force)
            if note:
                progress.note(note)
            if job is None:
                _take(_skipped(path, out_dir, formats, manifest), None, results, progress, manifest)
            else:
                work.append(job)
        work.sort(key=_input_size, reverse=True)   # longest first: workers finish together
        workers = max(0, min(jobs or os.cpu_count() or 1, len(work)))
        for job, r in _run(work, workers, scheduler, jobs):
            _take(r, job, results, progress, manifest)
    finally:
        progress.finish()
        manifest.close()
        _clean(out_dir, files, formats)
    _summary(results, aside, time.perf_counter() - started, workers, scheduler)
    return 1 if any(r.status == "failed" for r in results) else 0


def _run(work: list[Job], workers: int, scheduler: str | None,
         jobs: int | None) -> Iterator[tuple[Job, Result]]:
    if not work:
        return iter(())
    if scheduler:
        from .cluster import run_on_cluster
        return run_on_cluster(work, scheduler, jobs)
    from .pool import run_local
    return run_local(work, workers)


def _take(r: Result, job: Job | None, results: list[Result], progress: Progress,
          manifest: Manifest) -> None:
    results.append(r)
    if r.status != "skipped":
        manifest.add(r, job)
    progress.report(r)


def _skipped(path: Path, out_dir: Path, formats: list[str], manifest: Manifest) -> Result:
    job = Job(path, out_dir, tuple(formats))
    if job.key not in manifest.records:
        manifest.adopt(job)
    return Result(str(path), "skipped", key=job.key)


def _clean(out_dir: Path, files: list[Path], formats: list[str]) -> None:
    """Remove the temporary files a killed worker left for this batch's own outputs."""
    ours = {f"{p.stem}.{ext}" for p in files for ext in [*formats, "yaml"]} | {MANIFEST}
    for target, temp in leftovers(out_dir):
        if target in ours:
            temp.unlink(missing_ok=True)


def _input_size(job: Job) -> int:
    try:
        return job.source.stat().st_size
    except OSError:
        return 0


def _summary(results: list[Result], aside: int, seconds: float, workers: int,
             scheduler: str | None) -> None:
    done = [r for r in results if r.status == "done"]
    skipped = [r for r in results if r.status == "skipped"]
    bad = [r for r in results if r.status == "failed"]
    warned = sum(1 for r in results if r.warnings)
    where = (f"（集群 {scheduler}）" if scheduler else f"（{workers} 个进程）" if workers > 1 else "")
    line = (f"完成：共 {len(results)} 个文件，生成 {len(done)} 个，跳过 {len(skipped)} 个（已是最新），"
            f"失败 {len(bad)} 个；用时 {seconds:.1f} 秒{where}")
    if warned:
        line += f"；{warned} 个文件有警告"
    print(line, flush=True)
    if aside:
        print(f"另有 {aside} 个文件与同一文件夹中的同名文件重复（如 a.yaml 旁的 a.pdf），"
              "按 YAML、DOCX、PDF、TXT 的顺序只处理了第一个", flush=True)
    if bad:
        print("失败的文件：", flush=True)
        for r in bad:
            print(f"  {r.source}：{r.message()}", flush=True)
