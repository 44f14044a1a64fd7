"""Conversation behaviours of issue 11 that depend on the office's rules (rooms per seat,
durations, reminders, review) played through the real daemon against Dovecot + SMTP.

The blind conversation set (test_conversations.py) plays the repo's rules; these tests edit a
copy of them first, as an admin would, and check what the seeker receives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mailbot.config import load_config
from mailbot.store import Store
from tests.conftest import TERMS, copy_rules, write_bot_config
from tests.integration.mailflow import Outbox, body, kinds, last, option, reply_to, run_at, write
from tests.integration.test_daemon import mailbot

REQUEST = """ハローワーク秋田 御中

オンライン職業相談の予約をお願いします。
氏名：{name}
求職番号：05010-2341876{n}
希望日時：{wish}
電話番号：090-3812-445{n}
"""


@pytest.fixture
def office_with(tmp_path, mail_sandbox, office):
    """An office whose rules are the repo's with `edits` ({file: [(old, new), ...]}) applied."""

    def make(edits: dict[str, list[tuple[str, str]]]):
        rules = copy_rules(tmp_path / "rules")              # digest off: tests count mail
        for name, changes in edits.items():
            path = rules / name
            text = path.read_text(encoding="utf-8")
            for old, new in changes:
                assert text.count(old) == 1, (name, old)
                text = text.replace(old, new)
            path.write_text(text, encoding="utf-8")
        terms = tmp_path / "terms.txt"
        terms.write_text(TERMS, encoding="utf-8")
        path = write_bot_config(tmp_path / "mailbot.toml", mail_sandbox, office,
                                state=tmp_path / "state", terms=terms, rules=rules)
        return path, load_config(path, {})

    return make


def request(sandbox, office, seeker, name, wish, n, when="2026-12-01T08:30+09:00") -> None:
    sandbox.deliver(office, write(seeker, office, "オンライン相談の予約",
                                  REQUEST.format(name=name, wish=wish, n=n), when=when))


def book(sandbox, office, config, outbox, seeker, name, wish, pick, n, *, at="2026-12-01T09:00+09:00",
         reply_at="2026-12-01T12:00+09:00"):
    """Request, offer, a reply picking the line that matches `pick`: the confirmation."""
    request(sandbox, office, seeker, name, wish, n)
    run_at(config, at)
    offer = last(outbox.new(), "offer", seeker)
    sandbox.deliver(office, reply_to(offer, seeker, office, f"{option(offer, pick)}番でお願いします。",
                                     when=reply_at))
    run_at(config, reply_at)
    return last(outbox.new(), "confirmed", seeker)


def calendar_part(msg) -> str:
    (ics,) = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    return ics.get_content()


def test_a_cancellation_by_mail_carries_a_calendar_cancellation(office_with, mail_sandbox, office, seekers):
    _, config = office_with({})
    outbox, seeker = Outbox(mail_sandbox), seekers[0]
    confirmed = book(mail_sandbox, office, config, outbox, seeker, "山田 太郎", "12月4日（金）14:00",
                     r"12月4日.*14:00", 1)
    request_ics = calendar_part(confirmed)
    assert "METHOD:CANCEL" not in request_ics

    mail_sandbox.deliver(office, reply_to(confirmed, seeker, office, "都合が悪くなったのでキャンセルします。",
                                          when="2026-12-02T10:00+09:00"))
    run_at(config, "2026-12-02T10:00+09:00")
    cancelled = last(outbox.new(), "cancelled", seeker)
    cancel_ics = calendar_part(cancelled)
    assert "METHOD:CANCEL" in cancel_ics and "STATUS:CANCELLED" in cancel_ics
    uid = re.search(r"^UID:(.+)$", request_ics, re.M).group(1).strip()
    assert re.search(r"^UID:(.+)$", cancel_ics, re.M).group(1).strip() == uid     # the same event
    seq = lambda ics: int(re.search(r"^SEQUENCE:(\d+)", ics, re.M).group(1))   # noqa: E731
    assert seq(cancel_ics) > seq(request_ics)


