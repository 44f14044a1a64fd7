"""The staff desk from the command line: the day sheet, one conversation's history, open
escalations, the outbox, staff's own replies, template previews.

Thin shell over mailbot.desk (pure views) and mailbot.engine (one store transaction per
decision); tables go through mailbot.tables so Japanese names line up in a terminal. A command
that changes something records the OS user and the time in the conversation's history.
"""

from __future__ import annotations

import email
import email.policy
import getpass
from datetime import date, datetime
from pathlib import Path

import click

from mailbot import audit, cli_common, desk, engine
from mailbot.conversation import Refused
from mailbot.conversation.model import OPEN, Thread
from mailbot.store import Store
from mailbot.tables import render

OUTBOX_STATUSES = ("pending", "held", "sending", "sent", "failed", "rejected")

class _Group(click.Group):
    """A subcommand group whose commands take the global options (--config, -v, --log-format)."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(cli_common.with_global_options(cmd), name)


_now_option = click.option("--now", default=None, metavar="ISO8601",
                           help="As if at this time (dry runs, tests), e.g. 2026-12-01T10:00+09:00.")


def _clock(now: str | None) -> datetime:
    from mailbot.daemon import Clock
    from mailbot.staff_commands import parse_now

    return Clock(parse_now(now)).now()


def _rules(config, composer=None):
    """The rules in force; with a composer the templates are checked too (a mail is written)."""
    from mailbot.rules import RulesError, RulesSource

    try:
        return RulesSource(config.paths.rules, composer).current()
    except RulesError as exc:
        raise cli_common.ConfigProblem("rules:\n" + "\n".join(exc.errors)) from None


def _config(ctx: click.Context):
    return cli_common.load(ctx.find_root())


def _find_thread(tx, ref: str) -> Thread:
    doc = tx.get_thread(ref) or next((d for d in tx.archived_threads() if d.get("ref") == ref), None)
    if doc is None:
        raise click.ClickException(f"no conversation {ref}")
    return Thread.from_json(doc)


def _message(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def _text_of(msg) -> str:
    body = msg.get_body(("plain",))
    return body.get_content() if body is not None else ""


def _read_body(path: Path) -> str:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise click.BadParameter(f"{path}: not UTF-8 text", param_hint="--body-file") from None
    if not text.strip():
        raise click.BadParameter(f"{path}: empty", param_hint="--body-file")
    return text.replace("\r\n", "\n")


_body_file = click.option("--body-file", "body_file", required=True, metavar="FILE",
                          type=click.Path(path_type=Path, exists=True, dir_okay=False),
                          help="UTF-8 text file with the mail's text.")


# ---------------------------------------------------------------------------- bookings


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include closed conversations.")
@click.option("--date", "day", default=None, metavar="YYYY-MM-DD", type=click.DateTime(["%Y-%m-%d"]),
              help="The day sheet of that day: time, counter, name, seeker number, attendant, URL, flags.")
@click.option("--week", is_flag=True, help="The day sheet of the whole week (of --date, else of today).")
@_now_option
@click.pass_context
def bookings(ctx: click.Context, show_all: bool, day: datetime | None, week: bool, now: str | None) -> None:
    """List conversations (reference, state, slot), or with --date / --week the sessions booked."""
    config = _config(ctx)
    if day is None and not week:
        return _conversations(config, show_all)
    if show_all:
        raise click.UsageError("--all lists conversations; it does not go with --date or --week")
    rules = _rules(config)
    first = day.date() if day else _clock(now).astimezone(rules.calendar.timezone).date()
    last = first
    if week:
        first, last = desk.week_of(first)
    with Store(config.paths.state).snapshot() as tx:
        threads = [Thread.from_json(d) for d in tx.threads() + tx.archived_threads()]
        failed = {i["thread_ref"] for i in tx.outbox(status="failed") if i.get("thread_ref")}
        held = {i["thread_ref"] for i in tx.outbox(status="held") if i.get("thread_ref")}
    rows = desk.sessions(threads, rules, first, last)
    span = f"{_day(first)}" + (f" – {_day(last)}" if last != first else "")
    if not rows:
        click.echo(f"{span}: no sessions")
        return
    table = []
    for r in rows:
        flags = list(r.flags)
        if r.ref in failed and "送信失敗" not in flags:
            flags.append("送信失敗")
        if r.ref in held:
            flags.append("確認待ちメールあり")
        table.append([f"{_day(r.start.date())} {r.start:%H:%M}", r.counter, r.ref, r.name,
                      r.seeker_number, r.attendant, r.url, r.state, " ".join(flags)])
    click.echo(f"{span}: {len(rows)} session{'s' if len(rows) != 1 else ''}")
    click.echo(render(["time", "counter", "ref", "name", "seeker no.", "attendant", "URL", "state", "flags"],
                      table, limits={3: 20, 6: 60}))


def _day(day: date) -> str:
    return f"{day:%Y-%m-%d}({desk.weekday(day)})"


def _conversations(config, show_all: bool) -> None:
    with Store(config.paths.state).snapshot() as tx:
        threads = tx.threads(None if show_all else sorted(s.value for s in OPEN))
    for t in sorted(threads, key=lambda t: t["ref"]):
        slot = (t.get("booking") or {}).get("slot") or ",".join((t.get("offer") or {}).get("slots", [])) \
            or ",".join(t.get("holds") or ())
        source = "  site" if t.get("source") == "site" else ""
        click.echo(f"{t['ref']}  {t['state']:<12}  {slot}{source}".rstrip())
    if not threads:
        click.echo("no conversations")


# ---------------------------------------------------------------------------- one conversation


@click.group(cls=_Group)
def thread() -> None:
    """One conversation."""


@thread.command("show")
@click.argument("ref")
@_now_option
@click.pass_context
def thread_show(ctx: click.Context, ref: str, now: str | None) -> None:
    """The whole history of REF: each mail (time, direction, kind, subject, first lines), the
    state changes, staff actions and the escalation reason."""
    config = _config(ctx)
    rules = _rules(config)
    when = _clock(now)
    with Store(config.paths.state).snapshot() as tx:
        t = _find_thread(tx, ref)
        items = [i for i in tx.outbox() + tx.archived_outbox() if i.get("thread_ref") == ref]
        for item in items:
            try:
                msg = _message(tx.outbox_raw(item["id"]))
            except OSError:
                continue
            item["subject"] = str(msg["Subject"] or "")
            item["lines"] = desk.first_lines(_text_of(msg), 2)
    c = t.contact
    click.echo(f"{t.ref}  {t.state.value}" + ("  (site)" if t.source == "site" else ""))
    facts = [("name", c.name), ("seeker no.", c.seeker_number), ("address", t.bound_to),
             ("phone", c.phone), ("attendant", c.attendant),
             ("booking", f"{t.booking.slot}  {t.booking.url}" if t.booking else None),
             ("offer", ", ".join(t.offer.slots) if t.offer else None),
             ("undeliverable", t.undeliverable and t.undeliverable.get("address"))]
    if t.escalation:
        since = datetime.fromisoformat(t.escalation["at"])
        days = desk.business_days_between(rules, since, when)
        facts.append(("escalation", f"{t.escalation['reason']} since {since:%Y-%m-%d %H:%M}, "
                      f"{days} business day{'s' if days != 1 else ''}"
                      + (f" — {t.escalation['detail']}" if t.escalation.get("detail") else "")))
    for n in t.notices:
        state = f"resolved {n['resolved_at'][:16]} ({n.get('resolution')})" if n.get("resolved_at") else "OPEN"
        facts.append(("notice", f"{n['reason']} {n['at'][:16]} {state}"
                      + (f" note: {n['note']}" if n.get("note") else "")))
    for label, value in facts:
        if value:
            click.echo(f"  {label:<13} {value}")
    click.echo("")
    rows = []
    for line in desk.history(t, items):
        rows.append([f"{line.at.astimezone(rules.calendar.timezone):%m-%d %H:%M}", line.direction,
                     line.kind, (line.subject + "  " if line.subject else "") + line.text])
        rows += [["", "", "", f"  | {text}"] for text in line.lines]
    click.echo(render(["time", "dir", "kind", "what"], rows, limits={3: 110}))


# ---------------------------------------------------------------------------- escalations


@click.group(cls=_Group)
def staff() -> None:
    """What waits for a person: open escalations against the 3-business-day promise."""


@staff.command("list")
@_now_option
@click.pass_context
def staff_list(ctx: click.Context, now: str | None) -> None:
    """Open escalations, oldest first: reason and age in office days (holidays and closed days
    from the rules do not count); overdue past the 3-business-day promise."""
    config = _config(ctx)
    rules = _rules(config)
    when = _clock(now)
    with Store(config.paths.state).snapshot() as tx:
        threads = [Thread.from_json(d) for d in tx.threads(sorted(s.value for s in OPEN))]
    rows = desk.open_escalations(threads, rules, when)
    if not rows:
        click.echo("no open escalations")
        return
    overdue, due = sum(r.overdue for r in rows), sum(r.due_today for r in rows)
    click.echo(f"{len(rows)} open, {overdue} overdue, {due} due today "
               f"(promise: an answer within {desk.PROMISE_BUSINESS_DAYS} business days)")
    click.echo(render(["ref", "state", "reason", "since", "age", "flag", "detail"],
                      [[r.ref, r.state, r.reason, f"{r.since.astimezone(rules.calendar.timezone):%Y-%m-%d %H:%M}",
                        f"{r.business_days}d", "OVERDUE" if r.overdue else ("due today" if r.due_today else ""),
                        r.detail]
                       for r in rows], limits={2: 30, 6: 50}))


@staff.command("resolve")
@click.argument("ref")
@click.option("--note", required=True, help="What was done (kept in the history with who and when).")
@_now_option
@click.pass_context
def staff_resolve(ctx: click.Context, ref: str, note: str, now: str | None) -> None:
    """Record that staff dealt with what REF raised; a conversation with staff goes back to the bot."""
    from mailbot.daemon import make_composer

    config = _config(ctx)
    rules = _rules(config)
    when = _clock(now)
    user = getpass.getuser()
    if not note.strip():
        raise click.BadParameter("say what was done", param_hint="--note")
    try:
        with audit.open_store(config.paths.state).transaction() as tx:
            done = engine.apply_staff(tx, ref, "resolve", rules=rules, now=when, notify=False,
                                      composer=make_composer(config), note=note, user=user)
    except Refused as exc:
        raise click.ClickException(f"{ref}: {exc}") from None
    click.echo(f"{done['ref']}  resolved by {user} at {when:%Y-%m-%d %H:%M}  now {done['state']}")


# ---------------------------------------------------------------------------- outbox


@click.command("list")
@click.option("--status", default=None, type=click.Choice(OUTBOX_STATUSES), help="Only mail in this state.")
@_now_option
@click.pass_context
def outbox_list(ctx: click.Context, status: str | None, now: str | None) -> None:
    """List composed mail: id, status, kind, to, subject, age, reference."""
    config = _config(ctx)
    when = _clock(now)
    with Store(config.paths.state).snapshot() as tx:
        items = tx.outbox(status=status)
        subjects = {}
        for item in items:
            try:
                subjects[item["id"]] = str(_message(tx.outbox_raw(item["id"]))["Subject"] or "")
            except OSError:
                subjects[item["id"]] = "?"
    if not items:
        click.echo("outbox empty")
        return
    click.echo(render(["id", "status", "kind", "to", "subject", "age", "ref"],
                      [[i["id"], i["status"], i.get("kind"), i.get("to"), subjects[i["id"]],
                        desk.age(datetime.fromisoformat(i["created_at"]), when), i.get("thread_ref") or "-"]
                       for i in items], limits={3: 36, 4: 56}))


@click.command("edit")
@click.argument("item_id")
@_body_file
@_now_option
@click.pass_context
def outbox_edit(ctx: click.Context, item_id: str, body_file: Path, now: str | None) -> None:
    """Replace the text of held mail ITEM_ID with FILE. The mail is written anew (headers,
    encoding and attachments kept right) and held again under a new id for approval."""
    from mailbot.daemon import make_composer

    config = _config(ctx)
    text = _read_body(body_file)
    rules = _rules(config)
    when = _clock(now)
    user = getpass.getuser()
    try:
        with audit.open_store(config.paths.state).transaction() as tx:
            _known_item(tx, item_id)
            new = engine.edit_held(tx, item_id, text, rules=rules, now=when,
                                   composer=make_composer(config), user=user)
    except Refused as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{new['id']} replaces {item_id} (edited by {user}); held: "
               f"`mailbot outbox show {new['id']}`, then approve or reject it")


def _known_item(tx, item_id: str) -> dict:
    try:
        item = tx.get_outbox(item_id)
    except ValueError:
        item = None
    if item is None:
        raise click.ClickException(f"no outbox item {item_id}")
    return item


# ---------------------------------------------------------------------------- staff's own mail


@click.command()
@click.argument("ref")
@_body_file
@_now_option
@click.pass_context
def reply(ctx: click.Context, ref: str, body_file: Path, now: str | None) -> None:
    """Write your own mail into conversation REF: from the office address, the reference in
    the subject, threaded under the seeker's last mail (template staff_reply frames FILE's
    text). It goes through the outbox: review, caps and undeliverable addresses apply."""
    from mailbot.daemon import make_composer

    config = _config(ctx)
    text = _read_body(body_file)
    composer = make_composer(config)
    rules = _rules(config, composer)
    when = _clock(now)
    user = getpass.getuser()
    try:
        with audit.open_store(config.paths.state).transaction() as tx:
            item = engine.staff_reply(tx, ref, text, rules=rules, now=when, composer=composer, user=user)
    except Refused as exc:
        raise click.ClickException(str(exc)) from None
    if not item:
        raise click.ClickException(f"{ref}: not queued (the address is marked undeliverable or "
                                   "today's cap is reached); see `mailbot thread show " + ref + "`")
    status = "held for review" if item["status"] == "held" else "sent at the next cycle"
    click.echo(f"{item['id']}  {ref}  to {item['to']}: {status}")


# ---------------------------------------------------------------------------- preview


@click.command()
@click.argument("kind")
@click.option("--thread", "ref", default=None, metavar="REF", help="With this conversation's data.")
@click.option("--body-file", "body_file", default=None, metavar="FILE",
              type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="staff_reply: the text to frame.")
@_now_option
@click.pass_context
def preview(ctx: click.Context, kind: str, ref: str | None, body_file: Path | None, now: str | None) -> None:
    """Show mail KIND as it would be written (sample data, or REF's), without sending it."""
    from mailbot import template_samples
    from mailbot.daemon import make_composer

    config = _config(ctx)
    composer = make_composer(config)
    if kind not in composer.kinds():
        raise click.UsageError(f"no template {kind!r}; one of: {', '.join(composer.kinds())}")
    rules = _rules(config)
    extra = {"staff_text": _read_body(body_file)} if body_file else {}
    if ref is None:
        when = _clock(now) if now else template_samples.sample_now(rules)
        sample = template_samples.samples(rules, when)[0]
        record, to, extra = sample.record, template_samples.SAMPLE_ADDRESS, {**sample.extra, **extra}
        if kind == "staff_reply" and not body_file:
            extra["staff_text"] = "（ここに職員の文章が入ります）"
        if kind in ("staff_notice",):
            extra.setdefault("reason", "question")
    else:
        when = _clock(now)
        with Store(config.paths.state).snapshot() as tx:
            record = _find_thread(tx, ref)
        to = rules.office.staff_address if kind == "staff_notice" else (record.bound_to or "-@invalid.example")
    try:
        out = composer.compose(kind, to, record, rules, when, extra)
    except Exception as exc:                         # noqa: BLE001 - a template or data problem, one line
        raise click.ClickException(f"{kind} cannot be written{' for ' + ref if ref else ''}: "
                                   f"{type(exc).__name__}: {exc}") from None
    msg = out.message
    for header in ("From", "To", "Reply-To", "Subject", "In-Reply-To"):
        if msg[header]:
            click.echo(f"{header}: {msg[header]}")
    click.echo("")
    click.echo(_text_of(msg).rstrip("\n"))
    for part in msg.iter_attachments():
        click.echo(f"[attachment] {part.get_filename()} ({part.get_content_type()})")


COMMANDS = (bookings, thread, staff, reply, preview)
OUTBOX_COMMANDS = (outbox_list, outbox_edit)
