"""The names an office's template may use: one set for the HTML folder and the Word file.

They are the draft's own fields (``session``, ``chair.name``, ``printed.date`` …), as
the clerk writes them in YAML, plus what docgen composes from the draft and the profile
(``mark``, ``issue_line``, ``office``). Dates read as printed (2020年11月2日), an empty
field as an empty string, so ``{{ printed.date }}印发`` never prints "None". The list
a clerk reads (``docgen templates --placeholders``, docs/placeholders.md) is generated
from the model's field descriptions, so it cannot drift from what templates receive.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Union

from pydantic import BaseModel

from ..layout.blocks import Document
from ..model.minutes import Minutes
from ..model.numbering import chinese_date
from ..model.profile import Profile

# Composed by docgen (not fields of the draft): name → what it holds.
COMPOSED = {
    "mark": "纪要标志，如“苏州市人民政府常务会议纪要”（版式的 mark 填入发文机关和会议名称）",
    "issue_line": "期号行，如“第96次”",
    "office": "编发单位，如“苏州市人民政府办公室”（版式的 office）",
    "office_date": "版头编发日期，如“2020年6月1日”",
    "title": "文档标题（DOCX/PDF 属性中的标题）",
}
# The draft's fields that a one-page template has no use for: they are whole sections of
# the body, which docgen typesets itself.
BODY_FIELDS = frozenset({"topics", "closing", "preamble", "decisions_intro", "profile"})


def placeholders(m: Minutes, doc: Document, profile: Profile) -> dict[str, Any]:
    """What a template's ``{{ … }}`` read, for this draft."""
    values = _values(Minutes, m)
    values["issuer"] = m.issuer or profile.issuer
    values.update(mark=doc.mark, issue_line=doc.issue_line or "", office=doc.office or "",
                  office_date=doc.office_date or "", title=doc.title)
    return values


def _values(model: type[BaseModel], value: BaseModel | None) -> dict[str, Any]:
    """A model as plain values, its unset sub-models as their fields all empty."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        field_value = getattr(value, name) if value is not None else None
        sub = _submodel(info.annotation)
        if sub is not None and not isinstance(field_value, list):
            out[name] = _values(sub, field_value)
        else:
            out[name] = _plain(field_value)
    return out


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return chinese_date(value)
    if isinstance(value, BaseModel):
        return _values(type(value), value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model class of ``X | None`` or ``X`` (not of a list of them)."""
    options = typing.get_args(annotation) if typing.get_origin(annotation) in (
        Union, types.UnionType) else (annotation,)
    for option in options:
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def describe() -> list[tuple[str, str]]:
    """(placeholder, what it holds) for every name a template may use, in the model's order."""
    rows = [(name, text) for name, text in COMPOSED.items()]
    rows += _described(Minutes, "")
    return rows


def _described(model: type[BaseModel], prefix: str) -> list[tuple[str, str]]:
    rows = []
    for name, info in model.model_fields.items():
        if not prefix and name in BODY_FIELDS:
            continue
        sub = _submodel(info.annotation)
        text = info.description or ""
        if typing.get_origin(info.annotation) is list:
            text += "（列表；连写用 `|join(\"、\")`）"
        if sub is not None:
            rows += _described(sub, f"{prefix}{name}.")
        else:
            rows.append((prefix + name, text))
    return rows


def markdown() -> str:
    """docs/placeholders.md, as generated (a test keeps the file equal to this)."""
    lines = ["# 模板占位符", "",
             "HTML 模板文件夹和 Word 模板（.docx）中可用的占位符，两者相同。写法：`{{ session }}`、"
             "`{{ printed.date }}印发`。日期按印刷格式给出（2020年11月2日），未填写的字段为空。",
             "本文件由 `docgen templates --placeholders --markdown` 生成，请勿手改。", "",
             "| 占位符 | 含义 |", "|---|---|"]
    lines += [f"| `{{{{ {name} }}}}` | {text} |" for name, text in describe()]
    return "\n".join(lines) + "\n"
