"""When to try an outgoing mail (or a filing) again, and when to give up: pure, given `now`.

Why: a temporary refusal (4xx, a dropped or silent server) used to be retried on every cycle,
about once a second for hours, and a permanent one (5xx) the same way until a give-up age. Now a
5xx gives up at once, and everything else waits about 1, 2, 4 … minutes (capped) between tries,
until the item is older than the give-up age. The daemon applies these decisions; they are
unit-tested here without servers or clocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

FIRST_RETRY = timedelta(minutes=1)
MAX_RETRY = timedelta(minutes=30)
GIVE_UP_AFTER = timedelta(hours=6)  # then staff are told and see it under `outbox list --status failed`


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed try: 1, 2, 4, … minutes, at most MAX_RETRY."""
    if attempts < 1:
        return timedelta(0)
    return min(FIRST_RETRY * (2 ** min(attempts - 1, 20)), MAX_RETRY)


def is_due(item: dict, now: datetime) -> bool:
    """A pending item is due unless it waits for its next attempt."""
    when = item.get("next_attempt_at")
    return not when or datetime.fromisoformat(when) <= now


def next_due(items: list[dict]) -> datetime | None:
    """The earliest next attempt among waiting items (None: nothing waits)."""
    times = [datetime.fromisoformat(i["next_attempt_at"]) for i in items if i.get("next_attempt_at")]
    return min(times) if times else None


@dataclass(frozen=True)
class AfterFailure:
    """What to record on an item after a failed try; `gave_up`: tell staff now."""

    fields: dict
    gave_up: bool


def after_failure(item: dict, *, code: int | None, text: str, permanent: bool, now: datetime,
                  give_up_after: timedelta = GIVE_UP_AFTER) -> AfterFailure:
    """A permanent failure fails the item at once; a temporary one waits for the backoff,
    unless the item is older than `give_up_after`."""
    attempts = int(item.get("attempts") or 0) + 1
    stamp = now.isoformat(timespec="seconds")
    created = datetime.fromisoformat(item.get("created_at") or stamp)
    fields = {"attempts": attempts, "last_attempt_at": stamp, "last_code": code,
              "last_error": f"{code} {text}".strip() if code is not None else text}
    if permanent or now - created > give_up_after:
        return AfterFailure({**fields, "status": "failed", "failed_at": stamp,
                             "next_attempt_at": None}, gave_up=True)
    retry = (now + backoff(attempts)).isoformat(timespec="seconds")
    return AfterFailure({**fields, "status": "pending", "next_attempt_at": retry}, gave_up=False)
