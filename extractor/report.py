"""`rakor report`: one self-contained offline HTML file about the meetings in a records JSONL.

Meeting reports are first grouped by `extractor.merge.merge_records`, so a meeting told by several
outlets counts once. The file holds inline CSS, inline SVG charts drawn here (meetings per week,
per province as a ranked bar since no province geometry is bundled, hosts by kind, institutions
that meet together) and a searchable table whose rows link each meeting to its sources; its only
script filters that table. Nothing is loaded from the network (a Content-Security-Policy meta tag
forbids it).

Provinces come from the region names in the host, the venue and the attendees' institutions
(`extractor.gazetteer` regions: 38 provinces, 514 kabupaten/kota): the venue's, else the host's, else
the one most named by the attendees' institutions; host kinds from the gazetteer's
institution families.
"""
from __future__ import annotations

import html
import json
import os
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from extractor.gazetteer import canonical_institution, find_regions, match_institution

FAMILY_LABELS = {
    "polri": "Polri", "tni": "TNI", "penyelenggara": "KPU / Bawaslu / DKPP", "pemda": "Pemerintah daerah",
    "hukum": "Penegak hukum", "intelijen": "Intelijen", "lain": "Lainnya (gazetteer)", None: "Tidak dikenal",
}
TOP = 20
PALETTE = ["#3b6fb6", "#2a9d8f", "#e9c46a", "#e76f51", "#8e6bbf", "#6a994e", "#bc4749", "#577590", "#999"]


# --------------------------------------------------------------------------- facts of a meeting

@lru_cache(maxsize=65536)
def provinces_in(text: str) -> tuple[str, ...]:
    """Provinces of the regions a text names ("Polres Pesisir Selatan" -> Sumatera Barat); a name
    that fits regions of several provinces says nothing."""
    from extractor.gazetteer import _region_mention_regex

    found = []
    for m in _region_mention_regex().finditer(text or ""):
        provinces = {r.province for r in find_regions(m.group(0))}
        if len(provinces) == 1:
            found.append(provinces.pop())
    return tuple(found)


def province_of(meeting: dict) -> str | None:
    """The province of the venue, else of the host, else the one the attendees' institutions name most
    (the first named on a tie)."""
    for text in (meeting.get("venue"), meeting.get("host")):
        found = provinces_in(text or "")
        if found:
            return Counter(found).most_common(1)[0][0]
    votes: Counter[str] = Counter()
    for a in meeting.get("attendees") or []:
        votes.update(provinces_in(a.get("institution") or a.get("institution_canonical") or a.get("role") or ""))
    return votes.most_common(1)[0][0] if votes else None


@lru_cache(maxsize=65536)
def institution_facts(text: str) -> tuple[str | None, str | None, str]:
    """(family, type, canonical name) of an institution as written: ("polri", "Polres",
    "Kepolisian Resor Pesisir Selatan")."""
    found = match_institution(text)
    canonical = canonical_institution(text) or " ".join(text.split())
    if not found:
        return None, None, canonical
    return found[0].family, found[0].abbr, canonical


def institutions_of(meeting: dict) -> list[tuple[str | None, str | None, str]]:
    seen: dict[str, tuple[str | None, str | None, str]] = {}
    names = [meeting.get("host")] + [a.get("institution_canonical") or a.get("institution")
                                      for a in meeting.get("attendees") or []]
    for name in names:
        if name and name.strip():
            facts = institution_facts(name.strip())
            seen.setdefault(facts[2].casefold(), facts)
    return list(seen.values())


def week_of(iso: str | None) -> date | None:
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return None
    return day - timedelta(days=day.weekday())


# --------------------------------------------------------------------------- aggregation

def read_records(path: Path):
    from extractor.merge import read_record

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    yield read_record(line)
                except ValueError:
                    continue


def summarise(records: list, aliases: Path | None = None, base: Path | None = None) -> dict:
    """The figures and rows of the report from MeetingRecords."""
    from extractor.merge import merge_records

    meetings = merge_records(records, aliases)
    weeks: Counter[date] = Counter()
    provinces: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    type_pairs: Counter[tuple[str, str]] = Counter()
    name_pairs: Counter[tuple[str, str]] = Counter()
    rows = []
    for m in meetings:
        week = week_of(m.get("meeting_date"))
        if week:
            weeks[week] += 1
        province = province_of(m)
        provinces[province or "(tidak diketahui)"] += 1
        host_family = institution_facts(m["host"])[0] if m.get("host") else None
        kinds[FAMILY_LABELS.get(host_family, FAMILY_LABELS["lain"]) if m.get("host") else "(tanpa host)"] += 1
        insts = institutions_of(m)
        for a, b in combinations(sorted({t for _, t, _ in insts if t}), 2):
            type_pairs[a, b] += 1
        for a, b in combinations(sorted({n for _, _, n in insts}), 2):
            name_pairs[a, b] += 1
        rows.append({
            "id": m["meeting_id"], "date": m.get("meeting_date") or "", "host": m.get("host") or "",
            "venue": m.get("venue") or "", "province": province or "",
            "n": len(m.get("attendees") or []),
            "goals": "; ".join(m.get("goals") or [])[:300],
            "src": [[s["doc_id"], s.get("title") or "", _href(s.get("source"), base)] for s in m["sources"]],
        })
    rows.sort(key=lambda r: (r["date"] == "", r["date"]), reverse=False)
    return {"records": len(records), "reports": sum(r.is_meeting_report for r in records),
            "errors": sum(bool(r.error) for r in records), "meetings": len(meetings),
            "multi": sum(len(m["sources"]) > 1 for m in meetings), "weeks": weeks, "provinces": provinces,
            "kinds": kinds, "type_pairs": type_pairs, "name_pairs": name_pairs, "rows": rows}


