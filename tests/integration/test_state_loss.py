"""A lost live file through the real commands: the daemon refuses to start afresh, an admin
restores the newest backup, and no reference reaches a second seeker (Dovecot + SMTP)."""

from __future__ import annotations

import re

from tests.integration.test_booking_e2e import fetch_all
from tests.integration.test_daemon import booking, mailbot

REF = re.compile(r"AK-\d{4}-\d{4}")


def refs_sent_to(sandbox, seeker) -> list[str]:
    return [REF.search(str(m["Subject"])).group(0) for m, _ in fetch_all(sandbox, seeker)]


def test_lost_state_is_refused_then_restored_without_reusing_a_reference(
        mail_sandbox, office, seekers, bot_config_path, tmp_path):
    first, second = seekers
    mail_sandbox.deliver(office, booking(first, office, "<loss-1@example.jp>"))
    run = mailbot("--config", bot_config_path, "run", "--once", "--now", "2026-12-01T09:00+09:00")
    assert run.returncode == 0 and "state backed up to backups/" in run.stderr   # holds the first only
    mail_sandbox.deliver(office, booking(second, office, "<loss-2@example.jp>"))
    run = mailbot("--config", bot_config_path, "run", "--once", "--now", "2026-12-01T09:05+09:00")
    assert run.returncode == 0 and "state backed up" not in run.stderr          # one a day
    listed = mailbot("--config", bot_config_path, "state", "backups")
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) == 3   # header, rule, one
    (ref1,), (ref2,) = refs_sent_to(mail_sandbox, first), refs_sent_to(mail_sandbox, second)

    (tmp_path / "state" / "mailbot.json").unlink()                   # lost
    refused = mailbot("--config", bot_config_path, "run", "--once", "--now", "2026-12-01T09:10+09:00")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "refusing to start afresh" in refused.stderr and "mailbot state restore" in refused.stderr
    assert mailbot("--config", bot_config_path, "bookings").returncode != 0     # staff commands too

    restored = mailbot("--config", bot_config_path, "state", "restore", "latest")
    assert restored.returncode == 0 and "restored backups/" in restored.stdout, restored.stderr
    assert ref1 in mailbot("--config", bot_config_path, "bookings").stdout

    third = booking("jiro.sato@example.org", office, "<loss-3@example.jp>")
    mail_sandbox.deliver(office, third.replace(first.encode(), b"jiro.sato@example.org"))
    assert mailbot("--config", bot_config_path, "run", "--once", "--now", "2026-12-01T09:15+09:00").returncode == 0
    refs = set(REF.findall(mailbot("--config", bot_config_path, "bookings").stdout))
    assert ref2 not in refs                                          # the second seeker's number stays theirs
    assert len(refs) == 2 and ref1 in refs
