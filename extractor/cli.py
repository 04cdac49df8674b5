"""The `rakor` command line: wires sources, cleaner, pipeline and sinks; no logic of its own."""
from __future__ import annotations

import json
import logging
import sys
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
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="JSONL file (default: stdout).")] = None,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only, without the trained NER model.")] = False,
    only_meetings: Annotated[bool, typer.Option("--only-meetings", help="Write only meeting reports.")] = False,
) -> None:
    """Extract one JSON record per input document, as JSON Lines."""
    from extractor.pipeline import extract_record
    from extractor.sources import iter_documents

    out = output.open("w", encoding="utf-8") if output else sys.stdout
    counts = {"inputs": 0, "meetings": 0, "errors": 0}
    try:
        with _progress() as progress:
            task = progress.add_task("extracting", total=None)
            for raw in iter_documents(paths):
                record = extract_record(raw, use_ner=not no_ner)
                counts["inputs"] += 1
                counts["meetings"] += record.is_meeting_report
                counts["errors"] += record.error is not None
                if record.is_meeting_report or not only_meetings:
                    out.write(record.to_json() + "\n")
                    out.flush()
                progress.advance(task)
    finally:
        if output:
            out.close()
    err.print(f"{counts['inputs']} inputs, {counts['meetings']} meeting reports, {counts['errors']} errors")


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
    part: Annotated[str, typer.Option(help="all, heldout (every fifth article) or tuning (the rest).")] = "all",
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only, without the NER model.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable figures.")] = False,
) -> None:
    """Score extraction (or a prediction file) against gold, as ANNOTATION.md defines."""
    from extractor.evaluate import default_corpus, evaluate, format_figures

    gold_path = gold or default_corpus() / "dev" / "gold.jsonl"
    if not gold_path.exists():
        err.print(f"gold file not found: {gold_path}")
        raise typer.Exit(2)
    figures = evaluate(gold_path, pred, part, use_ner=not no_ner)
    if as_json:
        typer.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_figures(figures, f"{gold_path} ({part})"))


@app.command("train-ner")
def train_ner(
    ner_dir: Annotated[Path, typer.Option(help="Folder with idner-news-2k/ and nergrit/.")] = Path("../shared/ner"),
    corpus: Annotated[Path, typer.Option(help="rakor corpus/ for in-domain spans.")] = Path("corpus"),
    out: Annotated[Path, typer.Option(help="Model output folder.")] = Path("models/rakor-ner-id"),
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Train the shipped NER model from the public corpora and the dev gold (held-out slice excluded)."""
    from extractor.ner_train import train_ner as run

    typer.echo(json.dumps(run(ner_dir, corpus, out, seed=seed), indent=2))
