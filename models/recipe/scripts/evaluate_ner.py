"""Per-label NER scores of a pipeline on GermEval 2014 dev (outer layer, OTH -> MISC,
*deriv/*part -> O, gold tokens), and its speed on the news pool.

    python models/recipe/scripts/evaluate_ner.py models/de_eventx_news ../shared/data/ner [--out scores.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
import typer
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).parent))
from convert import GERMEVAL, bio_doc, read_columns


def main(
    model: Path,
    data_dir: Path,
    out: Path = typer.Option(None, help="write the scores as JSON"),
    write_meta: bool = typer.Option(False, help="record the scores in the pipeline's meta.json"),
) -> None:
    nlp = spacy.load(model)
    keep = [p for p in nlp.pipe_names if p in ("tok2vec", "ner", "place_ruler", "eventx_name_rules")]
    gold_docs = [bio_doc(nlp.vocab, s, GERMEVAL) for s in read_columns(data_dir / "germeval2014/NER-de-dev.tsv", 1, 2, "\t")]
    examples = []
    with nlp.select_pipes(enable=keep):
        preds = nlp.pipe(Doc(nlp.vocab, words=[t.text for t in g], spaces=[True] * len(g)) for g in gold_docs)
        for pred, gold in zip(preds, gold_docs, strict=False):
            examples.append(Example(pred, gold))
    scores = Scorer.score_spans(examples, "ents")
    table = {"overall": {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]}}
    table.update({k: v for k, v in sorted(scores["ents_per_type"].items())})
    print(f"GermEval 2014 dev ({len(gold_docs)} sentences), {model}")
    print(f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6}")
    for label, s in table.items():
        print(f"{label:<8} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}")
    rounded = {k: {m: round(v, 4) for m, v in s.items()} for k, s in table.items()}
    if out:
        out.write_text(json.dumps(rounded, indent=2), encoding="utf-8")
    if write_meta:
        meta_path = model / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["performance"] = {"germeval2014_dev": rounded}
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    typer.run(main)
