"""Which of our mails a bounce (DSN) is about, and for which address.

A delivery report names the mail it returns in one of: the ``Original-Message-ID`` /
``X-Original-Message-ID`` of the report, the headers of the returned message (a
``message/rfc822`` or ``text/rfc822-headers`` part), or, in the plain-text bounces of older
servers, a quoted ``Message-ID:`` line. We only act on Message-IDs that are ours (the caller
checks them against the store and the signature), so a forged report can at worst point at a
mail of the forger's own conversation.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass

_MID = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")
_MID_LINE = re.compile(r"^\s*(?:X-)?(?:Original-)?Message-ID\s*:\s*(<[^<>\s@]+@[^<>\s@]+>)", re.I | re.M)
_RECIPIENT = re.compile(r"^\s*(?:Final|Original)-Recipient\s*:\s*(?:rfc822;)?\s*<?([^<>\s;]+@[^<>\s;]+)>?",
                        re.I | re.M)
_STATUS = re.compile(r"^\s*Status\s*:\s*([245]\.\d{1,3}\.\d{1,3})", re.I | re.M)
_DIAGNOSTIC = re.compile(r"^\s*Diagnostic-Code\s*:\s*(.+(?:\n[ \t].+)*)", re.I | re.M)
_MAX_SCAN = 200_000


@dataclass(frozen=True)
class Bounce:
    message_ids: tuple[str, ...]      # ids the report refers to, best first
    recipient: str | None             # the address that failed
    status: str | None                # e.g. 5.1.1
    diagnostic: str                   # the server's words, one line

    @property
    def permanent(self) -> bool:
        return not self.status or self.status.startswith("5")


def read_bounce(raw: bytes) -> Bounce | None:
    """The bounce in `raw`, or None when it names no returned mail."""
    try:
        msg = email.message_from_bytes(raw[:_MAX_SCAN * 10], policy=email.policy.compat32)
    except Exception:                                 # noqa: BLE001 - a broken report is no bounce
        return None
    ids: list[str] = []
    texts: list[str] = []
    for header in ("Original-Message-ID", "X-Original-Message-ID"):
        ids += _MID.findall(str(msg.get(header) or ""))
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype in ("message/rfc822", "message/global"):
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if inner is not None:
                ids += _MID.findall(str(inner.get("Message-ID") or ""))
            continue
        if part.is_multipart():
            continue
        if ctype in ("text/rfc822-headers", "message/delivery-status", "text/plain",
                     "message/global-delivery-status", "message/global-headers"):
            text = _text(part)
            texts.append(text)
            if ctype != "message/delivery-status":
                ids += _MID_LINE.findall(text)
            else:
                ids += _MID.findall("\n".join(re.findall(r"^\s*(?:X-)?Original-Message-ID\s*:.*$", text,
                                                         re.I | re.M)))
    ids = list(dict.fromkeys(ids))
    if not ids:
        return None
    joined = "\n".join(texts)
    recipient = _RECIPIENT.search(joined)
    status = _STATUS.search(joined)
    diagnostic = _DIAGNOSTIC.search(joined)
    return Bounce(
        message_ids=tuple(ids),
        recipient=recipient.group(1).lower() if recipient else None,
        status=status.group(1) if status else None,
        diagnostic=" ".join(diagnostic.group(1).split())[:300] if diagnostic else "",
    )


def _text(part) -> str:
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = part.get_payload()
        if isinstance(payload, list):
            return "\n".join(str(p) for p in payload)[:_MAX_SCAN]
        return str(payload)[:_MAX_SCAN]
    return payload[:_MAX_SCAN].decode("utf-8", "replace")


__all__ = ["Bounce", "read_bounce"]
