"""Robustness over ~1450 real-world fixture mails from other mail libraries: nothing raises or
hangs, and the clearly automated categories (bounces, auto-replies) are recognised."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from mailbot.understand.automated import automated_reason
from mailbot.understand.mime import read_message
from mailbot.understand.quotes import split_reply
from tests.unit.test_mime import shared_dir

CORPUS = shared_dir() / "corpora" / "realworld"
# Minimum share recognised as automated, for categories that are machine mail by definition.
# (The corpus' "bounce" set also holds a few human mails and abuse complaints, hence not 100 %.)
REQUIRED_RATE = {"bounce": 0.95, "autoreply": 0.9}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="real-world corpus absent")


def _categories() -> dict[str, str]:
    path = CORPUS / "categories.tsv"
    if not path.exists():
        return {}
    pairs = (line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def test_every_message_parses_quickly_and_never_raises():
    files = sorted(CORPUS.rglob("*.eml"))
    assert files
    categories = _categories()
    total, caught = Counter(), Counter()
    slowest = (0.0, "")
    started = time.perf_counter()
    for path in files:
        raw = path.read_bytes()
        t0 = time.perf_counter()
        inbound = read_message(raw)
        reply = split_reply(inbound.text)
        reason = automated_reason(inbound, reply)
        elapsed = time.perf_counter() - t0
        assert elapsed < 1.0, f"{path.name} took {elapsed:.2f}s"   # hang guard, not a target
        slowest = max(slowest, (elapsed, path.name))
        assert not any(d.startswith("unreadable message") for d in inbound.defects), path
        assert isinstance(reply.fresh, str) and "\x1b" not in inbound.text + inbound.subject
        category = categories.get(str(path.relative_to(CORPUS)), "?")
        total[category] += 1
        caught[category] += reason is not None
    spent = time.perf_counter() - started
    print(f"\n{len(files)} messages in {spent:.2f}s ({len(files) / spent:.0f}/s), "
          f"slowest {slowest[1]} {slowest[0] * 1000:.0f} ms")
    for category in sorted(total):
        print(f"  {category:10} automated {caught[category]:4} / {total[category]}")
    for category, rate in REQUIRED_RATE.items():
        if total[category]:
            assert caught[category] / total[category] >= rate, category
