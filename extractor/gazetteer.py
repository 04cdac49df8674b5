"""Gazetteers of Indonesian regions, institutions, roles, ranks, degrees and honorifics.

The lists live in ``extractor/data/*.csv`` (each row names its source); this module only
reads them, once per process, and derives lookups and regular expressions from them:

- regions: ``regions()``, ``region_names()``, ``find_regions()``, ``expand_region()``
- institutions: ``institutions()``, ``match_institution()``, ``canonical_institution()``,
  ``institution_pattern()``
- roles: ``roles()``, ``normalize_role()``, ``match_role()``, ``role_institution()``,
  ``role_pattern()``
- persons: ``rank_pattern()``, ``degree_pattern()``, ``honorific_pattern()``,
  ``strip_person_name()``

Patterns are returned as strings (compile them with any flags; case sensitivity is set
inside them with scoped ``(?i:...)`` groups where it is wanted) and as cached compiled
objects by the ``*_regex()`` functions.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "Region", "Institution", "Role", "Rank", "Degree", "Honorific",
    "regions", "region_names", "find_regions", "expand_region",
    "institutions", "match_institution", "canonical_institution", "institution_pattern",
    "institution_regex",
    "roles", "normalize_role", "match_role", "role_institution", "role_pattern", "role_regex",
    "ranks", "degrees", "honorifics", "rank_pattern", "degree_pattern", "honorific_pattern",
    "rank_regex", "degree_regex", "honorific_regex", "strip_person_name",
]


# --------------------------------------------------------------------------- records

@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str                 # "Kotawaringin Barat"
    kind: str                 # provinsi | kabupaten | kota
    full: str                 # "Kabupaten Kotawaringin Barat"
    province: str             # province name ("Kalimantan Tengah"); itself for a province
    short_forms: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Institution:
    abbr: str                 # as commonly written: "Polres"
    full: str                 # "Kepolisian Resor"
    family: str               # polri | tni | penyelenggara | pemda | hukum | intelijen | lain
    level: str                # pusat | provinsi | kabupaten (kab/kota) | kecamatan | desa | -
    parent: str               # for internal units (Sat Intelkam -> Polres); else ""
    source: str


@dataclass(frozen=True, slots=True)
class Role:
    role: str                 # "Kapolres"
    institution: str          # abbr of the implied institution ("Polres"); may be ""
    takes_following_institution: bool
    head: bool
    note: str
    source: str


@dataclass(frozen=True, slots=True)
class Rank:
    rank: str
    force: str                # polri | tni | tni-ad | tni-al | tni-au | -
    abbr_of: str
    kind: str                 # rank | corps | suffix
    source: str


@dataclass(frozen=True, slots=True)
class Degree:
    degree: str
    position: str             # prefix | suffix
    meaning: str
    source: str


@dataclass(frozen=True, slots=True)
class Honorific:
    token: str
    kind: str                 # honorific | adat_title | name_part
    note: str
    source: str


# --------------------------------------------------------------------------- helpers

def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("extractor").joinpath("data").joinpath(name)
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _key(text: str) -> str:
    """Lookup key: lower case, no dots, no whitespace ("Sat. Intelkam" -> "satintelkam")."""
    return re.sub(r"[\s.]+", "", text).casefold()


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _alternation(parts: Iterable[tuple[str, str]]) -> str:
    """Join (surface form, regex) pairs, longest surface form first, without duplicates."""
    seen: set[str] = set()
    out: list[str] = []
    for _surface, rx in sorted(parts, key=lambda p: (-len(p[0]), p[0])):
        if rx not in seen:
            seen.add(rx)
            out.append(rx)
    return "|".join(out)


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _words_rx(text: str, joiner: str) -> str:
    return joiner.join(re.escape(w) for w in text.replace(".", " ").split())


# --------------------------------------------------------------------------- regions

_KIND_WORDS = {
    "provinsi": "provinsi", "prov": "provinsi",
    "kabupaten": "kabupaten", "kab": "kabupaten",
    "kota": "kota", "kotamadya": "kota",
}
_KIND_PREFIX = re.compile(
    r"^(?:(?P<kind>provinsi|prov|kabupaten|kab|kota|kotamadya)\b\.?|kota\s+administrasi\b"
    r"|kabupaten\s+administrasi\b)\s*",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def regions() -> list[Region]:
    """All 38 provinces and 514 kabupaten/kota, in Kemendagri code order."""
    return [
        Region(
            code=r["code"], name=r["name"], kind=r["kind"], full=r["full"], province=r["province"],
            short_forms=tuple(s.strip() for s in r["short_forms"].split(";") if s.strip()),
            source=r["source"],
        )
        for r in _rows("regions.csv")
    ]


@lru_cache(maxsize=1)
def _region_index() -> dict[str, tuple[Region, ...]]:
    index: dict[str, list[Region]] = {}
    for reg in regions():
        for form in (reg.name, reg.full, *reg.short_forms):
            bucket = index.setdefault(form.casefold(), [])
            if reg not in bucket:
                bucket.append(reg)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Every name, full name and short form of a region, as written ("Kobar", "Kaltim")."""
    return frozenset(f for reg in regions() for f in (reg.name, reg.full, *reg.short_forms))


