import pytest

from eventx.pipeline import shipped_model_path


def test_shipped_pipeline_has_labels_and_components(nlp):
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    for name in ("sentencizer", "lemmatizer", "ner", "eventx_countries", "eventx_events"):
        assert name in nlp.pipe_names
    assert (shipped_model_path() / "meta.json").exists()


def test_sentences_keep_dates_and_abbreviations_together(nlp):
    doc = nlp("Am 29. Oktober traf Dr. Müller z. B. Herrn Nr. 5 u. a. in Berlin. Danach reiste er ab.")
    sents = [s.text for s in doc.sents]
    assert sents == ["Am 29. Oktober traf Dr. Müller z. B. Herrn Nr. 5 u. a. in Berlin.", "Danach reiste er ab."]


@pytest.mark.parametrize(
    "text,person",
    [
        ("Der französische Präsident Emmanuel Macron reiste nach Berlin.", "Emmanuel Macron"),
        ("Gestern sprach Bundeskanzlerin Angela Merkel in Paris mit Journalisten.", "Angela Merkel"),
    ],
)
def test_tags_persons_and_countries(nlp, text, person):
    doc = nlp(text)
    assert person in [e.text for e in doc.ents if e.label_ == "PER"]
    assert any(s._.iso3 for s in doc.spans["eventx_places"])


def test_lemmas_from_the_baked_lookup_table(nlp):
    doc = nlp("Sie trafen sich und unterzeichneten Verträge.")
    assert doc[1].lemma_.lower() == "treffen"


def test_installed_package_uses_its_own_copy_of_the_pipeline():
    from pathlib import Path

    import eventx

    pkg = Path(eventx.__file__).parent
    if "site-packages" not in str(pkg):
        pytest.skip("eventx is imported from the source tree (editable install)")
    assert shipped_model_path().resolve().is_relative_to(pkg.resolve())


def test_model_given_as_a_path():
    from typer.testing import CliRunner

    from eventx.cli import app

    res = CliRunner().invoke(app, ["info", "--model", str(shipped_model_path())])
    assert res.exit_code == 0 and "ner" in res.output


def test_organisation_ruler_names_organisations_the_ner_misses(nlp):
    names = nlp.pipe_names
    assert names.index("place_ruler") < names.index("org_ruler") < names.index("eventx_name_rules")
    text = "Die Kultusministerkonferenz beschloss am Freitag in Berlin eine Reform."
    assert ("Kultusministerkonferenz", "ORG") in [(e.text, e.label_) for e in nlp(text).ents]
    with nlp.select_pipes(disable=["org_ruler"]):
        assert "Kultusministerkonferenz" not in [e.text for e in nlp(text).ents]


def test_meta_records_scores_on_both_evaluation_sets():
    import json

    meta = json.loads((shipped_model_path() / "meta.json").read_text(encoding="utf-8"))
    perf = meta["performance"]
    assert set(perf) == {"germeval2014_dev", "eventx_news_test"}
    assert perf["eventx_news_test"]["overall"]["f"] > perf["germeval2014_dev"]["overall"]["f"] > 0.7
    assert any("Wikinews" in s["name"] or "wikinews" in s["url"] for s in meta["sources"])


def test_name_rules_folder_carries_its_rule_files():
    folder = shipped_model_path() / "eventx_name_rules"
    for name in ("name_titles.tsv", "name_heads.tsv", "roles.tsv"):
        assert (folder / name).stat().st_size > 100
