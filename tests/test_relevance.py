"""Relevance: one specific coordination meeting, not campaign rallies, vote counts, opinion or lists."""
import pytest

from extractor.fields.relevance import extract_relevance
from fields_helpers import make_doc


@pytest.mark.parametrize("title, body, expected", [
    ("Polres Gelar Rakor Pengamanan Pilkada",
     "Polres Malang menggelar rapat koordinasi lintas sektoral di Aula Polres Malang, Rabu (21/8/2024).", True),
    ("Bawaslu Gelar FGD Pemetaan Kerawanan", "Bawaslu Bone menggelar FGD di Hotel Bumi Bone, Rabu (18/9/2024).", True),
    ("Paslon Gelar Kampanye Rapat Umum",
     "Pasangan calon menggelar kampanye rapat umum di Lapangan Merdeka, Sabtu (9/11/2024), dijaga polisi.", False),
    ("PPK Gelar Rapat Pleno Rekapitulasi",
     "PPK menggelar rapat pleno rekapitulasi hasil penghitungan suara di Aula Kecamatan, Jumat (29/11/2024).", False),
    ("Menakar Rakor Menjelang Pilkada",
     "Rapat koordinasi sering digelar menjelang pilkada. Menurut saya rakor perlu dievaluasi.\n\n"
     "*) Penulis adalah pengamat politik.", False),
])
def test_meeting_reports_and_lookalikes(title, body, expected):
    result = extract_relevance(make_doc(body, title=title))
    assert result.value is expected
    assert (result.confidence >= 0.5) is expected


def test_list_of_headlines_is_not_one_report():
    items = "\n\n".join(f"Polres {c} Gelar Rakor\n\nPAINAN – Polres {c} menggelar rapat koordinasi di aula, Senin (1{i}/10/2024)…"
                        for i, c in enumerate(["Agam", "Solok", "Pessel", "Padang"]))
    assert extract_relevance(make_doc(items, title="Pilkada 2024")).value is False


def test_an_opinion_byline_outweighs_the_meeting_words():
    body = ("Oleh Yohanes Lado, pengamat kebijakan publik\n\n"
            "Setiap musim pemilihan, Polres Belu menggelar rapat koordinasi di aula kantor bupati, Senin (4/11/2024). "
            "Rakor semacam itu penting, tetapi keputusan di ruang rapat harus sampai ke petugas KPPS.")
    assert extract_relevance(make_doc(body, title="Menjaga Pilkada di Perbatasan")).value is False
    report = body.replace("Oleh Yohanes Lado, pengamat kebijakan publik", "Oleh karena itu, Polres Belu bersiap.")
    assert extract_relevance(make_doc(report, title="Menjaga Pilkada di Perbatasan")).value is True


@pytest.mark.parametrize("title, body", [
    ("Polres Gelar Rakor Pengamanan Nataru",
     "Polres Kobar menggelar rapat koordinasi lintas sektoral pengamanan Natal dan Tahun Baru di Aula Polres, "
     "Senin (16/12/2024)."),
    ("Pemkab Gelar Rakor Pengendalian Inflasi",
     "Pemkab Inhil menggelar rakor pengendalian inflasi daerah bersama TPID di ruang rapat bupati, Senin (4/11/2024). "
     "Inflasi dijaga menjelang tahun politik, kata Sekda; harga beras naik dan inflasi perlu ditekan."),
])
def test_a_rakor_on_another_topic_is_no_pre_election_meeting(title, body):
    assert extract_relevance(make_doc(body, title=title)).value is False


@pytest.mark.parametrize("body", [
    "Kapolda Maluku Utara melaksanakan Audiens bersama Ketua Bawaslu terkait Pilkada 2020 di Ruang Tamu Kapolda, "
    "Rabu (8/7/2020).",
    "Kapolda memimpin vicon anev kamtibmas Pemilu 2019 bersama para Kapolres di Ruang Command Center, Senin (22/4/2019).",
])
def test_audiens_and_vicon_are_meetings(body):
    assert extract_relevance(make_doc(body, title="Pilkada")).value is True


def test_holding_a_video_conference_counts_as_holding_a_meeting():
    body = ("Kapolda Kalbar melaksanakan video conference dengan Polres jajaran di ruang Command Center, Kamis (15/2/2024), "
            "untuk mengecek situasi pasca pemungutan suara Pemilu 2024.")
    found = extract_relevance(make_doc(body, title="Kapolda Cek Situasi Pasca Pemungutan Suara"))
    assert found.value is True and found.confidence > 0.75


def test_a_visit_between_institutions_is_an_audiensi_and_a_party_meeting_is_not_coordination():
    visit = ("Komisi Pemilihan Umum (KPU) RI kunjungi pimpinan Mahkamah Agung (MA) di Jakarta, Selasa (13/10/2015), "
             "untuk membahas pengaturan sengketa Pilkada serentak.")
    party = ("Dalam rapat internal DPC partai yang digelar Sabtu (13/7/2024), koalisi sepakat mengusung calon "
             "wakil gubernur pada Pilkada 2024 dalam penjaringan calon kepala daerah.")
    assert extract_relevance(make_doc(visit, title="KPU RI Kunjungi MA")).value is True
    assert extract_relevance(make_doc(party, title="Koalisi Sepakat Usung Cawagub")).value is False


def test_a_weekday_in_the_meeting_sentence_anchors_a_report_without_a_publication_date():
    body = ("KPU bersama kepolisian dan Pemerintah Kabupaten Polewali Mandar pada Jumat menggelar rapat koordinasi "
            "terkait pencalonan dan persiapan kampanye pemilihan kepala daerah serentak 2018, dihadiri Ketua KPU.")
    assert extract_relevance(make_doc(body, title="Rakor Pilkada Polman")).value is True
