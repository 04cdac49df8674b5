"""Goals: clauses led by the genre's purpose words, with the lead-in words cut.

"bertujuan untuk X", "Maksud dan tujuan kegiatan ini adalah untuk X", "mengusung tema X",
"rakor ini diharapkan X", "hasil dari rakor: X", "disepakati X"; a goal inside a quote ends at the
closing quote; an enumerated list gives one goal per item, and so does an announced list ("rakor ini
memiliki tiga tujuan. Pertama, X. Kedua, Y.", "disepakati tiga hal: X; Y; serta Z").
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc

from extractor.data import alternation, load_toml
from extractor.fields import FieldResult
from extractor.fields.text import doc_text, mentions_meeting, sentences
from extractor.scoring import normalise, token_f1

QUOTES = "\"“”"
MIN_WORDS = 3
MAX_GOAL_CHARS = 600  # a stated aim is a clause or a sentence, never a page
MAX_GOALS = 20
MAX_LEAD_INS = 60
CLAUSE_END = re.compile(r"\.(?=[\"”’]?(?:\s|$))|\n|;")
ABBREVIATION_END = re.compile(r"\b(?:No|Jl|Kab|Kec|Prov|H|Dr|Drs|dll|dsb|s\.d)$")
QUOTE = re.compile(rf"[{QUOTES}]")
DANGLING = re.compile(r"\s(?:dan|serta|atau|maupun|yang|dengan|untuk)$")
MAX_RESULT_SENTENCES = 10
MAX_LIST_CHARS = 1500  # an announced list inside one sentence: a few clauses
SENTENCE_END = re.compile(r"\.(?=\s|$)|\n")
ITEM_MARK_END = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-e])$")  # "1." or "b." opening a list item


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = load_toml("patterns.toml")["goals"]
    meeting = f"(?:{alternation(table['meeting_nouns'])})"
    # every lead-in starts a word: the leading \b spares trying each of them inside words
    lead = re.compile(r"\b(?:" + "|".join(f"(?:{p.replace('MTG', meeting)})" for p in table["lead_ins"]) + ")", re.I)
    # a speech verb ends a goal after a comma or a closing quote ("..., ujarnya"); without one,
    # "tegas", "jelas" and "lanjut" are words of the goal ("sanksi tegas", "pemilih lanjut usia")
    stop = re.compile(rf"(?:,\s*[{QUOTES}]?|[{QUOTES}]\s*,?)\s*(?:{alternation(table['stops'])})\b", re.I)
    holding = re.compile(table["holding_the_meeting"].replace("MTG", meeting), re.I)
    return lead, stop, holding


@lru_cache(maxsize=1)
def _result_word() -> re.Pattern[str]:
    """A result stated as a capitalised verb or nominalised verb ("Meningkatnya ...", "Mengetahui
    ...", "Terwujudnya ..."): government reports flatten their bullet lists into such clauses."""
    table = load_toml("patterns.toml")["goals"]
    return re.compile(rf"(?!(?:{alternation(table['not_result_words'])})\b)(?:(?:Me|Ter|Ber)[a-z]{{3,}}|[A-Z][a-z]{{2,}}nya)\b")


def _is_result_list(lead_in: str) -> bool:
    words = load_toml("patterns.toml")["goals"]["result_lead_words"]
    return any(w in lead_in.lower() for w in words)


def _clause_end(text: str, start: int, in_quote: bool) -> int:
    """End of the goal clause: sentence end, closing quote, or a speech verb."""
    _, stop, _ = _patterns()
    end = _sentence_end(text, start, MAX_GOAL_CHARS, ends=CLAUSE_END)
    opens_quote = start < len(text) and text[start] in QUOTES  # a quoted title: 'bertajuk “X” pada ...'
    if in_quote or opens_quote:
        q = QUOTE.search(text, start + opens_quote, end)
        if q:
            end = q.start()
    s = stop.search(text, start, end)
    if s:
        end = s.start()
    return end


@lru_cache(maxsize=1)
def _result_separator() -> re.Pattern[str]:
    return re.compile(rf",\s+(?:serta\s+|dan\s+)?(?=[a-z]|{_result_word().pattern})")


def _split_results(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list of results ("X, Y, serta Z") gives one span per item; a comma before a name or
    inside brackets ("(TNI, Polri, dan lain-lain)") does not split, one before a capitalised
    result ("..., Mengetahui data terkini") does."""
    spans, left = [], start
    for m in _result_separator().finditer(text[start:end]):
        cut = start + m.start()
        if text.count("(", start, cut) > text.count(")", start, cut):
            continue
        if len(text[left:cut].split()) >= MIN_WORDS and len(text[start + m.end():end].split()) >= MIN_WORDS:
            spans.append((left, cut))
            left = start + m.end()
    return spans + [(left, end)]


def _next_results(text: str, end: int, first: str) -> list[tuple[int, int]]:
    """Results that go on as sentences of their own ("Meningkatnya X. Meningkatnya Y."), when the
    list opened with such a result word."""
    spans: list[tuple[int, int]] = []
    if not _result_word().match(first):
        return spans
    for _ in range(MAX_RESULT_SENTENCES):
        start = re.match(r"\.[ \t]+", text[end:end + 3])
        if not start or not _result_word().match(text, end + start.end()):
            break
        start = end + start.end()
        end = _clause_end(text, start, False)
        spans.append((start, end))
    return spans


@lru_cache(maxsize=1)
def _ordinal() -> str:
    return alternation(load_toml("patterns.toml")["goals"]["list_ordinals"])


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An enumerated list ("1) ... 2) ...", "pertama ..., kedua ...") gives one span per item."""
    segment = text[start:end]
    marks = list(re.finditer(rf"(?:^|\s)(?:\d+[.)]|[a-e][.)]|(?:{_ordinal()})\b),?\s+", segment, re.I))
    if len(marks) < 2:
        return [(start, end)]
    bounds = [m.end() for m in marks] + [len(segment)]
    starts = [m.start() for m in marks[1:]] + [len(segment)]
    return [(start + bounds[i], start + starts[i]) for i in range(len(marks))]


@lru_cache(maxsize=1)
def _list_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """An announcement ("tiga tujuan", "disepakati sejumlah hal"), a count and list noun alone (a
    lead-in's clause that opens a list), what may stand between an announcement and its items,
    and an item led by an ordinal."""
    table = load_toml("patterns.toml")["goals"]
    count = rf"(?:\d+|{alternation(table['list_counts'])})"
    goal_nouns, item_nouns = alternation(table["list_goal_nouns"]), alternation(table["list_item_nouns"])
    announcement = re.compile(
        rf"\b(?:(?P<verb>{alternation(table['list_verbs'])})\b[^.;:\n]{{0,40}}?\s)?{count}\s+"
        rf"(?:(?P<goal>{goal_nouns})|{item_nouns})\b", re.I)
    head = re.compile(rf"{count}\s+(?:{goal_nouns}|{item_nouns})\b", re.I)
    tail = re.compile(rf"(?:\s+(?:{alternation(table['list_modifiers'])})\b)*\s*,?\s*"
                      rf"(?P<opener>(?:{alternation(table['list_openers'])})\b)?\s*(?P<mark>:|\.(?=\s))?", re.I)
    ordinal_item = re.compile(rf"\s*(?:(?:{_ordinal()})\b\s*,?|\d+[.)])\s+", re.I)
    return announcement, head, tail, ordinal_item


@lru_cache(maxsize=1)
def _item_marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What opens a list item ("dan ketiga, ", "2. "), and an opener before a numbered list's first item."""
    openers = alternation(load_toml("patterns.toml")["goals"]["list_openers"])
    mark = re.compile(rf"\s*(?:(?:dan|serta)\s+)?(?:(?:{_ordinal()})\b\s*,?\s*|(?:\d{{1,2}}|[a-e])[.)]\s*)?", re.I)
    first = re.compile(rf"\s*(?:(?:{openers})\b)?\s*:?\s*(?=(?:1|a)[.)]\s)", re.I)
    return mark, first


def _sentence_end(text: str, start: int, limit: int, numbered: bool = False,
                  ends: re.Pattern[str] = SENTENCE_END) -> int:
    """The next sentence end (or clause end, with `ends`), not an abbreviation's period; in a
    `numbered` list the period of an item mark ("1.", "b.") is none."""
    for m in ends.finditer(text, start, min(len(text), start + limit)):
        if ABBREVIATION_END.search(text, max(start, m.start() - 6), m.start()):
            continue
        if numbered and ITEM_MARK_END.search(text, max(start - 1, m.start() - 3), m.start()):
            continue
        return m.start()
    return min(len(text), start + limit)


def _inline_items(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a list that runs from `start` to the sentence end, split at ";", at item marks
    and ordinals, or at ", "; their marks and a leading "dan"/"serta" cut."""
    end = _sentence_end(text, start, MAX_LIST_CHARS, numbered=True)
    pieces, left = [], start
    for semicolon in re.finditer(";", text[start:end]):
        pieces.append((left, start + semicolon.start()))
        left = start + semicolon.end()
    pieces.append((left, end))
    if len(pieces) == 1:
        pieces = _split_items(text, left, end)
    if len(pieces) == 1:
        pieces = _split_results(text, left, end)
    mark = _item_marks()[0]
    return [(mark.match(text, s, e).end(), e) for s, e in pieces]


def _announced_items(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a list announced just before `start`: after a colon or an opener up to the
    sentence end, or as the next sentences each led by an ordinal."""
    _, _, tail, ordinal_item = _list_patterns()
    after = tail.match(text, start)
    if after.group("mark") == ".":
        items, pos = [], after.end()
        for _ in range(MAX_GOALS):
            item = ordinal_item.match(text, pos)
            if not item:
                break
            end = _sentence_end(text, item.end(), MAX_GOAL_CHARS)
            items.append((item.end(), end))
            pos = end + 1
        return items
    if not (after.group("mark") or after.group("opener")):
        return []
    return _inline_items(text, after.end())


def _numbered_list(text: str, start: int) -> list[tuple[int, int]]:
    """A lead-in's clause that is a numbered list ("adalah sebagai berikut: 1. X; 2. Y"): its items."""
    opened = _item_marks()[1].match(text, start)
    return _inline_items(text, opened.end()) if opened else []


def _announced_lists(text: str, body: int) -> list[tuple[int, int]]:
    announcement, *_ = _list_patterns()
    spans: list[tuple[int, int]] = []
    _, _, tail, _ = _list_patterns()
    for m in islice(announcement.finditer(text, body), MAX_LEAD_INS):
        if m.group("goal") or m.group("verb"):
            spans += _announced_items(text, m.end())
        elif tail.match(text, m.end()).group("mark") == ".":  # "Adapun 10 poin tersebut. Pertama, X. Kedua, Y."
            items = _announced_items(text, m.end())
            spans += items if len(items) >= 2 else []
    return spans


@lru_cache(maxsize=1)
def _purpose_opener() -> re.Pattern[str]:
    openers = alternation(load_toml("patterns.toml")["goals"]["purpose_openers"])
    dateline = r"(?:[^\n–—]{0,60}?\s[–—-]{1,2}\s*)?"
    return re.compile(rf"{dateline}(?:{openers})\s+(?P<g>[^,.;\n]{{12,240}}),\s+(?P<rest>[^.\n]{{0,200}})", re.I)


def _purpose_clauses(text: str, body: int) -> list[tuple[int, int]]:
    """"Guna memastikan kesiapan Pemilu 2019, Pemprov Lampung menggelar rakor gabungan": the purpose
    that opens a sentence whose rest reports the meeting."""
    spans = []
    for s, e in islice(sentences(text, body), MAX_LEAD_INS):
        m = _purpose_opener().match(text, s, e)
        if m and mentions_meeting(text, m.start("rest"), m.end("rest")):
            spans.append((m.start("g"), m.end("g")))
    return spans


@lru_cache(maxsize=1)
def _second_aim() -> re.Pattern[str]:
    return re.compile(load_toml("patterns.toml")["goals"]["second_aim"], re.I)


@lru_cache(maxsize=1)
def _continued_aim() -> re.Pattern[str]:
    return re.compile(load_toml("patterns.toml")["goals"]["continued_aim"])


def _continued(text: str, end: int) -> list[tuple[int, int]]:
    """"tujuan rakor ini untuk X. Serta Y.": the aim Y that the next sentence adds."""
    more = _continued_aim().match(text, end)
    return [(more.end(), _clause_end(text, more.end(), False))] if more else []


def _split_aims(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"untuk X dan untuk Y": X and Y, each a goal of its own."""
    spans, left = [], start
    for m in _second_aim().finditer(text, start, end):
        spans.append((left, m.start()))
        left = m.end()
    return spans + [(left, end)]


@lru_cache(maxsize=1)
def _topic_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The meeting's name and what links it to its topic ("Rakor Forkopimda dalam rangka "), the
    name right before a topic noun ("rapat koordinasi kesiapan"), and what ends the topic."""
    topic = load_toml("patterns.toml")["goals"]["topic"]
    name = (rf"\b(?:{alternation(topic['meeting_nouns'])})\b(?:\s+\([^()\n]{{1,30}}\))?"
            rf"(?:\s+(?:{alternation(topic['name_words'])}|(?-i:[A-Z][\w-]*)))*?")
    linked = re.compile(rf"{name}\s+(?:{alternation(topic['linkers'])})\s+", re.I)
    headed = re.compile(rf"{name}\s+(?=(?:{alternation(topic['heads'])})\b)", re.I)
    return linked, headed, re.compile("|".join(topic["ends"]), re.I)


def _meeting_topic(text: str, body: int) -> list[tuple[int, int]]:
    """The first topic given in the meeting's description, up to its venue, date or clause end."""
    linked, headed, ends = _topic_patterns()
    found = [m for m in (linked.search(text, body), headed.search(text, body)) if m]
    if not found:
        return []
    start = min(found, key=lambda m: m.end()).end()
    end = _clause_end(text, start, False)
    cut = ends.search(text, start, end)
    return [(start, cut.start() if cut else end)]


def _same_goal(a: str, b: str) -> bool:
    """A goal said twice, in other words or at more length ("X" and "X dalam mengatasi Y")."""
    return token_f1(a, b) >= 0.8 or f" {min(a, b, key=len)} " in f" {max(a, b, key=len)} "


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;-–" + QUOTES:
        start += 1
    while end > start and text[end - 1] in " ,.:;-–" + QUOTES:
        end -= 1
    return start, end


def _in_quote(text: str, at: int) -> bool:
    before = text[max(0, at - 300):at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def extract_goals(doc: Doc) -> FieldResult:
    text, body = doc_text(doc), doc._.body_start
    lead, _, holding = _patterns()
    _, list_head, _, _ = _list_patterns()
    candidates: list[tuple[int, int]] = []
    for m in islice(lead.finditer(text, body), MAX_LEAD_INS):
        if list_head.match(text, m.end()):
            continue  # "disepakati tiga hal: ...": an announced list, read item by item below
        if numbered := _numbered_list(text, m.end()):
            candidates += numbered
            continue
        end = _clause_end(text, m.end(), _in_quote(text, m.start()))
        items = _split_items(text, m.end(), end)
        if len(items) == 1 and _is_result_list(m.group()):
            items = _split_results(text, m.end(), end)
            items += _next_results(text, end, text[items[0][0]:items[0][1]].lstrip(" :"))
        candidates += items + _continued(text, end)
    candidates += [(s, min(e, _clause_end(text, s, _in_quote(text, s))))
                   for s, e in _announced_lists(text, body)]
    candidates += _purpose_clauses(text, body)
    if not candidates:
        candidates = _meeting_topic(text, body)
    goals: list[str] = []
    evidence: list[tuple[int, int]] = []
    for s, e in sorted(a for c in candidates for a in _split_aims(text, *c)):
        s, e = _trim(text, s, e)
        if held := holding.match(text, s, e):  # "melaksanakan rapat koordinasi ... untuk X": the aim is X
            s = held.end()
        value = text[s:e]
        if len(value.split()) < MIN_WORDS or DANGLING.search(value):
            continue  # "pemilihan Wali Kota dan": a clause cut inside a list is no aim
        norm = normalise(value)
        if len(goals) >= MAX_GOALS or any(_same_goal(norm, normalise(g)) for g in goals):
            continue
        goals.append(value)
        evidence.append((s, e))
    return FieldResult(goals, evidence, 0.6 if goals else 0.0)
