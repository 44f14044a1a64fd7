"""Staff views: business days, the day sheet, escalations by age, tables in a Japanese terminal."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from mailbot import desk
from mailbot.conversation import Staff, decide
from mailbot.tables import render, width
from tests.unit.convo import JST, NOW, RULES, confirmed, ctx, step


def test_business_days_skip_weekends_holidays_and_the_year_end():
    fri = datetime(2026, 12, 4, 10, 0, tzinfo=JST)
    assert desk.business_days_between(RULES, fri, fri + timedelta(days=3)) == 1   # Sat, Sun, Mon
    dec28 = datetime(2026, 12, 28, 10, 0, tzinfo=JST)
    assert desk.business_days_between(RULES, dec28, datetime(2027, 1, 5, 9, 0, tzinfo=JST)) == 2  # 1/4, 1/5
    assert not desk.is_business_day(RULES, date(2027, 1, 11))                     # 成人の日


def test_the_day_sheet_lists_sessions_with_flags():
    thread = confirmed()
    rows = desk.sessions([thread], RULES, date(2026, 12, 4), date(2026, 12, 4))
    (row,) = rows
    assert row.name == "秋田 太郎" and row.url.startswith("https://") and row.state == "confirmed"
    day = row.start.replace(hour=8)
    asked, _ = step(thread, "本日は体調不良のため休ませてください。", now=day)
    (row,) = desk.sessions([asked], RULES, date(2026, 12, 4), date(2026, 12, 4))
    assert "当日キャンセル連絡(メール)" in row.flags


def test_open_escalations_are_aged_in_business_days_and_flagged_overdue():
    asked, _ = step(None, "オンライン相談はどのアプリを使いますか？", reply=False)
    (row,) = desk.open_escalations([asked], RULES, NOW + timedelta(days=1))
    assert row.reason == "question" and row.business_days == 1 and not row.overdue
    (row,) = desk.open_escalations([asked], RULES, NOW + timedelta(days=7))
    assert row.overdue
    resolved, _ = decide(asked, Staff("resolve", note="電話で回答"), ctx())
    assert desk.open_escalations([resolved], RULES, NOW) == []


def test_tables_line_up_with_wide_characters():
    text = render(["名前", "状態"], [["秋田 太郎", "confirmed"], ["Maria Santos", "staff"]])
    lines = text.splitlines()
    assert len({width(line.split("  ")[0].ljust(1)) for line in lines}) >= 1
    starts = [width(line[: line.index("confirmed")]) for line in lines if "confirmed" in line]
    starts += [width(line[: line.index("staff")]) for line in lines if "staff" in line]
    assert len(set(starts)) == 1
