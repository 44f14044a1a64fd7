"""Filing errors against a real Dovecot whose folder the mail processes cannot write (as a wrong
owner or a read-only mount does): answering goes on, the failure is recorded, and filing is
retried later; the copy to Sent is made once, checked by Message-ID."""

from __future__ import annotations

from datetime import datetime, timedelta

from mailbot.mail.imap import ImapMailbox
from mailbot.store import Store
from tests.integration.mailflow import seeker_accepted, sent_to_seekers, staff_reasons
from tests.integration.test_daemon import NOW, booking, count, run_once

T0 = datetime.fromisoformat(NOW)


def at(minutes: float) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat()


def unfiled(config) -> dict:
    with Store(config.paths.state).snapshot() as tx:
        return tx.meta("unfiled") or {}


def test_an_unwritable_processed_folder_does_not_stop_answering(bot_config, mail_sandbox, office,
                                                                seekers, caplog):
    first, second = seekers
    run_once(bot_config)                                   # folders exist
    mail_sandbox.make_unwritable(office, "Processed")
    mail_sandbox.deliver(office, booking(first, office, "<file-1@example.jp>"))
    with caplog.at_level("INFO", logger="mailbot"):
        run_once(bot_config)
    assert count(mail_sandbox, first) == 1                 # answered all the same
    assert count(mail_sandbox, office) == 1 and sent_to_seekers(mail_sandbox, office) == 1
    [(key, entry)] = unfiled(bot_config).items()
    assert key.startswith("INBOX:") and entry["folder"] == "Processed" and entry["attempts"] == 1
    assert "Internal error occurred" in entry["reason"]    # what Dovecot answered to MOVE
    assert entry["next_attempt_at"] == at(1)
    assert "could not be filed in Processed" in caplog.text

    # Another mail while the folder is still broken: answered too; the first waits its backoff.
    mail_sandbox.deliver(office, booking(second, office, "<file-2@example.jp>"))
    run_once(bot_config, at(0.5))
    assert count(mail_sandbox, second) == 1
    entries = unfiled(bot_config)
    assert len(entries) == 2 and entries[key]["attempts"] == 1

    mail_sandbox.make_unwritable(office, "Processed", writable=True)
    run_once(bot_config, at(2))
    assert unfiled(bot_config) == {}
    assert count(mail_sandbox, office) == 0 and count(mail_sandbox, office, "Processed") == 2
    assert count(mail_sandbox, first) == 1 and count(mail_sandbox, second) == 1   # no second reply
    assert seeker_accepted(mail_sandbox) == 2


def test_a_filing_cut_short_is_finished_on_the_next_cycle(bot_config, mail_sandbox, office, seekers,
                                                          monkeypatch):
    # The keyword was set, then the connection died before the MOVE: the mail must not stay in
    # the inbox forever (it is no longer "unhandled" to the server).
    mail_sandbox.deliver(office, booking(seekers[0], office, "<cut-1@example.jp>"))
    real_move = ImapMailbox.file_many

    def keyword_only(self, keywords, folder):
        self._c.add_flags(sorted(keywords), ["$MailbotDone"], silent=True)

    monkeypatch.setattr(ImapMailbox, "file_many", keyword_only)
    run_once(bot_config)
    assert count(mail_sandbox, office) == 1
    monkeypatch.setattr(ImapMailbox, "file_many", real_move)
    run_once(bot_config, at(1))
    assert count(mail_sandbox, office) == 0 and count(mail_sandbox, office, "Processed") == 1
    assert count(mail_sandbox, seekers[0]) == 1


