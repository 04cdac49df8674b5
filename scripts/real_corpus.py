#!/usr/bin/env python3
"""corpus/real: stand-off annotations of real articles whose texts stay in a gitignored cache.

  new URL            the id a URL gets, or why it cannot be used (held out, already annotated)
  check [PASS]       validate the annotation files of a pass (first, second or final) against the texts
  agree              per-field agreement of the second pass with the first (the scorer of `rakor eval`)
  build              write manifest.jsonl and gold.jsonl (goals as offsets) from the final pass
  stats              the corpus table: articles, reports, negatives, provinces, outlets, years, groups, splits
  restore FILE...    fill the cache from saved `search` answers (JSON), checked against the manifest hashes
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "corpus" / "real"
CACHE = REAL / "cache"
TEXTS = CACHE / "text"
HELDOUT = REAL.parent.parent.parent / "shared" / "corpus" / "heldout.py"
FIELDS = ("is_meeting_report", "meeting_date", "date_text", "venue", "host", "attendees",
          "participant_count", "goals")
PERSON_KEYS = ("name", "role", "institution", "represents")
SPLITS = ((60, "train"), (80, "dev"), (100, "test"))


def doc_id(url: str) -> str:
    return "real-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def split_of(url: str) -> str:
    """Fixed by the URL's hash, so a split never moves when articles are added."""
    bucket = int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % 100
    return next(name for bound, name in SPLITS if bucket < bound)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def held_out(url: str) -> bool:
    return subprocess.run([sys.executable, str(HELDOUT), url], capture_output=True).returncode != 0


def read_pass(name: str) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((CACHE / name).glob("*.json"))}


def cmd_new(url: str) -> int:
    if held_out(url):
        print("HELD OUT: do not use", url)
        return 1
    ident = doc_id(url)
    if (CACHE / "first" / f"{ident}.json").exists() or (TEXTS / f"{ident}.txt").exists():
        print("ALREADY TAKEN:", ident)
        return 1
    print(ident)
    return 0


def problems(entry: dict, pass_name: str) -> list[str]:
    out = []
    ident = entry.get("id", "?")
    text_path = TEXTS / f"{ident}.txt"
    if not text_path.exists():
        return [f"no text file {text_path}"]
    text = text_path.read_text(encoding="utf-8")
    if ident != doc_id(entry.get("url", "")):
        out.append("id does not match the url")
    gold = entry.get("gold")
    if not isinstance(gold, dict):
        return out + ["no gold object"]
    missing = [f for f in FIELDS if f not in gold]
    if missing:
        out.append(f"gold lacks {missing}")
    if gold.get("is_meeting_report") is False and (gold.get("attendees") or gold.get("goals") or gold.get("venue")):
        out.append("a negative must have empty fields")
    for field in ("date_text", "venue"):
        if gold.get(field) and gold[field] not in text:
            out.append(f"{field} is not verbatim in the text: {gold[field]!r}")
    for goal in gold.get("goals") or []:
        if goal not in text:
            out.append(f"goal is not verbatim in the text: {goal[:60]!r}")
    for person in gold.get("attendees") or []:
        if set(person) != set(PERSON_KEYS):
            out.append(f"attendee keys must be {PERSON_KEYS}: {person}")
    if pass_name == "first":
        for key in ("url", "query", "outlet", "kind"):
            if not entry.get(key):
                out.append(f"missing {key}")
        if held_out(entry.get("url", "")):
            out.append("HELD OUT url")
    return out


def cmd_check(pass_name: str) -> int:
    entries = read_pass(pass_name)
    bad = 0
    for ident, entry in entries.items():
        for problem in problems(entry, pass_name):
            bad += 1
            print(f"{ident}: {problem}")
    print(f"{len(entries)} files in {pass_name}, {bad} problems")
    return 1 if bad else 0


DATELINE = re.compile(r"^.{0,60}?(?:\s[–—-]{1,2}\s|[\w.-]+\.(?:com|id|net|org)\b)", re.M)
STATED_PLACE = re.compile(r"\b(?:di|ke|bertempat di|berlangsung di|digelar di|dari)\s+$", re.I)


def dateline_only(venue: str | None, text: str) -> bool:
    """A venue the text names only in a dateline ('MEDAN – ...'): where the report was filed, not
    where the meeting was (dev-016 keeps such a venue null)."""
    if not venue or len(venue.split()) > 3:
        return False
    spans = [m.span() for m in DATELINE.finditer(text)]
    hits = [m.start() for m in re.finditer(re.escape(venue), text, re.I)]
    in_dateline = any(a <= h < b for h in hits for a, b in spans)
    return in_dateline and not any(STATED_PLACE.search(text, max(0, h - 25), h) for h in hits)


