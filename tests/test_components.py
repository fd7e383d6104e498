"""The eventx components on spacy.blank("de") docs with entities set by hand (the rules,
not the NER, are tested), their configs of registered default loaders, and their
serialisation: nlp.to_disk -> spacy.load gives the same output and carries the rules."""

import pytest
import spacy
from conftest import SAMPLES
from spacy.tokens import Doc, Span
from spacy.util import registry

import eventx  # noqa: F401  (registers the components)
from eventx import rules
from eventx.pipeline import shipped_model_path

COMPONENTS = ("eventx_countries", "eventx_dates", "eventx_actors", "eventx_events")
RULE_FILES = {
    "eventx_name_rules": {"name_titles.tsv", "name_heads.tsv", "roles.tsv"},
    "eventx_countries": {"countries.tsv", "organisations.tsv"},
    "eventx_dates": {"tense_words.json"},
    "eventx_actors": {"roles.tsv"},
    "eventx_events": {"triggers.jsonl", "modality_cues.jsonl", "plover.tsv"},
}


def blank_pipeline(**configs):
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    for name in ("eventx_name_rules", *COMPONENTS):
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


@pytest.fixture(scope="module")
def blank():
    return blank_pipeline()


def annotate(nlp, text, persons=(), dct=None):
    """Run the pipeline's components on a doc whose PER entities are set by hand."""
    doc = nlp.make_doc(text)
    doc._.dct = dct
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), label="PER") for n in persons]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def people(doc):
    return [(a["name"], a["role"], a["country"], a["code"]) for a in doc._.actors if a["kind"] == "person"]


def events(doc):
    return [
        (
            e["type"],
            e["status"],
            [a["name"] for a in e["actors"]],
            [a["name"] for a in e["hosts"]],
            e["date"] and e["date"]["value"],
        )
        for e in doc._.events
    ]


# -- components on hand-set entities ------------------------------------------------------
def test_actors_affiliation_from_adjective_genitive_and_title(blank):
    doc = annotate(
        blank,
        "Russlands Präsident Wladimir Putin traf den südkoreanischen Präsidenten Yoon Suk-yeol und Bundeskanzler Olaf Scholz.",
        ["Wladimir Putin", "Yoon Suk-yeol", "Olaf Scholz"],
    )
    assert people(doc) == [
        ("Wladimir Putin", "Präsident", "RUS", "RUSGOV"),
        ("Yoon Suk-yeol", "Präsident", "KOR", "KORGOV"),  # the title without its case ending
        ("Olaf Scholz", "Bundeskanzler", "DEU", "DEUGOV"),
    ]


def test_actors_apposition_and_short_mentions(blank):
    doc = annotate(blank, "Wolodymyr Selenskyj, Präsident der Ukraine, sprach. Selenskyj dankte.", ["Wolodymyr Selenskyj"])
    (selenskyj,) = [a for a in doc._.actors if a["kind"] == "person"]
    assert (selenskyj["role"], selenskyj["country"]) == ("Präsident", "UKR")
    assert len(selenskyj["mentions"]) == 2  # the untagged "Selenskyj" is linked to the full name


def test_actors_government_noun_makes_a_country_actor(blank):
    doc = annotate(blank, "Die iranische Regierung widersprach.")
    assert [(a["name"], a["kind"], a["code"]) for a in doc._.actors] == [("Iran", "country", "IRNGOV")]


def test_events_phone_call_with_date(blank):
    doc = annotate(
        blank,
        "Der südkoreanische Präsident Yoon Suk-yeol telefonierte am 29. Oktober 2024 "
        "mit dem ukrainischen Präsidenten Wolodymyr Selenskyj.",
        ["Yoon Suk-yeol", "Wolodymyr Selenskyj"],
    )
    assert events(doc) == [("phone_call", "asserted", ["Yoon Suk-yeol", "Wolodymyr Selenskyj"], [], "2024-10-29")]
    assert doc._.events[0]["plover"] == {"event": "CONSULT", "mode": "phone"}
    assert doc._.events[0]["trigger"]["text"] == "telefonierte"


