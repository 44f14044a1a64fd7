"""Load, validate and hot-reload the rule files admins edit (`rules/*.yaml`).

Why this shape: office staff edit these files by hand while the daemon runs. A typo must never
silently change behaviour, so every key is checked (unknown keys are errors), every problem is
reported as ``file:line: key: problem`` (all of them at once, so one `mailbot rules check` run
shows everything), and a bad edit keeps the last good rules in a running daemon.

YAML 1.2 (ruamel.yaml) is required: YAML 1.1 loaders read ``17:15`` as 1035 and ``no`` as False.
Problems are written in Japanese because the people who fix them are the office staff.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import date, time
from time import time_ns
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

log = logging.getLogger(__name__)

FILES = ("office.yaml", "calendar.yaml", "policy.yaml", "sessions.yaml")
OPTIONAL_FILES = ("site.yaml",)     # defaults apply when absent
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
URL_PLACEHOLDERS = ("counter", "reference", "date", "time", "seat")


# ---------------------------------------------------------------------------- the typed rules


@dataclass(frozen=True)
class Office:
    name: str                  # ハローワーク秋田 (From display name, subjects)
    formal_name: str           # 秋田公共職業安定所
    department: str            # 職業相談部門 オンライン職業相談担当
    address: str               # the bot's mailbox, seekers write here
    phone: str
    phone_hours: str           # free text shown in mails, e.g. 平日 8:30〜17:15
    staff_address: str         # where escalations go
    reference_prefix: str      # AK -> AK-2612-0001


@dataclass(frozen=True)
class Counter:
    id: str
    name: str
    capacity: int                                # seekers served at once
    weekly: tuple[tuple[time, ...], ...]         # 7 entries, Monday first: slot start times


@dataclass(frozen=True)
class ClosedDate:
    date: date
    note: str
    counters: tuple[str, ...] = ()               # empty = the whole office


@dataclass(frozen=True)
class OpenDate:
    """A day open with these start times, whatever the weekday, holiday or closure says."""

    date: date
    note: str
    times: tuple[time, ...]
    counters: tuple[str, ...] = ()               # empty = every counter


@dataclass(frozen=True)
class YearEndClosure:
    start: tuple[int, int]                       # (month, day), e.g. (12, 29)
    end: tuple[int, int]                         # (month, day), e.g. (1, 3); may wrap the year
    note: str

    def covers(self, day: date) -> bool:
        md = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= md <= self.end
        return md >= self.start or md <= self.end


@dataclass(frozen=True)
class CalendarRules:
    timezone: ZoneInfo
    slot_minutes: int
    closing_time: time                           # every session ends by this time
    counters: tuple[Counter, ...]
    national_holidays: bool                      # closed on 祝日 (from jpholiday)
    year_end_closure: YearEndClosure | None
    closed_dates: tuple[ClosedDate, ...]
    open_dates: tuple[OpenDate, ...]

    def counter(self, counter_id: str) -> Counter | None:
        return next((c for c in self.counters if c.id == counter_id), None)


@dataclass(frozen=True)
class Reminder:
    enabled: bool
    days_before: int
    send_at: time


@dataclass(frozen=True)
class DigestRules:
    """The morning digest to office.staff_address (policy.digest): the day's sessions, mail
    waiting for review, open escalations, failed sends and yesterday's no-shows."""

    enabled: bool = True
    send_at: time = time(8, 30)                  # on each working day (office calendar)


@dataclass(frozen=True)
class Caps:
    """Mail per address per day, across all conversations (trust: nobody floods a stranger)."""

    per_sender_per_day: int = 10
    per_recipient_per_day: int = 10


@dataclass(frozen=True)
class Policy:
    slots_per_offer: int
    min_days_ahead: int              # earliest offerable slot: today + N calendar days
    search_days: int                 # latest offerable slot: today + N calendar days
    confirm_by: str                  # "previous_day_end" | "previous_business_day_end"
    offer_valid_days: int            # an offer lapses at the end of sent day + N (or earlier)
    needs_info_expire_days: int
    no_show_minutes: int
    no_show_limit: int               # this many no-shows -> new requests go to staff
    same_day_cancel: str             # "phone_only" | "mail"
    review: str                      # "none" | "all" | "first_mail"
    reminder: Reminder
    archive_after_days: int
    retention_days: int
    windows: Mapping[str, tuple[time, time]]   # "am"/"pm" -> (start, end) for 午前/午後
    max_slots_per_offer: int = 5     # an offer grows to this to cover every wished day
    caps: Caps = Caps()
    max_message_bytes: int = 10_000_000          # larger mail goes to staff, never downloaded whole
    digest: DigestRules = DigestRules()


