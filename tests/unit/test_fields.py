"""Field extractors with phrasings of our own (not the samples'): generalisation checks."""

from __future__ import annotations

import pytest

from mailbot.understand.fields import (extract_attendant, extract_choice, extract_email,
                                       extract_name, extract_phone, extract_seeker_number)
from mailbot.understand.normalize import normalize


# --- normalize ---------------------------------------------------------------------------------
def test_circled_numbers_survive_nfkc():
    assert normalize("①11月25日") == "(1)11月25日"
    assert normalize("⑫ ❸ ⑵ ㊁") == "(12) (3) (2) (2)"


def test_width_and_dashes():
    assert normalize("０９０ー１２３４－５６７８") == "090-1234-5678"
    assert normalize("taro＠example．jp") == "taro@example.jp"
    assert normalize("10:30～11:20") == "10:30〜11:20"
    assert normalize("05010 − 12345678") == "05010-12345678"


def test_names_are_not_mangled():
    assert normalize("髙田　﨑山ｻﾄｼ") == "髙田 﨑山サトシ"
    assert normalize("山田ー") == "山田ー"          # prolonged mark not between digits stays


# --- name --------------------------------------------------------------------------------------
@pytest.mark.parametrize("fresh, expected", [
    ("氏名：山田 花子\n求職番号：05010-12345678", "山田 花子"),
    ("お名前：山田　花子（やまだ はなこ）", "山田 花子"),
    ("【氏名】山田花子（ヤマダハナコ）", "山田花子"),
    ("・お名前　佐藤 次郎", "佐藤 次郎"),
    ("名前: 田中 一郎 (タナカ イチロウ)", "田中 一郎"),
    ("氏名\n西田 涼子\n電話\n090-1111-2222", "西田 涼子"),
    ("はじめまして、木村拓也と申します。", "木村拓也"),
    ("私は木村 拓也と申します。", "木村 拓也"),
    ("木村 拓也（きむら たくや）と申します。予約をお願いします。", "木村 拓也"),
    ("こんにちは。西村ゆかりです。相談の予約をお願いします。", "西村ゆかり"),
    ("わたしは マリア サントス です。", "マリア サントス"),
    ("ジョン・スミスと申します。", "ジョン・スミス"),
    ("お世話になっております。木村です。\n2番でお願いします。\n\n木村 拓也", "木村 拓也"),
    ("お世話になります。岡田です。\n予約をお願いします。", "岡田"),
    ("予約をお願いします。\n\n東 ひかり\n携帯 090-1111-2222", "東 ひかり"),
])
def test_name(fresh, expected):
    assert extract_name(fresh) == expected


def test_name_from_signature_block():
    assert extract_name("相談の予約をお願いします。", "--\n大石 亮\n090-1234-5678") == "大石 亮"
    assert extract_name("営業の大石と申します。", "――\n株式会社テスト 営業部\n大石 亮\nTEL 03-1234-5678") == "大石 亮"


@pytest.mark.parametrize("fresh", [
    "ベトナム人です。予約したいです。",
    "現在求職中です。予約をお願いします。",
    "了解です。2番でお願いします。",
    "問題ないです。よろしくお願いします。",
    "予約をお願いします。",
    "ハローワーク秋田 ご担当者様\n\n予約をお願いします。",
])
def test_no_name_is_invented(fresh):
    assert extract_name(fresh) is None


def test_family_member_writing_is_not_the_name():
    text = ("娘に代わって母の私からご連絡いたします。\n娘がオンライン相談を希望しております。\n"
            "よろしくお願いします。\n\n山口 和代")
    assert extract_name(text) is None
    labelled = "息子の代理でメールしています。\n氏名：山口 翔太\n\n山口 和代"
    assert extract_name(labelled) == "山口 翔太"


def test_supporter_writing_is_not_the_name():
    text = "就労支援センターの相談員の佐々木と申します。利用者の方の予約をお願いしたくご連絡しました。"
    assert extract_name(text) is None


# --- seeker number -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("求職番号：05010-12345678", "05010-12345678"),
    ("求職番号 0501012345678", "05010-12345678"),
    ("求職番号：０５０１０－１２３４５６７８", "05010-12345678"),
    ("求職番号は05010ー12345678です", "05010-12345678"),
    ("番号 05010 12345678", "05010-12345678"),
    ("求職番号: 0501-0123-45678", "05010-12345678"),
    ("きゅうしょくばんごう：05020-87654321", "05020-87654321"),
    ("雇用保険被保険者番号：1234-567890-1\n求職番号：05010-12345678", "05010-12345678"),
])
def test_seeker_number(text, expected):
    assert extract_seeker_number(text) == expected


@pytest.mark.parametrize("text", [
    "受付番号 12345-12345678",
    "雇用保険番号：12345-67890123",
    "求職番号：手元にないので後で送ります",
    "電話 090-1234-5678",
])
def test_not_a_seeker_number(text):
    assert extract_seeker_number(text) is None


