"""Web furniture: the lines a government site puts around the minutes, never their text.

A copied page brings its frame along: the metadata table (索引号, 生成日期, 体裁 …), the
breadcrumb, the font-size and read-aloud buttons, and the site footer. A line that is only a
metadata row or a button is blanked before the paragraphs are formed, so it can neither end
up in a topic nor be taken for the opening; a metadata row that carries a date is kept for
the header (it is the page's publish date, never the meeting's). The footer (版权所有, ICP
备案号, 上一篇 …) is ``landmarks.FOOTER``: it ends the minutes, and what follows is dropped.
"""

from __future__ import annotations

import re

from .dates import PUBLISH

# Metadata-table labels of 政府信息公开 pages. A line that starts with one of them is
# furniture; the header still reads the dates and the source on such lines.
_META = (r"索\s*引\s*号|信息名称|主题分类|体裁分类|组配分类|服务对象|发文机构|发布机构|发文字号|文\s*件\s*编\s*号"
         r"|成文日期|产生日期|生成日期|发文日期|废止日期|有\s*效\s*性|内容概述|主\s*题\s*词|体\s*裁|标\s*题")
META_LINE = re.compile(rf"^[•·\-\s|｜]*(?:{_META})\s*[：:]")
# Buttons and widgets that may stand anywhere on the page (the footer, which ends the
# minutes, is ``landmarks.FOOTER``): a line that is only one of these is the site's.
_BUTTONS = (r"^(?:文章播报|朗读|智能推荐|分享到\s*[：:]?.*|[【\[〖]?\s*(?:字号|字体)?\s*[：:]?\s*[【\[〖]?\s*大\s*中\s*小\s*[】\]〗]?"
            r"|(?:字号|字体)\s*[：:]?\s*(?:[【\[〖]\s*[大中小]\s*[】\]〗]\s*){2,3}"
            r"|(?:阅读次数|浏览次数|点击数?|浏览量)\s*[：:]\s*\d*|[|｜]|[•·]\s*(?:19|20)\d\d)$")
BUTTON_LINE = re.compile(_BUTTONS)


def is_furniture(line: str) -> bool:
    """True when the whole line is the site's frame (metadata row, buttons, footer)."""
    text = line.strip(" \t\u3000\u00a0")
    if not text:
        return False
    if META_LINE.match(text):
        return not PUBLISH.search(text.replace(" ", ""))   # the header reads a dated row
    return bool(BUTTON_LINE.match(text))


def blank_furniture(lines: list[str]) -> tuple[list[str], int]:
    """The lines with furniture blanked (line numbers stay right), and how many were."""
    out, count = [], 0
    for line in lines:
        if is_furniture(line):
            out.append("")
            count += 1
        else:
            out.append(line)
    return out, count
