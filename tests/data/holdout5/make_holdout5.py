"""Generate the fifth blind hold-out set (r001.eml … + labels.json + meta.json).

Written without reading the parser, so the figures it yields estimate how the parser does on mail
it was not tuned on. Standard library only, deterministic, CRLF line ends. Every message is built
from an unquoted body (the only source of labels) and an optional quoted office mail, and the
script asserts its own labels: weekdays via datetime, relative dates from the Date header (JST),
and each labelled value present in the unquoted text.

Run: python tests/data/holdout5/make_holdout5.py
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import quopri
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent
JST = dt.timezone(dt.timedelta(hours=9))
OFFICE = "online-soudan@akita-hw.example.jp"
WD = "月火水木金土日"
WD_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------- dates ---------------------------

def day(m: int, d: int, y: int = 2026) -> dt.date:
    return dt.date(y, m, d)


def jd(m: int, d: int, y: int = 2026, paren: str = "（）") -> str:
    """12月2日（水） with the weekday computed, never typed."""
    return f"{m}月{d}日{paren[0]}{WD[dt.date(y, m, d).weekday()]}{paren[1]}"


def rfc_date(t: dt.datetime) -> str:
    return f"{WD_EN[t.weekday()]}, {t.day:02d} {MON_EN[t.month - 1]} {t.year} {t:%H:%M:%S} {t:%z}"


def next_weekday_next_week(base: dt.date, wd: int) -> dt.date:
    """来週X曜: the X-day of the week (Mon-start) after base's week."""
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=7)
    return monday + dt.timedelta(days=wd)


def this_week(base: dt.date, wd: int) -> dt.date:
    return base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=wd)


def R(date: dt.date, start: str | None = None, end: str | None = None) -> dict:
    return {"date": date.isoformat(), "start": start, "end": end}


AM = ("09:00", "12:00")
PM = ("13:00", "17:00")


# ---------------------------------------------------------------- encoders ------------------------

def _nec_selected() -> dict[str, bytes]:
    """IBM-extension kanji as NEC-selected cp932 codes (rows 89-92), the form CP50220 sends."""
    table: dict[str, bytes] = {}
    for lead in (0xED, 0xEE):
        for trail in range(0x40, 0xFD):
            raw = bytes([lead, trail])
            try:
                table.setdefault(raw.decode("cp932"), raw)
            except UnicodeDecodeError:
                pass
    return table


NEC_SEL = _nec_selected()


def _sjis_to_jis(raw: bytes) -> bytes:
    s1, s2 = raw
    j1 = (s1 - (0x70 if s1 < 0xA0 else 0xB0)) * 2
    if s2 < 0x9F:
        j1 -= 1
        j2 = s2 - (0x1F if s2 < 0x7F else 0x20)
    else:
        j2 = s2 - 0x7E
    return bytes([j1, j2])


def enc_jis(text: str) -> bytes:
    """ISO-2022-JP as Japanese clients send it: JIS X 0208, cp932 extensions (NEC row 13,
    NEC-selected IBM kanji) inside ESC $ B, half-width kana as JIS X 0201 (ESC ( I)."""
    out = bytearray()
    mode = "ascii"
    for ch in text:
        if ord(ch) < 0x80:
            if mode != "ascii":
                out += b"\x1b(B"
                mode = "ascii"
            out += ch.encode("ascii")
        elif 0xFF61 <= ord(ch) <= 0xFF9F:
            if mode != "kana":
                out += b"\x1b(I"
                mode = "kana"
            out.append(ord(ch) - 0xFF61 + 0x21)
        else:
            try:
                code = ch.encode("iso2022_jp").replace(b"\x1b$B", b"").replace(b"\x1b(B", b"")
                assert len(code) == 2
            except UnicodeEncodeError:
                code = _sjis_to_jis(NEC_SEL.get(ch) or ch.encode("cp932"))
            if mode != "jis":
                out += b"\x1b$B"
                mode = "jis"
            out += code
    if mode != "ascii":
        out += b"\x1b(B"
    return bytes(out)


CHARSETS = {  # family -> (charset label, encoder)
    "jis": ("ISO-2022-JP", enc_jis),
    "sjis": ("Shift_JIS", lambda s: s.replace("〜", "～").encode("cp932")),
    "utf8": ("UTF-8", lambda s: s.encode("utf-8")),
}


def enc_header(text: str, family: str) -> str:
    """Non-ASCII header text as RFC 2047 B encoded-words, folded every 12 characters."""
    if all(ord(c) < 0x80 for c in text):
        return text
    label, encode = CHARSETS[family]
    words = [text[i:i + 12] for i in range(0, len(text), 12)]
    return "\r\n ".join(f"=?{label}?B?{base64.b64encode(encode(w)).decode()}?=" for w in words)


def addr(display: str, address: str, family: str) -> str:
    return f"{enc_header(display, family)} <{address}>" if display else address


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def transfer(text: str, family: str, cte: str) -> bytes:
    _, encode = CHARSETS[family]
    raw = encode(crlf(text))
    if cte in ("7bit", "8bit"):
        return raw
    if cte == "base64":
        b = base64.b64encode(raw).decode()
        return crlf("\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\n").encode()
    if cte == "quoted-printable":
        q = quopri.encodestring(encode(text.replace("\r\n", "\n")))
        return q.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    raise ValueError(cte)


def to_html(body: str, quote_head: str = "", quote: str = "") -> str:
    def lines(t: str) -> str:
        return "".join(f"<div>{html.escape(x)}</div>" if x else "<div><br></div>"
                       for x in t.rstrip("\n").split("\n"))
    doc = f'<div dir="ltr">{lines(body)}</div>'
    if quote:
        doc += (f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
                f'{html.escape(quote_head)}<br></div><blockquote class="gmail_quote" '
                f'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
                f'padding-left:1ex">{"<br>".join(html.escape(x) for x in quote.split(chr(10)))}'
                f'</blockquote></div>')
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
            f"</head><body>{doc}</body></html>\n")


# ---------------------------------------------------------------- office mails (quoted) -----------

SIG = """━━━━━━━━━━━━━━━━━━━━━━━━
ハローワーク秋田（秋田公共職業安定所）
職業相談部門　オンライン職業相談担当
TEL：018-860-0000（平日 8:30〜17:15）
E-mail：online-soudan@akita-hw.example.jp
━━━━━━━━━━━━━━━━━━━━━━━━"""


def offer_text(name: str, slots: list[tuple[dt.date, str, str]]) -> str:
    opts = "\n".join(f"{i}. {d.year}年{d.month}月{d.day}日({WD[d.weekday()]}) {s}〜{e}"
                     for i, (d, s, e) in enumerate(slots, 1))
    return f"""{name} 様

ハローワーク秋田 オンライン職業相談担当です。
このたびはオンライン職業相談をお申し込みいただき、ありがとうございます。

ご希望をもとに、次の日時でご予約をお取りできます。

{opts}

ご希望の番号を、このメールへの返信でお知らせください。
添付の「オンライン職業相談 利用規約」をご確認ください。
ご返信いただいた時点で利用規約に同意されたものとし、予約を確定いたします。

※相談時間は1回50分です（平日 9:00〜17:00）。
※キャンセル・日時の変更も、このメールへの返信でご連絡ください。

{SIG}"""


def booked_text(name: str, d: dt.date, s: str, e: str) -> str:
    return f"""{name} 様

ハローワーク秋田 オンライン職業相談担当です。
ご返信ありがとうございました。以下の日時でご予約が確定しました。

　日時：{d.year}年{d.month}月{d.day}日({WD[d.weekday()]}) {s}〜{e}
　方法：Tele Office（ビデオ通話）
　※接続用URLは前日の17時までにお送りします。

キャンセル・日時の変更は、このメールへの返信でお知らせください。

{SIG}"""


