"""Durable state under ``state/``: threads, outbox, handled messages, counters.

Why it is shaped like this (see PITFALLS "tinydb 4.9.0" and DESIGN "Record first, act second"):

* ``mailbot.json`` is ONE TinyDB file with the tables ``threads``, ``outbox``, ``handled`` and
  ``meta``, so a message's whole outcome (thread, outbox items, "uid handled") lands in a single
  atomic write. Closed threads move to ``archive.json`` so the live file, which TinyDB
  re-serialises on every write, stays small.
* Every write goes through :func:`atomic_write`: temp file in the same folder, fsync,
  ``os.replace``, fsync of the folder. A crash leaves the old file or the new one, never half.
  TinyDB's own ``JSONStorage`` rewrites in place and was measured to corrupt files on SIGKILL.
* :meth:`Store.transaction` is the unit of work. It takes ``state/mailbot.lock`` (``filelock``),
  opens a FRESH ``TinyDB`` (tables cache their next id and query results, so an instance kept
  across transactions would overwrite another process's work) on a :class:`BufferedStorage` that
  loads the file once and keeps every write in memory. Leaving the block normally flushes once;
  an exception flushes nothing.
* Outbox message bytes are NOT kept in the JSON: each item's bytes go to ``state/outbox/<id>.eml``
  (written atomically at commit, before the JSON that refers to them). Offer mails carry the
  terms of use (~12 kB, ~22 kB once base64'd inside JSON); in the JSON they would multiply the
  cost of every later write. A file never changes once written: its item's Message-ID is
  recorded with it (to send something else, add another item).
* Moving threads to the archive writes two files. The live file is the commit point: archived
  entries carry the generation of the transaction that moved them, and entries newer than the
  live file's ``meta.commit_gen`` (a crash hit between the two writes) are ignored and dropped.
* Personal data (seekers' names, phones, addresses: 職業安定法) is on disk, so the folder is 0700
  and every file 0600, whatever the umask.
* :class:`DaemonLock` (``state/daemon.lock``, pid inside) keeps a second daemon off the same
  ``state/`` while staff commands, which only take the transaction lock, keep working.

Documents are plain JSON dicts whose shapes the workflow defines; the store only relies on
``ref``, ``state``, ``updated_at`` (ISO 8601 with offset), ``message_ids``, ``contact.email``,
``from_addr`` and ``holds`` of a thread, and ``id``, ``thread_ref``, ``status`` of an outbox item.
Callers get deep copies: changing a returned dict changes nothing until it is saved.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import filelock
from tinydb import TinyDB, where
from tinydb.storages import Storage

JST = ZoneInfo("Asia/Tokyo")
LIVE_FILE = "mailbot.json"
ARCHIVE_FILE = "archive.json"
LOCK_FILE = "mailbot.lock"
DAEMON_LOCK_FILE = "daemon.lock"
OUTBOX_DIR = "outbox"
CLOSED_STATES = frozenset({"cancelled", "expired", "done", "no_show", "declined"})
UNSENT_STATUSES = frozenset({"pending", "held", "sending"})
COMMIT_GEN = "commit_gen"
GEN_KEY = "_archive_gen"
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

Doc = dict[str, Any]


class StoreError(Exception):
    """The state folder cannot be used (unreadable file, misuse of a transaction)."""


class StoreBusy(StoreError):
    """Another process held the transaction lock for longer than the timeout."""


class AlreadyRunning(StoreError):
    """Another daemon holds ``state/daemon.lock``."""


# ---------------------------------------------------------------- files


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private_dir(directory: Path) -> None:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    if directory.stat().st_mode & 0o077:
        directory.chmod(0o700)


def _load_json(path: Path) -> dict | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
    except ValueError as exc:
        from mailbot.state_backup import restore_hint
        raise StoreError(f"{path} is not valid JSON ({exc}); {restore_hint(path.parent)}") from exc
    if not isinstance(data, dict):
        raise StoreError(f"{path} does not hold a TinyDB document")
    return data


def _dump(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class BufferedStorage(Storage):
    """Loads the file once, keeps TinyDB's writes in memory, writes the file on :meth:`flush`.

    ``read`` hands TinyDB the live in-memory dict (TinyDB reads the whole database on every
    operation, so copying here would cost O(size) per call); :class:`Tx` copies at its boundary.
    """

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self.dirty = False
        self._doc = _load_json(path)

    def read(self) -> dict | None:
        return self._doc

    def write(self, data: dict) -> None:
        if self.readonly:
            raise StoreError("a snapshot is read-only; use store.transaction() to change state")
        self._doc = data
        self.dirty = True

    def flush(self) -> None:
        if self.dirty:
            atomic_write(self.path, _dump(self._doc or {}))
            self.dirty = False


# ---------------------------------------------------------------- helpers


def _copy(value: Any) -> Any:
    """Deep copy of JSON data (plain dicts out, ~1.5x faster than ``copy.deepcopy``)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _copies(docs: Iterable[Any]) -> list[Doc]:
    return [_copy(doc) for doc in docs]


