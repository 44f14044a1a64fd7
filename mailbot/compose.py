"""Templates -> EmailMessage: the only place outgoing mail takes shape.

Templates (Jinja2, StrictUndefined) hold every Japanese word; this module only gathers the data
they need, sets the headers a mail client relies on, and attaches the terms and a calendar file.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Mapping

import icalendar
import jinja2

from mailbot import calendar

TERMS_FILENAME = "オンライン職業相談等利用規約.txt"


@dataclass(frozen=True)
class Outgoing:
    """A composed mail plus what the outbox needs to know about it."""

    message: EmailMessage
    message_id: str
    kind: str
    to: str


class Composer:
    """Renders the mail kinds named by workflow.Send actions."""

    def __init__(self, templates_dir: Path, terms_path: Path | None, from_address: str):
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
        )
        self.terms_path = terms_path
        self.from_address = from_address

    def check(self, kinds: tuple[str, ...]) -> list[str]:
        """Template problems found at start-up rather than when a seeker is waiting."""
        problems = []
        for kind in kinds:
            try:
                self.env.get_template(f"{kind}.j2")
            except jinja2.TemplateError as exc:
                problems.append(f"templates/{kind}.j2: {exc}")
        if self.terms_path is not None and not self.terms_path.is_file():
            problems.append(f"terms file not found: {self.terms_path}")
        return problems

    def render(self, kind: str, data: Mapping) -> tuple[str, str]:
        """(subject, body) of template `kind`."""
        template = self.env.get_template(f"{kind}.j2")
        macros = self.env.get_template("_macros.j2").module
        context = template.new_context({"m": macros, **data})
        subject = "".join(template.blocks["subject"](context)).strip()
        body = "".join(template.blocks["body"](context)).strip("\n") + "\n"
        return subject, body

    def compose(self, kind: str, to: str, thread: dict, rules, now: datetime,
                extra: Mapping | None = None) -> Outgoing:
        data = template_data(thread, rules, extra or {})
        subject, body = self.render(kind, data)
        office = rules.office
        msg = EmailMessage()
        msg["From"] = Address(display_name=office.name, addr_spec=self.from_address)
        msg["To"] = safe_address(to)
        if office.address and office.address != self.from_address:
            msg["Reply-To"] = office.address
        msg["Subject"] = header_text(subject)
        msg["Date"] = format_datetime(now)
        message_id = make_message_id(thread.get("ref") or "mailbot", kind, self.from_address)
        msg["Message-ID"] = message_id
        parent = thread.get("last_in_message_id")
        if parent:
            # Message-IDs come from the seeker's mail: only plain ones go back out.
            references = [m for m in thread.get("message_ids", []) if safe_message_id(m)][-10:]
            if safe_message_id(parent):
                msg["In-Reply-To"] = parent
            if references:
                msg["References"] = " ".join(references)
        # RFC 3834: tells vacation responders not to answer us, avoiding mail loops.
        msg["Auto-Submitted"] = "auto-replied"
        msg["X-Mailbot-Ref"] = thread.get("ref") or ""
        msg["X-Mailbot-Kind"] = kind        # which template: for staff filters and tests
        msg.set_content(body, charset="utf-8")
        if kind == "offer" and self.terms_path is not None:
            msg.add_attachment(self.terms_path.read_bytes(), maintype="text", subtype="plain",
                               filename=TERMS_FILENAME)
            _set_text_charset(msg)
        if kind == "confirmed":
            msg.add_attachment(calendar_file(thread, rules, message_id, now), maintype="text",
                               subtype="calendar", filename="consultation.ics",
                               params={"method": "PUBLISH"})
        check_headers(msg)
        return Outgoing(message=msg, message_id=message_id, kind=kind, to=to)


# --- header safety -----------------------------------------------------------------------------
# Values from a seeker's mail (address, Message-IDs, anything a template puts in the subject) end
# up in our headers. A line break there would start a header of the sender's choosing (a Bcc to a
# third party); so would an encoded word, because the stdlib decodes `=?…?=` in a value it is
# given and writes the decoded CR/LF out raw (Python 3.11, see tests/property).


class UnsafeHeader(ValueError):
    """A value that cannot go into a header safely. The message names the header, never the
    value: it ends up in logs, which carry no personal data."""


_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")     # CR/LF, NUL, C1 (NEL), LS/PS
_ENCODED_WORD_START = re.compile(r"=\?")
# One ASCII address without display name, comment, quotes or group: what the workflow answers.
# Dots are not checked (old docomo/au addresses like taro..yamada@ still receive mail).
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]{1,64}"
                            r"@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+")
_PLAIN_MESSAGE_ID = re.compile(r"<[!-;=?-~]{1,250}>")              # printable ASCII, no < > inside
MAX_SUBJECT = 250


def header_text(value: str) -> str:
    """Free text for an unstructured header: line breaks and control characters become spaces,
    an encoded-word opener `=?` is broken up, and the length is capped."""
    text = " ".join(_BREAKS.sub(" ", str(value)).split())
    return _ENCODED_WORD_START.sub("= ?", text)[:MAX_SUBJECT].strip()


def safe_address(value: str) -> str:
    """The one address a mail goes to, exactly as given, or UnsafeHeader: never repaired, since a
    repaired address is someone else's."""
    if not isinstance(value, str) or not _PLAIN_ADDRESS.fullmatch(value) or "=?" in value:
        raise UnsafeHeader("To: not one plain address")
    return value


