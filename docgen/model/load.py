"""A clerk's YAML file → validated Minutes, with every problem tied to a file, line and field.

The steps, each in its own module: decode the file (``source``), compose the YAML safely
keeping each value's line (``yamlnodes``), strip numbering the clerk typed (below), validate
with pydantic and translate its errors (``messages``), then the checks beyond types
(``checks``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DocgenError, Problem, format_path, parse_path
from .minutes import DISTRIBUTION_LABELS, Minutes
from .numbering import strip_typed_number
from .source import MAX_BYTES, decode, read_text
from .yamlnodes import Marks, parse_yaml

# The reading steps, for callers that knew them as docgen.model.load's.
__all__ = ["Loaded", "load_minutes", "load_minutes_text", "strip_typed_labels",
           "strip_typed_numbers", "MAX_BYTES", "Marks", "decode", "parse_yaml", "read_text"]


@dataclass
class Loaded:
    minutes: Minutes
    warnings: list[Problem] = field(default_factory=list)
    marks: Marks | None = None        # where each field was written, for later problems
    name: str = "<输入>"

    def locate(self, problem: Problem) -> Problem:
        """A problem found after loading (by the typesetter), put on the draft's line."""
        if problem.file or self.marks is None:
            return problem
        return Problem(problem.message, file=self.name,
                       line=self.marks.nearest(parse_path(problem.path))[0],
                       path=problem.path, hint=problem.hint)


def load_minutes(path: Path | str, profile: str | None = None) -> Loaded:
    """``profile``: the one to render with instead of the draft's (``render --profile``),
    so that what is checked against a profile is checked against that one."""
    path = Path(path)
    return load_minutes_text(read_text(path), str(path), folder=path.parent, profile=profile)


def beside(profile: str, folder: Path | None) -> str:
    """A profile file named relative to the draft is looked for beside the draft, wherever
    docgen is started from (a shipped profile's name is left alone)."""
    candidate = Path(profile)
    if folder is None or candidate.is_absolute() or candidate.suffix not in (".yaml", ".yml"):
        return profile
    return str(folder / candidate) if (folder / candidate).is_file() else profile


def load_minutes_text(text: str, name: str = "<输入>", folder: Path | None = None,
                      profile: str | None = None) -> Loaded:
    data, marks = parse_yaml(text, name, labels=True)
    if not isinstance(data, dict):
        from .messages import describe
        raise DocgenError.one(f"纪要文件的顶层应为映射（“键: 值”），而不是{describe(data)}",
                              file=name, line=1, hint="第一行应类似 date: 2020-04-29")
    warnings = strip_typed_numbers(data, marks, name) + strip_typed_labels(data, marks, name)
    try:
        minutes = Minutes.model_validate(data)
    except ValidationError as exc:
        from .messages import validation_problems    # only a draft with mistakes needs it
        raise DocgenError(validation_problems(exc, marks, name, data)) from None
    if (chosen := profile or beside(minutes.profile, folder)) != minutes.profile:
        minutes = minutes.model_copy(update={"profile": chosen})
    from .checks import semantic_checks
    errors, more = semantic_checks(minutes, marks, name)
    if errors:
        raise DocgenError(errors)
    return Loaded(minutes, warnings + more, marks, name)


def strip_typed_numbers(data: dict, marks: Marks, name: str) -> list[Problem]:
    """Numbering is generated; a clerk's typed "一、" or "（二）" is removed with a warning.

    Level 0 is a topic title (一、), level 1 its items (（一）), then 1. and （1）. This runs
    before validation, on plain data, so the warning can name the line it was typed on.
    """
    warnings: list[Problem] = []

    def strip(holder: Any, slot: Any, path: tuple, level: int) -> None:
        value = holder[slot]
        if not isinstance(value, str):
            return
        stripped = strip_typed_number(value, level)
        if stripped != value:
            holder[slot] = stripped
            typed = value[:len(value) - len(stripped)].strip()
            line, column = marks.nearest(path)
            warnings.append(Problem(f"去掉了手写的编号“{typed}”，编号由版式自动生成", file=name,
                                    line=line, column=column, path=format_path(path)))

    def walk(items: Any, path: tuple, level: int) -> None:
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            if isinstance(item, dict):
                if "text" in item:
                    strip(item, "text", path + (i, "text"), level)
                walk(item.get("items"), path + (i, "items"), level + 1)
            else:
                strip(items, i, path + (i,), level)

    topics = data.get("topics")
    for t, topic in enumerate(topics if isinstance(topics, list) else []):
        if isinstance(topic, dict):
            if "title" in topic:
                strip(topic, "title", ("topics", t, "title"), 0)
            walk(topic.get("items"), ("topics", t, "items"), 1)
    return warnings


# The labels the layout prints before a field: a clerk who types one too ("记录：蒋某")
# would see it twice ("记录：记录：蒋某").
TYPED_LABELS: dict[tuple, tuple[str, ...]] = {
    ("recorder",): ("记录", "记录人"), ("distribution",): DISTRIBUTION_LABELS,
    ("compiled_by",): ("整理",),
    ("attendance", "present", 0): ("出席", "出席人员"), ("attendance", "on_leave", 0): ("请假",),
    ("attendance", "attending", 0): ("列席", "列席人员"),
}


def strip_typed_labels(data: dict, marks: Marks, name: str) -> list[Problem]:
    """A label typed before the text of a field whose label the layout prints is removed
    with a warning, as a typed number is."""
    warnings: list[Problem] = []
    for path, labels in TYPED_LABELS.items():
        holder, slot = _slot(data, path)
        value = holder[slot] if holder is not None else None
        if not isinstance(value, str):
            continue
        typed = re.match(rf"^\s*(?:{'|'.join(labels)})\s*[：:]\s*", value)
        if typed and value[typed.end():].strip():
            holder[slot] = value[typed.end():]
            line, column = marks.nearest(path)
            warnings.append(Problem(f"去掉了手写的标签“{typed.group().strip()}”，标签由版式自动生成",
                                    file=name, line=line, column=column, path=format_path(path)))
    return warnings


def _slot(data: Any, path: tuple) -> tuple[Any, Any]:
    """(the dict or list holding ``path``'s value, its key), or (None, None) where the
    draft has no such value."""
    holder = data
    for step in path[:-1]:
        try:
            holder = holder[step]
        except (KeyError, IndexError, TypeError):
            return None, None
    try:
        holder[path[-1]]
    except (KeyError, IndexError, TypeError):
        return None, None
    return holder, path[-1]