# --- phone -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("電話：090-1234-5678", "090-1234-5678"),
    ("携帯 09012345678", "09012345678"),
    ("TEL：０９０－１２３４－５６７８", "090-1234-5678"),
    ("+81 90-1234-5678", "090-1234-5678"),
    ("電話 +81-80-2345-6789", "080-2345-6789"),
    ("IP電話 050-1234-5678", "050-1234-5678"),
    ("自宅 018-862-4567", "018-862-4567"),
    ("(018) 862-4567", "018-862-4567"),
    ("電話 090 1234 5678", "090-1234-5678"),
])
def test_phone_formats(text, expected):
    assert extract_phone(text) == expected


def test_phone_not_postal_code_or_fax():
    assert extract_phone("〒010-0001 秋田市中通1-1-1") is None
    assert extract_phone("FAX 018-862-4567") is None
    assert extract_phone("TEL 018-888-1234 / FAX 018-888-1235") == "018-888-1234"


def test_phone_the_writer_says_to_use():
    text = "以前の番号 090-1111-2222 は使えなくなりました。\n新しい番号：080-3333-4444"
    assert extract_phone(text) == "080-3333-4444"


def test_signature_phone_only_as_fallback():
    assert extract_phone("電話 080-1111-2222", "--\n山田\nTEL 018-862-3333") == "080-1111-2222"
    assert extract_phone("予約をお願いします。", "--\n山田\nTEL 018-862-3333") == "018-862-3333"


def test_work_number_the_writer_declines():
    sig = "--\n小川 純\n株式会社テスト\nTEL 018-862-3333"
    assert extract_phone("職場の電話には連絡しないでください。", sig) is None


def test_unallocated_number_counts_only_when_labelled():
    assert extract_phone("電話：018-123-4567") == "018-123-4567"
    assert extract_phone("整理 018-123-4567") is None


def test_office_number_is_not_the_contact():
    assert extract_phone("ハローワークの018-860-0000に電話しましたがつながりませんでした。") is None


def test_seeker_number_is_not_a_phone():
    assert extract_phone("求職番号 05010-12345678") is None


# --- email -------------------------------------------------------------------------------------
def test_email_in_body_wins_and_is_lowercased():
    assert extract_email("連絡先：Taro.Yamada@Example.JP", "", "from@x.jp") == "taro.yamada@example.jp"
    assert extract_email("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ まで", "", "from@x.jp") == "taro@example.jp"


def test_email_falls_back_to_from():
    assert extract_email("予約をお願いします", "", "Seeker@Example.jp") == "seeker@example.jp"


def test_email_keeps_old_carrier_addresses():
    assert extract_email("メール：taro..yamada.@docomo.ne.jp", "", "x@y.jp") == "taro..yamada.@docomo.ne.jp"


def test_email_skips_our_own_address_and_old_one():
    body = "online@office.example.jp 宛に送ります。\n旧アドレス：old@x.jp\n新しいアドレス：new@x.jp"
    assert extract_email(body, "", "f@x.jp", ("online@office.example.jp",)) == "new@x.jp"


# --- choice ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("2番でお願いします", 2),
    ("②でお願いします。", 2),
    ("①の日程でお願いいたします", 1),
    ("「2」でお願いします", 2),
    ("二番目の日程でお願いします", 2),
    ("3.", 3),
    ("3番を希望します。", 3),
    ("了解しました。1でお願いします", 1),
    ("No.2でお願いします", 2),
    ("２つ目でお願いします", 2),
    ("１番目の候補で大丈夫です", 1),
    ("3番（12月9日 13:00〜13:50）でお願いします", 3),
])
def test_choice(text, expected):
    assert extract_choice(text)[0] == expected


@pytest.mark.parametrize("text", [
    "1. 料金はかかりますか？\n2. スマホでも受けられますか？",
    "12月4日10時の枠でお願いします",
    "2時でお願いします",
    "電話 090-1234-5678",
    "一番早い日でお願いします",
    "①11/25(水) 10:30〜11:20\n②11/27(金) 午前中",
    "> 2. 2026年12月1日(火) 10:00〜10:50",
])
def test_no_choice(text):
    assert extract_choice(text)[0] is None


def test_two_different_numbers_warn():
    choice, w = extract_choice("2番でお願いします。だめなら3番で。")
    assert choice is None and w and w[0].startswith("ambiguous_choice:")


# --- attendant ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("手話通訳をお願いしたいです。", "interpreter"),
    ("通訳の方が同席します。", "interpreter"),
    ("中国語の通訳（妻）が一緒に参加します。", "interpreter"),
    ("ヘルパーさんが付き添います。", "caregiver"),
    ("介助者が同席します。", "caregiver"),
    ("当日は母が同席します。", "other"),
    ("就労支援センターの支援員さんも一緒に参加します。", "other"),
    ("同席者はいません。", None),
    ("通訳は不要です。", None),
    ("一人で参加します。", None),
    ("通訳の仕事を探しています。", None),
    ("母が代わりにメールを送っています。", None),
    ("予約をお願いします。", None),
])
def test_attendant(text, expected):
    assert extract_attendant(text) == expected


@pytest.mark.parametrize("fresh", ["テスト", "本文\n本文", "テストです。\n\n丸数字のテスト"])
def test_test_words_are_not_names(fresh):
    assert extract_name(fresh) is None


