"""The repository contract (mailbot/store/port.py): every backend must pass these tests.

Today: the journaled TinyDB store and the in-memory one. A shared PostgreSQL backend would be
added to BACKENDS and pass the same tests (README, "The store").
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailbot.store import Store, StoreError
from mailbot.store.memory import MemoryStore
from mailbot.store.port import Repository, Transaction

JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=JST)
OLD = NOW - timedelta(days=10)
BACKENDS = ["tinydb-journal", "tinydb-journal-compacting", "memory"]


def thread(ref: str, state: str = "offered", updated: datetime = NOW, **extra) -> dict:
    return {"ref": ref, "state": state, "updated_at": updated.isoformat(), "message_ids": [], **extra}


@pytest.fixture(params=BACKENDS)
def repo(request, tmp_path: Path) -> Repository:
    if request.param == "memory":
        return MemoryStore()
    if request.param == "tinydb-journal-compacting":
        return Store(tmp_path / "state", compact_bytes=1)   # compacts after every write
    return Store(tmp_path / "state")


def test_backend_implements_the_port(repo: Repository) -> None:
    assert isinstance(repo, Repository)
    with repo.snapshot() as snap:
        assert isinstance(snap, Transaction)
    with repo.transaction() as tx:
        assert isinstance(tx, Transaction)


# ---------------------------------------------------------------- unit of work


def test_commit_is_all_or_nothing(repo: Repository) -> None:
    with repo.transaction() as tx:
        tx.save_thread(thread("A", message_ids=["<a@x>"], holds=["s1"]))
    with pytest.raises(RuntimeError):
        with repo.transaction() as tx:
            tx.save_thread(thread("A", state="confirmed", message_ids=["<b@x>"], holds=["s2"]))
            tx.save_thread(thread("B"))
            tx.add_outbox({"thread_ref": "A", "status": "pending", "raw": b"x"})
            tx.mark_handled("INBOX:1:1", {})
            tx.set_meta("flag", 1)
            raise RuntimeError("boom")
    with repo.snapshot() as snap:
        assert snap.get_thread("A")["state"] == "offered" and snap.get_thread("B") is None
        assert snap.find_thread_by_message_id("<a@x>")["ref"] == "A"
        assert snap.find_thread_by_message_id("<b@x>") is None
        assert snap.taken_seats() == {"s1": 1}
        assert snap.outbox() == [] and not snap.is_handled("INBOX:1:1") and snap.meta("flag") is None
    with repo.transaction() as tx:
        assert tx.next_reference("AK", NOW) == "AK-2612-0001"


def test_documents_are_copies_and_saving_replaces(repo: Repository) -> None:
    with repo.transaction() as tx:
        tx.save_thread(thread("A", note="old", holds=["s1"]))
        doc = tx.get_thread("A")
        doc["holds"].append("s2")
        assert tx.get_thread("A")["holds"] == ["s1"]
        del doc["note"]
        tx.save_thread({**doc, "holds": ["s3"]})
    with repo.snapshot() as snap:
        assert snap.get_thread("A") == thread("A", holds=["s3"])
        assert snap.taken_seats() == {"s3": 1}


def test_snapshot_is_read_only_and_keeps_its_view(repo: Repository) -> None:
    with repo.transaction() as tx:
        tx.save_thread(thread("A"))
    with repo.snapshot() as snap:
        with pytest.raises(StoreError):
            snap.save_thread(thread("B"))
        with pytest.raises(StoreError):
            snap.next_reference("AK", NOW)
        with repo.transaction() as tx:          # a commit while the snapshot is read
            tx.save_thread(thread("A", state="confirmed"))
            tx.save_thread(thread("B"))
        assert snap.get_thread("A")["state"] == "offered" and snap.get_thread("B") is None
        assert [t["ref"] for t in snap.threads(["offered"])] == ["A"]
    with repo.snapshot() as snap:
        assert snap.get_thread("A")["state"] == "confirmed"


def test_nested_transaction_is_refused(repo: Repository) -> None:
    with repo.transaction():
        with pytest.raises(StoreError, match="nested"):
            with repo.transaction():
                pass


def test_non_json_values_fail_at_the_call(repo: Repository) -> None:
    with repo.transaction() as tx:
        with pytest.raises(TypeError):
            tx.save_thread(thread("A", when=NOW))
        with pytest.raises(ValueError):
            tx.save_thread({"state": "offered"})


# ---------------------------------------------------------------- lookups


def test_lookups_follow_every_change_within_a_transaction(repo: Repository) -> None:
    """A batch of mails is one transaction: each mail must find what the earlier ones saved."""
    with repo.transaction() as tx:
        tx.save_thread(thread("A", message_ids=["<in-1@x>"], from_addr="Taro@Example.JP", holds=["s1"]))
        assert tx.find_thread_by_message_id("in-1@x")["ref"] == "A"
        assert [t["ref"] for t in tx.find_threads_by_address("taro@example.jp")] == ["A"]
        tx.save_thread(thread("A", state="confirmed", message_ids=["<in-1@x>", "<out-1@bot>"],
                              contact={"email": "hanako@example.jp"}, holds=["s2", "s2"]))
        assert tx.find_thread_by_message_id("<out-1@bot>")["ref"] == "A"
        assert tx.find_threads_by_address("taro@example.jp") == []
        assert [t["ref"] for t in tx.find_threads_by_address("HANAKO@example.jp")] == ["A"]
        assert tx.threads(["offered"]) == [] and [t["ref"] for t in tx.threads(["confirmed"])] == ["A"]
        assert tx.taken_seats() == {"s2": 2}
    with repo.snapshot() as snap:
        assert snap.find_thread_by_message_id("<out-1@bot>")["ref"] == "A"
        assert snap.taken_seats() == {"s2": 2}


def test_lookups_keep_insertion_order(repo: Repository) -> None:
    with repo.transaction() as tx:
        for ref in ("C", "A", "B"):
            tx.save_thread(thread(ref, from_addr="same@x", message_ids=["<shared@x>"]))
        tx.save_thread(thread("A", state="confirmed", from_addr="same@x", message_ids=["<shared@x>"]))
    with repo.snapshot() as snap:
        assert [t["ref"] for t in snap.threads()] == ["C", "A", "B"]
        assert [t["ref"] for t in snap.find_threads_by_address("same@x")] == ["C", "A", "B"]
        assert snap.find_thread_by_message_id("shared@x")["ref"] == "C"
        assert [t["ref"] for t in snap.threads(["offered", "confirmed"])] == ["C", "A", "B"]
        assert snap.find_thread_by_message_id("") is None and snap.find_threads_by_address(" ") == []


def test_no_shows_count_live_and_archived_and_forget_purged(repo: Repository) -> None:
    with repo.transaction() as tx:
        tx.save_thread(thread("N1", state="no_show", updated=OLD, from_addr="Seeker@x"))
        tx.save_thread(thread("N2", state="no_show", updated=NOW - timedelta(days=100),
                              from_addr="other@x", bound_to="seeker@x"))
        tx.save_thread(thread("D", state="done", updated=OLD, from_addr="seeker@x"))
        assert tx.no_shows("SEEKER@x") == 2 and tx.no_shows("other@x") == 1
    with repo.transaction() as tx:
        assert tx.archive_closed(NOW, 7) == 3
    with repo.snapshot() as snap:
        assert snap.threads() == []
        assert snap.no_shows("seeker@x") == 2 and snap.no_shows("other@x") == 1
        assert snap.no_shows("") == 0 and snap.no_shows("nobody@x") == 0
    with repo.transaction() as tx:
        assert tx.purge_archive(NOW, 30) == 1              # N2 (100 days old) goes
    with repo.snapshot() as snap:
        assert snap.no_shows("seeker@x") == 1 and snap.no_shows("other@x") == 0


# ---------------------------------------------------------------- references, meta


def test_references_count_per_month_in_jst_and_are_never_reused(repo: Repository) -> None:
    with repo.transaction() as tx:
        assert tx.next_reference("AK", NOW) == "AK-2612-0001"
        assert tx.next_reference("AK", datetime(2026, 12, 31, 16, tzinfo=timezone.utc)) == "AK-2701-0001"
        tx.save_thread(thread("AK-2612-0001", state="cancelled"))
        with pytest.raises(ValueError):
            tx.next_reference("AK", datetime(2026, 12, 1))
    later = NOW + timedelta(days=400)
    with repo.transaction() as tx:
        assert tx.archive_closed(later, 30) == 1 and tx.purge_archive(later, 30) == 1
    with repo.transaction() as tx:
        assert tx.next_reference("AK", NOW) == "AK-2612-0002"


def test_counters_can_be_moved_on_but_never_back(repo: Repository) -> None:
    with repo.transaction() as tx:
        first = tx.next_reference("AK", NOW)
        item = tx.add_outbox({"thread_ref": first, "status": "pending", "raw": b"x"})
    with repo.snapshot() as snap:
        assert snap.counters() == {"refseq:AK-2612": 1, "outbox_seq": int(item["id"][2:])}
    with repo.transaction() as tx:
        assert tx.raise_counter("refseq:AK-2612", 7) is True
        assert tx.raise_counter("refseq:AK-2612", 3) is False      # never back
        assert tx.next_reference("AK", NOW) == "AK-2612-0008"


def test_meta_values(repo: Repository) -> None:
    with repo.transaction() as tx:
        tx.set_meta("undeliverable:a@x", {"at": "now"})
        tx.set_meta("undeliverable:b@x", 1)
        tx.set_meta("other", [1])
        assert tx.bump("cap:2026-12-01") == 1 and tx.bump("cap:2026-12-01", 2) == 3
        tx.set_mailbox_state("INBOX", 7, 42)
    with repo.transaction() as tx:
        assert sorted(tx.meta_keys("undeliverable:")) == ["undeliverable:a@x", "undeliverable:b@x"]
        tx.delete_meta("undeliverable:a@x")
        tx.set_meta("other", None)
    with repo.snapshot() as snap:
        assert snap.meta_keys("undeliverable:") == ["undeliverable:b@x"]
        assert snap.meta("other") is None and snap.meta("cap:2026-12-01") == 3
        assert snap.mailbox_state("INBOX") == {"uidvalidity": 7, "last_uid": 42}
        assert snap.mailbox_state("Sent") is None


# ---------------------------------------------------------------- outbox, handled


def test_outbox_lifecycle_and_small_marks(repo: Repository) -> None:
    raw = "Subject: =?utf-8?b?5LqI57SE?=\r\n\r\n本文".encode()
    with repo.transaction() as tx:
        first = tx.add_outbox({"message_id": "<o1@bot>", "thread_ref": "A", "status": "pending",
                               "kind": "offer", "raw": raw})
        tx.add_outbox({"id": "custom-1", "thread_ref": "A", "status": "held", "raw": b"2"})
        assert tx.outbox_raw(first["id"]) == raw
        with pytest.raises(ValueError):
            tx.add_outbox({"id": "custom-1", "thread_ref": "A", "status": "held", "raw": b"2"})
        with pytest.raises(ValueError):
            tx.add_outbox({"id": "../evil", "thread_ref": "A", "status": "pending", "raw": b""})
        with pytest.raises(TypeError):
            tx.add_outbox({"thread_ref": "A", "status": "pending", "raw": "text"})
    assert first["id"] == "OB000001" and "raw" not in first
    assert repo.outbox_raw("OB000001") == raw               # no transaction needed
    with repo.transaction() as tx:
        assert tx.mark_outbox("OB000001", status="sending", sending_at="t0") is None
        assert [o["id"] for o in tx.outbox("sending")] == ["OB000001"] and tx.outbox("pending") == []
    with repo.transaction() as tx:
        tx.mark_outbox("OB000001", status="sent", sent_at="t1", copied=False)
    with repo.transaction() as tx:
        tx.mark_outbox("OB000001", copied=True)
        new = tx.update_outbox("custom-1", status="pending")
        assert new["status"] == "pending" and new["thread_ref"] == "A"
        with pytest.raises(KeyError):
            tx.mark_outbox("OB999999", status="sent")
        with pytest.raises(ValueError):
            tx.mark_outbox("OB000001", id="OB2")
        with pytest.raises(ValueError):
            tx.update_outbox("OB000001", raw=b"other")
    with repo.snapshot() as snap:
        item = snap.get_outbox("OB000001")
        assert item == {"id": "OB000001", "message_id": "<o1@bot>", "thread_ref": "A", "kind": "offer",
                        "status": "sent", "sending_at": "t0", "sent_at": "t1", "copied": True}
        assert [o["id"] for o in snap.outbox()] == ["OB000001", "custom-1"]
        assert [o["id"] for o in snap.outbox("pending")] == ["custom-1"]
        assert snap.outbox_raw("custom-1") == b"2"


def test_handled_marks_and_their_window(repo: Repository) -> None:
    with repo.transaction() as tx:
        tx.mark_handled("INBOX:1:1", {"ref": "A"}, at=NOW - timedelta(days=40))
        tx.mark_handled("INBOX:1:2", {"ref": "B"}, at=NOW)
        tx.mark_handled("<m@x>", {"ref": "A"})
        assert tx.is_handled("INBOX:1:1")
    with repo.transaction() as tx:
        assert tx.forget_handled(NOW, 30) == 1
    with repo.snapshot() as snap:
        assert not snap.is_handled("INBOX:1:1") and snap.is_handled("INBOX:1:2") and snap.is_handled("<m@x>")
        assert snap.handled_info("INBOX:1:2") == {"ref": "B"} and snap.handled_info("nope") is None


# ---------------------------------------------------------------- archive


def test_archive_moves_closed_threads_and_purge_deletes_them(repo: Repository) -> None:
    with repo.transaction() as tx:
        tx.save_thread(thread("DONE", state="done", updated=OLD))
        tx.save_thread(thread("RECENT", state="cancelled", updated=NOW - timedelta(days=1)))
        tx.save_thread(thread("OPEN", state="confirmed", updated=OLD, holds=["s1"]))
        tx.save_thread(thread("UNSENT", state="cancelled", updated=OLD))
        tx.save_thread(thread("ANCIENT", state="expired", updated=NOW - timedelta(days=400)))
        tx.add_outbox({"thread_ref": "DONE", "status": "sent", "raw": b"d"})
        tx.add_outbox({"thread_ref": "UNSENT", "status": "sending", "raw": b"u"})
        tx.add_outbox({"thread_ref": "ANCIENT", "status": "sent", "raw": b"a"})
    with repo.transaction() as tx:
        assert tx.archive_closed(NOW, 7) == 2
        assert tx.archive_closed(NOW, 7) == 0
    with repo.snapshot() as snap:
        assert sorted(t["ref"] for t in snap.threads()) == ["OPEN", "RECENT", "UNSENT"]
        assert sorted(t["ref"] for t in snap.archived_threads()) == ["ANCIENT", "DONE"]
        assert [o["thread_ref"] for o in snap.outbox()] == ["UNSENT"]
        assert sorted(o["id"] for o in snap.archived_outbox()) == ["OB000001", "OB000003"]
        assert snap.outbox_raw("OB000001") == b"d"
        assert snap.taken_seats() == {"s1": 1}
    with repo.transaction() as tx:
        assert tx.purge_archive(NOW, 365) == 1
    with repo.snapshot() as snap:
        assert [t["ref"] for t in snap.archived_threads()] == ["DONE"]
        assert [o["id"] for o in snap.archived_outbox()] == ["OB000001"]
    assert repo.outbox_raw("OB000001") == b"d"
    with pytest.raises(FileNotFoundError):
        repo.outbox_raw("OB000003")
