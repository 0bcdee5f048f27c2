"""``docgen preview FILE``: the rendered pages in a browser, refreshed when the file is saved.

The read-only view of the desk's app (docgen.desk.app.make_view_app: Starlette, served by
uvicorn on 127.0.0.1 only):

- ``/``          the page: exactly the HTML the PDF is drawn from (``render_html``), with three
                 additions — @font-face rules pointing at ``/fonts/``, a banner listing errors
                 and warnings, and a few lines of JavaScript that wait on ``/version``;
- ``/version``   a counter that goes up whenever the file's content changes (a watchfiles
                 thread hears of changes in the draft's and the profile's folders, then the
                 content is compared); ``/version?after=N`` is held until the counter is no
                 longer N, so a save shows in the page as soon as it is typeset, not at
                 the next poll;
- ``/fonts/R.ext``  the font file the typesetter measured for role R (only files resolved by
                 ``docgen.layout.fonts.face(role).path``; nothing else on disk is reachable).

Invalid input never stops the server: the page shows the errors (in Chinese, escaped) above
the last good rendering, and recovers on the next save. Ctrl-C (or SIGTERM) stops it cleanly.
"""

from __future__ import annotations

import hashlib
import html
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import DocgenError, Problem
from .render.webfonts import FontBytes, font_face_css, font_files

RETRY_MS = 1000              # the page asks /version again after a failed request
WATCH_DEBOUNCE_MS = 50       # watchfiles groups the events of one save (write, rename)


# --------------------------------------------------------------------------- the page


# The page asks for the next version and, when it comes, fetches the page again and puts
# its body in place of this one: no navigation, so the fonts stay decoded, nothing flashes
# and the scroll position stays. A changed <head> (another profile's CSS) reloads instead.
_SCRIPT = """<script>
(function () {
  var head = null;                      // as parsed: read once the whole page is in
  function version() { return document.body.getAttribute("data-docgen-version"); }
  function show(text) {
    var doc = new DOMParser().parseFromString(text, "text/html");
    if (doc.head.innerHTML !== head) { location.reload(); return; }
    document.body.replaceWith(document.adoptNode(doc.body));
    poll();
  }
  function poll() {
    fetch("/version?after=" + encodeURIComponent(version()), {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v === version()) { poll(); return; }
        return fetch("/", {cache: "no-store"}).then(function (r) { return r.text(); }).then(show);
      })
      .catch(function () { setTimeout(poll, %d); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    head = document.head.innerHTML;
    poll();
  });
})();
</script>"""

_BANNER_CSS = """
.docgen-banner { font: 15px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 12px auto;
  width: 210mm; box-sizing: border-box; padding: 10px 16px; border-radius: 4px; white-space: pre-wrap; }
.docgen-errors { background: #fdecea; border: 1px solid #e06666; color: #7a1c1c;
  position: sticky; top: 8px; z-index: 10; }  /* in view wherever the clerk has scrolled to */
.docgen-warnings { background: #fff8e1; border: 1px solid #e0b040; color: #5d4300; }
.docgen-banner h2 { font-size: 16px; margin: 0 0 6px; }
.docgen-banner ul { margin: 0; padding-left: 20px; }
@media print { .docgen-banner { display: none; } }
"""

