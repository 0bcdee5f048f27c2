"""Data derived from installed files, kept between processes.

Every CLI run and every batch worker would otherwise redo work whose result depends only
on files that rarely change: the advance widths of a font (fontTools, ~0.35 s for the
seven faces), python-docx's default template cut down to what docgen uses (~15 ms). The
name of an entry carries what it was derived from (a file's size and mtime, a hash of its
bytes, the Python version), so a changed input is derived again. Best effort both ways:
an entry that cannot be read, or whose checksum fails, is derived again, and a folder that
cannot be written only means the work is done each time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_DIGEST = 32     # sha256, after the data: a torn or damaged entry is never taken for good


def entry(kind: str, name: str) -> Path:
    """The entry's file: one folder per kind (``metrics``, ``docx`` …), so that a kind's
    stale entries can be told apart and removed."""
    from .environment import cache_dir
    return cache_dir() / kind / name


def read(kind: str, name: str) -> bytes | None:
    """The data kept under ``name``, or None when there is none or it is damaged."""
    try:
        kept = entry(kind, name).read_bytes()
    except OSError:
        return None
    data, digest = kept[:-_DIGEST], kept[-_DIGEST:]
    return data if len(kept) > _DIGEST and hashlib.sha256(data).digest() == digest else None


def write(kind: str, name: str, data: bytes, replaces: str | None = None) -> None:
    """Keep ``data``, atomically (two workers deriving the same entry both succeed), and
    remove the entries of the glob ``replaces`` it supersedes (the same font's metrics
    before the font changed), so the folder does not grow with every upgrade."""
    try:
        from .atomic import write_atomic
        target = entry(kind, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data + hashlib.sha256(data).digest())
        for stale in target.parent.glob(replaces) if replaces else ():
            if stale != target:
                stale.unlink(missing_ok=True)
    except Exception:   # noqa: BLE001 — a cache that cannot be written is no error
        pass
