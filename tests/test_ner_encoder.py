"""The BiLSTM encoder of the NER tok2vec: sentence-wide context, numpy only, saved with the model."""
from __future__ import annotations

import sys

import numpy
from spacy.ml.models import MaxoutWindowEncoder
from spacy.util import registry
from thinc.api import fix_random_seed

from extractor import ner_encoder  # noqa: F401  (registers rakor.BiLSTMEncoder.v1)


def _sentences(lengths, width=8, seed=0):
    rng = numpy.random.default_rng(seed)
    return [rng.standard_normal((n, width)).astype("float32") for n in lengths]


def _cnn():
    return MaxoutWindowEncoder(width=8, depth=1, window_size=1, maxout_pieces=2)


def _encoder():
    return registry.architectures.get("rakor.BiLSTMEncoder.v1")(width=8, depth=1, window=_cnn())


def test_one_vector_of_the_width_per_token_for_ragged_sentences():
    model = _encoder()
    X = _sentences([3, 12, 1])
    model.initialize(X=X)
    assert [y.shape for y in model.predict(X)] == [(3, 8), (12, 8), (1, 8)]


def test_the_first_word_sees_the_last_one_beyond_the_cnn_window():
    fix_random_seed(0)
    cnn_only, model = _cnn(), _encoder()
    X = _sentences([6])
    changed = [X[0].copy()]
    changed[0][-1] += 5.0  # only the 6th word differs, out of the CNN's one-word reach
    for m in (cnn_only, model):
        m.initialize(X=X)
    first = lambda m, x: m.predict(x)[0][0]
    assert numpy.array_equal(first(cnn_only, X), first(cnn_only, changed))
    assert numpy.abs(first(model, X) - first(model, changed)).max() > 1e-3


def test_weights_round_trip_and_torch_is_not_needed():
    model = _encoder()
    X = _sentences([5, 7])
    model.initialize(X=X)
    fresh = _encoder()
    fresh.initialize(X=X)
    fresh.from_bytes(model.to_bytes())
    assert all(numpy.allclose(a, b) for a, b in zip(model.predict(X), fresh.predict(X)))
    assert "torch" not in sys.modules
