"""Checks a clerk wants beyond types: dates in order, names listed once."""

from __future__ import annotations

from collections import Counter

from ..errors import Problem
from .minutes import Minutes, UnitEntry


def semantic_checks(m: Minutes, marks: dict, name: str) -> tuple[list[Problem], list[Problem]]:
    errors: list[Problem] = []
    warnings: list[Problem] = []

    def at(*path: object) -> int | None:
        return marks.get(tuple(path), (None, None))[0]

    if m.printed and m.printed.date < m.date:
        errors.append(Problem(f"印发日期 {m.printed.date} 早于会议日期 {m.date}", file=name,
                              line=at("printed", "date"), path="printed.date"))
    if m.compiled_date and m.compiled_date < m.date:
        errors.append(Problem(f"整理日期 {m.compiled_date} 早于会议日期 {m.date}", file=name,
                              line=at("compiled_date"), path="compiled_date"))
    if m.attendance:
        a = m.attendance
        for label, key, names in (("出席", "present", a.present),
                                  ("请假", "on_leave", [x.name for x in a.on_leave]),
                                  ("列席", "attending", [x for x in a.attending if isinstance(x, str)])):
            for dup, count in Counter(names).items():
                if count > 1:
                    warnings.append(Problem(f"{label}名单中“{dup}”出现了 {count} 次", file=name,
                                            line=at("attendance", key), path=f"attendance.{key}"))
        both = set(a.present) & {x.name for x in a.on_leave}
        for person in sorted(both):
            errors.append(Problem(f"“{person}”同时列在出席和请假中", file=name,
                                  line=at("attendance", "on_leave"), path="attendance.on_leave"))
        for i, entry in enumerate(a.attending):
            if isinstance(entry, UnitEntry):
                for dup, count in Counter(entry.names).items():
                    if count > 1:
                        warnings.append(Problem(f"“{entry.unit}”下“{dup}”出现了 {count} 次", file=name,
                                                line=at("attendance", "attending", i),
                                                path=f"attendance.attending[{i}]"))
    return errors, warnings
