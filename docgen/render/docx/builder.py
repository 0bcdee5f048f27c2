"""Blocks and pages of the typesetter → a DOCX that clerks keep editing in Word or WPS.

The typesetter (``layout.pages``) decided the lines and pages; the DOCX cannot carry
line breaks without freezing the text, so it carries what makes Word and LibreOffice
break the same lines: the same page, the same 22 × 28 grid (``grid``), the same indents,
named styles (``styles``) and, from the pagination, where the 版记 goes.

Page 1 header: 纪要标志 (red, its size and horizontal scale from the profile, off the
grid, its top edge 35 mm under the 版心 top, §10.3), 期号, the 编发 line (office one
character in, date at a right tab one character from the right edge) and the red rule
(the 编发 paragraph's bottom border). The heights of these paragraphs add up to exactly
``profile.header_lines`` grid lines, with 期号 and 编发 on the grid lines where the PDF
draws them (read from ``render.view``), so page 1 holds the same body lines as the PDF.

Page numbers (§7.5): "— N —" with a PAGE field in 4号宋体, in a default (odd) footer set
right one character in and an even footer set left one character in, with
``w:evenAndOddHeaders`` on. The 版记 page carries none: see below.

版记 (§7.4): a floating one-column table whose rows are 分送 and the 印发 line, with a
heavy rule above and below it and a light one between (0.35 / 0.25 mm), anchored to the
bottom margin (``tblpYSpec="bottom"``, ``vertAnchor="margin"``) of the page where its
anchor paragraph falls, so its last rule lies on the 版心's bottom edge. Word cannot tell
which page will be even; the typesetter can, and its ``Layout`` decides:

* the 版记 on the body's last page (an even page with room): the table follows the body,
  no break; that page keeps its page number;
* the 版记 on a later page: the body's last paragraph ends a section, and the 版记 is in a
  second section that starts on an **even** page (``w:type="evenPage"``) and has empty
  footers. When the body ends on an odd page this is the next page; when it ends on an
  even page, Word and LibreOffice insert the blank odd page themselves and print neither
  a page number on it nor on the 版记 page, as §7.5 asks.

When a clerk edits the text the decision stays as written: the section break stays after
the last body paragraph and still starts the 版记 on the next even page, so it remains at
the foot of an even page without a number whatever the body's length; a document that had
its 版记 under the body keeps it there while the last page has room, and when the body
grows past that page the floating table moves with its anchor to the next page, odd or
even, with that page's number. Rendering again from the YAML re-decides.

Punctuation (LibreOffice 7.4): see ``PUNCTUATION_NOTES`` below.
"""

from __future__ import annotations

import copy
import datetime as dt
import io

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ...gbt9704 import FURNITURE, GRID, LINE_PITCH_PT, PAGE, mm, twips
from ...layout.blocks import Block
from ...layout.fonts import face
from ...layout.pages import Layout
from ...model.minutes import Minutes
from ...model.profile import Profile
from . import grid, oxml
from .styles import Styles, StyleSpec, furniture_specs, header_specs, spec_for_block

PUNCTUATION_NOTES = """(filled in below)"""


def render_docx(m: Minutes, layout: Layout, profile: Profile,
                created: dt.date | None = None) -> bytes:
    """The minutes as DOCX bytes, laid out as ``layout`` (the typesetter's pages)."""
    return DocxBuilder(layout, profile, created or m.date).build()


