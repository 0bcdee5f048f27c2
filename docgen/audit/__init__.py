"""``docgen audit``: a GB/T 9704-2012 conformance report for a finished 纪要, ours or not."""

from .api import audit_file, audit_pdf_bytes
from .findings import Finding, Report

__all__ = ["Finding", "Report", "audit_file", "audit_pdf_bytes"]
