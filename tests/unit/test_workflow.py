"""The conversation state machine, branch by branch (pure: rules from rules/, `now` given)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailbot import calendar, workflow
from mailbot.rules import load_rules
from mailbot.understand.model import Inbound, Requested, Understanding
from mailbot.workflow import Context, Escalate, File, MailReceived, Send, Tick, decide

JST = ZoneInfo("Asia/Tokyo")
RULES = load_rules(Path(__file__).resolve().parents[2] / "rules")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=JST)          # a Tuesday


def inbound(mid="<m1@example.jp>", sender="taro@example.jp", subject="予約", in_reply_to=None):
    return Inbound(message_id=mid, in_reply_to=in_reply_to, references=(), subject=subject,
                   from_addr=sender, from_name="", to_addrs=("online-soudan@akita-hw.example.jp",),
                   date=NOW, headers={}, text="")


def mail(intent="book", **fields):
    return MailReceived(inbound(**fields.pop("_inbound", {})), Understanding(intent=intent, **fields))


def ctx(now=NOW, taken=None):
    return Context(rules=RULES, now=now, taken=taken or {})


def sends(actions):
    return [a.kind for a in actions if isinstance(a, Send)]


def folder(actions):
    return [a.folder for a in actions if isinstance(a, File)][-1]


FULL = dict(name="秋田 太郎", phone="090-1234-5678", email="taro@example.jp",
            requested=(Requested(date(2026, 12, 4), time(14, 0)),))


def offered_thread(now=NOW, **overrides):
    thread, actions = decide(None, mail(**{**FULL, **overrides}), ctx(now))
    thread["ref"] = "AK-2612-0001"
    assert thread["state"] == "offered", actions
    return thread


# ------------------------------------------------------------------ first contact


def test_complete_request_gets_offer_with_wished_slot_first():
    thread, actions = decide(None, mail(**FULL), ctx())
    assert thread["state"] == "offered"
    assert sends(actions) == ["offer"] and folder(actions) == "Processed"
    first = calendar.Slot.from_key(thread["offer"]["slots"][0], RULES)
    assert first.start == datetime(2026, 12, 4, 14, 0, tzinfo=JST)
    assert len(thread["offer"]["slots"]) == RULES.policy.slots_per_offer
    assert thread["ref"] is None            # the shell assigns the reference


def test_offer_goes_to_contact_address_not_sender():
    thread, actions = decide(None, mail(**{**FULL, "email": "other@example.jp"}), ctx())
    assert [a.to for a in actions if isinstance(a, Send)] == ["other@example.jp"]


def test_missing_phone_asks_exactly_for_it():
    thread, actions = decide(None, mail(**{**FULL, "phone": None}), ctx())
    assert thread["state"] == "needs_info"
    (send,) = [a for a in actions if isinstance(a, Send)]
    assert send.kind == "needs_info" and send.extra["missing"] == ["phone"]


def test_missing_name_and_time_asks_for_both():
    thread, actions = decide(None, mail(**{**FULL, "name": None, "requested": ()}), ctx())
    (send,) = [a for a in actions if isinstance(a, Send)]
    assert send.extra["missing"] == ["name", "requested"]


def test_no_wish_but_details_complete_offers_earliest():
    thread, actions = decide(None, mail(**{**FULL, "requested": ()}), ctx())
    assert thread["state"] == "offered"


def test_automated_mail_is_never_answered():
    thread, actions = decide(None, mail("automated"), ctx())
    assert thread is None and sends(actions) == [] and folder(actions) == "NeedsStaff"


def test_question_goes_to_staff_and_seeker_is_told():
    thread, actions = decide(None, mail("question", name="秋田 太郎"), ctx())
    assert thread["state"] == "staff" and folder(actions) == "NeedsStaff"
    assert sends(actions) == ["staff_ack"]


def test_spam_is_filed_for_staff_without_a_thread():
    thread, actions = decide(None, mail("other"), ctx())
    assert thread is None and folder(actions) == "NeedsStaff" and sends(actions) == []


# ------------------------------------------------------------------ needs_info


def test_reply_with_missing_field_leads_to_offer():
    thread, _ = decide(None, mail(**{**FULL, "phone": None}), ctx())
    thread["ref"] = "AK-2612-0001"
    thread, actions = decide(thread, mail("book", phone="090-1111-2222",
                                          _inbound={"mid": "<m2@example.jp>"}), ctx())
    assert thread["state"] == "offered" and sends(actions) == ["offer"]
    assert thread["contact"]["name"] == "秋田 太郎"          # kept from the first mail


def test_asking_stops_after_two_rounds():
    thread, _ = decide(None, mail(**{**FULL, "phone": None}), ctx())
    thread["ref"] = "AK-2612-0001"
    thread, _ = decide(thread, mail("book", _inbound={"mid": "<m2@x>"}), ctx())
    assert thread["state"] == "needs_info"
    thread, actions = decide(thread, mail("book", _inbound={"mid": "<m3@x>"}), ctx())
    assert thread["state"] == "staff" and any(isinstance(a, Escalate) for a in actions)


# ------------------------------------------------------------------ offered


def test_choice_by_number_confirms_with_url():
    thread = offered_thread()
    chosen = thread["offer"]["slots"][1]
    thread, actions = decide(thread, mail("confirm", choice=2), ctx())
    assert thread["state"] == "confirmed" and sends(actions) == ["confirmed"]
    assert thread["booking"]["slot"] == chosen and thread["holds"] == [chosen]
    assert thread["booking"]["url"].startswith("https://")
    assert "AK-2612-0001" in thread["booking"]["url"] or thread["booking"]["url"]


def test_choice_by_date_and_time_confirms():
    thread = offered_thread()
    slot = calendar.Slot.from_key(thread["offer"]["slots"][2], RULES)
    picked = Requested(slot.start.date(), slot.start.time())
    thread, _ = decide(thread, mail("confirm", requested=(picked,)), ctx())
    assert thread["booking"]["slot"] == slot.key


def test_consent_without_number_is_unclear_when_several_slots():
    thread = offered_thread()
    thread, actions = decide(thread, mail("confirm"), ctx())
    assert thread["state"] == "offered" and sends(actions) == ["which_slot"]


def test_number_and_time_that_disagree_are_asked_back():
    thread = offered_thread()
    other = calendar.Slot.from_key(thread["offer"]["slots"][2], RULES)
    thread, actions = decide(thread, mail("confirm", choice=1, requested=(
        Requested(other.start.date(), other.start.time()),)), ctx())
    assert thread["state"] == "offered" and sends(actions) == ["which_slot"]


def test_number_out_of_range_is_asked_back():
    thread = offered_thread()
    thread, actions = decide(thread, mail("confirm", choice=9), ctx())
    assert sends(actions) == ["which_slot"]


def test_taken_slot_gets_new_offer():
    thread = offered_thread()
    first = thread["offer"]["slots"][0]
    capacity = calendar.capacity(RULES, calendar.Slot.from_key(first, RULES))
    thread, actions = decide(thread, mail("confirm", choice=1), ctx(taken={first: capacity}))
    assert thread["state"] == "offered" and sends(actions) == ["offer"]
    assert first not in thread["offer"]["slots"]


def test_reply_after_deadline_gets_new_offer_not_booking():
    thread = offered_thread()
    first = calendar.Slot.from_key(thread["offer"]["slots"][0], RULES)
    late = first.start.replace(hour=8)              # the session day itself
    thread, actions = decide(thread, mail("confirm", choice=1), ctx(now=late))
    assert thread["state"] != "confirmed"


def test_cancel_before_confirming_is_declined():
    thread = offered_thread()
    thread, actions = decide(thread, mail("cancel"), ctx())
    assert thread["state"] == "declined" and sends(actions) == ["cancelled"]


def test_offer_lapses_after_deadline():
    thread = offered_thread()
    expires = datetime.fromisoformat(thread["offer"]["expires_at"])
    same, actions = decide(thread, Tick(), ctx(now=expires))
    assert same["state"] == "offered" and actions == []
    later, actions = decide(thread, Tick(), ctx(now=expires + timedelta(seconds=1)))
    assert later["state"] == "expired" and sends(actions) == ["lapsed"]


# ------------------------------------------------------------------ confirmed


def confirmed_thread():
    thread = offered_thread()
    thread, _ = decide(thread, mail("confirm", choice=1), ctx())
    return thread


def test_cancel_by_mail_before_the_day():
    thread = confirmed_thread()
    thread, actions = decide(thread, mail("cancel"), ctx())
    assert thread["state"] == "cancelled" and thread["holds"] == []
    assert sends(actions) == ["cancelled"]


def test_same_day_cancel_by_mail_is_refused_politely_and_escalated():
    thread = confirmed_thread()
    slot = calendar.Slot.from_key(thread["booking"]["slot"], RULES)
    thread, actions = decide(thread, mail("cancel"), ctx(now=slot.start.replace(hour=8)))
    assert thread["state"] == "confirmed"
    assert sends(actions) == ["same_day_cancel"] and folder(actions) == "NeedsStaff"


def test_reschedule_keeps_old_booking_until_new_one_confirmed():
    thread = confirmed_thread()
    old = thread["booking"]["slot"]
    thread, actions = decide(thread, mail("reschedule", requested=(
        Requested(date(2026, 12, 10), time(10, 0)),)), ctx())
    assert thread["state"] == "offered" and thread["holds"] == [old]
    thread, actions = decide(thread, mail("confirm", choice=1), ctx())
    assert thread["state"] == "confirmed" and thread["booking"]["replaces"] == old
    assert thread["holds"] == [thread["booking"]["slot"]]


def test_thank_you_after_confirmation_is_not_answered():
    thread = confirmed_thread()
    thread, actions = decide(thread, mail("confirm"), ctx())
    assert sends(actions) == [] and thread["state"] == "confirmed"


def test_decide_does_not_mutate_its_input():
    thread = offered_thread()
    before = repr(thread)
    decide(thread, mail("confirm", choice=1), ctx())
    assert repr(thread) == before


def test_reply_signed_with_family_name_keeps_full_name():
    thread = offered_thread()
    thread, _ = decide(thread, mail("confirm", choice=1, name="秋田"), ctx())
    assert thread["contact"]["name"] == "秋田 太郎"


def test_seeker_number_given_later_is_kept():
    thread = offered_thread()
    thread, _ = decide(thread, mail("confirm", choice=1, seeker_number="05010-12345678"), ctx())
    assert thread["contact"]["seeker_number"] == "05010-12345678"


def test_same_day_cancel_during_reschedule_is_still_phone_only():
    thread = confirmed_thread()
    slot = calendar.Slot.from_key(thread["booking"]["slot"], RULES)
    thread, _ = decide(thread, mail("reschedule", requested=(
        Requested(date(2026, 12, 10), time(10, 0)),)), ctx())
    thread, actions = decide(thread, mail("cancel"), ctx(now=slot.start.replace(hour=8)))
    assert sends(actions) == ["same_day_cancel"] and thread["holds"] == [slot.key]


MIXED = ["2026-12-04T14:00/c1", "2026-12-04T15:00/c1", "2026-12-07T10:00/c1"]


def test_bare_date_picks_the_only_offered_slot_that_day():
    thread = offered_thread()
    thread["offer"]["slots"] = MIXED
    thread, _ = decide(thread, mail("confirm", requested=(Requested(date(2026, 12, 7)),)), ctx())
    assert thread["booking"]["slot"] == "2026-12-07T10:00/c1"


def test_bare_date_with_several_slots_that_day_is_not_a_choice():
    thread = offered_thread()
    thread["offer"]["slots"] = MIXED
    thread, actions = decide(thread, mail("confirm", requested=(Requested(date(2026, 12, 4)),)), ctx())
    assert thread["state"] == "offered" and "confirmed" not in sends(actions)


def test_mail_without_japanese_is_never_answered():
    thread, actions = decide(None, mail("question", _inbound={"subject": "Is dinner ready?"}), ctx())
    assert thread is None and sends(actions) == [] and folder(actions) == "NeedsStaff"


def test_mail_without_sender_is_never_answered():
    thread, actions = decide(None, mail(**FULL, _inbound={"sender": ""}), ctx())
    assert sends(actions) == []


def test_acknowledgement_goes_to_the_writer_not_an_address_in_the_text():
    thread, actions = decide(None, mail("question", email="victim@example.com"), ctx())
    assert [a.to for a in actions if isinstance(a, Send)] == ["taro@example.jp"]


def test_reschedule_without_time_asks_for_one_and_keeps_booking():
    thread = confirmed_thread()
    slot = thread["booking"]["slot"]
    thread, actions = decide(thread, mail("reschedule"), ctx())
    assert thread["state"] == "confirmed" and sends(actions) == ["ask_new_time"]
    thread, actions = decide(thread, mail("other", requested=(
        Requested(date(2026, 12, 10), time(10, 0)),)), ctx())
    assert thread["state"] == "offered" and thread["holds"] == [slot]


def test_attendant_announced_after_confirmation_notifies_staff_and_keeps_booking():
    thread = confirmed_thread()
    thread, actions = decide(thread, mail("other", attendant="interpreter"), ctx())
    assert thread["state"] == "confirmed" and folder(actions) == "NeedsStaff"
    assert thread["contact"]["attendant"] == "interpreter" and sends(actions) == []


def test_question_after_confirmation_keeps_booking_cancellable():
    thread = confirmed_thread()
    thread, actions = decide(thread, mail("question"), ctx())
    assert thread["state"] == "confirmed" and sends(actions) == ["staff_ack"]
    thread, actions = decide(thread, mail("cancel"), ctx())
    assert thread["state"] == "cancelled"


def test_seeker_number_sent_later_is_recorded_quietly():
    thread = confirmed_thread()
    thread, actions = decide(thread, mail("other", seeker_number="05010-11112222"), ctx())
    assert thread["contact"]["seeker_number"] == "05010-11112222"
    assert sends(actions) == [] and folder(actions) == "Processed"


# ------------------------------------------------------------------ staff decisions

from mailbot.workflow import Refused, StaffCommand  # noqa: E402


def test_staff_marks_attended_only_after_the_start():
    thread = confirmed_thread()
    slot = calendar.Slot.from_key(thread["booking"]["slot"], RULES)
    with pytest.raises(Refused):
        decide(thread, StaffCommand("attended"), ctx())
    done, actions = decide(thread, StaffCommand("attended"), ctx(now=slot.end))
    assert done["state"] == "done" and done["holds"] == [] and actions == []


def test_no_show_counts_from_ten_minutes_past_the_start():
    thread = confirmed_thread()
    slot = calendar.Slot.from_key(thread["booking"]["slot"], RULES)
    with pytest.raises(Refused):
        decide(thread, StaffCommand("no_show"), ctx(now=slot.start + timedelta(minutes=5)))
    gone, _ = decide(thread, StaffCommand("no_show"), ctx(now=slot.start + timedelta(minutes=10)))
    assert gone["state"] == "no_show"


def test_repeated_no_shows_send_a_new_request_to_staff():
    thread, actions = decide(None, mail(**FULL), Context(rules=RULES, now=NOW,
                                                      no_shows=RULES.policy.no_show_limit))
    assert thread["state"] == "staff" and sends(actions) == ["staff_ack"]


def test_staff_cancel_mails_the_seeker_unless_quiet():
    thread = confirmed_thread()
    gone, actions = decide(thread, StaffCommand("cancel"), ctx())
    assert gone["state"] == "cancelled" and sends(actions) == ["cancelled"]
    gone, actions = decide(thread, StaffCommand("cancel", notify=False), ctx())
    assert sends(actions) == []


def test_staff_books_an_escalated_conversation_by_phone():
    thread, _ = decide(None, mail("question", name="秋田 太郎"), ctx())
    thread["ref"] = "AK-2612-0009"
    booked, actions = decide(thread, StaffCommand("book", slot="2026-12-07T10:00/c1"), ctx())
    assert booked["state"] == "confirmed" and sends(actions) == ["confirmed"]
    assert "AK-2612-0009" in booked["booking"]["url"]


def test_staff_cannot_book_a_full_or_unreal_slot():
    thread = offered_thread()
    with pytest.raises(Refused):
        decide(thread, StaffCommand("book", slot="2026-12-07T10:00/c1"),
               ctx(taken={"2026-12-07T10:00/c1": 9}))
    with pytest.raises(Refused):
        decide(thread, StaffCommand("book", slot="2026-12-05T10:00/c1"), ctx())   # a Saturday


def test_staff_books_a_further_session_for_the_same_seeker():
    thread = confirmed_thread()
    new, actions = decide(None, StaffCommand("book", slot="2026-12-14T10:00/c1",
                                             contact=thread["contact"], new_ref="AK-2612-0010"),
                          ctx())
    assert new["ref"] == "AK-2612-0010" and new["state"] == "confirmed"
    assert new["contact"]["name"] == "秋田 太郎"
    assert [a.to for a in actions if isinstance(a, Send)] == ["taro@example.jp"]


def test_resume_hands_back_to_the_state_before_staff():
    thread = offered_thread()
    staffed, _ = decide(thread, mail("question"), ctx())
    assert staffed["state"] == "staff"
    back, _ = decide(staffed, StaffCommand("resume"), ctx())
    assert back["state"] == "offered"


def test_reminder_once_before_the_session():
    thread = confirmed_thread()
    slot = calendar.Slot.from_key(thread["booking"]["slot"], RULES)
    remind_at = calendar.reminder_at(RULES, slot)
    if remind_at is None:
        pytest.skip("reminders are off in rules/policy.yaml")
    same, actions = decide(thread, Tick(), ctx(now=remind_at - timedelta(minutes=1)))
    assert actions == []
    reminded, actions = decide(thread, Tick(), ctx(now=remind_at))
    assert sends(actions) == ["reminder"]
    again, actions = decide(reminded, Tick(), ctx(now=remind_at + timedelta(hours=1)))
    assert actions == []


def test_one_slot_offer_is_confirmed_only_by_consent():
    thread = offered_thread()
    thread["offer"]["slots"] = thread["offer"]["slots"][:1]
    changed, actions = decide(thread, mail("reschedule"), ctx())
    assert changed["state"] != "confirmed"
    confirmed, actions = decide(thread, mail("confirm"), ctx())
    assert confirmed["state"] == "confirmed"
