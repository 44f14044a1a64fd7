"""Which consultation slots exist, which are free, and their deadlines: pure, `now` passed in.

Everything here is plain data from `mailbot.rules.Rules` plus the seats already taken; no clock
reads, no I/O (national holidays come from jpholiday's built-in tables, never `register()`).
All datetimes returned are aware and in the rules' timezone (Asia/Tokyo, which has no DST).

Choosing slots for an offer (`free_slots`), in this order of preference:
1. exact wishes (a wished date with a start time equal to the slot start);
2. slots inside a wished window (午後, 14時〜16時) or on a wished whole day;
3. the rest, nearest to any wish: fewest days away first, then nearest time of day (earlier
   first on ties), so a wished 14:00 that is full or closed brings 14:00 on nearby days.
Within that order, two spreading rules give the seeker a real choice:
- among the slots of 3., a day nobody wished for gives one slot to the offer; a second slot of
  that day comes only when no other day is left;
- when the seeker gave no time of day (no wishes, or whole days only), morning and afternoon
  alternate as far as the free slots allow (e.g. no wishes: 1st day 09:00, 2nd day 13:00, ...).
Several counters at the same time are one choice to a seeker: each start time appears once,
on the counter with the most free seats.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Mapping, Sequence
from urllib.parse import quote

import jpholiday

from mailbot.rules import Counter, Rules
from mailbot.understand.model import Requested

_WEEKDAY_JA = ("月", "火", "水", "木", "金", "土", "日")


@dataclass(frozen=True, order=True)
class Slot:
    """One 50-minute consultation on one counter."""

    start: datetime            # aware, rules timezone
    counter: str
    minutes: int

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def key(self) -> str:
        """Stable id for records and the taken-seats map, e.g. ``2026-12-03T14:00/c1``."""
        return f"{self.start:%Y-%m-%dT%H:%M}/{self.counter}"

    @classmethod
    def from_key(cls, key: str, rules: Rules) -> Slot:
        """Parse a key written by `key`. Checks the form only: a stored booking stays readable
        even after the rules stop offering that time (use `slot_for`/`booking_problem` to check)."""
        when, sep, counter = key.partition("/")
        try:
            if not sep or not counter or len(when) != 16:
                raise ValueError
            naive = datetime.strptime(when, "%Y-%m-%dT%H:%M")
        except ValueError:
            raise ValueError(f"not a slot key: {key!r}") from None
        cal = rules.calendar
        return cls(naive.replace(tzinfo=cal.timezone), counter, cal.slot_minutes)


# ---------------------------------------------------------------------------- the calendar


def _at(rules: Rules, day: date, t: time) -> datetime:
    return datetime.combine(day, t, tzinfo=rules.calendar.timezone)


def _local(rules: Rules, moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware datetime (e.g. +09:00)")
    return moment.astimezone(rules.calendar.timezone)


def _office_closed(rules: Rules, day: date) -> str | None:
    """Why the whole office is shut that day (ignoring open_dates), else None."""
    cal = rules.calendar
    for c in cal.closed_dates:
        if c.date == day and not c.counters:
            return c.note
    if cal.year_end_closure and cal.year_end_closure.covers(day):
        return cal.year_end_closure.note
    if cal.national_holidays:
        name = jpholiday.is_holiday_name(day)
        if name:
            return name
    return None


def _counter_times(rules: Rules, day: date) -> list[tuple[Counter, tuple[time, ...]]]:
    """The start times per counter on that day, closures applied (counters in rules order)."""
    cal = rules.calendar
    opened = next((o for o in cal.open_dates if o.date == day), None)
    if opened:
        return [(c, opened.times) for c in cal.counters if not opened.counters or c.id in opened.counters]
    if _office_closed(rules, day):
        return []
    shut = {cid for cd in cal.closed_dates if cd.date == day for cid in cd.counters}
    return [(c, c.weekly[day.weekday()]) for c in cal.counters
            if c.id not in shut and c.weekly[day.weekday()]]


def closed_reason(rules: Rules, day: date) -> str | None:
    """Why no consultation is held that day, as text for mail (holiday name, the note from
    calendar.yaml, or the weekday like ``土曜日``); None when the day has slots."""
    if _counter_times(rules, day):
        return None
    reason = _office_closed(rules, day)
    if reason:
        return reason
    notes = [cd.note for cd in rules.calendar.closed_dates if cd.date == day and cd.counters]
    if notes:
        return "、".join(dict.fromkeys(notes))
    return f"{_WEEKDAY_JA[day.weekday()]}曜日"


def day_slots(rules: Rules, day: date) -> list[Slot]:
    """Every slot held that day, by start time then counter order."""
    minutes = rules.calendar.slot_minutes
    slots = [Slot(_at(rules, day, t), c.id, minutes) for c, times in _counter_times(rules, day) for t in times]
    order = {c.id: i for i, c in enumerate(rules.calendar.counters)}
    return sorted(slots, key=lambda s: (s.start, order[s.counter]))


def capacity(rules: Rules, slot: Slot) -> int:
    """Seats of the slot's counter (0 for a counter no longer in the rules)."""
    counter = rules.calendar.counter(slot.counter)
    return counter.capacity if counter else 0


