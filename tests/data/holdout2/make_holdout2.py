"""Second held-out set: 73 labelled mails that test whether the parser GENERALISES.

Written independently of the parser's rules (its code was not read) and of the first holdout.
The mails imitate what seekers in Akita actually send: long polite letters (拝啓…敬具, kanji
numerals), casual phone mail without punctuation, dialect, typos, names only at the end,
support agencies writing for a seeker, interpreters/caregivers, carrier bounces, newsletters,
spam — in ISO-2022-JP (incl. CP50220 ①), Shift_JIS/cp932 8bit and base64, UTF-8 8bit/base64/QP,
HTML-only and multipart/alternative.

Labels follow ../../../../shared/examples/README.md exactly.  Constructs whose label that README
does not settle (朝一, 夕方, 13時以降, 〜くらい, two phones with no stated preference, phones or
names inside auto-replies, forwarded blocks) were deliberately left out.  Every weekday written
next to a date is checked against the calendar when this script runs (one deliberate mismatch).

Run:  python tests/data/holdout2/make_holdout2.py   (deterministic; rewrites k*.eml, labels.json,
meta.json next to this file, CRLF line ends).
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
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OFFICE = "online-soudan@akita-hw.example.jp"
OFFICE_FROM = f"ハローワーク秋田 <{OFFICE}>"
JST = dt.timezone(dt.timedelta(hours=9))
WD = "月火水木金土日"
WD_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MON_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---------------------------------------------------------------- encoders -------------------
def _sjis_to_jis(c1: int, c2: int) -> bytes:
    if c1 >= 0xE0:
        c1 -= 0x40
    c1 = (c1 - 0x81) * 2 + 0x21
    if c2 >= 0x9F:
        c1 += 1
        c2 -= 0x7E
    else:
        if c2 >= 0x80:
            c2 -= 1
        c2 -= 0x1F
    return bytes((c1, c2))


def jis_encode(text: str) -> bytes:
    """ISO-2022-JP as Outlook (CP50220) sends it: NEC row 13 (①, ㈱) inside ESC $ B."""
    out = bytearray()
    mode = "ascii"
    for ch in text:
        if ord(ch) < 0x80:
            if mode != "ascii":
                out += b"\x1b(B"
                mode = "ascii"
            out += ch.encode("ascii")
            continue
        try:
            b = ch.encode("iso2022_jp")
            assert b.startswith(b"\x1b$B") and len(b) == 8, ch
            pair, kind = b[3:5], "jis"
        except UnicodeEncodeError:
            s = ch.encode("cp932")
            if len(s) == 1:
                pair, kind = bytes((s[0] - 0x80,)), "kana"
            else:
                assert s[0] < 0xED, f"not representable in CP50220 here: {ch!r}"
                pair, kind = _sjis_to_jis(s[0], s[1]), "jis"
        if mode != kind:
            out += b"\x1b$B" if kind == "jis" else b"\x1b(I"
            mode = kind
        out += pair
    if mode != "ascii":
        out += b"\x1b(B"
    return bytes(out)


def encode_text(text: str, charset: str) -> bytes:
    if charset == "ISO-2022-JP":
        return jis_encode(text)
    if charset in ("Shift_JIS", "Windows-31J"):
        return text.encode("cp932")
    return text.encode("utf-8")


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def transfer(data: bytes, cte: str) -> bytes:
    """Body bytes (LF line ends inside `data`) -> CRLF wire form for the transfer encoding."""
    if cte == "base64":
        return base64.encodebytes(data).replace(b"\n", b"\r\n")
    if cte == "quoted-printable":
        return quopri.encodestring(data).replace(b"\n", b"\r\n")
    return data.replace(b"\n", b"\r\n")


def encoded_words(text: str, charset: str) -> str:
    """RFC 2047 B-encoded words of at most 75 characters, folded onto continuation lines."""
    if text.isascii():
        return text
    words, chunk = [], ""
    for ch in text:
        cand = chunk + ch
        ew = f"=?{charset}?B?{base64.b64encode(encode_text(cand, charset)).decode()}?="
        if len(ew) > 75 and chunk:
            words.append(f"=?{charset}?B?{base64.b64encode(encode_text(chunk, charset)).decode()}?=")
            chunk = ch
        else:
            chunk = cand
    if chunk:
        words.append(f"=?{charset}?B?{base64.b64encode(encode_text(chunk, charset)).decode()}?=")
    return "\r\n ".join(words)


def addr(display: str, address: str, charset: str) -> str:
    if not display:
        return address
    if display.isascii():
        return f"{display} <{address}>"
    return f"{encoded_words(display, charset)} <{address}>"


# ---------------------------------------------------------------- office mail being quoted ---
SIG = """━━━━━━━━━━━━━━━━━━━━━━━━
ハローワーク秋田（秋田公共職業安定所）
職業相談部門　オンライン職業相談担当
TEL：018-860-0000（平日 8:30〜17:15）
E-mail：online-soudan@akita-hw.example.jp
━━━━━━━━━━━━━━━━━━━━━━━━"""


def slot(d: str, hhmm: str) -> str:
    day = dt.date.fromisoformat(d)
    h, m = map(int, hhmm.split(":"))
    end = (dt.datetime(2000, 1, 1, h, m) + dt.timedelta(minutes=50)).strftime("%H:%M")
    return f"{day.year}年{day.month}月{day.day}日({WD[day.weekday()]}) {hhmm}〜{end}"


def offer(name: str, slots: list[tuple[str, str]]) -> str:
    lines = "\n".join(f"{i}. {slot(d, t)}" for i, (d, t) in enumerate(slots, 1))
    return f"""{name} 様

ハローワーク秋田 オンライン職業相談担当です。
このたびはオンライン職業相談をお申し込みいただき、ありがとうございます。

ご希望をもとに、次の日時でご予約をお取りできます。

{lines}

ご希望の番号を、このメールへの返信でお知らせください。
添付の「オンライン職業相談 利用規約」をご確認ください。
ご返信いただいた時点で利用規約に同意されたものとし、予約を確定いたします。

※相談時間は1回50分です（平日 9:00〜17:00）。
※キャンセル・日時の変更も、このメールへの返信でご連絡ください。

{SIG}"""


def confirmation(name: str, d: str, t: str) -> str:
    return f"""{name} 様

ハローワーク秋田 オンライン職業相談担当です。
ご返信ありがとうございました。以下の日時でご予約が確定しました。

　日時：{slot(d, t)}
　方法：Tele Office（ビデオ通話）
　※接続用URLは前日の17時までにお送りします。

キャンセル・日時の変更は、このメールへの返信でお知らせください。

