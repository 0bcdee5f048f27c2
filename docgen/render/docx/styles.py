"""Named paragraph styles: one per element of the minutes, so a clerk's edits keep the format.

A clerk who adds a paragraph in Word or WPS picks 正文 or 二级标题 from the style list
and gets the font, size, indents, exact line pitch and the 28-character squeeze; nothing
depends on direct formatting except what differs from the style (a run in 楷体 inside a
仿宋 paragraph, the header's spacing). Every style and every run names its East Asian
font in ``w:eastAsia`` and Times New Roman (the profile's ``latin``) for Latin letters
and digits; ``docDefaults`` carry no theme fonts, so Word's theme cannot replace them.

Style names are the Chinese names clerks use; style ids are ASCII (``Dg…``) so that no
id collides with a built-in one (Word's "Body Text" has the id ``BodyText``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.styles.style import StyleFactory

from ...layout.blocks import Block
from ...model.profile import Profile
from . import grid, oxml

ALIGN = {"justify": "both", "left": "left", "right": "right", "center": "center"}

# How justified body paragraphs are aligned in the DOCX. See ``builder`` (module
# docstring, "Punctuation") for why this is not plain "both".
JUSTIFY = "left"
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style: font role, size, alignment, indents (twips), line and grid."""

    name: str
    style_id: str
    role: str = "fangsong"
    half_points: int = grid.BODY_HALF_POINTS
    align: str = "both"
    left: int = 0
    right: int = 0
    first: int = 0                    # < 0: hanging indent
    line: int = grid.LINE
    before: int = 0                   # space before, twips
    snap: bool = True
    char_spacing: int = grid.CHAR_SPACING
    color: str | None = None
    outline: int | None = None        # outline level (headings show in the navigation pane)
    based_on: str = "Normal"
    flags: tuple[tuple[str, bool], ...] = ()   # (tag, on): keepNext …
    latin_role: str | None = None     # font for Latin/digits; None = the profile's latin


# Block kinds (``layout.blocks``) → (style name, style id, outline level).
KIND_STYLES: dict[str, tuple[str, str, int | None]] = {
    "preamble": ("正文", "DgBody", None),
    "intro": ("正文", "DgBody", None),
    "para": ("正文", "DgBody", None),
    "topic": ("一级标题", "DgHeading1", 0),
    "item1": ("二级标题", "DgHeading2", 1),
    "item2": ("三级标题", "DgHeading3", 2),
    "item3": ("四级标题", "DgHeading4", 3),
    "present": ("出席", "DgPresent", None),
    "on_leave": ("请假", "DgOnLeave", None),
    "attending": ("列席", "DgAttending", None),
    "attending-units": ("列席单位", "DgAttendingUnits", None),
    "representatives": ("列席代表", "DgRepresentatives", None),
    "recorder": ("记录", "DgRecorder", None),
    "compiled-by": ("整理", "DgCompiledBy", None),
    "compiled-date": ("整理日期", "DgCompiledDate", None),
    "disclosure": ("附注", "DgDisclosure", None),
    "distribution": ("分送", "DgDistribution", None),
    "printed": ("印发", "DgPrinted", None),
}


def base_role(block: Block) -> str:
    """The paragraph's font: the role that sets most of its characters."""
    count: dict[str, int] = {}
    for span in block.spans:
        count[span.font] = count.get(span.font, 0) + len(span.text)
    return max(count, key=lambda role: count[role]) if count else "fangsong"


def block_indents(block: Block) -> tuple[int, int, int]:
    """(left, right, first) in twips; first < 0 is a hanging indent.

    Body type counts in grid cells (``grid.CELL``), the 版记's 四号 in its own characters.
    """
    unit = grid.COLOPHON_CHAR if block.size == "colophon" else grid.CELL
    left, right, first = block.left * unit, block.right * unit, (block.first - block.left) * unit
    return round(left), round(right), round(first)


