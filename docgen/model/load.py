"""YAML → validated Minutes, with every problem tied to a file, line and field.

The YAML is composed to nodes first (safe tags only, aliases refused), so each
value keeps its line; Chinese keys are mapped to canonical ones before pydantic
sees the data, so error paths are always canonical.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import DocgenError, Problem, format_path
from .aliases import ALIASES, LABEL_KEYS
from .minutes import Minutes
from .numbering import strip_typed_number

MAX_BYTES = 5 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
Marks = dict[tuple, tuple[int, int]]


@dataclass
class Loaded:
    minutes: Minutes
    warnings: list[Problem] = field(default_factory=list)


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """Decode a clerk's file: UTF-8 (with or without BOM), else GB18030 (Windows)."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise DocgenError.one("文件不存在", file=name) from None
    except IsADirectoryError:
        raise DocgenError.one("这是一个文件夹，不是文件", file=name) from None
    except OSError as exc:
        raise DocgenError.one(f"无法读取文件：{exc.strerror}", file=name) from None
    if len(raw) > limit:
        raise DocgenError.one(f"文件过大（超过 {limit // 1024 // 1024} MB）", file=name)
    if b"\x00" in raw:
        raise DocgenError.one("这是二进制文件，不是文本", file=name,
                              hint="纪要草稿应为 UTF-8 编码的 YAML 文本")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocgenError.one("无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）", file=name,
                          hint="请在编辑器中另存为 UTF-8")


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases: drafts never need them, bombs do."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


