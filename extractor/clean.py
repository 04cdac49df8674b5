"""One raw input -> one clean Article (headline, body paragraphs, metadata).

HTML is parsed once; metadata is read from the full tree, then boilerplate nodes (markers in
data/boilerplate.toml) are removed, photo captions inside the article body become paragraphs
(a photo box outside it is dropped), bare text of the body containers becomes paragraphs of its
own (the lead of many templates is such text), and trafilatura extracts the body from that same
tree. Paragraphs are then normalised and
filtered by the Indonesian boilerplate line markers. Text inputs (copy-pasted pages, Markdown
with YAML front matter whose body may be HTML) go through the same filters.

Nothing here raises for bad content: the Article carries `error` instead.
"""
from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import charset_normalizer
import trafilatura
import yaml
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from extractor.article import Article, RawDocument
from extractor.data import load_toml
from extractor.metadata import PageMeta, date_from_url, extract_metadata, parse_dateline, parse_iso

LOG = logging.getLogger(__name__)

MAX_CHARS = 20_000_000          # larger pages are refused (trafilatura's own limit too)
MAX_TEXT_CHARS = 1_000_000      # a longer clean text is refused (spaCy's nlp.max_length)
MAX_PAGE_TEXT = 1_000_000       # a page with more visible text is refused before extraction (trafilatura is slow there)
MAX_ATTR_CHARS = 1_000          # longer class/id values are cut (readability's class regexes are slow on them)
SNIFF_BYTES = 4096              # head of the input where charset and binary checks look
BODY_SHARE = 0.25               # a block holding this share of the top block's text is body
MARKED_BODY_SHARE = 0.5         # ... this share when its class/id marks boilerplate (a comment note, a promo box)
TEXT_BLOCKS = {"div", "section", "blockquote", "td"}  # blocks holding a paragraph as plain text
BLOCK_TAGS = {"p", "div", "head", "list", "item", "table", "row", "quote", "blockquote", "h1", "h2", "h3",
              "h4", "h5", "h6", "ul", "ol", "li", "tr", "section", "article", "figure", "figcaption",
              "pre", "body", "main", "header", "footer", "dl", "dt", "dd"}
CELL_TAGS = {"cell", "td", "th"}
BARE_CONTAINERS = ("div", "section", "article", "main", "blockquote", "td", "center")  # may hold bare text
INLINE_WRAP = {"span", "a", "b", "strong", "em", "i", "u", "small", "time", "abbr", "font", "sup", "sub", "mark",
               "br", "img", "q", "cite", "code", "s", "strike", "del", "ins", "big", "tt", "wbr", "label"}
INLINE_TAGS = ("span", "a", "b", "strong", "em", "i", "u", "small", "time", "abbr", "font", "sup", "sub", "mark")
DATELINE_WORDS = 4              # a place dateline ('LUBUK BASUNG') is at most this long
DATELINE_PARAGRAPHS = 3         # a paragraph of a dateline alone ('Jakarta -') is among the first ones
MIN_LIST_ENTRIES = 3            # a list page has at least this many entries of one shape
LIST_LINK_SHARE = 0.15          # entries of a list page carry a headline link: this share of their text or more
ARTICLE_BLOCK = 1.5             # a plain-text block this many times a list entry's length is an article
MIN_BLOCK_TEXT = 20             # a text block shorter than this is a label, not a paragraph
MAX_CAPTION_TEXT = 300          # a photo box holds at most this much text (its caption)
PHOTO_BOX_DEPTH = 3             # levels above an image searched for its caption box
MAX_PUNCT_RUN = 32              # a longer run of punctuation without a space is cut to this length
HEADLINE_WORDS = (3, 30)        # a first line of text is a headline only within these lengths
# 'Suara.com - ', 'PONTIANAK – ', 'Jakarta, (ANTARA) - ': a line opening like this is the lead, not a headline
# 'Jakarta -', 'Mangupura, (Metrobali.com)-', 'JAKARTA, KOMPAS.com -': a paragraph of a dateline alone
DATELINE_ONLY = re.compile(r"^[\w.,'’/() ]{2,60}?\s*[–—-]{1,2}$", re.U)
LEAD_DATELINE = re.compile(r"^[\w.,'’/() ]{2,50}?\s[–—-]{1,2}\s", re.U)
HTML_HINT = re.compile(r"<(html|body|head|p|div|br|span|h[1-6]|table|ul|ol|article|section)\b", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
SPACES = re.compile(r"\s+")
WORD_CHAR = re.compile(r"[^\W_]")  # a paragraph without a letter or digit is decoration
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_PUNCT_RUN + 1))  # spaCy tokenizes such runs in quadratic time
TOKEN_SPLIT = re.compile(r"[\s_-]+")
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
LB_RUN = "\x00"                 # marks a <br> while flattening blocks
PARA_MARK = "\ue000"            # private-use character marking a <br><br> break in the tree
LB_SPLIT = re.compile(r"\s*\x00\s*(?:\x00\s*)+")  # two or more <br>: a paragraph break
CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}


