"""A misbehaving news site on 127.0.0.1 for the fetcher tests and bench/fetch_bench.py.

It serves the dev corpus pages, sitemaps (an index, a urlset, a news sitemap), an RSS and an
Atom feed with validators, a robots.txt that disallows /private/, and endpoints that fail the
way real sites do. Every request is counted per path (query included) so a test can tell what
an endpoint cost and that a disallowed path was never asked for.
"""
from __future__ import annotations

import gzip
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "dev" / "html"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
HUGE_BYTES = 50_000_000
CHUNK = 65_536
DRIP_INTERVAL = 0.1
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)
CP1252_PAGE = ("<html><head><title>Rapat koordinasi</title></head><body><article>"
               "<p>Rapat koordinasi pengamanan pemilu digelar di Kafé Bhayangkara, kata “Kapolres” kepada "
               "wartawan pada Senin pagi. Seluruh peserta sepakat menjaga situasi tetap kondusif.</p>"
               "</article></body></html>")


def pages() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("dev-*.html"))


class Site(ThreadingHTTPServer):
    """The loopback server; `feed_items` can grow between rounds, as a real feed does."""

    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), Handler)
        self.hits: Counter[str] = Counter()
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.sent: Counter[str] = Counter()
        self.starts: list[tuple[float, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.feed_items = ["dev-007.html", "dev-008.html"]
        self.robots = ROBOTS

    def handle_error(self, request, client_address) -> None:
        """Clients that hang up (the fetcher cutting a body short) are expected, not errors."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(host: str = "127.0.0.1") -> Iterator[Site]:
    """A running Site in a thread, stopped (slow handlers included) on exit."""
    site = Site(host)
    thread = threading.Thread(target=site.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        site.shutdown()
        site.server_close()


def closed_port() -> int:
    """A loopback port nothing listens on: connections to it are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def refuse_non_loopback(monkeypatch) -> list[str]:
    """Refuse every connection beyond loopback, before any DNS look-up. The hosts tried are
    returned for the test to assert on: the fetcher turns a refusal into a failed result."""
    real = socket.create_connection
    tried: list[str] = []

    def guarded(address, *args, **kwargs):
        host = address[0]
        if not (host in ("localhost", "::1") or host.startswith("127.")):
            tried.append(host)
            raise ConnectionRefusedError(f"test tried to reach {host}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    return tried


def _sitemap_index(base: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>'
            f'<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>'
            f'<sitemap><loc>{base}/sitemap_index.xml</loc></sitemap>'  # lists itself: read once
            '</sitemapindex>')


def _urlset(base: str, names: list[str], news: bool) -> str:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    ns += ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
    items = []
    for name in names:
        extra = ("<news:news><news:publication><news:name>Berita Uji</news:name><news:language>id"
                 "</news:language></news:publication><news:publication_date>2024-02-07</news:publication_date>"
                 f"<news:title>{name}</news:title></news:news>") if news else ""
        image = f"<image:image><image:loc>{base}/img/{name}.jpg</image:loc></image:image>"
        items.append(f"<url><loc>{base}/{name}</loc>{extra}{image}</url>")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{"".join(items)}</urlset>'


def _rss(base: str, names: list[str]) -> str:
    items = "".join(f"<item><title>{n}</title><link><![CDATA[{base}/berita/{n}]]></link>"
                    f"<guid isPermaLink=\"false\">id-{n}</guid></item>" for n in names)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
            f'<channel><title>Berita Uji</title><link>{base}/</link>'
            f'<atom:link href="{base}/feed.rss" rel="self" type="application/rss+xml"/>{items}</channel></rss>')


def _atom(base: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>Berita Uji</title><link href="{base}/feed.atom" rel="self"/><link href="{base}/"/>'
            '<entry><title>a</title><link rel="alternate" type="text/html" href="/berita/dev-009.html"/>'
            f'<link rel="enclosure" href="{base}/img/a.jpg"/></entry>'
            f'<entry><title>b</title><link href="{base}/berita/dev-010.html"/></entry></feed>')


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    server: Site

    def log_message(self, format, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        with self.server.lock:
            self.server.hits[self.path] += 1
            self.server.starts.append((time.monotonic(), self.path))
            self.server.in_flight += 1
            self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
        try:
            self.route(path, self.server.hits[self.path])
        except ConnectionError:
            pass  # the client gave up, as the fetcher should on huge or endless bodies
        finally:
            with self.server.lock:
                self.server.in_flight -= 1

    def route(self, path: str, hit: int) -> None:
        base = self.server.base
        if path == "/robots.txt":
            return self.send(200, self.server.robots, "text/plain")
        if path.startswith(("/berita/", "/private/")) and (CORPUS / Path(path).name).is_file():
            return self.send(200, (CORPUS / Path(path).name).read_bytes(), "text/html; charset=utf-8")
        if path == "/sitemap_index.xml":
            return self.send(200, _sitemap_index(base).encode(), "application/xml")
        if path == "/sitemap-pages.xml":
            names = ["berita/dev-001.html", "berita/dev-002.html", "private/dev-003.html"]
            return self.send(200, _urlset(base, names, news=False).encode(), "application/xml")
        if path == "/sitemap-news.xml":
            names = ["berita/dev-004.html", "berita/dev-005.html"]
            return self.send(200, _urlset(base, names, news=True).encode(), "text/xml")
        if path == "/feed.rss":
            etag = f'"rss-{len(self.server.feed_items)}"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, b"", None, {"ETag": etag})
            return self.send(200, _rss(base, self.server.feed_items).encode(), "application/rss+xml", {"ETag": etag})
        if path == "/feed.atom":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304, b"", None, {"Last-Modified": LAST_MODIFIED})
            return self.send(200, _atom(base).encode(), "application/atom+xml", {"Last-Modified": LAST_MODIFIED})
        if path == "/slow":
            time.sleep(0.1)
            return self.send(200, (CORPUS / "dev-001.html").read_bytes(), "text/html")
        if path.startswith("/flaky"):
            if hit == 1:
                return self.send(500, b"<h1>error</h1>", "text/html")
            return self.send(200, (CORPUS / "dev-011.html").read_bytes(), "text/html")
        if path == "/always500":
            return self.send(503, b"<h1>down</h1>", "text/html")
        if path == "/busy":
            if hit == 1:
                return self.send(429, b"slow down", "text/plain", {"Retry-After": "1"})
            return self.send(200, (CORPUS / "dev-012.html").read_bytes(), "text/html")
        if path == "/busy-long":
            return self.send(429, b"come back tomorrow", "text/plain", {"Retry-After": "86400"})
        if path == "/moved":
            return self.send(301, b"", None, {"Location": "/berita/dev-013.html"})
        if path in ("/loop-a", "/loop-b"):
            return self.send(302, b"", None, {"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        if path == "/gzipped":
            body = gzip.compress((CORPUS / "dev-016.html").read_bytes())
            return self.send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if path == "/report.pdf":
            return self.send(200, b"%PDF-1.4 not a page", "application/pdf")
        if path == "/cp1252":
            return self.send(200, CP1252_PAGE.encode("cp1252"), "text/html; charset=utf-8")
        if path == "/utf8-as-latin1":
            return self.send(200, CP1252_PAGE.encode("utf-8"), "text/html; charset=iso-8859-1")
        if path in ("/huge", "/huge-declared"):
            return self.huge(declared=path == "/huge-declared")
        if path == "/drip":
            return self.drip()
        if path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            self.server.stopping.wait(30)
            return None
        return self.send(404, b"<h1>not found</h1>", "text/html")

    def send(self, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
        with self.server.lock:
            self.server.statuses[self.path, status] += 1
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _streaming(self, length: int | None = None) -> None:
        """Headers of a body sent in pieces: chunked, or with a Content-Length when given."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _chunk(self, data: bytes, chunked: bool = True) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
        self.wfile.flush()
        with self.server.lock:
            self.server.sent[self.path] += len(data)

    def huge(self, declared: bool) -> None:
        """50 MB generated piece by piece, never held in memory; chunked unless `declared`."""
        self._streaming(HUGE_BYTES if declared else None)
        block = (b"<p>" + b"x" * (CHUNK - 7) + b"</p>\n")[:CHUNK]
        for _ in range(HUGE_BYTES // CHUNK):
            if self.server.stopping.is_set():
                return
            self._chunk(block, chunked=not declared)
        self._chunk(block[:HUGE_BYTES % CHUNK], chunked=not declared)
        if not declared:
            self.wfile.write(b"0\r\n\r\n")

    def drip(self) -> None:
        """One byte every DRIP_INTERVAL seconds, for ever: each read is quick, the response endless."""
        self._streaming()
        self._chunk(b"<html><body>")
        while not self.server.stopping.wait(DRIP_INTERVAL):
            self._chunk(b".")
