"""The opening paragraph and "会议议定以下意见：" after it.

"2020年4月29日上午，李亚平市长主持召开市政府第96次常务会议，……" names the date, the
period, the chair, the session and the meeting; the paragraph itself is kept verbatim as
``preamble``. Finding it also ends the header: whatever stands above it is header or frame.
"""

from __future__ import annotations

import re

from ..model.minutes import PERIODS
from ..model.numbering import PRINTED_NUMERALS, marker_level, parse_chinese_number
from . import units as kb
from .dates import DATE, parse_date
from .header import header_like
from .identity import MEETING_NAME, SESSION, meeting_of, term_of
from .landmarks import INTRO
from .reader import Reader
from .text import HAN, Line, Para
from .topics import MEETING_SAID, OTHER_MATTERS, UNNUMBERED_TOPIC

DAY_ONLY = re.compile(rf"^\s*(?P<d>\d{{1,2}}|[{PRINTED_NUMERALS}]{{1,3}})\s*日(?=\s*(?:{'|'.join(PERIODS)})?\s*[，,])")
PERIOD = re.compile(rf"^\s*({'|'.join(PERIODS)})")
TITLES = ("常务副市长", "副市长", "代理市长", "代市长", "市长", "常务副区长", "副区长", "代理区长",
          "代区长", "区长", "常务副县长", "副县长", "代理县长", "代县长", "县长", "副州长", "州长",
          "代理州长", "代州长", "常务副旗长", "副旗长", "代理旗长", "代旗长", "旗长", "副盟长", "盟长",
          "副镇长", "镇长", "副乡长", "乡长", "副省长", "代省长", "省长",
          "常务副主席", "副主席", "代理主席", "代主席", "主席", "副主任", "主任", "副秘书长",
          "秘书长", "副书记", "书记")
TITLE_RE = "|".join(TITLES)
# "…谢义维同志在区机关大院2号楼二楼会议室主持": where the meeting sat, between chair and 主持.
# "本报讯（记者 王磊）7月2日下午，…", "文成新闻网讯 …", "日报消息（记者 某）…": a news dateline
# before the date.
DATELINE = re.compile(r"(?:讯|电|报道|消息)\s*(?:[(（][^()（）]{0,30}[)）])?\s*$")
# what follows the date in a news dateline that holds one: "4月28日讯（记者 某）", "3月5日电 "
# (电 only before a space or a bracket: "6月3日电视电话会议" is no dateline)
DATELINE_TAIL = re.compile(r"\s*(?:讯|电(?=[\s(（]))\s*(?:[(（][^()（）]{0,30}[)）])?\s*")
# "2022年第9次常务会议", "2022年县政府党组第3次会议": the year the meetings are counted in.
SESSION_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*[\u4e00-\u9fff]{0,8}?第\s*[0-9一二三四五六七八九十百]+\s*次")
# "主持召开2026年2月县政府抓落实专题会议": a monthly meeting named for its year and month.
NAMED_MONTH = re.compile(r"召开\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d{1,2}\s*日)"
                         r"[\u4e00-\u9fff]{0,24}?会")
# What the meeting did, as a sentence of the opening paragraph may go on: "传达学习了……".
AGENDA = re.compile(r"^(?:听取|审议|审定|研究|讨论|传达|学习|部署)")
# "…召开区政府第27次常务会议，传达学习……": where the meeting's name ends and what it did begins.
AGENDA_CLAUSE = re.compile(r"召开[^，,。]{0,40}?会议?[，,](?=(?:专门|集中|首先|先后)?"
                           r"(?:听取|审议|审定|研究|讨论|传达|学习|部署|分析|通报|强调|指出|要求))")
