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

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..collectives import affiliations, collective_actors
from ..doc import places, sentence_of, token_texts
from ..references import resolve_references
from ..resolution import article_dates, resolve
from ..rules import load_roles, word_set, word_tuple, write_roles
from . import defaults  # noqa: F401  (registers the default rule loaders)
from .carry import CarriesRules, RuleFile

WINDOW = 6
ARTICLES = word_set("articles")
NOT_NAMES = word_set("not_names")
NOUN_ENDINGS = word_tuple("compound_noun_endings")
Affiliation = tuple[str | None, str | None, str | None]  # (role, role code, country)
HYPHENATED_GIVEN_NAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+-[a-zäöüß]+$")


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


class ActorFinder(CarriesRules):
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

    # -- roles ---------------------------------------------------------------------------
    def role_of(self, token: Token) -> tuple[str, str, str | None] | None:
        """(title as written, code, implied country) when the token is a role title."""
        return self.role_of_text(token.text)

    def role_of_text(self, text: str) -> tuple[str, str, str | None] | None:
        if not text[:1].isupper():
            return None
        if text not in self._role_cache:
            self._role_cache[text] = self._role_of_text(text)
        return self._role_cache[text]

    def _role_of_text(self, text: str) -> tuple[str, str, str | None] | None:
        word = text.split("-")[-1]
        for lower in inflection_candidates(word.lower()):
            for title in self.titles:
                if lower == title or (
                    lower.endswith(title) and len(lower) - len(title) >= 3 and title not in ("chef", "chefin", "premier")
                ):
                    code, implied = self.roles[title]
                    return word[: len(lower)] if len(lower) < len(word) else word, code, implied
        return None

    # -- persons -------------------------------------------------------------------------
    def person_spans(self, doc: Doc, place_at: dict[int, Span]) -> list[Span]:
        """PER entities without titles, trailing words that are no name, and places."""
        out = []
        for ent in self.candidate_names(doc, place_at):
            start, end = ent.start, ent.end
            while start < end and (self.role_of(doc[start]) or doc[start].is_punct):
                start += 1
            for k in range(start, end):  # "Yoon Suk-yeol (links)": the name ends at the bracket
                if doc[k].text in ("(", ",", "/"):
                    end = k
                    break
            while end > start and (
                doc[end - 1].is_punct
                or not doc[end - 1].text[:1].isupper()
                or end - 1 in place_at
                or is_compound_noun(doc[end - 1].text)
            ):
                end -= 1
            if start >= end or any(t.like_num for t in doc[start:end]):
                continue
            # "Kim Jong-un", "Yoon Suk-yeol": NER often stops before the hyphenated given name
            while end == ent.end and end < len(doc) and HYPHENATED_GIVEN_NAME.match(doc[end].text):
                end += 1
            if end - start == 1 and self._surname_follows(doc, end, place_at):
                end += 1  # "Antony Blinken reiste ab" with only "Antony" tagged
            out.append(doc[start:end])
        return out

    def candidate_names(self, doc: Doc, place_at: dict[int, Span]) -> list[Span]:
        """PER entities, plus names right after a role title that NER missed or mislabelled
        ('Präsident Lech Kaczyński' tagged LOC)."""
        spans = [e for e in doc.ents if e.label_ == "PER"]
        covered = {i for e in spans for i in range(e.start, e.end)}
        ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
        for i, text in enumerate(token_texts(doc)):
            if i + 1 >= len(doc) or not self.role_of_text(text) or i + 1 in covered:
                continue
            start = i + 1
            end = self._name_after_title(doc, start, ent_at, place_at)
            if end > start and not any(i in covered for i in range(start, end)):
                spans.append(Span(doc, start, end, label="PER"))
                covered.update(range(start, end))
        return sorted(spans, key=lambda s: s.start)

    def _name_after_title(self, doc: Doc, start: int, ent_at: dict[int, Span], place_at: dict[int, Span]) -> int:
        """End of the name after a title: the entity that starts there (unless it holds a
        place), else up to three capitalised words that are no place, title or entity."""
        ent = ent_at.get(start)
        if ent is not None and ent.start == start and not any(i in place_at for i in range(ent.start, ent.end)):
            return ent.end
        end = start
        while (
            end < len(doc)
            and end - start < 3
            and doc[end].text[:1].isupper()
            and (doc[end].is_alpha or "-" in doc[end].text)
            and end not in place_at
            and not self.role_of(doc[end])
            and end not in ent_at
        ):
            end += 1
        return end

    def titled_countries(self, doc: Doc, place_at: dict[int, Span], taken: set[int]) -> dict[str, str]:
        """Role titles that the article ties to exactly one country without naming the person
        ('US-Außenminister versucht ...'): title -> ISO3."""
        seen: dict[str, set[str]] = {}
        for i, text in enumerate(token_texts(doc)):
            r = self.role_of_text(text)
            if not r or i + 1 in taken:
                continue
            place = place_at.get(i) or (place_at.get(i - 1) if i > 0 else None)
            if place is not None and place._.iso3 and place.label_ in ("prefix", "adjective", "country"):
                seen.setdefault(r[0].lower(), set()).add(place._.iso3)
        return {title: next(iter(c)) for title, c in seen.items() if len(c) == 1}

    def _surname_follows(self, doc: Doc, i: int, place_at: dict[int, Span]) -> bool:
        """A lone first name followed by one more capitalised word that ends the name group."""
        if i >= len(doc) or i + 1 >= len(doc):
            return False
        tok, after = doc[i], doc[i + 1]
        return (
            tok.is_alpha
            and tok.text[:1].isupper()
            and not tok.is_sent_start
            and i not in place_at
            and not self.role_of(tok)
            and tok.lemma_ == tok.text
            and tok.lower_ not in NOT_NAMES
            and (after.is_punct or after.text[:1].islower())
        )

    def surname_mentions(self, doc: Doc, known: dict[str, dict], taken: set[int]) -> list[tuple[int, dict]]:
        """Later mentions of a known person's name that NER labelled otherwise or missed."""
        out = []
        for i, text in enumerate(token_texts(doc)):
            if i in taken or not text[:1].isupper():
                continue
            word = text[:-1] if text.endswith("s") and text[:-1] in known else text
            actor = known.get(word)
            if actor is not None:
                out.append((i, actor))
        return out

    def affiliation(self, doc: Doc, span: Span, place_at: dict[int, Span]) -> tuple[str | None, str | None, str | None]:
        """(role, code, country) from the words around a person mention."""
        sent = sentence_of(span)
        role, code, country = self._left_affiliation(doc, span, place_at, sent.start)
        return self._right_affiliation(doc, span, place_at, sent.end, (role, code, country))

    def _left_affiliation(self, doc: Doc, span: Span, place_at: dict[int, Span], sent_start: int) -> Affiliation:
        """The words before a name: "der südkoreanische Präsident", "Russlands Präsident", "US-Präsident"."""
        role = code = country = None
        i = span.start - 1
        while i >= sent_start and span.start - 1 - i < WINDOW:
            tok = doc[i]
            if tok.is_punct and tok.text not in ("-",):
                break
            r = self.role_of(tok)
            if r and role is None:
                role, code, implied = r
                country = country or implied
            place = place_at.get(i)
            if place is not None and place.label_ == "prefix" and r is None:
                place = None  # "China-Besuch Gaucks" is no affiliation; "US-Präsident Biden" is
            if self._ties_country(doc, i, span, place):
                country = place._.iso3 if country in (None, self._implied_only(role)) else country
            if r is None and place is None and tok.lower_ not in ARTICLES and not tok.text.startswith("-"):
                break  # "Nach russischen Angaben könnte Kim": only articles, places and titles lead to a name
            i -= 1
        return role, code, country

    def _ties_country(self, doc: Doc, i: int, span: Span, place: Span | None) -> bool:
        """A place before a name gives its country: an adjective or prefix, a genitive
        ("Russlands"), or a country name right before a title."""
        if place is None or not place._.iso3 or place.label_ not in ("adjective", "prefix", "country"):
            return False
        return place.label_ != "country" or place.text.endswith("s") or (i + 1 < span.start and bool(self.role_of(doc[i + 1])))

    def _right_affiliation(
        self, doc: Doc, span: Span, place_at: dict[int, Span], sent_end: int, found: Affiliation
    ) -> Affiliation:
        """An apposition after the name: ", Präsident der Ukraine," / "(Russland)"."""
        role, code, country = found
        j = span.end
        if j >= sent_end or doc[j].text not in (",", "("):
            return role, code, country
        k = j + 1
        while k < sent_end and k - (j + 1) < WINDOW and doc[k].text not in (",", ")", ".", ";"):
            r = self.role_of(doc[k])
            if r and role is None:
                role, code, implied = r
                country = country or implied
            place = place_at.get(k)
            if place is not None and place._.iso3 and role is not None and country is None:
                country = place._.iso3
            k += 1
        return role, code, country

    def _add_mention(self, doc: Doc, actor: dict, span: Span, place_at: dict[int, Span]) -> None:
        actor["mentions"].append([span.start, span.end])
        role, code, country = self.affiliation(doc, span, place_at)
        if role and not actor["role"]:
            actor["role"], actor["_code"] = role, code
        if country and (not actor["country"] or ("|" in actor["country"] and "|" not in country)):
            actor["country"] = country

    def _implied_only(self, role: str | None) -> str | None:
        if role is None:
            return None
        return self.roles.get(role.lower(), (None, None))[1]

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
            if known is not None and not actor["country"] and known.country:
                actor["country"] = known.country
                actor["_code"] = actor.get("_code") or known.code
            role_code = actor["role_code"] = actor.pop("_code", None)
            if actor["country"]:
                actor["code"] = actor["country"] + (role_code or "")


