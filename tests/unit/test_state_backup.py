"""Backups of state/, the refusal of a silent fresh start, and restore (issue 10, state loss)."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from mailbot import state_backup
from mailbot.store import DaemonLock, Store, StoreError

JST = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=JST)


def raw(ref: str) -> bytes:
    return f"X-Mailbot-Ref: {ref}\r\nSubject: x\r\n\r\nbody\r\n".encode()


def new_thread(store: Store) -> tuple[str, str]:
    with store.transaction() as tx:
        ref = tx.next_reference("AK", NOW)
        tx.save_thread({"ref": ref, "state": "offered", "updated_at": NOW.isoformat(),
                        "message_ids": [], "contact": {"email": f"{ref}@example.jp"}})
        item = tx.add_outbox({"thread_ref": ref, "status": "sent", "kind": "offer", "raw": raw(ref)})
    return ref, item["id"]


def test_a_fresh_folder_opens_and_is_marked_once_written(tmp_path):
    store = Store(tmp_path / "state")
    assert not (tmp_path / "state" / state_backup.MARKER).exists()
    assert state_backup.take(store.state_dir, 3) is None          # nothing to back up yet
    new_thread(store)
    assert (tmp_path / "state" / state_backup.MARKER).exists()


def test_backups_are_private_complete_and_rotated(tmp_path):
    store = Store(tmp_path / "state")
    new_thread(store)
    taken = [state_backup.take(store.state_dir, 2) for _ in range(3)]
    names = [b.name for b in state_backup.backups(store.state_dir)]
    assert names == [taken[1].name, taken[2].name]                   # the oldest went
    folder = taken[2].path
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert {"mailbot.json", "OB000001.eml"} <= {p.name for p in files}
    live_eml = store.state_dir / "outbox" / "OB000001.eml"
    assert os.stat(folder / "outbox" / "OB000001.eml").st_ino == os.stat(live_eml).st_ino   # linked


def test_a_lost_live_file_is_refused_naming_the_newest_backup(tmp_path):
    store = Store(tmp_path / "state")
    new_thread(store)
    backup = state_backup.take(store.state_dir, 3)
    (store.state_dir / "mailbot.json").unlink()
    with pytest.raises(StoreError) as refused:
        Store(tmp_path / "state")
    assert backup.name in str(refused.value) and "mailbot state restore" in str(refused.value)


def test_restore_continues_numbers_past_everything_handed_out(tmp_path):
    store = Store(tmp_path / "state")
    first, _ = new_thread(store)
    state_backup.take(store.state_dir, 3)
    second, second_item = new_thread(store)                          # after the backup
    (store.state_dir / "mailbot.json").unlink()                     # lost

    restored, moved = state_backup.restore(store.state_dir, "latest", 3)
    store = Store(tmp_path / "state")
    with store.snapshot() as tx:
        assert tx.get_thread(first) is not None and tx.get_thread(second) is None
    third, third_item = new_thread(store)
    assert third not in (first, second) and third.endswith("-0003")
    assert third_item != second_item                                 # OB000002.eml is not overwritten
    assert (store.state_dir / "outbox" / f"{second_item}.eml").read_bytes() == raw(second)
    assert moved == {"outbox_seq": 2, "refseq:AK-2612": 2}


def test_restore_keeps_what_was_there_and_is_refused_while_the_daemon_runs(tmp_path):
    store = Store(tmp_path / "state")
    new_thread(store)
    state_backup.take(store.state_dir, 3)
    new_thread(store)
    with DaemonLock(store.state_dir):
        with pytest.raises(StoreError, match="stop the daemon"):
            state_backup.restore(store.state_dir, "latest", 3)
    state_backup.restore(store.state_dir, "latest", 3)
    names = [b.name for b in state_backup.backups(store.state_dir)]
    assert any(n.endswith("before-restore") for n in names)


def test_an_unknown_backup_name_lists_what_there_is(tmp_path):
    store = Store(tmp_path / "state")
    new_thread(store)
    taken = state_backup.take(store.state_dir, 3)
    with pytest.raises(state_backup.NoSuchBackup, match=taken.name):
        state_backup.restore(store.state_dir, "20200101T000000Z", 3)
