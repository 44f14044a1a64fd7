"""One unit of work (or read-only snapshot) over the live documents and, on demand, the archive.

A transaction changes the in-memory :class:`State` as it goes (so a batch of mails sees its own
earlier work through the indexes) and records each change as a journal operation; the store
makes the operations durable at the end of the block, or throws the state away on an error.
The same class serves every backend: what differs (files, memory) is behind ``backend``.

Documents are plain JSON dicts whose shapes the workflow defines; the store only relies on
``ref``, ``state``, ``updated_at`` (ISO 8601 with offset), ``message_ids``, ``contact.email``,
``from_addr``, ``bound_to`` and ``holds`` of a thread, and ``id``, ``thread_ref``, ``status`` of
an outbox item. Callers get deep copies: changing a returned dict changes nothing until saved.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from tinydb import TinyDB
from tinydb.storages import Storage

from mailbot.store.files import StoreError
from mailbot.store.state import NO_SHOW, Doc, State, mid, no_show_addresses

JST = ZoneInfo("Asia/Tokyo")
CLOSED_STATES = frozenset({"cancelled", "expired", "done", "no_show", "declined"})
UNSENT_STATUSES = frozenset({"pending", "held", "sending"})
COMMIT_GEN = "commit_gen"
GEN_KEY = "_archive_gen"
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class Backend(Protocol):
    """What a transaction needs from where the data lives, besides the live state."""

    def read_raw(self, item_id: str) -> bytes: ...
    def archive_storage(self, readonly: bool) -> Storage: ...
    def raw_ids(self) -> Iterable[str]: ...


def _copy(value: Any) -> Any:
    """Deep copy of JSON data (plain dicts out, ~1.5x faster than ``copy.deepcopy``)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _plain(doc: Any) -> Any:
    """A deep copy that is guaranteed to be JSON (fails here, not at commit, on a datetime)."""
    return json.loads(json.dumps(doc, ensure_ascii=False))


def _parse_time(value: str, what: str) -> datetime:
    stamp = datetime.fromisoformat(value)
    if stamp.tzinfo is None:
        raise ValueError(f"{what}: {value!r} has no UTC offset")
    return stamp


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now


def check_id(item_id: str) -> str:
    if not _ID_RE.fullmatch(item_id):
        raise ValueError(f"outbox id {item_id!r}: use letters, digits, '.', '_' or '-'")
    return item_id


