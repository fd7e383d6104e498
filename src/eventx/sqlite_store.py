"""Document results into a SQLite database: tables documents, events, participants.

The database is written into a temporary copy beside the target (a copy of the existing database
when appending) inside one transaction, and renamed over the target only after the commit, so a
crash never leaves a half-written database where a good one was. Appending adds documents whose
id is not there yet; documents already present are skipped, never duplicated.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

USER_VERSION = 1  # PRAGMA user_version of databases written by this module

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    dct TEXT,
    source TEXT,
    n_events INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    date_value TEXT,
    date_mod TEXT,
    date_text TEXT,
    location_name TEXT,
    location_country TEXT,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    cameo TEXT NOT NULL,
    plover_event TEXT NOT NULL,
    plover_mode TEXT,
    mentions INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('actor', 'host')),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    code TEXT,
    role_title TEXT,
    wikidata TEXT,
    office TEXT,
    PRIMARY KEY (event_id, role, name)
);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date_value);
CREATE INDEX IF NOT EXISTS events_country ON events(location_country);
CREATE INDEX IF NOT EXISTS participants_country ON participants(country);
CREATE INDEX IF NOT EXISTS participants_wikidata ON participants(wikidata);
"""

EVENT_COLUMNS = (
    "id",
    "document_id",
    "type",
    "status",
    "date_value",
    "date_mod",
    "date_text",
    "location_name",
    "location_country",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    "cameo",
    "plover_event",
    "plover_mode",
    "mentions",
)
PARTICIPANT_COLUMNS = ("event_id", "role", "name", "kind", "country", "code", "role_title", "wikidata", "office")


class SqliteFormatError(Exception):
    """The target exists but is not a database this module can append to."""


@dataclass
class SqliteStats:
    documents_added: int = 0
    documents_skipped: int = 0  # already in the database (same id)
    events_added: int = 0


def event_row(doc_id: str, e: dict) -> tuple:
    date = e.get("date") or {}
    loc = e.get("location") or {}
    return (
        e["id"],
        doc_id,
        e["type"],
        e["status"],
        date.get("value"),
        date.get("mod"),
        date.get("text"),
        loc.get("name"),
        loc.get("country"),
        e["trigger"]["text"],
        e["trigger"]["start"],
        e["trigger"]["end"],
        e["sentence"]["text"],
        e["cameo"],
        e["plover"]["event"],
        e["plover"]["mode"],
        e["mentions"],
    )


def participant_rows(e: dict) -> Iterator[tuple]:
    """One row per actor and host. A name listed twice in one role is one participant."""
    seen: set[tuple[str, str]] = set()
    for role, people in (("actor", e["actors"]), ("host", e["hosts"])):
        for a in people:
            if (role, a["name"]) in seen:
                continue
            seen.add((role, a["name"]))
            facts = (a.get("country"), a.get("code"), a.get("role"), a.get("wikidata"), a.get("office"))
            yield (e["id"], role, a["name"], a["kind"], *facts)


