"""Staff decide from the `mailbot` command while the bot's mailbox is real (Dovecot + SMTP)."""

from __future__ import annotations

import re
import shutil

from tests.conftest import REPO, TERMS, write_bot_config
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


# -- the staff desk (issue 7, item 3): every command against conversations made by real mail ----


def _cycle(config_path, now: str) -> None:
    result = mailbot("--config", config_path, "run", "--once", "--now", now)
    assert result.returncode == 0, result.stderr


def confirmed_by_mail(sandbox, office, seeker, config_path) -> str:
    """A seeker books by mail and picks option 1 in a reply: confirmed through the daemon."""
    from tests.integration.test_booking_e2e import reply

    ref = booked_by_mail(sandbox, office, seeker, config_path)
    (offer, _), = fetch_all(sandbox, seeker)
    sandbox.deliver(office, reply(offer, seeker, office, "1番でお願いします。", "<pick-1@example.jp>"))
    _cycle(config_path, "2026-12-01T12:05+09:00")
    return ref


def asked(sandbox, office, seeker, config_path, now="2026-12-01T09:00+09:00") -> str:
    from tests.integration.mailflow import write

    sandbox.deliver(office, write(seeker, office, "質問です", "オンライン相談はどのアプリを使いますか？\n工藤",
                                  when="2026-12-01T08:50+09:00"))
    _cycle(config_path, now)
    listed = mailbot("--config", config_path, "staff", "list", "--now", now).stdout
    return REF.search(listed).group(0)


def test_day_sheet_and_thread_show_of_a_booking_made_by_mail(mail_sandbox, office, seekers,
                                                             bot_config_path):
    seeker = seekers[0]
    ref = confirmed_by_mail(mail_sandbox, office, seeker, bot_config_path)

    day = mailbot("--config", bot_config_path, "bookings", "--date", "2026-12-04")
    assert day.returncode == 0 and day.stderr == "", day.stderr
    assert day.stdout.startswith("2026-12-04(金): 1 session")
    (row,) = [ln for ln in day.stdout.splitlines() if ref in ln]
    for part in ("2026-12-04(金)", "山田 太郎", "05010-23418765", "https://", "confirmed"):
        assert part in row
    week = mailbot("--config", bot_config_path, "bookings", "--week", "--now", "2026-12-01T13:00+09:00")
    assert ref in week.stdout and "2026-11-30(月) – 2026-12-06(日)" in week.stdout

    shown = mailbot("--config", bot_config_path, "thread", "show", ref)
    assert shown.returncode == 0 and shown.stderr == ""
    out = shown.stdout
    assert "in     mail.request  オンライン職業相談の予約をお願いします" in out
    assert "in     mail.pick     Re: 【ハローワーク秋田】" in out and "| 1番でお願いします。" in out
    assert "out    offer" in out and "out    confirmed" in out and "offered → confirmed" in out
    assert out.index("mail.request") < out.index("out    offer") < out.index("mail.pick") < out.index("out    confirmed")
    missing = mailbot("--config", bot_config_path, "thread", "show", "AK-2612-9999")
    assert missing.returncode == 1 and "no conversation AK-2612-9999" in missing.stderr


def test_escalation_is_listed_answered_by_staff_in_the_thread_and_resolved(mail_sandbox, office,
                                                                         seekers, bot_config_path,
                                                                         tmp_path):
    seeker = seekers[1]
    ref = asked(mail_sandbox, office, seeker, bot_config_path)
    listed = mailbot("--config", bot_config_path, "staff", "list", "--now", "2026-12-07T09:00+09:00")
    assert listed.returncode == 0 and listed.stderr == ""
    assert f"{ref}  staff  question" in listed.stdout and "4d" in listed.stdout and "OVERDUE" in listed.stdout

    text = tmp_path / "answer.txt"
    text.write_text("アプリは Tele Office です。スマートフォンでも使えます。\n", encoding="utf-8")
    shown = mailbot("--config", bot_config_path, "preview", "staff_reply", "--thread", ref, "--body-file", text)
    assert shown.returncode == 0 and "Tele Office です" in shown.stdout and f"To: {seeker}" in shown.stdout
    queued = mailbot("--config", bot_config_path, "reply", ref, "--body-file", text,
                     "--now", "2026-12-01T10:00+09:00")
    assert queued.returncode == 0 and "sent at the next cycle" in queued.stdout, queued.stderr
    _cycle(bot_config_path, "2026-12-01T10:01+09:00")
    mails = fetch_all(mail_sandbox, seeker)
    sent = mails[-1][0]
    assert str(sent["X-Mailbot-Kind"]) == "staff_reply" and ref in str(sent["Subject"])
    assert sent["From"].addresses[0].addr_spec == office
    assert sent["In-Reply-To"] and sent["In-Reply-To"] in str(sent["References"])
    assert "アプリは Tele Office です。" in sent.get_body(("plain",)).get_content()
    sent_copies = fetch_all(mail_sandbox, office, "Sent")
    assert any(str(m["X-Mailbot-Kind"]) == "staff_reply" for m, _ in sent_copies)

    done = mailbot("--config", bot_config_path, "staff", "resolve", ref, "--note", "メールで回答",
                   "--now", "2026-12-01T10:05+09:00")
    assert done.returncode == 0 and "resolved by" in done.stdout, done.stderr
    assert mailbot("--config", bot_config_path, "staff", "list").stdout == "no open escalations\n"
    history = mailbot("--config", bot_config_path, "thread", "show", ref).stdout
    assert "staff.resolve  resolved  staff → needs_info" in history and "note=メールで回答" in history
    assert "out    staff_reply" in history


