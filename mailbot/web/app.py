"""The site's HTTP side (aiohttp): routes, pages, and the protections every request passes.

Why aiohttp: one pure-Python package gives the server, the form parser, static files and a
client, with no separate ASGI server; its request size limit and response signals cover what
we need. The store is synchronous (file lock, atomic writes), so each store call runs in a
worker thread and the event loop keeps serving.

Protections: a size limit on every request body (413), CSRF on every form (a signed
double-submit cookie, and a cross-site Origin or Sec-Fetch-Site is refused), rate limits per
client address (429) and per email address (silent: the page is the same), strict security
headers (CSP without inline code, no framing, no referrer, so a token in a URL never leaks),
Jinja2 autoescape, and error pages that never show a trace. The access log is off: paths
carry tokens and clients are people; our own log lines name the route and the booking
reference only.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import traceback
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from aiohttp import web

from mailbot.web.booking import Backend
from mailbot.web.forms import read_application
from mailbot.web.limits import ClientLimiter

log = logging.getLogger("mailbot")

MAX_BODY = 16 * 1024                     # the form is < 4 kB even with a full free text
CSRF_COOKIE = "mb_csrf"
BACKEND = web.AppKey("backend", Backend)
PAGES = web.AppKey("pages", jinja2.Environment)
LIMITER = web.AppKey("limiter", ClientLimiter)
SETTINGS = web.AppKey("settings", dict)
NEW_COOKIE = web.RequestKey("csrf_cookie", str)

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def make_app(backend: Backend, templates_dir: Path, *, trust_forwarded_for: bool = False,
             limiter: ClientLimiter | None = None) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY, middlewares=[_errors, _log_request])
    app[BACKEND] = backend
    app[PAGES] = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(templates_dir) / "web")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    app[LIMITER] = limiter or ClientLimiter(lambda: backend.rules().site.limits.per_client_per_hour)
    app[SETTINGS] = {"trust_forwarded_for": trust_forwarded_for,
                     "https": backend.public_url.startswith("https://"),
                     "origin": _origin(backend.public_url)}
    app.on_response_prepare.append(_headers)
    r = app.router
    r.add_get("/", week_page, name="week")
    r.add_get("/apply", form_page, name="form")
    r.add_post("/apply", submit, name="apply")
    r.add_get("/sent", sent_page, name="sent")
    r.add_get("/terms", terms_page, name="terms")
    r.add_get("/l/{token}", link_page, name="link")
    r.add_post("/l/{token}", use_link, name="use_link")
    r.add_get("/c/{token}", cancel_page, name="cancel")
    r.add_post("/c/{token}", cancel, name="do_cancel")
    r.add_static("/static", Path(templates_dir) / "web" / "static", show_index=False,
                 follow_symlinks=False, name="static")
    return app


# ---------------------------------------------------------------------------- plumbing


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    response.headers["Server"] = "mailbot"
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    if request.app[SETTINGS]["https"]:
        response.headers["Strict-Transport-Security"] = "max-age=31536000"


@web.middleware
async def _log_request(request: web.Request, handler):
    started = time.monotonic()
    response = await handler(request)
    route = request.match_info.route.name or "-"
    log.debug("web: %s %s %s %.0f ms", request.method, route, response.status,
              (time.monotonic() - started) * 1000)
    return response


@web.middleware
async def _errors(request: web.Request, handler):
    """Every error as a Japanese page with the right status, never a trace."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return _page(request, "error.html", status=exc.status, code=exc.status,
                     headers={k: v for k, v in exc.headers.items() if k == "Retry-After"})
    except Exception as exc:                                  # noqa: BLE001 - shown as 500
        # Where it failed, not the exception's text: that may quote what a seeker typed.
        log.error("web: %s %s failed: %s\n%s", request.method, request.match_info.route.name or "-",
                  type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)).rstrip())
        return _page(request, "error.html", status=500, code=500)


def _page(request: web.Request, name: str, *, status: int = 200, headers=None, **data) -> web.Response:
    backend = request.app[BACKEND]
    rules = backend.rules()
    template = request.app[PAGES].get_template(name)
    cookie, fresh = _csrf_cookie(request)
    body = template.render(office=rules.office, site=rules.site, csrf=backend.tokens.csrf_for(cookie),
                           slot_minutes=rules.calendar.slot_minutes,
                           no_show_minutes=rules.policy.no_show_minutes, **data)
    response = web.Response(text=body, status=status, content_type="text/html", charset="utf-8",
                            headers=headers)
    if fresh:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="Strict", path="/",
                            secure=request.app[SETTINGS]["https"])
    return response


def _csrf_cookie(request: web.Request) -> tuple[str, bool]:
    value = request.cookies.get(CSRF_COOKIE)
    if request.app[BACKEND].tokens.cookie_ok(value):
        return value, False
    if NEW_COOKIE not in request:
        request[NEW_COOKIE] = request.app[BACKEND].tokens.new_cookie()
    return request[NEW_COOKIE], True