@lru_cache(maxsize=65536)
def _href(source: str | None, base: Path | None) -> str:
    """A link to a source: its URL, or its path relative to the report's folder."""
    if not source or source == "-":
        return ""
    if source.startswith(("http://", "https://")):
        return source
    path = Path(source.split("@")[0])
    try:
        target = os.path.relpath(path.resolve(), (base or Path.cwd()).resolve())
    except ValueError:
        target = path.resolve().as_uri()
    return target.replace(os.sep, "/")


# --------------------------------------------------------------------------- SVG

def _e(text) -> str:
    return html.escape(str(text), quote=True)


def svg_ranked_bars(items: list[tuple[str, int]], title: str, color: str = PALETTE[0], width: int = 640) -> str:
    """A horizontal ranked bar chart."""
    if not items:
        return f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{width}" height="30"><text x="4" y="20">—</text></svg>'
    label_w, row, top = 250, 20, 4
    peak = max(v for _, v in items) or 1
    height = top + row * len(items) + 4
    parts = [f'<svg class="chart" role="img" aria-label="{_e(title)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for n, (label, value) in enumerate(items):
        y = top + n * row
        bar = max(1.0, (width - label_w - 60) * value / peak)
        short = label if len(label) <= 40 else label[:38] + "…"
        parts.append(f'<g><title>{_e(label)}: {value}</title>'
                     f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" class="lbl">{_e(short)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row - 6}" fill="{color}"/>'
                     f'<text x="{label_w + bar + 4:.1f}" y="{y + 14}" class="val">{value}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def svg_weeks(weeks: Counter, width: int = 900, height: int = 220) -> str:
    """Meetings per ISO week (Monday), every week between the first and the last."""
    if not weeks:
        return f'<svg class="chart" role="img" aria-label="meetings per week" width="{width}" height="30"><text x="4" y="20">no dated meetings</text></svg>'
    first, last = min(weeks), max(weeks)
    n = (last - first).days // 7 + 1
    left, bottom, top = 40, 30, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    step = plot_w / n
    peak = max(weeks.values())
    parts = [f'<svg class="chart" role="img" aria-label="meetings per week" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#999"/>',
             f'<text x="{left - 4}" y="{top + 10}" text-anchor="end" class="val">{peak}</text>',
             f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" class="val">0</text>']
    last_label = None
    for i in range(n):
        week = first + timedelta(days=7 * i)
        value = weeks.get(week, 0)
        x = left + i * step
        if value:
            h = plot_h * value / peak
            parts.append(f'<rect x="{x:.2f}" y="{top + plot_h - h:.2f}" width="{max(step - 1, 0.8):.2f}" '
                         f'height="{h:.2f}" fill="{PALETTE[0]}"><title>week of {week}: {value}</title></rect>')
        label = week.strftime("%Y-%m")
        if week.day <= 7 and label != last_label and (n <= 60 or week.month in (1, 4, 7, 10)):
            parts.append(f'<text x="{x:.1f}" y="{height - 10}" class="val">{label}</text>')
            last_label = label
    parts.append("</svg>")
    return "".join(parts)


# --------------------------------------------------------------------------- HTML

CSS = """body{font:14px/1.45 system-ui,sans-serif;color:#222;margin:0 auto;max-width:1100px;padding:12px 20px}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #ddd}
.chart text{font:11px system-ui,sans-serif;fill:#333}.chart .val{fill:#666}.grid{display:flex;flex-wrap:wrap;gap:20px}
.note{color:#666;font-size:12px}table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border-bottom:1px solid #eee;padding:3px 5px;text-align:left;vertical-align:top}th{background:#f4f4f4;position:sticky;top:0}
#q{width:360px;padding:4px 6px;font:inherit}.kpi{display:inline-block;margin:0 18px 6px 0}.kpi b{font-size:20px;display:block}
ol.pairs{margin:4px 0;padding-left:22px;font-size:13px}"""

SCRIPT = r"""(function(){"use strict";
var rows=JSON.parse(document.getElementById("data").textContent),q=document.getElementById("q"),
body=document.getElementById("rows"),info=document.getElementById("info"),more=document.getElementById("more"),limit=200,hits=rows;
rows.forEach(function(r){r.k=(r.date+" "+r.host+" "+r.venue+" "+r.province+" "+r.goals+" "+r.src.map(function(s){return s[0]+" "+s[1]}).join(" ")).toLowerCase()});
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return{"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]})}
function draw(){var h=[];hits.slice(0,limit).forEach(function(r){h.push("<tr><td>"+esc(r.date)+"</td><td>"+esc(r.host)+"</td><td>"+esc(r.venue)+
"</td><td>"+esc(r.province)+"</td><td>"+r.n+"</td><td>"+r.src.map(function(s){return s[2]?'<a href="'+esc(s[2])+'" title="'+esc(s[1])+'">'+esc(s[0])+"</a>":esc(s[0])}).join("<br>")+
"</td><td>"+esc(r.goals)+"</td></tr>")});body.innerHTML=h.join("");
info.textContent=hits.length+" of "+rows.length+" meetings"+(hits.length>limit?", first "+limit+" shown":"");more.style.display=hits.length>limit?"":"none"}
function filter(){var t=q.value.toLowerCase().split(/\s+/).filter(Boolean);limit=200;
hits=t.length?rows.filter(function(r){return t.every(function(w){return r.k.indexOf(w)>=0})}):rows;draw()}
q.addEventListener("input",filter);more.addEventListener("click",function(){limit+=500;draw()});draw();
document.body.setAttribute("data-ready","1")})();"""


def render(summary: dict, title: str = "rakor: coordination meetings") -> str:
    s = summary
    provinces = [(p, v) for p, v in s["provinces"].most_common() if p != "(tidak diketahui)"]
    unknown = s["provinces"].get("(tidak diketahui)", 0)
    kinds = s["kinds"].most_common()
    type_pairs = [(f"{a} + {b}", v) for (a, b), v in s["type_pairs"].most_common(TOP)]
    name_pairs = s["name_pairs"].most_common(TOP)
    weeks = s["weeks"]
    dated = sum(weeks.values())
    data = json.dumps(s["rows"], ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    kpis = [("records", s["records"]), ("meeting reports", s["reports"]), ("meetings (merged)", s["meetings"]),
            ("told by several sources", s["multi"]), ("errors", s["errors"])]
    pairs_html = "".join(f"<li>{_e(a)} &amp; {_e(b)} <span class='note'>({v})</span></li>" for (a, b), v in name_pairs)
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title><style>{CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<div>{"".join(f'<span class="kpi"><b>{v}</b>{_e(k)}</span>' for k, v in kpis)}</div>
<p class="note">Meeting reports are grouped by <code>rakor merge</code>: a meeting several outlets report counts once.</p>
<h2>Meetings per week</h2>
{svg_weeks(weeks)}
<p class="note">{dated} of {s["meetings"]} meetings have a date; weeks start on Monday.</p>
<div class="grid"><div>
<h2>Meetings per province</h2>
{svg_ranked_bars(provinces, "meetings per province", PALETTE[1])}
<p class="note">Province of the venue, else of the host, else the one the attendees' institutions name most (bundled region list; no map
geometry is bundled, so a ranked bar). {unknown} meetings name no region.</p>
</div><div>
<h2>Hosts by kind</h2>
{svg_ranked_bars(kinds, "hosts by kind", PALETTE[3], 560)}
<p class="note">Institution family of the host in the gazetteer.</p>
</div></div>
<h2>Institutions that meet together</h2>
<div class="grid"><div>
{svg_ranked_bars(type_pairs, "institution types that meet together", PALETTE[4])}
<p class="note">Meetings where both kinds of institution took part (host or attendee), top {TOP}.</p>
</div><div><b>Named institutions, top {TOP} pairs</b><ol class="pairs">{pairs_html}</ol></div></div>
<h2>Meetings</h2>
<input id="q" type="search" placeholder="search date, host, venue, province, source…" aria-label="search">
<span id="info" class="note"></span>
<table><thead><tr><th>date</th><th>host</th><th>venue</th><th>province</th><th>attendees</th><th>sources</th><th>goals</th></tr></thead>
<tbody id="rows"></tbody></table><button id="more">more</button>
<script type="application/json" id="data">{data}</script>
<script>{SCRIPT}</script>
</body></html>
"""


def write_report(records_path: Path, output: Path, aliases: Path | None = None) -> dict:
    """Write the report; returns the counts."""
    from extractor.merge import default_aliases

    records = list(read_records(records_path))
    summary = summarise(records, aliases or default_aliases(), base=output.resolve().parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(render(summary), encoding="utf-8")
    os.replace(tmp, output)
    return {"records": summary["records"], "meetings": summary["meetings"]}
