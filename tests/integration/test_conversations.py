"""Booking conversations from tests/data/conversations/*.yaml, played through the real daemon.

Why: the conversation logic is checked against a blind set written from what a seeker, the
office's terms and mature software expect, not from the code.  Each file is one conversation;
each step sets the clock, puts one mail (a new one, or a reply to an office mail with the right
In-Reply-To/References/quote) into the office inbox over LMTP, or runs a staff command through
the CLI, then runs one daemon cycle at that time (`Bot.run(once=True)`) against real Dovecot +
SMTP, and compares every mail the office sent in that cycle (the SMTP server's accepted list)
with the step's `expect`.  A mismatch prints the whole conversation so far.

Expected failures come only from `known_failures.txt` next to the files (one file name per line,
then the reason, which starts with the step of the first miss): a listed conversation that
passes, or that fails at an earlier step than recorded, fails the test.
`bench/conversation_set.py` plays every file without those marks and prints the figures.
The format is described in tests/data/conversations/README.md.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
from base64 import b64encode
from dataclasses import dataclass, field
from datetime import datetime
from email.header import Header
from email.utils import format_datetime, getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO, SEEKER, SEEKER2

SET_DIR = REPO / "tests" / "data" / "conversations"
KNOWN_FAILURES = SET_DIR / "known_failures.txt"
STRANGER = "kenji.suzuki@example.com"
ROLES = {"seeker": SEEKER, "seeker2": SEEKER2, "stranger": STRANGER}
PASSWORD = "conv-pw"

BEHAVIOURS = frozenset({
    "keep_original", "fresh_request_not_consent", "pick_by_hour", "pick_by_weekday",
    "pick_by_date", "same_day_cancel", "several_days", "truthful_deadline", "unmet_wish",
    "always_answered", "staff_notice", "staff_booking", "resume", "lapse", "sender_binding",
    "third_party", "reschedule", "cancel", "attendant", "needs_info",
})
KINDS = frozenset({
    "offer", "needs_info", "which_slot", "confirmed", "cancelled", "same_day_cancel", "lapsed",
    "needs_info_lapsed", "reschedule_lapsed", "reschedule_withdrawn", "staff_ack",
    "ask_new_time", "reminder", "redirected", "limit_reached",
    # added with the rewrite: an anonymous receipt (names no booking), a receipt for a detail
    # sent later, the too-large notice
    "received", "noted", "too_large",
})
QUOTES = {False: None, True: "gmail", "gmail": "gmail", "outlook": "outlook",
          "iphone": "iphone", "bottom": "bottom"}
CHARSETS = {"utf-8": ("utf-8", "base64"), "iso-2022-jp": ("iso2022_jp", "7bit"),
            "shift_jis": ("cp932", "8bit")}
REF = re.compile(r"\[予約番号 ([A-Z]{1,5}-\d{4}-\d{4})\]")
ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]+$")
WEEKDAYS = "月火水木金土日"


class SetError(ValueError):
    """A conversation file does not follow the format (a typo must not pass as 'no check')."""


# ------------------------------------------------------------------------------ the files


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _keys(where: str, value: Any, required: set[str], optional: set[str]) -> None:
    if not isinstance(value, dict):
        raise SetError(f"{where}: expected a mapping")
    missing = required - value.keys()
    unknown = value.keys() - required - optional
    if missing:
        raise SetError(f"{where}: missing {sorted(missing)}")
    if unknown:
        raise SetError(f"{where}: unknown keys {sorted(unknown)}")


def _party(where: str, value: Any) -> None:
    if not isinstance(value, str) or not (value in ROLES or ADDRESS.match(value)):
        raise SetError(f"{where}: {value!r} is neither a role ({', '.join(ROLES)}) nor an address")


def _strings(where: str, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise SetError(f"{where}: expected a list of non-empty strings")


def at_time(value: Any) -> datetime:
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if when.tzinfo is None:
        raise ValueError(f"{value!r}: give an offset (+09:00)")
    return when


def _mail_expectation(where: str, item: Any) -> None:
    _keys(where, item, {"to", "kind"}, {"contains", "in_order", "absent"})
    _party(f"{where}.to", item["to"])
    kinds = item["kind"] if isinstance(item["kind"], list) else [item["kind"]]
    if not kinds or any(k not in KINDS for k in kinds):
        raise SetError(f"{where}.kind: {item['kind']!r} (known: {', '.join(sorted(KINDS))})")
    for key in ("contains", "in_order", "absent"):
        if key in item:
            _strings(f"{where}.{key}", item[key])


def validate(conv: Any, name: str = "conversation") -> None:
    """Raise SetError unless `conv` follows the format of tests/data/conversations/README.md."""
    _keys(name, conv, {"title", "covers", "steps"}, {"notes"})
    if not isinstance(conv["title"], str) or not conv["title"].strip():
        raise SetError(f"{name}: title must be text")
    if not conv["covers"] or not set(conv["covers"]) <= BEHAVIOURS:
        raise SetError(f"{name}: covers {conv['covers']!r} (known: {', '.join(sorted(BEHAVIOURS))})")
    steps = conv["steps"]
    if not isinstance(steps, list) or not steps:
        raise SetError(f"{name}: steps must be a non-empty list")
    previous = None
    for i, step in enumerate(steps, 1):
        where = f"{name} step {i}"
        _keys(where, step, {"at", "expect"}, {"mail", "reply", "tick", "staff"})
        actions = [k for k in ("mail", "reply", "tick", "staff") if k in step]
        if len(actions) != 1:
            raise SetError(f"{where}: exactly one of mail, reply, tick, staff (got {actions})")
        try:
            when = at_time(step["at"])
        except ValueError as exc:
            raise SetError(f"{where}.at: {exc}") from None
        if previous is not None and when < previous:
            raise SetError(f"{where}.at: goes back in time")
        previous = when
        if "mail" in step:
            _keys(f"{where}.mail", step["mail"], {"from", "subject", "body"},
                  {"charset", "name", "to"})
            _party(f"{where}.mail.from", step["mail"]["from"])
        if "reply" in step:
            _keys(f"{where}.reply", step["reply"], {"from", "body"},
                  {"quote", "of", "kind", "charset", "name"})
            _party(f"{where}.reply.from", step["reply"]["from"])
            if "of" in step["reply"]:
                _party(f"{where}.reply.of", step["reply"]["of"])
            if step["reply"].get("quote", False) not in QUOTES:
                raise SetError(f"{where}.reply.quote: one of {list(QUOTES)}")
            if step["reply"].get("kind", "offer") not in KINDS:
                raise SetError(f"{where}.reply.kind: unknown kind")
        for action in ("mail", "reply"):
            if step.get(action, {}).get("charset", "utf-8") not in CHARSETS:
                raise SetError(f"{where}.{action}.charset: one of {list(CHARSETS)}")
        if "tick" in step and step["tick"] is not True:
            raise SetError(f"{where}.tick: must be true")
        if "staff" in step:
            _strings(f"{where}.staff", step["staff"])
        expect = step["expect"]
        _keys(f"{where}.expect", expect, set(), {"mails", "maybe", "staff_notice", "booking"})
        for key in ("mails", "maybe"):
            if not isinstance(expect.get(key, []), list):
                raise SetError(f"{where}.expect.{key}: expected a list")
            for j, item in enumerate(expect.get(key, []), 1):
                _mail_expectation(f"{where}.expect.{key}[{j}]", item)
        if expect.get("staff_notice", False) not in (True, False, None):
            raise SetError(f"{where}.expect.staff_notice: true, false or null (either)")
        if "booking" in expect:
            _keys(f"{where}.expect.booking", expect["booking"], set(), {"state", "slot", "who"})
            if "who" in expect["booking"]:
                _party(f"{where}.expect.booking.who", expect["booking"]["who"])


def read_known_failures(path: Path = KNOWN_FAILURES) -> dict[str, str]:
    """`file.yaml  reason` per line; blank lines and # comments ignored. Every line needs a reason."""
    known: dict[str, str] = {}
    if not path.exists():
        return known
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        if not name.endswith(".yaml") or not reason.strip():
            raise SetError(f"{path.name}:{n}: expected 'NAME.yaml reason'")
        known[name] = reason.strip()
    return known


