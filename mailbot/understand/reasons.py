"""A cancel word given as the reason for a new wish is a change, not a cancellation.

「その日は行けなくなったので、12月18日の同じ時間にお願いできますか」: 行けなくなった says why,
the sentence goes on to ask for another day. Read as a cancellation, the booking would be
dropped; read as a change, a new offer goes out and the old seat is kept until one is picked.
"""

from __future__ import annotations

import re

_GREETING = re.compile(r"(?:どうぞ|何卒)?(?:よろしく|宜しく)\s*(?:お願い|おねがい)[^。!?！？\n]{0,8}")
_REASON = re.compile(r"^[^。!?！？\n]{0,10}?(?:ので|ため|から|けど|けれど|が)[、,]?")


def cancel_is_reason(sentences: list[str], cancel: re.Pattern[str], want: re.Pattern[str],
                     has_dates: bool) -> bool:
    """Every cancel word is followed by a reason ending (ので/ため…), and with a date in the mail
    something is asked for after it."""
    if not has_dates:
        return False
    hits = [(s, m) for s in sentences for m in [cancel.search(s)] if m]
    if not hits:
        return False
    for s, m in hits:
        reason = _REASON.match(s[m.end():])
        if not reason:
            return False
        rest = _GREETING.sub("", s[m.end() + reason.end():])
        later = [_GREETING.sub("", x) for x in sentences[sentences.index(s) + 1:]]
        if not (want.search(rest) or any(want.search(x) for x in later)):
            return False
    return True