def _first(docs: list[Any]) -> Doc | None:
    return _copy(docs[0]) if docs else None


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


def _mid(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


def _check_id(item_id: str) -> str:
    if not _ID_RE.fullmatch(item_id):
        raise ValueError(f"outbox id {item_id!r}: use letters, digits, '.', '_' or '-'")
    return item_id


# ---------------------------------------------------------------- unit of work


class Tx:
    """One transaction (or read-only snapshot) over the live file and, on demand, the archive."""

    def __init__(self, state_dir: Path, readonly: bool) -> None:
        self._dir = state_dir
        self._readonly = readonly
        self._live = BufferedStorage(state_dir / LIVE_FILE, readonly)
        self._db = TinyDB(storage=lambda: self._live)
        self._threads = self._db.table("threads")
        self._outbox = self._db.table("outbox")
        self._handled = self._db.table("handled")
        self._meta = self._db.table("meta")
        self._gen = int(self._meta_get(COMMIT_GEN) or 0)
        self._archive_storage: BufferedStorage | None = None
        self._archive_db: TinyDB | None = None
        self._raw_pending: dict[str, bytes] = {}
        self._files_to_delete: list[Path] = []

    # -- threads

    def get_thread(self, ref: str) -> Doc | None:
        return _first(self._threads.search(where("ref") == ref))

    def save_thread(self, thread: Doc) -> None:
        """Insert or replace (not merge) the thread whose ``ref`` matches."""
        self._writable()
        if not thread.get("ref"):
            raise ValueError("a thread needs a 'ref'")
        _replace(self._threads, where("ref") == thread["ref"], _plain(thread))

    def find_thread_by_message_id(self, message_id: str) -> Doc | None:
        """The thread one of whose ``message_ids`` is ``message_id`` (angle brackets optional)."""
        wanted = _mid(message_id)
        if not wanted:
            return None
        return _first(self._threads.search(
            lambda doc: any(_mid(m) == wanted for m in doc.get("message_ids") or ())
        ))

    def find_threads_by_address(self, addr: str) -> list[Doc]:
        wanted = addr.strip().lower()
        if not wanted:
            return []
        return _copies(self._threads.search(
            lambda doc: wanted == str((doc.get("contact") or {}).get("email") or "").lower()
            or wanted == str(doc.get("from_addr") or "").lower()
        ))

    def threads(self, states: Iterable[str] | None = None) -> list[Doc]:
        if states is None:
            return _copies(self._threads.all())
        wanted = set(states)
        return _copies(self._threads.search(lambda doc: doc.get("state") in wanted))

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

    def taken_seats(self) -> dict[str, int]:
        """Slot key -> number of holds, over every thread in the live file.

        The workflow must empty ``holds`` when a thread closes; a forgotten hold blocks a seat
        (visible, safe) rather than double-booking it.
        """
        seats: Counter[str] = Counter()
        for doc in self._threads:
            seats.update(doc.get("holds") or ())
        return dict(seats)

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
        return {doc["key"]: int(doc["value"]) for doc in self._meta
                if doc["key"].startswith(("refseq:", "outbox_seq"))}

    def raise_counter(self, key: str, at_least: int) -> bool:
        """Move a sequence on so that its next number is above `at_least`; True if it moved."""
        if int(self._meta_get(key) or 0) >= at_least:
            return False
        self._meta_set(key, int(at_least))
        return True

    def _next_counter(self, key: str) -> int:
        number = int(self._meta_get(key) or 0) + 1
        self._meta_set(key, number)
        return number

    # -- small named values: counters (daily caps), flags (undeliverable addresses)

    def delete_meta(self, key: str) -> None:
        self.set_meta(key, None)

    def meta_keys(self, prefix: str) -> list[str]:
        """Keys of set_meta values starting with `prefix` (without the namespace)."""
        full = f"note:{prefix}"
        return [doc["key"][5:] for doc in self._meta if str(doc.get("key", "")).startswith(full)]

    def bump(self, key: str, by: int = 1) -> int:
        """Add `by` to the counter `key` (a set_meta value); returns the new value."""
        value = int(self.meta(key) or 0) + by
        self.set_meta(key, value)
        return value

    def no_shows(self, addr: str) -> int:
        """Conversations of this address that staff marked as no-show (live and archived)."""
        addr = (addr or "").strip().lower()
        if not addr:
            return 0

        def mine(doc: Doc) -> bool:
            known = {str(doc.get("from_addr") or "").lower(), str(doc.get("bound_to") or "").lower(),
                     str((doc.get("contact") or {}).get("email") or "").lower()}
            return doc.get("state") == "no_show" and addr in known

        live = sum(1 for doc in self._threads if mine(doc))
        return live + sum(1 for doc in self._archive().table("threads") if mine(doc))

    def _meta_get(self, key: str) -> Any:
        found = self._meta.get(where("key") == key)
        return None if found is None else _copy(found["value"])

    def _meta_set(self, key: str, value: Any) -> None:
        self._writable()
        _replace(self._meta, where("key") == key, {"key": key, "value": _plain(value)})

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
        item_id = _check_id(record["id"])
        if self._outbox.contains(where("id") == item_id):
            raise ValueError(f"outbox id {item_id} already exists")
        self._outbox.insert(record)
        self._raw_pending[item_id] = raw
        return _copy(record)

    def outbox(self, status: str | None = None) -> list[Doc]:
        if status is None:
            return _copies(self._outbox.all())
        return _copies(self._outbox.search(where("status") == status))

    def get_outbox(self, item_id: str) -> Doc | None:
        return _first(self._outbox.search(where("id") == item_id))

    def outbox_raw(self, item_id: str) -> bytes:
        """The message bytes of an outbox item (live or archived)."""
        if item_id in self._raw_pending:
            return self._raw_pending[item_id]
        return (self._dir / OUTBOX_DIR / f"{_check_id(item_id)}.eml").read_bytes()

    def update_outbox(self, item_id: str, **fields: Any) -> Doc:
        """Set fields of an item (not its id nor its message); returns the new record."""
        self._writable()
        if "id" in fields or "raw" in fields:
            raise ValueError("an outbox item's id and message cannot change; add a new item")
        found = self._outbox.get(where("id") == item_id)
        if found is None:
            raise KeyError(f"no outbox item {item_id}")
        new = {**found, **_plain(fields)}
        _replace(self._outbox, where("id") == item_id, new)
        return _copy(new)

    # -- handled messages and mailbox positions

    def is_handled(self, key: str) -> bool:
        return self._handled.contains(where("key") == key)

    def handled_info(self, key: str) -> Doc | None:
        """The ``info`` given to :meth:`mark_handled` for ``key``, or None if not handled."""
        found = self._handled.search(where("key") == key)
        return _copy(found[0]["info"]) if found else None

    def mark_handled(self, key: str, info: Doc, at: datetime | None = None) -> None:
        """Remember ``key`` (``"INBOX:<uidvalidity>:<uid>"`` or a Message-ID). With ``at`` the
        entry is dropped by :meth:`purge_archive` once older than the retention period."""
        self._writable()
        record = {"key": key, "at": _aware(at).isoformat() if at else None, "info": _plain(info)}
        _replace(self._handled, where("key") == key, record)

    def forget_handled(self, now: datetime, older_than_days: float) -> int:
        """Drop handled-message entries marked ``at`` more than ``older_than_days`` ago.

        They are needed only while a message could be seen again (until it has been filed,
        and against duplicate deliveries), yet two land in the live file per mail; a window
        shorter than the retention period keeps every transaction cheaper."""
        self._writable()
        cutoff = _aware(now) - timedelta(days=older_than_days)
        stale = [
            doc.doc_id
            for doc in self._handled
            if doc.get("at") and _parse_time(doc["at"], f"handled {doc['key']}") < cutoff
        ]
        if stale:
            self._handled.remove(doc_ids=stale)
        return len(stale)

    def meta(self, key: str) -> Any:
        """A value the daemon keeps between cycles (e.g. why sending is blocked), or None."""
        return self._meta_get(f"note:{key}")

    def set_meta(self, key: str, value: Any) -> None:
        """Set (None: drop) such a value; JSON only."""
        self._writable()
        if value is None:
            self._meta.remove(where("key") == f"note:{key}")
        else:
            self._meta_set(f"note:{key}", value)

    def mailbox_state(self, folder: str) -> Doc | None:
        return self._meta_get(f"mailbox:{folder}")

    def set_mailbox_state(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        self._meta_set(f"mailbox:{folder}", {"uidvalidity": uidvalidity, "last_uid": last_uid})

    # -- archive

    def archive_closed(self, now: datetime, after_days: float) -> int:
        """Move closed threads untouched for ``after_days`` (and their outbox records) to the
        archive. A thread with an unsent (pending/held) item stays live until it is sent."""
        self._writable()
        cutoff = _aware(now) - timedelta(days=after_days)
        unsent = {doc.get("thread_ref") for doc in self._outbox if doc.get("status") in UNSENT_STATUSES}
        moving = [
            doc
            for doc in self._threads
            if doc.get("state") in CLOSED_STATES
            and doc["ref"] not in unsent
            and _parse_time(doc["updated_at"], f"thread {doc['ref']} updated_at") < cutoff
        ]
        if not moving:
            return 0
        refs = {doc["ref"] for doc in moving}
        items = [doc for doc in self._outbox if doc.get("thread_ref") in refs]
        archive = self._archive()
        stamp = {GEN_KEY: self._gen + 1}
        _upsert_many(archive.table("threads"), "ref", [{**doc, **stamp} for doc in moving])
        _upsert_many(archive.table("outbox"), "id", [{**doc, **stamp} for doc in items])
        self._threads.remove(doc_ids=[doc.doc_id for doc in moving])
        if items:
            self._outbox.remove(doc_ids=[doc.doc_id for doc in items])
        return len(moving)

    def purge_archive(self, now: datetime, retention_days: float) -> int:
        """Delete archived threads older than the retention period, their outbox records and
        message files, handled-message entries older than it, and orphaned message files."""
        self._writable()
        cutoff = _aware(now) - timedelta(days=retention_days)
        archive = self._archive()
        threads, outbox = archive.table("threads"), archive.table("outbox")
        old = [
            doc
            for doc in threads
            if _parse_time(doc["updated_at"], f"archived thread {doc['ref']} updated_at") < cutoff
        ]
        refs = {doc["ref"] for doc in old}
        items = [doc for doc in outbox if doc.get("thread_ref") in refs]
        if old:
            threads.remove(doc_ids=[doc.doc_id for doc in old])
        if items:
            outbox.remove(doc_ids=[doc.doc_id for doc in items])
        self.forget_handled(now, retention_days)
        kept = {doc["id"] for doc in self._outbox} | {doc["id"] for doc in outbox}
        outbox_dir = self._dir / OUTBOX_DIR
        if outbox_dir.is_dir():
            self._files_to_delete += [
                path for path in outbox_dir.glob("*.eml") if path.stem not in kept
            ]
        return len(old)

    # -- commit machinery

    def _archive(self) -> TinyDB:
        """The archive, without entries of transactions that never committed (see _commit)."""
        if self._archive_db is None:
            storage = BufferedStorage(self._dir / ARCHIVE_FILE, self._readonly)
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

    def _commit(self) -> None:
        """Message files first, then the archive, then the live file, which is the commit
        point: each step only refers to what is already durable.

        Entries moved to the archive carry the generation their transaction will commit as
        (``meta.commit_gen`` in the live file + 1). If a crash hits between the archive and the
        live write, those entries are newer than the live file says: readers ignore them and
        the next writer drops them, so an uncommitted transaction leaves no trace."""
        if self._raw_pending:
            outbox_dir = self._dir / OUTBOX_DIR
            _private_dir(outbox_dir)
            for item_id, raw in self._raw_pending.items():
                atomic_write(outbox_dir / f"{item_id}.eml", raw)
        if self._archive_storage is not None and self._archive_storage.dirty:
            self._meta_set(COMMIT_GEN, self._gen + 1)
            self._archive_storage.flush()
        self._live.flush()
        for path in self._files_to_delete:
            path.unlink(missing_ok=True)


def _replace(table: Any, cond: Any, doc: Doc) -> None:
    """Insert ``doc``, or replace the whole document matching ``cond`` (TinyDB's upsert merges)."""
    found = table.get(cond)
    if found is None:
        table.insert(doc)
        return

    def overwrite(current: dict) -> None:
        current.clear()
        current.update(doc)

    table.update(overwrite, doc_ids=[found.doc_id])


def _upsert_many(table: Any, key: str, docs: list[Doc]) -> None:
    """Insert ``docs``, replacing documents with the same ``key`` (two table writes in all)."""
    if not docs:
        return
    keys = {doc[key] for doc in docs}
    stale = [doc.doc_id for doc in table if doc.get(key) in keys]
    if stale:
        table.remove(doc_ids=stale)
    table.insert_multiple(dict(doc) for doc in docs)


# ---------------------------------------------------------------- store


_local = threading.local()


class Store:
    """The ``state/`` folder. Cheap to create; every access goes through a transaction."""

    def __init__(self, state_dir: str | os.PathLike[str], lock_timeout: float = 30.0) -> None:
        from mailbot import state_backup

        self.state_dir = Path(state_dir).resolve()
        self.lock_timeout = lock_timeout
        _private_dir(self.state_dir)
        state_backup.guard(self.state_dir)       # a lost live file is no fresh start

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """Exclusive unit of work: everything done in the block is written at its end, once,
        atomically; an exception in the block writes nothing."""
        from mailbot import state_backup

        with self._locked():
            self._remove_stale_temp_files()
            tx = Tx(self.state_dir, readonly=False)
            yield tx
            tx._commit()
            state_backup.mark_initialised(self.state_dir)

    @contextmanager
    def snapshot(self) -> Iterator[Tx]:
        """Read-only view loaded under the lock, which is released before the block runs.
        The archive, if consulted, is read later without the lock (its writes are atomic)."""
        with self._locked():
            tx = Tx(self.state_dir, readonly=True)
        yield tx

    @contextmanager
    def _locked(self) -> Iterator[None]:
        held: set[Path] = _local.__dict__.setdefault("held", set())
        if self.state_dir in held:
            raise StoreError("nested transaction on the same state/ folder (would deadlock)")
        lock = filelock.FileLock(self.state_dir / LOCK_FILE, timeout=self.lock_timeout, mode=0o600)
        try:
            lock.acquire()
        except filelock.Timeout as exc:
            raise StoreBusy(
                f"{self.state_dir} has been held by another transaction for over {self.lock_timeout:g} s"
            ) from exc
        held.add(self.state_dir)
        try:
            yield
        finally:
            held.discard(self.state_dir)
            lock.release()

    def _remove_stale_temp_files(self) -> None:
        """Temp files only exist while the lock holder writes; under the lock they are leftovers
        of a crash."""
        for folder in (self.state_dir, self.state_dir / OUTBOX_DIR):
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)


# ---------------------------------------------------------------- daemon lock


class DaemonLock:
    """Held for the daemon's whole life so a second daemon on the same ``state/`` refuses to
    start. ``fcntl.flock`` is released by the kernel when the process dies, so a crash never
    leaves a stale lock; the pid inside is only for the message."""

    def __init__(self, state_dir: str | os.PathLike[str]) -> None:
        self.path = Path(state_dir).resolve() / DAEMON_LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        _private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise AlreadyRunning(
                f"another mailbot daemon (pid {holder}) is using {self.path.parent}; "
                "stop it first, or give this one a different state folder"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DaemonLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


__all__ = [
    "AlreadyRunning",
    "BufferedStorage",
    "CLOSED_STATES",
    "DaemonLock",
    "Store",
    "StoreBusy",
    "StoreError",
    "Tx",
    "atomic_write",
]
