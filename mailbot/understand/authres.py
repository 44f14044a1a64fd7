"""DMARC as the office's own server reported it (RFC 8601 Authentication-Results).

Only results stamped with the configured authserv-id count: any other Authentication-Results
header may have been written by the sender. None when the server says nothing.
"""

from __future__ import annotations

import re
from email.parser import BytesHeaderParser
from email import policy

_DMARC = re.compile(r"(?:^|;)\s*dmarc\s*=\s*([a-z]+)", re.I)


def dmarc_result(raw: bytes, authserv_id: str) -> str | None:
    """``pass``, ``fail`` or another RFC 8601 result of our server's DMARC check, or None."""
    if not authserv_id:
        return None
    try:
        headers = BytesHeaderParser(policy=policy.compat32).parsebytes(raw[:200_000])
    except Exception:                                 # noqa: BLE001 - unreadable: not reported
        return None
    wanted = authserv_id.strip().lower()
    for value in headers.get_all("Authentication-Results") or []:
        text = " ".join(str(value).split())
        server = text.split(";", 1)[0].strip().split()[0].lower() if text.strip() else ""
        if server != wanted:
            continue
        m = _DMARC.search(text[len(server):])
        if m:
            return m.group(1).lower()
    return None


__all__ = ["dmarc_result"]
