"""The labelled public examples: every field at least 97 % right, every automated mail caught.

Skipped when the shared folder is absent (MAILBOT_SHARED_DIR overrides its location).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MAILBOT_SHARED_DIR", ROOT.parent / "shared"))
EXAMPLES = SHARED / "examples"

needs_examples = pytest.mark.skipif(not (EXAMPLES / "labels.json").exists(),
                                reason="shared examples not present")


def _evaluate():
    spec = importlib.util.spec_from_file_location("parse_accuracy", ROOT / "bench" / "parse_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate(EXAMPLES)


@pytest.fixture(scope="module")
def result():
    return _evaluate()


@needs_examples
@pytest.mark.parametrize("field", ["intent", "name", "seeker_number", "email", "phone",
                                   "requested", "choice", "attendant"])
def test_field_accuracy(result, field):
    misses = [m for m in result["misses"] if m[1] == field]
    assert result["accuracy"][field] >= 0.97, misses


@needs_examples
def test_every_automated_mail_is_caught(result):
    caught, total = result["automated"]
    assert caught == total


# --- synthetic mails: the same shapes as the examples, other people, dates and phrasings ------
from email.header import Header  # noqa: E402
from email.mime.text import MIMEText  # noqa: E402
from email.utils import formataddr  # noqa: E402

from mailbot.understand import understand  # noqa: E402


def _mail(body: str, *, date: str, subject: str = "相談の予約", sender: str = "seeker@example.jp",
          display: str = "", irt: str | None = None, charset: str = "utf-8") -> bytes:
    msg = MIMEText(body, "plain", charset)
    msg["From"] = formataddr((str(Header(display, "utf-8")), sender)) if display else sender
    msg["To"] = "online-soudan@office.example.jp"
    msg["Subject"] = str(Header(subject, "utf-8"))
    msg["Date"] = date
    msg["Message-ID"] = "<x1@example.jp>"
    if irt:
        msg["In-Reply-To"] = irt
    return msg.as_bytes()


OFFER_QUOTE = """
2026年12月1日(火) 16:05 オフィス <online-soudan@office.example.jp>:

