"""The template gallery: every profile a draft can name, with what each one brings.

A template is a profile (``model.profile``) and the files it names: an office's Word file
(``docx_template``) and HTML folder (``html_template``). ``docgen templates`` lists them,
``docgen new --template NAME`` starts a draft from one; both find them where drafts do
(``template_dirs``: an office's ``DOCGEN_TEMPLATES`` folders, then the shipped ones).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DocgenError
from .model.profile import PROFILE_DIR, gallery, load_profile

MASTHEADS = {"red": "红头", "black": "黑色标题", "blank": "版头留空（套打）"}


@dataclass(frozen=True)
class Entry:
    name: str
    path: Path
    title: str = ""
    masthead: str = ""
    extras: tuple[str, ...] = ()     # what the template brings beside the profile
    problem: str = ""                # why it cannot be used, when it cannot

    @property
    def shipped(self) -> bool:
        return self.path.parent == PROFILE_DIR


def entries() -> list[Entry]:
    """The gallery, the office's templates first; a broken one is listed with its problem."""
    return [entry(name, path) for name, path in gallery().items()]


def entry(name: str, path: Path) -> Entry:
    try:
        profile = load_profile(str(path))
    except DocgenError as exc:
        return Entry(name, path, problem=str(exc.problems[0]) if exc.problems else "无效")
    extras = []
    if profile.docx_template:
        extras.append(f"Word 模板 {profile.docx_template}")
    if profile.html_template:
        extras.append(f"HTML 模板 {profile.html_template}")
    return Entry(name, path, profile.title or profile.mark.format(
        issuer=profile.issuer, meeting="会议"), MASTHEADS[profile.masthead], tuple(extras))


def table(rows: list[Entry]) -> list[str]:
    """The lines ``docgen templates`` prints: name, title, 版头, extras, where it lives."""
    width = max((len(e.name) for e in rows), default=4)
    lines = []
    for e in rows:
        where = "内置" if e.shipped else str(e.path)
        if e.problem:
            lines.append(f"{e.name:<{width}}  （无法使用：{e.problem}）  {where}")
            continue
        extra = "；" + "，".join(e.extras) if e.extras else ""
        lines.append(f"{e.name:<{width}}  {e.title}  [{e.masthead}{extra}]  {where}")
    return lines
