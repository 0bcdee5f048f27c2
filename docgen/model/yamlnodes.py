"""YAML text → plain data and the line of every value, composed safely.

The YAML is composed to nodes first (safe tags only, aliases refused, size and depth
bounded), so each value keeps its line; Chinese keys are mapped to canonical ones here,
so the paths that later error messages name are always canonical.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml

from ..errors import DocgenError, format_path
from .aliases import ALIASES, LABEL_KEYS
from .yamlerrors import yaml_problem

MAX_NODES = 50_000           # a real 纪要 has a few hundred; this bounds the work on hostile input
MAX_DEPTH = 40               # nesting of mappings and lists
# The composer recurses once per level: past this depth it stops, on the line it reached,
# before Python's recursion limit would (a RecursionError names no line). Deeper than
# MAX_DEPTH, so the builder's refusal, which also names the field, is the usual one.
COMPOSE_DEPTH = 4 * MAX_DEPTH
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

    def nearest(self, path: tuple) -> tuple[int | None, int | None]:
        """The mark of ``path`` or of its closest ancestor: a missing field has no line."""
        for end in range(len(path), -1, -1):
            if path[:end] in self:
                return self[path[:end]]
        return None, None


# Mappings whose keys are names, not fields, so no Chinese field name is translated in them:
# a profile's ``docx_styles: {正文: 正文-仿宋}`` names docgen's style 正文, not the field body.
NAME_MAPS = {("docx_styles",)}


def parse_yaml(text: str, name: str, *, labels: bool = False) -> tuple[Any, Marks]:
    """Compose safely and build plain data plus a path → (line, column) map.

    With ``labels`` a top-level 分送/抄送/主送 key also records ``distribution_label``.
    """
    controls = [m.start() for m in CONTROL.finditer(text)]
    # PyYAML refuses control characters outright and says only "position N"; swap them for a
    # harmless character so the file still parses and the offending field can be named.
    clean = CONTROL.sub("\ufffd", text) if controls else text
    builder = _Builder(name, text, controls, labels)
    try:
        node = _compose(clean)
        if node is None:
            raise DocgenError.one("文件是空的", file=name, hint="用 docgen new 生成一份草稿")
        data = builder.build(node, ())
    except (_Refused, yaml.YAMLError, RecursionError) as exc:
        raise _refusal(exc, text, controls, name) from None
    if controls:  # outside every value: in a comment or between tokens
        raise control_error(text, controls[0], name, None)
    return data, builder.marks


def _compose(text: str) -> yaml.Node | None:
    """The node tree, from libyaml's events when PyYAML has it (a tenth of the time: the
    seed's 29 ms were almost all PyYAML's pure-Python scanner), else PyYAML's own parser.
    A draft libyaml will not read is composed again by PyYAML, whose errors yamlerrors.py
    words in Chinese; either way composition is ours, with its refusals and bounds."""
    if _FastLoader is not None:
        loader = _FastLoader(text)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _refusal(exc: Exception, text: str, controls: list[int], name: str) -> DocgenError:
    """Why the file could not be composed, and where; a stray control character comes first."""
    if isinstance(exc, _Refused):
        mark = exc.mark
        return DocgenError.one(exc.message, file=name, line=mark.line + 1 if mark else None,
                               column=mark.column + 1 if mark else None, hint=exc.hint)
    if isinstance(exc, yaml.MarkedYAMLError):
        problems = [yaml_problem(exc, name)]
        if controls:
            problems = control_error(text, controls[0], name, None).problems + problems
        return DocgenError(problems)
    if isinstance(exc, yaml.YAMLError):  # ReaderError and friends, which carry no mark
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line, column = _line_col(text, position)
            return DocgenError.one("文件含有 YAML 不允许的字符", file=name, line=line,
                                   column=column, hint="删除这个不可见字符")
        return DocgenError.one("YAML 格式错误", file=name)
    return DocgenError.one("嵌套层次过深", file=name)  # RecursionError


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def control_error(text: str, offset: int, name: str, path: str | None) -> DocgenError:
    """A control character, named by code point: it is invisible in the clerk's editor."""
    line, column = _line_col(text, offset)
    char = text[offset]
    if char in "\u2028\u2029\x85":
        what = f"含有不可见的换行符 U+{ord(char):04X}，行号会错乱"
    else:
        what = f"含有控制字符 U+{ord(char):04X}，会损坏 DOCX"
    return DocgenError.one(what, file=name, line=line,
                           column=column, path=path, hint="删除这个不可见字符")


