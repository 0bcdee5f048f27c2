"""The form's Chinese labels, added to the model's JSON Schema.

The form is drawn from the schema alone; this module only names its fields for a clerk.
A field of the model missing here still appears, labelled with its Chinese alias (from
``model.aliases``) or its description, so a new field needs no second hand-made form.
"""

from __future__ import annotations

from typing import Any

from ..model.aliases import ALIASES

# "Model.field" → label; the model's own names, so a renamed field shows as unlabelled.
LABELS: dict[str, str] = {
    "Minutes.profile": "版式", "Minutes.issuer": "发文机关", "Minutes.meeting": "会议名称",
    "Minutes.term": "届次", "Minutes.session": "会次（第几次）", "Minutes.doc_number": "纪要编号",
    "Minutes.date": "日期", "Minutes.period": "上午/下午", "Minutes.chair": "主持",
    "Chair.name": "姓名", "Chair.title": "职务",
    "Minutes.preamble": "开头段落", "Minutes.decisions_intro": "议定引语",
    "Minutes.topics": "议题", "Topic.title": "议题标题", "Topic.items": "分项",
    "Topic.body": "段落（不编号）", "Item.text": "内容", "Item.items": "子项",
    "Minutes.closing": "结尾段落", "Minutes.attendance": "出席情况",
    "Attendance.present": "出席", "Attendance.on_leave": "请假", "Absence.name": "姓名",
    "Absence.reason": "事由", "Attendance.attending": "列席", "UnitEntry.unit": "单位",
    "UnitEntry.names": "人员", "Attendance.representatives_of": "列席代表单位",
    "Minutes.recorder": "记录", "Minutes.compiled_by": "整理", "Minutes.compiled_date": "整理日期",
    "Minutes.disclosure": "公开属性", "Minutes.distribution_label": "版记标签",
    "Minutes.distribution": "分送", "Minutes.printed": "印发", "Printed.by": "印发机关",
    "Printed.date": "印发日期",
}
# What one element of a list is called on its buttons ("添加议题").
ELEMENTS: dict[str, str] = {
    "Topic": "议题", "Item": "分项", "Absence": "请假人员", "UnitEntry": "单位及人员",
}
# Long text: a text area rather than a one-line box.
LONG = {"Minutes.preamble", "Item.text", "Topic.body", "Minutes.closing", "Minutes.distribution",
        "Topic.title"}


def _alias(field: str) -> str | None:
    return next((alias for alias, canonical in ALIASES.items() if canonical == field), None)


def label(model: str, field: str, prop: dict[str, Any]) -> str:
    return (LABELS.get(f"{model}.{field}") or _alias(field) or prop.get("description")
            or field)


def labelled_schema(schema: dict[str, Any], profiles: list[str]) -> dict[str, Any]:
    """The schema with ``title`` set to the Chinese label of each property, ``x-long`` on
    long text, ``x-element`` on models that are list elements, and the profiles offered."""
    models = {"Minutes": schema, **schema.get("$defs", {})}
    for model, body in models.items():
        if model in ELEMENTS:
            body["x-element"] = ELEMENTS[model]
        for field, prop in body.get("properties", {}).items():
            prop["title"] = label(model, field, prop)
            if f"{model}.{field}" in LONG:
                prop["x-long"] = True
    schema["properties"]["profile"]["examples"] = profiles
    return schema
