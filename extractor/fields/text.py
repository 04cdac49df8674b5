"""Small text helpers shared by the field extractors."""
from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])|\n+")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence holding text[start:end]."""
    left = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = SENTENCE_END.search(text, end)
    return left, m.start() if m else len(text)


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:]."""
    spans, left = [], start
    for m in SENTENCE_END.finditer(text, start):
        if m.start() > left:
            spans.append((left, m.start()))
        left = m.end()
    if left < len(text):
        spans.append((left, len(text)))
    return spans
