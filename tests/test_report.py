"""`rakor report`: one self-contained offline HTML file, rendered in headless Chromium with the network
off: charts (inline SVG) present, the table searchable and linked to sources, merged meetings once;
a 10,000-record report generated and its load time measured (printed, not asserted).

Set RAKOR_SCREENSHOTS=1 to write docs/report.png.
"""
from __future__ import annotations

import json
import os
import random
import re
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from extractor.report import province_of, render, summarise, write_report
from test_review import ROOT, chrome, dev_records, needs_browser, quit_chrome, wait_for


@pytest.fixture(scope="module")
def records_path(tmp_path_factory) -> Path:
    lines = dev_records(str(tmp_path_factory.getbasetemp() / "review-extra"))
    path = tmp_path_factory.mktemp("report") / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def synthetic(lines: list[str], n: int, seed: int = 7) -> list[str]:
    """n records derived from real dev meeting records: other regions, dates over four years, goals
    reworded from the dev vocabulary, and every tenth record a second outlet reporting the one before."""
    from extractor.gazetteer import regions

    base = [json.loads(x) for x in lines if json.loads(x)["is_meeting_report"]]
    places = [r for r in regions() if r.kind != "provinsi"]
    vocab = sorted({w for r in base for g in r["goals"] for w in g.split()})
    rng = random.Random(seed)
    heads = ["Polres", "KPU Kabupaten", "Bawaslu Kabupaten", "Kodim", "Pemerintah Kabupaten", "Kesbangpol Kabupaten"]
    out, previous = [], None
    for i in range(n):
        record = json.loads(json.dumps(base[i % len(base)]))
        place = places[(i * 7919) % len(places)]
        record.update(doc_id=f"syn-{i:05d}", host_canonical=None, evidence={},
                      meeting_date=(date(2021, 6, 1) + timedelta(days=rng.randrange(1400))).isoformat(),
                      title=f"Rakor {' '.join(rng.sample(vocab, 5))} {place.name}",
                      goals=[" ".join(rng.sample(vocab, 10))], venue=f"Aula {place.name} {i}",
                      host=f"{rng.choice(heads)} {place.name}")
        for attendee in record["attendees"]:
            if attendee["name"]:
                attendee["name"] = f"{attendee['name']} {i}"
        if i % 10 == 9 and previous:
            record.update({k: previous[k] for k in ("meeting_date", "host", "venue")})
        previous = record
        out.append(json.dumps(record, ensure_ascii=False))
    return out


def test_merged_meetings_count_once_and_provinces_come_from_the_gazetteer(records_path):
    from extractor.merge import read_record

    lines = records_path.read_text(encoding="utf-8").splitlines()
    records = [read_record(x) for x in lines]
    summary = summarise(records)
    originals = [r for r in records[:36] if r.is_meeting_report]
    assert summary["reports"] > summary["meetings"] == len(originals)  # the 14 copies merge with their pages
    assert summary["multi"] == sum(r.is_meeting_report for r in records[36:])
    assert province_of({"host": "Polres Pesisir Selatan", "venue": None, "attendees": []}) == "Sumatera Barat"
    assert province_of({"host": None, "venue": "Gedung Mahameru Mapolda Jatim", "attendees": []}) == "Jawa Timur"
    known = {p for p in summary["provinces"] if not p.startswith("(")}
    assert len(known) >= 10
    page = render(summary)
    assert "<svg" in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"""<(?:script|link|img)[^>]+(?:src|href)=["']?https?:""", page)


def _load(driver, path: Path) -> dict:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    started = time.monotonic()
    driver.get(path.resolve().as_uri())
    wait_for(lambda: driver.execute_script("return document.body && document.body.getAttribute('data-ready')"),
             timeout=30, what="report ready")
    wall = time.monotonic() - started
    timing = driver.execute_script(
        "var n=performance.getEntriesByType('navigation')[0];"
        "return {load:n.loadEventEnd, dom:n.domContentLoadedEventEnd, resources:performance.getEntriesByType('resource').length}")
    return {"wall": wall, **timing}


@needs_browser
def test_report_renders_offline_in_chromium(records_path, tmp_path):
    out = tmp_path / "report.html"
    write_report(records_path, out)
    driver = chrome(1200, 900)
    try:
        timing = _load(driver, out)
        charts = driver.find_elements("css selector", "svg.chart")
        assert len(charts) >= 4
        assert all(c.is_displayed() for c in charts)
        assert driver.execute_script("return document.querySelectorAll('svg.chart rect').length") >= 20
        assert timing["resources"] == 0, "the report loads nothing"
        rows = driver.find_elements("css selector", "#rows tr")
        assert len(rows) == driver.execute_script("return JSON.parse(document.getElementById('data').textContent).length")
        link = driver.find_element("css selector", "#rows a")
        target = (out.parent / link.get_attribute("href").split("file://")[-1]).resolve() \
            if not link.get_attribute("href").startswith("file://") else Path(link.get_attribute("href")[7:])
        assert target.exists()
        search = driver.find_element("id", "q")
        search.send_keys("Pesisir Selatan")
        wait_for(lambda: len(driver.find_elements("css selector", "#rows tr")) < len(rows), what="search")
        assert all("Pesisir" in r.text for r in driver.find_elements("css selector", "#rows tr"))
    finally:
        quit_chrome(driver)


@needs_browser
def test_report_of_ten_thousand_records_load_time(records_path, tmp_path):
    lines = synthetic(records_path.read_text(encoding="utf-8").splitlines(), 10_000)
    source = tmp_path / "synthetic.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report-10k.html"
    started = time.monotonic()
    counts = write_report(source, out)
    built = time.monotonic() - started
    assert counts["records"] == 10_000 and 8_000 < counts["meetings"] < 10_000
    driver = chrome(1200, 900)
    try:
        _load(driver, out)  # a first load warms the browser; the second is the one measured
        timing = _load(driver, out)
        assert len(driver.find_elements("css selector", "svg.chart")) >= 4
        assert timing["resources"] == 0
        if os.environ.get("RAKOR_SCREENSHOTS"):
            (ROOT / "docs").mkdir(exist_ok=True)
            driver.set_window_size(1200, 1000)
            driver.save_screenshot(str(ROOT / "docs" / "report.png"))
    finally:
        quit_chrome(driver)
    size = out.stat().st_size / 1e6
    print(f"\n10,000 records -> {counts['meetings']} meetings: report built in {built:.1f} s, {size:.1f} MB; "
          f"Chromium load event {timing['load']:.0f} ms, DOMContentLoaded {timing['dom']:.0f} ms, "
          f"ready (table drawn) {timing['wall'] * 1000:.0f} ms wall")
