"""Helpers for the conversation tests: mails written as text, read by the real parser, then
read in context and decided, exactly as the engine does (without the store)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailbot.conversation import Context, Mail, Send, NotifyStaff, File, decide, interpret
from mailbot.conversation.model import TermsRef, Thread
from mailbot.rules import load_rules
from mailbot.understand import understand_inbound
from mailbot.understand.model import Inbound

JST = ZoneInfo("Asia/Tokyo")
RULES = load_rules(Path(__file__).resolve().parents[2] / "rules")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=JST)          # a Tuesday
SEEKER = "taro@example.jp"
OFFICE = "online-soudan@akita-hw.example.jp"
TERMS = TermsRef(version="2023-08-22", sha256="ab" * 32, effective="2023-08-22")
_ids = itertools.count(1)

FIRST = """ハローワーク秋田 御中

オンライン職業相談の予約をお願いします。
氏名：秋田 太郎
電話：090-1234-5678
希望日時：{wish}
"""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JST) if "+" not in text else datetime.fromisoformat(text)


def ctx(now=NOW, taken=None, rules=RULES, seats=None, no_shows=0) -> Context:
    return Context(rules=rules, now=now, taken=taken or {}, seats=seats or {}, terms=TERMS,
                   no_shows=no_shows)


def mail(thread: Thread | None, text: str, *, now=NOW, sender=SEEKER, reply=None, subject=None,
         rules=RULES) -> Mail:
    """A mail from `sender`. `reply` (default: whenever there is a thread) makes it a reply to
    our last mail in the thread; otherwise it is a fresh mail found by its sender."""
    reply = (thread is not None) if reply is None else reply
    parent = thread.message_ids[-1] if thread is not None and thread.message_ids else None
    inbound = Inbound(message_id=f"<m{next(_ids)}@example.jp>",
                      in_reply_to=parent if reply else None,
                      references=(parent,) if reply and parent else (),
                      subject=subject or ("Re: ご予約について" if reply else "相談の予約"),
                      from_addr=sender, from_name="", to_addrs=(OFFICE,), date=now, headers={},
                      text=text)
    u = understand_inbound(inbound, rules.policy.windows, now)
    matched = ("message_id" if reply else "sender") if thread is not None else "new"
    return Mail(inbound, u, interpret(thread, inbound, u, matched=matched, rules=rules, now=now), matched)


def step(thread, text, *, now=NOW, taken=None, rules=RULES, seats=None, **kw):
    """(new thread, actions) after `text` arrives; a new thread gets a reference."""
    event = mail(thread, text, now=now, rules=rules, **kw)
    new, actions = decide(thread, event, ctx(now, taken, rules, seats))
    if new is not None and new.ref is None:
        new.ref = f"AK-2612-{next(_ids):04d}"
    if new is not None:
        # what the engine does when it records a Send: our Message-ID joins the thread
        for a in actions:
            if isinstance(a, Send) and a.to == new.bound_to:
                new.message_ids.append(f"<{new.ref}.{a.kind}.{next(_ids)}@akita>")
    return new, actions


def sends(actions) -> list[str]:
    return [a.kind for a in actions if isinstance(a, Send)]


def sent_to(actions) -> list[tuple[str, str]]:
    return [(a.kind, a.to) for a in actions if isinstance(a, Send)]


def staff(actions) -> list[str]:
    return [a.reason for a in actions if isinstance(a, NotifyStaff)]


def folder(actions) -> str:
    return [a.folder for a in actions if isinstance(a, File)][-1]


def mark_sent(thread: Thread, now=NOW, rules=RULES) -> Thread:
    """The shell reports that our last mail left (an offer's lifetime starts)."""
    from mailbot.conversation import Delivery
    new, _ = decide(thread, Delivery("sent", thread.last_sent or "offer", thread.bound_to), ctx(now, rules=rules))
    return new


def offered(wish="12月4日（金）14:00", now=NOW, **kw) -> Thread:
    thread, actions = step(None, FIRST.format(wish=wish), now=now, reply=False, **kw)
    assert thread.state.value == "offered", (actions, thread.history)
    return mark_sent(thread, now, rules=kw.get("rules", RULES))


def confirmed(wish="12月4日（金）14:00", choice="1番でお願いします", now=NOW) -> Thread:
    thread = offered(wish, now=now)
    thread, actions = step(thread, choice, now=now)
    assert thread.state.value == "confirmed", (actions, thread.history[-1])
    return mark_sent(thread, now)


def with_rules(**policy) -> object:
    return replace(RULES, policy=replace(RULES.policy, **policy))


SITE_SLOT = "2026-12-04T14:00/c1"


def site_event(action: str, **kw):
    """A booking-site event as the web shell makes it (links are placeholders here)."""
    from mailbot.conversation import Site
    if action == "applied":
        kw = {"slot": SITE_SLOT, "contact": {"name": "秋田 太郎", "email": SEEKER, "phone": "090-1234-5678"},
              "agreed_at": NOW, "new_ref": "AK-2612-0500", "token_id": "tok1",
              "link_url": "https://yoyaku.example.jp/link/x", **kw}
    elif action == "clicked":
        kw = {"token_id": "tok1", "cancel_token_id": "can1", "cancel_url": "https://yoyaku.example.jp/cancel/y",
              "site_url": "https://yoyaku.example.jp/", **kw}
    return Site(action, **kw)


def site_pending(now=NOW, sent=True, **kw) -> Thread:
    """A site application whose link mail left at `now` (unless sent=False)."""
    thread, _ = decide(None, site_event("applied", **kw), ctx(now))
    assert thread.state.value == "pending_link", thread.history
    return mark_sent(thread, now) if sent else thread


def site_confirmed(now=NOW) -> Thread:
    thread, _ = decide(site_pending(now), site_event("clicked"), ctx(now))
    assert thread.state.value == "confirmed", thread.history
    return mark_sent(thread, now)
