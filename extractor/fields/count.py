"""Participant count: a stated total of participants ("berjumlah 70 orang", "diikuti 120 peserta")."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from extractor.data import alternation, load_toml
from extractor.fields import FieldResult
from extractor.fields.text import doc_text

# a number, and the words that spell it out in official releases: "75 (tujuh puluh lima) orang"
NUMBER = r"(?P<n>\d{1,3}(?:\.\d{3})*|\d+)(?:\s+\([a-z ]{3,60}\))?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = load_toml("patterns.toml")["count"]
    lead = alternation(table["lead_ins"])
    nouns = alternation(table["participant_nouns"])
    # "peserta ... berjumlah 60 orang", "diikuti oleh 120 peserta", "sebanyak 80 peserta"
    stated = re.compile(
        rf"\b(?:peserta\b[^.\n]{{0,40}}?\b(?:{lead})\s+|(?:diikuti|dihadiri)(?:\s+oleh)?\s+(?:(?:sekitar|sebanyak|kurang lebih|lebih dari|±)\s*)?|(?:sebanyak|sekitar|berjumlah|kurang lebih|±)\s*)"
        rf"{NUMBER}\s+(?P<noun>{nouns})\b",
        re.I,
    )
    bare = re.compile(rf"\b{NUMBER}\s+peserta\b", re.I)
    excluded = re.compile(rf"^\s*(?:{alternation(table['not_participants'])})\b", re.I)
    return stated, bare, excluded


def extract_participant_count(doc: Doc) -> FieldResult:
    text = doc_text(doc)[doc._.body_start:]
    offset = doc._.body_start
    stated, bare, excluded = _patterns()
    for pattern, confidence in ((stated, 0.85), (bare, 0.6)):
        for m in pattern.finditer(text):
            window = text[max(0, m.start() - 120):m.start()].lower()
            if m.group("noun" if "noun" in pattern.groupindex else 0).lower() == "orang" and not re.search(
                r"peserta|diikuti|dihadiri|hadir|terdiri", window + m.group().lower()
            ):
                continue
            if excluded.match(text[m.end("n"):]):
                continue
            value = int(m.group("n").replace(".", ""))
            return FieldResult(value, [(offset + m.start(), offset + m.end())], confidence)
    return FieldResult()
