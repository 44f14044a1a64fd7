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
        ...send outbox; box.append_sent(raw, when, message_id)...   # skipped if already in Sent
        box.wait_for_change(settings.poll_seconds)

Any OSError (ConnectionLost and CertificateRefused are two) or IMAPClientError means: close()
and reconnect with backoff.  The exception is FilingError: the connection is fine, but the
server would not file a message (folder not writable, quota or disk full); the caller records
that and carries on, since answering matters more than tidy folders.

TLS: the server's certificate is verified against the system's CAs plus `ca_file`; a refusal
raises CertificateRefused with the reason and the setting to fix, in one line.
"""

from __future__ import annotations

import logging
import re
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from mailbot.config import ImapSettings
from mailbot.mail import tls

log = logging.getLogger(__name__)

DONE_KEYWORD = "$MailbotDone"
IDLE_RECHECK_S = 5.0    # between IDLE commands, UIDNEXT is compared with the last scan
IDLE_RESTART_S = 300.0  # re-issue IDLE well inside servers' 30 min limit and NAT idle timeouts
_CHANGE_RESPONSES = {b"EXISTS", b"EXPUNGE", b"RECENT", b"FETCH"}
HEADER_CAP = 65_536     # what fetch_capped reads of an oversized message: its header, at most this
_LINE_END = re.compile(rb"\r\n|\r|\n")


class ConnectionLost(ConnectionError):
    """The server connection is gone (or was never made); drop the client and reconnect."""


class FilingError(Exception):
    """The server refused to file or store a message (NO/BAD), the connection is still good."""

    def __init__(self, folder: str, reason: str) -> None:
        super().__init__(f"{folder}: {reason}")
        self.folder = folder
        self.reason = reason


@contextmanager
def _refusal_as_filing_error(folder: str) -> Iterator[None]:
    """A server's NO/BAD becomes FilingError; a dead connection stays a connection error."""
    try:
        yield
    except IMAPClientAbortError:
        raise
    except IMAPClientError as e:
        raise FilingError(folder, _one_line(e)) from e


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


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
        self._scanned_uidnext: int | None = None

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
        context = tls.client_context(s.ca_file)
        try:
            client = IMAPClient(s.host, port=s.port, ssl=s.security == "ssl", ssl_context=context,
                                timeout=timeout)
        except ssl.SSLCertVerificationError as e:
            raise tls.refusal("IMAP", s.host, s.port, e, s.ca_file) from e
        try:
            if s.security == "starttls":
                try:
                    client.starttls(context)
                except ssl.SSLCertVerificationError as e:
                    raise tls.refusal("IMAP", s.host, s.port, e, s.ca_file) from e
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
        self._scanned_uidnext = self._uidnext()
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
        return self.fetch_capped_many([uid], max_bytes).get(uid)

    def fetch_capped_many(self, uids: list[int], max_bytes: int) -> dict[int, tuple[int, bytes]]:
        """fetch_capped for a batch in (at most) three commands instead of two per message:
        the sizes of all, the whole of those within `max_bytes`, the header of the others.
        UIDs no longer there are left out."""
        if not uids:
            return {}
        c = self._c
        sizes = {int(uid): int(data[b"RFC822.SIZE"])
                 for uid, data in c.fetch(uids, ["RFC822.SIZE"]).items() if b"RFC822.SIZE" in data}
        whole = [uid for uid in uids if uid in sizes and sizes[uid] <= max_bytes]
        capped = [uid for uid in uids if uid in sizes and sizes[uid] > max_bytes]
        got: dict[int, bytes] = {}
        if whole:
            for uid, data in c.fetch(whole, ["BODY.PEEK[]"]).items():
                if data.get(b"BODY[]") is not None:
                    got[int(uid)] = bytes(data[b"BODY[]"])
        if capped:
            for uid, data in c.fetch(capped, [f"BODY.PEEK[HEADER]<0.{HEADER_CAP}>"]).items():
                head = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER]")), None)
                if head is not None:
                    got[int(uid)] = bytes(head)
        return {uid: (sizes[uid], got[uid]) for uid in uids if uid in got}

    def unfiled_uids(self) -> list[int]:
        """UIDs in the watched folder that carry our keyword but are still there: handled, and
        filing failed (or was cut short). Empty without keyword support: there unhandled_uids()
        returns them again."""
        if not self._supports_keywords:
            return []
        self._c.noop()
        return sorted(int(uid) for uid in self._c.search(["NOT", "DELETED", "KEYWORD", DONE_KEYWORD]))

    def file(self, uid: int, folder: str, keywords: tuple[str, ...] = ()) -> None:
        """Mark a handled message with our keyword (and `keywords`, e.g. the booking reference
        and the reason, so staff can search NeedsStaff for them) and move it to `folder`.

        Raises FilingError when the server refuses (the keyword may already be set: then
        unfiled_uids() finds the message for a later retry)."""
        self.file_many({uid: tuple(keywords)}, folder)

    def file_many(self, keywords: dict[int, tuple[str, ...]], folder: str) -> None:
        """file() for several messages going to one folder: one STORE of our keyword for all,
        one STORE per distinct set of extra keywords, one MOVE (or COPY + STORE + EXPUNGE
        without MOVE) for the whole UID set, instead of two or three commands per message.

        `keywords` maps each UID to its extra keywords. The keyword is set before the move, as
        in file(), so a filing cut short is found by unfiled_uids(). Raises FilingError when
        the server refuses any step: the caller files one by one to learn which (usually the
        folder refuses all of them)."""
        uids = sorted(keywords)
        if not uids:
            return
        c = self._c
        target = self.folder_name(folder)
        with _refusal_as_filing_error(target):
            if self._supports_keywords:
                c.add_flags(uids, [DONE_KEYWORD], silent=True)
                extra: dict[tuple[str, ...], list[int]] = {}
                for uid in uids:
                    if keywords[uid]:
                        extra.setdefault(tuple(keywords[uid]), []).append(uid)
                for words, group in extra.items():
                    c.add_flags(group, [w.encode("ascii") for w in words], silent=True)
            caps = c.capabilities()
            if b"MOVE" in caps:
                c.move(uids, target)
                return
            c.copy(uids, target)
            c.add_flags(uids, [b"\\Deleted"], silent=True)
            if b"UIDPLUS" in caps:
                c.uid_expunge(uids)
            else:
                c.expunge()

    def sent_has(self, message_id: str) -> bool:
        """Whether a mail with this Message-ID is in the Sent folder (after a restart: was an
        item left "sending" in fact sent?). The watched folder is selected again afterwards."""
        wanted = _bare_id(message_id)
        if not wanted:
            return False
        c = self._c
        try:
            c.select_folder(self._sent_folder, readonly=True)
            uids = c.search(["HEADER", "Message-ID", wanted])
            if not uids:
                return False
            headers = c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
            for data in headers.values():
                block = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
                found = BytesHeaderParser().parsebytes(bytes(block)).get("Message-ID", "")
                if _bare_id(str(found)) == wanted:  # SEARCH HEADER is a substring match
                    return True
            return False
        finally:
            self.select_inbox()

    def append_sent(self, raw: bytes, when: datetime, message_id: str | None = None) -> bool:
        """Store a copy of a mail we sent in the Sent folder, already read; with `message_id`,
        only when Sent does not hold it yet (a retry after a lost answer must not double it).
        Returns whether a copy was added; raises FilingError when the server refuses."""
        if message_id and self.sent_has(message_id):
            log.info("imap Sent already holds %s; not copied again", message_id)
            return False
        with _refusal_as_filing_error(self._sent_folder):
            self._c.append(self._sent_folder, raw, flags=[b"\\Seen"], msg_time=when)
        return True

    def append_sent_many(self, mails: list[tuple[bytes, datetime]]) -> None:
        """Copies of several sent mails into Sent, already read, with one MULTIAPPEND (RFC 3502:
        one command and one server-side commit instead of an APPEND each; keep batches to tens
        of mails); one APPEND each where the server lacks it. No Sent search here: the caller
        checks the few that may be there already (append_sent with a Message-ID). Raises
        FilingError when the server refuses; a refused MULTIAPPEND appends none of them."""
        if not mails:
            return
        if b"MULTIAPPEND" not in self._c.capabilities():
            for raw, when in mails:
                self.append_sent(raw, when)
            return
        batch = [{"msg": _LINE_END.sub(b"\r\n", raw), "flags": [b"\\Seen"], "date": when}
                 for raw, when in mails]
        with _refusal_as_filing_error(self._sent_folder):
            answer = self._c.multiappend(self._sent_folder, batch)
        # imapclient 4.1.0: multiappend() returns a NO as ("NO", [text]) instead of raising.
        if isinstance(answer, tuple) and len(answer) == 2 and answer[0] != "OK":
            text = b" ".join(bytes(x) for x in answer[1] if isinstance(x, (bytes, bytearray)))
            raise FilingError(self._sent_folder, _one_line(text.decode("utf-8", "replace")
                                                           or str(answer[0])))

    # -- other folders (the review round trip) -------------------------------------------------

    def append_to(self, folder: str, raw: bytes, when: datetime, seen: bool = False) -> None:
        """Put a copy of `raw` into one of our folders."""
        self._c.append(self.folder_name(folder), raw, flags=[b"\\Seen"] if seen else [], msg_time=when)

    def message_ids_in(self, folder: str) -> dict[int, str]:
        """UID -> Message-ID of every message in `folder` (selects it: reselect the inbox after)."""
        self._c.select_folder(self.folder_name(folder))
        uids = self._c.search(["NOT", "DELETED"])
        if not uids:
            return {}
        data = self._c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        out = {}
        for uid, item in data.items():
            raw = next((v for k, v in item.items() if k.startswith(b"BODY[HEADER")), b"") or b""
            text = bytes(raw).decode("ascii", "replace")
            value = text.partition(":")[2].strip() if ":" in text else ""
            out[int(uid)] = " ".join(value.split())
        return out

    def move_to(self, uids: list[int], folder: str) -> None:
        """Move messages of the selected folder to another of our folders."""
        c = self._c
        target = self.folder_name(folder)
        if b"MOVE" in c.capabilities():
            c.move(uids, target)
        else:
            c.copy(uids, target)
            self.remove(uids)

    def remove(self, uids: list[int]) -> None:
        """Delete messages of the selected folder (our copies only)."""
        if not uids:
            return
        c = self._c
        c.add_flags(uids, [b"\\Deleted"], silent=True)
        if b"UIDPLUS" in c.capabilities():
            c.uid_expunge(uids)
        else:
            c.expunge()

    # -- waiting -------------------------------------------------------------------------------

    def wait_for_change(self, timeout_s: float) -> bool:
        """Block up to `timeout_s` for new mail; True when the server reported a change.

        Uses IDLE when offered (re-issued every `idle_restart_s`), else sleeps and sends NOOP.
        Either way the caller rescans afterwards; the result is only a hint.  Raises
        ConnectionLost (or an IMAPClientError/OSError) when the connection is dead.
        """
        c = self._c
        if self._arrived_since_scan():
            return True
        if b"IDLE" not in c.capabilities():
            time.sleep(max(timeout_s, 0))
            return _changed(c.noop()[1])
        deadline = time.monotonic() + max(timeout_s, 0)
        while True:
            # IDLE is re-issued every few seconds and UIDNEXT compared in between: a server that
            # misses a notification (measured here once in ~15 runs, and common with
            # some real servers) then costs seconds, not a whole poll interval.
            chunk = min(deadline - time.monotonic(), self.idle_restart_s, IDLE_RECHECK_S)
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
            if self._arrived_since_scan():
                return True

    def _uidnext(self) -> int | None:
        """The watched folder's UIDNEXT now (STATUS works whichever folder is selected)."""
        try:
            status = self._c.folder_status(self.settings.folder, [b"UIDNEXT"])
        except IMAPClientError:
            return None
        return int(status[b"UIDNEXT"]) if b"UIDNEXT" in status else None

    def _arrived_since_scan(self) -> bool:
        """Mail delivered after the last scan while another folder was selected (Sent, Review)
        is announced to nobody: IDLE on the re-selected inbox would wait a full poll for it."""
        if self._scanned_uidnext is None:
            return False
        now = self._uidnext()
        return now is not None and now > self._scanned_uidnext

    def _end_idle(self) -> list[object]:
        """DONE + its responses; a dead socket shows up here as an error."""
        self._idling = False
        try:
            return list(self._c.idle_done()[1])
        except (IMAPClientError, OSError) as e:
            self.close()
            raise ConnectionLost(f"IMAP connection lost ending IDLE: {type(e).__name__}") from e


def _bare_id(message_id: str) -> str:
    """"<a@b>" for any spelling of a Message-ID (spaces or brackets around it or not)."""
    text = message_id.strip().strip("<>").strip()
    return f"<{text}>" if text else ""


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
