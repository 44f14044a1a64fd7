"""The application form: every field normalised and checked before anything is stored;
hostile input gets an error code next to its field (texts in templates/web/_macros.html)."""

from __future__ import annotations

import pytest

from mailbot.web.forms import read_application

GOOD = {"slot": "2026-12-04T14:00/c1", "name": "秋田 太郎", "email": "Taro@Example.jp",
        "email2": "taro@example.jp", "phone": "０９０−１２３４−５６７８", "seeker_number": "",
        "note": "", "agree": "yes", "terms_version": "v1"}


def read(**changes):
    return read_application({**GOOD, **changes}, terms_version="v1")


def test_a_good_form_is_normalised():
    app, errors, _ = read(seeker_number="０５０１０１２３４５６７８", note="  通訳が必要です。\r\n手話です。 ")
    assert errors == {}
    assert app.email == "taro@example.jp" and app.phone == "090-1234-5678"
    assert app.seeker_number == "05010-12345678" and app.note == "通訳が必要です。\n手話です。"
    assert app.name == "秋田 太郎"


def test_old_carrier_addresses_pass():
    assert read(email="taro..yamada@docomo.ne.jp", email2="taro..yamada@docomo.ne.jp")[1] == {}


@pytest.mark.parametrize("changes, field, code", [
    ({"name": ""}, "name", "required"),
    ({"name": "   "}, "name", "required"),
    ({"name": "あ" * 41}, "name", "too_long"),
    ({"name": "秋田\x00太郎"}, "name", "bad_chars"),
    ({"name": "秋田\u202e太郎"}, "name", "bad_chars"),          # a bidi override
    ({"name": "秋田\u200b太郎"}, "name", "bad_chars"),          # zero width space
    ({"email": "taro@", "email2": "taro@"}, "email", "email_invalid"),
    ({"email": "taro@example", "email2": "taro@example"}, "email", "email_invalid"),
    ({"email": "a@b.jp\nBcc: x@y.jp", "email2": "a@b.jp"}, "email", "bad_chars"),
    ({"email": "a b@example.jp", "email2": "a b@example.jp"}, "email", "email_invalid"),
    ({"email2": "jiro@example.jp"}, "email2", "email_mismatch"),
    ({"phone": "12345"}, "phone", "phone_invalid"),
    ({"phone": "090<b>1234</b>"}, "phone", "phone_invalid"),
    ({"phone": "090-1234\n5678"}, "phone", "bad_chars"),
    ({"seeker_number": "123"}, "seeker_number", "seeker_number_invalid"),
    ({"note": "あ" * 1001}, "note", "too_long"),
    ({"note": "改行は可\n\x1b[31m色は不可"}, "note", "bad_chars"),
    ({"agree": ""}, "agree", "agree_required"),
    ({"agree": "on"}, "agree", "agree_required"),
    ({"terms_version": "v0"}, "agree", "terms_changed"),
    ({"slot": "../../etc/passwd"}, "slot", "slot_invalid"),
])
def test_bad_input_gets_an_error_next_to_its_field(changes, field, code):
    app, errors, shown = read(**changes)
    assert app is None and errors[field] == code


def test_every_error_is_reported_at_once_and_values_come_back_to_the_form():
    app, errors, shown = read_application({"name": "<b>秋田</b>", "agree": ""}, terms_version="v1")
    assert app is None
    assert set(errors) == {"slot", "email", "email2", "phone", "agree"}
    assert shown["name"] == "<b>秋田</b>"            # shown again, escaped by the page template
