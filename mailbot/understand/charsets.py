"""Turn bytes into text the way Japanese mail clients really send it.

Python's codecs follow the standards; Japanese mail follows Windows. Outlook and iPhone put
cp932 characters (①, ㈱, 髙) inside "ISO-2022-JP", carriers label cp932 as Shift_JIS, and some
clients label UTF-8 or 8-bit Shift_JIS as ISO-2022-JP. So ISO-2022-JP is decoded here by
hand (JIS X 0208 pair -> Shift_JIS -> cp932, as Windows' CP50220 does), every Shift_JIS label
means cp932, and mislabelled bytes are sniffed. Nothing in this module raises.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from typing import NamedTuple


class Decoded(NamedTuple):
    text: str
    defect: str | None = None   # short note when the bytes were not what the label said


# --- labels ----------------------------------------------------------------------------------

_JIS_LABELS = frozenset({
    "iso-2022-jp", "iso2022-jp", "iso-2022jp", "iso2022jp", "iso-2022-jp-1", "iso-2022-jp-2",
    "iso-2022-jp-3", "iso-2022-jp-2004", "iso-2022-jp-ext", "iso-2022-jp-ms", "csiso2022jp",
    "csiso2022jp2", "cp50220", "cp50221", "cp50222", "jis", "x-jis", "jis7", "jis-7",
})
_SJIS_LABELS = frozenset({
    "shift-jis", "shiftjis", "shift-jis-2004", "shift-jisx0213", "sjis", "s-jis", "x-sjis",
    "x-shift-jis", "ms-kanji", "csshiftjis", "windows-31j", "cswindows31j", "cp932", "ms932",
    "x-ms-cp932", "ibm-943", "ibm943", "x-sjis-docomo", "x-sjis-kddi", "x-sjis-softbank",
    "shift-jis-docomo", "shift-jis-kddi", "shift-jis-softbank", "x-mac-japanese",
})
_EUC_LABELS = frozenset({
    "euc-jp", "eucjp", "x-euc-jp", "x-euc", "cseucpkdfmtjapanese", "euc-jis-2004",
    "euc-jisx0213", "ujis", "cp51932",
})
_UTF8_LABELS = frozenset({"utf-8", "utf8", "x-utf8", "x-utf-8", "unicode-1-1-utf-8", "utf-8-sig"})
_ASCII_LABELS = frozenset({
    "", "us-ascii", "ascii", "us", "ansi-x3.4-1968", "iso646-us", "default", "none", "unknown",
    "unknown-8bit", "x-unknown", "x-user-defined", "8bit", "7bit", "binary", "charset", "text",
})
# Western labels mean windows-1252 in practice (as browsers treat them).
_WESTERN_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp819",
                             "iso-ir-100", "windows-1252", "cp1252", "x-cp1252"})
_ALIASES = {
    "ks-c-5601-1987": "cp949", "ks-c-5601": "cp949", "euc-kr": "cp949", "ksc5601": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "tis-620": "cp874", "iso-8859-11": "cp874",
}
# Labels whose 7-bit bytes are plain ASCII (not UTF-7, UTF-16, ...).
_ASCII_SAFE = _ASCII_LABELS | _UTF8_LABELS | _SJIS_LABELS | _EUC_LABELS | _WESTERN_LABELS
_LABEL_TOKEN = re.compile(r"[a-z0-9._:+\-]+")


def normalize_label(label: str | None) -> str:
    """'"Shift_JIS" ' -> 'shift-jis'; anything unreadable -> ''."""
    if not label:
        return ""
    m = _LABEL_TOKEN.search(str(label).strip().strip("\"'").lower())
    return m.group(0).replace("_", "-") if m else ""


def _python_codec(label: str) -> str | None:
    """A Python *text* codec for a label, or None (rejects rot13, base64, zlib and friends)."""
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


# --- ISO-2022-JP as Windows decodes it --------------------------------------------------------

def _jis_pair_table() -> dict[bytes, bytes]:
    """JIS X 0208 row/cell pair -> Shift_JIS bytes, for the whole 94x94 plane (incl. NEC rows)."""
    table: dict[bytes, bytes] = {}
    for j1 in range(0x21, 0x7F):
        s1 = ((j1 + 1) >> 1) + (0x70 if j1 < 0x5F else 0xB0)
        for j2 in range(0x21, 0x7F):
            if j1 & 1:
                s2 = j2 + (0x1F if j2 < 0x60 else 0x20)
            else:
                s2 = j2 + 0x7E
            table[bytes((j1, j2))] = bytes((s1, s2))
    return table


_PAIRS = _jis_pair_table()
_ESCAPES = re.compile(rb"(\x1b(?:\(B|\(J|\(H|\(I|\$@|\$B|\$\(B|\$\(@|\$\(D|\$\(Q|\$\(O|\$\(P"
                      rb"|\$A|\$\(C|&@|\.A|\.F|N.|\(.|\$\(?.)?|\x0e|\x0f)", re.S)
_GRAPHIC_RUN = re.compile(rb"[\x21-\x7e]+|[^\x21-\x7e]+")
_MODE_BY_ESCAPE = {
    b"\x1b(B": "ascii", b"\x1b(J": "ascii", b"\x1b(H": "ascii", b"\x1b(I": "kana",
    b"\x1b$@": "x0208", b"\x1b$B": "x0208", b"\x1b$(B": "x0208", b"\x1b$(@": "x0208",
    b"\x1b$(D": "x0212", b"\x1b$(Q": "x0213p1", b"\x1b$(O": "x0213p1", b"\x1b$(P": "x0213p2",
    b"\x1b$A": "gb2312", b"\x1b$(C": "ksc",
}


def _two_byte(seg: bytes, mode: str) -> tuple[str, bool]:
    """Decode a segment in a two-byte mode; returns (text, clean)."""
    out: list[str] = []
    clean = True
    for run in _GRAPHIC_RUN.findall(seg):
        if run[0] < 0x21 or run[0] > 0x7E:   # CR/LF/space or 8-bit junk inside a kanji run
            text, ok = _sniff_8bit(run) if max(run) > 0x7F else (run.decode("ascii"), True)
            out.append(text)
            clean &= ok
            continue
        if len(run) & 1:
            clean = False
            tail, run = run[-1:], run[:-1]
        else:
            tail = b""
        if mode == "x0208":
            sj = b"".join([_PAIRS[run[i:i + 2]] for i in range(0, len(run), 2)])
            try:
                text = sj.decode("cp932")
            except UnicodeDecodeError:   # e.g. carrier emoji rows: one U+FFFD per character
                text = "".join(_cp932_pair(sj[i:i + 2]) for i in range(0, len(sj), 2))
        else:
            high = bytes(b | 0x80 for b in run)
            if mode == "x0212":
                high = b"".join(b"\x8f" + high[i:i + 2] for i in range(0, len(high), 2))
                text = high.decode("euc_jp", "replace")
            elif mode == "x0213p1":
                text = high.decode("euc_jis_2004", "replace")
            elif mode == "x0213p2":
                high = b"".join(b"\x8f" + high[i:i + 2] for i in range(0, len(high), 2))
                text = high.decode("euc_jis_2004", "replace")
            elif mode == "gb2312":
                text = high.decode("gb18030", "replace")
            else:
                text = high.decode("cp949", "replace")
        if "\ufffd" in text:
            clean = False
        out.append(text)
        if tail:
            out.append(tail.decode("ascii"))
    return "".join(out), clean


def _cp932_pair(pair: bytes) -> str:
    try:
        return pair.decode("cp932")
    except UnicodeDecodeError:
        return "\ufffd"


def _kana(seg: bytes) -> str:
    """JIS X 0201 katakana (ESC ( I or SO): 0x21-0x5F -> half-width kana."""
    return bytes(b | 0x80 if 0x21 <= b <= 0x5F else b for b in seg).decode("cp932", "replace")


def decode_iso2022jp(data: bytes) -> Decoded:
    """ISO-2022-JP with the Windows (CP50220/CP50221) extensions; 8-bit runs are sniffed."""
    parts = _ESCAPES.split(data)
    mode = "ascii"
    before_shift = "ascii"
    out: list[str] = []
    clean = True
    for i, seg in enumerate(parts):
        if i & 1:   # an escape sequence or SO/SI
            if seg == b"\x0e":
                before_shift, mode = mode, "kana"
            elif seg == b"\x0f":
                mode = before_shift if before_shift != "kana" else "ascii"
            elif seg in _MODE_BY_ESCAPE:
                mode = _MODE_BY_ESCAPE[seg]
            elif seg != b"\x1b&@":      # "&@" only announces the 1990 revision of X 0208
                clean = False           # unknown designation: read on as ASCII
                mode = "ascii"
            continue
        if not seg:
            continue
        if mode == "ascii":
            if max(seg) > 0x7F:
                text, ok = _sniff_8bit(seg)
                clean &= ok
                out.append(text)
            else:
                out.append(seg.decode("ascii"))
        elif mode == "kana":
            out.append(_kana(seg))
        else:
            text, ok = _two_byte(seg, mode)
            clean &= ok
            out.append(text)
    text = "".join(out)
    if "\x1b" in text:
        text = text.replace("\x1b", "")
        clean = False
    return Decoded(text, None if clean else "iso-2022-jp: undecodable bytes")


# --- sniffing ---------------------------------------------------------------------------------

_JIS_ESCAPE = re.compile(rb"\x1b(?:\$[@B]|\(I|\$\([DQOP])")
_HIRAGANA = re.compile("[\u3041-\u309f]")


def _sniff_8bit(data: bytes) -> tuple[str, bool]:
    """Bytes with 8-bit content and no trustworthy label: UTF-8, else cp932 / EUC-JP."""
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    for codec in ("cp932", "euc_jp", "euc_jis_2004"):
        try:
            candidates.append(data.decode(codec))
        except UnicodeDecodeError:
            continue
    if candidates:
        # cp932 reads EUC-JP as half-width kana pairs: real Japanese text has hiragana.
        return max(candidates, key=lambda t: len(_HIRAGANA.findall(t))), True
    # Mostly-valid UTF-8 with a few broken bytes beats a Western guess.
    text = data.decode("utf-8", "replace")
    if _mostly_utf8(text):
        return text, False
    return data.decode("cp1252", "replace"), False


def _mostly_utf8(text: str) -> bool:
    bad = text.count("\ufffd")
    return sum(1 for c in text if ord(c) > 0x7F) - bad >= bad


def _utf8(data: bytes) -> Decoded:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    if _mostly_utf8(text):   # a stray byte in real UTF-8: do not reread it all as cp932
        return Decoded(text, "utf-8: invalid bytes")
    text, ok = _sniff_8bit(data)
    return Decoded(text, "utf-8: invalid bytes" if not ok else "utf-8: label wrong, sniffed")


def _japanese_utf8(data: bytes) -> str | None:
    """UTF-8 mislabelled as a legacy Japanese charset. Legacy Japanese text with kanji or
    kana is practically never valid UTF-8; a three-byte character makes the guess safe."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if any(ord(c) > 0x7FF for c in text) else None


def _first_strict(data: bytes, codecs_: tuple[str, ...], what: str) -> Decoded:
    for codec in codecs_:
        try:
            return Decoded(data.decode(codec))
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode(codecs_[0], "replace"), f"{what}: invalid bytes")


