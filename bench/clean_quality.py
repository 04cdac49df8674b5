"""Body, title and date quality of the cleaner on corpus/dev, against trafilatura alone.

Body score: bag-of-tokens precision/recall/F1 of the body against corpus/dev/clean/dev-NNN.txt
(gold body = the lines after the headline; tokens = lowercased runs of word characters).
Title and published (date part, local) are compared with corpus/dev/gold.jsonl.

    python bench/clean_quality.py            # per-page table and means
    python bench/clean_quality.py --json     # the same as JSON
    python bench/clean_quality.py --speed    # also ms/page, cleaner vs trafilatura.extract
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.article import RawDocument  # noqa: E402
from extractor.clean import clean_document  # noqa: E402

DEV = ROOT / "corpus" / "dev"
WORD = re.compile(r"\W+")


def tokens(text: str) -> Counter:
    return Counter(t for t in WORD.split(text.lower()) if t)


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall, F1."""
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def gold_body(page_id: str) -> str:
    text = (DEV / "clean" / f"{page_id}.txt").read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""


def baseline(html: str) -> str:
    return trafilatura.extract(html, favor_precision=True, include_comments=False) or ""


def evaluate(dev: Path = DEV, with_baseline: bool = True) -> dict:
    """Per-page scores and means for the cleaner and (`with_baseline`) for trafilatura alone."""
    gold = {rec["id"]: rec for rec in map(json.loads, (dev / "gold.jsonl").read_text().splitlines())}
    pages = []
    for path in sorted((dev / "html").glob("*.html")):
        html = path.read_bytes()
        article = clean_document(RawDocument(path.stem, str(path), html, "html"))
        reference = gold_body(path.stem)
        ours = prf("\n\n".join(article.paragraphs), reference)
        theirs = prf(baseline(html.decode("utf-8")), reference) if with_baseline else (0.0, 0.0, 0.0)
        want = gold.get(path.stem, {})
        pages.append({
            "id": path.stem, "precision": ours[0], "recall": ours[1], "f1": ours[2],
            "trafilatura_f1": theirs[2],
            "title_ok": article.title == want.get("title"),
            "published_ok": (article.published or "")[:10] == (want.get("published") or ""),
            "published": article.published, "error": article.error,
        })
    n = len(pages)
    return {
        "pages": pages,
        "mean_f1": sum(p["f1"] for p in pages) / n,
        "min_f1": min(p["f1"] for p in pages),
        "trafilatura_mean_f1": sum(p["trafilatura_f1"] for p in pages) / n,
        "trafilatura_min_f1": min(p["trafilatura_f1"] for p in pages),
        "title_accuracy": sum(p["title_ok"] for p in pages) / n,
        "published_accuracy": sum(p["published_ok"] for p in pages) / n,
    }


def speed(dev: Path = DEV, total: int = 2000) -> dict:
    """ms/page of the cleaner and of trafilatura.extract on dev pages repeated to `total`."""
    pages = [p.read_text(encoding="utf-8") for p in sorted((dev / "html").glob("*.html"))]
    batch = (pages * (total // len(pages) + 1))[:total]
    start = time.perf_counter()
    for i, html in enumerate(batch):
        clean_document(RawDocument(str(i), "bench", html, "html"))
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for html in batch:
        baseline(html)
    theirs = time.perf_counter() - start
    return {"pages": total, "cleaner_ms": 1000 * ours / total, "trafilatura_ms": 1000 * theirs / total,
            "ratio": ours / theirs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--speed", action="store_true", help="also time cleaner vs trafilatura")
    parser.add_argument("--pages", type=int, default=2000, help="pages for --speed")
    args = parser.parse_args()
    result = evaluate()
    if args.speed:
        result["speed"] = speed(total=args.pages)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{'page':8} {'P':>6} {'R':>6} {'F1':>6} {'traf':>6}  title date")
    for p in result["pages"]:
        print(f"{p['id']:8} {p['precision']:6.3f} {p['recall']:6.3f} {p['f1']:6.3f} {p['trafilatura_f1']:6.3f}"
              f"  {'ok' if p['title_ok'] else '--':5} {'ok' if p['published_ok'] else '--'}"
              f"{'  ' + p['error'] if p['error'] else ''}")
    print(f"mean F1 {result['mean_f1']:.4f} (min {result['min_f1']:.3f}); trafilatura "
          f"{result['trafilatura_mean_f1']:.4f} (min {result['trafilatura_min_f1']:.3f})")
    print(f"title accuracy {result['title_accuracy']:.3f}; published accuracy {result['published_accuracy']:.3f}")
    if args.speed:
        s = result["speed"]
        print(f"speed over {s['pages']} pages: cleaner {s['cleaner_ms']:.2f} ms/page, "
              f"trafilatura {s['trafilatura_ms']:.2f} ms/page, ratio {s['ratio']:.2f}")


if __name__ == "__main__":
    main()
