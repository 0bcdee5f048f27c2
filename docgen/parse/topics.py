"""Topics 一、 with their items （一） 1. （1）, paragraphs without a number, closing paragraphs.

Markers are layout and are taken off; their levels are ranked as found, so a copy that
goes 一、 then 1. (no （一）) still nests. Web copies without any numbering get one topic
per paragraph, titled by its first sentence, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import DocgenError
from ..model.numbering import PRINTED_NUMERALS, marker_level, parse_chinese_number
from .landmarks import FOOTER, INTRO, plain_tail, tail_start
from .reader import Reader
from .text import Para

ADVERBS = r"(?:还|同时|先后|专门|首先|集中|认真|逐项|分别)*"
UNNUMBERED_TOPIC = re.compile(rf"^会议{ADVERBS}(?:听取|审议|书面审议|审定|研究|讨论|传达|学习)")
# What only a meeting's record says: "会议强调，……", "会议还传达学习了……", "会上，……"; a web
# summary that numbers nothing and never writes "会议听取了" is still minutes when it says these.
MEETING_SAID = re.compile(rf"^(?:会议{ADVERBS}(?:听取|审议|审定|研究|讨论|传达|学习|强调|指出|要求|认为"
                          r"|决定|议定|明确|同意|原则|分析|部署|通报|以)|会上[，,])")
# "杨俊在讲话中指出，……", "张海波说，……": what one of the meeting's leaders said
LEADER_SAID = re.compile(r"^([\u4e00-\u9fff·]{2,6}?)(?:在(?:讲话|总结讲话)中|在会上|在会议上|最后)?"
                         r"(?:指出|强调|要求|表示|说)[，,：:]")
# the opening names the speaker as a leader of this meeting: "…杨俊出席会议并讲话", "黄哲主持",
# "市长某某强调"
LEADER_ROLE = r"[^，。；]{0,8}?(?:主持|出席(?:会议)?并(?:作)?讲话|讲话|强调|指出|要求)"
# After the topics: "会议还研究了其他事项。", and attendance written as prose where an office
# puts it last ("参加此次会议的有：……", "县政府副县长及办公室主任出席会议。").
CLOSING = re.compile(r"^(?:会议还|会议同时|此外|另外|参加(?:此次|本次)?会议的(?:有|人员|还有)|列席会议的)"
                     r"|^[^。]{2,80}(?:出席|列席)(?:了)?会议。$")
# "会议还研究了其他事项。": the stock last line, never a topic of its own even where it is the
# only paragraph after an opening that holds everything the meeting did.
OTHER_MATTERS = re.compile(r"^会议(?:还|同时)?(?:研究|讨论|审议|听取)了?(?:其他|其它|有关|相关)?"
                           r"(?:事项|工作|问题)(?:等)?[。.]?$")
ARABIC = 2                       # the marker form "1." (``PRINTED_MARKERS[2]``)
ARABIC_NUMBER = re.compile(r"^(\d{1,2})\s*[.．、]\s*")

Closing = list[tuple[str, Para]]
Level = tuple[int, str] | None


@dataclass
class _Node:
    text: str
    para: Para
    items: list["_Node"] = field(default_factory=list)


@dataclass
class _Topic:
    title: str
    para: Para
    items: list[_Node] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def read_topics(r: Reader, i: int) -> int:
    """Read the topics from paragraph ``i``; the index where the tail begins."""
    end = _body_end(r, i)
    body = r.paras[i:end]
    levels = _levels(body)
    topics, closing = _numbered(r, body, levels) if any(levels) else _unnumbered(r, body)
    _store(r, topics, closing)
    r.last_text = _last_text(topics, closing)
    return end


def _body_end(r: Reader, i: int) -> int:
    paras = r.paras
    end = len(paras)
    for j in range(i, len(paras)):
        if tail_start(paras[j]) or FOOTER.match(paras[j].plain):
            end = j
            break
    # a tail without labels: "…整理", the date and "（此件公开发布）" close the body
    while end > i and plain_tail(paras[end - 1]):
        end -= 1
    return end


def _levels(body: list[Para]) -> list[Level]:
    """Each paragraph's marker form and its text without the marker.

    "1.2024年底前…" may be item 1 on a year or the figure 1.2, and ``marker_level`` reads
    every such "1." as a figure. The list decides: a "1." that carries the number the list
    expects next, where the list is plainly there, is a marker.
    """
    levels = [marker_level(p.plain) for p in body]
    expected = 1
    for k, p in enumerate(body):
        number = _arabic_number(p.plain)
        if levels[k] is None and number == expected and _list_evident(body, levels, k, number):
            levels[k] = (ARABIC, ARABIC_NUMBER.sub("", p.plain, count=1))
        level = levels[k]
        if level is not None and level[0] < ARABIC:
            expected = 1                  # a new topic or （一） item starts its own 1. list
        elif level is not None and level[0] == ARABIC and number is not None:
            expected = number + 1
    return levels


def _arabic_number(text: str) -> int | None:
    match = ARABIC_NUMBER.match(text)
    return int(match.group(1)) if match else None


def _list_evident(body: list[Para], levels: list[Level], k: int, number: int) -> bool:
    """Whether a "N." figure at ``k`` sits where a 1. list is: item N-1 came before it, a
    （一） item stands right above item 1 (an item has no paragraphs of its own before its
    sub-items), or item 2 follows item 1."""
    if number > 1:
        return True
    above = levels[k - 1] if k else None
    if above is not None and above[0] == ARABIC - 1:
        return True
    for j in range(k + 1, len(body)):
        level = levels[j]
        if level is not None and level[0] > ARABIC:
            continue                      # item 1's own （1） items
        return (level is None or level[0] == ARABIC) and _arabic_number(body[j].plain) == number + 1
    return False


def _numbered(r: Reader, body: list[Para], levels: list[Level]) -> tuple[list[_Topic], Closing]:
    """The tree of topics and items; text before the first topic joins the opening."""
    rank = {level: k for k, level in enumerate(sorted({lv[0] for lv in levels if lv}))}
    topics: list[_Topic] = []
    closing: Closing = []
    stack: list[_Node] = []
    preamble_extra: list[Para] = []
    last: dict[int, int] = {}                 # depth → the number last seen there
    for k, (p, lv) in enumerate(zip(body, levels)):
        text = p.plain
        if lv is not None:
            level, rest = rank[lv[0]], lv[1]
            if level == 0 or not topics:     # an item before any topic stands as a topic
                _in_sequence(r, last, 0 if level == 0 else -1, p, rest)
                topics.append(_Topic(rest, p))
                if level == 0:
                    stack = []
                continue
            depth = min(level, len(stack) + 1)
            if depth != level:
                r.warn(f"编号层次跳级：“{text[:12]}”", p)
            _in_sequence(r, last, depth, p, rest)
            node = _Node(rest, p)
            stack = stack[:depth - 1]
            (stack[-1].items if stack else topics[-1].items).append(node)
            stack.append(node)
        elif not topics:
            preamble_extra.append(p)
        elif closing or (CLOSING.match(text) and all(level is None for level in levels[k:])):
            # "会议还要求……" after the last topic closes the minutes; between items it is
            # the topic's own paragraph, and moving it to the end would reorder the text
            closing.append((text, p))
        elif not topics[-1].items:
            topics[-1].body.append(text)
        elif all(level is None for level in levels[k:]):
            closing.append((text, p))
        else:
            r.warn("分项之后的段落没有编号，归入该议题的正文段落（排版时位于分项之前）", p)
            topics[-1].body.append(text)
    if preamble_extra:
        _join_preamble(r, preamble_extra)
    return topics, closing


def _in_sequence(r: Reader, last: dict[int, int], depth: int, p: Para, rest: str) -> None:
    """Warn where a number is not the one after the last at its depth ("一、" then "五、",
    a second "（三）"): the copy may have lost text there, and the render numbers afresh."""
    marker = p.plain[:len(p.plain) - len(rest)].strip()
    found = re.search(rf"\d+|[{PRINTED_NUMERALS}]+", marker)
    try:
        digits = found.group()
        number = int(digits) if digits.isdigit() else parse_chinese_number(digits)
    except (AttributeError, ValueError):
        return
    expected = last.get(depth, 0) + 1
    if number != expected and depth >= 0:
        what = "重复" if number == expected - 1 else "不连续"
        r.warn(f"编号{what}：“{marker}”处应为第 {expected} 项（排版时按顺序重新编号）", p)
    last[depth] = number
    for deeper in [d for d in last if d > depth]:
        del last[deeper]


def _join_preamble(r: Reader, extra: list[Para]) -> None:
    """Paragraphs between the opening and the first topic join the opening, in the order
    written: an intro already taken ("…参加了会议。现纪要如下：") goes back into the text
    before them, and the last of them leads into the topics when it is an intro itself
    ("会议议定了如下事项："); else "现纪要如下：" would print after what followed it."""
    r.warn(f"开头段落之后、第一个议题之前有 {len(extra)} 段文字，并入开头段落", extra[0], "preamble")
    texts = [p.plain for p in extra]
    intro = texts.pop() if INTRO.match(texts[-1]) and len(texts[-1]) <= 30 else None
    r.data["preamble"] = ((r.data.get("preamble") or "") + (r.data.get("decisions_intro") or "")
                          + "".join(texts))
    r.data["decisions_intro"] = intro


def _unnumbered(r: Reader, body: list[Para]) -> tuple[list[_Topic], Closing]:
    """One topic per paragraph, when there is evidence these are minutes at all."""
    evidence = any("纪要" in p.plain for p in r.paras) or r.data.get("decisions_intro") or r.agenda_split or \
        _chaired(r) or any(UNNUMBERED_TOPIC.match(p.plain) or _said_by_meeting(r, p.plain) for p in body)
    if not body or not evidence:
        raise DocgenError.one("这不是一份会议纪要：没有议题（“一、…”或“会议听取/审议了…”段落），"
                              "也没有“纪要”字样", file=r.name,
                              hint="docgen parse 读取会议纪要的存档文本、PDF 或 DOCX")
    topics: list[_Topic] = []
    closing: Closing = []
    # "会议听取了……" opens each topic where the office numbers none; a paragraph that does
    # not ("会议强调，……") goes on the topic above it.
    flagged = any(UNNUMBERED_TOPIC.match(p.plain) for p in body)
    for p in body:
        text = p.plain
        closes = topics and (closing or CLOSING.match(text))
        if closes or (OTHER_MATTERS.match(text) and len(body) > 1):
            closing.append((text, p))
            continue
        if flagged and topics and not UNNUMBERED_TOPIC.match(text):
            topics[-1].body.append(text)
            continue
        head, sep, rest = text.partition("。")
        topic = _Topic(head if sep else text, p)
        if sep and rest:
            topic.body.append(rest)
        topics.append(topic)
    for topic in topics:
        # a topic of one sentence keeps it as its content; one with paragraphs after its
        # "会议听取了……汇报。" has them, and would otherwise print its title twice
        if not topic.body:
            topic.body.append(topic.para.plain)
    if flagged:
        r.warn("议题没有编号（一、二、…）：每个“会议听取了/审议了……”段落作为一个议题，标题取首句",
               body[0], "topics")
    else:
        r.warn("议题没有编号（一、二、…），也没有“会议听取了……”段落：每段作为一个议题，标题取首句",
               body[0], "topics")
    return topics, closing


def _chaired(r: Reader) -> bool:
    """An opening that names who chaired the meeting, or its 会次, records a meeting, whatever
    its paragraphs start with: refused are only texts with no meeting in them (a fair, a visit)."""
    return bool(r.data.get("chair") or r.data.get("session"))


def _said_by_meeting(r: Reader, text: str) -> bool:
    """"会议强调，……", "会上，……", or a leader of the meeting's "李旭要求，……" (the chair, or
    whoever the opening says 出席并讲话): the meeting's own words, not a news story's."""
    if MEETING_SAID.match(text):
        return True
    said = LEADER_SAID.match(text)
    if not said:
        return False
    name = said.group(1)
    opening = r.preamble_para.plain if r.preamble_para is not None else ""
    return name == (r.data.get("chair") or {}).get("name") or \
        bool(re.search(re.escape(name) + LEADER_ROLE, opening))


def _store(r: Reader, topics: list[_Topic], closing: Closing) -> None:
    out = []
    for t, topic in enumerate(topics):
        path = f"topics[{t}]"
        title = r.field(topic.title, topic.para, f"{path}.title")
        if not topic.items and not topic.body:   # a topic must have content: split its title
            head, sep, rest = title.partition("。")
            if sep and rest:
                title, topic.body = head, [rest]
            else:
                r.warn(f"议题“{title[:20]}”没有内容，标题同时记作正文", topic.para, f"{path}.body")
                topic.body = [title]
        entry: dict[str, Any] = {"title": title}
        if topic.items:
            entry["items"] = [_item(r, node, f"{path}.items[{k}]") for k, node in enumerate(topic.items)]
        if topic.body:
            entry["body"] = [r.field(b, topic.para, f"{path}.body[{k}]") for k, b in enumerate(topic.body)]
        out.append(entry)
    r.data["topics"] = out
    if closing:
        r.data["closing"] = [r.field(text, p, f"closing[{k}]") for k, (text, p) in enumerate(closing)]


def _item(r: Reader, node: _Node, path: str) -> Any:
    """A bare string, or {text, items} when it nests: the shape a clerk writes."""
    text = r.field(node.text, node.para, f"{path}" if not node.items else f"{path}.text")
    if not node.items:
        return text
    return {"text": text, "items": [_item(r, n, f"{path}.items[{k}]") for k, n in enumerate(node.items)]}


def _last_text(topics: list[_Topic], closing: Closing) -> tuple[str, Para | None, str] | None:
    """The body's last words and where they are: the end of the closing or the deepest item."""
    if closing:
        return closing[-1][0], closing[-1][1], f"closing[{len(closing) - 1}]"
    if not topics:
        return None
    last = topics[-1]
    topic_path = f"topics[{len(topics) - 1}]"
    if last.items:
        node, path = last.items[-1], f"{topic_path}.items[{len(last.items) - 1}]"
        while node.items:
            path += f".items[{len(node.items) - 1}]"
            node = node.items[-1]
        return node.text, node.para, path
    if last.body:
        return last.body[-1], last.para, f"{topic_path}.body[{len(last.body) - 1}]"
    return None
