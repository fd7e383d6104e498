"""PLOVER records against the field list and types of the PLOVER manual (tables "PLOVER JSON",
"Information object for actors", the location object, the event categories and quad categories)."""

import io
import json
import re

import pytest
from outputs_support import sample_results, synthetic_results

from eventx.plover import date_range, plover_records, write_plover

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# the manual's PLOVER JSON table: name -> allowed JSON types (None = null)
MANUAL_FIELDS = {
    "id": (str,), "has_event": (bool,), "date": (str, None), "time": (str,), "enddate": (str, None), "endtime": (str,),
    "source": (list,), "recipient": (list,), "event": (list,), "event_loc": (dict, None), "event_text": (list,),
    "quad_code": (int,), "event_scale": (float,), "mode": (list,), "context": (list,), "link": (str,), "text": (str,),
    "text_info": (dict,), "cite_info": (dict,), "coder": (str,), "coded_date": (str,), "coded_time": (str,), "comment": (str,),
}
REQUIRED = ("id", "date", "source", "event")
ACTOR_FIELDS = {"code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc", "religion", "ethnicity",
                "office", "gender", "age"}
LOCATION_FIELDS = {"geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature class",
                   "feature code", "country code", "cc3", "cc2", "admin1 code", "admin2 code", "admin3 code", "admin4 code",
                   "population", "elevation", "dem", "timezone"}
TEXT_INFO_FIELDS = {"sequence", "start", "end", "text_story"}
CITE_INFO_FIELDS = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
                    "codebook", "version"}
CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "ACCUSE", "REJECT",
              "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
QUADS = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2, "DEMAND": 3,
         "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3, "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
CONSULT_MODES = {"visit", "third-party", "multilateral", "phone"}
SPECIAL_CONTEXTS = {"historical", "future", "hypothetical", "negation"}
# eventx's own fields, which the manual leaves to providers
EXTENSIONS = {"status": (str,), "cameo": (str,), "eventx_type": (str,), "document_id": (str,), "date_text": (str, None),
              "date_value": (str, None), "date_mod": (str, None), "mentions": (int,)}


def typed(value, allowed) -> bool:
    return any(value is None if t is None else (isinstance(value, t) and not (t is int and isinstance(value, bool)))
               for t in allowed)


def check_record(rec: dict) -> None:
    for name in REQUIRED:
        assert name in rec, name
    for name, value in rec.items():
        allowed = MANUAL_FIELDS.get(name) or EXTENSIONS.get(name)
        assert allowed, f"field {name!r} is neither in the manual nor one of eventx's documented extensions"
        assert typed(value, allowed), (name, value)
    for d in ("date", "enddate"):
        assert rec[d] is None or DATE.match(rec[d]), rec[d]
    if rec["enddate"]:
        assert rec["date"] and rec["date"] <= rec["enddate"]
    assert rec["source"], "the manual requires a source actor"
    for actor in rec["source"] + rec["recipient"]:
        assert set(actor) <= ACTOR_FIELDS, set(actor) - ACTOR_FIELDS
        assert actor["code"] is None or re.match(r"^[A-Z]{3}$", actor["code"]), actor
        assert actor["sector"] is None or re.match(r"^[A-Z]{3}([A-Z]{3})?$", actor["sector"]), actor
        assert isinstance(actor["actor_text"], str) and actor["actor_text"]
    assert rec["event"] and set(rec["event"]) <= CATEGORIES
    assert rec["quad_code"] == QUADS[rec["event"][0]]
    if rec["event"] == ["CONSULT"]:
        assert set(rec["mode"]) <= CONSULT_MODES
    assert set(rec["context"]) <= SPECIAL_CONTEXTS
    assert all(isinstance(t, str) and t for t in rec["event_text"])
    if rec["event_loc"] is not None:
        assert set(rec["event_loc"]) <= LOCATION_FIELDS and isinstance(rec["event_loc"]["name"], str)
    assert set(rec["text_info"]) <= TEXT_INFO_FIELDS and all(isinstance(v, int) for v in rec["text_info"].values())
    assert set(rec["cite_info"]) <= CITE_INFO_FIELDS


@pytest.fixture(scope="module")
def results(extract):
    return sample_results(extract)


def test_every_event_present_and_typed(results):
    out = io.StringIO()
    n = write_plover(results, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    events = [e for r in results for e in r["events"]]
    assert n == len(records) == len(events) > 0
    assert [r["id"] for r in records] == [e["id"] for e in events]
    assert len({r["id"] for r in records}) == len(records)  # the manual: unique within the data set
    for rec in records:
        check_record(rec)


def test_synthetic_records_typed(results):
    for rec in plover_records(synthetic_results(results, 500)):
        check_record(rec)


def test_visitor_is_source_host_is_recipient(results):
    records = {r["id"]: r for r in plover_records(results)}
    visit = next(r for r in records.values() if r["eventx_type"] == "visit" and r["recipient"])
    assert [a["actor_text"] for a in visit["source"]] == ["Emmanuel Macron"]
    assert [a["actor_text"] for a in visit["recipient"]] == ["Olaf Scholz"]
    assert visit["source"][0]["code"] == "FRA" and visit["recipient"][0]["code"] == "DEU"
    assert visit["mode"] == ["visit"] and visit["event"] == ["CONSULT"]


def test_symmetric_consultation_lists_everyone_as_source(results):
    records = list(plover_records(results))
    call = next(r for r in records if r["eventx_type"] == "phone_call" and r["document_id"] == "korea-ukraine-russland.txt")
    assert {a["actor_text"] for a in call["source"]} == {"Yoon Suk-yeol", "Wolodymyr Selenskyj"}
    assert call["recipient"] == [] and call["mode"] == ["phone"]
    expected = {("KOR", "GOV", "Präsident"), ("UKR", "GOV", "Präsident")}
    assert {(a["code"], a["sector"], a["office"]) for a in call["source"]} == expected
    assert call["date"] == "2024-10-29" and call["enddate"] is None


def test_status_becomes_special_context(results):
    by_status = {}
    for r in plover_records(results):
        by_status.setdefault(r["status"], r["context"])
    assert by_status["asserted"] == []
    assert by_status.get("planned", ["future"]) == ["future"]
    assert by_status.get("negated", ["negation"]) == ["negation"]
    assert by_status.get("possible", ["hypothetical"]) == ["hypothetical"]
    assert {"planned", "negated", "possible"} & set(by_status)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-10-29", ("2024-10-29", None)),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2025", ("2025-01-01", "2025-12-31")),
    ("2005-W27", ("2005-07-04", "2005-07-10")),
    ("XXXX-10-29", (None, None)),
    ("2024-13", (None, None)),
    (None, (None, None)),
])
def test_date_range(value, expected):
    assert date_range(value) == expected


def test_wikidata_id_becomes_identifier_id(results):
    doc = json.loads(json.dumps(results[0]))
    doc["events"][0]["actors"][0]["wikidata"] = "Q1234"
    rec = next(plover_records([doc]))
    assert rec["source"][0]["identifier_id"] == "Q1234"
    check_record(rec)
