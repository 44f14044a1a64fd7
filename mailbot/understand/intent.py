"""What a mail wants: book | confirm | cancel | reschedule | question | automated | other.

Decided from the writer's fresh text plus thread signals (a reply to us, a picked option,
requested times) and the automated verdict. The order matters and is the policy:
machine > sales/spam > cancel > reschedule > answer to our offer > booking > question.
"""

from __future__ import annotations

import re

from mailbot.understand import english
from mailbot.understand.normalize import normalize
from mailbot.understand.reasons import cancel_is_reason

_REPLY_SUBJECT = re.compile(r"^\s*(?:(?:re|aw|sv|fw|fwd)\s*(?:\[\d+\])?\s*[:：]\s*|返信\s*[:：]\s*)+", re.I)
_BOOKING_REF = re.compile(r"予約番号|\[[A-Z]{1,4}-\d{2,4}-\d{2,6}\]")

_SALES = re.compile(r"弊社|御社|貴社|ご提案|広告|キャンペーン|無料|月収|副業|稼げ|稼ぐ|投資|当選|限定|今だけ|今すぐ|先着"
                    r"|配信停止|クリック|セミナー|資料請求|お得|割引|特典|ビジネスチャンス|商品|サービスのご案内"
                    r"|https?://")
_SEEKER_CONTEXT = re.compile(r"求職番号|求職中|職業相談を?(?:予約|希望|お願い|利用|申)|相談の予約|予約を?お願い|希望日")

# Sentences about cancelling in general, not cancelling this booking.
_CONDITIONAL = re.compile(r"場合|なら|たら|ときは|時は|キャンセル待ち|キャンセル料|キャンセル(?:の)?(?:方法|仕方|手続|ポリシー|規定)"
                          r"|(?:キャンセル|取り?消し)(?:は|って)(?:でき|可能)")
_CANCEL = re.compile(r"キャンセル|取り?消|取りやめ|とりやめ|取り?下げ|辞退|中止|見送|見合わせ|やめ(?:ます|たい|させ|に|てお|と[きく])"
                     r"|(?:行け|参加でき|受けられ|出席でき)なくな|必要(?:が)?なくな|不要にな|きゃんせる"
                     r"|(?:参加|出席|相談|伺う(?:の|こと))(?:が|は|も)?(?:難しく|困難に|無理に)な"
                     r"|(?:参加|出席|伺うこと|行くこと)(?:が)?でき(?:そうに|そうも)(?:ありません|ない)"
                     r"|(?:なし|無し)に(?:して|させ|する|します|したい|願)|(?:予約|相談)を?消し"
                     r"|(?:行か|参加し|受け|伺わ)ないことに"
                     # staying away from the booked session: 「明日の相談はお休みさせてください」
                     r"|(?:相談|予約|面談)[^。\n]{0,6}?(?:お休み|休ま)さ?せ(?:て|ていただ)"
                     # declining the offer: 「今回は結構です」「予約は遠慮させていただきます」
                     r"|(?:今回|予約|相談|面談|ご提案)(?:の件|の予約|の相談)?(?:は|も)[^。\n]{0,6}?(?:結構|けっこう|遠慮)"
                     r"(?:です|いたし|します|させ)|もう(?:結構|けっこう)です|せっかくですが[^。\n]{0,20}?(?:結構|遠慮)"
                     # calling it off: 「今回はなしでお願いします」「相談の件は、なかったことに」 (not 「通訳はなしで」)
                     r"|(?:今回|予約|相談|面談|申し?込み?|ご提案|この件|その件)(?:の件)?(?:は|も)[、,\s]*(?:やっぱり|やはり)?"
                     r"(?:なし|無し|ナシ|なかったこと|無かったこと|パス)(?:で|に|と)"
                     # 「…ので、なしでお願いします」 (the clause has no other subject); 「今回はいいです」
                     r"|(?:^|[、,])\s*(?:やっぱり|やはり)?(?:なし|無し)で(?:お願い|おねがい|いいです|結構|大丈夫)"
                     r"|今回は(?:もう)?(?:いい|よい|良い)(?:です(?!か)|や)")
# Not able to come on the booked day, said in a reply (「12月3日は行けません」「明日は参加できません」):
# the day named as topic, not every offered option (「どれも行けません」 declines the offer).
_CANT_ATTEND = re.compile(r"(?:月|日|曜|明日|あした|あす|明後日|あさって|当日|その日|相談|面談|予約)[^。\n、]{0,6}?(?:は|には|も)[、,\s]*"
                          r"(?:(?:どうしても|やはり|やっぱり)[、,\s]*)?"
                          r"(?:行け|いけ|参加でき|出席でき|伺え|うかがえ|出られ|受けられ)(?:ません|ない(?!か|場合|とき|時|なら|よう))")
