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


@lru_cache(maxsize=64)           # every extractor normalises the same fresh text
def normalize(text: str) -> str:
    """Return `text` with ASCII digits/symbols, `(n)` for circled numbers, `-` for dashes
    between digits and `〜` for range tildes. Idempotent; names (kana, kanji) are preserved
    (half-width kana become full-width)."""
    text = text.translate(_CIRCLED)
    text = _nfkc_keeping_compat(text)
    text = text.translate(_WAVES)
    return _DASH_BETWEEN_DIGITS.sub("-", text)
