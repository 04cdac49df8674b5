"""Attendees: role + unit + title + name, represents, coordinated posts, institution lists, folding."""
from extractor.fields.attendees import extract_attendees, plausible_name
from fields_helpers import make_doc


def _people(body):
    return {a["name"]: a for a in extract_attendees(make_doc(body)).value if a["name"]}


def test_role_rank_degrees_are_stripped_and_institution_inferred():
    people = _people("Rapat dipimpin langsung oleh Kapolres Pesisir Selatan AKBP Rendra Wicaksono, S.I.K., M.H. "
                     "dan dihadiri Wakil Bupati Pesisir Selatan Ruslan Harun.")
    assert people["Rendra Wicaksono"]["role"] == "Kapolres Pesisir Selatan"
    assert people["Rendra Wicaksono"]["institution"] == "Polres Pesisir Selatan"
    assert people["Ruslan Harun"]["institution"] == "Pemerintah Kabupaten Pesisir Selatan"


def test_represented_by_sets_represents_and_the_unit():
    people = _people("Rakor dihadiri Dandim 0311/Pesisir Selatan yang diwakili oleh Pasi Intel Kapten Inf Darmansyah.")
    assert people["Darmansyah"] == {
        "name": "Darmansyah", "role": "Pasi Intel", "institution": "Kodim 0311/Pesisir Selatan",
        "represents": "Dandim 0311/Pesisir Selatan", "institution_canonical": "Komando Distrik Militer 0311/Pesisir Selatan",
    }


def test_same_person_named_again_is_one_entry():
    entries = extract_attendees(make_doc(
        "Rakor dipimpin Kapolres Malang AKBP Budi Santoso. Dalam sambutannya, AKBP Budi menyampaikan arahan.")).value
    assert [a["name"] for a in entries if a["name"]] == ["Budi Santoso"]


def test_balinese_and_sasak_name_parts_stay():
    people = _people("Rakor dipimpin Pj Gubernur Bali I Gusti Ngurah Wirawan dan dihadiri Ketua KPU Kabupaten "
                     "Lombok Timur Lalu Ahmad Fauzi.")
    assert {"I Gusti Ngurah Wirawan", "Lalu Ahmad Fauzi"} <= set(people)


def test_adat_title_is_removed():
    assert "Yusrizal" in _people("Rakor dipimpin Kepala Satpol PP dan Damkar Kabupaten Agam Yusrizal Dt. Rajo Mudo.")


def test_institutions_listed_without_people():
    entries = extract_attendees(make_doc(
        "Peserta rakor terdiri dari unsur Polres Malang, Kodim 0818/Malang-Batu, Kejaksaan Negeri Kabupaten Malang "
        "serta personel TNI.")).value
    institutions = [a["institution"] for a in entries if not a["name"]]
    assert institutions == ["Polres Malang", "Kodim 0818/Malang-Batu", "Kejaksaan Negeri Kabupaten Malang"]


def test_coordinated_posts_share_their_region():
    entries = extract_attendees(make_doc("Rakor dihadiri Ketua KPU dan Ketua Bawaslu Kabupaten Jepara.")).value
    assert [a["role"] for a in entries] == ["Ketua KPU Kabupaten Jepara", "Ketua Bawaslu Kabupaten Jepara"]


def test_perwakilan_of_a_post_is_represents_not_a_person():
    entries = extract_attendees(make_doc("Dalam Rakor ini turut hadir Perwakilan Danlanud Iskandar Pbn.")).value
    assert entries[0]["name"] is None and entries[0]["represents"] == "Danlanud Iskandar Pbn"


def test_office_words_are_not_names():
    assert not plausible_name("Pariwisata")
    assert not plausible_name("Tahun")
    assert plausible_name("Andi Rahmat Hidayat")


def test_online_meeting_media_are_not_names():
    # "daring melalui Zoom Meeting": the NER model may read the two capitalised words as a name
    assert not plausible_name("Zoom Meeting")
    assert not plausible_name("Google Meet")
    assert plausible_name("Agus Setiyono")


def test_group_words_before_a_listed_institution_are_cut():
    entries = extract_attendees(make_doc(
        "Rakor dihadiri oleh PJU Polres Kobar, jajaran Kodim 1014/Pbn serta perwakilan dari Kejari Kobar.")).value
    assert [a["institution"] for a in entries if not a["name"]] == ["Polres Kobar", "Kodim 1014/Pbn", "Kejari Kobar"]


