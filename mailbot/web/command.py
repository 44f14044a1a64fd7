"""`mailbot web`: the booking site beside the daemon, on the same state/ and rules.

aiohttp is imported only when the command runs, so the other commands start as fast as before.
"""

from __future__ import annotations

import os

import click


@click.command("web")
@click.option("--host", default=None, help="Address to listen on (default: [web] host, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Port (default: [web] port, 8080).")
@click.option("--now", "now", default=None, metavar="ISO8601",
              help="Fix the clock (demos and tests), e.g. 2026-12-01T10:00+09:00.")
@click.pass_context
def web(ctx: click.Context, host: str | None, port: int | None, now: str | None) -> None:
    """Serve the booking site (予約サイト); the daemon sends the mail it records."""
    from mailbot.config import ConfigError, load_config
    from mailbot.daemon import Clock
    from mailbot.rules import RulesError
    from mailbot.staff_commands import parse_now
    from mailbot.web.server import serve

    try:
        config = load_config(ctx.find_root().obj["config_path"], os.environ)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        serve(config, Clock(parse_now(now)), host or config.web.host, port or config.web.port)
    except RulesError as exc:
        raise click.ClickException("rules:\n" + "\n".join(exc.errors)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host or config.web.host}:"
                                   f"{port or config.web.port}: {exc.strerror}") from None


__all__ = ["web"]
