"""The `mailbot` command's own behaviour (the daemon and staff commands have integration tests)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mailbot.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_rules_check_without_a_config_checks_the_rules_folder(monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("MAILBOT_CONFIG", raising=False)
    result = CliRunner().invoke(main, ["rules", "check"])
    assert result.exit_code == 0 and "OK" in result.output


def test_rules_check_reports_file_and_line(tmp_path):
    for path in (REPO / "rules").glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8") + "slots_per_ofer: 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 1 and "policy.yaml:" in result.output
