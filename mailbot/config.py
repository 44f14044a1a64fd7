"""Load `mailbot.toml`, with every key overridable by `MAILBOT_<SECTION>__<KEY>` env variables.

Why this shape: admins edit one commented TOML file (`mailbot.example.toml`), deployments inject
secrets through the environment, and a typo or bad value must stop start-up with one line that
names the key, never silently fall back.  Passwords never appear in errors or reprs.

TLS: certificates are always verified. An office whose servers use an internal CA names that
CA's certificate in `ca_file` ([imap] and [smtp]); it is trusted in addition to the system's
CAs (`SSL_CERT_FILE` would replace them). There is deliberately no switch to turn verification
off: the bot carries seekers' personal data (職業安定法), and `ca_file` also accepts a server's
own self-signed certificate.
"""

from __future__ import annotations

import re
import ssl
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SECURITY_MODES = ("ssl", "starttls", "none")
LOG_FORMATS = ("auto", "text", "journal")   # auto: journal when stderr is systemd's journal
ENV_PREFIX = "MAILBOT_"


class ConfigError(ValueError):
    """A missing, unknown or invalid setting; the message is one line naming the key."""


@dataclass(frozen=True)
class ImapSettings:
    host: str
    port: int
    security: str
    username: str
    password: str = field(repr=False)
    folder: str = "INBOX"
    poll_seconds: int = 60
    timeout_seconds: float = 30.0
    ca_file: Path | None = None  # extra CA certificate(s) to trust (PEM), besides the system's


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    username: str  # empty: no AUTH
    password: str = field(repr=False)
    from_address: str = ""
    timeout_seconds: float = 30.0
    ca_file: Path | None = None  # extra CA certificate(s) to trust (PEM), besides the system's
    helo_name: str = ""  # EHLO name; empty: the machine's name
    cycle_deadline_seconds: float = 5.0  # all sending in one cycle; then back to reading mail


@dataclass(frozen=True)
class PathSettings:
    rules: Path
    templates: Path
    state: Path
    terms: Path  # the terms-of-use file attached to offers (default: in the templates folder)


@dataclass(frozen=True)
class LogSettings:
    format: str = "auto"


@dataclass(frozen=True)
class SecuritySettings:
    """The key our Message-IDs are signed with; empty = generated into state/secret.key."""

    secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class TrustSettings:
    """Authentication-Results from the office's own server (its authserv-id) are believed;
    `dmarc = "staff"` sends mail that failed DMARC and would change a booking to staff."""

    authserv_id: str = ""
    dmarc: str = "staff"


@dataclass(frozen=True)
class WebSettings:
    """The booking site (`mailbot web`): where it listens (loopback by default, behind the
    office's reverse proxy) and the public address its mail links point to."""

    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str = ""                 # e.g. https://yoyaku.akita-hw.example.jp; empty: http://host:port
    trust_forwarded_for: bool = False    # the proxy sets X-Forwarded-For (rate limits per client)


@dataclass(frozen=True)
class BackupSettings:
    """Copies of state/ under state/backups/: how many to keep, how often the daemon takes one."""

    keep: int = 7
    every_hours: int = 24


@dataclass(frozen=True)
class Config:
    imap: ImapSettings
    smtp: SmtpSettings
    paths: PathSettings
    source: Path
    security: SecuritySettings = SecuritySettings()
    trust: TrustSettings = TrustSettings()
    log: LogSettings = LogSettings()
    web: WebSettings = WebSettings()
    backups: BackupSettings = BackupSettings()


# -- value checkers: (raw value, came from env?) -> value, or raise _Bad(expectation) -----------


class _Bad(Exception):
    def __init__(self, expected: str) -> None:
        self.expected = expected


def _text(value: Any, from_env: bool) -> str:
    if not isinstance(value, str):
        raise _Bad("expected a string")
    return value


def _nonempty(value: Any, from_env: bool) -> str:
    text = _text(value, from_env).strip()
    if not text:
        raise _Bad("expected a non-empty string")
    return text


def _number(kind: type, low: float, high: float | None, expected: str) -> Callable[[Any, bool], Any]:
    def check(value: Any, from_env: bool) -> Any:
        if from_env and isinstance(value, str):
            try:
                value = kind(value.strip())
            except ValueError:
                raise _Bad(expected) from None
        if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int):
            raise _Bad(expected)
        if value < low or (high is not None and value > high):
            raise _Bad(expected)
        return kind(value)

    return check


