"""The desk's routes: the form page, its static files, the fonts, and JSON endpoints that
call :class:`Desk` (which calls the same APIs as the CLI).

Rendering is CPU work: each call runs in Starlette's thread pool so that the server
keeps answering while a page is typeset.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from ..errors import DocgenError
from .guard import Guard, TooLarge
from .session import DeskConflict, Desk, errors_json, problem_json

STATIC = Path(__file__).parent / "static"
MIME = {"pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
LONG_POLL_S = 25.0     # a preview's /version?after=N answers at a change, or after this


def _json(body: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=NO_STORE)


async def _body(request: Request) -> dict[str, Any]:
    try:
        value = json.loads(await request.body())
    except TooLarge:
        raise
    except (ValueError, UnicodeDecodeError):
        raise DocgenError.one("请求不是有效的 JSON") from None
    if not isinstance(value, dict):
        raise DocgenError.one("请求应为 JSON 对象")
    return value


class Fonts:
    """/fonts/ROLE.EXT: only the files the typesetter resolved for its roles (nothing else
    on disk is reachable); faces inside a collection are cut out once and kept."""

    def __init__(self, files: dict | None = None, cut=None) -> None:
        from ..render.webfonts import FontBytes, font_files
        self.files = font_files() if files is None else files
        self.cut = cut or FontBytes()

    async def route(self, request: Request) -> Response:
        font = self.files.get(request.url.path)
        if font is None:
            return _json({"errors": [{"message": "找不到该字体"}]}, 404)
        cache = {"Cache-Control": "max-age=86400", "X-Content-Type-Options": "nosniff"}
        if font.index:
            data = await run_in_threadpool(self.cut.get, font)
            return Response(data, media_type=font.mime, headers=cache)
        return FileResponse(font.path, media_type=font.mime, headers=cache)


class Routes:
    """Handlers bound to one desk and one token."""

    def __init__(self, desk: Desk, token: str) -> None:
        self.desk = desk
        self.token = token
        self._fonts: Fonts | None = None

    # -- fonts: the faces the typesetter measured, so the pages look as the PDF does

    def fonts(self) -> "Fonts":
        if self._fonts is None:
            self._fonts = Fonts()
        return self._fonts

    def font_css(self) -> str:
        from ..render.webfonts import font_face_css
        return font_face_css(self.fonts().files).replace('.otf")', f'.otf?token={self.token}")') \
            .replace('.ttf")', f'.ttf?token={self.token}")')

    async def font(self, request: Request) -> Response:
        return await self.fonts().route(request)

    # -- the page

    async def index(self, request: Request) -> Response:
        page = (STATIC / "index.html").read_text(encoding="utf-8").replace("__TOKEN__", self.token)
        return Response(page, media_type="text/html; charset=utf-8", headers=NO_STORE)

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        path = STATIC / name
        if name not in {p.name for p in STATIC.iterdir()} or path.suffix not in (".js", ".css"):
            return _json({"errors": [{"message": "找不到该文件"}]}, 404)
        kind = "text/javascript" if path.suffix == ".js" else "text/css"
        return Response(path.read_bytes(), media_type=f"{kind}; charset=utf-8", headers=NO_STORE)

    # -- JSON

    async def schema(self, request: Request) -> Response:
        from ..model.minutes import Minutes
        from ..model.profile import gallery
        from .labels import labelled_schema
        profiles = sorted(gallery())      # the shipped templates and the office's
        return _json(labelled_schema(Minutes.model_json_schema(), profiles))

    async def load(self, request: Request) -> Response:
        return _json(await run_in_threadpool(self.desk.load))

    async def status(self, request: Request) -> Response:
        """Whether the file is still the one a page loaded (``?base=`` its digest)."""
        base = request.query_params.get("base", "")
        return _json({"changed_on_disk": await run_in_threadpool(self.desk.changed_on_disk, base)})

    async def validate(self, request: Request) -> Response:
        checked = await run_in_threadpool(self.desk.check, (await _body(request)).get("data"))
        return _json({"errors": [], "warnings": [problem_json(p) for p in checked.warnings]})

    async def pages(self, request: Request) -> Response:
        data = (await _body(request)).get("data")
        html, warnings = await run_in_threadpool(self.desk.pages, data)
        style = f"<style>\n{self.font_css()}\n</style>\n"
        html = html.replace("</head>", style + "</head>", 1)
        return _json({"errors": [], "html": html, "warnings": [problem_json(p) for p in warnings]})

    async def save(self, request: Request) -> Response:
        body = await _body(request)
        try:
            checked, base = await run_in_threadpool(self.desk.save, body.get("data"),
                                                    body.get("base"), body.get("confirm") is True)
        except DeskConflict:
            said = f"文件 {self.desk.path.name} 在本页载入后已被修改（其他程序、同事或另一个标签页）"
            return _json({"conflict": True, "errors": [{
                "path": "", "hint": "确认后覆盖，或载入磁盘上的文件", "message": said}]}, 409)
        return _json({"saved": self.desk.path.name, "base": base, "errors": [],
                      "warnings": [problem_json(p) for p in checked.warnings]})

    async def parse(self, request: Request) -> Response:
        return _json(await run_in_threadpool(self.desk.parse, (await _body(request)).get("text")))

    async def download(self, request: Request) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in MIME:
            return _json({"errors": [{"message": f"不支持的格式“{fmt}”"}]}, 404)
        data = await run_in_threadpool(self.desk.document, (await _body(request)).get("data"), fmt)
        return Response(data, media_type=MIME[fmt], headers={
            **NO_STORE, "Content-Disposition": attachment(f"{self.desk.path.stem}.{fmt}")})


def attachment(name: str) -> str:
    """Content-Disposition for a file name in Chinese: headers are Latin-1, so the name is
    percent-encoded (RFC 6266), with an ASCII stand-in for very old clients."""
    from urllib.parse import quote
    plain = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


async def _input_error(request: Request, exc: Exception) -> Response:
    return _json({"errors": errors_json(exc)}, 422)  # type: ignore[arg-type]


async def _too_large(request: Request, exc: Exception) -> Response:
    from .guard import MAX_BODY
    return _json({"errors": [{"message": f"请求太大（上限 {MAX_BODY // 1024 // 1024} MB）"}]}, 413)


async def _internal(request: Request, exc: Exception) -> Response:
    import traceback
    traceback.print_exception(exc)
    return _json({"errors": [{"path": "", "message": f"内部错误：{type(exc).__name__}: {exc}"}]}, 500)


class Changes:
    """The preview's versions as the event loop sees them: a request waits for the next one
    without a thread of its own (the watcher thread wakes the loop)."""

    def __init__(self, preview: Any) -> None:
        self.preview = preview
        self.loop: asyncio.AbstractEventLoop | None = None
        self.event = asyncio.Event()
        preview.listeners.append(self._changed)

    def _changed(self) -> None:                      # the watcher thread
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        self.event.set()
        self.event = asyncio.Event()

    async def after(self, seen: int) -> int:
        """The version once it is no longer ``seen``, or the same after LONG_POLL_S or when
        the preview stops."""
        self.loop = asyncio.get_running_loop()
        deadline = self.loop.time() + LONG_POLL_S
        while (current := self.preview.snapshot().version) == seen and not self.preview.stopping:
            remaining = deadline - self.loop.time()
            if remaining <= 0:
                break
            try:
                await asyncio.wait_for(self.event.wait(), remaining)
            except TimeoutError:
                break
        return current


def make_view_app(preview: Any) -> Guard:
    """``docgen preview``: the read-only view of a draft on disk (docgen.preview.Preview
    renders it and follows its saves). Only Host is checked: the page changes nothing, and
    another site's page cannot read it (same-origin policy)."""
    fonts = Fonts(preview.fonts, preview.font_bytes)

    async def page(request: Request) -> Response:
        return Response(preview.snapshot().page, media_type="text/html; charset=utf-8",
                        headers=NO_STORE)

    changes = Changes(preview)

    async def version(request: Request) -> Response:
        after = request.query_params.get("after", "")
        current = await changes.after(int(after)) if after.isdigit() else preview.snapshot().version
        return Response(str(current), media_type="text/plain; charset=utf-8", headers=NO_STORE)

    async def no_icon(request: Request) -> Response:
        return Response(b"", status_code=204, headers={"Cache-Control": "max-age=86400"})

    async def not_found(request: Request, exc: Exception) -> Response:
        return Response("找不到该页面\n", status_code=404, media_type="text/plain; charset=utf-8")

    app = Starlette(routes=[
        Route("/", page), Route("/index.html", page), Route("/version", version),
        Route("/fonts/{name}", fonts.route), Route("/favicon.ico", no_icon),
    ], exception_handlers={404: not_found, Exception: _internal})
    return Guard(app, token=None)


def make_app(path: Path, token: str) -> Guard:
    """The desk for ``path``, behind its guard."""
    routes = Routes(Desk(path), token)
    app = Starlette(routes=[
        Route("/", routes.index),
        Route("/static/{name}", routes.static),
        Route("/fonts/{name}", routes.font),
        Route("/api/schema", routes.schema),
        Route("/api/load", routes.load),
        Route("/api/status", routes.status),
        Route("/api/validate", routes.validate, methods=["POST"]),
        Route("/api/pages", routes.pages, methods=["POST"]),
        Route("/api/save", routes.save, methods=["POST"]),
        Route("/api/parse", routes.parse, methods=["POST"]),
        Route("/api/download/{fmt}", routes.download, methods=["POST"]),
    ], exception_handlers={DocgenError: _input_error, TooLarge: _too_large,
                           Exception: _internal})
    app.state.desk = routes.desk
    return Guard(app, token)
