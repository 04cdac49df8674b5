"""Sentence spans of the clean text, aware of the genre's abbreviations ("Drs. Alfian", "Jl. Sudirman")."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc

from extractor import gazetteer
from extractor.data import alternation, load_toml

if not Doc.has_extension("joined_text"):
    Doc.set_extension("joined_text", default=None)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])|\n+")
LAST_WORD = re.compile(r"(\S+)\s*$")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], re.Pattern[str]]:
    listed = frozenset(a.lower() for a in load_toml("tokenizer.toml")["abbreviations"])
    return listed, re.compile(rf"(?:{gazetteer.title_pattern()}|{gazetteer.degree_pattern()}|[A-Z]\.)")


def _is_abbreviation(text: str, boundary: int) -> bool:
    """True when the period before `boundary` closes an abbreviation, not a sentence."""
    m = LAST_WORD.search(text, max(0, boundary - 40), boundary)
    if not m or not m.group(1).endswith("."):
        return False
    word = m.group(1).lstrip("(\"“")
    listed, titles = _abbreviations()
    return word.lower() in listed or bool(titles.fullmatch(word))


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per document: spaCy rebuilds it from every token on each access,
    which cost a third of the field extractors' time when each of them read it."""
    if doc._.joined_text is None:
        doc._.joined_text = doc.text
    return doc._.joined_text


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:]."""
    return list(_sentences(text, start))


@lru_cache(maxsize=16)
def _sentences(text: str, start: int) -> tuple[tuple[int, int], ...]:
    spans, left = [], start
    for m in SENTENCE_END.finditer(text, start):
        if m.group().strip() == "" and "\n" not in m.group() and _is_abbreviation(text, m.start()):
            continue
        if m.start() > left:
            spans.append((left, m.start()))
        left = m.end()
    if left < len(text):
        spans.append((left, len(text)))
    return tuple(spans)


@lru_cache(maxsize=16)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in _sentences(text, 0))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence holding text[start:end] (bisect over sentence starts)."""
    spans = _sentences(text, 0)
    i = bisect_right(_sentence_starts(text), start) - 1
    return spans[i] if i >= 0 else (0, len(text))


@lru_cache(maxsize=1)
def _meeting_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(load_toml('patterns.toml')['dates']['meeting_cues'])})\b", re.I)


@lru_cache(maxsize=1024)
def mentions_meeting(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names the meeting or its taking place (cached: many dates and
    places can share one sentence)."""
    return _meeting_cue().search(text, start, end) is not None