def spec_for_block(block: Block) -> StyleSpec:
    name, style_id, outline = KIND_STYLES.get(
        block.kind, (f"纪要 {block.kind}", "Dg" + "".join(p.title() for p in block.kind.split("-")),
                     None))
    left, right, first = block_indents(block)
    spec = StyleSpec(name, style_id, role=base_role(block), align=_align(block), left=left,
                     right=right, first=first, outline=outline,
                     flags=(("keepNext", True),) if block.keep_with_next else ())
    if block.size == "colophon":
        # 版记: 四号, set solid (no squeeze: 29 characters of 14 pt fit the 156 mm line,
        # ``layout.pages.width_in_chars``), its own line heights inside the table cell.
        spec = replace(spec, half_points=grid.COLOPHON_HALF_POINTS, char_spacing=0, snap=False)
    if block.kind == "printed":
        # office at the left, date at a right tab one character in (§7.4.3)
        spec = replace(spec, align="left", right=0)
    return spec


def _align(block: Block) -> str:
    if block.align == "justify":
        return JUSTIFY
    return ALIGN[block.align]


def header_specs(profile: Profile) -> dict[str, StyleSpec]:
    """纪要标志, 期号 and the 编发 line: off the grid, their heights set by the builder."""
    return {
        "mark": StyleSpec("纪要标志", "DgMark", role="xiaobiaosong",
                          half_points=round(profile.mark_size_pt * 2), align="center",
                          snap=False, char_spacing=0, color=profile.mark_colour,
                          latin_role="xiaobiaosong"),
        "issue": StyleSpec("期号", "DgIssue", align="center", snap=False),
        "office": StyleSpec("编发", "DgOffice", align="left", first=grid.cells(1), snap=False),
    }


def furniture_specs() -> dict[str, StyleSpec]:
    return {
        # §7.5: 4号 宋体, half-width Arabic digits also in 宋体
        "folio": StyleSpec("页码", "DgFolio", role="song", half_points=grid.FOLIO_HALF_POINTS,
                           align="right", line=grid.FOLIO_LINE, before=grid.FOLIO_GAP,
                           snap=False, char_spacing=0,
                           latin_role="song"),
        # the paragraph a floating 版记 table is anchored to: 1 pt, off the grid
        "anchor": StyleSpec("版记定位", "DgColophonAnchor", half_points=2, align="left",
                            line=20, snap=False, char_spacing=0),
    }