def quote_block(style: str, sent: dt.datetime, text: str, to: str) -> tuple[str, str]:
    """(reply header, quoted text) in the style of a mail client."""
    gt = "\n".join(("> " + x) if x else ">" for x in text.split("\n"))
    ymd = f"{sent.year}年{sent.month}月{sent.day}日({WD[sent.weekday()]}) {sent:%H:%M}"
    if style == "gmail":
        return f"{ymd} ハローワーク秋田 <{OFFICE}>:\n", gt
    if style == "becky":
        return f"On {rfc_date(sent)[5:]}\nハローワーク秋田 <{OFFICE}> wrote:", gt
    if style == "thunderbird":
        return f"{sent:%Y/%m/%d %H:%M} に ハローワーク秋田 さんは書きました:", gt
    if style == "thunderbird_en":
        return f"On {sent:%Y/%m/%d %H:%M}, ハローワーク秋田 wrote:", gt
    if style == "iphone":
        return f"{sent:%Y/%m/%d %H:%M}、ハローワーク秋田 <{OFFICE}>のメール:\n", gt
    subject = "【ハローワーク秋田】オンライン職業相談のご予約" + (
        "確定のお知らせ" if "確定しました" in text else "について")
    if style == "outlook":
        return (f"-----Original Message-----\n差出人: ハローワーク秋田 <{OFFICE}> \n"
                f"送信日時: {sent.year}年{sent.month}月{sent.day}日 {sent:%H:%M}\n宛先: {to}\n"
                f"件名: {subject}\n", text)
    if style == "outlook_new":
        return (f"________________________________\n差出人: ハローワーク秋田 <{OFFICE}>\n"
                f"送信日時: {sent.year}年{sent.month}月{sent.day}日 {sent:%H:%M}\n"
                f"宛先: {to} <{to}>\n件名: {subject}\n", text)
    raise ValueError(style)


# ---------------------------------------------------------------- clients -------------------------

def client_headers(client: str, mid_seed: str, domain: str) -> tuple[list[str], str]:
    h = hashlib.sha1(mid_seed.encode()).hexdigest()
    if client == "outlook":
        return ["X-Mailer: Microsoft Outlook 16.0", "Content-Language: ja"], \
            f"<00{h[:10]}${h[10:18]}${h[18:26]}@{domain}>"
    if client == "becky":
        return ["X-Mailer: Becky! ver. 2.81.05 [ja]"], f"<202611{h[:6].upper()}.{h[6:14].upper()}@{domain}>"
    if client == "thunderbird":
        return ["User-Agent: Mozilla Thunderbird", "Content-Language: ja"], f"<{h[:16]}.{h[16:24]}@{domain}>"
    if client == "gmail":
        return [], f"<CA+{h[:30].upper()}@mail.gmail.example.com>"
    if client == "iphone":
        return ["X-Mailer: iPhone Mail (22B91)"], f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:24].upper()}@{domain}>"
    if client == "android":
        return ["User-Agent: Android"], f"<{h[:16]}.{h[16:24]}@{domain}>"
    if client == "wlmail":
        return ["X-Mailer: Microsoft Windows Live Mail 16.4.3528.331"], f"<{h[:20].upper()}@{domain}>"
    if client == "webmail":
        return ["X-Mailer: Active! mail"], f"<{h[:16]}.{h[16:24]}@{domain}>"
    if client == "yahoo":
        return ["X-Mailer: Yahoo! Mail"], f"<{h[:24]}@mail.yahoo.example.co.jp>"
    return [], f"<{h[:16]}.{h[16:24]}@{domain}>"


# ---------------------------------------------------------------- spec ----------------------------

def L(intent: str, name=None, sn=None, email=None, phone=None, req=(), choice=None, att=None) -> dict:
    return {"intent": intent, "name": name, "seeker_number": sn, "email": email, "phone": phone,
            "requested": list(req), "choice": choice, "attendant": att}


def T(m: int, d: int, hh: int, mm: int, ss: int = 7) -> dt.datetime:
    return dt.datetime(2026, m, d, hh, mm, ss, tzinfo=JST)


M: list[dict] = []


def mail(when, frm, subject, body, labels, note, *, family="utf8", cte="base64", client="",
         struct="plain", quote=None, extra=(), irt=True, subject_family=None, utc_header=False):
    M.append(dict(when=when, frm=frm, subject=subject, body=body, labels=labels, note=note,
                  family=family, cte=cte, client=client, struct=struct, quote=quote,
                  extra=list(extra), irt=irt, subject_family=subject_family or family,
                  utc_header=utc_header))


def offer_quote(style, sent, name, slots, to):
    return (style, sent, offer_text(name, slots), to)


def booked_quote(style, sent, name, slot, to):
    return (style, sent, booked_text(name, *slot), to)


HELLO = "ハローワーク秋田\nオンライン職業相談ご担当者様\n"

# ---- first booking requests ----------------------------------------------------------------------
mail(T(11, 25, 9, 20), ("小林 悠斗", "yuto.kobayashi@example.jp"), "オンライン職業相談の予約希望",
     f"""{HELLO}
はじめてメールいたします。
オンライン職業相談を予約したく、ご連絡しました。

氏名：小林 悠斗
求職番号：05010-48213377
希望日時：{jd(12, 2)}10:00
電話番号：090-2214-6630

よろしくお願いいたします。
""", L("book", "小林 悠斗", "05010-48213377", "yuto.kobayashi@example.jp", "090-2214-6630",
       [R(day(12, 2), "10:00")]), "labelled form, ISO-2022-JP", family="jis", cte="7bit",
     client="thunderbird")

_b = dt.date(2026, 11, 25)
mail(T(11, 25, 13, 48), ("野口美穂", "miho.noguchi55@gmail.example.com"), "相談の申し込み",
     """ハローワーク秋田 御中

はじめまして、野口美穂と申します。
現在求職中で、応募書類の書き方について相談したいと思っています。
来週木曜の午後にオンライン相談をお願いできますでしょうか。
求職番号は05020 61184023です。
電話は080-4467-1290にお願いします。

よろしくお願いいたします。
""", L("book", "野口美穂", "05020-61184023", "miho.noguchi55@gmail.example.com", "080-4467-1290",
       [R(next_weekday_next_week(_b, 3), *PM)]),
     "free prose; 来週木曜 relative to Wed 11/25; seeker number split by a space; name without space",
     client="gmail")

mail(T(11, 26, 7, 41), ("", "mizuki-sano.0918@ezweb.example.ne.jp"), "予約",
     f"""ハローワーク秋田さま
オンラインの職業相談をおねがいします。
名前：佐野 瑞希
求職番号：05030-77120458
希望
①{jd(12, 4, paren='()')}10時半
②{jd(12, 7, paren='()')}午前中
携帯：070-5583-2214
""", L("book", "佐野 瑞希", "05030-77120458", "mizuki-sano.0918@ezweb.example.ne.jp", "070-5583-2214",
       [R(day(12, 4), "10:30"), R(day(12, 7), *AM)]),
     "Shift_JIS 8bit with cp932 ①② directly before the date; carrier address, no display name; 10時半",
     family="sjis", cte="8bit", client="carrier")

mail(T(11, 26, 16, 5), ("山﨑 隆之", "t.yamasaki@example.co.jp"), "オンライン職業相談予約のお願い（山﨑）",
     f"""ハローワーク秋田 ご担当者様

お世話になります。山﨑と申します。
オンライン職業相談を申し込みたく、ご連絡いたしました。

【氏名】山﨑 隆之（やまさき たかゆき）
【求職番号】05010-39904182
【希望日時】
　第1希望：{jd(12, 8)} 14:00
　第2希望：{jd(12, 9)} 14:00
【連絡先】090-8831-2076

よろしくお願いいたします。
""", L("book", "山﨑 隆之", "05010-39904182", "t.yamasaki@example.co.jp", "090-8831-2076",
       [R(day(12, 8), "14:00"), R(day(12, 9), "14:00")]),
     "EXT: 﨑 (IBM kanji, sent NEC-selected as CP50220 does) in body, Subject and From; furigana; 第1/第2希望",
     family="jis", cte="7bit", client="outlook")

mail(T(11, 27, 10, 12), ("石田 千尋", "chihiro.ishida@example.com"), "職業相談の予約",
     """ハローワーク秋田　オンライン相談窓口　御中

いつもお世話になっております。
オンライン職業相談の予約をお願いします。

氏名　　：石田　千尋
求職番号：０５０３０－１２８４５６７３
希望日時：１２月１０日（木）１５：００
電話番号：０８０－１１２６－３３４８

以上です。よろしくお願いいたします。
""", L("book", "石田 千尋", "05030-12845673", "chihiro.ishida@example.com", "080-1126-3348",
       [R(day(12, 10), "15:00")]),
     "full-width digits, hyphens and ideographic space in name; UTF-8 QP", cte="quoted-printable",
     client="outlook")

_b = dt.date(2026, 11, 30)
mail(T(11, 30, 8, 3), ("大川 蓮", "ren.okawa@icloud.example.com"), "明日の相談",
     """ハローワーク秋田さま

大川 蓮と申します。
急ですみませんが、明日の午後にオンライン相談を受けたいです。
求職番号は05040-22017789です。
電話番号 08033914420

よろしくお願いします。

iPhoneから送信
""", L("book", "大川 蓮", "05040-22017789", "ren.okawa@icloud.example.com", "08033914420",
       [R(_b + dt.timedelta(days=1), *PM)]),
     "multipart/alternative (iPhone, QP); 明日 relative to Mon 11/30; phone without hyphens",
     struct="alternative", cte="quoted-printable", client="iphone")

