"""The 出席/请假/列席 blocks as printed: labels, order, and what reads back."""

from __future__ import annotations

from docgen.layout.pages import typeset
from docgen.model import load_minutes_text, load_profile

HEAD = """\
date: 2024-03-05
session: 3
chair: {name: 王伟, title: 市长}
topics:
  - title: 听取关于安全生产工作情况的汇报
    items: [会议要求，各地各部门要抓好落实。]
"""


def printed_lines(attendance: str) -> list[str]:
    m = load_minutes_text(HEAD + attendance).minutes
    layout = typeset(m, load_profile(m.profile))
    return [pl.line.text.replace("\u3000", " ") for page in layout.pages for pl in page.lines
            if pl.block.kind in ("present", "on_leave", "attending", "attending-units",
                                 "representatives")]


def test_representatives_alone_carry_the_label():
    assert printed_lines("attendance: {representatives_of: [市纪委监委, 市教育局]}\n") == \
        ["列席：市纪委监委、市教育局的代表"]


def test_representatives_follow_the_named_attendees():
    lines = printed_lines("attendance:\n  attending: [张旗]\n  representatives_of: [市纪委监委]\n")
    assert lines == ["列席：张 旗", "市纪委监委的代表"]


def test_people_first_then_units_on_their_own_line():
    lines = printed_lines("attendance:\n  attending: [张旗, {unit: 市委组织部, names: [周春良]}]\n")
    assert lines == ["列席：张 旗", "市委组织部周春良"]


def test_written_order_is_kept_when_a_unit_comes_first():
    lines = printed_lines("attendance:\n  attending: [{unit: 市委组织部, names: [周春良]}, 张旗]\n")
    assert lines == ["列席：市委组织部周春良 张 旗"]
