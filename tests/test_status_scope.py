"""Status with scope (issue 9, mechanism 4): ConText-style cues from
resources/modality_cues.jsonl act inside their clause, on sentences written for these tests
(words separated by spaces, as the tokenizer would give them)."""

import pytest

from eventx.rules import load_cues
from eventx.scope import find_cues, status_at

CUES = load_cues()

CASES = [
    ("Der Minister besuchte nicht nur Paris , sondern auch Berlin .", "besuchte", "asserted"),
    ("Die Kanzlerin sagte die Reise nach Moskau ab .", "Reise", "negated"),
    ("Ein Treffen der beiden wird es nicht geben .", "Treffen", "negated"),
    ("Es gab kein Treffen mit Putin .", "Treffen", "negated"),
    ("Moskau lehnte Verhandlungen mit Kiew ab .", "Verhandlungen", "negated"),
    ("Der Präsident wird in Berlin erwartet .", "erwartet", "planned"),
    ("Der Präsident soll am Montag nach Rom reisen .", "reisen", "planned"),
    ("Beide Seiten wollen ein Abkommen unterzeichnen .", "unterzeichnen", "planned"),
    ("Ein Treffen ist für Juni geplant .", "Treffen", "planned"),
    ("Macron kündigte einen Besuch in Kiew an .", "Besuch", "planned"),
    ("Ein Treffen sei nicht ausgeschlossen , sagte er .", "Treffen", "possible"),
    ("Die beiden könnten sich in Genf treffen .", "treffen", "possible"),
    ("Washington erwägt Gespräche mit Teheran .", "Gespräche", "possible"),
    ("Ein Gipfel in Wien ist im Gespräch .", "Gipfel", "possible"),
    ("Laut Kreml telefonierten Putin und Scholz am Montag .", "telefonierten", "asserted"),
    ("Er sagte , dass Putin und Scholz telefoniert hätten .", "telefoniert", "asserted"),
    ("Das Treffen kam nicht zustande .", "Treffen", "negated"),
    ("Das geplante Treffen fand nicht statt .", "Treffen", "negated"),
    ("Der ursprünglich geplante Besuch wurde abgesagt .", "Besuch", "negated"),
    ("Nach dem zweitägigen Besuch reiste er ab .", "Besuch", "asserted"),
    ("Der Papst lud Selenskyj zu einem Besuch nach Rom ein .", "Besuch", "planned"),
    ("Scholz traf Macron , bevor er nach Kiew reisen wird .", "traf", "asserted"),
    ("Scholz traf Macron , der am Montag nach Kiew reisen wird .", "traf", "asserted"),
    ("Die Gespräche wurden abgebrochen , ein Treffen soll aber im Juni stattfinden .", "Treffen", "planned"),
    ("Die Reise wurde abgesagt , aber ein Telefonat fand statt .", "Telefonat", "asserted"),
    ("Ein Besuch wird nicht erwartet .", "Besuch", "negated"),
    ("Das Treffen am Montag war das erste seit Jahren .", "Treffen", "asserted"),
    ("Merkel und Macron trafen sich , um über die Krise zu beraten .", "trafen", "asserted"),
    ("Ein Gespräch mit Putin lehnte er ab .", "Gespräch", "negated"),
    ("Nach dem Treffen , das nicht öffentlich war , sagte er nichts .", "Treffen", "asserted"),
    ("Scholz reiste nach Kiew und traf dort Selenskyj , der ihn nicht empfangen wollte .", "traf", "asserted"),
    ("Scholz traf Selenskyj und wird im Mai nach Kiew reisen .", "traf", "asserted"),
    ("Scholz traf Selenskyj und wird im Mai nach Kiew reisen .", "reisen", "planned"),
    ("Ein Besuch Putins sei möglich , hieß es .", "Besuch", "possible"),
    ("Die Reise ist abgesagt worden .", "Reise", "negated"),
    ("Sie verzichtete auf die Reise nach Israel .", "Reise", "negated"),
    ("Der Besuch wurde verschoben .", "Besuch", "planned"),
    ("Israel verweigerte ihr die Einreise , sie sagte ihre Reise ab .", "Reise", "negated"),
    ("Er hofft auf ein Treffen mit Putin .", "Treffen", "possible"),
    ("Er hofft auf ein baldiges Treffen mit Putin .", "Treffen", "possible"),
    ("Der Minister will am Montag mit seinem Amtskollegen telefonieren .", "telefonieren", "planned"),
]


@pytest.mark.parametrize("sentence,target,status", CASES)
def test_status_in_scope(sentence, target, status):
    words = sentence.split()
    assert status_at(words, words.index(target), CUES)[0] == status


def test_the_longer_of_two_overlapping_cues_wins():
    hits = find_cues(["Ein", "Treffen", "sei", "nicht", "ausgeschlossen"], CUES)
    assert [(h.start, h.end, h.category.value) for h in hits] == [(3, 5, "POSSIBLE")]


def test_a_second_verb_phrase_stops_the_backward_scope():
    words = ["Scholz", "traf", "Selenskyj", "und", "wird", "im", "Mai", "nach", "Kiew", "reisen", "."]
    assert status_at(words, 1, CUES) == ("asserted", [])
    assert status_at(words, words.index("reisen"), CUES) == ("planned", ["wird"])


@pytest.mark.parametrize(
    "sentence,target,status",
    [
        # reported future: "werden würde" is planned, not hypothetical
        (
            "Er kündigte an , dass der Vorschlag in einer Telefonkonferenz besprochen werden würde .",
            "Telefonkonferenz",
            "planned",
        ),
        ("Ein Treffen würde die Lage entspannen .", "Treffen", "possible"),
        # Konjunktiv I of reported speech keeps the future
        ("Er wolle am Mittwoch Gespräche mit den Parteien führen .", "Gespräche", "planned"),
        ("Sie werde im Mai nach Kiew reisen .", "reisen", "planned"),
    ],
)
def test_reported_future(sentence, target, status):
    words = sentence.split()
    assert status_at(words, words.index(target), CUES)[0] == status
