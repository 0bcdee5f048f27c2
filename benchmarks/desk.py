"""``docgen edit`` on the seed: how long until it answers, and from a keystroke to new pages.

- start: a fresh ``docgen edit COPY --port 0`` process, from ``exec`` until ``/api/load``
  answers (the address is its first line of output), then stopped; each run a new process.
- pages: one running desk, POST /api/pages with the seed's data, one character of a topic's
  title changed each time (the server's share of a keystroke: load, check, typeset, HTML).
- keystroke: in headless Chromium (when installed) a character typed into a topic's title,
  until the page shows the new pages: the debounce, the request, and the frame's reload.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from . import browser


class _Desk:
    def __init__(self, docgen: list[str], path: Path) -> None:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(docgen + ["edit", str(path), "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(x) for x in self.proc.stdout], daemon=True).start()
        self.url = lines.get(timeout=60).strip()
        self.base, self.token = self.url.split("/?token=")

    def call(self, route: str, body: object | None = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + route, data=data, headers={
            "X-Docgen-Token": self.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _answering(desk: _Desk) -> float:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            desk.call("/api/load")
            return time.perf_counter() - desk.started
        except OSError:
            time.sleep(0.005)
    raise SystemExit("benchmark: docgen edit did not answer")


def measure_desk(docgen: list[str], seed_yaml: Path, runs: int, warm, log) -> dict[str, object]:
    """Stats (``warm`` is run.warm) for start (s), pages and keystroke (ms)."""
    tmp = Path(tempfile.mkdtemp(prefix="docgen-bench-desk-"))
    try:
        path = tmp / "seed.yaml"
        shutil.copy(seed_yaml, path)
        log("desk: start")
        starts = []
        for _ in range(runs + 1):                       # the first run only warms the file cache
            desk = _Desk(docgen, path)
            try:
                starts.append(_answering(desk))
            finally:
                desk.stop()
        out: dict[str, object] = {"start_s": starts[1:]}
        desk = _Desk(docgen, path)
        try:
            _answering(desk)
            data = desk.call("/api/load")["data"]
            title = data["topics"][1]["title"]
            count = iter(range(10_000))

            def keystroke() -> None:
                data["topics"][1]["title"] = title + "一二三四五六七八九"[next(count) % 9]
                desk.call("/api/pages", {"data": data})
            log("desk: pages")
            out["pages_ms"] = warm(keystroke, runs).values
            log("desk: keystroke in Chromium")
            out["keystroke_ms"] = _browser_keystrokes(desk.url, runs)
        finally:
            desk.stop()
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _browser_keystrokes(url: str, runs: int) -> list[float] | None:
    if not browser.available():
        return None
    values = []
    with browser.chromium_page(url, "body[data-ready]") as page:
        from desk_browser import wait_rendered  # tests/ is on the path once a page is open
        mark = wait_rendered(page)
        box = page.locator('[name="topics[1].title"]')
        for i in range(runs + 2):
            box.press("End")
            start = time.perf_counter()
            box.press_sequentially("一二三四五六七八九"[i % 9])
            mark = wait_rendered(page, after=mark)
            if i >= 2:
                values.append((time.perf_counter() - start) * 1000)
    return values
