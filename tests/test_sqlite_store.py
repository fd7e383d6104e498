import json
import sqlite3
import subprocess
import sys

import pytest
from outputs_support import sample_results, synthetic_results

from eventx.sqlite_store import SqliteFormatError, SqliteWriter, read_events, write_sqlite


@pytest.fixture(scope="module")
def results(extract):
    return sample_results(extract)


def counts(path):
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "events", "participants")}
    finally:
        con.close()


def expected_counts(results):
    events = [e for r in results for e in r["events"]]
    people = sum(len({(role, a["name"]) for role in ("actors", "hosts") for a in e[role]}) for e in events)
    return {"documents": len(results), "events": len(events), "participants": people}


def test_round_trip_counts_and_fields(results, tmp_path):
    jsonl = tmp_path / "results.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
    from_jsonl = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    db = tmp_path / "events.db"
    stats = write_sqlite(from_jsonl, db, sources={r["id"]: f"samples/{r['id']}" for r in results})
    assert counts(db) == expected_counts(from_jsonl)
    assert stats.documents_added == len(results) and stats.events_added == counts(db)["events"] > 0
    back = read_events(db)
    for doc in from_jsonl:
        assert len(back[doc["id"]]) == len(doc["events"])
        for original, stored in zip(doc["events"], back[doc["id"]], strict=True):
            assert stored["sentence"]["text"] == original["sentence"]["text"]
            stored["sentence"] = original["sentence"]  # offsets of the sentence are not stored
            assert stored == original
    con = sqlite3.connect(db)
    assert con.execute("SELECT source, n_events FROM documents WHERE id = 'staatsbesuch.txt'").fetchone() == (
        "samples/staatsbesuch.txt", len(next(r for r in results if r["id"] == "staatsbesuch.txt")["events"]))
    # a visit: the visitor is an actor, the host a host
    rows = con.execute(
        "SELECT p.role, p.name FROM participants p JOIN events e ON e.id = p.event_id "
        "WHERE e.type = 'visit' AND e.document_id = 'staatsbesuch.txt' ORDER BY p.rowid").fetchall()
    assert ("actor", "Emmanuel Macron") in rows and ("host", "Olaf Scholz") in rows


def test_schema_keys_and_indexes(results, tmp_path):
    db = tmp_path / "events.db"
    write_sqlite(results, db)
    con = sqlite3.connect(db)
    cols = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in ("documents", "events", "participants")}
    assert cols["documents"] == ["id", "dct", "source", "n_events"]
    assert cols["participants"] == ["event_id", "role", "name", "kind", "country", "code", "role_title", "wikidata", "office"]
    assert cols["events"][:4] == ["id", "document_id", "type", "status"] and "plover_mode" in cols["events"]
    fks = {t: {(r[2], r[3], r[4]) for r in con.execute(f"PRAGMA foreign_key_list({t})")} for t in ("events", "participants")}
    assert fks == {"events": {("documents", "document_id", "id")}, "participants": {("events", "event_id", "id")}}
    indexed = {r[0] for r in con.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    for column in ("type", "date_value", "location_country", "country", "wikidata"):
        assert any(f"({column})" in sql for sql in indexed), column
    plan = " ".join(str(r) for r in con.execute("EXPLAIN QUERY PLAN SELECT * FROM events WHERE type = 'visit'"))
    assert "events_type" in plan
    with pytest.raises(sqlite3.IntegrityError):  # foreign keys are enforced
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("INSERT INTO events (id, document_id, type, status, trigger, trigger_start, trigger_end, sentence, cameo, "
                    "plover_event, mentions) VALUES ('x#1', 'nope', 'visit', 'asserted', 't', 0, 1, 's', '042', 'CONSULT', 1)")


def test_append_adds_only_new_documents(results, tmp_path):
    db = tmp_path / "events.db"
    write_sqlite(results[:1], db)
    first = counts(db)
    stats = write_sqlite(results, db)  # the first document again, plus the others
    assert stats.documents_skipped == 1 and stats.documents_added == len(results) - 1
    assert counts(db) == expected_counts(results)
    assert counts(db)["documents"] > first["documents"]
    again = write_sqlite(results, db)
    assert again.documents_added == 0 and counts(db) == expected_counts(results)


def test_replace_instead_of_append(results, tmp_path):
    db = tmp_path / "events.db"
    write_sqlite(results, db)
    write_sqlite(results[:1], db, append=False)
    assert counts(db) == expected_counts(results[:1])


def test_error_inside_batch_keeps_old_database(results, tmp_path):
    db = tmp_path / "events.db"
    write_sqlite(results[:1], db)
    before = db.read_bytes()
    with pytest.raises(RuntimeError), SqliteWriter(db) as w:
        w.add(results[1])
        raise RuntimeError("crash in the middle of a batch")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.db"]  # no temporary copy left


def test_killed_process_leaves_old_database(results, tmp_path):
    """A process killed while writing (no cleanup at all) leaves the previous database as it was."""
    db = tmp_path / "events.db"
    write_sqlite(results[:1], db)
    before = db.read_bytes()
    many = tmp_path / "many.json"
    many.write_text(json.dumps(synthetic_results(results, 2000)), encoding="utf-8")
    code = (
        "import json, os, sys\n"
        "from eventx.sqlite_store import SqliteWriter\n"
        "docs = json.load(open(sys.argv[2], encoding='utf-8'))\n"
        "with SqliteWriter(sys.argv[1]) as w:\n"
        "    for i, d in enumerate(docs):\n"
        "        w.add(d)\n"
        "        if i == 300:\n"
        "            os._exit(9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(db), str(many)], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    assert db.read_bytes() == before
    assert counts(db) == expected_counts(results[:1])


def test_refuses_a_file_that_is_not_an_eventx_database(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")
    with pytest.raises(SqliteFormatError, match="not a SQLite database"):
        write_sqlite([], bad)
    assert bad.read_text(encoding="utf-8") == "not a database"
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(SqliteFormatError, match="without eventx's tables"):
        write_sqlite([], other)


def test_synthetic_batch_counts(results, tmp_path):
    docs = synthetic_results(results, 3000)
    db = tmp_path / "big.db"
    write_sqlite(docs, db)
    assert counts(db) == expected_counts(docs)
