"""eventx evaluate: precision and recall against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import Errors
from ..readers import iter_inputs
from ..writers import JSONL, write_results
from .options import MODEL_OPT, fail, say


def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files."),
    input: Path = typer.Argument(..., help="Folder of .txt articles or a .jsonl of {id, text, date}."),
    model: str | None = MODEL_OPT,
    predictions: Path | None = typer.Option(None, "--predictions", help="Also write the predictions (JSONL) here."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Score extraction on INPUT against the gold annotations in GOLD_DIR."""
    from ..evaluate import format_report, load_gold, predict, score

    if not gold_dir.is_dir():
        fail(Errors.E001.format(path=gold_dir))
    if not input.exists():
        fail(Errors.E001.format(path=input))
    gold = load_gold(gold_dir)
    preds, results, errors = predict(iter_inputs([str(input)]), model)
    for message in errors:
        say(message)
    if predictions:
        write_results(results, JSONL, predictions)
    if not gold:
        fail(Errors.E020.format(path=gold_dir, reason="it holds no gold .json files"))
    if not set(preds) & set(gold):
        fail(
            Errors.E020.format(
                path=input,
                reason=f"none of its {len(preds)} document(s) has a gold file in {gold_dir} "
                "(give a folder of .txt articles or a .jsonl with the gold ids)",
            )
        )
    res = score(gold, preds)
    typer.echo(json.dumps(res, indent=2) if as_json else format_report(res))
