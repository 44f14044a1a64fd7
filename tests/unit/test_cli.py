"""The `mailbot` command's contract through click's CliRunner: global options anywhere, exit
78 for configuration problems, quiet staff commands, validated option values, log formats.
(The same contract through a real process: tests/integration/test_cli_process.py.)"""

from __future__ import annotations

import logging
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailbot import __version__, engine, logsetup
from mailbot.cli import main
from mailbot.compose import Composer
from mailbot.rules import load_rules
from mailbot.store import Store
from tests.integration.test_booking_e2e import seeker_mail

REPO = Path(__file__).resolve().parents[2]
NOW = datetime.fromisoformat("2026-12-01T09:00+09:00")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("MAILBOT_") or name == "JOURNAL_STREAM":
            monkeypatch.delenv(name)
    yield
    root = logging.getLogger()            # the handler wrote to CliRunner's stderr, now closed
    for handler in [h for h in root.handlers if isinstance(h, logsetup._Handler)]:
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A config with its own copies of the rules and templates (mail servers never contacted)."""
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    config = tmp_path / "mailbot.toml"
    config.write_text("""
[imap]
host = "127.0.0.1"
port = 9
security = "none"
username = "office@akita-hw.example.jp"
password = "imap-pw"

[smtp]
host = "127.0.0.1"
port = 9
security = "none"
from_address = "office@akita-hw.example.jp"

