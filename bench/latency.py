"""Latency with IDLE: the daemon runs (real clock), a booking request is delivered into the real
Dovecot, and the time until the answer reaches the seeker's mailbox is measured; p50 / p95
over K requests, one at a time. Figures, not a test (target: p95 <= 1 s).

    PYTHONPATH=. .venv/bin/python bench/latency.py [K]      (default 20)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mailbot.sandbox import MailSandbox  # noqa: E402
from tests.conftest import TERMS, write_bot_config  # noqa: E402
from tests.integration.mailflow import write  # noqa: E402

OFFICE = "office@akita-hw.example.jp"


def in_mailbox(sb: MailSandbox, user: str) -> int:
    client = sb.imap(user)
    try:
        return len(client.select_folder("INBOX", readonly=True) and client.search("ALL"))
    finally:
        client.logout()


def main() -> None:
    k = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    seekers = {f"s{i}@example.jp": "pw" for i in range(k)}
    with MailSandbox(users={OFFICE: "pw", **seekers}) as sb, tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        terms = tmp / "terms.txt"
        terms.write_text(TERMS, encoding="utf-8")
        config = write_bot_config(tmp / "mailbot.toml", sb, OFFICE, state=tmp / "state", terms=terms)
        env = {k2: v for k2, v in os.environ.items() if not k2.startswith("MAILBOT_")}
        log = open(tmp / "daemon.log", "wb")
        proc = subprocess.Popen([sys.executable, "-m", "mailbot.cli", "--config", str(config), "-v", "run"],
                                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 30
            while b"waiting for new mail" not in (tmp / "daemon.log").read_bytes():
                assert proc.poll() is None and time.monotonic() < deadline, (tmp / "daemon.log").read_text()
                time.sleep(0.05)
            took = []
            for i, seeker in enumerate(seekers):
                now = datetime.now(ZoneInfo("Asia/Tokyo")).isoformat(timespec="seconds")
                raw = write(seeker, OFFICE, "相談の予約",
                            f"予約をお願いします。\n氏名：秋田 太郎\n電話：090-1234-{i:04d}\n希望：いつでも可\n",
                            when=now)
                started = time.monotonic()
                sb.deliver(OFFICE, raw)
                while in_mailbox(sb, seeker) == 0:
                    assert time.monotonic() - started < 30, (tmp / "daemon.log").read_text()[-3000:]
                    time.sleep(0.01)
                took.append(time.monotonic() - started)
                time.sleep(0.2)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    took.sort()
    p95 = took[min(len(took) - 1, int(round(0.95 * (len(took) - 1))))]
    print(f"latency with IDLE, {k} requests one at a time (delivery -> answer in the seeker's mailbox):")
    print(f"  p50 {statistics.median(took) * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms   max {took[-1] * 1000:7.0f} ms"
          "   (target p95 <= 1 s)")


if __name__ == "__main__":
    main()
