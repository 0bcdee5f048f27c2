"""parse_file: an archived 纪要 (.txt, .pdf, .docx) → Minutes and warnings.

Every refusal is a DocgenError in Chinese naming the file: empty, binary, too large
(over 50 MB), not minutes at all, a damaged or hostile container.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DocgenError, Problem
from ..model.minutes import Minutes
from ..model.source import decode
from .limits import MAX_INPUT_BYTES, check_size, read_bytes, too_big
from .published import Published, published_from

# Control characters and bidirectional overrides in a copied text are never the minutes'
# text: they would reach the YAML (which check then refuses) and the terminal (ESC sequences).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TEXT_SUFFIXES = {".txt", ".text", ".htm", ".html", ".md"}
SUFFIXES = (".txt", ".pdf", ".docx")


def decode_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if data[:5] == b"%PDF-" or data[:4] == b"PK\x03\x04":
        kind = "PDF" if data[:1] == b"%" else "DOCX/ZIP"
        raise DocgenError.one(f"这是 {kind} 文件，不是文本", file=name, hint="请使用 .pdf 或 .docx 扩展名")
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) // 100 + 1:
        raise DocgenError.one("这是二进制文件，不是文本", file=name,
                              hint="docgen parse 读取 .txt（UTF-8/GBK 文本）、.pdf 和 .docx")
    text = CONTROLS.sub("", decode(data, name))
    if not text.strip():
        raise DocgenError.one("文件是空的", file=name)
    return text


def parse_text(text: str, name: str = "<文本>", *, published: Published | None = None,
               profile: str | None = None) -> tuple[Minutes, list[Problem]]:
    """Minutes from text already decoded. Control characters are dropped here, not only by
    ``decode_text``: a caller's text (a paste, a test) with a stray U+0008 would otherwise
    reach the YAML, which ``check`` then refuses. ``published`` is what the archivist knows
    of the copy's publication (see ``published.py``), for a text that leaves out its year;
    ``profile`` the office's profile the archivist names, where the issuer would not find it."""
    from .structure import build_minutes
    from .text import text_paragraphs
    paras, notes = text_paragraphs(CONTROLS.sub("", text))
    if not paras:
        raise DocgenError.one("文件中没有文字", file=name)
    return build_minutes(paras, name, _outside(published, profile), notes=notes)


def _outside(published: Published | None, profile: str | None) -> dict:
    """The clues from outside the text, as the parser's hints carry them."""
    return {key: value for key, value in (("published", published), ("profile", profile)) if value}


_READER_ERRORS: tuple[type[BaseException], ...] = (
    MemoryError, RecursionError, ValueError, KeyError, IndexError, TypeError, RuntimeError,
    OSError, AttributeError)


@contextmanager
def damaged_is_refused(name: str, kind: str) -> Iterator[None]:
    """A container the reader chokes on (a page tree that loops, a count of a billion pages,
    an attribute that is no number) is a damaged file to the user, not a crash."""
    errors = _READER_ERRORS
    if kind == "PDF":      # MuPDF's own errors are no RuntimeError; ~0.2 s to import
        from pymupdf.mupdf import FzErrorBase
        errors += (FzErrorBase,)
    try:
        yield
    except DocgenError:
        raise
    except errors as exc:
        raise DocgenError.one(f"无法读取这个 {kind} 文件：文件已损坏或结构异常（{type(exc).__name__}）",
                              file=name) from None


def parse_bytes(data: bytes, suffix: str, name: str, *, published: Published | None = None,
                profile: str | None = None) -> tuple[Minutes, list[Problem]]:
    suffix = suffix.lower()
    if len(data) > MAX_INPUT_BYTES:
        raise too_big(len(data), name)
    if not data.strip():
        raise DocgenError.one("文件是空的", file=name)
    if suffix == ".pdf":
        from .pdf import parse_pdf_bytes
        with damaged_is_refused(name, "PDF"):
            return parse_pdf_bytes(data, name, _outside(published, profile))
    if suffix == ".docx":
        from .docx import parse_docx_bytes
        with damaged_is_refused(name, "DOCX"):
            return parse_docx_bytes(data, name, _outside(published, profile))
    if suffix in TEXT_SUFFIXES or suffix == "":
        return parse_text(decode_text(data, name), name, published=published, profile=profile)
    raise DocgenError.one(f"不支持的文件类型“{suffix}”", file=name,
                          hint="docgen parse 读取 .txt、.pdf 和 .docx")


def parse_file(path: Path | str, *, published: Published | None = None,
               profile: str | None = None) -> tuple[Minutes, list[Problem]]:
    """Read an archived 纪要 and return the minutes and the warnings met on the way."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | {".pdf", ".docx", ""}:
        raise DocgenError.one(f"不支持的文件类型“{path.suffix}”", file=name,
                              hint="docgen parse 读取 .txt、.pdf 和 .docx")
    if suffix == ".docx":
        check_size(path)
        from .docx import parse_docx_path
        with damaged_is_refused(name, "DOCX"):
            return parse_docx_path(path, name, _outside(published, profile))
    data = read_bytes(path)
    return parse_bytes(data, suffix, name, published=published, profile=profile)


def is_yaml(path: Path | str) -> bool:
    return os.path.splitext(str(path))[1].lower() in (".yaml", ".yml")


# ---------------------------------------------------------------------- the command


def cmd_parse(input_path: str | Path, output: str | Path | None = None, *, force: bool = False,
              published: str | None = None, profile: str | None = None, out=None, err=None) -> int:
    """``docgen parse INPUT -o OUT.yaml``: warnings on stderr; YAML to OUT (or stdout).

    Exit 0 when minutes were produced (warnings or not), 2 when the input is not minutes or
    cannot be read, or OUT exists and ``force`` is not given (an archivist's corrections in
    an earlier parse are never overwritten by accident). OUT is written atomically.
    """
    import sys

    from ..atomic import write_atomic
    from ..model.dump import dump
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        if output is not None and str(output) != "-":
            if Path(output).resolve() == Path(input_path).resolve():
                raise DocgenError.one("输出文件就是输入文件，不会覆盖原件", file=str(output),
                                      hint="给读出的 YAML 另起一个名字（-o 名字.yaml）")
            if not force and Path(output).exists():
                raise DocgenError.one("文件已存在，未覆盖", file=str(output), hint="使用 --force 覆盖")
        given = published_from(published) if published else None
        if profile:
            from ..model.profile import load_profile
            load_profile(profile)            # a name that is no profile is refused before any work
        minutes, problems = parse_file(input_path, published=given, profile=profile)
        for problem in problems:
            print(f"警告：{problem}", file=err)
        text = dump(minutes, header=f"由 docgen parse 从 {Path(input_path).name} 读出；请核对后使用。")
        if output is None or str(output) == "-":
            out.write(text)
            out.flush()
        else:
            write_atomic(output, text, overwrite=force)
            print(f"已写入 {output}（{len(minutes.topics)} 个议题，{len(problems)} 条警告）", file=err)
    except DocgenError as exc:
        for problem in exc.problems or [Problem("输入有误", file=str(input_path))]:
            print(f"错误：{problem}", file=err)
        return 2
    return 0
