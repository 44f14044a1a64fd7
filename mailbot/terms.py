"""The terms of use we attach to offers, by version (terms art. 13: a new version, with its
effective date, applies to offers sent after that date).

`paths.terms` is either one file (one version, in force since always; its version is the
start of its sha256) or a folder of versions named by their effective date, e.g.
``terms/2023-08-22.txt`` and ``terms/2027-04-01.txt``: an offer composed on a day carries the
newest version in force that day. Each booking stores the version and sha256 of the terms its
seeker agreed to, so staff can say who consented to what.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from mailbot.conversation.model import TermsRef

_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class TermsVersion:
    version: str
    effective: date | None
    path: Path
    sha256: str

    def ref(self) -> TermsRef:
        return TermsRef(version=self.version, sha256=self.sha256,
                        effective=self.effective.isoformat() if self.effective else None)

    def read(self) -> bytes:
        return self.path.read_bytes()


class TermsError(ValueError):
    pass


class TermsLibrary:
    """The versions found at `path` (read once; `reload()` re-reads after an admin's edit)."""

    def __init__(self, path: Path | None):
        self.path = Path(path) if path else None
        self.versions: tuple[TermsVersion, ...] = ()
        self.problem: str | None = None
        try:
            self.reload()
        except (TermsError, OSError) as exc:
            # Reported by the template check (start-up, reload, `rules check`), not here.
            self.problem = str(exc)

    def reload(self) -> None:
        if self.path is None:
            self.versions = ()
            return
        if self.path.is_dir():
            found = []
            for file in sorted(self.path.glob("*.txt")):
                m = _DATED.match(file.stem)
                if not m:
                    raise TermsError(f"{file}: name a terms version by its effective date, "
                                     "e.g. 2027-04-01.txt")
                try:
                    effective = date.fromisoformat(m.group(1))
                except ValueError:
                    raise TermsError(f"{file}: {m.group(1)} is not a date") from None
                found.append(_version(file, file.stem, effective))
            if not found:
                raise TermsError(f"{self.path}: no terms file (*.txt) in the folder")
            self.versions = tuple(sorted(found, key=lambda v: v.effective))
        elif self.path.is_file():
            digest = _sha256(self.path)
            self.versions = (TermsVersion(f"sha256:{digest[:12]}", None, self.path, digest),)
        else:
            raise TermsError(f"terms file not found: {self.path}")

    def current(self, now: datetime) -> TermsVersion | None:
        """The version in force on `now`'s day (the earliest one before any is in force)."""
        if not self.versions:
            return None
        today = now.date()
        valid = [v for v in self.versions if v.effective is None or v.effective <= today]
        return valid[-1] if valid else self.versions[0]

    def get(self, version: str | None) -> TermsVersion | None:
        return next((v for v in self.versions if v.version == version), None)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _version(path: Path, name: str, effective: date | None) -> TermsVersion:
    return TermsVersion(name, effective, path, _sha256(path))


__all__ = ["TermsLibrary", "TermsVersion", "TermsError"]
