"""The header above the opening paragraph: what it tells, and what is only a web page's frame.

A print has the 纪要标志 (苏州市人民政府常务会议纪要), 第N次, and the 编发单位 with the
date; a 纪要编号 may stand there too. A web copy has a title such as
"市政府第12次常务会议纪要", a 发布时间/来源 line, and navigation, which is skipped with a
warning so an archivist can see nothing else was lost.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model.numbering import parse_chinese_number
from .dates import FULL_DATE, PRINTED_DATE, PUBLISH, bare_stamp, page_stamp, parse_date, published
from .identity import MEETING_NAME, NUM, SESSION, TERM, meeting_of, term_of
from .reader import Reader
from .text import IDEOGRAPHIC_SPACE, Para, normalize_spaces, strip_spaces

_NUMBER = (r"(?P<prefix>[\u4e00-\u9fff]{0,20}?)\s*[〔\[［【(（]\s*(?P<year>\d{4})\s*"
           r"[〕\]］】)）]\s*(?P<num>\d{1,5})\s*号")
DOC_NUMBER = re.compile(rf"^{_NUMBER}$")                                   # 常务会议纪要〔2022〕12号
LABELLED_NUMBER = re.compile(rf"(?:文\s*号|编\s*号|纪要编号)\s*[：:]\s*{_NUMBER}")  # 文号：…
# "第96次", and "五届104次" where 届 and 次 run together without 第.
ISSUE_LINE = re.compile(rf"^{TERM}\s*第?\s*(?P<num>{NUM})\s*[次期]$")
OFFICE_LINE = re.compile(r"^(?P<office>.{2,30}?(?:办公室|办公厅|人民政府|政府))[\s\u3000]*"
                         rf"(?P<date>{PRINTED_DATE})$")
SOURCE = re.compile(r"(?:来源|发布机构|发文机关)\s*[：:]\s*(?P<src>[\u4e00-\u9fff]{2,30})")
FORM_FIELD = re.compile(r"^(?:会议)?(?P<label>时间|主持人|主持)\s*[：:]\s*(?P<value>.*)$")
HEADLINE = re.compile(r"召开|会议$|会$")
NAVIGATION = re.compile(r"[>＞»|｜/]|首页|当前位置|您的位置")


def find_publish(paras: list[Para]) -> dt.date | None:
    """A web page's publish date, wherever it sits: some pages put it below the text."""
    for p in paras:
        if len(p.plain) < 80 and (m := PUBLISH.search(p.plain)) and (date := published(m)):
            return date
    for p in paras:                  # "2022-03-23 11:18:04 编辑: …", "来源:县政府办2018-10-15"
        if (m := page_stamp(normalize_spaces(p.text))) and (date := published(m)):
            return date
    for p in paras:                  # "07.01.2015 01:02", "[2022-04-08]", a footer's "2022-09-05 …"
        if (m := bare_stamp(normalize_spaces(p.text))) and (date := published(m)):
            return date
    return None


def header_like(text: str) -> bool:
    """A title, a 纪要编号 or a publish line: what only the header holds."""
    return bool((text.endswith("纪要") and len(text) <= 60) or DOC_NUMBER.match(text)
                or LABELLED_NUMBER.search(text) or PUBLISH.search(text))


def read_header(r: Reader, paras: list[Para]) -> None:
    """Take what the paragraphs above the opening tell; warn about the ones that are frame."""
    junk: list[Para] = []
    _form_fields(r, paras)
    for p in paras:
        spaced = normalize_spaces(p.text)
        if _header_item(r, p.plain, spaced, p):
            continue
        segments = [x for x in spaced.split(IDEOGRAPHIC_SPACE) if x]
        # "市政府第12次常务会议纪要　常务会议纪要〔2022〕12号" on one line; every segment is
        # read (a list, not a generator), so each tells what it holds.
        if len(segments) > 1 and any([_header_item(r, strip_spaces(x), x, p) for x in segments]):
            continue
        junk.append(p)
    r.ignored(junk, "标题前的", "网页导航等")


def _form_fields(r: Reader, paras: list[Para]) -> None:
    """"会议时间：" and "会议主持人：" as a page's form gives them, the value after the label or
    on the line below it; the opening reads them where its own sentence does not say."""
    for k, p in enumerate(paras):
        if m := FORM_FIELD.match(p.plain):
            value = m["value"] or (paras[k + 1].plain if k + 1 < len(paras) else "")
            if value and not FORM_FIELD.match(value):
                r.form.setdefault(m["label"], value)


def _header_item(r: Reader, text: str, spaced: str, p: Para) -> bool:
    """Take what a header line tells (title, number, dates, source); False when it is junk."""
    if _web_line(r, text, spaced, p):
        return True
    if m := ISSUE_LINE.match(text):
        r.title_session = parse_chinese_number(m["num"])
        if m["term"]:
            r.data["term"] = term_of(m)
        return True
    if m := OFFICE_LINE.match(spaced):
        r.header_date = parse_date(m["date"])[0]
        r.header_office = r.header_office or strip_spaces(m["office"])
        return True
    if FULL_DATE.match(text):
        r.header_date = r.header_date or parse_date(text)[0]
        return True
    if (m := bare_stamp(spaced)) and (date := published(m)):
        r.publish = r.publish or date      # a page's article stamp is its publish date
        return True
    if text.endswith("纪要") and len(text) <= 60 and not NAVIGATION.search(text):
        _title(r, text)
        return True
    if HEADLINE.search(text) and len(text) <= 60 and "。" not in text and (m := SESSION.search(text)):
        r.headline = r.headline or m       # "李某主持召开2023年第4次县政府常务会议": a news headline
        return True
    return False


def _web_line(r: Reader, text: str, spaced: str, p: Para) -> bool:
    """发布时间, 来源 and the 纪要编号, which web pages run together on one line."""
    meta = False
    if m := PUBLISH.search(text):
        r.publish = r.publish or published(m)
        meta = True
    elif m := page_stamp(spaced):
        r.publish = r.publish or published(m)
        meta = True
    if s := SOURCE.search(spaced.replace(IDEOGRAPHIC_SPACE, " ")):
        r.source_office = s["src"]
        meta = True
    if m := (DOC_NUMBER.match(text) or LABELLED_NUMBER.search(text)):
        number = f"{m['prefix']}〔{m['year']}〕{m['num']}号"
        if number != m.group(0).split("：")[-1].split(":")[-1]:
            r.warn(f"纪要编号“{m.group(0)}”写法不规范，记作“{number}”", p, "doc_number")
        r.data["doc_number"] = number
        r.doc_year = int(m["year"])
        return True
    return meta


def _title(r: Reader, text: str) -> None:
    """纪要标志 "苏州市人民政府常务会议纪要" or a web title "市政府第12次常务会议纪要"."""
    body = text[:-2]
    if m := SESSION.search(body):
        r.title_session = parse_chinese_number(m["num"])
        if m["term"]:
            r.data.setdefault("term", term_of(m))
        meeting = meeting_of(m["meeting"] or "")
        if meeting and MEETING_NAME.match(meeting):
            r.data.setdefault("meeting", meeting)
        head = body[:m.start()]
    else:
        head = body
        split = re.search(r"(?:人民政府|政府)", body)
        if split:
            meeting = body[split.end():]
            if MEETING_NAME.match(meeting):
                r.data["meeting"] = meeting
            head = body[:split.end()]
    if head.endswith("人民政府") and len(head) > 4:
        r.data["issuer"] = head