@dataclass(slots=True, frozen=True)
class Rules:
    """Compiled boilerplate markers from data/boilerplate.toml."""

    drop_tags: frozenset[str]
    node_token: re.Pattern
    caption_container: re.Pattern
    caption_text: re.Pattern
    line: re.Pattern
    site_line: re.Pattern
    byline: re.Pattern
    tail_list_start: re.Pattern


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load_toml("boilerplate.toml")
    alt = "|".join(f"(?:{entry['pattern']})" for entry in data["nodes"]["token"])
    return Rules(
        drop_tags=frozenset(data["nodes"]["tags"]),
        node_token=re.compile(alt, re.I),
        caption_container=re.compile(data["captions"]["containers"], re.I),
        caption_text=re.compile(data["captions"]["texts"], re.I),
        line=re.compile("|".join(f"(?:{entry['pattern']})" for entry in data["lines"]), re.I),
        site_line=re.compile(data["text"]["site_line"]),
        byline=re.compile(data["text"]["byline"], re.I),
        tail_list_start=re.compile(data["text"]["tail_list_start"]),
    )


# ---------------------------------------------------------------- entry points

def clean_document(raw: RawDocument) -> Article:
    """Clean one input; an input error or an unusable page gives an Article with `error`."""
    if raw.error:
        return Article(doc_id=raw.doc_id, source=raw.source, url=raw.url, error=raw.error)
    try:
        if isinstance(raw.content, bytes):
            reason = binary_reason(raw.content[:SNIFF_BYTES])
            if reason:
                return _failed(raw, reason)
            text = decode_html(raw.content) if raw.kind == "html" else decode_text(raw.content)
        else:
            text = raw.content
        if not text or not text.strip():
            return _failed(raw, "empty document")
        if len(text) > MAX_CHARS:
            return _failed(raw, f"document too large ({len(text)} characters > {MAX_CHARS})")
        if CONTROL_CHARS.search(text[:SNIFF_BYTES]) and binary_reason(text[:SNIFF_BYTES].encode("utf-8", "replace")):
            return _failed(raw, "binary content")
        if raw.kind == "html":
            article = clean_html(text, raw.doc_id, raw.source, url=raw.url)
        else:
            article = clean_text(text, raw.doc_id, raw.source, url=raw.url, title=raw.title)
    except Exception as exc:  # one bad page must never stop a batch
        LOG.warning("cleaning %s failed: %s", raw.doc_id, exc, exc_info=True)
        return _failed(raw, f"cleaning failed: {type(exc).__name__}: {exc}")
    article.published = article.published or _normal_stamp(raw.published)
    size = len(article.text)
    if size > MAX_TEXT_CHARS and not article.error:
        article.error = f"article text too long ({size} characters > {MAX_TEXT_CHARS})"
    return article


def clean_html(html: str, doc_id: str = "-", source: str = "-", url: str | None = None) -> Article:
    """Article from an HTML page (or an HTML fragment)."""
    tree = parse_html(html)
    if tree is None:
        return Article(doc_id=doc_id, source=source, url=url, error="unparseable HTML")
    size = visible_text_size(tree)
    if size > MAX_PAGE_TEXT:
        return Article(doc_id=doc_id, source=source, url=url,
                       error=f"page text too long ({size} characters > {MAX_PAGE_TEXT})")
    meta = extract_metadata(tree, url)
    paragraphs = extract_paragraphs(tree, url)
    return _article(doc_id, source, meta, paragraphs, url)


