"""What mail-parser adds to a message: its defects, the Received chain, the sender's IP and the
attachment list, for staff (`mailbot parse --headers`, the staff notice).

mail-parser is never used to decode text: it returns ISO-2022-JP bodies as raw escape bytes and
garbles cp932 in JIS mail (PITFALLS.md), so text stays with mime.py/charsets.py. What it does well
is the envelope: it splits every Received header into hops and sorts the stdlib's defects of every
part into categories. A mail whose structure is broken (a boundary never closed, a multipart with
no parts, a header block without its blank line) is flagged so staff look at it themselves.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import mailparser

# mail-parser logs every part type it does not handle ("Email content 'mixed' not handled"):
# noise, and logs must never describe mail content.
logging.getLogger("mailparser").setLevel(logging.CRITICAL)

# Defects that mean the structure itself is broken, so a part may be missing or merged into
# another: the bot's reading cannot be trusted and staff should open the mail.
SERIOUS = frozenset({
    "CloseBoundaryNotFoundDefect", "StartBoundaryNotFoundDefect", "NoBoundaryInMultipartDefect",
    "MultipartInvariantViolationDefect", "MissingHeaderBodySeparatorDefect",
    "FirstHeaderLineIsContinuationDefect", "InvalidMultipartContentTransferEncodingDefect",
    "MisplacedEnvelopeHeaderDefect", "InvalidBase64LengthDefect", "InvalidBase64CharactersDefect",
    "InvalidBase64PaddingDefect",
})
_IP = re.compile(r"\[(?:IPv6:)?([0-9A-Fa-f:.]+)\]")
_MAX_HOPS = 12


@dataclass(frozen=True)
class Hop:
    by: str
    from_: str
    when: str


@dataclass(frozen=True)
class Envelope:
    received: tuple[Hop, ...] = ()                       # from the origin to our server
    sender_ip: str | None = None
    attachments: tuple[tuple[str, str, int], ...] = ()   # (file name, content type, bytes)
    defects: tuple[str, ...] = ()                        # categories, sorted
    error: str | None = None                             # mail-parser itself failed

    @property
    def broken(self) -> tuple[str, ...]:
        """The serious defect categories (empty for a sound mail)."""
        return tuple(d for d in self.defects if d in SERIOUS)

    def to_json(self) -> dict:
        return {"received": [{"from": h.from_, "by": h.by, "date": h.when} for h in self.received],
                "sender_ip": self.sender_ip,
                "attachments": [{"filename": n, "content_type": t, "size": s} for n, t, s in self.attachments],
                "defects": list(self.defects), "broken": list(self.broken), "error": self.error}


def read_envelope(raw: bytes) -> Envelope:
    """mail-parser's view of the raw message; never raises (a failure is reported in `error`)."""
    try:
        m = mailparser.parse_from_bytes(raw)
        hops = tuple(Hop(by=str(h.get("by", "")), from_=str(h.get("from", "")), when=str(h.get("date", "")))
                     for h in (m.received or [])[:_MAX_HOPS])
        attachments = tuple((str(a.get("filename") or ""), str(a.get("mail_content_type") or ""),
                             _size(a)) for a in (m.attachments or []))
        return Envelope(received=hops, sender_ip=_sender_ip(hops), attachments=attachments,
                        defects=tuple(sorted(m.defects_categories or ())))
    except Exception as exc:  # noqa: BLE001 - a library failure must not stop the mailbox
        return Envelope(error=type(exc).__name__)


def _size(attachment: dict) -> int:
    payload = attachment.get("payload") or ""
    if attachment.get("binary"):                  # base64 text: the decoded size
        b64 = re.sub(r"\s", "", payload)
        return len(b64) * 3 // 4 - len(b64) + len(b64.rstrip("="))
    return len(payload.encode("utf-8", "replace")) if isinstance(payload, str) else len(payload)


def _sender_ip(hops: tuple[Hop, ...]) -> str | None:
    """The address our own server received the mail from. mail-parser lists hops from the
    origin, so ours is the last; in 「[HELO] (host [IP])」 the connecting address is the last one."""
    for hop in hops[-1:]:
        found = _IP.findall(hop.from_)
        if found:
            return found[-1]
    return None


def envelope_lines(envelope: Envelope | None) -> list[str]:
    """Lines for the staff notice summary and `mailbot parse --headers` (Japanese labels)."""
    if envelope is None:
        return []
    lines: list[str] = []
    if envelope.error:
        lines.append(f"構造　　：mail-parser で読めませんでした（{envelope.error}）")
    if envelope.broken:
        lines.append(f"構造　　：壊れたメールです（{', '.join(envelope.broken)}）。原本をご確認ください")
    elif envelope.defects:
        lines.append(f"構造　　：軽微な不備（{', '.join(envelope.defects)}）")
    if envelope.received:
        ours = envelope.received[-1]
        lines.append(f"経路　　：{len(envelope.received)}段（受信 {ours.by[:60]}）"
                     + (f" 送信元IP {envelope.sender_ip}" if envelope.sender_ip else ""))
    for name, ctype, size in envelope.attachments[:10]:
        lines.append(f"添付　　：{name[:60] or '(名前なし)'}（{ctype}, {size} バイト）")
    return lines
