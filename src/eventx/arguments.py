"""The arguments of an event mention: participants, visitors and hosts, destination, place,
date and status (pure functions over the doc that eventx_actors, eventx_countries and
eventx_dates annotated).

Actors are the dicts of ``doc._.actors`` (see eventx.components.actors); their
``mentions`` are token ranges [start, end).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .clauses import assign_dates, clause_ids
from .compounds import compound_parties
from .doc import dates, places, sentence_of, token_texts
from .rules import word_set, word_table
from .scope import status_at
from .summits import names_group

if TYPE_CHECKING:
    from .triggers import Mention

LOCATION_PREPS = word_set("location_preps")
DESTINATION_PREPS = word_set("destination_preps")
GENITIVE_LINKS = word_set("genitive_links")
PAST_MARKERS = word_set("past_auxiliaries") | word_set("perfect_auxiliaries")
STRONG_PAST = word_set("strong_past_forms")
ONGOING = word_set("ongoing_adverbs")
PAST_OR_ONGOING = PAST_MARKERS | STRONG_PAST | ONGOING
PRONOUNS = word_set("pronouns")
PLURAL_PRONOUNS = word_set("plural_pronouns")
POSSESSIVES = word_set("possessives")
CLAUSE_ENDS = word_set("clause_ends")
PAIR_WORDS = word_set("pair_words")
COLLECTIVE_NOUNS = word_set("collective_nouns")
DEMONSTRATIVES = word_set("demonstratives")
ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
GOVERNMENT_NOUNS = frozenset(word_table("government_nouns"))
EMBEDDING_WORDS = word_set("embedding_prepositions")
CREDIT_WORDS = word_set("credit_words")
ARTICLE_LIKE = word_set("anaphoric_determiners") | {"einem", "einer", "eines", "dem", "den"}

Actor = dict
Parties = tuple[list[Actor], list[Actor]]  # (actors or visitors, hosts)


# -- places ------------------------------------------------------------------------------
def destination(doc: Doc, sent: Span, trigger: Token) -> Span | None:
    """Where a visit goes: a place after nach/in, or the object of 'besuchen'."""
    best = None
    for p in places(doc):
        if not (sent.start <= p.start < sent.end) or p.label_ not in ("country", "capital"):
            continue
        prev = doc[p.start - 1].lower_ if p.start > sent.start else ""
        is_object = p.start > trigger.i and prev not in LOCATION_PREPS and trigger.lemma_.lower() in ("besuchen", "bereisen")
        if prev in DESTINATION_PREPS or is_object:
            if best is None or _distance(p, trigger) < _distance(best, trigger):
                best = p
    if best is None:
        for ent in doc.ents:
            if (
                ent.label_ == "LOC"
                and sent.start <= ent.start < sent.end
                and ent.start > 0
                and doc[ent.start - 1].lower_ in DESTINATION_PREPS
            ):
                if best is None or _distance(ent, trigger) < _distance(best, trigger):
                    best = ent
    return best


def _distance(span: Span, trigger: Token) -> int:
    """Words between a trigger and a place; places after the trigger come first."""
    if span.start > trigger.i:
        return span.start - trigger.i
    return 100 + trigger.i - span.end


def place_in(doc: Doc, sent: Span) -> Span | None:
    """Where talks take place: a capital after 'in'/'im' (not 'die Regierung in Kiew': the
    government that acts)."""
    for p in places(doc):
        if (
            sent.start <= p.start < sent.end
            and p.label_ == "capital"
            and p.start > sent.start + 1
            and _after_in(doc, p.start)
            and doc[p.start - 2].lower_ not in GOVERNMENT_NOUNS
        ):
            return p
    return None


# -- participants ------------------------------------------------------------------------
def participants(doc: Doc, sent: Span, m: Mention, location: Span | None, owned_elsewhere: set[int] = frozenset()) -> Parties:
    """Actors and hosts of a mention. owned_elsewhere: words attached to another trigger."""
    persons, collectives, fallback = sentence_actors(doc, sent, location, owned_elsewhere)
    named = between_named(doc, sent, m.trigger, persons + collectives + fallback)
    if len(named) >= 2:
        return named, []
    if m.type == "visit":
        return visit_roles(doc, m, persons, collectives, location)
    parts = talk_parties(doc, sent, m, persons, collectives, fallback)
    if m.rule.get("match") == "suffix":  # "EU-China-Gipfel", "G20-Außenministertreffen"
        parts.extend(a for a in compound_parties(doc, m.trigger, m.rule["value"]) if a not in parts)
    return parts, []


def sentence_actors(doc: Doc, sent: Span, location: Span | None, owned_elsewhere: set[int]) -> tuple[list, list, list]:
    """(persons, collectives, fallback) named in the sentence, outside source attributions,
    other triggers' words and the location; countries after a preposition ('in der Ukraine')
    are places first and participants only as a fallback."""
    source_tokens = source_attribution(sent)
    persons: list[Actor] = []
    collectives: list[Actor] = []
    fallback: list[Actor] = []
    for a in doc._.actors or []:
        for start, end in a["mentions"]:
            if not (sent.start <= start < sent.end) or start in source_tokens or start in owned_elsewhere:
                continue
            if location is not None and location.start <= start < location.end:
                continue
            if a["kind"] == "person":
                if a not in persons:
                    persons.append(a)
                continue
            before = {doc[k].lower_ for k in range(max(sent.start, start - 2), start)}
            in_compound = a["kind"] == "org" and end == start + 1 and doc[start].text != a["name"]  # "vom UN-Gipfel"
            target = fallback if before & LOCATION_PREPS and not in_compound else collectives  # "in der Ukraine" is a place
            if a not in target:
                target.append(a)
    return persons, collectives, fallback


def between_named(doc: Doc, sent: Span, trigger: Token, candidates: list[Actor]) -> list[Actor]:
    """The candidates named in 'zwischen X und Y' after the trigger."""
    between = between_phrase(doc, sent, trigger)
    if between is None:
        return []
    lo, hi = between
    return [a for a in candidates if any(lo <= s < hi for s, _ in a["mentions"])]


def talk_parties(doc: Doc, sent: Span, m: Mention, persons: list, collectives: list, fallback: list) -> list[Actor]:
    """Who takes part in a call, meeting or treaty: the persons, those the sentence refers
    back to, then countries and organisations that are not represented yet."""
    parts = list(persons)
    minimum = 2
    subject_pronoun = sent[0].lower_ in PLURAL_PRONOUNS | {"er"}
    if len(parts) < minimum or subject_pronoun:  # "Sie wollen sich mit X treffen": they take part too
        group = referred_persons(doc, sent, persons)
        parts.extend(a for a in group if a not in parts)
    if len(parts) == 1 and with_phrase(doc, parts[0], m):
        earlier = persons_before(doc, sent.start, parts)
        if earlier:  # "Ein Treffen mit Orbán wurde abgesagt": with the one the article is about
            parts.append(max(earlier, key=lambda a: sum(1 for s, _ in a["mentions"] if s < sent.start)))
    add_collectives(parts, collectives, minimum)
    if len({_key(p) for p in parts}) < 2 and not names_group(m.trigger, parts):  # "beim EU-Gipfel in Malta"
        for c in fallback:
            if c["kind"] == "country" and c["country"] not in {p.get("country") for p in parts}:
                parts.append(c)
    if parts and all(p in fallback for p in parts):
        return []  # "Verhandlungen in Kuba": a place, no party
    return parts


def add_collectives(parts: list[Actor], collectives: list[Actor], minimum: int) -> None:
    """Countries and organisations join unless persons already stand for them."""
    covered = {p["country"] for p in parts if p.get("country")}
    for c in collectives:
        if len(parts) >= minimum and c["kind"] == "country" and c["country"] in covered:
            continue
        if len([a for a in parts if a["kind"] == "person"]) >= 2 and c["kind"] == "country":
            continue
        parts.append(c)


def visit_roles(doc: Doc, m: Mention, persons: list, collectives: list, location: Span | None) -> Parties:
    """(visitors, hosts) of a visit: the host is who receives ('empfangen') or a person of the
    destination country; a possessive ('sein Antrittsbesuch') names a visitor from before."""
    dest = location._.iso3 if location is not None and location.has_extension("iso3") and location._.iso3 else None
    owner = possessive_owner(doc, m, persons)
    if owner is not None:
        return [owner], [p for p in persons if p is not owner]
    visitors, hosts = split_hosts(doc, m, persons, dest)
    if not visitors:
        visitors.extend(p for p in referred_persons(doc, m.sent, persons) if p not in hosts)
    if not visitors:
        visitors = [c for c in collectives if c["kind"] in ("country", "org") and c.get("country") != dest][:2]
    return visitors, hosts


def possessive_owner(doc: Doc, m: Mention, persons: list[Actor]) -> Actor | None:
    """'sein Antrittsbesuch': the visitor is the last person named before (preferably one
    not named in the sentence)."""
    before = [t.lower_ for t in doc[max(m.sent.start, m.trigger.i - 2) : m.trigger.i]]
    if not any(w in POSSESSIVES for w in before):
        return None
    owner = persons_before(doc, m.trigger.i, [])
    owner = [p for p in owner if p not in persons] or owner
    return owner[0] if owner else None


def split_hosts(doc: Doc, m: Mention, persons: list[Actor], dest: str | None) -> Parties:
    """(visitors, hosts) among the persons of the sentence."""
    visitors: list[Actor] = []
    hosts: list[Actor] = []
    host_side = bool(m.rule.get("host_side"))
    receiving = receiver(doc, m, persons) if host_side and persons else None
    for p in persons:
        if host_side:
            (hosts if p is receiving else visitors).append(p)
        elif dest and p.get("country") == dest and len(persons) > 1:
            hosts.append(p)
        else:
            visitors.append(p)
    return visitors, hosts


def receiver(doc: Doc, m: Mention, persons: list[Actor]) -> Actor | None:
    """Who receives in 'empfangen': the agent of a passive ('von X empfangen'), the antecedent
    of a relative clause ('Gauck, der ihn empfing'), else the first person named (the
    subject of 'Scholz wird Macron empfangen')."""
    for p in persons:
        for start, _ in p["mentions"]:
            if m.sent.start < start < m.trigger.i and doc[start - 1].lower_ in ("von", "vom"):
                return p
    nearest = _nearest_before(persons, m.trigger.i)
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


def _nearest_before(persons: list[Actor], position: int) -> Actor | None:
    best, best_start = None, -1
    for p in persons:
        for start, _ in p["mentions"]:
            if best_start < start < position:
                best, best_start = p, start
    return best


def _key(a: Actor) -> str:
    return a.get("country") or a["name"]


def political(parties: list[Actor]) -> bool:
    """Events need a state or international actor: a country, an organisation, or a person
    with a political role or a country."""
    return any(a["kind"] in ("country", "org") or a.get("country") or a.get("role") for a in parties)


# -- phrases around the trigger -----------------------------------------------------------
def owned_tokens(doc: Doc, sent: Span, mentions: list[Mention]) -> dict[int, set[int]]:
    """Words attached to a trigger noun by a genitive or 'von' ('der Besuch von Minister
    Choe', 'ein Besuch des Machthabers Kim'): they belong to that trigger only (by id of the mention)."""
    owned: dict[int, set[int]] = {}
    if len(mentions) < 2:
        return owned
    for m in mentions:
        t = m.trigger
        if not t.text[:1].isupper() or t.i + 1 >= sent.end or doc[t.i + 1].lower_ not in ("von", "des", "der", "vom"):
            continue
        owned[id(m)] = set(range(t.i + 1, min(sent.end, t.i + 6)))
    return owned


def with_phrase(doc: Doc, actor: Actor, m: Mention) -> bool:
    """The actor follows 'mit' right after the trigger ('Treffen mit dem Regierungschef X')."""
    for start, _ in actor["mentions"]:
        if m.trigger.i < start <= m.trigger.i + 6 and any(doc[k].lower_ == "mit" for k in range(m.trigger.i + 1, start)):
            return True
    return False


def between_phrase(doc: Doc, sent: Span, trigger: Token) -> tuple[int, int] | None:
    """Token range of 'zwischen X und Y' right after a trigger, up to the clause end."""
    j = trigger.i + 1
    if j < sent.end and doc[j].lower_ in ("der", "des"):
        j += 2
    if j >= sent.end or doc[j].lower_ != "zwischen":
        return None
    k = j + 1
    while k < sent.end and (doc[k].text not in CLAUSE_ENDS or _next_conjunct(doc, k + 1, sent.end)):
        k += 1
    return j + 1, k


def _after_in(doc: Doc, start: int) -> bool:
    """'in Genf', 'im maltesischen Valletta'."""
    k = start - 1
    if k > 0 and doc[k].text[:1].islower() and doc[k - 1].lower_ in ("im", "in"):
        k -= 1  # an adjective between
    return doc[k].lower_ in ("in", "im")


def _next_conjunct(doc: Doc, k: int, end: int) -> bool:
    """After a comma inside 'zwischen A, B und C': another party follows (a name, or an
    article before a name), not a new clause ('..., die am Montag begannen')."""
    if doc[k - 1].text != "," or k >= end:
        return False
    if doc[k].lower_ in ARTICLES:
        k += 1
    return k < end and doc[k].text[:1].isupper()


def source_attribution(sent: Span) -> set[int]:
    """Tokens of a source attribution: 'Nach Angaben des Präsidialamts', 'laut Kreml',
    'Informationen der Botschaft zufolge', photo credits '(Foto: Yonhap)'. Their actors are
    sources, not participants."""
    out: set[int] = set()
    toks = list(sent)
    for k, t in enumerate(toks):
        lower = t.lower_
        if lower in CREDIT_WORDS and k + 1 < len(toks) and toks[k + 1].text == ":":
            j = k + 2
            while j < len(toks) and toks[j].text not in (")", "]") and j - k <= 6:
                out.add(toks[j].i)
                j += 1
        elif lower in ("angaben", "laut", "informationen"):
            if lower != "laut" and (k + 1 >= len(toks) or toks[k + 1].lower_ not in GENITIVE_LINKS):
                continue
            out.update(_source_after(toks, k))
        elif lower == "zufolge":
            j = k - 1
            while j >= 0 and not toks[j].is_punct and k - j <= 7:
                out.add(toks[j].i)
                j -= 1
    return out


def _source_after(toks: list[Token], k: int) -> list[int]:
    """The words after a source noun, up to the end of the name ('laut Kreml-Sprecher Peskow')."""
    out = []
    seen_name = False
    j = k + 1
    while j < len(toks) and not toks[j].is_punct and j - k <= 6:
        word = toks[j]
        if seen_name and word.text[:1].islower():
            break
        seen_name = seen_name or word.text[:1].isupper()
        out.append(word.i)
        j += 1
    return out


# -- persons named before ----------------------------------------------------------------
def referred_persons(doc: Doc, sent: Span, present: list[Actor]) -> list[Actor]:
    """The group the sentence refers back to, else the person a pronoun refers to."""
    return referred_group(doc, sent, present) or [p for p in [previous_person(doc, sent, present)] if p]


def previous_person(doc: Doc, sent: Span, present: list[Actor]) -> Actor | None:
    """'Er telefonierte mit Putin', 'nach seinen Gesprächen': the pronoun refers to the
    last person named before the sentence."""
    if not any(t.lower_ in PRONOUNS for t in sent):
        return None
    earlier = persons_before(doc, sent.start, present)
    return earlier[0] if earlier else None


def referred_group(doc: Doc, sent: Span, present: list[Actor]) -> list[Actor]:
    """'Sie wollen sich ... treffen' (the persons of the sentence before) and
    'die beiden Bundeskanzler' (the last two persons named)."""
    words = [t.lower_ for t in sent]
    named = named_group(doc, sent, words)
    if named:
        return named
    for k, w in enumerate(words[:-1]):
        if w in PAIR_WORDS:
            if words[k + 1] in COLLECTIVE_NOUNS:  # "beider Länder", "beide Seiten": countries
                return actors_before(doc, sent.end, "country")[:2]
            return persons_before(doc, sent.start, present)[:2]
    if sent[0].lower_ in PLURAL_PRONOUNS or (len(sent) > 1 and sent[1].lower_ in PLURAL_PRONOUNS and sent[0].pos_ != "ADP"):
        prev = sentence_of(doc[sent.start - 1]) if sent.start > 0 else None
        if prev is not None:
            starts = {
                s for a in (doc._.actors or []) if a["kind"] == "person" for s, _ in a["mentions"] if prev.start <= s < prev.end
            }
            group = [a for a in persons_before(doc, sent.start, present) if any(s in starts for s, _ in a["mentions"])]
            return group[:3]
    return []


def named_group(doc: Doc, sent: Span, words: list[str]) -> list[Actor]:
    """Countries the sentence refers to: 'Staatschefs dieser Länder' (the countries of the
    nearest of the three sentences before that names two or more, else of those of the two
    after that do)."""
    if not any(w in COLLECTIVE_NOUNS and k > 0 and words[k - 1] in DEMONSTRATIVES for k, w in enumerate(words)):
        return []
    countries = [a for a in doc._.actors or [] if a["kind"] == "country"]

    def listed(other: Span) -> list[Actor]:
        found = [a for a in countries if any(other.start <= s < other.end for s, _ in a["mentions"])]
        return sorted(found, key=lambda a: min(s for s, _ in a["mentions"] if s >= other.start)) if len(found) >= 2 else []

    prev = sent
    for _ in range(3):
        if prev.start > 0:
            prev = sentence_of(doc[prev.start - 1])
            if listed(prev):
                return listed(prev)
    out: list[Actor] = []
    nxt = sent
    for _ in range(2):  # "Staatschefs dieser Länder unterschrieben ... Es sind A, B und C. Die Staatschefs von D und E ..."
        if nxt.end >= len(doc):
            break
        nxt = sentence_of(doc[nxt.end])
        more = listed(nxt)
        if out and not more:
            break
        out.extend(a for a in more if a not in out)
    return out


def actors_before(doc: Doc, position: int, kind: str, exclude: list[Actor] = ()) -> list[Actor]:
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


def persons_before(doc: Doc, position: int, present: list[Actor]) -> list[Actor]:
    return actors_before(doc, position, "person", present)


# -- date and status ---------------------------------------------------------------------
def date_for(doc: Doc, sent: Span, m: Mention, mentions: list[Mention] | None = None) -> Span | None:
    """The date of the mention's own clause, else a date of the sentence that no other
    mention's clause holds (eventx.clauses); a trigger noun inside a prepositional or
    phrase of time ("vor Beginn des Gipfels", "nach dem Treffen") takes only a date right
    after it: the clause's date belongs to the clause's verb, and names a time before or
    after the event ("Einen Tag vor Beginn des Gipfels hat der Rat am Dienstag beschlossen")."""
    spans = [d for d in dates(doc) if sent.start <= d.start < sent.end]
    if not spans:
        return None
    words = token_texts(doc)[sent.start : sent.end]
    triggers = sorted({x.trigger.i - sent.start for x in (mentions or [m])} | {m.trigger.i - sent.start})
    verbs = frozenset(t for t in triggers if words[t].islower())
    ranges = [(d.start - sent.start, d.end - sent.start) for d in spans]
    choice = assign_dates(triggers, ranges, clause_ids(words, verbs)).get(m.trigger.i - sent.start)
    if choice is None:
        return None
    date = spans[choice]
    if embedded_noun(words, m.trigger.i - sent.start) and not 0 < date.start - m.trigger.i <= 4:
        return None
    return date


def embedded_noun(words: list[str], i: int) -> bool:
    """A trigger noun in a phrase of time before or after it: "vor dem Gipfel", "nach seinem
    Besuch", "vor Beginn des Gipfels" (up to three words back, within the noun phrase)."""
    if not words[i][:1].isupper():
        return False
    for w in reversed(words[max(0, i - 4) : i]):
        if w.lower() in EMBEDDING_WORDS:
            return True
        if w in CLAUSE_ENDS or (w.islower() and w not in ARTICLE_LIKE):
            return False
    return False


def mention_status(doc: Doc, m: Mention, date: Span | None, cues: list[dict]) -> tuple[str, bool]:
    """(status, whether a cue or the date decided it rather than the default): the ConText
    cues of the anchor's clause; an asserted event dated on or after the DCT without a past
    tense near its trigger is planned."""
    sent = m.sent
    words = [t.text for t in sent]
    status, found = status_at(words, m.anchor.i - sent.start, cues)
    if status == "asserted" and doc._.dct and date is not None and date._.timex and date._.timex.get("value"):
        value = date._.timex["value"]
        if len(value) >= 10 and value[:10] >= doc._.dct and value[:4].isdigit():
            lo = max(sent.start, m.anchor.i - 8)
            near = doc[lo : m.anchor.i + 8]
            if not any(t.lower_ in PAST_OR_ONGOING or t.tag_ == "VVPP" for t in near) and not past_verb(
                m.anchor
            ):
                return "planned", True
    return status, bool(found)


def past_verb(tok: Token) -> bool:
    text = tok.lower_
    return text.endswith(("te", "ten", "ete", "eten")) or text in STRONG_PAST or "Tense=Past" in str(tok.morph)


def recipients_after(doc: Doc, sent: Span, m: Mention, actors: list[Actor], words: set[str]) -> Parties:
    """(actors, recipients) for rules with ``recipients_after``: the participants named in the sentence
    only after one of ``words`` that follows the trigger ('Sanktionen gegen Russland') receive the act."""
    cut = next((k for k in range(m.trigger.i + 1, sent.end) if doc[k].lower_ in words), None)
    if cut is None:
        return actors, []

    def here(a: Actor) -> list[int]:
        return [s for s, _ in a["mentions"] if sent.start <= s < sent.end]

    recipients = [a for a in actors if here(a) and min(here(a)) > cut]
    return [a for a in actors if a not in recipients], recipients