def conversation_files() -> list[Path]:
    return sorted(SET_DIR.glob("*.yaml"))


# ------------------------------------------------------------------------------ matching


@dataclass(frozen=True)
class Sent:
    """One office mail as one recipient got it."""

    to: str            # a role name when the address is one, else the address
    kind: str
    subject: str
    text: str
    message: Any = field(repr=False, compare=False)


def _fits(expected: dict, mail: Sent) -> bool:
    kinds = expected["kind"] if isinstance(expected["kind"], list) else [expected["kind"]]
    if expected["to"] != mail.to or mail.kind not in kinds:
        return False
    if any(s not in mail.text for s in expected.get("contains", [])):
        return False
    if any(s in mail.text for s in expected.get("absent", [])):
        return False
    pos = 0
    for s in expected.get("in_order", []):
        found = mail.text.find(s, pos)
        if found < 0:
            return False
        pos = found + len(s)
    return True


def match_mails(mails: list[dict], maybe: list[dict], sent: list[Sent]) -> list[str]:
    """Problems (empty when fine): every expected mail matched by a different sent mail, and
    every sent mail matched by an expected or a `maybe` one. Order is ignored; the assignment is
    searched exhaustively (a step sends a handful of mails)."""
    wanted = [(e, True) for e in mails] + [(e, False) for e in maybe]

    def assign(i: int, free: frozenset[int]) -> frozenset[int] | None:
        """The smallest set of sent mails left unexplained, or None if a required one is missing."""
        if i == len(wanted):
            return free
        expected, required = wanted[i]
        best = None
        tries = [free - {j} for j in sorted(free) if _fits(expected, sent[j])]
        if not required:
            tries.append(free)
        for rest in tries:
            left = assign(i + 1, rest)
            if left is not None and (best is None or len(left) < len(best)):
                best = left
        return best

    leftover = assign(0, frozenset(range(len(sent))))
    if leftover is None:
        return [_missing(mails, maybe, sent)]
    return [f"unexpected mail to {sent[j].to}: {sent[j].kind} ({sent[j].subject})"
            for j in sorted(leftover)]


