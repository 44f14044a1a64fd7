"""The slot calendar: closures, capacity, deadlines and the order of offered slots (pure)."""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailbot import calendar as cal
from mailbot.calendar import Slot
from mailbot.rules import FILES, Rules, load_rules
from mailbot.understand.model import Requested

SHIPPED = Path(__file__).resolve().parents[2] / "rules"
JST = ZoneInfo("Asia/Tokyo")
WEEKDAY_TIMES = '["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]'


def jst(*args: int) -> datetime:
    return datetime(*args, tzinfo=JST)


def keys(slots) -> list[str]:
    return [s.key for s in slots]


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(SHIPPED)


def make_rules(tmp_path: Path, calendar_yaml: str | None = None, sessions_yaml: str | None = None,
               **policy: str) -> Rules:
    """Shipped rules with a replaced calendar/sessions file and policy values."""
    for name in FILES:
        shutil.copy(SHIPPED / name, tmp_path / name)
    if calendar_yaml is not None:
        (tmp_path / "calendar.yaml").write_text(calendar_yaml, encoding="utf-8")
    if sessions_yaml is not None:
        (tmp_path / "sessions.yaml").write_text(sessions_yaml, encoding="utf-8")
    path = tmp_path / "policy.yaml"
    text = path.read_text(encoding="utf-8")
    for key, value in policy.items():
        lines = [ln for ln in text.splitlines() if ln.startswith(f"{key}:")]
        assert len(lines) == 1, key
        text = text.replace(lines[0], f"{key}: {value}")
    path.write_text(text, encoding="utf-8")
    return load_rules(tmp_path)


TWO_COUNTERS = f"""
timezone: Asia/Tokyo
slot_minutes: 50
closing_time: "17:00"
weekly:
  mon: {WEEKDAY_TIMES}
  tue: {WEEKDAY_TIMES}
  wed: {WEEKDAY_TIMES}
  thu: {WEEKDAY_TIMES}
  fri: {WEEKDAY_TIMES}
counters:
  - id: c1
    name: 窓口1
    capacity: 1
  - id: c2
    name: 窓口2
    capacity: 2
    weekly:
      mon: ["14:00"]
      tue: ["14:00"]
      wed: ["14:00"]
      thu: ["14:00"]
      fri: ["14:00"]
national_holidays: true
year_end_closure:
  start: "12-29"
  end: "01-03"
  note: 年末年始休業
closed_dates:
  - date: 2026-12-10
    note: 庁舎設備点検
  - date: 2026-12-11
    note: 職員研修
    counters: [c1]
open_dates:
  - date: 2026-12-12
    note: 土曜臨時相談日
    times: ["10:00", "11:00"]
    counters: [c1]
"""

SESSIONS = """
app_name: Tele Office
url: "https://teleoffice.example.jp/akita/{counter}/{date}/{time}/{reference}"
counters:
  c2:
    rooms: ["https://teleoffice.example.jp/akita/b1", "https://teleoffice.example.jp/akita/b2"]
"""


@pytest.fixture
def two(tmp_path: Path) -> Rules:
    return make_rules(tmp_path, TWO_COUNTERS, SESSIONS)


# ---------------------------------------------------------------------------- closed days


def test_weekends_are_closed(rules):
    assert cal.closed_reason(rules, date(2026, 12, 5)) == "土曜日"
    assert cal.closed_reason(rules, date(2026, 12, 6)) == "日曜日"
    assert cal.day_slots(rules, date(2026, 12, 5)) == []
    assert cal.closed_reason(rules, date(2026, 12, 4)) is None


def test_weekday_has_the_weekly_slots(rules):
    slots = cal.day_slots(rules, date(2026, 12, 3))
    assert [s.start.strftime("%H:%M") for s in slots] == ["09:00", "10:00", "11:00", "13:00", "14:00",
                                                          "15:00", "16:00"]
    assert all(s.minutes == 50 and s.end <= jst(2026, 12, 3, 17) for s in slots)


@pytest.mark.parametrize("day, name", [
    (date(2026, 11, 23), "勤労感謝の日"),          # a Monday
    (date(2026, 5, 6), "振替休日"),                # 憲法記念日 on a Sunday
    (date(2026, 9, 22), "国民の休日"),              # between 敬老の日 and 秋分の日
    (date(2027, 3, 22), "振替休日"),                # 春分の日 2027-03-21 is a Sunday
])
def test_national_holidays_are_closed(rules, day, name):
    assert name in cal.closed_reason(rules, day)
    assert cal.day_slots(rules, day) == []


