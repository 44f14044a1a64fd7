"""Review from a mail client: held mail is also placed in the office mailbox's `Review`
folder; a staff member who moves it to `Approved` sends it, to `Rejected` rejects it.

Staff who never open a terminal run the outbox from Outlook or Thunderbird. The folders hold
copies; the outbox in `state/` stays the truth, matched by Message-ID. A move is recorded in
the conversation's history with the time (engine.review), and a stale mail moved to Approved is
not sent: it goes back to Review and staff get a notice saying why.
"""

from __future__ import annotations

import logging
from datetime import datetime

from mailbot import engine
from mailbot.conversation import Refused

log = logging.getLogger("mailbot")
REVIEW, APPROVED, REJECTED = "Review", "Approved", "Rejected"
FOLDERS = (REVIEW, APPROVED, REJECTED)


def sync(mailbox, store, *, rules, now: datetime, composer) -> dict[str, int]:
    """Copy newly held mail into Review, act on what staff moved; returns counts."""
    counts = {"copied": 0, "approved": 0, "rejected": 0, "stale": 0}
    with store.snapshot() as tx:
        uncopied = [(i, tx.outbox_raw(i["id"])) for i in tx.outbox(status="held") if not i.get("review_copy")]
    for item, raw in uncopied:
        mailbox.append_to(REVIEW, raw, now)
        with store.transaction() as tx:
            tx.update_outbox(item["id"], review_copy=now.isoformat(timespec="seconds"))
        counts["copied"] += 1
    for folder, decision in ((APPROVED, "approve"), (REJECTED, "reject")):
        found = mailbox.message_ids_in(folder)
        if not found:
            continue
        done, back = [], []
        with store.transaction() as tx:
            by_mid = {i.get("message_id"): i for i in tx.outbox()}
            for uid, mid in found.items():
                item = by_mid.get(mid)
                if item is None or item.get("status") != "held":
                    done.append(uid)              # not ours, or already decided: tidy it away
                    continue
                try:
                    engine.review(tx, item["id"], decision, rules=rules, now=now, composer=composer,
                                  reason="moved to Rejected" if decision == "reject" else "",
                                  user=f"mail:{folder}")
                    counts["approved" if decision == "approve" else "rejected"] += 1
                except Refused as exc:
                    engine.notify_staff(tx, "mail_stale", f"{item['id']}: {exc}", rules=rules,
                                        now=now, composer=composer, once_key=f"stale:{item['id']}")
                    back.append(uid)
                    counts["stale"] += 1
                    continue
                done.append(uid)
        if back:
            mailbox.move_to(back, REVIEW)
        mailbox.remove(done)
    _tidy_review(mailbox, store)
    return counts


def _tidy_review(mailbox, store) -> None:
    """Copies in Review whose mail is no longer held (approved or rejected from the command
    line, or sent) are removed, so the folder shows exactly what waits."""
    found = mailbox.message_ids_in(REVIEW)
    if not found:
        return
    with store.snapshot() as tx:
        held = {i.get("message_id") for i in tx.outbox(status="held")}
    mailbox.remove([uid for uid, mid in found.items() if mid not in held])
