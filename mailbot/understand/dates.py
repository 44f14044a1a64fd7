"""Requested consultation times from Japanese prose: a narrow extractor of our own.

dateparser and ja-timex read Japanese dates wrongly (see PITFALLS), and a misread date that
gets confirmed is the worst bug we can ship. So this module knows a small, tested grammar:
explicit dates (12月3日, 12/3, 2026年12月3日, 令和8年12月3日, R8.12.3), relative days (明日,
明後日, 来週火曜, 今週金曜, 再来週), times (14:00, 14時半, 午後2時, spans 10:30〜11:20) and
windows (午前/午前中/午後). Everything it is unsure of becomes a warning, not a guess.

Dates that are mentioned but not asked for (an existing booking being cancelled or moved,
interviews, deadlines, past dates) are left out. Input is the fresh (unquoted, unsigned) text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Mapping

from mailbot.understand.model import Requested
from mailbot.understand import english
from mailbot.understand.normalize import normalize

JST = timezone(timedelta(hours=9), "JST")
DEFAULT_WINDOWS: dict[str, tuple[time, time]] = {"am": (time(9, 0), time(12, 0)),
                                                 "pm": (time(13, 0), time(17, 0))}
WEEKDAYS = "月火水木金土日"
# A bare date that would roll forward further than this was really a recent past date.
_ROLL_LIMIT = timedelta(days=180)
# Hours written without 午前/午後 that can only mean an afternoon office hour.
_AFTERNOON_BARE_HOURS = range(1, 6)   # 1時..5時 -> 13:00..17:00

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                 "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_NUM = "〇零一二三四五六七八九十"
_KANJI_MONTH_DAY = re.compile(rf"([{_KANJI_NUM}]{{1,3}})\s*月\s*([{_KANJI_NUM}]{{1,3}})\s*日")
_KANJI_DATE = re.compile(rf"([{_KANJI_NUM}]{{1,4}})(?=\s*(?:年|月|日|時))")


def kanji_number(s: str) -> int | None:
    """二 -> 2, 十二 -> 12, 二十三 -> 23, 一〇 -> 10; None when not a number we read."""
    if not s:
        return None
    if "十" in s:
        tens, _, ones = s.partition("十")
        if "十" in ones:
            return None
        t = _KANJI_DIGITS.get(tens, None) if tens else 1
        o = _KANJI_DIGITS.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    value = 0
    for ch in s:
        if ch not in _KANJI_DIGITS:
            return None
        value = value * 10 + _KANJI_DIGITS[ch]
    return value


def _kanji_dates_to_digits(text: str) -> str:
    def month_day(m: re.Match[str]) -> str:
        mo, dy = kanji_number(m.group(1)), kanji_number(m.group(2))
        return f"{mo}月{dy}日" if mo and dy and 1 <= mo <= 12 and 1 <= dy <= 31 else m.group()

    # A whole month-and-day is a date whatever word comes before it (「第二希望十二月十五日」).
    text = _KANJI_MONTH_DAY.sub(month_day, text)

    def repl(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 1):m.start()]
        if before and re.match(r"[一-龥々]", before) and before not in "年月日午前後第和成":  # 令和/平成
            return m.group()            # part of a word (三日月, 十日町 ...), not a number
        n = kanji_number(m.group(1))
        return m.group() if n is None else str(n)
    return _KANJI_DATE.sub(repl, text)


# ---------------------------------------------------------------------------------------------
# Grammar
_WD_RE = re.compile(rf"\s*\(\s*(?P<wd>[{WEEKDAYS}])(?:曜日?)?\s*(?:[・/]?\s*祝日?)?\s*\)|\s*(?:の\s*)?(?P<wd2>[{WEEKDAYS}])曜日?")
_SEP_YMD = r"\s*[年/.\-]\s*"
_SEP_MD = r"\s*[月/.\-]\s*"
_DATE_PATTERNS: list[tuple[str, str]] = [
    ("era", rf"(?P<era>令和|平成|昭和|大正|(?<![A-Za-z])[RHS])\s*(?P<ey>\d{{1,2}}|元){_SEP_YMD}(?P<em>\d{{1,2}}){_SEP_MD}"
            rf"(?P<ed>\d{{1,2}})(?!\d)\s*日?"),
    ("ymd", rf"(?<!\d)(?P<y>20\d\d){_SEP_YMD}(?P<ym>\d{{1,2}}){_SEP_MD}(?P<yd>\d{{1,2}})(?!\d)\s*日?"),
    ("nth", rf"(?:(?P<nmo>\d{{1,2}})\s*月|(?P<nrel>今月|来月|再来月))\s*の?\s*第\s*(?P<nn>[1-5一二三四五])\s*"
            rf"(?P<nwk>週目?\s*の?\s*)?(?P<nwd>[{WEEKDAYS}])曜日?"),
    # 「12月の第2水曜日か第3水曜日」: the month carries over from the mention before
    ("nthc", rf"(?<![月\d])第\s*(?P<cn>[1-5一二三四五])\s*(?P<cwk>週目?\s*の?\s*)?(?P<cwd>[{WEEKDAYS}])曜日?"),
    ("md", r"(?<![\d./])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?!間|前|後|以内|目|ほど|程|ぶり|付)"),
    ("slash", r"(?<![\d./A-Za-z_])(?P<sm>\d{1,2})/(?P<sd>\d{1,2})(?![\d/])(?:\s*日)?"),
    ("dot", rf"(?<![\d.A-Za-z_])(?P<pm>\d{{1,2}})\.(?P<pd>\d{{1,2}})(?=\s*\(\s*[{WEEKDAYS}])"),
    ("monthrel", r"(?P<mrel>今月|来月|再来月)\s*の?\s*(?P<mrd>\d{1,2})\s*日(?!間|前|後|以内|目)"),
    ("dayrel", r"(?P<drel>明々後日|明明後日|しあさって|明後日|あさって|明日|あした|あす|本日|今日|きょう)"),
    # 「週明けの午前」: the Monday of next week (「週明けの火曜」 is read as a weekday)
    ("weekstart", rf"週明け(?:早々)?(?!\s*の?\s*[{WEEKDAYS}]曜)"),
    # 「月末の月曜」: the last such weekday of the month (this month's, or next month's once past)
    ("monthend", rf"(?:(?P<merel>今月|来月)\s*の?\s*)?月末\s*の?\s*(?P<mewd>[{WEEKDAYS}])曜日?"),
    # 「同じ週の水曜」「その翌週の金曜」: weeks counted from the date written before, not from today
    ("anchorweek", rf"(?P<arel>同じ週|同週|その週|その翌週|その次の週|翌週|次の週)\s*の?\s*(?P<awd>[{WEEKDAYS}])曜日?"),
    # 「その翌週の同じ曜日」「翌週の同じ時間」: a week after the date written before
    ("anchorsame", r"(?P<srel>その翌週|その次の週|翌週|次の週)(?:\s*の\s*(?:同じ曜日|同曜日|同じ日))?(?=\s*の?\s*(?:同じ|同曜|同時刻|[にでをがは、]))"),
    # 「再来週の同じ曜日」「来週の同じ曜日」: that week (counted from today), the weekday of the date before
    ("weeksame", r"(?P<wsrel>再来週|来週)\s*の\s*(?:同じ曜日|同曜日)"),
    ("weekrel", rf"(?P<wrel>再来週|今週|来週|次週|翌週|次の|今度の)\s*の?\s*(?P<wrd>[{WEEKDAYS}])曜日?"),
    ("weekday", rf"(?<![毎(/・一-龥\d])(?P<bwd>[{WEEKDAYS}])曜日?"),
    ("day", r"(?<![\d月/.年:])(?P<dd>\d{1,2})\s*日(?!間|前|後|以内|目|ほど|程|ぶり|付|分|以上|連続|本)"),
]
_DATE_RE = re.compile("|".join(f"(?P<k_{k}>{p})" for k, p in _DATE_PATTERNS))
# Lookbehinds name ASCII letters, never \w: to Python's re a kana or kanji is \w too, and
# 「もしくは12/15」 must read as a date. Anything still shaped like a date that no pattern read
# bounds the scope of the date before it, so its time is never given to that date.
_DATEISH = re.compile(r"(?<![\d:])\d{1,2}\s*[/月]\s*\d{1,2}(?![\d:])")
# Annotation after a relative day: 明後日（10日）, 明日(12/1), 明日（12月1日）.
_REL_NOTE = re.compile(r"\s*\(\s*(?:(?P<m1>\d{1,2})\s*[月/]\s*)?(?P<d1>\d{1,2})\s*日?\s*"
                       rf"(?:\(?\s*[{WEEKDAYS}]\s*\)?)?\s*\)")

_AMPM = r"(?P<ap>午前|午後|AM|PM|am|pm|a\.m\.|p\.m\.)?\s*"
_CLOCK = r"(?P<h>\d{1,2})\s*:\s*(?P<mi>\d{2})(?!\d)"
_JIHOUR = r"(?P<jh>\d{1,2})\s*(?:時|じ)(?!間|かん|ごろ?まで)(?:\s*(?P<jm>\d{1,2})\s*分|\s*(?P<half>半|はん))?"
_ONE_TIME = rf"{_AMPM}(?:{_CLOCK}|{_JIHOUR})|(?P<noon>正午|昼の?12時)"
_TIME_RE = re.compile(_ONE_TIME)
# Any dash may join a span: 「14時ー15時」 (long-vowel mark), 「14時―15時」; normalize() only
# rewrites dashes between digits.
_SPAN_SEP = re.compile(r"\s*(?:〜|[-ー−‐‑‒–—―]|から|より|to)\s*(?:の?間?\s*)?")
_WINDOW_RE = re.compile(r"(?P<win>午前中|午前|午後|終日|一日中|AM|PM|夕方|朝一?|お昼|昼頃|夜"
                        r"|(?<![A-Za-z])(?i:morning|afternoon)(?![A-Za-z]))")
_SAME_TIME = re.compile(r"同じ時間|同時刻|同じ時刻|同じ時間帯")
# A line under a date that gives its time: 「時間は午後」「・10時半から」「14:00〜15:00」.
# A next line about something else the writer does at that time (「10時から仕事なので」).
_BUSY = re.compile(r"仕事|バイト|パート|勤務|用事|予定|通院|送り迎え|送迎|都合")
_NEXT_SENTENCE_TIME = re.compile(
    rf"\s*(?:(?:時間|時刻|時間帯)(?:は|も)?|どちらも|いずれも|両日とも|どの日も|ともに|共に)?[、,\s]*(?:{_ONE_TIME}|午前中|午前|午後)")
_BULLETS = r"[ \t・\-*●■◆◇○□【\[<(※]*"
_TIME_LABEL = re.compile(rf"{_BULLETS}(?:ご?希望)?(?:時間|時刻|時間帯)[】\]>)]?\s*(?:[:：]|は|(?=午|\d))")
_TIME_LABEL_ONLY = re.compile(rf"{_BULLETS}(?:ご?希望)?(?:時間|時刻|時間帯)[】\]>)]?\s*[:：]?\s*")
_TIME_LINE = re.compile(rf"{_BULLETS}(?:{_ONE_TIME}|午前中|午前|午後|終日)")
_BARE_SPAN = re.compile(r"(?<![\d:])(?P<a>\d{1,2})\s*〜\s*(?P<b>\d{1,2})\s*時(?!間)")

# ---------------------------------------------------------------------------------------------
# Contexts that make a date "mentioned, not requested"
_EXISTING = re.compile(
    r"予約(?:を)?し(?:て(?:いる|いた(?!だ)|おり|ある|あり|います|いました|おります|ございます)|た(?!い))"
    r"|予約(?:済|中|分|日|の件|ですが|でしたが|が入って)|予約(?:です|でした)(?:[。、,!]|$)"
    r"|予約を?(?:いただいて|頂いて|させていただいて|させて頂いて|いただいた|頂いた|いただいている)"
    r"|予約(?:を|は)(?:キャンセル|取り?消|変更|延期|辞退)|予約の(?:日程|日時|時間)"
    r"|(?:お願いして|決まって|確定して|入って)(?:いる|いた(?!だ)|おり|います|おります)|確定した|決定した")
_EXISTING_BEFORE = re.compile(r"(?:予約|確定|決定)(?:して|済み?|した|中)(?:いる|いた|おります|おりました)?の?\s*$"
                              # 「今の予約（1月13日 10:00）」「来週の予約(12/10)」: the booking, named in brackets
                              r"|予約\s*[（(]\s*$"
                              # 「変更前：12月14日 10:00」「現在の予約：…」: the old date of a change form
                              r"|(?:変更前|現在の(?:予約|日時)|元の(?:予約|日時)|今の(?:予約|日時))(?:の日時)?\s*[】\]]?\s*[:：]\s*$"
                              # 「今の予約は12月15日です」 (not 「予約は12月15日で」, which asks for that day)
                              r"|(?:今|いま|現在|元|もと)の(?:予約|日時|日程|相談日)(?:日)?(?:は|が)\s*$")
# 「12月3日は都合が悪いので」: a date the writer cannot do (but not 「難しければ」, a fallback).
_UNAVAILABLE = re.compile(r"(?:都合が(?:悪|つか|合わ)|難し|無理|だめ|ダメ|不可|(?:行け|いけ|参加でき|出席でき|出られ|伺え|空いてい)(?:な|ませ)"
                          r"|予定が(?:あ|入)(?!っていな|っておりませ|りませ)|用事が|都合がつきません"
                          # away that day: 「終日不在にしております」「出張のため」「家にいないので」
                          r"|不在|留守|出張|帰省|出かけ|(?<![てで])(?:いない|いません|おりません|居ない|居りません)"
                          # at work that day: 「仕事なので」「バイトです」「夜勤明け」 (not 「仕事が休み」)
                          r"|(?:仕事|バイト|パート|勤務|出勤|シフト|夜勤|日勤)(?:が(?:あ|入)(?!り?ませ)|です|なので|のため|明け|日|で(?:す|ござ)))"
                          r"(?![^。、\n]{0,4}(?:ければ|けれ|場合|なら|たら|でしょうか|ですか|ますか))")
_VAGUE = re.compile(r"来週|今週|再来週|来月|上旬|中旬|下旬|月末|月初|週明け")
_CHANGE = re.compile(r"変更|変え|ずら|移し|移動|振替|振り替|延期|別の日|遅らせ|早めて|早めら|繰り上げ|繰り下げ")
# A date made the topic (「…からの予約についてですが」「…の相談なんですが」): in a mail that moves or
# cancels a booking, that is the booking being moved.
_TOPIC = re.compile(r"^[^。\n]{0,25}?(?:予約|相談|面談|件)(?:について|に関して|の件)?"
                    r"(?:です|なんです|なのです|でございます)?(?:が|は)(?:[、,\s]|$)")
# 「12月9日のオンライン相談ですが」「…の相談には」「…の面談の際」: a session already booked, named as the
# topic of news about it (同席します, 当日はスマホから). Kept only when the clause asks for that time
# (空いていますか, 可能でしょうか, 午後でお願いします), not for something about the session (通訳をお願い).
_COPULA = r"(?:です|なん(?:です|だ)|なのです|でございます)?"
_SESSION_TOPIC = re.compile(r"^[\s\d:時分半午前後から〜\-()頃ごろ]*の\s*(?:オンライン|職業)*\s*(?:相談|面談|予約)日?\s*"
                            rf"(?:(?:の件|について|に関して){_COPULA}(?:が|は|[、,])?"
                            rf"|{_COPULA}(?:が|は|には|では|の(?:際|時|とき|日|前|後)|当日|[、,]))")
# 「12月9日は母が同席します」「…には通訳の方が一緒に参加します」: news of who joins on a day, no request.
_DAY_TOPIC = re.compile(r"^\s*(?:は|には|も|では)")
_JOIN_NEWS = re.compile(r"同席|付き添|付添|つきそ|同行|同伴|立ち会|立会|一緒に(?:参加|出|入|話|聞)")
_SLOT_WISH = re.compile(r"お願い|おねがい|希望|空い|空き|予約|受けたい|受けられ|申し?込|いかが")
# Only a greeting after the session named (「12月9日10時からの相談、よろしくお願いします」): it is booked.
_GREETING_ONLY = re.compile(r"^[\s、,]*(?:どうぞ|何卒|なにとぞ)?\s*(?:よろしく|宜しく)\s*(?:お願い|おねがい)[^。\n]{0,8}$")
_SLOT_ASK = re.compile(r"^\s*(?:可能|でき|大丈夫|空い|いかが|どう)")
_ABOUT_SESSION = re.compile(r"通訳|手話|同席|同伴|付き添|介助|ヘルパー|持ち物|資料|書類|履歴書|URL|接続|カメラ|マイク|スマホ"
                            r"|パソコン|当日")
# Thanks for a session held (「本日はオンライン相談でお世話になり、ありがとうございました」).
_THANKS = re.compile(r"お世話にな(?:り(?!ます)|っ)|ありがとうございました|お礼(?:申し上げ|を申し)")
_EXCEPT = re.compile(r"^\s*(?:(?:は|を)?\s*(?:以外|除)|(?:では|じゃ|で)なく)")
# A new time asked for the booked day without a word of change: 「…の予約ですが、同じ日の14時にしてください」.
_NEW_TIME_ASKED = re.compile(r"(?:時|分|半|午前|午後|中)(?:の方|のほう)?(?:から)?(?:に|へ)して(?:いただ|頂|もら|ほし|欲し|くださ|下さ)")
_CANCELLING = re.compile(r"キャンセル|取り?消|取りやめ|なしに|無しに")
_NOT_REQUEST = re.compile(r"面接|選考|試験|説明会|入社|健診|通院|手術|締切|締め切|発行|開講|開催|閉庁"
                          # a shop's or school's days: 「水曜日が定休日」「12/29～1/3は休講」
                          r"|定休|休業|休講|休館|休校|営業日|営業時間|受付時間")
# Asking whether the office is open or takes consultations that day is a question, not a wish:
# 「12月28日も相談を受け付けていますか」「25日は開庁していますか」.
_OPEN_QUESTION = re.compile(r"(?:受け?付けて|開庁して|開いて|やって|営業して)(?:い|おり|らっしゃ)[^。\n]{0,8}?(?:か[。?？]?|\?|？)")
# A day the writer asks us to keep clear: 「11日は避けていただけると」「その日は外してください」.
_AVOID_DAY = re.compile(r"避け|外して|はずして|除いて")
# Other dates of a job seeker's life, named right before or after the date: 「認定日は12月8日」.
_OTHER_EVENT = re.compile(r"認定|受給|支給|給付|振込|振り込|提出|期限|誕生日|生年月日|生まれ|卒業|入学|退職日|最終出社|検査|受診|診察"
                          r"|法事|葬儀|結婚式"
                          # a visit to a counter is not an online session: 「15日に窓口で手続きをする予定」
                          r"|窓口(?:で|に|へ)")
_BIRTH = re.compile(r"生年月日|誕生|生まれ|生\s*$|^\s*生")
# A past event told about the date: 「12月4日10時で…お願いするメールを送った」「本日…相談させていただいた者です」.
_PAST_EVENT = re.compile(
    r"(?:(?<!ま)し|っ|いただい|頂い|受け|来)た(?![いくらろ])|んだ(?![いくらろ])"
    r"|(?:し|き|い|り|け|び|み|ち)(?<!承知し)(?<!了解し)(?<!確認し)(?<!かしこまり)(?<!わかり)(?<!分かり)(?<!承り)ました(?!ら)")   # 「…にお願いできましたら」 is a wish
# …unless a wish or request comes first: 「12月3日の10時で相談したく連絡しました」.
# A decision to take the slot (「…でお願いすることにしました」「…に参加することにしました」) is a wish too.
_DECIDED = r"(?:お願い|おねがい|希望|参加|出席|伺う|うかがう|相談)(?:する|いたす|させていただく)ことに"
_WANT = re.compile(rf"たい|たく|希望|ください|下さい|いただけ|頂け|もらえ|お願いします|お願いいたします|お願い致します|{_DECIDED}")
_DEADLINE = re.compile(r"^\s*(?:まで|迄|までに|以前|以降|以後|頃まで)")
_START_OF_SOMETHING = re.compile(r"^\s*(?:から|より)(?!\s*(?:の?\s*(?:午前|午後|\d)|相談|予約|お願い|で))")
_PAST = re.compile(r"^[^。\n]{0,12}?(?:(?<!承知し)(?<!了解し)(?<!確認し)(?<!かしこまり)(?<!わかり)(?<!分かり)ました(?!ら)"
                   r"|でした(?!ら)|済み)")
# Closing words of a letter: a date alone on a line under them is the letter's date.
_CLOSING = re.compile(r"^[ \t]*(?:敬具|敬白|謹白|草々|早々|かしこ|以上)[。.]?[ \t]*$", re.M)
_DATED_LABEL = re.compile(r"(?:送信|作成|記入|申込|申し込み|発信)(?:日|日時|年月日)|日付")
_LABEL_ABOVE = re.compile(r"(?:[:：]|希望|日時|日程|候補)[ \t]*$")
# The new time of a booking in 「…13時に変更」「…14時30分からにしていただく」「午後に変えて」.
_TO_NEW = re.compile(r"(?:に|へ)\s*(?:変更|変え|ずら|移し|移動|繰り|して(?:いただ|頂|もら|くださ|下さ|ほし|欲し)"
                     r"|でき(?:ます|ません)|お願い|なりませ|なら)")
_DONE_AFTER = re.compile(r"[^。\n]{0,6}?(?:ました|した(?!い))")
_ORDINAL = re.compile(r"第\s*(\d{1,2})\s*(?:希望|候補)|(?<!\d)\((\d{1,2})\)\s*$|(?:希望|候補)\s*(\d{1,2})\s*[:：]?\s*$")
_CLAUSE_END = re.compile(r"[。!?\n]")
_ASKING = re.compile(r"お願い|おねがい|希望|相談|予約|可能|でき|空い|伺|参加|大丈夫|都合が(?:良|よ|い)|いかが|どう")
_RANGE_ONLY = re.compile(r"\s*(?:〜|-|から|より)\s*")
_CONNECTOR_ONLY = re.compile(r"^[\s、,・/]*(?:か|または|又は|もしくは|若しくは|or|及び|と|でも|や)?[\s、,・/]*$")


@dataclass
class _Mention:
    start: int
    end: int
    dates: list[date]
    ordinal: int | None = None
    relative: bool = False
    times: list[tuple[time | None, time | None]] = field(default_factory=list)
    drop: bool = False
    why: str = ""                           # what its own clause says about it, when dropped for that


def to_jst_date(ref: datetime) -> date:
    if ref.tzinfo is None:
        return ref.date()
    return ref.astimezone(JST).date()


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _roll(today: date, m: int, d: int) -> tuple[date | None, bool]:
    """The next (m, d) on or after today; second item True when it was really a recent past date."""
    for y in (today.year, today.year + 1):
        cand = _safe_date(y, m, d)
        if cand and cand >= today:
            return cand, cand - today > _ROLL_LIMIT
    return None, False


def _nth_weekday(y: int, m: int, n: int, wd: int) -> date | None:
    """「12月の第2水曜日」: the n-th such weekday of the month."""
    first = date(y, m, 1)
    d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == m else None


def _nth_week_day(y: int, m: int, n: int, wd: int) -> date | None:
    """「12月の第2週の火曜日」: the weekday in the month's n-th week, only when every reading of
    "n-th week" (days 7n-6..7n, calendar rows from Sunday, rows from Monday) gives that day."""
    first = date(y, m, 1)
    sunday_row = first - timedelta(days=(first.weekday() + 1) % 7) + timedelta(days=7 * (n - 1))
    monday_row = first - timedelta(days=first.weekday()) + timedelta(days=7 * (n - 1))
    readings = {_nth_weekday(y, m, n, wd), sunday_row + timedelta(days=(wd + 1) % 7),
                monday_row + timedelta(days=wd)}
    d = readings.pop()
    return d if not readings and d and d.month == m else None


def _next_weekday(start: date, wd: int, strictly_after: bool) -> date:
    delta = (wd - start.weekday()) % 7
    if delta == 0 and strictly_after:
        delta = 7
    return start + timedelta(days=delta)


class _Reader:
    def __init__(self, text: str, today: date, windows: Mapping[str, tuple[time, time]]):
        self.text = text
        self.today = today
        self.windows = windows
        self.warnings: list[str] = []

    def warn(self, code: str, detail: str) -> None:
        msg = f"{code}: {detail}"
        if msg not in self.warnings:
            self.warnings.append(msg)

    # -- dates --------------------------------------------------------------------------------
    def resolve(self, m: re.Match[str], wd: str | None, week_of: str | None = None,
                after: date | None = None, nth_week: tuple[int, int, int] | None = None,
                month_of: tuple[int, int] | None = None, anchor: date | None = None) -> tuple[list[date], bool]:
        """Dates of a date mention; the flag says it is a past/implausible date."""
        g = m.groupdict()
        kind = next(k[2:] for k, v in g.items() if k.startswith("k_") and v)
        today = self.today
        past = False
        d: date | None = None
        if kind == "era":
            base = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988, "昭和": 1925, "S": 1925}.get(g["era"], 1911)
            y = 1 if g["ey"] == "元" else int(g["ey"])
            d = _safe_date(base + y, int(g["em"]), int(g["ed"]))
            past = bool(d and d < today)
        elif kind == "ymd":
            d = _safe_date(int(g["y"]), int(g["ym"]), int(g["yd"]))
            past = bool(d and d < today)
        elif kind in ("md", "slash", "dot"):
            mo, dy = {"md": (g["m"], g["d"]), "slash": (g["sm"], g["sd"]), "dot": (g["pm"], g["pd"])}[kind]
            mo, dy = int(mo), int(dy)
            if 1 <= mo <= 12:
                d, past = _roll(today, mo, dy)
        elif kind == "monthrel":
            add = {"今月": 0, "来月": 1, "再来月": 2}[g["mrel"]]
            y, mo = divmod(today.month - 1 + add, 12)
            d = _safe_date(today.year + y, mo + 1, int(g["mrd"]))
            past = bool(d and d < today)
        elif kind == "dayrel":
            off = {"本日": 0, "今日": 0, "きょう": 0, "明日": 1, "あした": 1, "あす": 1,
                   "明後日": 2, "あさって": 2, "明々後日": 3, "明明後日": 3, "しあさって": 3}[g["drel"]]
            d = today + timedelta(days=off)
        elif kind in ("nth", "nthc") or (kind == "weekday" and nth_week):
            if kind == "nth":
                y, mo = self.nth_month(m)
                n, week = int(g["nn"]) if g["nn"].isdigit() else kanji_number(g["nn"]), bool(g["nwk"])
                wdi = WEEKDAYS.index(g["nwd"])
            elif kind == "nthc":
                y, mo = month_of
                n, week = int(g["cn"]) if g["cn"].isdigit() else kanji_number(g["cn"]), bool(g["cwk"])
                wdi = WEEKDAYS.index(g["cwd"])
            else:
                (y, mo, n), week, wdi = nth_week, True, WEEKDAYS.index(g["bwd"])
            if 1 <= mo <= 12:
                d = _nth_week_day(y, mo, n, wdi) if week else _nth_weekday(y, mo, n, wdi)
                if d is None and week:
                    self.warn("ambiguous_date", f"第{n}週の{WEEKDAYS[wdi]}曜 of {y}-{mo:02d}: which week is meant?")
                    return [], True
                past = bool(d and d < today)
        elif kind == "weekstart":
            d = today - timedelta(days=today.weekday()) + timedelta(days=7)
            if today.weekday() == 6:
                self.warn("ambiguous_date", "週明け written on a Sunday")
        elif kind == "monthend":
            wdi = WEEKDAYS.index(g["mewd"])
            add = 1 if g["merel"] == "来月" else 0
            for extra in (0, 1):
                y, mo = divmod(today.month - 1 + add + extra, 12)
                first_next = date(today.year + y + (mo + 1) // 12, (mo + 1) % 12 + 1, 1)
                last = first_next - timedelta(days=1)
                d = last - timedelta(days=(last.weekday() - wdi) % 7)
                if d >= today or g["merel"]:
                    break
            past = d < today
        elif kind in ("anchorweek", "anchorsame"):
            base = anchor or today
            monday = base - timedelta(days=base.weekday())
            if kind == "anchorweek":
                weeks = 0 if g["arel"] in ("同じ週", "同週", "その週") else 1
                d = monday + timedelta(days=7 * weeks + WEEKDAYS.index(g["awd"]))
            else:
                d = base + timedelta(days=7)
            past = d < today
        elif kind == "weeksame":
            if anchor is None:
                self.warn("vague_date", f"{m.group().strip()} without a day before it")
                return [], True
            weeks = 2 if g["wsrel"] == "再来週" else 1
            d = today - timedelta(days=today.weekday()) + timedelta(days=7 * weeks + anchor.weekday())
            past = d < today
        elif kind == "weekrel" or (kind == "weekday" and week_of):
            wd = WEEKDAYS.index(g["wrd"] or g["bwd"])
            rel = g["wrel"] or week_of
            if rel in ("次の", "今度の"):
                d = _next_weekday(today, wd, strictly_after=True)
            else:
                weeks = {"今週": 0, "来週": 1, "次週": 1, "翌週": 1, "再来週": 2}[rel]
                monday = today - timedelta(days=today.weekday())
                d = monday + timedelta(days=7 * weeks + wd)
                past = d < today
                if today.weekday() == 6 and weeks:
                    self.warn("ambiguous_date", f"{rel}{WEEKDAYS[wd]}曜 written on a Sunday")
        elif kind == "weekday":
            d = _next_weekday(today, WEEKDAYS.index(g["bwd"]), strictly_after=True)
        elif kind == "day":
            dy = int(g["dd"])
            base = after or today
            for add in (0, 1, 2):
                y, mo = divmod(base.month - 1 + add, 12)
                cand = _safe_date(base.year + y, mo + 1, dy)
                if cand and cand >= base:
                    d = cand
                    break
        if d is None:
            self.warn("bad_date", m.group().strip())
            return [], True
        if wd and kind not in ("weekrel", "weekday") and WEEKDAYS[d.weekday()] != wd:
            self.warn("weekday_mismatch",
                      f"{d.isoformat()} is {WEEKDAYS[d.weekday()]}曜, written as {wd}曜")
        return [d], past

    def nth_month(self, m: re.Match[str]) -> tuple[int, int]:
        """(year, month) of 「12月の第2…」「来月の第3…」: a month before this one is next year's."""
        if m["nrel"]:
            y, mo = divmod(self.today.month - 1 + {"今月": 0, "来月": 1, "再来月": 2}[m["nrel"]], 12)
            return self.today.year + y, mo + 1
        mo = int(m["nmo"])
        return (self.today.year + (1 if mo < self.today.month else 0)), mo

    def mentions(self) -> list[_Mention]:
        text = self.text
        out: list[_Mention] = []
        last_week_rel: str | None = None
        last_nth_week: tuple[int, int, int] | None = None
        last_nth_month: tuple[int, int] | None = None
        for m in _DATE_RE.finditer(text):
            if out and m.start() < out[-1].end:
                continue                          # inside an annotation we already read: 明後日（10日）
            kind = next(k[2:] for k, v in m.groupdict().items() if k.startswith("k_") and v)
            end = m.end()
            wd = None
            if kind not in ("weekrel", "weekday", "nth"):
                wdm = _WD_RE.match(text, end)
                if wdm:
                    wd, end = wdm["wd"] or wdm["wd2"], wdm.end()
            # 「12月3日、4日、7日」: a bare day continuing a list of dates
            listed = bool(out and out[-1].dates and (_CONNECTOR_ONLY.match(text[out[-1].end:m.start()])
                                                     or _RANGE_ONLY.fullmatch(text[out[-1].end:m.start()])))
            if kind == "day" and not (wd or listed or self._plausible_bare_day(end)):
                continue
            if kind == "weekday" and re.search(r"(?:毎週|毎|隔週|土|日)\s*$", text[max(0, m.start() - 3):m.start()]):
                continue
            if kind == "weekday" and out and out[-1].dates and re.fullmatch(r"[\s、,]*", text[out[-1].end:m.start()]) \
                    and WEEKDAYS[out[-1].dates[0].weekday()] == m["bwd"]:
                continue                          # 「12月8日、火曜日」: the date's weekday, not another day
            week_of = None                          # 「来週の火曜か水曜」: 水曜 is next week too
            joined = bool(out and _CONNECTOR_ONLY.match(text[out[-1].end:m.start()]))
            if kind == "nthc" and not (joined and last_nth_month):
                self.warn("vague_date", f"{m.group().strip()} without a month")
                continue
            nth_week = None                         # 「12月の第2週の火曜日か木曜日」: so is 木曜
            if kind == "weekday" and out and _CONNECTOR_ONLY.match(text[out[-1].end:m.start()]):
                week_of, nth_week = last_week_rel, last_nth_week
            anchor = next((o.dates[0] for o in reversed(out) if o.dates), None)
            dates, past = self.resolve(m, wd, week_of, out[-1].dates[0] if kind == "day" and listed else None,
                                       nth_week, last_nth_month, anchor)
            if kind == "nth":
                last_nth_month = self.nth_month(m)
            elif kind != "nthc":
                last_nth_month = None
            last_week_rel = m["wrel"] if kind == "weekrel" else week_of
            if kind == "nth" and m["nwk"]:
                n = int(m["nn"]) if m["nn"].isdigit() else kanji_number(m["nn"])
                last_nth_week = (*self.nth_month(m), n)
            elif kind != "weekday" or not nth_week:
                last_nth_week = None
            if kind in ("dayrel", "weekday", "weekstart") and not self._asked(end):
                continue
            if kind == "dayrel":
                note = _REL_NOTE.match(text, end)
                if note:
                    end = note.end()
                    d = dates[0] if dates else None
                    if d and (int(note["d1"]) != d.day or (note["m1"] and int(note["m1"]) != d.month)):
                        self.warn("ambiguous_date", f"{m.group()} and {note.group().strip()} disagree")
                        dates, past = [], True
            mention = _Mention(m.start(), end, dates, drop=not dates,
                               relative=kind in ("dayrel", "weekrel", "anchorweek", "anchorsame", "weeksame", "weekstart",
                                                 "monthend"))
            if past and dates and not _BIRTH.search(text[max(0, m.start() - 8):m.start()] + text[end:end + 6]):
                self.warn("past_date", f"{m.group().strip()} -> {dates[0].isoformat()} is before the mail date")
                mention.drop = True
            elif past and dates:
                mention.drop = True                # a birth date: past by nature, nothing to ask back
            out.append(mention)
        return out

    def _asked(self, end: int) -> bool:
        """明日/本日/金曜 are common in prose (「明日から仕事」): a date only with a time, a window
        or a request in the same sentence."""
        clause = _CLAUSE_END.split(self.text[end:end + 60], 1)[0]
        clause = re.sub(r"(?:よろしく|宜しく)\s*(?:お願い|おねがい)", "", clause)   # 「明日はよろしく…」: a greeting
        return bool(_TIME_RE.search(clause) or _WINDOW_RE.search(clause) or _SAME_TIME.search(clause)
                    or _ASKING.search(clause))

    def _plausible_bare_day(self, end: int) -> bool:
        """`3日` alone is a date only with a weekday, a time or an 午前/午後 right after it, or
        picked with a request word (「4日でお願いします」「10日の方が希望です」)."""
        after = self.text[end:end + 12]
        return bool(re.match(r"\s*(?:の|に|、)?\s*(?:午前|午後|正午|\d{1,2}\s*(?:時|:)|同じ時|同時刻)", after)
                    or re.match(r"\s*(?:の方|のほう)?\s*(?:で|が|を)\s*(?:お願い|おねがい|希望|大丈夫|結構|構いません|かまいません"
                                r"|いいです|良いです|伺い|参加)", after))

    def _moved_to_next(self, mentions: list[_Mention], i: int, after: str) -> bool:
        """「12月21日から12月23日に変更」: from this date to the next one, which the change names
        (「…から…の間で」 is a range and stays one)."""
        if i + 1 >= len(mentions) or not re.fullmatch(r"\s*から\s*", after):
            return False
        tail = _CLAUSE_END.split(self.text[mentions[i + 1].end:], 1)[0]
        return bool(re.match(r"[^、。]{0,14}?(?:に|へ)\s*(?:変更|変え|ずら|移)", tail))

    @staticmethod
    def _booked_session(sentence_after: str) -> bool:
        """The date names a session as the topic of news about it, asking for no time."""
        m = _SESSION_TOPIC.match(sentence_after)
        if not m:
            return False
        rest = sentence_after[m.end():]
        if _GREETING_ONLY.match(rest):
            return True
        if _TIME_RE.search(rest) or _WINDOW_RE.search(rest) or _SLOT_ASK.match(rest):
            return False
        return not _SLOT_WISH.search(rest) or bool(_ABOUT_SESSION.search(rest))

    @staticmethod
    def _past_event(sentence_after: str) -> bool:
        """The date's own clause reports something done (送った, 相談させていただいた), with no wish first."""
        clause = re.split(r"[、,]", sentence_after, maxsplit=1)[0]
        m = _PAST_EVENT.search(clause)
        return bool(m and not _WANT.search(clause[:m.start()]))

    # -- times --------------------------------------------------------------------------------
    def _hour(self, h: int, mi: int, ap: str | None, raw: str) -> time | None:
        ap_l = (ap or "").lower().replace(".", "")
        if ap_l in ("午後", "pm"):
            if h < 12:
                h += 12
        elif ap_l in ("午前", "am"):
            if h >= 12:
                self.warn("ambiguous_time", f"{raw.strip()}: 午前 with an afternoon hour")
                return None
        elif h in _AFTERNOON_BARE_HOURS:
            h += 12
        elif h in (6, 7):
            self.warn("ambiguous_time", f"{raw.strip()}: morning or evening?")
            return None
        if not (0 <= h <= 23 and 0 <= mi <= 59):
            self.warn("ambiguous_time", f"{raw.strip()}: not a time of day")
            return None
        return time(h, mi)

    def _time_from(self, m: re.Match[str], inherit_ap: str | None = None) -> time | None:
        if m.group("noon"):
            return time(12, 0)
        ap = m.group("ap") or inherit_ap
        if m.group("h") is not None:
            return self._hour(int(m.group("h")), int(m.group("mi")), ap, m.group())
        mi = 30 if m.group("half") else int(m.group("jm") or 0)
        return self._hour(int(m.group("jh")), mi, ap, m.group())

    def times_in(self, scope: str) -> list[tuple[time | None, time | None]]:
        """Times, spans and windows written in a date's scope, in order."""
        found: list[tuple[int, tuple[time | None, time | None]]] = []
        taken: list[tuple[int, int]] = []
        pos = 0
        for bs in _BARE_SPAN.finditer(scope):      # 13〜15時
            ap = "午後" if re.search(r"午後\s*$", scope[:bs.start()]) else None
            a = self._hour(int(bs["a"]), 0, ap, bs.group())
            b = self._hour(int(bs["b"]), 0, ap, bs.group())
            if a and b and a < b:
                found.append((bs.start(), (a, b)))
                taken.append((bs.start(), bs.end()))
        while True:
            m = _TIME_RE.search(scope, pos)
            if not m:
                break
            pos = m.end()
            if any(s <= m.start() < e for s, e in taken):
                continue
            start = self._time_from(m)
            span_end: time | None = None
            sep = _SPAN_SEP.match(scope, m.end())
            if sep:
                m2 = _TIME_RE.match(scope, sep.end())
                if m2:
                    span_end = self._time_from(m2, inherit_ap=m.group("ap"))
                    pos = m2.end()
            if start is None:
                found.append((m.start(), (None, None)))
                continue
            if span_end is not None and span_end <= start:
                self.warn("ambiguous_time", f"{scope[m.start():pos].strip()}: end before start")
                span_end = None
            found.append((m.start(), (start, span_end)))
            taken.append((m.start(), pos))
        for w in _WINDOW_RE.finditer(scope):
            if found:
                break                              # 「午後、14時頃」: the clock time is the request
            follow = scope[w.end():w.end() + 4]
            if w["win"] in ("午前", "午後", "AM", "PM") and re.match(r"\s*\d", follow):
                continue                           # 午後2時: the hour was read above
            win = w["win"]
            win = {"morning": "午前", "afternoon": "午後"}.get(win.lower(), win)
            if win in ("午前中", "午前", "AM"):
                found.append((w.start(), self.windows["am"]))
            elif win in ("午後", "PM"):
                found.append((w.start(), self.windows["pm"]))
            elif win in ("終日", "一日中"):
                found.append((w.start(), (None, None)))
            else:
                self.warn("ambiguous_time", f"{win}: no clock time")
                found.append((w.start(), (None, None)))
        found.sort(key=lambda x: x[0])
        out: list[tuple[time | None, time | None]] = []
        for _, t in found:
            if t not in out:
                out.append(t)
        return out

    # -- assembling -------------------------------------------------------------------------
    def scope_after(self, mention: _Mention, next_start: int) -> str:
        seg = self.text[mention.end:next_start]
        cut = _CLAUSE_END.search(seg)
        if cut:
            rest = seg[cut.end():]
            seg = seg[:cut.start()]
            if cut.group() == "\n":               # 「12月8日（火）」 / 「午前10時」 on the next line
                lines = [ln for ln in rest.split("\n") if ln.strip()]
                line = lines[0] if lines else ""
                if _TIME_LABEL_ONLY.fullmatch(line) and len(lines) > 1 and _TIME_LINE.match(lines[1]):
                    line = lines[1]                # 「■時間」 / 「午前10時」: the label alone on its line
                label = _TIME_LABEL.match(line)
                other = _BUSY.search(line) or _NOT_REQUEST.search(line) or _OTHER_EVENT.search(line)
                if label or (_TIME_LINE.match(line) and not other
                             and not (_TIME_RE.search(seg) or _WINDOW_RE.search(seg))):
                    seg = seg + " " + line
            elif cut.group() == "。" and not (_TIME_RE.search(seg) or _WINDOW_RE.search(seg)):
                # 「12月3日でも4日でもいいです。10時からでお願いします。」: a sentence of times only
                nxt = _CLAUSE_END.search(rest)
                sentence = rest[:nxt.start()] if nxt else rest
                whole = nxt is not None or next_start == len(self.text)
                if whole and _NEXT_SENTENCE_TIME.match(sentence) and not (
                        _BUSY.search(sentence) or _NOT_REQUEST.search(sentence) or _OTHER_EVENT.search(sentence)):
                    seg = seg + " " + sentence
        unread = _DATEISH.search(seg)
        if unread:
            self.warn("ambiguous_date", f"{unread.group()}: date-like text not read as a date")
            seg = seg[:unread.start()]
        return seg

    def _letter_date(self, mention: _Mention, line_start: int) -> bool:
        """The date of the letter or form: after 送信日/記入日, or alone on its line under 敬具/以上
        or equal to the day the mail was sent (unless a label above makes it a value)."""
        line_end = self.text.find("\n", mention.end)
        line_end = len(self.text) if line_end < 0 else line_end
        prefix = self.text[line_start:mention.start]
        if re.fullmatch(rf"[ \t]*(?:{_DATED_LABEL.pattern})[ \t]*[:：]?[ \t]*", prefix):
            return True                            # 「送信日：2026年11月18日」「記入日 11/18」
        if prefix.strip() or self.text[mention.end:line_end].strip() or mention.relative:
            return False
        if _CLOSING.search(self.text, 0, line_start):
            return True
        above = self.text[:line_start].rstrip().rsplit("\n", 1)[-1]
        return mention.dates == [self.today] and not _LABEL_ABOVE.search(above)

    def sentence_before(self, mention: _Mention, prev_end: int) -> str:
        seg = self.text[prev_end:mention.start]
        parts = _CLAUSE_END.split(seg)
        return parts[-1] if parts else ""

    def read(self) -> list[Requested]:
        mentions = self.mentions()
        text = self.text
        changing = bool(_CHANGE.search(text) or _CANCELLING.search(text) or _NEW_TIME_ASKED.search(text))
        for i, mt in enumerate(mentions):
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            prev_end = mentions[i - 1].end if i else 0
            after = text[mt.end:nxt]
            scope = self.scope_after(mt, nxt)
            before = self.sentence_before(mt, prev_end)
            line_start = text.rfind("\n", 0, mt.start) + 1
            om = _ORDINAL.search(text[line_start:mt.start])
            if om:
                mt.ordinal = int(next(g for g in om.groups() if g))
            sentence_after = _CLAUSE_END.split(after, 1)[0]
            tail = _CLAUSE_END.search(text, mt.end)
            sentence = before + text[mt.start:tail.start() if tail else len(text)]
            if re.fullmatch(r"\s*(?:から|より|〜|-)\s*", after):
                sentence_after = _CLAUSE_END.split(text[mt.end:], 1)[0]   # 「19日から21日までは不在」
            if self._letter_date(mt, line_start):
                self.warn("letter_date", f"{text[mt.start:mt.end].strip()}: the letter's own date")
                mt.drop = True
            elif _EXISTING.search(sentence_after) or _EXISTING_BEFORE.search(before):
                mt.drop, mt.why = True, "booked"
            elif _CHANGE.search(sentence) and re.search(r"(?:を|から|(?<!また)(?<!又)(?<!もしく)(?<!若しく)は)[、,\s]*$", after) \
                    and not re.search(r"(?:に|へ|で)\s*(?:変更|変え|ずら|移)", sentence_after
                                      if not self._moved_to_next(mentions, i, after) else ""):
                mt.drop, mt.why = True, "booked"   # 「XからYに変更」: X is the old booking
            elif self._english_not_wish(before):
                mt.drop, mt.why = True, "event"    # 「I have a job interview on 12/9」 in mixed mail
            elif _UNAVAILABLE.search(sentence_after) or _AVOID_DAY.search(sentence_after):
                mt.drop, mt.why = True, "unavailable"
            elif _OPEN_QUESTION.search(sentence_after):
                mt.drop, mt.why = True, "question"    # asks whether we are open, books nothing
            elif self._fact_question(sentence):
                mt.drop, mt.why = True, "question"    # 「29日から3日まで休みで合っていますか」
            elif _EXCEPT.match(after):
                mt.drop = True                     # 「水曜日以外なら」: the one day not asked for
            elif changing and _TOPIC.match(sentence_after):
                mt.drop, mt.why = True, "booked"   # 「12月2日の相談なんですが、…別の日に」: the booking moved
            elif self._booked_session(sentence_after):
                mt.drop, mt.why = True, "booked"   # 「12月9日のオンライン相談ですが、…同席します」
            elif _DAY_TOPIC.match(after) and _JOIN_NEWS.search(sentence_after) and not _WANT.search(sentence_after):
                mt.drop = True                     # 「12月9日は母が同席します」
            elif _NOT_REQUEST.search(scope) or _NOT_REQUEST.search(re.split(r"[、,]", before)[-1][-8:]):
                mt.drop, mt.why = True, "not_request"
            elif _OTHER_EVENT.search(re.split(r"[、,]", before)[-1][-8:]) \
                    or _OTHER_EVENT.search(re.split(r"[、,]", sentence_after, maxsplit=1)[0]):
                mt.drop, mt.why = True, "event"
            elif self._past_event(sentence_after) or _THANKS.search(sentence):
                mt.drop, mt.why = True, "event"
            elif _RANGE_ONLY.fullmatch(after) and i + 1 < len(mentions):
                pass                               # 「12月3日から5日」: a range, read in expand_ranges
            elif _DEADLINE.match(after) or _START_OF_SOMETHING.match(after) or (_PAST.match(after) and not re.search(_DECIDED, after[:20])):
                ranged = i and _RANGE_ONLY.fullmatch(text[mentions[i - 1].end:mt.start]) and re.match(r"\s*まで", after)
                if not ranged and (re.match(r"\s*(?:〜|から|-)\s*$", after) or re.match(r"\s*(?:以降|以後|まで)", after)):
                    self.warn("ambiguous_date", f"{text[mt.start:mt.end].strip()}: a range or limit, not a time")
                mt.drop, mt.why = True, "range_end" if ranged else ""
            mt.times = self.times_in(scope)
            if not mt.times and _SAME_TIME.search(scope) and i:
                mt.times = list(mentions[i - 1].times)
        # 「年末年始休業：12月30日～1月3日」: the end of a closure or an event is no wish either
        for i in range(1, len(mentions)):
            prev, mt = mentions[i - 1], mentions[i]
            if prev.drop and prev.why in ("not_request", "event") and not mt.drop \
                    and re.fullmatch(r"\s*(?:〜|~|-|から)\s*", text[prev.end:mt.start]):
                mt.drop, mt.why = True, prev.why
        # 「本日12月3日」「明日、12月4日」: a relative day restated is one mention (the later one's context)
        for i in range(len(mentions) - 1):
            mt, nx = mentions[i], mentions[i + 1]
            if mt.relative and mt.dates and re.fullmatch(r"[\s、,の]*", text[mt.end:nx.start]):
                mt.drop = True
                if nx.dates != mt.dates:
                    nx.drop = True
                    self.warn("ambiguous_date", f"{text[mt.start:nx.end].strip()}: the two days disagree")
        self.expand_ranges(mentions)
        # 「12月3日か4日の午後」: dates joined only by a connector share the later one's times, and
        # what the shared clause says of them (「12月3日と5日に予約していますが」 both are booked)
        for i in range(len(mentions) - 2, -1, -1):
            mt, nx = mentions[i], mentions[i + 1]
            if _CONNECTOR_ONLY.match(text[mt.end:nx.start]):
                if not mt.times and nx.times:
                    mt.times = list(nx.times)
                if nx.why and not mt.drop:
                    mt.drop, mt.why = True, nx.why
        kept = [m for m in mentions if not m.drop and m.dates]
        if kept and not any(m.times for m in kept):
            self.time_said_before(mentions[0].start, kept)
        if not mentions and _VAGUE.search(text):
            self.warn("vague_date", _VAGUE.search(text).group() + " without a day")
        if sum(1 for m in kept if m.ordinal is not None) >= 2:
            kept.sort(key=lambda m: (m.ordinal if m.ordinal is not None else 99))
        out: list[Requested] = []
        for mt in kept:
            for d in mt.dates:
                for start, end in (mt.times or [(None, None)]):
                    r = Requested(d, start, end)
                    if r not in out:
                        out.append(r)
        # 「明日の午後に…明日が難しければ明後日の10時」: a day named again without a time is the
        # same wish, not a whole day on top of it
        timed = {r.date for r in out if r.start is not None}
        out = [r for r in out if r.start is not None or r.date not in timed]
        if not kept and changing:
            out = self.time_only_change(mentions)
        return out

    @staticmethod
    def _fact_question(sentence: str) -> bool:
        """A question about a fact of the dates (closure days, whether something is so) that asks
        for no slot: it ends asking, names no time and has no word of a wish or availability."""
        body = sentence.strip()
        if not re.search(r"(?:か|[?？])[。.]?\s*$", body) or _TIME_RE.search(body) or _WINDOW_RE.search(body):
            return False
        return not (_ASKING.search(body) or _SLOT_WISH.search(body) or _WANT.search(body)
                    or re.search(r"いけ|行け|行って|来て|こられ|来られ|よろし|宜し|いい|良い|よい|OK|ok|都合|どう"
                              r"|無理|難し|厳し|だめ|ダメ|駄目|不可|埋ま|満", body))

    @staticmethod
    def _english_not_wish(before: str) -> bool:
        """An English clause right before the date says it is not a wish (an interview, a booking
        being moved from, a deadline, a day ruled out): the English reader's own rules."""
        clause = re.split(r"(?<=[.!?])\s+", before)[-1]
        if not re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{2,}\s*$", clause) or re.search(r"\b(?:to|into|for)\s*$", clause, re.I):
            return False
        return bool(english._EXISTING.search(clause) or english._MOVE_FROM.search(clause)
                    or english._DEADLINE.search(clause) or english._ruled_out(clause))

    def time_said_before(self, first: int, kept: list[_Mention]) -> None:
        """「AM10時ごろから相談できればと思います。日にちは24日か25日を希望します」: one wish
        sentence before the first date that gives only a time applies to every date that has none.
        Not when two such sentences or a busy / booked / past clause make it unclear."""
        found = []
        for sentence in re.split(r"[。!?\n]", self.text[:first]):
            times = self.times_in(sentence) if (_TIME_RE.search(sentence) or _WINDOW_RE.search(sentence)) else []
            if not times:
                continue
            if _BUSY.search(sentence) or _NOT_REQUEST.search(sentence) or _OTHER_EVENT.search(sentence) \
                    or _EXISTING.search(sentence) or _PAST_EVENT.search(sentence) or _UNAVAILABLE.search(sentence) \
                    or not (_ASKING.search(sentence) or _TIME_LABEL.match(sentence)):
                return
            found.append(times)
        if len(found) != 1 or (None, None) in found[0]:
            return
        for mt in kept:
            mt.times = list(found[0])

    def expand_ranges(self, mentions: list[_Mention]) -> None:
        """「12月3日〜5日の午後」「3日から5日までの間」: each day of a short range, at the times
        written after it; a range over a week is not guessed."""
        for mt, nx in zip(mentions, mentions[1:]):
            gap = self.text[mt.end:nx.start]
            if not (mt.dates and nx.dates and not mt.drop):
                continue
            if mt.dates == nx.dates and re.fullmatch(r"[^。\n]{0,12}?(?:〜|-|から)\s*", gap) \
                    and len(mt.times) == len(nx.times) == 1 and mt.times[0][1] is None \
                    and nx.times[0][1] is None and None not in (mt.times[0][0], nx.times[0][0]) \
                    and mt.times[0][0] < nx.times[0][0]:
                mt.times, nx.drop = [(mt.times[0][0], nx.times[0][0])], True   # 「12/3 10:00〜12/3 11:00」
                continue
            if not _RANGE_ONLY.fullmatch(gap):
                continue
            days = (nx.dates[0] - mt.dates[0]).days
            span = self.text[mt.start:nx.end].strip()
            if nx.drop and nx.why != "range_end":
                self.warn("ambiguous_date", f"{span}: a range whose end is not asked for")
                mt.drop = True
                continue
            if not 0 < days <= 6:
                self.warn("ambiguous_date", f"{span}: a range of days too long to list")
                mt.drop = nx.drop = True
                continue
            self.warn("date_range", f"{span} read as each day")
            mt.dates = [mt.dates[0] + timedelta(days=k) for k in range(days)]
            mt.times = mt.times or list(nx.times)
            nx.drop, nx.why = False, ""

    def time_only_change(self, mentions: list[_Mention]) -> list[Requested]:
        """「12月3日に予約している…時間を11時から13時に変更」: the one booked day at the new time.
        Nothing when several days are booked or no new time is asked for."""
        booked = [m for m in mentions if m.why == "booked" and m.dates]
        if len({d for m in booked for d in m.dates}) != 1:
            return []
        pos, day = booked[-1].end, booked[-1].dates[0]
        later = [m.start for m in mentions if m.start >= pos]
        for target in _TO_NEW.finditer(self.text, pos):
            if any(s < target.start() for s in later) or _DONE_AFTER.match(self.text, target.end()):
                continue                           # another date in between; 「変更しました」 is done
            clause = re.split(r"[。!?\n、,]", self.text[pos:target.start()])[-1]
            clause = re.sub(r"から\s*$", "", clause).rsplit("から", 1)[-1]   # 「11時から13時に」: 13時
            times = self.times_in(clause)
            if times and times[-1] != (None, None):
                return [Requested(day, *times[-1])]
        return []


def extract_requested(text: str, ref: datetime,
                      windows: Mapping[str, tuple[time, time]] | None = None
                      ) -> tuple[list[Requested], list[str]]:
    """Times the writer asks to be booked into, in their order, plus warnings.

    `text` is the fresh text (quotes and signature already removed); `ref` is the mail's Date
    (converted to JST; bare dates roll to the next such date on or after it); `windows` maps
    "am"/"pm" to (start, end) for 午前/午後.
    """
    wins = dict(DEFAULT_WINDOWS)
    if windows:
        wins.update(windows)
    norm = _kanji_dates_to_digits(normalize(text))
    norm = "\n".join(line for line in norm.split("\n") if not line.lstrip().startswith(">"))
    reader = _Reader(norm, to_jst_date(ref), wins)
    return reader.read(), reader.warnings
