"""Attendees: officials named with their role, people named with a rank, honorific or degree, and
institutions listed without a person.

A mention is ROLE + its unit/region (read with the gazetteers) + optional title + NAME + optional
degrees. "A diwakili (oleh) B" and "B mewakili A" set `represents`; "Ketua KPU dan Ketua Bawaslu
Kabupaten X" gives two roles of X; the same person named again ("AKBP Rendra") folds into the
first entry; an institution already present through a person is not listed again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from extractor import gazetteer
from extractor.data import alternation, load_toml
from extractor.fields import FieldResult
from extractor.fields.text import doc_text, sentences
from extractor.fields.units import (MENTION_WINDOW, as_written, extent_end, has_place, has_tail,
                                     is_institution_or_region, role_extent)
from extractor.scoring import normalise

NAME_WORD = r"(?:[A-Z][a-z’'`]+(?:-[A-Z]?[a-z]+)?|[A-Z]\.|[A-Z][a-z]?\.?(?=\s[A-Z]))"
MAX_SENTENCE_CHARS = 3000  # the longest list of participants runs to a paragraph, not a page
NOMINALISATION = re.compile(r"^(?:pe|ke)\w{3,}an$", re.I)  # Pencegahan, Kewaspadaan: words, not names
ROMAN = re.compile(r"^[IVXL]+$")
# Words of sentences that report who took part (institution-only entries are read only there).
PRESENCE_WORDS = ("hadir|dihadiri|menghadiri|peserta|diikuti|mengikuti|terdiri|unsur|perwakilan|undangan|narasumber|"
                  "pemateri|melibatkan|menghadirkan|turut|mengundang|diundang|"
                  # "bersama Kodim X", not the adjective of "panduan teknis bersama yang ..."
                  r"bersama(?=\s+(?:dengan\s+|para\s+|seluruh\s+|jajaran\s+|unsur\s+)?(?-i:[A-Z]))")
PRESENCE = re.compile(rf"\b(?:{PRESENCE_WORDS})\b", re.I)
# Sentences in which a named official may be reported taking part or speaking.
ATTENDANCE = re.compile(
    rf"\b(?:{PRESENCE_WORDS}|dipimpin|dibuka|membuka|memimpin|didampingi|dipandu|memandu|dimoderatori|moderator|"
    r"sambutan|arahan|paparan|memaparkan|menyampaikan|menjelaskan|mengatakan|menegaskan|menambahkan|mengingatkan|"
    r"menyebut|berharap|meminta|melaporkan|menanyakan|mengusulkan|menekankan|mengungkapkan|menuturkan|menerangkan|"
    r"menanggapi|menginstruksikan|mengajak|mengimbau|rapat|rakor|kegiatan|acara|"
    r"mengonfirmasi|dikonfirmasi|membenarkan|mengakui|mengaku|mengapresiasi|menguraikan|menyatakan|memastikan|menilai|"
    r"menyebutkan|mengingatkan|memaparkan|memberikan|mengucapkan|ujar|kata|tutur|ucap|ungkap)\b",
    re.I,
)
REPRESENTED_BY = re.compile(r"\s*,?\s*(?:yang\s+)?(?:dalam hal ini\s+)?(?:diwakili|diwakilkan)\s+(?:oleh\s+)?")
BODY_REPRESENTED_BEFORE = re.compile(REPRESENTED_BY.pattern + "$")  # "Pemkab X yang diwakili oleh " ends here
REPRESENTING = re.compile(r"\s*,?\s*(?:yang\s+)?(?:hadir\s+)?(?:mewakili|selaku perwakilan|atas nama)\s+")
GROUP_BEFORE = re.compile(r"\b(?:para|seluruh|segenap)\s+$", re.I)
ON_BEHALF_BEFORE = re.compile(r"\bperwakilan\s+(?:dari\s+)?$", re.I)
NAME_RUNS_ON = re.compile(r"\s+(?:dan|&)\s+[A-Z]")  # "Ditjen Politik dan Pemerintahan Umum": an office, not a name
PLACE_AFTER = re.compile(r"(?:\s+[A-Z][a-z][\w-]*){1,3}(?=\s*(?:[,.;)]|\s(?:dan|serta|maupun)\s|$))")
VERB_AFTER = re.compile(r"\s+(?:me|ber|di|ter)[a-z]{3,}")
# "..., Ridwan Sangaji, dalam sambutannya", "..., Ahmad Yasin, S.H. Paparan ...": the apposition ends
# at a comma before a lower-case word, or with the sentence (the period of a degree included)
APPOSITION_END = re.compile(r",\s+(?:[a-z]|$)|\.(?:\s|$)|(?<=\.)(?:\s|$)")
NAME_FIRST_BOUNDARY = re.compile(r"(?:^|[,:;)]|\b(?:dan|serta|yakni|yaitu|lain|hadir|dihadiri|oleh|dipimpin|dibuka))\s+",
                                 re.M)
# "Sdr. Abidin Nasyar (Ketua KPU Kab. Serang)", "Yadi (Ketua Bawaslu Kab. Serang)": a name, its post in brackets
ROLE_IN_BRACKETS = re.compile(r"\s*\(\s*(?=\S)")
# A sentence that goes on with the list of the sentence before: "Selain itu, Budi Gunawan Kepala BIN, ..."
LIST_GOES_ON = re.compile(r"\W*(?:selain itu|kemudian|lalu|juga|tampak|turut pula|hadir juga|ada juga|di\s?antaranya)\b", re.I)
STREET_BEFORE = re.compile(r"\b(?:Jalan|Jl|Jln)\.?\s+$")
LIST_GAP = re.compile(r"^\s*(?:,|dan|serta|maupun|,\s*dan|,\s*serta)\s*(?:dari\s+|perwakilan\s+)?$")
COORDINATED = re.compile(r"\s+(?:dan|serta)\s+")
# Sentences the NER model reads: they list who took part, where names without a post turn up.
NER_CUES = re.compile(r"\b(?:hadir|dihadiri|menghadiri|peserta|diikuti|narasumber|pemateri|menghadirkan|"
                      r"terdiri|perwakilan|undangan)\b", re.I)
CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’.-]*")
CAPITALISED_RUN = re.compile(r"(?:\s+(?:dan\s+)?[A-Z][\w.-]*)*\s*")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str | None
    role: str | None
    institution: str | None
    represents: str | None = None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = load_toml("patterns.toml")["attendees"]
    role = re.compile(gazetteer.role_pattern())
    title = re.compile(gazetteer.title_pattern())
    institution = re.compile(gazetteer.institution_pattern())
    # "Pemilihan Bupati", "Pemilihan Gubernur dan Wakil Gubernur", "calon Wali Kota dan Wakil Wali Kota"
    election = re.compile(rf"\b(?:{alternation(words['not_attendee_before'])})\s+(?:(?:\w+\s+){{1,3}}(?:dan|serta|atau)\s+)?$",
                          re.I)
    return role, title, institution, election


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    table = load_toml("patterns.toml")
    words = table["attendees"]
    media = [w.capitalize() for medium in table["venue"]["online"] for w in medium.split()]  # Zoom, Meet
    return frozenset(words["not_name_words"] + words["office_words"] + media)


def plausible_name(name: str) -> bool:
    words = name.split()
    if not words or not any(len(w.strip(".")) >= 3 for w in words):
        return False
    if _patterns()[0].match(name):
        return False  # "Kasdam ..." after a comma is the next post, not a name
    if any(w in _not_name_words() or NOMINALISATION.match(w) or (ROMAN.match(w) and (i or len(words) == 1))
           for i, w in enumerate(words)):
        return False  # a leading "I" opens Balinese names (I Made, I Wayan)
    return not is_institution_or_region(name)


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A (titled) name; an adat title after it; the degrees after it."""
    person = re.compile(rf"(?:{gazetteer.title_pattern()}\s*)*{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}")
    adat = re.compile(rf"\s+{gazetteer.adat_title_pattern()}")
    degrees = re.compile(rf"(?:\s*,?\s*{gazetteer.degree_pattern()})+")
    return person, adat, degrees


