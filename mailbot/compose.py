"""Templates -> EmailMessage: the only place outgoing mail takes shape.

Templates (Jinja2, StrictUndefined) hold every Japanese word; this module only gathers the data
they need, sets the headers a mail client relies on, signs our Message-ID, and attaches the
terms of use, a calendar file (.ics: PUBLISH on confirmation, CANCEL on cancellation) or, for
staff notices, the seeker's mail itself (message/rfc822).
"""

from __future__ import annotations

import email
import email.policy
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
from mailbot.conversation.model import Thread
from mailbot.signing import Signer
from mailbot.terms import TermsLibrary

TERMS_FILENAME = "オンライン職業相談等利用規約.txt"
# Mail to the staff address, never to a seeker: no review hold, no caps.
STAFF_KINDS = frozenset({"staff_notice", "digest", "rules_problem"})
# Mail that must name no booking, person or date (receipts to strangers, caps notices).
ANONYMOUS_KINDS = frozenset({"received", "limit_reached", "too_large"})


@dataclass(frozen=True)
class Outgoing:
    """A composed mail plus what the outbox needs to know about it."""

    message: EmailMessage
    message_id: str
    kind: str
    to: str
    raw: bytes = b""        # message.as_bytes(), written once (it costs more than the rest)


class Composer:
    """Renders the mail kinds named by Send actions and staff notices."""

    def __init__(self, templates_dir: Path, terms_path: Path | None, from_address: str,
                 signer: Signer | None = None):
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
        )
        self.templates_dir = Path(templates_dir)
        self.terms = TermsLibrary(terms_path) if terms_path is not None else TermsLibrary(None)
        self.terms_path = terms_path
        self.from_address = from_address
        self.signer = signer or Signer(b"unsigned-dev-only")

    def kinds(self) -> tuple[str, ...]:
        """Every mail template present (``*.j2`` except the ``_*.j2`` parts)."""
        return tuple(sorted(p.stem for p in self.templates_dir.glob("*.j2") if not p.name.startswith("_")))

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

    def compose(self, kind: str, to: str, thread: Thread | None, rules, now: datetime,
                extra: Mapping | None = None, *, attach_mail: bytes | None = None,
                in_reply_to: str | None = None) -> Outgoing:
        if isinstance(thread, dict):
            thread = Thread.from_json(thread)    # a stored record (older schemas migrate)
        extra = dict(extra or {})
        anonymous = kind in ANONYMOUS_KINDS or bool(extra.get("anonymous"))
        data = template_data(None if anonymous else thread, rules, extra)
        subject, body = self.render(kind, data)
        office = rules.office
        msg = EmailMessage()
        msg["From"] = Address(display_name=office.name, addr_spec=self.from_address)
        msg["To"] = safe_address(to)
        if office.address and office.address != self.from_address:
            msg["Reply-To"] = office.address
        msg["Subject"] = header_text(subject)
        msg["Date"] = format_datetime(now)
        # An anonymous mail's id names no booking either.
        ref = (thread.ref if thread and not anonymous else None) or "mailbot"
        domain = self.from_address.rpartition("@")[2] or "localhost"
        message_id = self.signer.message_id(ref, domain)
        msg["Message-ID"] = message_id
        parent = in_reply_to if in_reply_to is not None else (thread.last_in_message_id if thread else None)
        if parent and kind not in STAFF_KINDS:
            # Message-IDs come from the seeker's mail: only plain ones go back out.
            refs = [parent] if anonymous or thread is None else thread.message_ids[-10:]
            refs = [m for m in refs if safe_message_id(m)]
            if safe_message_id(parent):
                msg["In-Reply-To"] = parent
            if refs:
                msg["References"] = " ".join(refs)
        # RFC 3834: tells vacation responders not to answer us, avoiding mail loops.
        msg["Auto-Submitted"] = "auto-replied" if kind not in STAFF_KINDS else "auto-generated"
        if not anonymous and thread is not None:
            msg["X-Mailbot-Ref"] = thread.ref or ""
        msg["X-Mailbot-Kind"] = kind        # which template: for staff filters and tests
        if kind in STAFF_KINDS:
            msg["X-Mailbot-Reason"] = str(extra.get("reason") or "")
        msg.set_content(body, charset="utf-8")
        self._attach(msg, kind, thread, rules, now, data, attach_mail)
        raw = check_headers(msg)
        return Outgoing(message=msg, message_id=message_id, kind=kind, to=to, raw=raw)

    def rebody(self, raw: bytes, text: str, now: datetime, *, ref: str | None = None) -> Outgoing:
        """A composed mail with its text replaced by staff (`outbox edit`): the same headers and
        attachments, the new text encoded as ours are, a fresh Date and signed Message-ID."""
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        part = msg.get_body(("plain",))
        if part is None:
            raise ValueError("the mail has no text part to replace")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        part.set_content(text if text.endswith("\n") else text + "\n", charset="utf-8")
        domain = self.from_address.rpartition("@")[2] or "localhost"
        message_id = self.signer.message_id(ref or "mailbot", domain)
        msg.replace_header("Message-ID", message_id)
        msg.replace_header("Date", format_datetime(now))
        check_headers(msg)
        return Outgoing(message=msg, message_id=message_id, kind=str(msg["X-Mailbot-Kind"] or ""),
                        to=str(msg["To"]))

    def _attach(self, msg: EmailMessage, kind: str, thread: Thread | None, rules, now, data,
                attach_mail: bytes | None) -> None:
        if thread is not None and (kind == "offer" or (kind == "confirmed" and data.get("attach_terms"))):
            version = (thread.offer.terms or {}).get("version") if thread.offer else None
            terms = self.terms.get(version) or self.terms.current(now)
            if terms is not None:
                msg.add_attachment(terms.read(), maintype="text", subtype="plain",
                                   filename=TERMS_FILENAME)
                _set_text_charset(msg)
        if thread is not None and thread.booking and kind in ("confirmed", "cancelled"):
            method = "PUBLISH" if kind == "confirmed" else "CANCEL"
            msg.add_attachment(calendar_file(thread, rules, now, method), maintype="text",
                               subtype="calendar", filename="consultation.ics",
                               params={"method": method})
        if attach_mail is not None:
            try:
                inner = email.message_from_bytes(attach_mail, policy=email.policy.compat32)
                msg.add_attachment(inner, filename="seeker-mail.eml")
            except Exception:                                   # noqa: BLE001 - still tell staff
                msg.add_attachment(attach_mail, maintype="application", subtype="octet-stream",
                                   filename="seeker-mail.eml")


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


