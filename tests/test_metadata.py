"""Page metadata: local publication date (UTC trap, crawl-date widgets), title, site."""
from __future__ import annotations

import pytest
from lxml.html import fromstring

from extractor.metadata import clean_title, date_from_url, extract_metadata, parse_dateline


def page(head: str = "", body: str = "") -> object:
    return fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize("text, iso", [
    ("Selasa, 5 November 2024 | 20:11 WIB", "2024-11-05T20:11:00+07:00"),
    ("Dec 12, 2023 - 06:09", "2023-12-12T06:09:00"),
    ("Kamis, 7 November 2024 - 00:45 WIB", "2024-11-07T00:45:00+07:00"),
    ("Jumat, 18 Oktober 2024 - 08:20 WITA", "2024-10-18T08:20:00+08:00"),
    ("Selasa, 02 Jan 2024, 10:15 WIB", "2024-01-02T10:15:00+07:00"),
    ("Tuesday, November 12, 2024", "2024-11-12"),
    ("Diterbitkan: 16 Oktober 2023", "2023-10-16"),
    ("13 Februari 2024 08.05 WIT", "2024-02-13T08:05:00+09:00"),
])
def test_parse_dateline(text, iso):
    assert parse_dateline(text).iso() == iso


def test_in_text_numeric_date_is_not_a_dateline():
    assert parse_dateline("Rabu (21/8/2024)") is None


def test_utc_meta_is_moved_to_jakarta_time():
    tree = page('<meta property="article:published_time" content="2024-01-20T23:10:52+00:00">')
    assert extract_metadata(tree).published == "2024-01-21T06:10:52+07:00"


def test_utc_meta_uses_wita_marker_of_the_page():
    tree = page('<meta property="article:published_time" content="2024-01-20T17:10:00Z">',
                "<h1>Judul Berita Ini</h1><span>Sabtu, 20 Januari 2024 WITA</span>")
    assert extract_metadata(tree).published == "2024-01-21T01:10:00+08:00"


def test_visible_local_dateline_wins_over_utc_json_ld():
    tree = page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Judul Berita Ini",'
                ' "datePublished": "2024-11-06T17:45:00Z"}</script>',
                '<h1>Judul Berita Ini</h1><time datetime="2024-11-06T17:45:00Z">Kamis, 7 November 2024 - 00:45 WIB</time>')
    meta = extract_metadata(tree)
    assert meta.published == "2024-11-07T00:45:00+07:00"
    assert meta.title == "Judul Berita Ini"


def test_local_offset_is_kept():
    tree = page('<meta property="article:published_time" content="2024-11-25T18:03:55+08:00">')
    assert extract_metadata(tree).published == "2024-11-25T18:03:55+08:00"


def test_crawl_date_widget_is_not_the_publication_date():
    widget = '<div class="top-info"><span>Kamis, 20 November 2025</span></div>' + "<div><a>menu</a></div>" * 20
    assert extract_metadata(page(body=widget + "<h1>Judul Berita Ini</h1><p>Isi.</p>")).published is None
    near = widget + '<h1>Judul Berita Ini</h1><div class="meta"><a>21 Januari 2024</a></div><p>Isi.</p>'
    assert extract_metadata(page(body=near)).published == "2024-01-21"


def test_list_page_has_no_publication_date():
    entries = "".join(f'<article><h2><a>Berita {i}</a></h2><span class="published" datetime="2024-10-0{i}T10:00:00+07:00">'
                      f"October {i}, 2024</span><p>Cuplikan.</p></article>" for i in range(1, 5))
    assert extract_metadata(page(body="<h1>Pilkada 2024</h1>" + entries)).published is None


def test_url_path_date():
    assert date_from_url("https://x.id/2022/11/30/judul-berita/").iso() == "2022-11-30"
    tree = page('<link rel="canonical" href="https://x.id/2022/11/30/judul/">')
    assert extract_metadata(tree).published == "2022-11-30"


def test_title_site_and_author():
    tree = page('<meta property="og:site_name" content="Ranah Minang Post"><meta name="author" content="Riko">'
                "<title>Polres Gelar Rakor Lintas Sektoral - Ranah Minang Post</title>")
    meta = extract_metadata(tree)
    assert (meta.title, meta.site, meta.author) == ("Polres Gelar Rakor Lintas Sektoral", "Ranah Minang Post", "Riko")


@pytest.mark.parametrize("title, site, expected", [
    ("Judul Berita Panjang Sekali | Tribratanews Polda Jambi", None, "Judul Berita Panjang Sekali"),
    ("Rakor Saja Tidak Cukup: Pilkada Damai Butuh Kerja", None, "Rakor Saja Tidak Cukup: Pilkada Damai Butuh Kerja"),
    ("Judul – Kabar Jateng Raya", "Kabar Jateng Raya", "Judul"),
])
def test_clean_title(title, site, expected):
    assert clean_title(title, site) == expected
