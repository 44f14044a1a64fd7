"""Every mail kind renders from the shipped templates (StrictUndefined) into a sound message."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailbot.compose import Composer
from mailbot.daemon import MAIL_KINDS
from mailbot.rules import load_rules

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules(REPO / "rules")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
FROM = "online-soudan@akita-hw.example.jp"

THREAD = {
    "ref": "AK-2612-0007",
    "contact": {"name": "秋田 太郎", "email": "taro@example.jp", "phone": "090-1234-5678",
                "seeker_number": None, "attendant": None},
    "wishes": [{"date": "2026-12-04", "start": "14:00", "end": None}],
    "warnings": ["weekday_mismatch: 2026-12-03 is a Thursday, the mail says 水"],
    "offer": {"slots": ["2026-12-04T14:00/c1", "2026-12-07T10:00/c1"],
              "expires_at": "2026-12-06T23:59:59+09:00"},
    "booking": {"slot": "2026-12-08T13:00/c1", "url": "https://teleoffice.example.jp/x",
                "replaces": "2026-12-04T14:00/c1"},
    "message_ids": ["<in-1@example.jp>"],
    "last_in_message_id": "<in-1@example.jp>",
}


@pytest.fixture(scope="module")
def composer(tmp_path_factory):
    terms = tmp_path_factory.mktemp("terms") / "terms.txt"
    terms.write_text("規約\n", encoding="utf-8")
    return Composer(REPO / "templates", terms, FROM)


def test_templates_pass_the_startup_check(composer):
    assert composer.check(RULES) == []


@pytest.mark.parametrize("kind", MAIL_KINDS)
def test_every_kind_renders(composer, kind):
    extra = {"missing": ["phone", "requested"]} if kind == "needs_info" else {}
    out = composer.compose(kind, "taro@example.jp", THREAD, RULES, NOW, extra)
    raw = out.message.as_bytes()
    raw.decode("ascii")                                   # 7-bit clean on the wire
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    body = msg.get_body(("plain",)).get_content()
    assert "AK-2612-0007" in msg["Subject"]
    assert "秋田 太郎 様" in body
    assert "{{" not in body and "{%" not in body
    assert msg["In-Reply-To"] == "<in-1@example.jp>"
    assert msg["Message-ID"] == out.message_id


def test_offer_lists_numbered_slots_and_attaches_terms(composer):
    msg = composer.compose("offer", "taro@example.jp", THREAD, RULES, NOW).message
    body = msg.get_body(("plain",)).get_content()
    assert "1. 2026年12月4日(金) 14:00〜14:50" in body
    assert "2. 2026年12月7日(月) 10:00〜10:50" in body
    assert "12月6日(日)までに" in body
    assert "2026年12月3日(木)" in body                  # the weekday mismatch is pointed out
    (terms,) = list(msg.iter_attachments())
    assert terms.get_content() == "規約\n"


def test_confirmation_has_url_and_calendar(composer):
    msg = composer.compose("confirmed", "taro@example.jp", THREAD, RULES, NOW).message
    body = msg.get_body(("plain",)).get_content()
    assert "https://teleoffice.example.jp/x" in body
    assert "2026年12月8日(火) 13:00〜13:50" in body
    (ics,) = list(msg.iter_attachments())
    assert "DTSTART;TZID=Asia/Tokyo:20261208T130000" in ics.get_content()


def test_needs_info_lists_only_missing_fields(composer):
    msg = composer.compose("needs_info", "taro@example.jp", THREAD, RULES, NOW,
                           {"missing": ["phone"]}).message
    body = msg.get_body(("plain",)).get_content()
    assert "お電話番号" in body and "お名前" not in body


def test_offer_explains_a_wished_day_without_consultations(composer):
    thread = {**THREAD, "warnings": [], "wishes": [{"date": "2026-11-23", "start": "10:00", "end": None}]}
    body = composer.compose("offer", "taro@example.jp", thread, RULES, NOW).message \
        .get_body(("plain",)).get_content()
    assert "2026年11月23日(月)は勤労感謝の日のため" in body

