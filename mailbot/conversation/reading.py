"""What a mail means here: the parser's signals read against the conversation's state and the
last mail we sent. Pure.

The same words mean different things in different places: 「14時でお願いします」 picks a slot in
reply to an offer, asks for a booking in a first mail, and is a change request after a
confirmation. 「元のままで」 withdraws a reschedule, and means nothing when none is pending. So the
parser only reports signals (understand/signals.py, mentions.py) and this module turns them into
one `Meaning`, by rules with names that go into the history.

Nothing we wrote decides: not our subject lines (an admin may rename them), not the quoted
offer. What we last asked is known from the record (`last_sent`, the open offer).
"""

from __future__ import annotations

import re
from datetime import datetime

from mailbot import calendar
from mailbot.conversation.events import Kind, Meaning
from mailbot.conversation.model import State, Thread
from mailbot.understand.mentions import Mention, read_mentions
from mailbot.understand.model import Inbound, Understanding
from mailbot.understand.quotes import split_reply
from mailbot.understand.signals import Signals

# Mails we send that ask the seeker to pick from an open offer.
OFFERING = frozenset({"offer", "which_slot"})


def interpret(thread: Thread | None, inbound: Inbound, u: Understanding, *, matched: str,
              rules, now: datetime) -> Meaning:
    """The meaning of mail `u` (from the conversation's own address) in `thread`'s context.

    `matched` says how the mail was tied to the conversation: ``message_id`` or
    ``subject_reference`` (a reply to our mail) or ``sender`` (a fresh mail from the same
    address) or ``new``."""
    s: Signals = u.signals
    reply = matched in ("message_id", "subject_reference")
    if thread is None or thread.state not in (State.NEEDS_INFO, State.OFFERED, State.CONFIRMED,
                                                State.RESCHEDULING, State.STAFF):
        return _first_contact(u, s, closed=thread is not None, reply=reply)
    if thread.state is State.STAFF:
        return _with_staff(u, s)
    if thread.state is State.NEEDS_INFO:
        return _needs_info(u, s)
    if thread.state in (State.OFFERED, State.RESCHEDULING):
        return _offer_open(thread, inbound, u, s, reply=reply, rules=rules)
    return _confirmed(thread, u, s, rules=rules)


# ---------------------------------------------------------------------------- by context


def _first_contact(u: Understanding, s: Signals, *, closed: bool, reply: bool) -> Meaning:
    """No open conversation: the context-free intent is all we have."""
    if u.intent == "book":
        return Meaning(Kind.REQUEST, wishes=tuple(u.requested), rule="first.book")
    if closed and reply and (s.choice is not None or s.consent or s.has_requested):
        # A reply to an offer that lapsed or a conversation already over: a person looks.
        return Meaning(Kind.PICK_UNCLEAR, why="late_reply", rule="closed.late_reply")
    if u.intent in ("cancel", "reschedule"):
        return Meaning(Kind.CANCEL if u.intent == "cancel" else Kind.CHANGE, rule=f"first.{u.intent}")
    if u.intent == "question":
        return Meaning(Kind.QUESTION, rule="first.question")
    if u.intent == "confirm":
        return Meaning(Kind.THANKS if s.thanks and not reply else Kind.UNCLEAR, why="no_open_offer",
                       rule="first.confirm")
    if s.thanks and not (u.name or u.phone or u.requested):
        return Meaning(Kind.THANKS, rule="first.thanks")
    return Meaning(Kind.UNCLEAR, why="other", rule="first.other")


def _with_staff(u: Understanding, s: Signals) -> Meaning:
    """A person has the conversation: the bot only says what kind of mail it is."""
    if s.withdraws and not s.change:
        return Meaning(Kind.CANCEL, rule="staff.cancel")
    if s.question:
        return Meaning(Kind.QUESTION, rule="staff.question")
    if u.intent == "book" or s.has_requested:
        return Meaning(Kind.REQUEST, wishes=tuple(u.requested or s.dates), rule="staff.request")
    return Meaning(Kind.UNCLEAR, why="with_staff", rule="staff.other")


def _needs_info(u: Understanding, s: Signals) -> Meaning:
    """We asked for missing details: a reply that gives any is the answer."""
    if s.withdraws and not s.change and not (u.phone or u.name or s.has_requested):
        return Meaning(Kind.CANCEL, rule="needs_info.cancel")
    gives = bool(u.name or u.phone or u.seeker_number or u.requested or s.has_requested
                 or s.detail_form or s.wish_form or s.any_time)
    if gives and not (s.only_questions and s.question and not (u.phone or u.requested)):
        return Meaning(Kind.DETAILS, wishes=tuple(u.requested or s.dates), also_question=s.question,
                       rule="needs_info.details")
    if s.question:
        return Meaning(Kind.QUESTION, rule="needs_info.question")
    if s.thanks and not s.asks_to_book:
        return Meaning(Kind.THANKS, rule="needs_info.thanks")
    return Meaning(Kind.UNCLEAR, why="no_details", rule="needs_info.unclear")