def _security(value: Any, from_env: bool) -> str:
    text = _text(value, from_env).strip().lower()
    if text not in SECURITY_MODES:
        raise _Bad("expected one of ssl, starttls, none")
    return text


def _address(value: Any, from_env: bool) -> str:
    text = _nonempty(value, from_env)
    if "@" not in text or any(c.isspace() for c in text):
        raise _Bad("expected an email address like office@example.jp")
    return text


def _dmarc(value: Any, from_env: bool) -> str:
    text = _text(value, from_env).strip().lower()
    if text not in ("staff", "ignore"):
        raise _Bad("expected staff or ignore")
    return text


_HELO = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                   r"|\[(?:IPv6:)?[0-9A-Fa-f:.]+\]")


def _helo(value: Any, from_env: bool) -> str:
    text = _text(value, from_env).strip()
    if text and not _HELO.fullmatch(text):
        raise _Bad("expected a host name like mail.akita-hw.example.jp (or [192.0.2.1])")
    return text


def _log_format(value: Any, from_env: bool) -> str:
    text = _text(value, from_env).strip().lower()
    if text not in LOG_FORMATS:
        raise _Bad("expected one of " + ", ".join(LOG_FORMATS))
    return text


def _flag(value: Any, from_env: bool) -> bool:
    if from_env and isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    if not isinstance(value, bool):
        raise _Bad("expected true or false")
    return value


def _public_url(value: Any, from_env: bool) -> str:
    text = _text(value, from_env).strip().rstrip("/")
    if text and not (text.startswith("https://") or text.startswith("http://")):
        raise _Bad("expected an http:// or https:// address, e.g. https://yoyaku.example.jp")
    if any(c.isspace() or c in "\"'<>" for c in text):
        raise _Bad("expected an address without spaces or quotes")
    return text


_port = _number(int, 1, 65535, "expected an integer 1-65535")
_seconds = _number(int, 1, None, "expected a whole number of seconds >= 1")
_timeout = _number(float, 0.1, None, "expected a number of seconds > 0")

_REQUIRED = object()

# section -> key -> (checker, default); defaults of None are filled in by _finish().
_SCHEMA: dict[str, dict[str, tuple[Callable[[Any, bool], Any], Any]]] = {
    "imap": {
        "host": (_nonempty, _REQUIRED),
        "port": (_port, None),
        "security": (_security, "ssl"),
        "username": (_nonempty, _REQUIRED),
        "password": (_nonempty, _REQUIRED),
        "folder": (_nonempty, "INBOX"),
        "poll_seconds": (_seconds, 60),
        "timeout_seconds": (_timeout, 30.0),
        "ca_file": (_text, ""),
    },
    "smtp": {
        "host": (_nonempty, _REQUIRED),
        "port": (_port, None),
        "security": (_security, "starttls"),
        "username": (_text, ""),
        "password": (_text, ""),
        "from_address": (_address, _REQUIRED),
        "timeout_seconds": (_timeout, 30.0),
        "ca_file": (_text, ""),
        "helo_name": (_helo, ""),
        "cycle_deadline_seconds": (_timeout, 5.0),
    },
    "paths": {
        "rules": (_nonempty, "rules"),
        "templates": (_nonempty, "templates"),
        "state": (_nonempty, "state"),
        "terms": (_nonempty, None),         # None: terms-of-use.txt in the templates folder
    },
    "log": {
        "format": (_log_format, "auto"),
    },
    "security": {
        "secret": (_text, ""),
    },
    "trust": {
        "authserv_id": (_text, ""),
        "dmarc": (_dmarc, "staff"),
    },
    "backups": {
        "keep": (_number(int, 1, 1000, "expected a whole number 1-1000"), 7),
        "every_hours": (_number(int, 1, 24 * 31, "expected a whole number of hours 1-744"), 24),
    },
    "web": {
        "host": (_nonempty, "127.0.0.1"),
        "port": (_port, 8080),
        "public_url": (_public_url, ""),
        "trust_forwarded_for": (_flag, False),
    },
}

_DEFAULT_PORTS = {
    "imap": {"ssl": 993, "starttls": 143, "none": 143},
    "smtp": {"ssl": 465, "starttls": 587, "none": 25},
}