def test_events_treaty_and_plover_while_not_asserted(blank):
    persons = ["Wladimir Putin", "Kim Jong-un"]
    text = "Russlands Präsident Wladimir Putin und Nordkoreas Machthaber Kim Jong-un unterzeichneten im Juni 2024 ein Abkommen."
    doc = annotate(blank, text, persons, dct="2024-11-01")
    assert events(doc) == [("treaty", "asserted", persons, [], "2024-06")]
    assert doc._.events[0]["plover"] == {"event": "SUPPORT", "mode": None}
    text = (
        "Russlands Präsident Wladimir Putin und Nordkoreas Machthaber Kim Jong-un wollen im Juni 2025 ein Abkommen unterzeichnen."
    )
    doc = annotate(blank, text, persons, dct="2024-11-01")
    assert events(doc) == [("treaty", "planned", persons, [], "2025-06")]
    assert doc._.events[0]["plover"] == {"event": "AGREE", "mode": None}


def test_events_visit_host_receives(blank):
    doc = annotate(
        blank,
        "Der französische Präsident Emmanuel Macron wird Bundeskanzler Olaf Scholz am 3. Mai 2025 in Paris empfangen.",
        ["Emmanuel Macron", "Olaf Scholz"],
        dct="2024-11-01",
    )
    assert events(doc) == [("visit", "planned", ["Olaf Scholz"], ["Emmanuel Macron"], "2025-05-03")]
    assert doc._.events[0]["location"] == {"name": "Paris", "country": "FRA"}


def test_events_need_a_political_actor(blank):
    assert annotate(blank, "Harry Kane traf zum 2:0 gegen Thomas Müller.", ["Harry Kane", "Thomas Müller"])._.events == []


def test_name_rules_on_hand_set_entities(blank):
    doc = Doc(blank.vocab, words=["Bundestrainer", "Joachim", "Löw", "lobte", "den", "Franzis", "Verlag"])
    doc.ents = [Span(doc, 0, 3, label="PER"), Span(doc, 5, 7, label="PER")]
    doc = blank.get_pipe("eventx_name_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Joachim Löw", "PER"), ("Franzis Verlag", "ORG")]


def test_dates_tense_words_decide_the_year(blank):
    def value(text):
        doc = annotate(blank, text, dct="2024-08-01")
        return [s._.timex["value"] for s in doc.spans["eventx_dates"]]

    assert value("Am 3. Mai war er in Paris.") == ["2024-05-03"]
    assert value("Am 3. Mai wird er in Paris sein.") == ["2025-05-03"]


# -- configs of registered loaders ------------------------------------------------------------
def test_configs_name_versioned_registered_loaders(blank):
    for name in ("eventx_name_rules", *COMPONENTS):
        for _key, value in blank.config["components"][name].items():
            if isinstance(value, dict) and "@misc" in value:
                assert value["@misc"].startswith("eventx.") and value["@misc"].endswith(".v1")
                assert registry.misc.get(value["@misc"]) is not None
    assert blank.config["components"]["eventx_events"]["triggers"] == {"@misc": "eventx.default_triggers.v1"}


def test_bad_config_is_refused():
    nlp = spacy.blank("de")
    with pytest.raises(Exception, match="triggers"):
        nlp.add_pipe("eventx_events", config={"triggers": "not a list"})


def test_triggers_from_a_file_of_ones_own(tmp_path):
    path = tmp_path / "triggers.jsonl"
    rules.write_jsonl(path, [r for r in rules.load_triggers() if r["type"] != "phone_call"])
    nlp = blank_pipeline(eventx_events={"triggers": {"@misc": "eventx.triggers_from_file.v1", "path": str(path)}})
    doc = annotate(
        nlp, "Präsident Yoon Suk-yeol telefonierte mit Präsident Wolodymyr Selenskyj.", ["Yoon Suk-yeol", "Wolodymyr Selenskyj"]
    )
    assert doc._.events == []