def test_year_end_closure_spans_new_year(rules):
    assert cal.closed_reason(rules, date(2026, 12, 28)) is None
    for d in range(6):
        day = date(2026, 12, 29) + timedelta(days=d)
        assert cal.closed_reason(rules, day) in ("年末年始休業", "元日"), day
    assert cal.closed_reason(rules, date(2027, 1, 4)) is None
    assert cal.closed_reason(rules, date(2027, 12, 29)) == "年末年始休業"       # every year


def test_extra_closed_and_open_dates(two):
    assert cal.closed_reason(two, date(2026, 12, 10)) == "庁舎設備点検"
    # c1 closed on 12-11, c2 still holds its 14:00 slot: the day is open
    assert cal.closed_reason(two, date(2026, 12, 11)) is None
    assert keys(cal.day_slots(two, date(2026, 12, 11))) == ["2026-12-11T14:00/c2"]
    # a Saturday opened for c1 only, with its own times
    assert cal.closed_reason(two, date(2026, 12, 12)) is None
    assert keys(cal.day_slots(two, date(2026, 12, 12))) == ["2026-12-12T10:00/c1", "2026-12-12T11:00/c1"]


# ---------------------------------------------------------------------------- slots and keys


def test_slot_key_round_trip(rules):
    slot = cal.day_slots(rules, date(2026, 12, 3))[4]
    assert slot.key == "2026-12-03T14:00/c1"
    assert Slot.from_key(slot.key, rules) == slot
    assert slot.end == jst(2026, 12, 3, 14, 50)


@pytest.mark.parametrize("bad", ["2026-12-03T14:00", "2026-12-03 14:00/c1", "2026-13-03T14:00/c1", "", "x/c1"])
def test_malformed_key_raises(rules, bad):
    with pytest.raises(ValueError):
        Slot.from_key(bad, rules)


def test_slot_for_accepts_any_timezone_and_rejects_non_slots(rules):
    slot = cal.slot_for(rules, datetime(2026, 12, 3, 5, 0, tzinfo=timezone.utc))     # 14:00 JST
    assert slot is not None and slot.key == "2026-12-03T14:00/c1"
    assert slot.start.utcoffset() == timedelta(hours=9)
    assert cal.slot_for(rules, jst(2026, 12, 3, 14, 30)) is None
    assert cal.slot_for(rules, jst(2026, 12, 5, 14)) is None                          # Saturday
    assert cal.slot_for(rules, jst(2026, 11, 23, 14)) is None                         # holiday


def test_slot_for_picks_the_counter_with_free_seats(two):
    at = jst(2026, 12, 3, 14)
    assert cal.slot_for(two, at).counter == "c2"                        # 2 seats beat 1
    assert cal.slot_for(two, at, {"2026-12-03T14:00/c2": 2}).counter == "c1"


def test_jst_has_no_dst(rules):
    for d in (date(2027, 3, 29), date(2027, 7, 1), date(2027, 11, 8)):
        assert all(s.start.utcoffset() == timedelta(hours=9) for s in cal.day_slots(rules, d))


def test_naive_now_is_refused(rules):
    with pytest.raises(ValueError):
        cal.free_slots(rules, {}, datetime(2026, 12, 1, 10))


# ---------------------------------------------------------------------------- capacity


def test_capacity_and_taken_seats(two):
    c1 = Slot.from_key("2026-12-03T14:00/c1", two)
    c2 = Slot.from_key("2026-12-03T14:00/c2", two)
    assert cal.capacity(two, c1) == 1 and cal.capacity(two, c2) == 2
    assert cal.seats_left(two, c2, {c2.key: 1}) == 1
    now = jst(2026, 12, 1, 10)
    wish = [Requested(date(2026, 12, 3), time(14))]
    assert cal.free_slots(two, {}, now, wish, 1)[0].key == c2.key
    assert cal.free_slots(two, {c2.key: 1, c1.key: 1}, now, wish, 1)[0].key == c2.key  # one seat left
    assert cal.free_slots(two, {c2.key: 2}, now, wish, 1)[0].key == c1.key
    taken = {c2.key: 2, c1.key: 1}
    assert "2026-12-03T14:00" not in " ".join(keys(cal.free_slots(two, taken, now, wish, 10)))


def test_one_choice_per_start_time_across_counters(two):
    offered = cal.free_slots(two, {}, jst(2026, 12, 1, 10), [Requested(date(2026, 12, 3), time(13), time(17))], 10)
    starts = [s.start for s in offered]
    assert len(starts) == len(set(starts))


# ---------------------------------------------------------------------------- window and deadlines


