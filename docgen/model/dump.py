"""Minutes → the YAML a clerk would write.

Canonical keys in the model's order, block style, Chinese as is, items as plain strings
when they have no sub-items, attendance unit entries as flow mappings
``{unit: 市委组织部, names: [周春良, 孙勇]}``, dates as YYYY-MM-DD; fields that are
absent, empty or at their default are left out. ``load_minutes_text(dump(m)) == m``.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

import yaml

from .minutes import Minutes
from .numbering import chinese_number

INDENT = "  "
# Kept even at their default value: they say which office and which meeting the file is.
ALWAYS = {"profile", "meeting"}
# What a scalar reads back as: PyYAML's safe loader, on libyaml when it has it (each probe
# through the pure-Python parser cost ~0.3 ms, a tenth of a parse of the seed).
_PROBE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=4096)
def _plain_ok(text: str, flow: bool) -> bool:
    """Whether ``text`` reads back as the same string when written without quotes."""
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    if text[0] in "!&*|>'\"%@`#,[]{}?:-" and not (text[0] == "-" and len(text) > 1 and text[1] != " "):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(ch in text for ch in ",[]{}"):
        return False
    try:
        probe = yaml.load(f"[{text}]" if flow else f"k: {text}", Loader=_PROBE)
    except yaml.YAMLError:
        return False
    value = probe[0] if flow else (probe or {}).get("k")
    return value == text and isinstance(value, str)


def scalar(value: Any, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if _plain_ok(text, flow) else json.dumps(text, ensure_ascii=False)


def _flow_list(values: list[Any]) -> str:
    return "[" + ", ".join(scalar(v, flow=True) for v in values) + "]"


def _flow_map(mapping: dict[str, Any]) -> str:
    parts = []
    for key, value in mapping.items():
        parts.append(f"{key}: {_flow_list(value) if isinstance(value, list) else scalar(value, flow=True)}")
    return "{" + ", ".join(parts) + "}"


def _items(items: list, depth: int, out: list[str]) -> None:
    pad = INDENT * depth
    for item in items:
        if not item.items:
            out.append(f"{pad}- {scalar(item.text)}")
        else:
            out.append(f"{pad}- text: {scalar(item.text)}")
            out.append(f"{pad}  items:")
            _items(item.items, depth + 2, out)


def dump(m: Minutes, header: str | None = None) -> str:
    """The minutes as YAML text (UTF-8, LF line ends)."""
    out: list[str] = []
    if header:
        out.extend(f"# {line}" if line else "#" for line in header.splitlines())
        out.append("")
    defaults = {name: f.get_default(call_default_factory=True) for name, f in Minutes.model_fields.items()}
    for name in Minutes.model_fields:
        value = getattr(m, name)
        if name not in ALWAYS and (value == defaults.get(name)):
            continue
        if value is None or value == [] and name not in ("topics",):
            if defaults.get(name) is None or value == []:
                continue
            out.append(f"{name}: null")
            continue
        if name == "chair":
            chair = {"name": value.name}
            if value.title is not None:
                chair["title"] = value.title
            out.append(f"chair: {_flow_map(chair)}")
        elif name == "printed":
            out.append(f"printed: {_flow_map({'by': value.by, 'date': value.date})}")
        elif name == "topics":
            out.append("")
            out.append("topics:")
            for t, topic in enumerate(value):
                if t:
                    out.append("")
                out.append(f"  # {chinese_number(t + 1)}、")
                out.append(f"  - title: {scalar(topic.title)}")
                if topic.body:
                    out.append("    body:")
                    out.extend(f"      - {scalar(b)}" for b in topic.body)
                if topic.items:
                    out.append("    items:")
                    _items(topic.items, 3, out)
            out.append("")
        elif name == "closing":
            out.append("closing:")
            out.extend(f"  - {scalar(c)}" for c in value)
        elif name == "attendance":
            _attendance(value, out)
        elif name == "preamble":
            out.append("")
            out.append(f"preamble: {scalar(value)}")
            out.append("")
        else:
            out.append(f"{name}: {scalar(value)}")
    text = "\n".join(out).rstrip("\n") + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def _attendance(a: Any, out: list[str]) -> None:
    lines: list[str] = []
    if a.present:
        lines.append(f"  present: {_flow_list(a.present)}")
    if a.on_leave:
        lines.append("  on_leave:")
        for x in a.on_leave:
            if x.reason is None:
                lines.append(f"    - {scalar(x.name)}")
            else:
                lines.append(f"    - {_flow_map({'name': x.name, 'reason': x.reason})}")
    if a.attending:
        lines.append("  attending:")
        for entry in a.attending:
            if isinstance(entry, str):
                lines.append(f"    - {scalar(entry)}")
            else:
                lines.append(f"    - {_flow_map({'unit': entry.unit, 'names': list(entry.names)})}")
    if a.representatives_of:
        lines.append(f"  representatives_of: {_flow_list(a.representatives_of)}")
    if lines:
        out.append("")
        out.append("attendance:")
        out.extend(lines)
        out.append("")
    else:
        out.append("attendance: {}")
