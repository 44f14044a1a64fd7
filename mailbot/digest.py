"""The morning digest: one mail to office.staff_address on each working day at
`policy.digest.send_at` (issue 7, item 4).

Why this shape: staff start the day from their mail client, so the day's sheet comes to them;
the bot must never send it twice (a second digest looks like a second set of bookings) nor
skip a day because it was restarted. The pure part (`due`, `data`) takes `now`; `queue` records
the outbox item and the day it was sent for (meta `digest_day`) in ONE transaction, so a crash
before the commit sends nothing yet (the next cycle does) and a restart after it sends nothing
again. A daemon that was not running at send_at sends it when it starts that day.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Iterable

from mailbot import calendar, desk
from mailbot.conversation.model import Thread

log = logging.getLogger("mailbot")
KIND = "digest"
META_KEY = "digest_day"             # the working day (ISO date) the last digest was queued for


def local_day(rules, now: datetime) -> date:
    return now.astimezone(rules.calendar.timezone).date()


def due(rules, now: datetime, last_day: str | None) -> bool:
    """Whether a digest is owed now: enabled, a working day, send_at passed, none yet today."""
    settings = rules.policy.digest
    if not settings.enabled:
        return False
    local = now.astimezone(rules.calendar.timezone)
    if not desk.is_business_day(rules, local.date()):
        return False
    if local.time().replace(tzinfo=None) < settings.send_at:
        return False
    return last_day != local.date().isoformat()


def data(threads: Iterable[dict], outbox: Iterable[dict], rules, now: datetime) -> dict:
    """What the digest template shows, from stored threads and outbox items (pure)."""
    records = [Thread.from_json(t) for t in threads]
    items = list(outbox)
    sheet = desk.digest(records, items, rules, now)
    last_day = desk.previous_business_day(rules, sheet.day)

    def session(row: desk.SessionRow) -> dict:
        return {"start": row.start, "counter": row.counter, "ref": row.ref, "name": row.name,
                "seeker_number": row.seeker_number, "attendant": row.attendant, "url": row.url,
                "state": row.state, "flags": list(row.flags)}

    def mail(item: dict) -> dict:
        return {"id": item.get("id") or "", "ref": item.get("thread_ref") or "",
                "kind": item.get("kind") or "",
                "since": datetime.fromisoformat(item.get("created_at") or now.isoformat()),
                "error": str(item.get("last_error") or "")[:120]}

    no_shows = []
    for t in sheet.no_shows:
        slot = calendar.Slot.from_key(t.booking.slot, rules)
        no_shows.append({"start": slot.start, "ref": t.ref or "", "name": t.contact.name or ""})
    return {
        "day": sheet.day,
        "next_day": sheet.tomorrow_day,
        "last_day": last_day,
        "today": [session(r) for r in sheet.today],
        "tomorrow": [session(r) for r in sheet.tomorrow],
        "held": [mail(i) for i in sheet.held],
        "escalations": [{"ref": r.ref, "state": r.state, "reason": r.reason, "since": r.since,
                         "business_days": r.business_days, "overdue": r.overdue}
                        for r in sheet.escalations],
        "failed": [mail(i) for i in sheet.failed],
        "no_shows": no_shows,
        "promise_days": desk.PROMISE_BUSINESS_DAYS,
    }


def queue(tx, *, rules, now: datetime, composer) -> dict | None:
    """Compose today's digest into the outbox and record the day, in the caller's transaction;
    None when none is owed (already queued today, a closed day, before send_at, disabled)."""
    if not due(rules, now, tx.meta(META_KEY)):
        return None
    day = local_day(rules, now)
    content = data(tx.threads(), tx.outbox(), rules, now)
    to = rules.office.staff_address
    out = composer.compose(KIND, to, None, rules, now, {"digest": content, "reason": KIND})
    item = tx.add_outbox({
        "message_id": out.message_id, "thread_ref": None, "kind": KIND, "to": to,
        "status": "pending", "created_at": now.isoformat(timespec="seconds"),
        "day": day.isoformat(), "raw": out.message.as_bytes(),
    })
    tx.set_meta(META_KEY, day.isoformat())
    log.info("digest for %s queued (%d today, %d next day, %d held, %d open, %d failed)", day,
             len(content["today"]), len(content["tomorrow"]), len(content["held"]),
             len(content["escalations"]), len(content["failed"]))
    return item


class Sender:
    """The daemon's side: asks the store only when the clock says a digest may be owed, and
    remembers the day it found one recorded, so a cycle costs no store read once it is sent."""

    def __init__(self) -> None:
        self._done_day: str | None = None

    def run(self, store, *, rules, now: datetime, composer) -> bool:
        today = local_day(rules, now).isoformat()
        if self._done_day == today or not due(rules, now, None):
            return False
        with store.transaction() as tx:
            item = queue(tx, rules=rules, now=now, composer=composer)
        self._done_day = today
        return item is not None


def sample(rules, now: datetime, thread: dict) -> dict:
    """Digest data for checking the template (`rules check`): every list holds one entry made
    from the sample conversation `thread`, so every line of the template is rendered."""
    record = Thread.from_json(thread)
    slot = calendar.Slot.from_key(record.booking.slot, rules) if record.booking else None
    start = slot.start if slot else now
    row = {"start": start, "counter": rules.calendar.counters[0].name, "ref": record.ref or "",
           "name": record.contact.name or "", "seeker_number": record.contact.seeker_number or "",
           "attendant": "通訳", "url": record.booking.url if record.booking else "",
           "state": "confirmed", "flags": ["送信失敗"]}
    mail = {"id": "OB000001", "ref": record.ref or "", "kind": "offer", "since": now,
            "error": "550 mailbox unavailable"}
    return {
        "day": now.date(), "next_day": desk.next_business_day(rules, now.date()),
        "last_day": desk.previous_business_day(rules, now.date()),
        "today": [row], "tomorrow": [row], "held": [mail],
        "escalations": [{"ref": record.ref or "", "state": "staff", "reason": "question",
                         "since": now, "business_days": 3, "overdue": True}],
        "failed": [mail], "no_shows": [{"start": start, "ref": record.ref or "",
                                        "name": record.contact.name or ""}],
        "promise_days": desk.PROMISE_BUSINESS_DAYS,
    }
