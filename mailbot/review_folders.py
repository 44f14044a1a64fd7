"""Review from a mail client: held mail is also placed in the office mailbox's `Review`
folder; a staff member who moves it to `Approved` sends it, to `Rejected` rejects it.

Staff who never open a terminal run the outbox from Outlook or Thunderbird. The folders hold
copies; the outbox in `state/` stays the truth, matched by Message-ID. A move is recorded in
the conversation's history with the time (engine.review), and a stale mail moved to Approved is
not sent: it goes back to Review and staff get a notice saying why.
"""

from __future__ import annotations

import logging
import weakref
from datetime import datetime

from mailbot import engine
from mailbot.conversation import Refused

log = logging.getLogger("mailbot")
REVIEW, APPROVED, REJECTED = "Review", "Approved", "Rejected"
FOLDERS = (REVIEW, APPROVED, REJECTED)


def sync(mailbox, store, *, rules, now: datetime, composer) -> dict[str, int]:
    """Copy newly held mail into Review, act on what staff moved; returns counts.

    What decides is where a copy IS when the bot looks, however it got there (moved twice,
    moved back). A mail found in both Approved and Rejected (copied rather than moved) is
    rejected: two decisions at once are no approval. A copy deleted from Review decides
    nothing and is put back, so Review always shows exactly what waits."""
    _ensure_folders(mailbox)
    counts = {"copied": 0, "approved": 0, "rejected": 0, "stale": 0, "restored": 0}
    with store.snapshot() as tx:
        uncopied = [(i, tx.outbox_raw(i["id"])) for i in tx.outbox(status="held") if not i.get("review_copy")]
    for item, raw in uncopied:
        mailbox.append_to(REVIEW, raw, now)
        with store.transaction() as tx:
            tx.update_outbox(item["id"], review_copy=now.isoformat(timespec="seconds"))
        counts["copied"] += 1
    approved = mailbox.message_ids_in(APPROVED)
    rejected = mailbox.message_ids_in(REJECTED)
    both = set(approved.values()) & set(rejected.values())
    for folder, found, decision in ((REJECTED, rejected, "reject"), (APPROVED, approved, "approve")):
        if not found:
            continue
        done, back = [], []
        with store.transaction() as tx:
            by_mid = {i.get("message_id"): i for i in tx.outbox()}
            for uid, mid in found.items():
                item = by_mid.get(mid)
                if item is None or item.get("status") != "held" or mid in both and decision == "approve":
                    done.append(uid)              # not ours, or already decided: tidy it away
                    continue
                try:
                    engine.review(tx, item["id"], decision, rules=rules, now=now, composer=composer,
                                  reason=("moved to Rejected" + (" (also in Approved)" if mid in both else ""))
                                  if decision == "reject" else "",
                                  user=f"mail:{folder}")
                    counts["approved" if decision == "approve" else "rejected"] += 1
                    log.info("%s: %s %s (moved to %s)", item.get("thread_ref") or "-", item["kind"],
                             "approved" if decision == "approve" else "rejected", folder)
                except Refused as exc:
                    engine.notify_staff(tx, "mail_stale", f"{item['id']}: {exc}", rules=rules,
                                        now=now, composer=composer, once_key=f"stale:{item['id']}")
                    log.warning("%s: %s moved to Approved is stale, not sent; back in Review",
                                item.get("thread_ref") or "-", item["kind"])
                    back.append(uid)
                    counts["stale"] += 1
                    continue
                done.append(uid)
        mailbox.message_ids_in(folder)          # selects it again (the other folder was looked at)
        if back:
            mailbox.move_to(back, REVIEW)
        mailbox.remove(done)
    counts["restored"] = _tidy_review(mailbox, store, now)
    return counts


_ready: "weakref.WeakSet" = weakref.WeakSet()


def _ensure_folders(mailbox) -> None:
    """Review, Approved and Rejected exist on this connection (review may have been turned on
    by a rules edit while the daemon runs, or a folder deleted): made once per connection."""
    if mailbox in _ready:
        return
    mailbox.ensure_folders(FOLDERS)
    _ready.add(mailbox)


def _tidy_review(mailbox, store, now: datetime) -> int:
    """Copies in Review whose mail is no longer held (approved or rejected from the command
    line, or sent) are removed, and held mail whose copy is gone (deleted in the mail client)
    is placed there again, so the folder shows exactly what waits. Returns how many came back."""
    found = mailbox.message_ids_in(REVIEW)
    with store.snapshot() as tx:
        held = {i.get("message_id"): i for i in tx.outbox(status="held") if i.get("review_copy")}
        missing = [(i, tx.outbox_raw(i["id"])) for mid, i in held.items() if mid not in found.values()]
    mailbox.remove([uid for uid, mid in found.items() if mid not in held])
    for item, raw in missing:
        mailbox.append_to(REVIEW, raw, now)
        log.info("%s: the Review copy of %s was deleted; placed there again (it still waits)",
                 item.get("thread_ref") or "-", item["kind"])
    return len(missing)
