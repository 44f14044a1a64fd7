"""Every mail kind renders from the shipped templates (StrictUndefined) into a sound message."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailbot.compose import ANONYMOUS_KINDS, STAFF_KINDS, Composer
from mailbot.conversation.model import SiteApplication, Thread
from mailbot.daemon import MAIL_KINDS
from mailbot.rules import load_rules
from mailbot.signing import Signer

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules(REPO / "rules")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
FROM = "online-soudan@akita-hw.example.jp"

THREAD_V1 = {
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
    "state": "confirmed", "from_addr": "taro@example.jp",
    "created_at": "2026-12-01T09:00:00+09:00", "updated_at": "2026-12-01T09:00:00+09:00",
}
THREAD = Thread.from_json(THREAD_V1)     # an old record, migrated on load
THREAD.booking.confirmed_at = NOW
THREAD.site = SiteApplication(slot="2026-12-08T13:00/c1", applied_at=NOW, agreed_at=NOW,
                              terms_version="v1", terms_sha256="ab" * 32, token_id="t",
                              expires_at=NOW.replace(hour=10))
SIGNER = Signer(b"test-key")


@pytest.fixture(scope="module")
def composer(tmp_path_factory):
    terms = tmp_path_factory.mktemp("terms") / "terms.txt"
    terms.write_text("規約\n", encoding="utf-8")
    return Composer(REPO / "templates", terms, FROM, SIGNER)


def test_templates_pass_the_startup_check(composer):
    assert composer.check(RULES) == []


PERSONAL_KINDS = [k for k in MAIL_KINDS if k not in ANONYMOUS_KINDS | STAFF_KINDS | {"redirected"}]
EXTRA = {"needs_info": {"missing": ["phone", "requested"]}, "noted": {"noted": ["seeker_number"]},
         "staff_notice": {"reason": "question", "summary": ["差出人　：taro@example.jp"]},
         "site_link": {"link_url": "https://yoyaku.example.jp/l/AK-2612-0007.x.y", "link_minutes": 60,
                       "cutoff": NOW.replace(day=7, hour=23, minute=59), "cutoff_soon": True}}


@pytest.mark.parametrize("kind", PERSONAL_KINDS)
def test_every_kind_renders(composer, kind):
    out = composer.compose(kind, "taro@example.jp", THREAD, RULES, NOW, EXTRA.get(kind, {}))
    raw = out.message.as_bytes()
    raw.decode("ascii")                                   # 7-bit clean on the wire
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    body = msg.get_body(("plain",)).get_content()
    assert "AK-2612-0007" in msg["Subject"]
    assert "秋田 太郎 様" in body
    assert "{{" not in body and "{%" not in body
    assert msg["In-Reply-To"] == "<in-1@example.jp>"
    assert msg["Message-ID"] == out.message_id
    assert SIGNER.check(out.message_id) == "ours"
    assert msg["X-Mailbot-Kind"] == kind


@pytest.mark.parametrize("kind", sorted(ANONYMOUS_KINDS))
def test_anonymous_kinds_name_no_booking_no_person(composer, kind):
    out = composer.compose(kind, "stranger@example.com", THREAD, RULES, NOW, {"anonymous": True},
                           in_reply_to="<s-1@example.com>")
    raw = out.message.as_bytes().decode("ascii")
    msg = email.message_from_bytes(out.message.as_bytes(), policy=email.policy.default)
    body = msg.get_body(("plain",)).get_content()
    for secret in ("AK-2612-0007", "秋田 太郎", "090-1234-5678", "12月8日"):
        assert secret not in body and secret not in str(msg["Subject"])
    assert "AK-2612-0007" not in raw                       # not even in a header
    assert msg["In-Reply-To"] == "<s-1@example.com>" and msg["References"] == "<s-1@example.com>"


def test_staff_notice_attaches_the_seekers_mail_and_names_the_reason(composer):
    seeker_mail = b"From: taro@example.jp\r\nSubject: test\r\nMessage-ID: <q@x>\r\n\r\nhello\r\n"
    out = composer.compose("staff_notice", RULES.office.staff_address, THREAD, RULES, NOW,
                           EXTRA["staff_notice"], attach_mail=seeker_mail)
    msg = email.message_from_bytes(out.message.as_bytes(), policy=email.policy.default)
    assert "AK-2612-0007" in msg["Subject"] and msg["X-Mailbot-Reason"] == "question"
    assert msg["In-Reply-To"] is None
    (part,) = list(msg.iter_attachments())
    assert part.get_content_type() == "message/rfc822"
    assert part.get_content()["Message-ID"] == "<q@x>"
    body = msg.get_body(("plain",)).get_content()
    assert "ご質問" in body and "confirmed" in body


def test_cancellation_carries_a_calendar_cancel(composer):
    msg = composer.compose("cancelled", "taro@example.jp", THREAD, RULES, NOW).message
    (ics,) = list(msg.iter_attachments())
    text = ics.get_content()
    assert "METHOD:CANCEL" in text and "STATUS:CANCELLED" in text and "UID:AK-2612-0007@" in text


def test_offer_lists_numbered_slots_and_attaches_terms(composer):
    msg = composer.compose("offer", "taro@example.jp", THREAD, RULES, NOW).message
    body = msg.get_body(("plain",)).get_content()
    assert "1. 2026年12月4日(金) 14:00〜14:50" in body
    assert "2. 2026年12月7日(月) 10:00〜10:50" in body
    assert "12月6日(日)までに" in body
    assert "1回50分" in body
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


def test_offer_explains_a_wish_it_cannot_meet(composer):
    thread = Thread.from_json(THREAD.to_json())
    thread.warnings = []
    thread.offer.unmet = [{"date": "2026-11-23", "start": "10:00", "end": None, "reason": "closed",
                           "detail": "勤労感謝の日"},
                          {"date": "2027-02-10", "start": None, "end": None, "reason": "beyond_window",
                           "detail": "30"}]
    body = composer.compose("offer", "taro@example.jp", thread, RULES, NOW).message \
        .get_body(("plain",)).get_content()
    assert "2026年11月23日(月)は勤労感謝の日のため" in body
    assert "2027年2月10日(水)は、受付期間（30日先まで）を過ぎている" in body


def test_offer_states_per_slot_deadlines_when_they_differ(composer):
    thread = Thread.from_json(THREAD.to_json())
    thread.offer.deadlines = {"2026-12-04T14:00/c1": "2026-12-03T23:59:59+09:00",
                              "2026-12-07T10:00/c1": "2026-12-04T23:59:59+09:00"}
    body = composer.compose("offer", "taro@example.jp", thread, RULES, NOW).message \
        .get_body(("plain",)).get_content()
    assert "14:50（ご返信期限：12月3日(木)）" in body and "10:50（ご返信期限：12月4日(金)）" in body


def test_staff_booking_confirmation_never_thanks_for_a_reply(composer):
    body = composer.compose("confirmed", "taro@example.jp", THREAD, RULES, NOW,
                            {"by_staff": True, "attach_terms": True}).message
    text = body.get_body(("plain",)).get_content()
    assert "ご返信ありがとう" not in text and "職員" in text
    assert [p.get_filename() for p in body.iter_attachments()][0].endswith("利用規約.txt")



def test_site_mails_carry_their_links(composer):
    """The link mail names the slot and the link; a site confirmation has its cancel page and
    the site for the next booking (terms art. 6 (5), (6)); a mail-path one has neither."""
    def text(kind, extra):
        out = composer.compose(kind, "taro@example.jp", THREAD, RULES, NOW, extra)
        return email.message_from_bytes(out.message.as_bytes(), policy=email.policy.default) \
            .get_body(("plain",)).get_content()

    link = text("site_link", EXTRA["site_link"])
    assert "https://yoyaku.example.jp/l/AK-2612-0007.x.y" in link
    assert "2026年12月8日(火) 13:00〜13:50" in link and "60分以内" in link
    site = text("confirmed", {"site": True, "cancel_url": "https://yoyaku.example.jp/c/z",
                              "site_url": "https://yoyaku.example.jp/"})
    assert "https://yoyaku.example.jp/c/z" in site and "予約サイト（https://yoyaku.example.jp/）" in site
    plain = text("confirmed", {})
    assert "yoyaku" not in plain and "このメールへの返信でご連絡ください" in plain
    assert "10:00" in text("site_use_link", {})
