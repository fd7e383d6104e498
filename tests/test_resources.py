"""Every rule file shipped in eventx/resources loads through its loader."""

import json
from importlib import resources

import pytest

from eventx import kb, resolution, rules
from eventx.errors import EventxError

LOADERS = {
    "countries.tsv": rules.load_country_table,
    "kb.tsv.gz": kb.load,
    "modality_cues.jsonl": rules.load_cues,
    "name_heads.tsv": rules.load_name_heads,
    "non_events.jsonl": rules.load_non_events,
    "name_titles.tsv": rules.load_name_titles,
    "organisations.tsv": rules.load_organisations,
    "plover.tsv": rules.load_plover,
    "role_offices.tsv": resolution.load_role_offices,
    "roles.tsv": rules.load_roles,
    "triggers.jsonl": rules.load_triggers,
    "word_lists.json": rules.load_word_lists,
}
NOT_RULES = {"__init__.py", "result.schema.json", "report.html"}  # the package marker, the output schema, the report page


def shipped_files():
    return sorted(p.name for p in resources.files("eventx.resources").iterdir() if p.is_file() and p.name not in NOT_RULES)


def test_every_shipped_file_has_a_loader():
    assert shipped_files() == sorted(LOADERS)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_shipped_file_loads(name):
    data = LOADERS[name]()
    assert len(data) >= 4, name  # every file holds real rules (the smallest, plover.tsv, has one row per event type)


def test_loaders_return_fresh_objects():
    first = rules.load_word_lists()
    first["clause_ends"].append("x")
    assert "x" not in rules.load_word_lists()["clause_ends"]
    assert "x" not in rules.word_set("clause_ends")
    table = rules.word_table("government_nouns")
    table["regierung"] = "XXX"
    assert rules.word_table("government_nouns")["regierung"] == "GOV"


def test_word_lists_are_lowercase_except_punctuation():
    for name, value in rules.load_word_lists().items():
        words = value if isinstance(value, list) else list(value)
        assert words, name
        assert all(w == w.lower() for w in words), name
        assert len(set(words)) == len(words), f"{name} repeats a word"


def test_past_markers_live_once():
    """The past-tense auxiliaries serve both the date tense (eventx_dates) and the event status."""
    from eventx.components.dates import PAST_CUES
    from eventx.event_status import PAST_MARKERS

    shared = rules.word_set("past_auxiliaries")
    assert {"war", "hatte", "wurde"} <= shared
    assert shared <= PAST_MARKERS and shared <= PAST_CUES
    assert "gestern" in PAST_CUES and "gestern" not in PAST_MARKERS  # a time word dates a sentence, not a tense
    assert "hat" in PAST_MARKERS and "hat" not in PAST_CUES


def test_plover_covers_every_event_type():
    plover = rules.load_plover()
    assert set(plover) == set(rules.EVENT_TYPES)
    assert plover["treaty"] == {"event": "SUPPORT", "mode": None, "event_unless_asserted": "AGREE"}
    assert plover["phone_call"]["mode"] == "phone"


def test_bad_word_list_is_refused(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"x": {"words": ["a"]}}), encoding="utf-8")
    with pytest.raises(EventxError, match="E009"):
        rules.load_word_lists(path)
    path.write_text(json.dumps({"x": {"about": "", "words": ["a", 1]}}), encoding="utf-8")
    with pytest.raises(EventxError, match="E009"):
        rules.load_word_lists(path)
