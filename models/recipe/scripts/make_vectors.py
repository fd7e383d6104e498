"""Build static vectors from the German Brown clusters in spacy-lookups-data.

spaCy 3 cannot embed a CLUSTER attribute directly, so the clusters travel as a
``Vectors`` table with one row per cluster; every word is added with
``Vectors.add(key, row=...)`` and points at the row of its cluster. A row encodes
the cluster id's bits twice (left-aligned, so that words sharing a path prefix
share features, and right-aligned) as +1/-1, followed by a few seeded random
dimensions that keep the clusters apart.

Only the most frequent words (by ``de_lexeme_prob``) are kept, to bound the size
of the shipped model.

    python models/recipe/scripts/make_vectors.py corpus/vectors --words 300000
"""

from __future__ import annotations

from pathlib import Path

import numpy
import spacy
import typer
from spacy.lookups import load_lookups
from spacy.vectors import Vectors

SEED = 0
BITS = 16
RANDOM_DIMS = 32


def cluster_row(cluster: int, rng: numpy.random.Generator) -> numpy.ndarray:
    bits = bin(cluster)[2:] if cluster else ""
    left = numpy.zeros(BITS, dtype="f")
    right = numpy.zeros(BITS, dtype="f")
    for i, b in enumerate(bits[:BITS]):
        left[i] = 1.0 if b == "1" else -1.0
    for i, b in enumerate(reversed(bits[-BITS:])):
        right[BITS - 1 - i] = 1.0 if b == "1" else -1.0
    noise = rng.standard_normal(RANDOM_DIMS).astype("f") * 0.5
    return numpy.concatenate([left, right, noise])


def main(
    out_dir: Path = typer.Argument(..., help="pipeline directory with the vectors"),
    words: int = typer.Option(300000, help="most frequent words to keep"),
) -> None:
    lookups = load_lookups("de", ["lexeme_cluster", "lexeme_prob"])
    clusters = lookups.get_table("lexeme_cluster")
    probs = lookups.get_table("lexeme_prob")
    keys = sorted(clusters.keys(), key=lambda k: (-probs.get(k, -30.0), k))[:words]
    cluster_ids = sorted({clusters[k] for k in keys})
    rng = numpy.random.default_rng(SEED)
    table = numpy.stack([cluster_row(c, rng) for c in cluster_ids])
    row_of = {c: i for i, c in enumerate(cluster_ids)}
    nlp = spacy.blank("de")
    vectors = Vectors(data=table, keys=None, name="de_brown_clusters")
    for key in keys:
        vectors.add(key, row=row_of[clusters[key]])
    nlp.vocab.vectors = vectors
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    print(f"{len(keys)} words -> {len(cluster_ids)} cluster rows of width {table.shape[1]}: {out_dir}")


if __name__ == "__main__":
    typer.run(main)
