"""The training recipe's converters (models/recipe/scripts), on hand-made sentences."""

import random
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models" / "recipe" / "scripts"))
from convert import GERMEVAL, LER, bio_doc, mention_pool, replace_mentions  # noqa: E402


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("de").vocab


def test_germeval_outer_layer_mapping(vocab):
    sent = [("Die", "O"), ("deutsche", "B-LOCderiv"), ("EU-Kommission", "B-ORGpart"), ("und", "O")]
    sent += [("Der", "B-OTH"), ("Spiegel", "I-OTH"), ("lobten", "O"), ("Angela", "B-PER"), ("Merkel", "I-PER")]
    doc = bio_doc(vocab, sent, GERMEVAL)
    assert [(e.text, e.label_) for e in doc.ents] == [("Der Spiegel", "MISC"), ("Angela Merkel", "PER")]


def test_dropped_label_does_not_leave_a_dangling_inside_tag(vocab):
    # LER: a norm (NRM, dropped) directly followed by a court (GRT -> ORG) given as I-
    sent = [("nach", "O"), ("§", "B-NRM"), ("5", "I-NRM"), ("BGH", "I-GRT")]
    doc = bio_doc(vocab, sent, LER)
    assert [(e.text, e.label_) for e in doc.ents] == [("BGH", "ORG")]


def test_mention_replacement_keeps_context_and_labels(vocab):
    words = ["Gestern", "traf", "Angela", "Merkel", "in", "Paris", "ein", "."]
    doc = Doc(vocab, words=words, ents=["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"])
    pool = mention_pool([Doc(vocab, words=["Olaf", "Scholz", "in", "Wien"], ents=["B-PER", "I-PER", "O", "B-LOC"])])
    assert pool == {"PER": [("Olaf", "Scholz")], "LOC": [("Wien",)]}
    swapped = replace_mentions(doc, pool, random.Random(0), 1.0)
    assert swapped.text == "Gestern traf Olaf Scholz in Wien ein . "
    assert [(e.text, e.label_) for e in swapped.ents] == [("Olaf Scholz", "PER"), ("Wien", "LOC")]
    assert replace_mentions(doc, pool, random.Random(0), 0.0).text == doc.text


def test_mention_replacement_is_seeded_and_keeps_missing_tags(vocab):
    doc = Doc(vocab, words=["A", "sah", "B", "gestern"], ents=["B-PER", "", "B-PER", "O"])
    pool = {"PER": [("X",), ("Y", "Z"), ("W",)]}
    one = replace_mentions(doc, pool, random.Random(3), 0.5)
    two = replace_mentions(doc, pool, random.Random(3), 0.5)
    assert one.text == two.text
    assert one[-1].ent_iob_ == "O"
    assert [t.ent_iob_ for t in one if t.text == "sah"] == [""]
