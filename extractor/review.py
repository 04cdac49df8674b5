"""`rakor review`: a local page (127.0.0.1 only) to check records against their articles and save
corrections as gold (corpus/ANNOTATION.md), the format `rakor eval --gold` reads.

Per record the page shows the clean article with each field's evidence highlighted and the fields
beside it, editable. Accept saves the record as extracted, Save saves the edited fields (corrected),
Reject saves it as "not a meeting report" (every other field empty, as ANNOTATION.md requires).
Every save rewrites the output JSONL whole under a lock (temporary file + os.replace), replacing
the record's line if it is there: a crash or a second tab (or a second `rakor review` on the same
file) loses nothing already saved, and a record is never written twice. The page loads nothing
from the network (inline CSS/JS; a Content-Security-Policy forbids any other origin).
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
import threading
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path

GOLD_FIELDS = ("is_meeting_report", "meeting_date", "date_text", "venue", "host", "attendees",
               "participant_count", "goals")
ATTENDEE_FIELDS = ("name", "role", "institution", "represents")
STATUSES = ("accepted", "corrected", "rejected")
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
       "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


# --------------------------------------------------------------------------- records and texts

def read_records(path: Path) -> list[dict]:
    """The records of a JSONL file, as dicts (unknown fields kept, blank or broken lines skipped)."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict) and (record.get("doc_id") or record.get("id")):
                    record.setdefault("doc_id", record.get("id"))
                    records.append(record)
    return records


def _clean_texts(raw) -> list[str]:
    """The texts a raw input may have been read as: its clean article, and the text itself."""
    from extractor.clean import clean_document

    texts = []
    try:
        article = clean_document(raw)
        if not article.error:
            texts.append(article.text)
    except Exception:  # a broken page: fall back on the text as given
        pass
    if raw.kind == "text" and isinstance(raw.content, str):
        texts.append(raw.content)
    return texts


def evidence_hits(record: dict, text: str) -> int:
    """How many evidence spans of the record read the same in `text`."""
    return sum(text[s["start"]:s["end"]] == s.get("text")
               for spans in (record.get("evidence") or {}).values() for s in spans
               if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int))


def best_text(record: dict, candidates: list[str]) -> str | None:
    """The candidate text the record's evidence offsets fit best (the first on a tie)."""
    if not candidates:
        return None
    return max(candidates, key=lambda t: (evidence_hits(record, t), -candidates.index(t)))


class TextSource:
    """Clean article texts by doc_id: from --texts (a folder of <doc_id>.txt/.html or a JSONL of
    {id|doc_id, text|html}) or else from each record's source file, cleaned as `rakor extract` did."""

    def __init__(self, texts: Path | None = None, base: Path | None = None, cache_size: int = 256):
        self.texts = texts
        self.base = base
        self._jsonl: dict[str, object] | None = None
        self._cache: OrderedDict[str, str | None] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _from_texts(self, doc_id: str) -> list:
        from extractor.article import RawDocument

        if self.texts is None:
            return []
        if self.texts.is_dir():
            for suffix, kind in ((".txt", "text"), (".md", "text"), (".html", "html"), (".htm", "html")):
                path = self.texts / f"{doc_id}{suffix}"
                if path.exists():
                    content = path.read_text(encoding="utf-8", errors="replace")
                    return [RawDocument(doc_id=doc_id, source=str(path), content=content, kind=kind)]
            return []
        if self._jsonl is None:
            self._jsonl = {}
            for row in read_records_raw(self.texts):
                key = row.get("doc_id") or row.get("id")
                if key:
                    self._jsonl[str(key)] = row
        row = self._jsonl.get(doc_id)
        if not isinstance(row, dict):
            return []
        docs = []
        for key, kind in (("text", "text"), ("html", "html")):
            if isinstance(row.get(key), str):
                docs.append(RawDocument(doc_id=doc_id, source=str(self.texts), content=row[key], kind=kind,
                                        url=row.get("url"), published=row.get("published"), title=row.get("title")))
        return docs

    def _from_source(self, record: dict) -> list:
        from extractor.sources import iter_documents

        source = record.get("source")
        if not source or source == "-" or "://" in source:
            return []
        path = Path(source)
        candidates = [path] if path.is_absolute() else [Path.cwd() / path] + ([self.base / path] if self.base else [])
        for candidate in candidates:
            if candidate.is_file():
                docs = list(iter_documents([str(candidate)]))
                same = [d for d in docs if d.doc_id == record["doc_id"]]
                return same or (docs if len(docs) == 1 else [])
        return []

    def text(self, record: dict) -> str | None:
        doc_id = str(record["doc_id"])
        with self._lock:
            if doc_id in self._cache:
                self._cache.move_to_end(doc_id)
                return self._cache[doc_id]
        candidates: list[str] = []
        for raw in self._from_texts(doc_id):
            if raw.kind == "text" and isinstance(raw.content, str):
                candidates.append(raw.content)  # a clean text as `rakor clean` writes it
            candidates.extend(_clean_texts(raw))
        if not candidates or not evidence_hits(record, best_text(record, candidates) or ""):
            for raw in self._from_source(record):
                candidates.extend(_clean_texts(raw))
        text = best_text(record, candidates)
        with self._lock:
            self._cache[doc_id] = text
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return text


