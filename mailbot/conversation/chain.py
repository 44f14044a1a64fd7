"""Named rules that every inbound mail passes before the state table, in the style of
GNU Mailman 3's rules and chains. Pure.

Each rule is a small object with a name, a description and one `check`. The first rule that
decides ends the chain with its verdict; every hit, deciding or not, goes into the
conversation's history, so "why did the bot do that" has an answer. What the verdict does to
the conversation is `apply()`: nothing here sends mail by itself.

Verdicts:
- ``ignore``: file the mail, answer nobody (machines, our own mail, sales, unrelated mail);
- ``stranger``: changes nothing; staff are told; the writer gets a receipt without any
  booking details (the sender is not the address our mail went to, or the id was forged);
- ``staff``: a person takes the conversation (abuse, repeated no-shows, too large);
- ``limit``: the sender's daily cap is reached: one last notice, staff told, then silence;
- ``pass``: on to the state table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from mailbot.conversation import handlers as h
from mailbot.conversation.events import Action, Context, File, Kind, Mail, Meaning
from mailbot.conversation.model import CLOSED, Entry, State, Thread
from mailbot.understand.model import Inbound, Understanding

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass(frozen=True)
class Inspection:
    """Everything the rules may look at (gathered by the shell, read-only)."""

    inbound: Inbound
    understanding: Understanding
    thread: Thread | None
    matched: str                                  # message_id | subject_reference | sender | new
    size: int
    rules: object
    now: datetime
    id_check: str = "none"                        # ours | legacy | forged | foreign | none
    sender_today: int = 0                         # mails already received from this sender today
    no_shows: int = 0
    dmarc: str | None = None                      # pass | fail | None (not reported)
    dmarc_policy: str = "staff"                   # staff | ignore (config [trust])
    own_addresses: frozenset[str] = frozenset()
    staff_address: str = ""


@dataclass(frozen=True)
class Hit:
    rule: str
    verdict: str                                  # ignore | stranger | staff | limit | pass
    reason: str = ""
    folder: str = "NeedsStaff"
    ack: bool = True
    answer: str | None = None                     # a template to send the writer instead of an ack


@dataclass(frozen=True)
class Rule:
    name: str
    description: str

    def check(self, i: Inspection) -> Hit | None:     # pragma: no cover - interface
        raise NotImplementedError


# ---------------------------------------------------------------------------- the rules


class OwnMail(Rule):
    def check(self, i):
        headers = i.inbound.headers
        if i.inbound.from_addr in i.own_addresses or headers.get("x-mailbot-kind"):
            return Hit(self.name, "ignore", "our own mail came back", folder="NeedsStaff")
        return None


class Automated(Rule):
    def check(self, i):
        if i.understanding.intent == "automated":
            return Hit(self.name, "ignore", "automated mail", folder="NeedsStaff")
        return None


class FromStaff(Rule):
    def check(self, i):
        if i.staff_address and i.inbound.from_addr == i.staff_address.lower():
            return Hit(self.name, "ignore", "mail from the staff address", folder="NeedsStaff")
        return None


class TooLarge(Rule):
    def check(self, i):
        from mailbot.size_cap import oversized

        if oversized(i.size, i.rules):
            return Hit(self.name, "staff", "too_large", answer="too_large")
        return None


class SenderCap(Rule):
    def check(self, i):
        cap = i.rules.policy.caps.per_sender_per_day
        if i.sender_today == cap:
            return Hit(self.name, "limit", "sender_cap")
        if i.sender_today > cap:
            return Hit(self.name, "ignore", "over the daily cap", folder="NeedsStaff")
        return None


class ForgedId(Rule):
    def check(self, i):
        if i.id_check == "forged":
            return Hit(self.name, "stranger", "forged_reference")
        return None


class SenderBinding(Rule):
    def check(self, i):
        t = i.thread
        if t is not None and t.bound_to and i.inbound.from_addr != t.bound_to.lower():
            return Hit(self.name, "stranger", "stranger")
        return None


class Dmarc(Rule):
    def check(self, i):
        if i.dmarc == "fail" and i.thread is not None and i.dmarc_policy == "staff" \
                and i.thread.state not in CLOSED:
            return Hit(self.name, "stranger", "dmarc_fail")
        return None


class Abuse(Rule):
    def check(self, i):
        if i.understanding.signals.abuse:
            return Hit(self.name, "staff", "abuse")
        return None


class Unrelated(Rule):
    """A first mail the bot may not answer: no sender, sales, or neither Japanese nor any word
    of our service (stray mail). A foreign seeker asking for a booking in English is related:
    when the parser read a wish from it the bot offers as for any booking, else staff take it."""

    def check(self, i):
        if i.thread is not None and i.thread.state not in CLOSED:
            return None
        if not i.inbound.from_addr:
            return Hit(self.name, "ignore", "no sender")
        s = i.understanding.signals
        if s.sales:
            return Hit(self.name, "ignore", "sales mail")
        japanese = _JAPANESE.search(i.inbound.subject + i.inbound.text)
        if not japanese:
            if i.understanding.intent == "book" and i.understanding.requested:
                return None                       # English read like Japanese (understand/english.py)
            if i.understanding.intent in ("book", "question", "cancel", "reschedule") or s.asks_to_book:
                return Hit(self.name, "staff", "not_japanese")
            return Hit(self.name, "ignore", "not a Japanese mail")
        if i.thread is None and i.understanding.intent == "other" and not (
                i.understanding.name or i.understanding.phone or i.understanding.requested):
            return Hit(self.name, "ignore", "unrelated mail")
        return None


class NoShowLimit(Rule):
    def check(self, i):
        starting = i.thread is None or i.thread.state in CLOSED
        if starting and i.understanding.intent == "book" and \
                i.no_shows >= i.rules.policy.no_show_limit:
            return Hit(self.name, "staff", "no_show_limit")
        return None


CHAIN: tuple[Rule, ...] = (
    OwnMail("own_mail", "mail we sent, come back (loop)"),
    Automated("automated", "auto-replies, bounces, lists: never answered"),
    FromStaff("from_staff", "mail from the staff address is for people, not the bot"),
    TooLarge("too_large", "larger than policy.max_message_bytes"),
    SenderCap("sender_cap", "more mail from one sender per day than policy.caps allows"),
    ForgedId("forged_id", "In-Reply-To/References shaped like ours but not signed by us"),
    SenderBinding("sender_binding", "only the address our mail went to may act on a conversation"),
    Dmarc("dmarc", "the office's server says DMARC failed on mail that would change a booking"),
    Abuse("abuse", "threats or abuse (terms art. 12 (1)): a person answers"),
    Unrelated("unrelated", "no sender, sales, or not written to us"),
    NoShowLimit("no_show_limit", "earlier no-shows reached policy.no_show_limit (terms art. 6 (6))"),
)


def run(i: Inspection, chain: tuple[Rule, ...] = CHAIN) -> Hit:
    """The first deciding hit, or a `pass` hit."""
    for rule in chain:
        hit = rule.check(i)
        if hit is not None:
            return hit
    return Hit("pass", "pass")


# ---------------------------------------------------------------------------- verdicts


def apply(hit: Hit, i: Inspection, ctx: Context) -> tuple[Thread | None, list[Action]]:
    """What a deciding hit does. Pure: returns the record to store (or None) and actions."""
    mail = Mail(i.inbound, i.understanding, Meaning(Kind.UNCLEAR, why=hit.reason, rule=hit.rule),
                i.matched)
    if hit.verdict == "ignore":
        if i.thread is None:
            return None, [File(hit.folder)]
        t = _copy(i.thread)
        _history(t, ctx, hit, i)
        return t, [File(hit.folder)]
    if hit.verdict == "stranger":
        return _stranger(hit, i, ctx, mail)
    if hit.verdict == "limit":
        actions: list[Action] = [
            h.Send("limit_reached", i.inbound.from_addr, {"anonymous": True}),
            h.NotifyStaff("sender_cap", i.inbound.from_addr),
            File("NeedsStaff"),
        ]
        if i.thread is None:
            return None, actions
        t = _copy(i.thread)
        _history(t, ctx, hit, i)
        return t, actions
    # staff: a person takes the conversation (a new one when there is none)
    step = _step(i, ctx, mail)
    if step.t.state is State.NEW:
        h._merge(step.t, i.understanding, wishes=True)
        if i.understanding.email:
            step.t.contact.email = i.understanding.email
    if hit.answer:
        from mailbot.size_cap import size_text
        step.send(hit.answer, to=i.inbound.from_addr, anonymous=True, max_size=size_text(i.rules))
        h.escalate(step, hit.reason, ack=False)
    else:
        h.escalate(step, hit.reason, ack=hit.ack)
    return _finish(step, hit, i)


def _stranger(hit: Hit, i: Inspection, ctx: Context, mail: Mail):
    """Someone other than the seeker wrote into a conversation: nothing changes, staff are
    told, and the writer gets a receipt that names no booking, no person, no date."""
    actions: list[Action] = [
        h.NotifyStaff(hit.reason, i.inbound.from_addr),
        h.Send("received", i.inbound.from_addr, {"anonymous": True}),
        File("NeedsStaff"),
    ]
    if i.thread is None:
        return None, actions
    t = _copy(i.thread)
    t.notices.append({"reason": hit.reason, "at": ctx.now.isoformat(timespec="seconds"),
                      "detail": i.inbound.from_addr, "message_id": i.inbound.message_id})
    _history(t, ctx, hit, i)
    return t, actions


def _step(i: Inspection, ctx: Context, mail: Mail) -> h.Step:
    if i.thread is None or i.thread.state in CLOSED:
        t = h.new_thread(ctx, mail, from_addr=i.inbound.from_addr)
    else:
        t = _copy(i.thread)
        mid = i.inbound.message_id
        if mid and mid not in t.message_ids:
            t.message_ids.append(mid)
        t.last_in_message_id = mid
    step = h.Step(t=t, event=mail, ctx=ctx, kind=Kind.UNCLEAR, rule=f"chain.{mail.meaning.rule}")
    step._before = t.state
    return step


def _finish(step: h.Step, hit: Hit, i: Inspection):
    _history(step.t, step.ctx, hit, i, state_changed=True)
    return step.t, step.actions


def _history(t: Thread, ctx: Context, hit: Hit, i: Inspection, state_changed: bool = False) -> None:
    t.history.append(Entry(at=ctx.now, cause="chain", event=f"rule_hit:{hit.rule}",
                           to_state=t.state.value if state_changed else None,
                           rule=hit.rule, message_id=i.inbound.message_id,
                           detail={"verdict": hit.verdict, "reason": hit.reason}))
    t.updated_at = ctx.now


def _copy(t: Thread) -> Thread:
    import copy
    return copy.deepcopy(t)


__all__ = ["CHAIN", "Rule", "Hit", "Inspection", "run", "apply"]
