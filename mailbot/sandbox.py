"""Real mail servers on loopback, for the tests and for `make demo`.

Why: the bot must be proven against a real IMAP server and a real SMTP path, not mocks
(PITFALLS lists what mocks would hide).  `MailSandbox` starts

* Dovecot 2.3 (IMAP + LMTP) with its own config, run dir and maildir store in a fresh 0755
  temp folder (pytest's 0700 ``tmp_path`` is not enterable by Dovecot's processes), users in a
  passwd-file, plain-text login allowed (loopback only, ``ssl = no``);
* an aiosmtpd SMTP server in a thread that records every accepted message and delivers it into
  Dovecot over LMTP for recipients that are sandbox users (others are only recorded).

With ``tls=True`` the sandbox makes a CA and a server certificate for 127.0.0.1/localhost
(`mailbot.sandbox_tls`, openssl), Dovecot offers STARTTLS on ``imap_port`` and implicit TLS on
``imaps_port``, and SMTP offers STARTTLS on ``smtp_port`` and implicit TLS on ``smtps_port``.
Clients trust it through ``sb.ca_file``; plain-text login stays allowed for the tests' helpers.

Faults, to drive failures against the real server (per recipient, case-insensitive)::

    sb.smtp_faults["taro@example.jp"] = "550"    # 550 5.1.1 at RCPT TO (also "451": temporary)
    sb.smtp_faults["taro@example.jp"] = "554"    # accepted at RCPT, 554 5.6.0 after DATA
    sb.smtp_faults["taro@example.jp"] = "hang"   # never answers RCPT TO (until stop)
    sb.rcpt_attempts["taro@example.jp"]          # RCPT TO commands seen for that address
    port = sb.silent_smtp_port()                 # accepts connections, never says a word
    sb.make_unwritable(office, "Processed")      # Dovecot's mail processes cannot write there
    sb.accepted[0].helo                          # the EHLO/HELO name the client gave

Usage::

    with MailSandbox(users={"office@akita-hw.example.jp": "pw", "seeker@example.jp": "pw2"}) as sb:
        sb.host, sb.imap_port, sb.lmtp_port, sb.smtp_port   # "127.0.0.1" and free ports
        sb.deliver("office@akita-hw.example.jp", raw_bytes)  # LMTP-inject into the INBOX
        client = sb.imap("seeker@example.jp")                # logged-in IMAPClient; caller closes
        sb.accepted                                          # [Accepted(mail_from, rcpt_tos, raw, helo)]
        sb.add_user("new@example.jp", "pw3")
        sb.imap_settings("office@akita-hw.example.jp")       # config.ImapSettings for the adapter
        sb.smtp_settings("office@akita-hw.example.jp")       # config.SmtpSettings (no AUTH)
        sb.kick("office@akita-hw.example.jp")                # drop that user's IMAP connections
        MailSandbox(users, tls=True)                         # + sb.ca_file, sb.imaps_port, sb.smtps_port
        MailSandbox(users, tls=True, cert_hosts=("mail.elsewhere.example",))   # a name mismatch

SMTP AUTH (PLAIN/LOGIN, without TLS) is advertised and checked against the sandbox users, but
not required.  Dovecot's auth penalty still applies: after a failed IMAP login the next login
from 127.0.0.1 waits ~4 s, so put wrong-password tests on a sandbox of their own.

Requirements: the ``dovecot`` binary (Debian ``dovecot-imapd`` + ``dovecot-lmtpd``; ``make deps``
installs them).  Dovecot's mail processes refuse to run as root: as root the sandbox switches
them to the system user ``vmail`` (created with ``useradd`` when missing; ``make deps`` does that
too); as any other user, every Dovecot process simply runs as that user.

Stopping kills Dovecot's process group and removes the temp folder.  `stop()` is idempotent and
registered with `atexit`, so Ctrl-C in the demo cleans up; if the Python process is killed
outright, Dovecot gets SIGTERM from the kernel (parent-death signal; start the sandbox from the
main thread, as that signal follows the starting thread).
"""

from __future__ import annotations

import asyncio
import atexit
import ctypes
import grp
import os
import pwd
import secrets
import shutil
import signal
import smtplib
import socket
import subprocess
import tempfile
import ssl
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from imapclient import IMAPClient, SocketTimeout

from mailbot.config import ImapSettings, SmtpSettings

HOST = "127.0.0.1"
MAIL_USER = "vmail"
START_TIMEOUT_S = 10.0
START_ATTEMPTS = 3


class SandboxError(RuntimeError):
    """The sandbox could not start (missing Dovecot, not root, port never opened)."""


