"""Chinese numbering: 一、 （一） 1. （1） — generated on output, stripped on input."""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
NUMERALS = "一二三四五六七八九十百零〇"
# Print and OCR also set the zero as ○ (U+25CB, a circle); a clerk's draft does not.
PRINTED_NUMERALS = NUMERALS + "○"
CN_NUM = f"[{NUMERALS}]+"

# A number the clerk typed, by the level it would be generated at; taken off with the
# spaces around it, and only in the form of that level.
TYPED = [
    re.compile(rf"^\s*{CN_NUM}\s*[、.．]\s*"),
    re.compile(rf"^\s*[（(]\s*{CN_NUM}\s*[）)]\s*"),
    re.compile(r"^\s*\d+\s*[.．、]\s*(?=\D)"),
    re.compile(r"^\s*[（(]\s*\d+\s*[）)]\s*"),
]
# A marker as found at the start of an archived paragraph, any level: read leniently
# (○, a comma after 一 as web copies have it) but never a year "2020." or a figure "1.5".
# A month right after the marker is the item's text, not a figure: "1.3月15日前完成".
MONTH_AHEAD = r"\s*\d{1,2}\s*月"
PRINTED_MARKERS = [
    re.compile(rf"^[{PRINTED_NUMERALS}]+\s*[、，,．.]"),
    re.compile(rf"^[（(]\s*[{PRINTED_NUMERALS}]+\s*[）)]"),
    re.compile(rf"^\d{{1,2}}\s*[.．、](?={MONTH_AHEAD}|[^\d.．]|$)"),
    re.compile(r"^[（(]\s*\d{1,2}\s*[）)]"),
]


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五; 0 to 999.

    The model allows at most ``MAX_TOPICS`` topics and ``MAX_ITEMS`` items a list (99), so a
    number past 999 is a programming error: say so rather than fail on a missing digit.
    """
    if not 0 <= n < 1000:
        raise ValueError(f"chinese_number covers 0 to 999, not {n}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    tail = "" if rest == 0 else ("零" + DIGITS[rest] if rest < 10 else
                                 ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
    return DIGITS[hundreds] + "百" + tail


def session_number(n: int, numerals: str) -> str:
    """The 会次 as an office writes it: 96, or 九十六 where its profile has ``chinese``
    numerals (past 999, which no office reaches, in figures)."""
    return chinese_number(n) if numerals == "chinese" and 0 < n < 1000 else str(n)


def chinese_date(value) -> str:
    """GB/T 9704 §7.3.5.4: 2020年6月1日 — Arabic numerals, no zero padding."""
    return f"{value.year}年{value.month}月{value.day}日"


def chinese_numeral_date(year: int, month: int, day: int) -> str:
    """二〇一一年十月十七日: the year digit by digit, with 〇 (U+3007) for zero."""
    digits = "".join("〇" if c == "0" else DIGITS[int(c)] for c in str(year))
    return f"{digits}年{chinese_number(month)}月{chinese_number(day)}日"


def parse_chinese_number(text: str) -> int:
    """Inverse of chinese_number; also accepts 〇/○/零 and Arabic digits."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if len(text) > 1 and all(ch in DIGITS or ch in "〇○" for ch in text):
        # "一三一", "一〇五": written digit by digit ("二届一三一次常务会议"), as a year is
        return int("".join("0" if ch in "〇○" else str(DIGITS.index(ch)) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in "〇○零":
            continue
        if ch in DIGITS:
            current = DIGITS.index(ch)
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(text)
    return total + current


# The forms a level may be numbered in, as offices print them, by family: a family's rank
# is the order GB/T 9704 §7.3.3 gives (一、 （一） 1. （1）), which is also the order the
# parser ranks markers in (``PRINTED_MARKERS``). "" is a topic without a number: the
# topic is printed as a paragraph ("会议听取了……").
STYLE_FAMILY = {"一、": 0, "（一）": 1, "1.": 2, "1、": 2, "（1）": 3}
DEFAULT_STYLES = ("一、", "（一）", "1.", "（1）")


def level_styles(given: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Four levels from an office's list: the levels it names, then the deeper families it
    does not use, so that 一、 1、 goes on with （1）."""
    named = [s for s in given if s]
    last = STYLE_FAMILY[named[-1]] if named else 0
    rest = [s for s in DEFAULT_STYLES if STYLE_FAMILY[s] > last]
    styles = (list(given) + rest)[:4]
    if given and given[0] == "" and len(named) == 0:
        styles = ["", *DEFAULT_STYLES[1:]]
    return tuple(styles)


def marker(level: int, n: int, styles: tuple[str, ...] = DEFAULT_STYLES) -> str:
    """Level 0 topic, 1 item, 2 and 3 nested items, in the office's ``styles``."""
    style = styles[min(level, len(styles) - 1)]
    if style == "一、":
        return f"{chinese_number(n)}、"
    if style == "（一）":
        return f"（{chinese_number(n)}）"
    if style == "1.":
        return f"{n}."
    if style == "1、":
        return f"{n}、"
    if style == "（1）":
        return f"（{n}）"
    return ""


def strip_typed_number(text: str, level: int) -> str:
    match = TYPED[min(level, 3)].match(text)
    return text[match.end():] if match else text


def marker_level(text: str) -> tuple[int, str] | None:
    """(level, text without the marker) for a printed 一、 （一） 1. （1）; inverse of ``marker``."""
    for level, pattern in enumerate(PRINTED_MARKERS):
        match = pattern.match(text)
        if match:
            rest = text[match.end():].lstrip(" \u3000")
            if level == 2 and rest[:1].isdigit() and not re.match(MONTH_AHEAD, rest):
                continue
            return level, rest
    return None
