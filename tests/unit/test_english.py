"""English and mixed mail (issue 8 item 4), with phrasings of our own: dates with month names,
names after an introduction, option numbers in words, and the intents they carry."""

from __future__ import annotations

from datetime import date, time

import pytest

from mailbot.understand import understand
from mailbot.understand.dates import DEFAULT_WINDOWS
from mailbot.understand.english import english_choices, english_name, english_requested

TODAY = date(2026, 12, 1)


def wishes(text: str) -> list[tuple]:
    return [(r.date.isoformat(), r.start and r.start.strftime("%H:%M"), r.end and r.end.strftime("%H:%M"))
            for _, r in english_requested(text, TODAY, DEFAULT_WINDOWS)]


@pytest.mark.parametrize("text, want", [
    ("Could we meet on Dec 3 at 2pm?", [("2026-12-03", "14:00", None)]),
    ("I am free on 3rd December, 14:00.", [("2026-12-03", "14:00", None)]),
    ("Tuesday, December 8 from 10:30 am would be great", [("2026-12-08", "10:30", None)]),
    ("The 9th of December in the morning, please.", [("2026-12-09", "09:00", "12:00")]),
    ("Dec. 10 afternoon is OK for me", [("2026-12-10", "13:00", "17:00")]),
    ("Is Jan 6, 10:00-11:00 possible?", [("2027-01-06", "10:00", "11:00")]),
    ("December 11 at 3 works", [("2026-12-11", "15:00", None)]),
    ("Any time on December 14 is fine.", [("2026-12-14", None, None)]),
])
def test_english_dates_are_wishes(text, want):
    assert wishes(text) == want


@pytest.mark.parametrize("text", [
    "Please move my appointment from Dec 7 to",          # the old date of a move
    "I will be away until December 20.",                 # an absence
    "Please reply before December 5.",                   # a deadline
    "I need to cancel my appointment on December 9.",    # the booking being cancelled
    "I had an interview on December 2.",                 # a past event
])
def test_english_dates_that_are_not_wishes(text):
    assert wishes(text) == []


def test_the_new_date_of_a_move_is_a_wish():
    assert wishes("Can I move it from Dec 7 to Dec 9 at 11am?") == [("2026-12-09", "11:00", None)]


@pytest.mark.parametrize("text, want", [
    ("Hello,\nMy name is Amara Okafor and I live in Akita.", "Amara Okafor"),
    ("Hi. I'm Luis Fernandez, a cook.", "Luis Fernandez"),
    ("I am Tran Minh.", "Tran Minh"),
    ("Thanks for your help.\nBest regards,\nPriya Nair", "Priya Nair"),
    ("Option 2 is good.\nKofi", "Kofi"),
])
def test_english_names(text, want):
    assert english_name(text)[0] == want


@pytest.mark.parametrize("text", [
    "I am from Brazil and I am looking for work.",
    "I am very sorry for the late reply.",
    "Thank you very much\nBest regards",
    "Hello\nThanks",
    "Please verify your account.\nMail Administrator",   # a role signs, nobody's name
    "Best regards,\nCustomer Support Team",
])
def test_no_name_from_english_prose(text):
    assert english_name(text) is None


@pytest.mark.parametrize("text, want", [
    ("I'll go with option 3.", [3]), ("Number 1 please", [1]), ("the first one is best", []),
    ("Slot #2 works for me", [2]), ("My phone number 080-1111-2222", []),
])
def test_english_option_numbers(text, want):
    assert english_choices(text) == want


