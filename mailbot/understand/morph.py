"""Morphological analysis for names: which words the dictionary knows as a person's name.

The name rules in fields.py find names by position (labels, introductions, sign-offs); what they
cannot tell is whether the word in that position is a name at all (「急 様」「質問」). A
dictionary can: fugashi (MeCab) with unidic-lite marks 固有名詞/人名 (姓, 名) and 普通名詞 for every
word. SudachiPy with sudachidict-core was measured too (both ship their dictionary in the wheel):
the same name accuracy on every in-repo set, but +135 MB of memory against +80 MB (bench/README.md), so
fugashi is the one kept and pinned. `bench/parse_names.py` repeats the measurement
(MAILBOT_MORPH=fugashi|sudachi|none picks the analyser; sudachi only where it is installed). The
analyser is loaded once, on first use, and only short candidate lines are analysed.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Word:
    surface: str
    pos: tuple[str, ...]          # e.g. ("名詞", "固有名詞", "人名", "姓")

    @property
    def person(self) -> str | None:
        """"姓", "名" or "一般" for a person's name, else None."""
        if len(self.pos) > 3 and self.pos[1] == "固有名詞" and self.pos[2] == "人名":
            return self.pos[3]
        return None

    @property
    def common_noun(self) -> bool:
        return len(self.pos) > 1 and self.pos[0] == "名詞" and self.pos[1] == "普通名詞"

    @property
    def place(self) -> bool:
        return len(self.pos) > 2 and self.pos[1] == "固有名詞" and self.pos[2] == "地名"


def _sudachi() -> Callable[[str], list[Word]]:
    from sudachipy import Dictionary, SplitMode

    tokenizer = Dictionary(dict="core").create(SplitMode.C)
    return lambda text: [Word(m.surface(), tuple(m.part_of_speech())) for m in tokenizer.tokenize(text)]


def _fugashi() -> Callable[[str], list[Word]]:
    import fugashi

    tagger = fugashi.Tagger()
    return lambda text: [Word(w.surface, tuple(w.feature[:4])) for w in tagger(text)]


BACKENDS = {"sudachi": _sudachi, "fugashi": _fugashi}
DEFAULT = "fugashi"


@functools.cache
def _analyser(name: str) -> Callable[[str], list[Word]] | None:
    if name not in BACKENDS:
        return None
    try:
        return BACKENDS[name]()
    except Exception:  # noqa: BLE001 - a missing or broken dictionary leaves the rules alone
        return None


def backend() -> str:
    return os.environ.get("MAILBOT_MORPH", DEFAULT)


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple[Word, ...]:
    """The words of a short text; () when no analyser is available."""
    analyse = _analyser(backend())
    if analyse is None or not text:
        return ()
    return tuple(w for w in analyse(text) if w.surface.strip())


def available() -> bool:
    return _analyser(backend()) is not None


def is_common_noun(candidate: str, context: str = "") -> bool:
    """The analyser reads `candidate` (in its line `context`) as ordinary words that cannot be a
    name and no part of it as a person's name: 「質問」「急」「担当」. False when no analyser is
    available."""
    if not available():
        return False
    ws = _covering(candidate, context or candidate)
    nouns = [w for w in ws if w.pos and w.pos[0] in ("名詞", "代名詞")]
    if not nouns or any(w.person or w.place for w in ws) or not all(w.common_noun or w.pos[0] == "代名詞" for w in nouns):
        return False
    # 林, 森, 原 (and the parts of 木ノ下) are ordinary nouns and surnames alike; nouns of action
    # or state (質問, 担当 サ変, 急 形状詞, 以上 副詞可能) and pronouns are never names.
    if all(w.pos[0] == "代名詞" or len(w.pos) > 2 and w.pos[2] != "一般" for w in nouns):
        return True
    # Two ordinary words of two characters or more, spaced like a name, are a shop or a thing:
    # 「居酒屋 大漁」 (but 「林 空」 may be a person)
    parts = candidate.split(" ")
    return len(parts) == 2 and all(len(p) >= 2 for p in parts) and len(nouns) == len(ws)


def is_person(candidate: str, context: str = "") -> bool:
    """Every word of `candidate` is one the analyser marks as a person's name."""
    ws = _covering(candidate, context or candidate)
    return bool(ws) and all(w.person for w in ws)


def _covering(candidate: str, context: str) -> list[Word]:
    """The words of `context` that make up `candidate` (spaces ignored), or those of the
    candidate alone when the context splits it differently."""
    flat = candidate.replace(" ", "")
    ws = list(words(context))
    pos, spans = 0, []
    for w in ws:
        spans.append((pos, pos + len(w.surface), w))
        pos += len(w.surface)
    joined = "".join(w.surface for w in ws)
    at = joined.find(flat)
    if at >= 0:
        inside = [w for a, b, w in spans if a >= at and b <= at + len(flat)]
        if "".join(w.surface for w in inside) == flat:
            return inside
    return [w for w in words(candidate) if w.surface.strip()]


def person_names(line: str) -> list[str]:
    """Runs of person-name words in a line: 姓 followed by 名 (「小松 早苗」), or a lone 姓.
    A space the writer put between them is kept."""
    out: list[str] = []
    ws = list(words(line))
    if len(ws) == 1 and ws[0].person == "一般" and len(ws[0].surface) >= 2:
        return [ws[0].surface]                   # a foreign name on its own line: 「グエン」
    i = 0
    while i < len(ws):
        w = ws[i]
        if w.person == "姓":
            name = w.surface
            if i + 1 < len(ws) and ws[i + 1].person == "名":
                gap = line[line.find(w.surface) + len(w.surface):].startswith((" ", "\u3000"))
                name += (" " if gap else "") + ws[i + 1].surface
                i += 1
            out.append(name)
        i += 1
    return out
