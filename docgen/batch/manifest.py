"""The batch's memory: ``DIR/docgen-batch.jsonl``, one JSON record per input.

A record says what docgen last did with an input: its content hash, the docgen version,
the status, each output's hash (or the error). It is what makes a run resumable: after a
crash, a Ctrl-C or a lost cluster, the next run redoes only the inputs whose record is
missing, failed, out of date or no longer matches the files on disk.

Records are appended as results arrive, one line each, flushed and synced, so a run
killed at any moment keeps every record it finished; a torn last line is skipped on
loading and the latest record of an input wins. At the end of a run the file is
rewritten, atomically, with one record per input. One batch at a time may use a folder
(an advisory lock on the folder), since two would interleave their records and outputs.

Files are compared as ``marks`` says: size and time first, the content hash when they differ.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..errors import DocgenError
from .jobs import Job, Result
from .marks import mark, unchanged

NAME = "docgen-batch.jsonl"
SYNC_EVERY_S = 1.0


# --------------------------------------------------------------------------- records


def record(result: Result, job: Job | None) -> dict[str, Any]:
    """A result as its manifest line."""
    line: dict[str, Any] = {
        "source": result.key, "name": result.source, "status": result.status,
        "docgen": __version__, "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(result.seconds, 3),
    }
    if result.input:
        line["input"] = result.input
    if result.yaml:
        line["yaml"] = result.yaml
    if result.outputs:
        line["outputs"] = result.outputs
    if job is not None:
        line["formats"] = list(job.formats)
        if job.published:
            line["published"] = job.published
    if result.status == "failed":
        line["error"] = "\n".join(result.errors)
    if result.warnings:
        line["warnings"] = len(result.warnings)
    return line


@dataclass
class Manifest:
    folder: Path
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    torn: int = 0                                  # unreadable lines found on loading
    _handle: IO[str] | None = None
    _lock: int | None = None
    _synced: float = 0.0

    @property
    def path(self) -> Path:
        return self.folder / NAME

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        manifest = cls(folder)
        try:
            text = manifest.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return manifest
        except (OSError, UnicodeDecodeError) as exc:
            raise DocgenError.one(f"无法读取批处理记录（{exc}）", file=str(manifest.path),
                                  hint="删除这个文件后重新运行，所有文件会重新生成") from None
        for raw in text.splitlines():
            try:
                line = json.loads(raw)
                manifest.records[line["source"]] = line
            except (ValueError, KeyError, TypeError):
                manifest.torn += 1
        return manifest

    # -- a run -----------------------------------------------------------------------

    def open(self) -> None:
        """Take the folder for this run and start appending."""
        self._lock = os.open(self.folder, os.O_RDONLY)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock)
            self._lock = None
            raise DocgenError.one("另一个 docgen batch 正在向这个文件夹输出", file=str(self.folder),
                                  hint="等它结束，或换一个输出文件夹（-o）") from None
        self._handle = open(self.path, "a", encoding="utf-8")

    def add(self, result: Result, job: Job | None) -> None:
        line = record(result, job)
        _keep_other_formats(line, self.records.get(line["source"]), self.folder)
        self.records[line["source"]] = line
        assert self._handle is not None, "Manifest.open() first"
        self._handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._handle.flush()
        now = time.monotonic()
        if now - self._synced >= SYNC_EVERY_S:
            os.fsync(self._handle.fileno())
            self._synced = now

    def close(self, compact: bool = True) -> None:
        """Sync, rewrite with one line per input, release the folder."""
        from ..atomic import write_atomic
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None
        if compact:
            lines = (json.dumps(r, ensure_ascii=False) for r in self.records.values())
            write_atomic(self.path, "".join(line + "\n" for line in lines))
        if self._lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock, fcntl.LOCK_UN)
            os.close(self._lock)
            self._lock = None

    # -- what to do --------------------------------------------------------------------

    def plan(self, job: Job, redo: bool = False) -> tuple[Job | None, str]:
        """(the job to run, or None when its outputs are up to date; a note for the user)."""
        rec = self.records.get(job.key)
        if redo:
            return job, ""
        if rec is None:
            return self._plan_unrecorded(job)
        # a copy whose listed date or address changed is read again, as if it had changed
        same_input = unchanged(job.source, rec.get("input")) and rec.get("published") == job.published
        yaml_edited = (job.archived and job.yaml_path.exists()
                       and not unchanged(job.yaml_path, rec.get("yaml")) and bool(rec.get("yaml")))
        if yaml_edited:
            note = "" if same_input else (f"{job.source} 已改动，但 {job.yaml_path} 已经人工修改，"
                                          "按修改后的 YAML 排版，未重新读回（删除它可重新读回）")
            return replace(job, parse=False), note
        if (rec.get("status") == "done" and rec.get("docgen") == __version__ and same_input
                and all(unchanged(out, rec.get("outputs", {}).get(out.name))
                        for out in job.outputs.values())):
            return None, ""
        keep_yaml = job.archived and same_input and unchanged(job.yaml_path, rec.get("yaml"))
        return replace(job, parse=not keep_yaml), ""

    def _plan_unrecorded(self, job: Job) -> tuple[Job | None, str]:
        """No record (a folder from before manifests, or the manifest deleted): make's
        rule on modification times, as docgen batch did before."""
        if job.archived:
            if _fresh([job.yaml_path], job.source):
                job = replace(job, parse=False)
        if not job.parse or not job.archived:
            if _fresh(list(job.outputs.values()), job.yaml_path):
                return None, ""
        return job, ""

    def adopt(self, job: Job) -> None:
        """Record outputs found up to date without a record, so the next run compares hashes."""
        result = Result(str(job.source), "done", key=job.key)
        result.input = mark(job.source)
        if job.archived:
            result.yaml = mark(job.yaml_path)
        result.outputs = {p.name: mark(p) for p in job.outputs.values()}
        self.add(result, job)


def _keep_other_formats(line: dict[str, Any], before: dict[str, Any] | None, folder: Path) -> None:
    """A run for PDF only keeps the record of the DOCX an earlier run made of the same input."""
    if not before or line["status"] != "done" or line.get("input") is None:
        return
    if (before.get("input") or {}).get("sha256") != line["input"]["sha256"]:
        return
    kept = {name: m for name, m in (before.get("outputs") or {}).items()
            if name not in line.get("outputs", {}) and unchanged(folder / name, m)}
    if kept:
        line["outputs"] = {**kept, **line.get("outputs", {})}


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
    return all((when := _mtime(out)) is not None and when >= made for out in outputs)