def _person_at(text: str, pos: int) -> tuple[int, int, str] | None:
    """A (titled) name starting at `pos`: (start, end, name without ranks, degrees, honorifics)."""
    person_re, adat_re, degrees_re = _name_patterns()
    m = person_re.match(text, pos)
    if not m:
        return None
    end = m.end()
    inner_role = _patterns()[0].search(text, pos + 1, end)  # "Tito Karnavian Kapolri": the post ends the name
    if inner_role and text[inner_role.start() - 1] == " ":
        end = inner_role.start() - 1
    adat = adat_re.match(text, end)
    if adat:
        end = adat.end()
    degrees = degrees_re.match(text, end)
    if degrees:
        end = degrees.end()
    name = gazetteer.strip_person_name(text[pos:end])
    return (pos, end, name) if name and plausible_name(name) else None


def _role_and_person(text: str, start: int, limit: int) -> tuple[int, str, tuple[int, int, str] | None]:
    """The role that starts at `start` (end offset and text) and the person named right after it.

    When the words after the role are not a name ("Koordinator Divisi Pencegahan, ... Bawaslu Kota
    Makassar Nur Aisyah Lestari"), the role runs on to the next institution and its person.
    """
    _, _, institution, _ = _patterns()
    role_end = extent_end(text, start, limit)
    person = _person_at(text, role_end + 1) if text[role_end:role_end + 1] == " " else None
    # "Ketua Divisi Sosdiklih Parmas SDM Hafizul Pahmi": an acronym after the would-be name shows
    # that the capitalised words still name the post.
    acronym = re.match(r"\s+[A-Z]{2,}\b", text[person[1]:limit]) if person else None
    if acronym and (nxt := _person_at(text, person[1] + acronym.end() + 1)):
        role_end, person = person[1] + acronym.end(), nxt
    if person is None:
        person = _apposed_person(text, role_end)
    # "Anggota KPU ... Divisi Teknis Penyelenggaraan Rahmawati Lubis": the post runs on over
    # capitalised words until a plausible name that is not itself followed by more of a post name.
    if person is None and text[role_end:role_end + 1] == " ":
        for word in re.finditer(r"\s+(?=[A-Z])", text[role_end:min(limit, role_end + 90)]):
            at = role_end + word.end()
            if re.search(r"[,.;]|\s[a-z]", text[role_end:at]):
                break
            candidate = _person_at(text, at)
            if candidate and not NAME_RUNS_ON.match(text, candidate[1]):
                role_end, person = at - 1, candidate
                break
    if person is None:
        nxt = institution.search(text, role_end, min(limit, role_end + 90))
        gap = text[role_end:nxt.start()] if nxt else ""
        if nxt and not re.search(r"[.;]|\s(?:yang|serta)\s", gap) and not _patterns()[0].search(gap):
            alt_end = extent_end(text, nxt.start(), limit)
            alt = _person_at(text, alt_end + 1) if text[alt_end:alt_end + 1] == " " else None
            if alt and not NAME_RUNS_ON.match(text, alt[1]):
                role_end, person = alt_end, alt
            elif CAPITALISED_RUN.fullmatch(gap):  # "Kepala Bidang Pemberdayaan Masyarakat Desa Dinas X"
                role_end = _office_end(text, nxt.start(), alt_end, limit)
                person = _apposed_person(text, role_end)  # "Dirjen Politik dan PUM Kemendagri, Togap S menutup"
    return role_end, text[start:role_end].strip(" ,"), person


