"""Dates that are no wish and replies read whole (issue 8 item 3 and the kinds of misses), with
our own phrasings: a shop's signature and its closures, a weekly closing day, a day to avoid, a
question whether we are open, a counter visit; 変更を希望, お休みさせて, a reply under an Android
separator."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.understand import understand
from mailbot.understand.dates import JST, extract_requested
from mailbot.understand.quotes import split_reply

MON = datetime(2027, 1, 11, 9, 0, tzinfo=JST)


def req(text: str) -> list[str]:
    return [r.date.isoformat() for r in extract_requested(text, MON)[0]]


def test_a_signature_block_with_a_closure_notice_is_a_signature():
    text = ("1月20日（水）の午前にお願いします。\n\n━━━━━━━━━━━━\nカフェ こもれび 店長 佐藤\n"
            "TEL 018-000-0000\n営業時間 8:00～17:00\n※1月25日（月）～27日（水）は改装のため休業です\n━━━━━━━━━━━━")
    reply = split_reply(text)
    assert "休業" in reply.signature and "休業" not in reply.fresh


@pytest.mark.parametrize("text, want", [
    ("店は木曜日が定休日なので、1月19日（火）の午後でお願いします。", ["2027-01-19"]),
    ("1月18日の10時でお願いします。1月19日はできれば避けていただけると助かります。", ["2027-01-18"]),
    ("1月25日も相談を受け付けていますか？", []),
    ("1月13日に窓口で手続きをする予定ですが、オンライン相談でも同じことができますか。", []),
])
def test_dates_that_are_not_wishes(text, want):
    assert req(text) == want


def test_asking_whether_a_slot_is_free_is_still_a_wish():
    assert req("1月19日（火）の午前中は空いていますでしょうか。") == ["2027-01-19"]


def _reply(body: str, subject: str = "Re: 【ハローワーク秋田】ご予約") -> bytes:
    return ("From: s@example.jp\r\nTo: online-soudan@akita-hw.example.jp\r\nSubject: " + subject + "\r\n"
            "Date: Mon, 11 Jan 2027 09:00:00 +0900\r\nIn-Reply-To: <mb.1@akita-hw.example.jp>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")).encode()


@pytest.mark.parametrize("body, intent", [
    ("1月20日の予約ですが、1月22日に変更を希望します。", "reschedule"),
    ("体調が悪いので、明日の相談はお休みさせてください。", "cancel"),
])
def test_reply_intents(body, intent):
    assert understand(_reply(body))[1].intent == intent


def test_an_answer_under_an_android_separator_is_fresh():
    body = ("-------- 元のメッセージ --------\n差出人： ハローワーク秋田 <online-soudan@akita-hw.example.jp>\n"
            "日付： 2027/01/08 10:00\n> 1. 2027年1月20日（水）10:00～10:50\n> 2. 2027年1月21日（木）10:00～10:50\n\n"
            "2番でお願いします。\n村上")
    u = understand(_reply(body))[1]
    assert (u.intent, u.choice) == ("confirm", 2)


def test_the_current_booking_named_as_such_is_no_wish():
    assert req("今の予約は1月15日です。新しい希望は1月22日の午前です。") == ["2027-01-22"]
    assert req("予約は1月15日でお願いします。") == ["2027-01-15"]


@pytest.mark.parametrize("text, want", [
    ("1月18日から1月20日に変更希望です。", ["2027-01-20"]),                       # from the old to the new day
    ("1月18日から1月20日の間で相談したいです。", ["2027-01-18", "2027-01-19", "2027-01-20"]),  # a range stays one
])
def test_from_old_to_new_is_not_a_range(text, want):
    assert req(text) == want


def test_the_end_of_a_closure_span_is_no_wish_either():
    text = "1月20日の午前にお願いします。\n\nパン工房 佐藤\n年末年始休業：12月30日～1月3日\n臨時休業 1月25日から1月27日"
    assert req(text) == ["2027-01-20"]


# --- holdout8 kinds (own phrasings): a date in a question about a fact asks for no slot ----------

@pytest.mark.parametrize("text", [
    "お盆休みは8月13日から16日までという理解で正しいですか？",
    "1月15日は祝日扱いでしょうか。",
])
def test_dates_in_a_question_about_a_fact(text):
    assert req(text) == []


@pytest.mark.parametrize("text, want", [
    ("1月19日か20日はいけますか？", ["2027-01-19", "2027-01-20"]),     # asks for the days
    ("1月19日でいいですか？", ["2027-01-19"]),
    ("1月19日は空いていますか？", ["2027-01-19"]),
    ("1月19日の10時は大丈夫でしょうか。", ["2027-01-19"]),
])
def test_a_question_asking_for_a_day_keeps_it(text, want):
    assert req(text) == want
