"""The conversation set and its runner's pure parts: every file follows the format, every
behaviour is covered, the expected-failure list names real files, and the mail matcher and mail
builder do what the runner relies on (a runner that passes everything would measure nothing)."""

from __future__ import annotations

import email
import email.message
import email.policy
from collections import Counter
from datetime import datetime

import pytest

from tests.integration.test_conversations import (
    BEHAVIOURS, SetError, Sent, build_mail, check_booking, check_mails, conversation_files,
    load_yaml, match_mails, parse_bookings,
    quoted, read_known_failures, validate,
)


@pytest.mark.parametrize("path", conversation_files(), ids=lambda p: p.stem)
def test_file_follows_the_format(path):
    conv = load_yaml(path)
    validate(conv, path.name)
    assert 2 <= len(conv["steps"]) <= 6, "each conversation has 2-6 steps"


def test_every_behaviour_is_covered_by_several_conversations():
    counts = Counter(key for path in conversation_files() for key in load_yaml(path)["covers"])
    thin = {key: counts[key] for key in BEHAVIOURS if counts[key] < 2}
    assert not thin, f"behaviours covered fewer than twice: {thin}"


def test_known_failures_name_existing_files_with_a_reason():
    names = {p.name for p in conversation_files()}
    known = read_known_failures()
    assert set(known) <= names, f"not in the set: {set(known) - names}"


def test_known_failures_line_without_reason_is_refused(tmp_path):
    path = tmp_path / "known.txt"
    path.write_text("# comment\n\nc01.yaml\n", encoding="utf-8")
    with pytest.raises(SetError, match="known.txt:3"):
        read_known_failures(path)


# -- validation catches typos ---------------------------------------------------------------


def _conv(**step):
    base = {"at": "2026-12-01T09:00+09:00", "tick": True, "expect": {"mails": []}}
    base.update(step)
    return {"title": "t", "covers": ["lapse"], "steps": [base]}


@pytest.mark.parametrize("bad, message", [
    (_conv(expect={"mail": []}), "unknown keys"),
    (_conv(expect={"mails": [{"to": "seeker", "kind": "offerr"}]}), "kind"),
    (_conv(expect={"mails": [{"to": "nobody", "kind": "offer"}]}), "neither a role"),
    (_conv(at="2026-12-01T09:00"), "offset"),
    (_conv(reply={"from": "seeker", "body": "x"}), "exactly one"),
    ({"title": "t", "covers": ["pick_by_minute"], "steps": []}, "covers"),
])
def test_validation_refuses(bad, message):
    with pytest.raises(SetError, match=message):
        validate(bad)


def test_validation_refuses_steps_back_in_time():
    conv = _conv()
    conv["steps"].append({"at": "2026-11-30T09:00+09:00", "tick": True, "expect": {}})
    with pytest.raises(SetError, match="back in time"):
        validate(conv)


# -- matching ---------------------------------------------------------------------------------


def _sent(to, kind, text=""):
    return Sent(to, kind, f"[{kind}]", text, None)


def test_match_exact_set_in_any_order():
    sent = [_sent("seeker2", "redirected"), _sent("seeker", "offer", "1. 12月8日 10:00")]
    assert match_mails([{"to": "seeker", "kind": "offer", "contains": ["12月8日"]},
                        {"to": "seeker2", "kind": "redirected"}], [], sent) == []


def test_match_reports_missing_and_unexpected_mail():
    sent = [_sent("seeker", "confirmed")]
    assert "missing mail to seeker: which_slot" in match_mails(
        [{"to": "seeker", "kind": "which_slot"}], [], sent)[0]
    assert match_mails([], [], sent) == ["unexpected mail to seeker: confirmed ([confirmed])"]


def test_match_checks_contains_absent_and_order():
    sent = [_sent("seeker", "offer", "1. 12月8日\n2. 12月10日\nhttps://x")]
    assert match_mails([{"to": "seeker", "kind": "offer", "in_order": ["12月8日", "12月10日"]}],
                       [], sent) == []
    assert match_mails([{"to": "seeker", "kind": "offer", "in_order": ["12月10日", "12月8日"]}],
                       [], sent)
    assert match_mails([{"to": "seeker", "kind": "offer", "absent": ["https://"]}], [], sent)
    assert match_mails([{"to": "seeker", "kind": "offer", "contains": ["12月9日"]}], [], sent)