def _missing(mails: list[dict], maybe: list[dict], sent: list[Sent]) -> str:
    """Name the first expected mail that no sent mail can stand for, with the near misses."""
    for expected in mails:
        if not any(_fits(expected, s) for s in sent):
            near = [s for s in sent if s.to == expected["to"]]
            why = []
            for s in near:
                kinds = expected["kind"] if isinstance(expected["kind"], list) else [expected["kind"]]
                if s.kind not in kinds:
                    why.append(f"got kind {s.kind}")
                else:
                    lacks = [x for x in expected.get("contains", []) + expected.get("in_order", [])
                             if x not in s.text]
                    has = [x for x in expected.get("absent", []) if x in s.text]
                    why.append(f"{s.kind} lacks {lacks}" if lacks else
                               f"{s.kind} contains {has}" if has else f"{s.kind}: order differs")
            return (f"missing mail to {expected['to']}: {expected['kind']}"
                    + (f" {expected.get('contains') or expected.get('in_order')}"
                       if expected.get("contains") or expected.get("in_order") else "")
                    + (f" ({'; '.join(why)})" if why else " (nothing sent to them)"))
    return "expected mails cannot all be matched by different sent mails"


def check_mails(expect: dict, sent: list[Sent], notices: list[Sent]) -> list[str]:
    """Problems with the mails of one step: the seekers' mails and whether staff got a notice."""
    problems = match_mails(expect.get("mails", []), expect.get("maybe", []), sent)
    want_notice = expect.get("staff_notice", False)
    if want_notice is not None and bool(notices) != want_notice:
        problems.append("staff got a notice" if notices else "staff got no notice")
    return problems


