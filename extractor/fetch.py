"""Polite HTTP fetching into WARC archives: robots.txt, per-host delays, retries, size caps.

Politeness is the default, and robots.txt has no off switch: every request, robots.txt
included, passes its host's gate, which spaces request starts `delay` seconds apart and lets
at most `per_host` requests run at once. Pages go to rotating WARC.gz files that
`extractor.sources.iter_documents` reads back; a sqlite state file beside them remembers what
was fetched, so `rakor watch` asks only for new URLs and re-reads feeds with conditional GETs.
"""
from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from email.utils import parsedate_to_datetime
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor import __version__
from extractor.article import RawDocument
from extractor.clean import decode_html
from extractor.discover import Links, discover_urls, parse_links
from extractor.sources import HTML_TYPES

if TYPE_CHECKING:
    from extractor.record import MeetingRecord

LOG = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/rakor-id/rakor"
ROBOTS_AGENT = "rakor"           # the product token robots.txt groups are matched against
DEFAULT_DELAY = 1.0              # seconds between two request starts on one host
DEFAULT_PER_HOST = 1             # requests at once on one host
DEFAULT_CONCURRENCY = 8          # requests at once overall
DEFAULT_RETRIES = 3              # further attempts after a 429, a 5xx or a connection error
DEFAULT_TIMEOUT = 10.0           # seconds to connect, and to wait for each read
DEFAULT_MAX_TIME = 60.0          # seconds for one whole response: a slow drip ends here
DEFAULT_MAX_BYTES = 10_000_000   # a page larger than this is skipped
BACKOFF = 1.0                    # first retry wait when the server names none; doubles each time
MAX_RETRY_AFTER = 120.0          # a server asking for a longer pause is left alone this run
MAX_CRAWL_DELAY = 30.0           # a robots.txt Crawl-delay is honoured up to this
MAX_REDIRECTS = 5
MAX_FAILED_ROUNDS = 3            # watch rounds a failing URL is retried in
ROBOTS_MAX_BYTES = 500_000       # RFC 9309 asks parsers to read at least 500 KiB
SOURCE_MAX_BYTES = 52_428_800    # the sitemap protocol's 50 MiB per file
WARC_MAX_BYTES = 100_000_000     # archive files rotate past this size
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
SCHEMES = ("http", "https")
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
STATE_FILE = "rakor-state.sqlite3"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Politeness and limits of one run; the defaults are the polite ones."""

    delay: float = DEFAULT_DELAY
    per_host: int = DEFAULT_PER_HOST
    concurrency: int = DEFAULT_CONCURRENCY
    retries: int = DEFAULT_RETRIES
    timeout: float = DEFAULT_TIMEOUT
    max_time: float = DEFAULT_MAX_TIME
    max_bytes: int = DEFAULT_MAX_BYTES
    backoff: float = BACKOFF
    contact: str | None = None

    @property
    def user_agent(self) -> str:
        contact = f"; {self.contact}" if self.contact else ""
        return f"{ROBOTS_AGENT}/{__version__} (+{PROJECT_URL}{contact})"


@dataclass(slots=True)
class FetchResult:
    """What became of one URL. `outcome`: fetched, not-modified, skipped (a lasting reason:
    robots, 404, not HTML, too large) or failed (worth another try in a later round)."""

    url: str
    outcome: str = "failed"
    reason: str | None = None
    final_url: str | None = None
    status: int | None = None
    requests: int = 0
    body: bytes = b""
    request: httpx.Request | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    reason_phrase: str = ""
    http_version: str = "HTTP/1.1"
    fetched_at: datetime | None = None
    warc: str | None = None
    record_id: str | None = None

    def end(self, outcome: str, reason: str | None = None) -> FetchResult:
        self.outcome, self.reason = outcome, reason
        return self

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        message = Message()
        message["content-type"] = self.headers.get("content-type", "")
        return message.get_content_charset()


class _Retry(Exception):
    """A transient failure: the request may be tried again after `wait` seconds (None: backoff)."""

    def __init__(self, problem: str, wait: float | None = None) -> None:
        super().__init__(problem)
        self.problem, self.wait = problem, wait


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delay-seconds or an HTTP date); None if unreadable."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class HostGate:
    """One host's politeness: at most `per_host` requests at once, starts `delay` seconds apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.delay = delay
        self._slots = threading.Semaphore(per_host)
        self._lock = threading.Lock()
        self._next = 0.0

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next)
                self._next = start + self.delay
            time.sleep(start - now)
            yield

    def defer(self, seconds: float) -> None:
        """Hold every request to the host for `seconds`: it asked for a pause, or it is failing."""
        with self._lock:
            self._next = max(self._next, time.monotonic() + seconds)

    def slow_down(self, delay: float) -> None:
        """A robots.txt Crawl-delay longer than ours wins."""
        with self._lock:
            self.delay = max(self.delay, delay)


