"""A store with many conversations, built directly through the Store API, for history.py and
timers.py: a year of an office without a year of mail.

The records are real: one request and one consenting reply go through the engine (the same
code the daemon runs) to make an offered and a confirmed conversation; each seeded one is a
copy of those with its own reference, addresses and Message-IDs. The copies hold no seats
(`holds` emptied: ten thousand open conversations cannot all hold a seat of a few weeks'
calendar, and the new mail being timed must still be offered something); everything else,
including the offer's deadlines and the booking, is what the engine wrote.
"""

from __future__ import annotations

import copy
import tempfile
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from mailbot import engine
from mailbot.compose import Composer
from mailbot.rules import load_rules
from mailbot.signing import Signer
from mailbot.store import Store

REPO = Path(__file__).resolve().parents[1]
OFFICE = "office@akita-hw.example.jp"
NOW = datetime.fromisoformat("2026-12-01T09:00+09:00")
CLOSED_STATES = ("done", "cancelled", "expired", "no_show", "declined")


def composer_and_rules(tmp: Path, terms_text: str):
    terms = tmp / "terms.txt"
    terms.write_text(terms_text, encoding="utf-8")
    rules = load_rules(REPO / "rules")
    return Composer(REPO / "templates", terms, OFFICE, Signer(b"bench-key")), rules


def request(i: int, *, sender: str | None = None, in_reply_to: str | None = None,
            body: str | None = None, when: datetime = NOW) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender or f"seeker{i}@example.org"
    msg["To"] = OFFICE
    msg["Subject"] = "Re: オンライン職業相談のご案内" if in_reply_to else "オンライン職業相談の予約"
    msg["Date"] = format_datetime(when - timedelta(hours=1))
    msg["Message-ID"] = f"<bench-{i}@example.org>"
    if in_reply_to:
        msg["In-Reply-To"] = msg["References"] = in_reply_to
    msg.set_content(body or (f"オンライン職業相談の予約をお願いします。\n氏名：秋田 太郎\n"
                             f"電話：090-1234-{i % 10000:04d}\n希望日時：12月{4 + i % 20}日 14:00\n"),
                    charset="utf-8")
    return msg.as_bytes()


def _send_all(tx, rules, composer, now) -> None:
    """What the daemon records after the server's 250 for every pending item."""
    for item in tx.outbox(status="pending"):
        tx.mark_outbox(item["id"], status="sent", sent_at=now.isoformat(timespec="seconds"),
                       copied=True)
        engine.delivered(tx, item, "sent", rules=rules, now=now, composer=composer)


def templates(terms_text: str) -> tuple[dict, dict]:
    """(offered, confirmed) conversation records made by the engine from real mail."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        composer, rules = composer_and_rules(tmp, terms_text)
        store = Store(tmp / "state")
        with store.transaction() as tx:
            engine.handle_message(tx, request(0), "INBOX:1:1", rules=rules, now=NOW, composer=composer)
            _send_all(tx, rules, composer, NOW)
            [offered] = tx.threads()
        later = NOW + timedelta(minutes=30)
        reply = request(1, sender="seeker0@example.org", in_reply_to=offered["message_ids"][-1],
                        body="1番でお願いします。\n秋田 太郎\n", when=later)
        with store.transaction() as tx:
            engine.handle_message(tx, reply, "INBOX:1:2", rules=rules, now=later, composer=composer)
            _send_all(tx, rules, composer, later)
            confirmed = tx.get_thread(offered["ref"])
        assert offered["state"] == "offered", offered["state"]
        assert confirmed["state"] == "confirmed", confirmed["state"]
        return offered, confirmed


def clone(template: dict, i: int, *, state: str | None = None, updated: datetime | None = None) -> dict:
    """A copy of `template` as conversation number `i`: its own reference (in a month code no
    real reference uses), addresses and Message-IDs; no seats held."""
    doc = copy.deepcopy(template)
    ref = f"AK-{1000 + i // 10000:04d}-{i % 10000:04d}"
    addr = f"h{i}@example.net"
    doc["ref"] = ref
    doc["from_addr"] = doc["bound_to"] = addr
    doc["contact"] = {**(doc.get("contact") or {}), "email": addr}
    doc["message_ids"] = [f"<seed-{i}-{k}@example.net>" for k in range(len(doc.get("message_ids") or ()))]
    if doc.get("last_in_message_id"):
        doc["last_in_message_id"] = doc["message_ids"][0]
    doc["holds"] = []
    if state is not None:
        doc["state"] = state
        if state in CLOSED_STATES:
            doc["offer"] = None
    if updated is not None:
        doc["updated_at"] = updated.isoformat()
    return doc


def seed(store: Store, offered: dict, confirmed: dict, *, open_count: int, closed_count: int,
         due_share: float = 0.0, chunk: int = 5000) -> None:
    """`closed_count` closed conversations (one in 50 a no-show) archived as housekeeping
    would after `archive_after_days`, then `open_count` open ones, half offered and half
    confirmed. With `due_share`, that share of the offered ones has an offer that lapsed an
    hour before NOW, and as many lapse half an hour after NOW (work for two timer passes)."""
    old = NOW - timedelta(days=90)
    for start in range(0, closed_count, chunk):
        with store.transaction() as tx:
            for i in range(start, min(start + chunk, closed_count)):
                state = "no_show" if i % 50 == 0 else CLOSED_STATES[i % 4]
                tx.save_thread(clone(confirmed, 500_000 + i, state=state, updated=old))
            tx.archive_closed(NOW, 30)
    due_every = int(1 / due_share) if due_share else 0
    for start in range(0, open_count, chunk):
        with store.transaction() as tx:
            for i in range(start, min(start + chunk, open_count)):
                doc = clone(offered if i % 2 == 0 else confirmed, i)
                if doc["state"] == "offered" and due_every and (i // 2) % due_every in (0, 1):
                    # one share lapsed an hour before NOW, another lapses half an hour after it
                    late = (i // 2) % due_every == 1
                    doc["offer"]["expires_at"] = (NOW + timedelta(minutes=30 if late else -60)).isoformat()
                tx.save_thread(doc)
