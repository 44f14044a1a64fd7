"""How sure the parser is of each field, and what happens below the line.

Every field carries the rule that produced it (a label, an introduction, a sign-off, the
dictionary …) and a confidence for that rule. The figures are an order, not a probability: a
label the writer filled in is surer than a name guessed from a closing line. Below THRESHOLD
the value is dropped and a `low_confidence:` warning names the field, so the conversation asks
instead of acting on a guess (issue 8 item 2).
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 0.5

NAME_RULES = {
    "label": 0.95, "introduction": 0.9, "english_introduction": 0.9, "relative": 0.85,
    "named_for": 0.85, "signoff": 0.8, "english_signoff": 0.75, "dictionary": 0.7,
    "inline": 0.65, "lone_line": 0.6,
    # a first name alone closing an English mail, with nothing else naming the writer
    "english_first_name": 0.4,
}


@dataclass(frozen=True)
class Reading:
    """One field as read: its value, the rule that gave it and how sure that rule is."""

    value: object
    reason: str | None
    confidence: float

    def to_json(self) -> dict:
        return {"value": self.value, "reason": self.reason, "confidence": round(self.confidence, 2)}


def name_reading(name: str | None, rule: str | None) -> Reading:
    if name is None:
        return Reading(None, None, 0.0)
    return Reading(name, rule, NAME_RULES.get(rule or "", 0.5))


def plain(value: object, reason: str | None, confidence: float = 0.9) -> Reading:
    """A field whose extractor has one rule (a pattern or a label), or found nothing."""
    if value in (None, [], ()):
        return Reading(value if value is not None else None, None, 0.0)
    return Reading(value, reason, confidence)


def apply_threshold(readings: dict[str, Reading]) -> tuple[dict[str, Reading], list[str]]:
    """Readings below THRESHOLD lose their value; one warning each."""
    out, warnings = {}, []
    for field, r in readings.items():
        if r.value not in (None, [], ()) and r.confidence < THRESHOLD:
            warnings.append(f"low_confidence: {field} ({r.reason}, {r.confidence:.2f}) left for the workflow to ask")
            out[field] = Reading(None, r.reason, r.confidence)
        else:
            out[field] = r
    return out, warnings