def known_person(name: str, words: list[str], by_name: dict[str, dict], by_token: dict[str, dict]) -> dict | None:
    """The person a name mention refers to: the same name, one word of a longer name
    ("Putin", "Putins"), or a longer name of someone first named by one word ("Kim" ... "Kim Jong-un")."""
    actor = by_name.get(name)
    if actor is None and len(words) == 1:
        word = words[0]
        bare = word[:-1] if word.endswith("s") and word[:-1] in by_token else word
        actor = by_token.get(bare)
    if actor is None and len(words) > 1:
        single = [by_name[w] for w in words if w in by_name and " " not in by_name[w]["name"]]
        if single:
            actor = single[0]
            actor["name"] = name
    return actor


def same_person_once(actors: list[dict]) -> list[dict]:
    """Persons the knowledge base knows as one ('Tayyip Erdoğan' and 'Erdogan', 'Nicolás' and
    'Nicolas Maduro') become one actor: the first, with all mentions. Ids are renumbered."""
    first: dict[str, dict] = {}
    out = []
    for actor in actors:
        qid = actor.get("wikidata")
        if qid and qid in first:
            kept = first[qid]
            kept["mentions"] = sorted(kept["mentions"] + actor["mentions"])
            for key in ("role", "role_code"):
                kept[key] = kept[key] or actor[key]
            continue
        if qid:
            first[qid] = actor
        out.append(actor)
    for n, actor in enumerate(out):
        actor["id"] = n
    return out


def is_compound_noun(text: str) -> bool:
    """'Brexit-Verhandlungen' ends a name that NER ran on ('Theresa Mays Brexit-Verhandlungen');
    'Kramp-Karrenbauer' does not."""
    return "-" in text and text.rsplit("-", 1)[1].lower().endswith(NOUN_ENDINGS)


def inflection_candidates(lower: str) -> list[str]:
    """'präsidenten' -> ['präsidenten', 'präsident', ...]: the title without case endings."""
    out = [lower]
    for ending in ("en", "n", "s", "es"):
        if lower.endswith(ending) and len(lower) > len(ending) + 3:
            out.append(lower[: -len(ending)])
    return out
