"""Generate the seventh blind set: nNNN.eml, labels.json, meta.json, known_misses.json.

Why it exists: every earlier labelled set has been fixed against, so its figure no longer says
how the parser does on mail it has never seen. This set was written before its author read the
parser (only the output schema, `mailbot/understand/model.py`, and the label conventions of
holdout6), measured once, blind, and only then used for fixes. Its mails lean towards what the
parser issue names as weak (numbered forms, shop signatures with hours and closures, reschedules
that name the old booking, relative weeks, two hours on one day, prose and foreign names, English
mail, questions that mention a date) but phrase them in this author's own words; the rest is
ordinary mail of every intent. The period is December 2026 to mid-January 2027, so wishes cross
the year end and the 12/29-1/3 closure.

Labels come from the *unquoted* body only. Standard library only, deterministic, CRLF. `main(out)`
writes the set and asserts its own labels (`check`): each weekday written next to a date, in the
body and in the quoted office mail, against the calendar; each relative wish re-derived by a
separate walk over the calendar from the JST date of the Date header; each labelled value present
in the unquoted text; hours and windows written; the chosen number within the quoted offer and
written in the body; restated offered slots really offered; and every body and header decoding
back to the text meant.

Label conventions are holdout6's (see its module doc), plus, for English: "2pm" / "2 p.m." ->
14:00, "10am" -> 10:00, "morning" / "afternoon" -> the 午前 / 午後 windows, "from 1:30 pm" ->
13:30 open, "10:00-11:00" -> a span; a name after "My name is" / "I am" / "Name:" as written.
A supporter writing for a client: the client is the seeker (name), the supporter an attendant
(other) only when they say they will join. Out-of-office mail that lists the days its writer is
away gives no wishes.

Run: python tests/data/holdout7/make_holdout7.py [OUT]
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import quopri
import re
import sys
import unicodedata
from email import message_from_bytes
from email.header import decode_header
from pathlib import Path

OUT = Path(__file__).resolve().parent
JST = dt.timezone(dt.timedelta(hours=9))
OFFICE = "online-soudan@akita-hw.example.jp"
OFFICE_NAME = "ハローワーク秋田"
YOUBI = "月火水木金土日"
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
AM = ("09:00", "12:00")
PM = ("13:00", "17:00")


# ------------------------------------------------------------------ calendar words ----------------

def day(m: int, d: int) -> dt.date:
    """A day of the set's period: December is 2026, January and February 2027."""
    return dt.date(2026 if m >= 11 else 2027, m, d)


def wd(m: int, d: int) -> str:
    return YOUBI[day(m, d).weekday()]


def jp(m: int, d: int, style: str = "（）") -> str:
    """12月15日（火）: the weekday computed, never typed."""
    if style == "曜":
        return f"{m}月{d}日{wd(m, d)}曜日"
    return f"{m}月{d}日{style[0]}{wd(m, d)}{style[1]}"


def sl(m: int, d: int, style: str = "()") -> str:
    return f"{m}/{d}{style[0]}{wd(m, d)}{style[1]}"


def en(m: int, d: int) -> str:
    return f"{EN_DAYS[day(m, d).weekday()]}, {EN_MONTHS[m - 1]} {d}"


_FW = str.maketrans("0123456789:-/()~", "０１２３４５６７８９：－／（）～")


def fw(text: str) -> str:
    return text.translate(_FW)


_KD = "〇一二三四五六七八九"


def kanji(n: int) -> str:
    t, o = divmod(n, 10)
    return (_KD[n] if n < 10 else ("" if t == 1 else _KD[t]) + "十" + (_KD[o] if o else ""))


def W(d: dt.date, start: str | None = None, end: str | None = None) -> dict:
    return {"date": d.isoformat(), "start": start, "end": end}


def slot_end(start: str) -> str:
    h, m = map(int, start.split(":"))
    t = h * 60 + m + 50
    return f"{t // 60:02d}:{t % 60:02d}"


def at(m: int, d: int, hh: int, mm: int, ss: int = 0) -> dt.datetime:
    return dt.datetime.combine(day(m, d), dt.time(hh, mm, ss), JST)


def rfc(t: dt.datetime) -> str:
    return f"{EN_DAYS[t.weekday()][:3]}, {t.day:02d} {EN_MONTHS[t.month - 1][:3]} {t.year} {t:%H:%M:%S %z}"


# ------------------------------------------------------------------ charsets ----------------------

def _to_jis(pair: bytes) -> bytes:
    a, b = pair
    row = ((a - 0x81) if a < 0xA0 else (a - 0xC1)) * 2 + 0x21
    return bytes([row + 1, b - 0x7E]) if b >= 0x9F else bytes([row, b - (0x1F if b < 0x7F else 0x20)])


def _to_sjis(a: int, b: int) -> bytes:
    first = (a - 0x21) // 2 + (0x81 if a < 0x5F else 0xC1)
    second = b + (0x1F if b < 0x60 else 0x20) if a % 2 else b + 0x7E
    return bytes([first, second])


def jis_encode(text: str) -> bytes:
    """ISO-2022-JP as Windows mailers write it: double-byte characters through cp932 (① ㈱ 髙
    survive), half-width katakana as ESC ( I."""
    out, mode = bytearray(), b"\x1b(B"
    for ch in text:
        if ord(ch) < 0x80:
            esc, code = b"\x1b(B", ch.encode("ascii")
        elif 0xFF61 <= ord(ch) <= 0xFF9F:
            esc, code = b"\x1b(I", bytes([ord(ch) - 0xFF61 + 0x21])
        else:
            sj = ch.encode("cp932")
            assert len(sj) == 2 and sj[0] < 0xF0, ch
            esc, code = b"\x1b$B", _to_jis(sj)
        if esc != mode:
            out += esc
            mode = esc
        out += code
    if mode != b"\x1b(B":
        out += b"\x1b(B"
    return bytes(out)


def jis_decode(raw: bytes) -> str:
    out, mode, i = [], "a", 0
    while i < len(raw):
        if raw[i] == 0x1B:
            mode = {b"\x1b(B": "a", b"\x1b(I": "k", b"\x1b$B": "j"}[raw[i:i + 3]]
            i += 3
        elif mode == "a" or raw[i] in (13, 10):
            out.append(chr(raw[i]))
            i += 1
        elif mode == "k":
            out.append(chr(raw[i] + 0xFF61 - 0x21))
            i += 1
        else:
            out.append(_to_sjis(raw[i], raw[i + 1]).decode("cp932"))
            i += 2
    return "".join(out)


CS = {  # family -> (charset label, encode, decode)
    "jis": ("ISO-2022-JP", jis_encode, jis_decode),
    "sjis": ("Shift_JIS", lambda s: s.encode("cp932"), lambda b: b.decode("cp932")),
    "utf8": ("UTF-8", lambda s: s.encode("utf-8"), lambda b: b.decode("utf-8")),
}


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def words(text: str, fam: str, width: int = 12) -> str:
    """RFC 2047 B words, each complete in itself, folded."""
    if text.isascii():
        return text
    label, enc, _ = CS[fam]
    return "\r\n ".join(f"=?{label}?B?{base64.b64encode(enc(text[i:i + width])).decode()}?="
                        for i in range(0, len(text), width))


def addr(display: str, address: str, fam: str) -> str:
    if not display:
        return address
    if display.isascii():
        return f'"{display}" <{address}>'
    return f"{words(display, fam)} <{address}>"


def encode_body(text: str, fam: str, cte: str) -> bytes:
    enc = CS[fam][1]
    if cte in ("7bit", "8bit"):
        return enc(crlf(text))
    if cte == "base64":
        b = base64.b64encode(enc(crlf(text))).decode()
        return crlf("\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\n").encode()
    if cte == "quoted-printable":
        return crlf(quopri.encodestring(enc(text.replace("\r\n", "\n"))).decode("ascii")).encode()
    raise ValueError(cte)


# ------------------------------------------------------------------ the office's mails -----------

SIGN = """━━━━━━━━━━━━━━━━━━━━━━━
ハローワーク秋田（秋田公共職業安定所）
オンライン職業相談担当
電話 018-862-0000（平日 8:30～17:15）
━━━━━━━━━━━━━━━━━━━━━━━"""


def slot_text(d: dt.date, start: str) -> str:
    return f"{d.year}年{d.month}月{d.day}日（{YOUBI[d.weekday()]}）{start}～{slot_end(start)}"


def offer(name: str, ref: str, slots: list[tuple[dt.date, str]]) -> dict:
    lines = "\n".join(f"{i}. {slot_text(d, s)}" for i, (d, s) in enumerate(slots, 1))
    first = min(d for d, _ in slots) - dt.timedelta(days=1)
    text = f"""{name} 様

ハローワーク秋田 オンライン職業相談担当です。
このたびはオンライン職業相談をお申し込みいただき、ありがとうございます。

次の日時でご予約をお取りできます。

{lines}

ご希望の番号（例：「{1 if len(slots) == 1 else 2}番でお願いします」）を、このメールへの返信でお知らせください。
添付の「オンライン職業相談等利用規約」をご確認ください。
ご返信いただいた時点で利用規約に同意されたものとし、予約を確定いたします。
ご返信は{first.month}月{first.day}日（{YOUBI[first.weekday()]}）23:59までにお願いします。

※相談時間は1回50分です。
※通訳・介助者等の同席が必要な場合は、あらかじめお知らせください。

{SIGN}"""
    return {"subject": f"【ハローワーク秋田】オンライン職業相談のご予約について [予約番号 {ref}]",
            "text": text, "slots": slots}


def confirmed(name: str, ref: str, d: dt.date, start: str) -> dict:
    text = f"""{name} 様

オンライン職業相談のご予約が確定しました。

日時：{slot_text(d, start)}
予約番号：{ref}
接続先：https://teleoffice.example.jp/r/{hashlib.md5(ref.encode()).hexdigest()[:10]}

キャンセルは前日までにこのメールへの返信で、当日はお電話でお願いします。

{SIGN}"""
    return {"subject": f"【ハローワーク秋田】オンライン職業相談のご予約が確定しました [予約番号 {ref}]",
            "text": text, "slots": [(d, start)]}


def needs_info(name: str, missing: list[str]) -> dict:
    items = "\n".join(f"・{x}" for x in missing)
    text = f"""{name} 様

オンライン職業相談へのお申し込みをありがとうございます。
ご予約のため、次の項目をこのメールへの返信でお知らせください。

{items}

{SIGN}"""
    return {"subject": "【ハローワーク秋田】オンライン職業相談 お申し込み内容の確認", "text": text, "slots": []}


# ------------------------------------------------------------------ quoting -----------------------

def quoted(style: str, sent: dt.datetime, office: dict, to: str) -> tuple[str, str]:
    """(header line(s), quoted text) as the client writes them."""
    body = office["text"]
    gt = "\n".join(f"> {x}" if x else ">" for x in body.split("\n"))
    w = YOUBI[sent.weekday()]
    if style == "gmail_ja":
        return f"{sent.year}年{sent.month}月{sent.day}日({w}) {sent:%H:%M} {OFFICE_NAME} <{OFFICE}>:", gt
    if style == "gmail_en":
        h12 = f"{(sent.hour - 1) % 12 + 1}:{sent:%M} {'AM' if sent.hour < 12 else 'PM'}"
        return (f"On {EN_DAYS[sent.weekday()][:3]}, {EN_MONTHS[sent.month - 1][:3]} {sent.day}, "
                f"{sent.year} at {h12} {OFFICE_NAME} <{OFFICE}> wrote:", gt)
    if style == "iphone_ja":
        return f"{sent.year}/{sent.month:02d}/{sent.day:02d} {sent:%H:%M}、{OFFICE_NAME} <{OFFICE}>のメール:", gt
    if style == "thunderbird_ja":
        return f"{OFFICE_NAME} さんは書きました ({sent:%Y/%m/%d %H:%M}):", gt
    if style == "outlook_ja":
        return (f"差出人: {OFFICE_NAME} <{OFFICE}>\n送信日時: {sent.year}年{sent.month}月{sent.day}日 {w}曜日 "
                f"{sent:%H:%M}\n宛先: {to}\n件名: {office['subject']}\n", body)
    if style == "original":
        return (f"-----Original Message-----\nFrom: {OFFICE_NAME} <{OFFICE}>\nSent: {rfc(sent)}\n"
                f"To: {to}\nSubject: {office['subject']}\n", gt)
    if style == "android_ja":
        return f"-------- 元のメッセージ --------\n差出人： {OFFICE_NAME} <{OFFICE}>\n日付： {sent:%Y/%m/%d %H:%M}\n", gt
    raise ValueError(style)


