"""The next timer instant (conversation.timers.tick_due) against the state table itself: before
it, a Tick changes nothing; and it is not far early, or the timer index would decide every
conversation at every pass again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mailbot.conversation import Tick, decide
from mailbot.conversation.timers import ALWAYS, tick_due
from tests.unit.convo import (NOW, RULES, confirmed, ctx, mark_sent, offered, site_pending, step,
                              with_rules)

STEP = timedelta(minutes=10)
SPAN = timedelta(days=12)


def first_change(thread, rules=RULES):
    """The first instant (10-minute steps from NOW) at which a Tick changes `thread`."""
    at = NOW
    while at < NOW + SPAN:
        new, _ = decide(thread, Tick(), ctx(at, rules=rules))
        if new is not None and new.to_json() != thread.to_json():
            return at
        at += STEP
    return None


def needs_info():
    thread, _ = step(None, "相談の予約をお願いします。\n12月4日 14時\n", reply=False)
    assert thread.state.value == "needs_info", thread.history
    return mark_sent(thread)


def rescheduling():
    thread = confirmed()
    thread, _ = step(thread, "日程を12月9日 10:00に変更できますか")
    assert thread.state.value == "rescheduling", thread.history
    return mark_sent(thread)


def reminded():
    thread = confirmed()
    at = tick_due(thread, RULES)
    new, _ = decide(thread, Tick(), ctx(at + timedelta(seconds=1)))
    assert new.booking.reminded_at is not None
    return new


CASES = {
    "offered": lambda: offered(),
    "offer_not_sent": lambda: step(None, "相談の予約をお願いします。\n氏名：秋田 太郎\n電話：090-1234-5678\n"
                                         "希望日時：12月4日（金）14:00\n", reply=False)[0],
    "needs_info": needs_info,
    "confirmed": lambda: confirmed(),
    "confirmed_late": lambda: confirmed(wish="12月3日（木）14:00", choice="1番でお願いします"),
    "rescheduling": rescheduling,
    "reminded": reminded,
    "site_pending": lambda: site_pending(),
    "site_pending_unsent": lambda: site_pending(sent=False),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_tick_changes_nothing_before_the_instant_and_something_soon_after(name):
    thread = CASES[name]()
    due = tick_due(thread, RULES)
    changed = first_change(thread)
    if changed is None:
        assert due is None or due >= NOW + SPAN - STEP or due == ALWAYS, (name, due)
        return
    assert due is not None and due <= changed, (name, due, changed)
    assert changed - due <= STEP, (name, due, changed)     # the instant is not far early


def test_reminders_off_means_no_reminder_instant():
    rules = with_rules(reminder=RULES.policy.reminder.__class__(
        **{**RULES.policy.reminder.__dict__, "enabled": False}))
    thread = confirmed()
    assert first_change(thread, rules) is None
    assert tick_due(thread, rules) is None
