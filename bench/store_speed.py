"""Store transaction cost as the store grows, as a ratio to the empty store (figures only).

Issue 6 targets: per-mail cost <= 1.2x the empty store at 100 000 closed conversations, and
<= 1.5x at 10 000 open ones.

One "new sender" transaction is what the daemon does for a booking request from an address it
has not seen: look the Message-ID and the address up, count the address's no-shows (live and
archived), read the seats taken, take a reference, save the thread, add the reply to the
outbox (its bytes go to outbox/<id>.eml), mark the UID and the Message-ID handled. A "reply"
transaction finds an existing open thread by Message-ID and saves it with a new outbox item.
Each figure is the median of many transactions, in rounds that alternate between the stores
(wall time includes the fsyncs, which other load on the machine makes noisy; CPU time is the
part that could grow with the store). "compact ms" is one snapshot rewrite and "+compact" its
share per transaction (journal bytes per transaction / compaction threshold).
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


def timed(action) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call; the wall time includes the fsyncs."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def cold_and_compact(store: Store) -> tuple[float, float, float]:
    """A staff command's cold open (a new process loads snapshot + journal), one compaction,
    and the compaction's share per transaction (journal bytes per new-sender tx / threshold)."""
    start = time.perf_counter()
    with Store(store.state_dir).snapshot():
        pass
    cold = (time.perf_counter() - start) * 1000
    cache = store._cache
    start = time.perf_counter()
    store._compact(cache)
    compact = (time.perf_counter() - start) * 1000
    journal = store.state_dir / "mailbot.journal"
    before = journal.stat().st_size
    runner = Runner(store, 1)
    runner.i = 10_000_000
    for _ in range(20):
        runner.new_sender()
    record = (journal.stat().st_size - before) / 20
    return cold, compact, compact * record / max(store.compact_bytes, cache.snap_size)


def main() -> None:
    quick = "--quick" in sys.argv
    rounds, per_round = (4, 15) if quick else (12, 25)
    scenarios = [("empty", 0, 0), ("10 000 closed", 0, 10_000), ("100 000 closed", 0, 100_000),
                 ("1 000 open", 1_000, 0), ("10 000 open", 10_000, 0)]
    if quick:
        scenarios = scenarios[:2] + scenarios[3:4]
    with tempfile.TemporaryDirectory() as tmp:
        stores, runners = [], []
        for n, (name, open_count, closed_count) in enumerate(scenarios):
            start = time.perf_counter()
            store = Store(Path(tmp) / f"state{n}")
            seed(store, open_count, closed_count)
            stores.append(store)
            runners.append(Runner(store, open_count))
            print(f"seeded {name} in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
        # rounds alternate between the stores, so that a burst of disk load from elsewhere
        # on the machine falls on all of them alike
        new = [[] for _ in scenarios]
        reply = [[] for _ in scenarios]
        for _ in range(rounds):
            for k, runner in enumerate(runners):
                for _ in range(per_round):
                    new[k].append(timed(runner.new_sender))
                    if runner.open_count:
                        reply[k].append(timed(runner.reply))
        print(f"{'store':>15} {'snapshot KiB':>12} {'new tx ms':>10} {'ratio':>6} {'CPU ms':>7} "
              f"{'ratio':>6} {'+compact':>9} {'reply ms':>9} {'cold open ms':>12} {'compact ms':>10}")
        base_wall = base_cpu = None
        for k, (name, _, _) in enumerate(scenarios):
            wall = statistics.median(w for w, _ in new[k])
            cpu = statistics.median(c for _, c in new[k])
            base_wall, base_cpu = base_wall or wall, base_cpu or cpu
            rep = statistics.median(w for w, _ in reply[k]) if reply[k] else float("nan")
            cold, compact, share = cold_and_compact(stores[k])
            print(f"{name:>15} {stores[k]._cache.snap_size / 1024:>12.0f} {wall:>10.2f} "
                  f"{wall / base_wall:>5.2f}x {cpu:>7.2f} {cpu / base_cpu:>5.2f}x {share:>9.3f} "
                  f"{rep:>9.2f} {cold:>12.1f} {compact:>10.1f}", flush=True)


if __name__ == "__main__":
    main()