def test_bare_family_sign_off():
    """A two-kanji family name closing the text is the name as written (README: the name in the
    body); a one-kanji one is too often something else and needs the From name to agree."""
    assert extract_name("相談の予約をお願いします。\n\n岡田") == "岡田"
    assert extract_name("相談の予約をお願いします。\n\n林") is None
    assert extract_name("相談の予約をお願いします。\n\n林", from_name="林 真一") == "林"
    assert extract_name("相談の予約をお願いします。\n\n岡田真一") == "岡田真一"


@pytest.mark.parametrize("text, expected", [
    ("候補2でお願いします", 2),
    ("第3候補でお願いします", 3),
    ("第1候補：12月3日 10時\n第2候補：12月4日 14時", None),
])
def test_choice_by_candidate_label(text, expected):
    assert extract_choice(text)[0] == expected


def test_child_joining_is_other():
    assert extract_attendant("当日は子どもと一緒に参加します。") == "other"


def test_name_after_a_descriptive_phrase():
    assert extract_name("はじめまして。秋田市在住の佐藤健太と申します。") == "佐藤健太"


@pytest.mark.parametrize("text, expected", [
    ("氏名：秋田 太郎 様", "秋田 太郎"),
    ("お名前（フリガナ）：秋田 太郎（アキタ タロウ）", "秋田 太郎"),
])
def test_labelled_name_variants(text, expected):
    assert extract_name(text) == expected


def test_phone_annotation_after_the_number_counts():
    text = "連絡先　ＴＥＬ：０１８－８６２－１１１１（自宅）／０９０－１１１１－２２２２（携帯・日中はこちら）"
    assert extract_phone(text) == "090-1111-2222"


def test_two_people_joining():
    assert extract_attendant("母と二人で参加してもよろしいでしょうか。") == "other"


def test_name_after_namae_wa():
    assert extract_name("私の名前は秋田太郎です。") == "秋田太郎"


@pytest.mark.parametrize("fresh, expected", [
    ("予約をお願いします。\n\n秋田太郎より", "秋田太郎"),
    ("予約をお願いします。\n\n乱文失礼", None),
    ("予約をお願いします。\n\n本人確認", None),
])
def test_sign_off_lines(fresh, expected):
    assert extract_name(fresh) == expected


def test_referred_by_a_support_centre_is_still_the_seeker():
    assert extract_name("就労支援センターの紹介でご連絡しました。秋田花子と申します。") == "秋田花子"


# --- name: the seeker named by someone writing for them -------------------------------------
@pytest.mark.parametrize("fresh, expected", [
    ("大川と申します。\n娘の大川 美咲（22歳）のオンライン相談をお願いしたく、ご連絡しました。", "大川 美咲"),
    ("いつもお世話になっております。\n息子の西村 陽太が職業相談を希望しておりますので、代わりに申し込みます。", "西村 陽太"),
    ("相談支援事業所の工藤です。\n当事業所の利用者である三浦 大地さんの相談予約をお願いいたします。", "三浦 大地"),
    ("母親の私が代筆しています。長男の小松健吾（こまつ けんご）の予約をお願いします。", "小松健吾"),
    ("妹の石井 結衣に代わって、姉の私が予約を申し込みます。", "石井 結衣"),
])
def test_seeker_named_by_the_writer(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh", [
    "中村と申します。当日は妹の中村 彩が同席します。相談の予約をお願いします。",
    "息子の就職について相談したく、母親の私がメールしました。",
    "娘の送り迎えがあるので、午前の相談を希望します。",
])
def test_relatives_who_are_not_the_seeker(fresh):
    assert extract_name(fresh) in (None, "中村")


def test_joining_relative_does_not_replace_the_writer():
    assert extract_name("中村 優と申します。当日は妹の中村 彩が同席します。予約をお願いします。") == "中村 優"


# --- name: common family names and given names the suffix filter used to eat --------------------
@pytest.mark.parametrize("fresh, expected", [
    ("阿部と申します。予約をお願いします。", "阿部"),
    ("お世話になっております。田中です。\n予約をお願いします。", "田中"),
    ("緒方と申します。", "緒方"),
    ("田所 恵と申します。", "田所 恵"),
    ("服部 直人と申します。", "服部 直人"),
    ("三上悠人と申します。", "三上悠人"),
    ("予約をお願いします。\n\n野中 隼人", "野中 隼人"),
])
def test_names_with_suffix_like_endings(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh", [
    "現在求職中です。", "在職中です。予約をお願いします。", "日本人です。", "会社員です。",
    "総務部です。", "担当の方へ", "事務所です。",
])
def test_suffix_words_are_still_not_names(fresh):
    assert extract_name(fresh) is None


# --- name: a short family name introduced, the full one signed -----------------------------------
@pytest.mark.parametrize("fresh, expected", [
    ("お世話になっております。本田です。\n2番でお願いします。\n\n本田 和人", "本田 和人"),
    ("お世話になっております。坂本です。\n了解しました。\n\n坂本 翼\n株式会社アキタ物産\n携帯：090-2222-3333",
     "坂本 翼"),
    ("菅原です。\n予約をお願いします。\n\n菅原 由紀\n〒010-0001 秋田市中通1-1\nTEL 018-800-1111", "菅原 由紀"),
])
def test_full_signed_name_extends_the_short_one(fresh, expected):
    assert extract_name(fresh) == expected


