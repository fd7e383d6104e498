"""Reading inputs: files, stdin, folders and JSON Lines, with encoding detection."""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .decoding import decode_bytes, decode_line
from .errors import Errors, InputError, Warnings

MAX_BYTES = 200 * 1024 * 1024
Notify = Callable[[str], None]  # hears a warning line that belongs to no record (W007)


@dataclass
class Record:
    """One input document, or the reason it could not be read."""

    id: str
    text: str | None = None
    date: str | None = None
    source: str | None = None  # path, or path:line for JSONL
    error: str | None = None
    note: str | None = None  # e.g. the encoding used


def make_record(
    doc_id: str, text: str | None, date: str | None = None, source: str | None = None, note: str | None = None
) -> Record:
    """A record to extract from. Its date is parsed here, once: a date that is not YYYY-MM-DD
    makes an error record; an empty date is no date."""
    from .timex import parse_date

    date = date or None
    if date is not None:
        try:
            parse_date(date)
        except ValueError:
            return Record(doc_id, source=source, error=f"{source or doc_id}: invalid date {date!r} (use YYYY-MM-DD)")
    return Record(doc_id, text, date, source, note=note)


def with_default_date(records: Iterable[Record], date: str | None) -> Iterator[Record]:
    """Records without a date of their own take ``date`` (checked once; raises InputError)."""
    from .timex import parse_date

    if date is not None:
        try:
            parse_date(date)
        except ValueError:
            raise InputError(Errors.E005.format(value=date)) from None
    for rec in records:
        yield rec if date is None or rec.date or rec.error else replace(rec, date=date)


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode bytes (see eventx.decoding: BOM, UTF-16/32, UTF-8, cp1252 line by line, stray
    NULs); the notes, one per line, or None. Binary raises InputError."""
    decoded = decode_bytes(data, name)
    return decoded.text, "\n".join(decoded.notes) or None


def printable(name: str) -> str:
    """A file name as text that can be printed and written as UTF-8: bytes that were not
    UTF-8 in the name (kept by Python as surrogates) are shown as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def text_of(data: bytes, name: str, empty_ok: bool = False) -> tuple[str, str | None]:
    """Decoded text with a note when it was not UTF-8. Raises InputError (also for an empty
    text, unless ``empty_ok``: then the W005 note says it is empty)."""
    text, note = decode(data, name)
    if not text.strip():
        if not empty_ok:
            raise InputError(Errors.E004.format(path=name))
        note = "\n".join(n for n in (note, Warnings.W005.format(path=name)) if n)
    return text, note


def read_text_file(path: Path, empty_ok: bool = False) -> tuple[str, str | None]:
    """Text of a file (or of a FIFO, a device, a process substitution), with a note when it
    was not UTF-8. Raises InputError."""
    name = printable(str(path))
    if not path.exists():
        raise InputError(Errors.E001.format(path=name))
    if path.is_dir():
        raise InputError(Errors.E002.format(path=name))
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(Errors.E007.format(path=name, reason=e.strerror or e)) from None
    if len(data) > MAX_BYTES:
        raise InputError(Errors.E007.format(path=name, reason=f"larger than {MAX_BYTES // 2**20} MB"))
    return text_of(data, name, empty_ok)


def text_record(path: Path, doc_id: str | None = None, date: str | None = None, empty_ok: bool = False) -> Record:
    """A record for a text file; ``empty_ok`` (batch): an empty file is a record with a note."""
    rid = printable(doc_id or path.name)
    source = printable(str(path))
    try:
        text, note = read_text_file(path, empty_ok)
    except InputError as e:
        return Record(rid, source=source, error=str(e))
    return make_record(rid, text, date, source, note=note)


def stdin_record(stream=None) -> Record:
    """The text on standard input as one record (id '-'); a closed stdin is an error record."""
    stream = sys.stdin if stream is None else stream
    if stream is None:  # started with stdin closed (<&-)
        return Record("-", source="<stdin>", error=Errors.E017)
    try:
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    except (OSError, ValueError) as e:  # a closed or unreadable stream
        return Record("-", source="<stdin>", error=Errors.E007.format(path="<stdin>", reason=getattr(e, "strerror", None) or e))
    try:
        text, note = text_of(data, "<stdin>")
    except InputError as e:
        return Record("-", source="<stdin>", error=str(e))
    return Record("-", text, source="<stdin>", note=note)


def path_record(item: str, stdin=None) -> Record:
    """One record for a command-line argument: a text file, or '-' for standard input. A JSON
    Lines file is one text here, with a note (W008) that ``eventx batch`` reads it line by line."""
    if item == "-":
        return stdin_record(stdin)
    rec = text_record(Path(item))
    if rec.error is None and is_jsonl(Path(item)):
        note = Warnings.W008.format(path=rec.source)
        rec = replace(rec, note="\n".join(n for n in (rec.note, note) if n))
    return rec


JSON_TYPES = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}


