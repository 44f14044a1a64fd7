"""Generate holdout3: a third blind, labelled set of booking mail (m001.eml … + labels.json + meta.json).

Why: the parser must generalise to a hidden evaluation set; this set was written without reading
the parser or the other holdouts, weighted toward the conversation (first requests, replies to the
office's offer, cancels/reschedules, announcements, automated and unrelated mail).
Deterministic; every label is checked against the mail it describes (weekdays against the Date
header in JST, relative dates recomputed, values present in the unquoted text) before anything
is written.  Run: python tests/data/holdout3/make_holdout3.py
"""

from __future__ import annotations

import base64
import hashlib
import json
import quopri
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
JST = timezone(timedelta(hours=9))
OFFICE = "online-soudan@akita-hw.example.jp"
OFFICE_NAME = "ハローワーク秋田"
WD = "月火水木金土日"
FIRST_DAY, LAST_DAY = date(2026, 11, 18), date(2026, 12, 23)

# --------------------------------------------------------------------------------------------
# encoders
# --------------------------------------------------------------------------------------------

CP932_FIX = str.maketrans({"〜": "～", "−": "－", "‖": "∥", "—": "―"})


def _nec_selected(sj: bytes, ch: str) -> bytes:
    """IBM extension (0xFA-0xFC) -> NEC-selected IBM extension (0xED/0xEE), as CP50220 sends it."""
    for lead in (0xED, 0xEE):
        for trail in range(0x40, 0xFD):
            cand = bytes([lead, trail])
            try:
                if cand.decode("cp932") == ch:
                    return cand
            except UnicodeDecodeError:
                continue
    raise ValueError(f"no NEC-selected code for {ch!r}")


def _sjis_to_jis(sj: bytes) -> bytes:
    s1, s2 = sj
    k = s1 - 0x81 if s1 <= 0x9F else s1 - 0xC1
    if s2 >= 0x9F:
        row, col = 2 * k + 2, s2 - 0x9E
    else:
        row, col = 2 * k + 1, s2 - 0x40 + (0 if s2 < 0x7F else -1) + 1
    return bytes([row + 0x20, col + 0x20])


def jis_encode(text: str) -> bytes:
    """ISO-2022-JP as Outlook (CP50220) sends it: cp932 extensions inside ESC $ B, half-width kana as ESC ( I."""
    out, mode = bytearray(), "ascii"
    for ch in text.translate(CP932_FIX):
        o = ord(ch)
        if o < 0x80:
            want, data = "ascii", ch.encode("ascii")
        elif 0xFF61 <= o <= 0xFF9F:
            want, data = "kana", bytes([ch.encode("cp932")[0] - 0x80])
        else:
            sj = ch.encode("cp932")
            if sj[0] in (0xFA, 0xFB, 0xFC):
                sj = _nec_selected(sj, ch)
            want, data = "kanji", _sjis_to_jis(sj)
        if want != mode:
            out += {"ascii": b"\x1b(B", "kana": b"\x1b(I", "kanji": b"\x1b$B"}[want]
            mode = want
        out += data
    if mode != "ascii":
        out += b"\x1b(B"
    return bytes(out)


def outside_jisx0208(text: str) -> list[str]:
    seen = []
    for ch in text.translate(CP932_FIX):
        if ord(ch) < 0x80 or ch in seen:
            continue
        try:
            ch.encode("iso2022_jp")
        except UnicodeEncodeError:
            seen.append(ch)
    return seen


CHARSETS = {"jis": "ISO-2022-JP", "sjis": "Shift_JIS", "utf8": "UTF-8"}


def charset_bytes(text: str, family: str) -> bytes:
    if family == "jis":
        return jis_encode(text)
    if family == "sjis":
        return text.translate(CP932_FIX).encode("cp932")
    return text.encode("utf-8")


def encoded_words(text: str, family: str) -> str:
    """RFC 2047 B-encoding in chunks short enough for a 76-column line, ASCII prefix kept."""
    m = re.match(r"^((?:Re|RE|Fw|FW): )", text)
    prefix = m.group(1) if m else ""
    rest = text[len(prefix):]
    if all(ord(c) < 0x80 for c in rest):
        return text
    words, chunk = [], ""
    for ch in rest:
        chunk += ch
        if len(charset_bytes(chunk, family)) > 33:
            words.append(chunk)
            chunk = ""
    if chunk:
        words.append(chunk)
    cs = CHARSETS[family]
    enc = [f"=?{cs}?B?{base64.b64encode(charset_bytes(w, family)).decode()}?=" for w in words]
    return prefix + "\r\n ".join(enc)


def b64_lines(data: bytes) -> str:
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def qp_lines(data: bytes) -> str:
    enc = quopri.encodestring(data.replace(b"\r\n", b"\n")).decode("ascii")
    return enc.replace("\n", "\r\n")


def encode_part(text: str, family: str, cte: str) -> str | bytes:
    data = charset_bytes(text.replace("\n", "\r\n"), family)
    if cte == "base64":
        return b64_lines(data)
    if cte == "quoted-printable":
        return qp_lines(data)
    return data  # 7bit / 8bit


def html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------------------------
# the office's own mails (quoted in replies)
# --------------------------------------------------------------------------------------------

SIG_CLASSIC = ["━━━━━━━━━━━━━━━━━━━━━━━━", "ハローワーク秋田（秋田公共職業安定所）",
               "職業相談部門　オンライン職業相談担当", "TEL：018-860-0000（平日 8:30〜17:15）",
               f"E-mail：{OFFICE}", "━━━━━━━━━━━━━━━━━━━━━━━━"]
SIG_NEW = SIG_CLASSIC[:5] + ["※このメールは予約受付システムから自動で送信しています。", SIG_CLASSIC[5]]


