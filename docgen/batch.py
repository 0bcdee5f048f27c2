"""``docgen batch INPUT… -o DIR``: many drafts and archived minutes, in worker processes.

Each input is one job, and each job is a small chain, make-style::

    draft.yaml                       → DIR/draft.pdf, DIR/draft.docx …
    old.pdf (.docx, .txt) → parse    → DIR/old.yaml → DIR/old.pdf, DIR/old.docx …

A step is skipped when its outputs are at least as new as its input (``--force`` redoes
everything), so a re-run touches only what changed — and a parsed YAML the archivist has
since corrected in DIR is rendered again, not overwritten by a new parse. Every file is
written atomically (docgen.atomic). A bad input is reported with its error and the run goes
on; the exit code is 1 when any input failed.

Folders are read one level deep. When a folder holds several files of the same name
(``a.yaml`` beside ``a.pdf``), one is the source and the others are taken for its
renderings and left alone: YAML first, then .docx, .pdf, .txt.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .errors import DocgenError, Problem

YAML_SUFFIXES = (".yaml", ".yml")
ARCHIVE_SUFFIXES = (".docx", ".pdf", ".txt")
PREFERENCE = {s: i for i, s in enumerate(YAML_SUFFIXES + ARCHIVE_SUFFIXES)}
BAR_WIDTH = 28


# --------------------------------------------------------------------------- jobs


@dataclass(frozen=True)
class Job:
    source: Path            # as the user named it (for messages)
    out_dir: Path
    formats: tuple[str, ...]
    force: bool = False
    debug: bool = False

    @property
    def archived(self) -> bool:
        return self.source.suffix.lower() not in YAML_SUFFIXES

    @property
    def yaml_path(self) -> Path:
        """The YAML to render: the input itself, or the parsed copy written in out_dir."""
        return self.out_dir / f"{self.source.stem}.yaml" if self.archived else self.source

    @property
    def outputs(self) -> list[Path]:
        return [self.out_dir / f"{self.source.stem}.{fmt}" for fmt in self.formats]


@dataclass
class Result:
    source: str
    status: str                        # "done", "skipped", "failed"
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _fresh(outputs: list[Path], source: Path) -> bool:
    """Every output exists and is at least as new as the source (make's rule)."""
    made = _mtime(source)
    if made is None:
        return False
    for out in outputs:
        when = _mtime(out)
        if when is None or when < made:
            return False
    return True


def _text(problem: Problem, name: str) -> str:
    if not problem.file:
        problem = Problem(problem.message, file=name, line=problem.line, column=problem.column,
                          path=problem.path, hint=problem.hint)
    return str(problem)


def _init_worker() -> None:
    """Each worker process: fontconfig set up once; fonts and templates are cached per process."""
    from .environment import ensure_fontconfig_env
    ensure_fontconfig_env()
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and cancels


def process(job: Job) -> Result:
    """Run one job; never raises (errors are part of the result, so the batch goes on)."""
    start = time.perf_counter()
    name = str(job.source)
    result = Result(name, "skipped")
    try:
        _run(job, result)
    except DocgenError as exc:
        result.status = "failed"
        result.errors = [_text(p, name) for p in exc.problems] or [f"文件 {name}：输入有误"]
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the batch
        result.status = "failed"
        message = f"文件 {name}：内部错误：{type(exc).__name__}: {exc}"
        if job.debug:
            message += "\n" + traceback.format_exc()
        result.errors = [message]
    result.seconds = time.perf_counter() - start
    return result


def _run(job: Job, result: Result) -> None:
    from .atomic import make_dir, write_atomic
    from .model import load_minutes, load_profile
    from .render.api import render_to_dir

    name = str(job.source)
    if not job.source.is_file():
        raise DocgenError.one("找不到文件" if not job.source.exists() else "不是文件", file=name)
    own = job.source.resolve()
    targets = job.outputs + ([job.yaml_path] if job.archived else [])
    if any(out.resolve() == own for out in targets):
        raise DocgenError.one("输出会覆盖这个输入文件", file=name, hint="换一个输出文件夹（-o）")
    make_dir(job.out_dir)

    if job.archived and (job.force or not _fresh([job.yaml_path], job.source)):
        from .model.dump import dump
        from .parse.api import parse_file
        minutes, warnings = parse_file(job.source)
        result.warnings += [_text(p, name) for p in warnings]
        header = (f"由 docgen batch 从 {job.source.name} 读回；请与原件核对后再排版。\n"
                  "修改本文件后再次运行 docgen batch，会按修改后的内容重新排版。")
        write_atomic(job.yaml_path, dump(minutes, header=header))
        result.written.append(str(job.yaml_path))
        result.status = "done"

    if not job.force and _fresh(job.outputs, job.yaml_path):
        return
    loaded = load_minutes(job.yaml_path)
    result.warnings += [_text(p, str(job.yaml_path)) for p in loaded.warnings]
    profile = load_profile(loaded.minutes.profile)
    written = render_to_dir(loaded.minutes, job.source.stem, job.out_dir, list(job.formats),
                            profile=profile, force=job.force)
    result.written += [str(p) for p in written]
    result.status = "done"


# --------------------------------------------------------------------------- inputs


def collect(inputs: list[str]) -> tuple[list[Path], list[Result], int]:
    """(files to process, failures found on the way, same-name files set aside).

    Files named on the command line are taken as they are; folders give their YAML and
    archived files, one per name (see the module docstring).
    """
    files: list[Path] = []
    failed: list[Result] = []
    aside = 0
    seen: set[Path] = set()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            by_stem: dict[str, list[Path]] = {}
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix.lower() in PREFERENCE and not child.name.startswith("."):
                    by_stem.setdefault(child.stem, []).append(child)
            for group in by_stem.values():
                group.sort(key=lambda p: PREFERENCE[p.suffix.lower()])
                aside += len(group) - 1
                chosen = group[0]
                if chosen.resolve() not in seen:
                    seen.add(chosen.resolve())
                    files.append(chosen)
        elif path.is_file():
            if path.suffix.lower() not in PREFERENCE:
                failed.append(Result(raw, "failed", errors=[str(Problem(
                    f"不支持的文件类型“{path.suffix or '（无扩展名）'}”", file=raw,
                    hint="可处理 .yaml/.yml 草稿和 .txt/.pdf/.docx 存档纪要"))]))
            elif path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
        else:
            failed.append(Result(raw, "failed", errors=[str(Problem("找不到文件或文件夹", file=raw))]))
    return files, failed, aside


def _same_outputs(files: list[Path]) -> tuple[list[Path], list[Result]]:
    from .render.api import one_name_each
    keep, refused = one_name_each(files)
    return keep, [Result(p.file or "", "failed", errors=[str(p)]) for p in refused]


# --------------------------------------------------------------------------- progress


class Progress:
    """A bar on a terminal (stderr), plain lines otherwise; problems are printed as they come."""

    def __init__(self, total: int, stream: TextIO | None = None, out: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.out = out or sys.stdout
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._drawn = False

    def _clear(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\r\x1b[K")  # back to the start of the line, erase it
            self.stream.flush()
            self._drawn = False

    def _bar(self, note: str = "") -> None:
        if not self.tty:
            return
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        line = f"[{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {self.done}/{self.total}"
        if note:
            line += f" {note[:16]}"
        self._clear()
        self.stream.write(line)
        self.stream.flush()
        self._drawn = True

    def start(self) -> None:
        self._bar()

    def report(self, r: Result) -> None:
        self.done += 1
        self._clear()
        for text in r.warnings:
            print(f"警告：{text}", file=sys.stderr, flush=True)
        for text in r.errors:
            print(f"错误：{text}", file=sys.stderr, flush=True)
        if not self.tty:
            step = f"[{self.done}/{self.total}]"
            if r.status == "done":
                line = f"{step} 已生成 " + "、".join(r.written)
            elif r.status == "skipped":
                line = f"{step} 跳过 {r.source}（输出已是最新，--force 可重新生成）"
            else:
                line = f"{step} 失败 {r.source}"
            print(line, file=self.out, flush=True)
        self._bar(Path(r.source).name)

    def finish(self) -> None:
        self._clear()


# --------------------------------------------------------------------------- run


def run_batch(inputs: list[str], out_dir: Path, *, formats: list[str], jobs: int | None = None,
              force: bool = False, debug: bool = False, stream: TextIO | None = None) -> int:
    """The body of ``docgen batch``: 0 when every input succeeded (or was up to date), else 1."""
    started = time.perf_counter()
    files, failed, aside = collect(inputs)
    files, clashes = _same_outputs(files)
    failed += clashes
    if not files and not failed:
        raise DocgenError.one("没有找到可处理的文件",
                              hint="输入可以是 .yaml 草稿、.txt/.pdf/.docx 存档纪要，或包含它们的文件夹")
    if out_dir.exists() and not out_dir.is_dir():
        raise DocgenError.one("输出位置不是文件夹", file=str(out_dir))

    jobs_all = [Job(path, out_dir, tuple(formats), force, debug) for path in files]
    work = [job for job in jobs_all if not up_to_date(job)]
    progress = Progress(len(jobs_all) + len(failed), stream)
    progress.start()
    results: list[Result] = []
    for r in failed + [Result(str(job.source), "skipped") for job in jobs_all if job not in work]:
        results.append(r)
        progress.report(r)

    workers = max(0, min(jobs or os.cpu_count() or 1, len(work)))
    try:
        if workers == 0:
            pass
        elif workers == 1:
            _init_worker_env()
            for job in work:
                r = process(job)
                results.append(r)
                progress.report(r)
        else:
            with cf.ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
                # Longest first (by input size): the last jobs to finish are then short
                # ones, so the workers run out of work at nearly the same moment.
                futures = {pool.submit(process, job): job
                           for job in sorted(work, key=_input_size, reverse=True)}
                try:
                    for future in cf.as_completed(futures):
                        try:
                            r = future.result()
                        except Exception as exc:  # noqa: BLE001 - a worker died (e.g. killed)
                            job = futures[future]
                            r = Result(str(job.source), "failed",
                                       errors=[f"文件 {job.source}：处理进程异常退出（{type(exc).__name__}: {exc}）"])
                        results.append(r)
                        progress.report(r)
                except KeyboardInterrupt:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
    finally:
        progress.finish()

    _summary(results, aside, time.perf_counter() - started, workers)
    return 1 if any(r.status == "failed" for r in results) else 0


def up_to_date(job: Job) -> bool:
    """Nothing to do for this job (checked before any worker starts)."""
    if job.force or not job.source.is_file():
        return False
    if job.archived and not _fresh([job.yaml_path], job.source):
        return False
    return _fresh(job.outputs, job.yaml_path)


def _input_size(job: Job) -> int:
    try:
        return job.source.stat().st_size
    except OSError:
        return 0


def _init_worker_env() -> None:
    from .environment import ensure_fontconfig_env
    ensure_fontconfig_env()


def _summary(results: list[Result], aside: int, seconds: float, workers: int) -> None:
    done = [r for r in results if r.status == "done"]
    skipped = [r for r in results if r.status == "skipped"]
    bad = [r for r in results if r.status == "failed"]
    warned = sum(1 for r in results if r.warnings)
    line = (f"完成：共 {len(results)} 个文件，生成 {len(done)} 个，跳过 {len(skipped)} 个（已是最新），"
            f"失败 {len(bad)} 个；用时 {seconds:.1f} 秒" + (f"（{workers} 个进程）" if workers > 1 else ""))
    if warned:
        line += f"；{warned} 个文件有警告"
    print(line, flush=True)
    if aside:
        print(f"另有 {aside} 个文件与同一文件夹中的同名文件重复（如 a.yaml 旁的 a.pdf），"
              "按 YAML、DOCX、PDF、TXT 的顺序只处理了第一个", flush=True)
    if bad:
        print("失败的文件：", flush=True)
        for r in bad:
            first = r.errors[0].splitlines()[0] if r.errors else ""
            print(f"  {r.source}：{first}", flush=True)