def test_match_one_expected_mail_per_sent_mail():
    sent = [_sent("seeker", "offer")]
    assert match_mails([{"to": "seeker", "kind": "offer"}] * 2, [], sent)
    assert match_mails([{"to": "seeker", "kind": "offer"}], [], sent * 2)


def test_maybe_allows_but_does_not_require():
    maybe = [{"to": "stranger", "kind": "staff_ack"}]
    assert match_mails([], maybe, []) == []
    assert match_mails([], maybe, [_sent("stranger", "staff_ack")]) == []
    assert match_mails([], maybe, [_sent("stranger", "confirmed")])


def test_kind_list_means_any_of():
    expected = [{"to": "seeker", "kind": ["offer", "staff_ack"]}]
    assert match_mails(expected, [], [_sent("seeker", "staff_ack")]) == []
    assert match_mails(expected, [], [_sent("seeker", "needs_info")])


def test_matching_is_not_fooled_by_greedy_order():
    # The first expectation fits both mails; only one assignment explains both.
    sent = [_sent("seeker", "offer", "12月8日 12月9日"), _sent("seeker", "offer", "12月8日")]
    expected = [{"to": "seeker", "kind": "offer", "contains": ["12月8日"]},
                {"to": "seeker", "kind": "offer", "contains": ["12月9日"]}]
    assert match_mails(expected, [], sent) == []


# -- the mails the seekers send ----------------------------------------------------------------

WHEN = datetime.fromisoformat("2026-12-01T09:00+09:00")
TEXT = "ハローワーク秋田 御中\n氏名：髙橋 一郎\n希望日時：12月8日（火）の午前\n"


@pytest.mark.parametrize("charset, label, cte", [
    ("utf-8", "utf-8", "base64"), ("iso-2022-jp", "iso-2022-jp", "7bit"),
    ("shift_jis", "shift_jis", "8bit"),
])
def test_built_mail_reads_back(charset, label, cte):
    text = TEXT.replace("髙", "高") if charset == "iso-2022-jp" else TEXT
    raw = build_mail(sender="a@example.jp", name="高橋 一郎", to="office@example.jp",
                     subject="オンライン相談の予約", body=text, charset=charset, when=WHEN,
                     message_id="<m1@example.jp>", in_reply_to="<o1@x>", references="<o0@x> <o1@x>")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg.get_content_charset() == label and msg["Content-Transfer-Encoding"] == cte
    assert msg["Subject"] == "オンライン相談の予約"
    assert msg["From"].addresses[0].display_name == "高橋 一郎"
    assert msg["In-Reply-To"] == "<o1@x>" and msg["References"] == "<o0@x> <o1@x>"
    if charset == "shift_jis":       # Shift_JIS as Windows writes it: cp932 bytes
        assert msg.get_payload(decode=True).decode("cp932") == text.replace("\n", "\r\n")
    else:
        assert msg.get_content().replace("\r\n", "\n") == text


def _office_mail():
    msg = email.message.EmailMessage()
    msg["From"] = "ハローワーク秋田 <office@akita-hw.example.jp>"
    msg["To"] = "taro@example.jp"
    msg["Subject"] = "【ハローワーク秋田】ご予約について"
    msg["Date"] = "Tue, 01 Dec 2026 09:00:00 +0900"
    msg.set_content("山田 様\n\n1. 2026年12月8日(火) 9:00〜9:50\n")
    return email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)


@pytest.mark.parametrize("style, header", [
    ("gmail", "2026年12月1日(火) 9:00 ハローワーク秋田 <office@akita-hw.example.jp>:"),
    ("iphone", "2026/12/01 9:00、ハローワーク秋田 <office@akita-hw.example.jp>のメール:"),
    ("outlook", "差出人: ハローワーク秋田 <office@akita-hw.example.jp>"),
    ("bottom", "2026年12月1日 9:00 ハローワーク秋田 <office@akita-hw.example.jp>:"),
])
def test_quotes_like_mail_clients(style, header):
    text = quoted(style, _office_mail(), "2番でお願いします")
    assert header in text
    assert "2番でお願いします" in text and "2026年12月8日(火) 9:00〜9:50" in text
    if style != "outlook":
        assert "> 1. 2026年12月8日(火) 9:00〜9:50" in text
    if style == "bottom":
        assert text.rstrip().endswith("2番でお願いします")
    else:
        assert text.startswith("2番でお願いします")


# -- staff notices and the booking listing -----------------------------------------------------


