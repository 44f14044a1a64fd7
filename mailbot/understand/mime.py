"""Raw message bytes -> `Inbound`.

The stdlib `email` parser (policy compat32) gives us the STRUCTURE only: headers as raw
strings, parts, transfer decoding, defects. Every text decode goes through `charsets`, because
the stdlib and mail-parser both mangle the ISO-2022-JP/cp932 mail Japanese clients send
(PITFALLS.md). compat32 is used instead of mail-parser because mail-parser adds nothing we keep
(it decodes text itself, wrongly for JIS) and costs several times the parse time; compat32 is
also the policy that never raises on malformed headers. `read_message` never raises.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_tz
from html import unescape
from html.parser import HTMLParser

from .charsets import decode_bytes, decode_header, one_line
from .model import Attachment, Inbound

JST = timezone(timedelta(hours=9))
_MAX_DEPTH = 20


def read_message(raw: bytes) -> Inbound:
    """Decode one RFC 5322 message. Garbage in -> an Inbound whose `defects` say what failed."""
    try:
        return _read(bytes(raw))
    except Exception as exc:  # noqa: BLE001 - one hostile mail must not stop the mailbox
        return Inbound(message_id=None, in_reply_to=None, references=(), subject="",
                       from_addr="", from_name="", to_addrs=(), date=None, headers={}, text="",
                       defects=(f"unreadable message: {type(exc).__name__}",))


_LEADING_JUNK = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:[ \t]*(?:\r\n|\n|\r))*")


def _read(raw: bytes) -> Inbound:
    # A BOM or blank lines before the header would turn every header into body text.
    raw = _repair_header_lines(_LEADING_JUNK.sub(b"", raw, count=1))
    msg, whole = _parse(raw)
    defects: list[str] = [] if whole else ["mime: nesting too deep to parse; headers only"]
    raw_headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = str(name).strip().lower()
        if key not in raw_headers:
            raw_headers[key] = value if isinstance(value, str) else str(value)
    headers = {k: _header_text(v) for k, v in raw_headers.items()}

    from_addr, from_name = _first_address(raw_headers.get("from", ""))
    if "from" in raw_headers and not from_addr:
        defects.append("from: no readable address")
    to_addrs = tuple(a for a, _ in _addresses(
        ", ".join(v for k, v in msg.raw_items() if str(k).lower() in ("to", "cc"))) if a)
    date = _parse_date(raw_headers.get("date"))
    if raw_headers.get("date") and date is None:
        defects.append("date: unparseable")

    body = _Body()
    if whole:
        body.walk(msg, 0)
    defects.extend(body.defects)
    for part in msg.walk():
        defects.extend(f"mime: {type(d).__name__}" for d in getattr(part, "defects", ()))
    return Inbound(
        message_id=_first_id(raw_headers.get("message-id")),
        in_reply_to=_first_id(raw_headers.get("in-reply-to")),
        references=tuple(_ids(raw_headers.get("references"))),
        subject=headers.get("subject", ""),
        from_addr=from_addr,
        from_name=from_name,
        to_addrs=to_addrs,
        date=date,
        headers=headers,
        text=_clean_text("\n".join(t for t in body.texts if t.strip())),
        attachments=tuple(body.attachments),
        defects=tuple(dict.fromkeys(defects)),
    )


def _parse(raw: bytes) -> tuple[Message, bool]:
    """(message, whole). The stdlib parser recurses once per MIME level and gives up with
    RecursionError a few hundred levels down; such a mail is read as headers only, so who sent
    it and whether a machine did are still known."""
    try:
        return message_from_bytes(raw, policy=compat32), True
    except RecursionError:
        return BytesParser(policy=compat32).parsebytes(raw, headersonly=True), False


# --- headers ------------------------------------------------------------------------------------

_HEADER_END = re.compile(rb"\r\n\r\n|\n\n|\r\r")
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:|[ \t]|From ")
_LINE_END = re.compile(rb"(\r\n|\n|\r)")


def _repair_header_lines(raw: bytes) -> bytes:
    """A bare newline inside a header (e.g. in a display name) makes the stdlib end the header
    block there and read every later header as body. Such a stray line is joined to the header
    above it as a continuation line."""
    end = _HEADER_END.search(raw)
    head = raw[: end.start()] if end else raw
    if not _HEADER_LINE.match(head):
        return raw   # no header at all (a bare body fragment): leave it
    pieces = _LINE_END.split(head)
    lines = pieces[0::2]
    if all(_HEADER_LINE.match(ln) for ln in lines if ln):
        return raw
    fixed = [lines[0]]
    for sep, line in zip(pieces[1::2], lines[1:]):
        fixed.append(sep)
        fixed.append(line if not line or _HEADER_LINE.match(line) else b" " + line)
    return b"".join(fixed) + (raw[end.start():] if end else b"")


_UNFOLD = re.compile(r"\r?\n[ \t]*|\r[ \t]*")
_MSGID = re.compile(r"<([^<>]*)>")


def _rfc6532(value: str) -> str:
    """Raw 8-bit bytes in an address or Message-ID header are UTF-8 (RFC 6532). The parser
    leaves them surrogate-escaped, which no JSON file (the store) can hold."""
    if value.isascii():
        return value
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _header_text(value: str) -> str:
    return decode_header(value).strip()


def _ids(value: str | None) -> list[str]:
    """Message-IDs from a raw header: every <...>, whitespace removed (Exchange `<[...]>` and
    folded ids included); a bare id without brackets is bracketed."""
    if not value:
        return []
    text = _UNFOLD.sub("", _rfc6532(value))
    found = ["<" + re.sub(r"\s+", "", m) + ">" for m in _MSGID.findall(text)]
    found = [f for f in found if len(f) > 2]
    if not found:
        bare = text.strip().split()
        if bare and "@" in bare[0]:
            found = ["<" + bare[0].strip("<>") + ">"]
    # NUL and other control characters are no part of any real Message-ID; such an id is hostile
    # and would travel on into the store and our In-Reply-To.
    return [f for f in found if not _CONTROLS.search(f)]


def _first_id(value: str | None) -> str | None:
    ids = _ids(value)
    return ids[0] if ids else None


# The fallback's address must stand on its own: inside "a\x01b@c.jp" lies "b@c.jp", which is
# somebody else.
_ADDR = re.compile(r"(?<![^\s<>,;:\"'(\[])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+@[A-Za-z0-9\-]+"
                   r"(?:\.[A-Za-z0-9\-]+)*(?![^\s<>,;:\"')\]])")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
# What the stdlib returns as an address can be a fragment ("@d.jp") or hold control characters.
_WHOLE_ADDR = re.compile(r"[^\s@]+@[^\s@]+")


def _addresses(raw: str) -> list[tuple[str, str]]:
    """(lowercased address, decoded display name) pairs from a raw address header."""
    if not raw:
        return []
    text = _UNFOLD.sub(" ", _rfc6532(raw))
    pairs: list[tuple[str, str]] = []
    try:
        parsed = getaddresses([text])
    except Exception:  # noqa: BLE001 - stdlib raises on some malformed lists
        parsed = []
    for name, addr in parsed:
        addr = addr.strip()
        if not _WHOLE_ADDR.fullmatch(addr) or _CONTROLS.search(addr):
            continue
        pairs.append((addr.lower(), decode_header(name).strip().strip('"').strip()))
    if not pairs:   # the stdlib gave up (newline or odd quoting in a display name): best effort
        for m in _ADDR.finditer(text):
            name = text[: m.start()].split(",")[-1].strip().strip("<").strip().strip('"')
            pairs.append((m.group(0).lower(), decode_header(name).strip()))
    return pairs


def _first_address(raw: str) -> tuple[str, str]:
    pairs = _addresses(raw)
    return pairs[0] if pairs else ("", "")


def _parse_date(raw: str | None) -> datetime | None:
    """Aware datetime. An explicit numeric zone wins (-0000 = UTC); "JST" is +0900; a Date with
    no zone at all is taken as JST (local mail); other zone names as the stdlib knows them."""
    if not raw:
        return None
    text = _UNFOLD.sub(" ", raw).strip()
    try:
        parts = parsedate_tz(text)
        if parts is None:
            return None
        dt = datetime(parts[0], parts[1], parts[2], parts[3], parts[4], min(parts[5], 59))
        after_time = re.search(r"\d{1,2}:\d{2}(?::\d{2})?(.*)$", text)
        rest = after_time.group(1) if after_time else ""
        if re.search(r"[+-]\d{4}", rest) or (re.search(r"[A-Za-z]", rest) and "JST" not in rest.upper()):
            zone = timezone(timedelta(seconds=parts[9] or 0))
        else:
            zone = JST
        return dt.replace(tzinfo=zone)
    except (ValueError, TypeError, OverflowError, IndexError):
        return None


# --- body --------------------------------------------------------------------------------------

def _param(part: Message, name: str, header: str = "content-type") -> str | None:
    """A (possibly RFC 2231 encoded) parameter, decoded with our charsets."""
    try:
        value = part.get_param(name, header=header)
    except Exception:  # noqa: BLE001
        return None
    if value is None:
        return None
    if isinstance(value, tuple):   # RFC 2231: (charset, language, %-decoded latin-1 text)
        charset, _lang, text = value
        data = str(text).encode("latin-1", "surrogateescape")
        return one_line(decode_bytes(data, charset or None).text)   # %0D%0A is a line break
    return decode_header(str(value).strip('"'))


def _filename(part: Message) -> str:
    name = _param(part, "filename", "content-disposition") or _param(part, "name") or ""
    return name.strip()


def _raw_header(part: Message, name: str) -> str:
    """First raw value of a header (compat32's get() wraps 8-bit values in Header objects)."""
    for key, value in part.raw_items():
        if str(key).lower() == name:
            return str(value)
    return ""


def _disposition(part: Message) -> str:
    return _raw_header(part, "content-disposition").split(";", 1)[0].strip().lower()


class _Body:
    """Walks the MIME tree: the human-readable text of the top-level message, and the rest
    as attachments. Text inside attached messages (forwards, bounces) is not read."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.attachments: list[Attachment] = []
        self.defects: list[str] = []

    def walk(self, part: Message, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.defects.append("mime: nesting too deep")
            return
        ctype = part.get_content_type()
        if self._is_attachment(part, ctype):
            self._attach(part, ctype)
            return
        if part.is_multipart():
            children = [c for c in (part.get_payload() or []) if isinstance(c, Message)]
            if ctype == "multipart/alternative":
                self._alternative(children, depth)
            elif ctype in ("multipart/related", "multipart/signed", "multipart/report"):
                for i, child in enumerate(children):
                    if i == 0:
                        self.walk(child, depth + 1)
                    else:
                        self._attach(child, child.get_content_type())
            elif ctype == "multipart/encrypted":
                for child in children:
                    self._attach(child, child.get_content_type())
            else:
                for child in children:
                    self.walk(child, depth + 1)
            return
        if ctype == "text/plain" or ctype == "text/html":
            if self.texts and (ctype == "text/html" or _filename(part)):
                self._attach(part, ctype)   # a second body-ish part is an attached file
                return
            text = self._text(part, ctype)
            if text is not None:
                self.texts.append(text)
            return
        self._attach(part, ctype)

    def _alternative(self, children: list[Message], depth: int) -> None:
        """Plain text preferred; HTML when the plain part is missing or empty."""
        plain = [c for c in children if c.get_content_type() == "text/plain"]
        for c in plain:
            text = self._text(c, "text/plain")
            if text and text.strip():
                self.texts.append(text)
                return
        for c in reversed(children):   # richest last (RFC 2046); take the last usable one
            ctype = c.get_content_type()
            if ctype == "text/html":
                text = self._text(c, ctype)
                if text and text.strip():
                    self.texts.append(text)
                    return
            elif c.is_multipart():
                before = len(self.texts)
                self.walk(c, depth + 1)
                if len(self.texts) > before:
                    return

    @staticmethod
    def _is_attachment(part: Message, ctype: str) -> bool:
        """Attached messages, anything marked attachment, and non-text leaves."""
        if ctype.startswith("message/") or _disposition(part) == "attachment":
            return True
        if ctype in ("text/plain", "text/html") or part.is_multipart():
            return False
        return True

    def _attach(self, part: Message, ctype: str) -> None:
        try:
            if part.is_multipart():
                size = sum(_approx_size(p) for p in part.get_payload() or [])
            else:
                data = part.get_payload(decode=True)
                size = len(data) if isinstance(data, (bytes, bytearray)) else 0
        except Exception:  # noqa: BLE001
            size = 0
        name = _filename(part)
        if not name and ctype == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                name = decode_header(_raw_header(inner[0], "subject")).strip()
        self.attachments.append(Attachment(filename=name, content_type=ctype, size=size))

    def _text(self, part: Message, ctype: str) -> str | None:
        try:
            data = part.get_payload(decode=True)
        except Exception:  # noqa: BLE001
            data = None
        if data is None:
            payload = part.get_payload()
            if not isinstance(payload, str):
                return None
            data = payload.encode("ascii", "surrogateescape")
        charset = part.get_param("charset")
        if isinstance(charset, tuple):
            charset = charset[2]
        if ctype == "text/html" and not charset:
            m = _META_CHARSET.search(data[:4096])
            charset = m.group(1).decode("ascii", "replace") if m else None
        decoded = decode_bytes(data, charset)
        if decoded.defect:
            self.defects.append(f"{ctype}: {decoded.defect}")
        text = decoded.text
        if ctype == "text/html":
            return html_to_text(text)
        if str(part.get_param("format") or "").lower() == "flowed":
            return unflow(text, delsp=str(part.get_param("delsp") or "").lower() == "yes")
        return text


def unflow(text: str, delsp: bool = False) -> str:
    """Undo RFC 3676 format=flowed (Apple Mail, Thunderbird): soft-wrapped lines are joined,
    so a date or a phone number wrapped at column 78 is whole again."""
    out: list[str] = []
    pending: tuple[int, str] | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]   # space-stuffing
        if pending is not None:
            if pending[0] == depth:
                content = pending[1] + content
            else:
                out.append(_flowed_line(*pending))
            pending = None
        if content.endswith(" ") and content != "-- ":
            pending = (depth, content[:-1] if delsp else content)
        else:
            out.append(_flowed_line(depth, content))
    if pending is not None:
        out.append(_flowed_line(*pending))
    return "\n".join(out)


def _flowed_line(depth: int, content: str) -> str:
    return ">" * depth + " " + content if depth else content


def _approx_size(part: object, depth: int = 0) -> int:
    """Size of an attached message as it was encoded (re-serialising it would be slow)."""
    if not isinstance(part, Message) or depth > _MAX_DEPTH:
        return 0
    size = sum(len(str(k)) + len(str(v)) + 4 for k, v in part.raw_items()) + 2
    payload = part.get_payload()
    if isinstance(payload, list):
        return size + sum(_approx_size(p, depth + 1) for p in payload)
    return size + len(payload) if isinstance(payload, str) else size


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
# control characters and invisible joiners (a zero-width space inside "12月3日" hides the date)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


# --- HTML -> text ------------------------------------------------------------------------------

_BLOCK = frozenset({"p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                    "table", "pre", "hr", "dt", "dd", "dl", "section", "article", "header",
                    "footer", "address", "center", "form", "fieldset", "title"})
_SKIP = frozenset({"style", "script", "head", "template", "noscript", "xml"})
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.line: list[str] = []
        self.quote = 0
        self.skip = 0
        self.pre = 0

    def _newline(self, force: bool = False) -> None:
        """End the current line; an empty one only for <br> (blocks do not stack blanks)."""
        text = "".join(self.line).strip()
        if text or force:
            self.lines.append((self.quote, text))
        self.line = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            self.skip = 0   # an unclosed <head> must not hide the body
        elif tag in _SKIP:
            self.skip += 1
        elif tag == "blockquote":
            self._newline()
            self.quote += 1
        elif tag == "br":
            self._newline(force=True)
        elif tag in _BLOCK:
            if tag == "pre":
                self.pre += 1
            self._newline()
        elif tag in ("td", "th"):
            self.line.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self._newline(force=True)
        elif tag in _BLOCK:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self._newline()
            self.quote = max(0, self.quote - 1)
        elif tag in _BLOCK and tag != "br":
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            chunks = data.replace("\r\n", "\n").split("\n")
            for i, chunk in enumerate(chunks):
                if i:
                    self._newline(force=True)
                self.line.append(chunk.replace("\u00a0", " "))
        else:
            self.line.append(_SPACE.sub(" ", data))


def html_to_text(html: str) -> str:
    """Readable text from HTML mail; <blockquote> lines come out prefixed with "> " so the
    quote stripper treats them as quoted."""
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but be safe
        return unescape(re.sub(r"<[^>]*>", " ", html))
    parser._newline()
    out: list[str] = []
    for depth, line in parser.lines:
        if not line and out and out[-1] == "":
            continue
        out.append(("> " * depth + line).rstrip() if line else ("" if not depth else ">"))
    return "\n".join(out).strip("\n")
