"""Which meeting, held when, issued by whom: the clues of header, opening and tail, reconciled.

No single part of an archived copy is sure to carry all of it. The title may hold the
session, the opening paragraph the date without its year, the 印发 line the issuer's
office; a web copy has only a publish date and a 来源. Once every part has been read,
the clues are weighed here and each guess is named in a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from ..errors import DocgenError
from ..model.numbering import PRINTED_NUMERALS, parse_chinese_number
from ..model.profile import gallery, load_profile
from .landmarks import FOOTER
from .reader import Reader

# The profile of a copy whose office has none: it prints the copy's issuer (or ××人民政府,
# with a warning, where none is read), never the name of the office the default belongs to.
FALLBACK_PROFILE = "generic"
NUM = rf"(?:\d+|[{PRINTED_NUMERALS}]+)"
TERM = rf"(?P<term>第?\s*{NUM}\s*届)?"         # 十三届, optional wherever it may stand
# "十三届政府第96次常务会议", "第96次常务会": the term, the session and the meeting's name.
SESSION = re.compile(rf"{TERM}\s*(?:[\u4e00-\u9fff]{{0,10}}?政府)?\s*"
                     rf"第?\s*(?P<num>{NUM})\s*次\s*(?P<meeting>[\u4e00-\u9fff]{{0,10}}?会议?)")
MEETING_NAME = re.compile(r"^[\u4e00-\u9fff]{0,10}会议?$")
ISSUER_TAIL = re.compile(r"(?:办公室|办公厅)$")


# "区政府常务会议", "省府常务会议" after 第N次: the issuer's short name is not the meeting's.
_OWNER = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:人民政府|政府|[省市县区]府)(?=[\u4e00-\u9fff]{2})")


def meeting_of(name: str) -> str:
    """区政府常务会议 → 常务会议; the name as it stands otherwise."""
    return _OWNER.sub("", name)


def term_of(match: re.Match) -> str:
    """"十三 届" as printed → "十三届", the way the clerk writes ``term``."""
    return re.sub(r"\s", "", match["term"])


def fill_identity(r: Reader) -> None:
    """Settle session, date, issuer and profile from everything read."""
    d = r.data
    if r.title_session is not None:
        if d.get("session") not in (None, r.title_session):
            r.warn(f"标题中的会次（第{r.title_session}次）与开头段落（第{d['session']}次）不一致，取标题",
                   None, "session")
        d["session"] = r.title_session
    if d.get("session") is None and r.headline is not None:
        _session_from_headline(r, r.headline)
    if "date" not in d and (date := _meeting_date(r)) is not None:
        d["date"] = date
    if "issuer" not in d:
        issuer = _issuer(r)
        if issuer:
            d["issuer"] = issuer
    d["profile"] = r.hints.get("profile") or _profile_for(d.get("issuer"))
    _warn_on_borrowed_header(r)
    _warn_on_unnamed(r)


def _session_from_headline(r: Reader, m: re.Match) -> None:
    """The web headline's 第N次 (and its year), where the opening gives none: said in a warning."""
    try:
        r.data["session"] = parse_chinese_number(m["num"])
    except ValueError:
        return
    if m["term"]:
        r.data.setdefault("term", term_of(m))
    if year := re.search(r"((?:19|20)\d{2})\s*年\s*$", m.string[:m.start("num")].rstrip("第 ")):
        r.session_year = r.session_year or int(year.group(1))
    r.warn(f"开头段落没有会次，第{r.data['session']}次取自网页标题“{m.string[:30]}”", None, "session",
           hint="请核对 session")


def _warn_on_borrowed_header(r: Reader) -> None:
    """What the copy does not say, the profile fills in when the YAML is rendered: say so,
    lest 南通's minutes come out under 苏州's name."""
    d = r.data
    try:
        profile = load_profile(d["profile"])
    except DocgenError:
        return
    if not d.get("issuer"):
        r.warn(f"原文中没有读到发文机关：排版时将印作版式 {profile.name} 的“{profile.issuer}”",
               None, "issuer", hint="请在 YAML 中写明 issuer（如 南通市人民政府）")
    elif (d["issuer"] != profile.issuer and profile.office_line and not d.get("compiled_by")
          and "{issuer}" not in profile.office):
        r.warn(f"原文中没有读到编发单位：排版时版头将印作版式 {profile.name} 的“{profile.office}”",
               None, "compiled_by", hint=f"请在 YAML 中写明 compiled_by（如 {d['issuer']}办公室）")


class _Reference(NamedTuple):
    """The date a meeting comes before, what a warning calls it, whether it is known to the
    day (a day alone, "28日", needs that), and the page's own publish date ("昨天" is told
    against it)."""

    date: dt.date | None
    called: str
    to_the_day: bool
    publish: dt.date | None


