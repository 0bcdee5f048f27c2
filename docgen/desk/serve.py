"""Run the desk: bind 127.0.0.1 (never another interface), print the address with its
token as the first line of output, serve with uvicorn until Ctrl-C or SIGTERM."""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Callable

from ..errors import DocgenError


def bind(port: int, service: str = "编辑服务") -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        hint = "换一个端口，或用 --port 0 自动选择" if port else None
        raise DocgenError.one(f"无法在 127.0.0.1:{port} 启动{service}（{exc.strerror or exc}）",
                              hint=hint) from None
    sock.listen(64)
    return sock


def uvicorn_module():
    try:
        import uvicorn
    except ImportError:
        raise DocgenError.one("这个命令需要可选组件 desk（Starlette、uvicorn、watchfiles）",
                              hint="pip install 'docgen[desk]'，或运行 make setup") from None
    return uvicorn


def run(app: object, sock: socket.socket, on_exit: Callable[[], None] | None = None) -> None:
    """Serve ``app`` on ``sock`` until Ctrl-C or SIGTERM, then return normally (uvicorn
    itself would re-raise the signal after shutting down, and the process would die of it).
    ``on_exit`` is called at the signal, before the server waits for open requests."""
    uvicorn = uvicorn_module()

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: object) -> None:
            if on_exit is not None:
                on_exit()
            super().handle_exit(sig, frame)

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            sigs = (signal.SIGINT, signal.SIGTERM)
            previous = {sig: signal.signal(sig, self.handle_exit) for sig in sigs}
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    Server(config).run(sockets=[sock])


def serve(path: Path, port: int = 0, say: Callable[[str], None] = print) -> int:
    """The desk for ``path`` (which may not exist yet: a new draft) until stopped."""
    uvicorn_module()
    from .app import make_app
    from .guard import new_token
    if path.is_dir():
        raise DocgenError.one("这是一个文件夹，不是文件", file=str(path))
    if not path.parent.resolve().is_dir():
        raise DocgenError.one("所在的文件夹不存在", file=str(path))
    token = new_token()
    sock = bind(port)
    bound = sock.getsockname()[1]
    say(f"http://127.0.0.1:{bound}/?token={token}")
    say(f"正在编辑 {path}；在浏览器中打开上面的地址，按 Ctrl-C 停止")
    run(make_app(path, token), sock)
    say("编辑服务已停止")
    return 0
