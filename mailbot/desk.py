"""What staff see: the day sheet, open escalations by business-day age, one conversation's
history, the morning digest. Pure: records, rules and `now` in, rows out.

The 3-business-day promise (terms art. 6 (3)) counts office days: weekends, national holidays
and the year-end closure do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable

from mailbot import calendar
from mailbot.conversation.model import OPEN, State, Thread

PROMISE_BUSINESS_DAYS = 3
_WEEKDAY_JA = "月火水木金土日"


def is_business_day(rules, day: date) -> bool:
    if day.weekday() >= 5:
        return False
    cal = rules.calendar
    if cal.year_end_closure and cal.year_end_closure.covers(day):
        return False
    if cal.national_holidays:
        import jpholiday
        if jpholiday.is_holiday(day):
            return False
    return not any(c.date == day and not c.counters for c in cal.closed_dates)


def business_days_between(rules, start: datetime, now: datetime) -> int:
    """Office days that have passed since `start` (the day it arrived does not count)."""
    tz = rules.calendar.timezone
    day, end = start.astimezone(tz).date(), now.astimezone(tz).date()
    count = 0
    while day < end:
        day += timedelta(days=1)
        if is_business_day(rules, day):
            count += 1
    return count


def next_business_day(rules, day: date) -> date:
    day += timedelta(days=1)
    while not is_business_day(rules, day):
        day += timedelta(days=1)
    return day


def previous_business_day(rules, day: date) -> date:
    day -= timedelta(days=1)
    while not is_business_day(rules, day):
        day -= timedelta(days=1)
    return day


# ---------------------------------------------------------------------------- the day sheet


@dataclass(frozen=True)
class SessionRow:
    start: datetime
    counter: str
    ref: str
    name: str
    seeker_number: str
    attendant: str
    url: str
    state: str
    flags: tuple[str, ...]


def sessions(threads: Iterable[Thread], rules, first: date, last: date) -> list[SessionRow]:
    """Booked sessions between `first` and `last` (inclusive), by time."""
    rows = []
    for t in threads:
        if t.booking is None or t.state not in (State.CONFIRMED, State.RESCHEDULING, State.STAFF,
                                                  State.DONE, State.NO_SHOW):
            continue
        slot = calendar.Slot.from_key(t.booking.slot, rules)
        if not first <= slot.day <= last:
            continue
        flags = []
        if t.booking.cancel_by_mail_at:
            flags.append("当日キャンセル連絡(メール)")
        if t.state is State.RESCHEDULING:
            flags.append("変更の提案中")
        if t.state is State.STAFF:
            flags.append("職員対応中")
        if t.delivery:
            flags.append("送信失敗")
        if t.undeliverable:
            flags.append("宛先不達")
        if t.booking.by_staff:
            flags.append("職員が確定")
        if t.source == "site":
            flags.append("予約サイト")
        counter = rules.calendar.counter(slot.counter)
        rows.append(SessionRow(slot.start, counter.name if counter else slot.counter, t.ref or "",
                               t.contact.name or "", t.contact.seeker_number or "",
                               _attendant(t.contact.attendant), t.booking.url, t.state.value,
                               tuple(flags)))
    return sorted(rows, key=lambda r: (r.start, r.counter))


def _attendant(value: str | None) -> str:
    return {"interpreter": "通訳", "caregiver": "介助者", "other": "同席者あり"}.get(value or "", "")


# ---------------------------------------------------------------------------- escalations


@dataclass(frozen=True)
class StaffRow:
    ref: str
    state: str
    reason: str
    since: datetime
    business_days: int
    overdue: bool             # past the promise: more than 3 office days without an answer
    detail: str
    due_today: bool = False   # the third office day: answer today


def open_escalations(threads: Iterable[Thread], rules, now: datetime) -> list[StaffRow]:
    """Conversations waiting for a person, oldest first: with staff, or with a notice that
    nobody has resolved."""
    rows = []
    for t in threads:
        pending = [n for n in t.notices if not n.get("resolved_at")]
        if t.state is State.STAFF and t.escalation:
            since = datetime.fromisoformat(t.escalation["at"])
            reason = t.escalation["reason"]
            detail = t.escalation.get("detail") or ""
        elif pending and t.state in OPEN:
            since = datetime.fromisoformat(pending[0]["at"])
            reason = ",".join(dict.fromkeys(n["reason"] for n in pending))
            detail = pending[-1].get("detail") or ""
        else:
            continue
        age = business_days_between(rules, since, now)
        rows.append(StaffRow(t.ref or "", t.state.value, reason, since, age,
                             age > PROMISE_BUSINESS_DAYS, detail, age == PROMISE_BUSINESS_DAYS))
    return sorted(rows, key=lambda r: r.since)


# ---------------------------------------------------------------------------- one conversation


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    direction: str            # in | out | event
    kind: str
    subject: str
    text: str
    lines: tuple[str, ...] = ()      # a mail's first lines


def history(thread: Thread, outbox: Iterable[dict], inbound: Iterable[dict] | None = None) -> list[HistoryLine]:
    """The conversation as staff read it, oldest first: the seeker's mails (`thread.mails`,
    or `inbound`), every mail we wrote (outbox items, with `subject` and `lines` when the
    caller read them from the message) and every step of the history (state changes, the
    escalation reason, staff actions with who and when)."""
    lines = []
    for mail in (thread.mails if inbound is None else inbound):
        lines.append(HistoryLine(datetime.fromisoformat(mail["at"]), "in", mail.get("kind") or "mail",
                                 mail.get("subject") or "", f"from {mail.get('from') or '?'}",
                                 tuple(mail.get("lines") or ())))
    for e in thread.history:
        text = e.event
        if e.from_state and e.to_state and e.from_state != e.to_state:
            text += f"  {e.from_state} → {e.to_state}"
        detail = ", ".join(f"{k}={v}" for k, v in e.detail.items() if k not in ("slots",))
        if detail:
            text += f"  ({detail})"
        if e.rule:
            text += f"  [{e.rule}]"
        lines.append(HistoryLine(e.at, "event", e.cause, "", text))
    for item in outbox:
        when = datetime.fromisoformat(item.get("sent_at") or item["created_at"])
        text = f"{item.get('status')} {item.get('id')} to {item.get('to')}"
        if item.get("last_error"):
            text += f" ({item['last_error']})"
        if item.get("reason"):
            text += f" reason={item['reason']}"
        lines.append(HistoryLine(when, "out", item.get("kind", ""), item.get("subject", ""), text,
                                 tuple(item.get("lines") or ())))
    order = {"in": 0, "event": 1, "out": 2}
    return sorted(lines, key=lambda ln: (ln.at, order[ln.direction]))


# ---------------------------------------------------------------------------- the outbox


def age(since: datetime, now: datetime) -> str:
    """A short age for a table: 5m, 3h, 2d."""
    seconds = max(0, int((now - since).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60}m"
    if seconds < 86400:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def first_lines(text: str, count: int = 3, width: int = 100) -> tuple[str, ...]:
    """The first non-empty lines of a mail body (quoted lines left out)."""
    out = [ln.strip()[:width] for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(">")]
    return tuple(out[:count])


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


# ---------------------------------------------------------------------------- the morning digest


@dataclass(frozen=True)
class Digest:
    day: date
    today: list[SessionRow]
    tomorrow: list[SessionRow]
    tomorrow_day: date
    held: list[dict]
    escalations: list[StaffRow]
    failed: list[dict]
    no_shows: list[Thread]


def digest(threads: list[Thread], outbox: list[dict], rules, now: datetime) -> Digest:
    """The working day's sheet for office.staff_address (policy.digest)."""
    today = now.astimezone(rules.calendar.timezone).date()
    tomorrow = next_business_day(rules, today)
    last_day = previous_business_day(rules, today)
    no_shows = [t for t in threads if t.state is State.NO_SHOW and t.booking
                and calendar.Slot.from_key(t.booking.slot, rules).day == last_day]
    return Digest(
        day=today,
        today=sessions(threads, rules, today, today),
        tomorrow=sessions(threads, rules, tomorrow, tomorrow),
        tomorrow_day=tomorrow,
        held=[i for i in outbox if i.get("status") == "held"],
        escalations=open_escalations(threads, rules, now),
        failed=[i for i in outbox if i.get("status") == "failed"],
        no_shows=no_shows,
    )


def weekday(day: date) -> str:
    return _WEEKDAY_JA[day.weekday()]


__all__ = ["sessions", "open_escalations", "history", "digest", "business_days_between",
           "is_business_day", "age", "first_lines", "week_of", "SessionRow", "StaffRow", "HistoryLine",
           "Digest"]
