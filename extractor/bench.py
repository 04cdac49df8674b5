"""`rakor bench`: speed and memory of extraction on a crawl-like mix, against trafilatura alone.

The mix is 10% meeting reports (dev positives), 10% other pages that use meeting words (dev
negatives, which go through the whole pipeline) and 80% news pages without any (dev pages
with every meeting noun replaced by a topic word, which the pre-filter stops). Each page
carries its number in a comment, so duplicate detection skips nothing.

Per-stage costs are timed in this process on a sample, calling the stages one by one as
pipeline.extract_article does; throughput and peak RSS (the sum over the extract process and
its workers, sampled every 0.1 s) come from real `rakor extract` runs in subprocesses.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import psutil
import trafilatura

from extractor.fields.relevance import cue_regex, may_be_meeting
from extractor.clean import clean_document
from extractor.evaluate import default_corpus, read_jsonl
from extractor.nlp import build_pipeline
from extractor.builder import build_record
from extractor.pipeline import extract_record, published_date
from extractor.sinks import JsonlSink
from extractor.sources import iter_documents

TOPIC_WORDS = ("festival", "pameran", "lomba", "bazar", "pasar murah")
STAGES = ("read", "clean", "prefilter", "nlp", "fields", "write")
KINDS = ("meeting", "negative", "other")
SAMPLE_EVERY = 0.1
REPEATS = 2  # throughput runs per worker count


def make_pages(folder: Path, count: int, corpus: Path | None = None) -> None:
    """`count` unique pages named NNNNNN-<kind>.html in `folder`."""
    dev = (corpus or default_corpus()) / "dev"
    gold = read_jsonl(dev / "gold.jsonl")
    pages = {k: [(dev / "html" / f"{i}.html").read_text(encoding="utf-8") for i in sorted(gold)
                 if gold[i]["is_meeting_report"] == (k == "meeting")] for k in ("meeting", "negative")}
    templates = {**pages, "other": [cue_regex().sub(lambda m: TOPIC_WORDS[len(m.group()) % len(TOPIC_WORDS)], html)
                                    for html in pages["meeting"] + pages["negative"]]}
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        kind = KINDS[min(n % 10, 2)]
        html = templates[kind][n // 10 % len(templates[kind])]
        (folder / f"{n:06d}-{kind}.html").write_text(f"{html}\n<!-- bench page {n} -->\n", encoding="utf-8")


def stage_costs(folder: Path, sample: int, use_ner: bool) -> dict[str, dict[str, float]]:
    """Mean ms per page for each stage and for trafilatura.extract alone, by kind of page."""
    nlp = build_pipeline(use_ner)
    for path in sorted(folder.glob("*.html"))[:2]:  # first use compiles the gazetteer patterns: not timed
        extract_record(next(iter_documents([str(path)])), use_ner)
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)
    with tempfile.TemporaryDirectory() as tmp:
        sink = JsonlSink(Path(tmp) / "out.jsonl")
        for path in sorted(folder.glob("*.html"))[:sample]:
            kind = path.stem.split("-", 1)[1]
            counts[kind] += 1
            t0 = time.perf_counter()
            [raw] = iter_documents([str(path)])
            t1 = time.perf_counter()
            article = clean_document(raw)
            t2 = time.perf_counter()
            keep = not article.error and may_be_meeting(article.text)
            t3 = time.perf_counter()
            fields_s = 0.0
            if keep:
                doc = nlp.make_doc(article.text)
                doc._.joined_text = article.text
                doc._.published_date = published_date(article.published)
                doc._.body_start = article.body_offset
                for name, component in nlp.pipeline:  # rakor_* components are the field extractors
                    start = time.perf_counter()
                    doc = component(doc)
                    fields_s += time.perf_counter() - start if name.startswith("rakor_") else 0.0
                fields = doc._.fields or {}
            else:
                fields = {}
            t4 = time.perf_counter()
            record = build_record(article, fields, article.text)
            t5 = time.perf_counter()
            sink.write(record)
            t6 = time.perf_counter()
            trafilatura.extract(raw.content, favor_precision=True, include_comments=False)
            t7 = time.perf_counter()
            for stage, seconds in (("read", t1 - t0), ("clean", t2 - t1), ("prefilter", t3 - t2),
                                   ("nlp", t4 - t3 - fields_s), ("fields", fields_s + t5 - t4),
                                   ("write", t6 - t5), ("trafilatura", t7 - t6)):
                totals[kind][stage] += seconds * 1000
        sink.close()
    return {kind: {stage: round(ms / counts[kind], 2) for stage, ms in totals[kind].items()} for kind in totals}


def tree_rss(process: psutil.Process) -> int:
    """Resident bytes of a process and its children (shared pages count once per process)."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def extract_run(folder: Path, workers: int, use_ner: bool) -> dict:
    """A `rakor extract` subprocess over `folder`: wall time, time to the first record, pages/s over
    the second half of the records, and peak RSS of the process tree.

    The rate is taken over the second half because workers finish building their pipelines at
    different times: counted from the first record, one worker's start-up would be charged to
    the run's throughput.
    """
    total = len(list(folder.glob("*.html")))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        command = [sys.executable, "-c", "from extractor.cli import app; app()", "extract", str(folder),
                   "-o", str(out), "--workers", str(workers), *([] if use_ner else ["--no-ner"])]
        start = time.perf_counter()
        child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        process, peak, first, half, half_lines = psutil.Process(child.pid), 0, None, None, 0
        lines, read = 0, 0
        while child.poll() is None:
            peak = max(peak, tree_rss(process))
            if out.exists():  # only the new bytes: rereading the whole output would compete with the run
                with out.open("rb") as f:
                    f.seek(read)
                    new = f.read()
                lines, read = lines + new.count(b"\n"), read + len(new)
            if first is None and lines:
                first = time.perf_counter() - start
            if half is None and lines >= total // 2:
                half, half_lines = time.perf_counter() - start, lines
            time.sleep(SAMPLE_EVERY)
        wall = time.perf_counter() - start
        pages = len(out.read_bytes().splitlines())
    steady = (pages - half_lines) / (wall - half) if half and wall > half else 0.0
    return {"workers": workers, "pages": pages, "wall_s": round(wall, 1), "first_record_s": round(first or 0, 1),
            "pages_per_s": round(steady, 1), "peak_rss_mb": round(peak / 2**20)}