class Tx:
    """See the module docstring. Obtain one from ``store.transaction()`` or ``store.snapshot()``."""

    def __init__(self, state: State, backend: Backend, readonly: bool) -> None:
        self._state = state
        self._backend = backend
        self._readonly = readonly
        self._ops: list[list] = []
        self._last_put: dict[tuple[str, str], int] = {}
        self._raw_pending: dict[str, bytes] = {}
        self._raw_delete: list[str] = []
        self._archive_storage: Storage | None = None
        self._archive_db: TinyDB | None = None
        self._gen = int(self._meta_get(COMMIT_GEN) or 0)

    # -- low level: every change goes through these three

    def _put(self, table: str, key: str, doc: Doc) -> None:
        self._writable()
        self._state.put(table, key, doc)
        at = self._last_put.get((table, key))
        if at is not None and len(self._ops[at]) == 3:
            self._ops[at][2] = doc                 # same place in the table: one op suffices
        else:
            self._last_put[(table, key)] = len(self._ops)
            self._ops.append([table, key, doc])

    def _delete(self, table: str, key: str) -> None:
        self._writable()
        if key in self._state.tables[table]:
            self._state.delete(table, key)
            self._last_put.pop((table, key), None)
            self._ops.append([table, key, None])

    def _patch(self, table: str, key: str, fields: Doc) -> None:
        self._writable()
        self._state.put(table, key, {**self._state.tables[table][key], **fields})
        self._last_put.pop((table, key), None)
        self._ops.append([table, key, fields, 1])

    # -- threads

    def get_thread(self, ref: str) -> Doc | None:
        return _copy(self._state.tables["threads"].get(ref))

    def save_thread(self, thread: Doc) -> None:
        """Insert or replace (not merge) the thread whose ``ref`` matches."""
        self._writable()
        if not thread.get("ref"):
            raise ValueError("a thread needs a 'ref'")
        doc = _plain(thread)
        self._put("threads", str(doc["ref"]), doc)

    def find_thread_by_message_id(self, message_id: str) -> Doc | None:
        """The thread one of whose ``message_ids`` is ``message_id`` (angle brackets optional)."""
        wanted = mid(message_id)
        refs = self._state.by_mid.get(wanted) if wanted else None
        if not refs:
            return None
        return _copy(self._state.ordered("threads", refs)[0])

    def find_threads_by_address(self, addr: str) -> list[Doc]:
        refs = self._state.by_addr.get(addr.strip().lower()) if addr.strip() else None
        return [_copy(doc) for doc in self._state.ordered("threads", refs or ())]

    def threads(self, states: Iterable[str] | None = None) -> list[Doc]:
        if states is None:
            return [_copy(doc) for doc in self._state.tables["threads"].values()]
        refs: set[str] = set()
        for state in set(states):
            refs |= self._state.by_state.get(str(state), set())
        return [_copy(doc) for doc in self._state.ordered("threads", refs)]

    def taken_seats(self) -> dict[str, int]:
        """Slot key -> number of holds, over every live thread (kept as threads are saved).

        The workflow must empty ``holds`` when a thread closes; a forgotten hold blocks a seat
        (visible, safe) rather than double-booking it."""
        return {slot: n for slot, n in self._state.seats.items() if n > 0}

    def no_shows(self, addr: str) -> int:
        """Conversations of this address that staff marked as no-show (live and archived);
        the archived ones are a count kept in the live data, so the archive is not read."""
        addr = (addr or "").strip().lower()
        if not addr:
            return 0
        archived = self._state.tables["noshows"].get(addr)
        return self._state.live_no_shows.get(addr, 0) + (archived["n"] if archived else 0)

    # -- references and counters

    def next_reference(self, prefix: str, now: datetime) -> str:
        """``PREFIX-YYMM-NNNN`` with YYMM of ``now`` in JST; numbers are never reused."""
        self._writable()
        yymm = _aware(now).astimezone(JST).strftime("%y%m")
        number = self._next_counter(f"refseq:{prefix}-{yymm}")
        return f"{prefix}-{yymm}-{number:04d}"

    def counters(self) -> dict[str, int]:
        """The sequences numbers are drawn from (references per prefix and month, outbox ids),
        for a restore that must continue past every number handed out."""
        return {key: int(doc["value"]) for key, doc in self._state.tables["meta"].items()
                if key.startswith(("refseq:", "outbox_seq"))}

    def raise_counter(self, key: str, at_least: int) -> bool:
        """Move a sequence on so that its next number is above `at_least`; True if it moved."""
        self._writable()
        if int(self._meta_get(key) or 0) >= at_least:
            return False
        self._meta_set(key, int(at_least))
        return True

    def _next_counter(self, key: str) -> int:
        number = int(self._meta_get(key) or 0) + 1
        self._meta_set(key, number)
        return number

    def _meta_get(self, key: str) -> Any:
        found = self._state.tables["meta"].get(key)
        return None if found is None else _copy(found["value"])

    def _meta_set(self, key: str, value: Any) -> None:
        self._put("meta", key, {"key": key, "value": _plain(value)})

    # -- small named values: counters (daily caps), flags (undeliverable addresses)

    def meta(self, key: str) -> Any:
        """A value the daemon keeps between cycles (e.g. why sending is blocked), or None."""
        return self._meta_get(f"note:{key}")

    def set_meta(self, key: str, value: Any) -> None:
        """Set (None: drop) such a value; JSON only."""
        self._writable()
        if value is None:
            self._delete("meta", f"note:{key}")
        else:
            self._meta_set(f"note:{key}", value)

    def delete_meta(self, key: str) -> None:
        self.set_meta(key, None)

    def meta_keys(self, prefix: str) -> list[str]:
        """Keys of set_meta values starting with `prefix` (without the namespace)."""
        full = f"note:{prefix}"
        return [key[5:] for key in self._state.tables["meta"] if key.startswith(full)]

    def bump(self, key: str, by: int = 1) -> int:
        """Add `by` to the counter `key` (a set_meta value); returns the new value."""
        value = int(self.meta(key) or 0) + by
        self.set_meta(key, value)
        return value

    def mailbox_state(self, folder: str) -> Doc | None:
        return self._meta_get(f"mailbox:{folder}")

    def set_mailbox_state(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        self._meta_set(f"mailbox:{folder}", {"uidvalidity": uidvalidity, "last_uid": last_uid})

    # -- outbox

    def add_outbox(self, item: Doc) -> Doc:
        """Record a mail to send. ``item["raw"]`` (bytes, the final message) is stored beside
        the JSON as ``outbox/<id>.eml``; the returned record has ``id`` and no ``raw``."""
        self._writable()
        raw = item.get("raw")
        if not isinstance(raw, bytes):
            raise TypeError("outbox item needs 'raw' as bytes (the whole message)")
        record = _plain({k: v for k, v in item.items() if k != "raw"})
        if not record.get("id"):
            record["id"] = f"OB{self._next_counter('outbox_seq'):06d}"
        item_id = check_id(record["id"])
        if item_id in self._state.tables["outbox"]:
            raise ValueError(f"outbox id {item_id} already exists")
        self._put("outbox", item_id, record)
        self._raw_pending[item_id] = raw
        return _copy(record)

    def outbox(self, status: str | None = None) -> list[Doc]:
        if status is None:
            return [_copy(doc) for doc in self._state.tables["outbox"].values()]
        ids = self._state.by_status.get(status, ())
        return [_copy(doc) for doc in self._state.ordered("outbox", ids)]

    def get_outbox(self, item_id: str) -> Doc | None:
        return _copy(self._state.tables["outbox"].get(item_id))

    def outbox_raw(self, item_id: str) -> bytes:
        """The message bytes of an outbox item (live or archived)."""
        if item_id in self._raw_pending:
            return self._raw_pending[item_id]
        return self._backend.read_raw(check_id(item_id))

    def update_outbox(self, item_id: str, **fields: Any) -> Doc:
        """Set fields of an item (not its id nor its message); returns the new record."""
        self.mark_outbox(item_id, **fields)
        return _copy(self._state.tables["outbox"][item_id])

    def mark_outbox(self, item_id: str, **fields: Any) -> None:
        """Set fields of an item, e.g. ``status="sent", sent_at=...`` or ``copied=True``: the
        journal records only these fields, so the write after the server's 250 stays small."""
        self._writable()
        if "id" in fields or "raw" in fields:
            raise ValueError("an outbox item's id and message cannot change; add a new item")
        if item_id not in self._state.tables["outbox"]:
            raise KeyError(f"no outbox item {item_id}")
        self._patch("outbox", item_id, _plain(fields))

    # -- handled messages and mailbox positions

    def is_handled(self, key: str) -> bool:
        return key in self._state.tables["handled"]

    def handled_info(self, key: str) -> Doc | None:
        """The ``info`` given to :meth:`mark_handled` for ``key``, or None if not handled."""
        found = self._state.tables["handled"].get(key)
        return _copy(found["info"]) if found else None

    def mark_handled(self, key: str, info: Doc, at: datetime | None = None) -> None:
        """Remember ``key`` (``"INBOX:<uidvalidity>:<uid>"`` or a Message-ID). With ``at`` the
        entry is dropped by :meth:`forget_handled` once older than the window."""
        self._writable()
        record = {"key": key, "at": _aware(at).isoformat() if at else None, "info": _plain(info)}
        self._put("handled", key, record)

    def forget_handled(self, now: datetime, older_than_days: float) -> int:
        """Drop handled-message entries marked ``at`` more than ``older_than_days`` ago.

        They are needed only while a message could be seen again (until it has been filed,
        and against duplicate deliveries); the live data keeps only recent ones."""
        self._writable()
        cutoff = _aware(now) - timedelta(days=older_than_days)
        stale = [
            key for key, doc in self._state.tables["handled"].items()
            if doc.get("at") and _parse_time(doc["at"], f"handled {key}") < cutoff
        ]
        for key in stale:
            self._delete("handled", key)
        return len(stale)

    # -- archive (closed conversations; read and written whole, only by who asks)

    def archived_threads(self) -> list[Doc]:
        return self._archived("threads")

    def archived_outbox(self) -> list[Doc]:
        return self._archived("outbox")

    def _archived(self, table: str) -> list[Doc]:
        return [
            {key: _copy(value) for key, value in doc.items() if key != GEN_KEY}
            for doc in self._archive().table(table)
            if doc.get(GEN_KEY, 0) <= self._gen or not self._readonly  # a writer sees its own
        ]

    def archive_closed(self, now: datetime, after_days: float) -> int:
        """Move closed threads untouched for ``after_days`` (and their outbox records) to the
        archive. A thread with an unsent (pending/held/sending) item stays live until sent."""
        self._writable()
        cutoff = _aware(now) - timedelta(days=after_days)
        state = self._state
        unsent = {state.tables["outbox"][i].get("thread_ref")
                  for status in UNSENT_STATUSES for i in state.by_status.get(status, ())}
        closed: set[str] = set()
        for name in CLOSED_STATES:
            closed |= state.by_state.get(name, set())
        moving = [
            doc for doc in state.ordered("threads", closed)
            if doc["ref"] not in unsent
            and _parse_time(doc["updated_at"], f"thread {doc['ref']} updated_at") < cutoff
        ]
        if not moving:
            return 0
        refs = {doc["ref"] for doc in moving}
        items = [doc for doc in state.tables["outbox"].values() if doc.get("thread_ref") in refs]
        archive = self._archive()
        stamp = {GEN_KEY: self._gen + 1}
        _upsert_many(archive.table("threads"), "ref", [{**doc, **stamp} for doc in moving])
        _upsert_many(archive.table("outbox"), "id", [{**doc, **stamp} for doc in items])
        for doc in moving:
            if doc.get("state") == NO_SHOW:
                self._count_no_shows(no_show_addresses(doc), +1)
            self._delete("threads", doc["ref"])
        for doc in items:
            self._delete("outbox", doc["id"])
        return len(moving)

    def purge_archive(self, now: datetime, retention_days: float) -> int:
        """Delete archived threads older than the retention period, their outbox records and
        message files, handled-message entries older than it, and orphaned message files."""
        self._writable()
        cutoff = _aware(now) - timedelta(days=retention_days)
        archive = self._archive()
        threads, outbox = archive.table("threads"), archive.table("outbox")
        old = [
            doc for doc in threads
            if _parse_time(doc["updated_at"], f"archived thread {doc['ref']} updated_at") < cutoff
        ]
        refs = {doc["ref"] for doc in old}
        items = [doc for doc in outbox if doc.get("thread_ref") in refs]
        if old:
            threads.remove(doc_ids=[doc.doc_id for doc in old])
            for doc in old:
                if doc.get("state") == NO_SHOW:
                    self._count_no_shows(no_show_addresses(doc), -1)
        if items:
            outbox.remove(doc_ids=[doc.doc_id for doc in items])
        self.forget_handled(now, retention_days)
        kept = set(self._state.tables["outbox"]) | {doc["id"] for doc in outbox}
        self._raw_delete += [item_id for item_id in self._backend.raw_ids() if item_id not in kept]
        return len(old)

    def _count_no_shows(self, addrs: set[str], by: int) -> None:
        for addr in addrs:
            found = self._state.tables["noshows"].get(addr)
            n = (found["n"] if found else 0) + by
            if n > 0:
                self._put("noshows", addr, {"addr": addr, "n": n})
            else:
                self._delete("noshows", addr)

    def _archive(self) -> TinyDB:
        """The archive, without entries of transactions that never committed (see Store)."""
        if self._archive_db is None:
            storage = self._backend.archive_storage(self._readonly)
            self._archive_storage = storage
            self._archive_db = TinyDB(storage=lambda: storage)
            if not self._readonly:
                for name in ("threads", "outbox"):
                    table = self._archive_db.table(name)
                    phantoms = [doc.doc_id for doc in table if doc.get(GEN_KEY, 0) > self._gen]
                    if phantoms:
                        table.remove(doc_ids=phantoms)
        return self._archive_db

    def _writable(self) -> None:
        if self._readonly:
            raise StoreError("a snapshot is read-only; use store.transaction() to change state")

    def _archive_dirty(self) -> bool:
        return bool(self._archive_storage is not None and getattr(self._archive_storage, "dirty", False))


def _upsert_many(table: Any, key: str, docs: list[Doc]) -> None:
    """Insert ``docs``, replacing documents with the same ``key`` (two table writes in all)."""
    if not docs:
        return
    keys = {doc[key] for doc in docs}
    stale = [doc.doc_id for doc in table if doc.get(key) in keys]
    if stale:
        table.remove(doc_ids=stale)
    table.insert_multiple(dict(doc) for doc in docs)


def count_archived_no_shows(archive: dict | None, gen: int) -> dict[str, int]:
    """No-shows per address in an archive file (TinyDB layout), for a store made before the
    count was kept in the live data."""
    counts: dict[str, int] = {}
    for doc in ((archive or {}).get("threads") or {}).values():
        if doc.get("state") == NO_SHOW and doc.get(GEN_KEY, 0) <= gen:
            for addr in no_show_addresses(doc):
                counts[addr] = counts.get(addr, 0) + 1
    return counts