def _apposed_person(text: str, role_end: int) -> tuple[int, int, str] | None:
    """"Pj Gubernur Kaltim, Akmal Malik memimpin", "Ketua KPU Kota Ternate, Ridwan Sangaji, S.H.,
    menjelaskan": a name set off by a comma, then its verb or the closing comma of the apposition."""
    if text[role_end:role_end + 2] != ", ":
        return None
    after = _person_at(text, role_end + 2)
    return after if after and (VERB_AFTER.match(text, after[1]) or APPOSITION_END.match(text, after[1])) else None


SAID_BY = re.compile(r"[,”\"]\s*(?:ujar|kata|tutur|ucap|ungkap|jelas|tegas|terang|papar)(?:nya)?\s+")


def _quoted_speaker(text: str, s: int, at: int) -> tuple[int, int, str] | None:
    """"..., ujar Muhamad Acep, Ketua Bawaslu Tangsel": the speaker named before a comma and the role."""
    if text[at - 2:at] != ", ":
        return None
    for verb in SAID_BY.finditer(text, max(s, at - 80), at - 2):
        person = _person_at(text[:at - 2], verb.end())
        if person and person[1] == at - 2:
            return person
    return None


def _person_before(text: str, s: int, at: int) -> tuple[int, int, str] | None:
    """"Hadir antara lain, M. Prasetyo Jaksa Agung, Tjahjo Kumolo Mendagri": national reports put the
    name first, its post after it. The name opens a list item (after a comma, a colon, "dan",
    "serta" or a presence word) and ends right before the role."""
    for boundary in NAME_FIRST_BOUNDARY.finditer(text, max(s, at - 70), at):
        person = _person_at(text[:at - 1], boundary.end())  # the name may not run into the role
        if person and person[1] == at - 1 and text[person[1]] == " ":
            return person
    return None


def _national_post(role: str) -> bool:
    """"Kapolri", "Mendagri", "Ketua KPU RI": a post there is one of, so the unnamed official still
    names an institution that took part (Polri, Kemendagri, KPU RI)."""
    institution = gazetteer.role_institution(role)
    found = gazetteer.match_institution(institution) if institution else None
    return bool(found) and found[0].level == "pusat" and (not found[1] or found[1] in ("RI", "Republik Indonesia"))


