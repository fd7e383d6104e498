"""eventx_countries: countries, nationality adjectives, demonyms, capitals and
international organisations, normalised to ISO 3166-1 alpha-3.

German country names come from CLDR (via babel); adjectives, demonyms, capitals
and organisations from ``resources/countries.tsv`` and ``organisations.tsv``.

    >>> nlp = spacy.blank("de"); nlp.add_pipe("eventx_countries")
    >>> doc = nlp("Der südkoreanische Präsident reiste nach Moskau.")
    >>> [(s.text, s.label_, s._.iso3) for s in doc.spans["eventx_places"]]
    [('südkoreanische', 'adjective', 'KOR'), ('Moskau', 'capital', 'RUS')]
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from babel import Locale
from babel.core import get_global
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (registers the extensions)
from ..doc import PLACES_KEY as SPAN_KEY
from ..doc import token_texts
from ..rules import load_country_table, load_organisation_table, write_country_table, write_organisation_table
from . import defaults  # noqa: F401  (registers the default rule loaders)
from .carry import CarriesRules, RuleFile

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
NON_UN_MEMBERS = frozenset({"PSE", "XKX", "VAT", "TWN"})


@lru_cache(maxsize=1)
def _cldr_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO3 -> alpha-2, alpha-2 -> German territory name) from CLDR (read once: babel is slow)."""
    alpha3_to_2 = {k: v[0] for k, v in get_global("territory_aliases").items() if len(k) == 3 and k.isalpha() and len(v) == 1}
    return alpha3_to_2, dict(Locale("de").territories)


def cldr_names(table: list[dict] | None = None) -> Mapping[str, str]:
    """ISO3 -> German short name from CLDR (e.g. KOR -> Südkorea) for the countries of the table
    (built afresh); without a table, for the shipped ``countries.tsv`` (built once, read-only)."""
    if table is None:
        return _shipped_cldr_names()
    alpha3_to_2, territories = _cldr_tables()
    out = {}
    for row in table:
        iso3 = row["iso3"]
        alpha2 = "XK" if iso3 == "XKX" else alpha3_to_2.get(iso3)
        if alpha2 and alpha2 in territories:
            out[iso3] = territories[alpha2]
    return out


@lru_cache(maxsize=1)
def _shipped_cldr_names() -> Mapping[str, str]:
    return MappingProxyType(cldr_names(load_country_table()))


def genitive(name: str) -> list[str]:
    if name[-1] in "sxzß":
        return [name]
    return [name, name + "s"]


def demonym_forms(word: str) -> set[str]:
    forms = {word, word + "n", word + "s", word + "en", word + "in", word + "innen"}
    if word.endswith("e"):
        forms |= {word[:-1] + "in", word[:-1] + "innen"}
    if word.endswith("er") and word[0].isupper() and word.lower().startswith("deutsch"):
        forms |= {word[:-1], word[:-1] + "n"}
    return forms


def gazetteer(
    table: list[dict] | None = None, organisations: dict[str, dict[str, str]] | None = None
) -> tuple[Mapping[str, tuple[str, str, str]], Mapping[str, tuple[str, str]]]:
    """(phrases, adjectives) of the given tables, built afresh; without tables, the shipped ones,
    built once and handed out read-only (helpers outside the component look names up in them)."""
    if table is None and organisations is None:
        return _shipped_gazetteer()
    return build_gazetteer(table, organisations)


@lru_cache(maxsize=1)
def _shipped_gazetteer() -> tuple[Mapping[str, tuple[str, str, str]], Mapping[str, tuple[str, str]]]:
    phrases, adjectives = build_gazetteer()
    return MappingProxyType(phrases), MappingProxyType(adjectives)


def build_gazetteer(
    table: list[dict] | None = None, organisations: dict[str, dict[str, str]] | None = None
) -> tuple[dict[str, tuple[str, str, str]], dict[str, tuple[str, str]]]:
    """Return (phrases, adjectives), built afresh from the country table and the organisation
    table (default: the shipped ``countries.tsv`` and ``organisations.tsv``).

    phrases: surface string -> (iso3 or "", kind, canonical name); matched case-sensitively.
    adjectives: lowercase inflected adjective -> (iso3, canonical country name).
    """
    table = load_country_table() if table is None else table
    organisations = load_organisation_table() if organisations is None else organisations
    names = cldr_names(table)
    phrases: dict[str, tuple[str, str, str]] = {}
    adjectives: dict[str, tuple[str, str]] = {}
    for row in table:
        iso3 = row["iso3"]
        canonical = names.get(iso3) or (row["names"][0] if row["names"] else iso3)
        for name in [canonical, *row["names"]]:
            for form in genitive(name):
                phrases.setdefault(form, (iso3, "country", name))
        for cap in row["capitals"]:
            for form in genitive(cap) if " " not in cap else [cap]:
                phrases.setdefault(form, (iso3, "capital", cap))
        for dem in row["demonyms"]:
            for form in demonym_forms(dem):
                phrases.setdefault(form, (iso3, "demonym", canonical))
        for adj in row["adjectives"]:
            for end in ADJ_ENDINGS:
                adjectives.setdefault(adj + end, (iso3, canonical))
    org_countries = organisations["countries"]
    for surface, name in organisations["names"].items():
        phrases.setdefault(surface, (org_countries.get(name, ""), "org", name))
    return phrases, adjectives


