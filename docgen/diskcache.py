"""Data derived from installed files, kept between processes.

Every CLI run and every batch worker would otherwise redo work whose result depends only
on files that rarely change: the advance widths of a font (fontTools, ~0.35 s for the
seven faces), python-docx's default template cut down to what docgen uses (~15 ms). The
name of an entry carries what it was derived from (a file's size and mtime, a hash of its
bytes, the Python version), so a changed input is derived again and an old entry is
simply never read. Best effort both ways: an entry that cannot be read is derived again,
and a folder that cannot be written only means the work is done each time.
"""

from __future__ import annotations

from pathlib import Path


def entry(kind: str, name: str) -> Path:
    """Where the entry ``name`` of ``kind`` (``metrics``, ``docx`` …) lives."""
    from .environment import cache_dir
    return cache_dir() / kind / name


def read(kind: str, name: str) -> bytes | None:
    try:
        return entry(kind, name).read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, data: bytes) -> None:
    """Keep ``data``, atomically (two workers deriving the same entry both succeed)."""
    try:
        from .atomic import write_atomic
        target = entry(kind, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except Exception:   # noqa: BLE001 — a cache that cannot be written is no error
        pass