def find_regions(text: str, kind: str | None = None) -> list[Region]:
    """Regions that ``text`` names ("Kab. Kobar", "Malang", "Kota Malang", "Kaltim").

    A leading kind word (Provinsi/Prov./Kabupaten/Kab./Kota) or ``kind`` narrows the result.
    """
    t = _ws(text).strip(" ,.;:")
    found = list(_region_index().get(t.casefold(), ()))
    m = _KIND_PREFIX.match(t)
    if m:
        word = (m.group("kind") or "").casefold()
        kind = kind or _KIND_WORDS.get(word) or ("kota" if t.casefold().startswith("kota") else "kabupaten")
        rest = t[m.end():]
        if rest:
            found = found + [r for r in _region_index().get(rest.casefold(), ()) if r not in found]
    if kind:
        found = [r for r in found if r.kind == kind]
    return found


def expand_region(short: str, kind: str | None = None) -> str | None:
    """Official name for a region as written: "Kobar" -> "Kotawaringin Barat".

    None when unknown or when the form names two different regions ("Mura").
    """
    names = {r.name for r in find_regions(short, kind)}
    return names.pop() if len(names) == 1 else None


def _pick_region(found: list[Region]) -> Region | None:
    """Province before kabupaten before kota when a bare name fits several."""
    order = {"provinsi": 0, "kabupaten": 1, "kota": 2}
    return min(found, key=lambda r: order.get(r.kind, 3)) if found else None


@lru_cache(maxsize=1)
def _region_mention_regex() -> re.Pattern[str]:
    """A region mention with an optional kind word, for search inside role texts."""
    forms = [(f, _words_rx(f, r"\s+") if "." not in f else re.escape(f)) for f in region_names()]
    kinds = r"(?i:Provinsi|Prov\.?|Kabupaten|Kab\.?|Kota(?:\s+Administrasi)?|Kotamadya)"
    # names are matched as written (capitalised): "Batu", "Lahat", "Puncak" are also common words
    return re.compile(rf"(?<![\w])(?:(?P<kind>{kinds})\s+)?(?P<name>{_alternation(forms)})(?![\w])")