def _office_end(text: str, start: int, end: int, limit: int) -> int:
    """"Ditjen Politik dan Pemerintahan Umum Kemendagri": an office named without its place
    (text[start:end]) runs on over capitalised words to the next institution named with it."""
    _, _, institution, _ = _patterns()
    for _ in range(3):
        nxt = institution.search(text, end, min(limit, end + 90))
        if has_place(text[start:end]) or not nxt or not CAPITALISED_RUN.fullmatch(text[end:nxt.start()]):
            break
        start, end = nxt.start(), extent_end(text, nxt.start(), limit)
    return end


def _represented_body(text: str, s: int, at: int) -> tuple[int, str] | None:
    """(start, name) of the institution that "yang diwakili (oleh)" before `at` says is represented."""
    rep = BODY_REPRESENTED_BEFORE.search(text, max(s, at - MENTION_WINDOW), at)
    if not rep:
        return None
    for inst in _patterns()[2].finditer(text, max(s, rep.start() - MENTION_WINDOW), rep.start()):
        name = role_extent(text[inst.start():rep.start()]).strip(" ,")
        if name and inst.start() + len(name) == len(text[:rep.start()].rstrip(" ,")):
            return inst.start(), name
    return None


def _institution_of_body(role: str | None, body: str) -> str:
    """A representative's own office, placed where the body it stands for is ("Kesbangpol" of
    "Pemerintah Kabupaten X" -> "Kesbangpol Kabupaten X"); the body itself when the role names no
    institution of its own."""
    own = gazetteer.role_institution(role) if role else None
    if not own or not _patterns()[2].match(own):  # "Kepala Bidang Fasilitasi ...": a unit of the body
        return body
    head = _patterns()[2].match(body)
    level = re.search(r"\b(?:Provinsi|Kabupaten|Kota)$", head.group()) if head else None
    place = body[level.start() if level else head.end():].strip() if head else ""
    return own if has_place(own) or not place or not has_place(place) else f"{own} {place}"


def _institution_for(role: str | None, represents: str | None) -> str | None:
    """The institution a role makes plain; a bare one ("Kodim") takes the represented post's unit."""
    own = gazetteer.role_institution(role) if role else None
    theirs = gazetteer.role_institution(represents) if represents else None
    if own and has_tail(own):
        return own
    if not theirs and represents:
        inside = _patterns()[2].search(represents)
        theirs = role_extent(represents[inside.start():]) if inside else None
    return theirs or own


def _mentions(text: str, s: int, e: int) -> list[Mention]:
    role_re, title_re, institution_re, election = _patterns()
    found: list[Mention] = []
    pos = s
    while pos < e:
        m = role_re.search(text, pos, e)
        if not m:
            break
        if election.search(text[max(s, m.start() - 50):m.start()]) or \
                _venue_heads().search(text, max(s, m.start() - 40), m.start()):
            pos = m.end()  # an election's name, or a place: "Kompleks Kantor Gubernur Jawa Tengah"
            continue
        role_end, role, person = _role_and_person(text, m.start(), e)
        before = _person_before(text, s, m.start()) or _quoted_speaker(text, s, m.start())
        if before and (person is None or "," in text[role_end:person[0]]):
            person = before  # "Tjahjo Kumolo Mendagri, Rudiantara Menkominfo": the name before is the role's
        # "Ketua KPU dan Ketua Bawaslu Kabupaten Jepara": the first role shares the second's region;
        # "ketua dan anggota KPU kabupaten/kota": a bare first role shares the second's body too.
        coord = COORDINATED.match(text, role_end)
        if person is None and coord and role_re.match(text, coord.end()):
            _, second, _ = _role_and_person(text, coord.end(), e)
            second_head = role_re.match(second)
            body = institution_re.search(second, 0, second_head.end()) if second_head else None
            if body and gazetteer.role_institution(role) is None:
                tail = " " + second[body.start():]
            else:
                tail = second[second_head.end():] if second_head else ""
            if tail.strip() and not has_tail(role):
                role = role + tail
        end = person[1] if person else role_end
        represents = None
        rep = REPRESENTED_BY.match(text, end)
        if rep:
            r_start = rep.end()
            r_match = role_re.match(text, r_start)
            if r_match:
                r_end, r_role, r_person = _role_and_person(text, r_start, e)
            else:
                r_role, r_person = None, _person_at(text, r_start)
            if r_person:
                found.append(Mention(m.start(), r_person[1], r_person[2], r_role,
                                     _institution_for(r_role, role), represents=role))
                pos = r_person[1]
                continue
        rep = REPRESENTING.match(text, end)
        if rep and person and role_re.match(text, rep.end()):
            r_end = extent_end(text, rep.end(), e)
            represents = text[rep.end():r_end].strip(" ,")
            end = r_end
        before = text[max(s, m.start() - 20):m.start()]
        if ON_BEHALF_BEFORE.search(before):  # "Perwakilan Danlanud Iskandar Pbn": someone on the post's behalf
            post = text[m.start():end].strip(" ,")
            found.append(Mention(m.start(), end, None, None, _institution_for(None, post), represents=post))
            pos = end
            continue
        body = _represented_body(text, s, m.start()) if person and not represents else None
        if body:  # "Pemerintah Kabupaten X yang diwakili oleh Kaban Kesbangpol Y": Y came on X's behalf
            found.append(Mention(body[0], end, person[2], role, _institution_of_body(role, body[1]),
                                 represents=body[1]))
            pos = max(end, m.end())
            continue
        keep = person is not None or has_tail(role) or GROUP_BEFORE.search(before) or _national_post(role)
        if keep:
            found.append(Mention(m.start(), end, person[2] if person else None, role,
                                 _institution_for(role, represents), represents))
        pos = max(end, m.end())
    # People named by title without a role ("AKBP Rendra", "Bapak Terbit Nawolo Jati dari Ditjen ...").
    for m in title_re.finditer(text, s, e):
        if any(f.start <= m.start() < f.end for f in found) or STREET_BEFORE.search(text[max(s, m.start() - 6):m.start()]):
            continue
        person = _person_at(text, m.start())
        if not person:
            continue
        # "Bapak Nurhayanto, S.Si anggota KPU Provinsi X": the name comes first, then its post.
        post_at = person[1] + re.match(r"\s*,?\s*", text[person[1]:e]).end()
        post = next((f for f in found if f.start == post_at and f.name is None and f.role), None)
        if post:
            post.start, post.name = person[0], person[2]
        else:
            found.append(Mention(person[0], person[1], person[2], None, _origin(text, person[1], e)))
    return found + _bracketed_posts(text, s, e, found)


