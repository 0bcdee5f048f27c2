"""pydantic's ValidationError → Chinese Problems with the line, the field and a hint.

pydantic reports in English, on its own paths (union branches, validator labels) and
once per union branch. A clerk needs one message per mistake, on the field as typed
(Chinese alias shown), and a guess at what was meant: "未知字段“topcis”（是不是“topics”？）".
"""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, format_path
from .aliases import ALIASES, KNOWN_KEYS
from .minutes import EMPTY_OR_NOT_BLANK, NOT_BLANK, Minutes, Shorthand
from .yamlnodes import Marks

_MESSAGES = {
    "missing": "缺少必填字段",
    "string_type": "应为文字",
    "int_type": "应为整数", "int_parsing": "应为整数", "int_from_float": "应为整数",
    "int_parsing_size": "应为整数，且不能这么大",
    "finite_number": "应为有限的数字",
    "bool_type": "应为 true 或 false", "bool_parsing": "应为 true 或 false",
    "float_type": "应为数字", "float_parsing": "应为数字",
    "list_type": "应为列表（每项以“- ”开头）",
    "model_type": "应为映射（“键: 值”）", "dict_type": "应为映射（“键: 值”）",
    "model_attributes_type": "应为映射（“键: 值”）",
    "date_type": "应为日期，如 2020-04-29", "date_parsing": "应为日期，如 2020-04-29",
    "date_from_datetime_inexact": "应为日期，不带时间，如 2020-04-29",
    "too_short": "不能为空",
    "string_too_short": "不能为空",
    "too_long": "项数太多",
    "string_too_long": "文字太长",
    "string_pattern_mismatch": "格式不对",
    "greater_than_equal": "数值太小",
    "greater_than": "数值太小",
    "less_than_equal": "数值太大",
    "less_than": "数值太大",
}
# The bounds pydantic reports, worded with the bound: "应不小于 1", "最多 99 项".
_BOUNDS = {
    "greater_than_equal": ("ge", "应不小于 {}"), "greater_than": ("gt", "应大于 {}"),
    "less_than_equal": ("le", "应不大于 {}"), "less_than": ("lt", "应小于 {}"),
    "too_long": ("max_length", "最多 {} 项"), "string_too_long": ("max_length", "最多 {} 个字"),
}
_BLANK_PATTERNS = {NOT_BLANK, EMPTY_OR_NOT_BLANK}
_DATE_REASONS = {
    "day value is outside expected range": "这个月没有这一天",
    "month value is outside expected range": "月份应在 1 到 12 之间",
}
_TYPE_ERRORS = {"string_type", "int_type", "int_parsing", "int_from_float", "bool_type",
                "bool_parsing", "float_type", "float_parsing", "list_type", "model_type",
                "dict_type", "model_attributes_type", "date_type", "date_parsing",
                "date_from_datetime_parsing", "int_parsing_size", "finite_number"}


# --------------------------------------------------------------------------- the models