def env_name(section: str, key: str) -> str:
    return f"{ENV_PREFIX}{section.upper()}__{key.upper()}"


def _shown(key: str, value: Any) -> str:
    if key in ("password", "secret"):
        return "(hidden)"
    return f'"{value}"' if isinstance(value, str) else repr(value)


def load_config(path: Path | None, env: Mapping[str, str]) -> Config:
    """Read the config from `path`, else $MAILBOT_CONFIG, else ./mailbot.toml; env keys win."""
    source = Path(path or env.get(f"{ENV_PREFIX}CONFIG") or "mailbot.toml")
    label = str(source)
    try:
        with source.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{label}: config file not found (copy mailbot.example.toml)") from None
    except OSError as e:
        raise ConfigError(f"{label}: cannot read config file ({e.strerror})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{label}: invalid TOML: {e}") from None

    unknown = sorted(set(data) - set(_SCHEMA))
    if unknown:
        raise ConfigError(f"{label}: unknown section [{unknown[0]}] (known: {', '.join(_SCHEMA)})")
    _check_env_names(env)

    values: dict[str, dict[str, Any]] = {}
    origins: dict[tuple[str, str], str] = {}
    for section, schema in _SCHEMA.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{label}: [{section}] must be a table")
        extra = sorted(set(table) - set(schema))
        if extra:
            raise ConfigError(
                f"{label}: [{section}] unknown key {extra[0]!r} (known: {', '.join(schema)})"
            )
        values[section] = {}
        for key, (check, default) in schema.items():
            name = env_name(section, key)
            if name in env:
                raw, from_env, where = env[name], True, name
            elif key in table:
                raw, from_env, where = table[key], False, f"{label}: [{section}] {key}"
            elif default is _REQUIRED:
                raise ConfigError(f"{label}: [{section}] {key}: missing (or set {name})")
            else:
                values[section][key] = default
                continue
            origins[section, key] = where
            try:
                values[section][key] = check(raw, from_env)
            except _Bad as bad:
                raise ConfigError(f"{where}: {bad.expected}, got {_shown(key, raw)}") from None
    return _finish(values, source, label, origins)


def _check_env_names(env: Mapping[str, str]) -> None:
    for name in env:
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX):].lower().partition("__")
        if section not in _SCHEMA or key not in _SCHEMA[section]:
            raise ConfigError(f"{name}: unknown setting (expected MAILBOT_<SECTION>__<KEY>, e.g. MAILBOT_IMAP__PASSWORD)")


def _finish(values: dict[str, dict[str, Any]], source: Path, label: str,
            origins: dict[tuple[str, str], str]) -> Config:
    base = source.resolve().parent
    for section in ("imap", "smtp"):
        v = values[section]
        if v["port"] is None:
            v["port"] = _DEFAULT_PORTS[section][v["security"]]
        v["ca_file"] = _ca_file(v["ca_file"], base, origins.get((section, "ca_file"), ""))
    smtp = values["smtp"]
    if smtp["username"] and not smtp["password"]:
        raise ConfigError(f"{label}: [smtp] password: missing (required when [smtp] username is set)")
    paths = {key: (base / Path(value).expanduser()).resolve()
             for key, value in values["paths"].items() if value is not None}
    paths.setdefault("terms", paths["templates"] / "terms-of-use.txt")
    return Config(
        imap=ImapSettings(**values["imap"]),
        smtp=SmtpSettings(**values["smtp"]),
        paths=PathSettings(**paths),
        source=source.resolve(),
        security=SecuritySettings(**values["security"]),
        trust=TrustSettings(**values["trust"]),
        log=LogSettings(**values["log"]),
        web=WebSettings(**values["web"]),
        backups=BackupSettings(**values["backups"]),
    )


def _ca_file(value: str, base: Path, where: str) -> Path | None:
    """A readable PEM file of CA certificates (relative to the config file), or None."""
    if not value.strip():
        return None
    path = (base / Path(value.strip()).expanduser()).resolve()
    try:
        ssl.create_default_context(cafile=str(path))
    except FileNotFoundError:
        raise ConfigError(f'{where}: file not found: "{path}"') from None
    except (OSError, ssl.SSLError, ValueError) as e:
        reason = getattr(e, "strerror", None) or "expected PEM certificates (-----BEGIN CERTIFICATE-----)"
        raise ConfigError(f'{where}: cannot use "{path}" as CA certificates ({reason})') from None
    return path
