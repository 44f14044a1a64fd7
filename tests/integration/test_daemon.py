"""The daemon as the office runs it: `mailbot run` as a real process (and Bot cycles in-process
where a fault must be injected) against a real Dovecot + SMTP sandbox.

Covers start-up errors (settings, password, damaged state), --help, the single-daemon lock,
SIGTERM/SIGINT (also in the middle of a cycle), IDLE wake-up and reconnection, redo after a
crash between recording and filing/sending, SMTP outages, robustness over real-world mail, and
the staff review policy.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from email.utils import parseaddr
from pathlib import Path

import pytest

from mailbot.daemon import Bot, Clock
from mailbot.mail.imap import ConnectionLost, ImapMailbox
from mailbot.sandbox import free_port
from mailbot.store import Store
from tests.conftest import REPO, TERMS, copy_rules, write_bot_config
from tests.integration.test_booking_e2e import fetch_all, seeker_mail

NOW = "2026-12-01T09:00+09:00"
MAILBOT = [sys.executable, "-m", "mailbot.cli"]


# -- helpers -----------------------------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    """The test's environment without any MAILBOT_* settings of the machine, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env.update(extra)
    return env


def mailbot(*args: object, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the `mailbot` command to completion (env: MAILBOT_* overrides)."""
    return subprocess.run([*MAILBOT, *map(str, args)], capture_output=True, text=True, cwd=REPO,
                          env=_env(**env), timeout=timeout)


class Daemon:
    """A `mailbot … run` process; stderr goes to a file the test can poll."""

    def __init__(self, log_path: Path, *args: object, **env: str) -> None:
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen([*MAILBOT, *map(str, args)], stdout=self._log,
                                     stderr=subprocess.STDOUT, cwd=REPO, env=_env(**env))

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, times: int = 1, timeout: float = 10) -> None:
        """Until `text` has been logged `times` times (fails if the process exits first)."""
        deadline = time.monotonic() + timeout
        while self.log.count(text) < times:
            assert self.proc.poll() is None, f"daemon exited {self.proc.returncode}:\n{self.log}"
            assert time.monotonic() < deadline, f"no {text!r} x{times} after {timeout} s:\n{self.log}"
            time.sleep(0.05)

    def stop(self, signum: int, timeout: float = 5) -> tuple[int, float]:
        """Send `signum`; returns (exit status, seconds it took to exit)."""
        started = time.monotonic()
        self.proc.send_signal(signum)
        status = self.proc.wait(timeout=timeout)
        return status, time.monotonic() - started

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._log.close()


@pytest.fixture
def spawn(tmp_path) -> Iterator[Callable[..., Daemon]]:
    """Start `mailbot` processes (env: MAILBOT_* overrides); any still running at the end of
    the test are killed."""
    started: list[Daemon] = []

    def start(*args: object, **env: str) -> Daemon:
        daemon = Daemon(tmp_path / f"daemon-{len(started)}.log", *args, **env)
        started.append(daemon)
        return daemon

    yield start
    for daemon in started:
        daemon.kill()


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> float:
    """Poll `condition` every 0.1 s; returns the seconds it took, fails after `timeout`."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, f"{what}: not within {timeout} s"
        time.sleep(0.1)
    return time.monotonic() - started


def booking(seeker: str, office: str, message_id: str) -> bytes:
    """A complete first booking mail (name, wish, email, phone) with its own Message-ID."""
    msg = email.message_from_bytes(seeker_mail(seeker, office), policy=email.policy.default)
    msg.replace_header("Message-ID", message_id)
    return msg.as_bytes()


def out_of_office(sender: str, office: str) -> bytes:
    return (f"From: {sender}\r\nTo: {office}\r\nSubject: =?UTF-8?B?6Ieq5YuV5b+c562U?= (不在)\r\n"
            "Auto-Submitted: auto-replied\r\nMessage-ID: <ooo-1@example.ne.jp>\r\n"
            "Date: Tue, 01 Dec 2026 08:30:00 +0900\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "ただいま不在にしております。12月7日以降に順次返信いたします。\r\n").encode()


def count(sandbox, user: str, folder: str = "INBOX") -> int:
    client = sandbox.imap(user)
    try:
        return int(client.select_folder(folder, readonly=True)[b"EXISTS"])
    finally:
        client.logout()


def run_once(config, now: str = NOW) -> None:
    Bot.from_config(config, Clock(datetime.fromisoformat(now))).run(once=True)


# -- 1, 2: start-up, errors and help -----------------------------------------------------------


def test_run_once_on_empty_mailbox_exits_0(bot_config_path, mail_sandbox, office):
    result = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    folders = {name for *_, name in _list_folders(mail_sandbox, office)}
    assert {"Processed", "NeedsStaff", "Sent"} <= folders


def _list_folders(sandbox, user: str):
    client = sandbox.imap(user)
    try:
        return client.list_folders()
    finally:
        client.logout()


@pytest.mark.parametrize("edit, env, named", [
    (("[imap]\n", "[imap]\npoll_secs = 5\n"), {}, "poll_secs"),
    (('security = "none"\nusername = ""', 'security = "tls"\nusername = ""'), {}, "[smtp] security"),
    ((), {"MAILBOT_IMAP__PORT": "imap"}, "MAILBOT_IMAP__PORT"),
    ((), {"MAILBOT_SMTP__FROM": "x@example.jp"}, "MAILBOT_SMTP__FROM"),
], ids=["unknown-key", "bad-value", "bad-env-value", "unknown-env-key"])
def test_bad_setting_stops_with_one_line_naming_it(bot_config_path, edit, env, named):
    if edit:
        text = bot_config_path.read_text(encoding="utf-8")
        assert edit[0] in text
        bot_config_path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = mailbot("--config", bot_config_path, "run", "--once", **env)
    assert result.returncode != 0
    (line,) = result.stderr.strip().splitlines()
    assert named in line, line


def test_wrong_imap_password_is_one_line_without_the_password(bot_config_path, mail_sandbox,
                                                              office):
    # A sandbox of its own (every test has one): Dovecot delays the next login after a failure.
    path = bot_config_path
    wrong = "Wr0ng-Pa55word-xyzzy"
    # -v: even debug logging must not show it; no --once: the daemon must not retry forever.
    result = mailbot("--config", path, "-v", "run", timeout=30, MAILBOT_IMAP__PASSWORD=wrong)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert wrong not in output and mail_sandbox.users[office] not in output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "IMAP login refused" in errors[0], result.stderr
    assert result.stderr.rstrip().endswith(errors[0])


def test_unreadable_state_is_one_line_for_the_daemon_and_staff(bot_config, bot_config_path):
    state = bot_config.paths.state
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    (state / "mailbot.json").write_text('{"threads": {', encoding="utf-8")   # a damaged file
    for command in (("run", "--once"), ("bookings",), ("outbox", "list")):
        result = mailbot("--config", bot_config_path, *command)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr, result.stderr
        (line,) = [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")]
        assert "mailbot.json" in line and "backup" in line, result.stderr


def test_help_lists_commands_and_no_password(bot_config_path):
    secret = "Hidden-Pa55-in-env"
    top = mailbot("--help", MAILBOT_CONFIG=str(bot_config_path), MAILBOT_IMAP__PASSWORD=secret)
    assert top.returncode == 0
    for command in ("run", "bookings", "outbox", "rules", "parse", "--config", "--verbose"):
        assert command in top.stdout
    run = mailbot("run", "--help", MAILBOT_CONFIG=str(bot_config_path), MAILBOT_IMAP__PASSWORD=secret)
    assert run.returncode == 0
    assert "--once" in run.stdout and "--now" in run.stdout
    for shown in (top.stdout + top.stderr, run.stdout + run.stderr):
        assert secret not in shown and "office-pw" not in shown


# -- 3: one daemon per state/, graceful stop ---------------------------------------------------


def test_second_daemon_refuses_and_sigterm_stops_the_first(bot_config_path, spawn):
    first = spawn("--config", bot_config_path, "run", "--now", NOW)
    first.wait_for("imap created folder Sent")       # connected, folders made, first cycle next

    second = mailbot("--config", bot_config_path, "run", "--now", NOW, timeout=20)
    assert second.returncode != 0
    (line,) = second.stderr.strip().splitlines()[-1:]
    assert "another mailbot daemon" in line and f"pid {first.proc.pid}" in line, second.stderr
    assert "Traceback" not in second.stderr
    # Staff commands keep working beside the daemon.
    assert mailbot("--config", bot_config_path, "bookings").returncode == 0

    status, took = first.stop(signal.SIGTERM)
    assert status == 0 and took < 3, first.log
    assert "stopped" in first.log and "Traceback" not in first.log
    # The lock went with it.
    assert mailbot("--config", bot_config_path, "run", "--once", "--now", NOW).returncode == 0


def test_sigterm_mid_cycle_stops_at_a_safe_point_and_nothing_is_sent_twice(
        bot_config_path, mail_sandbox, office, spawn):
    people = [f"seeker{i:02d}@example.org" for i in range(30)]   # not sandbox users: only recorded
    for i, person in enumerate(people):
        mail_sandbox.deliver(office, booking(person, office, f"<busy-{i}@example.org>"))
    daemon = spawn("--config", bot_config_path, "run", "--now", NOW)
    daemon.wait_for("intent=book")                  # the first message has been recorded
    status, took = daemon.stop(signal.SIGTERM)
    assert status == 0 and took < 5, daemon.log
    assert "stopped" in daemon.log and "Traceback" not in daemon.log
    left = count(mail_sandbox, office)
    sent_before = len(mail_sandbox.accepted)
    print(f"\nstopped with {left} of {len(people)} mails still in the inbox, {sent_before} sent")
    # It really stopped mid-cycle: mail is left unfiled or unanswered (a batch of mail is
    # recorded in one transaction; what was recorded is filed and sent by the next run).
    assert left > 0 or sent_before < len(people)

    assert mailbot("--config", bot_config_path, "run", "--once", "--now", NOW).returncode == 0
    assert count(mail_sandbox, office) == 0
    answered = sorted(to for a in mail_sandbox.accepted for to in a.rcpt_tos)
    assert answered == people                       # each seeker exactly once


def test_daemon_waits_out_an_unreachable_server_and_stops_during_the_backoff(bot_config_path,
                                                                             spawn):
    daemon = spawn("--config", bot_config_path, "run", "--now", NOW,
                   MAILBOT_IMAP__PORT=str(free_port()))     # nobody listens there
    daemon.wait_for("reconnecting in 2 s")          # refused twice, still running
    status, took = daemon.stop(signal.SIGTERM)
    assert status == 0 and took < 2, daemon.log     # the backoff sleep is cut short
    assert "Traceback" not in daemon.log


# -- 4: IDLE wakes the loop; a dropped connection is re-made -----------------------------------


def test_idle_wakes_the_daemon_and_it_reconnects_after_a_kick(bot_config_path, mail_sandbox,
                                                              office, seekers, spawn):
    # poll_seconds stays at its default (60 s): an answer within 15 s can only come from IDLE.
    daemon = spawn("--config", bot_config_path, "-v", "run", "--now", NOW)
    daemon.wait_for("waiting for new mail")

    delivered = time.monotonic()
    mail_sandbox.deliver(office, booking(seekers[0], office, "<idle-1@example.jp>"))
    daemon.wait_for("intent=book")
    # This one arrives while the daemon handles the first: the server announces it during that
    # cycle's commands, not to the next IDLE.
    late = "late@example.org"
    mail_sandbox.deliver(office, booking(late, office, "<idle-2@example.org>"))
    wait_until(lambda: count(mail_sandbox, seekers[0]) == 1, 15, "offer after IDLE")
    print(f"\nfirst offer {time.monotonic() - delivered:.2f} s after delivery")
    took = wait_until(lambda: any(late in a.rcpt_tos for a in mail_sandbox.accepted), 15,
                      "offer for mail that arrived during a cycle")
    print(f"offer for mail that arrived mid-cycle {took:.2f} s later")

    daemon.wait_for("waiting for new mail", times=2)
    mail_sandbox.kick(office)
    daemon.wait_for("reconnecting")
    mail_sandbox.deliver(office, booking(seekers[1], office, "<idle-3@example.jp>"))
    took = wait_until(lambda: count(mail_sandbox, seekers[1]) == 1, 15, "offer after reconnect")
    print(f"offer {took:.2f} s after delivery (after a kick)")

    assert count(mail_sandbox, office) == 0 and count(mail_sandbox, office, "Processed") == 3
    assert len(mail_sandbox.accepted) == 3
    status, took = daemon.stop(signal.SIGINT)
    assert status == 0 and took < 3, daemon.log
    assert "Traceback" not in daemon.log
    # Even the debug log (-v) carries booking references, never the seekers' personal data.
    assert re.search(r"AK-\d{4}-\d{4}: intent=book", daemon.log)
    for personal in ("090-3812-4456", "05010-23418765", "Yamada", seekers[0], seekers[1], late):
        assert personal not in daemon.log, personal


# -- 5: redo after a crash ---------------------------------------------------------------------


@pytest.mark.parametrize("crash", ["after_send", "before_send"])
def test_recorded_but_unfiled_mail_is_filed_without_a_second_reply(
        crash, bot_config, mail_sandbox, office, seekers, monkeypatch):
    seeker = seekers[0]
    mail_sandbox.deliver(office, booking(seeker, office, "<redo-1@example.jp>"))
    mail_sandbox.deliver(office, out_of_office(seekers[1], office))

    if crash == "after_send":
        # Filing never happens (as if the process died after recording and sending).
        monkeypatch.setattr(ImapMailbox, "file_many", lambda self, keywords, folder: None)
        run_once(bot_config)
        assert count(mail_sandbox, seeker) == 1
    else:
        # The server drops the connection at the first move: nothing sent yet.
        def lost(self, keywords, folder):
            raise ConnectionLost("simulated drop while filing")
        monkeypatch.setattr(ImapMailbox, "file_many", lost)
        with pytest.raises(ConnectionLost):
            run_once(bot_config)
        assert mail_sandbox.accepted == []
    assert count(mail_sandbox, office) == 2
    monkeypatch.undo()

    run_once(bot_config, "2026-12-01T09:05+09:00")

    assert count(mail_sandbox, office) == 0
    assert [m["Message-ID"] for m, _ in fetch_all(mail_sandbox, office, "Processed")] == [
        "<redo-1@example.jp>"]
    assert [m["Message-ID"] for m, _ in fetch_all(mail_sandbox, office, "NeedsStaff")] == [
        "<ooo-1@example.ne.jp>"]
    assert count(mail_sandbox, seeker) == 1 and len(mail_sandbox.accepted) == 1
    assert count(mail_sandbox, office, "Sent") == 1

    # The same mail delivered again (new UID, same Message-ID) is not answered again either.
    mail_sandbox.deliver(office, booking(seeker, office, "<redo-1@example.jp>"))
    run_once(bot_config, "2026-12-01T09:10+09:00")
    assert count(mail_sandbox, office) == 0 and count(mail_sandbox, office, "Processed") == 2
    assert count(mail_sandbox, seeker) == 1 and len(mail_sandbox.accepted) == 1


def test_outbox_waits_while_smtp_is_down_and_is_sent_once(bot_config_path, mail_sandbox, office,
                                                          seekers):
    seeker = seekers[0]
    mail_sandbox.deliver(office, booking(seeker, office, "<smtp-down@example.jp>"))

    down = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW,
                   MAILBOT_SMTP__PORT=str(free_port()))
    assert down.returncode == 0, down.stderr
    assert "will retry" in down.stderr and "Traceback" not in down.stderr
    assert mail_sandbox.accepted == [] and count(mail_sandbox, office) == 0

    listed = mailbot("--config", bot_config_path, "outbox", "list")
    # the offer, and the notice telling staff that sending is blocked (it waits too)
    offer_line, notice_line = sorted(listed.stdout.splitlines()[2:], key=lambda ln: "staff_notice" in ln)
    assert re.fullmatch(r"OB\d+\s+pending\s+offer\s+\S+\s+.+\s+\d+[mhd]\s+AK-\d{4}-\d{4}", offer_line), offer_line
    assert "staff_notice" in notice_line

    for minutes in ("05", "10"):             # SMTP is back; the second cycle must send nothing
        up = mailbot("--config", bot_config_path, "run", "--once", "--now", f"2026-12-01T09:{minutes}+09:00")
        assert up.returncode == 0, up.stderr
    assert count(mail_sandbox, seeker) == 1 and len(mail_sandbox.accepted) == 2
    assert count(mail_sandbox, office, "Sent") == 2
    lines = mailbot("--config", bot_config_path, "outbox", "list").stdout.splitlines()[2:]
    assert lines and all(" sent " in line for line in lines)


def test_mail_without_an_address_goes_to_staff_unanswered(bot_config_path, mail_sandbox, office):
    # A question from a sender without an address (seen in old mbox mail): nothing to answer,
    # nothing to retry for hours; staff find it in NeedsStaff.
    mail_sandbox.deliver(office, (
        f"From: nsb\r\nTo: {office}\r\nSubject: =?UTF-8?B?5L+h5ZWP?=\r\n"
        "Message-ID: <no-address@example.org>\r\nDate: Tue, 01 Dec 2026 08:30:00 +0900\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "オンライン相談は土曜日も受けられますか？\r\n").encode())
    first = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW)
    assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr
    assert mail_sandbox.accepted == [] and count(mail_sandbox, office) == 0
    assert mailbot("--config", bot_config_path, "outbox", "list").stdout.strip() == "outbox empty"
    assert count(mail_sandbox, office, "NeedsStaff") == 1
    again = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW)
    assert "will retry" not in again.stderr and "failed" not in again.stderr


# -- 6: real-world mail ------------------------------------------------------------------------

# How many mails to take from each corpus category (evenly spread over its sorted file list).
CORPUS_SPREAD = {"bounce": 12, "autoreply": 8, "list": 6, "malformed": 10, "japanese": 8,
                 "multipart": 5, "html": 3, "plain": 3, "other": 5}
MACHINE = {"bounce", "autoreply", "list"}
# Mails that once broke a cycle or were answered wrongly, always included when present.
CORPUS_ALWAYS = ("rspamd/mid_eai_utf8.eml",                       # UTF-8 Message-ID (RFC 6532)
                 "apache-spamassassin/t__data__nice__unicode1.eml",  # UTF-8 address
                 "apache-spamassassin/t__data__welcomelists__lp.org.eml")  # Majordomo owner-


def corpus_sample(corpus: Path) -> list[tuple[str, str]]:
    """(relative path, category) pairs, the same every run."""
    by_category: dict[str, list[str]] = {}
    for line in (corpus / "categories.tsv").read_text(encoding="utf-8").splitlines():
        name, _, category = line.partition("\t")
        if (corpus / name).is_file():
            by_category.setdefault(category, []).append(name)
    category_of = {name: category for category, names in by_category.items() for name in names}
    sample = [(name, category_of[name]) for name in CORPUS_ALWAYS if name in category_of]
    for category, k in CORPUS_SPREAD.items():
        names = sorted(set(by_category.get(category, [])) - set(CORPUS_ALWAYS))
        sample += [(names[i * len(names) // k], category) for i in range(min(k, len(names)))]
    return sample


def test_real_world_mail_is_filed_and_machines_are_never_answered(
        shared_dir, bot_config, bot_config_path, mail_sandbox, office):
    corpus = shared_dir / "corpora" / "realworld"
    sample = corpus_sample(corpus)
    assert len(sample) >= 50
    by_id: dict[str, tuple[str, str, str]] = {}       # Message-ID -> (file, category, From)
    by_sender: dict[str, tuple[str, str, str]] = {}   # From -> the same, for mail without an ID
    for name, category in sample:
        raw = (corpus / name).read_bytes()
        mail_sandbox.deliver(office, raw)
        headers = email.message_from_bytes(raw, policy=email.policy.compat32)
        source = (name, category, parseaddr(str(headers.get("From", "")))[1].lower())
        if headers.get("Message-ID"):
            by_id.setdefault(str(headers["Message-ID"]).strip(), source)
        by_sender.setdefault(source[2], source)
    assert count(mail_sandbox, office) == len(sample)

    result = mailbot("--config", bot_config_path, "run", "--once", "--now", NOW, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "could not be handled" not in result.stderr

    assert count(mail_sandbox, office) == 0
    filed = count(mail_sandbox, office, "Processed") + count(mail_sandbox, office, "NeedsStaff")
    assert filed == len(sample)

    with Store(bot_config.paths.state).snapshot() as tx:
        kinds = {item["message_id"]: item["kind"] for item in tx.outbox()}
    replies = []
    staff_address = "online-soudan-staff@akita-hw.example.jp"
    for accepted in mail_sandbox.accepted:
        sent = email.message_from_bytes(accepted.raw, policy=email.policy.default)
        (to,) = accepted.rcpt_tos
        if kinds[sent["Message-ID"]] == "staff_notice":
            assert to == staff_address                # notices go to staff, never outside
            continue
        name, category, sender = by_id.get(str(sent["In-Reply-To"])) or by_sender.get(to.lower(), ("?",) * 3)
        replies.append((kinds[sent["Message-ID"]], category, name, to, sender))
    print(f"\n{len(sample)} real-world mails, {len(replies)} replies (kind, category, file, to):")
    for reply in replies:
        print("  ", *reply[:4])
    # Never a machine; only the writer (From) is answered, never an address found in the text;
    # only with an offer, a request for missing details or "a person will answer your question".
    assert not [r for r in replies if r[1] in MACHINE or r[1] == "?"], replies
    assert all(to.lower() == sender for *_, to, sender in replies), replies
    assert {r[0] for r in replies} <= {"offer", "needs_info", "staff_ack"}, replies


# -- 7: staff review ---------------------------------------------------------------------------


def test_review_all_holds_mail_until_staff_approve(mail_sandbox, office, seekers, tmp_path):
    rules = copy_rules(tmp_path / "rules")
    policy = rules / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "\nreview: none\n" in text
    policy.write_text(text.replace("\nreview: none\n", "\nreview: all\n"), encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    path = write_bot_config(tmp_path / "mailbot.toml", mail_sandbox, office,
                            state=tmp_path / "state", terms=terms, rules=rules)
    seeker = seekers[0]
    mail_sandbox.deliver(office, booking(seeker, office, "<review-1@example.jp>"))

    assert mailbot("--config", path, "run", "--once", "--now", NOW).returncode == 0
    assert mail_sandbox.accepted == [] and count(mail_sandbox, office, "Processed") == 1
    (line,) = mailbot("--config", path, "outbox", "list", "--status", "held").stdout.splitlines()[2:]
    item_id, status, kind, ref = (line.split()[i] for i in (0, 1, 2, -1))
    assert (status, kind) == ("held", "offer")
    shown = mailbot("--config", path, "outbox", "show", item_id)
    assert shown.returncode == 0 and ref in shown.stdout and seeker in shown.stdout

    assert mailbot("--config", path, "run", "--once", "--now", "2026-12-01T09:05+09:00").returncode == 0
    assert mail_sandbox.accepted == []                  # still held: nothing goes out unapproved

    approved = mailbot("--config", path, "outbox", "approve", item_id)
    assert approved.returncode == 0 and "approved 1" in approved.stdout
    assert mailbot("--config", path, "run", "--once", "--now", "2026-12-01T09:10+09:00").returncode == 0
    assert count(mail_sandbox, seeker) == 1 and len(mail_sandbox.accepted) == 1
    assert mailbot("--config", path, "outbox", "approve", item_id).returncode != 0   # not held now


def test_uidvalidity_is_recorded_and_a_change_is_reported(bot_config, mail_sandbox, office, caplog):
    from mailbot.store import Store

    run_once(bot_config)
    with Store(bot_config.paths.state).snapshot() as tx:
        state = tx.mailbox_state("INBOX")
    assert state and state["uidvalidity"] > 0
    with Store(bot_config.paths.state).transaction() as tx:
        tx.set_mailbox_state("INBOX", state["uidvalidity"] + 1, 0)
    with caplog.at_level("WARNING", logger="mailbot"):
        run_once(bot_config)
    assert "UIDVALIDITY changed" in caplog.text
    with Store(bot_config.paths.state).snapshot() as tx:
        assert tx.mailbox_state("INBOX")["uidvalidity"] == state["uidvalidity"]
