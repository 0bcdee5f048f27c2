"""DOCX → paragraphs (styles, runs) → the structure stage.

The container is checked before python-docx opens it: no file over 50 MB, and no zip
member whose declared uncompressed size, compression ratio or total is absurd — a zip
bomb is refused at once, from the central directory alone. (Python's zipfile never
inflates a member past its declared size, so the declared sizes bound the memory.)

Paragraphs are read in document order, tables (the 版记 is a floating table) included.
Runs give the text: tabs become a U+3000 (the 印发 line's office … date), line breaks
split a paragraph into lines. Numbering that Word draws from numbering.xml instead of
the text gets a marker of its level, so topics and items are still recognised.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Iterator

from ..errors import DocgenError, Problem
from ..model.minutes import Minutes
from ..model.numbering import PRINTED_MARKERS, marker
from .limits import check_sized
from .text import Line, Para, normalize_spaces

MAX_MEMBERS = 3000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 100          # uncompressed / compressed, for members over 1 MB
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A drawing (a text box) is written twice: as DrawingML in mc:Choice and as VML in
# mc:Fallback for older readers; only the first is read.
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def check_zip(source: Path | bytes, name: str) -> None:
    """Refuse what is not a sane DOCX container, reading only the central directory."""
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    check_sized(size, name)
    handle = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")
    try:
        head = handle.read(4)
        handle.seek(0)
        if head != b"PK\x03\x04":
            raise DocgenError.one("这不是 DOCX 文件（不是 ZIP 格式）", file=name,
                                  hint="旧版 Word 的 .doc 请先另存为 .docx")
        try:
            with zipfile.ZipFile(handle) as zf:
                infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise DocgenError.one(f"DOCX 文件已损坏（{exc}）", file=name) from None
    finally:
        handle.close()
    if len(infos) > MAX_MEMBERS:
        raise DocgenError.one(f"DOCX 中有 {len(infos)} 个部件，不像是一份纪要", file=name)
    total = 0
    names = set()
    for info in infos:
        names.add(info.filename)
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise DocgenError.one(
                f"DOCX 中的部件“{info.filename}”解压后有 {info.file_size / 1024 / 1024:.0f} MB"
                f"（压缩比 {ratio:.0f}:1），拒绝读取（疑似 ZIP 炸弹）", file=name)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise DocgenError.one("DOCX 解压后总大小过大，拒绝读取（疑似 ZIP 炸弹）", file=name)
    if "word/document.xml" not in names:
        raise DocgenError.one("这不是 Word 文档（ZIP 中没有 word/document.xml）", file=name)


def open_docx(source: Path | bytes, name: str):
    check_zip(source, name)
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency
        raise DocgenError.one("缺少 python-docx，无法读取 DOCX", file=name, hint="重新运行 make setup") from None
    try:
        return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    except zipfile.BadZipFile:
        raise DocgenError.one("DOCX 文件已损坏（不是完整的 ZIP）", file=name,
                              hint="文件可能不完整（下载或复制时被截断）；请换一份原件") from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many types, in English
        from lxml.etree import XMLSyntaxError
        what = ("其中的 XML 已损坏，或含有不允许的内容（如层层展开的实体）"
                if isinstance(exc, XMLSyntaxError) else "它不是 Word 能打开的文档")
        raise DocgenError.one(f"无法读取 DOCX：{what}", file=name,
                              hint="用 Word 或 WPS 打开后另存为 .docx 再试") from None


def _run_text(p) -> str:
    """The paragraph's visible text: runs, tabs as U+3000, breaks as newlines; no deletions."""
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            # a text box's paragraphs are paragraphs of their own (``paragraph_elements``)
            if not any(_inside(el, t, p) for t in (W + "del", FALLBACK, W + "txbxContent")):
                out.append(el.text or "")
        elif tag == W + "tab" and el.getparent() is not None and el.getparent().tag == W + "r":
            out.append("\u3000")
        elif tag in (W + "br", W + "cr"):
            if el.get(W + "type") not in ("page", "column"):
                out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _inside(el, tag: str, stop=None) -> bool:
    """Whether ``el`` lies inside a ``tag`` element, below ``stop`` when given."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _text_boxes(p) -> Iterator:
    """The paragraphs of the text boxes anchored in paragraph ``p`` (a PDF converted to
    DOCX puts every line in one), each box once and in order."""
    for box in p.iter(W + "txbxContent"):
        if not _inside(box, FALLBACK, p) and not _inside(box, W + "txbxContent", p):
            yield from paragraph_elements(box)


def header_parts(document) -> list:
    """The document's page-header parts (a letterhead): what docgen keeps from an office's
    Word template and what the audit does not take for the document's own lines."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    return [rel.target_part for rel in document.part.rels.values()
            if rel.reltype == RT.HEADER and not rel.is_external]


def paragraph_elements(body) -> Iterator:
    for el in body.iterchildren():
        if el.tag == W + "p":
            yield el
            yield from _text_boxes(el)
        elif el.tag == W + "tbl":
            for tr in el.iter(W + "tr"):
                seen = set()
                for tc in tr.iterchildren(W + "tc"):
                    for p in tc.iter(W + "p"):
                        if id(p) not in seen:
                            seen.add(id(p))
                            yield p
        elif el.tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                yield from paragraph_elements(content)


def docx_paragraphs(document) -> list[Para]:
    styles = {}
    try:
        for style in document.styles:
            styles[style.style_id] = style.name
    except Exception:  # noqa: BLE001 - a damaged styles part only loses names
        pass
    paras: list[Para] = []
    for number, p in enumerate(paragraph_elements(document.element.body), 1):
        text = _run_text(p)
        if not text.strip(" \u3000\n\t"):
            continue
        style_el = p.find(f"{W}pPr/{W}pStyle")
        style = styles.get(style_el.get(W + "val")) if style_el is not None else None
        num = p.find(f"{W}pPr/{W}numPr")
        if num is not None:
            ilvl = num.find(W + "ilvl")
            level = int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
            stripped = text.lstrip(" \u3000")
            if not any(m.match(stripped) for m in PRINTED_MARKERS):
                text = marker(min(level, 3), 1) + stripped
        segments = [s for s in text.split("\n")]
        lines = []
        for k, segment in enumerate(segments):
            clean = normalize_spaces(segment.strip(" \u3000\t"))
            if not clean:
                continue
            lines.append(Line(clean, start=not lines, trail=k == len(segments) - 1))
        if lines:
            lines[-1].trail = True
            paras.append(Para(lines, style=style))
    return paras


def _parse(document, name: str, outside: dict | None) -> tuple[Minutes, list[Problem]]:
    from .structure import build_minutes
    paras = docx_paragraphs(document)
    if not paras:
        raise DocgenError.one("DOCX 中没有文字", file=name)
    try:
        title = document.core_properties.title or ""
    except Exception:  # noqa: BLE001
        title = ""
    return build_minutes(paras, name, {"title": title, **(outside or {})})


def parse_docx_bytes(data: bytes, name: str, outside: dict | None = None) -> tuple[Minutes, list[Problem]]:
    return _parse(open_docx(data, name), name, outside)


def parse_docx_path(path: Path, name: str, outside: dict | None = None) -> tuple[Minutes, list[Problem]]:
    return _parse(open_docx(path, name), name, outside)
