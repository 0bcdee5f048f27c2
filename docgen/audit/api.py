"""audit_file: a finished 纪要 (PDF or DOCX) measured against GB/T 9704-2012.

Reading goes through the parser's readers and limits (size, pages, time, zip bombs,
damaged files), so a file ``docgen parse`` refuses is refused here with the same message.

A DOCX is checked on its own settings (sections, docGrid, styles, footers); what only a
layout shows — the page the 版记 falls on, where the 纪要标志 sits, which pages carry a
number — is checked on LibreOffice's PDF of it, and each finding says which.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocgenError
from ..gbt9704 import GRID
from ..model.profile import Profile
from . import attendance, backmatter, body, header, page, text
from .findings import Report
from .pdfdoc import PdfMeasure, measure_pdf

SUFFIXES = (".pdf", ".docx")
# What a DOCX's settings cannot tell: checked on LibreOffice's PDF of it.
LAYOUT_RULES = {"header.mark.position", "header.rule", "colophon.page", "colophon.foot", "colophon.printed",
                "body.attendance", "folio.missing", "folio.extra", "folio.height"}


def audit_measure(m: PdfMeasure, report: Report, profile: Profile | None, source: str) -> None:
    """Every PDF check, on one measured layout."""
    page.check_paper(m, report, source)
    page.check_margins(m, report, source)
    page.check_chars(m, report, source)
    page.check_overflow(m, report, source)
    page.check_lines(m, report, source)
    body.check_body(m, report, source)
    attendance.check_attendance(m, report, source)
    from .paragraphs import pdf_paragraphs
    text.check_text(pdf_paragraphs(m), report, source)
    top = page.measured_top(m)
    if _header_is_printed(profile, report):
        header.check_mark(m, report, top, profile.mark_size_pt if profile else None, source,
                          red=not profile or profile.masthead == "red")
        header.check_rule(m, report, source)
    backmatter.check_colophon(m, report, top, source)
    backmatter.check_folios(m, report, top, source)


def _header_is_printed(profile: Profile | None, report: Report) -> bool:
    """A profile for 套打 paper (masthead: blank) leaves the mark and rule to the paper:
    the document cannot show them, so they are noted, not measured."""
    if profile is None or profile.masthead != "blank":
        return True
    report.notes.append(f"版式 {profile.name} 为套打（masthead: blank）：纪要标志和版头分隔线印在纸上，未检查")
    return False


def audit_pdf_bytes(data: bytes, name: str, profile: Profile | None = None) -> Report:
    from ..parse.api import damaged_is_refused
    with damaged_is_refused(name, "PDF"):
        m = measure_pdf(data, name)
    report = Report(name, "pdf")
    audit_measure(m, report, profile, "pdf")
    return report


def audit_docx_bytes(data: bytes, name: str, profile: Profile | None = None,
                     layout_pdf: bytes | None = None) -> Report:
    """``layout_pdf``: LibreOffice's PDF of this DOCX when the caller already has it (a
    batch converts many in one LibreOffice run)."""
    from ..parse.api import damaged_is_refused
    from ..parse.docx import open_docx
    from .docxdoc import read_docx_settings
    from .libreoffice import docx_to_pdf
    with damaged_is_refused(name, "DOCX"):
        settings = read_docx_settings(open_docx(data, name), name)
    if not settings.paragraphs:
        raise DocgenError.one("DOCX 中没有文字", file=name)
    report = Report(name, "docx")
    page.check_docx_page(settings, report)
    face, size, paras = body.check_docx_body(settings, report)
    grid_known = page.check_docx_grid(settings, report, face, size, paras)
    from .paragraphs import docx_paragraphs
    sec = settings.sections[0]
    sized = [p for p in settings.paragraphs if size and _mostly(p, size)]
    text.check_text(docx_paragraphs(sized, (sec.width - sec.left - sec.right) / GRID.chars),
                    report, "docx")
    if _header_is_printed(profile, report):
        header.check_docx_mark(settings, report, profile.mark_size_pt if profile else None,
                               red=not profile or profile.masthead == "red")
    backmatter.check_docx_footers(settings, report)
    pdf, why = (layout_pdf, "") if layout_pdf is not None else docx_to_pdf(data)
    if pdf is None:
        report.notes.append(why)
        return report
    layout = Report(name, "docx-pdf")
    with damaged_is_refused(name, "PDF"):
        audit_measure(measure_pdf(pdf, name, settings.header_texts), layout, profile, "docx-pdf")
    wanted = LAYOUT_RULES | (set() if grid_known else {"page.lines"})
    report.findings.extend(f for f in layout.findings if f.rule.id in wanted)
    report.measured["libreoffice_pdf"] = layout.measured
    report.notes.extend(f"（LibreOffice 转换的 PDF）{note}" for note in layout.notes)
    return report


def _mostly(p, size: float) -> bool:
    """Whether most of a paragraph's characters are set in the body's size (not the 版记's)."""
    at = sum(len(r.text) for r in p.runs if r.size == size)
    return at * 2 > sum(len(r.text) for r in p.runs)


def audit_file(path: Path | str, profile: Profile | None = None) -> Report:
    """Audit one finished document; DocgenError when it cannot be read."""
    from ..parse.limits import read_bytes
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocgenError.one(f"不支持的文件类型“{path.suffix}”", file=str(path),
                              hint="docgen audit 检查 .pdf 和 .docx 文件")
    data = read_bytes(path)
    if suffix == ".docx":
        return audit_docx_bytes(data, str(path), profile)
    return audit_pdf_bytes(data, str(path), profile)
