"""The record builder: the only place that knows every field of the record."""
from __future__ import annotations

from extractor import gazetteer
from extractor.article import Article
from extractor.fields import FieldResult
from extractor.record import Attendee, MeetingRecord, Span


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
