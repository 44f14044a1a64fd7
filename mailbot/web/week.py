"""The week view of the site: every slot of a week per counter and whether it can be applied
for. Pure: rules, seats taken and `now` are passed in.

It comes from the same calendar and rules as the mail path's offers (mailbot/calendar.py): the
weekly times, national holidays, the 12/29-1/3 closure, extra closed and open days, capacity,
the booking window (policy.min_days_ahead, search_days) and the day-before cut-off. A seat held
by a pending site application counts as taken until its link lapses (`seats_taken`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Mapping

from mailbot import calendar
from mailbot.conversation.model import SiteApplication, State
from mailbot.conversation.site import link_lapsed


@dataclass(frozen=True)
class Cell:
    slot: calendar.Slot
    status: str                 # free | taken | closed (past the cut-off or outside the window)
    seats_left: int


@dataclass(frozen=True)
class Day:
    day: date
    closed: str | None          # why there are no slots (holiday name, 年末年始休業, 土曜日 …)
    window: str | None          # past | before | after: outside the booking window
    cells: tuple[Cell, ...]

    @property
    def free(self) -> int:
        return sum(1 for c in self.cells if c.status == "free")


@dataclass(frozen=True)
class CounterWeek:
    id: str
    name: str
    days: tuple[Day, ...]


@dataclass(frozen=True)
class Week:
    monday: date
    previous: date | None       # Monday of the week before, when it has bookable days
    next: date | None
    counters: tuple[CounterWeek, ...]
    first: date                 # the booking window
    last: date


def seats_taken(rules, taken: Mapping[str, int], pending: Iterable[dict], now: datetime) -> dict[str, int]:
    """Seats taken (`taken`, as the store counts holds) less the holds of the site
    applications in `pending` whose link has lapsed but whose record the timer has not yet
    closed. Only those few records are read, whatever the store holds."""
    out = dict(taken)
    for doc in pending:
        app = SiteApplication.from_json(doc.get("site"))
        if doc.get("state") != State.PENDING_LINK.value or app is None or not link_lapsed(rules, app, now):
            continue
        for key in doc.get("holds") or ():
            out[key] = out.get(key, 0) - 1
            if out[key] <= 0:
                del out[key]
    return out


def slot_status(rules, slot: calendar.Slot, taken: Mapping[str, int], now: datetime) -> str:
    first, last = calendar.booking_window(rules, now)
    if not (first <= slot.day <= last) or not calendar.is_confirmable(rules, slot, now):
        return "closed"
    return "free" if calendar.seats_left(rules, slot, taken) > 0 else "taken"


def week_view(rules, taken: Mapping[str, int], now: datetime, start: date | None = None) -> Week:
    """The week (Monday to Sunday) holding `start`, clamped to the booking window."""
    first, last = calendar.booking_window(rules, now)
    lo, hi = _monday(first), _monday(last)
    monday = min(max(_monday(start or first), lo), hi)
    days = [monday + timedelta(days=i) for i in range(7)]
    counters = []
    for counter in rules.calendar.counters:
        out = []
        for day in days:
            slots = [s for s in calendar.day_slots(rules, day) if s.counter == counter.id]
            today = now.astimezone(rules.calendar.timezone).date()
            window = "past" if day < today else "before" if day < first else "after" if day > last else None
            cells = tuple(Cell(s, slot_status(rules, s, taken, now), calendar.seats_left(rules, s, taken))
                          for s in slots)
            closed = None if slots else calendar.closed_reason(rules, day) or "休み"
            out.append(Day(day, closed, window, cells))
        counters.append(CounterWeek(counter.id, counter.name, tuple(out)))
    return Week(monday=monday, previous=monday - timedelta(days=7) if monday > lo else None,
                next=monday + timedelta(days=7) if monday < hi else None,
                counters=tuple(counters), first=first, last=last)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


__all__ = ["Cell", "Day", "CounterWeek", "Week", "week_view", "seats_taken", "slot_status"]
