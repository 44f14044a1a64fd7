"""Sample data for checking mail templates: synthetic conversations and the branches to try.

Why: Jinja2's StrictUndefined only fires on the branch that is rendered, so a typo inside
``{% if note == "taken" %}`` passes every check that renders one happy case and fails when the
first seeker whose slot was taken is waiting. The samples therefore start from the real
`compose.template_data()` of two synthetic conversations (everything known / little known), and
each template's own conditions (``note == "taken"``, ``contact.attendant``, ``"x" in missing``)
say which further values to try, so a branch added by an admin is exercised without a list
here to keep up to date.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Iterator, Mapping

import jinja2
from jinja2 import nodes

from mailbot import calendar, digest
from mailbot.compose import template_data
from mailbot.conversation import handlers as workflow
from mailbot.conversation.model import Thread

# Every field the workflow may ask for with needs_info (terms art. 6 (2)); `m.label()` must know
# each. REQUIRED is the workflow's own list, so a field it starts asking for is covered too.
ASKABLE = tuple(dict.fromkeys((*getattr(workflow, "REQUIRED", ()), "requested", "seeker_number")))

SAMPLE_ADDRESS = "mihon.taro@example.jp"
# Names a template may test that are not mail data (jinja globals, the macros module `m`).
_NOT_DATA = frozenset({"loop", "m", "range", "true", "false", "none", "True", "False", "None"})


@dataclass(frozen=True)
class Sample:
    """One synthetic conversation: the thread record and the extra data a Send would carry."""

    label: str                  # shown after a problem found only with this sample ("" = main)
    thread: dict
    extra: Mapping[str, Any]

    @property
    def record(self) -> Thread:
        """The sample as the typed conversation record (an untyped sample migrates on load)."""
        record = Thread.from_json(self.thread)
        if self.thread.get("site"):
            from mailbot.conversation.model import SiteApplication
            record.site = SiteApplication.from_json(self.thread["site"])
        return record

    def data(self, rules) -> dict:
        return template_data(self.record, rules, self.extra)


@dataclass(frozen=True)
class Variant:
    """A change to the template data that takes a branch: set `path` to `value`, or, with
    `member`, put `value` into (or take it out of) the list at `path`."""

    path: tuple[str, ...]
    value: Any
    member: bool = False

    def describe(self, present: bool | None = None) -> str:
        name = ".".join(self.path)
        if self.member:
            return f"{name} に {self.value!r} を{'含む' if present else '含まない'}とき"
        if self.value in (None, False, "", [], ()):
            return f"{name} が空のとき"
        if isinstance(self.value, str):
            return f"{name} = {self.value!r} のとき"
        return f"{name} があるとき"


def sample_now(rules) -> datetime:
    """A fixed instant (a Tuesday morning), so a check gives the same answer on any day."""
    return datetime(2026, 12, 1, 9, 0, tzinfo=rules.calendar.timezone)


def samples(rules, now: datetime | None = None) -> list[Sample]:
    """The full sample (every optional part present, each askable field missing) and the sparse
    one (no name, number or attendant, one slot, no warnings, the wish on a closed day)."""
    now = now or sample_now(rules)
    slots = _two_slots(rules, now)
    prefix = rules.office.reference_prefix
    ref = f"{prefix}-{now:%y%m}-0001"
    closed = _closed_day(rules, slots[0].day)
    wishes = [{"date": slots[0].day.isoformat(), "start": f"{slots[0].start:%H:%M}", "end": None}]
    if closed:
        wishes.append({"date": closed.isoformat(), "start": None, "end": None})
    weekday = "月火水木金土日"[(slots[0].day.weekday() + 1) % 7]
    expires = calendar.offer_expires_at(rules, now, slots)
    full = {
        "ref": ref,
        "state": "confirmed",
        "created_at": now.isoformat(timespec="seconds"),
        "updated_at": now.isoformat(timespec="seconds"),
        "from_addr": SAMPLE_ADDRESS,
        "subject": "オンライン職業相談の予約",
        "contact": {"name": "見本 太郎", "email": SAMPLE_ADDRESS, "phone": "090-0000-0000",
                    "seeker_number": "05010-1234567", "attendant": "interpreter"},
        "wishes": wishes,
        "warnings": [f"weekday_mismatch: {slots[0].day.isoformat()} is not a {weekday}"],
        "offer": {"slots": [s.key for s in slots], "sent_at": now.isoformat(timespec="seconds"),
                  "expires_at": expires.isoformat(timespec="seconds")},
        "booking": {"slot": slots[0].key, "url": _url(rules, slots[0], ref), "replaces": slots[1].key},
        "message_ids": ["<sample-1@example.jp>"],
        "last_in_message_id": "<sample-1@example.jp>",
        "history": [],
        # a booking-site application (site_link, site_use_link; site bookings' mails)
        "site": {"slot": slots[0].key, "applied_at": now.isoformat(timespec="seconds"),
                 "agreed_at": now.isoformat(timespec="seconds"), "terms_version": "sample",
                 "terms_sha256": "0" * 64, "token_id": "sample", "link_minutes": 60,
                 "note": "見本の自由記入"},
    }
    sparse = {
        **full,
        "contact": {"name": None, "email": SAMPLE_ADDRESS, "phone": None, "seeker_number": None,
                    "attendant": None},
        "wishes": wishes[1:] or [{"date": (slots[0].day + timedelta(days=1)).isoformat(),
                                  "start": None, "end": None}],
        "warnings": [],
        "offer": {**full["offer"], "slots": [slots[0].key]},
        "booking": {"slot": slots[0].key, "url": full["booking"]["url"], "replaces": None},
    }
    # Mail to staff that belongs to no conversation: the morning digest, a bad rules version.
    office = {"digest": digest.sample(rules, now, full), "problems": list(_PROBLEMS),
              "version": "0123456789ab"}
    return [
        Sample("", full, {"note": None, "why": None, "missing": list(ASKABLE), **office}),
        Sample("名前・求職番号・同席者などが分からないとき", sparse,
               {"note": None, "why": None, "missing": list(ASKABLE[:1]), **office}),
    ]


_PROBLEMS = ("rules/calendar.yaml:42: closed_dates[0].date: 2027-02-30 という日付はありません（月と日を確かめてください）",)


def _two_slots(rules, now: datetime) -> list[calendar.Slot]:
    """Two real free slots when the calendar has them, else two made-up ones on the first
    counter (a check must not fail because the calendar is full or closed)."""
    found = calendar.free_slots(rules, {}, now, limit=2)
    if len(found) == 2:
        return found
    counter = rules.calendar.counters[0].id
    start = datetime.combine(now.date() + timedelta(days=7), time(10, 0), tzinfo=rules.calendar.timezone)
    minutes = rules.calendar.slot_minutes
    return [calendar.Slot(start, counter, minutes), calendar.Slot(start + timedelta(days=1), counter, minutes)]


def _closed_day(rules, start: date) -> date | None:
    """The first day from `start` without consultations (a holiday, a weekend, a closure)."""
    for offset in range(400):
        day = start + timedelta(days=offset)
        if calendar.closed_reason(rules, day):
            return day
    return None


def _url(rules, slot: calendar.Slot, ref: str) -> str:
    try:
        return calendar.session_url(rules, slot, ref)
    except ValueError:
        return "https://teleoffice.example.jp/sample"


# ---------------------------------------------------------------------------- branches


def variants(env: jinja2.Environment, name: str) -> list[Variant]:
    """The values worth trying for template `name`, read from its conditions (and those of the
    templates it extends or includes): each tested variable empty and present, each compared
    constant, each constant tested for membership in a list."""
    found: dict[tuple, Variant] = {}
    for ast in _asts(env, name):
        local = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
        tests = [n.test for n in ast.find_all((nodes.If, nodes.CondExpr)) if n.test is not None]
        tests += [n.test for n in ast.find_all(nodes.For) if n.test is not None]
        for test in tests:
            for v in _from_test(test, local):
                found.setdefault((v.path, repr(v.value), v.member), v)
    return list(found.values())


def _asts(env: jinja2.Environment, name: str) -> Iterator[nodes.Template]:
    """The parsed template and every template it names with a constant (extends, include)."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source = env.loader.get_source(env, current)[0]
            ast = env.parse(source, current)
        except jinja2.TemplateError:
            continue                      # reported by the compile step of the check
        yield ast
        for ref in ast.find_all((nodes.Extends, nodes.Include)):
            if isinstance(ref.template, nodes.Const) and isinstance(ref.template.value, str):
                todo.append(ref.template.value)


