"""Goals: lead-ins cut, quotes ended, result lists split, repeats listed once."""
import pytest

from extractor.fields.goals import extract_goals
from fields_helpers import make_doc


def test_lead_in_is_cut():
    body = "Dalam sambutannya, Kapolres menyebutkan rakor ini bertujuan untuk menyamakan persepsi seluruh pemangku kepentingan."
    assert extract_goals(make_doc(body)).value == ["menyamakan persepsi seluruh pemangku kepentingan"]


def test_goal_in_a_quote_ends_at_the_quote():
    body = "“Rakor ini kita gelar agar tidak ada satu pun tahapan yang terlewat,” ujar Kapolda."
    assert extract_goals(make_doc(body)).value == ["tidak ada satu pun tahapan yang terlewat"]


def test_results_list_gives_one_goal_per_item():
    body = ("Adapun hasil dari rakor tersebut yaitu kesepakatan untuk membentuk Desk Pilkada Kota Blitar, "
            "pemutakhiran data pemilih di lingkungan rawan, serta penyusunan jadwal patroli bersama menjelang masa kampanye.")
    assert extract_goals(make_doc(body)).value == [
        "kesepakatan untuk membentuk Desk Pilkada Kota Blitar",
        "pemutakhiran data pemilih di lingkungan rawan",
        "penyusunan jadwal patroli bersama menjelang masa kampanye",
    ]


def test_theme_and_repeated_aim():
    body = ("Rakor mengusung tema Sinergi Polri dan TNI untuk Pilkada Damai. Rakor ini bertujuan menyamakan persepsi "
            "seluruh unsur. Ia kembali menegaskan, kegiatan ini bertujuan menyamakan persepsi seluruh unsur.")
    assert extract_goals(make_doc(body)).value == ["Sinergi Polri dan TNI untuk Pilkada Damai",
                                                   "menyamakan persepsi seluruh unsur"]


def test_no_stated_goal():
    assert extract_goals(make_doc("Satpol PP menggelar rapat koordinasi penertiban APK di aula kantor.")).value == []


def test_results_flattened_from_bullets_stay_whole_and_split_at_each_result():
    body = ("Adapun hasil rakor tersebut yaitu Meningkatnya sinergi antara Satpol PP dan penyelenggara pemilu "
            "(TNI, Polri, KPU, Bawaslu, dan lain-lain), Terpetakannya kebutuhan personel di setiap TPS menjelang "
            "pemungutan suara. Meningkatnya pemahaman anggota Linmas tentang tugas pengamanan TPS. Selanjutnya "
            "peserta mendengarkan paparan dari Bawaslu tentang pengawasan.")
    assert extract_goals(make_doc(body)).value == [
        "Meningkatnya sinergi antara Satpol PP dan penyelenggara pemilu (TNI, Polri, KPU, Bawaslu, dan lain-lain)",
        "Terpetakannya kebutuhan personel di setiap TPS menjelang pemungutan suara",
        "Meningkatnya pemahaman anggota Linmas tentang tugas pengamanan TPS",
    ]


def test_a_goal_restated_at_more_length_is_listed_once_and_ends_before_the_speech_verb():
    body = ("Maksud dari kegiatan ini adalah menyamakan persepsi tentang pengamanan tahapan Pilkada, terang Kapolres. "
            "“Tujuan rakor ini untuk menyamakan persepsi tentang pengamanan tahapan Pilkada agar tidak terjadi "
            "gesekan di lapangan,” tutupnya.")
    assert extract_goals(make_doc(body)).value == ["menyamakan persepsi tentang pengamanan tahapan Pilkada"]


def test_holding_the_meeting_is_not_its_aim():
    goals = extract_goals(make_doc(
        "Rakor digelar di Serang. “Kegiatan ini merupakan prioritas untuk melaksanakan rapat koordinasi bidang "
        "politik untuk mempersiapkan Pemilu dan Pilkada serentak tahun 2024,” tambahnya.")).value
    assert goals == ["mempersiapkan Pemilu dan Pilkada serentak tahun 2024"]