def clean_text(text: str, doc_id: str = "-", source: str = "-", url: str | None = None,
               title: str | None = None) -> Article:
    """Article from a text input: YAML front matter (or a `title` given with it), then an HTML or
    plain-text body."""
    front, body, warnings = split_front_matter(text)
    meta = PageMeta(
        title=_str(front.get("title")) or _str(title),
        published=_normal_stamp(_str(front.get("date") or front.get("published"))),
        author=_str(front.get("author")),
        site=_str(front.get("site") or front.get("source")),
        url=_str(front.get("url") or front.get("link") or front.get("canonical")),
    )
    url_date = date_from_url(meta.url or url)
    if HTML_HINT.search(body):
        tree = parse_html(body)
        if tree is not None and meta.title is None:
            page = extract_metadata(tree, url)
            meta.title, meta.published = page.title, meta.published or page.published
        paragraphs = extract_paragraphs(tree, url) if tree is not None else []
    else:
        title, published, author, paragraphs = split_plain_text(body, meta.title)
        meta.title, meta.published, meta.author = title, meta.published or published, meta.author or author
    meta.published = meta.published or (url_date.iso() if url_date else None)
    article = _article(doc_id, source, meta, paragraphs, url)
    article.warnings.extend(warnings)
    return article


# ---------------------------------------------------------------- decoding

def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the head reads as mostly-ASCII UTF-16 without a BOM: a NUL
    in (nearly) every other byte, on one side only."""
    pairs = len(head) // 2
    if pairs < 16:
        return None
    even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
    if odd >= 0.6 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def binary_reason(head: bytes) -> str | None:
    """'binary content' when the head of the input is not text (NULs, control bytes)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "binary content"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return "binary content" if head and controls / len(head) > 0.05 else None


def declared_charset(content: bytes) -> str | None:
    """Charset of a <meta charset> / http-equiv declaration in the head of the page."""
    m = META_CHARSET.search(content[:SNIFF_BYTES])
    return m[1].decode("ascii", "ignore").lower() if m else None


