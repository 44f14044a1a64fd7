"""Store transaction cost as the store grows, as a ratio to the empty store (figures only).

Issue 6 targets: per-mail cost <= 1.2x the empty store at 100 000 closed conversations, and
<= 1.5x at 10 000 open ones.

One "new sender" transaction is what the daemon does for a booking request from an address it
has not seen: look the Message-ID and the address up, count the address's no-shows (live and
archived), read the seats taken, take a reference, save the thread, add the reply to the
outbox (its bytes go to outbox/<id>.eml), mark the UID and the Message-ID handled. A "reply"
transaction finds an existing open thread by Message-ID and saves it with a new outbox item.
Each figure is the median of many transactions (fsync included); "compact" is one snapshot
rewrite, and "amortised" adds its share per transaction (record size / compaction threshold).
Run:
    PYTHONPATH=. .venv/bin/python bench/store_speed.py [--quick]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from mailbot.store import Store

NOW = datetime(2026, 12, 1, 10, tzinfo=timezone(timedelta(hours=9)))
OLD = NOW - timedelta(days=60)
RAW = ("Subject: test\r\n\r\n" + "本文\r\n" * 200).encode()


def sample_thread(n: int, state: str = "offered", updated: datetime = NOW) -> dict:
    """About the size of a real record: contact, wanted times, a short history."""
    return {
        "ref": f"AK-2612-{n:06d}",
        "state": state,
        "created_at": updated.isoformat(),
        "updated_at": updated.isoformat(),
        "from_addr": f"seeker{n}@example.jp",
        "contact": {"name": "秋田 太郎", "email": f"seeker{n}@example.jp", "phone": "018-000-0000"},
        "message_ids": [f"<in-{n}@example.jp>", f"<out-{n}@mailbot.example>"],
        "holds": [f"2026-12-{1 + n % 28:02d}T10:00#1"] if state not in ("done", "no_show") else [],
        "offered": [f"2026-12-{1 + n % 28:02d}T{h}:00#1" for h in (10, 11, 13, 14, 15)],
        "history": [
            {"at": updated.isoformat(), "event": "mail_received", "note": "予約希望 12月2日 午前"},
            {"at": updated.isoformat(), "event": "offer_sent", "outbox": f"OB{n:06d}"},
        ],
    }


def seed(store: Store, open_count: int, closed_count: int) -> None:
    chunk = 20_000
    for start in range(0, closed_count, chunk):
        with store.transaction() as tx:
            for n in range(start, min(start + chunk, closed_count)):
                tx.save_thread(sample_thread(1_000_000 + n, "no_show" if n % 50 == 0 else "done", OLD))
            tx.archive_closed(NOW, 30)
    with store.transaction() as tx:
        for n in range(open_count):
            tx.save_thread(sample_thread(n))
    store._compact(store._cache)           # start each scenario from a fresh snapshot


class Runner:
    def __init__(self, store: Store, open_count: int) -> None:
        self.store, self.open_count, self.i = store, open_count, 0

    def new_sender(self) -> None:
        self.i += 1
        addr = f"new{self.i}@example.org"
        with self.store.transaction() as tx:
            assert tx.find_thread_by_message_id(f"<req-{self.i}@example.org>") is None
            assert tx.find_threads_by_address(addr) == []
            tx.no_shows(addr)
            tx.taken_seats()
            ref = tx.next_reference("AK", NOW)
            tx.save_thread({**sample_thread(2_000_000 + self.i), "ref": ref, "from_addr": addr})
            tx.add_outbox({"thread_ref": ref, "status": "pending", "raw": RAW})
            tx.mark_handled(f"INBOX:1:{self.i}", {"ref": ref}, at=NOW)
            tx.mark_handled(f"<req-{self.i}@example.org>", {"ref": ref}, at=NOW)

    def reply(self) -> None:
        self.i += 1
        n = (self.i * 7919) % self.open_count
        with self.store.transaction() as tx:
            thread = tx.find_thread_by_message_id(f"<out-{n}@mailbot.example>")
            assert thread is not None
            thread["updated_at"] = NOW.isoformat()
            tx.save_thread(thread)
            tx.add_outbox({"thread_ref": thread["ref"], "status": "pending", "raw": RAW})
            tx.mark_handled(f"INBOX:1:{self.i}", {"ref": thread["ref"]}, at=NOW)


def median_ms(action, count: int) -> float:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(open_count: int, closed_count: int, count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "state")
        seed(store, open_count, closed_count)
        runner = Runner(store, open_count)
        journal = store.state_dir / "mailbot.journal"
        before = journal.stat().st_size
        new_ms = median_ms(runner.new_sender, count)
        record = (journal.stat().st_size - before) / count
        reply_ms = median_ms(runner.reply, count) if open_count else float("nan")
        start = time.perf_counter()
        with Store(store.state_dir).snapshot():     # a staff command: a new process, cold
            pass
        cold_ms = (time.perf_counter() - start) * 1000
        cache = store._cache
        start = time.perf_counter()
        store._compact(cache)
        compact_ms = (time.perf_counter() - start) * 1000
        threshold = max(store.compact_bytes, cache.snap_size)
        return {"new": new_ms, "reply": reply_ms, "cold": cold_ms, "compact": compact_ms,
                "amortised": new_ms + compact_ms * record / threshold,
                "snap_kib": cache.snap_size / 1024}


def main() -> None:
    quick = "--quick" in sys.argv
    count = 60 if quick else 200
    scenarios = [("empty", 0, 0), ("10 000 closed", 0, 10_000), ("100 000 closed", 0, 100_000),
                 ("1 000 open", 1_000, 0), ("10 000 open", 10_000, 0)]
    if quick:
        scenarios = scenarios[:2] + scenarios[3:4]
    print(f"{'store':>15} {'snapshot KiB':>12} {'new tx ms':>10} {'ratio':>6} {'amortised':>10} "
          f"{'ratio':>6} {'reply ms':>9} {'cold open ms':>12} {'compact ms':>10}")
    base = None
    for name, open_count, closed_count in scenarios:
        r = measure(open_count, closed_count, count)
        base = base or r
        print(f"{name:>15} {r['snap_kib']:>12.0f} {r['new']:>10.2f} {r['new'] / base['new']:>5.2f}x "
              f"{r['amortised']:>10.2f} {r['amortised'] / base['amortised']:>5.2f}x "
              f"{r['reply']:>9.2f} {r['cold']:>12.1f} {r['compact']:>10.1f}", flush=True)


if __name__ == "__main__":
    main()
