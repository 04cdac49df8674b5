"""Shared fixtures: paths into the bundled corpus (tests never read ../shared)."""
import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def read_gold(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {r["id"]: r for r in map(json.loads, handle) if r}


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict]:
    return read_gold(CORPUS / "seeds" / "gold.jsonl")


@pytest.fixture(scope="session")
def dev_gold() -> dict[str, dict]:
    return read_gold(CORPUS / "dev" / "gold.jsonl")


@pytest.fixture(scope="session")
def fresh_gold() -> dict[str, dict]:
    return read_gold(CORPUS / "fresh" / "gold.jsonl")
