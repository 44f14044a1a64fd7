"""Intent from fresh text and thread signals, with phrasings of our own."""

from __future__ import annotations

import pytest

from mailbot.understand.intent import classify_intent, is_reply

OFFER_SUBJECT = "Re: 【ハローワーク秋田】オンライン職業相談のご予約について"
IRT = "<abc.offer@office.example.jp>"


def intent(text, subject="相談の件", irt=None, automated=None, **kw):
    return classify_intent(text, subject, irt, automated, **kw)


@pytest.mark.parametrize("text, kw", [
    ("オンライン職業相談の予約をお願いします。\n希望日時：12月3日 14時", {"has_requested": True}),
    ("来週、相談をお願いしたいです。", {}),
    ("オンラインで そうだん したいです。", {}),
    ("よやく を おねがい します", {}),
    ("職業相談を申し込みます。", {}),
    ("予約をしたいのですが、空いている日を教えていただけますか。", {}),
])
def test_book(text, kw):
    assert intent(text, **kw) == "book"


@pytest.mark.parametrize("text, kw", [
    ("2番でお願いします。", {"choice": 2}),
    ("確認しました、お願いします。", {}),
    ("同意します。よろしくお願いいたします。", {}),
    ("規約を読みました。了解です。", {}),
    ("12月4日10時の枠でお願いできますか。", {"has_requested": True}),
])
def test_confirm_in_reply(text, kw):
    assert intent(text, OFFER_SUBJECT, IRT, **kw) == "confirm"


def test_reply_detected_from_subject_alone():
    assert is_reply("RE: ご予約について", None)
    assert is_reply("Re：ご案内", None)
    assert is_reply("オンライン相談 [予約番号 AK-2612-0042]", None)
    assert not is_reply("相談予約", None)
    assert intent("2番でお願いします", "Re: ご予約について", None, choice=2) == "confirm"


@pytest.mark.parametrize("text", [
    "12月3日の予約をキャンセルしてください。",
    "予約を取り消していただけますか。",
    "今回の相談は辞退させていただきます。",
    "都合により、今回は見送らせてください。",
    "体調不良のため参加できなくなりました。申し訳ありません。",
])
def test_cancel(text):
    assert intent(text) == "cancel"
    assert intent(text, OFFER_SUBJECT, IRT) == "cancel"


@pytest.mark.parametrize("text", [
    "予約の日程を変更したいです。",
    "12月3日の予約を12月10日に変更していただけますか。",
    "別の日にしていただくことは可能でしょうか。",
    "相談日を延期させてください。",
    "予約をキャンセルして、別の日に振り替えたいです。",
])
def test_reschedule(text):
    assert intent(text) == "reschedule"


@pytest.mark.parametrize("text", [
    "予約をしなくても当日受けられますか？",
    "料金はかかりますか。",
    "キャンセル待ちはできますか？",
    "キャンセルする場合はどうすればよいでしょうか。",
    "スマートフォンでも参加できるか教えてください。",
])
def test_question(text):
    assert intent(text) == "question"


def test_automated_verdict_wins():
    assert intent("予約をお願いします", automated="header: auto-submitted") == "automated"


@pytest.mark.parametrize("text", [
    "弊社サービスのご提案です。今なら初期費用無料でご案内しております。",
    "【期間限定】スマホで月収50万円！今すぐこちら https://x.example.com",
])
def test_sales_and_spam_are_other(text):
    assert intent(text) == "other"


def test_contact_change_is_not_a_reschedule():
    assert intent("携帯電話の番号を変更しました。新しい番号は080-1111-2222です。") == "other"


def test_consent_without_reply_context_is_other():
    assert intent("よろしくお願いします。") == "other"


def test_choice_without_reply_headers_is_still_confirm():
    assert intent("2番でお願いします。", "ご予約の件", None, choice=2) == "confirm"


def test_withdrawing_from_a_job_interview_is_not_a_cancel():
    assert intent("先日、応募先の面接を辞退しました。今後の進め方を相談したいです。") == "book"
    assert intent("内定を辞退したので、オンライン相談の予約を取り消してください。") == "cancel"


