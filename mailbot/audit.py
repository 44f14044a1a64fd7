"""The audit log: append-only JSON lines under ``state/audit/YYYY-MM.jsonl`` (issue 7, item 6).

Why: an office must be able to show what the bot and its staff did, and when, without keeping a
second copy of anyone's personal data (職業安定法 第5条の5). So a line carries references,
Message-IDs, outbox ids, states, kinds, rule and reason codes and the OS user of a staff
command, and never a name, phone, address, subject or body (`_safe` keeps only plain codes).

One line for each state change (and every other step of a conversation's history), each mail
in (Message-ID, reference, folder, what it meant) and out (queued, sent, failed), each staff
action (with the OS user, ``getpass.getuser()``) and each rules reload.

How: `AuditedStore` wraps a `Store`; its transactions hand out a `Tx` proxy that notes what is
written (threads, outbox items, handled marks) and the lines are appended AFTER the store's
commit returned. So the log never records something that did not happen; a crash (or a full
disk) between the commit and the append may lose the last lines, which is the accepted limit
(an audit write that fails is logged and never stops the bot). Lines from two processes may
land in the file slightly out of order; each carries its own time. The folder is 0700 and the
files 0600; each line is one ``write()`` on a file opened with O_APPEND.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import re
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Iterator
from zoneinfo import ZoneInfo

log = logging.getLogger("mailbot")
JST = ZoneInfo("Asia/Tokyo")
FOLDER = "audit"
# Values that may go into a line: codes, references, ids, slot keys. Anything with a space,
# an @ or non-ASCII text (a name, an address, a sentence) is left out.
_CODE = re.compile(r"[A-Za-z0-9_.:/+=-]{1,80}")
_DETAIL_KEYS = ("kind", "why", "item", "reason", "slot", "code", "round", "seat")


def _safe(value: Any) -> Any:
    if isinstance(value, bool) or isinstance(value, int):
        return value
    if isinstance(value, str) and _CODE.fullmatch(value) and "@" not in value:
        return value
    return None


def _message_id(value: Any) -> str | None:
    """Message-IDs are kept (they are how a mail is found again); only plain ones."""
    return value if isinstance(value, str) and re.fullmatch(r"<[!-;=?-~]{1,250}>", value) else None


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:                                   # noqa: BLE001 - no user name known
        return f"uid:{os.getuid()}"


# ---------------------------------------------------------------------------- what a write means


def thread_lines(before: dict | None, after: dict, user: str) -> list[dict]:
    """Lines for the history entries `after` has and `before` had not (pure)."""
    seen = {(e.get("at"), e.get("cause"), e.get("event")) for e in (before or {}).get("history") or ()}
    fresh = [e for e in after.get("history") or ()
             if (e.get("at"), e.get("cause"), e.get("event")) not in seen]
    ref = after.get("ref")
    out = []
    if before is None:
        out.append({"type": "thread_created", "ref": ref, "state": _safe(after.get("state"))})
    elif before.get("state") != after.get("state") and not any(
            e.get("to_state") == after.get("state") for e in fresh):
        out.append({"type": "state", "ref": ref, "from": _safe(before.get("state")),
                    "to": _safe(after.get("state"))})
    for entry in fresh:
        cause = _safe(entry.get("cause")) or ""
        line = {"type": "staff" if cause.startswith("staff.") else "state", "ref": ref,
                "event": _safe(entry.get("event")), "cause": cause or None,
                "from": _safe(entry.get("from_state")), "to": _safe(entry.get("to_state")),
                "rule": _safe(entry.get("rule")), "decided_at": _safe(entry.get("at")),
                "message_id": _message_id(entry.get("message_id"))}
        detail = entry.get("detail") or {}
        kept = {k: _safe(detail[k]) for k in _DETAIL_KEYS if k in detail and _safe(detail[k]) is not None}
        if kept:
            line["detail"] = kept
        if line["type"] == "staff" or detail.get("user"):
            line["user"] = user
            if _safe(detail.get("user")) and detail.get("user") != user:
                line["by"] = _safe(detail.get("user"))
        out.append(line)
    return out


def outbox_lines(before: dict | None, after: dict, user: str) -> list[dict]:
    """Lines for a new outbox item or a change of its status (pure)."""
    base = {"id": after.get("id"), "ref": after.get("thread_ref"), "kind": _safe(after.get("kind")),
            "message_id": _message_id(after.get("message_id"))}
    if before is None:
        return [{"type": "mail_queued", **base, "status": _safe(after.get("status"))}]
    old, new = before.get("status"), after.get("status")
    if old == new:
        return []
    if new == "sent":
        return [{"type": "mail_out", **base}]
    if new == "failed":
        return [{"type": "mail_failed", **base, "code": _safe(after.get("last_code"))}]
    if old == "held" and new in ("pending", "rejected"):
        by = after.get("approved_by") if new == "pending" else after.get("rejected_by")
        line = {"type": "staff", "action": "approve" if new == "pending" else "reject", **base,
                "user": user}
        if _safe(by) and by != user:
            line["by"] = _safe(by)
        return [line]
    if new == "sending" or (old == "sending" and new == "pending"):
        return []                           # in flight / sent again after a crash: mail_out follows
    return [{"type": "mail_status", **base, "from": _safe(old), "to": _safe(new)}]


# ---------------------------------------------------------------------------- the store wrapper


class AuditTx:
    """A `Tx` that notes the audit lines of what is written through it; everything else is the
    wrapped transaction's."""

    def __init__(self, tx, user: str) -> None:
        self._tx = tx
        self._user = user
        self.lines: list[dict] = []
        self._mail_in: dict[str, dict] = {}          # handled uid key -> its mail_in line

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tx, name)

    def save_thread(self, thread: dict) -> None:
        before = self._tx.get_thread(thread["ref"]) if thread.get("ref") else None
        self._tx.save_thread(thread)
        self.lines += thread_lines(before, thread, self._user)

    def add_outbox(self, item: dict) -> dict:
        record = self._tx.add_outbox(item)
        self.lines += outbox_lines(None, record, self._user)
        return record

    def update_outbox(self, item_id: str, **fields: Any) -> dict:
        before = self._tx.get_outbox(item_id) if "status" in fields else None
        record = self._tx.update_outbox(item_id, **fields)
        if before is not None:
            self.lines += outbox_lines(before, record, self._user)
        return record

    def mark_handled(self, key: str, info: dict, at: datetime | None = None) -> None:
        self._tx.mark_handled(key, info, at)
        info = info or {}
        if key.startswith("<"):
            # The Message-ID mark follows the mailbox mark of the same mail: one line for both.
            line = next((ln for ln in reversed(self.lines) if ln.get("type") == "mail_in"
                         and ln.get("message_id") is None and ln.get("ref") == info.get("ref")), None)
            if line is not None:
                line["message_id"] = _message_id(key)
                return
            self.lines.append({"type": "mail_in", "message_id": _message_id(key),
                               "ref": info.get("ref")})
            return
        cause = next((ln.get("cause") for ln in reversed(self.lines)
                      if ln.get("ref") == info.get("ref") and ln.get("cause")), None) \
            if info.get("ref") else None
        self.lines.append({"type": "mail_in", "key": _safe(key), "message_id": None,
                           "ref": info.get("ref"), "folder": _safe(info.get("folder")),
                           "matched": _safe(info.get("matched")), "kind": cause,
                           "duplicate_of": _message_id(info.get("duplicate_of")),
                           "error": True if info.get("error") else None})


