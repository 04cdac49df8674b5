"""The `rakor` command line: wires sources, cleaner, pipeline and sinks; no logic of its own."""
from __future__ import annotations

import json
import logging
import os
import sys
from itertools import chain
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractor import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Structured records of Indonesian coordination meetings (rakor) from news pages.")
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rakor {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, disable=not err.is_terminal, transient=True)


@app.command()
def extract(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files, directories (recursive), - for stdin, or http(s) URLs of articles (fetched politely).")] = None,
    from_feeds: Annotated[Optional[Path], typer.Option("--from-feeds", help="File of RSS/Atom feed or sitemap URLs, "
                                                       "one per line: their articles are fetched and extracted.")] = None,
    archive: Annotated[Optional[Path], typer.Option("--archive", help="Keep fetched pages as WARC.gz files (and "
                                                    "a fetch state) in this folder.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o",
                                                   help="Output file (default: stdout, JSONL only).")] = None,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only, without the trained NER model.")] = False,
    only_meetings: Annotated[bool, typer.Option("--only-meetings", help="Write only meeting reports.")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, show_default=False,
                                                   help="Worker processes (default: all cores; 1 runs in "
                                                   "this process).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, or parquet / csv: two tables, <out> "
                                     "(meetings) and <out stem>.attendees.<ext>.")] = "jsonl",
    resume: Annotated[bool, typer.Option("--resume", help="Keep the records already in -o (JSONL only), "
                                         "drop a partial last line, extract the other inputs.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address, e.g. "
                                                     "tcp://host:8786 (default: a LocalCluster of --workers).")] = None,
    doc_timeout: Annotated[float, typer.Option("--doc-timeout", help="Seconds per document before it gets an "
                                               "error record and the batch goes on (0: no limit).")] = 10.0,
) -> None:
    """Extract one record per input document.

    Records come out in input order (a bounded reorder buffer of 32 documents per worker), each with its doc_id; a repeated doc_id gets the input path instead.

    Pages without a meeting noun skip the NLP pipeline; exact duplicate pages are extracted once and marked "duplicate of <doc_id>".
    """
    from extractor.batch import BatchOptions, read_inputs, resume_jsonl, run_batch
    from extractor.sinks import FORMATS, open_sink

    if fmt not in FORMATS or engine not in ("local", "dask"):
        err.print(f"unknown --format {fmt!r} or --engine {engine!r}")
        raise typer.Exit(2)
    if (fmt != "jsonl" or resume) and output is None:
        err.print("--format parquet/csv and --resume need --output")
        raise typer.Exit(2)
    if resume and fmt != "jsonl":
        err.print("--resume works with --format jsonl only")
        raise typer.Exit(2)
    options = BatchOptions(use_ner=not no_ner, workers=workers or os.cpu_count() or 1, only_meetings=only_meetings,
                           engine=engine, scheduler=scheduler, doc_timeout=doc_timeout or None)
    local = [p for p in paths or [] if not p.startswith(("http://", "https://"))]
    urls = [p for p in paths or [] if p.startswith(("http://", "https://"))]
    feeds = [line.strip() for line in from_feeds.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")] if from_feeds else []
    if not (local or urls or feeds):
        err.print("nothing to extract: give files, directories, URLs or --from-feeds")
        raise typer.Exit(2)
    documents = read_inputs(local)
    if urls or feeds:
        from extractor.fetch import FetchOptions, fetched_documents

        documents = chain(documents, fetched_documents(urls, feeds, archive, FetchOptions()))
    done = resume_jsonl(output) if resume else {}
    sink = open_sink(fmt, output, append=resume)
    try:
        with _progress() as progress:
            task = progress.add_task("extracting", total=None, completed=len(done))
            counts = run_batch(documents, sink.write, options, done,
                               lambda: progress.advance(task))
    finally:
        sink.close()
    err.print(counts.summary())


@app.command()
def merge(
    records: Annotated[Path, typer.Argument(help="JSONL records from `rakor extract`.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="JSONL file (default: stdout).")] = None,
    aliases: Annotated[Optional[Path], typer.Option(help="short,long CSV of institution aliases "
                                                    "(default: corpus/aliases.csv when present).")] = None,
) -> None:
    """Group the meeting reports of one meeting from several outlets: one JSON per meeting, every source listed."""
    from extractor.merge import default_aliases, merge_records, read_record

    with records.open(encoding="utf-8") as handle:
        meetings = merge_records((read_record(line) for line in handle if line.strip()), aliases or default_aliases())
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for meeting in meetings:
            out.write(json.dumps(meeting, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    err.print(f"{sum(len(m['sources']) for m in meetings)} meeting reports, {len(meetings)} meetings")


@app.command()
def bench(
    pages: Annotated[int, typer.Option(help="Pages in the throughput runs (10% meeting reports).")] = 2000,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, show_default=False,
                                                   help="Workers of the parallel run (default: all cores).")] = None,
    rss_pages: Annotated[str, typer.Option(help="Comma-separated input sizes for peak RSS runs ('' skips).")
                         ] = "1000,20000",
    sample: Annotated[int, typer.Option(help="Pages timed stage by stage.")] = 300,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only, without the trained NER model.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable figures.")] = False,
) -> None:
    """Pages/s with 1 and N workers, ms per stage against trafilatura alone, peak RSS by input size."""
    from extractor.bench import main as run

    sizes = [int(n) for n in rss_pages.split(",") if n.strip()]
    typer.echo(run(pages, workers or os.cpu_count() or 1, sizes, sample, not no_ner, as_json))


@app.command()
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    text: Annotated[bool, typer.Option("--text", help="Readable text instead of JSONL.")] = False,
) -> None:
    """Print the clean articles (title, date, body) that extraction reads."""
    from extractor.clean import clean_document
    from extractor.sources import iter_documents

    for raw in iter_documents(paths):
        article = clean_document(raw)
        if text:
            typer.echo(f"# {article.doc_id}  {article.published or ''}  {article.url or article.source}")
            typer.echo(article.error or article.text)
            typer.echo("")
        else:
            typer.echo(json.dumps(article.to_dict(), ensure_ascii=False))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output record."""
    from extractor.record import json_schema

    typer.echo(json_schema())


@app.command("eval")
def evaluate_command(
    gold: Annotated[Optional[Path], typer.Option(help="Gold JSONL (default: corpus/dev/gold.jsonl).")] = None,
    pred: Annotated[Optional[Path], typer.Option(help="Score this prediction JSONL instead of extracting.")] = None,
    part: Annotated[str, typer.Option(help="all; heldout (every fifth article) or tuning (the rest) of dev; "
                                     "train, dev or test of a corpus with a manifest (corpus/real).")] = "all",
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only, without the NER model.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable figures.")] = False,
) -> None:
    """Score extraction (or a prediction file) against gold, as ANNOTATION.md defines."""
    from extractor.evaluate import MissingTexts, default_corpus, evaluate, format_figures

    gold_path = gold or default_corpus() / "dev" / "gold.jsonl"
    if not gold_path.exists():
        err.print(f"gold file not found: {gold_path}")
        raise typer.Exit(2)
    try:
        figures = evaluate(gold_path, pred, part, use_ner=not no_ner)
    except MissingTexts as exc:
        err.print(str(exc))
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_figures(figures, f"{gold_path} ({part})"))


@app.command("train-ner", add_help_option=False,
             context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train_ner(ctx: typer.Context) -> None:
    """Train the shipped NER model from the public corpora and the dev gold (held-out slice
    excluded); `rakor train-ner --help` lists the options."""
    from extractor.ner_train import main

    raise typer.Exit(main(ctx.args))


from extractor.fetch_cli import fetch_command, watch_command  # noqa: E402  (issue 8: fetching)
app.command("fetch")(fetch_command)
app.command("watch")(watch_command)


@app.command("review")
def review_command(
    records: Annotated[Path, typer.Argument(help="JSONL records from `rakor extract`.", exists=True, dir_okay=False)],
    texts: Annotated[Optional[Path], typer.Option("--texts", help="Folder of <doc_id>.txt/.html or JSONL of "
                                                  "{id, text|html} (default: each record's source file).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Reviewed records, gold format (ANNOTATION.md); "
                                      "one line per record, replaced on every save.")] = Path("reviewed.jsonl"),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0: any free port).")] = 8765,
) -> None:
    """Review records in the browser against their articles; corrections are saved as gold (issue 18)."""
    from extractor.review import serve

    def ready(url: str, n: int) -> None:
        err.print(f"reviewing {n} records at {url} ; saving to {out} (Ctrl+C stops)")
        typer.echo(url)

    serve(records, out, texts, port, ready)


@app.command("report")
def report_command(
    records: Annotated[Path, typer.Argument(help="JSONL records from `rakor extract`.", exists=True, dir_okay=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
    aliases: Annotated[Optional[Path], typer.Option(help="short,long CSV of institution aliases for merging "
                                                    "(default: corpus/aliases.csv when present).")] = None,
) -> None:
    """One self-contained offline HTML report: meetings per week and province, hosts by kind, institutions
    that meet together, a searchable table; meetings told by several outlets counted once (issue 18)."""
    from extractor.report import write_report

    summary = write_report(records, output, aliases)
    err.print(f"{summary['records']} records, {summary['meetings']} meetings -> {output}")
