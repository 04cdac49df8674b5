"""Venue: the named place, its locating street or complex, online media; no leading "di"."""
import pytest

from extractor.fields.venue import extract_venue
from fields_helpers import make_doc


@pytest.mark.parametrize("body, expected", [
    ("Rakor berlangsung di Aula Bhayangkara Polres Pesisir Selatan, Rabu (21/8/2024).",
     "Aula Bhayangkara Polres Pesisir Selatan"),
    ("Rapat koordinasi digelar di Gedung Gradhika Bhakti Praja, Kompleks Kantor Gubernur Jawa Tengah, kemarin.",
     "Gedung Gradhika Bhakti Praja, Kompleks Kantor Gubernur Jawa Tengah"),
    ("Bawaslu menggelar rakor di Ruang Pertemuan Hotel Losari Permai, Jalan Penghibur No. 12 Makassar, Kamis (17/10/24).",
     "Ruang Pertemuan Hotel Losari Permai, Jalan Penghibur No. 12 Makassar"),
    ("Rapat bertempat di Ruang Rapat Lantai 2 Kantor Bakesbangpol Kabupaten Malang pada Selasa pagi.",
     "Ruang Rapat Lantai 2 Kantor Bakesbangpol Kabupaten Malang"),
    ("Polres menggelar rakor yang berlangsung di lapangan Indoor Polres Pasaman Barat, Kamis (15/8/2024).",
     "lapangan Indoor Polres Pasaman Barat"),
])
def test_named_places(body, expected):
    doc = make_doc(body)
    result = extract_venue(doc)
    assert result.value == expected
    s, e = result.evidence[0]
    assert doc.text[s:e] == expected


def test_purely_online_meeting_gives_the_medium_without_secara():
    body = "Polda menggelar rapat koordinasi secara virtual melalui aplikasi Zoom Meeting, Selasa (01/10)."
    assert extract_venue(make_doc(body)).value == "virtual melalui aplikasi Zoom Meeting"


def test_no_place_stated():
    assert extract_venue(make_doc("Forkopimda menggelar rapat koordinasi pengamanan pilkada, Senin (25/11/2024).")).value is None


@pytest.mark.parametrize("body, expected", [
    ("Rapat koordinasi pengamanan Pilkada digelar di Kristal Hotel Kupang, Senin (6/11/2023).", "Kristal Hotel Kupang"),
    ("Rakor berlangsung di Aula Arya Guna Mapolda Sulbar, Rabu (4/9/2024).", "Aula Arya Guna Mapolda Sulbar"),
    ("Kapolda memimpin rapat koordinasi pengamanan pemilu di Yogyakarta, Rabu (21/8/2024).", "Yogyakarta"),
    ("Mabes Polri menggelar video conference terkait rapat koordinasi pengamanan Pilkada 2020.", "video conference"),
    ("Rakor Muspika digelar di rumah makan Pak Kumis Baleharjo, Kamis (10/10/2024).", "rumah makan Pak Kumis Baleharjo"),
    # "di" run into its noun, a room spelt in two words, a floor before the room
    ("Pagi tadi digelar Rapat Koordinasi Pengamanan Pilkades diruang Aula Mapolres Pekalongan, Sabtu (5/2/2022).",
     "ruang Aula Mapolres Pekalongan"),
    ("Kapolda membuka rapat koordinasi yang dilaksanakan di ball room hotel Whyndam, Senin (22/1/2018).",
     "ball room hotel Whyndam"),
    ("Rakor digelar di lantai 3 Aula Triton Polda Papua Barat, Kamis (5/9/2024).", "lantai 3 Aula Triton Polda Papua Barat"),
])
def test_venues_of_real_reports(body, expected):
    assert extract_venue(make_doc(body)).value == expected


def test_a_bare_common_noun_is_no_venue():
    body = "Rapat koordinasi pengamanan Pilkada membahas petugas di lapangan. Dia meminta personel siaga."
    assert extract_venue(make_doc(body)).value is None
