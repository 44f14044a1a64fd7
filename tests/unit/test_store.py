"""The store keeps state/ consistent: one write per transaction, nothing on error, private files."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailbot.store import AlreadyRunning, DaemonLock, Store, StoreBusy, StoreError
from mailbot.store import files as files_mod
from mailbot.store import journal as journal_mod

JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=JST)


def thread(ref: str, state: str = "offered", updated: datetime = NOW, **extra) -> dict:
    return {"ref": ref, "state": state, "updated_at": updated.isoformat(), "message_ids": [], **extra}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "state")


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every real file write the store makes, by path: whole files replaced atomically, and
    records appended to the journal."""
    seen: list[Path] = []
    real_files, real_append = files_mod.write_files, journal_mod.append

    def counting(directory: Path, files: dict[str, bytes]) -> None:
        seen.extend(directory / name for name in files)
        real_files(directory, files)

    def appending(path: Path, blob: bytes):
        seen.append(path)
        return real_append(path, blob)

    monkeypatch.setattr(files_mod, "write_files", counting)
    monkeypatch.setattr(journal_mod, "append", appending)
    return seen


def journal_records(store: Store) -> list[dict]:
    path = store.state_dir / "mailbot.journal"
    return journal_mod.decode(path.read_bytes(), path)[0]


# ---------------------------------------------------------------- unit of work


def test_transaction_appends_one_record_of_its_changes(store: Store, writes: list[Path]) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("AK-2612-9999"))  # a store with something in it already
    writes.clear()
    with store.transaction() as tx:
        for n in range(5):
            tx.save_thread(thread(f"AK-2612-{n:04d}"))
        tx.next_reference("AK", NOW)
        tx.mark_handled("INBOX:1:7", {"ref": "AK-2612-0001"})
        tx.set_mailbox_state("INBOX", 1, 7)
    assert writes == [store.state_dir / "mailbot.journal"]  # one append, no file rewritten
    record = journal_records(store)[-1]
    changed = {(op[0], op[1]) for op in record["ops"]}
    assert ("threads", "AK-2612-9999") not in changed  # only what this transaction changed
    assert {("threads", f"AK-2612-{n:04d}") for n in range(5)} <= changed
    with Store(store.state_dir).snapshot() as snap:  # another process reads it back
        assert len(snap.threads()) == 6


def test_read_only_transaction_writes_nothing(store: Store, writes: list[Path]) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("A", state="done", updated=NOW - timedelta(days=9)))
        tx.archive_closed(NOW, 1)
    writes.clear()
    with store.transaction() as tx:
        tx.threads()
        tx.get_thread("A")
        tx.archived_threads()
        tx.archive_closed(NOW, 1)
        tx.purge_archive(NOW, 365)
    assert writes == []


def test_exception_in_block_writes_nothing(store: Store, writes: list[Path]) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("AK-2612-0001"))
    writes.clear()
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx.save_thread(thread("AK-2612-0001", state="confirmed"))
            tx.add_outbox({"thread_ref": "AK-2612-0001", "status": "pending", "raw": b"x"})
            raise RuntimeError("boom")
    assert writes == []
    with store.snapshot() as snap:
        assert snap.get_thread("AK-2612-0001")["state"] == "offered"
        assert snap.outbox() == []
    assert not (store.state_dir / "outbox").exists()


def test_save_replaces_whole_document_and_returns_copies(store: Store) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("AK-2612-0001", note="old", holds=["s1"]))
    with store.transaction() as tx:
        doc = tx.get_thread("AK-2612-0001")
        doc["holds"].append("s2")  # not saved: must not leak into the store
        del doc["note"]
        tx.save_thread({**doc, "holds": ["s3"]})
    with store.snapshot() as snap:
        assert snap.get_thread("AK-2612-0001") == thread("AK-2612-0001", holds=["s3"])


def test_non_json_values_fail_at_the_call(store: Store) -> None:
    with store.transaction() as tx:
        with pytest.raises(TypeError):
            tx.save_thread(thread("AK-2612-0001", when=NOW))


def test_snapshot_is_read_only(store: Store, writes: list[Path]) -> None:
    with store.snapshot() as snap:
        with pytest.raises(StoreError):
            snap.save_thread(thread("AK-2612-0001"))
        with pytest.raises(StoreError):
            snap.next_reference("AK", NOW)
    assert writes == []


