"""Byte-level tests of the Japanese text decoding (fixtures are built here, byte by byte)."""

from __future__ import annotations

import base64
import random

import pytest

from mailbot.understand.charsets import (decode, decode_bytes, decode_header, decode_iso2022jp,
                                         normalize_label)

ESC_KANJI, ESC_ASCII, ESC_KANA = b"\x1b$B", b"\x1b(B", b"\x1b(I"


def sjis_to_jis(sjis: bytes, kana: str = "esc") -> bytes:
    """Wrap cp932 bytes in ISO-2022-JP escapes the way Outlook (CP50220/50221) does:
    each double-byte char converted Shift_JIS -> JIS row/cell; half-width kana as ESC ( I or SO/SI."""
    out, mode, i = bytearray(), "ascii", 0

    def switch(new: str) -> None:
        nonlocal mode
        if mode == new:
            return
        if mode == "kana" and kana == "so":
            out.append(0x0F)
        if new == "ascii":
            if mode != "kana" or kana != "so":
                out.extend(ESC_ASCII)
        elif new == "kanji":
            out.extend(ESC_KANJI)
        else:
            out.extend(ESC_KANA if kana == "esc" else b"\x0e")
        mode = new

    while i < len(sjis):
        c = sjis[i]
        if c < 0x80:
            switch("ascii")
            out.append(c)
            i += 1
        elif 0xA1 <= c <= 0xDF:
            switch("kana")
            out.append(c - 0x80)
            i += 1
        else:
            s1, s2 = c, sjis[i + 1]
            i += 2
            switch("kanji")
            j1 = ((s1 - 0x70) if s1 < 0xA0 else (s1 - 0xB0)) * 2 - 1
            if s2 >= 0x9F:
                j1, j2 = j1 + 1, s2 - 0x7E
            else:
                j2 = s2 - 0x1F if s2 < 0x7F else s2 - 0x20
            out.extend((j1, j2))
    switch("ascii")
    return bytes(out)


def jis(text: str, kana: str = "esc") -> bytes:
    return sjis_to_jis(text.encode("cp932"), kana)


def test_plain_iso2022jp_matches_python_codec():
    text = "オンライン職業相談の予約をお願いします。\r\n氏名：佐藤 健太\r\n"
    data = text.encode("iso2022_jp")
    assert decode(data, "ISO-2022-JP") == text


@pytest.mark.parametrize("text", ["①でお願いします", "㈱ミライ人材サービス", "髙田 勝也", "﨑山", "№12 ㍻ ∑"])
def test_cp932_extensions_inside_iso2022jp(text):
    data = jis(text)
    assert b"\x1b$B" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("iso2022_jp")             # why this module exists
    got = decode_bytes(data, "iso-2022-jp")
    assert got.text == text and got.defect is None


def test_halfwidth_kana_by_escape_and_by_shift_out():
    text = "三浦誠（ﾐｳﾗ ﾏｺﾄ）です"
    assert b"\x1b(I" in jis(text)
    assert decode(jis(text), "ISO-2022-JP") == text
    shifted = jis(text, kana="so")
    assert b"\x0e" in shifted and b"\x0f" in shifted
    assert decode(shifted, "ISO-2022-JP") == text


def test_jis_decodes_like_windows_wave_dash_and_minus():
    # Windows maps JIS 0x2141 / 0x215D to U+FF5E / U+FF0D (as cp932 does), not U+301C / U+2212.
    assert decode(b"\x1b$B!A!]\x1b(B", "iso-2022-jp") == "\uff5e\uff0d"


def test_iso2022jp_label_with_8bit_utf8_or_cp932():
    assert decode("予約①です".encode("utf-8"), "ISO-2022-JP") == "予約①です"
    assert decode("予約①です".encode("cp932"), "ISO-2022-JP") == "予約①です"
    mixed = jis("氏名") + " 髙田".encode("cp932")
    assert decode(mixed, "iso-2022-jp") == "氏名 髙田"


def test_escape_left_open_at_line_end_and_odd_bytes_never_leak_escapes():
    data = b"\x1b$B$3$s\r\n$K$A$O\x1b(B ok \x1b$B$\x1b(B \x1b$Z junk"
    got = decode_bytes(data, "iso-2022-jp")
    assert "\x1b" not in got.text and got.text.startswith("こん\r\nにちは ok")
    assert got.defect


def test_iso2022jp_2_designations():
    assert decode(b"\x1b$(D" + "丂".encode("euc_jp")[1:].translate(bytes(
        (b & 0x7F) for b in range(256))) + b"\x1b(B", "iso-2022-jp-2") == "丂"
    assert decode(b"\x1b$@$\"\x1b(B", "iso-2022-jp") == "あ"


@pytest.mark.parametrize("label", ["Shift_JIS", "shift-jis", "SJIS", "x-sjis", "Windows-31J",
                                   "CP932", "MS_Kanji", '"shift_jis"'])
