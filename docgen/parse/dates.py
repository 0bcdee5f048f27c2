"""Dates as archived copies write them, back to ``datetime.date``.

The print sets 2020年4月29日 (``model.numbering.chinese_date``); older copies and opening
paragraphs write 二〇二〇年四月二十九日 or leave the year out; web pages add a
"发布时间：2020-04-29" line. Every form is read here, once.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model.numbering import DIGITS, PRINTED_NUMERALS, parse_chinese_number

CN = f"[{PRINTED_NUMERALS}]"
_YEAR_ZEROS = "〇○ＯOo0０"             # and 零, which DIGITS holds; web copies type O or 0
_CN_YEAR = f"[{_YEAR_ZEROS}{DIGITS}]{{4}}"
# Year, month and day in Arabic or Chinese numerals, the year optional: 四月二十九日.
DATE = re.compile(rf"(?:(?P<y>\d{{4}}|{_CN_YEAR})\s*年)?\s*"
                  rf"(?P<m>\d{{1,2}}|{CN}{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|{CN}{{1,4}})\s*[日号]")
# A whole date, in Arabic or Chinese numerals: 2020年6月1日, 二○一一年十月十七日 (an office
# whose profile has date_numerals: chinese prints its 编发 and 印发 lines so).
PRINTED_DATE = (rf"(?:\d{{4}}|{_CN_YEAR})\s*年\s*(?:\d{{1,2}}|{CN}{{1,3}})"
                rf"\s*月\s*(?:\d{{1,2}}|{CN}{{1,4}})\s*日")
FULL_DATE = re.compile(rf"^{PRINTED_DATE}$")
# A web page's date and time: "-04-08" after the year, "09:35:26" after the day.
_MONTH_DAY = r"\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
_CLOCK = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
# "2022-04-08" or "2022-01-06 09:35:26" alone on a line: the date a web page stamps its article with.
STAMP = re.compile(rf"^(?P<y>\d{{4}}){_MONTH_DAY}{_CLOCK}$")
PUBLISH = re.compile(r"(?:(?:发布|生成|成文|公开)?(?:时间|日期)|发布于)\s*[：:]\s*(?P<y>\d{4})\s*[-年/.]\s*(?P<m>\d{1,2})"
                     r"\s*[-月/.]\s*(?P<d>\d{1,2})")


# A page's stamp line that carries more than the date: "2022-03-23 11:18:04 编辑: 刘燕 阅读次数:2236",
# "来源:县政府办2018-10-15". The date is the page's publish date when the line also names one of
# the page's own fields (来源, 编辑, 作者, 阅读 …) and is short, as a stamp line is. A news site
# may write it "2024年03月23日09:05 | 来源：…".
_STAMP_DATE = re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})\s*[-/.年]\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*"
                         rf"(?P<d>\d{{1,2}})(?!\d)(?:\s*日)?{_CLOCK}")
_STAMP_LABEL = re.compile(r"来源|编辑|责编|作者|审核|阅读|浏览|点击|访问|供稿|稿源|记者|发布")


# "07.01.2015  01:02": a mirror that writes the page's date day first, as Europe does.
_DAY_FIRST = re.compile(rf"^(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>(?:19|20)\d{{2}}){_CLOCK}$")
# "[2022-04-08]", "【2022-04-08 09:35】": a stamp in brackets
_BRACKETED = re.compile(r"^[\[【〔(（]\s*(?P<in>.*?)\s*[\]】〕)）]$")
# The stamps a page's frame runs into other text, on a line with no sentence in it:
# "2022-09-05 14 14 某某日报 content_1.html …" (a newspaper system's footer, ISO date first),
# "http://www.某某.cn/2018年12月12日 08:39:48 |" (a date with its clock)
_ISO_FIRST = re.compile(r"^(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_CLOCKED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
                      r"(?:\s*日)?\s*\d{1,2}:\d{2}(?::\d{2})?")
_SENTENCE = re.compile(r"[。，,；;、]")


def bare_stamp(text: str) -> re.Match | None:
    """The date of a line that is a page's stamp and nothing else (see ``STAMP``, ``_DAY_FIRST``,
    ``_ISO_FIRST``, ``_CLOCKED``); None for a line with a sentence in it."""
    text = text.strip()
    if m := _BRACKETED.match(text):
        text = m["in"]
    if m := STAMP.match(text) or _DAY_FIRST.match(text):
        return m
    if len(text) > 200 or _SENTENCE.search(text):
        return None
    return _ISO_FIRST.match(text) or _CLOCKED.search(text)


def page_stamp(text: str) -> re.Match | None:
    """The date of a page's stamp line (see ``_STAMP_DATE``), or None where the line is anything else."""
    if len(text) > 80 or "。" in text or not _STAMP_LABEL.search(text):
        return None
    return _STAMP_DATE.search(text)


def parse_date(text: str, default_year: int | None = None) -> tuple[dt.date | None, bool, re.Match | None]:
    """First date in ``text``: (date, had a year, match). Chinese numerals are accepted."""
    match = DATE.search(text)
    if not match:
        return None, False, None
    year = _year(match["y"]) if match["y"] else default_year
    if year is None:
        return None, False, match
    try:
        return dt.date(year, parse_chinese_number(match["m"]), parse_chinese_number(match["d"])), \
            bool(match["y"]), match
    except ValueError:
        return None, bool(match["y"]), match


def _year(text: str) -> int:
    """二〇二〇 → 2020: a year is read digit by digit, not as a number."""
    if text.isdigit():
        return int(text)
    return int("".join("0" if ch in _YEAR_ZEROS else str(DIGITS.index(ch)) for ch in text))


def published(match: re.Match) -> dt.date | None:
    """The date of a PUBLISH match; None where the page shows an impossible one."""
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
