"""The booking-site part of `make demo`: `mailbot web` on a free port, a seeker booking through
it step by step (plain HTTP with cookies, as a browser without JavaScript would), the daemon
sending the link mail and the confirmation, and at the end the address for a person to try."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar


class Visitor:
    """A browser without JavaScript: cookies kept, forms sent, redirects not followed."""

    class _Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), self._Stay)
        self.csrf = ""

    def open(self, path: str, form: dict | None = None) -> tuple[int, str, dict]:
        url = path if path.startswith("http") else self.base + path
        data = urllib.parse.urlencode({"csrf": self.csrf, **form}).encode() if form is not None else None
        try:
            resp = self.opener.open(urllib.request.Request(url, data=data), timeout=10)
        except urllib.error.HTTPError as err:
            resp = err
        text = resp.read().decode("utf-8", "replace")
        found = re.search(r'name="csrf" value="([^"]+)"', text)
        self.csrf = found.group(1) if found else self.csrf
        return resp.status, text, dict(resp.headers)


def heading(text: str) -> str:
    m = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else "?"


def start_site(python: str, config, port: int, now: str, env: dict) -> subprocess.Popen:
    proc = subprocess.Popen([python, "-m", "mailbot.cli", "--config", str(config), "web",
                             "--port", str(port), "--now", now], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("mailbot web did not start:\n" + (proc.stderr.read() if proc.stderr else ""))
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("mailbot web did not answer within 20 s")


def book(say, base: str, seeker: str) -> tuple[Visitor, str]:
    """The seeker's visit up to the "we sent you a mail" page; returns (visitor, slot key)."""
    v = Visitor(base)
    status, text, _ = v.open("/")
    say(f"  GET  /                         {status}  「{heading(text)}」")
    slots = [urllib.parse.unquote(k) for k in re.findall(r'href="/apply\?slot=([^"]+)"', text)]
    say(f"       空き枠 {len(slots)} 件（この週）: " + "、".join(s.split("T")[1][:5] + " " + s[5:10] for s in slots[:5]) + " …")
    key = slots[len(slots) // 2]
    status, text, _ = v.open("/apply?slot=" + urllib.parse.quote(key))
    say(f"  GET  /apply?slot={key}  {status}  「{heading(text)}」")
    terms = re.search(r'name="terms_version" value="([^"]+)"', text).group(1)
    say(f"       利用規約 版 {terms} を表示、同意のチェックを入れて送信")
    form = {"slot": key, "name": "伊藤 結衣", "email": seeker, "email2": seeker, "phone": "080-2231-7765",
            "seeker_number": "", "note": "初めての利用です。", "agree": "yes", "terms_version": terms}
    status, _, headers = v.open("/apply", form)
    say(f"  POST /apply                    {status}  → {headers.get('Location')}")
    status, text, _ = v.open("/sent")
    say(f"  GET  /sent                     {status}  「{heading(text)}」")
    return v, key


def confirm(say, v: Visitor, link: str) -> None:
    path = urllib.parse.urlsplit(link).path
    status, text, _ = v.open(path)
    say(f"  GET  {path[:24]}…  {status}  「{heading(text)}」")
    status, text, _ = v.open(path, {})
    say(f"  POST {path[:24]}…  {status}  「{heading(text)}」")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


__all__ = ["Visitor", "start_site", "book", "confirm", "stop", "heading"]
