"""SIGKILL a process that commits transactions in a loop: state/ must always load and add up.

Run twice: with the default compaction threshold (kills land in journal appends, leaving torn
records), and compacting after every transaction (kills land while the snapshot is rewritten
and the journal emptied)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mailbot.store import Store
from mailbot.store import journal as journal_mod

ROOT = Path(__file__).resolve().parents[2]

WORKER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timedelta, timezone
    from mailbot.store import Store

    now = datetime(2026, 12, 1, 10, tzinfo=timezone(timedelta(hours=9)))
    store = Store(sys.argv[1], compact_bytes=int(sys.argv[2]))
    print("ready", flush=True)
    while True:
        with store.transaction() as tx:
            counter = tx.get_thread("COUNTER") or {"ref": "COUNTER", "state": "staff", "n": 0,
                                                   "updated_at": now.isoformat()}
            counter["n"] += 1
            n = counter["n"]
            ref = tx.next_reference("AK", now)
            tx.save_thread({"ref": ref, "state": "done", "updated_at": (now - timedelta(days=9)).isoformat(),
                            "message_ids": [f"<{n}@bot>"], "text": "相談内容 " * 50})
            tx.save_thread(counter)
            tx.add_outbox({"thread_ref": ref, "status": "sent", "raw": f"Message {n}".encode() * 200})
            tx.mark_handled(f"INBOX:1:{n}", {"ref": ref})
            tx.set_mailbox_state("INBOX", 1, n)
            if n % 7 == 0:
                tx.archive_closed(now, 1)
    """
)


def check_consistent(state_dir: Path) -> int:
    """Everything one transaction records must be there together; returns the count."""
    with Store(state_dir).snapshot() as snap:
        counter = snap.get_thread("COUNTER")
        if counter is None:
            return 0
        n = counter["n"]
        refs = {t["ref"] for t in snap.threads() + snap.archived_threads()} - {"COUNTER"}
        ids = {o["id"] for o in snap.outbox() + snap.archived_outbox()}
        assert len(refs) == n, (len(refs), n)
        assert len(ids) == n, (len(ids), n)
        assert all(snap.is_handled(f"INBOX:1:{k}") for k in (1, n))
        assert not snap.is_handled(f"INBOX:1:{n + 1}")
        assert snap.mailbox_state("INBOX") == {"uidvalidity": 1, "last_uid": n}
        assert all(snap.outbox_raw(i) for i in ids)
    return n


def _torn(state_dir: Path) -> bool:
    """Whether the kill left a torn last record in the journal."""
    path = state_dir / "mailbot.journal"
    if not path.exists():
        return False
    data = path.read_bytes()
    return journal_mod.decode(data, path)[1] < len(data)


@pytest.mark.parametrize("compact_bytes", [4 << 20, 1], ids=["appends", "compacting"])
def test_sigkill_never_leaves_broken_state(tmp_path: Path, compact_bytes: int) -> None:
    state_dir = tmp_path / "state"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(20261201)
    committed = 0
    mid_write = torn = in_compaction = 0
    kills = 30
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", WORKER, str(state_dir), str(compact_bytes)],
                                env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.005, 0.08))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
        mid_write += any(state_dir.glob(".*.tmp")) or any(state_dir.glob("outbox/.*.tmp"))
        in_compaction += any(state_dir.glob(".mailbot.json.*.tmp")) or any(
            state_dir.glob(".mailbot.journal.*.tmp"))
        torn += _torn(state_dir)
        n = check_consistent(state_dir)
        assert n >= committed  # a committed transaction is never lost
        committed = n
    assert committed > kills, "the worker barely ran; the test proves little"
    print(f"\n{committed} transactions over {kills} kills, {mid_write} kills landed mid-write "
          f"({torn} left a torn journal record, {in_compaction} landed in a compaction)")


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-s"]))
