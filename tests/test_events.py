import pytest
from conftest import SAMPLES, SHARED, needs_shared


def summary(result):
    return [
        (
            e["type"],
            e["status"],
            {a["country"] for a in e["actors"] + e["hosts"] if a["country"]},
            {a["name"].split()[-1] for a in e["actors"] if a["kind"] == "person"},
            e["date"] and e["date"]["value"],
            e["date"] and e["date"]["mod"],
            e["location"] and e["location"]["country"],
        )
        for e in result["events"]
    ]


def check_seed_facts(result):
    events = summary(result)
    assert ("phone_call", "asserted", {"KOR", "UKR"}, {"Suk-yeol", "Selenskyj"}, "2024-10-29", None, None) in events
    treaty = [e for e in events if e[0] == "treaty"]
    assert any(
        e[1] == "asserted" and {"RUS", "PRK"} <= e[2] and {"Putin", "Jong-un"} <= e[3] and e[4] == "2024-06" for e in treaty
    ), treaty
    assert any(e[0] == "meeting" and e[1] == "asserted" and {"RUS", "PRK"} <= e[2] and e[4] == "2024-06" for e in events), events
    assert any(e[0] == "visit" and e[1] == "asserted" and "Son-hui" in e[3] and e[6] == "RUS" for e in events), events
    assert any(
        e[0] == "visit" and e[1] == "possible" and "Jong-un" in e[3] and e[4] == "2025" and e[5] == "START" and e[6] == "RUS"
        for e in events
    ), events


def test_sample_article(extract):
    check_seed_facts(extract((SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8")))


@needs_shared
def test_seed_article(extract):
    check_seed_facts(extract((SHARED / "seed/article.txt").read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "text,date,expected",
    [
        (
            "Bundeskanzler Olaf Scholz wird am Montag den französischen Präsidenten Emmanuel Macron in Berlin treffen.",
            "2024-10-30",
            ("meeting", "planned"),
        ),
        (
            "Der geplante Besuch von Außenministerin Annalena Baerbock in Peking wurde abgesagt.",
            "2024-10-30",
            ("visit", "negated"),
        ),
        ("Möglicherweise könnte Präsident Joe Biden im Dezember nach Kiew reisen.", "2024-10-30", ("visit", "possible")),
        (
            "Gestern telefonierte der russische Präsident Wladimir Putin mit dem türkischen Präsidenten Recep Tayyip Erdoğan.",
            "2024-10-30",
            ("phone_call", "asserted"),
        ),
    ],
)
def test_status_on_written_sentences(extract, text, date, expected):
    events = extract(text, date)["events"]
    assert [(e["type"], e["status"]) for e in events][:1] == [expected]


def test_repeated_mentions_are_merged(extract):
    text = (
        "Der ukrainische Präsident Wolodymyr Selenskyj hat am Dienstag mit dem polnischen Präsidenten Andrzej Duda telefoniert. "
        "In dem Telefonat sprachen Selenskyj und Duda über Waffenlieferungen."
    )
    events = [e for e in extract(text, "2024-10-30")["events"] if e["type"] == "phone_call"]
    assert len(events) == 1 and events[0]["mentions"] == 2
    assert events[0]["date"]["value"] == "2024-10-29"


def test_cameo_codes_are_strings(extract):
    result = extract((SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8"))
    assert result["events"] and all(isinstance(e["cameo"], str) and len(e["cameo"]) == 3 for e in result["events"])


def test_offsets_point_into_the_text(extract):
    text = (SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8")
    for e in extract(text)["events"]:
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        assert text[e["sentence"]["start"] : e["sentence"]["end"]] == e["sentence"]["text"]


def test_second_sample_hosts_and_called_off_meeting(extract):
    result = extract((SAMPLES / "staatsbesuch.txt").read_text(encoding="utf-8"), "2024-10-30")
    by_type = {}
    for e in result["events"]:
        by_type.setdefault(e["type"], []).append(e)
    (visit,) = by_type["visit"]
    assert [a["name"] for a in visit["actors"]] == ["Emmanuel Macron"] and [a["name"] for a in visit["hosts"]] == ["Olaf Scholz"]
    assert (visit["status"], visit["date"]["value"], visit["location"]["country"]) == ("planned", "2024-11-04", "DEU")
    (call,) = by_type["phone_call"]
    assert {a["country"] for a in call["actors"]} == {"DEU", "POL"} and call["date"]["value"] == "2024-10-25"
    negated = [e for e in by_type["meeting"] if e["status"] == "negated"]
    assert len(negated) == 1 and {a["name"] for a in negated[0]["actors"]} == {"Viktor Orbán", "Olaf Scholz"}
