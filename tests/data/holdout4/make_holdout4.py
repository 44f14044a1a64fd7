"""Generate holdout4: a blind, labelled month (2026-11-20 .. 2026-12-24) of the office mailbox.

Run from anywhere: `python tests/data/holdout4/make_holdout4.py` rewrites q*.eml, labels.json and
meta.json next to this file. Deterministic (no clock, no unseeded randomness). Seekers' replies
quote the office's own mail rendered from office_templates/ (a frozen copy of templates/*.j2).

Labels follow ../shared/examples/README.md. Before writing, every mail is checked: weekdays in the
sender's own text agree with the calendar, relative dates are recomputed from the Date header (JST),
label values (name, phone, seeker number, contact address, requested dates) appear in the sender's
own unquoted text, picked option numbers and restated slots exist in the quoted offer.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email import quoprimime
from pathlib import Path
from types import SimpleNamespace

import jinja2

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
JST = timezone(timedelta(hours=9))
WD = "月火水木金土日"
OFFICE_ADDR = "online-soudan@akita-hw.example.jp"
OFFICE = SimpleNamespace(name="ハローワーク秋田", formal_name="秋田公共職業安定所",
                         department="職業相談部門 オンライン職業相談担当", address=OFFICE_ADDR,
                         phone="018-860-0000", phone_hours="平日 8:30〜17:15")
FIRST, LAST = datetime(2026, 11, 20, tzinfo=JST), datetime(2026, 12, 25, tzinfo=JST)


def h(key: str, n: int = 16) -> str:
    """Deterministic hex for ids."""
    return hashlib.sha256(key.encode()).hexdigest()[:n]


def dt(m: int, d: int, hh: int, mm: int, ss: int = 0, y: int = 2026) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=JST)


# --------------------------------------------------------------------------- office mail ----
# A frozen copy of templates/ as of generation: admins may change the live templates without
# changing (or breaking) this labelled set.
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).resolve().parent
                                                             / "office_templates")),
                          undefined=jinja2.StrictUndefined, autoescape=False,
                          keep_trailing_newline=True)


def _render(kind: str, data: dict) -> tuple[str, str]:
    template = _env.get_template(f"{kind}.j2")
    macros = _env.get_template("_macros.j2").module
    context = template.new_context({"m": macros, **data})
    subject = "".join(template.blocks["subject"](context)).strip()
    body = "".join(template.blocks["body"](context)).strip("\n") + "\n"
    return subject, body


def slot(m: int, d: int, hh: int, mm: int = 0, y: int = 2026) -> SimpleNamespace:
    start = dt(m, d, hh, mm, y=y)
    return SimpleNamespace(start=start, end=start + timedelta(minutes=50))


@dataclass
class Office:
    """One mail the office sent (rendered from the real template)."""

    kind: str
    ref: str
    sent: datetime
    to: str
    name: str | None
    slots: list = field(default_factory=list)
    booked: SimpleNamespace | None = None
    missing: list = field(default_factory=list)
    seeker_number: str | None = None
    closed: list = field(default_factory=list)

    def __post_init__(self) -> None:
        first = min((s.start for s in self.slots), default=self.sent + timedelta(days=4))
        deadline = min(first.date() - timedelta(days=1), self.sent.date() + timedelta(days=3))
        data = {"office": OFFICE, "ref": self.ref,
                "contact": {"name": self.name, "seeker_number": self.seeker_number,
                            "attendant": None},
                "slots": self.slots, "slot": self.booked,
                "url": f"https://teleoffice.example.jp/j/{h(self.ref, 10)}",
                "replaced": None, "deadline": deadline, "wishes_met": True,
                "weekday_mismatch": [], "closed_wishes": self.closed, "note": None, "missing": self.missing, "why": None}
        self.subject, self.body = _render(self.kind, data)
        self.msgid = f"<{self.ref}.{self.kind}.{h(self.ref + self.kind + str(self.sent), 12)}@akita-hw.example.jp>"


# ------------------------------------------------------------------------ quote styles ------
def _gt(text: str, mark: str = "> ") -> str:
    return "\n".join(mark.rstrip() if not ln.strip() else mark + ln for ln in text.rstrip("\n").split("\n"))


def _en_date(t: datetime) -> str:
    return t.strftime("%a, %d %b %Y %H:%M:%S +0900")


def quote(style: str, om: Office) -> str:
    s, frm = om.sent, f"ハローワーク秋田 <{OFFICE_ADDR}>"
    if style == "gmail":
        return f"{s.year}年{s.month}月{s.day}日({WD[s.weekday()]}) {s:%H:%M} {frm}:\n\n{_gt(om.body)}"
    if style == "thunderbird":
        return f"{s:%Y/%m/%d} {s:%H:%M} に ハローワーク秋田 さんは書きました:\n{_gt(om.body)}"
    if style == "thunderbird_en":
        return f"On {s:%Y/%m/%d} {s:%H:%M}, ハローワーク秋田 wrote:\n{_gt(om.body)}"
    if style == "becky":
        return f"On {_en_date(s)}\n{frm} wrote:\n{_gt(om.body)}"
    if style == "sylpheed":
        return f"On {_en_date(s)}\nハローワーク秋田 <{OFFICE_ADDR}> wrote:\n\n{_gt(om.body)}"
    if style == "outlook":
        return (f"-----Original Message-----\n差出人: {frm} \n送信日時: {s.year}年{s.month}月{s.day}日 "
                f"{s:%H:%M}\n宛先: {om.to}\n件名: {om.subject}\n\n{om.body}")
    if style == "newoutlook":
        return (f"________________________________\n差出人: {frm}\n送信日時: {s.year}年{s.month}月"
                f"{s.day}日 {s:%H:%M}\n宛先: {om.to} <{om.to}>\n件名: {om.subject}\n\n{om.body}")
    if style == "outlook_en":
        return (f"-----Original Message-----\nFrom: {frm} \nSent: {s:%A, %B} {s.day}, {s.year} "
                f"{s.hour % 12 or 12}:{s:%M} {'AM' if s.hour < 12 else 'PM'}\nTo: {om.to}\n"
                f"Subject: {om.subject}\n\n{om.body}")
    if style == "gmail_en":  # Gmail's English attribution, wrapped inside the address as Gmail does
        return (f"On {s:%a, %b} {s.day}, {s.year} at {s.hour % 12 or 12}:{s:%M} {'AM' if s.hour < 12 else 'PM'} "
                f"ハローワーク秋田 <\n{OFFICE_ADDR}> wrote:\n\n{_gt(om.body)}")
    if style == "macoutlook":
        return (f"差出人: {frm}\n日付: {s.year}年{s.month}月{s.day}日 {WD[s.weekday()]}曜日 {s.hour}:{s:%M}\n"
                f"宛先: {om.name} <{om.to}>\n件名: {om.subject}\n\n{om.body}")
    if style == "iphone":
        return f"{s:%Y/%m/%d} {s:%H:%M}、{frm}のメール:\n\n{_gt(om.body)}"
    if style == "wlmail":
        return (f"----- Original Message ----- \nFrom: ハローワーク秋田\nTo: {om.to}\n"
                f"Sent: {s:%A, %B %d, %Y} {s.hour % 12 or 12}:{s:%M} {'AM' if s.hour < 12 else 'PM'}\n"
                f"Subject: {om.subject}\n\n{_gt(om.body)}")
    if style == "yahoo":
        return (f"----- Original Message -----\n> From: {frm}\n> To: {om.to}\n"
                f"> Date: {s.year}/{s.month}/{s.day} {'月火水木金土日'[s.weekday()]}曜日 {s:%H:%M}\n"
                f"> Subject: {om.subject}\n>\n{_gt(om.body)}")
    if style == "carrier":
        return (f"-----Original Message-----\nFrom: {OFFICE_ADDR}\nSent: {s:%Y/%m/%d %H:%M}\n"
                f"To: {om.to}\nSubject: {om.subject}\n\n{_gt(om.body, '>')}")
    if style == "au":
        return f"----- 元のメッセージ -----\n{_gt(om.body, '＞')}"
    raise ValueError(style)


# --------------------------------------------------------------------------- encoders -------
_NEC_SELECTED: dict[str, bytes] = {}
for _b1 in (0xED, 0xEE):
    for _b2 in range(0x40, 0xFD):
        try:
            _NEC_SELECTED.setdefault(bytes([_b1, _b2]).decode("cp932"), bytes([_b1, _b2]))
        except UnicodeDecodeError:
            pass


def _sjis_to_jis(b1: int, b2: int) -> bytes:
    if b1 >= 0xE0:
        b1 -= 0x40
    b1 -= 0x81
    if b2 >= 0x9F:
        return bytes([b1 * 2 + 0x22, b2 - 0x7E])
    return bytes([b1 * 2 + 0x21, b2 - 0x1F if b2 < 0x7F else b2 - 0x20])


def _jis_char(ch: str) -> tuple[str, bytes]:
    """(mode, bytes) for one character in ISO-2022-JP as Outlook (CP50220) writes it."""
    if ord(ch) < 0x80:
        return "ascii", ch.encode()
    if 0xFF61 <= ord(ch) <= 0xFF9F:
        return "kana", bytes([ch.encode("cp932")[0] - 0x80])
    try:
        return "jis", ch.encode("iso2022_jp")[3:5]
    except UnicodeEncodeError:
        sj = ch.encode("cp932")
        if sj[0] >= 0xFA:
            sj = _NEC_SELECTED[ch]
        return "jis", _sjis_to_jis(sj[0], sj[1])


_ESC = {"ascii": b"\x1b(B", "kana": b"\x1b(I", "jis": b"\x1b$B"}


def enc_jis(text: str) -> bytes:
    out, mode = bytearray(), "ascii"
    for ch in text:
        if ch == "\n" and mode != "ascii":
            out += _ESC["ascii"]
            mode = "ascii"
        m, b = _jis_char(ch)
        if m != mode:
            out += _ESC[m]
            mode = m
        out += b
    if mode != "ascii":
        out += _ESC["ascii"]
    return bytes(out)


def outside_jisx0208(text: str) -> list[str]:
    seen = []
    for ch in text:
        if ord(ch) >= 0x80:
            try:
                ch.encode("iso2022_jp")
            except UnicodeEncodeError:
                if ch not in seen:
                    seen.append(ch)
    return seen


CHARSETS = {"jis": ("ISO-2022-JP", enc_jis), "sjis": ("Shift_JIS", lambda t: t.encode("cp932")),
            "utf8": ("UTF-8", lambda t: t.encode("utf-8"))}


def enc_header(text: str, cs: str) -> str:
    if text.isascii():
        return text
    label, encode = CHARSETS[cs]
    size = 8 if cs == "jis" else 12
    words = [text[i:i + size] for i in range(0, len(text), size)]
    return "\r\n ".join(f"=?{label}?B?{base64.b64encode(encode(w)).decode()}?=" for w in words)


def addr(display: str | None, address: str, cs: str) -> str:
    return f"{enc_header(display, cs)} <{address}>" if display else address


def cte_body(data: bytes, cte: str) -> str:
    if cte == "base64":
        b = base64.b64encode(data).decode()
        return "\r\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\r\n"
    if cte == "quoted-printable":
        return quoprimime.body_encode(data.decode("latin-1"), maxlinelen=76, eol="\r\n") + "\r\n"
    return data.decode("latin-1")


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _divs(t: str) -> str:
    return "".join(f"<div>{html.escape(ln) or '<br>'}</div>" for ln in t.rstrip("\n").split("\n"))


def _html_doc(inner: str) -> str:
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>'
            f"<body>{inner}</body></html>\n")


def to_html(own: str, quoted: str | None, qhead: str | None) -> str:
    out = f'<div dir="ltr">{_divs(own)}</div>'
    if quoted is not None:
        out += (f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{html.escape(qhead)}<br></div>'
                f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
                f'rgb(204,204,204);padding-left:1ex">{html.escape(quoted.rstrip()).replace(chr(10), "<br>")}'
                f"</blockquote></div>")
    return _html_doc(out)


# --------------------------------------------------------------------------- the mails ------
CLIENT_HEADERS = {
    "thunderbird": [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ja")],
    "becky": [("X-Mailer", "Becky! ver. 2.81.05 [ja]")],
    "outlook": [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ja")],
    "newoutlook": [("Content-Language", "ja-JP"), ("X-MS-Has-Attach", "")],
    "gmail": [], "android": [], "bulk": [], "mta": [], "system": [],
    "iphone": [("X-Mailer", "iPhone Mail (22B91)")],
    "carrier": [("X-Mailer", "Carrier Mail Client 3.1")],
    "yahoo": [("X-Mailer", "YahooMailWebService/0.8.123")],
    "wlmail": [("X-Mailer", "Microsoft Windows Live Mail 16.4.3528.331"),
               ("X-MimeOLE", "Produced By Microsoft MimeOLE V16.4.3528.331")],
    "webmail": [("X-Mailer", "Active! mail")],
    "sylpheed": [("X-Mailer", "Sylpheed 3.7.0 (GTK+ 2.24.32; x86_64-pc-linux-gnu)")],
    "legacy": [("X-Mailer", "EdMax Version 3.07")],
    "macoutlook": [("User-Agent", "Microsoft-MacOutlook/16.89.24091630"), ("Thread-Topic", "")],
}

MAILS: list[dict] = []


def R(d: str, start: str | None = None, end: str | None = None) -> dict:
    return {"date": d, "start": start, "end": end}


AM, PM = ("09:00", "12:00"), ("13:00", "17:00")


def mail(*, when: datetime, frm: str, name_disp: str | None, subject: str, own: str = "",
         label: dict, note: str, client: str = "thunderbird", enc: str = "utf8",
         cte: str = "base64", structure: str = "plain", reply_to: Office | None = None,
         style: str | None = None, bottom: bool = False, to_disp: bool = False,
         extra_headers: list | None = None, rel: list | None = None, raw: str | None = None,
         offer: Office | None = None) -> None:
    """Register one mail. `own` is the sender's own text; the quote is added from `reply_to`."""
    MAILS.append(dict(when=when, frm=frm, name_disp=name_disp, subject=subject, own=own,
                      label=label, note=note, client=client, enc=enc, cte=cte,
                      structure=structure, reply_to=reply_to, style=style, bottom=bottom,
                      to_disp=to_disp, extra_headers=extra_headers or [], rel=rel or [],
                      raw=raw, offer=offer or (reply_to if reply_to and reply_to.kind in
                                                ("offer", "which_slot") else None)))