@dataclass(frozen=True)
class Accepted:
    """One message the sandbox SMTP server accepted."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    helo: str = ""  # the name the client gave in EHLO/HELO


def free_port() -> int:
    """A loopback port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def ensure_mail_user() -> pwd.struct_passwd:
    """Return the ``vmail`` system user (for a root-run sandbox), creating it when missing."""
    try:
        return pwd.getpwnam(MAIL_USER)
    except KeyError:
        pass
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", MAIL_USER],
        check=True,
        capture_output=True,
    )
    return pwd.getpwnam(MAIL_USER)


def _wait_for_greeting(port: int, greeting: bytes, proc: subprocess.Popen[bytes], deadline: float) -> None:
    """Poll until Dovecot greets on `port` (a bare connect could reach someone else's socket)."""
    while True:
        if proc.poll() is not None:
            raise SandboxError(f"dovecot exited with status {proc.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5) as conn:
                if conn.recv(64).startswith(greeting):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SandboxError(f"no Dovecot greeting on {HOST}:{port} after {START_TIMEOUT_S:.0f} s")
        time.sleep(0.02)


def _die_with_parent() -> None:
    """Child-side: ask Linux to SIGTERM Dovecot's master if our process dies (PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _stop_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL Dovecot's whole process group: instant (SIGTERM makes the master linger ~1 s)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


# Extra settings when the sandbox runs as an ordinary user: no user switching, no chroot.
_UNPRIVILEGED = """\
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""

def _unprivileged_conf(mail_user: pwd.struct_passwd) -> str:
    if os.geteuid() == 0:
        return ""
    return _UNPRIVILEGED.format(user=mail_user.pw_name, group=grp.getgrgid(mail_user.pw_gid).gr_name)


_DOVECOT_CONF = """\
# Generated by mailbot.sandbox: a throwaway Dovecot for tests and the demo.
instance_name = {instance}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap lmtp
listen = {host}
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:~/Maildir
mail_uid = {uid}
mail_gid = {gid}
first_valid_uid = {uid}
last_valid_uid = {uid}
first_valid_gid = {gid}
last_valid_gid = {gid}
mail_max_userip_connections = 200
# IDLE learns of new mail through inotify; where that is unavailable or exhausted (many test
# instances), Dovecot polls instead, by default every 30 s. Poll every second: prompt, and cheap.
mailbox_idle_check_interval = 1 secs
{unprivileged}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users
  default_fields = uid={uid} gid={gid} home={root}/mail/%d/%n
}}
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = {host}
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = {host}
    port = {imaps_port}
    ssl = yes
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = {host}
    port = {lmtp_port}
  }}
}}
"""


_SSL_ON = """\
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}"""


class MailSandbox:
    """Dovecot (IMAP + LMTP) and an LMTP-delivering SMTP server on free loopback ports."""

    def __init__(self, users: dict[str, str] | None = None, *, tls: bool = False,
                 cert_hosts: tuple[str, ...] = ("localhost", HOST)) -> None:
        self.host = HOST
        self.users: dict[str, str] = dict(users or {})
        self.accepted: list[Accepted] = []
        self.tls = tls
        self.cert_hosts = cert_hosts  # names the server certificate is issued for
        self.imap_port = self.lmtp_port = self.smtp_port = 0
        self.imaps_port = self.smtps_port = 0  # 0 unless tls
        self.ca_file: Path | None = None       # the CA that signed the servers' certificate
        self.smtp_faults: dict[str, str] = {}  # recipient -> "550" | "554" | "451" | "hang"
        self.rcpt_attempts: Counter[str] = Counter()
        self.root: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._controllers: list = []
        self._silent: list[socket.socket] = []
        self._lock = threading.Lock()

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> MailSandbox:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        dovecot = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)
        if dovecot is None:
            raise SandboxError("dovecot is not installed: run `make deps`")
        mail_user = ensure_mail_user() if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
        atexit.register(self.stop)
        try:
            for attempt in range(START_ATTEMPTS):
                try:
                    self._start_dovecot(dovecot, mail_user)
                    break
                except SandboxError:
                    # Most likely another process took a port between free_port() and bind.
                    if attempt == START_ATTEMPTS - 1:
                        raise
                    self.stop()
                    atexit.register(self.stop)
            self._start_smtp()
        except BaseException:
            self.stop()
            raise

    def _start_dovecot(self, dovecot: str, mail_user: pwd.struct_passwd) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="mailbot-sandbox-"))
        self.root.chmod(0o755)
        for sub in ("run", "state", "mail"):
            (self.root / sub).mkdir()
        if os.geteuid() == 0:
            os.chown(self.root / "mail", mail_user.pw_uid, mail_user.pw_gid)
        self._write_users()
        self.imap_port, self.lmtp_port = free_port(), free_port()
        ssl_conf = "ssl = no"
        if self.tls:
            self._make_certs()
            self.imaps_port = free_port()
            ssl_conf = _SSL_ON.format(cert=self.root / "tls" / "server.pem",
                                      key=self.root / "tls" / "server.key")
        conf = self.root / "dovecot.conf"
        conf.write_text(
            _DOVECOT_CONF.format(
                instance=f"mailbot-sandbox-{secrets.token_hex(4)}",
                root=self.root,
                host=HOST,
                uid=mail_user.pw_uid,
                gid=mail_user.pw_gid,
                imap_port=self.imap_port,
                imaps_port=self.imaps_port,
                lmtp_port=self.lmtp_port,
                ssl=ssl_conf,
                unprivileged=_unprivileged_conf(mail_user),
            )
        )
        with open(self.root / "dovecot.stderr", "wb") as stderr:
            self._proc = subprocess.Popen(
                [dovecot, "-F", "-c", str(conf)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            _wait_for_greeting(self.imap_port, b"* OK", self._proc, deadline)
            _wait_for_greeting(self.lmtp_port, b"220", self._proc, deadline)
        except SandboxError as e:
            raise SandboxError(f"{e}\n{self.log_tail()}") from None

    def _make_certs(self) -> None:
        from mailbot.sandbox_tls import make_ca, make_server_cert

        assert self.root is not None
        folder = self.root / "tls"
        ca = make_ca(folder)
        make_server_cert(ca, folder, hosts=self.cert_hosts)
        self.ca_file = ca.cert

    def server_tls_context(self) -> ssl.SSLContext:
        """The servers' side of TLS (certificate signed by ``ca_file``)."""
        assert self.root is not None and self.tls
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.root / "tls" / "server.pem", self.root / "tls" / "server.key")
        return context

    def _start_smtp(self) -> None:
        from aiosmtpd.controller import Controller  # test extra; imported only when used

        handler = _SandboxHandler(self)
        common = dict(hostname=HOST, authenticator=self._authenticate, auth_require_tls=False,
                      enable_SMTPUTF8=True)
        self.smtp_port = free_port()
        starttls = dict(tls_context=self.server_tls_context(), require_starttls=False) if self.tls else {}
        self._controllers.append(Controller(handler, port=self.smtp_port, **common, **starttls))
        self._controllers[-1].start()
        if self.tls:
            self.smtps_port = free_port()
            self._controllers.append(Controller(handler, port=self.smtps_port,
                                                ssl_context=self.server_tls_context(), **common))
            self._controllers[-1].start()

    def silent_smtp_port(self) -> int:
        """A port that accepts connections (the kernel completes the handshake) and never
        answers: a hung server. Closed by stop()."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((HOST, 0))
        sock.listen(16)
        self._silent.append(sock)
        return sock.getsockname()[1]

    def stop(self) -> None:
        """Kill Dovecot's process group, stop SMTP, remove the temp folder. Safe to call twice."""
        with self._lock:
            controllers, self._controllers = self._controllers, []
            silent, self._silent = self._silent, []
            proc, self._proc = self._proc, None
            root, self.root = self.root, None
        for controller in controllers:
            try:
                controller.stop()
            except Exception:  # noqa: BLE001 - best effort during teardown
                pass
        for sock in silent:
            sock.close()
        if proc is not None:
            _stop_group(proc)
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)
        atexit.unregister(self.stop)

    # -- users ---------------------------------------------------------------------------------

    def _write_users(self) -> None:
        assert self.root is not None
        lines = "".join(f"{user}:{password}::::::\n" for user, password in self.users.items())
        tmp = self.root / "users.tmp"
        tmp.write_text(lines)
        tmp.chmod(0o644)
        os.replace(tmp, self.root / "users")

    def add_user(self, address: str, password: str) -> None:
        """Add (or re-password) a user; Dovecot re-reads the passwd-file on its next lookup."""
        if ":" in address or ":" in password or "\n" in address + password:
            raise ValueError("sandbox user names and passwords must not contain ':' or newlines")
        self.users[address] = password
        if self.root is not None:
            self._write_users()

    def _authenticate(self, server, session, envelope, mechanism, auth_data):  # noqa: ANN001
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = isinstance(auth_data, LoginPassword) and self.users.get(auth_data.login.decode()) == auth_data.password.decode()
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

    # -- using it ------------------------------------------------------------------------------

    def deliver(self, rcpt: str, raw: bytes, mail_from: str = "sandbox@localhost") -> None:
        """Deliver `raw` into `rcpt`'s INBOX over LMTP (raises smtplib errors on refusal)."""
        with smtplib.LMTP(self.host, self.lmtp_port, timeout=10) as lmtp:
            lmtp.sendmail(mail_from, [rcpt], raw)

    def imap(self, user: str) -> IMAPClient:
        """A logged-in IMAP client for a sandbox user; the caller logs out."""
        client = IMAPClient(self.host, port=self.imap_port, ssl=False, timeout=SocketTimeout(5, 30))
        client.login(user, self.users[user])
        return client

    def imap_settings(self, user: str, **overrides: object) -> ImapSettings:
        """Adapter settings for logging in as `user` (overrides: any ImapSettings field)."""
        fields: dict[str, object] = dict(
            host=self.host, port=self.imap_port, security="none", username=user, password=self.users[user]
        )
        fields.update(overrides)
        return ImapSettings(**fields)  # type: ignore[arg-type]

    def smtp_settings(self, from_address: str, **overrides: object) -> SmtpSettings:
        """Adapter settings for sending as `from_address` without AUTH (overrides: any field)."""
        fields: dict[str, object] = dict(
            host=self.host, port=self.smtp_port, security="none", username="", password="",
            from_address=from_address,
        )
        fields.update(overrides)
        return SmtpSettings(**fields)  # type: ignore[arg-type]

    def kick(self, user: str) -> None:
        """Drop every IMAP connection of `user` (simulates a server-side disconnect)."""
        assert self.root is not None
        subprocess.run(
            ["doveadm", "-c", str(self.root / "dovecot.conf"), "kick", user],
            check=True,
            capture_output=True,
            timeout=10,
        )

    def maildir(self, user: str, folder: str = "INBOX") -> Path:
        """Where Dovecot keeps `folder` of `user` (Maildir++: subfolders are ".Name")."""
        assert self.root is not None
        name, _, domain = user.partition("@")
        base = self.root / "mail" / domain / name / "Maildir"
        return base if folder.upper() == "INBOX" else base / f".{folder}"

    def make_unwritable(self, user: str, folder: str, writable: bool = False) -> None:
        """Take away (or with `writable`, give back) write permission on a folder's maildir, as
        a wrong chown or a read-only mount does to a real server. Dovecot's mail processes run
        as `vmail` (or as the test's own user), so the mode bits bind them even when the tests
        run as root."""
        path = self.maildir(user, folder)
        mode = 0o700 if writable else 0o500
        for sub in (path, path / "cur", path / "new", path / "tmp"):
            if sub.exists():
                sub.chmod(mode)

    def log_tail(self, lines: int = 20) -> str:
        """The end of Dovecot's logs, for error messages."""
        if self.root is None:
            return ""
        text = ""
        for name in ("dovecot.stderr", "dovecot.log"):
            path = self.root / name
            if path.exists():
                text += path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


