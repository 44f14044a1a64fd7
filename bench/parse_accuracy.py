"""Per-field accuracy of the parser against a labelled directory (DIR/*.eml + DIR/labels.json).

Usage: python bench/parse_accuracy.py DIR
Prints accuracy per field, automated recall and every miss (file, field, expected, got).
Always exits 0: it is a measurement, not a test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailbot.understand import understand  # noqa: E402

FIELDS = ("intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant")


def evaluate(directory: Path) -> dict:
    """{"n", "accuracy": {field: ratio}, "automated": (caught, total), "misses": [...]}"""
    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    correct = dict.fromkeys(FIELDS, 0)
    misses: list[tuple[str, str, object, object]] = []
    auto_total = auto_caught = 0
    for fname in sorted(labels):
        expected = labels[fname]
        _, u = understand((directory / fname).read_bytes())
        got = u.to_json()
        for f in FIELDS:
            if got.get(f) == expected.get(f):
                correct[f] += 1
            else:
                misses.append((fname, f, expected.get(f), got.get(f)))
        if expected.get("intent") == "automated":
            auto_total += 1
            auto_caught += got["intent"] == "automated"
    n = len(labels)
    return {"n": n, "accuracy": {f: correct[f] / n if n else 0.0 for f in FIELDS},
            "automated": (auto_caught, auto_total), "misses": misses}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: parse_accuracy.py DIR", file=sys.stderr)
        return 0
    result = evaluate(Path(argv[0]))
    print(f"messages: {result['n']}")
    for f, acc in result["accuracy"].items():
        print(f"  {f:<14} {acc * 100:6.1f} %")
    caught, total = result["automated"]
    print(f"  automated recall: {caught}/{total}")
    print(f"misses: {len(result['misses'])}")
    for fname, field, exp, got in result["misses"]:
        print(f"  {fname}  {field}: expected {json.dumps(exp, ensure_ascii=False)}  "
              f"got {json.dumps(got, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
