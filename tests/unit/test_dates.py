"""The Japanese date/time grammar: varied phrasings, contexts that are not requests, warnings."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from mailbot.understand.dates import JST, extract_requested, kanji_number

WED = datetime(2026, 11, 18, 10, 0, tzinfo=JST)       # Wednesday 2026-11-18
DEC14 = datetime(2026, 12, 14, 9, 0, tzinfo=JST)      # Monday


def req(text: str, ref: datetime = WED, windows=None) -> list[tuple]:
    found, _ = extract_requested(text, ref, windows)
    return [(r.date.isoformat(), r.start.strftime("%H:%M") if r.start else None,
             r.end.strftime("%H:%M") if r.end else None) for r in found]


def warns(text: str, ref: datetime = WED) -> list[str]:
    return extract_requested(text, ref)[1]


@pytest.mark.parametrize("text, expected", [
    ("希望日時：12月3日（木）14:00", [("2026-12-03", "14:00", None)]),
    ("12/3 14時でお願いします", [("2026-12-03", "14:00", None)]),
    ("2026年12月3日 午後2時から", [("2026-12-03", "14:00", None)]),
    ("令和8年12月3日 10時30分", [("2026-12-03", "10:30", None)]),
    ("R8.12.3 13:00", [("2026-12-03", "13:00", None)]),
    ("2026/12/03 15:00", [("2026-12-03", "15:00", None)]),
    ("12.3(木) 11:00", [("2026-12-03", "11:00", None)]),
    ("１２月３日（木）１４：００", [("2026-12-03", "14:00", None)]),
    ("十二月三日の午後二時", [("2026-12-03", "14:00", None)]),
    ("12月3日の午後2時半", [("2026-12-03", "14:30", None)]),
    ("12月3日 10時頃", [("2026-12-03", "10:00", None)]),
    ("12月3日10時", [("2026-12-03", "10:00", None)]),
    ("12月3日 9時", [("2026-12-03", "09:00", None)]),
    ("12月3日 12時", [("2026-12-03", "12:00", None)]),
])
def test_explicit_dates_and_times(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("12月3日 14時半〜15時半", [("2026-12-03", "14:30", "15:30")]),
    ("12月3日 10:30〜11:20", [("2026-12-03", "10:30", "11:20")]),
    ("12月3日 10:30～11:20", [("2026-12-03", "10:30", "11:20")]),
    ("12月3日の13:00-14:00", [("2026-12-03", "13:00", "14:00")]),
    ("12月3日 13時から15時の間", [("2026-12-03", "13:00", "15:00")]),
    ("12月3日 13時から15時まで", [("2026-12-03", "13:00", "15:00")]),
    ("12月3日 午後1時〜3時", [("2026-12-03", "13:00", "15:00")]),
    ("12月3日 13〜15時", [("2026-12-03", "13:00", "15:00")]),
    ("12月3日(木)10時～", [("2026-12-03", "10:00", None)]),
])
def test_spans(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("12月3日の午前中", [("2026-12-03", "09:00", "12:00")]),
    ("12月3日 午前", [("2026-12-03", "09:00", "12:00")]),
    ("12月3日の午後でお願いします", [("2026-12-03", "13:00", "17:00")]),
    ("12月3日", [("2026-12-03", None, None)]),
    ("12月3日（終日可）", [("2026-12-03", None, None)]),
])
def test_windows_and_whole_days(text, expected):
    assert req(text) == expected


def test_custom_windows():
    wins = {"pm": (time(13, 30), time(16, 30))}
    assert req("12月3日の午後", windows=wins) == [("2026-12-03", "13:30", "16:30")]
    assert req("12月3日の午前", windows=wins) == [("2026-12-03", "09:00", "12:00")]


@pytest.mark.parametrize("text, expected", [
    ("明日の10時に相談できますか", [("2026-11-19", "10:00", None)]),
    ("あしたの午前中はどうでしょうか", [("2026-11-19", "09:00", "12:00")]),
    ("明後日の午後にお願いします", [("2026-11-20", "13:00", "17:00")]),
    ("来週火曜日の15時", [("2026-11-24", "15:00", None)]),
    ("来週の火曜の午後", [("2026-11-24", "13:00", "17:00")]),
    ("今週金曜の10時でお願いします", [("2026-11-20", "10:00", None)]),
    ("再来週の月曜日 午前", [("2026-11-30", "09:00", "12:00")]),
    ("来週の火曜か水曜の午後", [("2026-11-24", "13:00", "17:00"), ("2026-11-25", "13:00", "17:00")]),
    ("来月3日の午後", [("2026-12-03", "13:00", "17:00")]),
    ("3日（木）の午後", [("2026-12-03", "13:00", "17:00")]),
    ("金曜日の14時はいかがでしょうか", [("2026-11-20", "14:00", None)]),
])
def test_relative_dates(text, expected):
    assert req(text) == expected


def test_relative_with_consistent_annotation():
    assert req("明日(11/19)の午前中", WED) == [("2026-11-19", "09:00", "12:00")]
    assert req("明後日（20日）の14時", WED) == [("2026-11-20", "14:00", None)]


def test_relative_with_contradicting_annotation_is_dropped_with_warning():
    found, w = extract_requested("明日（25日）の14時", WED)
    assert found == [] and any(x.startswith("ambiguous_date:") for x in w)


@pytest.mark.parametrize("text", [
    "明日から新しい仕事が始まります。",
    "本日はありがとうございました。",
    "今日、履歴書を書きました。",
    "来週のどこかで相談したいです。",
])
def test_relative_words_in_prose_are_not_requests(text):
    assert req(text) == []


def test_bare_date_rolls_into_next_year():
    assert req("1月6日(水)の午前", DEC14) == [("2027-01-06", "09:00", "12:00")]
    assert req("1/8 10時", DEC14) == [("2027-01-08", "10:00", None)]


def test_today_is_on_or_after():
    assert req("11月18日の15時", WED) == [("2026-11-18", "15:00", None)]


def test_recent_past_bare_date_is_not_rolled_a_year_ahead():
    found, w = extract_requested("11月16日に求職登録をしました。12月3日に相談したいです。", WED)
    assert [r.date for r in found] == [date(2026, 12, 3)]
    assert any(x.startswith("past_date:") for x in w)


def test_explicit_past_date_is_dropped_with_warning():
    found, w = extract_requested("2026年11月10日 10時でお願いします", WED)
    assert found == [] and any(x.startswith("past_date:") for x in w)


def test_past_weekday_this_week():
    found, w = extract_requested("今週月曜の10時", WED)
    assert found == [] and any(x.startswith("past_date:") for x in w)


def test_preferences_keep_writer_order_and_ordinals():
    text = "第1希望：12月4日 10時\n第2希望：12月3日 14時"
    assert req(text) == [("2026-12-04", "10:00", None), ("2026-12-03", "14:00", None)]
    text = "第2希望：12/3 14時\n第1希望：12/4 10時"
    assert req(text) == [("2026-12-04", "10:00", None), ("2026-12-03", "14:00", None)]
    text = "①11/25(水) 10:30〜11:20\n②11/27(金) 午前中"
    assert req(text) == [("2026-11-25", "10:30", "11:20"), ("2026-11-27", "09:00", "12:00")]


def test_bare_afternoon_hours():
    assert req("12月3日 2時") == [("2026-12-03", "14:00", None)]
    assert req("12月3日の3時から") == [("2026-12-03", "15:00", None)]
    assert req("12月3日 1時半") == [("2026-12-03", "13:30", None)]
    assert req("12月3日 午前10時") == [("2026-12-03", "10:00", None)]


def test_evening_or_morning_hour_is_not_guessed():
    found, w = extract_requested("12月3日 6時", WED)
    assert [(r.start, r.end) for r in found] == [(None, None)]
    assert any(x.startswith("ambiguous_time:") for x in w)


def test_weekday_mismatch_keeps_date_and_warns():
    found, w = extract_requested("12月3日（水）14時", WED)
    assert [r.date for r in found] == [date(2026, 12, 3)]
    assert any(x.startswith("weekday_mismatch:") for x in w)
    assert warns("12月3日（木）14時") == []


def test_dates_sharing_a_time():
    assert req("12月3日か4日の午後") == [("2026-12-03", "13:00", "17:00"), ("2026-12-04", "13:00", "17:00")]
    assert req("12/3(木)・12/4(金)どちらも午前") == [("2026-12-03", "09:00", "12:00"),
                                                  ("2026-12-04", "09:00", "12:00")]
    assert req("12月3日（木）の10時か14時") == [("2026-12-03", "10:00", None), ("2026-12-03", "14:00", None)]


def test_same_time_refers_back():
    assert req("今週金曜日の10時、もしくは来週月曜日の同じ時間") == [("2026-11-20", "10:00", None),
                                                           ("2026-11-23", "10:00", None)]


@pytest.mark.parametrize("text, expected", [
    ("12月3日の予約をキャンセルしたいです。", []),
    ("12月3日（木）に予約していた相談ですが、取り消してください。", []),
    ("12月3日10時から予約している相談ですが、都合が悪くなりました。", []),
    ("明後日の予約を、来週の水曜日の午後に変更したいです。", [("2026-11-25", "13:00", "17:00")]),
    ("12月3日（木）15時からの予約を、12月10日（木）の午前中に変更してください。",
     [("2026-12-10", "09:00", "12:00")]),
    ("12月3日の相談を12月4日の14時に変更できますか。", [("2026-12-04", "14:00", None)]),
    ("12月3日に面接があるため、12月4日の10時でお願いします。", [("2026-12-04", "10:00", None)]),
    ("12月25日までにお申し込みください。", []),
    ("12月1日から新しい職場で働きます。", []),
])
def test_mentioned_but_not_requested(text, expected):
    assert req(text) == expected


def test_range_of_days_is_not_guessed():
    found, w = extract_requested("12月3日以降でお願いします", WED)
    assert found == [] and any(x.startswith("ambiguous_date:") for x in w)


def test_quoted_lines_are_ignored():
    assert req("> 1. 2026年12月3日(木) 13:00〜13:50\n2番でお願いします") == []


def test_sunday_next_week_warns():
    sunday = datetime(2026, 11, 22, 10, 0, tzinfo=JST)
    found, w = extract_requested("来週火曜の10時", sunday)
    assert [r.date for r in found] == [date(2026, 11, 24)]
    assert any(x.startswith("ambiguous_date:") for x in w)


def test_reference_is_converted_to_jst():
    utc_evening = datetime(2026, 11, 18, 16, 0, tzinfo=__import__("datetime").timezone.utc)  # 01:00 JST 19th
    assert req("明日の10時", utc_evening) == [("2026-11-20", "10:00", None)]


@pytest.mark.parametrize("s, n", [("二", 2), ("十", 10), ("十二", 12), ("二十三", 23), ("三十一", 31), ("一〇", 10)])
def test_kanji_numbers(s, n):
    assert kanji_number(s) == n


def test_list_of_bare_days_continues_the_month():
    assert req("12月3日、4日、7日のいずれかの午前中") == [
        ("2026-12-03", "09:00", "12:00"), ("2026-12-04", "09:00", "12:00"), ("2026-12-07", "09:00", "12:00")]
    assert req("12月3日(木)・4日(金)の午後") == [("2026-12-03", "13:00", "17:00"), ("2026-12-04", "13:00", "17:00")]


def test_dates_the_writer_cannot_do_are_not_requests():
    assert req("12月3日は都合が悪いので、12月4日の午前でお願いします。") == [("2026-12-04", "09:00", "12:00")]
    assert req("11月25日（水）は難しいです。11月26日（木）10時はいかがでしょうか。") == [("2026-11-26", "10:00", None)]
    assert req("日時：12月3日（木）14時　※難しければ4日（金）でも可") == [("2026-12-03", "14:00", None),
                                                              ("2026-12-04", None, None)]


def test_vague_dates_warn():
    found, w = extract_requested("来週中のどこか午後でお願いします", WED)
    assert found == [] and any(x.startswith("vague_date:") for x in w)


def test_booking_requests_phrased_with_yoyaku_are_kept():
    assert req("12月3日14時に予約をしていただけますか。") == [("2026-12-03", "14:00", None)]
    assert req("12月3日の10時で予約します。") == [("2026-12-03", "10:00", None)]
    assert req("12月3日の予約をお願いします。") == [("2026-12-03", None, None)]
    assert req("12月3日に予約しております相談の件です。") == []


def test_polite_requests_are_not_existing_bookings():
    assert req("12月3日14時でお願いしてもよろしいでしょうか。") == [("2026-12-03", "14:00", None)]
    assert req("12月3日14時でお願いしている件ですが、キャンセルします。") == []


def test_restated_slot_with_consent_is_kept_but_past_events_are_not():
    assert req("12月3日（木）13:00〜の件、承知しました。") == [("2026-12-03", "13:00", None)]
    assert req("12月3日に求職登録を済ませました。") == []


def test_clock_time_beats_window_in_the_same_scope():
    assert req("12月3日の午後、14時頃でお願いします") == [("2026-12-03", "14:00", None)]
    assert req("12月3日 午後（14時以降）") == [("2026-12-03", "14:00", None)]


# --- dates in mails that are not booking requests ------------------------------------------------
@pytest.mark.parametrize("text", [
    "次回の認定日は12月8日（火）です。",
    "失業認定日が12月1日なので、それまでに実績を作りたいです。",
    "先週、12月4日（金）10時で相談をお願いするメールを送ったのですが、返事がありません。",
    "11月30日の14時で申し込んだのですが、届いていますか。",
    "本日12月3日にオンラインで相談させていただいた者です。",
    "11月18日に相談させていただいた佐藤です。ありがとうございました。",
    "12月2日に相談を受けた件で、追加で質問があります。",
])
def test_dates_of_other_or_past_events_are_not_requests(text):
    assert req(text) == []


@pytest.mark.parametrize("text, expected", [
    ("認定日は12月8日なので、12月3日の午前に相談したいです。", [("2026-12-03", "09:00", "12:00")]),
    ("12月3日に相談したいのですが、空いていますか。", [("2026-12-03", None, None)]),
    ("12月3日の10時で相談したく、ご連絡しました。", [("2026-12-03", "10:00", None)]),
])
def test_requests_beside_other_events_are_kept(text, expected):
    assert req(text) == expected


# --- the existing booking named as the topic of a change ------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("11/27(金) 13:00からの予約についてですが、都合が悪くなったので日程を変更させてください。\n"
     "12/1(火)の10:00が空いていればお願いします。", [("2026-12-01", "10:00", None)]),
    ("12月2日の相談なんですが、その日バイトが入ってしまいました。別の日にしてもらえますか。", []),
    ("12月3日の面談の件ですが、用事ができたので延期をお願いします。", []),
    ("11月25日（水）の予約に関してですが、12月2日（水）の午後に変えてもらえますか。",
     [("2026-12-02", "13:00", "17:00")]),
])
def test_topic_booking_in_a_change_is_not_requested(text, expected):
    assert req(text) == expected


def test_topic_phrase_without_a_change_is_still_a_request():
    assert req("12月3日の相談ですが、午後でお願いします。") == [("2026-12-03", "13:00", "17:00")]


# --- bare weekdays as alternatives -----------------------------------------------------------------
FRI = datetime(2026, 12, 4, 17, 0, tzinfo=JST)        # Friday
MON = datetime(2026, 11, 30, 12, 0, tzinfo=JST)       # Monday


@pytest.mark.parametrize("text, ref, expected", [
    ("月曜日の午後か、火曜日の午前でお願いできますか。", FRI,
     [("2026-12-07", "13:00", "17:00"), ("2026-12-08", "09:00", "12:00")]),
    ("水曜日の10時、または木曜日の14時はどうでしょうか。", FRI,
     [("2026-12-09", "10:00", None), ("2026-12-10", "14:00", None)]),
    ("できれば今週中だとありがたいのですが、金曜日の午前中はいかがでしょうか。", MON,
     [("2026-12-04", "09:00", "12:00")]),
    ("今週中が希望です、木曜日の午後はどうですか。", MON, [("2026-12-03", "13:00", "17:00")]),
])
def test_bare_weekdays_after_a_comma(text, ref, expected):
    assert req(text, ref) == expected


def test_weekday_restating_a_date_is_not_a_second_day():
    assert req("12月8日、火曜日の午前でお願いします。", FRI) == [("2026-12-08", "09:00", "12:00")]


# --- anaphoric times and 正午 ----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("来週の木曜日の午後2時はいかがでしょうか。もし難しければ27日の同じ時間でも大丈夫です。",
     [("2026-11-26", "14:00", None), ("2026-11-27", "14:00", None)]),
    ("12月3日の10時、だめなら4日の同じ時間でお願いします。", [("2026-12-03", "10:00", None), ("2026-12-04", "10:00", None)]),
    ("12月18日（金）の午前10時～正午でお願いできますか。", [("2026-12-18", "10:00", "12:00")]),
    ("12月3日の正午からお願いします。", [("2026-12-03", "12:00", None)]),
    ("12月3日 11時〜正午", [("2026-12-03", "11:00", "12:00")]),
])
def test_same_time_and_noon(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text", ["平日は、水曜日以外なら大丈夫です。", "基本的に、12月3日以外なら相談できます。",
                                  "木曜日を除いて、いつでも相談できます。"])
def test_excepted_days_are_not_requests(text):
    assert req(text, FRI) == []


def test_topic_booking_with_a_comma_inside():
    assert req("来週の水曜日、10時からの相談ですが、仕事が入ってしまいました。別の日に変更できますか。") == []


@pytest.mark.parametrize("text", [
    "12月3日にお電話した渡部です。",
    "11月30日に求人に応募した件で相談したいです。",
    "12月2日に面談を受けた者です。",
])
def test_past_events_in_relative_clauses(text):
    assert req(text) == []


def test_days_joined_by_demo_and_time_on_the_next_line():
    assert req("12月2日でも3日でも大丈夫です\n時間は午後がいいです") == [
        ("2026-12-02", "13:00", "17:00"), ("2026-12-03", "13:00", "17:00")]


def test_acknowledged_slot_is_kept():
    assert req("12月3日13時で承知しました。") == [("2026-12-03", "13:00", None)]


def test_asking_whether_a_day_is_impossible_is_a_request():
    assert req("12月12日（土）か13日（日）は無理でしょうか。") == [("2026-12-12", None, None), ("2026-12-13", None, None)]


def test_stating_the_booking_one_has():
    assert req("予約番号を忘れました。12月7日（月）14時の予約です。") == []


# --- dates glued to the word before them (kana/kanji are \w to Python's re) ----------------------
@pytest.mark.parametrize("text, expected", [
    ("希望: 12/14(月)10:00-10:50、もしくは12/15(火)13:00-13:50",
     [("2026-12-14", "10:00", "10:50"), ("2026-12-15", "13:00", "13:50")]),
    ("12/14の10時または12/16の14時でお願いします", [("2026-12-14", "10:00", None), ("2026-12-16", "14:00", None)]),
    ("希望日は12/3の午後です", [("2026-12-03", "13:00", "17:00")]),
    ("第1希望12/4 10:00\n第2希望12/7 15:00", [("2026-12-04", "10:00", None), ("2026-12-07", "15:00", None)]),
    ("12月14日10時か12/15の13時", [("2026-12-14", "10:00", None), ("2026-12-15", "13:00", None)]),
    ("12.14(月)10時、あるいは12.15(火)14時", [("2026-12-14", "10:00", None), ("2026-12-15", "14:00", None)]),
    ("日時12/9(水)午前", [("2026-12-09", "09:00", "12:00")]),
])
def test_slash_dates_right_after_a_word(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text", [
    "12月14日10時、または12月15 13時",          # 12月15 (no 日): not read, and not given to 12/14
    "12/14 10時、ver12/15 13時",
])
def test_time_after_an_unread_date_is_not_given_to_the_previous_date(text):
    found, w = extract_requested(text, WED)
    assert [(r.date.isoformat(), r.start) for r in found] == [("2026-12-14", time(10, 0))]
    assert any(x.startswith("ambiguous_date:") for x in w)


# --- the letter's own date and days the writer is away ------------------------------------------
@pytest.mark.parametrize("text", [
    "第一希望　十一月二十六日（木）午前十時\n\nよろしくお願いします。\n敬具\n\n令和八年十一月十八日\n加藤 昭二",
    "第一希望　11月26日（木）10時\n敬具\n令和8年11月18日\n加藤 昭二",
    "第一希望　11月26日（木）10時\n以上\n\n2026年11月18日\n加藤 昭二",
    "令和8年11月18日\nハローワーク秋田 御中\n\n第一希望　11月26日（木）10時でお願いします。",
    "第一希望　11月26日（木）10時\n草々\n　　令和八年十一月十八日",
])
def test_letter_date_is_not_a_request(text):
    assert req(text) == [("2026-11-26", "10:00", None)]


def test_era_and_western_years_in_kanji():
    assert req("令和九年一月八日（金）の午後でお願いします", DEC14) == [("2027-01-08", "13:00", "17:00")]
    assert req("二〇二七年一月八日の午後でお願いします", DEC14) == [("2027-01-08", "13:00", "17:00")]
    found, w = extract_requested("令和七年十二月三日の午後", WED)      # 2025: a past date, not rolled on
    assert found == [] and any(x.startswith("past_date:") for x in w)


@pytest.mark.parametrize("text", [
    "12月16日（水）午前中でお願いします。なお、12月19日（土）は終日不在にしております。",
    "12月16日（水）午前中でお願いします。12月19日は出張のため、対応できません。",
    "12月16日（水）午前中でお願いします。12月19日から21日までは家にいないので、それ以外でお願いします。",
    "12月19日は留守にしますので、12月16日（水）午前中でお願いします。",
    "12月16日（水）午前中でお願いします。12月19日（土）は秋田におりません。",
    "12月16日（水）午前中でお願いします。12月19日は帰省しています。",
])
def test_days_the_writer_is_away_are_not_requests(text):
    assert req(text) == [("2026-12-16", "09:00", "12:00")]


def test_no_plans_is_not_unavailability():
    assert req("12月16日は特に予定が入っていないので、午前中でお願いします。") == [("2026-12-16", "09:00", "12:00")]


# --- times on the line under the date, dash-like span marks, 正午 -----------------------------------
@pytest.mark.parametrize("text, expected", [
    ("■第1希望\n　12月8日（火）\n　午前10時\n■第2希望\n　12月9日（水）\n　午後",
     [("2026-12-08", "10:00", None), ("2026-12-09", "13:00", "17:00")]),
    ("希望日：12月8日\n14:00〜15:00", [("2026-12-08", "14:00", "15:00")]),
    ("12/8(火)\n・10時半から", [("2026-12-08", "10:30", None)]),
    ("第1希望 12月8日\n時間 午前中\n第2希望 12月10日\n時間 15時", [("2026-12-08", "09:00", "12:00"),
                                                     ("2026-12-10", "15:00", None)]),
    ("12月8日(火)\n\n午後2時", [("2026-12-08", "14:00", None)]),
])
def test_time_on_the_line_under_the_date(text, expected):
    assert req(text) == expected


def test_a_following_line_that_is_not_only_a_time_is_not_taken():
    assert req("12月8日（火）でお願いします。\n10時から仕事なので短めだと助かります。") == [("2026-12-08", None, None)]


@pytest.mark.parametrize("text, expected", [
    ("12月3日（木） 14時ー15時", [("2026-12-03", "14:00", "15:00")]),
    ("12月3日 14時−15時", [("2026-12-03", "14:00", "15:00")]),
    ("12月3日 14時―15時", [("2026-12-03", "14:00", "15:00")]),
    ("12月3日 10:00ー10:50", [("2026-12-03", "10:00", "10:50")]),
    ("12月3日 午前10時から正午まで", [("2026-12-03", "10:00", "12:00")]),
    ("12月3日 正午〜13時", [("2026-12-03", "12:00", "13:00")]),
])
def test_span_marks_and_noon(text, expected):
    assert req(text) == expected


# --- nth weekday of a month, days in the nth week -------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("12月の第2水曜日の午後だば、都合いいです。", [("2026-12-09", "13:00", "17:00")]),
    ("12月第1月曜日の10時でお願いします", [("2026-12-07", "10:00", None)]),
    ("来月の第3金曜日の午前はいかがでしょうか", [("2026-12-18", "09:00", "12:00")]),
    ("12月の第二木曜日にお願いしたいです", [("2026-12-10", None, None)]),
    ("12月の第5水曜日 14時", [("2026-12-30", "14:00", None)]),
    ("12月の第2週の火曜日か木曜日の午後でお願いします", [("2026-12-08", "13:00", "17:00"),
                                             ("2026-12-10", "13:00", "17:00")]),
    ("12月第3週の水曜日、午前中希望です", [("2026-12-16", "09:00", "12:00")]),
])
def test_nth_weekday_of_a_month(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text", [
    "1月の第1週の月曜日の午後でお願いします",     # 1/4 (first Monday) or 12/28 (the week of 1/1)?
    "11月の第5水曜日の午後でお願いします",        # there is none
])
def test_unclear_nth_week_is_not_guessed(text):
    found, w = extract_requested(text, WED)
    assert found == [] and w


# --- a change of the time only: the booked day at the new time -------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("12月3日に予約している佐藤です。時間を11時から13時に変更していただけますか。", [("2026-12-03", "13:00", None)]),
    ("12月3日11時からの予約ですが、同じ日の15時に変更できますか。", [("2026-12-03", "15:00", None)]),
    ("12月3日（木）に予約しております。お時間を午前10時から午後2時に変えていただきたいです。",
     [("2026-12-03", "14:00", None)]),
    ("12月3日の予約の時間を、11時から14時に変更してください。", [("2026-12-03", "14:00", None)]),
    ("明後日14時からの予約ですが、30分遅らせて14時30分からにしていただくことは可能でしょうか。",
     [("2026-11-20", "14:30", None)]),
    ("12月3日の10時で予約していますが、午後に変更できますか。", [("2026-12-03", "13:00", "17:00")]),
])
def test_change_of_time_only_keeps_the_booked_day(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text", [
    "12月3日の予約ですが、別の日に変更できますか。",
    "12月3日と12月5日に予約していますが、どちらかを14時に変更できますか。",   # which day? not guessed
    "12月3日の予約をキャンセルして、14時からの説明会に変更します。",
])
def test_time_change_without_one_booked_day_is_not_guessed(text):
    assert req(text) == []


@pytest.mark.parametrize("text", [
    "12月16日午前でお願いします。12月19日は仕事があるため参加できません。",
    "12月19日は仕事なので、12月16日の午前でお願いします。",
    "12月19日はバイトです。12月16日の午前がいいです。",
    "12月19日は夜勤明けなので、12月16日の午前でお願いします。",
    "12月16日午前でお願いします。なお12月19日から21日まで県外に出かけております。",
    "12月16日午前でお願いします。12月19日は伺えません。",
])
def test_days_at_work_or_away_are_not_requests(text):
    assert req(text) == [("2026-12-16", "09:00", "12:00")]


def test_day_off_work_is_a_request():
    assert req("12月19日は仕事が休みなので、その日の午前でお願いします。") == [("2026-12-19", "09:00", "12:00")]


@pytest.mark.parametrize("text", [
    "12月3日10時でお願いします。\n\n11月18日\n秋田太郎",
    "12月3日10時でお願いします。\n\n送信日：2026年11月18日",
    "記入日 2026/11/18\n希望日 12月3日 10時",
])
def test_dates_of_the_letter_or_form(text):
    assert req(text) == [("2026-12-03", "10:00", None)]


def test_same_day_value_under_a_label_is_kept():
    assert req("希望日：\n11月18日\n時間：15時") == [("2026-11-18", "15:00", None)]


def test_nth_weekday_continued_without_the_month():
    assert req("12月の第2水曜日か第3水曜日の午後") == [("2026-12-09", "13:00", "17:00"), ("2026-12-16", "13:00", "17:00")]
    found, w = extract_requested("第2水曜日の午後でお願いします", WED)     # which month?
    assert found == [] and w


@pytest.mark.parametrize("text, expected", [
    ("■日時\n12月8日（火）\n■時間\n午前10時", [("2026-12-08", "10:00", None)]),
    ("希望日\n12月8日（火）\n希望時間\n14:00〜15:00", [("2026-12-08", "14:00", "15:00")]),
    ("【希望日】12月8日（火）\n【希望時間】13時", [("2026-12-08", "13:00", None)]),
    ("12月8日(火)\n（午前中希望）", [("2026-12-08", "09:00", "12:00")]),
    ("12月8日(火)\n※午後でお願いします", [("2026-12-08", "13:00", "17:00")]),
])
def test_time_under_a_label_line(text, expected):
    assert req(text) == expected


def test_next_line_about_something_else_is_not_the_time():
    assert req("12月8日(火)\n10時から仕事があるので、午後がいいです") == [("2026-12-08", None, None)]


# --- times in the next sentence, short ranges of days, a span with the date repeated ----------------
@pytest.mark.parametrize("text, expected", [
    ("12月3日でも4日でもいいです。10時からでお願いします。", [("2026-12-03", "10:00", None), ("2026-12-04", "10:00", None)]),
    ("候補は12/14と12/15です。どちらも午後希望です。", [("2026-12-14", "13:00", "17:00"), ("2026-12-15", "13:00", "17:00")]),
    ("12月3日にお願いします。午後2時頃がいいです。", [("2026-12-03", "14:00", None)]),
    ("12月3日でお願いします。10時から仕事なので午後がいいです。", [("2026-12-03", None, None)]),
])
def test_times_in_the_next_sentence(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("12月3日〜5日の午後でお願いします", [("2026-12-03", "13:00", "17:00"), ("2026-12-04", "13:00", "17:00"),
                                 ("2026-12-05", "13:00", "17:00")]),
    ("12月3日から5日までの午前", [("2026-12-03", "09:00", "12:00"), ("2026-12-04", "09:00", "12:00"),
                           ("2026-12-05", "09:00", "12:00")]),
    ("12/3-12/4の14時", [("2026-12-03", "14:00", None), ("2026-12-04", "14:00", None)]),
    ("12月3日10時から12月3日11時", [("2026-12-03", "10:00", "11:00")]),
    ("12/14(月)10:00～12/14(月)11:00", [("2026-12-14", "10:00", "11:00")]),
])
def test_short_ranges_of_days(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text", ["12月3日から12月20日まででお願いします", "12月3日から5日は仕事です", "12月3日以降でお願いします"])
def test_long_or_refused_ranges_are_not_guessed(text):
    assert req(text) == []


@pytest.mark.parametrize("text, expected", [
    ("第一希望十二月十四日（月）午前十時、第二希望十二月十五日（火）午後一時",
     [("2026-12-14", "10:00", None), ("2026-12-15", "13:00", None)]),
    ("十二月十四日午前十時か、希望十二月十五日午後一時", [("2026-12-14", "10:00", None), ("2026-12-15", "13:00", None)]),
    ("日時十二月三日十時", [("2026-12-03", "10:00", None)]),
    ("十日町に住んでいます。十二月三日の午後でお願いします", [("2026-12-03", "13:00", "17:00")]),
])
def test_kanji_dates_right_after_a_word(text, expected):
    assert req(text) == expected


# --- a session already booked, named without 予約 (「12月9日のオンライン相談ですが」); thanks after it ----
DEC5 = datetime(2026, 12, 5, 14, 0, tzinfo=JST)       # Saturday
DEC7_EVENING = datetime(2026, 12, 7, 17, 0, tzinfo=JST)


@pytest.mark.parametrize("text, ref", [
    ("12月9日のオンライン相談ですが、聴覚障害があるため、当日は手話通訳者が同席します。", DEC5),
    ("12月9日の相談には母も同席します。", DEC5),
    ("12月9日（水）の面談ですが、当日はスマホから参加します。", DEC5),
    ("12月9日14時からの相談ですが、手話通訳をお願いできますか。", DEC5),
    ("来週火曜の職業相談の際、履歴書を画面で見せてもいいですか。", DEC5),
    ("本日はオンライン相談でお世話になり、ありがとうございました。", DEC7_EVENING),
    ("本日は相談でお世話になりました。", DEC7_EVENING),
    ("12月7日はお世話になりました。", DEC7_EVENING),
    ("本日の相談、ありがとうございました。", DEC7_EVENING),
])
def test_a_session_already_booked_or_held_is_not_requested(text, ref):
    assert req(text, ref) == []


@pytest.mark.parametrize("text, expected", [
    ("12月9日の相談を希望します。", [("2026-12-09", None, None)]),
    ("12月9日の相談は空いていますか。", [("2026-12-09", None, None)]),
    ("12月9日の相談は可能でしょうか。", [("2026-12-09", None, None)]),
    ("12月9日の相談ですが、午後でお願いします。", [("2026-12-09", "13:00", "17:00")]),
    ("12月9日の相談ですが、空いていればお願いしたいです。", [("2026-12-09", None, None)]),
])
def test_a_session_asked_for_is_still_requested(text, expected):
    assert req(text, DEC5) == expected


# --- 「または」 ends in は: the first of two new times is not the booking being moved ---------------------
@pytest.mark.parametrize("text", [
    "12月16日（水）13時に予約しているオンライン相談の日時を変更させてください。\n変更後の希望は、12/21(月)10時、または12/22(火)14時でお願いします。",
    "予約を変更したいです。希望は12月21日10時、又は12月22日14時です。",
    "予約を、12月21日10時または12月22日14時に変更してください。",
    "変更後の日時は12月21日の10時、もしくは12月22日の14時でお願いします。",
])
def test_either_of_two_new_times_keeps_both(text):
    assert req(text, DEC14) == [("2026-12-21", "10:00", None), ("2026-12-22", "14:00", None)]


def test_the_old_booking_before_wa_is_still_dropped():
    assert req("12月16日の予約は、12月21日10時に変更してください。", DEC14) == [("2026-12-21", "10:00", None)]


@pytest.mark.parametrize("text, expected", [
    ("12月3日ではなく、12月4日にしていただけますか。", [("2026-12-04", None, None)]),
    ("12月3日じゃなくて4日の10時でお願いします。", [("2026-12-04", "10:00", None)]),
])
def test_not_this_date_but_that_one(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("12月3日の10時の予約ですが、同じ日の14時にしてください。", [("2026-12-03", "14:00", None)]),
    ("12月3日に予約している者です。時間を15時にしてもらえますか。", [("2026-12-03", "15:00", None)]),
])
def test_booked_day_at_a_new_time_with_ni_shite(text, expected):
    assert req(text) == expected


@pytest.mark.parametrize("text", [
    "12月9日は母が同席します。よろしくお願いします。",
    "12月9日には手話通訳の方が一緒に参加します。",
    "12月9日（水）も、ヘルパーさんが付き添います。",
    "本日の相談の件ですが、接続方法を教えてください。",
    "12月9日の予約について確認させてください。何時からでしたか。",
    "明日はよろしくお願いします。",
])
def test_news_and_greetings_about_a_day_are_not_requests(text):
    assert req(text, DEC5) == []


@pytest.mark.parametrize("text, expected", [
    ("12月9日に母と一緒に相談をお願いしたいです。", [("2026-12-09", None, None)]),
    ("12月9日の10時でお願いします。母も同席します。", [("2026-12-09", "10:00", None)]),
    ("明日の10時によろしくお願いします。", [("2026-12-06", "10:00", None)]),
])
def test_requests_beside_news_are_kept(text, expected):
    assert req(text, DEC5) == expected


@pytest.mark.parametrize("text, expected", [
    ("4日でお願いします", [("2026-12-04", None, None)]),
    ("10日の方が希望です。", [("2026-12-10", None, None)]),
    ("5日でできますか。", []),
    ("3日間でお願いします", []),
])
def test_a_bare_day_picked_with_a_request_word(text, expected):
    assert req(text, datetime(2026, 12, 1, 10, 0, tzinfo=JST)) == expected


@pytest.mark.parametrize("text, expected", [
    ("本人と相談し、12月8日（火）11:00〜11:50でお願いすることにしました。", [("2026-12-08", "11:00", "11:50")]),
    ("家族で話し合って、12月9日の14時に参加することにしました。", [("2026-12-09", "14:00", None)]),
    ("12月10日の午前で希望することにしました。", [("2026-12-10", "09:00", "12:00")]),
])
def test_a_decision_to_take_a_slot_is_a_request(text, expected):
    assert req(text) == expected


def test_a_decision_not_to_go_is_no_request():
    assert req("12月8日の相談は行かないことにしました。") == []


@pytest.mark.parametrize("text", [
    "生年月日：昭和60年4月3日",
    "生年月日 平成5年12月20日",
    "平成10年12月5日生まれです。",
    "12月5日生まれの30歳です。",
    "S60.4.3生",
    "昭和６０年１２月３日に生まれました。",
])
def test_birth_dates_are_never_requests(text):
    assert req(text) == []


def test_a_birth_date_beside_wishes_leaves_the_wishes():
    text = "氏名：安藤 里美\n生年月日：昭和60年4月3日\n希望：第1希望 12/16(水) 10時／第2希望 12/17(木) 午前"
    assert req(text, DEC14) == [("2026-12-16", "10:00", None), ("2026-12-17", "09:00", "12:00")]


def test_a_birth_date_gives_no_past_date_warning():
    assert warns("生年月日：昭和60年4月3日") == []
    assert any(w.startswith("past_date") for w in warns("令和7年4月3日でお願いします"))


@pytest.mark.parametrize("text", [
    "12月9日10時からの相談、よろしくお願いします。",
    "12月9日の相談、どうぞよろしくお願いいたします。",
    "明日10時からの面談、よろしくお願いします！",
    "12月9日（水）の相談ですが、よろしくお願いします。",
])
def test_a_greeting_about_the_booked_session_asks_for_no_date(text):
    assert req(text) == []


def test_a_session_time_asked_for_is_still_a_request():
    assert req("12月9日10時からの相談をお願いします。") == [("2026-12-09", "10:00", None)]
