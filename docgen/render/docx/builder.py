"""Blocks and pages of the typesetter → a DOCX that clerks keep editing in Word or WPS.

The typesetter (``layout.pages``) decided the lines and pages; the DOCX cannot carry
line breaks without freezing the text, so it carries what makes Word and LibreOffice
break the same lines: the same page, the same 22 × 28 grid (``grid``), the same indents,
named styles (``styles``) and, from the pagination, where the 版记 goes.

An office's Word file (``reference``; ``profile.docx_template`` or ``--docx-template``)
replaces python-docx's blank document as the base: its body is cleared, its styles,
fonts, theme and page headers (a letterhead, placeholders filled in the sandbox) stay;
its footers give way to docgen's page numbers and its page, grid and section settings
to the GB/T page below. A docgen style the profile maps (``docx_styles``) is the
template's own style with docgen's grid properties; its runs then name no East Asian
font, so the style's (the office's) is the one used. Without a template the output is
what it always was, byte for byte.

Page 1 header: 纪要标志 (red, its size and horizontal scale from the profile, off the
grid, its top edge 35 mm under the 版心 top, §10.3), 期号, the 编发 line (office one
character in, date at a right tab one character from the right edge) and the red rule
(the 编发 paragraph's bottom border). The heights of these paragraphs add up to exactly
``profile.header_lines`` grid lines, with 期号 and 编发 on the grid lines where the PDF
draws them (both read ``layout.header``), so page 1 holds the same body lines as the PDF.

Page numbers (§7.5): "— N —" with a PAGE field in 4号宋体, in a default (odd) footer set
right one character in and an even footer set left one character in, with
``w:evenAndOddHeaders`` on. The 版记 page carries none: see below.

版记 (§7.4): a floating one-column table whose rows are 分送 and the 印发 line, with a
heavy rule above and below it and a light one between (0.35 / 0.25 mm), anchored to the
bottom margin (``tblpYSpec="bottom"``, ``vertAnchor="margin"``) of the page where its
anchor paragraph (the 1 pt paragraph after it) falls, so its last rule lies on the 版心's
bottom edge. Word cannot tell which page will be even; the typesetter can, and its
``Layout`` decides:

* the 版记 on the body's last page (an even page with room): the table follows the body,
  no break; that page keeps its page number;
* the 版记 on the next page: the body's last paragraph ends a section and the 版记 is in
  a second section, with empty footers, that starts on an even page
  (``w:type="evenPage"``, which here is the next page);
* a blank page before it (the body ends on an even page with no room): the second
  section starts on the next page (the blank one, so it has no number either) and the
  anchor paragraph has ``w:pageBreakBefore``, which takes the table to the page after.

When a clerk edits the text the breaks stay where they were written. The section break
stays after the last body paragraph: with ``evenPage`` Word keeps the 版记 on an even page
whatever the body's new length (inserting an unnumbered blank page itself when needed);
LibreOffice starts it on the next page, even or not; an explicit blank page stays blank
and may become one page too many. A 版记 under the body stays under the body while the
last page has room; when the body outgrows that page, the table moves with its anchor to
the next page and keeps that page's number. Rendering again from the YAML re-decides.

Attendance (出席, 列席 …): names are never split (see ``DocxBuilder._fill_lines``), so
these paragraphs carry the typesetter's line ends as line breaks.

Punctuation — LibreOffice 7.4 drops line-end "，" "、" in justified CJK paragraphs (toolchain
notes §4). Measured on the seed (145 "，", 72 "、" in the text) by converting with
LibreOffice and comparing the PDF's text:

* ``w:jc="both"`` (justified): 3 "，" and 1 "、" lost; 166 of the 177 body lines as the
  typesetter set them.
* ``w:overflowPunct w:val="0"`` (in the style or on each paragraph), ``w:kinsoku="0"``,
  ``w:adjustRightInd="0"``, ``w:snapToGrid="0"``, ``w:autoSpaceDE/DN="0"``,
  ``w:topLinePunct``, and the settings ``w:doNotExpandShiftReturn``,
  ``w:balanceSingleByteDoubleByteWidth``, ``w:noPunctuationKerning``,
  ``characterSpacingControl="compressPunctuation"``: no change, same marks lost.
* ``w:jc="distribute"``: worse (3 "。" lost as well); ``thaiDistribute``, ``lowKashida`` and
  ``start``: LibreOffice sets them flush left (nothing lost), but Word would not.
* ``w:overflowPunct w:val="1"``: nothing lost, but only 148 lines match. LibreOffice's import
  inverts this switch (it sets "hanging punctuation" to ``val == 0``), so "1" turns
  hanging off: marks no longer hang in the margin, characters move to the next line and
  pages shift. It also explains why "0" changed nothing.
* character spacing −0.3 pt instead of −0.25 pt: the seed keeps every mark, but a
  stress text (1,800 random marks) still loses some on lines with digits: the loss
  depends on how much room a justified line has left, not on a setting.
* ``w:jc="left"``: nothing lost in the seed or the stress text, and 171 of 177 lines
  match (more than justified: no line is rebroken after a lost mark).

So body paragraphs are set flush left (``styles.JUSTIFY``). On the 28-cell grid a line
of Chinese fills the measure to within 1.2 pt anyway (28 × 15.75 pt of 442.2 pt), in
Word as in LibreOffice; only lines with half-width digits or Latin end up to half a
cell short. No newer LibreOffice is available from Debian 12's package lists.

A line on which the typesetter hangs two marks ("》。") is kept whole by drawing two marks
at half a cell (``DocxBuilder._squeezed``): the seed then has 174 of its 177 body lines set
by LibreOffice as the typesetter set them (171 before).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
import re

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ...gbt9704 import FURNITURE, LINE_PITCH_PT, twips
from ...layout.blocks import Block
from ...layout.breaker import MARKS, SPACES, Line
from ...layout.fonts import face
from ...layout.header import plan_header
from ...layout.pages import Layout
from ...model.minutes import Minutes
from ...model.profile import Profile
from ..placeholders import placeholders
from ..provenance import APP_XML
from . import grid, oxml
from .blank import blank_document
from .package import dated_zip
from .reference import SECTION_EXTRAS, SETTINGS_EXTRAS, Reference, fill_headers, number
from .styles import Styles, StyleSpec, furniture_specs, header_specs, spec_for_block


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RUN_BREAKS = {"\t": "tab", "\n": "br", "\r": "br"}
RUN_PIECES = re.compile(r"[\t\n\r]|[^\t\n\r]+")


def render_docx(m: Minutes, layout: Layout, profile: Profile,
                created: dt.date | None = None, reference: Reference | None = None) -> bytes:
    """The minutes as DOCX bytes, laid out as ``layout`` (the typesetter's pages), built
    on the office's Word file when ``reference`` is given (``reference``)."""
    context = placeholders(m, layout.document, profile) if reference else {}
    return DocxBuilder(layout, profile, created or m.date or dt.date.today(), reference,
                       context).build()


class DocxBuilder:
    def __init__(self, layout: Layout, profile: Profile, created: dt.date,
                 reference: Reference | None = None, context: dict | None = None):
        self.layout = layout
        self.profile = profile
        self.created = created
        self.reference = reference
        self.context = context or {}
        if reference is None:
            self.document: DocxDocument = blank_document()
        else:
            self.document = docx.Document(io.BytesIO(reference.data))
            self._clear_body()
        self.styles = Styles(self.document, profile, reference.styles if reference else None)
        self._rPrs: dict[tuple[str, str | None], object] = {}
        self.lines: dict[int, list[Line]] = {}      # the typesetter's lines of each block
        for page in layout.pages:
            for placed in page.lines:
                self.lines.setdefault(id(placed.line.block), []).append(placed.line)

    # -- the whole document -------------------------------------------------------------

    def build(self) -> bytes:
        self._settings()
        self._page_setup()
        if self.reference is not None:
            self._letterhead()
        self._footers(self.document.sections[0])
        self._header()
        last = None
        for block in self.layout.document.body:
            last = self._block(block)
        self._colophon(last)
        self._properties()
        out = io.BytesIO()
        self.document.save(out)
        return dated_zip(out.getvalue(), self.created)

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
        header = grid.TOP // 2                               # no header part is used
        margins = sectPr.find(qn("w:pgMar"))
        if self.reference is not None and margins is not None:
            theirs = number(margins.get(qn("w:header")))     # where the letterhead sits
            header = theirs if theirs is not None and 0 <= theirs < grid.TOP else header
        oxml.set_page(sectPr, grid.PAGE_W, grid.PAGE_H, grid.TOP, grid.RIGHT, grid.BOTTOM,
                      grid.LEFT, header=header, footer=grid.FOLIO_FROM_BOTTOM)
        oxml.set_doc_grid(sectPr, "lines", grid.LINE)

    # -- the office's template ----------------------------------------------------------

    def _clear_body(self) -> None:
        """The template's body goes (sample text, its own 版记); its last section stays,
        with its header references (the letterhead) but not its footers (docgen's folio)."""
        body = self.document.element.body
        sectPr = body.get_or_add_sectPr()
        for child in list(body):
            if child is not sectPr:
                body.remove(child)
        for ref in sectPr.findall(qn("w:footerReference")):
            sectPr.remove(ref)
            self.document.part.drop_rel(ref.get(qn("r:id")))
        for tag in SECTION_EXTRAS:
            oxml.remove_children(sectPr, tag)
        for tag in SETTINGS_EXTRAS:
            oxml.remove_children(self.document.settings.element, tag)

    def _letterhead(self) -> None:
        """The headers' placeholders filled; a header for odd pages only serves even ones
        too (docgen turns odd/even headers on for its page numbers)."""
        fill_headers(self.document, self.context, self.reference.name)
        section = self.document.sections[0]
        kinds = {r.get(qn("w:type")) for r in section._sectPr.findall(qn("w:headerReference"))}
        if "default" in kinds and "even" not in kinds:
            copy_header(section.header, section.even_page_header)

    # -- page numbers -------------------------------------------------------------------

    def _footers(self, section) -> None:
        spec = furniture_specs()["folio"]
        style = self.styles.use(spec)
        pairs = [(section.footer, "right"), (section.even_page_footer, "left")]
        if section.different_first_page_header_footer:      # a template's titlePg
            pairs.append((section.first_page_footer, "right"))
        for footer, align in pairs:
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
        plan = plan_header(doc.mark, self.profile, LINE_PITCH_PT)
        height, em_top = mark_line(self.profile.mark_size_pt)
        mark_rPr = self._rPr("xiaobiaosong", latin_role="xiaobiaosong")
        oxml.set_scale(mark_rPr, max(1, round(plan.mark_scale * 100)))   # w:w is 1–600 %
        # (spec, text, run properties, top in twips from the 版心 top, space before, height)
        # on 套打 paper the mark is pre-printed: its paragraph stays, empty, so that every
        # line below it keeps its grid line
        mark = doc.mark if self.profile.draws_mark else ""
        parts = [(specs["mark"], mark, mark_rPr, 0,
                  max(0, twips(plan.mark_top_pt) - em_top), height)]
        if doc.issue_line:
            parts.append((specs["issue"], doc.issue_line, self._rPr("fangsong"),
                          plan.issue_slot * grid.LINE, 0, grid.LINE))
        rule = 0
        if doc.office:
            text = doc.office + ("\t" + doc.office_date if doc.office_date else "")
            # the red rule: a bottom border ``gap`` pt under the line, as the PDF draws it
            gap = plan.rule_top_pt - (plan.office_slot + 1) * LINE_PITCH_PT
            rule = round(plan.rule_pt * 8) if self.profile.draws_rule else 0
            extent = twips(gap + plan.rule_pt) if rule else 0
            parts.append((specs["office"], text, self._rPr("fangsong"),
                          plan.office_slot * grid.LINE, 0, grid.LINE + extent))
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
                    oxml.set_bottom_border(pPr, rule, self.profile.red, round(gap))
            self._text_run(p, text, rPr)

    # -- body ---------------------------------------------------------------------------

    def _block(self, block: Block) -> Paragraph:
        spec = spec_for_block(block)
        p = self._paragraph(spec, before=block.gap_before * grid.LINE)
        lines = self.lines.get(id(block))
        if lines and any(span.keep for span in block.spans) and self._fill_lines(p, block, lines):
            return p
        self._fill(p, block)
        return p

    def _fill_lines(self, p: Paragraph, block: Block, lines: list[Line]) -> bool:
        """Attendance: the typesetter's lines, joined by line breaks.

        Word and LibreOffice break Chinese anywhere, a person's name included
        ("周春/良"); the typesetter never does, and to keep a name whole it lets the
        full-width spaces between entries give up to half a cell each. So these
        paragraphs carry its line ends as ``w:br``, and the spaces of a squeezed line as
        runs scaled narrower (``w:w``; LibreOffice ignores character spacing on a
        one-character run, but scales it). A separator that falls at a
        line end is left out: the break separates. After a line whose last mark hangs in
        the margin no ``w:br`` is written when the next line follows directly: the
        applications hang the mark and break there themselves (LibreOffice moves a mark
        followed by a ``w:br`` to the next line instead of hanging it). Returns False,
        writing nothing, if the lines do not spell the block's text.
        """
        chars = [(ch, span.font) for span in block.spans for ch in span.text]
        rows: list[tuple[bool, list[tuple[str, str, int | None]]]] = []  # (text, role, scale %)
        pos = 0
        for line in lines:
            glyphs = line.glyphs + line.hang
            skipped = False
            while pos < len(chars) and glyphs and chars[pos][0] != glyphs[0].ch:
                if chars[pos][0] not in SPACES:
                    return False
                pos += 1
                skipped = True
            excess = line.natural - line.available
            separators = sum(1 for g in line.glyphs if g.ch in SPACES)
            shrink = excess / separators if excess > 1e-6 and separators else 0.0
            row: list[tuple[str, str, int | None]] = []
            for g in glyphs:
                if pos >= len(chars) or chars[pos][0] != g.ch:
                    return False
                scale = None
                if shrink and g.ch in SPACES and g in line.glyphs:
                    scale = separator_scale(g.width - shrink)
                role = chars[pos][1]
                if row and row[-1][1] == role and row[-1][2] is None and scale is None:
                    row[-1] = (row[-1][0] + g.ch, role, None)
                else:
                    row.append((g.ch, role, scale))
                pos += 1
            rows.append((skipped, row))
        if any(ch not in SPACES for ch, _ in chars[pos:]):
            return False
        for i, (skipped, row) in enumerate(rows):
            if i and (skipped or not lines[i - 1].hang):
                p.add_run().add_break()
            for text, role, scale in row:
                rPr = self._body_rPr(p, role)
                if scale is not None:
                    oxml.set_scale(rPr, scale)
                self._text_run(p, text, rPr)
        return True

    def _fill(self, p: Paragraph, block: Block) -> None:
        """The block's spans as runs, each with its fonts; 印发: office, tab, date."""
        if block.kind == "printed":
            oxml.set_tabs(p._p.get_or_add_pPr(), [("right", grid.TEXT_W - grid.COLOPHON_CHAR)])
            self._text_run(p, block.spans[0].text + "\t" + block.spans[1].text,
                           self._body_rPr(p, block.spans[0].font))
            return
        squeezed = self._squeezed(block)
        offset = 0
        for span in block.spans:
            rPr = self._body_rPr(p, span.font)
            start = offset
            for cut in sorted(k for k in squeezed if offset <= k < offset + len(span.text)):
                if cut > start:
                    self._text_run(p, span.text[start - offset:cut - offset], rPr)
                narrow = copy.deepcopy(rPr)
                oxml.set_scale(narrow, separator_scale(0.5))
                self._text_run(p, span.text[cut - offset], narrow)
                start = cut + 1
            if start < offset + len(span.text):
                self._text_run(p, span.text[start - offset:], rPr)
            offset += len(span.text)

    def _squeezed(self, block: Block) -> set[int]:
        """Offsets in the block's text of marks drawn at half width (``w:w``).

        The typesetter may hang two marks in the margin ("…措施（试行）》。" with "》。"
        beyond the 28th cell, as the printed seed does); Word and LibreOffice hang one,
        push "行）》。" to the next line and the paragraph grows by a line, which can take
        the 版记 to an odd page. On such a line the two last full-width marks before the
        hanging pair give up half a cell each, and the line ends where the typesetter
        ended it. Book-title and corner marks are never narrowed (a narrow 《 reads as 〈),
        and a line without two other marks is left as it is. Nothing is squeezed when the
        lines do not spell the text."""
        text = "".join(span.text for span in block.spans)
        out: set[int] = set()
        pos = 0
        for line in self.lines.get(id(block), []):
            glyphs = line.glyphs + line.hang
            start = text.find(glyphs[0].ch, pos) if glyphs else pos
            if start < 0 or text[start:start + len(glyphs)] != "".join(g.ch for g in glyphs):
                return set()
            if len(line.hang) >= 2:
                marks = [start + k for k, g in enumerate(line.glyphs)
                         if g.ch in MARKS and g.ch not in KEEP_SHAPE and g.width >= 1]
                if len(marks) >= 2:
                    out |= set(marks[-2:])
            pos = start + len(glyphs)
        return out

    def _paragraph(self, spec: StyleSpec, before: int = 0, after: int = 0,
                   line: int | None = None) -> Paragraph:
        """A new body paragraph in ``spec``'s style; direct spacing only when it differs."""
        style_id = self.styles.use(spec)
        made = self.styles.made[style_id]
        p = self._new_paragraph(style_id)
        pPr = p._p.pPr
        line = line or made.line
        if before or after or line != made.line:
            oxml.set_line_exact(pPr, line, before=before, after=after)
        if (spec.left, spec.right, spec.first) != (made.left, made.right, made.first):
            oxml.set_indent(pPr, left=spec.left, right=spec.right, first=spec.first)
        if spec.align != made.align:
            oxml.set_jc(pPr, spec.align)
        return p

    def _new_paragraph(self, style_id: str) -> Paragraph:
        """``<w:p><w:pPr><w:pStyle/></w:pPr></w:p>`` at the body's end, before its final
        sectPr, as python-docx's add_paragraph puts it (built directly: its element
        helpers search every child's tag on each insertion)."""
        pPr = oxml.element("pPr")
        pPr.append(oxml.element("pStyle", val=style_id))
        el = oxml.element("p")
        el.append(pPr)
        body = self.document.element.body
        end = body.sectPr
        if end is None:
            body.append(el)
        else:
            end.addprevious(el)
        return Paragraph(el, self.document._body)

    def _body_rPr(self, p: Paragraph, role: str):
        """A run's properties; none in a template's style that already sets its font."""
        if self.styles.inherits(p._p.pPr.pStyle.val, role):
            return oxml.element("rPr")
        return self._rPr(role)

    def _rPr(self, role: str, latin_role: str | None = None):
        """A run's fonts for ``role``, a copy the caller may change (made once per role)."""
        made = self._rPrs.get((role, latin_role))
        if made is None:
            made = self._rPrs[role, latin_role] = oxml.element("rPr")
            self.styles.run_fonts(made, role, latin_role)
        return copy.deepcopy(made)

    @staticmethod
    def _text_run(p: Paragraph, text: str, rPr) -> None:
        """A run of ``text`` with a copy of ``rPr``: w:t pieces, a w:tab for each tab and
        a w:br for each line break, built directly (python-docx's run.text setter, which
        makes the same XML one character at a time, was a fifth of a DOCX's time)."""
        r = oxml.element("r")
        r.append(copy.deepcopy(rPr))
        for piece in RUN_PIECES.findall(text):
            if piece in RUN_BREAKS:
                r.append(oxml.element(RUN_BREAKS[piece]))
            else:
                t = oxml.element("t")
                t.text = piece
                if len(piece.strip()) < len(piece):      # as python-docx marks it
                    t.set(XML_SPACE, "preserve")
                r.append(t)
        p._p.append(r)

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
            blank = colophon_page - max(body_pages) > 1
            self._colophon_section(last_body, "nextPage" if blank else "evenPage")
            # The section's first paragraph carries its start (LibreOffice loses it when
            # the first thing in a section is a table it turns into a frame) and, when
            # the layout has a blank page before the 版记, that page.
            self._paragraph(anchor)
        self._colophon_table()
        last = self._paragraph(anchor)
        if colophon_page - max(body_pages) > 1:
            # the floating table goes with the paragraph it is anchored to
            oxml.set_flag(last._p.get_or_add_pPr(), "pageBreakBefore", True)

    def _colophon_section(self, last_body: Paragraph, start: str) -> None:
        """End the body's section at its last paragraph; the 版记 section has empty footers."""
        body_sectPr = self.document.sections[-1]._sectPr
        first = copy.deepcopy(body_sectPr)
        last_body._p.get_or_add_pPr().append(first)     # sectPr is the last child of pPr
        oxml.remove_children(body_sectPr, "footerReference")
        oxml.remove_children(body_sectPr, "headerReference")
        oxml.remove_children(body_sectPr, "titlePg")    # a template's first-page letterhead
        oxml.set_section_start(body_sectPr, start)
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
        props.title = doc.title[:255]         # OPC core properties hold 255 characters
        props.author = doc.author[:255]
        props.last_modified_by = doc.author[:255]
        props.created = when
        props.modified = when
        props.revision = 1
        props.comments = ""
        props.language = "zh-CN"
        oxml.set_application(self.document.part.package, APP_XML)


def copy_header(source, target) -> None:
    """``target`` (a new header part) made a copy of ``source``, pictures included: its
    relationships (a logo's image) are related anew from the target's part."""
    target.is_linked_to_previous = False
    src, dst = source.part, target.part
    hdr = dst.element
    for child in list(hdr):
        hdr.remove(child)
    for child in source._element:
        hdr.append(copy.deepcopy(child))
    ids = {qn("r:id"), qn("r:embed"), qn("r:link"), qn("r:pict")}
    for el in hdr.iter():
        for attr in ids & set(el.attrib):
            rel = src.rels.get(el.get(attr))
            if rel is None:
                continue
            new = (dst.relate_to(rel.target_ref, rel.reltype, is_external=True) if rel.is_external
                   else dst.relate_to(rel.target_part, rel.reltype))
            el.set(attr, new)


# -- header geometry shared with the PDF ---------------------------------------------------

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


def separator_scale(cells: float) -> int:
    """The ``w:w`` percentage that narrows a full-width space to ``cells`` grid cells.

    A little narrower than exact (``SEPARATOR_SLACK`` twips): a squeezed line is full to
    the last cell, and LibreOffice sets the last character of each run without the
    −0.25 pt spacing, which a scale rounded to whole percent must not push over.
    """
    return max(1, math.floor(100 * (cells * grid.CELL - SEPARATOR_SLACK) / grid.BODY_SIZE))


SEPARATOR_SLACK = 20


# Marks whose shape changes what they say when narrowed: 《 drawn at half width reads as 〈,
# and "……" or "——" would no longer fill their two cells.
KEEP_SHAPE = frozenset("《》〈〉「」『』…—")

__all__ = ["DocxBuilder", "render_docx"]