mail(T(11, 30, 21, 17), ("松本 結衣", "yui-matsumoto@example.ne.jp"), "オンライン職業相談の予約",
     """ハローワーク秋田 ご担当者様

松本 結衣と申します。
オンライン職業相談の予約をお願いいたします。

希望日時：令和8年12月11日（金）午前
求職番号：05010-86630215
電話番号：090-7302-5518

よろしくお願いいたします。
""", L("book", "松本 結衣", "05010-86630215", "yui-matsumoto@example.ne.jp", "090-7302-5518",
       [R(day(12, 11), *AM)]), "HTML only; 和暦 with 午前", struct="html", client="webmail")

mail(T(12, 1, 11, 36), ("WANG LI", "wangli.akita@example.com"), "そうだんの よやく",
     f"""ハローワーク あきた の みなさま

わたしは 王 麗 です。ちゅうごくから きました。
しごとの そうだん を したいです。
{jd(12, 14, paren='()')} 10時 に おねがいします。
ちゅうごくご の つうやく の ひと と いっしょに さんか します。

きゅうしょくばんごう 05020-44190387
でんわ 080-6671-0925
""", L("book", "王 麗", "05020-44190387", "wangli.akita@example.com", "080-6671-0925",
       [R(day(12, 14), "10:00")], att="interpreter"),
     "simple hiragana Japanese; Latin display name; interpreter joins; 8bit UTF-8", cte="8bit",
     client="android")

mail(T(12, 1, 15, 22), ("熊谷 智子", "tomoko.kumagai@example.jp"), "相談予約のお願い",
     f"""ハローワーク秋田 御中

熊谷 智子です。
オンライン職業相談の予約をお願いします。

車いすを使用しているため、当日はヘルパーさんが同席して操作を手伝います。

希望日時：{jd(12, 15)} 13:30〜14:20
求職番号：05030-60277418
電話：018-864-3307

よろしくお願いいたします。
""", L("book", "熊谷 智子", "05030-60277418", "tomoko.kumagai@example.jp", "018-864-3307",
       [R(day(12, 15), "13:30", "14:20")], att="caregiver"),
     "caregiver (ヘルパー); stated span; landline", family="jis", cte="7bit", client="becky")

mail(T(12, 1, 17, 2), ("若杉 恵子", "wakasugi@akita-shuro.example.or.jp"), "利用者の相談予約について",
     f"""ハローワーク秋田 オンライン職業相談ご担当者様

いつもお世話になっております。
秋田市就労支援センターの若杉です。

当センターを利用されている伊東 翔太さんの、オンライン職業相談の予約をお願いしたくご連絡しました。
ご本人の希望は{jd(12, 16)}の午前中です。
当日は支援員の私も同席させていただければと思います。

求職番号：05010-93307164
今後のご連絡は、ご本人のメール（shota.ito.0501@example.jp）と
ご本人の携帯（090-5512-8870）にお願いいたします。

――――――――――――――――
秋田市就労支援センター
支援員　若杉 恵子
TEL 018-801-4420
――――――――――――――――
""", L("book", "伊東 翔太", "05010-93307164", "shota.ito.0501@example.jp", "090-5512-8870",
       [R(day(12, 16), *AM)], att="other"),
     "written by support-agency staff who joins (other); contact is the seeker's, not the centre's",
     family="jis", cte="7bit", client="outlook")

_b = dt.date(2026, 12, 1)
mail(T(12, 1, 19, 55), ("高野雅人", "masato.takano@example.ne.jp"), "オンライン相談の予約",
     """ハローワーク秋田 ご担当者様

高野雅人と申します。オンラインでの職業相談を予約させてください。
今週金曜の午前中か、来週月曜の15時だと助かります。

求職番号 05020-15583902
携帯 090-4120-7765
""", L("book", "高野雅人", "05020-15583902", "masato.takano@example.ne.jp", "090-4120-7765",
       [R(this_week(_b, 4), *AM), R(next_weekday_next_week(_b, 0), "15:00")]),
     "今週金曜 / 来週月曜 relative to Tue 12/1", client="android")

mail(T(12, 2, 9, 31), ("菊地 健", "ken.kikuchi@example.jp"), "予約のお願い",
     f"""ハローワーク秋田 ご担当者様

菊地 健と申します。
年末で仕事が休みになるので、{jd(12, 29)}の午前にオンライン相談をお願いできればと思います。

求職番号：05040-70351126
電話：080-3015-6694

よろしくお願いします。
""", L("book", "菊地 健", "05040-70351126", "ken.kikuchi@example.jp", "080-3015-6694",
       [R(day(12, 29), *AM)]),
     "asks for 12/29 (office closed; labelled as asked); Shift_JIS base64", family="sjis",
     client="legacy")

mail(T(12, 2, 14, 8), ("岡田 玲奈", "rena.okada@example.jp"), "オンライン職業相談の申込み",
     """ハローワーク秋田
オンライン職業相談ご担当者様

はじめまして。岡田 玲奈と申します。
オンライン職業相談を申し込みたいです。
日時はそちらのご都合に合わせますので、空いている日を教えてください。

求職番号：05010-27748810
電話番号：070-8842-1163

よろしくお願いいたします。
""", L("book", "岡田 玲奈", "05010-27748810", "rena.okada@example.jp", "070-8842-1163"),
     "no requested time", family="jis", cte="7bit", client="thunderbird")

mail(T(12, 3, 10, 44), ("杉山 大地", "daichi.sugiyama@example.ne.jp"), "相談予約",
     f"""ハローワーク秋田 御中

お世話になります。
オンライン職業相談の予約をお願いいたします。

氏名：杉山 大地
求職番号：05030-40418856
希望：{jd(12, 10)} 11:00

よろしくお願いいたします。

----------------------------------
杉山 大地
〒010-0921 秋田市大町1-2-3
TEL 018-823-4410
----------------------------------
""", L("book", "杉山 大地", "05030-40418856", "daichi.sugiyama@example.ne.jp", "018-823-4410",
       [R(day(12, 10), "11:00")]),
     "only phone is in the signature -> contact; postal code is not a phone", family="jis",
     cte="7bit", client="becky")

mail(T(12, 3, 12, 20), ("中島 沙耶", "saya.nakajima@example.com"), "オンライン職業相談の予約について",
     f"""ハローワーク秋田 オンライン相談ご担当様

お世話になります。中島と申します。
在職中ですが転職を考えており、相談の予約をお願いしたいです。

氏名：中島 沙耶
求職番号：05020-58812047
希望日時：{jd(12, 17, paren='()')} 16:00
連絡先：携帯 070-2291-8834 にお願いします。
（勤務先の電話 018-866-5210 には連絡しないでください）

--
中島 沙耶
株式会社サンプル商事 総務課
TEL 018-866-5210
""", L("book", "中島 沙耶", "05020-58812047", "saya.nakajima@example.com", "070-2291-8834",
       [R(day(12, 17), "16:00")]),
     "employer phone said not to be used; UTF-8 QP", cte="quoted-printable", client="outlook")

mail(T(12, 4, 7, 50), ("Manabu Hasegawa", "m.hasegawa@example.org"), "Online consultation / 相談予約",
     f"""ハローワーク秋田 ご担当者様

長谷川 学です。現在海外に住んでおり、来月帰国して秋田で仕事を探す予定です。
オンライン職業相談の予約をお願いします。

希望日時：{jd(12, 9)} 9:30
求職番号：05010-11460392
電話：+81 90-6612-3345（日本の携帯です）

よろしくお願いいたします。
""", L("book", "長谷川 学", "05010-11460392", "m.hasegawa@example.org", "090-6612-3345",
       [R(day(12, 9), "09:30")]),
     "+81 phone -> domestic form; romaji display name; 8bit UTF-8", cte="8bit", client="thunderbird")

mail(T(12, 4, 18, 33), ("", "miki-s.1124@docomo.example.ne.jp"), "相談予約",
     f"""ハローワーク秋田さま

酒井 美紀です。
オンライン職業相談の予約をお願いします。

希望日時：{jd(12, 11, paren='()')}14時
求職番号：05040-29903318
携帯：080-7749-0251
連絡はパソコンのメール m.sakai.home＠example.jp にお願いします。
""", L("book", "酒井 美紀", "05040-29903318", "m.sakai.home@example.jp", "080-7749-0251",
       [R(day(12, 11), "14:00")]),
     "contact address with full-width ＠ differs from the carrier From; Shift_JIS 8bit",
     family="sjis", cte="8bit", client="carrier")

