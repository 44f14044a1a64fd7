"""Regenerate the independent hold-out set: hNNN.eml (CRLF) + labels.json + meta.json.

Why: the public examples are too few and too familiar to tell whether the parser generalises.
These messages are written from scratch (other names, phrasings, clients and encodings) and
labelled by hand following /work/shared/examples/README.md. The output is deterministic, so the
set can be extended by appending to MESSAGES and re-running:

    python tests/data/holdout/make_holdout.py [OUTDIR]   # default: next to this script

Only the standard library is used. Weekdays written in the (unquoted) bodies are checked against
the calendar at generation time, except where a mismatch is the point of the sample.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import quopri
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
JST = dt.timezone(dt.timedelta(hours=9))
OFFICE = "online-soudan@akita-hw.example.jp"
OFFICE_NAME = "ハローワーク秋田"
OFFER_SUBJECT = "【ハローワーク秋田】オンライン職業相談のご予約について"
CONFIRM_SUBJECT = "【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ"
WD = "月火水木金土日"


# -- encoders --------------------------------------------------------------------------------


def _nec_selected(sjis: bytes) -> bytes:
    """IBM extension (0xFA-0xFC lead) -> the NEC-selected duplicate, as CP50220 emits it."""
    if sjis[0] < 0xFA:
        return sjis
    ch = sjis.decode("cp932")
    for lead in (0xED, 0xEE):
        for trail in range(0x40, 0xFD):
            cand = bytes((lead, trail))
            try:
                if cand.decode("cp932") == ch:
                    return cand
            except UnicodeDecodeError:
                continue
    raise ValueError(f"no NEC-selected form for {ch!r}")


def _sjis_to_jis(b: bytes) -> bytes:
    s1, s2 = b
    s1 = (s1 - 0x40 if s1 >= 0xE0 else s1) - 0x81
    row = s1 * 2 + 0x21
    if s2 >= 0x9F:
        return bytes((row + 1, s2 - 0x9F + 0x21))
    return bytes((row, s2 - 0x40 + 0x21 if s2 < 0x7F else s2 - 0x41 + 0x21))


def jis_encode(text: str) -> bytes:
    """ISO-2022-JP the way Windows clients send it (CP50221 family).

    JIS X 0208 characters as usual; cp932 extensions (①, ㈱, 髙, ～, －) through their cp932 code
    converted to JIS rows (IBM extensions as their NEC-selected duplicates); half-width kana as
    ESC ( I.
    """
    out = bytearray()
    mode = "ascii"

    def switch(m: str) -> None:
        nonlocal mode
        if m != mode:
            out.extend({"ascii": b"\x1b(B", "jis": b"\x1b$B", "kana": b"\x1b(I"}[m])
            mode = m

    for ch in text:
        if ord(ch) < 0x80:
            switch("ascii")
            out.extend(ch.encode("ascii"))
        elif 0xFF61 <= ord(ch) <= 0xFF9F:
            switch("kana")
            out.append(ord(ch) - 0xFF61 + 0x21)
        else:
            try:
                enc = ch.encode("iso2022_jp")
                if len(enc) != 8:
                    raise UnicodeError
                pair = enc[3:5]
            except UnicodeError:
                pair = _sjis_to_jis(_nec_selected(ch.encode("cp932")))
            switch("jis")
            out.extend(pair)
    switch("ascii")
    return bytes(out)


def _check_sjis_to_jis() -> None:
    for ch in "亜あア漢字秋田熙腕弌":
        assert _sjis_to_jis(ch.encode("cp932")) == ch.encode("iso2022_jp")[3:5], ch


def encode_body(text: str, charset: str) -> bytes:
    if charset == "iso-2022-jp":
        return b"\r\n".join(jis_encode(line) for line in text.split("\n"))
    if charset in ("shift_jis", "cp932"):
        return text.replace("\n", "\r\n").encode("cp932")
    return text.replace("\n", "\r\n").encode("utf-8")


def cte_encode(raw: bytes, cte: str) -> bytes:
    if cte in ("7bit", "8bit"):
        return raw
    if cte == "base64":
        b = base64.b64encode(raw)
        return b"\r\n".join(b[i:i + 76] for i in range(0, len(b), 76))
    if cte == "quoted-printable":
        lf = raw.replace(b"\r\n", b"\n")
        return quopri.encodestring(lf).replace(b"\n", b"\r\n")
    raise ValueError(cte)


def encoded_words(text: str, charset: str) -> str:
    """MIME-encode a header value (ASCII prefix like 'Re: ' kept readable), folded per word."""
    m = re.match(r"^((?:(?:Re|RE|Fw|FW|Fwd):\s*)*)(.*)$", text)
    prefix, rest = m.group(1), m.group(2)
    if all(ord(c) < 0x80 for c in rest):
        return text
    words = []
    step = 12 if charset != "UTF-8" else 14
    for i in range(0, len(rest), step):
        chunk = rest[i:i + step]
        if charset == "ISO-2022-JP":
            raw = jis_encode(chunk)
        elif charset == "Shift_JIS":
            raw = chunk.encode("cp932")
        else:
            raw = chunk.encode("utf-8")
        words.append(f"=?{charset}?B?{base64.b64encode(raw).decode()}?=")
    return prefix + "\r\n ".join(words)


def addr(display: str | None, address: str, charset: str) -> str:
    if not display:
        return address
    if all(ord(c) < 0x80 for c in display):
        return f'"{display}" <{address}>' if " " in display else f"{display} <{address}>"
    return f"{encoded_words(display, charset)} <{address}>"


def html_of(text: str, style: str = "div") -> str:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    esc = esc.replace("&amp;nbsp;", "&nbsp;")
    if style == "div":
        return "".join(f"<div>{ln if ln else '<br>'}</div>" for ln in esc.split("\n"))
    return "<br>".join(esc.split("\n"))


# -- office mail that seekers quote ----------------------------------------------------------


def slot(d: dt.date, start: str, end: str) -> str:
    s = start.lstrip("0") if start.startswith("0") else start
    return f"{d.year}年{d.month}月{d.day}日({WD[d.weekday()]}) {s}〜{end}"


def offer_text(name: str, slots: list[tuple[dt.date, str, str]]) -> str:
    lines = [f"{name} 様", "", "ハローワーク秋田 オンライン職業相談担当です。",
             "このたびはオンライン職業相談をお申し込みいただき、ありがとうございます。", "",
             "ご希望をもとに、次の日時でご予約をお取りできます。", ""]
    lines += [f"{i}. {slot(*s)}" for i, s in enumerate(slots, 1)]
    lines += ["", "ご希望の番号を、このメールへの返信でお知らせください。",
              "添付の「オンライン職業相談 利用規約」をご確認ください。",
              "ご返信いただいた時点で利用規約に同意されたものとし、予約を確定いたします。", "",
              "※相談時間は1回50分です（平日 9:00〜17:00）。",
              "※キャンセル・日時の変更も、このメールへの返信でご連絡ください。", ""] + SIGNATURE
    return "\n".join(lines)


def confirm_text(name: str, when: tuple[dt.date, str, str], ref: str) -> str:
    lines = [f"{name} 様", "", "ハローワーク秋田 オンライン職業相談担当です。",
             "次の日時でご予約が確定しました。", "",
             f"日時：{slot(*when)}", f"予約番号：{ref}",
             "接続先：https://teleoffice.example.jp/join/" + hashlib.sha1(ref.encode()).hexdigest()[:10],
             "", "当日は開始5分前までに接続をお願いします。",
             "※キャンセル・日時の変更は、このメールへの返信でご連絡ください。", ""] + SIGNATURE
    return "\n".join(lines)


SIGNATURE = ["━━━━━━━━━━━━━━━━━━━━━━━━", "ハローワーク秋田（秋田公共職業安定所）",
             "職業相談部門　オンライン職業相談担当", "TEL：018-860-0000（平日 8:30〜17:15）",
             f"E-mail：{OFFICE}", "━━━━━━━━━━━━━━━━━━━━━━━━"]


def _gt(text: str) -> str:
    return "\n".join(("> " + ln) if ln else ">" for ln in text.split("\n"))


def quote(style: str, sent: dt.datetime, text: str, to: str, subject: str) -> str:
    """The quoted part of a reply, in the given client's style."""
    w = WD[sent.weekday()]
    y, mo, d, hh, mm = sent.year, sent.month, sent.day, sent.hour, sent.minute
    if style == "gmail":
        return f"{y}年{mo}月{d}日({w}) {hh}:{mm:02d} {OFFICE_NAME} <{OFFICE}>:\n\n{_gt(text)}"
    if style == "gmail_wrapped":
        return f"{y}年{mo}月{d}日({w}) {hh}:{mm:02d} {OFFICE_NAME} <\n{OFFICE}>:\n\n{_gt(text)}"
    if style == "gmail_en":
        en = sent.strftime("%a, %b ") + f"{d}, {y} at " + sent.strftime("%I:%M %p").lstrip("0")
        return f"On {en} {OFFICE_NAME} <{OFFICE}> wrote:\n\n{_gt(text)}"
    if style == "yahoo_en":
        en = sent.strftime("%A, %B ") + f"{d}, {y} at " + sent.strftime("%I:%M:%S %p").lstrip("0")
        return f"On {en} GMT+9, {OFFICE_NAME} <{OFFICE}> wrote:\n\n{_gt(text)}"
    if style == "iphone":
        return f"{y}/{mo:02d}/{d:02d} {hh}:{mm:02d}、{OFFICE_NAME} <{OFFICE}>のメール:\n\n{_gt(text)}"
    if style == "thunderbird":
        return f"{y}/{mo:02d}/{d:02d} {hh}:{mm:02d} に {OFFICE_NAME} さんは書きました:\n{_gt(text)}"
    if style == "becky":
        return (f"On {sent.strftime('%a, %d %b %Y %H:%M:%S')} +0900\n"
                f"{OFFICE_NAME} <{OFFICE}> wrote:\n{_gt(text)}")
    if style == "outlook_ja_rule":
        return ("________________________________\n"
                f"差出人: {OFFICE_NAME} <{OFFICE}>\n送信日時: {y}年{mo}月{d}日 {hh}:{mm:02d}\n"
                f"宛先: {to} <{to}>\n件名: {subject}\n\n{text}")
    if style == "outlook_ja_plain":
        return (f"差出人: {OFFICE_NAME} <{OFFICE}>\n送信日時: {y}年{mo}月{d}日({w}) {hh}:{mm:02d}\n"
                f"宛先: {to}\n件名: {subject}\n\n{text}")
    if style == "outlook_original":
        en = sent.strftime("%A, %B ") + f"{d}, {y} " + sent.strftime("%I:%M %p").lstrip("0")
        return (f"-----Original Message-----\nFrom: {OFFICE_NAME} [mailto:{OFFICE}]\n"
                f"Sent: {en}\nTo: {to}\nSubject: {subject}\n\n{text}")
    if style == "carrier_original":
        return (f"----- Original Message -----\nFrom: {OFFICE_NAME} <{OFFICE}>\nTo: {to}\n"
                f"Date: {sent.strftime('%a, %d %b %Y %H:%M:%S')} +0900\nSubject: {subject}\n\n{_gt(text)}")
    if style == "android_ja":
        return (f"-------- 元のメッセージ --------\n差出人: {OFFICE_NAME} <{OFFICE}>\n"
                f"日付: {y}/{mo:02d}/{d:02d} {hh}:{mm:02d} (GMT+09:00)\n宛先: {to}\n件名: {subject}\n\n{text}")
    if style == "plain_gt":
        return _gt(text)
    raise ValueError(style)


# -- message model ---------------------------------------------------------------------------

CLIENT_HEADERS = {
    "outlook": [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ja")],
    "outlook_new": [("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", ""), ("Content-Language", "ja-JP")],
    "thunderbird": [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ja")],
    "becky": [("X-Mailer", "Becky! ver. 2.81.05 [ja]")],
    "gmail": [],
    "iphone": [("X-Mailer", "iPhone Mail (22B91)")],
    "android": [("User-Agent", "Android")],
    "docomo": [("X-Mailer", "docomo mail")],
    "au": [("X-Mailer", "au one mail")],
    "softbank": [("X-Mailer", "SoftBank Mail App")],
    "yahoo": [("X-Mailer", "YahooMailWebService/0.8.123")],
    "wlmail": [("X-Mailer", "Microsoft Windows Live Mail 16.4.3528.331")],
    "webmail": [("User-Agent", "Roundcube Webmail/1.6.9")],
    "bulk": [],
    "mta": [],
    "none": [],
}


@dataclass
class Msg:
    date: tuple  # (y, m, d, H, M, S) in JST unless tz given
    sender: tuple[str | None, str]
    subject: str
    body: str
    label: dict
    note: str
    client: str = "thunderbird"
    charset: str = "UTF-8"  # header charset; body charset follows `enc`
    enc: str = "utf-8"  # iso-2022-jp | shift_jis | utf-8
    cte: str = "base64"
    structure: str = "plain"  # plain | html | alt | mixed | report
    reply: tuple | None = None  # (style, sent (y,m,d,H,M), kind 'offer'|'confirm', payload)
    headers: list = field(default_factory=list)
    tz: int = 9
    charset_label: str | None = None  # the charset parameter as written (e.g. Shift_JIS for cp932)
    html_style: str = "div"
    attachment: tuple | None = None  # (filename, content-type, bytes)
    report: dict | None = None
    wrong_weekday: bool = False  # the body states a wrong weekday on purpose


def R(date: str, start: str | None = None, end: str | None = None) -> dict:
    return {"date": date, "start": start, "end": end}


def L(intent: str, name=None, seeker=None, email=None, phone=None, requested=(), choice=None,
      attendant=None) -> dict:
    return {"intent": intent, "name": name, "seeker_number": seeker, "email": email, "phone": phone,
            "requested": list(requested), "choice": choice, "attendant": attendant}


def D(y, m, d) -> dt.date:
    return dt.date(y, m, d)


# -- the messages (numbered by Date on output) -----------------------------------------------------------

MESSAGES: list[Msg] = []


def add(**kw) -> None:
    MESSAGES.append(Msg(**kw))


add(date=(2026, 11, 16, 8, 41, 12), sender=("山﨑 健一", "k.yamasaki@example.jp"), client="outlook",
    subject="オンライン職業相談 予約申込", enc="utf-8", cte="quoted-printable",
    body="""ハローワーク秋田
オンライン職業相談 ご担当者様

お世話になります。
オンライン職業相談の予約を申し込みます。

【氏名】山﨑 健一（やまさき けんいち）
【求職番号】05010 44120987
【第1希望】11月19日（木）10:00～11:00
【第2希望】11月20日（金）14:00-15:00
【電話】自宅 018-823-4410／携帯 090-1122-3344（日中は携帯にお願いします）

よろしくお願いいたします。
""",
    label=L("book", "山﨑 健一", "05010-44120987", "k.yamasaki@example.jp", "090-1122-3344",
            [R("2026-11-19", "10:00", "11:00"), R("2026-11-20", "14:00", "15:00")]),
    note="【】labels; 﨑 (IBM ext) in UTF-8; seeker number split by space; ～ and ASCII hyphen spans; "
         "home + mobile, says to use mobile")

add(date=(2026, 11, 16, 12, 0, 0), sender=("ジョブカフェあきた", "news@jobcafe-akita.example.jp"),
    client="bulk", subject="ジョブカフェあきた通信 Vol.48（12月のセミナー情報）",
    headers=[("List-Id", "ジョブカフェあきた通信 <news.jobcafe-akita.example.jp>"),
             ("List-Unsubscribe", "<https://jobcafe-akita.example.jp/news/unsubscribe?u=8812>"),
             ("Precedence", "list")],
    body="""■■ ジョブカフェあきた通信 Vol.48 ■■

いつもご利用ありがとうございます。
12月のセミナー・イベント情報をお届けします。

◆ 面接対策セミナー
　日時：12月2日（水）13:30〜15:30
　場所：ジョブカフェあきた セミナールーム
　定員：15名（先着順）

◆ 個別キャリア相談会
　日時：12月9日（水）10:00〜16:00（お一人様50分）
　ご予約はWebフォームから受け付けています。

◆ 年末年始の休館
　12月29日（火）〜1月3日（日）は休館します。

配信停止はこちら：https://jobcafe-akita.example.jp/news/unsubscribe
""",
    label=L("automated", email="news@jobcafe-akita.example.jp"),
    note="newsletter, List-Id + Precedence: list, UTF-8 base64; seminar dates are not requests")

add(date=(2026, 11, 16, 19, 32, 40), sender=("髙橋 優", "Yu.Takahashi@example.ne.jp"), client="outlook",
    subject="オンライン職業相談の申込について", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    charset_label="iso-2022-jp",
    body="""ハローワーク秋田 ご担当者様

お世話になっております。髙橋と申します。
オンラインでの職業相談を希望いたします。

氏名：髙橋 優
求職番号：05020-61145508
希望日時：
①11月24日（火）午後３時半
②11月26日（木）午前10時半
電話：0185-52-3371
メール：yu.takahashi@example.ne.jp

以上です。よろしくお願いいたします。
""",
    label=L("book", "髙橋 優", "05020-61145508", "yu.takahashi@example.ne.jp", "0185-52-3371",
            [R("2026-11-24", "15:30"), R("2026-11-26", "10:30")]),
    note="CP50220: 髙 and ①② inside ISO-2022-JP body and From; 午後３時半; 4-digit area code landline")

add(date=(2026, 11, 17, 7, 5, 3), sender=(None, "miyuki-k.0214@docomo.example.ne.jp"), client="docomo",
    subject="予約", charset="Shift_JIS", enc="shift_jis", cte="8bit", charset_label="Shift_JIS",
    body="""相談の予約お願いします
鎌田みゆき
求職番号0503012987654
あさって午後いけます
09087651234
""",
    label=L("book", "鎌田みゆき", "05030-12987654", "miyuki-k.0214@docomo.example.ne.jp", "09087651234",
            [R("2026-11-19", "13:00", "17:00")]),
    note="phone-typed, no labels, no greeting; あさって (hiragana 明後日) from Tue 11/17; seeker number "
         "without separator; bare name line")

add(date=(2026, 11, 17, 10, 20, 55), sender=("土田 雅之", "m.tsuchida@example.com"), client="thunderbird",
    subject="オンライン相談と失業認定について", enc="utf-8", cte="8bit",
    body="""ハローワーク秋田 ご担当者様

土田と申します。いつもお世話になっております。
予約の前に確認させてください。

オンライン職業相談を受けた場合、失業認定の求職活動実績になりますか？
次回の認定日は12月8日（火）です。
雇用保険被保険者番号は 3801-264519-7 です（必要であれば）。

また、相談の記録は窓口でも確認してもらえるのでしょうか。

お手数ですがよろしくお願いします。

--
土田 雅之
携帯 080-4412-7789
""",
    label=L("question", "土田 雅之", None, "m.tsuchida@example.com", "080-4412-7789"),
    note="question; 認定日 date not requested; 雇用保険被保険者番号 is not a seeker number; phone only "
         "in signature")

add(date=(2026, 11, 17, 14, 10, 31), sender=("小笠原千尋", "chihiro.ogasawara@gmail.example.com"),
    client="gmail", subject="相談のお願い", enc="utf-8", cte="base64",
    body="""ハローワーク秋田の担当の方へ

はじめまして、小笠原千尋と申します。長文になってしまったらすみません。
先月末（10月30日）で前の職場を退職しまして、今は求職中です。
実は今、1社応募していて、11月25日に面接が予定されているのですが、
それとは別に、今後の方向性についてきちんと相談したいと思うようになりました。
前職は事務職でしたが、医療事務の資格を取るかどうかも迷っていて…
窓口に行くのが少し気が引けるので、オンラインで相談できるならありがたいです。

日程は、来週の木曜日の午後2時はいかがでしょうか。
もし難しければ27日の同じ時間でも大丈夫です。

求職番号は０５０１０－３３２１８８７６です。
どうぞよろしくお願いいたします。

小笠原千尋
TEL: +81-80-3344-5566
""",
    label=L("book", "小笠原千尋", "05010-33218876", "chihiro.ogasawara@gmail.example.com", "080-3344-5566",
            [R("2026-11-26", "14:00"), R("2026-11-27", "14:00")]),
    note="long rambling prose; interview and past dates are not requests; 来週の木曜 from Tue 11/17; "
         "同じ時間; full-width seeker number; +81 phone in signature; name without space")

add(date=(2026, 11, 18, 9, 0, 4), sender=("日野 和彦", "k.hino@example.co.jp"), client="outlook",
    subject="自動応答: " + OFFER_SUBJECT, charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    charset_label="iso-2022-jp",
    headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
    reply=None,
    body="""いつもお世話になっております。
申し訳ございませんが、11月18日（水）から11月24日（火）まで休暇をいただいております。
11月25日（水）より順次対応いたします。

I am out of the office until November 24 with limited access to email.
""",
    label=L("automated", email="k.hino@example.co.jp"),
    note="Outlook vacation auto-reply (Auto-Submitted), Japanese and English; dates not requested")

add(date=(2026, 11, 18, 11, 30, 22), sender=("沼田 恭平", "kyohei.numata@gmail.example.com"), client="gmail",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="base64",
    reply=("gmail_wrapped", (2026, 11, 17, 16, 45), "offer",
           ("沼田 恭平", [(D(2026, 11, 24), "10:00", "10:50"), (D(2026, 11, 25), "14:00", "14:50"),
                         (D(2026, 11, 27), "11:00", "11:50")])),
    body="""ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。沼田です。
２番でお願いいたします。
規約も確認しました。

沼田 恭平
""",
    label=L("confirm", "沼田 恭平", None, "kyohei.numata@gmail.example.com", choice=2),
    note="Gmail ja reply header wrapped over two lines before <address>; full-width ２番")

add(date=(2026, 11, 18, 20, 45, 9), sender=(None, "kikuchi-haha@au.example.ne.jp"), client="au",
    subject="息子の相談予約をお願いします", enc="utf-8", cte="8bit",
    body="""ハローワーク秋田様

夜分に失礼します。菊地と申します。
息子の菊地 蓮（20歳）のオンライン相談をお願いしたくて、母親の私がメールしています。
本人は人と話すのが苦手なので、当日は私も一緒に画面の前に座らせてください。

希望は十一月三十日（月）の午前中です。
求職番号 05040-22318804

連絡は私の携帯080-9911-2030にお願いします。
よろしくお願いします。
""",
    label=L("book", "菊地 蓮", "05040-22318804", "kikuchi-haha@au.example.ne.jp", "080-9911-2030",
            [R("2026-11-30", "09:00", "12:00")], attendant="other"),
    note="mother writes for her son and joins (other); 漢数字 十一月三十日 午前中; phone is the mother's "
         "stated contact; au carrier UTF-8 8bit")

add(date=(2026, 11, 19, 8, 15, 47), sender=("長谷部 瞳", "hitomi.hasebe@example.jp"), client="outlook",
    subject="予約の取り消しについて", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    charset_label="iso-2022-jp",
    body="""ハローワーク秋田　オンライン職業相談ご担当者様

いつもお世話になっております。長谷部です。
11月26日（木）10時から予約しておりました相談ですが、
家族の通院に付き添うことになり、都合がつかなくなりました。
大変申し訳ございませんが、予約を取り消していただけますでしょうか。

受付番号：R-1126-03

長谷部 瞳
""",
    label=L("cancel", "長谷部 瞳", None, "hitomi.hasebe@example.jp"),
    note="取り消し with the booked date and a 受付番号 (not a seeker number); 付き添う is not an attendant")

add(date=(2026, 11, 19, 12, 40, 0), sender=("TeleOffice", "no-reply@teleoffice.example.com"), client="bulk",
    subject="【TeleOffice】会議室の予約が完了しました", enc="utf-8", cte="quoted-printable",
    body="""online-soudan 様

TeleOffice をご利用いただきありがとうございます。
以下の会議室の予約が完了しました。

会議室名：職業相談ルーム3
日時：2026年12月1日（火）10:00〜10:50
参加URL：https://teleoffice.example.com/r/8k2Lq

このメールは送信専用アドレスから送信されています。返信はできません。
""",
    label=L("automated", email="no-reply@teleoffice.example.com"),
    note="no-reply system notification without List/Auto-Submitted headers; its date is not a request")

add(date=(2026, 11, 19, 18, 2, 13), sender=("Maria Santos", "maria.santos.br@example.com"), client="webmail",
    subject="オンライン相談の予約", enc="utf-8", cte="quoted-printable", structure="html",
    body="""ハローワーク秋田 ご担当者様

マリア サントスです。ブラジル出身です。
オンラインで職業相談をお願いしたいです。

・求職番号：05010-77231456
・希望日：12/3(木) 13:00~14:00
・電話：050-5533-2190

日本語がまだ上手ではないので、ポルトガル語の通訳（支援団体の方）が一緒に参加します。
よろしくお願いします。

Maria Santos
""",
    label=L("book", "マリア サントス", "05010-77231456", "maria.santos.br@example.com", "050-5533-2190",
            [R("2026-12-03", "13:00", "14:00")], attendant="interpreter"),
    note="HTML only (div per line), katakana foreign name, ASCII ~ span, 050 IP phone, interpreter joins")

add(date=(2026, 11, 20, 9, 10, 51), sender=("大塚 真央", "mao.otsuka@icloud.example.com"), client="iphone",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="quoted-printable", structure="alt",
    reply=("iphone", (2026, 11, 19, 17, 5), "offer",
           ("大塚 真央", [(D(2026, 11, 25), "9:00", "9:50"), (D(2026, 11, 26), "15:00", "15:50"),
                         (D(2026, 12, 1), "13:00", "13:50")])),
    body="""ハローワーク秋田 ご担当者様

③でお願いします。
利用規約にも同意します。

大塚 真央

iPhoneから送信
""",
    label=L("confirm", "大塚 真央", None, "mao.otsuka@icloud.example.com", choice=3),
    note="iPhone multipart/alternative QP, のメール: reply header; ③")

add(date=(2026, 11, 20, 13, 0, 27), sender=("根岸 智也", "tomoya.negishi@example.ne.jp"), client="thunderbird",
    subject="Re: " + CONFIRM_SUBJECT, charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    reply=("thunderbird", (2026, 11, 18, 10, 30), "confirm",
           ("根岸 智也", (D(2026, 11, 27), "13:00", "13:50"), "HW-20261127-05")),
    body="""ハローワーク秋田 ご担当者様

お世話になっております。根岸です。
11/27(金) 13:00からの予約についてですが、
急きょ面接が入ってしまったため、日程を変更させていただけないでしょうか。
12/1(火)の10:00～10:50が空いていれば、そちらでお願いしたいです。

根岸 智也
""",
    label=L("reschedule", "根岸 智也", None, "tomoya.negishi@example.ne.jp",
            requested=[R("2026-12-01", "10:00", "10:50")]),
    note="reschedule: old slot stated, new span given; Thunderbird さんは書きました quoting the confirmation")

_BOUNCE_ORIG = offer_text("桜庭 翔", [(D(2026, 11, 27), "15:00", "15:50"), (D(2026, 11, 30), "10:00", "10:50")])
add(date=(2026, 11, 20, 16, 30, 8), sender=("Mail Administrator", "postmaster@mail.example.ne.jp"),
    client="mta", subject="配信不能のお知らせ (Returned mail: see transcript for details)",
    charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit", structure="report",
    report={"recipient": "sho.sakuraba@example.ne.jp", "orig": _BOUNCE_ORIG, "headers_only": True},
    body="""このメールは、メールサーバーから自動的に送信されています。

お客様が送信されたメールは、以下の宛先に配信できませんでした。
宛先のメールアドレスに誤りがないかご確認ください。

  宛先: sho.sakuraba@example.ne.jp
  理由: 宛先のメールボックスが存在しません (550 5.1.1 User unknown)
""",
    label=L("automated", email="postmaster@mail.example.ne.jp"),
    note="ISP bounce multipart/report with Japanese ISO-2022-JP notice and text/rfc822-headers; "
         "no Auto-Submitted header; sender postmaster")

add(date=(2026, 11, 21, 10, 5, 44), sender=(None, "hinata.kudo@i.softbank.example.jp"), client="softbank",
    subject="予約したいです", enc="utf-8", cte="base64",
    body="""はじめまして
工藤ひなたといいます
オンライン相談の予約をしたいです
１２月２日（水）１４時～１５時で空いてますか？
就労支援センターの担当さんも一緒に参加する予定です
電話 ０８０－２２３３－４４５５
""",
    label=L("book", "工藤ひなた", None, "hinata.kudo@i.softbank.example.jp", "080-2233-4455",
            [R("2026-12-02", "14:00", "15:00")], attendant="other"),
    note="carrier short mail, full-width digits and hyphens everywhere; といいます; support-centre staff joins")

add(date=(2026, 11, 22, 21, 30, 15), sender=("佐藤 瑞穂", "mizuho.sato@example.jp"), client="wlmail",
    subject="オンライン職業相談の予約申し込み", charset="Shift_JIS", enc="shift_jis", cte="base64",
    charset_label="shift_jis",
    body="""ハローワーク秋田　御中

お世話になります。佐藤と申します。
下記のとおり、オンライン職業相談を申し込みます。

　氏名　　　佐藤　瑞穂（さとう　みずほ）
　求職番号　05020-11884432
　第一希望　令和８年１２月４日（金）午前
　第二希望　R8/12/7(月) 15時
　電話　　　018-866-0192

以上、よろしくお願いいたします。
""",
    label=L("book", "佐藤 瑞穂", "05020-11884432", "mizuho.sato@example.jp", "018-866-0192",
            [R("2026-12-04", "09:00", "12:00"), R("2026-12-07", "15:00")]),
    note="Shift_JIS base64; 令和８年 with full-width digits; R8/12/7; 第一希望 in kanji; full-width spaces "
         "as label padding and inside the name")

add(date=(2026, 11, 23, 9, 30, 2), sender=("石井 颯", "hayate.ishii@yahoo.example.co.jp"), client="yahoo",
    subject="相談の予約", enc="utf-8", cte="quoted-printable",
    body="""ハローワーク秋田 ご担当者様

石井颯です。祝日にすみません。
明日の午後1時からオンライン相談を受けられますか？

雇用保険被保険者番号：5012-345678-9
（求職番号は、すみませんが控えを無くしてしまいました）
携帯：070-1188-2299

よろしくお願いします。
""",
    label=L("book", "石井颯", None, "hayate.ishii@yahoo.example.co.jp", "070-1188-2299",
            [R("2026-11-24", "13:00")]),
    note="sent on the holiday 11/23; 明日の午後1時; 雇用保険 number is not a seeker number")

add(date=(2026, 11, 23, 15, 0, 31), sender=("工藤 雅人", "m.kudo-sales@example.co.jp"), client="outlook",
    subject="【不在通知】工藤は出張中です", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    charset_label="iso-2022-jp",
    body="""メールありがとうございます。

ただいま出張のため不在にしております。
11月30日（月）に戻り次第、ご連絡いたします。
お急ぎの場合は、営業部までご連絡ください。
""",
    label=L("automated", email="m.kudo-sales@example.co.jp"),
    note="不在 notice without any auto-reply header (text and subject only)")

add(date=(2026, 11, 24, 8, 0, 19), sender=("小田嶋 亜希子", "akiko.odashima@example.com"), client="outlook_new",
    subject="RE: " + OFFER_SUBJECT, enc="utf-8", cte="base64",
    reply=("outlook_ja_plain", (2026, 11, 20, 15, 10), "offer",
           ("小田嶋 亜希子", [(D(2026, 12, 1), "10:00", "10:50"), (D(2026, 12, 2), "14:00", "14:50")])),
    body="""ハローワーク秋田
ご担当者様

お世話になっております。小田嶋です。
ご提示いただいた日程のうち、「1」でお願いいたします。
利用規約についても承知いたしました。

小田嶋 亜希子
""",
    label=L("confirm", "小田嶋 亜希子", None, "akiko.odashima@example.com", choice=1),
    note="Outlook 差出人/送信日時 block without a rule line; 「1」で")

add(date=(2026, 11, 24, 11, 45, 37), sender=("及川 大和", "yamato.oikawa@example.ne.jp"), client="android",
    subject="オンライン職業相談", enc="utf-8", cte="8bit",
    body="""ハローワーク秋田 ご担当者様

及川大和と申します。
再来週の月曜日、午前10時からオンライン職業相談をお願いできますか。
求職番号は0501099887766です。
電話番号：080-5566-7788

よろしくお願いいたします。
""",
    label=L("book", "及川大和", "05010-99887766", "yamato.oikawa@example.ne.jp", "080-5566-7788",
            [R("2026-12-07", "10:00")]),
    note="再来週の月曜 from Tue 11/24; seeker number without separator")

add(date=(2026, 11, 24, 19, 20, 3), sender=("森田 彩乃", "ayano.morita@icloud.example.com"), client="iphone",
    subject="質問です", enc="utf-8", cte="base64",
    body="""ハローワーク秋田さま

森田と申します。オンラインの職業相談について質問させてください。
年末（12月後半）でも予約はできますか？
また、1回の相談時間はどのくらいでしょうか。
予約するかどうかは、お返事をいただいてから決めたいと思います。

森田 彩乃

iPhoneから送信
""",
    label=L("question", "森田 彩乃", None, "ayano.morita@icloud.example.com"),
    note="question about availability; 12月後半 is not a request")

add(date=(2026, 11, 25, 10, 10, 58), sender=("三上 悠人", "yuto.mikami@example.jp"), client="thunderbird",
    subject="Re: " + OFFER_SUBJECT, charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    reply=("thunderbird", (2026, 11, 24, 14, 0), "offer",
           ("三上 悠人", [(D(2026, 11, 30), "13:00", "13:50"), (D(2026, 12, 2), "10:00", "10:50"),
                         (D(2026, 12, 3), "15:00", "15:50")])),
    body="""ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
二番目の日程でお願いします。
当日は母が同席します。よろしくお願いします。

三上 悠人
""",
    label=L("confirm", "三上 悠人", None, "yuto.mikami@example.jp", choice=2, attendant="other"),
    note="二番目の日程; family member joins on a confirm")

add(date=(2026, 11, 25, 14, 30, 11), sender=("ギフト事務局", "campaign@gift-present.example.biz"), client="bulk",
    subject="【当選のお知らせ】Amazonギフト券5万円分が当たりました", enc="utf-8", cte="quoted-printable",
    body="""おめでとうございます！

あなたのメールアドレスが厳正なる抽選の結果、
Amazonギフト券50,000円分の当選者に選ばれました。

受け取り期限：11月30日（月）23:59まで
▼今すぐ受け取る▼
http://gift-present.example.biz/receive?id=55120

※期限を過ぎると無効になります。
""",
    label=L("other", email="campaign@gift-present.example.biz"),
    note="spam (prize scam) -> other")

add(date=(2026, 11, 25, 17, 50, 36), sender=("ﾉﾑﾗ ｱｷﾗ", "a.nomura@example.ne.jp"), client="wlmail",
    subject="ｵﾝﾗｲﾝ相談の予約", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    body="""ハローワーク秋田 御中

いつもお世話になります。野村と申します。

氏名：野村 晃（ﾉﾑﾗ ｱｷﾗ）
求職番号：05030-66120934
希望：12月1日(火) 午後2時〜4時のあいだ
TEL：0187-63-1207

ﾖﾛｼｸｵﾈｶﾞｲｼﾏｽ
""",
    label=L("book", "野村 晃", "05030-66120934", "a.nomura@example.ne.jp", "0187-63-1207",
            [R("2026-12-01", "14:00", "16:00")]),
    note="half-width kana via ESC ( I in body, From and Subject; 午後2時〜4時 (午後 carries to 4時)")

add(date=(2026, 11, 26, 8, 30, 42), sender=(None, "t-fujiwara55@docomo.example.ne.jp"), client="docomo",
    subject="Re:" + OFFER_SUBJECT, charset="Shift_JIS", enc="shift_jis", cte="8bit", charset_label="Shift_JIS",
    reply=("carrier_original", (2026, 11, 25, 16, 0), "offer",
           ("藤原 拓海", [(D(2026, 12, 1), "9:00", "9:50"), (D(2026, 12, 2), "11:00", "11:50"),
                         (D(2026, 12, 4), "14:00", "14:50")])),
    body="""3
""",
    label=L("confirm", None, None, "t-fujiwara55@docomo.example.ne.jp", choice=3),
    note="bare '3' on its own line; carrier ----- Original Message ----- with > quote; name only in quote")

add(date=(2026, 11, 26, 12, 15, 20), sender=(None, "minato.f@ezweb.example.ne.jp"), client="au",
    subject="日にちの変更", charset="Shift_JIS", enc="shift_jis", cte="8bit", charset_label="Shift_JIS",
    body="""藤原湊です
12月2日の相談なんですが、その日バイトが入ってしまいました
別の日にしてもらえますか？
都合のいい日はまた連絡します
""",
    label=L("reschedule", "藤原湊", None, "minato.f@ezweb.example.ne.jp"),
    note="reschedule without a new time; casual carrier mail; old date only")

add(date=(2026, 11, 26, 16, 40, 5), sender=("能登谷 由香", "yuka.notoya@gmail.example.com"), client="gmail",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="quoted-printable", structure="alt",
    reply=("gmail", (2026, 11, 26, 9, 15), "offer",
           ("能登谷 由香", [(D(2026, 12, 3), "10:00", "10:50"), (D(2026, 12, 4), "13:00", "13:50")])),
    body="""ハローワーク秋田 ご担当者様

お世話になっております。能登谷です。
日程をご提示いただきありがとうございました。
大変申し訳ないのですが、家族の介護の予定と重なってしまうため、
今回のオンライン相談は辞退させていただきます。
また改めてご連絡いたします。

能登谷 由香
""",
    label=L("cancel", "能登谷 由香", None, "yuka.notoya@gmail.example.com"),
    note="辞退 of an offer, Gmail multipart/alternative with blockquote; 介護 is not a caregiver joining")

add(date=(2026, 11, 27, 9, 20, 17), sender=("佐々木 聡美", "satomi.sasaki@example.jp"), client="becky",
    subject="オンライン職業相談の予約希望", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    body="""ハローワーク秋田 御中

佐々木聡美と申します。
オンライン職業相談の予約をお願いいたします。

希望日：十二月三日（木）午後二時、または十二月四日（金）終日可
求職番号：05010ー38812277
電話：018-845-7730

よろしくお願いいたします。

佐々木聡美
""",
    label=L("book", "佐々木聡美", "05010-38812277", "satomi.sasaki@example.jp", "018-845-7730",
            [R("2026-12-03", "14:00"), R("2026-12-04")]),
    note="漢数字 dates and 午後二時; 終日 -> null times; katakana ー used as hyphen in seeker number; "
         "name without space")

add(date=(2026, 11, 27, 13, 0, 33), sender=("北條 咲", "saki.hojo@icloud.example.com"), client="iphone",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="8bit",
    reply=("iphone", (2026, 11, 27, 10, 20), "offer",
           ("北條 咲", [(D(2026, 12, 7), "10:00", "10:50"), (D(2026, 12, 8), "14:00", "14:50")])),
    body="""12月8日の14時からでお願いします。
規約も読みました。

北條 咲
""",
    label=L("confirm", "北條 咲", None, "saki.hojo@icloud.example.com",
            requested=[R("2026-12-08", "14:00")]),
    note="picks an offered slot by date/time, not by number -> choice null, slot requested")

add(date=(2026, 11, 27, 17, 30, 2), sender=("菅野 和子", "kazuko.kanno@example.com"), client="outlook",
    subject="オンライン職業相談予約", enc="utf-8", cte="quoted-printable",
    body="""ハローワーク秋田 オンライン相談ご担当様

はじめてメールいたします。菅野和子と申します。
足が不自由なため、オンラインでの相談を希望しております。
パソコンの操作はヘルパーさんに手伝ってもらう予定で、当日も付き添ってもらいます。

希望日時：12/9（水）13:30~
求職番号：05020-58814420
電話：+81-18-862-3345

どうぞよろしくお願いいたします。
""",
    label=L("book", "菅野和子", "05020-58814420", "kazuko.kanno@example.com", "018-862-3345",
            [R("2026-12-09", "13:30")], attendant="caregiver"),
    note="helper joins (caregiver); open-ended 13:30~; +81 landline -> 018-862-3345")

add(date=(2026, 11, 28, 11, 0, 50), sender=("秋田就労支援ネット", "ml-admin@akita-shien.example.org"),
    client="bulk", subject="[akita-shien:0412] 12月の合同企業説明会について",
    charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    headers=[("List-Id", "<akita-shien.ml.akita-shien.example.org>"),
             ("List-Post", "<mailto:akita-shien@ml.akita-shien.example.org>"),
             ("Precedence", "bulk"), ("X-ML-Name", "akita-shien"), ("X-Mail-Count", "00412")],
    body="""会員各位

秋田就労支援ネット事務局です。
12月の合同企業説明会の日程が決まりましたのでお知らせします。

日時：12月10日（木）13:00〜16:00
会場：秋田市民交流プラザ 3階

参加希望の団体は12月4日（金）までにご返信ください。

--
秋田就労支援ネット 事務局
""",
    label=L("automated", email="ml-admin@akita-shien.example.org"),
    note="mailing list post (List-Id, Precedence: bulk, [ml:NNNN] subject); dates not requests")

add(date=(2026, 11, 28, 22, 10, 28), sender=("安藤 ゆい", "yui.ando@gmail.example.com"), client="gmail",
    subject="オンライン職業相談の予約をしたいです", enc="utf-8", cte="base64",
    body="""ハローワーク秋田 ご担当者様

お世話になります。安藤ゆいと申します。
来週の水曜の午後3時から、オンラインで職業相談をお願いできますでしょうか。

求職番号：05040-44556677
普段のメールは家族と共用なので、連絡はこちらにお願いします：yui.ando.work＠example.com

よろしくお願いいたします。
""",
    label=L("book", "安藤ゆい", "05040-44556677", "yui.ando.work@example.com", None,
            [R("2026-12-02", "15:00")]),
    note="来週の水曜 from Sat 11/28; contact address in body with full-width ＠; no phone")

add(date=(2026, 11, 30, 8, 50, 14), sender=(None, "yk-0707@softbank.example.ne.jp"), client="softbank",
    subject="すみません", charset="Shift_JIS", enc="shift_jis", cte="8bit", charset_label="Shift_JIS",
    body="""明日の相談、急に行けなくなりました。
すみませんがキャンセルでお願いします。
""",
    label=L("cancel", None, None, "yk-0707@softbank.example.ne.jp"),
    note="unsigned two-line cancel (行けなくなりました); 明日 is the booking, not a request")

add(date=(2026, 11, 30, 12, 0, 45), sender=("渡辺 精一", "seiichi.watanabe@example.com"), client="thunderbird",
    subject="オンライン相談の予約", enc="utf-8", cte="8bit",
    body="""ハローワーク秋田 ご担当者様

渡辺と申します。在職中ですが転職を考えており、相談させていただきたくご連絡しました。
できれば今週中だとありがたいのですが、金曜日の午前中はいかがでしょうか。

求職番号：05010-50763381
携帯：090-6543-2109（こちらにお願いします）

渡辺 精一
------------------------------
株式会社秋田精工 総務部
〒010-0001 秋田市中通1-2-3
TEL 018-888-2020 / FAX 018-888-2021
（平日 9:00〜17:00）
------------------------------
""",
    label=L("book", "渡辺 精一", "05010-50763381", "seiichi.watanabe@example.com", "090-6543-2109",
            [R("2026-12-04", "09:00", "12:00")]),
    note="今週中 as preference, concrete 金曜日の午前中 from Mon 11/30; company TEL/FAX/hours in signature")

add(date=(2026, 11, 30, 15, 20, 9), sender=("吉川 里奈", "rina.yoshikawa@example.co.jp"), client="outlook",
    subject="RE: " + OFFER_SUBJECT, enc="utf-8", cte="quoted-printable", structure="alt",
    reply=("outlook_ja_rule", (2026, 11, 27, 11, 40), "offer",
           ("吉川 里奈", [(D(2026, 12, 3), "11:00", "11:50"), (D(2026, 12, 7), "13:00", "13:50"),
                         (D(2026, 12, 8), "10:00", "10:50")])),
    body="""ハローワーク秋田
オンライン職業相談 ご担当者様

お世話になっております。吉川です。
1番の日時でお願いいたします。
なお、耳が聞こえにくいため、当日は手話通訳の方にご同席いただけますと助かります。

吉川 里奈
""",
    label=L("confirm", "吉川 里奈", None, "rina.yoshikawa@example.co.jp", choice=1, attendant="interpreter"),
    note="Outlook multipart/alternative, rule line + 差出人 block without >; 手話通訳 requested")

add(date=(2026, 12, 1, 0, 30, 0), tz=0, sender=("北村 蒼", "aoi.kitamura@example.net"), client="webmail",
    subject="相談予約のお願い", enc="utf-8", cte="8bit",
    body="""ハローワーク秋田 ご担当者様

夜遅くに失礼します。北村蒼と申します。
明日の午後にオンライン職業相談を予約できますか。

求職番号：05020-71123390
電話：090-2345-1098

よろしくお願いします。
""",
    label=L("book", "北村蒼", "05020-71123390", "aoi.kitamura@example.net", "090-2345-1098",
            [R("2026-12-02", "13:00", "17:00")]),
    note="Date header in +0000 (Mon 15:30 UTC = Tue 12/1 00:30 JST); 明日 is 12/2 in JST")

add(date=(2026, 12, 1, 9, 40, 56), sender=("高田 正", "tadashi.takada@example.jp"), client="thunderbird",
    subject="娘の相談予約について", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    body="""ハローワーク秋田 ご担当者様

突然のメール失礼いたします。高田と申します。
娘の高田 杏奈がオンライン職業相談を希望しておりますので、代わりに申し込みます。

求職番号：05030-80021945
第1希望：12/10(木) 11:00
第2希望：12/11(金) 10:00

当日は本人のみで参加します。
ご連絡は娘のアドレス anna.takada@example.jp、
または娘の携帯 080-7766-5544 にお願いいたします。

高田 正
""",
    label=L("book", "高田 杏奈", "05030-80021945", "anna.takada@example.jp", "080-7766-5544",
            [R("2026-12-10", "11:00"), R("2026-12-11", "10:00")]),
    note="father applies for his daughter, she joins alone (attendant null); contact address and phone "
         "are the daughter's; signature is the father")

add(date=(2026, 12, 1, 13, 15, 37), sender=("東海林 直人", "naoto.shoji@gmail.example.com"), client="gmail",
    subject="Re: " + CONFIRM_SUBJECT, enc="utf-8", cte="base64",
    reply=("gmail", (2026, 11, 26, 14, 2), "confirm",
           ("東海林 直人", (D(2026, 12, 3), "14:00", "14:50"), "HW-20261203-02")),
    body="""ハローワーク秋田 ご担当者様

お世話になっております。東海林です。
12月3日（木）14時の予約を、12月8日（火）15:00～に変更していただけますか。
勝手を言って申し訳ありません。

東海林 直人
""",
    label=L("reschedule", "東海林 直人", None, "naoto.shoji@gmail.example.com",
            requested=[R("2026-12-08", "15:00")]),
    note="reschedule with old and new date in one sentence (を…に変更)")

add(date=(2026, 12, 1, 18, 0, 21), sender=("今井 聡子", "satoko.imai@example.ne.jp"), client="thunderbird",
    subject="予約できているか確認させてください", enc="utf-8", cte="base64",
    body="""ハローワーク秋田 ご担当者様

今井と申します。
先週、12月4日（金）10時でオンライン相談をお願いするメールを送ったのですが、
まだ確認のメールが届いていません。
予約はできているでしょうか。お手数ですが教えてください。

今井 聡子
090-5151-2626
""",
    label=L("question", "今井 聡子", None, "satoko.imai@example.ne.jp", "090-5151-2626"),
    note="asks whether an earlier request went through: question, the date is not a new request")

add(date=(2026, 12, 2, 10, 30, 4), sender=("Shibata Kenji", "kenji.shibata@example.ne.jp"), client="webmail",
    subject="自動返信：Re: " + OFFER_SUBJECT, enc="utf-8", cte="base64",
    headers=[("X-Autoreply", "yes"), ("Precedence", "auto_reply")],
    body="""※このメールは自動返信です。

ご連絡ありがとうございます。
12月2日（水）〜12月6日（日）は不在のため、メールを確認できません。
12月7日（月）以降にご返信いたします。
""",
    label=L("automated", email="kenji.shibata@example.ne.jp"),
    note="webmail auto-reply with X-Autoreply + Precedence: auto_reply")

add(date=(2026, 12, 2, 14, 0, 39), sender=("武藤 葵", "aoi.muto@example.jp"), client="outlook",
    subject="オンライン職業相談予約のお願い", enc="utf-8", cte="quoted-printable",
    body="""ハローワーク秋田 御中

はじめまして。武藤と申します。
オンライン職業相談の予約をお願いします。

・お名前：武藤 葵
・求職番号：05030　22871190
・希望日時（どちらでも大丈夫です）
　- 12/9(水) 15時～16時
　- 12/10(木) 14:00-15:00
・電話：050-3786-1123
・同席者：なし

よろしくお願いいたします。
""",
    label=L("book", "武藤 葵", "05030-22871190", "aoi.muto@example.jp", "050-3786-1123",
            [R("2026-12-09", "15:00", "16:00"), R("2026-12-10", "14:00", "15:00")]),
    note="bullet form, full-width space in seeker number, 15時～16時 and 14:00-15:00, 050 number, "
         "同席者：なし -> null")

add(date=(2026, 12, 2, 19, 45, 12), sender=("佐野 光", "hikaru.sano@gmail.example.com"), client="gmail",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="base64",
    reply=("gmail", (2026, 12, 2, 11, 0), "offer",
           ("佐野 光", [(D(2026, 12, 8), "9:00", "9:50"), (D(2026, 12, 9), "14:00", "14:50"),
                       (D(2026, 12, 11), "10:00", "10:50")])),
    body="""ハローワーク秋田 ご担当者様

ありがとうございます。
一番上の日程でお願いします。

佐野 光
""",
    label=L("confirm", "佐野 光", None, "hikaru.sano@gmail.example.com", choice=1),
    note="一番上の日程 (the first option by position)")

add(date=(2026, 12, 3, 8, 20, 5), sender=("小林 由紀", "yuki.kobayashi@example.jp"), client="becky",
    subject="相談予約", charset="Shift_JIS", enc="shift_jis", cte="base64", charset_label="Shift_JIS",
    body="""ハローワーク秋田　オンライン相談担当様

小林由紀と申します。
12月10日（水）の10時にオンライン相談をお願いしたいです。
求職番号：05010-91827364
電話：0183-72-4455

よろしくお願いします。
""",
    wrong_weekday=True,
    label=L("book", "小林由紀", "05010-91827364", "yuki.kobayashi@example.jp", "0183-72-4455",
            [R("2026-12-10", "10:00")]),
    note="stated weekday wrong (12/10 is Thu): date kept; Shift_JIS base64")

add(date=(2026, 12, 3, 12, 30, 48), sender=("宮腰 美穂", "miho.miyakoshi@example.com"), client="thunderbird",
    subject="本日はありがとうございました", enc="utf-8", cte="base64",
    body="""ハローワーク秋田 オンライン職業相談ご担当者様

本日12月3日にオンラインで相談させていただいた宮腰です。
丁寧にお話を聞いていただき、ありがとうございました。
教えていただいた求人に応募してみようと思います。

宮腰 美穂
""",
    label=L("other", "宮腰 美穂", None, "miho.miyakoshi@example.com"),
    note="thank-you after the session; not a request")

add(date=(2026, 12, 3, 16, 0, 13), sender=("鈴木 敦子", "suzuki@akita-saposute.example.or.jp"), client="outlook",
    subject="利用者の相談予約のお願い（秋田若者サポートステーション）", charset="ISO-2022-JP",
    enc="iso-2022-jp", cte="7bit", charset_label="iso-2022-jp",
    body="""ハローワーク秋田
オンライン職業相談ご担当者様

いつもお世話になっております。
秋田地域若者サポートステーションの鈴木です。

当所の利用者である斉藤 海斗さんのオンライン職業相談を申し込みたく、ご連絡いたしました。
ご本人の了解は得ております。

・求職番号：05040-15926048
・希望日時：12月14日（月）13:00〜13:50
・当日は支援員の私も同席させていただきます。

ご連絡は当方（担当：鈴木）までお願いいたします。

＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
秋田地域若者サポートステーション
支援員　鈴木 敦子
TEL 018-874-5521　FAX 018-874-5522
開所時間 平日10:00〜18:00
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
""",
    label=L("book", "斉藤 海斗", "05040-15926048", "suzuki@akita-saposute.example.or.jp", "018-874-5521",
            [R("2026-12-14", "13:00", "13:50")], attendant="other"),
    note="support-agency staff books for a client and joins (other); ＊＊＊ signature with the agency "
         "phone, which is the stated contact (当方まで)")

add(date=(2026, 12, 4, 9, 0, 26), sender=("嵯峨 俊介", "s.saga@akita-logi.example.co.jp"), client="outlook",
    subject="RE: " + OFFER_SUBJECT, charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    charset_label="iso-2022-jp",
    reply=("outlook_original", (2026, 12, 3, 16, 5), "offer",
           ("嵯峨 俊介", [(D(2026, 12, 9), "11:00", "11:50"), (D(2026, 12, 10), "13:00", "13:50"),
                         (D(2026, 12, 14), "10:00", "10:50")])),
    body="""ハローワーク秋田
ご担当者様

お世話になっております。嵯峨です。
2番でお願いします。規約に同意します。

嵯峨 俊介
㈱秋田ロジテック
携帯：090-3141-5926
""",
    label=L("confirm", "嵯峨 俊介", None, "s.saga@akita-logi.example.co.jp", "090-3141-5926", choice=2),
    note="CP50220 ㈱ in signature; old Outlook -----Original Message----- From: [mailto:] Sent: block; "
         "signature mobile is the only number")

add(date=(2026, 12, 4, 13, 30, 51), sender=("佐藤 陽向", "hinata.sato@example.com"), client="thunderbird",
    subject="オンライン職業相談の予約（年末・年明け）", enc="utf-8", cte="base64",
    body="""ハローワーク秋田 ご担当者様

お世話になります。佐藤陽向と申します。
オンライン職業相談を予約したく、ご連絡しました。

希望日時
第1希望：12月28日（月）の午後
第2希望：年明けの1月7日（木）14時

求職番号：05020-36925814
電話：090-8877-6655

よろしくお願いいたします。
""",
    label=L("book", "佐藤陽向", "05020-36925814", "hinata.sato@example.com", "090-8877-6655",
            [R("2026-12-28", "13:00", "17:00"), R("2027-01-07", "14:00")]),
    note="bare 1月7日 in December resolves to 2027")

add(date=(2026, 12, 5, 10, 0, 7), sender=("田口 真由", "mayu.taguchi@gmail.example.com"), client="gmail",
    subject="予約のお願い", enc="utf-8", cte="base64", structure="alt",
    body="""ハローワーク秋田様

田口真由と申します。
12月30日の午前中にオンライン相談をお願いできますか？
年末はお休みでしたらすみません。

求職番号：０５０１０　６６７７８８９９
携帯：070-6655-4433
""",
    label=L("book", "田口真由", "05010-66778899", "mayu.taguchi@gmail.example.com", "070-6655-4433",
            [R("2026-12-30", "09:00", "12:00")]),
    note="asks for a closed day (12/30): labelled as asked; full-width seeker number with full-width space")

add(date=(2026, 12, 7, 9, 15, 33), sender=("浅利 翔平", "shohei.asari@icloud.example.com"), client="iphone",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="quoted-printable",
    reply=("iphone", (2026, 12, 4, 17, 45), "offer",
           ("浅利 翔平", [(D(2026, 12, 10), "10:00", "10:50"), (D(2026, 12, 11), "15:00", "15:50")])),
    body="""2にします。
当日はヘルパーさんが横でパソコン操作を手伝ってくれます。

浅利
""",
    label=L("confirm", "浅利", None, "shohei.asari@icloud.example.com", choice=2, attendant="caregiver"),
    note="2にします; helper alongside (caregiver); only the family name is written in the body")

add(date=(2026, 12, 7, 14, 40, 19), sender=("柳田 匠", "takumi.yanagida@example.ne.jp"), client="webmail",
    subject="相談予約", charset="Shift_JIS", enc="shift_jis", cte="8bit", structure="html",
    charset_label="Shift_JIS", html_style="br",
    body="""ハローワーク秋田&nbsp;御中

柳田&nbsp;匠と申します。
オンライン職業相談の予約をお願いします。

希望日時：12/15（火）午前中
求職番号：05030-74185296
電話番号：018-863-2810

よろしくお願いいたします。
""",
    label=L("book", "柳田 匠", "05030-74185296", "takumi.yanagida@example.ne.jp", "018-863-2810",
            [R("2026-12-15", "09:00", "12:00")]),
    note="HTML-only Shift_JIS 8bit with <br> and &nbsp; between family and given name")

add(date=(2026, 12, 8, 8, 0, 3), sender=("Mail Delivery Subsystem", "mailer-daemon@googlemail.example.com"),
    client="mta", subject="Delivery Status Notification (Delay)", enc="utf-8", cte="7bit",
    structure="report",
    report={"recipient": "r.kon@example.co.jp", "action": "delayed", "status": "4.4.1",
            "orig": offer_text("今 玲奈", [(D(2026, 12, 10), "13:00", "13:50"), (D(2026, 12, 11), "9:00", "9:50")]),
            "headers_only": False},
    body="""This is an automatically generated Delivery Status Notification

THIS IS A WARNING MESSAGE ONLY.

YOU DO NOT NEED TO RESEND YOUR MESSAGE.

Delivery to the following recipient has been delayed:

     r.kon@example.co.jp

Message will be retried for 2 more day(s)
""",
    label=L("automated", email="mailer-daemon@googlemail.example.com"),
    note="delay DSN multipart/report (English), original offer attached as message/rfc822")

add(date=(2026, 12, 8, 12, 0, 55), sender=("齋藤 光", "hikari.saito@example.jp"), client="outlook_new",
    subject="RE: " + CONFIRM_SUBJECT, charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    charset_label="iso-2022-jp",
    reply=("outlook_ja_plain", (2026, 12, 4, 10, 12), "confirm",
           ("齋藤 光", (D(2026, 12, 10), "10:00", "10:50"), "HW-20261210-03")),
    body="""ハローワーク秋田 ご担当者様

お世話になっております。齋藤です。
予約番号HW-20261210-03、12月10日（木）10:00の相談ですが、
体調不良のため取り消しをお願いいたします。
また日を改めて申し込みます。

齋藤 光
""",
    label=L("cancel", "齋藤 光", None, "hikari.saito@example.jp"),
    note="cancel with booking reference and old slot; Outlook 差出人 block without rule")

add(date=(2026, 12, 8, 17, 20, 41), sender=("浜田翔太", "shota.hamada.0419@example.com"), client="android",
    subject="相談したいです", enc="utf-8", cte="8bit",
    body="""こんにちは。浜田翔太っていいます。
仕事さがしてて、オンラインで相談できるって聞いたのでメールしました。
来週の火曜か水曜の午後って空いてますか？
求職番号はちょっとわかんないです、すみません。
電話は 080-1234-9876 です。
""",
    label=L("book", "浜田翔太", None, "shota.hamada.0419@example.com", "080-1234-9876",
            [R("2026-12-15", "13:00", "17:00"), R("2026-12-16", "13:00", "17:00")]),
    note="casual; 来週の火曜か水曜の午後 from Tue 12/8 (午後 applies to both); っていいます")

add(date=(2026, 12, 9, 10, 0, 16), sender=("丹野 花", "hana.tanno@icloud.example.com"), client="iphone",
    subject="Re: " + CONFIRM_SUBJECT, enc="utf-8", cte="quoted-printable", structure="alt",
    reply=("iphone", (2026, 12, 7, 13, 30), "confirm",
           ("丹野 花", (D(2026, 12, 11), "10:00", "10:50"), "HW-20261211-01")),
    body="""ハローワーク秋田 ご担当者様

丹野です。
12月11日(金)10時の予約ですが、都合が悪くなってしまいました。
14日（月）の同じ時間に変えていただくことはできますか？

丹野 花
""",
    label=L("reschedule", "丹野 花", None, "hana.tanno@icloud.example.com",
            requested=[R("2026-12-14", "10:00")]),
    note="reschedule: new date as bare 14日 + 同じ時間 (from the old booking)")

add(date=(2026, 12, 10, 9, 30, 38), sender=("石田 勝", "masaru.ishida@example.jp"), client="thunderbird",
    subject="オンライン職業相談の予約", enc="utf-8", cte="base64",
    body="""ハローワーク秋田 ご担当者様

石田 勝と申します。
オンライン職業相談をお願いしたいと思います。
平日の午前中であればいつでも大丈夫ですので、空いている日時を教えてください。

求職番号：05010-24680135
電話：018-832-9900
""",
    label=L("book", "石田 勝", "05010-24680135", "masaru.ishida@example.jp", "018-832-9900"),
    note="平日午前 window without a date -> nothing requested")

add(date=(2026, 12, 10, 15, 0, 2), sender=(None, "saori-m@docomo.example.ne.jp"), client="docomo",
    subject="Re: " + OFFER_SUBJECT, charset="Shift_JIS", enc="shift_jis", cte="8bit", charset_label="Shift_JIS",
    reply=("android_ja", (2026, 12, 9, 16, 0), "offer",
           ("松橋 沙織", [(D(2026, 12, 15), "14:00", "14:50"), (D(2026, 12, 16), "10:00", "10:50")])),
    body="""①でお願いします
松橋
""",
    label=L("confirm", "松橋", None, "saori-m@docomo.example.ne.jp", choice=1),
    note="① in Shift_JIS (cp932); Android 元のメッセージ header with unprefixed quote; family name only")

add(date=(2026, 12, 11, 11, 11, 11), sender=("セキュリティセンター", "security@akita-bank-verify.example.info"),
    client="bulk", subject="【重要】ご利用のアカウントが一時停止されました", enc="utf-8", cte="base64",
    body="""お客様各位

ご利用のアカウントにて不審なログインが検出されたため、一時的にご利用を制限しております。
12月13日（日）までに以下のURLから本人確認を行ってください。
期限までに確認いただけない場合、アカウントは削除されます。

https://akita-bank-verify.example.info/login

セキュリティセンター
""",
    label=L("other", email="security@akita-bank-verify.example.info"),
    note="phishing -> other")

add(date=(2026, 12, 14, 8, 45, 30), sender=("高階 玲奈", "rena.takashina@example.com"), client="thunderbird",
    subject="オンライン職業相談の予約（職務経歴書添付）", enc="utf-8", cte="base64", structure="mixed",
    attachment=("職務経歴書_高階.pdf", "application/pdf", b"%PDF-1.4\n% holdout dummy\n%%EOF\n"),
    body="""ハローワーク秋田 ご担当者様

お世話になります。高階玲奈と申します。
急なお願いで恐縮ですが、明後日（16日）の14:00-15:00の間でオンライン相談をお願いできますでしょうか。
事前に見ていただけるよう、職務経歴書を添付いたします。

求職番号：05020-33445511
電話：090-4455-6677
""",
    label=L("book", "高階玲奈", "05020-33445511", "rena.takashina@example.com", "090-4455-6677",
            [R("2026-12-16", "14:00", "15:00")]),
    note="multipart/mixed with PDF (RFC 2231 file name); 明後日（16日） from Mon 12/14")

add(date=(2026, 12, 15, 13, 0, 17), sender=("平野 誠", "makoto.hirano@example.ne.jp"), client="becky",
    subject="年末年始の相談について", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    body="""ハローワーク秋田 ご担当者様

平野と申します。
年末年始は何日までオンライン相談を受け付けていますか。
また、年明けは何日から予約できますか。

平野 誠
""",
    label=L("question", "平野 誠", None, "makoto.hirano@example.ne.jp"),
    note="question about the year-end closure, no dates requested")

add(date=(2026, 12, 16, 10, 30, 44), sender=("藤井 彩乃", "ayano.fujii@example.co.jp"), client="outlook",
    subject="オンライン職業相談（1月）の予約", enc="utf-8", cte="quoted-printable",
    body="""ハローワーク秋田
オンライン職業相談 ご担当者様

お世話になっております。藤井と申します。
年明けにオンライン職業相談をお願いしたく、ご連絡いたしました。

氏名：藤井 彩乃
求職番号：05040-77889900
希望日時：
　1/12(火) 10:00〜
　1/13(水) 午後
電話番号：090-1357-2468

よろしくお願いいたします。
""",
    label=L("book", "藤井 彩乃", "05040-77889900", "ayano.fujii@example.co.jp", "090-1357-2468",
            [R("2027-01-12", "10:00"), R("2027-01-13", "13:00", "17:00")]),
    note="January dates in M/D(曜) form, resolve to 2027")

add(date=(2026, 12, 17, 18, 0, 9), sender=("照井 颯太", "sota.terui@gmail.example.com"), client="gmail",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="quoted-printable", structure="alt",
    reply=("gmail_wrapped", (2026, 12, 17, 11, 20), "offer",
           ("照井 颯太", [(D(2026, 12, 21), "13:00", "13:50"), (D(2026, 12, 22), "10:00", "10:50"),
                         (D(2026, 12, 24), "15:00", "15:50")])),
    body="""ハローワーク秋田 ご担当者様

お世話になっております。照井です。
３番でお願いいたします。
なお、当日は妹が同席する予定です。

照井 颯太
""",
    label=L("confirm", "照井 颯太", None, "sota.terui@gmail.example.com", choice=3, attendant="other"),
    note="Gmail alternative with wrapped header in plain part; ３番; sister joins")

add(date=(2026, 12, 18, 9, 0, 40), sender=("越後谷 誠也", "seiya.echigoya@example.jp"), client="thunderbird",
    subject="Re: " + CONFIRM_SUBJECT, enc="utf-8", cte="base64",
    reply=("thunderbird", (2026, 12, 15, 9, 5), "confirm",
           ("越後谷 誠也", (D(2027, 1, 8), "11:00", "11:50"), "HW-20270108-04")),
    body="""ハローワーク秋田 ご担当者様

お世話になっております。越後谷です。
1月8日（金）に予約していた相談ですが、おかげさまで就職が決まりましたので、キャンセルします。
ありがとうございました。

越後谷 誠也
""",
    label=L("cancel", "越後谷 誠也", None, "seiya.echigoya@example.jp"),
    note="cancel of a January booking (by the seeker, after finding a job)")

add(date=(2026, 12, 18, 14, 25, 6), sender=("Kaori Ito", "kaori.ito.akita@example.com"), client="gmail",
    subject="online consultation / オンライン相談", enc="utf-8", cte="base64",
    body="""ハローワーク秋田 ご担当者様

伊東かおりと申します。
12/22(火)の午後3時～4時に、オンライン相談をお願いできますか。
当日、私以外に参加する人はいません。

求職番号：05010-13572468
TEL：090‐2468‐1357
""",
    label=L("book", "伊東かおり", "05010-13572468", "kaori.ito.akita@example.com", "090-2468-1357",
            [R("2026-12-22", "15:00", "16:00")]),
    note="午後3時～4時; no one else joins; Latin display name; U+2010 hyphens in phone")

add(date=(2026, 12, 19, 10, 10, 10), sender=("菅 大地", "daichi.suga@example.ne.jp"), client="android",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="base64",
    reply=("plain_gt", (2026, 12, 18, 15, 0), "offer",
           ("菅 大地", [(D(2026, 12, 22), "9:00", "9:50"), (D(2026, 12, 23), "14:00", "14:50")])),
    body="""お世話になります。菅です。
どちらも都合がつかないので、今回は見送らせてください。
また改めて申し込みます。

菅 大地
""",
    label=L("cancel", "菅 大地", None, "daichi.suga@example.ne.jp"),
    note="declines an offer (見送り) without saying キャンセル; quote with > only, no header line")

add(date=(2026, 12, 19, 16, 40, 28), sender=("Yahoo!メール", "no-reply@mail.yahoo.example.co.jp"),
    client="bulk", subject="【Yahoo!メール】容量が残りわずかです",
    charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    headers=[("Auto-Submitted", "auto-generated")],
    body="""Yahoo!メールをご利用いただきありがとうございます。

メールボックスの容量が残りわずかになりました（使用率95%）。
12月31日までに不要なメールを削除してください。

※このメールは送信専用です。
""",
    label=L("automated", email="no-reply@mail.yahoo.example.co.jp"),
    note="provider notice, Auto-Submitted: auto-generated, no-reply sender")

add(date=(2026, 12, 20, 20, 5, 55), sender=("進藤 美樹", "miki.shindo@example.jp"), client="thunderbird",
    subject="オンライン相談の予約", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    body="""ハローワーク秋田 ご担当者様

進藤美樹と申します。
明日（21日）は難しいので、22日（火）か24日（木）の午前10時半からでお願いできますか。

求職番号 05020 96385274
携帯 080-9753-1086
自宅 018-855-1122
日中は家にいないことが多いので、携帯にお願いします。

よろしくお願いします。
""",
    label=L("book", "進藤美樹", "05020-96385274", "miki.shindo@example.jp", "080-9753-1086",
            [R("2026-12-22", "10:30"), R("2026-12-24", "10:30")]),
    note="明日 mentioned as NOT possible; bare 22日/24日 share 午前10時半; mobile vs home, says to use the mobile")


# added after the first measurement (same conventions; numbering follows the Date header)

add(date=(2026, 11, 20, 20, 10, 44), sender=("戸田 涼", "ryo.toda@gmail.example.com"), client="gmail",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="base64",
    reply=("gmail_en", (2026, 11, 20, 10, 0), "offer",
           ("戸田 涼", [(D(2026, 11, 26), "10:00", "10:50"), (D(2026, 11, 30), "14:00", "14:50")])),
    body="""ハローワーク秋田 ご担当者様

お世話になります。戸田です。
1番目の日程でお願いします。
それと、携帯の番号が変わったのでお知らせします。
新しい番号は 090-2580-1470 です。

戸田 涼
""",
    label=L("confirm", "戸田 涼", None, "ryo.toda@gmail.example.com", "090-2580-1470", choice=1),
    note="Gmail in English locale (On … wrote:); 1番目; new phone number given")

add(date=(2026, 11, 25, 21, 0, 12), sender=("加納 舞", "mai_kanou@yahoo.example.com"), client="yahoo",
    subject="Re: " + OFFER_SUBJECT, enc="utf-8", cte="quoted-printable", structure="html",
    reply=("yahoo_en", (2026, 11, 25, 13, 30), "offer",
           ("加納 舞", [(D(2026, 12, 1), "15:00", "15:50"), (D(2026, 12, 3), "9:00", "9:50")])),
    body="""ハローワーク秋田さま

２でお願いします。

加納 舞
""",
    label=L("confirm", "加納 舞", None, "mai_kanou@yahoo.example.com", choice=2),
    note="HTML-only webmail reply, quote in <blockquote> under an English Yahoo header; bare ２")

add(date=(2026, 12, 1, 20, 30, 5), sender=("千田 結衣", "yui.chida@example.ne.jp"), client="android",
    subject="オンライン相談予約", enc="utf-8", cte="quoted-printable",
    body="""ハローワーク秋田 御中

お名前：千田 結衣（ﾁﾀﾞ ﾕｲ）
求職番号：05020－44771122
希望：来週月曜（7日）の10時から11時まで
TEL：0184-22-5566（自宅）

よろしくお願いします。
""",
    label=L("book", "千田 結衣", "05020-44771122", "yui.chida@example.ne.jp", "0184-22-5566",
            [R("2026-12-07", "10:00", "11:00")]),
    note="half-width kana furigana in UTF-8; full-width hyphen in seeker number; 10時から11時まで")

add(date=(2026, 12, 4, 17, 0, 48), sender=("大山 健司", "k.oyama@example.jp"), client="becky",
    subject="相談の予約", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    body="""ハローワーク秋田 御中

大山です。いつもお世話になっております。
オンライン職業相談をお願いしたいのですが、
月曜日の午後か、火曜日の午前でお願いできますか。

求職番号：05040-36912580

大山 健司
携帯 080-3698-5214
""",
    label=L("book", "大山 健司", "05040-36912580", "k.oyama@example.jp", "080-3698-5214",
            [R("2026-12-07", "13:00", "17:00"), R("2026-12-08", "09:00", "12:00")]),
    note="bare weekdays 月曜日/火曜日 from Fri 12/4 (next such day); phone only in signature")

add(date=(2026, 12, 9, 12, 10, 30), sender=("小松原 拓", "taku.komatsubara@example.com"), client="outlook",
    subject="RE: " + CONFIRM_SUBJECT, enc="utf-8", cte="base64",
    reply=("outlook_ja_rule", (2026, 12, 4, 15, 0), "confirm",
           ("小松原 拓", (D(2026, 12, 11), "10:00", "10:50"), "HW-20261211-02")),
    body="""ハローワーク秋田 ご担当者様

お世話になっております。小松原です。
12月11日（金）10時の予約を、15日（火）の午後か16日（水）の午前に変更していただけないでしょうか。
急な出張が入ってしまい、申し訳ありません。

小松原 拓
""",
    label=L("reschedule", "小松原 拓", None, "taku.komatsubara@example.com",
            requested=[R("2026-12-15", "13:00", "17:00"), R("2026-12-16", "09:00", "12:00")]),
    note="reschedule with two new windows given as bare 15日/16日")

add(date=(2026, 12, 11, 19, 0, 21), sender=(None, "r.k.1122@icloud.example.com"), client="iphone",
    subject="予約について", enc="utf-8", cte="quoted-printable",
    body="""来週の相談の予約、なしにしてもらえますか。
すみません。

iPhoneから送信
""",
    label=L("cancel", None, None, "r.k.1122@icloud.example.com"),
    note="casual cancel (なしにして), unsigned")

add(date=(2026, 12, 12, 10, 0, 40), sender=("畑山 彩", "aya.hatayama@example.jp"), client="thunderbird",
    subject="当日の準備について", enc="utf-8", cte="base64",
    body="""ハローワーク秋田 ご担当者様

求職番号 05030-11223344 の畑山と申します。
来週オンライン相談を予約していますが、履歴書や職務経歴書は事前に送ったほうがよいでしょうか？
また、当日カメラはオンにしないといけませんか？

畑山 彩
""",
    label=L("question", "畑山 彩", "05030-11223344", "aya.hatayama@example.jp"),
    note="question from a booked seeker, seeker number given")

add(date=(2026, 12, 16, 9, 0, 3), sender=("宮﨑 蒼生", "aoi.miyazaki@example.ne.jp"), client="outlook",
    subject="オンライン職業相談のお願い", charset="ISO-2022-JP", enc="iso-2022-jp", cte="7bit",
    charset_label="iso-2022-jp",
    body="""ハローワーク秋田 御中

宮﨑 蒼生と申します。
12月18日（金）の午前10時～正午でオンライン職業相談をお願いできますでしょうか。

求職番号：05010-85274196
住所：〒010-0951 秋田市山王1-1-1
電話：018-864-3579

よろしくお願いいたします。
""",
    label=L("book", "宮﨑 蒼生", "05010-85274196", "aoi.miyazaki@example.ne.jp", "018-864-3579",
            [R("2026-12-18", "10:00", "12:00")]),
    note="CP50220: 﨑 (IBM ext, sent as NEC-selected) in body and From; 午前10時～正午; postal code")

# -- building ----------------------------------------------------------------------------------

def _id(n: int, salt: str) -> str:
    return hashlib.sha1(f"holdout-{n}-{salt}".encode()).hexdigest()


def _when(m: Msg) -> dt.datetime:
    jst = dt.datetime(*m.date, tzinfo=JST)
    return jst.astimezone(dt.timezone(dt.timedelta(hours=m.tz)))


def _rfc_date(t: dt.datetime) -> str:
    off = t.utcoffset()
    sign = "+" if off >= dt.timedelta(0) else "-"
    mins = abs(int(off.total_seconds())) // 60
    return t.strftime("%a, %d %b %Y %H:%M:%S ") + f"{sign}{mins // 60:02d}{mins % 60:02d}"


def _quoted_mail(m: Msg) -> tuple[str, str, str, str]:
    """(style, quote header+text, quoted body alone, header line) for a reply."""
    style, sent, kind, payload = m.reply
    sent_dt = dt.datetime(*sent)
    if kind == "offer":
        text, subject = offer_text(*payload), OFFER_SUBJECT
    else:
        text, subject = confirm_text(*payload), CONFIRM_SUBJECT
    q = quote(style, sent_dt, text, m.sender[1], subject)
    header = q[: q.index(text if not q.endswith(_gt(text)) else _gt(text))].rstrip("\n")
    return style, q, text, header


def full_text(m: Msg) -> str:
    body = m.body.rstrip("\n") + "\n"
    if m.reply:
        body += "\n" + _quoted_mail(m)[1] + "\n"
    return body


def html_doc(m: Msg) -> str:
    own = html_of(m.body.rstrip("\n"), m.html_style)
    quoted = ""
    if m.reply:
        style, _, text, header = _quoted_mail(m)
        hdr = html_of(header, "br")
        if style.startswith("gmail"):
            quoted = ('<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
                      f'{hdr}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                      f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{html_of(text, "br")}'
                      '</blockquote></div>')
        elif style == "yahoo_en":
            quoted = (f'<div class="yahoo_quoted"><div>{hdr}</div><blockquote style="border-left:2px solid '
                      f'#1a73e8;margin-left:5px;padding-left:5px">{html_of(text, "br")}</blockquote></div>')
        elif style == "iphone":
            quoted = (f'<div dir="ltr"><br><blockquote type="cite">{hdr}<br><br>'
                      f'{html_of(text, "br")}</blockquote></div>')
        else:
            quoted = (f'<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" '
                      f'dir="ltr">{hdr}</div><div>{html_of(text, "br")}</div>')
    if m.client == "iphone":
        return (f'<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                f'<body dir="auto"><div dir="ltr">{own}</div>{quoted}</body></html>')
    if m.client == "gmail":
        return f'<div dir="ltr">{own}</div>{quoted}'
    cs = m.charset_label or m.enc
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={cs}"></head>'
            f'<body><div style="font-family:\'メイリオ\',sans-serif;font-size:11pt">{own}</div>{quoted}'
            '</body></html>')


def _leaf(ctype: str, text: str, m: Msg) -> bytes:
    cs = m.charset_label or {"iso-2022-jp": "ISO-2022-JP", "shift_jis": "Shift_JIS"}.get(m.enc, "UTF-8")
    cte = m.cte
    if m.enc == "iso-2022-jp":
        cte = "7bit"
    payload = cte_encode(encode_body(text, m.enc), cte)
    head = f'Content-Type: {ctype}; charset="{cs}"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n'
    return head.encode() + payload + (b"" if payload.endswith(b"\r\n") else b"\r\n")


def _multipart(subtype: str, parts: list[bytes], boundary: str, params: str = "") -> bytes:
    out = f'Content-Type: multipart/{subtype}; boundary="{boundary}"{params}\r\n\r\n'.encode()
    for p in parts:
        out += f"--{boundary}\r\n".encode() + p + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def _report_parts(m: Msg, n: int, when: dt.datetime) -> list[bytes]:
    r = m.report
    notice = _leaf("text/plain", m.body, m)
    status = (f"Reporting-MTA: dns; {m.sender[1].split('@')[1]}\r\n"
              f"Arrival-Date: {_rfc_date(when - dt.timedelta(minutes=3))}\r\n\r\n"
              f"Final-Recipient: rfc822; {r['recipient']}\r\n"
              f"Action: {r.get('action', 'failed')}\r\nStatus: {r.get('status', '5.1.1')}\r\n"
              f"Diagnostic-Code: smtp; {r.get('status', '5.1.1').replace('.', '')[:3]} "
              f"{r.get('status', '5.1.1')} <{r['recipient']}>: recipient problem\r\n")
    ds = b"Content-Type: message/delivery-status\r\n\r\n" + status.encode()
    sent = when - dt.timedelta(minutes=3)
    orig_head = (f"From: {encoded_words(OFFICE_NAME, 'ISO-2022-JP')} <{OFFICE}>\r\n"
                 f"To: {r['recipient']}\r\nSubject: {encoded_words(OFFER_SUBJECT, 'ISO-2022-JP')}\r\n"
                 f"Date: {_rfc_date(sent)}\r\nMessage-ID: <{_id(n, 'orig')[:16]}.offer@akita-hw.example.jp>\r\n"
                 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n"
                 "Content-Transfer-Encoding: 7bit\r\n")
    if r.get("headers_only"):
        orig = b"Content-Type: text/rfc822-headers\r\n\r\n" + orig_head.encode()
    else:
        orig = (b"Content-Type: message/rfc822\r\n\r\n" + orig_head.encode() + b"\r\n"
                + encode_body(r["orig"], "iso-2022-jp") + b"\r\n")
    return [notice, ds, orig]


def build(m: Msg, n: int) -> bytes:
    when = _when(m)
    name, address = m.sender
    domain = address.split("@")[1]
    hcs = m.charset
    h = []
    if m.structure == "report":
        h.append("Return-Path: <>")
    else:
        h.append(f"Return-Path: <{address.lower()}>")
    recv = when + dt.timedelta(seconds=37)
    h.append(f"Received: from mail-out.{domain} (mail-out.{domain} [203.0.113.{(n * 37) % 250 + 2}])\r\n"
             f"\tby mx01.akita-hw.example.jp (Postfix) with ESMTPS id {_id(n, 'q')[:11].upper()}\r\n"
             f"\tfor <{OFFICE}>; {_rfc_date(recv.astimezone(JST))}")
    h.append(f"From: {addr(name, address, hcs)}")
    if m.reply or m.subject.startswith(("Re", "RE", "自動")):
        h.append(f"To: {addr(OFFICE_NAME, OFFICE, hcs)}")
    else:
        h.append(f"To: {OFFICE}")
    h.append(f"Subject: {encoded_words(m.subject, hcs)}")
    h.append(f"Date: {_rfc_date(when)}")
    h.append(f"Message-ID: <{_id(n, 'mid')[:20]}@{domain}>")
    if m.reply:
        ref = f"<{_id(n, 'ref')[:16]}.{m.reply[2]}@akita-hw.example.jp>"
        h += [f"In-Reply-To: {ref}", f"References: {ref}"]
    elif m.subject.startswith(("自動", "Re")) and m.label["intent"] == "automated":
        ref = f"<{_id(n, 'ref')[:16]}.offer@akita-hw.example.jp>"
        h += [f"In-Reply-To: {ref}", f"References: {ref}"]
    h += [f"{k}: {v}" if v else f"{k}:" for k, v in CLIENT_HEADERS[m.client]]
    h += [f"{k}: {encoded_words(v, 'UTF-8')}" for k, v in m.headers]
    h.append("MIME-Version: 1.0")
    text = full_text(m)
    b = _id(n, "boundary")[:24]
    if m.structure == "plain":
        body = _leaf("text/plain", text, m)
    elif m.structure == "html":
        body = _leaf("text/html", html_doc(m), m)
    elif m.structure == "alt":
        boundary = f"Apple-Mail-{b[:8].upper()}" if m.client == "iphone" else f"000000000000{b[:12]}"
        body = _multipart("alternative", [_leaf("text/plain", text, m), _leaf("text/html", html_doc(m), m)],
                          boundary)
    elif m.structure == "mixed":
        fname, ctype, data = m.attachment
        enc_name = "".join(c if c.isascii() and c.isalnum() or c in "._-" else
                           "".join(f"%{x:02X}" for x in c.encode()) for c in fname)
        att = (f"Content-Type: {ctype}; name=\"{encoded_words(fname, 'UTF-8')}\"\r\n"
               f"Content-Disposition: attachment; filename*=UTF-8''{enc_name}\r\n"
               "Content-Transfer-Encoding: base64\r\n\r\n").encode() + cte_encode(data, "base64") + b"\r\n"
        body = _multipart("mixed", [_leaf("text/plain", text, m), att], f"------------{b[:24]}")
    elif m.structure == "report":
        body = _multipart("report", _report_parts(m, n, when), f"{b[:10].upper()}.{n}/{domain}",
                          "; report-type=delivery-status")
    else:
        raise ValueError(m.structure)
    return "\r\n".join(h).encode("ascii") + b"\r\n" + body


# -- sanity checks on the hand-written labels --------------------------------------------------

_CIRCLED = dict(zip("①②③④⑤⑥⑦⑧⑨", "         "))


def _norm(s: str) -> str:
    s = "".join(_CIRCLED.get(c, c) for c in s)
    return unicodedata.normalize("NFKC", s).replace("‐", "-")


def check(fname: str, m: Msg) -> None:
    own = _norm(m.body)
    lab = m.label
    if not m.wrong_weekday:
        for mo, d, w in re.findall(r"(\d{1,2})[月/](\d{1,2})日?\s*\(([月火水木金土日])\)", own):
            y = 2026 if int(mo) >= 11 else 2027
            assert WD[dt.date(y, int(mo), int(d)).weekday()] == w, (fname, mo, d, w)
    for r in lab["requested"]:
        dt.date.fromisoformat(r["date"])
    digits = re.sub(r"\D", "", own)
    if lab["seeker_number"]:
        assert re.fullmatch(r"\d{5}-\d{8}", lab["seeker_number"]), fname
        assert lab["seeker_number"].replace("-", "") in digits, fname
    if lab["phone"]:
        p = lab["phone"].replace("-", "")
        assert p in digits or p[1:] in digits, fname
    if lab["email"] != m.sender[1].lower():
        assert lab["email"] in own.lower(), fname
    if lab["name"]:
        assert lab["name"].replace(" ", "") in re.sub(r"\s|&nbsp;", "", own), fname


def main(out: Path = HERE) -> None:
    _check_sjis_to_jis()
    messages = sorted(MESSAGES, key=lambda m: m.date)  # numbered in arrival order, like the examples
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("h*.eml"):
        old.unlink()
    labels, meta = {}, {}
    for n, m in enumerate(messages, 1):
        fname = f"h{n:03d}.eml"
        check(fname, m)
        (out / fname).write_bytes(build(m, n))
        labels[fname] = m.label
        meta[fname] = {"charset": m.charset_label or m.enc, "transfer_encoding":
                       "7bit" if m.enc == "iso-2022-jp" else m.cte, "structure": m.structure,
                       "client": m.client, "reply_style": m.reply[0] if m.reply else None, "note": m.note}
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(MESSAGES)} messages to {out}")


if __name__ == "__main__":
    import sys
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
