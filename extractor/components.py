"""spaCy factories wrapping the field extractors, so `nlp.add_pipe("rakor_date")` works anywhere.

Each component stores its FieldResult in `doc._.fields[<field>]`, once (relevance may already have
read the date and the place); the field components do nothing on a document that the relevance
component judged not to be a meeting report.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from threadpoolctl import ThreadpoolController

from extractor.article import Article
from extractor.builder import build_record
from extractor.fields import FieldResult
from extractor.fields.attendees import extract_attendees
from extractor.fields.count import extract_participant_count
from extractor.fields.dates import extract_meeting_date
from extractor.fields.goals import extract_goals
from extractor.fields.host import extract_host
from extractor.fields.relevance import extract_relevance
from extractor.fields.text import doc_text
from extractor.fields.venue import extract_venue


class FieldComponent:
    def __init__(self, field: str, extract: Callable[[Doc], FieldResult], always: bool = False):
        self.field, self.extract, self.always = field, extract, always

    def __call__(self, doc: Doc) -> Doc:
        if doc._.fields is None:
            doc._.fields = {}
        relevant = doc._.fields.get("is_meeting_report")
        if self.field not in doc._.fields and (self.always or (relevant is not None and relevant.value)):
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


MAX_NER_SENTENCES = 60  # a report names its participants in a few sentences; a page of thousands is noise
MAX_NER_TOKENS = 300  # and a sentence of them runs to a hundred tokens or so, not ten thousand


class SentenceEntities:
    """The trained NER's entities of one sentence, read when the attendee rules ask for them.

    The rules find most people by their posts; the model is run only on a sentence that says who
    took part and still has capitalised words the rules did not read, so a report whose
    participants the rules read costs no NER at all, and one that needs it a sentence or two.
    """

    def __init__(self, ner: TrainablePipe, tokenizer: Callable[[str], Doc], doc: Doc) -> None:
        self.ner, self.tokenizer, self.doc = ner, tokenizer, doc
        self.found: dict[tuple[int, int], list[Span]] = {}

    def __call__(self, start: int, end: int) -> list[Span]:
        if (start, end) not in self.found:
            self.found[start, end] = self._read(start, end) if len(self.found) < MAX_NER_SENTENCES else []
        return self.found[start, end]

    def _read(self, start: int, end: int) -> list[Span]:
        # a sentence starts and ends at whitespace, so tokenising it alone gives the document's tokens
        part = self.tokenizer(doc_text(self.doc)[start:end])
        if len(part) > MAX_NER_TOKENS:
            part = part[:MAX_NER_TOKENS].as_doc()
        # one BLAS thread: worker processes are the parallelism and a second thread only contends
        with _blas().limit(limits=1, user_api="blas"):
            sentence = self.ner(part)
        spans = (self.doc.char_span(start + ent.start_char, start + ent.end_char, label=ent.label_)
                 for ent in sentence.ents)
        return [span for span in spans if span is not None]


class AttendanceNER:
    """Gives a meeting report `doc._.sentence_entities`, the trained NER over the sentences the
    attendee rules ask it to read; nothing on the pages that relevance turned down. `ner` is set
    by nlp.build_pipeline (None: rules only)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.ner: TrainablePipe | None = None
        self.tokenizer = tokenizer

    def __call__(self, doc: Doc) -> Doc:
        relevant = (doc._.fields or {}).get("is_meeting_report")
        if self.ner is not None and relevant is not None and relevant.value:
            doc._.sentence_entities = SentenceEntities(self.ner, self.tokenizer, doc)
        return doc


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


@Language.factory("rakor_ner")
def make_attendance_ner(nlp: Language, name: str) -> AttendanceNER:
    return AttendanceNER(nlp.tokenizer)


@Language.factory("rakor_record")
def make_record_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Puts the MeetingRecord built from the field components in `doc._.record`."""

    def set_record(doc: Doc) -> Doc:
        article = doc._.article or Article(doc_id="", source="")
        doc._.record = build_record(article, doc._.fields or {}, doc_text(doc))
        return doc

    return set_record
