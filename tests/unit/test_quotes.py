"""split_reply: every client's reply header, carrier separators, signatures vs. framed forms."""

from __future__ import annotations

import json
import time

import pytest

from mailbot.understand.mime import read_message
from mailbot.understand.quotes import Reply, split_reply
from tests.unit.test_mime import EXAMPLES

OFFER = "> 1. 2026年12月1日(火) 13:00〜13:50\n> 2. 2026年12月2日(水) 10:00〜10:50"
PLAIN_OFFER = "1. 2026年12月1日(火) 13:00〜13:50\n2. 2026年12月2日(水) 10:00〜10:50"
FRESH = "ハローワーク秋田 ご担当者様\n\n2番でお願いします。\n\n山田 太郎"


def assert_split(text: str, fresh: str = FRESH) -> Reply:
    r = split_reply(text)
    assert r.fresh == fresh
    assert "12月1日" not in r.fresh and "12月1日" in r.quoted
    return r


@pytest.mark.parametrize("header", [
    # Gmail, one line and wrapped over two lines
    "2026年11月20日(金) 10:00 ハローワーク秋田 <online-soudan@akita-hw.example.jp>:",
    "2026年11月20日(金) 10:00 ハローワーク秋田 <\nonline-soudan@akita-hw.example.jp>:",
    "2026年11月20日(金) 10:00 <online-soudan@akita-hw.example.jp>:",
    "On Fri, Nov 20, 2026 at 10:00 AM ハローワーク秋田 <online-soudan@akita-hw.example.jp> wrote:",
    "On Fri, Nov 20, 2026 at 10:00 AM ハローワーク秋田 <\nonline-soudan@akita-hw.example.jp> wrote:",
    # iPhone
    "2026/11/20 10:00、ハローワーク秋田 <online-soudan@akita-hw.example.jp>のメール:",
    "2026/11/20 10:00、ハローワーク秋田 <online-soudan@akita-hw.example.jp> のメール：",
    # Thunderbird
    "2026/11/20 10:00 に ハローワーク秋田 さんは書きました:",
    "ハローワーク秋田 wrote:",
    "On 2026/11/20 10:00, ハローワーク秋田 wrote:",
    "On Dec 16, 2011, at 12:47 PM, ハローワーク秋田\n<online-soudan@akita-hw.example.jp>\nwrote:",
    "2026年11月20日(金) 10:00 ハローワーク秋田\n<online-soudan@akita-hw.example.jp>:",
    "ハローワーク秋田 さんからのメール (2026/11/20 10:00):",
    # Becky!
    "On Fri, 20 Nov 2026 10:00:12 +0900\nハローワーク秋田 <online-soudan@akita-hw.example.jp> wrote:",
])
def test_quote_style_reply_headers(header):
    r = assert_split(f"{FRESH}\n\n{header}\n{OFFER}\n>\n> ハローワーク秋田\n")
    assert r.quoted.startswith(header.split("\n")[0])


@pytest.mark.parametrize("separator", [
    "-----Original Message-----",
    "-----元のメッセージ-----",
    "--- 元のメール ---",
    "---- Original Message ----",
    "-------- 転送メッセージ --------",
    "---------- Forwarded message ---------",
    "________________________________\n差出人: ハローワーク秋田 <online-soudan@akita-hw.example.jp>\n"
    "送信日時: 2026年11月20日 10:00\n宛先: taro@example.jp\n件名: ご予約について",
    "差出人: ハローワーク秋田 <online-soudan@akita-hw.example.jp>\n送信日時: 2026年11月20日 10:00\n"
    "宛先: taro@example.jp\n件名: ご予約について",
    "From: ハローワーク秋田 <online-soudan@akita-hw.example.jp>\nSent: Friday, November 20, 2026 10:00"
    "\nTo: taro@example.jp\nSubject: ご予約について",
    "________________________________\nFrom: online-soudan@akita-hw.example.jp\nDate: 2026/11/20\n"
    "Subject: ご予約",
    " ------------------------------\n\n*From:* ハローワーク秋田 [mailto:online-soudan@akita-hw.example.jp]"
    "\n*Sent:* Friday, November 20, 2026 10:00 AM\n*To:* taro@example.jp\n*Subject:* ご予約",
])
def test_outlook_and_carrier_separators_quote_everything_after(separator):
    r = assert_split(f"{FRESH}\n\n{separator}\n\n山田 太郎 様\n\n{PLAIN_OFFER}\n\nTEL 018-860-0000\n")
    assert r.quoted.startswith(separator.split("\n")[0])
    assert "018-860-0000" not in r.fresh + r.signature


def test_gt_lines_anywhere_are_quoted_including_fullwidth():
    text = "＞ 1. 2026年12月1日(火) 13:00\n&gt; 2. 12月2日\n2番でお願いします。"
    r = split_reply(text)
    assert r.fresh == "2番でお願いします。"
    assert "12月1日" in r.quoted and "12月2日" in r.quoted


