"""A cancel word given as the reason for a new wish is a change (own phrasings)."""

from __future__ import annotations

import pytest

from mailbot.understand import understand
from mailbot.understand.signals import read_signals


def _reply(body: str) -> bytes:
    return ("From: s@example.jp\r\nTo: online-soudan@akita-hw.example.jp\r\nSubject: Re: ご予約\r\n"
            "Date: Mon, 11 Jan 2027 09:00:00 +0900\r\nIn-Reply-To: <mb.1@akita-hw.example.jp>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")).encode()


def test_cant_attend_as_the_reason_for_a_new_day_is_a_change():
    body = "1月19日に予約している者です。その日は行けなくなったので、1月21日の午後にお願いできますか。"
    u = understand(_reply(body))[1]
    assert u.intent == "reschedule" and [r.date.day for r in u.requested] == [21]
    assert u.signals.change and not u.signals.cancel


@pytest.mark.parametrize("body", [
    "行けなくなったのでキャンセルします。よろしくお願いします。",
    "就職が決まったため、1月19日の予約を取り消してください。",
    "体調不良のため、明日の相談はお休みさせてください。",
])
def test_a_plain_cancellation_stays_one(body):
    u = understand(_reply(body))[1]
    assert u.intent == "cancel" and read_signals(body).cancel
