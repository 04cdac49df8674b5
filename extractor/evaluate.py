"""Evaluation against a gold file: find the inputs the gold describes, extract, score."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from extractor.scoring import score

INPUT_SUFFIXES = (".html", ".htm", ".txt", ".md")
HELD_OUT_EVERY = 5


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


def in_slice(doc_id: str, part: str) -> bool:
    """The held-out slice is every fifth dev article (chosen before any rule was written)."""
    if part == "all":
        return True
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


def predict(paths: Iterable[Path], use_ner: bool = True) -> dict[str, dict]:
    from extractor.pipeline import extract_record
    from extractor.sources import iter_documents

    return {
        r.doc_id: r.model_dump()
        for r in (extract_record(raw, use_ner) for raw in iter_documents([str(p) for p in paths]))
    }


def evaluate(gold_path: Path, pred_path: Path | None = None, part: str = "all", use_ner: bool = True,
             aliases: Path | None = None) -> dict:
    gold = {k: v for k, v in read_jsonl(gold_path).items() if in_slice(k, part)}
    if pred_path is not None:
        pred = read_jsonl(pred_path)
    else:
        inputs = [p for p in (input_for(gold_path, doc_id) for doc_id in gold) if p is not None]
        pred = predict(inputs, use_ner)
    if aliases is None:
        candidate = gold_path.parent / "aliases.csv"
        aliases = candidate if candidate.exists() else gold_path.parent.parent / "aliases.csv"
    return score(pred, gold, aliases if aliases.exists() else None)


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
    if figures["worst"]:
        lines.append("  worst articles:")
        for item in figures["worst"]:
            lines.append(f"    {item['doc_id']}: " + "; ".join(item["errors"]))
    return "\n".join(lines)