_OFFER_WIDE = re.compile(r"どれも|いずれも|どの日も|どちらも|ご?提示|ご?案内")
# Our mails that offer times: there 「12月3日は行けません」 rules out an option, it cancels nothing.
_OFFER_THREAD = re.compile(r"ご予約について(?!（ご記入)|ご案内について|ご希望の日時のご確認")
# 「面接を辞退しました」 is news about a job application, not about our booking.
_CANCEL_OTHER = re.compile(r"(?:面接|内定|応募|求人|選考|会社|仕事|採用)(?:の|を|は|も)?[^。\n]{0,6}(?:辞退|キャンセル|取り?消|中止|見送)")
_OUR_BOOKING = re.compile(r"予約|相談|面談|今回|枠|日程")
_MAKE_IT = r"して(?:いただ|頂|もら|ほし|欲し|くださ|下さ)"
_CHANGE = re.compile(r"(?:日程|日時|時間|予約|日にち|相談日|予定|時刻|曜日)[^。\n]{0,8}?(?:変更|変え|ずら|移し|移動|振り?替)"
                     r"|(?:日程|日時|予約|相談日)を[^。\n]{0,20}?(?:に|へ)(?:変更|変え|移し|移動|振り?替)"
                     r"|変更(?:したい|を?お願い|して(?:いただ|頂|もら|ほし|下さ|くださ)|願|可能|でき|を?希望|させ)"
                     r"|延期|別の日|他の日|ほかの日|違う日|別日|別の時間|他の時間|ほかの時間|違う時間|別の日程|他の日程"
                     r"|再調整|日程調整|取り直し|取りなおし|予約し直|予約しなお|遅らせ|早め(?:て|ら)|繰り上げ|繰り下げ"
                     r"|(?<!め)ずら(?:し|せ|す)"
                     r"|(?:時|分|半|日|午前|午後|中|曜|週|枠|頃|ごろ)(?:の方|のほう)?(?:から)?(?:に|へ)(?:変え|替え|換え|かえ)"
                     r"(?:て|たい|られ|ても|ていただ)"
                     # 「時間を15時にしてもらえますか」「…の予約ですが、同じ日の14時にしてください」
                     rf"|(?:日程|日時|時間|日にち|時刻|曜日)を[^。\n]{{0,12}}?(?:に|へ){_MAKE_IT}"
                     rf"|(?:予約|相談|面談)(?:です|なん(?:です|だ)|なのです)が[^。\n]*?(?:時|分|半|日|午前|午後|中)"
                     rf"(?:の方|のほう)?(?:から)?(?:に|へ){_MAKE_IT}")
# Flexibility offered with a wish (「難しければ、ほかの日でも大丈夫です」) asks for no change; asked as a
# question (「ほかの日でもいいですか？」) it still does.
_FLEXIBLE = re.compile(r"(?:(?:別の|他の|ほかの|違う|ちがう)(?:日|日程|日時|時間|時間帯|曜日)|別日)"
                       r"(?:[^。\n]{0,8}?)(?:で|に)?も[、,\s]*(?:大丈夫|だいじょうぶ|構いません|かまいません|構わない|いい|よい|良い|結構"
                       r"|OK|可|問題(?:あり|ござい)ません|対応でき|調整でき)")
_CHANGE_OTHER = re.compile(r"(?:アドレス|番号|電話|メール|住所|名前|氏名|連絡先"
                           # another office procedure or an event of the writer's own: 「認定日を変更」「面接日を変えて」
                           r"|認定日|認定|説明会|講習|訓練|セミナー|面接日?|健診|通院)[^。\n]{0,12}(?:変更|変え)")
# 「オンライン相談とは別件で」: the writer says the mail is not about our booking.
_NOT_OUR_MATTER = re.compile(r"(?:相談|予約|面談)(?:と|とは)(?:は)?別(?:件|の件|の用件|のこと)")
# Mail sent to us by mistake: 「誤って送ってしまいました」「送信先を間違えました」.
_MISSENT = re.compile(r"(?:誤って|間違って|まちがって|間違えて|まちがえて)[^。\n]{0,12}?(?:送|送信|お送り)|誤送信|誤送付"
                      r"|(?:送信先|送り先|宛先|あて先|アドレス)を?(?:間違|まちが)")