class Fetcher:
    """The polite HTTP client of a run, shared by its threads: gates per host, robots.txt per origin."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self._client = httpx.Client(
            headers={"User-Agent": options.user_agent, "Accept": ACCEPT},
            timeout=httpx.Timeout(options.timeout), follow_redirects=False,
            limits=httpx.Limits(max_connections=options.concurrency),
        )
        self._lock = threading.Lock()
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self._client.close()

    def fetch(self, url: str, accept: tuple[str, ...] | None = HTML_TYPES,
              headers: dict[str, str] | None = None, max_bytes: int | None = None) -> FetchResult:
        """GET `url` politely, following redirects; the result says why when there is no body."""
        try:
            return self._get(url, accept, headers or {}, max_bytes or self.options.max_bytes, robots=True)
        except Exception as exc:  # one bad URL must never stop a run
            LOG.exception("fetching %s failed", url)
            return FetchResult(url).end("failed", f"{type(exc).__name__}: {exc}")

    def fetch_many(self, urls: Iterable[str]) -> Iterator[FetchResult]:
        """Pages fetched concurrently, `per_host` lanes per host; results come as they finish."""
        by_host: dict[str, deque[str]] = {}
        for url in dict.fromkeys(urls):
            by_host.setdefault(_host(url), deque()).append(url)
        done: queue.Queue[FetchResult] = queue.Queue()
        stop = threading.Event()

        def lane(todo: deque[str]) -> None:
            while not stop.is_set():
                try:
                    url = todo.popleft()
                except IndexError:
                    return
                done.put(self.fetch(url))

        lanes = [todo for todo in by_host.values() for _ in range(min(self.options.per_host, len(todo)))]
        total = sum(len(todo) for todo in by_host.values())
        with ThreadPoolExecutor(self.options.concurrency, thread_name_prefix="rakor-fetch") as pool:
            for todo in lanes:
                pool.submit(lane, todo)
            try:
                for _ in range(total):
                    yield done.get()
            finally:
                stop.set()

    def _gate(self, url: str) -> HostGate:
        host = _host(url)
        with self._lock:
            if host not in self._gates:
                self._gates[host] = HostGate(self.options.per_host, self.options.delay)
            return self._gates[host]

    def _get(self, url: str, accept: tuple[str, ...] | None, headers: dict[str, str],
             max_bytes: int, robots: bool) -> FetchResult:
        result = FetchResult(url)
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            problem = _url_problem(current)
            if problem:
                return result.end("skipped", problem)
            refusal = self._robots_refusal(current) if robots else None
            if refusal:
                return result.end(*refusal)
            result.final_url = current
            location = self._with_retries(current, accept, headers, max_bytes, result)
            if location is None:
                return result
            current = urljoin(current, location)
        return result.end("skipped", f"more than {MAX_REDIRECTS} redirects")

    def _with_retries(self, url: str, accept: tuple[str, ...] | None, headers: dict[str, str],
                      max_bytes: int, result: FetchResult) -> str | None:
        """The Location of a redirect, or None once `result` is final."""
        gate = self._gate(url)
        for attempt in range(self.options.retries + 1):
            try:
                with gate.slot():
                    result.requests += 1
                    return self._exchange(url, accept, headers, max_bytes, result)
            except _Retry as retry:
                if attempt == self.options.retries:
                    result.end("failed", f"{retry.problem} after {attempt + 1} attempt{'s' * (attempt > 0)}")
                    return None
                wait = retry.wait if retry.wait is not None else self.options.backoff * 2 ** attempt
                if wait > MAX_RETRY_AFTER:
                    result.end("failed", f"{retry.problem}: Retry-After {wait:.0f} s is over {MAX_RETRY_AFTER:.0f} s")
                    return None
                LOG.info("%s: %s, retrying in %.2f s", url, retry.problem, wait)
                gate.defer(wait)

    def _exchange(self, url: str, accept: tuple[str, ...] | None, headers: dict[str, str],
                  max_bytes: int, result: FetchResult) -> str | None:
        """One request and its whole body, inside the host's gate."""
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                result.status = response.status_code
                if response.status_code in RETRY_STATUSES:
                    raise _Retry(f"HTTP {response.status_code}", retry_after(response.headers.get("retry-after")))
                if response.has_redirect_location:
                    return response.headers["location"]
                _read(response, accept, max_bytes, started + self.options.max_time, result)
                return None
        except httpx.TransportError as exc:
            raise _Retry(type(exc).__name__) from exc

    def _robots_refusal(self, url: str) -> tuple[str, str] | None:
        """(outcome, reason) when robots.txt forbids `url` or could not be read; RFC 9309 rules."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            return "failed", rules
        if not rules.can_fetch(ROBOTS_AGENT, url):
            return "skipped", "disallowed by robots.txt"
        return None

    def _load_robots(self, origin: str) -> RobotFileParser | str:
        """The parsed rules; a reason string means 'unreachable, so everything is disallowed'."""
        result = self._get(f"{origin}/robots.txt", None, {}, ROBOTS_MAX_BYTES, robots=False)
        rules = RobotFileParser()
        if result.outcome == "fetched":
            rules.parse(result.body.decode("utf-8", "replace").splitlines())
            crawl_delay = rules.crawl_delay(ROBOTS_AGENT)
            if crawl_delay:
                self._gate(origin).slow_down(min(float(crawl_delay), MAX_CRAWL_DELAY))
        elif result.outcome == "skipped" and result.status and 400 <= result.status < 500:
            rules.allow_all = True  # no robots.txt: no rules (a 429 that outlasted retries is "failed")
        else:
            return f"robots.txt unreachable ({result.reason}), so the host counts as disallowed"
        return rules


def _host(url: str) -> str:
    """The host a gate is kept for: ports of one machine share it."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched at all, or None."""
    try:
        parts = urlsplit(url)
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        return f"invalid URL: {exc}"
    if parts.scheme not in SCHEMES or not parts.hostname:
        return f"not an http(s) URL: {url}"
    return None


