"""``docgen preview`` on the seed: from a save of the draft to the new page in Chromium.

A headless Chromium shows the preview; the draft's second topic title is changed and saved
(write and rename, as an editor saves), and the clock runs until the page's text shows
the change: the file watcher, the render, the held ``/version`` answering and the page's
reload with its fonts (issue 12: "a save shows the new pages within 0.3 s").
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from . import browser


def _start(docgen: list[str], path: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(docgen + ["preview", str(path), "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:\d+/", lines.get(timeout=60))
        if found:
            return proc, found.group(0)
    raise SystemExit("benchmark: docgen preview printed no address")


def _save(path: Path, text: str) -> None:
    temp = path.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def measure_preview(docgen: list[str], seed_yaml: Path, runs: int) -> list[float] | None:
    """Milliseconds from each save to the new page, or None without Chromium/Playwright."""
    if not browser.available():
        return None
    tmp = Path(tempfile.mkdtemp(prefix="docgen-bench-preview-"))
    path = tmp / "seed.yaml"
    original = seed_yaml.read_text(encoding="utf-8")
    title = re.search(r"(?m)^  - title: ", original)
    if title is None:
        raise SystemExit("benchmark: the seed has no topic title to change")
    path.write_text(original, encoding="utf-8")
    proc, url = _start(docgen, path)
    values = []
    try:
        with browser.chromium_page(url, ".page") as page:
            for i in range(runs + 2):
                marker = f"预览{i:03d}"
                text = original[:title.end()] + marker + original[title.end():]
                start = time.perf_counter()
                _save(path, text)
                page.wait_for_function("m => document.body && document.body.innerText.includes(m)",
                                       arg=marker, timeout=30_000)
                if i >= 2:                          # the first two warm the caches
                    values.append((time.perf_counter() - start) * 1000)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    return values
