"""The site and the daemon together, against the sandbox's real Dovecot and SMTP: the link
mail and the confirmation are really sent and read over IMAP; the hour starts when the link
mail leaves; mail replies to a site booking go through the mail path with its sender binding;
staff see site bookings with `mailbot bookings`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mailbot.web.server import SiteThread
from tests.conftest import REPO
from tests.integration.mailflow import reply_to
from tests.integration.sitekit import (Client, MovableClock, body, inbox, link_in, outbox,
                                       run_daemon, site_config, threads)

SLOT = "2026-12-04T14:00/c1"


@pytest.fixture
def clock():
    return MovableClock()


@pytest.fixture
def config(tmp_path, mail_sandbox, office):
    return site_config(tmp_path, mail_sandbox, office)


@pytest.fixture
def site(config, clock):
    with SiteThread(config, clock) as running:
        yield running


def bookings(config, *args) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "mailbot.cli", "--config", str(config.source),
                           "bookings", *args], env=env, capture_output=True, text=True, check=True).stdout


def test_link_mail_confirmation_and_a_mail_reply(site, config, clock, mail_sandbox, office, seekers):
    seeker, stranger = seekers
    c = Client(site.url)
    assert c.apply(SLOT, email=seeker).status == 303
    assert inbox(mail_sandbox, seeker) == []                 # the site sends nothing itself
    assert "pending_link  2026-12-04T14:00/c1  site" in bookings(config)

    run_daemon(config, clock)
    (link_mail,) = inbox(mail_sandbox, seeker)
    assert link_mail["X-Mailbot-Kind"] == "site_link"
    ref = threads(config)[0]["ref"]
    assert ref in link_mail["Subject"] and "2026年12月4日(金) 14:00〜14:50" in body(link_mail)
    assert threads(config)[0]["site"]["expires_at"] == "2026-12-01T10:00:00+09:00"

    clock.set("2026-12-01T09:40+09:00")
    link = link_in(link_mail)
    assert link.startswith(site.url)
    assert "予約を確定する" in c.get(link).text
    assert "ご予約が確定しました" in c.post(link, {}).text

    run_daemon(config, clock)
    confirmed = inbox(mail_sandbox, seeker)[-1]
    assert confirmed["X-Mailbot-Kind"] == "confirmed"
    text = body(confirmed)
    assert "予約サイトでのご確認ありがとうございます" in text
    assert "2026年12月4日(金) 14:00〜14:50" in text and "https://teleoffice.example.jp/" in text
    assert link_in(confirmed, "c").startswith(site.url)
    assert any(p.get_content_type() == "text/calendar" for p in confirmed.iter_attachments())
    assert f"{ref}  confirmed     2026-12-04T14:00/c1  site" in bookings(config)

    # A stranger answering the confirmation changes nothing (the chain's sender binding).
    mail_sandbox.deliver(office, reply_to(confirmed, stranger, office, "キャンセルします",
                                          when="2026-12-01T11:00+09:00"))
    clock.set("2026-12-01T11:05+09:00")
    run_daemon(config, clock)
    assert threads(config)[0]["state"] == "confirmed"
    assert inbox(mail_sandbox, stranger)[-1]["X-Mailbot-Kind"] == "received"

    # The seeker cancelling by mail goes through the mail path like any booking.
    mail_sandbox.deliver(office, reply_to(confirmed, seeker, office, "都合が悪くなりました。キャンセルをお願いします。",
                                          when="2026-12-02T10:00+09:00"))
    clock.set("2026-12-02T10:05+09:00")
    run_daemon(config, clock)
    assert threads(config)[0]["state"] == "cancelled"
    cancelled = inbox(mail_sandbox, seeker)[-1]
    assert cancelled["X-Mailbot-Kind"] == "cancelled" and ref in cancelled["Subject"]
    assert f"{ref}  cancelled" in bookings(config, "--all")


def test_an_unused_link_lapses_an_hour_after_its_mail_and_frees_the_seat(site, config, clock,
                                                                         mail_sandbox, seekers):
    seeker, other = seekers
    Client(site.url).apply(SLOT, email=seeker)
    clock.set("2026-12-01T09:10+09:00")
    run_daemon(config, clock)                                # the link mail leaves at 09:10
    (link_mail,) = inbox(mail_sandbox, seeker)
    assert SLOT not in Client(site.url).get("/").free_slots()

    clock.set("2026-12-01T10:10+09:00")
    run_daemon(config, clock)                                # 60 minutes: still held
    assert threads(config)[0]["state"] == "pending_link"

    clock.set("2026-12-01T10:11+09:00")
    run_daemon(config, clock)                                # the daemon's timer lapses it
    (doc,) = threads(config)
    assert doc["state"] == "expired" and doc["holds"] == []
    assert len(inbox(mail_sandbox, seeker)) == 1             # no mail to an unconfirmed address
    page = Client(site.url).get(link_in(link_mail))
    assert page.status == 410 and "無効" in page.text
    assert SLOT in Client(site.url).get("/").free_slots()
    assert Client(site.url).apply(SLOT, email=other).status == 303


def test_a_mail_while_the_link_is_pending_is_told_to_use_the_link(site, config, clock, mail_sandbox,
                                                                 office, seekers):
    seeker = seekers[0]
    Client(site.url).apply(SLOT, email=seeker)
    run_daemon(config, clock)
    (link_mail,) = inbox(mail_sandbox, seeker)
    mail_sandbox.deliver(office, reply_to(link_mail, seeker, office, "よろしくお願いします。予約をお願いします。",
                                          when="2026-12-01T09:05+09:00"))
    clock.set("2026-12-01T09:06+09:00")
    run_daemon(config, clock)
    answer = inbox(mail_sandbox, seeker)[-1]
    assert answer["X-Mailbot-Kind"] == "site_use_link" and "10:00" in body(answer)
    assert threads(config)[0]["state"] == "pending_link"
    assert [i["kind"] for i in outbox(config)] == ["site_link", "site_use_link"]