def test_nested_transaction_is_refused(store: Store) -> None:
    with store.transaction():
        with pytest.raises(StoreError, match="nested"):
            with store.transaction():
                pass


def test_corrupt_file_is_reported_not_reset(store: Store) -> None:
    (store.state_dir / "mailbot.json").write_text('{"threads": {', encoding="utf-8")
    with pytest.raises(StoreError, match="not valid JSON"):
        with store.transaction():
            pass


# ---------------------------------------------------------------- privacy


def test_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        (tmp_path / "state").mkdir(mode=0o755)
        st = Store(tmp_path / "state")
        with st.transaction() as tx:
            tx.save_thread(thread("AK-2612-0001"))
            tx.add_outbox({"thread_ref": "AK-2612-0001", "status": "pending", "raw": b"x"})
            tx.archive_closed(NOW, 0)
    finally:
        os.umask(old)
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(st.state_dir) == 0o700
    assert mode(st.state_dir / "outbox") == 0o700
    files = [p for p in st.state_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"mailbot.json", "mailbot.lock", "OB000001.eml"}
    assert all(mode(p) == 0o600 for p in files), {p.name: oct(mode(p)) for p in files}


# ---------------------------------------------------------------- threads


def test_find_by_message_id_and_address(store: Store) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("A", message_ids=["<in-1@example.jp>", "<out-1@bot>"],
                              from_addr="Taro@Example.JP"))
        tx.save_thread(thread("B", message_ids=["<in-2@example.jp>"], from_addr="x@y",
                              contact={"email": "taro@example.jp"}))
    with store.snapshot() as snap:
        assert snap.find_thread_by_message_id("<out-1@bot>")["ref"] == "A"
        assert snap.find_thread_by_message_id("out-1@bot")["ref"] == "A"
        assert snap.find_thread_by_message_id("<nope@bot>") is None
        assert [t["ref"] for t in snap.find_threads_by_address("TARO@example.jp")] == ["A", "B"]
        assert snap.find_threads_by_address("") == []
        assert [t["ref"] for t in snap.threads(["offered"])] == ["A", "B"]
        assert snap.threads(states=["confirmed"]) == []


def test_taken_seats_counts_every_hold(store: Store) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("A", holds=["2026-12-02T10:00#1"]))
        tx.save_thread(thread("B", state="confirmed", holds=["2026-12-02T10:00#1", "2026-12-03T13:00#1"]))
        tx.save_thread(thread("C"))
    with store.snapshot() as snap:
        assert snap.taken_seats() == {"2026-12-02T10:00#1": 2, "2026-12-03T13:00#1": 1}


# ---------------------------------------------------------------- references


def test_references_count_per_month_in_jst(store: Store) -> None:
    with store.transaction() as tx:
        assert tx.next_reference("AK", NOW) == "AK-2612-0001"
        assert tx.next_reference("AK", NOW) == "AK-2612-0002"
        # 2026-12-31 16:00 UTC is already January in Tokyo
        assert tx.next_reference("AK", datetime(2026, 12, 31, 16, tzinfo=timezone.utc)) == "AK-2701-0001"
        assert tx.next_reference("ST", NOW) == "ST-2612-0001"
        with pytest.raises(ValueError):
            tx.next_reference("AK", datetime(2026, 12, 1))
    with store.transaction() as tx:
        assert tx.next_reference("AK", NOW) == "AK-2612-0003"


def test_references_are_never_reused_after_archive_and_purge(store: Store) -> None:
    with store.transaction() as tx:
        ref = tx.next_reference("AK", NOW)
        tx.save_thread(thread(ref, state="cancelled"))
    later = NOW + timedelta(days=400)
    with store.transaction() as tx:
        assert tx.archive_closed(later, 30) == 1
        assert tx.purge_archive(later, 30) == 1
    with store.transaction() as tx:
        assert tx.threads() == [] and tx.archived_threads() == []
        assert tx.next_reference("AK", NOW) == "AK-2612-0002"


# ---------------------------------------------------------------- outbox and handled


