"""Pretrain the NER model's tok2vec on part-of-speech tagging: proper nouns in 33,000 sentences.

The NER data (4,000 sentences) shows a CNN few contexts in which names stand. kumparan's
POS-tagged news corpus, bundled in the MIT-licensed `nlp-id` package (`pip install '.[train]'`),
has 32,851 Indonesian news sentences (560,000 tokens, 65,000 of them tagged NNP, proper noun).
A tagger with exactly the NER component's tok2vec is trained on it first; its tok2vec weights
then start the NER training, which goes on from features that already tell a name's words from
the words around it. Only the weights travel into the model: the corpus is read at training time.
"""
from __future__ import annotations

import copy
import importlib.util
import random
from importlib import metadata
from pathlib import Path

from thinc.api import Config

SOURCE = {
    "package": "nlp-id",
    "about": "github.com/kumparan/nlp-id, MIT (nlp_id/data/dataset_postag.txt: kumparan news, "
             "token<TAB>POS tag, blank line between sentences)",
}


def pos_corpus_path() -> Path:
    """The POS corpus file of the installed `nlp-id` package (found without importing it:
    its package imports pull in network clients)."""
    spec = importlib.util.find_spec("nlp_id")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the NER tok2vec is pretrained on nlp-id's POS corpus, not installed: "
                           "pip install '.[train]' in the repository")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset_postag.txt"


def read_pos(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, tags) per sentence of a `token<TAB>tag` file; tags upper-cased, a second tag
    column (seven lines of the corpus have one) ignored."""
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        word, _, tag = line.partition("\t")
        tag = tag.partition("\t")[0]
        if word.strip() and tag.strip():
            words.append(word.strip())
            tags.append(tag.strip().upper())
    if words:
        sentences.append((words, tags))
    return sentences


def tagger_config(ner_config: Config) -> Config:
    """A one-component tagger pipeline whose tok2vec is the ner component's, layer for layer."""
    config = copy.deepcopy(ner_config.interpolate())
    tok2vec = config["components"]["ner"]["model"]["tok2vec"]
    config["nlp"]["pipeline"] = ["tagger"]
    config["components"] = {"tagger": {
        "factory": "tagger",
        "model": {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
                  "tok2vec": tok2vec},
    }}
    return config


def _batches(items: list, batch_words: int, rng: random.Random):
    """Endless batches of about `batch_words` words, reshuffled at each pass."""
    cursor = 0
    while True:
        batch, words = [], 0
        while words < batch_words:
            if cursor == len(items):
                rng.shuffle(items)
                cursor = 0
            batch.append(items[cursor])
            words += len(items[cursor])
            cursor += 1
        yield batch


def _pretrain_characters(nlp, tok2vec, docs: list, steps: int, seed: int, batch_words: int, log) -> None:
    """spaCy's `pretrain` characters objective on `tok2vec`: guess the first and last two
    characters of masked words from their context (a cloze task on raw text)."""
    from spacy.ml.models.multi_task import create_pretrain_characters
    from spacy.training.pretrain import make_update
    from thinc.api import Adam, set_dropout_rate

    model = create_pretrain_characters(maxout_pieces=3, hidden_size=300, n_characters=4)(nlp.vocab, tok2vec)
    model.initialize(X=docs[:100])
    set_dropout_rate(model, 0.2)
    optimizer = Adam(0.001)
    batches = _batches(docs, batch_words, random.Random(seed))
    for step in range(1, steps + 1):
        loss = make_update(model, next(batches), optimizer, model.attrs["loss"])
        if step % 500 == 0 or step == steps:
            log(f"character pretrain step {step:5d} loss {loss:10.1f}")


def pretrain_tok2vec(ner_config: Config, install_lexicon, sentences: list[tuple[list[str], list[str]]],
                     steps: int, seed: int = 0, batch_words: int = 1000, char_steps: int = 0,
                     log=print) -> tuple[bytes, dict]:
    """Train the tagger for `steps` batches; return its tok2vec's bytes and the run's figures.

    `install_lexicon(model)` puts the lexicon tables into the tok2vec, as for the NER model.
    `char_steps` batches of the characters objective on the same sentences come first.
    A tenth of the distinct sentences (a fixed, seeded choice; the corpus repeats some) is kept
    aside to report tag accuracy.
    """
    import time

    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.util import fix_random_seed, load_model_from_config

    from extractor.ner_train import _spaces

    fix_random_seed(seed)
    nlp = load_model_from_config(tagger_config(ner_config), auto_fill=True, validate=True)
    first: dict[tuple[str, ...], int] = {}  # each distinct sentence once
    for i, (words, _) in enumerate(sentences):
        first.setdefault(tuple(words), i)
    order = list(first.values())
    random.Random(seed).shuffle(order)
    n_held = len(order) // 10
    examples = [Example(Doc(nlp.vocab, words=w, spaces=_spaces(w)),
                        Doc(nlp.vocab, words=w, spaces=_spaces(w), tags=t))
                for w, t in (sentences[i] for i in order)]
    held, train = examples[:n_held], examples[n_held:]
    optimizer = nlp.initialize(lambda: train[:2000])
    tok2vec = nlp.get_pipe("tagger").model.get_ref("tok2vec")
    install_lexicon(tok2vec)
    start = time.monotonic()
    if char_steps:
        _pretrain_characters(nlp, tok2vec, [eg.predicted for eg in train], char_steps, seed,
                             batch_words, log)
    batches = _batches(train, batch_words, random.Random(seed))
    for step in range(1, steps + 1):
        losses = nlp.update(next(batches), sgd=optimizer, drop=0.1)
        if step % 500 == 0 or step == steps:
            log(f"pos pretrain step {step:5d} loss {losses['tagger']:8.1f} "
                f"({time.monotonic() - start:.0f}s)")
    with nlp.use_params(optimizer.averages):
        accuracy = nlp.evaluate(held)["tag_acc"]
        weights = tok2vec.to_bytes()
    try:
        version = metadata.version(SOURCE["package"])
    except metadata.PackageNotFoundError:  # sentences given by the caller, not read from nlp-id
        version = None
    figures = {"source": {**SOURCE, "version": version},
               "sentences": len(train), "held_out_sentences": len(held), "steps": steps,
               "character_steps": char_steps, "batch_words": batch_words,
               "held_out_tag_accuracy": round(accuracy, 4),
               "seconds": round(time.monotonic() - start, 1)}
    log(f"pos pretrain: tag accuracy {accuracy:.4f} on {len(held)} held-out sentences")
    return weights, figures
