"""Plain-text tables that line up in a Japanese terminal.

Full-width characters (漢字, かな, ＡＢＣ) take two columns; Python's str.ljust counts them as
one, so names and reasons push every later column out of line. wcwidth knows each
character's width (the same tables terminals use); this module pads by it and cuts long cells
with "…" at a column budget, never in the middle of a wide character.
"""

from __future__ import annotations

from typing import Sequence

from wcwidth import wcswidth, wcwidth


def width(text: str) -> int:
    w = wcswidth(text)
    return w if w >= 0 else sum(max(wcwidth(c), 0) for c in text)


def cut(text: str, limit: int) -> str:
    """`text` shortened to `limit` columns, with "…" when something was cut."""
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = max(wcwidth(ch), 0)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def render(headers: Sequence[str], rows: Sequence[Sequence[object]], *, limits: dict[int, int] | None = None,
           gap: str = "  ") -> str:
    """A table with a header line and a rule; `limits` caps a column's width (by index)."""
    limits = limits or {}
    cells = [[cut(str(c if c is not None else ""), limits.get(i, 10_000)) for i, c in enumerate(row)]
             for row in [list(headers), *rows]]
    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        padded = [c + " " * (widths[i] - width(c)) for i, c in enumerate(row)]
        lines.append(gap.join(padded).rstrip())
        if n == 0:
            lines.append(gap.join("-" * w for w in widths))
    return "\n".join(lines)
