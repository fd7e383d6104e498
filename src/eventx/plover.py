"""Document results as PLOVER event records (one JSON object per event, JSON Lines).

Field names and types follow the PLOVER manual's "PLOVER JSON" table and its actor and location
objects (Open Event Data Alliance, PLOVER: Political Language Ontology for Verifiable Event Records):

- ``source`` is the manual's list of actor objects for the acting side. In CONSULT events the visitor
  is the source and the host the ``recipient``; where no side hosts (calls, meetings, treaties), all
  participants are source actors and ``recipient`` is empty.
- ``date`` is YYYY-MM-DD. A value known only to the month or year is given as its first day in
  ``date`` and its last day in ``enddate``; a date with no year, or none at all, gives ``null``.
- ``event``, ``mode`` and ``context`` are lists; the status of a claim maps to the manual's special
  contexts (planned → future, possible → hypothetical, negated → negation).

Fields the manual leaves to providers carry eventx's own names: ``status``, ``cameo``,
``eventx_type``, ``document_id``, ``date_text``, ``date_value``, ``date_mod``, ``mentions``.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO

from . import __version__

CODER = f"eventx {__version__}"
QUAD = {  # the manual's quad categories
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), 4),
}
STATUS_CONTEXT = {"planned": "future", "possible": "hypothetical", "negated": "negation"}
_YMD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """(date, enddate) for a TIMEX3 value: a day gives (day, None); a week, month or year its first and
    last day; anything else (no year: XXXX-10-29; seasons, quarters) (None, None)."""
    w = _WEEK.match(value or "")
    if w:
        try:
            monday = datetime.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
        except ValueError:
            return None, None
        return monday.isoformat(), (monday + datetime.timedelta(days=6)).isoformat()
    m = _YMD.match(value or "")
    if not m or not (1 <= int(m.group(2) or 1) <= 12):
        return None, None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        return f"{year}-{month}-{day}", None
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def actor_object(a: dict) -> dict:
    """The manual's actor object: top-level ``code`` (ISO alpha-3 or IGO), ``sector``, ``actor_text``,
    ``office``, and ``identifier_id`` (Wikidata) where the knowledge base gave one."""
    code = a.get("code") or ""
    country = a.get("country")
    if country and code.startswith(country):
        top, sector = country, code[len(country):] or None
    elif a.get("kind") == "org":
        top, sector = "IGO", None
    else:
        top, sector = country, None
    obj = {"code": top, "sector": sector, "actor_text": a["name"], "office": a.get("role")}
    if a.get("kind") == "org":
        obj["identifier_text"] = a["name"]
    if a.get("wikidata"):  # the manual: identifier_id is the actor's Wikidata ID
        obj["identifier_id"] = a["wikidata"]
    return obj


def location_object(loc: dict | None) -> dict | None:
    """The manual's (GeoNames) location object: ``name`` and the alpha-3 ``cc3``."""
    if not loc:
        return None
    return {"name": loc["name"], "cc3": loc.get("country")}


def plover_record(event: dict, doc: dict) -> dict:
    date = event.get("date") or {}
    start, end = date_range(date.get("value"))
    plover = event["plover"]
    sentence = event["sentence"]
    context = [STATUS_CONTEXT[event["status"]]] if event["status"] in STATUS_CONTEXT else []
    return {
        "id": event["id"],
        "date": start,
        "enddate": end,
        "source": [actor_object(a) for a in event["actors"]],
        "recipient": [actor_object(a) for a in event["hosts"]],
        "event": [plover["event"]],
        "mode": [plover["mode"]] if plover.get("mode") else [],
        "context": context,
        "quad_code": QUAD.get(plover["event"]),
        "event_loc": location_object(event.get("location")),
        "event_text": [sentence["text"].strip()],
        "text_info": {"start": sentence["start"], "end": sentence["end"]},
        "cite_info": {"citation": doc["id"], "language": "de", "coder": CODER},
        "coder": CODER,
        "status": event["status"],
        "cameo": event["cameo"],
        "eventx_type": event["type"],
        "document_id": doc["id"],
        "date_text": date.get("text"),
        "date_value": date.get("value"),
        "date_mod": date.get("mod"),
        "mentions": event["mentions"],
    }


def plover_records(results: Iterable[dict]) -> Iterator[dict]:
    for doc in results:
        for e in doc.get("events", []):
            yield plover_record(e, doc)


def write_plover(results: Iterable[dict], out: IO[str]) -> int:
    """Write one PLOVER record per event as JSON Lines; returns the number of records."""
    n = 0
    for rec in plover_records(results):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