def test_outbox_lifecycle(store: Store) -> None:
    raw = "Subject: =?utf-8?b?5LqI57SE?=\r\n\r\n本文".encode()
    with store.transaction() as tx:
        first = tx.add_outbox({"message_id": "<o1@bot>", "thread_ref": "A", "status": "held",
                               "created_at": NOW.isoformat(), "raw": raw})
        second = tx.add_outbox({"id": "custom-1", "thread_ref": "A", "status": "pending", "raw": b"2"})
        assert tx.outbox_raw(first["id"]) == raw  # readable before commit
        with pytest.raises(TypeError):
            tx.add_outbox({"thread_ref": "A", "status": "pending", "raw": "text"})
        with pytest.raises(ValueError):
            tx.add_outbox({"id": "../evil", "thread_ref": "A", "status": "pending", "raw": b""})
    assert first["id"] == "OB000001" and "raw" not in first and second["id"] == "custom-1"
    with store.transaction() as tx:
        assert [o["id"] for o in tx.outbox("held")] == ["OB000001"]
        updated = tx.update_outbox("OB000001", status="sent", sent_at=NOW.isoformat())
        assert updated["message_id"] == "<o1@bot>" and updated["status"] == "sent"
        with pytest.raises(KeyError):
            tx.update_outbox("OB999999", status="sent")
        with pytest.raises(ValueError):
            tx.update_outbox("OB000001", raw=b"other")
    with store.snapshot() as snap:
        assert snap.get_outbox("OB000001")["sent_at"] == NOW.isoformat()
        assert snap.outbox_raw("OB000001") == raw
        assert [o["id"] for o in snap.outbox()] == ["OB000001", "custom-1"]


def test_handled_and_mailbox_state(store: Store) -> None:
    with store.transaction() as tx:
        assert not tx.is_handled("INBOX:42:7")
        tx.mark_handled("INBOX:42:7", {"ref": "AK-2612-0001"}, at=NOW)
        tx.mark_handled("<m@x>", {"ref": "AK-2612-0001"})
        assert tx.mailbox_state("INBOX") is None
        tx.set_mailbox_state("INBOX", 42, 7)
    with store.snapshot() as snap:
        assert snap.is_handled("INBOX:42:7") and snap.is_handled("<m@x>")
        assert snap.handled_info("INBOX:42:7") == {"ref": "AK-2612-0001"}
        assert snap.handled_info("INBOX:42:8") is None
        assert snap.mailbox_state("INBOX") == {"uidvalidity": 42, "last_uid": 7}


# ---------------------------------------------------------------- archive


def test_archive_moves_old_closed_threads_with_their_outbox(store: Store) -> None:
    old = NOW - timedelta(days=10)
    with store.transaction() as tx:
        tx.save_thread(thread("DONE", state="done", updated=old))
        tx.save_thread(thread("RECENT", state="cancelled", updated=NOW - timedelta(days=1)))
        tx.save_thread(thread("OPEN", state="confirmed", updated=old))
        tx.save_thread(thread("UNSENT", state="cancelled", updated=old))
        tx.add_outbox({"thread_ref": "DONE", "status": "sent", "raw": b"d"})
        tx.add_outbox({"thread_ref": "UNSENT", "status": "pending", "raw": b"u"})
    with store.transaction() as tx:
        assert tx.archive_closed(NOW, 7) == 1
    with store.snapshot() as snap:
        assert sorted(t["ref"] for t in snap.threads()) == ["OPEN", "RECENT", "UNSENT"]
        assert [t["ref"] for t in snap.archived_threads()] == ["DONE"]
        assert [o["thread_ref"] for o in snap.outbox()] == ["UNSENT"]
        assert snap.outbox_raw("OB000001") == b"d"  # archived items keep their message
        assert [o["id"] for o in snap.archived_outbox()] == ["OB000001"]


def test_a_crash_between_archive_and_live_write_leaves_no_trace(store: Store) -> None:
    old = NOW - timedelta(days=10)
    with store.transaction() as tx:
        tx.save_thread(thread("DONE", state="done", updated=old))
        tx.add_outbox({"thread_ref": "DONE", "status": "sent", "raw": b"d"})
    journal = store.state_dir / "mailbot.journal"
    before = journal.stat().st_size
    with store.transaction() as tx:
        tx.archive_closed(NOW, 7)
    os.truncate(journal, before)  # as if killed after the archive write, before the record
    with store.snapshot() as snap:  # the archive holds entries of a transaction that never was
        assert [t["ref"] for t in snap.threads()] == ["DONE"]
        assert snap.archived_threads() == [] and snap.archived_outbox() == []
    with store.transaction() as tx:
        assert tx.archived_threads() == []
        tx.save_thread(thread("DONE", state="done", updated=old, note="redo"))
        assert tx.archive_closed(NOW, 7) == 1
    with store.snapshot() as snap:
        assert snap.threads() == [] and snap.outbox() == []
        assert [t.get("note") for t in snap.archived_threads()] == ["redo"]
        assert [o["id"] for o in snap.archived_outbox()] == ["OB000001"]


