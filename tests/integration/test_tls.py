"""TLS as offices run it: Dovecot (ssl and starttls) and SMTP (implicit TLS and STARTTLS) with
a certificate from a CA the test makes, trusted through `ca_file`; a wrong CA is refused with
the reason in one line; verification is on when nothing is set; the EHLO name is configurable.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from datetime import datetime

import pytest

from mailbot.config import load_config
from mailbot.daemon import Bot, Clock
from mailbot.mail import smtp
from mailbot.mail.imap import ImapMailbox
from mailbot.mail.tls import CertificateRefused
from mailbot.sandbox import MailSandbox
from mailbot.sandbox_tls import make_ca
from mailbot.store import Store
from tests.integration.mailflow import seeker_accepted, sent_to_seekers, staff_reasons
from tests.conftest import SANDBOX_USERS, TERMS, write_bot_config
from tests.integration.test_booking_e2e import seeker_mail
from tests.integration.test_daemon import NOW, count, mailbot
from tests.integration.test_smtp_adapter import reply

OFFICE, SEEKER = "office@akita-hw.example.jp", "taro.yamada@example.jp"


@pytest.fixture
def tls_sandbox():
    with MailSandbox(users=SANDBOX_USERS, tls=True) as sb:
        yield sb


@pytest.fixture(scope="module")
def wrong_ca(tmp_path_factory):
    """A CA that did not sign the sandbox's certificate (another office's, say)."""
    return make_ca(tmp_path_factory.mktemp("wrong-ca"), "some other CA").cert


def imap_ports(sb):
    return {"ssl": sb.imaps_port, "starttls": sb.imap_port}


def smtp_ports(sb):
    return {"ssl": sb.smtps_port, "starttls": sb.smtp_port}


# -- IMAP --------------------------------------------------------------------------------------


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_imap_trusts_the_office_ca_through_ca_file(tls_sandbox, security):
    sb = tls_sandbox
    box = ImapMailbox(sb.imap_settings(OFFICE, security=security, port=imap_ports(sb)[security],
                                       ca_file=sb.ca_file, timeout_seconds=5))
    with box:
        assert box._c._imap.sock.version().startswith("TLS")     # really encrypted
        assert box.unhandled_uids() == []


@pytest.mark.parametrize("security", ["ssl", "starttls"])
@pytest.mark.parametrize("trust", ["nothing set", "wrong CA"])
def test_imap_refuses_an_untrusted_certificate_with_the_reason(tls_sandbox, wrong_ca, security, trust):
    sb = tls_sandbox
    ca_file = None if trust == "nothing set" else wrong_ca
    box = ImapMailbox(sb.imap_settings(OFFICE, security=security, port=imap_ports(sb)[security],
                                       ca_file=ca_file, timeout_seconds=5))
    with pytest.raises(CertificateRefused) as info:
        box.connect()
    text = str(info.value)
    assert "\n" not in text and f"IMAP 127.0.0.1:{imap_ports(sb)[security]}" in text
    assert "unable to get local issuer certificate" in text and "[imap] ca_file" in text
    assert isinstance(info.value.__cause__, ssl.SSLCertVerificationError)
    assert not box.connected


def test_the_host_name_is_checked_too():
    # The certificate comes from the trusted CA but is issued for another host.
    with MailSandbox(users=SANDBOX_USERS, tls=True, cert_hosts=("mail.elsewhere.example",)) as sb:
        box = ImapMailbox(sb.imap_settings(OFFICE, security="ssl", port=sb.imaps_port,
                                           ca_file=sb.ca_file, timeout_seconds=5))
        with pytest.raises(CertificateRefused) as info:
            box.connect()
        assert "mismatch" in str(info.value) and "[imap] host must be a name" in str(info.value)
        with pytest.raises(smtp.SendingBlocked, match="mismatch"):
            asyncio.run(smtp.Session(sb.smtp_settings(OFFICE, security="ssl", port=sb.smtps_port,
                                                      ca_file=sb.ca_file)).open())


# -- SMTP --------------------------------------------------------------------------------------


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_smtp_trusts_the_office_ca_and_uses_helo_name(tls_sandbox, security):
    sb = tls_sandbox
    settings = sb.smtp_settings(OFFICE, security=security, port=smtp_ports(sb)[security],
                                ca_file=sb.ca_file, helo_name="mail.akita-hw.example.jp",
                                username=OFFICE, password=sb.users[OFFICE])
    [result] = smtp.send_messages(settings, [reply(SEEKER, "tls", "x\n")])
    assert result.ok, result
    [accepted] = sb.accepted
    assert accepted.helo == "mail.akita-hw.example.jp" and accepted.rcpt_tos == (SEEKER,)


@pytest.mark.parametrize("security", ["ssl", "starttls"])
@pytest.mark.parametrize("trust", ["nothing set", "wrong CA"])
def test_smtp_refuses_an_untrusted_certificate_and_says_why(tls_sandbox, wrong_ca, security, trust):
    sb = tls_sandbox
    port = smtp_ports(sb)[security]
    settings = sb.smtp_settings(OFFICE, security=security, port=port,
                                ca_file=None if trust == "nothing set" else wrong_ca)
    with pytest.raises(smtp.SendingBlocked) as info:
        asyncio.run(smtp.Session(settings).open())
    blocked = info.value
    assert blocked.stage == "tls" and blocked.configuration
    assert "\n" not in blocked.reason and f"SMTP 127.0.0.1:{port}" in blocked.reason
    assert "unable to get local issuer certificate" in blocked.reason and "[smtp] ca_file" in blocked.reason
    [result] = smtp.send_messages(settings, [reply(SEEKER, "tls", "x\n")])
    assert not result.ok and result.blocked and not result.permanent and result.text == blocked.reason
    assert sb.accepted == []


def test_helo_name_defaults_to_the_machine_name(mail_sandbox):
    [result] = smtp.send_messages(mail_sandbox.smtp_settings(OFFICE), [reply(SEEKER, "x", "y\n")])
    assert result.ok and mail_sandbox.accepted[0].helo not in ("", "mail.akita-hw.example.jp")


# -- the daemon over TLS -----------------------------------------------------------------------


def tls_config(sb, tmp_path, *, imap_ca, smtp_ca, imap_security="ssl", smtp_security="starttls"):
    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    path = write_bot_config(tmp_path / "mailbot.toml", sb, OFFICE, state=tmp_path / "state", terms=terms)
    env = {
        "MAILBOT_IMAP__SECURITY": imap_security, "MAILBOT_IMAP__PORT": str(imap_ports(sb)[imap_security]),
        "MAILBOT_SMTP__SECURITY": smtp_security, "MAILBOT_SMTP__PORT": str(smtp_ports(sb)[smtp_security]),
        "MAILBOT_SMTP__HELO_NAME": "mail.akita-hw.example.jp",
    }
    if imap_ca:
        env["MAILBOT_IMAP__CA_FILE"] = str(imap_ca)
    if smtp_ca:
        env["MAILBOT_SMTP__CA_FILE"] = str(smtp_ca)
    return path, env


@pytest.mark.parametrize("imap_security, smtp_security", [("ssl", "starttls"), ("starttls", "ssl")])
def test_a_booking_is_answered_over_tls_end_to_end(tls_sandbox, tmp_path, imap_security, smtp_security):
    sb = tls_sandbox
    path, env = tls_config(sb, tmp_path, imap_ca=sb.ca_file, smtp_ca=sb.ca_file,
                           imap_security=imap_security, smtp_security=smtp_security)
    sb.deliver(OFFICE, seeker_mail(SEEKER, OFFICE))
    result = mailbot("--config", path, "run", "--once", "--now", NOW, **env)
    assert result.returncode == 0, result.stderr
    assert count(sb, SEEKER) == 1 and count(sb, OFFICE, "Processed") == 1
    assert sent_to_seekers(sb, OFFICE) == 1
    assert sb.accepted[0].helo == "mail.akita-hw.example.jp"


def test_daemon_stops_at_start_up_when_the_imap_certificate_is_refused(tls_sandbox, tmp_path, wrong_ca):
    sb = tls_sandbox
    path, env = tls_config(sb, tmp_path, imap_ca=wrong_ca, smtp_ca=sb.ca_file)
    result = mailbot("--config", path, "run", timeout=30, **env)      # not --once: must not loop
    assert result.returncode != 0 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert "server certificate refused (unable to get local issuer certificate)" in errors[0]
    assert f"[imap] ca_file ({wrong_ca}) does not vouch" in errors[0]


def test_refused_smtp_certificate_is_logged_staff_are_told_and_the_run_fails(tls_sandbox, tmp_path, wrong_ca):
    sb = tls_sandbox
    path, env = tls_config(sb, tmp_path, imap_ca=sb.ca_file, smtp_ca=wrong_ca)
    sb.deliver(OFFICE, seeker_mail(SEEKER, OFFICE))
    result = mailbot("--config", path, "run", "--once", "--now", NOW, **env)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    # The mail was read, recorded and filed all the same; nothing left.
    assert count(sb, OFFICE) == 0 and count(sb, OFFICE, "Processed") == 1 and sb.accepted == []
    logged = [line for line in result.stderr.splitlines() if "sending cannot start" in line]
    assert len(logged) == 1 and "unable to get local issuer certificate" in logged[0], result.stderr
    assert re.search(r"^Error: .*SMTP 127\.0\.0\.1:\d+: server certificate refused", result.stderr, re.M)
    with Store(tmp_path / "state").snapshot() as tx:
        blocked = tx.meta("sending_blocked")
        [item] = [i for i in tx.outbox() if i["kind"] != "staff_notice"]
        notices = [i["reason"] for i in tx.outbox() if i["kind"] == "staff_notice"]
    assert "server certificate refused" in blocked["reason"]
    assert notices == ["sending_blocked"]              # staff are told (once it can go out)
    assert item["status"] == "pending" and not item.get("attempts")   # not the mail's fault

    # Fixed: the next run sends it, and the block is forgotten (a new one is reported again).
    env["MAILBOT_SMTP__CA_FILE"] = str(sb.ca_file)
    again = mailbot("--config", path, "run", "--once", "--now", "2026-12-01T09:05+09:00", **env)
    assert again.returncode == 0, again.stderr
    assert "sending works again" in again.stderr and count(sb, SEEKER) == 1
    with Store(tmp_path / "state").snapshot() as tx:
        assert tx.meta("sending_blocked") is None


def test_sending_blocked_is_recorded_once_per_reason(tls_sandbox, tmp_path, wrong_ca, caplog):
    sb = tls_sandbox
    path, env = tls_config(sb, tmp_path, imap_ca=sb.ca_file, smtp_ca=wrong_ca)
    sb.deliver(OFFICE, seeker_mail(SEEKER, OFFICE))
    config = load_config(path, env)
    bot = Bot.from_config(config, Clock(datetime.fromisoformat(NOW)))
    mailbox = ImapMailbox(config.imap)
    with mailbox, caplog.at_level("INFO", logger="mailbot"):
        mailbox.ensure_folders()
        for _ in range(3):
            bot.cycle(mailbox, once=True)
    assert caplog.text.count("sending cannot start") == 1
    assert bot.blocked is not None and bot.blocked.stage == "tls"
