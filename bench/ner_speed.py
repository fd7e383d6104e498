"""Tokens per second of the shipped pipeline (all components, one process) over the news pool,
beside a bare spacy.blank("de") tokenizer pass over the same texts.

    python bench/ner_speed.py ../shared/data/news/pool.jsonl [LIMIT] [MODEL ...]
    (default: every article, the shipped pipeline; MODEL: another pipeline's folder)

With two or more models the runs alternate (A B A B ..., ``ROUNDS`` rounds) in the same process,
and each model's best round and its ratio to the first model are printed: on a shared machine
the ratio is the number to trust, the absolute speed moves with the load.
"""

from __future__ import annotations

import json
import os
import sys
import time

import spacy

import eventx
from eventx.pipeline import shipped_model_path

ROUNDS = 3


def tokens_per_second(nlp, texts: list[str], n_tokens: int) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return n_tokens / (time.perf_counter() - t)


def main(path: str, limit: int | None = None, model: str | None = None) -> None:
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f][:limit]
    blank = spacy.blank("de")
    t = time.perf_counter()
    n_tokens = sum(len(d) for d in blank.pipe(texts))
    blank_s = time.perf_counter() - t
    base = spacy.load(model or shipped_model_path())
    base_speed = tokens_per_second(base, texts, n_tokens)
    full = eventx.load(model)
    full_speed = tokens_per_second(full, texts, n_tokens)
    print(f"{len(texts)} texts, {n_tokens} tokens")
    print(f"blank tokenizer      {n_tokens / blank_s:10.0f} tokens/s")
    print(f"shipped pipeline     {base_speed:10.0f} tokens/s")
    print(f"pipeline + eventx    {full_speed:10.0f} tokens/s  (rule layer costs {100 * (base_speed / full_speed - 1):.1f}%)")


def compare(path: str, limit: int | None, models: list[str]) -> None:
    """Alternating rounds of each pipeline (spacy.load, all its components) on the same texts."""
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f][:limit]
    n_tokens = sum(len(d) for d in spacy.blank("de").pipe(texts))
    pipelines = [spacy.load(m) for m in models]
    speeds: list[list[float]] = [[] for _ in models]
    for _ in range(ROUNDS):
        for i, nlp in enumerate(pipelines):
            speeds[i].append(tokens_per_second(nlp, texts, n_tokens))
    print(f"{len(texts)} texts, {n_tokens} tokens, {ROUNDS} alternating rounds, load average {os.getloadavg()}")
    first = max(speeds[0])
    for m, s in zip(models, speeds, strict=True):
        rounds = " ".join(f"{x:.0f}" for x in s)
        print(f"{m:<40} best {max(s):8.0f} tokens/s  (rounds {rounds})  ratio {max(s) / first:.3f}")


if __name__ == "__main__":
    limit = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "all" else None
    models = sys.argv[3:]
    if len(models) > 1:
        compare(sys.argv[1], limit, models)
    else:
        main(sys.argv[1], limit, models[0] if models else None)
