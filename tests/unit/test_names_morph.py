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
