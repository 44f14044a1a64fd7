"""More kinds of misses fixed (issue 8), with our own phrasings: English weekdays after a date,
an interpreter who comes along, a day named again without a time, an offer line copied without
its year, 再来週の同じ曜日, 上記の2 / 第1候補の日時, a separator with a blank line before the
quote, supplementary kanji (𠮷), a foreign name on its own line, the writer's own spacing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mailbot.understand import morph
from mailbot.understand.dates import DEFAULT_WINDOWS, JST, extract_requested
from mailbot.understand.english import english_requested
from mailbot.understand.fields import extract_attendant, extract_choice, extract_name, name_with_reason
from mailbot.understand.quotes import split_reply


def test_english_weekday_in_brackets_after_the_date():
    got = english_requested("Could we meet on January 19 (Tue) at 2:30 pm?", date(2027, 1, 11), DEFAULT_WINDOWS)
    assert [(r.date.isoformat(), r.start.strftime("%H:%M")) for _, r in got] == [("2027-01-19", "14:30")]


def test_an_interpreter_who_comes_along():
    assert extract_attendant("An interpreter from my church will come with me.") == "interpreter"


def test_a_day_named_again_without_a_time_is_the_same_wish():
    ref = datetime(2027, 1, 11, 9, 0, tzinfo=JST)
    got = extract_requested("1月20日の午前にお願いします。1月20日が無理なら1月21日の11時で。", ref)[0]
    assert [(r.date.day, r.start and r.start.hour) for r in got] == [(20, 9), (21, 11)]


def test_weeksame_counts_the_week_from_today_and_the_weekday_from_the_date():
    ref = datetime(2027, 1, 9, 10, 0, tzinfo=JST)        # a Saturday
    got = extract_requested("来週の予約（1月13日）ですが、再来週の同じ曜日にしてもらえますか。", ref)[0]
    assert [r.date.isoformat() for r in got] == ["2027-01-20"]


def test_an_offer_line_copied_without_its_year():
    quoted = "> 1. 2027年1月20日（水）10:00～10:50\n> 2. 2027年1月21日（木）14:00～14:50"
    assert extract_choice("2. 1月21日(木) 14:00～14:50 でいきます", quoted)[0] == 2


@pytest.mark.parametrize("text, n", [("上記の3でお願いします。", 3), ("第2候補の日時でお願いいたします。", 2),
                                     ("ご案内の1番で大丈夫です。", 1)])
def test_options_named_as_ours(text, n):
    assert extract_choice(text)[0] == n


def test_separator_header_blank_line_then_quote_then_answer():
    text = ("----- Original Message -----\nFrom: office <o@example.jp>\nDate: 2027/01/08\n\n"
            "> 1. 2027年1月20日（水）10:00～10:50\n\n1でお願いします。\n大友")
    assert split_reply(text).fresh == "1でお願いします。\n大友"


def test_supplementary_kanji_in_a_name():
    assert extract_name("氏名：𠮷川 美穂") == "𠮷川 美穂"


@pytest.mark.skipif(not morph.available(), reason="no morphological analyser")
def test_a_foreign_name_alone_on_the_last_line():
    assert name_with_reason("2番でお願いします。\nマリア")[0] == "マリア"


def test_the_writers_own_spacing_wins():
    assert extract_name("鈴木花子と申します。\n相談をお願いします。", "営業部 鈴木 花子\nTEL 03-0000-0000") == "鈴木 花子"


def test_thunderbird_wrote_on_header_starts_the_quote():
    text = "1番でお願いします。\n菅野\n\nハローワーク秋田 wrote on 2027/01/08 10:30:\n> 1. 2027年1月20日（水）10:00～10:50"
    reply = split_reply(text)
    assert reply.fresh == "1番でお願いします。\n菅野" and "wrote on" in reply.quoted


def test_the_old_date_of_a_change_form_is_no_wish():
    ref = datetime(2027, 1, 11, 9, 0, tzinfo=JST)
    text = "予約の変更をお願いします。\n現在の予約：1月19日（火）13:00\n変更後：1月22日（金）13:00"
    assert [r.date.isoformat() for r in extract_requested(text, ref)[0]] == ["2027-01-22"]


def test_bracketed_item_numbers_label_a_name_and_pick_nothing():
    text = "【1】お名前　浅野 みゆき\n【2】希望日　1月20日 午前\n【3】電話　080-0000-1111"
    assert extract_name(text) == "浅野 みゆき" and extract_choice(text)[0] is None


@pytest.mark.skipif(not morph.available(), reason="no morphological analyser")
def test_two_ordinary_words_spaced_like_a_name_are_a_shop():
    assert morph.is_common_noun("居酒屋 大漁", "居酒屋 大漁")
    assert not morph.is_common_noun("林 空", "林 空")          # may be a person: kept


def test_a_shop_block_with_opening_hours_is_a_signature():
    reply = split_reply("1月20日10時希望です\n\n*******\nそば処 まるや\n営業 11:00～15:00\n*******")
    assert reply.fresh == "1月20日10時希望です" and "そば処" in reply.signature


def test_shuuake_alone_is_next_weeks_monday():
    ref = datetime(2027, 1, 13, 9, 0, tzinfo=JST)       # a Wednesday
    got = extract_requested("週明けの午前中はいかがでしょうか。", ref)[0]
    assert [(r.date.isoformat(), r.start.hour) for r in got] == [("2027-01-18", 9)]
    assert extract_requested("週明けに改めて連絡します。", ref)[0] == []
