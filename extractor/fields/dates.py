"""Meeting date: every date mention is a candidate; the one tied to the meeting wins.

Dates are found by patterns of the genre ("Rabu (21/8/2024)", "Selasa, 10 September 2024",
"hari Rabu tanggal 7 Februari 2024", "kemarin", "Jumat lalu") and resolved against the local
publication date; election days, deadlines and interview dates lose to the meeting's own date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc

from extractor.data import alternation, load_toml
from extractor.fields import FieldResult
from extractor.fields.text import doc_text, mentions_meeting, sentence_bounds

MAX_MENTIONS = 200  # a report states a handful of dates; a page of thousands is a table, not a report
ELECTION_WINDOW = 80  # "pemilihan Gubernur dan Wakil Gubernur Kalimantan Tengah pada 23 September 2020"
MIN_SCORE = 2.0  # below this a date is some other event's (election day, a deadline), not the meeting's


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None
    relative: bool = False


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    cal = load_toml("calendar.toml")
    wd = alternation(cal["weekdays"])
    mon = alternation(cal["months"])
    rel = alternation(cal["relative_days"])
    rel_wd = alternation(cal["relative_weekday"])
    numeric = re.compile(
        rf"\b(?:(?P<wd>{wd})(?:\s*[-–]\s*(?:{wd}))?\s*,?\s*\(?\s*)?"
        r"(?P<d>\d{1,2})(?:\s*[-–]\s*\d{1,2})?/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?!\d)\)?",
        re.I,
    )
    named = re.compile(
        rf"\b(?:hari\s+)?(?:(?P<wd>{wd})(?:\s*[-–]\s*(?:{wd}))?\s*,?\s*\(?\s*)?(?:tanggal\s+|tgl\.?\s+)?"
        rf"(?P<d>\d{{1,2}})(?:\s*(?:[-–]|s\.?d\.?|sampai|hingga)\s*\d{{1,2}})?\s+(?P<mon>{mon})\.?\b(?:\s+(?P<y>\d{{4}}))?\)?",
        re.I,
    )
    relative = re.compile(rf"\b(?:(?P<wd>{wd})\s+(?P<dir>{rel_wd})|(?P<rel>{rel}))\b", re.I)
    return numeric, named, relative


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date mention with its calendar date (year None when the text gives none)."""
    cal = load_toml("calendar.toml")
    weekdays, months = cal["weekdays"], cal["months"]
    numeric, named, relative = _patterns()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in (named, numeric):
        for m in islice(pattern.finditer(text), MAX_MENTIONS):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month = months[m.group("mon").lower()] if "mon" in pattern.groupindex else int(m.group("m"))
            wd = m.group("wd")
            year = _year(m.group("y"))
            if pattern is numeric and not wd and year is None:
                continue  # a bare "1/2" is a ratio more often than a date
            start, end = m.start(), m.end()
            if text[end - 1] == ")" and "(" not in text[start:end]:
                end -= 1
            if not (1 <= month <= 12 and 1 <= int(m.group("d")) <= 31):
                continue
            taken.append((start, end))
            found.append(DateMention(start, end, int(m.group("d")), month, year,
                                     weekdays[wd.lower()] if wd else None))
    if published:
        for m in islice(relative.finditer(text), MAX_MENTIONS):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if m.group("rel"):
                day = published + timedelta(days=cal["relative_days"][m.group("rel").lower()])
            else:
                target = weekdays[m.group("wd").lower()]
                direction = cal["relative_weekday"][m.group("dir").lower()]
                shift = (published.weekday() - target) % 7 or 7
                day = published - timedelta(days=shift) if direction < 0 else published + timedelta(
                    days=(target - published.weekday()) % 7 or 7)
            found.append(DateMention(m.start(), m.end(), day.day, day.month, day.year, None, relative=True))
    return sorted(found, key=lambda d: d.start)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(mention: DateMention, published: date | None, text: str) -> tuple[date | None, list[date]]:
    """Calendar date of a mention, and the alternatives when the year stays open."""
    if mention.year is not None:
        return _valid(mention.year, mention.month, mention.day), []
    if published:
        day = _valid(published.year, mention.month, mention.day)
        if day and (day - published).days > 60:
            day = _valid(published.year - 1, mention.month, mention.day)
        return day, []
    years = [int(y) for y in re.findall(r"\b(20[0-4]\d)\b", text)]
    if years:
        # The text's year or the year before it (a meeting prepares for the election it names);
        # the stated weekday picks between them.
        stated = max(set(years), key=years.count)
        fits = [y for y in (stated, stated - 1) if (d := _valid(y, mention.month, mention.day))
                and (mention.weekday is None or d.weekday() == mention.weekday)]
        return _valid(fits[0] if fits else stated, mention.month, mention.day), []
    if mention.weekday is None:
        return None, []
    fits = [d for y in range(2014, 2031) if (d := _valid(y, mention.month, mention.day)) and d.weekday() == mention.weekday]
    elections = load_toml("calendar.toml")["elections"]["years"]
    near = [d for d in fits if any(abs(d.year - y) <= 1 for y in elections)]
    return None, near or fits


