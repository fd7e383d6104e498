"""eventx on Dask: the per-document function of ``eventx batch`` mapped over a Dask bag.

    >>> import dask.bag as db
    >>> from eventx.distributed import extract_bag
    >>> records = db.from_sequence([{"id": "a", "text": "...", "date": "2024-10-30"}], npartitions=1)
    >>> results = extract_bag(records)          # a bag of {"id", "result", "error"} dicts
    >>> results.pluck("result").filter(None).compute()

``extract_bag`` is lazy; each worker process loads the pipeline once (``eventx.load``
caches it per process) and reuses it for every partition it runs. ``run_to_directory``
writes one JSONL (or Parquet) part file per partition, a manifest and ``_SUCCESS``.
Part files are written to a temporary name and renamed, so a task that a dead worker
left half done and Dask ran again leaves no duplicates.

Needs the optional dependencies: ``pip install "eventx[dask]"``.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from collections.abc import Iterable, Iterator

from .readers import Record, decode, jsonl_records, make_record, with_default_date

try:  # optional dependency
    import dask
    import dask.bag as db
    import fsspec
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError('The Dask engine needs the optional dependencies: pip install "eventx[dask]"') from e


def _outcome_dict(outcome) -> dict:
    rec = outcome.record
    return {"id": rec.id, "source": rec.source, "result": outcome.result, "error": outcome.error, "note": rec.note}


def _record(item) -> Record:
    """A Record from a bag item: a Record, or an {id, text, date, source, error, note} dict."""
    if isinstance(item, Record):
        return item
    if item.get("error"):
        return Record(str(item.get("id")), source=item.get("source"), error=item["error"], note=item.get("note"))
    return make_record(str(item.get("id")), item.get("text"), item.get("date"), item.get("source"), item.get("note"))


def _process_partition(
    records: Iterable, model: str | None, types: tuple | None, default_date: str | None, rules: tuple = ()
) -> list[dict]:
    from .batch import CHUNK, chunked, process_chunk
    from .pipeline import load

    nlp = load(model, list(types) if types else None, list(rules))  # cached: once per worker process
    recs = list(with_default_date((_record(item) for item in records), default_date))
    return [_outcome_dict(o) for chunk in chunked(recs, CHUNK) for o in process_chunk(chunk, nlp)]


def extract_bag(
    records: db.Bag,
    model: str | None = None,
    types: list[str] | None = None,
    default_date: str | None = None,
    rules: list[str] | None = None,
) -> db.Bag:
    """Map extraction over a bag of records ({id, text, date} dicts or Records); ``rules``: user
    rule files, read by each worker (so at the same path on every worker machine).

    RETURNS (dask.bag.Bag): one dict per record, in partition order:
        {"id", "source", "result" (the document result or None), "error" (or None), "note"}.
    """
    return records.map_partitions(_process_partition, model, tuple(types) if types else None, default_date, tuple(rules or ()))


# -- reading -------------------------------------------------------------------------------
def _parse_jsonl_block(block: bytes, path: str, index: int, text_key: str, id_key: str, date_key: str) -> list[Record]:
    """One block of a JSONL file (cut at line ends) -> Records; bad lines are named
    'path#block:line' (the line counted inside the block)."""
    text, _ = decode(block, path) if block else ("", None)
    return list(jsonl_records(iter(text.splitlines()), f"{path}#{index}", text_key, id_key, date_key))


def _read_text_file(path: str, name: str) -> Record:
    from .errors import Errors
    from .readers import InputError, text_of

    try:
        with fsspec.open(path, "rb") as f:
            text, note = text_of(f.read(), path, empty_ok=True)  # as in the local engine: a result, W005
    except FileNotFoundError:
        return Record(name, source=path, error=Errors.E001.format(path=path))
    except (InputError, OSError) as e:
        return Record(name, source=path, error=str(e))
    return Record(name, text, None, path, note=note)


def records_bag(
    inputs: list[str],
    glob: str = "*.txt",
    text_key: str = "text",
    id_key: str = "id",
    date_key: str = "date",
    partition_size: int = 16,
    blocksize: int = 256 * 1024,
    on_note=None,
) -> db.Bag:
    """A bag of Records from local paths or fsspec URLs: .jsonl files (or globs of them),
    folders of text files, single text files. Order: inputs in order, files sorted.

    partition_size (int): text files per partition.
    blocksize (int): bytes of JSONL per partition (blocks end at line ends).
    on_note (Callable[[str], None]): hears W007 for a folder in which no file matches ``glob``.
    """
    from .readers import folder_files, no_match

    jsonl_paths: list[str] = []
    text_files: list[tuple[str, str]] = []
    for item in inputs:
        fs, _, paths = fsspec.get_fs_token_paths(item)
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        local = protocol in ("file", "local")
        for p in sorted(paths) or [item]:
            full = p if local else f"{protocol}://{p}"
            if p.endswith(".jsonl"):
                jsonl_paths.append(full)
            elif fs.isdir(p):
                if local:
                    from pathlib import Path

                    base = Path(p)
                    found = [(str(f), str(f.relative_to(base))) for f in folder_files(base, glob)]
                else:
                    matched = sorted(fs.glob(posixpath.join(p, "**", glob)))
                    found = [(f"{protocol}://{f}", posixpath.relpath(f, p)) for f in matched]
                if not found and on_note is not None:
                    on_note(no_match(item if len(paths) == 1 else full, glob))  # the folder as given
                text_files += found
            else:
                text_files.append((full, posixpath.basename(p)))
    bags = []
    if jsonl_paths:
        # blocks cut at line ends are read and parsed on the workers, in parallel
        from dask.bytes import read_bytes

        _, blocks_per_file = read_bytes(jsonl_paths, delimiter=b"\n", blocksize=blocksize, sample=False)
        parts = [
            dask.delayed(_parse_jsonl_block)(block, path, i, text_key, id_key, date_key)
            for path, blocks in zip(jsonl_paths, blocks_per_file, strict=True)
            for i, block in enumerate(blocks)
        ]
        bags.append(db.from_delayed(parts))
    if text_files:
        bags.append(db.from_sequence(text_files, partition_size=partition_size).map(lambda pn: _read_text_file(*pn)))
    if not bags:
        return db.from_sequence([], npartitions=1)
    return db.concat(bags) if len(bags) > 1 else bags[0]


# -- writing -------------------------------------------------------------------------------
def _write_part(outcomes: list[dict], out_dir: str, index: int, fmt: str) -> dict:
    """Write one partition's results atomically; return its counts and failures."""
    results = [o["result"] for o in outcomes if o["result"] is not None]
    failures = [{"id": o["id"], "source": o["source"], "reason": o["error"]} for o in outcomes if o["result"] is None]
    notes = [line for o in outcomes if o["result"] is not None and o.get("note") for line in o["note"].splitlines()]
    name = f"part-{index:05d}.{'parquet' if fmt == 'parquet' else 'jsonl'}"
    fs, _, (root,) = fsspec.get_fs_token_paths(out_dir)
    final = posixpath.join(root, name)
    tmp = posixpath.join(root, f".{name}.tmp")
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .schema import flat_rows, parquet_schema

        table = pa.Table.from_pylist(list(flat_rows(results)), schema=parquet_schema())
        with fs.open(tmp, "wb") as f:
            pq.write_table(table, f)
    else:
        with fs.open(tmp, "wb") as f:
            for r in results:
                f.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    fs.mv(tmp, final)
    by_type = Counter(e["type"] for r in results for e in r["events"])
    by_status = Counter(e["status"] for r in results for e in r["events"])
    return {
        "part": name,
        "documents": len(outcomes),
        "succeeded": len(results),
        "events": sum(by_type.values()),
        "events_by_type": by_type,
        "events_by_status": by_status,
        "failures": failures,
        "notes": notes,
    }


