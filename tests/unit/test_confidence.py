"""Per-field reason and confidence (issue 8 item 2): every field says which rule produced it, and
a field below the threshold is left empty with a warning so the workflow asks."""

from __future__ import annotations

from mailbot.understand import understand
from mailbot.understand.confidence import THRESHOLD, Reading, apply_threshold


def _mail(body: str, display: str = "") -> bytes:
    sender = f"{display} <w@example.com>" if display else "w@example.com"
    return (f"From: {sender}\r\nTo: online-soudan@akita-hw.example.jp\r\nSubject: Re: booking\r\n"
            "Date: Tue, 01 Dec 2026 10:00:00 +0900\r\nIn-Reply-To: <mb.1@akita-hw.example.jp>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")).encode()


def test_each_field_has_value_reason_and_confidence():
    raw = ("From: a@example.jp\r\nTo: online-soudan@akita-hw.example.jp\r\nSubject: 予約\r\n"
           "Date: Tue, 01 Dec 2026 10:00:00 +0900\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "氏名：秋山 健\r\n希望日時：12月3日 14:00\r\n").encode()
    got = understand(raw)[1].to_json()
    keys = ["intent", "name", "seeker_number", "email", "phone", "requested", "choice", "attendant", "warnings"]
    assert list(got)[:len(keys)] == keys                      # the contract's keys first, unchanged
    assert got["fields"]["name"] == {"value": "秋山 健", "reason": "label", "confidence": 0.95}
    assert got["fields"]["requested"]["reason"] == "dates"
    assert got["fields"]["choice"] == {"value": None, "reason": None, "confidence": 0.0}


def test_a_lone_first_name_with_nothing_behind_it_is_asked():
    got = understand(_mail("Option 2 is good for me.\nKofi"))[1]
    assert got.name is None and got.choice == 2
    assert any(w.startswith("low_confidence: name") for w in got.warnings)


def test_the_same_first_name_backed_by_the_from_header_is_kept():
    got = understand(_mail("Option 2 is good for me.\nKofi", display="Kofi Mensah"))[1]
    assert got.name == "Kofi" and not any(w.startswith("low_confidence") for w in got.warnings)


def test_threshold_drops_only_what_is_below_it():
    kept, warnings = apply_threshold({"a": Reading("x", "r", THRESHOLD), "b": Reading("y", "weak", THRESHOLD - 0.01)})
    assert kept["a"].value == "x" and kept["b"].value is None and len(warnings) == 1
