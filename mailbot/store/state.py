"""The live documents in memory, keyed, with the indexes the workflow looks things up by.

Why: the old store parsed the whole file and scanned every table for each lookup, so each mail
cost more as the store grew. Here every lookup the daemon makes per mail (Message-ID, address,
seats taken, no-shows, open threads by state, outbox by status) is an index kept up to date by
:meth:`State.put` and :meth:`State.delete`, the only ways documents change.

Documents are stored as given (plain JSON, already copied by the caller) and never changed in
place: a change replaces the document, so a shallow copy of a table is a consistent view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

Doc = dict[str, Any]

# table name -> the field each document is keyed by
TABLES = {"threads": "ref", "outbox": "id", "handled": "key", "meta": "key", "noshows": "addr"}
NO_SHOW = "no_show"


def mid(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


def _low(value: Any) -> str:
    return str(value or "").strip().lower()


def thread_addresses(doc: Doc) -> set[str]:
    """Addresses :meth:`Tx.find_threads_by_address` finds a thread by."""
    contact = doc.get("contact") if isinstance(doc.get("contact"), dict) else {}
    return {a for a in (_low(contact.get("email")), _low(doc.get("from_addr"))) if a}


def no_show_addresses(doc: Doc) -> set[str]:
    """Addresses a no-show counts against (sender, bound address, contact address)."""
    return thread_addresses(doc) | ({_low(doc["bound_to"])} if doc.get("bound_to") else set()) - {""}


def _mids(doc: Doc) -> set[str]:
    return {m for m in (mid(str(x)) for x in doc.get("message_ids") or ()) if m}


def _add(index: dict[str, set[str]], keys: Iterable[str], value: str) -> None:
    for key in keys:
        index.setdefault(key, set()).add(value)


def _drop(index: dict[str, set[str]], keys: Iterable[str], value: str) -> None:
    for key in keys:
        found = index.get(key)
        if found is not None:
            found.discard(value)
            if not found:
                del index[key]


class State:
    """Tables (key -> document, in insertion order) and their indexes."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Doc]] = {name: {} for name in TABLES}
        self.order: dict[str, dict[str, int]] = {"threads": {}, "outbox": {}}
        self._next = 0
        self.by_mid: dict[str, set[str]] = {}
        self.by_addr: dict[str, set[str]] = {}
        self.by_state: dict[str, set[str]] = {}
        self.by_status: dict[str, set[str]] = {}
        self.seats: Counter[str] = Counter()
        self.live_no_shows: Counter[str] = Counter()
        self.pins = 0          # read-only snapshots still using this object (see Store)

    # -- changes

    def put(self, table: str, key: str, doc: Doc) -> None:
        old = self.tables[table].get(key)
        if old is not None:
            self._unindex(table, key, old)
        elif table in self.order:
            self._next += 1
            self.order[table][key] = self._next
        self.tables[table][key] = doc
        self._index(table, key, doc)

    def delete(self, table: str, key: str) -> None:
        old = self.tables[table].pop(key, None)
        if old is None:
            return
        self._unindex(table, key, old)
        if table in self.order:
            del self.order[table][key]

    def apply(self, ops: list[list]) -> None:
        """Replay a journal record's operations: ``[table, key, doc]`` (None deletes) or
        ``[table, key, fields, 1]`` (merge fields into the document)."""
        for op in ops:
            table, key, doc = op[0], op[1], op[2]
            if doc is None:
                self.delete(table, key)
            elif len(op) > 3:
                self.put(table, key, {**self.tables[table][key], **doc})
            else:
                self.put(table, key, doc)

    def _index(self, table: str, key: str, doc: Doc) -> None:
        if table == "threads":
            _add(self.by_mid, _mids(doc), key)
            _add(self.by_addr, thread_addresses(doc), key)
            _add(self.by_state, [str(doc.get("state"))], key)
            self.seats.update(doc.get("holds") or ())
            if doc.get("state") == NO_SHOW:
                self.live_no_shows.update(no_show_addresses(doc))
        elif table == "outbox":
            _add(self.by_status, [str(doc.get("status"))], key)

    def _unindex(self, table: str, key: str, doc: Doc) -> None:
        if table == "threads":
            _drop(self.by_mid, _mids(doc), key)
            _drop(self.by_addr, thread_addresses(doc), key)
            _drop(self.by_state, [str(doc.get("state"))], key)
            self.seats.subtract(doc.get("holds") or ())
            for slot in set(doc.get("holds") or ()):
                if self.seats[slot] <= 0:
                    del self.seats[slot]
            if doc.get("state") == NO_SHOW:
                self.live_no_shows.subtract(no_show_addresses(doc))
                for addr in no_show_addresses(doc):
                    if self.live_no_shows[addr] <= 0:
                        del self.live_no_shows[addr]
        elif table == "outbox":
            _drop(self.by_status, [str(doc.get("status"))], key)

    # -- reading

    def ordered(self, table: str, keys: Iterable[str]) -> list[Doc]:
        """Documents of ``keys`` in insertion order (the order the old TinyDB tables had)."""
        docs, order = self.tables[table], self.order[table]
        keys = list(keys)
        if len(keys) * 4 > len(docs):            # most of the table: walk it, no sort
            wanted = set(keys)
            return [doc for key, doc in docs.items() if key in wanted]
        return [docs[key] for key in sorted(keys, key=order.__getitem__)]

    def clone(self) -> State:
        """An independent copy (documents are shared: they are never changed in place)."""
        new = State.__new__(State)
        new.tables = {name: dict(docs) for name, docs in self.tables.items()}
        new.order = {name: dict(order) for name, order in self.order.items()}
        new._next = self._next
        for name in ("by_mid", "by_addr", "by_state", "by_status"):
            setattr(new, name, {k: set(v) for k, v in getattr(self, name).items()})
        new.seats = Counter(self.seats)
        new.live_no_shows = Counter(self.live_no_shows)
        new.pins = 0
        return new

    # -- TinyDB layout (the snapshot file): {"table": {"1": doc, ...}, ...}

    @classmethod
    def from_tinydb(cls, data: dict) -> State:
        state = cls()
        for table, field in TABLES.items():
            docs = data.get(table) or {}
            if not isinstance(docs, dict):
                raise ValueError(f"table {table} is not a TinyDB table")
            for doc_id in sorted(docs, key=_doc_id):
                doc = docs[doc_id]
                state.put(table, str(doc[field]), doc)
        return state

    def to_tinydb(self) -> dict:
        return {table: {str(n): doc for n, doc in enumerate(docs.values(), 1)}
                for table, docs in self.tables.items()}


def _doc_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0
