"""eventx_events: phone calls, visits, meetings and treaties.

The component runs one loop over the sentences; the work lives in rooms of one job each:

- ``eventx.triggers``: trigger words (``resources/triggers.jsonl``: lemmas for verbs, word
  endings for German compound nouns, "Staatsbesuch", "Gipfeltreffen") and mentions;
- ``eventx.participants`` (with ``eventx.antecedents`` and ``eventx.trigger_phrases``):
  participants, visitors and hosts (from eventx_actors and eventx_countries);
  ``eventx.event_places``: destination and place; ``eventx.event_date``: the date (from
  eventx_dates); ``eventx.event_status``: the status (ConText-style cues of
  ``resources/modality_cues.jsonl`` and the event date relative to the DCT);
- ``eventx.merging``: mentions of one happening merged into one event.

``doc._.events`` holds the events in the result schema (see eventx.schema).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..compounds import modifier_of
from ..doc import sentences, token_texts
from ..event_date import date_for, narrative_date
from ..event_places import destination, place_in
from ..event_status import mention_status, noun_trigger
from ..merging import antecedent, continued_parties, inherit_from_visits, merge, merge_into
from ..non_events import non_event
from ..participants import genitive_visitor, participants, political, recipients_after
from ..rules import load_cues, load_plover, load_triggers, word_set, write_jsonl, write_plover
from ..summits import add_members, merge_summits, names_group
from ..timex import Context, resolve
from ..timex_words import MONTHS as MONTH_NAMES
from ..trigger_phrases import owned_tokens
from ..triggers import Mention, TriggerMatcher
from ..user_rules import load_user_rules
from . import defaults  # noqa: F401  (registers the default rule loaders)
from .carry import CarriesRules, RuleFile

DEMONSTRATIVES = word_set("demonstratives")
MONTHS = tuple(MONTH_NAMES)


@Language.factory(
    "eventx_events",
    default_config={
        "triggers": {"@misc": "eventx.default_triggers.v1"},
        "cues": {"@misc": "eventx.default_cues.v1"},
        "plover": {"@misc": "eventx.default_plover.v1"},
        "types": None,
        "user_rules": [],
    },
    assigns=["doc._.events"],
    requires=["doc._.actors", "doc.spans"],
)
def make_event_extractor(
    nlp: Language,
    name: str,
    triggers: list[dict],
    cues: list[dict],
    plover: dict[str, dict],
    types: list[str] | None,
    user_rules: list[str],
) -> EventExtractor:
    """Create the eventx_events component.

    nlp (Language): the pipeline.
    name (str): the component name.
    triggers (list[dict]): trigger rules (default: eventx.default_triggers.v1; a file of your own:
        {"@misc": "eventx.triggers_from_file.v1", "path": "my_triggers.jsonl"}).
    cues (list[dict]): modality cues (eventx.default_cues.v1 or eventx.cues_from_file.v1).
    plover (dict[str, dict]): PLOVER event and mode per event type (eventx.default_plover.v1).
    types (list[str] | None): event types to keep (None: all).
    user_rules (list[str]): user rule files (JSONL: triggers, new event types, cues) added to the
        component's rules; see eventx.user_rules. They are read from their paths, not saved with
        the pipeline.
    RETURNS (EventExtractor): the component.
    """
    return EventExtractor(nlp, name, triggers=triggers, cues=cues, plover=plover, types=types, user_rules=user_rules)


class EventExtractor(CarriesRules):
    rule_files = (
        RuleFile("triggers.jsonl", "triggers", load_triggers, write_jsonl),
        RuleFile("modality_cues.jsonl", "cues", load_cues, write_jsonl),
        RuleFile("plover.tsv", "plover", load_plover, write_plover),
    )

    def __init__(
        self,
        nlp: Language,
        name: str = "eventx_events",
        *,
        triggers: list[dict] | None = None,
        cues: list[dict] | None = None,
        plover: dict[str, dict] | None = None,
        types: list[str] | None = None,
        user_rules: list[str] | None = None,
    ) -> None:
        self.name = name
        self.triggers = [dict(r) for r in triggers] if triggers is not None else load_triggers()
        self.cues = [dict(r) for r in cues] if cues is not None else load_cues()
        self.plover = {t: dict(p) for t, p in plover.items()} if plover is not None else load_plover()
        self.user_rules = load_user_rules(user_rules)  # read from their files (the config names them), not carried
        self.types = set(types) if types else None
        self.set_rules()

    def set_rules(self) -> None:
        """The component's tables plus the user rule files' additions."""
        self.matcher = TriggerMatcher(self.triggers + self.user_rules.triggers, self.types)
        self.all_cues = self.cues + self.user_rules.cues
        self._cues_by_type: dict[str, list[dict]] = {}
        self.all_plover = {**self.plover, **self.user_rules.plover}

    def cues_for(self, event_type: str) -> list[dict]:
        """The cues that act on an event type (a cue with ``types`` only on those)."""
        if event_type not in self._cues_by_type:
            self._cues_by_type[event_type] = [c for c in self.all_cues if not c.get("types") or event_type in c["types"]]
        return self._cues_by_type[event_type]

    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            doc._.actors = []
        raw: list[dict] = []
        for sent in sentences(doc):
            self._sentence_events(doc, sent, raw)
        events = merge_summits(merge(raw))
        add_members(doc, events)
        inherit_from_visits(events)
        doc._.events = [to_record(e, self.all_plover) for e in events]
        return doc

    def _sentence_events(self, doc: Doc, sent: Span, raw: list[dict]) -> None:
        """Append the events of one sentence to ``raw`` (one per type; mentions without
        participants that refer back merge into the event they refer to)."""
        mentions = self.matcher.find_mentions(doc, sent)
        owned = owned_tokens(doc, sent, mentions)
        seen_types: dict[str, dict] = {}
        for m in mentions:
            location = destination(doc, sent, m.trigger) if m.type == "visit" else place_in(doc, sent)
            if m.trigger.i > sent.start and doc[m.trigger.i - 1].lower_ in DEMONSTRATIVES:
                earlier = antecedent(raw, m)
                if earlier is not None:  # "Ohrenzeuge dieses Telefonats": the call named before
                    earlier["mentions"] += 1
                    continue
            others_own = {i for k, toks in owned.items() if k != id(m) for i in toks}
            event = self._mention_event(doc, sent, m, location, others_own, raw, mentions)
            if event is None:
                continue
            if m.type in seen_types:  # one event per type and sentence
                merge_into(seen_types[m.type], event)
                continue
            seen_types[m.type] = event
            raw.append(event)

    def _mention_event(
        self,
        doc: Doc,
        sent: Span,
        m: Mention,
        location: Span | None,
        others_own: set[int],
        raw: list[dict],
        mentions: list[Mention],
    ) -> dict | None:
        """The event of one mention, or None when it has too few (or no political) participants."""
        actors, hosts = participants(doc, sent, m, location, others_own)
        if m.rule.get("recipients_after") and not hosts:  # user rules: "Sanktionen gegen Russland"
            actors, hosts = recipients_after(doc, sent, m, actors, set(m.rule["recipients_after"]))
        parties = actors + hosts
        minimum = m.rule.get("min_participants") or (1 if names_group(m.trigger, parties) else min_parties(m, self.matcher))
        date = date_for(doc, sent, m, mentions)
        if non_event(m.type, token_texts(doc)[sent.start : sent.end], m.trigger.i - sent.start):
            return None  # a court hearing, a match, wage talks of unnamed parties, an interview
        if m.rule.get("person_required") and not any(a["kind"] == "person" or a.get("role") for a in parties):
            return None  # "Russland fliegt Luftangriffe", "ruft den UN-Sicherheitsrat an" (an office holder counts)
        if len(parties) >= minimum and not political(parties):
            return None  # "Kane traf zum 2:0", "Aufeinandertreffen mit Nadal": no state actor takes part
        if m.rule.get("parties_suffice") and minimum > 1 and not any(a["kind"] != "person" or a.get("country") for a in parties):
            return None  # an agreement without its treaty noun needs a state ("Präsident Reinisch einigte sich mit Jauk")
        if m.type == "visit" and m.trigger.lemma_.lower() == "besuchen" and location is None and len(parties) < 2:
            return None  # "keine Schule besucht": nobody and nowhere visited
        if len(parties) == 1 and minimum == 1 and m.type != "visit" and is_city(parties[0]):
            return None  # "Paris – ... ein Treffen von Konzernführung und Betriebsrat": a city alone is no party
        # "die Beschlüsse des Gipfels", Eichel: the summit named before; "des Besuchs des Premiers Abe": Abe's own
        anaphor = len(parties) == 1 and bare_head(m) and genitive_visitor(doc, m, parties) is None
        if len(parties) < minimum and not anaphor:
            actors, hosts = continued_parties(raw, m, actors, hosts)  # "ein weiteres Gespräch": the same parties again
            parties = actors + hosts
        if len(parties) < minimum or anaphor:
            earlier = antecedent(raw, m)
            if earlier is not None:  # "zum Abschluss des Besuchs": the visit named before
                merge_into(earlier, {**_bare_mention(m, date, location), "actors": actors, "hosts": hosts})
                return None
            if len(parties) < minimum:
                return None
        if noun_trigger(m):
            nearest_reading(doc, date)  # "der Besuch am 29. August wurde nicht mitgeteilt": "wurde" is not the visit's tense
        status, by_cue = mention_status(doc, m, date, self.cues_for(m.type))
        if date is None:
            date = narrative_date(doc, sent, raw, status, self.cues_for(m.type))
        date_by_status(doc, date, status)
        return {
            "type": m.type,
            "status": status,
            "status_cue": by_cue,
            "actors": actors,
            "hosts": hosts,
            "location": location,
            "date": date,
            "trigger": m.trigger,
            "sentence": sent,
            "mentions": 1,
            "cameo": m.rule["cameo"],
        }


def is_city(actor: dict) -> bool:
    """A country actor named by a city (a capital as metonym, or the dateline's city)."""
    from .countries import gazetteer

    entry = gazetteer()[0].get(actor["name"])
    return actor["kind"] == "country" and entry is not None and entry[1] == "capital"


def nearest_reading(doc: Doc, date: Span | None) -> None:
    """A day or month without a year that dates an event noun: of its past and its future
    reading, the one nearer the DCT (a noun has no tense of its own; the clause's verb may
    belong to a report about it)."""
    if date is None or not doc._.dct or not date._.timex or not date._.timex.get("value"):
        return
    value = date._.timex["value"]
    if not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", value) or re.search(r"\b(1[89]|20)\d\d\b", date.text):
        return
    if not re.search(r"\d\.|\b(" + "|".join(MONTHS) + r")\b", date.text.lower()):
        return  # a weekday or a relative date: its clause's tense decides ("Beim Treffen am Samstag wurde ...")
    dct = dt.date.fromisoformat(doc._.dct)
    current = _day(value)
    if current is None or abs((current - dct).days) <= 183:
        return  # only a reading half a year or more away is read again
    readings = [resolve(date.text, Context(dct, doc._.anchor_year, future)) for future in (False, True)]
    found = [(abs((_day(r[0]) - dct).days), r) for r in readings if r is not None and r[0] and _day(r[0]) is not None]
    if found:
        best = min(found, key=lambda x: x[0])[1]
        date._.timex = {"value": best[0], "mod": best[1]}


def _day(value: str) -> dt.date | None:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return dt.date.fromisoformat(value)
    if re.fullmatch(r"\d{4}-\d\d", value):
        return dt.date.fromisoformat(value + "-15")
    return None


def date_by_status(doc: Doc, date: Span | None, status: str) -> None:
    """Read a day or month without a year again under the event's tense (HeidelTime's news
    strategy): a planned event takes the next such date, an asserted one the most recent;
    the sentence's tense, which eventx_dates used, can belong to another clause. Only dates
    two months or more on the wrong side of the DCT move (a plan of last week, reported
    late, stays where it was)."""
    if date is None or not doc._.dct or not date._.timex or not date._.timex.get("value"):
        return
    value, dct = date._.timex["value"], doc._.dct
    if not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", value) or re.search(r"\b(1[89]|20)\d\d\b", date.text):
        return  # no month, or the text names its year
    gap = (dt.date.fromisoformat(value if len(value) == 10 else value + "-15") - dt.date.fromisoformat(dct)).days
    future = status == "planned"
    if (future and gap < -60) or (status == "asserted" and gap > 60):
        again = resolve(date.text, Context(dt.date.fromisoformat(dct), doc._.anchor_year, future))
        if again is not None and again[0]:
            date._.timex = {"value": again[0], "mod": again[1]}


def bare_head(m: Mention) -> bool:
    """A trigger noun without a modifier ("Gipfels", not "G8-Gipfel"): after a determiner it
    refers back more often than it names a new happening."""
    return m.rule.get("match") == "suffix" and m.trigger.text[:1].isupper() and not modifier_of(m.trigger.text, m.rule["value"])


def min_parties(m: Mention, matcher: TriggerMatcher) -> int:
    """Parties a mention needs: one for visits, for event nouns ("Telefonkonferenz mit
    Dijsselbloem", "der G8-Gipfel": the gold counts them with one named party) and for
    treaty verbs with their treaty ("Köhler hat den Vertrag nicht unterzeichnet"); two for
    verbs of talking ("beraten", "traf")."""
    if m.type == "visit" or (m.type == "treaty" and m.anchor is not m.trigger) or m.trigger.text[:1].isupper():
        return 1
    if m.type == "treaty" and any(matcher.is_treaty_noun(t) for t in m.sent):
        return 1
    return 2


def _bare_mention(m: Mention, date: Span | None, location: Span | None) -> dict:
    """A mention without participants: it adds a date, a place and a count to its antecedent."""
    return {
        "type": m.type,
        "mentions": 1,
        "actors": [],
        "hosts": [],
        "date": date,
        "location": location,
        "status_cue": False,
        "status": "asserted",
    }


def to_record(e: dict, plover: dict[str, dict]) -> dict:
    """An event in the result schema."""

    def actor(a: dict) -> dict:
        return {
            "name": a["name"],
            "kind": a["kind"],
            "role": a.get("role"),
            "country": a.get("country"),
            "code": a.get("code"),
            "wikidata": a.get("wikidata"),
            "office": a.get("office"),
        }

    loc = e["location"]
    date = e["date"]
    mapping = plover[e["type"]]
    event_code = mapping["event"]
    if e["status"] != "asserted" and mapping["event_unless_asserted"]:
        event_code = mapping["event_unless_asserted"]
    trig: Token = e["trigger"]
    sent: Span = e["sentence"]
    return {
        "type": e["type"],
        "status": e["status"],
        "actors": [actor(a) for a in e["actors"]],
        "hosts": [actor(a) for a in e["hosts"]],
        "location": None if loc is None else {"name": loc.text, "country": loc._.iso3 if loc.has_extension("iso3") else None},
        "date": None if date is None else {"text": date.text, "value": date._.timex["value"], "mod": date._.timex["mod"]},
        "trigger": {"text": trig.text, "start": trig.idx, "end": trig.idx + len(trig.text)},
        "sentence": {"text": sent.text, "start": sent.start_char, "end": sent.end_char},
        "mentions": e["mentions"],
        "cameo": e["cameo"],
        "plover": {"event": event_code, "mode": mapping["mode"]},
    }
