"""The staff desk commands through click's CliRunner: the day sheet, thread show, staff
list/resolve, outbox list/edit, reply, preview, parse --now; exit codes and quiet output.
(The same commands against real Dovecot + SMTP: tests/integration/test_staff_commands.py.)"""

from __future__ import annotations

import email
import email.policy
import getpass
from pathlib import Path

from mailbot import engine
from mailbot.compose import Composer
from mailbot.rules import load_rules
from mailbot.store import Store
from tests.integration.mailflow import write
from tests.unit.test_cli import _clean_env, edit, invoke, office, with_booking  # noqa: F401 (fixtures)

NOW = "2026-12-01T10:00+09:00"
OFFICE = "office@akita-hw.example.jp"


def state(config: Path) -> Store:
    return Store(config.parent / "state")


def mail_in(config: Path, raw: bytes, key: str, now: str = "2026-12-01T09:00+09:00") -> str:
    from datetime import datetime

    base = config.parent
    composer = Composer(base / "templates", base / "templates" / "terms-of-use.txt", OFFICE)
    with state(config).transaction() as tx:
        return engine.handle_message(tx, raw, key, rules=load_rules(base / "rules"),
                                     now=datetime.fromisoformat(now), composer=composer).ref


def question(config: Path) -> str:
    return mail_in(config, write("hanako@example.jp", OFFICE, "質問", "オンライン相談はどのアプリを使いますか？\n花子"),
                   "INBOX:1:2")


def booked(config: Path) -> str:
    ref = with_booking(config)
    result = invoke("--config", config, "book", ref, "2026-12-07T10:00", "--now", NOW)
    assert result.exit_code == 0, result.output
    return ref


def message(config: Path, item_id: str) -> email.message.EmailMessage:
    with state(config).snapshot() as tx:
        return email.message_from_bytes(tx.outbox_raw(item_id), policy=email.policy.default)


def body_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "body.txt"
    path.write_text(text, encoding="utf-8")
    return path


# -- bookings --date / --week -------------------------------------------------------------------


def test_the_day_sheet_shows_time_counter_name_number_url_and_state(office: Path):
    ref = booked(office)
    result = invoke("--config", office, "bookings", "--date", "2026-12-07")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "2026-12-07(月): 1 session"
    row = lines[3]
    for part in ("2026-12-07(月) 10:00", ref, "山田 太郎", "05010-23418765", "https://", "confirmed", "職員が確定"):
        assert part in row
    header = lines[1]
    # the columns line up although the name is full-width
    from mailbot.tables import width
    assert width(header[:header.index("seeker no.")]) == width(row[:row.index("05010")])


def test_the_week_sheet_and_an_empty_day(office: Path):
    ref = booked(office)
    week = invoke("--config", office, "bookings", "--week", "--now", "2026-12-08T09:00+09:00")
    assert week.stdout.startswith("2026-12-07(月) – 2026-12-13(日): 1 session") and ref in week.stdout
    assert invoke("--config", office, "bookings", "--date", "2026-12-08").stdout == "2026-12-08(火): no sessions\n"
    assert invoke("--config", office, "bookings").stdout.startswith(f"{ref}  confirmed")   # today's list


def test_bookings_usage_errors_exit_2(office: Path):
    assert invoke("--config", office, "bookings", "--date", "2026-13-01").exit_code == 2
    assert invoke("--config", office, "bookings", "--date", "2026-12-07", "--all").exit_code == 2


def test_a_failed_send_is_flagged_on_the_day_sheet(office: Path):
    from datetime import datetime

    ref = booked(office)
    base = office.parent
    composer = Composer(base / "templates", base / "templates" / "terms-of-use.txt", OFFICE)
    with state(office).transaction() as tx:
        item = next(i for i in tx.outbox() if i["kind"] == "confirmed")
        tx.update_outbox(item["id"], status="failed")
        engine.delivery_failed(tx, item, code=550, text="mailbox unavailable", permanent=True,
                               now=datetime.fromisoformat(NOW), rules=load_rules(base / "rules"),
                               composer=composer)
    assert "送信失敗" in invoke("--config", office, "bookings", "--date", "2026-12-07").stdout


# -- thread show --------------------------------------------------------------------------------


def test_thread_show_has_every_mail_state_change_and_the_escalation(office: Path):
    ref = question(office)
    result = invoke("--config", office, "thread", "show", ref, "--now", "2026-12-02T09:00+09:00")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert out.startswith(f"{ref}  staff")
    assert "escalation    question since 2026-12-01 09:00, 1 business day" in out
    assert "in     mail.question  質問  from hanako@example.jp" in out
    assert "| オンライン相談はどのアプリを使いますか？" in out
    assert "new → staff" in out and "(reason=question)" in out
    assert "out    staff_ack" in out and "お問い合わせを承りました" in out
    assert "staff_notice" in out


def test_thread_show_of_an_unknown_reference_is_one_line_and_non_zero(office: Path):
    result = invoke("--config", office, "thread", "show", "AK-2612-9999")
    assert result.exit_code == 1 and "no conversation AK-2612-9999" in result.stderr
    assert invoke("--config", office, "thread", "show").exit_code == 2


