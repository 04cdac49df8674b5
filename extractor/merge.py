"""One meeting, several outlets: meeting records grouped into meetings with every source listed.

Two meeting reports describe the same meeting when
- they give the same meeting_date and the same host (host_canonical, or the gazetteer's
  canonical name of the host, or the normalised host with a parenthetical abbreviation
  dropped and corpus aliases expanded) and their venues agree (token F1 >= VENUE_F1, or one
  of them gives none); or
- outlets disagree on the host, but they give the same meeting_date and both name the place,
  which agrees, or share SHARED_PEOPLE named attendees (a video conference is reported from
  each local site, so the venue does not decide there); or
- outlets disagree on the date by a day (one dates the report, one the meeting, or the meeting ran
  over two days), but they give the same host and share a named attendee; or
- their texts are near duplicates (a press release reprinted by several outlets): MinHash
  Jaccard >= NEAR_DUPLICATE over word bigrams of title, goals, venue and attendee names,
  with LSH finding the candidates.
Meetings are the connected components of these links, like the mentions of one GDELT event,
except that two groups giving dates more than NEAR_DAYS apart are never joined.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from extractor.gazetteer import canonical_institution
from extractor.record import Attendee, MeetingRecord
from extractor.scoring import expand_aliases, normalise, token_f1

VENUE_F1 = 0.5
GOAL_F1 = 0.8           # goals this close are one goal told twice
NEAR_DUPLICATE = 0.6
SHARED_PEOPLE = 1       # named attendees two reports of one meeting share when their hosts differ
NEAR_DAYS = 1           # dates two reports of one meeting may give, with one host and a shared attendee
NUM_PERM = 128
PARENTHESIS = re.compile(r"\([^)]*\)")


def default_aliases() -> Path | None:
    from extractor.evaluate import default_corpus

    path = default_corpus() / "aliases.csv"
    return path if path.exists() else None


def host_keys(record: MeetingRecord, aliases: Path | None) -> set[str]:
    """The names under which the host can be matched: canonical and alias-expanded."""
    if not record.host:
        return set()
    canonical = record.host_canonical or canonical_institution(record.host)
    keys = {normalise(canonical), expand_aliases(PARENTHESIS.sub(" ", record.host), aliases)}
    return keys - {""}


def venues_agree(a: str | None, b: str | None) -> bool:
    return not a or not b or token_f1(normalise(a), normalise(b)) >= VENUE_F1


def read_record(line: str) -> MeetingRecord:
    """A record of `rakor extract`, or of another tool or version: fields the record model does
    not know (at top level and in attendees) are dropped, not an error."""
    data = json.loads(line)
    known = {k: v for k, v in data.items() if k in MeetingRecord.model_fields}
    known["attendees"] = [{k: v for k, v in a.items() if k in Attendee.model_fields}
                          for a in known.get("attendees") or [] if isinstance(a, dict)]
    return MeetingRecord.model_validate(known)


def _people(record: MeetingRecord) -> list[frozenset[str]]:
    return [frozenset(normalise(a.name).split()) for a in record.attendees if a.name]


def shared_people(a: MeetingRecord, b: MeetingRecord) -> int:
    """Named attendees of both reports; a name told shorter in one ("Tito Karnavian" and "Jenderal Pol
    Muhammad Tito Karnavian") is the same person."""
    theirs = _people(b)
    return sum(any(mine <= other or other <= mine for other in theirs) for mine in _people(a) if mine)


def same_meeting_other_host(a: MeetingRecord, b: MeetingRecord) -> bool:
    """One date, one place, overlapping attendees: the same meeting though outlets name its host differently."""
    if a.venue and b.venue and venues_agree(a.venue, b.venue):
        return True
    return shared_people(a, b) >= SHARED_PEOPLE  # a vicon's local sites differ: people decide


def minhash(record: MeetingRecord) -> MinHash:
    text = " ".join([record.title or "", *record.goals, record.venue or "",
                     *(a.name for a in record.attendees if a.name)])
    words = normalise(text).split()
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch([f"{a} {b}".encode() for a, b in pairwise(words)] or [b""])
    return signature


def days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


class _Groups:
    """Union-find over record positions; two groups that give different dates never join unless
    the link allows a few days' difference (a report without a date could otherwise chain two meetings)."""

    def __init__(self, dates: list[str | None]):
        self.parent = list(range(len(dates)))
        self.date = list(dates)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, days: int = 0) -> None:
        a, b = sorted((self.find(i), self.find(j)))
        if a != b and not (self.date[a] and self.date[b] and days_apart(self.date[a], self.date[b]) > days):
            self.parent[b] = a
            self.date[a] = self.date[a] or self.date[b]


