"""Coded errors and warnings. Every message says what to do next."""

from __future__ import annotations


class EventxError(Exception):
    """Base class for errors eventx reports to the user as one line."""


class InputError(EventxError):
    """An input could not be read (missing, unreadable, binary, empty, bad date)."""


class ModelNotFound(EventxError):
    """A --model name or path could not be loaded."""


class OutputError(EventxError):
    """An output (-o, --errors) cannot or must not be written."""


class Errors:
    E001 = "[E001] File not found: {path}"
    E002 = "[E002] {path} is not a regular file (a directory? use `eventx batch` for folders)"
    E003 = "[E003] {path} looks binary (NUL or other control bytes); eventx reads plain text"
    E004 = "[E004] {path} is empty"
    E005 = "[E005] Invalid --date {value!r}: use the form YYYY-MM-DD, e.g. 2024-10-30"
    E006 = (
        "[E006] Model {name!r} is not installed. Install it with "
        "`pip install {name}` (a spaCy package) or pass a path to a pipeline folder; "
        "eventx never downloads models."
    )
    E007 = "[E007] Could not read {path}: {reason}"
    E008 = "[E008] Unknown event type(s) {names}: choose from {choices}"
    E009 = "[E009] Rule file {path}: line {line}: {reason}"
    E010 = "[E010] The shipped pipeline is missing at {path}; reinstall eventx (pip install .)"
    E011 = "[E011] Cannot write {path}: {reason}"
    E012 = "[E012] -o {path} is a folder: give a file name (only batch --engine dask writes a folder)"
    E013 = "[E013] Cannot write {path}: the folder {folder} does not exist"
    E014 = "[E014] -o {path} is also {other}: choose another output file"
    E015 = "[E015] --glob {glob!r} cannot be used: {reason} (e.g. --glob '*.txt')"
    E016 = "[E016] Could not read the folder {path}: {reason}"
    E017 = "[E017] Standard input is closed: pipe a text into eventx or give a file"
    E018 = "[E018] --model {name!r} is a Python package but not a spaCy pipeline ({reason})"
    E019 = "[E019] --model {name!r} could not be loaded: {reason}"
    E020 = "[E020] Cannot evaluate {path}: {reason}"
    E021 = "[E021] batch --engine {engine} does not write {fmt}: it writes {formats}{hint}"
    E022 = (
        "[E022] --model {name!r} is no spaCy pipeline: {why}; a pipeline is a folder with meta.json and "
        "config.cfg, as nlp.to_disk writes it"
    )
    E023 = "[E023] Rule file {path} {problem}: --rules takes a JSON Lines file of triggers and cues"
    E024 = "[E024] --format sqlite writes a database file: give it with -o FILE.db"
    E025 = "[E025] Cannot add to the database: {reason}; give -o a new file or a database eventx wrote"
    E026 = "[E026] batch --engine dask writes a folder of part files: give it with -o DIR"
    E027 = "[E027] batch --engine dask reads files, folders and URLs, not stdin: save the JSON Lines to a file"
    E028 = "[E028] --report works with --engine local; for Dask output run: eventx report DIR/part-*.jsonl -o FILE"
    E029 = (
        "[E029] The HTML report needs bokeh, which is not installed: pip install 'eventx[report]' "
        "(or pip install bokeh)"
    )
    E099 = "[E099] Unexpected error: {kind}: {message}. Run with --debug for the traceback"


class Warnings:
    W001 = "[W001] {path}: not valid UTF-8, decoded as {encoding}"
    W002 = "[W002] {path}: no byte-order mark, decoded as {encoding} (told by its NUL bytes)"
    W003 = "[W003] {path}: {count} stray NUL byte(s) ignored"
    W004 = "[W004] --workers {requested} capped to {workers}: {why}"
    W005 = "[W005] {path}: the text is empty: a result without events"
    W006 = "[W006] {source}: the id {id!r} is already used, renamed {new!r}"
    W007 = "[W007] {path}: no file in this folder or its subfolders matches --glob {glob!r}; nothing read from it"
    W008 = "[W008] {path}: read as one text; `eventx batch` reads JSON Lines, one document a line"
