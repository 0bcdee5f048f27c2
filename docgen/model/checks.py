"""Checks a clerk wants beyond types: dates in order, no blank text, names listed once."""

from __future__ import annotations

from collections import Counter

from ..errors import Problem, format_path
from .minutes import Item, Minutes, UnitEntry


def semantic_checks(m: Minutes, marks: dict, name: str) -> tuple[list[Problem], list[Problem]]:
    errors: list[Problem] = []
    warnings: list[Problem] = []

    def at(*path: object) -> int | None:
        for end in range(len(path), -1, -1):
            if path[:end] in marks:
                return marks[path[:end]][0]
        return None

    def problem(message: str, *path: object) -> Problem:
        return Problem(message, file=name, line=at(*path), path=format_path(path) or None)

    # Dates in order.
    if m.printed and m.printed.date < m.date:
        errors.append(problem(f"印发日期 {m.printed.date} 早于会议日期 {m.date}", "printed", "date"))
    if m.compiled_date and m.compiled_date < m.date:
        errors.append(problem(f"整理日期 {m.compiled_date} 早于会议日期 {m.date}", "compiled_date"))

    # Text that is only spaces passes "not empty" but prints as nothing.
    def blank(text: str | None, *path: object) -> None:
        if text is not None and text and not text.strip():
            errors.append(problem("只有空白，没有文字", *path))

    def items(entries: list[Item], *path: object) -> None:
        for i, item in enumerate(entries):
            blank(item.text, *path, i)
            items(item.items, *path, i, "items")

    if m.chair:
        blank(m.chair.name, "chair", "name")
    for t, topic in enumerate(m.topics):
        blank(topic.title, "topics", t, "title")
        for b, paragraph in enumerate(topic.body):
            blank(paragraph, "topics", t, "body", b)
        items(topic.items, "topics", t, "items")
    for c, paragraph in enumerate(m.closing):
        blank(paragraph, "closing", c)

    # Names listed twice.
    if m.attendance:
        a = m.attendance
        lists: list[tuple[str, str, list[tuple[str, tuple]]]] = [
            ("出席", "present", [(n, ("attendance", "present", i)) for i, n in enumerate(a.present)]),
            ("请假", "on_leave",
             [(x.name, ("attendance", "on_leave", i)) for i, x in enumerate(a.on_leave)]),
            ("列席", "attending",
             [(x, ("attendance", "attending", i)) for i, x in enumerate(a.attending)
              if isinstance(x, str)]),
        ]
        for label, _key, entries in lists:
            counts = Counter(n for n, _ in entries)
            for dup, count in counts.items():
                if count > 1:
                    second = [p for n, p in entries if n == dup][1]
                    warnings.append(problem(f"{label}名单中“{dup}”出现了 {count} 次", *second))
        for i, entry in enumerate(a.attending):
            if isinstance(entry, UnitEntry):
                for dup, count in Counter(entry.names).items():
                    if count > 1:
                        warnings.append(problem(f"“{entry.unit}”下“{dup}”出现了 {count} 次",
                                                "attendance", "attending", i))
        for _label, _key, entries in lists:
            for person, path in entries:
                blank(person, *path)

        present = {n: p for n, p in lists[0][2]}
        on_leave = {n: p for n, p in lists[1][2]}
        attending = {n: p for n, p in lists[2][2]}
        for i, entry in enumerate(a.attending):
            if isinstance(entry, UnitEntry):
                for person in entry.names:
                    attending.setdefault(person, ("attendance", "attending", i))
        for person in sorted(present.keys() & on_leave.keys()):
            errors.append(problem(f"“{person}”同时列在出席和请假中", *on_leave[person]))
        for person in sorted(present.keys() & attending.keys()):
            warnings.append(problem(f"“{person}”同时列在出席和列席中", *attending[person]))
        for person in sorted(on_leave.keys() & attending.keys()):
            warnings.append(problem(f"“{person}”同时列在请假和列席中", *attending[person]))
    return errors, warnings
