"""The file-backed store: a TinyDB snapshot, an append-only journal, and a cache in memory.

Why it is shaped like this (DESIGN "Record first, act second", PITFALLS "tinydb 4.9.0", issue 6):

* ``mailbot.json`` is a TinyDB file (tables ``threads``, ``outbox``, ``handled``, ``meta``,
  ``noshows`` and ``_store``, which says which journal record it includes). It is rewritten
  only at compaction, with :func:`atomic_write`.
* ``mailbot.journal`` gets ONE fsynced record per transaction holding only the documents it
  changed (:mod:`mailbot.store.journal`); that append is the commit point. So a transaction
  costs the size of its changes, not the size of the store. When the journal grows past the
  snapshot (and a floor), the snapshot is rewritten and the journal emptied: a crash between the
  two leaves records the snapshot already holds, which replay skips by their sequence number.
* Recovery on open is the snapshot plus the complete journal records; a torn last record (a
  crash mid-append) is ignored, and cut off by the next writer.
* Each :class:`Store` keeps the live documents and their indexes in memory between
  transactions. Under the lock it checks whether another process (staff commands, the web
  process) committed since: a longer journal is read from where this process stopped, a
  replaced one (compaction) or snapshot means a full reload.
* Outbox message bytes live in ``outbox/<id>.eml``, written atomically before the record that
  refers to them; a file never changes once written, so reading it needs no lock.
* Closed threads move to ``archive.json`` (TinyDB, read and written whole, only by commands that
  ask). The journal record is the commit point: archived entries carry the generation their
  transaction commits as; entries newer than ``meta.commit_gen`` (a crash hit between the
  archive write and the record) are ignored by readers and dropped by the next writer.
* Personal data (職業安定法) is on disk: the folder is 0700 and every file 0600.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import filelock
from tinydb.storages import Storage

from mailbot.store import files, journal
from mailbot.store.files import BufferedStorage, StoreBusy, StoreError, private_dir
from mailbot.store.state import State
from mailbot.store.tx import COMMIT_GEN, Tx, check_id, count_archived_no_shows

log = logging.getLogger(__name__)

LIVE_FILE = "mailbot.json"
JOURNAL_FILE = "mailbot.journal"
ARCHIVE_FILE = "archive.json"
LOCK_FILE = "mailbot.lock"
OUTBOX_DIR = "outbox"
FORMAT = 2
STORE_TABLE = "_store"
COMPACT_BYTES = 4 << 20


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _sig(st: os.stat_result | None) -> tuple | None:
    return None if st is None else (st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass
class _Cache:
    state: State
    seq: int                     # last journal record applied
    snap: tuple | None           # _sig of the snapshot it was loaded from
    snap_size: int
    j_ino: int | None            # the journal file read, and how far
    j_good: int                  # end of the last complete record
    j_sig: tuple | None          # _sig of the journal when last looked at


_local = threading.local()


class Store:
    """The ``state/`` folder. Cheap to create; every access goes through a transaction."""

    def __init__(self, state_dir: str | os.PathLike[str], lock_timeout: float = 30.0,
                 compact_bytes: int = COMPACT_BYTES) -> None:
        self.state_dir = Path(state_dir).resolve()
        self.lock_timeout = lock_timeout
        self.compact_bytes = compact_bytes
        self._cache: _Cache | None = None
        self._mutex = threading.Lock()
        self._swept_outbox = False
        private_dir(self.state_dir)
        from mailbot import state_backup
        state_backup.guard(self.state_dir)          # a lost live file is no fresh start

    # ------------------------------------------------------------ public

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """Exclusive unit of work: everything done in the block is written at its end, once,
        atomically; an exception in the block writes nothing."""
        with self._locked():
            self._remove_stale_temp_files()
            cache = self._fresh(writer=True)
            with self._mutex:
                if cache.state.pins:               # a snapshot still reads it: work on a copy
                    cache.state = cache.state.clone()
            tx = Tx(cache.state, self, readonly=False)
            try:
                yield tx
                self._commit(tx, cache)
            except BaseException:
                self._cache = None                 # the state in memory has uncommitted changes
                raise
        from mailbot import state_backup
        state_backup.mark_initialised(self.state_dir)

    @contextmanager
    def snapshot(self) -> Iterator[Tx]:
        """Read-only view loaded under the lock, which is released before the block runs.
        The archive, if consulted, is read later without the lock (its writes are atomic)."""
        with self._locked():
            state = self._fresh(writer=False).state
            with self._mutex:
                state.pins += 1
        try:
            yield Tx(state, self, readonly=True)
        finally:
            with self._mutex:
                state.pins -= 1

    def outbox_raw(self, item_id: str) -> bytes:
        """An outbox item's message bytes, without a transaction (the file never changes)."""
        return self.read_raw(check_id(item_id))

    # ------------------------------------------------------------ Tx backend

    def read_raw(self, item_id: str) -> bytes:
        return (self.state_dir / OUTBOX_DIR / f"{item_id}.eml").read_bytes()

    def archive_storage(self, readonly: bool) -> Storage:
        return BufferedStorage(self.state_dir / ARCHIVE_FILE, readonly)

    def raw_ids(self) -> Iterable[str]:
        folder = self.state_dir / OUTBOX_DIR
        return [p.stem for p in folder.glob("*.eml")] if folder.is_dir() else []

    # ------------------------------------------------------------ loading

    def _fresh(self, writer: bool) -> _Cache:
        """The cache, brought up to date with what other processes committed (under the lock)."""
        snap_st = _stat(self.state_dir / LIVE_FILE)
        j_path = self.state_dir / JOURNAL_FILE
        j_st = _stat(j_path)
        cache = self._cache
        if cache is not None and cache.snap == _sig(snap_st) and (snap_st or not writer):
            if j_st is None and cache.j_ino is None:
                return cache                       # no journal yet, nothing new
            if j_st is not None and cache.j_ino in (None, j_st.st_ino) \
                    and j_st.st_size >= cache.j_good:
                cache.j_ino = j_st.st_ino
                if cache.j_sig != _sig(j_st):
                    self._read_journal(cache, j_path, writer)
                elif writer and j_st.st_size > cache.j_good:
                    self._cut_torn(cache, j_path)
                return cache
        self._cache = cache = self._load(writer)
        return cache

    def _load(self, writer: bool) -> _Cache:
        live, j_path = self.state_dir / LIVE_FILE, self.state_dir / JOURNAL_FILE
        if writer and not self._swept_outbox:
            self._remove_stale_temp_files(outbox=True)
            self._swept_outbox = True
        data = files.load_json(live)
        j_st = _stat(j_path)
        meta = ((data or {}).get(STORE_TABLE) or {}).get("1") or {}
        if data is not None and meta.get("format") != FORMAT:
            if j_st is not None and j_st.st_size:
                raise StoreError(f"{live} is in the old format but {j_path} exists: was an old "
                                 f"backup restored? Move {j_path.name} away to use the backup")
            return self._migrate(data, writer)
        if data is None:
            if j_st is not None and j_st.st_size:
                from mailbot.state_backup import restore_hint
                raise StoreError(f"{live} is missing but {j_path} is not empty; "
                                 f"{restore_hint(self.state_dir)}")
            if writer:
                self._write_snapshot(State(), 0)
            cache = _Cache(State(), 0, _sig(_stat(live)), 0, None, 0, None)
        else:
            try:
                state = State.from_tinydb(data)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise StoreError(f"{live} does not hold the store's tables ({exc!r}); "
                                 "restore it from backup") from exc
            snap_st = _stat(live)
            cache = _Cache(state, int(meta.get("seq") or 0), _sig(snap_st),
                           snap_st.st_size if snap_st else 0, None, 0, None)
        if j_st is not None:
            cache.j_ino = j_st.st_ino
            self._read_journal(cache, j_path, writer)
        return cache

    def _read_journal(self, cache: _Cache, j_path: Path, writer: bool) -> None:
        """Apply the records after ``cache.j_good``; cut a torn last record if writing."""
        try:
            with self._mutex:
                if cache.state.pins:
                    cache.state = cache.state.clone()
            data = journal.read_from(j_path, cache.j_good)
            records, good = journal.decode(data, j_path, cache.j_good)
            for record in records:
                seq = record.get("seq")
                if not isinstance(seq, int):
                    raise StoreError(f"{j_path}: a record without a sequence number")
                if seq <= cache.seq:
                    continue                        # already in the snapshot (compaction cut short)
                if seq != cache.seq + 1:
                    raise StoreError(f"{j_path} does not follow {LIVE_FILE} (record {seq} after "
                                     f"{cache.seq}); restore state/ from backup")
                cache.state.apply(record.get("ops") or [])
                cache.seq = seq
            cache.j_good += good
            cache.j_sig = _sig(_stat(j_path))
        except BaseException:
            self._cache = None
            raise
        if writer and len(data) > good:
            self._cut_torn(cache, j_path)

    def _cut_torn(self, cache: _Cache, j_path: Path) -> None:
        log.warning("%s: dropping a torn last record (%d bytes) left by a crash", j_path.name,
                    (cache.j_sig[1] if cache.j_sig else 0) - cache.j_good)
        cache.j_sig = _sig(journal.cut(j_path, cache.j_good))

    def _migrate(self, data: dict, writer: bool) -> _Cache:
        """A ``mailbot.json`` of the whole-file store (same tables, no journal): it becomes the
        first snapshot, with the no-shows of the archive counted once."""
        try:
            state = State.from_tinydb(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError(f"{self.state_dir / LIVE_FILE} does not hold the store's tables "
                             f"({exc!r}); restore it from backup") from exc
        gen = int((state.tables["meta"].get(COMMIT_GEN) or {}).get("value") or 0)
        archive = files.load_json(self.state_dir / ARCHIVE_FILE)
        for addr, n in count_archived_no_shows(archive, gen).items():
            state.put("noshows", addr, {"addr": addr, "n": n})
        if writer:
            self._write_snapshot(state, 0)
            log.info("state/: migrated %s to the journaled store (%d threads)", LIVE_FILE,
                     len(state.tables["threads"]))
        snap_st = _stat(self.state_dir / LIVE_FILE)
        return _Cache(state, 0, _sig(snap_st),
                      snap_st.st_size if snap_st else 0, None, 0, None)

    # ------------------------------------------------------------ writing

    def _commit(self, tx: Tx, cache: _Cache) -> None:
        """Message files first, then the archive, then the journal record, which is the commit
        point: each step only refers to what is already durable."""
        if tx._raw_pending:
            outbox_dir = self.state_dir / OUTBOX_DIR
            private_dir(outbox_dir)
            files.write_files(outbox_dir, {f"{i}.eml": raw for i, raw in tx._raw_pending.items()})
        if tx._archive_dirty():
            tx._meta_set(COMMIT_GEN, tx._gen + 1)
            tx._archive_storage.flush()            # type: ignore[union-attr]
        if tx._ops:
            j_path = self.state_dir / JOURNAL_FILE
            st = journal.append(j_path, journal.encode({"seq": cache.seq + 1, "ops": tx._ops}))
            cache.seq += 1
            cache.j_ino, cache.j_good, cache.j_sig = st.st_ino, st.st_size, _sig(st)
        try:                                       # committed: what follows is tidying up
            for item_id in tx._raw_delete:
                (self.state_dir / OUTBOX_DIR / f"{item_id}.eml").unlink(missing_ok=True)
            if cache.j_good > max(self.compact_bytes, cache.snap_size):
                self._compact(cache)
        except Exception:                          # noqa: BLE001 - the next writer retries
            log.exception("state/: tidying up after a commit failed (nothing is lost)")
            self._cache = None

    def _compact(self, cache: _Cache) -> None:
        """Snapshot first, then an empty journal; a crash between them leaves records the
        snapshot already includes, which replay skips by sequence number."""
        self._write_snapshot(cache.state, cache.seq)
        snap_st = _stat(self.state_dir / LIVE_FILE)
        cache.snap, cache.snap_size = _sig(snap_st), snap_st.st_size if snap_st else 0
        j_path = self.state_dir / JOURNAL_FILE
        files.atomic_write(j_path, b"")
        j_st = _stat(j_path)
        cache.j_ino, cache.j_good, cache.j_sig = j_st.st_ino, 0, _sig(j_st)
        self._remove_stale_temp_files(outbox=True)

    def _write_snapshot(self, state: State, seq: int) -> None:
        data = state.to_tinydb()
        data[STORE_TABLE] = {"1": {"format": FORMAT, "seq": seq}}
        files.atomic_write(self.state_dir / LIVE_FILE, files.dump(data))

    # ------------------------------------------------------------ locking

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

    def _remove_stale_temp_files(self, outbox: bool = False) -> None:
        """Temp files only exist while the lock holder writes; under the lock they are leftovers
        of a crash. The outbox folder (one file per mail) is swept on load and compaction only."""
        folders = [self.state_dir] + ([self.state_dir / OUTBOX_DIR] if outbox else [])
        for folder in folders:
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)
