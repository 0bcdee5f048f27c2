"""Field-by-field differences between two minutes, for an archivist checking a regeneration.

``diff(a, b)`` lists one line per differing field, by path::

    topics[2].items[0]: “…原则同意市资源规划局关于我市…” ≠ “…原则同意市资源局关于我市…”
    attendance.attending[12]: 缺少（左边有 {unit: 市委编办, names: [詹利剑]}）

Texts are shown briefly around their first difference. ``cmd_diff`` is the body of
``docgen diff A B`` (YAML files or archived .txt/.pdf/.docx): exit 0 equal, 1 different.
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path
from typing import Any, TextIO

from .errors import DocgenError, Problem, format_path
from .model.minutes import Minutes

CONTEXT = 12


def _visible(text: str) -> str:
    """Control characters as escapes, so that a hostile file cannot drive the terminal."""
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf") else ch
                   for ch in text)


def _show(value: Any) -> str:
    if value is None:
        return "（无）"
    if isinstance(value, str):
        value = _visible(value)
        return f"“{value}”" if len(value) <= 2 * CONTEXT + 6 else f"“{value[:CONTEXT]}…{value[-CONTEXT:]}”"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        if set(value) == {"unit", "names"}:
            return f"{value['unit']}{'、'.join(value['names'])}"
        inner = ", ".join(f"{k}: {_show(v)}" for k, v in value.items() if v not in (None, [], {}))
        return "{" + inner + "}"
    if isinstance(value, list):
        inner = ", ".join(_show(v) for v in value[:4])
        return f"[{inner}{', …' if len(value) > 4 else ''}]（{len(value)} 项）"
    return repr(value)


def _texts(a: str, b: str) -> str:
    """Both strings cut around their first difference."""
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    tail = 0
    while tail < min(len(a), len(b)) - at and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    lo = max(0, at - CONTEXT)

    def cut(s: str) -> str:
        hi = min(len(s), max(len(s) - tail, at) + CONTEXT)
        return ("…" if lo else "") + s[lo:hi] + ("…" if hi < len(s) else "")

    return f"“{_visible(cut(a))}” ≠ “{_visible(cut(b))}”"


def _walk(a: Any, b: Any, path: tuple, out: list[str]) -> None:
    if a == b:
        return
    where = format_path(path) or "（整体）"
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            _walk(a.get(key), b.get(key), path + (key,), out)
        return
    if isinstance(a, list) and isinstance(b, list):
        for i in range(max(len(a), len(b))):
            if i >= len(a):
                out.append(f"{format_path(path + (i,))}: 左边没有（右边有 {_show(b[i])}）")
            elif i >= len(b):
                out.append(f"{format_path(path + (i,))}: 右边没有（左边有 {_show(a[i])}）")
            else:
                _walk(a[i], b[i], path + (i,), out)
        return
    if isinstance(a, str) and isinstance(b, str):
        out.append(f"{where}: {_texts(a, b)}")
        return
    out.append(f"{where}: {_show(a)} ≠ {_show(b)}")


def printed(m: Minutes) -> Minutes:
    """The minutes with what a render fills in written out: the issuer from the profile, the
    opening paragraph composed from the topics, empty text and lists taken as absent.

    A draft leaves these to the defaults; text read back from a print has them spelt out.
    Both say the same document, so a diff compares what is printed.
    """
    from .compose import preamble_text
    from .model.profile import load_profile
    update: dict[str, Any] = {}
    if m.issuer is None:
        try:
            update["issuer"] = load_profile(m.profile).issuer
        except DocgenError:
            pass                       # an unknown profile: compare the field as written
    if m.preamble is None:
        try:
            update["preamble"] = preamble_text(m)
        except DocgenError:
            pass                       # it cannot be composed: the render says why
    for field in ("recorder", "compiled_by", "disclosure", "distribution"):
        if getattr(m, field) == "":
            update[field] = None
    a = m.attendance
    if a is not None and not (a.present or a.on_leave or a.attending or a.representatives_of):
        update["attendance"] = None
    return m.model_copy(update=update)


def _normal(m: Minutes) -> dict:
    """model_dump of what is printed, with items that have no sub-items shown as their text."""
    data = printed(m).model_dump()

    def items(values: list) -> list:
        return [v["text"] if not v["items"] else {"text": v["text"], "items": items(v["items"])}
                for v in values]

    for topic in data["topics"]:
        topic["items"] = items(topic["items"])
    return data


def diff(a: Minutes, b: Minutes) -> list[str]:
    """Differences between two minutes by field path; empty when they are equal."""
    out: list[str] = []
    _walk(_normal(a), _normal(b), (), out)
    return out


def load_any(path: Path | str) -> tuple[Minutes, list[Problem]]:
    """A YAML draft or an archived .txt/.pdf/.docx."""
    from .parse.api import is_yaml, parse_file
    if is_yaml(path):
        from .model import load_minutes
        loaded = load_minutes(path)
        return loaded.minutes, loaded.warnings
    return parse_file(path)


def cmd_diff(a: str | Path, b: str | Path, *, out: TextIO | None = None,
             err: TextIO | None = None) -> int:
    """``docgen diff A B``: 0 equal, 1 different, 2 when an input cannot be read."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        left, _ = load_any(a)
        right, _ = load_any(b)
    except DocgenError as exc:
        for problem in exc.problems or [Problem("输入有误")]:
            print(f"错误：{problem}", file=err)
        return 2
    lines = diff(left, right)
    if not lines:
        print(f"相同：{a} 与 {b} 的内容一致", file=out)
        return 0
    print(f"不同：{a}（左）与 {b}（右）有 {len(lines)} 处差异", file=out)
    for line in lines:
        print(line, file=out)
    return 1
