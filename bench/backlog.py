"""A weekend's backlog: N booking requests waiting in a real Dovecot, cleared by the bot, beside
a floor script that does the least any bot must (fetch, parse with mail-parser, one reply each
over the same SMTP server). Alternating runs, a fresh sandbox each; prints mails/s and the ratio.

    PYTHONPATH=. .venv/bin/python bench/backlog.py [N ...] [--rounds R] [--quick]
        (default N = 300 1000 2000, 2 rounds; --quick: N = 300, 1 round)

Figures, not a test: the target (issue 6) is bot / floor <= 1.5 at N = 2000. The bot is
`run --once` with the default [smtp] cycle deadline: its sending stops starting new mail at
80 % of the deadline and sends on at once, so the backlog is cleared in one run.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib
import mailparser
from imapclient import IMAPClient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mailbot.config import load_config  # noqa: E402
from mailbot.daemon import Bot, Clock  # noqa: E402
from mailbot.sandbox import MailSandbox  # noqa: E402
from tests.conftest import TERMS, write_bot_config  # noqa: E402

OFFICE = "office@akita-hw.example.jp"
NOW = datetime.fromisoformat("2026-12-01T09:00+09:00")


def request(i: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"seeker{i}@example.org"           # not a sandbox user: SMTP only records it
    msg["To"] = OFFICE
    msg["Subject"] = "オンライン職業相談の予約"
    msg["Date"] = "Mon, 30 Nov 2026 20:00:00 +0900"
    msg["Message-ID"] = f"<backlog-{i}@example.org>"
    msg.set_content(f"オンライン職業相談の予約をお願いします。\n氏名：秋田 太郎{i}\n電話：090-1234-{i % 10000:04d}\n"
                    f"希望日時：12月{4 + i % 20}日 14:00\n", charset="iso-2022-jp", cte="7bit")
    return msg.as_bytes()


def filled(n: int) -> MailSandbox:
    sb = MailSandbox(users={OFFICE: "pw"})
    sb.start()
    for i in range(n):
        sb.deliver(OFFICE, request(i))
    return sb


def bot_run(sb: MailSandbox, n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        terms = tmp / "terms.txt"
        terms.write_text(TERMS, encoding="utf-8")
        config = load_config(write_bot_config(tmp / "mailbot.toml", sb, OFFICE, state=tmp / "state",
                                              terms=terms), {})
        started = time.perf_counter()
        Bot.from_config(config, Clock(NOW)).run(once=True)
        took = time.perf_counter() - started
    assert len(sb.accepted) >= n, (len(sb.accepted), n)
    return took


def floor_run(sb: MailSandbox, n: int) -> float:
    started = time.perf_counter()
    client = IMAPClient(sb.host, port=sb.imap_port, ssl=False)
    client.login(OFFICE, "pw")
    client.select_folder("INBOX")
    uids = client.search("ALL")
    replies = []
    for chunk in range(0, len(uids), 200):
        data = client.fetch(uids[chunk:chunk + 200], ["BODY.PEEK[]"])
        for uid in data:
            parsed = mailparser.parse_from_bytes(data[uid][b"BODY[]"])
            reply = EmailMessage()
            reply["From"] = OFFICE
            reply["To"] = parsed.from_[0][1]
            reply["Subject"] = "Re: " + (parsed.subject or "")
            reply.set_content("受け付けました。\n", charset="utf-8")
            replies.append(reply)
    client.logout()

    async def send() -> None:
        smtp = aiosmtplib.SMTP(hostname=sb.host, port=sb.smtp_port, start_tls=False)
        await smtp.connect()
        for reply in replies:
            await smtp.send_message(reply)
        await smtp.quit()

    asyncio.run(send())
    took = time.perf_counter() - started
    assert len(sb.accepted) >= n
    return took


def measure(n: int, rounds: int) -> tuple[float, float]:
    """Median seconds of the floor and of the bot over `rounds` alternating rounds."""
    times: dict[str, list[float]] = {"floor": [], "bot": []}
    for _ in range(rounds):
        for name, run in (("floor", floor_run), ("bot", bot_run)):
            sb = filled(n)
            try:
                times[name].append(run(sb, n))
            finally:
                sb.stop()
    return statistics.median(times["floor"]), statistics.median(times["bot"])


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    rounds = 1 if quick else 2
    if "--rounds" in argv:
        rounds = int(argv[argv.index("--rounds") + 1])
    sizes = [int(a) for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--rounds")]
    sizes = sizes or ([300] if quick else [300, 1000, 2000])
    print(f"backlog: N requests in a real Dovecot; floor (fetch, mail-parser, one reply each) vs "
          f"`mailbot run --once`; {rounds} alternating round(s), median")
    print(f"  {'N':>6} {'floor mails/s':>14} {'bot mails/s':>12} {'bot / floor':>12}")
    for n in sizes:
        floor, bot = measure(n, rounds)
        print(f"  {n:>6} {n / floor:>14.1f} {n / bot:>12.1f} {bot / floor:>12.2f}", flush=True)
    print("  target: bot / floor <= 1.5 at N = 2000")


if __name__ == "__main__":
    main(sys.argv[1:])
