"""The blind conversation set (tests/data/conversations/) as a figure: how many conversations
pass, per behaviour key, and where each failing one first goes wrong.

Why a figure as well as the test: the test stays green through known_failures.txt, but the
rewrite of the conversation logic is judged by how many pass. Plays every file with
MAILBOT_CONVSET_ALL=1 (no expected-failure marks); takes about a minute.

    .venv/bin/python bench/conversation_set.py [-k EXPR]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.integration.test_conversations import conversation_files, load_yaml  # noqa: E402


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        env = dict(os.environ, MAILBOT_CONVSET_ALL="1", PYTHONPATH=str(REPO))
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        f"--junitxml={report}", "tests/integration/test_conversations.py", *argv],
                       cwd=REPO, env=env, stdout=subprocess.DEVNULL, check=False)
        cases = ET.parse(report).getroot().iter("testcase")
        results = {}
        for case in cases:
            stem = case.get("name", "").partition("[")[2].rstrip("]")
            failure = case.find("failure")
            if failure is None:
                failure = case.find("error")
            first = ""
            if failure is not None:
                lines = (failure.get("message") or failure.text or "").splitlines()
                first = next((x for x in lines if x.startswith(("step ", "staff step"))), lines[0] if lines else "")
            results[stem] = first
    total, passed = Counter(), Counter()
    for path in conversation_files():
        if path.stem not in results:
            continue
        ok = results[path.stem] == ""
        for key in load_yaml(path)["covers"]:
            total[key] += 1
            passed[key] += ok
    n_ok = sum(1 for v in results.values() if v == "")
    print(f"conversations passing: {n_ok}/{len(results)}")
    print("per behaviour key (conversations covering it that pass):")
    for key in sorted(total):
        print(f"  {key:27s} {passed[key]:3d}/{total[key]:<3d}")
    failing = {k: v for k, v in results.items() if v}
    if failing:
        print("first miss of each failing conversation:")
        for stem, first in sorted(failing.items()):
            print(f"  {stem}: {first[:160]}")


if __name__ == "__main__":
    main(sys.argv[1:])
