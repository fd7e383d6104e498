"""One happening from many mentions.

An event under construction is a dict with the keys ``type``, ``status``, ``status_cue``,
``actors``, ``hosts``, ``location`` and ``date`` (spans), ``trigger``, ``sentence``,
``mentions`` (a count) and ``cameo``. Mentions of one happening merge when their dates and
participants agree; talks held during a visit inherit its date, place and hosts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .clauses import verb_like
from .compounds import modifier_of, organisation_canonical
from .rules import word_set

if TYPE_CHECKING:
    from .triggers import Mention

ANAPHORIC_DETERMINERS = word_set("anaphoric_determiners")
NEW_OCCURRENCE = word_set("new_occurrence_words")
PAST_MARKERS = word_set("past_auxiliaries") | word_set("strong_past_forms") | word_set("past_time_words")


def antecedent(raw: list[dict], m: Mention) -> dict | None:
    """The last event of the same type, when a trigger without participants is a definite
    or possessive noun phrase that refers back to it."""
    i = m.trigger.i - m.sent.start
    words = [t.lower_ for t in m.sent[max(0, i - 3) : i]]
    if not m.trigger.text[:1].isupper() or not any(w in ANAPHORIC_DETERMINERS for w in words):
        return None
    own = modifier_of(m.trigger.text, m.rule["value"]).lower() if m.rule.get("match") == "suffix" else ""
    for e in reversed(raw):
        if e["type"] == m.type and (not own or own in e["trigger"].text.lower()):
            return e  # "die Bilderberg-Konferenz" does not refer back to "das G-7-Treffen"
    return None


def canonical_organisation(name: str) -> str:
    return organisation_canonical().get(name, name)


def person_ids(e: dict) -> set[int]:
    return {a["id"] for a in e["actors"] + e["hosts"] if a["kind"] == "person"}


def visitor_ids(visit: dict) -> set[int]:
    return {a["id"] for a in visit["actors"] if a["kind"] == "person"}


def countries(e: dict) -> set[str]:
    return {a["country"] for a in e["actors"] + e["hosts"] if a.get("country")}


def _timex_value(date: Span | None) -> str | None:
    return date._.timex.get("value") if date is not None and date._.timex else None


def dates_compatible(a: Span | None, b: Span | None) -> bool:
    """Two dates may name one day: one value is a prefix of the other, or without values the
    same words."""
    va, vb = _timex_value(a), _timex_value(b)
    if va and vb and not (va.startswith(vb) or vb.startswith(va)):
        return False
    # "am Freitagabend" and "im Juni 2014" without a DCT: two happenings
    return a is None or b is None or bool(va and vb) or a.text.lower() == b.text.lower()


def further_happening(e: dict) -> bool:
    """The event's trigger names a further happening: "ein weiteres Gespräch", "neue Verhandlungen"."""
    return names_further(e["trigger"])


def names_further(t: Token) -> bool:
    """"ein weiteres Gespräch", "neue Verhandlungen"; "die neuen Verhandlungen" refer back."""
    start = max(t.sent.start, t.i - 2)
    for k in range(start, t.i):
        w = t.doc[k]
        if w.lower_ in NEW_OCCURRENCE and t.text[:1].isupper():
            definite = k > t.sent.start and t.doc[k - 1].lower_ in ANAPHORIC_DETERMINERS
            return not (definite and w.lower_.startswith("neu"))
    return False


def continued_parties(raw: list[dict], m: Mention, actors: list, hosts: list) -> tuple[list, list]:
    """A further happening named without its parties ("Für nächste Woche wurde ein weiteres
    Gespräch vereinbart") has the parties of the last event of its type; it stays an event of
    its own."""
    if not names_further(m.trigger):
        return actors, hosts
    for e in reversed(raw):
        if e["type"] == m.type:
            known = {a["id"] for a in actors + hosts}
            more_actors = [a for a in e["actors"] if a["id"] not in known]
            return actors + more_actors, hosts + [a for a in e["hosts"] if a["id"] not in known]
    return actors, hosts


def compatible(a: dict, b: dict) -> bool:
    """Whether two events are mentions of one happening (``b`` the later one)."""
    if a["type"] != b["type"] or not dates_compatible(a["date"], b["date"]) or further_happening(b):
        return False
    people_a, people_b = person_ids(a), person_ids(b)
    shared_people = people_a & people_b
    shared_countries = countries(a) & countries(b)
    if a["type"] != "visit" and people_a and people_b and not (people_a <= people_b or people_b <= people_a):
        return False  # "Schröder with Schüssel" and "Schröder with Fischer": two meetings
    if a["type"] == "visit":
        if other_destination(a["location"], b["location"]):
            return False  # "seine Reise nach Japan" and "ihre Reise nach Afrika": two trips
        return bool(shared_people) or (not people_a and not people_b and bool(shared_countries))
    orgs_a, orgs_b = organisations(a), organisations(b)
    same_organisers = bool(orgs_a & orgs_b) or (not people_a or not people_b) and not (orgs_a and orgs_b)
    return bool(shared_people) or len(shared_countries) >= 2 or (same_organisers and same_noun(a, b) and bool(orgs_a | orgs_b))


