"""Cost of each output writer relative to JSON Lines, on the news pool.

    python bench/writers_cost.py ../shared/data/news/pool.jsonl [LIMIT]

Extraction runs once (in this process, one worker: the same function `eventx batch` runs); then each
writer writes those results five times and its best time is taken. End-to-end time of a format is
extraction plus its writer; the table gives it relative to JSONL's (target: SQLite and PLOVER within
10 %). The writer-only column shows what the writer itself costs against the JSONL writer.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from eventx.batch import run_batch
from eventx.plover import write_plover
from eventx.readers import iter_inputs
from eventx.sqlite_store import write_sqlite
from eventx.writers import atomic_writer, write_jsonl

REPEAT = 5


def jsonl(results: list[dict], path: Path) -> None:
    with atomic_writer(path) as f:
        write_jsonl(results, f)


def plover(results: list[dict], path: Path) -> None:
    with atomic_writer(path) as f:
        write_plover(results, f)


def sqlite(results: list[dict], path: Path) -> None:
    write_sqlite(results, path, append=False)


def report(results: list[dict], path: Path) -> None:
    from eventx.report import write_report

    write_report(results, path)


def best(fn, results: list[dict], path: Path) -> float:
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn(results, path)
        times.append(time.perf_counter() - t)
    return min(times)


def main(pool: str, limit: int | None = None) -> None:
    records = list(iter_inputs([pool]))[:limit]
    t = time.perf_counter()
    results = [o.result for o in run_batch(records, workers=1) if o.result is not None]
    extraction = time.perf_counter() - t
    n_events = sum(len(r["events"]) for r in results)
    tmp = Path(tempfile.mkdtemp())
    writers = {"jsonl": (jsonl, "out.jsonl"), "sqlite": (sqlite, "out.db"), "plover": (plover, "out.plover.jsonl"),
               "report": (report, "out.html")}
    cost = {name: best(fn, results, tmp / fname) for name, (fn, fname) in writers.items()}
    sizes = {name: (tmp / fname).stat().st_size for name, (_, fname) in writers.items()}
    print(f"{len(results)} documents, {n_events} events; extraction {extraction:.2f} s (one worker)")
    print(f"{'writer':8} {'writer s':>9} {'size':>10} {'writer/jsonl':>13} {'end-to-end/jsonl':>17}")
    for name in writers:
        end_to_end = (extraction + cost[name]) / (extraction + cost["jsonl"])
        print(f"{name:8} {cost[name]:9.4f} {sizes[name]:10d} {cost[name] / cost['jsonl']:13.2f} {end_to_end:17.4f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
