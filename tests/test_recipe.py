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


def test_news_spans_become_entities_and_misaligned_ones_missing():
    from convert_news import Alignment, news_doc

    nlp = spacy.blank("de")
    text = "Präsident Wladimir Putin traf die EU-weiten Vertreter in Moskau."
    record = {
        "id": "wikinews-politik-001-00001",
        "text": text,
        "spans": [
            {"start": text.index("Moskau"), "end": text.index("Moskau") + 6, "label": "LOC"},
            {"start": 10, "end": 24, "label": "PER"},
            {"start": text.index("EU"), "end": text.index("EU") + 2, "label": "ORG"},
        ],
    }
    stats = Alignment()
    doc = news_doc(nlp, record, stats)
    assert [(e.text, e.label_) for e in doc.ents] == [("Wladimir Putin", "PER"), ("Moskau", "LOC")]
    assert stats.spans == 3 and len(stats.missing) == 1 and "EU-weiten" in stats.missing[0]
    assert [t.ent_iob_ for t in doc if t.text == "EU-weiten"] == [""]
    assert doc[0].ent_iob_ == "O"


def test_news_unknown_label_is_an_error():
    from convert_news import Alignment, news_doc

    with pytest.raises(ValueError):
        news_doc(
            spacy.blank("de"), {"id": "x-1", "text": "Berlin", "spans": [{"start": 0, "end": 6, "label": "GPE"}]}, Alignment()
        )


def test_news_split_holds_out_whole_articles(vocab):
    from convert_news import article_id, split_by_article

    assert article_id("wikinews-politik-001-00012") == "wikinews-politik-001"
    docs = [(f"a{i // 2}", Doc(vocab, words=[f"w{i}"])) for i in range(8)]  # 4 articles, 2 sentences each
    keep, held = split_by_article(docs, 2)
    assert [d[0].text for d in held] == ["w2", "w3", "w6", "w7"]
    assert [d[0].text for d in keep] == ["w0", "w1", "w4", "w5"]
    assert split_by_article(docs, 0) == ([d for _, d in docs], [])


def test_scores_count_no_prediction_on_missing_gold_tokens(vocab):
    from evaluate_ner import score

    nlp = spacy.blank("de", vocab=vocab)
    ruler = nlp.add_pipe("entity_ruler", name="place_ruler")
    ruler.add_patterns([{"label": "LOC", "pattern": "Berlin"}, {"label": "ORG", "pattern": "EU-weit"}])
    words = ["Putin", "kam", "EU-weit", "nach", "Berlin", "."]
    gold = Doc(vocab, words=words, ents=["B-PER", "O", "", "O", "B-LOC", "O"])
    table = score(nlp, [gold], ["place_ruler"])
    assert table["LOC"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert table["overall"]["p"] == 1.0 and table["overall"]["r"] == 0.5  # "EU-weit" is neither right nor wrong
    assert score(nlp, [gold], [])["overall"]["r"] == 0.0


def test_org_names_keep_names_that_are_nearly_always_organisations(vocab):
    from add_org_ruler import add_org_ruler, org_names

    docs = [
        Doc(vocab, words=["Die", "SPD", "tagte"], ents=["O", "B-ORG", "O"]),
        Doc(vocab, words=["SPD", "und", "Union"], ents=["B-ORG", "O", "B-ORG"]),
        Doc(vocab, words=["Union", "Berlin", "siegte"], ents=["O", "B-LOC", "O"]),
        Doc(vocab, words=["die", "Europäische", "Union"], ents=["O", "B-ORG", "I-ORG"]),
        Doc(vocab, words=["die", "Union", "selbst"], ents=["O", "B-ORG", "O"]),
        Doc(vocab, words=["Europäische", "Union"], ents=["B-ORG", "I-ORG"]),
    ]
    # "Union": tagged ORG twice in five occurrences (two inside "Europäische Union");
    # "Europäische Union" and "SPD" always ORG
    assert org_names(docs) == [("Europäische", "Union"), ("SPD",)]
    # a name seen once is kept (the default since v0.4.0), unless the stricter v0.3.0 rule is asked for
    once = docs + [Doc(vocab, words=["Greenpeace", "protestierte"], ents=["B-ORG", "O"])]
    assert ("Greenpeace",) in org_names(once)
    assert org_names(once, min_count=2, min_share=0.9) == [("Europäische", "Union"), ("SPD",)]
    # tagged ORG in half of its occurrences: kept; in fewer: not
    half = once + [Doc(vocab, words=["Greenpeace", "-", "Schiff"], ents=["O", "O", "O"])]
    assert ("Greenpeace",) in org_names(half)
    third = half + [Doc(vocab, words=["ein", "Greenpeace"], ents=["O", "O"])]
    assert ("Greenpeace",) not in org_names(third)
    nlp = spacy.blank("de", vocab=vocab)
    assert add_org_ruler(nlp, org_names(docs)) == 2
    doc = nlp("Die Europäische Union und die SPD .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Europäische Union", "ORG"), ("SPD", "ORG")]
    # rebuilding on a pipeline that has one replaces it (re-assembling a shipped pipeline)
    assert add_org_ruler(nlp, [("Greenpeace",)]) == 1
    assert nlp.pipe_names == ["org_ruler"]
    assert [e.text for e in nlp("Greenpeace und die SPD .").ents] == ["Greenpeace"]


