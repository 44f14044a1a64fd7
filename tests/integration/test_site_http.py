"""The booking site over real HTTP: the app on a free loopback port, the real store, a fixed
clock. What the daemon sends is in tests/integration/test_site_mail.py and the browser test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from mailbot.conversation.model import Thread
from mailbot.sandbox import free_port
from mailbot.web.server import SiteThread
from tests.conftest import REPO
from tests.integration.sitekit import (Client, MovableClock, outbox, rules_copy, site_config,
                                       threads)

SLOT = "2026-12-04T14:00/c1"


@pytest.fixture
def clock():
    return MovableClock()


@pytest.fixture
def config(tmp_path):
    return site_config(tmp_path)


@pytest.fixture
def site(config, clock):
    with SiteThread(config, clock) as running:
        yield running


def link_token(config, kind="l") -> str:
    """The link in the newest composed mail of `kind` (the daemon would send it)."""
    from mailbot.store import Store
    with Store(config.paths.state).snapshot() as tx:
        item = [i for i in tx.outbox() if i["kind"] == ("site_link" if kind == "l" else "confirmed")][-1]
        raw = tx.outbox_raw(item["id"]).decode("ascii", "replace")
    import email
    import email.policy
    text = email.message_from_string(raw, policy=email.policy.default).get_body(("plain",)).get_content()
    return re.search(rf"/{kind}/([A-Za-z0-9.-]+)", text).group(1)


# ---------------------------------------------------------------------------- headers


def test_every_page_carries_strict_security_headers(site):
    c = Client(site.url)
    for path in ("/", f"/apply?slot={SLOT}", "/terms", "/sent", "/l/nothing", "/no-such-page"):
        page = c.get(path)
        h = page.headers
        assert "default-src 'none'" in h["content-security-policy"], path
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "no-referrer"           # a token in a URL never leaks
        assert h["cache-control"] == "no-store"
        assert h["server"] == "mailbot"
        assert "<script" not in page.text and 'lang="ja"' in page.text
    cookie = c.get("/").headers.get("set-cookie") or Client(site.url).get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/static/site.css").status == 200
    assert c.get("/no-such-page").status == 404


# ---------------------------------------------------------------------------- the whole path


def test_apply_confirm_cancel(site, config, clock):
    seeker = Client(site.url)
    week = seeker.get("/")
    assert SLOT in week.free_slots()
    sent = seeker.apply(SLOT, note="<script>alert(1)</script> 手話通訳をお願いします")
    assert sent.status == 303 and sent.headers["location"] == "/sent"
    (doc,) = threads(config)
    assert doc["state"] == "pending_link" and doc["holds"] == [SLOT] and doc["source"] == "site"
    assert doc["contact"]["email"] == "taro.yamada@example.jp"
    assert doc["site"]["note"].startswith("<script>")        # kept as typed, escaped when shown
    assert [i["kind"] for i in outbox(config)] == ["site_link"]
    # Nobody else is offered the held seat.
    assert SLOT not in Client(site.url).get("/").free_slots()

    token = link_token(config)
    page = seeker.get(f"/l/{token}")
    assert page.status == 200 and "予約を確定する" in page.text
    assert doc["ref"] in page.plain()
    assert [d["state"] for d in threads(config)] == ["pending_link"]    # opening is not confirming
    clock.set("2026-12-01T09:30+09:00")
    done = seeker.post(f"/l/{token}", {})
    assert done.status == 200 and "ご予約が確定しました" in done.text
    thread = Thread.from_json(threads(config)[0])
    assert thread.state.value == "confirmed" and thread.booking.slot == SLOT
    consent = thread.booking.consent
    assert consent["how"] == "site" and consent["terms_sha256"] == thread.site.terms_sha256
    assert consent["agreed_at"] == "2026-12-01T09:00:00+09:00"
    assert consent["received_at"] == "2026-12-01T09:30:00+09:00"
    assert [i["kind"] for i in outbox(config)] == ["site_link", "confirmed"]

    again = Client(site.url).post(f"/l/{token}", {"csrf": "x"}, csrf=False)
    assert again.status == 403                                     # no form token, no action
    again = seeker.post(f"/l/{token}", {})
    assert again.status == 200 and "すでに使われています" in again.text   # single use
    assert len(outbox(config)) == 2

    cancel = link_token(config, "c")
    page = seeker.get(f"/c/{cancel}")
    assert page.status == 200 and "キャンセルする" in page.text
    gone = seeker.post(f"/c/{cancel}", {})
    assert gone.status == 200 and "キャンセルしました" in gone.text
    assert threads(config)[0]["state"] == "cancelled" and threads(config)[0]["holds"] == []
    assert [i["kind"] for i in outbox(config)][-1] == "cancelled"
    assert SLOT in Client(site.url).get("/").free_slots()


def test_after_the_hour_the_link_page_says_lapsed_and_the_seat_is_free(site, config, clock):
    """The hour counts from the link mail leaving; here the daemon's report of that is played
    by the engine directly (the mail test does it over real SMTP)."""
    from mailbot import engine
    from mailbot.daemon import make_composer
    from mailbot.rules import load_rules
    from mailbot.store import Store

    Client(site.url).apply(SLOT)
    token = link_token(config)
    with Store(config.paths.state).transaction() as tx:
        (item,) = tx.outbox()
        engine.delivered(tx, item, "sent", rules=load_rules(config.paths.rules), now=clock.now(),
                         composer=make_composer(config))
    clock.set("2026-12-01T10:00+09:00")
    assert Client(site.url).get(f"/l/{token}").status == 200          # 60 minutes: still valid
    clock.set("2026-12-01T10:00:01+09:00")
    assert SLOT in Client(site.url).get("/").free_slots()              # the hold no longer counts
    # Someone else may now have it, before the timer or the link closed the old application.
    assert Client(site.url).apply(SLOT, email="hanako@example.ne.jp").status == 303
    lapsed = Client(site.url).get(f"/l/{token}")
    assert lapsed.status == 410 and "無効" in lapsed.text
    c = Client(site.url)
    c.get("/apply?slot=2026-12-07T10:00/c1")                            # for a form token
    assert c.post(f"/l/{token}", {}).status == 410
    old, new = sorted(threads(config), key=lambda d: d["ref"])
    assert old["state"] == "expired" and old["holds"] == [] and old["booking"] is None
    assert new["state"] == "pending_link" and new["holds"] == [SLOT]


def test_the_same_day_cancel_page_gives_the_phone_number(site, config, clock):
    seeker = Client(site.url)
    seeker.apply(SLOT)
    token = link_token(config)
    seeker.get(f"/l/{token}")
    seeker.post(f"/l/{token}", {})
    cancel = link_token(config, "c")
    clock.set("2026-12-04T08:30+09:00")
    page = seeker.get(f"/c/{cancel}")
    assert page.status == 409 and "018-860-0000" in page.text and "キャンセルする" not in page.text
    assert seeker.post(f"/c/{cancel}", {}).status == 409
    assert threads(config)[0]["state"] == "confirmed"


def test_logs_carry_references_never_personal_data_and_state_stays_private(site, config, caplog):
    caplog.set_level("DEBUG")
    seeker = Client(site.url)
    seeker.apply(SLOT, name="秘密 花子", email="himitsu@example.jp", phone="090-9999-8888",
                 seeker_number="05010-99998888", note="内緒の相談内容")
    token = link_token(config)
    seeker.get(f"/l/{token}")
    seeker.post(f"/l/{token}", {})
    Client(site.url).apply("2026-12-07T10:00/c1", name="<b>x", email="bad@", phone="1")  # refused
    ref = threads(config)[0]["ref"]
    assert ref in caplog.text
    for secret in ("秘密", "himitsu", "9999", "内緒", token, "<b>x", "bad@", "127.0.0.1:"):
        assert secret not in caplog.text, secret
    state = config.paths.state
    assert oct(state.stat().st_mode & 0o777) == "0o700"
    for path in state.rglob("*"):
        assert oct(path.stat().st_mode & 0o777) == ("0o700" if path.is_dir() else "0o600"), path


# ---------------------------------------------------------------------------- refusals


def test_without_the_form_token_nothing_happens(site, config):
    c = Client(site.url)
    c.get(f"/apply?slot={SLOT}")
    fields = {"slot": SLOT, "name": "秋田 太郎", "email": "a@example.jp", "email2": "a@example.jp",
              "phone": "090-1234-5678", "agree": "yes"}
    assert c.post("/apply", fields, csrf=False).status == 403
    assert c.post("/apply", {**fields, "csrf": "forged"}, csrf=False).status == 403
    other = Client(site.url)
    other.get(f"/apply?slot={SLOT}")
    stolen = other.csrf                                          # a token for another cookie
    assert c.post("/apply", {**fields, "csrf": stolen}, csrf=False).status == 403
    assert c.post("/apply", fields, headers={"Origin": "https://evil.example"}).status == 403
    assert c.post("/apply", fields, headers={"Sec-Fetch-Site": "cross-site"}).status == 403
    assert threads(config) == [] and outbox(config) == []


def test_a_file_upload_is_refused(site, config):
    c = Client(site.url)
    c.get(f"/apply?slot={SLOT}")
    boundary = "XyZ"
    fields = {"csrf": c.csrf, "slot": SLOT, "name": "秋田 太郎", "email": "a@example.jp",
              "email2": "a@example.jp", "phone": "090-1234-5678", "agree": "yes",
              "terms_version": c.last.field("terms_version")}
    parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
             for k, v in fields.items()]
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"note\"; filename=\"a.txt\"\r\n"
                 f"Content-Type: text/plain\r\n\r\nhello\r\n--{boundary}--\r\n")
    data = "".join(parts).encode()
    page = c.request("/apply", data, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert page.status == 400 and threads(config) == []


def test_an_oversized_request_is_refused(site, config):
    c = Client(site.url)
    c.get(f"/apply?slot={SLOT}")
    page = c.post("/apply", {"slot": SLOT, "note": "あ" * 20000})
    assert page.status == 413 and "大きすぎます" in page.text
    assert threads(config) == []


def test_hostile_input_gets_errors_next_to_fields_and_nothing_is_stored(site, config):
    c = Client(site.url)
    page = c.apply(SLOT, name="秋田\x00<b>太郎</b>", email="taro@", phone="<script>",
                   note="\u202e逆向き")
    assert page.status == 400
    assert page.text.count('class="error"') == 4
    assert 'aria-invalid="true"' in page.text and 'href="#f-name"' in page.text
    assert "<b>太郎</b>" not in page.text and "&lt;b&gt;太郎&lt;/b&gt;" in page.text   # autoescape
    assert "<script>" not in page.text
    assert threads(config) == [] and outbox(config) == []


def test_a_taken_slot_is_refused_with_a_way_back(site, config):
    late_client = Client(site.url)
    late_client.get(f"/apply?slot={SLOT}")                      # both have the form open
    assert Client(site.url).apply(SLOT).status == 303
    late = late_client.post("/apply", {"slot": SLOT, "name": "青森 花子", "email": "hanako@example.ne.jp",
                                       "email2": "hanako@example.ne.jp", "phone": "090-1111-2222",
                                       "agree": "yes", "terms_version": late_client.last.field("terms_version")})
    assert late.status == 409 and "ほかの方のお申込みで埋まりました" in late.text and 'href="/"' in late.text
    assert Client(site.url).get(f"/apply?slot={SLOT}").status == 409
    assert len(threads(config)) == 1


@pytest.mark.parametrize("slot", ["2026-12-05T10:00/c1", "2026-12-30T10:00/c1", "2026-12-02T10:00/c1",
                                  "2027-06-01T10:00/c1", "../etc/passwd"])
def test_the_form_refuses_what_the_calendar_refuses(site, config, slot):
    page = Client(site.url).get(f"/apply?slot={slot}")
    assert page.status in (404, 409) and "<form" not in page.text


def test_unknown_forged_and_altered_tokens_get_the_same_answer(site, config):
    seeker = Client(site.url)
    seeker.apply(SLOT)
    token = link_token(config)
    ref, nonce, mac = token.split(".")
    answers = set()
    for bad in ("nothing", "AK-2612-0099.0123456789abcdef.aaaaaaaaaaaaaaaaaaaaaaaaaa",
                f"{ref}.{nonce}.{'a' * 26}", f"{ref}.{'0' * 16}.{mac}",
                f"AK-2612-0002.{nonce}.{mac}"):
        page = Client(site.url).get(f"/l/{bad}")
        answers.add((page.status, page.plain().split("（エラー")[0]))
        assert Client(site.url).get(f"/c/{bad}").status == 404
    assert len(answers) == 1 and next(iter(answers))[0] == 404
    # Signed by us but not the application's own link (an older one, say): still nothing.
    from mailbot.daemon import make_composer
    from mailbot.web.tokens import Tokens
    other, _ = Tokens(make_composer(config).signer).make("link", ref)
    page = Client(site.url).get(f"/l/{other}")
    assert (page.status, page.plain().split("（エラー")[0]) in answers
    assert threads(config)[0]["state"] == "pending_link"


def test_the_answer_is_the_same_for_known_and_unknown_addresses(site, config, clock):
    """Whether an address has bookings, a no-show record or none shows nowhere on the site."""
    known = Client(site.url)
    known.apply(SLOT)
    token = link_token(config)
    known.get(f"/l/{token}")
    known.post(f"/l/{token}", {})
    again = Client(site.url).apply("2026-12-07T10:00/c1")                  # the same address
    fresh = Client(site.url).apply("2026-12-07T11:00/c1", email="new@example.jp")
    assert (again.status, again.headers["location"]) == (fresh.status, fresh.headers["location"])
    assert Client(site.url).get("/sent").plain() == Client(site.url).get("/sent").plain()


def test_rate_limit_per_client(tmp_path, clock):
    config = site_config(tmp_path, rules=rules_copy(tmp_path, per_client_per_hour="3"))
    with SiteThread(config, clock) as site:
        c = Client(site.url)
        statuses = [c.get(f"/l/nothing-{i}").status for i in range(4)]
        assert statuses == [404, 404, 404, 429]
        assert c.last.headers["retry-after"] == "3600" and "しばらく時間をおいて" in c.last.text
        c.get(f"/apply?slot={SLOT}")                    # the pages themselves are not limited
        assert c.post("/apply", {"slot": SLOT}).status == 429


@pytest.mark.parametrize("trusted", [False, True])
def test_forwarded_for_counts_only_behind_a_trusted_proxy(tmp_path, clock, trusted):
    config = site_config(tmp_path, rules=rules_copy(tmp_path, per_client_per_hour="2"),
                         web=f"trust_forwarded_for = {str(trusted).lower()}")
    with SiteThread(config, clock) as site:
        statuses = [Client(site.url, headers={"X-Forwarded-For": f"198.51.100.{i}"}).get("/l/x").status
                    for i in range(3)]
    # Untrusted, a client cannot dodge its limit by naming other addresses.
    assert statuses == ([404, 404, 404] if trusted else [404, 404, 429])


def test_rate_limit_per_address_is_silent(tmp_path, clock):
    """Past the daily limit for one address the page is the same, but nothing is recorded and
    no mail goes out: the form cannot be used to flood someone's mailbox."""
    config = site_config(tmp_path, rules=rules_copy(tmp_path, per_email_per_day="2"))
    with SiteThread(config, clock) as site:
        slots = Client(site.url).get("/").free_slots()
        pages = [Client(site.url).apply(s) for s in slots[:3]]
        assert [(p.status, p.headers["location"]) for p in pages] == [(303, "/sent")] * 3
        assert len(threads(config)) == 2 and len(outbox(config)) == 2
        assert Client(site.url).apply(slots[3], email="other@example.jp").status == 303
        assert len(threads(config)) == 3
        from mailbot.store import Store
        with Store(config.paths.state).snapshot() as tx:
            keys = tx.meta_keys("site:")
        assert len(keys) == 2 and not any("example" in k for k in keys)   # no address stored


