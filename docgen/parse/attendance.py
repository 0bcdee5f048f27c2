"""出席：/请假：/列席： lists back to names, absences with reasons, and unit entries.

The print separates entries by a full-width space and pads two-character names
(``layout.blocks.pad_name``: 王　翔), so a space may be a separator or padding, and a line
break may be either or neither. Each section is read as the best-scoring split into
entries, scored by the unit and surname knowledge base (``units``).
"""

from __future__ import annotations

import re
from typing import Any

from ..layout.blocks import ATTENDANCE_LABELS
from . import units as kb
from .landmarks import DISTRIBUTION, FOOTER, LABELS, PRINTED, RECORDER, plain_tail
from .reader import Reader
from .text import IDEOGRAPHIC_SPACE, Line, Para, normalize_spaces

# What follows a piece: a separator within a line, a separator that ends a line (a trailing
# space was seen), or only a line break, which may or may not stand for a dropped separator.
SEP, LINE, BREAK = "sep", "line", "break"
# Reading states: plain names only so far; unit entries that began a line after the plain
# names (the printed form: names on the label line, units from a new line); any order.
NAMES, UNITS, ANY = 0, 1, 2
_LATE_NAME = 3.0                # a plain name after such units: printed only in written order
_KEYS = {label: key for key, label in ATTENDANCE_LABELS.items()}
_REPS = "的代表"                # "市委办公室、市政府办公室的代表" ends the 列席 list
_NEG = float("-inf")
Piece = tuple[str, str]         # (text, boundary after it)


def read_attendance(r: Reader, i: int) -> int:
    """Read the lists from paragraph ``i`` when it is labelled; the index after them."""
    paras = r.paras
    if i >= len(paras) or not LABELS.match(paras[i].plain):
        return i
    j = i
    while j < len(paras) and not _ends_lists(paras[j], j > i):
        j += 1
    lines = [line for p in paras[i:j] for line in p.lines]
    r.data["attendance"] = _lists(r, lines)
    return j


def _ends_lists(p: Para, after_first: bool) -> bool:
    text = p.plain
    return bool(RECORDER.match(text) or DISTRIBUTION.match(text) or PRINTED.match(text)
                or p.zone == "colophon" or (after_first and plain_tail(p)) or FOOTER.match(text))


def _lists(r: Reader, lines: list[Line]) -> dict:
    out: dict[str, Any] = {}
    sections = _pieces(lines)
    for k, (key, pieces) in enumerate(sections):
        pieces = _pair_padded(pieces)
        text = "".join(p for p, _ in pieces)
        if key != "attending" and IDEOGRAPHIC_SPACE not in "".join(line.text for line in lines) \
                and "、" in text and not text.endswith(_REPS):
            # a web-style list: 出席：张三、李四、王五
            pieces = [(x, SEP) for x in text.split("、") if x]
        entries = _solve(pieces, key, allow_reps=k == len(sections) - 1)
        values: list[Any] = out.setdefault(key, [])
        for kind, value in entries:
            if kind == "reps":
                out["representatives_of"] = value
            elif kind == "unit":
                values.append({"unit": value[0], "names": value[1]})
            elif key == "on_leave":
                name, reason = value
                values.append({"name": name, "reason": reason} if reason else name)
            else:
                name, reason = value
                values.append(name if not reason else f"{name}（{reason}）")
                if kb.name_score(name) is None:
                    r.warn(f"{ATTENDANCE_LABELS[key]}名单中“{name}”不像姓名，请核对", None,
                           f"attendance.{key}")
    return {k: v for k, v in out.items() if v}


def _pieces(lines: list[Line]) -> list[tuple[str, list[Piece]]]:
    """Sections (field key, pieces) from the attendance lines; a piece is text between spaces."""
    sections: list[tuple[str, list[Piece]]] = []
    for line in lines:
        text = normalize_spaces(line.text)
        m = LABELS.match(text)
        if m:
            sections.append((_KEYS[m.group(1)], []))
            text = text[m.end():].lstrip(IDEOGRAPHIC_SPACE)
        elif not sections:
            sections.append(("attending", []))
        pieces = sections[-1][1]
        parts = [x for x in text.split(IDEOGRAPHIC_SPACE) if x]
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            pieces.append((part, (LINE if line.trail else BREAK) if last else SEP))
        if not parts and pieces:
            pieces[-1] = (pieces[-1][0], LINE)
    return sections


