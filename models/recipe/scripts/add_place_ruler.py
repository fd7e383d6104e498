"""Add an entity_ruler with country names and capitals (LOC) after the NER.

The names come from eventx's gazetteer (CLDR country names via babel, capitals and aliases
from eventx/resources/countries.tsv); only names, not adjectives (GermEval marks "deutsche"
as LOCderiv, which is O in the CoNLL scheme). Existing NER entities are kept.

    python models/recipe/scripts/add_place_ruler.py PIPELINE_IN PIPELINE_OUT
"""

from __future__ import annotations

from pathlib import Path

import spacy
import typer

from eventx.components.countries import gazetteer


def place_patterns() -> list[dict]:
    phrases, _ = gazetteer()
    return [
        {"label": "LOC", "pattern": surface}
        for surface, (iso3, kind, _) in sorted(phrases.items())
        if iso3 and (kind == "country" or (kind == "capital" and " " not in surface))
    ]


def add_place_ruler(nlp) -> int:
    ruler = nlp.add_pipe(
        "entity_ruler", name="place_ruler", after="ner", config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}
    )
    ruler.add_patterns(place_patterns())
    return len(ruler.patterns)


def main(src: Path, out: Path) -> None:
    nlp = spacy.load(src)
    n = add_place_ruler(nlp)
    nlp.to_disk(out)
    print(f"{out}: {n} place patterns")


if __name__ == "__main__":
    typer.run(main)