def jdate(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日({WD[d.weekday()]})"


def slot_text(s: tuple[str, str]) -> str:
    d = date.fromisoformat(s[0])
    h, m = map(int, s[1].split(":"))
    end = datetime(2000, 1, 1, h, m) + timedelta(minutes=50)
    return f"{jdate(d)} {h}:{m:02d}〜{end.hour}:{end.minute:02d}"


@dataclass
class Office:
    """One mail the office sent earlier; replies quote it."""
    kind: str                      # offer | offer_new | confirmed | confirmed_new | needs_info
    sent: str                      # "2026-11-20 10:00:12" JST
    name: str | None
    slots: list[tuple[str, str]] = field(default_factory=list)
    ref: str = "AK-2611-0001"
    note: str | None = None        # offer_new: "reschedule"
    seeker_known: bool = True      # confirmed_new: asks for the seeker number when False
    missing: tuple[str, ...] = ()  # needs_info

    @property
    def dt(self) -> datetime:
        return datetime.fromisoformat(self.sent).replace(tzinfo=JST)

    @property
    def subject(self) -> str:
        base = f"【{OFFICE_NAME}】オンライン職業相談の"
        if self.kind == "offer":
            return base + "ご予約について"
        if self.kind == "offer_new":
            return base + f"ご予約について [予約番号 {self.ref}]"
        if self.kind == "confirmed":
            return base + "ご予約確定のお知らせ"
        if self.kind == "confirmed_new":
            return base + f"ご予約が確定しました [予約番号 {self.ref}]"
        return base + f"ご予約について（ご記入のお願い） [予約番号 {self.ref}]"

    def lines(self) -> list[str]:
        greet = f"{self.name} 様" if self.name else "ご相談者 様"
        head = [greet, "", f"{OFFICE_NAME} オンライン職業相談担当です。"]
        if self.kind == "offer":
            return head + ["このたびはオンライン職業相談をお申し込みいただき、ありがとうございます。", "",
                           "ご希望をもとに、次の日時でご予約をお取りできます。", ""] + \
                [f"{i}. {slot_text(s)}" for i, s in enumerate(self.slots, 1)] + \
                ["", "ご希望の番号を、このメールへの返信でお知らせください。",
                 "添付の「オンライン職業相談 利用規約」をご確認ください。",
                 "ご返信いただいた時点で利用規約に同意されたものとし、予約を確定いたします。", "",
                 "※相談時間は1回50分です（平日 9:00〜17:00）。",
                 "※キャンセル・日時の変更も、このメールへの返信でご連絡ください。", ""] + SIG_CLASSIC
        if self.kind == "offer_new":
            first = date.fromisoformat(self.slots[0][0])
            dl = first - timedelta(days=1)
            intro = ("日時変更のご連絡をありがとうございます。" if self.note == "reschedule"
                     else "このたびはオンライン職業相談をお申し込みいただき、ありがとうございます。")
            example = 1 if len(self.slots) == 1 else 2
            return head + [intro, "", "ご希望をもとに次の日時でご予約をお取りできます。", ""] + \
                [f"{i}. {slot_text(s)}" for i, s in enumerate(self.slots, 1)] + \
                ["", f"ご希望の番号（例：「{example}番でお願いします」）を、このメールへの返信でお知らせください。",
                 "添付の「オンライン職業相談等利用規約」をご確認ください。",
                 "ご返信いただいた時点で利用規約に同意されたものとし、予約を確定いたします。",
                 f"ご返信は{dl.month}月{dl.day}日({WD[dl.weekday()]})までにお願いします。期限までにご返信がない場合、お申込みは無効となります。",
                 "", "※相談時間は1回50分です。相談には「Tele Office」アプリを使用します。",
                 "※通訳・介助者等の同席が必要な場合は、あらかじめお知らせください。",
                 "※キャンセルも、このメールへの返信でご連絡ください（当日のキャンセルはお電話のみ受け付けます）。",
                 ""] + SIG_NEW
        if self.kind == "confirmed":
            return head + ["ご返信ありがとうございました。以下の日時でご予約が確定しました。", "",
                           f"　日時：{slot_text(self.slots[0])}", "　方法：Tele Office（ビデオ通話）",
                           "　※接続用URLは前日の17時までにお送りします。", "",
                           "キャンセル・日時の変更は、このメールへの返信でお知らせください。", ""] + SIG_CLASSIC
        if self.kind == "confirmed_new":
            body = head + ["ご返信ありがとうございます。利用規約へのご同意をいただき、次のとおりご予約が確定しました。", "",
                           f"予約番号：{self.ref}", f"日時　　：{slot_text(self.slots[0])}（50分）",
                           f"使用URL ：https://teleoffice.example.jp/r/{self.ref.lower()}", "",
                           "当日は、開始時刻までに「Tele Office」アプリを使用できる状態にし、上記URLから接続してください。",
                           "秘密保持のため、個室など周囲に他の方がいない環境でご参加ください。",
                           "通訳・介助者等の同席が必要な場合は、事前にお知らせください。",
                           "相談の録画・録音はご遠慮ください。"]
            if not self.seeker_known:
                body.append("求職番号がお分かりになりましたら、このメールへの返信でお知らせください。")
            return body + ["", "キャンセルの場合は、前日までにこのメールへの返信でご連絡ください。当日のキャンセルはお電話（018-860-0000）のみ受け付けます。",
                           "ご連絡がないまま開始時刻を10分過ぎた場合はキャンセルとみなします。", ""] + SIG_NEW
        labels = {"requested": "ご希望の日時（第1希望・第2希望など。特にない場合は「いつでも可」とお書きください）",
                  "seeker_number": "求職番号（後日のご連絡でも構いません）", "phone": "お電話番号",
                  "name": "お名前（氏名）"}
        return head + ["オンライン職業相談のお申込みをありがとうございます。", "",
                       "ご予約をお取りするため、次の事項をこのメールへの返信でお知らせください。", ""] + \
            [f"・{labels[k]}" for k in self.missing] + \
            ["", "いただいた内容を確認のうえ、ご予約が可能な日時をご案内いたします。", ""] + SIG_NEW


def rfc2822(dt: datetime, suffix: str = "") -> str:
    return dt.strftime("%a, %d %b %Y %H:%M:%S %z") + suffix


def attribution(style: str, o: Office, to_addr: str) -> tuple[list[str], bool]:
    """Reply header lines for a client; the bool says whether the quote lines carry '>'."""
    dt = o.dt
    if style == "gmail":
        return [f"{dt.year}年{dt.month}月{dt.day}日({WD[dt.weekday()]}) {dt.hour}:{dt.minute:02d} {OFFICE_NAME} <{OFFICE}>:", ""], True
    if style == "gmail_en":
        h12 = dt.hour % 12 or 12
        ampm = "AM" if dt.hour < 12 else "PM"
        return [f"On {dt:%a}, {dt:%b} {dt.day}, {dt.year} at {h12}:{dt.minute:02d} {ampm} {OFFICE_NAME} <{OFFICE}> wrote:", ""], True
    if style == "iphone":
        return [f"{dt.year}/{dt.month:02d}/{dt.day:02d} {dt.hour}:{dt.minute:02d}、{OFFICE_NAME} <{OFFICE}>のメール:", ""], True
    if style == "thunderbird":
        return [f"{dt.year}/{dt.month:02d}/{dt.day:02d} {dt.hour:02d}:{dt.minute:02d} に {OFFICE_NAME} さんは書きました:"], True
    if style == "becky":
        return [f"On {rfc2822(dt)}", f"{OFFICE_NAME} <{OFFICE}> wrote:"], True
    if style == "outlook":
        return ["-----Original Message-----", f"差出人: {OFFICE_NAME} <{OFFICE}> ",
                f"送信日時: {dt.year}年{dt.month}月{dt.day}日 {dt.hour}:{dt.minute:02d}", f"宛先: {to_addr}",
                f"件名: {o.subject}", ""], False
    if style == "outlook_new":
        return ["________________________________", f"差出人: {OFFICE_NAME} <{OFFICE}>",
                f"送信日時: {dt.year}年{dt.month}月{dt.day}日 {dt.hour}:{dt.minute:02d}",
                f"宛先: {to_addr} <{to_addr}>", f"件名: {o.subject}", ""], False
    if style == "outlook_en":
        h12 = dt.hour % 12 or 12
        ampm = "AM" if dt.hour < 12 else "PM"
        return ["-----Original Message-----", f"From: {OFFICE_NAME} <{OFFICE}>",
                f"Sent: {dt:%A}, {dt:%B} {dt.day}, {dt.year} {h12}:{dt.minute:02d} {ampm}",
                f"To: {to_addr}", f"Subject: {o.subject}", ""], False
    if style == "carrier":  # docomo-like: plain header block, quote not marked
        return ["-----Original Message-----", f"From: {OFFICE}", f"To: {to_addr}",
                f"Date: {rfc2822(dt)}", f"Subject: {o.subject}", ""], False
    if style == "carrier_gt":  # softbank-like: everything marked with '>'
        return [f">From: {OFFICE}", f">Date: {dt.year}/{dt.month}/{dt.day} {dt.hour}:{dt.minute:02d}",
                f">Subject: {o.subject}", ">"], True
    if style == "yahoo":
        return ["----- Original Message -----", f"> From: \"{OFFICE_NAME}\" <{OFFICE}>", f"> To: {to_addr}",
                f"> Date: {dt.year}/{dt.month}/{dt.day} {WD[dt.weekday()]} {dt.hour}:{dt.minute:02d}",
                f"> Subject: {o.subject}", ">"], True
    raise ValueError(style)


def quoted_block(style: str, o: Office, to_addr: str) -> list[str]:
    head, marked = attribution(style, o, to_addr)
    body = o.lines()
    if marked:
        body = [f"> {ln}" if ln else ">" for ln in body]
    return head + body


# --------------------------------------------------------------------------------------------
# mails
# --------------------------------------------------------------------------------------------

CLIENT_HEADERS = {
    "thunderbird": ["User-Agent: Mozilla Thunderbird", "Content-Language: ja"],
    "outlook": ["X-Mailer: Microsoft Outlook 16.0", "Content-Language: ja"],
    "becky": ["X-Mailer: Becky! ver. 2.81.05 [ja]"],
    "gmail": [],
    "iphone": ["X-Mailer: iPhone Mail (22B91)"],
    "android": ["User-Agent: Android"],
    "carrier": ["X-Mailer: Carrier Mail Client 3.1"],
    "legacy": ["X-Mailer: Datula version 1.52.05 for Windows"],
    "wlmail": ["X-Mailer: Microsoft Windows Live Mail 16.4.3528.331"],
    "yahoo": ["X-Mailer: YahooMailWebService/0.8.123"],
    "webmail": ["X-Mailer: Active! mail"],
    "bulk": [], "mta": [], "system": [],
}


@dataclass
class Mail:
    key: str                        # stable id of the spec (meta only)
    sent: str                       # Date header, JST "2026-11-18 08:41:07"
    frm: tuple[str, str]            # (display name, address)
    subject: str
    body: str                       # the writer's own text
    labels: dict
    note: str
    enc: str = "u864"               # jis | sjis8 | sjis64 | u8qp | u864 | u88 | html64 | alt_qp | alt_64
    client: str = "gmail"
    quote: Office | None = None
    style: str = "gmail"
    bottom: bool = False            # bottom-posted reply (quote first)
    rel: dict = field(default_factory=dict)   # phrase in body -> ISO date it must resolve to
    extra: list[str] = field(default_factory=list)  # extra header lines
    date_hdr: str | None = None     # a Date header written otherwise (e.g. in UTC)
    raw: bytes | None = None        # prebuilt whole message (bounces)

    @property
    def dt(self) -> datetime:
        return datetime.fromisoformat(self.sent).replace(tzinfo=JST)

    @property
    def family(self) -> str:
        return {"jis": "jis", "sjis8": "sjis", "sjis64": "sjis"}.get(self.enc, "utf8")

    def plain_text(self) -> str:
        own = self.body.strip("\n").split("\n")
        if not self.quote:
            return "\n".join(own) + "\n"
        q = quoted_block(self.style, self.quote, self.frm[1])
        if self.bottom:
            return "\n".join(q + [""] + own) + "\n"
        return "\n".join(own + [""] + q) + "\n"

    def html_text(self) -> str:
        own = self.body.strip("\n").split("\n")
        divs = "".join(f"<div>{html_escape(ln)}</div>" if ln else "<div><br></div>" for ln in own)
        quote = ""
        if self.quote:
            head, _ = attribution("gmail" if self.style not in ("outlook", "outlook_new") else self.style,
                                  self.quote, self.frm[1])
            inner = "<br>".join(html_escape(ln) for ln in self.quote.lines())
            if self.style in ("outlook", "outlook_new"):
                hdr = "<br>".join(html_escape(ln) for ln in head if ln and not ln.startswith(("-----", "____")))
                quote = ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0mm 0mm 0mm">'
                         f'<p>{hdr}</p></div><div>{inner}</div>')
            else:
                quote = ('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
                         f'{html_escape(head[0])}<br></div><blockquote class="gmail_quote" '
                         'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
                         f'{inner}</blockquote></div>')
        return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>'
                f'<body><div dir="ltr">{divs}</div>{quote}</body></html>\n')

    def digest(self, salt: str) -> str:
        return hashlib.sha256((self.key + salt).encode()).hexdigest()

    def build(self) -> bytes:
        if self.raw is not None:
            return self.raw
        name, addr = self.frm
        domain = addr.split("@")[1]
        fam = self.family
        hdrs = [f"Return-Path: <{addr}>",
                f"Received: from mail-out.{domain} (mail-out.{domain} [203.0.113.{int(self.digest('ip')[:2], 16) % 200 + 10}])",
                f"\tby mx01.akita-hw.example.jp (Postfix) with ESMTPS id 4{self.digest('q')[:10].upper()}",
                f"\tfor <{OFFICE}>; {rfc2822(self.dt + timedelta(seconds=int(self.digest('d')[:2], 16) % 40 + 2))}"]
        hdrs.append(f"From: {encoded_words(name, fam)} <{addr}>" if name else f"From: {addr}")
        to_named = self.client in ("outlook", "becky", "wlmail")
        hdrs.append(f"To: {encoded_words(OFFICE_NAME, fam)} <{OFFICE}>" if to_named else f"To: {OFFICE}")
        hdrs.append(f"Subject: {encoded_words(self.subject, fam)}")
        suffix = " (JST)" if self.client in ("carrier", "legacy") else ""
        hdrs.append(f"Date: {self.date_hdr or rfc2822(self.dt, suffix)}")
        h = self.digest("m")
        mid = {"gmail": f"<CA+{h[:32].upper()}@mail.gmail.example.com>",
               "outlook": f"<00{h[:10]}${h[10:18]}${h[18:26]}@{domain}>",
               "iphone": f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:20].upper()}-{h[20:32].upper()}@{domain}>",
               "becky": f"<202611{h[:6].upper()}.{h[6:14].upper()}@{domain}>"}.get(self.client, f"<{h[:16]}.{h[16:24]}@{domain}>")
        hdrs.append(f"Message-ID: {mid}")
        if self.quote:
            ref = f"<{hashlib.sha256(self.quote.sent.encode()).hexdigest()[:16]}.{self.quote.kind.split('_')[0]}@akita-hw.example.jp>"
            hdrs += [f"In-Reply-To: {ref}", f"References: {ref}"]
        hdrs += CLIENT_HEADERS[self.client] + self.extra
        hdrs.append("MIME-Version: 1.0")
        cs = CHARSETS[fam]
        parts: list[bytes | str]
        if self.enc in ("jis", "sjis8", "u88", "u8qp", "u864", "sjis64"):
            cte = {"jis": "7bit", "sjis8": "8bit", "u88": "8bit", "u8qp": "quoted-printable",
                   "u864": "base64", "sjis64": "base64"}[self.enc]
            quoted_cs = f'"{cs.lower()}"' if self.client == "outlook" else cs
            hdrs += [f"Content-Type: text/plain; charset={quoted_cs}", f"Content-Transfer-Encoding: {cte}"]
            parts = [encode_part(self.plain_text(), fam, cte)]
        elif self.enc == "html64":
            hdrs += ['Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: base64"]
            parts = [encode_part(self.html_text(), "utf8", "base64")]
        else:  # alt_qp / alt_64
            cte = "quoted-printable" if self.enc == "alt_qp" else "base64"
            b = f"{self.digest('b')[:28]}"
            hdrs.append(f'Content-Type: multipart/alternative; boundary="{b}"')
            parts = ["", f"--{b}", "Content-Type: text/plain; charset=UTF-8", f"Content-Transfer-Encoding: {cte}", "",
                     encode_part(self.plain_text(), "utf8", cte), "",
                     f"--{b}", "Content-Type: text/html; charset=UTF-8", f"Content-Transfer-Encoding: {cte}", "",
                     encode_part(self.html_text(), "utf8", cte), "", f"--{b}--", ""]
        out = "\r\n".join(hdrs).encode("ascii") + b"\r\n\r\n"
        for i, p in enumerate(parts):
            out += p if isinstance(p, bytes) else p.encode("ascii")
            if i < len(parts) - 1:
                out += b"\r\n"
        if not out.endswith(b"\r\n"):
            out += b"\r\n"
        return out

    def meta(self) -> dict:
        structure = {"html64": "text/html only", "alt_qp": "multipart/alternative",
                     "alt_64": "multipart/alternative"}.get(self.enc, "text/plain")
        cte = {"jis": "7bit", "sjis8": "8bit", "sjis64": "base64", "u8qp": "quoted-printable", "u864": "base64",
               "u88": "8bit", "html64": "base64", "alt_qp": "quoted-printable", "alt_64": "base64"}.get(self.enc, "?")
        return {"id": self.key, "charset": CHARSETS[self.family], "transfer_encoding": cte,
                "structure": structure if self.raw is None else "see note", "client": self.client,
                "quote_style": (self.style + (" bottom-posted" if self.bottom else "")) if self.quote else None,
                "chars_outside_jisx0208": outside_jisx0208(self.body) if self.family == "jis" else [],
                "note": self.note}


# --------------------------------------------------------------------------------------------
# automated mail built whole (bounces)
# --------------------------------------------------------------------------------------------


def postfix_bounce(sent: str, rcpt: str, original: Office) -> bytes:
    dt = datetime.fromisoformat(sent).replace(tzinfo=JST)
    b = "5F2A19C03D.1796280005/mx01.akita-hw.example.jp"
    inner_body = jis_encode("\r\n".join(original.lines()) + "\r\n")
    inner = (f"Return-Path: <{OFFICE}>\r\nFrom: {encoded_words(OFFICE_NAME, 'jis')} <{OFFICE}>\r\n"
             f"To: {rcpt}\r\nSubject: {encoded_words(original.subject, 'jis')}\r\n"
             f"Date: {rfc2822(original.dt)}\r\nMessage-ID: <{hashlib.sha256(sent.encode()).hexdigest()[:16]}.offer@akita-hw.example.jp>\r\n"
             "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n").encode() + inner_body
    text = ("This is the mail system at host mx01.akita-hw.example.jp.\r\n\r\n"
            "I'm sorry to have to inform you that your message could not\r\n"
            "be delivered to one or more recipients. It's attached below.\r\n\r\n"
            "For further assistance, please send mail to postmaster.\r\n\r\n"
            "                   The mail system\r\n\r\n"
            f"<{rcpt}>: host mx.{rcpt.split('@')[1]}[198.51.100.41] said: 552 5.2.2\r\n"
            f"    <{rcpt}>: Mailbox full (in reply to RCPT TO command)\r\n")
    status = (f"Reporting-MTA: dns; mx01.akita-hw.example.jp\r\nArrival-Date: {rfc2822(original.dt)}\r\n\r\n"
              f"Final-Recipient: rfc822; {rcpt}\r\nAction: failed\r\nStatus: 5.2.2\r\n"
              f"Diagnostic-Code: smtp; 552 5.2.2 <{rcpt}>: Mailbox full\r\n")
    head = ("Return-Path: <>\r\nReceived: by mx01.akita-hw.example.jp (Postfix)\r\n"
            f"\tid 5F2A19C03D; {rfc2822(dt)}\r\n"
            "From: MAILER-DAEMON@mx01.akita-hw.example.jp (Mail Delivery System)\r\n"
            f"To: {OFFICE}\r\nSubject: Undelivered Mail Returned to Sender\r\nDate: {rfc2822(dt)}\r\n"
            "Message-ID: <20261130010005.5F2A19C03D@mx01.akita-hw.example.jp>\r\nAuto-Submitted: auto-replied\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"{b}\"\r\n\r\n"
            "This is a MIME-encapsulated message.\r\n\r\n")
    return (head.encode() + f"--{b}\r\nContent-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n".encode()
            + text.encode() + f"\r\n--{b}\r\nContent-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n".encode()
            + status.encode() + f"\r\n--{b}\r\nContent-Description: Undelivered Message\r\nContent-Type: message/rfc822\r\n\r\n".encode()
            + inner + f"\r\n--{b}--\r\n".encode())


def qmail_bounce(sent: str, rcpt: str, original: Office) -> bytes:
    """qmail style: text/plain only, no Auto-Submitted; the original (UTF-8) follows the marker line."""
    dt = datetime.fromisoformat(sent).replace(tzinfo=JST)
    orig = "\r\n".join(original.lines())
    body = (f"Hi. This is the qmail-send program at mail.{rcpt.split('@')[1]}.\r\n"
            "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
            "This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n"
            f"<{rcpt}>:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n\r\n"
            "--- Below this line is a copy of the message.\r\n\r\n"
            f"Return-Path: <{OFFICE}>\r\nFrom: {OFFICE}\r\nTo: {rcpt}\r\n"
            f"Subject: {encoded_words(original.subject, 'utf8')}\r\nDate: {rfc2822(original.dt)}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + orig + "\r\n")
    head = (f"Return-Path: <>\r\nReceived: from mail.{rcpt.split('@')[1]} (mail.{rcpt.split('@')[1]} [198.51.100.77])\r\n"
            f"\tby mx01.akita-hw.example.jp (Postfix) with ESMTP id 4B81C2D0AA\r\n\tfor <{OFFICE}>; {rfc2822(dt)}\r\n"
            f"Date: {rfc2822(dt)}\r\nFrom: MAILER-DAEMON@mail.{rcpt.split('@')[1]}\r\nTo: {OFFICE}\r\n"
            "Subject: failure notice\r\nMessage-ID: <20261210060000.31552.qmail@mail.example.ne.jp>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
    return head.encode() + body.encode("utf-8")


# --------------------------------------------------------------------------------------------
# the set
# --------------------------------------------------------------------------------------------


def L(intent: str, name: str | None = None, sn: str | None = None, email: str | None = None,
      phone: str | None = None, req: tuple = (), choice: int | None = None, att: str | None = None) -> dict:
    requested = []
    for r in req:
        d, s, e = (r + (None, None))[:3] if len(r) < 3 else r
        requested.append({"date": d, "start": s, "end": e})
    return {"intent": intent, "name": name, "seeker_number": sn, "email": email, "phone": phone,
            "requested": requested, "choice": choice, "attendant": att}


RE_OFFER = "Re: 【ハローワーク秋田】オンライン職業相談のご予約について"
RE_CONF = "Re: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ"

MAILS: list[Mail] = [
    # ------------------------------------------------------------------ first booking requests
    Mail("B01", "2026-11-18 08:41:07", ("小笠原 隆之", "t.ogasawara@example.jp"), "オンライン職業相談の予約希望", """
ハローワーク秋田 ご担当者様

はじめまして。小笠原 隆之と申します。
オンライン職業相談の予約をお願いいたします。

氏名：小笠原 隆之（おがさわら たかゆき）
求職番号：05010-46617203
希望日時：
　第1希望　11月26日（木）14時
　第2希望　11月27日（金）10時
電話番号：090-2713-8842

よろしくお願いいたします。
""", L("book", "小笠原 隆之", "05010-46617203", phone="090-2713-8842",
       req=(("2026-11-26", "14:00"), ("2026-11-27", "10:00"))),
         "labelled form with indented 第1/第2希望 lines; hiragana furigana", enc="jis", client="thunderbird"),
    Mail("B02", "2026-11-18 21:05:44", ("", "yukarin.0823@au.example.ne.jp"), "相談予約", """
夜分にすみません。
佐藤ゆかりといいます。
オンラインで仕事の相談をしたいです。
来週の火曜日の午後はあいてますか？
求職番号 05020 77120394
電話 08033812295
""", L("book", "佐藤ゆかり", "05020-77120394", phone="08033812295", req=(("2026-11-24", "13:00", "17:00"),)),
         "carrier, no display name; 来週の火曜日 relative to Wed 11/18; 午後 window asked as a question; "
         "seeker number split by a space; phone without hyphens kept as written",
         enc="sjis8", client="carrier", rel={"来週の火曜日": "2026-11-24"}),
    Mail("B03", "2026-11-19 10:22:15", ("菅野 俊介", "shunsuke.kanno@example.com"), "オンライン職業相談予約のお願い", """
ハローワーク秋田
オンライン職業相談 ご担当者様

お世話になっております。菅野 俊介と申します。
下記のとおり、オンライン職業相談の予約をお願いいたします。

■氏名：菅野 俊介
■求職番号：05030-19284576
■希望日時：
　①令和8年12月1日（火）午前10時
　②令和8年12月3日（木）午後1時30分
■連絡先：018-864-3920（自宅）

どうぞよろしくお願いいたします。

――――――――――――
菅野 俊介
Mail: shunsuke.kanno@example.com
――――――――――――
""", L("book", "菅野 俊介", "05030-19284576", phone="018-864-3920",
       req=(("2026-12-01", "10:00"), ("2026-12-03", "13:30"))),
         "和暦 with 午前/午後 hours and 1時30分; circled list numbers are preferences, not a choice",
         enc="u8qp", client="outlook"),
    Mail("B04", "2026-11-19 19:48:02", ("千田 結衣", "yui.chida.88@gmail.example.com"), "オンライン相談の予約", """
ハローワーク秋田 ご担当者様

お世話になります。千田 結衣と申します。
オンラインの職業相談を受けたいと思い、ご連絡しました。

第1希望は十二月二日（水）の十四時からです。
第2希望は十二月四日（金）の十時です。

求職番号：05010-63390128
電話：080-1947-2265

よろしくお願いいたします。
千田 結衣
""", L("book", "千田 結衣", "05010-63390128", phone="080-1947-2265",
       req=(("2026-12-02", "14:00"), ("2026-12-04", "10:00"))),
         "漢数字 dates and hours", enc="u864", client="gmail"),
    Mail("B05", "2026-11-30 18:30:51", ("土田 恭平", "kyohei_tsuchida@yahoo.example.co.jp"), "相談の予約について", """
ハローワーク秋田 ご担当者様

土田 恭平と申します。
急で恐縮ですが、明後日の15時からオンライン相談をお願いできますか。
求職番号は05040-21873349です。
携帯：090-6612-0457
""", L("book", "土田 恭平", "05040-21873349", phone="090-6612-0457", req=(("2026-12-02", "15:00"),)),
         "HTML only (Yahoo); 明後日 relative to Mon 11/30", enc="html64", client="yahoo", rel={"明後日": "2026-12-02"}),
    Mail("B06", "2026-11-24 07:58:30", ("鎌田 美和", "miwa.kamata@icloud.example.com"), "オンライン相談希望", """
ハローワーク秋田さま

おはようございます。鎌田 美和と申します。
再来週の月曜日、10:00から相談をお願いしたいです。
求職番号は05020-50418862です。
電話 070-5128-3306

よろしくお願いいたします。

iPhoneから送信
""", L("book", "鎌田 美和", "05020-50418862", phone="070-5128-3306", req=(("2026-12-07", "10:00"),)),
         "multipart/alternative (iPhone, QP); 再来週の月曜日 relative to Tue 11/24 (this Monday is the 11/23 holiday)",
         enc="alt_qp", client="iphone", rel={"再来週の月曜日": "2026-12-07"}),
    Mail("B07", "2026-11-25 13:15:40", ("山﨑 智子", "tomoko.yamasaki@example.ne.jp"), "オンライン職業相談の予約", """
ハローワーク秋田 ご担当者様

いつもお世話になっております。山﨑 智子です。
オンライン職業相談の予約をお願いいたします。

・氏名　　　山﨑 智子
・求職番号　05010－38827145
・希望日時　12/8（火）14:00～15:00
・電話番号　090-3356-1842

よろしくお願いいたします。
""", L("book", "山﨑 智子", "05010-38827145", phone="090-3356-1842", req=(("2026-12-08", "14:00", "15:00"),)),
         "EXT: 﨑 (IBM ext, sent NEC-selected in ISO-2022-JP as CP50220 does) in body and From; full-width hyphen "
         "in the seeker number (JIS 0x215D); M/D span", enc="jis", client="outlook"),
    Mail("B08", "2026-11-20 09:30:12", ("高橋 光", "hikaru.t@example.jp"), "予約お願いします", """
ハローワーク秋田様
高橋 光（ﾀｶﾊｼ ﾋｶﾙ）です。
オンラインでの職業相談を予約したいです。
求職番号　05030 41187720
希望　　　12月1日(火) 終日OKです
電話　　　080-6679-1123
よろしくお願いします。
""", L("book", "高橋 光", "05030-41187720", phone="080-6679-1123", req=(("2026-12-01", None, None),)),
         "EXT: half-width katakana furigana as JIS X 0201 kana (ESC ( I); 終日 -> whole day", enc="jis", client="wlmail"),
    Mail("B09", "2026-12-03 16:20:33", ("Maria Santos", "maria.santos@example.com"), "そうだん の よやく", """
ハローワーク秋田 の みなさま
はじめまして。わたしは サントス マリア です。ブラジル人です。
しごとの そうだん を したいです。
12月10日（木） ごご2じ が いいです。
ポルトガルごの つうやくが いっしょに さんかします。
きゅうしょくばんごう：05010-72216639
でんわ：090-2284-7716
よろしく おねがいします。
サントス マリア
""", L("book", "サントス マリア", "05010-72216639", phone="090-2284-7716", req=(("2026-12-10", "14:00"),),
       att="interpreter"),
         "simple hiragana Japanese (ごご2じ = 14:00, つうやく); foreign katakana name; romaji From name not used",
         enc="u88", client="android"),
    Mail("B10", "2026-12-14 12:05:19", ("星野 あかね", "akane.hoshino@gmail.example.com"), "予約をお願いします", """
ハローワーク秋田 ご担当者様

はじめまして、星野あかねと申します。
今週金曜日の11時に、オンライン職業相談の予約をお願いできますか。
求職番号：05020-11457398
電話番号：080-4033-9172
よろしくお願いします。
""", L("book", "星野あかね", "05020-11457398", phone="080-4033-9172", req=(("2026-12-18", "11:00"),)),
         "今週金曜日 relative to Mon 12/14; hiragana given name written without space", enc="u864", client="gmail",
         rel={"今週金曜日": "2026-12-18"}),
    Mail("B11", "2026-11-20 17:40:05", ("勅使河原 蓮", "ren.teshigawara@example.ne.jp"), "オンライン職業相談申込み", """
ハローワーク秋田 御中

お世話になります。勅使河原 蓮（てしがわら れん）と申します。
オンライン職業相談を申し込みます。

希望日：11/27（金） 14時半
求職番号：05010-90314426
携帯：090-8862-0375

以上、よろしくお願いいたします。
""", L("book", "勅使河原 蓮", "05010-90314426", phone="090-8862-0375", req=(("2026-11-27", "14:30"),)),
         "rare four-kanji surname; M/D and 14時半", enc="jis", client="becky"),
    Mail("B12", "2026-12-09 11:11:48", ("小鳥遊 ひなた", "hinata.takanashi@example.jp"), "相談予約", """
ハローワーク秋田 オンライン相談ご担当様

小鳥遊 ひなた（たかなし ひなた）です。
12月16日の2時から相談の予約をお願いします。
求職番号は 0501081276634 です。
電話は 070-8821-4409 です。
""", L("book", "小鳥遊 ひなた", "05010-81276634", phone="070-8821-4409", req=(("2026-12-16", "14:00"),)),
         "rare surname + hiragana given name; bare 2時 = 14:00; seeker number without separator",
         enc="u864", client="thunderbird"),
    Mail("B13", "2026-12-01 20:14:27", ("Wang Wei", "wang.wei.0311@example.com"), "オンライン職業相談の予約", """
ハローワーク秋田 御中

はじめまして。王 偉（ワン ウェイ）と申します。中国出身です。
オンライン職業相談の予約をお願いします。
希望日時：12月9日（水）10時
日本語がまだ上手ではないので、中国語の通訳（知人）が同席します。
求職番号：05040-55830192
電話：080-7723-5518
""", L("book", "王 偉", "05040-55830192", phone="080-7723-5518", req=(("2026-12-09", "10:00"),), att="interpreter"),
         "two-character Chinese name with katakana reading; interpreter joins; 8bit UTF-8", enc="u88", client="android"),
    Mail("B14", "2026-12-10 09:02:51", ("藤原 正人", "m-fujiwara@example.ne.jp"), "オンライン相談予約", """
ハローワーク秋田　御中

藤原正人と申します。
オンライン職業相談の予約をお願いします。
12月14日（月）または12月15日（火）でお願いします。どちらも終日空いております。
求職番号　05010-24481937
TEL　018-833-6072
""", L("book", "藤原正人", "05010-24481937", phone="018-833-6072",
       req=(("2026-12-14", None, None), ("2026-12-15", None, None))),
         "two whole days; Shift_JIS base64", enc="sjis64", client="legacy"),
    Mail("B15", "2026-11-26 14:44:09", ("熊谷 亜希子", "akiko.kumagai@example.jp"), "職業相談（オンライン）の予約", """
ハローワーク秋田 ご担当者様

お世話になります。熊谷亜希子と申します。
オンライン職業相談の予約をお願いしたく、ご連絡いたしました。
希望は、12月3日（木）の午前か、12月4日（金）の午後です。

求職番号：05030-66120784
電話：0185-52-3318

熊谷亜希子
""", L("book", "熊谷亜希子", "05030-66120784", phone="0185-52-3318",
       req=(("2026-12-03", "09:00", "12:00"), ("2026-12-04", "13:00", "17:00"))),
         "午前 / 午後 windows on two days; 4-digit area code", enc="u8qp", client="thunderbird"),
    Mail("B16", "2026-12-02 10:10:36", ("大山 直人", "naoto.oyama@example.ne.jp"), "オンライン職業相談の予約", """
ハローワーク秋田
オンライン職業相談ご担当者様

はじめまして。大山 直人と申します。
オンライン職業相談を予約させてください。

希望日時
　第1希望：12月8日（火）10時～11時
　第2希望：12月9日（水）13:00-14:30

求職番号：05020-43305517
電話番号：050-3786-2214
""", L("book", "大山 直人", "05020-43305517", phone="050-3786-2214",
       req=(("2026-12-08", "10:00", "11:00"), ("2026-12-09", "13:00", "14:30"))),
         "spans written 10時～11時 and 13:00-14:30 (ASCII hyphen); 050 number", enc="jis", client="outlook"),
    Mail("B17", "2026-11-26 22:30:14", ("桜庭 拓海", "takumi.sakuraba@gmail.example.com"), "オンライン相談をお願いします", """
ハローワーク秋田 ご担当者様

夜分に失礼します。桜庭 拓海と申します。
来週水曜日の10時にオンライン職業相談をお願いできますでしょうか。
求職番号は手元にないため、後日お知らせします。
電話：090-1175-6628
""", L("book", "桜庭 拓海", None, phone="090-1175-6628", req=(("2026-12-02", "10:00"),)),
         "来週水曜日 relative to Thu 11/26; seeker number promised later", enc="u864", client="gmail",
         rel={"来週水曜日": "2026-12-02"}),
    Mail("B18", "2026-12-04 19:02:47", ("石井 浩", "hiroshi.ishii.1962@gmail.example.com"), "娘の相談予約のお願い", """
ハローワーク秋田 ご担当者様

突然のメール失礼いたします。石井と申します。
娘がオンライン職業相談を希望しておりますので、代わりにご連絡いたします。

氏名：石井 莉子（いしい りこ）
求職番号：05010-87723340
希望日時：12月7日（月）の午前
本人の携帯：080-2290-6617
本人のメール：riko.ishii＠example.ne.jp

娘は初めてで不安があるようなので、当日は私（父）も同席いたします。

石井 浩
""", L("book", "石井 莉子", "05010-87723340", "riko.ishii@example.ne.jp", "080-2290-6617",
       req=(("2026-12-07", "09:00", "12:00"),), att="other"),
         "father writes for his daughter and joins (other); contact address with full-width ＠ differs from From",
         enc="u864", client="gmail"),
    Mail("B19", "2026-12-11 13:30:22", ("あきた若者サポートステーション 三上", "mikami@akita-saposute.example.or.jp"),
         "オンライン職業相談の申込み（代理）", """
ハローワーク秋田 オンライン職業相談ご担当者様

いつもお世話になっております。
あきた若者サポートステーションの三上と申します。
当ステーションをご利用の方のオンライン職業相談を、ご本人に代わってお申し込みいたします。

【相談者】
氏名：佐々木 湊
求職番号：05030-12847759
連絡先（本人携帯）：090-5561-2280
希望日時：12月17日（木）15時

当日は支援員の私も同席いたします。
ご連絡は本人の携帯電話へお願いいたします。

--
あきた若者サポートステーション
三上 恵理
TEL：018-827-5540
""", L("book", "佐々木 湊", "05030-12847759", phone="090-5561-2280", req=(("2026-12-17", "15:00"),), att="other"),
         "support-agency staff applies for a client and joins (other); agency phone in signature is not the contact",
         enc="u864", client="outlook"),
    Mail("B20", "2026-12-07 08:55:03", ("浅利 翔太", "shota.asari@example.jp"), "相談予約", """
ハローワーク秋田 ご担当者様
おはようございます。浅利 翔太と申します。
オンライン職業相談の予約をお願いします。
希望日時：12月11日（金）午後3時
手が不自由なため、ヘルパーさんと一緒に参加します。
求職番号：05010-30098416
携帯：090-4408-3162
""", L("book", "浅利 翔太", "05010-30098416", phone="090-4408-3162", req=(("2026-12-11", "15:00"),), att="caregiver"),
         "caregiver (ヘルパーさん) joins; 午後3時", enc="u864", client="android"),
    Mail("B21", "2026-12-08 12:40:29", ("", "K.Matsuda@Example.ne.jp"), "オンライン職業相談の予約", """
ハローワーク秋田 ご担当者様

松田 圭と申します。
オンライン職業相談の予約をお願いします。
希望日時：12月15日（火）11:00
求職番号：05020-59016623
電話番号：+81-90-3328-7154
連絡用メール：kei.matsuda.job＠example.jp
（普段のアドレスより、こちらの方が確実です）
""", L("book", "松田 圭", "05020-59016623", "kei.matsuda.job@example.jp", "090-3328-7154",
       req=(("2026-12-15", "11:00"),)),
         "+81 phone -> domestic form; stated contact address with full-width ＠ wins over a mixed-case From",
         enc="u8qp", client="webmail"),
    Mail("B22", "2026-12-14 17:20:44", ("照井 和樹", "k.terui@example.ne.jp"), "オンライン職業相談申込", """
ハローワーク秋田 御中

お世話になります。照井 和樹です。
オンライン職業相談をお願いしたく、ご連絡いたしました。

【氏名】照井 和樹（てるい かずき）
【求職番号】05040-88231065
【希望日時】
　第1希望：12/21(月) 10:30
　第2希望：12/22(火) 16時
【電話】0182-33-7719
""", L("book", "照井 和樹", "05040-88231065", phone="0182-33-7719",
       req=(("2026-12-21", "10:30"), ("2026-12-22", "16:00"))),
         "【】 labelled form; M/D(曜) with 10:30 and 16時", enc="jis", client="becky"),
    Mail("B23", "2026-12-21 10:00:37", ("佐藤 彩乃", "ayano.sato@example.jp"), "年明けの相談予約", """
ハローワーク秋田 ご担当者様

お世話になります。佐藤 彩乃と申します。
年明けになりますが、オンライン職業相談の予約をお願いします。
第1希望：1月5日（火）の午前中
第2希望：1月7日（木）14:00
求職番号：05010-40078211
電話：090-6021-3348
""", L("book", "佐藤 彩乃", "05010-40078211", phone="090-6021-3348",
       req=(("2027-01-05", "09:00", "12:00"), ("2027-01-07", "14:00"))),
         "bare January dates resolve to 2027", enc="jis", client="thunderbird"),
    Mail("B24", "2026-12-10 07:30:18", ("工藤 大地", "daichi.kudo@icloud.example.com"), "明日の相談", """
ハローワーク秋田 ご担当者様

朝早くに失礼します。工藤 大地です。
明日の13時半からオンライン相談をお願いできますか。
求職番号は05020-17749203です。
電話番号は09012873304です。

iPhoneから送信
""", L("book", "工藤 大地", "05020-17749203", phone="09012873304", req=(("2026-12-11", "13:30"),)),
         "Date header in UTC (Wed 22:30 +0000 = Thu 07:30 JST): 明日 is Fri 12/11", enc="u8qp", client="iphone",
         date_hdr="Wed, 09 Dec 2026 22:30:18 +0000", rel={"明日": "2026-12-11"}),
    Mail("B25", "2026-12-01 15:20:40", ("成田 圭吾", "keigo.narita@gmail.example.com"), "オンライン職業相談", """
ハローワーク秋田 ご担当者様

お世話になっております。成田 圭吾と申します。
オンライン職業相談の予約をお願いしたいです。
金曜日の10時はいかがでしょうか。
求職番号：05030-70623318
電話：080-3105-7746
""", L("book", "成田 圭吾", "05030-70623318", phone="080-3105-7746", req=(("2026-12-04", "10:00"),)),
         "bare weekday 金曜日 relative to Tue 12/1", enc="u864", client="gmail", rel={"金曜日": "2026-12-04"}),
    Mail("B26", "2026-12-16 09:45:12", ("小玉 誠一郎", "kodama-s@example.ne.jp"), "オンライン職業相談の予約", """
ハローワーク秋田　御中

いつもお世話になっております。
小玉 誠一郎と申します。
オンライン職業相談の予約をお願いいたします。

第一希望　12月17日(木)　9時半
第二希望　12月18日(金)　午後
求職番号　05010-55409126
電話　　　018-845-2207
""", L("book", "小玉 誠一郎", "05010-55409126", phone="018-845-2207",
       req=(("2026-12-17", "09:30"), ("2026-12-18", "13:00", "17:00"))),
         "第一/第二希望 in kanji; 9時半; Shift_JIS 8bit", enc="sjis8", client="legacy"),
    Mail("B27", "2026-12-17 18:00:56", ("", "haruka.yamada.0505@example.ne.jp"), "そうだん", """
ハローワーク秋田 さま
こんにちは。やまだ はるか です。
しごとの相談をしたいです。
12月22日(火) 11時に おねがいします。
きゅうしょくばんごう 05020-96634102
でんわ 080-6640-2218
""", L("book", "やまだ はるか", "05020-96634102", phone="080-6640-2218", req=(("2026-12-22", "11:00"),)),
         "name written all in hiragana; no display name", enc="u88", client="android"),
    Mail("B28", "2026-11-18 11:30:25", ("一ノ瀬 美月", "mizuki.ichinose@gmail.example.com"),
         "Re: 【ハローワーク秋田】オンライン職業相談のご予約について（ご記入のお願い） [予約番号 AK-2611-0007]", """
ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。一ノ瀬です。
記入が漏れており失礼しました。

希望日時：11月25日（水）午後2時
求職番号：05010-33871924

一ノ瀬 美月
""", L("book", "一ノ瀬 美月", "05010-33871924", req=(("2026-11-25", "14:00"),)),
         "reply to the office's needs_info mail supplying the missing time and number (intent judged book); "
         "quoted request lists 第1希望・第2希望 wording",
         enc="u864", client="gmail",
         quote=Office("needs_info", "2026-11-18 09:05:00", "一ノ瀬 美月", ref="AK-2611-0007",
                      missing=("requested", "seeker_number")), style="gmail"),
    # ------------------------------------------------------------------ replies to the offer
    Mail("C01", "2026-11-20 14:05:31", ("長谷川 涼子", "ryoko.hasegawa@gmail.example.com"), RE_OFFER, """
ハローワーク秋田 ご担当者様

お世話になっております。長谷川です。
2番でお願いします。
利用規約に同意します。

長谷川 涼子
""", L("confirm", "長谷川 涼子", choice=2), "2番; Gmail top-posted quote of a 3-slot offer",
         quote=Office("offer", "2026-11-20 10:00:12", "長谷川 涼子",
                      [("2026-11-26", "13:00"), ("2026-12-01", "10:00"), ("2026-12-02", "15:00")])),
    Mail("C02", "2026-11-21 09:12:48", ("村上 俊", "shun.murakami@example.co.jp"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約について", """
ハローワーク秋田
オンライン職業相談ご担当者様

お世話になっております。村上です。
ご案内ありがとうございます。２番を希望いたします。
規約の内容も確認いたしました。

村上 俊
携帯：080-5582-0049
""", L("confirm", "村上 俊", phone="080-5582-0049", choice=2),
         "full-width ２番; Outlook -----Original Message----- with 差出人/送信日時 (quote not marked); phone only in signature",
         enc="jis", client="outlook", style="outlook",
         quote=Office("offer", "2026-11-20 16:30:05", "村上 俊",
                      [("2026-11-25", "10:00"), ("2026-11-26", "14:00"), ("2026-11-30", "11:00")])),
    Mail("C03", "2026-11-24 12:20:16", ("今井 沙耶", "saya.imai@example.ne.jp"), RE_OFFER, """
ハローワーク秋田 ご担当者様

お世話になります。今井です。
②の日程でお願いいたします。

今井 沙耶
""", L("confirm", "今井 沙耶", choice=2),
         "EXT: ② (NEC row 13) in ISO-2022-JP; Thunderbird quote", enc="jis", client="thunderbird", style="thunderbird",
         quote=Office("offer", "2026-11-24 09:30:40", "今井 沙耶",
                      [("2026-11-27", "10:00"), ("2026-11-30", "14:00"), ("2026-12-01", "16:00")])),
    Mail("C04", "2026-11-25 21:40:09", ("木村 大和", "yamato.kimura@icloud.example.com"), RE_OFFER, """
お世話になります。
「3」でお願いします。規約にも同意します。

木村 大和

iPhoneから送信
""", L("confirm", "木村 大和", choice=3), "「3」 in brackets; iPhone quote", enc="u8qp", client="iphone", style="iphone",
         quote=Office("offer", "2026-11-25 15:00:33", "木村 大和",
                      [("2026-12-01", "11:00"), ("2026-12-02", "13:00"), ("2026-12-03", "10:00")])),
    Mail("C05", "2026-11-27 23:02:11", ("", "tk_0119@example.ne.jp"), RE_OFFER, """
1で。よろしくお願いします
""", L("confirm", None, choice=1), "unsigned one-liner 1で; name only in quoted greeting -> null",
         enc="u88", client="android",
         quote=Office("offer", "2026-11-27 15:10:02", "田口 賢",
                      [("2026-12-02", "10:00"), ("2026-12-03", "15:00")])),
    Mail("C06", "2026-11-30 10:15:27", ("中島 和彦", "kazuhiko.nakajima@example.com"),
         "RE: 【ハローワーク秋田】オンライン職業相談のご予約について [予約番号 AK-2611-0031]", """
ハローワーク秋田 ご担当者様

いつもお世話になっております。中島です。
ご提示いただいた候補のうち、No.3でお願いいたします。
利用規約についても承知いたしました。

中島 和彦
""", L("confirm", "中島 和彦", choice=3),
         "No.3; new Outlook header block; the quoted offer's own example 「2番でお願いします」 is not the choice",
         enc="u864", client="outlook", style="outlook_new",
         quote=Office("offer_new", "2026-11-27 16:00:45", "中島 和彦",
                      [("2026-12-03", "14:00"), ("2026-12-04", "10:00"), ("2026-12-07", "15:00")], ref="AK-2611-0031")),
    Mail("C07", "2026-12-01 08:40:55", ("菊地 健太郎", "kentaro.kikuchi@example.ne.jp"), RE_OFFER, """
ハローワーク秋田
ご担当者様

ご連絡ありがとうございます。
2番目の日程でお願いします。
規約も確認いたしました。

菊地 健太郎
""", L("confirm", "菊地 健太郎", choice=2), "2番目; Becky! quote", enc="jis", client="becky", style="becky",
         quote=Office("offer", "2026-11-30 17:00:20", "菊地 健太郎",
                      [("2026-12-03", "10:00"), ("2026-12-04", "13:00"), ("2026-12-08", "11:00")])),
    Mail("C08", "2026-12-01 19:25:03", ("", "miyuki-k@docomo.example.ne.jp"), "Re:【ハローワーク秋田】オンライン職業相談のご予約について", """
二番でお願いします。
規約に同意します。
葛西 美幸
""", L("confirm", "葛西 美幸", choice=2),
         "二番 in kanji; carrier reply with an unmarked -----Original Message----- block", enc="sjis8", client="carrier",
         style="carrier",
         quote=Office("offer", "2026-12-01 11:00:21", "葛西 美幸",
                      [("2026-12-04", "14:00"), ("2026-12-07", "10:00"), ("2026-12-08", "15:00")])),
    Mail("C09", "2026-12-02 13:00:42", ("佐野 真一", "shinichi.sano@gmail.example.com"), RE_OFFER, """
ハローワーク秋田 ご担当者様

3番（12月9日 15:00〜15:50）でお願いします。
規約に同意します。

佐野 真一
""", L("confirm", "佐野 真一", req=(("2026-12-09", "15:00", "15:50"),), choice=3),
         "bottom-posted below a Gmail quote; number plus restated slot", bottom=True,
         quote=Office("offer", "2026-12-02 10:00:08", "佐野 真一",
                      [("2026-12-07", "11:00"), ("2026-12-08", "14:00"), ("2026-12-09", "15:00")])),
    Mail("C10", "2026-12-03 09:50:14", ("北村 奈央", "nao.kitamura@example.jp"), RE_OFFER, """
ハローワーク秋田 ご担当者様

おはようございます。北村です。
12月16日（水）の13時からでお願いします。
利用規約にも同意いたします。

北村 奈央
""", L("confirm", "北村 奈央", req=(("2026-12-16", "13:00"),)),
         "slot picked by restating its date/time -> choice null", enc="u864", client="thunderbird", style="thunderbird",
         quote=Office("offer", "2026-12-02 17:00:51", "北村 奈央",
                      [("2026-12-15", "10:00"), ("2026-12-16", "13:00"), ("2026-12-17", "15:00")])),
    Mail("C11", "2026-12-04 10:30:37", ("小林 航", "wataru.kobayashi@icloud.example.com"), RE_OFFER, """
承知しました。その日時でお願いします。
規約にも同意します。

小林 航

iPhoneから送信
""", L("confirm", "小林 航"), "consent to a single offered slot, no number", enc="u8qp", client="iphone", style="iphone",
         quote=Office("offer", "2026-12-03 16:00:29", "小林 航", [("2026-12-08", "10:00")])),
    Mail("C12", "2026-12-07 20:10:50", ("遠藤 綾", "aya.endo@example.ne.jp"),
         "Re: 【ハローワーク秋田】オンライン職業相談のご予約について [予約番号 AK-2612-0012]", """
ハローワーク秋田 ご担当者様

上記の日時で大丈夫です。
規約に同意のうえ、よろしくお願いいたします。

遠藤 綾
""", L("confirm", "遠藤 綾"),
         "bottom-posted consent to a single slot; the quoted example 「1番でお願いします」 is not a choice",
         enc="u8qp", client="thunderbird", style="thunderbird", bottom=True,
         quote=Office("offer_new", "2026-12-07 14:00:17", "遠藤 綾", [("2026-12-10", "15:00")], ref="AK-2612-0012")),
    Mail("C13", "2026-12-08 22:15:36", ("森田 颯", "hayate.morita@gmail.example.com"), RE_OFFER, """
ハローワーク秋田 オンライン相談ご担当様

お世話になっております。森田です。
1でお願いします。

森田 颯
""", L("confirm", "森田 颯", choice=1), "multipart/alternative (Gmail) with blockquote in HTML",
         enc="alt_64", client="gmail",
         quote=Office("offer", "2026-12-08 13:00:44", "森田 颯", [("2026-12-11", "10:00"), ("2026-12-14", "14:00")])),
    Mail("C14", "2026-12-09 12:00:05", ("阿部 聡美", "satomi.abe@gmail.example.com"), RE_OFFER, """
お世話になっております。阿部です。
③でお願いします。

それと、携帯番号を変えましたので、今後はこちらにお願いします。
080-7752-1196

阿部 聡美
""", L("confirm", "阿部 聡美", phone="080-7752-1196", choice=3), "③ in UTF-8; new phone given in the reply",
         quote=Office("offer", "2026-12-08 17:00:13", "阿部 聡美",
                      [("2026-12-14", "10:00"), ("2026-12-15", "13:00"), ("2026-12-16", "11:00")])),
    Mail("C15", "2026-12-10 11:45:21", ("三浦 広美", "hiromi.miura@example.jp"),
         "RE: 【ハローワーク秋田】オンライン職業相談のご予約について [予約番号 AK-2612-0020]", """
ハローワーク秋田 ご担当者様

お世話になっております。三浦です。
1番でお願いいたします。
なお、私は聴覚に障害があるため、当日は手話通訳者が同席いたします。
よろしくお願いいたします。

三浦 広美
""", L("confirm", "三浦 広美", choice=1, att="interpreter"),
         "choice plus announcement that a sign-language interpreter joins; Outlook English header; quoted offer "
         "mentions 通訳・介助者 itself", enc="jis", client="outlook", style="outlook_en",
         quote=Office("offer_new", "2026-12-09 15:00:39", "三浦 広美",
                      [("2026-12-14", "15:00"), ("2026-12-15", "10:00"), ("2026-12-17", "13:00")], ref="AK-2612-0020")),
    Mail("C16", "2026-12-11 18:20:08", ("斉藤 陽向", "hinata.saito@example.ne.jp"), RE_OFFER, """
ハローワーク秋田さま
2番でお願いします。
当日は母も一緒に参加します。
斉藤 陽向
""", L("confirm", "斉藤 陽向", choice=2, att="other"), "choice plus a family member joining (other)",
         enc="u88", client="android",
         quote=Office("offer", "2026-12-11 11:00:26", "斉藤 陽向",
                      [("2026-12-15", "14:00"), ("2026-12-16", "10:00"), ("2026-12-18", "15:00")])),
    Mail("C17", "2026-12-14 09:00:31", ("安田 光希", "mitsuki.yasuda@example.jp"), RE_OFFER, """
ハローワーク秋田 ご担当者様

お世話になります。安田です。
1番でお願いいたします。利用規約に同意します。

安田 光希
""", L("confirm", "安田 光希", choice=1), "HTML-only webmail reply, offer quoted in a blockquote",
         enc="html64", client="webmail",
         quote=Office("offer", "2026-12-11 16:00:52", "安田 光希",
                      [("2026-12-17", "10:00"), ("2026-12-18", "13:00"), ("2026-12-21", "11:00")])),
    Mail("C18", "2026-12-15 08:10:46", ("菅原 一輝", "kazuki.sugawara@gmail.example.com"), RE_OFFER, """
ハローワーク秋田 ご担当者様

おはようございます。菅原です。
木曜日の14時の回でお願いします。
規約に同意します。

菅原 一輝
""", L("confirm", "菅原 一輝", req=(("2026-12-17", "14:00"),)),
         "slot picked by bare weekday + hour (木曜日 relative to Tue 12/15)", rel={"木曜日": "2026-12-17"},
         quote=Office("offer", "2026-12-14 15:00:04", "菅原 一輝",
                      [("2026-12-16", "10:00"), ("2026-12-17", "14:00"), ("2026-12-18", "11:00")])),
    Mail("C19", "2026-12-15 14:30:19", ("松本 萌", "moe_matsumoto@yahoo.example.co.jp"), RE_OFFER, """
ハローワーク秋田 ご担当者様

お世話になっております。松本です。
２番　12月21日(月)14:00～14:50 でお願いします。
規約を確認し、同意いたします。

松本 萌
""", L("confirm", "松本 萌", req=(("2026-12-21", "14:00", "14:50"),), choice=2),
         "full-width number plus restated span; Yahoo quote with > From/Date header lines", enc="u8qp", client="yahoo",
         style="yahoo",
         quote=Office("offer", "2026-12-15 10:00:27", "松本 萌",
                      [("2026-12-18", "10:00"), ("2026-12-21", "14:00"), ("2026-12-22", "11:00")])),
    Mail("C20", "2026-12-16 17:05:58", ("", "ryu.okada@softbank.example.ne.jp"), "Re:【ハローワーク秋田】オンライン職業相談のご予約について", """
１でお願いします。
岡田 龍之介
""", L("confirm", "岡田 龍之介", choice=1), "full-width １ alone; softbank-style quote with >From/>Date lines",
         enc="sjis8", client="carrier", style="carrier_gt",
         quote=Office("offer", "2026-12-16 11:00:14", "岡田 龍之介", [("2026-12-21", "10:00"), ("2026-12-22", "15:00")])),
    Mail("C21", "2026-12-17 10:20:33", ("Emily Jones", "emily.jones@gmail.example.com"), RE_OFFER, """
ハローワーク秋田 ご担当者様

エミリー ジョーンズです。
2でお願いします。規約に同意します。
当日は英語の通訳が同席します。
""", L("confirm", "エミリー ジョーンズ", choice=2, att="interpreter"),
         "foreign name in katakana; 2で; English Gmail attribution line (On … wrote:)", style="gmail_en",
         quote=Office("offer", "2026-12-16 16:30:48", "エミリー ジョーンズ",
                      [("2026-12-21", "13:00"), ("2026-12-22", "10:00"), ("2026-12-23", "14:00")])),
    Mail("C22", "2026-12-18 11:00:25", ("西田 優", "yu.nishida@example.jp"), RE_OFFER, """
ハローワーク秋田 ご担当者様

ご連絡ありがとうございます。
3番でお願いします。規約にも同意いたします。

西田 優
""", L("confirm", "西田 優", choice=3), "bottom-posted under a Thunderbird quote", enc="jis", client="thunderbird",
         style="thunderbird", bottom=True,
         quote=Office("offer", "2026-12-17 15:30:11", "西田 優",
                      [("2026-12-22", "13:00"), ("2026-12-23", "10:00"), ("2026-12-24", "15:00")])),
    Mail("C23", "2026-12-21 09:40:57", ("杉山 悠斗", "yuto.sugiyama@example.com"),
         "Re: 【ハローワーク秋田】オンライン職業相談のご予約について [予約番号 AK-2612-0044]", """
ハローワーク秋田 ご担当者様

お世話になっております。杉山です。
変更後の候補について、1番でお願いします。

杉山 悠斗
""", L("confirm", "杉山 悠斗", choice=1), "reply to the offer sent after a reschedule (new template)",
         enc="u8qp", client="thunderbird", style="thunderbird",
         quote=Office("offer_new", "2026-12-18 16:00:02", "杉山 悠斗",
                      [("2026-12-24", "10:00"), ("2026-12-25", "14:00"), ("2027-01-05", "10:00")],
                      ref="AK-2612-0044", note="reschedule")),
    Mail("C24", "2026-12-22 13:10:40", ("河野 真央", "mao.kono@icloud.example.com"), RE_OFFER, """
12月25日(金)10時で大丈夫です。よろしくお願いします。
規約も読みました。

河野 真央

iPhoneから送信
""", L("confirm", "河野 真央", req=(("2026-12-25", "10:00"),)),
         "single-slot offer accepted by restating it -> requested, choice null", enc="u8qp", client="iphone",
         style="iphone",
         quote=Office("offer", "2026-12-22 10:00:36", "河野 真央", [("2026-12-25", "10:00")])),
    # ------------------------------------------------------------------ cancellations and changes
    Mail("X01", "2026-11-27 08:10:22", ("岡田 千尋", "chihiro.okada@gmail.example.com"), RE_CONF, """
ハローワーク秋田 ご担当者様

お世話になっております。岡田です。
12月2日（水）10時から予約しておりましたが、体調を崩してしまいましたので、キャンセルをお願いいたします。
申し訳ございません。

岡田 千尋
""", L("cancel", "岡田 千尋"), "cancel of a confirmed booking; booking date restated but not requested",
         quote=Office("confirmed", "2026-11-25 11:02:40", "岡田 千尋", [("2026-12-02", "10:00")])),
    Mail("X02", "2026-12-02 18:45:09", ("", "hiroto.murai@au.example.ne.jp"), "明日の相談について", """
お世話になります。
明日のオンライン相談ですが、急用で参加できなくなりました。
取り消しをお願いします。
村井 大翔
090-2287-5531
""", L("cancel", "村井 大翔", phone="090-2287-5531"), "短い carrier cancel; 明日 is the booking, not a request",
         enc="sjis8", client="carrier"),
    Mail("X03", "2026-11-21 10:00:48", ("宮本 玲奈", "rena.miyamoto@example.ne.jp"), RE_OFFER, """
ハローワーク秋田 ご担当者様

ご案内ありがとうございました。
実はほかの支援機関で相談できることになりましたので、今回の申込みを取り消させてください。
お手数をおかけして申し訳ありません。

宮本 玲奈
""", L("cancel", "宮本 玲奈"), "withdraws after an offer; quoted numbered slots not read", enc="jis",
         client="thunderbird", style="thunderbird",
         quote=Office("offer", "2026-11-20 15:20:19", "宮本 玲奈",
                      [("2026-11-25", "13:00"), ("2026-11-26", "10:00"), ("2026-11-27", "16:00")])),
    Mail("X04", "2026-11-30 12:30:44", ("杉本 翼", "tsubasa.sugimoto@example.com"), "予約日時の変更のお願い", """
ハローワーク秋田 オンライン職業相談ご担当者様

お世話になっております。杉本です。
12月3日（木）10時からの予約ですが、12月7日（月）の15時に変更していただけますでしょうか。
急な面接が入ってしまいました。申し訳ありません。

杉本 翼
TEL：080-3326-7185
""", L("reschedule", "杉本 翼", phone="080-3326-7185", req=(("2026-12-07", "15:00"),)),
         "reschedule with a new date and time; old booking not requested", enc="u864", client="outlook"),
    Mail("X05", "2026-12-07 09:20:13", ("岩崎 美穂", "miho.iwasaki@gmail.example.com"), RE_CONF, """
ハローワーク秋田 ご担当者様

お世話になっております。岩崎です。
今週木曜日の相談ですが、都合が悪くなってしまったため、来週の木曜日に変更をお願いできますか。
時間はいつでも構いません。

岩崎 美穂
""", L("reschedule", "岩崎 美穂", req=(("2026-12-17", None, None),)),
         "reschedule with only a new day (来週の木曜日 relative to Mon 12/7, any time); 今週木曜日 is the booking",
         rel={"来週の木曜日": "2026-12-17", "今週木曜日": "2026-12-10"},
         quote=Office("confirmed", "2026-12-03 14:00:33", "岩崎 美穂", [("2026-12-10", "14:00")])),
    Mail("X06", "2026-12-09 16:10:37", ("原田 隼", "shun.harada@example.ne.jp"), RE_CONF, """
ハローワーク秋田 ご担当者様

お世話になります。原田です。
12月11日（金）10時の予約を、12月18日（金）の午後に変更していただけないでしょうか。

原田 隼
090-6630-2874
""", L("reschedule", "原田 隼", phone="090-6630-2874", req=(("2026-12-18", "13:00", "17:00"),)),
         "reschedule to an afternoon window only", enc="jis", client="thunderbird", style="thunderbird",
         quote=Office("confirmed", "2026-12-04 10:12:09", "原田 隼", [("2026-12-11", "10:00")])),
    Mail("X07", "2026-12-12 11:00:50", ("千葉 沙也加", "sayaka.chiba@icloud.example.com"),
         "Re: 【ハローワーク秋田】オンライン職業相談のご予約が確定しました [予約番号 AK-2612-0027]", """
お世話になっております。
15日の予約ですが、仕事の都合で行けなくなりそうです。
別の日に変更したいので、改めて日程を相談させてください。

千葉 沙也加

iPhoneから送信
""", L("reschedule", "千葉 沙也加"), "reschedule without a new time; 15日 is the booking", enc="u8qp",
         client="iphone", style="iphone",
         quote=Office("confirmed_new", "2026-12-10 16:45:00", "千葉 沙也加", [("2026-12-15", "11:00")],
                      ref="AK-2612-0027")),
    Mail("X08", "2026-12-14 19:30:26", ("高田 恵介", "keisuke.takada@example.ne.jp"), "予約の変更をお願いします", """
ハローワーク秋田 御中

お世話になります。高田 恵介です。
12月16日（水）13時に予約しているオンライン相談の日時を変更させてください。
変更後の希望は、12/21(月)10時、または12/22(火)14時でお願いします。

高田 恵介
携帯 070-4418-3390
""", L("reschedule", "高田 恵介", phone="070-4418-3390", req=(("2026-12-21", "10:00"), ("2026-12-22", "14:00"))),
         "reschedule offering two new times", enc="jis", client="becky"),
    Mail("X09", "2026-12-16 08:00:15", ("野口 彩", "aya.noguchi@example.jp"), "相談日の変更", """
ハローワーク秋田 ご担当者様
お世話になっております。野口 彩です。
明日17日の10時に予約している相談ですが、来週火曜日の10時に変更できますでしょうか。
よろしくお願いいたします。
""", L("reschedule", "野口 彩", req=(("2026-12-22", "10:00"),)),
         "HTML only; 明日17日 is the booking, 来週火曜日 relative to Wed 12/16 is the new time", enc="html64",
         client="webmail", rel={"来週火曜日": "2026-12-22", "明日": "2026-12-17"}),
    Mail("X10", "2026-11-25 09:00:03", ("小田 聡子", "satoko.oda@example.ne.jp"), "予約変更のお願い", """
ハローワーク秋田　御中

お世話になっております。小田です。
11月27日（金）14時に予約していましたが、再来週の水曜日の11時に変更をお願いできますか。

小田 聡子
""", L("reschedule", "小田 聡子", req=(("2026-12-09", "11:00"),)),
         "再来週の水曜日 relative to Wed 11/25; Shift_JIS base64", enc="sjis64", client="legacy",
         rel={"再来週の水曜日": "2026-12-09"}),
    Mail("X11", "2026-12-21 08:30:41", ("大塚 健司", "kenji.otsuka@example.com"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ", """
ハローワーク秋田 ご担当者様

お世話になっております。大塚です。
12月23日（水）の相談ですが、就職が決まりましたのでキャンセルさせていただきます。
これまでありがとうございました。

大塚 健司
""", L("cancel", "大塚 健司"), "multipart/alternative Outlook-style reply; booking date not requested",
         enc="alt_64", client="outlook", style="outlook_new",
         quote=Office("confirmed", "2026-12-15 09:30:18", "大塚 健司", [("2026-12-23", "10:00")])),
    # ------------------------------------------------------------------ questions, announcements, later info
    Mail("X12", "2026-11-19 12:00:34", ("西村 直美", "naomi.nishimura@gmail.example.com"), "オンライン職業相談について", """
ハローワーク秋田 ご担当者様

はじめまして。西村と申します。
オンライン職業相談を検討しています。
相談は1回50分とのことですが、延長することはできますか。
また、同じ月に何回まで利用できるのでしょうか。

西村 直美
""", L("question", "西村 直美"), "questions only; 1回50分 is not a time", enc="u864", client="gmail"),
    Mail("X13", "2026-11-25 15:00:27", ("後藤 隆司", "goto-t@example.ne.jp"), "オンライン職業相談についての質問", """
ハローワーク秋田　御中

お世話になっております。後藤と申します。
オンライン職業相談について質問させてください。
①相談の前に求職登録をしておく必要はありますか。
②スマートフォンのみでも利用できますか。
よろしくお願いいたします。

後藤 隆司
TEL 018-868-2231
""", L("question", "後藤 隆司", phone="018-868-2231"), "circled question numbers are not a choice; Shift_JIS with ①②",
         enc="sjis8", client="legacy"),
    Mail("X14", "2026-12-04 10:00:19", ("中島 和彦", "kazuhiko.nakajima@example.com"),
         "RE: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ", """
お世話になっております。中島です。
予約の確定ありがとうございます。
当日、履歴書を見ていただきたいのですが、事前にメールで送ってもよろしいでしょうか。

中島 和彦
""", L("question", "中島 和彦"), "question after confirmation; quoted confirmation date not read",
         enc="u864", client="outlook", style="outlook_new",
         quote=Office("confirmed", "2026-11-30 14:00:55", "中島 和彦", [("2026-12-07", "15:00")])),
    Mail("X15", "2026-11-28 10:30:02", ("桜庭 拓海", "takumi.sakuraba@gmail.example.com"),
         "Re: 【ハローワーク秋田】オンライン職業相談のご予約が確定しました [予約番号 AK-2611-0040]", """
ハローワーク秋田 ご担当者様

お世話になっております。桜庭です。
求職番号をお知らせします。
０５０１０－７２２８４４１６
よろしくお願いいたします。

桜庭 拓海
""", L("other", "桜庭 拓海", "05010-72284416"),
         "seeker number sent later in full-width digits (reply to the confirmation that asked for it); "
         "intent judged other (information only)",
         quote=Office("confirmed_new", "2026-11-27 09:00:00", "桜庭 拓海", [("2026-12-02", "10:00")],
                      ref="AK-2611-0040", seeker_known=False)),
    Mail("X16", "2026-12-03 13:00:38", ("太田 美里", "misato.ota@example.jp"),
         "Re: 【ハローワーク秋田】オンライン職業相談のご予約が確定しました [予約番号 AK-2612-0003]", """
ハローワーク秋田 ご担当者様

お世話になります。太田です。
ハローワークカードを確認しましたので、求職番号をお知らせします。
求職番号：05010 69934217
なお、雇用保険の被保険者番号（1234-567890-1）も必要でしたらお知らせください。

太田 美里
""", L("other", "太田 美里", "05010-69934217"),
         "seeker number later, split by a space; a 雇用保険 number is not it; intent judged other",
         enc="jis", client="thunderbird", style="thunderbird",
         quote=Office("confirmed_new", "2026-12-01 15:20:00", "太田 美里", [("2026-12-08", "13:00")],
                      ref="AK-2612-0003", seeker_known=False)),
    Mail("X17", "2026-12-05 14:00:46", ("小西 由香", "yuka.konishi@example.ne.jp"), RE_CONF, """
ハローワーク秋田 ご担当者様

いつもお世話になっております。小西です。
12月9日のオンライン相談ですが、聴覚障害があるため、当日は手話通訳者が同席します。
画面に2人映りますがよろしくお願いします。

小西 由香
""", L("other", "小西 由香", att="interpreter"),
         "announcement that a sign-language interpreter joins a confirmed booking (intent judged other); "
         "2人 is not a choice; booking date not requested", enc="u8qp", client="thunderbird", style="thunderbird",
         quote=Office("confirmed", "2026-12-02 10:40:00", "小西 由香", [("2026-12-09", "11:00")])),
    Mail("X18", "2026-12-18 09:30:55", ("岡本 敏之", "t.okamoto@example.jp"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約確定のお知らせ", """
お世話になっております。
12月22日（火）に予約している岡本です。
当日は、介助者が同席しますので、よろしくお願いいたします。

岡本 敏之
""", L("other", "岡本 敏之", att="caregiver"),
         "caregiver announcement for a confirmed booking (intent judged other); Outlook classic quote",
         enc="jis", client="outlook", style="outlook",
         quote=Office("confirmed", "2026-12-16 13:10:00", "岡本 敏之", [("2026-12-22", "10:00")])),
    # ------------------------------------------------------------------ automated
    Mail("X19", "2026-11-20 10:01:06", ("", "a-kikuchi@example.co.jp"),
         "自動応答: 【ハローワーク秋田】オンライン職業相談のご予約について", """
このメールは自動応答により送信しています。

申し訳ございませんが、11月20日（金）から11月24日（火）まで休暇のため不在にしております。
11月25日（水）以降に順次対応いたします。
""", L("automated"), "out-of-office with Auto-Submitted and X-Auto-Response-Suppress", enc="jis", client="outlook",
         extra=["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"]),
    Mail("X20", "2026-12-18 17:31:09", ("丸山 千夏", "chinatsu.maruyama@example.jp"), "【自動返信】不在のお知らせ", """
※このメールは自動返信です。

お問い合わせいただきありがとうございます。
誠に勝手ながら、12月19日（土）から1月4日（月）までお休みをいただいております。
1月5日（火）以降、順次ご連絡いたします。

※本メールへの返信は不要です。
""", L("automated"), "auto-reply WITHOUT any automation header (text and subject only); dates not requested",
         enc="u864", client="webmail"),
    Mail("X21", "2026-12-01 11:00:40", ("", "nakamura.j@docomo.example.ne.jp"), "Re: 【ハローワーク秋田】オンライン職業相談のご予約について", """
ただいまメールを確認できません。
12月3日以降に改めてご連絡いたします。
（このメッセージは自動で送信されています）
""", L("automated"), "carrier auto-reply with X-Autoreply and Precedence: auto_reply", enc="u8qp", client="carrier",
         extra=["X-Autoreply: yes", "Precedence: auto_reply"]),
    Mail("X22", "2026-11-30 10:00:05", ("", "MAILER-DAEMON@mx01.akita-hw.example.jp"), "", "",
         L("automated", email="mailer-daemon@mx01.akita-hw.example.jp"),
         "Postfix multipart/report bounce (mailbox full) carrying the office offer as message/rfc822 (ISO-2022-JP)",
         client="mta",
         raw=postfix_bounce("2026-11-30 10:00:05", "ai.kawamura@example.ne.jp",
                            Office("offer", "2026-11-30 09:58:00", "川村 愛",
                                   [("2026-12-03", "10:00"), ("2026-12-04", "14:00")]))),
    Mail("X23", "2026-12-10 15:00:44", ("", "MAILER-DAEMON@mail.example.ne.jp"), "", "",
         L("automated", email="mailer-daemon@mail.example.ne.jp"),
         "qmail-style text/plain bounce, no Auto-Submitted; copy of the UTF-8 offer below the marker line",
         client="mta",
         raw=qmail_bounce("2026-12-10 15:00:44", "sho-t@example.ne.jp",
                          Office("offer", "2026-12-10 14:59:00", "竹内 翔",
                                 [("2026-12-15", "10:00"), ("2026-12-16", "13:00"), ("2026-12-17", "15:00")]))),
    Mail("X24", "2026-12-07 12:00:00", ("あきた求人ナビ", "news@akita-kyujin.example.jp"),
         "【あきた求人ナビ】12月の就職イベント情報（第48号）", """
━━━━━━━━━━━━━━━━━━━━━━━━━━
　あきた求人ナビ メールマガジン　第48号
━━━━━━━━━━━━━━━━━━━━━━━━━━

■就職準備セミナー
　日時：12月12日(土) 10:00〜12:00
　会場：秋田市民交流プラザ
　申込：12月10日(木)まで

■企業説明会
　日時：12月17日(木) 13:30〜16:00
　参加企業：県内20社

※このメールは配信専用アドレスからお送りしています。
※配信停止：https://www.akita-kyujin.example.jp/mail/stop
""", L("automated"), "mailing list with List-Id/List-Unsubscribe/Precedence: list; event dates not requested",
         enc="jis", client="bulk",
         extra=["List-Id: <news.akita-kyujin.example.jp>",
                "List-Unsubscribe: <https://www.akita-kyujin.example.jp/mail/stop>", "Precedence: list"]),
    Mail("X25", "2026-12-12 08:00:12", ("ジョブサイト", "noreply@jobsite.example.com"), "【ジョブサイト】面接日程が確定しました", """
ハローワーク秋田 様

ジョブサイトをご利用いただきありがとうございます。
以下の面接日程が確定しました。

面接日時：12月17日（木）14:00〜15:00
応募先：株式会社サンプル商事

※本メールは送信専用です。ご返信いただいてもお答えできません。
""", L("automated"), "no-reply notification (no list headers); interview dates are never requested",
         enc="u864", client="system"),
    # ------------------------------------------------------------------ second round (realistic shapes added after the first run)
    Mail("N01", "2026-12-09 08:15:27", ("五十嵐 悠真", "yuma.igarashi@example.jp"), "オンライン職業相談の予約", """
ハローワーク秋田 ご担当者様

お世話になります。五十嵐 悠真と申します。
現在は㈱アキタ物流でアルバイトをしています。
オンライン職業相談の予約をお願いします。

希望日時：12月15日（火）午前10時半
求職番号：05020-63318840
携帯電話：０９０－５５１２－８８３４
""", L("book", "五十嵐 悠真", "05020-63318840", phone="090-5512-8834", req=(("2026-12-15", "10:30"),)),
         "EXT: ㈱ (NEC row 13) in ISO-2022-JP; full-width phone; 午前10時半", enc="jis", client="outlook"),
    Mail("N02", "2026-12-10 21:12:40", ("", "riku.s.0416@example.ne.jp"), RE_OFFER, """
2の日程でお願いします。
佐久間 陸
""", L("confirm", "佐久間 陸", choice=2), "bare 2 in 「2の日程」; Android Gmail quote", enc="u88", client="android",
         quote=Office("offer", "2026-12-10 16:00:00", "佐久間 陸",
                      [("2026-12-15", "11:00"), ("2026-12-16", "14:00"), ("2026-12-17", "10:00")])),
    Mail("N03", "2026-12-13 20:40:05", ("菅 美咲", "misaki.suga@gmail.example.com"), RE_CONF, """
ハローワーク秋田 ご担当者様

お世話になっております。菅です。
都合がつかなくなったので、今回はなしでお願いします。
申し訳ありません。

菅 美咲
""", L("cancel", "菅 美咲"), "cancel phrased 今回はなしで; one-character surname",
         quote=Office("confirmed", "2026-12-09 11:30:00", "菅 美咲", [("2026-12-16", "15:00")])),
    Mail("N04", "2026-12-08 12:10:33", ("今野 拓真", "takuma.konno@example.ne.jp"), RE_CONF, """
ハローワーク秋田 ご担当者様

お世話になります。今野です。
12月10日の相談ですが、12月14日（月）10時半に変えていただけますか。
よろしくお願いいたします。

今野 拓真
""", L("reschedule", "今野 拓真", req=(("2026-12-14", "10:30"),)), "change asked with 変えて (not 変更)",
         enc="jis", client="thunderbird", style="thunderbird",
         quote=Office("confirmed", "2026-12-03 09:15:00", "今野 拓真", [("2026-12-10", "14:00")])),
    Mail("N05", "2026-11-27 11:05:48", ("Jose Reyes", "jose.reyes.ph@example.com"), "Online soudan yoyaku", """
ハローワーク秋田 ご担当者様

オンライン職業相談の予約をお願いします。
氏名：Jose Reyes
求職番号：05040-71120583
希望日時：12月2日（水）11時
電話：080-9917-2046
タガログ語の通訳（妻）が一緒に参加します。
""", L("book", "Jose Reyes", "05040-71120583", phone="080-9917-2046", req=(("2026-12-02", "11:00"),),
       att="interpreter"), "romaji name in a labelled form; ASCII subject; interpreter is the wife (通訳 wins)",
         enc="u8qp", client="gmail"),
    Mail("N06", "2026-11-26 10:45:19", ("工藤 玲", "rei.kudo@example.co.jp"), "RE: 【ハローワーク秋田】オンライン職業相談のご予約について", """
ハローワーク秋田
ご担当者様

いつもお世話になっております。工藤です。
2番でお願いいたします。規約に同意いたします。

工藤 玲
""", L("confirm", "工藤 玲", choice=2), "multipart/alternative Outlook (QP) with the HTML quote under a border-top block",
         enc="alt_qp", client="outlook", style="outlook",
         quote=Office("offer", "2026-11-25 17:20:00", "工藤 玲",
                      [("2026-11-30", "10:00"), ("2026-12-01", "15:00"), ("2026-12-02", "13:00")])),
    Mail("N07", "2026-12-22 15:30:11", ("丹羽 早苗", "sanae.niwa@example.jp"), "年末年始について", """
ハローワーク秋田 ご担当者様

お世話になっております。丹羽と申します。
年末年始はオンライン職業相談もお休みでしょうか。
お休みの期間を教えていただけますと助かります。

丹羽 早苗
""", L("question", "丹羽 早苗"), "question about closing days, no date written", enc="u864", client="thunderbird"),
    Mail("N08", "2026-12-15 09:12:02", ("", "postmaster@ezweb.example.ne.jp"), "メール配信エラーのお知らせ", """
このメールは送信専用のシステムから送られています。

下記のあて先へのメールは配信できませんでした。
あて先：haru-0303@ezweb.example.ne.jp
理由：受信拒否設定により受信できませんでした。

送信日時：2026/12/15 09:10
件名：【ハローワーク秋田】オンライン職業相談のご予約について
""", L("automated"), "Japanese carrier delivery-failure notice from postmaster, text/plain only, no automation header",
         enc="sjis8", client="system"),
    # ------------------------------------------------------------------ unrelated
    Mail("X26", "2026-11-24 14:00:35", ("株式会社ミライ研修 田中", "tanaka@mirai-kenshu.example.com"),
         "【無料セミナー】採用力強化セミナーのご案内", """
ハローワーク秋田 ご担当者様

突然のご連絡失礼いたします。
株式会社ミライ研修 営業部の田中 一郎と申します。

このたび、採用ご担当者様向けの無料オンラインセミナーを開催いたします。
　日時：12月10日（木）14:00〜15:30
　形式：オンライン（Zoom）
ご興味がございましたら、ぜひお申し込みください。

株式会社ミライ研修 営業部
田中 一郎
TEL：03-6555-0198
""", L("other", "田中 一郎", phone="03-6555-0198"), "sales pitch with a seminar date (not a booking)",
         enc="u8qp", client="outlook"),
    Mail("X27", "2026-12-03 21:00:17", ("", "kenji.f@example.ne.jp"), "忘年会", """
ゆうこへ
来週の忘年会、12月11日の19時からに決まったよ。
場所はいつもの店です。
""", L("other"), "misdirected personal mail with a date; nothing requested, no name", enc="u88", client="android"),
    Mail("X28", "2026-12-07 17:00:25", ("杉本 翼", "tsubasa.sugimoto@example.com"), "本日のお礼", """
ハローワーク秋田 オンライン職業相談ご担当者様

本日はオンライン相談でお世話になり、ありがとうございました。
アドバイスいただいた内容を参考に、応募書類を見直してみます。
また相談させていただくと思いますので、その際はよろしくお願いいたします。

杉本 翼
""", L("other", "杉本 翼"), "thank-you after the session", enc="jis", client="thunderbird"),
]


# --------------------------------------------------------------------------------------------
# label consistency checks (a wrong label is worse than none)
# --------------------------------------------------------------------------------------------

KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def kanji_number(s: str) -> int:
    if "十" not in s:
        return KANJI_DIGITS[s]
    tens, _, ones = s.partition("十")
    return (KANJI_DIGITS[tens] if tens else 1) * 10 + (KANJI_DIGITS[ones] if ones else 0)


def norm(text: str) -> str:
    """NFKC with kanji numerals before 月/日/時 turned into digits (for checking only)."""
    t = unicodedata.normalize("NFKC", text.replace("〜", "~"))
    return re.sub(r"([一二三四五六七八九十]+)(?=[月日時])", lambda m: str(kanji_number(m.group(1))), t)


def resolve_relative(phrase: str, now: datetime) -> date:
    today = now.astimezone(JST).date()
    if phrase == "明日":
        return today + timedelta(days=1)
    if phrase == "明後日":
        return today + timedelta(days=2)
    m = re.fullmatch(r"(今週|来週|再来週)?の?([月火水木金土日])曜日?", phrase)
    assert m, phrase
    idx = WD.index(m.group(2))
    if m.group(1):
        assert today.weekday() < 5, f"{phrase} sent on a weekend is ambiguous"
        monday = today - timedelta(days=today.weekday())
        target = monday + timedelta(days=7 * ("今週", "来週", "再来週").index(m.group(1)) + idx)
        assert target > today, phrase
        return target
    assert idx != today.weekday(), f"bare {phrase} on the same weekday is ambiguous"
    return today + timedelta(days=(idx - today.weekday()) % 7)


def resolve_md(month: int, day: int, ref: date, year: int | None = None) -> date:
    if year:
        return date(year, month, day)
    d = date(ref.year, month, day)
    return d if d >= ref - timedelta(days=45) else date(ref.year + 1, month, day)


def check_weekdays(text: str, ref: date, where: str) -> int:
    t = norm(text)
    n = 0
    for m in re.finditer(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*\(([月火水木金土日])", t):
        d = resolve_md(int(m.group(2)), int(m.group(3)), ref, int(m.group(1)) if m.group(1) else None)
        assert WD[d.weekday()] == m.group(4), f"{where}: {m.group(0)} is {d} ({WD[d.weekday()]})"
        n += 1
    for m in re.finditer(r"(?<![\d/])(\d{1,2})/(\d{1,2})\s*\(([月火水木金土日])", t):
        d = resolve_md(int(m.group(1)), int(m.group(2)), ref)
        assert WD[d.weekday()] == m.group(3), f"{where}: {m.group(0)} is {d} ({WD[d.weekday()]})"
        n += 1
    return n


def time_forms(hhmm: str) -> list[str]:
    h, mi = map(int, hhmm.split(":"))
    forms = [f"{h}:{mi:02d}", f"{h}時{mi}分"]
    if mi == 0:
        forms += [f"{h}時", f"{h}じ"]
    if mi == 30:
        forms += [f"{h}時半"]
    if h > 12:
        p = h - 12
        forms += [f"午後{p}時{mi}分", f"ごご{p}じ"]
        forms += [f"午後{p}時"] if mi == 0 else [f"午後{p}時半"] if mi == 30 else []
        if mi == 0 and p in (1, 2, 3, 4):
            forms += [f"{p}時"]
    if h < 12 and mi == 0:
        forms += [f"午前{h}時"]
    return forms


def check_mail(m: Mail, labels: dict) -> None:
    w = m.key
    body = norm(m.body)
    now = m.dt
    assert FIRST_DAY <= now.date() <= LAST_DAY, f"{w}: Date {now} out of range"
    if m.date_hdr:
        from email.utils import parsedate_to_datetime
        assert parsedate_to_datetime(m.date_hdr).astimezone(JST) == now, f"{w}: Date header != sent"
    assert set(labels) == {"intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant"}
    assert labels["intent"] in ("book", "confirm", "cancel", "reschedule", "question", "automated", "other"), w
    if labels["name"]:
        n = labels["name"]
        assert n in body or n.replace(" ", "　") in m.body, f"{w}: name {n} not in body"
        assert n not in (m.frm[0] or "") or n in body, w
    if labels["seeker_number"]:
        assert re.fullmatch(r"\d{5}-\d{8}", labels["seeker_number"]), w
        assert labels["seeker_number"].replace("-", "") in re.sub(r"\D", "", body), f"{w}: seeker number"
    if labels["phone"]:
        p = labels["phone"]
        assert re.fullmatch(r"0[\d-]+", p), w
        digits = re.sub(r"\D", "", body)
        assert p.replace("-", "") in digits or ("+81" in body and p.replace("-", "")[1:] in digits), f"{w}: phone"
        if "-" not in p:
            assert p in body, f"{w}: phone without hyphens must be written so"
        elif "+81" not in body:
            assert p in body, f"{w}: phone {p} not written so"
    assert labels["email"] == labels["email"].lower(), w
    stated = body.replace("＠", "@").lower()
    assert labels["email"] == m.frm[1].lower() or labels["email"] in stated, f"{w}: email"
    if labels["email"] != m.frm[1].lower():
        assert labels["email"] in stated, w
    for phrase, iso in m.rel.items():
        assert phrase in m.body, f"{w}: {phrase} not in body"
        got = resolve_relative(phrase, now)
        assert got.isoformat() == iso, f"{w}: {phrase} from {now:%a %m/%d} is {got}, not {iso}"
    rel_dates = set(m.rel.values())
    for r in labels["requested"]:
        d = date.fromisoformat(r["date"])
        assert d >= now.date(), f"{w}: requested {d} is in the past"
        literal = {f"{d.month}月{d.day}日", f"{d.month}/{d.day}", f"令和{d.year - 2018}年{d.month}月{d.day}日"}
        assert any(x in body for x in literal) or r["date"] in rel_dates, f"{w}: {d} not justified"
        s, e = r["start"], r["end"]
        if s is None:
            assert e is None and ("終日" in body or "いつでも" in body), f"{w}: whole day"
        elif (s, e) == ("09:00", "12:00") and "午前" in body:
            pass
        elif (s, e) == ("13:00", "17:00") and ("午後" in body or "ごご" in body):
            pass
        else:
            assert any(f in body for f in time_forms(s)), f"{w}: start {s} not in body"
            if e:
                assert any(f in body for f in time_forms(e)), f"{w}: end {e} not in body"
    if labels["choice"] is not None:
        c = labels["choice"]
        kanji = "一二三"[c - 1]
        assert str(c) in body or f"{kanji}番" in m.body, f"{w}: choice {c}"
        assert m.quote is not None and c <= len(m.quote.slots), f"{w}: choice without an offer"
    if labels["attendant"]:
        assert labels["attendant"] in ("interpreter", "caregiver", "other"), w
        assert ("通訳" in m.body or "つうやく" in m.body) == (labels["attendant"] == "interpreter"), w
    if labels["intent"] == "automated":
        assert labels["requested"] == [] and labels["choice"] is None, w
    if labels["intent"] in ("cancel",):
        assert labels["requested"] == [], w
    if m.quote:
        q = m.quote
        assert q.dt < now, f"{w}: quoted mail after the reply"
        for s in q.slots:
            sd = date.fromisoformat(s[0])
            assert sd.weekday() < 5 and sd != date(2026, 11, 23), f"{w}: slot {sd} on a closed day"
            assert sd > q.dt.date(), w
    text = m.plain_text() if m.raw is None else m.raw.decode("utf-8", "replace")
    check_weekdays(text, now.date(), w)
    if m.quote:
        check_weekdays("\n".join(m.quote.lines()), m.quote.dt.date(), w + " (office)")


def main(out: Path = HERE) -> None:
    """Write the set into `out` (the test regenerates into a temporary folder and compares)."""
    mails = sorted(MAILS, key=lambda m: m.dt)
    assert len({m.key for m in mails}) == len(mails)
    labels, meta = {}, {}
    for f in out.glob("m*.eml"):
        f.unlink()
    for i, m in enumerate(mails, 1):
        fname = f"m{i:03d}.eml"
        lab = dict(m.labels)
        if lab["email"] is None:
            lab["email"] = m.frm[1].lower()
        check_mail(m, lab)
        raw = m.build()
        assert b"\n" not in raw.replace(b"\r\n", b""), f"{m.key}: bare LF"
        (out / fname).write_bytes(raw)
        labels[fname] = lab
        meta[fname] = m.meta()
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(mails)} messages to {out}")


if __name__ == "__main__":
    main()
