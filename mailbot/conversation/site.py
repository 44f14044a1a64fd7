"""The booking site's steps in the state table (terms art. 6 (2)-(6)): pure, like handlers.py.

A site application holds its seat at once (state ``pending_link``), so nobody else is offered
it. The link in our mail, used within ``site.link_minutes`` of that mail leaving, confirms it
with the same Booking record the mail path makes; the consent evidence is the terms version
and sha256 shown on the site, when they were agreed and when the link was used. Without the
click the application lapses and the seat is free again (art. 6 (4)); nothing is mailed then,
since the address was never confirmed. A site booking can be cancelled on its cancel page
until the day before; on the day only by phone (art. 6 (6)).

The web shell (mailbot/web/) checks the request, the signed token and the rate limits, and
makes the links; these handlers decide. What a refusal means to the seeker is its `code`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from mailbot import calendar
from mailbot.conversation import handlers as h
from mailbot.conversation.events import Action, Delivery, Refused, Send, Site
from mailbot.conversation.model import Consent, Contact, SiteApplication, State

DEFAULT_LINK_MINUTES = 60


class SiteRefused(Refused):
    """A site event that does not fit the conversation; `code` picks the page shown:
    taken, too_late, not_a_slot, outside_window, invalid, same_day, not_applicable."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code)
        self.code = code


def link_minutes(rules) -> int:
    site = getattr(rules, "site", None)
    return site.link_minutes if site is not None else DEFAULT_LINK_MINUTES


def slot_problem(rules, key: str, taken, now: datetime) -> str | None:
    """Why slot `key` cannot be applied for on the site at `now`, else None. The same checks
    as an offer on the mail path: a real slot (holidays, 12/29-1/3, closed days), inside the
    booking window, a free seat, its confirm-by time (the day before) still ahead."""
    try:
        slot = calendar.Slot.from_key(key, rules)
    except ValueError:
        return "not_a_slot"
    problem = calendar.booking_problem(rules, slot, taken, now)
    if problem == "full":
        return "taken"
    if problem:
        return problem
    first, last = calendar.booking_window(rules, now)
    if not first <= slot.day <= last:
        return "outside_window"
    return None


def link_expires_at(rules, app: SiteApplication, sent_at: datetime) -> datetime:
    """The link works for `link_minutes` from when its mail left, and never past the slot's
    confirm-by time (terms art. 6 (1): confirmed by the day before)."""
    slot = calendar.Slot.from_key(app.slot, rules)
    return min(sent_at + timedelta(minutes=app.link_minutes), calendar.confirm_deadline(rules, slot))


def link_lapsed(rules, app: SiteApplication, now: datetime) -> bool:
    """Past the link's lifetime (once sent), or past the slot's confirm-by time (even unsent)."""
    if app.expires_at is not None and now > app.expires_at:
        return True
    slot = calendar.Slot.from_key(app.slot, rules)
    return not calendar.is_confirmable(rules, slot, now)


# ---------------------------------------------------------------------------- handlers


def site_apply(step: h.Step) -> list[Action]:
    """The site form, terms agreed (art. 6 (2)): the seat is held and the link mailed; staff
    decide instead when the address reached the no-show limit (art. 6 (6))."""
    ev: Site = step.event
    t, rules, now = step.t, step.rules, step.now
    contact = dict(ev.contact or {})
    email = (contact.get("email") or "").strip().lower()
    if not email or not ev.slot or not ev.token_id:
        raise SiteRefused("invalid", "an application needs an address, a slot and a token")
    problem = slot_problem(rules, ev.slot, step.ctx.taken, now)
    if problem:
        raise SiteRefused(problem, f"slot {ev.slot}: {problem}")
    t.contact = Contact(name=contact.get("name"), email=email, phone=contact.get("phone"),
                        seeker_number=contact.get("seeker_number"))
    t.from_addr = t.bound_to = email
    t.ref = ev.new_ref
    t.source = "site"
    terms = step.ctx.terms
    t.site = SiteApplication(
        slot=ev.slot, applied_at=now, agreed_at=ev.agreed_at or now,
        terms_version=terms.version if terms else None, terms_sha256=terms.sha256 if terms else None,
        token_id=ev.token_id, link_minutes=link_minutes(rules), note=ev.note)
    if terms is not None:
        t.terms_received.append(terms.version)
    if step.ctx.no_shows >= rules.policy.no_show_limit:
        step.log("site_applied", slot=ev.slot, held=False)
        return h.escalate(step, "no_show_limit", "site")
    t.holds = [ev.slot]
    t.state = State.PENDING_LINK
    deadline = calendar.confirm_deadline(rules, calendar.Slot.from_key(ev.slot, rules))
    step.send("site_link", link_url=ev.link_url, link_minutes=t.site.link_minutes,
              cutoff=deadline, cutoff_soon=deadline < now + timedelta(hours=3))
    step.log("site_applied", slot=ev.slot)
    return step.actions