[paths]
state = "state"
""", encoding="utf-8")
    return config


def invoke(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def with_booking(config: Path) -> str:
    """Record one seeker's first mail in the config's state; returns its reference."""
    base = config.parent
    rules = load_rules(base / "rules")
    composer = Composer(base / "templates", base / "templates" / "terms-of-use.txt", "office@akita-hw.example.jp")
    with Store(base / "state").transaction() as tx:
        outcome = engine.handle_message(tx, seeker_mail("taro@example.jp", "office@akita-hw.example.jp"),
                                        "INBOX:1:1", rules=rules, now=NOW, composer=composer)
    return outcome.ref


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- global options before or after the command ------------------------------------------------


@pytest.mark.parametrize("args", [
    ("--config", "{c}", "bookings"),
    ("bookings", "--config", "{c}"),
    ("--config", "{c}", "outbox", "list"),
    ("outbox", "--config", "{c}", "list"),
    ("outbox", "list", "--config", "{c}"),
    ("outbox", "list", "--status", "held", "--config", "{c}"),
    ("-v", "bookings", "--config", "{c}"),
    ("bookings", "--config", "{c}", "-v"),
])
def test_config_and_verbose_go_before_or_after_the_command(office: Path, args):
    result = invoke(*(a.format(c=office) for a in args))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() in ("no conversations", "outbox empty")


def test_every_command_and_group_accepts_the_global_options():
    def walk(command, path=()):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, path + (name,))

    for path, command in walk(main):
        names = {opt for p in command.params for opt in p.opts}
        assert {"--config", "-v", "--verbose", "--log-format"} <= names, path


def test_a_second_config_that_differs_is_a_usage_error(office: Path, tmp_path: Path):
    result = invoke("--config", office, "bookings", "--config", tmp_path / "other.toml")
    assert result.exit_code == 2 and "given twice" in result.stderr


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"mailbot {__version__}"


# -- exit status 78 for configuration problems -------------------------------------------------


@pytest.mark.parametrize("command", [("run", "--once"), ("bookings",), ("outbox", "list"),
                                     ("outbox", "approve", "1"), ("cancel", "AK-2612-0001"),
                                     ("attended", "AK-2612-0001"), ("rules", "check")])
def test_a_missing_config_file_exits_78_for_every_command(tmp_path: Path, command):
    result = invoke(*command, "--config", tmp_path / "nope.toml")
    assert result.exit_code == 78, result.output
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.toml'}: config file not found (copy mailbot.example.toml)"


def test_a_bad_setting_and_a_bad_env_setting_exit_78(office: Path):
    edit(office, 'security = "none"', 'security = "tls"')
    assert invoke("bookings", "--config", office).exit_code == 78
    edit(office, 'security = "tls"', 'security = "none"')
    result = invoke("bookings", "--config", office, env={"MAILBOT_LOG__FORMAT": "fancy"})
    assert result.exit_code == 78 and "MAILBOT_LOG__FORMAT" in result.stderr


def test_bad_rules_exit_78_for_the_daemon_and_staff(office: Path):
    ref = with_booking(office)
    edit(office.parent / "rules" / "calendar.yaml", "closed_dates: []",
         "closed_dates:\n  - date: 2027-02-30\n    note: 点検")
    for command in (("run", "--once"), ("cancel", ref), ("attended", ref), ("rules", "check")):
        result = invoke("--config", office, *command)
        assert result.exit_code == 78, (command, result.output)
        assert "calendar.yaml:" in result.output and "2027-02-30 という日付はありません" in result.output
        assert "Traceback" not in result.output


def test_a_bad_template_exits_78_unless_no_mail_is_made(office: Path):
    ref = with_booking(office)
    edit(office.parent / "templates" / "cancelled.j2", "{{ ref }}）の取り消し", "{{ reff }}）の取り消し")
    for command in (("run", "--once"), ("cancel", ref), ("rules", "check")):
        result = invoke("--config", office, *command)
        assert result.exit_code == 78, (command, result.output)
        assert "cancelled.j2:" in result.output and "'reff' is undefined" in result.output
    quiet = invoke("--config", office, "cancel", ref, "--quiet")         # no mail: nothing to render
    assert quiet.exit_code == 0 and "cancelled" in quiet.stdout


def test_other_failures_keep_their_codes(office: Path):
    assert invoke("--config", office, "cancel", "AK-2612-9999").exit_code == 1
    assert invoke("--config", office, "book", "AK-2612-9999", "soon").exit_code == 2


# -- option values are validated ---------------------------------------------------------------


def test_an_unknown_outbox_status_is_an_error_not_an_empty_outbox(office: Path):
    result = invoke("outbox", "list", "--status", "bogus", "--config", office)
    assert result.exit_code == 2 and "outbox empty" not in result.output
    assert "'bogus' is not one of 'pending', 'held', 'sending', 'sent', 'failed', 'rejected'" in result.stderr


def test_an_unknown_log_format_is_an_error():
    result = invoke("--log-format", "fancy", "parse", "-")
    assert result.exit_code == 2 and "--log-format" in result.stderr


# -- quiet staff commands, verbose on request, log formats ---------------------------------------


def test_staff_commands_print_only_their_result(office: Path):
    ref = with_booking(office)
    result = invoke("--config", office, "book", ref, "2026-12-07T10:00", "--now", "2026-12-01T10:00+09:00")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{ref}  confirmed  2026-12-07T10:00/c1" and result.stderr == ""
    assert invoke("--config", office, "bookings").stderr == ""


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_staff_commands_log_to_stderr(office: Path, where: str):
    ref = with_booking(office)
    args = ["cancel", ref, "--quiet", "--config", office]
    result = invoke(*(["-v", *args] if where == "before" else [*args, "-v"]))
    assert result.exit_code == 0
    assert "INFO rules: loaded version" in result.stderr and f"{ref}: staff cancel" in result.stderr
    assert result.stdout.startswith(f"{ref}  cancelled")


@pytest.mark.parametrize("how", ["option", "env", "config"])
def test_journal_format_from_option_env_or_config(office: Path, how: str):
    ref = with_booking(office)
    env = {}
    args = ["cancel", ref, "--quiet", "-v", "--config", office]
    if how == "option":
        args += ["--log-format", "journal"]
    elif how == "env":
        env["MAILBOT_LOG__FORMAT"] = "journal"
    else:
        office.write_text(office.read_text(encoding="utf-8") + '\n[log]\nformat = "journal"\n', encoding="utf-8")
    result = invoke(*args, env=env)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(("<6>", "<7>")) for line in lines), lines
    assert f"<6>{ref}: staff cancel -> cancelled" in lines


def test_the_option_wins_over_the_config_file(office: Path):
    ref = with_booking(office)
    office.write_text(office.read_text(encoding="utf-8") + '\n[log]\nformat = "journal"\n', encoding="utf-8")
    result = invoke("cancel", ref, "--quiet", "-v", "--config", office, "--log-format", "text")
    assert result.stderr and not any(line.startswith("<") for line in result.stderr.splitlines())


def test_journal_lines_carry_the_priority_on_every_line():
    formatter = logsetup.JournalFormatter()
    record = logging.LogRecord("mailbot", logging.WARNING, __file__, 1, "two\nlines", None, None)
    assert formatter.format(record) == "<4>two\n<4>lines"
    for level, priority in ((logging.DEBUG, 7), (logging.INFO, 6), (logging.ERROR, 3), (logging.CRITICAL, 2)):
        record = logging.LogRecord("mailbot", level, __file__, 1, "x", None, None)
        assert formatter.format(record) == f"<{priority}>x"


def test_journal_is_chosen_only_when_stderr_is_the_announced_stream(tmp_path: Path):
    with open(tmp_path / "journal", "w") as stream, open(tmp_path / "elsewhere", "w") as other:
        st = os.fstat(stream.fileno())
        announced = {"JOURNAL_STREAM": f"{st.st_dev}:{st.st_ino}"}
        assert logsetup.resolve("auto", announced, stream) == "journal"
        assert logsetup.resolve(None, announced, stream) == "journal"
        assert logsetup.resolve("auto", announced, other) == "text"     # redirected: inherited only
        assert logsetup.resolve("auto", {}, stream) == "text"
        assert logsetup.resolve("auto", {"JOURNAL_STREAM": "junk"}, stream) == "text"
        assert logsetup.resolve("text", announced, stream) == "text"


# -- rules check ------------------------------------------------------------------------------


def test_rules_check_without_a_config_checks_the_rules_and_templates_folders(monkeypatch):
    monkeypatch.chdir(REPO)
    result = invoke("rules", "check")
    assert result.exit_code == 0 and result.stdout.strip() == "rules, templates: OK"


def test_rules_check_reports_file_and_line(tmp_path):
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    policy = tmp_path / "rules" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8") + "slots_per_ofer: 3\n", encoding="utf-8")
    edit(tmp_path / "templates" / "reminder.j2", "{{ url }}", "{{ session_url }")
    result = invoke("rules", "check", tmp_path / "rules")
    assert result.exit_code == 78
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{policy}:") and "slots_per_ofer" in lines[0]
    # Without good rules the templates cannot be rendered: compiled only, and it says so.
    assert lines[1].startswith(f"{tmp_path / 'templates' / 'reminder.j2'}:") and "書き方の誤り" in lines[1]
    assert lines[2].startswith(f"{tmp_path / 'templates'}: 規則に誤りがあるため") and len(lines) == 3
    edit(policy, "slots_per_ofer: 3\n", "")
    edit(tmp_path / "templates" / "reminder.j2", "{{ session_url }", "{{ session_url }}")
    (line,) = invoke("rules", "check", tmp_path / "rules").stdout.splitlines()
    assert line.startswith(f"{tmp_path / 'templates' / 'reminder.j2'}:") and "session_url" in line


def test_rules_check_uses_the_configured_folders(office: Path, tmp_path: Path):
    edit(office.parent / "templates" / "reminder.j2", "{{ url }}", "{{ session_url }}")
    result = invoke("rules", "check", "--config", office)
    assert result.exit_code == 78 and "reminder.j2:" in result.stdout
    elsewhere = tmp_path / "other"
    shutil.copytree(REPO / "templates", elsewhere)
    assert invoke("rules", "check", "--config", office, "--templates", elsewhere).exit_code == 0


def test_rules_check_of_a_missing_folder_is_a_usage_error(tmp_path: Path):
    assert invoke("rules", "check", tmp_path / "nowhere").exit_code == 2


def test_the_systemd_unit_does_not_restart_on_a_configuration_problem():
    settings: dict[str, list[str]] = {}
    for line in (REPO / "contrib" / "mailbot.service").read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            settings.setdefault(key.strip(), []).append(value.strip())
    assert settings["RestartPreventExitStatus"] == ["78"] and settings["Restart"] == ["on-failure"]
    assert settings["Type"] == ["simple"] and settings["ExecStart"][0].endswith("/.venv/bin/mailbot run")
    assert "ExecStartPre" not in settings                   # its 78 would be restarted
    assert settings["UMask"] == ["0077"] and settings["NoNewPrivileges"] == ["yes"]
    assert settings["ProtectSystem"] == ["strict"] and settings["ReadWritePaths"][0].endswith("/state")
    assert settings["WorkingDirectory"]
