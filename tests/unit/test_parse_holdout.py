"""The independent hold-out set (tests/data/holdout): does the parser generalise beyond the examples?

Why a loose floor: the hold-out set measures generalisation and is expected to show misses while
the parser improves; per-field accuracy is printed (`pytest -s`) and only a floor of 80 % is
enforced so CI is not blocked. Automated mail is different: answering an auto-reply or a bounce
(or ignoring a seeker) is never acceptable, so those assertions are strict.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "tests" / "data" / "holdout"
FIELDS = ("intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant")
FLOOR = 0.80


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict:
    res = _load("parse_accuracy", ROOT / "bench" / "parse_accuracy.py").evaluate(HOLDOUT)
    print(f"\nhold-out: {res['n']} messages")
    for f in FIELDS:
        print(f"  {f:<14} {res['accuracy'][f] * 100:6.1f} %")
    caught, total = res["automated"]
    print(f"  automated recall: {caught}/{total}")
    return res


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy_floor(result, field):
    misses = [m for m in result["misses"] if m[1] == field]
    assert result["accuracy"][field] >= FLOOR, misses


def test_every_automated_mail_is_caught(result):
    caught, total = result["automated"]
    missed = [m[0] for m in result["misses"] if m[1] == "intent" and m[2] == "automated"]
    assert caught == total, missed


def test_no_human_mail_is_taken_for_automated(result):
    wrong = [m[0] for m in result["misses"] if m[1] == "intent" and m[3] == "automated"]
    assert wrong == []


def test_set_regenerates_identically(tmp_path):
    """labels.json and the .eml files are the generator's output, never hand-edited."""
    _load("make_holdout", HOLDOUT / "make_holdout.py").main(tmp_path)
    generated = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in HOLDOUT.iterdir() if p.suffix in (".eml", ".json"))
    assert generated == committed
    for name in generated:
        assert (tmp_path / name).read_bytes() == (HOLDOUT / name).read_bytes(), name
    labels = json.loads((HOLDOUT / "labels.json").read_text(encoding="utf-8"))
    assert all(list(v) == list(FIELDS) for v in labels.values())
