"""What a mail says, sentence by sentence, without knowing what we last asked.

The parser reports signals (cancel words, consent, option numbers, dates, questions, attendants,
abuse…); the conversation decides what they mean from its state and from the last mail we sent
(`mailbot.conversation.reading`). Nothing here looks at the subject or the quoted text: those
are words we wrote ourselves, and an admin who renames a subject in `templates/` must never
change a booking decision.

`classify_intent` (intent.py) combines the same detectors with thread hints from the headers into
the one context-free intent that `mailbot parse` shows.
"""

from __future__ import annotations

import re

from mailbot.understand import english
from mailbot.understand import intent as _i
from mailbot.understand.model import Requested, Signals
from mailbot.understand.normalize import normalize
from mailbot.understand.reasons import cancel_is_reason

# Keeping the booking as it is, withdrawing a change asked for earlier: 「やはり変更なしで」
# 「元のままでお願いします」「今の予約のままで大丈夫です」「変更は取り消します」.
_KEEP = re.compile(
    r"(?:変更|変え(?:る(?:の)?)?|日程変更|日時変更)(?:の件)?(?:は|を|も)?[、,\s]*(?:やっぱり|やはり)?[、,\s]*"
    r"(?:なし|無し|ナシ|しない|しません|せず|不要|いりません|要りません|結構|けっこう|大丈夫|だいじょうぶ|やめ|止め|取り?消|取りやめ"
    r"|キャンセル|撤回|取り?下げ|見送|なかったこと|無かったこと)"
    r"|(?:元|もと|最初|はじめ|初め|前|まえ|従来|現在|今|いま)の(?:まま|ママ|日時|日程|予約|ご予約|時間|とおり|通り)"
    r"(?:の(?:まま|ママ))?(?:で|に|を|が)(?!は)"
    r"|(?:予約|日時|日程|時間)(?:は|を)?[、,\s]*(?:その|この)?まま(?:で|に|にして|がいい|が良い|でいい|で良い|でお願い)"
    r"|(?:^|[、,。\s])(?:そのまま|このまま)で(?:お願い|おねがい|大丈夫|だいじょうぶ|結構|いいです|良いです|構いません|かまいません|参加)")
# Staying away on the day (defined in intent.py, where it also makes a reply a cancel).
_ABSENCE = _i._ABSENCE
# 脅迫や暴言 (terms art. 12 (1)): a person, not the robot, answers these.
_ABUSE = re.compile(
    r"殺す|殺して|殺され|ぶっ殺|ぶっころ|ころす|ころして|死ね|しね(?:よ|!|！|$)|氏ね|死んでしまえ|くたばれ"
    r"|燃やして?やる|火をつけ|放火|爆破|爆弾|刺して?やる|刺す|襲って?やる|殴って?やる|ぶん殴"
    r"|覚えて(?:ろ|おけ|いろ)|ただじゃ(?:おか|済ま)|許さねえ|ゆるさねえ|訴えてやる|晒して?やる|さらしてやる"
    r"|ふざけるな|ふざけんな|なめてん|舐めてん|馬鹿野郎|バカ野郎|ばかやろう|クソ(?:役所|職員|野郎|が)|くそ(?:役所|職員|野郎)"
    r"|税金泥棒|給料泥棒|無能(?:ども|な職員|職員)|役立たず|ボケ(?:が|ども)|カス(?:が|ども)|ゴミ(?:ども|職員)"
    r"|(?i:\bkill (?:you|u)\b|\bf+u+c+k+ (?:you|off)\b|\bi will hurt\b)")
_ANY_TIME = re.compile(r"いつでも|何時でも|何日でも|どの日でも|どの時間でも|特に(?:ご?希望|指定)(?:は|の日時は)?(?:ありません|ない|なし|ございません)"
                       r"|(?:日時|日程|時間)(?:は)?(?:おまかせ|お任せ|そちらに合わせ|そちらの都合)|おまかせします|お任せします")
_THANKS = re.compile(r"ありがと|有難|有り難|感謝|お礼|助かりま|thank", re.I)
_YES_WORDS = re.compile(r"^(?:はい|了解|承知|わかりました|分かりました|OK|ok|Ok|オッケー|お願いします)")


def read_signals(fresh: str, *, choice: int | None = None, dates: tuple[Requested, ...] = ()) -> Signals:
    """The signals of `fresh` (the writer's own text, quotes and signature removed)."""
    text = normalize(fresh)
    flat = re.sub(r"[ \t]+", "", text)
    sentences = _i._sentences(flat)
    sales = len(set(m.group() for m in _i._SALES.finditer(flat))) >= 2 and not _i._SEEKER_CONTEXT.search(flat)
    keep = any(_KEEP.search(s) and not _i._ASKS.search(s) for s in sentences)
    # The keep phrase itself (「変更はキャンセルします」) cancels nothing, and changes nothing.
    rest = [_KEEP.sub("", s) for s in sentences] if keep else sentences
    firm = [s for s in rest if not _i._CONDITIONAL.search(s) and not _i._how_to(s)]
    change = any(_i._CHANGE.search(_i._without_flexibility(s)) and not _i._CHANGE_OTHER.search(s)
                 for s in rest if not _i._how_to(s))
    cancel = any(_i._CANCEL.search(s) and not (_i._CANCEL_OTHER.search(s) and not _i._OUR_BOOKING.search(s))
                 for s in firm)
    cant_attend = any(_i._CANT_ATTEND.search(s) and not _i._OFFER_WIDE.search(s) and not _i._ASKS.search(s)
                      for s in firm)
    absence = any(_ABSENCE.search(s) and not _i._ASKS.search(s) for s in firm)
    # English (understand/english.py): the same signals from "cancel my appointment",
    # "move my booking", "I would like to book", "I agree".
    change = change or english.firm(english.CHANGE, text)
    cancel = cancel or english.firm(english.CANCEL, text)
    if cancel and cancel_is_reason(firm, _i._CANCEL, _i._WANT_NEW, bool(dates)):
        change, cancel = True, False              # 「行けなくなったので、18日にお願いできますか」
    return Signals(
        sales=sales,
        change=change,
        keep=keep,
        cancel=cancel,
        cant_attend=cant_attend,
        absence=absence,
        declines_all=bool(_i._DECLINE_OFFER.search(flat)),
        consent=_i._consents(flat) or english.firm(english.AGREE, text),
        asks_to_book=_i._asks_to_book(flat) or bool(english.asks_to_book(text)),
        wish_form=bool(_i._WISH_FORM.search(flat)),
        detail_form=bool(_i._DETAIL_FORM.search(flat)),
        details=bool(_i._DETAIL.search(flat)),
        question=bool(_i._QUESTION.search(flat)),
        only_questions=_i._only_questions(flat),
        abuse=bool(_ABUSE.search(text)),
        thanks=bool(_THANKS.search(flat)),
        flexible=bool(_i._FLEXIBLE.search(flat)),
        any_time=any(_ANY_TIME.search(x) and not _i._ASKS.search(x) for x in sentences),
        choice=choice,
        dates=tuple(dates),
    )


__all__ = ["Signals", "read_signals"]
