"""The desk answers only this machine and this run.

- Host must be 127.0.0.1 or localhost (a page elsewhere that rebinds its own name to
  127.0.0.1 — DNS rebinding — sends its own name and is refused);
- every request carries the per-run token, in the address (``?token=``) or in the
  ``X-Docgen-Token`` header, so another local user's page cannot drive the desk (CSRF);
- request bodies are limited, whether or not they announce their length.
"""

from __future__ import annotations

import json
import secrets
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qs

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
TOKEN_HEADER = b"x-docgen-token"
MAX_BODY = 8 * 1024 * 1024        # a pasted draft or a form's JSON is far smaller

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _host(scope: Scope) -> str:
    for key, value in scope.get("headers", []):
        if key == b"host":
            host = value.decode("latin-1").lower()
            if host.startswith("["):
                return host[1:host.find("]")] if "]" in host else host
            return host.rsplit(":", 1)[0]
    return ""


def _token(scope: Scope) -> str:
    for key, value in scope.get("headers", []):
        if key == TOKEN_HEADER:
            return value.decode("latin-1")
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return (query.get("token") or [""])[0]


async def _refuse(send: Callable, status: int, message: str) -> None:
    body = json.dumps({"errors": [{"message": message}]}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": body})


class TooLarge(Exception):
    """A body went over MAX_BODY while it was being read."""


class Guard:
    """ASGI middleware in front of the desk's routes."""

    def __init__(self, app: ASGIApp, token: str | None, max_body: int = MAX_BODY) -> None:
        """``token`` None: a read-only view, which needs no token (see app.make_view_app)."""
        self.app = app
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _host(scope) not in LOCAL_HOSTS:
            await _refuse(send, 421, "只接受发往本机（127.0.0.1 或 localhost）的请求")
            return
        if self.token is not None and not secrets.compare_digest(_token(scope).encode(),
                                                                 self.token.encode()):
            await _refuse(send, 403, "缺少或错误的访问令牌：请使用 docgen edit 打印的完整地址")
            return
        for key, value in scope.get("headers", []):
            if key == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                await _refuse(send, 413, f"请求太大（上限 {self.max_body // 1024 // 1024} MB）")
                return
        await self.app(scope, self._limited(receive), send)

    def _limited(self, receive: Callable) -> Callable:
        seen = 0

        async def limited() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise TooLarge()
            return message
        return limited