def test_recipe_steps_exist_and_list_the_files_they_read():
    import srsly  # a spaCy dependency

    recipe = Path(__file__).resolve().parents[1] / "models" / "recipe"
    project = srsly.read_yaml(recipe / "project.yml")
    commands = {c["name"]: c for c in project["commands"]}
    assert set(project["workflows"]["all"]) <= set(commands)
    outputs = {o for c in commands.values() for o in c.get("outputs", [])}
    for name, command in commands.items():
        for dep in command.get("deps", []):
            if "${" in dep or dep in outputs:
                continue  # shared data, or made by an earlier step
            assert (recipe / dep).exists(), f"{name}: {dep} does not exist"


def test_assemble_step_lists_the_code_and_rules_it_bakes_in():
    import srsly

    recipe = Path(__file__).resolve().parents[1] / "models" / "recipe"
    commands = {c["name"]: c for c in srsly.read_yaml(recipe / "project.yml")["commands"]}
    deps = set(commands["assemble"]["deps"])
    assert {"scripts/add_org_ruler.py", "scripts/add_place_ruler.py", "../../src/eventx/components/name_rules.py"} <= deps
    assert {"../../src/eventx/resources/name_titles.tsv", "../../src/eventx/resources/name_heads.tsv"} <= deps
    assert "training/finetune_news/model-best" in deps
    # re-assembling the shipped pipeline reads the same code and rules, only not the training output
    assert set(commands["reassemble"]["deps"]) == deps - {"training/finetune_news/model-best"}


def test_office_holder_names_give_full_names_surnames_and_particle_forms(tmp_path):
    import gzip

    from convert_news import kb_person_names

    kb = tmp_path / "kb.tsv.gz"
    rows = [
        "qid\tname\tnames\tkeys\tsurnames",
        "Q1\tUrsula von der Leyen\tUrsula von der Leyen\tursula von der leyen\tvon der leyen",
        "Q2\tXi Jinping\tXi Jinping\txi jinping\txi",
        "Q3\tRecep Tayyip Erdoğan\tRecep Tayyip Erdoğan|Tayyip Erdogan\trecep tayyip erdogan\terdogan",
        "Q4\tMadonna\tMadonna\tmadonna\tmadonna",
    ]
    with gzip.open(kb, "wt", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    names, particle = kb_person_names(spacy.blank("de"), kb)
    assert ("Xi", "Jinping") in names and ("Xi",) in names and ("Jinping",) not in names
    assert ("Erdoğan",) in names and ("Tayyip", "Erdogan") in names and ("Erdogan",) in names
    assert ("von", "der", "Leyen") in names and ("Leyen",) not in names
    assert ("Madonna",) not in names  # one-word names are too ambiguous to swap in
    assert particle == [("Ursula", "von", "der", "Leyen"), ("von", "der", "Leyen")]


def test_added_persons_make_up_the_asked_share_of_the_pool():
    from convert_news import add_persons

    pool = {"PER": [("A",)] * 9, "LOC": [("B",)]}
    assert add_persons(pool, [("von", "der", "Leyen")], 0.1, random.Random(0)) == 1
    assert pool["PER"].count(("von", "der", "Leyen")) == 1 and len(pool["PER"]) == 10
    assert add_persons(pool, [("X",)], 0.0, random.Random(0)) == 0 and len(pool["PER"]) == 10
