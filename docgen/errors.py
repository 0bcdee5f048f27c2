"""User-facing errors: Chinese text that names the file, the line and the field."""

from __future__ import annotations

import re

from dataclasses import dataclass, field


@dataclass
class Problem:
    """One thing wrong (or worth a warning) in an input file."""

    message: str
    file: str | None = None
    line: int | None = None      # 1-based
    column: int | None = None    # 1-based
    path: str | None = None      # field path such as topics[2].items[0]
    hint: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"文件 {self.file}")
        if self.line:
            where.append(f"第{self.line}行" + (f"第{self.column}列" if self.column else ""))
        if self.path:
            where.append(f"字段 {self.path}")
        text = ("，".join(where) + "：" if where else "") + self.message
        if self.hint:
            text += f"（提示：{self.hint}）"
        return text


@dataclass(eq=False)  # eq=False keeps exceptions hashable, as tracebacks and loggers expect
class DocgenError(Exception):
    """Bad input; the CLI prints the problems and exits with code 2."""

    problems: list[Problem] = field(default_factory=list)

    def __reduce__(self):  # survive pickling between batch worker processes
        return (type(self), (self.problems,))

    @classmethod
    def one(cls, message: str, **where: object) -> "DocgenError":
        return cls([Problem(message, **where)])  # type: ignore[arg-type]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def parse_path(path: str | None) -> tuple[object, ...]:
    """topics[2].items[0] → ('topics', 2, 'items', 0): the inverse of format_path."""
    return tuple(int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", path or ""))


def format_path(parts: tuple[object, ...]) -> str:
    """('topics', 2, 'items', 0) → topics[2].items[0]"""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
