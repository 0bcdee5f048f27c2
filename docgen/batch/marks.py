"""What a batch remembers of a file: its content hash, size and modification time.

Size and time are compared first and the hash only when they differ, so a resumed run
over a large archive does not read every file again, yet a file rewritten with the same
bytes (a restored backup, a copy) still counts as unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

CHUNK = 1 << 20
Mark = dict[str, Any]          # {"sha256": …, "size": …, "mtime_ns": …}: JSON as it is


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def mark(path: Path) -> Mark:
    info = path.stat()
    return {"sha256": sha256_file(path), "size": info.st_size, "mtime_ns": info.st_mtime_ns}


def unchanged(path: Path, recorded: Mark | None) -> bool:
    """``path`` still holds what ``recorded`` describes (a missing file never does)."""
    if not recorded:
        return False
    try:
        info = path.stat()
    except OSError:
        return False
    if info.st_size != recorded.get("size"):
        return False
    if info.st_mtime_ns == recorded.get("mtime_ns"):
        return True
    return sha256_file(path) == recorded.get("sha256")
