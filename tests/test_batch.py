"""The batch runner: pre-filter, unique ids, duplicates, order, resume after SIGKILL."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from extractor import batch, pipeline
from extractor.article import RawDocument
from extractor.batch import (
    BatchOptions,
    extract_all,
    read_inputs,
    resume_jsonl,
    unique_ids,
)
from extractor.clean import clean_document
from extractor.fields.relevance import may_be_meeting
from extractor.pipeline import extract_record
from extractor.record import MeetingRecord
from extractor.sources import iter_documents

NO_CUE_PAGE = ("<html><head><title>Festival Kuliner Pesisir Ramai</title></head><body><article>"
               "<h1>Festival Kuliner Pesisir Ramai Pengunjung</h1><p>PAINAN - Festival kuliner tahunan di "
               "Painan ramai dikunjungi warga dan wisatawan pada Sabtu (12/10/2024).</p><p>Panitia menyebut "
               "lebih dari lima ribu pengunjung datang selama dua hari penyelenggaraan.</p></article></body></html>")


def raw(doc_id: str, content: str, source: str | None = None) -> RawDocument:
    return RawDocument(doc_id=doc_id, source=source or f"{doc_id}.html", content=content.encode(), kind="html")


def test_prefilter_reads_the_meeting_nouns_and_keeps_every_dev_report(corpus, dev_gold):
    assert may_be_meeting("Polres menggelar Rakorwil jelang pilkada") and may_be_meeting("sebuah FGD")
    assert not may_be_meeting("Festival kuliner ramai pengunjung")
    for doc in iter_documents([str(corpus / "dev" / "html")]):
        if dev_gold[doc.doc_id]["is_meeting_report"]:
            assert may_be_meeting(clean_document(doc).text), doc.doc_id


def test_page_without_cue_skips_the_pipeline(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_article", lambda *a: pytest.fail("NLP ran on a page without cue"))
    record = extract_record(raw("x", NO_CUE_PAGE))
    assert (record.is_meeting_report, record.meeting_probability, record.error) == (False, 0.0, None)
    assert record.title and record.title.startswith("Festival Kuliner")


def test_repeated_ids_get_the_input_path_deterministically():
    docs = [(raw("a", "1", "x/a.html"), "x/a.html"), (raw("a", "2", "y/a.html"), "y/a.html"),
            (raw("a", "3", "y/a.html"), "y/a.html"), (raw("n", "4", "p.jsonl"), "p.jsonl"),
            (raw("n", "5", "q.jsonl"), "q.jsonl")]
    ids = [d.doc_id for d in unique_ids(docs)]
    assert ids == ["a", "y/a", "y/a~2", "n", "q.jsonl#n"]
    assert ids == [d.doc_id for d in unique_ids(docs)]


def fake_engine(log: list[str]):
    """Records whose title is the page content; `log` lists the pages extracted."""
    def engine(documents, options):
        for doc in documents:
            log.append(doc.doc_id)
            yield MeetingRecord(doc_id=doc.doc_id, source=doc.source, title=doc.content.decode())
    return engine


def test_duplicates_are_extracted_once_and_keep_their_own_ids(monkeypatch):
    extracted: list[str] = []
    monkeypatch.setattr(batch, "local_engine", fake_engine(extracted))
    docs = [raw("a", "same"), raw("b", "other"), raw("c", "same"), raw("d", "last")]
    records = list(extract_all(docs, BatchOptions(workers=1)))
    assert [r.doc_id for r in records] == ["a", "b", "c", "d"] and extracted == ["a", "b", "d"]
    assert records[2].title == "same" and records[2].source == "c.html"
    assert records[2].warnings == ["duplicate of a"] and records[0].warnings == []
    # A copy too far from its first page, or whose first page was done by an earlier run, is extracted again.
    monkeypatch.setattr(batch, "RECENT", 1)
    extracted.clear()
    records = list(extract_all(docs, BatchOptions(workers=1), done={"b"}))
    assert [r.doc_id for r in records] == ["a", "c", "d"] and extracted == ["a", "c", "d"]
    assert records[1].warnings == ["duplicate of a"]


def test_resume_truncates_a_partial_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    lines = [MeetingRecord(doc_id=i, is_meeting_report=i == "a").to_json() for i in ("a", "b")]
    out.write_text("\n".join(lines) + '\n{"doc_id": "c", "is_mee', encoding="utf-8")
    assert resume_jsonl(out) == {"a": (True, False), "b": (False, False)}
    assert out.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    assert resume_jsonl(tmp_path / "missing.jsonl") == {}


def run_extract(pages: Path, out: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-c", "from extractor.cli import app; app()", "extract", str(pages),
               "-o", str(out), "--no-ner", *extra]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


def test_resume_after_sigkill_gives_one_record_per_input(corpus, tmp_path):
    """Six folders with the dev pages under the same names: ids collide; d1 and d2 differ by a
    comment (more distinct pages than two workers hold in flight, so the pool runs), d3-d5 are
    exact copies of d0."""
    pages = tmp_path / "pages"
    for n in range(6):
        shutil.copytree(corpus / "dev" / "html", pages / f"d{n}")
        for page in (pages / f"d{n}").glob("*.html") if n in (1, 2) else ():
            page.write_text(page.read_text(encoding="utf-8") + f"<!-- copy {n} -->", encoding="utf-8")
    (pages / "d0" / "festival.html").write_text(NO_CUE_PAGE, encoding="utf-8")
    expected = [d.doc_id for d in read_inputs([str(pages)])]
    assert len(expected) == len(set(expected)) == 217
    out = tmp_path / "out.jsonl"
    first = run_extract(pages, out, "--workers", "2")
    while first.poll() is None and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    workers = psutil.Process(first.pid).children(recursive=True)
    assert len(workers) >= 2, "the run did not start its worker pool"
    first.send_signal(signal.SIGKILL)
    first.wait()
    killed_at = len(out.read_bytes().splitlines())
    assert 0 < killed_at < len(expected), "the run ended before it could be killed"
    _, still_running = psutil.wait_procs(workers, timeout=10)
    for process in still_running:  # a leak of our own children: clean up, then fail
        process.kill()
    assert not still_running, "pool workers outlived their killed parent"

    second = run_extract(pages, out, "--resume", "--workers", "1")
    _, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == expected
    # the 27 pre-election meeting reports of dev in each of six folders (dev-034, a rakor on Natal security, is not one)
    assert "217 inputs, 162 meeting reports, 0 errors" in stderr
    copies = {r["doc_id"]: r for r in records}
    assert copies["d3/dev-001"]["warnings"][-1] == "duplicate of dev-001"
    assert {k: v for k, v in copies["d3/dev-001"].items() if k not in ("doc_id", "source", "warnings")} == \
        {k: v for k, v in copies["dev-001"].items() if k not in ("doc_id", "source", "warnings")}
