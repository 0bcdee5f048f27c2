"""Jobs run on a Dask cluster: ``--scheduler tcp://HOST:PORT`` or ``--scheduler local[:N]``.

Dask (``dask.distributed``) schedules, retries and moves the work; docgen only submits
``jobs.process`` for each input and collects results as they finish, exactly as the
local pool does, so the two give the same outputs byte for byte. Inputs and outputs are
paths every worker must see (a shared file system mounted at the same place).

Faults, as Dask reports them:

* a worker that dies mid-document: the scheduler gives its tasks to another worker; the
  outputs are whole or absent, since each is written atomically;
* a document whose task has killed workers more often than the scheduler allows
  (``distributed.scheduler.allowed-failures``; a local cluster allows one retry): Dask
  raises ``KilledWorker`` and the document is recorded as failed, the run goes on;
* the scheduler lost: ``ClusterLost`` stops the run; the manifest keeps what finished.

At most ``AHEAD`` tasks are in flight, so a province's archive is not one huge graph.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import DocgenError
from .jobs import Job, Result, failure, process

AHEAD = 1000
LOCAL = re.compile(r"^local(?::(\d+))?$")
ALLOWED_FAILURES = 1          # a local cluster retries a document once, then records it failed
CONNECT_TIMEOUT = "10s"


class ClusterLost(DocgenError):
    """The scheduler went away during the run."""


def parse_scheduler(text: str) -> tuple[str, int | None]:
    """("local", N or None) or ("remote", None) for a scheduler address; refused otherwise."""
    if found := LOCAL.match(text):
        workers = int(found.group(1)) if found.group(1) else None
        if workers == 0:
            raise DocgenError.one("--scheduler：本机集群至少要有 1 个工作进程",
                                  hint="例如 --scheduler local:2")
        return "local", workers
    if re.match(r"^(tcp|tls)://[^/\s]+:\d+$", text):
        return "remote", None
    raise DocgenError.one(f"--scheduler：无法识别的调度器地址“{text}”",
                          hint="写成 tcp://主机:端口（如 tcp://10.0.0.5:8786），或 local、local:4")


def _import_dask() -> Any:
    try:
        import dask
        import distributed
    except ImportError:
        raise DocgenError.one("没有安装 Dask，不能使用 --scheduler",
                              hint="pip install 'docgen[cluster]'") from None
    return dask, distributed


def _quiet_dask() -> None:
    """Dask logs a lost connection with its tracebacks; docgen says it once, in Chinese.
    Dask's logging config gives some loggers (distributed.client …) levels of their own,
    so each is quietened, and those made later inherit from ``distributed``."""
    for name in ["distributed", *logging.root.manager.loggerDict]:
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)


@contextlib.contextmanager
def client_for(scheduler: str, jobs_hint: int | None) -> Iterator[Any]:
    """A Dask client for the address, starting (and stopping) a local cluster if asked."""
    dask, distributed = _import_dask()
    kind, workers = parse_scheduler(scheduler)
    _quiet_dask()
    with dask.config.set({"distributed.comm.timeouts.connect": CONNECT_TIMEOUT}):
        if kind == "remote":
            try:
                client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise DocgenError.one(f"--scheduler：连接不上调度器 {scheduler}（{exc}）",
                                      hint="检查地址和端口，并确认 dask scheduler 正在运行") from None
            with client:
                yield client
            return
        config = {"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                  "distributed.worker.daemon": False}
        with dask.config.set(config), distributed.LocalCluster(
                n_workers=workers or jobs_hint or 2, threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None, silence_logs=40) as cluster, \
                distributed.Client(cluster) as client:
            yield client


def run_on_cluster(jobs: list[Job], scheduler: str,
                   jobs_hint: int | None = None) -> Iterator[tuple[Job, Result]]:
    """Results as tasks finish; at most AHEAD tasks submitted at a time."""
    _, distributed = _import_dask()
    with client_for(scheduler, jobs_hint) as client:
        pending = iter(jobs)
        futures: dict[Any, Job] = {}
        ready = distributed.as_completed()

        def submit_next() -> None:
            job = next(pending, None)
            if job is not None:
                key = f"docgen-{job.source.stem}-{uuid.uuid4().hex}"
                future = client.submit(process, _absolute(job), key=key, pure=False, retries=0)
                futures[future] = job
                ready.add(future)

        for _ in range(AHEAD):
            submit_next()
        for future in ready:
            job = futures.pop(future)
            yield job, _as_named(_outcome(future, job, distributed), job)
            submit_next()


def _absolute(job: Job) -> Job:
    """Workers run in folders of their own: paths as the user typed them would not be found."""
    return replace(job, source=job.source.absolute(), out_dir=job.out_dir.absolute())


def _as_named(result: Result, job: Job) -> Result:
    """The result told with the paths as the user typed them, as the local batch tells it."""
    here = Path.cwd()
    result.source = str(job.source)
    result.written = [os.path.relpath(p, here) if Path(p).is_relative_to(here) else p
                      for p in result.written]
    return result


def _outcome(future: Any, job: Job, distributed: Any) -> Result:
    try:
        return future.result()
    except distributed.client.FutureCancelledError as exc:
        raise ClusterLost.one(f"与调度器的连接中断，批处理停止（{exc}）",
                              hint="已完成的文件记在输出文件夹的 docgen-batch.jsonl 中；"
                                   "调度器恢复后重新运行同一命令，只处理剩下的文件") from None
    except distributed.scheduler.KilledWorker as exc:
        return failure(job, f"文件 {job.source}：处理它的工作进程多次异常退出，已记为失败（{exc}）")
    except Exception as exc:  # noqa: BLE001 - process() never raises: this is the cluster's
        return failure(job, f"文件 {job.source}：集群执行出错（{type(exc).__name__}: {exc}）")
