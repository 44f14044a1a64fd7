"""The conversation state machine as one explicit table, in the style of h11's `_state.py`.

`TABLE[(state, event kind)]` names the handler for every pair; a pair that is not in the table
raises `Unhandled` (a bug, never a silent drop), and tests/unit/test_conversation_table.py walks
every pair. `decide()` is the only entry point: pure, given the thread, one event and the
context (rules, `now`, seats taken), it returns the new record and the actions for the shell.

Rows are states, columns are event kinds (events.Kind): a mail by its meaning in context
(reading.py), a timer tick, a staff command, what became of one of our mails, or what a
seeker did on the booking site (site.py).
"""

from __future__ import annotations

import copy
from typing import Callable

from mailbot.conversation import handlers as h
from mailbot.conversation import site
from mailbot.conversation.events import (Action, Context, Delivery, Kind, Mail, Refused, Staff,
                                         Tick, Unhandled)
from mailbot.conversation.model import CLOSED, State, Thread

K = Kind
Handler = Callable[[h.Step], list[Action]]

_ALL_MAIL = [k for k in Kind if k.value.startswith("mail.")]

# What every stored conversation does with staff commands and with news of our own mail.
_STAFF_ROW: dict[Kind, Handler] = {
    K.STAFF_BOOK: h.staff_book,
    K.STAFF_CANCEL: h.staff_cancel,
    K.STAFF_ATTENDED: h.staff_session,
    K.STAFF_NO_SHOW: h.staff_session,
    K.STAFF_RESUME: h.staff_resume,
    K.STAFF_RESOLVE: h.staff_resolve,
    K.STAFF_CLEAR_ADDRESS: h.staff_clear_address,
}
_DELIVERY_ROW: dict[Kind, Handler] = {
    K.SENT: h.sent, K.FAILED: h.failed, K.BOUNCED: h.bounced, K.REJECTED: h.rejected,
}
# The booking site (site.py): each row lists the site events that apply there.
_SITE_ROW: dict[Kind, Handler] = {k: site.site_refused for k in Kind if k.value.startswith("site.")}


def _row(mail: dict[Kind, Handler], default: Handler, *, tick: Handler = h.tick,
         staff: dict[Kind, Handler] | None = None, site_events: dict[Kind, Handler] | None = None,
         delivery: dict[Kind, Handler] | None = None) -> dict[Kind, Handler]:
    """A full row: the mail kinds given, `default` for the other mail kinds, then the timer,
    staff, delivery and site columns (`site_events`/`delivery` override the shared ones)."""
    row = {k: mail.get(k, default) for k in _ALL_MAIL}
    row[K.AUTOMATED] = mail.get(K.AUTOMATED, h.automated_in_thread)
    row[K.TICK] = tick
    row.update(staff if staff is not None else _STAFF_ROW)
    row.update({**_DELIVERY_ROW, **(delivery or {})})
    row.update({**_SITE_ROW, **(site_events or {})})
    return row


def _discard_automated(step: h.Step) -> list[Action]:
    """An automated first mail: no conversation, never answered (the chain files it first)."""
    step.file("NeedsStaff")
    step.discard = True
    return step.actions


_OFFER_OPEN = {
    K.PICK: h.pick,
    K.PICK_UNCLEAR: h.which_slot,
    K.NEW_TIME: h.new_time,
    K.REQUEST: h.fresh_request,
    K.CANCEL: h.decline,
    K.DECLINE_ALL: h.ask_new_time,
    K.CHANGE: h.ask_new_time,
    K.QUESTION: h.question,
}

