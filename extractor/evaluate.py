"""Evaluation against a gold file: find the inputs the gold describes, extract, score.

A stand-off corpus (corpus/real) keeps a manifest beside its gold: the texts live in a local
cache (cache/text/<id>.txt), checked against the manifest's hashes, and goals are offsets into
them; the manifest's split selects train, dev or test.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from extractor.article import RawDocument
from extractor.scoring import score

INPUT_SUFFIXES = (".html", ".htm", ".txt", ".md")
HELD_OUT_EVERY = 5
SPLITS = ("train", "dev", "test")
CACHE_TEXTS = Path("cache") / "text"


class MissingTexts(Exception):
    """The texts a stand-off gold file points to are not in the local cache (or differ from it)."""


def default_corpus() -> Path:
    """corpus/ of the working directory, else of the repository the package runs from."""
    here = Path("corpus")
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "corpus"


def read_jsonl(path: Path) -> dict[str, dict]:
    records = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[record.get("id") or record.get("doc_id")] = record
    return records


def read_manifest(gold_path: Path) -> dict[str, dict]:
    """The manifest of a stand-off corpus beside its gold file ({} for a corpus with its texts)."""
    path = gold_path.parent / "manifest.jsonl"
    return read_jsonl(path) if path.exists() else {}


def in_slice(doc_id: str, part: str, manifest: dict[str, dict] | None = None) -> bool:
    """A manifest's split (train/dev/test), or for dev the held-out slice: every fifth
    article (chosen before any rule was written)."""
    if part == "all":
        return True
    if part in SPLITS:
        return bool(manifest) and manifest.get(doc_id, {}).get("split") == part
    digits = "".join(ch for ch in doc_id.split("-")[-1] if ch.isdigit())
    held_out = bool(digits) and int(digits) % HELD_OUT_EVERY == 0
    return held_out if part == "heldout" else not held_out


def input_for(gold_path: Path, doc_id: str) -> Path | None:
    """The page a gold id refers to: beside the gold file or in its html/ folder."""
    for folder in (gold_path.parent, gold_path.parent / "html"):
        for suffix in INPUT_SUFFIXES:
            candidate = folder / f"{doc_id}{suffix}"
            if candidate.exists():
                return candidate
    return None


def cached_texts(gold_path: Path, manifest: dict[str, dict], ids: Iterable[str]) -> dict[str, str]:
    """The cached text of each id, checked against the manifest hash; MissingTexts says which are
    absent or changed and how to fill the cache again."""
    folder = gold_path.parent / CACHE_TEXTS
    texts, missing, changed = {}, [], []
    for doc_id in ids:
        path = folder / f"{doc_id}.txt"
        if not path.exists():
            missing.append(doc_id)
            continue
        text = path.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != manifest[doc_id]["sha256"]:
            changed.append(doc_id)
        texts[doc_id] = text
    if missing or changed:
        raise MissingTexts(
            f"{len(missing)} texts missing and {len(changed)} changed in {folder} "
            f"(first: {', '.join((missing + changed)[:5])}); fill the cache as {gold_path.parent}/README.md says")
    return texts


def gold_with_text(record: dict, text: str) -> dict:
    """Goals stored as [start, end] offsets become the clauses they point to."""
    goals = [text[g[0]:g[1]] if isinstance(g, list) else g for g in record.get("goals") or []]
    return {**record, "goals": goals}


def predict(paths: Iterable[Path], use_ner: bool = True) -> dict[str, dict]:
    from extractor.sources import iter_documents

    return predict_documents(iter_documents([str(p) for p in paths]), use_ner)


def predict_documents(documents: Iterable[RawDocument], use_ner: bool = True) -> dict[str, dict]:
    from extractor.pipeline import extract_record

    return {r.doc_id: r.model_dump() for r in (extract_record(raw, use_ner) for raw in documents)}


def evaluate(gold_path: Path, pred_path: Path | None = None, part: str = "all", use_ner: bool = True,
             aliases: Path | None = None) -> dict:
    manifest = read_manifest(gold_path)
    gold = {k: v for k, v in read_jsonl(gold_path).items() if in_slice(k, part, manifest)}
    if manifest:
        texts = cached_texts(gold_path, manifest, gold)
        gold = {k: gold_with_text(v, texts[k]) for k, v in gold.items()}
    if pred_path is not None:
        pred = read_jsonl(pred_path)
    elif manifest:
        pred = predict_documents((RawDocument(doc_id=k, source=f"{gold_path.parent.name}/{k}", content=texts[k],
                                              kind="text", url=manifest[k]["url"]) for k in gold), use_ner)
    else:
        inputs = [p for p in (input_for(gold_path, doc_id) for doc_id in gold) if p is not None]
        pred = predict(inputs, use_ner)
    if aliases is None:
        candidate = gold_path.parent / "aliases.csv"
        aliases = candidate if candidate.exists() else gold_path.parent.parent / "aliases.csv"
    aliases = aliases if aliases.exists() else None
    figures = score(pred, gold, aliases)
    if any(row.get("group") for row in manifest.values()):
        figures["merge"] = merge_figures(pred, gold, manifest, aliases)
    return figures


def merge_figures(pred: dict[str, dict], gold: dict[str, dict], manifest: dict[str, dict],
                  aliases: Path | None) -> dict:
    """Pairwise precision and recall of `rakor merge` against the manifest's same-meeting groups:
    a pair is two articles put in one meeting."""
    from itertools import combinations

    from extractor.merge import group_records, read_record

    reports = [read_record(json.dumps(pred[k])) for k in sorted(gold) if k in pred and pred[k].get("is_meeting_report")]
    predicted = {tuple(sorted(pair)) for group in group_records(reports, aliases)
                 for pair in combinations([r.doc_id for r in group], 2)}
    by_group: dict[str, list[str]] = {}
    for k in gold:
        if gold[k].get("is_meeting_report") and manifest.get(k, {}).get("group"):
            by_group.setdefault(manifest[k]["group"], []).append(k)
    expected = {tuple(sorted(pair)) for members in by_group.values() for pair in combinations(members, 2)}
    hits = len(predicted & expected)
    return {"groups": sum(len(m) > 1 for m in by_group.values()), "gold_pairs": len(expected),
            "predicted_pairs": len(predicted), "precision": hits / len(predicted) if predicted else 1.0,
            "recall": hits / len(expected) if expected else 1.0}


def format_figures(figures: dict, label: str) -> str:
    rel = figures["is_meeting_report"]
    lines = [
        f"{label}: {figures['articles']} articles",
        f"  is_meeting_report   accuracy {rel['accuracy']:.3f}  precision {rel['precision']:.3f}  recall {rel['recall']:.3f}",
    ]
    for name in ("meeting_date", "venue", "host", "participant_count"):
        lines.append(f"  {name:<19} accuracy {figures[name]['accuracy']:.3f}")
    for name in ("persons", "institutions", "goals"):
        f = figures[name]
        lines.append(f"  {name:<19} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    if "merge" in figures:
        m = figures["merge"]
        lines.append(f"  merge (pairwise)    P {m['precision']:.3f}  R {m['recall']:.3f}  "
                     f"({m['predicted_pairs']} pairs predicted, {m['gold_pairs']} in {m['groups']} gold groups)")
    if figures["worst"]:
        lines.append("  worst articles:")
        for item in figures["worst"]:
            lines.append(f"    {item['doc_id']}: " + "; ".join(item["errors"]))
    return "\n".join(lines)
