#!/usr/bin/env python3
"""corpus/realpages: real Indonesian news/portal pages for the cleaner, kept as references only.

No page text is in the repository. manifest.jsonl names each page by the public repository,
commit and path it was found at (fetched with the `fetch` tool into /work/.mirror); gold.jsonl
holds, per page, [start, end] character offsets into the decoded page (bytes decoded with the
manifest's `encoding`) of body snippets (lead, middle, last paragraph) and boilerplate snippets
(menu, related headlines, 'Baca Juga', share bar, tags, footer, comments). The pages are rebuilt
into the gitignored cache corpus/realpages/cache/ by `rebuild`.

  rebuild           re-read every page from the fetched mirrors into the cache, checking sha256;
                    prints the `fetch` calls needed when a mirror is absent (exit 1)
  add FILE          append pages to the manifest from a JSONL of {repo, commit, path} (held-out
                    URLs and pages already listed are skipped)
  annotate          write gold.jsonl from the cached pages and the site rules below
  check             validate gold.jsonl against the cache (offsets, snippet text, overlaps)
  stats             pages and snippets per site

Gold is made from the page structure alone (never from rakor's or trafilatura's output): the
article body container of each site template (SITES), minus the non-body parts inside it
(DROP: ads, 'Baca Juga' boxes, captions, share and tag rows), is the body; its first, middle and
last paragraphs give the body snippets. Boilerplate snippets are text outside that container in
menus, related/popular lists, share and tag rows, footers and comment boxes, plus the 'Baca Juga'
boxes inside it. A snippet is a run of plain characters inside one text node, so its text is the
same in the HTML source and in any extractor's output.
"""
from __future__ import annotations

import gzip
import hashlib
import html as htmllib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "realpages"
CACHE = REAL / "cache"
MANIFEST = REAL / "manifest.jsonl"
GOLD = REAL / "gold.jsonl"
MIRROR = Path(os.environ.get("REALPAGES_MIRROR", "/work/.mirror"))
HELDOUT = ROOT.parent / "shared" / "corpus" / "heldout.py"

SECOND_LEVEL = {"co", "go", "or", "ac", "web", "sch", "net", "my", "mil", "desa", "biz"}
SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \t\r\n,.:;()/%+\-]*[A-Za-z0-9.)]")
SPACES = re.compile(r"\s+")
MAX_SNIPPET = 100
BODY_MIN = 30                  # characters of a body snippet
BOILER_MIN = {"menu": 8}       # characters of a boilerplate snippet (default below)
BOILER_DEFAULT_MIN = 15
BOILER_MAX_PER_KIND = {"menu": 2, "related": 2, "footer": 1, "share": 1, "tags": 1, "comment": 1,
                       "baca_juga": 1, "caption": 1}

# ---------------------------------------------------------------- site rules

def _cls(name: str, tag: str = "div", axis: str = "//") -> str:
    """XPath of `tag` elements with the class word `name`."""
    return f"{axis}{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


