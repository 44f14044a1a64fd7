"""`mailbot parse FILE... [--json]`: show what the bot understood from mail files.

Other tooling reads the --json lines (one object per file, in the given order, "file" first,
then the Understanding keys), so the command never fails on a bad mail: it prints a line
with intent "other" and a warning and keeps the exit status 0.
"""

from __future__ import annotations

import json
import re
import sys

import click

from mailbot.understand import understand
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


def parse_one(path: str) -> tuple[Inbound | None, Understanding]:
    """Understanding of one file ("-" = stdin); unreadable files give intent "other"."""
    try:
        raw = _read(path)
    except OSError as exc:
        return None, Understanding(intent="other",
                                   warnings=(f"unreadable_file: {exc.strerror or type(exc).__name__}",))
    return understand(raw)


@click.command("parse")
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, one per line.")
def parse(files: tuple[str, ...], as_json: bool) -> None:
    """Show what the bot understands from mail FILE(s); "-" reads standard input."""
    for path in files:
        inbound, u = parse_one(path)
        if as_json:
            _emit(json.dumps({"file": path, **u.to_json()}, ensure_ascii=False))
        else:
            _emit(summarize(path, inbound, u))


if __name__ == "__main__":
    parse()
