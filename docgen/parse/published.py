"""When an archived copy was published, as the archivist knows it from outside the text.

Half of the copies taken off government websites say "6月20日下午，…" and nothing more: the
year is in the page's address (".../202307/t20230710_6347367.html") or in the site's list of
articles, not in the text. ``docgen parse --published`` takes either, and the parser then
dates the meeting as it would from a publish line in the text: a meeting comes before the
page that reports it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import DocgenError
from .dates import DATE, parse_date

_Y = r"(?P<y>(?:19|20)\d{2})"
# The shapes a CMS writes a date into an address with, most specific first:
# "t20230710_", "/20200208/", "2010072817331233073.html" (a timestamp), "/2024/0323/",
# "/art/2022/6/11/", "/2013-02/18/".
_URL_DAYS = (
    re.compile(rf"(?<!\d){_Y}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"),
    re.compile(rf"/{_Y}/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])/"),
    re.compile(rf"/{_Y}[-/_](?P<m>0?[1-9]|1[0-2])[-/_](?P<d>0?[1-9]|[12]\d|3[01])(?=[/_.-])"),
)
# "/1759193157630rz1V.html", "/1772244399391-01422.html": a page named for the moment it was
# made, in milliseconds since 1970 (13 digits starting a part of the path), told in China's time.
_URL_EPOCH_MS = re.compile(r"/(?P<ms>1\d{12})(?!\d)")
_CHINA = dt.timezone(dt.timedelta(hours=8))
_EPOCH_FROM = dt.date(2005, 1, 1)           # before it a 13-digit number is an id, not a moment
# "/202403/", "/2013-02/": the month alone; "/2017/": the year alone, as a folder.
_URL_MONTH = re.compile(rf"/{_Y}[-_]?(?P<m>0[1-9]|1[0-2])/")
_URL_YEAR = re.compile(rf"/{_Y}/")
# "2023-07-10", "2023/7/10", "2023-07", "2023" as typed on the command line.
_ISO = re.compile(r"^(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?)?$")
TYPED = "--published 给出的发布日期"       # where a typed date came from, in messages
LISTED = "来源清单给出的发布日期"            # the same, for a batch's --published-list
HINT = "写作 2023-07-10、2023-07 或 2023，或给出原文网页的网址"


@dataclass(frozen=True)
class Published:
    """A publication date known to the day, to the month, or to the year only."""

    year: int
    month: int | None = None
    day: int | None = None
    source: str = TYPED

    @property
    def latest(self) -> dt.date | None:
        """The last day it can be: a reference a meeting's month and day are put before.
        None for a year alone, which can only give its year."""
        if self.month is None:
            return None
        return dt.date(self.year, self.month,
                       self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def exact(self) -> dt.date | None:
        return self.latest if self.day else None


class NoDateInAddress(DocgenError):
    """An address the page was published at that holds no date: what the website gave, so
    a batch's list warns for that copy instead of refusing (``batch.published``)."""


def published_from(value: str, today: dt.date | None = None, typed: str = TYPED) -> Published:
    """The date in ``value``: a date as typed, or the address of the page the copy came from.
    A value that gives no date, or a date in the future, is refused naming it. ``typed``
    says, in the parser's messages, where a typed date came from (the option, a list)."""
    value = value.strip()
    address = is_address(value)
    found = _from_url(value) if address else _from_date(value, typed)
    shown = f"“{value[:120]}”"
    if found is None and address:
        raise NoDateInAddress.one(f"网址中找不到日期：{shown}", path="--published", hint=HINT)
    if found is None:
        raise DocgenError.one(f"发布日期无效：{shown}", path="--published", hint=HINT)
    today = today or dt.date.today()
    if (found.latest or dt.date(found.year, 1, 1)) > today + dt.timedelta(days=1):
        where = "网址中的日期" if address else "发布日期"
        raise DocgenError.one(f"{where}晚于今天：{shown}", path="--published", hint=HINT)
    return found


def is_address(value: str) -> bool:
    """A web address (``http://…``), as opposed to a date typed by hand."""
    return re.match(r"^[a-z][a-z0-9+.-]*://", value.strip(), re.I) is not None


def _from_date(value: str, source: str) -> Published | None:
    if m := _ISO.match(value):
        return _checked(m["y"], m["m"], m["d"], source)
    if DATE.fullmatch(value):                     # 2023年7月10日
        date, with_year, _ = parse_date(value)
        if date is not None and with_year:
            return Published(date.year, date.month, date.day, source)
    return None


def _from_url(url: str) -> Published | None:
    path = urlsplit(url).path
    source = "原文网址中的日期"
    for pattern in _URL_DAYS:
        for m in pattern.finditer(path):
            if found := _checked(m["y"], m["m"], m["d"], source):
                return found
    for m in _URL_EPOCH_MS.finditer(path):
        day = dt.datetime.fromtimestamp(int(m["ms"]) / 1000, _CHINA).date()
        if day >= _EPOCH_FROM:
            return Published(day.year, day.month, day.day, "原文网址中的时间戳")
    if m := _URL_MONTH.search(path):
        return _checked(m["y"], m["m"], None, source)
    if m := _URL_YEAR.search(path):
        return _checked(m["y"], None, None, source)
    return None


def _checked(year: str, month: str | None, day: str | None, source: str) -> Published | None:
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return Published(int(year), int(month) if month else None, int(day) if day else None, source)