{SIG}"""


SUBJ_OFFER = "【ハローワーク秋田】オンライン職業相談のご予約について"
SUBJ_CONF = "【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ"


def gt(lines: str) -> str:
    return "\n".join("> " + l if l else ">" for l in lines.split("\n"))


def quote(style: str, when: str, text: str, to: str = "", subject: str = SUBJ_OFFER) -> str:
    """Reply header of a mail client + the quoted office mail. `when` = 'YYYY-MM-DD HH:MM'."""
    t = dt.datetime.strptime(when, "%Y-%m-%d %H:%M")
    wd = WD[t.weekday()]
    if style == "gmail":
        return f"{t.year}年{t.month}月{t.day}日({wd}) {t:%H:%M} ハローワーク秋田 <{OFFICE}>:\n\n{gt(text)}"
    if style == "becky":
        return (f"On {WD_EN[t.weekday()]}, {t.day:02d} {MON_EN[t.month - 1]} {t.year} {t:%H:%M}:12 +0900\n"
                f"ハローワーク秋田 <{OFFICE}> wrote:\n{gt(text)}")
    if style == "thunderbird":
        return f"{t:%Y/%m/%d %H:%M} に ハローワーク秋田 さんは書きました:\n{gt(text)}"
    if style == "iphone":
        return f"{t.year}/{t.month:02d}/{t.day:02d} {t:%H:%M}、ハローワーク秋田 <{OFFICE}>のメール:\n\n{gt(text)}"
    if style == "outlook":
        h12 = t.hour % 12 or 12
        ampm = "AM" if t.hour < 12 else "PM"
        full = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[t.weekday()]
        month = ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")[t.month - 1]
        return (f"-----Original Message-----\nFrom: ハローワーク秋田 <{OFFICE}>\n"
                f"Sent: {full}, {month} {t.day}, {t.year} {h12}:{t:%M} {ampm}\nTo: {to}\n"
                f"Subject: {subject}\n\n{text}")
    if style == "newoutlook":
        return (f"________________________________\n差出人: ハローワーク秋田 <{OFFICE}>\n"
                f"送信日時: {t.year}年{t.month}月{t.day}日 {t:%H:%M}\n宛先: {to} <{to}>\n"
                f"件名: {subject}\n\n{text}")
    if style == "yahoo":
        return (f"----- Original Message -----\nFrom: ハローワーク秋田 <{OFFICE}>\nTo: {to}\n"
                f"Date: {t.year}/{t.month}/{t.day} {t:%H:%M}\nSubject: {subject}\n\n{gt(text)}")
    if style == "carrier":  # docomo/au mail: bare '>' lines, no reply header
        return gt(text)
    raise ValueError(style)


# ---------------------------------------------------------------- message model --------------
CLIENTS = {
    "thunderbird": ["User-Agent: Mozilla Thunderbird", "Content-Language: ja"],
    "outlook": ["X-Mailer: Microsoft Outlook 16.0", "Content-Language: ja"],
    "becky": ["X-Mailer: Becky! ver. 2.81.05 [ja]"],
    "gmail": [],
    "iphone": ["X-Mailer: iPhone Mail (22B91)"],
    "android": ["User-Agent: Android"],
    "docomo": ["X-Mailer: docomo mail 4.2"],
    "au": ["X-Mailer: au Mail 2.0"],
    "yahoo": ["X-Mailer: YahooMailWebService/0.8.123"],
    "wlmail": ["X-Mailer: Microsoft Windows Live Mail 16.4.3528.331"],
    "oe": ["X-Mailer: Microsoft Outlook Express 6.00.2900.5512"],
    "activemail": ["X-Mailer: Active! mail"],
    "bulk": [],
    "mta": [],
    "none": [],
}


@dataclass
class Mail:
    date: str                       # 'YYYY-MM-DD HH:MM:SS' JST
    sender: tuple[str, str]         # (display name or '', address)
    subject: str
    body: str                       # plain text, LF line ends; quoted part included
    label: dict
    charset: str = "UTF-8"          # ISO-2022-JP | Shift_JIS | UTF-8
    cte: str = "base64"             # 7bit | 8bit | base64 | quoted-printable
    client: str = "gmail"
    structure: str = "plain"        # plain | html | alternative
    html: str | None = None         # explicit HTML (else derived from body)
    html_style: str = "gmail"       # gmail | yahoo | outlook
    reply: bool = False
    headers: list[str] = field(default_factory=list)
    to_display: bool = False
    note: str = ""
    weekday_mismatch_ok: bool = False


def L(intent: str, name=None, seeker=None, email=None, phone=None, req=(), choice=None, att=None) -> dict:
    return {"intent": intent, "name": name, "seeker_number": seeker, "email": email, "phone": phone,
            "requested": [dict(r) for r in req], "choice": choice, "attendant": att}


def R(date: str, start: str | None = None, end: str | None = None) -> dict:
    return {"date": date, "start": start, "end": end}


def html_of(body: str, style: str) -> str:
    lines = body.split("\n")
    if style == "gmail":
        inner = "".join(f"<div>{html.escape(l)}</div>" if l else "<div><br></div>" for l in lines)
        return f'<div dir="ltr">{inner}</div>'
    if style == "yahoo":
        inner = "<br>".join(html.escape(l) for l in lines)
        return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>'
                f"<body><div style=\"font-family:'メイリオ',sans-serif;font-size:14px\">{inner}</div></body></html>")
    if style == "outlook":
        inner = "".join(f'<p class="MsoNormal">{html.escape(l) or "&nbsp;"}<o:p></o:p></p>' for l in lines)
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
                '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
                f'<body lang="JA" style="word-wrap:break-word"><div class="WordSection1">{inner}</div></body></html>')
    raise ValueError(style)


def h(key: str, n: int = 8) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:n]


def part(content_type: str, charset: str, cte: str, text: str) -> bytes:
    head = f"Content-Type: {content_type}; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    return head.encode("ascii") + transfer(encode_text(text, charset), cte)


def render(key: str, m: Mail) -> bytes:
    when = dt.datetime.strptime(m.date, "%Y-%m-%d %H:%M:%S").replace(tzinfo=JST)
    date_h = f"{WD_EN[when.weekday()]}, {when.day:02d} {MON_EN[when.month - 1]} {when.year} {when:%H:%M:%S} +0900"
    recv = when + dt.timedelta(seconds=int(h(key, 2), 16) % 40 + 1)
    recv_h = f"{WD_EN[recv.weekday()]}, {recv.day:02d} {MON_EN[recv.month - 1]} {recv.year} {recv:%H:%M:%S} +0900"
    display, address = m.sender
    domain = address.split("@", 1)[1].lower()
    hdr_cs = "ISO-2022-JP" if m.charset in ("ISO-2022-JP", "Shift_JIS", "Windows-31J") else "UTF-8"
    if m.client == "gmail":
        msgid = f"<CA+{h(key + 'g', 24).upper()}{h(key, 10)}@mail.gmail.example.com>"
    elif m.client == "outlook":
        msgid = f"<00{h(key, 10)}${h(key + 'a')}${h(key + 'b')}@{domain}>"
    elif m.client == "iphone":
        u = h(key, 32).upper()
        msgid = f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
    else:
        msgid = f"<{h(key, 16)}.{h(key + 'm')}@{domain}>"
    lines: list[str] = []
    if m.client != "mta":
        lines.append(f"Return-Path: <{address}>")
        lines.append(f"Received: from mail-out.{domain} (mail-out.{domain} [203.0.113.{int(h(key, 2), 16) % 200 + 20}])"
                     f"\r\n\tby mx01.akita-hw.example.jp (Postfix) with ESMTPS id {h(key, 11).upper()}"
                     f"\r\n\tfor <{OFFICE}>; {recv_h}")
    else:
        lines.append("Return-Path: <>")
        lines.append(f"Received: from {domain} ({domain} [198.51.100.{int(h(key, 2), 16) % 200 + 20}])"
                     f"\r\n\tby mx01.akita-hw.example.jp (Postfix) with ESMTP id {h(key, 11).upper()}"
                     f"\r\n\tfor <{OFFICE}>; {recv_h}")
    lines.append(f"From: {addr(display, address, hdr_cs)}")
    to = f"{encoded_words('ハローワーク秋田', hdr_cs)} <{OFFICE}>" if m.to_display else OFFICE
    lines.append(f"To: {to}")
    lines.append(f"Subject: {encoded_words(m.subject, hdr_cs)}")
    lines.append(f"Date: {date_h}")
    lines.append(f"Message-ID: {msgid}")
    if m.reply:
        ref = f"<{h(key + 'offer', 16)}.offer@akita-hw.example.jp>"
        lines += [f"In-Reply-To: {ref}", f"References: {ref}"]
    lines += CLIENTS[m.client]
    lines += m.headers
    lines.append("MIME-Version: 1.0")
    if m.structure == "plain":
        lines.append(f'Content-Type: text/plain; charset="{m.charset}"')
        lines.append(f"Content-Transfer-Encoding: {m.cte}")
        head = "\r\n".join(lines) + "\r\n\r\n"
        return head.encode("ascii") + transfer(encode_text(m.body, m.charset), m.cte)
    markup = m.html if m.html is not None else html_of(m.body, m.html_style)
    if m.structure == "html":
        lines.append(f'Content-Type: text/html; charset="{m.charset}"')
        lines.append(f"Content-Transfer-Encoding: {m.cte}")
        head = "\r\n".join(lines) + "\r\n\r\n"
        return head.encode("ascii") + transfer(encode_text(markup, m.charset), m.cte)
    boundary = f"0000000000{h(key, 16)}" if m.client == "gmail" else f"----=_NextPart_{h(key, 12)}"
    lines.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
    head = "\r\n".join(lines) + "\r\n\r\n"
    b = boundary.encode("ascii")
    return (head.encode("ascii") + b"--" + b + b"\r\n"
            + part("text/plain", m.charset, m.cte, m.body) + b"\r\n--" + b + b"\r\n"
            + part("text/html", m.charset, m.cte, markup) + b"\r\n--" + b + b"--\r\n")


# ---------------------------------------------------------------- the mails -------------------
MAILS: list[Mail] = []


def add(m: Mail) -> None:
    MAILS.append(m)


# elderly man, formal letter, kanji numerals, two phones (携帯 preferred), letter date at the end
add(Mail("2026-11-16 08:05:12", ("加藤 昭二", "shoji.kato@example.ne.jp"), "職業相談の予約のお願い", """ハローワーク秋田
オンライン職業相談ご担当者様

拝啓　向寒の候、皆様にはますますご清祥のこととお慶び申し上げます。
日頃より大変お世話になっております。

私、秋田市土崎港に住んでおります加藤 昭二（かとう しょうじ）と申します。
三十八年勤めました会社を今年の九月末で退職いたしましたが、
まだ体が動くうちはもうしばらく働きたいと考え、こちらの相談のことを知りました。
年寄りの身で恐縮ではございますが、一度ご相談に乗っていただけますと幸いです。

つきましては、次の日時で予約をお願いできますでしょうか。
　第一希望　十一月二十六日（木）午前十時
　第二希望　十二月一日（火）午後

求職番号は 05010-48812736 でございます。

連絡先は、自宅 018-845-2231 と携帯 090-6612-0043 がございますが、
日中は畑に出ていることが多いため、携帯の方にご連絡いただければ幸いです。

寒さ厳しき折、皆様どうぞご自愛くださいませ。
敬具

令和八年十一月十六日
加藤 昭二
""", L("book", "加藤 昭二", "05010-48812736", "shoji.kato@example.ne.jp", "090-6612-0043",
       [R("2026-11-26", "10:00"), R("2026-12-01", "13:00", "17:00")]),
    charset="ISO-2022-JP", cte="7bit", client="outlook",
    note="拝啓/敬具 letter; kanji-numeral dates and times; name after a place phrase; 自宅 first but 携帯 preferred; letter date 十一月十六日 is not requested"))

# young, phone, no greeting, 笑, hiragana name at the end, spaced phone and number
add(Mail("2026-11-16 12:31:40", ("", "yuto.t.0808@gmail.example.com"), "予約", """オンライン相談の予約したいです！
明日の2時とかいけますか？笑
無理なら19日の午後でも大丈夫です！

求職番号05020 71145023
電話 080 4471 9902

たかはし ゆうと
""", L("book", "たかはし ゆうと", "05020-71145023", "yuto.t.0808@gmail.example.com", "080-4471-9902",
       [R("2026-11-17", "14:00"), R("2026-11-19", "13:00", "17:00")]),
    charset="UTF-8", cte="8bit", client="android",
    note="casual; 明日 relative to Mon 11/16; bare 2時 = 14:00; bare 19日; hiragana name only as sign-off; spaces as separators"))

# support agency writes for a seeker, labelled fields, staff joins, contact mail = agency
add(Mail("2026-11-17 19:40:05", ("あきた若者サポートステーション 佐藤", "sato@akita-saposute.example.or.jp"),
         "オンライン職業相談の申込み（サポステ経由）", """ハローワーク秋田
オンライン職業相談ご担当者様

いつもお世話になっております。
あきた若者サポートステーションの支援員、佐藤と申します。
当ステーションをご利用中の方について、オンライン職業相談の予約をお願いしたく、
ご本人の了解を得てご連絡いたしました。

【ご本人氏名】斉藤 美穂（さいとう みほ）
【求職番号】05010-66021458
【ご希望日時】11月27日（金）13:30〜14:20
【ご本人の連絡先（携帯）】070-2231-8845

ご本人が初めての利用で緊張されているため、当日は支援員（佐藤）が同席させていただければと存じます。
なお、メールでのご連絡は本メールアドレス（支援員宛て）にお願いいたします。

--------------------------------------------
あきた若者サポートステーション
支援員　佐藤 由香
TEL：018-853-7720　FAX：018-853-7721
--------------------------------------------
""", L("book", "斉藤 美穂", "05010-66021458", "sato@akita-saposute.example.or.jp", "070-2231-8845",
       [R("2026-11-27", "13:30", "14:20")], att="other"),
    charset="ISO-2022-JP", cte="7bit", client="outlook",
    note="support agency on behalf; seeker name in 【ご本人氏名】; supporter signs and joins -> other; agency phone only in signature"))

# question about Tele Office installation
add(Mail("2026-11-18 10:15:33", ("小玉 敏行", "t.kodama@example.jp"), "Tele Officeについて教えてください", """ハローワーク秋田 ご担当者様

はじめてメールいたします。小玉 敏行と申します。
オンライン職業相談に申し込もうと思っているのですが、その前に教えてください。

・Tele Office というのは、パソコンに何かソフトをインストールする必要があるのでしょうか。
・自宅のパソコンにはカメラが付いていないのですが、スマートフォンだけでも参加できますか。
・会社のパソコンはソフトのインストールが禁止されています。

わかり次第、予約の申込みをしたいと思います。
よろしくお願いいたします。

小玉
""", L("question", "小玉 敏行", email="t.kodama@example.jp"),
    charset="UTF-8", cte="quoted-printable", client="outlook",
    note="question about installing Tele Office before booking; bullet points are not choices"))

# spam about 副業 (no list headers)
add(Mail("2026-11-18 21:03:51", ("在宅ワーク事務局", "support@zaitaku-fukugyo.example.net"),
         "【ご案内】仕事が見つからない方へ　スマホで完結する在宅ワーク", """【ご案内】ハローワークに通っても仕事が見つからない方へ

こんにちは、在宅ワーク事務局です。

