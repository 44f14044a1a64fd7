"""Exactly once, honestly: the real daemon is killed (SIGKILL) at random points while 20
seekers' requests are answered, again and again; in the end every seeker has exactly one
answer. Prints the kills, the lost mails and the duplicates.

A duplicate can only come from a kill in the few milliseconds between the SMTP server's 250 and
our durable "sent" mark (README, Guarantees); the figure printed is what this machine showed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

from tests.conftest import REPO
from tests.integration.mailflow import STAFF
from tests.integration.test_daemon import booking

KILLS = 50
SEEKERS = 20           # requests waiting when each killed run starts (new ones top it up)
NOW = "2026-12-01T09:00+09:00"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}


def _run(config_path, *, kill_after: float | None) -> bool:
    """One `mailbot run --once`; with `kill_after`, SIGKILL it then. True when it was killed."""
    proc = subprocess.Popen([sys.executable, "-m", "mailbot.cli", "--config", str(config_path),
                             "run", "--once", "--now", NOW], cwd=REPO, env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is None:
        assert proc.wait(timeout=120) == 0
        return False
    try:
        proc.wait(timeout=kill_after)
        return False                                 # finished before the kill
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        return True


def test_fifty_kills_lose_nothing_and_send_nothing_twice(mail_sandbox, office, bot_config_path):
    rng = random.Random(20261202)
    kills, waiting, people = 0, 0, []

    def top_up() -> None:
        nonlocal waiting
        while waiting < SEEKERS:
            person = f"k{len(people):04d}@example.org"
            people.append(person)
            mail_sandbox.deliver(office, booking(person, office, f"<kill-{len(people)}@example.org>"))
            waiting += 1

    # An undisturbed run first: how long start-up and the work for SEEKERS requests take here.
    top_up()
    started = time.monotonic()
    _run(bot_config_path, kill_after=None)
    span = time.monotonic() - started
    waiting = 0
    for _ in range(KILLS):
        top_up()
        killed = _run(bot_config_path, kill_after=rng.uniform(0.3 * span, span))
        kills += killed
        waiting = SEEKERS // 2 if killed else 0        # roughly what a killed run leaves
    _run(bot_config_path, kill_after=None)             # then let it finish

    answered = Counter(to.lower() for a in mail_sandbox.accepted for to in a.rcpt_tos if to.lower() != STAFF)
    lost = [p for p in people if answered[p] == 0]
    duplicated = {p: c for p, c in answered.items() if c > 1}
    print(f"\n{kills} kills over {len(people)} seekers: {len(lost)} lost, "
          f"{sum(c - 1 for c in duplicated.values())} duplicated")
    assert kills >= 40                                 # the kills really landed mid-run
    assert lost == []
    assert duplicated == {}