def _with_entities(body, entities):
    """A doc whose NER entities are given: (text, label) pairs, found in the body."""
    doc = make_doc(body)
    spans = []
    for text, label in entities:
        start = doc.text.index(text)
        spans.append(doc.char_span(start, start + len(text), label=label))
    doc._.sentence_entities = lambda start, end: [x for x in spans if start <= x.start_char and x.end_char <= end]
    return doc


def test_model_persons_are_read_but_not_places_named_like_people():
    doc = _with_entities("Rakor di Hotel Horison Ultima Ratu turut dihadiri Budi Santoso dan Siti Aminah.",
                         [("Horison Ultima Ratu", "PER"), ("Budi Santoso", "PER"), ("Siti Aminah", "PER")])
    assert [a["name"] for a in extract_attendees(doc).value] == ["Budi Santoso", "Siti Aminah"]


def test_model_persons_inside_a_venue_name_are_not_attendees():
    # the venue head is words before the entity the model read as a person
    doc = _with_entities("Rakor dihadiri Budi Santoso di Ballroom Horison Ultima Ratu, Serang.",
                         [("Budi Santoso", "PER"), ("Ultima Ratu", "PER")])
    assert [a["name"] for a in extract_attendees(doc).value] == ["Budi Santoso"]


def test_model_organisation_items_are_read_but_not_leftover_degrees():
    doc = _with_entities("Rakor dihadiri oleh IAIN Bone, S.Pdi, dan Karang Taruna Bone.",
                         [("IAIN Bone", "ORG"), ("S.Pdi", "ORG"), ("Karang Taruna Bone", "ORG")])
    assert [a["institution"] for a in extract_attendees(doc).value] == ["IAIN Bone", "Karang Taruna Bone"]


def test_a_person_named_again_with_the_place_of_the_post_takes_the_fuller_post():
    entries = extract_attendees(make_doc(
        "Rakor dibuka Kapolres AKBP Budi Santoso. Turut hadir PJU Polres Blitar. "
        "Kapolres Blitar AKBP Budi Santoso menyampaikan arahan.")).value
    assert entries == [{"name": "Budi Santoso", "role": "Kapolres Blitar", "institution": "Polres Blitar",
                        "represents": None, "institution_canonical": "Kepolisian Resor Blitar"}]


def test_a_list_item_prefix_opens_a_new_item_where_the_comma_is_missing():
    entries = extract_attendees(make_doc(
        "Rakor dihadiri oleh Perwakilan Kejari Kab. Blitar Perwakilan KPU Kab. Blitar, "
        "anggota Dewan Perwakilan Rakyat Daerah Blitar serta Perwakilan Bawaslu Blitar.")).value
    assert [a["institution"] for a in entries] == ["Kejari Kab. Blitar", "KPU Kab. Blitar",
                                                  "Dewan Perwakilan Rakyat Daerah Blitar", "Bawaslu Blitar"]


def test_a_name_before_its_post_takes_the_post_and_an_office_after_dari_runs_to_its_end():
    entries = extract_attendees(make_doc(
        "Narasumber kegiatan ada tiga yaitu Bapak Joko Santoso dari Ditjen Politik dan Pemerintahan Umum Kemendagri, "
        "Bapak Nurhadi, S.Si anggota KPU Provinsi Jambi, dan Ibu Sri Wahyuni, S.STP., M.Si Kepala Bidang "
        "Pemberdayaan Masyarakat Desa Dinas Pemdes Provinsi Jambi.")).value
    assert [(a["name"], a["role"], a["institution"]) for a in entries] == [
        ("Joko Santoso", None, "Ditjen Politik dan Pemerintahan Umum Kemendagri"),
        ("Nurhadi", "anggota KPU Provinsi Jambi", "KPU Provinsi Jambi"),
        ("Sri Wahyuni", "Kepala Bidang Pemberdayaan Masyarakat Desa Dinas Pemdes Provinsi Jambi",
         "Dinas Pemdes Provinsi Jambi"),
    ]


def test_a_compass_word_after_a_region_is_not_a_name():
    assert not plausible_name("Barat")