def _pair_padded(pieces: list[Piece]) -> list[Piece]:
    """Undo ``pad_name``: 王　翔 → 王翔 (a one-character piece, a separator, one character)."""
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        text, boundary = pieces[i]
        if (len(text) == 1 and boundary in (SEP, LINE) and i + 1 < len(pieces)
                and len(re.split(r"[（(]", pieces[i + 1][0])[0]) == 1):
            out.append((text + pieces[i + 1][0], pieces[i + 1][1]))
            i += 2
            continue
        out.append((text, boundary))
        i += 1
    return out


def _name_reason(text: str) -> tuple[str, str | None]:
    """张三（出差） → (张三, 出差)."""
    m = re.fullmatch(r"(?P<name>[^（(]+)[（(](?P<reason>.*)[）)]", text)
    if m:
        return m["name"], m["reason"]
    return text, None


def _solve(pieces: list[Piece], key: str, allow_reps: bool) -> list[tuple[str, Any]]:
    """Best reading of a section: which line breaks are separators, what each entry is.

    best[j][state] is the best (score, entries) reading pieces[:j] and ending in ``state``
    (NAMES, UNITS, ANY): the printed form is known from the renderer, and knowing which
    form a reading is in tells how likely a plain name after a unit entry is.
    """
    n = len(pieces)
    best: list[list[tuple[float, list]]] = [[(_NEG, [])] * 3 for _ in range(n + 1)]
    best[0][NAMES] = (0.0, [])
    for i in range(n):
        line_start = i > 0 and pieces[i - 1][1] in (LINE, BREAK)
        for state in (NAMES, UNITS, ANY):
            score0, entries0 = best[i][state]
            if score0 == _NEG:
                continue
            text = ""
            for j in range(i + 1, min(n, i + 14) + 1):
                text += pieces[j - 1][0]
                if j - 1 > i and pieces[j - 2][1] != BREAK:
                    break                 # an entry never spans a certain separator
                cut = _cut_cost(pieces, j, text)
                for kind, score, entry in _readings(text, j - i, j == n, key, allow_reps):
                    to, cost = _next_state(state, kind, i == 0, line_start)
                    total = score0 + score - cost - cut
                    if best[j][to][0] < total:
                        best[j][to] = (total, entries0 + [entry])
    return max(best[n], key=lambda x: x[0])[1]


def _cut_cost(pieces: list[Piece], j: int, text: str) -> float:
    """What ending an entry ``text`` after pieces[j - 1] costs: nothing at a sure separator,
    but a bare line break is a dropped separator only if it cuts no unit (``cut_penalty``)."""
    if j >= len(pieces) or pieces[j - 1][1] != BREAK:
        return 0.0
    return kb.cut_penalty(text, pieces[j][0])


def _next_state(state: int, kind: str, first: bool, line_start: bool) -> tuple[int, float]:
    """The state after an entry of ``kind``, and what it costs.

    The renderer starts the unit entries on a new line only when every plain name comes
    before them; in any other order all entries follow each other as written. So a unit
    entry first, or one in mid-line after plain names, means the written order (ANY), and a
    plain name after units that began a line is possible but unlikely.
    """
    if kind == "reps":
        return state, 0.0
    if kind == "unit":
        if state == NAMES and line_start and not first:
            return UNITS, 0.0
        return (UNITS if state == UNITS else ANY), 0.0
    if state == UNITS:
        return ANY, _LATE_NAME
    return state, 0.0


def _readings(text: str, size: int, at_end: bool, key: str,
              allow_reps: bool) -> list[tuple[str, float, tuple]]:
    """What ``size`` pieces joined into ``text`` may be: (kind, score, entry)."""
    options: list[tuple[str, float, tuple]] = []
    if allow_reps and at_end and text.endswith(_REPS) and len(text) > len(_REPS):
        reps = text[:-len(_REPS)].split("、")
        score = sum(max(s if (s := kb.unit_score(u)) is not None else -5.0, -5.0) for u in reps)
        options.append(("reps", score + 1.0, ("reps", reps)))
    if size > 4:                      # a name or a unit entry is at most four pieces
        return options
    if key == "attending":
        unit = kb.split_unit_entry(text)
        if unit is not None:
            options.append(("unit", unit[2], ("unit", (unit[0], unit[1]))))
    name, reason = _name_reason(text)
    ns = kb.name_score(name)
    plain_score = ns if ns is not None else -10.0
    if key != "attending" and "、" in text and ns is None:
        plain_score = -30.0
    options.append(("plain", plain_score, ("plain", (name, reason))))
    return options
