"""Record first, act second: one inbound message, one staff command or one timer pass ->
one store transaction.

This module joins the pure parts (understand, the chain, the state table, compose) to the
store. It performs no network I/O: the daemon fetches, calls in here, then files the source
message and sends the outbox. A crash anywhere leads to redo, never to a lost or doubled mail.

On the way out every mail to a seeker passes three checks (the outbound half of the chain):
an address marked undeliverable gets nothing, a recipient's daily cap holds across all
conversations (one last notice, then silence, staff told), and the review policy may hold it.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

from mailbot.compose import ANONYMOUS_KINDS, STAFF_KINDS, Composer
from mailbot.conversation import chain
from mailbot.conversation.events import (Context, Delivery, File, Mail, NotifyStaff, Refused, Send,
                                         Staff, Tick)
from mailbot.conversation.model import CLOSED, OPEN, State, Thread
from mailbot.conversation.reading import interpret
from mailbot.conversation.table import decide
from mailbot.conversation.timers import tick_due
from mailbot.understand import understand
from mailbot.understand.authres import dmarc_result
from mailbot.understand.bounces import read_bounce
from mailbot.understand.envelope import envelope_lines
from mailbot.understand.model import Inbound, Understanding

log = logging.getLogger("mailbot")

TICK_STATES = tuple(s.value for s in (State.OFFERED, State.RESCHEDULING, State.NEEDS_INFO, State.CONFIRMED,
                                      State.PENDING_LINK))
OPEN_STATES = tuple(s.value for s in OPEN)
UNDELIVERABLE = "undeliverable:"
TICK_PREFIX = "tick:"           # meta tick:<ref> = the conversation's next timer instant (UTC)
TICK_INDEX = "tick_index"       # meta: the rules version the instants were computed with


@dataclass(frozen=True)
class Outcome:
    """What happened to one inbound message: where it is filed, under which reference, and
    the keywords that let staff find it (reference, reason)."""

    folder: str
    ref: str | None
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Trust:
    """What the shell knows about authenticity (config [trust])."""

    authserv_id: str = ""
    dmarc: str = "staff"


@dataclass
class _Recorded:
    ref: str | None = None
    reasons: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- finding threads


def find_thread(tx, inbound: Inbound, prefix: str, composer: Composer) -> tuple[Thread | None, str, str]:
    """The conversation a mail belongs to, how we know, and what the threading ids are.

    Our own Message-IDs in In-Reply-To/References come first (signed: a forged one ties the
    mail to nothing); then the booking reference in the subject; then an open conversation of
    the same sender. Returns (thread, matched, id_check). Who may act is the chain's question
    (sender binding), not this one's."""
    checks = []
    for mid in [inbound.in_reply_to, *reversed(inbound.references)]:
        if not mid:
            continue
        verdict = composer.signer.check(mid)
        checks.append(verdict)
        if verdict == "forged":
            continue
        doc = tx.find_thread_by_message_id(mid)
        if doc is not None:
            return Thread.from_json(doc), "message_id", verdict
    id_check = "forged" if "forged" in checks else (checks[0] if checks else "none")
    if id_check == "forged":
        return None, "new", id_check
    match = re.search(rf"\b{re.escape(prefix)}-\d{{4}}-\d{{4}}\b", inbound.subject or "")
    if match:
        doc = tx.get_thread(match.group(0))
        if doc is not None:
            return Thread.from_json(doc), "subject_reference", id_check
    docs = [d for d in tx.find_threads_by_address(inbound.from_addr) if d["state"] in OPEN_STATES]
    if docs:
        doc = max(docs, key=lambda d: d["updated_at"])
        return Thread.from_json(doc), "sender", id_check
    return None, "new", id_check


# ---------------------------------------------------------------------------- one message


