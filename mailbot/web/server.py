"""Running the site: `serve` for `mailbot web`, `SiteThread` for tests and the demo (the same
app on a free loopback port in a background thread, so a test can move its clock)."""

from __future__ import annotations

import asyncio
import logging
import threading

from aiohttp import web

from mailbot.audit import AuditedStore
from mailbot.config import Config
from mailbot.daemon import make_composer
from mailbot.rules import RulesSource
from mailbot.store import Store
from mailbot.web.app import make_app
from mailbot.web.booking import Backend

log = logging.getLogger("mailbot")
PAGES = ("week.html", "apply.html", "sent.html", "terms.html", "link.html", "cancel.html", "error.html")
SITE_MAIL = ("site_link", "site_use_link", "confirmed", "cancelled")


def public_url(config: Config, host: str, port: int) -> str:
    if config.web.public_url:
        return config.web.public_url
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def build(config: Config, clock, host: str, port: int) -> web.Application:
    """The app for `config`, checked like the daemon checks itself at start-up: rules, the
    mail templates it composes and the page templates (a broken edit stops start-up)."""
    composer = make_composer(config)
    # Rules, templates and terms as one checked version (a bad edit keeps the last good one).
    rules = RulesSource(config.paths.rules, composer)
    rules.current()
    problems = composer.check(rules.current(), SITE_MAIL)
    if problems:
        raise SystemExit("mailbot web: " + "; ".join(problems))
    backend = Backend(AuditedStore(Store(config.paths.state)), rules, composer, clock, public_url(config, host, port))
    app = make_app(backend, config.paths.templates, trust_forwarded_for=config.web.trust_forwarded_for)
    from mailbot.web.app import PAGES as PAGE_ENV
    for name in PAGES:
        app[PAGE_ENV].get_template(name)
    return app


def serve(config: Config, clock, host: str, port: int) -> None:
    app = build(config, clock, host, port)
    log.info("web: serving on %s:%s (links point to %s)", host, port, public_url(config, host, port))
    web.run_app(app, host=host, port=port, access_log=None, print=None, handle_signals=True)


class SiteThread:
    """The site on `host:port` in a thread of its own; `with SiteThread(...) as site: site.url`."""

    def __init__(self, config: Config, clock, host: str = "127.0.0.1", port: int = 0):
        from mailbot.sandbox import free_port

        self.config, self.clock, self.host = config, clock, host
        self.port = port or free_port()
        self.url = public_url(config, host, self.port)
        self.app = build(config, clock, host, self.port)
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="site", daemon=True)

    def __enter__(self) -> "SiteThread":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    def __exit__(self, *exc) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()


__all__ = ["serve", "build", "SiteThread", "public_url"]
