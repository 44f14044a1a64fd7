"""Building blocks for make_holdout8.py: RFC 5322 bytes, bot mail texts, quote styles."""

from __future__ import annotations

import base64
import hashlib
import quopri
import re
from datetime import datetime, timedelta, timezone, date
from email.header import Header
from email.utils import format_datetime

JST = timezone(timedelta(hours=9))
OFFICE = "online-soudan@akita-hw.example.jp"
OFFICE_NAME = "ハローワーク秋田"
WD = "月火水木金土日"
WD_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WD_EN_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MON_EN = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MON_EN_LONG = ["", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


def dt(s: str, tz=JST) -> datetime:
    """'2026-12-01 08:47' (local time of tz) -> aware datetime."""
    return datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=tz)


def hexid(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


# --------------------------------------------------------------------------- bot texts
SIGNATURE = """――――――――――――――――――――――――
ハローワーク秋田（秋田公共職業安定所）
職業相談部門　オンライン職業相談担当
電話　018-860-0000（平日 8:30〜17:15）
メール　online-soudan@akita-hw.example.jp
――――――――――――――――――――――――"""


def slot_line(d: str, start: str) -> str:
    y, m, dd = map(int, d.split("-"))
    h, mi = map(int, start.split(":"))
    end = (datetime(2000, 1, 1, h, mi) + timedelta(minutes=50)).strftime("%H:%M")
    wd = WD[date(y, m, dd).weekday()]
    return f"{y}年{m}月{dd}日({wd}) {start}〜{end}"


def jdate(x: datetime) -> str:
    return f"{x.year}年{x.month}月{x.day}日({WD[x.weekday()]})"


class BotMail:
    """One mail the bot sent (only ever quoted)."""

    def __init__(self, kind, to_name, to_addr, ref, sent: str, slots=(), booked=None):
        self.kind, self.to_name, self.to_addr, self.ref = kind, to_name, to_addr, ref
        self.sent = dt(sent)
        self.slots = list(slots)
        self.booked = booked
        self.msgid = f"<mb.{self.sent.strftime('%Y%m%d%H%M%S')}.{hexid(ref, sent)[:12]}@akita-hw.example.jp>"

    @property
    def subject(self):
        if self.kind == "offer":
            return f"【ハローワーク秋田】オンライン職業相談 日時のご案内 [予約番号 {self.ref}]"
        return f"【ハローワーク秋田】オンライン職業相談 ご予約確定のお知らせ [予約番号 {self.ref}]"

    @property
    def text(self):
        if self.kind == "offer":
            lines = [f"{self.to_name} 様", "",
                     "いつもハローワーク秋田をご利用いただき、ありがとうございます。",
                     "オンライン職業相談の担当です。", "",
                     "お申し込みの内容を確認しました。次の日時でご案内できます。", ""]
            for i, (d, s) in enumerate(self.slots, 1):
                lines.append(f"{i}. {slot_line(d, s)}")
            lines.append("")
            if len(self.slots) == 1:
                lines.append("この日時でよろしければ、このメールにそのままご返信ください。")
            else:
                lines.append("ご都合のよい番号を、このメールへの返信でお知らせください（例：「1番でお願いします」）。")
            first = min(date.fromisoformat(d) for d, _ in self.slots)
            exp = min(self.sent.date() + timedelta(days=3), first - timedelta(days=1))
            lines += ["ご返信をもって、添付の「オンライン職業相談等利用規約」に同意いただいたものとし、",
                      "ご予約を確定します。",
                      f"返信の期限：{exp.year}年{exp.month}月{exp.day}日({WD[exp.weekday()]}) 23:59", "",
                      "※相談は1回50分、Tele Office（ビデオ通話）で行います。",
                      "※日時の変更・キャンセルも、このメールへの返信でご連絡ください。", "", SIGNATURE]
            return "\n".join(lines)
        d, s = self.booked
        return "\n".join([
            f"{self.to_name} 様", "",
            "オンライン職業相談のご予約が確定しました。", "",
            f"予約番号：{self.ref}",
            f"日時　　：{slot_line(d, s)}",
            f"接続先　：https://teleoffice.example.jp/akita/c1/{self.ref}", "",
            "開始時刻の5分前までに、上の接続先からTele Officeに入室してください。",
            "開始から10分を過ぎても入室がない場合は、無断キャンセルとして扱います。", "",
            "※日時の変更・キャンセルは、このメールへの返信でご連絡ください。",
            "※当日のキャンセルは、お電話（018-860-0000）でお願いします。", "", SIGNATURE])


def q_gt(text):
    return "\n".join((">" if l == "" else "> " + l) for l in text.split("\n"))


def quote(style: str, bot: BotMail, to_addr: str) -> str:
    """Reply-quote block (starting with a blank line) in a client's style."""
    s = bot.sent
    if style == "gmail":
        head = f"{s.year}年{s.month}月{s.day}日({WD[s.weekday()]}) {s.strftime('%H:%M')} {OFFICE_NAME} <{OFFICE}>:"
        return f"\n\n{head}\n\n{q_gt(bot.text)}\n"
    if style == "gmail_en":
        h12 = s.strftime("%I:%M %p").lstrip("0")
        head = f"On {WD_EN[s.weekday()]}, {MON_EN[s.month]} {s.day}, {s.year} at {h12} {OFFICE_NAME} <{OFFICE}> wrote:"
        return f"\n\n{head}\n\n{q_gt(bot.text)}\n"
    if style == "tb":
        return f"\n\n{s.strftime('%Y/%m/%d %H:%M')}, {OFFICE_NAME} wrote:\n{q_gt(bot.text)}\n"
    if style == "tb_en":
        h12 = s.strftime("%I:%M %p").lstrip("0")
        return f"\n\nOn {s.month}/{s.day}/{s.year % 100} {h12}, {OFFICE_NAME} wrote:\n{q_gt(bot.text)}\n"
    if style == "becky":
        return (f"\n\nOn {format_datetime(s)}\n{OFFICE_NAME} <{OFFICE}> wrote:\n"
                f"{q_gt(bot.text)}\n")
    if style == "iphone":
        return (f"\n\n{s.year}/{s.month:02d}/{s.day:02d} {s.hour}:{s.minute:02d}、{OFFICE_NAME} "
                f"<{OFFICE}>のメール:\n\n{q_gt(bot.text)}\n")
    if style == "outlook":  # Outlook desktop, Japanese UI, -----Original Message----- and no >
        return ("\n\n-----Original Message-----\n"
                f"From: {OFFICE_NAME} <{OFFICE}> \n"
                f"Sent: {s.year}年{s.month}月{s.day}日 {s.hour}:{s.minute:02d}\n"
                f"To: {to_addr}\nSubject: {bot.subject}\n\n{bot.text}\n")
    if style == "outlook_en":
        h12 = s.strftime("%I:%M %p").lstrip("0")
        return ("\n\n-----Original Message-----\n"
                f"From: {OFFICE_NAME} <{OFFICE}>\n"
                f"Sent: {WD_EN_LONG[s.weekday()]}, {MON_EN_LONG[s.month]} {s.day}, {s.year} {h12}\n"
                f"To: {to_addr}\nSubject: {bot.subject}\n\n{bot.text}\n")
    if style == "outlook_new":
        return ("\n\n________________________________\n"
                f"差出人: {OFFICE_NAME} <{OFFICE}>\n"
                f"送信日時: {s.year}年{s.month}月{s.day}日 {WD[s.weekday()]}曜日 {s.hour}:{s.minute:02d}\n"
                f"宛先: {to_addr}\n件名: {bot.subject}\n\n{bot.text}\n")
    if style == "carrier":  # feature-phone style: short header, whole text with >
        return f"\n\n----- Original Message -----\n{q_gt(bot.text)}\n"
    raise ValueError(style)


# --------------------------------------------------------------------------- MIME bytes
def enc_header(value: str, charset: str) -> str:
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        cs = {"shift_jis": "iso-2022-jp", "cp932": "iso-2022-jp"}.get(charset, charset)
        return Header(value, cs, maxlinelen=998).encode(maxlinelen=76)


def addr(name, address, charset):
    if not name:
        return address
    if re.fullmatch(r"[A-Za-z0-9 .'-]+", name):
        return f"{name} <{address}>"
    return f"{enc_header(name, charset)} <{address}>"


CODEC = {"iso-2022-jp": "iso2022_jp", "shift_jis": "shift_jis", "utf-8": "utf-8",
         "us-ascii": "ascii", "cp932": "cp932"}
DECLARED = {"iso-2022-jp": "ISO-2022-JP", "shift_jis": "Shift_JIS", "utf-8": "UTF-8",
            "us-ascii": "us-ascii", "cp932": "Shift_JIS"}


def body_bytes(text: str, charset: str, cte: str) -> bytes:
    raw = text.replace("\r\n", "\n").encode(CODEC[charset])
    if cte in ("7bit", "8bit"):
        out = raw
    elif cte == "base64":
        b = base64.b64encode(raw).decode()
        out = "\n".join(b[i:i + 76] for i in range(0, len(b), 76)).encode() + b"\n"
    elif cte == "quoted-printable":
        out = quopri.encodestring(raw)
    else:
        raise ValueError(cte)
    if not out.endswith(b"\n"):
        out += b"\n"
    return out.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


class Part:
    def __init__(self, ctype, text=None, charset="utf-8", cte="base64", parts=None,
                 params="", headers=()):
        self.ctype, self.text, self.charset, self.cte = ctype, text, charset, cte
        self.parts, self.params, self.headers = parts or [], params, list(headers)

    def render(self, seed) -> tuple[list[tuple[str, str]], bytes]:
        if self.ctype.startswith("multipart/"):
            bnd = "----=_Part_" + hexid(seed, self.ctype)[:20]
            hdrs = [("Content-Type", f'{self.ctype}; boundary="{bnd}"{self.params}')]
            body = b""
            for i, p in enumerate(self.parts):
                ph, pb = p.render(f"{seed}.{i}")
                body += f"--{bnd}\r\n".encode()
                for k, v in ph:
                    body += f"{k}: {v}\r\n".encode()
                body += b"\r\n" + pb
            body += f"--{bnd}--\r\n".encode()
            return hdrs + self.headers, body
        if self.ctype in ("message/delivery-status", "message/disposition-notification",
                          "message/rfc822", "text/rfc822-headers"):
            t = self.text if isinstance(self.text, bytes) else self.text.encode("ascii")
            t = t.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            return [("Content-Type", self.ctype)] + self.headers, t
        hdrs = [("Content-Type", f'{self.ctype}; charset="{DECLARED[self.charset]}"{self.params}'),
                ("Content-Transfer-Encoding", self.cte)] + self.headers
        return hdrs, body_bytes(self.text, self.charset, self.cte)


def message(headers: list[tuple[str, str]], part: Part, seed) -> bytes:
    ph, pb = part.render(seed)
    out = b""
    for k, v in headers + [("MIME-Version", "1.0")] + ph:
        out += f"{k}: {v}\r\n".encode("ascii")
    return out + b"\r\n" + pb


def html_of(text: str, style="div") -> str:
    """Plain text -> the HTML a webmail client would send."""
    from html import escape
    if style == "div":
        return "".join(f"<div>{escape(l) if l else '<br>'}</div>" for l in text.split("\n"))
    return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>" + \
        "".join(f"<p class=\"MsoNormal\">{escape(l) if l else '&nbsp;'}</p>\n" for l in text.split("\n")) + \
        "</body></html>"