def _bracketed_posts(text: str, s: int, e: int, taken: list[Mention]) -> list[Mention]:
    """Lists that give each name its post in brackets: "Yadi (Ketua Bawaslu Kab. Serang), Adjurum (Sekdes Cisait)"."""
    role_re = _patterns()[0]
    found = []
    for bracket in re.finditer(r"\(", text[s:e]):
        at = s + bracket.start()
        role = role_re.match(text, at + 1)
        if not role or any(t.start <= at < t.end for t in taken + found):
            continue
        for boundary in NAME_FIRST_BOUNDARY.finditer(text, max(s, at - 70), at):
            person = _person_at(text[:at].rstrip(), boundary.end())
            if person and person[1] == len(text[:at].rstrip()):
                close = text.find(")", at, e)
                post = role_extent(text[at + 1:close]).strip(" ,") if close != -1 else role.group()
                found.append(Mention(person[0], close + 1 if close != -1 else role.end(), person[2], post,
                                     _institution_for(post, None)))
                break
    return found


def _origin(text: str, pos: int, limit: int) -> str | None:
    """"... dari Ditjen Bina Administrasi Kewilayahan": the institution a person comes from."""
    _, _, institution, _ = _patterns()
    lead = re.match(r"\s+(?:dari|asal)\s+", text[pos:limit])
    if not lead or not institution.match(text, pos + lead.end()):
        return None
    start = pos + lead.end()
    end = _office_end(text, start, extent_end(text, start, limit), limit)
    return text[start:end] or None


@lru_cache(maxsize=1)
def _force_of_rank() -> re.Pattern[str]:
    """A rank written with its force ("Mayjen TNI", "Brigjen Pol"), up to the force."""
    prefixes = {r.rank.rsplit(" ", 1)[0] for r in gazetteer.ranks() if r.rank.endswith((" TNI", " Pol"))}
    return re.compile(rf"\b(?:{alternation(prefixes)})\s+$")


def _institutions(text: str, s: int, e: int, taken: list[Mention]) -> list[Mention]:
    """Institutions named without a person in a sentence that reports who took part.

    An institution needs its unit or place ("Pengadilan Negeri Pangkalan Bun"); a bare one
    ("Bawaslu") counts only as an item of a list of attendees, not in "personel TNI".
    """
    _, _, institution_re, _ = _patterns()
    found: list[Mention] = []
    pos = s
    for m in institution_re.finditer(text, s, e):
        if m.start() < pos or any(t.start <= m.start() < t.end for t in taken):
            continue
        if _force_of_rank().search(text, max(s, m.start() - 20), m.start()):
            continue  # "Mayjen TNI Hinsa Siburian": the rank's force, not an institution taking part
        last_end = max((t.end for t in taken if t.end <= m.start()), default=None)
        mention = text[m.start():extent_end(text, m.start(), e)]
        place = PLACE_AFTER.match(text, m.start() + len(mention), e)
        if not has_tail(mention) and place:
            mention += place.group()
        pos = m.start() + len(mention)
        if found and found[-1].end <= m.start():
            last_end = max(last_end or 0, found[-1].end)
        listed = last_end is not None and LIST_GAP.match(text[last_end:m.start()])
        if has_tail(mention) or listed:
            found.append(Mention(m.start(), pos, None, None, mention.strip(" ,")))
    return found


