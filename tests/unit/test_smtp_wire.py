"""The wire form of a stored outbox mail (send_raw: its bytes with CRLF line ends) is what the
SMTP policy writes for the parsed message (the long way, which cost more than the send)."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailbot.compose import Composer
from mailbot.conversation.model import Thread
from mailbot.mail.smtp import _LINE_END, recipients, wire_bytes
from mailbot.rules import load_rules
from mailbot.signing import Signer
from tests.unit.test_compose import THREAD_V1

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules(REPO / "rules")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


@pytest.fixture(scope="module")
def composer(tmp_path_factory):
    terms = tmp_path_factory.mktemp("terms") / "terms.txt"
    terms.write_text("第1条　この規約は…\n" * 200, encoding="utf-8")
    return Composer(REPO / "templates", terms, "online-soudan@akita-hw.example.jp", Signer(b"k"))


@pytest.mark.parametrize("kind", ["offer", "confirmed", "staff_notice", "received"])
def test_stored_bytes_with_crlf_are_the_smtp_wire_form(composer, kind):
    thread = Thread.from_json({**THREAD_V1, "state": "offered"})
    extra = {"reason": "question", "summary": ["差出人　：taro@example.jp"]} if kind == "staff_notice" else {}
    attach = b"From: a@example.jp\r\nSubject: x\r\n\r\nbody\r\n" if kind == "staff_notice" else None
    out = composer.compose(kind, "taro@example.jp", thread, RULES, NOW, extra, attach_mail=attach)
    assert out.raw == out.message.as_bytes()
    parsed = email.message_from_bytes(out.raw, policy=email.policy.SMTP)
    assert _LINE_END.sub(b"\r\n", out.raw) == wire_bytes(parsed)
    head = email.parser.BytesParser(policy=email.policy.SMTP).parsebytes(out.raw, headersonly=True)
    assert recipients(head) == recipients(parsed) == ["taro@example.jp"]
