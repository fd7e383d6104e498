"""eventx batch throughput vs bare nlp.pipe, --workers 2 vs 1, peak RSS per worker, start-up time.

    python bench/batch_throughput.py ../shared/data/news/pool.jsonl [LIMIT]

The ratio to bare nlp.pipe is measured in one process with the same loaded model (the
per-document function that `eventx batch` runs); the CLI timings include start-up.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import timed

import eventx
from eventx.batch import run_batch
from eventx.pipeline import shipped_model_path
from eventx.readers import iter_inputs


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of a one-process command, from GNU time."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    return int(proc.stderr.strip().splitlines()[-1]) / 1024


def main(pool: str, limit: int | None = None) -> None:
    with open(pool, encoding="utf-8") as f:
        records = [json.loads(line) for line in f][:limit]
    tmp = Path(tempfile.mkdtemp())
    sample = tmp / "sample.jsonl"
    sample.write_text(
        "".join(json.dumps({"id": r["id"], "text": r["text"], "date": r["date"]}, ensure_ascii=False) + "\n" for r in records),
        encoding="utf-8",
    )
    nlp = eventx.load()
    base = [name for name in nlp.pipe_names if not name.startswith("eventx")]
    t = time.perf_counter()
    with nlp.select_pipes(enable=base):
        for _ in nlp.pipe((r["text"] for r in records), batch_size=64):
            pass
    bare = time.perf_counter() - t
    t = time.perf_counter()
    for _ in run_batch(iter_inputs([str(sample)]), workers=1):
        pass
    in_process = time.perf_counter() - t
    one = timed([sys.executable, "-m", "eventx", "batch", str(sample), "-o", str(tmp / "1.jsonl"), "--workers", "1"])
    two = timed([sys.executable, "-m", "eventx", "batch", str(sample), "-o", str(tmp / "2.jsonl"), "--workers", "2"])
    rss = peak_rss_mb([sys.executable, "-m", "eventx", "batch", str(sample), "-o", str(tmp / "m.jsonl"), "--workers", "1"])
    short = tmp / "short.txt"
    short.write_text("Der französische Präsident Emmanuel Macron besuchte am Montag Berlin.", encoding="utf-8")
    start_extract = min(timed([sys.executable, "-m", "eventx", "extract", str(short)]) for _ in range(3))
    start_load = min(timed([sys.executable, "-c", f"import spacy; spacy.load({str(shipped_model_path())!r})"]) for _ in range(3))
    n = len(records)
    print(f"{n} documents")
    print(f"bare nlp.pipe (same model, one process)   {n / bare:7.2f} docs/s")
    print(f"eventx batch function, --workers 1         {n / in_process:7.2f} docs/s  (ratio to bare {bare / in_process:.2f})")
    print(f"eventx batch CLI --workers 1              {n / one:7.2f} docs/s  (with start-up)")
    print(f"eventx batch CLI --workers 2              {n / two:7.2f} docs/s  (speed-up over --workers 1: {one / two:.2f})")
    print(f"peak RSS of one worker (--workers 1)      {rss:7.0f} MB")
    print(f"start-up: extract {start_extract:.2f} s vs spacy.load {start_load:.2f} s (ratio {start_extract / start_load:.2f})")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