def handle_message(tx, raw: bytes, key: str, *, rules, now: datetime, composer: Composer,
                   trust: Trust | None = None, size: int | None = None,
                   understood: tuple[Inbound, Understanding] | None = None) -> Outcome:
    """Understand, check, decide and record one inbound message inside transaction `tx`.
    `size` is the server's RFC822.SIZE when `raw` is only the header of an oversized mail.
    `understood`: understand(raw) done beforehand, outside the transaction (it needs no
    state, and the store's lock is held for less time)."""
    trust = trust or Trust()
    if tx.is_handled(key):
        info = tx.handled_info(key) or {}
        return Outcome(folder=info.get("folder", "Processed"), ref=info.get("ref"),
                       keywords=tuple(info.get("keywords") or ()))
    inbound, u = understood or understand(raw, windows=rules.policy.windows, now=now)
    if inbound.message_id and tx.is_handled(inbound.message_id):
        # The same mail delivered twice (or re-found after a UIDVALIDITY change).
        tx.mark_handled(key, {"folder": "Processed", "duplicate_of": inbound.message_id}, at=now)
        return Outcome(folder="Processed", ref=None)
    day = now.astimezone(rules.calendar.timezone).date().isoformat()
    sender_today = tx.bump(f"cap:{day}:in:{inbound.from_addr}") - 1 if inbound.from_addr else 0

    bounce = read_bounce(raw) if u.intent == "automated" else None
    recorded = _bounce(tx, bounce, rules=rules, now=now, composer=composer) if bounce else None
    how = "bounce"
    if recorded is None:
        thread, how, id_check = find_thread(tx, inbound, rules.office.reference_prefix, composer)
        ctx = _context(tx, rules, now, composer, no_shows=tx.no_shows(inbound.from_addr)
                       if thread is None or thread.state in CLOSED else 0)
        inspection = chain.Inspection(
            inbound=inbound, understanding=u, thread=thread, matched=how,
            size=size if size is not None else len(raw),
            rules=rules, now=now, id_check=id_check, sender_today=sender_today,
            no_shows=ctx.no_shows, dmarc=dmarc_result(raw, trust.authserv_id),
            dmarc_policy=trust.dmarc, own_addresses=_own(rules, composer),
            staff_address=rules.office.staff_address)
        hit = chain.run(inspection)
        if hit.verdict != "pass":
            new, actions = chain.apply(hit, inspection, ctx)
            rule = hit.rule
        else:
            meaning = interpret(thread, inbound, u, matched=how, rules=rules, now=now)
            new, actions = decide(thread, Mail(inbound, u, meaning, how), ctx)
            rule = meaning.rule
        recorded = _record(tx, new, actions, rules=rules, now=now, composer=composer, raw=raw,
                           inbound=inbound, understanding=u)
        folder = next((a.folder for a in reversed(actions) if isinstance(a, File)), "Processed")
        _log_outcome(recorded.ref, u, actions, how, rule)
    else:
        folder = "NeedsStaff"
        log.info("%s: bounce for our mail", recorded.ref or "-")
    keywords = _keywords(recorded, folder)
    info = {"folder": folder, "ref": recorded.ref, "at": now.isoformat(timespec="seconds"),
            "matched": how, "keywords": list(keywords)}
    tx.mark_handled(key, info, at=now)
    if inbound.message_id:
        tx.mark_handled(inbound.message_id, info, at=now)
    return Outcome(folder=folder, ref=recorded.ref, keywords=keywords)


def _own(rules, composer: Composer) -> frozenset[str]:
    return frozenset(a.lower() for a in (rules.office.address, composer.from_address) if a)


def _keywords(recorded: _Recorded, folder: str) -> tuple[str, ...]:
    """IMAP keywords for the filed copy: staff search NeedsStaff by reference and reason."""
    if folder != "NeedsStaff":
        return ()
    words = []
    if recorded.ref:
        words.append(f"$Ref_{recorded.ref}")
    words += [f"$Reason_{r}" for r in dict.fromkeys(recorded.reasons)]
    return tuple(re.sub(r"[^A-Za-z0-9_$.-]", "_", w)[:60] for w in words)


def _context(tx, rules, now: datetime, composer: Composer, no_shows: int = 0) -> Context:
    taken = tx.taken_seats()
    terms = composer.terms.current(now)
    return Context(rules=rules, now=now, taken=taken, seats=_seats(tx, rules, taken),
                   terms=terms.ref() if terms else None, no_shows=no_shows)