class _Refused(Exception):
    """Input the loader will not compose: an alias, or too much of it."""

    def __init__(self, message: str, mark: yaml.Mark | None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.mark, self.hint = message, mark, hint


# YAML 1.2 plain scalars, where YAML 1.1 (PyYAML's default) reads too much into them:
# "012" is no octal 10, "1:30" no sexagesimal 90, "yes"/"no"/"on"/"off" no booleans.
# Each form is also a YAML 1.1 number or boolean of the same value, so dump.py, which asks
# PyYAML's 1.1 loader what needs quotes, still writes files that read back the same.
# An integer with a leading zero stays text (as YAML 1.2's JSON schema has it): a text field
# keeps "09" as written, and an integer field reads "012" as twelve, the clerk's meaning.
YAML12_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
YAML12_FLOAT = re.compile(r"""^(?:[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?
                              |\.[0-9]+(?:[eE][-+][0-9]+)?
                              |[-+]?\.(?:inf|Inf|INF)
                              |\.(?:nan|NaN|NAN))$""", re.X)
YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_RETYPED = {YAML_TAG + t for t in ("bool", "int", "float")}


class _Bounded:
    """Composer.compose_node, refusing aliases (drafts never need them, bombs do), more
    than MAX_NODES values and nesting past COMPOSE_DEPTH; mixed into both loaders below.
    The counters start at the class's zeros and become the instance's on first use."""

    node_count = 0
    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _Refused("不允许使用 YAML 别名（*引用）", self.peek_event().start_mark,
                           "请把内容直接写出来")
        self.node_count += 1
        if self.node_count > MAX_NODES:
            raise _Refused(f"内容过多（超过 {MAX_NODES} 个值），不像是一份纪要草稿",
                           self.peek_event().start_mark)
        if self.depth >= COMPOSE_DEPTH:
            raise _Refused("嵌套层次过深", self.peek_event().start_mark,
                           "检查这一行的方括号 [ ]、花括号 { } 或缩进")
        self.depth += 1
        try:
            return yaml.composer.Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1


class _Loader(_Bounded, yaml.SafeLoader):
    """SafeLoader that refuses aliases (drafts never need them, bombs do), bounds the work
    and types plain scalars the YAML 1.2 way (see ``YAML12_INT``)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _RETYPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def construct_decimal_int(self, node: yaml.ScalarNode) -> int:
        """Decimal digits only, also under an explicit !!int: never octal, hex or 1:30."""
        text = self.construct_scalar(node).strip()
        if not YAML12_INT.match(text):
            raise ValueError(text)  # kept as text; validation names the field
        return int(text)

    def construct_plain_float(self, node: yaml.ScalarNode) -> float:
        """A decimal fraction, .inf or .nan, also under an explicit !!float: never 1:30."""
        text = self.construct_scalar(node).strip()
        if not YAML12_FLOAT.match(text) and not YAML12_INT.match(text):
            raise ValueError(text)
        return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))


_Loader.add_implicit_resolver(YAML_TAG + "bool", YAML12_BOOL, list("tTfF"))
_Loader.add_implicit_resolver(YAML_TAG + "int", YAML12_INT, list("-+0123456789"))
_Loader.add_implicit_resolver(YAML_TAG + "float", YAML12_FLOAT, list("-+.0123456789"))
_Loader.add_constructor(YAML_TAG + "int", _Loader.construct_decimal_int)
_Loader.add_constructor(YAML_TAG + "float", _Loader.construct_plain_float)


def _fast_loader() -> type | None:
    """_Loader with libyaml's parser under PyYAML's composer: the events come from C, the
    nodes (and so the bounds, the marks and the YAML 1.2 typing) are built as by _Loader.
    libyaml's own composer is not used: it recurses in C with no depth limit."""
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None

    class FastLoader(_Bounded, yaml.composer.Composer, CParser,
                     yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
        yaml_constructors = _Loader.yaml_constructors

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    return FastLoader


_FastLoader = _fast_loader()


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


class _Builder:
    """Node tree → plain data; records where each field path sits in the file."""

    def __init__(self, name: str, original: str, controls: list[int], top_level_labels: bool):
        self.constructor = _Loader("")      # typed scalars only: its constructors, no parsing
        self.name, self.original = name, original
        self.controls = controls            # offsets of control characters (already replaced)
        self.labels = top_level_labels
        self.marks = Marks()

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
        return self.build_scalar(node, path)

    def build_scalar(self, node: yaml.Node, path: tuple) -> Any:
        self.check_control(node, path)
        self.check_folded_item(node, path)
        if node.tag in PLAIN_TAGS:  # a bare "=" or "<<" as a value is just text
            return node.value
        if node.tag not in SCALAR_TAGS:
            self.refuse_tag(node, path)
        if node.tag == YAML_TAG + "str":      # most values: the text as composed
            value = node.value
        else:
            try:
                value = self.constructor.construct_object(node, deep=True)
            except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
                # 2020-02-30 looks like a date but is none (likewise "!!bool maybe"): keep
                # the text; validation then names the field and what it should be.
                return node.value
        if isinstance(value, str) and (bad := CONTROL.search(value)):  # written as "\a", "\x07"
            raise DocgenError.one(f"含有控制字符 U+{ord(bad.group()):04X}，会损坏 DOCX",
                                  file=self.name, line=node.start_mark.line + 1,
                                  column=node.start_mark.column + 1,
                                  path=format_path(path) or None, hint="删除这个转义字符")
        return value

    def build_mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        out: dict = {}
        first: dict[str, tuple[int, str]] = {}   # canonical key → (line, key as typed)
        label: str | None = None
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            key_line = key_node.start_mark.line + 1
            canonical = key if path[-1:] in NAME_MAPS else ALIASES.get(key, key)
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

    def key(self, key_node: yaml.Node, path: tuple) -> str:
        """The key as typed, refused unless it is plain text: YAML would make 2020: a number."""
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
        return key

    def check_control(self, node: yaml.Node, path: tuple) -> None:
        """A control character inside this node's span of the original text is refused here."""
        i = bisect.bisect_left(self.controls, node.start_mark.index)
        if i < len(self.controls) and self.controls[i] < node.end_mark.index:
            raise control_error(self.original, self.controls[i], self.name,
                                format_path(path) or None)

    def check_folded_item(self, node: yaml.Node, path: tuple) -> None:
        """A "- " one space too far in is no new item: YAML folds it into the text above
        ("…印发。 - 县财政局要…"), two items print as one and nothing else would say so."""
        # plain style: None from PyYAML's parser, "" from libyaml's
        if node.style not in (None, "") or node.end_mark.line <= node.start_mark.line:
            return
        lines = self.original.split("\n")
        for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
            text = lines[number]
            if text.lstrip(" ").startswith(("- ", "-\t")) or text.strip() == "-":
                raise DocgenError.one(
                    "这一行的“- ”没有开始新的一项，而被读成了上一行文字的续行（它比上一项多缩进了）",
                    file=self.name, line=number + 1, column=len(text) - len(text.lstrip(" ")) + 1,
                    path=format_path(path) or None,
                    hint="同一列表各项的“- ”要上下对齐；确要在文字中写“- ”，给整段文字加英文双引号")

    def refuse_tag(self, node: yaml.Node, path: tuple) -> None:
        raise DocgenError.one(f"不允许的 YAML 标签“{_tag_name(node.tag)}”", file=self.name,
                              line=node.start_mark.line + 1, column=node.start_mark.column + 1,
                              path=format_path(path) or None,
                              hint="草稿中不能使用 !! 或 ! 开头的标签，请直接写文字")