class AuditedStore:
    """A `Store` whose committed transactions are written to the audit log (after the commit)."""

    def __init__(self, store, audit: "AuditLog | None" = None) -> None:
        self._store = store
        self.audit = audit or AuditLog(store.state_dir)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    @contextmanager
    def transaction(self) -> Iterator[AuditTx]:
        with self._store.transaction() as tx:
            proxy = AuditTx(tx, os_user())
            yield proxy
        self.audit.append(proxy.lines)             # committed: only now is it true

    def snapshot(self):
        return self._store.snapshot()


def open_store(state_dir) -> AuditedStore:
    """The store every writing command uses, audited."""
    from mailbot.store import Store

    return AuditedStore(Store(state_dir))


# ---------------------------------------------------------------------------- the files


class AuditLog:
    """``state/audit/YYYY-MM.jsonl``: one JSON object per line, appended, never rewritten."""

    def __init__(self, state_dir) -> None:
        self.directory = Path(state_dir) / FOLDER

    def append(self, lines: Iterable[dict], now: datetime | None = None) -> None:
        """Append `lines` (each stamped with the time of writing and the process id); an OS
        error is logged, never raised: the store already holds the truth."""
        lines = list(lines)
        if not lines:
            return
        now = (now or datetime.now(JST)).astimezone(JST)
        stamp = now.isoformat(timespec="seconds")
        data = "".join(json.dumps({"at": stamp, **{k: v for k, v in ln.items() if v is not None}},
                                  ensure_ascii=False, sort_keys=False) + "\n" for ln in lines)
        path = self.directory / f"{now:%Y-%m}.jsonl"
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(self.directory, 0o700)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.fchmod(fd, 0o600)
                os.write(fd, data.encode("utf-8"))
            finally:
                os.close(fd)
        except OSError as exc:
            log.error("audit: could not append %d line(s) to %s (%s)", len(lines), path, exc.strerror)

    def months(self) -> list[str]:
        try:
            return sorted(p.stem for p in self.directory.glob("*.jsonl")
                          if re.fullmatch(r"\d{4}-\d{2}", p.stem))
        except OSError:
            return []

    def read(self, month: str | None = None) -> Iterator[dict]:
        """Every line of `month` (YYYY-MM) or of all months, oldest first; a line a crash cut
        short is skipped."""
        for name in ([month] if month else self.months()):
            path = self.directory / f"{name}.jsonl"
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue
            for raw in text.splitlines():
                try:
                    yield json.loads(raw)
                except ValueError:
                    continue

    def for_ref(self, ref: str, month: str | None = None) -> list[dict]:
        return [ln for ln in self.read(month) if ln.get("ref") == ref]


def rules_line(result: str, version: str, **extra: Any) -> dict:
    """A rules reload: `loaded` (the version now in use) or `rejected` (a bad version, kept)."""
    return {"type": "rules", "result": result, "version": _safe(version),
            **{k: _safe(v) for k, v in extra.items()}}


def format_line(line: dict) -> str:
    """One line for `mailbot audit`: time, type, then the rest as key=value."""
    head = [line.get("at", ""), line.get("type", "")]
    rest = []
    for key, value in line.items():
        if key in ("at", "type", "ref") or value is None:
            continue
        if isinstance(value, dict):
            rest += [f"{key}.{k}={v}" for k, v in value.items()]
        else:
            rest.append(f"{key}={value}")
    return "  ".join(head + rest)
