"""The per-conversation state machine: pure, no I/O, no clock.

`decide(thread, event, ctx)` takes the thread record (a plain JSON dict, or None for a new
conversation), one event and a `Context` (rules, `now`, seats already taken) and returns the new
record plus the actions the shell must perform. Every branch is a unit test; the shell only
records and executes.

States (see DESIGN.md): needs_info, offered, confirmed, staff, and the closed ones
cancelled, expired, done, no_show, declined.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Mapping, Sequence

from mailbot import calendar
from mailbot.understand.model import Inbound, Requested, Understanding

OPEN_STATES = ("needs_info", "offered", "confirmed", "staff")
CLOSED_STATES = ("cancelled", "expired", "done", "no_show", "declined")

# Required to make an offer. 求職番号 may come later (terms art. 6 (2) ②); a wanted time is asked
# for when missing together with another field, but on its own we offer the earliest slots.
REQUIRED = ("name", "phone")

# Hiragana, katakana or CJK ideographs: a seeker of this office writes some.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# Asking for missing details more often than this turns into staff work, not a loop.
MAX_ASKS = 2


# ---------------------------------------------------------------------------- events and actions


@dataclass(frozen=True)
class MailReceived:
    inbound: Inbound
    understanding: Understanding


@dataclass(frozen=True)
class Tick:
    """Time passed: deadlines and lapses are decided from stored timestamps, never from rhythm."""


@dataclass(frozen=True)
class StaffCommand:
    """What staff decided, from the `mailbot` command (a phone call, the session itself).

    action: book (slot key) | cancel | attended | no_show | resume. `notify` = mail the seeker.
    `contact` starts a new conversation (a further booking fixed during a session, terms
    art. 6 (5)) for the seeker of an earlier one.
    """

    action: str
    slot: str | None = None
    notify: bool = True
    contact: Mapping | None = None
    new_ref: str | None = None


class Refused(ValueError):
    """A staff command that does not fit the conversation (message says why, for the CLI)."""


@dataclass(frozen=True)
class Send:
    """Compose template `kind` for the thread and send it to `to`.

    `extra` carries template data that is not in the thread record (e.g. which fields are missing).
    """

    kind: str
    to: str
    extra: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class Escalate:
    reason: str


@dataclass(frozen=True)
class File:
    """Where the source message goes in the mailbox: Processed or NeedsStaff."""

    folder: str


Action = Send | Escalate | File


@dataclass(frozen=True)
class Context:
    rules: object               # mailbot.rules.Rules
    now: datetime
    taken: Mapping[str, int] = field(default_factory=dict)   # slot key -> seats taken
    no_shows: int = 0           # earlier unannounced absences of this sender


# ---------------------------------------------------------------------------- helpers


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def _log(thread: dict, ctx: Context, event: str, **detail) -> None:
    thread.setdefault("history", []).append({"at": _iso(ctx.now), "event": event, **detail})
    thread["updated_at"] = _iso(ctx.now)


def new_thread(inbound: Inbound, ctx: Context) -> dict:
    """A fresh record; the shell assigns `ref` (the booking reference) when it stores it."""
    return {
        "ref": None,
        "state": "new",
        "created_at": _iso(ctx.now),
        "updated_at": _iso(ctx.now),
        "from_addr": inbound.from_addr,
        "subject": inbound.subject,
        "contact": {"name": None, "email": None, "phone": None, "seeker_number": None,
                    "attendant": None},
        "wishes": [],
        "warnings": [],
        "asks": 0,
        "offer": None,
        "booking": None,
        "holds": [],
        "message_ids": [m for m in [inbound.message_id] if m],
        "last_in_message_id": inbound.message_id,
        "history": [],
    }


def _merge_fields(thread: dict, u: Understanding) -> None:
    """Later mail fills in what an earlier one lacked (a reply may add 求職番号 or a phone).

    What we already know is kept: a reply signed with the family name only must not turn
    「佐藤 健太」 into 「佐藤」. Corrections are for staff, not for guessing.
    """
    contact = thread["contact"]
    for key in ("name", "email", "phone", "seeker_number", "attendant"):
        value = getattr(u, key)
        if value and not contact.get(key):
            contact[key] = value
    if u.requested:
        thread["wishes"] = [r.to_json() for r in u.requested]
    thread["warnings"] = list(u.warnings)


def _missing(thread: dict) -> list[str]:
    contact = thread["contact"]
    missing = [key for key in REQUIRED if not contact.get(key)]
    if missing and not thread["wishes"]:
        missing.append("requested")
    return missing


def _wishes(thread: dict) -> list[Requested]:
    return [Requested.from_json(w) for w in thread["wishes"]]


def _contact_address(thread: dict) -> str:
    return thread["contact"].get("email") or thread["from_addr"]


def _to_staff(thread: dict, ctx: Context, reason: str, ack: bool = False) -> list[Action]:
    """Hand the conversation to a human. With `ack`, the seeker is told a person will answer
    (their question was received), so nobody waits in silence."""
    if thread["state"] != "staff":
        thread["state_before_staff"] = thread["state"]
    thread["state"] = "staff"
    thread["escalation"] = {"reason": reason, "at": _iso(ctx.now)}
    _log(thread, ctx, "escalated", reason=reason)
    return _notify_staff(thread, ctx, reason, ack)


def _offer(thread: dict, ctx: Context, note: str | None = None) -> list[Action]:
    """Offer the free slots nearest the wishes; with none free, staff takes over."""
    rules = ctx.rules
    limit = rules.policy.slots_per_offer
    slots = calendar.free_slots(rules, ctx.taken, ctx.now, _wishes(thread), limit)
    if not slots:
        return _to_staff(thread, ctx, "no free slot to offer")
    thread["offer"] = {
        "slots": [s.key for s in slots],
        "sent_at": _iso(ctx.now),
        "expires_at": _iso(calendar.offer_expires_at(rules, ctx.now, slots)),
        "rules_version": rules.version,
        "round": (thread["offer"] or {}).get("round", 0) + 1,
    }
    thread["state"] = "offered"
    _log(thread, ctx, "offered", slots=thread["offer"]["slots"])
    extra = {"note": note} if note else {}
    return [Send("offer", _contact_address(thread), extra), File("Processed")]


def _ask_missing(thread: dict, ctx: Context, missing: list[str]) -> list[Action]:
    if thread["asks"] >= MAX_ASKS:
        return _to_staff(thread, ctx, "details still missing after asking twice: " + ",".join(missing))
    thread["asks"] += 1
    thread["state"] = "needs_info"
    _log(thread, ctx, "asked", missing=missing)
    return [Send("needs_info", _contact_address(thread), {"missing": missing}), File("Processed")]


# ---------------------------------------------------------------------------- choosing a slot


def _chosen_slot(thread: dict, u: Understanding, ctx: Context) -> tuple[str | None, str | None]:
    """Which offered slot the reply picks: (slot key, None) or (None, why it is unclear).

    A number picks from the offer; a date/time must match an offered slot exactly; a bare consent
    picks the only slot. When a number and a restated time disagree, we ask: never guess.
    """
    offered = thread["offer"]["slots"]
    slots = [calendar.Slot.from_key(k, ctx.rules) for k in offered]
    by_time = [s.key for s in slots for r in u.requested if _matches(s, r, slots)]
    if u.choice is not None:
        if not 1 <= u.choice <= len(offered):
            return None, "choice_out_of_range"
        key = offered[u.choice - 1]
        if u.requested and key not in by_time:
            return None, "choice_conflicts_time"
        return key, None
    if u.requested:
        distinct = list(dict.fromkeys(by_time))
        if len(distinct) == 1:
            return distinct[0], None
        return None, ("ambiguous_time" if distinct else "new_time")
    if len(offered) == 1 and u.intent == "confirm":
        # A bare consent picks the only slot; nothing else (a wish to change, a new request)
        # is read as agreeing to it.
        return offered[0], None
    return None, "no_choice"


def _matches(slot, r: Requested, offered) -> bool:
    """A stated start time must equal the slot's; a bare date picks a slot only when it is the
    one offered slot on that day (「4日でお願いします」)."""
    start = slot.start
    if start.date() != r.date:
        return False
    if r.start is None:
        return sum(1 for s in offered if s.start.date() == r.date) == 1
    return start.time().replace(second=0, microsecond=0) == r.start


def _confirm(thread: dict, key: str, ctx: Context, by_staff: bool = False) -> list[Action]:
    rules = ctx.rules
    try:
        slot = calendar.Slot.from_key(key, rules)
    except ValueError:
        raise Refused(f"not a slot: {key!r}") from None
    # The thread's own hold (a reschedule picking its current slot) is not someone else's seat.
    taken = dict(ctx.taken)
    for held in thread["holds"]:
        taken[held] = max(0, taken.get(held, 0) - 1)
    problem = calendar.booking_problem(rules, slot, taken, ctx.now)
    if by_staff and problem is not None and not (problem == "too_late" and slot.start > ctx.now):
        # Staff may fix a session at short notice (by phone, during a session), never a full,
        # past or non-existent one.
        raise Refused(f"slot {key} cannot be booked: {problem}")
    if problem == "too_late" and not by_staff:
        return _offer(thread, ctx, note="too_late")
    if problem is not None and not by_staff:
        return _offer(thread, ctx, note="taken")
    old = thread["booking"]["slot"] if thread.get("booking") else None
    thread["holds"] = [key]
    thread["booking"] = {
        "slot": key,
        "confirmed_at": _iso(ctx.now),
        "url": calendar.session_url(rules, slot, thread["ref"] or ""),
        "replaces": old if old and old != key else None,
        "rules_version": rules.version,
    }
    thread["offer"] = None
    thread["state"] = "confirmed"
    _log(thread, ctx, "confirmed", slot=key)
    return [Send("confirmed", _contact_address(thread)), File("Processed")]


# ---------------------------------------------------------------------------- decide


def decide(thread: dict | None, event, ctx: Context) -> tuple[dict | None, list[Action]]:
    """The whole conversation logic. Returns (record or None when nothing is kept, actions)."""
    if isinstance(event, MailReceived):
        return _on_mail(thread, event, ctx)
    if isinstance(event, Tick):
        return _on_tick(thread, ctx)
    if isinstance(event, StaffCommand):
        return _on_staff(thread, event, ctx)
    raise TypeError(f"unknown event {event!r}")


def _on_mail(thread: dict | None, ev: MailReceived, ctx: Context):
    inbound, u = ev.inbound, ev.understanding
    if u.intent == "automated":
        # Never answered. A bounce or auto-reply inside a conversation is for staff to see.
        if thread is not None:
            thread = dict(thread)
            _log(thread, ctx, "automated_reply")
            _remember(thread, inbound)
        return thread, [Escalate("automated mail"), File("NeedsStaff")]

    if thread is None or (thread["state"] in CLOSED_STATES and u.intent == "book"):
        return _on_new(inbound, u, ctx)

    thread = _copy(thread)
    _remember(thread, inbound)
    state = thread["state"]
    handler = {
        "needs_info": _in_needs_info,
        "offered": _in_offered,
        "confirmed": _in_confirmed,
    }.get(state)
    if handler is None:             # staff or closed: a human reads it
        _log(thread, ctx, "mail_for_staff", intent=u.intent)
        return thread, [Escalate(f"mail in {state} conversation"), File("NeedsStaff")]
    return thread, handler(thread, u, ctx)


def _copy(thread: dict) -> dict:
    return copy.deepcopy(thread)


def _remember(thread: dict, inbound: Inbound) -> None:
    if inbound.message_id and inbound.message_id not in thread["message_ids"]:
        thread["message_ids"].append(inbound.message_id)
    thread["last_in_message_id"] = inbound.message_id


def _on_new(inbound: Inbound, u: Understanding, ctx: Context):
    thread = new_thread(inbound, ctx)
    if not _answerable(inbound):
        # No sender to answer, or no Japanese at all (spam, foreign lists, stray mail): a human
        # decides; the bot writes to nobody.
        return None, [Escalate("not a Japanese mail with a sender"), File("NeedsStaff")]
    if u.intent != "book":
        # Questions, cancellations without a booking, stray confirmations, sales mail: a human.
        if u.intent == "other" and not any((u.name, u.phone, u.requested)):
            return None, [Escalate("unrelated mail"), File("NeedsStaff")]
        _merge_fields(thread, u)
        _log(thread, ctx, "received", intent=u.intent)
        return thread, _to_staff(thread, ctx, f"new conversation with intent {u.intent}",
                                 ack=u.intent == "question")
    _merge_fields(thread, u)
    _log(thread, ctx, "received", intent=u.intent)
    if ctx.no_shows >= ctx.rules.policy.no_show_limit:
        # Terms art. 6 (6): after absences without notice the office may refuse; a person decides.
        return thread, _to_staff(thread, ctx, f"{ctx.no_shows} earlier no-shows", ack=True)
    return thread, _after_details(thread, ctx)


def _answerable(inbound: Inbound) -> bool:
    """A first mail the bot may answer: it has a sender and is written in Japanese."""
    return bool(inbound.from_addr) and bool(_JAPANESE.search(inbound.subject + inbound.text))


def _after_details(thread: dict, ctx: Context) -> list[Action]:
    missing = _missing(thread)
    if missing:
        return _ask_missing(thread, ctx, missing)
    return _offer(thread, ctx)


def _in_needs_info(thread: dict, u: Understanding, ctx: Context) -> list[Action]:
    if u.intent == "cancel":
        return _close(thread, ctx, "cancelled", "cancelled")
    if u.intent in ("question", "other") and not any((u.name, u.phone, u.requested)):
        return _to_staff(thread, ctx, f"{u.intent} while details are missing")
    _merge_fields(thread, u)
    return _after_details(thread, ctx)


def _in_offered(thread: dict, u: Understanding, ctx: Context) -> list[Action]:
    if u.intent == "cancel":
        if thread.get("booking"):       # during a reschedule the booking itself is cancelled
            return _cancel_booking(thread, ctx)
        return _close(thread, ctx, "declined", "cancelled")
    if u.intent in ("question", "other"):
        return _to_staff(thread, ctx, f"{u.intent} in reply to an offer",
                         ack=u.intent == "question")
    _merge_fields_keep_wishes(thread, u)
    key, why = _chosen_slot(thread, u, ctx)
    if key:
        return _confirm(thread, key, ctx)
    if why == "new_time":
        thread["wishes"] = [r.to_json() for r in u.requested]
        return _offer(thread, ctx, note="new_time")
    if why == "no_choice" and u.intent == "reschedule":
        return _to_staff(thread, ctx, "none of the offered times suits, no new time given",
                         ack=True)
    thread.setdefault("unclear_replies", 0)
    thread["unclear_replies"] += 1
    if thread["unclear_replies"] > MAX_ASKS:
        return _to_staff(thread, ctx, f"reply still unclear: {why}", ack=True)
    _log(thread, ctx, "asked_choice", why=why)
    return [Send("which_slot", _contact_address(thread), {"why": why}), File("Processed")]


def _merge_fields_keep_wishes(thread: dict, u: Understanding) -> None:
    """A reply to an offer may add details; its times are a choice, not new wishes."""
    contact = thread["contact"]
    for key in ("name", "phone", "seeker_number", "attendant"):
        value = getattr(u, key)
        if value and not contact.get(key):
            contact[key] = value


def _in_confirmed(thread: dict, u: Understanding, ctx: Context) -> list[Action]:
    """After confirmation the booking stands whatever else the mail says: the bot handles
    cancel and reschedule itself and lets staff read the rest, without leaving `confirmed`."""
    if u.intent == "cancel":
        return _cancel_booking(thread, ctx)
    if u.intent == "reschedule" or (thread.get("awaiting_new_time") and u.requested
                                    and u.intent != "question"):
        if not u.requested:
            thread["awaiting_new_time"] = True
            _log(thread, ctx, "asked_new_time")
            return [Send("ask_new_time", _contact_address(thread)), File("Processed")]
        thread.pop("awaiting_new_time", None)
        thread["wishes"] = [r.to_json() for r in u.requested]
        return _offer(thread, ctx, note="reschedule")
    if u.intent == "confirm" and not u.requested and u.choice is None and not u.attendant:
        _merge_fields_keep_wishes(thread, u)
        _log(thread, ctx, "acknowledged")        # a thank-you or a late 求職番号: no answer
        return [File("Processed")]
    _merge_fields_keep_wishes(thread, u)
    if u.attendant:
        # Terms art. 12 (3): an interpreter or caregiver joining is announced in advance.
        return _notify_staff(thread, ctx, f"attendant announced: {u.attendant}")
    if u.intent in ("other", "book") and u.seeker_number and not u.requested:
        _log(thread, ctx, "details_added")
        return [File("Processed")]
    return _notify_staff(thread, ctx, f"{u.intent} after confirmation",
                         ack=u.intent == "question")


def _notify_staff(thread: dict, ctx: Context, reason: str, ack: bool = False) -> list[Action]:
    """Staff should read this mail, but the conversation stays where it is (a booking stays
    confirmed, so a later cancellation by mail still works). An acknowledgement goes to whoever
    wrote, never to an address read from the text: else anyone could make us mail a third party."""
    _log(thread, ctx, "staff_notified", reason=reason)
    acknowledgement = [Send("staff_ack", thread["from_addr"])] if ack and thread["from_addr"] else []
    return [*acknowledgement, Escalate(reason), File("NeedsStaff")]


def _cancel_booking(thread: dict, ctx: Context) -> list[Action]:
    rules = ctx.rules
    slot = calendar.Slot.from_key(thread["booking"]["slot"], rules)
    same_day = ctx.now.astimezone(slot.start.tzinfo).date() >= slot.start.date()
    if same_day and rules.policy.same_day_cancel == "phone_only":
        # Terms art. 6 (6): on the day itself, cancellation is by phone only. The booking stands
        # until staff hear from the seeker; they see this mail in NeedsStaff.
        _log(thread, ctx, "same_day_cancel_by_mail")
        return [Send("same_day_cancel", _contact_address(thread)),
                Escalate("same-day cancel by mail"), File("NeedsStaff")]
    return _close(thread, ctx, "cancelled", "cancelled")


def _close(thread: dict, ctx: Context, state: str, kind: str) -> list[Action]:
    thread["state"] = state
    thread["holds"] = []
    thread["offer"] = None
    _log(thread, ctx, state)
    return [Send(kind, _contact_address(thread)), File("Processed")]


def _on_staff(thread: dict | None, cmd: StaffCommand, ctx: Context):
    """Staff decisions. Each checks that it fits, so a typo'd reference cannot, say, mark a
    cancelled booking attended; the seeker is mailed unless staff say not to."""
    if thread is None:
        if cmd.action != "book" or not cmd.contact:
            raise Refused("no such conversation")
        thread = _staff_thread(cmd.contact, cmd.new_ref, ctx)
    else:
        thread = _copy(thread)
    state = thread["state"]
    booking = thread.get("booking") or {}
    slot = calendar.Slot.from_key(booking["slot"], ctx.rules) if booking.get("slot") else None
    if cmd.action == "book":
        if state in CLOSED_STATES and thread.get("booking"):
            raise Refused(f"conversation is {state}; book for the seeker with --for")
        key = cmd.slot or ""
        actions = _confirm(thread, cmd.slot or "", ctx, by_staff=True)
    elif cmd.action == "cancel":
        if state not in OPEN_STATES:
            raise Refused(f"conversation is already {state}")
        actions = _close(thread, ctx, "cancelled", "cancelled")
    elif cmd.action in ("attended", "no_show"):
        if state != "confirmed" or slot is None:
            raise Refused(f"conversation is {state}, not a confirmed booking")
        if ctx.now < (slot.start if cmd.action == "attended" else calendar.no_show_at(ctx.rules, slot)):
            raise Refused("the session has not started yet" if cmd.action == "attended" else
                          f"a no-show counts from {calendar.no_show_at(ctx.rules, slot):%H:%M}")
        thread["state"] = "done" if cmd.action == "attended" else "no_show"
        thread["holds"] = []
        _log(thread, ctx, cmd.action)
        actions = []
    elif cmd.action == "resume":
        if state != "staff":
            raise Refused(f"conversation is {state}, not with staff")
        thread["state"] = thread.pop("state_before_staff", None) or "needs_info"
        thread.pop("escalation", None)
        if thread["state"] == "staff":
            thread["state"] = "needs_info"
        _log(thread, ctx, "resumed", state=thread["state"])
        actions = []
    else:
        raise Refused(f"unknown staff action {cmd.action!r}")
    if not cmd.notify:
        actions = [a for a in actions if not isinstance(a, Send)]
    return thread, actions


def _staff_thread(contact: Mapping, ref: str | None, ctx: Context) -> dict:
    thread = new_thread(Inbound(message_id=None, in_reply_to=None, references=(), subject="",
                                from_addr=contact.get("email") or "", from_name="", to_addrs=(),
                                date=ctx.now, headers={}, text=""), ctx)
    thread["contact"].update({k: contact.get(k) for k in thread["contact"]})
    thread["ref"] = ref
    thread["state"] = "staff_booking"
    thread["last_in_message_id"] = None
    _log(thread, ctx, "created_by_staff")
    return thread


def _on_tick(thread: dict | None, ctx: Context):
    if thread is None:
        return None, []
    state = thread["state"]
    policy = ctx.rules.policy
    if state == "offered":
        if ctx.now > datetime.fromisoformat(thread["offer"]["expires_at"]):
            thread = _copy(thread)
            if thread.get("booking"):
                # A reschedule offer lapsed: the original booking simply stands.
                thread["state"] = "confirmed"
                thread["offer"] = None
                _log(thread, ctx, "reschedule_lapsed")
                return thread, [Send("reschedule_lapsed", _contact_address(thread))]
            thread["state"] = "expired"
            thread["offer"] = None
            _log(thread, ctx, "lapsed")
            return thread, [Send("lapsed", _contact_address(thread))]
    elif state == "needs_info":
        age = ctx.now - datetime.fromisoformat(thread["updated_at"])
        if age.days >= policy.needs_info_expire_days:
            thread = _copy(thread)
            thread["state"] = "expired"
            _log(thread, ctx, "expired_without_details")
            return thread, []
    elif state == "confirmed" and not thread["booking"].get("reminded"):
        slot = calendar.Slot.from_key(thread["booking"]["slot"], ctx.rules)
        remind_at = calendar.reminder_at(ctx.rules, slot)
        confirmed_at = datetime.fromisoformat(thread["booking"]["confirmed_at"])
        # Only for bookings made before the reminder time: a booking confirmed the evening
        # before needs no second mail.
        if remind_at and confirmed_at < remind_at <= ctx.now < slot.start:
            thread = _copy(thread)
            thread["booking"]["reminded"] = _iso(ctx.now)
            _log(thread, ctx, "reminded")
            return thread, [Send("reminder", _contact_address(thread))]
    return thread, []


# Conversations a Tick can change; the timer pass reads only these.
TICK_STATES = ("offered", "needs_info", "confirmed")


__all__: Sequence[str] = ("decide", "MailReceived", "Tick", "Send", "Escalate", "File", "Context",
                          "OPEN_STATES", "CLOSED_STATES")
