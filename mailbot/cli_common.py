"""What every `mailbot` command shares: options accepted anywhere on the command line, exit
status 78 for configuration problems, logging that starts when the command runs, reading the
config file."""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

import click

from mailbot import logsetup
from mailbot.config import LOG_FORMATS, Config, ConfigError, load_config

EX_CONFIG = 78                                  # sysexits.h: configuration error
# The daemon reports what it does; every other command is quiet unless -v.
_LOG_LEVELS = {"run": logging.INFO, "web": logging.INFO}   # the long-running ones


class ConfigProblem(click.ClickException):
    """A configuration error (config file, rules, templates): one message, exit status 78."""

    exit_code = EX_CONFIG


# -- options accepted anywhere on the command line ---------------------------------------------


def _remember(ctx: click.Context, param: click.Parameter, value):
    """Keep a global option for the whole invocation, wherever it was written."""
    if value is None or value is False:
        return
    settings = ctx.find_root().ensure_object(dict)
    if param.name == "config_path" and settings.get("config_path") not in (None, value):
        raise click.BadParameter(f"given twice ({settings['config_path']} and {value})", ctx, param)
    settings[param.name] = value


def _global_options() -> list[click.Option]:
    return [
        click.Option(["--config", "config_path"], type=click.Path(path_type=Path), default=None,
                     expose_value=False, callback=_remember,
                     help="mailbot.toml (default: $MAILBOT_CONFIG, else ./mailbot.toml)."),
        click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=_remember,
                     help="Debug logging (staff commands: any logging)."),
        click.Option(["--log-format", "log_format"], type=click.Choice(LOG_FORMATS), default=None,
                     expose_value=False, callback=_remember,
                     help="text (timestamps), journal (<6>message for journald) or auto "
                          "(journal when stderr is the journal; default, also [log] format)."),
    ]


def _start_logging(ctx: click.Context) -> None:
    """Logging for the command about to run: its level, -v, and the format from the command
    line, else auto; [log] format (or $MAILBOT_LOG__FORMAT) applies once the config is read."""
    settings = ctx.find_root().ensure_object(dict)
    level = logging.DEBUG if settings.get("verbose") else _LOG_LEVELS.get(ctx.command.name, logging.WARNING)
    logsetup.configure(settings.get("log_format"), level)


def with_global_options(command: click.Command) -> click.Command:
    """Accept the global options on `command`; a leaf starts logging once its own options are
    read (a group's callback runs before its subcommand's options are parsed)."""
    if getattr(command, "_mailbot_global", False):
        return command
    command._mailbot_global = True
    command.params.extend(_global_options())
    if not isinstance(command, click.Group) and command.callback is not None:
        inner = command.callback

        @functools.wraps(inner)
        def callback(*args, **kwargs):
            _start_logging(click.get_current_context())
            return inner(*args, **kwargs)

        command.callback = callback
    return command


def load(ctx: click.Context) -> Config:
    """The config named on the command line (or by $MAILBOT_CONFIG, or ./mailbot.toml); a
    problem with it exits 78. Its [log] format applies unless --log-format was given."""
    settings = ctx.find_root().ensure_object(dict)
    try:
        config = load_config(settings.get("config_path"), os.environ)
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from None
    if not settings.get("log_format"):
        logsetup.reformat(config.log.format)
    return config


def config_in_play(ctx: click.Context) -> bool:
    """Whether a config file is meant: --config, $MAILBOT_CONFIG or ./mailbot.toml."""
    settings = ctx.find_root().ensure_object(dict)
    return bool(settings.get("config_path") or os.environ.get("MAILBOT_CONFIG")
                or Path("mailbot.toml").exists())