def L(intent: str, email: str, name=None, seeker=None, phone=None, requested=(), choice=None,
      attendant=None) -> dict:
    return {"intent": intent, "name": name, "seeker_number": seeker, "email": email.lower(),
            "phone": phone, "requested": list(requested), "choice": choice, "attendant": attendant}


def RE(om: Office, prefix: str = "Re: ") -> str:
    return prefix + om.subject


SUBJ_OFFER_RE = "Re: 【ハローワーク秋田】オンライン職業相談のご予約について"


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# --------------------------------------------------------------------------- automated ------
def rfc822_of(om: Office) -> str:
    """The office mail as it left (UTF-8, base64), for bounces that attach it."""
    body = base64.b64encode(crlf(om.body).encode("utf-8")).decode()
    body = "\r\n".join(body[i:i + 76] for i in range(0, len(body), 76))
    return crlf(f"From: {enc_header('ハローワーク秋田', 'utf8')} <{OFFICE_ADDR}>\nTo: {om.to}\n"
                f"Subject: {enc_header(om.subject, 'utf8')}\nDate: {_en_date(om.sent)}\n"
                f"Message-ID: {om.msgid}\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
                f"Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n") + body + "\r\n"


def dsn_report(om: Office, when: datetime, host: str, reason: str) -> tuple[str, str]:
    b = f"{h(om.msgid, 10).upper()}.{int(when.timestamp())}/{host}"
    human = (f"This is the mail system at host {host}.\n\nI'm sorry to have to inform you that your message "
             f"could not\nbe delivered to one or more recipients. It's attached below.\n\n"
             f"お送りいただいたメールは、宛先に配送できませんでした。\n\n                   The mail system\n\n"
             f"<{om.to}>: {reason}\n")
    status = (f"Reporting-MTA: dns; {host}\nArrival-Date: {_en_date(om.sent)}\n\n"
              f"Final-Recipient: rfc822; {om.to}\nOriginal-Recipient: rfc822;{om.to}\nAction: failed\n"
              f"Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <{om.to}>: Recipient address rejected\n")
    body = (f"This is a MIME-encapsulated message.\r\n\r\n--{b}\r\nContent-Description: Notification\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            f"{cte_body(crlf(human).encode('utf-8'), 'base64')}\r\n--{b}\r\n"
            f"Content-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n"
            f"{crlf(status)}\r\n--{b}\r\nContent-Description: Undelivered Message\r\n"
            f"Content-Type: message/rfc822\r\n\r\n{rfc822_of(om)}\r\n--{b}--\r\n")
    return f'multipart/report; report-type=delivery-status;\r\n\tboundary="{b}"', body


def mdn_report(om: Office, when: datetime, reader: str) -> tuple[str, str]:
    b = f"------------{h(om.msgid + 'mdn', 24)}"
    human = (f"これは {om.sent:%Y/%m/%d %H:%M} に ハローワーク秋田 <{OFFICE_ADDR}> へ送信したメッセージの開封確認です。\n\n"
             f"このメッセージは受信者の画面に表示されました。ただし、受信者が内容を読んだり理解したりしたことを保証するものではありません。\n")
    disp = (f"Reporting-UA: {reader.split('@')[1]}; Mozilla Thunderbird\nFinal-Recipient: rfc822;{reader}\n"
            f"Original-Message-ID: {om.msgid}\nDisposition: manual-action/MDN-sent-manually; displayed\n")
    body = (f"This is a multi-part message in MIME format.\r\n--{b}\r\n"
            f"Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            f"{cte_body(crlf(human).encode('utf-8'), 'base64')}\r\n--{b}\r\n"
            f"Content-Type: message/disposition-notification; name=\"MDNPart2.txt\"\r\n"
            f"Content-Disposition: inline\r\nContent-Transfer-Encoding: 7bit\r\n\r\n{crlf(disp)}\r\n--{b}--\r\n")
    return f'multipart/report; report-type=disposition-notification;\r\n boundary="{b}"', body


