"""Shared by the browser tests: ``docgen edit`` in a subprocess, and Debian's Chromium
driven by Playwright (the system browser; Playwright downloads none)."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium's own services dial out, and on a closed
# network it then refuses connections; a fresh profile each run keeps runs apart.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Desk:
    """``docgen edit FILE --port 0`` until stopped; ``url`` is its first line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.proc = subprocess.Popen([sys.executable, "-m", "docgen", "edit", str(path), "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.proc.stdout],
                         daemon=True).start()
        try:
            first = lines.get(timeout=60)
        except queue.Empty:
            self.stop()
            raise AssertionError(f"docgen edit printed nothing: {self.proc.stderr.read()}") from None
        found = re.fullmatch(r"(http://127\.0\.0\.1:(\d+)/\?token=[\w-]+)\n", first)
        assert found, first
        self.url = found.group(1)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def launch(playwright):
    profile = tempfile.mkdtemp(prefix="docgen-chromium-")
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        accept_downloads=True, viewport={"width": 1500, "height": 1000}, locale="zh-CN")
    return context, profile


def wait_rendered(page, after: str | None = None, timeout: float = 60_000) -> str:
    """Wait until the pages were refreshed after ``after`` (data-rendered changes) and no
    request is in flight; returns the new mark."""
    page.wait_for_function(
        "([after]) => { const v = document.body.getAttribute('data-rendered');"
        " return v !== null && v !== after && !document.body.hasAttribute('data-busy'); }",
        arg=[after], timeout=timeout)
    return page.get_attribute("body", "data-rendered")


def settle(page, timeout: float = 60_000) -> None:
    """Wait for the debounce to fire and every request to come back."""
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.body.hasAttribute('data-busy')", timeout=timeout)


def pages_text(page) -> str:
    return page.frame_locator("#pages").locator("body").inner_text()


def environ_ok() -> bool:
    return os.path.exists(CHROMIUM)
