"""Merging reports of one meeting from several outlets."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from extractor.cli import app
from extractor.merge import merge_records
from extractor.record import Attendee, MeetingRecord


def report(doc_id: str, **fields) -> MeetingRecord:
    return MeetingRecord(doc_id=doc_id, source=f"{doc_id}.html", is_meeting_report=True, **fields)


def makassar(doc_id: str, host: str, venue: str | None, **fields) -> MeetingRecord:
    return report(doc_id, meeting_date="2024-10-17", host=host, venue=venue, **fields)


def test_same_date_host_and_venue_is_one_meeting(corpus):
    records = [
        makassar("a", "Badan Pengawas Pemilihan Umum (Bawaslu) Kota Makassar", "Hotel Losari Permai",
                 title="Bawaslu Makassar Gelar Rakor", goals=["mencegah politik uang"],
                 attendees=[Attendee(name="Andi Rahman", role="Ketua Bawaslu Kota Makassar")]),
        makassar("b", "Bawaslu Kota Makassar", "Ruang Pertemuan Hotel Losari Permai", title="Rakor Pengawasan",
                 goals=["Mencegah politik uang.", "menjaga netralitas ASN"],
                 attendees=[Attendee(name="Andi Rahman", institution="Bawaslu Kota Makassar")]),
        makassar("c", "Bawaslu Kota Makassar", "Aula Kantor Wali Kota", title="Rakor di Balai Kota"),
        report("d", meeting_date="2024-10-18", host="Bawaslu Kota Makassar", venue="Hotel Losari Permai"),
        MeetingRecord(doc_id="e", title="Festival", is_meeting_report=False),
    ]
    meetings = merge_records(records, corpus / "aliases.csv")
    assert [[s["doc_id"] for s in m["sources"]] for m in meetings] == [["a", "b"], ["c"], ["d"]]
    first = meetings[0]
    assert first["meeting_date"] == "2024-10-17"
    assert first["goals"] == ["mencegah politik uang", "menjaga netralitas ASN"]
    assert first["attendees"] == [{"name": "Andi Rahman", "role": "Ketua Bawaslu Kota Makassar",
                                   "institution": "Bawaslu Kota Makassar", "represents": None,
                                   "institution_canonical": None}]
    assert first["meeting_id"] != meetings[1]["meeting_id"]


def test_near_duplicate_text_without_date_joins_its_meeting():
    goals = ["memetakan kerawanan pemilu di setiap kecamatan", "menyamakan persepsi pengamanan tahapan pilkada"]
    names = [Attendee(name=n) for n in ("Rendra Wicaksono", "Siti Aminah", "Joko Prasetyo", "Hendra Gunawan")]
    title = "Polres Pesisir Selatan Gelar Rakor Lintas Sektoral Jelang Pilkada 2024"
    records = [report("a", meeting_date="2024-08-21", host="Polres Pesisir Selatan", title=title, goals=goals,
                      venue="Aula Bhayangkara", attendees=names),
               report("b", title=title + " di Painan", goals=goals, venue="Aula Bhayangkara", attendees=names),
               report("c", meeting_date="2024-09-30", title=title, goals=goals, venue="Aula Bhayangkara",
                      attendees=names)]
    meetings = merge_records(records)
    assert [[s["doc_id"] for s in m["sources"]] for m in meetings] == [["a", "b"], ["c"]]


def test_merge_command(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(makassar(i, "Bawaslu Kota Makassar", "Hotel Losari").to_json() for i in "xy") + "\n")
    result = CliRunner().invoke(app, ["merge", str(path), "-o", str(tmp_path / "merged.jsonl")])
    assert result.exit_code == 0, result.output
    [meeting] = map(json.loads, (tmp_path / "merged.jsonl").read_text().splitlines())
    assert [s["doc_id"] for s in meeting["sources"]] == ["x", "y"] and meeting["host"] == "Bawaslu Kota Makassar"


def test_outlets_naming_the_host_differently_merge_on_date_place_and_people(corpus):
    people = [Attendee(name="Wiranto", role="Menko Polhukam"), Attendee(name="Tito Karnavian", role="Kapolri")]
    records = [
        report("a", meeting_date="2019-04-15", host="Kemenko Polhukam", venue="Kantor Kemenko Polhukam", attendees=people),
        report("b", meeting_date="2019-04-15", host="Menko Polhukam Wiranto", venue="kantor Kemenko Polhukam, Jakarta Pusat"),
        report("c", meeting_date="2019-04-15", host="Polri", venue=None, attendees=people),
        report("d", meeting_date="2019-04-15", host="KPU", venue="Hotel Borobudur"),
    ]
    meetings = merge_records(records, corpus / "aliases.csv")
    assert [[s["doc_id"] for s in m["sources"]] for m in meetings] == [["a", "b", "c"], ["d"]]


def test_merge_ignores_fields_it_does_not_know(tmp_path):
    record = report("a", meeting_date="2019-04-15", host="KPU", attendees=[Attendee(name="Arief Budiman")])
    data = json.loads(record.to_json())
    data["reviewer"] = "x"
    data["attendees"][0]["confidence"] = 0.9
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["merge", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["attendees"][0]["name"] == "Arief Budiman"


def test_a_video_conference_reported_from_two_sites_is_one_meeting(corpus):
    records = [
        report("a", meeting_date="2018-09-24", host="Mabes Polri", venue="video conference",
               attendees=[Attendee(name="Jenderal Pol Muhammad Tito Karnavian")]),
        report("b", meeting_date="2018-09-24", host="Polda Sulbar", venue="Ruang Vicon Polda Sulbar",
               attendees=[Attendee(name="Tito Karnavian"), Attendee(name="Wiranto")]),
        report("c", meeting_date="2018-09-24", host="KPU Sulbar", venue="Hotel Maleo Mamuju",
               attendees=[Attendee(name="Baharudin Djafar")]),
    ]
    meetings = merge_records(records, corpus / "aliases.csv")
    assert [[s["doc_id"] for s in m["sources"]] for m in meetings] == [["a", "b"], ["c"]]


def test_a_day_apart_with_one_host_and_a_shared_attendee_is_one_meeting(corpus):
    kapolda = [Attendee(name="Johni Asadoma", role="Kapolda NTT")]
    records = [
        report("a", meeting_date="2023-11-06", host="Polda NTT", venue="Rupatama Mapolda NTT", attendees=kapolda),
        report("b", meeting_date="2023-11-07", host="Kepolisian Daerah Nusa Tenggara Timur (Polda NTT)",
               venue="Rupatama Mapolda NTT", attendees=kapolda),
        report("c", meeting_date="2023-11-05", host="Polda NTT", venue="Hotel Aston Kupang",
               attendees=[Attendee(name="Aldrin Mongan", role="Kabid Humas Polda NTT")]),  # nobody shared
        report("d", meeting_date="2023-11-08", host="Polda NTT", attendees=kapolda),  # two days after the meeting
    ]
    meetings = merge_records(records, corpus / "aliases.csv")
    assert [[s["doc_id"] for s in m["sources"]] for m in meetings] == [["a", "b"], ["c"], ["d"]]
    assert meetings[0]["meeting_date"] == "2023-11-06"
