"""Thin SMTP adapter over aiosmtplib: send a batch of messages, report each one's fate.

Why this shape (PITFALLS): a kept-open connection breaks once the server closes it, so every
batch opens a fresh one and retries a message after a disconnect; aiosmtplib's timeouts are per
step, so each message gets a hard `asyncio.wait_for` deadline; aiosmtplib upgrades to STARTTLS
on its own when offered, so the security mode is always passed explicitly.

The bytes sent are serialised here once (`wire_bytes`) and returned in the result, so the copy
the daemon appends to Sent is exactly what the recipient got.  Results never carry message text
or passwords, only the exception class name.
"""

from __future__ import annotations

import asyncio
import copy
import email.policy
import logging
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses

import aiosmtplib

from mailbot.config import SmtpSettings

log = logging.getLogger(__name__)

ATTEMPTS = 3
_RETRYABLE = (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPConnectError, asyncio.TimeoutError, OSError)


@dataclass(frozen=True)
class SendResult:
    """The fate of one message: ok, or the error class name (retry the message later)."""

    message_id: str
    ok: bool
    error: str | None = None
    refused: tuple[str, ...] = ()  # recipients the server refused while accepting others
    raw: bytes = field(default=b"", repr=False)  # exactly what was sent (for the Sent folder)


def recipients(message: EmailMessage) -> list[str]:
    """Envelope recipients: the addresses in To, Cc and Bcc (duplicates removed)."""
    fields = [v for name in ("To", "Cc", "Bcc") for v in message.get_all(name, [])]
    seen: dict[str, None] = {}
    for _name, addr in getaddresses([str(f) for f in fields]):
        if addr:
            seen.setdefault(addr, None)
    return list(seen)


def wire_bytes(message: EmailMessage) -> bytes:
    """The message as sent: CRLF line ends, Bcc removed."""
    if "Bcc" in message:
        message = copy.deepcopy(message)
        del message["Bcc"]
    return message.as_bytes(policy=email.policy.SMTP)


def _client(settings: SmtpSettings) -> aiosmtplib.SMTP:
    return aiosmtplib.SMTP(
        hostname=settings.host,
        port=settings.port,
        use_tls=settings.security == "ssl",
        start_tls=settings.security == "starttls",
        timeout=settings.timeout_seconds,
    )


async def _open(settings: SmtpSettings) -> aiosmtplib.SMTP:
    smtp = _client(settings)
    await asyncio.wait_for(smtp.connect(), timeout=settings.timeout_seconds * 2)
    if settings.username:
        try:
            await asyncio.wait_for(smtp.login(settings.username, settings.password), timeout=settings.timeout_seconds)
        except BaseException:
            await _close(smtp)
            raise
    return smtp


async def _close(smtp: aiosmtplib.SMTP | None) -> None:
    if smtp is None:
        return
    try:
        await asyncio.wait_for(smtp.quit(), timeout=5)
    except Exception:  # noqa: BLE001 - the server may be gone already; closing must not fail
        smtp.close()


async def send_messages_async(
    settings: SmtpSettings, messages: list[EmailMessage], *, attempts: int = ATTEMPTS
) -> list[SendResult]:
    """Send each message over one fresh connection (reopened after a disconnect)."""
    results: list[SendResult] = []
    smtp: aiosmtplib.SMTP | None = None
    deadline = settings.timeout_seconds * 4
    try:
        for message in messages:
            message_id = str(message.get("Message-ID", ""))
            raw = wire_bytes(message)
            rcpts = recipients(message)
            if not rcpts:
                results.append(SendResult(message_id, False, "NoRecipients", raw=raw))
                continue
            error: str | None = None
            for attempt in range(1, attempts + 1):
                try:
                    if smtp is None:
                        smtp = await _open(settings)
                    refused, _reply = await asyncio.wait_for(
                        smtp.sendmail(settings.from_address, rcpts, raw), timeout=deadline
                    )
                    results.append(SendResult(message_id, True, refused=tuple(refused), raw=raw))
                    error = None
                    break
                except _RETRYABLE as e:
                    error = type(e).__name__
                    log.warning("smtp %s sending %s (attempt %d/%d)", error, message_id, attempt, attempts)
                    await _close(smtp)
                    smtp = None
                    if attempt < attempts:
                        await asyncio.sleep(0.2 * attempt)
                except aiosmtplib.SMTPException as e:
                    error = type(e).__name__
                    log.warning("smtp %s sending %s (not retried)", error, message_id)
                    await _reset(smtp)
                    break
            if error is not None:
                results.append(SendResult(message_id, False, error, raw=raw))
    finally:
        await _close(smtp)
    return results


async def _reset(smtp: aiosmtplib.SMTP | None) -> None:
    """After a refused message, RSET so the next one starts a clean transaction."""
    if smtp is not None and smtp.is_connected:
        try:
            await asyncio.wait_for(smtp.rset(), timeout=5)
        except Exception:  # noqa: BLE001 - next message reconnects if this connection is broken
            smtp.close()


def send_messages(settings: SmtpSettings, messages: list[EmailMessage], *, attempts: int = ATTEMPTS) -> list[SendResult]:
    """Blocking wrapper for the daemon: one result per message, in order."""
    if not messages:
        return []
    return asyncio.run(send_messages_async(settings, messages, attempts=attempts))
