"""Paragraphs → Minutes: recognise every part of a 纪要 and keep its text verbatim.

The order of a printed 纪要 is fixed (GB/T 9704 §10.3 and the 苏州 practice): header
(纪要标志, 第N次, 编发单位 and date), the opening paragraph, "会议议定以下意见：", topics
一、 with items （一） 1. （1）, closing paragraphs, attendance (出席/请假/列席, the "…的代表"
line), 记录, "…整理", the date, "（此件公开发布）", then the 版记 (分送/抄送 and the 印发
line). Web copies add navigation before the title and a 时间/来源 line, and lack the tail.

Numbering and labels are layout and are removed; everything else is kept as printed.
Oddities become warnings (``Problem``) naming the paragraph's line or page and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..errors import DocgenError, Problem
from ..model.minutes import Minutes
from ..model.numbering import parse_chinese_number
from ..model.profile import PROFILE_DIR
from . import units as kb
from .text import IDEOGRAPHIC_SPACE, MARKERS, Line, Para, normalize_spaces, strip_spaces

CN = "[一二三四五六七八九十百零〇○]"
NUM = rf"(?:\d+|{CN}+)"
YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
               "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
DATE = re.compile(rf"(?:(?P<y>\d{{4}}|[〇○零Ｏ一二三四五六七八九]{{4}})\s*年)?\s*"
                  rf"(?P<m>\d{{1,2}}|{CN}{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|{CN}{{1,4}})\s*[日号]")
FULL_DATE = re.compile(rf"^(?:\d{{4}}|[〇○零Ｏ一二三四五六七八九]{{4}})\s*年\s*(?:\d{{1,2}}|{CN}{{1,3}})"
                       rf"\s*月\s*(?:\d{{1,2}}|{CN}{{1,4}})\s*日$")
PERIOD = re.compile(r"^\s*(上午|下午|晚上)")
TITLES = ("常务副市长", "副市长", "代理市长", "代市长", "市长", "常务副区长", "副区长", "代理区长",
          "代区长", "区长", "常务副县长", "副县长", "代理县长", "代县长", "县长", "副州长", "州长",
          "副镇长", "镇长", "副乡长", "乡长", "副省长", "省长", "副主任", "主任", "副秘书长",
          "秘书长", "副书记", "书记")
TITLE_RE = "|".join(TITLES)
SESSION = re.compile(rf"(?P<term>第?\s*{NUM}\s*届)?\s*(?:[\u4e00-\u9fff]{{0,10}}?政府)?\s*"
                     rf"第?\s*(?P<num>{NUM})\s*次\s*(?P<meeting>[\u4e00-\u9fff]{{0,10}}?会议?)")
DOC_NUMBER = re.compile(r"^(?P<prefix>[\u4e00-\u9fff]{0,20}?)\s*[〔\[［【(（]\s*(?P<year>\d{4})\s*"
                        r"[〕\]］】)）]\s*(?P<num>\d{1,5})\s*号$")
LABELLED_NUMBER = re.compile(r"(?:文\s*号|编\s*号|纪要编号)\s*[：:]\s*(?P<prefix>[\u4e00-\u9fff]{0,20}?)\s*"
                             r"[〔\[［【(（]\s*(?P<year>\d{4})\s*[〕\]］】)）]\s*(?P<num>\d{1,5})\s*号")
ISSUE_LINE = re.compile(rf"^(?P<term>第?\s*{NUM}\s*届)?\s*第\s*(?P<num>{NUM})\s*[次期]$")
PUBLISH = re.compile(r"(?:发布|生成|成文|公开)?(?:时间|日期)\s*[：:]\s*(?P<y>\d{4})\s*[-年/.]\s*(?P<m>\d{1,2})"
                     r"\s*[-月/.]\s*(?P<d>\d{1,2})")
SOURCE = re.compile(r"(?:来源|发布机构|发文机关)\s*[：:]\s*(?P<src>[\u4e00-\u9fff]{2,30})")
INTRO = re.compile(r"^(?:会议(?:议定|研究|决定|确定|明确|讨论|同意|认为|要求)[^。，,]{0,14}"
                   r"|(?:现将)?[^。，,]{0,18}纪要如下|会议(?:研究)?(?:了)?以下事项)[：:]?$")
UNNUMBERED_TOPIC = re.compile(r"^会议(?:听取|审议|书面审议|研究|讨论|传达|学习)")
NAVIGATION = re.compile(r"[>＞»|｜/]|首页|当前位置|您的位置")
MEETING_NAME = re.compile(r"^[\u4e00-\u9fff]{0,10}会议?$")
CLOSING = re.compile(r"^(?:会议还|会议同时|此外|另外)")
LABELS = re.compile(r"^(出席|请假|列席)\s*[：:]")
RECORDER = re.compile(r"^记\s*录\s*[：:]\s*(?P<who>.*)$")
COMPILED = re.compile(r"^(?P<by>.{2,30}?)整理$")
DISCLOSURE = re.compile(r"^[（(](?P<text>[^（）()]{2,30})[）)]$")
DISTRIBUTION = re.compile(r"^(?P<label>分送|抄送|主送)\s*[：:]\s*(?P<text>.*)$")
PRINTED = re.compile(r"^(?P<by>.+?)[\s\u3000]*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                     r"\s*印\s*发$")
OFFICE_LINE = re.compile(r"^(?P<office>.{2,30}?(?:办公室|办公厅|人民政府|政府))[\s\u3000]*"
                         r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")
FOOTER = re.compile(r"^[【\[]?\s*(?:关闭|打印|分享|收藏|扫一扫|上一篇|下一篇|相关(?:链接|文章|阅读|信息)|"
                    r"责任编辑|主办|承办|版权|网站标识码|网站地图|联系我们|字体|字号|返回顶部|"
                    r"附件下载|政府网站|.{0,10}ICP备|.{0,10}公网安备|访问量|浏览次数)")
HALF_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff“”《》（）、。，])[,:;?!()]|[,:;?!()](?=[\u4e00-\u9fff“”《》（）])")
SENTENCE_END = tuple("。！？；…”’）)】」』：")
ISSUER_TAIL = re.compile(r"(?:办公室|办公厅)$")


def _cn_int(text: str) -> int:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return parse_chinese_number(text.replace("○", "〇"))


def _year(text: str) -> int:
    if text.isdigit():
        return int(text)
    return int("".join(str(YEAR_DIGITS[ch]) for ch in text))


def parse_date(text: str, default_year: int | None = None) -> tuple[dt.date | None, bool, re.Match | None]:
    """First date in ``text``: (date, had a year, match). Chinese numerals are accepted."""
    match = DATE.search(text)
    if not match:
        return None, False, None
    year = _year(match["y"]) if match["y"] else default_year
    if year is None:
        return None, False, match
    try:
        return dt.date(year, _cn_int(match["m"]), _cn_int(match["d"])), bool(match["y"]), match
    except ValueError:
        return None, bool(match["y"]), match


def _split_intro(text: str) -> tuple[str, str | None]:
    """Web copies run "会议议定以下意见：" into the opening paragraph; the print sets it apart."""
    head, sep, tail = text.rstrip().rpartition("。")
    if sep and tail and INTRO.match(tail) and len(tail) <= 30:
        return head + sep, tail
    return text, None


def marker_level(text: str) -> tuple[int, str] | None:
    """(level, text without the marker) for 一、 （一） 1. （1）."""
    for level, pattern in enumerate(MARKERS):
        match = pattern.match(text)
        if match:
            rest = text[match.end():].lstrip(" \u3000")
            if level == 2 and rest[:1].isdigit():
                continue
            return level, rest
    return None


@dataclass
class _Node:
    text: str
    items: list["_Node"] = field(default_factory=list)

    def dump(self) -> Any:
        if not self.items:
            return self.text
        return {"text": self.text, "items": [i.dump() for i in self.items]}


@dataclass
class _Topic:
    title: str
    para: Para
    items: list[_Node] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


class Reader:
    """One pass over the paragraphs of one document."""

    def __init__(self, paras: list[Para], name: str, hints: dict | None = None):
        self.paras = [p for p in paras if p.plain]
        self.name = name
        self.hints = hints or {}
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {}
        self.publish: dt.date | None = None
        self.header_date: dt.date | None = None
        self.doc_year: int | None = None
        self.source_office: str | None = None
        self.title_session: int | None = None

    # ------------------------------------------------------------------ warnings

    def warn(self, message: str, para: Para | None = None, path: str | None = None,
             hint: str | None = None) -> None:
        where = para.where() if para is not None else ""
        if where and not (para is not None and para.lineno):
            message = f"{message}（{where}）"
        self.problems.append(Problem(message, file=self.name,
                                     line=para.lineno if para is not None else None,
                                     path=path, hint=hint))

    def field(self, text: str, para: Para | None, path: str) -> str:
        """A text field as printed; half-width punctuation in Chinese text is warned about."""
        found = HALF_PUNCT.findall(text)
        if found:
            counts: dict[str, int] = {}
            for ch in found:
                counts[ch] = counts.get(ch, 0) + 1
            shown = "、".join(f"“{ch}”{n} 个" for ch, n in counts.items())
            self.warn(f"中文文字中有半角标点：{shown}（原样保留）", para, path,
                      hint="中文文字一般用全角标点，如“，”“：”")
        return text

    # ------------------------------------------------------------------ the pass

    def read(self) -> tuple[Minutes, list[Problem]]:
        paras = self.paras
        for p in paras:                      # a publish line may also sit below the text
            if len(p.plain) < 80 and (m := PUBLISH.search(p.plain)):
                try:
                    self.publish = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
                except ValueError:
                    continue
                break
        start = self._find_start()
        if start is None:
            raise DocgenError.one("这不是一份会议纪要：找不到开头段落（“…主持召开…会议”）和议题（“一、…”）",
                                  file=self.name, hint="docgen parse 读取会议纪要的存档文本、PDF 或 DOCX")
        self._header(paras[:start])
        i = start
        first = paras[i]
        if marker_level(first.plain) is None:
            preamble, intro = _split_intro(first.plain)
            self._preamble_para = first
            self.data["preamble"] = self.field(preamble, first, "preamble")
            self._opening(preamble, first)
            if intro:
                if not intro.endswith(("：", ":")):
                    self.warn(f"“{intro}”后面缺少冒号（原样保留）", first, "decisions_intro")
                self.data["decisions_intro"] = self.field(intro, first, "decisions_intro")
            i += 1
        else:
            self.warn("没有开头段落（“…主持召开…会议”），直接从议题开始", first, "preamble")
            self.data["decisions_intro"] = None
        if "decisions_intro" not in self.data:
            self.data["decisions_intro"] = None
            if i < len(paras) and INTRO.match(paras[i].plain) and len(paras[i].plain) <= 30:
                text = paras[i].plain
                if not text.endswith(("：", ":")):
                    self.warn(f"“{text}”后面缺少冒号（原样保留）", paras[i], "decisions_intro")
                self.data["decisions_intro"] = self.field(text, paras[i], "decisions_intro")
                i += 1
        i = self._topics(i)
        i = self._attendance(i)
        self._tail(i)
        self._fill_identity()
        self._checks()
        return self._build()

    # ------------------------------------------------------------------ header

    def _find_start(self) -> int | None:
        """The opening paragraph ("…主持召开…会议"), or the first topic when there is none.

        A web page may show a summary of the opening above the title; when a title, number
        or publish line follows the first candidate, a later candidate is the real opening.
        """
        first_topic = next((i for i, p in enumerate(self.paras)
                            if p.zone != "header" and (lv := marker_level(p.plain)) and lv[0] == 0), None)
        limit = first_topic if first_topic is not None else len(self.paras)
        candidates = [i for i, p in enumerate(self.paras[:limit]) if p.zone != "header" and self._opening_like(p.plain)]
        if not candidates:
            return first_topic
        start = candidates[0]
        for later in candidates[1:]:
            between = self.paras[start + 1:later]
            if any(self._header_like(p.plain) for p in between):
                start = later
        return start

    @staticmethod
    def _opening_like(text: str) -> bool:
        if len(text) <= 12:
            return False
        if "主持" in text and "会议" in text:
            return True
        return bool(DATE.match(text) and ("会议" in text or "召开" in text))

    @staticmethod
    def _header_like(text: str) -> bool:
        return bool((text.endswith("纪要") and len(text) <= 60) or DOC_NUMBER.match(text)
                    or LABELLED_NUMBER.search(text) or PUBLISH.search(text))

    def _header(self, paras: list[Para]) -> None:
        junk: list[Para] = []
        for p in paras:
            spaced = normalize_spaces(p.text)
            if self._header_item(p.plain, spaced, p):
                continue
            segments = [x for x in spaced.split(IDEOGRAPHIC_SPACE) if x]
            if len(segments) > 1 and any([self._header_item(strip_spaces(x), x, p) for x in segments]):
                continue               # "市政府第12次常务会议纪要　常务会议纪要〔2022〕12号" on one line
            junk.append(p)
        if junk:
            shown = "；".join(p.plain[:20] for p in junk[:3])
            self.warn(f"忽略了标题前的 {len(junk)} 段文字（网页导航等）：{shown}", junk[0])

    def _header_item(self, text: str, spaced: str, p: Para) -> bool:
        """Take what a header line tells (title, number, dates, source); False when it is junk."""
        meta = False
        if m := PUBLISH.search(text):
            try:
                self.publish = self.publish or dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                pass
            meta = True
        if s := SOURCE.search(spaced.replace(IDEOGRAPHIC_SPACE, " ")):
            self.source_office = s["src"]
            meta = True
        if m := (DOC_NUMBER.match(text) or LABELLED_NUMBER.search(text)):
            number = f"{m['prefix']}〔{m['year']}〕{m['num']}号"
            if number != m.group(0).split("：")[-1].split(":")[-1]:
                self.warn(f"纪要编号“{m.group(0)}”写法不规范，记作“{number}”", p, "doc_number")
            self.data["doc_number"] = number
            self.doc_year = int(m["year"])
            return True
        if meta:
            return True
        if m := ISSUE_LINE.match(text):
            self.title_session = _cn_int(m["num"])
            if m["term"]:
                self.data["term"] = re.sub(r"\s", "", m["term"])
            return True
        if m := OFFICE_LINE.match(spaced):
            self.header_date = parse_date(m["date"])[0]
            return True
        if FULL_DATE.match(text):
            self.header_date = self.header_date or parse_date(text)[0]
            return True
        if text.endswith("纪要") and len(text) <= 60 and not NAVIGATION.search(text):
            self._title(text, p)
            return True
        return False

    def _title(self, text: str, para: Para) -> None:
        """纪要标志 "苏州市人民政府常务会议纪要" or a web title "市政府第12次常务会议纪要"."""
        body = text[:-2]
        if m := SESSION.search(body):
            self.title_session = _cn_int(m["num"])
            if m["term"]:
                self.data.setdefault("term", re.sub(r"\s", "", m["term"]))
            if m["meeting"] and MEETING_NAME.match(m["meeting"]):
                self.data.setdefault("meeting", m["meeting"])
            head = body[:m.start()]
        else:
            head = body
            split = re.search(r"(?:人民政府|政府)", body)
            if split:
                meeting = body[split.end():]
                if MEETING_NAME.match(meeting):
                    self.data["meeting"] = meeting
                head = body[:split.end()]
        if head.endswith("人民政府") and len(head) > 4:
            self.data["issuer"] = head

    # ------------------------------------------------------------------ opening

    def _opening(self, text: str, para: Para) -> None:
        date, had_year, match = parse_date(text[:40])
        if match is not None and match.start() <= 2:
            self._date_match = (match, had_year)
            if date:
                self.data["date"] = date
            rest = text[match.end():]
            if p := PERIOD.match(rest):
                self.data["period"] = p.group(1)
        chair = self._chair(text)
        if chair:
            self.data["chair"] = chair
        after = text.split("召开", 1)[1] if "召开" in text else text
        m = SESSION.search(after[:60]) or (SESSION.search(text) if "召开" not in text else None)
        if m and m["num"]:
            try:
                self.data["session"] = _cn_int(m["num"])
            except ValueError:
                pass
            if m["term"]:
                self.data["term"] = re.sub(r"\s", "", m["term"])
            meeting = m["meeting"]
            if meeting and MEETING_NAME.match(meeting):
                self.data.setdefault("meeting", meeting)
        elif m := re.search(r"召开[^，,。]{0,12}?(?P<meeting>[\u4e00-\u9fff]{2,8}会议)", text):
            meeting = re.sub(r"^.*?政府", "", m["meeting"])
            if MEETING_NAME.match(meeting) and len(meeting) > 2:
                self.data.setdefault("meeting", meeting)

    def _chair(self, text: str) -> dict | None:
        at = text.find("主持")
        if at < 0:
            return None
        clause = re.split(r"[，,。；;]", text[:at])[-1]
        _, _, match = parse_date(clause)
        if match is not None and match.start() == 0:
            clause = clause[match.end():]
        clause = PERIOD.sub("", clause)
        clause = re.sub(r"^(?:由|在)", "", clause)
        clause = clause.split("、")[-1]
        clause = re.sub(r"受.{1,14}?委托", "", clause)
        if m := re.fullmatch(rf"(?P<name>[\u4e00-\u9fff·]{{2,6}}?)(?P<title>{TITLE_RE})", clause):
            return {"name": m["name"], "title": m["title"]}
        if m := re.fullmatch(rf"(?:.*?)(?P<title>{TITLE_RE})(?P<name>[\u4e00-\u9fff·]{{2,4}})", clause):
            return {"name": m["name"], "title": m["title"]}
        if kb.name_score(clause):
            return {"name": clause}
        return None

    # ------------------------------------------------------------------ topics

    def _is_tail_start(self, p: Para) -> bool:
        text = p.plain
        return bool(LABELS.match(text) or RECORDER.match(text) or DISTRIBUTION.match(text)
                    or PRINTED.match(text) or p.zone == "colophon")

    def _topics(self, i: int) -> int:
        paras = self.paras
        end = len(paras)
        for j in range(i, len(paras)):
            if self._is_tail_start(paras[j]) or FOOTER.match(paras[j].plain):
                end = j
                break
        # a tail without labels: "…整理", the date and "（此件公开发布）" close the body
        while end > i and self._is_plain_tail(paras[end - 1]):
            end -= 1
        body = paras[i:end]
        levels = [marker_level(p.plain) for p in body]
        present = sorted({lv[0] for lv in levels if lv})
        rank = {level: k for k, level in enumerate(present)}   # 一、 then 1. (no （一）) is two levels
        topics: list[_Topic] = []
        closing: list[tuple[str, Para]] = []
        stack: list[_Node] = []
        preamble_extra: list[Para] = []
        if not present:
            self._unnumbered(body, topics)
        for p, lv in zip(body if present else [], levels if present else []):
            text = p.plain
            if lv is not None:
                level, rest = rank[lv[0]], lv[1]
                if level == 0:
                    topics.append(_Topic(rest, p))
                    stack = []
                    continue
                if not topics:
                    topics.append(_Topic(rest, p))
                    continue
                node = _Node(rest)
                node.para = p  # type: ignore[attr-defined]
                depth = min(level, len(stack) + 1)
                if depth != level:
                    self.warn(f"编号层次跳级：“{text[:12]}”", p)
                stack = stack[:depth - 1]
                (stack[-1].items if stack else topics[-1].items).append(node)
                stack.append(node)
                continue
            if not topics:
                preamble_extra.append(p)
            elif closing or CLOSING.match(text):
                closing.append((text, p))
            elif not topics[-1].items:
                topics[-1].body.append(text)
            elif p is body[-1] or all(marker_level(q.plain) is None for q in body[body.index(p):]):
                closing.append((text, p))
            else:
                self.warn("分项之后的段落没有编号，归入该议题的正文段落（排版时位于分项之前）", p)
                topics[-1].body.append(text)
        if preamble_extra:
            self.warn(f"开头段落之后、第一个议题之前有 {len(preamble_extra)} 段文字，并入开头段落", preamble_extra[0],
                      "preamble")
            self.data["preamble"] = (self.data.get("preamble") or "") + "".join(p.plain for p in preamble_extra)
        self._store_topics(topics, closing)
        return end

    def _is_plain_tail(self, p: Para) -> bool:
        text = p.plain
        return bool(COMPILED.match(text) and len(text) <= 32 and "。" not in text) or \
            bool(FULL_DATE.match(text)) or bool(DISCLOSURE.match(text) and "公开" in text)

    def _unnumbered(self, body: list[Para], topics: list[_Topic]) -> None:
        evidence = any("纪要" in p.plain for p in self.paras) or self.data.get("decisions_intro") or \
            any(UNNUMBERED_TOPIC.match(p.plain) for p in body)
        if not body or not evidence:
            raise DocgenError.one("这不是一份会议纪要：没有议题（“一、…”或“会议听取/审议了…”段落），"
                                  "也没有“纪要”字样", file=self.name,
                                  hint="docgen parse 读取会议纪要的存档文本、PDF 或 DOCX")
        for p in body:
            text = p.plain
            if topics and CLOSING.match(text):
                self._pending_closing = getattr(self, "_pending_closing", []) + [(text, p)]
                continue
            head, sep, rest = text.partition("。")
            topic = _Topic(head if sep else text, p)
            topic.body.append(rest if sep and rest else text)
            topics.append(topic)
        if body:
            self.warn("议题没有编号（一、二、…）：每段作为一个议题，标题取首句", body[0], "topics")

    def _store_topics(self, topics: list[_Topic], closing: list[tuple[str, Para]]) -> None:
        closing = getattr(self, "_pending_closing", []) + closing
        out = []
        for t, topic in enumerate(topics):
            path = f"topics[{t}]"
            title = self.field(topic.title, topic.para, f"{path}.title")
            if not topic.items and not topic.body:
                head, sep, rest = title.partition("。")
                if sep and rest:
                    title, topic.body = head, [rest]
                else:
                    self.warn(f"议题“{title[:20]}”没有内容，标题同时记作正文", topic.para, f"{path}.body")
                    topic.body = [title]
            entry: dict[str, Any] = {"title": title}
            if topic.items:
                entry["items"] = [self._item(node, f"{path}.items[{k}]") for k, node in enumerate(topic.items)]
            if topic.body:
                entry["body"] = [self.field(b, topic.para, f"{path}.body[{k}]") for k, b in enumerate(topic.body)]
            out.append(entry)
        self.data["topics"] = out
        if closing:
            self.data["closing"] = [self.field(text, p, f"closing[{k}]") for k, (text, p) in enumerate(closing)]
        self._last_text = None
        if closing:
            self._last_text = (closing[-1][0], closing[-1][1], f"closing[{len(closing) - 1}]")
        elif topics:
            last = topics[-1]
            node_path = f"topics[{len(topics) - 1}]"
            if last.items:
                node, path = last.items[-1], f"{node_path}.items[{len(last.items) - 1}]"
                while node.items:
                    path += f".items[{len(node.items) - 1}]"
                    node = node.items[-1]
                self._last_text = (node.text, getattr(node, "para", last.para), path)
            elif last.body:
                self._last_text = (last.body[-1], last.para, f"{node_path}.body[{len(last.body) - 1}]")

    def _item(self, node: _Node, path: str) -> Any:
        para = getattr(node, "para", None)
        text = self.field(node.text, para, f"{path}" if not node.items else f"{path}.text")
        if not node.items:
            return text
        return {"text": text, "items": [self._item(n, f"{path}.items[{k}]") for k, n in enumerate(node.items)]}

    # ------------------------------------------------------------------ attendance

    def _attendance(self, i: int) -> int:
        paras = self.paras
        if i >= len(paras) or not LABELS.match(paras[i].plain):
            return i
        j = i
        while j < len(paras) and not (RECORDER.match(paras[j].plain) or DISTRIBUTION.match(paras[j].plain)
                                      or PRINTED.match(paras[j].plain) or paras[j].zone == "colophon"
                                      or (j > i and self._is_plain_tail(paras[j]))
                                      or FOOTER.match(paras[j].plain)):
            j += 1
        lines = [line for p in paras[i:j] for line in p.lines]
        self.data["attendance"] = read_attendance(lines, self)
        return j

    # ------------------------------------------------------------------ tail and 版记

    def _tail(self, i: int) -> None:
        paras = self.paras
        ignored: list[Para] = []
        while i < len(paras):
            p = paras[i]
            text = p.plain
            i += 1
            if m := RECORDER.match(text):
                self.data["recorder"] = self.field(m["who"], p, "recorder")
            elif m := DISTRIBUTION.match(text):
                parts = [m["text"]]
                while not parts[-1].endswith("。") and i < len(paras) and not self._tail_known(paras[i]):
                    parts.append(paras[i].plain)
                    i += 1
                self.data["distribution_label"] = m["label"]
                self.data["distribution"] = self.field("".join(parts), p, "distribution")
            elif m := PRINTED.match(normalize_spaces(p.text)):
                date, _, _ = parse_date(m["date"])
                self.data["printed"] = {"by": strip_spaces(m["by"]), "date": date}
            elif (m := COMPILED.match(text)) and "compiled_by" not in self.data:
                self.data["compiled_by"] = m["by"]
            elif FULL_DATE.match(text) and "compiled_date" not in self.data:
                self.data["compiled_date"] = parse_date(text)[0]
            elif (m := DISCLOSURE.match(text)) and "disclosure" not in self.data:
                self.data["disclosure"] = m["text"]
            elif FOOTER.match(text):
                ignored.extend(paras[i - 1:])
                break
            else:
                ignored.append(p)
        if ignored:
            shown = "；".join(p.plain[:20] for p in ignored[:3])
            self.warn(f"忽略了正文之后无法识别的 {len(ignored)} 段文字（网页页脚等）：{shown}", ignored[0])

    def _tail_known(self, p: Para) -> bool:
        text = p.plain
        return bool(RECORDER.match(text) or DISTRIBUTION.match(text) or PRINTED.match(normalize_spaces(p.text))
                    or LABELS.match(text) or FOOTER.match(text))

    # ------------------------------------------------------------------ identity and checks

    def _fill_identity(self) -> None:
        d = self.data
        if self.title_session is not None:
            if d.get("session") not in (None, self.title_session):
                self.warn(f"标题中的会次（第{self.title_session}次）与开头段落（第{d['session']}次）不一致，取标题",
                          None, "session")
            d["session"] = self.title_session
        # the meeting date's year, where the opening paragraph leaves it out
        match = getattr(self, "_date_match", None)
        if "date" not in d:
            reference = self.publish or self.header_date or d.get("compiled_date") or \
                (d.get("printed") or {}).get("date")
            date = None
            if match is not None:
                month, day = _cn_int(match[0]["m"]), _cn_int(match[0]["d"])
                year, source = None, None
                if reference:
                    year = reference.year if (month, day) <= (reference.month, reference.day) \
                        else reference.year - 1
                    source = "发布日期" if self.publish else "印发/整理日期"
                elif self.doc_year:
                    year, source = self.doc_year, "纪要编号"
                if year:
                    try:
                        date = dt.date(year, month, day)
                        self.warn(f"会议日期没有写年份，年份 {year} 取自{source}",
                                  getattr(self, "_preamble_para", None), "date")
                    except ValueError:
                        date = None
            if date is None:
                date = reference
                if date is not None:
                    self.warn("开头段落没有会议日期，暂用发布/印发日期", None, "date",
                              hint="请核对 date")
            if date is None:
                raise DocgenError.one("这份纪要找不到会议日期（开头段落中的“×年×月×日”）", file=self.name,
                                      hint="请确认这是会议纪要")
            d["date"] = date
        title = (self.hints.get("title") or "").strip()
        if "issuer" not in d and title.endswith("纪要") and (m := re.match(r"^(.{2,20}?人民政府)", title)):
            d["issuer"] = m.group(1)
        if "issuer" not in d:
            for office in (d.get("compiled_by"), (d.get("printed") or {}).get("by"), self.source_office):
                if office and ISSUER_TAIL.search(office):
                    issuer = ISSUER_TAIL.sub("", office)
                    if issuer.endswith("人民政府") and len(issuer) > 4:
                        d["issuer"] = issuer
                        break
                elif office and office.endswith("人民政府") and len(office) > 4:
                    d["issuer"] = office
                    break
        d["profile"] = _profile_for(d.get("issuer"))

    def _checks(self) -> None:
        d = self.data
        if not d.get("distribution") and not d.get("printed"):
            self.warn("没有版记（分送/抄送和印发机关、印发日期）", None, None,
                      hint="网上公开的纪要通常不带版记；存档的印刷件应当有")
        last = getattr(self, "_last_text", None)
        if last and not last[0].endswith(SENTENCE_END):
            self.warn(f"正文在句中结束，原文可能不完整：“…{last[0][-15:]}”（原样保留）", last[1], last[2])

    def _build(self) -> tuple[Minutes, list[Problem]]:
        order = list(Minutes.model_fields)
        data = {k: self.data[k] for k in order if k in self.data}
        try:
            minutes = Minutes.model_validate(data)
        except ValidationError as exc:
            problems = [Problem(f"读出的内容不完整：{e['msg']}", file=self.name,
                                path=".".join(str(x) for x in e["loc"])) for e in exc.errors()]
            raise DocgenError(problems) from None
        return minutes, self.problems


def _profile_for(issuer: str | None) -> str:
    if issuer:
        from ..model.profile import load_profile
        for path in sorted(PROFILE_DIR.glob("*.yaml")):
            try:
                if load_profile(path.stem).issuer == issuer:
                    return path.stem
            except DocgenError:
                continue
    return "suzhou"


# ---------------------------------------------------------------------- attendance lists

SEP, BREAK = "sep", "break"


def _pieces(lines: list[Line]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sections (label, [(piece, boundary after)]) from the attendance lines."""
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    for line in lines:
        text = normalize_spaces(line.text)
        m = LABELS.match(text)
        if m:
            sections.append((m.group(1), []))
            text = text[m.end():].lstrip(IDEOGRAPHIC_SPACE)
        elif not sections:
            sections.append(("列席", []))
        pieces = sections[-1][1]
        parts = [x for x in text.split(IDEOGRAPHIC_SPACE) if x]
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            pieces.append((part, (SEP if line.trail else BREAK) if last else SEP))
        if not parts and pieces:
            pieces[-1] = (pieces[-1][0], SEP)
    return sections


