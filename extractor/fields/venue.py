"""Venue: the named place after "di"/"bertempat di", from a venue head word to the end of its name.

A name runs over capitalised words, numbers and the lower-case words of room names ("lantai 2")
and continues over ", Jalan ..."/", Kompleks ..." that locate it. A purely online meeting gives
its medium as written ("virtual melalui aplikasi Zoom Meeting").
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc

from extractor.data import alternation, load_toml
from extractor.gazetteer import find_regions
from extractor.fields import FieldResult
from extractor.fields.text import doc_text, mentions_meeting, sentence_bounds

ROOM_WORDS = {"lantai", "lt", "utama", "rapat", "pertemuan", "kerja", "indoor", "outdoor", "serbaguna", "serba", "guna",
              "no", "nomor", "jalan", "jl", "kompleks", "komplek", "kantor", "gedung", "ruang", "aula", "lapangan", "hotel",
              "makan", "dinas", "jabatan", "tamu", "command", "center", "meeting", "room"}
# "di Kristal Hotel Kupang", "di Moy Restaurant Tondano": a name before its head word
NAMED_PLACE = re.compile(r"\bdi\s+(?=(?:[A-Z][\w&'’.-]*\s+){1,3}(?:Hotel|Resto|Restaurant|Restoran|Ballroom|Convention|"
                         r"Hall|Cafe|Café|Bistro|Center|Centre|Room)\b)")
# "rakor di Yogyakarta", "di Kota Sorong": a region, when the text names no building
REGION_AFTER_DI = re.compile(r"\bdi\s+(?P<v>(?:(?:Kota|Kabupaten|Kab\.|Provinsi)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
                             r"(?=\s*[,.;)\n]|\s+(?:pada|dan|yang|untuk|guna|dengan|beberapa|sejak|hari|kemarin)\b)")
CONTINUATIONS = re.compile(r",\s+(?=(?:Jalan|Jl\.?|Jln\.?|Kompleks|Komplek|Kawasan|Lantai|Lt\.|Gedung|Kantor|Hotel)\b)")
MAX_CANDIDATES = 100  # places named after "di"; a page of thousands is not a report
WORD = re.compile(r"[\w./&'’()-]+")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = load_toml("patterns.toml")["venue"]
    heads = alternation(table["heads"])
    physical = re.compile(
        rf"(?:\b(?:bertempat|berlangsung|dilaksanakan|digelar|diadakan|diselenggarakan)\s+)?\bdi\s*(?=(?:{heads})\b)",
        re.I,
    )
    online = alternation(table["online"])
    medium = re.compile(
        rf"\bsecara\s+(?P<v>(?:{online})(?:\s+(?:melalui|via|menggunakan)\s+(?:aplikasi\s+|media\s+)?[\w ]+?)?)(?=[,.;\n]|\s+(?:yang|dan|dengan|pada|dari)\b)"
        rf"|\b(?:melalui|via|lewat|menggelar|mengikuti|dalam)\s+(?P<w>{online})\b",
        re.I,
    )
    return physical, medium


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return frozenset(load_toml("patterns.toml")["venue"]["stops"])


def _name_end(text: str, start: int) -> int:
    """End of a venue name that starts at `start`."""
    stops = _stops()
    pos, end, first = start, start, True
    while pos < len(text):
        cont = CONTINUATIONS.match(text, pos)
        if cont:
            pos = cont.end()
            continue
        m = WORD.match(text, pos)
        if not m:
            break
        word = m.group().rstrip(".,)")
        lower = word.lower().rstrip(".")
        if not word or (lower in stops and not first and not word[0].isupper()):  # "Aula Arya Guna": a name
            break
        if not (first or word[0].isupper() or word[0].isdigit() or lower in ROOM_WORDS or "/" in word):
            break
        first = False
        end = m.start() + len(m.group().rstrip(",)"))
        if m.group().endswith(".") and len(word) > 3 and not word.isupper():
            break  # "lapangan. Dia": a sentence ends (not "Jl." or "No.")
        if m.group().endswith(",") or text[m.end():m.end() + 1] in {",", ";", "\n"}:
            pos = m.end()
            if not CONTINUATIONS.match(text, pos if text[pos - 1] != "," else pos - 1):
                break
            continue
        nxt = re.match(r"[ \t]+", text[m.end():])
        if not nxt:
            break
        pos = m.end() + nxt.end()
    value = text[start:end].rstrip(" .")
    return start + len(value)


def extract_venue(doc: Doc) -> FieldResult:
    text, body = doc_text(doc), doc._.body_start
    physical, medium = _patterns()
    best: tuple[float, int, int] | None = None
    candidates = sorted([*islice(physical.finditer(text, body), MAX_CANDIDATES),
                         *islice(NAMED_PLACE.finditer(text, body), MAX_CANDIDATES)], key=lambda m: m.start())
    for m in candidates:
        end = _name_end(text, m.end())
        if end - m.end() < 4 or (" " not in text[m.end():end] and text[m.end()].islower()
                                 and not text[m.end():end].endswith("nya")):
            continue  # "di lapangan. Dia": a bare common noun names no place ("kantornya" does)
        s, e = sentence_bounds(text, m.start(), end)
        score = 2.0 if m.group().lower().startswith(("bertempat", "berlangsung", "dilaksanakan", "digelar", "diadakan")) else 1.0
        score += 1.5 * mentions_meeting(text, s, e)
        score -= 1.0 * (m.start() - body) / max(len(text) - body, 1)
        if best is None or score > best[0]:
            best = (score, m.end(), end)
    if best:
        return FieldResult(text[best[1]:best[2]], [(best[1], best[2])], round(min(best[0] / 4, 0.95), 2))
    m = medium.search(text, body)
    if m:
        group = "v" if m.group("v") else "w"
        value = m.group(group).strip()
        return FieldResult(value, [(m.start(group), m.start(group) + len(value))], 0.6)
    for m in REGION_AFTER_DI.finditer(text, body):
        s, e = sentence_bounds(text, m.start(), m.end())
        if mentions_meeting(text, s, e) and find_regions(m.group("v")):
            return FieldResult(m.group("v"), [(m.start("v"), m.end("v"))], 0.4)
    return FieldResult()