# ------------------------------------------------------------------ clients -----------------------

def client(name: str, seed: str, domain: str) -> tuple[list[str], str]:
    h = hashlib.sha256(seed.encode()).hexdigest()
    return {
        "gmail": ([], f"<CAF{h[:10]}{h[10:40].upper()}@mail.gmail.com>"),
        "outlook": (["X-Mailer: Microsoft Outlook 16.0", f"Thread-Index: AdN{h[:20]}"],
                    f"<TY{h[:4].upper()}MB{h[4:8]}{h[8:24].upper()}@{domain}>"),
        "thunderbird": (["User-Agent: Mozilla Thunderbird"], f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:28]}@{domain}>"),
        "iphone": (["X-Mailer: iPhone Mail (22D63)"], f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:24].upper()}@{domain}>"),
        "docomo": (["X-Mailer: docomo mail"], f"<{h[:20]}@docomo.example.ne.jp>"),
        "softbank": (["X-Mailer: SoftBank Mail"], f"<{h[:16]}.sb@softbank.example.ne.jp>"),
        "yahoo": (["X-Mailer: Yahoo Mail"], f"<{h[:24]}@mail.yahoo.example.co.jp>"),
        "webmail": (["X-Mailer: Active! mail"], f"<2026{h[:12]}.{h[12:20]}@{domain}>"),
        "system": (["X-Mailer: AutoNotice 2.1"], f"<noreply.{h[:18]}@{domain}>"),
        "mta": ([], f"<{h[:16]}.{h[16:22]}@{domain}>"),
    }[name]


# ------------------------------------------------------------------ declaring mails --------------

M: list[dict] = []
FROM = object()


def L(intent, name=None, sn=None, email=FROM, phone=None, req=(), choice=None, att=None) -> dict:
    return {"intent": intent, "name": name, "seeker_number": sn, "email": email, "phone": phone,
            "requested": list(req), "choice": choice, "attendant": att}


def mail(when, frm, subject, body, labels, note, *, fam="utf8", cte="base64", cl="gmail",
         struct="plain", quote=None, below=False, extra=(), rel=None, attach=None) -> None:
    """One message. quote = (style, sent, office mail); below = written under the quote;
    rel = per wish, None (a written date) or the relative phrase it came from."""
    if labels["email"] is FROM:
        labels["email"] = frm[1].lower()
    M.append(dict(when=when, frm=frm, subject=subject, body=body, labels=labels, note=note, fam=fam,
                  cte=cte, cl=cl, struct=struct, quote=quote, below=below, extra=list(extra), rel=rel,
                  attach=attach))


def RE(o: dict) -> str:
    return "Re: " + o["subject"]


TO = "ハローワーク秋田\nオンライン職業相談 ご担当者様\n"


# ================================================================== first requests (book) ========

mail(at(12, 7, 8, 41, 12), ("高橋 美咲", "misaki.t-0715@example.jp"), "オンライン職業相談の予約希望",
     f"""{TO}
はじめまして。オンライン職業相談の予約をお願いしたく、ご連絡しました。

氏名：高橋 美咲
求職番号：05010-48213376
希望日時：{jp(12, 10)} 14:00
電話番号：090-4418-2093

よろしくお願いいたします。
""", L("book", "高橋 美咲", "05010-48213376", phone="090-4418-2093", req=[W(day(12, 10), "14:00")]),
     "plain labelled form", fam="jis", cte="7bit", cl="thunderbird")

mail(at(12, 7, 10, 3, 55), ("佐藤大輔", "d.sato.akita@example.ne.jp"), "相談予約の件",
     f"""ハローワーク秋田　御中

いつもお世話になっております。
下記のとおり、オンライン職業相談を申し込みます。

１．お名前　　　佐藤　大輔
２．求職者番号　{fw('05020-19930482')}
３．第１希望　　{fw(jp(12, 14))}　午前
４．第２希望　　{fw(jp(12, 15))}　午後
５．連絡先　　　{fw('080-2231-7745')}

以上です。よろしくお願いいたします。
""", L("book", "佐藤 大輔", "05020-19930482", phone="080-2231-7745",
       req=[W(day(12, 14), *AM), W(day(12, 15), *PM)]),
     "KIND numbered form fields in full width, two wishes as windows", fam="sjis", cte="base64", cl="outlook")

mail(at(12, 7, 13, 27, 4), ("", "kazuma.noda@example.com"), "オンライン相談申込",
     f"""オンライン相談の申し込みです。

1) 氏名: 野田 一真
2) 求職番号: 0504072215580
3) 希望日: {sl(12, 11)} 10:00
4) 連絡先: 070-5512-3098

よろしくお願いします。
""", L("book", "野田 一真", "05040-72215580", phone="070-5512-3098", req=[W(day(12, 11), "10:00")]),
     "KIND numbered fields '1)' '2)'; 13 digits run together", cte="quoted-printable", cl="thunderbird")

mail(at(12, 7, 19, 50, 31), ("菅原", "sugawara.h@example.ne.jp"), "職業相談をお願いしたいです",
     f"""{TO}
秋田市在住の菅原と申します。
今年の3月に前の職場を退職してから、なかなか次の仕事が決まらず、一度じっくり相談したいと思いました。
{jp(12, 15)}の午前中は空いていますでしょうか。

求職番号は05010-66120934です。
電話は018-833-4471（自宅）です。

よろしくお願いいたします。
""", L("book", "菅原", "05010-66120934", phone="018-833-4471", req=[W(day(12, 15), *AM)]),
     "KIND surname only, given in prose (と申します)", fam="jis", cte="7bit", cl="webmail")

mail(at(12, 8, 9, 12, 8), ("加賀谷 浩二", "kagaya.koji@example.jp"), "相談の申し込み",
     f"""お世話になります。
私、加賀谷浩二と申しますが、オンラインでの職業相談を希望しております。

介護の仕事から事務職へ移りたいと考えており、その進め方について相談させてください。
{jp(12, 16)}の13時30分からを希望します。

求職番号　05030-20117745
携帯　090-8861-0374

加賀谷
""", L("book", "加賀谷浩二", "05030-20117745", phone="090-8861-0374", req=[W(day(12, 16), "13:30")]),
     "KIND full name only in prose (私、…と申しますが), surname alone at the end",
     fam="sjis", cte="8bit", cl="docomo")

mail(at(12, 8, 11, 45, 19), ("Nguyen Van Nam", "nguyen.vn.88@example.com"), "そうだんのよやく",
     f"""はじめまして。
グエン・ヴァン・ナム と申します。ベトナムから来ました。
日本語が少しむずかしいので、ベトナム語の通訳をお願いしたいです。

しごとをさがしています。そうだんしたいです。
{jp(12, 17)} 10時 がいいです。

でんわ 080-7712-3354
求職番号 05010-30098812

よろしくおねがいします。
""", L("book", "グエン・ヴァン・ナム", "05010-30098812", phone="080-7712-3354",
       req=[W(day(12, 17), "10:00")], att="interpreter"),
     "KIND foreign seeker's name in katakana; interpreter asked for", fam="utf8", cte="base64", cl="gmail")

mail(at(12, 8, 14, 2, 47), ("Maria Santos", "maria.santos.br@example.com"), "Online job consultation booking",
     """Dear Hello Work Akita,

My name is Maria Santos. I am from Brazil and I live in Akita city with my family.
I am looking for a job in a factory or a hotel.
I would like to book an online job consultation.

Could I have it on Dec 14 at 10am?
My Japanese is not good, so I would like a Portuguese interpreter if possible.

Job seeker number: 05020-77314408
Phone: +81 80-3391-5527

Best regards,
Maria Santos
""", L("book", "Maria Santos", "05020-77314408", phone="080-3391-5527",
       req=[W(day(12, 14), "10:00")], att="interpreter"),
     "KIND English mail, 'Dec 14 at 10am', interpreter, +81 phone", fam="utf8", cte="7bit", cl="gmail")

mail(at(12, 8, 20, 15, 3), ("Chen Wei", "chenwei.akt@example.net"), "Consultation request",
     """Hello,

I am Chen Wei, a former technical intern. I want to change my job and need advice.
I would like an online consultation on 17th December, 14:00.
If that is not possible, 18th December in the afternoon is also fine.

Seeker number 05040-11852206
Mobile 070-6623-1180

Thank you.
Chen Wei
""", L("book", "Chen Wei", "05040-11852206", phone="070-6623-1180",
       req=[W(day(12, 17), "14:00"), W(day(12, 18), *PM)]),
     "KIND English, '17th December, 14:00' and '18th December in the afternoon'", fam="utf8", cte="quoted-printable",
     cl="outlook")

mail(at(12, 9, 7, 58, 40), ("Ahmed Khan", "a.khan1990@example.com"), "consultation please",
     """Hello. I am Ahmed Khan.
I want job consultation online.
日本語はすこしだけです。English interpreter please.
Dec 18 afternoon OK.
My number 05010-52201967
Tel 090-1128-6603
Thank you
""", L("book", "Ahmed Khan", "05010-52201967", phone="090-1128-6603",
       req=[W(day(12, 18), *PM)], att="interpreter"),
     "KIND mostly English with a Japanese line, interpreter", fam="utf8", cte="8bit", cl="iphone")

mail(at(12, 9, 10, 20, 14), ("小松 早苗", "komatsu@hanaya-sakura.example.jp"), "オンライン職業相談の申込み",
     f"""ハローワーク秋田 ご担当者様

はじめてご連絡します。小松 早苗と申します。
家族で営む花屋を手伝っていますが、来春から外で働きたいと思い、相談をお願いしたくご連絡しました。

{jp(12, 17)}の15時を希望します。
求職番号：05020-41176620
携帯：080-5519-2267

よろしくお願いいたします。

--
フラワーショップさくら　小松 早苗
〒010-0921 秋田市大町二丁目5-14
TEL 018-862-7731 / FAX 018-862-7732
営業時間 10:00～19:00（定休日 毎週水曜日）
年末年始休業 12月30日～1月3日
""", L("book", "小松 早苗", "05020-41176620", phone="080-5519-2267", req=[W(day(12, 17), "15:00")]),
     "KIND shop signature with opening hours, weekly holiday and year-end closure", fam="jis", cte="7bit",
     cl="thunderbird")

mail(at(12, 9, 12, 31, 50), ("近藤 亮", "r.kondo@tohoku-kikai.example.co.jp"), "職業相談（オンライン）の件",
     f"""ハローワーク秋田
ご担当者様

お世話になっております。近藤と申します。
現在の勤務先は在職中ですが、転職を考えておりオンライン相談を利用したいです。

希望日：{jp(12, 21)}　11時
求職番号：05030-88410273
連絡先：090-2290-4418

どうぞよろしくお願い申し上げます。

==================================
東北機械工業株式会社　生産管理部
近藤 亮（こんどう りょう）
〒011-0901 秋田市寺内字三千刈 112
TEL 018-845-2200（代表）
受付時間 平日9:00-18:00
※12/28(月)～1/4(月)は年末年始休業となります
==================================
""", L("book", "近藤 亮", "05030-88410273", phone="090-2290-4418", req=[W(day(12, 21), "11:00")]),
     "KIND company signature with office hours and a closure span", fam="utf8", cte="base64", cl="outlook")

mail(at(12, 9, 16, 44, 2), ("伊藤 千尋", "chihiro.ito@example.jp"), "相談の予約をしたいです",
     f"""{TO}
伊藤千尋です。オンライン職業相談を予約したいです。
{jp(12, 21)}の14時か15時でお願いできますか。

求職番号 05010-21930517
電話 080-4476-0152
""", L("book", "伊藤千尋", "05010-21930517", phone="080-4476-0152",
       req=[W(day(12, 21), "14:00"), W(day(12, 21), "15:00")]),
     "KIND two hours on one day (14時か15時)", fam="sjis", cte="base64", cl="iphone")

