"""Jobs run on this machine: in this process (``-j 1``) or in worker processes.

Results come back as they are ready (not in input order), so the manifest and the
progress follow the work. A worker process that dies (killed, out of memory) fails the
jobs it held, with a message, and the rest go on being reported.
"""

from __future__ import annotations

import concurrent.futures as cf
import signal
from collections.abc import Iterator

from .jobs import Job, Result, failure, process


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and cancels


def run_local(jobs: list[Job], workers: int) -> Iterator[tuple[Job, Result]]:
    if workers <= 1:
        for job in jobs:
            yield job, process(job)
        return
    with cf.ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint) as pool:
        futures = {pool.submit(process, job): job for job in jobs}
        try:
            for future in cf.as_completed(futures):
                job = futures[future]
                try:
                    yield job, future.result()
                except Exception as exc:  # noqa: BLE001 - the worker process died
                    yield job, died(job, exc)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def died(job: Job, exc: BaseException) -> Result:
    return failure(job, f"文件 {job.source}：处理进程异常退出（{type(exc).__name__}: {exc}）")