mail(T(12, 7, 9, 5), ("原田 直人", "naoto.harada@example.jp"), "オンライン職業相談",
     f"""ハローワーク秋田 ご担当者様

原田 直人と申します。
{jd(12, 16)}の2時から、オンライン職業相談をお願いできますでしょうか。

求職番号：05030-85524409
電話番号：090-1657-3382

よろしくお願いいたします。
""", L("book", "原田 直人", "05030-85524409", "naoto.harada@example.jp", "090-1657-3382",
       [R(day(12, 16), "14:00")]),
     "bare 2時 -> 14:00", family="jis", cte="7bit", client="thunderbird")

mail(T(12, 7, 13, 26), ("藤井 彩", "aya.fujii@example.ne.jp"), "ｵﾝﾗｲﾝ相談の予約",
     f"""ハローワーク秋田 御中

はじめまして。ｵﾝﾗｲﾝ職業相談の予約をお願いします。

氏名：藤井 彩（ﾌｼﾞｲ ｱﾔ）
求職番号：05020-36671205
希望日時：{jd(12, 14)} 11:00
電話：080-2845-6630

よろしくお願いします。
""", L("book", "藤井 彩", "05020-36671205", "aya.fujii@example.ne.jp", "080-2845-6630",
       [R(day(12, 14), "11:00")]),
     "EXT: half-width kana (JIS X 0201, ESC ( I) for furigana and in Subject; furigana dropped",
     family="jis", cte="7bit", client="wlmail")

mail(T(12, 8, 10, 40), ("桜井 優子", "yuko.sakurai@example.jp"), "オンライン職業相談の予約申込",
     f"""ハローワーク秋田 御中

お世話になっております。
オンライン職業相談の予約を申し込みます。

氏名：桜井 優子
求職番号：05010-52280941
第1希望：令和8年{jd(12, 17)}午前10時
第2希望：令和8年{jd(12, 18)}午後3時
電話：090-3378-1025

よろしくお願いいたします。
""", L("book", "桜井 優子", "05010-52280941", "yuko.sakurai@example.jp", "090-3378-1025",
       [R(day(12, 17), "10:00"), R(day(12, 18), "15:00")]),
     "和暦; 午前10時 / 午後3時", family="jis", cte="7bit", client="becky")

mail(T(12, 10, 20, 14), ("西村 和真", "kazuma.nishimura@gmail.example.com"), "職業相談（オンライン）予約",
     f"""ハローワーク秋田 ご担当者様

西村 和真と申します。
オンライン職業相談の予約をお願いします。
{jd(12, 15, paren='()')}の13時〜15時の間でお願いできれば幸いです。

求職番号：05040-61129087
電話：080-5106-2249
""", L("book", "西村 和真", "05040-61129087", "kazuma.nishimura@gmail.example.com", "080-5106-2249",
       [R(day(12, 15), "13:00", "15:00")]),
     "multipart/alternative (Gmail, base64); stated span 13時〜15時", struct="alternative",
     client="gmail")

mail(T(12, 16, 11, 2), ("安藤 ひかり", "hikari.ando@yahoo.example.co.jp"), "年明けの相談予約",
     f"""ハローワーク秋田 ご担当者様

安藤 ひかりと申します。
年明けにオンライン職業相談をお願いしたいです。
希望日時：{jd(1, 5, 2027)} 10時
求職番号：05020-70045518
電話：070-6628-1193

よろしくお願いいたします。
""", L("book", "安藤 ひかり", "05020-70045518", "hikari.ando@yahoo.example.co.jp", "070-6628-1193",
       [R(day(1, 5, 2027), "10:00")]),
     "bare 1月5日 resolves to 2027 (weekday checked for 2027)", cte="quoted-printable", client="yahoo")

mail(T(12, 17, 9, 48), ("髙橋 誠司", "seiji.takahashi@example.jp"), "オンライン職業相談の予約",
     f"""ハローワーク秋田 ご担当者様

髙橋 誠司と申します。
オンライン職業相談の予約をお願いします。

希望日時
・{jd(12, 21, paren='()')} 午後
・{jd(12, 22, paren='()')} 10:00〜11:00
求職番号：0501088204476
電話：090-2240-9981
""", L("book", "髙橋 誠司", "05010-88204476", "seiji.takahashi@example.jp", "090-2240-9981",
       [R(day(12, 21), *PM), R(day(12, 22), "10:00", "11:00")]),
     "EXT: 髙 (NEC-selected) in ISO-2022-JP; seeker number without separator; bullet list",
     family="jis", cte="7bit", client="outlook")

mail(T(12, 11, 19, 26), ("村上 大輔", "daisuke.murakami@example.ne.jp"), "相談の予約をお願いします",
     f"""ハローワーク秋田 ご担当者様

村上 大輔と申します。
オンライン職業相談の予約をお願いいたします。
人前で話すのが苦手なため、当日は母が同席します。

希望日時：{jd(12, 18)} 午後2時半
求職番号：05030-19920674
電話：018-832-7719

よろしくお願いいたします。
""", L("book", "村上 大輔", "05030-19920674", "daisuke.murakami@example.ne.jp", "018-832-7719",
       [R(day(12, 18), "14:30")], att="other"),
     "mother joins (other); 午後2時半; Shift_JIS base64", family="sjis", client="legacy")

mail(T(12, 14, 10, 3), ("小山 舞", "mai.koyama@example.com"), "オンライン職業相談を希望します",
     f"""ハローワーク秋田 オンライン相談ご担当様

はじめまして、小山 舞と申します。
{jd(12, 16)}の10時から11時まで、オンラインで相談させていただけますか。

求職番号：05010-62238815
電話番号：070-3321-5548
""", L("book", "小山 舞", "05010-62238815", "mai.koyama@example.com", "070-3321-5548",
       [R(day(12, 16), "10:00", "11:00")]),
     "span written 10時から11時まで; UTF-8 QP", cte="quoted-printable", client="outlook")

_b = dt.date(2026, 12, 16)
mail(T(12, 16, 9, 12), ("今井 陽子", "yoko.imai@example.jp"), "相談予約（手話通訳あり）",
     """ハローワーク秋田 ご担当者様

今井 陽子です。耳が聞こえないため、手話通訳者と一緒に参加します。
急ですが、明後日の午前中にオンライン職業相談をお願いできますか。

求職番号：05040-83361270
連絡はメールでお願いします。
""", L("book", "今井 陽子", "05040-83361270", "yoko.imai@example.jp",
       req=[R(_b + dt.timedelta(days=2), *AM)], att="interpreter"),
     "明後日 relative to Wed 12/16; 手話通訳; no phone", family="jis", cte="7bit",
     client="thunderbird")

_b = dt.date(2026, 12, 7)  # Sun 12/6 16:30 UTC is already Mon 12/7 in Akita
mail(T(12, 7, 1, 30), ("田口 航", "wataru.taguchi@gmail.example.com"), "明日の午前中に相談したいです",
     """ハローワーク秋田 ご担当者様

夜分に失礼します。田口 航と申します。
明日の午前中にオンライン職業相談をお願いできないでしょうか。
空きがなければ別の日でも構いません。

求職番号：05030-72295508
電話番号：080-6390-1174
""", L("book", "田口 航", "05030-72295508", "wataru.taguchi@gmail.example.com", "080-6390-1174",
       [R(_b + dt.timedelta(days=1), *AM)]),
     "Date header in UTC (Sun 16:30 +0000 = Mon 01:30 JST): 明日 is Tue 12/8", client="gmail",
     utc_header=True)

mail(T(12, 5, 10, 10), ("遠藤 里奈", "rina.endo@example.ne.jp"), "オンライン職業相談の予約",
     f"""ハローワーク秋田 ご担当者様

遠藤 里奈と申します。
11月20日に窓口で相談した際に、オンライン相談もできると伺いました。
12月10日は企業の面接があるため、{jd(12, 11)}の午前中でお願いできますか。

求職番号：05010-40086613
電話：090-6625-4071
""", L("book", "遠藤 里奈", "05010-40086613", "rina.endo@example.ne.jp", "090-6625-4071",
       [R(day(12, 11), *AM)]),
     "past visit date and an interview date are not requested", family="jis", cte="7bit",
     client="thunderbird")