ASIDE = re.compile(r"[（(][^（）()]{0,80}[）)]")
# The words a meeting's kind is named with, at the end of a long name: "…专题调度会议".
KIND_TAIL = r"(?:专题|现场|协调|调度|推进|联席|办公|工作|例)+会议?$"
# "昨日下午，市长某主持召开…", "省长某今天主持召开…": the day told against the page's own date.
RELATIVE_OFFSET = {"今天": 0, "今日": 0, "当天": 0, "当日": 0, "昨天": -1, "昨日": -1, "前天": -2}
RELATIVE_DAY = re.compile(rf"(?:^|[，,）)\s]|(?<=[{HAN}]))(?P<w>{'|'.join(RELATIVE_OFFSET)})(?:{'|'.join(PERIODS)})?")
# "昨天上午，……" (after a news dateline, ``_lead_day``): an opening dated by the day it was reported on
RELATIVE_LEAD = re.compile(rf"(?:{'|'.join(RELATIVE_OFFSET)})(?:{'|'.join(PERIODS)})?[，,]")
# "昨天（7月7日）下午，": the date in brackets says which day "yesterday" was
DATED_RELATIVE = re.compile(rf"(?:{'|'.join(RELATIVE_OFFSET)})[（(]")
# "今天", "日前" between the chair and 主持, as a news story writes it.
WHEN_WORD = re.compile(r"(?:今天|今日|昨天|昨日|日前|近日|当天)$")
# "历下区政府第19届42次常务会议在区长会议室召开。": an opening that names no chair.
SAT_AT = re.compile(r"第?\s*[0-9一二三四五六七八九十百]+\s*次[\u4e00-\u9fff]{0,10}会议?在[^。，,]{2,30}召开")
# "市委副书记、市长某某说，", "副县长某某在讲话中强调，": a leader, named with a title, speaking
SPEECH = r"(?:在讲话中|在会上)?(?:说|强调|指出|要求|表示)[，,：:]"
TITLED_SPEAKER = re.compile(rf"(?:[{HAN}]{{2,12}}、)*(?:{TITLE_RE})(?P<name>[{HAN}]{{2,4}}?){SPEECH}")
# "区长张某出席会议并讲话": the leader a news story names where nobody is said to 主持.
ATTENDED = re.compile(r"出席(?:会议)?并(?:作)?(?:重要)?讲话")
# "市长某某强调，": a leader speaking in an opening that names nobody as 主持.
SPOKE = re.compile(r"(?:在讲话中|在会上)?(?:强调|指出|要求)[，,：:]")
# "主持召开…周例会", "主持召开…推进会": a meeting whose name ends in 会 without 议.
CHAIRED_MEETING = re.compile(r"主持召开[^。；;]{0,60}?会")
# "市人民政府于2023年5月8日召开第12次常务会议", "第12次常务会议于5月8日在市政府召开": a meeting
# said to be held on a date, where the opening names no chair before it.
HELD_ON = re.compile(rf"(?:{DATE.pattern})[^。；;]{{0,40}}?召开")
PLACE = re.compile(r"在[^，,。；;]{2,30}?(?:会议室|会场|礼堂|大厅|大楼|中心|楼|厅|室)$")
# what may stand between the chair and 主持: "省长李某17日上午主持", "县长某某通过视频连线方式主持",
# "省长某某先后主持召开省政府党组会议和常务会议"
WHEN_HOW = re.compile(rf"(?:\d{{1,2}}日)?(?:{'|'.join(PERIODS)})$|(?:通过|以)[^，,。；;]{{1,12}}?(?:方式|形式)$"
                      r"|(?:即|随即|又|再次|亲自|先后|分别)$")
# "县长某某于2023年5月8日上午", "市长某某5月8日": a date between the chair and 主持, taken off the chair
CHAIR_DATE = re.compile(rf"于?\s*(?:{DATE.pattern}|\d{{1,2}}\s*日)\s*(?:{'|'.join(PERIODS)})?\s*$")
# what follows a date that stands between the chair and 主持: "上午主持召开", "在某会议室主持"
CHAIRED_AFTER = re.compile(rf"\s*(?:{'|'.join(PERIODS)})?\s*(?:在[^，,。；;]{{2,30}}?)?(?:主持|召开)")
# "李强17日上午主持": the day alone between the chair and 主持 (Arabic digits only: a name may hold 一)
MID_DAY = re.compile(r"(?<![\d月])(?P<d>\d{1,2})\s*日")


