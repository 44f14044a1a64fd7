"""Value types produced by the understanding layer (pure data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from mailbot.understand.envelope import Envelope


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class Inbound:
    """One received message, decoded: headers we rely on plus the readable text."""

    message_id: str | None          # "<...>" as written, None when absent
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str                    # decoded
    from_addr: str                  # lowercased address, "" when unreadable
    from_name: str                  # decoded display name
    to_addrs: tuple[str, ...]
    date: datetime | None           # timezone-aware
    headers: Mapping[str, str]      # lowercased header name -> decoded value (first occurrence)
    text: str                       # whole body text (plain part, else text from HTML)
    attachments: tuple[Attachment, ...] = ()
    defects: tuple[str, ...] = ()   # what could not be decoded cleanly
    # mail-parser's view (Received chain, sender IP, attachments, defect categories); set by
    # understand(), None when the Inbound was built another way.
    envelope: "Envelope | None" = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Requested:
    """A time the writer asks to be booked into. start/end None = whole day / open window."""

    date: date
    start: time | None = None
    end: time | None = None

    @classmethod
    def from_json(cls, data: Mapping) -> "Requested":
        """The inverse of to_json (threads store wishes as JSON)."""
        return cls(
            date=date.fromisoformat(data["date"]),
            start=time.fromisoformat(data["start"]) if data.get("start") else None,
            end=time.fromisoformat(data["end"]) if data.get("end") else None,
        )

    def to_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "start": self.start.strftime("%H:%M") if self.start else None,
            "end": self.end.strftime("%H:%M") if self.end else None,
        }


@dataclass(frozen=True)
class Signals:
    """Context-free readings of the writer's fresh text (see module doc). Each is a bool unless
    said otherwise; `choice` and `requested` come from the field readers."""

    sales: bool = False              # two or more sales words and no seeker context
    change: bool = False             # asks to change the date or time
    keep: bool = False               # keep the booking as it is (withdraws a change)
    cancel: bool = False             # cancel / withdraw / decline words in a firm sentence
    cant_attend: bool = False        # 「12月3日は行けません」: a named day cannot be attended
    absence: bool = False            # 「休ませてください」「体調不良で…」: staying away on the day
    declines_all: bool = False       # 「どれも都合が悪い」: none of what was offered suits
    consent: bool = False            # agreement (承知しました, その日程でお願いします, はい)
    asks_to_book: bool = False       # a booking phrase that asks for a consultation
    wish_form: bool = False          # 「希望日時：…」 written as a form
    detail_form: bool = False        # 「お名前：…」 a form filled in
    details: bool = False            # a phone, 求職番号, name or wish supplied in prose
    question: bool = False           # asks something (？, でしょうか, 教えてください…)
    only_questions: bool = False     # every sentence naming a detail is a question
    abuse: bool = False              # threats or abuse (terms art. 12 (1))
    thanks: bool = False             # thanks someone
    flexible: bool = False           # 「ほかの日でも大丈夫です」 declared flexibility
    any_time: bool = False           # 「いつでも可」「特に希望はありません」: no wish, any slot
    choice: int | None = None        # an option number written
    dates: tuple[Requested, ...] = ()  # every date/time read, whatever the intent

    @property
    def has_requested(self) -> bool:
        return bool(self.dates)

    @property
    def withdraws(self) -> bool:
        """Stays away or calls it off, in any words."""
        return self.cancel or self.absence


INTENTS = ("book", "confirm", "cancel", "reschedule", "question", "automated", "other")
ATTENDANTS = ("interpreter", "caregiver", "other")


@dataclass(frozen=True)
class Understanding:
    """What the bot read from one message. Warnings start with a stable code, e.g.
    ``weekday_mismatch: ...``, so the workflow can react to them."""

    intent: str
    name: str | None = None
    seeker_number: str | None = None
    email: str | None = None
    phone: str | None = None
    requested: tuple[Requested, ...] = ()
    choice: int | None = None
    attendant: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # Context-free signals for the conversation (understand/signals.py); not part of the
    # `mailbot parse` contract, so not in to_json.
    signals: Signals = field(default_factory=lambda: Signals(), compare=False, repr=False)
    # Per field: {"value", "reason", "confidence"} (understand/confidence.py); added to the JSON
    # after the contract's keys.
    fields: Mapping[str, Mapping] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict:
        out = {
            "intent": self.intent,
            "name": self.name,
            "seeker_number": self.seeker_number,
            "email": self.email,
            "phone": self.phone,
            "requested": [r.to_json() for r in self.requested],
            "choice": self.choice,
            "attendant": self.attendant,
            "warnings": list(self.warnings),
        }
        if self.fields:
            out["fields"] = {k: dict(v) for k, v in self.fields.items()}
        return out

    def warning_codes(self) -> set[str]:
        return {w.split(":", 1)[0] for w in self.warnings}
