"""From a raw input to a validated record: clean, run the spaCy pipeline, build the record.

The record builder is the only place that knows every field.
"""
from __future__ import annotations

import logging
from datetime import date

from extractor import gazetteer
from extractor.article import Article, RawDocument
from extractor.clean import clean_document
from extractor.fields import FieldResult
from extractor.nlp import build_pipeline
from extractor.record import Attendee, MeetingRecord, Span

log = logging.getLogger(__name__)


def _published_date(published: str | None) -> date | None:
    """The local calendar date of an ISO publication timestamp (the offset is already local)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _spans(text: str, result: FieldResult) -> list[Span]:
    return [Span(start=s, end=e, text=text[s:e]) for s, e in result.evidence]


def build_record(article: Article, fields: dict[str, FieldResult], text: str) -> MeetingRecord:
    record = MeetingRecord(
        doc_id=article.doc_id, source=article.source, title=article.title, published=article.published,
        error=article.error, warnings=list(article.warnings),
    )
    relevance = fields.get("is_meeting_report")
    if relevance is None:
        return record
    record.is_meeting_report = bool(relevance.value)
    record.meeting_probability = relevance.confidence
    record.evidence["is_meeting_report"] = _spans(text, relevance)
    if not record.is_meeting_report:
        return record
    for name, result in fields.items():
        if name == "is_meeting_report" or result.value in (None, []):
            continue
        record.confidence[name] = result.confidence
        record.warnings.extend(result.warnings)
        if name in ("attendees", "goals"):
            for i, span in enumerate(_spans(text, result)):
                record.evidence[f"{name}[{i}]"] = [span]
        else:
            record.evidence[name] = _spans(text, result)
    date_result = fields.get("meeting_date")
    if date_result:
        record.meeting_date = date_result.value
        record.meeting_date_alt = date_result.alternatives
        if date_result.evidence:
            s, e = date_result.evidence[0]
            record.date_text = text[s:e]
    record.venue = fields["venue"].value if "venue" in fields else None
    if "host" in fields and fields["host"].value:
        record.host = fields["host"].value
        record.host_canonical = gazetteer.canonical_institution(record.host)
    record.attendees = [Attendee(**a) for a in fields["attendees"].value or []] if "attendees" in fields else []
    record.participant_count = fields["participant_count"].value if "participant_count" in fields else None
    record.goals = fields["goals"].value or [] if "goals" in fields else []
    return record


def extract_article(article: Article, use_ner: bool = True) -> MeetingRecord:
    """Run the field pipeline over a clean article."""
    if article.error:
        return build_record(article, {}, article.text)
    nlp = build_pipeline(use_ner)
    doc = nlp.make_doc(article.text)
    doc._.published_date = _published_date(article.published)
    doc._.body_start = article.body_offset
    doc = nlp(doc)
    return build_record(article, doc._.fields or {}, doc.text)


def extract_record(raw: RawDocument, use_ner: bool = True) -> MeetingRecord:
    """One record for one input, whatever the input holds: failures become an `error` record."""
    try:
        return extract_article(clean_document(raw), use_ner)
    except Exception as exc:  # one bad page must never stop a batch
        log.exception("extraction failed for %s", raw.doc_id)
        return MeetingRecord(doc_id=raw.doc_id, source=raw.source, error=f"{type(exc).__name__}: {exc}")
