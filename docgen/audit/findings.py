"""What an audit reports: findings against GB/T 9704 clauses, and the numbers it measured.

A finding is one rule broken once: its id (stable, for tools and tests), the clause, what
was measured against what was expected, where, and a fix in words a clerk understands.
``source`` says what the measurement was made on: the PDF itself, a DOCX's own settings,
or LibreOffice's PDF of a DOCX.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SOURCES = {"pdf": "PDF", "docx": "DOCX 设置", "docx-pdf": "LibreOffice 转换的 PDF"}


@dataclass(frozen=True)
class Rule:
    """A requirement of the standard that audit measures.

    An advisory rule is one of wording, not of format (GB/T 15834's punctuation): a copy
    that keeps an archived document's half-width commas is still laid out to GB/T 9704,
    so such a finding is shown as a 提示 and leaves the exit code alone.
    """

    id: str          # e.g. page.margins
    clause: str      # e.g. §5.2.1
    title: str       # Chinese, e.g. 版心位置（页边距）
    advisory: bool = False


@dataclass
class Finding:
    rule: Rule
    measured: str
    expected: str
    where: str
    fix: str
    source: str = "pdf"

    def as_dict(self) -> dict:
        out = asdict(self)
        out["rule"] = self.rule.id
        out["clause"] = self.rule.clause
        out["title"] = self.rule.title
        out["source"] = SOURCES.get(self.source, self.source)
        return out


@dataclass
class Report:
    """One document's audit: findings, the numbers measured, and what could not be measured."""

    file: str
    kind: str                                            # pdf, docx
    findings: list[Finding] = field(default_factory=list)
    measured: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)       # checks skipped, and why

    @property
    def breaches(self) -> list[Finding]:
        return [f for f in self.findings if not f.rule.advisory]

    @property
    def advisories(self) -> list[Finding]:
        return [f for f in self.findings if f.rule.advisory]

    @property
    def conforms(self) -> bool:
        return not self.breaches

    def add(self, rule: Rule, measured: str, expected: str, where: str, fix: str,
            source: str = "pdf") -> None:
        self.findings.append(Finding(rule, measured, expected, where, fix, source))

    def rule_ids(self) -> set[str]:
        return {f.rule.id for f in self.findings}


def pages_text(numbers) -> str:
    """第1、3、5页 — the pages a finding was seen on, the first eight of them."""
    shown = list(numbers)
    text = "、".join(str(n) for n in shown[:8]) + ("等" if len(shown) > 8 else "")
    return f"第{text}页"
