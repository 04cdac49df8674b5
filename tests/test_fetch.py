"""The polite fetcher against a real HTTP server on 127.0.0.1 (tests/loopback.py): discovery,
robots.txt, delays, retries, caps, WARC archives read back by sources, state and watch rounds.

Nothing here leaves loopback: `refuse_non_loopback` fails any test that tries."""
from __future__ import annotations

import json
import sqlite3
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from extractor import __version__
from extractor.cli import app
from extractor.clean import clean_document
from extractor.fetch import (DEFAULT_CONCURRENCY, DEFAULT_DELAY, DEFAULT_MAX_BYTES, DEFAULT_PER_HOST,
                             DEFAULT_RETRIES, STATE_FILE, Fetcher, FetchOptions, FetchState, WarcArchive, crawl,
                             fetch_and_extract, raw_document, retry_after, watch_round)
from extractor.fetch_cli import parse_duration
from extractor.sources import iter_documents
from loopback import CORPUS, closed_port, refuse_non_loopback, serve

FAST = FetchOptions(delay=0.05, timeout=0.5, max_time=1.0, retries=2, backoff=0.05)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    tried = refuse_non_loopback(monkeypatch)
    yield
    assert not tried, f"a test tried to leave loopback: {tried}"


@pytest.fixture()
def no_spacy(monkeypatch):
    """Real cleaner and record builder, no spaCy run: loading spacy.blank("id") alone takes
    10-20 s, and what these tests check is the wiring from fetched page to record."""
    from extractor import pipeline

    def extract_record(raw, use_ner=True):
        article = clean_document(raw)
        return pipeline.build_record(article, {}, article.text)

    monkeypatch.setattr(pipeline, "extract_record", extract_record)


@pytest.fixture(scope="module")
def site():
    with serve() as running:
        yield running


@pytest.fixture()
def fresh_site():
    """A site of its own, for tests that count requests or change the feed."""
    with serve() as running:
        yield running


def test_polite_defaults_and_user_agent():
    assert (DEFAULT_DELAY, DEFAULT_PER_HOST, DEFAULT_CONCURRENCY, DEFAULT_RETRIES, DEFAULT_MAX_BYTES) == (
        1.0, 1, 8, 3, 10_000_000)
    agent = FetchOptions(contact="redaksi@example.id").user_agent
    assert agent.startswith(f"rakor/{__version__} (+https://") and agent.endswith("; redaksi@example.id)")


def test_retry_after_seconds_and_http_date():
    now = datetime(2024, 2, 7, 8, 0, tzinfo=timezone.utc)
    assert retry_after("1") == 1.0
    assert retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90.0
    assert retry_after(format_datetime(now - timedelta(seconds=90), usegmt=True), now) == 0.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_watch_interval_parsing():
    assert parse_duration("1h") == 3600 and parse_duration("30m") == 1800 and parse_duration("90") == 90
    with pytest.raises(ValueError):
        parse_duration("5s")
    with pytest.raises(ValueError):
        parse_duration("hourly")


# (path, outcome, reason fragment, requests the URL cost)
MISBEHAVING = [
    ("/berita/dev-001.html", "fetched", None, 1),
    ("/missing", "skipped", "HTTP 404", 1),
    ("/flaky", "fetched", None, 2),                       # 500, then the page
    ("/always500", "failed", "HTTP 503 after 3 attempts", 3),
    ("/busy", "fetched", None, 2),                        # 429 Retry-After: 1, then the page
    ("/busy-long", "failed", "Retry-After 86400 s", 1),
    ("/moved", "fetched", None, 2),                       # 301, then the page
    ("/loop-a", "skipped", "more than 5 redirects", 6),
    ("/report.pdf", "skipped", "not HTML (application/pdf)", 1),
    ("/huge", "skipped", "too large (over 10000000 bytes)", 1),  # chunked: cut while streaming
    ("/huge-declared", "skipped", "too large (Content-Length 50000000 > 10000000 bytes)", 1),
    ("/drip", "failed", "too slow", 1),
    ("/stall", "failed", "ReadTimeout after 3 attempts", 3),
    ("/private/dev-002.html", "skipped", "disallowed by robots.txt", 0),
]


