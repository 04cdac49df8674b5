"""The clean article every extraction stage reads."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawDocument:
    """One input as read from disk, stdin, JSONL or WARC, before cleaning."""

    doc_id: str
    source: str
    content: bytes | str
    kind: str  # "html" | "text"
    url: str | None = None
    published: str | None = None
    error: str | None = None
    title: str | None = None  # a headline the input gives apart from its text (JSONL "title")


@dataclass(slots=True)
class Article:
    """Title and body of a page; `text` is what `rakor clean --text` prints and spans index."""

    doc_id: str
    source: str
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    published: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        head = [self.title] if self.title else []
        return "\n\n".join(head + self.paragraphs)

    @property
    def body_offset(self) -> int:
        """Offset in `text` where the first body paragraph starts."""
        return len(self.title) + 2 if self.title and self.paragraphs else 0

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id, "source": self.source, "url": self.url, "title": self.title,
            "published": self.published, "site": self.site, "author": self.author,
            "paragraphs": self.paragraphs, "text": self.text, "error": self.error,
            "warnings": self.warnings,
        }