def jsonl_records(
    lines: Iterator[str | bytes], source: str, text_key: str = "text", id_key: str = "id", date_key: str = "date"
) -> Iterator[Record]:
    """Records from JSON Lines; lines given as bytes are decoded one by one (W001 where a
    line is not UTF-8)."""
    for n, line in enumerate(lines, 1):
        where = f"{source}:{n}"
        note = None
        if isinstance(line, bytes):
            line, note = decode_line(line, where)
        if n == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Record(where, source=where, error=f"{where}: not valid JSON ({e.msg})")
            continue
        if not isinstance(obj, dict):
            yield Record(where, source=where, error=f"{where}: not a JSON object")
            continue
        rid = str(obj.get(id_key) if obj.get(id_key) is not None else where)
        text = obj.get(text_key)
        if text is None:
            yield Record(rid, source=where, error=f"{where}: no text under the key {text_key!r}")
            continue
        if not isinstance(text, str):
            got = JSON_TYPES.get(type(text), type(text).__name__)
            yield Record(rid, source=where, error=f"{where}: the text under {text_key!r} must be a string, got {got}")
            continue
        if not text.strip():
            note = "\n".join(n for n in (note, Warnings.W005.format(path=where)) if n)
        date = obj.get(date_key)
        yield make_record(rid, text, date if isinstance(date, str) else None, where, note=note)


def folder_files(folder: Path, glob: str = "*.txt", unreadable: list[tuple[str, str]] | None = None) -> list[Path]:
    """Files under a folder matching ``glob``, sorted, following links without looping.
    Folders that cannot be listed go into ``unreadable`` as (path, reason)."""
    out: list[Path] = []
    seen: set[str] = set()

    def on_error(e: OSError) -> None:
        if unreadable is not None:
            unreadable.append((str(e.filename or folder), e.strerror or str(e)))

    for root, dirs, _ in os.walk(folder, followlinks=True, onerror=on_error):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        out.extend(p for p in Path(root).glob(glob) if p.is_file() or not p.exists())
    return sorted(set(out))


def no_match(folder: str, glob: str) -> str:
    """The W007 line: a folder in which no file matches --glob."""
    return Warnings.W007.format(path=printable(folder), glob=glob)


def check_glob(glob: str) -> None:
    """A --glob is a file pattern inside the folders; raises InputError (E015) otherwise."""
    if not glob or not glob.strip():
        raise InputError(Errors.E015.format(glob=glob, reason="it is empty"))
    if os.path.isabs(glob) or glob.startswith("~"):
        raise InputError(Errors.E015.format(glob=glob, reason="it is a path; give a pattern inside the folders"))


def folder_records(folder: Path, glob: str, on_note: Notify | None = None) -> Iterator[Record]:
    """A record per matching file (an empty one too: it is a result without events), and an
    error record per subfolder that could not be read; ``on_note`` hears W007 when nothing matched."""
    unreadable: list[tuple[str, str]] = []
    files = folder_files(folder, glob, unreadable)
    if not files and not unreadable and on_note is not None:
        on_note(no_match(str(folder), glob))
    for where, reason in unreadable:
        name = printable(where)
        yield Record(name, source=name, error=Errors.E016.format(path=name, reason=reason))
    for f in files:
        yield text_record(f, doc_id=str(f.relative_to(folder)), empty_ok=True)


JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def jsonl_file_records(path: Path, text_key: str, id_key: str, date_key: str) -> Iterator[Record]:
    """Records of a JSON Lines file (gzip-compressed when it ends in .gz)."""
    name = printable(str(path))
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            yield from jsonl_records(fh, name, text_key, id_key, date_key)
    except (OSError, EOFError) as e:  # unreadable, or a broken gzip stream
        yield Record(name, source=name, error=Errors.E007.format(path=name, reason=getattr(e, "strerror", None) or e))


def unique_ids(records: Iterator[Record]) -> Iterator[Record]:
    """Records whose ids are unique in the run: a repeated id (the same file name in two
    folders, a path given twice, a repeated JSONL id) gets ``~2``, ``~3``... and a W006 note."""
    used: set[str] = set()
    for rec in records:
        rid, k = rec.id, 1
        while rid in used:
            k += 1
            rid = f"{rec.id}~{k}"
        used.add(rid)
        if rid != rec.id:
            note = Warnings.W006.format(source=rec.source or rec.id, id=rec.id, new=rid)
            rec = replace(rec, id=rid, note="\n".join(n for n in (rec.note, note) if n))
        yield rec


def iter_inputs(
    inputs: list[str],
    glob: str = "*.txt",
    text_key: str = "text",
    id_key: str = "id",
    date_key: str = "date",
    stdin=None,
    on_note: Notify | None = None,
) -> Iterator[Record]:
    """Records from files, folders, JSON Lines files (.jsonl, .ndjson, also gzipped) and '-'
    (JSON Lines on stdin), one per document, with unique ids. Raises InputError at once for a
    bad ``glob``; ``on_note`` hears what is no record (W007: a folder without a matching file)."""
    check_glob(glob)
    return unique_ids(_records(inputs, glob, text_key, id_key, date_key, stdin, on_note))


def _records(
    inputs: list[str], glob: str, text_key: str, id_key: str, date_key: str, stdin, on_note: Notify | None = None
) -> Iterator[Record]:
    for item in inputs:
        if item == "-":
            if stdin is None:
                yield Record("<stdin>", source="<stdin>", error=Errors.E017)
                continue
            yield from jsonl_records(iter(getattr(stdin, "buffer", stdin)), "<stdin>", text_key, id_key, date_key)
            continue
        path = Path(item)
        if path.is_dir():
            yield from folder_records(path, glob, on_note)
        elif is_jsonl(path) and path.is_file():
            yield from jsonl_file_records(path, text_key, id_key, date_key)
        else:
            yield text_record(path, empty_ok=True)
