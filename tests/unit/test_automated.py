"""automated_reason: machine mail is recognised; seekers' mail never is."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from mailbot.understand.automated import automated_reason
from mailbot.understand.mime import read_message
from tests.unit.test_mime import EXAMPLES

SEEKER = ("ハローワーク秋田 ご担当者様\r\n\r\nオンライン職業相談の予約をお願いします。\r\n"
          "希望日時：12月3日（木）14:00\r\n電話番号：090-3812-4456\r\n")


def seeker_mail(*headers: str, subject: str = "予約のお願い", body: str = SEEKER,
                sender: str = "Taro <taro@example.jp>") -> bytes:
    head = [f"From: {sender}", "To: online-soudan@akita-hw.example.jp",
            f"Subject: =?UTF-8?B?{__import__('base64').b64encode(subject.encode()).decode()}?=",
            "Date: Fri, 20 Nov 2026 10:00:00 +0900", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit", *headers]
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode("utf-8")


def reason(raw: bytes) -> str | None:
    return automated_reason(read_message(raw))


def test_plain_seeker_mail_is_not_automated():
    assert reason(seeker_mail()) is None


@pytest.mark.parametrize("header", [
    "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated", "Precedence: bulk",
    "Precedence: list", "Precedence: junk", "List-Id: <news.example.jp>",
    "List-Unsubscribe: <mailto:stop@example.jp>", "X-Autoreply: yes", "X-Autorespond: x",
    "X-Failed-Recipients: a@example.jp", "Return-Path: <>",
])
def test_machine_headers(header):
    assert reason(seeker_mail(header)).startswith("header:")


def test_report_content_type_and_daemon_senders():
    raw = seeker_mail().replace(b"Content-Type: text/plain; charset=UTF-8",
                                b"Content-Type: multipart/report; report-type=delivery-status; "
                                b"boundary=x")
    assert "report" in reason(raw)
    for sender in ("MAILER-DAEMON@mx.example.jp", "postmaster@example.jp", "no-reply@example.jp",
                   "noreply@example.jp", "do-not-reply@example.jp", "donotreply@example.jp"):
        assert reason(seeker_mail(sender=sender)).startswith("sender:")


def test_harmless_headers_and_addresses_are_not_machine_marks():
    assert reason(seeker_mail("Auto-Submitted: no", "Precedence: first-class",
                              "Return-Path: <taro@example.jp>")) is None
    # Outlook/Exchange and ticket systems also send this on mail people write.
    assert reason(seeker_mail("X-Auto-Response-Suppress: All")) is None
    for sender in ("noreply.fan@example.jp", "postmasters@example.jp", "bouncer@example.jp"):
        assert reason(seeker_mail(sender=sender)) is None


@pytest.mark.parametrize("subject", [
    "自動応答: 【ハローワーク秋田】ご予約について", "自動返信：お問い合わせありがとうございます",
    "Automatic reply: ご予約について", "Out of Office: ご予約", "Undeliverable: ご予約について",
    "Delivery Status Notification (Failure)", "配信不能: ご予約", "不在通知: ご予約について",
    "Returned mail: see transcript for details", "[Auto-Reply] ご予約",
])
def test_machine_subjects(subject):
    assert reason(seeker_mail(subject=subject)).startswith("subject:")


@pytest.mark.parametrize("body", [
    "このメールは自動応答です。\n11月20日から11月29日まで不在にしております。",
    "誠に勝手ながら、11月20日(金)から11月29日(日)まで不在にしております。\n30日以降順次ご返信いたします。",
    "休暇をいただいております。12月1日以降にご連絡いたします。",
    "I am out of the office until Monday.",
    "Your message could not be delivered to one or more recipients.",
    "━━━━\n配信停止は https://example.jp/stop から手続きしてください。",
    "※このメールは送信専用アドレスから配信しています。",
])
def test_machine_text(body):
    assert reason(seeker_mail(subject="お知らせ", body=body)).startswith("text:")


@pytest.mark.parametrize("body", [
    SEEKER + "平日の日中は仕事で不在にしていることが多いので、メールでご連絡ください。\n",
    SEEKER + "予約受付の自動返信メールが届いていないのですが、届いていますか？\n",
    SEEKER + "メールマガジンで知りました。\n",
    SEEKER + "以前のメールの配信停止はどうすればいいですか。\n",
    SEEKER + "\n2026年11月20日(金) 10:00 ハローワーク秋田 <online-soudan@akita-hw.example.jp>:\n"
             "> このメールは自動送信です。配信停止は https://example.jp から\n> Undeliverable\n",
])
def test_seeker_phrasing_is_not_automated(body):
    assert reason(seeker_mail(body=body)) is None


# --- shared examples ----------------------------------------------------------------------------

def _labels() -> dict:
    path = EXAMPLES / "labels.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.mark.skipif(not _labels(), reason="shared examples absent")
@pytest.mark.parametrize("name", sorted(_labels()))
def test_examples_verdicts(name):
    automated = _labels()[name]["intent"] == "automated"
    inbound = read_message((EXAMPLES / name).read_bytes())
    assert (automated_reason(inbound) is not None) == automated
    if automated:   # the text alone must also give it away (headers can be stripped by relays)
        machine = re.compile(r"auto-submitted|precedence|list-|return-path|content-type")
        bare = replace(inbound, from_addr="x@example.jp",
                       headers={k: v for k, v in inbound.headers.items() if not machine.match(k)})
        assert automated_reason(bare) is not None
