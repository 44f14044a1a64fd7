"""The `mailbot` command: the daemon for the office, listing and review commands for staff.

click gives us subcommands, --help and clean usage errors for free (chosen over argparse for
nested groups and testable invocation with CliRunner).

The contract scripts and systemd rely on:
- `--config`, `-v` and `--log-format` are accepted before or after any (sub)command name;
- exit status 78 (EX_CONFIG) for every configuration problem (config file, rules, templates),
  so a unit can stop restarting (`RestartPreventExitStatus=78`); 2 for a bad command line; 1 for
  other failures (mail server, state folder);
- staff commands print results only; log lines (warnings, or everything with -v) go to stderr.
"""

from __future__ import annotations

import logging
import signal
from pathlib import Path

import click

from mailbot import __version__
from mailbot.cli_common import EX_CONFIG, ConfigProblem, config_in_play, with_global_options
from mailbot.cli_common import load as _config
from mailbot.consent_list import consents
from mailbot.state_commands import state
from mailbot.config import ConfigError
from mailbot.desk_commands import COMMANDS as DESK_COMMANDS
from mailbot.desk_commands import OUTBOX_COMMANDS, OUTBOX_STATUSES
from mailbot.parse_command import parse
from mailbot.rules import RulesError
from mailbot.staff_commands import COMMANDS as STAFF_COMMANDS
from mailbot.staff_commands import _now as _now_option
from mailbot.staff_commands import parse_now as _parse_now
from mailbot.store import StoreError
from mailbot.web.command import web