「求人に応募しても書類で落とされる…」
「正社員は無理でも、もう少し収入がほしい…」

そんな方のために、スマホで完結する副業をご紹介しています。
平均月収は35万円、作業は1日30分から！

◆12月1日（火）20時〜 無料オンライン説明会を開催◆
参加はLINE登録だけ → https://zaitaku-fukugyo.example.net/line?ref=akt

※先着50名様限定です。お早めにどうぞ！
""", L("other", email="support@zaitaku-fukugyo.example.net"),
    charset="UTF-8", cte="base64", client="none",
    note="副業 spam mentioning ハローワーク and a seminar date (not a request)"))

# carrier mail, Shift_JIS 8bit, typo 予訳, 来週の水曜日, 10時半, phone with parentheses, 「…より」
add(Mail("2026-11-19 07:50:18", ("", "kmt-1985@docomo.example.ne.jp"), "相談", """おはようございます
相談の予訳をしたいです
来週の水曜日、10時半からお願いできますか
求職番号 05030-22871460
電話は090（5521）7784です
鎌田より
""", L("book", "鎌田", "05030-22871460", "kmt-1985@docomo.example.ne.jp", "090-5521-7784",
       [R("2026-11-25", "10:30")]),
    charset="Shift_JIS", cte="8bit", client="docomo",
    note="typo 予訳; 来週の水曜日 relative to Thu 11/19; 090（5521）7784; name only as 「鎌田より」"))

# reply choosing 一番目
add(Mail("2026-11-19 14:22:09", ("柴田 亜希子", "akiko.shibata@gmail.example.com"), "Re: " + SUBJ_OFFER, """ハローワーク秋田 オンライン職業相談担当様

早速のご連絡ありがとうございます。
一番目の日時でお願いします。
利用規約も拝見しました。同意いたします。

柴田 亜希子

""" + quote("gmail", "2026-11-19 10:30", offer("柴田 亜希子", [("2026-11-24", "10:00"), ("2026-11-25", "14:00"), ("2026-11-26", "11:00")])),
    L("confirm", "柴田 亜希子", email="akiko.shibata@gmail.example.com", choice=1),
    charset="UTF-8", cte="base64", client="gmail", reply=True, to_display=True,
    note="choice written as 一番目 (cf. 二番目 in the README)"))

# company out-of-office, mixed-case From, no name in text
add(Mail("2026-11-20 09:12:44", ("長谷川 健二", "K.Hasegawa@Akita-Seiki.example.co.jp"), "自動応答: Re: " + SUBJ_OFFER, """いつもお世話になっております。

誠に申し訳ございませんが、出張のため
11月20日（金）〜11月24日（火）の間、メールを確認することができません。
11月25日（水）以降に順次ご返信いたします。

This is an automatic reply. I am out of the office until November 24.
""", L("automated", email="k.hasegawa@akita-seiki.example.co.jp"),
    charset="ISO-2022-JP", cte="7bit", client="outlook", reply=True,
    headers=["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"],
    note="out-of-office with dates; From address in mixed case -> lowercased"))

# Western name in katakana with middle dot, +81 phone, 12/7(月)の10時から, interpreter joins
add(Mail("2026-11-20 16:45:27", ("Michael Smith", "m.smith.akita@icloud.example.com"), "相談の予約をしたいです", """ハローワーク秋田のご担当者さま

はじめまして。マイケル・スミスと申します。
カナダ出身で、3年前から秋田市に住んでいます。
日本で仕事をさがしていて、相談をしたいです。

12/7(月)の10時から、お願いできますか？

日本語の会話は少しできますが、むずかしい言葉はわかりません。
当日は、国際交流協会の英語の通訳の方が一緒に参加してくれる予定です。

電話：+81-80-3345-1290
よろしくおねがいします。

Michael Smith

iPhoneから送信
""", L("book", "マイケル・スミス", email="m.smith.akita@icloud.example.com", phone="080-3345-1290",
       req=[R("2026-12-07", "10:00")], att="interpreter"),
    charset="UTF-8", cte="quoted-printable", client="iphone",
    note="katakana name with ・; +81-80 phone; 12/7(月)の10時から; English interpreter joins"))

# Akita dialect, 12月の第2水曜日の午後, son helps
add(Mail("2026-11-21 20:30:02", ("佐々木", "sasaki-mitsu@example.ne.jp"), "相談のおねがい", """ハローワーク秋田さま

おばんです。
五城目町の佐々木ミツと申します。
仕事探しの相談さ乗ってもらいてくて、メールしました。

12月の第2水曜日の午後だば、都合いいです。
んだども、パソコンだば慣れてねくて、当日は息子が横さついで手伝ってけることになってます。

電話は家の 018-852-3310 さお願いします。
よろしくお願いします。
""", L("book", "佐々木ミツ", email="sasaki-mitsu@example.ne.jp", phone="018-852-3310",
       req=[R("2026-12-09", "13:00", "17:00")], att="other"),
    charset="Shift_JIS", cte="base64", client="oe",
    note="Akita dialect (だば, んだども, けることに); 第2水曜日 of December = 12/9; son joins -> other"))

# docomo bounce, plain text, no DSN structure, original offer inlined without '>'
add(Mail("2026-11-22 22:10:37", ("Mail Delivery Subsystem", "MAILER-DAEMON@mfs.docomo.example.ne.jp"),
         "Returned mail: User unknown", """このメールは、送信専用のアドレスから自動で送信されています。

お客様が送信されたメールは、以下の宛先に配信できませんでした。
宛先のメールアドレスが存在しないか、受信を拒否する設定になっている可能性があります。

宛先不明： yuka-0312@docomo.example.ne.jp

―――― 送信されたメールの内容 ――――
件名：【ハローワーク秋田】オンライン職業相談のご予約について
送信日時：2026/11/22 22:09

""" + offer("中川 優香", [("2026-11-30", "10:00"), ("2026-12-02", "14:00")]) + "\n",
    L("automated", email="mailer-daemon@mfs.docomo.example.ne.jp"),
    charset="ISO-2022-JP", cte="7bit", client="mta",
    note="carrier 宛先不明 bounce as plain text (no multipart/report, no Auto-Submitted); original offer pasted unquoted"))

# Yahoo HTML-only, 【お名前】 block with value on next line, table with three wishes, full-width digits
_K012_HTML = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
              "<div style=\"font-family:'メイリオ',sans-serif;font-size:14px\">"
              "ハローワーク秋田 オンライン職業相談 ご担当者様<br>お世話になります。オンライン職業相談を申し込みます。<br><br>"
              "【お名前】<br>三浦 友里恵（みうら ゆりえ）<br><br>"
              "【求職番号】<br>０５０４０－１２２０９８７３<br><br>"
              "【希望日時】<br>"
              '<table border="1" cellspacing="0" cellpadding="4">'
              "<tr><th>希望</th><th>日付</th><th>時間</th></tr>"
              "<tr><td>第1希望</td><td>11月30日（月）</td><td>10:00〜</td></tr>"
              "<tr><td>第2希望</td><td>12月2日（水）</td><td>午後</td></tr>"
              "<tr><td>第3希望</td><td>12月4日（金）</td><td>15時〜16時</td></tr>"
              "</table><br>"
              "【電話】<br>０９０ー２７７８ー１１０３<br><br>"
              "祝日にすみません。よろしくお願いします。</div></body></html>")
add(Mail("2026-11-23 09:05:50", ("三浦 友里恵", "yurie_miura@yahoo.example.co.jp"), "オンライン職業相談申込み",
         "", L("book", "三浦 友里恵", "05040-12209873", "yurie_miura@yahoo.example.co.jp", "090-2778-1103",
               [R("2026-11-30", "10:00"), R("2026-12-02", "13:00", "17:00"), R("2026-12-04", "15:00", "16:00")]),
    charset="UTF-8", cte="base64", client="yahoo", structure="html", html=_K012_HTML,
    note="HTML-only with a <table> of three wishes; labels on their own line; ０９０ー with katakana long marks; sent on a holiday"))

# reply: consent + adds seeker number (no separator)
add(Mail("2026-11-23 15:40:11", ("今野 圭", "kei.konno@example.jp"), "Re: " + SUBJ_OFFER, """ハローワーク秋田 ご担当者様

お世話になっております。今野です。
2番でお願いいたします。規約にも同意します。

前回のメールで書き忘れてしまいましたが、
求職番号は 0501012093388 です。

今野 圭

""" + quote("thunderbird", "2026-11-20 11:15", offer("今野 圭", [("2026-11-26", "14:00"), ("2026-11-27", "10:00"), ("2026-12-01", "15:00")])),
    L("confirm", "今野 圭", "05010-12093388", "kei.konno@example.jp", choice=2),
    charset="ISO-2022-JP", cte="7bit", client="thunderbird", reply=True,
    note="consent plus seeker number given now, 13 digits without separator"))

# Vietnamese, hiragana Japanese, name with middle dots, interpreter
add(Mail("2026-11-24 08:30:45", ("Nguyen Van Nam", "nam.nguyen1995@gmail.example.com"), "そうだん よやく", """ハローワーク秋田 さま

こんにちは。
わたしは グエン・ヴァン・ナム です。ベトナムから きました。
いま しごとを さがしています。そうだん したいです。

にほんごは まだ じょうずでは ないので、
ベトナムごの つうやくの ひとと いっしょに はなしたいです。

12月1日 ごご 2じ から おねがいします。
でんわ 070-1188-2345

ありがとうございます。
""", L("book", "グエン・ヴァン・ナム", email="nam.nguyen1995@gmail.example.com", phone="070-1188-2345",
       req=[R("2026-12-01", "14:00")], att="interpreter"),
    charset="UTF-8", cte="8bit", client="android",
    note="hiragana Japanese (ごご 2じ); name with ・; Vietnamese interpreter"))

# reschedule quoting the confirmation (Outlook, unquoted original), 10時〜11時の間, phone in signature
add(Mail("2026-11-24 12:10:03", ("伊藤 聡子", "satoko.ito@example.com"), "RE: " + SUBJ_CONF, """ハローワーク秋田
オンライン職業相談ご担当者様

いつもお世話になっております。伊藤です。
11月27日（金）13時から予約しておりましたが、仕事の都合がつかなくなってしまいました。
大変恐縮ですが、12月7日（月）の10時〜11時の間に変更していただくことは可能でしょうか。

お手数をおかけしますが、よろしくお願いいたします。

━━━━━━━━━━━━━━━
伊藤 聡子
携帯：080-2231-5567
━━━━━━━━━━━━━━━

""" + quote("outlook", "2026-11-19 15:02", confirmation("伊藤 聡子", "2026-11-27", "13:00"),
            to="satoko.ito@example.com", subject=SUBJ_CONF),
    L("reschedule", "伊藤 聡子", email="satoko.ito@example.com", phone="080-2231-5567",
      req=[R("2026-12-07", "10:00", "11:00")]),
    charset="UTF-8", cte="quoted-printable", client="outlook", reply=True, to_display=True,
    note="old booking date not requested; 10時〜11時の間 span; Outlook -----Original Message----- unquoted"))

# ハローワーク秋田's own newsletter, List-* only (no Precedence)
add(Mail("2026-11-25 10:00:00", ("ハローワーク秋田", "mailmag@akita-hw.example.jp"),
         "【ハローワーク秋田】求職者向けメールマガジン 2026年12月号", """ハローワーク秋田 求職者向けメールマガジン　2026年12月号
