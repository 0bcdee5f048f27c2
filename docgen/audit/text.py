"""Body text checks on paragraphs from either format: numbering in order, heading faces,
first-line indents and half-width punctuation in Chinese text."""

from __future__ import annotations

import re
from collections import Counter

from ..gbt9704 import BODY
from ..model.numbering import PRINTED_MARKERS, parse_chinese_number
from ..parse.reader import HALF_PUNCT
from . import rules
from .faces import HEI, KAI
from .findings import Report
from .paragraphs import ATTENDANCE, BodyPara

MAX_SHOWN = 5
LEVEL_NAMES = ("一级（一、）", "二级（（一））", "三级（1.）", "四级（（1））")
HEADING_FACES = {0: HEI, 1: KAI}
NUMBER = re.compile(r"[\d一二三四五六七八九十百零〇○]+")


def body_start(paras: list[BodyPara]) -> list[BodyPara]:
    """The paragraphs after the header's 期号 and 编发 lines: from the first indented one
    of some length (or, in a document with no indents, the first long one)."""
    for test in (lambda p: p.indent is not None and 1.4 <= p.indent <= 2.6 and len(p.text) >= 12,
                 lambda p: len(p.text) >= 20):
        for i, p in enumerate(paras):
            if test(p):
                return paras[i:]
    return paras


def level_of(text: str) -> tuple[int, int] | None:
    """(level 0–3, its number) of a paragraph that starts with a numbering marker."""
    for level, pattern in enumerate(PRINTED_MARKERS):
        found = pattern.match(text)
        if found:
            digits = NUMBER.search(found.group(0))
            try:
                return level, parse_chinese_number(digits.group(0)) if digits else 0
            except ValueError:
                return None
    return None


def check_numbering(paras: list[BodyPara], report: Report, source: str) -> None:
    counters = [0, 0, 0, 0]
    shown = 0
    for p in paras:
        found = level_of(p.text)
        if found is None:
            continue
        level, n = found
        if n != counters[level] + 1 and shown < MAX_SHOWN:
            shown += 1
            previous = f"上一个是第 {counters[level]} 个" if counters[level] else "这是本层第一个"
            report.add(rules.NUMBERING, f"{LEVEL_NAMES[level]}序数“{p.text[:4]}”（{previous}）",
                       f"第 {counters[level] + 1} 个", p.where,
                       "按顺序重排这一层的序数（一、二、三……），不要跳号或重号", source)
        counters[level] = n
        for deeper in range(level + 1, 4):
            counters[deeper] = 0


def check_heading_faces(paras: list[BodyPara], report: Report, source: str) -> None:
    wrong: dict[int, list[BodyPara]] = {}
    for p in paras:
        found = level_of(p.text)
        if found and found[0] in HEADING_FACES and p.marker_face and p.marker_face != HEADING_FACES[found[0]]:
            wrong.setdefault(found[0], []).append(p)
    for level, found in wrong.items():
        p = found[0]
        want = HEADING_FACES[level]
        report.add(rules.HEADING_FACE, f"{LEVEL_NAMES[level]}标题“{p.text[:6]}”用{p.marker_face}"
                   f"（共 {len(found)} 处）", want, p.where,
                   f"把{LEVEL_NAMES[level]}标题改为三号{want}", source)


def check_indents(paras: list[BodyPara], report: Report, source: str) -> None:
    """A paragraph's first line is two cells in; centred or right-set lines (> 6 cells) and
    the hanging lines of 出席/列席 are not paragraphs' first lines."""
    want = BODY.first_indent
    wrong = []
    attendance = False
    for p in paras:
        if p.text.startswith(ATTENDANCE):
            attendance = True
        elif attendance and p.indent is not None and want + 0.6 < p.indent <= 6.5:
            continue                  # a list's further units, aligned after 列席：
        else:
            attendance = False
        if p.indent is not None and (p.indent < want - 0.6 or want + 0.6 < p.indent <= 6):
            wrong.append(p)
    if wrong:
        p = wrong[0]
        report.add(rules.INDENT, f"“{p.text[:8]}”段首空 {p.indent:.1f} 字（共 {len(wrong)} 段）",
                   f"段首空 {want} 字，回行顶格", p.where,
                   f"把正文段落设为首行缩进 {want} 字符", source)


def check_punctuation(paras: list[BodyPara], report: Report, source: str) -> None:
    counts: Counter[str] = Counter()
    first: BodyPara | None = None
    for p in paras:
        found = HALF_PUNCT.findall(re.sub(r"[\s\u3000]", "", p.text))
        if found:
            counts.update(found)
            first = first or p
    if first is not None:
        shown = "、".join(f"“{ch}”{n} 个" for ch, n in counts.most_common())
        report.add(rules.PUNCTUATION, f"中文中有半角标点：{shown}", "全角标点（，：；？！（））",
                   first.where, "把中文句子中的半角标点改为全角（如“,”改为“，”，“:”改为“：”）", source)


def check_text(paras: list[BodyPara], report: Report, source: str) -> None:
    body = body_start(paras)
    check_numbering(body, report, source)
    check_heading_faces(body, report, source)
    check_indents(body, report, source)
    check_punctuation(body, report, source)
