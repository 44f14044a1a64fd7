"""ImapMailbox against real Dovecot: read, file, append, IDLE, dropped connections."""

from __future__ import annotations

import email
import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from email.header import decode_header, make_header

import pytest
from imapclient.exceptions import IMAPClientError

from mailbot.mail.imap import DONE_KEYWORD, ConnectionLost, ImapMailbox

JST = timezone(timedelta(hours=9))


def iso2022jp_mail(subject: str, body: str, sender: str = "taro.yamada@example.jp") -> bytes:
    """A classic 7-bit ISO-2022-JP mail, as Japanese mail clients send it."""
    from email.header import Header

    head = (
        f"From: {Header('山田太郎', 'iso-2022-jp').encode()} <{sender}>\r\n"
        "To: office@akita-hw.example.jp\r\n"
        f"Subject: {Header(subject, 'iso-2022-jp').encode()}\r\n"
        "Message-ID: <req-1@example.jp>\r\n"
        "Date: Tue, 24 Nov 2026 10:00:00 +0900\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=ISO-2022-JP\r\n"
        "Content-Transfer-Encoding: 7bit\r\n\r\n"
    )
    return head.encode("ascii") + body.replace("\n", "\r\n").encode("iso2022_jp")


SUBJECT = "オンライン職業相談の予約希望"
BODY = "山田太郎です。\n12月3日（木）14時から相談を希望します。\n電話 090-1234-5678\n"


@pytest.fixture
def mailbox(mail_sandbox, office):
    box = ImapMailbox(mail_sandbox.imap_settings(office, timeout_seconds=5))
    box.connect()
    box.ensure_folders(("Processed", "NeedsStaff", "Sent"))
    yield box
    box.close()


def test_reads_japanese_mail_and_files_it(mail_sandbox, office, mailbox):
    raw = iso2022jp_mail(SUBJECT, BODY)
    mail_sandbox.deliver(office, raw)
    [uid] = mailbox.unhandled_uids()
    fetched = mailbox.fetch(uid)
    assert fetched is not None and fetched.endswith(raw)  # after Dovecot's Return-Path/Received
    msg = email.message_from_bytes(fetched)
    assert str(make_header(decode_header(msg["Subject"]))) == SUBJECT
    assert msg.get_payload(decode=True).decode("iso2022_jp") == BODY.replace("\n", "\r\n")

    mailbox.file(uid, "Processed")
    assert mailbox.unhandled_uids() == []

    client = mail_sandbox.imap(office)
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
        client.select_folder("Processed")
        [(puid, data)] = client.fetch(client.search(), ["FLAGS"]).items()
        assert DONE_KEYWORD.encode() in data[b"FLAGS"]
        assert b"\\Seen" not in data[b"FLAGS"]  # fetch used BODY.PEEK
    finally:
        client.logout()


def test_keyword_marks_handled_even_before_the_move(mail_sandbox, office, mailbox):
    mail_sandbox.deliver(office, iso2022jp_mail("a", "1\n"))
    mail_sandbox.deliver(office, iso2022jp_mail("b", "2\n"))
    uids = mailbox.unhandled_uids()
    assert len(uids) == 2 and mailbox.supports_keywords
    mailbox._c.add_flags([uids[0]], [DONE_KEYWORD])  # crash between flag and move
    assert mailbox.unhandled_uids() == [uids[1]]
    assert mailbox.fetch(999) is None


def test_created_folders_are_subscribed_for_mail_clients(mail_sandbox, office, mailbox):
    client = mail_sandbox.imap(office)
    try:
        subscribed = {name for _flags, _sep, name in client.list_sub_folders()}
    finally:
        client.logout()
    assert {"Processed", "NeedsStaff", "Sent"} <= subscribed
    mailbox.ensure_folders(("Processed", "NeedsStaff", "Sent"))  # idempotent


def test_folder_state_and_uidvalidity(mail_sandbox, office, mailbox):
    state = mailbox.select_inbox()
    assert state.folder == "INBOX" and state.uidvalidity == mailbox.uidvalidity > 0
    mail_sandbox.deliver(office, iso2022jp_mail("x", "y\n"))
    assert mailbox.select_inbox().exists == 1


def test_append_sent_is_seen_and_dated(mail_sandbox, office, mailbox):
    when = datetime(2026, 11, 24, 10, 30, tzinfo=JST)
    raw = b"From: office@akita-hw.example.jp\r\nTo: taro.yamada@example.jp\r\nSubject: re\r\n\r\nok\r\n"
    mailbox.append_sent(raw, when)
    client = mail_sandbox.imap(office)
    try:
        client.select_folder("Sent")
        [(uid, data)] = client.fetch(client.search(), ["FLAGS", "INTERNALDATE", "BODY.PEEK[]"]).items()
        assert b"\\Seen" in data[b"FLAGS"]
        assert data[b"INTERNALDATE"].astimezone(JST) == when
        assert data[b"BODY[]"] == raw
    finally:
        client.logout()


def test_idle_wakes_up_on_new_mail(mail_sandbox, office, mailbox):
    timer = threading.Timer(0.5, mail_sandbox.deliver, (office, iso2022jp_mail("new", "x\n")))
    timer.start()
    started = time.monotonic()
    assert mailbox.wait_for_change(10) is True
    assert time.monotonic() - started < 5
    timer.join()
    assert len(mailbox.unhandled_uids()) == 1


