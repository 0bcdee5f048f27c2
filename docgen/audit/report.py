"""An audit as text for a clerk, or as JSON for tools."""

from __future__ import annotations

import json

from .findings import SOURCES, Report


def as_text(report: Report) -> str:
    kind = SOURCES.get(report.kind, report.kind)
    lines = [f"{report.file}（{kind}）："]
    if report.conforms:
        lines.append("✓ 符合 GB/T 9704-2012 所检查的各项")
    else:
        lines.append(f"✗ 有 {len(report.findings)} 处不符合 GB/T 9704-2012：")
    for number, f in enumerate(report.findings, 1):
        lines.append(f"{number}. {f.rule.title}（{f.rule.clause}）〔{f.rule.id}〕")
        lines.append(f"   位置：{f.where}；依据：{SOURCES.get(f.source, f.source)}")
        lines.append(f"   测得：{f.measured}；应为：{f.expected}")
        lines.append(f"   改法：{f.fix}")
    for note in report.notes:
        lines.append(f"说明：{note}")
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    data = {
        "file": report.file,
        "kind": report.kind,
        "conforms": report.conforms,
        "findings": [f.as_dict() for f in report.findings],
        "measured": report.measured,
        "notes": report.notes,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
