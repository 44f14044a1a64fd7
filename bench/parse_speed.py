"""Messages per second of the parser on one core (default: ../shared/examples).

Usage: python bench/parse_speed.py [DIR]
Parses every DIR/*.eml repeatedly for at least ~2 seconds and prints the best of 3 rounds
(mail-parser's envelope and the morphological analyser included; the dictionary is loaded in the
warm-up, as the daemon loads it once).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mailbot.understand import morph, understand  # noqa: E402


def measure(mails: list[bytes], min_seconds: float = 2.0) -> float:
    """Messages per second over repeated passes of at least `min_seconds`. The analyser's word
    cache is emptied before each pass, so every pass pays for the mail as if unseen."""
    count, start = 0, time.perf_counter()
    while True:
        morph.words.cache_clear()
        for raw in mails:
            understand(raw)
        count += len(mails)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return count / elapsed


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else ROOT.parent / "shared" / "examples"
    mails = [p.read_bytes() for p in sorted(directory.glob("*.eml"))]
    if not mails:
        print(f"no .eml files in {directory}")
        return 0
    for raw in mails:                      # warm up regex caches and imports
        understand(raw)
    rates = [measure(mails) for _ in range(3)]
    print(f"{len(mails)} messages from {directory}")
    print(f"messages/second (single process, best of 3): {max(rates):.0f}")
    print(f"  rounds: {', '.join(f'{r:.0f}' for r in rates)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