def gold_record(entry: dict, text: str | None = None) -> dict:
    record = {"id": entry["id"], **entry["gold"]}
    if text is not None and dateline_only(record.get("venue"), text):
        record["venue"] = None
    return record


def cmd_agree() -> int:
    sys.path.insert(0, str(REAL.parent.parent))
    from extractor.scoring import score

    first, second = read_pass("first"), read_pass("second")
    common = sorted(set(first) & set(second))
    figures = score({i: gold_record(second[i]) for i in common}, {i: gold_record(first[i]) for i in common},
                    REAL.parent / "aliases.csv")
    print(json.dumps({k: v for k, v in figures.items() if k != "worst"}, indent=1))
    return 0


def goal_offsets(text: str, goals: list[str]) -> list[list[int]]:
    spans, start = [], 0
    for goal in goals:
        at = text.find(goal, start)
        at = at if at >= 0 else text.find(goal)
        spans.append([at, at + len(goal)])
        start = at + len(goal)
    return spans


def cmd_build() -> int:
    first = read_pass("first")
    final = {**first, **read_pass("final")}  # the checked record where the second pass has written it
    manifest, gold = [], []
    for ident, entry in sorted(final.items()):
        meta = {**first.get(ident, {}), **{k: v for k, v in entry.items() if k != "gold"}}  # the checked group
        text = (TEXTS / f"{ident}.txt").read_text(encoding="utf-8")
        manifest.append({"id": ident, "url": meta["url"], "query": meta["query"], "outlet": meta.get("outlet"),
                         "province": meta.get("province"), "year": meta.get("year"), "kind": meta.get("kind"),
                         "topic": meta.get("topic"), "group": meta.get("group"), "chars": len(text),
                         "sha256": text_hash(text), "split": split_of(meta["url"])})
        record = gold_record(entry, text)
        record["goals"] = goal_offsets(text, record.get("goals") or [])
        gold.append(record)
    with (REAL / "manifest.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in manifest)
    with (REAL / "gold.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in gold)
    print(f"{len(manifest)} articles")
    return 0


def cmd_stats() -> int:
    from collections import Counter

    rows = [json.loads(line) for line in (REAL / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = {r["id"]: r for r in map(json.loads, (REAL / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    reports = [r for r in rows if gold[r["id"]]["is_meeting_report"]]
    groups = Counter(r["group"] for r in reports if r.get("group"))
    kinds = Counter(read_pass("first")[r["id"]].get("outlet_kind") for r in rows)
    table = {
        "articles": len(rows), "reports": len(reports), "negatives": len(rows) - len(reports),
        "provinces": len({r["province"] for r in rows if r.get("province")}),
        "outlets": len({r["outlet"] for r in rows}), "years": f"{min(r['year'] for r in rows if r.get('year'))}-{max(r['year'] for r in rows if r.get('year'))}",
        "same-meeting groups (2+ outlets)": sum(n > 1 for n in groups.values()),
        "splits": dict(Counter(r["split"] for r in rows)), "outlet kinds": dict(kinds),
    }
    print(json.dumps(table, indent=1, ensure_ascii=False))
    return 0


def cmd_restore(files: list[str]) -> int:
    wanted = {row["url"]: row for row in map(json.loads, (REAL / "manifest.jsonl").read_text().splitlines())}
    TEXTS.mkdir(parents=True, exist_ok=True)
    restored = 0
    for name in files:
        answer = json.loads(Path(name).read_text(encoding="utf-8"))
        for result in answer.get("results", []):
            row = wanted.get(result.get("url"))
            if row and text_hash(result["excerpt"]) == row["sha256"]:
                (TEXTS / f"{row['id']}.txt").write_text(result["excerpt"], encoding="utf-8")
                restored += 1
            elif row:
                print(f"{row['id']}: the answer's text differs from the manifest hash")
    print(f"{restored} texts restored")
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "new":
        return max(cmd_new(url) for url in rest)
    if command == "check":
        return cmd_check(rest[0] if rest else "first")
    if command == "agree":
        return cmd_agree()
    if command == "build":
        return cmd_build()
    if command == "stats":
        return cmd_stats()
    if command == "restore":
        return cmd_restore(rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