def site_link_sent(step: h.Step) -> list[Action]:
    """The link mail left: its hour starts now (a mail held for review never lapses)."""
    d: Delivery = step.event
    app = step.t.site
    if d.mail_kind == "site_link" and app is not None and app.sent_at is None:
        app.sent_at = step.now
        app.expires_at = link_expires_at(step.rules, app, step.now)
        step.log("site_link_sent", expires_at=app.expires_at.isoformat(timespec="seconds"))
    return h.sent(step)


def site_confirm(step: h.Step) -> list[Action]:
    """The link was used in time (art. 6 (3)): confirmed, the confirmation mail goes out with
    date, time, URL, .ics and the cancel link; the consent evidence is kept on the booking."""
    ev: Site = step.event
    t = step.t
    app = t.site
    if app is None or not ev.token_id or ev.token_id != app.token_id:
        raise SiteRefused("invalid", "not the link of this application")
    if link_lapsed(step.rules, app, step.now):
        return _lapse(step, "link_expired")
    problem = calendar.booking_problem(step.rules, calendar.Slot.from_key(app.slot, step.rules),
                                       h._taken_without_own(t, step.ctx), step.now)
    if problem:
        # The admin closed the day or cut the seats since: the application cannot stand.
        _lapse(step, problem)
        step.notify("site_slot_gone", app.slot)
        return step.actions
    h.confirm(step, app.slot, by_staff=False)
    app.clicked_at = step.now
    app.cancel_token_id = ev.cancel_token_id
    t.booking.consent = Consent(
        message_id=None, from_addr=t.bound_to, date=None, received_at=step.now,
        terms_version=app.terms_version, terms_sha256=app.terms_sha256, how="site",
        agreed_at=app.agreed_at).to_json()
    step.actions[:] = [
        replace(a, extra={**a.extra, "site": True, "cancel_url": ev.cancel_url, "site_url": ev.site_url})
        if isinstance(a, Send) and a.kind == "confirmed" else a
        for a in step.actions]
    return step.actions


def site_tick(step: h.Step) -> list[Action]:
    """Time passed: an unused link lapses (art. 6 (4)) and the seat is free again; no mail."""
    app = step.t.site
    if app is not None and link_lapsed(step.rules, app, step.now):
        return _lapse(step, "link_expired")
    return []


def site_undelivered(step: h.Step) -> list[Action]:
    """The link mail could not go out (refused, bounced, rejected in review): the application
    cannot be confirmed, so it lapses and the seat is freed; staff hear of a refusal or bounce."""
    d: Delivery = step.event
    if d.mail_kind == "site_link":
        if d.outcome == "failed":
            h.failed(step)
        elif d.outcome == "bounced":
            h.bounced(step)
        return _lapse(step, f"link_mail_{d.outcome}")
    return {"failed": h.failed, "bounced": h.bounced, "rejected": h.rejected}[d.outcome](step)


def site_mail_pending(step: h.Step) -> list[Action]:
    """A mail while the link is pending: only the link confirms a site application
    (art. 6 (3)); the seeker is told so and nothing changes."""
    step.send("site_use_link")
    step.log("told_to_use_link")
    step.file("Processed")
    return step.actions


def site_staff_withdraw(step: h.Step) -> list[Action]:
    """Staff withdraw a site application before its link was used: the seat is freed, no mail
    (the address was never confirmed)."""
    h._resolve_notices(step, "cancelled")
    return h.close(step, State.CANCELLED, None)


def site_cancel(step: h.Step) -> list[Action]:
    """Cancel on the site's cancel page (art. 6 (6)): refused on the session day (phone only);
    else the seat is freed and the cancellation mailed with a calendar CANCEL."""
    ev: Site = step.event
    t = step.t
    if t.booking is None or t.site is None:
        raise SiteRefused("not_applicable", "not a booking made on the site")
    slot = calendar.Slot.from_key(t.booking.slot, step.rules)
    today = step.now.astimezone(slot.start.tzinfo).date()
    if today >= slot.day and (step.rules.policy.same_day_cancel == "phone_only" or step.now >= slot.start):
        raise SiteRefused("same_day", "on the session day only by phone")
    if t.state is State.STAFF:
        step.notify("site_cancelled", t.booking.slot)
        t.escalation = None
        t.state_before_staff = None
    h._resolve_notices(step, "cancelled")
    h.close(step, State.CANCELLED, None)
    step.send("cancelled", site_url=ev.site_url)
    return step.actions


def site_refused(step: h.Step) -> list[Action]:
    """A site event that does not apply in this state: refused, nothing changes."""
    raise SiteRefused("not_applicable",
                      f"conversation is {step.t.state}: {step.kind.value} does not apply")


def _lapse(step: h.Step, reason: str) -> list[Action]:
    t = step.t
    before = t.state
    t.state = State.EXPIRED
    t.holds = []
    if t.site is not None:
        t.site.lapsed_at = step.now
    step.log("site_lapsed", before=before, reason=reason)
    return step.actions


__all__ = ["SiteRefused", "slot_problem", "link_expires_at", "link_lapsed", "site_apply",
           "site_link_sent", "site_confirm", "site_tick", "site_undelivered", "site_mail_pending",
           "site_staff_withdraw", "site_cancel", "site_refused"]
