"""The command-line contract through the installed `.venv/bin/mailbot`, as systemd runs it:
options after the subcommand, exit 78 for configuration problems, journal log lines, and a
running daemon that keeps its last good rules and templates over bad edits (real Dovecot + SMTP).
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
from pathlib import Path

import pytest

from mailbot import __version__
from tests.conftest import REPO, copy_rules
from tests.integration.test_daemon import NOW, _env, booking, count, fetch_all, wait_until

MAILBOT_BIN = Path(sys.executable).with_name("mailbot")
pytestmark = pytest.mark.skipif(not MAILBOT_BIN.exists(), reason=f"{MAILBOT_BIN} not installed")


def mailbot(*args: object, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(MAILBOT_BIN), *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, env=_env(**env), timeout=timeout)


@pytest.fixture
def editable(tmp_path: Path, bot_config_path: Path) -> dict[str, str]:
    """Copies of the rules and templates for the test to break, as MAILBOT_PATHS__* overrides
    of the sandbox config (the terms file stays the config's)."""
    copy_rules(tmp_path / "rules")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    return {"MAILBOT_PATHS__RULES": str(tmp_path / "rules"),
            "MAILBOT_PATHS__TEMPLATES": str(tmp_path / "templates")}


def edit(path: Path, old: str, new: str) -> int:
    """Replace one fragment (and move the mtime on, as an editor saving later would)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    return text[: text.index(old)].count("\n") + 1


def test_version_and_options_after_the_subcommand(bot_config_path, mail_sandbox):
    version = mailbot("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"mailbot {__version__}"
    result = mailbot("run", "--once", "--now", NOW, "--config", bot_config_path, "-v")
    assert result.returncode == 0, result.stderr
    assert "DEBUG" in result.stderr and "INFO rules: loaded version" in result.stderr
    listed = mailbot("outbox", "list", "--config", bot_config_path)
    assert (listed.returncode, listed.stdout.strip(), listed.stderr) == (0, "outbox empty", "")
    bogus = mailbot("outbox", "list", "--status", "bogus", "--config", bot_config_path)
    assert bogus.returncode == 2 and "outbox empty" not in bogus.stdout


def test_configuration_problems_exit_78_before_any_connection(bot_config_path, editable, tmp_path):
    missing = mailbot("run", "--once", "--config", tmp_path / "nope.toml")
    assert missing.returncode == 78 and missing.stderr.count("\n") == 1

    rules = Path(editable["MAILBOT_PATHS__RULES"])
    line = edit(rules / "calendar.yaml", "closed_dates: []",
                "closed_dates:\n  - date: 2027-02-30\n    note: 点検") + 1
    result = mailbot("run", "--once", "--config", bot_config_path, **editable)
    assert result.returncode == 78, result.stderr
    assert f"calendar.yaml:{line}: closed_dates[0].date: 2027-02-30 という日付はありません" in result.stderr
    assert "Traceback" not in result.stderr and "imap" not in result.stderr.lower()
    check = mailbot("rules", "check", rules)
    assert check.returncode == 78 and "Traceback" not in check.stdout + check.stderr
    assert f"calendar.yaml:{line}:" in check.stdout

    edit(rules / "calendar.yaml", "2027-02-30", "2027-02-26")
    templates = Path(editable["MAILBOT_PATHS__TEMPLATES"])
    line = edit(templates / "confirmed.j2", "{{ url }}", "{{ session_url }}")
    result = mailbot("run", "--once", "--config", bot_config_path, **editable)
    assert result.returncode == 78
    assert f"confirmed.j2:{line}: 未定義の名前です（'session_url' is undefined）" in result.stderr


def test_journal_format_is_picked_when_stderr_is_the_journal(bot_config_path, mail_sandbox, tmp_path):
    log = tmp_path / "stderr"
    with open(log, "w") as stream:
        st = os.fstat(stream.fileno())
        subprocess.run([str(MAILBOT_BIN), "run", "--once", "--now", NOW, "--config", str(bot_config_path)],
                       stdout=subprocess.DEVNULL, stderr=stream, cwd=REPO, timeout=60,
                       env=_env(JOURNAL_STREAM=f"{st.st_dev}:{st.st_ino}"), check=True)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines and all(re.match(r"<[0-7]>\S", line) for line in lines), lines
    assert any(line.startswith("<6>rules: loaded version") for line in lines)

    # Inherited without the stream (stderr redirected elsewhere): the text format, timestamps.
    result = mailbot("run", "--once", "--now", NOW, "--config", bot_config_path,
                     JOURNAL_STREAM=f"{st.st_dev}:{st.st_ino}")
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ INFO ", result.stderr), result.stderr


class Daemon:
    def __init__(self, log_path: Path, *args: object, **env: str) -> None:
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen([str(MAILBOT_BIN), *map(str, args)], stdout=self._log,
                                     stderr=subprocess.STDOUT, cwd=REPO, env=_env(**env))

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, times: int = 1, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while self.log.count(text) < times:
            assert self.proc.poll() is None, f"daemon exited {self.proc.returncode}:\n{self.log}"
            assert time.monotonic() < deadline, f"no {text!r} x{times}:\n{self.log}"
            time.sleep(0.05)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._log.close()


@pytest.fixture
def daemon(tmp_path, bot_config_path, editable):
    started = Daemon(tmp_path / "daemon.log", "run", "--now", NOW, "--config", bot_config_path,
                     "--log-format", "journal", **editable)
    yield started
    started.close()


def test_the_running_daemon_keeps_its_last_good_rules_and_templates(daemon, editable, mail_sandbox,
                                                                    office, seekers):
    rules = Path(editable["MAILBOT_PATHS__RULES"])
    templates = Path(editable["MAILBOT_PATHS__TEMPLATES"])
    daemon.wait_for("imap created folder Sent")

    # A bad calendar edit and a bad template edit while it runs, then a seeker writes.
    rline = edit(rules / "calendar.yaml", "closed_dates: []",
                 "closed_dates:\n  - date: 2027-02-30\n    note: 点検") + 1
    tline = edit(templates / "offer.j2", "ご希望の番号（例", "{{ seeker_name }}ご希望の番号（例")
    mail_sandbox.deliver(office, booking(seekers[0], office, "<bad-edit-1@example.jp>"))
    wait_until(lambda: count(mail_sandbox, seekers[0]) == 1, 20, "offer despite the bad edits")
    (offer, _), = fetch_all(mail_sandbox, seekers[0])
    assert "ご希望の番号（例" in offer.get_body(("plain",)).get_content()        # the good template
    log = daemon.log
    assert f"<3>rules: {rules / 'calendar.yaml'}:{rline}: closed_dates[0].date: 2027-02-30" in log
    assert f"<3>rules: {templates / 'offer.j2'}:{tline}: 未定義の名前です（'seeker_name' is undefined）" in log
    assert "<4>rules: version" in log and "keeping the last good rules" in log
    assert "Traceback" not in log and daemon.proc.poll() is None

    # Touched again unchanged: the same bad version is not logged again.
    edit(rules / "calendar.yaml", "note: 点検", "note: 点検")
    mail_sandbox.deliver(office, booking(seekers[1], office, "<bad-edit-2@example.jp>"))
    wait_until(lambda: count(mail_sandbox, seekers[1]) == 1, 20, "second offer")
    assert daemon.log.count("2027-02-30 という日付はありません") == 1

    # Fixed: the new version is used.
    edit(rules / "calendar.yaml", "2027-02-30", "2027-02-26")
    edit(templates / "offer.j2", "{{ seeker_name }}ご希望の番号（例", "【番号でお選びください】ご希望の番号（例")
    third = "third@example.org"
    mail_sandbox.deliver(office, booking(third, office, "<bad-edit-3@example.jp>"))
    wait_until(lambda: any(third in a.rcpt_tos for a in mail_sandbox.accepted), 20, "offer after the fix")
    sent = next(a for a in mail_sandbox.accepted if third in a.rcpt_tos)
    body = email.message_from_bytes(sent.raw, policy=email.policy.default).get_body(("plain",)).get_content()
    assert "【番号でお選びください】" in body
    daemon.wait_for("<6>rules: loaded version", times=2)
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.proc.wait(timeout=10) == 0


def test_staff_commands_are_quiet_in_a_real_process(bot_config_path, mail_sandbox, office, seekers):
    mail_sandbox.deliver(office, booking(seekers[0], office, "<quiet-1@example.jp>"))
    assert mailbot("run", "--once", "--now", NOW, "--config", bot_config_path).returncode == 0
    ref = re.search(r"AK-\d{4}-\d{4}", mailbot("bookings", "--config", bot_config_path).stdout).group(0)
    result = mailbot("cancel", ref, "--config", bot_config_path)
    assert (result.returncode, result.stderr) == (0, "") and result.stdout.startswith(f"{ref}  cancelled")
