"""Lexicon features of the NER model: lookups by token hash, stored in and restored from the weights."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import NORM, SHAPE

from extractor import ner_lexicon
from extractor.nlp import model_path

CASED = {"Budi": (1, 2, 0, 0, 8), "Jakarta": (0, 0, 1, 5, 5), "Heights": (0, 3, 2, 0, 0)}
LOWER = {"rapat": (4, 0), "the": (2, 7), "budi": (3, 1)}


def _embed(width: int = 8):
    return ner_lexicon.lexicon_hash_embed(width, ["NORM", "SHAPE"], [100, 50], lexicon_rows=8)


def test_lookup_returns_codes_of_known_hashes_and_zeros_elsewhere():
    table = ner_lexicon._table(CASED, 5)
    hashes = numpy.array([spacy.strings.hash_string(w) for w in ("Jakarta", "Bandung", "Budi")], dtype="uint64")
    assert ner_lexicon.lookup(table, hashes).tolist() == [[0, 0, 1, 5, 5], [0] * 5, [1, 2, 0, 0, 8]]
    assert ner_lexicon.lookup(ner_lexicon._empty(3), hashes).tolist() == [[0, 0, 0]] * 3


def test_features_are_the_attrs_then_cased_then_lower_codes():
    nlp = spacy.blank("id")
    model = _embed()
    assert ner_lexicon.install(model, CASED, LOWER) == 1
    features = next(n for n in model.walk() if n.name == ner_lexicon.LAYER_NAME)
    doc = nlp("Budi rapat di Jakarta the end")
    cols = features.predict([doc])[0]
    assert cols.shape == (6, 2 + 5 + 2)
    assert cols[:, :2].tolist() == doc.to_array([NORM, SHAPE]).tolist()
    assert cols[0, 2:].tolist() == [1, 2, 0, 0, 8, 3, 1]  # "Budi": names, a village word; "budi" common
    assert cols[1, 2:].tolist() == [0, 0, 0, 0, 0, 4, 0]  # "rapat": only lower-cased Indonesian
    assert cols[3, 2:].tolist() == [0, 0, 1, 5, 5, 0, 0]
    assert cols[4, 2:].tolist() == [0, 0, 0, 0, 0, 2, 7]
    assert cols[2, 2:].tolist() == cols[5, 2:].tolist() == [0] * 7


def test_lexicon_travels_with_the_weights():
    nlp = spacy.blank("id")
    trained = _embed()
    ner_lexicon.install(trained, CASED, LOWER)
    trained.initialize(X=[nlp("Budi di Jakarta")])
    loaded = _embed().from_bytes(trained.to_bytes())
    doc = nlp("Budi di Jakarta")
    numpy.testing.assert_allclose(loaded.predict([doc])[0], trained.predict([doc])[0])
    layer = next(n for n in loaded.walk() if n.name == ner_lexicon.LAYER_NAME)
    assert len(layer.attrs["cased_keys"]) == len(CASED)


def test_static_vectors_are_refused():
    with pytest.raises(ValueError, match="static vectors"):
        ner_lexicon.lexicon_hash_embed(8, ["NORM"], [100], include_static_vectors=True)


@pytest.mark.skipif(model_path() is None, reason="models/rakor-ner-id not built")
def test_shipped_model_carries_its_lexicon():
    nlp = spacy.load(model_path())
    layer = next(n for n in nlp.get_pipe("ner").model.walk() if n.name == ner_lexicon.LAYER_NAME)
    assert len(layer.attrs["cased_keys"]) > 100_000 and len(layer.attrs["lower_keys"]) > 50_000
    doc = nlp.make_doc("Kapolres Budi Santoso hadir di Jakarta")
    columns = [*ner_lexicon.CASED_COLUMNS, *ner_lexicon.LOWER_COLUMNS]
    rows = layer.predict([doc])[0][:, -len(columns):].tolist()
    codes = {t.text: dict(zip(columns, row)) for t, row in zip(doc, rows)}
    kinds = {kind: code for code, kind in enumerate(ner_lexicon.GAZETTEER_KINDS, start=1)}
    assert codes["Budi"]["first_name"] == 1
    assert codes["Jakarta"]["place"] == 1
    assert codes["Jakarta"]["indonesian_region"] in (1, 5)  # a word of "DKI Jakarta", a province
    assert codes["Kapolres"]["rakor_gazetteer"] == kinds["role"]
    assert codes["di"]["zipf_id"] > codes["Kapolres"]["zipf_id"]  # more common in Indonesian


def test_building_without_the_training_word_lists_says_what_to_install(monkeypatch):
    # every other list installed, whatever this environment has
    monkeypatch.setattr(ner_lexicon.importlib.util, "find_spec",
                        lambda name: None if name == "wordfreq" else object())
    with pytest.raises(RuntimeError, match=r"built from wordfreq, not installed: pip install '\.\[train\]'"):
        ner_lexicon.build()


def test_gazetteer_words_are_coded_by_kind():
    words = ner_lexicon._gazetteer_words()
    kinds = {kind: code for code, kind in enumerate(ner_lexicon.GAZETTEER_KINDS, start=1)}
    assert words["Kapolres"] == kinds["role"]
    assert words["AKBP"] == kinds["rank"]
    assert words["Bawaslu"] == kinds["institution"]
    assert words["Lombok"] == kinds["region"]
    assert "rapat" not in words and all(w[:1].isupper() for w in words)


def test_indonesian_region_words_are_coded_by_level_whole_names_first(tmp_path, monkeypatch):
    import gzip
    import importlib.resources
    import json

    (tmp_path / "data").mkdir()
    wilayah = {"35": "Jawa Timur", "35.07": "Kabupaten Malang", "35.73": "Kota Malang",
               "35.07.01": "Donomulyo", "71.01.01": "Bolaang Mongondow Timur"}
    desa = {"35.07.01.2001": "Tulungrejo", "35.07.01.2002": "Purwodadi Baru", "71.01.01.2001": "Malang"}
    for name, data in (("wilayah", wilayah), ("desa", desa)):
        (tmp_path / "data" / f"{name}.json.gz").write_bytes(gzip.compress(json.dumps(data).encode()))
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    codes = ner_lexicon._indonesian_regions()
    assert codes["Jawa"] == codes["Timur"] == 5  # words of a province's two-word name
    assert codes["Malang"] == 2  # regency and city, "Kabupaten"/"Kota" cut; also a village, less general
    assert codes["Donomulyo"] == 3 and codes["Tulungrejo"] == 4
    assert codes["Purwodadi"] == codes["Baru"] == 8
    assert codes["Mongondow"] == 7
    assert "Kabupaten" not in codes and "Kota" not in codes