def test_posts_inside_a_place_or_an_election_name_are_not_attendees():
    entries = extract_attendees(make_doc(
        "Rakor digelar di Gedung Gradhika, Kompleks Kantor Gubernur Jawa Tengah, dan dihadiri Ketua KPU Kota Semarang "
        "menjelang Pemilihan Gubernur dan Wakil Gubernur Jawa Tengah serta pemilihan calon Wali Kota dan Wakil Wali "
        "Kota Semarang.")).value
    assert [a["role"] for a in entries] == ["Ketua KPU Kota Semarang"]


def test_a_regional_post_title_of_a_named_office_belongs_to_that_office():
    people = _people("Rakor dihadiri Asisten Tindak Pidana Umum Kejati Jawa Barat Hermawan Syahputra, S.H., M.H.")
    assert people["Hermawan Syahputra"]["institution"] == "Kejati Jawa Barat"


def test_a_group_named_again_with_its_region_keeps_the_fuller_entry():
    entries = extract_attendees(make_doc(
        "Rakor diikuti para camat serta perwakilan Kodim 0701/Banyumas. Sementara 27 camat se-Kabupaten Banyumas "
        "mengikuti secara daring.")).value
    assert [a["institution"] for a in entries] == ["Kodim 0701/Banyumas", "Kecamatan se-Kabupaten Banyumas"]


def test_academic_speakers_keep_the_university_named_after_a_person():
    entries = extract_attendees(make_doc(
        "Kegiatan menghadirkan narasumber, yakni akademisi IAIN Bone Dr. Haeruddin Saleh, M.Ag, serta dosen "
        "Universitas Hasanuddin Andi Rahman. Hadir pula Rektor Universitas Negeri Makassar.")).value
    assert [(a["name"], a["institution"]) for a in entries] == [
        ("Haeruddin Saleh", "IAIN Bone"), ("Andi Rahman", "Universitas Hasanuddin"),
        (None, "Universitas Negeri Makassar")]


def test_a_post_of_an_office_without_its_place_runs_on_to_the_ministry():
    entries = extract_attendees(make_doc(
        "Narasumber yang hadir antara lain Direktur Kewaspadaan Nasional Ditjen Politik dan Pemerintahan Umum "
        "Kemendagri serta Ketua KPU Provinsi Kalimantan Barat.")).value
    assert [a["institution"] for a in entries] == ["Ditjen Politik dan Pemerintahan Umum Kemendagri",
                                                  "KPU Provinsi Kalimantan Barat"]


def test_a_bare_post_coordinated_with_a_post_of_a_body_shares_the_body():
    entries = extract_attendees(make_doc(
        "Rakor diikuti peserta yang terdiri dari ketua dan anggota KPU kabupaten/kota se-Sumatera Utara, "
        "perwakilan Polda Sumut. Rakor dihadiri Ketua KPU dan Ketua Bawaslu Kabupaten Jepara.")).value
    assert [a["institution"] for a in entries] == ["KPU kabupaten/kota se-Sumatera Utara", "Polda Sumut",
                                                  "KPU Kabupaten Jepara", "Bawaslu Kabupaten Jepara"]


def test_coordinated_groups_of_regional_heads_keep_their_group():
    entries = extract_attendees(make_doc("Rakor dihadiri bupati dan wali kota se-Bali serta camat dan lurah se-Kota Blitar.")).value
    assert [a["institution"] for a in entries] == ["Pemerintah Kabupaten/Kota se-Bali",
                                                  "Kecamatan se-Kota Blitar", "Kelurahan se-Kota Blitar"]


def test_office_names_run_over_their_domain_words():
    entries = extract_attendees(make_doc(
        "Hadir Kapolres Gunungkidul, Kepala Dinas Perhubungan, Kepala Dinas Pariwisata, Kepala Satuan Polisi "
        "Pamong Praja se-Kalimantan Barat serta Direktur Kewaspadaan Nasional Ditjen Politik dan Pemerintahan Umum "
        "Kemendagri.")).value
    assert [a["institution"] for a in entries] == [
        "Polres Gunungkidul", "Dinas Perhubungan", "Dinas Pariwisata", "Satuan Polisi Pamong Praja se-Kalimantan Barat",
        "Ditjen Politik dan Pemerintahan Umum Kemendagri"]


