"""Where a post or office mention ends (extractor/fields/units.py)."""
import pytest

from extractor.fields.units import role_extent


@pytest.mark.parametrize(("text", "extent"), [
    ("Kapolres Pesisir Selatan AKBP Rendra Wicaksono", "Kapolres Pesisir Selatan"),
    ("Dandim 0311/Pesisir Selatan yang diwakili", "Dandim 0311/Pesisir Selatan"),
    ("Kepala Dinas Pariwisata dan Kebudayaan Kabupaten Malang Budi", "Kepala Dinas Pariwisata dan Kebudayaan Kabupaten Malang"),
    ("Kepala Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat hadir", "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat"),
])
def test_a_post_runs_over_its_unit_office_and_region(text, extent):
    assert role_extent(text) == extent


def test_title_case_words_after_the_region_are_not_the_office_domain():
    # a theme in title case: "Dalam" is an office word of "Kementerian Dalam Negeri", not after a region
    assert role_extent("Anggota Satlinmas Provinsi Kalimantan Barat Dalam Mendukung Pemilu") == \
        "Anggota Satlinmas Provinsi Kalimantan Barat"