def _pair_padded(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """王　翔 → 王翔: a one-character piece, a separator, a one-character name part."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(pieces):
        text, boundary = pieces[i]
        if (len(text) == 1 and boundary == SEP and i + 1 < len(pieces)
                and len(re.split(r"[（(]", pieces[i + 1][0])[0]) == 1):
            out.append((text + pieces[i + 1][0], pieces[i + 1][1]))
            i += 2
            continue
        out.append((text, boundary))
        i += 1
    return out


def _name_reason(text: str) -> tuple[str, str | None]:
    m = re.fullmatch(r"(?P<name>[^（(]+)[（(](?P<reason>.*)[）)]", text)
    if m:
        return m["name"], m["reason"]
    return text, None


def _solve(pieces: list[tuple[str, str]], label: str, allow_reps: bool) -> list[tuple[str, Any]]:
    """Best reading of a section: which line breaks are separators, what each entry is."""
    n = len(pieces)
    NEG = float("-inf")
    # best[i][phase] = (score, entries); phase 0 plain names, 1 unit entries
    best: list[list[tuple[float, list]]] = [[(NEG, []), (NEG, [])] for _ in range(n + 1)]
    best[0][0] = (0.0, [])
    for i in range(n):
        for phase in (0, 1):
            score0, entries0 = best[i][phase]
            if score0 == NEG:
                continue
            text = ""
            for j in range(i + 1, min(n, i + 14) + 1):
                text += pieces[j - 1][0]
                if j - 1 > i and pieces[j - 2][1] == SEP:
                    break                 # an entry never spans a certain separator
                options: list[tuple[int, float, tuple]] = []
                # the "…的代表" line ends the list
                if allow_reps and j == n and text.endswith("的代表") and len(text) > 3:
                    reps = text[:-3].split("、")
                    rs = sum(max(kb.unit_score(u) if kb.unit_score(u) is not None else -5.0, -5.0) for u in reps)
                    options.append((1, rs + 1.0, ("reps", reps)))
                if j - i > 4:
                    for phase_to, score, entry in options:
                        if best[j][phase_to][0] < score0 + score:
                            best[j][phase_to] = (score0 + score, entries0 + [entry])
                    continue
                if label == "列席":
                    unit = kb.split_unit_entry(text)
                    if unit is not None:
                        options.append((1, unit[2], ("unit", (unit[0], unit[1]))))
                name, reason = _name_reason(text)
                ns = kb.name_score(name)
                plain_score = ns if ns is not None else -10.0
                if label != "列席" and "、" in text and ns is None:
                    plain_score = -30.0
                if phase == 0:
                    options.append((0, plain_score, ("plain", (name, reason))))
                else:
                    options.append((1, plain_score - 20.0, ("plain", (name, reason))))
                for phase_to, score, entry in options:
                    if phase_to < phase:
                        continue
                    if best[j][phase_to][0] < score0 + score:
                        best[j][phase_to] = (score0 + score, entries0 + [entry])
    final = max(best[n], key=lambda x: x[0])
    return final[1]


def read_attendance(lines: list[Line], reader: Reader) -> dict:
    out: dict[str, Any] = {}
    sections = _pieces(lines)
    for k, (label, pieces) in enumerate(sections):
        pieces = _pair_padded(pieces)
        text = "".join(p for p, _ in pieces)
        if label != "列席" and IDEOGRAPHIC_SPACE not in "".join(line.text for line in lines) and "、" in text \
                and not text.endswith("的代表"):
            # a web-style list: 出席：张三、李四、王五
            pieces = [(x, SEP) for x in text.split("、") if x]
        entries = _solve(pieces, label, allow_reps=k == len(sections) - 1)
        key = {"出席": "present", "请假": "on_leave", "列席": "attending"}[label]
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
                    reader.warn(f"{label}名单中“{name}”不像姓名，请核对", None, f"attendance.{key}")
    return {k: v for k, v in out.items() if v}


def build_minutes(paras: list[Para], name: str, hints: dict | None = None,
                  notes: list[str] | None = None) -> tuple[Minutes, list[Problem]]:
    reader = Reader(paras, name, hints)
    for note in notes or []:
        reader.problems.append(Problem(note, file=name))
    return reader.read()