def seats_left(rules: Rules, slot: Slot, taken: Mapping[str, int]) -> int:
    return max(0, capacity(rules, slot) - taken.get(slot.key, 0))


def slot_for(rules: Rules, when: datetime, taken: Mapping[str, int] | None = None) -> Slot | None:
    """The real slot starting at `when` (any timezone), else None. With several counters at that
    time, the one with the most free seats (first in rules order on ties); it may be full."""
    local = _local(rules, when)
    here = [s for s in day_slots(rules, local.date()) if s.start == local]
    if not here:
        return None
    taken = taken or {}
    return max(here, key=lambda s: seats_left(rules, s, taken))  # max keeps the first on ties


# ---------------------------------------------------------------------------- deadlines


def confirm_deadline(rules: Rules, slot: Slot) -> datetime:
    """Last moment the seeker's consenting reply counts (terms art. 6 (1): 前日まで).

    ``previous_day_end``: 23:59:59 of the day before the session.
    ``previous_business_day_end``: 23:59:59 of the last open day before the session.
    """
    day = slot.day - timedelta(days=1)
    if rules.policy.confirm_by == "previous_business_day_end":
        for _ in range(366):
            if not closed_reason(rules, day):
                break
            day -= timedelta(days=1)
    return _at(rules, day, time(23, 59, 59))


def is_confirmable(rules: Rules, slot: Slot, now: datetime) -> bool:
    """Whether a reply at `now` is in time: before the deadline's next whole second (midnight)."""
    return now < confirm_deadline(rules, slot) + timedelta(seconds=1)


def booking_problem(rules: Rules, slot: Slot, taken: Mapping[str, int], now: datetime) -> str | None:
    """Why the slot cannot be confirmed at `now`, as a stable code, else None.

    ``not_a_slot`` (no such slot in the rules, e.g. a closed day), ``too_late`` (confirm deadline
    passed), ``full``. `taken` must not count the asking thread's own hold.
    The offering window (min_days_ahead, search_days) is not checked: an offered slot stays
    bookable until its deadline.
    """
    real = [s for s in day_slots(rules, slot.day) if s == slot]
    if not real:
        return "not_a_slot"
    if not is_confirmable(rules, slot, now):
        return "too_late"
    if seats_left(rules, slot, taken) <= 0:
        return "full"
    return None


def no_show_at(rules: Rules, slot: Slot) -> datetime:
    """When an absent seeker counts as a no-show (terms art. 6 (6): 10 minutes)."""
    return slot.start + timedelta(minutes=rules.policy.no_show_minutes)


def reminder_at(rules: Rules, slot: Slot) -> datetime | None:
    """When the reminder for this booking is due; None when reminders are off."""
    r = rules.policy.reminder
    if not r.enabled:
        return None
    return _at(rules, slot.day - timedelta(days=r.days_before), r.send_at)


def offer_expires_at(rules: Rules, sent_at: datetime, slots: Sequence[Slot]) -> datetime:
    """When an offer lapses: end of (sent day + offer_valid_days), or earlier when every
    offered slot's confirm deadline has passed by then."""
    sent_day = _local(rules, sent_at).date()
    lifetime = _at(rules, sent_day + timedelta(days=rules.policy.offer_valid_days), time(23, 59, 59))
    return min([lifetime, max(confirm_deadline(rules, s) for s in slots)] if slots else [lifetime])


