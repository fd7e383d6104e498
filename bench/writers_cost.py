"""Cost of each output writer relative to JSON Lines, on the news pool.

    python bench/writers_cost.py ../shared/data/news/pool.jsonl [LIMIT]
    python bench/writers_cost.py ../shared/data/news/pool.jsonl LIMIT --cli


Extraction runs once (in this process, one worker: the same function `eventx batch` runs); then each
writer writes those results five times and its best time is taken. End-to-end time of a format is
extraction plus its writer; the table gives it relative to JSONL's (target: SQLite and PLOVER within
10 %). The writer-only column shows what the writer itself costs against the JSONL writer.

With ``--cli`` each format is instead one whole ``eventx batch -f FORMAT -o FILE`` command (start-up,
extraction on all cores, writing), run in turns jsonl, sqlite, plover, jsonl, … twice; on a shared
machine these wall times carry the load's noise, so read them next to the in-process numbers.
"""

from __future__ import annotations

import json
import subprocess
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


def main_cli(pool: str, limit: int | None) -> None:
    tmp = Path(tempfile.mkdtemp())
    sample = tmp / "sample.jsonl"
    with open(pool, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()][:limit]
    sample.write_text("".join(lines), encoding="utf-8")
    outputs = {"jsonl": "out.jsonl", "sqlite": "out.db", "plover": "out.plover.jsonl"}
    times: dict[str, list[float]] = {fmt: [] for fmt in outputs}
    for _ in range(2):
        for fmt, name in outputs.items():
            (tmp / name).unlink(missing_ok=True)
            cmd = [sys.executable, "-m", "eventx", "batch", str(sample), "-f", fmt, "-o", str(tmp / name)]
            t = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            times[fmt].append(time.perf_counter() - t)
            if proc.returncode not in (0, 3):
                raise SystemExit(proc.stderr)
    events = sum(len(json.loads(line)["events"]) for line in (tmp / "out.jsonl").read_text(encoding="utf-8").splitlines())
    print(f"{len(lines)} documents, {events} events; eventx batch -f FORMAT, best of 2 (wall s)")
    for fmt in outputs:
        best_time = min(times[fmt])
        runs = ", ".join(f"{t:.1f}" for t in times[fmt])
        print(f"{fmt:8} {best_time:8.2f} s  relative to jsonl {best_time / min(times['jsonl']):.3f}  (runs {runs})")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--cli"]
    limit = int(args[1]) if len(args) > 1 else None
    (main_cli if "--cli" in sys.argv else main)(args[0], limit)
