"""Tokens per second of the shipped pipeline (all components, one process) over the news pool,
beside a bare spacy.blank("de") tokenizer pass over the same texts.

    python bench/ner_speed.py ../shared/data/news/pool.jsonl [LIMIT] [MODEL]
    (default: every article, the shipped pipeline; MODEL: another pipeline's folder)
"""

from __future__ import annotations

import json
import sys
import time

import spacy

import eventx
from eventx.pipeline import shipped_model_path


def main(path: str, limit: int | None = None, model: str | None = None) -> None:
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f][:limit]
    blank = spacy.blank("de")
    t = time.perf_counter()
    n_tokens = sum(len(d) for d in blank.pipe(texts))
    blank_s = time.perf_counter() - t
    base = spacy.load(model or shipped_model_path())
    t = time.perf_counter()
    for _ in base.pipe(texts, batch_size=64):
        pass
    base_s = time.perf_counter() - t
    full = eventx.load(model)
    t = time.perf_counter()
    for _ in full.pipe(texts, batch_size=64):
        pass
    full_s = time.perf_counter() - t
    print(f"{len(texts)} texts, {n_tokens} tokens")
    print(f"blank tokenizer      {n_tokens / blank_s:10.0f} tokens/s")
    print(f"shipped pipeline     {n_tokens / base_s:10.0f} tokens/s")
    print(f"pipeline + eventx    {n_tokens / full_s:10.0f} tokens/s  (rule layer costs {100 * (full_s / base_s - 1):.1f}%)")


if __name__ == "__main__":
    limit = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "all" else None
    main(sys.argv[1], limit, sys.argv[3] if len(sys.argv) > 3 else None)
