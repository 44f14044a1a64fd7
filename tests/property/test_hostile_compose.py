"""Whatever a seeker's mail puts into the thread record, our outgoing headers stay ours.

Values flow from an inbound mail into our headers at these points (engine -> workflow ->
compose): To (the From address, or a contact address read from the text), In-Reply-To and
References (the seeker's Message-IDs), and the Subject (rendered from a template, which may show
thread data). Names and other free text reach the body through templates, where they must appear
as written, never be evaluated as template syntax.

Each property generates hostile values (CR/LF, NUL, C1 controls, encoded words that decode to
CR/LF, commas and second addresses, template syntax) and checks the mail as it is stored and as
it goes on the wire (policy SMTP, the daemon's path).
"""

from __future__ import annotations

import copy
import email
import email.policy
import re
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mailbot.compose import (MAX_SUBJECT, Composer, UnsafeHeader, check_headers, header_text,
                             safe_address, safe_message_id)
from mailbot.compose import ANONYMOUS_KINDS
from mailbot.daemon import MAIL_KINDS as _ALL_KINDS

# Kinds that need more than this thread (the booking site's link mails need an application).
# Conversation mail only: the site's kinds, and the staff's digest and rules_problem (built
# from the whole store or the rules check, not from one thread), are tested apart.
MAIL_KINDS = tuple(k for k in _ALL_KINDS if not k.startswith("site_")
                   and k not in ("digest", "rules_problem"))
# Kinds that show the seeker's name (anonymous receipts name nobody).
NAMED_KINDS = tuple(k for k in MAIL_KINDS if k not in ANONYMOUS_KINDS | {"redirected", "staff_notice"})
from mailbot.mail.smtp import recipients, wire_bytes
from mailbot.rules import load_rules

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules(REPO / "rules")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
FROM = "online-soudan@akita-hw.example.jp"
SEEKER = "taro@example.jp"

THREAD = {
    "ref": "AK-2612-0007",
    "subject": "予約",
    "contact": {"name": "秋田 太郎", "email": SEEKER, "phone": "090-1234-5678",
                "seeker_number": None, "attendant": None},
    "wishes": [{"date": "2026-12-04", "start": "14:00", "end": None}],
    "warnings": [],
    "offer": {"slots": ["2026-12-04T14:00/c1", "2026-12-07T10:00/c1"],
              "expires_at": "2026-12-06T23:59:59+09:00"},
    "booking": {"slot": "2026-12-08T13:00/c1", "url": "https://teleoffice.example.jp/x",
                "replaces": None},
    "message_ids": ["<in-1@example.jp>"],
    "last_in_message_id": "<in-1@example.jp>",
}

# The headers compose sets; nothing else may appear on the wire.
OUR_HEADERS = {"from", "to", "reply-to", "subject", "date", "message-id", "in-reply-to",
               "references", "auto-submitted", "x-mailbot-ref", "x-mailbot-kind", "x-mailbot-reason",
               "content-type",
               "content-transfer-encoding", "mime-version"}

INJECTIONS = [
    "\r\n", "\n", "\r", "\x00", "\x85", "\u2028", "\t", " ", "\r\nBcc: evil@x.example",
    "\nBcc: evil@x.example\n", "=?utf-8?q?a=0D=0ABcc=3A_evil=40x.example?=",
    "=?utf-8?b?DQpCY2M6IGV2aWxAeC5leGFtcGxl?=",          # base64 of "\r\nBcc: evil@x.example"
    "=?iso-2022-jp?q?=0A?=", "=?", "?=", ", evil@x.example", ";", ":", "<", ">", '"', "(", ")",
    "@", "evil@x.example", "\\", "{{ 7*7 }}", "{% for i in range(3) %}X{% endfor %}", "秋田",
]
hostile_text = st.lists(st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=8)),
                        max_size=8).map("".join)
plain_address = st.from_regex(r"\A[a-z0-9][a-z0-9._+\-]{0,15}@[a-z0-9]{1,10}\.(jp|ne\.jp|com)\Z")
hostile_address = st.one_of(
    hostile_text,
    st.builds(lambda a, s: a + s, plain_address, hostile_text),
    st.builds(lambda s, a: s + a, hostile_text, plain_address),
    st.builds(lambda a, s, b: a + s + b, plain_address, hostile_text, plain_address),
)
plain_id = st.from_regex(r"\A<[a-zA-Z0-9.$%+=_\-]{1,30}@[a-z0-9.\-]{1,20}>\Z")
hostile_id = st.one_of(
    plain_id, hostile_text,
    st.builds(lambda i, s: i[:-1] + s + ">", plain_id, hostile_text),
    st.builds(lambda s, i: "<" + s + i[1:], hostile_text, plain_id),
)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(REPO / "templates", None, FROM)


