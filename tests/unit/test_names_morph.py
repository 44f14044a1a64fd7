"""Names with the morphological analyser (issue 8 item 1), own phrasings: a word that cannot be
a name is never one, and a name the dictionary knows is read where the writer signs."""

from __future__ import annotations

import pytest

from mailbot.understand import morph
from mailbot.understand.fields import extract_name, name_with_reason

pytestmark = pytest.mark.skipif(not morph.available(), reason="no morphological analyser installed")


@pytest.mark.parametrize("word, line", [("質問", "質問"), ("急", "急 様"), ("担当", "担当です"),
                                        ("以上", "以上"), ("私", "私です")])
def test_words_that_cannot_be_names(word, line):
    assert morph.is_common_noun(word, line)


@pytest.mark.parametrize("word, line", [("林", "林です。"), ("森", "森と申します"), ("小野寺 恵", "小野寺 恵"),
                                        ("グエン", "グエン"), ("秋田", "秋田です"), ("木ノ下", "木ノ下です")])
def test_names_and_name_like_nouns_are_not_vetoed(word, line):
    assert not morph.is_common_noun(word, line)


@pytest.mark.parametrize("fresh", [
    "急\n12月の相談について教えてください。",          # a lone word opening the mail
    "相談の件で連絡しました。\n質問",                  # a subject-like word signing off
])
def test_no_common_noun_as_name(fresh):
    assert extract_name(fresh) is None


@pytest.mark.parametrize("fresh, signature, name", [
    ("1番でお願いします。", "手芸の店ゆい 小田島 奈緒\nTEL 018-000-1111", "小田島 奈緒"),   # a shop's signature
    ("12月9日の10時でお願いします。\n工藤\n携帯 090-1111-2222\n求職番号 0501011112222", "", "工藤"),  # a lone surname line
])
def test_dictionary_reads_a_signing_name(fresh, signature, name):
    assert name_with_reason(fresh, signature) == (name, "dictionary")


def test_the_dictionary_never_names_a_supporter():
    fresh = "利用者の方の相談について、日程を変更したく存じます。\n支援員 佐久間 陽子"
    assert extract_name(fresh) is None


def test_a_name_run_on_to_unknown_kanji_is_not_cut():
    assert name_with_reason("2番でお願いします。\n李秀英")[0] != "李"


@pytest.mark.parametrize("fresh, name", [
    ("先日お電話した小野寺ですが、1月20日の午後は空いていますか。", "小野寺"),
    ("以前窓口で相談した斎藤 健ですが、また相談したいです。", "斎藤 健"),
])
def test_an_introduction_ending_in_desuga(fresh, name):
    assert name_with_reason(fresh) == (name, "dictionary")


@pytest.mark.parametrize("fresh", ["予約の件ですが、日程を教えてください。", "明日の相談ですが、持ち物はありますか。"])
def test_a_topic_ending_in_desuga_is_no_name(fresh):
    assert extract_name(fresh) is None


def test_the_name_ending_a_school_line():
    assert name_with_reason("1月20日の午後にお願いします。\n秋田大学 理工学部2年 工藤 葵")[0] == "工藤 葵"


def test_a_supporter_naming_the_client_by_surname_and_honorific():
    fresh = "就労支援センターみなみの支援員、高田です。\n佐々木さんの来週の予約について、日程の変更をお願いしたく存じます。"
    assert name_with_reason(fresh) == ("佐々木", "named_for")


def test_a_supporter_naming_two_people_names_nobody():
    fresh = "就労支援センターみなみの支援員、高田です。\n佐々木さんの予約と、工藤さんの相談について連絡しました。"
    assert extract_name(fresh) is None


# --- holdout8 kinds (own phrasings) -----------------------------------------------------------

@pytest.mark.parametrize("fresh, signature, name", [
    # a surname in the prose, the full name where the writer signs behind a department
    ("お世話になります。総務課の岡田と申します。\n資料をお送りします。", "総務課　岡田 美咲\nTEL 018-111-2222", "岡田 美咲"),
    ("サポート室の菅原です。\nご確認お願いします。", "サポート室 菅原亮\n電話 018-222-3333", "菅原亮"),
])
def test_surname_in_prose_takes_the_signed_full_form(fresh, signature, name):
    assert extract_name(fresh, signature) == name


def test_surname_without_a_full_form_stays_a_surname():
    assert extract_name("佐野と申します。\n相談をお願いします。", "佐野\n携帯 090-1234-5678") == "佐野"


@pytest.mark.parametrize("fresh, name", [
    ("相談したいです\n山口純\n来週月曜の午前希望", "山口純"),        # a bare full-name line, no label, no From name
    ("はじめまして。金ミンジュ（キム ミンジュ）です。\n相談を予約したいです。", "金ミンジュ"),   # kanji + katakana
    ("予約 12/15 14時 佐野", "佐野"),                                 # a telegraphic line closing on a surname
])
def test_names_without_a_label(fresh, name):
    assert extract_name(fresh) == name


@pytest.mark.parametrize("fresh", [
    "相談したいです\n来週月曜の午前希望",
    "12/15 14時 午後",                                                 # no name at the end
    "予約したいです。よろしくお願いします 急用",                       # a sentence, then a common noun
])
def test_no_name_where_none_is_written(fresh):
    assert extract_name(fresh) is None


def test_a_family_name_signing_off_as_we_greeted():
    fresh = "2ばんで おねがいします。\n李"
    assert name_with_reason(fresh, addressed="李ミナ") == ("李", "signoff_addressed")
    assert extract_name(fresh) is None                                  # without our greeting, too weak alone


def test_a_relative_signing_is_not_the_seeker():
    # our offer greeted the son; his mother signs with the same family name
    assert extract_name("1番でお願いします。\n母も同席します。\n斎藤良子", addressed="斎藤 翼") is None
    assert extract_name("1番でお願いします。\n斎藤 翼", addressed="斎藤 翼") == "斎藤 翼"
    assert extract_name("1番でお願いします。\n斎藤", addressed="斎藤 翼") == "斎藤"


def test_addressed_name_is_our_greeting_line():
    from mailbot.understand.fields import addressed_name
    assert addressed_name("> 佐藤 美穂 様\n>\n> いつもありがとうございます。") == "佐藤 美穂"
    assert addressed_name("> ご担当者 様\n> 本文") == ""
