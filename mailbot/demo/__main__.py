"""`make demo`: three seekers book through real Dovecot + SMTP on loopback, start to finish.

It starts the same sandbox the tests use, puts the sample mails from `mailbot/demo/mails/` into
the office inbox, runs the real `mailbot run --once` command with a fixed clock, plays the
seekers' replies (as their mail clients would write them: Re:, In-Reply-To, the whole previous
mail quoted) and prints every mail as the seekers and staff see it. Then the booking site:
`mailbot web` on a free port, a fourth seeker booking through it step by step, the link mail,
the confirmation, and the site's address for a person to try (the mail it sends is printed
here). Ctrl-C cleans up.
"""

from __future__ import annotations

import atexit
import email
import email.policy
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime
from pathlib import Path

from mailbot.demo import site as site_demo
from mailbot.sandbox import MailSandbox, free_port

REPO = Path(__file__).resolve().parents[2]
MAILS = Path(__file__).resolve().parent / "mails"
OFFICE = "online-soudan@akita-hw.example.jp"
SEEKERS = {
    "kenta.sato@demo.example.jp": "sato-pw",
    "misaki.takahashi@demo.example.jp": "takahashi-pw",
    "d-suzuki@demo.example.jp": "suzuki-pw",
}
SITE_SEEKER = "yui.ito@demo.example.jp"
CONFIG = """\
# Written by `make demo` for its sandbox; see mailbot.example.toml for the real thing.
[imap]
host = "{host}"
port = {imap_port}
security = "none"
username = "{office}"
password = "office-pw"
poll_seconds = 5

[smtp]
host = "{host}"
port = {smtp_port}
security = "none"
username = ""
password = ""
from_address = "{office}"

[paths]
rules = "{repo}/rules"
templates = "{repo}/templates"
terms = "{repo}/templates/terms-of-use.txt"
state = "{state}"
"""


def say(text: str = "") -> None:
    print(text, flush=True)


def heading(text: str) -> None:
    say()
    say(f"━━ {text} " + "━" * max(0, 60 - len(text) * 2))


def run_bot(config: Path, now: str) -> None:
    say(f"$ mailbot run --once --now {now}")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", "mailbot.cli", "--config", str(config), "run",
                           "--once", "--now", now], env=env, capture_output=True, text=True)
    for line in proc.stderr.splitlines():
        say("  " + line.split(" ", 3)[-1] if " INFO " in line else "  " + line)
    if proc.returncode != 0:
        raise SystemExit(f"mailbot run failed with exit status {proc.returncode}")


def show(msg: EmailMessage, lines: int = 18) -> None:
    say(f"  {msg['From']}  →  {msg['To']}")
    say(f"  件名: {msg['Subject']}")
    body = msg.get_body(("plain",))
    text = body.get_content() if body is not None else ""
    for line in text.strip().splitlines()[:lines]:
        say("  │ " + line)
    for part in msg.iter_attachments():
        say(f"  📎 {part.get_filename()} ({part.get_content_type()})")
    say()


def inbox(sb: MailSandbox, user: str, seen: set[bytes]) -> list[EmailMessage]:
    """New mail in a user's INBOX, as their mail client would fetch it."""
    client = sb.imap(user)
    try:
        client.select_folder("INBOX")
        uids = client.search("ALL")
        out = []
        for uid, data in client.fetch(uids, ["BODY.PEEK[]"]).items():
            raw = data[b"BODY[]"]
            if raw in seen:
                continue
            seen.add(raw)
            out.append(email.message_from_bytes(raw, policy=email.policy.default))
        return out
    finally:
        client.logout()