mail(at(12, 10, 9, 5, 37), ("長谷川 聡", "satoshi.hasegawa@example.com"), "オンライン職業相談のお願い",
     f"""お世話になります。長谷川 聡と申します。
オンライン職業相談をお願いしたいです。

希望は次のとおりです。
・{jp(12, 22)} 10時または11時
・もしくは{jp(12, 23)}の午後

求職番号：05040-60327781
電話：090-3356-8820
""", L("book", "長谷川 聡", "05040-60327781", phone="090-3356-8820",
       req=[W(day(12, 22), "10:00"), W(day(12, 22), "11:00"), W(day(12, 23), *PM)]),
     "KIND 10時または11時 on one day, then another day's afternoon", cte="quoted-printable", cl="gmail")

mail(at(12, 10, 13, 12, 25), ("", "yui.kamata@example.ne.jp"), "相談希望",
     f"""ハローワーク秋田さま

鎌田結衣です。
オンライン相談の予約をお願いします。
第一希望は{jp(12, 14)}の午前、だめなら同じ週の水曜の午後でお願いします。

求職番号は 05010-77402215 です。
連絡は 070-3318-2204 までお願いします。
""", L("book", "鎌田結衣", "05010-77402215", phone="070-3318-2204",
       req=[W(day(12, 14), *AM), W(day(12, 16), *PM)]),
     "KIND 同じ週の水曜 anchored on the first wish", fam="jis", cte="7bit", cl="webmail",
     rel=[None, ("同じ週", day(12, 14), 2)])

mail(at(12, 10, 18, 3, 9), ("藤原 真一", "fujiwara.sh@example.jp"), "オンライン相談予約",
     f"""オンライン相談担当者様

藤原真一と申します。相談の予約をお願いします。
{jp(12, 17)}の10時を希望します。その日が無理なら、その翌週の同じ曜日の同じ時間でも大丈夫です。

求職番号：05020-50981136
電話番号：090-7203-5568
""", L("book", "藤原真一", "05020-50981136", phone="090-7203-5568",
       req=[W(day(12, 17), "10:00"), W(day(12, 24), "10:00")]),
     "KIND その翌週の同じ曜日 anchored on the stated wish, not on the mail's date", fam="utf8", cte="base64",
     cl="thunderbird", rel=[None, ("翌週", day(12, 17))])

mail(at(12, 8, 21, 30, 0), ("小野寺 恵", "onodera.megumi@example.com"), "予約お願いします",
     """こんばんは。小野寺恵といいます。
オンラインの職業相談をお願いしたいです。
再来週の火曜日の午後はどうでしょうか。

求職番号 05030-12284497
携帯 080-6651-9023
""", L("book", "小野寺恵", "05030-12284497", phone="080-6651-9023", req=[W(day(12, 22), *PM)]),
     "KIND 再来週の火曜 from a Tuesday", fam="sjis", cte="8bit", cl="softbank", rel=[("再来週", 1)])

mail(at(12, 11, 17, 22, 46), ("", "takeshi-o@example.jp"), "相談の予約",
     """ハローワーク秋田の皆様

お疲れ様です。大川と申します。
オンライン相談の予約をお願いします。
週明けの月曜日、朝10時からでお願いできればと思います。

求職番号：05010-90021384
電話：090-4417-7261

大川 武
""", L("book", "大川 武", "05010-90021384", phone="090-4417-7261", req=[W(day(12, 14), "10:00")]),
     "KIND 週明けの月曜 from a Friday; full name only in the closing line", fam="utf8", cte="8bit", cl="iphone",
     rel=[("週明け", 0)])

mail(at(12, 9, 20, 10, 55), ("村井 和子", "k-murai@example.ne.jp"), "オンライン職業相談について",
     """お世話になります。村井和子と申します。

オンライン職業相談を申し込みたいと思います。
月末の月曜日の午前中でお願いできますでしょうか。

求職番号　05020-33871029
電話　018-823-6640
""", L("book", "村井和子", "05020-33871029", phone="018-823-6640", req=[W(day(12, 28), *AM)]),
     "KIND 月末の月曜 = the last Monday of the mail's month", fam="jis", cte="7bit", cl="webmail",
     rel=[("月末", 0)])

mail(at(12, 11, 10, 4, 33), ("斎藤 翔", "sho.saito@example.com"), "相談予約",
     f"""ご担当者様

斎藤翔です。
{jp(12, 18)}の3時からお願いしたいです。

求職番号 05040-27719905
電話番号 090-5523-1187
""", L("book", "斎藤翔", "05040-27719905", phone="090-5523-1187", req=[W(day(12, 18), "15:00")]),
     "KIND bare 3時 (no 午前/午後): afternoon", fam="utf8", cte="base64", cl="gmail")

mail(at(12, 11, 11, 18, 7), ("", "mio.abe@example.jp"), "オンライン職業相談を申し込みます",
     f"""{TO}
阿部美緒です。オンライン職業相談を申し込みます。
希望日時は{jp(12, 24)} 2時～4時です。

求職番号：05010-44902376
電話：080-1182-6639
""", L("book", "阿部美緒", "05010-44902376", phone="080-1182-6639", req=[W(day(12, 24), "14:00", "16:00")]),
     "KIND bare 2時～4時 span: afternoon clock", fam="sjis", cte="base64", cl="yahoo")

mail(at(12, 11, 15, 47, 20), ("田村 恭子", "kyoko.tamura@example.ne.jp"), "相談予約のお願い",
     f"""ハローワーク秋田
オンライン相談ご担当様

田村恭子と申します。
{jp(12, 16)}の9時半から相談をお願いします。

求職番号　05030-61148832
電話　090-2781-4405
""", L("book", "田村恭子", "05030-61148832", phone="090-2781-4405", req=[W(day(12, 16), "09:30")]),
     "bare 9時半: morning", fam="jis", cte="7bit", cl="thunderbird")

mail(at(12, 12, 9, 30, 1), ("工藤 陽菜", "hina.kudo@example.com"), "相談の日程について",
     f"""お世話になっております。工藤陽菜と申します。

{jp(12, 15)}に窓口で雇用保険の手続きをする予定なのですが、
オンライン相談でも職業訓練の申し込みはできますか？
できる場合は、どのような準備が必要か教えてください。

求職番号：05010-82290614
""", L("question", "工藤陽菜", "05010-82290614"),
     "KIND a question that mentions a date (a planned counter visit), no booking", fam="utf8", cte="base64",
     cl="gmail")

mail(at(12, 12, 14, 5, 12), ("", "haruto.m@example.jp"), "質問",
     """急ぎで失礼します。
年末年始は何日から何日までお休みですか。
それと、オンライン相談は何時まで受け付けていますか？

よろしくお願いします。
""", L("question"),
     "KIND no name anywhere; the mail opens with 急ぎで and the subject is 質問", fam="sjis", cte="8bit", cl="docomo")

mail(at(12, 14, 8, 55, 44), ("三浦", "miura.t@example.ne.jp"), "オンライン相談申し込み",
     f"""オンライン相談をお願いします。
{sl(12, 22)} 13:00～14:00 を希望します。
求職番号は05020-14738850、電話は0188-62-4410です。

―――
三浦
""", L("book", "三浦", "05020-14738850", phone="0188-62-4410", req=[W(day(12, 22), "13:00", "14:00")]),
     "KIND surname only, in the signature", fam="utf8", cte="quoted-printable", cl="webmail")

mail(at(12, 14, 10, 16, 26), ("石川 健太", "kenta.ishikawa@example.com"), "オンライン職業相談の申込",
     f"""ハローワーク秋田 御中

石川健太と申します。オンライン職業相談を申し込みます。
車いすを使用しているため、当日は介助者が同席します。
{jp(12, 22)}の10時を希望します。

求職番号：05040-70025513
電話：090-6624-3381
""", L("book", "石川健太", "05040-70025513", phone="090-6624-3381", req=[W(day(12, 22), "10:00")],
       att="caregiver"), "caregiver joins", fam="jis", cte="7bit", cl="outlook")

mail(at(12, 14, 13, 2, 58), ("", "aoi.sakurai@example.jp"), "オンライン相談（手話通訳）",
     f"""ハローワーク秋田　オンライン相談ご担当者様

桜井葵です。聴覚に障害があります。
オンライン相談を受けたいのですが、手話通訳をつけていただくことはできますか。
希望日は{jp(12, 23)}の午前です。

連絡はメールでお願いします（電話はできません）。
求職番号　05010-38815270
""", L("book", "桜井葵", "05010-38815270", req=[W(day(12, 23), *AM)], att="interpreter"),
     "sign-language interpreter; no phone", fam="utf8", cte="base64", cl="iphone")

mail(at(12, 14, 15, 40, 3), ("就労支援センターあきた", "info@shuro-akita.example.or.jp"), "利用者のオンライン相談について",
     f"""ハローワーク秋田　オンライン職業相談ご担当者様

いつもお世話になっております。
就労移行支援事業所「就労支援センターあきた」の支援員、森と申します。

当事業所を利用されている 熊谷 雄大 さんのオンライン相談をお願いしたく、ご連絡しました。
当日は私も同席させていただきます。
希望日時は{jp(12, 24)}の13時です。

ご本人の求職番号：05030-47721168
ご連絡先（事業所）：018-874-3320

就労支援センターあきた　森 美和子
""", L("book", "熊谷 雄大", "05030-47721168", phone="018-874-3320", req=[W(day(12, 24), "13:00")],
       att="other"), "a supporter books for a client and will join", fam="jis", cte="7bit", cl="outlook")

mail(at(12, 15, 9, 20, 16), ("佐々木 萌", "moe.sasaki@example.ne.jp"), "オンライン相談の予約",
     f"""オンライン相談をお願いしたいです。
佐々木萌です。母が付き添います。
{jp(12, 25)} 11:00でお願いします。

求職番号 05010-29983074
電話 080-9912-3046
""", L("book", "佐々木萌", "05010-29983074", phone="080-9912-3046", req=[W(day(12, 25), "11:00")], att="other"),
     "mother joins", fam="sjis", cte="8bit", cl="softbank")

mail(at(12, 15, 11, 3, 49), ("太田 昌平", "ota.shohei@example.jp"), "職業相談予約",
     """ハローワーク秋田 御中

太田昌平と申します。
令和8年12月21日（月）の午後2時から相談をお願いしたく存じます。

求職番号：05020-60049917
電話：090-1870-2254
""", L("book", "太田昌平", "05020-60049917", phone="090-1870-2254", req=[W(day(12, 21), "14:00")]),
     "和暦 令和8年", fam="jis", cte="7bit", cl="webmail")

mail(at(12, 15, 14, 25, 31), ("渡部 修", "watanabe.osamu@example.jp"), "相談のお願い",
     f"""お世話になります。
渡部修と申します。
{kanji(12)}月{kanji(22)}日の午後{kanji(2)}時から、オンライン相談をお願いしたいと思います。

求職番号 05040-13309982
電話 018-862-5509
""", L("book", "渡部修", "05040-13309982", phone="018-862-5509", req=[W(day(12, 22), "14:00")]),
     "漢数字 date and hour", fam="sjis", cte="base64", cl="outlook")

mail(at(12, 15, 19, 48, 9), ("Olivia Brown", "olivia.b@example.com"), "Booking an online consultation",
     f"""Hello,

I'm Olivia Brown. I teach English part-time and I am looking for a full-time job.
I would like to book an online consultation on {en(12, 21)} at 1:30 pm.
I speak a little Japanese, but I need an English interpreter please.

Job seeker number: 05010 6612 0395
Phone: 080-2264-7719

Kind regards,
Olivia
""", L("book", "Olivia Brown", "05010-66120395", phone="080-2264-7719", req=[W(day(12, 21), "13:30")],
       att="interpreter"), "KIND English with 'Monday, December 21 at 1:30 pm', spaced seeker number",
     fam="utf8", cte="7bit", cl="iphone")

