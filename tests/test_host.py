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
    ("Diselenggarakan Rapat Koordinasi Lintas Sektoral di Aula Tribrata. Acara ini dipimpin secara langsung oleh "
     "Kapolda Sumatera Utara Irjen Whisnu.", "Polda Sumatera Utara"),
    ("Rapat koordinasi digelar di Gedung Serbaguna. Rapat dipimpin oleh Kapolres Lima Puluh Kota AKBP Syaiful.",
     "Polres Lima Puluh Kota"),
])
def test_organiser(body, expected):
    assert extract_host(make_doc(body)).value == expected


def test_only_attendees_listed_gives_no_host():
    body = "Rapat koordinasi dihadiri Ketua KPU Banten dan Ketua Bawaslu Banten di Ballroom Hotel Horison."
    assert extract_host(make_doc(body)).value is None


def test_a_dateline_with_a_date_and_time_words_before_the_verb():
    doc = make_doc("SUNGAILIAT, 14 November 2024 – Pemerintah Kabupaten Bangka hari ini menyelenggarakan Rapat "
                   "Koordinasi Kesiapan Pemungutan Suara di Gedung Serbaguna.")
    assert extract_host(doc).value == "Pemerintah Kabupaten Bangka"
    assert extract_host(make_doc("Polres Bangka Barat pada Kamis pagi menggelar rapat koordinasi di aula.")).value == \
        "Polres Bangka Barat"


@pytest.mark.parametrize("title, body, expected", [
    ("Rakor Pilkada 2020", "Dalam rangka persiapan pilkada lanjutan tahun 2020, Komisi Pemilihan Umum (KPU) Provinsi "
     "Kalimantan Selatan menggelar rapat koordinasi dengan pimpinan KPU kabupaten/kota.",
     "Komisi Pemilihan Umum (KPU) Provinsi Kalimantan Selatan"),
    ("Polda Kepri Gelar Rapat Koordinasi Lintas Instansi", "Rapat membahas kesiapan pengamanan Pilkada serentak.",
     "Polda Kepri"),
    ("Kunjungan Kodim", "KPU Kota Blitar menerima kunjungan dari Komandan Kodim 0808 beserta jajaran, Senin (3/6).",
     "KPU Kota Blitar"),
    ("Rakor Pilkada", "Para kepala daerah mengikuti rakor yang diselenggarakan Komisi Pemilihan Umum (KPU), Jumat (10/7).",
     "Komisi Pemilihan Umum (KPU)"),
    ("Rakor Kampanye", "Menko Polhukam Wiranto memimpin rapat koordinasi khusus di Kantor Kemenkopolhukam, Kamis (14/3).",
     "Kemenkopolhukam"),
])
def test_hosts_of_real_reports(title, body, expected):
    assert extract_host(make_doc(body, title=title)).value == expected


def test_a_passive_without_oleh_needs_an_institution():
    body = "Pada Rabu (5/1) dilaksanakan Rapat Koordinasi Persiapan Pengamanan Pilkades di Aula Mapolres Pekalongan."
    assert extract_host(make_doc(body, title="Rakor Jelang Pilkades")).value is None


@pytest.mark.parametrize("title, body, expected", [
    ("Rakor Pilkada Malut", "Untuk memastikan Pilkada 2024 berlangsung aman, damai, jujur, dan adil, Kementerian Koordinator "
     "Bidang Politik, Hukum, dan Keamanan (Kemenko Polkam) RI menggelar Rapat Koordinasi bersama Pemprov.",
     "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan (Kemenko Polkam) RI"),
    ("Sinergi Pengawasan", "Agar pesta demokrasi berjalan lancar, Badan Pengawas Pemilu (Bawaslu) Tangsel menggandeng "
     "Polres dan Kejaksaan Negeri setempat. Rapat koordinasi digelar di kantor Bawaslu.",
     "Badan Pengawas Pemilu (Bawaslu) Tangsel"),
    ("12 TPS Rawan", "PALEMBANG — Dalam rapat koordinasi Forum Komunikasi Pimpinan Daerah (Forkompinda) Kota Palembang, "
     "disebut telah dipetakan 12 TPS rawan.", "Forum Komunikasi Pimpinan Daerah (Forkompinda) Kota Palembang"),
])
def test_conveners_and_owners_of_real_meetings(title, body, expected):
    assert extract_host(make_doc(body, title=title)).value == expected


def test_a_chair_after_a_site_dateline():
    body = ("tirto.id - Menteri Koordinator Bidang Politik Hukum dan Keamanan (Menkopolhukam) Wiranto memimpin rapat "
            "koordinasi khusus untuk persiapan menjaga keamanan pada kampanye terbuka.")
    assert extract_host(make_doc(body, title="Wiranto Pimpin Rakor Khusus")).value == "Kemenko Polhukam"


def _record_host(title: str, body: str) -> str | None:
    from extractor.nlp import build_pipeline
    return build_pipeline(use_ner=False)(make_doc(body, title=title))._.record.host


def test_the_first_official_named_gives_the_host_when_no_rule_does():
    body = ("PONTIANAK – Situasi terkini pasca pemungutan suara Pemilu 2024 dicek dalam video conference di ruang "
            "Command Center, Kamis (15/2/2024). Video conference diikuti Kapolda Kalbar Irjen Pol Pipit Rismanto, "
            "Wakapolda Kalbar Brigjen Pol Roma Hutajulu dan para Kapolres jajaran.")
    assert _record_host("Kapolda Cek Situasi Pasca Pemungutan Suara", body) == "Polda Kalbar"


def test_a_guest_s_report_names_no_host():
    body = ("SERANG - Polda Banten hadir Rapat Koordinasi Bidang Politik untuk mempersiapkan Pemilu 2024 bertempat di "
            "Ballroom Hotel Horison pada Senin (11/12/2023). Kegiatan dihadiri Staf Ahli Gubernur Banten Komar dan "
            "Kasubdit 1 Ditintelkam Polda Banten Kompol Heri Purnomo.")
    assert _record_host("Polda Banten Hadiri Rapat Koordinasi Persiapan Pemilu", body) is None


@pytest.mark.parametrize("host, plausible", [
    ("Kepolisian Daerah Sumatera Selatan (Polda Sumsel)", True),
    ("Forkopimda Diperluas\n\nKapolda Gorontalo", False),
    ("POLRES BOGOR | Gardapelitanews.com –", False),
    ("KPU adalah Coklit dari Petugas PPDP”", False),
    ("Dalam rangka kerja sama baik dari unsur TNI maupun Polri", False),
])
def test_a_host_is_one_line_of_a_name(host, plausible):
    from extractor.fields.host import _plausible
    assert _plausible(host) is plausible


def test_a_ministry_named_with_its_fields_in_a_comma_list_stays_whole():
    body = ("JAKARTA – Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan (Kemenko Polhukam) menggelar rapat "
            "koordinasi kesiapan Pemilu 2019, Rabu (20/3/2019).")
    assert extract_host(make_doc(body)).value == "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan (Kemenko Polhukam)"
