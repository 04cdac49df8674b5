"""From a raw input to a validated record: clean, run the spaCy pipeline, read `doc._.record`."""
from __future__ import annotations

import logging
from datetime import date

from extractor.article import Article, RawDocument
from extractor.builder import build_record
from extractor.clean import clean_document
from extractor.nlp import build_pipeline
from extractor.record import MeetingRecord

log = logging.getLogger(__name__)


def _published_date(published: str | None) -> date | None:
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
    doc = nlp.make_doc(article.text)
    doc._.published_date = _published_date(article.published)
    doc._.body_start = article.body_offset
    doc._.article = article
    return nlp(doc)._.record


def extract_record(raw: RawDocument, use_ner: bool = True) -> MeetingRecord:
    """One record for one input, whatever the input holds: failures become an `error` record."""
    try:
        return extract_article(clean_document(raw), use_ner)
    except Exception as exc:  # one bad page must never stop a batch
        log.exception("extraction failed for %s", raw.doc_id)
        return MeetingRecord(doc_id=raw.doc_id, source=raw.source, error=f"{type(exc).__name__}: {exc}")
