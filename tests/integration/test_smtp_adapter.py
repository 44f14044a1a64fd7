"""send_messages against the sandbox SMTP server, read back over IMAP as the seeker would."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from mailbot.mail.smtp import recipients, send_messages, wire_bytes


def reply(to: str, subject: str, body: str, sender: str = "office@akita-hw.example.jp") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"ハローワーク秋田 <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="akita-hw.example.jp")
    msg.set_content(body, charset="utf-8")
    return msg


SUBJECT = "【ハローワーク秋田】オンライン職業相談のご予約について [予約番号 AK-2612-0001]"


def test_sent_mail_lands_in_the_seekers_inbox(mail_sandbox, office, seekers):
    msg = reply(seekers[0], SUBJECT, "山田様\n以下の日時からお選びください。\n")
    [result] = send_messages(mail_sandbox.smtp_settings(office), [msg])
    assert result.ok and result.error is None and result.message_id == msg["Message-ID"]
    assert result.raw == wire_bytes(msg)
    [accepted] = mail_sandbox.accepted
    assert accepted.mail_from == office and accepted.rcpt_tos == (seekers[0],)

    client = mail_sandbox.imap(seekers[0])
    try:
        client.select_folder("INBOX")
        [(uid, data)] = client.fetch(client.search(), ["BODY.PEEK[]"]).items()
    finally:
        client.logout()
    got = email.message_from_bytes(data[b"BODY[]"], policy=email.policy.default)
    assert got["Subject"] == SUBJECT
    assert got["Message-ID"] == msg["Message-ID"]
    assert "以下の日時からお選びください" in got.get_content()


def test_batch_reports_each_message_and_uses_to_and_cc(mail_sandbox, office, seekers):
    first = reply(seekers[0], "1", "a\n")
    first["Cc"] = seekers[1]
    empty = reply("", "2", "b\n")
    del empty["To"]
    third = reply(seekers[1], "3", "c\n")
    results = send_messages(mail_sandbox.smtp_settings(office), [first, empty, third])
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == "NoRecipients"
    assert mail_sandbox.accepted[0].rcpt_tos == (seekers[0], seekers[1])
    assert len(mail_sandbox.accepted) == 2


def test_bcc_is_delivered_but_not_shown(mail_sandbox, office, seekers):
    msg = reply(seekers[0], "bcc", "x\n")
    msg["Bcc"] = seekers[1]
    assert recipients(msg) == [seekers[0], seekers[1]]
    [result] = send_messages(mail_sandbox.smtp_settings(office), [msg])
    assert result.ok and b"Bcc" not in mail_sandbox.accepted[0].raw


def test_auth_is_used_when_a_username_is_set(mail_sandbox, office, seekers):
    good = mail_sandbox.smtp_settings(office, username=office, password=mail_sandbox.users[office])
    assert send_messages(good, [reply(seekers[0], "auth", "x\n")])[0].ok
    bad = mail_sandbox.smtp_settings(office, username=office, password="wrong-secret")
    [result] = send_messages(bad, [reply(seekers[0], "auth", "x\n")], attempts=1)
    assert not result.ok and result.error == "SMTPAuthenticationError"
    assert "wrong-secret" not in repr(result)


def test_unreachable_server_fails_with_class_name_after_retries(mail_sandbox, office, seekers):
    settings = mail_sandbox.smtp_settings(office, timeout_seconds=2)
    mail_sandbox.stop()
    [result] = send_messages(settings, [reply(seekers[0], "x", "y\n")], attempts=2)
    assert not result.ok and result.error in {"SMTPConnectError", "ConnectionRefusedError", "OSError"}
