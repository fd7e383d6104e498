"""ConText-style modality scopes over a sentence's words (pure functions).

A cue ("möglicherweise", "abgesagt", "wird") modifies the words in its scope: forward,
backward or both from the cue, up to ``max_scope`` words, and never across a
terminator (", den", "aber", ";"); a terminator that takes in the cue's own first
word ("und wird": a second verb phrase) stops its backward scope at the cue. A PSEUDO
cue ("nicht nur") blocks the cues it overlaps, and of two overlapping cues the longer
wins ("nicht ausgeschlossen" is possible, not negated).

Clauses bound the scopes (the pipeline has no parser; eventx.clauses finds them by words):

- a relative clause (", das abgesagt wurde,": a comma, a relative pronoun, a verb before
  the closing comma) is a scope of its own: a cue inside it acts on the clause and on the
  noun it modifies ("Das Treffen, das abgesagt wurde, ..." is negated; "An dieser Regelung,
  die ... verhindern soll, scheiterte die Ratifizierung" is not planned), and a cue outside
  it does not reach in, but reaches over it to the main clause;
- a comma followed by one phrase and a finite verb (", am Dienstag will er") starts a new
  main clause: the cue of its verb does not reach back into a clause with a verb of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clauses import verb_like
from .rules import Category, Direction, word_set

PRIORITY = {Category.NEGATED: 3, Category.POSSIBLE: 2, Category.PLANNED: 1}
STATUS = {Category.NEGATED: "negated", Category.POSSIBLE: "possible", Category.PLANNED: "planned"}
RELATIVE_PRONOUNS = word_set("relative_pronouns")
RELATIVE_PREPOSITIONS = word_set("relative_prepositions")
FINITE_VERBS = word_set("finite_auxiliaries")
NEGATION_PARTICLES = word_set("negation_particles")
OCCURRENCE = word_set("occurrence_words")
PARTICLES = word_set("separable_particles") - {"zu"}
PAST_WORDS = word_set("past_auxiliaries") | word_set("strong_past_forms")
PHRASE_PREPOSITIONS = (
    RELATIVE_PREPOSITIONS | word_set("location_preps") | word_set("embedding_prepositions") | {"beim", "zum", "zur"}
)
CLAUSE_STOPS = frozenset({",", ";", ":", "–", "—", "(", ")", ".", "!", "?"})


@dataclass(frozen=True)
class CueHit:
    start: int  # word index in the sentence
    end: int
    category: Category
    direction: Direction
    max_scope: int


def find_cues(words: list[str], cues: list[dict]) -> list[CueHit]:
    """Match cue literals (one or more lowercased words) against the sentence's words."""
    lower = [w.lower() for w in words]
    hits: list[CueHit] = []
    for cue in cues:
        parts = cue["literal"].lower().replace(",", " , ").split()
        n = len(parts)
        for i in range(len(lower) - n + 1):
            if lower[i : i + n] != parts:
                continue
            particle = cue.get("requires_particle")
            if particle and particle not in lower[i + 1 :]:
                continue
            hits.append(CueHit(i, i + n, cue["category"], cue["direction"], cue.get("max_scope", len(words))))
    pseudo = [h for h in hits if h.category is Category.PSEUDO]
    hits = [h for h in hits if h.category is not Category.PSEUDO and not any(p.start <= h.start < p.end for p in pseudo)]
    modal = [h for h in hits if h.category is not Category.TERMINATE]
    # the longest cue wins: "nicht ausgeschlossen" is possible, not the negation "nicht"
    return [h for h in hits if h.category is Category.TERMINATE or not any(_inside(h, o) for o in modal)]


def _inside(h: CueHit, other: CueHit) -> bool:
    return other.start <= h.start and h.end <= other.end and (other.end - other.start) > (h.end - h.start)


def scope_of(hit: CueHit, terminators: list[CueHit], n_words: int) -> tuple[int, int]:
    """Word range [start, end) that a cue modifies."""
    left, right = hit.start, hit.end
    if hit.direction in (Direction.BACKWARD, Direction.BIDIRECTIONAL):
        # a terminator that ends inside the cue ("und wird": a new verb phrase) stops it at once
        stops = [min(t.end, hit.start) for t in terminators if t.start < hit.start]
        left = max([hit.start - hit.max_scope, *stops, 0])
    if hit.direction in (Direction.FORWARD, Direction.BIDIRECTIONAL):
        stops = [t.start for t in terminators if t.start >= hit.end]
        right = min([hit.end + hit.max_scope, *stops, n_words])
    return left, right


def relative_clauses(words: list[str]) -> list[tuple[int, int]]:
    """Relative clauses as word ranges [comma, end): a comma, an optional preposition, a
    relative pronoun, and a lowercase word (the verb) before the closing comma or the end
    (", die Kanzlerin," is an apposition, no clause)."""
    out = []
    n = len(words)
    for i, w in enumerate(words):
        if w != ",":
            continue
        j = i + 1 + (i + 1 < n and words[i + 1].lower() in RELATIVE_PREPOSITIONS)
        if j >= n or words[j].lower() not in RELATIVE_PRONOUNS:
            continue
        end = next((k for k in range(j + 1, n) if words[k] in CLAUSE_STOPS), n)
        last = end - 1
        if last > j and words[last].islower() and words[last].isalpha() and not _infinitive(words, last):
            out.append((i, end))
    return out


def _infinitive(words: list[str], k: int) -> bool:
    """", die Lage nicht zu verschärfen", ", die Gespräche weiterzuführen": an infinitive clause."""
    w = words[k].lower()
    return words[k - 1].lower() == "zu" or any(w.startswith(p + "zu") and len(w) > len(p) + 4 for p in PARTICLES)


