"""The labelled public examples: every field at least 97 % right, every automated mail caught.

Skipped when the shared folder is absent (MAILBOT_SHARED_DIR overrides its location).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MAILBOT_SHARED_DIR", ROOT.parent / "shared"))
EXAMPLES = SHARED / "examples"

pytestmark = pytest.mark.skipif(not (EXAMPLES / "labels.json").exists(),
                                reason="shared examples not present")


def _evaluate():
    spec = importlib.util.spec_from_file_location("parse_accuracy", ROOT / "bench" / "parse_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate(EXAMPLES)


@pytest.fixture(scope="module")
def result():
    return _evaluate()


@pytest.mark.parametrize("field", ["intent", "name", "seeker_number", "email", "phone",
                                   "requested", "choice", "attendant"])
def test_field_accuracy(result, field):
    misses = [m for m in result["misses"] if m[1] == field]
    assert result["accuracy"][field] >= 0.97, misses


def test_every_automated_mail_is_caught(result):
    caught, total = result["automated"]
    assert caught == total
