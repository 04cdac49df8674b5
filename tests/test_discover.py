"""Feed and sitemap parsing, and the discovery walk over sitemap indexes (no network)."""
from __future__ import annotations

import gzip

import pytest

from extractor.discover import Links, discover_urls, parse_links

BASE = "https://polres.example.go.id"


def test_rss2_links_cdata_entities_relative_and_guid():
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>{BASE}/</link>
      <item><link>{BASE}/index.php?option=com_content&amp;id=12</link></item>
      <item><link><![CDATA[ {BASE}/berita/rakor-pilkada ]]></link></item>
      <item><link>/berita/relatif.html</link></item>
      <item><guid>{BASE}/berita/guid-only</guid></item>
      <item><guid isPermaLink="false">tag:x,2024:1</guid></item>
      <item><link>{BASE}/berita/rakor-pilkada</link></item>
    </channel></rss>""".encode()
    links = parse_links(rss, f"{BASE}/feed", 10_000)
    assert links.kind == "rss" and links.sitemaps == []
    assert links.pages == [f"{BASE}/index.php?option=com_content&id=12", f"{BASE}/berita/rakor-pilkada",
                           f"{BASE}/berita/relatif.html", f"{BASE}/berita/guid-only"]


def test_rss1_rdf_items():
    rdf = f"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/"><channel rdf:about="{BASE}/"><link>{BASE}/</link></channel>
      <item rdf:about="{BASE}/a"><link>{BASE}/a</link></item></rdf:RDF>""".encode()
    assert parse_links(rdf, f"{BASE}/rss1", 10_000) == Links("rdf", pages=[f"{BASE}/a"])


def test_atom_alternate_links_xml_base_and_no_self_or_enclosure():
    atom = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <link rel="self" href="{BASE}/atom"/><link href="{BASE}/"/>
      <entry><link rel="enclosure" href="{BASE}/a.jpg"/><link rel="alternate" href="/berita/a"/></entry>
      <entry xml:base="{BASE}/arsip/"><link href="b.html"/></entry>
      <entry><link rel="related" href="{BASE}/other"/></entry>
    </feed>""".encode()
    links = parse_links(atom, f"{BASE}/atom", 10_000)
    assert links.kind == "feed"
    assert links.pages == [f"{BASE}/berita/a", f"{BASE}/arsip/b.html"]


def test_sitemap_index_urlset_news_and_images():
    index = f"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>{BASE}/post-sitemap.xml</loc><lastmod>2024-02-01</lastmod></sitemap>
      <sitemap><loc>{BASE}/news-sitemap.xml.gz</loc></sitemap></sitemapindex>""".encode()
    assert parse_links(index, f"{BASE}/sitemap_index.xml", 10_000) == Links(
        "sitemapindex", sitemaps=[f"{BASE}/post-sitemap.xml", f"{BASE}/news-sitemap.xml.gz"])
    news = f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
      xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
      <url><loc>{BASE}/berita/1</loc><news:news><news:title>Rakor</news:title></news:news>
        <image:image><image:loc>{BASE}/foto.jpg</image:loc></image:image></url>
      <url><loc>
        {BASE}/berita/2
      </loc></url></urlset>""".encode()
    assert parse_links(news, f"{BASE}/news-sitemap.xml", 10_000) == Links(
        "urlset", pages=[f"{BASE}/berita/1", f"{BASE}/berita/2"])


def test_gzipped_and_plain_text_sitemaps():
    text = f"{BASE}/a\n\n{BASE}/b\n".encode()
    assert parse_links(text, f"{BASE}/sitemap.txt", 10_000) == Links("text", pages=[f"{BASE}/a", f"{BASE}/b"])
    assert parse_links(gzip.compress(text), f"{BASE}/sitemap.txt.gz", 10_000).pages == [f"{BASE}/a", f"{BASE}/b"]


def test_gzip_bomb_is_cut():
    with pytest.raises(ValueError, match="decompressed"):
        parse_links(gzip.compress(b"\n" * 1_000_000), f"{BASE}/sitemap.xml.gz", 10_000)


@pytest.mark.parametrize("content", [
    b"<html><body><p>Bukan feed</p></body></html>",
    b"%PDF-1.4 \x00\x01",
    b"",
    b'<?xml version="1.0"?><note><to>x</to></note>',
])
def test_neither_feed_nor_sitemap(content):
    with pytest.raises(ValueError, match="not a feed or sitemap"):
        parse_links(content, f"{BASE}/x", 10_000)


def test_entities_are_not_expanded():
    """No external entity is read and no billion-laughs expansion happens."""
    evil = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">
      <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.id/&x;&b;</loc></url></urlset>"""
    links = parse_links(evil, "https://x.id/sitemap.xml", 10_000)
    assert all("root:" not in page and "aaaa" not in page for page in links.pages)


def test_discovery_follows_indexes_once_and_skips_failures():
    sources = {
        "i": Links("sitemapindex", sitemaps=["a", "b", "i"]),
        "a": Links("urlset", pages=["p1", "p2"]),
        "b": Links("sitemapindex", sitemaps=["a", "c"]),
        "c": Links("urlset", pages=["p2", "p3"]),
        "f": Links("rss", pages=["p4"]),
    }
    calls = []

    def read(url):
        calls.append(url)
        return sources.get(url)

    assert discover_urls(["i", "f", "broken"], read) == ["p4", "p1", "p2", "p3"]
    assert sorted(calls) == ["a", "b", "broken", "c", "f", "i"]


def test_discovery_stops_at_the_source_cap():
    def read(url):  # an endless chain of indexes
        return Links("sitemapindex", sitemaps=[url + "x"])

    calls = []
    discover_urls(["s"], lambda url: calls.append(url) or read(url), max_sources=5)
    assert len(calls) == 5
