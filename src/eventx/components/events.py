"""eventx_events: phone calls, visits, meetings and treaties.

Triggers come from ``resources/triggers.jsonl`` (lemmas for verbs, word endings for
German compound nouns: "Staatsbesuch", "Gipfeltreffen"); arguments from the
trigger's sentence (actors of eventx_actors, places of eventx_countries, dates of
eventx_dates); status from the ConText-style cues in ``resources/modality_cues.jsonl``
and from the event date relative to the DCT. Mentions of one happening are merged.

``doc._.events`` holds the events in the result schema (see eventx.schema).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..extensions import token_texts
from ..rules import load_cues, load_triggers
from ..scope import status_at
from .countries import places
from .dates import dates, sentence_of, sentences

LOCATION_PREPS = {"in", "im", "nach", "aus", "ins", "bei", "zwischen", "von", "vom", "gegen", "an", "am", "auf", "für", "über"}
DESTINATION_PREPS = {"nach", "in", "ins", "im"}
GENITIVE_LINKS = {"des", "der", "von", "vom", "aus"}
NOT_A_MEETING_OBJECT = {
    "entscheidung",
    "entscheidungen",
    "maßnahmen",
    "vorkehrungen",
    "vorbereitungen",
    "aussage",
    "aussagen",
    "absprachen",
    "auswahl",
    "wahl",
    "feststellung",
    "regelung",
    "regelungen",
    "vereinbarung",
}
EXCLUDED_COMPOUNDS = ("presse", "bürger", "fan", "mitglieder", "kunden", "besucher", "leser", "zuschauer")
PAST_MARKERS = {"hatte", "hatten", "hat", "haben", "war", "waren", "wurde", "wurden", "ist", "sind"}
PRONOUNS = {"er", "ihn", "ihm", "sein", "seine", "seinem", "seinen", "seines", "seiner"}
PLURAL_PRONOUNS = {"sie"}
POSSESSIVES = {"sein", "seine", "seinem", "seinen", "seines", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihres", "ihrer"}
MAX_DATE_DISTANCE = 10
# strong verb forms whose spelling does not contain the lemma's stem ("traf" for treffen)
IRREGULAR_FORMS = {
    "traf",
    "trafen",
    "trafst",
    "getroffen",
    "trifft",
    "triffst",
    "kam",
    "kamen",
    "gekommen",
    "kommt",
    "empfing",
    "empfingen",
    "schloss",
    "schlossen",
    "geschlossen",
    "schließt",
    "beschloss",
    "beschlossen",
    "flog",
    "flogen",
    "geflogen",
    "rief",
    "riefen",
    "angerufen",
    "unterschrieb",
    "unterschrieben",
    "verhandelte",
    "beriet",
    "berieten",
    "einigte",
    "einigten",
    "geeinigt",
    "vereinbart",
    "vereinbarte",
    "reiste",
    "reisten",
    "gereist",
    "besprach",
    "sprach",
    "sprachen",
    "verhandle",
    "verhandlen",
}
CLAUSE_ENDS = {",", ".", ";", ":", "!", "?", "–", "„", "“", '"'}
SEPARABLE_PARTICLES = {"ein", "an", "ab", "zusammen", "auf", "zu", "mit", "vor", "weiter", "zurück", "fort", "aus"}
ANAPHORIC_DETERMINERS = {
    "des",
    "der",
    "dem",
    "den",
    "die",
    "das",
    "diesem",
    "dieses",
    "dieser",
    "diesen",
    "beim",
    "im",
    "am",
    "vom",
    "zum",
    "sein",
    "seine",
    "seinem",
    "seinen",
    "seines",
    "seiner",
    "ihr",
    "ihre",
    "ihrem",
    "ihren",
    "ihres",
    "ihrer",
}
DEMONSTRATIVES = {"dieses", "diesem", "dieser", "diesen", "diese", "jenes", "jenem", "jener", "jenen"}
PAIR_WORDS = {"beiden", "beide", "beider", "beidseitig"}
COLLECTIVE_NOUNS = {
    "länder",
    "ländern",
    "staaten",
    "seiten",
    "regierungen",
    "nationen",
    "staates",
    "nachbarländer",
    "nachbarn",
}  # words between a trigger and its date
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


class EventExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str = "eventx_events",
        rules: str | None = None,
        cues: str | None = None,
        types: list[str] | None = None,
    ) -> None:
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
        # "eintreffen" -> "treffen": verbs whose separated particle changes the event
        self.separable_bases = {
            lemma[len(p) :]
            for lemma in self.lemma_rules
            for p in SEPARABLE_PARTICLES
            if lemma.startswith(p) and len(lemma) > len(p) + 3
        }
        self._match_cache: dict[tuple[str, str], dict | None] = {}
        self._maybe_cache: dict[str, bool] = {}
        # verb stems whose inflected forms contain them ("besuch" in "besuchte", "unterzeichn" ...)
        self._stems = {lemma[:-2] if lemma.endswith("en") else lemma[:-1] for lemma in self.lemma_rules}
        self._stem_cache: dict[str, dict | None] = {}

    # -- triggers --------------------------------------------------------------------------
    def may_trigger(self, text: str) -> bool:
        """A cheap test on the word alone: could it be a trigger under any lemma?"""
        hit = self._maybe_cache.get(text)
        if hit is None:
            lower = text.lower()
            hit = self._maybe_cache[text] = (
                (text[:1].isupper() and any(lower.endswith(sfx) for sfx, _ in self.suffix_rules))
                or any(stem in lower for stem in self._stems)
                or lower in IRREGULAR_FORMS
            )
        return hit

    def match_token(self, tok: Token) -> dict | None:
        lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
        key = (tok.text, lemma)
        if key not in self._match_cache:
            self._match_cache[key] = self._match_word(tok.text, lemma)
        r = self._match_cache[key]
        if tok.text.islower() and (r is not None or lemma in self.separable_bases):
            particle = separated_particle(tok)
            if particle:  # "traf ... ein" is eintreffen, "kamen ... zusammen" zusammenkommen
                return self.lemma_rules.get(particle + lemma) or self._stem_match(particle + tok.lower_)
        return r

    def _match_word(self, text: str, lemma: str) -> dict | None:
        lower = text.lower()
        if not text.isalpha() and "-" not in text:
            return None
        if text[:1].isupper():
            for suffix, r in self.suffix_rules:
                if lower.endswith(suffix) and not lower.endswith(tuple(r.get("exclude", ()))):
                    head = lower[: len(lower) - len(suffix)].rstrip("-")
                    if head.startswith(EXCLUDED_COMPOUNDS) or head.endswith(EXCLUDED_COMPOUNDS):
                        return None
                    return r
        r = self.lemma_rules.get(lemma) or self.lemma_rules.get(lower)
        if r is None and text.islower():
            r = self._stem_match(lower)
        return r

    def _stem_match(self, lower: str) -> dict | None:
        """Inflected verb forms the lemma table may not know: 'telefonierten', 'besuchte'."""
        if lower not in self._stem_cache:
            self._stem_cache[lower] = self._stem_match_uncached(lower)
        return self._stem_cache[lower]

    def _stem_match_uncached(self, lower: str) -> dict | None:
        for lemma, r in self.lemma_rules.items():
            stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
            if len(stem) >= 5 and (lower.startswith(stem) or lower.startswith("ge" + stem)) and len(lower) - len(stem) <= 4:
                return r
        return None

    def find_mentions(self, doc: Doc, sent: Span) -> list[Mention]:
        texts = token_texts(doc)
        words = [w.lower() for w in texts[sent.start : sent.end]]
        out: list[Mention] = []
        treaty_nouns = []
        for k in range(sent.start, sent.end):
            if not self.may_trigger(texts[k]):
                continue
            tok = doc[k]
            r = self.match_token(tok)
            if r is None:
                continue
            i = tok.i - sent.start
            if r["type"] == "meeting" and r["value"] in ("treffen",) and not tok.text[:1].isupper():
                if any(w in NOT_A_MEETING_OBJECT for w in words[max(0, i - 4) : i + 3]):
                    continue
            if r["type"] == "meeting" and i > 0 and words[i - 1] == "im" and tok.lower_ == "gespräch":
                continue  # "im Gespräch" is a modality cue, not a meeting
            if r["type"] == "meeting" and self._interview(doc, tok):
                continue  # "in einem Gespräch mit der Welt am Sonntag": an interview
            if r.get("object_noun"):
                treaty_nouns.append((tok, r))
                continue
            if r.get("requires_object") and not any(self._is_treaty_noun(t) for t in sent):
                continue
            if r.get("requires_destination") and not self.destination(doc, sent, tok):
                continue
            out.append(Mention(r["type"], tok, r, sent, tok))
        has_treaty_verb = any(m.type == "treaty" for m in out)
        for noun, r in treaty_nouns:
            if has_treaty_verb:
                continue  # the verb's mention stands for the treaty
            if self._between_phrase(doc, sent, noun) is not None:  # "das Abkommen zwischen Serbien und dem Kosovo"
                out.append(Mention("treaty", noun, r, sent, noun))
        return [m for m in out if self.types is None or m.type in self.types]

    @staticmethod
    def _interview(doc: Doc, trigger: Token) -> bool:
        """'Gespräch mit' a newspaper or broadcaster (an entity that is neither a person nor a place)."""
        j = trigger.i + 1
        if j >= len(doc) or doc[j].lower_ != "mit":
            return False
        for ent in doc.ents:
            if j < ent.start <= j + 3 and ent.label_ in ("ORG", "MISC"):
                return not any(p.start == ent.start and p.label_ in ("org", "country", "capital") for p in places(doc))
        return False

    def _is_treaty_noun(self, tok: Token) -> bool:
        r = self.match_token(tok) if tok.text[:1].isupper() else None
        return bool(r and r.get("object_noun"))

    # -- arguments -------------------------------------------------------------------------
    def destination(self, doc: Doc, sent: Span, trigger: Token) -> Span | None:
        """Where a visit goes: a place after nach/in, or the object of 'besuchen'."""
        best = None
        for p in places(doc):
            if not (sent.start <= p.start < sent.end) or p.label_ not in ("country", "capital"):
                continue
            prev = doc[p.start - 1].lower_ if p.start > sent.start else ""
            is_object = p.start > trigger.i and prev not in LOCATION_PREPS and trigger.lemma_.lower() in ("besuchen", "bereisen")
            if prev in DESTINATION_PREPS or is_object:
                if best is None or self._distance(p, trigger) < self._distance(best, trigger):
                    best = p
        if best is None:
            for ent in doc.ents:
                if (
                    ent.label_ == "LOC"
                    and sent.start <= ent.start < sent.end
                    and ent.start > 0
                    and doc[ent.start - 1].lower_ in DESTINATION_PREPS
                ):
                    if best is None or self._distance(ent, trigger) < self._distance(best, trigger):
                        best = ent
        return best

    @staticmethod
    def _distance(span: Span, trigger: Token) -> int:
        """Words between a trigger and a place; places after the trigger come first."""
        if span.start > trigger.i:
            return span.start - trigger.i
        return 100 + trigger.i - span.end

    def participants(
        self, doc: Doc, sent: Span, m: Mention, location: Span | None, owned_elsewhere: set[int] = frozenset()
    ) -> tuple[list[dict], list[dict]]:
        """Actors and hosts of a mention. owned_elsewhere: words attached to another trigger."""
        actors = doc._.actors or []
        source_tokens = self._source_tokens(sent)
        persons, collectives, fallback = [], [], []
        for a in actors:
            for start, _end in a["mentions"]:
                if not (sent.start <= start < sent.end):
                    continue
                if start in source_tokens or start in owned_elsewhere:
                    continue
                if location is not None and location.start <= start < location.end:
                    continue
                if a["kind"] == "person":
                    if a not in persons:
                        persons.append(a)
                    continue
                before = {doc[k].lower_ for k in range(max(sent.start, start - 2), start)}
                target = fallback if before & LOCATION_PREPS else collectives  # "in der Ukraine" is a place
                if a not in target:
                    target.append(a)
        between = self._between_phrase(doc, sent, m.trigger)
        if between is not None:
            lo, hi = between

            def inside(a):
                return any(lo <= s < hi for s, _ in a["mentions"])

            named = [a for a in persons + collectives + fallback if inside(a)]
            if len(named) >= 2:
                return named, []
        if m.type == "visit":
            return self._visit_roles(doc, m, persons, collectives, location)
        parts = list(persons)
        minimum = 2
        subject_pronoun = sent[0].lower_ in PLURAL_PRONOUNS | {"er"}
        if len(parts) < minimum or subject_pronoun:  # "Sie wollen sich mit X treffen": they take part too
            group = self._referred_group(doc, sent, persons) or [p for p in [self._previous_person(doc, sent, persons)] if p]
            parts.extend(a for a in group if a not in parts)
        if len(parts) == 1 and self._with_phrase(doc, parts[0], m):
            earlier = self._persons_before(doc, sent.start, parts)
            if earlier:  # "Ein Treffen mit Orbán wurde abgesagt": with the one the article is about
                parts.append(max(earlier, key=lambda a: sum(1 for s, _ in a["mentions"] if s < sent.start)))
        covered = {p["country"] for p in parts if p.get("country")}
        for c in collectives:
            if len(parts) >= minimum and c["kind"] == "country" and c["country"] in covered:
                continue
            if len([a for a in parts if a["kind"] == "person"]) >= 2 and c["kind"] == "country":
                continue
            parts.append(c)
        if len({self._key(p) for p in parts}) < 2:
            for c in fallback:
                if c["kind"] == "country" and c["country"] not in {p.get("country") for p in parts}:
                    parts.append(c)
        return parts, []

    @staticmethod
    def _owned_tokens(doc: Doc, sent: Span, mentions: list[Mention]) -> dict:
        """Words attached to a trigger noun by a genitive or 'von' ('der Besuch von Minister
        Choe', 'ein Besuch des Machthabers Kim'): they belong to that trigger only."""
        owned: dict = {}
        if len(mentions) < 2:
            return owned
        for m in mentions:
            t = m.trigger
            if not t.text[:1].isupper() or t.i + 1 >= sent.end or doc[t.i + 1].lower_ not in ("von", "des", "der", "vom"):
                continue
            owned[id(m)] = set(range(t.i + 1, min(sent.end, t.i + 6)))
        return owned

    @staticmethod
    def _with_phrase(doc: Doc, actor: dict, m: Mention) -> bool:
        """The actor follows 'mit' right after the trigger ('Treffen mit dem Regierungschef X')."""
        for start, _ in actor["mentions"]:
            if m.trigger.i < start <= m.trigger.i + 6 and any(doc[k].lower_ == "mit" for k in range(m.trigger.i + 1, start)):
                return True
        return False

    @staticmethod
    def _between_phrase(doc: Doc, sent: Span, trigger: Token) -> tuple[int, int] | None:
        """Token range of 'zwischen X und Y' right after a trigger, up to the clause end."""
        j = trigger.i + 1
        if j < sent.end and doc[j].lower_ in ("der", "des"):
            j += 2
        if j >= sent.end or doc[j].lower_ != "zwischen":
            return None
        k = j + 1
        while k < sent.end and doc[k].text not in CLAUSE_ENDS:
            k += 1
        return j + 1, k

    def _visit_roles(self, doc: Doc, m: Mention, persons: list[dict], collectives: list[dict], location: Span | None):
        dest = location._.iso3 if location is not None and location.has_extension("iso3") and location._.iso3 else None
        host_side = bool(m.rule.get("host_side"))
        visitors, hosts = [], []
        before = [t.lower_ for t in doc[max(m.sent.start, m.trigger.i - 2) : m.trigger.i]]
        if any(w in POSSESSIVES for w in before):  # "sein Antrittsbesuch": the visitor was named before
            owner = self._persons_before(doc, m.trigger.i, [])
            owner = [p for p in owner if p not in persons] or owner
            if owner:
                return [owner[0]], [p for p in persons if p is not owner[0]]
        for p in persons:
            if host_side:
                if p is self._receiver(doc, m, persons):
                    hosts.append(p)
                else:
                    visitors.append(p)
            elif dest and p.get("country") == dest and len(persons) > 1:
                hosts.append(p)
            else:
                visitors.append(p)
        if not visitors:
            group = self._referred_group(doc, m.sent, persons) or [p for p in [self._previous_person(doc, m.sent, persons)] if p]
            visitors.extend(p for p in group if p not in hosts)
        if not visitors:
            visitors = [c for c in collectives if c["kind"] in ("country", "org") and c.get("country") != dest][:2]
        return visitors, hosts

    def _receiver(self, doc: Doc, m: Mention, persons: list[dict]) -> dict | None:
        """Who receives in 'empfangen': the agent of a passive ('von X empfangen'), the antecedent
        of a relative clause ('Gauck, der ihn empfing'), else the first person named (the
        subject of 'Scholz wird Macron empfangen')."""
        for p in persons:
            for start, _ in p["mentions"]:
                if m.sent.start < start < m.trigger.i and doc[start - 1].lower_ in ("von", "vom"):
                    return p
        nearest = self._nearest_before(persons, m.trigger.i)
        if nearest is not None:
            end = max(e for s, e in nearest["mentions"] if s < m.trigger.i)
            if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("der", "die", "das"):
                return nearest
        first = [
            (min(s for s, _ in p["mentions"] if s >= m.sent.start), p)
            for p in persons
            if any(s >= m.sent.start for s, _ in p["mentions"])
        ]
        return min(first, key=lambda x: x[0])[1] if first else None

    @staticmethod
    def _nearest_before(persons: list[dict], position: int) -> dict | None:
        best, best_start = None, -1
        for p in persons:
            for start, _ in p["mentions"]:
                if best_start < start < position:
                    best, best_start = p, start
        return best

    @staticmethod
    def _key(a: dict) -> str:
        return a.get("country") or a["name"]

    def _previous_person(self, doc: Doc, sent: Span, present: list[dict]) -> dict | None:
        """'Er telefonierte mit Putin', 'nach seinen Gesprächen': the pronoun refers to the
        last person named before the sentence."""
        if not any(t.lower_ in PRONOUNS for t in sent):
            return None
        earlier = self._persons_before(doc, sent.start, present)
        return earlier[0] if earlier else None

    def _referred_group(self, doc: Doc, sent: Span, present: list[dict]) -> list[dict]:
        """'Sie wollen sich ... treffen' (the persons of the sentence before) and
        'die beiden Bundeskanzler' (the last two persons named)."""
        words = [t.lower_ for t in sent]
        for k, w in enumerate(words[:-1]):
            if w in PAIR_WORDS:
                if words[k + 1] in COLLECTIVE_NOUNS:  # "beider Länder", "beide Seiten": countries
                    return self._countries_before(doc, sent.end)[:2]
                return self._persons_before(doc, sent.start, present)[:2]
        if sent[0].lower_ in PLURAL_PRONOUNS or (len(sent) > 1 and sent[1].lower_ in PLURAL_PRONOUNS and sent[0].pos_ != "ADP"):
            prev = sentence_of(doc[sent.start - 1]) if sent.start > 0 else None
            if prev is not None:
                starts = {
                    s
                    for a in (doc._.actors or [])
                    if a["kind"] == "person"
                    for s, _ in a["mentions"]
                    if prev.start <= s < prev.end
                }
                group = [a for a in self._persons_before(doc, sent.start, present) if any(s in starts for s, _ in a["mentions"])]
                return group[:3]
        return []

    @staticmethod
    def _actors_before(doc: Doc, position: int, kind: str, exclude: list[dict] = ()) -> list[dict]:
        """Actors of one kind named before ``position``, the most recently named first."""
        last: dict[int, int] = {}
        for a in doc._.actors or []:
            if a["kind"] != kind or a in exclude:
                continue
            starts = [s for s, _ in a["mentions"] if s < position]
            if starts:
                last[a["id"]] = max(starts)
        by_id = {a["id"]: a for a in doc._.actors or []}
        return [by_id[i] for i in sorted(last, key=lambda i: -last[i])]

    def _countries_before(self, doc: Doc, position: int) -> list[dict]:
        return self._actors_before(doc, position, "country")

    def _persons_before(self, doc: Doc, position: int, present: list[dict]) -> list[dict]:
        return self._actors_before(doc, position, "person", present)

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
    def status(self, doc: Doc, m: Mention, date: Span | None) -> tuple[str, bool]:
        """(status, whether a cue or the date decided it rather than the default)."""
        sent = m.sent
        words = [t.text for t in sent]
        status, cues = status_at(words, m.anchor.i - sent.start, self.cues)
        if status == "asserted" and doc._.dct and date is not None and date._.timex and date._.timex.get("value"):
            value = date._.timex["value"]
            if len(value) >= 10 and value[:10] >= doc._.dct and value[:4].isdigit():
                lo = max(sent.start, m.anchor.i - 8)
                if not any(
                    t.lower_ in PAST_MARKERS or t.tag_ in ("VVPP",) for t in doc[lo : m.anchor.i + 8]
                ) and not self._past_verb(m.anchor):
                    return "planned", True
        return status, bool(cues)

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
            owned = self._owned_tokens(doc, sent, mentions)
            seen_types: dict[str, dict] = {}
            for m in mentions:
                location = self.destination(doc, sent, m.trigger) if m.type == "visit" else self.place_in(doc, sent)
                if m.trigger.i > sent.start and doc[m.trigger.i - 1].lower_ in DEMONSTRATIVES:
                    antecedent = self._antecedent(raw, m)
                    if antecedent is not None:  # "Ohrenzeuge dieses Telefonats": the call named before
                        antecedent["mentions"] += 1
                        continue
                others_own = {i for k, toks in owned.items() if k != id(m) for i in toks}
                actors, hosts = self.participants(doc, sent, m, location, others_own)
                minimum = m.rule.get("min_participants") or (
                    1 if m.type == "visit" or (m.type == "treaty" and m.anchor is not m.trigger) else 2
                )
                date = self.date_for(doc, sent, m)
                if m.rule.get("person_required") and not any(a["kind"] == "person" for a in actors + hosts):
                    continue  # "Russland fliegt Luftangriffe", "ruft den UN-Sicherheitsrat an"
                if len(actors) + len(hosts) >= minimum and not self._political(actors + hosts):
                    continue  # "Kane traf zum 2:0", "Aufeinandertreffen mit Nadal": no state actor takes part
                if (
                    m.type == "visit"
                    and m.trigger.lemma_.lower() == "besuchen"
                    and location is None
                    and len(actors) + len(hosts) < 2
                ):
                    continue  # "keine Schule besucht": nobody and nowhere visited
                if len(actors) + len(hosts) < minimum:
                    antecedent = self._antecedent(raw, m)
                    if antecedent is not None:  # "zum Abschluss des Besuchs": the visit named before
                        self._merge_into(
                            antecedent,
                            {
                                "type": m.type,
                                "mentions": 1,
                                "actors": [],
                                "hosts": [],
                                "date": date,
                                "location": location,
                                "status_cue": False,
                                "status": "asserted",
                            },
                        )
                    continue
                status, by_cue = self.status(doc, m, date)
                event = {
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
                if m.type in seen_types:  # one event per type and sentence
                    self._merge_into(seen_types[m.type], event)
                    continue
                seen_types[m.type] = event
                raw.append(event)
        events = self._merge(raw)
        self._inherit_from_visits(events)
        doc._.events = [self._to_record(doc, e, i) for i, e in enumerate(events, 1)]
        return doc

    @staticmethod
    def _political(parties: list[dict]) -> bool:
        """Events need a state or international actor: a country, an organisation, or a person
        with a political role or a country."""
        return any(a["kind"] in ("country", "org") or a.get("country") or a.get("role") for a in parties)

    def _inherit_from_visits(self, events: list[dict]) -> None:
        """Talks held during a visit happen when and where the visit does: a meeting or call
        without a date takes the date (and place) of a visit by one of its participants."""
        visits = [e for e in events if e["type"] == "visit"]
        for v in visits:
            # whoever the visitors meet during the visit hosts them, at home unless said otherwise
            dest = v["location"]._.iso3 if v["location"] is not None and v["location"].has_extension("iso3") else None
            for e in events:
                if e["type"] == "meeting" and self._visitor_ids(v) & self._ids(e):
                    for a in e["actors"]:
                        if a["kind"] == "person" and all(a["id"] != b["id"] for b in v["actors"] + v["hosts"]):
                            v["hosts"].append(a)
            for h in v["hosts"]:
                if h["kind"] == "person" and not h.get("country") and dest:
                    h["country"] = dest
                    h["code"] = dest + (h.get("role_code") or "")
        for e in events:
            if e["type"] not in ("meeting", "phone_call") or e["date"] is not None:
                continue
            for v in visits:
                if self._visitor_ids(v) & self._ids(e) and v["date"] is not None:
                    e["date"] = v["date"]
                    if e["location"] is None and e["type"] == "meeting":
                        e["location"] = v["location"]
                    if not e.get("status_cue") and v.get("status_cue"):
                        e["status"] = v["status"]
                    break

    @staticmethod
    def _antecedent(raw: list[dict], m: Mention) -> dict | None:
        """The last event of the same type, when a trigger without participants is a definite
        or possessive noun phrase that refers back to it."""
        i = m.trigger.i - m.sent.start
        words = [t.lower_ for t in m.sent[max(0, i - 3) : i]]
        if not m.trigger.text[:1].isupper() or not any(w in ANAPHORIC_DETERMINERS for w in words):
            return None
        for e in reversed(raw):
            if e["type"] == m.type:
                return e
        return None

    def place_in(self, doc: Doc, sent: Span) -> Span | None:
        for p in places(doc):
            if (
                sent.start <= p.start < sent.end
                and p.label_ == "capital"
                and p.start > sent.start
                and doc[p.start - 1].lower_ in ("in", "im")
            ):
                return p
        return None

    @staticmethod
    def _ids(e: dict) -> set[int]:
        return {a["id"] for a in e["actors"] + e["hosts"] if a["kind"] == "person"}

    @staticmethod
    def _visitor_ids(visit: dict) -> set[int]:
        return {a["id"] for a in visit["actors"] if a["kind"] == "person"}

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
        if (
            a["date"] is not None
            and b["date"] is not None
            and not (va and vb)
            and a["date"].text.lower() != b["date"].text.lower()
        ):
            return False  # "am Freitagabend" and "im Juni 2014" without a DCT: two happenings
        shared_people = self._ids(a) & self._ids(b)
        shared_countries = self._countries(a) & self._countries(b)
        people_a, people_b = self._ids(a), self._ids(b)
        if a["type"] != "visit" and people_a and people_b and not (people_a <= people_b or people_b <= people_a):
            return False  # "Schröder with Schüssel" and "Schröder with Fischer": two meetings
        if a["type"] == "visit":
            return bool(shared_people) or (not self._ids(a) and not self._ids(b) and bool(shared_countries))
        return bool(shared_people) or len(shared_countries) >= 2

    def _merge_into(self, target: dict, other: dict, keep_status: bool = False) -> None:
        target["mentions"] += other["mentions"]
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

    def _merge(self, events: list[dict]) -> list[dict]:
        merged: list[dict] = []
        for e in events:
            for m in merged:
                if self._compatible(m, e):
                    self._merge_into(m, e, keep_status=True)
                    break
            else:
                merged.append(e)
        return merged

    def _to_record(self, doc: Doc, e: dict, n: int) -> dict:
        def actor(a: dict) -> dict:
            return {
                "name": a["name"],
                "kind": a["kind"],
                "role": a.get("role"),
                "country": a.get("country"),
                "code": a.get("code"),
            }

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


def separated_particle(tok: Token) -> str | None:
    """The particle of a separable verb at the end of the verb's clause ('traf ... ein')."""
    if not tok.text.islower() or tok.i + 1 >= len(tok.doc):
        return None
    doc = tok.doc
    end = sentence_of(tok).end
    j = tok.i + 1
    while j < end and doc[j].text not in CLAUSE_ENDS:
        j += 1
    last = doc[j - 1]
    if j - 1 > tok.i and last.lower_ in SEPARABLE_PARTICLES:
        return last.lower_
    return None


@Language.factory(
    "eventx_events",
    default_config={"rules": None, "cues": None, "types": None},
    assigns=["doc._.events"],
    requires=["doc._.actors", "doc.spans"],
)
def make_event_extractor(
    nlp: Language, name: str, rules: str | None, cues: str | None, types: list[str] | None
) -> EventExtractor:
    """Create the eventx_events component.

    nlp (Language): the pipeline.
    name (str): the component name.
    rules (str | None): path of a trigger file (JSONL) to use instead of the shipped one.
    cues (str | None): path of a modality cue file (JSONL) to use instead of the shipped one.
    types (list[str] | None): event types to keep (None: all).
    RETURNS (EventExtractor): the component.
    """
    return EventExtractor(nlp, name, rules, cues, types)
