"""How eventx_actors finds person names: PER entities without their titles and trailing
words, names right after a role title that NER missed, later mentions of a surname, and which
mentions are one person ("Putin" ... "Wladimir Putin"; the same Wikidata id).

``PersonNames`` is a part of ``ActorFinder`` (eventx.components.actors): it uses the finder's
``role_of``/``role_of_text`` (``RoleAffiliation``, eventx.components.actor_roles).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..doc import token_texts
from ..rules import word_set, word_tuple

NOT_NAMES = word_set("not_names")
NOUN_ENDINGS = word_tuple("compound_noun_endings")
HYPHENATED_GIVEN_NAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+-[a-zäöüß]+$")


class PersonNames:
    """The name-finding methods of ``ActorFinder``."""

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
