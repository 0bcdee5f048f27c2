"""Small WordprocessingML helpers for what python-docx's API does not reach.

Like python-docx's own ``oxml`` package this layer knows elements and attributes and
nothing about minutes: East Asian fonts (``w:rFonts/@w:eastAsia``), the section grid
(``w:docGrid``), paragraph borders, floating-table properties, PAGE fields, the CJK
line-breaking switches and the schema order of children. The document builder
(``builder.py``) and the styles (``styles.py``) call these; nothing here reads a
number of GB/T 9704 — callers pass twips, half-points and eighths of a point.

Word refuses a file whose property children are out of schema order, so every child is
placed with :func:`set_child`, which inserts it before the first successor in the
sequence of its parent (CT_PPrBase, CT_RPr, CT_SectPr, CT_TblPr below).
"""

from __future__ import annotations

from typing import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# --- schema order of the property elements we write -------------------------------------

PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange")
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath")
SECTPR_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange")
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook")
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark")
TRPR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
              "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")
BORDER_ORDER = ("top", "left", "bottom", "right", "between", "bar", "insideH", "insideV")
ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECTPR_ORDER, "tblPr": TBLPR_ORDER,
          "tcPr": TCPR_ORDER, "trPr": TRPR_ORDER, "pBdr": BORDER_ORDER,
          "tblBorders": BORDER_ORDER, "tcBorders": BORDER_ORDER}


def local(el: BaseOxmlElement) -> str:
    return el.tag.rsplit("}", 1)[-1]


def element(tag: str, **attrs: object) -> BaseOxmlElement:
    """``element("spacing", line=579, lineRule="exact")`` → ``<w:spacing w:line="579" …/>``."""
    el = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        if value is not None:
            el.set(qn(f"w:{name}"), _str(value))
    return el


