"""Atomic output files: a reader sees the old file or the new one, never half of one.

Every output docgen writes goes through here::

    write_atomic(path, data)                 # bytes or str (str is written as UTF-8)

    with atomic_path(out / "x.pdf") as tmp:  # for tools that want a file name to write to
        html.write_pdf(tmp)                  # tmp: same folder, same suffix, renamed on success

The temporary file sits in the target's folder (so the final ``os.replace`` is a rename on
one file system), keeps the target's suffix (tools such as LibreOffice choose the format
from it) and is removed when the body raises.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import DocgenError

__all__ = ["atomic_path", "leftovers", "make_dir", "refusal", "write_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()  # read once: os.umask can only be read by setting it


def _final_mode(target: Path) -> int:
    """The mode a plainly created file would get (mkstemp makes 0600 files)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def refusal(exc: OSError, path: Path, doing: str) -> DocgenError:
    """An OS error while writing output, as the user's problem in Chinese, naming ``path``.
    ``doing`` completes "无法…" (写入文件, 创建输出文件夹 …)."""
    if isinstance(exc, FileNotFoundError):
        return DocgenError.one("所在的文件夹不存在", file=str(path))
    if isinstance(exc, IsADirectoryError):
        return DocgenError.one("目标是一个文件夹", file=str(path))
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return DocgenError.one("路径中有一个同名的文件，不是文件夹", file=str(path))
    if isinstance(exc, PermissionError):
        return DocgenError.one("没有写入的权限", file=str(path))
    return DocgenError.one(f"无法{doing}（{exc.strerror or exc}）", file=str(path))


def make_dir(folder: Path) -> None:
    """The output folder, with its parents; refused in Chinese when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise refusal(exc, folder, "创建输出文件夹") from None


TEMP_NAME = re.compile(r"^\.(?P<stem>.+)\.[a-z0-9_]{8}\.tmp(?P<suffix>\.[^.]*)?$")


def leftovers(folder: Path) -> Iterator[tuple[str, Path]]:
    """(target name, temporary file) for each temporary file ``_temp_in`` made in ``folder``
    that was never renamed: what a process killed mid-write leaves behind."""
    with contextlib.suppress(OSError):
        for child in folder.iterdir():
            if found := TEMP_NAME.match(child.name):
                yield found["stem"] + (found["suffix"] or ""), child


def _temp_in(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}",
                                    dir=target.parent)
    except OSError as exc:
        raise refusal(exc, target.parent, "在文件夹中创建文件") from None
    os.close(fd)
    return Path(name)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _commit(temp: Path, target: Path, overwrite: bool) -> None:
    os.chmod(temp, _final_mode(target))
    try:
        if overwrite:
            os.replace(temp, target)
        else:
            _link_no_clobber(temp, target)
    except FileExistsError:
        raise DocgenError.one("文件已存在", file=str(target), hint="使用 --force 覆盖") from None
    except OSError as exc:
        raise refusal(exc, target, "写入文件") from None
    _fsync_dir(target.parent)


def _link_no_clobber(temp: Path, target: Path) -> None:
    """Put temp at target only if target does not exist, without a check-then-write race."""
    try:
        os.link(temp, target)  # fails with FileExistsError if target exists
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network shares): check, then rename
        if os.path.lexists(target):
            raise FileExistsError(str(target)) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def _real_target(path: Path) -> Path:
    """Where the bytes go: a symbolic link is written through (it stays a link to the new
    file); a device, FIFO or socket is refused, since renaming over it would replace it."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if os.path.lexists(path) and not path.is_file() and not path.is_dir():
        raise DocgenError.one("目标不是普通文件（设备、管道或套接字），不写入", file=str(path))
    return path


def write_atomic(path: Path | str, data: bytes | str, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (str as UTF-8).

    With ``overwrite=False`` an existing file is left alone and DocgenError is raised.
    OS errors become DocgenError with a Chinese message naming the file.
    """
    target = _real_target(Path(path))
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if not overwrite and os.path.lexists(target):  # fail early; _commit re-checks
        raise DocgenError.one("文件已存在", file=str(target), hint="使用 --force 覆盖")
    temp = _temp_in(target)
    try:
        try:
            with open(temp, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise refusal(exc, target, "写入文件") from None
        _commit(temp, target, overwrite)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


@contextlib.contextmanager
def atomic_path(path: Path | str, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` when the body succeeds.

    The temporary file exists (empty) when the body starts; the body may overwrite or
    replace it. If the body raises, the temporary file is deleted and ``path`` is untouched.
    """
    target = _real_target(Path(path))
    if not overwrite and os.path.lexists(target):
        raise DocgenError.one("文件已存在", file=str(target), hint="使用 --force 覆盖")
    temp = _temp_in(target)
    try:
        yield temp
        if not temp.exists():
            raise DocgenError.one("没有生成输出文件", file=str(target))
        _commit(temp, target, overwrite)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