@lru_cache(maxsize=1)
def _other_event_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\W)(?:{alternation(load_toml('patterns.toml')['dates']['other_event_cues'])})\b")


@lru_cache(maxsize=1)
def _election_day() -> re.Pattern[str]:
    return re.compile(load_toml("patterns.toml")["dates"]["election_day"])


@lru_cache(maxsize=1)
def _meeting_subject() -> re.Pattern[str]:
    """The meeting as the subject of a schedule word ("Rakor dijadwalkan berlangsung X", "rapat
    tersebut akan dimulai"): the date is the meeting's own, not another event's."""
    nouns = alternation(load_toml("patterns.toml")["meeting"]["nouns"])
    return re.compile(rf"\b(?:{nouns})(?:\s+(?:ini|tersebut|itu|akan|rencananya))*\s+$", re.I)


def _score(mention: DateMention, text: str, body_start: int, after: int = 0) -> float:
    """How surely a date is the meeting's; the words read before it start after `after`, the end of
    the date before it ("pemungutan suara 14 Februari 2024 di aula, Senin (5/2/2024)": the cue is
    the first date's)."""
    s, e = sentence_bounds(text, mention.start, mention.end)
    before = text[max(s, mention.start - 45, after):mention.start].lower()
    score = 1.0 if mention.relative else 3.0
    score += 1.0 if mention.weekday is not None else 0.0
    if mentions_meeting(text, s, e):
        score += 2.0
    cue = _other_event_cue().search(before)
    if cue and not _meeting_subject().search(before, 0, cue.start() + 1):
        score -= 3.5
    elif mention.weekday is None and not mention.relative and _election_day().search(
            text[max(s, mention.start - ELECTION_WINDOW, after):mention.start].lower()):
        score -= 3.5
    if mention.start < body_start:
        score -= 2.0  # headline
    score -= 1.5 * (mention.start - body_start) / max(len(text) - body_start, 1)
    return score


def extract_meeting_date(doc: Doc) -> FieldResult:
    text = doc_text(doc)
    published = doc._.published_date
    mentions = find_dates(text, published)
    after = [max((p.end for p in mentions if p.end <= m.start), default=0) for m in mentions]
    scored = sorted(((_score(m, text, doc._.body_start, a), m) for m, a in zip(mentions, after)), key=lambda p: -p[0])
    for score, mention in scored:
        if score < MIN_SCORE:
            break
        value, alternatives = resolve(mention, published, text)
        if value is None and not alternatives:
            continue
        result = FieldResult(
            value=value.isoformat() if value else None,
            evidence=[(mention.start, mention.end)],
            confidence=round(min(max(score / 6.0, 0.05), 0.99), 2),
            alternatives=[d.isoformat() for d in alternatives],
        )
        if value and mention.weekday is not None and value.weekday() != mention.weekday:
            result.warnings.append(
                f"weekday in {text[mention.start:mention.end]!r} does not match {value.isoformat()}; kept the calendar date"
            )
        return result
    return FieldResult()