# Consent is positive agreement to what we offered. A politeness formula (よろしくお願いします),
# information sent with one (求職番号をお知らせします) and an acknowledgement given as the reason
# for something else (カードを確認しましたので) are not: a reply misread as consent books a slot.
_AGREE = re.compile(r"同意(?!書)|承諾(?!書)|了承|承知|了解|りょうかい|かしこまり|わかりました|分かりました|拝見(?:しました|いたしました)"
                    r"|確認(?:しました|いたしました|致しました|済み)|(?<![A-Za-z])(?:OK|ok|Ok)(?![A-Za-z])|オッケー|オーケー|異存(?:は)?(?:ありません|ございません)")
# What an acknowledgement may be about: our offer, its terms, our mail (not a card, a number …).
_OFFER_TOPIC = re.compile(r"規約|内容|日程|日時|時間|案内|提案|提示|連絡(?!先)|メール(?!アド)|候補|条件|件|予約|詳細|上記|下記|記載|注意事項|説明"
                          r"|お知らせ|URL|それ|その|この")
_OBJECT = re.compile(r"[をがは]")
_NOT_AGREE_AFTER = re.compile(r"^(?:ら|[^。、\n]{0,8}?(?:ので|から|けど|けれど|ところ|が[、,]|たら|ても|でき(?:ません|ない|かね)|しかね|しません"
                              r"|しない|していません|ではな|じゃな|かねます))")
_ACCEPT_OFFER = re.compile(r"(?:その|この|上記|下記|ご?提示|ご?提案|ご?案内|記載|前記|お送り|いただいた|頂いた|それ)[^。\n、]{0,10}?"
                           r"(?:(?:で|にて)[、,\s]*(?:お願い|おねがい|大丈夫|だいじょうぶ|結構|構いません|かまいません"
                           r"|問題(?:あり|ござい)ません|問題ない|OK|オッケー|了解|いいです|良いです|よいです|よろしい|参加|伺|出席|決定|確定)"
                           r"|(?:を|が)[、,\s]*(?:希望|お願い|おねがい))")
# A sentence made only of yes-words: 「はい、お願いします」「では、お願いします」「大丈夫です、お願いします」.
# よろしくお願いします and 結構です alone are no yes (a closing formula; 「結構です」 may decline).
_YES_LEAD = r"(?:では|それでは|じゃあ|それなら|でしたら|ぜひ|是非)"
_YES_STRONG = (r"お願い(?:します|いたします|致します)|おねがいします|大丈夫(?:です)?|問題(?:あり|ござい)ません|問題ないです"
               r"|構いません|かまいません|OK(?:です)?|オッケー(?:です)?|参加(?:します|いたします|させていただきます)"
               r"|伺います|出席(?:します|いたします)|はい|ええ")
_YES_CORE = rf"(?:{_YES_STRONG}|結構です|(?:よろしく|宜しく)(?:お願い|おねがい)[^。、\n]{{0,6}})"
_SHORT_YES = re.compile(rf"(?:{_YES_LEAD}[、,\s]{{0,3}})?{_YES_CORE}(?:[、,\s]{{0,3}}{_YES_CORE})*[。!！\s]*")
_YES_STRONG_RE = re.compile(_YES_STRONG)
# 「希望日時：…」「第1希望 …」: wishes written as a form state a booking, they do not pick a slot.
_FORM_LEAD = r"^[ \t・\-*●■◆◇○□【\[<(※]*"
_WISH_FORM = re.compile(rf"{_FORM_LEAD}(?:ご?希望(?:の)?(?:日時|日|時間|日程)|第\s*\d\s*希望)", re.M)
# A form filled in (「お名前：…」「・お電話番号：…」): booking details, not an answer to an offer. A phone
# line needs a bullet, since a signature carries 「携帯：090-…」 too.
_DETAIL_FORM = re.compile(rf"{_FORM_LEAD}(?:お?名前|氏名|ふりがな|フリガナ)\s*[:：]"
                          r"|^[ \t]*[・\-*●■◆◇○□※][ \t]*(?:お?電話(?:番号)?|携帯(?:電話)?(?:番号)?|TEL|連絡先|求職番号)\s*[:：]", re.M)
