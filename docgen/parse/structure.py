"""Paragraphs → Minutes: recognise every part of a 纪要 and keep its text verbatim.

The order of a printed 纪要 is fixed (GB/T 9704 §10.3 and the 苏州 practice), and each
part has a module that reads it, in this order: ``header`` (纪要标志, 第N次, 编发单位 and
date), ``opening`` (the opening paragraph, "会议议定以下意见："), ``topics`` (一、 with items
（一） 1. （1）, closing paragraphs), ``attendance`` (出席/请假/列席, the "…的代表" line),
``tail`` (记录, "…整理", the date, "（此件公开发布）", the 版记: 分送/抄送 and the 印发 line).
Web copies add navigation before the title and a 时间/来源 line, and lack the tail.
``identity`` then settles session, date and issuer from the clues all of them left.

Numbering and labels are layout and are removed; everything else is kept as printed.
Oddities become warnings (``Problem``) naming the paragraph's line or page and the field.
"""

from __future__ import annotations

from pydantic import ValidationError

from ..errors import DocgenError, Problem
from ..model.minutes import Minutes
from .attendance import read_attendance
from .header import find_publish, read_header
from .identity import fill_identity
from .opening import find_start, read_opening
from .reader import Reader
from .tail import read_tail
from .text import Para
from .topics import read_topics

SENTENCE_END = tuple("。！？；…”’）)】」』：")


def build_minutes(paras: list[Para], name: str, hints: dict | None = None,
                  notes: list[str] | None = None) -> tuple[Minutes, list[Problem]]:
    """The minutes in ``paras`` and the warnings met; ``notes`` from earlier stages go first."""
    r = Reader(paras, name, hints)
    for note in notes or []:
        r.problems.append(Problem(note, file=name))
    r.publish = find_publish(r.paras)
    start = find_start(r)
    if start is None:
        raise DocgenError.one("这不是一份会议纪要：找不到开头段落（“…主持召开…会议”）和议题（“一、…”）",
                              file=name, hint="docgen parse 读取会议纪要的存档文本、PDF 或 DOCX")
    r.start = start
    read_header(r, r.paras[:start])
    i = read_opening(r, start)
    i = read_topics(r, i)
    i = read_attendance(r, i)
    read_tail(r, i)
    fill_identity(r)
    _check_complete(r)
    return _validated(r), r.problems


def _check_complete(r: Reader) -> None:
    """Warn where the copy looks cut short: no 版记, or text that stops mid-sentence."""
    d = r.data
    if not d.get("distribution") and not d.get("printed"):
        r.warn("没有版记（分送/抄送和印发机关、印发日期）", None, None,
               hint="网上公开的纪要通常不带版记；存档的印刷件应当有")
    last = r.last_text
    if last and not last[0].endswith(SENTENCE_END):
        r.warn(f"正文在句中结束，原文可能不完整：“…{last[0][-15:]}”（原样保留）", last[1], last[2])


def _validated(r: Reader) -> Minutes:
    """The data as Minutes; what fails here is something the copy lacks, said in Chinese."""
    data = {k: r.data[k] for k in Minutes.model_fields if k in r.data}
    try:
        return Minutes.model_validate(data)
    except ValidationError as exc:
        from ..model.messages import validation_problems
        from ..model.yamlnodes import Marks
        problems = [Problem(f"读出的内容不完整：{p.message}", file=r.name, path=p.path, hint=p.hint)
                    for p in validation_problems(exc, Marks(), r.name, data)]
        raise DocgenError(problems) from None
