"""What a batch tells the user while it runs.

On a terminal: a tqdm bar on stderr, with warnings and errors printed above it as they
come. Otherwise (a log, a pipe, CI): one plain line per file on stdout, ``[i/N] 已生成 …``,
so that a log of a cluster run still says what became of every input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from .jobs import Result


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, out: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.out = out or sys.stdout
        self.bar = None
        if bool(getattr(self.stream, "isatty", lambda: False)()):
            from tqdm import tqdm
            self.bar = tqdm(total=total, file=self.stream, unit="份", dynamic_ncols=True,
                            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}]")

    def _say(self, text: str, stream: TextIO) -> None:
        if self.bar is not None:
            self.bar.write(text, file=stream)
        else:
            print(text, file=stream, flush=True)

    def note(self, text: str) -> None:
        self._say(f"提示：{text}", self.stream)

    def report(self, r: Result) -> None:
        self.done += 1
        for text in r.warnings:
            self._say(f"警告：{text}", self.stream)
        for text in r.errors:
            self._say(f"错误：{text}", self.stream)
        if self.bar is not None:
            self.bar.set_postfix_str(Path(r.source).name[:20], refresh=False)
            self.bar.update(1)
            return
        step = f"[{self.done}/{self.total}]"
        if r.status == "done":
            line = f"{step} 已生成 " + "、".join(r.written)
        elif r.status == "skipped":
            line = f"{step} 跳过 {r.source}（输出已是最新，--force 可重新生成）"
        else:
            line = f"{step} 失败 {r.source}"
        print(line, file=self.out, flush=True)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.close()
