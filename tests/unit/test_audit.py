"""The audit log: one line per state change, mail in and out, staff action; written after the
commit only; no personal data; 0600 files in a 0700 folder (a real store in a temp folder)."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest

from mailbot import audit, engine
from mailbot.compose import Composer
from mailbot.signing import Signer
from mailbot.store import Store
from tests.integration.mailflow import write
from tests.unit.convo import JST, RULES

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=JST)
OFFICE = "online-soudan@akita-hw.example.jp"
REQUEST = "予約をお願いします。\n氏名：秋田 太郎\n電話：090-1234-5678\n希望：12月4日（金）14時\n"
WHEN = datetime(2026, 12, 1, 9, 0, 5, tzinfo=JST)


@pytest.fixture
def setup(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("規約\n", encoding="utf-8")
    composer = Composer(REPO / "templates", terms, OFFICE, Signer(b"k"))
    store = audit.AuditedStore(Store(tmp_path / "state"))
    return store, composer, tmp_path / "state"


def lines(state: Path) -> list[dict]:
    return list(audit.AuditLog(state).read())


def request(store, composer, uid: int = 1) -> str:
    raw = write("taro@example.jp", OFFICE, "予約", REQUEST)
    with store.transaction() as tx:
        outcome = engine.handle_message(tx, raw, f"INBOX:7:{uid}", rules=RULES, now=NOW, composer=composer)
    return outcome.ref


def test_a_request_gives_mail_in_state_and_mail_queued_lines(setup):
    store, composer, state = setup
    ref = request(store, composer)
    got = lines(state)
    types = [ln["type"] for ln in got]
    assert "thread_created" in types and "mail_queued" in types
    (mail_in,) = [ln for ln in got if ln["type"] == "mail_in"]
    assert mail_in["ref"] == ref and mail_in["message_id"].startswith("<t") and mail_in["folder"] in ("Processed", "NeedsStaff")
    assert mail_in["kind"] == "mail.request" and mail_in["key"] == "INBOX:7:1"
    (queued,) = [ln for ln in got if ln["type"] == "mail_queued"]
    assert queued["kind"] == "offer" and queued["ref"] == ref and queued["message_id"].startswith("<")
    assert any(ln["type"] == "state" and ln.get("to") == "offered" for ln in got)
    assert all(ln.get("ref") in (ref, None) and ln["at"] for ln in got)


def test_no_personal_data_is_written(setup):
    store, composer, state = setup
    ref = request(store, composer)
    with store.transaction() as tx:
        engine.apply_staff(tx, ref, "cancel", rules=RULES, now=NOW, composer=composer,
                           note="秋田 太郎さんから電話 090-1234-5678")
    text = "".join(p.read_text(encoding="utf-8") for p in (state / "audit").glob("*.jsonl"))
    for secret in ("秋田", "太郎", "090-1234-5678", "taro@example.jp", "予約をお願い", OFFICE):
        assert secret not in text


def test_sent_failed_and_staff_actions_carry_the_os_user(setup):
    store, composer, state = setup
    ref = request(store, composer)
    with store.snapshot() as tx:
        (offer,) = tx.outbox(status="pending")
    with store.transaction() as tx:
        tx.update_outbox(offer["id"], status="sending")
        tx.update_outbox(offer["id"], status="sent", sent_at=NOW.isoformat())
    with store.transaction() as tx:
        engine.apply_staff(tx, ref, "cancel", rules=RULES, now=NOW, composer=composer, notify=False)
    got = lines(state)
    (out,) = [ln for ln in got if ln["type"] == "mail_out"]
    assert out["id"] == offer["id"] and out["kind"] == "offer" and out["message_id"] == offer["message_id"]
    (staff,) = [ln for ln in got if ln["type"] == "staff"]
    assert staff["cause"] == "staff.cancel" and staff["user"] == audit.os_user() and staff["ref"] == ref
    assert staff["to"] == "cancelled"


def test_nothing_is_written_when_the_transaction_does_not_commit(setup):
    store, composer, state = setup
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            engine.handle_message(tx, write("taro@example.jp", OFFICE, "予約", REQUEST), "INBOX:7:1",
                                  rules=RULES, now=NOW, composer=composer)
            raise RuntimeError("crash before the commit")
    assert lines(state) == []
    with store.snapshot() as tx:
        assert tx.threads() == []


def test_files_are_private_append_only_and_by_month(tmp_path):
    log = audit.AuditLog(tmp_path / "state")
    log.append([{"type": "rules", "result": "loaded", "version": "abc"}], now=WHEN)
    log.append([{"type": "mail_in", "ref": "AK-2612-0001"}], now=WHEN)
    log.append([{"type": "mail_in", "ref": "AK-2701-0001"}], now=datetime(2027, 1, 4, 9, tzinfo=JST))
    path = tmp_path / "state" / "audit" / "2026-12.jsonl"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [json.loads(x)["type"] for x in path.read_text().splitlines()] == ["rules", "mail_in"]
    assert log.months() == ["2026-12", "2027-01"]
    assert [ln["ref"] for ln in log.for_ref("AK-2701-0001")] == ["AK-2701-0001"]
    assert log.for_ref("AK-2612-0001", "2027-01") == []
    with open(path, "a") as f:
        f.write('{"type": "cut sho')                  # a crash in the middle of a line
    assert len(list(log.read("2026-12"))) == 2


def test_an_unwritable_log_never_stops_the_bot(tmp_path, caplog):
    state = tmp_path / "state"
    state.mkdir()
    (state / "audit").write_text("not a folder")
    audit.AuditLog(state).append([{"type": "rules"}], now=WHEN)
    assert "audit: could not append" in caplog.text


def test_pure_lines_keep_codes_and_drop_text():
    before = {"ref": "AK-2612-0001", "state": "offered", "history": []}
    after = {"ref": "AK-2612-0001", "state": "staff", "history": [
        {"at": "2026-12-01T09:00:00+09:00", "cause": "staff.resolve", "event": "resolved",
         "from_state": "offered", "to_state": "staff", "detail": {"note": "秋田さんへ電話", "kind": "offer",
                                                                   "reason": "moved to Rejected"}}]}
    (line,) = audit.thread_lines(before, after, "suzuki")
    assert line["type"] == "staff" and line["user"] == "suzuki" and line["detail"] == {"kind": "offer"}
    assert audit.outbox_lines({"status": "held"}, {"id": "OB1", "status": "pending", "approved_by": "mail:Approved",
                                                    "kind": "offer"}, "mailbot")[0]["by"] == "mail:Approved"