def _extra(kind: str) -> dict:
    return {"missing": ["phone", "requested"]} if kind == "needs_info" else {}


def _stored_and_wire(out) -> tuple[bytes, bytes, EmailMessage]:
    """What the engine stores, what the daemon sends (reparsed with policy SMTP), the latter parsed."""
    stored = out.message.as_bytes()
    message = email.message_from_bytes(stored, policy=email.policy.SMTP)
    return stored, wire_bytes(message), message


def _header_block(raw: bytes) -> list[bytes]:
    head = re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0]
    return re.split(rb"\r?\n", head)


def assert_headers_are_ours(raw: bytes) -> None:
    """Every line of the header block is a header of ours or a folded continuation; each header
    once; no NUL, no bare CR; every decoded value one line."""
    lines = _header_block(raw)
    names = []
    for line in lines:
        assert b"\x00" not in line and b"\r" not in line, line
        if line[:1] in (b" ", b"\t"):
            continue
        name, colon, _ = line.partition(b":")
        assert colon and re.fullmatch(rb"[!-9;-~]+", name), line
        names.append(name.decode().lower())
    assert len(names) == len(set(names)), names
    assert set(names) <= OUR_HEADERS, names
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    for name, value in parsed.items():
        assert not re.search(r"[\x00\r\n\x85\u2028\u2029]", str(value)), (name, value)


# -- To: one recipient, the one we were given ------------------------------------------------------


@given(to=hostile_address)
@example(to="taro@example.jp, evil@x.example")
@example(to="taro@example.jp\r\nBcc: evil@x.example")
@example(to="=?utf-8?q?taro=40example.jp=2C_evil=40x.example?=")
@example(to='"evil@x.example,"@example.jp')
@example(to="taro@example.jp\x00")
def test_to_is_exactly_one_plain_recipient_or_refused(composer, to):
    try:
        out = composer.compose("staff_ack", to, THREAD, RULES, NOW)
    except UnsafeHeader as exc:
        assert str(exc) == "To: not one plain address"    # never the value: it reaches logs
        return
    stored, wire, message = _stored_and_wire(out)
    assert recipients(message) == [to]
    assert [str(v) for v in message.get_all("To")] == [to]
    assert_headers_are_ours(stored)
    assert_headers_are_ours(wire)


@given(to=plain_address)
def test_plain_addresses_are_accepted_as_written(composer, to):
    out = composer.compose("staff_ack", to, THREAD, RULES, NOW)
    assert recipients(_stored_and_wire(out)[2]) == [to]


def test_old_docomo_addresses_are_still_answered(composer):
    # PITFALLS: "taro..yamada@docomo.ne.jp" is not RFC-valid, yet it exists and receives mail.
    out = composer.compose("staff_ack", "taro..yamada@docomo.ne.jp", THREAD, RULES, NOW)
    assert recipients(_stored_and_wire(out)[2]) == ["taro..yamada@docomo.ne.jp"]


# -- everything else in the thread record ----------------------------------------------------------


@given(kind=st.sampled_from(MAIL_KINDS), parent=hostile_id, earlier=st.lists(hostile_id, max_size=4),
       name=hostile_text, subject=hostile_text, phone=hostile_text, number=hostile_text,
       attendant=st.one_of(st.none(), hostile_text))
@example(kind="staff_ack", parent="<=?utf-8?q?a=0D=0ABcc=3A_evil=40x.example?=@z>", earlier=[],
         name="", subject="", phone="", number="", attendant=None)
@example(kind="offer", parent="<a@b>\r\nBcc: evil@x.example", earlier=["<x\x00@y>"],
         name="=?utf-8?b?DQpCY2M6IGV2aWxAeC5leGFtcGxl?=", subject="\r\n", phone="", number="",
         attendant=None)
def test_thread_values_never_make_a_header(composer, kind, parent, earlier, name, subject, phone,
                                           number, attendant):
    thread = copy.deepcopy(THREAD)
    thread["last_in_message_id"] = parent
    thread["message_ids"] = [*earlier, parent]
    thread["subject"] = subject
    thread["contact"].update(name=name, phone=phone, seeker_number=number, attendant=attendant)
    out = composer.compose(kind, SEEKER, thread, RULES, NOW, _extra(kind))
    stored, wire, message = _stored_and_wire(out)
    assert_headers_are_ours(stored)
    assert_headers_are_ours(wire)
    assert recipients(message) == [SEEKER]
    # A seeker's Message-ID is echoed exactly or not at all.
    assert message["In-Reply-To"] in (None, parent)
    for mid in (message["References"] or "").split():
        assert mid in thread["message_ids"]