@pytest.mark.parametrize("path,outcome,reason,requests", MISBEHAVING, ids=[m[0] for m in MISBEHAVING])
def test_each_endpoint_gets_the_right_outcome(fresh_site, path, outcome, reason, requests):
    with Fetcher(FAST) as fetcher:
        started = time.monotonic()
        result = fetcher.fetch(fresh_site.url(path))
        elapsed = time.monotonic() - started
    assert result.outcome == outcome
    assert (result.reason is None) if reason is None else (reason in result.reason)
    assert result.requests == requests
    assert sum(n for p, n in fresh_site.hits.items() if p != "/robots.txt") == requests
    assert fresh_site.hits["/robots.txt"] == 1
    if outcome != "fetched":
        assert result.body == b""
    if path == "/busy":
        assert elapsed >= 1.0  # Retry-After honoured
    if path == "/moved":
        assert result.final_url == fresh_site.url("/berita/dev-013.html")
    if path.startswith("/huge"):  # the server never got to send 50 MB
        assert fresh_site.sent[path] < 30_000_000
    if path == "/drip":
        assert elapsed < FAST.max_time + 1.0


def test_refused_connections_and_other_schemes():
    with Fetcher(FAST) as fetcher:
        refused = fetcher.fetch(f"http://127.0.0.1:{closed_port()}/berita/a.html")
        ftp = fetcher.fetch("ftp://127.0.0.1/berita/a.html")
        mail = fetcher.fetch("mailto:redaksi@example.id")
        bad = fetcher.fetch("http://[::1/berita")
    # RFC 9309: robots.txt unreachable after its retries -> the whole host is off limits
    assert refused.outcome == "failed" and "robots.txt unreachable (ConnectError after 3 attempts)" in refused.reason
    assert (ftp.outcome, mail.outcome) == ("skipped", "skipped")
    assert "not an http(s) URL" in ftp.reason and "not an http(s) URL" in mail.reason
    assert bad.outcome == "skipped" and bad.reason.startswith("invalid URL")


def test_delay_spaces_requests_and_per_host_caps_them(fresh_site):
    urls = [fresh_site.url(f"/slow?n={i}") for i in range(4)]
    with Fetcher(FetchOptions(delay=0.25, per_host=1)) as fetcher:
        assert all(r.outcome == "fetched" for r in fetcher.fetch_many(urls))
    starts = sorted(t for t, path in fresh_site.starts if path.startswith("/slow"))
    assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.2  # 0.25 s, less server-side jitter
    assert fresh_site.max_in_flight == 1
    fresh_site.max_in_flight = 0
    urls = [fresh_site.url(f"/slow?m={i}") for i in range(6)]
    with Fetcher(FetchOptions(delay=0.0, per_host=3)) as fetcher:
        list(fetcher.fetch_many(urls))
    assert 2 <= fresh_site.max_in_flight <= 3


def test_robots_crawl_delay_for_rakor_wins_over_a_shorter_delay(fresh_site):
    fresh_site.robots = b"User-agent: *\nDisallow: /\n\nUser-agent: rakor\nCrawl-delay: 1\nDisallow: /private/\n"
    with Fetcher(FetchOptions(delay=0.0)) as fetcher:
        results = list(fetcher.fetch_many([fresh_site.url("/berita/dev-001.html"), fresh_site.url("/berita/dev-002.html")]))
    assert [r.outcome for r in results] == ["fetched", "fetched"]
    starts = [t for t, path in fresh_site.starts if path.startswith("/berita/")]
    assert starts[1] - starts[0] >= 0.95


def test_discovery_fetches_listed_pages_and_obeys_robots(fresh_site):
    sources = [fresh_site.url(p) for p in ("/sitemap_index.xml", "/feed.rss", "/feed.atom")]
    results = {r.url: r for r in crawl([], sources, None, FAST)}
    expected = {fresh_site.url(f"/berita/dev-{n:03d}.html") for n in (1, 2, 4, 5, 7, 8, 9, 10)}
    assert {u for u, r in results.items() if r.outcome == "fetched"} == expected
    assert results[fresh_site.url("/private/dev-003.html")].reason == "disallowed by robots.txt"
    assert not any(path.startswith(("/private/", "/img/")) for path in fresh_site.hits)
    assert fresh_site.hits["/robots.txt"] == 1 and fresh_site.hits["/sitemap_index.xml"] == 1