def test_heads_of_regencies_and_cities_together_are_one_group():
    for body in ("Rakor dihadiri Kapolda Bali serta bupati dan wali kota se-Bali.",
                 "Rakor dihadiri oleh bupati/walikota se-Kaltim dan Kapolda Kaltim."):
        groups = [a for a in extract_attendees(make_doc(body)).value if a["institution"].startswith("Pemerintah")]
        region = body.split("se-")[1].split()[0].rstrip(".")
        assert [a["institution"] for a in groups] == [f"Pemerintah Kabupaten/Kota se-{region}"]


def test_regency_and_city_groups_apart_or_of_one_place_stay_two():
    apart = extract_attendees(make_doc("Rakor dihadiri wali kota se-Jatim, Kapolda Jatim dan bupati se-Jatim.")).value
    assert {"Pemerintah Kota se-Jatim", "Pemerintah Kabupaten se-Jatim"} <= {a["institution"] for a in apart}
    heads = _people("Rakor dihadiri Bupati Malang Sanusi dan Wali Kota Malang Wahyu Hidayat.")
    assert heads["Sanusi"]["institution"] == "Pemerintah Kabupaten Malang"
    assert heads["Wahyu Hidayat"]["institution"] == "Pemerintah Kota Malang"


def test_a_body_represented_by_an_officer_is_what_the_officer_represents():
    entries = extract_attendees(make_doc(
        "Rakor dihadiri Pemerintah Daerah Kabupaten Pasaman Barat yang diwakili oleh Kaban Kesbangpol Yosmar Difia "
        "dan Pemerintah Kota Padang yang diwakili Kepala Dinas Kominfo Budi Santoso.")).value
    assert [(a["name"], a["institution"], a["represents"]) for a in entries] == [
        ("Yosmar Difia", "Kesbangpol Kabupaten Pasaman Barat", "Pemerintah Daerah Kabupaten Pasaman Barat"),
        ("Budi Santoso", "Dinas Kominfo Kota Padang", "Pemerintah Kota Padang")]


def test_an_officer_of_a_unit_of_the_represented_body_belongs_to_the_body():
    people = _people("Kegiatan dihadiri Kesbangpol Provinsi Banten diwakili Kepala Bidang Fasilitasi Pembinaan Politik "
                     "Bapak H. Holil.")
    assert people["Holil"]["institution"] == "Kesbangpol Provinsi Banten"


def test_what_a_team_is_made_of_is_not_who_attended():
    body = ("Rapat dihadiri Ketua KPU Kabupaten Boven Digoel Yakobus Kambuaya. Dalam rapat itu, peserta sepakat "
            "membentuk tim terpadu yang melibatkan Kodim 1711/Boven Digoel, Polres Boven Digoel dan Dinas Perhubungan.")
    institutions = [a["institution"] for a in extract_attendees(make_doc(body)).value]
    assert institutions == ["KPU Kabupaten Boven Digoel"]


def test_participants_that_consist_of_institutions_are_listed():
    body = ("Rakor diikuti 50 peserta yang terdiri dari Kodim 1711/Boven Digoel, Polres Boven Digoel dan "
            "Dinas Perhubungan Kabupaten Boven Digoel.")
    institutions = [a["institution"] for a in extract_attendees(make_doc(body)).value]
    assert institutions == ["Kodim 1711/Boven Digoel", "Polres Boven Digoel", "Dinas Perhubungan Kabupaten Boven Digoel"]


def test_a_bare_unit_takes_the_one_placed_mention_of_it_in_the_article():
    body = ("Rombongan diterima Dandim 1710/Mimika Letkol Inf Yosafat Rumbewas yang didampingi Kasdim Mayor Inf "
            "Hendrik Kambu. Hadir pula Kabag Ops AKP Daud Wanma dari Polres Mimika.")
    institutions = {a["name"]: a["institution"] for a in extract_attendees(make_doc(body)).value}
    assert institutions["Hendrik Kambu"] == "Kodim 1710/Mimika"
    assert institutions["Daud Wanma"] == "Polres Mimika"


def test_a_bare_unit_stays_bare_when_the_article_places_it_twice():
    body = ("Rakor dihadiri Ketua KPU Provinsi Papua Tengah Maria Waine, Ketua KPU Kabupaten Mimika Yulius Kum "
            "dan anggota KPU Divisi Logistik Petrus Magai.")
    institutions = {a["name"]: a["institution"] for a in extract_attendees(make_doc(body)).value}
    assert institutions["Petrus Magai"] == "KPU"