mail(T(12, 9, 7, 58), ("浜田 泰子", "yasuko.hamada@example.com"), "相談予約のお願い",
     f"""ハローワーク秋田 御中

浜田 泰子です。オンライン職業相談を予約したいです。
{jd(12, 21)}でお願いします。この日は終日空いているので、時間はいつでも大丈夫です。

求職番号：05020-91172236
携帯：070-4438-0962
""", L("book", "浜田 泰子", "05020-91172236", "yasuko.hamada@example.com", "070-4438-0962",
       [R(day(12, 21))]), "bare date with 終日 -> null times; UTF-8 QP", cte="quoted-printable",
     client="outlook")

mail(T(12, 9, 11, 22), ("秋山 慶", "kei.akiyama@example.jp"), "オンライン相談希望（秋山）",
     """ハローワーク秋田 御中

秋山 慶（アキヤマ ケイ）と申します。
オンライン職業相談の予約をお願いいたします。

第1希望 12/14(月) 13:00
第2希望 12/15(火) 16:00

求職番号 05040-15560928
TEL 018-845-3316
""", L("book", "秋山 慶", "05040-15560928", "kei.akiyama@example.jp", "018-845-3316",
       [R(day(12, 14), "13:00"), R(day(12, 15), "16:00")]),
     "slash dates; katakana furigana in prose", family="jis", cte="7bit", client="becky")