def _path(node: nodes.Node, local: set[str]) -> tuple[str, ...] | None:
    """`contact.attendant` / `contact["attendant"]` as ("contact", "attendant"), for context
    variables only (not loop variables, macro arguments or names set in the template)."""
    if isinstance(node, nodes.Name):
        if node.name in local or node.name in _NOT_DATA:
            return None
        return (node.name,)
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, local)
        return base + (node.attr,) if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
            and isinstance(node.arg.value, str):
        base = _path(node.node, local)
        return base + (node.arg.value,) if base else None
    return None


def _const(node: nodes.Node) -> list[Any] | None:
    if isinstance(node, nodes.Const):
        return [node.value]
    if isinstance(node, (nodes.List, nodes.Tuple)) and all(isinstance(i, nodes.Const) for i in node.items):
        return [i.value for i in node.items]
    return None


def _from_test(test: nodes.Node, local: set[str]) -> Iterator[Variant]:
    if isinstance(test, nodes.Not):
        yield from _from_test(test.node, local)
    elif isinstance(test, (nodes.And, nodes.Or)):
        yield from _from_test(test.left, local)
        yield from _from_test(test.right, local)
    elif isinstance(test, nodes.Test):
        path = _path(test.node, local)
        if path:
            yield Variant(path, None)
    elif isinstance(test, nodes.Compare):
        left = test.expr
        for operand in test.ops:
            right = operand.expr
            if operand.op in ("eq", "ne"):
                for a, b in ((left, right), (right, left)):
                    path, values = _path(a, local), _const(b)
                    if path and values:
                        yield from (Variant(path, v) for v in values)
            elif operand.op in ("in", "notin"):
                path, values = _path(left, local), _const(right)
                if path and values:                    # note in ["a", "b"]
                    yield from (Variant(path, v) for v in values)
                path, values = _path(right, local), _const(left)
                if path and values:                    # "seeker_number" in missing
                    yield from (Variant(path, v, member=True) for v in values)
            left = right
    else:
        path = _path(test, local)
        if path:
            yield Variant(path, None)                  # {% if x %}: try it empty (and present)


