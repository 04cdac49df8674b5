"""The shipped NER pipeline (models/rakor-ner-id): loadable offline, small, documented, useful.

Skipped when the model directory is absent (it is built by `python -m extractor.ner_train`).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from extractor.ner_train import is_held_out  # noqa: E402
from extractor.nlp import model_path as ner_model_path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MODEL = ner_model_path()
MAX_BYTES = 25 * 1024 * 1024

pytestmark = pytest.mark.skipif(MODEL is None, reason="models/rakor-ner-id not built")

# Paragraphs of training-side dev articles (never the held-out multiples of 5) and the
# gold strings (corpus/dev/gold.jsonl) that the model should find in them.
CASES = [
    ("dev-001", 5, ["Rendra Wicaksono", "Ruslan Harun", "Yuliandri Syafitri", "Andika Putra"],
     ["KPU Kabupaten Pesisir Selatan", "Bawaslu Pesisir Selatan", "Polres Pesisir Selatan"]),
    ("dev-031", 5, ["Lalu Ahmad Fauzi", "I Made Sudarsana", "Syamsul Bahri"],
     ["KPU Kabupaten Lombok Timur", "Polres Lombok Timur", "Bawaslu Lombok Timur"]),
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


def test_model_path_env_override(monkeypatch, tmp_path):
    monkeypatch.delenv("RAKOR_NER_MODEL", raising=False)
    shipped = ner_model_path()
    assert shipped is None or shipped == REPO / "models" / "rakor-ner-id"
    monkeypatch.setenv("RAKOR_NER_MODEL", str(tmp_path / "nowhere"))
    assert ner_model_path() == shipped  # a missing override falls back to the shipped model
    monkeypatch.setenv("RAKOR_NER_MODEL", str(MODEL))
    assert ner_model_path() == Path(MODEL)


def test_size_under_limit():
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < MAX_BYTES


def test_pipeline_is_self_contained_ner(nlp):
    assert nlp.lang == "id"
    assert nlp.pipe_names == ["ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_meta_has_figures():
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    rakor = meta["rakor"]
    assert {"idner-news-2k", "nergrit"} <= set(rakor["sources"])
    assert all(src["licence"] for src in rakor["sources"].values())
    assert rakor["command"].startswith("rakor train-ner --ner-dir")
    assert isinstance(rakor["seed"], int)
    for split in ("idner-news-2k_test", "nergrit_test"):
        res = rakor["test"][split]
        assert 0.0 < res["f"] <= 1.0
        assert set(res["per_type"]) == {"PER", "ORG", "LOC"}
        assert all({"p", "r", "f"} <= set(s) for s in res["per_type"].values())
    held = rakor["held_out_dev"]
    assert held["articles"] and all(is_held_out(a) for a in held["articles"])
    assert 0.0 <= held["PER"]["recall_exact"] <= 1.0
    assert 0.0 <= held["ORG"]["recall_exact"] <= 1.0
    assert rakor["training"]["train_seconds"] > 0
    ablation = rakor["field_ablation"]
    for corpus in ("dev", "dev_heldout", "seeds", "fresh"):
        for mode in ("with", "without"):
            assert 0.0 < ablation[f"{corpus}_{mode}_ner"]["persons"] <= 1.0


@pytest.mark.parametrize(("doc_id", "line", "names", "orgs"), CASES)
def test_finds_gold_entities(nlp, doc_id, line, names, orgs):
    assert not is_held_out(doc_id)
    text = (REPO / "corpus" / "dev" / "clean" / f"{doc_id}.txt").read_text(encoding="utf-8")
    para = text.splitlines()[line - 1]
    doc = nlp(para)
    per = {e.text for e in doc.ents if e.label_ == "PER"}
    org = [e.text for e in doc.ents if e.label_ == "ORG"]
    found_names = [n for n in names if n in para and any(n in p or p in n for p in per)]
    found_orgs = [o for o in orgs if o in para and any(o in e or e in o for e in org)]
    assert len(found_names) >= 2, (per, org)
    assert found_orgs, (per, org)


def test_ner_can_be_sourced_into_blank_pipeline(nlp):
    target = spacy.blank("id")
    target.add_pipe("ner", source=nlp)
    doc = target("Ketua Bawaslu Pesisir Selatan Andika Putra hadir dalam rapat koordinasi.")
    assert target.pipe_names == ["ner"]
    assert any(e.label_ == "PER" and "Andika" in e.text for e in doc.ents)


def test_pipeline_gives_the_model_s_entities_of_a_sentence_that_lists_participants(nlp):
    from extractor.nlp import build_pipeline

    sentence = ("Rapat koordinasi itu dihadiri Kapolres Pesisir Selatan AKBP Rendra Wicaksono, Ketua KPU Kabupaten "
                "Pesisir Selatan Yuliandri Syafitri dan Ketua Bawaslu Pesisir Selatan Andika Putra.")
    title = "Rakor Pengamanan Pilkada di Painan"
    pipeline = build_pipeline(use_ner=True)
    doc = pipeline.make_doc(f"{title}\n\nPolres Pesisir Selatan menggelar rakor di Aula Bhayangkara, Senin "
                            f"(14/10/2024). {sentence}")
    doc._.body_start = len(title) + 2
    doc = pipeline(doc)
    offset = doc.text.index(sentence)
    alone = {(e.start_char + offset, e.end_char + offset, e.label_) for e in nlp(sentence).ents}
    read = doc._.sentence_entities(offset, offset + len(sentence))
    assert {(e.start_char, e.end_char, e.label_) for e in read} == alone
    assert any(label == "PER" for _, _, label in alone)


def test_a_report_whose_participants_the_rules_read_runs_no_ner():
    from extractor.nlp import build_pipeline

    pipeline = build_pipeline(use_ner=True)
    doc = pipeline.make_doc("Rakor Pilkada\n\nPolres Pesisir Selatan menggelar rakor di Aula Bhayangkara, Senin "
                            "(14/10/2024). Rapat dihadiri Kapolres Pesisir Selatan AKBP Rendra Wicaksono.")
    doc._.body_start = len("Rakor Pilkada") + 2
    doc = pipeline(doc)
    assert doc._.record.attendees[0].name == "Rendra Wicaksono"
    assert doc._.sentence_entities.found == {}


def test_plain_spacy_load_resolves_rakor_architectures_through_entry_points(tmp_path):
    """A fresh interpreter that never imports extractor loads the model: spaCy finds the
    rakor.* architectures through the package's entry points."""
    import subprocess
    import sys

    script = ("import sys, spacy\n"
              f"nlp = spacy.load({str(MODEL)!r})\n"
              "doc = nlp('Kapolres Malang AKBP Putu Kholis Aryana memimpin rapat di Polres Malang.')\n"
              "print(sorted({e.label_ for e in doc.ents}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "PER" in done.stdout