@pytest.mark.parametrize("text, expected", [
    ("別の時間にしていただけますか。", "reschedule"),
    ("予約を取り直したいです。", "reschedule"),
    ("申し訳ありませんが、予約を取り下げます。", "cancel"),
    ("今回はやめておきます。", "cancel"),
    ("転職について相談に乗っていただきたいです。", "book"),
])
def test_more_phrasings(text, expected):
    assert intent(text) == expected


# --- questions and reports that mention 予約/相談 without asking to book -----------------------
@pytest.mark.parametrize("text", [
    "年末は何日まで相談を受け付けていますか。年明けは何日から予約できますか。",
    "土日も相談を受け付けていますか。何時から予約できますか。",
    "先週、相談をお願いするメールを送ったのですが、予約はできているでしょうか。",
    "オンライン相談を受けた場合、求職活動の実績になりますか。",
    "相談の予約は、いつまでにすればいいですか。",
])
def test_questions_about_booking(text):
    assert intent(text) == "question"


@pytest.mark.parametrize("text", [
    "相談の予約をお願いできますか。",
    "来週、職業相談を受けたいのですが、予約できますか。",
    "何卒よろしくお願いいたします。相談の予約を希望します。",
])
def test_booking_requests_phrased_as_questions(text):
    assert intent(text) == "book"


@pytest.mark.parametrize("text", [
    "本日はオンラインで相談させていただき、ありがとうございました。",
    "先日相談させていただいた者です。丁寧に対応していただき、ありがとうございました。",
    "本日相談させていただいた者です。教えていただいた求人に応募してみます。ありがとうございました。",
])
def test_thanks_after_the_session_is_other(text):
    """Also when the thanks mention what they were taught (「教えていただいた求人」 is no question)."""
    assert intent(text) == "other"


@pytest.mark.parametrize("text", [
    "スマホでも相談できますか。",
    "年明けでも予約できますか。",
    "相談は何回でもできますか。",
])
def test_questions_about_what_is_possible(text):
    assert intent(text) == "question"


def test_plain_can_i_book_is_a_booking():
    assert intent("相談できますか。来週の午後が希望です。") == "book"


@pytest.mark.parametrize("text", [
    "来週の相談の予約、なしにしてもらえますか。すみません。",
    "12月3日の予約は無しにしてください。",
    "申し訳ないですが、相談には行かないことにしました。",
    "予約を消してもらえますか。",
])
def test_cancel_without_the_word_cancel(text):
    assert intent(text) == "cancel"


def test_without_a_booking_is_not_cancel():
    assert intent("予約なしに相談できますか。") != "cancel"


@pytest.mark.parametrize("text", [
    "予約の変更はいつまでにすればよいですか。",
    "キャンセルする場合、どうすればいいですか。",
    "日程を変更する方法を教えてください。",
])
def test_questions_about_the_change_procedure(text):
    assert intent(text) == "question"


def test_change_asked_with_an_interrogative_is_still_a_change():
    assert intent("12月3日の予約ですが、別の日に変更できますか。いつが空いていますか。") == "reschedule"


@pytest.mark.parametrize("text", [
    "明後日14時からの予約ですが、30分遅らせて14時30分からにしていただくことは可能でしょうか。",
    "12月3日の予約を1時間早めてもらえますか。",
])
def test_shifting_the_time_is_a_change(text):
    assert intent(text) == "reschedule"


def test_soon_is_not_a_change():
    assert intent("なるべく早めに相談したいです。") == "book"


# --- booking deferred until questions are answered; declining the offer ------------------------------
@pytest.mark.parametrize("text", [
    "オンライン職業相談に申し込もうと思っているのですが、その前に教えてください。\n"
    "・スマートフォンだけでも参加できますか。\nわかり次第、予約の申込みをしたいと思います。",
    "相談を予約しようと考えています。カメラがなくても大丈夫でしょうか。分かったら改めて申し込みます。",
    "予約の前に確認したいのですが、相談は1回何分ですか。確認できたら予約をお願いしたいです。",
    "利用料金はかかりますか。問題なければ、後日改めて予約をお願いします。",
])
def test_booking_deferred_until_questions_are_answered(text):
    assert intent(text) == "question"


def test_a_question_then_a_firm_booking_is_a_booking():
    assert intent("スマホでも参加できますか。できれば予約をお願いします。") == "book"


