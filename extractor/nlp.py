"""The spaCy pipeline, built once per process: tokenizer cases, rules, trained NER, field components."""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from extractor.data import load_toml

log = logging.getLogger(__name__)
MODEL_NAME = "rakor-ner-id"
MODEL_ENV = "RAKOR_NER_MODEL"
DATE_TOKEN = re.compile(r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?$")

# published_date and body_start are set by the caller; fields and record by the components;
# article (the clean Article) lets the record carry doc_id, source, title and published.
for _name, _default in (("published_date", None), ("body_start", 0), ("fields", None), ("record", None),
                        ("article", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def model_path() -> Path | None:
    """The shipped NER model: $RAKOR_NER_MODEL, else models/ beside the package or in the working directory."""
    override = os.environ.get(MODEL_ENV)
    candidates = [Path(override)] if override else []
    here = Path(__file__).resolve().parent
    candidates += [here / "models" / MODEL_NAME, here.parent / "models" / MODEL_NAME, Path.cwd() / "models" / MODEL_NAME]
    return next((p for p in candidates if (p / "meta.json").is_file() and (p / "config.cfg").is_file()), None)


def _add_special_cases(nlp: Language) -> None:
    for abbr in load_toml("tokenizer.toml")["abbreviations"]:
        for form in {abbr, abbr.upper(), abbr.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    # Dates such as 15/8/2024 stay one token.
    nlp.tokenizer.token_match = DATE_TOKEN.match


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

    nlp = spacy.blank("id")
    _add_special_cases(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rakor_relevance")
    _add_gazetteer_ruler(nlp)
    path = model_path() if use_ner else None
    if path is not None:
        nlp.add_pipe("ner", source=spacy.load(path), name="ner")
    elif use_ner:
        log.warning("NER model %s not found: extracting with rules only", MODEL_NAME)
    for name in ("rakor_date", "rakor_venue", "rakor_host", "rakor_attendees", "rakor_count", "rakor_goals",
                 "rakor_record"):
        nlp.add_pipe(name)
    return nlp
