"""eventx_events: phone calls, visits, meetings and treaties.

The component runs one loop over the sentences; the work lives in rooms of one job each:

- ``eventx.triggers``: trigger words (``resources/triggers.jsonl``: lemmas for verbs, word
  endings for German compound nouns, "Staatsbesuch", "Gipfeltreffen") and mentions;
- ``eventx.arguments``: participants, visitors and hosts, destination, place, date (from
  eventx_actors, eventx_countries and eventx_dates) and the status (ConText-style cues of
  ``resources/modality_cues.jsonl`` and the event date relative to the DCT);
- ``eventx.merging``: mentions of one happening merged into one event.

``doc._.events`` holds the events in the result schema (see eventx.schema).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..arguments import (
    date_for,
    destination,
    mention_status,
    owned_tokens,
    participants,
    place_in,
    political,
    recipients_after,
)
from ..doc import sentences
from ..merging import antecedent, inherit_from_visits, merge, merge_into
from ..rules import load_cues, load_plover, load_triggers, word_set
from ..summits import add_members, merge_summits, names_group
from ..triggers import Mention, TriggerMatcher
from ..user_rules import load_user_rules

DEMONSTRATIVES = word_set("demonstratives")


@Language.factory(
    "eventx_events",
    default_config={"rules": None, "cues": None, "types": None, "user_rules": []},
    assigns=["doc._.events"],
    requires=["doc._.actors", "doc.spans"],
)
def make_event_extractor(
    nlp: Language, name: str, rules: str | None, cues: str | None, types: list[str] | None, user_rules: list[str]
) -> EventExtractor:
    """Create the eventx_events component.

    nlp (Language): the pipeline.
    name (str): the component name.
    rules (str | None): path of a trigger file (JSONL) to use instead of the shipped one.
    cues (str | None): path of a modality cue file (JSONL) to use instead of the shipped one.
    types (list[str] | None): event types to keep (None: all).
    user_rules (list[str]): user rule files (JSONL: triggers, new event types, cues) added to the
        shipped rules; see eventx.user_rules.
    RETURNS (EventExtractor): the component.
    """
    return EventExtractor(nlp, name, rules, cues, types, user_rules)


class EventExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str = "eventx_events",
        rules: str | None = None,
        cues: str | None = None,
        types: list[str] | None = None,
        user_rules: list[str] | None = None,
    ) -> None:
        self.name = name
        self.user_rules = load_user_rules(user_rules)
        self.triggers = load_triggers(Path(rules) if rules else None) + self.user_rules.triggers
        self.cues = load_cues(Path(cues) if cues else None) + self.user_rules.cues
        self.plover = {**load_plover(), **self.user_rules.plover}
        self.types = set(types) if types else None
        self.matcher = TriggerMatcher(self.triggers, self.types)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            doc._.actors = []
        raw: list[dict] = []
        for sent in sentences(doc):
            self._sentence_events(doc, sent, raw)
        events = merge_summits(merge(raw))
        add_members(doc, events)
        inherit_from_visits(events)
        doc._.events = [to_record(e, self.plover) for e in events]
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
            event = self._mention_event(doc, sent, m, location, others_own, raw)
            if event is None:
                continue
            if m.type in seen_types:  # one event per type and sentence
                merge_into(seen_types[m.type], event)
                continue
            seen_types[m.type] = event
            raw.append(event)

    def _mention_event(
        self, doc: Doc, sent: Span, m: Mention, location: Span | None, others_own: set[int], raw: list[dict]
    ) -> dict | None:
        """The event of one mention, or None when it has too few (or no political) participants."""
        actors, hosts = participants(doc, sent, m, location, others_own)
        if m.rule.get("recipients_after") and not hosts:  # user rules: "Sanktionen gegen Russland"
            actors, hosts = recipients_after(doc, sent, m, actors, set(m.rule["recipients_after"]))
        parties = actors + hosts
        minimum = m.rule.get("min_participants") or (
            1 if m.type == "visit" or (m.type == "treaty" and m.anchor is not m.trigger) or names_group(m.trigger, parties) else 2
        )
        date = date_for(doc, sent, m)
        if m.rule.get("person_required") and not any(a["kind"] == "person" or a.get("role") for a in parties):
            return None  # "Russland fliegt Luftangriffe", "ruft den UN-Sicherheitsrat an" (an office holder counts)
        if len(parties) >= minimum and not political(parties):
            return None  # "Kane traf zum 2:0", "Aufeinandertreffen mit Nadal": no state actor takes part
        if m.type == "visit" and m.trigger.lemma_.lower() == "besuchen" and location is None and len(parties) < 2:
            return None  # "keine Schule besucht": nobody and nowhere visited
        if len(parties) < minimum:
            earlier = antecedent(raw, m)
            if earlier is not None:  # "zum Abschluss des Besuchs": the visit named before
                merge_into(earlier, _bare_mention(m, date, location))
            return None
        status, by_cue = mention_status(doc, m, date, self.cues)
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