# Our mail asking for missing details (needs_info: 「（ご記入のお願い）」): the reply supplies them.
_ASKED_FOR_DETAILS = re.compile(r"記入(?:の)?(?:お願い|ください)|ご?入力(?:の)?お願い|不足")
# A booking detail supplied in prose: a phone or 求職番号 (digits), a name or a wish stated.
_DETAIL = re.compile(r"\d{2,4}-?\d{2,4}-?\d{3,4}|\d{5}[-\s]?\d{8}|電話|携帯|TEL|求職番号|名前|氏名|希望|申し?ます|いつでも")
_DECLINE_OFFER = re.compile(r"都合が(?:悪|つか|合わ)|難しい|合いません|無理|いずれも|どれも|どの日も")
_BOOK = re.compile(
    r"予約(?:を|の)?(?:お願い|おねがい|したい|させて|希望|申し?込|取りたい|取らせ|入れ|できますか|可能|は可能|したく)"
    r"|申し?込(?:みます|みたい|ませて|みを|み(?:を)?(?:お願い|希望|します))|申込み?(?:$|[。\n])"
    r"|(?:相談|面談|そうだん)(?:を|の|が)?(?:お願い|おねがい|希望|したい|させ|でき(?:ます|れ)|可能|受けたい|利用したい|したく)|相談に乗"
    r"|利用(?:したい|させ|を希望)|予約申込|予約希望|希望日|第\s*\d\s*希望|よやく|もうしこみ", re.M)
# A question for information (「何日から予約できますか」) names 予約/相談 without asking to book.
_INTERROGATIVE = re.compile(r"何(?!卒|とぞ|とか|らか)|いつ(?!も|でも)|どう(?!ぞ|か|しても|にか|も)|どの|どこ(?!でも)"
                            r"|どれ(?!でも)|どんな|どちら(?!でも)|どなた|なぜ|どうして|いくら")
# A wish that introduces what follows (「相談を受けたいのですが、まだ登録していません」): when
# questions follow, the mail asks them before booking.
_PREAMBLE = re.compile(r"[^。\n]{0,4}?(?:のですが|んですが|のですけど|んですけど|のですけれど)")
# …but asking for free slots (「空いている日時を教えてください」) is how the booking goes on.
_SLOTS_ASKED = re.compile(r"空い|空き|あいて|日時|日程|候補|都合|いつ|何日|何時|曜日|時間帯|枠")
_PROCEDURE = re.compile(r"いつまで|どうすれば|どうやって|どのように|どうしたら|方法|手続き|仕方|やり方")
_ASKS = re.compile(r"[?？]|か[。.]?$|でしょうか|ますか|ですか|教えて")
# 「相談させていただいた」「お願いするメールを送った」「相談させていただき、ありがとう」: told, not asked.
_DONE = re.compile(r"^[^、。\n]{0,12}?(?:(?:いただい|頂い|もらっ|送っ|し|させ)た(?![いくらろ])|しました|申し込んだ)"
                   r"|^[^。\n]{0,12}?(?:いただき|頂き|もらい)[^。\n]{0,6}(?:ありがとう|感謝)")
# Booking put off until something is known: 「わかり次第、予約の申込みをしたいと思います」
# 「申し込もうと思っているのですが、その前に教えてください」. Softeners (よろしければ, できれば) are not.
_DEFERRED = re.compile(r"次第|その前に|(?:わか|分か|決ま)ったら|確認(?:でき|し)(?:たら|てから)|準備が?できたら"
                       r"|問題が?なければ|大丈夫(?:そう)?(?:なら|であれば)|改めて|あらためて|後日|後ほど|のちほど"
                       r"|(?:よう|そう|こう|ろう|おう|もう)と(?:思|考)(?:って|えて)(?:い|お)[^。\n]{0,6}?(?:が|けど)"
                       r"|を(?:考え|検討し)て(?:い|お)"
                       # a later consultation some day: 「また相談させていただくと思いますので、その際は…」
                       r"|その際|その節|その折|その(?:とき|時)(?:は|に)|かもしれ|(?:また|いずれ|今後|次回)[^。\n]{0,14}?(?:と(?:思|考)|予定)"
                   # only if some need arises: 「また何かあればご相談させてください」「困ったことがあれば」
                   r"|(?:何か|なにか|なんか|困った(?:こと)?|機会|必要)(?:が|は)?(?:あれば|あったら|ありましたら|ございましたら"
                   r"|あった(?:とき|時|際)|になったら|になりましたら|になれば|出てきたら)(?!と)")
_QUESTION = re.compile(r"[?？]|でしょうか|ますか|ですか|教えて(?:ください|下さい|くださ|いただけ|頂け|いただきたい|頂きたい|もらえ|もらいたい|ほし|欲し)|伺いたい|お聞きしたい|質問|お尋ね|知りたい")


