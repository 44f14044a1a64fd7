"""The append-only journal ``state/mailbot.journal``: one fsynced record per transaction.

A record is ``MAGIC | length | crc32 | JSON payload``. A crash in the middle of an append
leaves a torn last record (short, or the right length with garbage or zeros in it): it is
recognised because no valid record follows it, and ignored (a writer cuts it off before it
appends). A bad record FOLLOWED by a valid one cannot come from a crash: that is damage, and an
error, never a silent loss of the transactions after it.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path

from mailbot.store.files import StoreError, dump, fsync_dir

MAGIC = b"MBJ1"
HEADER = struct.Struct(">4sII")


def encode(payload: dict) -> bytes:
    body = dump(payload)
    return HEADER.pack(MAGIC, len(body), zlib.crc32(body)) + body


def _one(data: bytes, pos: int) -> tuple[dict | None, int]:
    """The record at ``pos`` and where it ends, or (None, pos) if there is none."""
    end = pos + HEADER.size
    if end > len(data):
        return None, pos
    magic, length, crc = HEADER.unpack_from(data, pos)
    if magic != MAGIC or end + length > len(data):
        return None, pos
    body = data[end:end + length]
    if zlib.crc32(body) != crc:
        return None, pos
    try:
        record = json.loads(body)
    except ValueError:
        return None, pos
    if not isinstance(record, dict):
        return None, pos
    return record, end + length


def decode(data: bytes, path: Path, base: int = 0) -> tuple[list[dict], int]:
    """The complete records in ``data`` (read from offset ``base`` of ``path``) and the length
    of the good part; whatever follows it is a torn last record."""
    records, pos = [], 0
    while pos < len(data):
        record, end = _one(data, pos)
        if record is None:
            _check_torn(data, pos, path, base)
            break
        records.append(record)
        pos = end
    return records, pos


def _check_torn(data: bytes, pos: int, path: Path, base: int) -> None:
    at = data.find(MAGIC, pos + 1)
    while at != -1:
        if _one(data, at)[0] is not None:
            raise StoreError(f"{path} is damaged at byte {base + pos} (valid records follow); "
                             "restore state/ from backup")
        at = data.find(MAGIC, at + 1)


def read_from(path: Path, offset: int) -> bytes:
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read()


def append(path: Path, blob: bytes) -> os.stat_result:
    """Append one record and fsync it (the commit point); returns the file's new stat."""
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        view = memoryview(blob)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        st = os.fstat(fd)
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)
    return st


def cut(path: Path, length: int) -> os.stat_result:
    """Drop a torn last record before appending after it."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(fd, length)
        os.fsync(fd)
        return os.fstat(fd)
    finally:
        os.close(fd)