@given(text=hostile_text)
@example(text="=?utf-8?q?a=0D=0ABcc=3A_x?=")
@example(text="==??=?")
def test_subject_text_is_one_line_without_encoded_words(composer, text):
    flat = header_text(text)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", flat)
    assert "=?" not in flat and len(flat) <= MAX_SUBJECT
    assert header_text(flat) == flat
    message = EmailMessage()
    message["Subject"] = flat
    assert "\n" not in str(message["Subject"]) and "\r" not in str(message["Subject"])


def test_a_template_showing_thread_data_in_the_subject_cannot_inject(composer, tmp_path):
    # Templates are the admins'; one may well show the seeker's name or subject in our subject.
    (tmp_path / "_macros.j2").write_text("", encoding="utf-8")
    (tmp_path / "echo.j2").write_text(
        "{% block subject %}Re: {{ subject }}{% endblock %}{% block body %}x{% endblock %}",
        encoding="utf-8")
    echo = Composer(tmp_path, None, FROM)
    for subject in ("=?utf-8?q?a=0D=0ABcc=3A_evil=40x.example?=", "a\r\nBcc: evil@x.example"):
        out = echo.compose("echo", SEEKER, THREAD, RULES, NOW, {"subject": subject})
        stored, wire, message = _stored_and_wire(out)
        assert_headers_are_ours(stored)
        assert recipients(message) == [SEEKER]


# -- the last guard ------------------------------------------------------------------------------


def test_check_headers_refuses_what_the_stdlib_would_inject():
    # Python 3.11 decodes an encoded word in a value it is given and writes the decoded CR/LF
    # out raw: this message carries a real Bcc header (or, on a Python that refuses it, none).
    message = EmailMessage()
    message["To"] = SEEKER
    message["In-Reply-To"] = "<=?utf-8?q?a=0D=0ABcc=3A_evil=40x.example?=@z>"
    message.set_content("x")
    with pytest.raises(UnsafeHeader):
        check_headers(message)


def test_check_headers_accepts_every_mail_we_compose(composer):
    for kind in MAIL_KINDS:
        check_headers(composer.compose(kind, SEEKER, THREAD, RULES, NOW, _extra(kind)).message)


@given(mid=hostile_id)
def test_safe_message_ids_are_plain_printable_ascii(mid):
    if safe_message_id(mid):
        assert re.fullmatch(r"<[!-;=?-~]+>", mid) and "=?" not in mid


@given(to=hostile_address)
def test_safe_address_never_repairs(to):
    try:
        assert safe_address(to) == to
    except UnsafeHeader:
        pass


# -- template syntax from mail is text, never code ---------------------------------------------------

TEMPLATE_SYNTAX = ["{{ 'EVAL' ~ 'UATED' }}", "{% if true %}EVAL{{ 'UATED' }}{% endif %}",
                   "{{ office.phone }}", "{# hidden #}", "{% raw %}", "{% endraw %}",
                   "{{ self.__init__.__globals__ }}", "{%- set x = 1 -%}", "{{", "}}", "{%", "%}",
                   "{{ m.signature(office) }}", "${x}", "{0.__class__}", "%(x)s"]
template_text = st.lists(st.one_of(st.sampled_from(TEMPLATE_SYNTAX),
                                   st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl",
                                                                               "Zp")), max_size=6)),
                         min_size=1, max_size=6).map("".join).filter(lambda s: s.strip() == s and s)


@given(kind=st.sampled_from(NAMED_KINDS), name=template_text)
@example(kind="offer", name="{{ 'EVAL' ~ 'UATED' }}")
@example(kind="confirmed", name="{% if true %}EVAL{{ 'UATED' }}{% endif %}")
def test_template_syntax_in_a_name_is_shown_as_written(composer, kind, name):
    thread = copy.deepcopy(THREAD)
    thread["contact"]["name"] = name
    thread["subject"] = name
    out = composer.compose(kind, SEEKER, thread, RULES, NOW, _extra(kind))
    message = email.message_from_bytes(out.message.as_bytes(), policy=email.policy.default)
    body = message.get_body(("plain",)).get_content()
    assert f"{name} 様" in body
    assert "EVALUATED" not in body + str(message["Subject"])