def test_rule_data_is_copied_per_instance():
    a, b = blank_pipeline(), blank_pipeline()
    for name, attr in [("eventx_countries", "phrases"), ("eventx_name_rules", "titles"), ("eventx_actors", "roles")]:
        assert getattr(a.get_pipe(name), attr) is not getattr(b.get_pipe(name), attr)
    a.get_pipe("eventx_countries").phrases["Absurdistan"] = ("ABS", "country", "Absurdistan")
    a.get_pipe("eventx_name_rules").tables.words["angela"] = "title"
    assert "Absurdistan" not in b.get_pipe("eventx_countries").phrases
    assert "angela" not in b.get_pipe("eventx_name_rules").tables.words
    assert a.get_pipe("eventx_events").triggers[0] is not b.get_pipe("eventx_events").triggers[0]


# -- serialisation ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def saved_shipped(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("pipeline")
    nlp.to_disk(path)
    return path, spacy.load(path)


@pytest.mark.parametrize("name", sorted(RULE_FILES))
def test_to_disk_writes_the_rules(saved_shipped, name):
    path, _ = saved_shipped
    assert {p.name for p in (path / name).iterdir()} == RULE_FILES[name]


@pytest.mark.parametrize("name", sorted(RULE_FILES))
def test_round_trip_reads_the_same_rules(nlp, saved_shipped, name):
    _, loaded = saved_shipped
    before, after = nlp.get_pipe(name), loaded.get_pipe(name)
    for f in before.rule_files:
        assert getattr(after, f.attr) == getattr(before, f.attr), f.name


def test_round_trip_gives_the_same_output_on_real_sentences(nlp, saved_shipped):
    _, loaded = saved_shipped
    assert loaded.pipe_names == nlp.pipe_names
    found = 0
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        a, b = nlp(text), loaded(text)
        assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
        for key in ("eventx_places", "eventx_dates"):
            assert [(s.text, s.label_) for s in a.spans[key]] == [(s.text, s.label_) for s in b.spans[key]]
        assert a._.actors == b._.actors
        assert a._.events == b._.events, path.name
        found += len(a._.events)
    assert found >= 5  # the samples hold calls, visits, meetings and treaties


def test_changed_rules_travel_with_the_pipeline(tmp_path):
    nlp = blank_pipeline()
    events = nlp.get_pipe("eventx_events")
    events.triggers = [r for r in events.triggers if r["type"] != "phone_call"]
    events.set_rules()
    actors = nlp.get_pipe("eventx_actors")
    actors.roles["staatenlenker"] = ("GOV", None)
    actors.set_rules()
    countries = nlp.get_pipe("eventx_countries")
    countries.organisations["names"]["Ostseerat"] = "Ostseerat"
    countries.set_rules()
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    text = "Staatenlenker Olaf Scholz telefonierte mit Präsident Emmanuel Macron vor dem Ostseerat."
    persons = ["Olaf Scholz", "Emmanuel Macron"]
    doc = annotate(loaded, text, persons)
    assert doc._.events == []  # no phone-call triggers
    assert people(doc)[0][1] == "Staatenlenker"
    assert [(a["name"], a["kind"]) for a in doc._.actors if a["kind"] == "org"] == [("Ostseerat", "org")]
    defaults = annotate(blank_pipeline(), text, persons)
    assert defaults._.events and people(defaults)[0][1] is None  # the defaults find the call, not the title


def test_shipped_pipeline_without_rule_folder_falls_back_to_defaults():
    path = shipped_model_path()
    if (path / "eventx_name_rules" / "name_titles.tsv").exists():
        pytest.skip("the shipped pipeline carries its own name rules")
    name_rules = spacy.load(path).get_pipe("eventx_name_rules")
    assert name_rules.titles == rules.load_name_titles()
    assert name_rules.heads == rules.load_name_heads()