@dataclass(frozen=True)
class SessionRoute:
    """How one counter's session URL is made: a template, or one fixed room URL per seat."""

    counter: str
    url: str | None
    rooms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sessions:
    app_name: str
    routes: Mapping[str, SessionRoute]           # counter id -> route (every counter has one)


@dataclass(frozen=True)
class SiteLimits:
    """How often the booking site answers one client or takes one address (abuse, mail bombs)."""

    per_client_per_hour: int = 30                # form posts and link pages per client address
    per_email_per_day: int = 5                   # applications per email address


@dataclass(frozen=True)
class SiteRules:
    """The booking site (予約サイト, terms art. 6 (2)-(6)): rules/site.yaml."""

    enabled: bool = True
    link_minutes: int = 60                       # the link in our mail confirms within this
    limits: SiteLimits = SiteLimits()


@dataclass(frozen=True)
class Rules:
    office: Office
    calendar: CalendarRules
    policy: Policy
    sessions: Sessions
    version: str                                 # hash of the rule files: which rules decided
    site: SiteRules = SiteRules()


class RulesError(Exception):
    """Rule files that cannot be used; `errors` holds every ``file:line: problem`` line."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


# ---------------------------------------------------------------------------- validation kit

_BAD: Any = object()            # a value that failed validation (its error is already recorded)


class _Bad(Exception):
    """Raised by a converter; the caller records it with file, line and key."""


class _Doc:
    """Collects problems for one rule file."""

    def __init__(self, path: Path, errors: list[str]):
        self.path = path
        self.errors = errors

    def error(self, line: int, where: str, problem: str) -> None:
        prefix = f"{self.path}:{line}: "
        self.errors.append(prefix + (f"{where}: {problem}" if where else problem))


Conv = Callable[[_Doc, Any, int, str], Any]


class _Field(NamedTuple):
    conv: Conv
    required: bool = True
    default: Any = None


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _convert(doc: _Doc, conv: Conv, value: Any, line: int, where: str) -> Any:
    try:
        return conv(doc, value, line, where)
    except _Bad as e:
        doc.error(line, where, str(e))
        return _BAD


def _table(doc: _Doc, node: Any, line: int, where: str, fields: Mapping[str, _Field]) -> dict | Any:
    """Check a mapping against its known keys and convert each value."""
    if not isinstance(node, CommentedMap):
        doc.error(line, where, "「項目: 値」の形で書いてください")
        return _BAD
    for key in node:
        if key not in fields:
            kline = node.lc.key(key)[0] + 1
            hint = difflib.get_close_matches(str(key), list(fields), n=1)
            known = f"「{hint[0]}」の書き間違いではありませんか" if hint else "使える項目: " + ", ".join(fields)
            doc.error(kline, _join(where, str(key)), f"知らない項目です（{known}）")
    out: dict[str, Any] = {}
    for name, f in fields.items():
        sub = _join(where, name)
        if name not in node:
            if f.required:
                doc.error(line, sub, "この項目がありません")
                out[name] = _BAD
            else:
                out[name] = f.default
            continue
        out[name] = _convert(doc, f.conv, node[name], node.lc.key(name)[0] + 1, sub)
    return out


def _items(conv: Conv, *, allow_empty: bool = True) -> Conv:
    """A YAML list whose items are converted by `conv` (errors point at each item's line)."""

    def convert(doc: _Doc, value: Any, line: int, where: str) -> tuple:
        if value is None and allow_empty:
            return ()
        if not isinstance(value, CommentedSeq):
            raise _Bad("一覧（- で始まる行、または [a, b]）で書いてください")
        if not value and not allow_empty:
            raise _Bad("一つ以上書いてください")
        out = []
        for i, item in enumerate(value):
            iline = value.lc.item(i)[0] + 1
            out.append(_convert(doc, conv, item, iline, f"{where}[{i}]"))
        return tuple(out)

    return convert


def _text(doc: _Doc, value: Any, line: int, where: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _Bad(f"文字として読めません（{value!r}）。\"\" で囲んでください")
    if not isinstance(value, str) or not value.strip():
        raise _Bad("文字を書いてください")
    return value.strip()


def _email(doc: _Doc, value: Any, line: int, where: str) -> str:
    text = _text(doc, value, line, where)
    local, at, domain = text.rpartition("@")
    if not at or not local or "." not in domain or re.search(r"\s", text):
        raise _Bad(f"メールアドレスとして読めません（{text}）")
    return text


def _phone(doc: _Doc, value: Any, line: int, where: str) -> str:
    text = _text(doc, value, line, where)
    if not re.fullmatch(r"0\d{1,4}-\d{1,4}-\d{3,4}", text):
        raise _Bad(f"電話番号は 018-860-0000 の形で書いてください（{text}）")
    return text


def _prefix(doc: _Doc, value: Any, line: int, where: str) -> str:
    text = _text(doc, value, line, where)
    if not re.fullmatch(r"[A-Z]{1,5}", text):
        raise _Bad(f"英大文字 1〜5 字で書いてください（{text}）")
    return text


def _ident(doc: _Doc, value: Any, line: int, where: str) -> str:
    text = _text(doc, value, line, where)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,19}", text):
        raise _Bad(f"英小文字・数字・-・_ で 20 字まで（URL にも使います）（{text}）")
    return text


def _integer(lo: int, hi: int) -> Conv:
    def convert(doc: _Doc, value: Any, line: int, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(f"{lo}〜{hi} の整数を書いてください（{value!r}）")
        if not lo <= value <= hi:
            raise _Bad(f"{lo}〜{hi} の整数を書いてください（{int(value)}）")
        return int(value)

    return convert


def _flag(doc: _Doc, value: Any, line: int, where: str) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"true か false を書いてください（{value!r}）")
    return value


def _choice(*options: str) -> Conv:
    def convert(doc: _Doc, value: Any, line: int, where: str) -> str:
        if value not in options:
            raise _Bad(f"{' / '.join(options)} のどれかを書いてください（{value!r}）")
        return value

    return convert


def _clock(doc: _Doc, value: Any, line: int, where: str) -> time:
    m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip()) if isinstance(value, str) else None
    if not m:
        raise _Bad(f"時刻は \"HH:MM\" の形で書いてください（{value!r}）")
    return time(int(m[1]), int(m[2]))