# Staying away on the day, in plain words: 「休ませてください」「お休みします」「欠席します」
# 「体調不良で行けなくなりました」 (the cancel words of intent.py catch 「行けなくなりました」).
_ABSENCE = re.compile(
    r"休ませて|休まさせて|お休み(?:します|いたします|致します|させて|を(?:いただ|頂|お願い))|休みます|やすみます"
    r"|欠席(?:します|いたします|致します|させて|で(?:お願い|す)|とさせ|の連絡)"
    r"|(?:体調|具合|熱|発熱|風邪|かぜ|急用|急な用事|家庭の事情|子ども|子供|こども)[^。\n]{0,14}?"
    r"(?:ため|ので|から|で)[、,\s]*(?:本日|今日|きょう|当日|明日)?[^。\n]{0,10}?"
    r"(?:休|欠席|参加でき|参加は|出席でき|受けられ|伺え|つなげ|接続でき|難し|無理)")

# Leave taken from work or school to attend (「会社を休ませてもらえたので参加します」) is no absence.
_LEAVE_FROM_WORK = re.compile(r"(?:仕事|会社|職場|バイト|アルバイト|パート|勤務|学校|授業|シフト)(?:を|は|も)?[^。\n]{0,4}?(?:休|お休み)")
# Words of our service: a time in mail without any (「明日の飲み会、19時に駅前集合で大丈夫？」) is no
# booking. 予約 of something done (「お店は予約しておいたよ」) is not ours.
_SERVICE = re.compile(r"相談|そうだん|面談|ハローワーク|ハロ-ワーク|職業|求職|就職|就労|就活|転職|仕事|求人|失業|雇用保険"
                      r"|希望|申し?込|もうしこ|空い|空き|あいて|枠|予約(?!(?:は|を)?し(?:て|た|ちゃ))|よやく"
                      r"|オンライン|お願い(?:します|いたします|致します|できますか)"
                      r"|(?i:consult|appointment|book(?:ing)?\b|reserv|hello\s*work|job|counsel)")


# What a new wish asks with (「…にお願いできますか」「…を希望します」).
_WANT_NEW = re.compile(r"お願い|おねがい|希望|できますか|可能|いかが|でしょうか|したい|ください|下さい")


def is_reply(subject: str, in_reply_to: str | None) -> bool:
    """A reply in one of our threads: In-Reply-To present, or Re: / a booking reference in the subject."""
    return bool(in_reply_to) or bool(_REPLY_SUBJECT.match(subject or "")) or bool(_BOOKING_REF.search(subject or ""))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。!?！？])|\n", text) if s.strip()]


def _without_flexibility(sentence: str) -> str:
    """The sentence without a declared flexibility (「ほかの日でも大丈夫です」); a question keeps it."""
    return sentence if _ASKS.search(sentence) else _FLEXIBLE.sub("", sentence)


def _info_question(sentence: str) -> bool:
    """A question for information: an interrogative word (何日, いつ, どう…) in a question."""
    return bool(_ASKS.search(sentence) and _INTERROGATIVE.search(sentence))


def _how_to(sentence: str) -> bool:
    """A question about the procedure (いつまでに, どうすれば, 方法): not a change or cancel itself."""
    return bool(_ASKS.search(sentence) and _PROCEDURE.search(sentence))


def _asks_to_book(text: str) -> bool:
    """A sentence asks for a consultation: a booking phrase that is not part of a question for
    information (an interrogative word in a question, 「…でも相談できますか」) nor a report of
    something done."""
    for sentence in _sentences(text):
        asks = bool(_ASKS.search(sentence))
        info_question = _info_question(sentence)
        for m in _BOOK.finditer(sentence):
            if info_question or _DONE.search(sentence[m.end():]) or _DEFERRED.search(sentence):
                continue
            following = text[text.find(sentence) + len(sentence):]
            if _PREAMBLE.match(sentence, m.end()) and _QUESTION.search(following) and not _SLOTS_ASKED.search(following):
                continue                          # 「相談を受けたいのですが、…できるのでしょうか」: it asks first
            if asks and re.search(r"も\s*$", sentence[:m.start()]):
                continue                          # 「スマホでも相談できますか」: whether it is possible
            return True
    return False


