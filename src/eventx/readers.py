"""Reading inputs: files, stdin, folders and JSON Lines, with encoding detection."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .decoding import decode_bytes, decode_line
from .errors import Errors, InputError

MAX_BYTES = 200 * 1024 * 1024


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


def text_of(data: bytes, name: str) -> tuple[str, str | None]:
    """Decoded, non-empty text with a note when it was not UTF-8. Raises InputError."""
    text, note = decode(data, name)
    if not text.strip():
        raise InputError(Errors.E004.format(path=name))
    return text, note


def read_text_file(path: Path) -> tuple[str, str | None]:
    """Text of a file, with a note when it was not UTF-8. Raises InputError."""
    name = str(path)
    if not path.exists():
        raise InputError(Errors.E001.format(path=name))
    if not path.is_file():
        raise InputError(Errors.E002.format(path=name))
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(Errors.E007.format(path=name, reason=e.strerror or e)) from None
    return text_of(data, name)


def text_record(path: Path, doc_id: str | None = None, date: str | None = None) -> Record:
    rid = doc_id or path.name
    try:
        text, note = read_text_file(path)
    except InputError as e:
        return Record(rid, source=str(path), error=str(e))
    return make_record(rid, text, date, str(path), note=note)


def stdin_record(stream=None) -> Record:
    """The text on standard input as one record (id '-')."""
    stream = sys.stdin if stream is None else stream
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    try:
        text, note = text_of(data, "<stdin>")
    except InputError as e:
        return Record("-", source="<stdin>", error=str(e))
    return Record("-", text, source="<stdin>", note=note)


def path_record(item: str, stdin=None) -> Record:
    """One record for a command-line argument: a text file, or '-' for standard input."""
    return stdin_record(stdin) if item == "-" else text_record(Path(item))


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
            yield Record(rid, source=where, error=f"{where}: the text is empty")
            continue
        date = obj.get(date_key)
        yield make_record(rid, text, date if isinstance(date, str) else None, where, note=note)


def folder_files(folder: Path, glob: str = "*.txt") -> list[Path]:
    """Files under a folder matching ``glob``, sorted, following links without looping."""
    out: list[Path] = []
    seen: set[str] = set()
    for root, dirs, _ in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        out.extend(p for p in Path(root).glob(glob) if p.is_file() or not p.exists())
    return sorted(set(out))


def iter_inputs(
    inputs: list[str], glob: str = "*.txt", text_key: str = "text", id_key: str = "id", date_key: str = "date", stdin=None
) -> Iterator[Record]:
    """Records from files, folders, .jsonl files and '-' (JSON Lines on stdin)."""
    for item in inputs:
        if item == "-":
            yield from jsonl_records(iter(getattr(stdin, "buffer", stdin)), "<stdin>", text_key, id_key, date_key)
            continue
        path = Path(item)
        if path.is_dir():
            for f in folder_files(path, glob):
                yield text_record(f, doc_id=str(f.relative_to(path)))
        elif path.suffix == ".jsonl" and path.is_file():
            with open(path, "rb") as fh:
                yield from jsonl_records(fh, str(path), text_key, id_key, date_key)
        else:
            yield text_record(path)
