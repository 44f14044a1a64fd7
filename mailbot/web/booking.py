"""The site's side of the store: each request that changes something is one transaction that
decides through the state table and records through the engine (thread and outbox items in
one write), as `engine.apply_staff` does for staff. The daemon sends what is recorded.

Before an application is decided, lapsed links are closed in the same transaction, so the
seats counted are the seats really held; the week view discounts them without writing.
A refusal raises inside the transaction, so nothing of a refused request is stored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from mailbot import calendar, engine
from mailbot.compose import Composer
from mailbot.conversation import Site, Tick, decide
from mailbot.conversation.model import CLOSED, State, Thread
from mailbot.conversation.site import SiteRefused, link_lapsed, slot_problem
from mailbot.rules import RulesSource
from mailbot.store import Store
from mailbot.web import week as weeks
from mailbot.web.forms import Application
from mailbot.web.limits import address_allowed
from mailbot.web.tokens import Tokens

log = logging.getLogger("mailbot")


@dataclass(frozen=True)
class View:
    """What a link or cancel page shows. status: invalid | pending | lapsed | confirmed | used |
    cancellable | same_day | cancelled | over."""

    status: str
    thread: Thread | None = None
    slot: calendar.Slot | None = None
    expires_at: datetime | None = None


class Backend:
    def __init__(self, store: Store, rules: RulesSource, composer: Composer, clock, public_url: str):
        self.store = store
        self.rules_source = rules
        self.composer = composer
        self.clock = clock
        self.public_url = public_url.rstrip("/")
        self.tokens = Tokens(composer.signer)

    # ------------------------------------------------------------------ helpers

    def rules(self):
        return self.rules_source.current()

    def now(self) -> datetime:
        return self.clock.now()

    def url(self, path: str) -> str:
        return f"{self.public_url}{path}"

    def terms(self, now: datetime):
        return self.composer.terms.current(now)

    # ------------------------------------------------------------------ reading

    def week(self, start: date | None):
        rules, now = self.rules(), self.now()
        with self.store.snapshot() as tx:
            taken = self._taken(tx, rules, now)
        return rules, now, weeks.week_view(rules, taken, now, start)

    @staticmethod
    def _taken(tx, rules, now: datetime) -> dict[str, int]:
        return weeks.seats_taken(rules, tx.taken_seats(), tx.threads((State.PENDING_LINK.value,)), now)

    def slot(self, key: str):
        """(rules, now, slot or None, problem or None) for the form page."""
        rules, now = self.rules(), self.now()
        with self.store.snapshot() as tx:
            taken = self._taken(tx, rules, now)
        problem = slot_problem(rules, key, taken, now)
        slot = None if problem == "not_a_slot" else calendar.Slot.from_key(key, rules)
        return rules, now, slot, problem

    # ------------------------------------------------------------------ apply

    def apply(self, app: Application, agreed_at: datetime) -> str:
        """Record an application: "sent" (the page says a mail is on its way, whoever owns the
        address), or why the slot cannot be had (taken, too_late, not_a_slot, outside_window),
        or "disabled"."""
        rules, now = self.rules(), self.now()
        if not rules.site.enabled:
            return "disabled"
        day = now.astimezone(rules.calendar.timezone).date().isoformat()
        try:
            with self.store.transaction() as tx:
                if not address_allowed(tx, self.tokens.address_key(app.email), day,
                                       rules.site.limits.per_email_per_day):
                    log.warning("site: application dropped (address over its daily limit)")
                    return "sent"
                self._expire_links(tx, rules, now)
                ref = tx.next_reference(rules.office.reference_prefix, now)
                token, nonce = self.tokens.make("link", ref)
                event = Site("applied", slot=app.slot, note=app.note, agreed_at=agreed_at,
                             new_ref=ref, token_id=nonce, link_url=self.url(f"/l/{token}"),
                             contact={"name": app.name, "email": app.email, "phone": app.phone,
                                      "seeker_number": app.seeker_number})
                ctx = engine._context(tx, rules, now, self.composer, no_shows=tx.no_shows(app.email))
                new, actions = decide(None, event, ctx)
                engine._record(tx, new, actions, rules=rules, now=now, composer=self.composer)
        except SiteRefused as refused:
            log.info("site: application refused (%s)", refused.code)
            return refused.code
        log.info("%s: site application %s -> %s", new.ref, app.slot, new.state.value)
        return "sent"

    def _expire_links(self, tx, rules, now: datetime) -> None:
        ctx = None
        for doc in tx.threads((State.PENDING_LINK.value,)):
            thread = Thread.from_json(doc)
            if thread.site is None or not link_lapsed(rules, thread.site, now):
                continue
            ctx = ctx or engine._context(tx, rules, now, self.composer)
            new, actions = decide(thread, Tick(), ctx)
            if new is not None and new.state is not thread.state:
                engine._record(tx, new, actions, rules=rules, now=now, composer=self.composer)
                log.info("%s: site link lapsed, seat freed", new.ref)

    # ------------------------------------------------------------------ the link

    def _find(self, tx, purpose: str, token: str) -> Thread | None:
        found = self.tokens.read(purpose, token)
        if found is None:
            return None
        ref, nonce = found
        doc = tx.get_thread(ref)
        thread = Thread.from_json(doc) if doc else None
        if thread is None or thread.site is None:
            return None
        own = thread.site.token_id if purpose == "link" else thread.site.cancel_token_id
        return thread if own == nonce else None

    def _link_view(self, rules, thread: Thread | None, now: datetime) -> View:
        if thread is None:
            return View("invalid")
        slot = calendar.Slot.from_key(thread.site.slot, rules)
        if thread.site.clicked_at is not None:
            return View("used", thread, slot)
        if thread.state is State.PENDING_LINK and not link_lapsed(rules, thread.site, now):
            return View("pending", thread, slot, thread.site.expires_at)
        if thread.state is State.PENDING_LINK or thread.site.lapsed_at is not None:
            return View("lapsed", thread, slot)
        return View("over", thread, slot)           # withdrawn, or with staff

    def link(self, token: str) -> View:
        rules, now = self.rules(), self.now()
        with self.store.snapshot() as tx:
            thread = self._find(tx, "link", token)
        return self._link_view(rules, thread, now)

    def use_link(self, token: str) -> View:
        """The button on the link page: confirm (or find the application lapsed)."""
        rules, now = self.rules(), self.now()
        with self.store.transaction() as tx:
            thread = self._find(tx, "link", token)
            view = self._link_view(rules, thread, now)
            if view.status not in ("pending", "lapsed") or thread.state is not State.PENDING_LINK:
                return view
            cancel_token, cancel_nonce = self.tokens.make("cancel", thread.ref)
            event = Site("clicked", token_id=thread.site.token_id, cancel_token_id=cancel_nonce,
                         cancel_url=self.url(f"/c/{cancel_token}"), site_url=self.url("/"))
            new, actions = decide(thread, event, engine._context(tx, rules, now, self.composer))
            engine._record(tx, new, actions, rules=rules, now=now, composer=self.composer)
        log.info("%s: site link used -> %s", new.ref, new.state.value)
        slot = calendar.Slot.from_key(new.site.slot, rules)
        return View("confirmed" if new.state is State.CONFIRMED else "lapsed", new, slot)

    # ------------------------------------------------------------------ cancel

    def _cancel_view(self, rules, thread: Thread | None, now: datetime) -> View:
        if thread is None or thread.booking is None:
            return View("invalid")
        slot = calendar.Slot.from_key(thread.booking.slot, rules)
        if thread.state is State.CANCELLED:
            return View("cancelled", thread, slot)
        if thread.state in CLOSED:
            return View("over", thread, slot)
        today = now.astimezone(slot.start.tzinfo).date()
        if today >= slot.day and (rules.policy.same_day_cancel == "phone_only" or now >= slot.start):
            return View("same_day", thread, slot)
        return View("cancellable", thread, slot)

    def cancel_page(self, token: str) -> View:
        rules, now = self.rules(), self.now()
        with self.store.snapshot() as tx:
            thread = self._find(tx, "cancel", token)
        return self._cancel_view(rules, thread, now)

    def cancel(self, token: str) -> View:
        rules, now = self.rules(), self.now()
        try:
            with self.store.transaction() as tx:
                thread = self._find(tx, "cancel", token)
                view = self._cancel_view(rules, thread, now)
                if view.status != "cancellable":
                    return view
                new, actions = decide(thread, Site("cancel", site_url=self.url("/")),
                                      engine._context(tx, rules, now, self.composer))
                engine._record(tx, new, actions, rules=rules, now=now, composer=self.composer)
        except SiteRefused as refused:
            log.info("%s: site cancel refused (%s)", thread.ref, refused.code)
            return View("same_day" if refused.code == "same_day" else "over", thread, view.slot)
        log.info("%s: cancelled on the site", new.ref)
        return View("cancelled", new, view.slot)


__all__ = ["Backend", "View"]
