"""Per-field accuracy and precision of the parser against labelled directories (DIR/*.eml + DIR/labels.json).

Usage: python bench/parse_accuracy.py DIR [DIR…] [--summary]
Prints, per directory, accuracy per field, precision for name / choice / requested (of the
values the parser gave, how many were right), all fields right, automated recall, and every miss
(file, field, expected, got); --summary prints one line per directory instead.
Always exits 0: it is a measurement, not a test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailbot.understand import understand  # noqa: E402

FIELDS = ("intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant")
PRECISION = ("name", "choice", "requested")


def evaluate(directory: Path) -> dict:
    """{"n", "accuracy": {field: ratio}, "precision": {field: (right, given)}, "all_right",
    "automated": (caught, total), "misses": [...]}"""
    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    correct = dict.fromkeys(FIELDS, 0)
    given = {f: [0, 0] for f in PRECISION}
    misses: list[tuple[str, str, object, object]] = []
    auto_total = auto_caught = all_right = 0
    for fname in sorted(labels):
        expected = labels[fname]
        _, u = understand((directory / fname).read_bytes())
        got = u.to_json()
        ok = True
        for f in FIELDS:
            if got.get(f) == expected.get(f):
                correct[f] += 1
            else:
                ok = False
                misses.append((fname, f, expected.get(f), got.get(f)))
        for f in PRECISION:
            if got.get(f) not in (None, []):
                given[f][1] += 1
                given[f][0] += got.get(f) == expected.get(f)
        all_right += ok
        if expected.get("intent") == "automated":
            auto_total += 1
            auto_caught += got["intent"] == "automated"
    n = len(labels)
    return {"n": n, "accuracy": {f: correct[f] / n if n else 0.0 for f in FIELDS},
            "precision": {f: tuple(v) for f, v in given.items()}, "all_right": all_right,
            "automated": (auto_caught, auto_total), "misses": misses}


def _pct(a: int, b: int) -> str:
    return f"{a / b * 100:5.1f} %" if b else "   -  "


def main(argv: list[str]) -> int:
    summary = "--summary" in argv
    dirs = [Path(a) for a in argv if a != "--summary"]
    if not dirs:
        print("usage: parse_accuracy.py DIR [DIR…] [--summary]", file=sys.stderr)
        return 0
    for d in dirs:
        r = evaluate(d)
        if summary:
            acc = " ".join(f"{f[:6]} {v * 100:5.1f}" for f, v in r["accuracy"].items())
            print(f"{d.name:<10} n={r['n']:<4} all {_pct(r['all_right'], r['n'])}  {acc}  "
                  f"auto {r['automated'][0]}/{r['automated'][1]}")
            continue
        print(f"messages: {r['n']}  ({d})")
        print(f"  all fields right {_pct(r['all_right'], r['n'])}")
        for f, acc in r["accuracy"].items():
            prec = f"   precision {_pct(*r['precision'][f])} ({r['precision'][f][0]}/{r['precision'][f][1]})" \
                if f in PRECISION else ""
            print(f"  {f:<14} {acc * 100:6.1f} %{prec}")
        caught, total = r["automated"]
        print(f"  automated recall: {caught}/{total}")
        print(f"misses: {len(r['misses'])}")
        for fname, field, exp, got in r["misses"]:
            print(f"  {fname}  {field}: expected {json.dumps(exp, ensure_ascii=False)}  "
                  f"got {json.dumps(got, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