def test_two_seats_in_one_slot_get_their_own_rooms(office_with, mail_sandbox, office, seekers):
    _, config = office_with({
        "calendar.yaml": [("    capacity: 1\n", "    capacity: 2\n")],
        "sessions.yaml": [("counters: {}", 'counters:\n  c1:\n    rooms:\n'
                           '      - "https://teleoffice.example.jp/akita/room-a/{reference}"\n'
                           '      - "https://teleoffice.example.jp/akita/room-b/{reference}"')],
    })
    outbox = Outbox(mail_sandbox)
    urls = []
    for n, (seeker, name) in enumerate(zip(seekers, ("山田 太郎", "佐藤 花子")), 1):
        confirmed = book(mail_sandbox, office, config, outbox, seeker, name,
                         "12月4日（金）14:00", r"12月4日.*14:00", n)
        assert "12月4日(金) 14:00" in body(confirmed)
        urls.append(re.search(r"https://teleoffice\.example\.jp/akita/(room-[ab])/", body(confirmed)).group(1))
    assert sorted(urls) == ["room-a", "room-b"]


def test_durations_in_the_mail_come_from_the_rules(office_with, mail_sandbox, office, seekers):
    _, config = office_with({
        "calendar.yaml": [("slot_minutes: 50", "slot_minutes: 40")],
        "policy.yaml": [("no_show_minutes: 10", "no_show_minutes: 15")],
    })
    outbox, seeker = Outbox(mail_sandbox), seekers[0]
    request(mail_sandbox, office, seeker, "山田 太郎", "12月4日（金）14:00", 1)
    run_at(config, "2026-12-01T09:00+09:00")
    offer = last(outbox.new(), "offer", seeker)
    assert "14:00〜14:40" in body(offer) and "40分" in body(offer) and "50分" not in body(offer)
    mail_sandbox.deliver(office, reply_to(offer, seeker, office,
                                          f"{option(offer, r'12月4日.*14:00')}番でお願いします。",
                                          when="2026-12-01T12:00+09:00"))
    run_at(config, "2026-12-01T12:00+09:00")
    confirmed = last(outbox.new(), "confirmed", seeker)
    text = body(confirmed)
    assert "14:00〜14:40" in text and "15分" in text and "10分" not in text


def test_a_session_day_reminder_and_none_after_a_same_day_cancel(office_with, mail_sandbox, office, seekers):
    _, config = office_with({"policy.yaml": [("  days_before: 1 ", "  days_before: 0 "),
                                             ('  send_at: "10:00"', '  send_at: "08:00"')]})
    outbox = Outbox(mail_sandbox)
    kept, cancels = seekers
    book(mail_sandbox, office, config, outbox, kept, "山田 太郎", "12月4日（金）14:00", r"12月4日.*14:00", 1)
    confirmed = book(mail_sandbox, office, config, outbox, cancels, "佐藤 花子", "12月4日（金）15:00",
                     r"12月4日.*15:00", 2)

    # On the day, before the reminders go: "体調不良で休ませてください" (phone only on the day).
    mail_sandbox.deliver(office, reply_to(confirmed, cancels, office, "体調不良のため、今日は休ませてください。",
                                          when="2026-12-04T07:30+09:00"))
    run_at(config, "2026-12-04T07:30+09:00")
    assert kinds(outbox.new(), cancels) == ["same_day_cancel"]

    run_at(config, "2026-12-04T08:05+09:00")
    sent = outbox.new()
    assert kinds(sent, cancels) == []                       # no reminder after a cancel request
    reminder = last(sent, "reminder", kept)
    assert "前日までに" not in body(reminder) and "12月4日(金) 14:00" in body(reminder)
    run_at(config, "2026-12-04T09:00+09:00")
    assert kinds(outbox.new(), kept) == []                  # once


def held_item(config, kind: str) -> str:
    with Store(config.paths.state).snapshot() as tx:
        (item,) = [i for i in tx.outbox(status="held") if i.get("kind") == kind]
    return item["id"]