> 山本 様
>
> 1. 2026年12月3日(木) 13:00〜13:50
> 2. 2026年12月4日(金) 10:00〜10:50
> 3. 2026年12月8日(火) 11:00〜11:50
>
> TEL：018-860-0000（平日 8:30〜17:15）
"""

SYNTHETIC = [
    # (body, headers, expected subset)
    ("ご担当者様\n\nはじめまして。山本 裕子と申します。\n相談の予約をお願いします。\n\n"
     "求職番号：０５０２０－１１２２３３４４\n希望日時：１２月７日（月）午後３時\n"
     "電話番号：０８０－１２３４－５６７８\n\nよろしくお願いいたします。",
     {"date": "Tue, 01 Dec 2026 09:00:00 +0900"},
     {"intent": "book", "name": "山本 裕子", "seeker_number": "05020-11223344",
      "phone": "080-1234-5678", "requested": [{"date": "2026-12-07", "start": "15:00", "end": None}]}),
    ("ハローワーク秋田 御中\n\n【氏名】小林 大樹（こばやし だいき）\n【求職番号】05030-99887766\n"
     "【希望日時】\n　第1希望：令和8年12月14日（月）午前10時\n　第2希望：R8.12.16 13:30\n"
     "【電話】+81 90-2222-3333\n【メール】Daiki.K@Example.com\n",
     {"date": "Mon, 07 Dec 2026 08:00:00 +0900", "sender": "other@example.jp"},
     {"intent": "book", "name": "小林 大樹", "email": "daiki.k@example.com", "phone": "090-2222-3333",
      "requested": [{"date": "2026-12-14", "start": "10:00", "end": None},
                    {"date": "2026-12-16", "start": "13:30", "end": None}]}),
    ("夜分に失礼します。森下あかりと申します。\n再来週の水曜日の午前中に相談できますでしょうか。\n"
     "求職番号は05010 55667788です。\n携帯：07011112222",
     {"date": "Thu, 03 Dec 2026 22:00:00 +0900"},
     {"intent": "book", "name": "森下あかり", "seeker_number": "05010-55667788", "phone": "07011112222",
      "requested": [{"date": "2026-12-16", "start": "09:00", "end": "12:00"}]}),
    ("お世話になっております。山本です。\n③でお願いします。\n規約に同意します。\n\n山本 裕子\n" + OFFER_QUOTE,
     {"date": "Wed, 02 Dec 2026 08:00:00 +0900", "subject": "Re: ご予約について", "irt": "<o@office.example.jp>"},
     {"intent": "confirm", "name": "山本 裕子", "choice": 3, "requested": [], "phone": None}),
    ("承知しました。よろしくお願いします。\n" + OFFER_QUOTE,
     {"date": "Wed, 02 Dec 2026 08:00:00 +0900", "subject": "Re: ご予約について", "irt": "<o@office.example.jp>"},
     {"intent": "confirm", "name": None, "choice": None, "requested": []}),
    ("お世話になります。山本です。\n12月8日の11時の枠でお願いします。\n\n山本 裕子\n" + OFFER_QUOTE,
     {"date": "Wed, 02 Dec 2026 08:00:00 +0900", "subject": "Re: ご予約について", "irt": "<o@office.example.jp>"},
     {"intent": "confirm", "choice": None, "requested": [{"date": "2026-12-08", "start": "11:00", "end": None}]}),
    ("山田です。\n明日（12/10）の10時に予約している相談ですが、キャンセルさせてください。\n\n山田 一郎\n090-3333-4444",
     {"date": "Wed, 09 Dec 2026 07:00:00 +0900"},
     {"intent": "cancel", "name": "山田 一郎", "requested": [], "phone": "090-3333-4444"}),
    ("お世話になっております。佐野です。\n12月10日（木）14時からの予約ですが、12月17日（木）の14時に変更できますか。\n\n佐野 光",
     {"date": "Mon, 07 Dec 2026 12:00:00 +0900"},
     {"intent": "reschedule", "name": "佐野 光", "requested": [{"date": "2026-12-17", "start": "14:00", "end": None}]}),
    ("予約していた相談の日程を変えていただきたいです。候補日をいくつか教えてください。\n\n佐野 光",
     {"date": "Mon, 07 Dec 2026 12:00:00 +0900"},
     {"intent": "reschedule", "requested": []}),
    ("父の代わりにメールしています。父がオンライン相談を希望しています。\n"
     "氏名：田村 正（たむら ただし）\n希望：12月21日の午後\n本人の電話：080-5555-6666\n"
     "本人のメール：tadashi@example.com\n\n田村 恵",
     {"date": "Mon, 14 Dec 2026 09:00:00 +0900", "sender": "megumi@example.jp"},
     {"intent": "book", "name": "田村 正", "phone": "080-5555-6666", "email": "tadashi@example.com",
      "requested": [{"date": "2026-12-21", "start": "13:00", "end": "17:00"}], "attendant": None}),
    ("わたしは リ ミン です。中国人です。\nそうだん したいです。12月22日 2じ。\n"
     "ちゅうごくごの つうやくが いっしょに います。\nでんわ 090-7777-8888",
     {"date": "Mon, 14 Dec 2026 09:00:00 +0900"},
     {"intent": "book", "name": "リ ミン", "attendant": "interpreter",
      "requested": [{"date": "2026-12-22", "start": "14:00", "end": None}]}),
    ("相談の予約をお願いします。\n希望日：1月7日（木）10:00〜10:50\n車いすを使っており、ヘルパーが付き添います。\n\n"
     "--\n大野 健\n090-1212-3434",
     {"date": "Fri, 18 Dec 2026 09:00:00 +0900"},
     {"intent": "book", "name": "大野 健", "phone": "090-1212-3434", "attendant": "caregiver",
      "requested": [{"date": "2027-01-07", "start": "10:00", "end": "10:50"}]}),
    ("いつもお世話になっております。\n予約は不要でも相談できるのでしょうか。\n\n吉川 美穂\nTEL 018-862-7788",
     {"date": "Fri, 18 Dec 2026 09:00:00 +0900"},
     {"intent": "question", "name": "吉川 美穂", "phone": "018-862-7788", "requested": []}),
]


@pytest.mark.parametrize("body, headers, expected", SYNTHETIC)
def test_synthetic_mails(body, headers, expected):
    _, u = understand(_mail(body, **headers))
    got = u.to_json()
    assert {k: got[k] for k in expected} == expected, got["warnings"]


def test_synthetic_iso2022jp_mail():
    body = "氏名：岩田 涼\n求職番号：05010-10203040\n希望日時：12月3日（木）14時\n電話：080-9999-0000"
    _, u = understand(_mail(body, date="Mon, 30 Nov 2026 09:00:00 +0900", charset="iso-2022-jp"))
    assert (u.intent, u.name, u.phone) == ("book", "岩田 涼", "080-9999-0000")
