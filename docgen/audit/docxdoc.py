"""A DOCX's own settings, as Word resolves them: sections, the grid, styles, footers.

What a DOCX says about its layout is in its XML: ``w:sectPr`` (paper, margins, the
``w:docGrid``), the styles and ``w:docDefaults`` (fonts, sizes, line spacing, character
spacing), the footers (page numbers) and ``w:evenAndOddHeaders``. A run's property is
looked up as Word does: the run's own ``w:rPr``, its character style, its paragraph's
style and the styles that one is based on, then the defaults.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..parse.docx import W

TWIPS_PER_PT = 20
HALF = 2


def _attr(el, tag: str, name: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + name) if child is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


@dataclass
class RunProps:
    """A run's resolved East Asian face, size (pt), colour and added spacing (pt)."""

    text: str
    font: str | None
    size: float | None
    color: str | None
    spacing: float


@dataclass
class ParaProps:
    index: int                   # 1-based among the body's paragraphs with text
    text: str
    style: str | None
    align: str | None
    line: int | None             # w:spacing/@w:line, twips (exact/atLeast) or 240ths (auto)
    line_rule: str | None
    first_line: int | None       # twips; negative when hanging
    left: int | None = None      # twips
    first_line_chars: int | None = None  # hundredths of a character (w:firstLineChars)
    runs: list[RunProps] = field(default_factory=list)


@dataclass
class Section:
    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    grid_type: str | None
    line_pitch: int | None
    char_space: int | None


@dataclass
class Footer:
    kind: str                    # default (odd pages, or all), even
    align: str | None
    has_page_field: bool
    size: float | None
    text: str


class Styles:
    """Style lookup with basedOn chains, and the document defaults."""

    def __init__(self, styles_el, theme_fonts: dict[str, str]):
        self.by_id = {}
        self.default_para = None
        self.defaults_rPr = None
        self.defaults_pPr = None
        self.theme = theme_fonts
        if styles_el is None:
            return
        for st in styles_el.iter(W + "style"):
            self.by_id[st.get(W + "styleId")] = st
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true", "on"):
                self.default_para = st
        defaults = styles_el.find(W + "docDefaults")
        if defaults is not None:
            self.defaults_rPr = defaults.find(f"{W}rPrDefault/{W}rPr")
            self.defaults_pPr = defaults.find(f"{W}pPrDefault/{W}pPr")

    def chain(self, style_id: str | None, default: bool = False) -> list:
        st = self.by_id.get(style_id) if style_id else (self.default_para if default else None)
        out, seen = [], set()
        while st is not None and id(st) not in seen and len(out) < 20:
            seen.add(id(st))
            out.append(st)
            based = _attr(st, "basedOn", "val")
            st = self.by_id.get(based) if based else None
        return out

    def name(self, style_id: str | None) -> str | None:
        st = self.by_id.get(style_id) if style_id else self.default_para
        return _attr(st, "name", "val") if st is not None else None


def _first(values):
    return next((v for v in values if v is not None), None)


def _font(rPr, theme: dict[str, str]) -> str | None:
    if rPr is None:
        return None
    fonts = rPr.find(W + "rFonts")
    if fonts is None:
        return None
    if fonts.get(W + "eastAsia"):
        return fonts.get(W + "eastAsia")
    ref = fonts.get(W + "eastAsiaTheme")
    if ref:
        return theme.get("major" if ref.startswith("major") else "minor")
    return None


def resolve_run(r, p_style_chain: list, styles: Styles) -> RunProps:
    rPr = r.find(W + "rPr")
    r_chain = styles.chain(_attr(rPr, "rStyle", "val")) if rPr is not None else []
    layers = [rPr] + [st.find(W + "rPr") for st in r_chain + p_style_chain] + [styles.defaults_rPr]
    font = _first(_font(layer, styles.theme) for layer in layers)
    size = _first(_int(_attr(layer, "sz", "val")) for layer in layers)
    color = _first(_attr(layer, "color", "val") for layer in layers)
    spacing = _first(_int(_attr(layer, "spacing", "val")) for layer in layers)
    text = "".join(t.text or "" for t in r.iter(W + "t"))
    return RunProps(text, font, size / HALF if size else None, color,
                    (spacing or 0) / TWIPS_PER_PT)


def _ppr_attr(layers: list, tag: str, name: str) -> str | None:
    return _first(_attr(layer, tag, name) for layer in layers)


