"""Page metadata: headline, local publication date, site name, canonical URL, author.

The publication date is the LOCAL date shown on the page. Yoast and tagDiv themes write
`article:published_time` in UTC, so a UTC stamp is moved to the page's zone (WIB/WITA/WIT
marker, or an offset found elsewhere on the page, else Asia/Jakarta), and a visible dateline
with a time wins over it. Header widgets show the crawl date, so datelines are only read
outside them and only when they carry a time or are the article's only date.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from lxml.html import HtmlElement

from extractor.data import alternation, load_toml

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "posting", "socialmediaposting"}
META_DATE_KEYS = ("article:published_time", "og:published_time", "og:article:published_time",
                  "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
                  "dc.date.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»·]\s+")
ISO_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?")
URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
DATELINE_MAX_CHARS = 90
HEADLINE_TAGS = {"h1", "h2", "h3"}


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself, before the body is extracted."""

    title: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Stamp:
    """A date, maybe with a time and a UTC offset (minutes); `offset` None means unknown."""

    when: datetime
    has_time: bool
    offset: int | None

    def iso(self) -> str:
        if not self.has_time:
            return self.when.strftime("%Y-%m-%d")
        text = self.when.strftime("%Y-%m-%dT%H:%M:%S")
        if self.offset is None:
            return text
        sign = "+" if self.offset >= 0 else "-"
        return f"{text}{sign}{abs(self.offset) // 60:02d}:{abs(self.offset) % 60:02d}"

    def shifted(self, offset: int) -> Stamp:
        """The same instant at UTC offset `offset` (only meaningful when the offset is known)."""
        return Stamp(self.when + timedelta(minutes=offset - (self.offset or 0)), True, offset)


@lru_cache(maxsize=1)
def _rules() -> dict:
    """Compiled dateline patterns; month names come from the shared calendar data."""
    cal = load_toml("calendar.toml")
    data = load_toml("boilerplate.toml")
    months = alternation(cal["months"])
    zones = {k.upper(): _offset_minutes(v) for k, v in data["timezones"].items()}
    clock = r"(?:[\s,|\-–—•/]*(?:pukul|jam|pkl\.?)?\s*(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\s*(%s)?)?" % alternation(zones)
    day_month = r"(\d{1,2})(?:\s+|-)(%s)\.?(?:\s+|-),?\s*(\d{4})" % months
    month_day = r"(%s)\.?\s+(\d{1,2}),?\s+(\d{4})" % months
    numeric = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
    return {
        "months": cal["months"],
        "zones": zones,
        "zone_marker": re.compile(r"\b(%s)\b" % alternation(zones)),
        "dmy": re.compile(r"\b%s%s" % (day_month, clock), re.I),
        "mdy": re.compile(r"\b%s%s" % (month_day, clock), re.I),
        "num": re.compile(r"\b%s%s" % (numeric, clock), re.I),
        "window_after": data["dates"]["window_after"],
        "window_before": data["dates"]["window_before"],
        "default_offset": _offset_minutes(data["dates"]["default_offset"]),
    }


def _offset_minutes(text: str) -> int:
    if text in ("Z", "z"):
        return 0
    text = text.replace(":", "")
    minutes = int(text[1:3]) * 60 + int(text[3:5])
    return -minutes if text[0] == "-" else minutes


def parse_iso(text: str | None) -> Stamp | None:
    """A machine timestamp ('2024-02-08T04:31:10+00:00', '2024-09-11 08:15:22', '2024-10-18')."""
    if not text:
        return None
    m = ISO_STAMP.search(text.strip())
    if not m:
        return None
    y, mo, d, hh, mm, ss, tz = m.groups()
    try:
        when = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    return Stamp(when, hh is not None, _offset_minutes(tz) if tz else None)


def parse_dateline(text: str) -> Stamp | None:
    """A visible dateline: 'Selasa, 5 November 2024 | 20:11 WIB', 'Dec 12, 2023 - 06:09'."""
    rules = _rules()
    for kind in ("dmy", "mdy", "num"):
        m = rules[kind].search(text)
        if not m:
            continue
        a, b, y, hh, mm, zone = m.groups()
        if kind == "dmy":
            day, month = int(a), rules["months"][b.lower()]
        elif kind == "mdy":
            day, month = int(b), rules["months"][a.lower()]
        else:
            if hh is None:  # bare '21/8/2024' is an in-text date, not a dateline
                continue
            day, month = int(a), int(b)
        try:
            when = datetime(int(y), month, day, int(hh or 0), int(mm or 0))
        except ValueError:
            continue
        return Stamp(when, hh is not None, rules["zones"][zone.upper()] if zone else None)
    return None


def date_from_url(url: str | None) -> Stamp | None:
    """'/2022/11/30/' in a URL path is the publication day on most WordPress sites."""
    m = URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return Stamp(datetime(int(m[1]), int(m[2]), int(m[3])), False, None)
    except ValueError:
        return None


def zone_offset(text: str) -> int | None:
    """The offset of the first WIB/WITA/WIT marker in `text`."""
    m = _rules()["zone_marker"].search(text)
    return _rules()["zones"][m[1].upper()] if m else None