def parse_bookings(output: str) -> dict[str, tuple[str, str]]:
    """`mailbot bookings --all` lines (`REF  state  slot[,slot…]`) as {ref: (state, slots)}."""
    rows = {}
    for line in output.splitlines():
        parts = line.split()
        if parts and re.fullmatch(r"[A-Z]{1,5}-\d{4}-\d{4}", parts[0]):
            rows[parts[0]] = (parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "")
    return rows


def check_booking(booking: dict, ref: str, rows: dict[str, tuple[str, str]]) -> list[str]:
    """Problems with the state and slot of `ref`; the slot is compared without its counter."""
    if ref not in rows:
        return [f"{ref}: not listed by `mailbot bookings --all`"]
    state, slots = rows[ref]
    problems = []
    if "state" in booking and state != booking["state"]:
        problems.append(f"{ref}: state {state}, expected {booking['state']}")
    if "slot" in booking and slots.split(",")[0].split("/")[0] != booking["slot"]:
        problems.append(f"{ref}: slot {slots or '(none)'}, expected {booking['slot']}")
    return problems


# ------------------------------------------------------------------------------ building mail


def encoded_word(text: str, charset: str) -> str:
    """A header value as the seeker's client writes it (encoded words in its charset)."""
    if text.isascii():
        return text
    codec = CHARSETS[charset][0]
    label = {"utf-8": "UTF-8", "iso-2022-jp": "ISO-2022-JP", "shift_jis": "Shift_JIS"}[charset]
    if charset == "utf-8":
        return Header(text, "utf-8").encode()
    return f"=?{label}?B?{b64encode(text.encode(codec)).decode()}?="


def build_mail(*, sender: str, name: str | None, to: str, subject: str, body: str, charset: str,
               when: datetime, message_id: str, in_reply_to: str | None = None,
               references: str | None = None) -> bytes:
    """The raw bytes of a seeker's mail (CRLF, headers encoded, body in its charset)."""
    codec, cte = CHARSETS[charset]
    label = {"utf-8": "UTF-8", "iso-2022-jp": "ISO-2022-JP", "shift_jis": "Shift_JIS"}[charset]
    text = body.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    payload = text.replace("\n", "\r\n").encode(codec)
    if cte == "base64":
        raw = b64encode(payload).decode()
        payload = "\r\n".join(raw[i:i + 76] for i in range(0, len(raw), 76)).encode() + b"\r\n"
    sender_header = f"{encoded_word(name, charset)} <{sender}>" if name else sender
    headers = [
        f"From: {sender_header}",
        f"To: {to}",
        f"Subject: {encoded_word(subject, charset)}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: {message_id}",
    ]
    if in_reply_to:
        headers.append(f"In-Reply-To: {in_reply_to}")
    if references:
        headers.append(f"References: {references}")
    headers += ["MIME-Version: 1.0", f'Content-Type: text/plain; charset="{label}"',
                f"Content-Transfer-Encoding: {cte}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii") + payload


def _jst(msg) -> datetime:
    return parsedate_to_datetime(msg["Date"])


