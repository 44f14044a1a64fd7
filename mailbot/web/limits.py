"""Rate limits: per client address in memory (a sliding hour), per email address in the store.

The client limit guards the form and the token pages against floods and guessing; it is kept
in memory because a restart forgiving a burst is harmless and a GET should not write the store.
The address limit (applications per address per day) lives in the store so that it also holds
across restarts: it is what stops anyone mail-bombing someone else's address through the form.
Its keys carry a keyed hash, never the address.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable

ADDRESS_PREFIX = "site:addr:"


class ClientLimiter:
    """At most `per_hour` hits per key in any 3600 s."""

    def __init__(self, per_hour: Callable[[], int], clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 100_000):
        self.per_hour = per_hour
        self.clock = clock
        self.max_keys = max_keys
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                if len(self._hits) >= self.max_keys:
                    self._forget_old(now)
                hits = self._hits[key] = deque()
            while hits and now - hits[0] >= 3600:
                hits.popleft()
            if len(hits) >= self.per_hour():
                return False
            hits.append(now)
            return True

    def _forget_old(self, now: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or now - v[-1] >= 3600]:
            del self._hits[key]
        if len(self._hits) >= self.max_keys:            # a flood of distinct keys: start over
            self._hits.clear()


def address_allowed(tx, key: str, day: str, per_day: int) -> bool:
    """Count one application for the address (hashed `key`) today; False past `per_day`.
    Yesterday's counters are dropped on the way."""
    for old in tx.meta_keys(ADDRESS_PREFIX):
        if not old.startswith(f"{ADDRESS_PREFIX}{day}:"):
            tx.delete_meta(old)
    return tx.bump(f"{ADDRESS_PREFIX}{day}:{key}") <= per_day


__all__ = ["ClientLimiter", "address_allowed", "ADDRESS_PREFIX"]
