"""Hostile mail against the real daemon (`mailbot run --once`) and a real Dovecot + SMTP sandbox.

- a 50 MB mail and a mail with 10 000 MIME parts neither crash nor hang the daemon;
- the IMAP adapter learns a message's size first and never downloads an oversized one whole;
- a hostile Message-ID cannot add a recipient to our reply (it once added a Bcc);
- many kinds of hostile mail in one cycle: nothing crashes, machines are never answered, every
  reply goes to its writer alone and carries only our headers, logs carry no mail text.
"""

from __future__ import annotations

import base64
import email
import email.policy
import re
import time
from email.message import EmailMessage

import pytest

from mailbot.mail.imap import HEADER_CAP, ImapMailbox
from mailbot.store import Store
from mailbot.understand.mime import read_message
from tests.integration.test_daemon import NOW, count, mailbot
from tests.property.test_hostile_compose import assert_headers_are_ours

BOOKING = ("ハローワーク秋田 ご担当者様\n\nオンライン職業相談の予約をお願いします。\n\n"
           "氏名：山田 太郎\n希望日時：12月4日（金）14:00\n電話番号：090-3812-4456\n")
DATE = "Tue, 01 Dec 2026 08:12:33 +0900"


def booking_mail(sender: str, office: str, *, subject: str = "=?UTF-8?B?5LqI57SE?=",
                 message_id: str = "", extra_headers: str = "",
                 body: str = BOOKING, from_name: str = "Taro") -> bytes:
    message_id = message_id or f"<req.{sender}>"
    head = (f"From: {from_name} <{sender}>\r\nTo: {office}\r\nSubject: {subject}\r\n"
            f"Date: {DATE}\r\nMessage-ID: {message_id}\r\n{extra_headers}MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
    return head.encode() + body.replace("\n", "\r\n").encode()


def with_attachment(sender: str, office: str, megabytes: int) -> bytes:
    """A booking mail with a video-sized attachment (base64 lines of 76 characters)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, office, "予約のお願い"
    msg["Date"], msg["Message-ID"] = DATE, "<big@example.jp>"
    msg.set_content(BOOKING)
    head = msg.as_bytes().replace(b"\n", b"\r\n")
    chunk = base64.encodebytes(bytes(range(256)) * 3 * 1024).replace(b"\n", b"\r\n")   # ~1 MB
    size = megabytes * 1_000_000
    attachment = chunk * (size // len(chunk) + 1)
    # Re-wrap as multipart: the text part, then the attachment part.
    top, _, text = head.partition(b"\r\n\r\n")
    top = re.sub(rb"Content-Type: [^\r]*\r\nContent-Transfer-Encoding: [^\r]*\r\n", b"", top + b"\r\n")
    return (top + b'Content-Type: multipart/mixed; boundary="att"\r\n\r\n--att\r\n'
            b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + BOOKING.replace("\n", "\r\n").encode() + b"\r\n--att\r\n"
            b'Content-Type: video/mp4\r\nContent-Disposition: attachment; filename="a.mp4"\r\n'
            b"Content-Transfer-Encoding: base64\r\n\r\n" + attachment + b"\r\n--att--\r\n")


def many_parts(sender: str, office: str, parts: int) -> bytes:
    body = b"".join(b"--p\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n" for _ in range(parts))
    head = (f"From: {sender}\r\nTo: {office}\r\nSubject: =?UTF-8?B?5LqI57SE?=\r\nDate: {DATE}\r\n"
            f"Message-ID: <many@example.jp>\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed; boundary="p"\r\n\r\n'
            "--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
    return head.encode() + BOOKING.encode() + b"\r\n" + body + b"--p--\r\n"


def nested(sender: str, office: str, depth: int) -> bytes:
    head, tail = b"", b""
    for level in range(depth):
        head += b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n' % (level, level)
        tail = b"\r\n--n%d--\r\n" % level + tail
    return (f"From: {sender}\r\nTo: {office}\r\nSubject: x\r\nDate: {DATE}\r\n"
            "MIME-Version: 1.0\r\n").encode() + head + b"Content-Type: text/plain\r\n\r\nx" + tail


def replies(sandbox) -> list[tuple[tuple[str, ...], EmailMessage, bytes]]:
    return [(a.rcpt_tos, email.message_from_bytes(a.raw, policy=email.policy.default), a.raw)
            for a in sandbox.accepted]


# -- size --------------------------------------------------------------------------------------------


def test_size_is_learnt_first_and_an_oversized_mail_is_read_as_its_header(mail_sandbox, office,
                                                                          seekers):
    mail_sandbox.deliver(office, booking_mail(seekers[0], office))
    mail_sandbox.deliver(office, with_attachment(seekers[0], office, megabytes=50))
    long_header = booking_mail(seekers[0], office, extra_headers="X-Junk: " + "a" * 200_000 + "\r\n")
    mail_sandbox.deliver(office, long_header)
    with ImapMailbox(mail_sandbox.imap_settings(office, timeout_seconds=30)) as box:
        small, big, junk = box.unhandled_uids()
        size, raw = box.fetch_capped(small, 10_000_000)
        assert raw == box.fetch(small) and size == len(raw)
        size, head = box.fetch_capped(big, 10_000_000)
        assert size > 50_000_000 and len(head) <= HEADER_CAP and b"base64" not in head
        inbound = read_message(head)
        assert inbound.from_addr == seekers[0] and inbound.message_id == "<big@example.jp>"
        size, head = box.fetch_capped(junk, 100_000)
        assert size > 200_000 and len(head) == HEADER_CAP
        assert read_message(head).from_addr == seekers[0]
        assert box.fetch_capped(99_999, 10_000_000) is None
        # Nothing is marked \Seen: staff still see these as new in NeedsStaff.
        client = mail_sandbox.imap(office)
        try:
            client.select_folder("INBOX", readonly=True)
            assert all(b"\\Seen" not in f[b"FLAGS"] for f in client.fetch([small, big, junk],
                                                                            ["FLAGS"]).values())
        finally:
            client.logout()


def test_50_mb_and_10000_parts_neither_crash_nor_hang_the_daemon(bot_config, bot_config_path,
                                                                  mail_sandbox, office, seekers):
    mail_sandbox.deliver(office, with_attachment(seekers[0], office, megabytes=50))
    mail_sandbox.deliver(office, many_parts(seekers[1], office, 10_000))
    started = time.monotonic()
    result = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW, timeout=240)
    took = time.monotonic() - started
    print(f"\n50 MB + 10 000 parts: one cycle took {took:.1f} s")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "could not be handled" not in result.stderr
    assert count(mail_sandbox, office) == 0
    assert count(mail_sandbox, office, "Processed") + count(mail_sandbox, office, "NeedsStaff") == 2
    assert "山田" not in result.stderr


# -- header injection, end to end --------------------------------------------------------------------

# Decoded, this Message-ID reads "<a@b\r\nBcc: hanako@example.ne.jp\r\nX-A: >".
HOSTILE_ID = "<a@b=?utf-8?q?=0D=0ABcc=3A_hanako=40example=2Ene=2Ejp=0D=0AX-A=3A_?=>"


def test_a_hostile_message_id_cannot_add_a_recipient(bot_config_path, mail_sandbox, office, seekers):
    seeker, third_party = seekers
    mail_sandbox.deliver(office, booking_mail(seeker, office, message_id=HOSTILE_ID))
    result = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    ((rcpts, reply, raw),) = replies(mail_sandbox)
    assert rcpts == (seeker,) and count(mail_sandbox, third_party) == 0
    assert reply["X-Mailbot-Kind"] == "offer" and "Bcc" not in reply
    assert_headers_are_ours(raw)


# -- many kinds in one cycle ---------------------------------------------------------------------------


def hostile_kinds(office: str) -> list[tuple[str, bool, bytes]]:
    """(sender, machine?, raw): one sender per kind, so every reply can be traced."""
    def s(n: int) -> str:
        return f"k{n:02d}@example.jp"

    report = (f"From: MAILER-DAEMON@mx.example.jp\r\nTo: {office}\r\nSubject: Undelivered Mail\r\n"
              f"Date: {DATE}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; "
              'report-type=delivery-status; boundary="r"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\n'
              "Delivery failed.\r\n--r\r\nContent-Type: message/rfc822\r\n\r\n").encode() + \
        booking_mail(s(15), office) + b"\r\n--r--\r\n"
    return [
        (s(1), False, booking_mail(s(1), office, subject="=?utf-8?q?=E4=BA=88=E7=B4=84=0D=0ABcc=3A_hanako=40example.ne.jp?=")),
        (s(2), False, booking_mail(s(2), office, from_name="=?utf-8?q?Taro=0D=0ABcc=3A_hanako=40example.ne.jp?=")),
        (s(3), False, booking_mail(s(3), office, message_id=HOSTILE_ID.replace("a@b", "k3@b"))),
        (s(4), False, booking_mail(s(4), office, message_id="<k4\x00@example.jp>",
                                   body=BOOKING + "\x00\x00NUL\x00\n")),
        (s(5), False, booking_mail(s(5), office, body=BOOKING.replace(
            "山田 太郎", "{{ office.phone }}{% for i in range(99) %}X{% endfor %}"))),
        (s(6), False, booking_mail(s(6), office, subject="{{ 7*7 }} {% raw %}予約")),
        (s(7), False, nested(s(7), office, 1000)),
        (s(8), False, many_parts(s(8), office, 3000).replace(b"<many@", b"<k8@")),
        (s(9), False, booking_mail(s(9), office, subject="=?utf-8?b?5LqI?= " * 20_000)),
        (s(10), False, booking_mail(s(10), office, extra_headers="Content-Type: text/plain; charset=utf-7\r\n")),
        (s(11), False, booking_mail(s(11), office).replace(b"\r\n", b"\r")),
        (s(12), True, booking_mail(s(12), office, extra_headers="Auto-Submitted: auto-replied\r\n")),
        (s(13), True, booking_mail(s(13), office, body="ただいま不在にしております。12月7日以降に順次返信いたします。\n" + BOOKING)),
        (s(14), True, booking_mail(s(14), office, extra_headers="List-Id: <news.example.jp>\r\n")),
        ("mailer-daemon@mx.example.jp", True, report),
        (s(16), True, booking_mail(s(16), office, extra_headers="Precedence: bulk\r\n")),
        (s(17), True, booking_mail(s(17), office)),       # delivered with a null envelope sender
        (office, True, booking_mail(office, office, extra_headers="Auto-Submitted: auto-replied\r\n")),
        (s(19), False, b"Subject: " + "予約".encode("cp932") + f"\r\nFrom: {s(19)}\r\nDate: {DATE}\r\n\r\n".encode()
         + BOOKING.encode("cp932")),
        (s(20), False, booking_mail(s(20), office, extra_headers="", body=BOOKING)
         .replace(b"Content-Type: text/plain", b"Content-Type: text/html") + b"<div>" * 200_000),
        (s(21), False, f"From: {s(21)}, hanako@example.ne.jp\r\nSubject: x\r\nDate: {DATE}\r\n\r\n".encode()
         + BOOKING.encode()),
    ]


def test_hostile_mail_of_many_kinds_in_one_cycle(bot_config, bot_config_path, mail_sandbox, office,
                                                seekers):
    kinds = hostile_kinds(office)
    for sender, _machine, raw in kinds:
        # The server writes Return-Path from the envelope: <> for bounces and k17.
        null = sender in ("mailer-daemon@mx.example.jp", "k17@example.jp")
        mail_sandbox.deliver(office, raw, mail_from="" if null else "sandbox@localhost")
    result = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "could not be handled" not in result.stderr
    assert count(mail_sandbox, office) == 0
    assert count(mail_sandbox, office, "Processed") + count(mail_sandbox, office, "NeedsStaff") == len(kinds)

    machines = {sender for sender, machine, _ in kinds if machine}
    writers = {sender for sender, machine, _ in kinds if not machine}
    sent = replies(mail_sandbox)
    print(f"\n{len(kinds)} hostile mails, {len(sent)} replies:",
          sorted((r[0][0], r[1]["X-Mailbot-Kind"]) for r in sent))
    for rcpts, reply, raw in sent:
        (to,) = rcpts                              # one recipient, a writer, never a machine
        if to == "online-soudan-staff@akita-hw.example.jp":
            assert reply["X-Mailbot-Kind"] == "staff_notice"          # staff are told
            continue
        assert to in writers and to not in machines, to
        assert_headers_are_ours(raw)
        body = reply.get_body(("plain",)).get_content()
        assert "XXXXXXXX" not in body and "49" not in str(reply["Subject"])
    assert count(mail_sandbox, seekers[1]) == 0    # the Bcc some of them tried to add
    assert len(sent) >= 5                          # the plain hostile bookings are still answered
    with Store(bot_config.paths.state).snapshot() as tx:
        assert all(item["to"] in writers for item in tx.outbox() if item["kind"] != "staff_notice")
    for text in ("山田", "Bcc", "hanako", "{{", "090-3812"):
        assert text not in result.stderr, text