def find_start(r: Reader) -> int | None:
    """The opening paragraph ("…主持召开…会议"), or the first topic when there is none.

    A web page may show a summary of the opening above the title; when a title, number
    or publish line follows the first candidate, a later candidate is the real opening.
    """
    paras = r.paras
    first_topic = next((i for i, p in enumerate(paras)
                        if p.zone != "header" and (lv := marker_level(p.plain)) and lv[0] == 0), None)
    limit = first_topic if first_topic is not None else len(paras)
    candidates = [i for i, p in enumerate(paras[:limit]) if p.zone != "header" and _opening_like(p.plain)]
    if not candidates:
        return first_topic
    start = candidates[0]
    for later in candidates[1:]:
        if any(header_like(p.plain) for p in paras[start + 1:later]):
            start = later
    # a web title "区政府召开第86次常务会议 胡永光主持" above the opening that starts with its date
    if not _dated(paras[start].plain):
        start = next((k for k in candidates if k > start and _dated(paras[k].plain)), start)
    # a title "刘某主持召开省政府第五次常务会议" above an opening that names no date: the
    # opening is the paragraph that is sentences, the title a line of its own
    if _title_like(paras[start].plain):
        start = next((k for k in candidates if k > start and not _title_like(paras[k].plain)), start)
    return start


def _title_like(text: str) -> bool:
    return len(text) <= 60 and "。" not in text


def _dated(text: str) -> bool:
    return bool(_lead_date(text) or DAY_ONLY.match(text))


def _lead_date(text: str) -> re.Match | None:
    """The date the paragraph starts with, or that follows its news dateline ("本报讯（记者 某）")."""
    return _leading(DATE, text)


def _lead_day(text: str) -> re.Match | None:
    """"昨天上午，" where the paragraph starts, or after its news dateline."""
    return _leading(RELATIVE_LEAD, text)


def _leading(pattern: re.Pattern, text: str) -> re.Match | None:
    match = pattern.search(text[:48])
    if match is None:
        return None
    return match if match.start() == 0 or DATELINE.search(text[:match.start()]) else None


def _opening_like(text: str) -> bool:
    if len(text) <= 12:
        return False
    if "主持" in text and "会议" in text or CHAIRED_MEETING.search(text) or SAT_AT.search(text):
        return True
    if "召开" in text and ATTENDED.search(text[:200]):
        return True
    if _lead_day(text) and "召开" in text[:80]:     # "本网讯 昨天上午，市政府召开…会"
        return True
    if (held := HELD_ON.search(text[:120])) and held.start() < 60 and "会" in text[:held.end() + 30]:
        return True
    return bool(_lead_date(text) and ("会议" in text or "召开" in text))


def read_opening(r: Reader, i: int) -> int:
    """Read the opening and the intro line from paragraph ``i``; the index after them."""
    paras = r.paras
    first = paras[i]
    if marker_level(first.plain) is not None:
        r.warn("没有开头段落（“…主持召开…会议”），直接从议题开始", first, "preamble")
        r.data["decisions_intro"] = None
        return i
    whole = first.plain                 # with what the meeting did, split off below
    first = _split_run_on(r, i)
    preamble, intro = _split_intro(first.plain)
    r.preamble_para = first
    r.data["preamble"] = r.field(preamble, first, "preamble")
    _date_and_period(r, preamble)
    if r.date_match is None and r.day_match is None and r.relative_day is None:
        _headline_date(r, i, preamble)
    elif r.date_match is not None and not r.date_match["y"]:
        _headline_year(r, i)
    # where the opening was split into sentences, "某某主持会议。" may be any of them
    below = r.paras[i + 1:r.split_end] if r.agenda_split and r.split_end else r.paras[i + 1:i + 3]
    if chair := _chair(preamble) or _chair_below(below) or _form_chair(r):
        r.data["chair"] = chair
    elif found := _stand_in(whole):
        chair, role = found
        r.data["chair"] = chair
        r.warn(f"开头段落没有写谁主持会议，取{role}的{chair.get('title', '')}{chair['name']}作为主持人",
               first, "chair", hint="请核对 chair")
    if r.date_match is None and r.day_match is None and (time := r.form.get("时间")):
        _form_date(r, time)
    _session_and_meeting(r, preamble)
    if m := SESSION_YEAR.search(preamble):
        r.session_year = int(m["y"])
    elif _named_for_its_month(r, preamble):
        r.session_year = int(NAMED_MONTH.search(preamble)["y"])
    i += 1
    r.data["decisions_intro"] = None
    if intro:
        _store_intro(r, intro, first)
    elif i < len(paras) and INTRO.match(paras[i].plain) and len(paras[i].plain) <= 30:
        _store_intro(r, paras[i].plain, paras[i])
        i += 1
    return i


