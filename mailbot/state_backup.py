"""Backups of ``state/``, the refusal of a silent fresh start, and restore.

Why (issue "Trust", state loss): a deleted or unreadable live file used to give a silent fresh
start: the next seeker got AK-2612-0001 again, and outbox ids restarted over existing
``outbox/*.eml`` files. So:

* Once state has been written, ``state/initialised`` says so. A store whose data files are gone
  while that marker exists refuses to open, naming the newest backup and the restore command
  (:func:`guard`, called when a Store is created).
* ``state/backups/<UTC time>/`` holds consistent copies taken under the store's lock (the daemon
  takes one when it starts and then every ``[backups] every_hours``; ``mailbot state backup``
  takes one by hand). The newest ``[backups] keep`` are kept: since backups hold seekers' data
  (職業安定法), the rotation also bounds how long purged data survives in them. Outbox message
  files never change once written, so backups hard-link them instead of copying.
* :func:`restore` brings a backup back (never while the daemon runs), after saving what is there
  now as one more backup, and moves the reference and outbox counters past every number that
  was ever handed out: those found in the state it replaces and in every ``outbox/*.eml`` (each
  carries its id in its name and its reference in ``X-Mailbot-Ref``). A number that reached a
  seeker is never given to someone else.

Everything here works on files and the Store's public API, whichever backend writes them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from email.parser import BytesHeaderParser
from pathlib import Path

import filelock

from mailbot.store import (DAEMON_LOCK_FILE, LIVE_FILE, LOCK_FILE, OUTBOX_DIR, AlreadyRunning,
                           DaemonLock, Store, StoreBusy, StoreError, atomic_write)
from mailbot.store.files import fsync_dir, private_dir

BACKUP_DIR = "backups"
MARKER = "initialised"
OUTBOX_COUNTER = "outbox_seq"
REF_COUNTER_PREFIX = "refseq:"
AUDIT_DIR = "audit"            # append-only history: neither copied nor rolled back by a restore
_NOT_DATA = {BACKUP_DIR, OUTBOX_DIR, AUDIT_DIR, LOCK_FILE, DAEMON_LOCK_FILE, MARKER}
_STAMP = "%Y%m%dT%H%M%SZ"
_OUTBOX_ID = re.compile(r"OB(\d+)\.eml$")
_REF = re.compile(r"^([A-Z]+-\d{4})-(\d+)$")


class NoSuchBackup(StoreError):
    """The name given to restore is not a backup in state/backups/."""


@dataclass(frozen=True)
class Backup:
    name: str
    path: Path
    taken_at: datetime
    files: int


# ---------------------------------------------------------------- guarding a fresh start


def guard(state_dir: Path) -> None:
    """Raise StoreError when state was initialised once and its live file is gone now."""
    if (state_dir / MARKER).exists() and not (state_dir / LIVE_FILE).exists():
        raise StoreError(f"{state_dir / LIVE_FILE} is missing although this state/ folder was in "
                         f"use; refusing to start afresh (numbers would be given out again); "
                         f"{restore_hint(state_dir)}")


def restore_hint(state_dir: Path) -> str:
    """What to do about lost or unreadable state, naming the newest backup."""
    newest = backups(state_dir)
    if not newest:
        return "there is no backup in state/backups/"
    return f"the newest backup is {newest[-1].name}: `mailbot state restore {newest[-1].name}`"


def mark_initialised(state_dir: Path) -> None:
    """Called once the live file exists: from now on its loss is an error, not a fresh start."""
    marker = state_dir / MARKER
    if not marker.exists() and (state_dir / LIVE_FILE).exists():
        atomic_write(marker, json.dumps({"since": _utcnow().isoformat()}).encode())


# ---------------------------------------------------------------- taking and listing


def take(state_dir: Path, keep: int, *, label: str = "", lock_timeout: float = 30.0,
         without_live_file: bool = False) -> Backup | None:
    """Copy the store's files into a new backup under its lock; drop all but the newest `keep`.
    None when there is no live file to back up (a fresh folder, or a lost one: a backup of
    that would only push a good one out of the rotation), unless `without_live_file`."""
    with _writers_lock(state_dir, lock_timeout):     # no transaction commits meanwhile
        data = _data_files(state_dir, with_outbox=True)
        if not data or not (without_live_file or (state_dir / LIVE_FILE).exists()):
            return None
        name = _utcnow().strftime(_STAMP) + (f"-{label}" if label else "")
        root = state_dir / BACKUP_DIR
        private_dir(root)
        final = _unique(root / name)
        temp = root / f".{final.name}.partial"
        shutil.rmtree(temp, ignore_errors=True)
        _copy_tree(state_dir, temp, data)
        os.replace(temp, final)
        fsync_dir(root)
    _rotate(root, keep, spare=final)
    return _describe(final)


def backups(state_dir: Path) -> list[Backup]:
    """Complete backups, oldest first."""
    root = state_dir / BACKUP_DIR
    if not root.is_dir():
        return []
    found = [_describe(p) for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith(".")]
    return [b for b in found if b is not None]


def newest_taken_at(state_dir: Path) -> datetime | None:
    found = backups(state_dir)
    return found[-1].taken_at if found else None


# ---------------------------------------------------------------- restoring


def restore(state_dir: Path, name: str, keep: int, lock_timeout: float = 30.0
            ) -> tuple[Backup, dict[str, int]]:
    """Bring backup `name` ("latest" for the newest) back; returns it and the counters moved.

    Works when the live file is lost (that is what it is for). Refused while a daemon runs on
    this folder: it holds state in memory that it would write back."""
    wanted = _find(state_dir, name)
    floor = _counters_in_use(state_dir)
    lock = DaemonLock(state_dir)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        raise StoreError(f"stop the daemon before restoring ({exc})") from None
    try:
        take(state_dir, keep + 1, label="before-restore", lock_timeout=lock_timeout,
             without_live_file=True)
        with _writers_lock(state_dir, lock_timeout):
            for path in _data_files(state_dir):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
            _copy_tree(wanted.path, state_dir, _data_files(wanted.path, with_outbox=True))
            fsync_dir(state_dir)
        moved = _raise_counters(Store(state_dir, lock_timeout), floor)
        mark_initialised(state_dir)
    finally:
        lock.release()
    return wanted, moved


def _counters_in_use(state_dir: Path) -> dict[str, int]:
    """The highest numbers handed out that can still be seen: in the current state when it is
    readable, and in every outbox file."""
    seen: dict[str, int] = {}

    def note(key: str, number: int) -> None:
        seen[key] = max(seen.get(key, 0), number)

    if (state_dir / LIVE_FILE).exists():
        try:
            with Store(state_dir).snapshot() as tx:
                for key, number in tx.counters().items():
                    note(key, number)
        except StoreError:
            pass                                   # unreadable: the outbox files still tell
    parser = BytesHeaderParser()
    for path in (state_dir / OUTBOX_DIR).glob("*.eml") if (state_dir / OUTBOX_DIR).is_dir() else ():
        if m := _OUTBOX_ID.search(path.name):
            note(OUTBOX_COUNTER, int(m.group(1)))
        with open(path, "rb") as fh:
            ref = str(parser.parse(fh)["X-Mailbot-Ref"] or "").strip()
        if m := _REF.match(ref):
            note(REF_COUNTER_PREFIX + m.group(1), int(m.group(2)))
    return seen


def _raise_counters(store: Store, floor: dict[str, int]) -> dict[str, int]:
    moved = {}
    with store.transaction() as tx:
        for key, number in floor.items():
            if tx.raise_counter(key, number):
                moved[key] = number
    return moved


# ---------------------------------------------------------------- files


@contextmanager
def _writers_lock(state_dir: Path, timeout: float) -> Iterator[None]:
    """The lock every store transaction takes, held without opening a transaction (one would
    write its view back over the files restored under it)."""
    lock = filelock.FileLock(state_dir / LOCK_FILE, timeout=timeout, mode=0o600)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise StoreBusy(f"{state_dir} is busy (another transaction holds it)") from exc
    try:
        yield
    finally:
        lock.release()


def _data_files(folder: Path, with_outbox: bool = False) -> list[Path]:
    names = _NOT_DATA - ({OUTBOX_DIR} if with_outbox else set())
    return sorted(p for p in folder.iterdir()
                  if p.name not in names and not p.name.startswith(".")) if folder.is_dir() else []


def _copy_tree(source: Path, target: Path, entries: list[Path]) -> None:
    """Copy `entries` of `source` into `target` (0700/0600), outbox files by hard link."""
    private_dir(target)
    for entry in entries:
        if entry.is_dir():
            _copy_tree(entry, target / entry.name,
                       [p for p in sorted(entry.iterdir()) if not p.name.startswith(".")])
            continue
        dest = target / entry.name
        if entry.parent.name == OUTBOX_DIR and entry.suffix == ".eml":
            if dest.exists():
                continue                              # never changes once written
            try:
                os.link(entry, dest)
                continue
            except OSError:
                pass                                  # another file system: copy
        with open(entry, "rb") as fh:
            atomic_write(dest, fh.read())
    fsync_dir(target)


def _describe(path: Path) -> Backup | None:
    try:
        when = datetime.strptime(path.name[:16], _STAMP).replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    files = sum(1 for p in path.rglob("*") if p.is_file())
    return Backup(path.name, path, when, files)


def _find(state_dir: Path, name: str) -> Backup:
    found = backups(state_dir)
    if name == "latest" and found:
        return found[-1]
    for backup in found:
        if backup.name == name:
            return backup
    listed = ", ".join(b.name for b in found[-5:]) or "none"
    raise NoSuchBackup(f"no backup {name!r} in {state_dir / BACKUP_DIR} (newest: {listed})")


def _rotate(root: Path, keep: int, spare: Path) -> None:
    complete = [p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith(".")]
    for old in complete[: max(0, len(complete) - max(keep, 1))]:
        if old != spare:
            shutil.rmtree(old, ignore_errors=True)


def _unique(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}")
    return candidate


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)