def test_bottom_posted_answer_after_quote_is_fresh():
    text = ("2026/11/20 10:00 に ハローワーク秋田 さんは書きました:\n" + OFFER +
            "\n\n2番でお願いします。\n山田")
    r = split_reply(text)
    assert r.fresh == "2番でお願いします。\n山田"
    assert "12月1日" in r.quoted


def test_unprefixed_quote_after_header_is_all_quoted():
    text = "了解です\n\nOn Fri, 20 Nov 2026 10:00 ハローワーク秋田 wrote:\n" + PLAIN_OFFER
    r = split_reply(text)
    assert r.fresh == "了解です" and "12月1日" in r.quoted


def test_a_seekers_own_date_line_is_not_a_reply_header():
    text = "希望日時:\n2026年12月3日(木) 14:00〜:\n12月4日(金) 10:00:\nよろしくお願いします。"
    assert split_reply(text).fresh == text
    text = "氏名: 山田\nFrom: 山田太郎\n電話: 090-1111-2222"   # a From: line without a block
    assert split_reply(text).fresh == text


# --- signatures ---------------------------------------------------------------------------------

def test_dash_dash_signature():
    r = split_reply("2番でお願いします。\n\n-- \n山田 太郎\n株式会社サンプル\nTEL 018-888-1234\n")
    assert r.fresh == "2番でお願いします。"
    assert r.signature.startswith("--") and "018-888-1234" in r.signature


@pytest.mark.parametrize("rule", ["――――――――――――", "━━━━━━━━━━", "─────", "＝＝＝＝＝", "=====",
                                  "＊＊＊＊＊＊", "*****", "-------", "_____"])
def test_rule_framed_signature(rule):
    text = f"2番でお願いします。\n\n{rule}\n山田 太郎\n〒010-0921 秋田市大町9-9-9\nTEL 018-862-5190\n{rule}\n"
    r = split_reply(text)
    assert r.fresh == "2番でお願いします。"
    assert "018-862-5190" in r.signature


def test_framed_form_block_is_not_a_signature():
    text = ("オンライン相談を申し込みます。\n\n――――――――――\n氏名：山田 太郎\n求職番号：05010-23418765\n"
            "希望日時：12月3日 14:00\n電話：090-1111-2222\n――――――――――\n")
    r = split_reply(text)
    assert "090-1111-2222" in r.fresh and r.signature == ""


def test_framed_prose_section_is_not_a_signature():
    text = "ご案内\n─────\n12月29日は閉庁いたします。\n詳しくは https://example.jp をご覧ください。\n"
    assert split_reply(text).signature == ""


def test_signature_only_near_the_end():
    body = "\n".join(f"{i}行目の本文" for i in range(30))
    text = f"-----\nTEL 018-000-0000\n-----\n{body}"
    assert split_reply(text).signature == ""


def test_sent_from_lines_go_to_signature():
    r = split_reply("同意します。\n\n京野 修\n\niPhoneから送信")
    assert r.fresh == "同意します。\n\n京野 修" and r.signature == "iPhoneから送信"


def test_long_inputs_stay_linear():
    for text in ("On Fri wrote:\n> q\n\n" + "own line\n" * 50000, "―――\nTEL 1\n" * 20000,
                 "From: a\nSent: b\n" * 20000, "2026年11月20日(金) 10:00\n" * 20000):
        t0 = time.perf_counter()
        split_reply(text)
        assert time.perf_counter() - t0 < 2.0   # hang guard only


def test_empty_and_odd_input():
    assert split_reply("") == Reply("", "", "")
    assert split_reply("\r\n> a\r\n").quoted == "> a"
    assert split_reply(">" * 10000).fresh == ""


# --- shared examples ----------------------------------------------------------------------------

def _examples():
    if not (EXAMPLES / "labels.json").exists():
        return []
    return sorted(p.name for p in EXAMPLES.glob("*.eml"))


@pytest.mark.skipif(not _examples(), reason="shared examples absent")
@pytest.mark.parametrize("name", _examples())
def test_examples_quoted_offer_never_in_fresh(name):
    m = read_message((EXAMPLES / name).read_bytes())
    labels = json.loads((EXAMPLES / "labels.json").read_text(encoding="utf-8"))[name]
    r = split_reply(m.text)
    office_lines = ("ご希望をもとに", "オンライン職業相談担当です", "018-860-0000")
    assert not any(s in r.fresh for s in office_lines)
    if m.in_reply_to and labels["intent"] != "automated":
        assert any(s in r.quoted for s in office_lines)
    if labels.get("phone") and labels["intent"] != "automated":
        digits = labels["phone"].replace("-", "")
        flat = (r.fresh + r.signature).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        assert digits in "".join(ch for ch in flat if ch.isdigit())
