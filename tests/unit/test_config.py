"""config.load_config: env overrides, relative paths, one-line errors naming the key, secrets hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[2]

MINIMAL = """
[imap]
host = "imap.example.jp"
username = "office@akita-hw.example.jp"
password = "imap-secret-1"

[smtp]
host = "smtp.example.jp"
username = ""
from_address = "office@akita-hw.example.jp"
"""


def write(tmp_path: Path, text: str = MINIMAL) -> Path:
    path = tmp_path / "conf" / "mailbot.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error(path: Path | None, env: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path, env or {})
    message = str(info.value)
    assert "\n" not in message
    return message


def test_minimal_file_gets_defaults_and_paths_relative_to_the_file(tmp_path):
    path = write(tmp_path)
    config = load_config(path, {})
    assert config.imap.port == 993 and config.imap.security == "ssl"
    assert config.imap.folder == "INBOX" and config.imap.poll_seconds == 60
    assert config.smtp.port == 587 and config.smtp.security == "starttls" and config.smtp.username == ""
    assert config.paths.rules == path.parent / "rules"
    assert config.paths.terms == path.parent / "templates" / "terms-of-use.txt"
    assert config.source == path


def test_example_file_in_the_repo_loads(tmp_path):
    config = load_config(REPO / "mailbot.example.toml", {})
    assert config.paths.templates == REPO / "templates"
    assert config.smtp.from_address == "office@akita-hw.example.jp"


def test_env_wins_and_is_converted(tmp_path):
    path = write(tmp_path)
    env = {
        "MAILBOT_IMAP__PORT": "1143",
        "MAILBOT_IMAP__SECURITY": "none",
        "MAILBOT_IMAP__PASSWORD": "from-env",
        "MAILBOT_IMAP__POLL_SECONDS": "5",
        "MAILBOT_SMTP__TIMEOUT_SECONDS": "2.5",
        "MAILBOT_PATHS__STATE": "/var/lib/mailbot",
        "MAILBOT_SHARED_DIR": "/ignored",  # not a section key
    }
    config = load_config(path, env)
    assert (config.imap.port, config.imap.security, config.imap.password) == (1143, "none", "from-env")
    assert config.imap.poll_seconds == 5 and config.smtp.timeout_seconds == 2.5
    assert config.paths.state == Path("/var/lib/mailbot")


def test_path_from_env_then_cwd(tmp_path, monkeypatch):
    path = write(tmp_path)
    assert load_config(None, {"MAILBOT_CONFIG": str(path)}).source == path
    monkeypatch.chdir(path.parent)
    assert load_config(None, {}).source == path
    monkeypatch.chdir(tmp_path)
    assert "mailbot.toml: config file not found" in error(None)


def test_bad_port_names_the_key(tmp_path):
    path = write(tmp_path, MINIMAL.replace('host = "imap.example.jp"', 'host = "imap.example.jp"\nport = "abc"'))
    assert error(path) == f'{path}: [imap] port: expected an integer 1-65535, got "abc"'
    assert error(write(tmp_path), {"MAILBOT_SMTP__PORT": "70000"}) == (
        'MAILBOT_SMTP__PORT: expected an integer 1-65535, got "70000"'
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (('password = "imap-secret-1"', ""), "[imap] password: missing (or set MAILBOT_IMAP__PASSWORD)"),
        (('from_address = "office@akita-hw.example.jp"', 'from_address = "office"'), "[smtp] from_address: expected an email address"),
        (('username = ""', 'username = ""\nsecurity = "tls"'), "[smtp] security: expected one of ssl, starttls, none"),
        (('username = ""', 'username = ""\npasword = "x"'), "[smtp] unknown key 'pasword'"),
        (("[smtp]", "[smpt]\n[smtp]"), "unknown section [smpt]"),
        (('username = ""', 'username = "office"'), "[smtp] password: missing (required when [smtp] username is set)"),
        (('host = "smtp.example.jp"', "host = 'smtp.example.jp"), "invalid TOML"),
    ],
)
def test_errors_name_the_key(tmp_path, edit, expected):
    assert expected in error(write(tmp_path, MINIMAL.replace(*edit)))


def test_unknown_env_key_is_an_error(tmp_path):
    assert error(write(tmp_path), {"MAILBOT_IMAP__PASWORD": "x"}).startswith("MAILBOT_IMAP__PASWORD: unknown setting")


def test_passwords_never_appear_in_errors_or_repr(tmp_path):
    path = write(tmp_path)
    config = load_config(path, {"MAILBOT_SMTP__USERNAME": "u", "MAILBOT_SMTP__PASSWORD": "smtp-secret-2"})
    assert "imap-secret-1" not in repr(config) and "smtp-secret-2" not in repr(config)
    message = error(path, {"MAILBOT_IMAP__PASSWORD": "   "})
    assert message == "MAILBOT_IMAP__PASSWORD: expected a non-empty string, got (hidden)"
    text = MINIMAL.replace('password = "imap-secret-1"', "password = 12345678")
    assert error(write(tmp_path, text)).endswith("[imap] password: expected a string, got (hidden)")


def test_terms_default_to_the_templates_folder_wherever_it_is(tmp_path):
    path = write(tmp_path, MINIMAL + '\n[paths]\ntemplates = "/srv/office/templates"\n')
    assert load_config(path, {}).paths.terms == Path("/srv/office/templates/terms-of-use.txt")
    env = {"MAILBOT_PATHS__TEMPLATES": str(tmp_path / "t")}
    assert load_config(path, env).paths.terms == tmp_path / "t" / "terms-of-use.txt"
    path = write(tmp_path, MINIMAL + '\n[paths]\ntemplates = "/srv/t"\nterms = "kiyaku.txt"\n')
    assert load_config(path, {}).paths.terms == path.parent / "kiyaku.txt"


def test_log_format_from_file_or_env_and_checked(tmp_path):
    path = write(tmp_path)
    assert load_config(path, {}).log.format == "auto"
    path = write(tmp_path, MINIMAL + '\n[log]\nformat = "journal"\n')
    assert load_config(path, {}).log.format == "journal"
    assert load_config(path, {"MAILBOT_LOG__FORMAT": "text"}).log.format == "text"
    assert "MAILBOT_LOG__FORMAT" in error(path, {"MAILBOT_LOG__FORMAT": "syslog"})
    path = write(tmp_path, MINIMAL + '\n[log]\nformat = "json"\n')
    assert "[log] format" in error(path)
