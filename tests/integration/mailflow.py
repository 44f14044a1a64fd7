"""Helpers for conversation tests through the real daemon: write mails as seekers do, deliver
them into the sandbox's Dovecot, run one cycle at a fixed time, read what the office sent."""

from __future__ import annotations

import email
import email.policy
import itertools
import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from mailbot.daemon import Bot, Clock

STAFF = "online-soudan-staff@akita-hw.example.jp"
_ids = itertools.count(1)


def run_at(config, when: str) -> None:
    Bot.from_config(config, Clock(datetime.fromisoformat(when))).run(once=True)


def write(frm: str, to: str, subject: str, body: str, *, when: str = "2026-12-01T08:30+09:00",
          in_reply_to: str | None = None, references: tuple[str, ...] = (), charset: str = "utf-8",
          headers: dict | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = frm
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.fromisoformat(when))
    msg["Message-ID"] = f"<t{next(_ids)}.{abs(hash(body)) % 10**8}@example.jp>"
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = " ".join(references or (in_reply_to,))
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body, charset=charset)
    return msg.as_bytes()


def reply_to(original: EmailMessage, frm: str, office: str, text: str, *, when: str,
             quote: bool = True, headers: dict | None = None) -> bytes:
    """A reply to one of our mails, quoting it as Gmail does."""
    body = text
    if quote:
        quoted = "".join(f"> {line}\n" for line in original.get_body(("plain",)).get_content().splitlines())
        body += f"\n\n2026年12月1日(火) 9:00 {original['From']}:\n{quoted}"
    return write(frm, office, "Re: " + str(original["Subject"]), body, when=when,
                 in_reply_to=original["Message-ID"], headers=headers)


class Outbox:
    """What the office's SMTP server accepted, from a point on."""

    def __init__(self, sandbox):
        self.sandbox = sandbox
        self.seen = 0

    def new(self) -> list[tuple[str, str, EmailMessage]]:
        """(kind, recipient, message) of every mail accepted since the last call."""
        out = []
        for accepted in self.sandbox.accepted[self.seen:]:
            msg = email.message_from_bytes(accepted.raw, policy=email.policy.default)
            for rcpt in accepted.rcpt_tos:
                out.append((str(msg["X-Mailbot-Kind"]), rcpt.lower(), msg))
        self.seen = len(self.sandbox.accepted)
        return out


def _peek(self):
    """What `new()` would return, without moving on."""
    seen = self.seen
    try:
        return self.new()
    finally:
        self.seen = seen


Outbox.new_peek = _peek


def kinds(mails, to: str | None = None) -> list[str]:
    return sorted(k for k, rcpt, _ in mails if to is None or rcpt == to)


def last(mails, kind: str, to: str) -> EmailMessage:
    found = [m for k, rcpt, m in mails if k == kind and rcpt == to]
    assert found, f"no {kind} to {to} in {[(k, r) for k, r, _ in mails]}"
    return found[-1]


def body(msg: EmailMessage) -> str:
    return msg.get_body(("plain",)).get_content()


def option(msg: EmailMessage, pattern: str) -> int:
    """The number of the offered line that matches `pattern` (e.g. r"12月4日.*14:00")."""
    for m in re.finditer(r"^(\d+)\. (.*)$", body(msg), re.M):
        if re.search(pattern, m.group(2)):
            return int(m.group(1))
    raise AssertionError(f"no offered line matches {pattern!r}:\n{body(msg)}")


def seeker_accepted(sandbox) -> int:
    """Mails the SMTP server accepted for anyone but staff (notices are counted apart)."""
    return sum(1 for a in sandbox.accepted if STAFF not in [r.lower() for r in a.rcpt_tos])


def staff_reasons(sandbox) -> list[str]:
    out = []
    for a in sandbox.accepted:
        if STAFF in [r.lower() for r in a.rcpt_tos]:
            msg = email.message_from_bytes(a.raw, policy=email.policy.default)
            out.append(str(msg["X-Mailbot-Reason"]))
    return out


def sent_to_seekers(sandbox, office: str) -> int:
    """Copies in the office's Sent folder, staff notices left out."""
    from tests.integration.test_booking_e2e import fetch_all
    return sum(1 for m, _ in fetch_all(sandbox, office, "Sent") if str(m["X-Mailbot-Kind"]) != "staff_notice")