@lru_cache(maxsize=1)
def _list_patterns() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    words = load_toml("patterns.toml")["attendees"]
    lead = re.compile(rf"\b(?:{alternation(words['list_lead_ins'])})\s+", re.I)
    prefix = re.compile(rf"^(?:{alternation(words['item_prefixes'])})\s+(?:dari\s+)?", re.I)
    return lead, frozenset(words["group_entries"]), frozenset(words["vague_groups"]), prefix


@lru_cache(maxsize=1)
def _item_separators() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where list items part: commas, "serta", "dan", and an item prefix as it opens an item
    ("Perwakilan ", "PJU "); the prefix itself, which must be followed by an institution (not
    "Dewan Perwakilan Rakyat")."""
    words = load_toml("patterns.toml")["attendees"]["item_prefixes"]
    prefix = "(?:" + "|".join(re.escape(w[0].upper() + w[1:]) + "|" + re.escape(w.upper()) for w in words) + r")\s+"
    separators = rf",\s*(?:dan\s+|serta\s+)?|\s+(?:serta|maupun)\s+|\s+dan\s+|\s+(?={prefix})"
    return re.compile(separators), re.compile(prefix)


@lru_cache(maxsize=1)
def _list_owner() -> re.Pattern[str]:
    table = load_toml("patterns.toml")
    nouns = table["attendees"]["list_owner_nouns"] + table["meeting"]["nouns"]
    # the noun heads the phrase "yang" qualifies: no verb ("membentuk", "dibahas") stands between them
    verb = r"(?-i:\b(?:me|ber|di)[a-z]{3,}\b)"
    return re.compile(rf"\b(?:{alternation(nouns)})\b(?:(?!{verb})[^.,;]){{0,40}}$", re.I)


def _lists_participants(text: str, s: int, at: int) -> bool:
    """A lead-in after "yang" opens a list of participants only when a meeting or participant noun
    stands shortly before it: "peserta yang terdiri dari ...", not "tim terpadu yang melibatkan KPU"."""
    before = text[max(s, at - 60):at]
    yang = re.search(r"\byang\s+$", before)
    return yang is None or _list_owner().search(before, 0, yang.start()) is not None


def _participants_end(text: str, s: int, e: int) -> int:
    """Where a sentence stops telling who took part: at a "yang melibatkan"/"yang terdiri dari" that
    lists what something else is made of ("membentuk tim terpadu yang melibatkan KPU, TNI, Polri")."""
    lead, _, _, _ = _list_patterns()
    return next((m.start() for m in lead.finditer(text, s, e) if not _lists_participants(text, s, m.start())), e)


def _list_items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Items of a list of participants ("terdiri dari unsur A, B, C serta D"), as spans.

    Items split at commas and "serta"; "dan" splits only before another institution or post,
    so "Dinas Kependudukan dan Pencatatan Sipil" stays whole.
    """
    lead, _, _, _ = _list_patterns()
    role_re, _, institution_re, _ = _patterns()
    separators, prefix_word = _item_separators()
    m = lead.search(text, s, e)
    if not m:
        return []
    items, left = [], m.end()
    for sep in separators.finditer(text[m.end():e]):
        cut = m.end() + sep.start()
        after = m.end() + sep.end()
        if not sep.group().strip():  # "Perwakilan Kejari X Perwakilan KPU X": a comma left out
            prefix = prefix_word.match(text, after, e)
            if not (prefix and institution_re.match(text, prefix.end())):
                continue
        elif sep.group().strip() == "dan" and not (institution_re.match(text, after) or role_re.match(text, after)):
            continue
        items.append((left, cut))
        left = m.end() + sep.end()
    items.append((left, e))
    return [(a, b) for a, b in items if b > a]


