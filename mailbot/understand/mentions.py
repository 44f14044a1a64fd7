"""Parts of a date or time written in a reply: 「14時で」「金曜日で」「4日の方で」「12/4 午後」.

A reply to an offer often names a slot by one part only. Read without context such a part is
no date at all (which month? which week?), so the date reader leaves it out; against the slots
we offered it may point at exactly one. This module only reads the parts; the conversation
matches them against its offer (`conversation.reading`) and asks back when more than one fits.

A mention groups the parts written together (「12月4日(金)14時」 is one mention, 「4日か7日」 two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailbot.understand.normalize import normalize

_WEEKDAYS = "月火水木金土日"
_KANJI_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _kanji_number(text: str) -> int | None:
    """一 .. 三十一 (enough for days and hours)."""
    if not text or any(c not in _KANJI_NUM for c in text):
        return None
    if "十" not in text:
        return _KANJI_NUM[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (_KANJI_NUM[tens] if tens else 1) * 10 + (_KANJI_NUM[ones] if ones else 0)
    return value if len(tens) <= 1 and len(ones) <= 1 else None


_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_PART = re.compile(
    rf"(?P<md>(?P<m>{_NUM})\s*(?:月|/)\s*(?P<d1>{_NUM})(?:\s*日)?)"
    rf"|(?P<d>(?<![\d/月])(?P<d2>{_NUM})\s*日(?!本|曜|時|間|程|中|頃|ごろ|以|まで|前|後))"
    rf"|(?P<wd>[(（]\s*(?P<w1>[{_WEEKDAYS}])\s*[)）]|(?P<w2>[{_WEEKDAYS}])\s*曜(?:日)?)"
    rf"|(?P<t>(?P<ampm>午前|午後|朝|夕方)?\s*(?P<h>{_NUM})\s*(?:時\s*(?P<half>半)?(?:\s*(?P<min>\d{{1,2}})\s*分)?|[:：]\s*(?P<mm>\d{{2}})))"
    rf"|(?P<ap>午前|午後)(?!\s*(?:{_NUM}))")
# Parts further apart than this (in characters) belong to different mentions.
_GAP = 6
# Words after a time that make it the end of a range or a duration, not a start.
_NOT_START_BEFORE = re.compile(r"[〜~～\-ー－]\s*$|まで\s*$")


@dataclass(frozen=True)
class Mention:
    """Parts of one written date/time; None = not written. `hour` is 0-23 when 午前/午後
    was written, else as written (1-12 may mean either half)."""

    month: int | None = None
    day: int | None = None
    weekday: int | None = None       # 0 = Monday
    hour: int | None = None
    minute: int | None = None
    half: str | None = None          # "am" | "pm" when only 午前/午後 was written
    explicit_half: bool = False      # 午前/午後 written with the hour

    def hours(self) -> set[int]:
        """The hours this mention may mean (3時 is 15:00 in an office day, 10時 is 10:00)."""
        if self.hour is None:
            return set()
        if self.explicit_half or self.hour >= 13:
            return {self.hour}
        return {self.hour, self.hour + 12} if self.hour <= 12 else {self.hour}


def _value(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else _kanji_number(text)


def read_mentions(fresh: str) -> tuple[Mention, ...]:
    """The date/time mentions of the writer's own text, in order."""
    text = normalize(fresh)
    text = "\n".join(ln for ln in text.split("\n") if not ln.lstrip().startswith(">"))
    groups: list[dict] = []
    last_end = -100
    for m in _PART.finditer(text):
        parts = _parts(m, text)
        if parts is None:
            continue
        if groups and m.start() - last_end <= _GAP and not (set(parts) & set(groups[-1])) \
                and "\n" not in text[last_end:m.start()]:
            groups[-1].update(parts)
        else:
            groups.append(parts)
        last_end = m.end()
    return tuple(Mention(**g) for g in groups if g)


def _parts(m: re.Match, text: str) -> dict | None:
    if m["md"]:
        month, day = _value(m["m"]), _value(m["d1"])
        if month and day and 1 <= month <= 12 and 1 <= day <= 31:
            return {"month": month, "day": day}
        return None
    if m["d"]:
        day = _value(m["d2"])
        return {"day": day} if day and 1 <= day <= 31 else None
    if m["wd"]:
        return {"weekday": _WEEKDAYS.index(m["w1"] or m["w2"])}
    if m["t"]:
        if _NOT_START_BEFORE.search(text[max(0, m.start() - 2):m.start()]):
            return None                           # 「14時〜15時」's 15時 ends a range
        hour = _value(m["h"])
        if hour is None or hour > 23:
            return None
        minute = 30 if m["half"] else int(m["min"] or m["mm"] or 0)
        ampm = m["ampm"]
        explicit = ampm in ("午前", "午後")
        if ampm == "午後" and hour < 12:
            hour += 12
        return {"hour": hour, "minute": minute, "explicit_half": explicit}
    if m["ap"]:
        return {"half": "am" if m["ap"] == "午前" else "pm"}
    return None


__all__ = ["Mention", "read_mentions"]
