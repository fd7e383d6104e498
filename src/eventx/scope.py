"""ConText-style modality scopes over a sentence's words (pure functions).

A cue ("möglicherweise", "abgesagt", "wird") modifies the words in its scope: forward,
backward or both from the cue, up to ``max_scope`` words, and never across a
terminator (", den", "aber", ";"); a terminator that takes in the cue's own first
word ("und wird": a second verb phrase) stops its backward scope at the cue. A PSEUDO
cue ("nicht nur") blocks the cues it overlaps, and of two overlapping cues the longer
wins ("nicht ausgeschlossen" is possible, not negated).
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import Category, Direction

PRIORITY = {Category.NEGATED: 3, Category.POSSIBLE: 2, Category.PLANNED: 1}
STATUS = {Category.NEGATED: "negated", Category.POSSIBLE: "possible", Category.PLANNED: "planned"}


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


def status_at(words: list[str], target: int, cues: list[dict]) -> tuple[str, list[str]]:
    """Status of the word at index ``target``: asserted, planned, possible or negated,
    with the cue words that decided it."""
    hits = find_cues(words, cues)
    terms = [h for h in hits if h.category is Category.TERMINATE]
    best: tuple[int, str, list[str]] = (0, "asserted", [])
    for h in hits:
        if h.category is Category.TERMINATE:
            continue
        lo, hi = scope_of(h, terms, len(words))
        if lo <= target < hi and not (h.start <= target < h.end):
            rank = PRIORITY[h.category]
            cue_text = " ".join(words[h.start : h.end])
            if rank > best[0]:
                best = (rank, STATUS[h.category], [cue_text])
            elif rank == best[0] and rank:
                best[2].append(cue_text)
    return best[1], best[2]
