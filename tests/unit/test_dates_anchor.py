"""Relative phrases resolved from the right anchor (issue 8 item 3), with our own phrasings:
同じ週 / その翌週 count from the date written before them, 月末の X曜 is the month's last one."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.understand.dates import JST, extract_requested

THU = datetime(2027, 1, 14, 9, 0, tzinfo=JST)        # a Thursday in January


def req(text: str, ref: datetime = THU) -> list[tuple]:
    return [(r.date.isoformat(), r.start and r.start.strftime("%H:%M"), r.end and r.end.strftime("%H:%M"))
            for r in extract_requested(text, ref)[0]]


@pytest.mark.parametrize("text, want", [
    # the anchor is the first wish, two weeks ahead, not the week of the mail
    ("1月25日（月）の10時、無理なら同じ週の木曜の10時でお願いします。",
     [("2027-01-25", "10:00", None), ("2027-01-28", "10:00", None)]),
    ("第一希望は1月26日の午後、その翌週の火曜の午後でもお願いできますか。",
     [("2027-01-26", "13:00", "17:00"), ("2027-02-02", "13:00", "17:00")]),
    ("1月22日（金）11時を希望します。だめならその翌週の同じ曜日の同じ時間でお願いします。",
     [("2027-01-22", "11:00", None), ("2027-01-29", "11:00", None)]),
])
def test_weeks_counted_from_the_date_written_before(text, want):
    assert req(text) == want


def test_a_week_after_the_booked_day_not_after_today():
    text = "予約している1月19日（火）14時の件ですが、都合が悪くなったので翌週の同じ時間に変更をお願いします。"
    assert req(text) == [("2027-01-26", "14:00", None)]


def test_without_a_date_before_the_week_is_todays():
    assert req("同じ週の金曜の午前でお願いします。") == [("2027-01-15", "09:00", "12:00")]


@pytest.mark.parametrize("text, want", [
    ("月末の金曜日の午後にお願いします。", [("2027-01-29", "13:00", "17:00")]),
    ("来月の月末の月曜日の10時でお願いします。", [("2027-02-22", "10:00", None)]),
])
def test_month_end_weekday(text, want):
    assert req(text) == want


def test_month_end_weekday_already_past_is_next_months():
    late = datetime(2027, 1, 29, 9, 0, tzinfo=JST)     # the last Thursday of January has passed
    assert req("月末の木曜日に相談したいです。", late) == [("2027-02-25", None, None)]


# --- a time written once, before the dates it is for (holdout8 kind, own phrasings) -------------

@pytest.mark.parametrize("text, want", [
    ("午後2時ごろからお願いしたいです。\n日にちは1月19日か1月21日が希望です。",
     [("2027-01-19", "14:00", None), ("2027-01-21", "14:00", None)]),
    ("希望時間：10時〜11時\n希望日：1月20日、1月22日",
     [("2027-01-20", "10:00", "11:00"), ("2027-01-22", "10:00", "11:00")]),
])
def test_a_time_said_before_the_dates_applies_to_each(text, want):
    assert req(text) == want


@pytest.mark.parametrize("text, want", [
    # a busy time, or two different times before: no guess
    ("平日は16時まで仕事です。1月19日か21日でお願いします。", [("2027-01-19", None, None), ("2027-01-21", None, None)]),
    ("10時か、14時がいいです。でも午後は通院があるかもしれません。1月19日でお願いします。", [("2027-01-19", None, None)]),
])
def test_no_time_given_to_dates_when_the_earlier_time_is_unclear(text, want):
    assert req(text) == want
