"""Name accuracy per morphological analyser: none (rules only), fugashi + unidic-lite, SudachiPy.

Usage: python bench/parse_names.py [DIR…]   (default: ../shared/examples and tests/data/holdout*)
Runs bench/parse_accuracy.py once per analyser (MAILBOT_MORPH), in its own process so each loads
only its own dictionary, and prints name accuracy and precision per set plus the process's peak
memory. An analyser that is not installed is reported as such.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json, resource, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from mailbot.understand import morph
if morph.backend() != "none" and not morph.available():
    print(json.dumps(None)); sys.exit()
sys.path.insert(0, {bench!r})
from parse_accuracy import evaluate
out = {{}}
for d in {dirs!r}:
    r = evaluate(Path(d))
    out[Path(d).name] = (r["accuracy"]["name"], r["precision"]["name"])
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def main(argv: list[str]) -> int:
    import json
    dirs = argv or [str(p) for p in [ROOT.parent / "shared" / "examples", *sorted((ROOT / "tests" / "data").glob("holdout*"))]
                    if (p / "labels.json").is_file()]
    for backend in ("none", "fugashi", "sudachi"):
        code = PROBE.format(root=str(ROOT), bench=str(ROOT / "bench"), dirs=dirs)
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env=dict(os.environ, MAILBOT_MORPH=backend))
        data = json.loads(res.stdout.strip().splitlines()[-1]) if res.stdout.strip() else None
        if data is None:
            print(f"{backend:<8} not installed" + (f" ({res.stderr.strip().splitlines()[-1]})" if res.stderr.strip() else ""))
            continue
        rss = data.pop("peak_rss_mb")
        figures = "  ".join(f"{k} {a * 100:.1f}% (p {p[0]}/{p[1]})" for k, (a, p) in data.items())
        print(f"{backend:<8} peak {rss:.0f} MB  {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