def other_destination(a: Span | None, b: Span | None) -> bool:
    """Two destinations in different countries (a place without a country by its words)."""
    if a is None or b is None:
        return False

    def where(place: Span) -> str:
        code = place._.iso3 if place.has_extension("iso3") else None
        return code or place.text.lower()

    return where(a) != where(b)


def organisations(e: dict) -> set[str]:
    return {canonical_organisation(a["name"]) for a in e["actors"] + e["hosts"] if a["kind"] == "org"}


def same_noun(a: dict, b: dict) -> bool:
    """Both triggers are nouns with one head ("G7-Gipfels" and "G7-Gipfel")."""
    ta, tb = a["trigger"].text, b["trigger"].text
    if not (ta[:1].isupper() and tb[:1].isupper()):
        return False

    def head(t: str) -> str:
        t = t.lower()
        return t[:-2] if t.endswith("es") else (t[:-1] if t.endswith("s") else t)

    if "gipfel" in ta.lower() and "gipfel" in tb.lower():  # a summit: one per article unless its organisers differ
        return True
    return head(ta)[-5:] == head(tb)[-5:]


def merge_into(target: dict, other: dict, keep_status: bool = False) -> None:
    """Add another mention's participants, date and place to an event; its trigger words are
    kept ("merged_triggers"), so a meeting that absorbed a summit noun is known as that summit."""
    target["mentions"] += other["mentions"]
    triggers = [other["trigger"]] if "trigger" in other else []
    target.setdefault("merged_triggers", []).extend([*triggers, *other.get("merged_triggers", [])])
    if not keep_status and not target.get("status_cue") and other.get("status_cue"):
        target["status"], target["status_cue"] = other["status"], True
    for key in ("actors", "hosts"):
        for a in other[key]:
            if all(a["id"] != b["id"] for b in target["actors"] + target["hosts"]):
                target[key].append(a)
    for key in ("date", "location"):
        if target[key] is None:
            target[key] = other[key]
    if target["date"] is not None and other["date"] is not None:
        tv = (target["date"]._.timex or {}).get("value") or ""
        ov = (other["date"]._.timex or {}).get("value") or ""
        if len(ov) > len(tv) and ov.startswith(tv):
            target["date"] = other["date"]


def tenseless(e: dict) -> bool:
    """An event noun whose status no cue decided, in a sentence without a past tense ("Die
    Gegner des G7-Gipfels haben ..."): a noun has no tense, so a later mention that puts it
    ahead ("der Gipfel soll ... beginnen") tells its status."""
    if e.get("status_cue") or not e["trigger"].text[:1].isupper():
        return False
    words = [t.text for t in e["sentence"]]
    return not any(
        w.lower() in PAST_MARKERS or (w.endswith(("te", "ten")) and verb_like(words, k)) for k, w in enumerate(words)
    )


def merge(events: list[dict]) -> list[dict]:
    """Events in document order, each compatible later one merged into the first it fits."""
    merged: list[dict] = []
    for e in events:
        for m in merged:
            if compatible(m, e):
                merge_into(m, e, keep_status=not (tenseless(m) and e["status"] == "planned"))
                break
        else:
            merged.append(e)
    return merged


def inherit_from_visits(events: list[dict]) -> None:
    """Talks held during a visit happen when and where the visit does: a meeting or call
    without a date takes the date (and place) of a visit by one of its participants."""
    visits = [e for e in events if e["type"] == "visit"]
    for v in visits:
        add_visit_hosts(v, events)
    for e in events:
        if e["type"] not in ("meeting", "phone_call") or e["date"] is not None:
            continue
        for v in visits:
            if visitor_ids(v) & person_ids(e) and v["date"] is not None:
                e["date"] = v["date"]
                if e["location"] is None and e["type"] == "meeting":
                    e["location"] = v["location"]
                if not e.get("status_cue") and v.get("status_cue"):
                    e["status"] = v["status"]
                break


def add_visit_hosts(v: dict, events: list[dict]) -> None:
    """Whoever the visitors meet during the visit hosts them, at home unless said otherwise."""
    dest = v["location"]._.iso3 if v["location"] is not None and v["location"].has_extension("iso3") else None
    for e in events:
        if e["type"] == "meeting" and visitor_ids(v) & person_ids(e):
            for a in e["actors"]:
                if a["kind"] == "person" and all(a["id"] != b["id"] for b in v["actors"] + v["hosts"]):
                    v["hosts"].append(a)
    for h in v["hosts"]:
        if h["kind"] == "person" and not h.get("country") and dest:
            h["country"] = dest
            h["code"] = dest + (h.get("role_code") or "")
