"""An in-memory backend: the same :class:`~mailbot.store.tx.Tx` over a :class:`State` held in
the process. It proves the repository contract does not depend on files (the contract tests
run against it too) and is handy for pure tests; it keeps nothing across processes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from tinydb.storages import Storage

from mailbot.store.files import StoreError
from mailbot.store.state import State
from mailbot.store.tx import COMMIT_GEN, Tx, _copy, check_id


class _ArchiveCopy(Storage):
    """The archive of one transaction: a copy, handed back to the store at commit."""

    def __init__(self, owner: MemoryStore, readonly: bool) -> None:
        self.owner, self.readonly, self.dirty = owner, readonly, False
        self._doc = _copy(owner._archive) if owner._archive else None

    def read(self) -> dict | None:
        return self._doc

    def write(self, data: dict) -> None:
        if self.readonly:
            raise StoreError("a snapshot is read-only; use store.transaction() to change state")
        self._doc, self.dirty = data, True

    def flush(self) -> None:
        if self.dirty:
            self.owner._archive = _copy(self._doc)
            self.dirty = False


class MemoryStore:
    """Transactions work on a copy of the state, which replaces it at commit; an exception
    leaves it as it was. Snapshots read the committed state, which is never changed in place."""

    def __init__(self) -> None:
        self._state = State()
        self._raw: dict[str, bytes] = {}
        self._archive: dict | None = None
        self._lock = threading.Lock()
        self._local = threading.local()

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        if getattr(self._local, "held", False):
            raise StoreError("nested transaction on the same store (would deadlock)")
        with self._lock:
            self._local.held = True
            try:
                state = self._state.clone()
                tx = Tx(state, self, readonly=False)
                yield tx
                if tx._archive_dirty():
                    tx._meta_set(COMMIT_GEN, tx._gen + 1)
                    tx._archive_storage.flush()    # type: ignore[union-attr]
                self._raw.update(tx._raw_pending)
                for item_id in tx._raw_delete:
                    self._raw.pop(item_id, None)
                self._state = state
            finally:
                self._local.held = False

    @contextmanager
    def snapshot(self) -> Iterator[Tx]:
        with self._lock:
            state = self._state
        yield Tx(state, self, readonly=True)

    def outbox_raw(self, item_id: str) -> bytes:
        return self.read_raw(check_id(item_id))

    # -- Tx backend

    def read_raw(self, item_id: str) -> bytes:
        try:
            return self._raw[item_id]
        except KeyError:
            raise FileNotFoundError(f"no message for outbox item {item_id}") from None

    def archive_storage(self, readonly: bool) -> Storage:
        return _ArchiveCopy(self, readonly)

    def raw_ids(self) -> Iterable[str]:
        return list(self._raw)