@pytest.mark.parametrize("text", [
    "申し訳ありませんが、今回は結構です。\nまた必要になりましたら、こちらから連絡いたします。",
    "ご提案いただいた日程ですが、やはり予約は結構です。",
    "今回は遠慮させていただきます。",
    "相談はもう必要なくなりましたので、結構です。",
])
def test_declining_the_offer_is_cancel(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "cancel"


@pytest.mark.parametrize("text", ["その日程で結構です。", "12月3日の10時で結構です。", "はい、それで結構です。"])
def test_fine_with_a_slot_is_not_cancel(text):
    assert intent(text, OFFER_SUBJECT, IRT, has_requested="日" in text) == "confirm"


@pytest.mark.parametrize("text", [
    "12月3日の予約の件です。手話通訳をお願いできますか。",
    "12月3日に予約している者です。当日は手話通訳の方に同席していただきたいのですが、可能でしょうか。",
    "先日予約した山田です。当日、母が同席してもよいでしょうか。",
])
def test_asking_for_an_attendant_for_an_existing_booking_is_a_question(text):
    assert intent(text) == "question"


@pytest.mark.parametrize("text", [
    "オンライン相談の予約をお願いしようと思い、ご連絡しました。",
    "よろしければ、相談の予約をお願いします。",
    "できれば来週、相談をお願いしたいです。",
])
def test_intending_to_book_now_is_a_booking(text):
    assert intent(text) == "book"


@pytest.mark.parametrize("text, expected", [
    ("12月3日の予約の時間ですが、11時から14時にずらせますか？", "reschedule"),
    ("12月3日の予約、開始を14時に変えていただけますか。", "reschedule"),
    ("連絡先のメールアドレスを新しいものに変えてください。", "other"),
])
def test_moving_the_time_is_a_change(text, expected):
    assert intent(text, has_requested=expected == "reschedule") == expected


@pytest.mark.parametrize("text", ["職種を事務職に変えたいと考えており、相談をお願いしたいです。",
                                  "めずらしく求人が多いので、相談をお願いしたいです。"])
def test_career_change_is_not_a_reschedule(text):
    assert intent(text) == "book"


def test_considering_booking_while_asking_is_a_question():
    assert intent("申し込みを考えています。必要なものはありますか。") == "question"


@pytest.mark.parametrize("text", ["いえ、もう結構です。", "せっかくですが、今回は結構です。"])
def test_no_thanks_is_cancel(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "cancel"


# --- consent needs positive evidence: politeness formulas are not agreement ---------------------
@pytest.mark.parametrize("text", [
    "求職番号をお知らせします。\n05010-72284416\nよろしくお願いいたします。",
    "先日お伝えし忘れた求職番号は05010-12345678です。よろしくお願いします。",
    "当日は、介助者が同席しますので、よろしくお願いいたします。",
    "当日は通訳の方が一緒に参加しますので、よろしくお願いします。",
    "ハローワークカードを確認しましたので、求職番号をお知らせします。",
    "手元の書類を確認しましたので、ご連絡します。よろしくお願いします。",
    "携帯の番号がわかりましたので、お知らせします。",
    "メールアドレスが変わりましたので、今後はこちらにお願いします。",
    "よろしくお願いします。",
    "当日はよろしくお願いいたします。",
    "画面に2人映りますがよろしくお願いします。",
    "規約には同意できません。",
    "番号がわかりましたら、改めてご連絡します。",
    "同意書を郵送しました。よろしくお願いします。",
    "承知しておりますが、念のためお知らせします。",
])
def test_information_with_a_polite_closing_is_not_consent(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "other"


@pytest.mark.parametrize("text", [
    "承知しました。その日時でお願いします。",
    "上記の日時で大丈夫です。",
    "はい、お願いします。",
    "ご提示いただいた日時で問題ありません。",
    "その日程で参加します。",
    "了解しました。当日はよろしくお願いします。",
    "確認しました、お願いします。",
    "内容を確認しました。よろしくお願いします。",
    "規約に同意します。",
    "はい、大丈夫です。",
    "わかりました。よろしくお願いいたします。",
    "それでお願いします。",
    "かしこまりました。",
    "お知らせいただいた日時で大丈夫です。",
    "連絡が遅くなりすみません。その日で大丈夫です。",
    "では、お願いします。",
    "ぜひお願いします。",
    "大丈夫です、お願いします。",
    "その日程を希望します。",
    "上記の日時をお願いします。",
])
def test_agreeing_to_the_offer_is_consent(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "confirm"


@pytest.mark.parametrize("text", [
    "都合がつかなくなったので、今回はなしでお願いします。",
    "申し訳ありませんが、予約はなしでお願いします。",
    "やっぱり今回はなしで。すみません。",
    "相談の件は、なかったことにしてください。",
    "今回はパスでお願いします。",
])
def test_calling_it_off_with_nashi_is_cancel(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "cancel"


def test_no_interpreter_is_not_cancel():
    assert intent("通訳はなしでお願いします。", OFFER_SUBJECT, IRT) != "cancel"


@pytest.mark.parametrize("text", [
    "12月10日の相談ですが、12月14日（月）10時半に変えていただけますか。\nよろしくお願いいたします。",
    "明日の予約ですが、来週の火曜日に替えていただけないでしょうか。",
    "15日の相談、17日の午前中にかえてもらえますか。",
    "予約を14日の10時半へ変えてほしいです。",
])
def test_change_with_kaeru_beats_the_closing_formula(text):
    assert intent(text, OFFER_SUBJECT, IRT, has_requested=True) == "reschedule"


@pytest.mark.parametrize("text", [
    "希望日時：11月25日（水）午後2時\n求職番号：05010-33871924",
    "記入が漏れており失礼しました。\n第1希望：12月3日 10時\n第2希望：12月4日 14時",
])
def test_wishes_written_as_a_form_in_a_reply_are_a_booking(text):
    assert intent(text, OFFER_SUBJECT, IRT, has_requested=True) == "book"


@pytest.mark.parametrize("text", ["ご提示の日程で参加できません。", "その日時では難しいです。", "上記の日程ですが、都合が悪いです。"])
def test_refusing_the_offered_slot_is_not_consent(text):
    assert intent(text, OFFER_SUBJECT, IRT) != "confirm"


@pytest.mark.parametrize("text", [
    "本日はオンライン相談でお世話になり、ありがとうございました。\nまた相談させていただくと思いますので、その際はよろしくお願いいたします。",
    "本日はありがとうございました。また相談させていただくかもしれません。",
    "先日はお世話になりました。いずれまた相談させていただこうと思っています。",
])
def test_thanks_with_a_vague_future_consultation_is_other(text):
    assert intent(text) == "other"


def test_news_about_a_booked_session_is_other():
    text = "12月9日のオンライン相談ですが、聴覚障害があるため、当日は手話通訳者が同席します。\n画面に2人映りますがよろしくお願いします。"
    assert intent(text, OFFER_SUBJECT, IRT) == "other"


@pytest.mark.parametrize("text", [
    "やっぱり今回はやめときます。",
    "やはり都合が合わないので、なしでお願いします。",
    "都合が悪くなったので、今回はいいです。",
])
def test_more_ways_to_call_it_off(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "cancel"


@pytest.mark.parametrize("text, kw", [
    ("時間を15時にしてもらえますか。", {}),
    ("午後の方に変えてもらえると助かります。", {}),
    ("12月3日の10時の予約ですが、同じ日の14時にしてください。", {"has_requested": True}),
    ("3日の相談なんですが、10時半にしていただけますか。", {"has_requested": True}),
])
def test_moving_a_booked_time_with_ni_shite(text, kw):
    assert intent(text, OFFER_SUBJECT, IRT, **kw) == "reschedule"


def test_picking_a_time_with_ni_shite_is_not_a_change():
    assert intent("12月4日の14時にしてください。", OFFER_SUBJECT, IRT, has_requested=True) == "confirm"


@pytest.mark.parametrize("text", ["メールアドレスを確認しました。よろしくお願いします。",
                                  "連絡先を確認しました。よろしくお願いします。"])
def test_checking_something_else_is_not_consent(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "other"


@pytest.mark.parametrize("text", [
    "昨日はありがとうございました。12月16日にもう一度相談をお願いしたいです。",
    "次回の相談の予約をお願いします。12月16日の14時を希望します。",
])
def test_a_new_booking_asked_in_a_reply_is_a_booking(text):
    assert intent(text, OFFER_SUBJECT, IRT, has_requested=True) == "book"


def test_picking_a_slot_with_a_booking_phrase_and_consent_is_confirm():
    assert intent("12月16日の14時で予約をお願いします。規約に同意します。", OFFER_SUBJECT, IRT,
                  has_requested=True) == "confirm"


@pytest.mark.parametrize("text", [
    "家庭の事情で参加が難しくなりました。",
    "体調を崩してしまい、参加できそうにありません。",
    "急な仕事で、出席が困難になりました。申し訳ありません。",
])
def test_becoming_unable_to_attend_is_cancel(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "cancel"


def test_moving_a_booking_far_in_the_sentence_is_a_change():
    assert intent("12月3日10時の予約を12月10日14時に移していただけますか。", OFFER_SUBJECT, IRT,
                  has_requested=True) == "reschedule"
    assert intent("予約を来週の火曜日の午後に振り替えてください。", has_requested=True) == "reschedule"


def test_asking_if_it_is_fine_this_time_is_no_cancel():
    assert intent("今回はいいですか？", OFFER_SUBJECT, IRT) == "question"


NEEDS_INFO_SUBJECT = "Re: 【ハローワーク秋田】オンライン職業相談のご予約について（ご記入のお願い） [予約番号 AK-2612-0001]"


@pytest.mark.parametrize("text, kw", [
    ("失礼しました。電話番号は 090-1111-2222 です。よろしくお願いします。", {}),
    ("携帯：080-2222-3333\nよろしくお願いいたします。", {}),
    ("・お名前：山田 花子\n・ご希望の日時：いつでも可\n\nよろしくお願いします。", {}),
    ("佐藤一郎です。\n電話 090-3333-4444\n12月10日（木）の午後1時からでお願いします。", {"has_requested": True}),
    ("承知しました。希望は12月10日の午前です。", {"has_requested": True}),
    ("求職番号は 05010-12345678 です。", {}),
])
def test_a_reply_supplying_the_missing_details_is_a_booking(text, kw):
    assert intent(text, NEEDS_INFO_SUBJECT, IRT, **kw) == "book"


@pytest.mark.parametrize("text, kw", [
    ("・お名前：山田 花子\n・お電話番号：090-1111-2222\n・ご希望の日時：12月3日 午後", {"has_requested": True}),
    ("氏名：鈴木 次郎\n12月9日の10時でお願いします。", {"has_requested": True}),
])
def test_a_reply_filling_in_a_form_is_a_booking_whatever_it_replies_to(text, kw):
    assert intent(text, OFFER_SUBJECT, IRT, **kw) == "book"


@pytest.mark.parametrize("text, kw, expected", [
    ("すみません、やっぱりキャンセルします。", {}, "cancel"),
    ("電話番号はどこに書けばよいですか？", {}, "question"),
    ("1番でお願いします。", {"choice": 1}, "confirm"),
])
def test_a_reply_to_the_request_for_details_can_still_be_something_else(text, kw, expected):
    assert intent(text, NEEDS_INFO_SUBJECT, IRT, **kw) == expected


def test_a_signature_phone_does_not_turn_a_picked_slot_into_a_booking():
    assert intent("12月18日の15時の回でお願いします。\n\n中村 舞\n携帯：090-1200-3344", OFFER_SUBJECT, IRT,
                  has_requested=True) == "confirm"


@pytest.mark.parametrize("text", [
    "斎藤陽太の母です。\n本人と相談し、12月8日（火）11:00〜11:50でお願いすることにしました。",
    "家族で話し合い、12月9日の14時に参加することにしました。",
])
def test_deciding_on_an_offered_slot_is_confirm(text):
    assert intent(text, OFFER_SUBJECT, IRT, has_requested=True) == "confirm"


@pytest.mark.parametrize("text, subject", [
    ("お疲れさま！\n明日の飲み会、19時に駅前集合で大丈夫？\nお店は予約しておいたよ〜", "明日のこと"),
    ("土曜の10時に駅で待ってるね。", "週末"),
    ("12月5日の18時から忘年会です。出欠を教えてください。", "忘年会のお知らせ"),
])
def test_a_time_in_unrelated_mail_is_no_booking(text, subject):
    assert intent(text, subject, has_requested=True) == "other"


@pytest.mark.parametrize("text, subject", [
    ("12月3日の14時でお願いします。", "オンライン相談の予約"),
    ("来週火曜の10時は空いていますか？", "問い合わせ"),
    ("12月3日14時を希望します。", "ハローワーク"),
    ("オンラインで話を聞いてもらいたいです。12月3日の午後でお願いします。", "仕事探し"),
])
def test_a_time_with_booking_vocabulary_is_a_booking(text, subject):
    assert intent(text, subject, has_requested=True) == "book"


@pytest.mark.parametrize("text", [
    "オンライン職業相談をお願いしたいです。\n12月28日の午前中を希望します。\n（年末なので難しければ、ほかの日でも大丈夫です）",
    "相談の予約をお願いします。12月3日14時希望です。都合が悪ければ別の日でも構いません。",
    "12月10日の午後を希望します。無理なら他の日程でもいいです。",
])
def test_offering_flexibility_in_a_first_request_is_no_change(text):
    assert intent(text, "オンライン職業相談のお願い", has_requested=True) == "book"


@pytest.mark.parametrize("text", [
    "12月3日の予約ですが、別の日に変えていただけますか。",
    "予約した日が都合悪くなったので、ほかの日でもいいですか？",
])
def test_asking_for_another_day_is_still_a_change(text):
    assert intent(text, OFFER_SUBJECT, IRT) == "reschedule"


def test_a_declared_move_to_another_day_is_still_a_change():
    assert intent("12月3日の予約ですが、ほかの日にしてください。", OFFER_SUBJECT, IRT) == "reschedule"
    assert intent("急用ができたので別の日でお願いします。", OFFER_SUBJECT, IRT) == "reschedule"


CONFIRMED_SUBJECT = "Re: 【ハローワーク秋田】オンライン職業相談のご予約が確定しました [予約番号 AK-2611-0001]"


@pytest.mark.parametrize("text", [
    "12月3日は行けません。すみません。",
    "申し訳ありませんが、明日は参加できません。",
    "急な仕事が入り、3日の相談には伺えません。",
    "当日は出席できないです。ごめんなさい。",
])
def test_saying_one_cannot_attend_the_booked_day_is_cancel(text):
    assert intent(text, CONFIRMED_SUBJECT, IRT) == "cancel"


@pytest.mark.parametrize("text, kw, expected", [
    ("12月3日は行けませんが、12月4日なら大丈夫です。", {"has_requested": True}, "confirm"),
    ("12月3日に行けない場合はどうすればいいですか？", {}, "question"),
    ("明日は参加できますか？", {}, "question"),
    ("ご提示の日程はどれも行けません。", {}, "other"),
    ("12月3日は行けません。", {}, "other"),              # rules out one offered option
])
def test_cannot_attend_that_is_no_cancel(text, kw, expected):
    assert intent(text, OFFER_SUBJECT, IRT, **kw) == expected


def test_greeting_about_the_booked_session_is_no_consent():
    assert intent("12月9日10時からの相談、よろしくお願いします。", CONFIRMED_SUBJECT, IRT) == "other"


def test_english_booking_vocabulary_counts_as_our_service():
    assert intent("I would like a consultation on 12/3 at 10:00.", "Hello", has_requested=True) == "book"
    assert intent("See you at the station on 12/3 at 19:00!", "Dinner", has_requested=True) == "other"


# --- a thank-you after a session with a vague "some day again" is no booking ------------------------
@pytest.mark.parametrize("text", [
    "本日はお時間をいただき、ありがとうございました。\nまた何かあればご相談させてください。",
    "先日は丁寧に対応していただき感謝しています。困ったことがあれば、また相談させていただきます。",
    "今日の相談はとても参考になりました。機会があれば、また相談したいです。",
    "ありがとうございました。なにかありましたら、また相談をお願いします。",
    "お世話になりました。必要になったらまた面談をお願いしたいと思います。",
])
@pytest.mark.parametrize("subject, irt", [("本日のお礼", None), ("Re: 相談の件", IRT)])
def test_vague_future_consultation_after_thanks_is_other(text, subject, irt):
    assert intent(text, subject, irt) == "other"


@pytest.mark.parametrize("text, kw", [
    ("先日はありがとうございました。また相談の予約をお願いします。", {}),
    ("前回はありがとうございました。何かあればと思っていましたが、もう一度相談をお願いしたいです。", {}),
    ("また何かあれば相談したいのですが、12月3日10時は空いていますか。", {"has_requested": True}),
])
def test_thanks_then_a_real_request_is_still_a_booking(text, kw):
    assert intent(text, **kw) == "book"
