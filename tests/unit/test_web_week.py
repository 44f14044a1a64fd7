"""The week view comes from the same calendar and rules as the mail path: holidays, the
12/29-1/3 closure, capacity, the booking window and the day-before cut-off."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from mailbot.conversation import decide
from mailbot.web.week import seats_taken, week_view
from tests.unit.convo import JST, NOW, RULES, ctx, mark_sent, site_event


def cells(week, day):
    (counter,) = week.counters
    (d,) = [d for d in counter.days if d.day == day]
    return d, {f"{c.slot.start:%H:%M}": c.status for c in d.cells}


def test_a_week_shows_every_slot_with_its_state():
    week = week_view(RULES, {"2026-12-04T14:00/c1": 1}, NOW)
    assert week.monday == date(2026, 11, 30) and week.previous is None and week.next == date(2026, 12, 7)
    day, slots = cells(week, date(2026, 12, 4))
    assert slots["14:00"] == "taken" and slots["09:00"] == "free" and len(slots) == 7
    before, _ = cells(week, date(2026, 12, 2))        # tomorrow: min_days_ahead 2
    assert before.window == "before"
    saturday, _ = cells(week, date(2026, 12, 5))
    assert saturday.closed == "土曜日" and saturday.cells == ()


def test_holidays_and_the_year_end_closure_have_no_slots():
    now = datetime(2026, 12, 20, 9, 0, tzinfo=JST)
    week = week_view(RULES, {}, now, date(2026, 12, 28))
    day, slots = cells(week, date(2026, 12, 28))
    assert len(slots) == 7
    for d in (29, 30, 31):
        closed, _ = cells(week, date(2026, 12, d))
        assert closed.closed == "年末年始休業"
    now = datetime(2027, 1, 4, 9, 0, tzinfo=JST)
    week = week_view(RULES, {}, now, date(2027, 1, 11))
    holiday, _ = cells(week, date(2027, 1, 11))
    assert holiday.closed == "成人の日"


def test_the_day_before_cut_off_closes_a_day_at_midnight():
    rules = __import__("dataclasses").replace(RULES, policy=__import__("dataclasses").replace(
        RULES.policy, min_days_ahead=1))
    evening = NOW.replace(hour=23, minute=59)
    _, slots = cells(week_view(rules, {}, evening), date(2026, 12, 2))
    assert set(slots.values()) == {"free"}
    midnight = evening + timedelta(minutes=1)
    day, _ = cells(week_view(rules, {}, midnight), date(2026, 12, 2))
    assert day.window == "before"


def test_weeks_stay_inside_the_booking_window():
    week = week_view(RULES, {}, NOW, date(2027, 6, 1))
    assert week.next is None and week.monday <= week.last
    assert week_view(RULES, {}, NOW, date(2020, 1, 1)).monday == date(2026, 11, 30)


def test_a_pending_link_holds_its_seat_until_it_lapses():
    thread = mark_sent(decide(None, site_event("applied"), ctx())[0])
    docs = [thread.to_json()]
    held = {"2026-12-04T14:00/c1": 1, "2026-12-07T10:00/c1": 1}      # the store's count
    assert seats_taken(RULES, held, docs, NOW + timedelta(minutes=30)) == held
    assert seats_taken(RULES, held, docs, NOW + timedelta(minutes=61)) == {"2026-12-07T10:00/c1": 1}
