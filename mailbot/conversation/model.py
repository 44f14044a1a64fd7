"""The conversation record: a typed object with a schema version, stored as plain JSON.

Why typed: the state machine reads and writes a dozen fields; a misspelt dict key silently
created a state no handler knew (`new`, `staff_booking`). Here every field is declared, states
are an enum, and `Thread.from_json` migrates older records (schema 1: the untyped dicts of
the first releases) when they are loaded.

The store relies on a few JSON keys only: ``ref``, ``state``, ``updated_at``, ``message_ids``,
``from_addr``, ``contact.email`` and ``holds`` (seats taken). ``to_json`` always writes them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import Enum
from typing import Any

from mailbot.understand.model import Requested

SCHEMA_VERSION = 2


class State(str, Enum):
    """Where a conversation is. NEW exists only before the first record is stored."""

    NEW = "new"
    NEEDS_INFO = "needs_info"          # we asked for exactly the missing details
    PENDING_LINK = "pending_link"      # applied on the site; the seat is held until the link
                                       # in our mail is used or lapses (terms art. 6 (3), (4))
    OFFERED = "offered"                # numbered slots + terms sent; the reply is consent
    CONFIRMED = "confirmed"            # a seat is held, date/time/URL sent
    RESCHEDULING = "rescheduling"      # confirmed, and a new offer is open; old seat kept
    STAFF = "staff"                    # a person must act; the bot answers nothing itself
    CANCELLED = "cancelled"
    DECLINED = "declined"              # the seeker withdrew before a booking existed
    EXPIRED = "expired"                # an offer or a request for details lapsed
    DONE = "done"                      # the session took place
    NO_SHOW = "no_show"                # absent without word (terms art. 6 (6))

    def __str__(self) -> str:
        return self.value


OPEN = frozenset({State.NEEDS_INFO, State.PENDING_LINK, State.OFFERED, State.CONFIRMED,
                  State.RESCHEDULING, State.STAFF})
CLOSED = frozenset({State.CANCELLED, State.DECLINED, State.EXPIRED, State.DONE, State.NO_SHOW})
STORED = OPEN | CLOSED


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat(timespec="seconds") if dt else None


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class _Record:
    """JSON round trip for the small records below: datetimes as ISO 8601, the rest as is."""

    _times: tuple[str, ...] = ()

    def to_json(self) -> dict:
        out = {}
        for f in fields(self):                      # type: ignore[arg-type]
            value = getattr(self, f.name)
            out[f.name] = _iso(value) if f.name in self._times else copy.deepcopy(value)
        return out

    @classmethod
    def from_json(cls, data: dict | None):
        if data is None:
            return None
        known = {f.name for f in fields(cls)}       # type: ignore[arg-type]
        values = {k: (_dt(v) if k in cls._times else v) for k, v in data.items() if k in known}
        return cls(**values)


@dataclass
class Contact(_Record):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    seeker_number: str | None = None
    attendant: str | None = None


@dataclass
class TermsRef(_Record):
    """Which terms of use a mail carried (terms art. 13: a new version applies from its date)."""

    version: str
    sha256: str
    effective: str | None = None


@dataclass
class Offer(_Record):
    """Numbered slots we offered. `deadlines` is what the mail states for each slot: a reply
    by then is accepted whenever the seat is still free. The lifetime starts when the mail is
    actually sent (`sent_at`), so a mail held for review never lapses."""

    slots: list[str]
    deadlines: dict[str, str]                     # slot key -> ISO deadline stated in the mail
    composed_at: datetime
    round: int = 1
    note: str | None = None                       # why this offer (reschedule, taken, …)
    unmet: list[dict] = field(default_factory=list)   # wishes we could not meet, with why
    terms: dict | None = None                     # TermsRef attached to this offer
    sent_at: datetime | None = None
    expires_at: datetime | None = None            # set when sent
    resent: int = 0                               # times the same offer was sent again

    _times = ("composed_at", "sent_at", "expires_at")

    def deadline(self, key: str) -> datetime | None:
        value = self.deadlines.get(key)
        return datetime.fromisoformat(value) if value else None


@dataclass
class Consent(_Record):
    """Evidence of agreement to the terms (art. 6 (3), 13): the consenting mail and the terms."""

    message_id: str | None
    from_addr: str
    date: str | None                              # the mail's Date header (ISO), as written
    received_at: datetime | None
    terms_version: str | None
    terms_sha256: str | None
    how: str = "mail"                             # mail | staff (booked by phone / in a session) | site
    agreed_at: datetime | None = None             # site: when the terms box was ticked and sent

    _times = ("received_at", "agreed_at")


@dataclass
class Booking(_Record):
    slot: str
    url: str
    confirmed_at: datetime
    seat: int = 0                                 # 0-based seat in the slot (rooms per seat)
    replaces: str | None = None                   # the slot this one replaced (reschedule)
    by_staff: bool = False
    reminded_at: datetime | None = None
    cancel_by_mail_at: datetime | None = None     # same-day cancel by mail: phone asked for
    consent: dict | None = None                   # Consent
    rules_version: str | None = None
    sequence: int = 0                             # .ics SEQUENCE (a reschedule updates it)

    _times = ("confirmed_at", "reminded_at", "cancel_by_mail_at")


@dataclass
class SiteApplication(_Record):
    """An application made on the booking site (terms art. 6 (2)-(4)): what was asked for, the
    terms agreed to, and the one-hour link. The link counts from when its mail really left
    (`sent_at`), as an offer's lifetime does; `token_id` is the nonce of the only link that
    confirms it, and `clicked_at` makes that link single-use. The free text (自由記入欄) stays
    here, never in logs."""

    slot: str
    applied_at: datetime
    agreed_at: datetime
    terms_version: str | None
    terms_sha256: str | None
    token_id: str
    link_minutes: int = 60
    note: str | None = None
    sent_at: datetime | None = None
    expires_at: datetime | None = None
    clicked_at: datetime | None = None
    cancel_token_id: str | None = None
    lapsed_at: datetime | None = None

    _times = ("applied_at", "agreed_at", "sent_at", "expires_at", "clicked_at", "lapsed_at")


@dataclass
class Entry(_Record):
    """One line of history: why the bot did what it did."""

    at: datetime
    cause: str                                    # the event kind (mail.pick, tick, staff.book…)
    event: str                                    # what happened (offered, confirmed, …)
    from_state: str | None = None
    to_state: str | None = None
    rule: str | None = None                       # the handler or chain rule that decided
    message_id: str | None = None                 # the mail that caused it
    detail: dict = field(default_factory=dict)

    _times = ("at",)


@dataclass
class Thread:
    """One conversation with one seeker."""

    ref: str | None
    state: State
    created_at: datetime
    updated_at: datetime
    from_addr: str                                # who wrote first
    bound_to: str                                 # the only address whose mail may act
    subject: str = ""
    contact: Contact = field(default_factory=Contact)
    wishes: list[Requested] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    any_time: bool = False                        # 「いつでも可」: no wish, any slot will do
    asks: int = 0                                 # times we asked for missing details
    unclear: int = 0                              # unclear replies to the current offer
    offer: Offer | None = None
    booking: Booking | None = None
    holds: list[str] = field(default_factory=list)
    message_ids: list[str] = field(default_factory=list)
    last_in_message_id: str | None = None
    last_sent: str | None = None                  # kind of the last mail we sent the seeker
    last_sent_at: datetime | None = None          # when it actually left (None while held)
    state_before_staff: State | None = None
    escalation: dict | None = None                # {reason, at, detail} while with staff
    notices: list[dict] = field(default_factory=list)   # staff notices: {reason, at, resolved}
    terms_received: list[str] = field(default_factory=list)   # terms versions mailed to them
    undeliverable: dict | None = None             # {address, at, detail}: mail stopped
    delivery: dict | None = None          # the last permanent SMTP refusal
    sent_count: int = 0
    source: str = "mail"                          # mail | staff | site
    site: SiteApplication | None = None           # made on the booking site
    history: list[Entry] = field(default_factory=list)
    # the seeker's mails as staff read them in `thread show`: {at, message_id, from, subject,
    # lines (the first unquoted lines), kind}; kept in the private state, never in logs
    mails: list[dict] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    # ----------------------------------------------------------------- derived

    @property
    def is_open(self) -> bool:
        return self.state in OPEN

    def contact_address(self) -> str:
        return self.bound_to

    def open_notice(self) -> dict | None:
        return next((n for n in reversed(self.notices) if not n.get("resolved_at")), None)

    # ----------------------------------------------------------------- JSON

    def to_json(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "ref": self.ref,
            "state": self.state.value,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "from_addr": self.from_addr,
            "bound_to": self.bound_to,
            "subject": self.subject,
            "contact": self.contact.to_json(),
            "wishes": [w.to_json() for w in self.wishes],
            "warnings": list(self.warnings),
            "any_time": self.any_time,
            "asks": self.asks,
            "unclear": self.unclear,
            "offer": self.offer.to_json() if self.offer else None,
            "booking": self.booking.to_json() if self.booking else None,
            "holds": list(self.holds),
            "message_ids": list(self.message_ids),
            "last_in_message_id": self.last_in_message_id,
            "last_sent": self.last_sent,
            "last_sent_at": _iso(self.last_sent_at),
            "state_before_staff": self.state_before_staff.value if self.state_before_staff else None,
            "escalation": copy.deepcopy(self.escalation),
            "notices": copy.deepcopy(self.notices),
            "terms_received": list(self.terms_received),
            "undeliverable": copy.deepcopy(self.undeliverable),
            "delivery": copy.deepcopy(self.delivery),
            "sent_count": self.sent_count,
            "source": self.source,
            "site": self.site.to_json() if self.site else None,
            "history": [e.to_json() for e in self.history],
            "mails": copy.deepcopy(self.mails),
        }

    @classmethod
    def from_json(cls, data: dict) -> "Thread":
        """Load a stored record, migrating older schemas first."""
        data = migrate(copy.deepcopy(data))
        return cls(
            ref=data.get("ref"),
            state=State(data["state"]),
            created_at=_dt(data["created_at"]),
            updated_at=_dt(data["updated_at"]),
            from_addr=data.get("from_addr") or "",
            bound_to=data.get("bound_to") or "",
            subject=data.get("subject") or "",
            contact=Contact.from_json(data.get("contact") or {}),
            wishes=[Requested.from_json(w) for w in data.get("wishes") or []],
            warnings=list(data.get("warnings") or []),
            any_time=bool(data.get("any_time")),
            asks=int(data.get("asks") or 0),
            unclear=int(data.get("unclear") or 0),
            offer=Offer.from_json(data.get("offer")),
            booking=Booking.from_json(data.get("booking")),
            holds=list(data.get("holds") or []),
            message_ids=list(data.get("message_ids") or []),
            last_in_message_id=data.get("last_in_message_id"),
            last_sent=data.get("last_sent"),
            last_sent_at=_dt(data.get("last_sent_at")),
            state_before_staff=State(data["state_before_staff"]) if data.get("state_before_staff") else None,
            escalation=data.get("escalation"),
            notices=list(data.get("notices") or []),
            terms_received=list(data.get("terms_received") or []),
            undeliverable=data.get("undeliverable"),
            delivery=data.get("delivery"),
            sent_count=int(data.get("sent_count") or 0),
            source=data.get("source") or "mail",
            site=SiteApplication.from_json(data.get("site")),
            history=[Entry.from_json(e) for e in data.get("history") or []],
            mails=list(data.get("mails") or []),
        )


# ---------------------------------------------------------------------------- migrations


def migrate(data: dict) -> dict:
    """Bring a stored record to SCHEMA_VERSION (each step one schema forward)."""
    version = int(data.get("schema_version") or 1)
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def _from_v1(d: dict) -> dict:
    """Schema 1: untyped dicts. An offer beside a booking was a reschedule; `new` and
    `staff_booking` were transient states; the offer had one `expires_at` for all slots."""
    contact = d.get("contact") or {}
    state = d.get("state") or "needs_info"
    if state == "offered" and d.get("booking"):
        state = "rescheduling"
    elif state == "staff_booking":
        state = "confirmed" if d.get("booking") else "staff"
    elif state == "new":
        state = "needs_info"
    before = d.get("state_before_staff")
    if before in ("new", "staff_booking", "staff"):
        before = "needs_info"
    offer = d.get("offer")
    if offer:
        expires = offer.get("expires_at")
        offer = {
            "slots": offer.get("slots", []),
            "deadlines": {k: expires for k in offer.get("slots", [])},
            "composed_at": offer.get("sent_at") or d.get("updated_at"),
            "round": offer.get("round", 1),
            "sent_at": offer.get("sent_at"),
            "expires_at": expires,
        }
    booking = d.get("booking")
    if booking:
        booking = {
            "slot": booking["slot"], "url": booking.get("url") or "",
            "confirmed_at": booking.get("confirmed_at") or d.get("updated_at"),
            "replaces": booking.get("replaces"), "reminded_at": booking.get("reminded"),
            "rules_version": booking.get("rules_version"),
        }
    last_sent = "ask_new_time" if d.get("awaiting_new_time") else None
    history = [{"at": h.get("at") or d.get("updated_at"), "cause": "migrated",
                "event": h.get("event", "?"),
                "detail": {k: v for k, v in h.items() if k not in ("at", "event")}}
               for h in d.get("history") or []]
    escalation = d.get("escalation")
    return {
        **{k: d.get(k) for k in ("ref", "created_at", "updated_at", "from_addr", "subject",
                                 "wishes", "warnings", "asks", "holds", "message_ids",
                                 "last_in_message_id", "sent_count")},
        "state": state,
        "bound_to": contact.get("email") or d.get("from_addr") or "",
        "contact": contact,
        "unclear": d.get("unclear_replies", 0),
        "offer": offer,
        "booking": booking,
        "last_sent": last_sent,
        "last_sent_at": d.get("updated_at") if last_sent else None,
        "state_before_staff": before if state == "staff" else None,
        "escalation": escalation,
        "notices": [],
        "history": history,
    }


_MIGRATIONS = {1: _from_v1}


__all__ = ["State", "OPEN", "CLOSED", "Thread", "Contact", "Offer", "Booking", "Consent", "Entry",
           "TermsRef", "SiteApplication", "SCHEMA_VERSION", "migrate"]
