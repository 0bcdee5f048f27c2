"""An office's own Word file (``profile.docx_template``) as the base of docgen's DOCX.

Offices have a reference document: their style names (正文-仿宋), fonts, theme and a
letterhead in the page header. docgen starts from it instead of python-docx's blank
document, and keeps what makes it the office's file, but not what would move a line:

* the page (size, margins, line grid), the numbering, the 版头 and the 版记's place stay
  GB/T 9704's, as ``grid`` sets them; every way the template departs from them is a
  warning that says what the template sets, what the rule is and where it is written;
* a style the profile maps (``docx_styles: {正文: 正文-仿宋}``) keeps its name and id
  (a clerk's style list still shows 正文-仿宋) and its East Asian font, and gets
  docgen's grid properties; what that changed is reported too;
* the headers' ``{{ placeholders }}`` and the template's own 版记 rows are filled in the
  sandbox (``render.sandbox.fill``); the 版记 is printed from the draft, as in the PDF,
  and a template row that says otherwise is reported.

The file is read with the parser's limits (``parse.docx.check_zip``): an office's file may
come from anywhere, like an archived 纪要.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from docx.oxml.ns import qn

from ...errors import DocgenError, Problem
from ...gbt9704 import CLAUSE, GRID, PAGE, SIZE_PT, STANDARD, TOLERANCE, pt_to_mm
from ...layout.blocks import Block, Document
from ...model.profile import Profile
from . import grid
from .styles import (KIND_STYLES, NS, StyleSpec, east_asian_font, inherited, spec_for_block,
                     style_element)

FIELD = "docx_template"
WHITE = re.compile(r"[\s\u3000]+")
DISTRIBUTION_ROW = re.compile(r"^(分送|抄送|主送)[：:]")
APPLIED = "已按标准排版"


@dataclass
class Reference:
    """The template's bytes (each build opens its own copy), the styles the profile maps
    to it, and the conformance report."""

    name: str
    data: bytes
    styles: dict[str, str] = field(default_factory=dict)     # docgen name → template style id
    warnings: list[Problem] = field(default_factory=list)


def load_reference(path: Path, profile: Profile, doc: Document,
                   context: Mapping[str, Any]) -> Reference:
    """The template, checked: a DocgenError naming the file if it cannot be used."""
    name = str(path)
    data = read_template(path)
    document, data = open_template(data, name)
    styles = mapped_styles(document, profile)
    ref = Reference(name, data, styles)
    ref.warnings += page_report(document, name)
    ref.warnings += section_report(document, name)
    ref.warnings += letterhead_report(document, name)
    ref.warnings += style_report(document, styles, doc, profile, name)
    ref.warnings += colophon_report(document, doc, context, name)
    fill_headers(document, context, name)      # a bad placeholder fails here, before any output
    return ref


def fill_headers(document, context: Mapping[str, Any], name: str) -> None:
    """Every page header's placeholders filled in place (the letterhead)."""
    from ...parse.docx import header_parts
    for part in header_parts(document):
        for p in part.element.iter(qn("w:p")):
            fill_paragraph(p, context, name, "Word 模板的页眉")


def read_template(path: Path) -> bytes:
    """The file's bytes, with the parser's size limit (the zip itself is checked next)."""
    from ...parse.limits import read_bytes
    if not path.exists():
        raise DocgenError.one("找不到 Word 模板", file=str(path), path=FIELD,
                              hint="检查版式的 docx_template 或 --docx-template（相对版式文件所在的文件夹）")
    try:
        return read_bytes(path)
    except DocgenError as exc:
        raise as_template_error(exc) from None


def open_template(data: bytes, name: str) -> tuple[Any, bytes]:
    """python-docx's document of the bytes, after the parser's zip checks, and the bytes
    (a Word template, .dotx, as the document it makes)."""
    from ...parse.docx import check_zip, open_docx
    try:
        check_zip(data, name)
        data = as_document(data, name)
        return open_docx(data, name), data
    except DocgenError as exc:
        raise as_template_error(exc) from None


