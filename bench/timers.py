"""The timer pass with many open conversations, and how long a staff command waits meanwhile.

A store with N open conversations (default 10 000; half offered, half confirmed, 1 % of the
offers lapsing at each pass) is built through the Store API (bench/seeding.py). Then:
  1. the first timer pass, which builds the timer index (every conversation's next instant:
     what happens once after an upgrade or an edit of the rules), at NOW;
  2. a steady pass an hour later (the index in place: only the due conversations are read);
  3. `mailbot bookings` (a staff command, its own process, listing the open conversations)
     started during each pass: its wall time against the same command on an idle store;
  4. the same command run again and again while `mailbot run --once` clears a backlog of B
     requests (default 300) in a real Dovecot on the same state/.
Figures, not a test (targets: a pass <= 1 s at 10 000 open; staff commands answer within 1 s
during a backlog).

    PYTHONPATH=. .venv/bin/python bench/timers.py [--open N] [--backlog B] [--quick]
        (--quick: N = 2000, B = 100)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

import filelock

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.backlog import filled  # noqa: E402
from bench.seeding import NOW, OFFICE, composer_and_rules, seed, templates  # noqa: E402
from mailbot import engine  # noqa: E402
from mailbot.store import Store  # noqa: E402
from tests.conftest import TERMS, write_bot_config  # noqa: E402

ENV = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}


def arg(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def staff_command(config: Path) -> float:
    """Wall seconds of one `mailbot bookings` process (start-up included)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mailbot.cli", "--config", str(config), "bookings"],
                   cwd=REPO, env=ENV, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def during(config: Path, action, delay: float = 0.3) -> tuple[float, float]:
    """(seconds of `action`, seconds of a staff command started `delay` s into it)."""
    took: list[float] = []
    timer = threading.Timer(delay, lambda: took.append(staff_command(config)))
    started = time.perf_counter()
    timer.start()
    action()
    spent = time.perf_counter() - started
    timer.join()
    return spent, took[0]


class LockProbe:
    """How long a newcomer waits for the store's lock: acquire and release it every 20 ms (in
    a thread of this process, so the command's start-up is not counted)."""

    def __init__(self, state: Path) -> None:
        self.lock = filelock.FileLock(state / "mailbot.lock", timeout=120)
        self.waits: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            with self.lock:
                self.waits.append(time.perf_counter() - started)
            time.sleep(0.02)

    def __enter__(self) -> "LockProbe":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> str:
        if not self.waits:
            return "no probe"
        waits = sorted(self.waits)
        p95 = waits[min(len(waits) - 1, int(0.95 * len(waits)))]
        return f"lock wait p95 {p95 * 1000:.0f} ms, max {waits[-1] * 1000:.0f} ms"


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    n_open = arg(argv, "--open", 2000 if quick else 10_000)
    backlog = arg(argv, "--backlog", 100 if quick else 300)
    offered, confirmed = templates(TERMS)
    sb = filled(backlog)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            composer, rules = composer_and_rules(tmp, TERMS)
            state = tmp / "state"
            config = write_bot_config(tmp / "mailbot.toml", sb, OFFICE, state=state, terms=tmp / "terms.txt")
            store = Store(state)
            started = time.perf_counter()
            seed(store, offered, confirmed, open_count=n_open, closed_count=0, due_share=0.01)
            print(f"timers: {n_open} open conversations (seeded in {time.perf_counter() - started:.0f} s), "
                  f"1 % of the offers lapsing at each pass")
            idle = statistics.median(staff_command(config) for _ in range(3))

            def timer_pass(now):
                def run() -> None:
                    with store.transaction() as tx:
                        counts.append(engine.run_timers(tx, rules=rules, now=now, composer=composer))
                return run

            counts: list[int] = []
            with LockProbe(state) as probe_first:
                first, cmd_first = during(config, timer_pass(NOW))
            with LockProbe(state) as probe_steady:
                steady, cmd_steady = during(config, timer_pass(NOW + timedelta(hours=1)), delay=0.0)
            print(f"  first pass (builds the timer index) {first:7.2f} s, {counts[0]} changed; "
                  f"{probe_first.summary()}")
            print(f"  steady pass (index in place)        {steady:7.2f} s, {counts[1]} changed; "
                  f"{probe_steady.summary()}   (target <= 1 s at 10 000 open)")
            print(f"  `mailbot bookings`: idle {idle:.2f} s; started during the first pass "
                  f"{cmd_first:.2f} s, during the steady pass {cmd_steady:.2f} s")

            # A backlog on the same state/: the daemon as its own process, staff commands beside it.
            daemon = subprocess.Popen([sys.executable, "-m", "mailbot.cli", "--config", str(config), "run",
                                       "--once", "--now", (NOW + timedelta(hours=1)).isoformat()],
                                      cwd=REPO, env=ENV, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            times = []
            started = time.perf_counter()
            with LockProbe(state) as probe:
                while daemon.poll() is None:
                    times.append(staff_command(config))
            cleared = time.perf_counter() - started
            if daemon.returncode:
                print(f"  backlog run failed (exit {daemon.returncode})")
            times.sort()
            print(f"  during a backlog of {backlog} requests ({cleared:.1f} s): {len(times)} staff commands, "
                  f"median {statistics.median(times):.2f} s, max {times[-1]:.2f} s "
                  f"(idle {idle:.2f} s; target: answered within 1 s); {probe.summary()}" if times else
                  "  the backlog was cleared before a staff command ran")
    finally:
        sb.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
