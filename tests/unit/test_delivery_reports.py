"""engine.delivery_failed / sending_blocked / filing_failed: what they record, and that staff
are told once, not every cycle (a real Store in a temp folder; no mail servers)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from mailbot import engine
from mailbot.compose import Composer
from mailbot.signing import Signer
from mailbot.store import Store
from tests.unit.convo import RULES
from tests.conftest import REPO

JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=JST)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "state")
    with store.transaction() as tx:
        tx.save_thread({"ref": "AK-2612-0001", "state": "offered", "updated_at": NOW.isoformat(),
                        "created_at": NOW.isoformat(), "message_ids": [], "history": [],
                        "from_addr": "taro@example.jp",
                        "offer": {"slots": ["2026-12-07T10:00/c1"], "expires_at": "2026-12-04T23:59:59+09:00"}})
    return store


ITEM = {"id": "OB000001", "thread_ref": "AK-2612-0001", "kind": "offer"}


def test_delivery_failed_shows_on_the_conversation_and_logs_without_addresses(store, caplog):
    text = "5.1.1 <taro@example.jp>: Recipient address rejected: User unknown"
    with caplog.at_level(logging.INFO, logger="mailbot"), store.transaction() as tx:
        engine.delivery_failed(tx, ITEM, code=550, text=text, permanent=True, now=NOW, rules=RULES,
                               composer=Composer(REPO / "templates", None, "office@example.jp", Signer(b"k")))
    with store.snapshot() as tx:
        thread = tx.get_thread("AK-2612-0001")
        notices = [i for i in tx.outbox() if i["kind"] == "staff_notice"]
    assert [n["reason"] for n in notices] == ["delivery_failed"]
    assert thread["state"] == "offered"                    # the workflow decides what follows
    assert thread["delivery"] == {"status": "failed", "at": NOW.isoformat(timespec="seconds"),
                                  "outbox_id": "OB000001", "kind": "offer", "code": 550,
                                  "text": text, "permanent": True}
    assert thread["history"][-1]["event"] == "delivery_failed"
    assert thread["notices"][-1]["reason"] == "delivery_failed"
    assert "AK-2612-0001: offer could not be delivered (550 5.1.1 <address>" in caplog.text
    assert "taro@example.jp" not in caplog.text


def test_sending_blocked_is_recorded_once_per_reason(store, caplog):
    with caplog.at_level(logging.INFO, logger="mailbot"):
        for minutes, reason in ((0, "A"), (1, "A"), (2, "B"), (3, "B")):
            with store.transaction() as tx:
                engine.sending_blocked(tx, reason, now=NOW + timedelta(minutes=minutes))
    assert caplog.text.count("sending cannot start: A") == 1
    assert caplog.text.count("sending cannot start: B") == 1
    with store.snapshot() as tx:
        assert tx.meta("sending_blocked") == {"reason": "B", "since": "2026-12-01T09:02:00+09:00"}


def test_filing_failed_keeps_a_list_with_backoff(store, caplog):
    with caplog.at_level(logging.INFO, logger="mailbot"):
        for minutes in (0, 1, 3):
            with store.transaction() as tx:
                engine.filing_failed(tx, "INBOX:7:12", "Processed", "NO [OVERQUOTA] Quota exceeded",
                                     now=NOW + timedelta(minutes=minutes))
    with store.snapshot() as tx:
        entry = tx.meta("unfiled")["INBOX:7:12"]
    assert entry["attempts"] == 3 and entry["since"] == NOW.isoformat(timespec="seconds")
    assert entry["next_attempt_at"] == (NOW + timedelta(minutes=3 + 4)).isoformat(timespec="seconds")
    assert caplog.text.count("could not be filed in Processed") == 1


def test_meta_values_are_set_and_dropped(store):
    with store.transaction() as tx:
        assert tx.meta("x") is None
        tx.set_meta("x", {"a": 1})
    with store.snapshot() as tx:
        assert tx.meta("x") == {"a": 1}
    with store.transaction() as tx:
        tx.set_meta("x", None)
    with store.snapshot() as tx:
        assert tx.meta("x") is None