@lru_cache(maxsize=1)
def _short_form_regex() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Short forms that name exactly one region and are not themselves a region name."""
    names_cf = {r.name.casefold() for r in regions()}
    target: dict[str, set[str]] = {}
    for reg in regions():
        for s in reg.short_forms:
            target.setdefault(s, set()).add(reg.name)
    mapping = {s: next(iter(n)) for s, n in target.items() if len(n) == 1 and s.casefold() not in names_cf}
    if not mapping:
        return None, {}
    rx = _alternation((s, re.escape(s)) for s in mapping)
    return re.compile(rf"(?<![\w])(?:{rx})(?![\w])"), mapping


# --------------------------------------------------------------------------- institutions

@lru_cache(maxsize=1)
def institutions() -> dict[str, Institution]:
    """Institutions keyed by lower-case abbreviation as written ("polres", "satpol pp")."""
    out: dict[str, Institution] = {}
    for r in _rows("institutions.csv"):
        inst = Institution(r["abbr"], r["full"], r["family"], r["level"], r["parent"], r["source"])
        out.setdefault(inst.abbr.casefold(), inst)
    return out


@lru_cache(maxsize=1)
def _institution_keys() -> dict[str, Institution]:
    """Lookup by normalised key of the abbreviation or of the full name."""
    keys: dict[str, Institution] = {}
    for inst in institutions().values():
        keys.setdefault(_key(inst.abbr), inst)
    for inst in institutions().values():
        keys.setdefault(_key(inst.full), inst)
    return keys


@lru_cache(maxsize=1)
def _institution_forms() -> list[tuple[str, str]]:
    forms: list[tuple[str, str]] = []
    for inst in institutions().values():
        for surface, joiner in ((inst.abbr, r"[\s.]*"), (inst.full, r"\s+")):
            rx = _words_rx(surface, joiner)
            if not _is_acronym(surface):
                # capital first letter as written in news, any case after it ("Polres", "POLRES")
                rx = f"{re.escape(surface[0])}(?i:{rx[len(re.escape(surface[0])):]})"
            forms.append((surface, rx))
    return forms


@lru_cache(maxsize=1)
def institution_pattern() -> str:
    """Regex alternation of institution heads (abbreviations and full names), longest first.

    Acronyms (KPU, PPK, BIN, NU) are case-sensitive; other heads need their capital first
    letter ("Polres", "POLRES", not "polres"; "Desa" but not the common noun "desa").
    """
    return rf"(?<![\w])(?:{_alternation(_institution_forms())})(?![\w])"


@lru_cache(maxsize=1)
def institution_regex() -> re.Pattern[str]:
    return re.compile(institution_pattern())


@lru_cache(maxsize=1)
def _institution_regex_nocase() -> re.Pattern[str]:
    return re.compile(institution_pattern(), re.IGNORECASE)


def match_institution(text: str) -> tuple[Institution, str] | None:
    """The institution head at the start of ``text`` and the rest ("Polres", "Kobar")."""
    t = _ws(text)
    m = institution_regex().match(t) or _institution_regex_nocase().match(t)
    if not m:
        return None
    inst = _institution_keys().get(_key(m.group(0)))
    if inst is None:
        return None
    return inst, t[m.end():].strip()


_UNIT_NUMBER = re.compile(r"^(?:\d+[\w-]*|[IVXL]+)(?:/|\b)")
_KIND_ABBR = [
    (re.compile(r"(?<![\w])Kab\.?(?=\s|$)", re.IGNORECASE), "Kabupaten"),
    (re.compile(r"(?<![\w])Prov\.?(?=\s|$)", re.IGNORECASE), "Provinsi"),
    (re.compile(r"(?<![\w])Kec\.(?=\s|$)", re.IGNORECASE), "Kecamatan"),
    (re.compile(r"(?<![\w])Kel\.(?=\s|$)", re.IGNORECASE), "Kelurahan"),
]


def _expand_tail(tail: str) -> str:
    if not tail or _UNIT_NUMBER.match(tail):
        return tail
    for rx, word in _KIND_ABBR:
        tail = rx.sub(word, tail)
    rx, mapping = _short_form_regex()
    if rx is not None:
        tail = rx.sub(lambda m: mapping[m.group(0)], tail)
    return tail


def canonical_institution(text: str) -> str | None:
    """Full official name for an institution as written; None when the head is unknown.

    "Polres Kobar" -> "Kepolisian Resor Kotawaringin Barat";
    "KPU Kab. Kobar" -> "Komisi Pemilihan Umum Kabupaten Kotawaringin Barat";
    "Kodim 0818/Malang-Batu" -> "Komando Distrik Militer 0818/Malang-Batu".
    """
    t = _ws(re.sub(r"\([^)]*\)", " ", text or ""))
    found = match_institution(t)
    if found is None:
        return None
    inst, rest = found
    if rest:
        nested = canonical_institution(rest) if match_institution(rest) else None
        rest = nested if nested else _expand_tail(rest)
    return _ws(f"{inst.full} {rest}")


# --------------------------------------------------------------------------- roles

_ACTING_RX = (
    r"(?:P[Jj][Ss]?|PJS|Pl[tThH]|PL[TH])\.?(?=\s|$)|Penjabat|Pejabat\s+Sementara"
    r"|Pelaksana\s+Tugas|Pelaksana\s+Harian"
)
_ACTING = re.compile(rf"^(?P<acting>{_ACTING_RX})\s*", re.IGNORECASE)
_ACTING_CANON = {"pj": "Pj", "pjs": "Pjs", "plt": "Plt", "plh": "Plh", "penjabat": "Pj",
                 "pejabatsementara": "Pjs", "pelaksanatugas": "Plt", "pelaksanaharian": "Plh"}
_PEMDA_KIND = {"pemprov": "provinsi", "pemkab": "kabupaten", "pemkot": "kota", "pemkab/pemkot": "kabupaten/kota",
               "pemda": None}
# Units inside a body that name a post's field, not the body ("... KPU Provinsi X Divisi Teknis").
INTERNAL_UNIT = re.compile(r"\s+(?=(?:Divisi|Bidang|Seksi|Subbagian|Sub Bagian|Bagian)\s)")
_KIND_TITLE = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota", "kabupaten/kota": "Kabupaten/Kota"}


@lru_cache(maxsize=1)
def roles() -> list[Role]:
    return [
        Role(r["role"], r["institution"], r["takes_following_institution"] == "yes",
             r["head"] == "yes", r["note"], r["source"])
        for r in _rows("roles.csv")
    ]


@lru_cache(maxsize=1)
def _role_keys() -> dict[str, Role]:
    out: dict[str, Role] = {}
    for role in roles():
        out.setdefault(_key(role.role), role)
    return out


def normalize_role(text: str) -> str:
    """Spelling variants to one form: "PJ. Walikota" -> "Pj Wali Kota", "Plt." -> "Plt"."""
    t = _ws(text)
    m = _ACTING.match(t)
    if m:
        t = _ACTING_CANON[_key(m.group("acting"))] + " " + t[m.end():]
    t = re.sub(r"\bwali\s*kota\b", "Wali Kota", t, flags=re.IGNORECASE)
    return _ws(t)


@lru_cache(maxsize=1)
def role_pattern() -> str:
    """Regex alternation of role words (longest first), any case, with an optional acting
    prefix (Pj/Plt/Plh/Pjs/Penjabat) and optional spaces inside compounds
    ("Kasat Intelkam"/"Kasatintelkam", "Wali Kota"/"Walikota")."""
    forms = [(r.role, _words_rx(r.role, r"[\s.]*")) for r in roles()]
    return rf"(?i:(?<![\w])(?:(?:{_ACTING_RX})\s*)?(?:{_alternation(forms)})(?![\w]))"


@lru_cache(maxsize=1)
def role_regex() -> re.Pattern[str]:
    return re.compile(role_pattern())


@lru_cache(maxsize=1)
def _bare_role_regex() -> re.Pattern[str]:
    forms = [(r.role, _words_rx(r.role, r"[\s.]*")) for r in roles()]
    return re.compile(rf"(?:{_alternation(forms)})(?![\w])", re.IGNORECASE)


def _match_role(text: str) -> tuple[Role, str, str] | None:
    """(role, text from the role on, rest after the role) for a normalised text."""
    m = _bare_role_regex().match(text)
    if m:
        role = _role_keys().get(_key(m.group(0)))
        if role is not None:
            return role, text, text[m.end():].strip(" ,")
    am = _ACTING.match(text)
    if am:
        return _match_role(text[am.end():])
    return None


def match_role(text: str) -> tuple[Role, str] | None:
    """The role at the start of ``text`` (after an acting prefix) and the rest."""
    found = _match_role(normalize_role(text))
    return (found[0], found[2]) if found else None


def _main_institution_at(text: str, family: str | None = None) -> int | None:
    """Offset of the first institution head in ``text`` that is not an internal unit
    (and, when ``family`` is given, belongs to that family)."""
    heads = list(institution_regex().finditer(text))
    for m, after in zip(heads, [*heads[1:], None]):
        inst = _institution_keys().get(_key(m.group(0)))
        if inst is None or inst.parent:
            continue
        if inst.abbr == inst.full and inst.level == _key(inst.abbr) and after is not None \
                and not text[m.end():after.start()].strip():
            continue  # "... Masyarakat Desa Dinas Pemdes X": the level word qualifies the words before it
        if family and inst.family != family:
            continue
        return m.start()
    return None


def _pemda_institution(abbr: str, rest: str) -> str | None:
    kind = _PEMDA_KIND[abbr.casefold()]
    group = re.search(r"\bse-\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", rest)
    if group:  # "bupati se-Bali": the governments of every regency of the province, not the province's
        return f"Pemerintah {_KIND_TITLE.get(kind or '', 'Daerah')} {group.group()}"
    m = _region_mention_regex().search(rest)
    if m:
        written_kind = m.group("kind")
        if written_kind:
            kind = _KIND_WORDS.get(_key(written_kind).removesuffix("administrasi"), kind)
        region = _pick_region(find_regions(m.group("name"), kind)) or _pick_region(find_regions(m.group("name")))
        if region is not None:
            if kind is None or region.kind == kind:
                return f"Pemerintah {region.full}"
            return f"Pemerintah {_KIND_TITLE[kind]} {region.name}"
        name = m.group("name")
    else:
        name = rest
    if not name:
        return None
    return _ws(f"Pemerintah {_KIND_TITLE.get(kind or '', 'Daerah')} {name}")


def role_institution(role_text: str) -> str | None:
    """The institution a role makes plain, in the as-written style of the gold records.

    "Kapolres Pasaman Barat" -> "Polres Pasaman Barat"; "Ketua KPU Kabupaten Malang" ->
    "KPU Kabupaten Malang"; "Kasat Intelkam Polres Malang" -> "Polres Malang";
    heads of regional government give "Pemerintah Provinsi/Kabupaten/Kota X"
    ("Pj Gubernur Kaltim" -> "Pemerintah Provinsi Kalimantan Timur").
    """
    found = _match_role(normalize_role(role_text or ""))
    if found is None:
        return None
    role, body, rest = found
    implied = institutions().get(role.institution.casefold()) if role.institution else None

    if role.institution.casefold() in _PEMDA_KIND:
        # "Asisten Tindak Pidana Umum Kejati X": a post of the named office, not of the region
        at = _main_institution_at(rest, "pemda")
        at = _main_institution_at(rest) if at is None else at
        if at is not None:
            return rest[at:]
        return _pemda_institution(role.institution, rest)

    if role.takes_following_institution:
        # the body starts inside the role words: "Ketua KPU ..." -> "KPU ...".
        first = body.split(" ", 1)
        tail = first[1] if len(first) > 1 else ""
        at = _main_institution_at(tail)
        result = tail[at:] if at is not None else rest
        if role.institution and result and not _key(result).startswith(_key(role.institution)):
            result = f"{role.institution} {result}"
        # "Anggota KPU Provinsi Sumatera Utara Divisi Teknis", "anggota KPU Divisi Logistik": the division
        # is the post's; the body ends before it when it is named by its region or is a whole institution
        body_part = INTERNAL_UNIT.split(result, maxsplit=1)[0]
        if _region_mention_regex().search(result) or body_part.casefold() in institutions():
            result = body_part
        return _ws(result) or (role.institution or None)

    if implied is not None:
        at = _main_institution_at(rest, implied.family)
        if at is not None:
            return rest[at:]
    return _ws(f"{role.institution} {rest}") or None


# --------------------------------------------------------------------------- persons

@lru_cache(maxsize=1)
def ranks() -> list[Rank]:
    return [Rank(r["rank"], r["force"], r["abbr_of"], r["kind"], r["source"]) for r in _rows("ranks.csv")]


@lru_cache(maxsize=1)
def degrees() -> list[Degree]:
    return [Degree(r["degree"], r["position"], r["meaning"], r["source"]) for r in _rows("degrees.csv")]


@lru_cache(maxsize=1)
def honorifics() -> list[Honorific]:
    return [Honorific(r["token"], r["kind"], r["note"], r["source"]) for r in _rows("honorifics.csv")]


def _case_variants(text: str) -> list[str]:
    return list(dict.fromkeys([text, text.upper()]))


@lru_cache(maxsize=1)
def rank_pattern() -> str:
    """A rank ("AKBP", "Brigjen Pol", "Letkol", "IPTU") with an optional corps ("Inf",
    "Kav.", "Laut (P)", "Pol") and an optional "(Purn)"."""
    rank_forms: list[tuple[str, str]] = []
    corps_forms: list[tuple[str, str]] = []
    for r in ranks():
        if r.kind == "rank":
            for v in _case_variants(r.rank):
                rank_forms.append((v, _words_rx(v, r"\.?\s+") + r"\.?"))
        elif r.kind == "corps":
            corps_forms.append((r.rank, re.escape(r.rank).replace(r"\ ", r"\s*")))
    return (
        rf"(?<![\w])(?:{_alternation(rank_forms)})"
        rf"(?:\s+(?i:{_alternation(corps_forms)})(?![\w])\.?)?"
        r"(?:\s*\(\s*(?i:purn)\.?\s*\))?(?![\w])"
    )


@lru_cache(maxsize=1)
def rank_regex() -> re.Pattern[str]:
    return re.compile(rank_pattern())


def _degree_rx(degree: str) -> str:
    parts = [p for p in degree.split(".") if p]
    rx = r"(?:\.\s?)?".join(re.escape(p) for p in parts)
    return rx + r"\.?"


def _degree_forms(position: str | None = None) -> list[tuple[str, str]]:
    forms: list[tuple[str, str]] = []
    for d in degrees():
        if position and d.position != position:
            continue
        variants = [d.degree] if d.position == "prefix" else _case_variants(d.degree)
        for v in variants:
            forms.append((v, _degree_rx(v)))
    return forms


@lru_cache(maxsize=1)
def degree_pattern() -> str:
    """An academic degree or professional title, dotted or not ("S.I.K.", "SIK", "M.Si")."""
    return rf"(?<![\w])(?:{_alternation(_degree_forms())})(?![\w])"


@lru_cache(maxsize=1)
def degree_regex() -> re.Pattern[str]:
    return re.compile(degree_pattern())


def _honorific_rx(token: str) -> str:
    """"H." matches "H." and "H" (then a word boundary); "Bapak" matches the word."""
    rx = _words_rx(token, r"\.?\s*")
    return rx + (r"(?:\.|(?![\w]))" if token.endswith(".") else r"(?![\w])")


@lru_cache(maxsize=1)
def honorific_pattern() -> str:
    """An honorific or adat title that is not part of the name (Bapak, Ibu, H., Hj., Dt.).

    Name parts (Andi, Lalu, I Made, Ni Putu, Teuku) are not matched: they stay in names.
    """
    forms = []
    for h in honorifics():
        if h.kind == "name_part":
            continue
        forms.append((h.token, _honorific_rx(h.token)))
    return rf"(?<![\w])(?:{_alternation(forms)})"


@lru_cache(maxsize=1)
def honorific_regex() -> re.Pattern[str]:
    return re.compile(honorific_pattern())


@lru_cache(maxsize=1)
def title_pattern() -> str:
    """What stands before a person's name and is not part of it: rank, honorific, prefix degree."""
    prefix_degrees = [
        (d.degree, _degree_rx(d.degree).removesuffix(r"\.?") + r"(?:\.|(?![\w]))")
        for d in degrees() if d.position == "prefix"
    ]
    honorific = [(h.token, _honorific_rx(h.token)) for h in honorifics() if h.kind == "honorific"]
    return rf"(?<![\w])(?:{rank_pattern()}|{_alternation(honorific + prefix_degrees)})"