def test_purge_deletes_old_archive_entries_and_files(store: Store) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("OLD", state="expired", updated=NOW - timedelta(days=400)))
        tx.save_thread(thread("NEWER", state="done", updated=NOW - timedelta(days=100)))
        tx.add_outbox({"thread_ref": "OLD", "status": "sent", "raw": b"o"})
        tx.add_outbox({"thread_ref": "NEWER", "status": "sent", "raw": b"n"})
        tx.mark_handled("INBOX:1:1", {}, at=NOW - timedelta(days=400))
        tx.mark_handled("INBOX:1:2", {}, at=NOW)
        tx.mark_handled("INBOX:1:3", {})
    orphan = store.state_dir / "outbox" / "OB000099.eml"  # left by a crash before the JSON write
    orphan.write_bytes(b"?")
    with store.transaction() as tx:
        assert tx.archive_closed(NOW, 30) == 2
        assert tx.purge_archive(NOW, 365) == 1
        assert [t["ref"] for t in tx.archived_threads()] == ["NEWER"]
        assert not tx.is_handled("INBOX:1:1")
        assert tx.forget_handled(NOW + timedelta(days=2), 1) == 1
        assert not tx.is_handled("INBOX:1:2") and tx.is_handled("INBOX:1:3")  # no 'at': kept
    names = sorted(p.name for p in (store.state_dir / "outbox").iterdir())
    assert names == ["OB000002.eml"]


def test_stale_temp_files_are_removed(store: Store) -> None:
    leftover = store.state_dir / ".mailbot.json.dead.tmp"
    leftover.write_bytes(b"{half")
    with store.transaction():
        pass
    assert not leftover.exists()


# ---------------------------------------------------------------- processes


def _increment(state_dir: str, times: int) -> None:
    st = Store(state_dir)
    for _ in range(times):
        with st.transaction() as tx:
            doc = tx.get_thread("COUNTER") or thread("COUNTER", count=0)
            doc["count"] += 1
            tx.save_thread(doc)
            tx.next_reference("AK", NOW)


def test_concurrent_writers_lose_nothing(store: Store) -> None:
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_increment, args=(str(store.state_dir), 50)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    with store.transaction() as tx:
        assert tx.get_thread("COUNTER")["count"] == 100
        assert tx.next_reference("AK", NOW) == "AK-2612-0101"


def _hold_daemon_lock(state_dir: str, ready, done) -> None:
    with DaemonLock(state_dir):
        ready.set()
        done.wait(20)


def test_second_daemon_is_refused_while_staff_can_still_work(tmp_path: Path) -> None:
    state = tmp_path / "state"
    ctx = multiprocessing.get_context("spawn")
    ready, done = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_daemon_lock, args=(str(state), ready, done))
    holder.start()
    try:
        assert ready.wait(20)
        with pytest.raises(AlreadyRunning, match=rf"another mailbot daemon \(pid {holder.pid}\)"):
            DaemonLock(state).acquire()
        with Store(state).transaction() as tx:  # staff commands are not blocked
            tx.save_thread(thread("A"))
    finally:
        done.set()
        holder.join(20)
    with DaemonLock(state) as lock:  # released when the holder exited
        assert (state / "daemon.lock").read_text().strip() == str(os.getpid())
    assert lock._fd is None


def test_daemon_lock_dies_with_its_process(tmp_path: Path) -> None:
    state = tmp_path / "state"
    ctx = multiprocessing.get_context("spawn")
    ready, done = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_daemon_lock, args=(str(state), ready, done))
    holder.start()
    assert ready.wait(20)
    holder.kill()
    holder.join(20)
    with DaemonLock(state):
        pass


