"""Review from a mail client, by folder moves alone (issue 7, item 2), against real Dovecot.

Another IMAP client plays the staff member's Thunderbird: it moves the held copy from `Review`
to `Approved` (the mail goes out at the next cycle) or to `Rejected` (the conversation goes to
staff); both land in the conversation's history with the time. Also: a copy moved twice, moved
back, deleted, a stale approval (the slot was taken meanwhile), review turned on while the
Review folder does not exist yet.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.config import load_config
from mailbot.daemon import Bot, Clock
from mailbot.store import Store
from tests.conftest import TERMS, copy_rules, write_bot_config
from tests.integration.test_daemon import booking, count

T0 = "2026-12-01T09:00+09:00"


def run_at(config, when: str) -> None:
    Bot.from_config(config, Clock(datetime.fromisoformat(when))).run(once=True)


def review_rules(tmp_path, review: str = "all"):
    rules = copy_rules(tmp_path / "rules")
    policy = rules / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("\nreview: none\n", f"\nreview: {review}\n"), encoding="utf-8")
    return rules


@pytest.fixture
def config(mail_sandbox, office, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    path = write_bot_config(tmp_path / "mailbot.toml", mail_sandbox, office, state=tmp_path / "state",
                            terms=terms, rules=review_rules(tmp_path))
    return load_config(path, {})


class Client:
    """The staff member's mail client on the office mailbox."""

    def __init__(self, sandbox, office: str) -> None:
        self.sandbox, self.office = sandbox, office

    def ids(self, folder: str) -> dict[int, str]:
        c = self.sandbox.imap(self.office)
        try:
            c.select_folder(folder)
            uids = c.search(["NOT", "DELETED"])
            data = c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
            return {u: bytes(v[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"]).decode().partition(":")[2].strip()
                    for u, v in data.items()}
        finally:
            c.logout()

    def move(self, mid: str, source: str, target: str, *, copy: bool = False) -> None:
        c = self.sandbox.imap(self.office)
        try:
            c.select_folder(source)
            (uid,) = [u for u, m in self._ids(c).items() if m == mid]
            if copy:
                c.copy([uid], target)
            else:
                c.move([uid], target)
        finally:
            c.logout()

    def delete(self, mid: str, folder: str) -> None:
        c = self.sandbox.imap(self.office)
        try:
            c.select_folder(folder)
            (uid,) = [u for u, m in self._ids(c).items() if m == mid]
            c.add_flags([uid], [b"\\Deleted"])
            c.expunge()
        finally:
            c.logout()

    @staticmethod
    def _ids(c) -> dict[int, str]:
        uids = c.search(["NOT", "DELETED"])
        data = c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
        return {u: bytes(v[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"]).decode().partition(":")[2].strip()
                for u, v in data.items()}

    def folders(self) -> set[str]:
        c = self.sandbox.imap(self.office)
        try:
            return {name for _f, _s, name in c.list_folders()}
        finally:
            c.logout()


def held(config) -> list[dict]:
    with Store(config.paths.state).snapshot() as tx:
        return tx.outbox(status="held")


def item(config, item_id: str) -> dict:
    with Store(config.paths.state).snapshot() as tx:
        return tx.get_outbox(item_id)


def thread(config, ref: str) -> dict:
    with Store(config.paths.state).snapshot() as tx:
        return tx.get_thread(ref)


def events(config, ref: str) -> list[tuple[str, str]]:
    return [(e["event"], e["at"]) for e in thread(config, ref)["history"]]


def to_seeker(sandbox, seeker: str) -> list[str]:
    import email
    import email.policy
    return [str(email.message_from_bytes(a.raw, policy=email.policy.default)["X-Mailbot-Kind"])
            for a in sandbox.accepted if seeker in a.rcpt_tos]


def start(config, sandbox, office, seeker, n: int = 1) -> dict:
    """A seeker's request, answered into Review; returns the held offer."""
    sandbox.deliver(office, booking(seeker, office, f"<review-{n}@example.jp>"))
    run_at(config, T0)
    (offer,) = [i for i in held(config) if i["to"] == seeker]
    assert offer["kind"] == "offer" and offer.get("review_copy")
    return offer


def test_moved_to_approved_it_is_sent_at_the_next_cycle(config, mail_sandbox, office, seekers):
    staff = Client(mail_sandbox, office)
    offer = start(config, mail_sandbox, office, seekers[0])
    assert list(staff.ids("Review").values()) == [offer["message_id"]]
    assert to_seeker(mail_sandbox, seekers[0]) == []                    # held: nothing went out

    staff.move(offer["message_id"], "Review", "Approved")
    run_at(config, "2026-12-01T09:20+09:00")
    assert to_seeker(mail_sandbox, seekers[0]) == ["offer"]
    after = item(config, offer["id"])
    assert after["status"] == "sent" and after["approved_by"] == "mail:Approved"
    assert ("mail_approved", "2026-12-01T09:20:00+09:00") in events(config, offer["thread_ref"])
    assert staff.ids("Approved") == {} and staff.ids("Review") == {}    # tidied: nothing waits
    run_at(config, "2026-12-01T09:30+09:00")
    assert to_seeker(mail_sandbox, seekers[0]) == ["offer"]             # once


def test_moved_to_rejected_the_conversation_goes_to_staff(config, mail_sandbox, office, seekers):
    staff = Client(mail_sandbox, office)
    offer = start(config, mail_sandbox, office, seekers[0])
    staff.move(offer["message_id"], "Review", "Rejected")
    run_at(config, "2026-12-01T09:25+09:00")
    assert to_seeker(mail_sandbox, seekers[0]) == []
    assert item(config, offer["id"])["status"] == "rejected"
    record = thread(config, offer["thread_ref"])
    assert record["state"] == "staff" and record["escalation"]["reason"] == "mail_rejected"
    assert ("mail_rejected", "2026-12-01T09:25:00+09:00") in events(config, offer["thread_ref"])
    assert staff.ids("Rejected") == {} and staff.ids("Review") == {}


def test_moved_twice_or_moved_back_the_last_place_counts(config, mail_sandbox, office, seekers):
    staff = Client(mail_sandbox, office)
    first = start(config, mail_sandbox, office, seekers[0], 1)
    second = start(config, mail_sandbox, office, seekers[1], 2)
    # Approved, then on to Rejected before the bot looked: rejected.
    staff.move(first["message_id"], "Review", "Approved")
    staff.move(first["message_id"], "Approved", "Rejected")
    # Approved, then back to Review (changed their mind): still waiting.
    staff.move(second["message_id"], "Review", "Approved")
    staff.move(second["message_id"], "Approved", "Review")
    run_at(config, "2026-12-01T09:20+09:00")
    assert item(config, first["id"])["status"] == "rejected"
    assert item(config, second["id"])["status"] == "held"
    assert to_seeker(mail_sandbox, seekers[0]) == to_seeker(mail_sandbox, seekers[1]) == []
    assert list(staff.ids("Review").values()) == [second["message_id"]]


def test_a_copy_in_both_approved_and_rejected_is_not_sent(config, mail_sandbox, office, seekers):
    """Two decisions at once (copied, not moved): the safe one wins, nothing goes out."""
    staff = Client(mail_sandbox, office)
    offer = start(config, mail_sandbox, office, seekers[0])
    staff.move(offer["message_id"], "Review", "Approved", copy=True)
    staff.move(offer["message_id"], "Review", "Rejected")
    run_at(config, "2026-12-01T09:20+09:00")
    assert to_seeker(mail_sandbox, seekers[0]) == []
    assert item(config, offer["id"])["status"] == "rejected"
    assert staff.ids("Approved") == staff.ids("Rejected") == staff.ids("Review") == {}


def test_a_deleted_copy_comes_back_to_review(config, mail_sandbox, office, seekers):
    """Deleting decides nothing: the mail still waits, and Review shows exactly what waits."""
    staff = Client(mail_sandbox, office)
    offer = start(config, mail_sandbox, office, seekers[0])
    staff.delete(offer["message_id"], "Review")
    run_at(config, "2026-12-01T09:20+09:00")
    assert item(config, offer["id"])["status"] == "held"
    assert list(staff.ids("Review").values()) == [offer["message_id"]]
    staff.move(offer["message_id"], "Review", "Approved")
    run_at(config, "2026-12-01T09:30+09:00")
    assert to_seeker(mail_sandbox, seekers[0]) == ["offer"]


def test_a_stale_approval_is_not_sent_and_goes_back_to_review(config, mail_sandbox, office, seekers):
    from tests.integration.test_cli_process import mailbot

    staff = Client(mail_sandbox, office)
    first = start(config, mail_sandbox, office, seekers[0], 1)
    second = start(config, mail_sandbox, office, seekers[1], 2)
    record = thread(config, first["thread_ref"])
    slots = record["offer"]["slots"]
    # Meanwhile staff book the other seeker into every slot the first offer names (by phone).
    config_path = config.paths.state.parent / "mailbot.toml"
    for slot in slots:
        taken = mailbot("book", second["thread_ref"], slot, "--quiet", "--now", "2026-12-01T09:10+09:00",
                        "--config", config_path)
        assert taken.returncode == 0, taken.stderr
        break                                           # one taken slot makes the offer stale
    staff.move(first["message_id"], "Review", "Approved")
    run_at(config, "2026-12-01T09:20+09:00")
    assert to_seeker(mail_sandbox, seekers[0]) == []                    # never a stale offer
    assert item(config, first["id"])["status"] == "held"
    assert first["message_id"] in staff.ids("Review").values()          # back where it waits
    assert staff.ids("Approved") == {}
    reasons = [str(_header(a.raw, "X-Mailbot-Reason")) for a in mail_sandbox.accepted
               if config_staff(config) in a.rcpt_tos]
    assert reasons.count("mail_stale") == 1
    # Moved to Approved again: still stale, told once only; then rejected, it goes to staff.
    staff.move(first["message_id"], "Review", "Approved")
    run_at(config, "2026-12-01T09:30+09:00")
    assert [str(_header(a.raw, "X-Mailbot-Reason")) for a in mail_sandbox.accepted].count("mail_stale") == 1
    staff.move(first["message_id"], "Review", "Rejected")
    run_at(config, "2026-12-01T09:40+09:00")
    assert item(config, first["id"])["status"] == "rejected"
    assert thread(config, first["thread_ref"])["state"] == "staff"


def test_review_turned_on_while_running_creates_its_folders(mail_sandbox, office, seekers, tmp_path):
    """The daemon started with review off (no Review folder); an admin turns it on: the folders
    are made when first needed, and the held mail is placed there."""
    terms = tmp_path / "terms.txt"
    terms.write_text(TERMS, encoding="utf-8")
    rules = review_rules(tmp_path, "none")
    path = write_bot_config(tmp_path / "mailbot.toml", mail_sandbox, office, state=tmp_path / "state",
                            terms=terms, rules=rules)
    config = load_config(path, {})
    run_at(config, T0)
    staff = Client(mail_sandbox, office)
    assert "Review" not in staff.folders()

    from mailbot.daemon import Bot
    from mailbot.mail.imap import ImapMailbox

    bot = Bot.from_config(config, Clock(datetime.fromisoformat("2026-12-01T09:10+09:00")))
    mailbox = ImapMailbox(config.imap)
    mailbox.connect()
    try:
        mailbox.ensure_folders()                       # as the daemon did at start: review off
        policy = rules / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace("\nreview: none\n", "\nreview: all\n"),
                          encoding="utf-8")
        mail_sandbox.deliver(office, booking(seekers[0], office, "<review-late@example.jp>"))
        bot.cycle(mailbox, once=True)
    finally:
        mailbox.close()
    assert {"Review", "Approved", "Rejected"} <= staff.folders()
    (offer,) = held(config)
    assert list(staff.ids("Review").values()) == [offer["message_id"]]
    assert count(mail_sandbox, seekers[0]) == 0


def config_staff(config) -> str:
    from mailbot.rules import load_rules
    return load_rules(config.paths.rules).office.staff_address


def _header(raw: bytes, name: str):
    import email
    import email.policy
    return email.message_from_bytes(raw, policy=email.policy.default)[name]


