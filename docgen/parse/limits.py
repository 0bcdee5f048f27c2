"""How much of an archived input docgen reads at all, whatever its format.

Every reader (text, PDF, DOCX) and every front (parse, batch, the desk, audit) goes
through these checks before a byte is interpreted, so a 2 GB file or an empty one is
refused the same way, in the same words, wherever it comes in. Format-specific bounds (a
PDF's pages and lines, a DOCX's zip members) live with their readers.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocgenError
from ..model.source import unreadable

MAX_INPUT_BYTES = 50 * 1024 * 1024


def too_big(size: int | None, name: str) -> DocgenError:
    shown = f"{size / 1024 / 1024:.0f} MB，" if size else ""
    return DocgenError.one(f"文件过大（{shown}上限 50 MB），不像是一份纪要", file=name)


def check_sized(size: int, name: str) -> None:
    """Refuse an input of ``size`` bytes that is empty or over the limit."""
    if size == 0:
        raise DocgenError.one("文件是空的", file=name)
    if size > MAX_INPUT_BYTES:
        raise too_big(size, name)


def check_size(path: Path) -> int:
    """The file's size, once it is known to be a file of a size worth reading."""
    name = str(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise unreadable(exc, name) from None
    if path.is_dir():
        raise DocgenError.one("这是一个文件夹，不是文件", file=name)
    check_sized(st.st_size, name)
    return st.st_size


def read_bytes(path: Path) -> bytes:
    """The file's bytes, never more than the limit (a file may grow while it is read)."""
    check_size(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise DocgenError.one(f"无法读取文件（{exc.strerror or exc}）", file=str(path)) from None
    if len(data) > MAX_INPUT_BYTES:
        raise too_big(None, str(path))
    if not data.strip():
        raise DocgenError.one("文件是空的", file=str(path))
    return data