# host pattern -> (XPaths of the main article body container, tried in order: the first element
# they match in document order that holds 40 words of body is the main article, as infinite-scroll
# templates append the next articles after it; XPaths, relative to the container, of its parts
# that are no body text on that template; XPaths, relative to the container, of further pages of
# the same article that the template puts after it)
SITES: list[tuple[str, list[str], list[str], list[str]]] = [
    (r"(^|\.)(liputan6|bola|fimela)\.com$", [_cls("article-content-body")], [], []),
    (r"(^|\.)merdeka\.com$", ["//div[@id='body--infinite']", _cls("mdk-body-paragraph")],
     [".//*[contains(@class, 'widereadpage')]"], [_cls("paging-content", axis="following-sibling::")]),
    (r"(^|\.)kapanlagi\.com$",
     [_cls("body-paragraph"), _cls("body-paragpraph"), _cls("deskrip-img"), _cls("detail-img")], [], []),
    (r"(^|\.)bola\.net$", [_cls("content-news"), _cls("article-content-body")], [],
     [_cls("detail-body", axis="ancestor::") + "[1]/following-sibling::div[@id='list-pagination']"
      + _cls("content-news")]),
    (r"(^|\.)dream\.co\.id$", [_cls("deskrip-detail"), _cls("detail-body"), _cls("body-paragraph")], [], []),
    (r"(^|\.)otosia\.com$", [_cls("wrapper-list-paging"), _cls("detail-berita")], [".//div[h2 and ul/li/a]"], []),
    (r"(^|\.)brilio\.net$", [_cls("main-content"), _cls("news-content")],
     [".//div[contains(@class, 'list-article-box')]"], []),
    (r"(^|\.)tribunnews\.com$", [_cls("txt-article")], [], []),
    (r"(^|\.)beritasatu\.com$", [_cls("story")], [], []),
    (r"(^|\.)pikiran-rakyat\.com$", [_cls("read__content", "article")], [], []),
    (r"(^|\.)kompasiana\.com$", [_cls("read-content")], [], []),
    (r"(^|\.)metrobali\.com$", [_cls("entry-content-inner")],
     ["./p[em and normalize-space(.) = normalize-space(em)]"], []),  # an italic photo caption
    (r"(^|\.)beritamanado\.com$", [_cls("content-inner")], [], []),
    (r"(^|\.)gelora\.co$", [_cls("post-body")], [], []),
    (r"(^|\.)mediaindonesia\.com$", [_cls("article")], [], []),
    (r"(^|\.)detik\.com$", [_cls("detail__body-text")],
     [".//div[contains(@class, 'parallaxindetail')]"], []),  # an in-body ad slot
    (r"(^|\.)kompas\.com$", [_cls("read__content")], [], []),
    (r"(^|\.)okezone\.com$", ["//div[@id='contentx']"],
     ["./div[contains(@class, 'flying_carpet')]",      # an in-body ad slot
      "./div[@id='metube_div']",                        # a video widget with its popular-video title
      "./div[div[contains(@id, 'Preload')]]"], []),     # a native-ad slot ('Loading...')
    (r"(^|\.)jpnn\.com$", [_cls("page-content") + "/div[count(p) >= 3]"], [], []),  # the unnamed text div
]


# non-body parts inside a body container (tag names, then class/id words)
DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "figure", "figcaption", "ins", "form",
             "button", "select", "textarea", "svg", "video", "audio", "object", "embed", "amp-ad", "h1"}
DROP_WORD = re.compile(
    r"baca|bacajuga|related|terkait|ads?|adv|advert\w*|iklan\w*|banner\w*|seamless|sponsor\w*|share\w*|"
    r"social\w*|sosmed|tags?|caption\w*|credit|copyright|reporter|author|penulis|editor|pagination|prevnext|"
    r"promo\w*|recommend\w*|rekomendasi|popular|populer|terpopuler|comment\w*|komentar|disclaimer|subscribe|"
    r"newsletter|gpt|dfp|mgid|outbrain|taboola|sidebar|breadcrumbs?|photo|foto|gallery|galeri|thumb\w*|"
    r"video|embed|essb\w*|addtoany|awac|jeg_ad|instagram\w*|twitter\w*|tiktok\w*|tweet\w*|"
    r"headline\w*|kategori|category|title\w*|date\w*|time\w*|tanggal|datetime|pubdate",
    re.I)
BACA_JUGA = re.compile(r"\s*[(\[•·*]*\s*(baca|lihat|simak)\s+(ini\s+)?(juga|selengkapnya|berita|lainnya)\b|\s*baca\s*:",
                       re.I)
# paragraphs of the body that are no article text: credits, promos, page links
NOT_TEXT = re.compile(
    r"^\s*([(\[]|\*\*|#|©|baca\b|lihat\b|simak\b|saksikan\b|ikuti\b|tonton\b|dapatkan\b|jangan lupa\b|"
    r"reporter\b|editor\b|penulis\b|sumber\b|foto\b|laporan (wartawan|jurnalis|reporter|kontributor)|"
    r"pakai masker|selalu jaga|(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu),? \d|"
    r"halaman\b|\d+ dari \d+ halaman|cek berita|yuk\b|klik\b|download\b|unduh\b|follow\b|ingin tahu\b)", re.I)
TITLE_TAGS = {"h1", "title"}
KINDS = [  # boilerplate kind by ancestor tag or class/id word, first match wins
    ("comment", re.compile(r"comment\w*|komentar|disqus|disclaimer-comment", re.I), set()),
    ("share", re.compile(r"share\w*|social\w*|sosmed|addtoany|essb\w*", re.I), set()),
    ("tags", re.compile(r"tags?|topik|tag-list|jeg_post_tags", re.I), set()),
    ("footer", re.compile(r"footer\w*|copyright", re.I), {"footer"}),
    ("menu", re.compile(r"nav\w*|menu\w*|navbar|header|topbar|kanal|channel-bar", re.I), {"nav", "header"}),
    ("related", re.compile(r"related|terkait|recommend\w*|rekomendasi|popular|populer|terpopuler|trending|"
                           r"latest|terbaru|terkini|list\w*|most|box|widget|sidebar|aside|infinite|"
                           r"read-next|next-article|berita-lain|lainnya", re.I), {"aside"}),
    ("caption", re.compile(r"caption\w*", re.I), {"figcaption"}),
]


