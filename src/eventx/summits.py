"""Summits (issue 9, mechanism 6): a summit of many parties has the participants the article
lists for it (GUIDELINES: "A summit of many parties: list the named participants").

- Mentions of one group's summit ('G7-Gipfel' ... 'das G7-Treffen') are one happening, whoever
  else the sentences of the mentions name.
- A list of three or more countries that the article gives as a group's members or as the
  leaders who attend ('Zu den Mitgliedern der G8 gehören die Vereinigten Staaten, Kanada, ...',
  'die Staats- und Regierungschefs von Deutschland, Japan, USA, ...', 'alle anwesenden
  Premierminister (Bosnien-Herzegowina, Kosovo, Albanien, Mazedonien)') adds those countries to
  that group's summit, else to the article's main summit.

Events are the dicts under construction of eventx.merging.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .doc import places, sentences
from .merging import dates_compatible, merge_into
from .rules import word_tuple

SUMMIT_HEADS = word_tuple("summit_heads")  # "Gipfel", "Gipfeltreffen": the event nouns of a summit
GROUP_MEETING_HEADS = word_tuple("group_meeting_heads")  # "G7-Treffen": a summit when a group takes part
MEMBER_CUES = word_tuple("member_cues")  # "Mitgliedern", "Regierungschefs", "gehören": a list of attendees
LIST_LINKS = frozenset({",", "und", "sowie", "die", "der", "den", "dem", "(", ")"})
CUE_WINDOW = 6  # words before a list in which its cue stands
MIN_LIST = 3


def is_summit(e: dict) -> bool:
    """A meeting named by a summit noun, or by a meeting noun with a group or three or more
    states among its parties; a merged mention counts ("traf beim Westbalkangipfel" is the summit)."""
    if e["type"] != "meeting":
        return False
    words = [t.text.lower() for t in [e["trigger"], *e.get("merged_triggers", [])] if t.text[:1].isupper()]
    if any(w.endswith(SUMMIT_HEADS) for w in words):
        return True
    many = bool(groups(e)) or len({a["country"] for a in e["actors"] + e["hosts"] if a.get("country")}) >= MIN_LIST
    return many and any(w.endswith(GROUP_MEETING_HEADS) for w in words)


def names_group(trigger: Token, parties: list[dict]) -> bool:
    """The trigger is a compound that names a group ('G7-Treffen', 'Nato-Gipfel'): the group
    stands for its many members, so it is enough of a party alone."""
    return any(a["kind"] == "org" and [trigger.i, trigger.i + 1] in a["mentions"] for a in parties)


def groups(e: dict) -> set[str]:
    """The organisations (by name) that take part in an event."""
    return {a["name"] for a in e["actors"] + e["hosts"] if a["kind"] == "org"}


def merge_summits(events: list[dict]) -> list[dict]:
    """Summit mentions that name the same group are one summit (when their dates agree)."""
    out: list[dict] = []
    for e in events:
        if is_summit(e) and groups(e):
            target = next(
                (s for s in out if is_summit(s) and groups(s) & groups(e) and dates_compatible(s["date"], e["date"])),
                None,
            )
            if target is not None:
                merge_into(target, e, keep_status=True)
                continue
        out.append(e)
    return out


def add_members(doc: Doc, events: list[dict]) -> None:
    """Add the countries the article lists as a group's members or a summit's attendees."""
    summits = [e for e in events if is_summit(e)]
    if not summits:
        return
    by_start = {s: a for a in doc._.actors or [] if a["kind"] in ("country", "org") for s, _ in a["mentions"]}
    for sent in sentences(doc):
        for members in member_lists(doc, sent):
            actors = [by_start[p.start] for p in members if p.start in by_start]
            named = {by_start[s]["name"] for s in range(sent.start, sent.end) if s in by_start and by_start[s]["kind"] == "org"}
            target = [s for s in summits if groups(s) & named] or [max(summits, key=lambda s: s["mentions"])]
            for summit in target:
                present = {a["id"] for a in summit["actors"] + summit["hosts"]}
                summit["actors"].extend(a for a in actors if a["id"] not in present)


def member_lists(doc: Doc, sent: Span) -> list[list[Span]]:
    """Runs of at least MIN_LIST country names joined only by commas, 'und', articles or
    brackets, with a member or attendee cue in the words before the run."""
    countries = [p for p in places(doc) if p.label_ == "country" and sent.start <= p.start < sent.end]
    runs: list[list[Span]] = []
    for p in countries:
        if runs and all(doc[k].text in LIST_LINKS for k in range(runs[-1][-1].end, p.start)):
            runs[-1].append(p)
        else:
            runs.append([p])
    return [run for run in runs if len(run) >= MIN_LIST and _cued(doc, sent, run[0].start)]


def _cued(doc: Doc, sent: Span, start: int) -> bool:
    words = [t.lower_ for t in doc[max(sent.start, start - CUE_WINDOW) : start]]
    return any(w.endswith(MEMBER_CUES) for w in words)
