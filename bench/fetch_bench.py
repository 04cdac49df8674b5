"""Fetcher throughput and the cost of misbehaving endpoints, against loopback servers only.

Serves the dev corpus from tests/loopback.py on 127.0.0.1 (and 127.0.0.2-4 for the
several-hosts run), then reports pages per second with the politeness delay off and on,
and what each misbehaving endpoint cost in requests and seconds.

    python bench/fetch_bench.py            # table
    python bench/fetch_bench.py --json     # the same as JSON
    python bench/fetch_bench.py --quick    # 1 s delay measured on fewer pages
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from extractor.fetch import FetchOptions, Fetcher  # noqa: E402
from loopback import closed_port, pages, serve  # noqa: E402

ENDPOINTS = ["/missing", "/flaky", "/always500", "/busy", "/busy-long", "/moved", "/loop-a", "/report.pdf",
             "/huge", "/huge-declared", "/drip", "/stall", "/private/dev-001.html"]


def throughput(hosts: list[str], per_host_pages: int, options: FetchOptions) -> dict:
    """Pages per second for `per_host_pages` corpus pages on each host (robots.txt fetch included)."""
    with ExitStack() as stack:
        sites = [stack.enter_context(serve(host)) for host in hosts]
        urls = [site.url(f"/berita/{name}") for name in pages()[:per_host_pages] for site in sites]
        started = time.perf_counter()
        with Fetcher(options) as fetcher:
            fetched = sum(r.outcome == "fetched" for r in fetcher.fetch_many(urls))
        seconds = time.perf_counter() - started
    return {"hosts": len(hosts), "pages": fetched, "delay": options.delay, "per_host": options.per_host,
            "seconds": round(seconds, 2), "pages_per_s": round(fetched / seconds, 1)}


def endpoint_costs(options: FetchOptions) -> list[dict]:
    """What each misbehaving endpoint cost: requests (the fetcher's and the server's count) and time."""
    rows = []
    with serve() as site, Fetcher(options) as fetcher:
        fetcher.fetch(site.url("/robots.txt"))  # robots.txt read once, outside the rows
        for path in ENDPOINTS:
            hits_before, started = site.hits.total(), time.perf_counter()
            result = fetcher.fetch(site.url(path))
            rows.append({"endpoint": path, "outcome": result.outcome, "reason": result.reason,
                         "requests": result.requests, "server_hits": site.hits.total() - hits_before,
                         "bytes_sent": site.sent.get(path, 0), "seconds": round(time.perf_counter() - started, 2)})
        started = time.perf_counter()
        result = fetcher.fetch(f"http://127.0.0.1:{closed_port()}/berita/a.html")
        rows.append({"endpoint": "connection refused", "outcome": result.outcome, "reason": result.reason,
                     "requests": result.requests, "server_hits": None, "bytes_sent": 0,
                     "seconds": round(time.perf_counter() - started, 2)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="10 pages instead of 36 for the 1 s delay runs")
    args = parser.parse_args()
    slow_pages = 10 if args.quick else len(pages())
    runs = [
        throughput(["127.0.0.1"], len(pages()), FetchOptions(delay=0.0)),
        throughput(["127.0.0.1"], len(pages()), FetchOptions(delay=0.0, per_host=4)),
        throughput(["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"], len(pages()), FetchOptions(delay=0.0)),
        throughput(["127.0.0.1"], len(pages()), FetchOptions(delay=0.2)),
        throughput(["127.0.0.1"], slow_pages, FetchOptions()),
        throughput(["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"], slow_pages, FetchOptions()),
    ]
    # defaults, except shorter timeouts so the stalling endpoints end within a minute
    costs = endpoint_costs(FetchOptions(delay=0.2, timeout=2.0, max_time=5.0))
    if args.json:
        print(json.dumps({"throughput": runs, "endpoints": costs}, indent=2))
        return
    print("hosts  pages  delay  per_host  seconds  pages/s")
    for r in runs:
        print(f"{r['hosts']:5d}  {r['pages']:5d}  {r['delay']:5.1f}  {r['per_host']:8d}  {r['seconds']:7.2f}  {r['pages_per_s']:7.1f}")
    print("\nendpoint               outcome   requests  server  seconds  reason")
    for c in costs:
        hits = "-" if c["server_hits"] is None else c["server_hits"]
        print(f"{c['endpoint']:22s} {c['outcome']:9s} {c['requests']:8d}  {hits:>6}  {c['seconds']:7.2f}  {c['reason'] or ''}"
              + (f" [{c['bytes_sent']:,} bytes sent before the cut]" if c["endpoint"].startswith("/huge") else ""))


if __name__ == "__main__":
    main()