def safe_message_id(value: object) -> bool:
    """A Message-ID we may echo in In-Reply-To/References (RFC 5322 msg-id characters only)."""
    return isinstance(value, str) and bool(_PLAIN_MESSAGE_ID.fullmatch(value)) and "=?" not in value


_HEADER_LINE = re.compile(rb"[!-9;-~]+:|[ \t]")


def check_headers(msg: EmailMessage) -> None:
    """Last guard before a mail is stored for sending: the serialised header block holds only
    the headers we set, once each, and only header or continuation lines."""
    try:
        head = msg.as_bytes().split(b"\n\n", 1)[0]
    except (ValueError, MessageError):     # newer Pythons refuse such headers themselves
        raise UnsafeHeader("header block malformed") from None
    names = [str(k).lower() for k in msg.keys()]
    lines = head.split(b"\n")
    if len(set(names)) != len(names) or any(not _HEADER_LINE.match(ln) or b"\x00" in ln
                                            or b"\r" in ln for ln in lines):
        raise UnsafeHeader("header block malformed")
    written = [ln.split(b":", 1)[0].decode("ascii").lower() for ln in lines if ln[:1] not in b" \t"]
    if written != names:
        raise UnsafeHeader("header block holds a header we did not set")


def _set_text_charset(msg: EmailMessage) -> None:
    for part in msg.iter_attachments():
        if part.get_content_type() == "text/plain":
            part.set_param("charset", "utf-8")


def make_message_id(ref: str, kind: str, from_address: str) -> str:
    domain = from_address.rpartition("@")[2] or "localhost"
    return f"<{ref}.{kind}.{secrets.token_hex(6)}@{domain}>"


def template_data(thread: dict, rules, extra: Mapping) -> dict:
    """Everything a template may use; times as aware datetimes so macros can format them."""
    offer = thread.get("offer") or {}
    booking = thread.get("booking") or {}
    slots = [calendar.Slot.from_key(k, rules) for k in offer.get("slots", [])]
    slot = calendar.Slot.from_key(booking["slot"], rules) if booking.get("slot") else None
    replaced = booking.get("replaces")
    wishes = thread.get("wishes", [])
    wished_days = {w["date"] for w in wishes}
    data = {
        "office": rules.office,
        "app_name": rules.sessions.app_name,
        "ref": thread.get("ref") or "",
        "contact": thread["contact"],
        "slots": slots,
        "slot": slot,
        "url": booking.get("url"),
        "replaced": calendar.Slot.from_key(replaced, rules) if replaced else None,
        "deadline": _deadline(offer),
        "wishes_met": not wishes or any(s.start.date().isoformat() in wished_days for s in slots),
        "weekday_mismatch": _mismatched_dates(thread),
        "closed_wishes": _closed_wishes(wishes, rules),
        "note": None,
        "missing": [],
        "why": None,
    }
    data.update(extra)
    return data


def _deadline(offer: Mapping):
    return datetime.fromisoformat(offer["expires_at"]) if offer.get("expires_at") else None


def _closed_wishes(wishes: list[dict], rules) -> list[tuple[date, str]]:
    """Wished days without consultations, with the reason (holiday name, 年末年始, 土曜日)."""
    out = []
    for day in dict.fromkeys(date.fromisoformat(w["date"]) for w in wishes):
        reason = calendar.closed_reason(rules, day)
        if reason:
            out.append((day, reason))
    return out


def _mismatched_dates(thread: dict) -> list[date]:
    """Dates the seeker wrote with a weekday that does not match (we say which we used)."""
    out = []
    for w in thread.get("warnings", []):
        if w.startswith("weekday_mismatch:"):
            for token in w.split():
                try:
                    out.append(date.fromisoformat(token.strip(",.;()")))
                    break
                except ValueError:
                    continue
    return out


def calendar_file(thread: dict, rules, uid: str, now: datetime) -> bytes:
    """An .ics event so the seeker's calendar shows the session with its URL."""
    booking = thread["booking"]
    slot = calendar.Slot.from_key(booking["slot"], rules)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//mailbot//ja")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"{thread['ref']}@{rules.office.address.rpartition('@')[2]}")
    event.add("dtstamp", now)
    event.add("dtstart", slot.start)
    event.add("dtend", slot.end)
    event.add("summary", f"{rules.office.name} {thread['ref']}")
    event.add("url", booking["url"])
    event.add("location", booking["url"])
    cal.add_component(event)
    return cal.to_ical()
