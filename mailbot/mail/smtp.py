"""Thin SMTP adapter over aiosmtplib: open a session, send messages, report each one's fate.

Why this shape (PITFALLS, and what offices' servers did to us):

* A message's fate is one of three, and the caller acts differently on each: accepted; refused
  for good (a 5xx reply: retrying cannot help, staff must be told at once); or not sent this
  time (a 4xx reply, a dropped connection, a timeout: retry later). `SendResult` carries the
  reply code and the server's text so staff see what the server said.
* Some failures are not the message's at all: the server is unreachable, its certificate is
  refused, or it refuses our login. Then nothing can be sent, and `SendingBlocked` says why in
  one line (which setting to fix), instead of every message failing with a class name.
* A kept-open connection breaks once the server closes it, so a disconnect reopens the session
  and resends; a timeout is NOT retried here (a hung server would hold the caller for a multiple
  of the timeout). aiosmtplib's timeouts are per step: callers that need a hard limit wrap the
  whole batch in `asyncio.wait_for` (the daemon does). aiosmtplib upgrades to STARTTLS on its own
  when offered, so the security mode is always passed explicitly.

The bytes sent are serialised here once (`wire_bytes`) and returned in the result, so the copy
the daemon appends to Sent is exactly what the recipient got.  Results and log lines never carry
message text or passwords; server replies may name the recipient, so logs use
`without_addresses`.
"""

from __future__ import annotations

import asyncio
import copy
import email.policy
import logging
import re
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses

import aiosmtplib

from mailbot.config import SmtpSettings
from mailbot.mail import tls

log = logging.getLogger(__name__)

ATTEMPTS = 3
# A dropped connection is cured by reconnecting; a timeout is not retried (see module doc).
_RECONNECT = (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPConnectError, ConnectionError)
_ADDRESS = re.compile(r"<?[^\s<>@]+@[^\s<>@]+>?")


@dataclass(frozen=True)
class SendResult:
    """The fate of one message.

    ok: the server accepted it. Otherwise `permanent` (a 5xx reply: give up, tell staff) or
    temporary (retry later); `code` and `text` are the server's reply when it gave one, else
    `text` says what went wrong; `error` names the kind of failure for logs. `blocked`: the
    message was not tried because sending could not start (see SendingBlocked).
    """

    message_id: str
    ok: bool
    error: str | None = None
    refused: tuple[str, ...] = ()  # recipients the server refused while accepting others
    raw: bytes = field(default=b"", repr=False)  # exactly what was sent (for the Sent folder)
    code: int | None = None
    text: str = ""
    permanent: bool = False
    blocked: bool = False

    @property
    def reply(self) -> str:
        """"550 5.1.1 …" when the server answered, else what went wrong."""
        return f"{self.code} {self.text}".strip() if self.code is not None else self.text


class SendingBlocked(ConnectionError):
    """Nothing can be sent: the server is unreachable or silent (stage "connect"), refused TLS
    ("tls") or our login ("auth"). The message is one line naming the server and the reason."""

    def __init__(self, stage: str, reason: str, *, error: str, code: int | None = None) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason
        self.error = error  # class name of the underlying failure
        self.code = code

    @property
    def configuration(self) -> bool:
        """A setting must change (certificate, password); waiting will not cure it."""
        return self.stage in ("tls", "auth")


def recipients(message: EmailMessage) -> list[str]:
    """Envelope recipients: the addresses in To, Cc and Bcc (duplicates removed)."""
    fields = [v for name in ("To", "Cc", "Bcc") for v in message.get_all(name, [])]
    seen: dict[str, None] = {}
    for _name, addr in getaddresses([str(f) for f in fields]):
        if addr:
            seen.setdefault(addr, None)
    return list(seen)


_HEADERS_ONLY = BytesParser(policy=email.policy.SMTP)
_LINE_END = re.compile(rb"\r\n|\r|\n")


def wire_bytes(message: EmailMessage) -> bytes:
    """The message as sent: CRLF line ends, Bcc removed."""
    if "Bcc" in message:
        message = copy.deepcopy(message)
        del message["Bcc"]
    return message.as_bytes(policy=email.policy.SMTP)


