"""PyYAML's syntax errors → one Chinese Problem a clerk can act on.

PyYAML names the token it choked on, often lines after the real mistake; a clerk needs
the mistake. The table maps its messages to Chinese with a hint, and a quote left open
is traced back to the line where it opened.
"""

from __future__ import annotations

import re

import yaml

from ..errors import Problem

# (text in PyYAML's message, Chinese message, hint, use the context mark)
_YAML_PROBLEMS = [
    ("found character '\\t'", "使用了制表符（Tab）", "YAML 只能用空格缩进和分隔，请把 Tab 换成空格", False),
    ("while scanning a quoted scalar", "引号没有闭合", "检查这一行开始的引号是否成对", True),
    ("while parsing a flow sequence", "方括号 [ ] 没有闭合，或其中缺少逗号", "检查这一行开始的 [ ]", True),
    ("while parsing a flow mapping", "花括号 { } 没有闭合，或其中缺少逗号", "检查这一行开始的 { }", True),
    ("while scanning a block scalar", "多行文字（| 或 >）写法有误", "| 或 > 后应换行再缩进书写", False),
    ("mapping values are not allowed here", "这里不能出现“键: 值”",
     "检查缩进是否与同层字段对齐；文字中含英文冒号“: ”时请加引号", False),
    ("could not find expected ':'", "缺少冒号", "每个字段写作“键: 值”", True),
    ("expected <block end>", "缩进不一致", "同一层的字段要对齐", False),
    ("did not find expected key", "缩进不一致", "同一层的字段要对齐", False),
    ("did not find expected '-' indicator", "列表缩进不一致", "同一列表的“- ”要对齐", False),
    ("expected a single document", "文件中有多个 YAML 文档（---）", "一个文件只写一份纪要", False),
    ("could not determine a constructor", "不允许的 YAML 标签", "草稿中不能使用 !! 或 ! 开头的标签", False),
    ("found undefined tag handle", "不允许的 YAML 标签", "草稿中不能使用 !! 或 ! 开头的标签", False),
    ("while scanning a tag", "不允许的 YAML 标签", "草稿中不能使用 !! 或 ! 开头的标签", False),
    ("while scanning an anchor", "锚点（&）写法有误", "文字以 & 开头时请加引号", False),
    ("while scanning an alias", "别名（*）写法有误", "文字以 * 开头时请加引号", False),
    ("found unexpected end of stream", "文件意外结束", "检查最后几行的引号和括号", False),
    ("expected the node content", "缺少内容", "检查这一行的 - 和冒号", False),
    ("expected '<document start>'", "YAML 结构有误", "检查这一行的缩进和冒号", False),
]
_CANNOT_START = re.compile(r"found character '(.+)' that cannot start any token")
# A quote that opens a value: after indentation, "- ", ": ", "[", "{" or ",".
_OPENING_QUOTE = re.compile(r"""(?:^\s*|[-:,\[{]\s+|[\[{,])(["'])""")


def yaml_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    """The Chinese reading of a syntax error, pointing where the clerk should look."""
    text = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    for needle, message, hint, use_context in _YAML_PROBLEMS:
        if needle in text:
            if use_context and exc.context_mark is not None:
                mark = exc.context_mark
            break
    else:
        found = _CANNOT_START.search(text)
        if found:
            message = f"字符 {found.group(1)} 不能放在值的开头"
            hint = "请给这段文字加引号"
        else:
            message, hint = f"YAML 语法错误（{(exc.problem or exc.context or '').strip()}）", None
    if mark is not None and (key := _full_width_colon(_buffer(exc), mark.line)):
        return Problem(f"字段名“{key}”后用了中文冒号“：”", file=name, line=mark.line + 1,
                       hint=f"字段名后要用英文冒号加空格，如“{key}: ”")
    if mark is not None and (wide := _wide_indent(_buffer(exc), mark.line)) is not None:
        return Problem("使用了全角空格缩进", file=name, line=wide + 1,
                       hint="YAML 只能用半角空格缩进，请把行首的全角空格“　”换成半角空格")
    if mark is not None and message == "缩进不一致" and (sibling := _misaligned(_buffer(exc), mark.line)):
        line, theirs, ours = sibling
        return Problem(f"缩进不一致：这一行缩进 {ours} 格，同一层的第{line + 1}行缩进 {theirs} 格",
                       file=name, line=mark.line + 1, column=mark.column + 1,
                       hint="同一层的字段要左端对齐（只用空格）")
    if mark is not None and message != "引号没有闭合":
        opened = _unclosed_quote(_buffer(exc), mark.line)
        if opened is not None:
            line, column = opened
            return Problem("引号没有闭合", file=name, line=line, column=column,
                           hint=f"这个引号一直延续到第{mark.line + 1}行才遇到下一个引号")
    return Problem(message, file=name, line=mark.line + 1 if mark else None,
                   column=mark.column + 1 if mark else None, hint=hint)


