"""Per-label NER scores of a pipeline on GermEval 2014 dev (outer layer, OTH -> MISC,
*deriv/*part -> O) and on the eventx_news test split (Wikinews politics), on gold tokens.

    python models/recipe/scripts/evaluate_ner.py models/de_eventx_news ../shared/data/ner [--out scores.json]
    python models/recipe/scripts/evaluate_ner.py PIPELINE DATA --without place_ruler --without eventx_name_rules

``--without`` switches a rule component off, to measure what it adds. Tokens of eventx_news
whose span did not fall on spaCy's token boundaries are missing annotation: a prediction on them
counts neither right nor wrong (spaCy's NER scorer).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
import typer
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).parent))
from convert import GERMEVAL, bio_doc, read_columns
from convert_news import read_news

SCORED = ("tok2vec", "ner", "place_ruler", "org_ruler", "eventx_name_rules")


def gold_sets(vocab, data_dir: Path) -> dict[str, list[Doc]]:
    """name -> gold Docs of each evaluation set found under data_dir."""
    germeval = read_columns(data_dir / "germeval2014/NER-de-dev.tsv", 1, 2, "\t")
    sets = {"germeval2014_dev": [bio_doc(vocab, s, GERMEVAL) for s in germeval]}
    news = data_dir / "eventx_news/test.jsonl"
    if news.exists():
        pairs, _ = read_news(spacy.blank("de", vocab=vocab), news)
        sets["eventx_news_test"] = [d for _, d in pairs]
    return sets


def score(nlp, gold_docs: list[Doc], enable: list[str]) -> dict[str, dict[str, float]]:
    """Overall and per-label P/R/F of nlp's entities against gold_docs (gold tokens)."""
    with nlp.select_pipes(enable=enable):
        preds = nlp.pipe(Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]) for g in gold_docs)
        examples = [Example(pred, gold) for pred, gold in zip(preds, gold_docs, strict=True)]
    scores = get_ner_prf(examples)
    table = {"overall": {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]}}
    table.update({k: v for k, v in sorted(scores["ents_per_type"].items())})
    return {k: {m: round(v, 4) for m, v in s.items()} for k, s in table.items()}


def main(
    model: Path,
    data_dir: Path,
    out: Path = typer.Option(None, help="write the scores as JSON"),
    write_meta: bool = typer.Option(False, help="record the scores in the pipeline's meta.json"),
    without: list[str] = typer.Option([], help="rule components to switch off (place_ruler, org_ruler, eventx_name_rules)"),
) -> None:
    nlp = spacy.load(model)
    enable = [p for p in nlp.pipe_names if p in SCORED and p not in without]
    results = {}
    for name, gold_docs in gold_sets(nlp.vocab, data_dir).items():
        table = score(nlp, gold_docs, enable)
        results[name] = table
        print(f"{name} ({len(gold_docs)} sentences), {model}, components {enable}")
        print(f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6}")
        for label, s in table.items():
            print(f"{label:<8} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}")
    if out:
        out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if write_meta:
        meta_path = model / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["performance"] = results
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    typer.run(main)