def without_addresses(text: str) -> str:
    """A server reply fit for logs: mail addresses replaced by <address>."""
    return _ADDRESS.sub("<address>", text)


def _one_line(text: object) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(str(text).split())


def _permanent(code: int | None) -> bool:
    return code is not None and 500 <= code < 600


class Session:
    """One SMTP connection for a batch of messages; reopened after a disconnect.

        async with Session(settings) as session:     # raises SendingBlocked
            result = await session.send(message)     # a SendResult; SendingBlocked if a
                                                     # reconnect cannot be made
    """

    def __init__(self, settings: SmtpSettings, *, attempts: int = ATTEMPTS) -> None:
        self.settings = settings
        self.attempts = attempts
        self._smtp: aiosmtplib.SMTP | None = None

    async def __aenter__(self) -> Session:
        await self.open()
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if exc_type is None:
            await self.close()
        else:
            self.abort()  # e.g. cancelled by a deadline: never wait on a hung server again

    async def open(self) -> None:
        s = self.settings
        self.abort()
        secure = s.security != "none"
        smtp = aiosmtplib.SMTP(
            hostname=s.host,
            port=s.port,
            use_tls=s.security == "ssl",
            start_tls=s.security == "starttls",
            timeout=s.timeout_seconds,
            local_hostname=s.helo_name or None,
            tls_context=tls.client_context(s.ca_file) if secure else None,
        )
        try:
            await asyncio.wait_for(smtp.connect(), timeout=s.timeout_seconds * 3)
        except Exception as e:  # noqa: BLE001 - every failure to connect is reported as one line
            smtp.close()
            raise self._blocked(e, "connect") from e
        if s.username:
            try:
                await asyncio.wait_for(smtp.login(s.username, s.password), timeout=s.timeout_seconds)
            except Exception as e:  # noqa: BLE001
                smtp.close()
                raise self._blocked(e, "auth") from e
        self._smtp = smtp

    def _blocked(self, e: BaseException, stage: str) -> SendingBlocked:
        s = self.settings
        where = f"SMTP {s.host}:{s.port}"
        refused = tls.certificate_error(e)
        if refused is not None:
            reason = str(tls.refusal("SMTP", s.host, s.port, refused, s.ca_file))
            return SendingBlocked("tls", reason, error="CertificateRefused")
        code = getattr(e, "code", None) if isinstance(e, aiosmtplib.SMTPResponseException) else None
        text = _one_line(getattr(e, "message", "") or e) if code is not None else _one_line(e)
        if stage == "auth":
            reason = f"{where}: login refused ({code} {text}); check [smtp] username and password" \
                if code is not None else f"{where}: login not possible ({text})"
            return SendingBlocked("auth", reason, error=type(e).__name__, code=code)
        if isinstance(e, ssl.SSLError) or isinstance(e.__cause__, ssl.SSLError):
            return SendingBlocked("tls", f"{where}: TLS failed ({text or type(e).__name__}); "
                                  "check [smtp] security and port", error=type(e).__name__)
        if isinstance(e, TimeoutError):
            text = f"no answer within {s.timeout_seconds:g} s"
        elif code is not None:
            text = f"{code} {text}"
        return SendingBlocked("connect", f"{where}: cannot connect ({text or type(e).__name__})",
                              error=type(e).__name__, code=code)

    async def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            await asyncio.wait_for(smtp.quit(), timeout=5)
        except Exception:  # noqa: BLE001 - the server may be gone already; closing must not fail
            smtp.close()

    def abort(self) -> None:
        """Drop the connection at once, without QUIT."""
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()

    async def send(self, message: EmailMessage) -> SendResult:
        """Send one message; a disconnect reopens the session and resends (up to `attempts`)."""
        return await self._send(str(message.get("Message-ID", "")), recipients(message),
                                wire_bytes(message))

    async def send_raw(self, raw: bytes) -> SendResult:
        """send() for a stored message (the outbox's bytes): only its header is parsed, and the
        wire form is `raw` with CRLF line ends, which is what the SMTP policy would write (it
        differs from the default policy in the line end only). Parsing the whole message and
        writing it again cost more than the rest of a send. A message with Bcc goes the long
        way (the header must be dropped)."""
        head = _HEADERS_ONLY.parsebytes(raw, headersonly=True)
        if "Bcc" in head:
            return await self.send(email.message_from_bytes(raw, policy=email.policy.SMTP))
        return await self._send(str(head.get("Message-ID", "")), recipients(head),
                                _LINE_END.sub(b"\r\n", raw))

    async def _send(self, message_id: str, rcpts: list[str], raw: bytes) -> SendResult:
        s = self.settings
        if not rcpts:
            return SendResult(message_id, False, "NoRecipients", raw=raw, text="no recipient address",
                              permanent=True)
        last: BaseException | None = None
        for attempt in range(1, self.attempts + 1):
            if self._smtp is None:
                await self.open()
            try:
                refused, _reply = await self._smtp.sendmail(s.from_address, rcpts, raw)
                return SendResult(message_id, True, refused=tuple(refused), raw=raw)
            except aiosmtplib.SMTPRecipientsRefused as e:
                codes = [r.code for r in e.recipients]
                first = e.recipients[0] if e.recipients else None
                await self._reset()
                return SendResult(message_id, False, type(e).__name__, raw=raw,
                                  code=first.code if first else None,
                                  text=_one_line(first.message) if first else "recipients refused",
                                  permanent=bool(codes) and all(_permanent(c) for c in codes))
            except aiosmtplib.SMTPResponseException as e:
                await self._reset()
                return SendResult(message_id, False, type(e).__name__, raw=raw, code=e.code,
                                  text=_one_line(e.message), permanent=_permanent(e.code))
            except TimeoutError as e:
                self.abort()
                log.warning("smtp no answer within %g s sending %s", s.timeout_seconds, message_id)
                return SendResult(message_id, False, type(e).__name__, raw=raw,
                                  text=f"no answer within {s.timeout_seconds:g} s")
            except _RECONNECT as e:
                last = e
                log.warning("smtp %s sending %s (attempt %d/%d)", type(e).__name__, message_id,
                            attempt, self.attempts)
                self.abort()
                if attempt < self.attempts:
                    await asyncio.sleep(0.2 * attempt)
            except aiosmtplib.SMTPException as e:
                await self._reset()
                return SendResult(message_id, False, type(e).__name__, raw=raw, text=_one_line(e))
        return SendResult(message_id, False, type(last).__name__, raw=raw,
                          text=f"connection lost ({_one_line(last)})")

    async def _reset(self) -> None:
        """After a refused message, RSET so the next one starts a clean transaction."""
        smtp = self._smtp
        if smtp is not None and smtp.is_connected:
            try:
                await asyncio.wait_for(smtp.rset(), timeout=5)
            except Exception:  # noqa: BLE001 - the next message reconnects if this one broke
                self.abort()
        elif smtp is not None:
            self.abort()


async def send_messages_async(
    settings: SmtpSettings, messages: list[EmailMessage], *, attempts: int = ATTEMPTS
) -> list[SendResult]:
    """Send each message over one session; when sending cannot start (or restart), the
    messages not yet sent get a `blocked` result with the reason."""
    results: list[SendResult] = []
    session = Session(settings, attempts=attempts)
    try:
        for message in messages:
            results.append(await session.send(message))
    except SendingBlocked as blocked:
        log.warning("smtp sending blocked: %s", without_addresses(blocked.reason))
        for message in messages[len(results):]:
            results.append(SendResult(str(message.get("Message-ID", "")), False, blocked.error,
                                      raw=wire_bytes(message), code=blocked.code,
                                      text=blocked.reason, blocked=True))
    finally:
        await session.close()
    return results


def send_messages(settings: SmtpSettings, messages: list[EmailMessage], *, attempts: int = ATTEMPTS) -> list[SendResult]:
    """Blocking wrapper: one result per message, in order."""
    if not messages:
        return []
    return asyncio.run(send_messages_async(settings, messages, attempts=attempts))
