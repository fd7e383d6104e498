"""Status scopes bounded by clauses (issue 9, mechanism 4): relative clauses are scopes of
their own, and a comma before one phrase and a finite verb starts a new main clause.
Sentences written for these tests (words separated by spaces, as the tokenizer gives them)."""

import pytest

from eventx.rules import load_cues
from eventx.scope import relative_clauses, status_at

CUES = load_cues()

CASES = [
    # a cue inside a relative clause reaches the noun the clause modifies
    ("Das Treffen , das abgesagt wurde , hätte in Genf stattfinden sollen .", "Treffen", "negated"),
    ("Der Besuch , der für Juni geplant ist , gilt als heikel .", "Besuch", "planned"),
    ("Ein Gipfel , der nicht stattfand , beschäftigt die Presse .", "Gipfel", "negated"),
    ("Die Gespräche mit Moskau , die erst im Herbst beginnen sollen , sind umstritten .", "Gespräche", "planned"),
    # ... but no further than the clause: the main clause keeps its own status
    (
        "An dieser Regelung , die Grenzkontrollen verhindern soll , hielt sie bei der Ratifizierung fest .",
        "Ratifizierung",
        "asserted",
    ),
    ("Nach dem Abkommen , das Kiew ablehnen wird , trafen sich die Minister .", "trafen", "asserted"),
    ("Der Vertrag , den beide nicht unterzeichnen wollen , lag beim Treffen auf dem Tisch .", "Treffen", "asserted"),
    # a bare negation in a relative clause negates its predicate, not the noun
    ("Nach dem Treffen , das nicht öffentlich war , sagte er nichts .", "Treffen", "asserted"),
    ("Das Telefonat , das nie bekannt wurde , dauerte eine Stunde .", "Telefonat", "asserted"),
    # an offer of talks is a possible event
    ("Putin bot Gespräche in Istanbul an .", "Gespräche", "possible"),
    # an indirect question leaves the event open
    ("Ob das Abkommen beim Gipfel nächste Woche beschlossen wird , ist offen .", "beschlossen", "possible"),
    ("Er fragte , ob ein Treffen mit Putin zustande komme .", "Treffen", "possible"),
    # ... but a plan in a relative clause does not undo a main clause that says it took place
    ("Der Besuch von Scholz , der seit Monaten geplant war , fand am Montag in Warschau statt .", "Besuch", "asserted"),
    # an offer on the table is no offer of the trip that follows
    ("Kanzler Olaf Scholz legte ein neues Angebot vor und reiste am Montag nach Warschau .", "reiste", "asserted"),
    # a bare negation after a noun in a prepositional phrase negates what follows, not the noun
    ("Für ihn sei es bei dem Treffen mit Erdogan nicht um Politik gegangen .", "Treffen", "asserted"),
    ("Nach dem Besuch in Kiew äußerte er sich nicht .", "Besuch", "asserted"),
    ("Das Treffen fand nicht statt .", "Treffen", "negated"),
    ("Ein Besuch in Moskau ist nicht vorgesehen .", "Besuch", "negated"),
    ("Zu einem Treffen der beiden kam es nicht .", "Treffen", "negated"),
    ("Zu dem geplanten Treffen wird es nicht kommen .", "Treffen", "negated"),
    # a main clause's cue reaches over a relative clause, not into it
    ("Das Treffen , das im Juni in Wien stattfand , wurde kaum beachtet , eine Reise wurde abgesagt .", "Treffen", "asserted"),
    ("Der Besuch , den Scholz im Mai machte , wird wiederholt .", "Besuch", "planned"),
    ("Der Besuch , den Scholz im Mai machte , wird wiederholt .", "machte", "asserted"),
    ("Die Reise , die er im Mai antrat , wurde nicht verlängert .", "antrat", "asserted"),
    # an infinitive clause is no relative clause; ", was" opens one
    (
        "Rice hatte die Parteien bei ihrem Besuch aufgefordert , die Lage nicht zu verschärfen , "
        "was den Frieden gefährden könnte .",
        "Besuch",
        "asserted",
    ),
    # an apposition is no relative clause, and ends no scope
    ("Am Dienstag , dem eigentlichen Feiertag , werden Steinmeier und Merkel erwartet .", "Dienstag", "planned"),
    ("Merkel , die Kanzlerin , wird Putin treffen .", "treffen", "planned"),
    # ", am Dienstag will er": a new main clause; its verb's cue stays in it
    ("Scholz traf am Montag Macron , am Dienstag will er nach Kiew reisen .", "traf", "asserted"),
    ("Scholz traf am Montag Macron , am Dienstag will er nach Kiew reisen .", "reisen", "planned"),
    ("Sie besuchte Paris , danach soll sie nach Rom fliegen .", "besuchte", "asserted"),
    ("Das Gespräch mit Macron fand statt , im Juni wird Scholz Kiew besuchen .", "Gespräch", "asserted"),
    # without a verb of its own, the clause before belongs to the modal's clause
    ("Ein Treffen mit Putin , am Dienstag in Moskau , wird erwartet .", "Treffen", "planned"),
    ("Ein Treffen mit Putin , so heißt es , soll bald stattfinden .", "Treffen", "planned"),
]


@pytest.mark.parametrize("sentence,target,status", CASES)
def test_status_with_clause_scope(sentence, target, status):
    words = sentence.split()
    assert status_at(words, words.index(target), CUES)[0] == status


@pytest.mark.parametrize(
    "sentence,clauses",
    [
        ("Das Treffen , das abgesagt wurde , war geheim .", [(2, 6)]),
        ("Das Treffen , bei dem er sprach , war geheim .", [(2, 7)]),
        ("Merkel , die Kanzlerin , reist ab .", []),
        ("Er traf Putin , der nach Rom reist .", [(3, 8)]),
    ],
)
def test_relative_clauses(sentence, clauses):
    assert relative_clauses(sentence.split()) == clauses
