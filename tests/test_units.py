"""Where a post or office mention ends (extractor/fields/units.py)."""
import pytest

from extractor.fields.units import role_extent


@pytest.mark.parametrize(("text", "extent"), [
    ("Kapolres Pesisir Selatan AKBP Rendra Wicaksono", "Kapolres Pesisir Selatan"),
    ("Dandim 0311/Pesisir Selatan yang diwakili", "Dandim 0311/Pesisir Selatan"),
    ("Kepala Dinas Pariwisata dan Kebudayaan Kabupaten Malang Budi", "Kepala Dinas Pariwisata dan Kebudayaan Kabupaten Malang"),
    ("Kepala Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat hadir", "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat"),
    # a misspelt domain word is still the office's name when the office's place follows
    ("Kepala Dinas Pemeberdayaan Masyarakat dan Desa se-Kalimantan Barat, Pejabat",
     "Kepala Dinas Pemeberdayaan Masyarakat dan Desa se-Kalimantan Barat"),
    ("Kepala Dinas Budi Santoso hadir", "Kepala Dinas"),  # a name without a place after it is not
])
def test_a_post_runs_over_its_unit_office_and_region(text, extent):
    assert role_extent(text) == extent


def test_title_case_words_after_the_region_are_not_the_office_domain():
    # a theme in title case: "Dalam" is an office word of "Kementerian Dalam Negeri", not after a region
    assert role_extent("Anggota Satlinmas Provinsi Kalimantan Barat Dalam Mendukung Pemilu") == \
        "Anggota Satlinmas Provinsi Kalimantan Barat"