class _AliasRefused(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


_YAML_PROBLEMS = [
    ("found character '\\t'", "使用了制表符（Tab）缩进", "YAML 只能用空格缩进"),
    ("found unexpected end of stream", "引号没有闭合", "检查这一行开始的引号是否成对"),
    ("while scanning a quoted scalar", "引号没有闭合", "检查引号是否成对"),
    ("mapping values are not allowed here", "这里不能出现“键: 值”", "冒号后要有空格，含冒号的文字请加引号"),
    ("could not find expected ':'", "缺少冒号", "每个字段写作“键: 值”"),
    ("expected <block end>", "缩进不一致", "同一层的字段要对齐"),
    ("could not determine a constructor", "不允许的 YAML 标签", "草稿中不能使用 !! 或 ! 开头的标签"),
]


def _yaml_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    text = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    for needle, message, hint in _YAML_PROBLEMS:
        if needle in text:
            break
    else:
        message, hint = f"YAML 语法错误（{(exc.problem or '').strip()}）", None
    return Problem(message, file=name, line=mark.line + 1 if mark else None,
                   column=mark.column + 1 if mark else None, hint=hint)


def parse_yaml(text: str, name: str) -> tuple[Any, Marks]:
    """Compose safely and build plain data plus a path → (line, column) map."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DocgenError.one("文件是空的", file=name)
        marks: Marks = {}
        data = _build(loader, node, (), marks, name)
    except _AliasRefused as exc:
        raise DocgenError.one("不允许使用 YAML 别名（*引用）", file=name, line=exc.mark.line + 1,
                              column=exc.mark.column + 1, hint="请把内容直接写出来") from None
    except yaml.MarkedYAMLError as exc:
        raise DocgenError([_yaml_problem(exc, name)]) from None
    except yaml.YAMLError as exc:
        raise DocgenError.one(f"YAML 错误：{exc}", file=name) from None
    finally:
        loader.dispose()
    return data, marks


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: tuple, marks: Marks, name: str) -> Any:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(loader, node, path, marks, name)
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), marks, name) for i, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str) and (bad := CONTROL.search(value)):
        raise DocgenError.one(f"含有控制字符 U+{ord(bad.group()):04X}，会损坏 DOCX", file=name,
                              line=node.start_mark.line + 1, path=format_path(path),
                              hint="删除这个不可见字符")
    return value


def _build_mapping(loader, node, path, marks, name) -> dict:
    out: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if not isinstance(key, str):
            raise DocgenError.one(f"字段名应为文字，而不是 {key!r}", file=name,
                                  line=key_node.start_mark.line + 1, path=format_path(path))
        canonical = ALIASES.get(key, key)
        if canonical in out:
            raise DocgenError.one(f"字段“{key}”重复出现", file=name, line=key_node.start_mark.line + 1,
                                  path=format_path(path + (canonical,)), hint="删除其中一个")
        out[canonical] = _build(loader, value_node, path + (canonical,), marks, name)
        if key in LABEL_KEYS:
            out.setdefault("distribution_label", key)
    return out


_MESSAGES = {
    "missing": "缺少必填字段",
    "string_type": "应为文字",
    "int_type": "应为整数", "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "list_type": "应为列表（每项以“- ”开头）",
    "model_type": "应为映射（“键: 值”）", "dict_type": "应为映射（“键: 值”）",
    "model_attributes_type": "应为映射（“键: 值”）",
    "date_type": "应为日期，如 2020-04-29", "date_parsing": "应为日期，如 2020-04-29",
    "date_from_datetime_parsing": "日期无效，如 2020-04-29",
    "too_short": "不能为空",
    "string_too_short": "不能为空",
    "greater_than_equal": "数值太小",
    "literal_error": "取值不在允许范围内",
}


def _pydantic_problems(exc: ValidationError, marks: Marks, name: str, data: Any) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for err in exc.errors():
        loc = _clean_loc(err["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        line, column = _nearest_mark(loc, marks)
        kind = err["type"]
        hint = None
        if kind == "extra_forbidden":
            message = f"未知字段“{loc[-1]}”"
            hint = _suggest(str(loc[-1]))
        elif kind == "value_error":
            message = str(err.get("ctx", {}).get("error", err["msg"]))
        elif kind == "literal_error":
            message = f"取值不在允许范围内，应为 {err.get('ctx', {}).get('expected', '')}"
        else:
            message = _MESSAGES.get(kind, err["msg"])
        if kind == "missing":
            message = f"缺少必填字段“{loc[-1]}”"
        problems.append(Problem(message, file=name, line=line, column=column,
                                path=format_path(loc), hint=hint))
    return problems


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-branch labels ('str', 'UnitEntry') from a location."""
    return tuple(part for part in loc
                 if not (isinstance(part, str) and (part[:1].isupper() or part in {"str", "function-before[_from_string(), Item]"})))


def _nearest_mark(loc: tuple, marks: Marks) -> tuple[int | None, int | None]:
    for end in range(len(loc), -1, -1):
        if loc[:end] in marks:
            return marks[loc[:end]]
    return None, None


def _suggest(key: str) -> str | None:
    from .aliases import KNOWN_KEYS
    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
    return f"是不是“{close[0]}”？" if close else None


def load_minutes(path: Path | str) -> Loaded:
    path = Path(path)
    name = str(path)
    return load_minutes_text(read_text(path), name)


def load_minutes_text(text: str, name: str = "<输入>") -> Loaded:
    data, marks = parse_yaml(text, name)
    if not isinstance(data, dict):
        raise DocgenError.one("纪要文件的顶层应为映射（“键: 值”），而不是列表或文字", file=name, line=1)
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
    """Numbering is generated; a clerk's typed "一、" or "（二）" is removed with a warning."""
    warnings: list[Problem] = []

    def fix(container: Any, key: Any, path: tuple, level: int) -> None:
        value = container[key]
        if isinstance(value, dict):
            value = value.get("text" if level else "title")
            key_path = path + ("text" if level else "title",)
            target = container[key]
            slot = "text" if level else "title"
        else:
            key_path, target, slot = path, container, key
        if not isinstance(value, str):
            return
        stripped = strip_typed_number(value, level)
        if stripped != value:
            target[slot] = stripped
            line, _ = _nearest_mark(key_path, marks)
            warnings.append(Problem(f"去掉了手写的编号“{value[:len(value) - len(stripped)]}”，编号由版式自动生成",
                                    file=name, line=line, path=format_path(key_path)))

    def walk_items(items: Any, path: tuple, level: int) -> None:
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            fix(items, i, path + (i,), level)
            if isinstance(item, dict):
                walk_items(item.get("items"), path + (i, "items"), level + 1)

    topics = data.get("topics")
    if isinstance(topics, list):
        for t, topic in enumerate(topics):
            if isinstance(topic, dict):
                fix(topics, t, ("topics", t), 0)
                walk_items(topic.get("items"), ("topics", t, "items"), 1)
    return warnings