def _offer_open(thread: Thread, inbound: Inbound, u: Understanding, s: Signals, *, reply: bool,
                rules) -> Meaning:
    """An offer is open (first booking or reschedule). The reply that picks a slot is consent."""
    rescheduling = thread.state is State.RESCHEDULING
    if rescheduling and s.keep and not s.change:
        return Meaning(Kind.KEEP, rule="offer.keep")
    if s.withdraws and not s.change and s.choice is None:
        return Meaning(Kind.CANCEL, rule="offer.cancel")
    if not reply and (u.intent == "book" or s.asks_to_book or s.wish_form or s.detail_form
                      or s.has_requested or s.choice is not None or s.consent or read_mentions(
                          split_reply(inbound.text).fresh)):
        # A fresh mail (not a reply to the offer) restating a wish: the writer may never have
        # seen the offer or the terms. That is no consent; the open offer is sent again.
        return Meaning(Kind.REQUEST, wishes=tuple(u.requested or s.dates), also_question=s.question,
                       rule="offer.fresh_request")
    offered = thread.offer.slots if thread.offer else []
    slots = [calendar.Slot.from_key(k, rules) for k in offered]
    positive, negative = _split_negated(split_reply(inbound.text).fresh)
    ruled_out = _by_mentions(slots, read_mentions(negative)) or set()
    open_slots = [sl for sl in slots if sl.key not in ruled_out]
    if ruled_out and s.choice is None and not read_mentions(positive):
        # 「12月4日は行けません」: the options of that day are out; never a pick of the rest.
        if not open_slots:
            dates = [d for d in (u.requested or s.dates) if all(d.date != sl.day for sl in slots)]
            if dates:
                return Meaning(Kind.NEW_TIME, wishes=tuple(dates), rule="offer.ruled_out_new_time")
            return Meaning(Kind.DECLINE_ALL, rule="offer.all_ruled_out")
        return Meaning(Kind.PICK_UNCLEAR, why="no_choice", rule="offer.some_ruled_out")
    mentions = read_mentions(positive)
    picked, why = pick(slots if s.choice is not None else open_slots or slots, s.choice, mentions)
    if picked:
        return Meaning(Kind.PICK, slot=picked, also_question=s.question and not s.consent,
                       rule="offer.pick" if s.choice is None else "offer.pick_number")
    dates = u.requested or s.dates
    if why == "none_matches" and dates:
        return Meaning(Kind.NEW_TIME, wishes=tuple(dates), rule="offer.new_time")
    if why in ("ambiguous", "conflict", "out_of_range"):
        return Meaning(Kind.PICK_UNCLEAR, why=why, rule=f"offer.{why}")
    if s.change or s.declines_all or s.cant_attend:
        if dates:
            return Meaning(Kind.NEW_TIME, wishes=tuple(dates), rule="offer.declined_with_time")
        return Meaning(Kind.DECLINE_ALL, rule="offer.declined")
    if s.consent and len(offered) == 1 and not s.question:
        return Meaning(Kind.PICK, slot=offered[0], rule="offer.consent_single")
    if s.question:
        return Meaning(Kind.QUESTION, rule="offer.question")
    if s.consent:
        return Meaning(Kind.PICK_UNCLEAR, why="no_choice", rule="offer.consent_without_pick")
    if u.attendant:
        return Meaning(Kind.ATTENDANT, rule="offer.attendant")
    if u.seeker_number or u.phone:
        return Meaning(Kind.NOTE, rule="offer.details_only")
    return Meaning(Kind.PICK_UNCLEAR, why="no_choice", rule="offer.unclear")