def test_held_mail_is_listed_edited_approved_and_sent_as_edited(mail_sandbox, office, seekers, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    policy = rules / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("\nreview: none\n", "\nreview: all\n"),
                      encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    path = write_bot_config(tmp_path / "mailbot.toml", mail_sandbox, office, state=tmp_path / "state",
                            terms=terms, rules=rules)
    seeker = seekers[0]
    ref = booked_by_mail(mail_sandbox, office, seeker, path)

    listed = mailbot("--config", path, "outbox", "list", "--status", "held", "--now", "2026-12-01T09:30+09:00")
    (line,) = listed.stdout.splitlines()[2:]
    item_id = line.split()[0]
    assert line.split()[1:4] == ["held", "offer", seeker] and "30m" in line and line.endswith(ref)
    original = mailbot("--config", path, "outbox", "show", item_id).stdout
    body = original.split("\n\n", 1)[1].split("[attachment]")[0]
    new_text = body.replace("オンライン職業相談担当です。", "オンライン職業相談担当の佐々木です。", 1)
    assert new_text != body
    (tmp_path / "offer.txt").write_text(new_text, encoding="utf-8")
    edited = mailbot("--config", path, "outbox", "edit", item_id, "--body-file", tmp_path / "offer.txt")
    assert edited.returncode == 0 and edited.stderr == "", edited.stderr
    new_id = edited.stdout.split()[0]
    approved = mailbot("--config", path, "outbox", "approve", new_id)
    assert approved.returncode == 0, approved.stderr
    _cycle(path, "2026-12-01T09:40+09:00")
    (offer, _), = fetch_all(mail_sandbox, seeker)
    assert "担当の佐々木です。" in offer.get_body(("plain",)).get_content()
    assert [p.get_filename() for p in offer.iter_attachments()] == ["オンライン職業相談等利用規約.txt"]
    assert ref in str(offer["Subject"])
    history = mailbot("--config", path, "thread", "show", ref).stdout
    assert "mail_edited" in history and f"item={item_id}" in history and "mail_approved" in history
    rejected = mailbot("--config", path, "outbox", "reject", item_id, "--reason", "x")
    assert rejected.returncode == 1 and "not a held outbox item" in rejected.stderr
    unknown = mailbot("--config", path, "outbox", "reject", "OB999999", "--reason", "x")
    assert unknown.returncode == 1 and "no outbox item OB999999" in unknown.stderr


def test_preview_and_parse_now_from_the_command(mail_sandbox, office, seekers, bot_config_path, tmp_path):
    ref = booked_by_mail(mail_sandbox, office, seekers[0], bot_config_path)
    sample = mailbot("--config", bot_config_path, "preview", "confirmed")
    assert sample.returncode == 0 and "見本 太郎 様" in sample.stdout and sample.stderr == ""
    mine = mailbot("--config", bot_config_path, "preview", "offer", "--thread", ref)
    assert "山田 太郎 様" in mine.stdout and ref in mine.stdout
    assert mailbot("--config", bot_config_path, "preview", "nothing").returncode == 2
    snippet = tmp_path / "snippet.txt"
    snippet.write_text("明日の14時にお願いします。\n", encoding="utf-8")
    parsed = mailbot("parse", "--now", "2026-12-03T10:00+09:00", snippet)
    assert parsed.returncode == 0 and "2026-12-04(金) 14:00" in parsed.stdout

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