def _consents(text: str) -> bool:
    """Positive agreement in some sentence: an acknowledgement about the offer (規約に同意します,
    承知しました), accepting the offered slot (その日時でお願いします), or a bare yes (はい、お願いします)."""
    for sentence in _sentences(text):
        body = sentence.strip()
        if _SHORT_YES.fullmatch(body) and _YES_STRONG_RE.search(re.sub(r"(?:よろしく|宜しく)(?:お願い|おねがい)", "", body)):
            return True
        accept = _ACCEPT_OFFER.search(body)
        if accept and not _NOT_AGREE_AFTER.match(body[accept.end():]):
            return True                           # not 「その日程で参加できません」
        for m in _AGREE.finditer(body):
            if _NOT_AGREE_AFTER.match(body[m.end():]):
                continue
            before = re.split(r"[、,]", body[:m.start()])[-1]
            if _OBJECT.search(before) and not _OFFER_TOPIC.search(before):
                continue                          # 「カードを確認しました」: not about our offer
            return True
    return False


def _supplies_details(text: str, subject: str, has_requested: bool) -> bool:
    """A reply that supplies booking details (a filled-in form, or what our request for missing
    details asked for) and picks no option is a booking request, whatever it replies to."""
    if _DETAIL_FORM.search(text) or _WISH_FORM.search(text):
        return not _consents(text)
    if _ASKED_FOR_DETAILS.search(subject or ""):
        return has_requested or (bool(_DETAIL.search(text)) and not _only_questions(text))
    return False


def _only_questions(text: str) -> bool:
    """Every sentence naming a detail asks something (「電話番号はどこに書けばよいですか？」)."""
    return all(_QUESTION.search(s) for s in _sentences(text) if _DETAIL.search(s))


def classify_intent(fresh: str, subject: str, in_reply_to: str | None, automated: str | None,
                    *, choice: int | None = None, has_requested: bool = False) -> str:
    """One of INTENTS for this mail."""
    if automated:
        return "automated"
    text = normalize(fresh)
    flat = re.sub(r"[ \t]+", "", text)             # 「そうだん したいです」 -> 「そうだんしたいです」
    reply = is_reply(subject, in_reply_to)
    sales = len(set(m.group() for m in _SALES.finditer(flat)))
    if sales >= 2 and not _SEEKER_CONTEXT.search(flat):
        return "other"
    if not has_requested and choice is None and _MISSENT.search(flat):
        return "other"                            # sent to us by mistake: nothing to act on
    firm = [s for s in _sentences(flat) if not _CONDITIONAL.search(s)]
    firm = [s for s in firm if not _how_to(s)]    # 「変更はいつまでに…ですか」 asks, it does not change
    change = any(_CHANGE.search(_without_flexibility(s)) and not _CHANGE_OTHER.search(s)
                 for s in _sentences(flat) if not _how_to(s)) and not _NOT_OUR_MATTER.search(flat)
    if change or english.firm(english.CHANGE, text) or cancel_is_reason(firm, _CANCEL, _WANT_NEW, has_requested):
        return "reschedule"
    if english.firm(english.CANCEL, text):
        return "cancel"
    if any(_CANCEL.search(s) and not (_CANCEL_OTHER.search(s) and not _OUR_BOOKING.search(s)) for s in firm):
        return "cancel"
    if reply and not has_requested and choice is None and not _OFFER_THREAD.search(subject or "") and any(
            _CANT_ATTEND.search(s) and not _OFFER_WIDE.search(s) and not _ASKS.search(s) for s in firm):
        return "cancel"
    if reply and not has_requested and choice is None and any(
            _ABSENCE.search(s) and not _ASKS.search(s) and not _LEAVE_FROM_WORK.search(s) for s in firm):
        return "cancel"                           # 「今日は休ませてください」: staying away from the booking
    if choice is not None:                        # an option number only answers our offer
        return "confirm"
    if reply and _supplies_details(flat, subject, has_requested):
        return "book"
    if reply and has_requested:
        # 「希望日時：…」 or 「…相談をお願いしたいです」 ask for a (new) booking; picking a slot agrees.
        if _DECLINE_OFFER.search(flat) or ((_WISH_FORM.search(flat) or _asks_to_book(flat) or english.asks_to_book(text))
                                           and not _consents(flat)):
            return "book"
        return "confirm"
    if has_requested and not reply and not _SERVICE.search(flat + (subject or "")):
        return "other"                            # a time in unrelated mail asks for no booking
    if has_requested or _asks_to_book(flat) or english.asks_to_book(text):
        return "book"
    if _QUESTION.search(flat):
        return "question"
    if reply and (_consents(flat) or english.firm(english.AGREE, text)):
        return "confirm"
    return "other"