@lru_cache(maxsize=1)
def adat_title_pattern() -> str:
    """An adat title and the title words after it, which follow a name ("Yusrizal Dt. Rajo Mudo")."""
    adat = [(h.token, _honorific_rx(h.token)) for h in honorifics() if h.kind == "adat_title"]
    return rf"(?<![\w])(?:{_alternation(adat)})(?:\s+[A-Z][\w'’-]*)+"


@lru_cache(maxsize=1)
def _name_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    prefix_honorifics = [(h.token, _honorific_rx(h.token)) for h in honorifics() if h.kind == "honorific"]
    prefix_degrees = [
        (d.degree, _degree_rx(d.degree).removesuffix(r"\.?") + r"(?:\.|(?![\w]))")
        for d in degrees() if d.position == "prefix"
    ]
    prefix = re.compile(
        rf"^(?:(?:{rank_pattern()}|(?:{_alternation(prefix_honorifics + prefix_degrees)}))[\s,]*)+"
    )
    adat = "|".join(
        _words_rx(h.token, r"\s+") + (r"\.?" if h.token.endswith(".") else "")
        for h in honorifics() if h.kind == "adat_title"
    )
    adat_rx = re.compile(rf"(?<=\S)\s+(?:{adat})(?![\w])(?:\s+[A-Z][\w'’-]*\.?)*(?=\s*(?:,|$))")
    degree_seq = re.compile(rf"(?:(?:{_alternation(_degree_forms())})(?![\w])[\s,]*)+")
    suffix_token = re.compile(rf"(?:{_alternation(_degree_forms('suffix'))})")
    return prefix, adat_rx, degree_seq, suffix_token


