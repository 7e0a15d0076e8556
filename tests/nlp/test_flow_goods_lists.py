"""Figureless flows that list their goods: a country described as a trader of them with a
partner, or a country's trade that "includes" them, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _listed(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), names.get(f.partner), f.period)
            for f in x.facts if f.extractor == "flow-goods-list"]  # fmt: skip


def test_an_exporter_to_a_partner_of_listed_goods_and_their_examples(extracted) -> None:
    text = ("Taiwan is a leading exporter to Japan of textiles and electronic goods, such as "
            "television sets and personal computers.")
    assert _listed(extracted, text) == [
        ("exports", "Taiwan", "textiles", "Japan", None),
        ("exports", "Taiwan", "electronic goods", "Japan", None),
        ("exports", "Taiwan", "television sets", "Japan", None),
        ("exports", "Taiwan", "personal computers", "Japan", None),
    ]


def test_a_countrys_purchases_from_a_partner_include_goods(extracted) -> None:
    text = "Mexico's purchases from Canada include mining equipment, wheat and cotton."
    assert [(p, s, o, partner) for p, s, o, partner, _ in _listed(extracted, text)] == [
        ("imports", "Mexico", "mining equipment", "Canada"),
        ("imports", "Mexico", "wheat", "Canada"),
        ("imports", "Mexico", "cotton", "Canada"),
    ]


def test_its_purchases_are_those_of_the_country_the_sentence_before_was_about(extracted) -> None:
    # "its" is the subject before, not the partner named last
    text = "Peru is a big exporter to Chile of sugar. Its purchases from Argentina include wheat and corn."
    assert [(p, s, o, partner) for p, s, o, partner, _ in _listed(extracted, text)] == [
        ("exports", "Peru", "sugar", "Chile"),
        ("imports", "Peru", "wheat", "Argentina"),
        ("imports", "Peru", "corn", "Argentina"),
    ]


def test_the_leading_importer_of_a_countrys_goods_in_a_year(extracted) -> None:
    text = "Italy, which edged out France as the leading importer of Spanish olive oil in 1985, came second."
    assert _listed(extracted, text) == [("imports", "Italy", "olive oil", "Spain", "1985")]


def test_no_flow_without_a_partner(extracted) -> None:
    # what a country sells anywhere is no flow the story reports
    assert _listed(extracted, "Brazil is a major exporter of coffee and sugar.") == []
    assert _listed(extracted, "Brazil's exports include coffee and sugar.") == []


def test_no_flow_for_a_trader_that_is_no_country_or_a_list_of_no_goods(extracted) -> None:
    assert _listed(extracted, "Acme is a major exporter to Japan of machine tools.") == []
    assert _listed(extracted, "Mexico's purchases from Canada include several large deals.") == []


def test_a_countrys_imports_including_goods_from_a_partner(extracted) -> None:
    text = "He expected Peru's imports, including wheat, machinery and fertiliser, from Chile to rise."
    assert [(p, s, o, partner) for p, s, o, partner, _ in _listed(extracted, text)] == [
        ("imports", "Peru", "wheat", "Chile"),
        ("imports", "Peru", "machinery", "Chile"),
        ("imports", "Peru", "fertiliser", "Chile"),
    ]
    # a territory trades as a country does, a figure for the whole flow leaves the list its goods
    text = ("He expected Taiwan's imports, including grains and machinery, from Japan to rise to "
            "6.5 billion dlrs in the second quarter.")
    assert [(p, s, o, partner) for p, s, o, partner, _ in _listed(extracted, text)] == [
        ("imports", "Taiwan", "grains", "Japan"),
        ("imports", "Taiwan", "machinery", "Japan"),
    ]


def test_a_countrys_imports_from_a_partner_limited_to_goods(extracted) -> None:
    text = "Swedish imports from Chile are limited mainly to copper and wine."
    assert [(p, s, o, partner) for p, s, o, partner, _ in _listed(extracted, text)] == [
        ("imports", "Sweden", "copper", "Chile"),
        ("imports", "Sweden", "wine", "Chile"),
    ]


def test_no_goods_list_with_a_figure_or_without_a_partner(extracted) -> None:
    # a figure makes it a quota or a flow the figure rules read; no partner, no flow
    assert _listed(extracted, "Swedish imports from Chile are limited to 10,000 tonnes of copper a year.") == []
    assert _listed(extracted, "Peru's exports, including copper and fishmeal, rose sharply.") == []
    assert _listed(extracted, "Ferrari's sales to Japan, including sports cars, rose.") == []


def test_no_goods_whose_mention_leaves_out_the_word_naming_them(extracted) -> None:
    # the parse hangs "wine and zinkblende" on "ores": "ores" alone is not the goods the text names
    text = "Swedish imports from Chile are limited to wine and zinkblende ores."
    assert "ores" not in [o for _, _, o, _, _ in _listed(extracted, text)]


def test_the_partner_the_parse_hangs_on_the_including_list(extracted) -> None:
    # "from Chile" is the imports' origin, whichever word of the list the parse gives it to
    text = "He expected Peru's imports, including grains, machinery and fertiliser, from Chile to rise sharply."
    assert {(p, s, partner) for p, s, _, partner, _ in _listed(extracted, text)} == {("imports", "Peru", "Chile")}
