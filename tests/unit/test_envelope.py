"""mail-parser's view (issue 8 item 5): defects flag broken mail, the Received chain, sender IP
and attachments reach `mailbot parse --headers` and the staff notice; text is never its job."""

from __future__ import annotations

import base64
import json

from click.testing import CliRunner

from mailbot.engine import _summary
from mailbot.parse_command import parse
from mailbot.understand import understand
from mailbot.understand.envelope import envelope_lines, read_envelope

PDF = b"%PDF-1.4\n%test\n" * 7

SOUND = (
    "Received: from mx.example.net (mx.example.net [198.51.100.7])\r\n\tby mx01.akita-hw.example.jp (Postfix)"
    " with ESMTPS id 1A; Tue, 01 Dec 2026 10:00:03 +0900\r\n"
    "Received: from [192.168.0.5] (unknown [10.0.0.9])\r\n\tby mx.example.net with ESMTPSA;"
    " Tue, 01 Dec 2026 10:00:01 +0900\r\n"
    "From: a@example.net\r\nTo: online-soudan@akita-hw.example.jp\r\nSubject: =?UTF-8?B?5LqI57SE?=\r\n"
    "Date: Tue, 01 Dec 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n"
    'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    "--b1\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
).encode() + "予約をお願いします。\r\n".encode("iso-2022-jp") + (
    "--b1\r\nContent-Type: application/pdf; name=cv.pdf\r\nContent-Disposition: attachment; filename=cv.pdf\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\n" + base64.b64encode(PDF).decode() + "\r\n--b1--\r\n").encode()

BROKEN = (b"From: a@example.net\r\nTo: online-soudan@akita-hw.example.jp\r\nSubject: x\r\n"
          b"Date: Tue, 01 Dec 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n"
          b'Content-Type: multipart/mixed; boundary="b2"\r\n\r\n--b2\r\nContent-Type: text/plain\r\n\r\nhello\r\n')


def test_received_chain_sender_ip_and_attachments():
    env = read_envelope(SOUND)
    assert len(env.received) == 2 and env.sender_ip == "198.51.100.7"
    assert env.attachments == (("cv.pdf", "application/pdf", len(PDF)),)
    assert env.defects == () and env.broken == ()


def test_text_still_comes_from_our_own_decoder():
    inbound, u = understand(SOUND)
    assert "予約をお願いします。" in inbound.text and "\x1b$B" not in inbound.text
    assert not any(w.startswith("broken_mail") for w in u.warnings)


def test_broken_structure_is_flagged_for_staff():
    inbound, u = understand(BROKEN)
    assert "broken_mail: CloseBoundaryNotFoundDefect" in u.warnings
    assert any("壊れたメール" in line for line in envelope_lines(inbound.envelope))


def test_a_failure_of_mail_parser_is_reported_not_raised():
    env = read_envelope(b"\xff\xfe\x00garbage")
    assert env.error is None or isinstance(env.error, str)


def test_staff_summary_carries_the_envelope_lines():
    inbound, u = understand(SOUND)
    lines = _summary(inbound, u)
    assert any(line.startswith("経路") and "198.51.100.7" in line for line in lines)
    assert any(line.startswith("添付") and "cv.pdf" in line for line in lines)


def test_parse_headers_shows_mail_parsers_view(tmp_path):
    f = tmp_path / "m.eml"
    f.write_bytes(SOUND)
    text = CliRunner().invoke(parse, [str(f), "--headers"]).output
    assert "received 1: from [192.168.0.5]" in text and "送信元IP 198.51.100.7" in text and "cv.pdf" in text
    row = json.loads(CliRunner().invoke(parse, [str(f), "--headers", "--json"]).output)
    assert row["envelope"]["sender_ip"] == "198.51.100.7" and list(row)[-1] == "envelope"
    plain = json.loads(CliRunner().invoke(parse, [str(f), "--json"]).output)
    assert "envelope" not in plain