def _seats(tx, rules, taken) -> dict[str, frozenset]:
    """Seat numbers in use per slot, only where a counter seats more than one (rooms per seat).
    With one seat per counter (the usual case) nothing is scanned."""
    if all(c.capacity <= 1 for c in rules.calendar.counters):
        return {}
    seats: dict[str, set] = {}
    for doc in tx.threads(OPEN_STATES):
        booking = doc.get("booking") or {}
        if booking.get("slot") and booking.get("slot") in (doc.get("holds") or ()):
            seats.setdefault(booking["slot"], set()).add(int(booking.get("seat") or 0))
    return {k: frozenset(v) for k, v in seats.items()}


def _bounce(tx, bounce, *, rules, now, composer) -> _Recorded | None:
    """A DSN for one of our mails: the conversation marks the address undeliverable, staff are
    told, and no more mail goes there until staff clear it. None when it is not about ours."""
    for mid in bounce.message_ids:
        if composer.signer.check(mid) not in ("ours", "legacy"):
            continue
        doc = tx.find_thread_by_message_id(mid)
        if doc is None:
            continue
        thread = Thread.from_json(doc)
        item = next((i for i in tx.outbox() if i.get("message_id") == mid), {})
        kind = item.get("kind") or "mail"
        to = bounce.recipient or item.get("to") or thread.bound_to
        if not bounce.permanent:
            return _Recorded(ref=thread.ref, reasons=["delayed"])
        tx.set_meta(UNDELIVERABLE + to.lower(), {"at": now.isoformat(timespec="seconds"),
                                                 "ref": thread.ref, "status": bounce.status})
        new, actions = decide(thread, Delivery("bounced", kind, to, detail=(
            f"{bounce.status or ''} {bounce.diagnostic}").strip()), _context(tx, rules, now, composer))
        return _record(tx, new, actions, rules=rules, now=now, composer=composer)
    return None


# ---------------------------------------------------------------------------- staff, timers, sends


def apply_staff(tx, ref: str, action: str, *, rules, now: datetime, composer: Composer,
                slot: str | None = None, notify: bool = True, for_seeker: bool = False,
                note: str | None = None, user: str | None = None) -> dict:
    """Carry out a staff decision on conversation `ref` (with `for_seeker`, a new booking for
    the same seeker) and record it with any mail to send. Raises Refused."""
    doc = tx.get_thread(ref)
    if doc is None:
        raise Refused(f"no conversation {ref}")
    thread = Thread.from_json(doc)
    command = Staff(action=action, slot=slot, notify=notify, note=note, user=user)
    if for_seeker:
        contact = {**thread.contact.to_json(), "email": thread.bound_to,
                   "terms_received": thread.terms_received}
        command = Staff(action=action, slot=slot, notify=notify, contact=contact, note=note, user=user,
                        new_ref=tx.next_reference(rules.office.reference_prefix, now))
        thread = None
    new, actions = decide(thread, command, _context(tx, rules, now, composer))
    if not notify:
        actions = [a for a in actions if not isinstance(a, Send)]
    if action == "clear_address" and new is not None:
        tx.delete_meta(UNDELIVERABLE + (thread or new).bound_to.lower())
    _record(tx, new, actions, rules=rules, now=now, composer=composer)
    log.info("%s: staff %s -> %s", new.ref, action, new.state.value)
    return new.to_json()


def run_timers(tx, *, rules, now: datetime, composer: Composer) -> int:
    """Deadlines, lapses and reminders, in one transaction with the seats computed once;
    returns how many conversations changed (see run_due_timers)."""
    return run_due_timers(tx, rules=rules, now=now, composer=composer)[0]


