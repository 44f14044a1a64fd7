"""`mailbot state backup | backups | restore`: the admin's side of state/ backups.

See mailbot/state_backup.py for why backups exist and what a restore guarantees.
"""

from __future__ import annotations

import click

from mailbot import cli_common, state_backup, tables


class _WithGlobalOptions(click.Group):
    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(cli_common.with_global_options(cmd), name)


@click.group("state", cls=_WithGlobalOptions)
def state() -> None:
    """Backups of state/ (conversations, outbox): take one, list them, restore one."""


@state.command("backup")
@click.pass_context
def backup(ctx: click.Context) -> None:
    """Take a backup of state/ now (the daemon also takes one every [backups] every_hours)."""
    config = cli_common.load(ctx)
    taken = state_backup.take(config.paths.state, config.backups.keep)
    click.echo(f"backups/{taken.name}  {taken.files} files" if taken else "nothing to back up yet")


@state.command("backups")
@click.pass_context
def list_backups(ctx: click.Context) -> None:
    """List the backups, oldest first."""
    config = cli_common.load(ctx)
    found = state_backup.backups(config.paths.state)
    if not found:
        click.echo("no backups")
        return
    click.echo(tables.render(("name", "taken (UTC)", "files"),
                             [(b.name, f"{b.taken_at:%Y-%m-%d %H:%M}", b.files) for b in found]))


@state.command("restore")
@click.argument("name")
@click.pass_context
def restore(ctx: click.Context, name: str) -> None:
    """Bring backup NAME back ("latest" for the newest); the daemon must be stopped.

    What is there now is kept as one more backup first, and reference and outbox numbers
    continue after every number ever handed out, so none is given out twice."""
    config = cli_common.load(ctx)
    restored, moved = state_backup.restore(config.paths.state, name, config.backups.keep)
    click.echo(f"restored backups/{restored.name}")
    for key, number in sorted(moved.items()):
        click.echo(f"  {key} continues after {number}")
