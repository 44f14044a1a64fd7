"""Site tokens and limits: a link token is bound to its purpose, booking and nonce; a forged
or altered one is recognised before anything is looked up; CSRF tokens bind to the cookie."""

from __future__ import annotations

from mailbot.signing import Signer
from mailbot.web.limits import ClientLimiter
from mailbot.web.tokens import Tokens

T = Tokens(Signer(b"k1"))


def test_a_token_reads_back_for_its_purpose_only():
    token, nonce = T.make("link", "AK-2612-0001")
    assert T.read("link", token) == ("AK-2612-0001", nonce)
    assert T.read("cancel", token) is None
    assert Tokens(Signer(b"k2")).read("link", token) is None


def test_altered_tokens_fail():
    token, _ = T.make("link", "AK-2612-0001")
    ref, nonce, mac = token.split(".")
    assert T.read("link", f"AK-2612-0002.{nonce}.{mac}") is None
    assert T.read("link", f"{ref}.{'0' * 16}.{mac}") is None
    assert T.read("link", token[:-1] + ("a" if token[-1] != "a" else "b")) is None
    assert T.read("link", "AK-2612-0001") is None and T.read("link", "") is None


def test_csrf_binds_to_the_cookie():
    cookie = T.new_cookie()
    field = T.csrf_for(cookie)
    assert T.csrf_ok(cookie, field)
    assert not T.csrf_ok(T.new_cookie(), field)
    assert not T.csrf_ok(cookie, None) and not T.csrf_ok(None, field) and not T.csrf_ok("x", T.csrf_for("x"))


def test_the_client_limit_is_a_sliding_hour():
    clock = [0.0]
    limiter = ClientLimiter(lambda: 3, clock=lambda: clock[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")
    clock[0] = 3599
    assert not limiter.allow("a")
    clock[0] = 3600
    assert limiter.allow("a")
