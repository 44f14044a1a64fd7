"""Numbered form fields, kana ordinals and ruled-out options (issue 8), with our own phrasings."""

from __future__ import annotations

import pytest

from mailbot.understand.fields import extract_choice, extract_name


@pytest.mark.parametrize("text", [
    "1. 氏名 今野 翔太\n2. 求職番号 05010-11112222\n3. 希望日 12月9日 午後でお願いします",
    "１）お名前：今野 翔太\n２）電話：090-0000-1111\n３）第１希望：12/10 10時",
    "(1) 名前 今野翔太\n(2) 連絡先 090-0000-1111\n(3) 希望 12月11日",
])
def test_numbered_form_items_are_no_option(text):
    assert extract_choice(text)[0] is None


def test_a_pick_above_a_numbered_form_still_counts():
    text = "3番でお願いします。\n1. 氏名 今野 翔太\n2. 電話 090-0000-1111"
    assert extract_choice(text)[0] == 3


def test_a_lone_numbered_line_is_still_a_pick():
    assert extract_choice("2. でお願いします")[0] == 2


@pytest.mark.parametrize("text, name", [
    ("1. 氏名　今野　翔太\n2. 求職番号　05010-11112222", "今野 翔太"),
    ("１．お名前　　浅利　美月（あさり　みづき）\n２．電話　080-1111-2222", "浅利 美月"),
    ("2) 氏名: 嵯峨 健\n3) 電話: 090-2222-3333", "嵯峨 健"),
])
def test_numbered_name_label(text, name):
    assert extract_name(text) == name


@pytest.mark.parametrize("text, n", [
    ("さんばんめ で おねがいします", 3), ("にばんめがいいです", 2), ("いちばん の にってい で", 1),
])
def test_kana_ordinals(text, n):
    assert extract_choice(text)[0] == n


@pytest.mark.parametrize("text, n", [
    ("2番は都合が悪くなったので、3番でお願いします。", 3),
    ("1番の日程は予定が入ってしまい、2番でお願いできますか。", 2),
])
def test_a_number_ruled_out_in_its_clause_is_not_the_pick(text, n):
    assert extract_choice(text)[0] == n


def test_two_numbers_without_a_refusal_stay_ambiguous():
    choice, warnings = extract_choice("1番と2番のどちらでも大丈夫です")
    assert choice is None and warnings


# --- 「N の <day> <hour>」: an option number with its slot restated (holdout8 kind, own phrasings) --

_OFFER = ("> 1. 2027年1月20日(水) 10:00〜10:50\n> 2. 2027年1月21日(木) 14:00〜14:50\n"
          "> 3. 2027年1月22日(金) 11:00〜11:50")


@pytest.mark.parametrize("fresh, want", [
    ("2の21日14時からでお願いします。", 2),
    ("では、3の1月22日(金)でお願いします。", 3),
])
def test_an_option_number_with_its_slot_restated(fresh, want):
    from mailbot.understand.fields import extract_choice
    assert extract_choice(fresh, _OFFER)[0] == want


@pytest.mark.parametrize("fresh, quoted", [
    ("2の22日11時からでお願いします。", _OFFER),     # the day is option 3's: no guess
    ("2の21日14時からでお願いします。", ""),         # no offer quoted to check against
])
def test_no_choice_when_the_restated_slot_does_not_check(fresh, quoted):
    from mailbot.understand.fields import extract_choice
    assert extract_choice(fresh, quoted)[0] is None