def reply(to_msg: EmailMessage, sender: str, text: str, when: str) -> bytes:
    """A seeker's reply as a mail client writes it: Re:, threading headers, the mail quoted."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = OFFICE
    msg["Subject"] = "Re: " + str(to_msg["Subject"])
    msg["Date"] = format_datetime(datetime.fromisoformat(when))
    msg["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    msg["In-Reply-To"] = to_msg["Message-ID"]
    msg["References"] = " ".join(filter(None, [str(to_msg.get("References", "")), to_msg["Message-ID"]]))
    quoted = to_msg.get_body(("plain",)).get_content()
    header = f"{format_datetime(datetime.fromisoformat(when))} {to_msg['From']}:"
    body = textwrap.dedent(text).strip() + "\n\n" + header + "\n" + "".join(
        f"> {line}\n" for line in quoted.splitlines())
    msg.set_content(body, charset="utf-8")
    return msg.as_bytes()


def main() -> None:
    with MailSandbox(users={OFFICE: "office-pw", **SEEKERS, SITE_SEEKER: "ito-pw"}) as sb, \
            tempfile.TemporaryDirectory(prefix="mailbot-demo-") as tmp:
        state = Path(tmp) / "state"
        config = Path(tmp) / "mailbot.toml"
        config.write_text(CONFIG.format(host=sb.host, imap_port=sb.imap_port, smtp_port=sb.smtp_port,
                                        office=OFFICE, repo=REPO, state=state), encoding="utf-8")
        seen: set[bytes] = set()
        latest: dict[str, EmailMessage] = {}

        heading("1. Three seekers write to the office (ISO-2022-JP, UTF-8, Shift_JIS)")
        for path in sorted(MAILS.glob("*.eml")):
            raw = path.read_bytes()
            sb.deliver(OFFICE, raw)
            show(email.message_from_bytes(raw, policy=email.policy.default), lines=8)

        def round_trip(now: str) -> None:
            run_bot(config, now)
            say()
            for seeker in SEEKERS:
                for msg in inbox(sb, seeker, seen):
                    latest[seeker] = msg
                    show(msg)

        heading("2. mailbot answers each at the contact address")
        round_trip("2026-12-01T09:00+09:00")

        def play(replies: dict[str, str], when: str) -> None:
            """Each seeker answers the last mail they got from the office."""
            for seeker, text in replies.items():
                if seeker in latest:
                    raw = reply(latest[seeker], seeker, text, when)
                    sb.deliver(OFFICE, raw)
                    show(email.message_from_bytes(raw, policy=email.policy.default), lines=3)

        heading("3. The seekers reply (their mail quotes ours in full)")
        play({
            "kenta.sato@demo.example.jp": "1番でお願いします。利用規約も確認しました。\n佐藤",
            "misaki.takahashi@demo.example.jp": "電話番号を書き忘れました。090-5521-3309 です。",
            "d-suzuki@demo.example.jp": "2番の日時でお願いいたします。\n鈴木",
        }, "2026-12-01T12:00+09:00")
        heading("4. mailbot confirms with date, time and session URL (or asks what is missing)")
        round_trip("2026-12-01T12:05+09:00")

        heading("5. Takahashi picks a slot; Suzuki cancels by mail")
        play({
            "misaki.takahashi@demo.example.jp": "1番でお願いします。",
            "d-suzuki@demo.example.jp": "都合が悪くなったため、キャンセルをお願いします。",
        }, "2026-12-02T08:30+09:00")
        round_trip("2026-12-02T08:35+09:00")

        env = dict(os.environ, PYTHONPATH=str(REPO))
        site_path(sb, config, env, seen)

        heading("9. What staff see (mail and site bookings alike)")
        say("$ mailbot bookings --all")
        subprocess.run([sys.executable, "-m", "mailbot.cli", "--config", str(config), "bookings",
                        "--all"], env=env, check=False)
        client = sb.imap(OFFICE)
        try:
            for folder in ("INBOX", "Processed", "NeedsStaff", "Sent"):
                client.select_folder(folder, readonly=True)
                say(f"  office mailbox {folder:<11} {len(client.search('ALL'))} messages")
        finally:
            client.logout()
        say()
        say("Where to look next:")
        say("  README.md                 how it works, configuration, staff commands")
        say("  rules/*.yaml              office hours, slots, holidays, policies (admins edit these)")
        say("  templates/*.j2            every mail the bot sends")
        say("  mailbot parse FILE.eml    what the bot reads from a mail (try ../shared/examples)")
        say("  make test                 the test suite, against real Dovecot and SMTP")
        try_it(sb, config, env)


SITE_NOW = "2026-12-02T09:00+09:00"


def site_path(sb: MailSandbox, config: Path, env: dict, seen: set[bytes]) -> None:
    """Sections 6-8: a seeker books on the site; the daemon sends the link and the confirmation."""
    global _site, _site_url
    port = free_port()
    _site_url = f"http://127.0.0.1:{port}"
    heading("6. The booking site: mailbot web")
    say(f"$ mailbot web --port {port} --now {SITE_NOW}")
    _site = site_demo.start_site(sys.executable, config, port, SITE_NOW, env)
    atexit.register(site_demo.stop, _site)            # whatever happens next, it stops with us
    say(f"  serving on {_site_url} (127.0.0.1 only: the office's reverse proxy publishes it)")
    say()
    say(f"  {SITE_SEEKER} picks a slot, fills in the form and agrees to the terms:")
    visitor, _ = site_demo.book(say, _site_url, SITE_SEEKER)

    heading("7. The daemon sends the link mail; the seeker opens it within the hour")
    run_bot(config, SITE_NOW)
    say()
    (link_mail,) = [m for m in inbox(sb, SITE_SEEKER, seen)]
    show(link_mail, lines=14)
    link = next(line.strip() for line in link_mail.get_body(("plain",)).get_content().splitlines()
                if "/l/" in line)
    site_demo.confirm(say, visitor, link)

    heading("8. The confirmation: date, time, session URL, .ics and the cancel page")
    run_bot(config, "2026-12-02T09:05+09:00")
    say()
    for msg in inbox(sb, SITE_SEEKER, seen):
        show(msg, lines=24)


def try_it(sb: MailSandbox, config: Path, env: dict) -> None:
    """Leave the site running for a person (interactive runs only); print what it sends."""
    try:
        say()
        say(f"Try the site yourself: {_site_url}/   (the clock stands at {SITE_NOW})")
        if not sys.stdin.isatty():
            say("  (run `make demo` in a terminal to keep it open; this run was not interactive)")
            return
        say("The mail it sends appears below (the daemon runs every few seconds). Ctrl-C stops.")
        shown = len(sb.accepted)
        while True:
            time.sleep(3)
            subprocess.run([sys.executable, "-m", "mailbot.cli", "--config", str(config), "run",
                            "--once", "--now", SITE_NOW], env=env, capture_output=True, check=False)
            for accepted in sb.accepted[shown:]:
                show(email.message_from_bytes(accepted.raw, policy=email.policy.default), lines=30)
            shown = len(sb.accepted)
    finally:
        if _site is not None:
            site_demo.stop(_site)


_site = None
_site_url = ""


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\ninterrupted; sandbox stopped and cleaned up", file=sys.stderr)
        sys.exit(130)
