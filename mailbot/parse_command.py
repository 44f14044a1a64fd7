"""`mailbot parse FILE... [--json]`: show what the bot understood from mail files.

Other tooling reads the --json lines (one object per file, in the given order, "file" first,
then the Understanding keys), so the command never fails on a bad mail: it prints a line
with intent "other" and a warning and keeps the exit status 0. --headers adds mail-parser's view
of the envelope (Received chain, sender IP, attachments, defect categories): an "envelope" key
after the others with --json, lines under the summary without.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime

import click

from mailbot.understand import understand
from mailbot.understand.envelope import envelope_lines
from mailbot.understand.model import Inbound, Understanding
from mailbot.understand.summary import summarize


_SURROGATE = re.compile("[\ud800-\udfff]")


def _emit(text: str) -> None:
    """Write one result as UTF-8 whatever the locale; undecodable leftovers become U+FFFD."""
    click.echo((_SURROGATE.sub("\ufffd", text) + "\n").encode("utf-8"), nl=False)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def parse_one(path: str, now: datetime | None = None) -> tuple[Inbound | None, Understanding]:
    """Understanding of one file ("-" = stdin); unreadable files give intent "other". `now`
    anchors relative dates (明日, 来週の月曜) of a snippet that has no Date header."""
    try:
        raw = _read(path)
    except OSError as exc:
        return None, Understanding(intent="other",
                                   warnings=(f"unreadable_file: {exc.strerror or type(exc).__name__}",))
    if now is not None and _headerless(raw):
        raw = b"Content-Type: text/plain; charset=utf-8\n\n" + raw
    return understand(raw, now=now)


_HEADER_LINE = re.compile(rb"[!-9;-~]+:")


def _headerless(raw: bytes) -> bool:
    """A pasted text snippet (no header block, UTF-8): read as the body of a mail."""
    first = raw.lstrip(b"\r\n").split(b"\n", 1)[0]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not _HEADER_LINE.match(first)


@click.command("parse")
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, one per line.")
@click.option("--headers", is_flag=True, help="Also show the Received chain, sender IP, attachments and defects.")
@click.option("--now", default=None, metavar="ISO8601",
              help="The date a snippet without a Date header was written (anchors 明日, 来週…), "
                   "e.g. 2026-12-01T10:00+09:00. A Date header in the mail wins.")
def parse(files: tuple[str, ...], as_json: bool, headers: bool, now: str | None) -> None:
    """Show what the bot understands from mail FILE(s); "-" reads standard input."""
    from mailbot.staff_commands import parse_now

    when = parse_now(now)
    for path in files:
        inbound, u = parse_one(path, when)
        envelope = inbound.envelope if inbound is not None else None
        if as_json:
            row = {"file": path, **u.to_json()}
            if headers:
                row["envelope"] = envelope.to_json() if envelope is not None else None
            _emit(json.dumps(row, ensure_ascii=False))
        else:
            text = summarize(path, inbound, u)
            if headers:
                text += "".join(f"\n  {line}" for line in _header_lines(envelope))
            _emit(text)


def _header_lines(envelope) -> list[str]:
    """Every hop of the Received chain, then the summary lines staff see in a notice."""
    if envelope is None:
        return ["(no envelope)"]
    hops = [f"received {i}: from {h.from_[:70]} by {h.by[:50]} ({h.when})"
            for i, h in enumerate(envelope.received, 1)]
    return hops + envelope_lines(envelope) + ([] if envelope.defects else ["defects: none"])


if __name__ == "__main__":
    parse()