def test_a_long_holder_makes_others_wait_then_give_up(store: Store) -> None:
    inside, leave = threading.Event(), threading.Event()

    def hold() -> None:
        with store.transaction():
            inside.set()
            leave.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert inside.wait(10)
        with pytest.raises(StoreBusy, match="held by another transaction"):
            with Store(store.state_dir, lock_timeout=0.2).snapshot():
                pass
    finally:
        leave.set()
        holder.join(10)
    with Store(store.state_dir, lock_timeout=0.2).snapshot():
        pass


# ---------------------------------------------------------------- journal, snapshot, cache


def test_a_torn_last_record_is_ignored_then_cut_by_the_next_writer(store: Store) -> None:
    with store.transaction() as tx:
        tx.save_thread(thread("A"))
    journal = store.state_dir / "mailbot.journal"
    good = journal.stat().st_size
    record = journal_mod.encode({"seq": 2, "ops": [["threads", "B", thread("B")]]})
    for torn in (record[:7], record[:-3], record[:12] + b"\0" * (len(record) - 12), b"\0" * 4096):
        with open(journal, "ab") as f:   # a crash in the middle of an append
            f.write(torn)
        with Store(store.state_dir).snapshot() as snap:
            assert [t["ref"] for t in snap.threads()] == ["A"]
        with Store(store.state_dir).transaction() as tx:
            assert tx.get_thread("B") is None
        assert journal.stat().st_size == good          # cut before anything is appended
    with store.transaction() as tx:
        tx.save_thread(thread("C"))
    with Store(store.state_dir).snapshot() as snap:
        assert [t["ref"] for t in snap.threads()] == ["A", "C"]


def test_a_damaged_record_before_good_ones_is_an_error_not_a_loss(store: Store) -> None:
    for ref in ("A", "B", "C"):
        with store.transaction() as tx:
            tx.save_thread(thread(ref))
    journal = store.state_dir / "mailbot.journal"
    data = bytearray(journal.read_bytes())
    data[20] ^= 0xFF                                    # inside the first record
    journal.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged at byte 0"):
        with Store(store.state_dir).snapshot():
            pass


def test_state_files_that_do_not_fit_together_are_refused(store: Store) -> None:
    for ref in ("A", "B"):
        with store.transaction() as tx:
            tx.save_thread(thread(ref))
    snapshot = store.state_dir / "mailbot.json"
    saved = snapshot.read_bytes()
    snapshot.unlink()
    with pytest.raises(StoreError, match="mailbot.json is missing"):
        with Store(store.state_dir).transaction():
            pass
    snapshot.write_bytes(saved)
    with Store(store.state_dir, compact_bytes=1).transaction() as tx:   # compacts: seq 3
        tx.save_thread(thread("C"))
    (store.state_dir / "mailbot.journal").write_bytes(
        journal_mod.encode({"seq": 9, "ops": [["threads", "X", thread("X")]]}))
    with pytest.raises(StoreError, match="does not follow"):
        with Store(store.state_dir).snapshot():
            pass


def test_compaction_rewrites_the_snapshot_and_a_crash_in_it_loses_nothing(tmp_path: Path) -> None:
    state = tmp_path / "state"
    small = Store(state, compact_bytes=2000)
    for n in range(30):
        with small.transaction() as tx:
            tx.save_thread(thread(f"T{n:02d}", text="相談" * 40))
    journal, snapshot = state / "mailbot.journal", state / "mailbot.json"
    assert journal.stat().st_size <= max(2000, snapshot.stat().st_size) + 600
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    assert data["_store"]["1"]["format"] == 2 and data["_store"]["1"]["seq"] > 0
    assert len(data["threads"]) > 0                     # a TinyDB file: {"table": {"1": doc}}
    # a crash after the new snapshot, before the journal was emptied: its records are skipped
    before = journal.read_bytes()
    with small.transaction() as tx:
        tx.save_thread(thread("LAST"))
    small._compact(small._cache)
    journal.write_bytes(before + journal_mod.encode(
        {"seq": data["_store"]["1"]["seq"] + 1, "ops": [["threads", "T00", None]]}))
    with Store(state).snapshot() as snap:
        refs = [t["ref"] for t in snap.threads()]
    assert refs == [f"T{n:02d}" for n in range(30)] + ["LAST"]