def _day(doc: _Doc, value: Any, line: int, where: str) -> date:
    # Dates arrive as text (see _Constructor), so an impossible one is ours to report.
    if isinstance(value, date):
        return value
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip()) if isinstance(value, str) else None
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise _Bad(f"{value.strip()} という日付はありません（月と日を確かめてください）") from None
    raise _Bad(f"日付は 2026-12-03 の形で書いてください（{value!r}）")


def _month_day(doc: _Doc, value: Any, line: int, where: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", value.strip()) if isinstance(value, str) else None
    if m:
        try:
            date(2000, int(m[1]), int(m[2]))       # a leap year, so 02-29 is accepted
            return int(m[1]), int(m[2])
        except ValueError:
            pass
    raise _Bad(f"月日は \"12-29\" の形で書いてください（{value!r}）")


def _zone(doc: _Doc, value: Any, line: int, where: str) -> ZoneInfo:
    name = _text(doc, value, line, where)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise _Bad(f"タイムゾーン名として読めません（{name}）") from None


def _url_template(doc: _Doc, value: Any, line: int, where: str) -> str:
    text = _text(doc, value, line, where)
    if not text.startswith("https://"):
        raise _Bad(f"https:// で始まる URL を書いてください（{text}）")
    names = re.findall(r"\{([^{}]*)\}", text)
    unknown = [n for n in names if n not in URL_PLACEHOLDERS]
    if unknown or text.count("{") != len(names) or text.count("}") != len(names):
        raise _Bad(f"使える差し込みは {{{'}, {'.join(URL_PLACEHOLDERS)}}} だけです（{text}）")
    return text


def _times(doc: _Doc, value: Any, line: int, where: str) -> tuple[time, ...]:
    times = _items(_clock)(doc, value, line, where)
    good = [t for t in times if t is not _BAD]
    if len(good) == len(times) and list(good) != sorted(set(good)):
        raise _Bad("時刻は早い順に、重複なく書いてください")
    return times


# ---------------------------------------------------------------------------- the four files


def _office(doc: _Doc, node: Any) -> Office | None:
    t = _table(doc, node, 1, "", {
        "name": _Field(_text), "formal_name": _Field(_text), "department": _Field(_text),
        "address": _Field(_email), "phone": _Field(_phone), "phone_hours": _Field(_text),
        "staff_address": _Field(_email), "reference_prefix": _Field(_prefix),
    })
    return None if t is _BAD else Office(**t)


def _weekly(doc: _Doc, value: Any, line: int, where: str) -> tuple[tuple[time, ...], ...]:
    t = _table(doc, value, line, where, {d: _Field(_times, required=False, default=()) for d in WEEKDAYS})
    if t is _BAD:
        return _BAD
    return tuple(t[d] for d in WEEKDAYS)


def _counter(default_weekly: Any) -> Conv:
    def convert(doc: _Doc, value: Any, line: int, where: str) -> Counter:
        t = _table(doc, value, line, where, {
            "id": _Field(_ident), "name": _Field(_text), "capacity": _Field(_integer(1, 50)),
            "weekly": _Field(_weekly, required=False, default=default_weekly),
        })
        return _BAD if t is _BAD else Counter(**t)

    return convert


def _closed_date(doc: _Doc, value: Any, line: int, where: str) -> ClosedDate:
    t = _table(doc, value, line, where, {
        "date": _Field(_day), "note": _Field(_text),
        "counters": _Field(_items(_ident), required=False, default=()),
    })
    return _BAD if t is _BAD else ClosedDate(**t)


def _open_date(doc: _Doc, value: Any, line: int, where: str) -> OpenDate:
    t = _table(doc, value, line, where, {
        "date": _Field(_day), "note": _Field(_text), "times": _Field(_times),
        "counters": _Field(_items(_ident), required=False, default=()),
    })
    return _BAD if t is _BAD else OpenDate(**t)


def _closure(doc: _Doc, value: Any, line: int, where: str) -> YearEndClosure | None:
    if value is None:
        return None
    t = _table(doc, value, line, where, {
        "start": _Field(_month_day), "end": _Field(_month_day), "note": _Field(_text),
    })
    return _BAD if t is _BAD else YearEndClosure(**t)


def _calendar(doc: _Doc, node: Any) -> CalendarRules | None:
    before = len(doc.errors)
    if not isinstance(node, CommentedMap):
        doc.error(1, "", "「項目: 値」の形で書いてください")
        return None
    weekly_line = node.lc.key("weekly")[0] + 1 if "weekly" in node else 1
    default_weekly = _convert(doc, _weekly, node["weekly"], weekly_line, "weekly") if "weekly" in node \
        else tuple(() for _ in WEEKDAYS)
    t = _table(doc, node, 1, "", {
        "timezone": _Field(_zone), "slot_minutes": _Field(_integer(10, 240)),
        "closing_time": _Field(_clock), "weekly": _Field(lambda *a: default_weekly, required=False),
        "counters": _Field(_items(_counter(default_weekly), allow_empty=False)),
        "national_holidays": _Field(_flag), "year_end_closure": _Field(_closure),
        "closed_dates": _Field(_items(_closed_date), required=False, default=()),
        "open_dates": _Field(_items(_open_date), required=False, default=()),
    })
    if len(doc.errors) > before:
        return None
    t.pop("weekly")
    cal = CalendarRules(**t)
    _check_calendar(doc, node, cal, default_weekly)
    return None if len(doc.errors) > before else cal


def _item_lines(seq: Any, default: int) -> list[int]:
    """The line of each item of a YAML list (all on one line for ["09:00", "10:00"])."""
    if not isinstance(seq, CommentedSeq):
        return []
    return [seq.lc.item(i)[0] + 1 for i in range(len(seq))] or [default]


def _check_calendar(doc: _Doc, node: CommentedMap, cal: CalendarRules,
                    shared: tuple[tuple[time, ...], ...]) -> None:
    """Cross-field checks: slots fit the day, ids are unique and known, dates not contradictory.

    A slot problem points at the line that holds the slot time, wherever it is written: the
    shared weekly (checked once, not again for each counter that uses it), a counter's own
    weekly, or an open date's times."""
    step = cal.slot_minutes
    close = cal.closing_time.hour * 60 + cal.closing_time.minute

    def fits(times: tuple[time, ...], lines: list[int], line: int, where: str) -> None:
        minutes = [t.hour * 60 + t.minute for t in times]
        at = [lines[i] if i < len(lines) else line for i in range(len(minutes))]
        for i, (a, b) in enumerate(zip(minutes, minutes[1:])):
            if b - a < step:
                doc.error(at[i + 1], where, f"{b // 60:02d}:{b % 60:02d} の枠が {a // 60:02d}:{a % 60:02d} "
                                            f"からの枠（{step} 分）と重なります")
        if minutes and minutes[-1] + step > close:
            m = minutes[-1]
            doc.error(at[-1], where, f"{m // 60:02d}:{m % 60:02d} からの {step} 分が "
                                     f"closing_time {cal.closing_time:%H:%M} を過ぎます")

    def weekly(weekly_node: Any, week: tuple[tuple[time, ...], ...], line: int, where: str) -> None:
        for d, times in zip(WEEKDAYS, week):
            day_node = weekly_node.get(d) if isinstance(weekly_node, CommentedMap) else None
            day_line = weekly_node.lc.key(d)[0] + 1 if day_node is not None else line
            fits(times, _item_lines(day_node, day_line), day_line, f"{where}.{d}")

    if "weekly" in node:
        weekly(node["weekly"], shared, node.lc.key("weekly")[0] + 1, "weekly")
    counters = node["counters"]
    ids = [c.id for c in cal.counters]
    for i, c in enumerate(cal.counters):
        cline = counters.lc.item(i)[0] + 1
        if ids.index(c.id) != i:
            doc.error(cline, f"counters[{i}].id", f"窓口 id「{c.id}」が重複しています")
        own = counters[i]
        if isinstance(own, CommentedMap) and "weekly" in own:
            weekly(own["weekly"], c.weekly, own.lc.key("weekly")[0] + 1, f"counters[{i}].weekly")

    def known(entries: tuple, key: str) -> None:
        for i, e in enumerate(entries):
            line = node[key].lc.item(i)[0] + 1
            for cid in e.counters:
                if cid not in ids:
                    doc.error(line, f"{key}[{i}].counters", f"知らない窓口 id です（{cid}）")

    known(cal.closed_dates, "closed_dates")
    known(cal.open_dates, "open_dates")
    for i, o in enumerate(cal.open_dates):
        entry = node["open_dates"][i]
        line = node["open_dates"].lc.item(i)[0] + 1
        times_line = entry.lc.key("times")[0] + 1
        fits(o.times, _item_lines(entry["times"], times_line), times_line, f"open_dates[{i}].times")
        if any(c.date == o.date for c in cal.closed_dates):
            doc.error(line, f"open_dates[{i}]", f"{o.date} は closed_dates にもあります（どちらかにしてください）")
    seen: set = set()
    for i, o in enumerate(cal.open_dates):
        if o.date in seen:
            doc.error(node["open_dates"].lc.item(i)[0] + 1, f"open_dates[{i}]", f"{o.date} が重複しています")
        seen.add(o.date)


def _window(doc: _Doc, value: Any, line: int, where: str) -> tuple[time, time]:
    t = _table(doc, value, line, where, {"start": _Field(_clock), "end": _Field(_clock)})
    if t is _BAD or _BAD in t.values():
        return _BAD
    if t["start"] >= t["end"]:
        raise _Bad("start は end より前にしてください")
    return t["start"], t["end"]


def _windows(doc: _Doc, value: Any, line: int, where: str) -> Mapping[str, tuple[time, time]]:
    t = _table(doc, value, line, where, {"am": _Field(_window), "pm": _Field(_window)})
    return _BAD if t is _BAD else MappingProxyType(t)


def _reminder(doc: _Doc, value: Any, line: int, where: str) -> Reminder:
    t = _table(doc, value, line, where, {
        "enabled": _Field(_flag), "days_before": _Field(_integer(0, 14)), "send_at": _Field(_clock),
    })
    return _BAD if t is _BAD else Reminder(**t)


def _digest(doc: _Doc, value: Any, line: int, where: str) -> DigestRules:
    t = _table(doc, value, line, where, {
        "enabled": _Field(_flag, required=False, default=True),
        "send_at": _Field(_clock, required=False, default=DigestRules.send_at),
    })
    return _BAD if t is _BAD else DigestRules(**t)


def _caps(doc: _Doc, value: Any, line: int, where: str) -> Caps:
    t = _table(doc, value, line, where, {
        "per_sender_per_day": _Field(_integer(1, 1000)),
        "per_recipient_per_day": _Field(_integer(1, 1000)),
    })
    return _BAD if t is _BAD else Caps(**t)


def _policy(doc: _Doc, node: Any) -> Policy | None:
    before = len(doc.errors)
    t = _table(doc, node, 1, "", {
        "slots_per_offer": _Field(_integer(1, 10)),
        "min_days_ahead": _Field(_integer(1, 60)),
        "search_days": _Field(_integer(1, 366)),
        "confirm_by": _Field(_choice("previous_day_end", "previous_business_day_end")),
        "offer_valid_days": _Field(_integer(1, 60)),
        "needs_info_expire_days": _Field(_integer(1, 90)),
        "no_show_minutes": _Field(_integer(1, 60)),
        "no_show_limit": _Field(_integer(1, 20)),
        "same_day_cancel": _Field(_choice("phone_only", "mail")),
        "review": _Field(_choice("none", "all", "first_mail")),
        "reminder": _Field(_reminder),
        "archive_after_days": _Field(_integer(0, 3650)),
        "retention_days": _Field(_integer(1, 36500)),
        "windows": _Field(_windows),
        "max_slots_per_offer": _Field(_integer(1, 10), required=False, default=5),
        "caps": _Field(_caps, required=False, default=Caps()),
        "max_message_bytes": _Field(_integer(100_000, 1_000_000_000), required=False,
                                    default=Policy.max_message_bytes),
        "digest": _Field(_digest, required=False, default=DigestRules()),
    })
    if t is _BAD or len(doc.errors) > before:
        return None
    if t["max_slots_per_offer"] < t["slots_per_offer"]:
        doc.error(node.lc.key("max_slots_per_offer")[0] + 1, "max_slots_per_offer",
                  "slots_per_offer 以上にしてください")
    if t["search_days"] < t["min_days_ahead"]:
        doc.error(node.lc.key("search_days")[0] + 1, "search_days", "min_days_ahead 以上にしてください")
    if t["retention_days"] < t["archive_after_days"]:
        doc.error(node.lc.key("retention_days")[0] + 1, "retention_days", "archive_after_days 以上にしてください")
    return None if len(doc.errors) > before else Policy(**t)


def _route(doc: _Doc, value: Any, line: int, where: str) -> dict:
    t = _table(doc, value, line, where, {
        "url": _Field(_url_template, required=False),
        "rooms": _Field(_items(_url_template, allow_empty=False), required=False, default=()),
    })
    if t is _BAD:
        return _BAD
    if (t["url"] is None) == (not t["rooms"]):
        raise _Bad("url か rooms のどちらか一つを書いてください")
    return t


def _sessions(doc: _Doc, node: Any, cal: CalendarRules | None) -> Sessions | None:
    before = len(doc.errors)
    t = _table(doc, node, 1, "", {
        "app_name": _Field(_text),
        "url": _Field(_url_template, required=False),
        "counters": _Field(lambda d, v, ln, w: v, required=False),
    })
    if t is _BAD or len(doc.errors) > before:
        return None
    routes: dict[str, SessionRoute] = {}
    per_counter = t["counters"]
    if per_counter is not None:
        if not isinstance(per_counter, CommentedMap):
            doc.error(node.lc.key("counters")[0] + 1, "counters", "「窓口 id: 設定」の形で書いてください")
            return None
        for cid, value in per_counter.items():
            t_route = _convert(doc, _route, value, per_counter.lc.key(cid)[0] + 1, f"counters.{cid}")
            if t_route is not _BAD:
                routes[str(cid)] = SessionRoute(counter=str(cid), **t_route)
    if len(doc.errors) > before or cal is None:
        return None
    ids = {c.id: c for c in cal.counters}
    for cid, route in routes.items():
        line = per_counter.lc.key(cid)[0] + 1
        if cid not in ids:
            doc.error(line, f"counters.{cid}", "calendar.yaml にない窓口 id です")
        elif route.rooms and len(route.rooms) < ids[cid].capacity:
            doc.error(line, f"counters.{cid}.rooms",
                      f"部屋が {len(route.rooms)} つしかありません（定員 {ids[cid].capacity}）")
    for cid in ids:
        if cid not in routes:
            if t["url"] is None:
                doc.error(1, "url", f"窓口 {cid} の URL がありません（url か counters.{cid} を書いてください）")
            else:
                routes[cid] = SessionRoute(counter=cid, url=t["url"])
    if len(doc.errors) > before:
        return None
    return Sessions(app_name=t["app_name"], routes=MappingProxyType(routes))


def _site_limits(doc: _Doc, value: Any, line: int, where: str) -> SiteLimits:
    t = _table(doc, value, line, where, {
        "per_client_per_hour": _Field(_integer(1, 10000)),
        "per_email_per_day": _Field(_integer(1, 100)),
    })
    return _BAD if t is _BAD else SiteLimits(**t)


def _site(doc: _Doc, node: Any) -> SiteRules | None:
    before = len(doc.errors)
    t = _table(doc, node, 1, "", {
        "enabled": _Field(_flag, required=False, default=True),
        "link_minutes": _Field(_integer(5, 24 * 60), required=False, default=60),
        "limits": _Field(_site_limits, required=False, default=SiteLimits()),
    })
    if t is _BAD or len(doc.errors) > before:
        return None
    return SiteRules(**t)


# ---------------------------------------------------------------------------- loading


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor with two changes for hand-edited files.

    Timestamps stay text: ruamel builds `date(2027, 2, 30)` while loading and raises a bare
    ValueError with no line (PITFALLS); as text, `_day` reports it at its line. Any other failure
    to build a value (``!!int zz``, ``!!bool maybe``) becomes a marked error at that value.
    """

    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except YAMLError:
            raise
        except Exception as exc:                       # noqa: BLE001 - reported with its line
            raise ConstructorError(problem=str(exc), problem_mark=node.start_mark) from None


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _read(path: Path, errors: list[str]) -> tuple[bytes, Any]:
    """Raw bytes (for the version hash) and the parsed YAML 1.2 document, or _BAD."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        errors.append(f"{path}:1: ファイルがありません")
        return b"", _BAD
    except OSError as e:
        errors.append(f"{path}:1: 読めません（{e.strerror}）")
        return b"", _BAD
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        errors.append(f"{path}:{line}: UTF-8 で保存してください")
        return raw, _BAD
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    yaml.Constructor = _Constructor
    try:
        node = yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        errors.append(f"{path}:{line}: YAML として読めません（{e.problem or e.context}）")
        return raw, _BAD
    except ReaderError as e:
        line = text[: e.position].count("\n") + 1 if isinstance(e.position, int) else 1
        errors.append(f"{path}:{line}: 使えない文字が入っています（#x{e.character:04x}）"
                      if isinstance(e.character, int) else f"{path}:{line}: 読めない文字が入っています")
        return raw, _BAD
    except Exception as e:                             # noqa: BLE001 - never a traceback
        errors.append(f"{path}:1: YAML として読めません（{type(e).__name__}: {e}）")
        return raw, _BAD
    if node is None:
        errors.append(f"{path}:1: 中身が空です")
        return raw, _BAD
    return raw, node


def load_rules(directory: Path) -> Rules:
    """Read and validate the four rule files; raise RulesError listing every problem."""
    directory = Path(directory)
    errors: list[str] = []
    raw: dict[str, bytes] = {}
    nodes: dict[str, Any] = {}
    for name in FILES:
        raw[name], nodes[name] = _read(directory / name, errors)

    def part(name: str, build: Callable[[_Doc, Any], Any]) -> Any:
        if nodes[name] is _BAD:
            return None
        return build(_Doc(directory / name, errors), nodes[name])

    for name in OPTIONAL_FILES:
        if (directory / name).exists():
            raw[name], nodes[name] = _read(directory / name, errors)

    office = part("office.yaml", _office)
    cal = part("calendar.yaml", _calendar)
    policy = part("policy.yaml", _policy)
    sessions = part("sessions.yaml", lambda doc, node: _sessions(doc, node, cal))
    site = part("site.yaml", _site) if "site.yaml" in nodes else SiteRules()
    if errors or None in (office, cal, policy, sessions, site):
        raise RulesError(errors or [f"{directory}: 規則を読めませんでした"])
    digest = hashlib.sha256()
    for name in (*FILES, *OPTIONAL_FILES):
        if name in raw:
            digest.update(name.encode() + b"\0" + raw[name] + b"\0")
    return Rules(office=office, calendar=cal, policy=policy, sessions=sessions,
                 version=digest.hexdigest()[:12], site=site)


def check_rules(directory: Path, composer=None) -> list[str]:
    """Every problem in the rule files and, given a Composer, in its templates and terms file
    (empty when all is fine): for `mailbot rules check`."""
    return _candidate(Path(directory), composer, None).problems


@dataclass(frozen=True)
class _Candidate:
    """One version of what admins edit, read and checked as a whole."""

    rules: Rules | None
    templates: Any                  # jinja2 Environment over the checked copy, or None
    problems: list[str]
    fingerprint: str                # hash of every byte read: which version this is


def _candidate(directory: Path, composer, fallback: Rules | None) -> _Candidate:
    """Read the rules and (with a composer) a copy of the templates; check the templates with
    these rules, or with `fallback` (the last good ones) when these are bad, so one pass
    reports every problem."""
    digest = hashlib.sha256()
    for name in FILES:
        digest.update(name.encode() + b"\0" + _bytes(directory / name) + b"\0")
    problems: list[str] = []
    try:
        rules: Rules | None = load_rules(directory)
    except RulesError as e:
        rules, problems = None, list(e.errors)
    templates = None
    if composer is not None:
        from mailbot.template_check import TemplateSnapshot, templates_dir

        snapshot = TemplateSnapshot.read(templates_dir(composer.env))
        templates = snapshot.environment(composer.env)
        digest.update(snapshot.digest.encode() + b"\0")
        if composer.terms_path is not None:
            digest.update(_bytes(Path(composer.terms_path)))
        problems += composer.check(rules or fallback, env=templates)
        if rules is None and fallback is None:
            problems.append(f"{templates_dir(composer.env)}: 規則に誤りがあるため、テンプレートは書き方だけを"
                            "確かめました（規則を直してから、もう一度確かめてください）")
    return _Candidate(rules, templates, problems, digest.hexdigest()[:12])


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"\0missing"


SETTLE_NS = 1_000_000_000   # a changed rules/templates file is read once still for 1 s


def _newest_ns(entries) -> int:
    return max((entry[1] for entry in entries if len(entry) > 2 and entry[1] is not None), default=0)


class RulesSource:
    """The rules (and, given the Composer, its templates) a running daemon decides and writes
    with: reloaded when a file changes, checked as one version, and used only when all of it
    is good. A bad edit keeps the last good version in use (rules and templates together), is
    logged once, and is offered once to `problems()` so the daemon can tell staff.

    With a composer, the good version's templates are installed as `composer.env` (an
    in-memory copy), so the templates that were checked are the ones mail is made from.
    """

    def __init__(self, directory: Path, composer=None):
        self.directory = Path(directory)
        self.composer = composer
        self.errors: list[str] = []          # problems of the latest failed load, if any
        self._rules: Rules | None = None
        self._stamp: tuple | None = None
        self._bad_version: str | None = None
        self._unreported: tuple[str, list[str]] | None = None
        self.settling = False                # a bad version waits for its save to complete
        self._settled_at: int | None = None

    def _files_stamp(self) -> tuple:
        paths = [self.directory / name for name in (*FILES, *OPTIONAL_FILES)]
        if self.composer is not None:
            from mailbot.template_check import templates_dir

            folder = templates_dir(self.composer.env)
            try:
                paths += sorted(folder.rglob("*.j2"))
            except OSError:
                pass
            paths += [folder] + ([Path(self.composer.terms_path)] if self.composer.terms_path else [])
        out = []
        for path in paths:
            try:
                st = os.stat(path)
                out.append((str(path), st.st_mtime_ns, st.st_size, st.st_ino))
            except OSError:
                out.append((str(path), None))
        return tuple(out)

    def current(self) -> Rules:
        """The rules to decide with now; raises RulesError only if no good rules were ever read
        (then the caller reports the problems: nothing is logged here)."""
        stamp = self._files_stamp()
        if stamp != self._stamp:
            # A file written in place (nano, `cat >`) is briefly half there. A good version is
            # used at once; a bad one whose files changed within SETTLE_NS is not reported (nor
            # mailed to staff) yet: it is read again shortly, once the save is complete.
            newest = _newest_ns(set(stamp) - set(self._stamp or ()))
            young = self._rules is not None and newest > time_ns() - SETTLE_NS
            self._stamp = stamp
            self.settling = self._reload(hold_back=young)
            self._settled_at = newest + SETTLE_NS if self.settling else None
        elif self.settling and time_ns() >= (self._settled_at or 0):
            self.settling = self._reload()          # still bad once the save is complete
        if self._rules is None:
            raise RulesError(self.errors)
        return self._rules

    def problems(self) -> tuple[str, list[str]] | None:
        """(version, problems) of a bad version not yet collected, else None: each bad version
        is offered once (a later good version withdraws it), e.g. for one mail to staff."""
        pending, self._unreported = self._unreported, None
        return pending

    def _reload(self, hold_back: bool = False) -> bool:
        """Load the files; True when a bad version was held back (see `current`)."""
        try:
            found = _candidate(self.directory, self.composer, self._rules)
        except Exception as exc:                       # noqa: BLE001 - a bad edit never stops us
            log.exception("rules: checking %s failed", self.directory)
            found = _Candidate(None, None, [f"{self.directory}: 規則を読めませんでした（{type(exc).__name__}）"],
                               "unreadable")
        if (found.problems or found.rules is None) and hold_back:
            return True
        if found.problems or found.rules is None:
            self.errors = found.problems or [f"{self.directory}: 規則を読めませんでした"]
            if found.fingerprint == self._bad_version:
                return False                           # the same bad version touched again
            self._bad_version = found.fingerprint
            self._unreported = (found.fingerprint, list(self.errors))
            if self._rules is not None:
                for line in self.errors:
                    log.error("rules: %s", line)
                log.warning("rules: version %s has %d problem(s); keeping the last good rules "
                            "(version %s)", found.fingerprint, len(self.errors), self._rules.version)
            return False
        if self._rules is None or found.rules.version != self._rules.version:
            log.info("rules: loaded version %s from %s", found.rules.version, self.directory)
        elif self._bad_version is not None or self.errors:
            log.info("rules: the problems are fixed; using version %s", found.rules.version)
        self._rules = found.rules
        if self.composer is not None and found.templates is not None:
            self.composer.env = found.templates
        self.errors = []
        self._bad_version = None
        self._unreported = None
        return False
