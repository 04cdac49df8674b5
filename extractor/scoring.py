"""Scores predicted records against gold exactly as corpus/ANNOTATION.md ("Scoring") defines."""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MATCH_F1 = 0.5
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)


def normalise(text: str | None) -> str:
    """Lower-case, every punctuation character to a space, whitespace collapsed."""
    if not text:
        return ""
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


@lru_cache(maxsize=4)
def _alias_table(path: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        table = {normalise(row["short"]): normalise(row["long"]) for row in csv.DictReader(handle)}
    if not table:
        return None, table
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, keys)) + r")\b"), table


def expand_aliases(text: str | None, aliases: Path | None) -> str:
    """Normalise and expand short institution forms ("pemkab" -> "pemerintah kabupaten")."""
    norm = normalise(text)
    if aliases is None or not norm:
        return norm
    pattern, table = _alias_table(str(aliases))
    return pattern.sub(lambda m: table[m.group(1)], norm) if pattern else norm


def token_f1(a: str, b: str) -> float:
    """Bag-of-tokens F1 of two already normalised strings."""
    ta, tb = Counter(a.split()), Counter(b.split())
    overlap = sum((ta & tb).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ta.values()), overlap / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def match_count(pred: list[str], gold: list[str]) -> int:
    """Greedy one-to-one matching at token F1 >= 0.5, best pairs first."""
    pairs = sorted(
        ((token_f1(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for score, i, j in pairs:
        if score < MATCH_F1:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


@dataclass(slots=True)
class SetCounts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def figures(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)
        r = self.tp / self.n_gold if self.n_gold else (1.0 if not self.n_pred else 0.0)
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass(slots=True)
class ArticleScore:
    doc_id: str
    errors: list[str] = field(default_factory=list)
    loss: float = 0.0


def _persons(record: dict) -> list[str]:
    return [normalise(a.get("name")) for a in record.get("attendees") or [] if a.get("name")]


def _institutions(record: dict, aliases: Path | None) -> list[str]:
    found = [expand_aliases(a.get("institution"), aliases) for a in record.get("attendees") or []]
    return sorted({i for i in found if i})


def _string_correct(pred: str | None, gold: str | None, aliases: Path | None = None) -> bool:
    if not pred and not gold:
        return True
    if not pred or not gold:
        return False
    return token_f1(expand_aliases(pred, aliases), expand_aliases(gold, aliases)) >= MATCH_F1


def score(pred: dict[str, dict], gold: dict[str, dict], aliases: Path | None = None) -> dict:
    """Per-field figures over every gold article; a missing prediction counts as an empty one."""
    rel = Counter()
    exact = Counter()
    persons, institutions, goals = SetCounts(), SetCounts(), SetCounts()
    articles: list[ArticleScore] = []
    for doc_id, g in gold.items():
        p = pred.get(doc_id) or {}
        art = ArticleScore(doc_id)
        if p.get("error"):
            art.errors.append(f"error: {p['error']}")
        g_rel, p_rel = bool(g.get("is_meeting_report")), bool(p.get("is_meeting_report"))
        rel["correct"] += g_rel == p_rel
        rel["tp"] += g_rel and p_rel
        rel["pred"] += p_rel
        rel["gold"] += g_rel
        if g_rel != p_rel:
            art.errors.append(f"is_meeting_report {p_rel} (gold {g_rel})")
            art.loss += 3
        dates = {g.get("meeting_date"), *(g.get("meeting_date_alt") or [])}
        date_ok = p.get("meeting_date") in dates or (not p.get("meeting_date") and not g.get("meeting_date"))
        checks = {
            "meeting_date": (date_ok, p.get("meeting_date"), g.get("meeting_date")),
            "venue": (_string_correct(p.get("venue"), g.get("venue")), p.get("venue"), g.get("venue")),
            "host": (_string_correct(p.get("host"), g.get("host"), aliases), p.get("host"), g.get("host")),
            "participant_count": (
                p.get("participant_count") == g.get("participant_count"),
                p.get("participant_count"), g.get("participant_count"),
            ),
        }
        for name, (ok, pv, gv) in checks.items():
            exact[name] += ok
            if not ok:
                art.errors.append(f"{name} {pv!r} (gold {gv!r})")
                art.loss += 1
        for counts, label, pv, gv in (
            (persons, "persons", _persons(p), _persons(g)),
            (institutions, "institutions", _institutions(p, aliases), _institutions(g, aliases)),
            (goals, "goals", [normalise(x) for x in p.get("goals") or []], [normalise(x) for x in g.get("goals") or []]),
        ):
            tp = match_count(pv, gv)
            counts.add(tp, len(pv), len(gv))
            if tp < max(len(pv), len(gv)):
                art.errors.append(f"{label} {tp} matched of {len(pv)} predicted / {len(gv)} gold")
                art.loss += (len(pv) - tp + len(gv) - tp) / max(len(pv), len(gv))
        articles.append(art)
    n = len(gold) or 1
    rel_p = rel["tp"] / rel["pred"] if rel["pred"] else 0.0
    rel_r = rel["tp"] / rel["gold"] if rel["gold"] else 0.0
    return {
        "articles": len(gold),
        "is_meeting_report": {"accuracy": rel["correct"] / n, "precision": rel_p, "recall": rel_r},
        **{name: {"accuracy": exact[name] / n} for name in ("meeting_date", "venue", "host", "participant_count")},
        "persons": persons.figures(),
        "institutions": institutions.figures(),
        "goals": goals.figures(),
        "worst": [
            {"doc_id": a.doc_id, "errors": a.errors}
            for a in sorted(articles, key=lambda a: -a.loss)[:10] if a.errors
        ],
    }