def _decode_with(content: bytes, charset: str) -> str | None:
    charset = CHARSET_ALIASES.get(charset.lower(), charset)
    try:
        return content.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_html(content: bytes, http_charset: str | None = None) -> str:
    """Bytes of a page -> str: BOM, HTTP charset, <meta> charset, then UTF-8 or detection.

    Latin-1 declarations are read as windows-1252, as browsers do, so curly quotes survive."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", "replace")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", "replace")
    for charset in (http_charset, declared_charset(content)):
        if charset:
            if _single_byte(charset) and _is_multibyte_utf8(content[:SNIFF_BYTES]):
                return content.decode("utf-8", "replace")  # UTF-8 sent under a Western label
            text = _decode_with(content, charset)
            if text is not None:
                return text
    return decode_text(content)


def _single_byte(charset: str) -> bool:
    return charset.lower().replace("_", "-") in {"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252",
                                                 "us-ascii", "ascii", "iso-8859-15"}


def _is_multibyte_utf8(content: bytes) -> bool:
    """Valid UTF-8 with at least one multi-byte character: a Western code page almost never
    produces such byte pairs by chance, so the label is wrong, not the bytes."""
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(content) - 4:  # a character cut at the sniff limit is fine
            return False
    return any(b >= 0x80 for b in content)


def decode_text(content: bytes) -> str:
    """Undeclared bytes: UTF-16 without BOM (a NUL every other byte), UTF-8 if valid, else
    charset-normalizer's guess, else windows-1252.

    Only the first 200 kB are analysed, to keep detection cheap on large pages."""
    utf16 = utf16_without_bom(content[:SNIFF_BYTES])
    if utf16:
        return content.decode(utf16, "replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(content[:200_000]).best()
    if best is not None and best.encoding:
        # equivalent code pages decode these bytes alike: prefer the Western one of the web
        encoding = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
        text = _decode_with(content, encoding)
        if text is not None:
            return text
    return content.decode("cp1252", "replace")


# ---------------------------------------------------------------- HTML body

def parse_html(html: str) -> HtmlElement | None:
    """lxml tree of a page; a bare fragment is wrapped in a document first."""
    head = html[:2000].lower()
    if "<html" not in head and "<body" not in head:
        html = f"<html><body><article>{html}</article></body></html>"
    return load_html(html)


def visible_text_size(tree: HtmlElement) -> int:
    """Characters of text outside scripts and styles."""
    return sum(map(len, tree.xpath("//text()[not(ancestor::script) and not(ancestor::style)]")))


def trim_attributes(tree: HtmlElement) -> None:
    """Cut class/id values longer than MAX_ATTR_CHARS (no real page has them)."""
    for el in tree.iter(etree.Element):
        for name in ("class", "id"):
            value = el.get(name)
            if value is not None and len(value) > MAX_ATTR_CHARS:
                el.set(name, value[:MAX_ATTR_CHARS])


def extract_paragraphs(tree: HtmlElement, url: str | None = None) -> list[str]:
    """Body paragraphs of a parsed page (the tree is modified)."""
    trim_attributes(tree)
    body_blocks = find_body_blocks(tree)
    prune_boilerplate(tree, body_blocks)
    keep_body_captions(tree, body_blocks)
    drop_photo_boxes(tree, body_blocks)
    mark_paragraph_breaks(tree)
    entries = list_entries(body_blocks)
    if entries:
        return [p for p in (normalize(t) for e in entries for t in entry_texts(e)) if p]
    wrap_bare_text(body_blocks)
    document = trafilatura.bare_extraction(
        tree, url=url, favor_precision=True, include_comments=False, fast=False,
    )
    if document is None or document.body is None:
        return []
    return join_datelines([p for p in (normalize(t) for t in flatten(document.body)) if p])


def join_datelines(paragraphs: list[str]) -> list[str]:
    """'LUBUK BASUNG' + '– Satuan Polisi ...' and 'Jakarta -' + 'Satuan Polisi ...' split by
    markup -> one paragraph again (the lead keeps its dateline)."""
    out: list[str] = []
    for p in paragraphs:
        if out and p[0] in "–—-" and len(out[-1].split()) <= DATELINE_WORDS:
            out[-1] = f"{out[-1]} {p}"
        elif (0 < len(out) <= DATELINE_PARAGRAPHS and DATELINE_ONLY.match(out[-1])
              and len(out[-1].split()) <= DATELINE_WORDS + 1):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def find_body_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """Elements whose own paragraphs hold the article text (one or several, e.g. a body split
    around an ad), scored by text length: the parent of a <p> or of a <div> of plain text
    gets its text, an element of <br>-separated text gets that text itself. A block needs
    BODY_SHARE of the top block's score, or MARKED_BODY_SHARE when its tag or class/id marks
    boilerplate (themes put e.g. "no-share" on the body itself, which then is the top block)."""
    score: dict[HtmlElement, int] = {}
    for el in tree.iter(etree.Element):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == "br":
            if el.tail and el.tail.strip():
                score[parent] = score.get(parent, 0) + len(el.tail.strip())
        elif el.tag == "p" or (el.tag in TEXT_BLOCKS and el.find("br") is None
                                 and len(_direct_text(el)) >= MIN_BLOCK_TEXT):
            score[parent] = score.get(parent, 0) + len(el.text_content().strip())
    if not score:
        return []
    top = max(score.values())
    r = rules()

    def marked(el: HtmlElement) -> bool:  # a footer, an aside, a comment note, a promo box
        return el.tag in r.drop_tags or any(r.node_token.fullmatch(t) for t in _tokens(el) if t)

    return [el for el, s in score.items() if s >= (MARKED_BODY_SHARE if marked(el) else BODY_SHARE) * top]


def _direct_text(el: HtmlElement) -> str:
    """Text of the element itself, not of its child elements (their tails included)."""
    return ((el.text or "") + "".join(child.tail or "" for child in el)).strip()


def _protected(body_blocks: list[HtmlElement]) -> set[HtmlElement]:
    keep = set(body_blocks)
    for el in body_blocks:
        keep.update(el.iterancestors())
    return keep


def _tokens(el: HtmlElement) -> list[str]:
    return TOKEN_SPLIT.split(f"{el.get('class', '')} {el.get('id', '')}".strip())


def drop(el: HtmlElement) -> None:
    """Remove an element but keep its tail text (Blogger bodies are text between tags)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def prune_boilerplate(tree: HtmlElement, body_blocks: list[HtmlElement]) -> None:
    """Remove script/ad/share/related/comment/widget nodes, never one holding the body nor
    an inline element inside it (a `<span class="date">` within a sentence is text)."""
    r = rules()
    keep = _protected(body_blocks)
    etree.strip_elements(tree, etree.Comment, "script", "style", "noscript", "template", with_tail=False)
    in_body = {el for block in body_blocks for el in block.iterdescendants(*INLINE_TAGS)}
    seen: dict[str, bool] = {}
    doomed = []
    for el in tree.iter(etree.Element):
        if el in keep or el in in_body:
            continue
        if el.tag in r.drop_tags:
            doomed.append(el)
            continue
        for token in _tokens(el):
            if not token:
                continue
            hit = seen.get(token)
            if hit is None:
                hit = seen[token] = r.node_token.fullmatch(token) is not None
            if hit:
                doomed.append(el)
                break
    for el in doomed:
        drop(el)


