"""eventx_actors: persons with role and affiliation, countries and organisations.

Reads the NER persons (PER) and the places of eventx_countries. For each person it
finds a role title ("Präsident", "Außenminister", from ``resources/roles.tsv``) and
a country: an adjective ("der südkoreanische Präsident"), a genitive ("Russlands
Präsident", "Präsident der Ukraine"), a compound ("US-Außenminister"), an
apposition ("Kim, Machthaber Nordkoreas,") or a title that implies one
("Bundeskanzlerin"). Short mentions ("Putin", "Präsident Selenskyj") are linked to
the first full mention of the person in the document.

``doc._.actors`` is a list of dicts:
    {"id": 0, "name": "Yoon Suk-yeol", "kind": "person", "role": "Präsident",
     "country": "KOR", "code": "KORGOV", "wikidata": "Q16090635", "office": "head_of_state",
     "mentions": [[12, 14], ...]}
``mentions`` are token offsets [start, end). Where the text names no country, the office-holder
knowledge base (``eventx.resolution``) gives one for a person in office at the article's date;
``wikidata`` and ``office`` come from it (None when the person is not known there).
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..collectives import affiliations, collective_actors
from ..doc import places
from ..references import resolve_references
from ..resolution import article_dates, resolve
from ..rules import load_roles, write_roles
from . import defaults  # noqa: F401  (registers the default rule loaders)
from .actor_names import HYPHENATED_GIVEN_NAME, PersonNames, known_person, same_person_once
from .actor_roles import RoleAffiliation
from .carry import CarriesRules, RuleFile


@Language.factory(
    "eventx_actors",
    default_config={"roles": {"@misc": "eventx.default_roles.v1"}},
    assigns=["doc._.actors"],
    requires=["doc.ents", "doc.spans"],
)
def make_actor_finder(nlp: Language, name: str, roles: dict[str, tuple[str, str | None]]) -> ActorFinder:
    """Create the eventx_actors component.

    nlp (Language): the pipeline (needs NER with PER, and eventx_countries before it).
    name (str): the component name.
    roles (dict): lowercase title -> (CAMEO role code, implied ISO3 or None) (eventx.default_roles.v1).
    RETURNS (ActorFinder): the component.
    """
    return ActorFinder(nlp, name, roles=roles)


class ActorFinder(CarriesRules, PersonNames, RoleAffiliation):
    rule_files = (RuleFile("roles.tsv", "roles", load_roles, write_roles),)

    def __init__(
        self, nlp: Language, name: str = "eventx_actors", *, roles: dict[str, tuple[str, str | None]] | None = None
    ) -> None:
        self.name = name
        self.roles = {t: tuple(v) for t, v in roles.items()} if roles is not None else load_roles()
        self.set_rules()

    def set_rules(self) -> None:
        # longest titles first so that "Außenminister" wins over "Minister"
        self.titles = sorted(self.roles, key=len, reverse=True)
        self._role_cache: dict[str, tuple[str, str, str | None] | None] = {}

    def _add_mention(self, doc: Doc, actor: dict, span: Span, place_at: dict[int, Span]) -> None:
        actor["mentions"].append([span.start, span.end])
        role, code, country = self.affiliation(doc, span, place_at)
        if role and not actor["role"]:
            actor["role"], actor["_code"] = role, code
        if country and (not actor["country"] or ("|" in actor["country"] and "|" not in country)):
            actor["country"] = country

    def __call__(self, doc: Doc) -> Doc:
        place_at: dict[int, Span] = {}
        for p in places(doc):
            for i in range(p.start, p.end):
                place_at[i] = p
        actors, by_token, taken = self._person_actors(doc, place_at)
        for i, actor in self.surname_mentions(doc, by_token, taken):
            end = i + 1
            while end < len(doc) and end not in taken and HYPHENATED_GIVEN_NAME.match(doc[end].text):
                end += 1
            self._add_mention(doc, actor, doc[i:end], place_at)
            taken.update(range(i, end))
        self._settle_countries(doc, actors, place_at, taken)
        actors = same_person_once(actors)
        used, unnamed = resolve_references(doc, self.role_of_text, actors, place_at, taken)
        used |= affiliations(doc, actors)
        actors.extend(collective_actors(doc, self.role_of_text, len(actors), used, unnamed))
        doc._.actors = actors
        return doc

    def _person_actors(self, doc: Doc, place_at: dict[int, Span]) -> tuple[list[dict], dict[str, dict], set[int]]:
        """(persons, every word of a multi-word name -> the person, the tokens of their mentions)."""
        actors: list[dict] = []
        by_token: dict[str, dict] = {}  # every word of a multi-word name -> the person
        by_name: dict[str, dict] = {}
        taken: set[int] = set()
        for span in self.person_spans(doc, place_at):
            name = span.text
            words = [t.text for t in span]
            actor = known_person(name, words, by_name, by_token)
            if actor is None:
                actor = {
                    "id": len(actors),
                    "name": name,
                    "kind": "person",
                    "role": None,
                    "country": None,
                    "code": None,
                    "mentions": [],
                }
                actors.append(actor)
            self._add_mention(doc, actor, span, place_at)
            taken.update(range(span.start, span.end))
            by_name[name] = actor
            if len(words) > 1:
                for w in (words[-1], *words[:-1]):
                    if len(w) > 2:
                        by_token.setdefault(w, actor)
        return actors, by_token, taken

    def _settle_countries(self, doc: Doc, actors: list[dict], place_at: dict[int, Span], taken: set[int]) -> None:
        """One country per person ("Bundespräsident": the one the article is about), titles the
        article ties to a country, and the actor code (country + role code)."""
        titled = self.titled_countries(doc, place_at, taken)
        prominence = Counter(p._.iso3 for p in places(doc) if p._.iso3)
        when = article_dates(doc._.dct, doc.text)
        context = {p._.iso3 or p._.place_name for p in places(doc)}
        for actor in actors:
            implied = actor.get("country") or ""
            known = None
            if "|" in implied:  # "Bundespräsident": Germany, Austria or Switzerland, whichever the article is about
                options = implied.split("|")
                known = resolve(actor["name"], when, actor["role"])
                if known is None or known.country not in options:
                    known = None
                    actor["country"] = max(options, key=lambda c: (prominence[c], -options.index(c)))
                else:
                    actor["country"] = known.country  # the office holder the reader knows
            if not actor["country"] and actor["role"] and actor["role"].lower() in titled:
                actor["country"] = titled[actor["role"].lower()]  # "US-Außenminister ..." then "Außenminister John Kerry"
            # the text's country wins; else the knowledge base's, for a term covering the article's date
            known = known or resolve(actor["name"], when, actor["role"], actor["country"], context=context)
            actor["wikidata"] = (known.qid or None) if known else None
            actor["office"] = known.office if known else None
            if known is not None and not actor["country"] and known.country and actor.get("_code") != "IGO":
                actor["country"] = known.country
                actor["_code"] = actor.get("_code") or known.code
            role_code = actor["role_code"] = actor.pop("_code", None)
            if actor["country"]:
                actor["code"] = actor["country"] + (role_code or "")
