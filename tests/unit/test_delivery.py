"""delivery: when a refused or unanswered mail is tried again, and when it is given up."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from mailbot.delivery import GIVE_UP_AFTER, MAX_RETRY, after_failure, backoff, is_due, next_due

JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=JST)


def item(**fields):
    return {"id": "OB000001", "created_at": NOW.isoformat(), "status": "pending", **fields}


def test_backoff_doubles_from_one_minute_and_is_capped():
    assert [backoff(n) for n in range(1, 8)] == [timedelta(minutes=m) for m in (1, 2, 4, 8, 16, 30, 30)]
    assert backoff(500) == MAX_RETRY and backoff(0) == timedelta(0)


def test_a_permanent_refusal_fails_at_once_with_code_and_text():
    got = after_failure(item(), code=550, text="5.1.1 <a@b.jp>: User unknown", permanent=True, now=NOW)
    assert got.gave_up
    assert got.fields["status"] == "failed" and got.fields["attempts"] == 1
    assert got.fields["last_error"] == "550 5.1.1 <a@b.jp>: User unknown"
    assert got.fields["last_code"] == 550 and got.fields["next_attempt_at"] is None


def test_a_temporary_refusal_waits_1_2_4_minutes():
    current = item()
    waits = []
    for minute in range(3):
        now = NOW + timedelta(minutes=minute * 10)
        got = after_failure(current, code=451, text="4.3.0 try later", permanent=False, now=now)
        assert not got.gave_up and got.fields["status"] == "pending"
        waits.append(datetime.fromisoformat(got.fields["next_attempt_at"]) - now)
        current = {**current, **got.fields}
    assert waits == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert current["attempts"] == 3 and current["last_error"] == "451 4.3.0 try later"


def test_a_failure_without_a_reply_keeps_the_text():
    got = after_failure(item(), code=None, text="no answer within 5 s", permanent=False, now=NOW)
    assert got.fields["last_error"] == "no answer within 5 s" and got.fields["last_code"] is None


def test_temporary_failures_are_given_up_after_the_give_up_age():
    old = item(created_at=(NOW - GIVE_UP_AFTER - timedelta(minutes=1)).isoformat(), attempts=9)
    got = after_failure(old, code=451, text="later", permanent=False, now=NOW)
    assert got.gave_up and got.fields["status"] == "failed" and got.fields["attempts"] == 10


def test_due_and_next_due():
    waiting = item(next_attempt_at=(NOW + timedelta(minutes=2)).isoformat())
    assert is_due(item(), NOW) and not is_due(waiting, NOW)
    assert is_due(waiting, NOW + timedelta(minutes=2))
    assert next_due([item(), waiting]) == NOW + timedelta(minutes=2)
    assert next_due([item()]) is None