def group_records(records: list[MeetingRecord], aliases: Path | None) -> list[list[MeetingRecord]]:
    """Records of one meeting together; groups in the order of their first record."""
    groups = _Groups([r.meeting_date for r in records])
    by_date_host: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        if record.meeting_date:
            for key in host_keys(record, aliases):
                by_date_host[record.meeting_date, key].append(i)
    for members in by_date_host.values():
        for n, i in enumerate(members):
            for j in members[:n]:
                if venues_agree(records[i].venue, records[j].venue):
                    groups.union(i, j)
    by_date: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        if record.meeting_date:
            by_date[record.meeting_date].append(i)
    for members in by_date.values():
        for n, i in enumerate(members):
            for j in members[:n]:
                if same_meeting_other_host(records[i], records[j]):
                    groups.union(i, j)
    for (day, key), members in by_date_host.items():
        later = (date.fromisoformat(day) + timedelta(days=NEAR_DAYS)).isoformat()
        for i in members:
            for j in by_date_host.get((later, key), []):
                if shared_people(records[i], records[j]) >= SHARED_PEOPLE:
                    groups.union(i, j, days=NEAR_DAYS)
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
    signatures = [minhash(r) for r in records]
    for i, signature in enumerate(signatures):
        for j in lsh.query(signature):
            if signature.jaccard(signatures[j]) >= NEAR_DUPLICATE:
                groups.union(i, j)
        lsh.insert(i, signature)
    components: dict[int, list[MeetingRecord]] = defaultdict(list)
    for i, record in enumerate(records):
        components[groups.find(i)].append(record)
    return list(components.values())


def _most_common(values: Iterable[str | None]) -> str | None:
    """The value most sources give; on a tie the longer (fuller) one."""
    counts = Counter(v for v in values if v)
    return max(counts, key=lambda v: (counts[v], len(v))) if counts else None


def _attendee_key(attendee: Attendee) -> tuple[str, ...]:
    if attendee.name:
        return (normalise(attendee.name),)
    return ("", normalise(attendee.role), normalise(attendee.institution_canonical or attendee.institution))


def union_attendees(records: list[MeetingRecord]) -> list[dict]:
    """Every attendee once; a field missing in one report is taken from another."""
    merged: dict[tuple[str, ...], dict] = {}
    for attendee in (a for r in records for a in r.attendees):
        entry = merged.setdefault(_attendee_key(attendee), attendee.model_dump())
        for name, value in attendee.model_dump().items():
            entry[name] = entry[name] or value
    return list(merged.values())


def union_goals(records: list[MeetingRecord]) -> list[str]:
    kept: list[str] = []
    for goal in (g for r in records for g in r.goals):
        if all(token_f1(normalise(goal), normalise(k)) < GOAL_F1 for k in kept):
            kept.append(goal)
    return kept


def merge_group(records: list[MeetingRecord]) -> dict:
    ids = sorted(r.doc_id for r in records)
    return {
        "meeting_id": "m-" + hashlib.blake2b("\n".join(ids).encode(), digest_size=8).hexdigest(),
        "meeting_date": _most_common(r.meeting_date for r in records),
        "host": _most_common(r.host for r in records),
        "venue": _most_common(r.venue for r in records),
        "sources": [{"doc_id": r.doc_id, "source": r.source, "title": r.title, "published": r.published}
                    for r in records],
        "attendees": union_attendees(records),
        "goals": union_goals(records),
    }


def merge_records(records: Iterable[MeetingRecord], aliases: Path | None = None) -> list[dict]:
    """One dict per meeting from the meeting reports among `records` (others are ignored)."""
    reports = [r for r in records if r.is_meeting_report]
    return [merge_group(group) for group in group_records(reports, aliases)]
