"""The batch runner: many inputs -> one record each, in parallel, streaming, resumable.

Order: records come out in input order. At most `window` documents are in flight (read and
waiting, or being extracted); the runner always waits for the oldest task, so the queue of
pending results is also the reorder buffer and memory stays flat whatever the input size.
A slow page holds back at most `window` finished ones. Documents travel to the workers in
tasks of CHUNK: a round trip per document cost the parent process about a millisecond of CPU
per page (a tenth of an extraction, taken from the workers on a 2-core machine); per task
it costs an eighth of that.

Identity: every input keeps its `doc_id` from sources.py. When an id repeats (the same file
stem in two directories, the same JSONL id twice), the later input gets its path without
suffix, relative to the directory named on the command line (`b/dev-001` for pages/b/dev-001.html
under `pages`; a file named on the command line keeps the path as written), or
`<source>#<id>` for a multi-page file (JSONL, WARC), and `~2`, `~3`... if that is taken too.
The first input keeps the short id, so ids depend only on the arguments and the inputs: a
rerun gives the same ids.

Duplicates: pages with the same raw bytes (BLAKE2b) are extracted once; each later copy gets
the first one's fields with its own doc_id and source and the warning "duplicate of <id>".
The first record is kept for RECENT inputs; a copy further away (or whose first page was
done by an earlier, resumed run) is extracted again, which gives the same fields.

Resume (JSONL only): the output is truncated to its last complete line and its doc_ids are
skipped. Records are written whole, one write and flush per line, so a killed run loses at
most the line being written.

Bookkeeping grows by about 0.3 KB per input (ids seen, content hashes); everything else is
bounded.
"""
from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from itertools import chain, islice
from pathlib import Path

from extractor.article import RawDocument
from extractor.nlp import build_pipeline
from extractor.pipeline import extract_record
from extractor.record import MeetingRecord
from extractor.sources import iter_documents

log = logging.getLogger(__name__)

RECENT = 1024           # first records kept for copying to their duplicates
WINDOW_PER_WORKER = 32  # documents in flight per worker process
CHUNK = 8               # documents per task sent to a worker


@dataclass(slots=True)
class BatchOptions:
    """How a batch runs; the same for every engine."""

    use_ner: bool = True
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    only_meetings: bool = False
    engine: str = "local"           # "local" | "dask"
    scheduler: str | None = None    # dask scheduler address; None starts a LocalCluster
    doc_timeout: float | None = 10.0  # seconds per document; None or 0: no limit


@dataclass(slots=True)
class Counts:
    """The run summary; records done by an earlier run (resume) are counted too."""

    inputs: int = 0
    meetings: int = 0
    errors: int = 0

    def add(self, is_meeting: bool, has_error: bool) -> None:
        self.inputs += 1
        self.meetings += is_meeting
        self.errors += has_error

    def summary(self) -> str:
        return f"{self.inputs} inputs, {self.meetings} meeting reports, {self.errors} errors"


def extract_partition(documents: list[RawDocument], use_ner: bool, timeout: float | None) -> list[MeetingRecord]:
    """The task a distributed worker runs: the pipeline is built once per process (lru_cache)."""
    return [extract_record(raw, use_ner, timeout) for raw in documents]


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves pool workers waiting forever) exits."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _start_worker(use_ner: bool, parent: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    build_pipeline(use_ner)


def local_engine(documents: Iterable[RawDocument], options: BatchOptions) -> Iterator[MeetingRecord]:
    """Records in input order from `options.workers` spawned processes. One worker, or an input
    shorter than one window, runs in this process: starting workers (each builds the pipeline)
    would cost more than it saves."""
    window = options.workers * WINDOW_PER_WORKER
    documents = iter(documents)
    head = list(islice(documents, window)) if options.workers > 1 else []
    if len(head) < window:
        for raw in chain(head, documents):
            yield extract_record(raw, options.use_ner, options.doc_timeout)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(options.workers, mp_context=context, initializer=_start_worker,
                               initargs=(options.use_ner, os.getpid()))
    pending: deque = deque()
    try:
        inputs = chain(head, documents)
        for chunk in iter(lambda: list(islice(inputs, CHUNK)), []):
            pending.append(pool.submit(extract_partition, chunk, options.use_ner, options.doc_timeout))
            if len(pending) >= window // CHUNK:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def engine_for(options: BatchOptions) -> Callable[[Iterable[RawDocument], BatchOptions], Iterator[MeetingRecord]]:
    if options.engine == "dask":
        from extractor.engine_dask import dask_engine

        return dask_engine
    return local_engine


