"""Rule files: the shipped ones load, YAML 1.2 keeps times as text, errors name file:line."""

from __future__ import annotations

import logging
import os
import re
import shutil
from time import time_ns
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
    # Saved a while ago and still since (a running source reads a change once the files are
    # still for a second); each edit gets its own mtime.
    _saves.append(time_ns() - 60_000_000_000 + len(_saves) * 1_000_000)
    os.utime(path, ns=(_saves[-1], _saves[-1]))
    return line


_saves: list[int] = []


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


# -- impossible values, slot lines, anything an admin can type -----------------------------------


def test_impossible_date_is_reported_at_its_line(rules_dir: Path):
    # ruamel builds date(2027, 2, 30) while loading and raises a bare ValueError (PITFALLS).
    line = edit(rules_dir / "calendar.yaml", "closed_dates: []",
                "closed_dates:\n  - note: 点検\n    date: 2027-02-30") + 2
    assert errors_of(rules_dir) == [
        f"{rules_dir / 'calendar.yaml'}:{line}: closed_dates[0].date: 2027-02-30 という日付はありません"
        "（月と日を確かめてください）"]


def test_single_digit_dates_still_read(rules_dir: Path):
    edit(rules_dir / "calendar.yaml", "closed_dates: []", "closed_dates:\n  - date: 2027-2-5\n    note: 点検")
    assert load_rules(rules_dir).calendar.closed_dates[0].date.isoformat() == "2027-02-05"


@pytest.mark.parametrize("value, problem", [
    ("!!int zz", "invalid literal"),          # a value ruamel cannot build: a bare ValueError
    ("!!bool maybe", "maybe"),                # ... a bare KeyError
    ("\x07", "#x0007"),                       # a control character: an unmarked ReaderError
])
def test_values_ruamel_cannot_build_are_reported_at_their_line(rules_dir: Path, value, problem):
    line = edit(rules_dir / "policy.yaml", "search_days: 30", f"search_days: {value}")
    (error,) = errors_of(rules_dir)
    assert error.startswith(f"{rules_dir / 'policy.yaml'}:{line}: ") and problem in error


def test_overlapping_slot_points_at_the_line_that_holds_it(rules_dir: Path):
    text = (rules_dir / "calendar.yaml").read_text(encoding="utf-8")
    text = text.replace('  mon: ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]',
                        '  mon:\n    - "09:00"\n    - "09:30"\n    - "11:00"')
    text = text.replace("    capacity: 1\n", "    capacity: 1\n  - id: c2\n    name: 午後\n    capacity: 1\n"
                        '    weekly:\n      tue:\n        - "13:00"\n        - "13:20"\n')
    text = text.replace("open_dates: []", 'open_dates:\n  - date: 2027-01-16\n    note: 土曜\n'
                        '    times:\n      - "10:00"\n      - "10:45"\n')
    (rules_dir / "calendar.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    at = {t: lines.index(f'{indent}- "{t}"') + 1
          for indent, t in (("    ", "09:30"), ("        ", "13:20"), ("      ", "10:45"))}
    path = rules_dir / "calendar.yaml"
    # The shared weekly is checked once at its own line, not again for each counter using it.
    assert errors_of(rules_dir) == [
        f"{path}:{at['09:30']}: weekly.mon: 09:30 の枠が 09:00 からの枠（50 分）と重なります",
        f"{path}:{at['13:20']}: counters[1].weekly.tue: 13:20 の枠が 13:00 からの枠（50 分）と重なります",
        f"{path}:{at['10:45']}: open_dates[0].times: 10:45 の枠が 10:00 からの枠（50 分）と重なります",
    ]


def test_slot_past_closing_time_points_at_its_line(rules_dir: Path):
    line = edit(rules_dir / "calendar.yaml",
                'fri: ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]',
                'fri:\n    - "09:00"\n    - "16:30"') + 2
    assert errors_of(rules_dir) == [
        f"{rules_dir / 'calendar.yaml'}:{line}: weekly.fri: 16:30 からの 50 分が closing_time 17:00 を過ぎます"]


NASTY = ["[", "]", "{}", "[]", "-1", "2027-02-30", "2027-13-01", "!!int x", "!!bool maybe", "~",
         '"\x07"', "[1, [2]]", "{a: b}", "12:30", "no", "1e999", "?", "&a [*a]", "'", "|", "- x",
         "!!timestamp 2027-02-30", "!!binary zz", "!!set {a}", "a: b: c", "!foo bar", ".nan",
         "Asia/Nowhere", '"' + "a" * 300 + '"', "999999999999999999999"]


@pytest.mark.parametrize("seed", range(4))
def test_no_edit_gives_anything_but_file_line_problems(tmp_path: Path, seed: int):
    """Random damage to the shipped files: every outcome is rules or `file:line: problem` lines."""
    import random

    rng = random.Random(seed)
    for attempt in range(40):
        directory = tmp_path / f"{seed}-{attempt}"
        directory.mkdir()
        for name in FILES:
            shutil.copy(SHIPPED / name, directory / name)
        for _ in range(rng.randint(1, 3)):
            path = directory / rng.choice(FILES)
            lines = path.read_text(encoding="utf-8").split("\n")
            i = rng.randrange(len(lines))
            roll = rng.random()
            if roll < 0.6 and ":" in lines[i]:
                lines[i] = lines[i].partition(":")[0] + ": " + rng.choice(NASTY)
            elif roll < 0.75:
                del lines[i]
            elif roll < 0.9:
                lines.insert(i, lines[i])
            else:
                lines[i] = rng.choice(NASTY)
            path.write_text("\n".join(lines), encoding="utf-8")
        try:
            load_rules(directory)
        except RulesError as e:
            for error in e.errors:
                assert re.match(rf"{re.escape(str(directory))}/[a-z]+\.yaml:\d+: \S", error), error


