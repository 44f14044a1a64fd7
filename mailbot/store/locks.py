"""One daemon per ``state/``: ``state/daemon.lock`` is held for the daemon's whole life.

Staff commands and the web process only take the transaction lock, so they keep working.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from mailbot.store.files import AlreadyRunning, private_dir

DAEMON_LOCK_FILE = "daemon.lock"


class DaemonLock:
    """Held for the daemon's whole life so a second daemon on the same ``state/`` refuses to
    start. ``fcntl.flock`` is released by the kernel when the process dies, so a crash never
    leaves a stale lock; the pid inside is only for the message."""

    def __init__(self, state_dir: str | os.PathLike[str]) -> None:
        self.path = Path(state_dir).resolve() / DAEMON_LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise AlreadyRunning(
                f"another mailbot daemon (pid {holder}) is using {self.path.parent}; "
                "stop it first, or give this one a different state folder"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DaemonLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
