"""English in seekers' mail: dates with month names, names after an introduction, option numbers.

The office serves foreign residents, who write "Dec 3 at 2pm", "3rd December, 14:00", "My name
is ...", "I'll take option 2". The Japanese readers look for 月/日 and kana; this module reads the
English forms and hands back the same value types, so the rest of the parser (and the
conversation) treat an English mail like a Japanese one. Pure functions over already separated
fresh text; no dictionary, no guessing at free prose.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Mapping

from mailbot.understand.model import Requested

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for m in names}
_MONTH = r"(?P<{g}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# "Dec 14", "December 22nd", "17th December", "17 Dec", "Monday, December 21", "the 3rd of December"
_DATE = re.compile(
    rf"(?<![A-Za-z0-9]){_WEEKDAY}(?:{_MONTH.format(g='m1')}\s+(?P<d1>\d{{1,2}}){_ORD}(?![\d:])"
    rf"|(?:the\s+)?(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH.format(g='m2')}"
    # "12/17 at 10" in English mail: month first, as the Japanese reader reads it too
    r"|(?<![\d/])(?P<sm>\d{1,2})/(?P<sd>\d{1,2})(?![\d/]))(?![A-Za-z])"
    r"(?:,?\s*(?P<y>20\d\d))?"
    # "December 11 (Fri)": the weekday written after the date
    r"(?:\s*\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\))?", re.I)
_HOUR = r"(?P<{h}>\d{{1,2}})(?:[:.](?P<{mi}>\d{{2}}))?\s*(?P<{ap}>a\.?m\.?|p\.?m\.?)?(?![\d])"
_AT = re.compile(r"^\s*(?:,|\(|at|from|,\s*at|around|about|between|-|–)?\s*" + _HOUR.format(h="h", mi="mi", ap="ap")
                 + r"(?:\s*(?:-|–|to|until|till|and)\s*" + _HOUR.format(h="h2", mi="mi2", ap="ap2") + r")?", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "tomorrow", "the day after tomorrow", "next Tuesday", "this Friday", "on Monday at 10am"
_RELATIVE = re.compile(r"(?<![A-Za-z])(?:(?P<tom>the day after tomorrow|tomorrow)"
                       r"|(?:(?P<rel>next|this|coming|on)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                       r"(?![A-Za-z])(?!,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)))", re.I)
_PART = re.compile(r"^\s*(?:,|\()?\s*(?:(?:any\s*time|sometime|some\s+time|preferably)\s+)?(?:in\s+the\s+|during\s+the\s+|,\s*)?(?P<part>morning|afternoon|a\.m\.|p\.m\.|am\b|pm\b)", re.I)
# A date that is not a wish: the old date of a move, a deadline, a stated absence, a booking named
# to cancel it, a past event.
_NOT_WISH_BEFORE = re.compile(r"(?:\bfrom|\buntil|\btill|\bbefore|\bby|\bsince|\bon|\bof)\s*$", re.I)
_MOVE_FROM = re.compile(r"\b(?:move|change|reschedule|shift|postpone)\b[^.?!\n]{0,40}\bfrom\s*$", re.I)
_DEADLINE = re.compile(r"\b(?:until|till|before|by|since|deadline|expires?|closed|out of (?:the )?office|away|absent)\b[^.?!\n]{0,12}$", re.I)
# "I can't make it on Dec 15", "I am busy on the 16th": a day ruled out.
_UNAVAILABLE = re.compile(r"(?:\b(?:can't|cannot|can not|won't|unable to|not able to)\s+(?:make it|come|attend|join|do)\b"
                          r"|\b(?:busy|not available|unavailable|not free|not possible)\b)[^.?!\n]{0,12}$", re.I)
_UNAVAILABLE_AFTER = re.compile(r"^[^.?!\n]{0,30}?\b(?:is|are|will be|would be)?\s*(?:not (?:possible|good|ok|okay|available|free)"
                                r"|(?:doesn't|does not|won't) work|impossible|bad for me|no good)\b", re.I)
_EXISTING = re.compile(r"\b(?:cancel|my appointment|my booking|my reservation|booked|scheduled|interview|visited|came)\b"
                       r"[^.?!\n]{0,30}$", re.I)
_WISH = re.compile(r"\b(?:would like|like to|want|wish|prefer|preferred|possible|available|could|can i|may i|"
                   r"please|works? for me|is fine|fine|ok(?:ay)?|good|suits?|perfect|book|have it|take|to)\b", re.I)

_EN_WORDS = re.compile(r"[A-Za-z]{2,}")


def _ruled_out(before: str) -> bool:
    """"I can't make it on …" rules the date out; "If that is not possible, …" offers it instead."""
    return bool(_UNAVAILABLE.search(before)) and not re.search(r"\b(?:if|otherwise|instead of)\b", before, re.I)


def mostly_english(text: str) -> bool:
    """More Latin words than Japanese characters: the writer's language is English."""
    latin = sum(len(w) for w in _EN_WORDS.findall(text))
    japanese = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff]", text))
    return latin > 2 * japanese and latin >= 12