# -- the running daemon's source: rules and templates as one version -----------------------------

TEMPLATES = SHIPPED.parent / "templates"


@pytest.fixture
def composer(tmp_path: Path):
    from mailbot.compose import Composer

    shutil.copytree(TEMPLATES, tmp_path / "templates")
    return Composer(tmp_path / "templates", tmp_path / "templates" / "terms-of-use.txt",
                    "office@example.jp")


def _reminder_body(composer, rules) -> str:
    from mailbot.template_samples import samples

    sample = samples(rules)[0]
    return composer.render("reminder", sample.data(rules))[1]


def test_each_bad_version_is_offered_once(rules_dir: Path, caplog):
    source = RulesSource(rules_dir)
    good = source.current()
    assert source.problems() is None
    line = edit(rules_dir / "policy.yaml", "slots_per_offer: 3", "slots_per_offer: many")
    with caplog.at_level(logging.ERROR, logger="mailbot.rules"):
        assert source.current() is good
    version, problems = source.problems()
    assert problems == source.errors and f"policy.yaml:{line}: slots_per_offer" in problems[0]
    assert source.problems() is None                            # offered once
    edit(rules_dir / "policy.yaml", "slots_per_offer: many", "slots_per_offer: many")   # touched only
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="mailbot.rules"):
        assert source.current() is good
    assert source.problems() is None and "slots_per_offer" not in caplog.text    # same version
    edit(rules_dir / "policy.yaml", "review: none", "review: often")
    again = source.problems() if source.current() is good else None
    assert again and again[0] != version and len(again[1]) == 2
    edit(rules_dir / "policy.yaml", "slots_per_offer: many", "slots_per_offer: 3")
    edit(rules_dir / "policy.yaml", "review: often", "review: none")
    assert source.current().version == good.version and source.problems() is None


def test_a_bad_template_edit_keeps_the_last_good_templates(rules_dir: Path, composer, caplog):
    source = RulesSource(rules_dir, composer)
    good = source.current()
    reminder = Path(composer.terms_path).parent / "reminder.j2"
    line = edit(reminder, "ご予約のオンライン職業相談が近づきました", "{{ seeker }}ご予約のオンライン職業相談が近づきました")
    with caplog.at_level(logging.ERROR, logger="mailbot.rules"):
        assert source.current() is good
    assert f"reminder.j2:{line}: 未定義の名前です（'seeker' is undefined）" in caplog.text
    version, problems = source.problems()
    assert problems == [f"{reminder}:{line}: 未定義の名前です（'seeker' is undefined）"]
    assert "近づきました" in _reminder_body(composer, good)         # the old text is still sent
    edit(reminder, "{{ seeker }}ご予約のオンライン職業相談が近づきました", "ご予約の相談日が近づきました")
    assert source.current().version == good.version and source.errors == []
    assert "相談日が近づきました" in _reminder_body(composer, good)   # the fixed edit is used


def test_a_bad_rules_edit_also_reports_template_problems(rules_dir: Path, composer):
    source = RulesSource(rules_dir, composer)
    source.current()
    edit(rules_dir / "policy.yaml", "slots_per_offer: 3", "slots_per_offer: many")
    edit(Path(composer.terms_path).parent / "lapsed.j2", "{{ ref }}）は無効", "{{ reff }}）は無効")
    source.current()
    _, problems = source.problems()
    assert [p.split(":")[0].rsplit("/", 1)[-1] for p in problems] == ["policy.yaml", "lapsed.j2"]


def test_an_unexpected_failure_while_reloading_keeps_the_daemon_going(rules_dir: Path, monkeypatch,
                                                                      caplog):
    import mailbot.rules as rules_module

    source = RulesSource(rules_dir)
    good = source.current()

    def broken(directory):
        raise RuntimeError("a bug, not an edit")

    monkeypatch.setattr(rules_module, "load_rules", broken)
    edit(rules_dir / "policy.yaml", "search_days: 30", "search_days: 31")
    with caplog.at_level(logging.ERROR, logger="mailbot.rules"):
        assert source.current() is good
    assert "RuntimeError" in caplog.text and source.problems() is not None


def test_the_first_failing_load_is_left_to_the_caller_to_report(rules_dir: Path, caplog):
    edit(rules_dir / "policy.yaml", "slots_per_offer: 3", "slots_per_offer: many")
    with caplog.at_level(logging.DEBUG, logger="mailbot.rules"), pytest.raises(RulesError) as info:
        RulesSource(rules_dir).current()
    assert "slots_per_offer" in info.value.errors[0] and caplog.text == ""
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


def test_a_file_still_being_saved_is_read_once_it_is_still(rules_dir: Path, caplog):
    # nano and `cat >` write in place: a cycle in the middle sees half a file. It must not be
    # reported (or mailed to staff) as a mistake: the change is read once the files are still.
    source = RulesSource(rules_dir)
    good = source.current()
    path = rules_dir / "policy.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")         # half written, just now
    with caplog.at_level(logging.ERROR, logger="mailbot.rules"):
        assert source.current() is good and source.settling
    assert caplog.text == "" and source.problems() is None
    path.write_text(text.replace("slots_per_offer: 3", "slots_per_offer: 4"), encoding="utf-8")
    still = time_ns() - 2_000_000_000
    os.utime(path, ns=(still, still))
    assert source.current().policy.slots_per_offer == 4 and not source.settling
