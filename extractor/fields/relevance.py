"""Relevance: does the article report one specific coordination meeting?

A weighted sum of genre cues (data/patterns.toml [relevance]) through a logistic; the headline
and lead paragraph count double because a meeting report names its meeting up front.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from spacy.tokens import Doc

from extractor.data import alternation, load_toml
from extractor.fields import FieldResult
from extractor.fields.text import doc_text

LEAD_CHARS = 600
# A paragraph opening with a dateline ("PAINAN – ") starts a news item; several make a list of headlines.
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’/()-]{1,40}?\s[–—-]{1,2}\s", re.M)


@lru_cache(maxsize=1)
def _weights() -> tuple[float, list[tuple[re.Pattern[str], float]]]:
    table = load_toml("patterns.toml")["relevance"]
    return table["bias"], [(re.compile(p, re.I), w) for p, w in table["weights"].items()]


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern[str]:
    """A meeting noun of data/patterns.toml [meeting] at a word start ('rakor' also finds 'rakorwil')."""
    return re.compile(r"\b(?:" + alternation(load_toml("patterns.toml")["meeting"]["nouns"]) + ")", re.I)


@lru_cache(maxsize=1)
def topic_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words of an election and of the other topics a rakor is often about ([relevance.topic])."""
    topic = load_toml("patterns.toml")["relevance"]["topic"]
    return tuple(re.compile(r"\b(?:" + "|".join(topic[k]) + r")\b", re.I) for k in ("election", "other"))


def topic_factor(text: str) -> float:
    """1 for an election meeting; less when the text never names an election, or names
    another topic first and more often."""
    table = load_toml("patterns.toml")["relevance"]
    election, other = (list(p.finditer(text)) for p in topic_regexes())
    if not election:
        return table["no_election_factor"]
    if other and other[0].start() < election[0].start() and len(other) > len(election):
        return table["other_topic_factor"]
    return 1.0


def may_be_meeting(text: str) -> bool:
    """The pre-filter: without a meeting noun no relevance cue with a positive weight beyond
    'dihadiri' can fire, so the page cannot reach probability 0.5; one regex search decides."""
    return cue_regex().search(text) is not None


def meeting_probability(text: str, lead_end: int) -> tuple[float, list[tuple[int, int]]]:
    bias, weights = _weights()
    score, evidence = bias, []
    if len(DATELINE.findall(text)) >= 3:
        score += load_toml("patterns.toml")["relevance"]["list_page"]
    for pattern, weight in weights:
        first = pattern.search(text)  # the first hit is in the lead if any is
        if first is None:
            continue
        score += weight * (1.5 if first.start() < lead_end else 1.0)
        if weight > 0:
            evidence.append((first.start(), first.end()))
    return topic_factor(text) / (1.0 + math.exp(-score / 2.0)), sorted(evidence)[:3]


def is_anchored(doc: Doc) -> bool:
    """A report of one specific meeting says when or where it took place; an opinion piece does not.

    The date and place read here are kept in doc._.fields, so their components do not read them again.
    """
    from extractor.fields.dates import extract_meeting_date
    from extractor.fields.venue import extract_venue

    if doc._.fields is None:
        doc._.fields = {}
    fields = doc._.fields
    fields["meeting_date"] = fields.get("meeting_date") or extract_meeting_date(doc)
    fields["venue"] = fields.get("venue") or extract_venue(doc)
    return (fields["meeting_date"].value is not None or fields["venue"].value is not None
            or _weekday_of_meeting(doc_text(doc), doc._.body_start))


@lru_cache(maxsize=1)
def _weekday() -> re.Pattern[str]:
    cal = load_toml("calendar.toml")
    return re.compile(rf"\b(?:{alternation(cal['weekdays'])}|hari ini|kemarin)\b", re.I)


def _weekday_of_meeting(text: str, body: int) -> bool:
    """"... pada Jumat, menggelar rapat koordinasi": a weekday in the meeting's sentence dates it,
    though with no publication date it cannot be resolved."""
    from extractor.fields.text import mentions_meeting, sentences

    return any(_weekday().search(text, s, e) and mentions_meeting(text, s, e) for s, e in sentences(text, body))


def extract_relevance(doc: Doc) -> FieldResult:
    probability, evidence = meeting_probability(doc_text(doc), doc._.body_start + LEAD_CHARS)
    if probability >= 0.5 and not is_anchored(doc):
        probability *= load_toml("patterns.toml")["relevance"]["unanchored_factor"]
    return FieldResult(value=probability >= 0.5, evidence=evidence, confidence=round(probability, 3))
