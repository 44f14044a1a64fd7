"""Thin IMAP adapter over imapclient: the mailbox operations the daemon needs, nothing more.

Why a wrapper: imapclient has no socket timeout by default, hides a dropped connection during
IDLE (idle_check() returns [] forever), and MOVE/keywords are not universal (PITFALLS).  This
module makes each of those explicit so the daemon can stay a simple loop::

    box = ImapMailbox(settings); box.connect(); box.ensure_folders(("Processed", "NeedsStaff", "Sent"))
    while True:
        for uid in box.unhandled_uids():
            raw = box.fetch(uid)          # None when someone else moved it meanwhile
            ...decide, store...
            box.file(uid, "Processed")    # keyword $MailbotDone + MOVE
        ...send outbox; box.append_sent(raw, when)...
        box.wait_for_change(settings.poll_seconds)

Any OSError (ConnectionLost is one) or IMAPClientError means: close() and reconnect with backoff.
"""

from __future__ import annotations

import logging
import ssl
import time
from dataclasses import dataclass
from datetime import datetime

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientError

from mailbot.config import ImapSettings

log = logging.getLogger(__name__)

DONE_KEYWORD = "$MailbotDone"
IDLE_RESTART_S = 300.0  # re-issue IDLE well inside servers' 30 min limit and NAT idle timeouts
_CHANGE_RESPONSES = {b"EXISTS", b"EXPUNGE", b"RECENT", b"FETCH"}
HEADER_CAP = 65_536     # what fetch_capped reads of an oversized message: its header, at most this


class ConnectionLost(ConnectionError):
    """The server connection is gone (or was never made); drop the client and reconnect."""


@dataclass(frozen=True)
class FolderState:
    """What SELECT told us: store (folder, uidvalidity, last uid) and rescan when it changes."""

    folder: str
    uidvalidity: int
    uidnext: int | None
    exists: int


