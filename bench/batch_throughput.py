"""eventx batch throughput vs bare nlp.pipe, --workers 2 vs 1, peak RSS, start-up time.

python bench/batch_throughput.py ../shared/data/news/pool.jsonl [LIMIT]
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy
from common import timed

from eventx.pipeline import shipped_model_path


def main(pool: str, limit: int | None = None) -> None:
    with open(pool, encoding="utf-8") as f:
        records = [json.loads(line) for line in f][:limit]
    tmp = Path(tempfile.mkdtemp())
    sample = tmp / "sample.jsonl"
    sample.write_text(
        "".join(json.dumps({"id": r["id"], "text": r["text"], "date": r["date"]}, ensure_ascii=False) + "\n" for r in records),
        encoding="utf-8",
    )
    nlp = spacy.load(shipped_model_path())
    t = time.perf_counter()
    for _ in nlp.pipe((r["text"] for r in records), batch_size=64):
        pass
    bare = time.perf_counter() - t
    one = timed([sys.executable, "-m", "eventx", "batch", str(sample), "-o", str(tmp / "1.jsonl"), "--workers", "1"])
    two = timed([sys.executable, "-m", "eventx", "batch", str(sample), "-o", str(tmp / "2.jsonl"), "--workers", "2"])
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    short = tmp / "short.txt"
    short.write_text("Der französische Präsident Emmanuel Macron besuchte am Montag Berlin.", encoding="utf-8")
    start_extract = min(timed([sys.executable, "-m", "eventx", "extract", str(short)]) for _ in range(3))
    start_load = min(timed([sys.executable, "-c", f"import spacy; spacy.load({str(shipped_model_path())!r})"]) for _ in range(3))
    n = len(records)
    print(f"{n} documents")
    print(f"bare nlp.pipe           {n / bare:7.2f} docs/s")
    print(f"eventx batch -w 1       {n / one:7.2f} docs/s  (ratio to bare {bare / one:.2f}, includes start-up)")
    print(f"eventx batch -w 2       {n / two:7.2f} docs/s  (speed-up over -w 1: {one / two:.2f})")
    print(f"peak RSS of a child     {rss:7.0f} MB")
    print(f"start-up: extract {start_extract:.2f} s vs spacy.load {start_load:.2f} s (ratio {start_extract / start_load:.2f})")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
