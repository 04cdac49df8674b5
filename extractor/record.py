"""The output record: gold-compatible fields at top level, provenance beside them."""
from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field


LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


class Span(BaseModel):
    """A character span of the clean text that supports a value."""

    start: int
    end: int
    text: str


class Attendee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    role: str | None = None
    institution: str | None = None
    represents: str | None = None
    institution_canonical: str | None = Field(
        default=None, description="Full official name of the institution, from the gazetteer."
    )


class MeetingRecord(BaseModel):
    """One record per input document (see corpus/ANNOTATION.md for the field contract)."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    source: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="Publication date/time, ISO 8601.")
    is_meeting_report: bool = False
    meeting_probability: float = 0.0
    meeting_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    meeting_date_alt: list[str] = Field(default_factory=list)
    date_text: str | None = None
    venue: str | None = None
    host: str | None = None
    host_canonical: str | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    participant_count: int | None = None
    goals: list[str] = Field(default_factory=list)
    evidence: dict[str, list[Span]] = Field(
        default_factory=dict,
        description="Field name (attendees[i], goals[i] for list items) -> supporting spans of the clean text.",
    )
    confidence: dict[str, float] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    error: str | None = None

    def to_json(self) -> str:
        """One JSON line: separators that str.splitlines() would break on are escaped too."""
        return self.model_dump_json().translate(LINE_BREAKS)


def json_schema() -> str:
    return json.dumps(MeetingRecord.model_json_schema(), indent=2, ensure_ascii=False)
