"""Record writers: JSON Lines (one whole record per line), or two flat tables in Parquet or CSV.

The tables are `meetings` (one row per record, list fields joined by " | ") and `attendees`
(one row per attendee, keyed by doc_id) written beside it as `<stem>.attendees.<ext>`.
Every writer streams: JSONL flushes each line, Parquet writes a row group per ROW_GROUP
records, CSV writes rows as they come.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import IO, Protocol

from extractor.record import MeetingRecord

FORMATS = ("jsonl", "parquet", "csv")
JOIN = " | "
ROW_GROUP = 1000
MEETING_COLUMNS = {  # column -> Arrow type alias
    "doc_id": "string", "source": "string", "title": "string", "published": "string",
    "is_meeting_report": "bool", "meeting_probability": "float64", "meeting_date": "string",
    "date_text": "string", "venue": "string", "host": "string", "host_canonical": "string",
    "participant_count": "int64", "goals": "string", "warnings": "string", "error": "string",
}
ATTENDEE_COLUMNS = {name: "string" for name in
                    ("doc_id", "name", "role", "institution", "institution_canonical", "represents")}


class Sink(Protocol):
    def write(self, record: MeetingRecord) -> None: ...

    def close(self) -> None: ...


def meeting_row(record: MeetingRecord) -> dict:
    row = record.model_dump(include=set(MEETING_COLUMNS))
    row["goals"] = JOIN.join(record.goals)
    row["warnings"] = JOIN.join(record.warnings)
    return row


def attendee_rows(record: MeetingRecord) -> list[dict]:
    return [{"doc_id": record.doc_id, **a.model_dump(include=set(ATTENDEE_COLUMNS))} for a in record.attendees]


def attendees_path(path: Path, fmt: str) -> Path:
    """out.parquet -> out.attendees.parquet"""
    return path.with_name(f"{path.stem if path.suffix else path.name}.attendees.{fmt}")


class JsonlSink:
    """One record per line, written with one call and flushed, so a killed run leaves whole
    lines (and at most one partial last line, which resume removes)."""

    def __init__(self, path: Path | None, append: bool = False):
        self.handle: IO[bytes] = path.open("ab" if append else "wb") if path else sys.stdout.buffer
        self.owned = path is not None

    def write(self, record: MeetingRecord) -> None:
        self.handle.write(record.to_json().encode("utf-8") + b"\n")
        self.handle.flush()

    def close(self) -> None:
        if self.owned:
            self.handle.close()


class ParquetSink:
    def __init__(self, path: Path):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schemas = [pa.schema([(n, pa.type_for_alias(t)) for n, t in cols.items()])
                        for cols in (MEETING_COLUMNS, ATTENDEE_COLUMNS)]
        self.writers = [pq.ParquetWriter(p, s) for p, s in zip((path, attendees_path(path, "parquet")), self.schemas)]
        self.rows: tuple[list[dict], list[dict]] = ([], [])

    def write(self, record: MeetingRecord) -> None:
        self.rows[0].append(meeting_row(record))
        self.rows[1].extend(attendee_rows(record))
        if len(self.rows[0]) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        for writer, schema, rows in zip(self.writers, self.schemas, self.rows):
            if rows:
                writer.write_table(self.pa.Table.from_pylist(rows, schema=schema))
                rows.clear()

    def close(self) -> None:
        self._flush()
        for writer in self.writers:
            writer.close()


class CsvSink:
    def __init__(self, path: Path):
        self.handles = [p.open("w", encoding="utf-8", newline="") for p in (path, attendees_path(path, "csv"))]
        self.writers = [csv.DictWriter(h, fieldnames=list(cols))
                        for h, cols in zip(self.handles, (MEETING_COLUMNS, ATTENDEE_COLUMNS))]
        for writer in self.writers:
            writer.writeheader()

    def write(self, record: MeetingRecord) -> None:
        self.writers[0].writerow(meeting_row(record))
        self.writers[1].writerows(attendee_rows(record))

    def close(self) -> None:
        for handle in self.handles:
            handle.close()


def open_sink(fmt: str, path: Path | None, append: bool = False) -> Sink:
    """A writer for `fmt`; Parquet and CSV need a path (two files), JSONL defaults to stdout."""
    if fmt == "jsonl":
        return JsonlSink(path, append)
    if path is None:
        raise ValueError(f"--format {fmt} needs --output")
    return ParquetSink(path) if fmt == "parquet" else CsvSink(path)