class DocxBuilder:
    def __init__(self, layout: Layout, profile: Profile, created: dt.date):
        self.layout = layout
        self.profile = profile
        self.created = created
        self.document: DocxDocument = docx.Document()
        self.body = self.document.element.body
        self.styles = Styles(self.document, profile)

    # -- the whole document -------------------------------------------------------------

    def build(self) -> bytes:
        self._settings()
        self._page_setup()
        self._footers(self.document.sections[0])
        self._header()
        last = None
        for block in self.layout.document.body:
            last = self._block(block)
        self._colophon(last)
        self._properties()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _settings(self) -> None:
        settings = self.document.settings
        settings.odd_and_even_pages_header_footer = True     # w:evenAndOddHeaders
        el = settings.element
        lang = el.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")
        # drop the template's preview picture (it shows python-docx's blank page)
        pkg = self.document.part.package
        for rId, rel in list(pkg.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                pkg.rels.pop(rId)

    def _page_setup(self) -> None:
        sectPr = self.document.sections[0]._sectPr
        oxml.set_page(sectPr, grid.PAGE_W, grid.PAGE_H, grid.TOP, grid.RIGHT, grid.BOTTOM,
                      grid.LEFT, header=twips(mm(PAGE.top_mm)) // 2,
                      footer=grid.FOLIO_FROM_BOTTOM)
        oxml.set_doc_grid(sectPr, "lines", grid.LINE)

    # -- page numbers -------------------------------------------------------------------

    def _footers(self, section) -> None:
        spec = furniture_specs()["folio"]
        style = self.styles.use(spec)
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            pPr = p._p.get_or_add_pPr()
            pPr.get_or_add_pStyle().val = style
            oxml.set_jc(pPr, align)
            if align == "right":
                oxml.set_indent(pPr, right=grid.FOLIO_INDENT)
            else:
                oxml.set_indent(pPr, left=grid.FOLIO_INDENT)
            dash = FURNITURE.folio_dash
            rPr = self._rPr("song", latin_role="song")
            self._text_run(p, f"{dash} ", rPr)
            for r in oxml.field_runs(" PAGE ", "1", rPr):
                p._p.append(r)
            self._text_run(p, f" {dash}", rPr)

    # -- page 1 header ------------------------------------------------------------------

    def _header(self) -> None:
        """纪要标志, 期号, 编发 line and red rule in exactly ``header_lines`` grid lines."""
        doc = self.layout.document
        specs = header_specs(self.profile)
        slots = header_slots(self.layout, self.profile)
        height, em_top = mark_line(self.profile.mark_size_pt)
        mark_rPr = self._rPr("xiaobiaosong", latin_role="xiaobiaosong")
        oxml.set_scale(mark_rPr, round(mark_scale(doc.mark, self.profile) * 100))
        # (spec, text, run properties, top in twips from the 版心 top, space before, height)
        parts = [(specs["mark"], doc.mark, mark_rPr, 0,
                  max(0, twips(mm(FURNITURE.mark_top_mm)) - em_top), height)]
        if doc.issue_line:
            parts.append((specs["issue"], doc.issue_line, self._rPr("fangsong"),
                          slots["issue"] * grid.LINE, 0, grid.LINE))
        rule = 0
        if doc.office:
            text = doc.office + ("\t" + doc.office_date if doc.office_date else "")
            # the red rule: a bottom border ``gap`` pt under the line, as the PDF draws it
            rule = round(slots["rule_pt"] * 8) if self.profile.red_rule else 0
            extent = twips(slots["rule_gap_pt"] + slots["rule_pt"]) if rule else 0
            parts.append((specs["office"], text, self._rPr("fangsong"),
                          slots["office"] * grid.LINE, 0, grid.LINE + extent))
        end = self.profile.header_lines * grid.LINE
        for i, (spec, text, rPr, top, before, h) in enumerate(parts):
            next_top = parts[i + 1][3] if i + 1 < len(parts) else end
            after = max(0, next_top - (top + before + h))
            line = height if spec is specs["mark"] else grid.LINE
            p = self._paragraph(spec, before=before, after=after, line=line)
            if spec is specs["office"]:
                pPr = p._p.get_or_add_pPr()
                oxml.set_tabs(pPr, [("right", grid.TEXT_W - grid.cells(1))])
                if rule:
                    oxml.set_bottom_border(pPr, rule, self.profile.red,
                                           round(slots["rule_gap_pt"]))
            self._text_run(p, text, rPr)

    # -- body ---------------------------------------------------------------------------

    def _block(self, block: Block) -> Paragraph:
        spec = spec_for_block(block)
        p = self._paragraph(spec, before=block.gap_before * grid.LINE)
        self._fill(p, block)
        return p

    def _fill(self, p: Paragraph, block: Block) -> None:
        """The block's spans as runs, each with its fonts; 印发: office, tab, date."""
        if block.kind == "printed":
            oxml.set_tabs(p._p.get_or_add_pPr(), [("right", grid.TEXT_W - grid.COLOPHON_CHAR)])
            self._text_run(p, block.spans[0].text + "\t" + block.spans[1].text,
                           self._rPr(block.spans[0].font))
            return
        for span in block.spans:
            self._text_run(p, span.text, self._rPr(span.font))

    def _paragraph(self, spec: StyleSpec, before: int = 0, after: int = 0,
                   line: int | None = None) -> Paragraph:
        """A new body paragraph in ``spec``'s style; direct spacing only when it differs."""
        style_id = self.styles.use(spec)
        made = self.styles.made[style_id]
        p = self.document.add_paragraph()
        pPr = p._p.get_or_add_pPr()
        pPr.get_or_add_pStyle().val = style_id
        line = line or made.line
        if before or after or line != made.line:
            oxml.set_line_exact(pPr, line, before=before, after=after)
        if (spec.left, spec.right, spec.first) != (made.left, made.right, made.first):
            oxml.set_indent(pPr, left=spec.left, right=spec.right, first=spec.first)
        if spec.align != made.align:
            oxml.set_jc(pPr, spec.align)
        return p

    def _rPr(self, role: str, latin_role: str | None = None):
        rPr = oxml.element("rPr")
        self.styles.run_fonts(rPr, role, latin_role)
        return rPr

    @staticmethod
    def _text_run(p: Paragraph, text: str, rPr) -> None:
        run = p.add_run(text)          # python-docx escapes < > & " and turns \t into w:tab
        old = run._r.find(qn("w:rPr"))
        if old is not None:
            run._r.remove(old)
        run._r.insert(0, copy.deepcopy(rPr))

    # -- 版记 ---------------------------------------------------------------------------

    def _colophon(self, last_body: Paragraph | None) -> None:
        doc = self.layout.document
        if not doc.colophon:
            return
        pages = self.layout.pages
        colophon_page = next(p.number for p in pages if p.colophon)
        body_pages = [p.number for p in pages if p.lines or p.header]
        anchor = furniture_specs()["anchor"]
        if colophon_page > max(body_pages) and last_body is not None:
            self._colophon_section(last_body)
            # the section's first paragraph carries its start (a new, even page);
            # LibreOffice loses that when the first thing in the section is a table it
            # turns into a frame
            self._paragraph(anchor)
        self._colophon_table()
        self._paragraph(anchor)

    def _colophon_section(self, last_body: Paragraph) -> None:
        """End the body's section at its last paragraph; the 版记 section starts even, bare."""
        body_sectPr = self.document.sections[-1]._sectPr
        first = copy.deepcopy(body_sectPr)
        last_body._p.get_or_add_pPr().append(first)     # sectPr is the last child of pPr
        oxml.remove_children(body_sectPr, "footerReference")
        oxml.remove_children(body_sectPr, "headerReference")
        oxml.set_section_start(body_sectPr, "evenPage")
        section = self.document.sections[-1]
        for footer in (section.footer, section.even_page_footer):
            footer.is_linked_to_previous = False       # new, empty footers: no page number
            fp = footer.paragraphs[0]
            fp._p.get_or_add_pPr().get_or_add_pStyle().val = self.styles.use(
                furniture_specs()["folio"])

    def _colophon_table(self) -> None:
        doc = self.layout.document
        blocks = doc.colophon
        table = self.document.add_table(rows=len(blocks), cols=1)
        tbl = table._tbl
        tblPr = tbl.tblPr
        oxml.remove_children(tblPr, "tblStyle")
        oxml.set_child(tblPr, "tblW", w=grid.TEXT_W, type="dxa")
        oxml.float_table_bottom(tblPr, grid.LEFT)
        oxml.set_table_borders(tblPr, top=grid.eighths(FURNITURE.colophon_rule_heavy_mm),
                               inside=grid.eighths(FURNITURE.colophon_rule_light_mm),
                               bottom=grid.eighths(FURNITURE.colophon_rule_heavy_mm))
        oxml.set_child(tblPr, "tblLayout", type="fixed")
        oxml.set_cell_margins(tblPr, 0)
        tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(grid.TEXT_W))
        for row, block in zip(table.rows, blocks):
            trPr = row._tr.get_or_add_trPr()
            oxml.set_child(trPr, "cantSplit")
            cell = row.cells[0]
            tcPr = cell._tc.get_or_add_tcPr()
            oxml.set_child(tcPr, "tcW", w=grid.TEXT_W, type="dxa")
            p = cell.paragraphs[0]
            spec = spec_for_block(block)
            style_id = self.styles.use(spec)
            p._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
            self._fill(p, block)

    # -- properties ---------------------------------------------------------------------

    def _properties(self) -> None:
        doc = self.layout.document
        props = self.document.core_properties
        when = dt.datetime(self.created.year, self.created.month, self.created.day)
        props.title = doc.title
        props.author = doc.author
        props.last_modified_by = doc.author
        props.created = when
        props.modified = when
        props.revision = 1
        props.comments = ""
        props.language = "zh-CN"