# -- staff list / resolve -----------------------------------------------------------------------


def test_staff_list_ages_in_office_days_and_flags_overdue(office: Path):
    ref = question(office)            # Tuesday 09:00
    fri = invoke("--config", office, "staff", "list", "--now", "2026-12-04T09:00+09:00").stdout
    assert "1 open, 0 overdue, 1 due today" in fri and f"{ref}  staff  question" in fri and "3d" in fri
    mon = invoke("--config", office, "staff", "list", "--now", "2026-12-07T09:00+09:00").stdout
    assert "4d" in mon and "OVERDUE" in mon                       # Saturday and Sunday do not count
    wed = invoke("--config", office, "staff", "list", "--now", "2026-12-02T09:00+09:00").stdout
    assert "1d" in wed and "OVERDUE" not in wed


def test_staff_resolve_records_who_and_when(office: Path):
    ref = question(office)
    result = invoke("--config", office, "staff", "resolve", ref, "--note", "電話で回答",
                    "--now", "2026-12-02T11:00+09:00")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == f"{ref}  resolved by {getpass.getuser()} at 2026-12-02 11:00  now needs_info\n"
    with state(office).snapshot() as tx:
        last = tx.get_thread(ref)["history"][-1]
    assert last["event"] == "resolved" and last["at"] == "2026-12-02T11:00:00+09:00"
    assert last["detail"]["note"] == "電話で回答" and last["detail"]["user"] == getpass.getuser()
    assert invoke("--config", office, "staff", "list").stdout == "no open escalations\n"
    again = invoke("--config", office, "staff", "resolve", ref, "--note", "x")
    assert again.exit_code == 1 and "nothing open" in again.stderr
    assert invoke("--config", office, "staff", "resolve", ref).exit_code == 2           # --note required
    assert invoke("--config", office, "staff", "resolve", "AK-2612-9999", "--note", "x").exit_code == 1


# -- outbox list / edit -------------------------------------------------------------------------


def test_outbox_list_shows_id_kind_to_subject_age_and_reference(office: Path):
    ref = with_booking(office)
    result = invoke("--config", office, "outbox", "list", "--now", "2026-12-01T12:00+09:00")
    header, rule, row = result.stdout.splitlines()[:3]
    assert header.split() == ["id", "status", "kind", "to", "subject", "age", "ref"]
    assert row.split()[:4] == ["OB000001", "pending", "offer", "taro@example.jp"]
    assert "【" in row and "3h" in row and row.endswith(ref)
    assert invoke("--config", office, "outbox", "list", "--status", "held").stdout == "outbox empty\n"


def held_offer(config: Path) -> tuple[str, str]:
    edit(config.parent / "rules" / "policy.yaml", "review: none", "review: all")
    ref = with_booking(config)
    with state(config).snapshot() as tx:
        (item,) = tx.outbox(status="held")
    return ref, item["id"]


def test_outbox_edit_rewrites_a_held_mail_through_the_composer(office: Path, tmp_path: Path):
    ref, item_id = held_offer(office)
    before = message(office, item_id)
    text = "山田 太郎 様\n\n職員が書き直した本文です。\n1. 12月4日(金) 14:00〜14:50\n"
    result = invoke("--config", office, "outbox", "edit", item_id, "--body-file", body_file(tmp_path, text),
                    "--now", NOW)
    assert result.exit_code == 0 and result.stderr == "", result.output
    new_id = result.stdout.split()[0]
    assert new_id != item_id and f"replaces {item_id}" in result.stdout
    with state(office).snapshot() as tx:
        old, new = tx.get_outbox(item_id), tx.get_outbox(new_id)
        thread = tx.get_thread(ref)
    assert old["status"] == "rejected" and old["replaced_by"] == new_id and old["reason"] == "edited"
    assert new["status"] == "held" and new["edited_by"] == getpass.getuser() and new["kind"] == "offer"
    after = message(office, new_id)
    assert after.get_body(("plain",)).get_content() == text
    assert after.get_body(("plain",)).get_content_charset() == "utf-8"
    for header in ("From", "To", "Subject", "In-Reply-To", "References", "X-Mailbot-Ref"):
        assert after[header] == before[header], header
    assert after["Message-ID"] != before["Message-ID"] and after["Message-ID"] in thread["message_ids"]
    assert [p.get_filename() for p in after.iter_attachments()] == \
        [p.get_filename() for p in before.iter_attachments()]
    assert thread["history"][-1]["event"] == "mail_edited"
    assert thread["history"][-1]["detail"]["user"] == getpass.getuser()
    # the edited mail is what gets approved
    assert invoke("--config", office, "outbox", "approve", new_id).exit_code == 0
    again = invoke("--config", office, "outbox", "edit", item_id, "--body-file", body_file(tmp_path, "x"))
    assert again.exit_code == 1 and "not a held outbox item" in again.stderr