def _mail(body: str, subject: str = "Consultation", reply: bool = False) -> bytes:
    head = ("From: Amara Okafor <amara@example.com>\r\nTo: online-soudan@akita-hw.example.jp\r\n"
            f"Subject: {subject}\r\nDate: Tue, 01 Dec 2026 10:00:00 +0900\r\nMessage-ID: <e1@example.com>\r\n")
    if reply:
        head += "In-Reply-To: <mb.1@akita-hw.example.jp>\r\n"
    return (head + "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + body.replace("\n", "\r\n")).encode()


def test_an_english_booking_reads_whole():
    raw = _mail("Hello,\nMy name is Amara Okafor. I would like to book an online consultation\n"
                "on Dec 3 at 2pm. I need an English interpreter.\nSeeker number: 05010-12345678\n"
                "Phone: 090-1234-5678\n")
    got = understand(raw)[1].to_json()
    assert (got["intent"], got["name"], got["attendant"], got["requested"]) == (
        "book", "Amara Okafor", "interpreter", [{"date": "2026-12-03", "start": "14:00", "end": None}])


@pytest.mark.parametrize("body, intent, choice", [
    ("I'll take option 2. Thank you.", "confirm", 2),
    ("Sorry, I have to cancel my appointment.", "cancel", None),
    ("Could I reschedule my appointment to Dec 10 at 10am?", "reschedule", None),
    ("If I need to cancel, how should I tell you?", "question", None),
])
def test_english_replies(body, intent, choice):
    got = understand(_mail(body, "Re: booking", reply=True))[1]
    assert (got.intent, got.choice) == (intent, choice)


def test_a_position_is_asked_back_like_saishono():
    from mailbot.understand.fields import extract_choice
    choice, warnings = extract_choice("The first one is perfect, thanks.")
    assert choice is None and warnings[0].startswith("position_choice:")


@pytest.mark.parametrize("text, field", [
    ("I'm sorry, I must cancel my booking.", "cancel"),
    ("Can we move my appointment to another day?", "change"),
    ("I agree to the terms.", "consent"),
    ("I would like to book a consultation.", "asks_to_book"),
])
def test_english_signals_for_the_conversation(text, field):
    from mailbot.understand.signals import read_signals
    assert getattr(read_signals(text), field)


def test_a_general_english_question_cancels_nothing():
    from mailbot.understand.signals import read_signals
    s = read_signals("If I have to cancel, how do I let you know?")
    assert not s.cancel and s.question


def test_the_new_date_after_my_appointment_from_to():
    assert wishes("Could I move my appointment from Dec 7 to Dec 10 at 4pm?") == [("2026-12-10", "16:00", None)]


def test_an_english_seeker_number_label_takes_any_grouping():
    from mailbot.understand.fields import extract_seeker_number
    assert extract_seeker_number("Job seeker number: 05010 2222 3333") == "05010-22223333"


def test_an_english_form_in_a_reply_is_a_booking():
    body = "Name: Tran Minh\nPreferred date: Dec 9, 10:00-11:00\nThank you."
    assert understand(_mail(body, "Re: consultation", reply=True))[1].intent == "book"


@pytest.mark.parametrize("text, want", [
    ("Is tomorrow afternoon possible?", [("2026-12-02", "13:00", "17:00")]),   # TODAY is Tue 1 Dec
    ("Could I come next Monday at 10am?", [("2026-12-07", "10:00", None)]),
    ("Next Friday between 1 and 3 pm would be good.", [("2026-12-11", "13:00", "15:00")]),
    ("This Thursday at 2:30 pm, please.", [("2026-12-03", "14:30", None)]),
])
def test_english_relative_days(text, want):
    assert wishes(text) == want


@pytest.mark.parametrize("text", ["I work on Mondays.", "See you tomorrow!", "I was busy on Friday."])
def test_english_weekdays_in_prose_are_no_wish(text):
    assert wishes(text) == []


@pytest.mark.parametrize("text", ["I am Vietnamese and I live in Akita.", "I'm Currently looking for work."])
def test_what_i_am_says_that_is_no_name(text):
    assert english_name(text) is None


def test_cancelling_something_else_is_not_cancelling_the_booking():
    from mailbot.understand.signals import read_signals
    assert not read_signals("I had to cancel my job interview, so I am free now.").cancel
    assert read_signals("I have a job interview, so I must cancel my appointment.").cancel


@pytest.mark.parametrize("text", ["Sorry, I can't make it on Dec 15.", "I am busy on December 16 all day.",
                                  "Next Monday is not possible for me."])
def test_english_days_ruled_out(text):
    assert wishes(text) == []


def test_a_fallback_after_if_not_possible_is_a_wish():
    assert wishes("If that is not possible, December 9 in the afternoon is fine.") == [("2026-12-09", "13:00", "17:00")]


@pytest.mark.parametrize("text, want", [
    ("Is December 18th, 3 p.m. available? Thanks, Ram Bahadur", "Ram Bahadur"),
])
def test_a_name_after_thanks_on_the_same_line(text, want):
    assert english_name(text)[0] == want


def test_the_first_line_of_a_signature_block():
    assert english_name("--\nLi Wei\nTel: 090-2222-3333", signature=True)[0] == "Li Wei"


@pytest.mark.parametrize("text, want", [("the 2nd option please", [2]), ("The third one is fine.", [3])])
def test_english_ordinals_written_like_nibanme(text, want):
    assert english_choices(text) == want


def test_a_slash_date_with_an_english_time():
    got = understand(_mail("Could I have a consultation on 12/17 at 10?"))[1]
    assert [(r.date.isoformat(), r.start.strftime("%H:%M")) for r in got.requested] == [("2026-12-17", "10:00")]


def test_id_like_an_interpreter_joins():
    from mailbot.understand.fields import extract_attendant
    assert extract_attendant("I'd like a Nepali interpreter.") == "interpreter"


@pytest.mark.parametrize("body", ["Yes, that is fine. Thank you.", "That's perfect, please book it.", "I agree to the terms."])
def test_english_consent_to_a_single_offer(body):
    got = understand(_mail(body, "Re: booking", reply=True))[1]
    assert got.intent == "confirm" and got.signals.consent


# --- holdout8 kinds (own phrasings) -----------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    # a part of day after "any time"
    ("- Wednesday, December 9, any time in the afternoon", [("2026-12-09", "13:00", "17:00")]),
    ("December 10, sometime in the morning please", [("2026-12-10", "09:00", "12:00")]),
    # one time written after two dates joined by "or"
    ("Could I come on Dec 8 or Dec 10, same time (14:00)?", [("2026-12-08", "14:00", None), ("2026-12-10", "14:00", None)]),
    ("Is Dec 8 or Dec 10 at 3pm possible?", [("2026-12-08", "15:00", None), ("2026-12-10", "15:00", None)]),
])
def test_english_times_shared_and_parts_of_day(text, want):
    assert wishes(text) == want


def test_a_hard_wrapped_move_keeps_its_old_date_out():
    text = "Sorry, something came up. Could you move my appointment from\nDec 7 to Dec 9 at 10am?"
    assert wishes(text) == [("2026-12-09", "10:00", None)]


def test_a_new_line_still_ends_a_list_item():
    assert wishes("Preferred times:\n- Dec 8, 10am\n- Dec 9 afternoon") == [
        ("2026-12-08", "10:00", None), ("2026-12-09", "13:00", "17:00")]


def test_mixed_mail_an_interview_day_is_no_wish_and_afternoon_is_a_window():
    raw = ("From: a@example.com\r\nTo: online-soudan@akita-hw.example.jp\r\nSubject: Re: booking\r\n"
           "Date: Tue, 01 Dec 2026 09:00:00 +0900\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "Sorry, I have a job interview on 12/8. Could I change the consultation to\r\n"
           "12/11(金) afternoon? 午後なら大丈夫です。\r\n").encode()
    got = understand(raw)[1]
    assert [r.to_json() for r in got.requested] == [{"date": "2026-12-11", "start": "13:00", "end": "17:00"}]
