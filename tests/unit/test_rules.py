"""Rule files: the shipped ones load, YAML 1.2 keeps times as text, errors name file:line."""

from __future__ import annotations

import logging
import os
import re
import shutil
from datetime import time
from pathlib import Path

import pytest

from mailbot.rules import FILES, RulesError, RulesSource, check_rules, load_rules

SHIPPED = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(SHIPPED / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> int:
    """Replace one exact line fragment; return the (1-based) line it is on. Bumps the mtime."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    return line


def errors_of(directory: Path) -> list[str]:
    with pytest.raises(RulesError) as info:
        load_rules(directory)
    return info.value.errors


def test_shipped_rules_load_with_typed_values():
    rules = load_rules(SHIPPED)
    assert rules.office.name == "ハローワーク秋田"
    assert rules.office.reference_prefix == "AK"
    assert rules.office.phone_hours == "平日 8:30〜17:15"
    assert str(rules.calendar.timezone) == "Asia/Tokyo"
    assert rules.calendar.slot_minutes == 50
    assert rules.calendar.closing_time == time(17, 0)
    assert rules.calendar.counters[0].weekly[0][0] == time(9, 0)       # Monday 09:00
    assert rules.calendar.counters[0].weekly[5] == ()                  # Saturday: none
    assert rules.policy.windows["pm"] == (time(13, 0), time(17, 0))
    assert rules.policy.min_days_ahead >= 1
    assert set(rules.sessions.routes) == {c.id for c in rules.calendar.counters}
    assert re.fullmatch(r"[0-9a-f]{12}", rules.version)
    assert check_rules(SHIPPED) == []


def test_unquoted_1715_stays_a_time_and_no_stays_text(rules_dir: Path):
    edit(rules_dir / "policy.yaml", 'send_at: "10:00"', "send_at: 17:15")
    edit(rules_dir / "office.yaml", "phone_hours: 平日 8:30〜17:15", "phone_hours: no")
    rules = load_rules(rules_dir)
    assert rules.policy.reminder.send_at == time(17, 15)
    assert rules.office.phone_hours == "no"


def test_error_names_file_and_line(rules_dir: Path):
    line = edit(rules_dir / "calendar.yaml", "slot_minutes: 50", "slot_minutes: fifty")
    errors = errors_of(rules_dir)
    assert len(errors) == 1
    assert errors[0].startswith(f"{rules_dir / 'calendar.yaml'}:{line}: slot_minutes: ")


def test_all_errors_are_collected_across_files(rules_dir: Path):
    l1 = edit(rules_dir / "office.yaml", "address: online-soudan@akita-hw.example.jp", "address: nobody")
    l2 = edit(rules_dir / "policy.yaml", "review: none", "review: sometimes")
    l3 = edit(rules_dir / "policy.yaml", 'start: "13:00"', 'start: "25:00"')
    errors = errors_of(rules_dir)
    assert [e.split(": ")[0] for e in errors] == [
        f"{rules_dir / 'office.yaml'}:{l1}", f"{rules_dir / 'policy.yaml'}:{l2}",
        f"{rules_dir / 'policy.yaml'}:{l3}",
    ]
    assert "windows.pm.start" in errors[2]


def test_unknown_key_is_an_error_with_a_suggestion(rules_dir: Path):
    line = edit(rules_dir / "policy.yaml", "slots_per_offer: 3", "slot_per_offer: 3")
    errors = errors_of(rules_dir)
    unknown = [e for e in errors if "slot_per_offer" in e]
    assert unknown and unknown[0].startswith(f"{rules_dir / 'policy.yaml'}:{line}: slot_per_offer:")
    assert "slots_per_offer" in unknown[0]                  # the suggestion
    assert any("slots_per_offer: この項目がありません" in e for e in errors)


def test_yaml_syntax_error_and_missing_file_are_reported(rules_dir: Path):
    line = edit(rules_dir / "office.yaml", "reference_prefix: AK", "reference_prefix: [AK")
    (rules_dir / "sessions.yaml").unlink()
    errors = errors_of(rules_dir)
    assert any(e.startswith(f"{rules_dir / 'office.yaml'}:") and "YAML" in e for e in errors)
    assert any(e.startswith(f"{rules_dir / 'sessions.yaml'}:1:") for e in errors)
    assert line > 1


def test_duplicate_key_is_an_error(rules_dir: Path):
    edit(rules_dir / "policy.yaml", "search_days: 30", "search_days: 30\nsearch_days: 40")
    assert any("policy.yaml" in e for e in errors_of(rules_dir))


def test_slots_must_fit_the_day_and_not_overlap(rules_dir: Path):
    edit(rules_dir / "calendar.yaml",
         'mon: ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]',
         'mon: ["09:00", "09:30", "11:00", "13:00", "14:00", "15:00", "16:30"]')
    errors = errors_of(rules_dir)
    assert any("09:00" in e and "重なります" in e for e in errors)
    assert any("16:30" in e and "closing_time" in e for e in errors)


def test_times_must_be_in_order(rules_dir: Path):
    line = edit(rules_dir / "calendar.yaml",
                'tue: ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]',
                'tue: ["10:00", "09:00"]')
    errors = errors_of(rules_dir)
    assert errors == [f"{rules_dir / 'calendar.yaml'}:{line}: weekly.tue: 時刻は早い順に、重複なく書いてください"]


def test_quoted_phone_required_when_it_looks_like_a_number(rules_dir: Path):
    edit(rules_dir / "office.yaml", 'phone: "018-860-0000"', "phone: 0188600000")
    errors = errors_of(rules_dir)
    assert len(errors) == 1 and "phone" in errors[0] and '""' in errors[0]


def test_sessions_check_placeholders_and_counters(rules_dir: Path):
    edit(rules_dir / "sessions.yaml", "{reference}\"", "{ref}\"")
    errors = errors_of(rules_dir)
    assert len(errors) == 1 and "{ref}" in errors[0]


def test_sessions_rooms_must_cover_capacity_and_name_known_counters(rules_dir: Path):
    edit(rules_dir / "calendar.yaml", "    capacity: 1\n", "    capacity: 2\n")
    edit(rules_dir / "sessions.yaml", "counters: {}",
         'counters:\n  c1:\n    rooms: ["https://teleoffice.example.jp/akita/r1"]\n'
         '  c9:\n    url: "https://teleoffice.example.jp/{counter}"')
    errors = errors_of(rules_dir)
    assert any("counters.c1.rooms" in e for e in errors)
    assert any("counters.c9" in e and "calendar.yaml" in e for e in errors)


def test_open_date_may_not_also_be_closed(rules_dir: Path):
    edit(rules_dir / "calendar.yaml", "closed_dates: []",
         "closed_dates:\n  - date: 2027-01-16\n    note: 点検")
    edit(rules_dir / "calendar.yaml", "open_dates: []",
         'open_dates:\n  - date: 2027-01-16\n    note: 土曜相談\n    times: ["10:00"]\n    counters: [zz]')
    errors = errors_of(rules_dir)
    assert any("closed_dates にもあります" in e for e in errors)
    assert any("zz" in e for e in errors)


def test_version_changes_with_content(rules_dir: Path):
    before = load_rules(rules_dir).version
    edit(rules_dir / "policy.yaml", "search_days: 30", "search_days: 31")
    assert load_rules(rules_dir).version != before


def test_source_keeps_last_good_rules_after_a_bad_edit(rules_dir: Path, caplog):
    source = RulesSource(rules_dir)
    good = source.current()
    assert source.current() is good                             # unchanged files: no reload
    line = edit(rules_dir / "policy.yaml", "slots_per_offer: 3", "slots_per_offer: many")
    with caplog.at_level(logging.ERROR, logger="mailbot.rules"):
        assert source.current() is good
    assert f"policy.yaml:{line}: slots_per_offer" in caplog.text
    assert any("slots_per_offer" in e for e in source.errors)
    edit(rules_dir / "policy.yaml", "slots_per_offer: many", "slots_per_offer: 4")
    fixed = source.current()
    assert fixed.policy.slots_per_offer == 4 and fixed.version != good.version
    assert source.errors == []


def test_source_without_any_good_rules_raises(rules_dir: Path):
    edit(rules_dir / "calendar.yaml", "slot_minutes: 50", "slot_minutes: 0")
    source = RulesSource(rules_dir)
    with pytest.raises(RulesError):
        source.current()
    with pytest.raises(RulesError):
        source.current()                                        # still no good rules


# ---------------------------------------------------------------- site.yaml (the booking site)


def test_site_yaml_is_optional_and_the_shipped_one_loads(rules_dir: Path):
    assert load_rules(rules_dir).site.link_minutes == 60            # absent: defaults
    shutil.copy(SHIPPED / "site.yaml", rules_dir / "site.yaml")
    site = load_rules(rules_dir).site
    assert site.enabled and site.link_minutes == 60
    assert site.limits.per_client_per_hour == 30 and site.limits.per_email_per_day == 5


def test_site_yaml_errors_name_file_and_line(rules_dir: Path):
    shutil.copy(SHIPPED / "site.yaml", rules_dir / "site.yaml")
    line = edit(rules_dir / "site.yaml", "link_minutes: 60", "link_minutes: 0")
    bad = edit(rules_dir / "site.yaml", "per_email_per_day: 5", "per_email_per_dy: 5")
    errors = errors_of(rules_dir)
    assert f"{rules_dir / 'site.yaml'}:{line}: link_minutes: " in errors[0]
    assert any(f"site.yaml:{bad}: limits.per_email_per_dy: 知らない項目です" in e for e in errors)


def test_site_yaml_is_part_of_the_version_and_reloads(rules_dir: Path):
    shutil.copy(SHIPPED / "site.yaml", rules_dir / "site.yaml")
    source = RulesSource(rules_dir)
    before = source.current()
    edit(rules_dir / "site.yaml", "link_minutes: 60", "link_minutes: 30")
    after = source.current()
    assert after.site.link_minutes == 30 and after.version != before.version
