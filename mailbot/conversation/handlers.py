"""The handlers of the state table (table.py): one function per kind of step, pure.

Each handler gets a `Step` (the thread being changed, the event, the context) and returns the
actions. It changes `step.t` in place (decide() passes a copy) and writes to the history
through `step.log`, so every change has its time, cause, mail and rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from mailbot import calendar
from mailbot.conversation import offers
from mailbot.conversation.events import (Action, Context, Delivery, File, Kind, Mail, NotifyStaff,
                                         Refused, Send, Staff)
from mailbot.conversation.model import (CLOSED, Booking, Consent, Contact, Entry, State, Thread)
from mailbot.understand.model import Requested

# Asking for missing details, or which slot, more often than this turns into staff work.
MAX_ASKS = 2
MAX_UNCLEAR = 2
MAX_RESENDS = 2
# Required to make an offer besides a wished time. 求職番号 may come later (terms art. 6 (2) ②).
REQUIRED = ("name", "phone")


@dataclass
class Step:
    """One event being applied to one thread."""

    t: Thread
    event: object
    ctx: Context
    kind: Kind
    rule: str = ""
    actions: list[Action] = field(default_factory=list)
    discard: bool = False                 # keep no record (an automated first mail)

    @property
    def now(self) -> datetime:
        return self.ctx.now

    @property
    def rules(self):
        return self.ctx.rules

    @property
    def mail(self) -> Mail | None:
        return self.event if isinstance(self.event, Mail) else None

    @property
    def message_id(self) -> str | None:
        return self.mail.inbound.message_id if self.mail else None

    def log(self, event: str, *, rule: str | None = None, before: State | None = None, **detail) -> None:
        self.t.history.append(Entry(
            at=self.now, cause=self.kind.value, event=event,
            from_state=(before or self._before).value, to_state=self.t.state.value,
            rule=rule or self.rule or None, message_id=self.message_id,
            detail={k: v for k, v in detail.items() if v is not None}))
        self.t.updated_at = self.now

    _before: State = State.NEW

    # ---------------------------------------------------------------- actions

    def send(self, kind: str, to: str | None = None, **extra) -> None:
        """A mail to the seeker (the conversation's bound address unless `to` is given)."""
        to = to or self.t.bound_to
        if not to:
            return
        self.actions.append(Send(kind, to, extra))
        if to == self.t.bound_to:
            self.t.last_sent = kind
            self.t.last_sent_at = None          # set when it actually leaves (delivery.sent)

    def notify(self, reason: str, detail: str = "") -> None:
        """Tell staff (office.staff_address), keeping the conversation where it is."""
        self.actions.append(NotifyStaff(reason, detail))
        self.t.notices.append({"reason": reason, "at": _iso(self.now), "detail": detail or None,
                               "message_id": self.message_id})

    def ack(self) -> None:
        """The seeker is told a person will answer within 3 business days (terms art. 6 (3)).
        Not twice within a day for the same open notice: that would be noise."""
        recent = (self.t.last_sent == "staff_ack" and self.t.last_sent_at is not None
                  and self.now - self.t.last_sent_at < timedelta(days=1))
        if not recent:
            self.send("staff_ack")

    def file(self, folder: str) -> None:
        self.actions.append(File(folder))


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat(timespec="seconds") if dt else None


# ---------------------------------------------------------------------------- new conversations


def new_thread(step_ctx: Context, mail: Mail | None, *, from_addr: str, ref: str | None = None,
               source: str = "mail") -> Thread:
    now = step_ctx.now
    inbound = mail.inbound if mail else None
    return Thread(ref=ref, state=State.NEW, created_at=now, updated_at=now, from_addr=from_addr,
                  bound_to=from_addr, subject=inbound.subject if inbound else "",
                  message_ids=[m for m in [inbound.message_id if inbound else None] if m],
                  last_in_message_id=inbound.message_id if inbound else None, source=source)


def _merge(t: Thread, u, *, wishes: bool) -> None:
    """Later mail fills in what an earlier one lacked. What we know is kept: a reply signed
    with the family name only must not turn 「佐藤 健太」 into 「佐藤」."""
    for key in ("name", "phone", "seeker_number", "attendant"):
        value = getattr(u, key)
        if value and not getattr(t.contact, key):
            setattr(t.contact, key, value)
    if wishes and u.requested:
        t.wishes = list(u.requested)
    if wishes:
        t.warnings = list(u.warnings)


def _missing(t: Thread, any_time: bool = False) -> list[str]:
    """What we still need before an offer (terms art. 6 (2): 氏名, 希望日時, 電話番号; 求職番号
    may come later). 「いつでも可」 is a wish: any slot."""
    missing = [key for key in REQUIRED if not getattr(t.contact, key)]
    if not t.wishes and not any_time and not t.any_time:
        missing.append("requested")
    return missing


def start(step: Step) -> list[Action]:
    """A first mail asking for a booking (or one after a finished conversation)."""
    mail = step.mail
    u = mail.understanding
    t = step.t
    contact = (u.email or "").lower()
    _merge(t, u, wishes=True)
    t.contact.email = contact or t.from_addr
    if contact and contact != t.from_addr:
        # Terms art. 6 (3): we reply to the contact address given. Only that address may answer;
        # whoever wrote is told where the mail went, without its contents.
        t.bound_to = contact
        step.send("redirected", to=t.from_addr)
    step.log("received", intent=u.intent)
    t.any_time = t.any_time or u.signals.any_time
    return _after_details(step, any_time=u.signals.any_time)


def _after_details(step: Step, any_time: bool = False) -> list[Action]:
    missing = _missing(step.t, any_time)
    if missing:
        return _ask_missing(step, missing)
    return make_offer(step, note=None)


def _ask_missing(step: Step, missing: list[str]) -> list[Action]:
    t = step.t
    if t.asks >= MAX_ASKS:
        return escalate(step, "details_missing", ",".join(missing))
    before = t.state
    t.asks += 1
    t.state = State.NEEDS_INFO
    step.send("needs_info", missing=missing)
    step.log("asked_details", before=before, missing=missing)
    step.file("Processed")
    return step.actions


def make_offer(step: Step, note: str | None, wishes=None) -> list[Action]:
    """Offer the free slots nearest the wishes; with none free, staff takes over."""
    t = step.t
    if wishes is not None:
        t.wishes = list(wishes)
    taken = _taken_without_own(t, step.ctx)
    offer = offers.make_offer(step.rules, taken, step.now, t.wishes,
                              round=(t.offer.round + 1) if t.offer else 1, note=note,
                              terms=_terms(step))
    if offer is None:
        return escalate(step, "no_free_slot")
    before = t.state
    t.offer = offer
    t.unclear = 0
    t.state = State.RESCHEDULING if t.booking else State.OFFERED
    if step.ctx.terms is not None:
        t.terms_received.append(step.ctx.terms.version)
    step.send("offer", note=note)
    step.log("offered", before=before, slots=offer.slots, note=note,
             unmet=[u["reason"] for u in offer.unmet] or None)
    step.file("Processed")
    return step.actions


def _terms(step: Step) -> dict | None:
    return step.ctx.terms.to_json() if step.ctx.terms is not None else None


def _taken_without_own(t: Thread, ctx: Context) -> dict[str, int]:
    """Seats taken by others: this conversation's own hold is not someone else's seat."""
    taken = dict(ctx.taken)
    for held in t.holds:
        taken[held] = max(0, taken.get(held, 0) - 1)
    return taken


# ---------------------------------------------------------------------------- staff hand-over


def escalate(step: Step, reason: str, detail: str = "", *, ack: bool = True) -> list[Action]:
    """Hand the conversation to a person: the bot answers nothing itself until resumed."""
    t = step.t
    before = t.state
    if t.state is not State.STAFF:
        t.state_before_staff = t.state if t.state is not State.NEW else None
    t.state = State.STAFF
    t.escalation = {"reason": reason, "at": _iso(step.now), "detail": detail or None}
    step.notify(reason, detail)
    if ack:
        step.ack()
    step.log("escalated", before=before, reason=reason)
    step.file("NeedsStaff")
    return step.actions


def tell_staff(step: Step, reason: str, detail: str = "", *, ack: bool = True) -> list[Action]:
    """Staff must read this mail; the conversation stays where it is (a booking stays
    confirmed, so a later cancellation by mail still works)."""
    step.notify(reason, detail)
    if ack:
        step.ack()
    step.log("staff_notified", reason=reason)
    step.file("NeedsStaff")
    return step.actions


# ---------------------------------------------------------------------------- mail handlers


def first_question(step: Step) -> list[Action]:
    """A question before any booking: a person answers; the seeker hears so."""
    _merge(step.t, step.mail.understanding, wishes=False)
    step.log("received", intent=step.mail.understanding.intent)
    return escalate(step, "question")


def first_unknown(step: Step) -> list[Action]:
    """A first mail the bot cannot place (a cancellation without a booking, a stray reply)."""
    _merge(step.t, step.mail.understanding, wishes=False)
    step.log("received", intent=step.mail.understanding.intent)
    return escalate(step, "unknown_thread", step.kind.value)


def first_thanks(step: Step) -> list[Action]:
    """Thanks with nothing to place (after a phone call, say): staff see it, no reply."""
    step.log("received", intent=step.mail.understanding.intent)
    return escalate(step, "unknown_thread", "thanks", ack=False)


def details(step: Step) -> list[Action]:
    """A reply to our request for details (or any mail that supplies them)."""
    u = step.mail.understanding
    _merge(step.t, u, wishes=True)
    step.t.any_time = step.t.any_time or u.signals.any_time
    if step.mail.meaning.also_question:
        step.notify("question")
        step.ack()
    return _after_details(step, any_time=u.signals.any_time)


def ask_details_again(step: Step) -> list[Action]:
    """Nothing usable in the reply: the missing details are asked for again (twice at most)."""
    return _ask_missing(step, _missing(step.t) or ["requested"])


def question(step: Step) -> list[Action]:
    """A question: a person answers within 3 business days; the conversation stays open."""
    return tell_staff(step, "question")


def decline(step: Step) -> list[Action]:
    """Withdrawn before any booking existed."""
    return close(step, State.DECLINED, "cancelled")


def close(step: Step, state: State, kind: str | None) -> list[Action]:
    t = step.t
    before = t.state
    t.state = state
    t.holds = []
    t.offer = None
    if kind:
        step.send(kind)
    step.log(state.value, before=before)
    step.file("Processed")
    return step.actions


def pick(step: Step) -> list[Action]:
    """A reply that picks an offered slot: the seeker's consent (terms art. 6 (3))."""
    mail = step.mail
    t = step.t
    _merge(t, mail.understanding, wishes=False)
    key = mail.meaning.slot
    if t.offer and not offers.reply_in_time(step.rules, t.offer, key, step.now):
        return make_offer(step, note="too_late")
    confirm(step, key, by_staff=False)
    if mail.meaning.also_question and t.state is State.CONFIRMED:
        # The booking is made; the question beside it is for a person.
        step.notify("question")
        step.actions[:] = [a for a in step.actions if not isinstance(a, File)] + [File("NeedsStaff")]
    return step.actions


def confirm(step: Step, key: str, *, by_staff: bool) -> list[Action]:
    t, rules = step.t, step.rules
    try:
        slot = calendar.Slot.from_key(key, rules)
    except ValueError:
        raise Refused(f"not a slot: {key!r}") from None
    taken = _taken_without_own(t, step.ctx)
    problem = calendar.booking_problem(rules, slot, taken, step.now)
    if by_staff and problem is not None and not (problem == "too_late" and slot.start > step.now):
        # Staff may fix a session at short notice (by phone, during a session), never a full,
        # past or non-existent one.
        raise Refused(f"slot {key} cannot be booked: {problem}")
    if problem is not None and not by_staff:
        return make_offer(step, note="too_late" if problem == "too_late" else "taken")
    old = t.booking
    seat = _free_seat(step, slot, old)
    before = t.state
    consent = _consent(step, by_staff)
    t.booking = Booking(
        slot=key,
        url=calendar.session_url(rules, slot, t.ref or "", seat),
        confirmed_at=step.now,
        seat=seat,
        replaces=old.slot if old and old.slot != key else None,
        by_staff=by_staff,
        consent=consent.to_json() if consent else None,
        rules_version=rules.version,
        sequence=(old.sequence + 1) if old else 0,
    )
    t.holds = [key]
    t.offer = None
    t.unclear = 0
    t.state = State.CONFIRMED
    attach_terms = by_staff and not t.terms_received and step.ctx.terms is not None
    if attach_terms:
        t.terms_received.append(step.ctx.terms.version)
    step.send("confirmed", by_staff=by_staff, attach_terms=attach_terms)
    step.log("confirmed", before=before, slot=key, seat=seat or None,
             replaces=t.booking.replaces, by_staff=by_staff or None)
    step.file("Processed")
    return step.actions


def _free_seat(step: Step, slot, old: Booking | None) -> int:
    """The lowest seat number nobody else holds in this slot (rooms per seat, sessions.yaml)."""
    used = set(step.ctx.seats.get(slot.key, frozenset()))
    if old and old.slot == slot.key:
        used.discard(old.seat)
    seat = 0
    while seat in used:
        seat += 1
    return seat


def _consent(step: Step, by_staff: bool) -> Consent | None:
    t = step.t
    terms = (t.offer.terms if t.offer else None) or {}
    if by_staff:
        current = step.ctx.terms
        return Consent(message_id=None, from_addr="", date=None, received_at=step.now,
                       terms_version=current.version if current else terms.get("version"),
                       terms_sha256=current.sha256 if current else terms.get("sha256"), how="staff")
    mail = step.mail
    if mail is None:
        return None
    date = mail.inbound.date
    return Consent(message_id=mail.inbound.message_id, from_addr=mail.inbound.from_addr,
                   date=date.isoformat(timespec="seconds") if date else None, received_at=step.now,
                   terms_version=terms.get("version"), terms_sha256=terms.get("sha256"))


def which_slot(step: Step) -> list[Action]:
    """We cannot tell which slot: ask, never guess; after a few rounds a person takes over."""
    t = step.t
    _merge(t, step.mail.understanding, wishes=False)
    why = step.mail.meaning.why or "no_choice"
    t.unclear += 1
    if t.unclear > MAX_UNCLEAR:
        return escalate(step, "unclear_reply", why)
    step.send("which_slot", why=why)
    step.log("asked_which_slot", why=why)
    step.file("Processed")
    return step.actions


def new_time(step: Step) -> list[Action]:
    """Other times than offered: a new offer for them (the booking, if any, stays)."""
    _merge(step.t, step.mail.understanding, wishes=False)
    note = "reschedule" if step.t.booking and step.t.state is State.CONFIRMED else "new_time"
    if _session_today(step):
        return same_day_cancel(step)
    return make_offer(step, note=note, wishes=step.mail.meaning.wishes)


def fresh_request(step: Step) -> list[Action]:
    """A new mail (not a reply) while an offer is open: not consent. The open offer is sent
    again when it still fits, saying that a reply to it confirms; else a new one."""
    t = step.t
    u = step.mail.understanding
    _merge(t, u, wishes=False)
    wishes = list(step.mail.meaning.wishes)
    if step.mail.meaning.also_question:
        step.notify("question")
    taken = _taken_without_own(t, step.ctx)
    same = t.offer and offers.still_free(step.rules, t.offer, taken, step.now) and (
        not wishes or offers.meets(t.offer, wishes, step.rules))
    if same and t.offer.resent >= MAX_RESENDS:
        return escalate(step, "repeated_request")
    if same:
        t.offer.resent += 1
        step.send("offer", note="again")
        step.log("offer_sent_again", slots=t.offer.slots)
        step.file("Processed")
        return step.actions
    return make_offer(step, note="new_time" if wishes else "again", wishes=wishes or None)


def ask_new_time(step: Step) -> list[Action]:
    """A change asked for without a time, or none of the offered slots suits: ask when."""
    _merge(step.t, step.mail.understanding, wishes=False)
    if step.t.state is State.CONFIRMED and _session_today(step):
        return same_day_cancel(step)
    step.send("ask_new_time")
    step.log("asked_new_time")
    step.file("Processed")
    return step.actions


def keep_original(step: Step) -> list[Action]:
    """The seeker keeps the booking as it was: the reschedule is withdrawn, they are told."""
    t = step.t
    before = t.state
    t.offer = None
    t.state = State.CONFIRMED
    t.last_sent = None
    step.send("reschedule_withdrawn")
    step.log("reschedule_withdrawn", before=before)
    step.file("Processed")
    return step.actions


def record_note(step: Step) -> list[Action]:
    """A detail sent later (求職番号, a new phone): recorded, and the seeker hears it arrived."""
    t = step.t
    u = step.mail.understanding
    noted = [k for k in ("seeker_number", "phone") if getattr(u, k) and getattr(u, k) != getattr(t.contact, k)]
    for key in noted:
        if not getattr(t.contact, key):
            setattr(t.contact, key, getattr(u, key))
    changed = [k for k in noted if getattr(t.contact, k) != getattr(u, k)]
    if changed:
        # A different number than the one we have: a person checks which is right.
        return tell_staff(step, "details_changed", ",".join(changed))
    step.send("noted", noted=noted)
    step.log("details_added", fields=noted)
    step.file("Processed")
    return step.actions


def note_in_offer(step: Step) -> list[Action]:
    """Details or an attendant sent in reply to an offer, without a pick: kept, and we ask
    which slot (the booking is not made until one is picked)."""
    return which_slot(step)


def attendant_after_confirmation(step: Step) -> list[Action]:
    """Terms art. 12 (3): an interpreter or caregiver is announced in advance; staff arrange."""
    u = step.mail.understanding
    step.t.contact.attendant = u.attendant
    return tell_staff(step, "attendant_announced", u.attendant or "")


def second_session(step: Step) -> list[Action]:
    """Another booking asked for while one stands (terms art. 6 (5)): a person arranges it."""
    return tell_staff(step, "second_session")


def nothing(step: Step) -> list[Action]:
    """Thanks where nothing is pending: recorded, no answer (a reply to thanks is noise)."""
    step.log("acknowledged")
    step.file("Processed")
    return step.actions


def unclear_confirmed(step: Step) -> list[Action]:
    """A mail about a standing booking the bot cannot read: staff are told, the seeker hears so."""
    return tell_staff(step, "unclear_reply", step.mail.meaning.why or "")


def cancel_booking(step: Step) -> list[Action]:
    """Cancel a booking by mail; on the session day only by phone (terms art. 6 (6))."""
    t = step.t
    if _session_today(step) and step.rules.policy.same_day_cancel == "phone_only":
        return same_day_cancel(step)
    return close(step, State.CANCELLED, "cancelled")


def _session_today(step: Step) -> bool:
    booking = step.t.booking
    if booking is None:
        return False
    slot = calendar.Slot.from_key(booking.slot, step.rules)
    return step.now.astimezone(slot.start.tzinfo).date() >= slot.day


def same_day_cancel(step: Step) -> list[Action]:
    """On the day itself: one mail pointing to the phone, staff told, no reminder after it.
    The booking stands until staff hear from the seeker (they cancel with `mailbot cancel`)."""
    t = step.t
    again = t.booking.cancel_by_mail_at is not None
    t.booking.cancel_by_mail_at = t.booking.cancel_by_mail_at or step.now
    if not again:
        step.send("same_day_cancel")
    step.notify("same_day_cancel")
    step.log("same_day_cancel_by_mail", again=again or None)
    step.file("NeedsStaff")
    return step.actions


def mail_with_staff(step: Step) -> list[Action]:
    """A person has the conversation: they are told, the seeker hears a person will answer."""
    return tell_staff(step, "mail_while_with_staff", step.kind.value)


def late_reply(step: Step) -> list[Action]:
    """A reply to a conversation that is over (an offer that lapsed, a cancelled booking)."""
    reason = "late_reply" if step.t.state is State.EXPIRED else "mail_after_close"
    if step.kind is Kind.THANKS:
        step.log("acknowledged")
        step.file("Processed")
        return step.actions
    return tell_staff(step, reason, step.t.state.value)


def automated_in_thread(step: Step) -> list[Action]:
    """An auto-reply inside a conversation: never answered, kept for staff to see."""
    step.log("automated_reply")
    step.file("NeedsStaff")
    return step.actions


# ---------------------------------------------------------------------------- timer


def tick(step: Step) -> list[Action]:
    """Time passed: offers lapse (once sent), requests for details lapse, reminders go out."""
    t, rules, now = step.t, step.rules, step.now
    if t.state in (State.OFFERED, State.RESCHEDULING) and t.offer:
        if t.offer.sent_at is None:
            return []                           # held for review: its lifetime has not begun
        if t.offer.expires_at and now > t.offer.expires_at:
            return _lapse_offer(step)
    if t.state is State.NEEDS_INFO and t.last_sent == "needs_info" and t.last_sent_at:
        if now - t.last_sent_at >= timedelta(days=rules.policy.needs_info_expire_days):
            before = t.state
            t.state = State.EXPIRED
            step.send("needs_info_lapsed")
            step.log("needs_info_lapsed", before=before)
            return step.actions
    if t.state in (State.CONFIRMED, State.RESCHEDULING) and t.booking:
        return _remind(step)
    return []


def _lapse_offer(step: Step) -> list[Action]:
    t = step.t
    before = t.state
    t.offer = None
    if t.booking:
        t.state = State.CONFIRMED
        step.send("reschedule_lapsed")
        step.log("reschedule_lapsed", before=before)
    else:
        t.state = State.EXPIRED
        step.send("lapsed")
        step.log("lapsed", before=before)
    return step.actions


def _remind(step: Step) -> list[Action]:
    """One reminder before the session; never after the seeker asked to cancel."""
    b = step.t.booking
    if b.reminded_at or b.cancel_by_mail_at:
        return []
    slot = calendar.Slot.from_key(b.slot, step.rules)
    remind_at = calendar.reminder_at(step.rules, slot)
    # Only for bookings made before the reminder time: one confirmed the evening before needs
    # no second mail.
    if remind_at and b.confirmed_at < remind_at <= step.now < slot.start:
        b.reminded_at = step.now
        same_day = step.now.astimezone(slot.start.tzinfo).date() == slot.day
        step.send("reminder", same_day=same_day)
        step.log("reminded")
    return step.actions


def idle(step: Step) -> list[Action]:
    """Nothing to do (no conversation, or one that is over)."""
    return []


# ---------------------------------------------------------------------------- staff


def staff_book(step: Step) -> list[Action]:
    """Staff fix a slot (by phone, terms art. 6 (5)): confirmed without a reply; full or past slots are refused."""
    cmd: Staff = step.event
    if step.t.state in CLOSED:
        raise Refused(f"conversation is {step.t.state}; book for the seeker with --for")
    if step.t.state is State.STAFF:
        step.t.escalation = None
        step.t.state_before_staff = None
    _resolve_notices(step, "booked")
    return confirm(step, cmd.slot or "", by_staff=True)


def staff_new_booking(step: Step) -> list[Action]:
    """A further session fixed during a session (terms art. 6 (5)): a new conversation."""
    cmd: Staff = step.event
    if not cmd.contact:
        raise Refused("no such conversation")
    t = step.t
    t.contact = Contact(**{k: cmd.contact.get(k) for k in ("name", "email", "phone", "seeker_number",
                                                          "attendant")})
    t.from_addr = t.bound_to = (cmd.contact.get("email") or "").lower()
    t.ref = cmd.new_ref
    t.source = "staff"
    t.terms_received = list(cmd.contact.get("terms_received") or [])
    step.log("created_by_staff")
    return confirm(step, cmd.slot or "", by_staff=True)


def staff_cancel(step: Step) -> list[Action]:
    """Staff cancel (e.g. a same-day phone call): the seat is freed, the seeker told unless --quiet."""
    if step.t.state not in (State.NEEDS_INFO, State.OFFERED, State.CONFIRMED, State.RESCHEDULING,
                            State.STAFF):
        raise Refused(f"conversation is already {step.t.state}")
    _resolve_notices(step, "cancelled")
    return close(step, State.CANCELLED, "cancelled")


def staff_session(step: Step) -> list[Action]:
    """attended / no_show, only once the session has started (no-show: 10 minutes past)."""
    cmd: Staff = step.event
    t = step.t
    if t.booking is None or t.state not in (State.CONFIRMED, State.RESCHEDULING, State.STAFF):
        raise Refused(f"conversation is {t.state}, not a confirmed booking")
    slot = calendar.Slot.from_key(t.booking.slot, step.rules)
    at = slot.start if cmd.action == "attended" else calendar.no_show_at(step.rules, slot)
    if step.now < at:
        raise Refused("the session has not started yet" if cmd.action == "attended"
                      else f"a no-show counts from {at:%H:%M}")
    before = t.state
    t.state = State.DONE if cmd.action == "attended" else State.NO_SHOW
    t.holds = []
    t.offer = None
    _resolve_notices(step, cmd.action)
    step.log(cmd.action, before=before)
    return []


def staff_resume(step: Step) -> list[Action]:
    """Back to the bot, in a state that answers the next mail whatever it is (a conversation
    the bot still holds only has its open notices closed)."""
    t = step.t
    if t.state in CLOSED:
        raise Refused(f"conversation is {t.state}; a new mail from the seeker starts a new one")
    before = t.state
    if t.state is State.STAFF:
        _return_from_staff(step)
    _resolve_notices(step, "resumed")
    step.log("resumed", before=before)
    return []


def _return_from_staff(step: Step) -> None:
    t = step.t
    target = t.state_before_staff
    if target in (State.OFFERED, State.RESCHEDULING) and not (t.offer and t.offer.expires_at
                                                              and step.now <= t.offer.expires_at):
        t.offer = None
        target = State.CONFIRMED if t.booking else None
    if target is State.CONFIRMED and not t.booking:
        target = None
    if target is None or target in CLOSED or target is State.STAFF or target is State.NEW:
        # A conversation that began with a question, or whose offer is gone: the next mail is
        # read as a request, and its details lead to an offer.
        target = State.CONFIRMED if t.booking else State.NEEDS_INFO
        t.asks = 0
        t.last_sent = None
    t.state = target
    t.state_before_staff = None
    t.escalation = None
    t.unclear = 0


def staff_resolve(step: Step) -> list[Action]:
    """Staff dealt with what the bot raised (with a note); a conversation with staff goes back
    to the bot as after `resume`."""
    cmd: Staff = step.event
    t = step.t
    if not t.open_notice() and t.state is not State.STAFF:
        raise Refused("nothing open for staff in this conversation")
    before = t.state
    if t.state is State.STAFF:
        _return_from_staff(step)
    _resolve_notices(step, "resolved", cmd.note)
    step.log("resolved", before=before, note=cmd.note, user=cmd.user)
    return []


def _resolve_notices(step: Step, how: str, note: str | None = None) -> None:
    for notice in step.t.notices:
        if not notice.get("resolved_at"):
            notice["resolved_at"] = _iso(step.now)
            notice["resolution"] = how
            if note:
                notice["note"] = note


def staff_clear_address(step: Step) -> list[Action]:
    """Staff cleared an address after a bounce: mail to it flows again."""
    t = step.t
    if not t.undeliverable:
        raise Refused("the address is not marked undeliverable")
    t.undeliverable = None
    step.log("address_cleared")
    return []


def staff_refused(step: Step) -> list[Action]:
    """The command does not apply in this state: refused with the reason, nothing changes."""
    raise Refused(f"conversation is {step.t.state}: {step.kind.value.split('.')[1]} does not apply")


# ---------------------------------------------------------------------------- our mail


def sent(step: Step) -> list[Action]:
    """One of our mails left: an offer's lifetime starts now (held mail never lapses)."""
    d: Delivery = step.event
    t = step.t
    if d.mail_kind == "offer" and t.offer and t.offer.sent_at is None and t.state in (
            State.OFFERED, State.RESCHEDULING):
        t.offer.sent_at = step.now
        t.offer.expires_at = offers.lapses_at(step.rules, t.offer, step.now)
    if d.to == t.bound_to and d.mail_kind == t.last_sent:
        t.last_sent_at = step.now
    return []


def failed(step: Step) -> list[Action]:
    """The server refused our mail for good: the conversation shows it and staff are told."""
    d: Delivery = step.event
    step.t.delivery = {"status": "failed", "at": _iso(step.now), "outbox_id": d.item_id,
                       "kind": d.mail_kind, "code": d.code, "text": d.detail[:300],
                       "permanent": d.permanent}
    step.log("delivery_failed", kind=d.mail_kind, detail=d.detail[:200] or None)
    step.notify("delivery_failed", f"{d.mail_kind}: {d.detail}"[:300])
    return step.actions


def bounced(step: Step) -> list[Action]:
    """A bounce for our mail: no more mail to that address until staff clear it."""
    d: Delivery = step.event
    step.t.undeliverable = {"address": d.to, "at": _iso(step.now), "detail": d.detail[:300] or None,
                            "kind": d.mail_kind}
    step.log("bounced", kind=d.mail_kind)
    step.notify("bounced", f"{d.mail_kind}: {d.detail}"[:300])
    return step.actions


def rejected(step: Step) -> list[Action]:
    """Staff rejected a mail held for review: a person takes the conversation."""
    d: Delivery = step.event
    t = step.t
    if t.state in CLOSED or t.state is State.STAFF:
        step.log("mail_rejected", kind=d.mail_kind, reason=d.detail or None)
        return []
    before = t.state
    t.state_before_staff = t.state
    t.state = State.STAFF
    t.escalation = {"reason": "mail_rejected", "at": _iso(step.now), "detail": d.detail or None}
    step.log("mail_rejected", before=before, kind=d.mail_kind, reason=d.detail or None)
    return []


__all__ = ["Step", "new_thread", "MAX_ASKS", "MAX_UNCLEAR"]
