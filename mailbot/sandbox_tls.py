"""Throwaway certificates for the sandbox's TLS servers: a CA and a server certificate it signs.

Why the `openssl` command rather than the `cryptography` package: Debian's dovecot-core depends
on openssl, so wherever the sandbox can run Dovecot the command is there, and the project needs
no extra (compiled) Python package just for tests. It is also the tool an office's admin would
use to make an internal CA, so the tests trust certificates made the way offices make them.
EC P-256 keys keep each call to a few milliseconds.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

DAYS = "2"


class CertError(RuntimeError):
    """openssl is missing or refused to make a certificate."""


@dataclass(frozen=True)
class Authority:
    """A CA: `cert` is what a client puts in `ca_file`."""

    cert: Path
    key: Path


@dataclass(frozen=True)
class ServerCert:
    cert: Path
    key: Path


def _openssl(*args: str) -> None:
    exe = shutil.which("openssl")
    if exe is None:
        raise CertError("openssl is not installed (Debian package openssl; dovecot-core needs it)")
    done = subprocess.run([exe, *args], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise CertError(f"openssl {args[0]} failed: {done.stderr.strip()}")


_EC = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")


def make_ca(folder: Path, name: str = "mailbot sandbox CA") -> Authority:
    """A new self-signed CA in `folder` (<name>.pem, <name>.key with spaces as dashes)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = name.replace(" ", "-")
    cert, key = folder / f"{stem}.pem", folder / f"{stem}.key"
    _openssl("req", "-x509", *_EC, "-keyout", str(key), "-out", str(cert), "-days", DAYS,
             "-subj", f"/O=mailbot tests/CN={name}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             "-addext", "subjectKeyIdentifier=hash")
    return Authority(cert, key)


def make_server_cert(ca: Authority, folder: Path, hosts: tuple[str, ...] = ("localhost", "127.0.0.1"),
                     name: str = "server") -> ServerCert:
    """A server certificate for `hosts` (names and IP addresses) signed by `ca`."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key, csr = folder / f"{name}.pem", folder / f"{name}.key", folder / f"{name}.csr"
    ext = folder / f"{name}.ext"
    alt = ",".join(f"IP:{h}" if h.replace(".", "").isdigit() or ":" in h else f"DNS:{h}" for h in hosts)
    ext.write_text(f"subjectAltName={alt}\nbasicConstraints=critical,CA:FALSE\n"
                   "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
                   "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n", encoding="ascii")
    _openssl("req", *_EC, "-keyout", str(key), "-out", str(csr), "-subj", f"/O=mailbot tests/CN={hosts[0]}")
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca.cert), "-CAkey", str(ca.key),
             "-CAcreateserial", "-out", str(cert), "-days", DAYS, "-extfile", str(ext))
    csr.unlink()
    return ServerCert(cert, key)