def test_warc_archive_is_read_back_by_sources(site, tmp_path):
    urls = [site.url("/berita/dev-003.html"), site.url("/moved"), site.url("/missing"), site.url("/gzipped")]
    results = {r.url: r for r in crawl(urls, [], tmp_path, FAST)}
    assert [r.outcome for r in results.values()].count("fetched") == 3
    [warc] = tmp_path.glob("rakor-*-00000.warc.gz")
    docs = {d.url: d for d in iter_documents([str(tmp_path)])}
    final = site.url("/berita/dev-013.html")
    assert set(docs) == {site.url("/berita/dev-003.html"), final, site.url("/gzipped")}
    assert docs[final].doc_id == results[site.url("/moved")].record_id
    assert docs[final].content == (CORPUS / "dev-013.html").read_text(encoding="utf-8")
    # stored decoded, so the archived headers must not claim gzip any more
    assert docs[site.url("/gzipped")].content == (CORPUS / "dev-016.html").read_text(encoding="utf-8")

    with warc.open("rb") as stream:
        records = [(r.rec_type, r.rec_headers, r.http_headers) for r in ArchiveIterator(stream)]
    assert [kind for kind, _, _ in records] == ["warcinfo"] + ["response", "request"] * 3
    for (_, response, _), (_, request, http_request) in zip(records[1::2], records[2::2]):
        assert request.get_header("WARC-Concurrent-To") == response.get_header("WARC-Record-ID")
        assert request.get_header("WARC-Target-URI") == response.get_header("WARC-Target-URI")
        assert response.get_header("WARC-Payload-Digest").startswith("sha1:")
        assert response.get_header("WARC-Date")
        assert http_request.get_header("User-Agent").startswith("rakor/")

    responses = [headers for kind, _, headers in records if kind == "response"]
    assert all(h.get_header("Content-Encoding") is None for h in responses)

    with FetchState(tmp_path) as state:
        assert state.is_done(site.url("/moved")) and state.is_done(final)
        assert state.is_done(site.url("/missing"))  # a 404 is not asked for again


def test_archive_files_rotate(site, tmp_path):
    with Fetcher(FAST) as fetcher, WarcArchive(tmp_path, FAST.user_agent, max_bytes=1) as archive:
        for name in ("dev-001.html", "dev-002.html"):
            archive.write(fetcher.fetch(site.url(f"/berita/{name}")))
    names = sorted(p.name for p in tmp_path.glob("*.warc.gz"))
    assert [n[-len("00000.warc.gz"):] for n in names] == ["00000.warc.gz", "00001.warc.gz"]
    assert len(list(iter_documents([str(tmp_path)]))) == 2


def test_wrong_charset_header_still_gives_the_right_text(site, tmp_path):
    """The server says utf-8 and sends windows-1252: the cleaner falls back and reads it right."""
    [result] = crawl([site.url("/cp1252")], [], tmp_path, FAST)
    assert result.charset == "utf-8"
    for raw in (raw_document(result), next(iter_documents([str(tmp_path)]))):
        text = clean_document(raw).text
        assert "Kafé Bhayangkara" in text and "“Kapolres”" in text and "\ufffd" not in text


def test_utf8_sent_as_latin1_gives_the_right_text():
    from extractor.clean import decode_html

    assert decode_html("<p>Kafé Bhayangkara</p>".encode("utf-8"), "iso-8859-1") == "<p>Kafé Bhayangkara</p>"


def test_fetch_and_extract_records_carry_the_final_url(site, no_spacy):
    records = list(fetch_and_extract([site.url("/moved"), site.url("/missing")], [], [], None, FAST, use_ner=False))
    by_source = {r.source: r for r in records}
    final = by_source[site.url("/berita/dev-013.html")]
    assert final.error is None and final.title
    assert by_source[site.url("/missing")].error == "skipped: HTTP 404"


