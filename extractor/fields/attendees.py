"""Attendees: officials named with their role, people named with a rank or honorific, and
institutions listed without a person.

A mention is ROLE + its unit/region (read with the gazetteers) + optional rank/honorific + NAME +
optional degrees. "A diwakili (oleh) B" and "B mewakili A" set `represents`; the same person
named again ("AKBP Rendra") folds into the first entry; an institution already present through
a person is not listed again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from extractor import gazetteer
from extractor.fields import FieldResult
from extractor.fields.text import sentences
from extractor.scoring import normalise

NAME_WORD = r"(?:[A-Z][a-z’'`-]+|[A-Z]{1,2}\.?|[A-Z][a-z]+-[A-Z][a-z]+)"
ATTENDANCE = re.compile(
    r"\b(?:hadir|dihadiri|menghadiri|peserta|diikuti|mengikuti|terdiri|unsur|perwakilan|undangan|narasumber|"
    r"pemateri|melibatkan|dipimpin|dibuka|memimpin|bersama|didampingi|turut|sambutan|arahan|paparan|memaparkan|"
    r"menyampaikan|menjelaskan|mengatakan|menegaskan|menambahkan|mengingatkan|menyebut|rapat|rakor)\b",
    re.I,
)
REPRESENTED_BY = re.compile(r"\s*,?\s*(?:yang\s+)?(?:dalam hal ini\s+)?(?:diwakili|diwakilkan)\s+(?:oleh\s+)?")
REPRESENTING = re.compile(r"\s*,?\s*(?:yang\s+)?(?:hadir\s+)?(?:mewakili|selaku perwakilan|atas nama)\s+")
GROUP = re.compile(r"\b(?:para|seluruh|segenap|jajaran)\s+$", re.I)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str | None
    role: str | None
    institution: str | None
    represents: str | None = None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    role = re.compile(rf"\b(?:{gazetteer.role_pattern()})\b", re.I)
    title = re.compile(
        rf"(?:(?:{gazetteer.rank_pattern()})|(?:{gazetteer.honorific_pattern()}))(?=\s)", re.I
    )
    institution = re.compile(rf"\b(?:{gazetteer.institution_pattern()})\b")
    return role, title, institution


def _person_after(text: str, pos: int) -> tuple[int, int, str] | None:
    """A rank/honorific-led or plain capitalised name starting at `pos`: (start, end, clean name)."""
    _, title, _ = _patterns()
    m = re.match(rf"(?:(?:{title.pattern})\s+)*{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}", text[pos:])
    if not m:
        return None
    end = pos + m.end()
    degrees = re.match(rf"(?:\s*,?\s*(?:{gazetteer.degree_pattern()}))+", text[end:])
    if degrees:
        end += degrees.end()
    name = gazetteer.strip_person_name(text[pos:end])
    return (pos, end, name) if name and name[0].isupper() else None


def _role_end(text: str, start: int, end: int) -> int:
    """Extend a role word over the unit, institution and region that follow it."""
    return start + len(gazetteer.role_extent(text[start:end + 120]))


def _split_role_and_name(text: str, start: int, role_end: int) -> tuple[str, tuple[int, int, str] | None]:
    """The role as written, and the person named right after it (if any)."""
    role = text[start:role_end].strip(" ,")
    gap = re.match(r"[ \t]+", text[role_end:])
    person = _person_after(text, role_end + gap.end()) if gap else None
    if person and gazetteer.is_institution_or_region(person[2]):
        person = None
    return role, person


def _mentions(text: str, s: int, e: int) -> list[Mention]:
    role_re, title_re, institution_re = _patterns()
    found: list[Mention] = []
    pos = s
    while pos < e:
        m = role_re.search(text, pos, e)
        if not m:
            break
        role_end = _role_end(text, m.start(), m.end())
        role, person = _split_role_and_name(text, m.start(), role_end)
        end = person[1] if person else role_end
        mention = Mention(m.start(), end, person[2] if person else None, role, gazetteer.role_institution(role))
        if not person and GROUP.search(text[max(s, m.start() - 12):m.start()]):
            mention.role = role
        rep = REPRESENTED_BY.match(text, end)
        if rep:
            m2 = role_re.match(text, rep.end())
            if m2:
                r_end = _role_end(text, m2.start(), m2.end())
                r_role, r_person = _split_role_and_name(text, m2.start(), r_end)
            else:
                r_role, r_person = None, _person_after(text, rep.end())
            if r_person:
                found.append(Mention(m.start(), r_person[1], r_person[2], r_role or None,
                                     gazetteer.role_institution(r_role) if r_role else None, represents=role))
                if not found[-1].institution:
                    found[-1].institution = mention.institution
                pos = r_person[1]
                continue
        rep = REPRESENTING.match(text, end)
        if rep and person:
            m2 = role_re.match(text, rep.end())
            if m2:
                r_end = _role_end(text, m2.start(), m2.end())
                mention.represents = text[m2.start():r_end].strip(" ,")
                end = r_end
        found.append(mention)
        pos = max(end, m.end())
    # People named by rank or honorific without a role ("AKBP Rendra", "Bapak Terbit Nawolo Jati").
    for m in title_re.finditer(text, s, e):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        person = _person_after(text, m.start())
        if person and len(person[2].split()) >= 1:
            institution = re.match(r"\s+(?:dari|asal)\s+", text[person[1]:])
            inst = None
            if institution:
                im = institution_re.match(text, person[1] + institution.end())
                if im:
                    inst = text[im.start():im.start() + len(gazetteer.role_extent(text[im.start():im.start() + 120]))]
            found.append(Mention(person[0], person[1], person[2], None, inst))
    return found


def _institutions(text: str, s: int, e: int, taken: list[Mention]) -> list[Mention]:
    """Institutions named without a person in an attendance sentence."""
    _, _, institution_re = _patterns()
    found = []
    for m in institution_re.finditer(text, s, e):
        if any(t.start <= m.start() < t.end for t in taken):
            continue
        end = m.start() + len(gazetteer.role_extent(text[m.start():m.start() + 120]))
        found.append(Mention(m.start(), end, None, None, text[m.start():end].strip(" ,")))
    return found


def _merge(mentions: list[Mention]) -> list[Mention]:
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
            same.role = same.role or m.role
            same.institution = same.institution or m.institution
            same.represents = same.represents or m.represents
        else:
            people.append(m)
    covered = {normalise(p.institution) for p in people if p.institution}
    groups: list[Mention] = []
    for m in mentions:
        if m.name or not m.institution:
            continue
        key = normalise(m.institution)
        if any(key == c or key in c or c in key for c in covered):
            continue
        covered.add(key)
        groups.append(m)
    return sorted(people + groups, key=lambda m: m.start)


def extract_attendees(doc: Doc) -> FieldResult:
    text, body = doc.text, doc._.body_start
    mentions: list[Mention] = []
    for s, e in sentences(text, body):
        if not ATTENDANCE.search(text, s, e):
            continue
        people = _mentions(text, s, e)
        mentions += people + _institutions(text, s, e, people)
    merged = _merge(mentions)
    value = [
        {"name": m.name, "role": m.role, "institution": m.institution, "represents": m.represents,
         "institution_canonical": gazetteer.canonical_institution(m.institution) if m.institution else None}
        for m in merged
    ]
    return FieldResult(value, [(m.start, m.end) for m in merged], 0.6 if value else 0.0)
