"""Building an offer: which slots, in what order, with which deadlines, and why a wish was not
met. Pure: rules, seats taken and `now` are passed in.

- Every wished day that has a free slot gets at least one slot in the offer, growing it from
  `policy.slots_per_offer` up to `policy.max_slots_per_offer`; every exact wish that is free
  (「14時か15時」) is in it too, within the same cap.
- Slots are listed in date and time order, so 「2番」 means the same to the seeker as to us.
- Deadlines are truthful: each slot's is the earlier of its own confirm-by time (the day
  before, terms art. 6 (1)) and the offer's lifetime, so the mail never promises a later
  reply than a slot allows. The lifetime starts when the mail is actually sent
  (`lapses_at`); while it is held for review nothing lapses.
- A wish we cannot meet gets a reason: past, too_soon, beyond_window, closed, taken, no_slot.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Mapping, Sequence

from mailbot import calendar
from mailbot.conversation.model import Offer
from mailbot.understand.model import Requested


def choose_slots(rules, taken: Mapping[str, int], now: datetime,
                 wishes: Sequence[Requested]) -> list[calendar.Slot]:
    """The slots to offer for `wishes`, in date and time order (see module doc)."""
    policy = rules.policy
    cap = max(policy.max_slots_per_offer, policy.slots_per_offer)
    chosen = calendar.free_slots(rules, taken, now, wishes, policy.slots_per_offer)
    have = {s.key for s in chosen}
    # Exact wishes first (a wished start time that is free), then one slot per wished day.
    free = calendar.free_slots(rules, taken, now, wishes, cap * 4)
    for wish in wishes:
        if wish.start is None or (wish.end is not None and wish.end > wish.start):
            continue
        exact = [s for s in free if s.day == wish.date and s.start.time() == wish.start]
        for s in exact[:1]:
            if s.key not in have and len(chosen) < cap:
                chosen.append(s)
                have.add(s.key)
    for day in sorted({w.date for w in wishes}):
        if any(s.day == day for s in chosen) or len(chosen) >= cap:
            continue
        on_day = calendar.free_slots(rules, taken, now, [w for w in wishes if w.date == day], 1)
        if on_day and on_day[0].day == day and on_day[0].key not in have:
            chosen.append(on_day[0])
            have.add(on_day[0].key)
    return sorted(chosen, key=lambda s: (s.start, s.counter))


def lifetime_end(rules, sent_at: datetime) -> datetime:
    """End of the sent day + offer_valid_days (policy), in the rules' timezone."""
    day = sent_at.astimezone(rules.calendar.timezone).date() + timedelta(days=rules.policy.offer_valid_days)
    return datetime.combine(day, time(23, 59, 59), tzinfo=rules.calendar.timezone)


def slot_deadline(rules, slot: calendar.Slot, sent_at: datetime) -> datetime:
    """The reply deadline a mail states for one slot."""
    return min(calendar.confirm_deadline(rules, slot), lifetime_end(rules, sent_at))


def lapses_at(rules, offer: Offer, sent_at: datetime) -> datetime:
    """When an offer sent at `sent_at` lapses: once no slot can be confirmed any more."""
    slots = [calendar.Slot.from_key(k, rules) for k in offer.slots]
    ends = [slot_deadline(rules, s, sent_at) for s in slots]
    stated = [offer.deadline(k) for k in offer.slots]
    return max([*ends, *[d for d in stated if d]]) if ends else lifetime_end(rules, sent_at)


def reply_in_time(rules, offer: Offer, key: str, now: datetime) -> bool:
    """A reply picking `key` at `now` counts: within what the mail stated, or later but still
    within the slot's own confirm-by time and the offer's lifetime from when it was sent."""
    stated = offer.deadline(key)
    if stated and now <= stated + timedelta(seconds=1):
        return True
    slot = calendar.Slot.from_key(key, rules)
    sent = offer.sent_at or offer.composed_at
    return now <= slot_deadline(rules, slot, sent) + timedelta(seconds=1)


def make_offer(rules, taken: Mapping[str, int], now: datetime, wishes: Sequence[Requested], *,
               round: int, note: str | None, terms: dict | None) -> Offer | None:
    """A new offer for `wishes`, or None when nothing is free."""
    slots = choose_slots(rules, taken, now, wishes)
    if not slots:
        return None
    return Offer(
        slots=[s.key for s in slots],
        deadlines={s.key: slot_deadline(rules, s, now).isoformat(timespec="seconds") for s in slots},
        composed_at=now,
        round=round,
        note=note,
        unmet=unmet_wishes(rules, taken, now, wishes, slots),
        terms=terms,
    )


def still_free(rules, offer: Offer, taken: Mapping[str, int], now: datetime) -> bool:
    """Every slot of the offer can still be booked now (to send the same offer again)."""
    for key in offer.slots:
        slot = calendar.Slot.from_key(key, rules)
        if calendar.booking_problem(rules, slot, taken, now) or not reply_in_time(rules, offer, key, now):
            return False
    return True


def meets(offer: Offer, wishes: Sequence[Requested], rules) -> bool:
    """Each wish is met by some slot of the offer (exact time, inside its window or day)."""
    slots = [calendar.Slot.from_key(k, rules) for k in offer.slots]
    return all(any(_fits(s, w) for s in slots) for w in wishes)


# ---------------------------------------------------------------------------- unmet wishes


def _fits(slot: calendar.Slot, wish: Requested) -> bool:
    if slot.day != wish.date:
        return False
    t = slot.start.time()
    if wish.start is not None and (wish.end is None or wish.end <= wish.start):
        return t == wish.start
    lo = wish.start or time(0, 0)
    hi = wish.end or time(23, 59, 59)
    return lo <= t < hi


def unmet_wishes(rules, taken: Mapping[str, int], now: datetime, wishes: Sequence[Requested],
                 offered: Sequence[calendar.Slot]) -> list[dict]:
    """One entry per wish no offered slot meets: {date, start, end, reason, detail}."""
    first, last = calendar.booking_window(rules, now)
    today = now.astimezone(rules.calendar.timezone).date()
    out: list[dict] = []
    seen: set[tuple] = set()
    for wish in wishes:
        if any(_fits(s, wish) for s in offered):
            continue
        key = (wish.date, wish.start, wish.end)
        if key in seen:
            continue
        seen.add(key)
        reason, detail = _why(rules, taken, now, wish, today, first, last)
        out.append({**wish.to_json(), "reason": reason, "detail": detail})
    return out


def _why(rules, taken, now, wish: Requested, today, first, last) -> tuple[str, str | None]:
    if wish.date < today:
        return "past", None
    closed = calendar.closed_reason(rules, wish.date)
    if closed:
        return "closed", closed
    if wish.date < first:
        return "too_soon", None
    if wish.date > last:
        return "beyond_window", str(rules.policy.search_days)
    day = [s for s in calendar.day_slots(rules, wish.date) if _fits(s, wish)]
    if not day:
        return "no_slot", None
    if all(not calendar.is_confirmable(rules, s, now) for s in day):
        return "too_soon", None
    return "taken", None


__all__ = ["choose_slots", "make_offer", "lapses_at", "reply_in_time", "slot_deadline",
           "still_free", "meets", "unmet_wishes", "lifetime_end"]
