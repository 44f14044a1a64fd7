"""Hypothesis settings for the property tests: deterministic in CI, bounded in time.

`derandomize=True` makes every run try the same examples (a CI failure reproduces locally),
and no example database is written. Set MAILBOT_HYPOTHESIS=thorough for a long random search
(failures it finds belong in the tests as @example cases).

The deadline is a hang detector, not a performance target (those are benchmarks under bench/):
each example takes milliseconds, the deadline allows seconds.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

settings.register_profile(
    "mailbot", derandomize=True, database=None, max_examples=150,
    deadline=timedelta(seconds=5), print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "thorough", parent=settings.get_profile("mailbot"), derandomize=False, max_examples=5000)
settings.load_profile(os.environ.get("MAILBOT_HYPOTHESIS", "mailbot"))
