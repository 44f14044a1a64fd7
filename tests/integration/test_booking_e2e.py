"""A seeker books a consultation through real Dovecot + SMTP, reading replies over IMAP."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from mailbot.daemon import Bot, Clock
from tests.conftest import TERMS

REF = re.compile(r"\[予約番号 (AK-\d{4}-\d{4})\]")


def run_once(config, now: str) -> None:
    Bot.from_config(config, Clock(datetime.fromisoformat(now))).run(once=True)


def seeker_mail(seeker: str, office: str) -> bytes:
    """A first mail as Thunderbird sends it: 7-bit ISO-2022-JP, full-width colon labels."""
    msg = EmailMessage()
    msg["From"] = f"Taro Yamada <{seeker}>"
    msg["To"] = office
    msg["Subject"] = "オンライン職業相談の予約をお願いします"
    msg["Date"] = "Tue, 01 Dec 2026 08:12:33 +0900"
    msg["Message-ID"] = "<first-1@example.jp>"
    msg.set_content(
        "ハローワーク秋田 ご担当者様\n\n"
        "オンライン職業相談の予約をお願いします。\n\n"
        "氏名：山田 太郎\n"
        "求職番号：05010-23418765\n"
        "希望日時：12月4日（金）14:00\n"
        f"メール：{seeker}\n"
        "電話番号：090-3812-4456\n\n"
        "よろしくお願いいたします。\n", charset="iso-2022-jp", cte="7bit")
    return msg.as_bytes()


def reply(to: EmailMessage, seeker: str, office: str, text: str, mid: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = seeker
    msg["To"] = office
    msg["Subject"] = "Re: " + to["Subject"]
    msg["Date"] = "Tue, 01 Dec 2026 12:00:00 +0900"
    msg["Message-ID"] = mid
    msg["In-Reply-To"] = to["Message-ID"]
    msg["References"] = to["Message-ID"]
    quoted = "".join(f"> {line}\n" for line in to.get_body(("plain",)).get_content().splitlines())
    msg.set_content(f"{text}\n\n2026年12月1日(火) 9:00 {to['From']}:\n{quoted}", charset="utf-8")
    return msg.as_bytes()


def fetch_all(sandbox, user: str, folder: str = "INBOX") -> list[tuple[EmailMessage, tuple]]:
    client = sandbox.imap(user)
    try:
        client.select_folder(folder, readonly=True)
        uids = client.search("ALL")
        data = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"])
        return [(email.message_from_bytes(data[u][b"BODY[]"], policy=email.policy.default),
                 data[u][b"FLAGS"]) for u in sorted(data)]
    finally:
        client.logout()


def check_headers(msg: EmailMessage, office: str, seeker: str, in_reply_to: str) -> None:
    assert msg["From"].addresses[0].addr_spec == office
    assert msg["From"].addresses[0].display_name == "ハローワーク秋田"
    assert [a.addr_spec for a in msg["To"].addresses] == [seeker]
    assert msg["In-Reply-To"] == in_reply_to
    assert re.fullmatch(r"<[^<>@\s]+@akita-hw\.example\.jp>", msg["Message-ID"])
    assert parsedate_to_datetime(msg["Date"]).utcoffset().total_seconds() == 9 * 3600
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg.get_body(("plain",)).get_content_charset() == "utf-8"


def test_request_offer_reply_confirmation(mail_sandbox, office, seekers, bot_config):
    seeker = seekers[0]
    mail_sandbox.deliver(office, seeker_mail(seeker, office))

    run_once(bot_config, "2026-12-01T09:00+09:00")

    (offer, _), = fetch_all(mail_sandbox, seeker)
    check_headers(offer, office, seeker, "<first-1@example.jp>")
    ref = REF.search(offer["Subject"]).group(1)
    assert offer["Subject"] == f"【ハローワーク秋田】オンライン職業相談のご予約について [予約番号 {ref}]"
    body = offer.get_body(("plain",)).get_content()
    assert "山田 太郎 様" in body
    wished = re.search(r"^(\d)\. 2026年12月4日\(金\) 14:00〜14:50$", body, re.M)   # the wish is offered
    numbers = [int(n) for n in re.findall(r"^(\d)\. ", body, re.M)]
    assert wished and numbers == sorted(numbers)
    (terms,) = list(offer.iter_attachments())
    assert terms.get_filename() == "オンライン職業相談等利用規約.txt"
    assert terms.get_content() == TERMS

    processed = fetch_all(mail_sandbox, office, "Processed")
    assert len(processed) == 1 and b"$MailbotDone" in processed[0][1]
    assert fetch_all(mail_sandbox, office, "INBOX") == []
    assert [m["Message-ID"] for m, _ in fetch_all(mail_sandbox, office, "Sent")] == [offer["Message-ID"]]

    mail_sandbox.deliver(office, reply(offer, seeker, office, f"{wished.group(1)}番でお願いします。",
                                       "<reply-1@example.jp>"))
    run_once(bot_config, "2026-12-01T12:05+09:00")

    mails = fetch_all(mail_sandbox, seeker)
    assert len(mails) == 2
    confirmed = mails[1][0]
    check_headers(confirmed, office, seeker, "<reply-1@example.jp>")
    assert ref in confirmed["Subject"] and "確定" in confirmed["Subject"]
    body = confirmed.get_body(("plain",)).get_content()
    assert "2026年12月4日(金) 14:00〜14:50" in body
    assert re.search(r"https://\S+", body)
    (ics,) = list(confirmed.iter_attachments())
    assert ics.get_content_type() == "text/calendar"
    assert "DTSTART" in ics.get_content()

    # Nothing new: a further cycle sends nothing twice.
    run_once(bot_config, "2026-12-01T12:10+09:00")
    assert len(fetch_all(mail_sandbox, seeker)) == 2
    assert len(fetch_all(mail_sandbox, office, "Sent")) == 2
    assert len(fetch_all(mail_sandbox, office, "Processed")) == 2


def test_missing_phone_is_asked_for(mail_sandbox, office, seekers, bot_config):
    seeker = seekers[1]
    msg = email.message_from_bytes(seeker_mail(seeker, office), policy=email.policy.default)
    body = msg.get_content().replace("電話番号：090-3812-4456\n", "")
    msg.set_content(body, charset="utf-8")
    mail_sandbox.deliver(office, msg.as_bytes())

    run_once(bot_config, "2026-12-01T09:00+09:00")

    (ask, _), = fetch_all(mail_sandbox, seeker)
    text = ask.get_body(("plain",)).get_content()
    assert "お電話番号" in text and "お名前" not in text
    assert REF.search(ask["Subject"])


def test_run_once_on_empty_mailbox(bot_config):
    run_once(bot_config, "2026-12-01T09:00+09:00")