def test_a_moderator_takes_part():
    body = "Diskusi kelompok dipandu Ketua KPU Kota Ternate Rustam Abdullah."
    assert [a["name"] for a in extract_attendees(make_doc(body)).value] == ["Rustam Abdullah"]


def test_a_name_in_apposition_between_commas():
    body = ("Ketua KPU Kota Tidore Kepulauan, Ridwan Latuconsina, S.H., dalam sambutannya menjelaskan jadwal "
            "pendaftaran. Kepala Badan Kesbangpol Kabupaten Mappi, Agustinus Gebze, S.Sos., M.AP, selaku Ketua "
            "Desk Pilkada, memimpin jalannya rapat.")
    assert [(a["name"], a["institution"]) for a in extract_attendees(make_doc(body)).value] == [
        ("Ridwan Latuconsina", "KPU Kota Tidore Kepulauan"), ("Agustinus Gebze", "Badan Kesbangpol Kabupaten Mappi")]


def test_an_official_who_reports_or_asks_at_the_meeting_takes_part():
    body = ("Kepala Badan Kesbangpol Kabupaten Asmat Silvester Yaku melaporkan kendala distribusi. Ketua DPC "
            "Partai Golkar Kota Ternate Mahmud Soleman menanyakan batas waktu perbaikan berkas.")
    assert [a["name"] for a in extract_attendees(make_doc(body)).value] == ["Silvester Yaku", "Mahmud Soleman"]


def test_a_sentence_opening_word_after_a_degree_is_not_a_name():
    body = ("Rapat dipimpin Ketua Bawaslu Kabupaten Dompu, Ahmad Yasin, S.H. Paparan kasus disampaikan anggota "
            "Bawaslu Kabupaten Dompu Siti Rahmah, S.H., M.H. Dari unsur kepolisian hadir Kasat Reskrim Polres Dompu.")
    names = [a["name"] for a in extract_attendees(make_doc(body)).value if a["name"]]
    assert names == ["Ahmad Yasin", "Siti Rahmah"]


def test_the_invited_of_a_scheduled_meeting_are_its_planned_attendees():
    body = ("Rakor dijadwalkan berlangsung Kamis (14/11/2024). Polda juga mengundang Danrem 041/Gamas Brigjen TNI "
            "Hendra Kusuma dan Ketua KPU Provinsi Bengkulu Rosmala Dewi.")
    assert [(a["name"], a["institution"]) for a in extract_attendees(make_doc(body)).value] == [
        ("Hendra Kusuma", "Korem 041/Gamas"), ("Rosmala Dewi", "KPU Provinsi Bengkulu")]


def test_bersama_as_an_adjective_does_not_make_a_sentence_report_attendance():
    body = ("Rakor ini diharapkan menghasilkan panduan teknis bersama yang dibagikan kepada KPPS melalui PPK dan PPS. "
            "Rapat dipimpin Ketua KPU Kabupaten Sleman Wahyu Handoko bersama Kodim 0732/Sleman.")
    institutions = [a["institution"] for a in extract_attendees(make_doc(body)).value]
    assert institutions == ["KPU Kabupaten Sleman", "Kodim 0732/Sleman"]


def test_a_placed_unit_ends_with_its_sentence():
    body = ("Rapat dipimpin Camat Andi Musdalifah. Hadir para lurah se-Kecamatan Wua-Wua. Bhabinkamtibmas "
            "Kelurahan Anduonohu Aiptu La Ode Kasim juga ikut dalam rapat.")
    institutions = {a["name"]: a["institution"] for a in extract_attendees(make_doc(body)).value}
    assert institutions["Andi Musdalifah"] == "Kecamatan Wua-Wua"


def test_name_before_role_in_national_reports():
    people = _people("Hadir dalam rapat antara lain, M. Prasetyo Jaksa Agung, Tjahjo Kumolo Mendagri, "
                     "Rudiantara Menkominfo, serta Ketua KPU Arief Budiman.")
    assert people["Tjahjo Kumolo"]["institution"] == "Kementerian Dalam Negeri"
    assert people["Rudiantara"]["role"] == "Menkominfo"
    assert people["Arief Budiman"]["role"] == "Ketua KPU"
    assert "Tjahjo Kumolo Mendagri" not in people


