"""HTML → PDF with WeasyPrint: it draws the lines the typesetter placed, fonts subset-embedded.

Two things make renders cheaper, most of all repeated ones in one process (a batch
worker), without moving a single glyph (tests/test_pdf_layout.py pins the geometry):

* one WeasyPrint ``FontConfiguration`` per thread, reused: Pango's font map, its loaded
  faces and WeasyPrint's strut and feature caches survive from one document to the next
  (a fresh map per render also kept a batch worker's memory growing to ~500 MB);
* fewer passes of Python's cyclic garbage collector during the render
  (:func:`_fewer_collections`).

benchmarks/README.md has the figures before and after each.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

from ..environment import ensure_fontconfig_env

_local = threading.local()


def html_to_pdf(html: str) -> bytes:
    ensure_fontconfig_env()
    import weasyprint   # imported late: ~0.5 s, and only the PDF path needs it
    with _fewer_collections():
        document = weasyprint.HTML(string=html, base_url=".", url_fetcher=_url_fetcher())
        return document.write_pdf(font_config=_font_config(html))


def _url_fetcher():
    """Only ``data:`` URLs are fetched. docgen's own pages load nothing (fonts come through
    fontconfig), and a user's template must not read local files into the PDF
    (``<link rel=attachment href=file:///…>``) nor make network requests."""
    fetcher = getattr(_local, "url_fetcher", None)
    if fetcher is None:
        from weasyprint.urls import URLFetcher
        fetcher = _local.url_fetcher = URLFetcher(allowed_protocols={"data"})
    return fetcher


_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved: tuple[int, ...] = ()


@contextmanager
def _fewer_collections(young: int = 10_000):
    """Run the cyclic garbage collector less often while WeasyPrint works.

    A render allocates millions of short-lived objects; with CPython's default threshold (a
    young collection every 700 net allocations) the seed's PDF ran ~90 collections that
    re-scanned the growing document, ~60 ms in all; with 10,000, 18 collections and ~28 ms
    (the render ~20 ms faster, benchmarks/README.md). The same garbage is still collected.
    The threshold of this process is raised only for the duration and put back after, also
    when renders overlap in threads; a higher threshold set by the caller is left alone.
    """
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            if _gc_saved[0] and _gc_saved[0] < young:
                gc.set_threshold(young, *_gc_saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_saved:
                gc.set_threshold(*_gc_saved)


def _font_config(html: str):
    """This thread's FontConfiguration; a fresh one for HTML with its own ``@font-face``
    rules, so that fonts a user template adds never leak into later documents."""
    from weasyprint.text.fonts import FontConfiguration
    if "@font-face" in html:
        return FontConfiguration()
    config = getattr(_local, "font_config", None)
    if config is None:
        config = _local.font_config = FontConfiguration()
    return config