def read_records_raw(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                row = json.loads(line) if line.strip() else None
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict):
                rows.append(row)
    return rows


# --------------------------------------------------------------------------- gold lines

def _str_or_none(value) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def to_gold(doc_id: str, fields: dict, status: str) -> dict:
    """A gold record (ANNOTATION.md) from edited or extracted fields; a rejected record, or one that
    is not a meeting report, keeps every other field null or empty. The review status and time sit
    under "review", which the scorer does not read."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    meeting = bool(fields.get("is_meeting_report")) and status != "rejected"
    gold: dict = {"id": doc_id, "is_meeting_report": meeting, "meeting_date": None, "date_text": None,
                  "venue": None, "host": None, "attendees": [], "participant_count": None, "goals": []}
    if meeting:
        date = _str_or_none(fields.get("meeting_date"))
        if date is not None and not (len(date) == 10 and date[4] == "-" and date[7] == "-"
                                     and date.replace("-", "").isdigit()):
            raise ValueError(f"meeting_date must be YYYY-MM-DD, not {date!r}")
        count = fields.get("participant_count")
        if isinstance(count, str):
            count = count.strip()
            count = int(count) if count.isdigit() else (None if not count else _bad_count(count))
        elif count is not None and not isinstance(count, int):
            count = _bad_count(count)
        attendees = []
        for a in fields.get("attendees") or []:
            if isinstance(a, dict):
                entry = {k: _str_or_none(a.get(k)) for k in ATTENDEE_FIELDS}
                if any(entry.values()):
                    attendees.append(entry)
        gold.update(meeting_date=date, date_text=_str_or_none(fields.get("date_text")),
                    venue=_str_or_none(fields.get("venue")), host=_str_or_none(fields.get("host")),
                    attendees=attendees, participant_count=count,
                    goals=[g for g in (_str_or_none(x) for x in fields.get("goals") or []) if g])
        if fields.get("meeting_date_alt") and not date:
            gold["meeting_date_alt"] = [d for d in fields["meeting_date_alt"] if isinstance(d, str)]
    gold["review"] = {"status": status, "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    return gold


def _bad_count(value) -> int:
    raise ValueError(f"participant_count must be a whole number, not {value!r}")


def record_fields(record: dict) -> dict:
    """The gold-contract fields of an extracted record."""
    out = {k: record.get(k) for k in GOLD_FIELDS}
    out["attendees"] = [{k: a.get(k) for k in ATTENDEE_FIELDS} for a in record.get("attendees") or []
                        if isinstance(a, dict)]
    out["goals"] = list(record.get("goals") or [])
    out["is_meeting_report"] = bool(record.get("is_meeting_report"))
    if record.get("meeting_date_alt"):
        out["meeting_date_alt"] = record["meeting_date_alt"]
    return out


class GoldStore:
    """The reviewed JSONL: one line per id, rewritten whole and atomically on every save, under a
    thread lock and an flock on <out>.lock (so two servers on one file also serialise)."""

    def __init__(self, path: Path):
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None = None
        self._lines: dict[str, dict] = {}

    def _read(self) -> dict[str, dict]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._seen, self._lines = None, {}
            return self._lines
        key = (stat.st_mtime_ns, stat.st_size)
        if key != self._seen:
            lines: dict[str, dict] = {}
            for row in read_records_raw(self.path):
                if row.get("id"):
                    lines[str(row["id"])] = row  # a later line of one id wins
            self._seen, self._lines = key, lines
        return self._lines

    def all(self) -> dict[str, dict]:
        with self._lock:
            return dict(self._read())

    def get(self, doc_id: str) -> dict | None:
        return self.all().get(doc_id)

    def save(self, gold: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.lock_path.open("a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                self._seen = None  # another process may have written within the same mtime tick
                lines = dict(self._read())
                lines[str(gold["id"])] = gold  # replaces in place, keeps the order of the file
                fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
                try:
                    with os.fdopen(fd, "w", encoding="utf-8") as handle:
                        for row in lines.values():
                            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                        handle.flush()
                        os.fsync(handle.fileno())
                    os.replace(tmp, self.path)
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
                self._seen = None
                self._read()
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- the web app

def create_app(records: list[dict], out: Path, texts: TextSource):
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    store = GoldStore(out)
    index = {str(r["doc_id"]): i for i, r in enumerate(records)}
    headers = {"Content-Security-Policy": CSP, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
               "X-Content-Type-Options": "nosniff"}

    def status_of(gold: dict | None) -> str | None:
        return ((gold or {}).get("review") or {}).get("status") or ("saved" if gold else None)

    async def page(request: Request) -> Response:
        return HTMLResponse(PAGE, headers=headers)

    async def listing(request: Request) -> Response:
        saved = store.all()
        items = [{"i": i, "doc_id": r["doc_id"], "title": r.get("title") or "",
                  "meeting": bool(r.get("is_meeting_report")), "error": bool(r.get("error")),
                  "status": status_of(saved.get(str(r["doc_id"])))} for i, r in enumerate(records)]
        return JSONResponse({"records": items, "out": str(out)}, headers=headers)

    async def one(request: Request) -> Response:
        i = request.path_params["i"]
        if not 0 <= i < len(records):
            return JSONResponse({"error": "no such record"}, status_code=404, headers=headers)
        record = records[i]
        from starlette.concurrency import run_in_threadpool

        text = await run_in_threadpool(texts.text, record)
        gold = store.get(str(record["doc_id"]))
        evidence = {k: [s for s in v if isinstance(s, dict) and text is not None
                        and text[s.get("start", 0):s.get("end", 0)] == s.get("text")]
                    for k, v in (record.get("evidence") or {}).items()} if text is not None else {}
        return JSONResponse({
            "i": i, "doc_id": record["doc_id"], "title": record.get("title"), "source": record.get("source"),
            "published": record.get("published"), "error": record.get("error"),
            "warnings": record.get("warnings") or [], "confidence": record.get("confidence") or {},
            "text": text, "evidence": evidence, "extracted": record_fields(record),
            "saved": gold, "status": status_of(gold),
        }, headers=headers)

    async def save(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin and origin.split("://", 1)[-1] != request.headers.get("host"):
            return JSONResponse({"error": "cross-origin request refused"}, status_code=403, headers=headers)
        if not request.headers.get("content-type", "").startswith("application/json"):
            return JSONResponse({"error": "JSON body required"}, status_code=415, headers=headers)
        i = request.path_params["i"]
        if not 0 <= i < len(records):
            return JSONResponse({"error": "no such record"}, status_code=404, headers=headers)
        try:
            body = await request.json()
            status = body.get("status")
            fields = record_fields(records[i]) if status == "accepted" and body.get("fields") is None \
                else body.get("fields") or {}
            gold = to_gold(str(records[i]["doc_id"]), fields, status)
        except (ValueError, AttributeError, TypeError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400, headers=headers)
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(store.save, gold)
        return JSONResponse({"ok": True, "saved": gold, "status": status}, headers=headers)

    routes = [Route("/", page), Route("/api/records", listing),
              Route("/api/records/{i:int}", one, methods=["GET"]),
              Route("/api/records/{i:int}", save, methods=["POST"])]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.store = store
    return app


def serve(records_path: Path, out: Path, texts: Path | None = None, port: int = 8765,
          ready=None) -> None:
    """Serve the review page on 127.0.0.1:port until interrupted (port 0 picks a free one; `ready`
    is called with the URL once the server listens)."""
    import socket

    import uvicorn

    records = read_records(records_path)
    app = create_app(records, out, TextSource(texts, base=records_path.resolve().parent))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    if ready:
        ready(url, len(records))
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    server.run(sockets=[sock])


# --------------------------------------------------------------------------- the page

PAGE = r"""<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>rakor review</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#222;display:grid;
grid-template-columns:230px 1fr 420px;height:100vh;overflow:hidden}
#list{overflow:auto;border-right:1px solid #ddd;background:#fafafa}#list div{padding:4px 8px;cursor:pointer;
border-bottom:1px solid #eee;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-size:12px}
#list div.cur{background:#dbe9ff}#list .st{display:inline-block;width:9px;height:9px;border-radius:50%;
margin-right:5px;background:#ccc}.st.accepted{background:#2a9d3a!important}.st.corrected{background:#e0a800!important}
.st.rejected{background:#c62828!important}#list .nm{color:#999}
#article{overflow:auto;padding:16px 24px}#text{white-space:pre-wrap;font-size:15px;max-width:760px}
#text mark{padding:0 1px;border-radius:2px;background:#ffe9a8}#text mark.f-host{background:#c9e4ff}
#text mark.f-venue{background:#d7f5c8}#text mark.f-meeting_date{background:#ffd3d3}
#text mark.f-attendees{background:#ead6ff}#text mark.f-goals{background:#fff1b8}
#text mark.f-is_meeting_report{background:#eee;border-bottom:2px solid #aaa}
#text mark.f-participant_count{background:#ffd8b0}#text mark.hot{outline:2px solid #d00}
#side{overflow:auto;border-left:1px solid #ddd;padding:10px 12px;background:#fcfcfc}
label{display:block;font-size:12px;color:#555;margin-top:7px}label .ev{cursor:pointer;color:#06c;margin-left:4px}
input[type=text],textarea{width:100%;padding:3px 5px;font:inherit;border:1px solid #bbb;border-radius:3px}
textarea{height:90px}.att{border:1px solid #e2e2e2;padding:4px;margin:4px 0;border-radius:3px;background:#fff}
.att input{margin:1px 0}.row{display:flex;gap:4px}.row>*{flex:1}
button{font:inherit;padding:4px 10px;margin:2px;border:1px solid #999;border-radius:3px;background:#fff;cursor:pointer}
#bar{position:sticky;top:-10px;background:#fcfcfc;padding:6px 0;border-bottom:1px solid #ddd;z-index:1}
#msg{font-size:12px;min-height:16px}#msg.err{color:#c62828}#msg.ok{color:#2a7d3a}
.meta{font-size:12px;color:#666}.keys{font-size:11px;color:#777}.warn{color:#a15c00;font-size:12px}
</style></head><body>
<div id="list"></div>
<div id="article"><div class="meta" id="meta"></div><div id="text"></div></div>
<div id="side">
 <div id="bar"><b id="docid"></b> <span id="badge" class="meta"></span><br>
  <button id="accept" title="a">Accept (a)</button><button id="save" title="s / Ctrl+Enter">Save correction (s)</button>
  <button id="reject" title="r">Reject (r)</button><button id="revert" title="u">Revert (u)</button>
  <div id="msg"></div>
  <div class="keys">j/&darr;/&rarr; next &middot; k/&uarr;/&larr; previous &middot; a accept &middot; r reject (not a meeting report) &middot;
  s save &middot; u revert &middot; Esc leaves a field. Edits are saved when you move on.</div></div>
 <form id="form" autocomplete="off">
  <label><input type="checkbox" id="f-is_meeting_report"> is_meeting_report <span class="ev" data-f="is_meeting_report">&#9673;</span></label>
  <label>meeting_date (YYYY-MM-DD) <span class="ev" data-f="meeting_date">&#9673;</span><input type="text" id="f-meeting_date"></label>
  <label>date_text<input type="text" id="f-date_text"></label>
  <label>venue <span class="ev" data-f="venue">&#9673;</span><input type="text" id="f-venue"></label>
  <label>host <span class="ev" data-f="host">&#9673;</span><input type="text" id="f-host"></label>
  <label>participant_count <span class="ev" data-f="participant_count">&#9673;</span><input type="text" id="f-participant_count"></label>
  <label>goals (one per line) <span class="ev" data-f="goals">&#9673;</span><textarea id="f-goals"></textarea></label>
  <label>attendees <button type="button" id="addatt">+ attendee</button></label><div id="atts"></div>
 </form>
</div>
<script>
"use strict";
const $=s=>document.querySelector(s);let items=[],cur=-1,data=null,dirty=false,busy=Promise.resolve();
const SIMPLE=["meeting_date","date_text","venue","host","participant_count"];
function esc(s){return String(s==null?"":s).replace(/[&<>"]/g,c=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]))}
function msg(t,cls){const m=$("#msg");m.textContent=t;m.className=cls||""}
async function api(url,opt){const r=await fetch(url,opt);const j=await r.json();if(!r.ok)throw new Error(j.error||r.status);return j}
function renderList(){$("#list").innerHTML=items.map(it=>`<div data-i="${it.i}" class="${it.i===cur?"cur":""}">`+
 `<span class="st ${it.status||""}"></span>${esc(it.doc_id)} <span class="nm">${it.meeting?"":"(no meeting)"}${esc(it.title)}</span></div>`).join("")}
function markList(){document.querySelectorAll("#list div").forEach(d=>{const it=items[+d.dataset.i];d.className=it.i===cur?"cur":"";
 d.firstChild.className="st "+(it.status||"")});const c=document.querySelector(`#list div[data-i="${cur}"]`);if(c)c.scrollIntoView({block:"nearest"})}
function fam(k){return k.replace(/\[\d+\]$/,"")}
function renderText(){const t=data.text;if(t==null){$("#text").innerHTML="<i>The article text was not found (source "+esc(data.source)+"); pass --texts.</i>";return}
 const cuts=new Set([0,t.length]),spans=[];for(const[k,v]of Object.entries(data.evidence))for(const s of v){spans.push([s.start,s.end,k]);cuts.add(s.start);cuts.add(s.end)}
 const pts=[...cuts].sort((a,b)=>a-b);let h="";for(let n=0;n<pts.length-1;n++){const a=pts[n],b=pts[n+1];
  const ks=spans.filter(s=>s[0]<=a&&s[1]>=b).map(s=>s[2]);const seg=esc(t.slice(a,b));
  if(!ks.length){h+=seg;continue}const main=ks.find(k=>k!=="is_meeting_report")||ks[0];
  h+=`<mark class="f-${fam(main)}" data-f="${esc(ks.join(" "))}" title="${esc(ks.join(", "))}">${seg}</mark>`}
 $("#text").innerHTML=h}
function attRow(a){const d=document.createElement("div");d.className="att";a=a||{};
 d.innerHTML=`<div class="row"><input type="text" data-k="name" placeholder="name"><input type="text" data-k="role" placeholder="role"></div>`+
 `<div class="row"><input type="text" data-k="institution" placeholder="institution"><input type="text" data-k="represents" placeholder="represents"></div>`+
 `<button type="button" class="del">remove</button> <span class="ev">&#9673;</span>`;
 d.querySelectorAll("input").forEach(i=>i.value=a[i.dataset.k]||"");$("#atts").appendChild(d);return d}
function fill(f){$("#f-is_meeting_report").checked=!!f.is_meeting_report;for(const k of SIMPLE)$("#f-"+k).value=f[k]==null?"":f[k];
 $("#f-goals").value=(f.goals||[]).join("\n");$("#atts").innerHTML="";(f.attendees||[]).forEach((a,n)=>{const d=attRow(a);d.querySelector(".ev").dataset.f="attendees["+n+"]"});dirty=false}
function form(){const f={is_meeting_report:$("#f-is_meeting_report").checked};for(const k of SIMPLE){const v=$("#f-"+k).value.trim();f[k]=v||null}
 f.goals=$("#f-goals").value.split("\n").map(s=>s.trim()).filter(Boolean);
 f.attendees=[...document.querySelectorAll("#atts .att")].map(d=>{const a={};d.querySelectorAll("input").forEach(i=>a[i.dataset.k]=i.value.trim()||null);return a})
  .filter(a=>a.name||a.role||a.institution||a.represents);
 if(data&&data.extracted.meeting_date_alt)f.meeting_date_alt=data.extracted.meeting_date_alt;return f}
function hot(f){document.querySelectorAll("#text mark.hot").forEach(m=>m.classList.remove("hot"));let first=null;
 document.querySelectorAll("#text mark").forEach(m=>{if(m.dataset.f.split(" ").some(k=>k===f||fam(k)===f)){m.classList.add("hot");first=first||m}});
 if(first)first.scrollIntoView({block:"center"})}
async function load(i){if(i<0||i>=items.length)return;await flush();cur=i;markList();msg("");
 data=await api("/api/records/"+i);$("#docid").textContent=data.doc_id;
 $("#badge").textContent=(data.status?data.status:"not reviewed")+(data.error?" · error: "+data.error:"");
 $("#meta").innerHTML=`<b>${esc(data.title)}</b><br>${esc(data.published||"")} · ${esc(data.source||"")}`+
  (data.warnings.length?`<div class="warn">${esc(data.warnings.join("; "))}</div>`:"");
 renderText();fill(data.saved||data.extracted);$("#article").scrollTop=0;location.hash=encodeURIComponent(data.doc_id)}
async function send(status,fields){const i=cur,body={status:status,fields:fields};
 const r=await api("/api/records/"+i,{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify(body)});
 items[i].status=status;if(i===cur){data.saved=r.saved;data.status=status;$("#badge").textContent=status;dirty=false}markList();return r}
function act(status,fields){busy=busy.catch(()=>{}).then(()=>send(status,fields)).then(()=>msg("saved: "+status,"ok"),e=>{msg("not saved: "+e.message,"err");throw e});return busy}
async function flush(){try{await busy}catch(e){busy=Promise.resolve();return}if(dirty&&data){await act("corrected",form())}}
async function go(d){try{await flush()}catch(e){return}const n=cur+d;if(n>=0&&n<items.length)await load(n)}
$("#list").addEventListener("click",e=>{const d=e.target.closest("div[data-i]");if(d)flush().then(()=>load(+d.dataset.i))});
$("#form").addEventListener("input",()=>{dirty=true;$("#badge").textContent="edited, not saved"});
$("#form").addEventListener("submit",e=>e.preventDefault());
$("#side").addEventListener("click",e=>{const ev=e.target.closest(".ev");if(ev&&ev.dataset.f)hot(ev.dataset.f);
 if(e.target.classList.contains("del")){e.target.closest(".att").remove();dirty=true}});
$("#addatt").onclick=()=>{attRow({}).querySelector("input").focus();dirty=true};
$("#accept").onclick=()=>accept();$("#save").onclick=()=>act("corrected",form());$("#reject").onclick=()=>reject();
$("#revert").onclick=()=>{fill(data.extracted);msg("reverted to the extracted values (not saved)")};
function accept(){const f=form();const same=JSON.stringify(canon(f))===JSON.stringify(canon(data.extracted));
 return act(same?"accepted":"corrected",f).then(()=>go(1))}
function reject(){return act("rejected",form()).then(()=>{fill({is_meeting_report:false});go(1)})}
function canon(f){return[!!f.is_meeting_report,...SIMPLE.map(k=>f[k]==null||f[k]===""?null:String(f[k])),(f.goals||[]),
 (f.attendees||[]).map(a=>["name","role","institution","represents"].map(k=>a[k]||null))]}
document.addEventListener("keydown",e=>{const t=e.target,typing=t.tagName==="INPUT"&&t.type==="text"||t.tagName==="TEXTAREA";
 if((e.ctrlKey||e.metaKey)&&(e.key==="Enter"||e.key==="s")){e.preventDefault();act("corrected",form());return}
 if(typing){if(e.key==="Escape")t.blur();return}if(e.ctrlKey||e.metaKey||e.altKey)return;
 const k=e.key;if(k==="j"||k==="ArrowDown"||k==="ArrowRight"){e.preventDefault();go(1)}
 else if(k==="k"||k==="ArrowUp"||k==="ArrowLeft"){e.preventDefault();go(-1)}
 else if(k==="a"){e.preventDefault();accept()}else if(k==="r"){e.preventDefault();reject()}
 else if(k==="s"){e.preventDefault();act("corrected",form())}else if(k==="u"){fill(data.extracted)}});
window.addEventListener("hashchange",()=>{const want=decodeURIComponent(location.hash.slice(1));
 const at=items.findIndex(it=>it.doc_id===want);if(at>=0&&at!==cur)load(at)});
window.addEventListener("beforeunload",e=>{if(dirty){e.preventDefault();e.returnValue=""}});
(async()=>{const j=await api("/api/records");items=j.records;document.title="rakor review · "+j.out;renderList();
 const want=decodeURIComponent(location.hash.slice(1));const at=items.findIndex(it=>it.doc_id===want);
 await load(at>=0?at:0);document.body.dataset.ready="1"})();
</script></body></html>
"""
