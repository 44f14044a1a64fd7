"""`mailbot parse` through click's CliRunner: JSON keys and order, stdin, bad input, exit 0."""

from __future__ import annotations

import json

from click.testing import CliRunner

from mailbot.parse_command import parse

KEYS = ["file", "intent", "name", "seeker_number", "email", "phone", "requested", "choice",
        "attendant", "warnings"]

MAIL = (
    "From: =?UTF-8?B?5bGx55SwIOiKseWtkA==?= <Hanako@Example.jp>\r\n"
    "To: online@office.example.jp\r\n"
    "Subject: =?UTF-8?B?5LqI57SE?=\r\n"
    "Date: Wed, 18 Nov 2026 10:00:00 +0900\r\n"
    "Message-ID: <m1@example.jp>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=UTF-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\n"
    "オンライン職業相談の予約をお願いします。\r\n"
    "氏名：山田 花子\r\n求職番号：05010-12345678\r\n"
    "希望日時：12月3日（木）14:00\r\n電話：090-1234-5678\r\n"
).encode("utf-8")


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_json_keys_order_and_values(tmp_path):
    a = tmp_path / "a.eml"
    a.write_bytes(MAIL)
    b = tmp_path / "b.eml"
    b.write_bytes(MAIL.replace("14:00".encode(), "午前中".encode()))
    result = CliRunner().invoke(parse, [str(b), str(a), "--json"])
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    assert [r["file"] for r in rows] == [str(b), str(a)]
    assert all(list(r)[:len(KEYS)] == KEYS for r in rows)
    row = rows[1]
    assert row["intent"] == "book"
    assert row["name"] == "山田 花子"
    assert row["seeker_number"] == "05010-12345678"
    assert row["email"] == "hanako@example.jp"
    assert row["phone"] == "090-1234-5678"
    assert row["requested"] == [{"date": "2026-12-03", "start": "14:00", "end": None}]
    assert rows[0]["requested"] == [{"date": "2026-12-03", "start": "09:00", "end": "12:00"}]


def test_stdin_dash():
    result = CliRunner().invoke(parse, ["-", "--json"], input=MAIL)
    assert result.exit_code == 0
    (row,) = _lines(result.output)
    assert row["file"] == "-" and row["intent"] == "book"


def test_undecodable_and_missing_input_still_yield_lines(tmp_path):
    junk = tmp_path / "junk.eml"
    junk.write_bytes(b"\x00\xff\xfe\x1b$B\x00garbage")
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    result = CliRunner().invoke(parse, [str(junk), str(empty), str(tmp_path / "missing.eml"), "--json"])
    assert result.exit_code == 0
    rows = _lines(result.output)
    assert len(rows) == 3
    for row in rows:
        assert row["intent"] == "other"
        assert row["warnings"]


def test_summary_without_json(tmp_path):
    a = tmp_path / "a.eml"
    a.write_bytes(MAIL)
    result = CliRunner().invoke(parse, [str(a)])
    assert result.exit_code == 0
    assert "山田 花子" in result.output and "2026-12-03" in result.output and "book" in result.output


# --- the real-world robustness corpus through the whole command (skipped when absent) ---------
import os  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from mailbot.understand import understand  # noqa: E402

_SHARED = Path(os.environ.get("MAILBOT_SHARED_DIR", Path(__file__).resolve().parents[2].parent / "shared"))
_CORPUS = _SHARED / "corpora" / "realworld"


def _corpus_files() -> list[Path]:
    return sorted(p for p in _CORPUS.rglob("*.eml") if p.is_file())


@pytest.mark.skipif(not _CORPUS.is_dir(), reason="real-world corpus not present")
def test_realworld_corpus_through_parse_json():
    files = _corpus_files()
    slow = []
    for p in files:
        start = time.perf_counter()
        understand(p.read_bytes())
        if time.perf_counter() - start > 1.0:
            slow.append(p.name)
    assert not slow
    result = CliRunner().invoke(parse, [str(p) for p in files] + ["--json"])
    assert result.exit_code == 0, result.output[-2000:]
    rows = _lines(result.output)
    assert [r["file"] for r in rows] == [str(p) for p in files]
