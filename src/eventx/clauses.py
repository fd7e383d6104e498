"""Clauses of a sentence and which time expression belongs to which event (pure functions
over the sentence's words; the pipeline has no parser, so clauses are found lexically).

A clause ends at ``; : – ( )``, at a comma, and at a coordinating conjunction that starts a
second verb phrase ("und wird", "und traf"). A stretch between commas without a verb
("Putin, Scholz und Macron", ", der russische Präsident,") is no clause of its own: it
joins the clause before it.

Dates go to events by clause: an event takes the time expression of its own clause first;
a date in a clause without an event goes to the nearest event of the sentence; an event
never takes a date that another event's clause holds.
"""

from __future__ import annotations

from .rules import word_set

HARD_BOUNDARIES = frozenset({";", ":", "–", "—", "(", ")"})
COORDINATORS = word_set("coordinators")
FINITE_AUX = word_set("finite_auxiliaries")
DETERMINERS = word_set("clause_determiners")
STRONG_PAST = word_set("strong_past_forms")
VERB_ENDINGS = ("te", "ten", "tet", "t", "en", "ern", "eln")
NOT_VERBS = word_set("not_verbs")


def _verb_like(words: list[str], i: int, verbs: frozenset[int]) -> bool:
    """A finite auxiliary or modal, a known event verb, or a lowercase word with a verb
    ending that no determiner precedes ("traf" is in ``verbs``; "neuen" after "dem" is none)."""
    w = words[i]
    if i in verbs or w.lower() in FINITE_AUX or w.lower() in STRONG_PAST:
        return True
    if not w.isalpha() or not w.islower() or len(w) < 4 or not w.endswith(VERB_ENDINGS) or w in NOT_VERBS:
        return False
    return i == 0 or words[i - 1].lower() not in DETERMINERS


def verb_like(words: list[str], i: int, verbs: frozenset[int] = frozenset()) -> bool:
    """Whether the word at ``i`` looks like a verb (see ``_verb_like``)."""
    return _verb_like(words, i, verbs)


def clause_ids(words: list[str], verbs: frozenset[int] = frozenset()) -> list[int]:
    """Clause number of every word. ``verbs``: indices known to be verbs (event triggers)."""
    n = len(words)
    cuts = {0}
    for i, w in enumerate(words):
        if w == "(":
            cuts.add(i)
        elif w in HARD_BOUNDARIES or w == ",":
            cuts.add(i + 1)
        elif w.lower() in COORDINATORS and i + 1 < n and _verb_like(words, i + 1, verbs) and i > 0:
            cuts.add(i)
    bounds = sorted(c for c in cuts if c < n) + [n]
    segments = list(zip(bounds, bounds[1:], strict=False))
    ids = [0] * n
    clause, clause_has_verb = -1, False
    for lo, hi in segments:
        hard = (lo == 0 or words[lo - 1] in HARD_BOUNDARIES or words[lo] == "(") and any(w[:1].isalnum() for w in words[lo:hi])
        has_verb = any(_verb_like(words, i, verbs) for i in range(lo, hi))
        if hard or (has_verb and clause_has_verb):  # a verbless stretch joins the clause it stands in
            clause, clause_has_verb = clause + 1, False
        clause_has_verb = clause_has_verb or has_verb
        for i in range(lo, hi):
            ids[i] = clause
    return ids


def assign_dates(triggers: list[int], dates: list[tuple[int, int]], clauses: list[int]) -> dict[int, int | None]:
    """Which date (index into ``dates``, word ranges [start, end)) each trigger (word index) takes.

    A date belongs to the nearest trigger of its own clause, else to the nearest trigger
    before it in the sentence (a clause without an event says more about the one before),
    else to the nearest after it; each trigger takes the nearest date it owns."""
    owner: dict[int, int] = {}
    for d, (lo, hi) in enumerate(dates):
        here = [t for t in triggers if clauses[t] == clauses[lo]]
        pool = here or [t for t in triggers if t < lo] or triggers
        if pool:
            owner[d] = min(pool, key=lambda t: _gap(t, lo, hi))
    out: dict[int, int | None] = {}
    for t in triggers:
        owned = [d for d, o in owner.items() if o == t]
        same = [d for d in owned if clauses[dates[d][0]] == clauses[t]]
        choice = same or owned
        out[t] = min(choice, key=lambda d: _gap(t, *dates[d])) if choice else None
    return out


def _gap(t: int, lo: int, hi: int) -> int:
    return lo - t if lo > t else (t - hi + 1 if t >= hi else 0)
