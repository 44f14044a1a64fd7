"""The size cap: policy.max_message_bytes, the pure check and the polite answer (too_large.j2)."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailbot.compose import Composer
from mailbot.rules import FILES, RulesError, load_rules
from mailbot.size_cap import oversized, size_text

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules(REPO / "rules")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def with_cap(limit: int):
    return dataclasses.replace(RULES, policy=dataclasses.replace(RULES.policy, max_message_bytes=limit))


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(REPO / "rules" / name, tmp_path / name)
    return tmp_path


def test_the_shipped_cap_is_10_mb():
    assert RULES.policy.max_message_bytes == 10_000_000
    assert size_text(RULES) == "10MB"


def test_rule_folders_written_before_the_key_still_load(rules_dir):
    policy = rules_dir / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text[: text.index("\n# 受け付けるメールの大きさ")] + "\n", encoding="utf-8")
    assert load_rules(rules_dir).policy.max_message_bytes == 10_000_000


@pytest.mark.parametrize("value", ["10MB", "0", "99999", "2000000000", "true", "-1"])
def test_a_bad_cap_is_a_file_line_error(rules_dir, value):
    policy = rules_dir / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("max_message_bytes: 10000000", f"max_message_bytes: {value}"),
                      encoding="utf-8")
    line = text[: text.index("max_message_bytes: 10000000")].count("\n") + 1
    with pytest.raises(RulesError) as info:
        load_rules(rules_dir)
    assert any(e.startswith(f"{policy}:{line}: max_message_bytes:") for e in info.value.errors), \
        info.value.errors


def test_oversized_is_strictly_over_the_cap():
    rules = with_cap(1_000_000)
    assert not oversized(1_000_000, rules) and oversized(1_000_001, rules)
    assert not oversized(0, rules) and not oversized(None, rules)


@pytest.mark.parametrize("limit, text", [(10_000_000, "10MB"), (2_500_000, "2.5MB"),
                                         (500_000, "500KB"), (1_000_000_000, "1000MB")])
def test_size_text(limit, text):
    assert size_text(with_cap(limit)) == text


def test_the_polite_answer_renders_and_names_the_cap(tmp_path):
    composer = Composer(REPO / "templates", None, "online-soudan@akita-hw.example.jp")
    assert composer.check(RULES, ("too_large",)) == []
    thread = {"ref": None, "contact": {"name": None, "email": None, "phone": None,
                                       "seeker_number": None, "attendant": None},
              "message_ids": ["<big@example.jp>"], "last_in_message_id": "<big@example.jp>"}
    out = composer.compose("too_large", "taro@example.jp", thread, RULES, NOW,
                           {"max_size": size_text(RULES)})
    msg = email.message_from_bytes(out.message.as_bytes(), policy=email.policy.default)
    body = msg.get_body(("plain",)).get_content()
    assert str(msg["Subject"]) == "【ハローワーク秋田】お送りいただいたメールについて"
    assert msg["In-Reply-To"] == "<big@example.jp>" and msg["X-Mailbot-Kind"] == "too_large"
    assert body.startswith("ご連絡者 様\n")            # the writer is not known yet: no name
    assert "約10MBまで" in body and "担当者が確認のうえ" in body and RULES.office.phone in body
    # Without the size the answer still renders, just shorter; it never names a booking.
    thread["ref"] = "AK-2612-0001"
    plain = composer.compose("too_large", "taro@example.jp", thread, RULES, NOW)
    msg = email.message_from_bytes(plain.message.as_bytes(), policy=email.policy.default)
    assert "AK-2612-0001" not in str(msg["Subject"])
    assert "受け付けられる大きさ" not in msg.get_body(("plain",)).get_content()
