"""Helpers for the booking-site tests: the real app on a free loopback port (in a thread, so a
test can move its clock), a small HTTP client with cookies that does not follow redirects,
and reading the links out of the mail the daemon really sent."""

from __future__ import annotations

import email
import email.policy
import html
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from http.cookiejar import CookieJar
from pathlib import Path

from mailbot.daemon import Bot, Clock
from tests.conftest import REPO, copy_rules

START = "2026-12-01T09:00+09:00"         # a Tuesday; the first bookable day is Thursday 12/3


class MovableClock(Clock):
    def __init__(self, when: str = START):
        super().__init__(datetime.fromisoformat(when))

    def set(self, when: str) -> None:
        self.fixed = datetime.fromisoformat(when)


@dataclass
class Page:
    status: int
    headers: dict
    text: str
    url: str

    def csrf(self) -> str:
        return re.search(r'name="csrf" value="([^"]+)"', self.text).group(1)

    def field(self, name: str) -> str:
        return html.unescape(re.search(rf'name="{name}" value="([^"]*)"', self.text).group(1))

    def free_slots(self) -> list[str]:
        return [urllib.parse.unquote(k) for k in re.findall(r'href="/apply\?slot=([^"]+)"', self.text)]

    def plain(self) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", self.text)).split())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One visitor: keeps its cookies, sends what a browser's form would."""

    def __init__(self, base: str, headers: dict | None = None):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)
        self.headers = headers or {}
        self.last: Page | None = None
        self.csrf: str | None = None                # the form token of the latest form seen

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None) -> Page:
        url = path if path.startswith("http") else self.base + path
        req = urllib.request.Request(url, data=data, headers={**self.headers, **(headers or {})})
        try:
            resp = self.opener.open(req, timeout=10)
        except urllib.error.HTTPError as err:
            resp = err
        page = Page(resp.status, {k.lower(): v for k, v in resp.headers.items()},
                    resp.read().decode("utf-8", "replace"), url)
        self.last = page
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        if found:
            self.csrf = found.group(1)
        return page

    def get(self, path: str, **kw) -> Page:
        return self.request(path, **kw)

    def post(self, path: str, fields: dict, csrf: bool = True, **kw) -> Page:
        fields = dict(fields)
        if csrf and "csrf" not in fields:
            fields["csrf"] = self.csrf
        return self.request(path, urllib.parse.urlencode(fields).encode(), **kw)

    def apply(self, slot: str, *, name="秋田 太郎", email="taro.yamada@example.jp", phone="090-1234-5678",
              **extra) -> Page:
        """Open the form for `slot` and send it as a seeker would."""
        form = self.get("/apply?slot=" + urllib.parse.quote(slot))
        assert form.status == 200, form.plain()
        return self.post("/apply", {"slot": slot, "name": name, "email": email, "email2": email,
                                    "phone": phone, "agree": "yes",
                                    "terms_version": form.field("terms_version"), **extra})


def rules_copy(tmp_path: Path, **site: str) -> Path:
    """The shipped rules with site.yaml lines replaced, e.g. per_client_per_hour="3"."""
    target = copy_rules(tmp_path / "rules")
    path = target / "site.yaml"
    text = path.read_text(encoding="utf-8")
    for key, value in site.items():
        text, n = re.subn(rf"^(\s*{key}:)\s*\S+", rf"\g<1> {value}", text, flags=re.M)
        assert n == 1, key
    path.write_text(text, encoding="utf-8")
    return target


def run_daemon(config, clock: MovableClock) -> None:
    """One full daemon cycle at the clock's time: files mail, runs timers, sends the outbox."""
    Bot.from_config(config, clock).run(once=True)


def inbox(sandbox, user: str) -> list[email.message.EmailMessage]:
    client = sandbox.imap(user)
    try:
        client.select_folder("INBOX", readonly=True)
        data = client.fetch(client.search("ALL"), ["BODY.PEEK[]"])
        return [email.message_from_bytes(data[u][b"BODY[]"], policy=email.policy.default) for u in sorted(data)]
    finally:
        client.logout()


def body(msg) -> str:
    return msg.get_body(("plain",)).get_content()


def link_in(msg, kind: str = "l") -> str:
    return re.search(rf"(https?://\S+/{kind}/[A-Za-z0-9.-]+)", body(msg)).group(1)


def threads(config) -> list[dict]:
    from mailbot.store import Store
    with Store(config.paths.state).snapshot() as tx:
        return tx.threads()


def outbox(config) -> list[dict]:
    from mailbot.store import Store
    with Store(config.paths.state).snapshot() as tx:
        return tx.outbox()


def site_config(tmp_path: Path, sandbox=None, office: str = "office@akita-hw.example.jp", *,
                rules: Path | None = None, web: str = ""):
    """A loaded Config: the sandbox's mail servers when given (else ports nobody listens on:
    the site itself never talks to them), repo templates, a terms file, state in tmp_path."""
    from mailbot.config import load_config
    from tests.conftest import TERMS

    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    if rules is None:                               # the digest off: tests count the mail
        rules = copy_rules(tmp_path / "rules")
    host = sandbox.host if sandbox else "127.0.0.1"
    imap_port, smtp_port = (sandbox.imap_port, sandbox.smtp_port) if sandbox else (9, 9)
    password = sandbox.users[office] if sandbox else "x"
    path = tmp_path / "mailbot.toml"
    path.write_text(f"""
[imap]
host = "{host}"
port = {imap_port}
security = "none"
username = "{office}"
password = "{password}"

[smtp]
host = "{host}"
port = {smtp_port}
security = "none"
from_address = "{office}"

[paths]
rules = "{rules or REPO / 'rules'}"
templates = "{REPO / 'templates'}"
terms = "{terms}"
state = "{tmp_path / 'state'}"

[web]
{web}
""", encoding="utf-8")
    return load_config(path, {})
