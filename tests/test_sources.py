"""Input reading: files, directories, stdin, JSONL, WARC(.gz), and bad inputs."""
from __future__ import annotations

import io
import json
import sys
import time

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.clean import clean_document
from extractor.sources import iter_documents

HTML = "<html><body><p>Rapat koordinasi di Kafé Bhayangkara, kata “Kapolres”.</p></body></html>"


def test_files_and_directories(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.htm").write_text(HTML)
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "c.md").write_text("---\ntitle: X\n---\nisi")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    docs = list(iter_documents([str(tmp_path)]))
    assert [(d.doc_id, d.kind) for d in docs] == [("a", "html"), ("two", "html"), ("c", "text")]
    assert docs[2].content.startswith(b"---")


def test_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML.encode())))
    [doc] = iter_documents(["-"])
    assert doc.kind == "html" and doc.error is None
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Judul\n\nIsi berita.")))
    [doc] = iter_documents(["-"])
    assert doc.kind == "text"


def test_missing_and_oversized_files(tmp_path):
    big = tmp_path / "big.html"
    big.write_text(HTML * 10)
    missing, oversized = iter_documents([str(tmp_path / "nope.html"), str(big)], max_bytes=100)
    assert missing.error.startswith("unreadable file")
    assert oversized.error.startswith("file too large")


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "p1", "url": "https://x.id/a", "html": HTML, "published": "2024-01-02"}),
        "{not json",
        json.dumps({"text": "Judul berita\n\nIsi berita."}),
        json.dumps({"id": "p4", "url": "https://x.id/b"}),
    ]) + "\n")
    docs = list(iter_documents([str(path)]))
    assert [d.doc_id for d in docs] == ["p1", "batch:2", "batch:3", "p4"]
    assert docs[0].kind == "html" and docs[0].url == "https://x.id/a" and docs[0].published == "2024-01-02"
    assert docs[1].error.startswith("bad JSONL line")
    assert docs[2].kind == "text" and docs[2].error is None
    assert docs[3].error.startswith("bad JSONL line")
    assert clean_document(docs[1]).error.startswith("bad JSONL line")


def _warc(path, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    bodies = [
        ("text/html; charset=windows-1252", HTML.encode("cp1252")),
        ("image/png", b"\x89PNG\r\n"),
        ("text/html", HTML.encode("utf-8")),
    ]
    for i, (content_type, body) in enumerate(bodies):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://x.id/{i}", "response", payload=io.BytesIO(body),
                                           http_headers=headers)
        writer.write_record(record)
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def _check_warc(docs):
    assert [d.url for d in docs] == ["https://x.id/0", "https://x.id/2"]
    assert all(d.doc_id.startswith("<urn:uuid:") and d.kind == "html" for d in docs)
    assert isinstance(docs[0].content, str) and "Kafé" in docs[0].content  # HTTP charset applied
    for doc in docs:
        assert "Kafé Bhayangkara" in clean_document(doc).text


def test_warc_html_records(tmp_path):
    _warc(tmp_path / "crawl.warc", gzip=False)
    _check_warc(list(iter_documents([str(tmp_path / "crawl.warc")])))


def test_warc_gz_html_records(tmp_path):
    _warc(tmp_path / "crawl.warc.gz", gzip=True)
    _check_warc(list(iter_documents([str(tmp_path)])))


def test_truncated_warc_record(tmp_path):
    for name, gzip in (("cut.warc", False), ("cut.warc.gz", True)):
        path = tmp_path / name
        data = _warc(path, gzip)
        path.write_bytes(data[:-40])
        start = time.perf_counter()
        docs = list(iter_documents([str(path)]))
        assert time.perf_counter() - start < 10  # runaway bound; measured well under 2 s
        assert docs[0].error is None
        assert "truncated" in docs[-1].error
        assert clean_document(docs[-1]).error == docs[-1].error


def test_jsonl_text_of_one_line_is_body_and_its_title_the_headline(tmp_path):
    from extractor.clean import clean_document

    line = ("Bawaslu Kota Ternate menggelar FGD pencegahan politik uang Pemilu 2019 di Hotel Grand Majang, "
            "Senin (3/9/2018).")
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps({"id": "a", "text": line}) + "\n"
                    + json.dumps({"id": "b", "title": "Bawaslu Gelar FGD", "text": line}) + "\n", encoding="utf-8")
    first, second = (clean_document(d) for d in iter_documents([str(path)]))
    assert first.error is None and first.title is None and first.paragraphs == [line]
    assert second.title == "Bawaslu Gelar FGD" and second.paragraphs == [line]
