"""Where mailbot's log lines go (stderr) and how they look: `text` for a terminal or a log
file, `journal` for systemd.

Why a journal format: under systemd, stderr goes to journald, which stamps each line itself and
reads a ``<N>`` syslog-priority prefix as the line's priority (so `journalctl -p warning` and the
colours work); a timestamp of ours would only be noise. Every line of a multi-line record (a
traceback) carries the prefix, since journald makes each line an entry of its own.

`auto` picks `journal` when systemd connected stderr to the journal: $JOURNAL_STREAM names the
device and inode of that stream (systemd.exec(5)), and stderr must still be it, as a redirected
stderr in a unit (or a test) inherits the variable without the stream.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import TextIO

FORMATS = ("auto", "text", "journal")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(message)s"

# Library wire traces carry whole mails (names, phones, addresses): never logged, not even with
# -v, which is for mailbot's own debug lines. filelock's are noise.
QUIET_LIBRARIES = ("imapclient", "aiosmtplib", "filelock")

_PRIORITY = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4), (logging.INFO, 6))


class JournalFormatter(logging.Formatter):
    """``<6>message``: the syslog priority of the level, no timestamp, on every line."""

    def __init__(self) -> None:
        super().__init__("%(message)s")

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in _PRIORITY if record.levelno >= level), 7)
        return "\n".join(f"<{priority}>{line}" for line in super().format(record).splitlines() or [""])


def on_journal(env: Mapping[str, str], stream: TextIO) -> bool:
    """True when `stream` is the journal stream systemd announced in $JOURNAL_STREAM."""
    device, _, inode = env.get("JOURNAL_STREAM", "").partition(":")
    try:
        st = os.fstat(stream.fileno())
        return (st.st_dev, st.st_ino) == (int(device), int(inode))
    except (ValueError, OSError, AttributeError):
        return False


def resolve(name: str | None, env: Mapping[str, str], stream: TextIO) -> str:
    """`text` or `journal` for a format name (None or `auto`: decided by the stream)."""
    if name in ("text", "journal"):
        return name
    return "journal" if on_journal(env, stream) else "text"


def formatter(name: str) -> logging.Formatter:
    return JournalFormatter() if name == "journal" else logging.Formatter(TEXT_FORMAT)


class _Handler(logging.StreamHandler):
    """Ours, so a second set-up in the same process (tests) replaces it and nothing else."""


def configure(name: str | None, level: int, env: Mapping[str, str] | None = None,
              stream: TextIO | None = None) -> str:
    """Send log records of `level` and above to `stream` (default: stderr now) in format
    `name`; returns the format used."""
    stream = stream or sys.stderr
    chosen = resolve(name, os.environ if env is None else env, stream)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(handler)
    handler = _Handler(stream)
    handler.setFormatter(formatter(chosen))
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in QUIET_LIBRARIES:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return chosen


def reformat(name: str | None, env: Mapping[str, str] | None = None) -> None:
    """Change the format of the handler `configure` installed (a format read from the config
    file comes after logging started)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _Handler):
            handler.setFormatter(formatter(resolve(name, os.environ if env is None else env,
                                                   handler.stream)))