# --- name: long unspaced names and 々 ------------------------------------------------------------
@pytest.mark.parametrize("fresh, expected", [
    ("長谷川由美子と申します。", "長谷川由美子"),
    ("はじめまして、五十嵐真由美と申します。", "五十嵐真由美"),
    ("佐々木聡と申します。", "佐々木聡"),
    ("野々村美里と申します。予約をお願いします。", "野々村美里"),
    ("こんにちは。久保田健太郎です。", "久保田健太郎"),
])
def test_long_unspaced_names(fresh, expected):
    assert extract_name(fresh) == expected


# --- name: casual self-introduction --------------------------------------------------------------
@pytest.mark.parametrize("fresh, expected", [
    ("こんにちは。工藤彩花っていいます。相談したいです。", "工藤彩花"),
    ("はじめまして！佐藤 蒼って言います。", "佐藤 蒼"),
    ("加藤っていいます。予約お願いします", "加藤"),
])
def test_casual_introduction(fresh, expected):
    assert extract_name(fresh) == expected


# --- name: no self-introduction ------------------------------------------------------------------
@pytest.mark.parametrize("fresh, expected", [
    ("予約お願いします\n千葉ゆうか\n明日の午後いけます", "千葉ゆうか"),
    ("相談したいです\n藤井 拓海\n090-1111-2222", "藤井 拓海"),
    ("(2)でお願いします\n工藤", "工藤"),
    ("了解しました。当日は父が同席します。\n\n佐藤 隼人", "佐藤 隼人"),
])
def test_name_without_introduction(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh", [
    "予約お願いします\n午後\nよろしく",
    "2番でお願いします\n以上",
    "相談内容\n転職について\n予約をお願いします。",
    "2番でお願いします\n何卒",
    "予約をお願いします。\n失礼します",
])
def test_lone_lines_that_are_not_names(fresh):
    assert extract_name(fresh) is None


@pytest.mark.parametrize("fresh, expected", [
    ("山田 花子と申します。娘の山田 愛が熱を出しやすいので、オンライン相談を希望します。", "山田 花子"),
    ("佐藤です。夫の佐藤 一郎が以前相談でお世話になりました。私も相談を予約したいです。", "佐藤"),
    ("鈴木 一郎と申します。父の鈴木 茂の介護をしながら仕事を探しています。相談を予約したいです。", "鈴木 一郎"),
])
def test_relative_named_in_passing_is_not_the_seeker(fresh, expected):
    assert extract_name(fresh) == expected


# --- attendant: joining without 同席/付き添い, 付き添う elsewhere --------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("本人は話すのが苦手なので、当日は私も一緒に画面の前に座らせてください。", "other"),
    ("当日はわたしも同席させていただきます。", "other"),
    ("当日はヘルパーさんが横でパソコン操作を手伝ってくれます。", "caregiver"),
    ("介助者が隣でサポートします。", "caregiver"),
    ("姉がそばで手伝ってくれる予定です。", "other"),
    ("家族の通院に付き添うことになり、都合がつかなくなりました。", None),
    ("母の入院の付き添いがあるため、午前は難しいです。", None),
    ("子どもの学校行事に付き添うので、午後にしてください。", None),
])
def test_attendant_more_phrasings(text, expected):
    assert extract_attendant(text) == expected


# --- choice: position words ------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("一番上の日程でお願いします。", 1),
    ("いちばん上の候補で大丈夫です。", 1),
    ("最初の日程でお願いします。", None),          # no option number written (README): ask back
    ("一番下の日程でお願いします。", None),
    ("上記の日程でお願いします。", None),
])
def test_choice_by_position(text, expected):
    assert extract_choice(text)[0] == expected


@pytest.mark.parametrize("text", [
    "母の手伝いがあるので、午前は難しいです。",
    "父のそばにいたいので、オンラインを希望します。",
    "私も一緒に頑張りたいと思います。",
    "家の手伝いをしています。",
])
def test_help_and_presence_words_that_are_not_joining(text):
    assert extract_attendant(text) is None


def test_seeker_named_with_san_before_the_age():
    text = "支援員の村田です。\n当センター利用者の佐藤 優斗さん（21歳）の相談予約をお願いしたくご連絡しました。"
    assert extract_name(text) == "佐藤 優斗"


@pytest.mark.parametrize("fresh, expected", [
    ("現在、介護職として働いている斉藤と申します。", "斉藤"),
    ("昨年まで事務をしていた村井ちひろと申します。", "村井ちひろ"),
    ("秋田市に住んでいる高橋 亮と申します。", "高橋 亮"),
])
def test_name_after_a_descriptive_clause(fresh, expected):
    assert extract_name(fresh) == expected


def test_writing_about_a_child_is_on_behalf():
    assert extract_name("息子の件で相談です。来週の午後を希望します。\n\n高田 正") is None
    assert extract_name("娘（19歳）のことでご相談したく、メールしました。\n\n工藤 恵子") is None


