"""rakor: structured records of Indonesian coordination meetings from news pages."""
import logging
from importlib import import_module

__version__ = "0.1.0"
__all__ = ["__version__", "extract_record", "clean_document", "build_pipeline", "MeetingRecord", "Article"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_PUBLIC = {
    "Article": "extractor.article",
    "clean_document": "extractor.clean",
    "build_pipeline": "extractor.nlp",
    "extract_record": "extractor.pipeline",
    "MeetingRecord": "extractor.record",
}


def __getattr__(name: str):
    """Import the public API on first use, so `rakor --help` stays fast."""
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(name)