def test_a_held_offer_never_lapses_and_its_lifetime_starts_when_sent(office_with, mail_sandbox, office,
                                                                    seekers):
    path, config = office_with({"policy.yaml": [("\nreview: none\n", "\nreview: all\n")]})
    outbox, seeker = Outbox(mail_sandbox), seekers[0]
    request(mail_sandbox, office, seeker, "山田 太郎", "12月15日（火）14:00", 1)
    run_at(config, "2026-12-01T09:00+09:00")
    assert outbox.new() == []                               # held for review
    item_id = held_item(config, "offer")

    run_at(config, "2026-12-05T09:00+09:00")                # past offer_valid_days from composing
    assert outbox.new() == []                               # no "lapsed" for an offer never sent
    assert mailbot("--config", path, "outbox", "approve", item_id).returncode == 0
    run_at(config, "2026-12-05T10:00+09:00")
    offer = last(outbox.new(), "offer", seeker)

    # Two days after it was sent (six after it was written), within what it states.
    mail_sandbox.deliver(office, reply_to(offer, seeker, office,
                                          f"{option(offer, r'12月15日.*14:00')}番でお願いします。",
                                          when="2026-12-07T12:00+09:00"))
    run_at(config, "2026-12-07T12:00+09:00")
    assert outbox.new() == []                               # the confirmation is held in turn
    assert mailbot("--config", path, "outbox", "approve", held_item(config, "confirmed")).returncode == 0
    run_at(config, "2026-12-07T12:05+09:00")
    assert "12月15日(火) 14:00" in body(last(outbox.new(), "confirmed", seeker))


def test_approving_a_held_offer_past_its_deadline_is_refused_with_the_reason(office_with, mail_sandbox,
                                                                            office, seekers):
    path, config = office_with({"policy.yaml": [("\nreview: none\n", "\nreview: all\n")]})
    outbox, seeker = Outbox(mail_sandbox), seekers[0]
    request(mail_sandbox, office, seeker, "山田 太郎", "12月4日（金）14:00", 1)
    run_at(config, "2026-12-01T09:00+09:00")
    item_id = held_item(config, "offer")
    refused = mailbot("--config", path, "outbox", "approve", item_id, "--now", "2026-12-04T09:00+09:00")
    assert refused.returncode != 0 and "deadline" in refused.stderr
    run_at(config, "2026-12-04T09:05+09:00")
    assert kinds(outbox.new(), seeker) == []                # nothing stale went out


def test_a_needs_info_request_that_lapses_tells_the_seeker_once(office_with, mail_sandbox, office, seekers):
    _, config = office_with({})
    outbox, seeker = Outbox(mail_sandbox), seekers[0]
    mail_sandbox.deliver(office, write(seeker, office, "相談の予約", "オンライン相談を予約したいです。\n山田\n",
                                       when="2026-12-01T08:30+09:00"))
    run_at(config, "2026-12-01T09:00+09:00")
    assert kinds(outbox.new(), seeker) == ["needs_info"]
    run_at(config, "2026-12-09T09:00+09:00")                # past needs_info_expire_days (7)
    assert kinds(outbox.new(), seeker) == ["needs_info_lapsed"]
    run_at(config, "2026-12-10T09:00+09:00")
    assert kinds(outbox.new(), seeker) == []


def test_a_question_goes_to_staff_with_the_mail_attached_and_searchable_in_needs_staff(
        office_with, mail_sandbox, office, seekers):
    from tests.integration.mailflow import STAFF

    _, config = office_with({})
    outbox, seeker = Outbox(mail_sandbox), seekers[0]
    mail_sandbox.deliver(office, write(seeker, office, "質問です",
                                       "オンライン相談はスマートフォンでも受けられますか。\n山田 太郎\n",
                                       when="2026-12-01T08:30+09:00"))
    run_at(config, "2026-12-01T09:00+09:00")
    sent = outbox.new()
    assert kinds(sent, seeker) == ["staff_ack"]             # a person answers within 3 business days
    notice = last(sent, "staff_notice", STAFF)
    ref = str(notice["X-Mailbot-Ref"] or re.search(r"AK-\d{4}-\d{4}", str(notice["Subject"])).group(0))
    (attached,) = [p for p in notice.iter_attachments() if p.get_content_type() == "message/rfc822"]
    assert "スマートフォン" in attached.get_content().get_body(("plain",)).get_content()

    client = mail_sandbox.imap(office)
    try:
        client.select_folder("NeedsStaff", readonly=True)
        assert len(client.search(["KEYWORD", f"$Ref_{ref}"])) == 1
        assert len(client.search(["KEYWORD", "$Reason_question"])) == 1
    finally:
        client.logout()