def test_min_days_ahead_and_local_date(rules):
    assert keys(cal.free_slots(rules, {}, jst(2026, 12, 1, 10), limit=1)) == ["2026-12-03T09:00/c1"]
    # 2026-12-01 15:30 UTC is already 12-02 00:30 in Tokyo: the window starts on 12-04
    late = datetime(2026, 12, 1, 15, 30, tzinfo=timezone.utc)
    assert keys(cal.free_slots(rules, {}, late, limit=1)) == ["2026-12-04T09:00/c1"]
    assert cal.booking_window(rules, late) == (date(2026, 12, 4), date(2027, 1, 1))


def test_min_one_day_ahead_offers_tomorrow(tmp_path):
    rules = make_rules(tmp_path, min_days_ahead="1")
    assert keys(cal.free_slots(rules, {}, jst(2026, 12, 1, 23, 0), limit=1)) == ["2026-12-02T09:00/c1"]


def test_search_days_is_the_last_day(tmp_path):
    rules = make_rules(tmp_path, search_days="3")
    offered = cal.free_slots(rules, {}, jst(2026, 12, 1, 10), [Requested(date(2026, 12, 20), time(10))], 20)
    assert max(s.day for s in offered) == date(2026, 12, 4)


def test_confirm_deadline_is_end_of_previous_day(rules):
    slot = Slot.from_key("2026-12-03T09:00/c1", rules)
    deadline = cal.confirm_deadline(rules, slot)
    assert deadline == jst(2026, 12, 2, 23, 59, 59)
    assert cal.is_confirmable(rules, slot, jst(2026, 12, 2, 23, 59, 59, 999999))
    assert not cal.is_confirmable(rules, slot, jst(2026, 12, 3, 0, 0))
    # the Monday after a weekend: Sunday night still counts
    monday = Slot.from_key("2026-12-07T09:00/c1", rules)
    assert cal.confirm_deadline(rules, monday) == jst(2026, 12, 6, 23, 59, 59)


def test_confirm_by_previous_business_day(tmp_path):
    rules = make_rules(tmp_path, confirm_by="previous_business_day_end")
    monday = Slot.from_key("2026-12-07T09:00/c1", rules)
    assert cal.confirm_deadline(rules, monday) == jst(2026, 12, 4, 23, 59, 59)
    after_holiday = Slot.from_key("2026-11-24T09:00/c1", rules)     # Mon 11-23 is 勤労感謝の日
    assert cal.confirm_deadline(rules, after_holiday) == jst(2026, 11, 20, 23, 59, 59)
    # on Saturday 12-05 the Monday slot is no longer offerable (its deadline passed on Friday)
    assert "2026-12-07" not in " ".join(keys(cal.free_slots(rules, {}, jst(2026, 12, 5, 9), limit=3)))


def test_booking_problem(rules):
    slot = Slot.from_key("2026-12-03T14:00/c1", rules)
    # an offered slot stays bookable the day before, even though it is inside min_days_ahead now
    assert cal.booking_problem(rules, slot, {}, jst(2026, 12, 2, 18)) is None
    assert cal.booking_problem(rules, slot, {}, jst(2026, 12, 3, 0, 0, 1)) == "too_late"
    assert cal.booking_problem(rules, slot, {slot.key: 1}, jst(2026, 12, 1)) == "full"
    saturday = Slot.from_key("2026-12-05T14:00/c1", rules)
    assert cal.booking_problem(rules, saturday, {}, jst(2026, 12, 1)) == "not_a_slot"
    odd = Slot.from_key("2026-12-03T14:30/c1", rules)
    assert cal.booking_problem(rules, odd, {}, jst(2026, 12, 1)) == "not_a_slot"


def test_no_show_reminder_and_offer_expiry(rules):
    slot = Slot.from_key("2026-12-03T14:00/c1", rules)
    assert cal.no_show_at(rules, slot) == jst(2026, 12, 3, 14, 10)
    assert cal.reminder_at(rules, slot) == jst(2026, 12, 2, 10, 0)
    later = Slot.from_key("2026-12-10T14:00/c1", rules)
    sent = jst(2026, 12, 1, 10)
    assert cal.offer_expires_at(rules, sent, [slot, later]) == jst(2026, 12, 4, 23, 59, 59)   # 3 days
    assert cal.offer_expires_at(rules, sent, [slot]) == jst(2026, 12, 2, 23, 59, 59)          # deadline


def test_session_url_template_and_rooms(two):
    c1 = Slot.from_key("2026-12-03T14:00/c1", two)
    assert cal.session_url(two, c1, "AK-2612-0001") == \
        "https://teleoffice.example.jp/akita/c1/20261203/1400/AK-2612-0001"
    c2 = Slot.from_key("2026-12-03T14:00/c2", two)
    assert cal.session_url(two, c2, "AK-2612-0001") == "https://teleoffice.example.jp/akita/b1"
    assert cal.session_url(two, c2, "AK-2612-0002", seat=1) == "https://teleoffice.example.jp/akita/b2"