_FAULT_REPLIES = {
    "550": "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table",
    "451": "451 4.3.0 <{rcpt}>: Temporary lookup failure, try again later",
    "554": "554 5.6.0 Message rejected: content not accepted",
}


class _SandboxHandler:
    """aiosmtpd handler: answer faults set for a recipient, else record the message and LMTP it
    to the recipients that live here."""

    def __init__(self, sandbox: MailSandbox) -> None:
        self._sb = sandbox

    def _fault(self, rcpt: str) -> str | None:
        faults = {k.lower(): v for k, v in self._sb.smtp_faults.items()}
        return faults.get(rcpt.lower())

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:  # noqa: ANN001
        self._sb.rcpt_attempts[address.lower()] += 1
        fault = self._fault(address)
        if fault == "hang":
            await asyncio.sleep(3600)  # cancelled when the sandbox stops
        if fault in ("550", "451"):
            return _FAULT_REPLIES[fault].format(rcpt=address)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001
        raw = envelope.original_content or envelope.content
        rcpts = tuple(envelope.rcpt_tos)
        if any(self._fault(r) == "554" for r in rcpts):
            return _FAULT_REPLIES["554"]
        self._sb.accepted.append(Accepted(envelope.mail_from, rcpts, raw, session.host_name or ""))
        local = [r for r in rcpts if r in self._sb.users]
        loop = asyncio.get_running_loop()
        try:
            for rcpt in local:
                await loop.run_in_executor(None, self._sb.deliver, rcpt, raw, envelope.mail_from)
        except (smtplib.SMTPException, OSError) as e:
            return f"451 4.3.0 LMTP delivery failed: {type(e).__name__}"
        return "250 OK"