def test_posts_in_brackets_and_lists_that_go_on_in_the_next_sentence():
    people = _people("Rapat dihadiri oleh Sdr. Abidin Nasyar (Ketua KPU Kab. Serang), Yadi (Ketua Bawaslu Kab. Serang), "
                     "dan Jenderal (Pol) Tito Karnavian Kapolri. Selain itu, Budi Gunawan Kepala BIN, Arief Budiman "
                     "Ketua KPU.")
    assert people["Yadi"]["role"] == "Ketua Bawaslu Kab. Serang"
    assert people["Abidin Nasyar"]["role"] == "Ketua KPU Kab. Serang"
    assert "Tito Karnavian" in people and "Tito Karnavian Kapolri" not in people
    assert people["Budi Gunawan"]["role"] == "Kepala BIN"


def test_a_quoted_speaker_named_before_the_role():
    people = _people("“Pengawasan harus maksimal,” ujar Muhamad Acep, Ketua Bawaslu Tangsel, usai rapat koordinasi.")
    assert people["Muhamad Acep"]["role"] == "Ketua Bawaslu Tangsel"


def test_unnamed_national_posts_and_bare_lists_after_dihadiri_are_institutions():
    doc = make_doc("Video conference diikuti langsung Kapolri, Mendagri, Panglima TNI, Ketua KPU RI dan Ketua DKPP. "
                   "Rakor dengan dihadiri KPU, Bawaslu, Polda, dan Korem 044 Garuda Hitam.")
    institutions = {a["institution"] for a in extract_attendees(doc).value}
    assert {"Polri", "Kementerian Dalam Negeri", "TNI", "KPU RI", "Korem 044 Garuda Hitam", "Bawaslu"} <= institutions


def test_invited_institutions_listed_in_the_next_sentence():
    body = ("KIP Aceh Tengah melaksanakan Rapat Koordinasi bersama Forkopimda, Kamis (4/8/2022). Rakor ini turut mengundang "
            "pimpinan lembaga dan dinas terkait. Diantaranya adalah Kodim 0106 Aceh Tengah, Kejaksaan Negeri Aceh Tengah, "
            "Pengadilan Negeri Aceh Tengah, Panwaslih dan Dinas Kependudukan dan Catatan Sipil.")
    institutions = [a["institution"] for a in extract_attendees(make_doc(body)).value]
    for listed in ("Kodim 0106 Aceh Tengah", "Kejaksaan Negeri Aceh Tengah", "Pengadilan Negeri Aceh Tengah",
                   "Dinas Kependudukan dan Catatan Sipil"):
        assert listed in institutions


def test_a_unit_written_with_spaced_slash_and_a_rank_spelt_mayjend():
    body = "Juga turut hadir Pangdam XVII / Cenderawasih Mayjend TNI Hinsa Siburian dan Karo Ops Polda Papua Kombes Pol Tatang."
    entries = extract_attendees(make_doc(body)).value
    assert {"name": "Hinsa Siburian", "role": "Pangdam XVII / Cenderawasih", "institution": "Kodam XVII / Cenderawasih"} \
        .items() <= entries[0].items()
    assert not any((a["institution"] or "").startswith("TNI") for a in entries)  # the rank's force is no attendee


def test_a_division_s_field_is_no_institution():
    body = ("Rapat dihadiri Koordinator Divisi Hukum Bawaslu Sulawesi Selatan, dan Kepala Bidang Teknis Penyelenggaraan "
            "serta perwakilan Polda Sulsel.")
    institutions = [a["institution"] for a in extract_attendees(make_doc(body)).value]
    assert "Polda Sulsel" in institutions
    assert not {"Hukum", "Teknis Penyelenggaraan"} & set(institutions)


def test_a_name_after_a_comma_follows_an_office_that_runs_on_to_its_institution():
    body = "Dirjen Politik dan Pemerintahan Umum Kemendagri, Togap Simangunsong menutup rangkaian kegiatan rapat koordinasi."
    entry = extract_attendees(make_doc(body)).value[0]
    assert (entry["name"], entry["institution"]) == ("Togap Simangunsong", "Kemendagri")