def test_an_unwritable_sent_folder_is_retried_and_copied_once(bot_config, mail_sandbox, office, seekers):
    seeker = seekers[0]
    run_once(bot_config)
    mail_sandbox.make_unwritable(office, "Sent")
    mail_sandbox.deliver(office, booking(seeker, office, "<sent-1@example.jp>"))
    run_once(bot_config)
    assert count(mail_sandbox, seeker) == 1 and count(mail_sandbox, office, "Processed") == 1
    [(key, entry)] = unfiled(bot_config).items()
    assert key.startswith("outbox:OB") and entry["folder"] == "Sent"
    mail_sandbox.make_unwritable(office, "Sent", writable=True)
    run_once(bot_config, at(0.5))                          # not due yet
    assert sent_to_seekers(mail_sandbox, office) == 0
    run_once(bot_config, at(1))
    assert sent_to_seekers(mail_sandbox, office) == 1 and unfiled(bot_config) == {}
    run_once(bot_config, at(2))
    assert sent_to_seekers(mail_sandbox, office) == 1 and seeker_accepted(mail_sandbox) == 1


def test_the_copy_to_sent_is_not_doubled_after_a_lost_mark(bot_config, mail_sandbox, office, seekers):
    # A crash after APPEND but before the store recorded it: the redo finds it in Sent.
    mail_sandbox.deliver(office, booking(seekers[0], office, "<lost-mark@example.jp>"))
    run_once(bot_config)
    assert sent_to_seekers(mail_sandbox, office) == 1
    with Store(bot_config.paths.state).transaction() as tx:
        [item] = tx.outbox()
        tx.update_outbox(item["id"], copied=False)
    run_once(bot_config, at(1))
    assert sent_to_seekers(mail_sandbox, office) == 1
    with Store(bot_config.paths.state).snapshot() as tx:
        assert tx.outbox()[0]["copied"] is True


def test_sent_has_finds_a_message_id_exactly(mail_sandbox, office):
    box = ImapMailbox(mail_sandbox.imap_settings(office, timeout_seconds=5))
    with box:
        box.ensure_folders()
        raw = b"From: office@akita-hw.example.jp\r\nMessage-ID: <AK-1.xyz@akita-hw.example.jp>\r\n\r\nok\r\n"
        assert box.sent_has("<AK-1.xyz@akita-hw.example.jp>") is False
        assert box.append_sent(raw, T0, "<AK-1.xyz@akita-hw.example.jp>") is True
        assert box.sent_has("<AK-1.xyz@akita-hw.example.jp>") and box.sent_has("AK-1.xyz@akita-hw.example.jp")
        assert not box.sent_has("<AK-1.xyz@akita-hw.example>")
        # IMAP SEARCH matches case-insensitively; Message-IDs are compared exactly.
        assert not box.sent_has("<ak-1.XYZ@akita-hw.example.jp>")
        assert box.append_sent(raw, T0, "<AK-1.xyz@akita-hw.example.jp>") is False
        assert box.select_inbox().folder == "INBOX"              # the watched folder is back
    assert sent_to_seekers(mail_sandbox, office) == 1


def test_without_keyword_support_a_refused_filing_waits_for_its_retry(bot_config, mail_sandbox,
                                                                      office, seekers, monkeypatch):
    # Exchange keeps no custom keywords: the handled mail is seen again every cycle, and must
    # neither be answered again nor hammer the server before its retry time.
    real_select = ImapMailbox.select_inbox

    def no_keywords(self):
        state = real_select(self)
        self._supports_keywords = False
        return state

    monkeypatch.setattr(ImapMailbox, "select_inbox", no_keywords)
    seeker = seekers[0]
    run_once(bot_config)
    mail_sandbox.make_unwritable(office, "Processed")
    mail_sandbox.deliver(office, booking(seeker, office, "<nokw-1@example.jp>"))
    run_once(bot_config)
    run_once(bot_config, at(0.5))
    [entry] = unfiled(bot_config).values()
    assert entry["attempts"] == 1 and count(mail_sandbox, office) == 1
    mail_sandbox.make_unwritable(office, "Processed", writable=True)
    run_once(bot_config, at(1))
    assert unfiled(bot_config) == {} and count(mail_sandbox, office, "Processed") == 1
    assert count(mail_sandbox, seeker) == 1 and seeker_accepted(mail_sandbox) == 1
