"""Where a role or institution mention ends: "Kasat Intelkam Polres Malang", "Dandim 0311/Pesisir
Selatan", "Ketua KPU Kabupaten Lima Puluh Kota", "Badan Kesatuan Bangsa dan Politik (Bakesbangpol)
Kabupaten Malang", read with the region and institution gazetteers so that the person named right
after it ("... Yuliandri Syafitri") is not swallowed."""
from __future__ import annotations

import re
from functools import lru_cache

from extractor import gazetteer
from extractor.data import alternation, load_toml

LEVEL = (r"(?:Kabupaten|Kab\.?|Kota|Kotamadya|Provinsi|Prov\.?|Kecamatan|Kec\.?|Desa|Kelurahan|Kel\.?|"
         r"RI|Republik Indonesia|Pusat|kabupaten/kota|Kabupaten/Kota|kabupaten|kota|provinsi|kecamatan)")
GROUP_TAIL = r"(?:se-?\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|se-\w+|jajaran)"
UNIT_CODE = r"(?:\d{1,4}[A-Za-z]?|[IVXL]{1,5})"
MENTION_WINDOW = 200  # a post with its unit and region is a few words long
ABBREVIATION = r"\((?:[A-Z][\w.]*)(?:\s[A-Z][\w.]*){0,3}\)"


@lru_cache(maxsize=1)
def _regions() -> re.Pattern[str]:
    names = sorted(gazetteer.region_names(), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


@lru_cache(maxsize=1)
def _head() -> re.Pattern[str]:
    return re.compile(rf"(?:{gazetteer.role_pattern()}|{gazetteer.institution_pattern()})")


@lru_cache(maxsize=1)
def _piece() -> re.Pattern[str]:
    """One more word of a unit name: level, group marker, number, abbreviation, institution, role."""
    return re.compile(
        rf"\s+(?:dan\s+(?={gazetteer.institution_pattern()}|[A-Z]\w+\s+(?:Kabupaten|Kota|Provinsi|Kab\.)))?(?:[A-Z]\w+\s+(?=(?:Kabupaten|Kota|Provinsi|Kab\.)))?"
        rf"(?:{LEVEL}(?![\w])|{GROUP_TAIL}|{UNIT_CODE}(?=[\s,.;)]|$)|{ABBREVIATION}|"
        rf"{gazetteer.institution_pattern()}|{gazetteer.role_pattern()})"
    )


@lru_cache(maxsize=1)
def _name_part() -> re.Pattern[str]:
    """Name parts that open a name ("I Gusti", "I Made", "Ni Putu"), kept from being read as units."""
    parts = [h.token for h in gazetteer.honorifics() if h.kind == "name_part" and " " in h.token]
    return re.compile(r"(?:" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=1)
def _title() -> re.Pattern[str]:
    return re.compile(rf"\s+{gazetteer.title_pattern()}")


# Lower-case words that never belong to a post's name: they link it to something else.
LINKING = (r"(?:yang|oleh|diwakili|mewakili|selaku|dari|dan|serta|bersama|hadir|turut|para|beserta|didampingi|sebagai|"
           r"saat|pada|di|ke|untuk|yaitu|yakni|adalah|ialah|ada|antara|lain|ini|itu|tersebut|kegiatan|acara|rapat)\b")


@lru_cache(maxsize=1)
def _lead_to_title() -> re.Pattern[str]:
    return re.compile(
        rf"(?:\s+(?:[A-Z][\w.-]*|(?!{LINKING})[a-z]+|&)){{1,4}}?(?=\s+{gazetteer.title_pattern()})"
    )


@lru_cache(maxsize=1)
def _named_head() -> re.Pattern[str]:
    heads = load_toml("patterns.toml")["units"]["named_heads"]
    return re.compile(rf"(?:{alternation(heads)})\s+[A-Z][\w-]*")


@lru_cache(maxsize=1)
def _office_head() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(load_toml('patterns.toml')['units']['office_heads'])})$")


OFFICE_NAME_TO_PLACE = re.compile(rf"(?:\s+(?:dan\s+)?[A-Z][a-z]+){{1,4}}(?=\s+(?:{LEVEL}\b|se-))")


@lru_cache(maxsize=1)
def _office_word() -> re.Pattern[str]:
    """A domain word of an office's name ("Dinas Pariwisata", "Badan Kesatuan Bangsa dan Politik")."""
    words = load_toml("patterns.toml")["attendees"]["office_words"]
    return re.compile(rf"\s+(?:dan\s+)?(?:{alternation(words)})(?![\w])")