def _check_existing(path: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        raise SqliteFormatError(f"{path} is not a SQLite database ({err})") from err
    if tables and not {"documents", "events", "participants"} <= tables:
        raise SqliteFormatError(f"{path} is a SQLite database without eventx's tables (documents, events, participants)")
    if tables and version not in (0, USER_VERSION):
        raise SqliteFormatError(f"{path} was written by another eventx schema version ({version}, expected {USER_VERSION})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class SqliteWriter:
    """Add document results to ``path`` atomically; use as a context manager.

    ``append=False`` replaces an existing database instead of adding to it.
    """

    def __init__(self, path: str | os.PathLike, append: bool = True):
        self.path = Path(path)
        self.append = append
        self.stats = SqliteStats()
        self._tmp: str | None = None
        self._con: sqlite3.Connection | None = None

    def __enter__(self) -> SqliteWriter:
        if self.append and self.path.exists():
            _check_existing(self.path)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent or ".")
        os.close(fd)
        if self.append and self.path.exists():
            shutil.copyfile(self.path, self._tmp)
        os.chmod(self._tmp, self.path.stat().st_mode & 0o777 if self.path.exists() else 0o666 & ~_umask())
        con = self._con = sqlite3.connect(self._tmp, isolation_level=None)
        con.execute("PRAGMA journal_mode = MEMORY")  # the temporary copy is the crash guard
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA foreign_keys = ON")
        con.executescript(SCHEMA)
        con.execute(f"PRAGMA user_version = {USER_VERSION}")
        con.execute("BEGIN")
        return self

    def add(self, result: dict, source: str | None = None) -> bool:
        """Add one document result; False (and nothing written) when its id is already there."""
        con = self._con
        assert con is not None, "use SqliteWriter as a context manager"
        if con.execute("SELECT 1 FROM documents WHERE id = ?", (result["id"],)).fetchone():
            self.stats.documents_skipped += 1
            return False
        events = result.get("events", [])
        con.execute("INSERT INTO documents VALUES (?, ?, ?, ?)", (result["id"], result.get("dct"), source, len(events)))
        con.executemany(f"INSERT INTO events VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
                        [event_row(result["id"], e) for e in events])
        con.executemany(f"INSERT INTO participants VALUES ({', '.join('?' * len(PARTICIPANT_COLUMNS))})",
                        [row for e in events for row in participant_rows(e)])
        self.stats.documents_added += 1
        self.stats.events_added += len(events)
        return True

    def __exit__(self, exc_type, exc, tb) -> None:
        con, tmp = self._con, self._tmp
        self._con = self._tmp = None
        try:
            if exc_type is None and con is not None and tmp is not None:
                con.execute("COMMIT")
                con.close()
                con = None
                with open(tmp, "rb+") as f:
                    os.fsync(f.fileno())
                os.replace(tmp, self.path)
                tmp = None
        finally:
            if con is not None:
                con.close()
            if tmp is not None:
                with suppress(FileNotFoundError):
                    os.unlink(tmp)


def write_sqlite(
    results: Iterable[dict], path: str | os.PathLike, sources: dict[str, str | None] | None = None, append: bool = True
) -> SqliteStats:
    """Write (or append) document results to the database at ``path``; ``sources`` maps ids to inputs."""
    sources = sources or {}
    with SqliteWriter(path, append=append) as w:
        for r in results:
            w.add(r, sources.get(r["id"]))
    return w.stats


def _actor(row: sqlite3.Row) -> dict:
    return {
        "name": row["name"],
        "kind": row["kind"],
        "role": row["role_title"],
        "country": row["country"],
        "code": row["code"],
        "wikidata": row["wikidata"],
        "office": row["office"],
    }


def read_events(path: str | os.PathLike) -> dict[str, list[dict]]:
    """The events of each document, rebuilt as result-schema event dicts (sentence offsets are not stored)."""
    con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        people: dict[str, dict[str, list[dict]]] = {}
        for p in con.execute("SELECT * FROM participants ORDER BY rowid"):
            people.setdefault(p["event_id"], {"actor": [], "host": []})[p["role"]].append(_actor(p))
        out: dict[str, list[dict]] = {d["id"]: [] for d in con.execute("SELECT id FROM documents ORDER BY rowid")}
        for r in con.execute("SELECT * FROM events ORDER BY rowid"):
            parts = people.get(r["id"], {"actor": [], "host": []})
            loc = None if r["location_name"] is None else {"name": r["location_name"], "country": r["location_country"]}
            date = None if r["date_text"] is None else {"text": r["date_text"], "value": r["date_value"], "mod": r["date_mod"]}
            out[r["document_id"]].append(
                {
                    "id": r["id"],
                    "type": r["type"],
                    "status": r["status"],
                    "actors": parts["actor"],
                    "hosts": parts["host"],
                    "location": loc,
                    "date": date,
                    "trigger": {"text": r["trigger"], "start": r["trigger_start"], "end": r["trigger_end"]},
                    "sentence": {"text": r["sentence"]},
                    "mentions": r["mentions"],
                    "cameo": r["cameo"],
                    "plover": {"event": r["plover_event"], "mode": r["plover_mode"]},
                }
            )
        return out
    finally:
        con.close()
