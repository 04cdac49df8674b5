"""spaCy factories wrapping the field extractors, so `nlp.add_pipe("rakor_date")` works anywhere.

Each component stores its FieldResult in `doc._.fields[<field>]`; the field components do nothing
on a document that the relevance component judged not to be a meeting report.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from extractor.article import Article
from extractor.builder import build_record
from extractor.fields import FieldResult
from extractor.fields.attendees import extract_attendees
from extractor.fields.count import extract_participant_count
from extractor.fields.dates import extract_meeting_date
from extractor.fields.goals import extract_goals
from extractor.fields.host import extract_host
from extractor.fields.relevance import extract_relevance
from extractor.fields.venue import extract_venue


class FieldComponent:
    def __init__(self, field: str, extract: Callable[[Doc], FieldResult], always: bool = False):
        self.field, self.extract, self.always = field, extract, always

    def __call__(self, doc: Doc) -> Doc:
        if doc._.fields is None:
            doc._.fields = {}
        relevant = doc._.fields.get("is_meeting_report")
        if self.always or (relevant is not None and relevant.value):
            doc._.fields[self.field] = self.extract(doc)
        return doc


_FIELDS = {
    "rakor_relevance": ("is_meeting_report", extract_relevance, True),
    "rakor_date": ("meeting_date", extract_meeting_date, False),
    "rakor_venue": ("venue", extract_venue, False),
    "rakor_host": ("host", extract_host, False),
    "rakor_attendees": ("attendees", extract_attendees, False),
    "rakor_count": ("participant_count", extract_participant_count, False),
    "rakor_goals": ("goals", extract_goals, False),
}


def _register(factory: str, field: str, extract: Callable[[Doc], FieldResult], always: bool) -> None:
    @Language.factory(factory)
    def make(nlp: Language, name: str) -> FieldComponent:
        return FieldComponent(field, extract, always)


for _factory, (_field, _extract, _always) in _FIELDS.items():
    _register(_factory, _field, _extract, _always)


@Language.factory("rakor_record")
def make_record_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Puts the MeetingRecord built from the field components in `doc._.record`."""

    def set_record(doc: Doc) -> Doc:
        article = doc._.article or Article(doc_id="", source="")
        doc._.record = build_record(article, doc._.fields or {}, doc.text)
        return doc

    return set_record