def _progress(figures: dict | list) -> dict | list:
    """Each part on stderr as it ends: a full run takes a while."""
    print(json.dumps(figures), file=sys.stderr, flush=True)
    return figures


def words_per_second(folder: Path, sample: int) -> dict[str, float]:
    """Words per second of the spaCy pipeline (tokenizer to record) over the meeting reports,
    with the NER model and on rules only: what the model costs where it runs."""
    articles = [clean_document(raw) for path in sorted(folder.glob("*-meeting*.html"))[:sample]
                for raw in iter_documents([str(path)])]
    articles = [a for a in articles if not a.error]
    figures = {}
    for use_ner in (True, False):
        nlp = build_pipeline(use_ner)
        words, seconds = 0, 0.0
        for article in articles:
            start = time.perf_counter()
            doc = nlp.make_doc(article.text)
            doc._.joined_text = article.text
            doc._.body_start = article.body_offset
            doc._.published_date = published_date(article.published)
            doc = nlp(doc)
            seconds += time.perf_counter() - start
            words += len(doc)
        figures["with_ner" if use_ner else "without_ner"] = round(words / seconds) if seconds else 0.0
    return figures


def run_bench(pages: int, workers: int, rss_pages: list[int], sample: int, use_ner: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / f"pages-{pages}"
        make_pages(folder, pages)
        costs = _progress(stage_costs(folder, sample, use_ner))
        words = _progress(words_per_second(folder, sample))
        # alternated and repeated: a shared VM drifts by a fifth between runs; the best of each counts
        runs = [_progress(extract_run(folder, n, use_ner)) for _ in range(REPEATS) for n in (1, workers)]
        memory = []
        for count in rss_pages:
            folder = Path(tmp) / f"pages-{count}"
            make_pages(folder, count)
            memory.append(_progress(extract_run(folder, workers, use_ner)))
    ratios = {kind: round(sum(costs[kind][s] for s in STAGES) / costs[kind]["trafilatura"], 2) for kind in costs}
    return {"stage_ms": costs, "cost_vs_trafilatura": ratios, "nlp_words_per_s": words, "throughput": runs,
            "speedup": speedup(runs, workers),
            "memory": memory, "cpu_count": psutil.cpu_count(),
            "load_average": [round(x, 2) for x in psutil.getloadavg()]}


def speedup(runs: list[dict], workers: int) -> float | None:
    """Best pages/s with `workers` over best pages/s with one worker."""
    best = {n: max((r["pages_per_s"] for r in runs if r["workers"] == n), default=0.0) for n in (1, workers)}
    return round(best[workers] / best[1], 2) if best[1] else None


def format_bench(figures: dict) -> str:
    lines = ["ms per page    " + "".join(f"{s:>12}" for s in (*STAGES, "total", "trafilatura", "ratio"))]
    for kind, costs in figures["stage_ms"].items():
        total = sum(costs[s] for s in STAGES)
        lines.append(f"{kind:<15}" + "".join(f"{costs[s]:>12.2f}" for s in STAGES)
                     + f"{total:>12.2f}{costs['trafilatura']:>12.2f}{figures['cost_vs_trafilatura'][kind]:>12.2f}")
    lines.append(f"NLP words/s on meeting reports: {figures['nlp_words_per_s']['with_ner']} with NER, "
                 f"{figures['nlp_words_per_s']['without_ner']} without")
    for run in figures["throughput"]:
        lines.append(f"{run['workers']} worker(s): {run['pages']} pages in {run['wall_s']} s, first record after "
                     f"{run['first_record_s']} s, then {run['pages_per_s']} pages/s; peak RSS {run['peak_rss_mb']} MB")
    lines.append(f"speed-up (best run of each): {figures['speedup']}x")
    for run in figures["memory"]:
        lines.append(f"peak RSS at {run['pages']} pages ({run['workers']} workers): {run['peak_rss_mb']} MB")
    lines.append(f"{figures['cpu_count']} cores, load average {figures['load_average']}")
    return "\n".join(lines)


def main(pages: int, workers: int, rss_pages: list[int], sample: int, use_ner: bool, as_json: bool) -> str:
    figures = run_bench(pages, workers, rss_pages, sample, use_ner)
    return json.dumps(figures, indent=2) if as_json else format_bench(figures)