def site_of(url: str) -> str:
    host = urlparse(url).netloc.lower().split(":")[0]
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def norm(text: str) -> str:
    """The comparison form of a snippet or an output: entities decoded, whitespace collapsed,
    case folded."""
    return SPACES.sub(" ", htmllib.unescape(text).replace("\xa0", " ")).strip().casefold()


# ---------------------------------------------------------------- mirrors and cache

def mirror_dir(repo: str) -> Path | None:
    base = MIRROR / repo.replace("/", "+") / "repo"
    for gd in (base, base / ".git"):
        if (gd / "objects").is_dir():
            return gd
    return None


def read_blob(repo: str, commit: str, path: str) -> bytes:
    gd = mirror_dir(repo)
    if gd is None:
        raise FileNotFoundError(repo)
    data = subprocess.run(["git", "--git-dir", str(gd), "show", f"{commit}:{path}"],
                          capture_output=True, check=True).stdout
    return gzip.decompress(data) if path.endswith(".gz") else data


def manifest() -> list[dict]:
    if not MANIFEST.exists():
        return []
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]


def cached(row: dict) -> str:
    """The decoded page of a manifest row (from the cache)."""
    return (CACHE / f"{row['id']}.html").read_bytes().decode(row["encoding"], "replace")


def detect_encoding(data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", data[:4096], re.I)
        if m:
            try:
                "".encode(m[1].decode("ascii"))
                return m[1].decode("ascii").lower()
            except LookupError:
                pass
        return "cp1252"


def cmd_rebuild() -> int:
    rows = manifest()
    missing = sorted({r["repo"] for r in rows if mirror_dir(r["repo"]) is None})
    if missing:
        print(f"{len(missing)} mirror(s) absent under {MIRROR}; run these fetch calls, then rebuild again:")
        for repo in missing:
            print(f"  fetch github:{repo}")
        return 1
    CACHE.mkdir(parents=True, exist_ok=True)
    bad = 0
    for row in rows:
        data = read_blob(row["repo"], row["commit"], row["path"])
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            print(f"sha256 mismatch: {row['id']} {row['repo']}@{row['commit'][:10]}:{row['path']}")
            bad += 1
            continue
        (CACHE / f"{row['id']}.html").write_bytes(data)
    print(f"{len(rows) - bad} pages in {CACHE.relative_to(ROOT)}" + (f", {bad} mismatched" if bad else ""))
    return 1 if bad else 0


def page_url(data: str) -> str:
    for pattern in (r"""<link[^>]+rel=["']canonical["'][^>]*href=["'](https?://[^"']+)""",
                    r"""<link[^>]+href=["'](https?://[^"']+)["'][^>]*rel=["']canonical""",
                    r"""og:url["']?\s+content=["'](https?://[^"']+)"""):
        m = re.search(pattern, data[:200_000], re.I)
        if m:
            return htmllib.unescape(m[1])
    return ""


def held_out(*urls: str) -> bool:
    urls = [u for u in urls if u]
    if not urls:
        return False
    variants = set(urls)
    for u in urls:
        variants.update({u.replace("https://", "http://"), u.replace("http://", "https://"),
                         u.replace("://m.", "://www."), u.replace("://www.", "://m."), u.rstrip("/")})
    return subprocess.run([sys.executable, str(HELDOUT), *sorted(variants)], capture_output=True).returncode != 0


def cmd_add(path: str) -> int:
    rows = manifest()
    known = {(r["repo"], r["path"]) for r in rows} | {r["sha256"] for r in rows}
    added = 0
    with MANIFEST.open("a", encoding="utf-8") as out:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            cand = json.loads(line)
            data = read_blob(cand["repo"], cand["commit"], cand["path"])
            sha = hashlib.sha256(data).hexdigest()
            if (cand["repo"], cand["path"]) in known or sha in known:
                continue
            encoding = detect_encoding(data)
            text = data.decode(encoding, "replace")
            url = cand.get("url") or page_url(text)
            if held_out(url, page_url(text)):
                print("HELD OUT, skipped:", url)
                continue
            ident = "rp-" + hashlib.sha1(f"{cand['repo']}:{cand['path']}".encode()).hexdigest()[:10]
            row = {"id": ident, "repo": cand["repo"], "commit": cand["commit"], "path": cand["path"],
                   "site": site_of(url), "url": url, "encoding": encoding, "sha256": sha}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            known.update({(cand["repo"], cand["path"]), sha})
            added += 1
    print(f"{added} page(s) added")
    return 0


# ---------------------------------------------------------------- annotation

def _words(el) -> list[str]:
    return [w for w in re.split(r"[\s_-]+", f"{el.get('class', '')} {el.get('id', '')}") if w]


HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _link_list(el) -> bool:
    """A list of links (related headlines): every item's text is link text."""
    items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
    return bool(items) and all(" ".join(li.text_content().split())
                               == " ".join(" ".join(a.text_content().split()) for a in li.iter("a")).strip()
                               for li in items)


def _dropped(el) -> bool:
    """Not body text: a DROP tag or class/id word, a list of links, or hidden from the reader."""
    return (not isinstance(el.tag, str) or el.tag in DROP_TAGS
            or any(DROP_WORD.fullmatch(w) for w in _words(el))
            or (el.tag in ("ul", "ol") and _link_list(el))
            or HIDDEN.search(el.get("style", "")) is not None or el.get("hidden") is not None)


def _is_baca_juga(el) -> bool:
    return isinstance(el.tag, str) and BACA_JUGA.match(" ".join(el.text_content().split())) is not None


BLOCKS = {"p", "div", "section", "article", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
          "table", "tr", "td", "th", "dl", "dt", "dd", "center", "pre", "main"}


HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def body_blocks(parts, drops: frozenset = frozenset()) -> list[dict]:
    """Paragraphs of the body: {"pieces": [(owner element, text)], "heading": bool}; `<br><br>`
    and block elements break paragraphs, a single `<br>` does not; non-body parts (`drops` and
    the DROP rules) are skipped, their tails kept."""
    blocks: list[dict] = [{"pieces": [], "heading": False}]

    def flush(heading=False):
        if blocks[-1]["pieces"]:
            blocks.append({"pieces": [], "heading": heading})
        else:
            blocks[-1]["heading"] = heading

    def walk(el, heading, in_link=False):
        in_link = in_link or el.tag == "a"
        if el.text:
            blocks[-1]["pieces"].append((el, el.text, in_link))
        prev_br = False
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif child in drops or _dropped(child) or _is_baca_juga(child):
                if child.tag in BLOCKS:
                    flush(heading)
            elif child.tag == "br":
                if prev_br:
                    flush(heading)
                prev_br = True
            else:
                prev_br = False
                inner = heading or child.tag in HEADINGS
                if child.tag in BLOCKS:
                    flush(inner)
                walk(child, inner, in_link)
                if child.tag in BLOCKS:
                    flush(heading)
            if child.tail and child.tail.strip():
                blocks[-1]["pieces"].append((child, child.tail, in_link))
                prev_br = False

    for part in ([parts] if not isinstance(parts, list) else parts):
        flush()
        walk(part, False)
    return [b for b in blocks if "".join(t for _, t, _ in b["pieces"]).strip()]


def body_text(parts, drops: frozenset = frozenset()) -> str:
    return " ".join("".join(t for _, t, _ in b["pieces"]) for b in body_blocks(parts, drops))


def visible_text(parts) -> str:
    """All text of the body parts but scripts, styles and 'Baca Juga' boxes (headings included):
    no boilerplate snippet may occur in it."""
    out = []

    def walk(el):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template") or _is_baca_juga(el):
            return
        out.append(el.text or "")
        for child in el:
            walk(child)
            out.append(child.tail or "")

    for part in parts:
        walk(part)
    return " ".join(out)


def windows(text: str, minimum: int) -> list[re.Match]:
    return [m for m in SAFE.finditer(text) if len(m.group().strip()) >= minimum]


def clip(snippet: str) -> str:
    """A snippet cut to MAX_SNIPPET characters at a word end."""
    if len(snippet) <= MAX_SNIPPET:
        return snippet
    cut = snippet[:MAX_SNIPPET]
    return cut[:cut.rfind(" ")] if " " in cut else cut


class Locator:
    """Finds a piece of text in the page source, after the source line of its element."""

    def __init__(self, source: str):
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def find(self, snippet: str, el) -> tuple[int, int] | None:
        line = getattr(el, "sourceline", None) or 1
        start = self.line_starts[min(line, len(self.line_starts)) - 1]
        pos = self.source.find(snippet, start)
        if pos < 0:
            pos = self.source.find(snippet)
        return (pos, pos + len(snippet)) if pos >= 0 else None


def pick_body(blocks, loc: Locator) -> list[dict]:
    """Lead (first), middle and last paragraphs of the body, each of 8 words or more and no
    heading, credit, promo or related link; a snippet of each: the first plain run of the lead
    (past its dateline when that is in bold), the longest run of the others."""
    def text_of(block):
        return " ".join("".join(t for _, t, _ in block["pieces"]).split())

    def links_only(block):  # a related headline: the paragraph is one link
        return not " ".join("".join(t for _, t, link in block["pieces"] if not link).split())

    usable = [b for b in blocks if not b["heading"] and not links_only(b)
              and len(text_of(b).split()) >= 8 and not NOT_TEXT.match(text_of(b))]
    if len(usable) < 3:
        return []
    chosen = [("lead", usable[0]), ("middle", usable[len(usable) // 2]), ("last", usable[-1])]
    out = []
    for kind, block in chosen:
        pieces = block["pieces"] if kind == "lead" else sorted(block["pieces"], key=lambda p: -len(p[1]))
        for el, text, _ in pieces:
            wins = windows(text, BODY_MIN)
            if not wins:
                continue
            snippet = clip(wins[0].group().strip())
            span = loc.find(snippet, el)
            if span:
                out.append({"kind": kind, "span": list(span)})
                break
        else:
            return []  # a chosen paragraph without a locatable snippet: skip the page
    return out


def boiler_kind(el, parts) -> str | None:
    for anc in [el, *el.iterancestors()]:
        if anc in parts:
            return None
        if not isinstance(anc.tag, str):
            continue
        if anc.tag in TITLE_TAGS or anc.tag in ("head", "script", "style", "noscript", "template", "select",
                                                "option", "button"):
            return None
        words = _words(anc)
        for kind, pattern, tags in KINDS:
            if anc.tag in tags or any(pattern.fullmatch(w) for w in words):
                return kind
    return None


def pick_boilerplate(tree, parts, gold_body: str, title: str, body_keys: list[str],
                      loc: Locator) -> list[dict]:
    """Up to BOILER_MAX_PER_KIND snippets of each kind, in document order: text outside the body
    parts (and outside the headline box, which holds the deck) under a menu, related list, share
    or tag row, comment box or footer, and the 'Baca Juga' boxes inside the body. None may occur
    in the body text or the title, nor overlap a body snippet."""
    taken: dict[str, list] = {}
    seen_text: set[str] = set()
    inside = {el for part in parts for el in part.iter()}
    h1 = next(tree.iter("h1"), None)
    header = set(h1.getparent().iter()) if h1 is not None and h1.getparent() is not None else set()

    def consider(kind, el, text):
        minimum = BOILER_MIN.get(kind, BOILER_DEFAULT_MIN)
        if len(taken.get(kind, [])) >= BOILER_MAX_PER_KIND.get(kind, 1):
            return
        for w in windows(text, minimum):
            snippet = clip(w.group().strip())
            key = norm(snippet)
            if (key in seen_text or key in gold_body or key in title or len(key) < minimum
                    or any(b in key or key in b for b in body_keys)):
                continue
            span = loc.find(snippet, el)
            if span:
                taken.setdefault(kind, []).append({"kind": kind, "span": list(span)})
                seen_text.add(key)
                return

    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el in inside:
            if el not in parts and _is_baca_juga(el) and not any(a in inside and _is_baca_juga(a)
                                                                   for a in el.iterancestors()):
                for sub in el.iter():
                    for text in (sub.text, sub.tail if sub is not el else None):
                        if text and not BACA_JUGA.fullmatch(text):
                            consider("baca_juga", sub, text)
            continue
        kind = None if el in header else boiler_kind(el, parts)  # the headline box holds the deck
        if kind is None:
            continue
        if el.text and el.text.strip():
            consider(kind, el, el.text)
    ordered = []
    for kind in ("menu", "related", "baca_juga", "share", "tags", "comment", "caption", "footer"):
        ordered.extend(taken.get(kind, []))
    return ordered


def rule_for(url: str) -> tuple[list[str], list[str], list[str]]:
    host = urlparse(url).netloc.lower()
    for pattern, xpaths, drops, extras in SITES:
        if re.search(pattern, host):
            return xpaths, drops, extras
    return [], [], []


def find_body(tree, url: str) -> tuple[list, frozenset]:
    """The parts of the main article body (its container, then further pages) and the non-body
    elements inside them; ([], empty) when the template has no body of 40 words."""
    xpaths, drop_xpaths, extra_xpaths = rule_for(url)
    for xpath in xpaths:
        for found in tree.xpath(xpath):
            parts = [found] + [e for x in extra_xpaths for e in found.xpath(x)]
            drops = frozenset(d for part in parts for x in drop_xpaths for d in part.xpath(x))
            if len(body_text(parts, drops).split()) >= 40:
                return parts, drops
    return [], frozenset()


def annotate_page(row: dict) -> dict | None:
    from lxml import html as lxml_html
    source = cached(row)
    tree = lxml_html.document_fromstring(source)
    parts, drops = find_body(tree, row["url"])
    if not parts:
        return None
    loc = Locator(source)
    body = pick_body(body_blocks(parts, drops), loc)
    if not body:
        return None
    gold_body = norm(body_text(parts, drops) + " " + visible_text(parts))
    title = norm(" ".join(" ".join(h.text_content().split()) for h in tree.iter("h1", "title")))
    body_keys = [norm(source[s['span'][0]:s['span'][1]]) for s in body]
    boiler = pick_boilerplate(tree, parts, gold_body, title, body_keys, loc)
    return {"id": row["id"], "site": row["site"], "body": body, "boilerplate": boiler}


def cmd_annotate() -> int:
    rows = manifest()
    out, skipped = [], []
    for row in rows:
        gold = annotate_page(row)
        (out.append(gold) if gold else skipped.append(row["id"]))
    with GOLD.open("w", encoding="utf-8") as f:
        for gold in out:
            f.write(json.dumps(gold, ensure_ascii=False) + "\n")
    print(f"{len(out)} pages annotated, {len(skipped)} without a body container or three paragraphs"
          + (f": {' '.join(skipped)}" if skipped else ""))
    return 0


def gold() -> dict[str, dict]:
    return {g["id"]: g for g in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()) if g}


def snippet_text(source: str, span: list[int]) -> str:
    return source[span[0]:span[1]]


def cmd_check() -> int:
    rows = {r["id"]: r for r in manifest()}
    problems = 0
    for ident, g in gold().items():
        row = rows.get(ident)
        if row is None:
            print(f"{ident}: not in the manifest")
            problems += 1
            continue
        source = cached(row)
        kinds = [s["kind"] for s in g["body"]]
        if "lead" not in kinds:
            print(f"{ident}: no lead snippet")
            problems += 1
        body_keys = set()
        for s in g["body"] + g["boilerplate"]:
            text = snippet_text(source, s["span"])
            if not text.strip() or "<" in text or ">" in text or len(text) > MAX_SNIPPET:
                print(f"{ident}: bad {s['kind']} snippet at {s['span']}: {text[:40]!r}")
                problems += 1
        for s in g["body"]:
            body_keys.add(norm(snippet_text(source, s["span"])))
        for s in g["boilerplate"]:
            key = norm(snippet_text(source, s["span"]))
            if any(key in b or b in key for b in body_keys):
                print(f"{ident}: boilerplate snippet overlaps a body snippet at {s['span']}")
                problems += 1
    print(f"{len(gold())} gold pages checked, {problems} problem(s)")
    return 1 if problems else 0


def cmd_stats() -> int:
    from collections import Counter, defaultdict
    rows = {r["id"]: r for r in manifest()}
    g = gold()
    pages = Counter(rows[i]["site"] for i in g)
    snippets = defaultdict(Counter)
    for i, page in g.items():
        for s in page["body"] + page["boilerplate"]:
            snippets[rows[i]["site"]][s["kind"]] += 1
    print(f"{'site':24} {'pages':>5}  snippets")
    for site, n in sorted(pages.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{site:24} {n:5}  " + " ".join(f"{k}={v}" for k, v in sorted(snippets[site].items())))
    print(f"{len(pages)} sites, {sum(pages.values())} pages (manifest: {len(rows)})")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    cmd, args = argv[0], argv[1:]
    commands = {"rebuild": cmd_rebuild, "add": cmd_add, "annotate": cmd_annotate, "check": cmd_check,
                "stats": cmd_stats}
    if cmd not in commands:
        print(__doc__)
        return 2
    return commands[cmd](*args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
