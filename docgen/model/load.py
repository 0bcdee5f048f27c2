"""YAML → validated Minutes, with every problem tied to a file, line and field.

The YAML is composed to nodes first (safe tags only, aliases refused), so each
value keeps its line; Chinese keys are mapped to canonical ones before pydantic
sees the data, so error paths are always canonical.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import DocgenError, Problem, format_path
from .aliases import ALIASES, LABEL_KEYS
from .minutes import Minutes
from .numbering import strip_typed_number

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 50_000           # a real 纪要 has a few hundred; this bounds the work on hostile input
MAX_DEPTH = 40               # nesting of mappings and lists
# What YAML (and the XML inside a DOCX) cannot carry, plus the invisible line
# separators that make editors and YAML disagree about line numbers.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
YAML_TAG = "tag:yaml.org,2002:"
# Tags a plain draft may carry (implicitly resolved or written as !!str etc.).
SCALAR_TAGS = {YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
PLAIN_TAGS = {YAML_TAG + "value", YAML_TAG + "merge"}


class Marks(dict):
    """Field path → (line, column), 1-based; ``spelled`` keeps keys as the clerk typed them."""

    def __init__(self) -> None:
        super().__init__()
        self.spelled: dict[tuple, str] = {}


@dataclass
class Loaded:
    minutes: Minutes
    warnings: list[Problem] = field(default_factory=list)


# --------------------------------------------------------------------------- reading


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """Decode a clerk's file: UTF-8 (with or without BOM), else GB18030/GBK (Windows)."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise DocgenError.one("文件不存在", file=name, hint="检查文件名和路径") from None
    except IsADirectoryError:
        raise DocgenError.one("这是一个文件夹，不是文件", file=name) from None
    except PermissionError:
        raise DocgenError.one("没有读取这个文件的权限", file=name) from None
    except OSError as exc:
        raise DocgenError.one(f"无法读取文件（{exc.strerror or exc}）", file=name) from None
    if len(raw) > limit:
        raise DocgenError.one(f"文件过大（超过 {limit // 1024 // 1024} MB），不像是一份纪要草稿",
                              file=name)
    return decode(raw, name)


def decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise DocgenError.one("文件是 UTF-16 编码，无法读取", file=name,
                              hint="请在编辑器中另存为 UTF-8")
    sample = raw[:4096]
    controls = sum(b < 0x20 and b not in b"\t\n\r" for b in sample)
    if b"\x00" in raw or controls > max(16, len(sample) // 10):
        raise DocgenError.one("这是二进制文件，不是文本", file=name,
                              hint="纪要草稿应为 UTF-8 编码的 YAML 文本")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocgenError.one("无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）", file=name,
                          hint="请在编辑器中另存为 UTF-8")


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-heavy text with every other byte zero."""
    sample = raw[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.6 and min(zeros_even, zeros_odd) == 0


# --------------------------------------------------------------------------- YAML


class _Refused(Exception):
    """Input the loader will not compose: an alias, or too much of it."""

    def __init__(self, message: str, mark: yaml.Mark | None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.mark, self.hint = message, mark, hint


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (drafts never need them, bombs do) and bounds the work."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.node_count = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            raise _Refused("不允许使用 YAML 别名（*引用）", self.peek_event().start_mark,
                           "请把内容直接写出来")
        self.node_count += 1
        if self.node_count > MAX_NODES:
            raise _Refused(f"内容过多（超过 {MAX_NODES} 个值），不像是一份纪要草稿",
                           self.peek_event().start_mark)
        return super().compose_node(parent, index)


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


def _yaml_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
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
    if mark is not None and message != "引号没有闭合":
        opened = _unclosed_quote(text_of(exc), mark.line)
        if opened is not None:
            line, column = opened
            return Problem("引号没有闭合", file=name, line=line, column=column,
                           hint=f"这个引号一直延续到第{mark.line + 1}行才遇到下一个引号")
    return Problem(message, file=name, line=mark.line + 1 if mark else None,
                   column=mark.column + 1 if mark else None, hint=hint)


def text_of(exc: yaml.MarkedYAMLError) -> str:
    mark = exc.problem_mark or exc.context_mark
    buffer = getattr(mark, "buffer", None) or ""
    return buffer.rstrip("\0")


# A quote that opens a value: after indentation, "- ", ": ", "[", "{" or ",".
_OPENING_QUOTE = re.compile(r"""(?:^\s*|[-:,\[{]\s+|[\[{,])(["'])""")


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


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


class _Builder:
    """Node tree → plain data; records where each field path sits in the file."""

    def __init__(self, loader: _Loader, name: str, original: str, controls: list[int],
                 top_level_labels: bool):
        self.loader, self.name, self.original = loader, name, original
        self.controls = controls            # offsets of control characters (already replaced)
        self.labels = top_level_labels
        self.marks = Marks()

    def control_in(self, node: yaml.Node) -> int | None:
        i = bisect.bisect_left(self.controls, node.start_mark.index)
        if i < len(self.controls) and self.controls[i] < node.end_mark.index:
            return self.controls[i]
        return None

    def refuse_tag(self, node: yaml.Node, path: tuple) -> None:
        raise DocgenError.one(f"不允许的 YAML 标签“{_tag_name(node.tag)}”", file=self.name,
                              line=node.start_mark.line + 1, column=node.start_mark.column + 1,
                              path=format_path(path) or None,
                              hint="草稿中不能使用 !! 或 ! 开头的标签，请直接写文字")

    def build(self, node: yaml.Node, path: tuple, mark: tuple[int, int] | None = None) -> Any:
        self.marks[path] = mark or (node.start_mark.line + 1, node.start_mark.column + 1)
        if len(path) > MAX_DEPTH:
            raise DocgenError.one("嵌套层次过深", file=self.name, line=node.start_mark.line + 1,
                                  path=format_path(path))
        if isinstance(node, yaml.MappingNode):
            if node.tag != YAML_TAG + "map":
                self.refuse_tag(node, path)
            return self.build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != YAML_TAG + "seq":
                self.refuse_tag(node, path)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        self.check_control(node, path)
        if node.tag in PLAIN_TAGS:  # a bare "=" or "<<" as a value is just text
            return node.value
        if node.tag not in SCALAR_TAGS:
            self.refuse_tag(node, path)
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
            # 2020-02-30 looks like a date but is none (likewise "!!bool maybe"): keep the
            # text; validation then names the field and what it should be.
            return node.value
        if isinstance(value, str) and (bad := CONTROL.search(value)):  # written as "\a", "\x07"
            raise DocgenError.one(f"含有控制字符 U+{ord(bad.group()):04X}，会损坏 DOCX",
                                  file=self.name, line=node.start_mark.line + 1,
                                  column=node.start_mark.column + 1,
                                  path=format_path(path) or None, hint="删除这个转义字符")
        return value

    def check_control(self, node: yaml.Node, path: tuple) -> None:
        offset = self.control_in(node)
        if offset is not None:
            raise _control_error(self.original, offset, self.name, format_path(path) or None)

    def build_mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        out: dict = {}
        first: dict[str, tuple[int, str]] = {}
        label: str | None = None
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == YAML_TAG + "merge":
                raise DocgenError.one("不允许使用合并键“<<”", file=self.name, line=key_line,
                                      path=format_path(path) or None, hint="请把内容直接写出来")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in SCALAR_TAGS:
                if isinstance(key_node, yaml.ScalarNode):
                    self.refuse_tag(key_node, path)
                raise DocgenError.one("字段名应为文字", file=self.name, line=key_line,
                                      path=format_path(path) or None)
            self.check_control(key_node, path)
            key = key_node.value
            if key_node.tag != YAML_TAG + "str":  # 2020:, true:, ~: … resolve to other types
                raise DocgenError.one(f"字段名应为文字，而不是“{key}”", file=self.name,
                                      line=key_line, path=format_path(path) or None,
                                      hint="字段名请用英文字段名或中文别名")
            if bad := CONTROL.search(key):
                raise DocgenError.one(f"字段名含有控制字符 U+{ord(bad.group()):04X}", file=self.name,
                                      line=key_line, path=format_path(path) or None,
                                      hint="删除这个转义字符")
            canonical = ALIASES.get(key, key)
            if canonical in first:
                line, spelled = first[canonical]
                same = "" if spelled == key else f"（“{spelled}”与“{key}”是同一个字段）"
                raise DocgenError.one(f"字段“{key}”重复出现，第{line}行已有{same}", file=self.name,
                                      line=key_line, path=format_path(path + (canonical,)),
                                      hint="删除其中一个")
            first[canonical] = (key_line, key)
            if key != canonical:
                self.marks.spelled[path + (canonical,)] = key
            if key in LABEL_KEYS and not path and self.labels:
                label = key
            # Point at the key: that is where a clerk looks, and a block value starts a line later.
            same_line = value_node.start_mark.line == key_node.start_mark.line
            where = None if same_line else (key_line, key_node.start_mark.column + 1)
            out[canonical] = self.build(value_node, path + (canonical,), where)
        if label and "distribution_label" not in out:
            out["distribution_label"] = label
        return out


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _control_error(text: str, offset: int, name: str, path: str | None) -> DocgenError:
    line, column = _line_col(text, offset)
    char = text[offset]
    if char in "\u2028\u2029\x85":
        what = f"含有不可见的换行符 U+{ord(char):04X}，行号会错乱"
    else:
        what = f"含有控制字符 U+{ord(char):04X}，会损坏 DOCX"
    return DocgenError.one(what, file=name, line=line,
                           column=column, path=path, hint="删除这个不可见字符")


def parse_yaml(text: str, name: str, *, labels: bool = False) -> tuple[Any, Marks]:
    """Compose safely and build plain data plus a path → (line, column) map.

    With ``labels`` a top-level 分送/抄送/主送 key also records ``distribution_label``.
    """
    controls = [m.start() for m in CONTROL.finditer(text)]
    original = text
    if controls:
        # PyYAML refuses these outright and says only "position N"; swap them for a harmless
        # character so the file still parses and the offending field can be named.
        text = CONTROL.sub("\ufffd", text)
    loader = _Loader(text)
    builder = _Builder(loader, name, original, controls, labels)
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                raise DocgenError.one("文件是空的", file=name, hint="用 docgen new 生成一份草稿")
            data = builder.build(node, ())
        finally:
            loader.dispose()
    except _Refused as exc:
        mark = exc.mark
        raise DocgenError.one(exc.message, file=name, line=mark.line + 1 if mark else None,
                              column=mark.column + 1 if mark else None, hint=exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        problems = [_yaml_problem(exc, name)]
        if controls:
            problems = _control_error(original, controls[0], name, None).problems + problems
        raise DocgenError(problems) from None
    except yaml.YAMLError as exc:  # ReaderError and friends, which carry no mark
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line, column = _line_col(text, position)
            raise DocgenError.one("文件含有 YAML 不允许的字符", file=name, line=line,
                                  column=column, hint="删除这个不可见字符") from None
        raise DocgenError.one("YAML 格式错误", file=name) from None
    except RecursionError:
        raise DocgenError.one("嵌套层次过深", file=name) from None
    if controls:  # outside every value: in a comment or between tokens
        raise _control_error(original, controls[0], name, None)
    return data, builder.marks


# --------------------------------------------------------------------------- validation


_MESSAGES = {
    "missing": "缺少必填字段",
    "string_type": "应为文字",
    "int_type": "应为整数", "int_parsing": "应为整数", "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false", "bool_parsing": "应为 true 或 false",
    "float_type": "应为数字", "float_parsing": "应为数字",
    "list_type": "应为列表（每项以“- ”开头）",
    "model_type": "应为映射（“键: 值”）", "dict_type": "应为映射（“键: 值”）",
    "model_attributes_type": "应为映射（“键: 值”）",
    "date_type": "应为日期，如 2020-04-29", "date_parsing": "应为日期，如 2020-04-29",
    "date_from_datetime_inexact": "应为日期，不带时间，如 2020-04-29",
    "too_short": "不能为空",
    "string_too_short": "不能为空",
    "greater_than_equal": "数值太小",
    "greater_than": "数值太小",
}
_DATE_REASONS = {
    "day value is outside expected range": "这个月没有这一天",
    "month value is outside expected range": "月份应在 1 到 12 之间",
}
_TYPE_ERRORS = {"string_type", "int_type", "int_parsing", "int_from_float", "bool_type",
                "bool_parsing", "float_type", "float_parsing", "list_type", "model_type",
                "dict_type", "model_attributes_type", "date_type", "date_parsing",
                "date_from_datetime_parsing"}
# Models that also take a bare string (their before-validators turn it into {text|name: …}).
_TAKES_STRING = {"Item", "Absence"}


def _models() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for f in model.model_fields.values():
            for sub in _submodels(f.annotation):
                visit(sub)

    visit(Minutes)
    return seen


def _submodels(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        out.extend(_submodels(arg))
    return out


FIELD_NAMES: frozenset[str] = frozenset(n for m in _models() for n in m.model_fields)


def _model_at(loc: tuple) -> type[BaseModel] | None:
    """The model whose fields sit at ``loc`` (a cleaned location), if there is one."""
    model: type[BaseModel] = Minutes
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        subs = _submodels(info.annotation) if info else []
        if not subs:
            return None
        model = subs[0]
    return model


def _clean_loc(loc: tuple, kind: str) -> tuple[tuple, str | None]:
    """Keep field names and list indexes; drop pydantic's union-branch and validator labels.

    Returns the cleaned location and the first label dropped (``'str'``, ``'UnitEntry'``,
    ``'constrained-str'``, ``'function-before[…]'`` …), which tells which union branch
    the error came from. An unknown key (``extra_forbidden``) is the clerk's own spelling
    and always the last part, so it is kept whatever it looks like.
    """
    kept: list = []
    branch: str | None = None
    last = len(loc) - 1
    for i, part in enumerate(loc):
        if isinstance(part, int) or part in FIELD_NAMES or (i == last and kind == "extra_forbidden"):
            kept.append(part)
        elif branch is None:
            branch = str(part)
    return tuple(kept), branch


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return f"真假值 {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"日期 {value}"
    if isinstance(value, str):
        return f"文字“{value[:20]}{'…' if len(value) > 20 else ''}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射（“键: 值”）"
    return type(value).__name__


def _get(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _message(err: dict, loc: tuple, union: bool) -> tuple[str, str | None]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    hint = None
    if kind == "missing":
        return f"缺少必填字段“{loc[-1]}”", None
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), None
    if kind == "literal_error":
        return f"取值不在允许范围内，应为 {ctx.get('expected', '')}".replace(" or ", " 或 "), None
    if kind in _TYPE_ERRORS and value is None:
        return "不能为空", "这里还没有填写内容"
    if kind == "date_from_datetime_parsing":
        reason = next((cn for en, cn in _DATE_REASONS.items() if en in str(ctx.get("error", ""))),
                      None)
        if reason and isinstance(value, str):
            return f"日期 {value} 不存在（{reason}）", "日期写作 2020-04-29"
        return f"应为日期，如 2020-04-29，而不是{_describe(value)}", None
    if union:
        message = "应为文字，或“键: 值”映射"
    elif kind in ("model_type", "model_attributes_type") and ctx.get("class_name") in _TAKES_STRING:
        message = _MESSAGES["string_type"]
    else:
        message = _MESSAGES.get(kind) or f"取值无效（{err['msg']}）"
    if kind in _TYPE_ERRORS:
        message += f"，而不是{_describe(value)}"
        if isinstance(value, (int, float, dt.date)) and "文字" in message:
            hint = "数字或日期当作文字时请加引号"
        if kind in ("int_type", "int_parsing") and isinstance(value, str):
            hint = "只写数字，如 96"
    if kind == "greater_than_equal" and "ge" in ctx:
        message = f"应不小于 {ctx['ge']}"
    return message, hint


def _pydantic_problems(exc: ValidationError, marks: Marks, name: str, data: Any) -> list[Problem]:
    errors = [(err, *_clean_loc(err["loc"], err["type"])) for err in exc.errors()]
    # Union branches (a 列席 entry: a name or {unit, names}) each report; keep the branch
    # that matches what the clerk wrote, or one combined message when none does.
    union_locs: dict[tuple, set[str]] = {}
    for err, loc, branch in errors:
        if branch is not None and not branch.startswith("function-"):
            base = _union_base(err["loc"], branch)
            union_locs.setdefault(base, set()).add(branch)
    problems: list[tuple[tuple, str, Problem]] = []
    seen: set[tuple] = set()
    for err, loc, branch in errors:
        union = False
        if branch is not None and not branch.startswith("function-"):
            base = _union_base(err["loc"], branch)
            wrote_mapping = isinstance(_get(data, base), dict)
            is_str_branch = "str" in branch
            if len(union_locs[base]) > 1:
                if wrote_mapping and is_str_branch:
                    continue
                if not wrote_mapping:
                    if not is_str_branch:
                        continue
                    union = err["type"] == "string_type"
        if loc in seen:
            continue
        seen.add(loc)
        line, column = _nearest_mark(loc, marks)
        message, hint = _message(err, loc, union)
        if err["type"] == "extra_forbidden":
            typed = marks.spelled.get(loc, str(loc[-1])) if isinstance(marks, Marks) else loc[-1]
            message = f"未知字段“{typed}”"
            hint = _unknown_key_hint(loc, marks)
        problems.append((loc, err["type"], Problem(message, file=name, line=line, column=column,
                                                   path=_spelled_path(loc, marks) or None,
                                                   hint=hint)))
    # "未知字段“topcis”（是不是“topics”？）" already explains "缺少必填字段“topics”".
    suggested = {(loc[:-1], p.hint) for loc, kind, p in problems if kind == "extra_forbidden"}
    return [p for loc, kind, p in problems
            if not (kind == "missing" and any(parent == loc[:-1] and hint and f"“{loc[-1]}”" in hint
                                              for parent, hint in suggested))]


def _union_base(raw_loc: tuple, branch: str) -> tuple:
    """The cleaned location of the value the union was tried on."""
    cut = raw_loc.index(branch)
    return tuple(p for p in raw_loc[:cut] if isinstance(p, int) or p in FIELD_NAMES)


def _spelled_path(loc: tuple, marks: Marks) -> str:
    """The path with the canonical field names (Chinese aliases shown alongside)."""
    text = format_path(loc)
    spelled = getattr(marks, "spelled", {})
    if loc and loc in spelled:
        text += f"（{spelled[loc]}）"
    return text


def _unknown_key_hint(loc: tuple, marks: Marks) -> str | None:
    key = str(loc[-1])
    model = _model_at(loc[:-1])
    if model is None:
        return _suggest(key, None)
    canonical = ALIASES.get(key, key)
    typed = getattr(marks, "spelled", {}).get(loc, key)
    homes = [path for path, m in _field_homes().items() if canonical in m.model_fields]
    if canonical in FIELD_NAMES and canonical not in model.model_fields and homes:
        where = "、".join(homes)
        return f"“{typed}”应写在 {where} 下面"
    return _suggest(typed, model)


def _field_homes() -> dict[str, type[BaseModel]]:
    """Dotted path → model, for every place a model sits (Item only at its first level)."""
    homes: dict[str, type[BaseModel]] = {}

    def visit(model: type[BaseModel], path: str) -> None:
        for fname, info in model.model_fields.items():
            for sub in _submodels(info.annotation):
                sub_path = f"{path}.{fname}" if path else fname
                if sub in homes.values():
                    continue
                homes[sub_path] = sub
                visit(sub, sub_path)

    visit(Minutes, "")
    homes["（顶层）"] = Minutes
    return homes


def _nearest_mark(loc: tuple, marks: Marks) -> tuple[int | None, int | None]:
    for end in range(len(loc), -1, -1):
        if loc[:end] in marks:
            return marks[loc[:end]]
    return None, None


def _suggest(key: str, model: type[BaseModel] | None) -> str | None:
    if model is None:
        from .aliases import KNOWN_KEYS
        candidates = list(KNOWN_KEYS)
    else:
        fields = set(model.model_fields)
        candidates = sorted(fields | {a for a, c in ALIASES.items() if c in fields})
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
    if not close and key.lower() in candidates:
        close = [key.lower()]
    if close:
        return f"是不是“{close[0]}”？"
    valid = "、".join(sorted(model.model_fields)) if model else None
    return f"这里可用的字段：{valid}" if valid else None


# --------------------------------------------------------------------------- entry points


def load_minutes(path: Path | str) -> Loaded:
    path = Path(path)
    name = str(path)
    return load_minutes_text(read_text(path), name)


def load_minutes_text(text: str, name: str = "<输入>") -> Loaded:
    data, marks = parse_yaml(text, name, labels=True)
    if not isinstance(data, dict):
        raise DocgenError.one(f"纪要文件的顶层应为映射（“键: 值”），而不是{_describe(data)}",
                              file=name, line=1, hint="第一行应类似 date: 2020-04-29")
    warnings = strip_typed_numbers(data, marks, name)
    try:
        minutes = Minutes.model_validate(data)
    except ValidationError as exc:
        raise DocgenError(_pydantic_problems(exc, marks, name, data)) from None
    from .checks import semantic_checks
    errors, more = semantic_checks(minutes, marks, name)
    if errors:
        raise DocgenError(errors)
    return Loaded(minutes, warnings + more)


def strip_typed_numbers(data: dict, marks: Marks, name: str) -> list[Problem]:
    """Numbering is generated; a clerk's typed "一、" or "（二）" is removed with a warning.

    Level 0 is a topic title (一、), level 1 its items (（一）), then 1. and （1）.
    """
    warnings: list[Problem] = []

    def strip(holder: Any, slot: Any, path: tuple, level: int) -> None:
        value = holder[slot]
        if not isinstance(value, str):
            return
        stripped = strip_typed_number(value, level)
        if stripped != value:
            holder[slot] = stripped
            typed = value[:len(value) - len(stripped)].strip()
            line, column = _nearest_mark(path, marks)
            warnings.append(Problem(f"去掉了手写的编号“{typed}”，编号由版式自动生成", file=name,
                                    line=line, column=column, path=format_path(path)))

    def walk(items: Any, path: tuple, level: int) -> None:
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            if isinstance(item, dict):
                if "text" in item:
                    strip(item, "text", path + (i, "text"), level)
                walk(item.get("items"), path + (i, "items"), level + 1)
            else:
                strip(items, i, path + (i,), level)

    topics = data.get("topics")
    for t, topic in enumerate(topics if isinstance(topics, list) else []):
        if isinstance(topic, dict):
            if "title" in topic:
                strip(topic, "title", ("topics", t, "title"), 0)
            walk(topic.get("items"), ("topics", t, "items"), 1)
    return warnings