@pytest.mark.parametrize("fresh, expected", [
    ("12/3 10:00で予約している小野寺です。\n都合により取り消しをお願いします。", "小野寺"),
    ("12月3日に予約している小松です。", "小松"),
    ("先日お電話した山内です。", "山内"),
    ("先週相談させていただいた菅 めぐみです。", "菅 めぐみ"),
])
def test_name_after_a_self_identifying_clause(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh", ["相談したい日程です。", "返事が届いていない状態です。", "気になっている求人です。"])
def test_clause_then_noun_is_not_a_name(fresh):
    assert extract_name(fresh) is None


def test_a_word_above_the_requested_date_is_no_sign_off():
    assert extract_name("求人票の件で相談したいです。\n面接対策\n12月5日 15時\n宜しくお願い致します") is None


# --- attendant: helpers at the seeker's side, interpreters without a join verb, named supporters -----
@pytest.mark.parametrize("text, expected", [
    ("パソコンだば慣れてねくて、当日は息子が横さついで手伝ってけることになってます。", "other"),
    ("パソコンの扱いに不慣れなので、当日は孫が隣で手伝ってくれることになっております。", "other"),
    ("機械が苦手なので、当日は娘がパソコンの操作を手伝います。", "other"),
    ("当日は夫がそばでサポートしてくれます。", "other"),
    ("当日は私も同席させていただきます。", "other"),
    ("中国語と日本語ができる友達が通訳として一緒に参加します。", "interpreter"),
    ("ベトナムごの つうやくの ひとと いっしょに はなしたいです。", "interpreter"),
    ("英語の通訳の人と話したいです。", "interpreter"),
    ("当日は担当の村田も同席いたします。", "other"),
    ("弊所の支援員、佐々木も同行いたします。", "other"),
])
def test_attendant_helpers_and_named_supporters(text, expected):
    assert extract_attendant(text) == expected


@pytest.mark.parametrize("text", [
    "息子が手伝ってくれて、履歴書を書きました。",
    "母が家事を手伝ってくれるので、平日でも大丈夫です。",
    "以前は通訳として働いていました。",
    "通訳なしで話せます。",
    "本人も同席します。",
])
def test_attendant_not_joining(text):
    assert extract_attendant(text) is None


# --- name: role labels, names with ・, decorated sign-offs ------------------------------------------
@pytest.mark.parametrize("fresh, expected", [
    ("センターの高橋です。\n対象者氏名：阿部 早苗（あべ さなえ）\n求職番号：05010-70044192", "阿部 早苗"),
    ("センターの岡本です。\n利用者名：村田 康平\n希望日時：12月21日（月）午後2時", "村田 康平"),
    ("ハローワーク秋田さま\n【申込者】菊池 亮太\n【求職番号】05020-66318540", "菊池 亮太"),
    ("相談者：佐藤 花子\n希望日：12月3日", "佐藤 花子"),
    ("■ご本人のお名前\n田村 一郎", "田村 一郎"),
    ("申込者名　小松 由香\n電話 090-1234-5678", "小松 由香"),
])
def test_role_labels(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh, expected", [
    ("こんにちは。\nわたしは グエン・ヴァン・ナム です。ベトナムから きました。", "グエン・ヴァン・ナム"),
    ("はじめまして。私はマリア・サントスです。", "マリア・サントス"),
    ("はじめまして。アナ・リマと申します。", "アナ・リマ"),
])
def test_foreign_names_with_nakaguro(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh, expected", [
    ("最初の日程でお願いいたします。\n規約の件、承知しました。\n—— 高階里美", "高階里美"),
    ("2番でお願いします。\n―― 高階 里美", "高階 里美"),
    ("承知しました。\n-- 佐々木 健", "佐々木 健"),
    ("承知しました。\n＊ 佐々木 健 ＊", "佐々木 健"),
])
def test_decorated_sign_off(fresh, expected):
    assert extract_name(fresh) == expected


# --- phone: the kind of number the writer asks us to use, combined TEL/FAX lines -------------------
@pytest.mark.parametrize("text, expected", [
    ("連絡先は、自宅 018-845-2231 と携帯 090-6612-0043 がございますが、\n"
     "日中は畑に出ていることが多いため、携帯の方にご連絡いただければ幸いです。", "090-6612-0043"),
    ("■連絡先：自宅 018-833-4471 ／ 携帯 080-6623-1457\n　（日中は不在がちですので、携帯の方へお願いします）",
     "080-6623-1457"),
    ("電話：018-833-4471、090-1111-2222\n日中は携帯へお願いします。", "090-1111-2222"),
    ("携帯 090-1111-2222\n自宅 018-833-4471\n平日の昼間は自宅の方が確実です。", "018-833-4471"),
    ("自宅：018-833-4471\n携帯：080-6623-1457\n携帯の方がつながりやすいです。", "080-6623-1457"),
    ("電話番号は018-833-4471と090-1111-2222です。ご連絡はスマホにお願いします。", "090-1111-2222"),
])
def test_phone_kind_preferred_in_another_sentence(text, expected):
    assert extract_phone(text) == expected