def quoted(style: str | None, office_msg, text: str) -> str:
    """`text` with the office mail quoted the way common clients do (Gmail, Outlook, iPhone)."""
    if style is None:
        return text
    body = office_msg.get_body(("plain",)).get_content().rstrip("\n")
    sent = _jst(office_msg)
    who = office_msg["From"]
    hm = f"{sent.hour}:{sent.minute:02d}"
    wd = WEEKDAYS[sent.weekday()]
    gt = "".join(f"> {line}\n" if line else ">\n" for line in body.splitlines())
    if style == "gmail":
        return f"{text}\n\n{sent.year}年{sent.month}月{sent.day}日({wd}) {hm} {who}:\n\n{gt}"
    if style == "iphone":
        return (f"{text}\n\niPhoneから送信\n\n{sent:%Y/%m/%d} {hm}、{who}のメール:\n\n{gt}")
    if style == "bottom":
        return f"{sent.year}年{sent.month}月{sent.day}日 {hm} {who}:\n{gt}\n{text}\n"
    # Outlook (Japanese): a rule line, 差出人/送信日時/宛先/件名, the mail unprefixed.
    return (f"{text}\n\n________________________________\n差出人: {who}\n"
            f"送信日時: {sent.year}年{sent.month}月{sent.day}日 {hm}\n宛先: {office_msg['To']}\n"
            f"件名: {office_msg['Subject']}\n\n{body}\n")


# ------------------------------------------------------------------------------ playing


def first_lines(text: str, n: int) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    skip = ("様", "オンライン職業相談担当です")
    lines = [line for line in lines if not line.endswith(skip[0]) and skip[1] not in line]
    return lines[:n]


