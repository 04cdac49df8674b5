"""Relevance: does the article report one specific coordination meeting?

A weighted sum of genre cues (data/patterns.toml [relevance]) through a logistic; the headline
and lead paragraph count double because a meeting report names its meeting up front.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from spacy.tokens import Doc

from extractor.data import load_toml
from extractor.fields import FieldResult

LEAD_CHARS = 600


@lru_cache(maxsize=1)
def _weights() -> tuple[float, list[tuple[re.Pattern[str], float]]]:
    table = load_toml("patterns.toml")["relevance"]
    return table["bias"], [(re.compile(p, re.I), w) for p, w in table["weights"].items()]


def meeting_probability(text: str, lead_end: int) -> tuple[float, list[tuple[int, int]]]:
    bias, weights = _weights()
    score, evidence = bias, []
    for pattern, weight in weights:
        hits = list(pattern.finditer(text))
        if not hits:
            continue
        in_lead = any(h.start() < lead_end for h in hits)
        score += weight * (1.5 if in_lead else 1.0)
        if weight > 0:
            evidence.append((hits[0].start(), hits[0].end()))
    return 1.0 / (1.0 + math.exp(-score / 2.0)), sorted(evidence)[:3]


def extract_relevance(doc: Doc) -> FieldResult:
    probability, evidence = meeting_probability(doc.text, doc._.body_start + LEAD_CHARS)
    return FieldResult(value=probability >= 0.5, evidence=evidence, confidence=round(probability, 3))