def test_announced_aims_as_ordinal_sentences_give_one_goal_each():
    body = ("Menurut Sekda, rapat ini memiliki dua tujuan utama. Pertama, memetakan titik rawan banjir di sekitar "
            "lokasi TPS. Kedua, menetapkan jalur distribusi logistik cadangan bila jembatan putus. Rapat ditutup "
            "pukul 12.00 WIB.")
    assert extract_goals(make_doc(body)).value == [
        "memetakan titik rawan banjir di sekitar lokasi TPS",
        "menetapkan jalur distribusi logistik cadangan bila jembatan putus",
    ]


def test_agreed_points_after_a_colon_split_at_semicolons():
    body = ("Rakor menyepakati tiga hal: pembentukan posko bersama di setiap kecamatan; patroli gabungan selama "
            "masa tenang; serta penertiban alat peraga kampanye sehari sebelum pemungutan suara.")
    assert extract_goals(make_doc(body)).value == [
        "pembentukan posko bersama di setiap kecamatan",
        "patroli gabungan selama masa tenang",
        "penertiban alat peraga kampanye sehari sebelum pemungutan suara",
    ]


def test_discussed_points_with_an_opener_and_inline_ordinals():
    body = ("Dalam pertemuan itu dibahas beberapa hal, yakni pertama, pengawalan kotak suara dari PPK ke KPU; "
            "kedua, pengamanan gudang logistik; dan ketiga, jadwal rekapitulasi di tingkat kabupaten.")
    assert extract_goals(make_doc(body)).value == [
        "pengawalan kotak suara dari PPK ke KPU",
        "pengamanan gudang logistik",
        "jadwal rekapitulasi di tingkat kabupaten",
    ]


def test_a_count_and_noun_without_items_is_no_list():
    body = ("Kapolres menyebut ada tiga tujuan wisata yang dijaga selama libur Pilkada. Rapat ini bertujuan "
            "untuk menyamakan langkah pengamanan.")
    assert extract_goals(make_doc(body)).value == ["menyamakan langkah pengamanan"]


def test_ordinal_sentences_stop_at_the_first_sentence_without_an_ordinal():
    body = ("Disepakati sejumlah hal. Pertama, setiap desa menyiapkan relawan ketertiban. Kedua, camat melapor "
            "setiap hari kepada Bupati. Selanjutnya, peserta meninjau gudang logistik KPU.")
    assert extract_goals(make_doc(body)).value == [
        "setiap desa menyiapkan relawan ketertiban",
        "camat melapor setiap hari kepada Bupati",
    ]


def test_theme_after_bertajuk_and_purpose_of_the_reporting_sentence():
    body = ("Bawaslu Kota Bima menggelar FGD bertajuk “Mencegah Politik Uang di Masa Tenang” pada Senin (11/11). "
            "Sehari sebelumnya, Kesbangpol menggelar rapat koordinasi lintas sektor guna memetakan desa rawan "
            "konflik menjelang pemungutan suara.")
    assert extract_goals(make_doc(body)).value == ["Mencegah Politik Uang di Masa Tenang",
                                                   "memetakan desa rawan konflik menjelang pemungutan suara"]


def test_speech_verbs_end_a_goal_only_after_a_comma_or_quote():
    body = ("Rakor ini bertujuan untuk menyiapkan kendaraan bagi pemilih lanjut usia dan memberi sanksi tegas "
            "kepada pelanggar, ujarnya.")
    assert extract_goals(make_doc(body)).value == [
        "menyiapkan kendaraan bagi pemilih lanjut usia dan memberi sanksi tegas kepada pelanggar"]


def test_a_period_before_a_quote_ends_the_clause():
    body = ("Kasat Intelkam menjelaskan tujuan kegiatan tersebut.\" Kegiatan ini berfungsi untuk menyatukan "
            "langkah pengamanan TPS,\" ucapnya.")
    assert extract_goals(make_doc(body)).value == ["menyatukan langkah pengamanan TPS"]


def test_a_numbered_list_after_a_lead_in_gives_one_goal_per_item():
    body = ("Adapun tujuan dari rapat koordinasi ini adalah sebagai berikut: 1. Menyamakan persepsi seluruh unsur "
            "Forkopimda; 2. Menginventarisasi kebutuhan dukungan di 412 TPS; 3. Menyusun langkah antisipasi "
            "gangguan cuaca. Rapat berakhir pukul 12.30 WIB.")
    assert extract_goals(make_doc(body)).value == [
        "Menyamakan persepsi seluruh unsur Forkopimda",
        "Menginventarisasi kebutuhan dukungan di 412 TPS",
        "Menyusun langkah antisipasi gangguan cuaca",
    ]