# --------------------------------------------------------------------------- scenarios ------
def seekers() -> None:  # noqa: C901 - one long, flat list of mails is the point
    # ---- 青木 優斗: labelled form -> offer -> 1番 -> thanks for confirmation -> thanks after session
    a = "aoki.yuto@example.jp"
    mail(when=dt(11, 20, 9, 12, 40), frm=a, name_disp="青木 優斗", enc="jis", cte="7bit",
         subject="オンライン職業相談の予約をお願いします", client="thunderbird",
         own="ハローワーク秋田\nオンライン職業相談 ご担当者様\n\nはじめてご連絡いたします。青木と申します。\n"
             "オンライン職業相談の予約をお願いいたします。\n\n氏名　　：青木 優斗\n求職番号：05010-41236587\n"
             "第1希望 ：11月26日（木）10:00\n第2希望 ：11月27日（金）午後\n電話番号：090-2214-5561\n"
             "メール　：aoki.yuto@example.jp\n\nよろしくお願いいたします。\n",
         label=L("book", a, "青木 優斗", "05010-41236587", "090-2214-5561",
                 [R("2026-11-26", "10:00"), R("2026-11-27", *PM)]),
         note="labelled form with full-width colons; 第1/第2希望; 午後 window")
    o = Office("offer", "AK-2611-0012", dt(11, 20, 13, 5), a, "青木 優斗",
               [slot(11, 26, 10), slot(11, 27, 14), slot(11, 30, 10)])
    mail(when=dt(11, 20, 19, 5, 12), frm=a, name_disp="青木 優斗", enc="jis", cte="7bit",
         subject=RE(o), client="thunderbird", reply_to=o, style="thunderbird",
         own="ハローワーク秋田 ご担当者様\n\nご連絡ありがとうございます。青木です。\n1番でお願いします。利用規約に同意します。\n\n青木 優斗\n",
         label=L("confirm", a, "青木 優斗", choice=1),
         note="Thunderbird (ja) reply header; quoted offer has the 「2番でお願いします」 example line")
    c = Office("confirmed", "AK-2611-0012", dt(11, 20, 19, 6), a, "青木 優斗", booked=slot(11, 26, 10),
               seeker_number="05010-41236587")
    mail(when=dt(11, 21, 10, 31, 2), frm=a, name_disp="青木 優斗", enc="jis", cte="7bit",
         subject=RE(c), client="thunderbird", reply_to=c, style="thunderbird",
         own="ハローワーク秋田 ご担当者様\n\n予約確定のご連絡、ありがとうございました。\n当日はどうぞよろしくお願いいたします。\n\n青木 優斗\n",
         label=L("other", a, "青木 優斗"),
         note="thanks for the confirmation: nothing to book, pick, cancel or ask (judgement: other)")
    mail(when=dt(11, 26, 16, 40, 55), frm=a, name_disp="青木 優斗", enc="jis", cte="7bit",
         subject="本日のお礼", client="thunderbird",
         own="ハローワーク秋田\nオンライン職業相談 ご担当者様\n\n本日はオンライン相談でお世話になり、ありがとうございました。\n"
             "応募書類の書き方について具体的に教えていただき、大変参考になりました。\n"
             "教えていただいた求人にも、さっそく応募してみようと思います。\n\n青木 優斗\n",
         label=L("other", a, "青木 優斗"), note="thanks after the session; new thread (judgement: other)")

    # ---- 小林さやか: prose, relative days -> offer -> ② (Gmail alternative) -> question, mother helps
    a = "sayaka.kobayashi@gmail.example.com"
    mail(when=dt(11, 20, 21, 40, 3), frm=a, name_disp="小林さやか", client="gmail",
         subject="オンライン相談の予約について",
         own="ハローワーク秋田 ご担当者様\n\n夜分に失礼いたします。小林さやかと申します。\n"
             "オンラインでの職業相談を予約したく、ご連絡しました。\n\n"
             "来週水曜日の午後か、来週金曜日の午前中でお願いできればと思います。\n"
             "求職番号は 05020 66120934 です。\n携帯：080-4432-1198\n\nどうぞよろしくお願いいたします。\n小林さやか\n",
         label=L("book", a, "小林さやか", "05020-66120934", "080-4432-1198",
                 [R("2026-11-25", *PM), R("2026-11-27", *AM)]),
         rel=[("来週水曜", date(2026, 11, 25), "来週水曜日の午後"), ("来週金曜", date(2026, 11, 27), "来週金曜日の午前中")],
         note="free prose; 来週水曜/来週金曜 relative to Fri 11/20; seeker number split by a space")
    o = Office("offer", "AK-2611-0013", dt(11, 21, 8, 0), a, "小林さやか",
               [slot(11, 25, 14), slot(11, 25, 15), slot(11, 27, 10)])
    mail(when=dt(11, 21, 12, 11, 40), frm=a, name_disp="小林さやか", client="gmail", structure="alt",
         subject=RE(o), reply_to=o, style="gmail",
         own="ハローワーク秋田 ご担当者様\n\nお世話になっております。小林です。\n②でお願いします。規約も読みました。\n\n小林さやか\n",
         label=L("confirm", a, "小林さやか", choice=2),
         note="Gmail multipart/alternative, HTML quote in blockquote; circled number")
    c = Office("confirmed", "AK-2611-0013", dt(11, 21, 12, 12), a, "小林さやか", booked=slot(11, 25, 15),
               seeker_number="05020-66120934")
    mail(when=dt(11, 24, 20, 15, 9), frm=a, name_disp="小林さやか", client="gmail",
         subject=RE(c), reply_to=c, style="gmail",
         own="ハローワーク秋田 ご担当者様\n\n一点お聞きしたいことがあります。\n"
             "パソコンの操作に不安があるので、当日は母に隣で手伝ってもらってもよいでしょうか。\n\n小林さやか\n",
         label=L("question", a, "小林さやか", attendant="other"),
         note="after confirmation: asks whether her mother may help at her side -> question, attendant other")

    # ---- 工藤拓海: carrier one-liner -> offer -> １ (no quote) -> same-day cancel
    a = "takumi.k0301@docomo.example.ne.jp"
    mail(when=dt(11, 21, 7, 50, 21), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject="相談予約",
         own="オンライン相談予約したいです。工藤拓海 求職番号0501092817364 12/2午前中希望 携帯09055128830\n",
         label=L("book", a, "工藤拓海", "05010-92817364", "09055128830", [R("2026-12-02", *AM)]),
         note="carrier one-liner, no display name; seeker number and phone without separators")
    o = Office("offer", "AK-2611-0014", dt(11, 21, 7, 52), a, None,
               [slot(12, 2, 9), slot(12, 2, 10), slot(12, 2, 11)])
    mail(when=dt(11, 21, 8, 30, 4), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject=RE(o), reply_to=o, style=None, own="１でお願いします\n",
         label=L("confirm", a, choice=1), note="carrier reply without quote; full-width digit alone")
    c = Office("confirmed", "AK-2611-0014", dt(11, 21, 8, 31), a, None, booked=slot(12, 2, 9),
               seeker_number="05010-92817364")
    mail(when=dt(12, 2, 7, 40, 33), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject=RE(c), reply_to=c, style=None,
         own="今日9時の予約ですが、熱が出てしまったのでキャンセルします。すみません。\n",
         label=L("cancel", a), note="same-day cancel (Date 12/2, booking 12/2 9:00); the booked time is not requested")

    # ---- 佐藤 美和子: long letter, 和暦, furigana, two phones -> 二番目 (Outlook) -> reschedule
    a = "miwako.sato@example.ne.jp"
    mail(when=dt(11, 23, 20, 30, 10), frm=a, name_disp="佐藤 美和子", client="outlook", enc="jis", cte="7bit",
         subject="オンライン職業相談の予約のお願い", to_disp=True,
         own="ハローワーク秋田\nオンライン職業相談ご担当者様\n\n突然のメールにて失礼いたします。\n"
             "私、佐藤 美和子（さとう みわこ）と申します。\n昨年末に前職を退職し、現在再就職に向けて活動しております。\n"
             "11月18日に一社面接を受けましたが、今後の進め方についてご相談したく、\n"
             "オンライン職業相談の予約をお願いできればと存じます。\n\n希望日時は下記のとおりです。\n"
             "　第一希望：令和8年12月3日（木）午後2時\n　第二希望：令和8年12月4日（金）午前10時\n\n"
             "求職番号：05030-11475829\n連絡先　：自宅 018-864-2207／携帯 090-7781-3302\n"
             "　　　　　（日中は携帯にご連絡いただけますと幸いです）\n\n"
             "お忙しいところ恐れ入りますが、何卒よろしくお願い申し上げます。\n\n佐藤 美和子\n",
         label=L("book", a, "佐藤 美和子", "05030-11475829", "090-7781-3302",
                 [R("2026-12-03", "14:00"), R("2026-12-04", "10:00")]),
         note="long polite letter sent on the 11/23 holiday; 和暦; past interview date; home and mobile, mobile preferred")
    o = Office("offer", "AK-2611-0016", dt(11, 23, 20, 31), a, "佐藤 美和子",
               [slot(12, 3, 14), slot(12, 4, 10), slot(12, 4, 11)])
    mail(when=dt(11, 24, 9, 2, 45), frm=a, name_disp="佐藤 美和子", client="outlook", enc="jis", cte="7bit",
         subject=RE(o, "RE: "), reply_to=o, style="outlook", to_disp=True,
         own="ハローワーク秋田\nオンライン職業相談ご担当者様\n\nお世話になっております。佐藤でございます。\n"
             "早速のご連絡ありがとうございます。\nご提示いただいた日時のうち、二番目の日程でお願いいたします。\n"
             "利用規約についても拝読し、同意いたします。\n\n佐藤 美和子\n携帯：090-7781-3302\n",
         label=L("confirm", a, "佐藤 美和子", phone="090-7781-3302", choice=2),
         note="Outlook -----Original Message----- quote without >, offer text incl. 例「2番でお願いします」; 二番目")
    c = Office("confirmed", "AK-2611-0016", dt(11, 24, 9, 3), a, "佐藤 美和子", booked=slot(12, 4, 10),
               seeker_number="05030-11475829")
    mail(when=dt(12, 1, 13, 20, 7), frm=a, name_disp="佐藤 美和子", client="outlook", enc="jis", cte="7bit",
         subject=RE(c, "RE: "), reply_to=c, style="outlook", to_disp=True,
         own="ハローワーク秋田\nオンライン職業相談ご担当者様\n\nいつもお世話になっております。佐藤でございます。\n"
             "12月4日（金）に予約しております相談の件ですが、\n急遽、別の企業の面接が入ってしまいました。\n"
             "誠に恐縮ですが、12月11日（金）の午前10時に変更していただくことは可能でしょうか。\n\n佐藤 美和子\n",
         label=L("reschedule", a, "佐藤 美和子", requested=[R("2026-12-11", "10:00")]),
         note="reschedule: booked 12/4 is not requested, new 12/11 午前10時 is; Outlook quote of the confirmation")

    # ---- グエン ヴァン ミン: simple hiragana Japanese, interpreter -> 1ばん
    a = "nguyen.vminh@gmail.example.com"
    mail(when=dt(11, 24, 18, 20, 51), frm=a, name_disp="Nguyen Van Minh", client="android", enc="utf8",
         cte="8bit", subject="そうだん よやく",
         own="ハローワーク あきた の みなさま\n\nこんにちは。わたしは グエン ヴァン ミン です。\n"
             "ベトナム から きました。しごと を さがして います。\nオンライン の そうだん を よやく したい です。\n\n"
             "12月1日（火）の 午前 が いいです。\n"
             "にほんご が すこし むずかしい ので、つうやく の ひと と いっしょに さんか します。\n\n"
             "でんわ：080-3345-9012\nよろしく おねがいします。\n",
         label=L("book", a, "グエン ヴァン ミン", phone="080-3345-9012",
                 requested=[R("2026-12-01", *AM)], attendant="interpreter"),
         note="simple Japanese with spaces between words; interpreter (つうやく) joins; romaji display name")
    o = Office("offer", "AK-2611-0018", dt(11, 24, 18, 21), a, "グエン ヴァン ミン",
               [slot(12, 1, 9), slot(12, 1, 10), slot(12, 1, 11)])
    mail(when=dt(11, 25, 8, 40, 2), frm=a, name_disp="Nguyen Van Minh", client="android", enc="utf8",
         cte="8bit", subject=RE(o), reply_to=o, style="gmail",
         own="ありがとう ございます。\n1ばん で おねがいします。\n\nグエン ヴァン ミン\n",
         label=L("confirm", a, "グエン ヴァン ミン", choice=1),
         note="option number with hiragana ばん; Gmail (Android) quote")

    # ---- 斎藤 陽太 (mother writes): contact of the son, two mornings -> date/time pick
    a = "keiko.saito55@yahoo.example.co.jp"
    mail(when=dt(11, 25, 13, 0, 18), frm=a, name_disp="斎藤 恵子", client="yahoo", cte="quoted-printable",
         subject="息子の職業相談の予約をお願いします",
         own="ハローワーク秋田 ご担当者様\n\nはじめまして。斎藤と申します。\n"
             "息子の斎藤 陽太（さいとう ようた）のオンライン職業相談の予約をお願いしたく、\n"
             "代わりにメールをお送りしております。\n相談には本人ひとりで参加いたします。\n\n"
             "希望日：12月7日（月）の午前中、または12月8日（火）の午前中\n本人の求職番号：05040-60127733\n"
             "本人の連絡先：携帯 080-1123-5567\n　　　　　　　メール yota.saito@example.ne.jp\n\n"
             "どうぞよろしくお願いいたします。\n\n斎藤 恵子\n",
         label=L("book", "yota.saito@example.ne.jp", "斎藤 陽太", "05040-60127733", "080-1123-5567",
                 [R("2026-12-07", *AM), R("2026-12-08", *AM)]),
         note="mother writes for her son: name, phone and address are the son's; signature is not the seeker; nobody joins")
    o = Office("offer", "AK-2611-0019", dt(11, 25, 13, 1), a, "斎藤 陽太",
               [slot(12, 7, 10), slot(12, 8, 9), slot(12, 8, 11)])
    mail(when=dt(11, 25, 21, 30, 44), frm=a, name_disp="斎藤 恵子", client="yahoo", cte="quoted-printable",
         subject=RE(o), reply_to=o, style="yahoo",
         own="ハローワーク秋田 ご担当者様\n\n斎藤陽太の母です。ご連絡ありがとうございます。\n"
             "本人と相談し、12月8日（火）11:00〜11:50でお願いすることにしました。\n"
             "利用規約も本人が確認しております。\n\n斎藤 恵子\n",
         label=L("confirm", a, "斎藤陽太", requested=[R("2026-12-08", "11:00", "11:50")]),
         note="picks by restating the slot (no number); mother writes; Yahoo quote with > header lines")

    # ---- 高橋翔太: iPhone, 明後日 -> １番
    a = "shota.t@icloud.example.com"
    mail(when=dt(11, 25, 22, 10, 30), frm=a, name_disp="高橋翔太", client="iphone", structure="alt",
         cte="quoted-printable", subject="相談したいです",
         own="夜分にすみません。\n明後日の10時からオンライン相談できますか？\n"
             "高橋翔太です。求職番号05040-22871356、電話は08066120045です。\n\niPhoneから送信\n",
         label=L("book", a, "高橋翔太", "05040-22871356", "08066120045", [R("2026-11-27", "10:00")]),
         rel=[("明後日", date(2026, 11, 27), "明後日の10時")],
         note="iPhone multipart/alternative QP; 明後日 relative to Wed 11/25; one paragraph")
    o = Office("offer", "AK-2611-0020", dt(11, 25, 22, 11), a, "高橋翔太",
               [slot(11, 27, 10), slot(11, 27, 11), slot(11, 30, 10)])
    mail(when=dt(11, 26, 7, 15, 9), frm=a, name_disp="高橋翔太", client="iphone", cte="quoted-printable",
         subject=RE(o), reply_to=o, style="iphone",
         own="１番でお願いします。\n\n高橋翔太\n\niPhoneから送信\n",
         label=L("confirm", a, "高橋翔太", choice=1), note="iPhone quote header; full-width １番")

    # ---- 村上亜紀: bare request -> needs_info -> labelled answers
    a = "aki.murakami@gmail.example.com"
    mail(when=dt(11, 26, 7, 30, 0), frm=a, name_disp="村上亜紀", client="gmail",
         subject="オンライン職業相談",
         own="ハローワーク秋田さま\n\nオンライン職業相談を申し込みたいです。\nよろしくお願いします。\n\n村上亜紀\n",
         label=L("book", a, "村上亜紀"), note="request without date, phone or number")
    n = Office("needs_info", "AK-2611-0021", dt(11, 26, 7, 31), a, "村上亜紀", missing=["phone", "requested"])
    mail(when=dt(11, 26, 20, 5, 37), frm=a, name_disp="村上亜紀", client="gmail",
         subject=RE(n), reply_to=n, style="gmail",
         own="ご連絡ありがとうございます。以下お知らせします。\n\n・お電話番号：070-5566-1234\n"
             "・ご希望の日時：12月9日（水）13時〜15時\n求職番号はまだ登録していないので、ありません。\n\n村上亜紀\n",
         label=L("book", a, "村上亜紀", phone="070-5566-1234", requested=[R("2026-12-09", "13:00", "15:00")]),
         note="reply to needs_info, answers under the template's own labels; span 13時〜15時")

    # ---- 石井健二: bullet list -> bottom-posted 2番
    a = "k-ishii@example.ne.jp"
    mail(when=dt(11, 26, 8, 45, 12), frm=a, name_disp="石井 健二", client="becky", enc="jis", cte="7bit",
         subject="オンライン職業相談予約希望",
         own="ハローワーク秋田 御中\n\nオンライン職業相談の予約を希望します。\n\n・氏名：石井健二（ｲｼｲ ｹﾝｼﾞ）\n"
             "・求職番号：05010-77342018\n・希望日時：12/1(火) 15:00、または 12/2(水) 15:00\n"
             "・TEL：018-823-4410\n\n以上、よろしくお願いします。\n",
         label=L("book", a, "石井健二", "05010-77342018", "018-823-4410",
                 [R("2026-12-01", "15:00"), R("2026-12-02", "15:00")]),
         note="bullet list; EXT: half-width katakana furigana (JIS X 0201 kana, ESC ( I); M/D(曜) dates; landline")
    o = Office("offer", "AK-2611-0022", dt(11, 26, 8, 46), a, "石井健二", [slot(12, 1, 15), slot(12, 2, 15)])
    mail(when=dt(11, 26, 12, 40, 26), frm=a, name_disp="石井 健二", client="becky", enc="jis", cte="7bit",
         subject=RE(o), reply_to=o, style="becky", bottom=True,
         own="2番でお願いします。\n\n石井健二\n",
         label=L("confirm", a, "石井健二", choice=2), note="bottom-posted under a Becky! quote")

    # ---- 田村 幸子: Shift_JIS base64, 【】 labels, 終日 -> "3." restated line -> reschedule with two times
    a = "s.tamura@example.jp"
    mail(when=dt(11, 27, 12, 15, 3), frm=a, name_disp="田村 幸子", client="wlmail", enc="sjis",
         subject="オンライン職業相談の予約",
         own="ハローワーク秋田　ご担当者様\n\nオンライン職業相談の予約をお願いします。\n\n"
             "【お名前】田村　幸子（タムラ　サチコ）\n【求職番号】05020-38810476\n【第一希望】12月10日（木）終日可\n"
             "【第二希望】12月11日（金）13:00～14:00\n【電話】080-9981-2214\n\nよろしくお願いいたします。\n",
         label=L("book", a, "田村 幸子", "05020-38810476", "080-9981-2214",
                 [R("2026-12-10"), R("2026-12-11", "13:00", "14:00")]),
         note="Shift_JIS base64; 【】 labels; full-width space in name; katakana furigana; 終日; FULLWIDTH TILDE span")
    o = Office("offer", "AK-2611-0024", dt(11, 27, 12, 16), a, "田村 幸子",
               [slot(12, 10, 10), slot(12, 10, 14), slot(12, 11, 13)])
    mail(when=dt(11, 27, 18, 0, 50), frm=a, name_disp="田村 幸子", client="wlmail", enc="sjis",
         subject=RE(o), reply_to=o, style="wlmail",
         own="ハローワーク秋田　ご担当者様\n\nご連絡ありがとうございます。下記でお願いします。\n\n"
             "3. 2026年12月11日(金) 13:00〜13:50\n\n規約に同意します。\n田村　幸子\n",
         label=L("confirm", a, "田村 幸子", requested=[R("2026-12-11", "13:00", "13:50")], choice=3),
         note="copies the offer line '3. …' into her own text: number plus restated slot; WLMail quote")
    c = Office("confirmed", "AK-2611-0024", dt(11, 27, 18, 1), a, "田村 幸子", booked=slot(12, 11, 13),
               seeker_number="05020-38810476")
    mail(when=dt(12, 8, 9, 10, 16), frm=a, name_disp="田村 幸子", client="wlmail", enc="sjis",
         subject=RE(c), reply_to=c, style="wlmail",
         own="ハローワーク秋田　ご担当者様\n\n12月11日（金）に予約している田村です。\n"
             "その日は家族の用事が入ってしまったため、日にちを変更していただきたいです。\n"
             "12月16日（水）の14時か、12月17日（木）の14時でお願いできますでしょうか。\n\n田村　幸子\n",
         label=L("reschedule", a, "田村 幸子", requested=[R("2026-12-16", "14:00"), R("2026-12-17", "14:00")]),
         note="reschedule with two new times; booked date first")

    # ---- 髙橋 涼子: ISO-2022-JP with 髙 and full-width number/phone -> ③ -> question, supporter joins
    a = "ryoko.takahashi@example.co.jp"
    mail(when=dt(11, 30, 9, 5, 31), frm=a, name_disp="髙橋 涼子", client="outlook", enc="jis", cte="7bit",
         subject="オンライン職業相談の予約について", to_disp=True,
         own="ハローワーク秋田\nオンライン職業相談ご担当者様\n\nお世話になります。髙橋 涼子と申します。\n"
             "オンライン職業相談の予約をお願いしたく、ご連絡いたしました。\n\n"
             "12月14日（月）の11時、もしくは12月15日（火）の11時を希望いたします。\n\n"
             "求職番号：05010－55218803\n電話：０８０－２２３１－７７４０\n\nよろしくお願いいたします。\n髙橋 涼子\n",
         label=L("book", a, "髙橋 涼子", "05010-55218803", "080-2231-7740",
                 [R("2026-12-14", "11:00"), R("2026-12-15", "11:00")]),
         note="EXT: 髙 (NEC-selected IBM ext, CP50220) in body and From; full-width hyphen in number, full-width phone")
    o = Office("offer", "AK-2611-0027", dt(11, 30, 9, 6), a, "髙橋 涼子",
               [slot(12, 14, 11), slot(12, 15, 11), slot(12, 15, 14)])
    mail(when=dt(11, 30, 12, 30, 14), frm=a, name_disp="髙橋 涼子", client="outlook", enc="jis", cte="7bit",
         subject=RE(o, "RE: "), reply_to=o, style="outlook", to_disp=True,
         own="ハローワーク秋田\nご担当者様\n\nお世話になっております。髙橋です。\n③でお願いいたします。規約に同意いたします。\n\n髙橋 涼子\n",
         label=L("confirm", a, "髙橋 涼子", choice=3),
         note="EXT: ③ (NEC row 13) in ISO-2022-JP; Outlook quote without > incl. the 例 line")
    c = Office("confirmed", "AK-2611-0027", dt(11, 30, 12, 31), a, "髙橋 涼子", booked=slot(12, 15, 14),
               seeker_number="05010-55218803")
    mail(when=dt(12, 10, 15, 0, 2), frm=a, name_disp="髙橋 涼子", client="outlook", enc="jis", cte="7bit",
         subject=RE(c, "RE: "), reply_to=c, style="outlook", to_disp=True,
         own="ハローワーク秋田\nご担当者様\n\nお世話になっております。髙橋です。\n"
             "12月15日の相談について、ひとつ確認させてください。\n"
             "いつも就職活動を支援していただいている就労支援センターの支援員の方にも、\n"
             "同席していただきたいと考えているのですが、よろしいでしょうか。\n\n髙橋 涼子\n",
         label=L("question", a, "髙橋 涼子", attendant="other"),
         note="after confirmation: asks whether a support-agency worker may join -> question, attendant other; booked date not requested")

    # ---- 山﨑大地: 﨑, 来週の水曜 -> single-slot offer -> consent only (new Outlook)
    a = "daichi.yamasaki@example.com"
    mail(when=dt(11, 30, 12, 40, 8), frm=a, name_disp="山﨑 大地", client="outlook", enc="jis", cte="7bit",
         subject="相談予約",
         own="ハローワーク秋田　ご担当者様\n\n山﨑大地です。\nオンライン職業相談を予約したいです。\n"
             "来週の水曜日、午後2時からお願いできますか。\n\n求職番号 0504087712233\n携帯 090-6654-1020\n",
         label=L("book", a, "山﨑大地", "05040-87712233", "090-6654-1020", [R("2026-12-09", "14:00")]),
         rel=[("来週水曜", date(2026, 12, 9), "来週の水曜日、午後2時")],
         note="EXT: 﨑 (NEC-selected IBM ext) in ISO-2022-JP; 来週の水曜日 relative to Mon 11/30; number without separator")
    o = Office("offer", "AK-2611-0028", dt(11, 30, 12, 41), a, "山﨑大地", [slot(12, 9, 14)])
    mail(when=dt(12, 1, 8, 15, 45), frm=a, name_disp="山﨑 大地", client="newoutlook",
         subject=RE(o, "RE: "), reply_to=o, style="newoutlook",
         own="ハローワーク秋田　ご担当者様\n\n承知しました。ご案内の日時でお願いします。\n規約にも同意します。\n\n山﨑大地\n",
         label=L("confirm", a, "山﨑大地"),
         note="consent to a single offered slot, no number; new Outlook header block; quoted 例「1番でお願いします」")

    # ---- 中村 舞: HTML-only list of spans -> HTML reply by time -> cancels after the reminder
    a = "mai.nakamura@webmail.example.jp"
    mail(when=dt(12, 1, 10, 20, 0), frm=a, name_disp="中村 舞", client="webmail", structure="html",
         subject="オンライン職業相談の予約",
         own="ハローワーク秋田 ご担当者様\n\n中村 舞と申します。オンライン職業相談の予約をお願いします。\n\n"
             "■ 希望日時\n・12月17日(木) 10:00〜10:50\n・12月18日(金) 15:00〜15:50\n"
             "■ 求職番号：05030-66102947\n■ 電話：070-3381-5540\n\nよろしくお願いいたします。\n",
         label=L("book", a, "中村 舞", "05030-66102947", "070-3381-5540",
                 [R("2026-12-17", "10:00", "10:50"), R("2026-12-18", "15:00", "15:50")]),
         note="HTML only with <ul> list of spans")
    o = Office("offer", "AK-2612-0002", dt(12, 1, 10, 21), a, "中村 舞", [slot(12, 17, 10), slot(12, 18, 15)])
    mail(when=dt(12, 1, 13, 30, 19), frm=a, name_disp="中村 舞", client="webmail", structure="html",
         subject=RE(o), reply_to=o, style="gmail",
         own="ご連絡ありがとうございます。\n12月18日の15時の回でお願いします。\n\n中村 舞\n",
         label=L("confirm", a, "中村 舞", requested=[R("2026-12-18", "15:00")]),
         note="HTML-only reply, quote in <blockquote>; picks by date and time")
    r = Office("reminder", "AK-2612-0002", dt(12, 17, 12, 0), a, "中村 舞", booked=slot(12, 18, 15),
               seeker_number="05030-66102947")
    mail(when=dt(12, 17, 18, 0, 41), frm=a, name_disp="中村 舞", client="webmail", structure="html",
         subject=RE(r), reply_to=r, style="gmail",
         own="明日の相談ですが、都合がつかなくなってしまったため、キャンセルさせてください。\n申し訳ありません。\n\n中村 舞\n",
         label=L("cancel", a, "中村 舞"), note="cancel in reply to the reminder (day before, not same day); 明日 is the booking")

    # ---- 大山 健: 手話通訳, no phone -> No.2
    a = "ken.oyama@gmail.example.com"
    mail(when=dt(12, 1, 19, 30, 27), frm=a, name_disp="大山 健", client="gmail", structure="alt",
         subject="手話通訳付きのオンライン相談を希望します",
         own="ハローワーク秋田 ご担当者様\n\nはじめまして。大山 健と申します。\n"
             "耳が聞こえないため、手話通訳の方に同席していただいて、\nオンラインで職業相談を受けたいと考えています。\n\n"
             "希望日：12月16日（水）午前\n求職番号：05010-30298817\n"
             "電話は使えませんので、ご連絡はこのメールアドレスにお願いします。\n\nよろしくお願いいたします。\n",
         label=L("book", a, "大山 健", "05010-30298817", requested=[R("2026-12-16", *AM)], attendant="interpreter"),
         note="手話通訳 joins; no phone at all; Gmail alternative")
    o = Office("offer", "AK-2612-0004", dt(12, 1, 19, 31), a, "大山 健",
               [slot(12, 16, 9), slot(12, 16, 10), slot(12, 16, 11)])
    mail(when=dt(12, 2, 9, 0, 5), frm=a, name_disp="大山 健", client="gmail", structure="alt",
         subject=RE(o), reply_to=o, style="gmail",
         own="ご案内ありがとうございます。\nNo.2でお願いします。\n\n大山 健\n",
         label=L("confirm", a, "大山 健", choice=2), note="option written No.2")

    # ---- 菊地 正: kanji numerals, caregiver, postal code -> 2番目 -> reschedule without new time
    a = "kikuchi.t@example.ne.jp"
    mail(when=dt(12, 2, 8, 10, 44), frm=a, name_disp="菊地 正", client="legacy", enc="sjis", cte="8bit",
         subject="オンライン相談申込",
         own="ハローワーク秋田様\n\n菊地 正と申します。\nオンライン職業相談を申し込みます。\n"
             "十二月九日（水）の午前十時を希望します。\n"
             "車椅子を使っており、パソコンの操作のためヘルパーさんが同席します。\n\n"
             "菊地 正\n〒010-0951 秋田市山王一丁目1-1\nTEL 018-833-5126\n",
         label=L("book", a, "菊地 正", phone="018-833-5126", requested=[R("2026-12-09", "10:00")],
                 attendant="caregiver"),
         note="漢数字 date and hour; ヘルパー joins; postal code in signature is not a phone; only phone is in the signature")
    o = Office("offer", "AK-2612-0005", dt(12, 2, 8, 11), a, "菊地 正",
               [slot(12, 9, 9), slot(12, 9, 10), slot(12, 9, 11)])
    mail(when=dt(12, 2, 10, 0, 30), frm=a, name_disp="菊地 正", client="legacy", enc="sjis", cte="8bit",
         subject=RE(o), reply_to=o, style="sylpheed",
         own="ご連絡ありがとうございます。\n2番目でお願いします。\n\n菊地 正\n",
         label=L("confirm", a, "菊地 正", choice=2), note="2番目")
    c = Office("confirmed", "AK-2612-0005", dt(12, 2, 10, 1), a, "菊地 正", booked=slot(12, 9, 10))
    mail(when=dt(12, 7, 16, 20, 11), frm=a, name_disp="菊地 正", client="legacy", enc="sjis", cte="8bit",
         subject=RE(c), reply_to=c, style="sylpheed",
         own="ハローワーク秋田様\n\n12月9日に予約している菊地です。\n"
             "急に通院の予定が入ってしまいましたので、日にちを変更したいです。\n"
             "新しい日にちは、病院の予定がわかり次第あらためて連絡します。\n\n菊地 正\n",
         label=L("reschedule", a, "菊地 正"), note="reschedule without a new time; quoted confirmation asks for 求職番号")

    # ---- 長谷川 真一: lunchtime span, employer phone not to use -> 1番 (Outlook English header) -> cancel
    a = "shinichi.hasegawa@example.com"
    mail(when=dt(12, 3, 12, 5, 17), frm=a, name_disp="長谷川 真一", client="outlook", cte="quoted-printable",
         subject="オンライン職業相談の申込み",
         own="ハローワーク秋田\nオンライン職業相談 ご担当者様\n\nお世話になります。長谷川と申します。\n"
             "在職中のため、昼休みの時間帯で相談をお願いできればと思います。\n\n"
             "希望日時：12/21(月) 12時〜12時50分\n求職番号：05020-41150982\n連絡先　：090-1200-3344（携帯）\n\n"
             "よろしくお願いいたします。\n\n--\n長谷川 真一\n株式会社秋田物流サービス 総務課\n"
             "TEL 018-888-1234（会社のため、こちらにはご連絡をご遠慮ください）\n",
         label=L("book", a, "長谷川 真一", "05020-41150982", "090-1200-3344", [R("2026-12-21", "12:00", "12:50")]),
         note="span 12時〜12時50分 (lunch); employer number in signature not to be used; name from signature")
    o = Office("offer", "AK-2612-0006", dt(12, 3, 12, 6), a, "長谷川 真一", [slot(12, 21, 11), slot(12, 21, 13)])
    mail(when=dt(12, 3, 17, 30, 2), frm=a, name_disp="長谷川 真一", client="outlook", cte="quoted-printable",
         subject=RE(o, "RE: "), reply_to=o, style="outlook_en",
         own="ご連絡ありがとうございます。\n1番でお願いします。\n\n長谷川 真一\n携帯 090-1200-3344\n",
         label=L("confirm", a, "長谷川 真一", phone="090-1200-3344", choice=1),
         note="Outlook English From/Sent/To/Subject header, quote without >")
    c = Office("confirmed", "AK-2612-0006", dt(12, 3, 17, 31), a, "長谷川 真一", booked=slot(12, 21, 11),
               seeker_number="05020-41150982")
    mail(when=dt(12, 15, 8, 30, 55), frm=a, name_disp="長谷川 真一", client="outlook", cte="quoted-printable",
         subject=RE(c, "RE: "), reply_to=c, style="outlook_en",
         own="ハローワーク秋田 ご担当者様\n\nお世話になっております。長谷川です。\n"
             "12月21日（月）11時から予約をしておりましたが、仕事の都合がつかなくなりました。\n"
             "申し訳ありませんが、キャンセルをお願いいたします。\nまた落ち着きましたら改めて申し込みます。\n\n長谷川 真一\n",
         label=L("cancel", a, "長谷川 真一"), note="cancel of a confirmed booking; its date is not requested")

    # ---- 木村優花: 来週の火曜日か水曜日の午後 -> 2 + seeker number later
    a = "yuka.kimura@icloud.example.com"
    mail(when=dt(12, 4, 22, 45, 6), frm=a, name_disp="木村優花", client="iphone", cte="quoted-printable",
         subject="オンライン相談",
         own="ハローワーク秋田さま\nオンライン相談の予約をお願いします。\n来週の火曜日か水曜日の午後でお願いします。\n"
             "木村優花\n\niPhoneから送信\n",
         label=L("book", a, "木村優花", requested=[R("2026-12-08", *PM), R("2026-12-09", *PM)]),
         rel=[("来週火曜", date(2026, 12, 8), "来週の火曜日か"), ("来週水曜", date(2026, 12, 9), "水曜日の午後")],
         note="two weekdays of next week sharing 午後, relative to Fri 12/4")
    o = Office("offer", "AK-2612-0007", dt(12, 4, 22, 46), a, "木村優花",
               [slot(12, 8, 13), slot(12, 8, 15), slot(12, 9, 14)])
    mail(when=dt(12, 5, 9, 10, 38), frm=a, name_disp="木村優花", client="iphone", cte="quoted-printable",
         subject=RE(o), reply_to=o, style="iphone",
         own="2でお願いします！\n求職番号もお伝えしておきます。0503044210987です。\n\n木村優花\n\niPhoneから送信\n",
         label=L("confirm", a, "木村優花", "05030-44210987", choice=2),
         note="bare digit choice; seeker number given later, without separator")

    # ---- 伊藤 大輝: window, 終日, +81 phone -> 3番 + restated slot -> question about a test call
    a = "daiki.ito@gmail.example.com"
    mail(when=dt(12, 7, 9, 30, 0), frm=a, name_disp="伊藤大輝", client="gmail", structure="alt",
         subject="オンライン職業相談の予約",
         own="ハローワーク秋田 ご担当者様\n\n伊藤と申します。オンライン職業相談の予約をお願いします。\n\n■希望日時\n"
             "第1希望　12月11日（金）の10時から12時の間\n第2希望　12月14日（月）終日大丈夫です\n\n"
             "■求職番号　05040 19236684\n■電話　+81 90-3321-7788\n\nよろしくお願いします。\n伊藤 大輝\n",
         label=L("book", a, "伊藤 大輝", "05040-19236684", "090-3321-7788",
                 [R("2026-12-11", "10:00", "12:00"), R("2026-12-14")]),
         note="window 10時から12時の間; whole day 終日; +81 phone; name only in the sign-off")
    o = Office("offer", "AK-2612-0008", dt(12, 7, 9, 31), a, "伊藤 大輝",
               [slot(12, 11, 10), slot(12, 11, 11), slot(12, 14, 13)])
    mail(when=dt(12, 7, 20, 0, 13), frm=a, name_disp="伊藤大輝", client="gmail",
         subject=RE(o), reply_to=o, style="gmail",
         own="ありがとうございます。\n3番の12月14日（月）13:00〜13:50でお願いします。\n\n伊藤 大輝\n",
         label=L("confirm", a, "伊藤 大輝", requested=[R("2026-12-14", "13:00", "13:50")], choice=3),
         note="number plus restated slot")
    c = Office("confirmed", "AK-2612-0008", dt(12, 7, 20, 1), a, "伊藤 大輝", booked=slot(12, 14, 13),
               seeker_number="05040-19236684")
    mail(when=dt(12, 10, 11, 0, 20), frm=a, name_disp="伊藤大輝", client="gmail",
         subject=RE(c), reply_to=c, style="gmail",
         own="ハローワーク秋田 ご担当者様\n\n当日の前に、Tele Officeの接続テストをさせていただくことはできますか？\n"
             "パソコンのカメラがうまく映るか不安です。\n\n伊藤 大輝\n",
         label=L("question", a, "伊藤 大輝"), note="question after confirmation")

    # ---- 近藤早苗: Shift_JIS (cp932 ①②) base64, 14時半/9時半 -> bottom-posted 1番
    a = "sanae.kondo@example.jp"
    mail(when=dt(12, 8, 11, 0, 48), frm=a, name_disp="近藤 早苗", client="legacy", enc="sjis",
         subject="オンライン相談予約",
         own="ハローワーク秋田　御中\n\n近藤早苗です。オンライン相談の予約をお願いします。\n希望日時は次の通りです。\n"
             "①12月17日（木）14時半\n②12月18日（金）9時半\n求職番号：05010-90012236\n携帯：080-7700-3215\n",
         label=L("book", a, "近藤早苗", "05010-90012236", "080-7700-3215",
                 [R("2026-12-17", "14:30"), R("2026-12-18", "09:30")]),
         note="Shift_JIS label with cp932 ①② directly before the month; 時半")
    o = Office("offer", "AK-2612-0010", dt(12, 8, 11, 1), a, "近藤早苗",
               [slot(12, 17, 14), slot(12, 17, 15), slot(12, 18, 10)])
    mail(when=dt(12, 8, 19, 0, 3), frm=a, name_disp="近藤 早苗", client="legacy", enc="sjis",
         subject=RE(o), reply_to=o, style="sylpheed", bottom=True,
         own="1番でお願いします。\n近藤早苗\n", label=L("confirm", a, "近藤早苗", choice=1),
         note="bottom-posted under a > quote")

    # ---- 三浦大和: bare January dates roll into 2027 -> picks by date
    a = "yamato.miura@example.ne.jp"
    mail(when=dt(12, 10, 14, 20, 9), frm=a, name_disp="三浦大和", client="thunderbird", cte="8bit",
         subject="年明けのオンライン相談",
         own="ハローワーク秋田 ご担当者様\n\n三浦大和と申します。\n"
             "年内は仕事の都合で難しいため、年明けに相談をお願いしたいです。\n"
             "1月5日（火）の午後か、1月7日（木）の10時を希望します。\n\n求職番号：05020-70034456\n電話：050-3312-8890\n\n"
             "よろしくお願いします。\n",
         label=L("book", a, "三浦大和", "05020-70034456", "050-3312-8890",
                 [R("2027-01-05", *PM), R("2027-01-07", "10:00")]),
         note="bare 1月 dates resolve to 2027; 050 IP phone; UTF-8 8bit")
    o = Office("offer", "AK-2612-0012", dt(12, 10, 14, 21), a, "三浦大和",
               [slot(1, 5, 13, y=2027), slot(1, 5, 15, y=2027), slot(1, 7, 10, y=2027)])
    mail(when=dt(12, 11, 8, 0, 31), frm=a, name_disp="三浦大和", client="thunderbird", cte="8bit",
         subject=RE(o), reply_to=o, style="thunderbird_en",
         own="ご案内ありがとうございます。\n1月7日の10時でお願いします。\n\n三浦大和\n",
         label=L("confirm", a, "三浦大和", requested=[R("2027-01-07", "10:00")]),
         note="picks by date in 2027; Thunderbird English reply header")

    # ---- 桜井みのり: asks 12/28 and closed 12/29 -> 1番 -> MDN -> reschedule into 2027
    a = "minori.sakurai@example.jp"
    mail(when=dt(12, 14, 9, 0, 15), frm=a, name_disp="桜井 みのり", client="thunderbird", enc="jis", cte="7bit",
         subject="オンライン職業相談のお願い",
         own="ハローワーク秋田 ご担当者様\n\n桜井みのりと申します。\nオンライン職業相談をお願いしたいです。\n"
             "12月28日（月）か12月29日（火）の午前中を希望します。\n（年末なので難しければ、ほかの日でも大丈夫です）\n\n"
             "電話番号 090-8812-4403\n",
         label=L("book", a, "桜井みのり", phone="090-8812-4403",
                 requested=[R("2026-12-28", *AM), R("2026-12-29", *AM)]),
         note="12/29 is in the year-end closure: still labelled as asked; two dates sharing 午前中")
    o = Office("offer", "AK-2612-0015", dt(12, 14, 9, 1), a, "桜井みのり", [slot(12, 28, 9), slot(12, 28, 10)],
               closed=[(date(2026, 12, 29), "年末年始休業")])
    mail(when=dt(12, 14, 12, 30, 22), frm=a, name_disp="桜井 みのり", client="thunderbird", enc="jis", cte="7bit",
         subject=RE(o), reply_to=o, style="thunderbird",
         own="1番でお願いします。\n桜井みのり\n", label=L("confirm", a, "桜井みのり", choice=1),
         note="two-line reply")
    c = Office("confirmed", "AK-2612-0015", dt(12, 14, 12, 31), a, "桜井みのり", booked=slot(12, 28, 9))
    ct, body = mdn_report(c, dt(12, 14, 19, 5), a)
    mail(when=dt(12, 14, 19, 5, 40), frm=a, name_disp="桜井 みのり", client="thunderbird", enc="utf8",
         subject="開封確認: " + c.subject, raw=(ct, body), structure="report",
         label=L("automated", a), note="read receipt (multipart/report disposition-notification)")
    mail(when=dt(12, 22, 19, 0, 9), frm=a, name_disp="桜井 みのり", client="thunderbird", enc="jis", cte="7bit",
         subject=RE(c), reply_to=c, style="thunderbird",
         own="ハローワーク秋田 ご担当者様\n\nお世話になっております。桜井です。\n"
             "12月28日に予約している相談ですが、年明けの1月5日（火）の午後に変更できますでしょうか。\n"
             "急な変更で申し訳ありません。\n\n桜井みのり\n",
         label=L("reschedule", a, "桜井みのり", requested=[R("2027-01-05", *PM)]),
         note="reschedule into 2027; booked 12/28 not requested")

    # ---- 加藤勇: carrier, 今週金曜 + bare 3時 -> 1番 with carrier quote
    a = "isamu-k@ezweb.example.ne.jp"
    mail(when=dt(12, 15, 16, 30, 29), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject="予約",
         own="相談の予約お願いします。今週金曜の3時からお願いします。加藤勇です。\n090-4412-7789\n",
         label=L("book", a, "加藤勇", phone="090-4412-7789", requested=[R("2026-12-18", "15:00")]),
         rel=[("今週金曜", date(2026, 12, 18), "今週金曜の3時")],
         note="今週金曜 relative to Tue 12/15; bare 3時 is 15:00")
    o = Office("offer", "AK-2612-0017", dt(12, 15, 16, 31), a, "加藤勇", [slot(12, 18, 15), slot(12, 18, 16)])
    mail(when=dt(12, 15, 19, 20, 51), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject=RE(o), reply_to=o, style="carrier",
         own="1番で\n加藤勇\n", label=L("confirm", a, "加藤勇", choice=1),
         note="carrier reply with -----Original Message----- and > quote")

    # ---- 吉川隆: 午前中 + 終日 in 2027 -> 三番 -> cancel
    a = "takashi.yoshikawa@example.co.jp"
    mail(when=dt(12, 21, 10, 10, 2), frm=a, name_disp="吉川 隆", client="outlook", cte="quoted-printable",
         subject="オンライン職業相談の予約をお願いします",
         own="ハローワーク秋田\nオンライン職業相談ご担当者様\n\nお世話になります。吉川隆と申します。\n"
             "オンライン職業相談の予約をお願いいたします。\n\n第1希望：12月24日（木）午前中\n第2希望：1月6日（水）終日\n\n"
             "求職番号：05030-22786510\n電話番号：018-862-7741\n\nよろしくお願いいたします。\n",
         label=L("book", a, "吉川隆", "05030-22786510", "018-862-7741",
                 [R("2026-12-24", *AM), R("2027-01-06")]),
         note="bare 1月6日 in 2027 as a whole day; UTF-8 QP")
    o = Office("offer", "AK-2612-0021", dt(12, 21, 10, 11), a, "吉川隆",
               [slot(12, 24, 9), slot(12, 24, 11), slot(1, 6, 10, y=2027)])
    mail(when=dt(12, 21, 13, 0, 45), frm=a, name_disp="吉川 隆", client="outlook", cte="quoted-printable",
         subject=RE(o, "RE: "), reply_to=o, style="outlook",
         own="三番でお願いいたします。\n\n吉川隆\n", label=L("confirm", a, "吉川隆", choice=3),
         note="kanji 三番; Outlook quote without >")
    c = Office("confirmed", "AK-2612-0021", dt(12, 21, 13, 1), a, "吉川隆", booked=slot(1, 6, 10, y=2027),
               seeker_number="05030-22786510")
    mail(when=dt(12, 23, 9, 0, 12), frm=a, name_disp="吉川 隆", client="outlook", cte="quoted-printable",
         subject=RE(c, "RE: "), reply_to=c, style="outlook",
         own="ハローワーク秋田\nオンライン職業相談ご担当者様\n\nお世話になっております。吉川です。\n"
             "1月6日の予約ですが、就職先が決まりましたので、キャンセルでお願いいたします。\n"
             "大変お世話になりました。\n\n吉川隆\n",
         label=L("cancel", a, "吉川隆"), note="cancel; booked 2027 date not requested")

    # ---- 小松 由紀: full-width everything -> ambiguous consent -> which_slot -> 2番です
    a = "yuki.komatsu@example.ne.jp"
    mail(when=dt(12, 17, 20, 0, 37), frm=a, name_disp="小松 由紀", client="android",
         subject="オンライン相談の予約",
         own="ハローワーク秋田 ご担当者様\n\n小松 由紀です。\nオンライン相談の予約をお願いします。\n"
             "１２月２２日（火）の１３時３０分からを希望します。\n\n求職番号：０５０１０－６６１８２２０９\n"
             "電話：０８０－５５２３－１８９０\n",
         label=L("book", a, "小松 由紀", "05010-66182209", "080-5523-1890", [R("2026-12-22", "13:30")]),
         note="full-width digits in date, time, number and phone")
    o = Office("offer", "AK-2612-0023", dt(12, 17, 20, 1), a, "小松 由紀",
               [slot(12, 22, 13), slot(12, 22, 14), slot(12, 23, 13)])
    mail(when=dt(12, 18, 7, 30, 0), frm=a, name_disp="小松 由紀", client="android",
         subject=RE(o), reply_to=o, style="gmail",
         own="ありがとうございます。お願いします。\n\n小松 由紀\n", label=L("confirm", a, "小松 由紀"),
         note="consenting reply to a three-slot offer without a number (choice null)")
    w = Office("which_slot", "AK-2612-0023", dt(12, 18, 7, 31), a, "小松 由紀", list(o.slots))
    mail(when=dt(12, 18, 9, 15, 20), frm=a, name_disp="小松 由紀", client="android",
         subject=RE(w), reply_to=w, style="gmail",
         own="失礼しました。2番です。\n\n小松 由紀\n", label=L("confirm", a, "小松 由紀", choice=2),
         note="reply to which_slot; its quote lists the slots again")

    # ---- 松田千尋: 令和9年 span
    a = "chihiro.matsuda@example.jp"
    mail(when=dt(12, 22, 15, 0, 33), frm=a, name_disp="松田 千尋", client="becky", enc="jis", cte="7bit",
         subject="オンライン職業相談希望",
         own="ハローワーク秋田 御中\n\nお世話になります。松田千尋と申します。\nオンラインの職業相談を希望いたします。\n"
             "令和9年1月8日（金）10時〜11時の間でお願いできれば幸いです。\n\n求職番号 05010-11223906\nTEL 090-1188-3321\n",
         label=L("book", a, "松田千尋", "05010-11223906", "090-1188-3321", [R("2027-01-08", "10:00", "11:00")]),
         note="和暦 令和9年 (2027) with a span")

    # ---- 清水浩二: carrier, nothing given -> needs_info (name, phone, date) -> answers with carrier quote
    a = "kshimizu@docomo.example.ne.jp"
    mail(when=dt(12, 2, 17, 0, 40), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject="（無題）", own="相談の予約をしたいです。よろしくお願いします。\n",
         label=L("book", a), note="carrier request with nothing but the wish; subject （無題）")
    n = Office("needs_info", "AK-2612-0009", dt(12, 2, 17, 1), a, None, missing=["name", "phone", "requested"])
    mail(when=dt(12, 3, 7, 45, 6), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject=RE(n), reply_to=n, style="carrier",
         own="清水浩二です。\n電話 090-3345-6677\n12月10日（木）の午後1時からでお願いします。\n",
         label=L("book", a, "清水浩二", phone="090-3345-6677", requested=[R("2026-12-10", "13:00")]),
         note="needs_info reply; 午後1時 is 13:00")

    # ---- 藤井由香: no phone -> needs_info (phone) -> phone only, Outlook quote lists the label
    a = "yuka.fujii@example.com"
    mail(when=dt(12, 4, 10, 0, 0), frm=a, name_disp="藤井 由香", client="outlook", enc="utf8",
         subject="オンライン職業相談の予約",
         own="ハローワーク秋田 ご担当者様\n\n藤井由香と申します。オンライン職業相談の予約をお願いいたします。\n"
             "希望日時は、12月9日（水）の15時、または12月10日（木）の午後3時半です。\n求職番号は05020-12098876です。\n\n藤井由香\n",
         label=L("book", a, "藤井由香", "05020-12098876", requested=[R("2026-12-09", "15:00"), R("2026-12-10", "15:30")]),
         note="no phone; 午後3時半")
    n = Office("needs_info", "AK-2612-0011", dt(12, 4, 10, 1), a, "藤井由香", missing=["phone"],
               seeker_number="05020-12098876")
    mail(when=dt(12, 4, 12, 30, 17), frm=a, name_disp="藤井 由香", client="outlook",
         subject=RE(n, "RE: "), reply_to=n, style="outlook",
         own="ハローワーク秋田 ご担当者様\n\n失礼いたしました。電話番号は 080-6622-0913 です。\nよろしくお願いいたします。\n\n藤井由香\n",
         label=L("book", a, "藤井由香", phone="080-6622-0913"),
         note="needs_info reply with only the phone; dates were in the first mail, not here")

    # ---- 原田 剛: bare request -> needs_info -> いつでも可
    a = "tsuyoshi.harada@example.jp"
    mail(when=dt(12, 9, 8, 20, 3), frm=a, name_disp="原田 剛", client="sylpheed", enc="jis", cte="7bit",
         subject="オンライン職業相談",
         own="ハローワーク秋田 御中\n\nオンライン職業相談の予約をお願いします。\n\n原田 剛\n",
         label=L("book", a, "原田 剛"), note="minimal request")
    n = Office("needs_info", "AK-2612-0013", dt(12, 9, 8, 21), a, "原田 剛", missing=["phone", "requested"])
    mail(when=dt(12, 9, 12, 0, 48), frm=a, name_disp="原田 剛", client="sylpheed", enc="jis", cte="7bit",
         subject=RE(n), reply_to=n, style="sylpheed",
         own="ハローワーク秋田 御中\n\nご連絡ありがとうございます。\n\n・お名前：原田 剛\n・お電話番号：090-7123-4455\n"
             "・ご希望の日時：いつでも可\n\nよろしくお願いします。\n",
         label=L("book", a, "原田 剛", phone="090-7123-4455"),
         note="needs_info reply: いつでも可 (no time asked -> requested [])")


    # ---- 安藤 里美: three wishes on one line, birth date and 雇用保険 number that are not requests/seeker number
    a = "satomi.ando@example.ne.jp"
    mail(when=dt(12, 11, 11, 30, 5), frm=a, name_disp="安藤 里美", client="thunderbird", cte="base64",
         subject="オンライン職業相談申込み",
         own="ハローワーク秋田 御中\n\nオンライン職業相談を申し込みます。\n\n氏名：安藤 里美\n生年月日：昭和60年4月3日\n"
             "求職番号：05020-88123407\n雇用保険受給資格者番号：1234-567890-1\n"
             "希望：第1希望 12/16(水) 10時／第2希望 12/17(木) 午後3時〜4時／第3希望 12/18(金) 午前\n"
             "連絡先：080-6120-3378\n",
         label=L("book", a, "安藤 里美", "05020-88123407", "080-6120-3378",
                 [R("2026-12-16", "10:00"), R("2026-12-17", "15:00", "16:00"), R("2026-12-18", *AM)]),
         note="three wishes on one line split by ／; 午後3時〜4時 span; 昭和 birth date (past) and 雇用保険 number are not it")

    # ---- 坂井 涼: Gmail English attribution wrapped inside the address -> 1番
    a = "ryo.sakai@gmail.example.com"
    o = Office("offer", "AK-2612-0018", dt(12, 16, 10, 0), a, "坂井 涼",
               [slot(12, 21, 10), slot(12, 22, 14), slot(12, 23, 9)])
    mail(when=dt(12, 16, 12, 40, 31), frm=a, name_disp="Ryo Sakai", client="gmail",
         subject=RE(o), reply_to=o, style="gmail_en",
         own="お世話になります。\n1番でお願いします。\n\n坂井 涼\n",
         label=L("confirm", a, "坂井 涼", choice=1),
         note="Gmail English attribution 'On …, ハローワーク秋田 <' wrapped before the address; first request not in the set")

    # ---- 熊谷 奈緒: Outlook for Mac header block (日付:) without a separator line -> ②
    a = "nao.kumagai@example.com"
    o = Office("offer", "AK-2612-0019", dt(12, 11, 9, 31), a, "熊谷 奈緒",
               [slot(12, 16, 13), slot(12, 17, 10), slot(12, 17, 15)])
    mail(when=dt(12, 11, 12, 2, 47), frm=a, name_disp="熊谷 奈緒", client="macoutlook", cte="quoted-printable",
         subject=RE(o, "Re: "), reply_to=o, style="macoutlook",
         own="ハローワーク秋田 ご担当者様\n\n②でお願いいたします。\n\n熊谷 奈緒\n",
         label=L("confirm", a, "熊谷 奈緒", choice=2),
         note="Outlook for Mac quote (差出人/日付/宛先/件名, no separator, no >)")

    # ---- 三浦大和 again: cancels in a new mail naming the booking reference
    a = "yamato.miura@example.ne.jp"
    mail(when=dt(12, 24, 9, 20, 14), frm=a, name_disp="三浦大和", client="thunderbird", cte="8bit",
         subject="予約の取り消し [予約番号 AK-2612-0012]",
         own="ハローワーク秋田 ご担当者様\n\n予約番号 AK-2612-0012 で1月7日（木）10時に予約している三浦大和です。\n"
             "別の会社から内定をいただいたため、予約を取り消させてください。\nありがとうございました。\n\n三浦大和\n",
         label=L("cancel", a, "三浦大和"),
         note="cancel in a new thread with the booking reference; booked 2027 date not requested")