def _head_of(words: list[str], clause: tuple[int, int], target: int) -> bool:
    """The target is the noun a relative clause modifies: one of the three words before its
    comma, with only names and short function words between ("Das Treffen mit Putin, das")."""
    if not (clause[0] - 3 <= target < clause[0]) or not words[target][:1].isupper():
        return False
    return all(w[:1].isupper() or len(w) <= 4 for w in words[target + 1 : clause[0]])


def _pronoun_terminator(words: list[str], t: CueHit) -> bool:
    return t.end - t.start == 2 and words[t.start] == "," and words[t.start + 1].lower() in RELATIVE_PRONOUNS


def _bare_negation(words: list[str], h: CueHit) -> bool:
    return " ".join(words[h.start : h.end]).lower() in NEGATION_PARTICLES


def in_phrase(words: list[str], target: int) -> bool:
    """A noun inside a prepositional phrase ("bei dem Treffen", "nach seinem Besuch"): the
    preposition up to three words before it, with only determiners and adjectives between."""
    if not words[target][:1].isupper():
        return False
    for w in reversed(words[max(0, target - 4) : target]):
        lower = w.lower()
        if lower in PHRASE_PREPOSITIONS:
            return True
        if not w.islower() or not w.isalpha():
            return False
    return False


def _main_clause_past(words: list[str], clause: tuple[int, int]) -> bool:
    """The words after a relative clause say in the past that the event took place ("fand statt", "war")."""
    return any(w.lower() in PAST_WORDS for w in words[clause[1] :])


def _about_occurrence(words: list[str], h: CueHit, clause: tuple[int, int]) -> bool:
    """A cue in a relative clause says something about its head noun's happening: any cue
    but a bare negation, which negates the clause's predicate unless that says the event
    took place ("das nicht öffentlich war" vs. "das nicht stattfand")."""
    if not _bare_negation(words, h):
        return True
    return any(w.lower() in OCCURRENCE for w in words[clause[0] : clause[1]])


def _new_main_clause(words: list[str], hit: CueHit, target: int) -> int | None:
    """The comma where the clause of a finite verb cue begins (", am Dienstag will er"), when
    one to four words without a verb stand between them and the clause before holds a verb."""
    if words[hit.start].lower() not in FINITE_VERBS:
        return None
    comma = next((k for k in range(hit.start - 1, max(-1, hit.start - 6), -1) if words[k] in CLAUSE_STOPS), None)
    if comma is None or words[comma] != "," or not 1 <= hit.start - comma - 1 <= 4 or target >= comma:
        return None
    verbs = frozenset({target}) if words[target].islower() else frozenset()
    if any(verb_like(words, k, verbs) for k in range(comma + 1, hit.start)):
        return None
    start = next((k + 1 for k in range(comma - 1, -1, -1) if words[k] in CLAUSE_STOPS), 0)
    return comma if any(verb_like(words, k, verbs) for k in range(start, comma)) else None


def in_scope(words: list[str], h: CueHit, terms: list[CueHit], rels: list[tuple[int, int]], target: int) -> bool:
    """Whether the cue ``h`` modifies the word at ``target``, its clause considered."""
    if h.start <= target < h.end:
        return False
    if target < h.start and _bare_negation(words, h) and in_phrase(words, target):
        return False  # "bei dem Treffen mit Erdogan nicht um Politik gegangen": "nicht" negates what follows
    inner = next((r for r in rels if r[0] < h.start < r[1]), None)
    if inner is not None:  # a cue inside a relative clause: the clause and its head noun
        lo, hi = scope_of(h, [t for t in terms if t.start != inner[0]], len(words))
        if max(lo, inner[0]) <= target < min(hi, inner[1]):
            return True
        if h.category in (Category.PLANNED, Category.POSSIBLE) and _main_clause_past(words, inner):
            return False  # "Der Besuch, der seit Monaten geplant war, fand am Montag statt": it took place
        return lo <= target and _head_of(words, inner, target) and _about_occurrence(words, h, inner)
    if any(r[0] < target < r[1] for r in rels):
        return False  # a main clause's cue does not reach into a relative clause
    closed = {r[0] for r in rels if r[1] < len(words) and (r[1] <= target or r[1] <= h.start)}
    lo, hi = scope_of(h, [t for t in terms if t.start not in closed], len(words))
    comma = _new_main_clause(words, h, target) if h.direction is not Direction.FORWARD else None
    if comma is not None:
        lo = max(lo, comma + 1)
    return lo <= target < hi


def status_at(words: list[str], target: int, cues: list[dict]) -> tuple[str, list[str]]:
    """Status of the word at index ``target``: asserted, planned, possible or negated,
    with the cue words that decided it."""
    hits = find_cues(words, cues)
    terms = [h for h in hits if h.category is Category.TERMINATE]
    rels = relative_clauses(words)
    opens = {r[0] for r in rels}
    # ", dem eigentlichen Feiertag," is an apposition: its pronoun-like article ends no scope
    terms = [t for t in terms if not (_pronoun_terminator(words, t) and t.start not in opens)]
    best: tuple[int, str, list[str]] = (0, "asserted", [])
    for h in hits:
        if h.category is Category.TERMINATE:
            continue
        if in_scope(words, h, terms, rels, target):
            rank = PRIORITY[h.category]
            cue_text = " ".join(words[h.start : h.end])
            if rank > best[0]:
                best = (rank, STATUS[h.category], [cue_text])
            elif rank == best[0] and rank:
                best[2].append(cue_text)
    return best[1], best[2]