def run_due_timers(tx, *, rules, now: datetime, composer: Composer,
                   budget_s: float | None = None,
                   seen: set[str] | None = None) -> tuple[int, bool]:
    """Deadlines, lapses and reminders in transaction `tx`, the seats computed once; returns
    (how many conversations changed, whether due ones are left). With `budget_s` no further
    due conversation is decided once that long has passed (offers sent the same day lapse at
    the same instant: hundreds of lapse mails are composed in one pass), so the caller can
    commit and go on in a new transaction while staff commands get the lock in between;
    `seen` (the same set for each of those transactions) holds the conversations this pass
    decided already, so one whose timer did nothing is not decided again.

    Only conversations whose timer is due are decided: each saved conversation carries its
    next timer instant (`tick:<ref>`, conversation.timers.tick_due), so a pass over 10 000
    open conversations with a few due reads a few. A pass decides them all (and records
    every instant) when there is no index yet (state from an earlier release) or the rules
    changed since it was built (reminder and lapse times come from the rules); even then only
    the conversations already due are decided."""
    changed = 0
    ctx = _context(tx, rules, now, composer)
    index = tx.meta(TICK_INDEX) or {}
    full = index.get("rules") != rules.version
    if full:
        docs = tx.threads(states=TICK_STATES)
        live = {doc["ref"] for doc in docs}
        for key in tx.meta_keys(TICK_PREFIX):
            if key[len(TICK_PREFIX):] not in live:
                tx.set_meta(key, None)
    else:
        stamp = _utc(now)
        due = [key[len(TICK_PREFIX):] for key in tx.meta_keys(TICK_PREFIX)
               if (tx.meta(key) or "") <= stamp]
        docs = (tx.get_thread(ref) or {"ref": ref} for ref in due if seen is None or ref not in seen)
    until = time.monotonic() + budget_s if budget_s is not None and not full else None
    for doc in docs:
        if until is not None and time.monotonic() > until:
            return changed, True                          # the rest in the next transaction
        if doc.get("state") not in TICK_STATES:
            tx.set_meta(TICK_PREFIX + doc["ref"], None)   # closed or archived meanwhile
            continue
        if seen is not None:
            seen.add(doc["ref"])
        thread = Thread.from_json(doc)
        if full and (tick_due(thread, rules) or ALWAYS_LATER) > now:
            _index_timer(tx, thread, rules)               # not due: only its instant recorded
            continue
        new, actions = decide(thread, Tick(), ctx)
        if new is not None and new.to_json() != thread.to_json():
            _record(tx, new, actions, rules=rules, now=now, composer=composer)
            log.info("%s: %s", new.ref, new.history[-1].event if new.history else "tick")
            changed += 1
        else:
            _index_timer(tx, thread, rules)
    if full:
        tx.set_meta(TICK_INDEX, {"rules": rules.version, "built_at": now.isoformat(timespec="seconds")})
    return changed, False


def _index_timer(tx, thread: Thread, rules) -> None:
    """Keep `tick:<ref>` = the conversation's next timer instant (UTC, ISO: compared as text),
    or no entry when no timer can change it until something else does."""
    key = TICK_PREFIX + str(thread.ref)
    due = tick_due(thread, rules) if thread.state.value in TICK_STATES else None
    value = _utc(due) if due is not None else None
    if tx.meta(key) != value:
        tx.set_meta(key, value)


ALWAYS_LATER = datetime.max.replace(tzinfo=timezone.utc)


