"""The archivist's list of where each copy in a batch was published.

A folder of copies taken off government websites usually comes with the list they were
taken from: the page's address and date beside each file. ``docgen batch --published-list
来源.csv`` reads that list, two columns (file, date or address), so each copy is parsed as
``docgen parse --published`` would parse it. Every value is checked before any work starts.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import DocgenError, Problem
from .jobs import ARCHIVE_SUFFIXES

HEADER = {"文件", "文件名", "file", "name"}


def read_published_list(path: Path) -> dict[str, str]:
    """File name (or its stem) → the date or address given for it; refused naming the line.

    A row the archivist can correct (one column, a mistyped date, a date to come) refuses
    the list. An address with no date in it is what the website gave: it is kept, and the
    copy's job warns of it (``jobs``), so the warning is counted and recorded with the copy."""
    # the parser (and its model) only when a list is given: a batch's parent stays light
    from ..parse.limits import read_bytes
    from ..parse.published import NoDateInAddress, published_from
    name = str(path)
    try:
        text = read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocgenError.one("来源清单不是 UTF-8 文本", file=name,
                              hint="用 Excel 或 WPS 另存为“CSV UTF-8”") from None
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for lineno, row in enumerate(csv.reader(text.splitlines()), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or (lineno == 1 and cells[0].lower() in HEADER):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            problems.append(Problem("每行应有两列：文件名，发布日期或网址", file=name, line=lineno))
            continue
        try:
            published_from(cells[1])
        except NoDateInAddress:
            pass
        except DocgenError as exc:
            problems += [Problem(p.message, file=name, line=lineno, hint=p.hint) for p in exc.problems]
            continue
        found[cells[0]] = cells[1]
    if problems:
        raise DocgenError(problems)
    return found


def published_for(source: Path, listed: dict[str, str] | None) -> str | None:
    """The listed value of an archived file, by its name or by its name without the
    suffix; none for a draft, which is not parsed."""
    if not listed or source.suffix.lower() not in ARCHIVE_SUFFIXES:
        return None
    return listed.get(source.name) or listed.get(source.stem)