def decode_bytes(data: bytes, label: str | None = None) -> Decoded:
    """Decode a body or header fragment given its declared charset (may be wrong or absent)."""
    try:
        return _decode(bytes(data), normalize_label(label))
    except Exception as exc:  # noqa: BLE001 - a decoder must never take the parser down
        return Decoded(bytes(data).decode("latin-1"), f"decode error: {type(exc).__name__}")


def decode(data: bytes, label: str | None = None) -> str:
    return decode_bytes(data, label).text


def _decode(data: bytes, label: str) -> Decoded:
    if not data:
        return Decoded("")
    has_8bit = max(data) > 0x7F
    if label in _JIS_LABELS or _JIS_ESCAPE.search(data):
        if label in _JIS_LABELS or not has_8bit:
            return decode_iso2022jp(data)
    if not has_8bit and b"\x1b" not in data and b"\x0e" not in data and label in _ASCII_SAFE:
        return Decoded(data.decode("ascii"))
    if label in _UTF8_LABELS:
        return _utf8(data)
    if label in _SJIS_LABELS or label in _EUC_LABELS:
        text = _japanese_utf8(data)
        if text is not None:
            return Decoded(text, "utf-8 labelled as " + label)
        if label in _SJIS_LABELS:
            return _first_strict(data, ("cp932", "shift_jis_2004"), "shift_jis")
        return _first_strict(data, ("euc_jp", "euc_jis_2004", "cp932"), "euc-jp")
    if label in _WESTERN_LABELS:
        try:
            return Decoded(data.decode("cp1252"))
        except UnicodeDecodeError:
            return Decoded(data.decode("latin-1"))
    if label and label not in _ASCII_LABELS:
        codec = _python_codec(label)
        if codec is not None:
            try:
                return Decoded(data.decode(codec))
            except UnicodeDecodeError:
                return Decoded(data.decode(codec, "replace"), f"{label}: invalid bytes")
            except Exception:  # noqa: BLE001 - odd codecs (utf-7 with junk) fail oddly
                pass
        text, ok = _sniff_8bit(data)
        return Decoded(text, f"unknown charset {label!r}, sniffed")
    text, ok = _sniff_8bit(data)
    return Decoded(text, None if ok else "8-bit text undecodable")