def _named_for_its_month(r: Reader, text: str) -> bool:
    """A meeting named "2026年2月…会议" on a day of that month is held in that year, as a
    "2026年第3次" meeting is; in another month the name is not this meeting's."""
    m = NAMED_MONTH.search(text)
    return bool(m and r.date_match is not None and not r.date_match["y"]
                and int(m["m"]) == parse_chinese_number(r.date_match["m"]))


def _headline_date(r: Reader, i: int, preamble: str) -> None:
    """The date of a headline that repeats the opening ("2026年1月19日下午，区长某主持召开区政府
    常务会议" above "2026119下午区长某主持召开…"), where the opening's own date is garbled or gone.

    Only a full date, and only when the headline goes on in the opening's own words."""
    for line in (p.plain for p in reversed(r.paras[max(0, i - 4):i])):
        date, had_year, m = parse_date(line[:16])
        if date and had_year and m.start() == 0 and _title_like(line) and _repeats(line[m.end():], preamble):
            r.date_match = m
            r.data["date"] = date
            if period := PERIOD.match(line[m.end():]):
                r.data["period"] = period.group(1)
            r.warn(f"开头段落中的日期无法读取，会议日期取自重复开头的标题“{line[:m.end()]}”",
                   r.paras[i], "date", hint="请核对 date")
            return


def _headline_year(r: Reader, i: int) -> None:
    """The year of a headline's full date on the opening's own month and day ("2023年12月12日区政府
    召开第62次常务会议" above "12月12日上午，区长某主持召开…"): the headline dates the same meeting."""
    month, day = parse_chinese_number(r.date_match["m"]), parse_chinese_number(r.date_match["d"])
    for line in (p.plain for p in reversed(r.paras[max(0, i - 4):i])):
        date, had_year, m = parse_date(line[:24])
        if date and had_year and (date.month, date.day) == (month, day) and _title_like(line) \
                and ("召开" in line or "会" in line[m.end():]):
            r.data["date"] = date
            r.warn(f"会议日期“{r.date_match.group(0)}”没有写年份，年份 {date.year} 取自标题“{line[:30]}”",
                   r.paras[i], "date", hint="请核对 date")
            return


def _repeats(headline: str, opening: str) -> bool:
    """Whether the opening repeats ten or more of the headline's first words, 主持 or 召开 among
    them (punctuation aside; a page's next line may be run into the headline)."""
    rest, said = (re.sub(rf"[^{HAN}\w]", "", x) for x in (headline, opening[:100]))
    head = next((rest[:k] for k in range(len(rest), 9, -1) if rest[:k] in said), "")
    return "主持" in head or "召开" in head


