"""How many store transactions per second at 100 / 1 000 / 5 000 live threads (figures only).

One "message" transaction is what the daemon does per inbound mail: find the thread by
Message-ID, save it, add an outbox item, mark the UID handled. Run:
    PYTHONPATH=. .venv/bin/python bench/store_speed.py
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from mailbot.store import Store

NOW = datetime(2026, 12, 1, 10, tzinfo=timezone(timedelta(hours=9)))


def sample_thread(n: int) -> dict:
    """About the size of a real record: contact, wanted times, a short history."""
    return {
        "ref": f"AK-2612-{n:04d}",
        "state": "offered",
        "created_at": NOW.isoformat(),
        "updated_at": NOW.isoformat(),
        "from_addr": f"seeker{n}@example.jp",
        "contact": {"name": "秋田 太郎", "email": f"seeker{n}@example.jp", "phone": "018-000-0000"},
        "message_ids": [f"<in-{n}@example.jp>", f"<out-{n}@mailbot.example>"],
        "holds": [f"2026-12-{1 + n % 28:02d}T10:00#1"],
        "offered": [f"2026-12-{1 + n % 28:02d}T{h}:00#1" for h in (10, 11, 13, 14, 15)],
        "history": [
            {"at": NOW.isoformat(), "event": "mail_received", "note": "予約希望 12月2日 午前"},
            {"at": NOW.isoformat(), "event": "offer_sent", "outbox": f"OB{n:06d}"},
        ],
    }


def seed(store: Store, count: int) -> None:
    with store.transaction() as tx:
        for n in range(count):
            tx.save_thread(sample_thread(n))


def rate(action, seconds: float = 1.5) -> tuple[float, int]:
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds or done < 3:
        action(done)
        done += 1
    return done / elapsed, done


def main() -> None:
    raw = ("Subject: test\r\n\r\n" + "本文\r\n" * 200).encode()
    print(f"{'live threads':>12} {'file KiB':>9} {'message tx/s':>13} {'snapshot/s':>11} {'empty tx/s':>11}")
    for count in (100, 1_000, 5_000):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "state")
            seed(store, count)

            def message_tx(i: int) -> None:
                with store.transaction() as tx:
                    thread = tx.find_thread_by_message_id(f"<out-{(i * 7919) % count}@mailbot.example>")
                    assert thread is not None
                    thread["state"] = "offered"
                    thread["updated_at"] = NOW.isoformat()
                    tx.save_thread(thread)
                    tx.add_outbox({"thread_ref": thread["ref"], "status": "pending", "raw": raw})
                    tx.mark_handled(f"INBOX:1:{i}", {"ref": thread["ref"]}, at=NOW)

            def snapshot(i: int) -> None:
                with store.snapshot() as snap:
                    snap.threads(["offered", "confirmed"])

            def empty_tx(i: int) -> None:
                with store.transaction() as tx:
                    tx.get_thread("AK-2612-0000")

            msg_rate, _ = rate(message_tx)
            size = (store.state_dir / "mailbot.json").stat().st_size / 1024
            snap_rate, _ = rate(snapshot)
            empty_rate, _ = rate(empty_tx)
            print(f"{count:>12,} {size:>9.0f} {msg_rate:>13.1f} {snap_rate:>11.1f} {empty_rate:>11.1f}")


if __name__ == "__main__":
    main()
