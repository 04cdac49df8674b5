"""The spaCy pipeline, built once per process: tokenizer cases, rules, trained NER, field components."""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from thinc.api import NumpyOps

from extractor import ner_lexicon  # noqa: F401  (registers rakor.LexiconHashEmbed.v1 for the model's config)
from extractor import ner_encoder  # noqa: F401  (registers rakor.BiLSTMEncoder.v1 for the model's config)
from extractor.data import load_toml

log = logging.getLogger(__name__)
MODEL_NAME = "rakor-ner-id"
MODEL_ENV = "RAKOR_NER_MODEL"
WARM_UP = ("Rakor\n\nPolres Malang menggelar rapat koordinasi di Aula Polres Malang, Rabu (21/8/2024), dihadiri "
           "Ketua KPU Kabupaten Malang Budi Santoso, S.H. dan Kodim 0818/Malang. Rakor bertujuan untuk menyamakan persepsi.")
# The NER multiplies small matrices (a sentence of tokens by a layer): numpy's BLAS does that
# 2.5-4x faster than the blis kernels spaCy uses by default (measured: 62x384 by 384x384).
BLAS_OPS = NumpyOps(use_blis=False)
DATE_TOKEN = re.compile(r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?$")

# published_date and body_start are set by the caller; fields and record by the components;
# article (the clean Article) lets the record carry doc_id, source, title and published;
# sentence_entities (components.SentenceEntities) runs the trained NER on a sentence when asked.
for _name, _default in (("published_date", None), ("body_start", 0), ("fields", None), ("record", None),
                        ("article", None), ("sentence_entities", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def model_path() -> Path | None:
    """The shipped NER model: $RAKOR_NER_MODEL, else models/ beside the package or in the working directory."""
    override = os.environ.get(MODEL_ENV)
    candidates = [Path(override)] if override else []
    here = Path(__file__).resolve().parent
    candidates += [here / "models" / MODEL_NAME, here.parent / "models" / MODEL_NAME, Path.cwd() / "models" / MODEL_NAME]
    return next((p for p in candidates if (p / "meta.json").is_file() and (p / "config.cfg").is_file()), None)


@spacy.registry.tokenizers("rakor.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """The Indonesian tokenizer with the genre's abbreviations and whole dates, built in one pass.

    spacy.blank("id") loads ~16,000 tokenizer exceptions; adding cases one by one afterwards
    reloads them every time, so the rules are merged first and the tokenizer made once.
    Each prefix is grouped before anchoring: spaCy's Indonesian HTML prefix is an ungrouped
    alternation, so `^` bound only its first branch and every word was scanned end to end
    (30x slower prefix search, the largest cost of tokenising).
    """

    def make(nlp: Language) -> Tokenizer:
        rules = dict(nlp.Defaults.tokenizer_exceptions)
        for abbr in load_toml("tokenizer.toml")["abbreviations"]:
            for form in {abbr, abbr.upper(), abbr.capitalize()}:
                rules[form] = [{ORTH: form}]
        default_match = nlp.Defaults.token_match
        return Tokenizer(
            nlp.vocab, rules=rules,
            prefix_search=compile_prefix_regex([f"(?:{p})" for p in nlp.Defaults.prefixes if p]).search,
            suffix_search=compile_suffix_regex(nlp.Defaults.suffixes).search,
            infix_finditer=compile_infix_regex(nlp.Defaults.infixes).finditer,
            # dates such as 15/8/2024 stay one token
            token_match=(lambda t: DATE_TOKEN.match(t) or default_match(t)) if default_match else DATE_TOKEN.match,
            url_match=nlp.Defaults.url_match,
        )

    return make


def load_ner(nlp: Language, path: Path) -> TrainablePipe:
    """The shipped `ner` component, made from its config and weights in this pipeline's vocab.

    spacy.load(path) would build a second Indonesian tokenizer (seconds per process) only to
    throw it away; the component alone loads in a fraction of a second and predicts the same.
    """
    config = spacy.util.load_config(path / "config.cfg", interpolate=True)["components"]["ner"]
    ner = nlp.create_pipe(config.pop("factory"), name="ner", config=config)
    ner.from_disk(path / "ner", exclude=["vocab"])
    for layer in ner.model.walk():
        layer.ops = BLAS_OPS
    return ner


def _add_gazetteer_ruler(nlp: Language) -> None:
    """Regions (LOC) and institutions (ORG) from the gazetteers as spans in doc.spans["gazetteer"]."""
    from extractor import gazetteer

    ruler = nlp.add_pipe("span_ruler", name="gazetteer_ruler", config={"spans_key": "gazetteer"})
    patterns = [{"label": "LOC", "pattern": name} for name in sorted(gazetteer.region_names())]
    for inst in gazetteer.institutions().values():
        patterns += [{"label": "ORG", "pattern": inst.abbr}, {"label": "ORG", "pattern": inst.full}]
    ruler.add_patterns(patterns)


@lru_cache(maxsize=2)
def build_pipeline(use_ner: bool = True) -> Language:
    """spacy.blank("id") + tokenizer cases + sentencizer + trained NER (when shipped) + field components."""
    import extractor.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "rakor.tokenizer.v1"}}})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rakor_relevance")
    _add_gazetteer_ruler(nlp)
    path = model_path() if use_ner else None
    if path is not None:
        nlp.add_pipe("rakor_ner").ner = load_ner(nlp, path)
    elif use_ner:
        log.warning("NER model %s not found: extracting with rules only", MODEL_NAME)
    for name in ("rakor_date", "rakor_venue", "rakor_attendees", "rakor_host", "rakor_count", "rakor_goals",
                 "rakor_record"):
        nlp.add_pipe(name)
    nlp(nlp.make_doc(WARM_UP))  # compiles the gazetteer regexes now, not within the first document's time limit
    return nlp