def _split_run_on(r: Reader, i: int) -> Para:
    """The opening alone, when what the meeting did runs on in its paragraph.

    A copy whose lines were joined, or a page that never breaks, has "…主持召开…会议。会议
    强调，……。会议要求，……" as one paragraph. Where no later paragraph holds a topic, each
    "会议…" sentence (and what the first sentence is followed by, "传达学习了……") opens a
    paragraph of its own, so the topics are read from them rather than lost in the preamble.
    """
    p = r.paras[i]
    if any((UNNUMBERED_TOPIC.match(q.plain) or MEETING_SAID.match(q.plain) or marker_level(q.plain))
           and not OTHER_MATTERS.match(q.plain) for q in r.paras[i + 1:]):
        return p
    text = p.text
    chair = _chair(text.split("。")[0]) or {}
    speaker = re.compile(rf"(?:他|她|{re.escape(chair['name'])})(?:在讲话中|在会上)?(?:强调|指出|要求|表示)"
                         if chair.get("name") else r"(?:他|她)(?:在讲话中|在会上)?(?:强调|指出|要求|表示)")
    # "市委副书记、市长某某说，", then "某某强调，": a leader named with his title speaks, and
    # speaks again by his name alone
    names = [m["name"] for m in TITLED_SPEAKER.finditer(text)]
    again = re.compile(rf"(?:{'|'.join(map(re.escape, names))}){SPEECH}") if names else None
    cuts = [m.end() for k, m in enumerate(re.finditer(r"。\s*", text))
            if MEETING_SAID.match(text[m.end():]) or speaker.match(text[m.end():])
            or TITLED_SPEAKER.match(text[m.end():]) or (again and again.match(text[m.end():]))
            or (k == 0 and AGENDA.match(text[m.end():]))]
    cuts = [c for c in cuts if c < len(text) and ("主持" in text[:c] or "召开" in text[:c])]
    if not cuts and (m := AGENDA_CLAUSE.search(text)) and len(text) - m.end() >= 10:
        # one sentence only: "…主持召开区政府第27次常务会议，传达学习……，听取……。"
        cuts = [m.end()]
    if not cuts:
        return p
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    r.paras[i:i + 1] = [Para([Line(x, lineno=p.lineno, page=p.page, zone=p.zone)]) for x in pieces]
    r.agenda_split = True
    r.split_end = i + len(pieces)
    r.warn(f"开头段落中接着写了会议的内容，按句分出 {len(pieces) - 1} 段作为议题", p, "topics")
    return r.paras[i]


def _split_intro(text: str) -> tuple[str, str | None]:
    """Web copies run "会议议定以下意见：" into the opening paragraph; the print sets it apart."""
    head, sep, tail = text.rstrip().rpartition("。")
    if sep and tail and INTRO.match(tail) and len(tail) <= 30:
        return head + sep, tail
    return text, None


def _store_intro(r: Reader, text: str, para: Para) -> None:
    if not text.endswith(("：", ":")):
        r.warn(f"“{text}”后面缺少冒号（原样保留）", para, "decisions_intro")
    r.data["decisions_intro"] = r.field(text, para, "decisions_intro")


def _date_and_period(r: Reader, text: str) -> None:
    """The date that starts the paragraph; without its year it is left to ``identity``."""
    date, _, match = parse_date(text[:40])
    if match is not None and r.dateline is None and (after := _dateline_end(text, match)):
        # "萧山网4月28日讯（记者 某）今天下午，…", "某某新闻网2023年11月21日讯 11月20日，…": the
        # date is the news report's; the meeting's date, or "今天", follows the dateline
        r.dateline = (date, bool(match["y"]), match)
        _date_and_period(r, text[after:])
        return
    if match is not None and match.start() > 2 and not DATED_RELATIVE.fullmatch(text[:match.start()]) \
            and not _between_chair_and_verb(text, match):
        # "为加快……，2024年11月14日上午，……主持召开": a purpose clause may come first
        lead = text[:match.start()]
        # "县人民政府于2023年5月8日召开第12次常务会议": the meeting held on that date
        held = lead.rstrip().endswith("于") and "召开" in text[match.end():match.end() + 30]
        if not (lead.endswith(("，", ",")) or DATELINE.search(lead) or held) \
                or "主持" in lead or "召开" in lead:
            return
    if match is None and (day := _mid_day(text)):
        r.day_match = day
        if p := PERIOD.match(text[day.end():]):
            r.data["period"] = p.group(1)
        return
    if match is None:
        at = min((k for k in (text.find("主持"), text.find("召开")) if k >= 0), default=-1)
        if at > 0 and (rel := RELATIVE_DAY.search(text[:at])):     # "昨日下午，市长某主持召开"
            r.relative_day = (rel["w"], RELATIVE_OFFSET[rel["w"]])
        if found := _lead_day_only(text):     # "3日下午，…" as 广州 and 句容 publish it
            day, rest = found
            r.day_match = day
            if p := PERIOD.match(rest[day.end():]):
                r.data["period"] = p.group(1)
        return
    r.date_match = match
    if date:
        r.data["date"] = date
    if p := PERIOD.match(text[match.end():].lstrip(")）")):
        r.data["period"] = p.group(1)