# ---------------------------------------------------------------------------- applying them

_MISSING = object()


def get_path(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if isinstance(data, Mapping):
            data = data.get(key, _MISSING)
        else:
            data = getattr(data, key, _MISSING)
        if data is _MISSING:
            return _MISSING
    return data


def _set_path(data: Any, path: tuple[str, ...], value: Any) -> Any:
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(data, Mapping):
        return {**data, key: _set_path(data.get(key), rest, value)}
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        return dataclasses.replace(data, **{key: _set_path(getattr(data, key), rest, value)})
    raise TypeError(f"cannot set {key!r}")


def _empty(value: Any) -> Any:
    """The empty value a real mail has for this kind of data ("" for text, [] for lists)."""
    for kind in (str, list, tuple, bool):
        if isinstance(value, kind):
            return kind()
    return None


def applied(variant: Variant, data: dict, other: dict) -> tuple[dict, str] | None:
    """`data` changed by `variant`, with a description; None when it changes nothing (or the
    variable does not exist: rendering the base sample already reports that)."""
    current = get_path(data, variant.path)
    if current is _MISSING:
        return None
    if variant.member:
        if not isinstance(current, (list, tuple)):
            return None
        present = variant.value in current
        new = [x for x in current if x != variant.value] if present else [*current, variant.value]
        description = variant.describe(present=not present)
    elif variant.value is None:
        # A tested variable: flip it between empty and the other sample's (present) value.
        if current:
            new = _empty(current)
        else:
            new = get_path(other, variant.path)
            if new is _MISSING or not new:
                return None
        description = Variant(variant.path, new).describe()
    else:
        if current == variant.value:
            return None
        new, description = variant.value, variant.describe()
    try:
        return _set_path(data, variant.path, new), description
    except (TypeError, ValueError):
        return None