def test_other_processes_commits_are_seen(tmp_path: Path) -> None:
    state = tmp_path / "state"
    daemon, staff = Store(state, compact_bytes=1500), Store(state)
    with daemon.transaction() as tx:
        tx.save_thread(thread("A", message_ids=["<a@x>"]))
    with staff.transaction() as tx:                     # appends to the journal
        tx.save_thread(thread("B", message_ids=["<b@x>"]))
    with daemon.snapshot() as snap:
        assert snap.find_thread_by_message_id("<b@x>")["ref"] == "B"
    for n in range(10):                                 # the daemon compacts meanwhile
        with daemon.transaction() as tx:
            tx.save_thread(thread(f"D{n}", text="x" * 300))
    with staff.transaction() as tx:
        assert tx.get_thread("D9") is not None
        tx.save_thread(thread("A", state="confirmed", message_ids=["<a@x>"]))
    with daemon.snapshot() as snap:
        assert snap.find_thread_by_message_id("a@x")["state"] == "confirmed"


def test_a_whole_file_store_is_migrated_on_first_open(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir(mode=0o700)
    old = {
        "threads": {"1": thread("AK-2611-0001", message_ids=["<in@x>"], from_addr="a@x", holds=["s1"]),
                    "2": thread("AK-2611-0002", state="no_show", from_addr="b@x")},
        "outbox": {"1": {"id": "OB000001", "thread_ref": "AK-2611-0001", "status": "pending"}},
        "handled": {"1": {"key": "INBOX:1:5", "at": NOW.isoformat(), "info": {"ref": "AK-2611-0001"}}},
        "meta": {"1": {"key": "refseq:AK-2611", "value": 2}, "2": {"key": "outbox_seq", "value": 1},
                 "3": {"key": "commit_gen", "value": 1}},
    }
    archive = {"threads": {"1": {**thread("AK-2610-0009", state="no_show", from_addr="b@x"), "_archive_gen": 1},
                           "2": {**thread("AK-2610-0010", state="no_show", from_addr="b@x"), "_archive_gen": 2}},
               "outbox": {}}
    (state / "mailbot.json").write_text(json.dumps(old), encoding="utf-8")
    (state / "archive.json").write_text(json.dumps(archive), encoding="utf-8")
    with Store(state).snapshot() as snap:               # readers can read it before it migrates
        assert snap.get_thread("AK-2611-0001")["holds"] == ["s1"]
    assert "_store" not in json.loads((state / "mailbot.json").read_text(encoding="utf-8"))
    with Store(state).transaction() as tx:
        assert tx.find_thread_by_message_id("in@x")["ref"] == "AK-2611-0001"
        assert tx.taken_seats() == {"s1": 1} and tx.is_handled("INBOX:1:5")
        assert tx.no_shows("b@x") == 2                  # 1 live + 1 archived (gen 2 never committed)
        assert tx.next_reference("AK", datetime(2026, 11, 20, tzinfo=JST)) == "AK-2611-0003"
        assert tx.outbox("pending")[0]["id"] == "OB000001"
    assert json.loads((state / "mailbot.json").read_text(encoding="utf-8"))["_store"]["1"]["format"] == 2
    with Store(state).snapshot() as snap:
        assert snap.no_shows("b@x") == 2 and len(snap.threads()) == 2


def test_stale_temp_files_in_the_outbox_are_removed_on_open(store: Store) -> None:
    with store.transaction() as tx:
        tx.add_outbox({"thread_ref": "A", "status": "pending", "raw": b"x"})
    leftover = store.state_dir / "outbox" / ".OB000002.eml.dead.tmp"
    leftover.write_bytes(b"half")
    with Store(store.state_dir).transaction():
        pass
    assert not leftover.exists()


def test_a_store_first_read_then_written_has_its_snapshot(tmp_path: Path) -> None:
    """The daemon's first look at a new state/ is a snapshot; its first write must still lay
    down mailbot.json, or the next process would refuse the journal alone."""
    state = tmp_path / "state"
    store = Store(state)
    with store.snapshot() as snap:
        assert snap.threads() == []
    with store.transaction() as tx:
        tx.save_thread(thread("A"))
    assert (state / "mailbot.json").exists()
    with Store(state).snapshot() as snap:
        assert [t["ref"] for t in snap.threads()] == ["A"]