def resolve_paragraph(p, index: int, styles: Styles) -> ParaProps:
    pPr = p.find(W + "pPr")
    style_id = _attr(pPr, "pStyle", "val")
    chain = styles.chain(style_id, default=True)
    layers = [pPr] + [st.find(W + "pPr") for st in chain] + [styles.defaults_pPr]
    runs = [resolve_run(r, chain, styles) for r in p.iter(W + "r")]
    text = "".join(run.text for run in runs)
    first = _int(_ppr_attr(layers, "ind", "firstLine"))
    hanging = _int(_ppr_attr(layers, "ind", "hanging"))
    if hanging:
        first = -hanging
    left = _int(_ppr_attr(layers, "ind", "left")) or _int(_ppr_attr(layers, "ind", "start"))
    chars = _int(_ppr_attr(layers, "ind", "firstLineChars"))
    hanging_chars = _int(_ppr_attr(layers, "ind", "hangingChars"))
    if hanging_chars:
        chars = -hanging_chars
    return ParaProps(index, text, styles.name(style_id), _ppr_attr(layers, "jc", "val"),
                     _int(_ppr_attr(layers, "spacing", "line")), _ppr_attr(layers, "spacing", "lineRule"),
                     first, left, chars or None, runs)


def _theme_fonts(document) -> dict[str, str]:
    """The theme's East Asian faces (a theme names "Hans" per script)."""
    out: dict[str, str] = {}
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    try:
        from lxml import etree
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/theme"):
                root = etree.fromstring(rel.target_part.blob)
                for kind in ("major", "minor"):
                    font = root.find(f".//{A}{kind}Font")
                    if font is None:
                        continue
                    hans = [f.get("typeface") for f in font.iter(A + "font") if f.get("script") == "Hans"]
                    ea = font.find(A + "ea")
                    out[kind] = (hans[0] if hans else None) or (ea.get("typeface") if ea is not None else "")
    except Exception:  # noqa: BLE001 - a damaged theme only loses theme fonts
        pass
    return out


@dataclass
class DocxSettings:
    name: str
    sections: list[Section]
    paragraphs: list[ParaProps]
    footers: list[Footer]
    even_and_odd: bool
    header_texts: frozenset[str] = frozenset()   # what the page headers print (a letterhead)

    def body_runs(self) -> Counter[tuple[str | None, float | None]]:
        """(face, size) → how many Chinese characters are set so."""
        counts: Counter[tuple[str | None, float | None]] = Counter()
        for p in self.paragraphs:
            for run in p.runs:
                hanzi = sum(1 for ch in run.text if "\u4e00" <= ch <= "\u9fff")
                if hanzi:
                    counts[(run.font, run.size)] += hanzi
        return counts


def _section(sectPr) -> Section:
    def get(tag, name):
        return _int(_attr(sectPr, tag, name))
    return Section(get("pgSz", "w") or 0, get("pgSz", "h") or 0, abs(get("pgMar", "top") or 0),
                   abs(get("pgMar", "bottom") or 0), get("pgMar", "left") or 0, get("pgMar", "right") or 0,
                   _attr(sectPr, "docGrid", "type"), get("docGrid", "linePitch"), get("docGrid", "charSpace"))


def _footer(kind: str, footer, styles: Styles) -> Footer:
    el = footer._element
    paras = [resolve_paragraph(p, i, styles) for i, p in enumerate(el.iter(W + "p"), 1)]
    instr = " ".join((t.text or "") for t in el.iter(W + "instrText"))
    simple = " ".join(f.get(W + "instr", "") for f in el.iter(W + "fldSimple"))
    has_page = "PAGE" in (instr + simple).upper()
    numbered = next((p for p in paras if p.text.strip() or has_page), None)
    sizes = [run.size for p in paras for run in p.runs if run.size and run.text.strip()]
    return Footer(kind, numbered.align if numbered else None, has_page,
                  sizes[0] if sizes else None, "".join(p.text for p in paras).strip())


def read_docx_settings(document, name: str) -> DocxSettings:
    """Everything the settings checks need, from a python-docx Document."""
    from ..parse.docx import paragraph_elements
    styles_part = getattr(document.styles, "element", None)
    styles = Styles(styles_part, _theme_fonts(document))
    paragraphs = []
    for p in paragraph_elements(document.element.body):
        props = resolve_paragraph(p, len(paragraphs) + 1, styles)
        if props.text.strip(" \u3000\t"):
            paragraphs.append(props)
    sections = [_section(s._sectPr) for s in document.sections]
    footers = []
    first = document.sections[0] if len(document.sections) else None
    if first is not None:
        footers.append(_footer("default", first.footer, styles))
        footers.append(_footer("even", first.even_page_footer, styles))
    return DocxSettings(name, sections, paragraphs, footers,
                        bool(document.settings.odd_and_even_pages_header_footer),
                        _header_texts(document))


def _header_texts(document) -> frozenset[str]:
    """The text of every page-header paragraph, spaces removed: an office's letterhead,
    which GB/T 9704 does not place and the layout measurement must not take for a line."""
    from ..parse.docx import header_parts
    texts = set()
    for part in header_parts(document):
        for p in part.element.iter(f"{W}p"):
            text = "".join(t.text or "" for t in p.iter(f"{W}t"))
            if plain := "".join(text.split()):
                texts.add(plain)
    return frozenset(texts)