_ROWS: dict[State, dict[Kind, Handler]] = {
    State.NEW: _row(
        {K.REQUEST: h.start, K.QUESTION: h.first_question, K.THANKS: h.first_thanks,
         K.AUTOMATED: _discard_automated},
        default=h.first_unknown, tick=h.idle,
        staff={**{k: h.staff_refused for k in _STAFF_ROW}, K.STAFF_BOOK: h.staff_new_booking},
        site_events={K.SITE_APPLIED: site.site_apply}),
    State.NEEDS_INFO: _row(
        {K.REQUEST: h.details, K.DETAILS: h.details, K.NEW_TIME: h.details, K.PICK: h.details,
         K.PICK_UNCLEAR: h.details, K.NOTE: h.details, K.ATTENDANT: h.details,
         K.CANCEL: h.decline, K.QUESTION: h.question},
        default=h.ask_details_again),
    State.PENDING_LINK: _row(
        {K.CANCEL: h.decline, K.QUESTION: h.question, K.THANKS: h.nothing},
        default=site.site_mail_pending, tick=site.site_tick,
        staff={**_STAFF_ROW, K.STAFF_CANCEL: site.site_staff_withdraw},
        delivery={K.SENT: site.site_link_sent, K.FAILED: site.site_undelivered,
                  K.BOUNCED: site.site_undelivered, K.REJECTED: site.site_undelivered},
        site_events={K.SITE_CLICKED: site.site_confirm}),
    State.OFFERED: _row(_OFFER_OPEN, default=h.note_in_offer),
    State.RESCHEDULING: _row({**_OFFER_OPEN, K.KEEP: h.keep_original, K.CANCEL: h.cancel_booking},
                             default=h.note_in_offer, site_events={K.SITE_CANCEL: site.site_cancel}),
    State.CONFIRMED: _row(
        {K.CANCEL: h.cancel_booking, K.CHANGE: h.ask_new_time, K.NEW_TIME: h.new_time,
         K.KEEP: h.keep_original, K.ATTENDANT: h.attendant_after_confirmation,
         K.QUESTION: h.question, K.REQUEST: h.second_session, K.NOTE: h.record_note,
         K.THANKS: h.nothing},
        default=h.unclear_confirmed, site_events={K.SITE_CANCEL: site.site_cancel}),
    State.STAFF: _row({}, default=h.mail_with_staff, site_events={K.SITE_CANCEL: site.site_cancel}),
    **{state: _row({K.REQUEST: h.start}, default=h.late_reply, tick=h.idle) for state in CLOSED},
}

TABLE: dict[tuple[State, Kind], Handler] = {
    (state, kind): handler for state, row in _ROWS.items() for kind, handler in row.items()
}


def decide(thread: Thread | None, event, ctx: Context) -> tuple[Thread | None, list[Action]]:
    """Apply one event. Returns (record to store, or None when nothing is kept; actions).
    The input thread is never changed. Raises Refused for a staff command that does not fit,
    Unhandled for a pair missing from the table."""
    state = thread.state if thread is not None else State.NEW
    kind = event.kind
    starts = thread is None or (state in CLOSED and kind is Kind.REQUEST)
    if starts:
        t = _fresh(event, ctx)
        state = State.NEW if thread is None else state
    else:
        t = copy.deepcopy(thread)
        if isinstance(event, Mail):
            _remember(t, event)
    handler = TABLE.get((state, kind))
    if handler is None:
        raise Unhandled(f"no handler for ({state.value}, {kind.value})")
    step = h.Step(t=t, event=event, ctx=ctx, kind=kind, rule=_rule(event, handler))
    step._before = t.state
    actions = handler(step)
    if getattr(step, "discard", False):
        return None, actions
    if t.state is State.NEW:
        if thread is None and not isinstance(event, (Mail, Staff)):
            return None, actions            # a tick or delivery news with no conversation
        raise Unhandled(f"{handler.__name__} left a new conversation without a state")
    return t, actions


def _fresh(event, ctx: Context) -> Thread:
    if isinstance(event, Mail):
        t = h.new_thread(ctx, event, from_addr=event.inbound.from_addr)
        return t
    return h.new_thread(ctx, None, from_addr="", source="staff")


def _remember(t: Thread, mail: Mail) -> None:
    mid = mail.inbound.message_id
    if mid and mid not in t.message_ids:
        t.message_ids.append(mid)
    t.last_in_message_id = mid


def _rule(event, handler: Handler) -> str:
    if isinstance(event, Mail) and event.meaning.rule:
        return f"{event.meaning.rule}>{handler.__name__}"
    return handler.__name__


__all__ = ["TABLE", "decide", "Refused", "Unhandled", "Tick", "Delivery", "Staff", "Mail"]