def _listed_groups(text: str, s: int, e: int, taken: list[Mention], orgs: set[tuple[int, int]]) -> list[Mention]:
    """Institutions and kept groups named as items of a list of participants; an item that the
    NER model reads as one organisation counts too ("IAIN Bone")."""
    _, groups, vague, prefix = _list_patterns()
    _, _, institution_re, _ = _patterns()
    found = []
    for a, b in _list_items(text, s, e):
        item = prefix.sub("", text[a:b].strip(" .;"))
        item = re.split(r"\s+(?:yang|untuk|guna|dalam|pada|di)\s+", item)[0].strip(" .;")
        start = text.find(item, a, b + 1)
        if not item or any(t.start < start + len(item) and start < t.end for t in taken):
            continue
        key = item.lower()
        if key in vague or len(item.split()) > 8 or _is_degree(item):
            continue
        named = institution_re.match(item) and not re.search(r"\s(?!dan\s|se-)[a-z]", item)
        post = _patterns()[0].match(item)  # "Pasi Kodim": a post the model read as an organisation
        if key in groups or named or ((start, start + len(item)) in orgs and not post):
            found.append(Mention(start, start + len(item), None, None, item))
    return found


def _is_degree(item: str) -> bool:
    """"S.Pdi" left over from a name's degrees: read as an organisation, never one."""
    return "." in item and re.fullmatch(gazetteer.degree_pattern(), item, re.I) is not None


@lru_cache(maxsize=2)
def _venue_heads(named: bool = False) -> re.Pattern[str]:
    """A venue head ending the text ("di Aula "); `named`: or followed by capitalised words of the
    venue's name ("di Ballroom Horison "). What comes next is a place, not a post or a person."""
    name_words = r"(?:\s+(?-i:[A-Z])[\w'.&-]*){0,3}" if named else ""
    return re.compile(rf"\b(?:{alternation(load_toml('patterns.toml')['venue']['heads'])}){name_words}\s+$", re.I)


def _canonical_key(institution: str) -> str:
    return normalise(gazetteer.canonical_institution(institution) or institution)


def _fuller(new: str, old: str) -> bool:
    """"Polres Kobar" says more than "Polres": the same post or office with its place."""
    return not has_tail(old) and has_tail(new) and normalise(new).startswith(normalise(old))


def _merge(text: str, mentions: list[Mention]) -> list[Mention]:
    """One entry per person and per institution; later partial names fold into earlier full ones."""
    people: list[Mention] = []
    for m in mentions:
        if not m.name:
            continue
        tokens = set(normalise(m.name).split())
        same = next((p for p in people if tokens <= set(normalise(p.name).split())
                     or set(normalise(p.name).split()) <= tokens), None)
        if same:
            if len(m.name) > len(same.name):
                same.name = m.name
            if m.role and (not same.role or _fuller(m.role, same.role)):
                same.role = m.role  # "Kapolres AKBP Yusfandi", later "Kapolres Kobar AKBP Yusfandi"
            if m.institution and (not same.institution or _fuller(m.institution, same.institution)):
                same.institution = m.institution
            same.represents = same.represents or m.represents
        else:
            people.append(m)
    covered = {_canonical_key(p.institution) for p in people if p.institution}
    groups: list[Mention] = []
    for m in mentions:
        if m.name or not m.institution:
            continue
        key = _canonical_key(m.institution)
        if any(key == c or key in c or c in key for c in covered):
            # "para camat", later "27 camat se-Kabupaten Banyumas": the fuller entry stands
            bare = next((i for i, g in enumerate(groups) if _fuller(m.institution, g.institution)), None)
            if bare is not None:
                groups[bare] = m
            continue
        covered.add(key)
        groups.append(m)
    return sorted(people + _regencies_and_cities(text, groups), key=lambda m: m.start)


REGENCIES_OR_CITIES = re.compile(r"Pemerintah (Kabupaten|Kota) (se-.+)")
COORDINATION_GAP = re.compile(r"[\s,/]*(?:(?:dan|serta)[\s,/]*)?")


def _coordinated(text: str, a: Mention, b: Mention) -> bool:
    """Nothing but "dan", "serta", a comma or a slash between two mentions (or they touch)."""
    first, second = sorted((a, b), key=lambda m: m.start)
    return COORDINATION_GAP.fullmatch(text, first.end, max(first.end, second.start)) is not None


def _regencies_and_cities(text: str, groups: list[Mention]) -> list[Mention]:
    """"bupati dan wali kota se-Bali": the regencies' and the cities' governments of a province
    are one group, "Pemerintah Kabupaten/Kota se-Bali", as "bupati/wali kota se-Bali" gives."""
    kept: list[Mention] = []
    for m in groups:
        this = REGENCIES_OR_CITIES.fullmatch(m.institution or "")
        pair = next((k for k in kept if this and (other := REGENCIES_OR_CITIES.fullmatch(k.institution or ""))
                     and other.group(2) == this.group(2) and other.group(1) != this.group(1)
                     and _coordinated(text, k, m)), None)
        if pair is None:
            kept.append(m)
            continue
        pair.institution = f"Pemerintah Kabupaten/Kota {this.group(2)}"
        pair.start, pair.end = min(pair.start, m.start), max(pair.end, m.end)
        pair.role = " ".join(text[pair.start:pair.end].split())
    return kept


