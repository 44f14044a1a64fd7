"""English end to end through the real daemon, Dovecot and SMTP (issue 8 item 4): a foreign
resident's English booking mail ("Dec 3 at 2pm", "My name is …", an interpreter) gets an offer,
and the English reply "I'll take option 2" confirms the slot offered as number 2."""

from __future__ import annotations

import re

from mailbot.store import Store
from tests.integration.mailflow import Outbox, body, kinds, last, reply_to, run_at, write

SEEKER = "amara.okafor@example.com"
REQUEST = """Dear Hello Work Akita,

My name is Amara Okafor. I moved to Akita this year and I am looking for work.
I would like to book an online job consultation on Dec 3 at 2pm.
I speak only a little Japanese, so I would like an English interpreter, please.

Seeker number: 05010-24681357
Phone: 080-1357-2468

Best regards,
Amara Okafor
"""


def threads(config):
    with Store(config.paths.state).snapshot() as tx:
        return list(tx.threads())


def test_an_english_booking_is_offered_and_confirmed_in_english(mail_sandbox, office, bot_config):
    out = Outbox(mail_sandbox)
    mail_sandbox.deliver(office, write(f"Amara Okafor <{SEEKER}>", office, "Online consultation booking", REQUEST,
                                       when="2026-12-01T08:30+09:00"))
    run_at(bot_config, "2026-12-01T09:00+09:00")
    mails = out.new()
    assert "offer" in kinds(mails, SEEKER), [(k, str(m["X-Mailbot-Reason"]), body(m)[:300]) for k, _, m in mails]
    offer = last(mails, "offer", SEEKER)
    text = body(offer)
    assert "Amara Okafor" in text                              # the name read after "My name is"
    lines = dict(re.findall(r"^(\d+)\. (.*)$", text, re.M))
    assert "2" in lines, text
    assert re.search(r"12月3日.*14:00", " ".join(lines.values())), text   # the wish was read
    (thread,) = threads(bot_config)
    assert thread["state"] == "offered"
    assert "interpreter" in str(thread)                        # the interpreter request is kept

    mail_sandbox.deliver(office, reply_to(offer, SEEKER, office, "Hello,\nI'll take option 2.\nThank you!\nAmara",
                                          when="2026-12-01T10:00+09:00"))
    run_at(bot_config, "2026-12-01T10:00+09:00")
    mails = out.new()
    assert "confirmed" in kinds(mails, SEEKER), kinds(mails)
    confirmation = body(last(mails, "confirmed", SEEKER))
    day, start = re.search(r"(\d{1,2}月\d{1,2}日).*?(\d{1,2}:\d{2})", lines["2"]).groups()
    assert day in confirmation and start in confirmation       # the slot offered as number 2
    (thread,) = threads(bot_config)
    assert thread["state"] == "confirmed"

    # An English cancellation two days ahead frees the seat.
    confirmed = last(mails, "confirmed", SEEKER)
    mail_sandbox.deliver(office, reply_to(confirmed, SEEKER, office,
                                          "I'm sorry, I need to cancel my appointment. I found a job.\nAmara",
                                          when="2026-12-01T15:00+09:00"))
    run_at(bot_config, "2026-12-01T15:00+09:00")
    assert "cancelled" in kinds(out.new(), SEEKER), threads(bot_config)[0]["history"][-3:]
    (thread,) = threads(bot_config)
    assert thread["state"] == "cancelled" and not thread["holds"]
