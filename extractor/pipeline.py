"""From a raw input to a validated record: clean, run the spaCy pipeline, read `doc._.record`."""
from __future__ import annotations

import logging
from datetime import date

from extractor.article import Article, RawDocument
from extractor.builder import build_record
from extractor.clean import clean_document
from extractor.fields.relevance import may_be_meeting
from extractor.limits import DocumentTimeout, run_with_timeout
from extractor.nlp import build_pipeline
from extractor.record import MeetingRecord

log = logging.getLogger(__name__)
MAX_EXTRACT_CHARS = 100_000  # news reports run to a few thousand characters; the rest of a huge page is noise


def published_date(published: str | None) -> date | None:
    """The local calendar date of an ISO publication timestamp (the offset is already local)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def extract_article(article: Article, use_ner: bool = True) -> MeetingRecord:
    """Run the field pipeline over a clean article."""
    if article.error:
        return build_record(article, {}, article.text)
    nlp = build_pipeline(use_ner)
    text = article.text
    if len(text) > MAX_EXTRACT_CHARS:  # evidence spans stay valid: the doc is a prefix of the clean text
        text = text[:MAX_EXTRACT_CHARS]
        article.warnings.append(f"fields read from the first {MAX_EXTRACT_CHARS} characters of {len(article.text)}")
    doc = nlp.make_doc(text)
    doc._.joined_text = text  # the tokenizer keeps every character: doc.text == text, without rejoining
    doc._.published_date = published_date(article.published)
    doc._.body_start = article.body_offset
    doc._.article = article
    return nlp(doc)._.record


def _extract(raw: RawDocument, use_ner: bool) -> MeetingRecord:
    article = clean_document(raw)
    if article.error or not may_be_meeting(article.text):
        return build_record(article, {}, article.text)  # pre-filtered: no spaCy, no field rules
    return extract_article(article, use_ner)


def extract_record(raw: RawDocument, use_ner: bool = True, timeout: float | None = None) -> MeetingRecord:
    """One record for one input, whatever the input holds: failures and documents that run over
    `timeout` seconds become an `error` record, so one bad page never stops a batch."""
    try:
        return run_with_timeout(_extract, raw, use_ner, seconds=timeout)
    except DocumentTimeout as exc:
        log.warning("%s: %s", raw.doc_id, exc)
        return MeetingRecord(doc_id=raw.doc_id, source=raw.source, error=f"timeout: {exc}")
    except Exception as exc:
        log.exception("extraction failed for %s", raw.doc_id)
        return MeetingRecord(doc_id=raw.doc_id, source=raw.source, error=f"{type(exc).__name__}: {exc}")
