"""Review holds: held mail starts no lifetime, a stale held mail cannot be approved, a
rejection hands the conversation to a person (engine + a real store in a temp folder)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mailbot import engine
from mailbot.compose import Composer
from mailbot.conversation import Refused
from mailbot.signing import Signer
from mailbot.store import Store
from tests.integration.mailflow import write
from tests.unit.convo import JST, RULES

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=JST)
OFFICE = "online-soudan@akita-hw.example.jp"
REQUEST = "予約をお願いします。\n氏名：秋田 太郎\n電話：090-1234-5678\n希望：12月4日（金）14時\n"


@pytest.fixture
def setup(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("規約\n", encoding="utf-8")
    composer = Composer(REPO / "templates", terms, OFFICE, Signer(b"k"))
    rules = replace(RULES, policy=replace(RULES.policy, review="all"))
    store = Store(tmp_path / "state")
    with store.transaction() as tx:
        engine.handle_message(tx, write("taro@example.jp", OFFICE, "予約", REQUEST), "INBOX:1:1",
                              rules=rules, now=NOW, composer=composer)
    with store.snapshot() as tx:
        (item,) = tx.outbox(status="held")
    return store, rules, composer, item


def test_a_fresh_held_offer_can_be_approved(setup):
    store, rules, composer, item = setup
    with store.transaction() as tx:
        engine.review(tx, item["id"], "approve", rules=rules, now=NOW + timedelta(hours=1), composer=composer)
        assert tx.get_outbox(item["id"])["status"] == "pending"
        thread = tx.get_thread(item["thread_ref"])
    assert thread["history"][-1]["event"] == "mail_approved"


def test_a_stale_held_offer_is_refused_with_the_reason(setup):
    store, rules, composer, item = setup
    with store.transaction() as tx, pytest.raises(Refused, match="deadline"):
        engine.review(tx, item["id"], "approve", rules=rules, now=NOW + timedelta(days=3), composer=composer)


def test_a_held_offer_whose_slot_was_taken_is_refused(setup):
    store, rules, composer, item = setup
    with store.transaction() as tx:
        thread = tx.get_thread(item["thread_ref"])
        other = {**thread, "ref": "AK-2612-9999", "holds": [thread["offer"]["slots"][0]],
                 "state": "confirmed", "message_ids": []}
        tx.save_thread(other)
    with store.transaction() as tx, pytest.raises(Refused, match="full"):
        engine.review(tx, item["id"], "approve", rules=rules, now=NOW + timedelta(hours=1), composer=composer)


def test_rejecting_hands_the_conversation_to_staff(setup):
    store, rules, composer, item = setup
    with store.transaction() as tx:
        engine.review(tx, item["id"], "reject", reason="wrong slots", rules=rules, now=NOW, composer=composer)
        assert tx.get_outbox(item["id"])["status"] == "rejected"
        thread = tx.get_thread(item["thread_ref"])
    assert thread["state"] == "staff" and thread["escalation"]["reason"] == "mail_rejected"


def test_a_held_offer_never_lapses(setup):
    store, rules, composer, item = setup
    with store.transaction() as tx:
        assert engine.run_timers(tx, rules=rules, now=NOW + timedelta(days=10), composer=composer) == 0
        assert tx.get_thread(item["thread_ref"])["state"] == "offered"
