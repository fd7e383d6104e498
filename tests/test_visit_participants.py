"""Who visits (issue 9, mechanism 6): the person a visit noun names in its genitive or 'von'
phrase travels alone, and such a visit is no mention of an earlier one. German sentences
written for these tests."""

import pytest


def _visits(extract, text, date="2024-05-06"):
    return [
        ([a["name"] for a in e["actors"]], [h["name"] for h in e["hosts"]])
        for e in extract(text, date)["events"]
        if e["type"] == "visit"
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Während des Besuchs des japanischen Ministerpräsidenten Shinzō Abe in Washington "
            "lernte Melania Trump die Sprecherin kennen.",
            [(["Shinzō Abe"], [])],
        ),
        (
            "Der Besuch von Außenminister Sergej Lawrow in Berlin wurde von Olaf Scholz gelobt.",
            [(["Sergej Lawrow"], [])],
        ),
        (
            "Beim Besuch des Präsidenten Emmanuel Macron bei Kanzler Olaf Scholz in Berlin ging es um Zölle.",
            [(["Emmanuel Macron"], ["Olaf Scholz"])],
        ),
    ],
)
def test_genitive_names_the_visitor(extract, text, expected):
    assert _visits(extract, text) == expected


def test_a_visit_named_by_its_visitor_is_a_new_visit(extract):
    text = (
        "Melania Trump reiste im Oktober nach Kenia. "
        "Während des Besuchs des japanischen Ministerpräsidenten Shinzō Abe in Washington im Februar "
        "wurde Melania Trump auf die Sprecherin aufmerksam."
    )
    visitors = sorted(v[0][0] for v in _visits(extract, text, "2019-06-26"))
    assert visitors == ["Melania Trump", "Shinzō Abe"]
