"""Crash-safe file primitives for ``state/``: atomic replace, private folders, strict JSON.

TinyDB's own ``JSONStorage`` rewrites in place and was measured to corrupt files on SIGKILL
(PITFALLS "tinydb 4.9.0"), so every whole-file write goes through :func:`atomic_write`.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from tinydb.storages import Storage


class StoreError(Exception):
    """The state folder cannot be used (unreadable file, misuse of a transaction)."""


class StoreBusy(StoreError):
    """Another process held the transaction lock for longer than the timeout."""


class AlreadyRunning(StoreError):
    """Another daemon holds ``state/daemon.lock``."""


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    write_files(path.parent, {path.name: data})


def write_files(directory: Path, files: dict[str, bytes]) -> None:
    """Atomically replace several files of one folder: each is written to a temp file and
    fsynced, then renamed; the folder is fsynced once at the end (one fsync per file, not two)."""
    done: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            path = directory / name
            tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            done.append((tmp, path))
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
        for tmp, path in done:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in done:
            tmp.unlink(missing_ok=True)
        raise
    fsync_dir(directory)


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_dir(directory: Path) -> None:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    if directory.stat().st_mode & 0o077:
        directory.chmod(0o700)


def load_json(path: Path) -> dict | None:
    """The file's JSON object, None when it does not exist; a damaged file is an error (never
    an empty store: starting fresh would forget every booking)."""
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
        raise StoreError(f"{path} does not hold a TinyDB document; restore it from backup")
    return data


def dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class BufferedStorage(Storage):
    """Loads the file once, keeps TinyDB's writes in memory, writes the file on :meth:`flush`.
    Used for the archive, which is read and written whole only by the commands that ask."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self.dirty = False
        self._doc = load_json(path)

    def read(self) -> dict | None:
        return self._doc

    def write(self, data: dict) -> None:
        if self.readonly:
            raise StoreError("a snapshot is read-only; use store.transaction() to change state")
        self._doc = data
        self.dirty = True

    def flush(self) -> None:
        if self.dirty:
            atomic_write(self.path, dump(self._doc or {}))
            self.dirty = False