def test_mail_delivered_while_another_folder_was_selected_ends_the_wait_at_once(
        mail_sandbox, office, mailbox):
    # The cycle scans the inbox, then looks in Sent; mail arriving meanwhile is announced to
    # nobody, and IDLE on the re-selected inbox would sit on it for a whole poll interval.
    assert mailbox.unhandled_uids() == []
    mailbox.ensure_folders()
    mailbox.sent_has("<not-there@akita-hw.example.jp>")
    mail_sandbox.deliver(office, iso2022jp_mail("meanwhile", "x\n"))
    mailbox.select_inbox()
    started = time.monotonic()
    assert mailbox.wait_for_change(30) is True
    assert time.monotonic() - started < 2
    assert len(mailbox.unhandled_uids()) == 1
    assert mailbox.wait_for_change(0.3) is False        # seen by that scan: no longer news


def test_idle_times_out_quietly_and_restarts(mail_sandbox, office):
    box = ImapMailbox(mail_sandbox.imap_settings(office, timeout_seconds=5), idle_restart_s=0.3)
    with box:
        started = time.monotonic()
        assert box.wait_for_change(1.0) is False
        assert 0.9 < time.monotonic() - started < 3
        assert box.unhandled_uids() == []  # still usable


def test_kicked_connection_during_idle_raises_not_spins(mail_sandbox, office, mailbox):
    threading.Timer(0.5, mail_sandbox.kick, (office,)).start()
    started = time.monotonic()
    with pytest.raises((ConnectionLost, IMAPClientError, OSError)):
        mailbox.wait_for_change(30)
    assert time.monotonic() - started < 5
    assert not mailbox.connected
    mailbox.connect()  # reconnect works
    assert mailbox.unhandled_uids() == []


def test_socket_closed_under_the_client_raises(mail_sandbox, office, mailbox):
    mailbox._c._imap.sock.shutdown(socket.SHUT_RDWR)
    with pytest.raises((ConnectionLost, IMAPClientError, OSError)):
        mailbox.wait_for_change(30)
    with pytest.raises((ConnectionLost, IMAPClientError, OSError)):
        mailbox.unhandled_uids()


def test_server_restart_on_other_ports_is_a_connection_error(mail_sandbox, office, mailbox):
    mail_sandbox.stop()
    with pytest.raises((ConnectionLost, IMAPClientError, OSError)):
        mailbox.unhandled_uids()
    mailbox.close()
    with pytest.raises(OSError):
        mailbox.connect()


def test_copy_fallback_without_move(mail_sandbox, office, mailbox, monkeypatch):
    mail_sandbox.deliver(office, iso2022jp_mail("a", "1\n"))
    [uid] = mailbox.unhandled_uids()
    caps = mailbox._c.capabilities()
    monkeypatch.setattr(mailbox._c, "capabilities", lambda: tuple(c for c in caps if c != b"MOVE"))
    mailbox.file(uid, "NeedsStaff")
    client = mail_sandbox.imap(office)
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
        assert client.select_folder("NeedsStaff")[b"EXISTS"] == 1
    finally:
        client.logout()


def test_a_batch_is_fetched_and_filed_per_folder_with_its_keywords(mail_sandbox, office, mailbox):
    for i in range(5):
        mail_sandbox.deliver(office, iso2022jp_mail(f"m{i}", f"{i}\n"))
    uids = mailbox.unhandled_uids()
    got = mailbox.fetch_capped_many(uids + [99_999], 10_000_000)
    assert sorted(got) == uids and all(size == len(raw) for size, raw in got.values())
    assert got[uids[0]][1] == mailbox.fetch(uids[0])
    mailbox.file_many({uids[0]: (), uids[1]: (), uids[2]: ()}, "Processed")
    mailbox.file_many({uids[3]: ("$Ref_AK-2612-0001", "$Reason_x"), uids[4]: ("$Reason_x",)},
                      "NeedsStaff")
    assert mailbox.unhandled_uids() == [] and mailbox.unfiled_uids() == []
    client = mail_sandbox.imap(office)
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
        assert client.select_folder("Processed")[b"EXISTS"] == 3
        client.select_folder("NeedsStaff")
        flags = sorted(sorted(f for f in data[b"FLAGS"] if f != b"\\Recent")
                       for data in client.fetch(client.search(), ["FLAGS"]).values())
        assert flags == [[DONE_KEYWORD.encode(), b"$Reason_x"],
                         [DONE_KEYWORD.encode(), b"$Reason_x", b"$Ref_AK-2612-0001"]]
    finally:
        client.logout()


def test_a_batch_is_filed_by_copy_without_move(mail_sandbox, office, mailbox, monkeypatch):
    for i in range(3):
        mail_sandbox.deliver(office, iso2022jp_mail(f"m{i}", f"{i}\n"))
    uids = mailbox.unhandled_uids()
    caps = mailbox._c.capabilities()
    monkeypatch.setattr(mailbox._c, "capabilities", lambda: tuple(c for c in caps if c != b"MOVE"))
    mailbox.file_many({uid: () for uid in uids}, "Processed")
    client = mail_sandbox.imap(office)
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
        assert client.select_folder("Processed")[b"EXISTS"] == 3
    finally:
        client.logout()


def test_server_killed_during_idle_raises_quickly(mail_sandbox, office, mailbox):
    threading.Timer(0.5, mail_sandbox.stop).start()
    started = time.monotonic()
    with pytest.raises((ConnectionLost, IMAPClientError, OSError)):
        mailbox.wait_for_change(30)
    assert time.monotonic() - started < 5


def test_polls_with_noop_when_the_server_has_no_idle(mail_sandbox, office, mailbox, monkeypatch):
    caps = mailbox._c.capabilities()
    monkeypatch.setattr(mailbox._c, "capabilities", lambda: tuple(c for c in caps if c != b"IDLE"))
    started = time.monotonic()
    assert mailbox.wait_for_change(0.3) is False
    assert time.monotonic() - started >= 0.3
    mail_sandbox.deliver(office, iso2022jp_mail("new", "x\n"))
    assert mailbox.wait_for_change(0.1) is True
