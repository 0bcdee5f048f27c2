"""One input of a batch, and what became of it.

A job is a small chain, make-style::

    draft.yaml                       → DIR/draft.pdf, DIR/draft.docx …
    old.pdf (.docx, .txt) → parse    → DIR/old.yaml → DIR/old.pdf, DIR/old.docx …

``process`` runs one job anywhere — in this process, a local worker process or a Dask
worker on another machine — and never raises: what went wrong is part of its ``Result``,
so one broken file never stops the batch. Jobs and results are plain picklable data.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DocgenError, Problem
from .marks import Mark, mark

if TYPE_CHECKING:
    from ..parse.published import Published

YAML_SUFFIXES = (".yaml", ".yml")
ARCHIVE_SUFFIXES = (".docx", ".pdf", ".txt")
PARSED_HEADER = ("由 docgen batch 从 {name} 读回；请与原件核对后再排版。\n"
                 "修改本文件后再次运行 docgen batch，会按修改后的内容重新排版。")


@dataclass(frozen=True)
class Job:
    source: Path                  # as the user named it (for messages)
    out_dir: Path
    formats: tuple[str, ...]
    force: bool = False           # replace outputs docgen did not write (render's --force)
    parse: bool = True            # archived input: parse it again (False: render DIR/x.yaml)
    published: str | None = None  # the page's date or address, from --published-list
    debug: bool = False

    @property
    def archived(self) -> bool:
        return self.source.suffix.lower() not in YAML_SUFFIXES

    @property
    def key(self) -> str:
        """The source's identity in the manifest: its absolute path."""
        return str(self.source.absolute())

    @property
    def yaml_path(self) -> Path:
        """The YAML to render: the input itself, or the parsed copy written in out_dir."""
        return self.out_dir / f"{self.source.stem}.yaml" if self.archived else self.source

    @property
    def outputs(self) -> dict[str, Path]:
        return {fmt: self.out_dir / f"{self.source.stem}.{fmt}" for fmt in self.formats}


@dataclass
class Result:
    source: str
    status: str                                  # "done", "skipped", "failed"
    key: str = ""
    input: Mark | None = None
    yaml: Mark | None = None                     # the YAML rendered (archived inputs)
    outputs: dict[str, Mark] = field(default_factory=dict)   # file name → its mark
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def message(self) -> str:
        """The first line of the first error (for summaries and the manifest)."""
        return self.errors[0].splitlines()[0] if self.errors else ""


def _listed_date(job: Job, result: Result, name: str) -> Published | None:
    """The date the batch's list gives for this copy; an address without one is warned of
    here, with the copy, and the copy read without it."""
    from ..parse.published import LISTED, NoDateInAddress, published_from
    if not job.published:
        return None
    try:
        return published_from(job.published, typed=LISTED)
    except NoDateInAddress:
        result.warnings.append(_text(Problem(
            f"来源清单给出的网址中没有日期：“{job.published[:120]}”，读回时不参考发布日期",
            hint="原文没有写年份时，会议日期将留空；可在清单中改填网页上的发布日期，如 2023-07-10"),
            name))
        return None


def _text(problem: Problem, name: str) -> str:
    if not problem.file:
        problem = Problem(problem.message, file=name, line=problem.line, column=problem.column,
                          path=problem.path, hint=problem.hint)
    return str(problem)


def failure(job: Job, message: str) -> Result:
    return Result(str(job.source), "failed", key=job.key, errors=[message])


def process(job: Job) -> Result:
    """Run one job; never raises."""
    from ..environment import ensure_fontconfig_env
    ensure_fontconfig_env()
    start = time.perf_counter()
    name = str(job.source)
    result = Result(name, "done", key=job.key)
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
    from ..atomic import make_dir, write_atomic
    from ..model import load_minutes, load_profile
    from ..render.api import render_to_dir

    name = str(job.source)
    if not job.source.is_file():
        raise DocgenError.one("找不到文件" if not job.source.exists() else "不是文件", file=name)
    own = job.source.resolve()
    targets = list(job.outputs.values()) + ([job.yaml_path] if job.archived else [])
    if any(out.resolve() == own for out in targets):
        raise DocgenError.one("输出会覆盖这个输入文件", file=name, hint="换一个输出文件夹（-o）")
    result.input = mark(job.source)
    make_dir(job.out_dir)

    if job.archived and job.parse:
        from ..model.dump import dump
        from ..parse.api import parse_file
        minutes, warnings = parse_file(job.source, published=_listed_date(job, result, name))
        result.warnings += [_text(p, name) for p in warnings]
        text = dump(minutes, header=PARSED_HEADER.format(name=job.source.name))
        write_atomic(job.yaml_path, text)
        result.written.append(str(job.yaml_path))
    if job.archived:
        result.yaml = mark(job.yaml_path)

    loaded = load_minutes(job.yaml_path)
    result.warnings += [_text(p, str(job.yaml_path)) for p in loaded.warnings]
    profile = load_profile(loaded.minutes.profile)
    written = render_to_dir(loaded.minutes, job.source.stem, job.out_dir, list(job.formats),
                            profile=profile, force=job.force)
    result.warnings += [_text(p, name) for p in written.warnings]
    result.written += [str(p) for p in written.paths]
    result.outputs = {p.name: mark(p) for p in job.outputs.values()}