def _year_of(today: date, month: int, day: int, year: int | None) -> date | None:
    for y in ((year,) if year else (today.year, today.year + 1)):
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        if year or d >= today:
            return d
    return None


def _clock(h: str, mi: str | None, ap: str | None, ap_default: str | None) -> time | None:
    hour, minute = int(h), int(mi or 0)
    ap = (ap or ap_default or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    elif not ap and not mi and not 7 <= hour <= 20:
        if 1 <= hour <= 5:
            hour += 12                            # "at 3" in office hours is 15:00
        else:
            return None
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


_SAME_TIME = re.compile(r"^\s*,?\s*(?:at\s+)?(?:the\s+)?same\s+time\s*", re.I)
_JOINED = re.compile(r"\s*,?\s*(?:or|and|,)\s*(?:on\s+)?", re.I)
_WRAP = re.compile(r"[A-Za-z,]$")


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding `pos`: after . ? ! or a line break, except a line break that
    only wraps a sentence ("…move my appointment from\nDec 18 to …")."""
    start = max(text.rfind(c, 0, pos) for c in ".?!") + 1
    nl = pos
    while True:
        nl = text.rfind("\n", start, nl)
        if nl < 0:
            return start
        before = text[:nl].rstrip(" \t")
        after = text[nl + 1:].lstrip(" \t")
        if not (_WRAP.search(before) and re.match(r"[A-Za-z0-9]", after)):
            return nl + 1


def english_requested(text: str, today: date, windows: Mapping[str, tuple[time, time]]) -> list[tuple[int, Requested]]:
    """(position, wish) for each English-written date that asks for a session."""
    out: list[tuple[int, Requested]] = []
    spans: list[tuple[int, int]] = []
    english = mostly_english(text)
    for m in _DATE.finditer(text):
        if m["sm"]:
            if not english or not 1 <= int(m["sm"]) <= 12:
                continue                          # Japanese text: dates.py reads M/D with its times
            month, dom = int(m["sm"]), int(m["sd"])
        else:
            month, dom = _MONTHS[(m["m1"] or m["m2"]).lower()], int(m["d1"] or m["d2"])
        d = _year_of(today, month, dom, int(m["y"]) if m["y"] else None)
        if d is None or d < today or d > today + timedelta(days=180):
            continue
        sentence_start = _sentence_start(text, m.start())
        before = text[sentence_start:m.start()]
        after = text[m.end():m.end() + 40]
        new_date = bool(re.search(r"\b(?:to|into|for)\s*$", before, re.I))   # "move it from Dec 7 to Dec 9"
        if _MOVE_FROM.search(before) or _DEADLINE.search(before) or _ruled_out(before) \
                or _UNAVAILABLE_AFTER.match(text[m.end():]) or (_EXISTING.search(before) and not new_date):
            continue
        start = end = None
        same = _SAME_TIME.match(after)           # "…, same time (11:00)": the hour restated
        if same:
            after = after[same.end():] if _AT.match(after[same.end():]) else after
        at = _AT.match(after)
        part = _PART.match(after)
        if at and (at["ap"] or at["mi"] or re.match(r"\s*(?:,|\(|at|from)", after, re.I)):
            start = _clock(at["h"], at["mi"], at["ap"], at["ap2"])
            if at["h2"]:
                end = _clock(at["h2"], at["mi2"], at["ap2"], at["ap"])
                if start and end and end <= start:
                    end = None
        elif part:
            word = part["part"].lower().replace(".", "")
            start, end = windows["am"] if word in ("morning", "am") else windows["pm"]
        if start is None:
            end = None
        out.append((m.start(), Requested(d, start, end)))
        spans.append((m.start(), m.end()))
    # "Monday Dec 21 or Tuesday Dec 22, same time (11:00)": dates joined only by or / and share
    # the time written after the last of them
    for k in range(len(out) - 2, -1, -1):
        (p, r), (_, nxt) = out[k], out[k + 1]
        if r.start is None and nxt.start is not None and _JOINED.fullmatch(text[spans[k][1]:spans[k + 1][0]]):
            out[k] = (p, Requested(r.date, nxt.start, nxt.end))
    out += _relative(text, today, windows, [p for p, _ in out])
    return sorted(out, key=lambda x: x[0])


def _relative(text: str, today: date, windows, taken: list[int]) -> list[tuple[int, Requested]]:
    """Relative English days, only with a time or part of day after them, or a wish word in the
    sentence: "tomorrow afternoon", "next Tuesday at 10am" (weeks start on Monday, as 来週 does)."""
    out: list[tuple[int, Requested]] = []
    for m in _RELATIVE.finditer(text):
        if any(abs(m.start() - p) < 12 for p in taken):
            continue                              # "Monday, December 21": the date's own weekday
        if m["tom"]:
            d = today + timedelta(days=2 if m["tom"].lower().startswith("the") else 1)
        else:
            wd = _WEEKDAYS.index(m["wd"].lower())
            rel = (m["rel"] or "").lower()
            ahead = (wd - today.weekday()) % 7 or 7
            d = today + timedelta(days=ahead)
            if rel == "next" and d.isocalendar()[1] == today.isocalendar()[1]:
                d += timedelta(days=7)             # "next Friday" said on a Monday: next week's
        sentence_start = _sentence_start(text, m.start())
        end = min([i for i in (text.find(c, m.end()) for c in ".?!\n") if i >= 0] or [len(text)])
        before, after = text[sentence_start:m.start()], text[m.end():m.end() + 40]
        if _MOVE_FROM.search(before) or _DEADLINE.search(before) or _EXISTING.search(before) \
                or _ruled_out(before) or _UNAVAILABLE_AFTER.match(text[m.end():]):
            continue
        start = stop = None
        at, part = _AT.match(after), _PART.match(after)
        if at and (at["ap"] or at["mi"] or re.match(r"\s*(?:,|\(|at|from|between)", after, re.I)):
            start = _clock(at["h"], at["mi"], at["ap"], at["ap2"])
            stop = _clock(at["h2"], at["mi2"], at["ap2"], at["ap"]) if at["h2"] else None
            if start and stop and stop <= start:
                stop = None
        elif part:
            word = part["part"].lower().replace(".", "")
            start, stop = windows["am"] if word in ("morning", "am") else windows["pm"]
        elif not _WISH.search(text[sentence_start:end]):
            continue                              # "I work on Mondays", "see you tomorrow"
        out.append((m.start(), Requested(d, start, stop if start else None)))
    return out


# ----------------------------------------------------------------------------------- names ------
_NAME_WORD = r"[A-Z][a-z'\-]+|[A-Z]{2,}"
_LATIN_NAME = rf"(?P<n>(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}})"
_INTRO = re.compile(rf"\b(?:my name is|my name's|i am|i'm|this is)\s+{_LATIN_NAME}(?=\s*(?:[,.!(]|\band\b|$))", re.I | re.M)
_NOT_NAME = {"hello", "hi", "dear", "thanks", "thank", "regards", "best", "kind", "sincerely", "cheers",
             "sorry", "please", "yes", "no", "ok", "okay", "good", "morning", "afternoon", "evening",
             "japan", "japanese", "english", "akita", "from", "looking", "writing", "interested",
             "available", "free", "fine", "hello work", "online", "consultation", "option", "number",
             # roles and teams sign mail too, but they are nobody's name
             "administrator", "admin", "team", "support", "service", "services", "center", "centre",
             "office", "department", "customer", "staff", "manager", "desk", "system", "mail", "user",
             "prize", "winner", "calendar", "notification", "reply", "noreply",
             # what "I am …" says about someone that is not their name
             "currently", "living", "working", "student", "unemployed", "married", "single", "new",
             "also", "still", "not", "here", "glad", "happy", "interested", "unable", "able", "going",
             "calling", "contacting", "vietnamese", "chinese", "filipino", "brazilian",
             "nepali", "korean", "american", "british", "indonesian", "thai", "indian"}
_CLOSING = re.compile(r"^(?:best(?: regards| wishes)?|kind regards|regards|sincerely|yours(?: sincerely| truly)?|"
                      r"thank you(?: very much)?|thanks(?: a lot)?|many thanks|cheers|with thanks|respectfully)[,.!]?\s*$", re.I)


def _ok(name: str) -> bool:
    words = name.split()
    return bool(words) and not any(w.lower().strip(".,") in _NOT_NAME for w in words) \
        and name.lower() not in _NOT_NAME


def english_name(text: str, signature: bool = False) -> tuple[str, str] | None:
    """(name, rule) from an English introduction or sign-off ("Thanks, Ram Bahadur" too); in a
    signature block its first line; None when there is none."""
    for m in _INTRO.finditer(text):
        # "I am Chen Wei" must start with a capital as written (re.I matched the phrase only).
        name = " ".join(m["n"].split())
        if name[0].isupper() and _ok(name) and not re.match(r"\s*(?:from|in|at|a|an|the)\b", text[m.end("n"):], re.I):
            return name, "introduction"
    lines = [ln.strip() for ln in text.split("\n") if ln.strip() and not re.fullmatch(r"[-—―_=*~]+", ln.strip())]
    if signature and lines and re.fullmatch(rf"(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}}", lines[0]) and _ok(lines[0]):
        return lines[0], "signoff"
    if lines:
        closing = re.match(r"^(?:.*[.!?]\s+)?(?:thanks|thank you|best regards|regards|best|cheers|sincerely),\s+"
                           rf"(?P<n>(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}})\.?$", lines[-1], re.I)
        if closing and closing["n"][0].isupper() and _ok(closing["n"]):
            return closing["n"], "signoff"
    for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        ln = lines[i]
        if re.fullmatch(rf"(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}}", ln) and _ok(ln):
            prev = lines[i - 1] if i else ""
            if _CLOSING.match(prev) or i == len(lines) - 1:
                return ln, "signoff"
        if not re.search(r"\d|@|tel|phone|mobile", ln, re.I):
            break
    return None


# ----------------------------------------------------------------------------------- choice -----
_CHOICE = re.compile(r"\b(?:option|number|choice|slot|no\.?|#)\s*#?(?P<n>\d{1,2})(?![\d:/])"
                     # "the 2nd option", "the third one": an ordinal written like 二番目 (not "first",
                     # a position like 最初の, asked back below)
                     r"|\b(?P<o>1st|2nd|3rd|[45]th|second|third|fourth|fifth)\s+(?:one|option|slot|date|time|choice)\b", re.I)
_ORDINAL = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_NOT_CHOICE = re.compile(r"\b(?:phone|seeker|job seeker|tel|mobile|room|apartment|house|zip|postal|my)\s*$", re.I)
# "the first one", "the last option": a position, not a written number. As with 最初の日程, the
# choice stays None and the conversation asks back (shared/examples/README.md counts written
# numbers only).
POSITION = re.compile(r"\bthe\s+(?:first|last|earliest|latest)\s+(?:one|option|slot|date|time|choice)\b", re.I)


def english_choices(text: str) -> list[int]:
    """Option numbers written in English ("option 2", "Number 3", "slot #1")."""
    found: list[int] = []
    for m in _CHOICE.finditer(text):
        if _NOT_CHOICE.search(text[max(0, m.start() - 14):m.start()]):
            continue
        n = int(m["n"]) if m["n"] else _ORDINAL[m["o"].lower()]
        if 1 <= n <= 20 and n not in found:
            found.append(n)
    return found


# ----------------------------------------------------------------------------------- intent -----
CANCEL = re.compile(r"\b(?:cancel(?!lation policy)|call off|withdraw (?:my|the) (?:request|booking|application))\b", re.I)
CHANGE = re.compile(r"\b(?:reschedule|postpone|(?:move|change|shift)\s+(?:my|the|our)\s+(?:appointment|booking|"
                    r"consultation|reservation|session|date|time))\b", re.I)
BOOK = re.compile(r"\bpreferred (?:date|time|day)s?\s*:|\b(?:book(?!\s+(?:it|that|this|them)\b)|reserve|make an appointment|(?:would|'d) like (?:to have |an? )?(?:online )?(?:job )?"
                  r"consultation|want (?:a |an )?(?:online )?(?:job )?consultation|consultation please|"
                  r"(?:like|want) to (?:have|get) (?:an? )?(?:online )?(?:job )?consultation)\b", re.I)
# "Before I book, I have two questions": booking named as what comes later, not asked for now.
_BOOK_LATER = re.compile(r"\b(?:before|after|once|if|whether|when)\s+(?:i\s+|we\s+)?(?:can\s+|could\s+)?$", re.I)


def asks_to_book(text: str) -> bool:
    """An English booking phrase that asks for a consultation now (not "before I book …")."""
    for x in sentences(text):
        for m in BOOK.finditer(x):
            if not _BOOK_LATER.search(x[:m.start()]):
                return True
    return False


# A sentence about cancelling or changing in general: "If I need to cancel, how do I tell you?"
GENERAL = re.compile(r"\b(?:if|how|when|whether|policy)\b", re.I)
AGREE = re.compile(r"\b(?:i agree|agreed|i accept|that(?:'s| is) (?:fine|ok|okay|good|perfect)|sounds good|works for me"
                   r"|yes,? please|please (?:book|confirm) it|i(?:'ll| will) (?:take|attend|join) (?:it|that))\b", re.I)


def sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?])\s+|\n", text) if x.strip()]


# "I had to cancel my job interview": cancelling something else, unless our booking is named.
_OTHER_THING = re.compile(r"\b(?:interview|job|application|order|subscription|contract|flight|trip|class|lesson)\b", re.I)
_OUR_THING = re.compile(r"\b(?:appointment|booking|reservation|consultation|session|meeting)\b", re.I)


def firm(rx: re.Pattern[str], text: str) -> bool:
    """`rx` in a sentence that is not about the general case nor about something else."""
    return any(rx.search(x) and not GENERAL.search(x) and not (_OTHER_THING.search(x) and not _OUR_THING.search(x))
               for x in sentences(text))
