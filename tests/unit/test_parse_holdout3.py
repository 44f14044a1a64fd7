"""holdout3: a third blind labelled set (tests/data/holdout3), weighted toward the conversation.

Why: the parser must generalise to a hidden evaluation set; this set was written without looking
at the parser or the other holdouts.  Per-field accuracy is printed (run with -s) and held to a
loose floor; automated mail must be caught and nothing else flagged as automated.  Each
(mail, field) pair is its own test so a regression shows exactly where; the misses known at the
time of writing are xfailed with the linguistic pattern that causes them (non-strict, so a parser
fix shows up as XPASS instead of breaking the run).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from mailbot.understand import understand

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "holdout3"
FIELDS = ("intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant")

LABELS: dict[str, dict] = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
META: dict[str, dict] = json.loads((DATA / "meta.json").read_text(encoding="utf-8"))
BY_ID = {m["id"]: fname for fname, m in META.items()}

# (generator id, field) -> why the parser misses it.  Ids are stable across regeneration.
KNOWN_MISSES: dict[tuple[str, str], str] = {
}


def _understood() -> dict[str, dict]:
    return {fname: understand((DATA / fname).read_bytes())[1].to_json() for fname in LABELS}


@pytest.fixture(scope="module")
def got() -> dict[str, dict]:
    return _understood()


def test_known_miss_ids_exist():
    assert all(i in BY_ID for i, _ in KNOWN_MISSES), set(i for i, _ in KNOWN_MISSES) - set(BY_ID)


def test_files_match_the_generator(tmp_path):
    spec = importlib.util.spec_from_file_location("make_holdout3", DATA / "make_holdout3.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve string annotations through sys.modules
    try:
        spec.loader.exec_module(module)
        module.main(tmp_path)
    finally:
        del sys.modules[spec.name]
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in DATA.iterdir() if p.is_file() and p.suffix != ".py")
    for name in made:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_messages_use_crlf():
    for fname in LABELS:
        raw = (DATA / fname).read_bytes()
        assert b"\n" not in raw.replace(b"\r\n", b""), fname


def test_field_accuracy_floor(got):
    n = len(LABELS)
    print(f"\nholdout3: {n} messages")
    low = {}
    for f in FIELDS:
        acc = sum(got[fn][f] == lab[f] for fn, lab in LABELS.items()) / n
        print(f"  {f:<14} {acc * 100:6.1f} %")
        if acc < 0.75:
            low[f] = acc
    assert not low, low


def test_every_automated_mail_is_caught(got):
    missed = [fn for fn, lab in LABELS.items() if lab["intent"] == "automated" and got[fn]["intent"] != "automated"]
    assert not missed


def test_no_human_mail_is_flagged_automated(got):
    flagged = [fn for fn, lab in LABELS.items() if lab["intent"] != "automated" and got[fn]["intent"] == "automated"]
    assert not flagged


def _cases():
    for fname in sorted(LABELS):
        mid = META[fname]["id"]
        for f in FIELDS:
            marks = ()
            if (mid, f) in KNOWN_MISSES:
                marks = (pytest.mark.xfail(reason=KNOWN_MISSES[(mid, f)], strict=False),)
            yield pytest.param(fname, f, id=f"{fname}-{mid}-{f}", marks=marks)


@pytest.mark.parametrize("fname, field", list(_cases()))
def test_field(got, fname, field):
    assert got[fname][field] == LABELS[fname][field], (META[fname]["note"], got[fname].get("warnings"))