def questions_and_others() -> None:
    a = "naomi.sasaki@gmail.example.com"
    mail(when=dt(11, 21, 14, 0, 31), frm=a, name_disp="佐々木 直美", client="gmail",
         subject="オンライン相談について質問です",
         own="ハローワーク秋田 ご担当者様\n\nオンライン職業相談について質問させてください。\n"
             "スマートフォンからでも相談を受けることはできますか？\n"
             "また、相談の前にハローワークで求職登録をしておく必要はありますか？\n\n佐々木 直美\n",
         label=L("question", a, "佐々木 直美"), note="question, no booking")
    a = "osamu.akiyama@example.ne.jp"
    mail(when=dt(11, 27, 9, 40, 12), frm=a, name_disp="秋山 修", client="outlook", enc="jis", cte="7bit",
         subject="オンライン職業相談について", to_disp=True,
         own="ハローワーク秋田\nご担当者様\n\nお世話になります。秋山と申します。\n"
             "オンライン職業相談の利用を考えており、いくつか教えてください。\n\n"
             "1. 1回の相談時間は延長できますか。\n2. 履歴書の添削もお願いできますか。\n"
             "3. 家族のパソコンを借りて参加しても問題ないでしょうか。\n\nお手数ですが、よろしくお願いいたします。\n"
             "秋山 修\nTEL 080-2290-1834\n",
         label=L("question", a, "秋山 修", phone="080-2290-1834"),
         note="numbered questions are not option choices; phone only in signature")
    a = "hiro-fujiwara@softbank.example.ne.jp"
    mail(when=dt(12, 4, 7, 10, 26), frm=a, name_disp=None, client="carrier", enc="sjis", cte="8bit",
         subject="質問",
         own="Tele Officeのアプリはどこからダウンロードすればいいですか？スマホでも使えますか？\n",
         label=L("question", a), note="carrier one-line question, unsigned")
    a = "goto.ryo@example.com"
    mail(when=dt(12, 11, 10, 40, 9), frm=a, name_disp="後藤 亮", client="thunderbird",
         subject="相談内容の録画について",
         own="ハローワーク秋田 ご担当者様\n\nオンライン相談の申し込みを考えています。\n"
             "その前に、相談の内容が録画や録音されることはありますか？\n問題なければ申し込みたいと思います。\n\n"
             "後藤 亮\n携帯 070-1234-8890\n",
         label=L("question", a, "後藤 亮", phone="070-1234-8890"),
         note="booking put off until the question is answered -> question")
    a = "megumi.ono@webmail.example.jp"
    mail(when=dt(12, 16, 13, 0, 58), frm=a, name_disp="小野 恵", client="webmail", cte="quoted-printable",
         subject="年末年始の受付について",
         own="ハローワーク秋田 ご担当者様\n\n年末年始は何日までオンライン相談を受け付けていますか。\n"
             "また、年明けは何日から再開しますか。\n\n小野 恵\n",
         label=L("question", a, "小野 恵"), note="question about the year-end closure, no dates")

    # unrelated mail
    a = "info@money-chance.example.com"
    mail(when=dt(11, 22, 3, 12, 45), frm=a, name_disp="マネーチャンス事務局", client="bulk",
         subject="【限定公開】スマホだけで月収50万円！今すぐ登録",
         own="突然のご連絡失礼します。\n\nスマホひとつで、1日30分の作業だけで月収50万円を達成した方法を\n"
             "今だけ無料で公開しています。\n\n▼ご登録はこちら（12月10日まで）\nhttps://money-chance.example.com/lp?id=8812\n\n"
             "※このメールに心当たりのない場合は削除してください。\n",
         label=L("other", a), note="spam without list headers; a deadline date is not requested")
    a = "s.kawaguchi@akita-print.example.co.jp"
    mail(when=dt(12, 3, 10, 30, 0), frm=a, name_disp="川口 聡", client="outlook", enc="jis", cte="7bit",
         subject="㈱アキタ印刷：求人ポスター印刷のご案内", to_disp=True,
         own="ハローワーク秋田\nご担当者様\n\n突然のご連絡失礼いたします。\n㈱アキタ印刷の川口と申します。\n\n"
             "弊社では、求人ポスターやパンフレットの印刷を承っております。\n"
             "年度末に向けた各種印刷物について、一度ご提案の機会をいただけないでしょうか。\n"
             "ご都合のよろしい日時をお知らせいただけましたら、お伺いいたします。\n\n"
             "――――――――――――――――――\n㈱アキタ印刷　営業部\n川口 聡\nTEL：018-877-0042\n"
             "Mail：s.kawaguchi@akita-print.example.co.jp\n――――――――――――――――――\n",
         label=L("other", a, "川口 聡", phone="018-877-0042"),
         note="EXT: ㈱ in ISO-2022-JP body and Subject; sales pitch (other); contact fields from the signature")
    a = "haruka.0824@gmail.example.com"
    mail(when=dt(12, 9, 21, 10, 2), frm=a, name_disp=None, client="android", cte="8bit",
         subject="明日のこと",
         own="お疲れさま！\n明日の飲み会、19時に駅前集合で大丈夫？\nお店は予約しておいたよ〜\n",
         label=L("other", a), note="misdirected personal mail; 明日 19時 is not a consultation request")


