"""Record first, act second: one inbound message or one timer pass -> one atomic store write.

This module joins the pure parts (understand, decide, compose) to the store inside a single
transaction. It performs no network I/O: the daemon fetches, calls in here, then files the source
message and sends the outbox. A crash anywhere leads to redo, never to a lost or doubled mail.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from mailbot import workflow
from mailbot.compose import Composer
from mailbot.understand import understand
from mailbot.understand.model import Inbound, Understanding

log = logging.getLogger("mailbot")


@dataclass(frozen=True)
class Outcome:
    """What happened to one inbound message: where it is filed and under which reference."""

    folder: str
    ref: str | None


def find_thread(tx, inbound: Inbound, prefix: str) -> tuple[dict | None, str]:
    """The conversation a mail belongs to, and how we know (for the history and for staff).

    Our own Message-IDs in In-Reply-To/References come first; then the booking reference in the
    subject, but only from the address the conversation is with (a reference is no secret); then
    an open conversation with the same sender.
    """
    for mid in [inbound.in_reply_to, *reversed(inbound.references)]:
        if mid:
            thread = tx.find_thread_by_message_id(mid)
            if thread is not None:
                return thread, "message_id"
    match = re.search(rf"\b{re.escape(prefix)}-\d{{4}}-\d{{4}}\b", inbound.subject or "")
    if match:
        thread = tx.get_thread(match.group(0))
        if thread is not None and _same_person(thread, inbound.from_addr):
            return thread, "subject_reference"
    open_threads = [t for t in tx.find_threads_by_address(inbound.from_addr)
                    if t["state"] in ("needs_info", "offered", "confirmed")]
    if open_threads:
        return max(open_threads, key=lambda t: t["updated_at"]), "sender"
    return None, "new"


def _same_person(thread: dict, addr: str) -> bool:
    known = {thread.get("from_addr"), (thread.get("contact") or {}).get("email")}
    return bool(addr) and addr.lower() in {k.lower() for k in known if k}


def handle_message(tx, raw: bytes, key: str, *, rules, now: datetime, composer: Composer) -> Outcome:
    """Understand, decide and record one inbound message inside transaction `tx`."""
    if tx.is_handled(key):
        info = tx.handled_info(key) or {}
        return Outcome(folder=info.get("folder", "Processed"), ref=info.get("ref"))
    inbound, understanding = understand(raw, windows=rules.policy.windows)
    if inbound.message_id and tx.is_handled(inbound.message_id):
        # The same mail delivered twice (or re-found after a UIDVALIDITY change).
        tx.mark_handled(key, {"folder": "Processed", "duplicate_of": inbound.message_id}, at=now)
        return Outcome(folder="Processed", ref=None)
    thread, how = find_thread(tx, inbound, rules.office.reference_prefix)
    ctx = workflow.Context(rules=rules, now=now, taken=tx.taken_seats(),
                           no_shows=no_shows(tx, inbound.from_addr) if thread is None else 0)
    new, actions = workflow.decide(thread, workflow.MailReceived(inbound, understanding), ctx)
    ref = _record(tx, new, actions, rules=rules, now=now, composer=composer)
    folder = next((a.folder for a in reversed(actions) if isinstance(a, workflow.File)), "Processed")
    info = {"folder": folder, "ref": ref, "at": now.isoformat(timespec="seconds"), "matched": how}
    tx.mark_handled(key, info, at=now)
    if inbound.message_id:
        tx.mark_handled(inbound.message_id, info, at=now)
    _log_outcome(ref, understanding, actions, how)
    return Outcome(folder=folder, ref=ref)


def no_shows(tx, addr: str) -> int:
    """Earlier bookings of this address that staff marked as no-show (live and archived)."""
    if not addr:
        return 0
    addr = addr.lower()
    return sum(1 for t in [*tx.threads(("no_show",)), *tx.archived_threads()]
               if t["state"] == "no_show" and addr in _addresses(t))


def _addresses(thread: dict) -> set[str]:
    return {a.lower() for a in (thread.get("from_addr"), (thread.get("contact") or {}).get("email")) if a}


def apply_staff(tx, ref: str, action: str, *, rules, now: datetime, composer: Composer,
                slot: str | None = None, notify: bool = True,
                for_seeker: bool = False) -> dict:
    """Carry out a staff decision on conversation `ref` (with `for_seeker`, a new booking for
    the same seeker) and record it with any mail to send. Raises workflow.Refused."""
    thread = tx.get_thread(ref)
    if thread is None:
        raise workflow.Refused(f"no conversation {ref}")
    command = workflow.StaffCommand(action=action, slot=slot, notify=notify)
    if for_seeker:
        contact = {**thread["contact"], "email": thread["contact"].get("email") or thread["from_addr"]}
        command = workflow.StaffCommand(action=action, slot=slot, notify=notify, contact=contact,
                                        new_ref=tx.next_reference(rules.office.reference_prefix, now))
        thread = None
    ctx = workflow.Context(rules=rules, now=now, taken=tx.taken_seats())
    new, actions = workflow.decide(thread, command, ctx)
    _record(tx, new, actions, rules=rules, now=now, composer=composer)
    log.info("%s: staff %s -> %s", new["ref"], action, new["state"])
    return new


def run_timers(tx, *, rules, now: datetime, composer: Composer) -> int:
    """Deadlines, lapses and reminders for every open conversation; returns how many changed."""
    changed = 0
    for thread in tx.threads(states=workflow.TICK_STATES):
        ctx = workflow.Context(rules=rules, now=now, taken=tx.taken_seats())
        new, actions = workflow.decide(thread, workflow.Tick(), ctx)
        if new is not None and new != thread:
            _record(tx, new, actions, rules=rules, now=now, composer=composer)
            log.info("%s: %s", new["ref"], new["history"][-1]["event"])
            changed += 1
    return changed


def _record(tx, thread: dict | None, actions, *, rules, now, composer: Composer) -> str | None:
    """Store the thread and its outgoing mail (with final Message-IDs) in the same write."""
    if thread is None:
        return None
    if thread["ref"] is None:
        thread["ref"] = tx.next_reference(rules.office.reference_prefix, now)
    for action in actions:
        if isinstance(action, workflow.Send):
            out = composer.compose(action.kind, action.to, thread, rules, now, action.extra)
            thread["sent_count"] = thread.get("sent_count", 0) + 1
            thread["message_ids"].append(out.message_id)
            thread["last_out_message_id"] = out.message_id
            tx.add_outbox({
                "message_id": out.message_id,
                "thread_ref": thread["ref"],
                "kind": action.kind,
                "to": action.to,
                "status": "held" if _needs_review(rules.policy.review, thread) else "pending",
                "created_at": now.isoformat(timespec="seconds"),
                "raw": out.message.as_bytes(),
            })
        elif isinstance(action, workflow.Escalate):
            thread.setdefault("escalations", []).append(
                {"reason": action.reason, "at": now.isoformat(timespec="seconds")})
    tx.save_thread(thread)
    return thread["ref"]


def _needs_review(review: str, thread: dict) -> bool:
    """Review policy from rules: none, all, or only a conversation's first mail (staff see
    every new seeker once before the bot writes to them)."""
    return review == "all" or (review == "first_mail" and thread["sent_count"] == 1)


def _log_outcome(ref: str | None, u: Understanding, actions, how: str) -> None:
    sent = [a.kind for a in actions if isinstance(a, workflow.Send)]
    escalated = [a.reason for a in actions if isinstance(a, workflow.Escalate)]
    log.info("%s: intent=%s matched=%s sent=%s%s", ref or "-", u.intent, how,
             ",".join(sent) or "nothing", f" escalated={escalated[0]!r}" if escalated else "")


# -- delivery and filing problems (the mail-server side reports; staff must learn of them) ----


def delivery_failed(tx, item: dict, *, code: int | None, text: str, permanent: bool, now) -> None:
    """An outgoing mail was given up (a 5xx reply, or temporary failures past the give-up age):
    the conversation shows it and staff are told, since the seeker is waiting for it."""
    at = now.isoformat(timespec="seconds")
    detail = {"outbox_id": item.get("id"), "kind": item.get("kind"), "code": code, "text": text,
              "permanent": permanent}
    thread = tx.get_thread(item.get("thread_ref") or "")
    if thread is not None:
        thread.setdefault("history", []).append({"at": at, "event": "delivery_failed", **detail})
        thread["delivery"] = {"status": "failed", "at": at, **detail}
        tx.save_thread(thread)
    from mailbot.mail.smtp import without_addresses  # logs never carry addresses

    log.warning("%s: %s could not be delivered (%s%s); staff must reach the seeker another way",
                item.get("thread_ref") or "-", item.get("kind"), f"{code} " if code else "",
                without_addresses(text))


def sending_blocked(tx, reason: str, *, now) -> None:
    """No mail can go out (certificate or login refused, server down or silent): recorded once
    per distinct reason, so staff learn of it once, not every cycle."""
    current = tx.meta("sending_blocked") or {}
    if current.get("reason") == reason:
        return
    tx.set_meta("sending_blocked", {"reason": reason, "since": now.isoformat(timespec="seconds")})
    from mailbot.mail.smtp import without_addresses

    log.error("sending cannot start: %s; mail waits in the outbox, will retry",
              without_addresses(reason))


def filing_failed(tx, uid_key: str, folder: str, reason: str, *, now) -> None:
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
    else:
        log.debug("%s: filing in %s failed again (attempt %d)", uid_key, folder, attempts)
