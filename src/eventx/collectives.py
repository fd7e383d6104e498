"""Countries and organisations that act: names, demonyms and capitals as metonyms ('Berlin',
'der Kreml'), 'die iranische Regierung', office holders without a name ('der österreichische
Außenminister'), organisations under the name the article writes ('Europäische Union',
'SPÖ') with their country when they are national ones (GUIDELINES), organisations named in
a compound ('EU-Staaten', 'G7-Gipfel') and a federation's levels ('Bund und Länder').

Pure functions over a doc that eventx_countries annotated; actors are the dicts of
``doc._.actors`` (see eventx.components.actors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span

from .components.countries import gazetteer, prefix_head
from .doc import places, sentences
from .references import Unnamed
from .rules import word_set, word_table

GOVERNMENT_NOUNS = word_table("government_nouns")  # "die iranische Regierung" -> GOV
GROUP_HEADS = tuple(word_set("group_heads"))
FEDERAL_PARTS = word_set("federal_parts")
FEDERAL_COUNTRIES = ("DEU", "AUT", "CHE")
COUNTRY_ACTOR_KINDS = ("country", "demonym", "capital")
RoleOf = Callable[[str], "tuple[str, str, str | None] | None"]


def collective_actors(
    doc: Doc, role_of: RoleOf, first_id: int, used: set[int] = frozenset(), unnamed: list[Unnamed] = ()
) -> list[dict]:
    """The acting countries and organisations of a doc, numbered from ``first_id``; ``used``:
    tokens that refer to persons, ``unnamed``: office holders without a name."""
    found: dict[tuple[str, str], dict] = {}
    prominence = Counter(p._.iso3 for p in places(doc) if p._.iso3)
    dateline = dateline_tokens(doc)
    for p in places(doc):
        if p.start in dateline or p.start in used:
            continue  # "London – Die britische Sängerin ...": the dateline says where, not who
        acting = acting_as(doc, p, role_of)
        if acting is None:
            continue
        kind, end, code_suffix = acting
        if kind == "org":
            _add_org(found, doc, p, end, prominence)
            continue
        actor = _actor(found, ("country", p._.iso3), base_form(p) if p.label_ == "country" else p._.place_name, p._.iso3)
        if p.label_ == "country" and actor["_first_kind"] != "country":
            actor["name"] = base_form(p)  # a name beats a capital or demonym as the actor's name
        actor["_first_kind"] = actor["_first_kind"] or p.label_
        actor["code"] = actor["code"] or p._.iso3 + code_suffix
        actor["mentions"].append([p.start, end])
    for u in unnamed:
        actor = _actor(found, ("country", u.iso3), country_name(u.iso3), u.iso3)
        if actor["_first_kind"] not in (None, "country"):
            actor["name"] = country_name(u.iso3)  # "Wien ... der österreichische Kanzler": Österreich
        actor["code"] = actor["code"] or u.code
        actor["role"] = actor["role"] or u.title  # an office holder acts: a call needs a person or one
        actor["mentions"].append([u.start, u.end])
    federal_actors(doc, found, prominence)
    out = sorted(found.values(), key=lambda a: min(s for s, _ in a["mentions"]))
    for k, actor in enumerate(out):
        actor.pop("_first_kind", None)
        actor.pop("_canonical", None)
        actor["id"] = first_id + k
    return out


def affiliations(doc: Doc, persons: list[dict]) -> set[int]:
    """Where an organisation names a person's party, not a party to the event: 'Hans Jörg
    Schelling (ÖVP)', 'Joschka Fischer von den Grünen', 'den Grünen Alexander Van der Bellen'
    (the first token of the organisation)."""
    out = set()
    orgs = {p.end: p.start for p in places(doc) if p.label_ == "org"}
    for p in persons:
        for start, end in p["mentions"]:
            if start in orgs:
                out.add(orgs[start])
            if end + 1 < len(doc) and doc[end].text == "(":
                out.add(end + 1)
            elif end + 2 < len(doc) and doc[end].lower_ == "von" and doc[end + 1].lower_ in ("der", "den", "dem"):
                out.add(end + 2)
    return out


def _actor(found: dict, key: tuple[str, str], name: str, country: str | None, kind: str = "country") -> dict:
    actor = found.get(key)
    if actor is None:
        actor = found[key] = {
            "id": -1,
            "name": name,
            "kind": kind,
            "role": None,
            "country": country,
            "code": None,
            "mentions": [],
            "_first_kind": None,
        }
    return actor


def _add_org(found: dict, doc: Doc, p: Span, end: int, prominence: Counter) -> None:
    """An organisation under its name as written; an abbreviation in brackets after the full
    name ('die Europäische Union (EU)') is that one's mention."""
    name = org_name(p)
    if p.start >= 2 and doc[p.start - 1].text == "(":
        before = [a for a in found.values() if a["kind"] == "org" and any(e == p.start - 1 for _, e in a["mentions"])]
        if before and before[0].get("_canonical") == p._.place_name:
            before[0]["mentions"].append([p.start, end])
            return
    country = p._.iso3 or None
    if country and "|" in country:  # "Bundesregierung": of the country the article is about
        options = country.split("|")
        country = max(options, key=lambda c: (prominence[c], -options.index(c)))
    actor = _actor(found, ("org", name), name, country, kind="org")
    actor["_canonical"] = p._.place_name
    actor["mentions"].append([p.start, end])


