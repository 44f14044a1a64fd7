"""Intents said in prose (holdout8 kinds), own phrasings: staying away from the booked session
in a reply cancels; a change of another procedure's date (認定日) or a mail 'about another
matter' reschedules nothing; a booking wish that only introduces questions, or English 'before
I book', is a question; mail sent to us by mistake is other."""

from __future__ import annotations

import pytest

from mailbot.understand.intent import classify_intent
from mailbot.understand.signals import read_signals

RE = "Re: 【ハローワーク秋田】オンライン職業相談 ご予約確定のお知らせ [予約番号 AK-2701-0003]"


def intent(fresh: str, subject: str = "相談について", reply: bool = False, **kw) -> str:
    return classify_intent(fresh, RE if reply else subject, "<a@b>" if reply else None, None, **kw)


@pytest.mark.parametrize("fresh", [
    "明日10時に予約している者です。\n体調を崩してしまったので、明日はお休みさせてください。",
    "申し訳ありません、急な用事ができたため本日は欠席します。",
])
def test_staying_away_from_the_booking_in_a_reply_cancels(fresh):
    assert intent(fresh, reply=True) == "cancel"
    assert read_signals(fresh).absence


def test_asking_whether_one_may_stay_away_is_no_cancel():
    assert intent("当日、体調が悪かったら休ませてもらえますか？", reply=True) == "question"


@pytest.mark.parametrize("fresh", [
    "予約とは別件ですが、次の認定日を変更したいのですが可能でしょうか。",
    "職業訓練の説明会の日程を変えていただくことはできますか。",
])
def test_changing_another_procedure_is_a_question(fresh):
    assert intent(fresh) == "question"


def test_changing_our_booking_is_still_a_reschedule():
    assert intent("予約の日時を変更したいです。", reply=True) == "reschedule"


@pytest.mark.parametrize("fresh", [
    "オンライン相談を利用したいのですが、スマホしか持っていません。スマホでも参加できますか。",
    "Before I book, could you tell me if I need a camera?",
    "I want to know the fee first. If I book a consultation, do I pay anything?",
])
def test_a_wish_that_introduces_questions_is_a_question(fresh):
    assert intent(fresh) == "question"


@pytest.mark.parametrize("fresh", [
    "相談の予約をしたいのですが、空いている日を教えてください。",          # asks for slots: booking
    "I would like to book a consultation. Is next week OK?",
])
def test_a_booking_that_asks_for_slots_stays_a_booking(fresh):
    assert intent(fresh) == "book"


@pytest.mark.parametrize("fresh", [
    "申し訳ありません、宛先を間違えてしまいました。このメールは破棄してください。",
    "失礼しました。別の方に送るつもりが、誤ってこちらに送信してしまいました。",
])
def test_mail_sent_by_mistake_is_other(fresh):
    assert intent(fresh) == "other"


@pytest.mark.parametrize("fresh", [
    "会社を休ませてもらえたので、当日は参加できます。",
    "その日はバイトを休ませてもらいました。よろしくお願いします。",
])
def test_leave_taken_from_work_to_attend_is_no_cancel(fresh):
    assert intent(fresh, reply=True) != "cancel"