class Conversation:
    """One file played against one sandbox: the parties, the mails so far, the transcript."""

    def __init__(self, name: str, conv: dict, sandbox, config, config_path: Path, staff: str,
                 office: str) -> None:
        self.name, self.conv, self.sandbox = name, conv, sandbox
        self.config, self.config_path = config, config_path
        self.staff, self.office = staff, office
        self.addresses = dict(ROLES)
        self.received: dict[str, list[Sent]] = {}        # role/address -> office mails, in order
        self.refs: dict[str, str] = {}                    # role/address -> first reference seen
        self.ref: str | None = None
        self.transcript: list[str] = []
        self.counter = 0
        self.step = 0
        self.failed_at: int | None = None

    # -- parties -------------------------------------------------------------------------------

    def address(self, party: str) -> str:
        return self.addresses.get(party, party)

    def party(self, address: str) -> str:
        for role, addr in self.addresses.items():
            if addr.lower() == address.lower():
                return role
        return address.lower()

    def fill(self, text: str) -> str:
        """Put addresses and the reference into a subject or body ({seeker}, {ref}, …)."""
        values = {role: addr for role, addr in self.addresses.items()}
        values["office"] = self.office
        values["ref"] = self.ref or "AK-0000-0000"
        for role in ROLES:
            values[f"ref_{role}"] = self.refs.get(role, "AK-0000-0000")
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)

    def message_id(self, step: int, sender: str) -> str:
        self.counter += 1
        stem = re.sub(r"[^A-Za-z0-9-]", "", Path(self.name).stem) or "conv"
        return f"<{stem}.{step}.{self.counter}@{sender.split('@')[1]}>"

    # -- one step ------------------------------------------------------------------------------

    def play(self, i: int, step: dict) -> None:
        from mailbot.daemon import Bot, Clock

        when = at_time(step["at"])
        self.step = i
        self.transcript.append(f"--- step {i} at {when.isoformat()}")
        mark = len(self.sandbox.accepted)
        if "mail" in step:
            self._mail(i, step["mail"], when)
        elif "reply" in step:
            self._reply(i, step["reply"], when)
        elif "staff" in step:
            self._staff(step["staff"], when)
        else:
            self.transcript.append("    (tick)")
        Bot.from_config(self.config, Clock(when)).run(once=True)
        sent, notices = self._collect(self.sandbox.accepted[mark:])
        problems = self._check(step["expect"], sent, notices)
        if problems:
            pytest.fail(self.report(i, problems), pytrace=False)

    def _deliver(self, raw: bytes, line: str, body: str) -> None:
        self.sandbox.deliver(self.office, raw)
        self.transcript.append(line)
        self.transcript += [f"      | {x}" for x in body.strip().splitlines() if x.strip()][:12]

    def _mail(self, i: int, mail: dict, when: datetime) -> None:
        sender = self.address(mail["from"])
        subject, body = self.fill(mail["subject"]), self.fill(mail["body"])
        raw = build_mail(sender=sender, name=mail.get("name"), to=self.address(mail.get("to", self.office)),
                         subject=subject, body=body, charset=mail.get("charset", "utf-8"), when=when,
                         message_id=self.message_id(i, sender))
        self._deliver(raw, f"  IN  {mail['from']} -> office [new mail, {mail.get('charset', 'utf-8')}] {subject}", body)

    def _reply(self, i: int, reply: dict, when: datetime) -> None:
        sender = self.address(reply["from"])
        owner = reply.get("of", reply["from"])
        got = self.received.get(owner, [])
        if "kind" in reply:
            got = [s for s in got if s.kind == reply["kind"]]
        if not got:
            pytest.fail(self.report(i, [f"{reply['from']} has no office mail to reply to"
                                        + (f" (of {owner}, kind {reply['kind']})" if "kind" in reply else "")]),
                        pytrace=False)
        original = got[-1].message
        style = QUOTES[reply.get("quote", False)]
        body = quoted(style, original, self.fill(reply["body"]).rstrip("\n"))
        refs = " ".join(x for x in ((original["References"] or "").split() + [original["Message-ID"]]) if x)
        raw = build_mail(sender=sender, name=reply.get("name"), to=self.office,
                         subject="Re: " + str(original["Subject"]), body=body,
                         charset=reply.get("charset", "utf-8"), when=when,
                         message_id=self.message_id(i, sender),
                         in_reply_to=original["Message-ID"], references=refs)
        label = f"reply to {got[-1].kind}" + (f" of {owner}" if owner != reply["from"] else "")
        self._deliver(raw, f"  IN  {reply['from']} -> office [{label}, quote={style}]",
                      self.fill(reply["body"]))

    def _staff(self, args: list[str], when: datetime) -> None:
        from click.testing import CliRunner

        from mailbot.cli import main

        argv = [self.fill(a) for a in args]
        result = CliRunner().invoke(main, ["--config", str(self.config_path), *argv,
                                           "--now", when.isoformat()])
        self.transcript.append(f"  STAFF mailbot {' '.join(argv)} -> exit {result.exit_code}: "
                               f"{result.output.strip()}")
        if result.exit_code != 0:
            pytest.fail(self.report(None, [f"staff command failed: {' '.join(argv)}\n{result.output}"]),
                        pytrace=False)

    def _collect(self, accepted) -> tuple[list[Sent], list[Sent]]:
        sent, notices = [], []
        for item in accepted:
            msg = email.message_from_bytes(item.raw, policy=email.policy.default)
            part = msg.get_body(("plain",))
            text = part.get_content() if part is not None else ""
            kind = str(msg["X-Mailbot-Kind"] or "?")
            subject = str(msg["Subject"] or "")
            for rcpt in item.rcpt_tos:
                who = "staff" if rcpt.lower() == self.staff.lower() else self.party(rcpt)
                mail = Sent(who, kind, subject, text, msg)
                attachments = [p.get_filename() or p.get_content_type() for p in msg.iter_attachments()]
                self.transcript.append(f"  OUT office -> {who} [{kind}] {subject}"
                                       + (f"  +{attachments}" if attachments else ""))
                self.transcript += [f"      | {x}" for x in first_lines(text, 8)]
                if who == "staff":
                    notices.append(mail)
                    continue
                sent.append(mail)
                self.received.setdefault(who, []).append(mail)
                found = REF.search(subject)
                if found:
                    self.refs.setdefault(who, found.group(1))
                    self.ref = self.ref or found.group(1)
        return sent, notices

    def _check(self, expect: dict, sent: list[Sent], notices: list[Sent]) -> list[str]:
        problems = check_mails(expect, sent, notices)
        if "booking" in expect:
            problems += self._check_booking(expect["booking"])
        return problems

    def _check_booking(self, booking: dict) -> list[str]:
        from click.testing import CliRunner

        from mailbot.cli import main

        who = booking.get("who")
        ref = self.refs.get(who) if who else self.ref
        if ref is None:
            return [f"no booking reference seen for {who or 'this conversation'}"]
        result = CliRunner().invoke(main, ["--config", str(self.config_path), "bookings", "--all"])
        rows = parse_bookings(result.output)
        if ref in rows:
            self.transcript.append(f"  BOOKING {ref}: {' '.join(rows[ref])}")
        return check_booking(booking, ref, rows)

    def report(self, step: int | None, problems: list[str]) -> str:
        self.failed_at = step if step is not None else self.step
        head = f"{self.name}: {self.conv['title']}"
        where = f"step {self.failed_at}"
        return "\n".join([head, f"{where}: " + "; ".join(problems), "", "conversation so far:",
                          *self.transcript])