def test_outbox_commands_name_an_unknown_id(office: Path, tmp_path: Path):
    for args in (("show", "OB999999"), ("approve", "OB999999"), ("reject", "OB999999", "--reason", "x"),
                 ("edit", "OB999999", "--body-file", body_file(tmp_path, "x")), ("show", "../../etc")):
        result = invoke("--config", office, "outbox", *args)
        assert result.exit_code == 1 and "no outbox item" in result.stderr, args
        assert "Traceback" not in result.output
    assert invoke("--config", office, "outbox", "edit", "OB000001").exit_code == 2       # --body-file
    assert invoke("--config", office, "outbox", "edit", "OB000001", "--body-file", tmp_path / "none").exit_code == 2


# -- reply --------------------------------------------------------------------------------------


def test_reply_goes_into_the_thread_from_the_office_with_the_reference(office: Path, tmp_path: Path):
    ref = question(office)
    result = invoke("--config", office, "reply", ref, "--body-file",
                    body_file(tmp_path, "アプリは Teams です。\nスマートフォンでも使えます。\n"), "--now", NOW)
    assert result.exit_code == 0 and result.stderr == "", result.output
    item_id = result.stdout.split()[0]
    assert "sent at the next cycle" in result.stdout
    msg = message(office, item_id)
    with state(office).snapshot() as tx:
        thread = tx.get_thread(ref)
        item = tx.get_outbox(item_id)
    assert item["kind"] == "staff_reply" and item["status"] == "pending" and item["to"] == "hanako@example.jp"
    assert ref in str(msg["Subject"]) and msg["From"].addresses[0].addr_spec == OFFICE
    assert msg["In-Reply-To"] == thread["last_in_message_id"]
    assert thread["last_in_message_id"] in str(msg["References"])
    text = msg.get_body(("plain",)).get_content()
    assert "アプリは Teams です。\nスマートフォンでも使えます。" in text and text.startswith("花子 様")
    assert thread["history"][-1]["event"] == "staff_reply"
    assert thread["history"][-1]["detail"]["user"] == getpass.getuser()


def test_reply_is_held_under_review_and_stopped_for_an_undeliverable_address(office: Path, tmp_path: Path):
    edit(office.parent / "rules" / "policy.yaml", "review: none", "review: all")
    ref = question(office)
    held = invoke("--config", office, "reply", ref, "--body-file", body_file(tmp_path, "回答です。"))
    assert held.exit_code == 0 and "held for review" in held.stdout
    with state(office).transaction() as tx:
        tx.set_meta("undeliverable:hanako@example.jp", {"at": NOW, "ref": ref})
    stopped = invoke("--config", office, "reply", ref, "--body-file", body_file(tmp_path, "回答です。"))
    assert stopped.exit_code == 1 and "not queued" in stopped.stderr


def test_reply_errors(office: Path, tmp_path: Path):
    assert invoke("--config", office, "reply", "AK-2612-9999", "--body-file",
                  body_file(tmp_path, "x")).exit_code == 1
    ref = question(office)
    assert invoke("--config", office, "reply", ref).exit_code == 2
    assert invoke("--config", office, "reply", ref, "--body-file", body_file(tmp_path, "  \n")).exit_code == 2


# -- preview, parse --now -----------------------------------------------------------------------


def test_preview_renders_sample_or_thread_data_without_recording(office: Path):
    sample = invoke("--config", office, "preview", "offer")
    assert sample.exit_code == 0 and sample.stderr == ""
    assert "Subject: 【" in sample.stdout and "見本 太郎 様" in sample.stdout and "[attachment]" in sample.stdout
    ref = with_booking(office)
    mine = invoke("--config", office, "preview", "offer", "--thread", ref, "--now", NOW)
    assert "山田 太郎 様" in mine.stdout and "To: taro@example.jp" in mine.stdout
    with state(office).snapshot() as tx:
        assert len(tx.outbox()) == 1                                        # only the bot's offer
    unknown = invoke("--config", office, "preview", "bogus")
    assert unknown.exit_code == 2 and "no template 'bogus'" in unknown.stderr
    assert invoke("--config", office, "preview", "offer", "--thread", "AK-2612-9999").exit_code == 1


def test_parse_now_anchors_a_snippet_without_a_date(tmp_path: Path):
    snippet = tmp_path / "s.txt"
    snippet.write_text("明日の14時にお願いします。\n", encoding="utf-8")
    without = invoke("parse", snippet)
    assert "no_date" in without.stdout
    result = invoke("parse", "--now", "2026-12-01T10:00+09:00", snippet)
    assert "2026-12-02(水) 14:00" in result.stdout and "broken_mail" not in result.stdout
    assert invoke("parse", "--now", "tomorrow", snippet).exit_code == 2


def test_desk_commands_log_only_with_verbose(office: Path, tmp_path: Path):
    ref = question(office)
    quiet = invoke("--config", office, "reply", ref, "--body-file", body_file(tmp_path, "回答です。"))
    assert quiet.stderr == ""
    loud = invoke("--config", office, "reply", ref, "--body-file", body_file(tmp_path, "回答です。"), "-v")
    assert f"{ref}: staff reply queued" in loud.stderr and "hanako" not in loud.stderr
    for args in (("staff", "list"), ("thread", "show", ref), ("bookings", "--week"), ("preview", "offer")):
        assert invoke("--config", office, *args).stderr == "", args
