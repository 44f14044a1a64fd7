"""When a conversation's timer can next do something: pure, from the record and the rules.

Why: a timer pass used to run the whole state table for every open conversation every minute
(10 000 open conversations: tens of seconds holding the store's lock, while staff commands
waited). The engine keeps this instant per conversation whenever it saves one, and a pass only
decides the conversations whose instant has come (engine.run_timers).

The contract, tested against the table itself (tests/unit/test_tick_due.py): before
`tick_due(t, rules)` a Tick changes nothing; None means no Tick changes anything until another
event changes the record. When in doubt an instant is given early (ALWAYS): an early pass only
costs one decide() that does nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from mailbot import calendar
from mailbot.conversation.model import State, Thread

ALWAYS = datetime(1970, 1, 1, tzinfo=timezone.utc)   # due at every pass


def tick_due(t: Thread, rules) -> datetime | None:
    """The earliest instant at which a Tick could change `t` (see the module's contract)."""
    due: list[datetime] = []
    if t.state is State.PENDING_LINK:
        return _link_due(t, rules)
    if t.state in (State.OFFERED, State.RESCHEDULING) and t.offer:
        if t.offer.sent_at is None:
            return None                         # held for review: its lifetime has not begun
        if t.offer.expires_at:
            due.append(t.offer.expires_at)
    if t.state is State.NEEDS_INFO and t.last_sent == "needs_info" and t.last_sent_at:
        due.append(t.last_sent_at + timedelta(days=rules.policy.needs_info_expire_days))
    if t.state in (State.CONFIRMED, State.RESCHEDULING) and t.booking:
        remind = _reminder_due(t, rules)
        if remind is not None:
            due.append(remind)
    return min(due) if due else None


def _reminder_due(t: Thread, rules) -> datetime | None:
    b = t.booking
    if b is None or b.reminded_at or b.cancel_by_mail_at:
        return None
    try:
        slot = calendar.Slot.from_key(b.slot, rules)
    except Exception:                                   # noqa: BLE001 - let the pass decide
        return ALWAYS
    remind_at = calendar.reminder_at(rules, slot)
    if remind_at is None or b.confirmed_at is None:
        return None if remind_at is None else ALWAYS
    if not (b.confirmed_at < remind_at < slot.start):
        return None                             # confirmed after the reminder time, or no window
    return remind_at


def _link_due(t: Thread, rules) -> datetime | None:
    """A site application lapses when its link's hour is over or its slot can no longer be
    confirmed (site.link_lapsed)."""
    app = t.site
    if app is None:
        return None
    try:
        slot = calendar.Slot.from_key(app.slot, rules)
    except Exception:                                   # noqa: BLE001 - let the pass decide
        return ALWAYS
    due = [calendar.confirm_deadline(rules, slot)]
    if app.expires_at is not None:
        due.append(app.expires_at)
    return min(due)