def test_purpose_as_an_effort_and_in_a_quote():
    body = ("Rakor digelar sebagai upaya menyamakan persepsi pengawas dan penyidik. \"Rakor ini untuk memastikan "
            "tidak ada TPS yang kosong dari pengamanan,\" kata Kapolda.")
    assert extract_goals(make_doc(body)).value == ["menyamakan persepsi pengawas dan penyidik",
                                                   "memastikan tidak ada TPS yang kosong dari pengamanan"]



@pytest.mark.parametrize("body, goal", [
    ("Kapolda menekankan bahwa Rakor ini adalah langkah penting untuk menyamakan persepsi dan strategi pengamanan.",
     "menyamakan persepsi dan strategi pengamanan"),
    ("Rakor ini digelar sebagai bentuk sinergi antara pemerintah daerah dan penyelenggara pemilu.",
     "sinergi antara pemerintah daerah dan penyelenggara pemilu"),
    ("Rapat dipimpin Ketua KPU dan menjadi forum untuk meninjau kembali pelaksanaan tugas pasca pemilu.",
     "meninjau kembali pelaksanaan tugas pasca pemilu"),
    ("Melalui kegiatan ini Iswanto mengharapkan dapat meningkatkan sinergitas penyelenggaraan Pilkada 2024.",
     "meningkatkan sinergitas penyelenggaraan Pilkada 2024"),
    ("KPU Muaro Jambi menggelar rapat koordinasi terkait persiapan pencalonan Bupati dan Wakil Bupati, Senin (5/8/2024).",
     "persiapan pencalonan Bupati dan Wakil Bupati"),
    ("Rakor Kemenko Polhukam ini diadakan untuk memperkuat sinergitas di antara stakeholder daerah.",
     "memperkuat sinergitas di antara stakeholder daerah"),
    ("Rapat Forkopimda itu dilaksanakan guna mendukung kondusifitas daerah menjelang Pemilu serentak.",
     "mendukung kondusifitas daerah menjelang Pemilu serentak"),
    ("Rakor wilayah Sumatera ini merupakan upaya bersama untuk menyamakan langkah strategis.",
     "menyamakan langkah strategis"),
    ("“Melalui rapat koordinasi ini, kami bermaksud agar unsur TNI maupun Polri bekerja sama,” ujarnya.",
     "unsur TNI maupun Polri bekerja sama"),
])
def test_lead_ins_of_real_reports(body, goal):
    assert extract_goals(make_doc(body)).value == [goal]


@pytest.mark.parametrize("body, goals", [
    ("RADARLAMPUNG.CO.ID – Guna memastikan kesiapan penyelenggaraan Pemilu 2019, Pemprov Lampung menggelar rakor "
     "gabungan bersama stakeholder.", ["memastikan kesiapan penyelenggaraan Pemilu 2019"]),
    ("Rapat koordinasi yang dipimpin Menko Polhukam membahas persiapan akhir pengamanan tahapan pemungutan suara.",
     ["persiapan akhir pengamanan tahapan pemungutan suara"]),
    ("Kompol Wayan berkoordinasi dengan KPU Badung. Tujuannya untuk bersama-sama menciptakan situasi aman.",
     ["bersama-sama menciptakan situasi aman"]),
    ("Rakor lintas sektoral ini sangat penting untuk menentukan langkah-langkah kongkrit pengamanan Pilkades.",
     ["menentukan langkah-langkah kongkrit pengamanan Pilkades"]),
    ("Pj Gubernur mengumumkan hasil rakor. Adapun 3 poin tersebut. Pertama, penyelenggara mendukung penuh Pemilu. "
     "Kedua, pemerintah menyalurkan dana hibah. Ketiga, aparat menjaga distribusi logistik.",
     ["penyelenggara mendukung penuh Pemilu", "pemerintah menyalurkan dana hibah",
      "aparat menjaga distribusi logistik"]),
])
def test_goals_of_real_reports(body, goals):
    assert extract_goals(make_doc(body)).value == goals


