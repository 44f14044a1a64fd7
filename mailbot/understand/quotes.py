"""Split a reply into the writer's fresh text, the quoted earlier mail and the signature.

Quoted mail holds the office's own offer (dates, numbers, phone), so anything quoted must never
feed field extraction. Generic reply parsers miss the Japanese client headers (PITFALLS.md),
hence these patterns: Gmail/iPhone/Thunderbird/Becky/Outlook headers in Japanese and English,
carrier separators, `>`/`＞` lines. Signatures are split off separately because a phone there
is only a fallback contact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Reply:
    fresh: str        # what the writer wrote now (no quotes, no signature)
    quoted: str       # earlier mail, reply headers included
    signature: str    # trailing signature block ("" when none)


# --- reply headers ------------------------------------------------------------------------------

_QUOTED_LINE = re.compile(r"^[ \t\u3000]*(?:>|＞|&gt;)")
# Separators after which everything is earlier mail (Outlook, carriers, forwards).
_SEPARATOR = re.compile(
    r"^[ \t\u3000]*[-－―─━=＝_＿*＊<＜]{2,}[ \t\u3000]*"
    r"(?:Original Message|Original Mail|元のメッセージ|元のメール|オリジナルメッセージ|"
    r"転送メッセージ|転送されたメッセージ|Forwarded message|Forwarded by|Message transféré|"
    r"Mensaje original|Ursprüngliche Nachricht|Weitergeleitete Nachricht|Messaggio originale|"
    r"Reply message|返信元のメッセージ|Original)"
    r"[ \t\u3000]*[-－―─━=＝_＿*＊>＞]*[ \t\u3000]*$", re.I)
_SEPARATOR_LOOSE = re.compile(
    r"^[ \t\u3000]*(?:転送メッセージ|Begin forwarded message:?|-+ ?Forwarded message ?-+|"
    r"元のメッセージ|Original Message)[ \t\u3000]*$", re.I)
_UNDERSCORE_RULE = re.compile(r"^[ \t]*_{10,}[ \t]*$")
_BLOCK_FROM = re.compile(r"^[ \t\u3000]*\*?(?:From|差出人|送信者|送信元|De|Von)[ \t\u3000]*[:：]", re.I)
_BLOCK_SENT = re.compile(
    r"^[ \t\u3000]*\*?(?:Sent|Date|送信日時|送信日|日付|日時|Envoyé|Gesendet|Enviado)[ \t\u3000]*[:：]", re.I)
_BLOCK_SUBJ = re.compile(
    r"^[ \t\u3000]*\*?(?:Subject|To|Cc|件名|宛先|Objet|Betreff|Asunto|À|An)[ \t\u3000]*[:：]", re.I)

_ENDS_HEADER = re.compile(
    r"(?:wrote|writes|a écrit|schrieb|escribió|ha scritto|のメール|書きました|書き込みました|"
    r"さんからのメール|からのメッセージ)[ \t\u3000]*(?:[(（][^()（）]{0,40}[)）])?[ \t\u3000]*[:：]?"
    r"[ \t\u3000]*$", re.I)
_WROTE_ON = re.compile(r"\b(?:wrote|schrieb|a écrit) on\b.*\d[ \t\u3000]*[:：][ \t\u3000]*$", re.I)
_DATE_START = re.compile(
    r"^[ \t\u3000]*(?:\d{2,4}[年/.\-]\s*\d{1,2}[月/.\-]\s*\d{1,2}日?|"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+\d{1,2}\s+[A-Z][a-z]{2}|On\s|Am\s|Le\s|El\s)")
_HAS_ADDRESS = re.compile(r"<[^<>\s]*@[^<>\s]*>|@[\w.-]+\.\w+")
_ENDS_COLON = re.compile(r"[:：][ \t\u3000]*$")


def _is_reply_header(lines: list[str], i: int) -> int:
    """Number of lines (1 to 3) of a `>`-style reply header starting at line i, else 0."""
    line = lines[i].strip()
    if not line or _QUOTED_LINE.match(line):
        return 0
    if _ENDS_HEADER.search(line) and (_DATE_START.match(line) or _HAS_ADDRESS.search(line)
                                      or len(line) < 120):
        return 1
    if _WROTE_ON.search(line) and len(line) < 120:
        return 1                                  # Thunderbird: 「ハローワーク秋田 wrote on 2026/11/27 09:00:」
    if _DATE_START.match(line):
        if _ENDS_COLON.search(line) and _HAS_ADDRESS.search(line):
            return 1
        # wrapped headers: "On <date>, Name\n<address>\nwrote:" (at most three lines)
        for n in (2, 3):
            if i + n > len(lines):
                break
            cont = lines[i + n - 1].strip()
            if not cont or _QUOTED_LINE.match(cont) or len(cont) > 120:
                break
            if _ENDS_HEADER.search(cont) or (_ENDS_COLON.search(cont) and _HAS_ADDRESS.search(
                    " ".join(lines[i:i + n]))):
                return n
    return 0


def _is_header_block(lines: list[str], i: int) -> bool:
    """Outlook's From/Sent/To/Subject block (Japanese or English), with or without a rule."""
    if not _BLOCK_FROM.match(lines[i]):
        return False
    window = [ln for ln in lines[i + 1:i + 7] if ln.strip()]
    return any(_BLOCK_SENT.match(ln) for ln in window) and any(_BLOCK_SUBJ.match(ln)
                                                                for ln in window)


