"""Body kept and boilerplate dropped on the real pages of corpus/realpages, against trafilatura alone.

The pages are rebuilt into corpus/realpages/cache/ by `python scripts/realpages.py rebuild`; their
gold (corpus/realpages/gold.jsonl) is snippets given as offsets into the decoded page. A body
snippet is kept when its normalised text (entities decoded, whitespace collapsed, case folded) is
in the extractor's output; a boilerplate snippet is dropped when it is not. Shares are over all
snippets of a site (micro-averaged); the lead paragraph is reported on its own too.

    python bench/realpages_quality.py              # per-site table, overall figures and speed
    python bench/realpages_quality.py --json       # the same as JSON
    python bench/realpages_quality.py --misses     # also list each missed snippet (page, kind, text)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.clean import clean_html  # noqa: E402

EXTRACTORS = ("rakor", "trafilatura_precision", "trafilatura")
SHORT = 25  # a normalised snippet shorter than this must match at word boundaries


def _realpages():
    spec = importlib.util.spec_from_file_location("realpages", ROOT / "scripts" / "realpages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RP = _realpages()


def rakor(html: str) -> str:
    return "\n".join(clean_html(html).paragraphs)


def trafilatura_precision(html: str) -> str:
    return trafilatura.extract(html, favor_precision=True) or ""


def trafilatura_default(html: str) -> str:
    return trafilatura.extract(html) or ""


RUNNERS = {"rakor": rakor, "trafilatura_precision": trafilatura_precision, "trafilatura": trafilatura_default}


def contains(output: str, key: str) -> bool:
    if len(key) >= SHORT:
        return key in output
    return re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", output) is not None


def load_pages() -> list[dict]:
    """Manifest rows that have gold and a cached page, with the decoded page and its snippets."""
    rows = {r["id"]: r for r in RP.manifest()}
    pages = []
    for ident, gold in RP.gold().items():
        row = rows[ident]
        if not (RP.CACHE / f"{ident}.html").exists():
            raise SystemExit(f"{ident} is not cached: run `python scripts/realpages.py rebuild` first")
        html = RP.cached(row)
        snippets = [(s["kind"], "body" if s in gold["body"] else "boilerplate",
                     RP.norm(html[s["span"][0]:s["span"][1]])) for s in gold["body"] + gold["boilerplate"]]
        pages.append({"id": ident, "site": row["site"], "html": html, "snippets": snippets})
    return pages


def evaluate(pages: list[dict] | None = None, extractors=EXTRACTORS) -> dict:
    """Per-site and overall body kept / boilerplate dropped / lead kept for each extractor, and
    ms/page (each page extracted once per extractor, in the same run)."""
    pages = load_pages() if pages is None else pages
    counts = {name: defaultdict(lambda: defaultdict(int)) for name in extractors}
    seconds = {name: 0.0 for name in extractors}
    misses = {name: [] for name in extractors}
    for page in pages:
        for name in extractors:
            start = time.perf_counter()
            output = RP.norm(RUNNERS[name](page["html"]))
            seconds[name] += time.perf_counter() - start
            for site in (page["site"], "ALL"):
                counts[name][site]["pages"] += 1
            for kind, group, key in page["snippets"]:
                found = contains(output, key)
                good = found if group == "body" else not found
                for site in (page["site"], "ALL"):
                    c = counts[name][site]
                    c[f"{group}_n"] += 1
                    c[f"{group}_ok"] += good
                    if kind == "lead":
                        c["lead_n"] += 1
                        c["lead_ok"] += good
                if not good:
                    misses[name].append({"id": page["id"], "site": page["site"], "kind": kind, "text": key[:80]})
    result = {"pages": len(pages), "sites": len({p["site"] for p in pages}), "extractors": {}}
    for name in extractors:
        table = {}
        for site, c in counts[name].items():
            table[site] = {
                "pages": c["pages"],
                "body_kept": c["body_ok"] / c["body_n"] if c["body_n"] else None,
                "boilerplate_dropped": c["boilerplate_ok"] / c["boilerplate_n"] if c["boilerplate_n"] else None,
                "lead_kept": c["lead_ok"] / c["lead_n"] if c["lead_n"] else None,
                "body_snippets": c["body_n"], "boilerplate_snippets": c["boilerplate_n"],
            }
        result["extractors"][name] = {"sites": table, "ms_per_page": 1000 * seconds[name] / max(len(pages), 1),
                                      "misses": misses[name]}
    ours, theirs = result["extractors"].get("rakor"), result["extractors"].get("trafilatura_precision")
    if ours and theirs:
        result["speed_ratio"] = ours["ms_per_page"] / theirs["ms_per_page"]
    return result


def _fmt(value) -> str:
    return "  -  " if value is None else f"{value:5.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--misses", action="store_true", help="list every missed snippet")
    args = parser.parse_args()
    result = evaluate()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    ex = result["extractors"]
    sites = sorted((s for s in ex["rakor"]["sites"] if s != "ALL"),
                   key=lambda s: (-ex["rakor"]["sites"][s]["pages"], s))
    print(f"{'site':22} {'pages':>5} | {'rakor kept':>10} {'dropped':>7} {'lead':>5} | "
          f"{'traf-prec kept':>14} {'dropped':>7} {'lead':>5} | {'traf kept':>9} {'dropped':>7}")
    for site in sites + ["ALL"]:
        r, p, d = (ex[n]["sites"][site] for n in ("rakor", "trafilatura_precision", "trafilatura"))
        print(f"{site:22} {r['pages']:5} | {_fmt(r['body_kept']):>10} {_fmt(r['boilerplate_dropped']):>7} "
              f"{_fmt(r['lead_kept']):>5} | {_fmt(p['body_kept']):>14} {_fmt(p['boilerplate_dropped']):>7} "
              f"{_fmt(p['lead_kept']):>5} | {_fmt(d['body_kept']):>9} {_fmt(d['boilerplate_dropped']):>7}")
    print(f"{result['pages']} pages, {result['sites']} sites; ms/page: rakor {ex['rakor']['ms_per_page']:.1f}, "
          f"trafilatura favor_precision {ex['trafilatura_precision']['ms_per_page']:.1f}, "
          f"trafilatura default {ex['trafilatura']['ms_per_page']:.1f}; "
          f"speed ratio rakor/trafilatura {result['speed_ratio']:.2f}")
    if args.misses:
        for name in EXTRACTORS:
            print(f"\n{name} misses:")
            for m in ex[name]["misses"]:
                print(f"  {m['id']} {m['site']:18} {m['kind']:9} {m['text']!r}")


if __name__ == "__main__":
    main()
