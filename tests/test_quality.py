"""Quality floors on the bundled corpus: a change that makes extraction worse fails CI.

Floors sit a little under the figures reached (see the closing notes of the field issues), on the
whole dev corpus, on its held-out slice (every fifth article, kept out of rule writing), on the
five real seed articles and on the fresh check set (corpus/fresh, written after the rules).
"""
import pytest

from extractor.evaluate import in_slice, input_for, predict
from extractor.scoring import score

FLOORS = {
    "all": {"meeting_date": 0.97, "venue": 0.97, "host": 0.97, "participant_count": 0.97,
            "persons": 0.95, "institutions": 0.9, "goals": 0.95},
    "heldout": {"meeting_date": 0.95, "venue": 0.95, "host": 0.95, "participant_count": 0.95,
                "persons": 0.9, "institutions": 0.85, "goals": 0.9},
    "fresh": {"meeting_date": 0.95, "venue": 0.95, "host": 0.95, "participant_count": 0.95,
              "persons": 0.9, "institutions": 0.85, "goals": 0.9},
    "seeds": {"meeting_date": 1.0, "venue": 1.0, "host": 1.0, "participant_count": 1.0,
              "persons": 0.85, "institutions": 0.85, "goals": 0.8},
}


# Meetings outside the project's scope since issue 19 (pre-election meetings only: a rakor on
# Natal and Tahun Baru security is a hard negative), which dev's gold, written before, marks as reports.
OUT_OF_SCOPE = {"dev-034"}


def in_scope(gold: dict[str, dict]) -> dict[str, dict]:
    """Gold with the out-of-scope meetings as negatives (every other field empty)."""
    negative = {"is_meeting_report": False, "meeting_date": None, "date_text": None, "venue": None, "host": None,
                "attendees": [], "participant_count": None, "goals": []}
    return {k: ({**v, **negative} if k in OUT_OF_SCOPE else v) for k, v in gold.items()}


@pytest.fixture(scope="module")
def dev_predictions(corpus, dev_gold):
    gold_path = corpus / "dev" / "gold.jsonl"
    return predict([input_for(gold_path, doc_id) for doc_id in dev_gold])


def _check(figures, floors):
    assert figures["is_meeting_report"]["accuracy"] == 1.0
    for field, floor in floors.items():
        value = figures[field]["accuracy"] if "accuracy" in figures[field] else figures[field]["f1"]
        assert value >= floor, f"{field} {value:.3f} < {floor}"


@pytest.mark.parametrize("part", ["all", "heldout"])
def test_dev_floors(part, dev_predictions, dev_gold, corpus):
    gold = in_scope({k: v for k, v in dev_gold.items() if in_slice(k, part)})
    _check(score(dev_predictions, gold, corpus / "aliases.csv"), FLOORS[part])


def test_seed_floors(corpus, seed_gold):
    gold_path = corpus / "seeds" / "gold.jsonl"
    pred = predict([input_for(gold_path, doc_id) for doc_id in seed_gold])
    _check(score(pred, seed_gold, corpus / "aliases.csv"), FLOORS["seeds"])


def test_fresh_floors(corpus, fresh_gold):
    gold_path = corpus / "fresh" / "gold.jsonl"
    pred = predict([input_for(gold_path, doc_id) for doc_id in fresh_gold])
    _check(score(pred, fresh_gold, corpus / "aliases.csv"), FLOORS["fresh"])
