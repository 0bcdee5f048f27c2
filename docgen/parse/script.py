"""Traditional characters back to simplified, with OpenCC, only where a copy is traditional.

Mirrors of government pages convert the minutes to traditional characters (區政府常務會議),
often with pinyin glosses. The parser reads simplified text, so such a copy is converted
with OpenCC's ``t2s`` (phrase-aware: 乾淨 → 干净 but 乾隆 stays), never a hand-made table.
A simplified copy is left exactly as it is: ``t2s`` would also rewrite a few characters that
simplified text legitimately uses, so conversion happens only when many characters change.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HAN = re.compile(r"[\u4e00-\u9fff]")
# A simplified text changes in at most a handful of characters under t2s (著, 乾 …); a
# traditional one in a fifth or more of them. Both limits must be passed.
MIN_CHANGED = 8
MIN_SHARE = 0.03


@lru_cache(maxsize=1)
def _converter():
    import opencc
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, int]:
    """(text, characters changed): the simplified text when ``text`` is traditional."""
    if not text:
        return text, 0
    converted = _converter().convert(text)
    if len(converted) != len(text):      # t2s maps character for character; be safe
        return text, 0
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    han = len(_HAN.findall(text)) or 1
    if changed >= MIN_CHANGED and changed / han >= MIN_SHARE:
        return converted, changed
    return text, 0