──────────────────────────
いつもハローワーク秋田をご利用いただきありがとうございます。

■ 就職支援セミナーのご案内
　「応募書類の書き方講座」
　日時：12月9日（水）10:00〜11:30
　場所：ハローワーク秋田 2階 会議室
　予約：窓口またはお電話で受け付けます

■ オンライン職業相談をご存じですか
　ご自宅からビデオ通話で職業相談ができます。
　お申込みはメールで（平日9:00〜17:00）。

■ 年末年始の業務について
　12月29日（火）から1月3日（日）まではお休みです。

配信停止はこちら：https://www.akita-hw.example.jp/mailmag/stop
""", L("automated", email="mailmag@akita-hw.example.jp"),
    charset="UTF-8", cte="quoted-printable", client="bulk",
    headers=["List-Id: <mailmag.akita-hw.example.jp>",
             "List-Unsubscribe: <https://www.akita-hw.example.jp/mailmag/stop>, <mailto:mailmag-stop@akita-hw.example.jp>",
             "List-Unsubscribe-Post: List-Unsubscribe=One-Click"],
    note="newsletter from the office's own domain; List-Id/List-Unsubscribe but no Precedence; seminar dates not requested"))

# reply "最初の日程" (no number written -> choice null), 「—— name」 sign-off, Yahoo quote
add(Mail("2026-11-25 18:20:29", ("高階 里美", "satomi_takashina@yahoo.example.co.jp"), "Re: " + SUBJ_OFFER, """ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
最初の日程でお願いいたします。
規約の件、承知しました。

—— 高階里美

""" + quote("yahoo", "2026-11-25 14:00", offer("高階 里美", [("2026-12-02", "10:00"), ("2026-12-03", "13:00")]),
            to="satomi_takashina@yahoo.example.co.jp"),
    L("confirm", "高階里美", email="satomi_takashina@yahoo.example.co.jp"),
    charset="UTF-8", cte="quoted-printable", client="yahoo", reply=True,
    note="最初の日程: no option number written -> choice null (README); dash sign-off"))

# caregiver (wheelchair), 午前10時半, interview date not requested
add(Mail("2026-11-26 09:45:16", ("石井 涼介", "ryosuke.ishii.92@gmail.example.com"), "オンライン職業相談の予約", """ハローワーク秋田
オンライン職業相談ご担当者様

はじめまして。オンライン職業相談の予約をお願いいたします。

氏名：石井 涼介
求職番号：05020-44018726
希望日時：12月8日（火）午前10時半
TEL：090-8872-1034

12月10日に企業の面接を控えておりますので、その前に面接のアドバイスをいただければと思っています。
なお、脊髄損傷のため車椅子を使用しており、パソコン操作のため介助者が同席します。

どうぞよろしくお願いいたします。
""", L("book", "石井 涼介", "05020-44018726", "ryosuke.ishii.92@gmail.example.com", "090-8872-1034",
       [R("2026-12-08", "10:30")], att="caregiver"),
    charset="UTF-8", cte="base64", client="gmail",
    note="午前10時半; interview date 12/10 not requested; wheelchair user with 介助者"))

# no punctuation, one line, 来週の火曜日 午後3時から, 「菅原より」, display name is a nickname
add(Mail("2026-11-26 20:30:58", ("けん", "sugawara.ken@icloud.example.com"), "予約", """こんばんは 相談の予約お願いします 来週の火曜日 午後3時からでお願いしたいです 求職番号は05010-99021347です
菅原より

iPhoneから送信
""", L("book", "菅原", "05010-99021347", "sugawara.ken@icloud.example.com",
       req=[R("2026-12-01", "15:00")]),
    charset="UTF-8", cte="quoted-printable", client="iphone",
    note="no punctuation; 来週の火曜日 relative to Thu 11/26; 「菅原より」; From display is a nickname"))

# au bounce, Shift_JIS, postmaster
add(Mail("2026-11-27 08:55:31", ("", "postmaster@ezweb.example.ne.jp"), "Mail System Error - Returned Mail", """送信されたメールは以下の理由により配送できませんでした。

＜宛先不明＞
m-kudou.0620@ezweb.example.ne.jp

宛先のメールアドレスに誤りがないかご確認ください。
※このメールに返信されても、お答えできません。
""", L("automated", email="postmaster@ezweb.example.ne.jp"),
    charset="Shift_JIS", cte="8bit", client="mta",
    note="au carrier 宛先不明 bounce, Shift_JIS plain text from postmaster"))

# declines an offer before confirming (採用決定), start date of the job not requested
add(Mail("2026-11-27 13:10:42", ("藤原 拓海", "takumi.fujiwara@gmail.example.com"), "Re: " + SUBJ_OFFER, """ハローワーク秋田 ご担当者様

お世話になっております。藤原です。
日程をご提案いただいたのにすみません。
先日受けた会社から採用の連絡をいただき、12月1日から勤務することになりました。
そのため、今回の相談は見送らせてください。

いろいろとありがとうございました。

藤原 拓海

""" + quote("gmail", "2026-11-26 16:00", offer("藤原 拓海", [("2026-12-02", "11:00"), ("2026-12-04", "15:00")])),
    L("cancel", "藤原 拓海", email="takumi.fujiwara@gmail.example.com"),
    charset="UTF-8", cte="base64", client="gmail", reply=True, to_display=True,
    note="見送らせてください = declines the offer; job start date is not a request"))

# Becky form with ■, 求職者番号 with space, 午前10時半〜, 自宅 first but 携帯 requested
add(Mail("2026-11-28 10:20:07", ("大山 典子", "noriko.oyama@example.ne.jp"), "オンライン職業相談申込", """ハローワーク秋田 御中

はじめまして。オンライン職業相談の申込みをいたします。

■お名前：大山 典子
■求職者番号：05030 77152038
■ご希望：12月3日（木）午前10時半〜
■連絡先：自宅 018-833-4471 ／ 携帯 080-6623-1457
　（日中は不在がちですので、携帯の方へお願いします）

子どもの送り迎えがあるため、午前中だと助かります。
よろしくお願いいたします。
""", L("book", "大山 典子", "05030-77152038", "noriko.oyama@example.ne.jp", "080-6623-1457",
       [R("2026-12-03", "10:30")]),
    charset="ISO-2022-JP", cte="7bit", client="becky",
    note="■ form; 求職者番号 with a space; 午前10時半〜; 携帯 preferred over the first-listed 自宅; dateless 午前中 preference"))

# Gmail HTML-only casual, bare 4時 -> 16:00, contact address with full-width ＠, no seeker number
add(Mail("2026-11-29 23:10:20", ("小林 さくら", "sakura.koba.1127@gmail.example.com"), "相談したいです！", """はじめまして！
小林さくらです！
相談したいんですけど、12/2(水)の4時からってできますか？
あと求職番号わかんないです笑 カードどっか行っちゃって…
返信はこっちのアドレスにお願いします！ Sakura.Koba＠icloud.example.com
""", L("book", "小林さくら", email="sakura.koba@icloud.example.com", req=[R("2026-12-02", "16:00")]),
    charset="UTF-8", cte="base64", client="gmail", structure="html", html_style="gmail",
    note="HTML-only <div> lines; bare 4時 = 16:00; contact address with full-width ＠ and capitals"))

# elderly woman, long letter, kanji numerals, full-width phone with parentheses, grandchild helps
add(Mail("2026-11-30 09:30:26", ("石田 ハツエ", "hatsue.ishida@example.ne.jp"), "ご相談のお願い", """ハローワーク秋田
ご担当者様

拝啓
初冬の候、皆様におかれましてはご健勝のこととお喜び申し上げます。
突然のお便りにて失礼いたします。

私は、昨年の十月まで市内の旅館で仲居として働いておりました者でございます。
旅館が廃業となりましてから一年あまり、家におりましたが、
年金だけでは心もとなく、また体の動くうちは働きたいと思うようになりました。
新聞でこちらの相談のことを知り、筆をとった次第でございます。

ご多用のところ誠に恐れ入りますが、
十二月十日（木）の午後二時に、ご相談のお時間をいただけませんでしょうか。

求職番号　０５０１０－３３２０９１１８
電話　０１８（８６４）２２０９

なお、パソコンの扱いに不慣れなものですから、当日は孫が隣で手伝ってくれることになっております。

まだまだ寒さ厳しき折、皆様もどうぞお体を大切になさってください。
敬具

石田 ハツエ
""", L("book", "石田 ハツエ", "05010-33209118", "hatsue.ishida@example.ne.jp", "018-864-2209",
       [R("2026-12-10", "14:00")], att="other"),
    charset="ISO-2022-JP", cte="7bit", client="wlmail",
    note="long polite letter; 十二月十日（木）の午後二時; full-width ０１８（８６４）２２０９; grandchild joins -> other"))

# reply restating the slot by date only
add(Mail("2026-11-30 12:05:09", ("武藤 亮介", "r.muto@icloud.example.com"), "Re: " + SUBJ_OFFER, """武藤です。
12月4日の枠でお願いします。
規約OKです。

iPhoneから送信

""" + quote("iphone", "2026-11-30 10:00", offer("武藤 亮介", [("2026-12-03", "15:00"), ("2026-12-04", "10:00"), ("2026-12-07", "13:00")])),
    L("confirm", "武藤", email="r.muto@icloud.example.com", req=[R("2026-12-04")]),
    charset="UTF-8", cte="quoted-printable", client="iphone", reply=True,
    note="slot picked by date only -> requested bare date, choice null; full name only in From/quote"))

# 7日月曜の10時, phone with katakana long marks, 「といいます」
add(Mail("2026-12-01 07:40:55", ("", "yukari.s.0115@au.example.com"), "オンライン相談予約", """おはようございます。
佐藤ゆかりといいます。
オンラインの相談を予約したいです。
7日月曜の10時からお願いできますか？
求職番号 05040-30917725
電話番号 ０９０ー５５１８ー３３０２
よろしくお願いします
""", L("book", "佐藤ゆかり", "05040-30917725", "yukari.s.0115@au.example.com", "090-5518-3302",
       [R("2026-12-07", "10:00")]),
    charset="UTF-8", cte="base64", client="android",
    note="7日月曜 (bare day + weekday) relative to Tue 12/1; ０９０ー５５１８ー３３０２"))

# Chinese speaker, friend interprets, Shift_JIS base64, 午後1時半
add(Mail("2026-12-01 10:10:38", ("WANG Lihua", "wang.lihua88@example.com"), "仕事の相談をしたいです", """ハローワーク秋田 担当者様

こんにちは。王 麗華（ワン リーファ）です。
中国の大連から来ました。今は秋田市に住んでいます。
仕事をさがしているので、相談をしたいです。

