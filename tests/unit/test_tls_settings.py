"""ca_file, helo_name and cycle_deadline_seconds settings, and the TLS context they build."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from mailbot.config import ConfigError, load_config
from mailbot.mail import tls
from mailbot.sandbox_tls import make_ca

BASE = """
[imap]
host = "imap.example.jp"
username = "office@akita-hw.example.jp"
password = "imap-secret-1"
{imap}
[smtp]
host = "smtp.example.jp"
username = ""
from_address = "office@akita-hw.example.jp"
{smtp}
"""


def write(tmp_path: Path, imap: str = "", smtp: str = "") -> Path:
    path = tmp_path / "conf" / "mailbot.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(BASE.format(imap=imap, smtp=smtp), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    return make_ca(tmp_path_factory.mktemp("ca"), "office CA")


def test_defaults_verify_with_system_cas_and_use_the_machine_name(tmp_path):
    config = load_config(write(tmp_path), {})
    assert config.imap.ca_file is None and config.smtp.ca_file is None
    assert config.smtp.helo_name == "" and config.smtp.cycle_deadline_seconds == 5.0
    context = tls.client_context(None)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_ca_file_is_relative_to_the_config_and_added_to_the_system_cas(tmp_path, ca):
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "office-ca.pem").write_bytes(ca.cert.read_bytes())
    config = load_config(write(tmp_path, imap='ca_file = "office-ca.pem"'),
                         {"MAILBOT_SMTP__CA_FILE": str(ca.cert)})
    assert config.imap.ca_file == tmp_path / "conf" / "office-ca.pem"
    assert config.smtp.ca_file == ca.cert
    context = tls.client_context(config.imap.ca_file)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    subjects = [dict(x[0] for x in c["subject"]).get("commonName") for c in context.get_ca_certs()]
    assert "office CA" in subjects
    system = ssl.create_default_context().get_ca_certs()
    if not system:
        pytest.skip("this machine has no system CA certificates to keep")
    assert len(subjects) == len(system) + 1   # the system's CAs stay trusted (unlike SSL_CERT_FILE)


@pytest.mark.parametrize("content, expected", [
    (None, "file not found"),
    (b"not a certificate\n", "cannot use"),
], ids=["missing", "not-pem"])
def test_a_bad_ca_file_stops_start_up_with_one_line_naming_the_key(tmp_path, content, expected):
    (tmp_path / "conf").mkdir()
    if content is not None:
        (tmp_path / "conf" / "ca.pem").write_bytes(content)
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, smtp='ca_file = "ca.pem"'), {})
    message = str(info.value)
    assert "\n" not in message and "[smtp] ca_file" in message and expected in message


def test_helo_name_must_be_a_host_name(tmp_path):
    config = load_config(write(tmp_path, smtp='helo_name = "mail.akita-hw.example.jp"'), {})
    assert config.smtp.helo_name == "mail.akita-hw.example.jp"
    assert load_config(write(tmp_path), {"MAILBOT_SMTP__HELO_NAME": "[192.0.2.1]"}).smtp.helo_name == "[192.0.2.1]"
    for bad in ("mail akita", "mail_akita..jp", "-x.jp"):
        with pytest.raises(ConfigError, match=r"\[smtp\] helo_name"):
            load_config(write(tmp_path, smtp=f'helo_name = "{bad}"'), {})


def test_cycle_deadline_must_be_positive(tmp_path):
    assert load_config(write(tmp_path), {"MAILBOT_SMTP__CYCLE_DEADLINE_SECONDS": "2.5"}).smtp.cycle_deadline_seconds == 2.5
    with pytest.raises(ConfigError, match="cycle_deadline_seconds"):
        load_config(write(tmp_path, smtp="cycle_deadline_seconds = 0"), {})


def test_refusal_names_the_reason_and_the_setting(ca):
    error = ssl.SSLCertVerificationError(1, "certificate verify failed")
    error.verify_message, error.verify_code = "unable to get local issuer certificate", 20
    text = str(tls.refusal("SMTP", "smtp.example.jp", 587, error, None))
    assert "SMTP smtp.example.jp:587" in text and "unable to get local issuer certificate" in text
    assert "set [smtp] ca_file" in text and "\n" not in text
    text = str(tls.refusal("IMAP", "imap.example.jp", 993, error, ca.cert))
    assert f"[imap] ca_file ({ca.cert}) does not vouch" in text
    error.verify_message, error.verify_code = "Hostname mismatch, certificate is not valid for 'x'.", 62
    assert "[imap] host must be a name" in str(tls.refusal("IMAP", "x", 993, error, ca.cert))


def test_the_example_config_documents_every_new_key():
    text = (Path(__file__).resolve().parents[2] / "mailbot.example.toml").read_text(encoding="utf-8")
    for key in ("ca_file", "helo_name", "cycle_deadline_seconds"):
        assert key in text, key
