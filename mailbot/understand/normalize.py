"""Width normalisation for field extraction.

Seekers type full-width digits, `＠`, `：`, odd dashes and circled option numbers. Extraction
regexes want plain ASCII for those, but names must survive intact. Plain NFKC is almost right,
with two faults we work around:

* circled / parenthesised numbers: NFKC turns `①11月25日` into `111月25日`, so they become
  `(1)` first (an option marker the choice and date readers both understand);
* CJK compatibility ideographs (U+F900-U+FAFF, U+2F800-U+2FA1F): NFKC swaps them for a
  different code point, which changes how a name is spelled, so they are kept as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _circled_table() -> dict[int, str]:
    table: dict[int, str] = {}

    def span(first: int, count: int, start: int = 1) -> None:
        for i in range(count):
            table[first + i] = f"({start + i})"

    span(0x2460, 20)          # ①..⑳
    span(0x2474, 20)          # ⑴..⒇
    span(0x2776, 10)          # ❶..❿
    span(0x2780, 10)          # ➀..➉
    span(0x278A, 10)          # ➊..➓
    span(0x24EB, 10, 11)      # ⓫..⓴
    span(0x24F5, 10)          # ⓵..⓾
    span(0x3251, 15, 21)      # ㉑..㉟
    span(0x32B1, 15, 36)      # ㊱..㊿
    span(0x3280, 10)          # ㊀..㊉
    span(0x3220, 10)          # ㈠..㈩
    table[0x24EA] = "(0)"     # ⓪
    for i in range(9):        # ⒈..⒐ (digit full stop) -> "1."
        table[0x2488 + i] = f"{i + 1}."
    return table


_CIRCLED = _circled_table()
_COMPAT_IDEOGRAPH = re.compile("[\uF900-\uFAFF\U0002F800-\U0002FA1F]")
# Dash-like characters that mean "-" when they sit between digits (phone, seeker number, dates).
_DASHES = "ー−‐‑‒–—―ｰ－﹣"
_DASH_BETWEEN_DIGITS = re.compile(rf"(?<=\d)[ \t]*[{_DASHES}][ \t]*(?=\d)")
# Wave dashes / tildes used for ranges (10:30〜11:20) all become "〜".
_WAVES = str.maketrans({"～": "〜", "~": "〜", "∼": "〜", "〰": "〜", "∽": "〜"})


def _nfkc_keeping_compat(text: str) -> str:
    if not _COMPAT_IDEOGRAPH.search(text):
        return unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    last = 0
    for m in _COMPAT_IDEOGRAPH.finditer(text):
        parts.append(unicodedata.normalize("NFKC", text[last:m.start()]))
        parts.append(m.group())
        last = m.end()
    parts.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(parts)


# Dates and times in hiragana, as mail in easy Japanese (やさしい日本語) writes them:
# 「12がつ15にち(かようび) 10じ」「ごご」. Only after a digit (a name never holds one), so they
# read like 「12月15日(火曜日) 10時」 for every extractor.
_KANA_WEEKDAYS = {"げつ": "月", "か": "火", "すい": "水", "もく": "木", "きん": "金", "ど": "土", "にち": "日"}
_KANA_WEEKDAY = re.compile(r"(?<![ぁ-ゖ])(げつ|か|すい|もく|きん|ど|にち)(?:ようび|よう(?![ぁ-ゖ]))")
_KANA_MONTH = re.compile(r"(?<=\d)[ \t]*がつ")
_KANA_DAY = re.compile(r"(?<=\d)[ \t]*にち(?!よう|じ)")
_KANA_HOUR = re.compile(r"(?<=\d)[ \t]*じ(?!かん|ゅう|ゃ|ょ)")
_KANA_MINUTE = re.compile(r"(?<=\d)[ \t]*(?:ふん|ぷん)")
_KANA_HALF = re.compile(r"(?<=時)[ \t]*はん")
_KANA_AMPM = re.compile(r"ごぜん(?:ちゅう)?|ごご(?=[ \t]*(?:\d|の|に|から|なら|は|が|で|でも|、|。|$))", re.M)


def _kana_dates(text: str) -> str:
    if not re.search(r"\d[ \t]*(?:がつ|にち|じ|ふん|ぷん)|ようび|ごぜん|ごご", text):
        return text
    text = _KANA_WEEKDAY.sub(lambda m: _KANA_WEEKDAYS[m.group(1)] + "曜日", text)
    text = _KANA_MONTH.sub("月", text)
    text = _KANA_DAY.sub("日", text)
    text = _KANA_HOUR.sub("時", text)
    text = _KANA_MINUTE.sub("分", text)
    text = _KANA_HALF.sub("半", text)
    return _KANA_AMPM.sub(lambda m: "午前中" if m.group().endswith("ちゅう") else
                          "午前" if m.group().startswith("ごぜん") else "午後", text)


@lru_cache(maxsize=64)           # every extractor normalises the same fresh text
def normalize(text: str) -> str:
    """Return `text` with ASCII digits/symbols, `(n)` for circled numbers, `-` for dashes
    between digits, `〜` for range tildes and kanji for dates written in hiragana after a digit
    (12がつ15にち → 12月15日). Idempotent; names (kana, kanji) are preserved
    (half-width kana become full-width)."""
    text = text.translate(_CIRCLED)
    text = _nfkc_keeping_compat(text)
    text = text.translate(_WAVES)
    return _kana_dates(_DASH_BETWEEN_DIGITS.sub("-", text))
