"""Which kind of face (仿宋, 黑体, 楷体, 宋体, 小标宋) a font name stands for.

PDFs and DOCX files name fonts every which way: FangSong_GB2312, 仿宋, FandolFang,
STFangsong, a subset tag (ABCDEF+SimHei), or the GBK bytes of a Chinese name read as
Latin-1 (Word's PDFs). The kind is what GB/T 9704 asks for; the product is not.
"""

from __future__ import annotations

import re

FANG, HEI, KAI, SONG, TITLE, LATIN, UNKNOWN = "仿宋", "黑体", "楷体", "宋体", "小标宋", "西文", "未知"

# Order matters: FangSong contains "song", 小标宋 contains 宋.
_KINDS = [
    (TITLE, re.compile(r"xiaobiaosong|小标宋|xbs|biaosong|title", re.I)),
    (FANG, re.compile(r"fang|仿宋|fs_?gb", re.I)),
    (KAI, re.compile(r"kai|楷", re.I)),
    (HEI, re.compile(r"hei|黑|sans", re.I)),
    (SONG, re.compile(r"song|宋|sun|ming|serif.?cjk", re.I)),
    (LATIN, re.compile(r"times|liberation|arial|helvetica|calibri|cambria|dejavu|courier", re.I)),
]


def plain_name(name: str) -> str:
    """The font's name without a subset tag, its GBK bytes decoded."""
    name = re.sub(r"^[A-Z]{6}\+", "", name or "")
    if any("\x80" <= ch <= "\xff" for ch in name):
        try:
            name = name.encode("latin-1").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def face_kind(name: str) -> str:
    plain = plain_name(name)
    for kind, pattern in _KINDS:
        if pattern.search(plain):
            return kind
    return UNKNOWN
