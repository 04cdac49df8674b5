"""The Dask engine gives exactly the records of the local run, in the same order."""
from __future__ import annotations

import shutil

from distributed import LocalCluster

from extractor import engine_dask
from extractor.batch import BatchOptions, extract_all, read_inputs


def test_dask_records_equal_local_records(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(engine_dask, "PARTITION", 2)  # several partitions, returned in order
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("dev-001", "dev-005", "dev-011", "dev-016"):
        shutil.copy(corpus / "dev" / "html" / f"{name}.html", pages)
    shutil.copy(corpus / "dev" / "html" / "dev-001.html", pages / "zz-copy.html")
    (pages / "festival.html").write_text("<html><body><h1>Festival</h1><p>Festival kuliner ramai.</p></body></html>")
    local = [r.to_json() for r in extract_all(read_inputs([str(pages)]), BatchOptions(use_ner=False, workers=1))]
    assert len(local) == 6 and "duplicate of dev-001" in local[-1]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        options = BatchOptions(use_ner=False, engine="dask", scheduler=cluster.scheduler_address)
        remote = [r.to_json() for r in extract_all(read_inputs([str(pages)]), options)]
    assert remote == local
