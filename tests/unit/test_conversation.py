"""The conversation, behaviour by behaviour: mails written as people write them, read by the
real parser, read in context, decided by the state table (pure, `now` given)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from mailbot import calendar
from mailbot.conversation import Refused, Staff, State, Tick, decide
from mailbot.conversation.model import Thread
from mailbot.rules import SessionRoute
from tests.unit.convo import (FIRST, NOW, RULES, SEEKER, TERMS, confirmed, ctx, folder, mail,
                              mark_sent, offered, sends, sent_to, staff, step, with_rules)

JST = NOW.tzinfo


def slot(key: str):
    return calendar.Slot.from_key(key, RULES)


# ------------------------------------------------------------------ first contact


def test_complete_request_gets_an_offer_in_date_and_time_order_with_the_wish():
    thread, actions = step(None, FIRST.format(wish="12月4日（金）14:00"), reply=False)
    assert thread.state is State.OFFERED and sends(actions) == ["offer"]
    starts = [slot(k).start for k in thread.offer.slots]
    assert datetime(2026, 12, 4, 14, 0, tzinfo=JST) in starts
    assert starts == sorted(starts)
    assert thread.offer.terms["version"] == TERMS.version


def test_offer_goes_to_the_contact_address_and_the_writer_hears_where():
    text = FIRST.format(wish="12月4日 14時") + "連絡先メール：hanako@example.ne.jp\n"
    thread, actions = step(None, text, reply=False, sender="support@npo.example.org")
    assert thread.bound_to == "hanako@example.ne.jp"
    assert sent_to(actions) == [("redirected", "support@npo.example.org"),
                                ("offer", "hanako@example.ne.jp")]


def test_missing_phone_asks_exactly_for_it():
    text = "オンライン相談の予約をお願いします。\n氏名：秋田 太郎\n希望：12月4日 14時\n"
    thread, actions = step(None, text, reply=False)
    assert thread.state is State.NEEDS_INFO
    assert [a.extra["missing"] for a in actions if getattr(a, "kind", "") == "needs_info"] == [["phone"]]


def test_details_in_reply_lead_to_offer_and_keep_the_name():
    thread, _ = step(None, "相談の予約をしたいです。秋田 太郎と申します。\n", reply=False)
    thread = mark_sent(thread)
    assert thread.state is State.NEEDS_INFO
    thread, actions = step(thread, "電話番号は090-2222-3333です。いつでも大丈夫です。")
    assert thread.state is State.OFFERED and sends(actions) == ["offer"]
    assert thread.contact.name == "秋田 太郎"


@pytest.mark.parametrize("wish, days", [
    ("12月4日（金）の午後、または12月8日（火）の午前", {date(2026, 12, 4), date(2026, 12, 8)}),
    ("第1希望 12月7日 10時\n第2希望 12月9日 14時\n第3希望 12月11日 15時",
     {date(2026, 12, 7), date(2026, 12, 9), date(2026, 12, 11)}),
])
def test_every_wished_day_with_free_slots_is_in_the_offer(wish, days):
    thread, _ = step(None, FIRST.format(wish=wish), reply=False)
    offered_days = [slot(k).day for k in thread.offer.slots]
    assert days <= set(offered_days)
    assert len(offered_days) <= RULES.policy.max_slots_per_offer
    assert offered_days == sorted(offered_days)


def test_two_hours_on_one_day_both_offered():
    thread, _ = step(None, FIRST.format(wish="12月9日（水）14時か15時"), reply=False)
    assert {"2026-12-09T14:00/c1", "2026-12-09T15:00/c1"} <= set(thread.offer.slots)


@pytest.mark.parametrize("wish, reason", [
    ("12月2日（水）10時", "too_soon"),          # tomorrow: cannot be confirmed by the day before
    ("12月5日（土）10時", "closed"),
    ("12月30日（水）10時", "closed"),            # 年末年始
    ("2027年2月10日 10時", "beyond_window"),
    ("12月8日（火）12時", "no_slot"),             # lunch: no slot starts then
])
def test_a_wish_that_cannot_be_met_says_why(wish, reason):
    thread, _ = step(None, FIRST.format(wish=wish), reply=False)
    assert [u["reason"] for u in thread.offer.unmet] == [reason]


def test_a_taken_wish_says_taken():
    thread, _ = step(None, FIRST.format(wish="12月8日（火）10時"), reply=False,
                     taken={"2026-12-08T10:00/c1": 1})
    assert [u["reason"] for u in thread.offer.unmet] == ["taken"]


def test_deadlines_are_per_slot_and_never_later_than_the_day_before():
    thread, _ = step(None, FIRST.format(wish="12月3日（木）14時、12月7日（月）10時"), reply=False)
    for key in thread.offer.slots:
        assert thread.offer.deadline(key) <= calendar.confirm_deadline(RULES, slot(key))
    assert thread.offer.deadline("2026-12-03T14:00/c1") == datetime(2026, 12, 2, 23, 59, 59, tzinfo=JST)


def test_question_starts_a_conversation_with_staff_and_the_seeker_is_told():
    thread, actions = step(None, "オンライン相談はスマホでも受けられますか？", reply=False)
    assert thread.state is State.STAFF and staff(actions) == ["question"]
    assert sends(actions) == ["staff_ack"] and folder(actions) == "NeedsStaff"


# ------------------------------------------------------------------ picking from an offer


@pytest.mark.parametrize("reply, expected", [
    ("3番でお願いします", "2026-12-07T10:00/c1"),
    ("②でお願いします。", "2026-12-04T14:00/c1"),
    ("７日の１０時でお願いします", "2026-12-07T10:00/c1"),
    ("月曜日でお願いします", "2026-12-07T10:00/c1"),          # the only Monday offered
    ("10時からの回でお願いします", "2026-12-07T10:00/c1"),
    ("金曜の14時で", "2026-12-04T14:00/c1"),
])
def test_a_slot_picked_by_number_hour_weekday_or_date_is_confirmed(reply, expected):
    thread = offered()
    thread.offer.slots = ["2026-12-04T13:00/c1", "2026-12-04T14:00/c1", "2026-12-07T10:00/c1"]
    thread.offer.deadlines = {k: "2026-12-03T23:59:59+09:00" for k in thread.offer.slots}
    thread, actions = step(thread, reply)
    assert thread.state is State.CONFIRMED, thread.history[-1]
    assert thread.booking.slot == expected and sends(actions) == ["confirmed"]
    assert thread.holds == [expected]


@pytest.mark.parametrize("reply", ["金曜日でお願いします", "4日でお願いします", "午後の枠でお願いします"])
def test_a_pick_that_fits_several_slots_is_asked_back(reply):
    thread = offered()
    thread.offer.slots = ["2026-12-04T13:00/c1", "2026-12-04T14:00/c1", "2026-12-07T10:00/c1"]
    new, actions = step(thread, reply)
    assert new.state is State.OFFERED and sends(actions) == ["which_slot"]
    assert actions[0].extra["why"] == "ambiguous"


def test_number_and_time_that_disagree_are_asked_back():
    thread = offered()
    thread.offer.slots = ["2026-12-04T13:00/c1", "2026-12-04T14:00/c1", "2026-12-07T10:00/c1"]
    new, actions = step(thread, "1番の12月7日10時でお願いします")
    assert new.state is State.OFFERED and sends(actions) == ["which_slot"]


def test_bare_consent_confirms_a_single_slot_offer_only():
    thread = offered()
    thread.offer.slots = thread.offer.slots[:1]
    new, actions = step(thread, "承知しました。よろしくお願いします。")
    assert new.state is State.CONFIRMED
    thread = offered()
    new, actions = step(thread, "承知しました。よろしくお願いします。")
    assert new.state is State.OFFERED and sends(actions) == ["which_slot"]


def test_a_fresh_mail_restating_the_wish_is_not_consent():
    thread = offered("12月4日（金）14:00")
    new, actions = step(thread, "12月4日の14時で相談の予約をお願いします。", reply=False)
    assert new.state is State.OFFERED and sends(actions) == ["offer"]
    assert actions[0].extra["note"] == "again" and new.booking is None


def test_a_reply_picking_a_taken_slot_gets_a_new_offer():
    thread = offered()
    first = thread.offer.slots[0]
    new, actions = step(thread, "1番でお願いします", taken={first: 1})
    assert new.state is State.OFFERED and sends(actions) == ["offer"]
    assert first not in new.offer.slots and new.offer.note == "taken"


def test_a_reply_after_the_slot_deadline_is_not_a_booking():
    thread = offered("12月4日（金）14:00")
    late = datetime(2026, 12, 4, 8, 0, tzinfo=JST)          # the session day itself
    new, actions = step(thread, "2番でお願いします", now=late)
    assert new.state is not State.CONFIRMED


def test_a_reply_within_the_stated_deadline_is_accepted_while_the_seat_is_free():
    thread = offered("12月8日（火）14:00")
    key = thread.offer.slots[0]
    just_before = thread.offer.deadline(key) - timedelta(minutes=1)
    new, _ = step(thread, "1番でお願いします", now=just_before)
    assert new.state is State.CONFIRMED and new.booking.slot == key


def test_cancel_before_confirming_declines():
    thread = offered()
    new, actions = step(thread, "すみません、今回は申込みを取り消します。")
    assert new.state is State.DECLINED and sends(actions) == ["cancelled"] and new.holds == []


def test_none_suits_without_a_time_asks_when():
    new, actions = step(offered(), "どの日も都合が悪いです。")
    assert sends(actions) == ["ask_new_time"] and new.state is State.OFFERED


def test_none_suits_with_a_time_gets_a_new_offer():
    new, actions = step(offered(), "どれも難しいので、12月10日の午前はいかがでしょうか。")
    assert sends(actions) == ["offer"] and any(slot(k).day == date(2026, 12, 10) for k in new.offer.slots)


def test_question_in_reply_to_an_offer_keeps_it_open():
    thread = offered()
    new, actions = step(thread, "パソコンがないのですが、スマホでも大丈夫でしょうか？")
    assert new.state is State.OFFERED and staff(actions) == ["question"] and sends(actions) == ["staff_ack"]
    new, actions = step(new, "1番でお願いします")
    assert new.state is State.CONFIRMED


def test_a_pick_with_a_question_books_and_tells_staff():
    new, actions = step(offered(), "1番でお願いします。当日はスマホからでも大丈夫ですか？")
    assert new.state is State.CONFIRMED and staff(actions) == ["question"]


def test_consent_evidence_is_stored_with_the_booking():
    thread = offered()
    event = mail(thread, "1番でお願いします")
    new, _ = decide(thread, event, ctx())
    consent = new.booking.consent
    assert consent["message_id"] == event.inbound.message_id
    assert consent["from_addr"] == SEEKER and consent["terms_version"] == TERMS.version
    assert consent["terms_sha256"] == TERMS.sha256 and consent["date"].startswith("2026-12-01")


# ------------------------------------------------------------------ lapses


def test_an_offer_held_for_review_never_lapses():
    thread, _ = step(None, FIRST.format(wish="12月4日 14時"), reply=False)
    assert thread.offer.sent_at is None
    later, actions = decide(thread, Tick(), ctx(now=NOW + timedelta(days=20)))
    assert later.state is State.OFFERED and actions == []


def test_an_offer_lapses_after_its_last_deadline_once_sent():
    thread = offered()
    expires = thread.offer.expires_at
    same, actions = decide(thread, Tick(), ctx(now=expires))
    assert same.state is State.OFFERED and actions == []
    later, actions = decide(thread, Tick(), ctx(now=expires + timedelta(seconds=1)))
    assert later.state is State.EXPIRED and sends(actions) == ["lapsed"]


def test_a_lifetime_counts_from_sending_not_composing():
    thread, _ = step(None, FIRST.format(wish="12月14日 14時"), reply=False)
    sent = mark_sent(thread, now=NOW + timedelta(days=2))
    assert sent.offer.expires_at.date() == date(2026, 12, 6)


def test_a_needs_info_request_that_lapses_tells_the_seeker_once():
    thread, _ = step(None, "予約したいです。秋田 太郎\n", reply=False)
    held, actions = decide(thread, Tick(), ctx(now=NOW + timedelta(days=30)))
    assert actions == [] and held.state is State.NEEDS_INFO       # never sent: nothing lapses
    thread = mark_sent(thread)
    gone, actions = decide(thread, Tick(), ctx(now=NOW + timedelta(days=RULES.policy.needs_info_expire_days)))
    assert gone.state is State.EXPIRED and sends(actions) == ["needs_info_lapsed"]
    again, actions = decide(gone, Tick(), ctx(now=NOW + timedelta(days=40)))
    assert actions == []


def test_a_late_reply_after_a_lapse_goes_to_staff():
    thread = offered()
    gone, _ = decide(thread, Tick(), ctx(now=thread.offer.expires_at + timedelta(seconds=1)))
    new, actions = step(gone, "1番でお願いします", now=gone.updated_at + timedelta(hours=1))
    assert staff(actions) == ["late_reply"] and sends(actions) == ["staff_ack"]


# ------------------------------------------------------------------ after confirmation


@pytest.mark.parametrize("text", ["予約をキャンセルします。", "都合が悪くなったので、取り消してください。",
                                  "申し訳ありませんが、参加できなくなりました。"])
def test_cancel_by_mail_before_the_day(text):
    thread = confirmed()
    new, actions = step(thread, text)
    assert new.state is State.CANCELLED and new.holds == [] and sends(actions) == ["cancelled"]


@pytest.mark.parametrize("text", ["本日は休ませてください。", "体調不良のため、今日は行けなくなりました。",
                                  "今日の相談、キャンセルでお願いします", "熱が出てしまったので本日はお休みします"])
def test_same_day_cancel_in_plain_words_points_to_the_phone_and_tells_staff(text):
    thread = confirmed()
    day = slot(thread.booking.slot).start.replace(hour=8)
    new, actions = step(thread, text, now=day)
    assert new.state is State.CONFIRMED and sends(actions) == ["same_day_cancel"]
    assert staff(actions) == ["same_day_cancel"] and folder(actions) == "NeedsStaff"
    again, actions = step(new, "よろしくお願いします。本日は欠席します。", now=day + timedelta(minutes=5))
    assert sends(actions) == [] and staff(actions) == ["same_day_cancel"]


def test_no_reminder_after_a_cancellation_request():
    thread = with_reminder = confirmed(wish="12月8日（火）14:00")
    start = slot(thread.booking.slot).start
    asked = replace(with_reminder.booking, cancel_by_mail_at=start - timedelta(days=1, hours=12))
    thread.booking = asked
    _, actions = decide(thread, Tick(), ctx(now=calendar.reminder_at(RULES, slot(thread.booking.slot))))
    assert actions == []


def test_reminder_once_and_on_the_day_without_zenjitsu():
    thread = confirmed(wish="12月8日（火）14:00")
    remind_at = calendar.reminder_at(RULES, slot(thread.booking.slot))
    _, actions = decide(thread, Tick(), ctx(now=remind_at - timedelta(minutes=1)))
    assert actions == []
    reminded, actions = decide(thread, Tick(), ctx(now=remind_at))
    assert sends(actions) == ["reminder"] and actions[0].extra["same_day"] is False
    _, actions = decide(reminded, Tick(), ctx(now=remind_at + timedelta(hours=1)))
    assert actions == []
    day_of = with_rules(reminder=replace(RULES.policy.reminder, days_before=0, send_at=time(8, 0)))
    _, actions = decide(thread, Tick(), ctx(now=slot(thread.booking.slot).start.replace(hour=8), rules=day_of))
    assert sends(actions) == ["reminder"] and actions[0].extra["same_day"] is True


def test_reschedule_keeps_the_old_booking_until_the_new_one_is_confirmed():
    thread = confirmed()
    old = thread.booking.slot
    new, actions = step(thread, "日程を12月10日の10時に変更していただけますか。")
    assert new.state is State.RESCHEDULING and new.holds == [old] and sends(actions) == ["offer"]
    new = mark_sent(new)
    done, actions = step(new, "1番でお願いします")
    assert done.state is State.CONFIRMED and done.booking.replaces == old
    assert done.holds == [done.booking.slot] and done.booking.sequence == 1


@pytest.mark.parametrize("text", ["やはり変更なしでお願いします。", "元のままでお願いします",
                                  "すみません、今の予約のままで大丈夫です。", "変更は取り消します。最初の日時で参加します。"])
def test_keeping_the_original_withdraws_the_reschedule(text):
    thread = confirmed()
    old = thread.booking.slot
    thread, _ = step(thread, "日程を12月10日の10時に変更していただけますか。")
    thread = mark_sent(thread)
    kept, actions = step(thread, text)
    assert kept.state is State.CONFIRMED and kept.booking.slot == old and kept.holds == [old]
    assert sends(actions) == ["reschedule_withdrawn"] and kept.offer is None


def test_a_reschedule_offer_that_lapses_keeps_the_booking():
    thread = confirmed()
    thread, _ = step(thread, "12月10日の10時に変更をお願いします。")
    thread = mark_sent(thread)
    later, actions = decide(thread, Tick(), ctx(now=thread.offer.expires_at + timedelta(seconds=1)))
    assert later.state is State.CONFIRMED and sends(actions) == ["reschedule_lapsed"]


def test_change_without_time_asks_for_one_then_offers():
    thread = confirmed()
    asked, actions = step(thread, "日程を変更したいです。")
    assert sends(actions) == ["ask_new_time"] and asked.state is State.CONFIRMED
    asked = mark_sent(asked)
    offered_again, actions = step(asked, "12月10日の午後でお願いします。")
    assert offered_again.state is State.RESCHEDULING and sends(actions) == ["offer"]


def test_attendant_announced_after_confirmation_tells_staff_and_keeps_booking():
    thread = confirmed()
    new, actions = step(thread, "当日は手話通訳の方に同席していただきたいです。")
    assert new.state is State.CONFIRMED and staff(actions) == ["attendant_announced"]
    assert new.contact.attendant == "interpreter" and sends(actions) == ["staff_ack"]


def test_question_after_confirmation_keeps_the_booking_cancellable():
    thread = confirmed()
    new, actions = step(thread, "当日はどのアプリを使えばよいですか？")
    assert new.state is State.CONFIRMED and sends(actions) == ["staff_ack"]
    new, actions = step(new, "やはり予約をキャンセルします。")
    assert new.state is State.CANCELLED


def test_seeker_number_sent_later_is_recorded_and_acknowledged():
    thread = confirmed()
    new, actions = step(thread, "求職番号をお知らせします。05010-11112222")
    assert new.contact.seeker_number == "05010-11112222" and sends(actions) == ["noted"]


def test_thanks_after_confirmation_gets_no_answer():
    new, actions = step(confirmed(), "ありがとうございます。当日よろしくお願いします。")
    assert sends(actions) == [] and folder(actions) == "Processed"


def test_a_second_session_request_goes_to_staff():
    new, actions = step(confirmed(), "次回の相談も予約したいです。12月18日の10時はいかがでしょうか。")
    assert staff(actions) == ["second_session"] and new.booking.slot == confirmed().booking.slot


# ------------------------------------------------------------------ staff


def test_staff_booking_says_it_was_arranged_and_attaches_terms_when_never_sent():
    thread, _ = step(None, "オンライン相談について質問があります。何を準備すればいいですか？", reply=False)
    thread.ref = "AK-2612-0009"
    booked, actions = decide(thread, Staff("book", slot="2026-12-07T10:00/c1"), ctx())
    assert booked.state is State.CONFIRMED and sends(actions) == ["confirmed"]
    assert actions[0].extra == {"by_staff": True, "attach_terms": True}
    assert booked.booking.consent["how"] == "staff" and "AK-2612-0009" in booked.booking.url


def test_staff_booking_of_a_seeker_who_had_the_terms_does_not_attach_them():
    thread = offered()
    booked, actions = decide(thread, Staff("book", slot="2026-12-07T10:00/c1"), ctx())
    assert actions[0].extra["attach_terms"] is False


def test_staff_cannot_book_a_full_or_unreal_slot():
    thread = offered()
    with pytest.raises(Refused):
        decide(thread, Staff("book", slot="2026-12-07T10:00/c1"), ctx(taken={"2026-12-07T10:00/c1": 9}))
    with pytest.raises(Refused):
        decide(thread, Staff("book", slot="2026-12-05T10:00/c1"), ctx())   # a Saturday


def test_staff_books_a_further_session_for_the_same_seeker():
    thread = confirmed()
    new, actions = decide(None, Staff("book", slot="2026-12-14T10:00/c1",
                                      contact={**thread.contact.to_json(), "email": thread.bound_to,
                                               "terms_received": thread.terms_received},
                                      new_ref="AK-2612-0010"), ctx())
    assert new.ref == "AK-2612-0010" and new.state is State.CONFIRMED and new.source == "staff"
    assert sent_to(actions) == [("confirmed", SEEKER)] and actions[0].extra["attach_terms"] is False


def test_attended_and_no_show_only_after_the_start():
    thread = confirmed()
    start = slot(thread.booking.slot).start
    with pytest.raises(Refused):
        decide(thread, Staff("attended"), ctx())
    done, _ = decide(thread, Staff("attended"), ctx(now=start))
    assert done.state is State.DONE and done.holds == []
    with pytest.raises(Refused):
        decide(thread, Staff("no_show"), ctx(now=start + timedelta(minutes=5)))
    gone, _ = decide(thread, Staff("no_show"), ctx(now=start + timedelta(minutes=10)))
    assert gone.state is State.NO_SHOW


def test_resume_after_a_question_answers_the_next_mail():
    thread, _ = step(None, "オンライン相談ではどんなことを相談できますか？", reply=False)
    back, _ = decide(thread, Staff("resume"), ctx())
    assert back.state is State.NEEDS_INFO
    new, actions = step(back, FIRST.format(wish="12月9日 10時"))
    assert new.state is State.OFFERED and sends(actions) == ["offer"]


def test_resume_returns_to_an_open_offer():
    thread = offered()
    thread.state, thread.state_before_staff = State.STAFF, State.OFFERED
    back, _ = decide(thread, Staff("resume"), ctx())
    assert back.state is State.OFFERED
    later, _ = decide(thread, Staff("resume"), ctx(now=thread.offer.expires_at + timedelta(days=1)))
    assert later.state is State.NEEDS_INFO and later.offer is None


def test_resolve_closes_the_notices_with_a_note():
    thread = confirmed()
    noted, _ = step(thread, "当日は母が同席します。")
    done, _ = decide(noted, Staff("resolve", note="了解と電話済み"), ctx())
    assert all(n.get("resolved_at") for n in done.notices) and done.state is State.CONFIRMED
    with pytest.raises(Refused):
        decide(done, Staff("resolve"), ctx())


def test_repeated_no_shows_are_for_the_chain_not_the_table():
    # the table itself books; the no-show rule lives in the chain (see test_chain.py)
    thread, _ = step(None, FIRST.format(wish="12月9日 10時"), reply=False)
    assert thread.state is State.OFFERED


# ------------------------------------------------------------------ seats and rooms


def test_each_seat_of_a_shared_slot_gets_its_own_room():
    counter = replace(RULES.calendar.counters[0], capacity=2)
    rooms = ("https://teleoffice.example.jp/room-a", "https://teleoffice.example.jp/room-b")
    rules = replace(RULES, calendar=replace(RULES.calendar, counters=(counter,)),
                    sessions=replace(RULES.sessions, routes={"c1": SessionRoute("c1", None, rooms)}))
    key = "2026-12-07T10:00/c1"
    a = offered("12月7日（月）10:00", rules=rules)
    a, _ = step(a, "10時でお願いします", rules=rules)
    b = offered("12月7日（月）10:00", rules=rules)
    b, _ = step(b, "10時でお願いします", rules=rules, taken={key: 1}, seats={key: frozenset({0})})
    assert a.booking.slot == b.booking.slot == key
    assert {a.booking.url, b.booking.url} == set(rooms)


# ------------------------------------------------------------------ purity and records


def test_decide_does_not_change_its_input():
    thread = offered()
    before = thread.to_json()
    decide(thread, mail(thread, "1番でお願いします"), ctx())
    assert thread.to_json() == before


def test_every_change_is_in_the_history_with_cause_mail_and_rule():
    thread = offered()
    event = mail(thread, "1番でお願いします")
    new, _ = decide(thread, event, ctx())
    entry = new.history[-1]
    assert entry.event == "confirmed" and entry.cause == "mail.pick"
    assert entry.message_id == event.inbound.message_id and entry.rule.endswith("pick")
    assert entry.from_state == "offered" and entry.to_state == "confirmed"


def test_records_round_trip_through_json():
    thread = confirmed()
    assert Thread.from_json(thread.to_json()).to_json() == thread.to_json()


def test_schema_1_records_are_migrated_on_load():
    old = {"ref": "AK-2612-0001", "state": "offered", "created_at": "2026-12-01T09:00:00+09:00",
           "updated_at": "2026-12-01T09:00:00+09:00", "from_addr": SEEKER, "subject": "予約",
           "contact": {"name": "秋田 太郎", "email": SEEKER, "phone": "090-1234-5678",
                       "seeker_number": None, "attendant": None},
           "wishes": [], "warnings": [], "asks": 0,
           "offer": {"slots": ["2026-12-07T10:00/c1"], "sent_at": "2026-12-01T09:00:00+09:00",
                     "expires_at": "2026-12-04T23:59:59+09:00", "round": 2},
           "booking": {"slot": "2026-12-04T14:00/c1", "url": "https://x", "confirmed_at":
                       "2026-11-30T10:00:00+09:00", "reminded": None},
           "holds": ["2026-12-04T14:00/c1"], "message_ids": ["<a@b>"], "last_in_message_id": "<a@b>",
           "history": [{"at": "2026-12-01T09:00:00+09:00", "event": "offered", "slots": []}]}
    thread = Thread.from_json(old)
    assert thread.state is State.RESCHEDULING and thread.bound_to == SEEKER
    assert thread.offer.deadline("2026-12-07T10:00/c1").day == 4
    assert thread.to_json()["schema_version"] == 2
    new, actions = step(thread, "1番でお願いします")
    assert new.state is State.CONFIRMED