# --- headers (RFC 2047 encoded words) ----------------------------------------------------------

_ENCODED_WORD = re.compile(r"=\?([^?\s]+?)\?([bBqQ])\?([^?]*?)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])|\r(?=[ \t])")
_QP_HEX = re.compile(rb"=([0-9A-Fa-f]{2})")


def _raw_bytes(value: str | bytes) -> bytes:
    if isinstance(value, bytes):
        return value
    try:
        return value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape")


def _word_bytes(enc: str, payload: str) -> bytes:
    if enc in "bB":
        raw = re.sub(r"[^A-Za-z0-9+/]", "", payload)
        raw += "=" * (-len(raw) % 4)
        try:
            return base64.b64decode(raw)
        except (binascii.Error, ValueError):
            return base64.b64decode(raw[: len(raw) // 4 * 4] or b"") if len(raw) > 4 else b""
    b = payload.replace("_", " ").encode("ascii", "replace")
    return _QP_HEX.sub(lambda m: bytes((int(m.group(1), 16),)), b)


def decode_header(value: str | bytes | None) -> str:
    """An unstructured header value -> text: unfold, decode encoded words (adjacent words of one
    charset are joined as bytes first, so a character split across words survives), and sniff
    raw 8-bit or JIS bytes that some clients put in headers unencoded."""
    if value is None:
        return ""
    try:
        text = value if isinstance(value, str) else value.decode("ascii", "surrogateescape")
        text = _FOLD.sub("", text).replace("\r", " ").replace("\n", " ")
        if "=?" not in text:
            return one_line(_literal(text))
        out: list[str] = []
        pending: bytes = b""
        pending_charset = ""
        pos = 0
        for m in _ENCODED_WORD.finditer(text):
            between = text[pos:m.start()]
            charset = m.group(1).split("*", 1)[0]
            if between.strip() or not pending:
                if pending:
                    out.append(decode(pending, pending_charset))
                    pending = b""
                out.append(_literal(between))
            if pending and normalize_label(charset) != normalize_label(pending_charset):
                out.append(decode(pending, pending_charset))
                pending = b""
            pending += _word_bytes(m.group(2), m.group(3))
            pending_charset = charset
            pos = m.end()
        if pending:
            out.append(decode(pending, pending_charset))
        out.append(_literal(text[pos:]))
        return one_line("".join(out))
    except Exception:  # noqa: BLE001 - headers of hostile mail must still yield some text
        return one_line(value.decode("latin-1") if isinstance(value, bytes) else str(value))


# Line breaks and other control characters an encoded word (or raw bytes) may carry. A header
# value is one line: decoded text keeps to that, so a decoded CR/LF can never travel on, into a
# log line, a stored subject or a header of ours. NUL is dropped, the rest become spaces.
_HEADER_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """Header text on one line: NUL dropped, other control characters and line breaks -> space."""
    return _HEADER_CONTROLS.sub(lambda m: "" if m.group() == "\x00" else " ", text)


def _literal(text: str) -> str:
    """Header text outside encoded words: ASCII normally, else raw bytes to be sniffed."""
    if text.isascii() and "\x1b" not in text:
        return text
    return decode(_raw_bytes(text), None)
