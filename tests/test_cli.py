"""The `rakor` command line: version, help on every command, schema, eval output."""
import json

import pytest
from typer.testing import CliRunner

from extractor import __version__
from extractor.cli import app

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", ["extract", "clean", "schema", "eval", "train-ner"])
def test_help_on_every_command(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "usage" in result.output.lower()


def test_schema_is_json_schema_of_the_record():
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    assert schema["title"] == "MeetingRecord" and "attendees" in schema["properties"]


def test_eval_scores_a_prediction_file(tmp_path):
    from pathlib import Path

    data = Path(__file__).parent / "data"
    result = runner.invoke(app, ["eval", "--gold", str(data / "eval_gold.jsonl"), "--pred",
                                 str(data / "eval_pred.jsonl"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["is_meeting_report"]["accuracy"] == pytest.approx(2 / 3)


def test_extract_writes_one_record_per_input(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", *sorted(map(str, (corpus / "seeds").glob("*.txt"))), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(json.loads(line)["doc_id"] for line in lines)
