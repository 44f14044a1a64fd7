"""Understanding mail: bytes -> Inbound (decoded message) -> Understanding (fields, intent).

Public API (used by the workflow, the daemon and `mailbot parse`):

    read_message(raw: bytes) -> Inbound                      (mime.py)
    understand(raw: bytes, windows=None) -> (Inbound, Understanding)

`windows` maps "am"/"pm" to (start, end) times for 午前/午後; default 09:00-12:00 / 13:00-17:00.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from typing import Mapping

from mailbot.understand import confidence
from mailbot.understand.automated import automated_reason
from mailbot.understand.dates import DEFAULT_WINDOWS, extract_requested, to_jst_date
from mailbot.understand.english import english_requested
from mailbot.understand.envelope import read_envelope
from mailbot.understand.fields import (extract_attendant, extract_choice, extract_email,
                                       extract_phone, extract_seeker_number, name_with_reason,
                                       addressed_name)
from mailbot.understand.intent import classify_intent
from mailbot.understand.mime import read_message
from mailbot.understand.model import Inbound, Requested, Understanding
from mailbot.understand.quotes import split_reply
from mailbot.understand.signals import Signals, read_signals

__all__ = ["understand", "understand_inbound", "read_message"]

# A seeker's own text is a few hundred characters; beyond this it is pasted material, and
# reading it all would only cost time (the extractors are linear, but not free).
_MAX_FRESH = 20_000
_MAX_SIGNATURE = 2_000
# Intents whose dates are never requests (existing bookings, auto-replies, newsletters, spam).
_NO_REQUEST_INTENTS = ("cancel", "automated", "other")


def understand(raw: bytes, windows: Mapping[str, tuple[time, time]] | None = None,
               now: datetime | None = None) -> tuple[Inbound, Understanding]:
    """Decode and read one raw message. Never raises: an undecodable mail gives intent
    "other" and a warning. `now` is only the reference for relative dates when the mail
    has no readable Date header."""
    inbound = replace(read_message(raw), envelope=read_envelope(raw))
    return inbound, understand_inbound(inbound, windows, now)


def understand_inbound(inbound: Inbound, windows: Mapping[str, tuple[time, time]] | None = None,
                       now: datetime | None = None) -> Understanding:
    """Fields and intent of an already decoded message (never raises)."""
    warnings = [f"decode: {d}" for d in inbound.defects]
    if inbound.envelope is not None and inbound.envelope.broken:
        warnings.append(f"broken_mail: {', '.join(inbound.envelope.broken)}")
    if not inbound.text.strip() and not inbound.subject.strip() and not inbound.from_addr:
        warnings.append("undecodable: no readable header or text")
        return Understanding(intent="other", warnings=tuple(warnings))
    try:
        return _read_fields(inbound, windows, now, warnings)
    except Exception as exc:  # noqa: BLE001 - one odd mail must not stop the mailbox
        warnings.append(f"internal_error: {type(exc).__name__}")
        return Understanding(intent="other", email=inbound.from_addr.lower() or None,
                             warnings=tuple(warnings))


def _read_fields(inbound: Inbound, windows: Mapping[str, tuple[time, time]] | None,
                 now: datetime | None, warnings: list[str]) -> Understanding:
    reply = split_reply(inbound.text)
    automated = automated_reason(inbound, reply)
    fresh, signature = reply.fresh, reply.signature[:_MAX_SIGNATURE]
    if len(fresh) > _MAX_FRESH:
        warnings.append(f"long_text: only the first {_MAX_FRESH} characters were read")
        fresh = fresh[:_MAX_FRESH]
    choice, choice_warnings = extract_choice(fresh, reply.quoted)
    requested: list[Requested] = []
    date_rule = "dates"
    ref = inbound.date or now
    if automated is None:
        if ref is None:
            warnings.append("no_date: no Date header; dates not read")
        else:
            requested, date_warnings = extract_requested(fresh, ref, windows)
            warnings.extend(date_warnings)
            wins = {**DEFAULT_WINDOWS, **(windows or {})}
            english = [r for _, r in english_requested(fresh, to_jst_date(ref), wins) if r not in requested]
            date_rule = "english_dates" if english and not requested else "dates"
            # 「12/17 at 10」: the English reading gives the time the Japanese one left out
            timed = {r.date for r in english if r.start is not None}
            requested = [r for r in requested if r.start is not None or r.date not in timed] + english
            # a day the Japanese reader timed (「12/16(水) afternoon」) is not a whole day on top
            timed = {r.date for r in requested if r.start is not None}
            requested = [r for r in requested if r.start is not None or r.date not in timed]
    intent = classify_intent(fresh, inbound.subject, inbound.in_reply_to, automated,
                             choice=choice, has_requested=bool(requested))
    signals = Signals() if automated else read_signals(fresh, choice=choice, dates=tuple(requested))
    if intent in _NO_REQUEST_INTENTS:
        requested = []
    if intent == "automated":
        choice = None
    else:
        warnings.extend(choice_warnings)
    own = tuple(inbound.to_addrs)
    person = intent != "automated"
    name, name_rule = name_with_reason(fresh, signature, inbound.from_name,
                                       addressed_name(reply.quoted)) if person else (None, None)
    email = extract_email(fresh, signature, inbound.from_addr, own) if person \
        else (inbound.from_addr.lower() or None)
    readings = {
        "name": confidence.name_reading(name, name_rule),
        "seeker_number": confidence.plain(extract_seeker_number(fresh, signature) if person else None, "pattern", 0.95),
        "email": confidence.plain(email, "from_header" if email == inbound.from_addr.lower() else "body", 0.9),
        "phone": confidence.plain(extract_phone(fresh, signature) if person else None, "pattern", 0.9),
        "requested": confidence.plain([r.to_json() for r in requested], date_rule, 0.85),
        "choice": confidence.plain(choice, "option_number", 0.9),
        "attendant": confidence.plain(extract_attendant(fresh) if person else None, "keyword", 0.85),
    }
    readings, low = confidence.apply_threshold(readings)
    warnings.extend(low)
    return Understanding(
        intent=intent,
        name=readings["name"].value,
        seeker_number=readings["seeker_number"].value,
        email=readings["email"].value,
        phone=readings["phone"].value,
        requested=tuple(requested) if readings["requested"].value else (),
        choice=readings["choice"].value,
        attendant=readings["attendant"].value,
        warnings=tuple(warnings),
        signals=signals,
        fields={k: r.to_json() for k, r in readings.items()},
    )
