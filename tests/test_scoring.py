"""`rakor eval` figures on a hand-made gold/prediction pair, computed by hand in the comments."""
from pathlib import Path

import pytest

from extractor.evaluate import evaluate, in_slice
from extractor.scoring import expand_aliases, normalise, token_f1

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def figures():
    return evaluate(DATA / "eval_gold.jsonl", DATA / "eval_pred.jsonl", aliases=DATA / "eval_aliases.csv")


def test_normalise_treats_punctuation_as_space():
    assert normalise("Hal-hal  penting, (Kab.)") == "hal hal penting kab"
    assert normalise("hal – hal") == normalise("hal-hal")


def test_alias_expansion():
    assert expand_aliases("Pemkab Lebak", DATA / "eval_aliases.csv") == "pemerintah kabupaten lebak"


def test_token_f1_at_the_match_threshold():
    # 2 shared tokens of 3 predicted and 5 gold: P 2/3, R 2/5, F1 exactly 0.5.
    assert token_f1("di aula bhayangkara", "aula bhayangkara polres pesisir selatan") == pytest.approx(0.5)


def test_relevance(figures):
    # a: T/T, b: gold F predicted T, c: T/T.
    assert figures["is_meeting_report"] == pytest.approx({"accuracy": 2 / 3, "precision": 2 / 3, "recall": 1.0})


def test_exact_fields(figures):
    assert figures["meeting_date"]["accuracy"] == pytest.approx(2 / 3)  # c matches its meeting_date_alt
    assert figures["venue"]["accuracy"] == pytest.approx(2 / 3)  # a at F1 0.5, b both null
    assert figures["host"]["accuracy"] == pytest.approx(1.0)  # aliases expanded on both sides
    assert figures["participant_count"]["accuracy"] == pytest.approx(2 / 3)


def test_set_fields(figures):
    assert figures["persons"] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})
    assert figures["institutions"] == pytest.approx({"precision": 1.0, "recall": 2 / 3, "f1": 0.8})
    assert figures["goals"] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})


def test_worst_articles_name_what_was_wrong(figures):
    worst = {w["doc_id"]: w["errors"] for w in figures["worst"]}
    assert worst["b"][0].startswith("is_meeting_report True")
    assert any(e.startswith("participant_count 60") for e in worst["a"])


def test_held_out_slice_is_every_fifth_article():
    assert in_slice("dev-010", "heldout") and not in_slice("dev-011", "heldout")
    assert in_slice("dev-011", "tuning") and in_slice("dev-010", "all")
