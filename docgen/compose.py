"""The opening paragraph, composed from the topics when the clerk leaves it out.

苏州's 常务会议纪要 open with one sentence that names the meeting and then lists what it did,
grouped by kind of topic, whatever order the topics were taken in::

    2020年4月29日上午，李亚平市长主持召开市政府第96次常务会议，
    传达贯彻……会议精神，听取……的汇报，          ← 传达 topics, whole titles (with their 听取 halves)
    传达全省……会议精神，听取……的汇报，           (joined by "，")
    审议《……》《……》《……》，                      ← every 审议 title's 《…》 run together
    听取全市防汛准备工作情况、户籍制度改革工作情况、关于……管理的汇报。
                                                    ← the other 听取 topics merged into one

Groups are joined by "，" and the sentence ends with "。". A topic is classified by its
title alone:

- 传达 — the title starts with 传达 (it is copied whole, its 听取 half included);
- 审议 — 审议 followed only by 《…》 names;
- 听取 — 听取 … 的汇报.

Any other title (研究……, 审议 with words outside 《》, a 听取 that is not “……的汇报”) is not
guessed at: composing fails with a DocgenError naming each such topic, and the clerk writes
``preamble`` by hand. Missing ``chair`` or ``session`` fail the same way.
"""

from __future__ import annotations

import re

from .errors import DocgenError, Problem
from .model.minutes import Minutes
from .model.numbering import chinese_date, session_number
from .model.profile import Profile, load_profile

__all__ = ["classify", "head_title", "preamble_text", "short_issuer"]

_BOOKS = re.compile(r"(?:《[^《》]+》)+")
_SHORT = re.compile(r"(?:省|自治区|市|州|县|区|旗|盟)人民政府$")
_HINT = "自动生成开头段落只认“传达……”“审议《……》”“听取……的汇报”三种标题；请自己写 preamble（开头段落）"


def classify(title: str) -> tuple[str, str] | None:
    """(kind, the part the preamble uses) for a topic title, or None when it fits no rule.

    ``("传达", whole title)``, ``("审议", "《…》《…》")``, ``("听取", what was reported)``.
    """
    if title.startswith("传达") and len(title) > 2:
        return "传达", title
    if title.startswith("审议"):
        books = title[2:]
        if _BOOKS.fullmatch(books):
            return "审议", books
        return None
    if title.startswith("听取") and title.endswith("的汇报"):
        subject = title[2:-3]
        if subject and "的汇报" not in subject:
            return "听取", subject
    return None


def short_issuer(issuer: str | None) -> str:
    """苏州市人民政府 → 市政府, 江苏省人民政府 → 省政府; anything else as written."""
    if not issuer:
        return "市政府"
    found = _SHORT.search(issuer)
    if found:
        level = found.group(0)[: -len("人民政府")]
        return f"{level}政府"
    return issuer


def head_title(issuer: str | None) -> str:
    """The title of who heads ``issuer``: 区长 for a 区人民政府, 县长, 省长 …; 市长 otherwise."""
    found = _SHORT.search(issuer or "")
    level = found.group(0)[: -len("人民政府")] if found else "市"
    return "自治区主席" if level == "自治区" else f"{level}长"


def _profile(m: Minutes) -> Profile | None:
    try:
        return load_profile(m.profile)
    except DocgenError:
        return None


def preamble_text(m: Minutes, profile: Profile | None = None) -> str:
    """The opening paragraph 苏州 would print for these minutes, in the issuer and the
    会次 numerals of ``profile`` (by default the draft's own).

    Raises DocgenError (every problem at once) when the chair or session is missing or a
    topic's title fits none of the three forms.
    """
    problems: list[Problem] = []
    if m.chair is None:
        problems.append(Problem("缺少主持人，无法自动生成开头段落", path="chair",
                                hint="填写 chair（姓名 name、职务 title），或自己写 preamble（开头段落）"))
    if m.date is None:
        problems.append(Problem("缺少会议日期，无法自动生成开头段落", path="date",
                                hint="填写 date（如 2024-05-08），或自己写 preamble（开头段落）"))
    if m.session is None:
        problems.append(Problem("缺少会议次数，无法自动生成开头段落", path="session",
                                hint="填写 session（第几次会议，如 96），或自己写 preamble（开头段落）"))
    groups: dict[str, list[str]] = {"传达": [], "审议": [], "听取": []}
    for i, topic in enumerate(m.topics):
        found = classify(topic.title)
        if found is None:
            problems.append(Problem(f"无法判断议题“{topic.title}”在开头段落中怎么写",
                                    path=f"topics[{i}].title", hint=_HINT))
            continue
        kind, part = found
        groups[kind].append(part)
    if problems:
        raise DocgenError(problems)

    assert m.chair is not None and m.session is not None and m.date is not None
    chair = m.chair.name + (m.chair.title or "")
    profile = profile or _profile(m)
    issuer = m.issuer or (profile.issuer if profile else None)
    numerals = profile.session_numerals if profile else "arabic"
    session = session_number(m.session, numerals)
    meeting = f"{m.term or ''}{short_issuer(issuer)}第{session}次{m.meeting}"
    parts = [f"{chinese_date(m.date)}{m.period or ''}，{chair}主持召开{meeting}"]
    parts += groups["传达"]
    if groups["审议"]:
        parts.append("审议" + "".join(groups["审议"]))
    if groups["听取"]:
        parts.append("听取" + "、".join(groups["听取"]) + "的汇报")
    return "，".join(parts) + "。"
