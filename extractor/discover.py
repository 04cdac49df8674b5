"""Sitemaps and feeds -> article URLs, parsed from content that our polite client fetched.

trafilatura's sitemap and feed helpers download by themselves and pass every link through
courlan's filters, which drop IP hosts and reorder query strings; its feed reader also works
on regular expressions, so `&amp;` stays in links. Parsing is therefore done here with lxml
(no entity expansion, no network): RSS 2.0, RSS 1.0, Atom, sitemap indexes, urlsets (news
sitemaps included) and plain-text sitemaps, gzipped or not. The kind is sniffed from the
root element, so a URL given as a feed that turns out to be a sitemap still works.
"""
from __future__ import annotations

import logging
import zlib
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree

LOG = logging.getLogger(__name__)

MAX_SOURCES = 1000          # feeds and sitemaps read in one discovery: index loops end here
MAX_LINKS = 50_000          # links kept from one file (the sitemap protocol's own limit)
GZIP_MAGIC = b"\x1f\x8b"
FEED_ROOTS = ("rss", "rdf", "feed")


@dataclass(slots=True)
class Links:
    """What one feed or sitemap lists: article pages and, for an index, further sitemaps."""

    kind: str  # rss | rdf | feed (Atom) | urlset | sitemapindex | text
    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "pages": self.pages, "sitemaps": self.sitemaps}


def parse_links(content: bytes, url: str, max_bytes: int) -> Links:
    """Links of the feed or sitemap at `url`; ValueError says why when the content is neither."""
    if content.startswith(GZIP_MAGIC):
        content = gunzip(content, max_bytes)
    root = _xml_root(content, url)
    if root is None:
        return _text_sitemap(content, url)
    name = etree.QName(root).localname.lower()
    if name == "sitemapindex":
        return Links(name, sitemaps=_sitemap_locs(root, "sitemap", url))
    if name == "urlset":
        return Links(name, pages=_sitemap_locs(root, "url", url))
    if name in FEED_ROOTS:
        return Links(name, pages=_feed_links(root, url))
    raise ValueError(f"not a feed or sitemap (root element <{name}>)")


def gunzip(content: bytes, max_bytes: int) -> bytes:
    """A gzipped sitemap, decompressed only up to `max_bytes` so a small bomb stays small."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(content, max_bytes + 1)
    except zlib.error as exc:
        raise ValueError(f"bad gzip data: {exc}") from exc
    if len(data) > max_bytes:
        raise ValueError(f"over {max_bytes} bytes once decompressed")
    return data


def _xml_root(content: bytes, url: str) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        return etree.fromstring(content, parser, base_url=url)
    except etree.XMLSyntaxError:
        return None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _absolute(links: Iterable[tuple[str | None, str]]) -> list[str]:
    """(base, link) pairs -> absolute http(s) URLs, first occurrence kept, at most MAX_LINKS."""
    seen: dict[str, None] = {}
    for base, link in links:
        url = urljoin(base or "", link.strip())
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen[url] = None
            if len(seen) == MAX_LINKS:
                break
    return list(seen)


def _sitemap_locs(root: etree._Element, parent: str, url: str) -> list[str]:
    """<loc> of each <url> or <sitemap>; image and video <loc>s sit deeper and are left out."""
    return _absolute(
        (url, loc.text) for loc in root.iter() if _local(loc) == "loc" and loc.text
        and _local(loc.getparent()) == parent
    )


def _feed_links(root: etree._Element, url: str) -> list[str]:
    """Item links: RSS <link> (else a permalink <guid>), Atom <link rel=alternate href>."""
    found: list[tuple[str | None, str]] = []
    for entry in root.iter():
        if _local(entry) not in ("item", "entry"):
            continue
        children = [c for c in entry if isinstance(c.tag, str)]
        atom = [c for c in children if _local(c) == "link" and c.get("href")
                and c.get("rel", "alternate") == "alternate"]
        rss = [c for c in children if _local(c) == "link" and c.text and c.text.strip()]
        guid = [c for c in children if _local(c) == "guid" and c.text and c.get("isPermaLink") != "false"]
        if atom:
            found.append((atom[0].base or url, atom[0].get("href")))
        elif rss or guid:
            found.append((url, (rss or guid)[0].text))
    return _absolute(found)


def _text_sitemap(content: bytes, url: str) -> Links:
    """The sitemap protocol's plain-text form: one absolute URL per line, nothing else."""
    lines = [line.strip() for line in content.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines or not all(urlsplit(line).scheme in ("http", "https") for line in lines):
        raise ValueError("not a feed or sitemap (neither XML nor a list of URLs)")
    return Links("text", pages=_absolute((url, line) for line in lines))


def discover_urls(sources: Iterable[str], read: Callable[[str], Links | None],
                  max_sources: int = MAX_SOURCES) -> list[str]:
    """Article URLs listed by feeds and sitemaps, following sitemap indexes breadth-first.

    `read` fetches and parses one source (None when that failed); a sitemap listed twice, or
    an index that lists itself, is read once."""
    todo = deque(dict.fromkeys(sources))
    seen = set(todo)
    pages: dict[str, None] = {}
    read_count = 0
    while todo:
        if read_count == max_sources:
            LOG.warning("stopped after %d feeds and sitemaps; %d left unread", max_sources, len(todo))
            break
        links = read(todo.popleft())
        read_count += 1
        if links is None:
            continue
        pages.update(dict.fromkeys(links.pages))
        for sitemap in links.sitemaps:
            if sitemap not in seen:
                seen.add(sitemap)
                todo.append(sitemap)
    return list(pages)
