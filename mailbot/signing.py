"""Signed Message-IDs (in the style of osTicket): a reply proves it answers a mail we sent.

Our Message-ID is ``<REF.NONCE.SIG@domain>`` where SIG is an HMAC-SHA256 over ``REF.NONCE``
with a secret only the office has (short enough that the header is never folded; which
template a mail was is in its ``X-Mailbot-Kind`` header and the outbox). A reply's In-Reply-To/References that
look like ours but do not verify were forged or guessed: such a mail is tied to no conversation
and goes to staff. A booking reference alone (it is in every subject) authorises nothing.

The secret comes from config (`[security] secret`) or, when the config has none, from
`state/secret.key`, generated on first run with mode 0600.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

SECRET_FILE = "secret.key"
_SIG_CHARS = 13                                  # 65 bits
_NONCE_BYTES = 5                                 # 40 bits, fresh per mail
_OURS = re.compile(r"^<?(?P<body>(?P<ref>[A-Za-z0-9-]+)\.(?P<nonce>[0-9a-f]{10}))"
                   r"\.(?P<sig>[a-z2-7]{%d})@(?P<domain>[^<>@\s]+)>?$" % _SIG_CHARS)
_LEGACY = re.compile(r"^<?[A-Z]{1,5}-\d{4}-\d{4}\.[a-z_]+\.[0-9a-f]{12}@[^<>@\s]+>?$")
# Shaped like one of ours (a booking reference first, or our anonymous prefix) but not signed.
_LOOKS_OURS = re.compile(r"^<?(?:[A-Z]{1,5}-\d{4}-\d{4}|mailbot)\.")


def load_secret(state_dir: Path, configured: str | None = None) -> bytes:
    """The signing secret: from config, else state/secret.key (created 0600 when missing)."""
    if configured:
        return configured.encode("utf-8")
    path = Path(state_dir) / SECRET_FILE
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    value = secrets.token_hex(32).encode("ascii")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:                       # another process made it first
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as f:
        f.write(value + b"\n")
        f.flush()
        os.fsync(f.fileno())
    return value


@dataclass(frozen=True)
class Signer:
    secret: bytes

    def _sig(self, body: str) -> str:
        digest = hmac.new(self.secret, body.encode("ascii"), hashlib.sha256).digest()
        return base64.b32encode(digest).decode("ascii").lower()[:_SIG_CHARS]

    def message_id(self, ref: str, domain: str) -> str:
        ref = re.sub(r"[^A-Za-z0-9-]", "", ref)[:20] or "mailbot"
        body = f"{ref}.{secrets.token_hex(_NONCE_BYTES)}"
        return f"<{body}.{self._sig(body)}@{domain}>"

    def mac(self, purpose: str, body: str, chars: int = 26) -> str:
        """An HMAC of `body` for one `purpose` (base32, `chars` long): the booking site's links
        and form tokens. The purpose keeps one kind of token from passing for another, and
        none from passing for a Message-ID signature."""
        digest = hmac.new(self.secret, f"{purpose}\0{body}".encode("utf-8"), hashlib.sha256).digest()
        return base64.b32encode(digest).decode("ascii").lower()[:chars]

    def check(self, message_id: str) -> str:
        """``ours`` (a valid signature), ``forged`` (our form, bad or missing signature),
        ``legacy`` (an unsigned id of an earlier release: still looked up, it cannot be
        forged into a conversation it is not stored in) or ``foreign``."""
        value = (message_id or "").strip()
        m = _OURS.match(value)
        if m:
            if hmac.compare_digest(self._sig(m["body"]), m["sig"]):
                return "ours"
            return "forged"
        if _LEGACY.match(value):
            return "legacy"
        if _LOOKS_OURS.match(value):
            return "forged"
        return "foreign"


__all__ = ["Signer", "load_secret", "SECRET_FILE"]
