"""The benchmark's own arithmetic and page mix (the timings themselves are never asserted)."""
from extractor.bench import make_pages, speedup


def test_speedup_takes_the_best_run_of_each_worker_count():
    runs = [{"workers": 1, "pages_per_s": 76.0}, {"workers": 2, "pages_per_s": 135.5},
            {"workers": 1, "pages_per_s": 80.0}, {"workers": 2, "pages_per_s": 150.0}]
    assert speedup(runs, 2) == round(150.0 / 80.0, 2)
    assert speedup([{"workers": 2, "pages_per_s": 10.0}], 2) is None


def test_page_mix_is_one_meeting_report_in_ten(corpus, tmp_path):
    make_pages(tmp_path, 50, corpus)
    kinds = [p.stem.split("-", 1)[1] for p in sorted(tmp_path.glob("*.html"))]
    assert len(kinds) == 50
    assert kinds.count("meeting") == 5 and kinds.count("negative") == 5 and kinds.count("other") == 40