def test_a_purpose_opener_needs_the_meeting_in_its_sentence():
    body = "Untuk memastikan hak pilih warga terjamin, KPU mendata pemilih di rumah sakit."
    assert extract_goals(make_doc(body)).value == []


@pytest.mark.parametrize("body, goals", [
    # the topic of the meeting's description, up to its venue or date, when no aim is stated
    ("Polres Sidoarjo menggelar rapat koordinasi kesiapan pengamanan Pilkada Sidoarjo di Aula Polres, Senin (5/8/2024).",
     ["kesiapan pengamanan Pilkada Sidoarjo"]),
    ("Kesbangpol menggelar Rakor Forkopimda dalam rangka pengamanan Pilkada Kabupaten Madiun Tahun 2024 di Pendopo Bupati.",
     ["pengamanan Pilkada Kabupaten Madiun Tahun 2024"]),
    # "Rapat Koordinasi" is the meeting's name: its second word is no topic
    ("Bawaslu menggelar Rapat Koordinasi (Rakor) jelang pilkada serentak 9 Desember di kantornya.",
     ["pilkada serentak 9 Desember"]),
    # a stated aim wins over the topic
    ("Polres Kudus menggelar rapat koordinasi kesiapan Pilkada di Aula Polres. Rakor ini bertujuan untuk menyamakan "
     "persepsi seluruh unsur keamanan.", ["menyamakan persepsi seluruh unsur keamanan"]),
])
def test_meeting_topic_when_no_aim_is_stated(body, goals):
    assert extract_goals(make_doc(body)).value == goals


@pytest.mark.parametrize("body, goals", [
    ("Rapat koordinasi ini dilakukan dalam rangka menjaga situasi aman dan lancar selama Pemilu 2024.",
     ["menjaga situasi aman dan lancar selama Pemilu 2024"]),
    ("Rapat koordinasi yang kita laksanakan pada hari ini adalah sebagai langkah untuk mengawal seluruh tahapan Pilkades "
     "serentak dan untuk mengantisipasi berbagai potensi permasalahan.",
     ["mengawal seluruh tahapan Pilkades serentak", "mengantisipasi berbagai potensi permasalahan"]),
    ("Menurutnya, Rapat Koordinasi yang diselenggarakan Kesbangpol itu menjadi momentum penting untuk menyatukan langkah "
     "seluruh pemangku kepentingan.", ["menyatukan langkah seluruh pemangku kepentingan"]),
    ("Menko Polhukam memimpin rapat koordinasi khusus untuk persiapan pengamanan kampanye terbuka.",
     ["persiapan pengamanan kampanye terbuka"]),
])
def test_purpose_said_of_the_meeting_at_a_distance_and_second_aims(body, goals):
    assert extract_goals(make_doc(body)).value == goals


def test_an_aim_continued_in_the_next_sentence_and_a_meeting_as_part_of_an_effort():
    body = ("Menurut Kepala Kesbangpol, tujuan Rakor ini adalah untuk mendapatkan masukan tentang kesiapan pemilu. "
            "Serta mendeteksi dini potensi kerawanan di setiap kecamatan. Pelaksanaan kegiatan Rakor ini merupakan salah "
            "satu bagian dari upaya kita bersama dalam rangka menyukseskan pemilihan Bupati tahun ini.")
    assert extract_goals(make_doc(body)).value == ["mendapatkan masukan tentang kesiapan pemilu",
                                                   "mendeteksi dini potensi kerawanan di setiap kecamatan",
                                                   "menyukseskan pemilihan Bupati tahun ini"]


def test_a_clause_cut_inside_a_list_is_no_aim():
    body = ("Rakor ini bertujuan untuk menyamakan persepsi seluruh unsur keamanan. Hasil rakor adalah pemetaan TPS rawan "
            "pada pemilihan Gubernur dan Wakil Gubernur, pemilihan Wali Kota dan")
    assert extract_goals(make_doc(body)).value == ["menyamakan persepsi seluruh unsur keamanan",
                                                   "pemetaan TPS rawan pada pemilihan Gubernur dan Wakil Gubernur"]