def _submodels(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        out.extend(_submodels(arg))
    return out


def _field_homes() -> dict[str, type[BaseModel]]:
    """Dotted path → model, for every place a model sits (each model at its first place)."""
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


# Every field name of Minutes and the models inside it: what a cleaned location keeps.
FIELD_NAMES: frozenset[str] = frozenset(n for m in _field_homes().values() for n in m.model_fields)


# Models that also take a bare string: a wrong type there should ask for text.
_TAKES_STRING = {m.__name__ for m in _field_homes().values() if issubclass(m, Shorthand)}


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


# --------------------------------------------------------------------------- the problems


def validation_problems(exc: ValidationError, marks: Marks, name: str, data: Any,
                        fields: frozenset[str] = FIELD_NAMES) -> list[Problem]:
    """One Problem per mistake, in pydantic's order, each on the line the clerk typed it.

    ``fields`` are the field names of the model validated (the minutes by default; a
    profile passes its own), so locations keep them and drop pydantic's labels.
    """
    problems: list[tuple[tuple, str, Problem]] = []
    seen: set[tuple] = set()
    for err, loc, union in _chosen_errors(exc, data, fields):
        if loc in seen:
            continue
        seen.add(loc)
        line, column = marks.nearest(loc)
        message, hint = _message(err, loc, union)
        if err["type"] == "extra_forbidden":
            message = f"未知字段“{marks.spelled.get(loc, str(loc[-1]))}”"
            hint = _unknown_key_hint(loc, marks)
        problems.append((loc, err["type"], Problem(message, file=name, line=line, column=column,
                                                   path=_spelled_path(loc, marks) or None,
                                                   hint=hint)))
    # "未知字段“topcis”（是不是“topics”？）" already explains "缺少必填字段“topics”".
    suggested = {(loc[:-1], p.hint) for loc, kind, p in problems if kind == "extra_forbidden"}
    return [p for loc, kind, p in problems
            if not (kind == "missing" and any(parent == loc[:-1] and hint and f"“{loc[-1]}”" in hint
                                              for parent, hint in suggested))]


def _chosen_errors(exc: ValidationError, data: Any,
                   fields: frozenset[str]) -> list[tuple[dict, tuple, bool]]:
    """(error, cleaned location, "report as the union") for the errors worth reporting.

    Union branches (a 列席 entry: a name or {unit, names}) each report; keep the branch that
    matches what the clerk wrote, or one combined message when none does.
    """
    errors = [(err, *_clean_loc(err["loc"], err["type"], fields)) for err in exc.errors()]
    branches: dict[tuple, set[str]] = {}
    for err, loc, branch in errors:
        if branch is not None and not branch.startswith("function-"):
            branches.setdefault(_union_base(err["loc"], branch, fields), set()).add(branch)
    chosen: list[tuple[dict, tuple, bool]] = []
    for err, loc, branch in errors:
        union = False
        if branch is not None and not branch.startswith("function-"):
            base = _union_base(err["loc"], branch, fields)
            wrote_mapping = isinstance(_get(data, base), dict)
            is_str_branch = "str" in branch
            if len(branches[base]) > 1:
                if wrote_mapping and is_str_branch:
                    continue
                if not wrote_mapping:
                    if not is_str_branch:
                        continue
                    union = err["type"] == "string_type"
        chosen.append((err, loc, union))
    return chosen


def _clean_loc(loc: tuple, kind: str, fields: frozenset[str]) -> tuple[tuple, str | None]:
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
        if isinstance(part, int) or part in fields or (i == last and kind == "extra_forbidden"):
            kept.append(part)
        elif branch is None:
            branch = str(part)
    return tuple(kept), branch


def _union_base(raw_loc: tuple, branch: str, fields: frozenset[str]) -> tuple:
    """The cleaned location of the value the union was tried on."""
    cut = raw_loc.index(branch)
    return tuple(p for p in raw_loc[:cut] if isinstance(p, int) or p in fields)


def _get(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def describe(value: Any) -> str:
    """What the clerk wrote, in words: "数字 96", "文字“…”", "列表"."""
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


def _message(err: dict, loc: tuple, union: bool) -> tuple[str, str | None]:
    """(message, hint) for one error; the special cases first, then the table."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        return f"缺少必填字段“{loc[-1]}”", None
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), None
    if kind == "literal_error":
        return f"取值不在允许范围内，应为 {ctx.get('expected', '')}".replace(" or ", " 或 "), None
    if kind in _TYPE_ERRORS and value is None:
        return "不能为空", "这里还没有填写内容"
    if kind == "date_from_datetime_parsing":
        return _bad_date(ctx, value)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in _BLANK_PATTERNS:
        return "只有空白，没有文字", None
    if union:
        message = "应为文字，或“键: 值”映射"
    elif kind in ("model_type", "model_attributes_type") and ctx.get("class_name") in _TAKES_STRING:
        message = _MESSAGES["string_type"]
    else:
        message = _MESSAGES.get(kind) or f"取值无效（{err['msg']}）"
    hint = None
    if kind in _TYPE_ERRORS:
        message += f"，而不是{describe(value)}"
        if isinstance(value, (int, float, dt.date)) and "文字" in message:
            hint = "数字或日期当作文字时请加引号"
        if kind in ("int_type", "int_parsing") and isinstance(value, str):
            hint = "只写数字，如 96"
        if kind == "date_type" and isinstance(value, (bool, int, float, str)):
            hint = "日期写作 2020-04-29"
    return _bounded(kind, ctx, value) or message, hint


def _bounded(kind: str, ctx: dict, value: Any) -> str | None:
    """A value out of range, with the bound: "应不大于 72，而不是数字 100"."""
    if kind not in _BOUNDS or _BOUNDS[kind][0] not in ctx:
        return None
    key, template = _BOUNDS[kind]
    message = template.format(ctx[key])
    if kind == "too_long" and "actual_length" in ctx:
        return message + f"，这里有 {ctx['actual_length']} 项"
    if isinstance(value, (int, float)):
        return message + f"，而不是{describe(value)}"
    return message


def _bad_date(ctx: dict, value: Any) -> tuple[str, str | None]:
    """2020-02-30 is shaped like a date; say which part does not exist."""
    reason = next((cn for en, cn in _DATE_REASONS.items() if en in str(ctx.get("error", ""))), None)
    if reason and isinstance(value, str):
        return f"日期 {value} 不存在（{reason}）", "日期写作 2020-04-29"
    return f"应为日期，如 2020-04-29，而不是{describe(value)}", None


def _spelled_path(loc: tuple, marks: Marks) -> str:
    """The path with the canonical field names (Chinese aliases shown alongside)."""
    text = format_path(loc)
    if loc and loc in marks.spelled:
        text += f"（{marks.spelled[loc]}）"
    return text


def _unknown_key_hint(loc: tuple, marks: Marks) -> str | None:
    """A known field in the wrong place says where it belongs; otherwise the closest name."""
    key = str(loc[-1])
    model = _model_at(loc[:-1])
    if model is None:
        return _suggest(key, None)
    canonical = ALIASES.get(key, key)
    typed = marks.spelled.get(loc, key)
    homes = [path for path, m in _field_homes().items() if canonical in m.model_fields]
    if canonical in FIELD_NAMES and canonical not in model.model_fields and homes:
        where = "、".join(homes)
        return f"“{typed}”应写在 {where} 下面"
    return _suggest(typed, model)


def _suggest(key: str, model: type[BaseModel] | None) -> str | None:
    if model is None:
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