def _reference(r: Reader) -> _Reference:
    """A news dateline's date first ("萧山网4月28日讯"): the day the story was filed, which "今天"
    is told against; then the page's (see ``_page_reference``)."""
    page = _page_reference(r)
    if r.dateline is None:
        return page
    date, had_year, match = r.dateline
    if not had_year and page.date is not None:      # "4月28日讯" on a page of 2020-04-29
        month, day = parse_chinese_number(match["m"]), parse_chinese_number(match["d"])
        year = page.date.year if (month, day) <= (page.date.month, page.date.day) else page.date.year - 1
        try:
            date = dt.date(year, month, day)
        except ValueError:
            date = None
    elif not had_year:
        date = None
    if date is None:
        # a dateline without a year to give it: "今天" after it is not the page's day
        return page._replace(publish=None)
    return _Reference(date, "电头日期", True, date)


def _page_reference(r: Reader) -> _Reference:
    """The text's own dates first; then the one the archivist gave (``parse --published``)."""
    d = r.data
    given = r.hints.get("published")
    publish = r.publish or (given.exact if given else None)
    printed = r.header_date or d.get("compiled_date") or (d.get("printed") or {}).get("date")
    if r.publish:
        return _Reference(r.publish, "发布日期", True, publish)
    if printed:
        return _Reference(printed, "印发/整理日期", True, publish)
    if given and given.latest:
        return _Reference(given.latest, given.source, bool(given.exact), publish)
    return _Reference(None, "", False, publish)


def _meeting_date(r: Reader) -> dt.date | None:
    """The opening's month and day with a year from the other dates, else one of those dates."""
    ref = _reference(r)
    reference, given = ref.date, r.hints.get("published")
    date = None
    if r.date_match is not None:
        month, day = parse_chinese_number(r.date_match["m"]), parse_chinese_number(r.date_match["d"])
        year, source = None, None
        if reference:   # a meeting comes before its minutes are printed or published
            year = reference.year if (month, day) <= (reference.month, reference.day) else reference.year - 1
            source = ref.called
        elif r.doc_year:
            year, source = r.doc_year, "纪要编号"
        elif r.session_year:      # "2022年第9次常务会议" is held in 2022
            year, source = r.session_year, "会次（“×年第N次”）"
        elif given:               # a year alone: "/2017/" in the page's address
            year, source = given.year, f"{given.source}（只到年份，请核对）"
        elif found := _body_year(r, month):
            year, source = found
        if year and r.session_year and year != r.session_year:
            r.warn(f"会议日期“{r.date_match.group(0)}”推出的年份 {year} 与会次“{r.session_year}年第N次”不符，"
                   "未填写 date", r.preamble_para, "date", hint="请对照原件在 YAML 中写明 date")
            return None
        if year:
            try:
                date = dt.date(year, month, day)
                r.warn(f"会议日期没有写年份，年份 {year} 取自{source}", r.preamble_para, "date")
            except ValueError:
                date = None
    if date is None and r.day_match is not None and reference and ref.to_the_day:
        # (not to the month only: "28日" on a page of "/202402/" may be January's)
        date = _day_in_month_of(parse_chinese_number(r.day_match["d"]), reference)
        if date is not None and r.session_year and date.year != r.session_year:
            # "14日" published 2026-01-09 is not 2025-12-14 when the meeting is "2026年第1次":
            # the copy dropped its month, and no date is better than a wrong one
            r.warn(f"会议日期只写了“{r.day_match.group(0)}”，按发布日期推出的 {date.isoformat()} 与会次"
                   f"“{r.session_year}年第N次”不符，未填写 date", r.preamble_para, "date",
                   hint="请对照原件在 YAML 中写明 date")
            return None
        if date is not None:
            r.warn(f"会议日期只写了“{r.day_match.group(0)}”，年月取自{ref.called}",
                   r.preamble_para, "date", hint="请核对 date")
    if date is None and r.date_match is None and r.day_match is None and r.relative_day and ref.publish:
        # "昨日下午，市长某主持召开……" on a page published the next day
        word, offset = r.relative_day
        date = ref.publish + dt.timedelta(days=offset)
        told = "电头日期" if r.dateline else "发布日期"
        r.warn(f"开头段落写的是“{word}”，会议日期按{told} {ref.publish.isoformat()} 推为 {date.isoformat()}",
               r.preamble_para, "date", hint="请核对 date")
        return date
    if date is None and reference is not None and (r.date_match is None or r.day_match is not None):
        # a page is published, and minutes printed, days after the meeting: that date is not its date
        r.warn(f"开头段落没有可用的会议日期；发布/印发日期 {reference.isoformat()} 不是开会的日子，未填写 date",
               r.preamble_para, "date", hint="请对照原件在 YAML 中写明 date（如 2024-05-08）")
        return None
    if date is None and r.date_match is not None:
        r.warn(f"会议日期“{r.date_match.group(0)}”没有年份，标题、编号和发布日期中也找不到年份，未填写 date",
               r.preamble_para, "date", hint="请对照原件在 YAML 中写明 date（如 2024-05-08）")
    elif date is None:
        r.warn("找不到会议日期：开头段落中没有“×年×月×日”，标题、编号、发布/印发日期中也没有，未填写 date",
               r.preamble_para, "date", hint="请对照原件在 YAML 中写明 date（如 2024-05-08）")
    return date


