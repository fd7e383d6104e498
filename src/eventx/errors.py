"""Coded errors and warnings. Every message says what to do next."""

from __future__ import annotations


class EventxError(Exception):
    """Base class for errors eventx reports to the user as one line."""


class InputError(EventxError):
    """An input could not be read (missing, unreadable, binary, empty, bad date)."""


class ModelNotFound(EventxError):
    """A --model name or path could not be loaded."""


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


class Warnings:
    W001 = "[W001] {path}: not valid UTF-8, decoded as {encoding}"
    W002 = "[W002] {path}: no byte-order mark, decoded as {encoding} (told by its NUL bytes)"
    W003 = "[W003] {path}: {count} stray NUL byte(s) ignored"
