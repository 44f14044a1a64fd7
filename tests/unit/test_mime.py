"""read_message on hand-built byte fixtures and on the shared example mails."""

from __future__ import annotations

import base64
import json
import os
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailbot.understand.mime import html_to_text, read_message, unflow
from tests.unit.test_charsets import b_word, jis

JST = timezone(timedelta(hours=9))


def shared_dir() -> Path:
    env = os.environ.get("MAILBOT_SHARED_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"


EXAMPLES = shared_dir() / "examples"


def mail(headers: list[bytes], body: bytes) -> bytes:
    return b"\r\n".join(headers) + b"\r\n\r\n" + body


def test_outlook_iso2022jp_with_cp932_chars_everywhere():
    raw = mail([
        b"From: " + b_word(jis("髙田 勝也"), "ISO-2022-JP").encode() + b" <K.Takada@Example.ne.jp>",
        b"To: =?ISO-2022-JP?B?GyRCJU8lbSE8JW8hPCUvPSlFRBsoQg==?= <online-soudan@akita-hw.example.jp>",
        b"Subject: RE: " + b_word(jis("①の件（㈱）"), "ISO-2022-JP").encode(),
        b"Date: Fri, 04 Dec 2026 09:41:27 +0900",
        b"Message-ID: <00d4488b1327$a758282e$9dd9e98d@example.ne.jp>",
        b'Content-Type: text/plain; charset="iso-2022-jp"',
        b"Content-Transfer-Encoding: 7bit",
    ], jis("①でお願いします。\r\n髙田\r\nﾐｳﾗ\r\n"))
    m = read_message(raw)
    assert m.subject == "RE: ①の件（㈱）"
    assert (m.from_addr, m.from_name) == ("k.takada@example.ne.jp", "髙田 勝也")
    assert m.to_addrs == ("online-soudan@akita-hw.example.jp",)
    assert m.text == "①でお願いします。\n髙田\nﾐｳﾗ\n"
    assert m.date == datetime(2026, 12, 4, 9, 41, 27, tzinfo=JST)
    assert m.message_id == "<00d4488b1327$a758282e$9dd9e98d@example.ne.jp>"
    assert m.headers["subject"] == m.subject and m.defects == ()


def test_shift_jis_8bit_and_base64_bodies():
    text = "①11/25(水) 10:30～11:20\r\n携帯 080-2719-5530\r\n"
    for cte, body in (("8bit", text.encode("cp932")),
                      ("base64", base64.encodebytes(text.encode("cp932")))):
        raw = mail([b"From: sho@docomo.example.ne.jp", b"Subject: =?Shift_JIS?B?" +
                    base64.b64encode("相談予約".encode("cp932")) + b"?=",
                    b"Content-Type: text/plain; charset=Shift_JIS",
                    b"Content-Transfer-Encoding: " + cte.encode()], body)
        m = read_message(raw)
        assert m.text.startswith("①11/25(水) 10:30～11:20\n") and m.subject == "相談予約"
        assert (m.from_addr, m.from_name) == ("sho@docomo.example.ne.jp", "")


def test_raw_message_ids_exchange_brackets_and_folded_references():
    raw = mail([
        b"From: a@example.jp",
        b"Message-ID: <[abc.123]@ex.example.jp>",
        b"In-Reply-To: <9cf6e3af.offer@akita-hw.example.jp> (sent by us)",
        b"References: <one@a.example>\r\n <two@\r\n b.example>\r\n\t<9cf6e3af.offer@akita-hw.example.jp>",
    ], b"hi")
    m = read_message(raw)
    assert m.message_id == "<[abc.123]@ex.example.jp>"
    assert m.in_reply_to == "<9cf6e3af.offer@akita-hw.example.jp>"
    assert m.references == ("<one@a.example>", "<two@b.example>",
                            "<9cf6e3af.offer@akita-hw.example.jp>")


def test_display_name_with_newline_and_docomo_dots():
    raw = mail([b'From: "Taro\r\n Yamada" <taro..yamada@docomo.ne.jp>',
                b'To: "A\nB" <x@y.example>, c@d.example'], b"x")
    m = read_message(raw)
    assert m.from_addr == "taro..yamada@docomo.ne.jp" and m.from_name == "Taro Yamada"
    assert "c@d.example" in m.to_addrs


def test_missing_header_values_and_bad_date():
    m = read_message(mail([b"Subject: x", b"Date: someday soon"], b"body"))
    assert m.date is None and "date: unparseable" in m.defects
    assert m.message_id is None and m.references == () and m.from_addr == ""
    assert read_message(mail([b"Date: Fri, 20 Nov 2026 10:00:00"], b"")).date == datetime(
        2026, 11, 20, 10, tzinfo=JST)
    for date in (b"Fri, 20 Nov 2026 10:00:00 -0000", b"Fri, 20 Nov 2026 10:00:00 GMT"):
        assert read_message(mail([b"Date: " + date], b"")).date == datetime(
            2026, 11, 20, 10, tzinfo=timezone.utc)
    for date in (b"Fri, 20 Nov 2026 10:00:00 JST", b"Fri, 20 Nov 2026 10:00:00 +0900 (JST)",
                 b"20 Nov 2026 10:00"):
        assert read_message(mail([b"Date: " + date], b"")).date == datetime(
            2026, 11, 20, 10, tzinfo=JST)


def multipart(ctype: str, parts: list[bytes], boundary: str = "BOUNDARY") -> bytes:
    body = b"".join(b"--" + boundary.encode() + b"\r\n" + p + b"\r\n" for p in parts)
    return (f'Content-Type: {ctype}; boundary="{boundary}"\r\n\r\n').encode() + body + \
        b"--" + boundary.encode() + b"--\r\n"


def part(ctype: str, body: bytes, extra: bytes = b"") -> bytes:
    return b"Content-Type: " + ctype.encode() + b"\r\n" + extra + b"\r\n" + body


def test_alternative_prefers_plain_but_uses_html_when_plain_is_empty():
    alt = multipart("multipart/alternative", [
        part("text/plain; charset=utf-8", "プレーン".encode()),
        part("text/html; charset=utf-8", "<p>HTML</p>".encode())])
    assert read_message(b"From: a@b.example\r\n" + alt).text == "プレーン"
    alt = multipart("multipart/alternative", [
        part("text/plain; charset=utf-8", b"  \r\n"),
        part("text/html; charset=utf-8", "<p>HTML本文</p>".encode())])
    assert read_message(b"From: a@b.example\r\n" + alt).text == "HTML本文"


def test_html_only_mail():
    html = ("<html><head><style>p{color:red}</style><title>t</title></head><body>"
            "<div>ハローワーク秋田 ご担当者様</div><div><br></div><div>12月21日&nbsp;午後&amp;"
            "&lt;希望&gt;</div><script>alert(1)</script><ul><li>一</li><li>二</li></ul>"
            '<div class="gmail_quote">2026年12月8日(火) 15:30 ハローワーク秋田 &lt;<a href="mailto:x'
            '@y">x@y</a>&gt;:<br><blockquote>加賀谷 様<br><br>1. 12月15日<blockquote>深い</blockquote>'
            "</blockquote></div></body></html>")
    raw = mail([b"From: a@b.example", b"Content-Type: text/html; charset=utf-8",
                b"Content-Transfer-Encoding: base64"], base64.encodebytes(html.encode()))
    text = read_message(raw).text
    assert text.split("\n") == [
        "ハローワーク秋田 ご担当者様", "", "12月21日 午後&<希望>", "一", "二",
        "2026年12月8日(火) 15:30 ハローワーク秋田 <x@y>:", "> 加賀谷 様", ">", "> 1. 12月15日",
        "> > 深い"]


def test_html_charset_from_meta_tag():
    html = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>①予約</p>'
    raw = mail([b"Content-Type: text/html"], html.encode("cp932"))
    assert read_message(raw).text == "①予約"


def test_format_flowed_is_joined():
    body = ("ご希望の日時は12月3日（木）の午後２時からでお願いできますでしょうか。電話は 090- \r\n"
            "1234-5678 です。\r\n> 引用の \r\n> 続き\r\n-- \r\n山田\r\n").encode("utf-8")
    raw = mail([b"Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes",
                b"Content-Transfer-Encoding: 8bit"], body)
    assert read_message(raw).text.split("\n") == [
        "ご希望の日時は12月3日（木）の午後２時からでお願いできますでしょうか。電話は 090-1234-5678 です。",
        "> 引用の続き", "-- ", "山田", ""]
    assert unflow("a \nb", delsp=False) == "a b"
    assert unflow(" From stuffed") == "From stuffed"


def test_html_to_text_survives_broken_markup():
    assert html_to_text("<html><head><title>x</title><body>本文</body>") == "本文"
    assert "予約" in html_to_text("<div><p>予約<br/><b>unclosed <blockquote>q")
    assert html_to_text("<pre>a\n  b</pre>") == "a\nb"


def test_bounce_reads_only_the_human_part_and_lists_the_rest():
    inner = mail([b"From: online-soudan@akita-hw.example.jp", b"Subject: " + b_word(
        jis("ご予約について"), "ISO-2022-JP").encode(),
        b"Content-Type: text/plain; charset=ISO-2022-JP"], jis("1. 2026年12月1日(火) 13:00"))
    raw = b"From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered\r\n" + multipart(
        "multipart/report; report-type=delivery-status", [
            part("text/plain; charset=utf-8", "配送できませんでした。".encode()),
            part("message/delivery-status", b"Action: failed\r\nStatus: 5.1.1\r\n"),
            part("message/rfc822", inner)])
    m = read_message(raw)
    assert m.text == "配送できませんでした。"
    assert [a.content_type for a in m.attachments] == ["message/delivery-status", "message/rfc822"]
    assert m.attachments[1].filename == "ご予約について"
    assert "12月1日" not in m.text


def test_forwarded_message_and_attachments_with_japanese_filenames():
    raw = b"From: a@b.example\r\nSubject: fw\r\n" + multipart("multipart/mixed", [
        part("text/plain; charset=ISO-2022-JP", jis("本文です")),
        part("message/rfc822", mail([b"Subject: inner"], b"inner text 12/1")),
        part("application/pdf", b"JVBERi0=", b"Content-Transfer-Encoding: base64\r\n"
             b"Content-Disposition: attachment; filename*=UTF-8''%E5%B1%A5%E6%AD%B4%E6%9B%B8.pdf\r\n"),
        part("application/octet-stream; name=\"" + b_word(jis("職務経歴書①.docx"), "ISO-2022-JP")
             + "\"", b"AAAA", b"Content-Transfer-Encoding: base64\r\n"),
        part("text/plain", b"a,b", b"Content-Disposition: attachment;\r\n"
             b" filename*0*=iso-2022-jp''%1B%24B%3BaL%3E%1B%28B;\r\n filename*1=.csv\r\n"),
    ])
    m = read_message(raw)
    assert m.text == "本文です"
    names = [a.filename for a in m.attachments]
    assert names == ["inner", "履歴書.pdf", "職務経歴書①.docx", "氏名.csv"]
    assert m.attachments[1].size == 5 and m.attachments[1].content_type == "application/pdf"


def test_mixed_inline_text_parts_are_joined():
    raw = b"From: a@b.example\r\n" + multipart("multipart/mixed", [
        part("text/plain; charset=utf-8", "前半".encode()),
        part("image/png", b"iVBO", b"Content-Disposition: inline; filename=a.png\r\n"),
        part("text/plain; charset=utf-8", "後半".encode())])
    m = read_message(raw)
    assert m.text == "前半\n後半" and [a.filename for a in m.attachments] == ["a.png"]


def test_invisible_characters_are_dropped():
    raw = mail([b"Content-Type: text/plain; charset=utf-8"], "12月\u200b3日\ufeff\x07".encode())
    assert read_message(raw).text == "12月3日"


def test_lf_and_cr_line_ends_and_bom():
    raw = "\ufeffFrom: a@b.example\nSubject: =?UTF-8?B?5LqI57SE?=\n\n本文\n".encode()
    m = read_message(raw)
    assert m.subject == "予約" and m.text == "本文\n"
    assert read_message(raw.replace(b"\n", b"\r")).subject == "予約"


@pytest.mark.parametrize("raw", [b"", b"\x00\xff" * 50, b"garbage without header",
                                 b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n",
                                 b"Subject: =?x?B?!!!?=\r\nFrom: <<<@>>>\r\n\r\n",
                                 b"Content-Type: text/plain; charset=\"\"\r\n\r\n\xff\xfe"])
def test_garbage_never_raises(raw):
    m = read_message(raw)
    assert isinstance(m.text, str) and isinstance(m.defects, tuple)


def test_random_mutations_never_raise():
    base = (EXAMPLES / "015.eml").read_bytes() if (EXAMPLES / "015.eml").exists() else mail(
        [b"Subject: x"], jis("予約"))
    rng = random.Random(3)
    for _ in range(200):
        data = bytearray(base)
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cut = rng.randrange(len(data))
        read_message(bytes(data[:cut]))
        read_message(bytes(data))


def test_deep_nesting_is_bounded():
    raw = b"Subject: deep\r\n" + b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n" * 200
    m = read_message(raw)
    assert isinstance(m.text, str)


# --- the shared examples -----------------------------------------------------------------------

needs_examples = pytest.mark.skipif(not (EXAMPLES / "labels.json").exists(),
                                    reason="shared examples absent")


def _examples():
    if not (EXAMPLES / "labels.json").exists():
        return []
    return sorted(p.name for p in EXAMPLES.glob("*.eml"))


@needs_examples
@pytest.mark.parametrize("name", _examples())
def test_example_decodes_cleanly(name):
    labels = json.loads((EXAMPLES / "labels.json").read_text(encoding="utf-8"))[name]
    meta = json.loads((EXAMPLES / "meta.json").read_text(encoding="utf-8"))[name]
    m = read_message((EXAMPLES / name).read_bytes())
    for value in (m.subject, m.text, m.from_name):
        assert "\ufffd" not in value and "\x1b" not in value
    assert m.subject and m.text.strip() and m.from_addr and m.date and m.message_id
    assert m.defects == ()
    for ch in meta.get("chars_outside_jisx0208", []):
        assert ch in m.text + m.subject
    flat = m.text.replace("\u3000", " ").replace("＠", "@")
    if labels.get("name"):
        assert labels["name"].replace(" ", "") in flat.replace(" ", "")
    if labels.get("email"):
        assert labels["email"] in (flat + " " + m.from_addr).lower()
    if "html" in meta.get("structure", ""):
        assert "<" not in m.text.replace("<online-soudan@", "")