def _utc(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def delivered(tx, item: dict, outcome: str, *, rules, now: datetime, composer: Composer,
              detail: str = "", code: int | None = None, permanent: bool = True) -> None:
    """What became of an outbox item (sent, failed for good, rejected by staff), as an event
    on its conversation: an offer's lifetime starts when it is sent; a failure is shown on the
    conversation and staff are told."""
    ref = item.get("thread_ref")
    doc = tx.get_thread(ref) if ref else None
    if doc is None or item.get("kind") in STAFF_KINDS:
        return
    thread = Thread.from_json(doc)
    new, actions = decide(thread, Delivery(outcome, item.get("kind") or "", item.get("to") or "",
                                           item_id=item.get("id"), detail=detail, code=code,
                                           permanent=permanent),
                          _context(tx, rules, now, composer))
    if new is not None and new.to_json() != thread.to_json():
        _record(tx, new, actions, rules=rules, now=now, composer=composer)


def delivery_failed(tx, item: dict, *, code: int | None, text: str, permanent: bool, now,
                    rules=None, composer: Composer | None = None) -> None:
    """An outgoing mail was given up (a 5xx reply, or temporary failures past the give-up
    age): the conversation shows it (`delivery`) and staff are told, since the seeker waits."""
    from mailbot.mail.smtp import without_addresses  # logs never carry addresses

    log.warning("%s: %s could not be delivered (%s%s)%s", item.get("thread_ref") or "-",
                item.get("kind"), f"{code} " if code else "", without_addresses(text),
                "; staff are told")
    if rules is not None and composer is not None:
        delivered(tx, item, "failed", rules=rules, now=now, composer=composer, detail=text,
                  code=code, permanent=permanent)


def notify_staff(tx, reason: str, detail: str, *, rules, now: datetime, composer: Composer,
                 once_key: str | None = None) -> bool:
    """A staff notice that belongs to no conversation (bad rules, sending blocked, filing
    failed). With `once_key` it is sent once per distinct key. Returns whether it was queued."""
    if once_key:
        key = f"notice:{once_key}"
        if tx.meta(key):
            return False
        tx.set_meta(key, now.isoformat(timespec="seconds"))
    _queue_staff_notice(tx, None, NotifyStaff(reason, detail), rules=rules, now=now,
                        composer=composer, raw=None, summary=[])
    return True


def review(tx, item_id: str, decision: str, *, rules, now: datetime, composer: Composer,
           reason: str = "", user: str | None = None) -> dict:
    """Staff approve or reject a held mail. Approving a stale one (the conversation moved on,
    a deadline it states has passed, a slot it offers is taken) is refused with the reason;
    a rejection hands the conversation to a person. Both go into the history."""
    item = tx.get_outbox(item_id)
    if item is None or item.get("status") != "held":
        raise Refused(f"{item_id}: not a held outbox item")
    doc = tx.get_thread(item["thread_ref"]) if item.get("thread_ref") else None
    thread = Thread.from_json(doc) if doc else None
    stamp = now.isoformat(timespec="seconds")
    if decision == "approve":
        why = stale(item, thread, rules=rules, now=now, taken=tx.taken_seats())
        if why:
            raise Refused(f"{item_id}: stale, not sent: {why}; reject it (the bot or staff write anew)")
        updated = tx.update_outbox(item_id, status="pending", approved_at=stamp, approved_by=user)
        if thread is not None:
            _history_note(thread, now, "mail_approved", kind=item["kind"], why="review", item=item_id, user=user)
            tx.save_thread(thread.to_json())
            _index_timer(tx, thread, rules)
        return updated
    if decision != "reject":
        raise ValueError(decision)
    updated = tx.update_outbox(item_id, status="rejected", rejected_at=stamp, rejected_by=user,
                               reason=reason or None)
    if thread is not None:
        new, actions = decide(thread, Delivery("rejected", item["kind"], item["to"], item_id=item_id,
                                               detail=reason), _context(tx, rules, now, composer))
        _record(tx, new, actions, rules=rules, now=now, composer=composer)
    return updated


def staff_reply(tx, ref: str, text: str, *, rules, now: datetime, composer: Composer,
                user: str | None = None) -> dict:
    """Staff write their own mail into conversation `ref` (template staff_reply frames it).
    It goes through the outbox like the bot's mail, so the undeliverable mark, the daily cap,
    review and the send path apply; recorded in the history with who wrote it. Returns the
    outbox item (None when the outbound checks stopped it). Raises Refused."""
    doc = tx.get_thread(ref)
    if doc is None:
        raise Refused(f"no conversation {ref}")
    if not text.strip():
        raise Refused("the reply is empty")
    thread = Thread.from_json(doc)
    if not thread.bound_to:
        raise Refused(f"{ref}: the conversation has no address to write to")
    before = {i["id"] for i in tx.outbox()}
    _history_note(thread, now, "staff_reply", why="staff", user=user)
    _queue_send(tx, thread, Send("staff_reply", thread.bound_to, {"staff_text": text}), rules=rules,
                now=now, composer=composer, recorded=_Recorded(ref=thread.ref), inbound=None)
    thread.updated_at = now
    tx.save_thread(thread.to_json())
    made = [i for i in tx.outbox() if i["id"] not in before and i.get("kind") == "staff_reply"]
    log.info("%s: staff reply queued", thread.ref)
    return made[-1] if made else {}


def edit_held(tx, item_id: str, text: str, *, rules, now: datetime, composer: Composer,
              user: str | None = None) -> dict:
    """Staff replace the body of a held mail. The composer rewrites it (headers, encoding and
    attachments stay right, a new Message-ID); the new mail is held in its place for approval
    and the old one is set aside as replaced, both recorded. Returns the new outbox item."""
    item = tx.get_outbox(item_id)
    if item is None or item.get("status") != "held":
        raise Refused(f"{item_id}: not a held outbox item")
    if not text.strip():
        raise Refused("the new body is empty")
    doc = tx.get_thread(item["thread_ref"]) if item.get("thread_ref") else None
    thread = Thread.from_json(doc) if doc else None
    out = composer.rebody(tx.outbox_raw(item_id), text, now, ref=thread.ref if thread else None)
    fields = {k: v for k, v in item.items() if k not in ("id", "message_id", "review_copy")}
    new = tx.add_outbox({**fields, "message_id": out.message_id, "status": "held",
                         "edited_from": item_id, "edited_by": user,
                         "edited_at": now.isoformat(timespec="seconds"),
                         "raw": out.message.as_bytes()})
    tx.update_outbox(item_id, status="rejected", rejected_at=now.isoformat(timespec="seconds"),
                     rejected_by=user, reason="edited", replaced_by=new["id"])
    if thread is not None:
        thread.message_ids.append(out.message_id)
        _history_note(thread, now, "mail_edited", kind=item.get("kind"), why="staff", item=item_id,
                      new_item=new["id"], user=user)
        tx.save_thread(thread.to_json())
    log.info("%s: held %s edited -> %s", item.get("thread_ref") or "-", item_id, new["id"])
    return new


def stale(item: dict, thread: Thread | None, *, rules, now: datetime, taken) -> str | None:
    """Why a held mail no longer fits its conversation, or None."""
    from mailbot import calendar
    from mailbot.conversation import offers

    if thread is None:
        return None if item.get("kind") in STAFF_KINDS | ANONYMOUS_KINDS else "its conversation is gone"
    if thread.state.value != item.get("state") and item.get("kind") not in ANONYMOUS_KINDS:
        return f"the conversation is {thread.state.value} now (was {item.get('state')})"
    kind = item.get("kind")
    if kind in ("offer", "which_slot"):
        if thread.offer is None or thread.offer.round != item.get("offer_round"):
            return "a newer offer replaced it"
        own = {k: max(0, v - (1 if k in thread.holds else 0)) for k, v in taken.items()}
        for key in thread.offer.slots:
            deadline = thread.offer.deadline(key)
            if deadline and now > deadline:
                return f"the reply deadline it states ({deadline:%m/%d}) has passed"
            problem = calendar.booking_problem(rules, calendar.Slot.from_key(key, rules), own, now)
            if problem:
                return f"{key} is {problem.replace('_', ' ')} now"
        del offers
    if kind in ("confirmed", "reminder", "cancelled", "same_day_cancel") and \
            (thread.booking.slot if thread.booking else None) != item.get("booking_slot"):
        return "the booking changed since it was written"
    if kind == "reminder" and thread.booking and \
            calendar.Slot.from_key(thread.booking.slot, rules).start <= now:
        return "the session has begun"
    return None


# ---------------------------------------------------------------------------- recording


def _record(tx, thread: Thread | None, actions, *, rules, now, composer: Composer,
            raw: bytes | None = None, inbound: Inbound | None = None,
            understanding: Understanding | None = None) -> _Recorded:
    """Store the thread and its outgoing mail (with final Message-IDs) in the same write."""
    recorded = _Recorded()
    if thread is not None and thread.ref is None:
        thread.ref = tx.next_reference(rules.office.reference_prefix, now)
    if thread is not None:
        recorded.ref = thread.ref
    summary = _summary(inbound, understanding) if inbound is not None else []
    if thread is not None and inbound is not None:
        _keep_mail(thread, inbound, now)
    for action in actions:
        if isinstance(action, Send):
            _queue_send(tx, thread, action, rules=rules, now=now, composer=composer,
                        recorded=recorded, inbound=inbound)
        elif isinstance(action, NotifyStaff):
            recorded.reasons.append(action.reason)
            _queue_staff_notice(tx, thread, action, rules=rules, now=now, composer=composer,
                                raw=raw, summary=summary)
    if thread is not None:
        tx.save_thread(thread.to_json())
        _index_timer(tx, thread, rules)
    return recorded


def _queue_send(tx, thread: Thread | None, action: Send, *, rules, now, composer: Composer,
                recorded: _Recorded, inbound: Inbound | None) -> None:
    """The outbound checks, then compose and record one mail to a seeker (or a stranger)."""
    to = action.to.strip().lower()
    kind = action.kind
    extra = dict(action.extra)
    if tx.meta(UNDELIVERABLE + to):
        _history_note(thread, now, "send_suppressed", kind=kind, why="undeliverable")
        if thread is not None and not any(n.get("reason") == "undeliverable" and not n.get("resolved_at")
                                          for n in thread.notices):
            _staff_note(tx, thread, "undeliverable", to, rules, now, composer, recorded)
        return
    day = now.astimezone(rules.calendar.timezone).date().isoformat()
    cap = rules.policy.caps.per_recipient_per_day
    count = tx.bump(f"cap:{day}:out:{to}") - 1
    if count > cap:
        _history_note(thread, now, "send_suppressed", kind=kind, why="recipient_cap")
        return
    if count == cap:
        # One last notice, then silence for the day; staff are told.
        _history_note(thread, now, "send_replaced", kind=kind, why="recipient_cap")
        _staff_note(tx, thread, "recipient_cap", to, rules, now, composer, recorded)
        kind, extra = "limit_reached", {"anonymous": True}
    anonymous = kind in ANONYMOUS_KINDS or bool(extra.get("anonymous"))
    in_reply_to = inbound.message_id if (anonymous and inbound is not None) else None
    out = composer.compose(kind, to, thread, rules, now, extra, in_reply_to=in_reply_to)
    if thread is not None and not anonymous:
        thread.sent_count += 1
        thread.message_ids.append(out.message_id)
    tx.add_outbox({
        "message_id": out.message_id,
        "thread_ref": thread.ref if thread is not None else None,
        "kind": kind,
        "to": to,
        "status": "held" if _needs_review(rules.policy.review, thread, kind) else "pending",
        "created_at": now.isoformat(timespec="seconds"),
        # what the mail was written for, so a stale held mail is recognised at approval
        "state": thread.state.value if thread is not None else None,
        "offer_round": thread.offer.round if thread is not None and thread.offer else None,
        "booking_slot": thread.booking.slot if thread is not None and thread.booking else None,
        "raw": out.raw or out.message.as_bytes(),
    })


def _staff_note(tx, thread: Thread | None, reason: str, detail: str, rules, now, composer,
                recorded: _Recorded) -> None:
    recorded.reasons.append(reason)
    if thread is not None:
        thread.notices.append({"reason": reason, "at": now.isoformat(timespec="seconds"),
                               "detail": detail})
    _queue_staff_notice(tx, thread, NotifyStaff(reason, detail), rules=rules, now=now,
                        composer=composer, raw=None, summary=[])


def _queue_staff_notice(tx, thread: Thread | None, action: NotifyStaff, *, rules, now,
                        composer: Composer, raw: bytes | None, summary: list[str]) -> None:
    """A notice to office.staff_address: reason, reference, state, a short summary, and the
    seeker's mail attached. Never held for review, never capped: it is for us."""
    to = rules.office.staff_address
    extra = {"reason": action.reason, "detail": action.detail or None, "summary": summary,
             "attached": raw is not None}
    out = composer.compose("staff_notice", to, thread, rules, now, extra, attach_mail=raw)
    tx.add_outbox({
        "message_id": out.message_id,
        "thread_ref": thread.ref if thread is not None else None,
        "kind": "staff_notice",
        "to": to,
        "reason": action.reason,
        "status": "pending",
        "created_at": now.isoformat(timespec="seconds"),
        "raw": out.raw or out.message.as_bytes(),
    })


def _history_note(thread: Thread | None, now, event: str, **detail) -> None:
    if thread is None:
        return
    from mailbot.conversation.model import Entry
    thread.history.append(Entry(at=now, cause="outbound", event=event, rule="outbound." + detail.get("why", ""),
                                detail={k: v for k, v in detail.items() if v}))


MAIL_LINES = 3
MAILS_KEPT = 50


def _keep_mail(thread: Thread, inbound: Inbound, now: datetime) -> None:
    """What staff need of a seeker's mail to read the conversation (`thread show`): when, from
    whom, the subject, the first unquoted lines and what it meant here. The private state only."""
    if inbound.message_id and any(m.get("message_id") == inbound.message_id for m in thread.mails):
        return
    meant = next((e.cause for e in reversed(thread.history)
                  if inbound.message_id and e.message_id == inbound.message_id), "mail")
    from mailbot.understand.quotes import split_reply

    reply = split_reply(inbound.text)
    lines = [ln.strip() for ln in (reply.fresh + "\n" + reply.signature).splitlines() if ln.strip()]
    thread.mails.append({
        "at": now.isoformat(timespec="seconds"),          # when we read it (our clock)
        "date": inbound.date.isoformat(timespec="seconds") if inbound.date else None,
        "message_id": inbound.message_id,
        "from": inbound.from_addr,
        "subject": inbound.subject[:120],
        "lines": [ln[:100] for ln in lines[:MAIL_LINES]],
        "kind": meant,
    })
    del thread.mails[:-MAILS_KEPT]


def _summary(inbound: Inbound, u: Understanding | None) -> list[str]:
    """A few lines for staff: who wrote, what the bot read, the first lines of the mail."""
    lines = [f"差出人　：{inbound.from_addr}", f"件名　　：{inbound.subject[:80]}"]
    if u is not None:
        lines.append(f"読み取り：intent={u.intent}"
                     + (f" 選択={u.choice}" if u.choice else "")
                     + (f" 希望={len(u.requested)}件" if u.requested else ""))
    lines += envelope_lines(inbound.envelope)
    text = [ln.strip() for ln in inbound.text.splitlines() if ln.strip() and not ln.lstrip().startswith(">")]
    if text:
        lines.append("本文（冒頭）：")
        lines += ["　" + ln[:80] for ln in text[:5]]
    return lines


def _needs_review(review: str, thread: Thread | None, kind: str) -> bool:
    """Review policy from rules: none, all, or only a conversation's first mail (staff see
    every new seeker once before the bot writes to them)."""
    if kind in STAFF_KINDS:
        return False
    return review == "all" or (review == "first_mail" and thread is not None and thread.sent_count == 1)


def _log_outcome(ref: str | None, u: Understanding, actions, how: str, rule: str) -> None:
    sent = [a.kind for a in actions if isinstance(a, Send)]
    staff = [a.reason for a in actions if isinstance(a, NotifyStaff)]
    log.info("%s: intent=%s matched=%s rule=%s sent=%s%s", ref or "-", u.intent, how, rule,
             ",".join(sent) or "nothing", f" staff={','.join(staff)}" if staff else "")


def sending_blocked(tx, reason: str, *, now, rules=None, composer: Composer | None = None) -> None:
    """No mail can go out (certificate or login refused, server down or silent): recorded once
    per distinct reason, so staff learn of it once, not every cycle. The notice waits in the
    outbox like any mail: staff read it once sending works, and the log says it at once."""
    current = tx.meta("sending_blocked") or {}
    if current.get("reason") == reason:
        return
    tx.set_meta("sending_blocked", {"reason": reason, "since": now.isoformat(timespec="seconds")})
    if rules is not None and composer is not None:
        notify_staff(tx, "sending_blocked", reason[:300], rules=rules, now=now, composer=composer,
                     once_key=f"blocked:{reason[:80]}")
    from mailbot.mail.smtp import without_addresses

    log.error("sending cannot start: %s; mail waits in the outbox, will retry",
              without_addresses(reason))


def filing_failed(tx, uid_key: str, folder: str, reason: str, *, now, rules=None,
                  composer: Composer | None = None) -> None:
    """The server would not file a handled message (or store a copy in Sent): recorded, so the
    daemon retries later and staff learn why mail stays in the inbox; answering goes on."""
    from mailbot.delivery import backoff

    unfiled = tx.meta("unfiled") or {}
    entry = unfiled.get(uid_key) or {"since": now.isoformat(timespec="seconds"), "attempts": 0}
    attempts = int(entry.get("attempts") or 0) + 1
    new_reason = entry.get("reason") != reason
    unfiled[uid_key] = {**entry, "folder": folder, "reason": reason, "attempts": attempts,
                        "next_attempt_at": (now + backoff(attempts)).isoformat(timespec="seconds")}
    tx.set_meta("unfiled", unfiled)
    if new_reason:
        log.error("%s: could not be filed in %s (%s); will retry", uid_key, folder, reason)
        if rules is not None and composer is not None:
            notify_staff(tx, "filing_failed", f"{folder}: {reason}"[:300], rules=rules, now=now,
                         composer=composer, once_key=f"filing:{folder}:{reason[:60]}")
    else:
        log.debug("%s: filing in %s failed again (attempt %d)", uid_key, folder, attempts)
