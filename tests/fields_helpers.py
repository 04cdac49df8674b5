"""Build a Doc the way the pipeline does, for field-extractor tests."""
from datetime import date

from extractor.nlp import build_pipeline


def make_doc(body: str, title: str = "Rakor Pengamanan Pilkada", published: date | None = None):
    nlp = build_pipeline(use_ner=False)
    doc = nlp.make_doc(f"{title}\n\n{body}")
    doc._.published_date = published
    doc._.body_start = len(title) + 2
    return doc