# ------------------------------------------------------------------------------ the cases


def _cases() -> list:
    return [pytest.param(path, id=path.stem) for path in conversation_files()]


def _staff_address() -> str:
    return str(load_yaml(REPO / "rules" / "office.yaml")["staff_address"])


def recorded_step(reason: str) -> int | None:
    """The step a known failure was recorded at (its reason starts `step N:`), if given."""
    found = re.match(r"step (\d+)\b", reason)
    return int(found.group(1)) if found else None


def judge_known(name: str, reason: str | None, failed_at: int | None) -> tuple[str, str]:
    """What a played conversation's outcome means against known_failures.txt:
    ("pass" | "xfail" | "fail", why). A listed one that passes, or that now fails at an EARLIER
    step than recorded (a regression hidden behind the old failure), is a failure; failing at
    the recorded step or later is the expected failure (progress shows in the bench figure)."""
    if reason is None:
        return ("pass", "") if failed_at is None else ("fail", "")
    if failed_at is None:
        return "fail", f"{name} passes now: remove its line from known_failures.txt"
    step = recorded_step(reason)
    if step is not None and failed_at < step:
        return "fail", (f"{name} now fails at step {failed_at}, before the recorded step {step} "
                        f"({reason}): a regression")
    return "xfail", f"known failure: {reason}" + (f" (first miss now at step {failed_at})"
                                                  if step is not None and failed_at != step else "")


@pytest.mark.parametrize("path", _cases())
def test_conversation(path: Path, mail_sandbox, office, bot_config, bot_config_path) -> None:
    conv = load_yaml(path)
    validate(conv, path.name)
    # MAILBOT_CONVSET_ALL=1 ignores known_failures.txt (the measure, bench/conversation_set.py).
    known = {} if os.environ.get("MAILBOT_CONVSET_ALL") else read_known_failures()
    for party in _parties(conv):
        address = ROLES.get(party, party)
        if address not in mail_sandbox.users:
            mail_sandbox.add_user(address, PASSWORD)
    play = Conversation(path.name, conv, mail_sandbox, bot_config, bot_config_path,
                        _staff_address(), office)
    failure = None
    try:
        for i, step in enumerate(conv["steps"], 1):
            play.play(i, step)
    except pytest.fail.Exception as exc:
        failure = exc
    verdict, why = judge_known(path.name, known.get(path.name), play.failed_at if failure else None)
    if verdict == "xfail":
        pytest.xfail(why)
    if failure is not None:
        if why:
            pytest.fail(f"{why}\n\n{failure}", pytrace=False)
        raise failure
    if verdict == "fail":
        pytest.fail(why, pytrace=False)


def _parties(conv: dict) -> set[str]:
    parties = set()
    for step in conv["steps"]:
        for action in ("mail", "reply"):
            if action in step:
                parties.add(step[action]["from"])
    return parties
