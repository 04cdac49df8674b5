"""Sentence-wide context for the NER tok2vec: a bidirectional LSTM in thinc's own numpy ops.

spaCy's CNN encoder sees a few words either side; a BiLSTM over its output sees the whole
sentence, which names of places and organisations in long Indonesian noun phrases need (alone,
without the CNN, it trained worse: NERGrit 0.597 against 0.698). spaCy's own BiLSTM encoder runs
on PyTorch; thinc's LSTM does not, so the shipped model loads with spaCy alone.
"""
from __future__ import annotations

import spacy
from thinc.api import LSTM, Model, chain, residual, with_padded
from thinc.types import Floats2d


@spacy.registry.architectures("rakor.BiLSTMEncoder.v1")
def bilstm_encoder(width: int, depth: int, window: Model[list[Floats2d], list[Floats2d]],
                   dropout: float = 0.0) -> Model[list[Floats2d], list[Floats2d]]:
    """The CNN `window` encoder, then `depth` BiLSTM layers of `width` outputs (half per
    direction) added to its output."""
    return chain(window, residual(with_padded(LSTM(width, width, bi=True, depth=depth, dropout=dropout))))