DOTX = b"wordprocessingml.template.main+xml"
DOCX = b"wordprocessingml.document.main+xml"


def as_document(data: bytes, name: str) -> bytes:
    """A .dotx is a .docx but for its main part's content type, which python-docx refuses:
    the type is changed in a copy (the zip was checked, so its sizes are bounded)."""
    try:
        return _retyped(data)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DocgenError.one(f"DOCX 文件已损坏（{exc}）", file=name) from None


def _retyped(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        try:
            types = z.read("[Content_Types].xml")
        except KeyError:
            return data
        if DOTX not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in z.infolist():
                body = z.read(info)
                copy.writestr(info, types.replace(DOTX, DOCX) if info.filename ==
                              "[Content_Types].xml" else body)
    return out.getvalue()


def as_template_error(exc: DocgenError) -> DocgenError:
    """The reader's words about an input file, said of the Word template."""
    for problem in exc.problems:
        problem.message = "Word 模板：" + problem.message
        problem.path = problem.path or FIELD
    return exc


# -- styles ---------------------------------------------------------------------------------

def docgen_style_names() -> list[str]:
    return list(dict.fromkeys(name for name, _, _ in KIND_STYLES.values()))


def mapped_styles(document, profile: Profile) -> dict[str, str]:
    """``docx_styles`` as docgen name → the template's paragraph style id, checked."""
    by_name = {}
    for el in document.styles.element.findall(qn("w:style")):
        name = el.find(qn("w:name"))
        if el.get(qn("w:type")) == "paragraph" and name is not None:
            by_name[name.get(qn("w:val"))] = el.get(qn("w:styleId"))
    known = docgen_style_names()
    out = {}
    for ours, theirs in profile.docx_styles.items():
        where = {"file": profile.source, "path": f"docx_styles.{ours}"}
        if ours not in known:
            raise DocgenError.one(f"docgen 没有名为“{ours}”的样式", **where,
                                  hint="可用：" + "、".join(known))
        found = by_name.get(theirs) or by_name.get(BUILT_IN.get(theirs, ""))
        if found is None:
            raise DocgenError.one(f"Word 模板中没有名为“{theirs}”的段落样式", **where,
                                  hint="在 Word 的“样式”窗格中核对模板的样式名")
        out[ours] = found
    return out


# Chinese Word shows its built-in styles by these names; the file keeps the English ones.
BUILT_IN = {"正文": "Normal", **{f"标题 {n}": f"heading {n}" for n in range(1, 10)}}


def first_blocks(doc: Document) -> dict[str, Block]:
    """For each docgen style name, the first block set in it: its style is made from it."""
    out: dict[str, Block] = {}
    for block in doc.body + doc.colophon:
        out.setdefault(spec_for_block(block).name, block)
    return out


def style_report(document, styles: dict[str, str], doc: Document, profile: Profile,
                 name: str) -> list[Problem]:
    """What docgen changes in each mapped style, and the rule it follows; and the fonts it
    keeps that are not the kind GB/T 9704 asks for there."""
    blocks = first_blocks(doc)
    problems = []
    for ours, style_id in styles.items():
        block = blocks.get(ours)
        if block is None:
            continue
        spec = spec_for_block(block)
        problems += _style_changes(document, style_id, ours, spec, name)
        problems += _font_kind(document, style_id, ours, spec, profile, name)
    return problems


def _font_kind(document, style_id: str, ours: str, spec: StyleSpec, profile: Profile,
               name: str) -> list[Problem]:
    """The template's Chinese font is kept; say so when it is another kind of face."""
    from ...audit.faces import face_kind
    theirs = east_asian_font(document, style_id)
    wanted = getattr(profile.fonts, spec.role)
    if theirs is None or face_kind(theirs) == face_kind(wanted):
        return []
    shown = style_element(document, style_id).find(qn("w:name")).get(qn("w:val"))
    return [Problem(
        f"Word 模板的样式“{shown}”用{face_kind(theirs)}（{theirs}），docgen 在此用"
        f"{face_kind(wanted)}（{wanted}，{STANDARD} {CLAUSE['fonts']}、{CLAUSE['headings']}）；"
        f"保留了模板的字体", file=name, path=f"docx_styles.{ours}")]


def _style_changes(document, style_id: str, ours: str, spec: StyleSpec, name: str
                   ) -> list[Problem]:
    el = style_element(document, style_id)
    shown = el.find(qn("w:name")).get(qn("w:val"))
    where = {"file": name, "path": f"docx_styles.{ours}"}
    problems = []
    size = number(inherited(document, style_id, "w:rPr/w:sz", "val"))
    want = spec.half_points / 2
    rule = "fonts" if spec.half_points == grid.BODY_HALF_POINTS else "colophon"
    named = next((f"{n}字（{want:g} 磅）" for n, v in SIZE_PT.items() if v == want), f"{want:g} 磅")
    if size != spec.half_points:
        got = f"{size / 2:g} 磅" if size else "未设置"
        problems.append(Problem(
            f"Word 模板的样式“{shown}”字号为 {got}，{STANDARD} {CLAUSE[rule]} 规定"
            f"{'版记' if rule == 'colophon' else '正文'}用{named}；"
            f"已改为 {want:g} 磅", **where))
    line = _line_text(document, style_id)
    if line != _exact(spec.line):
        problems.append(Problem(
            f"Word 模板的样式“{shown}”行距为{line}，{STANDARD} {CLAUSE['grid']} 规定每面排 "
            f"{GRID.lines} 行（行距{_exact(grid.LINE)}）；已改为{_exact(spec.line)}", **where))
    others = _other_changes(document, style_id, spec)
    if others:
        problems.append(Problem(
            f"已按 {STANDARD} {CLAUSE['grid']} 的 {GRID.lines} 行 × {GRID.chars} 字网格调整样式"
            f"“{shown}”的" + "、".join(others), **where))
    return problems


def _exact(twips_value: int) -> str:
    return f"固定值 {twips_value / 20:g} 磅"


def _line_text(document, style_id: str) -> str:
    line = number(inherited(document, style_id, "w:pPr/w:spacing", "line"))
    rule = inherited(document, style_id, "w:pPr/w:spacing", "lineRule") or "auto"
    if line is None:
        return "单倍行距"
    if rule == "auto":
        return f" {line / 240:g} 倍行距"
    return f"{'固定值' if rule == 'exact' else '最小值'} {line / 20:g} 磅"


def _other_changes(document, style_id: str, spec: StyleSpec) -> list[str]:
    """The grid properties besides size and line that the template sets otherwise."""
    changes = []
    ind = {a: number(inherited(document, style_id, "w:pPr/w:ind", a)) or 0
           for a in ("left", "right", "firstLine", "hanging", "firstLineChars", "leftChars")}
    first = -ind["hanging"] if ind["hanging"] else ind["firstLine"]
    if (ind["left"], ind["right"], first) != (spec.left, spec.right, spec.first) \
            or ind["firstLineChars"] or ind["leftChars"]:
        changes.append("缩进")
    spacing = number(inherited(document, style_id, "w:rPr/w:spacing", "val")) or 0
    if spacing != spec.char_spacing:
        changes.append(f"字距（{GRID.chars} 字一行）")
    snap = inherited(document, style_id, "w:pPr/w:snapToGrid", "val")
    if (snap not in ("0", "false", "off")) != spec.snap:
        changes.append("对齐网格")
    return changes


# -- page setup -----------------------------------------------------------------------------

def page_report(document, name: str) -> list[Problem]:
    """The template's page against §5.2.1 and §5.2.3; docgen's page is used either way."""
    sectPr = document.element.body.find(qn("w:sectPr"))
    if sectPr is None:
        return []
    problems = []
    size = sectPr.find(qn("w:pgSz"))
    if size is not None:
        problems += _paper(size, name)
    margins = sectPr.find(qn("w:pgMar"))
    if margins is not None:
        problems += _margins(margins, name)
    pitch = sectPr.find(qn("w:docGrid"))
    value = number(pitch.get(qn("w:linePitch"))) if pitch is not None else None
    if value is not None and abs(value - grid.LINE) > 1:
        problems.append(Problem(
            f"Word 模板的文档网格行距为 {value / 20:g} 磅，{STANDARD} {CLAUSE['grid']} 规定"
            f"每面排 {GRID.lines} 行（版心高 {PAGE.body_height_mm:g} mm，行距 {grid.LINE / 20:g} 磅）；"
            f"{APPLIED}", file=name, path=FIELD))
    return problems


# -- the letterhead's height ----------------------------------------------------------------

EMU_PER_TWIP = 635
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NATURAL_LINE = 1.3          # a CJK face's line, ascent + descent, in em (an estimate)


def letterhead_report(document, name: str) -> list[Problem]:
    """A header taller than the 天头 leaves pushes the body down in Word, WPS and
    LibreOffice (measured: four lines of letterhead moved every body line): say so, with
    the header's height as docgen's styles will make it (an estimate)."""
    from ...parse.docx import header_parts
    sectPr = document.element.body.find(qn("w:sectPr"))
    margins = sectPr.find(qn("w:pgMar")) if sectPr is not None else None
    theirs = number(margins.get(qn("w:header"))) if margins is not None else None
    distance = theirs if theirs is not None and 0 <= theirs < grid.TOP else grid.TOP // 2
    tallest = max((_block_height(document, part.element) for part in header_parts(document)),
                  default=0)
    if distance + tallest <= grid.TOP:
        return []
    return [Problem(
        f"Word 模板的页眉距页面顶端 {pt_to_mm(distance / 20):.0f} mm，约高 "
        f"{pt_to_mm(tallest / 20):.0f} mm，超出天头 {PAGE.top_mm:g} mm，会把正文下推，正文行不在 "
        f"{STANDARD} {CLAUSE['page']} 的位置上", file=name, path=FIELD,
        hint="在模板中减少页眉的行数或字号，或减小“页眉距边界”")]


def _block_height(document, container) -> int:
    """Twips that the paragraphs and tables directly in ``container`` take, stacked."""
    height = 0
    for child in container:
        if child.tag == qn("w:p"):
            height += _paragraph_height(document, child)
        elif child.tag == qn("w:tbl"):
            for tr in child.findall(qn("w:tr")):
                height += max((_block_height(document, tc) for tc in tr.findall(qn("w:tc"))),
                              default=0)
    return height


def _paragraph_height(document, p) -> int:
    style = p.find("w:pPr/w:pStyle", NS)
    style_id = style.get(qn("w:val")) if style is not None else None
    spacing = p.find("w:pPr/w:spacing", NS)

    def spaced(attr: str) -> str | None:
        if spacing is not None and spacing.get(qn(f"w:{attr}")) is not None:
            return spacing.get(qn(f"w:{attr}"))
        return inherited(document, style_id, "w:pPr/w:spacing", attr, own_only=True)

    sizes = [number(sz.get(qn("w:val"))) or 0 for sz in p.iter(qn("w:sz"))]
    sizes.append(number(inherited(document, style_id, "w:rPr/w:sz", "val", own_only=True))
                 or grid.BODY_HALF_POINTS)
    images = [(number(e.get("cy")) or 0) // EMU_PER_TWIP for e in p.iter(f"{{{WP}}}extent")
              if e.getparent().tag == f"{{{WP}}}inline"]
    natural = max([round(max(sizes) * 10 * NATURAL_LINE)] + images)
    line, rule = number(spaced("line")), spaced("lineRule") or "auto"
    if line is None:
        height = grid.LINE                        # docgen's default: one exact grid line
    elif rule == "exact":
        height = line
    elif rule == "atLeast":
        height = max(line, natural)
    else:
        height = round(natural * line / 240)
    return height + (number(spaced("before")) or 0) + (number(spaced("after")) or 0)



# Section settings the GB/T page has no place for: dropped by the builder, reported here.
SECTION_EXTRAS = {"cols": "分栏", "pgNumType": "页码格式或起始页码", "lnNumType": "行号",
                  "vAlign": "页面垂直对齐", "textDirection": "文字方向", "pgBorders": "页面边框"}
SETTINGS_EXTRAS = {"mirrorMargins": "对称页边距", "gutterAtTop": "装订线在顶端",
                   "bookFoldPrinting": "书籍折页"}


def section_report(document, name: str) -> list[Problem]:
    sectPr = document.element.body.find(qn("w:sectPr"))
    found = [label for tag, label in SECTION_EXTRAS.items()
             if sectPr is not None and sectPr.find(qn(f"w:{tag}")) is not None
             and not (tag == "cols" and (number(sectPr.find(qn("w:cols")).get(qn("w:num"))) or 1) <= 1)]
    settings = document.settings.element
    found += [label for tag, label in SETTINGS_EXTRAS.items()
              if settings.find(qn(f"w:{tag}")) is not None]
    if not found:
        return []
    return [Problem(f"Word 模板设置了{'、'.join(found)}，{STANDARD} {CLAUSE['page']} 的版面没有这些设置；"
                    f"已取消", file=name, path=FIELD)]


def number(value: str | None) -> int | None:
    """A whole number of the template's XML, or None: an office's file may say anything."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _mm(el, attr: str) -> float | None:
    value = number(el.get(qn(f"w:{attr}")))
    return pt_to_mm(value / 20) if value is not None else None


def _paper(size, name: str) -> list[Problem]:
    w, h = _mm(size, "w"), _mm(size, "h")
    if w is None or h is None:
        return []
    if abs(w - PAGE.width_mm) <= TOLERANCE.paper_mm and abs(h - PAGE.height_mm) <= TOLERANCE.paper_mm:
        return []
    return [Problem(f"Word 模板的纸张为 {w:.0f} mm × {h:.0f} mm，{STANDARD} {CLAUSE['page']} 规定用 A4"
                    f"（{PAGE.width_mm:g} mm × {PAGE.height_mm:g} mm）；{APPLIED}",
                    file=name, path=FIELD)]


def _margins(margins, name: str) -> list[Problem]:
    rules = {
        "top": ("上边距", PAGE.top_mm, f"天头 {PAGE.top_mm:g} mm"),
        "left": ("左边距", PAGE.left_mm, f"订口 {PAGE.left_mm:g} mm"),
        "bottom": ("下边距", PAGE.bottom_mm,
                   f"版心高 {PAGE.body_height_mm:g} mm，下边距即 {PAGE.bottom_mm:g} mm"),
        "right": ("右边距", PAGE.right_mm,
                  f"版心宽 {PAGE.body_width_mm:g} mm，右边距即 {PAGE.right_mm:g} mm"),
    }
    problems = []
    for attr, (label, want, rule) in rules.items():
        got = _mm(margins, attr)
        if got is not None and abs(got - want) > TOLERANCE.margin_mm:
            problems.append(Problem(
                f"Word 模板的{label}为 {got:.0f} mm，{STANDARD} {CLAUSE['page']} 规定{rule}"
                f" ± {TOLERANCE.margin_mm:g} mm；{APPLIED}", file=name, path=FIELD))
    return problems


# -- placeholders ---------------------------------------------------------------------------

def fill_text(text: str, context: Mapping[str, Any], name: str, where: str) -> str:
    """A template text filled in the sandbox; what goes wrong is the template's, in Chinese.
    (Jinja is imported here: a render without a template never needs it.)"""
    if "{" not in text:
        return text
    import jinja2
    from ..sandbox import fill
    try:
        return fill(text, context)
    except jinja2.exceptions.SecurityError as exc:
        message = f"{where}中的占位符试图执行不安全或过大的操作，已阻止：{exc}"
    except jinja2.TemplateSyntaxError as exc:
        message = f"{where}中的占位符写法有误：{exc.message}"
    except jinja2.UndefinedError as exc:
        message = f"{where}中有不认识的占位符：{exc.message}"
    except jinja2.TemplateError as exc:
        message = f"{where}中的占位符出错：{exc}"
    except (RecursionError, ArithmeticError, TypeError, ValueError, LookupError,
            AttributeError, MemoryError) as exc:
        message = f"{where}中的占位符出错：{type(exc).__name__}: {exc}"
    raise DocgenError.one(message, file=name, path=FIELD,
                          hint="可用的占位符见 docgen templates --placeholders")


def text_runs(p) -> list:
    """The paragraph's own runs that carry text: a run holding a logo is left alone, and
    so is a text box's paragraph inside it (it is filled as a paragraph of its own)."""
    return [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None
            and next(r.iterancestors(qn("w:p")), None) is p]


def paragraph_text(p) -> str:
    return "".join(t.text or "" for r in text_runs(p) for t in r.iter(qn("w:t")))


def fill_paragraph(p, context: Mapping[str, Any], name: str, where: str) -> None:
    """Fill a paragraph's placeholders in place.

    Word splits ``{{ session }}`` over runs as it likes (a spell-check mark, an edit), so
    the runs' text is joined, filled, and written in the first run; the others lose their
    text and keep everything else.
    """
    text = paragraph_text(p)
    if "{" not in text:
        return
    filled = fill_text(text, context, name, where)
    runs = text_runs(p)
    first = True
    for r in runs:
        for t in r.findall(qn("w:t")):
            if first:
                t.text = filled
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                first = False
            else:
                r.remove(t)
        if all(child.tag == qn("w:rPr") for child in r):
            r.getparent().remove(r)            # nothing left but its properties


# -- the template's 版记 --------------------------------------------------------------------

def template_colophon_rows(document) -> list[str]:
    """The rows of the template's 版记 (a body table whose text has 印发), as text."""
    for tbl in document.element.body.findall(qn("w:tbl")):
        rows = []
        for tr in tbl.iter(qn("w:tr")):
            parts = []
            for p in tr.iter(qn("w:p")):
                parts.append(paragraph_text(p))
            rows.append("".join(parts))
        if any("印发" in row for row in rows):
            return rows
    return []


def colophon_report(document, doc: Document, context: Mapping[str, Any],
                    name: str) -> list[Problem]:
    """The template's 版记 rows, filled, against the 版记 docgen prints from the draft."""
    ours = {block.kind: _plain(block.text) for block in doc.colophon}
    problems = []
    for number, row in enumerate(template_colophon_rows(document), 1):
        if not row.strip():
            continue
        where = f"Word 模板版记第 {number} 行"
        text = fill_text(row, context, name, where)
        kind = "distribution" if DISTRIBUTION_ROW.match(text.strip()) else \
            "printed" if text.strip().endswith("印发") else None
        if kind is None:
            problems.append(Problem(
                f"{where}“{text.strip()}”既不是分送（抄送）行，也不是印发行，未印出；"
                f"版记按草稿印出（{STANDARD} {CLAUSE['colophon']}）", file=name, path=FIELD))
        elif ours.get(kind) is None:
            problems.append(Problem(
                f"{where}为“{text.strip()}”，草稿中没有这一项，未印出；版记按草稿印出",
                file=name, path=FIELD))
        elif _plain(text) != ours[kind]:
            problems.append(Problem(
                f"{where}为“{text.strip()}”，与草稿不同（草稿为“{ours[kind]}”）；版记按草稿印出，"
                f"PDF 与 DOCX 相同", file=name, path=FIELD))
    return problems


def _plain(text: str) -> str:
    return WHITE.sub("", text).replace(":", "：")


__all__ = ["Reference", "fill_headers", "load_reference"]