def role_extent(text: str) -> str:
    """The role or institution mention at the start of `text`, with its unit, level and region."""
    m = _head().match(text)
    if not m:
        return ""
    named = _named_head().match(text)
    end = max(m.end(), named.end() if named else 0)
    placed = False  # a region or unit read: an office's domain words ("Dinas Pariwisata") come before it
    while end < len(text) and not _title().match(text, end):
        space = re.match(r"\s+", text[end:])
        if not space:
            break
        at = end + space.end()
        if _name_part().match(text, at):
            break  # "Pj Gubernur Bali I Gusti Ngurah Wirawan": a name starts here, not a unit
        slash = re.match(rf"{UNIT_CODE}\s?/\s?", text[at:])
        if slash:  # "0311/Pesisir Selatan", "1014/Pbn", "0818/Malang-Batu", "IV/Diponegoro", "XVII / Cenderawasih"
            after = at + slash.end()
            region = _regions().match(text, after)
            token = re.match(r"[\w.-]*\w", text[after:])
            end = max(region.end() if region else after, after + token.end() if token else after)
            continue
        roman = end == m.end() and re.match(r"[IVXL]{1,5}(?:\s+[A-Z][a-z]+){1,2}(?=[\s,.;]|$)", text[at:])
        if roman and not _name_part().match(text, at):  # "Kasdam VI Mulawarman", not "Bali I Gusti Ngurah"
            end = at + roman.end()
            continue
        named = _named_head().match(text, at)
        if named:  # "Rektor Universitas Hasanuddin"
            end = named.end()
            continue
        region = _regions().match(text, at)
        piece = _piece().match(text, end)
        if region and (not piece or region.end() >= piece.end()):
            end, placed = region.end(), True
        elif piece:
            end, placed = piece.end(), placed or has_place(piece.group())
        elif not placed and (office := _office_word().match(text, end)):  # "Kepala Dinas Pariwisata"
            end = office.end()
        elif not placed and _office_head().search(text, 0, end) and (run := OFFICE_NAME_TO_PLACE.match(text, end)):
            end = run.end()  # "Dinas Pemeberdayaan Masyarakat dan Desa se-...": a name up to its place
        else:
            break
    # Words between the unit and a rank or honorific still name the post ("102/Panju Panjung Kolonel").
    lead = _lead_to_title().match(text, end)
    return text[:lead.end() if lead else end]


def extent_end(text: str, start: int, limit: int) -> int:
    """End offset of the role or institution mention at text[start:], read within a short window."""
    return start + len(role_extent(text[start:min(limit, start + MENTION_WINDOW)]))


def has_tail(mention: str) -> bool:
    """True when a mention says which unit or region it is ("Polres Malang"), not just "Polres"."""
    m = _head().match(mention)
    return bool(m) and bool(mention[m.end():].strip(" ,"))


PLACE_WORD = re.compile(rf"\b{LEVEL}\b|\b{UNIT_CODE}/|\bse-")


def has_place(mention: str) -> bool:
    """True when a mention names its region, level or unit number ("Dinas Pariwisata" does not)."""
    return bool(PLACE_WORD.search(mention) or _regions().search(mention))


@lru_cache(maxsize=1)
def _level_or_institution() -> re.Pattern[str]:
    return re.compile(rf"(?:{LEVEL}|{gazetteer.institution_pattern()})(?![\w])")


def is_institution_or_region(name: str) -> bool:
    """True when a would-be person name holds institution, level or region words."""
    for word_start in [0] + [m.end() for m in re.finditer(r"\s+", name)]:
        rest = name[word_start:]
        m = _regions().match(rest) or _level_or_institution().match(rest)
        if m:
            return True
    return False


@lru_cache(maxsize=1)
def institution_mention() -> re.Pattern[str]:
    """An institution named anywhere in a text, any case."""
    return re.compile(rf"\b(?:{gazetteer.institution_pattern()})\b", re.I)


@lru_cache(maxsize=8)
def _written_forms(text: str) -> dict[str, str]:
    """The first mention of each canonical institution in a text (one scan per text)."""
    forms: dict[str, str] = {}
    for m in institution_mention().finditer(text):
        mention = role_extent(text[m.start():m.start() + 120]).strip(" ,.")
        canonical = gazetteer.canonical_institution(mention) if mention else None
        if canonical:
            forms.setdefault(canonical, mention)
    return forms


def as_written(text: str, institution: str) -> str:
    """An institution a role made plain ("Kemendagri" of a Mendagri), as the text itself writes it
    when it names it ("Kementerian Dalam Negeri"): the gazetteer's canonical names match."""
    if institution in text:
        return institution
    canonical = gazetteer.canonical_institution(institution)
    return _written_forms(text).get(canonical, institution) if canonical else institution