class _Commands(click.Group):
    """Every subcommand (and group) gets the global options. A configuration problem raised
    anywhere exits 78; a state folder that cannot be used (unreadable file, another daemon,
    lock held too long) is reported in one line by every command, not as a traceback."""

    group_class = type                  # subgroups are _Commands too

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(with_global_options(cmd), name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        except ConfigError as exc:
            raise ConfigProblem(str(exc)) from None
        except RulesError as exc:
            raise ConfigProblem("rules:\n" + "\n".join(exc.errors)) from None


def _one_line(exc: BaseException) -> str:
    """An exception's text on one line; a server's reply (bytes) shown as text."""
    (arg,) = exc.args if len(exc.args) == 1 else (None,)
    text = arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(exc)
    return " ".join(text.split())


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", message="mailbot %(version)s")
@click.pass_context
def main(ctx: click.Context) -> None:
    """mailbot: books online job consultations for ハローワーク秋田 by email."""
    ctx.ensure_object(dict)


with_global_options(main)


@main.command()
@click.option("--once", is_flag=True, help="Run one full cycle and exit.")
@click.option("--now", "now", default=None, metavar="ISO8601",
              help="Fix the clock for every decision, e.g. 2026-12-01T10:00+09:00.")
@click.pass_context
def run(ctx: click.Context, once: bool, now: str | None) -> None:
    """Poll the office mailbox and answer booking mail (IDLE when offered)."""
    from imapclient.exceptions import IMAPClientError, LoginError

    from mailbot.daemon import Bot, Clock

    config = _config(ctx)
    try:
        bot = Bot.from_config(config, Clock(_parse_now(now)))
        # systemd stops services with SIGTERM: stop it as gracefully as Ctrl-C, at a safe point.
        stops = (signal.SIGTERM, signal.SIGINT)
        previous = {s: signal.signal(s, lambda *_: bot.request_stop()) for s in stops}
        try:
            bot.run(once=once)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    except RulesError as exc:
        raise ConfigProblem("rules:\n" + "\n".join(exc.errors)) from None
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from None
    except LoginError as exc:
        raise click.ClickException(f"IMAP login refused ({_one_line(exc)}): check [imap] "
                                   "username and password") from None
    except (OSError, IMAPClientError) as exc:
        # --once: report the mail server problem in one line (the daemon reconnects instead).
        raise click.ClickException(f"mail server: {type(exc).__name__}: {_one_line(exc)}") from None
    except KeyboardInterrupt:
        logging.getLogger("mailbot").info("stopped")


@main.group()
def rules() -> None:
    """Rule files (hours, slots, holidays, policies)."""


@rules.command("check")
@click.argument("directory", required=False,
                type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--templates", "templates_dir", default=None, metavar="DIR",
              type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Templates folder to check (default: the configured one, else ./templates "
                   "beside the rules folder).")
@click.pass_context
def rules_check(ctx: click.Context, directory: Path | None, templates_dir: Path | None) -> None:
    """Validate the rule files and render every mail template with sample data; prints
    file:line problems (exit status 78 when there are any).

    Without DIRECTORY: the configured rules and templates, else ./rules and ./templates (an
    admin checking an edit before any config exists). With DIRECTORY, no config is read."""
    from mailbot.compose import Composer
    from mailbot.rules import check_rules

    config = _config(ctx) if directory is None and config_in_play(ctx) else None
    if directory is None:
        directory = config.paths.rules if config else Path("rules")
    templates = templates_dir or (config.paths.templates if config else directory.parent / "templates")
    terms = config.paths.terms if config and templates_dir is None else templates / "terms-of-use.txt"
    sender = config.smtp.from_address if config else "office@example.invalid"
    problems = check_rules(directory, Composer(templates, terms, sender))
    for line in problems:
        click.echo(line)
    if problems:
        ctx.exit(EX_CONFIG)
    click.echo(f"{directory}, {templates}: OK")


@main.group()
def outbox() -> None:
    """Mail the bot has composed: list, show, approve, reject or edit held mail."""


@outbox.command("show")
@click.argument("item_id")
@click.pass_context
def outbox_show(ctx: click.Context, item_id: str) -> None:
    """Print one composed mail as the seeker will see it."""
    import email
    import email.policy

    from mailbot.store import Store

    from mailbot.desk_commands import _known_item

    config = _config(ctx.find_root())
    with Store(config.paths.state).snapshot() as tx:
        _known_item(tx, item_id)
        raw = tx.outbox_raw(item_id)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for header in ("From", "To", "Subject", "Date", "Message-ID", "In-Reply-To"):
        if msg[header]:
            click.echo(f"{header}: {msg[header]}")
    click.echo("")
    click.echo(msg.get_body(("plain",)).get_content())
    for part in msg.iter_attachments():
        click.echo(f"[attachment] {part.get_filename()} ({part.get_content_type()})")


@outbox.command("approve")
@click.argument("item_ids", nargs=-1, required=True)
@_now_option
@click.pass_context
def outbox_approve(ctx: click.Context, item_ids: tuple[str, ...], now: str | None) -> None:
    """Release held mail for sending at the next cycle (a stale one is refused, with why)."""
    _review(ctx, item_ids, "approve", now=now)
    click.echo(f"approved {len(item_ids)}")


@outbox.command("reject")
@click.argument("item_id")
@click.option("--reason", default="", help="Why (kept in the conversation's history).")
@_now_option
@click.pass_context
def outbox_reject(ctx: click.Context, item_id: str, reason: str, now: str | None) -> None:
    """Do not send a held mail; the conversation goes to staff."""
    _review(ctx, (item_id,), "reject", reason=reason, now=now)
    click.echo(f"rejected {item_id}")


def _review(ctx: click.Context, item_ids: tuple[str, ...], decision: str, reason: str = "",
            now: str | None = None) -> None:
    import getpass

    from mailbot import audit, engine
    from mailbot.conversation import Refused
    from mailbot.daemon import Clock, make_composer
    from mailbot.rules import RulesError, RulesSource
    from mailbot.store import Store

    config = _config(ctx.find_root())
    try:
        rules = RulesSource(config.paths.rules).current()
    except RulesError as exc:
        raise click.ClickException("rules:\n" + "\n".join(exc.errors)) from None
    composer = make_composer(config)
    now = Clock(_parse_now(now)).now()
    from mailbot.desk_commands import _known_item

    try:
        with audit.open_store(config.paths.state).transaction() as tx:
            for item_id in item_ids:
                _known_item(tx, item_id)
                engine.review(tx, item_id, decision, rules=rules, now=now, composer=composer,
                              reason=reason, user=getpass.getuser())
    except (Refused, ValueError) as exc:      # ValueError: not an outbox id at all
        raise click.ClickException(str(exc)) from None


@main.command("audit")
@click.option("--ref", required=True, metavar="REF", help="The booking reference, e.g. AK-2612-0001.")
@click.option("--month", default=None, metavar="YYYY-MM", help="Only this month's file.")
@click.option("--json", "as_json", is_flag=True, help="The stored JSON lines as they are.")
@click.pass_context
def audit_command(ctx: click.Context, ref: str, month: str | None, as_json: bool) -> None:
    """What happened to REF, from state/audit/ (state changes, mail in and out, staff actions)."""
    import json
    import re

    from mailbot.audit import AuditLog, format_line

    if month is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise click.BadParameter(f"not a month: {month!r} (e.g. 2026-12)", param_hint="--month")
    config = _config(ctx.find_root())
    lines = AuditLog(config.paths.state).for_ref(ref, month)
    for line in lines:
        click.echo(json.dumps(line, ensure_ascii=False) if as_json else format_line(line))
    if not lines:
        click.echo(f"nothing recorded for {ref}" + (f" in {month}" if month else ""))


main.add_command(parse)
main.add_command(web)
main.add_command(consents)
main.add_command(state)
for _command in STAFF_COMMANDS + DESK_COMMANDS:
    main.add_command(_command)
for _command in OUTBOX_COMMANDS:
    outbox.add_command(_command)


if __name__ == "__main__":
    main()