def _client(request: web.Request) -> str:
    if request.app[SETTINGS]["trust_forwarded_for"]:
        forwarded = request.headers.get("X-Forwarded-For", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-1]                 # the address our own proxy saw
    return request.remote or "-"


def _limit(request: web.Request) -> None:
    if not request.app[LIMITER].allow(_client(request)):
        log.warning("web: client over its hourly limit (%s)", request.match_info.route.name)
        raise web.HTTPTooManyRequests(headers={"Retry-After": "3600"})


async def _form(request: web.Request):
    """The posted form, after the rate limit, the size limit and the CSRF checks."""
    _limit(request)
    site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    allowed = {request.app[SETTINGS]["origin"], f"{request.scheme}://{request.host}"}
    if site == "cross-site" or (origin and origin != "null" and origin not in allowed):
        raise web.HTTPForbidden()
    form = await request.post()
    if not request.app[BACKEND].tokens.csrf_ok(request.cookies.get(CSRF_COOKIE), form.get("csrf")):
        raise web.HTTPForbidden()
    if any(not isinstance(v, str) for v in form.values()):
        raise web.HTTPBadRequest()                  # files have no place in this form
    return form


async def _run(request: web.Request, fn, *args):
    """A store call in a worker thread (the store is synchronous and takes a file lock)."""
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(fn, *args))


# ---------------------------------------------------------------------------- pages


async def week_page(request: web.Request) -> web.Response:
    start = None
    if "week" in request.query:
        try:
            start = date.fromisoformat(request.query["week"])
        except ValueError:
            raise web.HTTPBadRequest() from None
    rules, now, week = await _run(request, request.app[BACKEND].week, start)
    return _page(request, "week.html", week=week, now=now, timedelta=timedelta)


async def form_page(request: web.Request) -> web.Response:
    backend = request.app[BACKEND]
    key = request.query.get("slot", "")
    rules, now, slot, problem = await _run(request, backend.slot, key)
    terms = backend.terms(now)
    status = 200 if problem is None else 404 if problem == "not_a_slot" else 409
    return _page(request, "apply.html", status=status, slot=slot, key=key, problem=problem,
                 terms=terms, values={}, errors={})


async def submit(request: web.Request) -> web.Response:
    backend = request.app[BACKEND]
    form = await _form(request)
    now = backend.now()
    terms = backend.terms(now)
    application, errors, values = read_application(form, terms_version=terms.version if terms else None)
    key = str(form.get("slot") or "")
    if application is None:
        rules, now, slot, problem = await _run(request, backend.slot, key)
        return _page(request, "apply.html", status=400, slot=slot, key=key, problem=problem,
                     terms=terms, values=values, errors=errors)
    outcome = await _run(request, backend.apply, application, now)
    if outcome == "sent":
        raise web.HTTPSeeOther("/sent")
    rules, now, slot, problem = await _run(request, backend.slot, key)
    return _page(request, "apply.html", status=409, slot=slot, key=key, problem=outcome,
                 terms=terms, values=values, errors={})


async def sent_page(request: web.Request) -> web.Response:
    rules = request.app[BACKEND].rules()
    return _page(request, "sent.html", link_minutes=rules.site.link_minutes)


async def terms_page(request: web.Request) -> web.Response:
    backend = request.app[BACKEND]
    return _page(request, "terms.html", terms=backend.terms(backend.now()))


async def link_page(request: web.Request) -> web.Response:
    _limit(request)
    view = await _run(request, request.app[BACKEND].link, request.match_info["token"])
    return _link(request, view)


async def use_link(request: web.Request) -> web.Response:
    await _form(request)
    view = await _run(request, request.app[BACKEND].use_link, request.match_info["token"])
    return _link(request, view)


def _link(request: web.Request, view) -> web.Response:
    status = {"invalid": 404, "lapsed": 410}.get(view.status, 200)
    return _page(request, "link.html", status=status, view=view, token=request.match_info["token"])


async def cancel_page(request: web.Request) -> web.Response:
    _limit(request)
    view = await _run(request, request.app[BACKEND].cancel_page, request.match_info["token"])
    return _cancel(request, view)


async def cancel(request: web.Request) -> web.Response:
    await _form(request)
    view = await _run(request, request.app[BACKEND].cancel, request.match_info["token"])
    return _cancel(request, view)


def _cancel(request: web.Request, view) -> web.Response:
    status = {"invalid": 404, "same_day": 409}.get(view.status, 200)
    return _page(request, "cancel.html", status=status, view=view, token=request.match_info["token"])


__all__ = ["make_app", "MAX_BODY", "HEADERS"]