def choose_published(head: Stamp | None, body: Stamp | None, dateline: Stamp | None,
                     page_offset: int | None, url: str | None) -> str | None:
    """Local publication date from the candidates, most trusted first.

    `head` is the JSON-LD/meta stamp, `body` a single machine stamp in the page (<time datetime>,
    microdata), `dateline` the visible dateline, `page_offset` a zone seen on the page."""
    machine = head or body
    if dateline and dateline.has_time and dateline.offset is not None:
        return dateline.iso()
    if machine and machine.offset == 0 and machine.has_time:
        local = page_offset if page_offset is not None else _rules()["default_offset"]
        return machine.shifted(local).iso()
    if machine:
        if machine.offset is None and page_offset is not None and machine.has_time:
            return Stamp(machine.when, True, page_offset).iso()
        return machine.iso()
    if dateline:
        if dateline.offset is None and page_offset is not None and dateline.has_time:
            return Stamp(dateline.when, True, page_offset).iso()
        return dateline.iso()
    stamp = date_from_url(url)
    return stamp.iso() if stamp else None


def _jsonld_objects(tree: HtmlElement):
    """Every JSON object of the page's ld+json scripts, flattening @graph and lists."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", "")
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def _name(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    """<meta property|name|itemprop=... content=...> by lowercased key, first one wins."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta[@content]"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content", "").strip()
        if key and content:
            found.setdefault(key.lower(), content)
    return found


def _body_stamp(tree: HtmlElement) -> tuple[Stamp | None, int | None, bool]:
    """The page's own machine stamp outside <head>, an offset seen in any such stamp, and
    whether the page is a list (one stamp per entry, several different days: no page date)."""
    stamps = []
    for el in tree.xpath("//body//*[@datetime or @itemprop='datePublished']"):
        stamp = parse_iso(el.get("datetime") or el.get("content") or el.get("title"))
        if stamp:
            stamps.append(stamp)
    offset = next((s.offset for s in stamps if s.offset), None)
    days = {s.when.date() for s in stamps}
    return (stamps[0] if len(days) == 1 else None), offset, len(days) > 1


def _visible_dateline(tree: HtmlElement, title: str | None) -> tuple[Stamp | None, int | None]:
    """The dateline next to the headline, and the zone marker of the page's datelines.

    Header widgets show the crawl date and sidebars other articles' dates, so only a short
    date text a few elements after (or just before) the headline counts; without a headline
    element, the first dateline with a time."""
    rules = _rules()
    body = tree.find(".//body")
    nodes = list((body if body is not None else tree).iter())
    wanted = " ".join(title.split()).lower() if title else None
    title_at = None
    found: list[tuple[int, Stamp]] = []
    zone = None
    for i, el in enumerate(nodes):
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if title_at is None and wanted and el.tag in HEADLINE_TAGS and " ".join(el.text_content().split()).lower() == wanted:
            title_at = i
        for text in (el.text, el.tail):
            if text and 6 <= len(text.strip()) <= DATELINE_MAX_CHARS and any(c.isdigit() for c in text):
                stamp = parse_dateline(text)
                if stamp:
                    found.append((i, stamp))
                    zone = zone_offset(text) if zone is None else zone
    if title_at is None:
        return next((s for _, s in found if s.has_time), None), zone
    after = [s for i, s in found if 0 < i - title_at <= rules["window_after"]]
    before = [s for i, s in reversed(found) if 0 <= title_at - i <= rules["window_before"]]
    return (after or before or [None])[0], zone


def clean_title(title: str | None, site: str | None, guess: bool = True) -> str | None:
    """Headline without the ' - Site Name' / ' | Site' suffix of <title>.

    The suffix goes when it is the site name, or (`guess`) when it is short and the rest longer."""
    if not title:
        return None
    title = " ".join(title.split())
    last = None
    for last in TITLE_SEPARATORS.finditer(title):
        pass
    if last is None:
        return title
    left, right = title[: last.start()], title[last.end():]
    if site and right.lower() == site.lower():
        return left
    if guess and len(right.split()) <= 6 and len(left) > len(right):
        return left
    return title


def extract_metadata(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Title, local publication date, site, canonical URL and author of an HTML page."""
    meta = _meta_map(tree)
    article: dict = {}
    for obj in _jsonld_objects(tree):
        if _types(obj) & ARTICLE_TYPES:
            article = obj
            break
    site = meta.get("og:site_name") or _name(article.get("publisher"))
    canonical = tree.find(".//link[@rel='canonical']")
    page_url = (canonical.get("href") if canonical is not None else None) or meta.get("og:url") or url
    author = _name(article.get("author")) or meta.get("author") or meta.get("article:author")
    if author and author.startswith("http"):
        author = None

    title = clean_title(meta.get("og:title") or _name(article.get("headline")), site, guess=False)
    if not title:
        for xpath in ("//h1", "//*[@itemprop='headline']", "//h2"):
            heads = [" ".join(h.text_content().split()) for h in tree.xpath(xpath)]
            title = next((h for h in heads if len(h.split()) >= 2), None)
            if title:
                break
    if not title:
        tag = tree.find(".//title")
        title = clean_title(tag.text_content() if tag is not None else None, site)
    title = " ".join(title.split()) if title else None

    head = parse_iso(article.get("datePublished") if isinstance(article.get("datePublished"), str) else None)
    head = head or next((s for s in (parse_iso(meta.get(k)) for k in META_DATE_KEYS) if s), None)
    body, body_offset, is_list = _body_stamp(tree)
    if is_list and head is None:
        return PageMeta(title=title, published=None, site=site, author=author, url=page_url)
    dateline, zone = (None, None)
    if not (head or body) or (head or body).offset in (0, None):
        dateline, zone = _visible_dateline(tree, title)
    page_offset = zone if zone is not None else body_offset
    published = choose_published(head, body, dateline, page_offset, page_url)
    return PageMeta(title=title, published=published, site=site, author=author, url=page_url)
