"""Exports: JSONL lines, and the meetings + attendees tables in Parquet and CSV."""
from __future__ import annotations

import csv

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.record import Attendee, MeetingRecord
from extractor.sinks import attendees_path, open_sink

RECORDS = [
    MeetingRecord(doc_id="a", source="a.html", title="Rakor Pilkada", is_meeting_report=True, meeting_probability=0.9,
                  meeting_date="2024-08-21", venue="Aula Polres", host="Polres Agam", participant_count=40,
                  goals=["menjaga kondusivitas", "sinergi"], warnings=["w1"],
                  attendees=[Attendee(name="Budi", role="Kapolres Agam", institution="Polres Agam"),
                             Attendee(role="Ketua KPU", institution="KPU Agam", represents="Bupati")]),
    MeetingRecord(doc_id="b", source="b.html", title="Festival", error=None),
]


def write_all(fmt: str, path) -> None:
    sink = open_sink(fmt, path)
    for record in RECORDS:
        sink.write(record)
    sink.close()


def test_jsonl_one_record_per_line(tmp_path):
    out = tmp_path / "out.jsonl"
    write_all("jsonl", out)
    assert [MeetingRecord.model_validate_json(line) for line in out.read_text().splitlines()] == RECORDS


def test_parquet_tables(tmp_path):
    out = tmp_path / "out.parquet"
    write_all("parquet", out)
    meetings = pq.read_table(out).to_pylist()
    assert [m["doc_id"] for m in meetings] == ["a", "b"]
    assert meetings[0]["goals"] == "menjaga kondusivitas | sinergi" and meetings[0]["participant_count"] == 40
    assert meetings[1]["participant_count"] is None and meetings[1]["is_meeting_report"] is False
    attendees = pq.read_table(tmp_path / "out.attendees.parquet").to_pylist()
    assert [(a["doc_id"], a["name"], a["represents"]) for a in attendees] == [("a", "Budi", None),
                                                                             ("a", None, "Bupati")]


def test_csv_tables(tmp_path):
    out = tmp_path / "out.csv"
    write_all("csv", out)
    with out.open(encoding="utf-8") as handle:
        meetings = list(csv.DictReader(handle))
    assert meetings[0]["venue"] == "Aula Polres" and meetings[0]["warnings"] == "w1"
    with attendees_path(out, "csv").open(encoding="utf-8") as handle:
        assert [a["role"] for a in csv.DictReader(handle)] == ["Kapolres Agam", "Ketua KPU"]


def test_tables_need_an_output_path():
    with pytest.raises(ValueError):
        open_sink("csv", None)


def test_extract_command_writes_csv(tmp_path):
    page = tmp_path / "festival.html"
    page.write_text("<html><body><h1>Festival Kuliner</h1><p>Festival kuliner ramai pengunjung pada "
                    "akhir pekan ini di alun-alun kota.</p></body></html>", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["extract", str(page), "-o", str(out), "--format", "csv", "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "1 inputs, 0 meeting reports, 0 errors" in result.output
    assert out.exists() and (tmp_path / "out.attendees.csv").exists()
    result = CliRunner().invoke(app, ["extract", str(page), "--format", "parquet"])
    assert result.exit_code == 2
