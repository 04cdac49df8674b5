"""Host: the organiser, as the subject of "menggelar/mengadakan ... rapat", or "digelar oleh X",
or the institution of the official who chaired it ("dipimpin oleh Kapolres X" -> "Polres X").

"X melalui Y" and "X bersama Y" give X; the fullest mention is returned ("Kepolisian Daerah
Kalimantan Tengah (Polda Kalteng)" rather than "Polda Kalteng").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc

from extractor import gazetteer
from extractor.data import alternation, load_toml
from extractor.fields import FieldResult
from extractor.fields.text import doc_text, sentences
from extractor.fields.units import as_written, institution_mention, role_extent

DATELINE = re.compile(r"^[\w .,'’/()-]{2,60}?\s*[–—-]{1,2}\s*(?=[A-Z\"“])")  # "SUNGAILIAT, 14 November 2024 –"
# Where the organiser's name ends inside a subject: "X melalui Y", "X bersama Y", "X, ...", "X yang ...".
# Time words end it too: "Polres Bangka pada Kamis pagi menggelar", "Pemkab Bangka hari ini menyelenggarakan".
SUBJECT_CUT_WORDS = ("melalui|bersama|bersama-sama|beserta|didampingi|yang|kembali|akan|telah|sudah|pun|hari ini|"
                     "pagi ini|siang ini|sore ini|malam ini|kemarin|pada|sejak|secara|juga|turut")
ACTIVE_VERBS = ["menggelar", "mengadakan", "menyelenggarakan", "melaksanakan", "memfasilitasi", "melakukan", "menerima"]
# verbs of an institution bringing others together in the lead: the convener is the host
CONVENING = re.compile(r"\s+(?:berkoordinasi\s+dengan|menggandeng|mengumpulkan|mengundang|mengajak)\s+")
LEAD_SENTENCES = 2
# a meeting named after its owner: "rapat koordinasi Forkopimda", "Rakor Forum Komunikasi Pimpinan Daerah"
OWN_MEETING = re.compile(r"\b(?:rapat koordinasi|rakor)\s+(?=Forum|Forkopimda|Forkompimda|Forkompinda|FKPD|Muspida)", re.I)
# a headline's verb: "Polda Kepri Gelar Rapat Koordinasi Lintas Instansi"
HEADLINE_VERBS = ["gelar", "menggelar", "adakan", "selenggarakan", "laksanakan"]
# "visits" are audiensi: "KPU Kota Blitar menerima kunjungan dari Dandim" gives the receiving KPU
HOST_NOUNS = ["kunjungan", "audiensi", "audiens"]
PASSIVE = re.compile(
    r"\b(?:digelar|diselenggarakan|diadakan|dilaksanakan|diinisiasi|difasilitasi|diprakarsai)\s+(?P<by>oleh\s+)?"
    r"(?P<x>[A-Z][^,.;\n]{2,120})"
)
NAME_BEFORE = re.compile(r"((?:[A-Z][\w.'’/-]*)(?:\s+(?:[A-Z][\w.'’/-]*|dan|&))*)\s+$")
CHAIRED = re.compile(r"\b(?:dipimpin|di\s?buka)\s+(?:langsung\s+|secara\s+(?:resmi|langsung)\s+)?(?:oleh\s+)?(?P<x>[A-Z][^,.;\n]{2,120})")
# "Menko Polhukam Wiranto memimpin rapat koordinasi": the chair's institution, when no organiser is named
CHAIRING = re.compile(r"(?P<x>[A-Z][^,.;\n]{2,120}?)\s+(?:memimpin|membuka)\s+(?:langsung\s+)?(?:\w+\s+){0,2}?"
                      r"(?:rapat|rakor|fgd|pertemuan|video conference|vicon|audiensi)\b", re.I)

MAX_HOST_WORDS = 16
IMPLAUSIBLE = re.compile(r"[\n|\"“”]|^(?:Dalam|Untuk|Guna|Agar)\b")

# a guest's report: "Kapolres X hadiri acara Rapat Koordinasi", "Polda Y mengikuti rakor"
GUEST_VERBS = ["hadiri", "menghadiri", "mengikuti", "ikuti"]


@lru_cache(maxsize=1)
def _attended() -> re.Pattern[str]:
    nouns = alternation(load_toml("patterns.toml")["meeting"]["nouns"])
    return re.compile(rf"\b(?:{alternation(GUEST_VERBS)})\s+(?:\w+\s+){{0,2}}?(?:{nouns})\b", re.I)


@lru_cache(maxsize=1)
def _active(verbs: tuple[str, ...] = tuple(ACTIVE_VERBS)) -> re.Pattern[str]:
    nouns = alternation(load_toml("patterns.toml")["meeting"]["nouns"] + HOST_NOUNS)
    return re.compile(
        rf"\s+(?:(?:kembali|akan|telah|sudah|pun|turut)\s+)*(?P<verb>{alternation(list(verbs))})\s+(?:\w+\s+){{0,3}}?(?:{nouns})\b",
        re.I,
    )


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    return re.compile(rf"(?:{gazetteer.institution_pattern()}|{gazetteer.role_pattern()})")


def _fullest(text: str, host: str) -> str:
    """The fullest mention of an institution: "Full Name (ABBR)" when the text has one for it."""
    head, *rest = host.split()
    if len(host.split()) > 6:
        return host
    at = text.find(f"({head}")
    while at != -1:
        # the capitalised words (and "dan") right before the parenthesis name the institution in full
        before = NAME_BEFORE.search(text, max(0, at - 160), at)
        paren_end = text.find(")", at)
        if before and paren_end != -1:
            full = f"{before.group(1)} {text[at:paren_end + 1]}"
            if rest and text[paren_end + 1:paren_end + 80].strip().startswith(" ".join(rest)):
                full += " " + " ".join(rest)
            return full
        at = text.find(f"({head}", at + 1)
    return host


@lru_cache(maxsize=1)
def _subject_cut() -> re.Pattern[str]:
    weekdays = alternation(load_toml("calendar.toml")["weekdays"])  # "Polres X Kamis (14/11) menggelar"
    # a comma inside a name's list of fields ("Bidang Politik, Hukum, dan Keamanan") does not end it
    return re.compile(rf"\s+(?:{SUBJECT_CUT_WORDS}|{weekdays})\b.*$|,(?!\s+(?-i:[A-Z])\w+,?\s+(?:dan|&)\s+(?-i:[A-Z])|\s+(?:dan|&)\s+(?-i:[A-Z])\w+\s*(?:\(|$)).*$", re.I)


FIELD_LIST = re.compile(r",\s*[A-Z]\w+,$")  # "Bidang Politik, Hukum, dan Keamanan": one name's fields
PARENTHESIS_END = re.compile(r"\s*\([^)]*\)$")
LOWER_VERB = re.compile(r"\s+(?:me|ber|di)[a-z]{3,}\b.*$")  # "Polres X menginisiasi silaturahmi ...": X


def _organiser(subject: str) -> str:
    """The first organiser of a subject: "X dan Y" gives X when Y is another institution or role."""
    subject = LOWER_VERB.sub("", _subject_cut().sub("", subject)).strip(" ,.")
    for m in re.finditer(r"\s+dan\s+", subject):
        if _heads().match(subject, m.end()) and not FIELD_LIST.search(subject, 0, m.start()):
            return subject[:m.start()].rstrip(" ,")
    return subject


def _institution_of(subject: str) -> str | None:
    """The subject as an institution, or the institution its role makes plain."""
    subject = subject.strip(" ,.")
    if re.match(gazetteer.role_pattern(), subject):
        institution = gazetteer.role_institution(role_extent(subject))
        # "Menteri ... (Menkopolhukam)": the bracket names the post, not the institution
        return PARENTHESIS_END.sub("", institution) if institution else None
    if institution_mention().search(subject):
        return subject
    return None


def _subject_host(text: str, start: int, verb_at: int) -> tuple[str, tuple[int, int]] | None:
    """The organiser named as the subject before a verb: the whole subject, or the clause after
    its last comma ("Dalam rangka ..., Komisi Pemilihan Umum (KPU) Provinsi X menggelar ...")."""
    starts = [start] + [m.end() for m in re.finditer(r",\s+", text[start:verb_at])]
    for at in starts:
        at = at if at == start else start + at
        subject = _organiser(text[at:verb_at])
        if re.search(r"[\"“”]", subject):
            continue  # the end of a quote names no organiser
        host = _institution_of(subject)
        if host:
            full = _fullest(text, host) if host == subject.strip(" ,.") else as_written(text, host)
            return full, (at, at + len(subject))
    return None


def _candidates(doc: Doc) -> Iterator[FieldResult]:
    """Hosts in the order the rules trust them."""
    text, body = doc_text(doc), doc._.body_start
    active = _active()
    for s, e in sentences(text, body):
        sentence = text[s:e]
        lead = DATELINE.match(sentence)
        offset = s + (lead.end() if lead else 0)
        m = active.search(text, offset, e)
        if not m or m.start() - offset > 200:
            continue
        found = _subject_host(text, offset, m.start())
        if found:
            yield FieldResult(found[0], [found[1]], 0.85)
    if body:  # the headline: "Polda Kepri Gelar Rapat Koordinasi Lintas Instansi"
        m = _active(tuple(HEADLINE_VERBS)).search(text, 0, body)
        found = _subject_host(text, 0, m.start()) if m else None
        if found:
            yield FieldResult(found[0], [found[1]], 0.75)
    for s, e in sentences(text, body)[:LEAD_SENTENCES]:  # "Bawaslu Tangsel menggandeng Polres dan Kejari"
        lead = DATELINE.match(text, s, e)
        offset = lead.end() if lead else s
        m = CONVENING.search(text, offset, e)
        found = _subject_host(text, offset, m.start()) if m and m.start() - offset <= 200 else None
        if found:
            yield FieldResult(found[0], [found[1]], 0.5)
    m = OWN_MEETING.search(text, body)  # "rapat koordinasi Forum Komunikasi Pimpinan Daerah (Forkompinda) Kota X"
    if m and _heads().match(text, m.end()):
        name = role_extent(text[m.end():m.end() + 160]).strip(" ,.")
        if name and _institution_of(name):
            yield FieldResult(_fullest(text, name), [(m.end(), m.end() + len(name))], 0.45)
    for pattern, confidence in ((PASSIVE, 0.8), (CHAIRED, 0.6), (CHAIRING, 0.55)):
        for m in pattern.finditer(text, body):
            if pattern is PASSIVE and not m.group("by") and not _heads().match(m.group("x")):
                continue  # "dilaksanakan Rapat Koordinasi ...": no organiser without "oleh" or an institution
            x = m.group("x")
            if pattern is CHAIRING and (head := _heads().search(x)):
                x = x[head.start():]  # "tirto.id - Menteri Koordinator ... Wiranto memimpin": from the post on
            subject = _organiser(x)
            host = _institution_of(subject)
            if host:
                written = as_written(text, host) if host != subject else host
                yield FieldResult(_fullest(text, written), [(m.start("x"), m.start("x") + len(subject))], confidence)
            break
    yield _first_official(doc)


def extract_host(doc: Doc) -> FieldResult:
    return next((found for found in _candidates(doc) if _plausible(found.value)), FieldResult())


def _plausible(host: str | None) -> bool:
    """A name of an institution: one line, no quote or page chrome, not a clause ("Dalam rangka ...")."""
    return bool(host) and not IMPLAUSIBLE.search(host) and len(host.split()) <= MAX_HOST_WORDS


def _first_official(doc: Doc) -> FieldResult:
    """The institution of the first official the report names at the meeting, unless the report
    is told by a guest ("Polda Banten Hadiri Rapat Koordinasi"): a guest names no organiser."""
    attendees = (doc._.fields or {}).get("attendees")
    if not attendees or not attendees.value:
        return FieldResult()
    text, body = doc_text(doc), doc._.body_start
    lead = sentences(text, body)[:LEAD_SENTENCES]
    if _attended().search(text, 0, lead[-1][1] if lead else body):
        return FieldResult()
    first = min(zip(attendees.value, attendees.evidence), key=lambda pair: pair[1][0])
    institution = first[0].get("institution")
    return FieldResult(institution, [first[1]], 0.3) if institution else FieldResult()