def automated() -> None:
    # out-of-office replies to the office's offers
    o = Office("offer", "AK-2611-0010", dt(11, 20, 10, 0), "r.nishimura@example.co.jp", "西村 涼",
               [slot(11, 26, 13), slot(11, 27, 10)])
    mail(when=dt(11, 20, 10, 0, 41), frm="r.nishimura@example.co.jp", name_disp="西村 涼", client="outlook",
         enc="jis", cte="7bit", subject="自動応答: " + o.subject, reply_to=o, style=None,
         extra_headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
         own="いつもお世話になっております。\nこのメールは自動応答です。\n\n"
             "誠に勝手ながら、11月20日（金）から11月24日（火）まで休暇をいただいております。\n"
             "11月25日（水）以降、順次ご返信いたします。\nご不便をおかけしますが、よろしくお願いいたします。\n",
         label=L("automated", "r.nishimura@example.co.jp"), note="out-of-office (Auto-Submitted); its dates are not requests")
    o = Office("confirmed", "AK-2612-0003", dt(12, 10, 12, 30), "y.endo@akita-kensetsu.example.co.jp", "遠藤 由美",
               booked=slot(12, 16, 13))
    mail(when=dt(12, 10, 12, 31, 3), frm="y.endo@akita-kensetsu.example.co.jp", name_disp=None, client="system",
         subject="自動返信：" + o.subject, reply_to=o, style=None, extra_headers=[("X-Autoreply", "yes")],
         own="このメールは自動返信です。\n\nメールを受信いたしました。\n内容を確認のうえ、担当者より改めてご連絡いたします。\n"
             "なお、土日祝日にいただいたメールは翌営業日以降の対応となります。\n",
         label=L("automated", "y.endo@akita-kensetsu.example.co.jp"),
         note="auto-reply flagged only by X-Autoreply and its text (no Auto-Submitted)")
    o = Office("reminder", "AK-2612-0016", dt(12, 23, 12, 0), "info@akita-kogyo.example.co.jp", "太田 誠",
               booked=slot(12, 24, 14))
    mail(when=dt(12, 23, 12, 0, 20), frm="info@akita-kogyo.example.co.jp", name_disp="秋田工業株式会社",
         client="system", enc="jis", cte="7bit", subject="Re: " + o.subject, reply_to=o, style=None,
         extra_headers=[("Auto-Submitted", "auto-replied"), ("Precedence", "auto_reply")],
         own="【年末年始休業のお知らせ】\n\n平素より格別のお引き立てを賜り、厚く御礼申し上げます。\n"
             "誠に勝手ながら、弊社は12月29日（火）～1月3日（日）を年末年始休業とさせていただきます。\n"
             "1月4日（月）より通常営業いたします。\n"
             "休業期間中にいただいたお問い合わせは、1月4日（月）以降に順次対応いたします。\n",
         label=L("automated", "info@akita-kogyo.example.co.jp"),
         note="company auto-reply announcing the year-end closure; ～ as FULLWIDTH TILDE; dates not requested")

    # bounces of the office's mail
    o = Office("offer", "AK-2611-0025", dt(11, 27, 15, 0), "h.sakamoto@example.ne.jp", "坂本 浩",
               [slot(12, 3, 10), slot(12, 4, 14)])
    ct, body = dsn_report(o, dt(11, 27, 15, 2), "mx01.akita-hw.example.jp",
                          "host mx.example.ne.jp[198.51.100.25] said: 550 5.1.1 User unknown")
    mail(when=dt(11, 27, 15, 2, 10), frm="MAILER-DAEMON@mx01.akita-hw.example.jp",
         name_disp="Mail Delivery System", client="mta", subject="Undelivered Mail Returned to Sender",
         raw=(ct, body), structure="report", extra_headers=[("Auto-Submitted", "auto-replied")],
         label=L("automated", "MAILER-DAEMON@mx01.akita-hw.example.jp"),
         note="Postfix DSN (multipart/report) attaching the office offer (UTF-8 base64 inside)")
    o = Office("confirmed", "AK-2612-0001", dt(12, 2, 11, 55), "m-ota.0915@ezweb.example.ne.jp", "太田 美穂",
               booked=slot(12, 8, 10))
    mail(when=dt(12, 2, 12, 0, 4), frm="postmaster@ezweb.example.ne.jp", name_disp=None, client="mta",
         enc="jis", cte="7bit", subject="Mail System Error - Returned Mail",
         own="このメールは、送信されたメールが配信できなかったことをお知らせするために\n自動的に送信されています。\n\n"
             "以下のアドレスへのメールは配信できませんでした。\n  m-ota.0915@ezweb.example.ne.jp\n"
             "理由：受信拒否設定によりメールを受信できません。\n\n---------- 元のメールの内容 ----------\n"
             f"From: ハローワーク秋田 <{OFFICE_ADDR}>\nTo: m-ota.0915@ezweb.example.ne.jp\nSubject: {o.subject}\n"
             f"Date: {_en_date(o.sent)}\n\n{o.body}",
         label=L("automated", "postmaster@ezweb.example.ne.jp"),
         note="carrier error mail in plain text (no DSN headers) with the original confirmation inline, unquoted")
    o = Office("reminder", "AK-2612-0014", dt(12, 21, 12, 0), "kana.watanabe88@gmail.example.com", "渡辺 加奈",
               booked=slot(12, 22, 10))
    mail(when=dt(12, 21, 12, 0, 52), frm="mailer-daemon@googlemail.example.com",
         name_disp="Mail Delivery Subsystem", client="mta", cte="quoted-printable",
         subject="Delivery Status Notification (Failure)", extra_headers=[("Auto-Submitted", "auto-replied")],
         own="** アドレスが見つかりません **\n\nkana.watanabe88@gmail.example.com にメールを配信できませんでした。"
             "このアドレスが見つからないか、メールを受信できません。\n\nThe response was:\n\n"
             "550 5.1.1 The email account that you tried to reach does not exist.\n\n"
             f"----- Original message -----\n\nSubject: {o.subject}\nTo: kana.watanabe88@gmail.example.com\n\n{o.body}",
         label=L("automated", "mailer-daemon@googlemail.example.com"),
         note="webmail-style bounce as text/plain with the reminder inline (no multipart/report)")

    # newsletters and no-reply notifications
    mail(when=dt(12, 4, 12, 0, 0), frm="news@akita-shushoku.example.jp", name_disp="あきた就職応援ニュース",
         client="bulk", cte="quoted-printable", subject="【あきた就職応援ニュース】12月号 合同企業説明会のご案内",
         extra_headers=[("List-Id", "<news.akita-shushoku.example.jp>"),
                        ("List-Unsubscribe", "<https://akita-shushoku.example.jp/news/stop>"),
                        ("Precedence", "bulk")],
         own="━━━━━━━━━━━━━━━━━━━━\n　あきた就職応援ニュース　12月号\n━━━━━━━━━━━━━━━━━━━━\n\n"
             "■ 合同企業説明会\n　日時：12月12日（土）13:00〜16:00\n　会場：秋田市内\n　事前予約制（12月9日締切）\n\n"
             "■ 個別相談会（オンライン）\n　12月15日（火）・16日（水）10:00〜15:00\n\n"
             "配信停止はこちら：https://akita-shushoku.example.jp/news/stop\n",
         label=L("automated", "news@akita-shushoku.example.jp"), note="newsletter (List-Id, Precedence: bulk); many dates")
    mail(when=dt(12, 18, 12, 0, 0), frm="kyujin-info@hw-news.example.jp", name_disp="求人情報メール",
         client="bulk", enc="jis", cte="7bit", subject="新着求人のお知らせ（12月18日）",
         extra_headers=[("List-Unsubscribe", "<mailto:stop@hw-news.example.jp>"), ("Precedence", "list")],
         own="新着求人のお知らせです。\n\n・一般事務（秋田市）　面接日：12月22日（火）\n"
             "・介護職員（男鹿市）　面接日：随時\n・製造スタッフ（潟上市）　応募締切：1月8日（金）\n\n"
             "※このメールは送信専用です。\n",
         label=L("automated", "kyujin-info@hw-news.example.jp"),
         note="ISO-2022-JP job-alert list mail; interview dates not requested")
    mail(when=dt(12, 8, 9, 0, 7), frm="no-reply@teleoffice.example.jp", name_disp="Tele Office", client="system",
         subject="【Tele Office】アカウント登録が完了しました",
         own="Tele Office をご利用いただきありがとうございます。\n\nアカウント登録が完了しました。\n"
             "ログインID：online-soudan@akita-hw.example.jp\n\n"
             "※このメールは送信専用アドレスから送信しています。ご返信いただいてもお答えできません。\n",
         label=L("automated", "no-reply@teleoffice.example.jp"),
         note="no-reply notification without automation headers")
    mail(when=dt(11, 30, 6, 0, 0), frm="noreply@calendar.example.com", name_disp="カレンダー", client="system",
         cte="quoted-printable", subject="通知: 今週の予定 2026年11月30日～12月6日",
         extra_headers=[("Auto-Submitted", "auto-generated")],
         own="今週の予定\n\n12月1日（火）10:00〜11:00 窓口ミーティング\n12月3日（木）14:00〜15:00 研修\n\n"
             "このメールはカレンダーから自動送信されています。\n",
         label=L("automated", "noreply@calendar.example.com"), note="calendar digest (auto-generated)")


