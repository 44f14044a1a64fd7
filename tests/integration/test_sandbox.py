"""The sandbox itself: real Dovecot + SMTP on loopback, as every integration test assumes."""

from __future__ import annotations

import smtplib
import socket

import pytest

from mailbot.sandbox import MailSandbox

RAW = b"From: a@example.jp\r\nTo: office@akita-hw.example.jp\r\nSubject: hello\r\n\r\nbody\r\n"


def test_lmtp_delivery_is_readable_over_imap(mail_sandbox, office):
    mail_sandbox.deliver(office, RAW)
    client = mail_sandbox.imap(office)
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 1
        caps = set(client.capabilities())
        assert {b"IDLE", b"MOVE", b"UIDPLUS"} <= caps
        for name in ("Processed", "NeedsStaff", "Sent"):
            client.create_folder(name)
        names = {name for _flags, _sep, name in client.list_folders()}
        assert {"INBOX", "Processed", "NeedsStaff", "Sent"} <= names
    finally:
        client.logout()


def test_smtp_records_everything_and_delivers_local_recipients(mail_sandbox, office, seekers):
    with smtplib.SMTP(mail_sandbox.host, mail_sandbox.smtp_port, timeout=10) as smtp:
        smtp.sendmail(office, [seekers[0], "someone@elsewhere.example"], RAW)
    [accepted] = mail_sandbox.accepted
    assert accepted.mail_from == office
    assert accepted.rcpt_tos == (seekers[0], "someone@elsewhere.example")
    assert b"Subject: hello" in accepted.raw
    client = mail_sandbox.imap(seekers[0])
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 1
    finally:
        client.logout()


def test_added_user_can_log_in_and_receive(mail_sandbox):
    mail_sandbox.add_user("new@example.jp", "fresh-pw")
    mail_sandbox.deliver("new@example.jp", RAW)
    client = mail_sandbox.imap("new@example.jp")
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 1
    finally:
        client.logout()


def test_stop_is_idempotent_and_frees_everything():
    sb = MailSandbox(users={"u@example.jp": "pw"})
    sb.start()
    root, port = sb.root, sb.imap_port
    sb.stop()
    sb.stop()
    assert root is not None and not root.exists()
    with pytest.raises(OSError):
        socket.create_connection((sb.host, port), timeout=1).close()


def test_a_port_taken_meanwhile_is_retried_on_new_ports(monkeypatch):
    import mailbot.sandbox as sandbox

    with socket.socket() as taken:
        taken.bind((sandbox.HOST, 0))
        taken.listen()
        busy = taken.getsockname()[1]
        ports = iter([busy, busy])
        real = sandbox.free_port
        monkeypatch.setattr(sandbox, "free_port", lambda: next(ports, None) or real())
        with MailSandbox(users={"u@example.jp": "pw"}) as sb:
            assert sb.imap_port != busy
            sb.imap("u@example.jp").logout()
