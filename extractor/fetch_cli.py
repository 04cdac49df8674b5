"""`rakor fetch` and `rakor watch`: command-line wiring of extractor.fetch, no logic of its own.

cli.py registers them with `app.command("fetch")(fetch_command)` and `app.command("watch")(watch_command)`.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from extractor.fetch import (DEFAULT_CONCURRENCY, DEFAULT_DELAY, DEFAULT_MAX_BYTES, DEFAULT_MAX_TIME,
                             DEFAULT_PER_HOST, DEFAULT_RETRIES, DEFAULT_TIMEOUT, FetchOptions)

DEFAULT_OUT_DIR = Path("out")
DEFAULT_EVERY = "1h"
MIN_EVERY = 60.0  # seconds: re-reading feeds more often than this helps nobody
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")

err = Console(stderr=True)

Sitemaps = Annotated[Optional[list[str]], typer.Option("--sitemap", help="Sitemap or sitemap index URL (repeatable).")]
Feeds = Annotated[Optional[list[str]], typer.Option("--feed", help="RSS or Atom feed URL (repeatable).")]
OutDir = Annotated[Path, typer.Option("--out-dir", help="Folder for WARC.gz files and the state file.")]
Delay = Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to one host.")]
PerHost = Annotated[int, typer.Option("--per-host", min=1, help="Requests at once to one host.")]
Concurrency = Annotated[int, typer.Option("--concurrency", min=1, help="Requests at once overall.")]
Retries = Annotated[int, typer.Option("--retries", min=0, help="Retries after 429, 5xx or connection errors.")]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to connect and per read.")]
MaxTime = Annotated[float, typer.Option("--max-time", min=0.1, help="Seconds for one whole response.")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", min=1, help="Largest page kept, in bytes.")]
Contact = Annotated[Optional[str], typer.Option("--contact", help="E-mail or URL added to the User-Agent.")]


def fetch_command(
    urls: Annotated[Optional[list[str]], typer.Argument(help="Article URLs.")] = None,
    urls_file: Annotated[Optional[Path], typer.Option("--urls", help="File of article URLs, one per line.")] = None,
    sitemap: Sitemaps = None,
    feed: Feeds = None,
    out_dir: OutDir = DEFAULT_OUT_DIR,
    delay: Delay = DEFAULT_DELAY,
    per_host: PerHost = DEFAULT_PER_HOST,
    concurrency: Concurrency = DEFAULT_CONCURRENCY,
    retries: Retries = DEFAULT_RETRIES,
    timeout: Timeout = DEFAULT_TIMEOUT,
    max_time: MaxTime = DEFAULT_MAX_TIME,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    contact: Contact = None,
) -> None:
    """Download article pages (given, or listed by sitemaps and feeds) politely into WARC.gz files."""
    from extractor.fetch import crawl

    pages = list(urls or []) + (_read_urls(urls_file) if urls_file else [])
    if not (pages or sitemap or feed):
        err.print("nothing to fetch: give URLs, --urls FILE, --sitemap URL or --feed URL")
        raise typer.Exit(2)
    options = FetchOptions(delay, per_host, concurrency, retries, timeout, max_time, max_bytes, contact=contact)
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for result in crawl(pages, [*(sitemap or []), *(feed or [])], out_dir, options):
        counts[result.outcome] += 1
        counts["requests"] += result.requests
        if result.reason:
            reasons[_reason_kind(result.reason)] += 1
    _summary(counts, reasons, out_dir)


def watch_command(
    sources: Annotated[list[str], typer.Argument(help="Feed or sitemap URLs (the kind is sniffed).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file new records are appended to.")] = Path("records.jsonl"),
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 90s, 30m, 1h, 1d.")] = DEFAULT_EVERY,
    once: Annotated[bool, typer.Option("--once", "--since-last-run", help="One round, then exit (for cron).")] = False,
    only_meetings: Annotated[bool, typer.Option("--only-meetings", help="Append only meeting reports.")] = False,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only, without the trained NER model.")] = False,
    out_dir: OutDir = DEFAULT_OUT_DIR,
    delay: Delay = DEFAULT_DELAY,
    per_host: PerHost = DEFAULT_PER_HOST,
    concurrency: Concurrency = DEFAULT_CONCURRENCY,
    retries: Retries = DEFAULT_RETRIES,
    timeout: Timeout = DEFAULT_TIMEOUT,
    max_time: MaxTime = DEFAULT_MAX_TIME,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    contact: Contact = None,
) -> None:
    """Fetch and extract what is new in feeds and sitemaps, every so often or once."""
    from extractor.fetch import watch_round

    try:
        interval = parse_duration(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
    options = FetchOptions(delay, per_host, concurrency, retries, timeout, max_time, max_bytes, contact=contact)
    while True:
        started = time.monotonic()
        counts = watch_round(sources, out_dir, output, options, use_ner=not no_ner, only_meetings=only_meetings)
        err.print(f"{counts['fetched']} new pages ({counts['meetings']} meeting reports) appended to {output}; "
                  f"{counts['skipped']} skipped, {counts['failed']} failed, {counts['requests']} page requests")
        if once:
            return
        time.sleep(max(0.0, interval - (time.monotonic() - started)))


def parse_duration(text: str) -> float:
    """'90s', '30m', '1h', '1d' or plain seconds -> seconds, at least MIN_EVERY."""
    match = DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration: {text!r} (try 30m, 1h, 1d)")
    seconds = float(match[1]) * UNITS[match[2] or "s"]
    if seconds < MIN_EVERY:
        raise ValueError(f"{text!r} is under the {MIN_EVERY:.0f} s minimum between rounds")
    return seconds


def _read_urls(path: Path) -> list[str]:
    """One URL per line; blank lines and # comments are ignored."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _reason_kind(reason: str) -> str:
    """'too large (over 10 bytes)' -> 'too large': reasons grouped for the summary."""
    return reason.split(" (")[0].split(":")[0]


def _summary(counts: Counter[str], reasons: Counter[str], out_dir: Path) -> None:
    err.print(f"{counts['fetched']} pages fetched into {out_dir}, {counts['skipped']} skipped, "
              f"{counts['failed']} failed, {counts['requests']} page requests")
    for reason, n in reasons.most_common():
        err.print(f"  {n:5d}  {reason}")