def check_headers(msg: EmailMessage) -> bytes:
    """Last guard before a mail is stored for sending: the serialised header block holds only
    the headers we set, once each, and only header or continuation lines. Returns the
    serialised message (what is stored)."""
    try:
        raw = msg.as_bytes()
        head = raw.split(b"\n\n", 1)[0]
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
    return raw


def _set_text_charset(msg: EmailMessage) -> None:
    for part in msg.iter_attachments():
        if part.get_content_type() == "text/plain":
            part.set_param("charset", "utf-8")


def template_data(thread: Thread | None, rules, extra: Mapping) -> dict:
    """Everything a template may use; times as aware datetimes so macros can format them."""
    offer = thread.offer if thread else None
    booking = thread.booking if thread else None
    slots = [calendar.Slot.from_key(k, rules) for k in (offer.slots if offer else [])]
    deadlines = [offer.deadline(s.key) for s in slots] if offer else []
    slot = calendar.Slot.from_key(booking.slot, rules) if booking else None
    replaced = booking.replaces if booking else None
    wishes = thread.wishes if thread else []
    policy = rules.policy
    data = {
        "office": rules.office,
        "app_name": rules.sessions.app_name,
        "ref": (thread.ref or "") if thread else "",
        "contact": thread.contact if thread else _NoContact(),
        "slots": slots,
        "deadlines": deadlines,
        "one_deadline": len(set(deadlines)) <= 1,
        "deadline": min(deadlines) if deadlines else None,
        "slot": slot,
        "url": booking.url if booking else None,
        "replaced": calendar.Slot.from_key(replaced, rules) if replaced else None,
        "wishes_met": not wishes or not (offer and len(offer.unmet) == len(_distinct(wishes))),
        "unmet": [_unmet(u) for u in (offer.unmet if offer else [])],
        "weekday_mismatch": _mismatched_dates(thread.warnings if thread else []),
        "slot_minutes": rules.calendar.slot_minutes,
        "no_show_minutes": policy.no_show_minutes,
        "search_days": policy.search_days,
        "note": None,
        "missing": [],
        "why": None,
        "by_staff": False,
        "attach_terms": False,
        "same_day": False,
        "noted": [],
        "anonymous": thread is None,
        "reason": None,
        "detail": None,
        "state": thread.state.value if thread else None,
        "summary": [],
        "attached": False,
        # the booking site (site_link, site_use_link; confirmed/cancelled of a site booking)
        "site": False,
        "site_app": thread.site if thread else None,
        "site_slot": calendar.Slot.from_key(thread.site.slot, rules) if thread and thread.site else None,
        "link_url": None,
        "link_minutes": None,
        "cutoff": None,
        "cutoff_soon": False,
        "cancel_url": None,
        "site_url": None,
        # staff_reply: the staff member's own text (`mailbot reply`)
        "staff_text": "",
    }
    data.update(extra)
    return data


class _NoContact:
    """The contact of an anonymous mail: no name (the greeting falls back to ご相談者 様)."""

    name = None
    email = None
    phone = None
    seeker_number = None
    attendant = None


def _distinct(wishes) -> set:
    return {(w.date, w.start, w.end) for w in wishes}


def _unmet(entry: Mapping) -> dict:
    from datetime import time as _time
    return {
        "date": date.fromisoformat(entry["date"]),
        "start": _time.fromisoformat(entry["start"]) if entry.get("start") else None,
        "end": _time.fromisoformat(entry["end"]) if entry.get("end") else None,
        "reason": entry["reason"],
        "detail": entry.get("detail"),
    }


def _mismatched_dates(warnings: list[str]) -> list[date]:
    """Dates the seeker wrote with a weekday that does not match (we say which we used)."""
    out = []
    for w in warnings:
        if w.startswith("weekday_mismatch:"):
            for token in w.split():
                try:
                    out.append(date.fromisoformat(token.strip(",.;()")))
                    break
                except ValueError:
                    continue
    return out


def calendar_file(thread: Thread, rules, now: datetime, method: str = "PUBLISH") -> bytes:
    """An .ics event so the seeker's calendar shows the session (or drops it: CANCEL)."""
    booking = thread.booking
    slot = calendar.Slot.from_key(booking.slot, rules)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//mailbot//ja")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = icalendar.Event()
    event.add("uid", f"{thread.ref}@{rules.office.address.rpartition('@')[2]}")
    event.add("dtstamp", now)
    event.add("dtstart", slot.start)
    event.add("dtend", slot.end)
    event.add("sequence", booking.sequence + (1 if method == "CANCEL" else 0))
    event.add("summary", f"{rules.office.name} {thread.ref}")
    event.add("url", booking.url)
    event.add("location", booking.url)
    if method == "CANCEL":
        event.add("status", "CANCELLED")
    cal.add_component(event)
    return cal.to_ical()