def test_staff_notice_defaults_to_none_expected():
    notice = [_sent("staff", "staff_notice")]
    assert check_mails({}, [], []) == []
    assert check_mails({}, [], notice) == ["staff got a notice"]
    assert check_mails({"staff_notice": True}, [], []) == ["staff got no notice"]
    assert check_mails({"staff_notice": True}, [], notice) == []
    assert check_mails({"staff_notice": None}, [], notice) == []
    assert check_mails({"staff_notice": None}, [], []) == []


BOOKINGS = """AK-2612-0001  confirmed   2026-12-08T10:00/c1
AK-2612-0002  offered     2026-12-09T09:00/c1,2026-12-09T10:00/c1
AK-2612-0003  needs_info
"""


def test_booking_listing_is_read_and_checked():
    rows = parse_bookings(BOOKINGS)
    assert rows["AK-2612-0003"] == ("needs_info", "")
    assert check_booking({"state": "confirmed", "slot": "2026-12-08T10:00"}, "AK-2612-0001", rows) == []
    assert check_booking({"slot": "2026-12-09T09:00"}, "AK-2612-0002", rows) == []
    assert check_booking({"state": "confirmed"}, "AK-2612-0002", rows) == [
        "AK-2612-0002: state offered, expected confirmed"]
    assert check_booking({"slot": "2026-12-08T11:00"}, "AK-2612-0001", rows)
    assert check_booking({"state": "offered"}, "AK-2612-0009", rows) == [
        "AK-2612-0009: not listed by `mailbot bookings --all`"]


def test_match_checks_the_recipient():
    # The offer must reach the contact address, not the sender who wrote for them.
    sent = [_sent("seeker2", "offer")]
    assert match_mails([{"to": "seeker", "kind": "offer"}], [], sent)


def test_office_mails_are_sorted_into_seeker_mail_and_staff_notices():
    from mailbot.sandbox import Accepted
    from tests.integration.test_conversations import Conversation, _staff_address

    def raw(to, kind, subject):
        msg = email.message.EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = "office@akita-hw.example.jp", to, subject
        msg["X-Mailbot-Kind"] = kind
        msg.set_content("山田 様\n\n本文\n")
        return msg.as_bytes()

    staff = _staff_address()
    play = Conversation("c.yaml", {"title": "t"}, None, None, None, staff, "office@akita-hw.example.jp")
    seeker = play.address("seeker")
    sent, notices = play._collect([
        Accepted("office@akita-hw.example.jp", (seeker,), raw(seeker, "offer", "ご予約 [予約番号 AK-2612-0007]")),
        Accepted("office@akita-hw.example.jp", (staff,), raw(staff, "staff_notice", "職員へ [予約番号 AK-2612-0007]")),
        Accepted("office@akita-hw.example.jp", ("Shien@NPO.example.org",), raw("Shien@NPO.example.org", "redirected", "転送")),
    ])
    assert [(s.to, s.kind) for s in sent] == [("seeker", "offer"), ("shien@npo.example.org", "redirected")]
    assert [(n.to, n.kind) for n in notices] == [("staff", "staff_notice")]
    assert play.ref == "AK-2612-0007" and play.refs == {"seeker": "AK-2612-0007"}
    assert play.fill("件名 [予約番号 {ref}] {seeker}") == f"件名 [予約番号 AK-2612-0007] {seeker}"


# -- known failures ----------------------------------------------------------------------------


def test_known_failures_judged_by_the_step_they_were_recorded_at():
    from tests.integration.test_conversations import judge_known

    reason = "step 3: 'キャンセルで' is not understood"
    assert judge_known("c.yaml", None, None) == ("pass", "")
    assert judge_known("c.yaml", None, 2)[0] == "fail"
    assert judge_known("c.yaml", reason, 3)[0] == "xfail"
    assert judge_known("c.yaml", reason, 5)[0] == "xfail"                  # progress
    verdict, why = judge_known("c.yaml", reason, 2)                          # regression
    assert verdict == "fail" and "before the recorded step 3" in why
    verdict, why = judge_known("c.yaml", reason, None)                       # fixed
    assert verdict == "fail" and "passes now" in why
    assert judge_known("c.yaml", "no step given", 1)[0] == "xfail"


def test_every_known_failure_records_its_step():
    from tests.integration.test_conversations import recorded_step

    for name, reason in read_known_failures().items():
        assert recorded_step(reason) is not None, f"{name}: reason should start with 'step N:'"
