"""audit_file: a finished 纪要 (PDF) measured against GB/T 9704-2012.

Reading goes through the parser's readers and limits (size, pages, time, damaged files),
so a file ``docgen parse`` refuses is refused here with the same message.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocgenError
from ..model.profile import Profile
from . import backmatter, body, header, page
from .findings import Report
from .pdfdoc import PdfMeasure, measure_pdf

SUFFIXES = (".pdf",)


def audit_measure(m: PdfMeasure, report: Report, profile: Profile | None, source: str) -> None:
    """Every PDF check, on one measured layout."""
    page.check_paper(m, report, source)
    page.check_margins(m, report, source)
    page.check_chars(m, report, source)
    page.check_lines(m, report, source)
    body.check_body(m, report, source)
    top = page.measured_top(m)
    header.check_mark(m, report, top, profile.mark_size_pt if profile else None, source)
    backmatter.check_colophon(m, report, top, source)
    backmatter.check_folios(m, report, top, source)


def audit_pdf_bytes(data: bytes, name: str, profile: Profile | None = None) -> Report:
    from ..parse.api import damaged_is_refused
    with damaged_is_refused(name, "PDF"):
        m = measure_pdf(data, name)
    report = Report(name, "pdf")
    audit_measure(m, report, profile, "pdf")
    return report


def audit_file(path: Path | str, profile: Profile | None = None) -> Report:
    """Audit one finished document; DocgenError when it cannot be read."""
    from ..parse.api import read_bytes
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocgenError.one(f"不支持的文件类型“{path.suffix}”", file=str(path),
                              hint="docgen audit 检查 .pdf 文件")
    data = read_bytes(path)
    return audit_pdf_bytes(data, str(path), profile)
