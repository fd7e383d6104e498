"""Trigger words and event mentions.

A trigger rule (``resources/triggers.jsonl``) matches a verb by its lemma ("treffen",
"telefonieren") or a German compound noun by its ending ("Staatsbesuch",
"Gipfeltreffen"). ``TriggerMatcher`` finds the mentions of events in a sentence:
the trigger word, its rule, and the word whose clause decides the status.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .compounds import treaty_parties_named
from .doc import places, sentence_of, token_texts
from .event_places import destination
from .rules import word_set, word_tuple
from .trigger_phrases import between_phrase, partner_phrase, state_actors_in

NOT_A_MEETING_OBJECT = word_set("not_a_meeting_object")
AGREED_EVENT_WINDOW = 10  # words between "vereinbaren"/"sich einigen" and the meeting it agrees on
CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "–"})
SETTING_WORDS = word_set("event_setting_words")  # "beim", "nach dem": the event is where or when, not what
EXCLUDED_COMPOUNDS = word_tuple("excluded_compounds")
IRREGULAR_FORMS = word_set("irregular_forms")
CLAUSE_ENDS = word_set("clause_ends")
SEPARABLE_PARTICLES = word_set("separable_particles")
CAUSATIVE_VERBS = word_set("causative_verbs")
REFLEXIVES = word_set("reflexive_pronouns")
NOT_VERB_FORMS = word_set("not_verb_forms")
SEIN_FORMS = word_set("sein_forms")
PARTICIPLE_DETERMINERS = word_set("participle_determiners")
NOT_PARTNER_PHRASES = word_set("not_partner_phrases")
PHRASE_GAP = 3  # words allowed between two words of a phrase rule ("verhängte am Montag neue Sanktionen")


@dataclass
class Mention:
    type: str
    trigger: Token
    rule: dict
    sent: Span
    anchor: Token  # the word whose clause decides the status (the verb for treaty nouns)


# genitive endings of German nouns; dative plurals ("aus zahlreichen Gesprächen", "bei
# früheren Konferenzen") are generic more often than not and stay unmatched
NOUN_ENDINGS = ("es", "s")


def noun_forms(lower: str) -> list[str]:
    """A noun and its possible stems without a genitive or plural ending, longest first
    ("gipfels" -> "gipfels", "gipfel"), so that a compound head matches however inflected."""
    return [lower] + [lower[: -len(e)] for e in NOUN_ENDINGS if lower.endswith(e) and len(lower) - len(e) >= 4]


def noun_like(text: str) -> bool:
    """A capitalised word, or a compound whose head after the last hyphen is one
    ("15a-Vereinbarung", "2+4-Vertrag")."""
    return text[:1].isupper() or ("-" in text and text.rsplit("-", 1)[1][:1].isupper())


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


def causative(words: list[str], i: int) -> bool:
    """A verb followed by a form of 'lassen' ('einreisen zu lassen', 'reisen ließ'): the
    subject lets someone else do it. ``words``: the sentence as written."""
    if not words[i][:1].islower():
        return False
    after = [w.lower() for w in words[i + 1 : i + 3] if w != "zu"]
    return bool(after) and after[0] in CAUSATIVE_VERBS


def verb_of_its_own(words: list[str], i: int) -> bool:
    """The verb names an act: not a participle after a determiner ('die vereinbarten
    Regeln') nor a modal passive 'zu ... ist' ('mit dem Grundgesetz zu vereinbaren ist')."""
    before = words[i - 1].lower() if i > 0 else ""
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    return before not in PARTICIPLE_DETERMINERS and not (before == "zu" and after in SEIN_FORMS)


def reflexive_verb(words: list[str], i: int) -> bool:
    """A verb used with its reflexive pronoun in its clause ('haben sich ... geeinigt'), and
    not followed by a noun (the determiner 'einigen Ministern' looks the same). ``words``:
    the sentence as written."""
    if i + 1 < len(words) and words[i + 1][:1].isupper():
        return False
    lo, hi = i, i + 1
    while lo > 0 and words[lo - 1] not in CLAUSE_ENDS:
        lo -= 1
    while hi < len(words) and words[hi] not in CLAUSE_ENDS:
        hi += 1
    return any(w.lower() in REFLEXIVES for w in words[lo:hi])


def partner_in_clause(doc: Doc, sent: Span, tok: Token) -> bool:
    """'mit' and a named actor right after it in the verb's clause ('sprach die Kommissarin mit
    dem Außenminister Li', 'habe man mit den Sozialdemokraten gesprochen'), not a fixed
    phrase ('im Zusammenhang mit der MDC')."""
    words = token_texts(doc)
    lo, hi = tok.i, tok.i + 1
    while lo > sent.start and words[lo - 1] not in CLAUSE_ENDS:
        lo -= 1
    while hi < sent.end and words[hi] not in CLAUSE_ENDS:
        hi += 1
    starts = {s for a in doc._.actors or [] for s, _ in a["mentions"]}
    for k in range(lo, hi):
        if words[k].lower() == "mit" and not (k > lo and words[k - 1].lower() in NOT_PARTNER_PHRASES):
            if any(j in starts for j in range(k + 1, min(hi, k + 5))):
                return True
    return False


def is_interview(doc: Doc, trigger: Token) -> bool:
    """'Gespräch mit' a newspaper or broadcaster (an entity that is neither a person nor a place)."""
    j = trigger.i + 1
    if j >= len(doc) or doc[j].lower_ != "mit":
        return False
    for ent in doc.ents:
        if j < ent.start <= j + 3 and ent.label_ in ("ORG", "MISC"):
            return not any(p.start == ent.start and p.label_ in ("org", "country", "capital") for p in places(doc))
    return False


class TriggerMatcher:
    """Match words against the trigger rules (with caches: one matcher per component)."""

    def __init__(self, triggers: list[dict], types: set[str] | None = None) -> None:
        self.types = types
        self.lemma_rules: dict[str, dict] = {}
        self.suffix_rules: list[tuple[str, dict]] = []
        self.phrase_rules: list[tuple[tuple[str, ...], dict]] = []  # user rules: words in a row
        for r in triggers:
            if r["match"] == "lemma":
                self.lemma_rules.setdefault(r["value"], r)
            elif r["match"] == "phrase":
                self.phrase_rules.append((tuple(r["value"].lower().split()), r))
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
        self._stems |= {b[:-2] for b in self.separable_bases if b.endswith("en") and len(b) >= 7}  # "stimmte ... zu"
        self._stem_cache: dict[str, dict | None] = {}

    def may_trigger(self, text: str) -> bool:
        """A cheap test on the word alone: could it be a trigger under any lemma?"""
        hit = self._maybe_cache.get(text)
        if hit is None:
            lower = text.lower()
            hit = self._maybe_cache[text] = (
                (noun_like(text) and any(w.endswith(sfx) for w in noun_forms(lower) for sfx, _ in self.suffix_rules))
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
        if noun_like(text):
            for form in noun_forms(lower):  # "Gipfel", then "G7-Gipfels" without its genitive s
                for suffix, r in self.suffix_rules:
                    excluded = tuple(r.get("exclude", ()))
                    if form.endswith(suffix) and not form.endswith(excluded) and not lower.endswith(excluded):
                        head = form[: len(form) - len(suffix)].rstrip("-")
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

    def is_treaty_noun(self, tok: Token) -> bool:
        r = self.match_token(tok) if noun_like(tok.text) else None
        return bool(r and r.get("object_noun"))

    def find_mentions(self, doc: Doc, sent: Span) -> list[Mention]:
        """The event mentions of a sentence, in word order; treaty nouns ("Abkommen") only
        when no treaty verb stands for them."""
        texts = token_texts(doc)
        words = [w.lower() for w in texts[sent.start : sent.end]]
        out: list[Mention] = []
        treaty_nouns = []
        for k in range(sent.start, sent.end):
            if not self.may_trigger(texts[k]):
                continue
            tok = doc[k]
            r = self.match_token(tok)
            if r is None or self._rejected(doc, sent, words, tok, r):
                continue
            if r.get("object_noun"):
                treaty_nouns.append((tok, r))
                continue
            out.append(Mention(r["type"], tok, r, sent, tok))
        out.extend(self._phrase_mentions(doc, sent, words))
        has_treaty_verb = any(m.type == "treaty" for m in out)
        for noun, r in treaty_nouns:
            if has_treaty_verb:
                continue  # the verb's mention stands for the treaty
            if between_phrase(doc, sent, noun) is not None or self._names_parties(doc, sent, noun, r):
                out.append(Mention("treaty", noun, r, sent, noun))  # "das Abkommen zwischen Serbien und dem Kosovo"
        out.sort(key=lambda m: m.trigger.i)
        return [m for m in out if self.types is None or m.type in self.types]

    @staticmethod
    def _names_parties(doc: Doc, sent: Span, noun: Token, r: dict) -> bool:
        """A treaty noun that names its parties by itself: "das EU-Türkei-Abkommen", "der
        Iran-Deal", "das Rückführungsabkommen mit der Türkei" (a specific treaty, GUIDELINES)."""
        return treaty_parties_named(noun.text, r["value"]) or bool(state_actors_in(doc, partner_phrase(doc, sent, noun)))

    def _phrase_mentions(self, doc: Doc, sent: Span, words: list[str]) -> list[Mention]:
        """Mentions of phrase rules: the words of the phrase in order, each equal to the word of the
        text or its lemma, at most ``max_gap`` words (default 3) between two of them."""
        out: list[Mention] = []

        def same(w: str, k: int) -> bool:
            return w == words[k] or w == doc[sent.start + k].lemma_.lower()

        for phrase, r in self.phrase_rules:
            gap = r.get("max_gap", PHRASE_GAP)
            for k in range(len(words)):
                if not same(phrase[0], k):
                    continue
                at = k
                for w in phrase[1:]:
                    at = next((j for j in range(at + 1, min(len(words), at + 2 + gap)) if same(w, j)), -1)
                    if at < 0:
                        break
                tok = doc[sent.start + k]
                if at >= 0 and not any(m.trigger.i == tok.i for m in out):
                    out.append(Mention(r["type"], tok, r, sent, tok))
        return out

    def _agrees_to_meet(self, sent: Span, verb: Token) -> bool:
        """The agreement's object is a meeting, visit or call ("vereinbarten ein Treffen", "einigten
        sich auf Gespräche", "ein Besuch wurde vereinbart"): a noun of those types within
        AGREED_EVENT_WINDOW words of the verb, in the same stretch between commas."""
        for step in (1, -1):
            k = verb.i + step
            while sent.start <= k < sent.end and abs(k - verb.i) <= AGREED_EVENT_WINDOW and sent.doc[k].text not in CLAUSE_BREAKS:
                t = sent.doc[k]
                rule = self.match_token(t) if t.text[:1].isupper() else None
                if rule is not None and rule["type"] == "treaty":
                    break  # "vereinbarten einen Vertrag über ein Treffen": the treaty is the object
                before = sent.doc[k - 1].lower_ if k > sent.start else ""
                if rule is not None and before not in SETTING_WORDS:
                    return True  # not "beim Treffen vereinbarten sie": the meeting is the setting there
                k += step
        return False

    def _rejected(self, doc: Doc, sent: Span, words: list[str], tok: Token, r: dict) -> bool:
        """A matched word that is no mention in its context."""
        i = tok.i - sent.start
        if r["type"] == "meeting" and r["value"] in ("treffen",) and not tok.text[:1].isupper():
            if any(w in NOT_A_MEETING_OBJECT for w in words[max(0, i - 4) : i + 3]):
                return True
        if r["type"] == "meeting" and i > 0 and words[i - 1] == "im" and tok.lower_ == "gespräch":
            return True  # "im Gespräch" is a modality cue, not a meeting
        if r["type"] == "meeting" and is_interview(doc, tok):
            return True  # "in einem Gespräch mit der Welt am Sonntag": an interview
        if r.get("object_noun"):
            return False
        if words[i] in NOT_VERB_FORMS:
            return True  # "einige Länder", "sind sich einig", "vereinbar"
        written = token_texts(doc)[sent.start : sent.end]
        if r["type"] == "visit" and causative(written, i):
            return True  # "die Flüchtlinge einreisen zu lassen": others travel, not the subject
        if r.get("parties_suffice") and self._agrees_to_meet(sent, tok):
            return True  # "vereinbarten ein weiteres Treffen": agreeing to meet is no treaty (GUIDELINES)
        if r.get("parties_suffice") and not verb_of_its_own(written, i):
            return True  # "beim vereinbarten Austausch", "mit dem Grundgesetz zu vereinbaren ist"
        if r.get("reflexive") and not reflexive_verb(written, i):
            return True  # "einigen" the verb ("einigten sich"), not the determiner ("mit einigen Ministern")
        if r.get("requires_partner") and not partner_in_clause(doc, sent, tok):
            return True  # "sprach mit Li Zhaoxing", not "spricht von einer Initiative"
        if r.get("requires_object") and not r.get("parties_suffice") and not any(self.is_treaty_noun(t) for t in sent):
            return True  # "schlossen ... ab" needs its treaty; "einigten sich" two parties (events.min_parties)
        return bool(r.get("requires_destination") and not destination(doc, sent, tok))
