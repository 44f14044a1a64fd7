"""How long new mail waits while the SMTP server hangs (figures only).

The issue measured ~3 x timeout per waiting mail (18.5 s with a 2 s timeout). This runs the
real daemon (`mailbot run`) against the sandbox, with N mails to a recipient whose RCPT TO the
SMTP server never answers, then delivers one ordinary booking and reports how long it took to
be answered, for a few cycle deadlines ([smtp] cycle_deadline_seconds). Run:
    PYTHONPATH=. .venv/bin/python bench/smtp_stall.py
"""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mailbot.sandbox import MailSandbox

REPO = Path(__file__).resolve().parents[1]
OFFICE = "office@akita-hw.example.jp"
NOW = "2026-12-01T09:00+09:00"
WAITING = 3
TIMEOUT_S = 2


def booking(sender: str, message_id: str) -> bytes:
    return (f"From: {sender}\r\nTo: {OFFICE}\r\nSubject: =?UTF-8?B?5LqI57SE?=\r\n"
            f"Message-ID: {message_id}\r\nDate: Tue, 01 Dec 2026 08:30:00 +0900\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "オンライン職業相談を予約したいです。\r\n氏名 秋田太郎\r\n希望日時 12月3日 14時\r\n"
            "電話 090-1234-5678\r\n").encode()


def config(sb: MailSandbox, folder: Path) -> Path:
    terms = folder / "terms.txt"
    terms.write_text("規約\n", encoding="utf-8")
    path = folder / "mailbot.toml"
    path.write_text(f"""
[imap]
host = "{sb.host}"
port = {sb.imap_port}
security = "none"
username = "{OFFICE}"
password = "{sb.users[OFFICE]}"
[smtp]
host = "{sb.host}"
port = {sb.smtp_port}
security = "none"
from_address = "{OFFICE}"
timeout_seconds = {TIMEOUT_S}
[paths]
rules = "{REPO / 'rules'}"
templates = "{REPO / 'templates'}"
terms = "{terms}"
state = "{folder / 'state'}"
""", encoding="utf-8")
    return path


def answered(sb: MailSandbox, rcpt: str) -> bool:
    return any(rcpt in a.rcpt_tos for a in sb.accepted)


def measure(deadline: float) -> float:
    users = {OFFICE: "pw"}
    with MailSandbox(users) as sb, tempfile.TemporaryDirectory() as tmp:
        path = config(sb, Path(tmp))
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
        env["MAILBOT_SMTP__CYCLE_DEADLINE_SECONDS"] = str(deadline)
        log = open(Path(tmp) / "daemon.log", "wb")
        proc = subprocess.Popen([sys.executable, "-m", "mailbot.cli", "--config", str(path), "run",
                                 "--now", NOW], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            time.sleep(1.5)
            for i in range(WAITING):
                hung = f"hung{i}@example.org"
                sb.smtp_faults[hung] = "hang"
                sb.deliver(OFFICE, booking(hung, f"<hung-{i}@example.org>"))
            while sum(sb.rcpt_attempts.values()) < 1:
                time.sleep(0.05)
            started = time.monotonic()
            sb.deliver(OFFICE, booking("fresh@example.org", "<fresh@example.org>"))
            while not answered(sb, "fresh@example.org"):
                if time.monotonic() - started > 120:
                    return float("inf")
                time.sleep(0.05)
            return time.monotonic() - started
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            log.close()


def main() -> None:
    print(f"new mail answered while the SMTP server hangs ({WAITING} mails waiting on it, "
          f"timeout_seconds={TIMEOUT_S}):")
    for deadline in (1, 2, 5):
        print(f"  cycle_deadline_seconds={deadline:<3} answered after {measure(deadline):5.2f} s", flush=True)


if __name__ == "__main__":
    main()