def acting_as(doc: Doc, p: Span, role_of: RoleOf) -> tuple[str, int, str] | None:
    """(kind, end, role code) when a place acts: a country, demonym or capital (unless a
    title follows: "Nordkoreas Machthaber Kim"), an organisation, an adjective or prefix with
    a government noun ("die iranische Regierung", "US-Regierung") or an organisation's name in
    a compound of a group or a meeting ("EU-Staaten", "G7-Gipfel")."""
    end = p.end
    if p.label_ in COUNTRY_ACTOR_KINDS:
        if end < len(doc) and role_of(doc[end].text):
            return None  # "Nordkoreas Machthaber Kim": the country is the person's affiliation
        return "country", end, ""
    if p.label_ == "org":
        return "org", end, ""
    if p.label_ == "adjective" and end < len(doc):
        noun = doc[end].text.lower()
        if noun in GOVERNMENT_NOUNS:
            return "country", end + 1, GOVERNMENT_NOUNS[noun]
    if p.label_ == "prefix" and len(p) == 1:
        head = prefix_head(p.text, gazetteer()[0])
        tail = p.text[len(head) + 1 :].lower() if head else ""
        if tail in GOVERNMENT_NOUNS and p._.iso3 and "|" not in p._.iso3:
            return "country", end, GOVERNMENT_NOUNS[tail]
        if head and gazetteer()[0][head][1] == "org" and tail.endswith(GROUP_HEADS):
            return "org", end, ""
    return None


def org_name(p: Span) -> str:
    """An organisation's name as written, in the nominative where the gazetteer knows it
    ('der Europäischen Union' -> 'Europäische Union', 'des Bundestages' -> 'Bundestag',
    'G7-Gipfel' -> 'G7')."""
    phrases = gazetteer()[0]
    if p.label_ == "prefix":
        return prefix_head(p.text, phrases) or p._.place_name
    words = p.text.split(" ")
    for variant in _nominatives(words):
        hit = phrases.get(variant)
        if hit is not None and hit[2] == p._.place_name:
            return variant
    return p.text


def _nominatives(words: list[str]) -> list[str]:
    """Candidate nominatives of an inflected name: the first word's adjective ending -en or -e
    -> -er/-es/-e (the strong form first: 'Internationaler Währungsfonds'), the genitive -s/-es
    or -n ('Grünen') of the last word
    dropped; the words as written last."""
    last = words[-1]
    lasts = [last] + [last[: -len(e)] for e in ("es", "s", "n") if last.endswith(e) and len(last) > len(e) + 3]
    heads = [words[:-1]]
    if len(words) > 1 and words[0][:1].isupper() and words[0].endswith(("en", "e")):
        stem = words[0][: -2 if words[0].endswith("en") else -1]
        heads = [[stem + e, *words[1:-1]] for e in ("er", "es", "e")] + heads
    variants = [" ".join([*h, last]) for last in lasts for h in heads]
    return [v for v in variants if v != " ".join(words)] + [" ".join(words)]


def federal_actors(doc: Doc, found: dict, prominence: Counter) -> None:
    """'Bund und Länder', 'Bund, Länder und Gemeinden': the federal state of the article
    (a country) and its parts (organisations of that country)."""
    country = max(FEDERAL_COUNTRIES, key=lambda c: (prominence[c], -FEDERAL_COUNTRIES.index(c)))
    words = [t.text for t in doc]
    for i, w in enumerate(words):
        if w != "Bund":
            continue
        parts = [k for k in range(i + 1, min(len(words), i + 6)) if words[k][:1].isupper() and words[k].lower() in FEDERAL_PARTS]
        if not parts or any(words[k] not in (",", "und", "sowie") for k in range(i + 1, parts[0])):
            continue
        actor = _actor(found, ("federal", country), "Bund", country)
        actor["code"] = actor["code"] or country + "GOV"
        actor["mentions"].append([i, i + 1])
        for k in parts:
            if all(words[j] in (",", "und", "sowie") or j in parts for j in range(parts[0], k)):
                name = words[k][:-1] if words[k].endswith(("ern", "onen")) else words[k]  # "Ländern" -> "Länder"
                part = _actor(found, ("org", name), name, country, kind="org")
                part["mentions"].append([k, k + 1])
    later_parts(doc, found, words)


def later_parts(doc: Doc, found: dict, words: list[str]) -> None:
    """Once 'Bund und Länder' named them, 'die Länder' and 'den Ländern' are the same parts of
    the federation ("Dass die Länder ... eine 15a-Vereinbarung beschließen wollen")."""
    for k, w in enumerate(words):
        if k == 0 or not w[:1].isupper() or w.lower() not in FEDERAL_PARTS or words[k - 1].lower() not in ("die", "den", "der"):
            continue
        name = w[:-1] if w.endswith(("ern", "onen")) else w
        part = found.get(("org", name))
        if part is not None and part["mentions"] and min(s for s, _ in part["mentions"]) < k:
            if [k, k + 1] not in part["mentions"]:
                part["mentions"].append([k, k + 1])


def country_name(iso3: str) -> str:
    from .components.countries import cldr_names

    return cldr_names().get(iso3, iso3)


def dateline_tokens(doc: Doc) -> set[int]:
    """Words of datelines ('Seoul/Kiew –', 'London (dpa) –') at the start of the text or of
    any sentence (news texts put a title and a lead before the dateline of the body)."""
    out: set[int] = set()
    for sent in sentences(doc):
        for tok in sent[:8]:
            if tok.text in ("–", "—", "-") and tok.i > sent.start:
                if all(t.text[:1].isupper() or t.text in "/()," or t.is_punct for t in doc[sent.start : tok.i]):
                    out.update(range(sent.start, tok.i))
                break
    return out


def base_form(span: Span) -> str:
    """'Russlands' -> 'Russland' (genitive of a name), other forms as written."""
    text = span.text
    if span.label_ == "country" and text.endswith("s") and span._.place_name and not span._.place_name.endswith("s"):
        return span._.place_name
    return text