# "2022年全面推进乡村振兴……方案", "2021年…执行情况与2022年…计划": the years the body
# names. A range's end ("2021-2035年") and a year of account ("2021年度") say nothing of when the
# meeting sat, so they are not counted.
BODY_YEAR = re.compile(r"(?<![\d\-－—~～至到])((?:19|20)\d{2})\s*年(?!度)")
# "上报2017年事业单位招聘计划" at a meeting in September: what is planned, recruited or budgeted
# for a named year is, in September and October, as likely next year's business as this year's.
PLANNED = re.compile(r"[^，,。；;《》()（）]{0,16}?(?:计划|预算|规划|招聘|招录|招考)")


def _body_year(r: Reader, month: int) -> tuple[int, str] | None:
    """The year of a year-less date from the years the text names, where they leave no doubt.

    One year named, at a meeting from March to October: that year (in September and October,
    not a year that something is planned or budgeted for: ``PLANNED``). Two years in a row, at the
    turn of the year (November to February), as a meeting that closes one year and plans the
    next names them: the earlier in November and December, the later in January and February.
    Anything else (one year at the turn of the year, where "2012年政府工作报告" is drafted in
    November 2011; years apart; a year between two others) gives no year.
    """
    years: set[int] = set()
    for p in r.paras[r.start or 0:]:
        if FOOTER.match(p.plain):
            break
        years.update(int(m[1]) for m in BODY_YEAR.finditer(p.plain)
                     if not (9 <= month <= 10 and PLANNED.match(p.plain, m.end())))
    if len(years) == 1 and 3 <= month <= 10:
        (year,) = years
        return year, f"正文中的“{year}年”（请核对）"
    if len(years) == 2 and max(years) - min(years) == 1 and (month >= 11 or month <= 2):
        year = min(years) if month >= 11 else max(years)
        return year, f"正文中的“{min(years)}年”“{max(years)}年”（会议在年末年初，请核对）"
    return None


def _day_in_month_of(day: int, reference: dt.date) -> dt.date | None:
    """The day in the reference's month, or the month before when it is later than the
    reference (a meeting on the 30th published on the 2nd)."""
    year, month = reference.year, reference.month
    if day > reference.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _warn_on_unnamed(r: Reader) -> None:
    """A field the copy does not give is named, with where it was looked for."""
    d = r.data
    if d.get("session") is None:
        r.warn("找不到会次（第N次）：标题、期号和开头段落中都没有，未填写 session", r.preamble_para,
               "session", hint="原文若有会次，请在 YAML 中写明 session")
    if not d.get("chair"):
        r.warn("找不到主持人：开头段落中没有“…主持”，未填写 chair", r.preamble_para, "chair",
               hint="原文若写明主持人，请在 YAML 中写明 chair（name、title）")


def _issuer(r: Reader) -> str | None:
    """苏州市人民政府 from the document's title, or from the office that compiled or printed
    it, the 编发 line's office, the page's 来源, or last the 主办单位 in the site's footer."""
    d = r.data
    title = (r.hints.get("title") or "").strip()
    if title.endswith("纪要") and (m := re.match(r"^(.{2,20}?人民政府)", title)):
        return m.group(1)
    for office in (d.get("compiled_by"), (d.get("printed") or {}).get("by"), r.header_office,
                   r.source_office, r.site_office):
        if office and ISSUER_TAIL.search(office):
            issuer = ISSUER_TAIL.sub("", office)
            if issuer.endswith("人民政府") and len(issuer) > 4:
                return issuer
        elif office and office.endswith("人民政府") and len(office) > 4:
            return office
    return None


def _profile_for(issuer: str | None) -> str:
    """The profile of that issuer, an office's own (``DOCGEN_TEMPLATES``) before a shipped
    one, so the parsed YAML renders like the original; else the neutral one, which prints
    the copy's own issuer and never another office's name."""
    if issuer:
        for name in sorted(gallery()):
            try:
                if load_profile(name).issuer == issuer:
                    return name
            except DocgenError:
                continue
    return FALLBACK_PROFILE
