"""Shared pytest fixtures.

Integration tests (everything under tests/integration/) are marked `integration` automatically
and run against real servers from `mailbot.sandbox`.  A sandbox starts in ~0.2 s and stops in
~0.01 s, so each test gets its own: no shared mailbox state, no auth-penalty leaks between tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailbot.sandbox import MailSandbox

OFFICE = "office@akita-hw.example.jp"
SEEKER = "taro.yamada@example.jp"
SEEKER2 = "hanako@example.ne.jp"
SANDBOX_USERS = {OFFICE: "office-pw", SEEKER: "seeker-pw", SEEKER2: "seeker2-pw"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    integration_dir = Path(__file__).parent / "integration"
    for item in items:
        if integration_dir in Path(item.fspath).parents:
            item.add_marker(pytest.mark.integration)


# -- mail servers ------------------------------------------------------------------------------


@pytest.fixture
def mail_sandbox() -> Iterator[MailSandbox]:
    """A fresh Dovecot + SMTP sandbox with users OFFICE, SEEKER, SEEKER2 (see SANDBOX_USERS)."""
    with MailSandbox(users=SANDBOX_USERS) as sb:
        yield sb


@pytest.fixture
def office() -> str:
    """The office mailbox address the bot reads (password in SANDBOX_USERS)."""
    return OFFICE


@pytest.fixture
def seekers() -> tuple[str, str]:
    """Two seeker mailboxes in the sandbox."""
    return SEEKER, SEEKER2


# -- shared data (../shared) -------------------------------------------------------------------


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (examples, corpora, seed); skips the test when absent."""
    path = Path(os.environ.get("MAILBOT_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data folder not found: {path} (set MAILBOT_SHARED_DIR)")
    return path


# -- fixtures added by the lead (workflow, store, end-to-end) go below -------------------------


REPO = Path(__file__).resolve().parents[1]
TERMS = "テスト用の利用規約です。第1条 テスト。\n"
DIGEST_ON = "digest:\n  enabled: true"


def copy_rules(target: Path, *, digest: bool = False) -> Path:
    """The shipped rules copied to `target`, the morning digest off unless `digest`: tests
    count the mail the office sends, and a digest would be one more on every working day
    (tests/integration/test_office_mail.py turns it on)."""
    import shutil

    shutil.copytree(REPO / "rules", target)
    if not digest:
        policy = target / "policy.yaml"
        text = policy.read_text(encoding="utf-8")
        assert text.count(DIGEST_ON) == 1, "policy.yaml: digest.enabled not found"
        policy.write_text(text.replace(DIGEST_ON, "digest:\n  enabled: false"), encoding="utf-8")
    return target


_TEST_RULES: list[Path] = []


def rules_for_tests() -> Path:
    """One copy per test session of the shipped rules with the digest off (see copy_rules)."""
    if not _TEST_RULES:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="mailbot-rules-"))
        atexit.register(shutil.rmtree, folder, True)
        _TEST_RULES.append(copy_rules(folder / "rules"))
    return _TEST_RULES[0]


def write_bot_config(path: Path, sandbox: MailSandbox, office: str, *, state: Path,
                     terms: Path, rules: Path | None = None) -> Path:
    """Write a mailbot.toml for `office` in `sandbox` (SMTP without AUTH) and return its path;
    the rules default to the shipped ones with the digest off (`rules_for_tests`)."""
    rules = rules or rules_for_tests()
    path.write_text(f"""
[imap]
host = "{sandbox.host}"
port = {sandbox.imap_port}
security = "none"
username = "{office}"
password = "{sandbox.users[office]}"

[smtp]
host = "{sandbox.host}"
port = {sandbox.smtp_port}
security = "none"
username = ""
password = ""
from_address = "{office}"

[paths]
rules = "{rules}"
templates = "{REPO / 'templates'}"
terms = "{terms}"
state = "{state}"
""", encoding="utf-8")
    return path


@pytest.fixture
def bot_config_path(mail_sandbox, office, tmp_path) -> Path:
    """mailbot.toml for the office in `mail_sandbox`, repo rules/templates, TERMS attached,
    state in tmp_path/state."""
    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    return write_bot_config(tmp_path / "mailbot.toml", mail_sandbox, office,
                            state=tmp_path / "state", terms=terms)


@pytest.fixture
def bot_config(bot_config_path):
    """The loaded Config of `bot_config_path`."""
    from mailbot.config import load_config

    return load_config(bot_config_path, {})