def test_watch_rounds_fetch_only_what_is_new(fresh_site, tmp_path, no_spacy):
    out_dir, output = tmp_path / "crawl", tmp_path / "records.jsonl"
    feeds = [fresh_site.url("/feed.rss"), fresh_site.url("/feed.atom")]

    first = watch_round(feeds, out_dir, output, FAST, use_ner=False)
    assert first["fetched"] == 4
    assert len(output.read_text().splitlines()) == 4

    second = watch_round(feeds, out_dir, output, FAST, use_ner=False)  # feeds unchanged: 304s
    assert second["fetched"] == 0 and len(output.read_text().splitlines()) == 4
    assert fresh_site.statuses["/feed.rss", 304] == 1 and fresh_site.statuses["/feed.atom", 304] == 1
    assert fresh_site.hits["/berita/dev-007.html"] == 1
    with closing(sqlite3.connect(out_dir / STATE_FILE)) as db:
        outcomes = dict(db.execute("SELECT url, outcome FROM urls WHERE kind != 'page'"))
    assert outcomes == {feeds[0]: "not-modified", feeds[1]: "not-modified"}
    with FetchState(out_dir) as state:
        assert state.validators(feeds[0]) == {"If-None-Match": '"rss-2"'}
        assert state.links(feeds[1]).pages == [fresh_site.url("/berita/dev-009.html"),
                                               fresh_site.url("/berita/dev-010.html")]

    fresh_site.feed_items.append("dev-014.html")  # a new article appears in the RSS feed
    third = watch_round(feeds, out_dir, output, FAST, use_ner=False)
    assert third["fetched"] == 1 and fresh_site.statuses["/feed.rss", 200] == 2
    lines = output.read_text().splitlines()
    assert json.loads(lines[-1])["source"] == fresh_site.url("/berita/dev-014.html")
    assert sum(n for p, n in fresh_site.hits.items() if p.startswith("/berita/")) == 5
    assert len(list(iter_documents([str(out_dir)]))) == 5


def test_cli_fetch_and_watch_once(fresh_site, tmp_path, no_spacy):
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# seeds\n{fresh_site.url('/berita/dev-015.html')}\n\n{fresh_site.url('/report.pdf')}\n")
    fast = ["--delay", "0.05", "--timeout", "0.5", "--retries", "1", "--out-dir", str(tmp_path / "out")]
    runner = CliRunner()
    fetched = runner.invoke(app, ["fetch", "--urls", str(url_file), "--feed", fresh_site.url("/feed.atom"),
                                  "--contact", "redaksi@example.id", *fast])
    assert fetched.exit_code == 0, fetched.output
    assert "3 pages fetched" in fetched.output and "1 skipped" in fetched.output
    assert len(list(iter_documents([str(tmp_path / "out")]))) == 3

    output = tmp_path / "records.jsonl"
    watched = runner.invoke(app, ["watch", fresh_site.url("/feed.atom"), "--once", "--no-ner", "-o", str(output), *fast])
    assert watched.exit_code == 0, watched.output
    assert "0 new pages" in watched.output  # the feed's pages came with `fetch` already
    assert fresh_site.statuses["/feed.atom", 304] == 1  # and `fetch` left its validators
    assert runner.invoke(app, ["fetch", *fast]).exit_code == 2


def test_rakor_extract_takes_urls_and_feeds(site, tmp_path):
    """`rakor extract URL --from-feeds FILE` fetches, archives and extracts in one batch."""
    from typer.testing import CliRunner

    from extractor.cli import app

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/feed.rss") + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", site.url("/moved"), "--from-feeds", str(feeds), "--no-ner",
                                      "--archive", str(tmp_path / "warc"), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0]["source"].endswith("/berita/dev-013.html") and records[0]["is_meeting_report"]
    assert len(records) > 1 and all(r["source"].startswith("http://127.0.0.1") for r in records)
    assert list((tmp_path / "warc").glob("*.warc.gz"))