def test_a_disabled_site_takes_no_application(tmp_path, clock):
    config = site_config(tmp_path, rules=rules_copy(tmp_path, enabled="false"))
    with SiteThread(config, clock) as site:
        assert "休止" in Client(site.url).get("/").text
        page = Client(site.url).apply(SLOT)
        assert page.status == 409 and "休止" in page.text
        assert threads(config) == []


# ---------------------------------------------------------------------------- the command


def _listening(port: int) -> list[str]:
    """Local addresses with a TCP socket listening on `port` (from /proc/net/tcp)."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if int(hexport, 16) == port and state == "0A":
                out.append(addr)
    return out


def test_mailbot_web_listens_on_loopback_by_default(tmp_path):
    config = site_config(tmp_path)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "mailbot.cli", "--config", str(config.source), "web",
                             "--port", str(port), "--now", "2026-12-01T09:00+09:00"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 15
        while not _listening(port) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert _listening(port) == ["0100007F"], proc.stderr.read() if proc.poll() is not None else ""
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
            assert resp.status == 200 and SLOT.replace(":", "%3A") in resp.read().decode()
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert proc.returncode in (0, -15)
    assert "taro" not in err and "127.0.0.1" in err
    assert "GET /" not in err                                  # no access log: paths carry tokens
