"""Evaluation of a stand-off corpus: texts in a local cache checked against the manifest, goals as offsets."""
import hashlib
import json

import pytest

from extractor.evaluate import MissingTexts, evaluate

TEXT = ("Polres Malang menggelar rapat koordinasi pengamanan Pilkada di Aula Polres Malang, Kamis (21/11/2024). "
        "Rakor bertujuan untuk memastikan kesiapan pengamanan distribusi logistik.")
GOAL = "memastikan kesiapan pengamanan distribusi logistik"


def _corpus(tmp_path, text=TEXT, cached=True):
    folder = tmp_path / "real"
    (folder / "cache" / "text").mkdir(parents=True)
    start = TEXT.index(GOAL)
    gold = {"id": "real-1", "is_meeting_report": True, "meeting_date": "2024-11-21", "date_text": "Kamis (21/11/2024)",
            "venue": "Aula Polres Malang", "host": "Polres Malang", "attendees": [], "participant_count": None,
            "goals": [[start, start + len(GOAL)]]}
    manifest = {"id": "real-1", "url": "https://example.id/2024/11/21/rakor", "split": "dev",
                "sha256": hashlib.sha256(TEXT.encode()).hexdigest(), "group": None}
    (folder / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    (folder / "manifest.jsonl").write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    if cached:
        (folder / "cache" / "text" / "real-1.txt").write_text(text, encoding="utf-8")
    return folder / "gold.jsonl"


def test_goal_offsets_are_read_from_the_cached_text(tmp_path):
    figures = evaluate(_corpus(tmp_path), part="dev", use_ner=False)
    assert figures["articles"] == 1
    assert figures["goals"]["recall"] == 1.0 and figures["meeting_date"]["accuracy"] == 1.0
    assert evaluate(_corpus(tmp_path / "b"), part="test", use_ner=False)["articles"] == 0


@pytest.mark.parametrize("text, cached, says", [(TEXT, False, "1 texts missing"), (TEXT + " ", True, "1 changed")])
def test_missing_or_changed_texts_are_named(tmp_path, text, cached, says):
    with pytest.raises(MissingTexts, match=says):
        evaluate(_corpus(tmp_path, text, cached), use_ner=False)