def booking_window(rules: Rules, now: datetime) -> tuple[date, date]:
    """First and last day (inclusive) whose slots may be offered at `now`."""
    today = _local(rules, now).date()
    p = rules.policy
    return today + timedelta(days=p.min_days_ahead), today + timedelta(days=p.search_days)


def session_url(rules: Rules, slot: Slot, reference: str, seat: int = 0) -> str:
    """The Tele Office URL for this booking; `seat` is 0 for the first seeker in the slot."""
    route = rules.sessions.routes.get(slot.counter)
    if route is None:
        raise ValueError(f"no session URL for counter {slot.counter!r}")
    if route.rooms:
        return route.rooms[min(seat, len(route.rooms) - 1)]
    return route.url.format(
        counter=quote(slot.counter, safe=""), reference=quote(reference, safe=""),
        date=f"{slot.start:%Y%m%d}", time=f"{slot.start:%H%M}", seat=seat + 1,
    )


# ---------------------------------------------------------------------------- offering


def _minute(t: time) -> int:
    return t.hour * 60 + t.minute


def _span(wish: Requested) -> tuple[date, int, int, bool]:
    """A wish as (day, [lo, hi) in minutes of the day, is a point in time)."""
    if wish.start is not None and (wish.end is None or wish.end <= wish.start):
        return wish.date, _minute(wish.start), _minute(wish.start), True
    lo = _minute(wish.start) if wish.start else 0
    hi = _minute(wish.end) if wish.end else 24 * 60
    return wish.date, lo, hi, False


def _fit(slot: Slot, spans: list[tuple[date, int, int, bool]]) -> tuple[int, int, int]:
    """(group, days away, minutes away) from the closest wish: group 0 exact, 1 inside a wished
    window or day, 2 elsewhere. Days count before minutes, so a wished 14:00 on a closed day
    brings 14:00 on the nearest open days rather than the end of the day before."""
    if not spans:
        return 2, 0, 0
    day, t = slot.day, _minute(slot.start.time())
    if any(point and day == d and t == lo for d, lo, _, point in spans):
        return 0, 0, 0
    if any(not point and day == d and lo <= t < hi for d, lo, hi, point in spans):
        return 1, 0, 0
    return 2, *min((abs((day - d).days), max(lo - t, t - hi, 0)) for d, lo, hi, _ in spans)


def free_slots(rules: Rules, taken: Mapping[str, int], now: datetime,
               wishes: Sequence[Requested] = (), limit: int | None = None) -> list[Slot]:
    """Up to `limit` (default policy.slots_per_offer) bookable slots, best first (see module doc).

    A slot qualifies when its day is within `booking_window`, a seat is free and its confirm
    deadline is still ahead of `now`.
    """
    limit = rules.policy.slots_per_offer if limit is None else limit
    first, last = booking_window(rules, now)
    best: dict[datetime, Slot] = {}
    day = first
    while day <= last:
        for s in day_slots(rules, day):
            if seats_left(rules, s, taken) and is_confirmable(rules, s, now):
                if s.start not in best or seats_left(rules, s, taken) > seats_left(rules, best[s.start], taken):
                    best[s.start] = s
        day += timedelta(days=1)

    spans = [_span(w) for w in wishes]
    wished_days = {w.date for w in wishes}
    timeless = all(w.start is None and w.end is None for w in wishes)
    am_end = rules.policy.windows["am"][1]
    fit = {s: _fit(s, spans) for s in best.values()}
    remaining = list(best.values())
    chosen: list[Slot] = []
    while remaining and len(chosen) < limit:
        days = {s.day for s in chosen}
        halves = [s.start.time() < am_end for s in chosen]

        def preference(s: Slot) -> tuple:
            group, days_away, minutes_away = fit[s]
            repeat_day = group == 2 and s.day not in wished_days and s.day in days
            half_used = halves.count(s.start.time() < am_end) if timeless else 0
            return group, repeat_day, half_used, days_away, minutes_away, s.start

        pick = min(remaining, key=preference)
        chosen.append(pick)
        remaining.remove(pick)
    return chosen
