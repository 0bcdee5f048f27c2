"""The file on the desk: what was loaded, and the calls the desk's routes make.

No logic of its own: a form's data becomes YAML and goes through ``load_minutes_text``
(the same validation, typed-number stripping and checks as ``docgen check``), pages come
from ``render_bytes`` (the HTML the PDF is drawn from), pasted text from ``parse_text``,
saved YAML from ``dump`` written by ``write_atomic``.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import DocgenError, Problem

# The form's data goes through the loader as YAML, written by libyaml when PyYAML has it.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
NEW_HEADER = "由 docgen edit 保存。"


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem for the page: the field path (to put it beside the field) and the text."""
    return {"path": problem.path or "", "message": problem.message, "hint": problem.hint or ""}


def errors_json(exc: DocgenError, located: bool = False) -> list[dict[str, Any]]:
    """``located``: the problems of the file on disk, whose line and column the clerk
    needs to mend it (the form's own problems stand beside their fields instead)."""
    out = []
    for p in exc.problems or [Problem("输入有误")]:
        entry = problem_json(p)
        if located and p.line:
            name = f"文件 {Path(p.file).name} " if p.file else ""
            where = f"第{p.line}行" + (f"第{p.column}列" if p.column else "")
            entry["message"] = f"{name}{where}：{p.message}"
        out.append(entry)
    return out


def comment_header(text: str) -> str | None:
    """The comment lines a file starts with (without their '#'), kept when the desk saves."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].removeprefix(" "))
    return "\n".join(lines) if lines else None


def digest(raw: bytes | None) -> str:
    return hashlib.sha256(raw).hexdigest() if raw is not None else ""


@dataclass
class Checked:
    """A form's data once validated: the minutes, the loader's warnings, and the typeset
    pages that proved it fits (kept, so the pages shown are not typeset a second time)."""

    minutes: Any
    warnings: list[Problem]
    prepared: Any = None


class Desk:
    """One file being edited. Each page that edits it holds the digest of the file as it
    loaded or last saved it (its ``base``): a save over a file that is no longer that one
    (another program, a colleague, the same clerk's other tab) must be confirmed."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.folder = self.path.parent
        self._lock = threading.Lock()

    # -- the file

    def _read(self) -> bytes | None:
        from ..model.source import MAX_BYTES
        try:
            if self.path.stat().st_size > MAX_BYTES:
                raise DocgenError.one("文件太大（超过 5 MB）", file=str(self.path))
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            from ..model.source import unreadable
            raise unreadable(exc, str(self.path)) from None

    def changed_on_disk(self, base: str) -> bool:
        return digest(self._read()) != base

    def load(self) -> dict[str, Any]:
        """The file as the form's data; a file that does not exist yet is a new draft, and
        one that cannot be read as minutes comes back with its errors and its text."""
        from ..model import load_minutes_text
        from ..model.source import decode
        raw = self._read()
        out: dict[str, Any] = {"file": self.path.name, "exists": raw is not None,
                               "base": digest(raw), "data": None, "errors": [], "warnings": [],
                               "text": ""}
        if raw is None:
            return out
        try:
            text = decode(raw, str(self.path))
            out["text"] = text
            loaded = load_minutes_text(text, str(self.path), folder=self.folder)
        except DocgenError as exc:
            out["errors"] = errors_json(exc, located=True)
            return out
        out["data"] = self.as_data(loaded.minutes)
        out["warnings"] = [problem_json(p) for p in loaded.warnings]
        return out

    @staticmethod
    def as_data(minutes: Any) -> dict[str, Any]:
        return minutes.model_dump(mode="json", exclude_none=True)

    # -- the form's data

    def check(self, data: Any) -> Checked:
        """The form's data through the loader, then the typesetter's own refusals."""
        from ..model import load_minutes_text
        from ..render.api import prepare
        if not isinstance(data, dict):
            raise DocgenError.one("数据应为映射（“键: 值”）")
        self.confine(data.get("profile"))
        text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
        loaded = load_minutes_text(text, "<表单>", folder=self.folder)
        prepared = prepare(loaded.minutes)
        return Checked(loaded.minutes, loaded.warnings + prepared.warnings, prepared)

    def confine(self, profile: Any) -> None:
        """A profile named as a file must lie in the draft's folder: the page cannot make
        the desk read files elsewhere."""
        if not isinstance(profile, str) or Path(profile).suffix not in (".yaml", ".yml"):
            return
        target = (self.folder / profile).resolve()
        if not target.is_relative_to(self.folder):
            raise DocgenError.one("版式文件须在草稿所在的文件夹中", path="profile")

    def pages(self, data: Any) -> tuple[str, list[Problem]]:
        """The pages as HTML, and the warnings of the form as it stands (shown as it is
        typed, not only when it is loaded or saved)."""
        from ..render.api import render_bytes
        checked = self.check(data)
        html = render_bytes(checked.minutes, "html", prepared=checked.prepared).decode("utf-8")
        return html, checked.warnings

    def document(self, data: Any, fmt: str) -> bytes:
        from ..render.api import render_bytes
        checked = self.check(data)
        return render_bytes(checked.minutes, fmt, prepared=checked.prepared)

    def save(self, data: Any, base: Any, confirm: bool = False) -> tuple[Checked, str]:
        """Write the draft atomically, its comment header kept; the new base. Refused
        (DeskConflict) when the file is not the page's ``base``, unless the clerk confirmed."""
        from ..atomic import write_atomic
        from ..model.dump import dump
        checked = self.check(data)
        with self._lock:
            raw = self._read()
            if not confirm and digest(raw) != base:
                raise DeskConflict()
            header = comment_header(raw.decode("utf-8", "replace")) if raw else NEW_HEADER
            text = dump(checked.minutes, header=header)
            write_atomic(self.path, text)
        return checked, digest(text.encode("utf-8"))

    @staticmethod
    def parse(text: Any) -> dict[str, Any]:
        from ..parse.api import CONTROLS, parse_text
        if not isinstance(text, str) or not text.strip():
            raise DocgenError.one("没有粘贴文字")
        minutes, warnings = parse_text(CONTROLS.sub("", text), "<粘贴的文字>")
        return {"data": Desk.as_data(minutes), "warnings": [problem_json(p) for p in warnings]}


class DeskConflict(Exception):
    """The file on disk is not the one the clerk loaded."""
