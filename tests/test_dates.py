"""Meeting dates: genre styles, year resolution, relative words, competing dates."""
from datetime import date

import pytest

from extractor.fields.dates import extract_meeting_date
from fields_helpers import make_doc


@pytest.mark.parametrize("body, published, expected, date_text", [
    ("Polres Malang menggelar rakor di Aula Polres, Rabu (21/8/2024).", date(2024, 8, 22), "2024-08-21", "Rabu (21/8/2024)"),
    ("Rakor digelar Kamis (17/10/24) di Makassar.", date(2024, 10, 18), "2024-10-17", "Kamis (17/10/24)"),
    ("Rapat koordinasi dilaksanakan pada hari Rabu tanggal 7 Februari 2024 di Mapolda.", None, "2024-02-07",
     "hari Rabu tanggal 7 Februari 2024"),
    ("Rapat dibuka Selasa, 10 Sept 2024 di ruang rapat.", None, "2024-09-10", "Selasa, 10 Sept 2024"),
    ("Rakor digelar Senin (11/11) di Gedung Serbaguna.", date(2024, 11, 12), "2024-11-11", "Senin (11/11)"),
    # day and month only, published early January: the meeting was in December of the year before
    ("Kodim menggelar rakor Jumat (29/12) di aula makodim.", date(2024, 1, 2), "2023-12-29", "Jumat (29/12)"),
    ("Rakor digelar kemarin di Gedung Gradhika.", date(2024, 1, 10), "2024-01-09", "kemarin"),
    # published Monday 16 Oct 2023: "Jumat lalu" is Friday 13 Oct
    ("Komisi A menggelar rapat koordinasi Jumat lalu di ruang rapat DPRD.", date(2023, 10, 16), "2023-10-13", "Jumat lalu"),
    ("FGD digelar Rabu-Kamis (18-19/9/2024) di Hotel Bumi Bone.", None, "2024-09-18", "Rabu-Kamis (18-19/9/2024)"),
])
def test_date_styles(body, published, expected, date_text):
    doc = make_doc(body, published=published)
    result = extract_meeting_date(doc)
    assert result.value == expected
    s, e = result.evidence[0]
    assert doc.text[s:e] == date_text


def test_meeting_date_wins_over_election_day_and_deadlines():
    body = ("Pendaftaran dibuka mulai 27 Agustus 2024. KPU menggelar rapat koordinasi di Aula KPU, "
            "Selasa (20/8/2024), menjelang pemungutan suara pada 27 November 2024.")
    assert extract_meeting_date(make_doc(body)).value == "2024-08-20"


def test_only_an_election_day_gives_no_meeting_date():
    body = "Pemkot menggelar rapat koordinasi Desk Pilkada. Pemungutan suara pada 27 November 2024."
    assert extract_meeting_date(make_doc(body)).value is None


def test_weekday_contradicting_date_keeps_the_date_and_warns():
    result = extract_meeting_date(make_doc("Rakor digelar Jumat (8/2/2024) di Mapolresta."))
    assert result.value == "2024-02-08" and result.warnings


def test_no_year_no_publication_date_weekday_picks_the_year_next_to_the_stated_one():
    body = "Polda menghadiri Rapat Koordinasi persiapan Pemilu 2024 pada Senin (11/12) di Ballroom Hotel."
    assert extract_meeting_date(make_doc(body)).value == "2023-12-11"  # 11 Dec 2024 is a Wednesday


def test_no_year_anywhere_gives_alternatives_in_the_election_cycle():
    result = extract_meeting_date(make_doc("Rakor digelar Senin (11/12) di Aula Kantor Bupati."))
    assert result.value is None and "2023-12-11" in result.alternatives


def test_a_scheduled_meeting_has_its_planned_date_not_election_day():
    body = ("Polda Bengkulu bakal menggelar rapat koordinasi pengamanan. Rakor dijadwalkan berlangsung Kamis "
            "(14/11/2024) di Rupatama Polda Bengkulu. Pada 27 November 2024, Provinsi Bengkulu menggelar pemilihan "
            "gubernur.")
    assert extract_meeting_date(make_doc(body, published=date(2024, 11, 11))).value == "2024-11-14"


def test_an_event_word_before_an_earlier_date_does_not_count_against_the_next_one():
    body = ("Polres Kudus menggelar rapat koordinasi menjelang pemungutan suara 14 Februari 2024 di aula, "
            "Senin (5/2/2024).")
    assert extract_meeting_date(make_doc(body, published=date(2024, 2, 5))).value == "2024-02-05"


@pytest.mark.parametrize("body", [
    "Menko Polhukam, Senin, mengecek kesiapan Pemilu serentak di Maluku pada 17 April 2019 bersama Forkopimda.",
    "Polri melakukan deteksi dini kerawanan dalam penyelenggaraan Pilkada Serentak, 9 Desember 2015, kata Kapolri.",
    "Rapat koordinasi itu digelar untuk menyukseskan pemilihan Gubernur dan Wakil Gubernur Kalimantan Tengah pada "
    "23 September 2020.",
])
def test_a_date_after_an_election_without_its_weekday_is_election_day(body):
    assert extract_meeting_date(make_doc(body, published=date(2019, 1, 1))).value is None


def test_a_meeting_date_with_its_weekday_after_an_election_word_is_the_meeting():
    body = "Bawaslu menggelar rapat koordinasi pengawasan Pilkada, Senin (5/8/2024), di aula kantornya."
    assert extract_meeting_date(make_doc(body, published=date(2024, 8, 6))).value == "2024-08-05"
