"""Add an entity_ruler with organisation names learnt from the gold training sentences (ORG)
after the NER: a name is kept when it is tagged ORG at least ``min_count`` times in
eventx_news train and GermEval test and at least ``min_share`` of its occurrences (as the same
token sequence) are ORG mentions ("SPD", "Bundestag", "Kultusministerkonferenz", "EU-Parlament";
not "Union", which is more often part of "Europäische Union"). Existing NER entities are kept.

v0.4.0 keeps names seen once and ORG in at least half of their occurrences (1,586 names; v0.2.0
and v0.3.0: twice and 90%, 230 names): on GermEval dev + news_dev F1 0.7438 -> 0.7461, ORG
0.640 -> 0.651 (models/README.md, "The ORG lever").

    python models/recipe/scripts/add_org_ruler.py PIPELINE_IN PIPELINE_OUT corpus/news_train.spacy ../shared/data/ner
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import spacy
import typer
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).parent))
from convert import GERMEVAL, bio_doc, read_columns


def org_names(docs: Iterable[Doc], min_count: int = 1, min_share: float = 0.5) -> list[tuple[str, ...]]:
    """Token sequences tagged ORG often and (nearly) always where they occur."""
    docs = list(docs)
    as_org: Counter[tuple[str, ...]] = Counter()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == "ORG":
                as_org[tuple(t.text for t in ent)] += 1
    candidates = {name for name, n in as_org.items() if n >= min_count}
    longest = max((len(n) for n in candidates), default=0)
    seen: Counter[tuple[str, ...]] = Counter()
    for doc in docs:
        words = [t.text for t in doc]
        for i in range(len(words)):
            for n in range(1, min(longest, len(words) - i) + 1):
                if tuple(words[i : i + n]) in candidates:
                    seen[tuple(words[i : i + n])] += 1
    return sorted(name for name in candidates if as_org[name] >= min_share * seen[name])


def add_org_ruler(nlp, names: list[tuple[str, ...]]) -> int:
    if "org_ruler" in nlp.pipe_names:  # rebuilding the ruler of a shipped pipeline
        nlp.remove_pipe("org_ruler")
    after = [p for p in ("place_ruler", "ner") if p in nlp.pipe_names][:1]
    # phrase patterns (PhraseMatcher on ORTH): a tenth of the cost of token patterns
    config = {"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}
    ruler = nlp.add_pipe("entity_ruler", name="org_ruler", after=after[0] if after else None, config=config)
    ruler.add_patterns([{"label": "ORG", "pattern": " ".join(name)} for name in names])
    return len(ruler.patterns)


def training_docs(vocab, news_train: Path, data_dir: Path) -> list[Doc]:
    docs = list(DocBin().from_disk(news_train).get_docs(vocab))
    germeval = read_columns(data_dir / "germeval2014/NER-de-test.tsv", 1, 2, "\t")
    return docs + [bio_doc(vocab, s, GERMEVAL) for s in germeval]


def main(src: Path, out: Path, news_train: Path, data_dir: Path, min_count: int = 1, min_share: float = 0.5) -> None:
    nlp = spacy.load(src)
    names = org_names(training_docs(nlp.vocab, news_train, data_dir), min_count, min_share)
    n = add_org_ruler(nlp, names)
    nlp.to_disk(out)
    print(f"{out}: {n} organisation patterns")


if __name__ == "__main__":
    typer.run(main)
