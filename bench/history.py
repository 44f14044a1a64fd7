"""Per-mail cost as the store grows: a year of an office, then new mail through the daemon.

Each store is built directly through the Store API (bench/seeding.py: records the engine made
from real mail, copied): 0 / 10 000 / 100 000 closed conversations (archived, as housekeeping
leaves them; one in 50 a no-show) and 1 000 / 10 000 open ones (half offered, half confirmed).
Then the daemon (Bot.cycle, the code `mailbot run` runs) reads K booking requests from new
senders in a real Dovecot, records, files and answers them; the figure is the cycle's time per
mail, after a warm-up cycle (the daemon's start: loading the store, the first timer pass and
housekeeping are not counted). Rounds alternate between the stores; medians.
Figures, not a test (targets: <= 1.2 x the empty store at 100 000 closed, <= 1.5 x at 10 000 open).

    PYTHONPATH=. .venv/bin/python bench/history.py [--mails K] [--rounds R] [--quick]
        (default K = 50, R = 3; --quick: no 100 000 / 10 000 stores, R = 2)
"""

from __future__ import annotations

import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.seeding import NOW, OFFICE, request, seed, templates  # noqa: E402
from mailbot.config import load_config  # noqa: E402
from mailbot.daemon import Bot, Clock  # noqa: E402
from mailbot.mail.imap import ImapMailbox  # noqa: E402
from mailbot.sandbox import MailSandbox  # noqa: E402
from mailbot.store import Store  # noqa: E402
from tests.conftest import TERMS, write_bot_config  # noqa: E402

SCENARIOS = [("empty", 0, 0), ("10 000 closed", 10_000, 0), ("100 000 closed", 100_000, 0),
             ("1 000 open", 0, 1_000), ("10 000 open", 0, 10_000)]
QUICK = {"empty", "10 000 closed", "1 000 open"}
WARM_UP = 5


def arg(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def per_mail(state: Path, terms: Path, tmp: Path, first: int, k: int) -> float:
    """Seconds per mail of a daemon cycle answering `k` new requests on `state`."""
    with MailSandbox(users={OFFICE: "pw"}) as sb:
        config = load_config(write_bot_config(tmp / "mailbot.toml", sb, OFFICE, state=state,
                                              terms=terms), {})
        bot = Bot.from_config(config, Clock(NOW))
        with ImapMailbox(config.imap) as mailbox:
            mailbox.ensure_folders()
            for i in range(first, first + WARM_UP):
                sb.deliver(OFFICE, request(i))
            bot.cycle(mailbox, once=True)          # start-up: store load, timers, housekeeping
            for i in range(first + WARM_UP, first + WARM_UP + k):
                sb.deliver(OFFICE, request(i))
            started = time.perf_counter()
            counts = bot.cycle(mailbox)
            while bot._more_due:
                counts["sent"] += bot.send_outbox(mailbox)
            took = time.perf_counter() - started
        assert counts["handled"] == k and len(sb.accepted) >= WARM_UP + k, (counts, len(sb.accepted))
    return took / k


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    logging.getLogger("mailbot").setLevel(logging.ERROR)   # each round's new Dovecot: new UIDVALIDITY
    k = arg(argv, "--mails", 50)
    rounds = arg(argv, "--rounds", 2 if quick else 3)
    scenarios = [s for s in SCENARIOS if not quick or s[0] in QUICK]
    offered, confirmed = templates(TERMS)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        terms = tmp / "terms.txt"
        terms.write_text(TERMS, encoding="utf-8")
        states = {}
        for name, closed, open_ in scenarios:
            started = time.perf_counter()
            states[name] = tmp / name.replace(" ", "_")
            seed(Store(states[name]), offered, confirmed, open_count=open_, closed_count=closed,
                 chunk=25_000)
            print(f"  seeded {name} in {time.perf_counter() - started:.0f} s", flush=True)
        times: dict[str, list[float]] = {name: [] for name, _, _ in scenarios}
        first = 0
        for _ in range(rounds):
            for name, _, _ in scenarios:
                times[name].append(per_mail(states[name], terms, tmp, first, k))
                first += WARM_UP + k
    base = statistics.median(times["empty"])
    print(f"history: per-mail cost of a daemon cycle answering {k} new requests, {rounds} alternating "
          f"rounds (median)")
    for name, _, _ in scenarios:
        cost = statistics.median(times[name])
        print(f"  {name:>15}  {cost * 1000:7.1f} ms/mail   {cost / base:5.2f} x empty")
    print("  targets: <= 1.2 x at 100 000 closed, <= 1.5 x at 10 000 open")


if __name__ == "__main__":
    main(sys.argv[1:])
