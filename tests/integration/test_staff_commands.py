"""Staff decide from the `mailbot` command while the bot's mailbox is real (Dovecot + SMTP)."""

from __future__ import annotations

import re

from tests.integration.test_booking_e2e import fetch_all, seeker_mail
from tests.integration.test_daemon import count, mailbot

REF = re.compile(r"AK-\d{4}-\d{4}")


def booked_by_mail(sandbox, office, seeker, config_path) -> str:
    sandbox.deliver(office, seeker_mail(seeker, office))
    result = mailbot("--config", config_path, "run", "--once", "--now", "2026-12-01T09:00+09:00")
    assert result.returncode == 0, result.stderr
    return REF.search(mailbot("--config", config_path, "bookings").stdout).group(0)


def test_phone_booking_cancel_and_no_show_from_the_command(mail_sandbox, office, seekers,
                                                          bot_config_path):
    seeker = seekers[0]
    ref = booked_by_mail(mail_sandbox, office, seeker, bot_config_path)

    # The seeker phoned: staff book 12/7 10:00 for them; the confirmation goes out next cycle.
    done = mailbot("--config", bot_config_path, "book", ref, "2026-12-07T10:00",
                   "--now", "2026-12-01T10:00+09:00")
    assert done.returncode == 0 and "confirmed" in done.stdout, done.stderr
    mailbot("--config", bot_config_path, "run", "--once", "--now", "2026-12-01T10:01+09:00")
    mails = fetch_all(mail_sandbox, seeker)
    assert len(mails) == 2 and "確定" in mails[1][0]["Subject"]
    assert "2026年12月7日(月) 10:00〜10:50" in mails[1][0].get_body(("plain",)).get_content()

    early = mailbot("--config", bot_config_path, "no-show", ref, "--now", "2026-12-07T10:05+09:00")
    assert early.returncode != 0 and "10:10" in early.stderr
    late = mailbot("--config", bot_config_path, "no-show", ref, "--now", "2026-12-07T10:11+09:00")
    assert late.returncode == 0 and "no_show" in late.stdout

    again = mailbot("--config", bot_config_path, "cancel", ref)
    assert again.returncode != 0 and "no_show" in again.stderr      # nothing left to cancel


def test_quiet_cancel_after_a_phone_call_sends_nothing(mail_sandbox, office, seekers,
                                                      bot_config_path):
    seeker = seekers[1]
    ref = booked_by_mail(mail_sandbox, office, seeker, bot_config_path)
    assert mailbot("--config", bot_config_path, "cancel", ref, "--quiet").returncode == 0
    mailbot("--config", bot_config_path, "run", "--once", "--now", "2026-12-01T09:05+09:00")
    assert count(mail_sandbox, seeker) == 1                          # only the offer
    assert "cancelled" in mailbot("--config", bot_config_path, "bookings", "--all").stdout


def test_unknown_reference_is_one_line(bot_config_path):
    result = mailbot("--config", bot_config_path, "attended", "AK-2612-9999")
    assert result.returncode != 0 and "no conversation" in result.stderr
    assert "Traceback" not in result.stderr


def test_consents_lists_the_consenting_mail_and_the_terms_version(mail_sandbox, office, seekers,
                                                                   bot_config_path):
    from tests.integration.test_booking_e2e import reply

    seeker = seekers[0]
    ref = booked_by_mail(mail_sandbox, office, seeker, bot_config_path)
    assert "no consents recorded" in mailbot("--config", bot_config_path, "consents").stdout
    (offer, _), = fetch_all(mail_sandbox, seeker)
    number = re.search(r"^(\d)\. ", offer.get_body(("plain",)).get_content(), re.M).group(1)
    mail_sandbox.deliver(office, reply(offer, seeker, office, f"{number}番でお願いします。",
                                       "<consent-1@example.jp>"))
    mailbot("--config", bot_config_path, "run", "--once", "--now", "2026-12-01T12:05+09:00")

    listed = mailbot("--config", bot_config_path, "consents")
    assert listed.returncode == 0, listed.stderr
    (row,) = [line for line in listed.stdout.splitlines() if ref in line]
    assert "<consent-1@example.jp>" in row and " mail " in row
    version = row.split()[5]
    assert version != "-" and re.fullmatch(r"[0-9a-f]{12}", row.split()[6])
    assert ref in mailbot("--config", bot_config_path, "consents", "--terms-version", version).stdout
    other = mailbot("--config", bot_config_path, "consents", "--terms-version", "1999-01")
    assert ref not in other.stdout and "no consents recorded for terms version 1999-01" in other.stdout