_EMPTY = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
</head>
<body>
</body>
</html>"""


def _banner(kind: str, heading: str, problems: list[str]) -> str:
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return (f'<div class="docgen-banner docgen-{kind}" role="alert"><h2>{html.escape(heading)}</h2>'
            f"<ul>{items}</ul></div>")


def decorate(document: str, *, version: str, fonts_css: str, errors: list[str],
             warnings: list[str], stale: bool) -> str:
    """The rendered HTML plus the preview's additions (fonts, banner, reload script); the
    version is on <body>, so that <head> stays the same from one version to the next."""
    head = f"<style>\n{fonts_css}\n{_BANNER_CSS}</style>\n" + _SCRIPT % RETRY_MS
    body = ""
    if errors:
        heading = "有错误，未能排版" + ("：下面是上次成功排版的结果" if stale else "")
        body += _banner("errors", heading, errors)
    if warnings:
        body += _banner("warnings", "警告", warnings)
    if "</head>" in document:
        document = document.replace("</head>", head + "\n</head>", 1)
    else:
        document = head + document
    mark = f' data-docgen-version="{html.escape(version)}"'
    start = document.find("<body")
    if start >= 0:
        end = document.find(">", start)
        document = document[:end] + mark + ">\n" + body + document[end + 1:]
    else:
        document = f"<body{mark}>\n{body}{document}</body>"
    return document


# --------------------------------------------------------------------------- state


@dataclass
class Snapshot:
    version: int = 0
    page: str = ""
    errors: list[str] = field(default_factory=list)


def _problem_text(problem: Problem, name: str) -> str:
    if not problem.file:
        problem = Problem(problem.message, file=name, line=problem.line, column=problem.column,
                          path=problem.path, hint=problem.hint)
    return str(problem)


class Preview:
    """The file being previewed, its latest rendering, and the watcher thread."""

    def __init__(self, path: Path, log: Callable[[str], None] = print) -> None:
        self.path = path
        self.name = str(path)
        self.log = log
        self.fonts = font_files()
        self.fonts_css = font_face_css(self.fonts)
        self.font_bytes = FontBytes()
        self._lock = threading.Lock()
        self._snapshot = Snapshot()
        self._last_good: str | None = None
        self._digest: bytes | None = None
        self.profile_path: Path | None = None     # the draft's own profile file, also watched
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listeners: list[Callable[[], None]] = []   # told of each new version (any thread)

    # -- rendering

    def _render(self, raw: bytes | None, missing: str | None) -> tuple[str | None, list[str], list[str]]:
        """(the rendered HTML or None, errors, warnings)."""
        from .model import load_minutes_text, load_profile
        from .model.profile import profile_file
        from .model.source import decode
        from .render.api import render_bytes
        if raw is None:
            return None, [missing or f"文件 {self.name}：无法读取"], []
        try:
            loaded = load_minutes_text(decode(raw, self.name), self.name)
            self.profile_path = profile_file(loaded.minutes.profile)
            profile = load_profile(loaded.minutes.profile)
            page = render_bytes(loaded.minutes, "html", profile=profile).decode("utf-8")
        except DocgenError as exc:
            problems = exc.problems or [Problem("输入有误")]
            return None, [_problem_text(p, self.name) for p in problems], []
        except Exception as exc:  # noqa: BLE001 - the server keeps running whatever happens
            return None, [f"内部错误：{type(exc).__name__}: {exc}"], []
        return page, [], [_problem_text(p, self.name) for p in loaded.warnings]

    def _read(self) -> tuple[bytes | None, str | None]:
        from .model.source import MAX_BYTES
        try:
            size = self.path.stat().st_size
            if size > MAX_BYTES:
                return None, f"文件 {self.name}：文件太大（超过 {MAX_BYTES // 1024 // 1024} MB）"
            return self.path.read_bytes(), None
        except FileNotFoundError:
            return None, f"文件 {self.name}：找不到文件（已被删除或改名？）"
        except OSError as exc:
            return None, f"文件 {self.name}：无法读取（{exc.strerror or exc}）"

    def refresh(self, force: bool = False) -> bool:
        """Re-render if the draft or its profile file changed; True when a new version was
        published."""
        raw, missing = self._read()
        draft = hashlib.sha256(raw).digest() if raw is not None else (missing or "").encode()
        if not force and draft + self._profile_digest() == self._digest:
            return False
        page, errors, warnings = self._render(raw, missing)      # may name another profile
        self._digest = draft + self._profile_digest()
        if page is not None:
            self._last_good = page
        base = page or self._last_good or _EMPTY.format(title=html.escape(self.path.name))
        with self._lock:
            version = self._snapshot.version + 1
            self._snapshot = Snapshot(version, decorate(
                base, version=str(version), fonts_css=self.fonts_css, errors=errors,
                warnings=warnings, stale=page is None and self._last_good is not None), errors)
        for listener in self.listeners:
            listener()
        if errors:
            self.log(f"有错误（页面中已显示）：{errors[0]}" + (f" 等 {len(errors)} 处" if len(errors) > 1 else ""))
        elif version > 1:
            self.log("已重新排版")
        return True

    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot

    # -- watching

    def _profile_digest(self) -> bytes:
        """The profile file's content: a change to it re-renders like a change to the draft."""
        try:
            return hashlib.sha256(self.profile_path.read_bytes()).digest() if self.profile_path else b""
        except OSError:
            return b"-"

    def _watched(self) -> tuple[set[Path], set[Path]]:
        """(folders to watch, files in them that matter): watching the folder, not the file,
        also sees a save that replaces the file (an editor's write-and-rename)."""
        files = {p.resolve() for p in (self.path, self.profile_path) if p is not None}
        return {f.parent for f in files if f.parent.is_dir()}, files

    def _watch(self) -> None:
        from watchfiles import watch
        while not self._stop.is_set():
            folders, files = self._watched()
            for changes in watch(*folders, stop_event=self._stop, debounce=WATCH_DEBOUNCE_MS,
                                 step=WATCH_DEBOUNCE_MS, yield_on_timeout=False,
                                 raise_interrupt=False):
                if not any(Path(name).resolve() in files for _, name in changes):
                    continue
                try:
                    self.refresh()
                except Exception:  # noqa: BLE001 - keep watching
                    traceback.print_exc()
                if self._watched() != (folders, files):     # the draft now names another profile
                    break

    def start(self) -> None:
        self.refresh(force=True)
        self._thread = threading.Thread(target=self._watch, name="docgen-preview-watch",
                                        daemon=True)
        self._thread.start()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def closing(self) -> None:
        """Stop watching and answer every held /version request (at Ctrl-C: the server
        waits for open requests before it stops)."""
        self._stop.set()
        for listener in self.listeners:
            listener()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)


# --------------------------------------------------------------------------- serving


def serve(path: Path, port: int = 8000, say: Callable[[str], None] = print) -> int:
    """Run the preview until Ctrl-C or SIGTERM; 0 when stopped that way."""
    from .desk.serve import bind, run, uvicorn_module
    if not path.is_file():
        raise DocgenError.one("找不到文件", file=str(path))
    uvicorn_module()
    from .desk.app import make_view_app
    preview = Preview(path, log=lambda text: print(text, file=sys.stderr, flush=True))
    sock = bind(port, "预览服务")
    try:
        preview.start()
        say(f"预览地址：http://127.0.0.1:{sock.getsockname()[1]}/")
        say(f"正在监视 {path}，保存后页面自动刷新；按 Ctrl-C 停止")
        errors = preview.snapshot().errors
        if errors:
            print(f"有错误（页面中已显示）：{errors[0]}", file=sys.stderr, flush=True)
        run(make_view_app(preview), sock, on_exit=preview.closing)
    finally:
        preview.stop()
        sock.close()
    say("预览已停止")
    return 0