# "recorder：蒋某", "记录：蒋某": a key (a field's name or alias) written with a full-width colon
_KEY_WITH_FULL_COLON = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_]\w*|[\u4e00-\u9fff]{1,6})\s*：")


def _full_width_colon(text: str, line: int) -> str | None:
    """The key of ``line`` when it is followed by "：" where YAML needs ": "; only a known
    field's name counts, so a line of text that happens to hold "：" is not mistaken."""
    from .aliases import KNOWN_KEYS
    lines = text.split("\n")
    m = _KEY_WITH_FULL_COLON.match(lines[line]) if 0 <= line < len(lines) else None
    return m["key"] if m and m["key"] in KNOWN_KEYS else None


def _wide_indent(text: str, line: int) -> int | None:
    """The line (this one or the one above) indented with full-width spaces, which YAML
    reads as text, not indentation."""
    lines = text.split("\n")
    for k in (line, line - 1):
        if 0 <= k < len(lines) and lines[k].lstrip(" ").startswith("\u3000"):
            return k
    return None


def _misaligned(text: str, line: int) -> tuple[int, int, int] | None:
    """(the first line of ``line``'s level, its indent, ``line``'s) when they differ: PyYAML
    names the line where a level it took for closed goes on ("  on_leave:" under
    "   present:"), and the clerk needs both to see which one is off."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    own = len(lines[line]) - len(lines[line].lstrip(" "))
    level: list[tuple[int, int]] = []        # (line, indent) back to the parent
    for k in range(line - 1, -1, -1):
        stripped = lines[k].strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(lines[k]) - len(lines[k].lstrip(" "))
        if indent < own:
            break
        level.append((k, indent))
    if not level:
        return None
    least = min(indent for _, indent in level)
    first = min(k for k, indent in level if indent == least)
    return (first, least, own) if least != own else None


def _buffer(exc: yaml.MarkedYAMLError) -> str:
    """The whole text PyYAML was reading: its marks carry it, NUL-terminated."""
    mark = exc.problem_mark or exc.context_mark
    buffer = getattr(mark, "buffer", None) or ""
    return buffer.rstrip("\0")


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """Where a quoted value opened that swallowed the lines up to a syntax error.

    A quote left open on line 4 is only noticed where the next quote closes it, often many
    lines later, but the clerk needs line 4. ``error_line`` is 0-based; returns 1-based
    (line, column) of the opening quote, or None when the error is something else.
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for number in range(min(error_line, len(lines)) - 1, -1, -1):
        line = lines[number]
        if line.lstrip().startswith("#"):
            continue
        found = _OPENING_QUOTE.search(line)
        if not found:
            continue
        end = _closing_quote(text, starts[number] + found.end(), found.group(1))
        closes_on = text.count("\n", 0, end) if end is not None else error_line
        if number < closes_on and error_line - 1 <= closes_on <= error_line:
            return number + 1, found.start(1) + 1
        return None  # the nearest quoted value before the error is fine
    return None


def _closing_quote(text: str, start: int, quote: str) -> int | None:
    """Offset of the quote that closes one opened before ``start``, by YAML's escaping rules."""
    i = start
    while i < len(text):
        ch = text[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and text.startswith("''", i):
                i += 2
                continue
            return i
        i += 1
    return None
