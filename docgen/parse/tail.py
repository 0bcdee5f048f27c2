"""The tail and the 版记: 记录, "…整理", the date, "（此件公开发布）", 分送/抄送, the 印发 line.

What follows them on a web page (the footer, related links) is dropped with a warning.
"""

from __future__ import annotations

from .dates import FULL_DATE, parse_date
from .landmarks import (COMPILED, DISCLOSURE, DISTRIBUTION, FOOTER, PRINTED, RECORDER, SITE_HOST,
                        tail_known)
from .reader import Reader
from .text import normalize_spaces, strip_spaces


def read_tail(r: Reader, i: int) -> None:
    """Read from paragraph ``i`` to the end; what is not recognised is named in a warning."""
    paras, data = r.paras, r.data
    ignored = []
    while i < len(paras):
        p = paras[i]
        text = p.plain
        i += 1
        if m := RECORDER.match(text):
            data["recorder"] = r.field(m["who"], p, "recorder")
        elif m := DISTRIBUTION.match(text):
            parts = [m["text"]]      # a long list wraps onto paragraphs of its own
            while not parts[-1].endswith("。") and i < len(paras) and not tail_known(paras[i]):
                parts.append(paras[i].plain)
                i += 1
            data["distribution_label"] = m["label"]
            data["distribution"] = r.field("".join(parts), p, "distribution")
        elif m := PRINTED.match(normalize_spaces(p.text)):
            date, _, _ = parse_date(m["date"])
            data["printed"] = {"by": strip_spaces(m["by"]), "date": date}
        elif (m := COMPILED.match(text)) and "compiled_by" not in data:
            data["compiled_by"] = m["by"]
        elif FULL_DATE.match(text) and "compiled_date" not in data:
            data["compiled_date"] = parse_date(text)[0]
        elif (m := DISCLOSURE.match(text)) and "disclosure" not in data:
            data["disclosure"] = m["text"]
        elif FOOTER.match(text):
            ignored.extend(paras[i - 1:])
            r.site_office = next((m["office"] for q in paras[i - 1:]
                                  if (m := SITE_HOST.search(strip_spaces(q.plain)))), None)
            break
        else:
            ignored.append(p)
    r.ignored(ignored, "正文之后无法识别的", "网页页脚等")
