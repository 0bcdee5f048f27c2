"""A page of Debian's headless Chromium (through Playwright) for the benchmarks that time
what a clerk sees: the desk's keystrokes and the preview's saves."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return shutil.which("chromium") is not None


@contextmanager
def chromium_page(url: str, ready: str) -> Iterator[object]:
    """The page at ``url`` once ``ready`` (a selector) is there; the tests' launcher
    (tests/desk_browser.py) sets Chromium up as the tests do."""
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from desk_browser import launch
    with sync_playwright() as p:
        context, profile = launch(p)
        try:
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector(ready)
            yield page
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)
