"""Batch extraction over many documents, in order, on several processes.

Every input is accounted for: each record yields exactly one Outcome, either a
document result or an error, in input order whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .readers import Record
from .runner import run_document

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


def _init_worker(model: str | None, types: tuple | None) -> None:
    global _WORKER_NLP, _WORKER_MODEL
    from .pipeline import load

    _WORKER_NLP = load(model, list(types) if types else None)
    _WORKER_MODEL = (model, types)


def process_record(record: Record, default_date: str | None = None, nlp=None) -> Outcome:
    """Run one record through the pipeline; any failure becomes an Outcome with an error."""
    if record.error:
        return Outcome(record, error=record.error)
    nlp = nlp or _WORKER_NLP
    date = record.date or default_date
    try:
        from .runner import validate_date

        try:
            validate_date(date)
        except ValueError:
            return Outcome(record, error=f"{record.source or record.id}: invalid date {date!r} (use YYYY-MM-DD)")
        result = run_document(nlp, record.text, record.id, date)
    except Exception as e:  # one bad document must not stop a batch
        return Outcome(record, error=f"{record.source or record.id}: {type(e).__name__}: {e}")
    return Outcome(record, result)


def _work(args: tuple[Record, str | None]) -> Outcome:
    record, default_date = args
    return process_record(record, default_date)


def run_batch(
    records: Iterable[Record],
    model: str | None = None,
    types: list[str] | None = None,
    workers: int = 1,
    default_date: str | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per record, in input order."""
    workers = max(1, workers)
    if workers == 1:
        from .pipeline import load

        nlp = load(model, types)
        for rec in records:
            yield process_record(rec, default_date, nlp)
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(model, tuple(types) if types else None)) as pool:
        yield from pool.imap(_work, ((r, default_date) for r in records), chunksize=4)


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