# ------------------------------------------------------------------------------ build ------
def message_id(spec: dict, n: int) -> str:
    dom = spec["frm"].rpartition("@")[2]
    k = h(f"{n}{spec['frm']}{spec['when']}", 32)
    c = spec["client"]
    if c == "outlook":
        return f"<000{k[:4]}{k[4:12]}${k[12:20]}${k[20:28]}@{dom}>"
    if c in ("gmail", "android"):
        return f"<CA+{k.upper()[:22]}{k[22:]}@mail.gmail.example.com>"
    if c == "iphone":
        return f"<{k[:8].upper()}-{k[8:12].upper()}-{k[12:16].upper()}-{k[16:20].upper()}-{k[20:32].upper()}@{dom}>"
    if c == "becky":
        return f"<{spec['when']:%Y%m%d}{k[:6].upper()}.{k[6:14].upper()}@{dom}>"
    return f"<{k[:16]}.{k[16:24]}@{dom}>"


def body_text(spec: dict) -> str:
    own, om, style = spec["own"], spec["reply_to"], spec["style"]
    if not om or not style:
        return own
    q = quote(style, om)
    if spec["bottom"]:
        return q + "\n\n" + own
    return own + "\n" + q + "\n"


def html_text(spec: dict) -> str:
    own, om = spec["own"], spec["reply_to"]
    if spec["structure"] == "html" and "\n・" in own:  # a list the writer made with the editor
        head, _, rest = own.partition("\n・")
        items, _, tail = ("・" + rest).partition("\n■ 求職")
        lis = "".join(f"<li>{html.escape(x[1:])}</li>" for x in items.split("\n") if x.startswith("・"))
        return _html_doc(f'<div dir="ltr">{_divs(head)}<ul>{lis}</ul>{_divs("■ 求職" + tail)}</div>')
    if om and spec["style"]:
        s = om.sent
        qhead = f"{s.year}年{s.month}月{s.day}日({WD[s.weekday()]}) {s:%H:%M} ハローワーク秋田 <{OFFICE_ADDR}>:"
        return to_html(own, om.body, qhead)
    return to_html(own, None, None)