def _unread_capitals(text: str, s: int, e: int, taken: list[Mention]) -> bool:
    """Whether a sentence has capitalised words past its first that no rule mention covers: a name
    without a post or an organisation only the NER model may read."""
    return any(m.start() > s and m.group() not in _not_name_words()
               and not any(t.start <= m.start() < t.end for t in taken)
               for m in CAPITALISED_WORD.finditer(text, s, e))


def _ner_people(text: str, entities: list[Span], s: int, e: int, taken: list[Mention]) -> list[Mention]:
    """Persons the trained NER model finds in a sentence that reports who took part, which the
    rules missed (a name without role or title)."""
    found = []
    for ent in entities:
        if ent.label_ != "PER" or not (s <= ent.start_char and ent.end_char <= e):
            continue
        if any(t.start < ent.end_char and ent.start_char < t.end for t in taken):
            continue
        if _venue_heads(named=True).search(text, max(s, ent.start_char - 60), ent.start_char):
            continue  # "Ballroom Horison Ultima Ratu": a place named like a person
        end = ent.end_char
        inner_role = _patterns()[0].search(text, ent.start_char + 1, end)  # "Tito Karnavian Kapolri"
        if inner_role and text[inner_role.start() - 1] == " ":
            end = inner_role.start() - 1
        name = gazetteer.strip_person_name(text[ent.start_char:end])
        if plausible_name(name) and len(name.split()) >= 2:
            found.append(Mention(ent.start_char, end, name, None, _origin(text, end, e)))
    return found


def _placed(text: str, bare: str, institutions: list[str]) -> str:
    """A bare unit ("Kodim" of a Kasdim, "KPU" of an anggota KPU) is the article's one placed
    mention of it, in the text or as another attendee's institution ("Kodim 1702/Jayawijaya" of
    the Dandim); with none, or several ("KPU Provinsi X" and "KPU Kabupaten Y"), it stays bare."""
    mentions = [re.split(r"[.;,](?=\s)", role_extent(text[m.start():m.start() + MENTION_WINDOW]))[0]
                for m in re.finditer(rf"\b{re.escape(bare)}\b", text)]  # a mention ends with its sentence
    placed = {_canonical_key(m): m for m in mentions + institutions
              if m.startswith(f"{bare} ") and has_tail(m)}
    return next(iter(placed.values())) if len(placed) == 1 else bare


def _names_an_institution(institution: str) -> bool:
    """Not a bare field of work ("Hukum", "Teknis Penyelenggaraan", "Sumber Daya"): the post of a
    division head names the division's field, which is no body of its own."""
    words = institution.split()
    fields = load_toml("patterns.toml")["attendees"]["field_words"]
    return len(words) > 3 or not all(w in _not_name_words() or w in fields for w in words)


def extract_attendees(doc: Doc) -> FieldResult:
    text, body = doc_text(doc), doc._.body_start
    entities = doc._.sentence_entities  # None: no NER model shipped
    mentions: list[Mention] = []
    listing = False  # the sentence before listed who took part
    for s, e in sentences(text, body):
        e = min(e, s + MAX_SENTENCE_CHARS)
        goes_on = listing and LIST_GOES_ON.match(text, s, e) is not None
        if not (ATTENDANCE.search(text, s, e) or goes_on):
            listing = False
            continue
        people = _mentions(text, s, e)
        part = _participants_end(text, s, e)
        listing = PRESENCE.search(text, s, part) is not None or goes_on
        if listing:
            asks = entities and NER_CUES.search(text, s, e) and _unread_capitals(text, s, part, people)
            found = entities(s, e) if asks else []
            people += _ner_people(text, found, s, part, people)
            orgs = {(ent.start_char, ent.end_char) for ent in found if ent.label_ == "ORG"}
            listed = _listed_groups(text, s, part, people, orgs)
            mentions += listed + _institutions(text, s, part, people + listed)
        mentions += people
    merged = _merge(text, mentions)
    known = [m.institution for m in merged if m.institution]
    for m in merged:
        if m.institution and not has_tail(m.institution):
            m.institution = _placed(text, m.institution, known)
        if m.institution:
            m.institution = as_written(text, m.institution)
        if m.institution and not _names_an_institution(m.institution):
            m.institution = None
    merged = [m for m in merged if m.name or m.institution]
    value = [
        {"name": m.name, "role": m.role, "institution": m.institution, "represents": m.represents,
         "institution_canonical": gazetteer.canonical_institution(m.institution) if m.institution else None}
        for m in merged
    ]
    return FieldResult(value, [(m.start, m.end) for m in merged], 0.6 if value else 0.0)
