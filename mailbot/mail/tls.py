"""TLS for both mail adapters: one way to build the client context, one way to say why a
server's certificate was refused.

Why: offices often run their mail servers with a certificate from an internal CA. Setting
`SSL_CERT_FILE` would make Python trust ONLY that CA (and break every other TLS use), so the
`ca_file` setting is added to the system's CAs instead. Verification and host-name checks stay
on. When a certificate is refused, the libraries report a class name (aiosmtplib) or a long
OpenSSL string; staff need the reason and the setting that fixes it, in one line.
"""

from __future__ import annotations

import ssl
from pathlib import Path


class CertificateRefused(ConnectionError):
    """The server's TLS certificate was not trusted; the message says why and what to set."""


def client_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """A verifying client context: the system's CAs, plus `ca_file` when given."""
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    if ca_file is not None:
        context.load_verify_locations(cafile=str(ca_file))
    return context


def certificate_error(exc: BaseException | None) -> ssl.SSLCertVerificationError | None:
    """The certificate failure behind `exc` (libraries wrap it in their own errors), if any."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, ssl.SSLCertVerificationError):
            return exc
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None


def refusal(protocol: str, host: str, port: int, error: ssl.SSLCertVerificationError,
            ca_file: Path | None) -> CertificateRefused:
    """One line: which server, OpenSSL's reason, and the setting that fixes it."""
    reason = error.verify_message or error.reason or str(error)
    section = protocol.lower()
    if ca_file is None:
        hint = f"if the office uses its own CA, set [{section}] ca_file to its certificate"
    else:
        hint = f"[{section}] ca_file ({ca_file}) does not vouch for this server"
    if error.verify_code == 62 or "hostname" in reason.lower() or "ip address" in reason.lower():
        hint = f"[{section}] host must be a name the certificate is issued for"
    return CertificateRefused(f"{protocol} {host}:{port}: server certificate refused "
                              f"({reason}); {hint}")