def _summed(counters: Iterable[Counter]) -> dict[str, int]:
    total: Counter = Counter()
    for c in counters:
        total.update(c)
    return dict(sorted(total.items()))


def run_to_directory(outcomes: db.Bag, out_dir: str, fmt: str = "jsonl") -> dict:
    """Compute the bag, writing part files, ``manifest.json`` and ``_SUCCESS`` into out_dir."""
    fs, _, (root,) = fsspec.get_fs_token_paths(out_dir)
    fs.makedirs(root, exist_ok=True)
    for old in fs.glob(posixpath.join(root, "part-*")) + fs.glob(posixpath.join(root, "_SUCCESS")):
        fs.rm(old)
    parts = outcomes.to_delayed()
    writes = [dask.delayed(_write_part)(p, out_dir, i, fmt) for i, p in enumerate(parts)]
    stats = list(dask.compute(*writes))
    manifest = {
        "documents": sum(s["documents"] for s in stats),
        "succeeded": sum(s["succeeded"] for s in stats),
        "failed": sum(len(s["failures"]) for s in stats),
        "events": sum(s["events"] for s in stats),
        "events_by_type": _summed(s["events_by_type"] for s in stats),
        "events_by_status": _summed(s["events_by_status"] for s in stats),
        "format": fmt,
        "parts": [s["part"] for s in stats],
        "failures": [f for s in stats for f in s["failures"]],
        "notes": [n for s in stats for n in s["notes"]],
    }
    with fs.open(posixpath.join(root, "manifest.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    with fs.open(posixpath.join(root, "_SUCCESS"), "w") as f:
        f.write("")
    return manifest


def read_results(out_dir: str) -> Iterator[dict]:
    """Document results from a JSONL output directory, part by part."""
    fs, _, (root,) = fsspec.get_fs_token_paths(out_dir)
    for part in sorted(fs.glob(posixpath.join(root, "part-*.jsonl"))):
        with fs.open(part, "r", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def run(options, on_note=None) -> dict:
    """Run a batch (``eventx.batch.BatchOptions``) on Dask: on the scheduler it names, else on a
    LocalCluster with ``options.workers`` workers; returns the manifest. ``on_note`` hears W007
    lines (a folder without a matching file)."""
    from distributed import Client

    client = Client(options.scheduler) if options.scheduler else local_client(options.workers)
    try:
        bag = records_bag(
            list(options.inputs), options.glob, options.text_key, options.id_key, options.date_key, on_note=on_note
        )
        outcomes = extract_bag(bag, options.model, options.types, options.date, getattr(options, "rules", None))
        return run_to_directory(outcomes, str(options.output), options.fmt)
    finally:
        client.close()


def local_client(workers: int):
    """A LocalCluster with one single-threaded worker process per core."""
    from distributed import Client, LocalCluster

    # Dask sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, which makes spaCy's many small
    # allocations ~15 % slower; eventx's workers keep the C library's default.
    dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None})
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    return Client(cluster)
