"""Who takes part in an event mention: participants of calls, meetings and treaties, visitors
and hosts of a visit, recipients of user-rule acts ('Sanktionen gegen Russland'), and whether
the parties are political (pure functions over the doc that eventx_actors and eventx_countries
annotated).

Actors are the dicts of ``doc._.actors`` (see eventx.components.actors); their
``mentions`` are token ranges [start, end).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .antecedents import PLURAL_PRONOUNS, persons_before, referred_persons
from .compounds import compound_parties
from .doc import places
from .event_places import LOCATION_PREPS
from .rules import word_set
from .summits import names_group
from .trigger_phrases import between_phrase, partner_phrase, source_attribution, state_actors_in, with_phrase

if TYPE_CHECKING:
    from .triggers import Mention

POSSESSIVES = word_set("possessives")
VISITOR_LINKS = word_set("visitor_links")
CLAUSE_ENDS = word_set("clause_ends")

Actor = dict  # one of doc._.actors
Parties = tuple[list[Actor], list[Actor]]  # (actors or visitors, hosts)


def participants(doc: Doc, sent: Span, m: Mention, location: Span | None, owned_elsewhere: set[int] = frozenset()) -> Parties:
    """Actors and hosts of a mention. owned_elsewhere: words attached to another trigger."""
    persons, collectives, fallback = sentence_actors(doc, sent, location, owned_elsewhere)
    named = between_named(doc, sent, m.trigger, persons + collectives + fallback)
    if len(named) >= 2:
        return named, []
    if m.type == "visit":
        return visit_roles(doc, m, persons, collectives, location)
    if m.rule.get("object_noun"):  # a treaty noun alone: the parties it names itself ("das Abkommen mit der Türkei")
        own = [a for a in compound_parties(doc, m.trigger, m.rule["value"]) if a["kind"] != "person"]
        own += [a for a in state_actors_in(doc, partner_phrase(doc, sent, m.trigger)) if a not in own]
        if own:
            return own, []
    agents = agent_phrase(doc, sent, m, fallback)  # "die Zustimmung von Bundestag und Bundesrat"
    collectives = collectives + agents
    fallback = [a for a in fallback if a not in agents]
    parts = talk_parties(doc, sent, m, persons, collectives, fallback)
    if m.rule.get("match") == "suffix":  # "EU-China-Gipfel", "G20-Außenministertreffen"
        parts.extend(a for a in compound_parties(doc, m.trigger, m.rule["value"]) if a not in parts)
    return parts, []


def agent_phrase(doc: Doc, sent: Span, m: Mention, fallback: list[Actor]) -> list[Actor]:
    """Countries and organisations of 'von X (und Y)' right after a trigger noun ('die
    Zustimmung von Bundestag und Bundesrat'): the act's agents, though 'von' stands before
    places too; a capital stays a place ('das Abkommen von Paris')."""
    t = m.trigger
    if not t.text[:1].isupper() or t.i + 1 >= sent.end or doc[t.i + 1].lower_ not in ("von", "vom"):
        return []
    hi = t.i + 2
    while hi < sent.end and hi - t.i <= 7 and doc[hi].text not in CLAUSE_ENDS:
        hi += 1
    capitals = {p.start for p in places(doc) if p.label_ == "capital"}
    return [
        a
        for a in fallback
        if any(t.i + 2 <= s < hi and s not in capitals for s, _ in a["mentions"])
    ]


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
    named = genitive_visitor(doc, m, persons)
    if named is not None:  # "während des Besuchs des japanischen Premiers Abe ...": Abe alone travels
        return [named], [p for p in persons if p is not named and _after_bei(doc, p, m)]
    visitors, hosts = split_hosts(doc, m, persons, dest)
    if not visitors:
        visitors.extend(p for p in referred_persons(doc, m.sent, persons) if p not in hosts)
    if not visitors:
        visitors = [c for c in collectives if c["kind"] in ("country", "org") and c.get("country") != dest][:2]
    return visitors, hosts


def genitive_visitor(doc: Doc, m: Mention, persons: list[Actor]) -> Actor | None:
    """The person a visit noun names in its genitive or 'von' phrase: 'der Besuch Nowaks',
    'des Besuchs des japanischen Ministerpräsidenten Shinzō Abe', 'die Reise von Minister X'."""
    t = m.trigger
    if not t.text[:1].isupper() or t.i + 1 >= m.sent.end:
        return None
    nxt = doc[t.i + 1]
    for p in persons:
        for start, end in p["mentions"]:
            if start == t.i + 1 and doc[end - 1].text.endswith("s"):
                return p  # "der Besuch Nowaks"
            if nxt.lower_ in VISITOR_LINKS and t.i + 2 <= start <= t.i + 5:
                if not any(doc[k].is_punct or doc[k].lower_ == "und" for k in range(t.i + 2, start)):
                    return p
    return None


def _after_bei(doc: Doc, person: Actor, m: Mention) -> bool:
    """'der Besuch des Präsidenten X bei Kanzlerin Y': Y receives."""
    return any(
        m.trigger.i < s < m.sent.end and any(doc[k].lower_ in ("bei", "beim") for k in range(max(m.trigger.i, s - 3), s))
        for s, _ in person["mentions"]
    )


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
