"""Batch extraction over many documents, in order, on several processes.

Every input is accounted for: each record yields exactly one Outcome, either a
document result or an error, in input order whatever the number of workers.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .readers import Record, with_default_date

CHUNK = 16  # documents per nlp.pipe call (and per task for worker processes)
_WORKER_NLP = None
_WORKER_MODEL: tuple | None = None


@dataclass
class Outcome:
    record: Record
    result: dict | None = None
    error: str | None = None


@dataclass
class Summary:
    read: int = 0
    succeeded: int = 0
    failed: int = 0
    events_by_type: Counter = field(default_factory=Counter)
    events_by_status: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        self.read += 1
        if outcome.result is None:
            self.failed += 1
            return
        self.succeeded += 1
        for e in outcome.result["events"]:
            self.events_by_type[e["type"]] += 1
            self.events_by_status[e["status"]] += 1

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def as_dict(self) -> dict:
        return {
            "documents_read": self.read,
            "succeeded": self.succeeded,
            "failed": self.failed,
            "events_by_type": dict(sorted(self.events_by_type.items())),
            "events_by_status": dict(sorted(self.events_by_status.items())),
            "elapsed_s": round(self.elapsed, 2),
            "documents_per_s": round(self.read / self.elapsed, 2) if self.elapsed else None,
        }


@dataclass
class BatchOptions:
    """The settings of one batch run, local or on Dask (what ``eventx batch`` was given)."""

    inputs: list[str]
    output: str | None = None
    fmt: str = "jsonl"
    workers: int = 1
    glob: str = "*.txt"
    text_key: str = "text"
    id_key: str = "id"
    date_key: str = "date"
    date: str | None = None
    model: str | None = None
    types: list[str] | None = None
    scheduler: str | None = None  # Dask scheduler address (None: a LocalCluster)
    rules: list[str] | None = None  # user rule files (eventx.user_rules)


@dataclass
class Report:
    """What a finished batch tells its user: the failures, one summary line, the exit code."""

    failures: list[dict]
    line: str
    succeeded: int
    failed: int
    notes: list[str] = field(default_factory=list)  # W-lines not said yet (the Dask engine's; local ones are said as they come)

    @property
    def exit_code(self) -> int:
        """0: all succeeded; 3: some failed; 1: none succeeded."""
        if self.succeeded == 0:
            return 1
        return 3 if self.failed else 0


def failure(outcome: Outcome) -> dict:
    """The failure record of an outcome without a result (one line of --errors)."""
    return {"id": outcome.record.id, "source": outcome.record.source, "reason": outcome.error}


def counts(by_name: dict) -> str:
    """{'meeting': 10, 'visit': 3} as 'meeting 10, visit 3' ('none' when empty)."""
    return ", ".join(f"{name} {n}" for name, n in by_name.items()) or "none"


def summary_line(s: dict) -> str:
    """The one summary line of a batch, for both engines: ``s`` as ``Summary.as_dict()`` gives it."""
    return (
        f"read {s['documents_read']}, succeeded {s['succeeded']}, failed {s['failed']}; "
        f"events: {counts(s['events_by_type'])}; status: {counts(s['events_by_status'])}; "
        f"{s['elapsed_s']} s, {s['documents_per_s']} docs/s"
    )


def local_report(summary: Summary, failures: list[dict]) -> Report:
    return Report(failures, summary_line(summary.as_dict()), summary.succeeded, summary.failed)


def dask_report(manifest: dict, output: str, elapsed: float) -> Report:
    """The report of a Dask run from its manifest: the local summary line, then where the parts are."""
    s = {
        "documents_read": manifest["documents"],
        "succeeded": manifest["succeeded"],
        "failed": manifest["failed"],
        "events_by_type": manifest["events_by_type"],
        "events_by_status": manifest["events_by_status"],
        "elapsed_s": round(elapsed, 2),
        "documents_per_s": round(manifest["documents"] / elapsed, 2) if elapsed else None,
    }
    n = len(manifest["parts"])
    line = f"{summary_line(s)}; {n} part file{'' if n == 1 else 's'} in {output}"
    return Report(manifest["failures"], line, manifest["succeeded"], manifest["failed"], manifest.get("notes", []))


def _init_worker(model: str | None, types: tuple | None, rules: tuple = ()) -> None:
    global _WORKER_NLP, _WORKER_MODEL
    from .termination import quiet_worker

    quiet_worker()  # first: SIGINT is the parent's to handle; SIGTERM (the pool stopping) ends quietly
    from .pipeline import load

    _WORKER_NLP = load(model, list(types) if types else None, list(rules))
    _WORKER_MODEL = (model, types, rules)


def process_chunk(records: list[Record], nlp=None) -> list[Outcome]:
    """One Outcome per record, in order: the records that were read go through the pipeline
    together (``eventx.document.extract_documents``); any failure becomes an error."""
    from .document import extract_documents

    nlp = nlp or _WORKER_NLP
    readable = [rec for rec in records if not rec.error]
    results = iter(extract_documents(nlp, readable))
    out = []
    for rec in records:
        if rec.error:
            out.append(Outcome(rec, error=rec.error))
            continue
        res = next(results)
        if isinstance(res, Exception):
            out.append(Outcome(rec, error=f"{rec.source or rec.id}: {type(res).__name__}: {res}"))
        else:
            out.append(Outcome(rec, res))
    return out


def _work(chunk: list[Record]) -> list[Outcome]:
    return process_chunk(chunk)


def chunked(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(
    records: Iterable[Record],
    model: str | None = None,
    types: list[str] | None = None,
    workers: int = 1,
    default_date: str | None = None,
    rules: list[str] | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per record, in input order; records without a date take ``default_date``."""
    workers = max(1, workers)
    records = iter(with_default_date(records, default_date))
    first = next(records, None)
    if first is None:
        return  # nothing to read: no pipeline, no processes
    chunks = chunked(itertools.chain([first], records), CHUNK)
    if workers == 1:
        from .pipeline import load

        nlp = load(model, types, rules)
        for chunk in chunks:
            yield from process_chunk(chunk, nlp)
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    initargs = (model, tuple(types) if types else None, tuple(rules or ()))
    with ctx.Pool(workers, initializer=_init_worker, initargs=initargs) as pool:
        for outcomes in pool.imap(_work, chunks):
            yield from outcomes


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
