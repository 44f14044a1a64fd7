"""The application form (terms art. 6 (2)): name, email, phone required; 求職番号 and a free
text optional; the terms agreed. Pure.

Every field is normalised and checked before anything is stored, so hostile or broken input
gets an error next to its field and never a half-done record. Errors are codes; their Japanese
texts live in templates/web/_messages.html. Addresses are checked for shape only: old carrier
addresses such as ``taro..yamada@docomo.ne.jp`` are real and must pass (PITFALLS).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

LIMITS = {"name": 40, "email": 254, "phone": 20, "seeker_number": 20, "note": 1000}
FIELDS = ("slot", "name", "email", "email2", "phone", "seeker_number", "note", "agree", "terms_version")
_EMAIL = re.compile(r"^[^@\s\"<>(),;:\\\[\]]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                    r"[A-Za-z]{2,63}$")
_PHONE = re.compile(r"^0\d{9,10}$")
_SEEKER = re.compile(r"^(\d{5})-?(\d{8})$")
_SLOT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/[a-z0-9][a-z0-9_-]{0,19}$")
_DASHES = re.compile(r"[‐‑‒–—―−－ー]")          # what phones and IMEs type for '-'
_PHONE_NOISE = re.compile(r"[\s()\-]")


@dataclass(frozen=True)
class Application:
    slot: str
    name: str
    email: str
    phone: str
    seeker_number: str | None
    note: str | None


def _bad_chars(text: str, multiline: bool = False) -> bool:
    """Control and format characters (NUL, escapes, bidi overrides, zero-width) have no place
    in a name or an address; a free text may keep its line breaks and tabs."""
    for ch in text:
        if multiline and ch in "\n\t":
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return True
    return False


def read_application(form: Mapping[str, str], *, terms_version: str | None) -> tuple[Application | None, dict[str, str], dict[str, str]]:
    """(application or None, errors {field: code}, values to show again)."""
    raw = {k: str(form.get(k) or "") for k in FIELDS}
    errors: dict[str, str] = {}
    shown: dict[str, str] = {}

    def text(key: str, *, required: bool, multiline: bool = False) -> str:
        value = raw[key].replace("\r\n", "\n").replace("\r", "\n")
        bad = _bad_chars(value.strip(), multiline)      # a line break in a name is no space
        value = value.strip() if multiline else " ".join(value.split())
        shown[key] = value[: LIMITS.get(key, 200) * 2]
        if bad:
            errors[key] = "bad_chars"
        elif required and not value:
            errors[key] = "required"
        elif len(value) > LIMITS.get(key, 200):
            errors[key] = "too_long"
        return value

    slot = raw["slot"].strip()
    if not _SLOT.match(slot):
        errors["slot"] = "slot_invalid"
    name = text("name", required=True)
    email = unicodedata.normalize("NFKC", text("email", required=True)).lower()
    email2 = unicodedata.normalize("NFKC", text("email2", required=True)).lower()
    if "email" not in errors and not _EMAIL.match(email):
        errors["email"] = "email_invalid"
    if "email" not in errors and "email2" not in errors and email != email2:
        errors["email2"] = "email_mismatch"
    phone = _DASHES.sub("-", unicodedata.normalize("NFKC", text("phone", required=True)))
    if "phone" not in errors and not _PHONE.match(_PHONE_NOISE.sub("", phone)):
        errors["phone"] = "phone_invalid"
    seeker = _DASHES.sub("-", unicodedata.normalize("NFKC", text("seeker_number", required=False)))
    m = _SEEKER.match(seeker.replace(" ", "")) if seeker else None
    if seeker and "seeker_number" not in errors and not m:
        errors["seeker_number"] = "seeker_number_invalid"
    note = text("note", required=False, multiline=True)
    if raw["agree"] != "yes":
        errors["agree"] = "agree_required"
    elif terms_version is not None and raw["terms_version"] != terms_version:
        errors["agree"] = "terms_changed"                # the terms changed while the form was open
    if errors:
        return None, errors, shown
    return Application(
        slot=slot, name=name, email=email, phone=phone,
        seeker_number=f"{m[1]}-{m[2]}" if m else None, note=note or None), {}, shown


__all__ = ["Application", "read_application", "LIMITS", "FIELDS"]