希望日：12月14日（月）午後1時半
電話：080-7723-0091

日本語の読み書きが少しむずかしいので、
中国語と日本語ができる友達が通訳として一緒に参加します。
よろしくお願いします。
""", L("book", "王 麗華", email="wang.lihua88@example.com", phone="080-7723-0091",
       req=[R("2026-12-14", "13:30")], att="interpreter"),
    charset="Shift_JIS", cte="base64", client="oe",
    note="Chinese name with katakana furigana; 午後1時半; friend as 通訳 -> interpreter"))

# deaf seeker, 手話通訳 requested, no phone
add(Mail("2026-12-01 15:20:14", ("村上 直人", "naoto.murakami@example.jp"), "オンライン職業相談（手話）", """ハローワーク秋田
オンライン職業相談ご担当者様

村上直人と申します。生まれつき耳が聞こえません。
ビデオ通話での相談を希望します。

求職番号：05020-38816604
第1希望：12月11日（金）14:00〜14:50
第2希望：12月15日（火）10:00〜10:50

手話通訳の方を手配していただけますと助かります。
電話は使えませんので、ご連絡はメールでお願いいたします。
""", L("book", "村上直人", "05020-38816604", "naoto.murakami@example.jp",
       req=[R("2026-12-11", "14:00", "14:50"), R("2026-12-15", "10:00", "10:50")], att="interpreter"),
    charset="UTF-8", cte="quoted-printable", client="thunderbird",
    note="手話通訳 asked for; no phone"))

# support centre applies, seeker's own contacts stated, says no supporter joins
add(Mail("2026-12-02 09:00:47", ("秋田中央障害者就業・生活支援センター 高橋", "takahashi@akita-chuo-shien.example.or.jp"),
         "オンライン職業相談の申込み（代理）", """ハローワーク秋田　オンライン職業相談ご担当者様

いつも大変お世話になっております。
秋田中央障害者就業・生活支援センターの高橋です。
当センターに登録されている方のオンライン職業相談について、ご本人の依頼によりお申込みいたします。

対象者氏名：阿部 早苗（あべ さなえ）
求職番号：05010-70044192
第1希望：12月9日（水）10:00〜10:50
第2希望：12月10日（木）14:00〜14:50
ご本人の携帯：080-9901-2276
ご本人のメール：sanae.abe.0303@example.ne.jp

今後のご連絡は、ご本人へ直接お願いいたします。
当日は、支援員の同席はございません（ご本人お一人で参加されます）。

―――――――――――――――――――
秋田中央障害者就業・生活支援センター
就業支援担当　高橋 美和子
TEL 018-887-3340
―――――――――――――――――――
""", L("book", "阿部 早苗", "05010-70044192", "sanae.abe.0303@example.ne.jp", "080-9901-2276",
       [R("2026-12-09", "10:00", "10:50"), R("2026-12-10", "14:00", "14:50")]),
    charset="UTF-8", cte="quoted-printable", client="outlook", structure="alternative", html_style="outlook",
    note="support centre on behalf; 対象者氏名; seeker's own mail/phone in body; supporter explicitly not joining -> null"))

# company auto-reply without Auto-Submitted (text only tells)
add(Mail("2026-12-02 13:33:08", ("山本建設株式会社", "info@yamamoto-kensetsu.example.co.jp"),
         "【自動返信】メールを受け付けました", """※本メールは自動返信です。

山本建設株式会社へのメールありがとうございます。
現在、年末の繁忙期につき、ご返信までに3営業日ほどお時間をいただいております。
担当者より改めてご連絡いたしますので、今しばらくお待ちください。

山本建設株式会社
〒010-0001 秋田県秋田市中通1-2-3
""", L("automated", email="info@yamamoto-kensetsu.example.co.jp"),
    charset="UTF-8", cte="base64", client="none", reply=True,
    note="auto-reply recognisable from subject/text only (no Auto-Submitted/X-Autoreply headers); postal code"))

# reschedule quoting confirmation, 正午から
add(Mail("2026-12-02 20:10:19", ("菊地 大輔", "daisuke.kikuchi@gmail.example.com"), "Re: " + SUBJ_CONF, """ハローワーク秋田 ご担当者様

お世話になっております。菊地です。
12月4日（金）に予約している相談ですが、その日に急きょ通院が入ってしまいました。
申し訳ありませんが、12月15日（火）の正午からに変更していただけないでしょうか。
昼休みの時間帯なので、その時間だと助かります。

菊地 大輔

""" + quote("gmail", "2026-11-30 14:12", confirmation("菊地 大輔", "2026-12-04", "10:00")),
    L("reschedule", "菊地 大輔", email="daisuke.kikuchi@gmail.example.com", req=[R("2026-12-15", "12:00")]),
    charset="UTF-8", cte="base64", client="gmail", reply=True,
    note="正午 = 12:00; booked 12/4 not requested"))

# casual, 明日の10時, exclamation
add(Mail("2026-12-03 08:15:36", ("", "shota.abe.0521@gmail.example.com"), "予約したいです", """阿部 翔太です！
明日の10時ってまだ空いてますか！？
空いてたら相談予約したいです
求職番号は 05020-18834571 です
電話 090-3321-7788
""", L("book", "阿部 翔太", "05020-18834571", "shota.abe.0521@gmail.example.com", "090-3321-7788",
       [R("2026-12-04", "10:00")]),
    charset="UTF-8", cte="8bit", client="android",
    note="casual; 明日 relative to Thu 12/3; name as 「…です！」"))

# two numbered questions (一、二), Shift_JIS 8bit
add(Mail("2026-12-03 11:45:52", ("後藤 忠男", "goto-tadao@example.ne.jp"), "オンライン相談についての質問", """ハローワーク秋田御中

後藤と申します。
オンライン相談のことで、二点お尋ねします。

一、相談を受けるには、事前にハローワークで求職の登録をしておかなければならないのでしょうか。
二、Tele Officeは、インターネットのブラウザだけで使えますか。それとも何か入れる必要がありますか。

何分、パソコンには詳しくないもので、初歩的な質問で申し訳ありません。

後藤 忠男
電話 018-873-2210
""", L("question", "後藤 忠男", email="goto-tadao@example.ne.jp", phone="018-873-2210"),
    charset="Shift_JIS", cte="8bit", client="oe",
    note="questions numbered 一、二 are not choices; signature phone is the only one"))

# new Outlook reply, full-width ３番, wife listens in
add(Mail("2026-12-03 17:00:29", ("熊谷 隆之", "t.kumagai@example.com"), "RE: " + SUBJ_OFFER, """ハローワーク秋田
ご担当者様

お世話になっております。熊谷です。
日程のご提示ありがとうございます。
３番でお願いいたします。利用規約にも同意いたします。

当日は、妻が横で一緒に話を聞く予定です。よろしくお願いします。

熊谷 隆之

""" + quote("newoutlook", "2026-12-03 13:20", offer("熊谷 隆之", [("2026-12-08", "11:00"), ("2026-12-09", "15:00"), ("2026-12-11", "10:00")]),
            to="t.kumagai@example.com"),
    L("confirm", "熊谷 隆之", email="t.kumagai@example.com", choice=3, att="other"),
    charset="UTF-8", cte="base64", client="outlook", reply=True, to_display=True,
    note="full-width ３番; family member joins -> other; new-Outlook 差出人 block"))

# ISO-2022-JP with ①②③ (CP50220), full-width spaces in the name, full-width digits
add(Mail("2026-12-04 09:20:13", ("佐藤 大地", "daichi.sato@example.jp"), "オンライン職業相談の申込み", """ハローワーク秋田　御中

お世話になります。オンライン職業相談を申し込みたく、ご連絡いたしました。

氏名　　　佐藤　大地
求職番号　０５０３０－５５６１２２０４
携帯　　　０８０－１１２２－４４５６

希望日時（いずれかでお願いします）
　①12月9日（水）10:00〜10:50
　②12月11日（金）14:00〜14:50
　③12月14日（月）9:30〜

よろしくお願いいたします。
""", L("book", "佐藤 大地", "05030-55612204", "daichi.sato@example.jp", "080-1122-4456",
       [R("2026-12-09", "10:00", "10:50"), R("2026-12-11", "14:00", "14:50"), R("2026-12-14", "09:30")]),
    charset="ISO-2022-JP", cte="7bit", client="outlook",
    note="EXT: ①②③ as NEC row 13 inside ISO-2022-JP; labels without colon, full-width spaces; 9:30〜 open end"))

# carrier cancel, no name, no punctuation
add(Mail("2026-12-04 12:30:00", ("", "k-chida0808@ezweb.example.ne.jp"), "キャンセル", """8日の11時に予約してたんですがキャンセルでお願いします
また落ち着いたら連絡します
すみません
""", L("cancel", email="k-chida0808@ezweb.example.ne.jp"),
    charset="Shift_JIS", cte="8bit", client="au",
    note="cancel without name; booked 8日 11時 not requested"))

# spam, Shift_JIS
add(Mail("2026-12-05 10:40:22", ("副業ナビ", "news@fukugyo-navi.example.biz"), "【限定公開】会社にバレない副業で月10万円", """突然のご連絡失礼いたします。

「会社にバレずに、毎月あと10万円」
そんな副業の始め方を、今だけ無料でお伝えしています。

・スキル不要
・スマホ1台でOK
・1日15分〜

▼詳しくはこちら
http://fukugyo-navi.example.biz/?p=4471

ご興味のない方は、このまま削除してください。
""", L("other", email="news@fukugyo-navi.example.biz"),
    charset="Shift_JIS", cte="8bit", client="none",
    note="副業 spam in Shift_JIS"))

# Active! mail HTML-only, dialect, 12/10の14時〜15時, 携帯 primary / 自宅 fallback
add(Mail("2026-12-05 21:15:44", ("鈴木 陽斗", "haruto.suzuki@example.jp"), "相談予約", """ハローワーク秋田さま
どうもです。相談の予約お願いしたくてメールしました。

【氏名】鈴木 陽斗
【求職番号】05040-55108823
【希望】12/10の14時〜15時でお願いしたいっす
【連絡先】携帯 080-4412-0970 ／ 自宅 018-824-5563
（携帯さ出られねがったら自宅の方さかけてけれ）

よろしくお願いします
""", L("book", "鈴木 陽斗", "05040-55108823", "haruto.suzuki@example.jp", "080-4412-0970",
       [R("2026-12-10", "14:00", "15:00")]),
    charset="UTF-8", cte="base64", client="activemail", structure="html", html_style="gmail",
    note="HTML-only; dialect fallback note (携帯 first, 自宅 only if unreachable); 14時〜15時 span"))

# Gmail multipart/alternative reply, ② pick
_K039_OFFER = offer("原田 まゆみ", [("2026-12-09", "13:00"), ("2026-12-10", "10:00"), ("2026-12-14", "15:00")])
_K039_TOP = """ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
ご提示いただいた候補ですと、②が都合がよいです。
規約も確認しました。よろしくお願いいたします。

