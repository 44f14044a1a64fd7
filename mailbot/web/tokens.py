"""Tokens the site hands out: the one-hour link, the cancel page, the form's CSRF token.

A link token is ``REF.NONCE.MAC``: the booking reference (to find the record), a fresh nonce
the record keeps (so only the latest link of that application works, and its use is recorded
there), and an HMAC over both with the office's secret and the token's purpose. A guessed or
altered token fails the MAC before the store is read, so the answer for "no such booking" and
"wrong token" is the same page. The reference alone opens nothing.

CSRF: the form carries an HMAC of a random cookie value (double submit, signed), so another
site cannot post for a seeker's browser.
"""

from __future__ import annotations

import hmac
import re
import secrets

from mailbot.signing import Signer

_TOKEN = re.compile(r"^(?P<ref>[A-Z]{1,5}-\d{4}-\d{4,6})\.(?P<nonce>[0-9a-f]{16})\.(?P<mac>[a-z2-7]{26})$")
_COOKIE = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
PURPOSES = ("link", "cancel")


class Tokens:
    def __init__(self, signer: Signer):
        self.signer = signer

    def make(self, purpose: str, ref: str) -> tuple[str, str]:
        """(token, nonce) for `purpose` on booking `ref`; the caller stores the nonce."""
        assert purpose in PURPOSES
        nonce = secrets.token_hex(8)
        return f"{ref}.{nonce}.{self.signer.mac('site-' + purpose, f'{ref}.{nonce}')}", nonce

    def read(self, purpose: str, token: str) -> tuple[str, str] | None:
        """(ref, nonce) of a token we made for `purpose`, else None."""
        m = _TOKEN.match(token or "")
        if not m or purpose not in PURPOSES:
            return None
        want = self.signer.mac("site-" + purpose, f"{m['ref']}.{m['nonce']}")
        if not hmac.compare_digest(want, m["mac"]):
            return None
        return m["ref"], m["nonce"]

    # -- CSRF

    @staticmethod
    def new_cookie() -> str:
        return secrets.token_urlsafe(24)

    @staticmethod
    def cookie_ok(value: str | None) -> bool:
        return bool(value and _COOKIE.match(value))

    def csrf_for(self, cookie: str) -> str:
        return self.signer.mac("site-csrf", cookie)

    def csrf_ok(self, cookie: str | None, field: str | None) -> bool:
        if not self.cookie_ok(cookie) or not field:
            return False
        return hmac.compare_digest(self.csrf_for(cookie), field)

    def address_key(self, email: str) -> str:
        """A keyed hash of an address for the per-address counter: the store names no address."""
        return self.signer.mac("site-rate", email.strip().lower(), chars=16)


__all__ = ["Tokens"]
