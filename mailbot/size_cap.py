"""The size cap: mail over `policy.max_message_bytes` is not read by the bot.

No booking needs a 50 MB attachment, yet reading one costs seconds and hundreds of MB. Such mail
goes to staff (NeedsStaff) with a short polite answer (templates/too_large.j2). The IMAP adapter
learns the size before downloading (`ImapMailbox.fetch_capped`, RFC822.SIZE) and then fetches
only the header, which is enough to see who wrote and whether a machine did.
"""

from __future__ import annotations


def oversized(size: int | None, rules) -> bool:
    """True when a message of `size` bytes is over the cap. An unknown size is not: the
    parser copes with any size, the cap only saves the download and the work."""
    return size is not None and size > rules.policy.max_message_bytes


def size_text(rules) -> str:
    """The cap as the answer states it: "10MB", "500KB" (decimal units, as mail clients show)."""
    limit = rules.policy.max_message_bytes
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:.1f}".removesuffix(".0") + "MB"
    return f"{limit // 1000}KB"
