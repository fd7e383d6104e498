"""Mentions that look like political events but are none (rules as data, in
``resources/non_events.jsonl``): court hearings, sport fixtures, wage and company talks
without a state actor, interviews.

Each rule names event types, trigger word beginnings or parts (lowercase; "verhandl"
matches "Verhandlung" and "Gerichtsverhandlung", not "verhandelten") and a context: a
sentence word that ends in one of ``context_suffixes`` or is one of ``context_words``. A
rule without context fires on the trigger alone; ``previous_words`` asks for one of them
right before the trigger, ``previous_phrases`` one of these word sequences ("wohin die").
"""

from __future__ import annotations

from functools import lru_cache

from .rules import load_non_events as _load


@lru_cache(maxsize=1)
def load_non_events() -> tuple[dict, ...]:
    return tuple(_load())


def _trigger_fits(lower: str, parts: list[str]) -> bool:
    return any(p in lower for p in parts)


def _ends_with(words: list[str], phrase: list[str]) -> bool:
    return len(words) >= len(phrase) and words[len(words) - len(phrase) :] == phrase


def non_event(event_type: str, words: list[str], i: int) -> str | None:
    """The name of the rule that makes the mention at word ``i`` of a sentence no event, or None."""
    lower = words[i].lower()
    lowered = [w.lower() for w in words]
    for r in load_non_events():
        if event_type not in r["types"] or not _trigger_fits(lower, r["triggers"]):
            continue
        if r.get("previous_words") and not (i > 0 and lowered[i - 1] in r["previous_words"]):
            continue
        if r.get("previous_phrases") and not any(_ends_with(lowered[:i], p.split()) for p in r["previous_phrases"]):
            continue
        suffixes, vocab = tuple(r.get("context_suffixes") or ()), set(r.get("context_words") or ())
        if not suffixes and not vocab:
            return r["name"]
        if any(k != i and (w in vocab or (suffixes and w.endswith(suffixes))) for k, w in enumerate(lowered)):
            return r["name"]
        if any(s in lower[: max(lower.find(t) for t in r["triggers"])] for s in suffixes if s):
            return r["name"]  # the context inside the compound: "Gerichtsverhandlungen"
    return None