def strip_person_name(text: str) -> str:
    """A person's name without ranks, degrees, honorifics and adat titles.

    "AKBP Rendra Wicaksono, S.I.K., M.H." -> "Rendra Wicaksono";
    "Kapten Inf Darmansyah" -> "Darmansyah"; "Bapak H. Holil" -> "Holil";
    name parts stay: "Lalu Ahmad Zaini, S.Sos" -> "Lalu Ahmad Zaini".
    """
    prefix, adat_rx, degree_seq, suffix_token = _name_regexes()
    s = _ws(text or "").strip(" ,;:-–\"'“”")
    s = re.sub(r"\(\s*(?i:purn)\.?\s*\)", " ", s)
    # degrees after the name, separated by commas
    head, *tail = s.split(",")
    kept = [p.strip() for p in tail if p.strip() and not degree_seq.fullmatch(p.strip())]
    s = ", ".join([head.strip(), *kept]) if kept else head.strip()
    # adat title with the words that belong to it ("Hendri Dt. Rajo Mudo"), unless nothing
    # of the name would be left
    without_adat = prefix.sub("", adat_rx.sub("", s)).strip()
    # ranks, honorifics and prefix degrees in front
    s = without_adat or prefix.sub("", s).strip()
    # undotted degrees at the end: "Rendra Wicaksono SIK MH"
    tokens = s.split()
    while len(tokens) > 1 and suffix_token.fullmatch(tokens[-1].rstrip(",")):
        tokens.pop()
    s = " ".join(tokens).strip(" ,;:")
    if s.endswith(".") and not re.search(r"(?:^|\s)[A-Z]\.$", s):
        s = s.rstrip(".")
    return _ws(s)