@pytest.mark.parametrize("fresh, sig, expected", [
    ("予約をお願いします。", "――――\n佐藤 義男\nTEL/FAX　018-862-4410", "018-862-4410"),
    ("電話・FAX：018-862-4410", "", "018-862-4410"),
    ("TEL/FAX 018-862-4410\n携帯 090-1111-2222", "", "090-1111-2222"),
    ("FAX/TEL 018-862-4410", "", "018-862-4410"),
])
def test_combined_tel_fax_line_is_a_phone(fresh, sig, expected):
    assert extract_phone(fresh, sig) == expected


@pytest.mark.parametrize("text, expected", [
    ("自宅 018-833-4471\n携帯 090-1111-2222\n自宅には電話しないでください。", "090-1111-2222"),
    ("携帯：090-1111-2222\n自宅：018-833-4471\n携帯は仕事中は出られないので、自宅にお願いします。", "018-833-4471"),
    ("018-833-4471（自宅）／090-1111-2222（携帯）\n携帯の方がつながりやすいです。", "090-1111-2222"),
])
def test_phone_kind_the_writer_avoids(text, expected):
    assert extract_phone(text) == expected


# --- choice: 「下記の2の日程で」; a position word without a number asks back -------------------------
@pytest.mark.parametrize("text, expected", [
    ("下記の2の日程でお願いします。", 2),
    ("いただいた候補のうち、3の日程で大丈夫です。", 3),
    ("ご提示いただいた1の日時でお願いいたします。", 1),
    ("2の枠を希望します。", 2),
    ("12月3日の日程でお願いします。", None),
    ("10時の枠でお願いします。", None),
])
def test_choice_number_of_the_schedule(text, expected):
    assert extract_choice(text)[0] == expected


@pytest.mark.parametrize("text", ["最初の日程でお願いいたします。", "先頭の候補で大丈夫です。", "最後の日程でお願いします。"])
def test_position_without_a_number_is_not_a_choice_but_warns(text):
    choice, w = extract_choice(text)
    assert choice is None and any(x.startswith("position_choice:") for x in w)


@pytest.mark.parametrize("fresh, expected", [
    ("支援員の高橋です。\n利用者：佐藤 花子さん", "佐藤 花子"),
    ("名前は、グエン ティ ハー です。", "グエン ティ ハー"),
    ("よろしくお願いします。\n／佐藤 花子", "佐藤 花子"),
    ("よろしくお願いします。\n佐藤 花子（さとう はなこ）", "佐藤 花子"),
    ("よろしくお願いします。\n佐藤花子（サトウハナコ）", "佐藤花子"),
])
def test_more_name_shapes(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("text, expected", [
    ("電話は090-1111-2222（携帯）です。自宅は018-833-4471ですが、日中はいません。", "090-1111-2222"),
    ("電話番号：018-833-4471（日中は不在です）\n携帯：090-1111-2222", "090-1111-2222"),
    ("携帯 090-1111-2222\n家 018-833-4471\n家の方にかけてください", "018-833-4471"),
    ("家族の携帯 090-1111-2222\n自宅 018-833-4471", "090-1111-2222"),
])
def test_phone_said_to_be_unreachable_or_wanted(text, expected):
    assert extract_phone(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2の日時で参加します", 2), ("1の日程で伺います", 1), ("当日は3人で参加します", None),
])
def test_choice_with_attend_verbs(text, expected):
    assert extract_choice(text)[0] == expected


def test_sign_language_summary_writer_is_an_interpreter():
    assert extract_attendant("要約筆記をお願いしたいです。") == "interpreter"


# --- choice: a bare number then で and the sentence ends; 番号2で; 2)で; 「1か2で」 asks back ------
@pytest.mark.parametrize("text, expected", [
    ("1で。よろしくお願いします", 1),
    ("2で！お願いします。", 2),
    ("はい、3で。", 3),
    ("ご連絡ありがとうございます。2です。よろしくお願いします。", 2),
    ("番号2で", 2),
    ("番号は3でお願いします。", 3),
    ("2)でお願いします", 2),
    ("1.で大丈夫です", 1),
    ("2時で。よろしくお願いします", None),
    ("受付番号12です。", None),
    ("求職番号05010-12345678です。", None),
    ("当日は2人で。", None),
])
def test_choice_bare_number_and_numbered_forms(text, expected):
    assert extract_choice(text)[0] == expected


@pytest.mark.parametrize("text", [
    "1か2でお願いします。",
    "1か2で",
    "①か②でお願いします。",
    "2または3で大丈夫です。",
    "1番か2番のどちらかでお願いします。",
    "1、2のどちらでも構いません。",
])
def test_either_of_two_numbers_is_no_choice_but_warns(text):
    choice, w = extract_choice(text)
    assert choice is None and any(x.startswith("ambiguous_choice:") for x in w)


