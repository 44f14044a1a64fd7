"""Every (state, event kind) pair of the table, run once with a representative conversation.

The table must be total (a missing pair is a bug, `Unhandled`), and every pair must keep the
invariants: a stored state, seats held only by bookings, nobody's mail left without an answer
or an acknowledgement (thanks and machines excepted), and staff commands that do not fit are
refused with a reason rather than half-applied.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mailbot.conversation import (TABLE, Delivery, Kind, Mail, Meaning, NotifyStaff, Refused, Send,
                                  Staff, State, Tick, Unhandled, decide)
from mailbot.conversation.model import CLOSED, Booking, Thread
from mailbot.understand.model import Inbound, Requested, Understanding
from tests.unit.convo import (NOW, SEEKER, confirmed, ctx, mark_sent, offered, site_confirmed,
                              site_event, site_pending, step)

# Mail kinds after which no answer is right: thanks, and machines.
QUIET = {Kind.THANKS, Kind.AUTOMATED}


def thread_in(state: State) -> Thread | None:
    if state is State.NEW:
        return None
    if state is State.OFFERED:
        return offered()
    if state is State.CONFIRMED:
        return confirmed()
    if state is State.PENDING_LINK:
        return site_pending()
    if state is State.RESCHEDULING:
        t, _ = step(confirmed(), "12月10日の10時に変更をお願いします。")
        return mark_sent(t)
    if state is State.NEEDS_INFO:
        t, _ = step(None, "相談の予約をお願いします。秋田 太郎\n", reply=False)
        return mark_sent(t)
    if state is State.STAFF:
        t, _ = step(offered(), "スマホでも参加できますか？")
        t.state, t.state_before_staff = State.STAFF, State.OFFERED
        return t
    t = confirmed()
    t.state = state
    t.holds = []
    return t


def event_of(kind: Kind, thread: Thread | None):
    if kind is Kind.TICK:
        return Tick()
    if kind.value.startswith("staff."):
        action = kind.value.split(".", 1)[1]
        slot = "2026-12-14T10:00/c1" if action == "book" else None
        contact = {"name": "秋田 太郎", "email": SEEKER} if thread is None else None
        return Staff(action, slot=slot, contact=contact, new_ref="AK-2612-0999" if contact else None)
    if kind.value.startswith("delivery."):
        mail_kind = "site_link" if thread is not None and thread.state is State.PENDING_LINK else "offer"
        return Delivery(kind.value.split(".", 1)[1], mail_kind, SEEKER, detail="550 5.1.1 no such user")
    if kind.value.startswith("site."):
        return site_event(kind.value.split(".", 1)[1])
    u = Understanding(
        intent={"REQUEST": "book", "QUESTION": "question", "CANCEL": "cancel"}.get(kind.name, "other"),
        name="秋田 太郎", phone="090-1234-5678" if kind in (Kind.DETAILS, Kind.REQUEST) else None,
        seeker_number="05010-12345678" if kind is Kind.NOTE else None,
        attendant="interpreter" if kind is Kind.ATTENDANT else None,
        requested=(Requested(date(2026, 12, 10)),) if kind in (Kind.NEW_TIME, Kind.REQUEST) else ())
    inbound = Inbound(message_id="<x@example.jp>", in_reply_to=None, references=(), subject="予約",
                      from_addr=SEEKER, from_name="", to_addrs=(), date=NOW, headers={}, text="本文")
    slot = thread.offer.slots[0] if thread is not None and thread.offer else None
    meaning = Meaning(kind, slot=slot if kind is Kind.PICK else None, why="no_choice",
                      wishes=u.requested, rule="test")
    return Mail(inbound, u, meaning, "message_id" if thread is not None else "new")


PAIRS = [(s, k) for s in State for k in Kind]


def test_the_table_has_every_pair():
    missing = [(s.value, k.value) for s, k in PAIRS if (s, k) not in TABLE]
    assert missing == []


@pytest.mark.parametrize("state, kind", PAIRS, ids=[f"{s.value}-{k.value}" for s, k in PAIRS])
def test_every_pair_keeps_the_invariants(state, kind):
    thread = thread_in(state)
    event = event_of(kind, thread)
    try:
        new, actions = decide(thread, event, ctx(now=NOW + timedelta(hours=1)))
    except Refused:
        assert kind.value.startswith(("staff.", "site.")), "only staff commands and site events are refused"
        return
    except Unhandled as exc:                                  # pragma: no cover - the point
        pytest.fail(str(exc))
    if new is None:
        assert thread is None and (kind is Kind.AUTOMATED or not kind.value.startswith("mail."))
        return
    assert new.state is not State.NEW
    if new.state in CLOSED:
        assert new.holds == []
    if new.state in (State.CONFIRMED, State.RESCHEDULING):
        assert new.booking is not None and new.holds == [new.booking.slot]
    if new.state is State.OFFERED:
        assert new.offer is not None and new.booking is None and new.holds == []
    if new.state is State.PENDING_LINK:
        assert new.site is not None and new.booking is None and new.holds == [new.site.slot]
    if isinstance(event, Mail) and kind not in QUIET:
        answered = any(isinstance(a, Send) and a.to in (new.bound_to, SEEKER) for a in actions)
        assert answered, f"{state.value} + {kind.value}: the seeker gets no answer: {actions}"
    if any(isinstance(a, NotifyStaff) for a in actions):
        assert new.notices, "a notice to staff is recorded on the conversation"
    assert new.history, "every step is in the history"


def test_a_pair_missing_from_the_table_is_an_error(monkeypatch):
    monkeypatch.delitem(TABLE, (State.OFFERED, Kind.PICK))
    with pytest.raises(Unhandled):
        decide(offered(), event_of(Kind.PICK, offered()), ctx())


def test_the_readme_shows_the_table_as_it_is():
    from mailbot.conversation.doc import render
    from tests.conftest import REPO

    assert render() in (REPO / "README.md").read_text(encoding="utf-8"), \
        "README is out of date: paste `python -m mailbot.conversation.doc`"
