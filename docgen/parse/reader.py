"""What the reading of one document has found so far, shared by the stages that read its parts.

The parts of a 纪要 are read in print order, but they inform each other: the meeting's
year may come from the 印发 date, its session from the title. Each stage writes the
fields it recognises into ``data`` and leaves clues for the later ones here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import Problem
from .text import Para

HALF_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff“”《》（）、。，])[,:;?!()]|[,:;?!()](?=[\u4e00-\u9fff“”《》（）])")


class Reader:
    """One pass over the paragraphs of one document."""

    def __init__(self, paras: list[Para], name: str, hints: dict | None = None):
        self.paras = [p for p in paras if p.plain]
        self.name = name
        self.hints = hints or {}                    # e.g. the PDF's or DOCX's title
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {}              # Minutes fields, as found
        # clues for the identity stage
        self.publish: dt.date | None = None          # a web page's 发布时间
        self.header_date: dt.date | None = None      # the date under the 纪要标志
        self.header_office: str | None = None        # the office beside it (the 编发 line)
        self.doc_year: int | None = None             # the year in the 纪要编号
        self.session_year: int | None = None         # "2022年第9次常务会议": the year of the count
        self.source_office: str | None = None        # a web page's 来源
        self.site_office: str | None = None          # the 主办单位 in its footer
        self.title_session: int | None = None        # 第N次 in the title or issue line
        self.form: dict[str, str] = {}              # "会议时间："/"会议主持人：" fields above the text
        self.headline: re.Match | None = None         # SESSION in a web headline "…召开第4次常务会议"
        self.date_match: re.Match | None = None      # the opening's date, perhaps without a year
        self.day_match: re.Match | None = None       # "3日下午，": the day alone
        self.relative_day: tuple[str, int] | None = None  # "昨日下午，…": the word and its offset in days
        # the date of a news dateline ("萧山网4月28日讯"): (date or None, had a year, match)
        self.dateline: tuple[dt.date | None, bool, re.Match] | None = None
        self.preamble_para: Para | None = None
        self.start: int | None = None                # index of the opening paragraph in ``paras``
        self.agenda_split = False                    # the opening ran on into what the meeting did
        self.split_end: int | None = None            # the index after the pieces it was split into
        # (text, paragraph, field path) of the last body text: a copy cut short ends mid-sentence
        self.last_text: tuple[str, Para | None, str] | None = None

    def warn(self, message: str, para: Para | None = None, path: str | None = None,
             hint: str | None = None) -> None:
        """A warning on the paragraph's line; a PDF paragraph has no line, so its page is named."""
        where = para.where() if para is not None else ""
        if where and not (para is not None and para.lineno):
            message = f"{message}（{where}）"
        self.problems.append(Problem(message, file=self.name,
                                     line=para.lineno if para is not None else None,
                                     path=path, hint=hint))

    def ignored(self, paras: list[Para], where: str, what: str) -> None:
        """Skipped paragraphs, the first few shown, so an archivist sees nothing else was lost."""
        if paras:
            shown = "；".join(p.plain[:20] for p in paras[:3])
            self.warn(f"忽略了{where} {len(paras)} 段文字（{what}）：{shown}", paras[0])

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