原田まゆみ"""
_K039_HTML = ('<div dir="ltr">' + "".join(f"<div>{html.escape(l)}</div>" if l else "<div><br></div>" for l in _K039_TOP.split("\n"))
              + '</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
              + f"2026年12月4日(金) 16:40 ハローワーク秋田 &lt;<a href=\"mailto:{OFFICE}\">{OFFICE}</a>&gt;:<br></div>"
              + '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
              + "<br>".join(html.escape(l) for l in _K039_OFFER.split("\n")) + "</blockquote></div>")
add(Mail("2026-12-06 14:00:31", ("原田 まゆみ", "mayumi.harada@gmail.example.com"), "Re: " + SUBJ_OFFER,
         _K039_TOP + "\n\n" + quote("gmail", "2026-12-04 16:40", _K039_OFFER),
         L("confirm", "原田まゆみ", email="mayumi.harada@gmail.example.com", choice=2),
    charset="UTF-8", cte="base64", client="gmail", structure="alternative", html=_K039_HTML, reply=True,
    note="multipart/alternative with gmail_quote blockquote; ② in prose 「②が都合がよい」"))

# weekday written wrong (12月10日（水） is a Thursday): keep the date
add(Mail("2026-12-07 08:10:40", ("東海林 誠", "makoto.shoji@example.jp"), "オンライン職業相談予約", """ハローワーク秋田
オンライン職業相談ご担当者様

はじめまして。東海林と申します。
下記のとおり予約をお願いします。

氏名：東海林 誠（しょうじ まこと）
求職番号：05010ー28830461
希望日：12月10日（水）の午後
電話：018-863-5512

以上、よろしくお願いいたします。
""", L("book", "東海林 誠", "05010-28830461", "makoto.shoji@example.jp", "018-863-5512",
       [R("2026-12-10", "13:00", "17:00")]),
    charset="ISO-2022-JP", cte="7bit", client="thunderbird", weekday_mismatch_ok=True,
    note="weekday mismatch (12/10 is Thu) -> date kept; seeker number with katakana ー separator"))

# reschedule via iPhone reply, no new time given
add(Mail("2026-12-07 13:20:05", ("吉川 彩乃", "ayano.yoshikawa@icloud.example.com"), "Re: " + SUBJ_CONF, """すみません、9日に予約している相談なんですが、
子どもが熱を出してしまって、別の日にしてもらいたいです。
来週以降でまた候補を送ってもらえますか？

吉川 彩乃
iPhoneから送信

""" + quote("iphone", "2026-12-02 11:40", confirmation("吉川 彩乃", "2026-12-09", "14:00")),
    L("reschedule", "吉川 彩乃", email="ayano.yoshikawa@icloud.example.com"),
    charset="UTF-8", cte="quoted-printable", client="iphone", reply=True,
    note="reschedule with no new date (来週以降 is not a date); booked 9日 not requested"))

# elderly man, 拝啓 師走の候, 和暦 令和8年, a day he is away is not requested
add(Mail("2026-12-08 09:00:03", ("工藤 正義", "masayoshi.kudo@example.ne.jp"), "再就職のご相談", """ハローワーク秋田
職業相談ご担当者様

拝啓　師走の候、貴所ますますご清栄のこととお慶び申し上げます。

私、能代市在住の工藤正義と申します。
本年三月に定年を迎え、その後は嘱託として勤めておりましたが、
この度契約満了となりましたので、再就職についてご相談させていただきたく存じます。

誠に勝手ながら、令和8年12月16日（水）午前中にお時間を頂戴できれば幸いです。
なお、12月19日（土）は親族の法事のため終日不在にしております。

求職番号：05020-94413307
携帯電話：090-2218-6637

ご多忙のところ恐縮ですが、何卒よろしくお願い申し上げます。
敬具
""", L("book", "工藤正義", "05020-94413307", "masayoshi.kudo@example.ne.jp", "090-2218-6637",
       [R("2026-12-16", "09:00", "12:00")]),
    charset="ISO-2022-JP", cte="7bit", client="outlook",
    note="和暦 令和8年; 12/19 終日不在 is a day he cannot do (not requested); name after 在住の"))

# job-fair newsletter, multipart/alternative, Precedence: list
_K043 = """あきた就職ナビ 会員の皆さまへ

━━━━━━━━━━━━━━━━━━
 冬の合同企業説明会 2026 開催のお知らせ
━━━━━━━━━━━━━━━━━━

日時：2026年12月19日（土）13:00〜16:00
会場：秋田拠点センターアルヴェ
参加企業：県内企業 45社

事前登録はこちら
https://akita-shushoku.example.jp/event/2026winter

────────────────
配信停止・登録内容の変更はマイページから行ってください。
https://akita-shushoku.example.jp/mypage"""
add(Mail("2026-12-08 11:11:11", ("あきた就職ナビ", "info@akita-shushoku.example.jp"), "【あきた就職ナビ】冬の合同企業説明会のお知らせ",
         _K043, L("automated", email="info@akita-shushoku.example.jp"),
    charset="UTF-8", cte="base64", client="bulk", structure="alternative", html_style="yahoo",
    headers=["List-Unsubscribe: <https://akita-shushoku.example.jp/unsubscribe?u=8812>", "Precedence: list"],
    note="newsletter multipart/alternative; event date not requested"))

# Yahoo plain, no punctuation, 今週の金曜日 午前中, surname-only sign-off
add(Mail("2026-12-08 19:45:26", ("松田", "matsuda.m1990@yahoo.example.co.jp"), "オンライン相談", """おつかれさまです
オンライン相談の予約お願いします
今週の金曜日の午前中空いてたらお願いします
求職番号05030-40021988
携帯 090 6654 2210
松田
""", L("book", "松田", "05030-40021988", "matsuda.m1990@yahoo.example.co.jp", "090-6654-2210",
       [R("2026-12-11", "09:00", "12:00")]),
    charset="UTF-8", cte="quoted-printable", client="yahoo",
    note="no punctuation; 今週の金曜日 relative to Tue 12/8; surname alone on the last line"))

# docomo reply with bare '>' quote, 2番目, Shift_JIS
add(Mail("2026-12-09 10:30:48", ("", "fujii.k-0711@docomo.example.ne.jp"), "Re: " + SUBJ_OFFER, """2番目の日でお願いします
藤井

""" + quote("carrier", "2026-12-08 16:00", offer("藤井 和也", [("2026-12-14", "10:00"), ("2026-12-15", "14:00"), ("2026-12-17", "11:00")])),
    L("confirm", "藤井", email="fujii.k-0711@docomo.example.ne.jp", choice=2),
    charset="Shift_JIS", cte="8bit", client="docomo", reply=True,
    note="2番目; carrier quote with no reply header; surname only"))

# HTML-only question about Tele Office on iPhone, mentions the booked day
add(Mail("2026-12-09 15:00:37", ("中村 あゆみ", "ayumi.nakamura.aki@gmail.example.com"), "Tele Officeのインストールについて", """ハローワーク秋田 オンライン相談ご担当者様

お世話になっております。中村あゆみです。
14日に相談を予約している者です。

Tele Officeのインストールの方法がよくわかりません。
iPhoneで参加する場合は、App Storeからアプリを入れておけばよいのでしょうか？
また、イヤホンは必要でしょうか。

お手数ですが教えていただけると助かります。
""", L("question", "中村あゆみ", email="ayumi.nakamura.aki@gmail.example.com"),
    charset="UTF-8", cte="base64", client="gmail", structure="html", html_style="gmail",
    note="question; existing booking 14日 not requested"))

# Outlook, 【お名前】 with full-width spaces, box-drawing table, January dates, 終日可
add(Mail("2026-12-10 08:00:14", ("小松 恵美子", "emiko.komatsu@example.com"), "年明けのオンライン職業相談について", """ハローワーク秋田
オンライン職業相談ご担当者様

いつもお世話になっております。
年明けにオンライン職業相談をお願いしたく、ご連絡いたしました。

【お名前】　小松　恵美子（こまつ　えみこ）
【求職番号】05020-31177046
【電話番号】018-896-7712

【ご希望日時】
┌────┬────────┬────────┐
│希望　　│日付　　　　　　│時間　　　　　　│
├────┼────────┼────────┤
│第１希望│１月８日（金）　│午前10時半　　　│
│第２希望│１月１２日（火）│終日可　　　　　│
│第３希望│１月１４日（木）│13:00〜14:00　　│
└────┴────────┴────────┘

年末年始を挟みますので、お返事は年明けでも構いません。
よろしくお願いいたします。
""", L("book", "小松 恵美子", "05020-31177046", "emiko.komatsu@example.com", "018-896-7712",
       [R("2027-01-08", "10:30"), R("2027-01-12"), R("2027-01-14", "13:00", "14:00")]),
    charset="UTF-8", cte="base64", client="outlook",
    note="box-drawing table; January -> 2027; 終日可 -> null times; 【お名前】 with full-width spaces and furigana"))

# Vietnamese writer, says no interpreter needed
add(Mail("2026-12-10 12:40:59", ("Pham Thi Lan", "lan.pham@example.com"), "職業相談の予約", """ハローワーク秋田 ご担当者様

はじめまして。ファム・ティ・ランと申します。ベトナム出身です。
日本に来て6年になり、日本語能力試験N2を持っています。
介護の仕事を探しているので、相談させてください。

希望日時：12月16日（水）11:00
電話番号：080-3390-1425

日本語で大丈夫ですので、通訳は必要ありません。
よろしくお願いいたします。
""", L("book", "ファム・ティ・ラン", email="lan.pham@example.com", phone="080-3390-1425",
       req=[R("2026-12-16", "11:00")]),
    charset="UTF-8", cte="8bit", client="thunderbird",
    note="通訳は必要ありません -> attendant null; ・ name"))

# bilingual out-of-office with Auto-Submitted
add(Mail("2026-12-11 09:05:55", ("Yuki Onodera", "y.onodera@tohoku-logi.example.co.jp"), "自動応答: Re: " + SUBJ_OFFER, """お問い合わせありがとうございます。
ただいま休暇をいただいており、12月14日（月）より出社いたします。
期間中のメールは、出社後に確認いたします。

Thank you for your email. I am on leave and will return on Monday, December 14.
""", L("automated", email="y.onodera@tohoku-logi.example.co.jp"),
    charset="ISO-2022-JP", cte="7bit", client="outlook", reply=True,
    headers=["Auto-Submitted: auto-replied", "X-MS-Exchange-Inbox-Rules-Loop: y.onodera@tohoku-logi.example.co.jp"],
    note="bilingual OOO with a return date"))

