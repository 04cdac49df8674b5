"""The shared spaCy pipeline: tokenizer cases and the once-joined document text."""
import pytest

from extractor.fields.text import doc_text
from extractor.nlp import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(use_ner=False)


@pytest.mark.parametrize("text, tokens", [
    ("Rp54,2 miliar", ["Rp", "54,2", "miliar"]),  # currency prefix still split
    ("(Rakor) digelar", ["(", "Rakor", ")", "digelar"]),
    ("Selasa (15/8/2024).", ["Selasa", "(", "15/8/2024", ")", "."]),  # a whole date stays one token
    ("AKBP Budi, S.H., M.H.", ["AKBP", "Budi", ",", "S.H.", ",", "M.H."]),
])
def test_tokenizer_cases(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_prefixes_anchor_at_the_word_start(nlp):
    # spaCy's Indonesian HTML prefix is an ungrouped alternation: unanchored, its second branch
    # matched anywhere in a word (and made every prefix search scan the whole word)
    assert nlp.tokenizer.prefix_search("abc<a href=x>") is None
    assert nlp.tokenizer.prefix_search("<a href=x>abc").start() == 0


def test_doc_text_is_joined_once_and_equals_the_text(nlp):
    doc = nlp.make_doc("Rapat koordinasi  digelar\n\ndi Aula Polres.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first
