"""An audit as text for a clerk, or as JSON for tools."""

from __future__ import annotations

import json

from .findings import SOURCES, Finding, Report

KINDS = {"pdf": "PDF，按版面测量", "docx": "DOCX，按文档设置检查，版面各项按 LibreOffice 转换的 PDF 测量"}


def as_text(report: Report) -> str:
    lines = [f"{report.file}（{KINDS.get(report.kind, report.kind)}）："]
    if report.conforms:
        lines.append("✓ 符合 GB/T 9704-2012 所检查的各项")
    else:
        lines.append(f"✗ 有 {len(report.breaches)} 处不符合 GB/T 9704-2012：")
    lines.extend(_listed(report.breaches))
    if report.advisories:
        lines.append(f"另有 {len(report.advisories)} 条提示（属文字校对，不影响是否符合版式）：")
        lines.extend(_listed(report.advisories))
    for note in report.notes:
        lines.append(f"说明：{note}")
    return "\n".join(lines) + "\n"


def _listed(findings: list[Finding]) -> list[str]:
    lines = []
    for number, f in enumerate(findings, 1):
        lines.append(f"{number}. {f.rule.title}（{f.rule.clause}）〔{f.rule.id}〕")
        lines.append(f"   位置：{f.where}；依据：{SOURCES.get(f.source, f.source)}")
        lines.append(f"   测得：{f.measured}；应为：{f.expected}")
        lines.append(f"   改法：{f.fix}")
    return lines


def as_json(report: Report) -> str:
    data = {
        "file": report.file,
        "kind": report.kind,
        "conforms": report.conforms,
        "findings": [f.as_dict() for f in report.breaches],
        "advisories": [f.as_dict() for f in report.advisories],
        "measured": report.measured,
        "notes": report.notes,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
