"""Inputs -> RawDocuments: files, directories, stdin, JSONL and WARC(.gz) archives, and
gzipped pages and JSONL (.html.gz, .txt.gz, .jsonl.gz, ...).

Every bad input (unreadable, too large, bad JSON line, truncated WARC record, gzip inflating
past the cap) becomes a RawDocument with `error` set, so a batch always runs to its end.
`max_bytes` caps each document: a file, a decompressed .gz page, a JSONL line (read at most
that far, so a huge line never sits in memory) and a WARC record.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from extractor.article import RawDocument
from extractor.clean import decode_html
from extractor.limits import READ_CHUNK, DecompressedTooLarge, read_gzip_capped

GZ_SUFFIXES = (".html.gz", ".htm.gz", ".txt.gz", ".md.gz", ".jsonl.gz")
SUFFIXES = (".html", ".htm", ".txt", ".md", ".jsonl", ".warc", ".warc.gz") + GZ_SUFFIXES
TEXT_SUFFIXES = (".txt", ".md")
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_SNIFF = re.compile(rb"<(!doctype\s+html|html|head|body|meta|div|p|article)\b", re.I)


def iter_documents(paths: Iterable[str], max_bytes: int = 20_000_000) -> Iterator[RawDocument]:
    """One RawDocument per page in `paths` (files, directories read recursively in sorted
    order, or '-' for stdin); inputs larger than `max_bytes` come back as errors."""
    for name in paths:
        if name == "-":
            yield _from_stdin(max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES):
                yield from _from_file(child, max_bytes)
        else:
            yield from _from_file(path, max_bytes)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in (".warc.gz",) + GZ_SUFFIXES if name.endswith(s)), path.suffix.lower())


def _doc_id(path: Path) -> str:
    suffix = _suffix(path)
    return path.name[: -len(suffix)] if suffix.endswith(".gz") else path.stem


def sniff_kind(head: bytes) -> str:
    """'html' when the first bytes look like markup, else 'text'."""
    return "html" if HTML_SNIFF.search(head[:2048]) else "text"


def _error(doc_id: str, source: str, reason: str, url: str | None = None) -> RawDocument:
    return RawDocument(doc_id=doc_id, source=source, content=b"", kind="html", url=url, error=reason)


def _from_stdin(max_bytes: int) -> RawDocument:
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        return _error("stdin", "-", f"unreadable stdin: {exc}")
    if len(data) > max_bytes:
        return _error("stdin", "-", f"input too large (> {max_bytes} bytes)")
    return RawDocument(doc_id="stdin", source="-", content=data, kind=sniff_kind(data))


def _from_file(path: Path, max_bytes: int) -> Iterator[RawDocument]:
    suffix, doc_id, source = _suffix(path), _doc_id(path), str(path)
    try:
        if suffix == ".jsonl":
            yield from _from_jsonl(path, max_bytes)
            return
        if suffix in (".warc", ".warc.gz"):
            yield from _from_warc(path, max_bytes)
            return
        if suffix == ".jsonl.gz":
            yield from _from_jsonl(path, max_bytes, opener=gzip.open)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield _error(doc_id, source, f"file too large ({size} bytes > {max_bytes})")
            return
        if suffix in GZ_SUFFIXES:
            suffix = suffix[: -len(".gz")]
            data = read_gzip_capped(path, max_bytes)
        else:
            data = path.read_bytes()
    except DecompressedTooLarge:
        yield _error(doc_id, source, f"decompressed file too large (> {max_bytes} bytes)")
        return
    except (OSError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        yield _error(doc_id, source, f"unreadable file: {reason}")
        return
    if suffix in TEXT_SUFFIXES:
        kind = "text"
    elif suffix in (".html", ".htm"):
        kind = "html"
    else:
        kind = sniff_kind(data)
    yield RawDocument(doc_id=doc_id, source=source, content=data, kind=kind)


def _from_jsonl(path: Path, max_bytes: int, opener=open) -> Iterator[RawDocument]:
    """One document per line: {id?, url?, html | text, published?}."""
    source, stem = str(path), _doc_id(path)
    try:
        with opener(path, "rb") as handle:
            for line_no, line, size in _capped_lines(handle, max_bytes):
                if line is not None and not line.strip():
                    continue
                fallback_id = f"{stem}:{line_no}"
                if line is None or size > max_bytes:
                    yield _error(fallback_id, source, f"line too large ({size} bytes > {max_bytes})")
                    continue
                yield _jsonl_record(line, fallback_id, source)
    except (OSError, EOFError) as exc:  # a corrupt or truncated .jsonl.gz: the lines read so far stand
        yield _error(f"{stem}:corrupt", source, f"unreadable JSONL: {exc}")


def _capped_lines(handle, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size) for each line; a line longer than `max_bytes` is skipped
    chunk by chunk and comes back as None with its size, never held in memory whole."""
    line_no = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        line_no += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line_no, line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = handle.readline(READ_CHUNK)
            size += len(line)
        yield line_no, None, size


def _jsonl_record(line: bytes, fallback_id: str, source: str) -> RawDocument:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return _error(fallback_id, source, f"bad JSONL line: {exc}")
    if not isinstance(record, dict):
        return _error(fallback_id, source, "bad JSONL line: not an object")
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else fallback_id
    url = record.get("url") if isinstance(record.get("url"), str) else None
    published = record.get("published") if isinstance(record.get("published"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    for key, kind in (("html", "html"), ("text", "text")):
        if isinstance(record.get(key), str):
            return RawDocument(doc_id=doc_id, source=source, content=record[key], kind=kind,
                               url=url, published=published, title=title)
    return _error(doc_id, source, "bad JSONL line: no 'html' or 'text' string", url)


def _from_warc(path: Path, max_bytes: int) -> Iterator[RawDocument]:
    """HTML response records; the body is decoded with the HTTP charset when there is one."""
    source = str(path)
    with path.open("rb") as stream:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # corrupt archive: report and stop reading it
                yield _error(f"{_doc_id(path)}:corrupt", source, f"unreadable WARC: {exc}")
                return
            yield from _warc_record(record, source, max_bytes)


def _warc_record(record, source: str, max_bytes: int) -> Iterator[RawDocument]:
    doc_id = record.headers.get("WARC-Record-ID") or f"{source}@{record.stream_pos}"
    url = record.headers.get("WARC-Target-URI")
    content_type = (record.http_content_type or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return
    if record.content_length > max_bytes:
        yield _error(doc_id, source, f"record too large ({record.content_length} bytes > {max_bytes})", url)
        return
    try:
        body = record.reader.read()
    except Exception as exc:
        yield _error(doc_id, source, f"unreadable WARC record: {exc}", url)
        return
    if len(body) < record.content_length:
        yield _error(doc_id, source, f"truncated WARC record ({len(body)} of {record.content_length} bytes)", url)
        return
    content: bytes | str = decode_html(body, record.http_charset) if record.http_charset else body
    yield RawDocument(doc_id=doc_id, source=source, content=content, kind="html", url=url)