def build(n: int, spec: dict) -> tuple[bytes, dict]:
    cs = spec["enc"]
    label, encode = CHARSETS[cs]
    when, c = spec["when"], spec["client"]
    dom = spec["frm"].rpartition("@")[2]
    date_hdr = _en_date(when) + (" (JST)" if c == "carrier" else "")
    ip = int(h(dom, 2), 16) % 200 + 20
    qid = h(str(n) + dom, 11).upper()
    received = (f"by mx01.akita-hw.example.jp (Postfix)\r\n\tid {qid}; {date_hdr}" if dom.endswith("akita-hw.example.jp")
                else f"from mail-out.{dom} (mail-out.{dom} [203.0.113.{ip}])\r\n\tby mx01.akita-hw.example.jp "
                     f"(Postfix) with ESMTPS id {qid}\r\n\tfor <{OFFICE_ADDR}>; {date_hdr}")
    hdrs = [("Return-Path", "<>" if c == "mta" else f"<{spec['frm']}>"), ("Received", received),
            ("From", addr(spec["name_disp"], spec["frm"], cs)),
            ("To", addr("ハローワーク秋田", OFFICE_ADDR, cs) if spec["to_disp"] else OFFICE_ADDR),
            ("Subject", enc_header(spec["subject"], cs)),
            ("Date", date_hdr),
            ("Message-ID", message_id(spec, n))]
    om = spec["reply_to"]
    if om is not None:
        hdrs += [("In-Reply-To", om.msgid), ("References", om.msgid)]
    hdrs += CLIENT_HEADERS[c] + spec["extra_headers"] + [("MIME-Version", "1.0")]
    quoted_cs = f'"{label.lower()}"' if c == "outlook" else (f'"{label}"' if c in ("becky", "iphone", "gmail") else label)
    text = body_text(spec)
    meta = {"id": f"H4-{n:03d}", "category": label, "charset": label, "codec": "", "transfer_encoding": spec["cte"],
            "structure": "text/plain", "client": c, "chars_outside_jisx0208": [], "note": spec["note"]}
    if cs == "jis":
        meta["codec"] = "cp50220-style iso2022_jp"
        meta["chars_outside_jisx0208"] = outside_jisx0208(text + spec["subject"] + (spec["name_disp"] or ""))
        meta["transfer_encoding"] = "7bit"
    else:
        meta["codec"] = {"sjis": "cp932", "utf8": "utf-8"}[cs]
    st = spec["structure"]
    if st == "report":
        ct, body = spec["raw"]
        meta.update(structure="multipart/report", transfer_encoding="7bit", category="UTF-8", charset="UTF-8")
        hdrs.append(("Content-Type", ct))
    elif st == "plain":
        cte = "7bit" if cs == "jis" else spec["cte"]
        hdrs += [("Content-Type", f"text/plain; charset={quoted_cs}"), ("Content-Transfer-Encoding", cte)]
        body = cte_body(encode(crlf(text)), cte)
    elif st == "html":
        hdrs += [("Content-Type", f'text/html; charset="{label}"'), ("Content-Transfer-Encoding", spec["cte"])]
        body = cte_body(encode(crlf(html_text(spec))), spec["cte"])
        meta["structure"] = "text/html only"
    elif st == "alt":
        b = f"{'Apple-Mail-' if c == 'iphone' else '0000000000'}{h(str(n) + 'b', 16)}"
        hdrs.append(("Content-Type", f'multipart/alternative; boundary="{b}"'))
        body = ""
        for sub, t in (("plain", text), ("html", html_text(spec))):
            body += (f"--{b}\r\nContent-Type: text/{sub}; charset=\"{label}\"\r\n"
                     f"Content-Transfer-Encoding: {spec['cte']}\r\n\r\n{cte_body(encode(crlf(t)), spec['cte'])}\r\n")
        body += f"--{b}--\r\n"
        meta["structure"] = f"multipart/alternative ({c})"
    else:
        raise ValueError(st)
    head = "".join(f"{k}: {v}\r\n" for k, v in hdrs)
    data = (head + "\r\n" + body).encode("latin-1") if cs != "jis" or st != "plain" else (head + "\r\n").encode("ascii") + body.encode("latin-1")
    return data, meta


