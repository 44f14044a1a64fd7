"""Staff decisions from the command line: book, cancel, attended, no-show, resume.

They run beside the daemon: each is one store transaction (lock, fresh read, one atomic write)
and any mail to the seeker goes into the outbox, which the daemon sends at its next cycle
(or holds for review, as the rules say).
"""

from __future__ import annotations

from datetime import datetime

import click

from mailbot import audit, calendar, cli_common, engine
from mailbot.conversation import Refused
from mailbot.daemon import Clock, make_composer
from mailbot.rules import RulesError, RulesSource


def _apply(ctx: click.Context, ref: str, action: str, *, when: str | None = None,
           notify: bool = True, for_seeker: bool = False, now: str | None = None) -> None:
    config = cli_common.load(ctx)
    composer = make_composer(config)
    try:
        # Templates are checked (and used from the checked copy) whenever a mail may be composed.
        rules = RulesSource(config.paths.rules, composer if notify else None).current()
    except RulesError as exc:
        raise cli_common.ConfigProblem("rules:\n" + "\n".join(exc.errors)) from None
    now = Clock(parse_now(now)).now()
    try:
        with audit.open_store(config.paths.state).transaction() as tx:
            slot = _slot(rules, when, tx.taken_seats()) if when else None
            thread = engine.apply_staff(tx, ref, action, rules=rules, now=now, composer=composer,
                                        slot=slot, notify=notify,
                                        for_seeker=for_seeker)
    except Refused as exc:
        raise click.ClickException(f"{ref}: {exc}") from None
    slot_text = (thread.get("booking") or {}).get("slot") or ""
    click.echo(f"{thread['ref']}  {thread['state']}  {slot_text}".rstrip())


def _slot(rules, when: str, taken) -> str:
    """A slot key from `2026-12-04T14:00` (JST unless an offset is given) or a key itself."""
    if "/" in when:
        return when
    try:
        start = datetime.fromisoformat(when)
    except ValueError:
        raise click.BadParameter(f"not a date and time: {when!r} (e.g. 2026-12-04T14:00)") from None
    if start.tzinfo is None:
        start = start.replace(tzinfo=rules.calendar.timezone)
    slot = calendar.slot_for(rules, start, taken)
    if slot is None:
        raise click.ClickException(f"no consultation slot starts at {when}")
    return slot.key


def parse_now(value: str | None) -> datetime | None:
    """The --now option: an ISO 8601 time with offset, or None for the real clock."""
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 time: {value!r}") from None
    if when.tzinfo is None:
        raise click.BadParameter("give an offset, e.g. 2026-12-01T10:00+09:00")
    return when


_quiet = click.option("--quiet", is_flag=True, help="Do not mail the seeker.")
_now = click.option("--now", default=None, metavar="ISO8601",
                    help="Decide as if at this time (dry runs, tests).")


@click.command()
@click.argument("ref")
@click.argument("when", metavar="DATETIME")
@click.option("--for", "for_seeker", is_flag=True,
              help="A new booking for the seeker of REF (e.g. fixed during a session).")
@_quiet
@_now
@click.pass_context
def book(ctx: click.Context, ref: str, when: str, for_seeker: bool, quiet: bool,
         now: str | None) -> None:
    """Book conversation REF into the slot at DATETIME (e.g. 2026-12-04T14:00)."""
    _apply(ctx, ref, "book", when=when, notify=not quiet, for_seeker=for_seeker, now=now)


@click.command()
@click.argument("ref")
@_quiet
@_now
@click.pass_context
def cancel(ctx: click.Context, ref: str, quiet: bool, now: str | None) -> None:
    """Cancel REF (e.g. after a phone call on the day) and free its slot."""
    _apply(ctx, ref, "cancel", notify=not quiet, now=now)


@click.command()
@click.argument("ref")
@_now
@click.pass_context
def attended(ctx: click.Context, ref: str, now: str | None) -> None:
    """Record that the session of REF took place."""
    _apply(ctx, ref, "attended", now=now)


@click.command("no-show")
@click.argument("ref")
@_now
@click.pass_context
def no_show(ctx: click.Context, ref: str, now: str | None) -> None:
    """Record that REF did not come without notice (counts towards the no-show limit)."""
    _apply(ctx, ref, "no_show", now=now)


@click.command()
@click.argument("ref")
@_now
@click.pass_context
def resume(ctx: click.Context, ref: str, now: str | None) -> None:
    """Hand REF back to the bot after staff dealt with what it escalated."""
    _apply(ctx, ref, "resume", now=now)


COMMANDS = (book, cancel, attended, no_show, resume)
