"""Minutes → blocks: the document as typeset paragraphs, before lines and pages.

A block is one paragraph with its font runs and its indents in grid cells. Both
backends (HTML/PDF and DOCX) and the line breaker read blocks, so numbering,
labels, name padding and the order of parts are decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..gbt9704 import BODY
from ..model.minutes import Item, Minutes, UnitEntry
from ..model.numbering import chinese_date, chinese_numeral_date, level_styles, marker, session_number
from ..model.profile import Profile

FontRole = Literal["fangsong", "hei", "kai", "song", "xiaobiaosong"]
Align = Literal["justify", "left", "right", "center"]
IDEOGRAPHIC_SPACE = "\u3000"


@dataclass(frozen=True)
class Span:
    """A run of text in one font; ``keep`` forbids a line break inside it (a person's name)."""

    text: str
    font: FontRole = "fangsong"
    keep: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph: where it starts (first) and where its other lines start (left), in cells.

    ``kind`` names the element (it becomes the DOCX style and the HTML class);
    ``gap_before`` is the number of empty grid lines above it; a block that
    ``keep_with_next`` (a heading) never ends a page.
    """

    kind: str
    spans: tuple[Span, ...]
    first: float = BODY.first_indent
    left: float = 0
    right: float = 0
    align: Align = "justify"
    gap_before: int = 0
    size: Literal["body", "colophon"] = "body"
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass
class Document:
    """Everything the backends draw: header parts from the profile, body blocks, 版记 blocks."""

    mark: str
    issue_line: str | None
    office: str | None
    office_date: str | None
    body: list[Block] = field(default_factory=list)
    colophon: list[Block] = field(default_factory=list)
    title: str = ""
    author: str = ""


def pad_name(name: str) -> str:
    """Two-character names take three cells: 王翔 → 王　翔."""
    return name[0] + IDEOGRAPHIC_SPACE + name[1] if len(name) == 2 else name


def build_document(m: Minutes, profile: Profile) -> Document:
    issuer = m.issuer or profile.issuer
    mark = profile.mark.format(issuer=issuer, meeting=m.meeting)
    issue_line = None
    if profile.issue_line and (m.session or "{session}" not in profile.issue_line):
        session = session_number(m.session, profile.session_numerals) if m.session else ""
        issue_line = profile.issue_line.format(session=session, term=m.term or "",
                                               doc_number=m.doc_number or "").strip() or None
    # a web copy has no 印发 date: the header carries the meeting's, and with it the year
    # that "4月29日" in the opening leaves out
    compiled = m.compiled_date or (m.printed.date if m.printed else None) or m.date
    doc = Document(
        mark=mark,
        issue_line=issue_line,
        office=(m.compiled_by or profile.office_of(issuer)) if profile.office_line else None,
        office_date=_header_date(compiled, profile) if profile.office_line and compiled else None,
        title=_title(m, issuer),
        author=m.compiled_by or profile.office_of(issuer),
    )
    doc.body = list(_body(m, profile))
    doc.body += list(_attendance(m))
    doc.body += list(_tail(m))
    doc.colophon = list(_colophon(m, profile))
    return doc


def _header_date(value, profile: Profile) -> str:
    """The 编发 line's date: 2020年6月1日, or 二○一一年十月十七日 where the office prints so."""
    if profile.date_numerals == "chinese":
        return chinese_numeral_date(value.year, value.month, value.day)
    return chinese_date(value)


def _title(m: Minutes, issuer: str) -> str:
    number = f"第{m.session}次" if m.session else ""
    return f"{issuer}{m.term or ''}{number}{m.meeting}纪要"


def _body(m: Minutes, profile: Profile):
    from ..compose import preamble_text
    opening = m.preamble or preamble_text(m, profile)
    if m.decisions_intro and profile.intro_in_opening:
        yield Block("preamble", (Span(opening + m.decisions_intro),))
    else:
        yield Block("preamble", (Span(opening),))
        if m.decisions_intro:
            yield Block("intro", (Span(m.decisions_intro),))
    styles = level_styles(profile.numbering)
    for t, topic in enumerate(m.topics, 1):
        body = list(topic.body)
        if styles[0]:
            yield Block("topic", (Span(marker(0, t, styles) + topic.title, "hei"),), keep_with_next=True)
        else:       # 南通, 永康: "会议听取了……。" opens the topic's first paragraph
            yield Block("para", (Span(topic.title + "。" + (body.pop(0) if body else "")),))
        for paragraph in body:
            yield Block("para", (Span(paragraph),))
        yield from _items(topic.items, 1, styles)
    for paragraph in m.closing:
        yield Block("para", (Span(paragraph),))


def _items(items: list[Item], level: int, styles: tuple[str, ...]):
    for n, item in enumerate(items, 1):
        number = marker(level, n, styles)
        font = "kai" if number.startswith("（") and not number[1].isdigit() else "fangsong"
        yield Block(f"item{level}", (Span(number, font), Span(item.text)))
        yield from _items(item.items, level + 1, styles)


LABEL_CELLS = 3  # "出席：" is two characters and a full-width colon
# The label printed before each attendance list; the parser reads the lists back by it.
ATTENDANCE_LABELS = {"present": "出席", "on_leave": "请假", "attending": "列席"}


def _label_block(kind: str, label: str, spans: list[Span], gap: int) -> Block:
    indent = BODY.label_indent
    return Block(kind, (Span(label + "：", "hei"), *spans), first=indent,
                 left=indent + LABEL_CELLS, align="left", gap_before=gap)


def _joined(parts: list[list[Span]], sep: str = IDEOGRAPHIC_SPACE) -> list[Span]:
    """Entries separated by a full-width space; lines break at separators or inside units."""
    out: list[Span] = []
    for i, part in enumerate(parts):
        if i:
            out.append(Span(sep))
        out.extend(part)
    return out


def _person(name: str, suffix: str = "") -> list[Span]:
    return [Span(pad_name(name), keep=True)] + ([Span(suffix, keep=True)] if suffix else [])


def _unit_entry(entry: UnitEntry) -> list[Span]:
    """市委组织部周春良、孙勇: the unit may wrap anywhere, a name never."""
    spans = [Span(entry.unit)]
    for i, name in enumerate(entry.names):
        spans.append(Span(("、" if i else "") + name, keep=True))
    return spans


def _attendance(m: Minutes):
    a = m.attendance
    if a is None:
        return
    gap = 1
    if a.present:
        people = [_person(n) for n in a.present]
        yield _label_block("present", ATTENDANCE_LABELS["present"], _joined(people), gap)
        gap = 0
    if a.on_leave:
        people = [_person(x.name, f"（{x.reason}）" if x.reason else "") for x in a.on_leave]
        yield _label_block("on_leave", ATTENDANCE_LABELS["on_leave"], _joined(people), gap)
        gap = 0
    indent = BODY.label_indent + LABEL_CELLS
    representatives = ([Span("、".join(a.representatives_of) + "的代表")]
                       if a.representatives_of else [])
    if a.attending:
        yield from _attending(a.attending, indent, gap)
        gap = 0
    elif representatives:       # no one listed by name: the units' representatives take the label
        yield _label_block("attending", ATTENDANCE_LABELS["attending"], representatives, gap)
        return
    if representatives:
        yield Block("representatives", tuple(representatives), first=indent, left=indent,
                    align="left", gap_before=gap)


def _attending(attending: list, indent: float, gap: int):
    """列席 in the order written. When the people without a unit come first, as printed
    minutes list them, the unit entries start a new line under the first name."""
    entries = [_person(x) if isinstance(x, str) else _unit_entry(x) for x in attending]
    units_from = next((i for i, x in enumerate(attending) if isinstance(x, UnitEntry)), None)
    if units_from and all(isinstance(x, UnitEntry) for x in attending[units_from:]):
        yield _label_block("attending", ATTENDANCE_LABELS["attending"],
                           _joined(entries[:units_from]), gap)
        yield Block("attending-units", tuple(_joined(entries[units_from:])), first=indent,
                    left=indent, align="left")
        return
    yield _label_block("attending", ATTENDANCE_LABELS["attending"], _joined(entries), gap)


def _tail(m: Minutes):
    gap = 1
    if m.recorder:
        yield _label_block("recorder", "记录", [Span(m.recorder)], 1)
    if m.compiled_by:
        yield Block("compiled-by", (Span(m.compiled_by + "整理"),), first=0, align="right",
                    right=BODY.first_indent, gap_before=gap)
        gap = 0
    if m.compiled_date:
        yield Block("compiled-date", (Span(chinese_date(m.compiled_date)),), first=0,
                    align="right", right=BODY.first_indent + 2, gap_before=gap)
        gap = 0
    if m.disclosure:
        yield Block("disclosure", (Span(f"（{m.disclosure}）"),), gap_before=gap, align="left")


def _colophon(m: Minutes, profile: Profile):
    from ..gbt9704 import FURNITURE as F
    distribution = m.distribution or None
    if distribution:
        yield Block("distribution", (Span(f"{m.distribution_label}："), Span(distribution)),
                    first=F.colophon_indent_chars, left=F.colophon_indent_chars + F.colophon_hang_chars,
                    right=F.colophon_indent_chars, align="left", size="colophon")
    if m.printed:
        yield Block("printed", (Span(m.printed.by), Span(chinese_date(m.printed.date) + "印发")),
                    first=F.colophon_indent_chars, right=F.colophon_indent_chars,
                    align="justify", size="colophon")