def _is_caption(el: HtmlElement, pattern: re.Pattern) -> bool:
    """Tag or one whole class word ('wp-caption', 'photo__caption') names a caption part."""
    return pattern.fullmatch(el.tag) is not None or any(pattern.fullmatch(w) for w in el.get("class", "").split())


def drop_photo_boxes(tree: HtmlElement, body_blocks: list[HtmlElement]) -> None:
    """A photo box outside the body (one image and its caption, whatever their classes: the
    headline photo of many templates) is dropped. The box is the image's nearest ancestor with
    text; a box with a link or heading, another image or a long text is a teaser or a block, not
    a photo box."""
    blocks = set(body_blocks)
    for img in list(tree.iter("img")):
        if img.getparent() is None or any(a in blocks for a in img.iterancestors()):
            continue
        box = img.getparent()
        for _ in range(PHOTO_BOX_DEPTH):
            if box is None or _text_len(box):
                break
            box = box.getparent()
        if box is None or box.getparent() is None or box.tag in ("body", "html") or box in blocks:
            continue
        if not MIN_BLOCK_TEXT <= _text_len(box) <= MAX_CAPTION_TEXT:
            continue
        if (sum(1 for _ in box.iter("img")) != 1 or any(_text_len(a) for a in box.iter("a"))
                or next(box.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li"), None) is not None):
            continue
        if any(d in blocks for d in box.iter()):
            continue
        drop(box)


def keep_body_captions(tree: HtmlElement, body_blocks: list[HtmlElement]) -> None:
    """A photo caption inside the body becomes a paragraph; one outside it is dropped."""
    r = rules()
    blocks = set(body_blocks)
    for box in [el for el in tree.iter(etree.Element) if _is_caption(el, r.caption_container)]:
        if box.getparent() is None or any(a.getparent() is None for a in box.iterancestors() if a is not tree):
            continue
        in_body = any(a in blocks for a in box.iterancestors())
        texts = [el for el in box.iter(etree.Element) if el is not box and _is_caption(el, r.caption_text)]
        caption = " ".join(texts[0].text_content().split()) if texts else ""
        if in_body and caption:
            para = etree.Element("p")
            para.text, para.tail = caption, box.tail
            box.getparent().replace(box, para)
        else:
            drop(box)


def _is_inline(el) -> bool:
    return not isinstance(el.tag, str) or el.tag in INLINE_WRAP


def wrap_bare_text(body_blocks: list[HtmlElement]) -> None:
    """Bare text of a body container, between its block children and not inside a `<p>`, becomes
    a `<p>` of its own: the extractor keeps paragraphs and drops such runs, and a lead often is one
    ('<b>Outlet</b> - ...' before the first `<p>`, 'Jakarta -' in bold then the text) as are the
    sections of some templates (text after a photo and its credit line). A container without
    block children is one paragraph already and is left alone."""
    seen: set[HtmlElement] = set()
    for block in body_blocks:
        for el in list(block.iter(*BARE_CONTAINERS)):
            if el not in seen and el.getparent() is not None:
                seen.add(el)
                _wrap_runs(el)


def _wrap_runs(el: HtmlElement) -> None:
    children = list(el)
    if not any(not _is_inline(c) for c in children):
        return
    segments: list[tuple[str | None, list]] = []  # (text before the inline items, inline items)
    text, items = el.text, []
    for child in children:
        if _is_inline(child):
            items.append(child)
            continue
        segments.append((text, items))
        segments.append((None, [child]))  # a block child, kept as it is
        text, items = child.tail, []
        child.tail = None
    segments.append((text, items))
    if not any(_has_words(t, i) for t, i in segments if not (len(i) == 1 and not _is_inline(i[0]))):
        _restore(el, segments)  # nothing to wrap: put back the tails taken off
        return
    el.text = None
    for child in children:
        el.remove(child)
    last = None
    for text, items in segments:
        if len(items) == 1 and not _is_inline(items[0]) and text is None:
            el.append(items[0])
            last = items[0]
        elif _has_words(text, items):
            para = etree.SubElement(el, "p")
            para.text = text
            for item in items:
                para.append(item)
            last = para
        else:
            _put_text(el, last, text)
            for item in items:
                el.append(item)
                last = item


def _has_words(text: str | None, items: list) -> bool:
    if text and WORD_CHAR.search(text):
        return True
    return any(WORD_CHAR.search((i.text_content() if isinstance(i.tag, str) else "") + (i.tail or ""))
               for i in items)


def _put_text(el: HtmlElement, last, text: str | None) -> None:
    if not text:
        return
    if last is None:
        el.text = (el.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _restore(el: HtmlElement, segments: list) -> None:
    """Put back the tails `_wrap_runs` took off the block children (no run to wrap)."""
    for (text, items), nxt in zip(segments, segments[1:]):
        if len(items) == 1 and not _is_inline(items[0]) and text is None:
            items[0].tail = nxt[0]


def mark_paragraph_breaks(tree: HtmlElement) -> None:
    """Mark each `<br><br>` run with a character trafilatura keeps, since it sometimes folds
    the two breaks into one `<lb/>`; `flatten` splits paragraphs there."""
    for br in tree.iter("br"):
        prev = br.getprevious()
        if prev is not None and prev.tag == "br" and not (prev.tail or "").strip():
            br.tail = PARA_MARK + (br.tail or "")


def _text_len(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def _link_share(el: HtmlElement) -> float:
    """Share of the element's text that is link text."""
    return sum(_text_len(a) for a in el.iter("a")) / max(_text_len(el), 1)


def list_entries(body_blocks: list[HtmlElement]) -> list[HtmlElement]:
    """Entries of a list page (label/tag/index page): several body blocks of the same shape
    (tag and class), each led by a headline link. Empty for an article page: one whose entries
    are plain text (the pages of a multi-page article, the next articles of an infinite-scroll
    template) or that has an article block beside them (a related list under the article)."""
    shapes: dict[tuple, list[HtmlElement]] = {}
    for block in body_blocks:
        shapes.setdefault((block.tag, block.get("class")), []).append(block)
    entries = max(shapes.values(), key=len, default=[])
    members = set(entries)  # a block nested in another entry is part of it, not an entry of its own
    entries = [e for e in entries if not any(a in members for a in e.iterancestors())]
    if len(entries) < MIN_LIST_ENTRIES:
        return []
    if sum(map(_link_share, entries)) / len(entries) < LIST_LINK_SHARE:
        return []
    sizes = sorted(map(_text_len, entries))
    median = sizes[len(sizes) // 2]
    nested = {a for e in entries for a in e.iterancestors()} | {d for e in entries for d in e.iter()}
    for block in body_blocks:
        if block not in nested and _text_len(block) >= ARTICLE_BLOCK * median and _link_share(block) < LIST_LINK_SHARE:
            return []
    return entries


def entry_texts(entry: HtmlElement) -> list[str]:
    """One paragraph per child block of a list entry (headline, snippet)."""
    out = [entry.text or ""]
    for child in entry:
        out.extend([child.text_content(), child.tail or ""])
    return out


def flatten(body: etree._Element) -> list[str]:
    """Extracted tree -> raw paragraph strings: one per block at any depth (paragraph,
    heading, list item, table row, quote; trafilatura's fallbacks return HTML blocks);
    `<br><br>` splits a block, a single `<br>` is a space, table cells are joined by spaces."""
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.extend(LB_SPLIT.split("".join(buffer).replace(PARA_MARK, LB_RUN + LB_RUN)))
            buffer.clear()

    for event, el in etree.iterwalk(body, events=("start", "end")):
        block = el.tag in BLOCK_TAGS
        if event == "start":
            if block:
                flush()
            buffer.append(LB_RUN if el.tag == "lb" else " " if el.tag in CELL_TAGS else "")
            buffer.append(el.text or "")
        else:
            if block:
                flush()
            if el is not body:
                buffer.append(el.tail or "")
    flush()
    return out


def normalize(text: str) -> str:
    """Entities decoded, non-breaking and runs of whitespace collapsed to one space, runs of
    punctuation cut to MAX_PUNCT_RUN characters."""
    text = text.replace(LB_RUN, " ").replace(PARA_MARK, " ")
    if "&" in text and ENTITY.search(text):
        text = htmllib.unescape(text)
    text = PUNCT_RUN.sub(lambda m: m.group()[:MAX_PUNCT_RUN], text)
    return SPACES.sub(" ", text.replace("\xa0", " ")).strip()


# ---------------------------------------------------------------- text inputs

def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """YAML front matter ('---' ... '---') as a dict, and the body after it."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text, []
    try:
        front = yaml.safe_load(m[1])
    except yaml.YAMLError as exc:
        return {}, text[m.end():], [f"front matter unreadable: {exc.__class__.__name__}"]
    return (front if isinstance(front, dict) else {}), text[m.end():], []


def split_plain_text(body: str, title: str | None) -> tuple[str | None, str | None, str | None, list[str]]:
    """Title, visible dateline, byline author and paragraphs of a copy-pasted page (one
    paragraph a line).

    Before the headline, short capitalised lines are site or section names; between headline
    and body, a dateline ('Dec 12, 2023 - 06:09') gives the date and a 'Name - SITE.WEB.ID'
    line is a byline; a trailing 'CATEGORY4 hari ago' headline list is cut off."""
    r = rules()
    lines = [normalize(line) for line in body.splitlines()]
    # chrome first (the headline follows it), but not the line that opens a trailing list of headlines
    lines = [line for line in lines if line and (r.tail_list_start.match(line) or not r.line.match(line))]
    start = 0
    if title is None:
        while start < len(lines) - 1 and _is_site_line(lines[start], r):
            start += 1
        if start < len(lines) - 1 and looks_like_headline(lines[start]):
            title = lines[start]
            start += 1
        else:
            start = 0
    published = author = None
    head_end = start
    while head_end < min(len(lines), start + 4):
        line = lines[head_end]
        stamp = parse_dateline(line) if len(line) <= 60 else None
        byline = r.byline.fullmatch(line)
        if stamp and published is None:
            published = stamp.iso()
        elif byline:
            author = author or byline["author"].strip()
        else:
            break
        head_end += 1
    paragraphs = []
    for line in lines[head_end:]:
        if r.tail_list_start.match(line):
            break
        paragraphs.append(line)
    return title, published, author, paragraphs


def looks_like_headline(line: str) -> bool:
    """A headline is short and is no sentence: it does not end with a full stop and does not
    open with a dateline ('Suara.com - ...', 'PONTIANAK – ...'), which starts the lead."""
    words = len(line.split())
    return (HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and not line.endswith((".", ",", ";"))
            and not LEAD_DATELINE.match(line))


def _is_site_line(line: str, r: Rules) -> bool:
    return len(line.split()) <= 3 and r.site_line.fullmatch(line) is not None


# ---------------------------------------------------------------- assembly

def _article(doc_id: str, source: str, meta: PageMeta, paragraphs: list[str], url: str | None) -> Article:
    """Filter paragraphs (markers, repeated headline) and assemble the Article."""
    r = rules()
    title_key = meta.title.casefold() if meta.title else None
    kept = [p for p in paragraphs
            if WORD_CHAR.search(p) and not r.line.match(p) and p.casefold() != title_key]
    article = Article(doc_id=doc_id, source=source, title=meta.title, paragraphs=kept,
                      published=meta.published, url=meta.url or url, site=meta.site, author=meta.author)
    if not kept:
        article.error = "no body text"
    return article


def _failed(raw: RawDocument, reason: str) -> Article:
    return Article(doc_id=raw.doc_id, source=raw.source, url=raw.url, error=reason)


def _normal_stamp(value: str | None) -> str | None:
    """An input's own date ('2023-09-29', ISO stamp) in the Article's ISO form."""
    stamp = parse_iso(value) if value else None
    return stamp.iso() if stamp else None


def _str(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