def _read(response: httpx.Response, accept: tuple[str, ...] | None, max_bytes: int, deadline: float,
          result: FetchResult) -> None:
    """Body of a final response, streamed so a huge or endless one is cut early."""
    result.request, result.headers = response.request, response.headers
    result.reason_phrase, result.http_version = response.reason_phrase, response.http_version
    result.fetched_at = datetime.now(timezone.utc)
    if response.status_code == 304:
        result.end("not-modified")
        return
    if not response.is_success:
        result.end("skipped", f"HTTP {response.status_code}")
        return
    if accept and result.media_type not in accept:
        result.end("skipped", f"not HTML ({result.media_type or 'no content type'})")
        return
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        result.end("skipped", f"too large (Content-Length {declared} > {max_bytes} bytes)")
        return
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                result.end("skipped", f"too large (over {max_bytes} bytes)")
                return
            if time.monotonic() > deadline:
                result.end("failed", f"too slow (no end after {size} bytes)")
                return
            chunks.append(chunk)
    except httpx.DecodingError as exc:
        result.end("skipped", f"undecodable body: {exc}")
        return
    result.body = b"".join(chunks)
    result.end("fetched")


class WarcArchive:
    """Rotating rakor-YYYYmmddHHMMSS-NNNNN.warc.gz files: a warcinfo record opens each, then a
    request and a response record per page.

    httpx hands over bodies with gzip and chunking undone, so they are stored that way, with
    Content-Encoding and Transfer-Encoding dropped and Content-Length set to the stored size:
    a WARC reader then finds HTTP headers that match the payload."""

    def __init__(self, out_dir: Path, user_agent: str, max_bytes: int = WARC_MAX_BYTES) -> None:
        self.out_dir, self.user_agent, self.max_bytes = out_dir, user_agent, max_bytes
        self._stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        self._serial = 0
        self._file: IO[bytes] | None = None
        self._writer: WARCWriter | None = None

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._file:
            self._file.close()
        self._file = self._writer = None

    def write(self, result: FetchResult) -> tuple[str, str]:
        """Archive a fetched page; (file name, WARC-Record-ID of its response record)."""
        if self._file is None:
            self._open()
        writer, name = self._writer, Path(self._file.name).name
        url, body = result.final_url or result.url, result.body
        date = {"WARC-Date": (result.fetched_at or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")}
        stored = [(k, v) for k, v in _headers(result.headers.raw)
                  if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")]
        response = writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body), warc_headers_dict=date,
            http_headers=StatusAndHeaders(f"{result.status} {result.reason_phrase}".strip(),
                                          stored + [("Content-Length", str(len(body)))],
                                          protocol=result.http_version))
        target = result.request.url.raw_path.decode("ascii") if result.request else urlsplit(url).path or "/"
        request = writer.create_warc_record(
            url, "request", warc_headers_dict=date,
            http_headers=StatusAndHeaders(f"GET {target} {result.http_version}",
                                          _headers(result.request.headers.raw) if result.request else [],
                                          is_http_request=True))
        writer.write_request_response_pair(request, response)
        if self._file.tell() >= self.max_bytes:
            self.close()
        return name, response.rec_headers.get_header("WARC-Record-ID")

    def _open(self) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        while self._file is None:
            path = self.out_dir / f"rakor-{self._stamp}-{self._serial:05d}.warc.gz"
            self._serial += 1
            try:
                self._file = path.open("xb")
            except FileExistsError:
                continue
        self._writer = WARCWriter(self._file, gzip=True)
        self._writer.write_record(self._writer.create_warcinfo_record(path.name, {
            "software": f"{ROBOTS_AGENT}/{__version__}", "format": "WARC File Format 1.0",
            "robots": "obey", "http-header-user-agent": self.user_agent,
        }))


def _headers(raw: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in raw]


class FetchState:
    """What earlier runs did, in a sqlite file in the output folder, so it survives restarts:
    each URL's last outcome, and for feeds and sitemaps their ETag, Last-Modified and links."""

    SCHEMA = """
        CREATE TABLE IF NOT EXISTS urls (
            url TEXT PRIMARY KEY, kind TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT,
            status INTEGER, final_url TEXT, fetched_at TEXT NOT NULL, requests INTEGER NOT NULL,
            failures INTEGER NOT NULL, etag TEXT, last_modified TEXT, links TEXT, warc TEXT, record_id TEXT);
        CREATE INDEX IF NOT EXISTS urls_final_url ON urls (final_url);
    """

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(out_dir / STATE_FILE)
        self._db.executescript(self.SCHEMA)

    def __enter__(self) -> FetchState:
        return self

    def __exit__(self, *exc) -> None:
        self._db.close()

    def is_done(self, url: str) -> bool:
        """Fetched or lastingly skipped before (asked for, or reached by a redirect), or failing
        for MAX_FAILED_ROUNDS rounds."""
        return self._db.execute(
            "SELECT 1 FROM urls WHERE (url = ? OR final_url = ?) AND kind = 'page'"
            " AND (outcome IN ('fetched', 'skipped') OR failures >= ?) LIMIT 1",
            (url, url, MAX_FAILED_ROUNDS)).fetchone() is not None

    def validators(self, url: str) -> dict[str, str]:
        """Conditional-GET headers for a feed or sitemap read before."""
        row = self._db.execute("SELECT etag, last_modified FROM urls WHERE url = ?", (url,)).fetchone()
        names = ("If-None-Match", "If-Modified-Since")
        return {name: value for name, value in zip(names, row or ()) if value}

    def links(self, url: str) -> Links | None:
        row = self._db.execute("SELECT links FROM urls WHERE url = ?", (url,)).fetchone()
        return Links(**json.loads(row[0])) if row and row[0] else None

    def record(self, result: FetchResult, kind: str, links: Links | None = None) -> None:
        """Remember an outcome; validators only come with links that parsed (or a 304)."""
        validated = links is not None
        self._db.execute(
            """INSERT INTO urls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, outcome = excluded.outcome,
                 reason = excluded.reason, status = excluded.status, final_url = excluded.final_url,
                 fetched_at = excluded.fetched_at, requests = excluded.requests,
                 failures = CASE WHEN excluded.outcome = 'failed' THEN urls.failures + 1 ELSE 0 END,
                 etag = COALESCE(excluded.etag, urls.etag),
                 last_modified = COALESCE(excluded.last_modified, urls.last_modified),
                 links = COALESCE(excluded.links, urls.links), warc = COALESCE(excluded.warc, urls.warc),
                 record_id = COALESCE(excluded.record_id, urls.record_id)""",
            (result.url, kind, result.outcome, result.reason, result.status, result.final_url,
             (result.fetched_at or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
             result.requests, int(result.outcome == "failed"),
             result.headers.get("etag") if validated else None,
             result.headers.get("last-modified") if validated else None,
             json.dumps(links.to_dict()) if links else None, result.warc, result.record_id))
        self._db.commit()


def crawl(urls: Iterable[str], sources: Iterable[str], out_dir: Path | None, options: FetchOptions,
          only_new: bool = False) -> Iterator[FetchResult]:
    """Pages listed by feeds and sitemaps (`sources`) and given as `urls`, fetched politely.

    With `out_dir`, pages go to WARC files there and outcomes to its state file (a page is
    marked once the caller has taken its result, so a crash means a refetch, not a loss).
    `only_new` leaves out pages of earlier runs and re-reads sources with conditional GETs."""
    with ExitStack() as stack:
        fetcher = stack.enter_context(Fetcher(options))
        state = stack.enter_context(FetchState(out_dir)) if out_dir else None
        archive = stack.enter_context(WarcArchive(out_dir, options.user_agent)) if out_dir else None
        discovered = discover_urls(sources, lambda url: _read_source(fetcher, state, url, only_new))
        pages = list(dict.fromkeys([*urls, *discovered]))
        if only_new and state:
            pages = [url for url in pages if not state.is_done(url)]
        LOG.info("%d pages to fetch (%d discovered)", len(pages), len(discovered))
        for result in fetcher.fetch_many(pages):
            LOG.info("%s %s%s", result.outcome, result.url, f": {result.reason}" if result.reason else "")
            if archive and result.outcome == "fetched":
                result.warc, result.record_id = archive.write(result)
            yield result
            if state:
                state.record(result, "page")


def _read_source(fetcher: Fetcher, state: FetchState | None, url: str, conditional: bool) -> Links | None:
    """Fetch and parse one feed or sitemap; a 304 gives back the links stored last time."""
    headers = state.validators(url) if state and conditional else {}
    result = fetcher.fetch(url, accept=None, headers=headers, max_bytes=SOURCE_MAX_BYTES)
    links = None
    if result.outcome == "not-modified" and state:
        links = state.links(url)
    elif result.outcome == "fetched":
        try:
            links = parse_links(result.body, result.final_url or url, SOURCE_MAX_BYTES)
        except ValueError as exc:
            result.end("skipped", str(exc))
    if links is None:
        LOG.warning("feed or sitemap %s %s: %s", url, result.outcome, result.reason)
    else:
        LOG.info("%s %s (%s): %d pages, %d sitemaps", links.kind, url, result.outcome,
                 len(links.pages), len(links.sitemaps))
    if state:
        state.record(result, links.kind if links else "source", links)
    return links


def raw_document(result: FetchResult) -> RawDocument:
    """The page as extraction reads it, decoded as `sources` decodes a WARC record; a page that
    could not be fetched becomes an error document. `source` and `url` are the final URL."""
    source = result.final_url or result.url
    doc_id = result.record_id or source
    if result.outcome != "fetched":
        return RawDocument(doc_id=doc_id, source=source, content=b"", kind="html", url=source,
                           error=f"{result.outcome}: {result.reason}")
    content = decode_html(result.body, result.charset) if result.charset else result.body
    return RawDocument(doc_id=doc_id, source=source, content=content, kind="html", url=source)


def fetch_and_extract(urls: list[str], feeds: list[str], sitemaps: list[str], out_dir: Path | None,
                      options: FetchOptions | None = None, use_ner: bool = True,
                      only_new: bool = False) -> Iterator[MeetingRecord]:
    """One record per page, as pages arrive: fetched politely, archived when `out_dir` is given,
    extracted; a page that could not be fetched gives an error record."""
    from extractor.pipeline import extract_record  # spaCy loads only when extraction is asked for

    for raw in fetched_documents(urls, [*feeds, *sitemaps], out_dir, options or FetchOptions(), only_new):
        yield extract_record(raw, use_ner)


def fetched_documents(urls: list[str], sources: list[str], out_dir: Path | None, options: FetchOptions,
                      only_new: bool = False) -> Iterator[RawDocument]:
    """The pages of `urls` and of the feeds and sitemaps in `sources`, as documents to extract,
    so `rakor extract https://...` runs them through the same batch as files."""
    return (raw_document(result) for result in crawl(urls, sources, out_dir, options, only_new))


def watch_round(sources: list[str], out_dir: Path, output: Path, options: FetchOptions,
                use_ner: bool = True, only_meetings: bool = False) -> Counter[str]:
    """One incremental round: pages not fetched before, their records appended to `output`."""
    from extractor.pipeline import extract_record  # spaCy loads only when extraction is asked for

    counts: Counter[str] = Counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("a", encoding="utf-8") as out:
        for result in crawl([], sources, out_dir, options, only_new=True):
            counts[result.outcome] += 1
            counts["requests"] += result.requests
            if result.outcome != "fetched":
                continue
            record = extract_record(raw_document(result), use_ner)
            counts["meetings"] += record.is_meeting_report
            if record.is_meeting_report or not only_meetings:
                out.write(record.to_json() + "\n")
                out.flush()
    return counts
