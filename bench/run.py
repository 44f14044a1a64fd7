"""`make bench`: every benchmark in turn, printing figures (no pass/fail: targets are read)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MAILBOT_SHARED_DIR") or REPO.parent / "shared")


def main(argv: list[str]) -> None:
    """With --quick (`make bench QUICK=1`) the speed scripts run at small sizes (minutes, not
    half an hour); without it at the sizes of the issue's targets."""
    quick = ["--quick"] if "--quick" in argv else []
    labelled = [SHARED / "examples", *sorted((REPO / "tests" / "data").glob("holdout*"))]
    runs = [["parse_accuracy.py", str(d)] for d in labelled if (d / "labels.json").is_file()]
    runs += [["parse_names.py"], ["parse_speed.py"], ["store_speed.py", *quick], ["conversation_set.py"],
             ["smtp_stall.py"], ["site_speed.py"], ["backlog.py", *quick], ["latency.py", "20"],
             ["history.py", *quick], ["memory.py", *quick], ["timers.py", *quick]]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for script, *args in runs:
        print(f"== {script} {' '.join(args)}", flush=True)
        subprocess.run([sys.executable, str(REPO / "bench" / script), *args], env=env, check=False)


if __name__ == "__main__":
    main(sys.argv[1:])