# ------------------------------------------------------------------------------ checks -----
KANJI = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _kanji_num(s: str) -> str:
    if "十" in s:
        a, _, b = s.partition("十")
        return str((KANJI[a] if a else 1) * 10 + (KANJI[b] if b else 0))
    return str(KANJI[s]) if len(s) == 1 else s


def plain(text: str) -> str:
    t = nfkc(text)
    return re.sub(r"[〇一二三四五六七八九十]+(?=[月日時])", lambda m: _kanji_num(m.group()), t)


def resolve(phrase: str, base: date) -> date:
    if phrase == "明日":
        return base + timedelta(days=1)
    if phrase == "明後日":
        return base + timedelta(days=2)
    m = re.fullmatch(r"(今週|来週)([月火水木金土日])曜", phrase)
    monday = base - timedelta(days=base.weekday()) + timedelta(days=7 if m.group(1) == "来週" else 0)
    return monday + timedelta(days=WD.index(m.group(2)))


def bare_year(m: int, d: int, base: date) -> int:
    return base.year if date(base.year, m, d) >= base else base.year + 1


def check(spec: dict) -> None:
    lab, own, when = spec["label"], plain(spec["own"]), spec["when"]
    where = f"{spec['note']!r}"
    assert FIRST <= when < LAST, where
    base = when.astimezone(JST).date()
    om = spec["reply_to"]
    if om is not None:
        assert om.sent < when, where
    # weekdays written in the sender's own text agree with the calendar
    for m in re.finditer(r"(?:令和(\d+)年|(\d{4})年)?(\d{1,2})[月/](\d{1,2})日?\s*[(（]([月火水木金土日])", own):
        mo, d = int(m.group(3)), int(m.group(4))
        y = 2018 + int(m.group(1)) if m.group(1) else int(m.group(2)) if m.group(2) else bare_year(mo, d, base)
        assert WD[date(y, mo, d).weekday()] == m.group(5), (where, m.group())
    for phrase, expected, evidence in spec["rel"]:
        assert resolve(phrase, base) == expected, (where, phrase)
        assert evidence in spec["own"], (where, evidence)
    rel_dates = {e for _, e, _ in spec["rel"]}
    for r in lab["requested"]:
        d = date.fromisoformat(r["date"])
        if d in rel_dates:
            continue
        assert f"{d.month}月{d.day}日" in own or f"{d.month}/{d.day}" in own, (where, r)
        md = f"{d.month}月{d.day}日"
        years = {2018 + int(y) for y in re.findall(r"令和(\d+)年" + md, own)}
        years |= {int(y) for y in re.findall(r"(\d{4})年" + md, own)}
        assert years == {d.year} if years else bare_year(d.month, d.day, base) == d.year, (where, r)
        if r["start"] and r["end"]:
            assert r["start"] < r["end"], (where, r)
    if lab["intent"] in ("automated", "other", "question", "cancel"):
        assert lab["requested"] == [] and lab["choice"] is None, where
    flat = re.sub(r"\s", "", spec["own"])
    if lab["name"]:
        assert re.sub(r"\s", "", lab["name"]) in flat, (where, lab["name"])
    if lab["seeker_number"]:
        a, b = lab["seeker_number"].split("-")
        assert re.search(a + r"[\s\-ー]?" + b, own), (where, lab["seeker_number"])
    if lab["phone"]:
        digits = lab["phone"].replace("-", "")
        written = re.sub(r"[^\d+]", "", own).replace("+81", "0")
        assert digits in written, (where, lab["phone"])
    if lab["email"] != spec["frm"].lower():
        assert lab["email"] in own.lower(), (where, lab["email"])
    offer = spec["offer"]
    if lab["choice"] is not None:
        assert offer is not None and 1 <= lab["choice"] <= len(offer.slots), where
    if lab["intent"] == "confirm" and lab["requested"]:
        starts = [f"{s.start:%Y-%m-%d %H:%M}" for s in offer.slots]
        for r in lab["requested"]:
            assert f"{r['date']} {r['start']}" in starts, (where, r)
            if lab["choice"]:
                assert starts.index(f"{r['date']} {r['start']}") == lab["choice"] - 1, where


def collect() -> list[dict]:
    """Every mail of the month in arrival order, each checked against its label."""
    MAILS.clear()
    seekers()
    questions_and_others()
    automated()
    mails = sorted(MAILS, key=lambda s: s["when"])
    assert len({s["when"] for s in mails}) == len(mails), "two mails at the same second"
    for spec in mails:
        check(spec)
    return mails


def main(out: Path = HERE) -> None:
    mails = collect()
    for old in out.glob("q*.eml"):
        old.unlink()
    labels, metas = {}, {}
    for n, spec in enumerate(mails, 1):
        data, meta = build(n, spec)
        name = f"q{n:03d}.eml"
        (out / name).write_bytes(data)
        labels[name], metas[name] = spec["label"], meta
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(metas, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(mails)} mails to {out}")


if __name__ == "__main__":
    main()