mail(at(12, 16, 8, 30, 22), ("", "hoa.nguyen.t@example.com"), "オンライン相談",
     f"""ハローワーク秋田さま

NGUYEN THI HOA です。
しごとのそうだんを おねがいします。
{sl(12, 24)} 10:00-11:00 がいいです。
つうやく は いりません。

でんわ 070-4481-9920
""", L("book", "NGUYEN THI HOA", phone="070-4481-9920", req=[W(day(12, 24), "10:00", "11:00")]),
     "KIND romaji name in capitals in Japanese text; says no interpreter needed", fam="utf8", cte="base64",
     cl="gmail")

mail(at(12, 16, 10, 52, 40), ("王 麗", "wangli.akita@example.jp"), "職業相談の予約をお願いします",
     f"""{TO}
はじめまして。王 麗（ワン・リー）と申します。中国出身です。
日本語の日常会話はできます。
オンライン職業相談を{jp(12, 25)}の14時から希望します。

求職番号：05020-92204418
電話：080-7739-5516
""", L("book", "王 麗", "05020-92204418", phone="080-7739-5516", req=[W(day(12, 25), "14:00")]),
     "Chinese name in kanji with a katakana reading in brackets", fam="jis", cte="7bit", cl="thunderbird")

mail(at(12, 16, 15, 9, 13), ("大山 美樹", "miki-oyama@example.ne.jp"), "オンライン職業相談",
     f"""ご担当者様

大山美樹と申します。
{jp(11, 30)}に窓口で一度相談させていただきましたが、続きをオンラインでお願いしたいです。
{jp(12, 23)}の10時からを希望します。

求職番号：05030-30096627
電話：090-3304-7712
""", L("book", "大山美樹", "05030-30096627", phone="090-3304-7712", req=[W(day(12, 23), "10:00")]),
     "a past visit's date is no wish", fam="utf8", cte="8bit", cl="docomo")

mail(at(12, 16, 17, 33, 58), ("上田 拓海", "takumi.ueda@example.com"), "相談予約",
     f"""上田拓海です。
{jp(12, 25)}に二次面接があるので、その前にオンライン相談で面接の練習をお願いしたいです。
{jp(12, 22)}の午後でお願いできますか。

求職番号 05010-57730021
電話 080-4490-6631
""", L("book", "上田拓海", "05010-57730021", phone="080-4490-6631", req=[W(day(12, 22), *PM)]),
     "an interview date is no wish", fam="sjis", cte="base64", cl="iphone")

mail(at(12, 17, 9, 40, 5), ("", "sakai.jun@example.jp"), "オンライン相談申し込み",
     f"""{TO}
坂井 潤と申します。
日程は{sl(12, 28)}13時～、{sl(1, 5)}13時～のどちらかでお願いします。

求職番号：05040-84419270
電話：090-6672-0043
""", L("book", "坂井 潤", "05040-84419270", phone="090-6672-0043",
       req=[W(day(12, 28), "13:00"), W(day(1, 5), "13:00")]),
     "open-ended 13時～ on two days, one across the year end", fam="utf8", cte="base64", cl="webmail")

mail(at(12, 17, 13, 14, 39), ("山本 紗希", "saki.yamamoto@example.ne.jp"), "オンライン職業相談の予約",
     """ハローワーク秋田　ご担当者様

山本紗希と申します。オンライン職業相談の予約をお願いいたします。
日程はいつでも構いませんので、空いている日時を教えてください。

求職番号：05010-16647733
電話：080-5528-1940
""", L("book", "山本紗希", "05010-16647733", phone="080-5528-1940"),
     "no wish: any time", fam="jis", cte="7bit", cl="outlook")

mail(at(12, 15, 20, 2, 17), ("佐野 光", "hikaru.sano@example.com"), "相談の予約をお願いします",
     """お世話になります。佐野光です。
来週の木曜日の午後2時ごろから相談をお願いできますか。

求職番号 05020-70318846
電話 090-8824-3317
""", L("book", "佐野光", "05020-70318846", phone="090-8824-3317", req=[W(day(12, 24), "14:00")]),
     "来週の木曜 from a Tuesday; 午後2時ごろ", fam="utf8", cte="base64", cl="gmail", rel=[("来週", 3)])

mail(at(12, 18, 10, 8, 50), ("", "nana.ogawa@example.jp"), "オンライン相談のお願い",
     f"""ハローワーク秋田　オンライン相談ご担当者様

小川奈々です。
オンライン相談をお願いします。
年明けの{jp(1, 6)}の午前を希望します。

求職番号：{fw('05030-21184409')}
電話：{fw('090-1157-6628')}
""", L("book", "小川奈々", "05030-21184409", phone="090-1157-6628", req=[W(day(1, 6), *AM)]),
     "a January wish written in December; full-width digits", fam="sjis", cte="8bit", cl="docomo")

