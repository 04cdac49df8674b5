"""Goals: lead-ins cut, quotes ended, result lists split, repeats listed once."""
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