# ---- confirmations -------------------------------------------------------------------------------
mail(T(11, 27, 9, 15), ("小林 悠斗", "yuto.kobayashi@example.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田
オンライン職業相談ご担当者様

ご連絡ありがとうございます。
1番でお願いします。
利用規約も確認し、同意します。

小林 悠斗
""", L("confirm", "小林 悠斗", email="yuto.kobayashi@example.jp", choice=1),
     "Becky! reply header; 1番",
     family="jis", cte="7bit", client="becky",
     quote=offer_quote("becky", T(11, 26, 16, 30, 2), "小林 悠斗",
                       [(day(12, 2), "10:00", "10:50"), (day(12, 3), "14:00", "14:50")],
                       "yuto.kobayashi@example.jp"))

mail(T(11, 27, 15, 3), ("山﨑 隆之", "t.yamasaki@example.co.jp"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田
ご担当者様

お世話になっております。山﨑です。
ご提示の日程のうち、②でお願いいたします。
規約にも同意いたします。

山﨑 隆之
携帯：090-8831-2076
""", L("confirm", "山﨑 隆之", email="t.yamasaki@example.co.jp", phone="090-8831-2076", choice=2),
     "EXT: ② and 﨑 inside ISO-2022-JP (CP50220); Outlook Original Message quote without >",
     family="jis", cte="7bit", client="outlook",
     quote=offer_quote("outlook", T(11, 27, 11, 10), "山﨑 隆之",
                       [(day(12, 8), "14:00", "14:50"), (day(12, 9), "14:00", "14:50"),
                        (day(12, 10), "9:00", "9:50")], "t.yamasaki@example.co.jp"))

mail(T(11, 28, 10, 21), ("野口美穂", "miho.noguchi55@gmail.example.com"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

お世話になっております。野口です。
３番でお願いいたします。

野口美穂
""", L("confirm", "野口美穂", email="miho.noguchi55@gmail.example.com", choice=3),
     "multipart/alternative (Gmail); full-width ３番; HTML quote in blockquote", struct="alternative",
     client="gmail",
     quote=offer_quote("gmail", T(11, 27, 17, 45), "野口 美穂",
                       [(day(12, 3), "13:00", "13:50"), (day(12, 3), "15:00", "15:50"),
                        (day(12, 4), "14:00", "14:50")], "miho.noguchi55@gmail.example.com"))

mail(T(11, 30, 12, 9), ("", "ren.okawa@icloud.example.com"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """2でお願いします！

iPhoneから送信
""", L("confirm", email="ren.okawa@icloud.example.com", choice=2),
     "iPhone one-liner; name only in quoted text -> null", cte="quoted-printable", client="iphone",
     quote=offer_quote("iphone", T(11, 30, 10, 40), "大川 蓮",
                       [(day(12, 1), "13:00", "13:50"), (day(12, 1), "15:00", "15:50")],
                       "ren.okawa@icloud.example.com"))

mail(T(12, 3, 9, 12), ("岡田 玲奈", "rena.okada@example.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

お世話になります。岡田です。
ご提案いただいた日程のうち、二番目の日程でお願いします。

------------------------
岡田 玲奈
TEL 070-8842-1163
------------------------
""", L("confirm", "岡田 玲奈", email="rena.okada@example.jp", phone="070-8842-1163", choice=2),
     "二番目; Thunderbird reply header; phone only in signature", family="jis", cte="7bit",
     client="thunderbird",
     quote=offer_quote("thunderbird", T(12, 2, 16, 5), "岡田 玲奈",
                       [(day(12, 7), "10:00", "10:50"), (day(12, 8), "13:00", "13:50"),
                        (day(12, 9), "15:00", "15:50")], "rena.okada@example.jp"))

mail(T(12, 3, 17, 40), ("杉山 大地", "daichi.sugiyama@example.ne.jp"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約について",
     f"""ハローワーク秋田
オンライン職業相談 ご担当者様

お世話になっております。杉山です。
{jd(12, 10)} 11:00〜11:50 の回でお願いいたします。
利用規約に同意します。

杉山 大地
""", L("confirm", "杉山 大地", email="daichi.sugiyama@example.ne.jp",
       req=[R(day(12, 10), "11:00", "11:50")]),
     "new Outlook header block; picks a slot by date/time, not by number -> choice null",
     cte="base64", client="outlook",
     quote=offer_quote("outlook_new", T(12, 3, 14, 20), "杉山 大地",
                       [(day(12, 10), "11:00", "11:50"), (day(12, 11), "13:00", "13:50")],
                       "daichi.sugiyama@example.ne.jp"))

mail(T(12, 4, 11, 58), ("長谷川 学", "m.hasegawa@example.org"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
ご提示いただいた日時で問題ありません。規約にも同意します。
当日はよろしくお願いいたします。

長谷川 学
""", L("confirm", "長谷川 学", email="m.hasegawa@example.org"),
     "consent to a single offered slot, no option number", cte="8bit", client="thunderbird",
     quote=offer_quote("thunderbird_en", T(12, 4, 10, 15), "長谷川 学",
                       [(day(12, 9), "9:30", "10:20")], "m.hasegawa@example.org"))

mail(T(12, 5, 8, 2), ("", "miki-s.1124@docomo.example.ne.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """1で
""", L("confirm", email="miki-s.1124@docomo.example.ne.jp", choice=1),
     "unsigned carrier one-liner (Shift_JIS 8bit); name only in quote -> null", family="sjis",
     cte="8bit", client="carrier",
     quote=offer_quote("gmail", T(12, 4, 20, 11), "酒井 美紀",
                       [(day(12, 11), "14:00", "14:50"), (day(12, 14), "14:00", "14:50")],
                       "miki-s.1124@docomo.example.ne.jp"))

mail(T(12, 8, 14, 35), ("藤井 彩", "aya.fujii@example.ne.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

藤井です。ご連絡ありがとうございます。
「3」でお願いします。
規約にも同意します。

藤井 彩
080-2845-6630
""", L("confirm", "藤井 彩", email="aya.fujii@example.ne.jp", phone="080-2845-6630", choice=3),
     "「3」 in brackets; HTML only reply with blockquote", struct="html", client="webmail",
     quote=offer_quote("gmail", T(12, 8, 11, 0), "藤井 彩",
                       [(day(12, 14), "11:00", "11:50"), (day(12, 15), "10:00", "10:50"),
                        (day(12, 16), "13:00", "13:50")], "aya.fujii@example.ne.jp"))

mail(T(12, 11, 9, 30), ("西村 和真", "kazuma.nishimura@gmail.example.com"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

西村です。お世話になっております。
1番の日程でお願いします。
なお、連絡先の電話番号を 090-8812-0046 に変更しましたので、今後はこちらにお願いします。

西村 和真
""", L("confirm", "西村 和真", email="kazuma.nishimura@gmail.example.com", phone="090-8812-0046",
       choice=1),
     "choice plus a new phone number; Gmail plain reply", client="gmail",
     quote=offer_quote("gmail", T(12, 11, 8, 45), "西村 和真",
                       [(day(12, 15), "13:00", "13:50"), (day(12, 15), "14:00", "14:50")],
                       "kazuma.nishimura@gmail.example.com"))

mail(T(12, 14, 12, 47), ("村上 大輔", "daisuke.murakami@example.ne.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

村上です。ご連絡ありがとうございます。
①でお願いいたします。母も同席します。

村上 大輔
""", L("confirm", "村上 大輔", email="daisuke.murakami@example.ne.jp", choice=1, att="other"),
     "cp932 ① in Shift_JIS 8bit; attendant restated in the reply", family="sjis", cte="8bit",
     client="legacy",
     quote=offer_quote("gmail", T(12, 14, 9, 30), "村上 大輔",
                       [(day(12, 18), "14:30", "15:20"), (day(12, 21), "14:00", "14:50")],
                       "daisuke.murakami@example.ne.jp"))

mail(T(12, 10, 13, 3), ("浜田 泰子", "yasuko.hamada@example.com"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

浜田です。早速のご連絡ありがとうございます。
2. の日程でお願いします。規約にも同意します。

浜田 泰子
""", L("confirm", "浜田 泰子", email="yasuko.hamada@example.com", choice=2),
     "option written as '2.'; Outlook quote without >", cte="quoted-printable", client="outlook",
     quote=offer_quote("outlook", T(12, 10, 9, 12), "浜田 泰子",
                       [(day(12, 21), "9:00", "9:50"), (day(12, 21), "13:00", "13:50"),
                        (day(12, 21), "15:00", "15:50")], "yasuko.hamada@example.com"))

mail(T(12, 10, 18, 45), ("秋山 慶", "kei.akiyama@example.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

秋山です。
1番目の 12月16日(水) 13:00〜13:50 でお願いいたします。

秋山 慶
""", L("confirm", "秋山 慶", email="kei.akiyama@example.jp", choice=1,
       req=[R(day(12, 16), "13:00", "13:50")]),
     "number plus restated slot (1番目 + date)", family="jis", cte="7bit", client="becky",
     quote=offer_quote("becky", T(12, 10, 15, 30), "秋山 慶",
                       [(day(12, 16), "13:00", "13:50"), (day(12, 17), "10:00", "10:50")],
                       "kei.akiyama@example.jp"))

# ---- cancels -------------------------------------------------------------------------------------
mail(T(12, 1, 8, 10), ("小林 悠斗", "yuto.kobayashi@example.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ",
     f"""ハローワーク秋田 ご担当者様

お世話になっております。小林です。
{jd(12, 2)}に予約していたオンライン相談ですが、
家族の用事が入ってしまったため、キャンセルをお願いいたします。
申し訳ありません。

小林 悠斗
""", L("cancel", "小林 悠斗", email="yuto.kobayashi@example.jp"),
     "cancel of a confirmed booking; booking date is not requested", family="jis", cte="7bit",
     client="becky",
     quote=booked_quote("becky", T(11, 27, 10, 2), "小林 悠斗", (day(12, 2), "10:00", "10:50"),
                        "yuto.kobayashi@example.jp"))

mail(T(12, 4, 9, 0), ("菊地 健", "ken.kikuchi@example.jp"), "予約の取り消し",
     """ハローワーク秋田 ご担当者様

菊地 健です。
12月29日の午前で申し込んでいたオンライン相談ですが、取り消しをお願いします。
年末は閉庁日だと後から知りました。失礼いたしました。

求職番号：05040-70351126
""", L("cancel", "菊地 健", "05040-70351126", "ken.kikuchi@example.jp"),
     "取り消し of a request; Shift_JIS base64; no new time", family="sjis", client="legacy")

mail(T(12, 9, 16, 44), ("中島 沙耶", "saya.nakajima@example.com"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     """ハローワーク秋田 ご担当者様

中島です。ご提案ありがとうございました。
社内で異動が決まり、転職活動をいったん見送ることにしましたので、
今回の相談は辞退させていただきます。

中島 沙耶
""", L("cancel", "中島 沙耶", email="saya.nakajima@example.com"),
     "辞退 of an offer; Thunderbird reply", cte="quoted-printable", client="thunderbird",
     quote=offer_quote("thunderbird", T(12, 9, 10, 5), "中島 沙耶",
                       [(day(12, 17), "16:00", "16:50"), (day(12, 18), "16:00", "16:50")],
                       "saya.nakajima@example.com"))

mail(T(12, 13, 19, 12), ("熊谷 智子", "tomoko.kumagai@example.jp"), "相談のキャンセル",
     """ハローワーク秋田 ご担当者様

熊谷 智子です。
体調を崩してしまい、明後日のオンライン相談に参加できそうにありません。
申し訳ありませんが、キャンセルさせてください。
また落ち着いたら改めて申し込みます。

電話：018-864-3307
""", L("cancel", "熊谷 智子", email="tomoko.kumagai@example.jp", phone="018-864-3307"),
     "cancel of 明後日's booking (Sunday mail), no new time", family="jis", cte="7bit",
     client="outlook")

mail(T(12, 15, 18, 20), ("高野雅人", "masato.takano@example.ne.jp"), "予約キャンセルのお願い",
     """ハローワーク秋田 ご担当者様

高野雅人です。
おかげさまで就職先が決まりましたので、予約している相談はキャンセルします。
これまでありがとうございました。

iPhoneから送信
""", L("cancel", "高野雅人", email="masato.takano@example.ne.jp"),
     "cancel because a job was found; UTF-8 QP", cte="quoted-printable", client="iphone")

mail(T(12, 15, 8, 31), ("小山 舞", "mai.koyama@example.com"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ",
     """ハローワーク秋田 ご担当者様

小山です。
明日の相談ですが、都合により取りやめさせてください。
ご迷惑をおかけして申し訳ございません。

小山 舞
""", L("cancel", "小山 舞", email="mai.koyama@example.com"),
     "取りやめ of tomorrow's booking; new Outlook header block", cte="base64", client="outlook",
     quote=booked_quote("outlook_new", T(12, 14, 15, 2), "小山 舞", (day(12, 16), "10:00", "10:50"),
                        "mai.koyama@example.com"))

# ---- reschedules ---------------------------------------------------------------------------------
mail(T(12, 2, 18, 3), ("大川 蓮", "ren.okawa@icloud.example.com"), "予約日の変更のお願い",
     f"""ハローワーク秋田さま

大川 蓮です。
{jd(12, 8)}に予約している相談を、{jd(12, 10)}の午後に変更していただけますか。
面接が入ってしまいました。すみません。

大川 蓮
""", L("reschedule", "大川 蓮", email="ren.okawa@icloud.example.com",
       req=[R(day(12, 10), *PM)]),
     "old booking date is not requested; new time is an afternoon window", cte="base64",
     client="iphone")

_b = dt.date(2026, 12, 9)
mail(T(12, 9, 12, 15), ("松本 結衣", "yui-matsumoto@example.ne.jp"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ",
     """ハローワーク秋田 ご担当者様

お世話になっております。松本です。
予約いただいた日ですが、都合が悪くなってしまいました。
来週火曜の10時に変更していただくことは可能でしょうか。

松本 結衣
携帯 090-7302-5518
""", L("reschedule", "松本 結衣", email="yui-matsumoto@example.ne.jp", phone="090-7302-5518",
       req=[R(next_weekday_next_week(_b, 1), "10:00")]),
     "来週火曜 relative to Wed 12/9; Outlook quote without >", family="jis", cte="7bit",
     client="outlook",
     quote=booked_quote("outlook", T(12, 2, 9, 40), "松本 結衣", (day(12, 11), "9:00", "9:50"),
                        "yui-matsumoto@example.ne.jp"))

mail(T(12, 14, 8, 55), ("藤井 彩", "aya.fujii@example.ne.jp"), "予約日を変えたいです",
     """ハローワーク秋田 ご担当者様

藤井 彩です。
予約している相談の日を変更したいです。
仕事の面接と重なってしまいました。
お手数ですが、別の日の候補を教えてください。

藤井 彩
""", L("reschedule", "藤井 彩", email="aya.fujii@example.ne.jp"),
     "HTML only; reschedule without a new time", struct="html", client="webmail")

mail(T(12, 10, 9, 37), ("原田 直人", "naoto.harada@example.jp"), "相談日変更のお願い",
     f"""ハローワーク秋田 ご担当者様

原田 直人です。
{jd(12, 16)}の14時で予約している相談の日時を変更させてください。
変更後の希望は次のとおりです。
第1希望：{jd(12, 17)} 11:00
第2希望：{jd(12, 18)} 9:30

電話：090-1657-3382
""", L("reschedule", "原田 直人", email="naoto.harada@example.jp", phone="090-1657-3382",
       req=[R(day(12, 17), "11:00"), R(day(12, 18), "09:30")]),
     "two new times after the old one; Shift_JIS 8bit", family="sjis", cte="8bit", client="legacy")

mail(T(12, 11, 13, 6), ("西村 和真", "kazuma.nishimura@gmail.example.com"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ",
     f"""ハローワーク秋田 ご担当者様

西村です。たびたび申し訳ありません。
確定していただいた日時ですが、{jd(12, 17, paren='()')}の午後3時に変更していただけないでしょうか。

西村 和真
""", L("reschedule", "西村 和真", email="kazuma.nishimura@gmail.example.com",
       req=[R(day(12, 17), "15:00")]),
     "reschedule in a reply to the confirmation; Thunderbird-style header; ISO-2022-JP",
     family="jis", cte="7bit", client="thunderbird",
     quote=booked_quote("thunderbird", T(12, 11, 10, 0), "西村 和真", (day(12, 15), "13:00", "13:50"),
                        "kazuma.nishimura@gmail.example.com"))

# ---- questions -----------------------------------------------------------------------------------
mail(T(11, 26, 12, 10), ("三上 由紀", "yuki.mikami@example.jp"), "オンライン相談について質問",
     """ハローワーク秋田 ご担当者様

三上 由紀と申します。
オンライン職業相談に興味があるのですが、パソコンを持っていません。
スマートフォンだけでも相談を受けることはできますか。

電話：080-9931-2270
""", L("question", "三上 由紀", email="yuki.mikami@example.jp", phone="080-9931-2270"),
     "question about devices", family="jis", cte="7bit", client="thunderbird")

mail(T(12, 8, 20, 30), ("斉藤 光", "hikaru.saito@example.com"), "質問があります",
     """ハローワーク秋田 ご担当者様

斉藤 光です。オンライン相談を申し込む前に、いくつか教えてください。

1. 相談の前に準備しておく書類はありますか。
2. 相談の時間を延長することはできますか。
3. 相談は何回まで利用できますか。

よろしくお願いします。
""", L("question", "斉藤 光", email="hikaru.saito@example.com"),
     "numbered questions are not option choices; UTF-8 base64", client="gmail")

mail(T(12, 15, 10, 5), ("", "kyoko.sato.77@softbank.example.ne.jp"), "求職番号がわかりません",
     """ハローワーク秋田さま

佐藤 恭子です。
求職番号がどこに書いてあるのかわかりません。
ハローワークカードをなくしてしまったのですが、どうやって確認すればよいですか？
""", L("question", "佐藤 恭子", email="kyoko.sato.77@softbank.example.ne.jp"),
     "question about the seeker number; no date; 8bit UTF-8 from Android", cte="8bit", client="android")

# ---- automated -----------------------------------------------------------------------------------
mail(T(11, 26, 16, 30, 44), ("", "t.yamasaki@example.co.jp"), "自動応答: 【ハローワーク秋田】オンライン職業相談のご予約について",
     f"""このメールは自動応答です。

申し訳ございませんが、{jd(11, 26, paren='()')}から{jd(11, 27, paren='()')}まで出張のため不在にしております。
{jd(11, 30, paren='()')}以降に順次対応いたします。
""", L("automated", email="t.yamasaki@example.co.jp"),
     "out-of-office (Auto-Submitted); dates in it are not requests", family="jis", cte="7bit",
     client="outlook", extra=["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"])

mail(T(12, 2, 16, 6, 20), ("", "MAILER-DAEMON@mx01.akita-hw.example.jp"), "Undelivered Mail Returned to Sender",
     "", L("automated", email="mailer-daemon@mx01.akita-hw.example.jp"),
     "multipart/report bounce quoting an office offer", struct="bounce", client="mta",
     extra=["Auto-Submitted: auto-replied"], irt=False,
     quote=offer_quote("none", T(12, 2, 16, 5), "早川 紗希",
                       [(day(12, 9), "10:00", "10:50"), (day(12, 10), "15:00", "15:50")],
                       "saki.hayakawa@example.ne.jp"))

mail(T(12, 7, 12, 0, 0), ("ジョブナビあきた", "news@jobnavi-akita.example.jp"), "【ジョブナビあきた】今週の新着求人とセミナー情報",
     f"""━━━━━━━━━━━━━━━━━━━━━━━━━━
　ジョブナビあきた　週刊メールマガジン
━━━━━━━━━━━━━━━━━━━━━━━━━━

■今週の新着求人　128件
　秋田市・潟上市・男鹿市の事務、介護、製造の求人を掲載しました。

■就職支援セミナー
　日時：{jd(12, 12, paren='()')} 13:30〜15:30
　内容：応募書類の書き方と面接対策
　申込締切：{jd(12, 10, paren='()')}

■年末年始休業のお知らせ
　{jd(12, 29, paren='()')}〜{jd(1, 3, 2027, paren='()')}はサポート窓口を休業します。

※本メールは送信専用です。配信停止は https://jobnavi-akita.example.jp/stop から。
""", L("automated", email="news@jobnavi-akita.example.jp"),
     "newsletter with List-Id/List-Unsubscribe/Precedence bulk; many dates, none requested",
     family="jis", cte="7bit", client="bulk",
     extra=["List-Id: <weekly.jobnavi-akita.example.jp>",
            "List-Unsubscribe: <mailto:stop@jobnavi-akita.example.jp>, <https://jobnavi-akita.example.jp/stop>",
            "Precedence: bulk"])

mail(T(12, 11, 8, 45, 30), ("中川 陽介", "yosuke.nakagawa@example.co.jp"), "自動返信：Re: 【ハローワーク秋田】オンライン職業相談のご予約について",
     f"""※このメールは自動返信です。

メールありがとうございます。
{jd(12, 11, paren='()')}〜{jd(12, 14, paren='()')}は休暇のため、メールを確認できません。
{jd(12, 15, paren='()')}以降に確認してご返信いたします。
""", L("automated", email="yosuke.nakagawa@example.co.jp"),
     "auto-reply flagged only by X-Autoreply and text (no Auto-Submitted)",
     cte="base64", client="webmail", extra=["X-Autoreply: yes"])

# ---- other ---------------------------------------------------------------------------------------
mail(T(12, 2, 11, 11), ("㈱ノースリンク 田村 圭", "k.tamura@northlink.example.co.jp"), "㈱ノースリンクより採用支援サービスのご案内",
     f"""ハローワーク秋田
ご担当者様

突然のご連絡失礼いたします。
㈱ノースリンクの田村と申します。

弊社では、地域企業向けの採用管理システム「ノースリンク採用」を提供しております。
{jd(12, 25)}までにお問い合わせいただいた機関様には、無料でデモをご案内しております。
30分ほど、オンラインでご説明のお時間をいただけないでしょうか。

――――――――――――――――――
㈱ノースリンク　営業部
田村 圭
TEL：022-555-0187
――――――――――――――――――
""", L("other", "田村 圭", email="k.tamura@northlink.example.co.jp", phone="022-555-0187"),
     "EXT: ㈱ (NEC row 13) in body, Subject and From (CP50220 style); unrelated sales pitch",
     family="jis", cte="7bit", client="outlook")

mail(T(12, 10, 16, 40), ("桜井 優子", "yuko.sakurai@example.jp"), "本日のお礼",
     """ハローワーク秋田
オンライン職業相談ご担当者様

本日はオンライン相談でお時間をいただき、ありがとうございました。
教えていただいた求人に応募してみようと思います。
また何かあればご相談させてください。

桜井 優子
""", L("other", "桜井 優子", email="yuko.sakurai@example.jp"),
     "thank-you after a session; no request", family="jis", cte="7bit", client="becky")

mail(T(12, 12, 3, 14), ("在宅ワーク事務局", "info@zaitaku-work.example.net"), "【簡単】スマホだけで月収30万円！",
     """今だけの特別なご案内です！

スマホ1台で、1日たった30分の作業で月収30万円も可能です。
先着100名様限定、12月20日までのお申込みで登録料が無料になります。

詳しくはこちら → https://zaitaku-work.example.net/lp
""", L("other", email="info@zaitaku-work.example.net"), "spam; UTF-8 base64", client="bulk")


# ---------------------------------------------------------------- assembly ------------------------

def build(i: int, m: dict) -> bytes:
    display, address = m["frm"]
    domain = address.split("@", 1)[1]
    fam = m["family"]
    label, _ = CHARSETS[fam]
    h = hashlib.sha1(f"holdout5-{i}".encode()).hexdigest()
    extra_client, mid = client_headers(m["client"], f"holdout5-{i}", domain)
    when = m["when"]
    local = (f"Received: by mx01.akita-hw.example.jp (Postfix)\tid 4{h[4:14].upper()}; "
             f"{rfc_date(when + dt.timedelta(seconds=5))}")
    hdr = [f"Return-Path: <{address if m['struct'] != 'bounce' else ''}>",
           local if m["struct"] == "bounce" else f"Received: from mail-out.{domain} (mail-out.{domain} [203.0.113.{int(h[2:4], 16) % 200 + 10}])"
           f"\tby mx01.akita-hw.example.jp (Postfix) with ESMTPS id 4{h[4:14].upper()}"
           f"\tfor <{OFFICE}>; {rfc_date(when + dt.timedelta(seconds=5))}",
           f"From: {addr(display, address, fam)}",
           f"To: {addr('ハローワーク秋田', OFFICE, fam) if i % 2 else OFFICE}",
           f"Subject: {enc_header(m['subject'], m['subject_family'])}",
           f"Date: {rfc_date(when.astimezone(dt.timezone.utc) if m['utc_header'] else when)}",
           f"Message-ID: {mid}"]
    if m["quote"] and m["irt"]:
        ref = f"<{h[20:36]}.offer@akita-hw.example.jp>"
        hdr += [f"In-Reply-To: {ref}", f"References: {ref}"]
    hdr += extra_client + m["extra"] + ["MIME-Version: 1.0"]
    body = m["body"]
    qhead = qtext = ""
    if m["quote"] and m["struct"] != "bounce":
        style, sent, text, to = m["quote"]
        qhead, qtext = quote_block(style, sent, text, to)
    plain = body + (f"\n{qhead}\n{qtext}\n" if qhead else "")
    if m["struct"] == "plain":
        hdr += [f'Content-Type: text/plain; charset="{label}"', f"Content-Transfer-Encoding: {m['cte']}"]
        payload = transfer(plain, fam, m["cte"])
    elif m["struct"] == "html":
        page = to_html(body, qhead, m["quote"][2] if qhead else "")
        hdr += [f'Content-Type: text/html; charset="{label}"', f"Content-Transfer-Encoding: {m['cte']}"]
        payload = transfer(page, fam, m["cte"])
    elif m["struct"] == "alternative":
        b = f"0000000000{h[:16]}"
        page = to_html(body, qhead, m["quote"][2] if qhead else "")
        hdr += [f'Content-Type: multipart/alternative; boundary="{b}"']
        payload = (f"--{b}\r\nContent-Type: text/plain; charset=\"{label}\"\r\n"
                   f"Content-Transfer-Encoding: {m['cte']}\r\n\r\n").encode() + transfer(plain, fam, m["cte"]) + \
            (f"\r\n--{b}\r\nContent-Type: text/html; charset=\"{label}\"\r\n"
             f"Content-Transfer-Encoding: {m['cte']}\r\n\r\n").encode() + transfer(page, fam, m["cte"]) + \
            f"\r\n--{b}--\r\n".encode()
    elif m["struct"] == "bounce":
        b = f"{h[:10].upper()}.1796{h[10:16]}/mx01.akita-hw.example.jp"
        style, sent, text, to = m["quote"]
        hdr += [f'Content-Type: multipart/report; report-type="delivery-status"; boundary="{b}"']
        notice = ("This is the mail system at host mx01.akita-hw.example.jp.\n\n"
                  "I'm sorry to have to inform you that your message could not\n"
                  "be delivered to one or more recipients. It's attached below.\n\n"
                  "お送りいただいたメールは、宛先に配送できませんでした。\n\n"
                  "                   The mail system\n\n"
                  f"<{to}>: host mx.example.ne.jp[198.51.100.40] said: 550 5.1.1\n"
                  f"    <{to}>: Recipient address rejected: User unknown (in reply to RCPT TO command)\n")
        inner = (f"From: =?ISO-2022-JP?B?{base64.b64encode(enc_jis('ハローワーク秋田')).decode()}?= <{OFFICE}>\r\n"
                 f"To: {to}\r\nSubject: {enc_header('【ハローワーク秋田】オンライン職業相談のご予約について', 'jis')}\r\n"
                 f"Date: {rfc_date(sent)}\r\nMessage-ID: <{h[20:36]}.offer@akita-hw.example.jp>\r\n"
                 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\r\n"
                 "Content-Transfer-Encoding: 7bit\r\n\r\n").encode() + enc_jis(crlf(text + "\n"))
        status = crlf("Reporting-MTA: dns; mx01.akita-hw.example.jp\n"
                      f"Arrival-Date: {rfc_date(sent)}\n\nFinal-Recipient: rfc822; {to}\n"
                      "Action: failed\nStatus: 5.1.1\n")
        payload = (f"This is a MIME-encapsulated message.\r\n\r\n--{b}\r\n"
                   "Content-Description: Notification\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n"
                   "Content-Transfer-Encoding: base64\r\n\r\n").encode() + transfer(notice, "utf8", "base64") + \
            (f"\r\n--{b}\r\nContent-Description: Delivery report\r\n"
             f"Content-Type: message/delivery-status\r\n\r\n{status}\r\n--{b}\r\n"
             "Content-Description: Undelivered Message\r\nContent-Type: message/rfc822\r\n\r\n").encode() + \
            inner + f"\r\n--{b}--\r\n".encode()
    else:
        raise ValueError(m["struct"])
    return ("\r\n".join(hdr) + "\r\n\r\n").encode("ascii") + payload


# ---------------------------------------------------------------- self checks ---------------------

def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def check(m: dict) -> None:
    lab, body = m["labels"], m["body"]
    nb = _norm(body)
    digits = re.sub(r"\D", "", nb.replace("+81", "0").replace("+81 ", "0"))
    assert set(lab) == {"intent", "name", "seeker_number", "email", "phone", "requested", "choice",
                        "attendant"}
    if lab["name"]:
        assert lab["name"] in nb or lab["name"].replace(" ", "") in nb.replace(" ", ""), lab["name"]
    if lab["seeker_number"]:
        assert re.fullmatch(r"\d{5}-\d{8}", lab["seeker_number"])
        assert lab["seeker_number"].replace("-", "") in digits, lab["seeker_number"]
    if lab["phone"]:
        assert lab["phone"].replace("-", "") in re.sub(r"\D", "", re.sub(r"\+81\s*", "0", nb)), lab["phone"]
    assert lab["email"] == lab["email"].lower()
    assert lab["email"] in nb.lower() or lab["email"] == m["frm"][1].lower(), lab["email"]
    if lab["choice"] is not None:
        assert lab["intent"] == "confirm"
    if lab["intent"] in ("cancel", "question", "automated", "other"):
        assert lab["requested"] == [] and lab["choice"] is None
    when = m["when"].date()
    for r in lab["requested"]:
        d = dt.date.fromisoformat(r["date"])
        assert d >= when, (r, when)
        for k in ("start", "end"):
            assert r[k] is None or re.fullmatch(r"\d\d:\d\d", r[k]), r
    # every weekday written next to a date matches the calendar (year resolved from the Date header)
    for mo, d, w in re.findall(r"(\d{1,2})(?:月|/)(\d{1,2})日?[（(]([月火水木金土日])[）)]", nb):
        y = when.year if dt.date(when.year, int(mo), int(d)) >= when - dt.timedelta(days=60) else when.year + 1
        assert WD[dt.date(y, int(mo), int(d)).weekday()] == w, (mo, d, w)
    # the labelled date itself must be written in the body unless the writer used a relative day
    for r in lab["requested"]:
        d = dt.date.fromisoformat(r["date"])
        rel = any(k in body for k in ("明日", "来週", "今週", "明後日"))
        assert f"{d.month}月{d.day}日" in nb or f"{d.month}/{d.day}" in nb or rel, r
    if m["quote"]:
        assert m["quote"][1] < m["when"]


def main(out: Path = OUT) -> None:
    M.sort(key=lambda m: m["when"])
    whens = [m["when"] for m in M]
    assert len(set(whens)) == len(whens)
    assert dt.datetime(2026, 11, 25, tzinfo=JST) <= whens[0] and whens[-1] < dt.datetime(2026, 12, 19, tzinfo=JST)
    labels, meta = {}, {}
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("r*.eml"):
        old.unlink()
    for i, m in enumerate(M, 1):
        check(m)
        name = f"r{i:03d}.eml"
        raw = build(i, m)
        assert b"\n" not in raw.replace(b"\r\n", b"")
        if m["cte"] == "7bit":
            assert max(raw) < 0x80
        (out / name).write_bytes(raw)
        labels[name] = m["labels"]
        meta[name] = {"charset": CHARSETS[m["family"]][0], "transfer_encoding": m["cte"],
                      "structure": m["struct"], "client": m["client"], "note": m["note"]}
    mix: dict[str, int] = {}
    for lab in labels.values():
        mix[lab["intent"]] = mix.get(lab["intent"], 0) + 1
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(labels)} messages written to {out}; intent mix {mix}")


if __name__ == "__main__":
    main()
