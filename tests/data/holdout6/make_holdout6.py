"""Generate the sixth blind hold-out set: NNN.eml, labels.json, meta.json, known_misses.json.

Why it exists: the parser is tuned on the shared examples and on earlier hold-out sets; this set
was written without reading the parser (only its output schema, `mailbot/understand/model.py`),
so the figures it yields once, blind, estimate how the parser does on mail it has never seen.

Each message is built from an *unquoted* body, which is the only source of its labels, plus an
optional quoted office mail (written here, in the office's voice) and the headers a real client
would add. Standard library only, deterministic, CRLF line ends. `main(out)` writes the set and
asserts its own labels (see `check`): every weekday written next to a date (in the body and in the
quoted office mail) against the calendar; every relative wish (明日, 来週, 再来週, 週明け, 同じ週,
翌週, 月末, 第N) re-derived on its own from the JST date of the Date header; each labelled value
present in the unquoted text; the chosen number within the quoted offer; round-trip decoding of
every body and header; and the intent/field combinations below. In meta.json a note starting
with ``KIND`` marks one of the parser issue's special kinds; they are about a third of the set.

Label conventions (the same as holdout5's, written down here):

* ``intent``: book (a first request, or a reply that supplies what we asked for), confirm (the
  reply to our offer that picks or accepts a slot), cancel (cancels a booking, withdraws a request
  or declines an offer), reschedule, question, automated (auto-replies, bounces, delay notices,
  lists, no-reply systems), other (sales, spam, thanks, misdirected mail, documents sent).
* ``name``: the seeker's name as written in the unquoted text, family name first; a full-width
  space becomes one ASCII space, no space stays no space (``東海林さくら``), furigana in
  brackets is dropped, a surname alone stays a surname (``木村``), katakana and romaji names as
  written. Never taken from the From display name or the quote (no name written -> null).
  In sales/other mail it is the writer's name. Automated mail: null.
* ``seeker_number``: always ``DDDDD-DDDDDDDD`` (5 + 8 digits), whatever separator, width or
  spacing was written.
* ``email``: the contact address the writer gives in the body, else the From address; lowercase.
* ``phone``: the writer's own phone, half-width, hyphens kept where written (``ー``/``－`` as
  hyphens become ``-``), none where none were written; ``+81 90…`` becomes ``090…``. A phone in
  the writer's personal signature counts; an employer's or shop's phone does not when the writer
  gives a personal one, nor does the office's phone in a quote. Sales/other mail: the writer's.
* ``requested``: wishes only, in the order written: ``{"date", "start", "end"}``. One time ->
  start only (end null; ``14:00～`` open-ended too); a span -> start and end; 午前/午前中/morning ->
  09:00-12:00 and 午後/afternoon -> 13:00-17:00 (`rules/policy.yaml` windows); a whole day
  (終日, 何時でも, no time) -> start and end null. Bare 1時-5時 are afternoon (13:00-17:00 clock).
  Two hours on one day are two wishes. A restated offered slot in a confirm is a wish (with the
  slot's end). Not wishes: the existing booking's date in a reschedule or cancel, dates of
  interviews, past visits, closures, opening hours, signatures, questions, auto-replies, quotes.
  Dates the office cannot serve (weekends, 12/29-1/3) are still labelled as asked.
* ``choice``: the option number picked from our numbered offer (1., ①, ２番, 一番, 2番目, "Number
  2"), only on confirm; null when the slot is accepted without a number. When the number and the
  restated time disagree both are labelled as written.
* ``attendant``: interpreter (any interpreter, incl. sign language, asked for or brought),
  caregiver (介助者, ヘルパー, 介護), other (family, job coach, support worker), null when nobody
  joins or the writer says none is needed.

Run: python tests/data/holdout6/make_holdout6.py [OUT]
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
UTC = dt.timezone.utc
OFFICE = "online-soudan@akita-hw.example.jp"
OFFICE_NAME = "ハローワーク秋田"
WEEKDAYS = "月火水木金土日"
EN_DAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTH = ("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December")
AM = ("09:00", "12:00")
PM = ("13:00", "17:00")


# ============================================================ calendar helpers ===================

def D(m: int, d: int, y: int = 2026) -> dt.date:
    return dt.date(y, m, d)


def youbi(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def ymd(m: int, d: int, y: int = 2026, br: str = "（）") -> str:
    """``12月3日（木）``: the weekday is always computed, never typed."""
    return f"{m}月{d}日{br[0]}{youbi(D(m, d, y))}{br[1]}"


def slash(m: int, d: int, y: int = 2026, br: str = "()") -> str:
    return f"{m}/{d}{br[0]}{youbi(D(m, d, y))}{br[1]}"


_ZEN = str.maketrans("0123456789:-/()", "０１２３４５６７８９：－／（）")


def zen(text: str) -> str:
    """Full-width digits and punctuation, as many Japanese writers type them."""
    return text.translate(_ZEN)


_KANJI_DIGIT = "〇一二三四五六七八九"


def kansuji(n: int) -> str:
    if n < 10:
        return _KANJI_DIGIT[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _KANJI_DIGIT[tens]) + "十" + (_KANJI_DIGIT[ones] if ones else "")


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def next_week(base: dt.date, wd: int) -> dt.date:
    """来週X曜 / 週明け: weeks start on Monday."""
    return monday_of(base) + dt.timedelta(days=7 + wd)


def week_after_next(base: dt.date, wd: int) -> dt.date:
    """再来週X曜."""
    return monday_of(base) + dt.timedelta(days=14 + wd)


def plus(base: dt.date, days: int) -> dt.date:
    return base + dt.timedelta(days=days)


def nth_weekday(y: int, m: int, n: int, wd: int) -> dt.date:
    """第n X曜日 of a month."""
    first = dt.date(y, m, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


def last_weekday(y: int, m: int, wd: int) -> dt.date:
    """月末のX曜: the last X-day of the month."""
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def W(day: dt.date, start: str | None = None, end: str | None = None) -> dict:
    """One labelled wish."""
    return {"date": day.isoformat(), "start": start, "end": end}


def T(m: int, d: int, hh: int, mm: int, ss: int = 0, y: int = 2026) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=JST)


def rfc2822(t: dt.datetime) -> str:
    return (f"{EN_DAY[t.weekday()][:3]}, {t.day:02d} {EN_MONTH[t.month - 1][:3]} {t.year} "
            f"{t:%H:%M:%S} {t:%z}")


# ============================================================ text encodings =====================

def _sjis_pair_to_jis(b1: int, b2: int) -> bytes:
    row = (b1 - 0x81 if b1 < 0xA0 else b1 - 0xC1) * 2 + 0x21
    if b2 >= 0x9F:
        return bytes([row + 1, b2 - 0x7E])
    return bytes([row, b2 - (0x1F if b2 < 0x7F else 0x20)])


def _jis_pair_to_sjis(j1: int, j2: int) -> bytes:
    b1 = (j1 - 0x21) // 2 + (0x81 if j1 < 0x5F else 0xC1)
    if j1 % 2:
        b2 = j2 + (0x1F if j2 < 0x60 else 0x20)
    else:
        b2 = j2 + 0x7E
    return bytes([b1, b2])


def encode_jis(text: str) -> bytes:
    """ISO-2022-JP the way Windows clients (CP50220) write it: every double-byte character goes
    through its cp932 code (so NEC row 13 ①㈱℡ and NEC-selected IBM kanji 髙德彅 are kept),
    half-width kana as JIS X 0201 katakana (ESC ( I)."""
    out, mode = bytearray(), "A"
    for ch in text:
        if ord(ch) < 0x80:
            want, code = "A", ch.encode("ascii")
        elif 0xFF61 <= ord(ch) <= 0xFF9F:
            want, code = "K", bytes([ord(ch) - 0xFF61 + 0x21])
        else:
            sj = ch.encode("cp932")
            if len(sj) != 2 or sj[0] >= 0xF0:
                raise ValueError(f"no JIS code for {ch!r}")
            want, code = "J", _sjis_pair_to_jis(sj[0], sj[1])
        if want != mode:
            out += {"A": b"\x1b(B", "K": b"\x1b(I", "J": b"\x1b$B"}[want]
            mode = want
        out += code
    if mode != "A":
        out += b"\x1b(B"
    return bytes(out)


def decode_jis(raw: bytes) -> str:
    """The inverse of encode_jis, used only to check what we wrote."""
    out, mode, i = [], "A", 0
    while i < len(raw):
        if raw[i] == 0x1B:
            seq = raw[i:i + 3]
            mode = {b"\x1b(B": "A", b"\x1b(J": "A", b"\x1b(I": "K", b"\x1b$B": "J",
                    b"\x1b$@": "J"}[bytes(seq)]
            i += 3
        elif raw[i] in (0x0D, 0x0A):
            out.append(chr(raw[i]))
            i += 1
        elif mode == "A":
            out.append(chr(raw[i]))
            i += 1
        elif mode == "K":
            out.append(chr(raw[i] - 0x21 + 0xFF61))
            i += 1
        else:
            out.append(_jis_pair_to_sjis(raw[i], raw[i + 1]).decode("cp932"))
            i += 2
    return "".join(out)


CHARSETS = {  # family -> (label written in the header, encoder, decoder)
    "jis": ("ISO-2022-JP", encode_jis, decode_jis),
    "sjis": ("Shift_JIS", lambda s: s.encode("cp932"), lambda b: b.decode("cp932")),
    "utf8": ("UTF-8", lambda s: s.encode("utf-8"), lambda b: b.decode("utf-8")),
}


def to_crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def encoded_words(text: str, family: str, label: str | None = None, width: int = 10) -> str:
    """RFC 2047 B-encoded words, each self-contained (JIS words end in ASCII), folded."""
    if all(ord(c) < 0x80 for c in text):
        return text
    cs, enc, _ = CHARSETS[family]
    cs = label or cs
    chunks = [text[i:i + width] for i in range(0, len(text), width)]
    return "\r\n ".join(f"=?{cs}?B?{base64.b64encode(enc(c)).decode()}?=" for c in chunks)


def mailbox(display: str, address: str, family: str) -> str:
    if not display:
        return address
    if all(ord(c) < 0x80 for c in display):
        return f'"{display}" <{address}>' if re.search(r"[^\w .-]", display) else f"{display} <{address}>"
    return f"{encoded_words(display, family)} <{address}>"


def body_bytes(text: str, family: str, cte: str) -> bytes:
    _, enc, _ = CHARSETS[family]
    if cte in ("7bit", "8bit"):
        return enc(to_crlf(text))
    if cte == "base64":
        b64 = base64.b64encode(enc(to_crlf(text))).decode()
        return to_crlf("\n".join(b64[i:i + 76] for i in range(0, len(b64), 76)) + "\n").encode()
    if cte == "quoted-printable":
        qp = quopri.encodestring(enc(text.replace("\r\n", "\n")))
        return to_crlf(qp.decode("ascii")).encode("ascii")
    raise ValueError(cte)


# ============================================================ the office's own mails (quoted) ====

OFFICE_SIG = """――――――――――――――――――――――――
ハローワーク秋田（秋田公共職業安定所）
職業相談部門　オンライン職業相談担当
〒010-8506　秋田市茨島一丁目12番16号
電話　018-862-0000（平日 8:30～17:15）
メール　online-soudan@akita-hw.example.jp
――――――――――――――――――――――――"""


def slot_line(i: int | None, day: dt.date, start: str, end: str) -> str:
    head = f"{i}. " if i is not None else ""
    return f"{head}{day.year}年{day.month}月{day.day}日({youbi(day)}) {start}～{end}"


def offer_mail(name: str, ref: str, slots: list[tuple[dt.date, str, str]],
               sent: dt.datetime) -> tuple[str, str]:
    """(subject, text) of our numbered offer."""
    lines = "\n".join(slot_line(i, *s) for i, s in enumerate(slots, 1))
    first = min(s[0] for s in slots)
    deadline = first - dt.timedelta(days=1)
    if len(slots) == 1:
        pick = "この日時でよろしければ、このメールにそのままご返信ください。"
    else:
        pick = "ご都合のよい番号を、このメールへの返信でお知らせください（例：「1番でお願いします」）。"
    return (f"【ハローワーク秋田】オンライン職業相談 日時のご案内 [予約番号 {ref}]",
            f"""{name} 様

いつもハローワーク秋田をご利用いただき、ありがとうございます。
オンライン職業相談の担当です。

お申し込みの内容を確認しました。次の日時でご案内できます。

{lines}

{pick}
ご返信をもって、添付の「オンライン職業相談等利用規約」に同意いただいたものとし、
ご予約を確定します。
返信の期限：{deadline.year}年{deadline.month}月{deadline.day}日({youbi(deadline)}) 23:59

※相談は1回50分、Tele Office（ビデオ通話）で行います。
※日時の変更・キャンセルも、このメールへの返信でご連絡ください。

{OFFICE_SIG}""")


def confirmed_mail(name: str, ref: str, slot: tuple[dt.date, str, str], room: str) -> tuple[str, str]:
    day, start, end = slot
    return (f"【ハローワーク秋田】オンライン職業相談 ご予約確定のお知らせ [予約番号 {ref}]",
            f"""{name} 様

オンライン職業相談のご予約が確定しましたので、お知らせします。

■日時　　{slot_line(None, day, start, end)}
■方法　　Tele Office（ビデオ通話）
■接続先　https://teleoffice.example.jp/join/{room}
■予約番号　{ref}

相談日の前日に、接続先を記したお知らせをもう一度お送りします。
キャンセルは前日までにこのメールへの返信で、当日は電話でお願いします。

{OFFICE_SIG}""")


def needs_info_mail(name: str, items: list[str]) -> tuple[str, str]:
    listed = "\n".join(f"・{x}" for x in items)
    return ("【ハローワーク秋田】オンライン職業相談 お申し込み内容の確認",
            f"""{name} 様

オンライン職業相談へのお申し込み、ありがとうございます。
ご予約をお取りするため、次の項目をこのメールへの返信でお知らせください。

{listed}

求職番号は、ハローワーク受付票の右上に記載されている13桁の番号です。

{OFFICE_SIG}""")


def reminder_mail(name: str, ref: str, slot: tuple[dt.date, str, str], room: str) -> tuple[str, str]:
    day, start, end = slot
    return (f"【ハローワーク秋田】明日のオンライン職業相談について [予約番号 {ref}]",
            f"""{name} 様

明日のオンライン職業相談のお知らせです。

■日時　　{slot_line(None, day, start, end)}
■接続先　https://teleoffice.example.jp/join/{room}

開始5分前までに接続先を開いてお待ちください。
開始から10分を過ぎても入室がない場合は、キャンセルとして扱います。

{OFFICE_SIG}""")


# ============================================================ quoting styles =====================

def _h12(t: dt.datetime) -> str:
    return f"{(t.hour - 1) % 12 + 1}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"


def quote_parts(style: str, sent: dt.datetime, subject: str, text: str, to: str) -> tuple[str, str]:
    """(attribution / header block, quoted text) as the named client writes them."""
    gt = "\n".join(f"> {x}" if x else ">" for x in text.split("\n"))
    w = youbi(sent.date())
    if style == "gmail_ja":
        return f"{sent.year}年{sent.month}月{sent.day}日({w}) {sent:%H:%M} {OFFICE_NAME} <{OFFICE}>:", gt
    if style == "gmail_ja_wrapped":
        return f"{sent.year}年{sent.month}月{sent.day}日({w}) {sent:%H:%M} {OFFICE_NAME} <\n{OFFICE}>:", gt
    if style == "gmail_en":
        return (f"On {EN_DAY[sent.weekday()][:3]}, {EN_MONTH[sent.month - 1][:3]} {sent.day}, {sent.year}"
                f" at {_h12(sent)} {OFFICE_NAME} <{OFFICE}> wrote:", gt)
    if style == "iphone_ja":
        return f"{sent:%Y/%m/%d} {sent:%H:%M}、{OFFICE_NAME} <{OFFICE}>のメール:", gt
    if style == "iphone_ja_new":
        return f"{sent.year}年{sent.month}月{sent.day}日 {sent:%H:%M}、{OFFICE_NAME} <{OFFICE}>のメール:", gt
    if style == "thunderbird_ja":
        return f"{sent:%Y/%m/%d} {sent:%H:%M} に {OFFICE_NAME} さんは書きました:", gt
    if style == "thunderbird_new":
        return f"{OFFICE_NAME} wrote on {sent:%Y/%m/%d} {sent:%H:%M}:", gt
    if style == "becky":
        return f"On {rfc2822(sent)[5:]}\n\"{OFFICE_NAME}\" <{OFFICE}> wrote:", gt
    if style == "yahoo_ja":
        return (f"----- Original Message -----\nFrom: {OFFICE_NAME} <{OFFICE}>\nTo: <{to}>\n"
                f"Date: {sent:%Y/%m/%d} ({w}) {sent:%H:%M}\nSubject: {subject}\n", gt)
    if style == "docomo":
        return (f"-----Original Message-----\nFrom:{OFFICE}\nSent:{rfc2822(sent)}\nTo:{to}\n"
                f"Subject:{subject}\n", gt)
    if style == "au_zenkaku":
        return (f"--- {OFFICE_NAME} さんからのメール ---",
                "\n".join(f"＞{x}" for x in text.split("\n")))
    if style == "outlook_ja":
        return (f"差出人: {OFFICE_NAME} <{OFFICE}>\n送信日時: {sent.year}年{sent.month}月{sent.day}日"
                f" {w}曜日 {sent:%H:%M}\n宛先: {to}\n件名: {subject}\n", text)
    if style == "outlook_en":
        return (f"________________________________\nFrom: {OFFICE_NAME} <{OFFICE}>\n"
                f"Sent: {EN_DAY[sent.weekday()]}, {EN_MONTH[sent.month - 1]} {sent.day}, {sent.year}"
                f" {_h12(sent)}\nTo: {to}\nSubject: {subject}\n", text)
    if style == "outlook_orig":
        return (f"-----Original Message-----\nFrom: {OFFICE_NAME} <{OFFICE}> \n"
                f"Sent: {EN_DAY[sent.weekday()]}, {EN_MONTH[sent.month - 1]} {sent.day}, {sent.year}"
                f" {_h12(sent)}\nTo: {to}\nSubject: {subject}\n", text)
    if style == "wlmail":
        return (f"----- Original Message ----- \nFrom: \"{OFFICE_NAME}\" <{OFFICE}>\nTo: <{to}>\n"
                f"Sent: {EN_DAY[sent.weekday()]}, {EN_MONTH[sent.month - 1]} {sent.day}, {sent.year}"
                f" {_h12(sent)}\nSubject: {subject}\n", gt)
    raise ValueError(style)


# ============================================================ HTML renderings ====================

def _esc_lines(text: str, sep: str) -> str:
    return sep.join(html.escape(x).replace("  ", "&nbsp; ") for x in text.split("\n"))


def html_doc(kind: str, body: str, qhead: str = "", qtext: str = "", family: str = "utf8") -> str:
    """The HTML part a client of this kind writes for body (+ quote)."""
    cs = CHARSETS[family][0]
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={cs.lower()}">'
    lines = body.rstrip("\n").split("\n")
    if kind == "gmail":
        inner = "".join(f"<div>{html.escape(x)}</div>" if x else "<div><br></div>" for x in lines)
        doc = f'<div dir="ltr">{inner}</div>'
        if qtext:
            doc += (f'<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" '
                    f'class="gmail_attr">{_esc_lines(qhead, "<br>")}<br></div>'
                    f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                    f'border-left:1px solid rgb(204,204,204);padding-left:1ex">'
                    f'{_esc_lines(qtext, "<br>")}</blockquote></div>')
        return f"<html><head>{meta}</head><body>{doc}</body></html>\n"
    if kind == "outlook":
        ps = "\n".join(f'<p class="MsoNormal">{html.escape(x) if x else "<o:p>&nbsp;</o:p>"}</p>'
                       for x in lines)
        if qtext:
            head = "".join(f"<b>{html.escape(k)}</b>{html.escape(v)}<br>"
                           for k, v in (re.match(r"([^:]+:)(.*)", x).groups()
                                        for x in qhead.strip().split("\n") if ":" in x))
            ps += ('\n<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0mm 0mm 0mm">'
                   f'<p class="MsoNormal">{head}</p></div>\n'
                   + "\n".join(f'<p class="MsoNormal">{html.escape(x) if x else "&nbsp;"}</p>'
                               for x in qtext.split("\n")))
        return (f'<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>{meta}'
                '<style><!-- p.MsoNormal {margin:0mm;font-size:10.5pt;font-family:"游ゴシック";} --></style>'
                f'</head><body lang="JA" link="#0563C1"><div class="WordSection1">\n{ps}\n</div></body></html>\n')
    if kind == "apple":
        inner = "".join(f"<div>{html.escape(x) if x else '<br>'}</div>" for x in lines)
        if qtext:
            inner += (f'<div><br><blockquote type="cite">{_esc_lines(qhead, "<br>")}<br><br>'
                      f'{_esc_lines(qtext, "<br>")}</blockquote></div>')
        return (f'<html><head>{meta}</head><body dir="auto">{inner}</body></html>\n')
    if kind == "webmail":
        inner = _esc_lines(body.rstrip("\n"), "<br>\n")
        if qtext:
            inner += f"<br>\n<br>\n{_esc_lines(qhead, '<br>')}<br>\n{_esc_lines(qtext, '<br>' + chr(10))}"
        return (f'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html><head>{meta}'
                f'</head><body style="font-size:12px">{inner}</body></html>\n')
    if kind == "table":  # a hand-made HTML form: "field | value" rows between prose
        out, rows = [], []
        for x in lines:
            m = re.match(r"^([^：]{1,8})：(.+)$", x)
            if m:
                rows.append(f"<tr><th align=left>{html.escape(m[1])}</th><td>{html.escape(m[2])}</td></tr>")
                continue
            if rows:
                out.append('<table border="1" cellpadding="4">' + "".join(rows) + "</table>")
                rows = []
            out.append(f"<p>{html.escape(x)}</p>" if x else "")
        if rows:
            out.append('<table border="1" cellpadding="4">' + "".join(rows) + "</table>")
        return f"<html><head>{meta}</head><body>{''.join(out)}</body></html>\n"
    raise ValueError(kind)


def html_text(doc: str) -> str:
    """Rough visible text of our own HTML, for the self-check only."""
    t = re.sub(r"<style>.*?</style>", "", doc, flags=re.S)
    t = re.sub(r"<(br|/div|/p|/tr|/table|/blockquote)[^>]*>", "\n", t)
    t = re.sub(r"<[^>]+>", " ", t)
    return html.unescape(t).replace("\xa0", " ")


# ============================================================ clients (headers) ==================

def client_headers(client: str, seed: str, domain: str) -> tuple[list[str], str]:
    """(extra headers, Message-ID) typical of a mail client."""
    h = hashlib.sha256(seed.encode()).hexdigest()
    table = {
        "outlook": (["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AQH" + h[:24],
                     "Content-Language: ja"], f"<00{h[:8]}{h[8:12]}$" f"{h[12:20]}$" f"{h[20:28]}@{domain}>"),
        "outlook_mac": (["User-Agent: Microsoft-MacOutlook/16.90.24110818", "Content-Language: ja-JP"],
                        f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:28].upper()}@{domain}>"),
        "thunderbird": (["User-Agent: Mozilla Thunderbird", "Content-Language: ja"],
                        f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:28]}@{domain}>"),
        "becky": (["X-Mailer: Becky! ver. 2.82.01 [ja]"], f"<20261{h[:7].upper()}.{h[7:13].upper()}.B2-{h[13:17]}@{domain}>"),
        "gmail": ([], f"<CAK{h[:8]}{h[8:40].upper()}@mail.gmail.com>"),
        "iphone": (["X-Mailer: iPhone Mail (22C152)"],
                   f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:28].upper()}@{domain}>"),
        "android": (["User-Agent: K-9 Mail for Android"], f"<{h[:12]}.{h[12:20]}@{domain}>"),
        "docomo": (["X-Mailer: docomo mail"], f"<{h[:22]}@docomo.ne.jp.example>"),
        "au": (["X-Mailer: au one mail"], f"<{h[:6]}{h[6:14].upper()}@ezweb.example.ne.jp>"),
        "softbank": (["X-Mailer: SoftBank Mail"], f"<{h[:18]}.sb@softbank.example.ne.jp>"),
        "yahoo": (["X-Mailer: Yahoo! Mail for Android"], f"<{h[:26]}@mail.yahoo.example.co.jp>"),
        "wlmail": (["X-Mailer: Microsoft Windows Live Mail 16.4.3528.331", "X-MimeOLE: Produced By Microsoft MimeOLE"],
                   f"<{h[:4].upper()}{h[4:20].upper()}@{h[20:24]}PC>"),
        "webmail": (["X-Mailer: Active! mail"], f"<20261{h[:10]}.{h[10:20]}@{domain}>"),
        "mta": ([], f"<{h[:14]}.{h[14:20]}@{domain}>"),
        "system": (["X-Mailer: notifier/3.2"], f"<notice.{h[:20]}@{domain}>"),
    }
    return table[client]


# ============================================================ the set ============================

M: list[dict] = []
FROM = object()  # email label default: the From address


def L(intent: str, name=None, sn=None, email=FROM, phone=None, req=(), choice=None, att=None) -> dict:
    return {"intent": intent, "name": name, "seeker_number": sn, "email": email, "phone": phone,
            "requested": list(req), "choice": choice, "attendant": att}


def mail(when: dt.datetime, frm: tuple[str, str], subject: str, body: str, labels: dict, note: str, *,
         family: str = "utf8", cte: str = "base64", client: str = "gmail", struct: str = "plain",
         html_kind: str = "gmail", quote: tuple | None = None, below: bool = False, extra=(),
         header_tz: dt.tzinfo | None = None, charset_label: str | None = None,
         attachment: tuple[str, str, bytes] | None = None, rel: list | None = None) -> None:
    """Declare one message. quote = (style, sent, (subject, text)); below = reply under the quote.
    rel = one entry per labelled wish when the body states dates relatively: None for a written
    date, else the phrase it came from, e.g. ("来週", 1), ("同じ週", anchor, 2), ("第", 12, 2, 2);
    check() re-derives each such date on its own and compares."""
    if labels["email"] is FROM:
        labels["email"] = frm[1].lower()
    M.append(dict(when=when, frm=frm, subject=subject, body=body, labels=labels, note=note,
                  family=family, cte=cte, client=client, struct=struct, html_kind=html_kind,
                  quote=quote, below=below, extra=list(extra), header_tz=header_tz,
                  charset_label=charset_label, attachment=attachment, rel=rel))


def Q(style: str, sent: dt.datetime, office: tuple[str, str]) -> tuple:
    return (style, sent, office)


HELLO = "ハローワーク秋田\nオンライン職業相談 ご担当者様\n"


# ============================================================ first requests (book) ==============

mail(T(11, 24, 9, 12, 41), ("佐々木 健一", "kenichi.sasaki@example.jp"), "オンライン職業相談の申し込み",
     f"""{HELLO}
はじめてご連絡いたします。佐々木と申します。
先日、窓口でオンライン相談のご案内をいただいたので、申し込みをさせてください。

お名前：佐々木 健一
求職番号：05010-20318844
ご希望：{ymd(12, 3)} 午前10時
電話：090-3312-5870

平日の日中は電話に出られないことがありますので、メールでご連絡いただけると助かります。
よろしくお願いいたします。
""", L("book", "佐々木 健一", "05010-20318844", phone="090-3312-5870", req=[W(D(12, 3), "10:00")]),
     "plain labelled form; 午前10時", family="jis", cte="7bit", client="thunderbird")

mail(T(11, 24, 13, 40, 12), ("工藤 真由美", "mayumi-kudo@example.ne.jp"), "オンライン職業相談申込み（工藤）",
     f"""ハローワーク秋田　御中

お世話になっております。
オンライン職業相談の申込みをいたします。

１．氏名　　　　工藤　真由美（くどう　まゆみ）
２．求職番号　　{zen('05020-11573062')}
３．希望日時　　{zen(ymd(12, 4))}　{zen('14:00')}～
４．電話番号　　{zen('080-6120-4437')}
５．同席者　　　なし

以上、よろしくお願いいたします。
""", L("book", "工藤 真由美", "05020-11573062", phone="080-6120-4437", req=[W(D(12, 4), "14:00")]),
     "KIND numbered form fields (１．氏名 ２．求職番号 …) in full-width; open-ended 14:00～; 同席者なし",
     family="sjis", cte="base64", client="wlmail")

mail(T(11, 24, 20, 5, 33), ("", "ryo-h.0612@ezweb.example.ne.jp"), "予約",
     """オンライン相談の予約したいです
畠山亮です
求職番号0503065028817
12月2日水曜の午後がいいです
07044019926
""", L("book", "畠山亮", "05030-65028817", phone="07044019926", req=[W(D(12, 2), *PM)]),
     "carrier mobile lines without punctuation; digits run together; 水曜 without brackets",
     family="sjis", cte="8bit", client="au")

mail(T(11, 25, 10, 30, 2), ("四十物 千夏", "chinatsu.aimono@example.com"), "オンライン職業相談の予約をお願いします",
     """ハローワーク秋田 オンライン職業相談ご担当様

はじめまして。四十物 千夏（あいもの ちなつ）と申します。
珍しい苗字で読みにくく申し訳ありません。

事務職への再就職を考えており、応募書類の書き方を相談したく、
オンライン職業相談を予約させていただきたくご連絡しました。

■求職番号：05010-73391560
■希望日時
　第一希望　12月7日（月）10:00～11:00
　第二希望　12月8日（火）10:00～11:00
■電話番号：090-7718-0243

どうぞよろしくお願いいたします。

四十物 千夏
""", L("book", "四十物 千夏", "05010-73391560", phone="090-7718-0243",
       req=[W(D(12, 7), "10:00", "11:00"), W(D(12, 8), "10:00", "11:00")]),
     "rare surname with furigana; 第一/第二希望 spans", cte="quoted-printable", client="outlook")

mail(T(11, 25, 15, 20, 9), ("小番 拓也", "kotsugai@hana-komachi.example.jp"), "オンライン職業相談のお願い",
     f"""ハローワーク秋田　オンライン相談ご担当者様

お世話になります。小番 拓也（こつがい たくや）です。
家業の花屋を手伝っていますが、来年から別の仕事に就きたいと考えており、
オンライン職業相談をお願いしたくご連絡しました。

店は水曜日が定休日なので、{ymd(12, 9)}の午前中にお願いできますでしょうか。

求職番号：05040-28836617
携帯：090-5530-2871（日中はこちらにお願いします）

よろしくお願いいたします。

＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
　花の店　こまち
　〒010-0001 秋田市中通四丁目3-8
　TEL 018-833-8741　FAX 018-833-8742
　営業時間 9:00～18:00（水曜定休）
　年末年始休業：{ymd(12, 30)}～{ymd(1, 3, 2027)}
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
""", L("book", "小番 拓也", "05040-28836617", phone="090-5530-2871", req=[W(D(12, 9), *AM)]),
     "KIND shop signature with opening hours and a holiday closure (not wishes); shop phone is not "
     "the contact", family="jis", cte="7bit", client="outlook")

_b = D(11, 25)
mail(T(11, 25, 18, 44, 50), ("東海林 さくら", "sakura.shoji@gmail.example.com"), "オンライン相談の希望",
     """ハローワーク秋田 ご担当者様

夜分に失礼いたします。東海林さくらと申します。
今年の春に前職を退職し、現在仕事を探しています。
子どもが小さく、なかなか窓口に行けないため、オンラインでの相談を希望します。

来週の火曜日か水曜日の午後でお願いできますか。
求職番号は05040-39127746です。
電話は080-2931-6605です。

よろしくお願いいたします。
""", L("book", "東海林さくら", "05040-39127746", phone="080-2931-6605",
       req=[W(next_week(_b, 1), *PM), W(next_week(_b, 2), *PM)]),
     "KIND name only in prose (…と申します, no space); 来週の火曜日か水曜日の午後 from Wed 11/25",
     struct="alt", html_kind="gmail", client="gmail", rel=[("来週", 1), ("来週", 2)])

mail(T(11, 26, 8, 15, 27), ("鳥海 慎吾", "shingo.chokai@example.ne.jp"), "オンライン職業相談 予約",
     """ハローワーク秋田 御中

オンライン職業相談の予約をお願いします。

氏名：鳥海 慎吾
求職番号：05030-52207318
希望日時：12月10日（木）13:30～14:30
電話：080-1952-3346

よろしくお願いします。
""", L("book", "鳥海 慎吾", "05030-52207318", phone="080-1952-3346",
       req=[W(D(12, 10), "13:30", "14:30")]),
     "HTML only: fields in an HTML table", struct="html", html_kind="table",
     cte="quoted-printable", client="webmail")

mail(T(11, 26, 12, 2, 18), ("簾内 恵", "megumi.sudareuchi@example.jp"), "相談予約のお願い",
     f"""ハローワーク秋田 ご担当者様

簾内 恵（すだれうち めぐみ）と申します。
オンライン職業相談を申し込みます。

{ymd(12, 3)}の14時か15時でお願いします。どちらでも構いません。

求職番号：05020-84410263
電話：018-869-2214（自宅）

よろしくお願いします。
""", L("book", "簾内 恵", "05020-84410263", phone="018-869-2214",
       req=[W(D(12, 3), "14:00"), W(D(12, 3), "15:00")]),
     "KIND two hours on one day (14時か15時); landline", family="jis", cte="7bit", client="becky")

_b = D(11, 26)
mail(T(11, 26, 17, 30, 4), ("加賀谷 陸", "riku.kagaya@example.com"), "職業相談したいです",
     """ハローワーク秋田の担当の方へ

加賀谷 陸です。オンラインで職業相談をしたいです。
来週はアルバイトのシフトが詰まっているので、再来週の月曜日の10時はどうでしょうか。
もし埋まっていたら、同じ週の水曜日の同じ時間でもいいです。

求職番号 05010-91184420
携帯 080-5573-0619
""", L("book", "加賀谷 陸", "05010-91184420", phone="080-5573-0619",
       req=[W(week_after_next(_b, 0), "10:00"), W(week_after_next(_b, 2), "10:00")]),
     "KIND 再来週の月曜 then 同じ週の水曜の同じ時間 (anchored to the first wish) from Thu 11/26",
     cte="8bit", client="android", rel=[("再来週", 0), ("同じ週", D(12, 7), 2)])

mail(T(11, 26, 21, 40, 36), ("", "tsubasa-t.1122@docomo.example.ne.jp"), "オンライン相談",
     """ハローワーク秋田さま
戸嶋つばさです
11月30日の月曜15:00からオンライン相談お願いします
求職番号05020-29948812
電話080-4418-3360
""", L("book", "戸嶋つばさ", "05020-29948812", phone="080-4418-3360", req=[W(D(11, 30), "15:00")]),
     "carrier mail, hiragana given name, no punctuation, no display name", family="sjis", cte="8bit",
     client="docomo")

mail(T(11, 27, 9, 45, 15), ("草彅 由香里", "yukari.kusanagi@example.co.jp"), "オンライン職業相談予約のお願い",
     f"""ハローワーク秋田　御中

いつもお世話になっております。草彅 由香里と申します。
オンライン職業相談の予約をお願いいたします。

【お名前】草彅 由香里
【求職番号】05020-60318852
【希望日】{slash(12, 8)} 午前
【連絡先】℡ 090-2284-7731

お手数をおかけしますが、よろしくお願いいたします。
""", L("book", "草彅 由香里", "05020-60318852", phone="090-2284-7731", req=[W(D(12, 8), *AM)]),
     "EXT: 彅 (NEC-selected IBM kanji) and ℡ (NEC row 13) in ISO-2022-JP, also in From; slash date",
     family="jis", cte="7bit", client="outlook")

mail(T(11, 27, 14, 10, 52), ("NGUYEN VAN PHUC", "phuc.nguyen.vn@gmail.example.com"), "そうだん の よやく",
     f"""ハローワーク秋田 の みなさま

はじめまして。わたしは グエン ヴァン フック です。
ベトナムから きました。いま 秋田市に すんでいます。
しごとを さがしています。そうだんを したいです。

にほんごは すこし わかりますが、むずかしい ことばは わかりません。
ベトナムごの つうやくの ひとと いっしょに さんか します。

{ymd(12, 10)} 午後2時 が いいです。

きゅうしょくばんごう：05030-90012475
でんわ：080-3347-1185

よろしく おねがいします。
""", L("book", "グエン ヴァン フック", "05030-90012475", phone="080-3347-1185",
       req=[W(D(12, 10), "14:00")], att="interpreter"),
     "KIND foreign seeker, katakana name in prose; simple hiragana Japanese; brings an interpreter; "
     "Latin display name", client="gmail")

mail(T(11, 27, 19, 58, 20), ("Maria Santos", "maria.santos.akt@example.com"), "Online job consultation (interpreter)",
     """Dear Hello Work Akita,

My name is Maria Santos. I live in Akita city and I am looking for a job in caregiving.
I would like to book an online job consultation (オンライン職業相談).
My Japanese is not good, so I would like to join with an interpreter (Tagalog).
My friend can interpret for me.

Could I have an appointment on December 11 (Fri) at 1:00 pm?
If that is not possible, December 14 (Mon) morning is also OK.

Job seeker number: 05010-47720913
Phone: 090-8126-5504

Thank you very much.
Maria Santos
""", L("book", "Maria Santos", "05010-47720913", phone="090-8126-5504",
       req=[W(D(12, 11), "13:00"), W(D(12, 14), *AM)], att="interpreter"),
     "KIND mail mostly in English asking for an interpreter; 1:00 pm; morning = 午前 window",
     cte="quoted-printable", client="thunderbird")

_b = D(11, 30)  # Sun 11/29 23:50 UTC is Mon 11/30 08:50 in Akita
mail(T(11, 30, 8, 50, 3), ("三浦 大樹", "daiki.miura@gmail.example.com"), "明日か明後日に相談できますか",
     """ハローワーク秋田 ご担当者様

おはようございます。三浦 大樹と申します。
急で申し訳ないのですが、明日の午後にオンライン職業相談をお願いできますか。
明日が難しければ、明後日の10時でも大丈夫です。

求職番号：05040-17736209
電話番号：090-4415-8832

よろしくお願いいたします。
""", L("book", "三浦 大樹", "05040-17736209", phone="090-4415-8832",
       req=[W(plus(_b, 1), *PM), W(plus(_b, 2), "10:00")]),
     "Date header in UTC (Sun 29 Nov 23:50 +0000 = Mon 11/30 JST): 明日 = Tue 12/1, 明後日 = Wed 12/2",
     client="gmail", struct="alt", header_tz=UTC, rel=[("明日",), ("明後日",)])

_b = D(11, 27)
mail(T(11, 27, 16, 40, 8), ("小松 玲子", "reiko.komatsu@icloud.example.com"), "オンライン相談の予約",
     """ハローワーク秋田 ご担当者様

お世話になります。小松 玲子と申します。
週明けの月曜、午前中にオンライン相談をお願いできますか。

求職番号：05020-40967731
携帯：070-8813-2905

iPhoneから送信
""", L("book", "小松 玲子", "05020-40967731", phone="070-8813-2905", req=[W(next_week(_b, 0), *AM)]),
     "KIND 週明けの月曜 from Fri 11/27 = Mon 11/30", cte="quoted-printable", client="iphone", rel=[("週明け", 0)])

mail(T(11, 30, 13, 5, 44), ("武田 昇", "noboru.takeda@example.ne.jp"), "オンライン職業相談について",
     """ハローワーク秋田 御中

武田 昇と申します。六十二歳です。
長年勤めた会社を定年退職し、もう少し働きたいと考えております。
息子からオンラインでも相談ができると聞き、メールいたしました。

十二月の第二水曜日の午前中にお願いできればと存じます。
求職番号は受付票が見当たらず、分かり次第お知らせいたします。

電話　018-845-6120

よろしくお願い申し上げます。
""", L("book", "武田 昇", phone="018-845-6120", req=[W(nth_weekday(2026, 12, 2, 2), *AM)]),
     "十二月の第二水曜日 (漢数字, = 12/9); no seeker number; the son is mentioned but does not join",
     family="jis", cte="7bit", client="becky", rel=[("第", 12, 2, 2)])

mail(T(11, 30, 16, 22, 31), ("菅原 和子", "kazuko.sugawara@example.jp"), "相談の予約（介助者同席）",
     f"""ハローワーク秋田 ご担当者様

菅原 和子と申します。
オンライン職業相談の予約をお願いいたします。
足が不自由で、パソコンの操作にも介助が必要なため、当日は介助者が隣に付き添います。

希望日時：{ymd(12, 15)} 13時～
求職番号：05010-83302957
電話：080-9024-1178

よろしくお願いいたします。
""", L("book", "菅原 和子", "05010-83302957", phone="080-9024-1178", req=[W(D(12, 15), "13:00")],
       att="caregiver"), "介助者 joins (caregiver); 13時～ open-ended", family="jis", cte="7bit",
     client="thunderbird")

mail(T(12, 1, 9, 3, 26), ("進藤 剛", "shindo@ramen-akitsuki.example.jp"), "オンライン職業相談の申込",
     f"""ハローワーク秋田 オンライン職業相談 ご担当者様

お世話になります。進藤 剛と申します。
現在は飲食店に勤めていますが、来春までに転職したいと考えています。
オンライン職業相談をお願いできますでしょうか。

希望日時：{ymd(12, 7)} 16時から
求職番号：05030-77401536
連絡先：携帯 080-4462-1108

店の電話には出られないことが多いので、携帯かメールにお願いします。

-- 
らーめん 秋月（あきづき）
〒010-0001 秋田市中通二丁目8-1
TEL 018-835-0912
営業時間 11:00～15:00 / 17:00～21:00
定休日 毎週火曜日（12月31日～1月2日は休業）
""", L("book", "進藤 剛", "05030-77401536", phone="080-4462-1108", req=[W(D(12, 7), "16:00")]),
     "KIND workplace signature with opening hours, closing day and a year-end closure (not wishes); "
     "shop phone not the contact", client="outlook")

_b = D(12, 1)
mail(T(12, 1, 12, 47, 59), ("石川 瞳", "hitomi-ishikawa@yahoo.example.co.jp"), "オンライン職業相談の予約",
     """ハローワーク秋田
ご担当者様

石川 瞳です。オンライン職業相談を予約したくメールしました。
今月は仕事の整理で忙しく、月末の金曜日の午後なら確実に空いています。
その日でお願いできますか。

求職番号：05020-25593014
電話：090-6631-4470
""", L("book", "石川 瞳", "05020-25593014", phone="090-6631-4470",
       req=[W(last_weekday(2026, 12, 4), *PM)]),
     "KIND 月末の金曜日 (last Friday of December = 12/25), written on Tue 12/1",
     cte="quoted-printable", client="yahoo", rel=[("月末", 4)])

mail(T(12, 1, 18, 30, 11), ("柴田 颯太", "sota.shibata@icloud.example.com"), "オンライン相談",
     """ハローワーク秋田さま

柴田 颯太です。オンライン相談お願いします！
12/4(金)か12/7(月)の15時〜16時がいいです。

求職番号 05010 55820147
電話 08055127703

iPhoneから送信
""", L("book", "柴田 颯太", "05010-55820147", phone="08055127703",
       req=[W(D(12, 4), "15:00", "16:00"), W(D(12, 7), "15:00", "16:00")]),
     "one span shared by two slash dates; seeker number split by a space; iPhone alternative",
     struct="alt", html_kind="apple", cte="quoted-printable", client="iphone")

mail(T(12, 2, 10, 10, 37), ("今野 ゆかり", "yukari.konno@example.jp"), "オンライン職業相談予約",
     f"""ハローワーク秋田　ご担当者様

お世話になっております。今野 ゆかりです。
オンライン職業相談の予約をお願いいたします。

希望日時：令和８年{zen(ymd(12, 11))}　午前{zen('10')}時半
求職番号：{zen('05040-63380127')}
電話番号：{zen('090-2716-5538')}

何卒よろしくお願い申し上げます。
""", L("book", "今野 ゆかり", "05040-63380127", phone="090-2716-5538", req=[W(D(12, 11), "10:30")]),
     "和暦 with full-width digits; 午前１０時半", family="jis", cte="7bit", client="outlook")

mail(T(12, 2, 14, 35, 3), ("阿部 直樹", "naoki.abe@example.ne.jp"), "オンライン職業相談申し込み",
     f"""ハローワーク秋田
オンライン職業相談ご担当者様

阿部 直樹と申します。
オンライン職業相談を申し込みます。

{ymd(12, 8)}の10時を希望します。
その日が難しい場合は、その翌週の同じ曜日、同じ時間でお願いします。

求職番号：05030-14458830
電話：080-7781-2264

よろしくお願いします。
""", L("book", "阿部 直樹", "05030-14458830", phone="080-7781-2264",
       req=[W(D(12, 8), "10:00"), W(plus(D(12, 8), 7), "10:00")]),
     "KIND その翌週の同じ曜日、同じ時間 anchored to the first wish (12/8 -> 12/15)", family="sjis",
     cte="8bit", client="wlmail", rel=[None, ("翌週", D(12, 8))])

mail(T(12, 2, 21, 12, 45), ("", "mariko.c-0927@docomo.example.ne.jp"), "相談",
     "千葉真理子です オンラインの相談をお願いしたいです 12月9日水曜の10時半で 求職番号05020-38815520 電話090-6618-3307\n",
     L("book", "千葉真理子", "05020-38815520", phone="090-6618-3307", req=[W(D(12, 9), "10:30")]),
     "KIND mobile one-liner without punctuation, everything on one line", family="sjis", cte="8bit",
     client="docomo")

mail(T(12, 3, 9, 20, 14), ("", "kimura.sy@example.ne.jp"), "オンライン職業相談の予約",
     f"""ハローワーク秋田 オンライン職業相談ご担当者様

木村です。オンライン職業相談の予約をお願いします。
{ymd(12, 10)}の午後3時でお願いします。

求職番号：05030-27761094
連絡先：080-2273-9015
""", L("book", "木村", "05030-27761094", phone="080-2273-9015", req=[W(D(12, 10), "15:00")]),
     "KIND surname only; 午後3時", cte="8bit", client="thunderbird")

mail(T(12, 3, 13, 15, 56), ("茂木 聡", "s-motegi@kitanihon-techno.example.co.jp"), "オンライン職業相談のお願い",
     f"""ハローワーク秋田 ご担当者様

お世話になっております。茂木 聡と申します。
在職中のため、平日は夕方しか時間が取れません。
{ymd(12, 11)}の16時から、オンライン職業相談をお願いできますでしょうか。

求職番号：05040-50916283
携帯電話：070-3305-8846

※会社のメールアドレスから失礼します。ご返信は下記の個人アドレスにお願いいたします。
　satoshi.motegi.home@example.jp

――――――――――――
株式会社北日本テクノ　製造部
茂木 聡
TEL 018-880-3100（代表）
――――――――――――
""", L("book", "茂木 聡", "05040-50916283", "satoshi.motegi.home@example.jp", "070-3305-8846",
       [W(D(12, 11), "16:00")]),
     "reply-to address in the body differs from the company From; company switchboard in signature",
     cte="quoted-printable", client="outlook")

mail(T(12, 3, 17, 48, 22), ("鈴木 一郎", "ichiro.suzuki.akita@gmail.example.com"), "相談予約の件",
     f"""ハローワーク秋田 ご担当者様

鈴木 一郎と申します。
オンライン職業相談の予約をお願いしたいです。
{ymd(12, 14)}でしたら一日中空いていますので、時間はお任せします。

求職番号：05010-30027745
電話：090-1184-6620
""", L("book", "鈴木 一郎", "05010-30027745", phone="090-1184-6620", req=[W(D(12, 14))]),
     "common name; a whole day (一日中, 時間はお任せ) -> null times", struct="alt", html_kind="gmail",
     client="gmail")

_b = D(12, 4)
mail(T(12, 4, 8, 5, 40), ("Li Xiuying", "li.xiuying@example.com"), "オンライン職業相談の予約",
     """ハローワーク秋田 ご担当者様

はじめまして。李秀英（リ シュウエイ）と申します。中国の出身です。
日本に来て8年になり、日本語で相談できますので、通訳はいりません。
オンライン職業相談をお願いします。

来週の水曜日 13:00 はいかがでしょうか。

求職番号：05020-70265591
電話：080-6652-0713
""", L("book", "李秀英", "05020-70265591", phone="080-6652-0713", req=[W(next_week(_b, 2), "13:00")]),
     "KIND foreign seeker, kanji name with katakana reading; says no interpreter is needed; 来週の水曜日 "
     "from Fri 12/4", cte="8bit", client="android", rel=[("来週", 2)])

mail(T(12, 4, 15, 55, 7), ("伊藤 博之", "hiroyuki.ito.akt@example.jp"), "オンライン職業相談申込み",
     f"""ハローワーク秋田 ご担当者様

いつもお世話になっております。
オンライン職業相談の申込みです。

①氏名：伊藤 博之
②求職番号：05010-62297714
③希望日時：{ymd(12, 14)} 10:00
④電話番号：018-823-9051
⑤その他：就労移行支援事業所のジョブコーチ（支援員）が同席します。

よろしくお願いいたします。
""", L("book", "伊藤 博之", "05010-62297714", phone="018-823-9051", req=[W(D(12, 14), "10:00")],
       att="other"),
     "KIND numbered form fields with cp932 circled numbers ①-⑤ (not option choices); job coach joins",
     family="sjis", cte="base64", client="wlmail")

mail(T(12, 4, 19, 40, 30), ("田中", "tanaka.family@example.ne.jp"), "オンライン職業相談の申し込み",
     f"""ハローワーク秋田 オンライン職業相談ご担当者様

はじめまして。家族のアドレスからお送りしています。
下記のとおり申し込みます。

1. 氏名：田中 陽菜
2. 求職番号：05040-12290376
3. 希望日時：{ymd(12, 15, br='()')} 11:00
4. 電話番号：070-2209-6641
5. メールアドレス：hina.tanaka.0404@example.jp
   （今後のご連絡はこちらにお願いします）

よろしくお願いいたします。
""", L("book", "田中 陽菜", "05040-12290376", "hina.tanaka.0404@example.jp", "070-2209-6641",
       [W(D(12, 15), "11:00")]),
     "KIND numbered form fields 1.-5. (not option choices); contact address field differs from the "
     "family From", cte="quoted-printable", client="gmail")

_b = D(12, 7)  # Sun 12/6 16:10 UTC is already Mon 12/7 in Akita
mail(T(12, 7, 1, 10, 19), ("佐藤 翔", "sho.sato.0311@gmail.example.com"), "明日相談できますか",
     """ハローワーク秋田 ご担当者様

夜遅くにすみません。佐藤 翔と申します。
明日の11時にオンライン職業相談を受けることはできますか。

求職番号：05010-44871256
電話：070-5526-9904
""", L("book", "佐藤 翔", "05010-44871256", phone="070-5526-9904", req=[W(plus(_b, 1), "11:00")]),
     "Date header in UTC (Sun 6 Dec 16:10 +0000 = Mon 12/7 01:10 JST): 明日 = Tue 12/8",
     client="gmail", header_tz=UTC, rel=[("明日",)])

mail(T(12, 7, 9, 40, 1), ("藤田 亜希子", "akiko-fujita@yahoo.example.co.jp"), "オンライン職業相談の予約をお願いします",
     """ハローワーク秋田
ご担当者様

藤田 亜希子です。オンライン職業相談の予約をお願いします。
12/14(月)、12/15(火)、12/16(水)のいずれかの午前でお願いできれば助かります。

求職番号：05030-35590416
携帯：090-7206-1143
""", L("book", "藤田 亜希子", "05030-35590416", phone="090-7206-1143",
       req=[W(D(12, 14), *AM), W(D(12, 15), *AM), W(D(12, 16), *AM)]),
     "three slash dates sharing one 午前 window", cte="quoted-printable", client="yahoo")

mail(T(12, 7, 14, 20, 48), ("大門 聖子", "seiko.daimon@example.ne.jp"), "オンライン職業相談のお願い",
     f"""ハローワーク秋田　御中

大門 聖子でございます。
オンライン職業相談の予約をお願いいたしたく、ご連絡申し上げます。

希望日時　{kansuji(12)}月{kansuji(17)}日（{youbi(D(12, 17))}）午後二時
求職番号　05040-27718830
電話　　　018-866-4372

よろしくお願い申し上げます。
""", L("book", "大門 聖子", "05040-27718830", phone="018-866-4372", req=[W(D(12, 17), "14:00")]),
     "漢数字 date and hour (十二月十七日（木）午後二時)", family="jis", cte="7bit", client="becky")

mail(T(12, 7, 18, 3, 12), ("", "minoru.abukawa@icloud.example.com"), "Re: 【ハローワーク秋田】オンライン職業相談 お申し込み内容の確認",
     """ハローワーク秋田さま

ご連絡ありがとうございます。
求職番号は05010-66410382です。
希望は12月16日（水）の10時です。
よろしくお願いします。

虻川 稔
""", L("book", "虻川 稔", "05010-66410382", req=[W(D(12, 16), "10:00")]),
     "reply to our request for missing fields (book); iPhone quote", cte="quoted-printable",
     client="iphone",
     quote=Q("iphone_ja", T(12, 7, 10, 31, 5), needs_info_mail("虻川 稔", ["求職番号", "ご希望の日時（第2希望まであれば併せて）"])))

mail(T(12, 8, 12, 12, 9), ("舘岡 愛", "ai.tateoka@example.jp"), "オンライン職業相談の予約",
     """ハローワーク秋田 オンライン職業相談ご担当者様

舘岡 愛です。
オンライン職業相談の予約をお願いします。

希望：12/11（金）10:00～12:00
求職番号：05030-30852264
電話：080-6407-1559

よろしくお願いいたします。
""", L("book", "舘岡 愛", "05030-30852264", phone="080-6407-1559", req=[W(D(12, 11), "10:00", "12:00")]),
     "HTML only in ISO-2022-JP, base64 (webmail)", family="jis", cte="base64", struct="html",
     html_kind="webmail", client="webmail")

mail(T(12, 8, 16, 45, 33), ("根田 功", "isao.neda@example.jp"), "相談予約",
     f"""ハローワーク秋田 ご担当者様

根田 功と申します。
{ymd(12, 16)}の1時半から、オンライン職業相談をお願いします。
昼休みのあとなら仕事を抜けられます。

求職番号：05040-46631107
電話：090-8870-2315
""", L("book", "根田 功", "05040-46631107", phone="090-8870-2315", req=[W(D(12, 16), "13:30")]),
     "bare 1時半 -> 13:30", family="jis", cte="7bit", client="thunderbird")

mail(T(12, 8, 20, 20, 51), ("一ノ瀬 蒼", "aoi.ichinose@aoba-juku.example.jp"), "オンライン職業相談の予約について",
     f"""ハローワーク秋田 ご担当者様

はじめまして。一ノ瀬 蒼と申します。
現在は学習塾で講師のアルバイトをしていますが、正社員の仕事を探しています。
{ymd(12, 17)}の午前中に、オンライン職業相談をお願いできますでしょうか。
（午後からは授業があるため、午前でお願いします）

求職番号：05010-19925583
携帯：080-3390-6247

――――――――――――――――――
個別指導 あおば塾 秋田駅前教室
講師　一ノ瀬 蒼
TEL 018-874-5521
冬期講習：{ymd(12, 21)}～{ymd(1, 7, 2027)}
※{ymd(12, 29)}～{ymd(1, 3, 2027)}は休講です
――――――――――――――――――
""", L("book", "一ノ瀬 蒼", "05010-19925583", phone="080-3390-6247", req=[W(D(12, 17), *AM)]),
     "KIND workplace signature with a course period and closed days (not wishes)",
     cte="quoted-printable", client="outlook")

mail(T(12, 9, 9, 15, 24), ("小野寺 智美", "tomomi.onodera@example.ne.jp"), "オンライン職業相談予約",
     f"""ハローワーク秋田 ご担当者様

小野寺 智美です。
オンライン職業相談の予約をお願いいたします。
{ymd(12, 21)}か22日（{youbi(D(12, 22))}）の午後で、ご都合のよい方をお願いします。

求職番号：05020-68817740
電話：070-4459-3318
""", L("book", "小野寺 智美", "05020-68817740", phone="070-4459-3318",
       req=[W(D(12, 21), *PM), W(D(12, 22), *PM)]),
     "second date without its month (22日（火）)", family="jis", cte="7bit", client="outlook")

mail(T(12, 9, 13, 33, 2), ("五十嵐 俊介", "shunsuke.igarashi@example.com"), "オンライン職業相談のお願い",
     f"""ハローワーク秋田 御中

五十嵐 俊介と申します。
オンライン職業相談をお願いします。
{ymd(12, 18)}の11時か13時半でお願いできますか。

求職番号：05030-86604419
電話番号：090-2653-7780
""", L("book", "五十嵐 俊介", "05030-86604419", phone="090-2653-7780",
       req=[W(D(12, 18), "11:00"), W(D(12, 18), "13:30")]),
     "KIND two hours on one day (11時か13時半)", cte="8bit", client="thunderbird")

mail(T(12, 9, 17, 10, 39), ("", "aoi-jumonji@ezweb.example.ne.jp"), "職業相談",
     """はじめまして十文字葵と申します
オンラインの職業相談を受けてみたいです
12月22日の15時は空いてますか？空いてたらお願いします
求職番号は05040-71193348です
""", L("book", "十文字葵", "05040-71193348", req=[W(D(12, 22), "15:00")]),
     "KIND name only in prose on a carrier phone; conditional request (空いてたらお願いします)",
     family="sjis", cte="8bit", client="au")

mail(T(12, 10, 10, 5, 16), ("鵜木 誠", "makoto.unoki@example.co.jp"), "年明けのオンライン職業相談について",
     f"""ハローワーク秋田 ご担当者様

お世話になっております。鵜木 誠と申します。
年内は仕事の引き継ぎで時間が取れないため、年明けの{ymd(1, 6, 2027)}の午前に
オンライン職業相談をお願いできればと思います。

求職番号：05010-58827063
電話：080-2218-4490
""", L("book", "鵜木 誠", "05010-58827063", phone="080-2218-4490", req=[W(D(1, 6, 2027), *AM)]),
     "a January 2027 date written without the year", family="jis", cte="7bit", client="outlook")

mail(T(12, 10, 15, 40, 28), ("Minji Kim", "minji.kim.akita@gmail.example.com"), "オンライン職業相談（通訳希望）",
     f"""ハローワーク秋田 ご担当者様

はじめまして。金 敏智（キム ミンジ）と申します。韓国の出身です。
日本語の日常会話はできますが、仕事の細かい話は不安なので、
できれば韓国語の通訳をお願いしたいです。

希望日時：{ymd(12, 17)} 10:00
求職番号：05020-10458876
電話：090-4102-7735

よろしくお願いします。
""", L("book", "金 敏智", "05020-10458876", phone="090-4102-7735", req=[W(D(12, 17), "10:00")],
       att="interpreter"),
     "KIND foreign seeker, kanji name with katakana reading; asks the office for an interpreter",
     client="gmail", struct="alt")

_b = D(12, 11)
mail(T(12, 11, 8, 55, 47), ("長崎 ほのか", "honoka.nagasaki@example.jp"), "オンラインでの職業相談",
     """ハローワーク秋田 オンライン職業相談ご担当者様

長崎 ほのかと申します。
来週の木曜日の15時に、オンラインでの職業相談をお願いできますか。

求職番号：05040-92265018
電話：070-6618-2093

よろしくお願いいたします。
""", L("book", "長崎 ほのか", "05040-92265018", phone="070-6618-2093", req=[W(next_week(_b, 3), "15:00")]),
     "来週の木曜日 from Fri 12/11 = 12/17", cte="quoted-printable", client="outlook_mac", rel=[("来週", 3)])

mail(T(12, 1, 7, 30, 58), ("渡邉 翼", "tsubasa.watanabe@example.ne.jp"), "オンライン職業相談の希望",
     """ハローワーク秋田 ご担当者様

渡邉 翼と申します。
オンライン職業相談をお願いしたくご連絡しました。
12月の第3月曜日の午後は空いていますでしょうか。空いていればその日でお願いします。

求職番号：05030-11806734
電話：080-7731-4628
""", L("book", "渡邉 翼", "05030-11806734", phone="080-7731-4628",
       req=[W(nth_weekday(2026, 12, 3, 0), *PM)]),
     "12月の第3月曜日 (= 12/21); 邉", family="jis", cte="7bit", client="thunderbird", rel=[("第", 12, 3, 0)])

mail(T(12, 2, 7, 55, 5), ("𠮷田 悠", "haruka.yoshida@gmail.example.com"), "オンライン職業相談の予約",
     f"""ハローワーク秋田 ご担当者様

𠮷田 悠（よしだ はるか）と申します。
「𠮷」は土に口の「よし」です。
オンライン職業相談の予約をお願いします。

希望日時：{ymd(12, 14)} 9時半
求職番号：05020-53380647
電話番号：090-6087-2241
""", L("book", "𠮷田 悠", "05020-53380647", phone="090-6087-2241", req=[W(D(12, 14), "09:30")]),
     "non-BMP kanji 𠮷 (UTF-8 only) in the name, the From and the text; 9時半", client="gmail", struct="alt")

mail(T(11, 28, 15, 40, 13), ("嵯峨 一平", "ippei.saga@icloud.example.com"), "オンライン相談の予約",
     f"""ハローワーク秋田 ご担当者様

嵯峨 一平です。
{ymd(12, 11)}の午前11時から正午まで、オンライン相談をお願いできますか。

求職番号：05040-82203349
電話：080-6624-7719

iPhoneから送信
""", L("book", "嵯峨 一平", "05040-82203349", phone="080-6624-7719", req=[W(D(12, 11), "11:00", "12:00")]),
     "span ending at 正午", cte="quoted-printable", client="iphone")

mail(T(12, 3, 8, 40, 26), ("京野 みのり", "minori.kyono@example.jp"), "オンライン職業相談の予約",
     f"""ハローワーク秋田 ご担当者様

京野 みのりと申します。
12月1日に窓口で求職の申込みをした際、オンラインでも相談できると伺いました。

{ymd(12, 10)}の午後にお願いできますでしょうか。
{ymd(12, 11)}は子どもの学校行事があるため、避けていただけると助かります。

求職番号：05030-40962217
電話：090-9512-6634
""", L("book", "京野 みのり", "05030-40962217", phone="090-9512-6634", req=[W(D(12, 10), *PM)]),
     "a past visit date and a date to avoid are not wishes", family="jis", cte="7bit",
     client="thunderbird")

mail(T(11, 27, 10, 5, 0, ), ("Kenta Osawa", "kenta.osawa.sea@gmail.example.com"), "オンライン職業相談の予約（海外から）",
     f"""ハローワーク秋田 ご担当者様

大沢 健太と申します。現在アメリカ（シアトル）に住んでおり、来年1月に帰国して秋田で就職する予定です。
帰国前にオンライン職業相談をお願いしたいです。
時差がありますので、日本時間の{ymd(12, 9)} 9:00からでお願いできますか。

求職番号：05010-27795530
電話：+81-90-5518-2206（日本の携帯です）

よろしくお願いいたします。
""", L("book", "大沢 健太", "05010-27795530", phone="090-5518-2206", req=[W(D(12, 9), "09:00")]),
     "Date header in US Pacific time (-0800, still Thu 11/26 there); +81 phone -> 090",
     client="gmail", header_tz=dt.timezone(dt.timedelta(hours=-8)))


# ============================================================ replies to our offer (confirm) =====

def RE(office: tuple[str, str]) -> str:
    return "Re: " + office[0]


_o = offer_mail("佐々木 健一", "AK-2612-0003",
                [(D(12, 3), "10:00", "10:50"), (D(12, 3), "13:00", "13:50"), (D(12, 4), "10:00", "10:50")],
                T(11, 24, 15, 2))
mail(T(11, 25, 7, 48, 30), ("佐々木 健一", "kenichi.sasaki@example.jp"), RE(_o),
     """ハローワーク秋田 ご担当者様

佐々木です。ご連絡ありがとうございます。
1番の日時でお願いいたします。
利用規約を読み、内容に同意します。

佐々木 健一
""", L("confirm", "佐々木 健一", choice=1), "1番; Thunderbird-JP さんは書きました quote",
     family="jis", cte="7bit", client="thunderbird", quote=Q("thunderbird_ja", T(11, 24, 15, 2, 40), _o))

_o = offer_mail("工藤 真由美", "AK-2612-0005", [(D(12, 4), "14:00", "14:50"), (D(12, 7), "14:00", "14:50")],
                T(11, 25, 9, 30))
mail(T(11, 25, 12, 15, 3), ("工藤 真由美", "mayumi-kudo@example.ne.jp"), RE(_o),
     """ハローワーク秋田　御中

工藤です。早速のご連絡をありがとうございます。
①でお願いいたします。

工藤　真由美
""", L("confirm", "工藤 真由美", choice=1),
     "cp932 ① in Shift_JIS base64; name with an ideographic space; Windows Live Mail quote",
     family="sjis", cte="base64", client="wlmail", quote=Q("wlmail", T(11, 25, 9, 30, 11), _o))

_o = offer_mail("畠山 亮", "AK-2612-0006", [(D(12, 2), "13:00", "13:50"), (D(12, 2), "15:00", "15:50"),
                                          (D(12, 3), "13:00", "13:50")], T(11, 25, 10, 5))
mail(T(11, 25, 12, 40, 55), ("", "ryo-h.0612@ezweb.example.ne.jp"), RE(_o), "２番で！\n",
     L("confirm", choice=2),
     "carrier one-liner with full-width ２; the quote uses full-width ＞ marks; no name written",
     family="sjis", cte="8bit", client="au", quote=Q("au_zenkaku", T(11, 25, 10, 5, 20), _o))

_o = offer_mail("四十物 千夏", "AK-2612-0008", [(D(12, 7), "10:00", "10:50"), (D(12, 8), "10:00", "10:50")],
                T(11, 25, 14, 0))
mail(T(11, 25, 17, 20, 41), ("四十物 千夏", "chinatsu.aimono@example.com"), "RE: " + _o[0],
     """ハローワーク秋田
オンライン職業相談ご担当者様

お世話になっております。四十物です。
1番目の12月7日（月）10:00～10:50でお願いいたします。
規約についても承知いたしました。

四十物 千夏
""", L("confirm", "四十物 千夏", choice=1, req=[W(D(12, 7), "10:00", "10:50")]),
     "number plus the restated slot; Outlook-JP header block without a rule line; alternative with "
     "Outlook HTML", struct="alt", html_kind="outlook", cte="quoted-printable", client="outlook",
     quote=Q("outlook_ja", T(11, 25, 14, 0, 9), _o))

_o = offer_mail("東海林 さくら", "AK-2612-0009", [(D(12, 1), "13:00", "13:50"), (D(12, 1), "15:00", "15:50"),
                                             (D(12, 2), "14:00", "14:50")], T(11, 26, 9, 10))
mail(T(11, 26, 11, 30, 16), ("東海林 さくら", "sakura.shoji@gmail.example.com"), RE(_o),
     """ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
3番の日程で参加します。
どうぞよろしくお願いいたします。

東海林さくら
""", L("confirm", "東海林さくら", choice=3),
     "Gmail reply header wrapped over two lines", struct="alt", html_kind="gmail", client="gmail",
     quote=Q("gmail_ja_wrapped", T(11, 26, 9, 10, 31), _o))

_o = offer_mail("鳥海 慎吾", "AK-2612-0010", [(D(12, 10), "13:00", "13:50"), (D(12, 10), "14:00", "14:50")],
                T(11, 26, 11, 0))
mail(T(11, 26, 13, 10, 22), ("", "shingo.chokai@example.ne.jp"), RE(_o),
     """上記の2でお願いします。

鳥海
""", L("confirm", "鳥海", choice=2),
     "bottom-posted: the quote comes first, the answer below it; surname only", family="jis",
     cte="7bit", client="webmail", quote=Q("yahoo_ja", T(11, 26, 11, 0, 48), _o), below=True)

_o = offer_mail("簾内 恵", "AK-2612-0012", [(D(12, 3), "14:00", "14:50"), (D(12, 3), "15:00", "15:50")],
                T(11, 26, 16, 0))
mail(T(11, 27, 8, 20, 5), ("簾内 恵", "megumi.sudareuchi@example.jp"), RE(_o),
     """ハローワーク秋田 ご担当者様

簾内です。
一番でお願いします。

簾内 恵
018-869-2214
""", L("confirm", "簾内 恵", phone="018-869-2214", choice=1), "漢数字 一番; phone in the sign-off",
     family="jis", cte="7bit", client="becky", quote=Q("becky", T(11, 26, 16, 0, 17), _o))

_o = offer_mail("加賀谷 陸", "AK-2612-0014", [(D(12, 7), "10:00", "10:50"), (D(12, 9), "10:00", "10:50")],
                T(11, 27, 9, 0))
mail(T(11, 27, 12, 34, 48), ("", "riku.kagaya@example.com"), RE(_o),
     """12月9日（水）10:00～10:50（2番）でお願いします。
加賀谷
""", L("confirm", "加賀谷", choice=2, req=[W(D(12, 9), "10:00", "10:50")]),
     "restated slot first, number in brackets; Thunderbird 'wrote on' header", cte="8bit",
     client="android", quote=Q("thunderbird_new", T(11, 27, 9, 0, 26), _o))

_o = offer_mail("草彅 由香里", "AK-2612-0015", [(D(12, 8), "09:00", "09:50"), (D(12, 8), "10:00", "10:50"),
                                           (D(12, 8), "11:00", "11:50")], T(11, 27, 13, 30))
mail(T(11, 27, 17, 5, 37), ("草彅 由香里", "yukari.kusanagi@example.co.jp"), "RE: " + _o[0],
     """ハローワーク秋田　御中

お世話になっております。草彅です。
3番の12月8日（火）10:00でお願いいたします。

草彅 由香里
""", L("confirm", "草彅 由香里", choice=3, req=[W(D(12, 8), "10:00")]),
     "number and restated time disagree (offer 3 is 11:00; 10:00 is option 2): both labelled as written",
     family="jis", cte="7bit", client="outlook", quote=Q("outlook_orig", T(11, 27, 13, 30, 3), _o))

_o = offer_mail("グエン ヴァン フック", "AK-2612-0017", [(D(12, 10), "14:00", "14:50"), (D(12, 11), "14:00", "14:50")],
                T(11, 28, 9, 40))
mail(T(11, 28, 13, 0, 19), ("NGUYEN VAN PHUC", "phuc.nguyen.vn@gmail.example.com"), RE(_o),
     """ハローワーク秋田 の みなさま

ありがとう ございます。
1ばん で おねがいします。
つうやくの ひとも いっしょです。

グエン ヴァン フック
""", L("confirm", "グエン ヴァン フック", choice=1, att="interpreter"),
     "1ばん in hiragana; interpreter restated", client="gmail",
     quote=Q("gmail_ja", T(11, 28, 9, 40, 2), _o))

_o = offer_mail("Maria Santos", "AK-2612-0019", [(D(12, 11), "13:00", "13:50"), (D(12, 14), "09:00", "09:50"),
                                              (D(12, 14), "10:00", "10:50")], T(11, 30, 10, 12))
mail(T(11, 30, 19, 45, 9), ("Maria Santos", "maria.santos.akt@example.com"), RE(_o),
     """Dear Hello Work Akita,

Thank you for your reply.
Number 1 is fine for me. I read the terms of use and I agree.
My friend will join as an interpreter.

Best regards,
Maria Santos
""", L("confirm", "Maria Santos", choice=1, att="interpreter"),
     "English reply: 'Number 1'; Gmail English 'wrote:' header", cte="quoted-printable",
     client="thunderbird", quote=Q("gmail_en", T(11, 30, 10, 12, 44), _o))

_o = offer_mail("三浦 大樹", "AK-2612-0020", [(D(12, 2), "10:00", "10:50")], T(11, 30, 10, 40))
mail(T(11, 30, 12, 5, 51), ("三浦 大樹", "daiki.miura@gmail.example.com"), RE(_o),
     """ハローワーク秋田 ご担当者様

ご案内ありがとうございます。
その日時で大丈夫です。規約にも同意します。
よろしくお願いいたします。

三浦 大樹
""", L("confirm", "三浦 大樹"), "accepts a single offered slot without a number", client="gmail",
     quote=Q("gmail_ja", T(11, 30, 10, 40, 15), _o))

_o = offer_mail("小松 玲子", "AK-2611-0021", [(D(11, 30), "10:00", "10:50"), (D(11, 30), "11:00", "11:50")],
                T(11, 27, 17, 30))
mail(T(11, 28, 8, 10, 27), ("", "reiko.komatsu@icloud.example.com"), RE(_o),
     """小松です
1でお願いします🙇‍♀️

iPhoneから送信
""", L("confirm", "小松", choice=1), "emoji after the number; surname only; newer iPhone quote header",
     cte="quoted-printable", client="iphone", quote=Q("iphone_ja_new", T(11, 27, 17, 30, 8), _o))

_o = offer_mail("德永 夏美", "AK-2612-0022", [(D(12, 3), "13:00", "13:50"), (D(12, 4), "13:00", "13:50")],
                T(11, 30, 9, 0))
mail(T(11, 30, 12, 48, 6), ("德永 夏美", "natsumi.tokunaga@example.jp"), "RE: " + _o[0],
     """ハローワーク秋田 ご担当者様

德永です。
①でお願いいたします。

德永 夏美
""", L("confirm", "德永 夏美", choice=1),
     "EXT: ① and 德 (NEC-selected) in ISO-2022-JP body and From", family="jis", cte="7bit",
     client="outlook", quote=Q("outlook_ja", T(11, 30, 9, 0, 32), _o))

_o = offer_mail("柴田 颯太", "AK-2612-0025", [(D(12, 4), "15:00", "15:50"), (D(12, 7), "15:00", "15:50")],
                T(12, 2, 9, 20))
mail(T(12, 2, 12, 30, 44), ("柴田 颯太", "sota.shibata@icloud.example.com"), RE(_o),
     """2番お願いします
柴田颯太
""", L("confirm", "柴田颯太", choice=2), "two short lines; name without a space",
     cte="quoted-printable", struct="alt", html_kind="apple", client="iphone",
     quote=Q("iphone_ja", T(12, 2, 9, 20, 13), _o))

_o = offer_mail("今野 ゆかり", "AK-2612-0027", [(D(12, 11), "10:30", "11:20"), (D(12, 11), "13:00", "13:50")],
                T(12, 2, 15, 0))
mail(T(12, 3, 9, 5, 12), ("今野 ゆかり", "yukari.konno@example.jp"), "RE: " + _o[0],
     """ハローワーク秋田　ご担当者様

お世話になっております。今野です。
第1候補の日時でお願いいたします。
利用規約にも同意いたします。

今野 ゆかり
""", L("confirm", "今野 ゆかり", choice=1), "第1候補; Outlook English header block with a rule line",
     family="jis", cte="7bit", client="outlook", quote=Q("outlook_en", T(12, 2, 15, 0, 50), _o))

_o = offer_mail("阿部 直樹", "AK-2612-0028", [(D(12, 8), "10:00", "10:50"), (D(12, 15), "10:00", "10:50"),
                                          (D(12, 15), "11:00", "11:50")], T(12, 3, 10, 0))
mail(T(12, 3, 13, 20, 38), ("阿部 直樹", "naoki.abe@example.ne.jp"), RE(_o),
     """ハローワーク秋田
オンライン職業相談ご担当者様

阿部です。ご連絡ありがとうございます。
3の日時でお願いします。
当日は、妻も横で一緒に話を聞く予定です。

阿部 直樹
""", L("confirm", "阿部 直樹", choice=3, att="other"), "bare 3; spouse joins (other)", family="sjis",
     cte="8bit", client="wlmail", quote=Q("wlmail", T(12, 3, 10, 0, 5), _o))

_o = offer_mail("千葉 真理子", "AK-2612-0029", [(D(12, 9), "10:30", "11:20"), (D(12, 10), "10:30", "11:20")],
                T(12, 3, 11, 10))
mail(T(12, 3, 12, 1, 9), ("", "mariko.c-0927@docomo.example.ne.jp"), RE(_o), "1でおねがいします\n",
     L("confirm", choice=1), "carrier one-liner; docomo Original Message quote; no name written",
     family="sjis", cte="8bit", client="docomo", quote=Q("docomo", T(12, 3, 11, 10, 40), _o))

_o = offer_mail("木村", "AK-2612-0031", [(D(12, 10), "15:00", "15:50"), (D(12, 11), "15:00", "15:50")],
                T(12, 3, 15, 0))
mail(T(12, 4, 10, 15, 2), ("", "kimura.sy@example.ne.jp"), RE(_o),
     """ハローワーク秋田 ご担当者様

1番目の日程でお願いします。

木村 伸也
""", L("confirm", "木村 伸也", choice=1), "1番目; full name only in the sign-off", cte="8bit",
     client="thunderbird", quote=Q("thunderbird_ja", T(12, 3, 15, 0, 22), _o))

_o = offer_mail("李 秀英", "AK-2612-0033", [(D(12, 9), "13:00", "13:50"), (D(12, 9), "14:00", "14:50")],
                T(12, 4, 10, 30))
mail(T(12, 4, 16, 40, 17), ("Li Xiuying", "li.xiuying@example.com"), RE(_o),
     """ハローワーク秋田 ご担当者様

ありがとうございます。
1. 12月9日(水) 13:00～13:50 にします。

李秀英
""", L("confirm", "李秀英", choice=1, req=[W(D(12, 9), "13:00", "13:50")]),
     "copies the offer line '1. 12月9日(水) 13:00～13:50' as the answer", cte="8bit", client="android",
     quote=Q("thunderbird_new", T(12, 4, 10, 30, 1), _o))

_o = offer_mail("茂木 聡", "AK-2612-0035", [(D(12, 11), "16:00", "16:50")], T(12, 4, 9, 0))
mail(T(12, 4, 21, 30, 40), ("", "satoshi.motegi.home@example.jp"), RE(_o),
     f"""ハローワーク秋田 ご担当者様

茂木です。ご調整ありがとうございます。
ご提示いただいた{ymd(12, 11)}16:00～16:50でお願いいたします。
""", L("confirm", "茂木", req=[W(D(12, 11), "16:00", "16:50")]),
     "accepts the single slot by restating it (no number)", client="gmail",
     quote=Q("gmail_ja", T(12, 4, 9, 0, 12), _o))

_o = offer_mail("伊藤 博之", "AK-2612-0036", [(D(12, 14), "10:00", "10:50"), (D(12, 14), "13:00", "13:50")],
                T(12, 7, 9, 30))
mail(T(12, 7, 11, 45, 31), ("伊藤 博之", "hiroyuki.ito.akt@example.jp"), RE(_o),
     """ハローワーク秋田 ご担当者様

伊藤です。
1の日時でお願いいたします。ジョブコーチの方も同席します。

伊藤 博之
電話 018-823-9051
""", L("confirm", "伊藤 博之", phone="018-823-9051", choice=1, att="other"),
     "choice with the job coach restated", family="sjis", cte="base64", client="wlmail",
     quote=Q("wlmail", T(12, 7, 9, 30, 27), _o))

_o = offer_mail("田中 陽菜", "AK-2612-0037", [(D(12, 15), "11:00", "11:50"), (D(12, 16), "11:00", "11:50"),
                                          (D(12, 17), "11:00", "11:50")], T(12, 7, 10, 0))
mail(T(12, 7, 20, 10, 5), ("田中 陽菜", "hina.tanaka.0404@example.jp"), "RE: " + _o[0],
     """ハローワーク秋田 オンライン職業相談ご担当者様

お世話になっております。田中です。
3番でお願いいたします。

田中 陽菜
""", L("confirm", "田中 陽菜", choice=3), "HTML only with an Outlook HTML quote block",
     struct="html", html_kind="outlook", cte="quoted-printable", client="outlook",
     quote=Q("outlook_ja", T(12, 7, 10, 0, 41), _o))

_o = offer_mail("大沢 健太", "AK-2612-0016", [(D(12, 9), "09:00", "09:50"), (D(12, 9), "10:00", "10:50")],
                T(11, 27, 13, 0))
mail(T(11, 28, 13, 15, 0), ("Kenta Osawa", "kenta.osawa.sea@gmail.example.com"), RE(_o),
     """ハローワーク秋田 ご担当者様

大沢です。ご連絡ありがとうございます。
時差の関係で早い方が助かりますので、1番でお願いします。

大沢 健太
""", L("confirm", "大沢 健太", choice=1), "Date header in -0800; Gmail English quote header",
     client="gmail", header_tz=dt.timezone(dt.timedelta(hours=-8)),
     quote=Q("gmail_en", T(11, 27, 13, 0, 30), _o))


# ============================================================ cancellations =====================

_c = confirmed_mail("佐々木 健一", "AK-2612-0003", (D(12, 3), "10:00", "10:50"), "akita-01")
mail(T(12, 1, 20, 30, 8), ("佐々木 健一", "kenichi.sasaki@example.jp"), RE(_c),
     """ハローワーク秋田 ご担当者様

佐々木です。
12月3日（木）10時からの相談を予約しておりましたが、
急に県外への出張が入ってしまったため、取り消していただけますでしょうか。
直前のご連絡となり申し訳ございません。
落ち着きましたら、また改めて申し込ませていただきます。

佐々木 健一
""", L("cancel", "佐々木 健一"), "cancel of a confirmed booking; its date and time are not wishes",
     family="jis", cte="7bit", client="thunderbird", quote=Q("thunderbird_ja", T(11, 25, 9, 0, 3), _c))

mail(T(11, 30, 10, 15, 29), ("東海林 さくら", "sakura.shoji@gmail.example.com"), "予約のキャンセルについて",
     """ハローワーク秋田 ご担当者様

東海林さくらです。
12月2日に予約していた相談の件です。
先週応募していた会社から内定をいただき、就職先が決まりました。
せっかく枠を取っていただいたのですが、キャンセルをお願いします。
ありがとうございました。
""", L("cancel", "東海林さくら"), "cancel because a job was found; no quote", client="gmail")

mail(T(12, 8, 8, 10, 54), ("草彅 由香里", "yukari.kusanagi@example.co.jp"), "本日の相談のキャンセル",
     """ハローワーク秋田　御中

草彅です。
本日予約しているオンライン相談ですが、子どもが熱を出してしまい、参加できそうにありません。
当日のご連絡で大変申し訳ありませんが、キャンセルさせてください。
後ほどお電話もいたします。

草彅 由香里
℡ 090-2284-7731
""", L("cancel", "草彅 由香里", phone="090-2284-7731"), "same-day cancel by mail; ℡ in the sign-off",
     family="jis", cte="7bit", client="outlook")

mail(T(12, 5, 22, 15, 36), ("", "sota.shibata@icloud.example.com"), "キャンセル",
     """すみません
7日の相談キャンセルでお願いします
バイトが入ってしまいました
柴田
""", L("cancel", "柴田"), "mobile lines; 7日 is the booking, not a wish", cte="quoted-printable",
     client="iphone")

_c = confirmed_mail("阿部 直樹", "AK-2612-0028", (D(12, 15), "11:00", "11:50"), "akita-02")
mail(T(12, 10, 9, 30, 45), ("阿部 直樹", "naoki.abe@example.ne.jp"), RE(_c),
     """ハローワーク秋田 ご担当者様

阿部です。
12月15日（火）11時からの予約について、家庭の事情により今月は時間が取れなくなりました。
申し訳ありませんが、キャンセルをお願いいたします。
年が明けてから、あらためて申し込みたいと思います。

阿部 直樹
""", L("cancel", "阿部 直樹"), "cancel with a vague plan to apply again (not a wish)",
     family="sjis", cte="8bit", client="wlmail", quote=Q("wlmail", T(12, 3, 14, 0, 3), _c))

_o = offer_mail("鈴木 一郎", "AK-2612-0032", [(D(12, 14), "10:00", "10:50"), (D(12, 14), "14:00", "14:50")],
                T(12, 4, 9, 10))
mail(T(12, 4, 12, 0, 31), ("鈴木 一郎", "ichiro.suzuki.akita@gmail.example.com"), RE(_o),
     """ハローワーク秋田 ご担当者様

鈴木です。ご案内ありがとうございました。
実は昨日、知人の紹介で仕事が決まりそうになり、今回は見送らせていただきます。
せっかくご調整いただいたのに申し訳ありません。

鈴木 一郎
""", L("cancel", "鈴木 一郎"), "declines the offer (見送り) in a reply that quotes numbered slots",
     struct="alt", html_kind="gmail", client="gmail", quote=Q("gmail_ja", T(12, 4, 9, 10, 7), _o))

mail(T(12, 10, 7, 50, 2), ("", "aoi-jumonji@ezweb.example.ne.jp"), "取り消し",
     """昨日申し込んだ十文字です
やっぱり取り消しでお願いします
すみません
""", L("cancel", "十文字"), "withdraws a request before any offer; carrier lines", family="sjis",
     cte="8bit", client="au")

mail(T(12, 10, 12, 30, 17), ("根田 功", "isao.neda@example.jp"), "相談の件",
     """ハローワーク秋田 ご担当者様

根田です。
16日に申し込んでいた相談ですが、やっぱりやめておきます。
仕事が忙しくなってしまい、しばらく時間が取れそうにありません。
お手数をおかけしました。

根田 功
""", L("cancel", "根田 功"), "casual withdrawal (やめておきます)", family="jis", cte="7bit",
     client="thunderbird")

_r = reminder_mail("德永 夏美", "AK-2612-0022", (D(12, 3), "13:00", "13:50"), "akita-03")
mail(T(12, 2, 12, 40, 20), ("德永 夏美", "natsumi.tokunaga@example.jp"), "RE: " + _r[0],
     """ハローワーク秋田 ご担当者様

德永です。お知らせをありがとうございます。
大変申し訳ないのですが、明日の相談は都合がつかなくなりましたので、
キャンセルさせてください。

德永 夏美
""", L("cancel", "德永 夏美"), "cancel in a reply to the day-before reminder (明日 = the booking)",
     family="jis", cte="7bit", client="outlook", quote=Q("outlook_ja", T(12, 2, 10, 0, 4), _r))

mail(T(12, 9, 19, 0, 33), ("NGUYEN VAN PHUC", "phuc.nguyen.vn@gmail.example.com"), "そうだん の キャンセル",
     """ハローワーク秋田 の みなさま

グエン ヴァン フック です。
しごとが きまりました。ありがとう ございました。
12月10日の そうだんは キャンセル します。
""", L("cancel", "グエン ヴァン フック"), "simple-Japanese cancel; no interpreter mentioned",
     client="gmail")


# ============================================================ reschedules =======================

mail(T(11, 30, 20, 20, 4), ("工藤 真由美", "mayumi-kudo@example.ne.jp"), "予約日の変更のお願い（工藤）",
     f"""ハローワーク秋田　御中

工藤です。お世話になっております。
{zen(ymd(12, 4))}{zen('14')}時からの予約を、{zen(ymd(12, 8))}の同じ時間に変更していただけますでしょうか。
急に通院の予定が入ってしまいました。

工藤　真由美
""", L("reschedule", "工藤 真由美", req=[W(D(12, 8), "14:00")]),
     "KIND reschedule naming the booked date and the new one (same time); full-width digits",
     family="sjis", cte="base64", client="wlmail")

mail(T(11, 28, 19, 10, 48), ("", "ryo-h.0612@ezweb.example.ne.jp"), "変更",
     """予約変更したいです
2日じゃなくて4日の午後がいいです
畠山
""", L("reschedule", "畠山", req=[W(D(12, 4), *PM)]),
     "KIND carrier lines: old day and new day without a month (2日 -> 4日, written 11/28)",
     family="sjis", cte="8bit", client="au")

_c = confirmed_mail("四十物 千夏", "AK-2612-0008", (D(12, 7), "10:00", "10:50"), "akita-01")
mail(T(12, 2, 11, 5, 39), ("四十物 千夏", "chinatsu.aimono@example.com"), "RE: " + _c[0],
     """ハローワーク秋田
オンライン職業相談ご担当者様

お世話になっております。四十物です。
12月7日（月）10時からの予約について、その日に企業の面接が入ってしまいました。
恐れ入りますが、翌週の月曜日の同じ時間に変更していただくことはできますでしょうか。

四十物 千夏
""", L("reschedule", "四十物 千夏", req=[W(plus(D(12, 7), 7), "10:00")]),
     "KIND 翌週の月曜日の同じ時間 anchored to the booked 12/7 10時 (-> 12/14 10:00); interview day not a wish",
     cte="quoted-printable", client="outlook", quote=Q("outlook_ja", T(11, 25, 17, 40, 2), _c), rel=[("翌週", D(12, 7))])

mail(T(12, 4, 19, 50, 13), ("鳥海 慎吾", "shingo.chokai@example.ne.jp"), "予約日程の変更",
     """ハローワーク秋田 御中

鳥海です。
12月10日に予約している相談の日程を変更したいです。
まだ次の予定がはっきりしないので、改めて候補日をいくつか教えていただけますか。

鳥海 慎吾
""", L("reschedule", "鳥海 慎吾"), "reschedule without a new time; HTML only",
     struct="html", html_kind="webmail", cte="quoted-printable", client="webmail")

mail(T(12, 5, 13, 40, 7), ("加賀谷 陸", "riku.kagaya@example.com"), "予約の変更をお願いします",
     """ハローワーク秋田の担当の方へ

加賀谷です。
12月9日(水)の予約ですが、シフトが変わってしまったので、
12月16日(水)の午後か17日(木)の午前に変えてもらえませんか。

加賀谷 陸
""", L("reschedule", "加賀谷 陸", req=[W(D(12, 16), *PM), W(D(12, 17), *AM)]),
     "KIND booked date then two new windows", cte="8bit", client="android")

_b = D(12, 5)
mail(T(12, 5, 11, 20, 55), ("", "kimura.sy@example.ne.jp"), "予約日の変更",
     """ハローワーク秋田 ご担当者様

木村 伸也です。
来週の予約（12月10日）ですが、都合が悪くなってしまいました。
再来週の同じ曜日に変えていただけますか。時間は何時でも構いません。
""", L("reschedule", "木村 伸也", req=[W(week_after_next(_b, D(12, 10).weekday()))]),
     "KIND 再来週の同じ曜日 (Thu) written on Sat 12/5 -> 12/17, any time -> null times",
     cte="8bit", client="thunderbird", rel=[("再来週", 3)])

_c = confirmed_mail("Maria Santos", "AK-2612-0019", (D(12, 11), "13:00", "13:50"), "akita-02")
mail(T(12, 3, 21, 10, 26), ("Maria Santos", "maria.santos.akt@example.com"), RE(_c),
     """Dear Hello Work Akita,

I am very sorry, but I have a job interview on December 11.
Could we move my appointment from December 11 to December 16 (Wed) at 10 am?
My friend (interpreter) can come on that day too.

Thank you,
Maria Santos
""", L("reschedule", "Maria Santos", req=[W(D(12, 16), "10:00")], att="interpreter"),
     "English reschedule; the interview day is the booked day, not a wish", cte="quoted-printable",
     client="thunderbird", quote=Q("gmail_en", T(11, 30, 20, 5, 10), _c))

mail(T(12, 5, 15, 30, 42), ("高橋 美奈", "mina.takahashi@example.jp"), "予約変更のお願い",
     """ハローワーク秋田 御中

高橋 美奈です。
12/7の9時からの予約を、12/9(水)の14時か15時に変更していただけないでしょうか。
急な用事が入ってしまいました。申し訳ありません。
""", L("reschedule", "高橋 美奈", req=[W(D(12, 9), "14:00"), W(D(12, 9), "15:00")]),
     "KIND reschedule to two hours on one day", family="jis", cte="7bit", client="webmail")

mail(T(12, 9, 10, 40, 21), ("伊藤 博之", "hiroyuki.ito.akt@example.jp"), "相談日時の変更について",
     f"""ハローワーク秋田 ご担当者様

いつもお世話になっております。伊藤です。
予約している相談の日時を、次のとおり変更させていただきたくご連絡しました。

変更前：{ymd(12, 14)} 10:00～10:50
変更後（希望）：{ymd(12, 18)} 10:00～10:50

職場実習の予定が入ったためです。よろしくお願いいたします。

伊藤 博之
""", L("reschedule", "伊藤 博之", req=[W(D(12, 18), "10:00", "10:50")]),
     "変更前/変更後 lines: only 変更後 is a wish", family="sjis", cte="base64", client="wlmail")

mail(T(12, 11, 7, 40, 59), ("五十嵐 俊介", "shunsuke.igarashi@example.com"), "予約日の変更",
     f"""ハローワーク秋田 御中

五十嵐です。
18日に予約している相談、急な出張で都合が悪くなりました。
月末の28日（{youbi(D(12, 28))}）の午前に変えてもらうことはできますか。

五十嵐 俊介
""", L("reschedule", "五十嵐 俊介", req=[W(D(12, 28), *AM)]),
     "KIND 月末の28日（月） without a month; booked 18日 not a wish", cte="8bit", client="thunderbird")


# ============================================================ questions =========================

mail(T(12, 1, 10, 30, 15), ("成田 健太", "kenta.narita@gmail.example.com"), "年末年始の受付について",
     f"""ハローワーク秋田 ご担当者様

成田 健太と申します。
オンライン職業相談について教えてください。
年末に帰省してくる家族と相談してから申し込もうと思っているのですが、
{ymd(12, 28)}も相談を受け付けていますか。
また、年明けは何日から利用できますか。

よろしくお願いします。
""", L("question", "成田 健太"), "KIND question that names a date but books nothing", client="gmail", struct="alt")

mail(T(12, 10, 11, 0, 46), ("小野寺 智美", "tomomi.onodera@example.ne.jp"), "アプリについて質問です",
     """ハローワーク秋田 ご担当者様

小野寺です。
相談の前に、スマートフォンにTele Officeのアプリを入れておく必要がありますか。
パソコンのブラウザからでも参加できるのでしょうか。

小野寺 智美
""", L("question", "小野寺 智美"), "question about the app", family="jis", cte="7bit", client="outlook")

mail(T(12, 9, 10, 20, 3), ("大門 聖子", "seiko.daimon@example.ne.jp"), "相談当日の準備について",
     f"""ハローワーク秋田　御中

大門でございます。
{kansuji(12)}月{kansuji(17)}日に相談の予約をいただいております。
当日までに履歴書を用意しておいた方がよろしいでしょうか。
また、写真は貼っておく必要がございますか。

大門 聖子
""", L("question", "大門 聖子"), "KIND question about an existing booking (漢数字 date, not a wish)",
     family="jis", cte="7bit", client="becky")

mail(T(12, 8, 19, 0, 22), ("", "satoshi.motegi.home@example.jp"), "相談時間について",
     """ハローワーク秋田 ご担当者様

茂木です。11日の相談の件で一つ質問させてください。
相談は1回50分とのことですが、話が長引いた場合に延長することはできますか。
また、平日の18時以降に相談できる日はありますか。
""", L("question", "茂木"), "KIND question mentioning the booked day and an hour (18時以降), not wishes",
     client="gmail")

mail(T(11, 25, 8, 0, 38), ("小笠原 涼", "ryo.ogasawara@yahoo.example.co.jp"), "求職登録前でも申し込めますか",
     """ハローワーク秋田
ご担当者様

小笠原 涼と申します。
オンライン職業相談を利用してみたいのですが、まだハローワークで求職の登録をしていません。
登録していなくても申し込めますか。
それとも先に窓口へ行く必要がありますか。

電話：080-2740-6615
""", L("question", "小笠原 涼", phone="080-2740-6615"), "eligibility question", cte="quoted-printable",
     client="yahoo")

mail(T(12, 10, 13, 0, 51), ("五十嵐 俊介", "shunsuke.igarashi@example.com"), "カメラについて",
     f"""ハローワーク秋田 御中

五十嵐です。{ymd(12, 18)}に予約している者です。
当日、自宅の回線が不安定なので、カメラをオフにして音声だけで参加してもよいでしょうか。

五十嵐 俊介
""", L("question", "五十嵐 俊介"), "KIND question naming the booked date", cte="8bit", client="thunderbird")

_c = confirmed_mail("虻川 稔", "AK-2612-0041", (D(12, 16), "10:00", "10:50"), "akita-03")
mail(T(12, 10, 18, 0, 9), ("", "minoru.abukawa@icloud.example.com"), RE(_c),
     """ハローワーク秋田さま

虻川です
予約確定のメールにあるURLを押しても画面が真っ白になります
どうしたらいいでしょうか

虻川 稔
""", L("question", "虻川 稔"), "question in a reply to the confirmation (quote holds date and URL)",
     cte="quoted-printable", client="iphone", quote=Q("iphone_ja", T(12, 8, 11, 2, 44), _c))

mail(T(12, 8, 21, 5, 30), ("京野 みのり", "minori.kyono@example.jp"), "相談中の環境について",
     """ハローワーク秋田 ご担当者様

京野です。10日の相談についてお尋ねします。
子どもが一緒の部屋にいても大丈夫でしょうか。
途中で声が入ってしまうかもしれないので、心配しています。

京野 みのり
""", L("question", "京野 みのり"), "a child in the room is not an attendant", family="jis", cte="7bit",
     client="thunderbird")

mail(T(12, 6, 14, 0, 12), ("Ahmed Khan", "ahmed.khan.yuri@example.com"), "Consultation in English?",
     """Hello,

My name is Ahmed Khan. I am from Pakistan and I live in Yurihonjo.
Can I have the online consultation in English? Or is it Japanese only?
I don't have a job seeker number yet. What should I do first?

Thank you.
Ahmed Khan
""", L("question", "Ahmed Khan"), "English question; no booking, no attendant announced", cte="7bit",
     client="outlook_mac")


# ============================================================ automated mail ====================

mail(T(12, 9, 9, 0, 5), ("一ノ瀬 蒼", "aoi.ichinose@aoba-juku.example.jp"),
     "自動応答: 【ハローワーク秋田】オンライン職業相談 日時のご案内 [予約番号 AK-2612-0040]",
     f"""このメッセージは自動応答により送信しています。

あおば塾 秋田駅前教室 宛のメールをありがとうございます。
{ymd(12, 9)}～{ymd(12, 10)}は研修のため教室を閉めております。
{ymd(12, 11)}以降、順次ご返信いたします。
""", L("automated"), "Outlook out-of-office (Auto-Submitted); its dates are not wishes", family="jis",
     cte="7bit", client="outlook", extra=["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"])

mail(T(11, 30, 20, 5, 40), ("Kenta Osawa", "kenta.osawa.sea@gmail.example.com"),
     "Out of office (Re: 【ハローワーク秋田】オンライン職業相談 ご予約確定のお知らせ [予約番号 AK-2612-0016])",
     """Thank you for your email.
I am traveling from November 30 to December 4 with limited access to email.
I will reply when I return on December 7.

Kenta
""", L("automated"), "Gmail vacation responder in English (Auto-Submitted); dates are not wishes",
     cte="7bit", client="gmail", header_tz=dt.timezone(dt.timedelta(hours=-8)),
     extra=["Auto-Submitted: auto-replied"])

mail(T(12, 4, 10, 12, 44), ("あきた介護ナビ", "noreply@akita-kaigo-navi.example.jp"),
     "【自動返信】お問い合わせを受け付けました",
     f"""※本メールは送信専用アドレスから自動で送信しています。ご返信いただいてもお答えできません。

ハローワーク秋田 様

このたびは「あきた介護ナビ」へお問い合わせいただき、ありがとうございます。
以下の内容で受け付けました。担当者より3営業日以内にご連絡いたします。

受付番号：KN-20261204-0193
受付日時：2026年12月4日 10:12

なお、{ymd(12, 28)}～{ymd(1, 4, 2027)}は年末年始休業のため、
期間中のお問い合わせへの回答は1月5日以降となります。

あきた介護ナビ 事務局
""", L("automated"), "no-reply acknowledgement without auto headers; dates are not wishes",
     client="system")

mail(T(12, 8, 9, 50, 0), ("Tele Office", "no-reply@teleoffice.example.jp"),
     "【Tele Office】ルーム利用予定のお知らせ",
     f"""ハローワーク秋田 様

Tele Office をご利用いただきありがとうございます。
次のルーム利用予定が登録されました。

ルーム：akita-02
日時：{ymd(12, 9)} 13:00～13:50
主催者：ハローワーク秋田 オンライン職業相談

このメールは送信専用です。
""", L("automated"), "no-reply system notice with a date and times", client="system")

mail(T(12, 1, 12, 0, 0), ("秋田しごとナビ", "news@shigoto-navi-akita.example.jp"),
     "【秋田しごとナビ】12月の合同企業説明会とセミナーのご案内",
     f"""━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　秋田しごとナビ　メールマガジン　2026年12月号
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

◆合同企業説明会 in 秋田市
　日時：{ymd(12, 12)} 10:00～15:00
　会場：秋田市民交流プラザ
　参加企業：42社（製造・介護・IT・小売ほか）

◆オンライン面接対策セミナー
　日時：{ymd(12, 16)} 14:00～15:30
　申込締切：{ymd(12, 14)}

◆年末年始の窓口休業
　{ymd(12, 29)}～{ymd(1, 3, 2027)}

配信停止：https://shigoto-navi-akita.example.jp/mm/stop
""", L("automated"), "mailing list (List-Id, List-Unsubscribe, Precedence) full of dates", family="jis",
     cte="7bit", client="mta",
     extra=[f"List-Id: {encoded_words('秋田しごとナビ', 'jis')} <mm.shigoto-navi-akita.example.jp>",
            "List-Unsubscribe: <https://shigoto-navi-akita.example.jp/mm/stop>",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "Precedence: list"])

_o = offer_mail("佐々木 健一", "AK-2612-0004", [(D(12, 7), "10:00", "10:50"), (D(12, 8), "13:00", "13:50")],
                T(11, 30, 16, 0))
mail(T(11, 30, 16, 0, 9), ("Mail Delivery System", "MAILER-DAEMON@mx01.akita-hw.example.jp"),
     "Undelivered Mail Returned to Sender", "",
     L("automated", email="mailer-daemon@mx01.akita-hw.example.jp"),
     "English Postfix bounce (multipart/report) with the whole offer attached", struct="bounce_postfix",
     client="mta", extra=["Auto-Submitted: auto-replied"],
     quote=Q("none", T(11, 30, 16, 0, 2), _o + ("kenichi.sasak@example.jp",)))

_n = offer_mail("茂木 聡", "AK-2612-0030", [(D(12, 11), "16:00", "16:50")], T(12, 3, 14, 2))
mail(T(12, 3, 14, 2, 31), ("Microsoft Outlook", "postmaster@kitanihon-techno.example.co.jp"),
     "配信不能: " + _n[0], "",
     L("automated", email="postmaster@kitanihon-techno.example.co.jp"),
     "Exchange non-delivery report in Japanese (multipart/report, headers only)", struct="bounce_exchange",
     client="mta", quote=Q("none", T(12, 3, 14, 2, 10), _n + ("s-motegi@kitanihon-techno.example.co.jp",)))

_o = offer_mail("佐藤 ひろみ", "AK-2612-0044", [(D(12, 22), "15:00", "15:50"), (D(12, 23), "15:00", "15:50")],
                T(12, 10, 9, 0))
mail(T(12, 10, 9, 0, 37), ("", "MAILER-DAEMON@ezweb.example.ne.jp"), "failure notice", "",
     L("automated", email="mailer-daemon@ezweb.example.ne.jp"),
     "carrier qmail bounce in Japanese and English, text/plain, the offer copied below a line",
     struct="bounce_qmail", client="mta",
     quote=Q("none", T(12, 10, 9, 0, 20), _o + ("h.sato-0821@ezweb.example.ne.jp",)))

_o = offer_mail("鵜木 誠", "AK-2701-0001", [(D(1, 6, 2027), "09:00", "09:50"), (D(1, 6, 2027), "10:00", "10:50")],
                T(12, 10, 14, 0))
mail(T(12, 10, 18, 0, 12), ("Mail Delivery System", "MAILER-DAEMON@mx01.akita-hw.example.jp"),
     "Delayed Mail (still being retried)", "",
     L("automated", email="mailer-daemon@mx01.akita-hw.example.jp"),
     "delay notice (DSN Action: delayed) with the offer's headers", struct="bounce_delay", client="mta",
     extra=["Auto-Submitted: auto-generated"],
     quote=Q("none", T(12, 10, 14, 0, 5), _o + ("makoto.unoki@example.co.jp",)))


# ============================================================ other mail ========================

mail(T(12, 2, 11, 20, 0), ("㈱デジタルリーフ 松浦 恭平", "k.matsuura@digital-leaf.example.co.jp"),
     "【ご提案】窓口予約をLINEで受け付けるサービスのご案内",
     f"""ハローワーク秋田
ご担当者様

突然のご連絡失礼いたします。
㈱デジタルリーフの松浦と申します。

弊社では、官公庁・自治体向けに、窓口予約をLINEで受け付けるサービス「よやくリーフ」を
提供しております。{ymd(12, 15)}までにお申し込みいただくと、初期費用が無料になります。

一度、オンラインで30分ほどご説明のお時間をいただけないでしょうか。
12月中旬でご都合のよい日時をお知らせいただければ幸いです。

━━━━━━━━━━━━━━━━━━━
㈱デジタルリーフ　公共ソリューション部
松浦 恭平
TEL：03-6820-4418
━━━━━━━━━━━━━━━━━━━
""", L("other", "松浦 恭平", phone="03-6820-4418"),
     "KIND sales pitch asking for a meeting; ㈱ (NEC row 13) in From and body; writer's name and phone",
     family="jis", cte="7bit", client="outlook")

mail(T(12, 5, 3, 41, 27), ("Mail Admin", "admin@akita-hw-mailbox.example.com"),
     "Your mailbox quota has exceeded the limit",
     """Dear user,

Your mailbox online-soudan@akita-hw.example.jp has exceeded its storage limit (99%).
You may not be able to send or receive new messages after December 7.

Click here to verify your account and keep your messages:
https://akita-hw-mailbox.example.com/verify

Mail Administrator
""", L("other"), "KIND phishing spam in English; a date in it", cte="7bit", client="mta")

mail(T(12, 2, 16, 30, 41), ("三浦 大樹", "daiki.miura@gmail.example.com"), "本日のお礼",
     """ハローワーク秋田 オンライン職業相談ご担当者様

本日はありがとうございました。
ご紹介いただいた求人に、さっそく応募してみます。
結果が出ましたらまたご報告します。

三浦 大樹
""", L("other", "三浦 大樹"), "thanks after the session", client="gmail")

mail(T(12, 6, 20, 45, 10), ("", "shun.ishii.1990@gmail.example.com"), "忘年会の件",
     f"""おつかれ！
来週の忘年会、{ymd(12, 12)}の19時からで決まったよ。
場所は川反のいつもの店。
参加できるか、水曜までに返事ちょうだい。

石井
""", L("other", "石井"), "KIND misdirected personal mail with a date and an hour (not a wish)",
     client="gmail")

mail(T(12, 9, 20, 0, 33), ("𠮷田 悠", "haruka.yoshida@gmail.example.com"), "履歴書の送付",
     """ハローワーク秋田 ご担当者様

𠮷田です。14日の相談でお世話になります。
当日見ていただきたいので、履歴書を添付してお送りします。
よろしくお願いいたします。

𠮷田 悠
""", L("other", "𠮷田 悠"), "sends a document (PDF attachment) before the session",
     struct="mixed", client="gmail",
     attachment=("履歴書_𠮷田悠.pdf", "application/pdf",
                 b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"))

mail(T(12, 7, 16, 12, 58), ("佐藤 由美子", "y-sato@minato-foods.example.co.jp"), "求人票修正版の送付について",
     f"""ハローワーク秋田
求人担当者様

いつもお世話になっております。
株式会社ミナト食品 総務部の佐藤でございます。

先日ご相談した求人票の件、社内の承認が下りましたので、
{ymd(12, 7)}付で修正版を郵送いたしました。
お手数ですが、ご確認のほどよろしくお願いいたします。

――――――――――――――――
株式会社ミナト食品　総務部
佐藤 由美子
TEL 018-862-7730
――――――――――――――――
""", L("other", "佐藤 由美子", phone="018-862-7730"),
     "employer mail about a job posting, misaddressed to the consultation desk", family="jis",
     cte="7bit", client="outlook")


# ============================================================ assembly ==========================

MTA = "mx01.akita-hw.example.jp"


def office_headers(sent: dt.datetime, subject: str, to: str, mid: str) -> str:
    return (f"Return-Path: <{OFFICE}>\nFrom: {encoded_words(OFFICE_NAME, 'jis')} <{OFFICE}>\nTo: {to}\n"
            f"Subject: {encoded_words(subject, 'jis')}\nDate: {rfc2822(sent)}\nMessage-ID: {mid}\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\n"
            "Content-Transfer-Encoding: 7bit\n")


def office_mid(sent: dt.datetime, seed: str) -> str:
    h = hashlib.sha256(("office" + seed).encode()).hexdigest()
    return f"<mb.{sent:%Y%m%d%H%M%S}.{h[:12]}@akita-hw.example.jp>"


def bounce_payload(kind: str, m: dict, boundary: str) -> tuple[list[str], bytes, list[tuple[str, str]]]:
    """(content headers, payload, [(family, text) parts to verify]) of an MTA report."""
    style, sent, office = m["quote"]
    subject, text, rcpt = office
    mid = office_mid(sent, subject + rcpt)
    head = office_headers(sent, subject, rcpt, mid)
    arrival = rfc2822(sent)
    if kind == "bounce_qmail":
        notice = (
            "お客様が送信されたメールは、宛先のメールアドレスが見つからないため配信できませんでした。\n"
            "宛先をご確認のうえ、再度送信してください。\n\n"
            "Hi. This is the qmail-send program at ezweb.example.ne.jp.\n"
            "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
            "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
            f"<{rcpt}>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n"
            "--- Below this line is a copy of the message.\n\n" + head + "\n" + text + "\n")
        return (['Content-Type: text/plain; charset="ISO-2022-JP"', "Content-Transfer-Encoding: 7bit"],
                encode_jis(to_crlf(notice)), [("jis", notice)])
    if kind == "bounce_postfix":
        notice = (
            f"This is the mail system at host {MTA}.\n\n"
            "I'm sorry to have to inform you that your message could not\n"
            "be delivered to one or more recipients. It's attached below.\n\n"
            "For further assistance, please send mail to postmaster.\n\n"
            "If you do so, please include this problem report. You can\n"
            "delete your own text from the attached returned message.\n\n"
            "                   The mail system\n\n"
            f"<{rcpt}>: host mx.example.jp[192.0.2.25] said: 550 5.1.1\n"
            f"    <{rcpt}>: Recipient address rejected: User unknown in local recipient\n"
            "    table (in reply to RCPT TO command)\n")
        status = (f"Reporting-MTA: dns; {MTA}\nX-Postfix-Queue-ID: 4dL7Qx2Vb9z1xq\n"
                  f"X-Postfix-Sender: rfc822; {OFFICE}\nArrival-Date: {arrival}\n\n"
                  f"Final-Recipient: rfc822; {rcpt}\nOriginal-Recipient: rfc822;{rcpt}\nAction: failed\n"
                  "Status: 5.1.1\nRemote-MTA: dns; mx.example.jp\n"
                  f"Diagnostic-Code: smtp; 550 5.1.1 <{rcpt}>: Recipient address rejected: User\n"
                  "    unknown in local recipient table\n")
        payload = (to_crlf(f"This is a MIME-encapsulated message.\n\n--{boundary}\n"
                           "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
                           f"{notice}\n--{boundary}\nContent-Description: Delivery report\n"
                           f"Content-Type: message/delivery-status\n\n{status}\n--{boundary}\n"
                           "Content-Description: Undelivered Message\nContent-Type: message/rfc822\n\n"
                           + head + "\n").encode("ascii")
                   + encode_jis(to_crlf(text + "\n")) + to_crlf(f"\n--{boundary}--\n").encode("ascii"))
        return ([f'Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="{boundary}"'],
                payload, [])
    if kind == "bounce_exchange":
        notice = (
            "メッセージを配信できませんでした\n\n"
            f"{rcpt} へのメッセージは配信できませんでした。\n"
            "受信者の組織の設定により、外部からのメッセージの受信が制限されています。\n\n"
            "対処方法\n受信者に別の方法で連絡を取り、組織の管理者にこの設定の確認を依頼してもらってください。\n\n"
            "診断情報 (管理者用):\n\n"
            "生成元サーバー: TYWPR01MB0042.jpnprd01.prod.outlook.example.com\n"
            f"{rcpt}\nRemote Server returned '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; "
            "authentication required'\n")
        status = ("Reporting-MTA: dns;TYWPR01MB0042.jpnprd01.prod.outlook.example.com\n"
                  f"Received-From-MTA: dns;{MTA}\nArrival-Date: {arrival}\n\n"
                  f"Final-Recipient: rfc822;{rcpt}\nAction: failed\nStatus: 5.7.133\n"
                  "Diagnostic-Code: smtp;550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup;\n"
                  " authentication required\n")
        inner = f"b2_{boundary}"
        page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
                "<body><p><b><font color=\"#000066\" size=\"3\">メッセージを配信できませんでした</font></b></p>"
                f"<p>{html.escape(rcpt)} へのメッセージは配信できませんでした。<br>"
                "受信者の組織の設定により、外部からのメッセージの受信が制限されています。</p></body></html>\n")
        payload = (to_crlf(f"--{boundary}\nContent-Type: multipart/alternative; boundary=\"{inner}\"\n\n"
                           f"--{inner}\nContent-Type: text/plain; charset=\"utf-8\"\n"
                           "Content-Transfer-Encoding: base64\n\n").encode("ascii")
                   + body_bytes(notice, "utf8", "base64")
                   + to_crlf(f"\n--{inner}\nContent-Type: text/html; charset=\"utf-8\"\n"
                             "Content-Transfer-Encoding: base64\n\n").encode("ascii")
                   + body_bytes(page, "utf8", "base64")
                   + to_crlf(f"\n--{inner}--\n\n--{boundary}\nContent-Type: message/delivery-status\n\n"
                             f"{status}\n--{boundary}\nContent-Type: text/rfc822-headers\n\n{head}\n"
                             f"--{boundary}--\n").encode("ascii"))
        return ([f'Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="{boundary}"',
                 "X-MS-Exchange-Message-Is-Ndr:", "Content-Language: ja-JP"], payload,
                [("utf8", notice), ("utf8", page)])
    if kind == "bounce_delay":
        notice = (
            f"This is the mail system at host {MTA}.\n\n"
            "####################################################################\n"
            "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
            "####################################################################\n\n"
            "Your message could not be delivered for more than 4 hour(s).\n"
            "It will be retried until it is 5 day(s) old.\n\n"
            "For further assistance, please send mail to postmaster.\n\n"
            "                   The mail system\n\n"
            f"<{rcpt}>: connect to mx.example.co.jp[198.51.100.7]:25: Connection\n    timed out\n")
        status = (f"Reporting-MTA: dns; {MTA}\nX-Postfix-Queue-ID: 4dM2Kp0Hq3z2Rt\n"
                  f"X-Postfix-Sender: rfc822; {OFFICE}\nArrival-Date: {arrival}\n\n"
                  f"Final-Recipient: rfc822; {rcpt}\nOriginal-Recipient: rfc822;{rcpt}\nAction: delayed\n"
                  "Status: 4.4.1\nDiagnostic-Code: X-Postfix; connect to mx.example.co.jp[198.51.100.7]:25:\n"
                  f"    Connection timed out\nWill-Retry-Until: {rfc2822(sent + dt.timedelta(days=5))}\n")
        payload = to_crlf(f"This is a MIME-encapsulated message.\n\n--{boundary}\n"
                          "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
                          f"{notice}\n--{boundary}\nContent-Description: Delivery report\n"
                          f"Content-Type: message/delivery-status\n\n{status}\n--{boundary}\n"
                          "Content-Description: Undelivered Message Headers\n"
                          f"Content-Type: text/rfc822-headers\n\n{head}\n--{boundary}--\n").encode("ascii")
        return ([f'Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="{boundary}"'],
                payload, [])
    raise ValueError(kind)


def plain_text(m: dict) -> tuple[str, str, str]:
    """(whole plain text, quote attribution, office text) of a message."""
    body = m["body"]
    if not m["quote"] or m["quote"][0] == "none":
        return body, "", ""
    style, sent, (subject, text, *_) = m["quote"]
    qhead, qtext = quote_parts(style, sent, subject, text, m["frm"][1])
    q = qhead.rstrip("\n") + "\n\n" + qtext
    whole = q + "\n\n" + body if m["below"] else body + "\n" + q + "\n"
    return whole, qhead, text


def content_type(kind: str, m: dict) -> str:
    label = m["charset_label"] or CHARSETS[m["family"]][0]
    if kind == "text/plain" and m["client"] == "thunderbird":
        return f"text/plain; charset={label}; format=flowed"
    if m["client"] in ("outlook", "wlmail"):
        return f'{kind}; charset="{label.lower()}"'
    return f'{kind}; charset="{label}"'


def build(i: int, m: dict) -> tuple[bytes, list[tuple[str, str]]]:
    """The message bytes and the (family, text) of every text part, for the round-trip check."""
    display, address = m["frm"]
    fam, cte = m["family"], m["cte"]
    domain = address.split("@", 1)[1]
    seed = f"holdout6-{i}-{address}"
    h = hashlib.sha256(seed.encode()).hexdigest()
    extra_client, mid = client_headers(m["client"], seed, domain)
    when = m["when"]
    shown = when.astimezone(m["header_tz"]) if m["header_tz"] else when
    bounce = m["struct"].startswith("bounce")
    if domain == MTA:  # generated by our own MTA
        received = f"Received: by {MTA} (Postfix)\r\n\tid 4d{h[2:12].upper()}; {rfc2822(when)}"
    else:
        received = (f"Received: from mail.{domain} (mail.{domain} [203.0.113.{int(h[:2], 16) % 200 + 20}])"
                    f"\r\n\tby {MTA} (Postfix) with ESMTPS id 4d{h[2:12].upper()}\r\n\tfor <{OFFICE}>; "
                    f"{rfc2822(when + dt.timedelta(seconds=3))}")
    hdr = [f"Return-Path: <{'' if bounce else address}>", received,
           f"Date: {rfc2822(shown)}{' (JST)' if m['client'] in ('docomo', 'au', 'softbank', 'webmail') else ''}",
           f"From: {mailbox(display, address, fam)}",
           f"To: {mailbox(OFFICE_NAME, OFFICE, fam) if i % 3 else OFFICE}",
           f"Subject: {encoded_words(m['subject'], fam)}",
           f"Message-ID: {mid}"]
    if m["quote"] and m["quote"][0] != "none":
        style, sent, office = m["quote"]
        ref = office_mid(sent, office[0] + address)
        hdr += [f"In-Reply-To: {ref}", f"References: {ref}"]
    hdr += extra_client + m["extra"] + ["MIME-Version: 1.0"]
    parts: list[tuple[str, str]] = []
    whole, qhead, otext = plain_text(m)
    if m["struct"] == "plain":
        hdr += [f"Content-Type: {content_type('text/plain', m)}", f"Content-Transfer-Encoding: {cte}"]
        payload = body_bytes(whole, fam, cte)
        parts.append((fam, whole))
    elif m["struct"] == "html":
        page = html_doc(m["html_kind"], m["body"], qhead, otext, fam)
        hdr += [f"Content-Type: {content_type('text/html', m)}", f"Content-Transfer-Encoding: {cte}"]
        payload = body_bytes(page, fam, cte)
        parts.append((fam, page))
    elif m["struct"] in ("alt", "mixed"):
        b = f"{'000000000000' if m['client'] == 'gmail' else 'Apple-Mail=_'}{h[12:40]}"
        first = (f"--{b}\r\nContent-Type: {content_type('text/plain', m)}\r\n"
                 f"Content-Transfer-Encoding: {cte}\r\n\r\n").encode() + body_bytes(whole, fam, cte)
        parts.append((fam, whole))
        if m["struct"] == "alt":
            page = html_doc(m["html_kind"], m["body"], qhead, otext, fam)
            second = (f"\r\n--{b}\r\nContent-Type: {content_type('text/html', m)}\r\n"
                      f"Content-Transfer-Encoding: {cte}\r\n\r\n").encode() + body_bytes(page, fam, cte)
            parts.append((fam, page))
            hdr.append(f'Content-Type: multipart/alternative; boundary="{b}"')
        else:
            fname, ctype, data = m["attachment"]
            pct = "".join(c if c.isascii() and c.isalnum() or c in "._-" else
                          "".join(f"%{x:02X}" for x in c.encode("utf-8")) for c in fname)
            b64 = base64.b64encode(data).decode()
            second = (f"\r\n--{b}\r\nContent-Type: {ctype}; name=\"{encoded_words(fname, 'utf8', width=8)}\"\r\n"
                      f"Content-Disposition: attachment; filename*=UTF-8''{pct}\r\n"
                      f"Content-Transfer-Encoding: base64\r\n\r\n{b64}\r\n").encode()
            hdr.append(f'Content-Type: multipart/mixed; boundary="{b}"')
        payload = first + second + f"\r\n--{b}--\r\n".encode()
    elif bounce:
        boundary = (f"_000_TYWPR01MB0042{h[:20].upper()}_" if m["struct"] == "bounce_exchange"
                    else f"{h[:12].upper()}.{int(when.timestamp())}/{domain}")
        ctype, payload, parts = bounce_payload(m["struct"], m, boundary)
        hdr += ctype
    else:
        raise ValueError(m["struct"])
    return ("\r\n".join(hdr) + "\r\n\r\n").encode("ascii") + payload, parts


# ============================================================ self-checks =======================

def norm(text: str) -> str:
    """NFKC after mapping circled numbers (NFKC would glue ①12月 into 112月)."""
    text = re.sub("[①-⑳]", lambda c: f" {ord(c[0]) - 0x245F} ", text)
    return unicodedata.normalize("NFKC", text)


_KANJI_NUM = re.compile(r"[一二三四五六七八九十]+")


def kanji_to_int(k: str) -> int:
    if "十" in k:
        tens, _, ones = k.partition("十")
        return (_KANJI_DIGIT.index(tens) if tens else 1) * 10 + (_KANJI_DIGIT.index(ones) if ones else 0)
    return _KANJI_DIGIT.index(k)


def with_arabic_dates(text: str) -> str:
    """十二月十七日 -> 12月17日, for the checks only."""
    return re.sub(r"([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日",
                  lambda x: f"{kanji_to_int(x[1])}月{kanji_to_int(x[2])}日", text)


def resolve_year(month: int, sent: dt.date) -> int:
    return sent.year + 1 if month < sent.month - 1 else sent.year


EN_ABBR = {d[:3]: i for i, d in enumerate(EN_DAY)}


def check_weekdays(text: str, sent: dt.date, where: str) -> int:
    """Every weekday written next to a date matches the calendar; returns how many were checked."""
    t = with_arabic_dates(norm(text))
    n = 0
    for mo, d1, d2, w1, w2 in re.findall(r"(\d{1,2})(?:月(\d{1,2})日|/(\d{1,2}))\s*"
                                         r"(?:\(([月火水木金土日])\)|の?([月火水木金土日])曜)", t):
        d, w = d1 or d2, w1 or w2
        y = resolve_year(int(mo), sent)
        assert youbi(D(int(mo), int(d), y)) == w, (where, mo, d, w)
        n += 1
    last_month = sent.month
    for x in re.finditer(r"(?:(\d{1,2})月)?(?<![/\d])(\d{1,2})日\s*\(([月火水木金土日])\)", t):
        if x[1]:
            last_month = int(x[1])
        else:
            prev = re.findall(r"(\d{1,2})月", t[:x.start()])
            mo = int(prev[-1]) if prev else sent.month
            assert youbi(D(mo, int(x[2]), resolve_year(mo, sent))) == x[3], (where, x[0])
            n += 1
    for mon, d, w in re.findall(r"(" + "|".join(EN_MONTH) + r") (\d{1,2}) \((\w{3})\)", t):
        mo = EN_MONTH.index(mon) + 1
        assert D(mo, int(d), resolve_year(mo, sent)).weekday() == EN_ABBR[w], (where, mon, d, w)
        n += 1
    return n


def week_no(day: dt.date) -> int:
    """Monday-start week index (0001-01-01 was a Monday), independent of the label helpers."""
    return (day.toordinal() - 1) // 7


def resolve_rel(spec: tuple, sent: dt.date) -> dt.date:
    """The date a relative phrase names, found by walking the calendar from the mail's JST date."""
    kind, *args = spec
    ahead = [sent + dt.timedelta(days=k) for k in range(1, 80)]
    if kind == "明日":
        hits = ahead[:1]
    elif kind == "明後日":
        hits = ahead[1:2]
    elif kind in ("来週", "週明け", "再来週"):
        n = 2 if kind == "再来週" else 1
        hits = [d for d in ahead if week_no(d) - week_no(sent) == n and d.weekday() == args[0]]
    elif kind == "同じ週":
        anchor, wd = args
        hits = [d for d in ahead if week_no(d) == week_no(anchor) and d.weekday() == wd]
    elif kind == "翌週":
        (anchor,) = args
        hits = [d for d in ahead if week_no(d) == week_no(anchor) + 1 and d.weekday() == anchor.weekday()]
    elif kind == "月末":
        hits = [max(d for d in ahead if d.month == sent.month and d.weekday() == args[0])]
    elif kind == "第":  # 第n X曜 of a named month
        month, n, wd = args
        y = resolve_year(month, sent)
        days = [dt.date(y, month, 1) + dt.timedelta(days=k) for k in range(31)]
        hits = [[d for d in days if d.month == month and d.weekday() == wd][n - 1]]
    else:
        raise ValueError(kind)
    assert len(hits) == 1, (spec, hits)
    return hits[0]


REL_WORDS = {"明日": "明日", "明後日": "明後日", "来週": "来週", "週明け": "週明け", "再来週": "再来週",
             "同じ週": "同じ週", "翌週": "翌週", "月末": "月末", "第": "第"}


def date_written(day: dt.date, text: str) -> bool:
    """M月D日, M/D, 'December D', or a bare D日 (month left out), never inside a longer number."""
    m, d = day.month, day.day
    return bool(re.search(rf"(?<!\d){m}月{d}日|(?<![\d/]){m}/{d}(?!\d)|{EN_MONTH[m - 1]} {d}(?!\d)"
                          rf"|(?<![\d/月]){d}日", text))


ATTENDANT_WORDS = {"interpreter": ("通訳", "つうやく", "interpret"), "caregiver": ("介助", "ヘルパー", "介護"),
                   "other": ("同席", "一緒", "付き添")}


def hour_forms(hhmm: str) -> list[str]:
    h, mi = (int(x) for x in hhmm.split(":"))
    hs = {h, h - 12} if h > 12 else {h}
    out = []
    for x in hs:
        out += [f"{x}:{mi:02d}", f"{x}時", f"{x}:{mi:02d} pm", f"{x} am", f"{x} pm", f"{kansuji(x)}時"]
    if hhmm == "12:00":
        out.append("正午")
    return out


def check(m: dict) -> None:
    lab, body = m["labels"], m["body"]
    sent = m["when"].date()
    nb = with_arabic_dates(norm(body))
    assert set(lab) == {"intent", "name", "seeker_number", "email", "phone", "requested", "choice",
                        "attendant"}, lab
    assert lab["intent"] in ("book", "confirm", "cancel", "reschedule", "question", "automated", "other")
    assert lab["attendant"] in (None, "interpreter", "caregiver", "other")
    assert not re.search(r"^\s*[>＞]", body, re.M), "the unquoted body holds a quote marker"
    # name: as written in the unquoted text, spaces normalised
    if lab["name"] is not None:
        assert lab["name"] == lab["name"].strip() and "  " not in lab["name"] and "\u3000" not in lab["name"]
        assert lab["name"] in nb, lab["name"]
    if lab["intent"] == "automated":
        assert lab["name"] is None and lab["phone"] is None and lab["seeker_number"] is None
    # seeker number: 5-8 digits, the digits written in the body
    digits = re.sub(r"\D", "", nb)
    if lab["seeker_number"] is not None:
        assert re.fullmatch(r"\d{5}-\d{8}", lab["seeker_number"]), lab["seeker_number"]
        assert lab["seeker_number"].replace("-", "") in digits
    # phone: written form (hyphens as written), +81 -> 0
    if lab["phone"] is not None:
        assert re.fullmatch(r"0\d{9,10}|0\d{1,4}-\d{1,4}-\d{4}", lab["phone"]), lab["phone"]
        written = re.sub(r"\+81[-\s]?", "0", nb).replace("ー", "-")
        assert lab["phone"] in written, lab["phone"]
        assert lab["phone"] not in ("018-862-0000",), "the office's own phone"
    # email: lowercase, in the body or the From address
    assert lab["email"] == lab["email"].lower()
    assert lab["email"] in nb.lower() or lab["email"] == m["frm"][1].lower(), lab["email"]
    assert lab["email"] != OFFICE
    # choice: only on confirm, within the quoted offer
    if lab["choice"] is not None:
        assert lab["intent"] == "confirm"
        offer = m["quote"][2][1]
        n_slots = len(re.findall(r"^\d\. \d{4}年", offer, re.M))
        assert 1 <= lab["choice"] <= n_slots, (lab["choice"], n_slots)
        c = lab["choice"]
        assert re.search(rf"(?<![\d:/]){c}(?![\d:/月日])", nb) or f"{kansuji(c)}番" in nb, "choice not written"
    if lab["attendant"] is not None:
        assert any(w in nb for w in ATTENDANT_WORDS[lab["attendant"]]), lab["attendant"]
    if lab["intent"] in ("cancel", "question", "automated", "other"):
        assert lab["requested"] == [] and lab["choice"] is None
    # wishes: dates ahead of the mail, HH:MM times, windows, each date written or relative
    for r in lab["requested"]:
        day = dt.date.fromisoformat(r["date"])
        assert day >= sent, (r, sent)
        assert day <= sent + dt.timedelta(days=60), r
        for k in ("start", "end"):
            assert r[k] is None or re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", r[k]), r
        if r["end"] is not None:
            assert r["start"] is not None and r["start"] < r["end"], r
        if (r["start"], r["end"]) == AM:
            assert "午前" in nb or "morning" in nb, r
        elif (r["start"], r["end"]) == PM:
            assert "午後" in nb or "afternoon" in nb, r
        elif r["start"] is not None and "同じ時間" not in nb:
            assert any(f in nb for f in hour_forms(r["start"])), r
    rel = m["rel"] or [None] * len(lab["requested"])
    assert len(rel) == len(lab["requested"]), "one rel entry per wish"
    for r, spec in zip(lab["requested"], rel):
        day = dt.date.fromisoformat(r["date"])
        if spec is None:
            assert date_written(day, nb), (r, "date not written")
        else:
            assert REL_WORDS[spec[0]] in body, (spec, "phrase not in the body")
            assert resolve_rel(spec, sent) == day, (spec, resolve_rel(spec, sent), day)
    check_weekdays(body, sent, "body")
    if m["quote"]:
        style, qsent, office = m["quote"]
        assert qsent < m["when"], "the quoted mail must be older"
        check_weekdays(office[1], qsent.date(), "quote")
    if m["client"] == "thunderbird" and m["struct"] == "plain":
        whole = plain_text(m)[0]
        assert all(not x.endswith(" ") or x == "-- " for x in whole.split("\n")), "format=flowed"


def check_roundtrip(raw: bytes, m: dict, parts: list[tuple[str, str]]) -> None:
    """The written bytes parse, and every text part and header decodes back to what we meant."""
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
    if m["cte"] == "7bit" and m["struct"] in ("plain", "html"):
        assert max(raw) < 0x80
    msg = message_from_bytes(raw)
    assert not msg.defects, msg.defects
    got = []
    for part in msg.walk():
        if part.get_content_maintype() == "text" and part.get_content_type() != "text/rfc822-headers":
            got.append(part.get_payload(decode=True))
    for (fam, text), data in zip(parts, got):
        assert CHARSETS[fam][2](data) == to_crlf(text), "body does not decode back"
    assert len(got) >= len(parts)
    for name, want in (("Subject", m["subject"]), ("From", m["frm"][0])):
        pieces = decode_header(msg[name])
        text = "".join(CHARSETS[{"iso-2022-jp": "jis", "shift_jis": "sjis", "utf-8": "utf8"}[cs]][2](b)
                       if cs else (b.decode() if isinstance(b, bytes) else b) for b, cs in pieces)
        assert want in text, (name, want, text)
    if m["struct"] in ("html", "alt"):
        page = [t for f, t in parts if t.lstrip().startswith(("<", "<!"))][0]
        visible = re.sub(r"\s", "", norm(html_text(page)))
        for line in m["body"].split("\n"):
            key = re.sub(r"\s", "", norm(line))
            if m["html_kind"] == "table":  # "氏名：…" became a row of two cells
                key = key.replace(":", "", 1)
            assert key in visible, ("html lost a line", line)


def main(out: Path = OUT) -> dict:
    """Write the set into out; returns the labels."""
    out = Path(out)
    M.sort(key=lambda x: x["when"])
    whens = [x["when"] for x in M]
    assert len(set(whens)) == len(whens), "two mails at the same second"
    assert T(11, 24, 0, 0) <= whens[0] and whens[-1] < T(12, 12, 0, 0)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("[0-9][0-9][0-9].eml"):
        old.unlink()
    labels, meta, mids = {}, {}, set()
    for i, m in enumerate(M, 1):
        check(m)
        raw, parts = build(i, m)
        check_roundtrip(raw, m, parts)
        mid = re.search(rb"^Message-ID: (\S+)", raw, re.M)[1]
        assert mid not in mids
        mids.add(mid)
        name = f"{i:03d}.eml"
        (out / name).write_bytes(raw)
        labels[name] = m["labels"]
        meta[name] = {"charset": CHARSETS[m["family"]][0] if not m["struct"].startswith("bounce") else "report",
                      "transfer_encoding": m["cte"], "structure": m["struct"], "client": m["client"],
                      "quote": m["quote"][0] if m["quote"] else None,
                      "date_header_utc_offset": (m["when"].astimezone(m["header_tz"]) if m["header_tz"]
                                                 else m["when"]).strftime("%z"),
                      "note": m["note"]}
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "known_misses.json").write_text("{}\n", encoding="utf-8")
    mix: dict[str, int] = {}
    for lab in labels.values():
        mix[lab["intent"]] = mix.get(lab["intent"], 0) + 1
    print(f"{len(labels)} messages written to {out}; intents {dict(sorted(mix.items()))}")
    return labels


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