# Outlook classic reply, 1番 + seeker number added
add(Mail("2026-12-11 17:30:42", ("須田 健一", "kenichi.suda@example.ne.jp"), "RE: " + SUBJ_OFFER, """ハローワーク秋田
ご担当者様

お世話になっております。須田です。
1番で、お願いいたします。利用規約にも同意いたします。
求職番号をお伝えしていなかったので、念のため記載します。
求職番号：05020-61190833

須田 健一

""" + quote("outlook", "2026-12-11 10:05", offer("須田 健一", [("2026-12-16", "10:00"), ("2026-12-18", "14:00")]),
            to="kenichi.suda@example.ne.jp"),
    L("confirm", "須田 健一", "05020-61190833", "kenichi.suda@example.ne.jp", choice=1),
    charset="UTF-8", cte="quoted-printable", client="outlook", reply=True, to_display=True,
    note="1番 + seeker number now; Outlook Original Message without '>'"))

# Shift_JIS base64, slash dates with spans, +81 with spaces
add(Mail("2026-12-12 11:00:26", ("秋元 大樹", "daiki.akimoto@example.com"), "オンライン職業相談の予約希望", """ハローワーク秋田 御中

秋元大樹（アキモト ダイキ）と申します。
オンライン職業相談の予約を希望します。

求職番号: 05040 62210974
希望: 12/14(月)10:00-10:50、もしくは12/15(火)13:00-13:50
連絡先: +81 90 5532 1187（スマホの設定でこの表記になっています）

よろしくお願いします。
""", L("book", "秋元大樹", "05040-62210974", "daiki.akimoto@example.com", "090-5532-1187",
       [R("2026-12-14", "10:00", "10:50"), R("2026-12-15", "13:00", "13:50")]),
    charset="Shift_JIS", cte="base64", client="oe",
    note="two slash-dated spans on one line; +81 90 with spaces"))

# casual, 来週の月曜日の午後, no seeker number
add(Mail("2026-12-14 09:45:12", ("りな", "rina.sato.99@gmail.example.com"), "相談したいです", """はじめまして、佐藤りなです
来週の月曜日の午後に相談したいです！
求職番号まだもらってないんですけど大丈夫ですか？笑
電話は 070-5521-0087 です
""", L("book", "佐藤りな", email="rina.sato.99@gmail.example.com", phone="070-5521-0087",
       req=[R("2026-12-21", "13:00", "17:00")]),
    charset="UTF-8", cte="base64", client="android",
    note="来週の月曜日 relative to Mon 12/14 = 12/21; booking with a side question"))

# Becky reschedule with two new options on their own lines
add(Mail("2026-12-14 13:10:33", ("浅利 正人", "masato.asari@example.ne.jp"), "Re: " + SUBJ_CONF, """ハローワーク秋田 ご担当者様

お世話になっております。浅利です。
12月16日（水）14:00からの相談ですが、その日に別の会社の面接が入りました。
申し訳ありませんが、
　12月22日（火）10:00
　12月24日（木）10:00
のどちらかに変更をお願いできますでしょうか。

浅利 正人

""" + quote("becky", "2026-12-09 15:20", confirmation("浅利 正人", "2026-12-16", "14:00")),
    L("reschedule", "浅利 正人", email="masato.asari@example.ne.jp",
      req=[R("2026-12-22", "10:00"), R("2026-12-24", "10:00")]),
    charset="ISO-2022-JP", cte="7bit", client="becky", reply=True, to_display=True,
    note="old booking (also an interview day) not requested; two new options"))

# polite cancel 取りやめ
add(Mail("2026-12-15 10:20:09", ("進藤 春美", "harumi.shindo@example.jp"), "相談の取りやめについて", """ハローワーク秋田
オンライン職業相談ご担当者様

いつもお世話になっております。進藤春美でございます。
12月17日（木）午前11時にお約束いただいておりましたご相談の件ですが、
持病が悪化し、しばらく通院に専念することになりましたため、
誠に勝手ながら取りやめさせていただきたく存じます。

体調が戻りましたら、改めてお願いするかもしれません。
その節はどうぞよろしくお願いいたします。
""", L("cancel", "進藤春美", email="harumi.shindo@example.jp"),
    charset="ISO-2022-JP", cte="7bit", client="thunderbird",
    note="取りやめ; 「…でございます」; booked date not requested"))

# closed day requested (12/29) + January; 﨑 in the name
add(Mail("2026-12-16 14:30:51", ("山﨑 健司", "kenji.yamasaki@example.jp"), "オンライン職業相談を希望します", """ハローワーク秋田 ご担当者様

山﨑 健司と申します。
年末に時間が取れそうなので、オンライン職業相談をお願いしたいです。

求職番号：05030-80092215
第1希望：12月29日（火）午前
第2希望：1月5日（火）14時
電話：080-6677-3018

よろしくお願いいたします。
""", L("book", "山﨑 健司", "05030-80092215", "kenji.yamasaki@example.jp", "080-6677-3018",
       [R("2026-12-29", "09:00", "12:00"), R("2027-01-05", "14:00")]),
    charset="UTF-8", cte="quoted-printable", client="thunderbird",
    note="12/29 is closed but labelled as asked; 1月5日 -> 2027; 﨑 (U+FA11) in name"))

# company Exchange-style NDR in Japanese, plain text, original pasted
add(Mail("2026-12-17 08:05:27", ("システム管理者", "postmaster@akita-denki.example.co.jp"), "配信不能: " + SUBJ_CONF, """次の受信者またはグループへの配信に失敗しました:

h.sato@akita-denki.example.co.jp
メールボックスがいっぱいのため、メッセージを配信できませんでした。後でもう一度送信してください。

-------- 元のメッセージ --------
件名: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ

""" + confirmation("佐藤 浩", "2026-12-21", "10:00") + "\n",
    L("automated", email="postmaster@akita-denki.example.co.jp"),
    charset="UTF-8", cte="base64", client="mta",
    note="NDR in Japanese from postmaster, text/plain, original pasted unquoted"))

# vocational centre applies for a client, staff joins, centre phone given as contact
add(Mail("2026-12-17 13:00:16", ("秋田障害者職業センター 岡本", "okamoto@akita-shokugyo-c.example.go.jp"),
         "オンライン職業相談のお願い（利用者の方について）", """ハローワーク秋田
オンライン職業相談ご担当者様

お世話になっております。
秋田障害者職業センターの岡本です。
当センターで職業準備支援を受けている方について、オンライン職業相談をお願いしたくご連絡しました。

利用者名：村田 康平
求職番号：05010-82277135
希望日時：12月21日（月）午後2時

ご本人は電話が苦手なため、ご連絡は当センター（岡本：018-864-3608）までお願いいたします。
当日は私も同席させていただきます。

秋田障害者職業センター
カウンセラー　岡本 理恵
""", L("book", "村田 康平", "05010-82277135", "okamoto@akita-shokugyo-c.example.go.jp", "018-864-3608",
       [R("2026-12-21", "14:00")], att="other"),
    charset="ISO-2022-JP", cte="7bit", client="outlook",
    note="seeker in 利用者名; contact phone is the centre's as the sender says; supporter joins -> other"))

# reply picking a slot by date and 午後3時 (choice null)
add(Mail("2026-12-18 16:00:45", ("佐野 陽子", "yoko.sano@gmail.example.com"), "Re: " + SUBJ_OFFER, """ハローワーク秋田 ご担当者様

お世話になっております。佐野です。
12月22日（火）の午後3時の回でお願いします。
規約に同意いたします。

佐野 陽子

""" + quote("gmail", "2026-12-18 11:30", offer("佐野 陽子", [("2026-12-21", "10:00"), ("2026-12-22", "15:00")])),
    L("confirm", "佐野 陽子", email="yoko.sano@gmail.example.com", req=[R("2026-12-22", "15:00")]),
    charset="UTF-8", cte="base64", client="gmail", reply=True,
    note="slot chosen by date + 午後3時 -> requested, choice null"))

# no-reply notification with a 受付番号
add(Mail("2026-12-21 09:30:04", ("あきた求人ナビ", "no-reply@kyujin-akita.example.jp"), "【あきた求人ナビ】お問い合わせを受け付けました", """ハローワーク秋田 様

この度は「あきた求人ナビ」へのお問い合わせありがとうございます。
以下の内容でお問い合わせを受け付けました。

受付番号：20261221-00431
受付日時：2026年12月21日 09:30

担当者より3営業日以内にご連絡いたします。
※このメールは送信専用アドレスから送信されています。ご返信いただいてもお答えできません。
""", L("automated", email="no-reply@kyujin-akita.example.jp"),
    charset="UTF-8", cte="quoted-printable", client="none",
    note="no-reply sender, no list or auto headers; 受付番号 is not a seeker number"))

# Outlook multipart/alternative, 【お名前】, 年明けの1月6日（水）の午後
add(Mail("2026-12-22 11:00:38", ("高橋 ミヨ子", "miyoko.takahashi@example.ne.jp"), "年明けの相談のお願い", """ハローワーク秋田
オンライン職業相談ご担当者様

拝啓　歳末の候、皆様にはお変わりなくお過ごしのことと存じます。

【お名前】　高橋 ミヨ子
【求職番号】　05030-11950382
【お電話】　018-833-6021（自宅）

年内はなにかと慌ただしいので、年明けの1月6日（水）の午後にご相談をお願いできれば幸いです。

良いお年をお迎えください。
敬具
""", L("book", "高橋 ミヨ子", "05030-11950382", "miyoko.takahashi@example.ne.jp", "018-833-6021",
       [R("2027-01-06", "13:00", "17:00")]),
    charset="UTF-8", cte="quoted-printable", client="outlook", structure="alternative", html_style="outlook",
    note="multipart/alternative (Outlook HTML); 1月6日 -> 2027; 【お名前】 block"))


# ---- added after the first measurement: more shapes real seekers use ----------------------------
# carrier user asks for replies to a PC address; 来月の8日
add(Mail("2026-12-01 19:05:44", ("", "kentaro.ono@docomo.example.ne.jp"), "オンライン相談の予約", """ハローワーク秋田さま

オンライン相談の予約をお願いします。

氏名　小野 健太郎
求職番号　05030-61128804
希望　来月の8日（金）午後1時半
電話　080-2290-6613

携帯のメールはパソコンからのメールを受信できない設定になっているので、
お返事はこちらのアドレスにお願いします。
kentaro.ono.pc@gmail.example.com
""", L("book", "小野 健太郎", "05030-61128804", "kentaro.ono.pc@gmail.example.com", "080-2290-6613",
       [R("2027-01-08", "13:30")]),
    charset="Shift_JIS", cte="8bit", client="docomo",
    note="来月の8日 relative to Tue 12/1 -> 2027-01-08; carrier user gives a PC address for replies"))

# wife writes for her husband; 午前10時から正午まで
add(Mail("2026-12-04 20:10:31", ("三浦 恵子", "keiko.miura.0618@gmail.example.com"), "夫の職業相談の予約について", """ハローワーク秋田 ご担当者様

夜分に失礼いたします。
夫の三浦 雅人がオンライン職業相談を希望しております。
本人は日中仕事中でメールを見られないため、妻の私から送らせていただきます。

夫の求職番号：05020-47720913
希望日時：12月18日（金）の午前10時から正午まで
連絡先（夫の携帯）：080-3302-7749

当日は本人のみで参加いたします。
よろしくお願いいたします。

三浦 恵子
""", L("book", "三浦 雅人", "05020-47720913", "keiko.miura.0618@gmail.example.com", "080-3302-7749",
       [R("2026-12-18", "10:00", "12:00")]),
    charset="UTF-8", cte="quoted-printable", client="gmail",
    note="wife writes for husband (name = husband, From/sign-off = wife); 午前10時から正午まで span; nobody joins"))