# --- names: surnames with katakana ノ/ケ (一ノ瀬, 木ノ下, 三ケ田); a place is not a name ---------------
@pytest.mark.parametrize("fresh, expected", [
    ("一ノ瀬 美月と申します。", "一ノ瀬 美月"),
    ("木ノ下です。よろしくお願いします。", "木ノ下"),
    ("三ヶ田 浩二と申します。", "三ヶ田 浩二"),
    ("三ケ田浩二と申します。", "三ケ田浩二"),
    ("氏名：一ノ瀬 美月", "一ノ瀬 美月"),
    ("相談の予約をお願いします。\n\n一ノ瀬 美月", "一ノ瀬 美月"),
    ("相談の予約をお願いします。\n\n木ノ下美月", "木ノ下美月"),
    ("ご連絡ありがとうございます。一ノ瀬です。\n希望日時：11月25日 14時\n\n一ノ瀬 美月", "一ノ瀬 美月"),
    ("お世話になっております。山ノ内 健です。", "山ノ内 健"),
])
def test_surnames_with_katakana_no_or_ke(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh", [
    "場所はいつもの店です。",
    "集合はいつもの駅です。",
    "いつもの場所です。",
    "会場はいつもの会議室です。",
    "来週の忘年会、12月11日の19時からに決まったよ。\n場所はいつもの店です。",
])
def test_a_place_is_not_a_self_introduction(fresh):
    assert extract_name(fresh) is None


@pytest.mark.parametrize("fresh, expected", [
    ("いつもお世話になっております。佐藤です。", "佐藤"),
    ("お世話になっております佐藤です。", "佐藤"),
    ("はじめまして田中です。", "田中"),
    ("いつもお世話になっております、林です。", "林"),
])
def test_greeting_then_name_still_works(fresh, expected):
    assert extract_name(fresh) == expected


# --- phone: two numbers of one kind, the mail says whose each is -------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("夫の携帯：090-1111-2222\n私の携帯：080-3333-4444", "080-3333-4444"),
    ("私の携帯：080-3333-4444\n夫の携帯：090-1111-2222", "080-3333-4444"),
    ("連絡先は夫の携帯 090-1111-2222 と私の携帯 080-3333-4444 です。", "080-3333-4444"),
    ("090-1111-2222（母の携帯）\n080-3333-4444（本人の携帯）", "080-3333-4444"),
    ("本人の携帯は080-3333-4444です。母の携帯は090-1111-2222です。", "080-3333-4444"),
    ("夫の携帯：090-1111-2222\n私の携帯：080-3333-4444\n日中は夫の携帯にかけてください。", "090-1111-2222"),
    ("私の携帯：080-3333-4444\n妻の携帯：090-1111-2222\n仕事中は出られないので、妻の携帯にご連絡ください。", "090-1111-2222"),
    ("私の携帯：080-3333-4444\n夫の携帯：090-1111-2222\n夫の携帯にはかけないでください。", "080-3333-4444"),
    ("息子の相談をお願いしたく、母の私がメールしています。\n私の携帯：090-1111-2222\n本人の携帯：080-3333-4444",
     "080-3333-4444"),
    ("家族の携帯 090-1111-2222\n自宅 018-833-4471", "090-1111-2222"),
])
def test_phone_whose_number(text, expected):
    assert extract_phone(text) == expected


@pytest.mark.parametrize("text, expected", [("候補1で", 1), ("候補2で。", 2), ("案3で！", 3)])
def test_candidate_number_then_de_and_the_end(text, expected):
    assert extract_choice(text)[0] == expected


@pytest.mark.parametrize("fresh, expected", [
    ("斎藤陽太の母です。ご連絡ありがとうございます。\n本人と相談し、12月8日でお願いします。\n\n斎藤 恵子", "斎藤陽太"),
    ("いつもお世話になっております。山本 翔の父でございます。\n息子の相談をお願いしたく連絡しました。", "山本 翔"),
    ("小松美咲の姉と申します。妹に代わってご連絡します。", "小松美咲"),
])
def test_writer_introduced_as_the_seekers_relative_names_the_seeker(fresh, expected):
    assert extract_name(fresh) == expected


def test_relative_of_a_bare_family_name_leaves_the_name_open():
    assert extract_name("工藤の母です。息子の相談をお願いします。") is None


@pytest.mark.parametrize("text, expected", [
    ("ありがとう ございます。\n1ばん で おねがいします。", 1),
    ("2ばんめ が いいです", 2),
    ("３ ばん を きぼう します", 3),
])
def test_choice_with_kana_ban(text, expected):
    assert extract_choice(text)[0] == expected


def test_kana_bangou_is_no_choice():
    assert extract_choice("でんわ ばんごう は 090-1234-5678 です")[0] is None


@pytest.mark.parametrize("fresh, expected", [
    ("オンライン相談予約したいです。工藤拓海 求職番号0501092817364 12/2午前中希望 携帯09055128830", "工藤拓海"),
    ("相談の予約お願いします。今週金曜の3時からお願いします。加藤勇です。\n090-4412-7789", "加藤勇"),
    ("予約したいです。小野寺 真 携帯090-1111-2222 明日の午前希望", "小野寺 真"),
    ("あさっての午後で相談おねがいします。石川さくらです。", "石川さくら"),
])
def test_bare_name_inside_a_one_line_request(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh", [
    "予約をお願いします。12月3日の10時で大丈夫です。",
    "相談したいです。高校生です。",
    "予約したいです。全日可 携帯090-1111-2222",
])
def test_a_plain_word_ending_a_one_liner_is_no_name(fresh):
    assert extract_name(fresh) is None


