"""Field extractors: one module per record field, each a function `Doc -> FieldResult`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class FieldResult:
    """A field value with the clean-text spans that support it and how sure the rule is."""

    value: Any = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.0
    warnings: list[str] = field(default_factory=list)
    alternatives: list[Any] = field(default_factory=list)
