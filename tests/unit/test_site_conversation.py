"""The booking site's steps in the state table, pure (terms art. 6 (2)-(6)): the application
holds its seat, the link confirms within its hour, an unused link lapses and frees the seat,
and the site's cancel page keeps to the phone-only rule on the day."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mailbot.conversation import Delivery, NotifyStaff, Send, State, Tick, decide
from mailbot.conversation.site import SiteRefused
from tests.unit.convo import (NOW, SEEKER, SITE_SLOT, TERMS, ctx, mail, mark_sent, sends,
                              site_confirmed, site_event, site_pending, step, with_rules)


def test_an_application_holds_its_seat_and_mails_the_link():
    thread, actions = decide(None, site_event("applied"), ctx())
    assert thread.state is State.PENDING_LINK
    assert thread.holds == [SITE_SLOT] and thread.booking is None
    assert thread.ref == "AK-2612-0500" and thread.source == "site"
    assert thread.bound_to == SEEKER and thread.contact.phone == "090-1234-5678"
    assert thread.site.terms_version == TERMS.version and thread.site.terms_sha256 == TERMS.sha256
    assert thread.site.agreed_at == NOW and thread.site.expires_at is None   # counts from sending
    (send,) = [a for a in actions if isinstance(a, Send)]
    assert send.kind == "site_link" and send.to == SEEKER
    assert send.extra["link_url"].startswith("https://") and send.extra["link_minutes"] == 60


def test_a_slot_someone_holds_is_refused_and_nothing_is_kept():
    with pytest.raises(SiteRefused) as refused:
        decide(None, site_event("applied"), ctx(taken={SITE_SLOT: 1}))
    assert refused.value.code == "taken"


@pytest.mark.parametrize("slot, code", [
    ("2026-12-02T14:00/c1", "too_late"),         # at midnight: the day before has ended
    ("2026-12-05T10:00/c1", "not_a_slot"),       # a Saturday
    ("2026-12-30T10:00/c1", "not_a_slot"),       # the 12/29-1/3 closure
    ("2027-02-01T10:00/c1", "outside_window"),   # beyond policy.search_days
    ("not-a-key", "not_a_slot"),
])
def test_the_calendar_rules_of_the_mail_path_apply(slot, code):
    now = NOW.replace(hour=23, minute=59, second=59) + timedelta(seconds=1) if code == "too_late" else NOW
    with pytest.raises(SiteRefused) as refused:
        decide(None, site_event("applied", slot=slot), ctx(now))
    assert refused.value.code == code


def test_the_hour_starts_when_the_mail_leaves():
    held = site_pending(sent=False)
    later = NOW + timedelta(hours=5)                   # held for review all this time
    assert decide(held, Tick(), ctx(later))[0] .state is State.PENDING_LINK
    sent = mark_sent(held, later)
    assert sent.site.sent_at == later and sent.site.expires_at == later + timedelta(minutes=60)


def test_the_link_confirms_within_its_hour_with_consent_evidence():
    thread = site_pending()
    new, actions = decide(thread, site_event("clicked"), ctx(NOW + timedelta(minutes=59)))
    assert new.state is State.CONFIRMED and new.holds == [SITE_SLOT]
    assert new.booking.slot == SITE_SLOT and new.booking.url.startswith("https://")
    consent = new.booking.consent
    assert consent["how"] == "site" and consent["from_addr"] == SEEKER
    assert consent["terms_version"] == TERMS.version and consent["terms_sha256"] == TERMS.sha256
    assert consent["agreed_at"] == NOW.isoformat(timespec="seconds")
    assert consent["received_at"] == (NOW + timedelta(minutes=59)).isoformat(timespec="seconds")
    assert new.site.clicked_at == NOW + timedelta(minutes=59) and new.site.cancel_token_id == "can1"
    (send,) = [a for a in actions if isinstance(a, Send)]
    assert send.kind == "confirmed" and send.extra["site"] is True
    assert send.extra["cancel_url"].endswith("/cancel/y")


def test_a_link_of_another_application_confirms_nothing():
    with pytest.raises(SiteRefused) as refused:
        decide(site_pending(), site_event("clicked", token_id="other"), ctx())
    assert refused.value.code == "invalid"


def test_after_the_hour_the_link_finds_the_application_lapsed_and_the_seat_free():
    new, actions = decide(site_pending(), site_event("clicked"), ctx(NOW + timedelta(minutes=61)))
    assert new.state is State.EXPIRED and new.holds == [] and new.booking is None
    assert sends(actions) == []                        # the address was never confirmed: no mail


def test_the_timer_lapses_an_unused_link():
    thread = site_pending()
    assert decide(thread, Tick(), ctx(NOW + timedelta(minutes=60)))[0].state is State.PENDING_LINK
    new, actions = decide(thread, Tick(), ctx(NOW + timedelta(minutes=60, seconds=1)))
    assert new.state is State.EXPIRED and new.holds == [] and actions == []
    assert new.history[-1].event == "site_lapsed"


def test_the_link_never_outlives_the_day_before_cut_off():
    rules = with_rules(min_days_ahead=1)                              # tomorrow is offered
    late = NOW.replace(hour=23, minute=30) + timedelta(days=2)        # 12/3 23:30, slot 12/4
    thread = decide(None, site_event("applied"), ctx(late, rules=rules))[0]
    thread = mark_sent(thread, late, rules=rules)
    assert thread.site.expires_at == late.replace(minute=59, second=59)


def test_an_undeliverable_link_mail_frees_the_seat_and_tells_staff():
    thread = site_pending(sent=False)
    new, actions = decide(thread, Delivery("failed", "site_link", SEEKER, detail="550 no such user"), ctx())
    assert new.state is State.EXPIRED and new.holds == []
    assert [a.reason for a in actions if isinstance(a, NotifyStaff)] == ["delivery_failed"]


def test_a_mail_while_the_link_is_pending_is_told_to_use_the_link():
    thread = site_pending()
    thread.message_ids.append("<AK-2612-0500.site_link.1@akita>")
    new, actions = step(thread, "予約をお願いします。よろしくお願いします。")
    assert new.state is State.PENDING_LINK and sends(actions) == ["site_use_link"]
    new, actions = step(thread, "都合が悪くなったので取り消します。")
    assert new.state is State.DECLINED and new.holds == [] and sends(actions) == ["cancelled"]


def test_an_address_at_the_no_show_limit_goes_to_staff_without_a_hold():
    new, actions = decide(None, site_event("applied"), ctx(no_shows=2))
    assert new.state is State.STAFF and new.holds == []
    assert [a.reason for a in actions if isinstance(a, NotifyStaff)] == ["no_show_limit"]
    assert sends(actions) == ["staff_ack"]


def test_cancel_on_the_site_until_the_day_before():
    thread = site_confirmed()
    new, actions = decide(thread, site_event("cancel", site_url="https://yoyaku.example.jp/"),
                          ctx(NOW + timedelta(days=2, hours=14)))      # 12/3, the day before
    assert new.state is State.CANCELLED and new.holds == []
    (send,) = [a for a in actions if isinstance(a, Send)]
    assert send.kind == "cancelled" and send.extra["site_url"] == "https://yoyaku.example.jp/"


def test_cancel_on_the_site_is_refused_on_the_day():
    thread = site_confirmed()
    with pytest.raises(SiteRefused) as refused:
        decide(thread, site_event("cancel"), ctx(NOW.replace(day=4, hour=8)))
    assert refused.value.code == "same_day"


def test_same_day_cancel_by_site_follows_the_policy_when_mail_is_allowed():
    rules = with_rules(same_day_cancel="mail")
    thread = site_confirmed()
    new, _ = decide(thread, site_event("cancel"), ctx(NOW.replace(day=4, hour=8), rules=rules))
    assert new.state is State.CANCELLED
    with pytest.raises(SiteRefused):                   # but never once it has begun
        decide(thread, site_event("cancel"), ctx(NOW.replace(day=4, hour=14, minute=5), rules=rules))


def test_a_site_booking_takes_mail_replies_like_any_other():
    thread = site_confirmed()
    thread.message_ids.append("<AK-2612-0500.confirmed.2@akita>")
    new, actions = step(thread, "申し訳ありませんが、キャンセルをお願いします。", now=NOW + timedelta(days=1))
    assert new.state is State.CANCELLED and sends(actions) == ["cancelled"]


def test_a_stranger_cannot_act_on_a_site_booking():
    """The sender binding is the chain's (chain.SenderBinding): the bound address is the one the
    link mail went to and whose owner used the link."""
    from mailbot.conversation import chain
    thread = site_confirmed()
    m = mail(thread, "キャンセルします", sender="someone@else.example")
    inspection = chain.Inspection(inbound=m.inbound, understanding=m.understanding, thread=thread,
                                  matched="message_id", size=100, rules=ctx().rules, now=NOW)
    assert chain.run(inspection).rule == "sender_binding"


def test_staff_can_withdraw_a_pending_application():
    from mailbot.conversation import Staff
    new, actions = decide(site_pending(), Staff("cancel"), ctx())
    assert new.state is State.CANCELLED and new.holds == [] and sends(actions) == []