class Styles:
    """Creates styles in a python-docx document on first use; returns their ids.

    ``mapped`` (docgen style name → style id) is given for an office's template: those
    styles are adopted instead of created, and the template's other styles keep their
    theme fonts (its theme is the office's, not python-docx's Japanese default).
    """

    def __init__(self, document: DocxDocument, profile: Profile,
                 mapped: dict[str, str] | None = None):
        self.document = document
        self.profile = profile
        self.fonts = profile.fonts
        self.made: dict[str, StyleSpec] = {}
        self.mapped = mapped
        self.roles: dict[str, str] = {}      # adopted style id → the role its font serves
        self._bases: dict[str, object] = {}
        self._defaults()

    def font(self, role: str) -> str:
        return getattr(self.fonts, role)

    # -- document defaults and Normal ---------------------------------------------------

    def _defaults(self) -> None:
        """docDefaults and Normal: 三号仿宋, Times New Roman, exact pitch, −0.25 pt, zh-CN."""
        styles = self.document.styles.element
        for rfonts in list(styles.iter(qn("w:rFonts")) if self.mapped is None else ()):
            # the template's built-in styles (标题 1 …) name theme fonts, which would win
            # over the names below and set Chinese in the theme's Japanese face
            for name in [a for a in rfonts.attrib if a.endswith("Theme") or a.endswith("theme")]:
                del rfonts.attrib[name]
            if not len(rfonts.attrib):
                rfonts.getparent().remove(rfonts)
        rPr, pPr = default_properties(styles)
        oxml.set_fonts(rPr, self.font("fangsong"), self.font("latin"))
        oxml.set_size(rPr, grid.BODY_HALF_POINTS)
        oxml.set_lang(rPr)
        oxml.set_line_exact(pPr, grid.LINE)

        normal = self._base("Normal")
        npPr = normal.element.get_or_add_pPr()
        # a template's Normal may indent (firstLineChars="200"), number or scale everything
        # based on it, which would override docgen's absolute indents and break the grid
        for props, tags in ((pPr, ("ind", "numPr")), (npPr, ("ind", "numPr"))):
            for tag in tags:
                oxml.remove_children(props, tag)
        oxml.set_flag(npPr, "widowControl", False)   # the typesetter keeps no widows: 22 lines
        oxml.set_line_exact(npPr, grid.LINE)
        oxml.set_jc(npPr, "both")
        nrPr = normal.element.get_or_add_rPr()
        for tag in ("w", "position"):
            oxml.remove_children(nrPr, tag)
            oxml.remove_children(rPr, tag)
        oxml.set_fonts(nrPr, self.font("fangsong"), self.font("latin"))
        oxml.set_size(nrPr, grid.BODY_HALF_POINTS)
        oxml.set_char_spacing(nrPr, grid.CHAR_SPACING)
        oxml.set_kern(nrPr, 0)
        oxml.set_lang(nrPr)

    # -- named styles -------------------------------------------------------------------

    def _base(self, name: str):
        if name not in self._bases:
            try:
                self._bases[name] = self.document.styles[name]
            except KeyError:        # a template whose default style is not called Normal
                self._bases[name] = self.document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        return self._bases[name]

    def use(self, spec: StyleSpec) -> str:
        """The style's id: a template's style the profile maps it to, else docgen's own,
        each made (adopted or created) the first time."""
        target = (self.mapped or {}).get(spec.name)
        if target is None:
            return self._own(spec)
        if target not in self.made:
            self._adopt(spec, target)
            self.made[target] = spec
        return target

    # -- a template's styles ------------------------------------------------------------

    def inherits(self, style_id: str, role: str) -> bool:
        """Whether a run of ``role`` in a paragraph of this style takes the style's font
        (an adopted style's East Asian font is the template's: runs must not name another)."""
        return self.roles.get(style_id) == role

    def _adopt(self, spec: StyleSpec, style_id: str) -> None:
        """The template's style, its name, id and East Asian font kept, with docgen's grid
        properties (size, exact pitch, indents, character spacing, snap)."""
        el = style_element(self.document, style_id)
        east = east_asian_font(self.document, style_id) or self.font(spec.role)
        pPr = el.get_or_add_pPr()
        oxml.remove_children(pPr, "numPr")          # docgen writes its numbers as text
        # what docgen's own styles inherit from Normal, which a template's may not be based on
        oxml.set_flag(pPr, "widowControl", False)
        grid_paragraph(pPr, spec)
        rPr = el.get_or_add_rPr()
        oxml.remove_children(rPr, "w")              # a horizontal scale would break the grid
        oxml.set_fonts(rPr, east, self.font(spec.latin_role or "latin"))
        oxml.set_char_spacing(rPr, spec.char_spacing)
        oxml.set_kern(rPr, 0)
        oxml.set_size(rPr, spec.half_points)
        self.roles[style_id] = spec.role

    def _own(self, spec: StyleSpec) -> str:
        made = self.made.get(spec.style_id)
        if made is None:
            self._create(spec)
            self.made[spec.style_id] = spec
        return spec.style_id

    def _create(self, spec: StyleSpec) -> None:
        if self.mapped is not None:
            # a template made from a docgen DOCX already has docgen's ids: redefined here
            old = style_element(self.document, spec.style_id)
            if old is not None:
                old.getparent().remove(old)
        # our ids are unique by construction, so the styles part is extended directly
        # (python-docx's add_style() scans every style by name); a style is the same
        # XML in every document of the same fonts, so it is made once and copied
        latin = self.font(spec.latin_role or "latin")
        made = own_style(spec, self._base(spec.based_on).style_id, self.font(spec.role), latin)
        self.document.styles.element.append(copy.deepcopy(made))

    def run_fonts(self, rPr, role: str, latin_role: str | None = None) -> None:
        latin = self.font(latin_role) if latin_role else self.font("latin")
        oxml.set_fonts(rPr, self.font(role), latin)


