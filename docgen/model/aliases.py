"""Chinese aliases a clerk may type for the canonical English keys."""

from __future__ import annotations

from .minutes import (DISTRIBUTION_LABELS, Absence, Attendance, Chair, Item, Minutes, Printed, Topic,
                      UnitEntry)

ALIASES: dict[str, str] = {
    "版式": "profile", "发文机关": "issuer", "会议": "meeting", "届次": "term",
    "次": "session", "会次": "session", "纪要编号": "doc_number", "编号": "doc_number",
    "日期": "date", "时段": "period", "主持": "chair", "姓名": "name", "职务": "title",
    "开头": "preamble", "导语": "preamble", "议定": "decisions_intro", "议题": "topics",
    "标题": "title", "分项": "items", "段落": "body", "正文": "body", "结尾": "closing",
    "出席情况": "attendance", "出席": "present", "请假": "on_leave", "列席": "attending",
    "单位": "unit", "人员": "names", "事由": "reason", "代表单位": "representatives_of",
    "记录": "recorder", "整理": "compiled_by", "整理日期": "compiled_date",
    "公开": "disclosure", "公开属性": "disclosure",
    "分送": "distribution", "抄送": "distribution", "主送": "distribution",
    "印发": "printed", "印发机关": "by", "内容": "text", "文字": "text",
}

# Keys whose Chinese spelling also decides the printed label.
LABEL_KEYS = set(DISTRIBUTION_LABELS)


def _known_keys() -> list[str]:
    names: set[str] = set(ALIASES)
    for model in (Minutes, Chair, Item, Topic, Absence, UnitEntry, Attendance, Printed):
        names.update(model.model_fields)
    return sorted(names)


KNOWN_KEYS = _known_keys()
