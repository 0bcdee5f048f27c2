"""Checks a clerk wants beyond types: dates in order, names listed once, a draft render can
take (its profile, its opening paragraph). Blank text is refused by the model itself."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from ..errors import Problem, format_path, parse_path
from .minutes import Attendance, Item, Minutes, UnitEntry
from .numbering import PRINTED_MARKERS
from .profile import Profile
from .yamlnodes import Marks

MAX_ITEM_LEVEL = 3      # 一、 then （一） 1. （1）: GB/T 9704 §7.3.3 numbers four levels

At = Callable[..., Problem]                 # (message, *field path) → Problem on that field's line
Listed = list[tuple[str, tuple]]            # (person, field path) in one attendance list


def semantic_checks(m: Minutes, marks: Marks, name: str) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings): errors stop the render, warnings are printed and rendering goes on."""

    def problem(message: str, *path: object) -> Problem:
        return Problem(message, file=name, line=marks.nearest(path)[0], path=format_path(path) or None)

    errors = _dates_in_order(m, problem) + _too_deep(m, problem)
    warnings: list[Problem] = _numbered_paragraphs(m, problem)
    profile, unreadable = _profile(m, problem)
    errors += unreadable
    if profile is not None:
        errors += _composable(m, profile, problem)
        warnings += _unprinted(m, profile, problem)
    if m.attendance:
        lists = _listed(m.attendance)
        warnings += _listed_twice(m.attendance, lists, problem)
        more_errors, more_warnings = _listed_in_two(m.attendance, lists, problem)
        errors += more_errors
        warnings += more_warnings
    return errors, warnings


def _dates_in_order(m: Minutes, problem: At) -> list[Problem]:
    errors: list[Problem] = []
    if m.date is None:
        return errors
    if m.printed and m.printed.date and m.printed.date < m.date:  # 印发 may give no date
        errors.append(problem(f"印发日期 {m.printed.date} 早于会议日期 {m.date}", "printed", "date"))
    if m.compiled_date and m.compiled_date < m.date:
        errors.append(problem(f"整理日期 {m.compiled_date} 早于会议日期 {m.date}", "compiled_date"))
    return errors


def _too_deep(m: Minutes, problem: At) -> list[Problem]:
    """A fifth level has no numbering of its own: it would print as a second （1） list."""
    errors: list[Problem] = []

    def walk(entries: list[Item], path: tuple, level: int) -> None:
        for i, item in enumerate(entries):
            if item.items and level == MAX_ITEM_LEVEL:
                errors.append(problem("分项最多三层（（一）、1.、（1）），这一层之下不能再分",
                                      *path, i, "items"))
            else:
                walk(item.items, (*path, i, "items"), level + 1)

    for t, topic in enumerate(m.topics):
        walk(topic.items, ("topics", t, "items"), 1)
    return errors


def _profile(m: Minutes, problem: At) -> tuple[Profile | None, list[Problem]]:
    """The draft's profile, or why it cannot be read, on the draft's ``profile:`` line (a
    profile file's own mistakes are reported on that file's lines)."""
    from ..errors import DocgenError
    from .profile import load_profile
    try:
        return load_profile(m.profile), []
    except DocgenError as exc:
        if any(p.file for p in exc.problems):
            raise
        return None, [problem(p.message + (f"（{p.hint}）" if p.hint else ""), "profile")
                      for p in exc.problems]


def _composable(m: Minutes, profile: Profile, problem: At) -> list[Problem]:
    """An opening paragraph left out must be composable, as render will compose it."""
    from ..compose import preamble_text
    from ..errors import DocgenError
    if m.preamble is not None:
        return []
    try:
        preamble_text(m, profile)
    except DocgenError as exc:
        return [problem(p.message + (f"（{p.hint}）" if p.hint else ""), *parse_path(p.path))
                for p in exc.problems]
    return []


def _unprinted(m: Minutes, profile: Profile, problem: At) -> list[Problem]:
    """届次 and 纪要编号 are printed only where the profile's header names them; otherwise
    they are kept in the YAML alone and a print of the minutes cannot give them back."""
    header = (profile.mark or "") + (profile.issue_line or "")
    warnings = []
    for field, label, value in (("term", "届次", m.term), ("doc_number", "纪要编号", m.doc_number)):
        if value and "{" + field + "}" not in header:
            warnings.append(problem(
                f"{label}“{value}”不会印出：版式 {profile.name} 的版头没有 {{{field}}}"
                f"（可在版式文件的 issue_line 中加上）", field))
        elif not value and "{" + field + "}" in header:
            warnings.append(problem(f"版式 {profile.name} 的版头印出{label}，但没有写 {field}："
                                    f"版头的这一处将空着", field))
    return warnings


def _numbered_paragraphs(m: Minutes, problem: At) -> list[Problem]:
    """A paragraph that starts like "（一）" or "1." reads back as an item: it is one."""
    def check(text: str, path: tuple) -> list[Problem]:
        found = next((rx.match(text) for rx in PRINTED_MARKERS if rx.match(text)), None)
        if not found:
            return []
        return [problem(f"段落以编号“{found.group(0)}”开头：读回时会被当作分项；"
                        "分项请写在 items 中，编号由版式生成", *path)]

    warnings: list[Problem] = []
    for t, topic in enumerate(m.topics):
        for b, paragraph in enumerate(topic.body):
            warnings += check(paragraph, ("topics", t, "body", b))
    for c, paragraph in enumerate(m.closing):
        warnings += check(paragraph, ("closing", c))
    return warnings


def _listed(a: Attendance) -> dict[str, Listed]:
    """The people of each list by its label, with their paths; unit entries are not people."""
    return {
        "出席": [(n, ("attendance", "present", i)) for i, n in enumerate(a.present)],
        "请假": [(x.name, ("attendance", "on_leave", i)) for i, x in enumerate(a.on_leave)],
        "列席": [(x, ("attendance", "attending", i)) for i, x in enumerate(a.attending)
                 if isinstance(x, str)],
    }


def _listed_twice(a: Attendance, lists: dict[str, Listed], problem: At) -> list[Problem]:
    warnings = []
    for label, entries in lists.items():
        for dup, count in Counter(n for n, _ in entries).items():
            if count > 1:
                second = [p for n, p in entries if n == dup][1]
                warnings.append(problem(f"{label}名单中“{dup}”出现了 {count} 次", *second))
    for i, entry in enumerate(a.attending):
        if isinstance(entry, UnitEntry):
            for dup, count in Counter(entry.names).items():
                if count > 1:
                    warnings.append(problem(f"“{entry.unit}”下“{dup}”出现了 {count} 次",
                                            "attendance", "attending", i))
    return warnings


def _listed_in_two(a: Attendance, lists: dict[str, Listed],
                   problem: At) -> tuple[list[Problem], list[Problem]]:
    """Present and on leave cannot both be true (an error); the other overlaps are warnings."""
    present, on_leave, attending = ({n: p for n, p in lists[label]} for label in ("出席", "请假", "列席"))
    for i, entry in enumerate(a.attending):
        if isinstance(entry, UnitEntry):
            for person in entry.names:
                attending.setdefault(person, ("attendance", "attending", i))
    errors = [problem(f"“{person}”同时列在出席和请假中", *on_leave[person])
              for person in sorted(present.keys() & on_leave.keys())]
    warnings = [problem(f"“{person}”同时列在出席和列席中", *attending[person])
                for person in sorted(present.keys() & attending.keys())]
    warnings += [problem(f"“{person}”同时列在请假和列席中", *attending[person])
                 for person in sorted(on_leave.keys() & attending.keys())]
    return errors, warnings
