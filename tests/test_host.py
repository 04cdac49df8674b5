"""Host: subject of the meeting verb, fullest mention, "melalui"/"bersama", chaired-by fallback."""
import pytest

from extractor.fields.host import extract_host
from fields_helpers import make_doc


@pytest.mark.parametrize("body, expected", [
    ("PALANGKA RAYA – Kepolisian Daerah Kalimantan Tengah (Polda Kalteng) menggelar Rapat Koordinasi Lintas Sektoral.",
     "Kepolisian Daerah Kalimantan Tengah (Polda Kalteng)"),
    ("Pemprov Kaltim bersama Forkopimda melakukan rapat koordinasi menjelang Pemilu serentak 2024.", "Pemprov Kaltim"),
    ("Pemerintah Kota Blitar melalui Bakesbangpol menggelar rapat koordinasi Desk Pilkada.", "Pemerintah Kota Blitar"),
    ("LUBUK BASUNG – Satuan Polisi Pamong Praja dan Pemadam Kebakaran (Satpol PP dan Damkar) Kabupaten Agam menggelar rapat koordinasi.",
     "Satuan Polisi Pamong Praja dan Pemadam Kebakaran (Satpol PP dan Damkar) Kabupaten Agam"),
    ("Rapat koordinasi digelar di Gedung Serbaguna. Rapat dipimpin oleh Kapolres Lima Puluh Kota AKBP Syaiful.",
     "Polres Lima Puluh Kota"),
])
def test_organiser(body, expected):
    assert extract_host(make_doc(body)).value == expected


def test_only_attendees_listed_gives_no_host():
    body = "Rapat koordinasi dihadiri Ketua KPU Banten dan Ketua Bawaslu Banten di Ballroom Hotel Horison."
    assert extract_host(make_doc(body)).value is None
