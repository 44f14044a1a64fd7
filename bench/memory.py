"""Peak memory while clearing a backlog: N requests in a real Dovecot, `mailbot run --once` as
its own process, its peak RSS (getrusage of the child). Figures, not a test (target: <= 150 MB
at N = 10 000).

    PYTHONPATH=. .venv/bin/python bench/memory.py [N] [--quick]     (default 10 000; --quick: 2000)
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.backlog import OFFICE, filled  # noqa: E402
from tests.conftest import TERMS, write_bot_config  # noqa: E402


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()]
    n = sizes[0] if sizes else (2000 if "--quick" in sys.argv else 10_000)
    sb = filled(n)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            terms = tmp / "terms.txt"
            terms.write_text(TERMS, encoding="utf-8")
            config = write_bot_config(tmp / "mailbot.toml", sb, OFFICE, state=tmp / "state", terms=terms)
            env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mailbot.cli", "--config", str(config), "run", "--once",
                            "--now", "2026-12-01T09:00+09:00"], cwd=REPO, env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            took = time.perf_counter() - started
            idle = subprocess.run([sys.executable, "-c", "import mailbot.cli, mailbot.understand; "
                                   "from mailbot.understand import understand; understand(b'Subject: x\\r\\n\\r\\nx')"],
                                  cwd=REPO, env=env, check=True)
            del idle
    finally:
        sb.stop()
    # ru_maxrss of children: the largest child (the bot run, not the import-only one, for N > 0).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"memory clearing N={n}: peak RSS {peak:.0f} MB, {n / took:.1f} mails/s ({took:.1f} s)"
          "  (target <= 150 MB at N = 10 000)")


if __name__ == "__main__":
    main()