def test_shipped_session_url(rules):
    slot = Slot.from_key("2026-12-03T14:00/c1", rules)
    assert cal.session_url(rules, slot, "AK-2612-0001") == "https://teleoffice.example.jp/akita/c1/AK-2612-0001"


# ---------------------------------------------------------------------------- order of an offer

NOW = jst(2026, 12, 1, 10)       # Tuesday; offers start Thursday 12-03


def test_exact_wish_first_then_nearest_on_the_same_day(rules):
    wish = [Requested(date(2026, 12, 3), time(14))]
    assert keys(cal.free_slots(rules, {}, NOW, wish)) == [
        "2026-12-03T14:00/c1", "2026-12-03T13:00/c1", "2026-12-03T15:00/c1"]


def test_taken_wish_gives_the_nearest_free_slots(rules):
    wish = [Requested(date(2026, 12, 3), time(14))]
    taken = {"2026-12-03T14:00/c1": 1, "2026-12-03T13:00/c1": 1}
    assert keys(cal.free_slots(rules, taken, NOW, wish)) == [
        "2026-12-03T15:00/c1", "2026-12-03T16:00/c1", "2026-12-03T11:00/c1"]


def test_window_wish_stays_inside_the_window(rules):
    afternoon = [Requested(date(2026, 12, 4), time(13), time(17))]
    assert keys(cal.free_slots(rules, {}, NOW, afternoon)) == [
        "2026-12-04T13:00/c1", "2026-12-04T14:00/c1", "2026-12-04T15:00/c1"]
    until_eleven = [Requested(date(2026, 12, 4), None, time(11))]
    assert keys(cal.free_slots(rules, {}, NOW, until_eleven, 2)) == ["2026-12-04T09:00/c1", "2026-12-04T10:00/c1"]


def test_several_wishes_are_all_served_first(rules):
    wishes = [Requested(date(2026, 12, 8), time(10)), Requested(date(2026, 12, 3), time(15))]
    assert keys(cal.free_slots(rules, {}, NOW, wishes, 2)) == ["2026-12-03T15:00/c1", "2026-12-08T10:00/c1"]


def test_whole_day_wish_mixes_morning_and_afternoon(rules):
    assert keys(cal.free_slots(rules, {}, NOW, [Requested(date(2026, 12, 4))])) == [
        "2026-12-04T09:00/c1", "2026-12-04T13:00/c1", "2026-12-04T10:00/c1"]


def test_no_wishes_earliest_days_spread_and_alternating(rules):
    assert keys(cal.free_slots(rules, {}, NOW)) == [
        "2026-12-03T09:00/c1", "2026-12-04T13:00/c1", "2026-12-07T09:00/c1"]


def test_wish_on_a_closed_day_gets_the_same_time_on_nearby_days(rules):
    saturday = [Requested(date(2026, 12, 5), time(14))]
    offered = keys(cal.free_slots(rules, {}, NOW, saturday))
    assert offered[0] == "2026-12-04T14:00/c1"                       # one day away
    assert set(offered[1:]) == {"2026-12-03T14:00/c1", "2026-12-07T14:00/c1"}


def test_wish_too_soon_gets_that_time_on_the_first_possible_day(rules):
    tomorrow = [Requested(date(2026, 12, 2), time(16))]
    assert keys(cal.free_slots(rules, {}, NOW, tomorrow)) == [
        "2026-12-03T16:00/c1", "2026-12-04T16:00/c1", "2026-12-07T16:00/c1"]


def test_year_rollover(rules):
    now = jst(2026, 12, 24, 10)                                     # Thursday before the closure
    assert keys(cal.free_slots(rules, {}, now)) == [
        "2026-12-28T09:00/c1", "2027-01-04T13:00/c1", "2027-01-05T09:00/c1"]
    wish = [Requested(date(2026, 12, 30), time(14))]                # inside the closure
    assert keys(cal.free_slots(rules, {}, now, wish)) == [
        "2026-12-28T14:00/c1", "2027-01-04T14:00/c1", "2027-01-05T14:00/c1"]


def test_full_calendar_gives_nothing(tmp_path):
    rules = make_rules(tmp_path, search_days="2")
    taken = {s.key: 1 for s in cal.day_slots(rules, date(2026, 12, 3))}
    assert cal.free_slots(rules, taken, NOW) == []