# -- header geometry shared with the PDF ---------------------------------------------------

def header_slots(layout: Layout, profile: Profile) -> dict[str, float]:
    """Grid lines of 期号 and the 编发 line, and the red rule, as ``render.view`` draws them."""
    from ..view import build_views, Y0
    first = build_views(Layout(layout.document, layout.pages[:1]), profile)[0]
    slots: dict[str, float] = {"issue": profile.header_lines - 6,
                               "office": profile.header_lines - 4,
                               "rule_gap_pt": 2.0, "rule_pt": 1.0}
    boxes = list(getattr(first, "placed", [])) + list(getattr(first, "items", []))
    for item in boxes:
        if getattr(item, "kind", "") in ("issue", "office"):
            slots[item.kind] = round((item.top - Y0) / LINE_PITCH_PT)
    for rule in getattr(first, "rules", []):
        if getattr(rule, "kind", "") == "red-rule":
            line_bottom = Y0 + (slots["office"] + 1) * LINE_PITCH_PT
            slots["rule_gap_pt"] = max(0.0, rule.top - line_bottom)
            slots["rule_pt"] = rule.thickness
    return slots


def mark_line(size_pt: float) -> tuple[int, int]:
    """The 纪要标志's exact line height and where its em box starts in it (twips).

    The line is as tall as the face's ascent + descent, so Word and LibreOffice both set
    the baseline one ascent under the line's top; the em box of a CJK face spans from
    0.88 em above the baseline to 0.12 em below.
    """
    f = face("xiaobiaosong")
    height = twips((f.ascent + f.descent) * size_pt)
    em_top = twips((f.ascent - 0.88) * size_pt)
    return height, em_top


def mark_scale(text: str, profile: Profile) -> float:
    """Horizontal scale of the 纪要标志: the profile's, narrowed to 98 % of the 版心 if wider."""
    f = face("xiaobiaosong")
    natural = sum((f.advance(ch) or 1.0) for ch in text) * profile.mark_size_pt
    return min(profile.mark_scale_x, 0.98 * mm(PAGE.body_width_mm) / natural)


__all__ = ["render_docx", "GRID"]
