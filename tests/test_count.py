"""Participant count: stated totals only, not personnel, polling stations or sub-groups."""
import pytest

from extractor.fields.count import extract_participant_count
from fields_helpers import make_doc


@pytest.mark.parametrize("body, expected", [
    ("Peserta rakor berjumlah 60 orang yang terdiri dari unsur perangkat daerah.", 60),
    ("Rakor diikuti oleh 120 peserta dari seluruh jajaran.", 120),
    ("Kegiatan dihadiri sekitar 70 orang peserta.", 70),
    ("Sebanyak 1.100 personel gabungan dan 2.030 TPS disiapkan untuk pilkada.", None),
    ("Rapat diikuti 27 camat se-Kabupaten Banyumas.", None),
])
def test_stated_totals(body, expected):
    assert extract_participant_count(make_doc(body)).value == expected


def test_a_number_spelled_out_in_brackets():
    doc = make_doc("Rapat dihadiri unsur Forkopimda. Jumlah peserta rapat sebanyak 75 (tujuh puluh lima) orang.")
    assert extract_participant_count(doc).value == 75
