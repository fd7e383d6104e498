"""eventx_events: phone calls, visits, meetings and treaties.

Triggers come from ``resources/triggers.jsonl`` (lemmas for verbs, word endings for
German compound nouns: "Staatsbesuch", "Gipfeltreffen"); arguments from the
trigger's sentence (actors of eventx_actors, places of eventx_countries, dates of
eventx_dates); status from the ConText-style cues in ``resources/modality_cues.jsonl``
and from the event date relative to the DCT. Mentions of one happening are merged.

``doc._.events`` holds the events in the result schema (see eventx.schema).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..rules import load_cues, load_triggers
from ..scope import status_at
from .countries import places
from .dates import dates, sentences

LOCATION_PREPS = {"in", "im", "nach", "aus", "ins", "bei", "zwischen", "von", "vom", "gegen", "an", "am", "auf", "für", "über"}
DESTINATION_PREPS = {"nach", "in", "ins", "im"}
GENITIVE_LINKS = {"des", "der", "von", "vom", "aus"}
NOT_A_MEETING_OBJECT = {
    "entscheidung", "entscheidungen", "maßnahmen", "vorkehrungen", "vorbereitungen", "aussage", "aussagen",
    "absprachen", "auswahl", "wahl", "feststellung", "regelung", "regelungen", "vereinbarung",
}
EXCLUDED_COMPOUNDS = ("presse", "bürger", "fan", "mitglieder", "kunden", "besucher", "leser", "zuschauer")
PAST_MARKERS = {"hatte", "hatten", "hat", "haben", "war", "waren", "wurde", "wurden", "ist", "sind"}
PRONOUNS = {"er", "sie"}
MAX_DATE_DISTANCE = 10  # words between a trigger and its date
PLOVER = {
    "phone_call": {"event": "CONSULT", "mode": "phone"},
    "visit": {"event": "CONSULT", "mode": "visit"},
    "meeting": {"event": "CONSULT", "mode": None},
    "treaty": {"event": "SUPPORT", "mode": None},
}


@dataclass
class Mention:
    type: str
    trigger: Token
    rule: dict
    sent: Span
    anchor: Token  # the word whose clause decides the status (the verb for treaty nouns)
    extra: list[Token] = field(default_factory=list)


class EventExtractor:
    def __init__(self, nlp: Language, name: str = "eventx_events", rules: str | None = None, cues: str | None = None, types: list[str] | None = None) -> None:
        self.name = name
        self.triggers = load_triggers(Path(rules) if rules else None)
        self.cues = load_cues(Path(cues) if cues else None)
        self.types = set(types) if types else None
        self.lemma_rules: dict[str, dict] = {}
        self.suffix_rules: list[tuple[str, dict]] = []
        for r in self.triggers:
            if r["match"] == "lemma":
                self.lemma_rules.setdefault(r["value"], r)
            else:
                self.suffix_rules.append((r["value"], r))
        self.suffix_rules.sort(key=lambda x: len(x[0]), reverse=True)

    # -- triggers --------------------------------------------------------------------------
    def match_token(self, tok: Token) -> dict | None:
        text = tok.text
        lower = tok.lower_
        if not tok.is_alpha and "-" not in text:
            return None
        if text[:1].isupper():
            for suffix, r in self.suffix_rules:
                if lower.endswith(suffix):
                    head = lower[: len(lower) - len(suffix)].rstrip("-")
                    if head.startswith(EXCLUDED_COMPOUNDS) or head.endswith(EXCLUDED_COMPOUNDS):
                        return None
                    return r
        lemma = tok.lemma_.lower() if tok.lemma_ else lower
        r = self.lemma_rules.get(lemma) or self.lemma_rules.get(lower)
        if r is None and text.islower():
            r = self._stem_match(lower)
        return r

    def _stem_match(self, lower: str) -> dict | None:
        """Inflected verb forms the lemma table may not know: 'telefonierten', 'besuchte'."""
        for lemma, r in self.lemma_rules.items():
            stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
            if len(stem) >= 5 and (lower.startswith(stem) or lower.startswith("ge" + stem)) and len(lower) - len(stem) <= 4:
                return r
        return None

    def find_mentions(self, doc: Doc, sent: Span) -> list[Mention]:
        words = [t.lower_ for t in sent]
        out: list[Mention] = []
        treaty_nouns = []
        for tok in sent:
            r = self.match_token(tok)
            if r is None:
                continue
            i = tok.i - sent.start
            if r["type"] == "meeting" and r["value"] in ("treffen",) and not tok.text[:1].isupper():
                if any(w in NOT_A_MEETING_OBJECT for w in words[max(0, i - 4) : i + 3]):
                    continue
            if r["type"] == "meeting" and i > 0 and words[i - 1] == "im" and lower_is(tok, "gespräch"):
                continue  # "im Gespräch" is a modality cue, not a meeting
            if r.get("object_noun"):
                treaty_nouns.append((tok, r))
                continue
            if r.get("requires_object") and not any(self._is_treaty_noun(t) for t in sent):
                continue
            if r.get("requires_destination") and not self.destination(doc, sent, tok):
                continue
            if r["type"] == "meeting" and tok.lemma_.lower() in ("treffen", "kommen") and "zusammen" in words:
                pass
            out.append(Mention(r["type"], tok, r, sent, tok))
        treaty_verbs = [m for m in out if m.type == "treaty"]
        for noun, r in treaty_nouns:
            if treaty_verbs:
                treaty_verbs[0].extra.append(noun)
            else:
                out.append(Mention("treaty", noun, r, sent, noun))
        return [m for m in out if self.types is None or m.type in self.types]

    def _is_treaty_noun(self, tok: Token) -> bool:
        r = self.match_token(tok) if tok.text[:1].isupper() else None
        return bool(r and r.get("object_noun"))

    # -- arguments -------------------------------------------------------------------------
    def destination(self, doc: Doc, sent: Span, trigger: Token) -> Span | None:
        """Where a visit goes: a place after nach/in, or the object of 'besuchen'."""
        best = None
        for p in places(doc):
            if not (sent.start <= p.start < sent.end) or p.label_ not in ("country", "capital") and not self._loc_ent(p):
                continue
            prev = doc[p.start - 1].lower_ if p.start > sent.start else ""
            is_object = p.start > trigger.i and prev not in LOCATION_PREPS and trigger.lemma_.lower() in ("besuchen", "bereisen")
            if prev in DESTINATION_PREPS or is_object:
                if best is None or self._distance(p, trigger) < self._distance(best, trigger):
                    best = p
        if best is None:
            for ent in doc.ents:
                if ent.label_ == "LOC" and sent.start <= ent.start < sent.end and ent.start > 0 and doc[ent.start - 1].lower_ in DESTINATION_PREPS:
                    if best is None or self._distance(ent, trigger) < self._distance(best, trigger):
                        best = ent
        return best

    @staticmethod
    def _loc_ent(span: Span) -> bool:
        return False

    @staticmethod
    def _distance(span: Span, trigger: Token) -> int:
        """Words between a trigger and a place; places after the trigger come first."""
        if span.start > trigger.i:
            return span.start - trigger.i
        return 100 + trigger.i - span.end

    def participants(self, doc: Doc, sent: Span, m: Mention, location: Span | None) -> tuple[list[dict], list[dict]]:
        actors = doc._.actors or []
        source_tokens = self._source_tokens(sent)
        persons, collectives, fallback = [], [], []
        for a in actors:
            for start, end in a["mentions"]:
                if not (sent.start <= start < sent.end):
                    continue
                if start in source_tokens:
                    continue
                if location is not None and location.start <= start < location.end:
                    continue
                if a["kind"] == "person":
                    if a not in persons:
                        persons.append(a)
                    continue
                prev = doc[start - 1].lower_ if start > sent.start else ""
                target = collectives if prev not in LOCATION_PREPS else fallback
                if a not in target:
                    target.append(a)
        if m.type == "visit":
            return self._visit_roles(doc, m, persons, collectives, location)
        parts = list(persons)
        covered = {p["country"] for p in parts if p.get("country")}
        minimum = 2
        if len(parts) < minimum:
            prev_person = self._previous_person(doc, sent, persons)
            if prev_person is not None:
                parts.append(prev_person)
                covered.add(prev_person.get("country"))
        for c in collectives:
            if len(parts) >= minimum and c["kind"] == "country" and c["country"] in covered:
                continue
            if len(persons) >= 2 and c["kind"] == "country":
                continue
            parts.append(c)
        if len({self._key(p) for p in parts}) < 2:
            for c in fallback:
                if c["kind"] == "country" and c["country"] not in {p.get("country") for p in parts}:
                    parts.append(c)
        return parts, []

    def _visit_roles(self, doc: Doc, m: Mention, persons: list[dict], collectives: list[dict], location: Span | None):
        dest = location._.iso3 if location is not None and location.has_extension("iso3") and location._.iso3 else None
        host_side = bool(m.rule.get("host_side"))
        visitors, hosts = [], []
        for p in persons:
            if host_side:
                # "X empfing Y": the first person before the trigger is the host
                first = p["mentions"][0][0]
                if first < m.trigger.i and not hosts:
                    hosts.append(p)
                else:
                    visitors.append(p)
            elif dest and p.get("country") == dest and len(persons) > 1:
                hosts.append(p)
            else:
                visitors.append(p)
        if not visitors:
            prev = self._previous_person(doc, m.sent, persons)
            if prev is not None and prev not in hosts:
                visitors.append(prev)
        if not visitors:
            visitors = [c for c in collectives if c["kind"] in ("country", "org") and c.get("country") != dest][:2]
        return visitors, hosts

    @staticmethod
    def _key(a: dict) -> str:
        return a.get("country") or a["name"]

    def _previous_person(self, doc: Doc, sent: Span, present: list[dict]) -> dict | None:
        """'Er telefonierte mit Putin': the subject pronoun refers to the last person named before."""
        if not any(t.lower_ in PRONOUNS for t in sent[:6]):
            return None
        best, best_start = None, -1
        for a in doc._.actors or []:
            if a["kind"] != "person" or a in present:
                continue
            for start, _ in a["mentions"]:
                if start < sent.start and start > best_start:
                    best, best_start = a, start
        return best

    @staticmethod
    def _source_tokens(sent: Span) -> set[int]:
        """Tokens of a source attribution: 'Nach Angaben des Präsidialamts', 'laut Kreml',
        'Informationen der Botschaft zufolge'. Their actors are sources, not participants."""
        out: set[int] = set()
        toks = list(sent)
        for k, t in enumerate(toks):
            lower = t.lower_
            if lower in ("angaben", "laut", "informationen"):
                j = k + 1
                if lower != "laut" and (j >= len(toks) or toks[j].lower_ not in GENITIVE_LINKS):
                    continue
                seen_name = False
                while j < len(toks) and not toks[j].is_punct and j - k <= 6:
                    word = toks[j]
                    if seen_name and word.text[:1].islower():
                        break
                    seen_name = seen_name or word.text[:1].isupper()
                    out.add(word.i)
                    j += 1
            elif lower == "zufolge":
                j = k - 1
                while j >= 0 and not toks[j].is_punct and k - j <= 7:
                    out.add(toks[j].i)
                    j -= 1
        return out

    def date_for(self, doc: Doc, sent: Span, m: Mention) -> Span | None:
        best = None
        for d in dates(doc):
            if sent.start <= d.start < sent.end:
                dist = min(abs(d.start - m.trigger.i), abs(d.end - 1 - m.trigger.i))
                lo, hi = sorted((d.start, m.trigger.i))
                same_clause = not any(t.text in (",", ";", ":") for t in doc[lo:hi])
                if dist > MAX_DATE_DISTANCE and not same_clause:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, d)
        return best[1] if best else None

    # -- status --------------------------------------------------------------------------------
    def status(self, doc: Doc, m: Mention, date: Span | None) -> str:
        sent = m.sent
        words = [t.text for t in sent]
        status, _ = status_at(words, m.anchor.i - sent.start, self.cues)
        if status == "asserted" and doc._.dct and date is not None and date._.timex and date._.timex.get("value"):
            value = date._.timex["value"]
            if len(value) >= 10 and value[:10] >= doc._.dct and value[:4].isdigit():
                lo = max(sent.start, m.anchor.i - 8)
                if not any(t.lower_ in PAST_MARKERS or t.tag_ in ("VVPP",) for t in doc[lo : m.anchor.i + 8]) and not self._past_verb(m.anchor):
                    status = "planned"
        return status

    @staticmethod
    def _past_verb(tok: Token) -> bool:
        text = tok.lower_
        return text.endswith(("te", "ten", "ete", "eten")) or "Tense=Past" in str(tok.morph)

    # -- assembling ----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            doc._.actors = []
        raw: list[dict] = []
        for sent in sentences(doc):
            mentions = self.find_mentions(doc, sent)
            seen_types: dict[str, dict] = {}
            for m in mentions:
                location = self.destination(doc, sent, m.trigger) if m.type == "visit" else self.place_in(doc, sent)
                actors, hosts = self.participants(doc, sent, m, location)
                minimum = 1 if m.type == "visit" or (m.type == "treaty" and m.anchor is not m.trigger) else 2
                if len(actors) + len(hosts) < minimum:
                    continue
                date = self.date_for(doc, sent, m)
                event = {
                    "type": m.type,
                    "status": self.status(doc, m, date),
                    "actors": actors,
                    "hosts": hosts,
                    "location": location,
                    "date": date,
                    "trigger": m.trigger,
                    "sentence": sent,
                    "mentions": 1,
                    "cameo": m.rule["cameo"],
                }
                if m.type in seen_types:  # one event per type and sentence
                    self._merge_into(seen_types[m.type], event)
                    continue
                seen_types[m.type] = event
                raw.append(event)
        doc._.events = [self._to_record(doc, e, i) for i, e in enumerate(self._merge(raw), 1)]
        return doc

    def place_in(self, doc: Doc, sent: Span) -> Span | None:
        for p in places(doc):
            if sent.start <= p.start < sent.end and p.label_ == "capital" and p.start > sent.start and doc[p.start - 1].lower_ in ("in", "im"):
                return p
        return None

    @staticmethod
    def _ids(e: dict) -> set[int]:
        return {a["id"] for a in e["actors"] + e["hosts"] if a["kind"] == "person"}

    @staticmethod
    def _countries(e: dict) -> set[str]:
        return {a["country"] for a in e["actors"] + e["hosts"] if a.get("country")}

    def _compatible(self, a: dict, b: dict) -> bool:
        if a["type"] != b["type"]:
            return False
        va = a["date"]._.timex.get("value") if a["date"] is not None and a["date"]._.timex else None
        vb = b["date"]._.timex.get("value") if b["date"] is not None and b["date"]._.timex else None
        if va and vb and not (va.startswith(vb) or vb.startswith(va)):
            return False
        shared_people = self._ids(a) & self._ids(b)
        shared_countries = self._countries(a) & self._countries(b)
        if a["type"] == "visit":
            return bool(shared_people) or (not self._ids(a) and not self._ids(b) and bool(shared_countries))
        return bool(shared_people) or len(shared_countries) >= 2

    def _merge_into(self, target: dict, other: dict) -> None:
        target["mentions"] += other["mentions"]
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

    def _merge(self, events: list[dict]) -> list[dict]:
        merged: list[dict] = []
        for e in events:
            for m in merged:
                if self._compatible(m, e):
                    self._merge_into(m, e)
                    break
            else:
                merged.append(e)
        return merged

    def _to_record(self, doc: Doc, e: dict, n: int) -> dict:
        def actor(a: dict) -> dict:
            return {"name": a["name"], "kind": a["kind"], "role": a.get("role"), "country": a.get("country"), "code": a.get("code")}

        loc = e["location"]
        date = e["date"]
        plover = dict(PLOVER[e["type"]])
        if e["type"] == "treaty" and e["status"] != "asserted":
            plover["event"] = "AGREE"
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
            "plover": plover,
        }


def lower_is(tok: Token, word: str) -> bool:
    return tok.lower_ == word


@Language.factory(
    "eventx_events",
    default_config={"rules": None, "cues": None, "types": None},
    assigns=["doc._.events"],
    requires=["doc._.actors", "doc.spans"],
)
def make_event_extractor(nlp: Language, name: str, rules: str | None, cues: str | None, types: list[str] | None) -> EventExtractor:
    """Create the eventx_events component.

    nlp (Language): the pipeline.
    name (str): the component name.
    rules (str | None): path of a trigger file (JSONL) to use instead of the shipped one.
    cues (str | None): path of a modality cue file (JSONL) to use instead of the shipped one.
    types (list[str] | None): event types to keep (None: all).
    RETURNS (EventExtractor): the component.
    """
    return EventExtractor(nlp, name, rules, cues, types)
