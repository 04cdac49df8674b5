"""Loads the package's data files once per process."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    with resources.files("extractor").joinpath("data", name).open("rb") as handle:
        return tomllib.load(handle)


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
