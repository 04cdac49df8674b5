"""The output record: JSON round-trip and the published schema."""
import json

import pytest
from pydantic import ValidationError

from extractor.record import Attendee, MeetingRecord, Span, json_schema


def test_record_round_trips_through_json():
    record = MeetingRecord(
        doc_id="dev-001", source="corpus/dev/html/dev-001.html", is_meeting_report=True,
        meeting_date="2024-08-21", date_text="Rabu (21/8/2024)", venue="Aula Bhayangkara Polres Pesisir Selatan",
        attendees=[Attendee(name="Rendra Wicaksono", role="Kapolres Pesisir Selatan", institution="Polres Pesisir Selatan")],
        goals=["menyamakan persepsi"], evidence={"venue": [Span(start=10, end=49, text="Aula Bhayangkara Polres Pesisir Selatan")]},
    )
    assert MeetingRecord.model_validate_json(record.to_json()) == record


def test_gold_fields_sit_at_top_level_with_gold_types():
    schema = json.loads(json_schema())
    for name in ("is_meeting_report", "meeting_date", "date_text", "venue", "host", "attendees",
                 "participant_count", "goals", "doc_id", "source", "title", "published", "warnings", "error", "evidence"):
        assert name in schema["properties"], name


def test_meeting_date_must_be_iso():
    with pytest.raises(ValidationError):
        MeetingRecord(doc_id="x", meeting_date="21/8/2024")
