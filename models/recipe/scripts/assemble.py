"""Assemble the shipped pipeline: the trained NER plus sentence boundaries and lemmas,
the country/capital ruler, the organisation ruler and eventx's name rules.

Adds a rule-based ``sentencizer`` (the German tokenizer keeps "29.", "Dr.", "z.",
"Nr." as single tokens, so ordinals and abbreviations do not end sentences) and a
lookup ``lemmatizer`` whose table from spacy-lookups-data is baked into the
pipeline, so spacy-lookups-data is needed at build time only.

    python models/recipe/scripts/assemble.py training/finetune_news/model-best ../de_eventx_news \
        --org-ruler corpus/news_train.spacy --data-dir ../shared/data/ner

Given a shipped pipeline instead of a training output, it keeps that pipeline's tok2vec and NER
and rebuilds the rest (v0.4.0: v0.3.0's weights with the organisation ruler of the new defaults
of ``add_org_ruler.py`` and the name rules' current tables).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy
import typer

sys.path.insert(0, str(Path(__file__).parent))

SOURCES = [
    {
        "name": "eventx_news: German Wikinews politics sentences annotated for eventx (train split)",
        "url": "https://de.wikinews.org/wiki/Portal:Politik",
        "license": "CC BY 2.5 (texts: Wikinews contributors; annotations: eventx)",
    },
    {"name": "GermEval 2014 NER (test split)", "url": "https://sites.google.com/site/germeval2014ner/", "license": "CC BY 4.0"},
    {
        "name": "WikiANN / PAN-X German (train sampled; train mentions for mention swapping; train and dev text for pretraining)",
        "url": "https://github.com/google-research/xtreme",
        "license": "not stated (Wikipedia text, CC BY-SA)",
    },
    {"name": "DFKI SmartData v1", "url": "https://github.com/DFKI-NLP/smartdata-corpus", "license": "CC BY 4.0"},
    {"name": "DFKI MobIE", "url": "https://github.com/DFKI-NLP/MobIE", "license": "CC BY 4.0"},
    {
        "name": "German Legal Entity Recognition (sampled)",
        "url": "https://github.com/elenanereiss/Legal-Entity-Recognition",
        "license": "CC BY 4.0",
    },
    {
        "name": "eventx resources/kb.tsv.gz: office-holder names with a surname particle, swapped into the news fine-tuning",
        "url": "https://www.wikidata.org/",
        "license": "CC0 (Wikidata); name variants from the PETRARCH Phoenix dictionaries (MIT)",
    },
    {
        "name": "spacy-lookups-data de_lemma_lookup, de_lexeme_cluster",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
    },
]


REBUILT = ("sentencizer", "lemmatizer", "place_ruler", "org_ruler", "eventx_name_rules")


def main(
    trained: Path = typer.Argument(..., help="the trained NER pipeline (model-best, or a shipped pipeline to re-assemble)"),
    out_dir: Path = typer.Argument(..., help="where the shipped pipeline is written"),
    scores: Path = typer.Option(None, help="JSON from evaluate_ner.py to record in meta.json"),
    place_ruler: bool = typer.Option(True, help="add country names and capitals as LOC after the NER"),
    name_rules: bool = typer.Option(True, help="add eventx_name_rules (titles off person names, no lowercase places)"),
    org_ruler: Path = typer.Option(None, help="add organisation names from this news_train.spacy and GermEval test"),
    data_dir: Path = typer.Option(None, help="../shared/data/ner (for --org-ruler)"),
) -> None:
    nlp = spacy.load(trained)
    # a shipped pipeline can be re-assembled too: its rule components are rebuilt from the
    # current code and data, its tok2vec and NER weights are kept as they are
    for name in REBUILT:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if place_ruler:
        from add_place_ruler import add_place_ruler

        add_place_ruler(nlp)
    if org_ruler:
        from add_org_ruler import add_org_ruler, org_names, training_docs

        add_org_ruler(nlp, org_names(training_docs(nlp.vocab, org_ruler, data_dir)))
    if name_rules:
        import eventx  # noqa: F401  (registers eventx_name_rules)

        nlp.add_pipe("eventx_name_rules", last=True)
    nlp.add_pipe("sentencizer", first=True)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"}, after="sentencizer")
    lemmatizer.initialize()
    nlp.meta.update(
        {
            "name": "eventx_news",
            "lang": "de",
            "version": "0.4.0",
            "description": (
                "German pipeline for eventx: tokenizer, sentencizer, lookup lemmatizer, "
                "CNN NER (PER/LOC/ORG/MISC) with Brown-cluster static vectors, fine-tuned on German political news; "
                "country/capital ruler, organisation ruler, name rules."
            ),
            "license": "CC BY-SA 4.0",
            "author": "eventx",
            "sources": SOURCES,
        }
    )
    if scores and scores.exists():
        nlp.meta["performance"] = json.loads(scores.read_text(encoding="utf-8"))
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    size = sum(f.stat().st_size for f in out_dir.rglob("*") if f.is_file())
    print(f"{out_dir}: {nlp.pipe_names}, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    typer.run(main)
