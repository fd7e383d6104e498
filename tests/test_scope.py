"""ConText-style scopes (eventx.scope): pure functions over a sentence's words."""

from eventx.rules import Category, Direction, load_cues
from eventx.scope import CueHit, find_cues, scope_of, status_at

N, P, PL, T, PS = Category.NEGATED, Category.POSSIBLE, Category.PLANNED, Category.TERMINATE, Category.PSEUDO
F, B, BI = Direction.FORWARD, Direction.BACKWARD, Direction.BIDIRECTIONAL


def cue(literal, category, direction=BI, **kw):
    return {"literal": literal, "category": category, "direction": direction, **kw}


def test_forward_scope_stops_at_max_scope_and_at_terminators():
    words = ["kein", "Treffen", "und", "kein", "weiteres", "langes", "Telefonat", ",", "aber", "ein", "Besuch"]
    cues = [cue("kein", N, F, max_scope=2), cue("aber", T)]
    assert status_at(words, 1, cues) == ("negated", ["kein"])
    assert status_at(words, 6, cues) == ("asserted", [])  # three words after the second 'kein'
    assert status_at(words, 10, [cue("kein", N, F), cue("aber", T)]) == ("asserted", [])  # after 'aber'
    assert status_at(words, 6, [cue("kein", N, F), cue("aber", T)])[0] == "negated"


def test_backward_and_bidirectional_scopes():
    words = ["Das", "Treffen", "wurde", "abgesagt"]
    assert status_at(words, 1, [cue("abgesagt", N, B)]) == ("negated", ["abgesagt"])
    assert status_at(words, 1, [cue("Das", N, B)]) == ("asserted", [])  # nothing before the cue
    hit = CueHit(2, 3, N, BI, 1)
    assert scope_of(hit, [], 6) == (1, 4)


def test_the_cue_word_itself_is_outside_its_scope():
    assert status_at(["Besuch"], 0, [cue("Besuch", P)]) == ("asserted", [])


def test_priority_negated_over_possible_over_planned_and_ties_collect_cues():
    words = ["Scholz", "will", "möglicherweise", "nicht", "reisen"]
    cues = [cue("will", PL), cue("möglicherweise", P), cue("nicht", N)]
    assert status_at(words, 4, cues) == ("negated", ["nicht"])
    assert status_at(words, 4, cues[:2]) == ("possible", ["möglicherweise"])
    assert status_at(words, 4, [cue("will", PL), cue("soll", PL)]) == ("planned", ["will"])
    words = ["soll", "und", "will", "reisen"]
    assert status_at(words, 3, [cue("will", PL), cue("soll", PL)]) == ("planned", ["will", "soll"])


def test_pseudo_cues_block_the_cues_they_overlap_and_multiword_literals():
    words = ["nicht", "nur", "ein", "Besuch"]
    assert find_cues(words, [cue("nicht", N), cue("nicht nur", PS)]) == []
    assert status_at(words, 3, [cue("nicht", N)])[0] == "negated"
    hits = find_cues(["Sie", "sagten", ",", "dann"], [cue("sagten,", N)])
    assert [(h.start, h.end) for h in hits] == [(1, 3)]  # a comma in a literal is a word of its own


def test_requires_particle_needs_the_particle_later_in_the_sentence():
    c = [cue("sagte", N, BI, requires_particle="ab")]
    assert status_at(["Er", "sagte", "den", "Besuch", "ab"], 3, c)[0] == "negated"
    assert status_at(["Er", "sagte", "den", "Besuch", "zu"], 3, c)[0] == "asserted"


def test_shipped_cues_on_real_sentences():
    cues = load_cues()
    words = ["Der", "Kanzler", "wird", "Paris", "im", "Mai", "besuchen"]
    assert status_at(words, 6, cues)[0] == "planned"
    words = ["Der", "Besuch", "in", "Paris", "wurde", "abgesagt"]
    assert status_at(words, 1, cues)[0] == "negated"
    assert status_at(["Der", "Kanzler", "besuchte", "Paris"], 2, cues) == ("asserted", [])
