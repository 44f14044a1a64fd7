"""Durable state under ``state/``: threads, outbox, handled messages, counters.

The public API of the whole-file store is kept for every caller. Where things live:

* :mod:`~mailbot.store.core` - the file-backed :class:`Store`: TinyDB snapshot
  (``mailbot.json``) + append-only journal (``mailbot.journal``) + a cache in memory;
* :mod:`~mailbot.store.tx` - :class:`Tx`, the unit of work every backend hands out;
* :mod:`~mailbot.store.state` - the live documents and their indexes;
* :mod:`~mailbot.store.journal` - record format, torn-record detection;
* :mod:`~mailbot.store.files` - atomic writes, private folders, errors;
* :mod:`~mailbot.store.port` - the repository Protocol the core relies on;
* :mod:`~mailbot.store.memory` - an in-memory backend (tests, and proof the contract is
  backend-neutral);
* :mod:`~mailbot.store.locks` - :class:`DaemonLock`.
"""

from __future__ import annotations

from mailbot.store.core import (
    ARCHIVE_FILE,
    JOURNAL_FILE,
    LIVE_FILE,
    LOCK_FILE,
    OUTBOX_DIR,
    Store,
)
from mailbot.store.files import (
    AlreadyRunning,
    BufferedStorage,
    StoreBusy,
    StoreError,
    atomic_write,
)
from mailbot.store.locks import DAEMON_LOCK_FILE, DaemonLock
from mailbot.store.tx import CLOSED_STATES, COMMIT_GEN, GEN_KEY, JST, UNSENT_STATUSES, Tx

__all__ = [
    "ARCHIVE_FILE",
    "AlreadyRunning",
    "BufferedStorage",
    "CLOSED_STATES",
    "COMMIT_GEN",
    "DAEMON_LOCK_FILE",
    "DaemonLock",
    "GEN_KEY",
    "JOURNAL_FILE",
    "JST",
    "LIVE_FILE",
    "LOCK_FILE",
    "OUTBOX_DIR",
    "Store",
    "StoreBusy",
    "StoreError",
    "Tx",
    "UNSENT_STATUSES",
    "atomic_write",
]