def _dateline_end(text: str, match: re.Match) -> int | None:
    """Where a news dateline that holds a date ends ("萧山网4月28日讯（记者 某）", "新华社北京3月5日电"):
    a site's name, the date, 讯 or 电. None for a date that is anything else."""
    lead = text[:match.start()]
    if len(lead) > 16 or not re.fullmatch(rf"[{HAN}]*", lead) or "主持" in lead or "召开" in lead:
        return None
    tail = DATELINE_TAIL.match(text, match.end())
    return tail.end() if tail and tail.end() < len(text) else None


def _lead_day_only(text: str) -> tuple[re.Match, str] | None:
    """"3日下午，" where the paragraph starts, or after what may come first as it does before a
    full date: a purpose clause ending in a comma ("按照某某要求，18日，…主持召开") or a news
    dateline ("本报讯（记者 某）3日下午，"). The match is on the rest, returned with it."""
    if day := DAY_ONLY.match(text):
        return day, text
    for cut in (m.end() for m in re.finditer(r"[，,\s）)]", text[:60])):
        lead, rest = text[:cut], text[cut:]
        if "主持" in lead or "召开" in lead:
            return None
        if (lead.rstrip().endswith(("，", ",")) or DATELINE.search(lead)) and (day := DAY_ONLY.match(rest)):
            return day, rest
    return None


def _between_chair_and_verb(text: str, match: re.Match) -> bool:
    """Whether the date stands between the chair and 主持 ("省长李某17日上午主持召开", "县长某某于
    2023年5月8日主持召开"): the first clause, before it, names no verb, and 主持 or 召开 follows it."""
    lead = text[:match.start()]
    return (0 < len(lead) <= 30 and not re.search(r"[，,。；;：:（()）]", lead)
            and "主持" not in lead and "召开" not in lead and bool(CHAIRED_AFTER.match(text, match.end())))


def _mid_day(text: str) -> re.Match | None:
    """"17日" between the chair and 主持, where the opening gives the day alone."""
    day = MID_DAY.search(text[:40])
    return day if day and _between_chair_and_verb(text, day) else None


def _session_and_meeting(r: Reader, text: str) -> None:
    """第96次常务会议 after 召开 (anywhere when the paragraph lacks 召开), or before "…会议召开"."""
    while ASIDE.search(text):        # "全体（扩大）会议", "（安委会2025年第三次会议）": asides
        text = ASIDE.sub("", text)
    head, _, after = text.partition("召开") if "召开" in text else ("", "", text)
    m = _held(after[:60]) or (_held(text) if not head else None) \
        or _held(head.rpartition("。")[2], last=True)       # "市政府第五次全体会议召开"
    if head and after[:1] in ("。", "，", ",", "；", ";") and (named := _held(head.rpartition("。")[2], last=True)):
        # "市政府第六次全体会议在市政务中心召开。会议听取了……人大三次会议……": where 召开 ends its
        # clause, the meeting is the one named before it, not one the next sentence speaks of
        m = named
    if not m and text.count("召开") > 1:     # a headline run into the opening: its own 召开 is later
        for later in list(re.finditer("召开", text))[1:]:
            if m := _held(text[later.end():later.end() + 60]):
                head, after = text[:later.start()], text[later.end():]
                break
    if m and m["num"]:
        try:
            r.data["session"] = parse_chinese_number(m["num"])
        except ValueError:
            pass
        if m["term"]:
            r.data["term"] = term_of(m)
        meeting = meeting_of(m["meeting"] or "")
        if meeting in ("会", "会议"):   # "县政府党组第3次会议": the name stands before 第N次
            meeting = _named_before(m.string[:m.start()]) or meeting
        if meeting and MEETING_NAME.match(meeting):
            r.data.setdefault("meeting", meeting)
    elif named := _named_then_held(head, after) or _joined_to_study(after):
        r.data.setdefault("meeting", named)
    elif m := re.search(r"召开[^，,。]{0,12}?(?P<meeting>[\u4e00-\u9fff]{2,8}会议?)", text):
        meeting = re.sub(r"^.*?政府", "", m["meeting"])
        lead = re.sub(r"^\s*(?:19|20)\d{2}\s*年", "", text[m.start() + 2:m.start("meeting")].strip("了"))
        if lead and (kind := re.search(KIND_TAIL, meeting)):   # "…推进情况专题调度会议"
            meeting = kind.group(0)
        if meeting == "扩大会议" and (organ := re.search(r"党组$", text[:m.start()])):
            meeting = organ.group(0) + meeting                 # "省政府党组召开扩大会议"
        if MEETING_NAME.match(meeting) and len(meeting) > 2:
            r.data.setdefault("meeting", meeting)
    elif kind := _kind_of_long_name(after):
        r.data.setdefault("meeting", kind)


