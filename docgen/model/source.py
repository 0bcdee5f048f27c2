"""A clerk's file → text: sizes bounded, encodings guessed, every refusal in Chinese.

Drafts arrive from Windows PCs as UTF-8 (with or without BOM) or GB18030/GBK; anything
else (UTF-16, binary, a folder) is refused before YAML ever sees it, naming the file.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocgenError

MAX_BYTES = 5 * 1024 * 1024


def unreadable(exc: OSError, name: str) -> DocgenError:
    """The Chinese refusal for a file the system would not let us read."""
    if isinstance(exc, FileNotFoundError):
        return DocgenError.one("文件不存在", file=name, hint="检查文件名和路径")
    if isinstance(exc, IsADirectoryError):
        return DocgenError.one("这是一个文件夹，不是文件", file=name)
    if isinstance(exc, PermissionError):
        return DocgenError.one("没有读取这个文件的权限", file=name)
    return DocgenError.one(f"无法读取文件（{exc.strerror or exc}）", file=name)


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """Read at most ``limit`` bytes: a draft is small, and a huge file is a mistake."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise unreadable(exc, name) from None
    if len(raw) > limit:
        raise DocgenError.one(f"文件过大（超过 {limit // 1024 // 1024} MB），不像是一份纪要草稿",
                              file=name)
    return decode(raw, name)


def decode(raw: bytes, name: str) -> str:
    """UTF-8 first (it fails loudly on GBK bytes), then GB18030, a superset of GBK."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise DocgenError.one("文件是 UTF-16 编码，无法读取", file=name,
                              hint="请在编辑器中另存为 UTF-8")
    sample = raw[:4096]
    controls = sum(b < 0x20 and b not in b"\t\n\r" for b in sample)
    if b"\x00" in raw or controls > max(16, len(sample) // 10):
        raise DocgenError.one("这是二进制文件，不是文本", file=name,
                              hint="纪要草稿应为 UTF-8 编码的 YAML 文本")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocgenError.one("无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）", file=name,
                          hint="请在编辑器中另存为 UTF-8")


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-heavy text with every other byte zero."""
    sample = raw[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.6 and min(zeros_even, zeros_odd) == 0