def _str(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def set_child(parent: BaseOxmlElement, tag: str, **attrs: object) -> BaseOxmlElement:
    """Replace (or add) the child ``w:tag`` of ``parent`` in schema order; returns it."""
    order = ORDERS[local(parent)]
    old = parent.find(qn(f"w:{tag}"))
    new = element(tag, **attrs)
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
        return new
    successors = order[order.index(tag) + 1:]
    for child in parent:
        if local(child) in successors:
            child.addprevious(new)
            return new
    parent.append(new)
    return new


def get_or_add(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    found = parent.find(qn(f"w:{tag}"))
    return found if found is not None else set_child(parent, tag)


def remove_children(parent: BaseOxmlElement, tag: str) -> None:
    for child in parent.findall(qn(f"w:{tag}")):
        parent.remove(child)


# --- run properties ---------------------------------------------------------------------

def set_fonts(rPr: BaseOxmlElement, east_asian: str, latin: str) -> None:
    """Chinese text in ``east_asian``, Latin letters and digits in ``latin``.

    ``w:hint="eastAsia"`` makes Word draw the characters both scripts share (quotes “”,
    dashes —, ·, …) with the East Asian font, so they keep their full-width Chinese forms.
    No ``*Theme`` attribute is written: a theme font would override the names.
    """
    set_child(rPr, "rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asian, cs=latin,
              hint="eastAsia")


def set_size(rPr: BaseOxmlElement, half_points: int) -> None:
    set_child(rPr, "sz", val=half_points)
    set_child(rPr, "szCs", val=half_points)


def set_color(rPr: BaseOxmlElement, hex_rgb: str) -> None:
    set_child(rPr, "color", val=hex_rgb.lstrip("#").upper())


def set_char_spacing(rPr: BaseOxmlElement, twips_value: int) -> None:
    """``w:spacing`` in a run: space added after every character, in twips (may be < 0)."""
    set_child(rPr, "spacing", val=twips_value)


def set_scale(rPr: BaseOxmlElement, percent: int) -> None:
    """Horizontal glyph scaling (``w:w``), 1–600 %."""
    set_child(rPr, "w", val=max(1, min(600, percent)))


def set_lang(rPr: BaseOxmlElement, east_asian: str = "zh-CN", latin: str = "en-US") -> None:
    set_child(rPr, "lang", val=latin, eastAsia=east_asian, bidi="ar-SA")


def set_run_snap(rPr: BaseOxmlElement, on: bool) -> None:
    set_child(rPr, "snapToGrid", val=on)


def set_kern(rPr: BaseOxmlElement, half_points: int) -> None:
    set_child(rPr, "kern", val=half_points)


# --- paragraph properties ---------------------------------------------------------------

def set_line_exact(pPr: BaseOxmlElement, line: int, before: int = 0, after: int = 0) -> None:
    """Exact line height and space before/after, all in twips (no "auto" spacing)."""
    set_child(pPr, "spacing", before=before, after=after, line=line, lineRule="exact",
              beforeAutospacing=0, afterAutospacing=0)


def set_indent(pPr: BaseOxmlElement, left: int = 0, right: int = 0, first: int = 0) -> None:
    """Absolute indents in twips; ``first`` < 0 writes a hanging indent.

    No ``*Chars`` attributes: Word, WPS and LibreOffice disagree on them (leftChars with
    hangingChars in particular), while twips mean the same everywhere.
    """
    attrs: dict[str, object] = {"left": left, "right": right}
    if first >= 0:
        attrs["firstLine"] = first
    else:
        attrs["hanging"] = -first
    set_child(pPr, "ind", **attrs)


def set_jc(pPr: BaseOxmlElement, value: str) -> None:
    """``left`` ``center`` ``right`` ``both`` (justify) or ``distribute``."""
    set_child(pPr, "jc", val=value)


def set_snap_to_grid(pPr: BaseOxmlElement, on: bool) -> None:
    """Off lets a line keep its own height instead of taking whole grid lines."""
    set_child(pPr, "snapToGrid", val=on)


def set_flag(pPr: BaseOxmlElement, tag: str, on: bool) -> None:
    """On/off paragraph switches: kinsoku, overflowPunct, adjustRightInd, keepNext …"""
    set_child(pPr, tag, val=on)


def set_tabs(pPr: BaseOxmlElement, stops: Iterable[tuple[str, int]]) -> None:
    """Tab stops as (alignment, position in twips from the text column's left edge)."""
    tabs = set_child(pPr, "tabs")
    for align, pos in stops:
        tabs.append(element("tab", val=align, pos=pos))


def border(tag: str, eighths: int, color: str = "000000", space: int = 0) -> BaseOxmlElement:
    """A single-line border; width in eighths of a point, ``space`` in points."""
    return element(tag, val="single", sz=eighths, space=space, color=color.lstrip("#").upper())


def set_bottom_border(pPr: BaseOxmlElement, eighths: int, color: str, space_pt: int) -> None:
    pBdr = set_child(pPr, "pBdr")
    pBdr.append(border("bottom", eighths, color, space_pt))


def set_outline_level(pPr: BaseOxmlElement, level: int) -> None:
    set_child(pPr, "outlineLvl", val=level)


# --- fields -----------------------------------------------------------------------------

def field_runs(instruction: str, placeholder: str, rPr: BaseOxmlElement | None = None
               ) -> list[BaseOxmlElement]:
    """A complex field (begin, instruction, separate, cached result, end) as five runs.

    Word and LibreOffice both update ``PAGE`` on every page; the cached result is what a
    reader without field support shows.
    """
    import copy
    runs = []
    parts = [("fldChar", {"fldCharType": "begin"}), ("instrText", instruction),
             ("fldChar", {"fldCharType": "separate"}), ("t", placeholder),
             ("fldChar", {"fldCharType": "end"})]
    for tag, value in parts:
        r = element("r")
        if rPr is not None:
            r.append(copy.deepcopy(rPr))
        if isinstance(value, dict):
            r.append(element(tag, **value))
        else:
            t = element(tag)
            t.text = value
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
        runs.append(r)
    return runs


def page_break_run() -> BaseOxmlElement:
    r = element("r")
    r.append(element("br", type="page"))
    return r


# --- sections ---------------------------------------------------------------------------

def set_page(sectPr: BaseOxmlElement, width: int, height: int, top: int, right: int,
             bottom: int, left: int, header: int, footer: int) -> None:
    set_child(sectPr, "pgSz", w=width, h=height)
    set_child(sectPr, "pgMar", top=top, right=right, bottom=bottom, left=left, header=header,
              footer=footer, gutter=0)


def set_doc_grid(sectPr: BaseOxmlElement, grid_type: str, line_pitch: int,
                 char_space: int | None = None) -> None:
    """``w:docGrid``: ``lines`` (line grid only) or ``linesAndChars``; pitch in twips."""
    set_child(sectPr, "docGrid", type=grid_type, linePitch=line_pitch, charSpace=char_space)


def set_section_start(sectPr: BaseOxmlElement, kind: str) -> None:
    """Where the section begins: ``nextPage``, ``evenPage``, ``oddPage``, ``continuous``."""
    set_child(sectPr, "type", val=kind)


# --- tables -----------------------------------------------------------------------------

def float_table_bottom(tblPr: BaseOxmlElement, x_from_page_edge: int) -> None:
    """Float the table to the bottom of the text area (the 版心), no overlap.

    ``vertAnchor="margin"`` + ``tblpYSpec="bottom"``: its bottom edge sits on the bottom
    margin of the page where its anchor paragraph (the one after it) falls.
    Horizontally it is placed from the page edge (``horzAnchor="page"``, ``tblpX`` = the
    left margin) rather than from the margin: LibreOffice imports a floating table as
    wide as the text area as an ordinary, inline table (its import heuristic floats a
    full-width table only when it is positioned relative to the page), which would put
    the 版记 at the top of the page.
    """
    set_child(tblPr, "tblpPr", leftFromText=0, rightFromText=0, topFromText=0,
              bottomFromText=0, vertAnchor="margin", horzAnchor="page",
              tblpX=x_from_page_edge, tblpYSpec="bottom")
    set_child(tblPr, "tblOverlap", val="never")


def set_table_borders(tblPr: BaseOxmlElement, top: int, inside: int, bottom: int,
                      color: str = "000000") -> None:
    """Rules over, between and under the rows (eighths of a point); no side rules."""
    borders = set_child(tblPr, "tblBorders")
    borders.append(border("top", top, color))
    borders.append(element("left", val="nil"))
    borders.append(border("bottom", bottom, color))
    borders.append(element("right", val="nil"))
    borders.append(border("insideH", inside, color))
    borders.append(element("insideV", val="nil"))


def set_cell_margins(tblPr: BaseOxmlElement, twips_value: int = 0) -> None:
    mar = set_child(tblPr, "tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        mar.append(element(side, w=twips_value, type="dxa"))


# --- settings ---------------------------------------------------------------------------

def add_compat_setting(compat: BaseOxmlElement, name: str, value: str) -> None:
    for old in compat.findall(qn("w:compatSetting")):
        if old.get(qn("w:name")) == name:
            compat.remove(old)
    compat.append(element("compatSetting", name=name,
                          uri="http://schemas.microsoft.com/office/word", val=value))


def set_application(package, app_xml: str) -> None:
    """Replace docProps/app.xml, which python-docx copies from its template unchanged (it
    claimed "Microsoft Macintosh Word", one page, no words). The part is plain bytes to
    python-docx: it has no API for it, so its blob is replaced."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    part = package.part_related_by(RT.EXTENDED_PROPERTIES)
    part._blob = app_xml.encode("utf-8")