# form with 【フリガナ】 and 【生年月日】, charset label Windows-31J, bare 1時半〜
add(Mail("2026-12-09 12:15:27", ("佐藤 花音", "kanon.sato@example.jp"), "オンライン職業相談　申込フォーム", """ハローワーク秋田　オンライン職業相談ご担当者様

以下のとおり申し込みます。

【氏名】 佐藤 花音
【フリガナ】 サトウ カノン
【生年月日】 平成12年4月3日
【求職番号】 05040-70031159
【希望日時】 12月17日（木）1時半〜
【電話】 080-4418-2290

よろしくお願いいたします。
""", L("book", "佐藤 花音", "05040-70031159", "kanon.sato@example.jp", "080-4418-2290",
       [R("2026-12-17", "13:30")]),
    charset="Windows-31J", cte="8bit", client="oe",
    note="charset label Windows-31J; 【フリガナ】 on its own line; birth date is not requested; bare 1時半 = 13:30"))

# bottom-posted reply under a '>' quote
add(Mail("2026-12-10 18:30:09", ("渡辺 剛", "tsuyoshi.watanabe@example.ne.jp"), "Re: " + SUBJ_OFFER,
         quote("thunderbird", "2026-12-10 09:30", offer("渡辺 剛", [("2026-12-15", "10:00"), ("2026-12-16", "13:00"), ("2026-12-17", "15:00")]))
         + """

3番でお願いします。規約も了解しました。

渡辺
""", L("confirm", "渡辺", email="tsuyoshi.watanabe@example.ne.jp", choice=3),
    charset="ISO-2022-JP", cte="7bit", client="thunderbird", reply=True,
    note="bottom-posted answer below the quoted offer"))

# second-time seeker: past date, 今月の18日, kanji span 午後一時から二時まで
add(Mail("2026-12-11 13:00:50", ("若松 修", "osamu.wakamatsu@example.jp"), "オンラインでの相談希望", """ハローワーク秋田 職業相談ご担当者様

お世話になっております。若松です。
11月30日に窓口で相談した際に、オンラインでも相談できると伺いましたので、メールいたしました。

今月の18日（金）の午後一時から二時まで、お願いできますでしょうか。
求職番号は 05010-53390217 です。

若松 修
""", L("book", "若松 修", "05010-53390217", "osamu.wakamatsu@example.jp", req=[R("2026-12-18", "13:00", "14:00")]),
    charset="ISO-2022-JP", cte="7bit", client="becky",
    note="past visit date not requested; 今月の18日; 午後一時から二時まで kanji span"))

# Gmail vacation responder of a seeker
add(Mail("2026-12-15 21:40:03", ("工藤 真由", "mayu.kudo.akita@gmail.example.com"), "年末年始休暇のお知らせ", """メールありがとうございます。

12月19日から1月4日まで、帰省のため返信が遅れます。
1月5日以降に順次お返事いたします。
""", L("automated", email="mayu.kudo.akita@gmail.example.com"),
    charset="UTF-8", cte="base64", client="gmail", reply=True,
    headers=["Auto-Submitted: auto-replied"],
    note="Gmail vacation responder (Auto-Submitted only, subject without 自動応答)"))

# Outlook.com HTML-only with entities and &nbsp;
_H_OUTLOOKCOM = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
                 '<body><div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt;">'
                 "ハローワーク秋田&nbsp;ご担当者様<br><br>"
                 "オンライン職業相談の予約をお願いいたします。<br><br>"
                 "名前：阿部&#12288;光<br>"
                 "求職番号：05010-44170325<br>"
                 "希望：12月2日（水）&nbsp;午前9時から<br>"
                 "電話：090-1198-3306<br><br>"
                 "※カメラ付きのノートパソコンから参加します&lt;(_ _)&gt;<br><br>"
                 "よろしくお願いいたします。</div></body></html>")
add(Mail("2026-11-20 07:15:22", ("阿部 光", "hikaru.abe@outlook.example.com"), "オンライン職業相談予約", "",
         L("book", "阿部 光", "05010-44170325", "hikaru.abe@outlook.example.com", "090-1198-3306",
           [R("2026-12-02", "09:00")]),
    charset="UTF-8", cte="quoted-printable", client="none", structure="html", html=_H_OUTLOOKCOM,
    note="HTML-only with &nbsp;, numeric entity &#12288; inside the name, &lt;(_ _)&gt;"))

# very short casual question-like request, no name, no contact
add(Mail("2026-11-17 06:50:12", ("", "haru.k.1105@ezweb.example.ne.jp"), "", """18日（水）の1時半って空いてますか？？
空いてたらオンライン相談お願いしたいです
無理なら大丈夫です笑
""", L("book", email="haru.k.1105@ezweb.example.ne.jp", req=[R("2026-11-18", "13:30")]),
    charset="Shift_JIS", cte="8bit", client="au",
    note="empty subject; bare 1時半 = 13:30; no name or number"))


# ---- added after probing: realistic shapes the parser misread in ad-hoc probes ---------------
# elderly man, only contact is a combined TEL/FAX line in the signature
add(Mail("2026-11-19 10:50:36", ("佐藤 義男", "yoshio.sato@example.ne.jp"), "相談予約のお願い", """ハローワーク秋田　御中

いつもお世話になります。佐藤と申します。
オンラインでの職業相談というものを、一度受けてみたいと思いご連絡しました。

十二月二日（水）の午前十時に、予約をお願いいたします。
求職番号は 05010-27763018 です。

よろしくお願いいたします。

――――――――――――
佐藤 義男
秋田市新屋扇町
TEL/FAX　018-862-4410
――――――――――――
""", L("book", "佐藤 義男", "05010-27763018", "yoshio.sato@example.ne.jp", "018-862-4410",
       [R("2026-12-02", "10:00")]),
    charset="ISO-2022-JP", cte="7bit", client="wlmail",
    note="the only number is a combined TEL/FAX line in the signature -> it is the contact; kanji-numeral date"))

# reply: 「下記の2の日程で」 (top-posted reference to the quoted list)
add(Mail("2026-11-24 19:20:48", ("安藤 美紀", "miki.ando@gmail.example.com"), "Re: " + SUBJ_OFFER, """ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
下記の2の日程でお願いします。
規約についても承知しました。

安藤 美紀

""" + quote("gmail", "2026-11-24 15:10", offer("安藤 美紀", [("2026-11-30", "10:00"), ("2026-12-01", "14:00"), ("2026-12-03", "11:00")])),
    L("confirm", "安藤 美紀", email="miki.ando@gmail.example.com", choice=2),
    charset="UTF-8", cte="base64", client="gmail", reply=True, to_display=True,
    note="option number written as 「下記の2」"))

# 【申込者】 label, 14時ー15時 typed with the long-vowel mark
add(Mail("2026-11-27 21:00:14", ("", "ryota.k.0923@gmail.example.com"), "オンライン相談の予約", """ハローワーク秋田さま

【申込者】菊池 亮太
【求職番号】05020-66318540
【希望日時】12月3日（木） 14時ー15時
【携帯】080-5567-1123

よろしくお願いします
""", L("book", "菊池 亮太", "05020-66318540", "ryota.k.0923@gmail.example.com", "080-5567-1123",
       [R("2026-12-03", "14:00", "15:00")]),
    charset="UTF-8", cte="8bit", client="android",
    note="【申込者】 as the name label; span written 14時ー15時 with katakana ー"))

# wishes laid out vertically: date and time on separate lines
add(Mail("2026-12-02 16:10:55", ("近藤 由美", "yumi.kondo@example.jp"), "オンライン職業相談の予約", """ハローワーク秋田
オンライン職業相談ご担当者様

近藤由美と申します。オンライン職業相談の予約をお願いします。

■第1希望
　12月8日（火）
　午前10時
■第2希望
　12月9日（水）
　午後

求職番号：05030-19920476
電話：090-7710-2259
""", L("book", "近藤由美", "05030-19920476", "yumi.kondo@example.jp", "090-7710-2259",
       [R("2026-12-08", "10:00"), R("2026-12-09", "13:00", "17:00")]),
    charset="ISO-2022-JP", cte="7bit", client="thunderbird",
    note="date and time of each wish on separate lines"))

# declines the offer with 「今回は結構です」
add(Mail("2026-12-16 08:40:19", ("小笠原 淳", "jun.ogasawara@example.com"), "Re: " + SUBJ_OFFER, """ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
申し訳ありませんが、今回は結構です。
また必要になりましたら、こちらから連絡いたします。

小笠原 淳

""" + quote("thunderbird", "2026-12-15 14:30", offer("小笠原 淳", [("2026-12-21", "10:00"), ("2026-12-22", "13:00")])),
    L("cancel", "小笠原 淳", email="jun.ogasawara@example.com"),
    charset="UTF-8", cte="quoted-printable", client="thunderbird", reply=True,
    note="declines the offer with 今回は結構です -> cancel"))


# ---------------------------------------------------------------- self-checks -----------------
_DATE_WD = re.compile(r"(?:(\d{4})年)?(\d{1,2})[月/](\d{1,2})日?\s*[（(]([月火水木金土日])")


def check(key: str, m: Mail) -> None:
    """Every weekday written next to a date must match the calendar; labels are well-formed."""
    text = unicodedata.normalize("NFKC", m.body + (m.html or ""))
    sent = dt.date.fromisoformat(m.date[:10])
    for y, mo, d, wd in _DATE_WD.findall(text):
        year = int(y) if y else (sent.year if int(mo) >= sent.month - 1 else sent.year + 1)
        real = WD[dt.date(year, int(mo), int(d)).weekday()]
        if real != wd and not m.weekday_mismatch_ok:
            raise AssertionError(f"{key}: {mo}/{d} is {real}, text says {wd}")
    assert set(m.label) == {"intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant"}
    for r in m.label["requested"]:
        day = dt.date.fromisoformat(r["date"])
        assert day >= sent, f"{key}: requested {day} before the mail"
    if m.label["email"] is None:
        raise AssertionError(f"{key}: email label missing")
    assert "2026-11-16" <= m.date[:10] <= "2026-12-22", key


def main(out: Path = HERE) -> None:
    MAILS.sort(key=lambda m: m.date)
    labels, meta = {}, {}
    for old in out.glob("k*.eml"):
        old.unlink()
    for i, m in enumerate(MAILS, 1):
        key = f"k{i:03d}"
        check(key, m)
        (out / f"{key}.eml").write_bytes(render(key, m))
        labels[f"{key}.eml"] = m.label
        meta[f"{key}.eml"] = {"charset": m.charset, "transfer_encoding": m.cte, "structure": m.structure,
                              "client": m.client, "note": m.note}
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(MAILS)} messages to {out}")


if __name__ == "__main__":
    main()
