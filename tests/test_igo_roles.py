"""A role word that names an international organisation ("Eurogruppen-Chef", "UN-Generalsekretär")
makes its holder act for the organisation: the knowledge base's national office gives no
country (the gold: an international organisation carries no country). Sentences written for
these tests."""

import pytest


@pytest.mark.parametrize(
    "text,name,country",
    [
        (
            "Eurogruppen-Chef Jeroen Dijsselbloem telefonierte mit dem griechischen Premier Alexis Tsipras.",
            "Jeroen Dijsselbloem",
            None,
        ),
        ("Der niederländische Finanzminister Jeroen Dijsselbloem telefonierte mit Alexis Tsipras.", "Jeroen Dijsselbloem", "NLD"),
        ("Finanzminister Jeroen Dijsselbloem telefonierte mit Alexis Tsipras.", "Jeroen Dijsselbloem", "NLD"),
        ("Der griechische Premier Alexis Tsipras telefonierte mit Eurogruppen-Chef Dijsselbloem.", "Alexis Tsipras", "GRC"),
        ("EU-Außenminister Jeroen Dijsselbloem telefonierte mit Alexis Tsipras.", "Jeroen Dijsselbloem", "NLD"),
    ],
)
def test_international_role_prefix(nlp, text, name, country):
    from eventx import process

    doc = process(nlp, text, "2015-07-10")
    actor = next(a for a in doc._.actors if a["name"] == name)
    assert actor["country"] == country
