"""Trust, through the real daemon, Dovecot and SMTP: nobody but the seeker acts on a booking,
strangers learn nothing, caps hold across conversations, bounces stop mail, forged ids and
failed DMARC change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.config import load_config
from mailbot.store import Store
from tests.conftest import TERMS, write_bot_config
from tests.integration.test_daemon import spawn  # noqa: F401 (fixture)
from tests.integration.mailflow import (STAFF, Outbox, body, kinds, last, option, reply_to, run_at,
                                        write)

SEEKER = "taro.yamada@example.jp"
STRANGER = "hanako@example.ne.jp"
REQUEST = """ハローワーク秋田 御中

オンライン職業相談の予約をお願いします。
氏名：山田 太郎
電話：090-3812-4456
希望日時：12月8日（火）14:00
"""


def threads(config):
    with Store(config.paths.state).snapshot() as tx:
        return {t["ref"]: t for t in tx.threads()}


def offer_for(sandbox, office, config, out, *, frm=SEEKER, text=REQUEST):
    sandbox.deliver(office, write(frm, office, "相談の予約", text))
    run_at(config, "2026-12-01T09:00+09:00")
    mails = out.new()
    return mails


def test_a_stranger_replying_to_the_offer_confirms_nothing(mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    offer = last(offer_for(mail_sandbox, office, bot_config, out), "offer", SEEKER)
    n = option(offer, r"12月8日.*14:00")
    # The offer was forwarded: a stranger replies to it, with our Message-ID in In-Reply-To.
    mail_sandbox.deliver(office, reply_to(offer, STRANGER, office, f"{n}番でお願いします。", when="2026-12-01T10:00+09:00"))
    run_at(bot_config, "2026-12-01T10:00+09:00")
    mails = out.new()
    assert kinds(mails, STRANGER) == ["received"] and kinds(mails, STAFF) == ["staff_notice"]
    receipt = body(last(mails, "received", STRANGER))
    assert "山田" not in receipt and "12月8日" not in receipt and "AK-" not in receipt
    assert "AK-" not in str(last(mails, "received", STRANGER)["Subject"])
    assert last(mails, "staff_notice", STAFF)["X-Mailbot-Reason"] == "stranger"
    (thread,) = threads(bot_config).values()
    assert thread["state"] == "offered" and thread["booking"] is None
    # The seeker's own reply still books.
    mail_sandbox.deliver(office, reply_to(offer, SEEKER, office, f"{n}番でお願いします。", when="2026-12-01T11:00+09:00"))
    run_at(bot_config, "2026-12-01T11:00+09:00")
    assert kinds(out.new(), SEEKER) == ["confirmed"]


@pytest.mark.parametrize("text", ["予約をキャンセルします。", "キャンセルでお願いします"])
def test_a_stranger_cannot_cancel_someone_elses_booking(mail_sandbox, office, bot_config, text):
    out = Outbox(mail_sandbox)
    offer = last(offer_for(mail_sandbox, office, bot_config, out), "offer", SEEKER)
    mail_sandbox.deliver(office, reply_to(offer, SEEKER, office, f"{option(offer, '14:00')}番で", when="2026-12-01T10:00+09:00"))
    run_at(bot_config, "2026-12-01T10:00+09:00")
    confirmation = last(out.new(), "confirmed", SEEKER)
    mail_sandbox.deliver(office, reply_to(confirmation, STRANGER, office, text, when="2026-12-02T10:00+09:00"))
    run_at(bot_config, "2026-12-02T10:00+09:00")
    mails = out.new()
    assert kinds(mails, SEEKER) == [] and kinds(mails, STRANGER) == ["received"]
    (thread,) = threads(bot_config).values()
    assert thread["state"] == "confirmed" and thread["holds"]


def test_a_reference_in_the_subject_alone_authorises_nothing(mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    offer = last(offer_for(mail_sandbox, office, bot_config, out), "offer", SEEKER)
    ref = str(offer["Subject"]).split("予約番号 ")[1].rstrip("]")
    mail_sandbox.deliver(office, write(STRANGER, office, f"Re: [予約番号 {ref}]", "1番でお願いします。",
                                       when="2026-12-01T10:00+09:00"))
    run_at(bot_config, "2026-12-01T10:00+09:00")
    assert kinds(out.new(), SEEKER) == []
    assert threads(bot_config)[ref]["state"] == "offered"


def test_a_forged_message_id_ties_the_mail_to_no_conversation(mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    offer = last(offer_for(mail_sandbox, office, bot_config, out), "offer", SEEKER)
    real = str(offer["Message-ID"])
    local, domain = real.strip("<>").split("@")
    forged = "<" + local.rsplit(".", 1)[0] + ".aaaaaaaaaaaaa@" + domain + ">"   # same shape, bad signature
    assert forged != real and forged.count("@") == 1
    raw = write(SEEKER, office, "Re: " + str(offer["Subject"]), "1番でお願いします。",
                when="2026-12-01T10:00+09:00", in_reply_to=forged)
    mail_sandbox.deliver(office, raw)
    run_at(bot_config, "2026-12-01T10:00+09:00")
    mails = out.new()
    assert "confirmed" not in kinds(mails)
    assert last(mails, "staff_notice", STAFF)["X-Mailbot-Reason"] == "forged_reference"


def test_a_third_party_request_goes_to_the_contact_address_which_alone_may_answer(
        mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    text = REQUEST + f"連絡先メールアドレス：{STRANGER}\n"
    mails = offer_for(mail_sandbox, office, bot_config, out, frm=SEEKER, text=text)
    assert kinds(mails, STRANGER) == ["offer"] and kinds(mails, SEEKER) == ["redirected"]
    note = body(last(mails, "redirected", SEEKER))
    assert STRANGER in note and "14:00" not in note
    offer = last(mails, "offer", STRANGER)
    n = option(offer, "14:00")
    # The writer replies to the note: not the address the offer went to.
    mail_sandbox.deliver(office, reply_to(last(mails, "redirected", SEEKER), SEEKER, office, f"{n}番で",
                                          when="2026-12-01T10:00+09:00"))
    run_at(bot_config, "2026-12-01T10:00+09:00")
    assert "confirmed" not in kinds(out.new())
    mail_sandbox.deliver(office, reply_to(offer, STRANGER, office, f"{n}番でお願いします", when="2026-12-01T11:00+09:00"))
    run_at(bot_config, "2026-12-01T11:00+09:00")
    assert kinds(out.new(), STRANGER) == ["confirmed"]


def test_many_requests_naming_one_victim_stop_at_the_recipient_cap(mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    cap = 10
    for i in range(14):
        mail_sandbox.add_user(f"attacker{i}@example.org", "pw")
        text = REQUEST.replace("山田 太郎", f"偽名 {i}") + f"連絡先メール：{STRANGER}\n"
        mail_sandbox.deliver(office, write(f"attacker{i}@example.org", office, "予約", text))
    run_at(bot_config, "2026-12-01T09:00+09:00")
    mails = out.new()
    to_victim = kinds(mails, STRANGER)
    assert len(to_victim) == cap + 1 and to_victim.count("limit_reached") == 1
    assert "recipient_cap" in [m["X-Mailbot-Reason"] for k, r, m in mails if k == "staff_notice"]


def test_a_sender_over_the_daily_cap_gets_one_last_notice(mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    for i in range(13):
        mail_sandbox.deliver(office, write(SEEKER, office, f"予約 {i}", REQUEST.replace("14:00", f"1{i % 6}:00")))
    run_at(bot_config, "2026-12-01T09:00+09:00")
    mails = out.new()
    assert kinds(mails, SEEKER).count("limit_reached") == 1
    assert len(kinds(mails, SEEKER)) <= 11
    # The next day the seeker is answered again.
    mail_sandbox.deliver(office, write(SEEKER, office, "予約", REQUEST, when="2026-12-02T08:00+09:00"))
    run_at(bot_config, "2026-12-02T09:00+09:00")
    assert kinds(out.new(), SEEKER)


def bounce_for(original, office: str, recipient: str) -> bytes:
    """A Postfix-style DSN returning `original` (its headers in text/rfc822-headers)."""
    headers = "".join(f"{k}: {v}\r\n" for k, v in original.items() if k in ("From", "To", "Subject", "Message-ID", "Date"))
    boundary = "dsn-boundary-1"
    return (f"From: MAILER-DAEMON@mx.example.jp\r\nTo: {office}\r\nSubject: Undelivered Mail Returned to Sender\r\n"
            f"Date: Tue, 01 Dec 2026 09:05:00 +0900\r\nMessage-ID: <dsn-1@mx.example.jp>\r\nAuto-Submitted: auto-replied\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"{boundary}\"\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n"
            f"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.jp\r\n\r\n"
            f"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n"
            f"Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n{headers}\r\n--{boundary}--\r\n").encode("utf-8")


def test_a_bounce_marks_the_address_and_stops_mail_until_staff_clear_it(mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    offer = last(offer_for(mail_sandbox, office, bot_config, out), "offer", SEEKER)
    mail_sandbox.deliver(office, bounce_for(offer, office, SEEKER))
    run_at(bot_config, "2026-12-01T09:10+09:00")
    mails = out.new()
    assert kinds(mails, SEEKER) == [] and last(mails, "staff_notice", STAFF)["X-Mailbot-Reason"] == "bounced"
    (thread,) = threads(bot_config).values()
    assert thread["undeliverable"]["address"] == SEEKER
    # The seeker writes again (from a phone, say): nothing more goes to the dead address.
    mail_sandbox.deliver(office, write(SEEKER, office, "予約の件", "1番でお願いします", when="2026-12-01T10:00+09:00"))
    run_at(bot_config, "2026-12-01T10:00+09:00")
    assert kinds(out.new(), SEEKER) == []


def test_failed_dmarc_on_a_booking_change_goes_to_staff(mail_sandbox, office, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    path = write_bot_config(tmp_path / "mailbot.toml", mail_sandbox, office, state=tmp_path / "state", terms=terms)
    path.write_text(path.read_text(encoding="utf-8") + '\n[trust]\nauthserv_id = "mx.akita-hw.example.jp"\n',
                    encoding="utf-8")
    config = load_config(path, {})
    out = Outbox(mail_sandbox)
    offer = last(offer_for(mail_sandbox, office, config, out), "offer", SEEKER)
    forged_from = {"Authentication-Results": "mx.akita-hw.example.jp; spf=fail smtp.mailfrom=example.jp; dmarc=fail header.from=example.jp"}
    mail_sandbox.deliver(office, reply_to(offer, SEEKER, office, "1番でお願いします", when="2026-12-01T10:00+09:00",
                                          headers=forged_from))
    run_at(config, "2026-12-01T10:00+09:00")
    mails = out.new()
    assert "confirmed" not in kinds(mails)
    assert last(mails, "staff_notice", STAFF)["X-Mailbot-Reason"] == "dmarc_fail"
    # An Authentication-Results header from anyone else's server is not believed.
    other = {"Authentication-Results": "evil.example; dmarc=fail"}
    mail_sandbox.deliver(office, reply_to(offer, SEEKER, office, "1番でお願いします", when="2026-12-01T11:00+09:00",
                                          headers=other))
    run_at(config, "2026-12-01T11:00+09:00")
    assert kinds(out.new(), SEEKER) == ["confirmed"]


def test_caps_hold_with_the_daemon_running_on_the_real_clock(mail_sandbox, office, bot_config_path, spawn):
    """Measured before: a running daemon answered 50 requests from one sender with 50 offers."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    out = Outbox(mail_sandbox)
    spawn("--config", bot_config_path, "run", MAILBOT_IMAP__POLL_SECONDS="1")
    now = datetime.now(ZoneInfo("Asia/Tokyo")).isoformat(timespec="seconds")
    for i in range(15):
        mail_sandbox.deliver(office, write(SEEKER, office, f"予約 {i}", REQUEST, when=now))
    import time
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len([k for k, r, _ in out.new_peek() if r == SEEKER]) < 11:
        time.sleep(0.3)
    time.sleep(2)                                   # anything more would have arrived by now
    mails = out.new()
    to_seeker = kinds(mails, SEEKER)
    assert len(to_seeker) == 11 and to_seeker.count("limit_reached") == 1, to_seeker
    assert "sender_cap" in [m["X-Mailbot-Reason"] for k, r, m in mails if k == "staff_notice"]