def _held(text: str, last: bool = False) -> re.Match | None:
    """第N次…会议 of this meeting: not one whose 精神 it studies ("传达学习…领导小组第一次
    会议精神", "学习贯彻省第十次党代会精神"); with ``last``, one in the clause that ends
    ``text`` (the meeting that 召开, not "市人大一次会议刚闭幕，市长某主持召开…")."""
    for m in SESSION.finditer(text):
        if not text.startswith("精神", m.end()) and not _studied(text[:m.start()]) \
                and (not last or not re.search(r"[，,；;]", text[m.end():])):
            return m
    return None


def _studied(before: str) -> bool:
    """Whether a meeting named after ``before`` is one whose spirit this meeting conveys:
    "…常务会议，传达省委十三届六次全会、……精神" names the plenum in a clause of 传达."""
    clause = re.split(r"[，,；;。]", before)[-1]
    return re.search(r"传达|学习|贯彻|领会", clause) is not None


def _named_then_held(head: str, after: str) -> str | None:
    """重点项目周调度会议 from "10月28日，全市重点项目周调度会议召开，……": the name before
    召开 when 召开 ends its clause, the owner ("全市", "区政府") taken off."""
    if not head or (after and after[0] not in "，,。；; \u3000"):
        return None
    clause = re.split(r"[，,。；;]", head)[-1]
    clause = re.sub(r"在[^，,。；;]{1,20}$", "", clause)     # "…调度会议在拳铺镇召开": where it sat
    m = re.search(r"[\u4e00-\u9fff]{2,16}会议?$", clause)
    if not m:
        return None
    name = meeting_of(re.sub(r"^.*?(?:\d{4}年|第\s*\S{1,4}\s*次)", "", m.group(0)))
    # the owner: "全市", "梁山县" (a place of two or three characters) before a name of four or more
    name = re.sub(r"^(?:全|[\u4e00-\u9fff]{2,3})[省市县区旗州盟](?=[\u4e00-\u9fff]{4})", "", name)
    return name if MEETING_NAME.match(name) and len(name) > 2 else None


def _joined_to_study(after: str) -> str | None:
    """党组会议 from "召开县政府党组理论学习中心组学习会议暨党组会议": a study session held
    together (暨) with a meeting does not name its kind; the meeting does."""
    clause = re.split(r"[，,。；;]", after)[0]
    parts = clause.split("暨")
    if len(parts) < 2 or not re.search(r"学习(?:会议?|研讨会)$", parts[0]):
        return None
    rest = next((x for x in parts[1:] if not re.search(r"学习(?:会议?|研讨会)$", x)), "")
    name = re.sub(r"^.*?(?:政府|[省市县区旗])(?=[\u4e00-\u9fff]{2,}会)", "", rest)
    return name if MEETING_NAME.match(name) and len(name) > 2 else None


def _named_before(head: str) -> str | None:
    """党组会议 from "…2022年县政府党组" before 第3次会议."""
    m = re.search(r"[\u4e00-\u9fff]{2,12}$", head)
    name = meeting_of(re.sub(r"^.*?年", "", m.group(0)) + "会议") if m else ""
    return name if MEETING_NAME.match(name) and len(name) > 2 and "政府" not in name else None


def _kind_of_long_name(after: str) -> str | None:
    """专题调度会议 from "召开2022年市政府工作报告重点工作任务推进情况专题调度会议，…": a
    meeting named for its subject is of the kind its name ends with."""
    m = re.match(r"[^，,。；;]{2,60}?会议?(?=[，,。；;]|$)", after)
    kind = re.search(KIND_TAIL, m.group(0)) if m else None
    return kind.group(0) if kind else None


