"""Run the desk: bind 127.0.0.1 (never another interface), print the address with its
token as the first line of output, serve with uvicorn until Ctrl-C or SIGTERM."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Callable

from ..errors import DocgenError


def bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        hint = "换一个端口，或用 --port 0 自动选择" if port else None
        raise DocgenError.one(f"无法在 127.0.0.1:{port} 启动编辑服务（{exc.strerror or exc}）",
                              hint=hint) from None
    sock.listen(64)
    return sock


def serve(path: Path, port: int = 0, say: Callable[[str], None] = print) -> int:
    """The desk for ``path`` (which may not exist yet: a new draft) until stopped."""
    try:
        import uvicorn
    except ImportError:
        raise DocgenError.one("docgen edit 需要可选组件 desk",
                              hint="pip install 'docgen[desk]'，或运行 make setup") from None
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
    config = uvicorn.Config(make_app(path, token), log_level="warning", access_log=False,
                            lifespan="off", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
    say("编辑服务已停止")
    return 0