mail(at(12, 18, 11, 36, 28), ("西村 大地", "daichi.nishimura@example.ne.jp"), "オンライン職業相談（申込）",
     f"""ご担当者様

お世話になっております。西村大地と申します。
オンライン職業相談の申し込みをいたします。
履歴書を添付しましたので、相談の際に見ていただけると助かります。

希望日時：{jp(12, 25)} 10:00
求職番号：05040-38826615
電話番号：070-2283-9914
""", L("book", "西村大地", "05040-38826615", phone="070-2283-9914", req=[W(day(12, 25), "10:00")]),
     "booking with a PDF attachment", fam="utf8", cte="base64", cl="outlook", struct="mixed",
     attach=("履歴書_西村.pdf", "application/pdf", b"%PDF-1.4\n% holdout7 sample\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))

mail(at(12, 18, 14, 1, 45), ("", "erika.honda@example.com"), "オンライン相談の申込について",
     f"""ハローワーク秋田 ご担当者様

本田えりかと申します。
オンライン職業相談を申し込みます。

希望日時：{jp(12, 28)} 14:00
求職番号：05010-40035581
電話：080-3316-0075

なお、ご連絡は下記のアドレスにいただけますでしょうか。
erika.honda.work@example.jp
""", L("book", "本田えりか", "05010-40035581", email="erika.honda.work@example.jp", phone="080-3316-0075",
       req=[W(day(12, 28), "14:00")]), "a contact address other than the sender's", fam="utf8",
     cte="quoted-printable", cl="gmail", struct="alt")

mail(at(12, 18, 16, 20, 11), ("東海林 翼", "tsubasa.shoji@example.jp"), "相談予約のお願い",
     f"""{TO}
氏名：東海林 翼（しょうじ つばさ）
求職番号：05020-15537708
電話：090-4462-1135
希望日：{jp(1, 7)}　午後

よろしくお願いいたします。
""", L("book", "東海林 翼", "05020-15537708", phone="090-4462-1135", req=[W(day(1, 7), *PM)]),
     "furigana in brackets after the labelled name; HTML-only mail", fam="utf8", cte="base64", cl="webmail",
     struct="html")

mail(at(12, 21, 9, 3, 37), ("", "yamaguchi.r@example.ne.jp"), "お願い",
     f"""ハローワーク秋田さま
オンライン相談をお願いしたいです。
{sl(1, 8)} 10時～12時の間でお願いします。
山口
携帯090-7715-2260
求職番号0501088203346
""", L("book", "山口", "05010-88203346", phone="090-7715-2260", req=[W(day(1, 8), "10:00", "12:00")]),
     "carrier-style lines; surname alone on its own line", fam="sjis", cte="8bit", cl="softbank")

mail(at(12, 21, 13, 44, 19), ("Park Jiwoo", "jiwoo.park@example.com"), "Re: job consultation",
     f"""Hello,
Name: Park Jiwoo
Seeker number: 05030-91127734
Phone: 080-6640-2271
Preferred date: {en(1, 12)}, 10:00-11:00
I can speak Japanese, so no interpreter is needed.
Thank you.
""", L("book", "Park Jiwoo", "05030-91127734", phone="080-6640-2271", req=[W(day(1, 12), "10:00", "11:00")]),
     "English labelled form; 'Re:' subject though no thread; says no interpreter", fam="utf8", cte="7bit",
     cl="gmail")

mail(at(12, 22, 10, 55, 4), ("千葉 由香", "yuka.chiba@example.jp"), "オンライン職業相談を希望します",
     f"""お世話になります、千葉由香です。
{jp(1, 6)}か{jp(1, 7)}の、どちらも14時以降でお願いします。

求職番号：05040-26680053
電話：080-8832-5574
""", L("book", "千葉由香", "05040-26680053", phone="080-8832-5574",
       req=[W(day(1, 6), "14:00"), W(day(1, 7), "14:00")]),
     "two days sharing one '14時以降'", fam="jis", cte="7bit", cl="thunderbird")

mail(at(1, 4, 9, 15, 42), ("菊地 亮太", "kikuchi.ryota@example.com"), "新年のご挨拶と相談予約",
     f"""ハローワーク秋田の皆様

明けましておめでとうございます。菊地亮太です。
年末にお話しした件の続きで、オンライン相談をお願いしたいです。
{jp(1, 12)}の13時か、{jp(1, 13)}の10時でお願いします。

求職番号 05010-73318842
電話 090-2245-7783
""", L("book", "菊地亮太", "05010-73318842", phone="090-2245-7783",
       req=[W(day(1, 12), "13:00"), W(day(1, 13), "10:00")]), "January mail; two wishes", fam="utf8",
     cte="base64", cl="iphone")

mail(at(1, 5, 14, 22, 8), ("", "s.kosaka@example.ne.jp"), "相談予約",
     """お世話になります。小坂です。
明後日の午前中にオンライン相談をお願いできますか。

求職番号：05020-59912237
電話：018-835-1198
""", L("book", "小坂", "05020-59912237", phone="018-835-1198", req=[W(day(1, 7), *AM)]),
     "明後日", fam="sjis", cte="base64", cl="outlook", rel=[("明後日",)])

mail(at(1, 6, 11, 40, 29), ("Sophie Martin", "sophie.martin@example.fr"), "Consultation",
     """Good morning,

My name is Sophie Martin and I moved to Akita last year with my husband.
I would like to have an online consultation about working as a French teacher.
Would Jan 14 in the morning or Jan 15 at 2 p.m. be possible?

My seeker number is 05030-66210058.
You can reach me at 090-3321-8864.

Thank you very much,
Sophie
""", L("book", "Sophie Martin", "05030-66210058", phone="090-3321-8864",
       req=[W(day(1, 14), *AM), W(day(1, 15), "14:00")]), "English: 'Jan 14 in the morning', 'Jan 15 at 2 p.m.'",
     fam="utf8", cte="quoted-printable", cl="outlook")

mail(at(1, 7, 16, 5, 51), ("須藤 悠", "haruka.sudo@example.jp"), "オンライン相談の申込",
     f"""{TO}
須藤悠と申します。
手話通訳が必要です。
{jp(1, 15)}の午後1時から2時でお願いします。

求職番号：05040-44308826
連絡先：メールでお願いします
""", L("book", "須藤悠", "05040-44308826", req=[W(day(1, 15), "13:00", "14:00")], att="interpreter"),
     "午後1時から2時 span", fam="jis", cte="7bit", cl="webmail")


# ================================================================== replies to an offer (confirm) =

_o = offer("高橋 美咲", "AK-2612-0101", [(day(12, 10), "14:00"), (day(12, 11), "10:00"), (day(12, 11), "14:00")])
mail(at(12, 7, 18, 20, 3), ("高橋 美咲", "misaki.t-0715@example.jp"), RE(_o),
     """ご連絡ありがとうございます。
2番でお願いします。
利用規約も確認しました。

高橋 美咲
""", L("confirm", "高橋 美咲", choice=2), "2番; Thunderbird quote", fam="jis", cte="7bit", cl="thunderbird",
     quote=("thunderbird_ja", at(12, 7, 15, 2, 10), _o))

_o = offer("佐藤 大輔", "AK-2612-0102", [(day(12, 14), "09:00"), (day(12, 14), "11:00"), (day(12, 15), "13:00")])
mail(at(12, 8, 8, 2, 40), ("佐藤大輔", "d.sato.akita@example.ne.jp"), RE(_o),
     """ハローワーク秋田　御中

お世話になっております。佐藤です。
③でお願いいたします。

佐藤　大輔
""", L("confirm", "佐藤 大輔", choice=3), "circled ③ in Shift_JIS; Outlook-JP header quote without marks",
     fam="sjis", cte="base64", cl="outlook", quote=("outlook_ja", at(12, 7, 16, 40, 0), _o))

_o = offer("Maria Santos", "AK-2612-0103", [(day(12, 14), "10:00"), (day(12, 14), "11:00"), (day(12, 15), "10:00")])
mail(at(12, 9, 9, 14, 27), ("Maria Santos", "maria.santos.br@example.com"), RE(_o),
     """Hello,

Thank you for your reply. I'll take option 2.
I have read the terms of use and I agree.

Maria Santos
""", L("confirm", "Maria Santos", choice=2), "KIND English 'I'll take option 2'", fam="utf8", cte="8bit",
     cl="gmail", quote=("gmail_en", at(12, 8, 16, 5, 0), _o))

_o = offer("Chen Wei", "AK-2612-0104", [(day(12, 17), "14:00"), (day(12, 18), "13:00"), (day(12, 18), "15:00")])
mail(at(12, 9, 12, 0, 9), ("Chen Wei", "chenwei.akt@example.net"), RE(_o),
     """Option 1 please.
Thank you,
Chen Wei
""", L("confirm", "Chen Wei", choice=1), "English 'Option 1 please'", fam="utf8", cte="8bit", cl="outlook",
     quote=("original", at(12, 9, 9, 30, 0), _o))

_o = offer("加賀谷 浩二", "AK-2612-0105", [(day(12, 15), "10:00"), (day(12, 16), "13:00"), (day(12, 16), "14:00")])
mail(at(12, 9, 19, 41, 33), ("加賀谷 浩二", "kagaya.koji@example.jp"), RE(_o),
     f"""お世話になります。加賀谷です。
{jp(12, 16)}の13時からの枠でお願いします。
""", L("confirm", "加賀谷", req=[W(day(12, 16), "13:00", "13:50")]),
     "a restated offered slot without its number", fam="sjis", cte="8bit", cl="docomo",
     quote=("gmail_ja", at(12, 9, 10, 12, 0), _o))

_o = offer("グエン・ヴァン・ナム", "AK-2612-0106", [(day(12, 17), "10:00"), (day(12, 17), "11:00")])
mail(at(12, 9, 20, 30, 12), ("Nguyen Van Nam", "nguyen.vn.88@example.com"), RE(_o),
     """いちばんめの にってい で おねがいします。
グエン
""", L("confirm", "グエン", choice=1), "いちばんめ in kana", fam="utf8", cte="base64", cl="gmail",
     quote=("gmail_ja", at(12, 9, 13, 0, 0), _o))

_o = offer("伊藤 千尋", "AK-2612-0107", [(day(12, 21), "14:00"), (day(12, 21), "15:00"), (day(12, 22), "14:00")])
mail(at(12, 10, 7, 15, 50), ("伊藤 千尋", "chihiro.ito@example.jp"), RE(_o),
     """1番は仕事が入ってしまったので、2番でお願いします。
伊藤
""", L("confirm", "伊藤", choice=2), "a refused number before the chosen one", fam="sjis", cte="base64",
     cl="iphone", quote=("iphone_ja", at(12, 9, 17, 30, 0), _o))

_o = offer("長谷川 聡", "AK-2612-0108", [(day(12, 22), "10:00"), (day(12, 22), "11:00"), (day(12, 23), "13:00")])
mail(at(12, 10, 16, 2, 21), ("長谷川 聡", "satoshi.hasegawa@example.com"), RE(_o),
     f"""ご担当者様

長谷川です。早速のご案内ありがとうございます。
2番の{jp(12, 22)} 11:00～でお願いいたします。
念のため、次のとおりお知らせします。

１．氏名　長谷川 聡
２．電話番号　090-3356-8820
３．同席者　なし

よろしくお願いいたします。
""", L("confirm", "長谷川 聡", phone="090-3356-8820", req=[W(day(12, 22), "11:00", "11:50")], choice=2),
     "KIND number and restated slot, then a numbered form (１．氏名 ２．電話番号) that is no choice",
     cte="quoted-printable", cl="gmail", quote=("gmail_ja", at(12, 10, 11, 0, 0), _o))

_o = offer("鎌田 結衣", "AK-2612-0109", [(day(12, 14), "09:00"), (day(12, 14), "10:00"), (day(12, 16), "13:00")])
mail(at(12, 11, 12, 45, 0), ("", "yui.kamata@example.ne.jp"), RE(_o),
     """一番目でお願いします
鎌田
""", L("confirm", "鎌田", choice=1), "一番目", fam="jis", cte="7bit", cl="webmail",
     quote=("original", at(12, 10, 16, 20, 0), _o))

_o = offer("藤原 真一", "AK-2612-0110", [(day(12, 17), "10:00")])
mail(at(12, 11, 9, 12, 48), ("藤原 真一", "fujiwara.sh@example.jp"), RE(_o),
     """はい、その日時で大丈夫です。
よろしくお願いします。

藤原
""", L("confirm", "藤原"), "one-slot offer accepted without a number", fam="utf8", cte="base64",
     cl="thunderbird", quote=("thunderbird_ja", at(12, 10, 19, 0, 0), _o))

_o = offer("小松 早苗", "AK-2612-0111", [(day(12, 17), "15:00"), (day(12, 18), "15:00")])
mail(at(12, 10, 11, 30, 30), ("小松 早苗", "komatsu@hanaya-sakura.example.jp"), RE(_o),
     """ご案内ありがとうございます。
1番でお願いいたします。

--
フラワーショップさくら　小松 早苗
TEL 018-862-7731
営業時間 10:00～19:00（定休日 毎週水曜日）
12月30日～1月3日は休業いたします
""", L("confirm", "小松 早苗", phone="018-862-7731", choice=1),
     "KIND shop signature with hours and closure dates in a confirm", fam="jis", cte="7bit", cl="thunderbird",
     quote=("thunderbird_ja", at(12, 9, 15, 0, 0), _o))

_o = offer("斎藤 翔", "AK-2612-0112", [(day(12, 18), "15:00"), (day(12, 18), "16:00"), (day(12, 21), "15:00")])
mail(at(12, 12, 8, 5, 44), ("斎藤 翔", "sho.saito@example.com"), RE(_o),
     """Number 3 is fine.
斎藤翔
""", L("confirm", "斎藤翔", choice=3), "English 'Number 3' from a Japanese writer", fam="utf8", cte="base64",
     cl="gmail", quote=("gmail_ja", at(12, 11, 14, 0, 0), _o))

_o = offer("Olivia Brown", "AK-2612-0113", [(day(12, 21), "13:00"), (day(12, 21), "14:00"), (day(12, 22), "13:00")])
mail(at(12, 16, 7, 50, 13), ("Olivia Brown", "olivia.b@example.com"), RE(_o),
     """Hi,

December 22 at 1pm works for me (option 3).
I will join with an interpreter as I wrote before.

Olivia
""", L("confirm", "Olivia", req=[W(day(12, 22), "13:00", "13:50")], choice=3, att="interpreter"),
     "KIND English restated slot with its number; interpreter again", fam="utf8", cte="8bit", cl="iphone",
     quote=("gmail_en", at(12, 15, 22, 0, 0), _o))

_o = offer("石川 健太", "AK-2612-0114", [(day(12, 22), "10:00"), (day(12, 22), "11:00"), (day(12, 23), "10:00")])
mail(at(12, 15, 9, 0, 27), ("石川 健太", "kenta.ishikawa@example.com"), RE(_o),
     """石川です。
2番目でお願いします。介助者も同席します。
""", L("confirm", "石川", choice=2, att="caregiver"), "2番目 + caregiver", fam="jis", cte="7bit", cl="outlook",
     quote=("outlook_ja", at(12, 14, 15, 0, 0), _o))

_o = offer("王 麗", "AK-2612-0115", [(day(12, 25), "14:00"), (day(12, 25), "15:00")])
mail(at(12, 17, 10, 10, 10), ("王 麗", "wangli.akita@example.jp"), RE(_o),
     """ありがとうございます。
２番でおねがいします。
王
""", L("confirm", "王", choice=2), "full-width ２; one-kanji surname", fam="utf8", cte="base64", cl="gmail",
     quote=("gmail_ja", at(12, 16, 16, 0, 0), _o))

_o = offer("坂井 潤", "AK-2612-0116", [(day(12, 28), "13:00"), (day(1, 5), "13:00"), (day(1, 5), "14:00")])
mail(at(12, 18, 9, 55, 2), ("", "sakai.jun@example.jp"), RE(_o),
     """坂井です。
年明けのほうがありがたいので、2でお願いします。
""", L("confirm", "坂井", choice=2), "bare '2で'", fam="utf8", cte="base64", cl="webmail",
     quote=("android_ja", at(12, 17, 15, 30, 0), _o), below=True)

_o = offer("Sophie Martin", "AK-2612-0117", [(day(1, 14), "09:00"), (day(1, 14), "10:00"), (day(1, 15), "14:00")])
mail(at(1, 7, 8, 30, 45), ("Sophie Martin", "sophie.martin@example.fr"), RE(_o),
     """Hello,

The first one (January 14, 9:00) is perfect. Thank you!

Sophie
""", L("confirm", "Sophie", req=[W(day(1, 14), "09:00", "09:50")], choice=1),
     "English 'the first one' with the restated slot", fam="utf8", cte="quoted-printable", cl="outlook",
     quote=("original", at(1, 6, 15, 0, 0), _o))

_o = offer("山本 紗希", "AK-2612-0118", [(day(12, 21), "10:00"), (day(12, 22), "14:00"), (day(12, 23), "11:00")])
mail(at(12, 18, 12, 20, 20), ("山本 紗希", "saki.yamamoto@example.ne.jp"), RE(_o),
     """ハローワーク秋田　ご担当者様

ご連絡ありがとうございます。
1番の日程でお願いいたします。
規約にも同意いたします。

山本紗希
""", L("confirm", "山本紗希", choice=1), "1番の日程; HTML+plain", fam="utf8", cte="base64", cl="gmail",
     struct="alt", quote=("gmail_ja", at(12, 17, 17, 0, 0), _o))

_o = offer("菊地 亮太", "AK-2701-0119", [(day(1, 12), "13:00"), (day(1, 13), "10:00")])
mail(at(1, 5, 10, 2, 36), ("菊地 亮太", "kikuchi.ryota@example.com"), RE(_o),
     """菊地です。
最初の日程（1月12日13時）でお願いします。
当日は母も同席してよろしいでしょうか。
""", L("confirm", "菊地", req=[W(day(1, 12), "13:00", "13:50")], choice=1, att="other"),
     "最初の日程 with the restated slot; a family member joins (asked as a question)", fam="utf8", cte="base64",
     cl="iphone", quote=("iphone_ja", at(1, 4, 15, 0, 0), _o))


# ================================================================== cancellations ===============

_c = confirmed("大山 美樹", "AK-2612-0120", day(12, 23), "10:00")
mail(at(12, 19, 10, 40, 6), ("大山 美樹", "miki-oyama@example.ne.jp"), RE(_c),
     f"""お世話になります。大山です。
{jp(12, 23)}の相談の予約をキャンセルさせてください。
急な事情で申し訳ありません。
""", L("cancel", "大山"), "KIND the booking's date in a cancel is no wish", fam="utf8", cte="8bit", cl="docomo",
     quote=("gmail_ja", at(12, 16, 18, 0, 0), _c))

_c = confirmed("佐々木 萌", "AK-2612-0121", day(12, 25), "11:00")
mail(at(12, 24, 19, 3, 31), ("佐々木 萌", "moe.sasaki@example.ne.jp"), RE(_c),
     """すみません、体調をくずしてしまい、明日の相談はお休みさせてください。
佐々木萌
""", L("cancel", "佐々木萌"), "absence the day before (明日)", fam="sjis", cte="8bit", cl="softbank",
     quote=("original", at(12, 15, 16, 0, 0), _c))

_c = confirmed("Chen Wei", "AK-2612-0122", day(12, 17), "14:00")
mail(at(12, 14, 12, 12, 12), ("Chen Wei", "chenwei.akt@example.net"), RE(_c),
     """Hello,

I am very sorry, but I need to cancel my appointment on December 17.
I found a new job last week.

Chen Wei
""", L("cancel", "Chen Wei"), "English cancel naming the booked day", fam="utf8", cte="8bit", cl="outlook",
     quote=("original", at(12, 9, 13, 0, 0), _c))

_c = confirmed("上田 拓海", "AK-2612-0123", day(12, 22), "13:00")
mail(at(12, 19, 15, 0, 48), ("上田 拓海", "takumi.ueda@example.com"), RE(_c),
     """上田です。
おかげさまで就職先が決まりましたので、22日の予約は取り消してください。
ありがとうございました。
""", L("cancel", "上田"), "取り消し; the booked day without month", fam="sjis", cte="base64", cl="iphone",
     quote=("iphone_ja", at(12, 17, 10, 0, 0), _c))

_o = offer("野田 一真", "AK-2612-0124", [(day(12, 11), "10:00"), (day(12, 11), "11:00"), (day(12, 14), "10:00")])
mail(at(12, 8, 18, 45, 1), ("", "kazuma.noda@example.com"), RE(_o),
     """ご案内いただいた日程は、どれも都合がつかなくなってしまいました。
申し訳ありませんが、今回は見送らせてください。
野田
""", L("cancel", "野田"), "declines every offered slot and withdraws", cte="quoted-printable",
     cl="thunderbird", quote=("thunderbird_ja", at(12, 8, 10, 0, 0), _o))

_n = needs_info("小野寺 恵", ["求職番号", "ご希望の日時"])
mail(at(12, 10, 20, 30, 40), ("小野寺 恵", "onodera.megumi@example.com"), RE(_n),
     """小野寺です。
家庭の事情で、しばらく相談に行けそうにないので、申し込みを取り下げます。
すみません。
""", L("cancel", "小野寺"), "withdraws a request before any offer", fam="sjis", cte="8bit", cl="softbank",
     quote=("original", at(12, 9, 9, 0, 0), _n))

_c = confirmed("近藤 亮", "AK-2612-0125", day(12, 21), "11:00")
mail(at(12, 17, 9, 30, 3), ("近藤 亮", "r.kondo@tohoku-kikai.example.co.jp"), RE(_c),
     """お世話になっております。近藤です。
大変申し訳ございませんが、都合により予約をキャンセルいたします。

==================================
東北機械工業株式会社　生産管理部
近藤 亮
TEL 018-845-2200（代表）
受付時間 平日9:00-18:00
※12/28(月)～1/4(月)は年末年始休業となります
==================================
""", L("cancel", "近藤 亮", phone="018-845-2200"), "KIND cancel with a closure span in the signature",
     cte="base64", cl="outlook", quote=("outlook_ja", at(12, 11, 10, 0, 0), _c))

_c = confirmed("Ahmed Khan", "AK-2612-0126", day(12, 18), "13:00")
mail(at(12, 15, 21, 0, 0), ("Ahmed Khan", "a.khan1990@example.com"), RE(_c),
     """Sorry, キャンセル please. I go back to my country for family reason.
Ahmed
""", L("cancel", "Ahmed"), "mixed キャンセル please", fam="utf8", cte="8bit", cl="iphone",
     quote=("gmail_en", at(12, 10, 11, 0, 0), _c))


# ================================================================== reschedules =================

_c = confirmed("田村 恭子", "AK-2612-0127", day(12, 16), "09:00")
mail(at(12, 12, 11, 11, 11), ("田村 恭子", "kyoko.tamura@example.ne.jp"), RE(_c),
     f"""お世話になっております。田村です。
{jp(12, 16)} 9時の予約を、{jp(12, 18)}の14時に変更していただけますか。
""", L("reschedule", "田村", req=[W(day(12, 18), "14:00")]),
     "KIND the old booking's date and time before the new one", fam="jis", cte="7bit", cl="thunderbird",
     quote=("thunderbird_ja", at(12, 11, 17, 0, 0), _c))

_c = confirmed("藤原 真一", "AK-2612-0128", day(12, 17), "13:00")
mail(at(12, 14, 18, 20, 5), ("藤原 真一", "fujiwara.sh@example.jp"), RE(_c),
     """藤原です。
予約している17日（木）13時の件ですが、急な仕事が入ったため、翌週の同じ時間に変更をお願いします。
""", L("reschedule", "藤原", req=[W(day(12, 24), "13:00")]),
     "KIND 翌週 anchored on the booked day, not on the mail's date", fam="utf8", cte="base64", cl="thunderbird",
     quote=("gmail_ja", at(12, 11, 10, 0, 0), _c), rel=[("翌週", day(12, 17))])

_c = confirmed("Olivia Brown", "AK-2612-0129", day(12, 22), "13:00")
mail(at(12, 18, 8, 8, 8), ("Olivia Brown", "olivia.b@example.com"), RE(_c),
     """Hello,

Could I move my appointment from Dec 22 to Dec 25 at 3pm?
Sorry for the trouble.

Olivia Brown
""", L("reschedule", "Olivia Brown", req=[W(day(12, 25), "15:00")], att=None),
     "KIND English reschedule 'from Dec 22 to Dec 25 at 3pm'", fam="utf8", cte="8bit", cl="iphone",
     quote=("gmail_en", at(12, 16, 9, 0, 0), _c))

_c = confirmed("熊谷 雄大", "AK-2612-0130", day(12, 24), "13:00")
mail(at(12, 21, 16, 0, 19), ("就労支援センターあきた", "info@shuro-akita.example.or.jp"), RE(_c),
     """ハローワーク秋田　ご担当者様

就労支援センターあきたの森です。
熊谷さんの24日の予約について、日程の変更をお願いしたく存じます。
新しい日程は、ご本人と相談のうえ、改めてご連絡いたします。

森 美和子
""", L("reschedule", "熊谷"), "a change asked for without a new time; the supporter writes",
     fam="jis", cte="7bit", cl="outlook", quote=("outlook_ja", at(12, 16, 11, 0, 0), _c))

_c = confirmed("坂井 潤", "AK-2612-0131", day(12, 21), "11:00")
mail(at(12, 15, 13, 33, 2), ("", "sakai.jun@example.jp"), RE(_c),
     f"""坂井です。
今の予約（{sl(12, 21)} 11:00）を、同じ週の水曜日の午前に変えてもらえますか。
""", L("reschedule", "坂井", req=[W(day(12, 23), *AM)]),
     "KIND 同じ週 anchored on the booking", fam="utf8", cte="base64", cl="webmail",
     quote=("android_ja", at(12, 12, 9, 0, 0), _c), rel=[("同じ週", day(12, 21), 2)])

_c = confirmed("村井 和子", "AK-2612-0132", day(12, 28), "09:00")
mail(at(12, 22, 10, 14, 41), ("村井 和子", "k-murai@example.ne.jp"), RE(_c),
     """村井です。いつもお世話になっております。
28日の予約ですが、年明けの1月7日に変更を希望します。時間はいつでも大丈夫です。
""", L("reschedule", "村井", req=[W(day(1, 7))]), "a January day with no time", fam="jis", cte="7bit",
     cl="webmail", quote=("original", at(12, 10, 9, 0, 0), _c))

_c = confirmed("千葉 由香", "AK-2701-0133", day(1, 6), "14:00")
mail(at(12, 28, 11, 50, 15), ("千葉 由香", "yuka.chiba@example.jp"), RE(_c),
     """千葉です。
1月6日の予約を、1月8日の14時か15時に変更できますか。
""", L("reschedule", "千葉", req=[W(day(1, 8), "14:00"), W(day(1, 8), "15:00")]),
     "KIND reschedule to two hours of one day", fam="jis", cte="7bit", cl="thunderbird",
     quote=("thunderbird_ja", at(12, 23, 10, 0, 0), _c))


# ================================================================== questions ===================

_c = confirmed("伊藤 千尋", "AK-2612-0134", day(12, 21), "15:00")
mail(at(12, 16, 12, 30, 0), ("伊藤 千尋", "chihiro.ito@example.jp"), RE(_c),
     f"""伊藤です。
{jp(12, 21)}の相談は、スマホからでも参加できますか？
パソコンを持っていないので心配です。
""", L("question", "伊藤"), "KIND a question naming the booked date", fam="sjis", cte="base64", cl="iphone",
     quote=("iphone_ja", at(12, 10, 8, 0, 0), _c))

mail(at(12, 17, 14, 14, 14), ("", "k.hayashi@example.com"), "Question about consultation",
     """Hello,

Is it possible to have the online consultation in English?
Do you have staff who speak English?

Kenji Hayashi
""", L("question", "Kenji Hayashi"), "English question without a booking", fam="utf8", cte="7bit", cl="gmail")

mail(at(12, 21, 11, 2, 55), ("吉田 弘", "yoshida.hiroshi@example.ne.jp"), "12月25日は開庁していますか",
     f"""お世話になります。吉田です。
{jp(12, 25)}は開庁していますか？
窓口に書類を持って行きたいのですが、午後でも大丈夫でしょうか。
""", L("question", "吉田"), "KIND a question with a date and 午後 (a counter visit, not a booking)",
     fam="jis", cte="7bit", cl="webmail")

mail(at(12, 22, 15, 45, 3), ("", "mai.kato@example.jp"), "予約の確認",
     """加藤舞です。
先日オンライン相談を予約したのですが、日時のメールを消してしまいました。
予約している日時を教えていただけますか。
""", L("question", "加藤舞"), "asks for her own booking", fam="utf8", cte="base64", cl="docomo")

mail(at(1, 8, 9, 0, 5), ("", "t.fukuda@example.ne.jp"), "オンライン相談でできること",
     """はじめまして、福田と申します。
オンライン職業相談では、失業認定や求人への紹介状の発行もしてもらえるのでしょうか。
予約の前に知りたいので、教えてください。
""", L("question", "福田"), "question before any booking", fam="sjis", cte="base64", cl="outlook")


# ================================================================== automated mail ==============

_o = offer("近藤 亮", "AK-2612-0135", [(day(12, 28), "10:00"), (day(1, 5), "10:00")])
mail(at(12, 24, 17, 30, 2), ("近藤 亮", "r.kondo@tohoku-kikai.example.co.jp"), "自動応答: " + _o["subject"],
     """このメールは自動応答です。

誠に勝手ながら、12月28日（月）～1月5日（火）まで不在にしております。
1月6日（水）以降、順次ご返信いたします。
お急ぎの方は、代表番号 018-845-2200 までご連絡ください。

東北機械工業株式会社　生産管理部　近藤
""", L("automated", email="r.kondo@tohoku-kikai.example.co.jp"),
     "Japanese out-of-office reply listing the days away", fam="jis", cte="7bit", cl="outlook",
     extra=["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"])

mail(at(12, 23, 9, 1, 0), ("Sophie Martin", "sophie.martin@example.fr"), "Automatic reply: Consultation",
     """Thank you for your message.
I am out of the office from December 23 until January 4 with limited access to e-mail.
I will reply as soon as possible after my return.

Sophie Martin
""", L("automated"), "English out-of-office with dates", fam="utf8", cte="7bit", cl="outlook",
     extra=["X-Autoreply: yes", "Auto-Submitted: auto-replied"])

_o = offer("小川 奈々", "AK-2612-0136", [(day(1, 6), "09:00"), (day(1, 6), "10:00")])
mail(at(12, 19, 15, 4, 40), ("Mail Delivery System", "MAILER-DAEMON@mx01.akita-hw.example.jp"),
     "Undelivered Mail Returned to Sender", "", L("automated"), "Postfix bounce (multipart/report)",
     fam="utf8", cte="7bit", cl="mta", struct="bounce",
     quote=("none", at(12, 19, 15, 4, 30), dict(_o, to="nana.ogawa@example.jp")))

mail(at(12, 10, 7, 0, 0), ("あきた求人ナビ", "magazine@kyujin-navi.example.jp"), "【あきた求人ナビ】今週の新着求人と合同説明会のお知らせ",
     f"""━━━━━━━━━━━━━━━━━━━
あきた求人ナビ メールマガジン　第312号
━━━━━━━━━━━━━━━━━━━

■ 合同企業説明会のお知らせ
日時：{jp(12, 19)} 13:00～16:00
会場：秋田拠点センター ALVE 2階

■ 今週の新着求人
・製造スタッフ（秋田市）　時給1,100円
・医療事務（潟上市）　月給18万円～

配信停止はこちら：https://kyujin-navi.example.jp/unsubscribe
""", L("automated"), "mailing list with an event date and time", fam="utf8", cte="base64", cl="system",
     extra=["List-Id: <weekly.kyujin-navi.example.jp>", "List-Unsubscribe: <https://kyujin-navi.example.jp/unsubscribe>",
            "Precedence: bulk"])

mail(at(12, 14, 3, 12, 9), ("求人応募受付システム", "no-reply@apply.example.co.jp"), "【自動送信】お問い合わせを受け付けました",
     f"""このメールは送信専用アドレスから自動で送信されています。ご返信いただいてもお答えできません。

お問い合わせを受け付けました。
受付日時：{jp(12, 14)} 03:12
担当者より3営業日以内にご連絡いたします。
""", L("automated"), "no-reply system notice", fam="jis", cte="7bit", cl="system",
     extra=["Auto-Submitted: auto-generated"])

mail(at(12, 21, 8, 0, 30), ("", "postmaster@docomo.example.ne.jp"), "Mail Delivery Failure",
     """送信したメールは、宛先のアドレスが存在しないため届きませんでした。

The following address had permanent fatal errors:
<yamada-taro.1980@docomo.example.ne.jp>

--- 元のメールの一部 ---
Subject: 【ハローワーク秋田】オンライン職業相談のご予約について
""", L("automated"), "a carrier's plain-text bounce", fam="sjis", cte="8bit", cl="mta")

mail(at(12, 26, 6, 45, 12), ("Calendar", "calendar-notification@example.com"),
     "Reminder: Online consultation @ Mon Dec 28, 2026 10am - 10:50am (JST)",
     """This is a reminder for the following event.

Online consultation (Hello Work Akita)
When: Monday, December 28, 2026 10am - 10:50am (Japan Standard Time)

You are receiving this email because you set a notification for this event.
""", L("automated"), "a calendar reminder forwarded by a seeker's account", fam="utf8", cte="7bit", cl="system",
     extra=["Auto-Submitted: auto-generated", "Precedence: bulk"])


# ================================================================== other mail ==================

mail(at(12, 11, 10, 0, 1), ("株式会社アドリンク 田中", "tanaka@adlink.example.co.jp"), "求人広告掲載のご案内",
     """ハローワーク秋田　ご担当者様

突然のご連絡失礼いたします。
株式会社アドリンク 営業部の田中一郎と申します。

弊社の求人広告サービス「ジョブリンク」のご案内です。
12月中にお申し込みいただくと、掲載料が初月無料となります。
1月15日までの期間限定キャンペーンも実施中です。

ご興味がございましたら、お気軽にお問い合わせください。

株式会社アドリンク　営業部　田中 一郎
TEL 03-5212-8890
""", L("other", "田中 一郎", phone="03-5212-8890"), "sales mail with campaign dates", fam="jis", cte="7bit",
     cl="outlook")

_c = confirmed("高橋 美咲", "AK-2612-0137", day(12, 11), "10:00")
mail(at(12, 11, 11, 30, 40), ("高橋 美咲", "misaki.t-0715@example.jp"), "Re: " + _c["subject"],
     """本日はありがとうございました。
教えていただいた求人に、さっそく応募してみます。

高橋
""", L("other", "高橋"), "thanks after the session", fam="jis", cte="7bit", cl="thunderbird",
     quote=("thunderbird_ja", at(12, 8, 10, 0, 0), _c))

mail(at(12, 16, 22, 10, 0), ("", "ryo.h.1122@example.ne.jp"), "Re: 忘年会の件",
     """すみません、送り先を間違えました。
失礼いたしました。
""", L("other"), "misdirected mail", fam="sjis", cte="8bit", cl="softbank")

mail(at(12, 23, 13, 5, 50), ("西村 大地", "daichi.nishimura@example.ne.jp"), "職務経歴書の送付",
     """ハローワーク秋田　ご担当者様

西村です。先日の相談でお話しした職務経歴書を添付いたします。
お手すきの際にご確認いただけますと幸いです。
""", L("other", "西村"), "documents sent after a session", fam="utf8", cte="base64", cl="outlook",
     struct="mixed", attach=("職務経歴書.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                             b"PK\x03\x04holdout7 sample docx"))

mail(at(12, 27, 4, 44, 4), ("Prize Center", "winner@prize-center.example.biz"), "Congratulations! You have won",
     """Dear customer,

You have been selected to receive a $1,000 gift card.
Claim your prize before December 31 by clicking the link below.

http://prize-center.example.biz/claim
""", L("other"), "English spam with a deadline date", fam="utf8", cte="7bit", cl="mta")

_c = confirmed("王 麗", "AK-2612-0138", day(12, 25), "15:00")
mail(at(12, 17, 16, 0, 59), ("王 麗", "wangli.akita@example.jp"), RE(_c),
     """ご連絡ありがとうございます。
当日はよろしくお願いいたします。
王 麗
""", L("other", "王 麗"), "thanks for the confirmation", fam="utf8", cte="base64", cl="gmail",
     quote=("gmail_ja", at(12, 17, 10, 30, 0), _c))


# ================================================================== assembly ====================

MX = "mx01.akita-hw.example.jp"


def office_mid(sent: dt.datetime, seed: str) -> str:
    return f"<mb.{sent:%Y%m%d%H%M%S}.{hashlib.sha256(seed.encode()).hexdigest()[:12]}@akita-hw.example.jp>"


def html_page(body: str, fam: str, qhead: str = "", qtext: str = "") -> str:
    """A hand-made HTML mail: "label：value" lines become table rows, the rest paragraphs."""
    label = CS[fam][0]
    out, rows = [], []
    for line in body.rstrip("\n").split("\n"):
        m = re.match(r"^([^：]{1,6})：(.+)$", line)
        if m:
            rows.append(f"<tr><td>{html.escape(m[1])}</td><td>{html.escape(m[2])}</td></tr>")
            continue
        if rows:
            out.append(f"<table>{''.join(rows)}</table>")
            rows = []
        out.append(f"<p>{html.escape(line) if line else '&nbsp;'}</p>")
    if rows:
        out.append(f"<table>{''.join(rows)}</table>")
    inner = "\n".join(out)
    if qtext:
        inner += ("\n<blockquote type=\"cite\">" + html.escape(qhead).replace("\n", "<br>") + "<br>"
                  + "<br>\n".join(html.escape(x) for x in qtext.split("\n")) + "</blockquote>")
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"></head>'
            f"<body>\n{inner}\n</body></html>\n")


def visible(page: str) -> str:
    t = re.sub(r"<(br|/p|/tr|/td|/blockquote)[^>]*>", "\n", page)
    return html.unescape(re.sub(r"<[^>]+>", "", t)).replace("\xa0", " ")


def whole_text(m: dict) -> tuple[str, str, str]:
    """(text part, quote header, quoted office text)."""
    if not m["quote"] or m["quote"][0] == "none":
        return m["body"], "", ""
    style, sent, o = m["quote"]
    head, q = quoted(style, sent, o, m["frm"][1])
    block = head.rstrip("\n") + "\n" + q
    return (block + "\n\n" + m["body"] if m["below"] else m["body"] + "\n" + block + "\n"), head, o["text"]


def bounce(m: dict, boundary: str) -> tuple[str, bytes]:
    _, sent, o = m["quote"]
    rcpt = o["to"]
    head = (f"From: =?ISO-2022-JP?B?{base64.b64encode(jis_encode(OFFICE_NAME)).decode()}?= <{OFFICE}>\n"
            f"To: {rcpt}\nSubject: {words(o['subject'], 'jis')}\nDate: {rfc(sent)}\n"
            f"Message-ID: {office_mid(sent, rcpt)}\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=\"ISO-2022-JP\"\nContent-Transfer-Encoding: 7bit\n")
    note = (f"This is the mail system at host {MX}.\n\nI'm sorry to have to inform you that your message could not\n"
            "be delivered to one or more recipients. It's attached below.\n\n                   The mail system\n\n"
            f"<{rcpt}>: host mx.example.jp[198.51.100.20] said: 550 5.1.1 <{rcpt}>:\n"
            "    Recipient address rejected: User unknown (in reply to RCPT TO command)\n")
    status = (f"Reporting-MTA: dns; {MX}\nArrival-Date: {rfc(sent)}\n\nFinal-Recipient: rfc822; {rcpt}\n"
              "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n")
    payload = (crlf(f"This is a MIME-encapsulated message.\n\n--{boundary}\nContent-Description: Notification\n"
                    f"Content-Type: text/plain; charset=us-ascii\n\n{note}\n--{boundary}\n"
                    f"Content-Description: Delivery report\nContent-Type: message/delivery-status\n\n{status}\n"
                    f"--{boundary}\nContent-Description: Undelivered Message\nContent-Type: message/rfc822\n\n"
                    f"{head}\n").encode("ascii")
               + jis_encode(crlf(o["text"] + "\n")) + crlf(f"\n--{boundary}--\n").encode("ascii"))
    return (f'multipart/report; report-type=delivery-status;\r\n\tboundary="{boundary}"', payload)


def build(i: int, m: dict) -> tuple[bytes, list[tuple[str, str]]]:
    display, address = m["frm"]
    fam, cte = m["fam"], m["cte"]
    domain = address.split("@", 1)[1]
    seed = f"holdout7/{i}/{address}"
    h = hashlib.sha256(seed.encode()).hexdigest()
    extra, mid = client(m["cl"], seed, domain)
    when = m["when"]
    ip = f"203.0.113.{int(h[:2], 16) % 200 + 20}"
    if m["struct"] == "bounce":
        received = f"Received: by {MX} (Postfix)\r\n\tid 4f{h[2:12].upper()}; {rfc(when)}"
    else:
        received = (f"Received: from smtp.{domain} (smtp.{domain} [{ip}])\r\n\tby {MX} (Postfix) with ESMTPS id "
                    f"4f{h[2:12].upper()}\r\n\tfor <{OFFICE}>; {rfc(when + dt.timedelta(seconds=2))}")
    hdr = [f"Return-Path: <{'' if m['struct'] == 'bounce' else address}>", received,
           f"Date: {rfc(when)}", f"From: {addr(display, address, fam)}",
           f"To: {addr(OFFICE_NAME, OFFICE, fam) if i % 2 else OFFICE}",
           f"Subject: {words(m['subject'], fam)}", f"Message-ID: {mid}"]
    if m["quote"] and m["quote"][0] != "none":
        ref = office_mid(m["quote"][1], m["quote"][2]["subject"] + address)
        hdr += [f"In-Reply-To: {ref}", f"References: {ref}"]
    hdr += extra + m["extra"] + ["MIME-Version: 1.0"]
    label = CS[fam][0]
    text, qhead, qtext = whole_text(m)
    parts: list[tuple[str, str]] = []

    def leaf(ctype: str, content: str) -> bytes:
        parts.append((fam, content))
        return (f"Content-Type: {ctype}; charset=\"{label}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
                .encode() + encode_body(content, fam, cte))

    if m["struct"] == "plain":
        hdr += [f"Content-Type: text/plain; charset=\"{label}\"", f"Content-Transfer-Encoding: {cte}"]
        payload = encode_body(text, fam, cte)
        parts.append((fam, text))
    elif m["struct"] == "html":
        page = html_page(m["body"], fam, qhead, qtext)
        hdr += [f"Content-Type: text/html; charset=\"{label}\"", f"Content-Transfer-Encoding: {cte}"]
        payload = encode_body(page, fam, cte)
        parts.append((fam, page))
    elif m["struct"] in ("alt", "mixed"):
        b = f"=_{h[20:44]}"
        first = leaf("text/plain", text)
        if m["struct"] == "alt":
            second = leaf("text/html", html_page(m["body"], fam, qhead, qtext))
            hdr.append(f'Content-Type: multipart/alternative; boundary="{b}"')
        else:
            fname, ctype, data = m["attach"]
            b64 = base64.b64encode(data).decode()
            second = (f"Content-Type: {ctype}; name=\"{words(fname, 'utf8', 8)}\"\r\n"
                      f"Content-Disposition: attachment; filename=\"{words(fname, 'utf8', 8)}\"\r\n"
                      f"Content-Transfer-Encoding: base64\r\n\r\n{b64}\r\n").encode()
            hdr.append(f'Content-Type: multipart/mixed; boundary="{b}"')
        payload = (f"--{b}\r\n".encode() + first + f"\r\n--{b}\r\n".encode() + second
                   + f"\r\n--{b}--\r\n".encode())
    elif m["struct"] == "bounce":
        ctype, payload = bounce(m, f"4F{h[:10].upper()}.{int(when.timestamp())}/{MX}")
        hdr.append(f"Content-Type: {ctype}")
    else:
        raise ValueError(m["struct"])
    return ("\r\n".join(hdr) + "\r\n\r\n").encode("ascii") + payload, parts


# ================================================================== self-checks =================

def nfkc(text: str) -> str:
    text = re.sub("[①-⑳]", lambda c: f" {ord(c[0]) - 0x245F} ", text)
    return unicodedata.normalize("NFKC", text)


def arabic(text: str) -> str:
    """十二月二十二日 -> 12月22日 and 午後二時 -> 午後2時, for the checks only."""
    def num(k: str) -> int:
        if "十" in k:
            t, _, o = k.partition("十")
            return (_KD.index(t) if t else 1) * 10 + (_KD.index(o) if o else 0)
        return _KD.index(k)
    return re.sub(r"([一二三四五六七八九十]+)(?=[月日時])", lambda x: str(num(x[1])), text)


def year_of(month: int, sent: dt.date) -> int:
    return sent.year + 1 if month < sent.month - 2 else sent.year


def check_weekdays(text: str, sent: dt.date, where: str) -> None:
    t = arabic(nfkc(text))
    for mo, d1, d2, y1, y2 in re.findall(r"(\d{1,2})(?:月(\d{1,2})日|/(\d{1,2}))\s*(?:\(([月火水木金土日])\)|"
                                         r"([月火水木金土日])曜)", t):
        mo, dd = int(mo), int(d1 or d2)
        assert YOUBI[dt.date(year_of(mo, sent), mo, dd).weekday()] == (y1 or y2), (where, mo, dd)
    for name, mon, dd in re.findall(r"(" + "|".join(EN_DAYS) + r"), (" + "|".join(EN_MONTHS) + r") (\d{1,2})", t):
        mo = EN_MONTHS.index(mon) + 1
        assert EN_DAYS[dt.date(year_of(mo, sent), mo, int(dd)).weekday()] == name, (where, mon, dd)
    for y, mo, dd, w in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*\(([月火水木金土日])\)", t):
        assert YOUBI[dt.date(int(y), int(mo), int(dd)).weekday()] == w, (where, y, mo, dd)


def relative(spec: tuple, sent: dt.date) -> dt.date:
    """Walk the calendar forward from the mail's JST date: no shared helper with the labels."""
    kind, *args = spec
    ahead = [sent + dt.timedelta(days=k) for k in range(1, 70)]
    week = lambda d: d.isocalendar()[:2]  # noqa: E731 - ISO weeks start on Monday
    nxt = lambda w, n: (dt.date.fromisocalendar(w[0], w[1], 1) + dt.timedelta(weeks=n)).isocalendar()[:2]  # noqa: E731
    if kind == "明日":
        hits = ahead[:1]
    elif kind == "明後日":
        hits = ahead[1:2]
    elif kind in ("来週", "週明け", "再来週"):
        n = 2 if kind == "再来週" else 1
        hits = [d for d in ahead if week(d) == nxt(week(sent), n) and d.weekday() == args[0]]
    elif kind == "同じ週":
        anchor, w = args
        hits = [d for d in ahead if week(d) == week(anchor) and d.weekday() == w]
    elif kind == "翌週":
        (anchor,) = args
        hits = [d for d in ahead if week(d) == nxt(week(anchor), 1) and d.weekday() == anchor.weekday()]
    elif kind == "月末":
        hits = [max(d for d in ahead if d.month == sent.month and d.weekday() == args[0])]
    else:
        raise ValueError(kind)
    assert len(hits) == 1, (spec, hits)
    return hits[0]


def hour_written(hhmm: str, text: str) -> bool:
    h, mi = map(int, hhmm.split(":"))
    forms = [f"{h}:{mi:02d}", f"{h:02d}:{mi:02d}"]
    for x in {h, h - 12} - {0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12}:
        forms += [f"{x}時{mi}分" if mi else f"{x}時", f"{x}:{mi:02d}"] + ([f"{x}時半"] if mi == 30 else [])
        forms += [f"{x}{s}" for s in ("am", "pm", " am", " pm", " p.m.", " a.m.")] if not mi else []
        forms += [f"{x}:{mi:02d} pm", f"{x}:{mi:02d}pm"]
    return any(f in text for f in forms) or "同じ時間" in text


def date_written(d: dt.date, text: str) -> bool:
    m, dd = d.month, d.day
    return bool(re.search(rf"(?<!\d){m}月{dd}日|(?<![\d/]){m}/{dd}(?!\d)|{EN_MONTHS[m - 1]} {dd}(?!\d)"
                          rf"|{EN_MONTHS[m - 1][:3]} {dd}(?!\d)|(?<!\d){dd}(st|nd|rd|th) {EN_MONTHS[m - 1]}", text))


ATT_WORDS = {"interpreter": ("通訳", "つうやく", "interpreter"), "caregiver": ("介助", "ヘルパー", "介護"),
             "other": ("同席", "付き添", "一緒")}


def check(m: dict) -> None:
    lab, sent = m["labels"], m["when"].date()
    body = arabic(nfkc(m["body"]))
    assert set(lab) == {"intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant"}
    assert lab["intent"] in ("book", "confirm", "cancel", "reschedule", "question", "automated", "other")
    assert lab["attendant"] in (None, "interpreter", "caregiver", "other")
    assert not re.search(r"^\s*[>＞]", m["body"], re.M), "a quote marker in the fresh text"
    if lab["name"] is not None:
        assert lab["name"] == lab["name"].strip() and "\u3000" not in lab["name"] and "  " not in lab["name"]
        assert lab["name"] in body, lab["name"]
    if lab["intent"] == "automated":
        assert (lab["name"], lab["phone"], lab["seeker_number"], lab["requested"]) == (None, None, None, [])
    if lab["seeker_number"] is not None:
        assert re.fullmatch(r"\d{5}-\d{8}", lab["seeker_number"])
        assert lab["seeker_number"].replace("-", "") in re.sub(r"\D", "", body)
    if lab["phone"] is not None:
        assert re.fullmatch(r"0\d{9,10}|0\d{1,4}-\d{1,4}-\d{4}", lab["phone"]), lab["phone"]
        assert lab["phone"] in re.sub(r"\+81[ -]?", "0", body), lab["phone"]
        assert lab["phone"] != "018-862-0000"
    assert lab["email"] == lab["email"].lower() and lab["email"] != OFFICE
    assert lab["email"] in body.lower() or lab["email"] == m["frm"][1].lower()
    offered = m["quote"][2]["slots"] if m["quote"] and m["quote"][0] != "none" else []
    if lab["choice"] is not None:
        assert lab["intent"] == "confirm" and 1 <= lab["choice"] <= len(offered)
        c = lab["choice"]
        words_for = {1: ("一番", "いちばん", "first", "最初"), 2: ("二番",), 3: ("三番",)}[c]
        assert re.search(rf"(?<![\d:/]){c}(?![\d:/月日])", body) or any(w in body for w in words_for), "choice"
    if lab["intent"] in ("cancel", "question", "automated", "other"):
        assert lab["requested"] == [] and lab["choice"] is None
    if lab["attendant"] is not None:
        assert any(w in body for w in ATT_WORDS[lab["attendant"]]), lab["attendant"]
    rel = m["rel"] or [None] * len(lab["requested"])
    assert len(rel) == len(lab["requested"])
    for r, spec in zip(lab["requested"], rel):
        d = dt.date.fromisoformat(r["date"])
        assert sent <= d <= sent + dt.timedelta(days=45), r
        for k in ("start", "end"):
            assert r[k] is None or re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", r[k]), r
        if r["end"]:
            assert r["start"] and r["start"] < r["end"], r
        if (r["start"], r["end"]) == AM:
            assert "午前" in body or "morning" in body, r
        elif (r["start"], r["end"]) == PM:
            assert "午後" in body or "afternoon" in body, r
        elif r["start"]:
            assert hour_written(r["start"], body), r
            if lab["intent"] == "confirm" and r["end"]:
                assert (d, r["start"]) in offered and r["end"] == slot_end(r["start"]), ("not offered", r)
            elif r["end"]:
                assert hour_written(r["end"], body), r
        if spec is None:
            assert date_written(d, body) or (f"{d.day}日" in body and d.month == sent.month), (r, "date")
        else:
            assert spec[0] in m["body"], spec
            assert relative(spec, sent) == d, (spec, relative(spec, sent), d)
    check_weekdays(m["body"], sent, "body")
    if m["quote"]:
        assert m["quote"][1] < m["when"], "the quoted mail is older"
        check_weekdays(m["quote"][2]["text"], m["quote"][1].date(), "quote")


def check_roundtrip(raw: bytes, m: dict, parts: list[tuple[str, str]]) -> None:
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
    if m["cte"] == "7bit" and m["struct"] in ("plain", "html"):
        assert max(raw) < 0x80, "7bit with 8-bit bytes"
    msg = message_from_bytes(raw)
    assert not msg.defects, msg.defects
    texts = [p.get_payload(decode=True) for p in msg.walk()
             if p.get_content_maintype() == "text" and p.get_content_type() == f"text/{p.get_content_subtype()}"
             and not p.get("Content-Description")]
    for (fam, text), data in zip(parts, texts):
        assert CS[fam][2](data) == crlf(text), "a part does not decode back"
    for name, want in (("Subject", m["subject"]), ("From", m["frm"][0])):
        got = "".join(CS[{"iso-2022-jp": "jis", "shift_jis": "sjis", "utf-8": "utf8"}[cs]][2](b) if cs else
                      (b.decode() if isinstance(b, bytes) else b) for b, cs in decode_header(msg[name]))
        assert want in got, (name, want, got)
    if m["struct"] in ("html", "alt"):
        page = [t for _, t in parts if t.startswith("<html")][0]
        seen = re.sub(r"\s", "", nfkc(visible(page)))
        for line in m["body"].split("\n"):
            assert re.sub(r"[\s：:]", "", nfkc(line)) in re.sub(r"[:]", "", seen), ("html lost", line)


def main(out: Path = OUT) -> dict:
    """Write the set into out; returns the labels."""
    out = Path(out)
    M.sort(key=lambda x: x["when"])
    whens = [x["when"] for x in M]
    assert len(set(whens)) == len(whens), "two mails in the same second"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("n[0-9][0-9][0-9].eml"):
        old.unlink()
    labels, meta, mids = {}, {}, set()
    for i, m in enumerate(M, 1):
        check(m)
        raw, parts = build(i, m)
        check_roundtrip(raw, m, parts)
        mid = re.search(rb"^Message-ID: (\S+)", raw, re.M)[1]
        assert mid not in mids, mid
        mids.add(mid)
        name = f"n{i:03d}.eml"
        (out / name).write_bytes(raw)
        labels[name] = m["labels"]
        meta[name] = {"charset": CS[m["fam"]][0] if m["struct"] != "bounce" else "report",
                      "transfer_encoding": m["cte"], "structure": m["struct"], "client": m["cl"],
                      "quote": m["quote"][0] if m["quote"] else None, "note": m["note"]}
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "known_misses.json").write_text("{}\n", encoding="utf-8")
    mix: dict[str, int] = {}
    for lab in labels.values():
        mix[lab["intent"]] = mix.get(lab["intent"], 0) + 1
    kinds = sum(x["note"].startswith("KIND") for x in M)
    print(f"{len(labels)} messages written to {out}; intents {dict(sorted(mix.items()))}; KIND notes {kinds}")
    return labels


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