# Who stands as chair where the opening names nobody as 主持 (the reader warns): who
# 出席并讲话, who 召开 it ("常务副区长某某召开…调度会"), who spoke at it ("市长某某强调，");
# the last two only with a title, a bare name before 召开 or 强调 being too often a unit's.
STAND_INS = ((ATTENDED, "“出席会议并讲话”", False), (re.compile("召开"), "召开会议", True),
             (SPOKE, "在会上讲话", True))


def _stand_in(text: str) -> tuple[dict, str] | None:
    if "主持" in text:
        return None
    for pattern, role, titled in STAND_INS:
        if (m := pattern.search(text)) and (chair := _chair_at(text, m.start())) \
                and ("title" in chair or not titled):
            return chair, role
    return None


def _chair(text: str) -> dict | None:
    """李亚平市长 (or 市长李亚平) before 主持; a bare name when no title is known.

    A headline run into the opening ("消息来源：某网 尹某主持召开…工作 记者 某8月21日，省长尹某
    主持召开…") puts a 主持 before the opening's own: each is tried in turn.
    """
    for m in re.finditer("主持", text):
        if chair := _chair_at(text, m.start()):
            return chair
    return None


def _chair_at(text: str, at: int) -> dict | None:
    clause = re.split(r"[，,。；;]", text[:at])[-1]
    _, _, match = parse_date(clause)
    if match is not None and match.start() == 0:
        clause = clause[match.end():]
    clause = PERIOD.sub("", clause)
    clause = re.sub(r"^(?:会议)?(?:由|在)", "", clause)      # "会议由市长某某主持"
    clause = WHEN_HOW.sub("", CHAIR_DATE.sub("", PLACE.sub("", WHEN_WORD.sub("", clause))))
    clause = clause.split("、")[-1]
    clause = re.sub(r"同志$", "", clause)
    clause = re.sub(r"受.{1,14}?委托", "", clause)
    if m := re.fullmatch(rf"(?P<name>[{HAN}·]{{2,6}}?)(?P<title>{TITLE_RE})", clause):
        return {"name": m["name"], "title": m["title"]}
    if m := re.fullmatch(rf"(?:.*?)(?P<title>{TITLE_RE})(?P<name>[{HAN}·]{{2,4}})", clause):
        return {"name": m["name"], "title": m["title"]}
    if kb.name_score(clause):
        return {"name": clause}
    if "在" in clause[2:]:          # "…副主任刘洪在区建委主持": the place, whatever it is
        return _chair_in(clause[:clause.rindex("在")])
    return None


def _chair_below(paras: list[Para]) -> dict | None:
    """"区长王某主持会议。" in the paragraph after an opening that names no chair."""
    for p in paras:
        for sentence in p.plain.split("。"):
            if "主持" in sentence and "召开" not in sentence and (chair := _chair(sentence)):
                return chair
    return None


def _form_chair(r: Reader) -> dict | None:
    """"会议主持人：区委副书记、区长杨某" from the page's form."""
    value = r.form.get("主持人") or r.form.get("主持")
    return _chair(value + "主持") if value else None


def _form_date(r: Reader, value: str) -> None:
    """"会议时间：2023年11月20日（星期一）上午9:30": the meeting's date, when the opening has none."""
    date, _, match = parse_date(value)
    if match is None:
        return
    r.date_match = match
    if date:
        r.data["date"] = date
        r.warn(f"会议日期取自网页的“会议时间”栏：{value[:20]}", None, "date")


def _chair_in(clause: str) -> dict | None:
    if m := re.fullmatch(rf"(?P<name>[{HAN}·]{{2,6}}?)(?P<title>{TITLE_RE})", clause):
        return {"name": m["name"], "title": m["title"]}
    if m := re.fullmatch(rf"(?:.*?)(?P<title>{TITLE_RE})(?P<name>[{HAN}·]{{2,4}})", clause):
        return {"name": m["name"], "title": m["title"]}
    return None