def _quote_start(lines: list[str]) -> tuple[int, int]:
    """(index where earlier mail begins, kind): kind 1 = `>`-style header of n lines (returned
    as negative length), kind 0 = separator/Outlook block (all the rest is quoted); (-1, 0) none.
    """
    for i, line in enumerate(lines):
        if _QUOTED_LINE.match(line):
            continue
        if _SEPARATOR.match(line) or _SEPARATOR_LOOSE.match(line):
            # 「-------- 元のメッセージ --------」 with its header fields, then `>` lines (Android
            # mailers): a `>`-style quote, so an answer written under it is still fresh text
            n = 1
            while i + n < len(lines) and (_BLOCK_FROM.match(lines[i + n]) or _BLOCK_SENT.match(lines[i + n])
                                          or _BLOCK_SUBJ.match(lines[i + n])):
                n += 1
            k = i + n
            while k < len(lines) and not lines[k].strip():
                k += 1
            if n > 1 and k < len(lines) and _QUOTED_LINE.match(lines[k]):
                return i, n
            return i, 0
        if _is_header_block(lines, i):
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            if j >= 0 and (_UNDERSCORE_RULE.match(lines[j]) or _RULE.match(lines[j])):
                return j, 0
            return i, 0
        n = _is_reply_header(lines, i)
        if n:
            return i, n
    return -1, 0


# --- signatures ---------------------------------------------------------------------------------

_RULE_CHARS = "-－―—─━=＝_＿*＊~～・･+＋#＃■□◆◇●○☆★‐–"
_RULE = re.compile(r"^[ \t\u3000]*[" + re.escape(_RULE_CHARS) + r"]{3,}[ \t\u3000]*$")
_SIG_DASHES = re.compile(r"^(?:--|-- |—|――)[ \t]*$")
_SIG_LIKE = re.compile(
    r"TEL|Tel|tel|電話|携帯|FAX|Fax|fax|〒|住所|株式会社|㈱|（株）|\(株\)|有限会社|合同会社|"
    r"営業時間|受付時間|営業\s*\d|定休|E-?mail|Mail|mail|URL|https?://|[@＠]|部|課|事務所|営業所|支店|本社|"
    r"[都道府県市区町村]\S*\d")
_FORM_LABEL = re.compile(r"氏名|お名前|名前|求職(?:者)?番号|希望|予約|日時|第[1-9１-９一二三]")
_SENTENCE = re.compile(r"。\s*$|(?:ます|です|ください|ません)[。.!！]?\s*$")
_SENT_FROM = re.compile(
    r"^[ \t\u3000]*(?:iPhoneから送信|iPadから送信|Sent from my \S.*|Sent from (?:Mail|Outlook).*|"
    r"Get Outlook for .*|Android\S*から送信|\S{1,20}から送信)[ \t\u3000]*$", re.I)
_SIG_MAX_LINES = 15