def _confirmed(thread: Thread, u: Understanding, s: Signals, *, rules) -> Meaning:
    """A booking stands. Only cancel, change, keep and what staff must know move anything."""
    asked_new_time = thread.last_sent == "ask_new_time"
    if s.keep and asked_new_time and not s.change:
        return Meaning(Kind.KEEP, rule="confirmed.keep")
    dates = tuple(u.requested or s.dates)
    if asked_new_time and dates and not s.withdraws and not _only_booked_day(thread, dates, rules):
        # We asked when: 「11日の午後はどうでしょうか」 is the answer, not a question.
        return Meaning(Kind.NEW_TIME, wishes=dates, rule="confirmed.new_time_given")
    if s.change:
        if dates and not _only_booked_day(thread, dates, rules):
            return Meaning(Kind.NEW_TIME, wishes=dates, rule="confirmed.change_with_time")
        return Meaning(Kind.CHANGE, rule="confirmed.change")
    if s.withdraws or (s.cant_attend and _names_booked_day_or_none(thread, dates, rules)):
        return Meaning(Kind.CANCEL, rule="confirmed.cancel")
    if u.attendant and u.attendant != thread.contact.attendant:
        return Meaning(Kind.ATTENDANT, also_question=s.question, rule="confirmed.attendant")
    if u.intent == "book" or (s.asks_to_book and dates and not _only_booked_day(thread, dates, rules)):
        return Meaning(Kind.REQUEST, wishes=dates, rule="confirmed.second_session")
    if s.question:
        return Meaning(Kind.QUESTION, rule="confirmed.question")
    if (u.seeker_number and u.seeker_number != thread.contact.seeker_number) or \
            (u.phone and u.phone != thread.contact.phone):
        return Meaning(Kind.NOTE, rule="confirmed.details")
    if s.thanks or s.consent or s.keep or not (dates or s.choice is not None):
        return Meaning(Kind.THANKS, rule="confirmed.thanks")
    return Meaning(Kind.UNCLEAR, why="after_confirmation", rule="confirmed.unclear")


def _split_negated(fresh: str) -> tuple[str, str]:
    """The text whose dates are wished, and the sentences that say a date cannot be attended
    (「12月4日は行けませんが、7日なら大丈夫です」: 4日 is out, 7日 is the pick)."""
    from mailbot.understand.intent import _CANT_ATTEND
    from mailbot.understand.normalize import normalize

    positive, negative = [], []
    for sentence in re.split(r"(?<=[。!?！？])|\n|(?<=が)[、,]|(?<=けど)[、,]", normalize(fresh)):
        (negative if _CANT_ATTEND.search(re.sub(r"[ \t]+", "", sentence)) else positive).append(sentence)
    return "\n".join(positive), "\n".join(negative)


def _booked_day(thread: Thread, rules):
    if not thread.booking:
        return None
    return calendar.Slot.from_key(thread.booking.slot, rules).day


def _only_booked_day(thread: Thread, dates, rules) -> bool:
    """The dates only name the booked session (「12月9日の予約の件ですが」)."""
    day = _booked_day(thread, rules)
    return bool(dates) and all(d.date == day for d in dates)


def _names_booked_day_or_none(thread: Thread, dates, rules) -> bool:
    return not dates or any(d.date == _booked_day(thread, rules) for d in dates)


# ---------------------------------------------------------------------------- picking a slot


def pick(slots: list, choice: int | None, mentions: tuple[Mention, ...]) -> tuple[str | None, str | None]:
    """Which offered slot a reply picks: (slot key, None), or (None, why): ``out_of_range``,
    ``conflict`` (a number and a written time disagree), ``ambiguous`` (the written parts fit
    several slots), ``none_matches`` (times written, none offered), ``no_pick``."""
    matched = _by_mentions(slots, mentions)
    if choice is not None:
        if not 1 <= choice <= len(slots):
            return None, "out_of_range"
        key = slots[choice - 1].key
        if matched is not None and matched and key not in matched:
            return None, "conflict"
        return key, None
    if matched is None:
        return None, "no_pick"
    if not matched:
        return None, "none_matches"
    if len(matched) == 1:
        return next(iter(matched)), None
    return None, "ambiguous"


def _by_mentions(slots: list, mentions: tuple[Mention, ...]) -> set[str] | None:
    """Slot keys the written parts fit: None when nothing date-like was written, an empty set
    when something was and no offered slot fits it."""
    useful = [m for m in mentions if _has_parts(m)]
    if not useful:
        return None
    fitting: set[str] = set()
    for m in useful:
        fitting |= {s.key for s in slots if _fits(s, m)}
    return fitting


def _has_parts(m: Mention) -> bool:
    return any(v is not None for v in (m.month, m.day, m.weekday, m.hour, m.half))


def _fits(slot, m: Mention) -> bool:
    start = slot.start
    if m.month is not None and start.month != m.month:
        return False
    if m.day is not None and start.day != m.day:
        return False
    if m.weekday is not None and start.weekday() != m.weekday:
        return False
    if m.hour is not None:
        if start.hour not in m.hours() or start.minute != (m.minute or 0):
            return False
    if m.half is not None and (start.hour < 12) != (m.half == "am"):
        return False
    return True


__all__ = ["interpret", "pick", "OFFERING"]