class ImapMailbox:
    """One logged-in connection to the office mailbox, with its watched folder selected."""

    def __init__(self, settings: ImapSettings, *, idle_restart_s: float = IDLE_RESTART_S) -> None:
        self.settings = settings
        self.idle_restart_s = idle_restart_s
        self._client: IMAPClient | None = None
        self._state: FolderState | None = None
        self._supports_keywords = False
        self._prefix = ""
        self._sent_folder = "Sent"
        self._idling = False

    # -- connection ----------------------------------------------------------------------------

    def __enter__(self) -> ImapMailbox:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def connect(self) -> FolderState:
        """Connect, log in and select the watched folder (settings.folder)."""
        s = self.settings
        self.close()
        timeout = SocketTimeout(connect=s.timeout_seconds, read=s.timeout_seconds)
        context = ssl.create_default_context()
        client = IMAPClient(s.host, port=s.port, ssl=s.security == "ssl", ssl_context=context, timeout=timeout)
        try:
            if s.security == "starttls":
                client.starttls(context)
            client.login(s.username, s.password)
            self._client = client
            self._prefix = self._personal_prefix()
            log.info("imap connected to %s:%d as %s", s.host, s.port, s.username)
            return self.select_inbox()
        except BaseException:
            self._client = None
            _shutdown(client)
            raise

    def close(self) -> None:
        """Log out if possible; never raises. Safe to call when not connected, or in IDLE
        (after an interrupted wait: LOGOUT without DONE would wait out the read timeout)."""
        client, self._client, self._state = self._client, None, None
        idling, self._idling = self._idling, False
        if client is not None:
            _shutdown(client, idling)

    @property
    def connected(self) -> bool:
        return self._client is not None

    @property
    def capabilities(self) -> frozenset[bytes]:
        return frozenset(self._c.capabilities())

    @property
    def _c(self) -> IMAPClient:
        if self._client is None:
            raise ConnectionLost("IMAP not connected")
        return self._client

    # -- folders -------------------------------------------------------------------------------

    def _personal_prefix(self) -> str:
        """Some servers (Cyrus, Courier) keep every folder under e.g. "INBOX."."""
        if b"NAMESPACE" not in self._c.capabilities():
            return ""
        personal = self._c.namespace().personal
        return personal[0][0] if personal else ""

    def folder_name(self, name: str) -> str:
        """The server's name for one of our folders (namespace prefix added when needed)."""
        if name.upper() == "INBOX" or not self._prefix or name.startswith(self._prefix):
            return name
        return self._prefix + name

    def ensure_folders(self, names: tuple[str, ...] = ("Processed", "NeedsStaff", "Sent")) -> None:
        """Create (and subscribe) missing folders; use the server's special-use \\Sent folder if any."""
        existing = {name for _flags, _sep, name in self._c.list_folders()}
        special_sent = self._c.find_special_folder(b"\\Sent")
        for name in names:
            if name == "Sent" and special_sent:
                self._sent_folder = special_sent
                continue
            full = self.folder_name(name)
            if full not in existing:
                self._c.create_folder(full)
                self._c.subscribe_folder(full)  # many mail clients list subscribed folders only
                log.info("imap created folder %s", full)
            if name == "Sent":
                self._sent_folder = full

    def select_inbox(self) -> FolderState:
        """(Re)select the watched folder; remember UIDVALIDITY and whether keywords stick."""
        folder = self.settings.folder
        info = self._c.select_folder(folder)
        self._supports_keywords = b"\\*" in info.get(b"PERMANENTFLAGS", ())
        self._state = FolderState(
            folder=folder,
            uidvalidity=int(info[b"UIDVALIDITY"]),
            uidnext=int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None,
            exists=int(info.get(b"EXISTS", 0)),
        )
        return self._state

    @property
    def uidvalidity(self) -> int:
        if self._state is None:
            raise ConnectionLost("no folder selected")
        return self._state.uidvalidity

    @property
    def supports_keywords(self) -> bool:
        """False on servers without custom keywords (Exchange): rely on folders + local state."""
        return self._supports_keywords

    # -- messages ------------------------------------------------------------------------------

    def unhandled_uids(self) -> list[int]:
        """UIDs in the watched folder not yet marked by us, oldest first.

        Without keyword support this is every undeleted message: the caller must skip the UIDs
        its own state has recorded as handled.
        """
        self._c.noop()  # lets the server announce mail that arrived since the last command
        criteria: list[str] = ["NOT", "DELETED"]
        if self._supports_keywords:
            criteria += ["UNKEYWORD", DONE_KEYWORD]
        return sorted(int(uid) for uid in self._c.search(criteria))

    def fetch(self, uid: int) -> bytes | None:
        """The full raw message without setting \\Seen; None when it is no longer there."""
        data = self._c.fetch([uid], ["BODY.PEEK[]"])
        body = data.get(uid, {}).get(b"BODY[]")
        return bytes(body) if body is not None else None

    def fetch_capped(self, uid: int, max_bytes: int) -> tuple[int, bytes] | None:
        """(size, raw) without setting \\Seen; None when the message is no longer there.

        The size (RFC822.SIZE) comes first, so a message over `max_bytes` is never downloaded
        whole: raw is then only its header, at most HEADER_CAP bytes, which is enough to see who
        wrote and whether a machine did (see mailbot.size_cap).
        """
        size = self._c.fetch([uid], ["RFC822.SIZE"]).get(uid, {}).get(b"RFC822.SIZE")
        if size is None:
            return None
        if int(size) <= max_bytes:
            raw = self.fetch(uid)
            return None if raw is None else (int(size), raw)
        data = self._c.fetch([uid], [f"BODY.PEEK[HEADER]<0.{HEADER_CAP}>"]).get(uid, {})
        head = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER]")), None)
        return None if head is None else (int(size), bytes(head))

    def file(self, uid: int, folder: str) -> None:
        """Mark a handled message with our keyword and move it to `folder`."""
        c = self._c
        if self._supports_keywords:
            c.add_flags([uid], [DONE_KEYWORD], silent=True)
        target = self.folder_name(folder)
        caps = c.capabilities()
        if b"MOVE" in caps:
            c.move([uid], target)
            return
        c.copy([uid], target)
        c.add_flags([uid], [b"\\Deleted"], silent=True)
        if b"UIDPLUS" in caps:
            c.uid_expunge([uid])
        else:
            c.expunge()

    def append_sent(self, raw: bytes, when: datetime) -> None:
        """Store a copy of a mail we sent in the Sent folder, already read."""
        self._c.append(self._sent_folder, raw, flags=[b"\\Seen"], msg_time=when)

    # -- waiting -------------------------------------------------------------------------------

    def wait_for_change(self, timeout_s: float) -> bool:
        """Block up to `timeout_s` for new mail; True when the server reported a change.

        Uses IDLE when offered (re-issued every `idle_restart_s`), else sleeps and sends NOOP.
        Either way the caller rescans afterwards; the result is only a hint.  Raises
        ConnectionLost (or an IMAPClientError/OSError) when the connection is dead.
        """
        c = self._c
        if b"IDLE" not in c.capabilities():
            time.sleep(max(timeout_s, 0))
            return _changed(c.noop()[1])
        deadline = time.monotonic() + max(timeout_s, 0)
        while True:
            chunk = min(deadline - time.monotonic(), self.idle_restart_s)
            if chunk <= 0:
                return False
            c.idle()
            self._idling = True
            started = time.monotonic()
            responses = c.idle_check(timeout=chunk)
            elapsed = time.monotonic() - started
            if _changed(responses + self._end_idle()):
                return True
            if not responses and elapsed < chunk / 2:
                # imapclient swallows EOF here and returns [] at once (PITFALLS, upstream #565).
                self.close()
                raise ConnectionLost("IMAP connection closed during IDLE")
            c.noop()

    def _end_idle(self) -> list[object]:
        """DONE + its responses; a dead socket shows up here as an error."""
        self._idling = False
        try:
            return list(self._c.idle_done()[1])
        except (IMAPClientError, OSError) as e:
            self.close()
            raise ConnectionLost(f"IMAP connection lost ending IDLE: {type(e).__name__}") from e


def _changed(responses: list[object]) -> bool:
    return any(isinstance(r, tuple) and len(r) > 1 and r[1] in _CHANGE_RESPONSES for r in responses)


def _shutdown(client: IMAPClient, idling: bool = False) -> None:
    try:
        if idling:
            client.idle_done()
        client.logout()
    except Exception:  # noqa: BLE001 - the connection may already be dead; closing must not fail
        try:
            client.shutdown()
        except Exception:  # noqa: BLE001
            pass