def _signature_start(lines: list[str]) -> int:
    """Index of the first signature line in the fresh lines, or -1."""
    last = len(lines) - 1
    while last >= 0 and (not lines[last].strip() or _SENT_FROM.match(lines[last])):
        last -= 1
    if last < 0:
        return -1
    lowest = max(0, last - _SIG_MAX_LINES)
    for i in range(lowest, last + 1):
        if _SIG_DASHES.match(lines[i]):
            block = lines[i + 1:last + 1]
            if not any(_FORM_LABEL.search(ln) for ln in block):
                return i
    for i in range(lowest, last + 1):
        if not _RULE.match(lines[i]):
            continue
        block = [ln for ln in lines[i + 1:last + 1] if ln.strip() and not _RULE.match(ln)]
        # a closing rule must be the last line: otherwise this frames something mid-text
        closing = [k for k in range(i + 1, last + 1) if _RULE.match(lines[k])]
        if closing and closing[-1] != last and any(lines[k].strip() for k in range(
                closing[-1] + 1, last + 1)):
            continue
        if not block or any(_FORM_LABEL.search(ln) for ln in block):
            continue   # a framed form is not a signature
        contact = sum(1 for ln in block if _SIG_LIKE.search(ln))
        prose = sum(1 for ln in block if _SENTENCE.search(ln))
        if prose and 2 * prose >= len(block):
            continue   # a framed paragraph of prose is not a signature; a shop's notice inside
            #            a block of its address and phone (「※年末年始は休業です」) does not make one
        if contact:
            return i
    return -1


# --- the split ----------------------------------------------------------------------------------

def split_reply(text: str) -> Reply:
    """Fresh text / quoted earlier mail / signature. Bottom-posted text after a `>` quote (set
    off by a blank line) counts as fresh; after an Outlook-style separator nothing does."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fresh: list[str] = []
    quoted: list[str] = []
    start, kind = _quote_start(lines)
    end = start if start >= 0 else len(lines)
    for line in lines[:end]:
        (quoted if _QUOTED_LINE.match(line) else fresh).append(line)
    if start >= 0 and kind == 0:
        quoted.extend(lines[start:])
    elif start >= 0:
        quoted.extend(lines[start:start + kind])
        _after_header(lines[start + kind:], fresh, quoted)

    fresh_lines = _trim(fresh)
    sig_at = _signature_start(fresh_lines)
    signature: list[str] = []
    if sig_at >= 0:
        fresh_lines, signature = fresh_lines[:sig_at], fresh_lines[sig_at:]
    else:
        while fresh_lines and _SENT_FROM.match(fresh_lines[-1]):
            signature.insert(0, fresh_lines.pop())
            fresh_lines = _trim(fresh_lines)
    return Reply(fresh="\n".join(_trim(fresh_lines)),
                 quoted="\n".join(_trim(quoted)),
                 signature="\n".join(_trim(signature)))


def _after_header(rest: list[str], fresh: list[str], quoted: list[str]) -> None:
    """Lines after a `>`-style header: `>` lines are quoted; an unquoted paragraph after a blank
    line that follows quoted lines is the writer's own (bottom posting). Unquoted text right after
    the header means the client quoted without `>`: all of it is earlier mail."""
    seen_quote = False
    blank_since_quote = False
    for k, line in enumerate(rest):
        if _QUOTED_LINE.match(line):
            seen_quote, blank_since_quote = True, False
            quoted.append(line)
        elif not line.strip():
            blank_since_quote = seen_quote
            quoted.append(line)
        elif seen_quote and blank_since_quote:
            # bottom-posted answer: the writer's own text, up to any further earlier mail
            tail = rest[k:]
            start, _ = _quote_start(tail)
            for own in tail if start < 0 else tail[:start]:
                (quoted if _QUOTED_LINE.match(own) else fresh).append(own)
            if start >= 0:
                quoted.extend(tail[start:])
            return
        else:
            quoted.extend(rest[k:])
            return


def _trim(lines: list[str]) -> list[str]:
    a, b = 0, len(lines)
    while a < b and not lines[a].strip():
        a += 1
    while b > a and not lines[b - 1].strip():
        b -= 1
    return [ln.rstrip() for ln in lines[a:b]]