OFFER_QUOTE = ("> 次の日時でご予約をお取りできます。\n>\n> 1. 2026年12月10日(木) 10:00～10:50\n"
               "> 2. 2026年12月10日(木) 14:00～14:50\n> 3. 2026年12月11日(金) 13:00～13:50\n")


@pytest.mark.parametrize("fresh, expected", [
    ("ご連絡ありがとうございます。下記でお願いします。\n\n3. 2026年12月11日(金) 13:00～13:50\n\n規約に同意します。", 3),
    ("こちらでお願いします。\n２．２０２６年１２月１０日（木）１４：００〜１４：５０", 2),
    ("1. 2026年12月10日(木) 10:00～10:50\nでお願いします。", 1),
])
def test_an_offer_line_copied_into_the_reply_is_its_number(fresh, expected):
    assert extract_choice(fresh, OFFER_QUOTE)[0] == expected


def test_an_offer_line_in_the_office_format_counts_without_the_quote():
    assert extract_choice("下記でお願いします。\n3. 2026年12月11日(金) 13:00〜13:50")[0] == 3


@pytest.mark.parametrize("fresh, quoted", [
    ("希望日時\n1. 12月3日 10時\n2. 12月4日 14時", ""),                      # a list of wishes
    ("1. 12月3日 10時でお願いします。", ""),                                  # a numbered wish, not an offer
    ("2. 2026年12月11日(金) 13:00～13:50", OFFER_QUOTE),                   # number and slot disagree
    ("1. 2026年12月10日(木) 10:00～10:50\n2. 2026年12月10日(木) 14:00～14:50", OFFER_QUOTE),
])
def test_numbered_lines_that_restate_no_single_option_are_no_choice(fresh, quoted):
    assert extract_choice(fresh, quoted)[0] is None


@pytest.mark.parametrize("text", [
    "いつも就職活動を支援していただいている就労支援センターの支援員の方にも、\n同席していただきたいと考えているのですが、よろしいでしょうか。",
    "当日は、就労移行支援事業所の職員が\n同席する予定です。",
    "相談支援専門員さんと一緒に参加したいです。",
    "地域若者サポートステーションの担当者さんにも同席してもらいたいです。",
])
def test_support_agency_staff_joining_is_attendant_other(text):
    assert extract_attendant(text) == "other"


def test_support_agency_named_without_joining_is_no_attendant():
    assert extract_attendant("就労支援センターの方から、こちらの相談を勧められました。") is None


@pytest.mark.parametrize("word", ["看護師", "保育士", "介護職", "三十代", "母子家庭", "秋田県民"])
def test_a_role_or_age_ending_a_one_liner_is_no_name(word):
    assert extract_name(f"相談の予約をお願いします。{word}です。") is None


@pytest.mark.parametrize("fresh, expected", [
    ("予約お願いします 工藤拓海 携帯09012345678", "工藤拓海"),
    ("相談したいです、工藤拓海、携帯090-1234-5678", "工藤拓海"),
    ("予約お願いします 土日以外 携帯090-1234-5678", None),
    ("予約お願いします 12月3日 10時 携帯090-1234-5678", None),
])
def test_inline_name_after_a_space_separated_request(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("text, expected", [
    ("2. の日程でお願いします。", 2),
    ("3．の日程で参加します。", 3),
    ("1、の日時でお願いいたします。", 1),
    ("よろしくお願いします。\n3. でお願いします。", 3),
    ("2、でお願いします。", 2),
    ("1. の日時で大丈夫です。", 1),
    ("2.の候補を希望します。", 2),
])
def test_choice_number_with_full_stop_or_comma_before_the_pick(text, expected):
    assert extract_choice(text)[0] == expected


@pytest.mark.parametrize("text", [
    "12月3日、でお願いします。",
    "1、2のどちらでも大丈夫です。",
])
def test_date_or_two_numbers_with_comma_is_no_single_choice(text):
    assert extract_choice(text)[0] is None


@pytest.mark.parametrize("fresh, expected", [
    ("就労支援センターの佐々木です。\n当センターを利用されている伊東 翔太さんの、オンライン職業相談の予約をお願いしたくご連絡しました。",
     "伊東 翔太"),
    ("いつもお世話になっております。私が担当している小松 由香さんの職業相談を予約したいです。", "小松 由香"),
    ("当事業所に通所している村上 健さんについて、オンライン相談をお願いしたいと思います。", "村上 健"),
    ("弊所で支援している佐藤花子さんの相談予約をお願いします。", "佐藤花子"),
    ("当校に在籍しているグエン バン ナムさんのオンライン相談を希望します。", "グエン バン ナム"),
])
def test_supporter_names_the_client_in_a_describing_clause(fresh, expected):
    assert extract_name(fresh) == expected


@pytest.mark.parametrize("fresh", [
    "当センターを利用されている伊東さんが、先日就職されました。",
    "以前担当していた伊東 翔太さんの件では大変お世話になりました。",
])
def test_a_client_mentioned_without_a_request_for_them_is_not_the_name(fresh):
    assert extract_name(fresh) is None