def test_every_shift_jis_label_is_cp932(label):
    text = "①11/25(水) ㈱ 髙 ～"
    data = text.encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        data.decode("shift_jis")
    assert decode(data, label) == text


def test_utf8_mislabelled_as_shift_jis_and_7bit_codecs():
    assert decode("予約をお願いします".encode("utf-8"), "Shift_JIS") == "予約をお願いします"
    assert decode("ﾃｽﾄ".encode("cp932"), "Shift_JIS") == "ﾃｽﾄ"   # not read as UTF-8 "ý…"
    assert decode("予約".encode("utf-7"), "unicode-1-1-utf-7") == "予約"


def test_euc_jp_and_utf8():
    assert decode("求職番号 ①".encode("euc_jis_2004"), "EUC-JP") == "求職番号 ①"
    assert decode("\ufeff予約".encode("utf-8"), "UTF-8") == "予約"


def test_unknown_or_missing_labels_are_sniffed():
    for label in (None, "", "x-unknown", "unknown-8bit", "us-ascii", "charset", "bogus-xyz"):
        assert decode("予約をお願いします".encode("utf-8"), label) == "予約をお願いします"
        assert decode("予約をお願いします".encode("cp932"), label) == "予約をお願いします"
        assert decode("予約をお願いします".encode("euc_jp"), label) == "予約をお願いします"
        assert decode(jis("予約①"), label) == "予約①"


def test_non_text_codecs_are_never_used():
    assert decode(b"uryyb", "rot13") == "uryyb"
    assert decode(b"aGVsbG8=", "base64") == "aGVsbG8="
    assert decode("café".encode("latin-1"), "iso-8859-1") == "café"
    assert decode(b"\x93quoted\x94", "iso-8859-1") == "\u201cquoted\u201d"


def test_utf8_with_a_few_broken_bytes_stays_utf8():
    data = "予約をお願いします。".encode("utf-8") + b"\xff" + "電話".encode("utf-8")
    got = decode_bytes(data, "utf-8")
    assert got.text.startswith("予約をお願いします。") and got.text.endswith("電話")
    assert got.defect


def test_normalize_label():
    assert normalize_label(' "Shift_JIS" ') == "shift-jis"
    assert normalize_label("iso-2022-jp; format=flowed") == "iso-2022-jp"
    assert normalize_label(None) == ""


# --- headers ---------------------------------------------------------------------------------

def b_word(data: bytes, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(data).decode()}?="


def test_subject_with_cp932_extension_in_iso2022jp_words():
    subject = "求人広告掲載のご提案（㈱ミライ人材サービス）"
    raw = "Re: " + b_word(jis(subject[:10]), "ISO-2022-JP") + "\r\n " + b_word(
        jis(subject[10:]), "ISO-2022-JP")
    assert decode_header(raw) == "Re: " + subject


def test_character_split_across_encoded_words_is_joined():
    data = "ハローワーク秋田".encode("utf-8")
    raw = b_word(data[:4], "UTF-8") + " " + b_word(data[4:], "utf-8")
    assert decode_header(raw) == "ハローワーク秋田"


def test_q_words_padding_and_text_between():
    assert decode_header("=?utf-8?q?=E4=BA=88=E7=B4=84_OK?= (x)") == "予約 OK (x)"
    assert decode_header("=?UTF-8?B?5LqI57SE?=") == "予約"
    assert decode_header("=?UTF-8?B?5LqI57SE5Y?=") .startswith("予約")   # bad padding
    assert decode_header("a =?utf-8?B?5LqI?= b") == "a 予 b"
    assert decode_header('"=?ISO-2022-JP?B?GyRCOjRGIxsoQg==?=" <a@b>') == '"佐藤" <a@b>'


def test_raw_8bit_and_raw_jis_headers():
    raw_utf8 = "予約のお願い".encode("utf-8").decode("ascii", "surrogateescape")
    assert decode_header(raw_utf8) == "予約のお願い"
    assert decode_header("予約のお願い".encode("cp932")) == "予約のお願い"
    assert decode_header(jis("予約①").decode("ascii")) == "予約①"


def test_rfc2231_language_suffix_in_encoded_word():
    assert decode_header("=?UTF-8*ja?B?5LqI57SE?=") == "予約"


# --- never raise -----------------------------------------------------------------------------

def test_random_bytes_never_raise():
    rng = random.Random(7)
    labels = [None, "iso-2022-jp", "shift_jis", "utf-8", "euc-jp", "utf-7", "utf-16",
              "x-bogus", "rot13", "ascii", "gb2312", "ks_c_5601-1987"]
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 80)))
        if rng.random() < 0.3:
            data = b"\x1b$B" + data
        for label in labels:
            assert isinstance(decode(data, label), str)
        assert isinstance(decode_header(data), str)
        assert isinstance(decode_iso2022jp(data).text, str)
