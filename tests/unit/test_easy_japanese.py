"""Mail in easy Japanese (やさしい日本語) and polite conditionals, own phrasings (holdout8 kinds):
dates and hours written in hiragana after a digit read as the kanji ones, a wish asked with
「…できましたら」 is not a past event, and an interpreter 'also fine on the day' joins."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.understand.dates import JST, extract_requested
from mailbot.understand.fields import extract_attendant
from mailbot.understand.intent import classify_intent
from mailbot.understand.normalize import normalize

MON = datetime(2027, 1, 11, 9, 0, tzinfo=JST)


def req(text: str) -> list[tuple]:
    return [(r.date.isoformat(), r.start and r.start.strftime("%H:%M"), r.end and r.end.strftime("%H:%M"))
            for r in extract_requested(text, MON)[0]]


@pytest.mark.parametrize("text, want", [
    ("そうだんの よやくを したいです。1がつ20にち(すいようび) ごご 2じ はん", [("2027-01-20", "14:30", None)]),
    ("きぼう: 1がつ22にち きんようび 11じ", [("2027-01-22", "11:00", None)]),
    ("1がつ19にちの ごぜんちゅう おねがいします", [("2027-01-19", "09:00", "12:00")]),
])
def test_hiragana_dates_and_hours(text, want):
    assert req(text) == want


@pytest.mark.parametrize("text, same", [
    ("1じかん ぐらい かかりますか", "1じかん ぐらい かかりますか"),     # a duration is no hour
    ("なかようびです", "なかようびです"),                               # not a weekday inside a word
    ("にちようびは だめです", "日曜日は だめです"),
])
def test_hiragana_normalisation_is_narrow(text, same):
    assert normalize(text) == same


def test_a_change_in_easy_japanese_is_a_reschedule():
    fresh = "すみません。20にちは いけなく なりました。1がつ21にち(もくようび)の 3じに かえて ください。"
    assert classify_intent(fresh, "Re: ご予約確定のお知らせ", "<x@y>", None, has_requested=True) == "reschedule"
    assert req(fresh) == [("2027-01-21", "15:00", None)]


@pytest.mark.parametrize("text, want", [
    ("1月19日の午後、または1月21日の午後にお願いできましたら助かります。",
     [("2027-01-19", "13:00", "17:00"), ("2027-01-21", "13:00", "17:00")]),
    ("1月19日の10時にご相談できましたら幸いです。", [("2027-01-19", "10:00", None)]),
])
def test_a_polite_conditional_wish_is_no_past_event(text, want):
    assert req(text) == want


def test_a_past_event_still_drops_its_date():
    assert req("1月8日に電話で相談しました。") == []


@pytest.mark.parametrize("text, want", [
    ("しゅわの かたも その日 だいじょうぶ です", "interpreter"),
    ("通訳さんも21日は来られます。", "interpreter"),
    ("ヘルパーの方も当日は都合がつきます。", "caregiver"),
    ("通訳は大丈夫です。", None),                                      # declines one
    ("小野さんも一緒に参加します。", "other"),                          # a named companion
    ("当日も一緒に頑張りましょう。", None),
])
def test_attendants_in_prose(text, want):
    assert extract_attendant(text) == want
