"""The morning digest: when it is owed (working days, send_at, once a day, across restarts),
what it lists (from the store), and that the outbox item and the day are one transaction."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest

from mailbot import digest, engine
from mailbot.compose import Composer
from mailbot.rules import DigestRules
from mailbot.signing import Signer
from mailbot.store import Store
from tests.unit.convo import JST, RULES, confirmed

REPO = Path(__file__).resolve().parents[2]
OFFICE = "online-soudan@akita-hw.example.jp"
TUE = datetime(2026, 12, 1, 8, 30, tzinfo=JST)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JST)


def test_owed_on_working_days_from_send_at_once_a_day():
    assert not digest.due(RULES, at("2026-12-01T08:29"), None)
    assert digest.due(RULES, at("2026-12-01T08:30"), None)
    assert digest.due(RULES, at("2026-12-01T15:00"), None)              # started late: still today
    assert not digest.due(RULES, at("2026-12-01T09:00"), "2026-12-01")  # sent already
    assert digest.due(RULES, at("2026-12-02T08:30"), "2026-12-01")
    assert not digest.due(RULES, at("2026-12-05T09:00"), None)          # Saturday
    assert not digest.due(RULES, at("2026-12-30T09:00"), None)          # year-end closure
    assert not digest.due(RULES, at("2027-01-11T09:00"), None)          # 成人の日
    off = replace(RULES, policy=replace(RULES.policy, digest=DigestRules(enabled=False)))
    assert not digest.due(off, at("2026-12-01T09:00"), None)
    later = replace(RULES, policy=replace(RULES.policy, digest=DigestRules(send_at=time(9, 15))))
    assert not digest.due(later, at("2026-12-01T09:00"), None) and digest.due(later, at("2026-12-01T09:15"), None)


def test_the_data_lists_sessions_held_failed_and_escalations():
    thread = confirmed()                               # 12/4 (Fri)
    doc = thread.to_json()
    outbox = [{"id": "OB000001", "thread_ref": thread.ref, "kind": "offer", "status": "held",
               "created_at": "2026-12-02T10:00:00+09:00"},
              {"id": "OB000002", "thread_ref": thread.ref, "kind": "confirmed", "status": "failed",
               "created_at": "2026-12-02T10:00:00+09:00", "last_error": "550 no such user"},
              {"id": "OB000003", "thread_ref": thread.ref, "kind": "reminder", "status": "sent",
               "created_at": "2026-12-02T10:00:00+09:00"}]
    thu = digest.data([doc], outbox, RULES, at("2026-12-03T08:30"))
    assert thu["day"].isoformat() == "2026-12-03" and thu["today"] == []
    (row,) = thu["tomorrow"]
    assert row["name"] == "秋田 太郎" and row["start"].isoformat().startswith("2026-12-04T") and row["url"].startswith("https://")
    assert [h["id"] for h in thu["held"]] == ["OB000001"]
    assert [(f["id"], f["error"]) for f in thu["failed"]] == [("OB000002", "550 no such user")]
    fri = digest.data([doc], outbox, RULES, at("2026-12-04T08:30"))
    assert [r["ref"] for r in fri["today"]] == [thread.ref]
    assert fri["next_day"].isoformat() == "2026-12-07"                  # Monday
    assert fri["last_day"].isoformat() == "2026-12-03"


@pytest.fixture
def office(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("規約\n", encoding="utf-8")
    composer = Composer(REPO / "templates", terms, OFFICE, Signer(b"k"))
    return Store(tmp_path / "state"), composer


def test_queued_once_per_day_with_its_day_in_the_same_write(office):
    store, composer = office
    thread = confirmed()
    with store.transaction() as tx:
        tx.save_thread(thread.to_json())
    sender = digest.Sender()
    assert sender.run(store, rules=RULES, now=at("2026-12-04T08:31"), composer=composer)
    assert not sender.run(store, rules=RULES, now=at("2026-12-04T09:00"), composer=composer)
    # A restarted daemon (a new Sender) finds the day recorded: nothing more.
    assert not digest.Sender().run(store, rules=RULES, now=at("2026-12-04T10:00"), composer=composer)
    with store.snapshot() as tx:
        items = [i for i in tx.outbox() if i["kind"] == "digest"]
        assert tx.meta(digest.META_KEY) == "2026-12-04"
        raw = tx.outbox_raw(items[0]["id"])
    assert len(items) == 1 and items[0]["to"] == RULES.office.staff_address
    assert items[0]["status"] == "pending"             # never held for review
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    text = msg.get_body(("plain",)).get_content()
    assert "12月4日(金)" in str(msg["Subject"]) and "秋田 太郎" in text and thread.ref in text
    assert msg["X-Mailbot-Kind"] == "digest" and msg["In-Reply-To"] is None
    # The next working day (Monday) gets its own.
    assert digest.Sender().run(store, rules=RULES, now=at("2026-12-07T08:30"), composer=composer)


def test_a_failed_transaction_records_neither_the_mail_nor_the_day(office):
    store, composer = office
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            assert digest.queue(tx, rules=RULES, now=TUE, composer=composer) is not None
            raise RuntimeError("crash before the commit")
    with store.snapshot() as tx:
        assert tx.outbox() == [] and tx.meta(digest.META_KEY) is None
    assert digest.Sender().run(store, rules=RULES, now=TUE, composer=composer)


def test_review_on_does_not_hold_the_digest(office):
    store, composer = office
    rules = replace(RULES, policy=replace(RULES.policy, review="all"))
    with store.transaction() as tx:
        digest.queue(tx, rules=rules, now=TUE, composer=composer)
        engine.notify_staff(tx, "bad_rules", "x", rules=rules, now=TUE, composer=composer)
    with store.snapshot() as tx:
        assert {i["status"] for i in tx.outbox()} == {"pending"}


def test_rules_check_reports_a_bad_digest_setting_at_its_line(tmp_path):
    import shutil

    from mailbot.rules import check_rules

    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    policy = rules / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    line = text[: text.index('  send_at: "08:30"')].count("\n") + 1
    policy.write_text(text.replace('  send_at: "08:30"', '  send_at: "8時半"\n  enable: true'), encoding="utf-8")
    problems = check_rules(rules)
    assert f"{policy}:{line}: digest.send_at: 時刻は \"HH:MM\" の形で書いてください（'8時半'）" in problems
    assert any(p.startswith(f"{policy}:{line + 1}: digest.enable: 知らない項目です") for p in problems)
    policy.write_text(text.replace("digest:\n  enabled: true", "digest:\n  enabled: false"), encoding="utf-8")
    assert check_rules(rules) == []
    from mailbot.rules import load_rules
    assert load_rules(rules).policy.digest == DigestRules(enabled=False, send_at=time(8, 30))