@lru_cache(maxsize=256)
def own_style(spec: StyleSpec, base_id: str, east: str, latin: str):
    """docgen's ``w:style`` element for ``spec`` (detached: copied into each document)."""
    el = OxmlElement("w:styles").add_style_of_type(spec.name, WD_STYLE_TYPE.PARAGRAPH, False)
    style = StyleFactory(el)
    el.set(qn("w:styleId"), spec.style_id)
    el.basedOn_val = base_id
    style.quick_style = True
    el.insert(el.index(el.find(qn("w:basedOn"))) + 1, oxml.element("next", val=spec.style_id))
    pPr = el.get_or_add_pPr()
    grid_paragraph(pPr, spec)
    rPr = el.get_or_add_rPr()
    oxml.set_fonts(rPr, east, latin)
    if spec.color:
        oxml.set_color(rPr, spec.color)
    oxml.set_char_spacing(rPr, spec.char_spacing)
    oxml.set_size(rPr, spec.half_points)
    el.getparent().remove(el)
    return el


def default_properties(styles) -> tuple[object, object]:
    """docDefaults' run and paragraph properties, added where a template has none."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = oxml.element("docDefaults")
        styles.insert(0, defaults)
    found = []
    for outer, inner in (("rPrDefault", "rPr"), ("pPrDefault", "pPr")):
        holder = defaults.find(qn(f"w:{outer}"))
        if holder is None:
            holder = oxml.element(outer)
            defaults.append(holder) if outer == "pPrDefault" else defaults.insert(0, holder)
        props = holder.find(qn(f"w:{inner}"))
        if props is None:
            props = oxml.element(inner)
            holder.append(props)
        found.append(props)
    return found[0], found[1]


# -- a template's styles, read ----------------------------------------------------------

def style_element(document, style_id: str):
    for el in document.styles.element.findall(qn("w:style")):
        if el.get(qn("w:styleId")) == style_id:
            return el
    return None


def style_chain(document, style_id: str | None, own_only: bool = False) -> Iterator:
    """The style and those it is based on, nearest first; ``own_only`` stops at the
    default paragraph style (Normal), whose properties in the output are docgen's."""
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        el = style_element(document, style_id)
        if el is None or (own_only and el.get(qn("w:default")) in ("1", "true")):
            return
        yield el
        based = el.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None


def inherited(document, style_id: str | None, path: str, attr: str,
              own_only: bool = False) -> str | None:
    """An attribute as the style sets it or inherits it: its basedOn chain, then (unless
    ``own_only``) the document defaults."""
    for el in style_chain(document, style_id, own_only):
        found = el.find(path, NS)
        if found is not None and found.get(qn(f"w:{attr}")) is not None:
            return found.get(qn(f"w:{attr}"))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None and not own_only:
        for part in ("w:rPrDefault/", "w:pPrDefault/"):
            found = defaults.find(part + path, NS)
            if found is not None and found.get(qn(f"w:{attr}")) is not None:
                return found.get(qn(f"w:{attr}"))
    return None


def east_asian_font(document, style_id: str) -> str | None:
    """The Chinese font the template style names (itself or a style it is based on), which
    docgen keeps. None when only the default style (docgen's Normal) or a theme names one:
    then the font of docgen's own style (黑体 for a heading) is used."""
    return inherited(document, style_id, "w:rPr/w:rFonts", "eastAsia", own_only=True) or None


def grid_paragraph(pPr, spec: StyleSpec) -> None:
    """A style's paragraph properties that keep its lines on the grid: the spec's flags,
    grid snap, exact pitch, indents, alignment and outline level (set in schema order, so
    docgen's own styles and a template's adopted ones get the same XML)."""
    for tag, on in spec.flags:
        oxml.set_flag(pPr, tag, on)
    oxml.set_snap_to_grid(pPr, spec.snap)
    oxml.set_line_exact(pPr, spec.line, before=spec.before)
    oxml.set_indent(pPr, left=spec.left, right=spec.right, first=spec.first)
    oxml.set_jc(pPr, spec.align)
    if spec.outline is not None:
        oxml.set_outline_level(pPr, spec.outline)