@Language.factory(
    "eventx_countries",
    default_config={
        "countries": {"@misc": "eventx.default_countries.v1"},
        "organisations": {"@misc": "eventx.default_organisations.v1"},
    },
    assigns=["doc.spans"],
    requires=["token.text"],
)
def make_country_tagger(
    nlp: Language, name: str, countries: list[dict], organisations: dict[str, dict[str, str]]
) -> CountryTagger:
    """Create the eventx_countries component.

    nlp (Language): the pipeline.
    name (str): the component name.
    countries (list[dict]): one record per country: iso3, adjectives, demonyms, capitals, names
        (eventx.default_countries.v1).
    organisations (dict): {"names": surface form -> canonical name, "countries": name -> country of
        a national organisation} (eventx.default_organisations.v1).
    RETURNS (CountryTagger): the component.
    """
    return CountryTagger(nlp, name, countries=countries, organisations=organisations)


class CountryTagger(CarriesRules):
    """Find places and organisations; store them in ``doc.spans["eventx_places"]``."""

    rule_files = (
        RuleFile("countries.tsv", "countries", load_country_table, write_country_table),
        RuleFile("organisations.tsv", "organisations", load_organisation_table, write_organisation_table),
    )

    def __init__(
        self,
        nlp: Language,
        name: str = "eventx_countries",
        *,
        countries: list[dict] | None = None,
        organisations: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.name = name
        self.vocab, self.make_doc = nlp.vocab, nlp.make_doc
        if countries is None:
            countries = load_country_table()
        self.countries = [{k: (list(v) if isinstance(v, list) else v) for k, v in row.items()} for row in countries]
        if organisations is None:
            organisations = load_organisation_table()
        self.organisations = {k: dict(v) for k, v in organisations.items()}
        self.set_rules()

    def set_rules(self) -> None:
        self.phrases, self.adjectives = build_gazetteer(self.countries, self.organisations)
        self.matcher = PhraseMatcher(self.vocab, attr="ORTH")
        # build patterns with the tokenizer only (no pipeline)
        for surface in sorted(self.phrases):
            self.matcher.add(surface, [self.make_doc(surface)])

    def lookup_token(self, text: str) -> tuple[str, str, str] | None:
        """Resolve one token: an adjective ('südkoreanischen') or a hyphen prefix ('US-Präsident')."""
        lower = text.lower()
        hit = self.adjectives.get(lower)
        if hit:
            return hit[0], "adjective", hit[1]
        if "-" in text:
            head = prefix_head(text, self.phrases)
            if head is not None:
                iso3, kind, name = self.phrases[head]
                return iso3, "prefix", name
            head, rest = text.split("-", 1)
            hit = self.adjectives.get(head.lower()) or self.adjectives.get(rest.lower())
            if hit:  # "russisch-nordkoreanische": the first country wins
                return hit[0], "adjective", hit[1]
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            surface = doc.vocab.strings[match_id]
            iso3, kind, name = self.phrases[surface]
            span = Span(doc, start, end, label=kind)
            spans.append((span, iso3 or None, name))
        matched = {i for span, _, _ in spans for i in range(span.start, span.end)}
        for i, text in enumerate(token_texts(doc)):
            if i in matched or (not text.isalpha() and "-" not in text):
                continue
            hit = self.lookup_token(text)
            if hit:
                spans.append((Span(doc, i, i + 1, label=hit[1]), hit[0] or None, hit[2]))
        blocked = set()
        for ent in doc.ents:
            if ent.label_ == "PER" or (ent.label_ in ("ORG", "MISC") and len(ent) > 1):
                blocked.update((ent.start, ent.end, i) for i in range(ent.start, ent.end))
        blocked_tokens = {i for _, _, i in blocked}
        info = {}
        for span, iso3, name in spans:
            inside_name = any(i in blocked_tokens for i in range(span.start, span.end))
            # a person's name never holds a place; an organisation's multi-word name
            # ("Deutsche Bank") holds no adjective or demonym
            if inside_name and (span.label_ in ("adjective", "demonym") or self._in_person(doc, span)):
                if not self._trails_person(doc, span) and not self._is_named_org(doc, span):
                    continue
            info[(span.start, span.end)] = (iso3, name)
        kept = filter_spans([s for s, _, _ in spans if (s.start, s.end) in info])
        for span in kept:
            span._.iso3, span._.place_name = info[(span.start, span.end)]
            span._.place_kind = span.label_
        doc.spans[SPAN_KEY] = kept
        return doc

    @staticmethod
    def _trails_person(doc: Doc, span: Span) -> bool:
        """'Choe Son-hui Moskau' tagged as one person: the place at the end is no part of the name."""
        return span.label_ in ("country", "capital") and any(
            ent.label_ == "PER" and ent.end == span.end and span.start - ent.start >= 2 for ent in doc.ents
        )

    @staticmethod
    def _is_named_org(doc: Doc, span: Span) -> bool:
        """'Podemos', 'Ciudadanos' tagged as persons: an organisation of the gazetteer that is
        the whole entity stays an organisation."""
        return span.label_ == "org" and any(ent.start == span.start and ent.end == span.end for ent in doc.ents)

    @staticmethod
    def _in_person(doc: Doc, span: Span) -> bool:
        return any(ent.label_ == "PER" and ent.start <= span.start and span.end <= ent.end for ent in doc.ents)


def prefix_head(text: str, phrases: dict) -> str | None:
    """The longest known name before a hyphen that starts a compound ('US-Präsident' -> 'US',
    'G-20-Gipfel' -> 'G-20', 'EU-Afrika-Gipfel' -> 'EU')."""
    cut = text.rfind("-")
    while cut > 0:
        head, rest = text[:cut], text[cut + 1 :]
        if head in phrases and rest[:1].isupper():
            return head
        cut = text.rfind("-", 0, cut)
    return None
