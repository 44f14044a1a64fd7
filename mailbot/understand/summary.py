"""A compact, human-readable account of what the bot understood (for `mailbot parse`).

Staff read this to check the parser before trusting the bot with a mail; the labels are
bilingual so both staff and admins can read it at a glance.
"""

from __future__ import annotations

from mailbot.understand.model import Inbound, Understanding

_WEEKDAYS = "月火水木金土日"


def summarize(label: str, inbound: Inbound | None, u: Understanding) -> str:
    """Several lines describing one parsed mail; `label` is the file name as given."""
    lines = [f"== {label}"]
    if inbound is not None:
        if inbound.subject:
            lines.append(f"  subject 件名     : {inbound.subject}")
        if inbound.date is not None:
            lines.append(f"  date    日付     : {inbound.date.isoformat()}")
    lines.append(f"  intent  意図     : {u.intent}")
    rows = (("name    氏名     ", u.name), ("seeker  求職番号 ", u.seeker_number),
            ("email   メール   ", u.email), ("phone   電話     ", u.phone),
            ("choice  選択番号 ", u.choice), ("attend  同席者   ", u.attendant))
    for title, value in rows:
        if value is not None:
            lines.append(f"  {title}: {value}")
    for i, r in enumerate(u.requested, 1):
        when = f"{r.date.isoformat()}({_WEEKDAYS[r.date.weekday()]})"
        if r.start and r.end:
            when += f" {r.start:%H:%M}-{r.end:%H:%M}"
        elif r.start:
            when += f" {r.start:%H:%M}"
        else:
            when += " 終日/whole day"
        lines.append(f"  wish {i}  希望{i}    : {when}")
    for w in u.warnings:
        lines.append(f"  ! {w}")
    return "\n".join(lines)
