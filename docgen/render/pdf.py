"""HTML → PDF with WeasyPrint: it draws the lines the typesetter placed, fonts subset-embedded."""

from __future__ import annotations

from ..environment import ensure_fontconfig_env


def html_to_pdf(html: str) -> bytes:
    ensure_fontconfig_env()
    import weasyprint   # imported late: ~0.5 s, and only the PDF path needs it
    return weasyprint.HTML(string=html, base_url=".").write_pdf()
