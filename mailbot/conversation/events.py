"""Events, actions and the decision context: what goes into `decide` and what comes out.

Events: a mail together with its reading (`Mail`, whose `kind` is the meaning read in context,
see reading.py), a timer tick (`Tick`), a staff command (`Staff`), what happened to a mail we
sent (`Delivery`), and what a seeker did on the booking site (`Site`). Actions are instructions
for the shell, which performs them after recording the outcome: `Send` (compose a template to
an address), `NotifyStaff` (a notice to office.staff_address with the seeker's mail attached)
and `File` (where the source mail goes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Mapping

from mailbot.understand.model import Inbound, Requested, Understanding


class Kind(str, Enum):
    """Event kinds: the columns of the state table."""

    # a mail from the conversation's own address, by what it means here (reading.py)
    REQUEST = "mail.request"           # asks for a booking / restates a wish
    DETAILS = "mail.details"           # supplies details we asked for
    PICK = "mail.pick"                 # picks exactly one offered slot
    PICK_UNCLEAR = "mail.pick_unclear"  # a pick we cannot pin to one slot
    NEW_TIME = "mail.new_time"         # gives other times than offered / asks a change with times
    CHANGE = "mail.change"             # asks for a change without a time
    KEEP = "mail.keep"                 # keep the original booking
    CANCEL = "mail.cancel"             # cancel, withdraw, stay away
    DECLINE_ALL = "mail.decline_all"   # none of the offered slots suits, no other time given
    QUESTION = "mail.question"
    ATTENDANT = "mail.attendant"       # an interpreter / caregiver announced
    NOTE = "mail.note"                 # a detail sent later (求職番号), nothing to decide
    THANKS = "mail.thanks"             # thanks or agreement where nothing is pending
    UNCLEAR = "mail.unclear"
    AUTOMATED = "mail.automated"       # an auto-reply inside a conversation
    # time
    TICK = "tick"
    # staff
    STAFF_BOOK = "staff.book"
    STAFF_CANCEL = "staff.cancel"
    STAFF_ATTENDED = "staff.attended"
    STAFF_NO_SHOW = "staff.no_show"
    STAFF_RESUME = "staff.resume"
    STAFF_RESOLVE = "staff.resolve"
    STAFF_CLEAR_ADDRESS = "staff.clear_address"
    # our own mail
    SENT = "delivery.sent"             # an outbox item left (offer lifetimes start here)
    FAILED = "delivery.failed"         # permanent SMTP refusal
    BOUNCED = "delivery.bounced"       # a DSN came back for it
    REJECTED = "delivery.rejected"     # staff rejected a held mail
    # the booking site (mailbot web)
    SITE_APPLIED = "site.applied"      # the form was sent with the terms agreed: hold the seat
    SITE_CLICKED = "site.clicked"      # the link in our mail was used in time: confirm
    SITE_CANCEL = "site.cancel"        # the cancel page of a site booking

    def __str__(self) -> str:
        return self.value


MAIL_KINDS = frozenset(k for k in Kind if k.value.startswith("mail."))
STAFF_KINDS = frozenset(k for k in Kind if k.value.startswith("staff."))
DELIVERY_KINDS = frozenset(k for k in Kind if k.value.startswith("delivery."))
SITE_KINDS = frozenset(k for k in Kind if k.value.startswith("site."))


@dataclass(frozen=True)
class Meaning:
    """A mail read in context: its kind plus what the handler needs."""

    kind: Kind
    slot: str | None = None                       # PICK: the offered slot picked
    why: str | None = None                        # PICK_UNCLEAR / UNCLEAR: why unclear
    wishes: tuple[Requested, ...] = ()            # NEW_TIME / REQUEST: the times asked for
    also_question: bool = False                   # a question asked beside the main point
    rule: str = ""                                # which reading rule decided (history)


@dataclass(frozen=True)
class Mail:
    inbound: Inbound
    understanding: Understanding
    meaning: Meaning
    matched: str = "new"                          # message_id | subject_reference | sender | new

    @property
    def kind(self) -> Kind:
        return self.meaning.kind


@dataclass(frozen=True)
class Tick:
    kind: Kind = Kind.TICK


@dataclass(frozen=True)
class Staff:
    """A staff decision from the `mailbot` command (a phone call, the session itself).

    `notify` = mail the seeker. `contact` + `new_ref` start a new conversation for the seeker of
    an earlier one (a further session fixed during a session, terms art. 6 (5))."""

    action: str                                   # book | cancel | attended | no_show | resume | resolve | clear_address
    slot: str | None = None
    notify: bool = True
    contact: Mapping | None = None
    new_ref: str | None = None
    note: str | None = None
    user: str | None = None

    @property
    def kind(self) -> Kind:
        return Kind(f"staff.{self.action}")


@dataclass(frozen=True)
class Delivery:
    """What became of an outbox item of this conversation."""

    outcome: str                                  # sent | failed | bounced | rejected
    mail_kind: str                                # the template of the item
    to: str
    item_id: str | None = None
    detail: str = ""
    code: int | None = None                       # the SMTP reply code, when there was one
    permanent: bool = True

    @property
    def kind(self) -> Kind:
        return Kind(f"delivery.{self.outcome}")


@dataclass(frozen=True)
class Site:
    """Something a seeker did on the booking site. The web shell checks the request (CSRF,
    rate limits, the signed token) and makes the links; deciding is the table's.

    applied: `contact`, `slot`, `note`, `agreed_at`, `new_ref`, `token_id` (the nonce of the
    link), `link_url` (for the mail only, never stored). clicked: `token_id`, `cancel_token_id`
    and `cancel_url`, `site_url` (for the confirmation mail). cancel: `site_url`."""

    action: str                                   # applied | clicked | cancel
    slot: str | None = None
    contact: Mapping | None = None
    note: str | None = None
    agreed_at: datetime | None = None
    new_ref: str | None = None
    token_id: str | None = None
    link_url: str | None = None
    cancel_token_id: str | None = None
    cancel_url: str | None = None
    site_url: str | None = None

    @property
    def kind(self) -> Kind:
        return Kind(f"site.{self.action}")


Event = Mail | Tick | Staff | Delivery | Site


# ---------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class Send:
    """Compose template `kind` for the thread and send it to `to`."""

    kind: str
    to: str
    extra: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class NotifyStaff:
    """A notice to office.staff_address: reason code, a short summary, the mail attached."""

    reason: str
    detail: str = ""


@dataclass(frozen=True)
class File:
    """Where the source mail goes: Processed or NeedsStaff (with the reference and reason)."""

    folder: str


Action = Send | NotifyStaff | File


class Refused(ValueError):
    """A staff command that does not fit the conversation (the message says why)."""


class Unhandled(LookupError):
    """A (state, event kind) pair that is not in the table: a bug, never silently ignored."""


# ---------------------------------------------------------------------------- context


@dataclass(frozen=True)
class Context:
    """Everything decide() may know besides the thread and the event. No clock, no I/O."""

    rules: object                                 # mailbot.rules.Rules
    now: datetime
    taken: Mapping[str, int] = field(default_factory=dict)     # slot key -> seats taken
    seats: Mapping[str, frozenset] = field(default_factory=dict)  # slot key -> seat numbers used
    terms: object | None = None                   # TermsRef of the terms in force now
    no_shows: int = 0


__all__ = ["Kind", "Meaning", "Mail", "Tick", "Staff", "Delivery", "Site", "Event", "Send", "NotifyStaff",
           "File", "Action", "Refused", "Unhandled", "Context", "MAIL_KINDS", "STAFF_KINDS",
           "DELIVERY_KINDS", "SITE_KINDS"]