def read_inputs(paths: Iterable[str]) -> Iterator[RawDocument]:
    """The documents of `paths` (see sources.iter_documents) with unique doc_ids."""
    return unique_ids((raw, name) for name in paths for raw in iter_documents([name]))


def unique_ids(documents: Iterable[tuple[RawDocument, str]]) -> Iterator[RawDocument]:
    """(document, input path it was found under) -> documents with unique doc_ids; a repeated
    id is replaced as the module docstring says."""
    seen: set[str] = set()
    for raw, root in documents:
        if raw.doc_id in seen:
            source = Path(raw.source)
            if source.stem != raw.doc_id:
                base = f"{raw.source}#{raw.doc_id}"
            elif Path(root).is_dir():
                base = source.relative_to(root).with_suffix("").as_posix()
            else:
                base = source.with_suffix("").as_posix()
            doc_id, n = base, 1
            while doc_id in seen:
                n += 1
                doc_id = f"{base}~{n}"
            raw = replace(raw, doc_id=doc_id)
        seen.add(raw.doc_id)
        yield raw


def content_hash(raw: RawDocument) -> bytes | None:
    """BLAKE2b of the raw bytes; None for inputs that failed to read (they are all empty)."""
    if raw.error or not raw.content:
        return None
    data = raw.content.encode("utf-8") if isinstance(raw.content, str) else raw.content
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(slots=True)
class _Slot:
    """One input awaiting its record, in input order."""

    doc_id: str
    source: str
    first: str | None  # doc_id of the first page with the same bytes
    copy: bool         # take the first page's record instead of extracting


def extract_all(documents: Iterable[RawDocument], options: BatchOptions,
                done: Iterable[str] = ()) -> Iterator[MeetingRecord]:
    """One record per document not in `done`, in input order, duplicates extracted once;
    doc_ids must be unique (read_inputs)."""
    done = set(done)
    slots: deque[_Slot] = deque()

    def to_extract() -> Iterator[RawDocument]:
        firsts: dict[bytes, tuple[str, int, bool]] = {}  # hash -> (doc_id, position, extracted now)
        for position, raw in enumerate(documents):
            digest = content_hash(raw)
            first = firsts.get(digest) if digest else None
            if digest and first is None:
                firsts[digest] = (raw.doc_id, position, raw.doc_id not in done)
            if raw.doc_id in done:
                continue
            copy = first is not None and first[2] and position - first[1] <= RECENT
            slots.append(_Slot(raw.doc_id, raw.source, first[0] if first else None, copy))
            if not copy:
                yield raw

    recent: OrderedDict[str, MeetingRecord] = OrderedDict()

    def copies() -> Iterator[MeetingRecord]:
        while slots and slots[0].copy:
            slot = slots.popleft()
            original = recent[slot.first]
            yield original.model_copy(update={
                "doc_id": slot.doc_id, "source": slot.source,
                "warnings": [*original.warnings, f"duplicate of {slot.first}"]})

    for record in engine_for(options)(to_extract(), options):
        yield from copies()
        slot = slots.popleft()
        if slot.first:
            record.warnings.append(f"duplicate of {slot.first}")
        else:
            recent[record.doc_id] = record
            if len(recent) > RECENT:
                recent.popitem(last=False)
        yield record
    yield from copies()


def resume_jsonl(path: Path) -> dict[str, tuple[bool, bool]]:
    """doc_id -> (is_meeting_report, has error) of the complete records in `path`, after
    truncating a partial last line left by a killed run."""
    done: dict[str, tuple[bool, bool]] = {}
    if not path.exists():
        return done
    with path.open("rb+") as handle:
        end = 0
        for line in handle:
            if not line.endswith(b"\n"):
                handle.truncate(end)
                break
            end += len(line)
            if line.strip():
                record = json.loads(line)
                done[record["doc_id"]] = (bool(record.get("is_meeting_report")), record.get("error") is not None)
    return done


def run_batch(documents: Iterable[RawDocument], write: Callable[[MeetingRecord], None], options: BatchOptions,
              done: dict[str, tuple[bool, bool]] | None = None,
              advance: Callable[[], None] = lambda: None) -> Counts:
    """Extract, write and count; `done` (from resume_jsonl) is skipped but counted."""
    counts = Counts()
    for is_meeting, has_error in (done or {}).values():
        counts.add(is_meeting, has_error)
    for record in extract_all(documents, options, done or ()):
        counts.add(record.is_meeting_report, record.error is not None)
        if record.is_meeting_report or not options.only_meetings:
            write(record)
        advance()
    return counts
