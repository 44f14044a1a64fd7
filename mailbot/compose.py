"""Templates -> EmailMessage: the only place outgoing mail takes shape.

Templates (Jinja2, StrictUndefined) hold every Japanese word; this module only gathers the data
they need, sets the headers a mail client relies on, and attaches the terms and a calendar file.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
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

    def check(self, rules, kinds: tuple[str, ...] | None = None, *,
              env: jinja2.Environment | None = None) -> list[str]:
        """Every template problem as ``file:line: problem``, found by rendering each mail kind
        with sample data (each branch the samples reach) under StrictUndefined: at check,
        start-up and reload time rather than when a seeker is waiting. `kinds` must exist
        (default: the daemon's); `env` checks a candidate copy of the templates instead of
        the ones in use; without `rules` the templates are only compiled."""
        from mailbot.template_check import check_templates

        return check_templates(self, rules, kinds, env)

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
        msg["To"] = to
        if office.address and office.address != self.from_address:
            msg["Reply-To"] = office.address
        msg["Subject"] = subject
        msg["Date"] = format_datetime(now)
        message_id = make_message_id(thread.get("ref") or "mailbot", kind, self.from_address)
        msg["Message-ID"] = message_id
        parent = thread.get("last_in_message_id")
        if parent:
            msg["In-Reply-To"] = parent
            msg["References"] = " ".join(thread.get("message_ids", [])[-10:])
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
        return Outgoing(message=msg, message_id=message_id, kind=kind, to=to)


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
