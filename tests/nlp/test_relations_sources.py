from __future__ import annotations

import pytest
from relations_tables import T, facts_of, only

from kg.model import Predicate

pytestmark = pytest.mark.model


def _said(parser, text: str, table: dict) -> list[tuple[str, str]]:
    facts = only(facts_of(parser, text, table), Predicate.SAID)
    return [(f.subject, f.sentence[:25]) for f in facts]


def test_a_report_speaks_for_its_author_and_then_as_it(parser) -> None:
    text = ("Iron ore imports will fall sharply by 2000, a report by Ocean Shipping Consultants said. "
            "The report predicts imports of 267.7 mln tonnes by 2000. "
            "It estimates that shipping demand will fall by almost 10 pct.")
    table = {"Ocean Shipping Consultants": ("osc", T.ORGANIZATION)}
    assert _said(parser, text, table) == [
        ("osc", "Iron ore imports will fal"),
        ("osc", "The report predicts impor"),
        ("osc", "It estimates that shippin"),
    ]


def test_statistics_of_a_body_and_it_said(parser) -> None:
    text = ("The Commerce Ministry said Thailand exported 84,960 tonnes of rice in the week. "
            "It said private exporters shipped 57,450 tonnes.")
    table = {"Commerce Ministry": ("moc", T.AGENCY), "Thailand": ("th", T.COUNTRY)}
    assert _said(parser, text, table) == [("moc", "The Commerce Ministry sai"), ("moc", "It said private exporters")]


def test_a_body_that_said_in_its_report_is_the_report_s_author(parser) -> None:
    text = ("Cocoa output in Ghana will rise, the Dutch Embassy said in its yearly report on the country. "
            "The weather was kind to farmers in the north. "
            "The report said shipments would reach 200,000 tonnes.")
    table = {"Dutch Embassy": ("embassy", T.ORGANIZATION), "Ghana": ("gh", T.COUNTRY)}
    assert _said(parser, text, table) == [("embassy", "Cocoa output in Ghana wil"), ("embassy", "The report said shipments")]


@pytest.mark.parametrize("said", [
    "the Dutch Embassy said on Tuesday",  # no document named: the report is the one of the body that spoke
    "the Dutch Embassy said in Accra",  # a place, no document
])  # fmt: skip
def test_a_body_that_said_in_no_document_authors_the_report_right_after(parser, said: str) -> None:
    text = f"Cocoa output in Ghana will rise, {said}. The report said shipments would reach 200,000 tonnes."
    table = {"Dutch Embassy": ("embassy", T.ORGANIZATION), "Ghana": ("gh", T.COUNTRY)}
    assert _said(parser, text, table) == [("embassy", "Cocoa output in Ghana wil"),
                                          ("embassy", "The report said shipments")]


def test_quoted_as_saying(parser) -> None:
    text = "The newspaper quoted Deng as saying that grain output is a key issue."
    table = {"Deng": ("deng", T.OFFICIAL)}
    assert _said(parser, text, table) == [("deng", "The newspaper quoted Deng")]


def test_it_with_no_speaker_before_says_nothing(parser) -> None:
    text = "It said exports would rise."
    assert _said(parser, text, {}) == []


def test_what_a_document_or_it_says_is_quoted_without_the_attribution(parser) -> None:
    text = ("Prices will rise by 5%, a report by Ocean Shipping Consultants said. "
            "It claimed demand was strong. "
            "Freight rates will fall next year, it forecast. "
            '"We see no recovery," the Ocean Shipping Consultants report said.')
    table = {"Ocean Shipping Consultants": ("osc", T.ORGANIZATION)}
    facts = only(facts_of(parser, text, table), Predicate.SAID)
    assert [(f.subject, f.quote) for f in facts] == [
        ("osc", "Prices will rise by 5%"),
        ("osc", "demand was strong"),
        ("osc", "Freight rates will fall next year"),
        ("osc", "We see no recovery"),
    ]


@pytest.mark.parametrize("text", [
    "Cocoa exports rose 12 pct in 1990, figures from the Marketing Board show.",
    "Cocoa exports rose 12 pct in 1990, Marketing Board statistics show.",
])
def test_figures_of_a_body_closing_the_sentence(parser, text: str) -> None:
    table = {"Marketing Board": ("board", T.AGENCY)}
    facts = only(facts_of(parser, text, table), Predicate.SAID)
    assert [(f.subject, f.quote) for f in facts] == [("board", "Cocoa exports rose 12 pct in 1990")]


def test_a_closing_show_without_a_document_of_a_named_body_says_nothing(parser) -> None:
    text = "Cocoa exports rose 12 pct in 1990, the Marketing Board's new show."
    table = {"Marketing Board": ("board", T.AGENCY)}
    assert only(facts_of(parser, text, table), Predicate.SAID) == []


def test_according_to_figures_issued_by_a_body(parser) -> None:
    text = "Cocoa exports rose 12 pct, according to figures issued in a statement by the Marketing Board."
    table = {"Marketing Board": ("board", T.AGENCY)}
    facts = only(facts_of(parser, text, table), Predicate.SAID)
    assert [(f.subject, f.quote) for f in facts] == [("board", "Cocoa exports rose 12 pct")]


def test_a_report_published_by_a_body_speaks_for_it(parser) -> None:
    from kg.nlp.relations import sources

    text = ("The report, published by the Trade Council in Lagos, said cocoa exports rose. "
            "The report also forecast tea exports at 100,000 tonnes.")
    table = {"Trade Council": ("tc", T.AGENCY), "Lagos": ("lagos", T.PLACE)}
    facts = facts_of(parser, text, table, module=sources)
    assert [f.subject for f in only(facts, Predicate.SAID)] == ["tc", "tc"]


def test_according_to_the_report_named_before_is_its_author(parser) -> None:
    text = ("Cocoa output in Ghana will rise, the Dutch Embassy said in a report. "
            "Coffee output will fall to 2,000 tonnes, according to the annual report on Ghanaian farming.")
    table = {"Dutch Embassy": ("embassy", T.ORGANIZATION), "Ghana": ("gh", T.COUNTRY)}
    assert _said(parser, text, table) == [("embassy", "Cocoa output in Ghana wil"), ("embassy", "Coffee output will fall t")]


def test_according_to_the_report_with_no_report_named_before_says_nothing(parser) -> None:
    text = ("Cocoa output in Ghana will rise, the Dutch Embassy said on Tuesday. "
            "Coffee output will fall to 2,000 tonnes, according to the annual report on Ghanaian farming.")
    table = {"Dutch Embassy": ("embassy", T.ORGANIZATION), "Ghana": ("gh", T.COUNTRY)}
    assert _said(parser, text, table) == [("embassy", "Cocoa output in Ghana wil")]


def test_a_closing_verb_of_saying_after_the_report_named_before(parser) -> None:
    text = ("Cocoa output in Ghana will rise, the Dutch Embassy said in a report. "
            "Constraints to higher output include a shortage of seeds and pests, the report underlines.")
    table = {"Dutch Embassy": ("embassy", T.ORGANIZATION), "Ghana": ("gh", T.COUNTRY)}
    assert [s for s, _ in _said(parser, text, table)] == ["embassy", "embassy"]


def test_figures_of_a_described_body_after_that_body_s_figures(parser) -> None:
    text = ("Cocoa exports fell to 300 mln dlrs in 1990, according to Marketing Board figures. "
            "Coffee exports rose to 75 mln dlrs, weekly board figures show.")
    table = {"Marketing Board": ("board", T.AGENCY)}
    assert [s for s, _ in _said(parser, text, table)] == ["board", "board"]


def test_figures_closing_a_sentence_with_no_document_before_are_nobody_s(parser) -> None:
    text = "Coffee exports rose to 75 mln dlrs in 1990, weekly official figures show."
    assert _said(parser, text, {}) == []


def test_the_statement_a_bodys_spokesman_made_is_the_bodys(parser) -> None:
    from kg.nlp.relations import sources

    text = ("Zambia defended its copper sales, a Mines Ministry spokesman said in a statement. "
            "The statement said shipments to Japan would rise.")
    table = {"Mines Ministry": ("mm", T.AGENCY), "Zambia": ("zm", T.COUNTRY), "Japan": ("jp", T.COUNTRY)}
    facts = only(facts_of(parser, text, table, module=sources), Predicate.SAID)
    assert [(f.subject, f.quote) for f in facts] == [("mm", "shipments to Japan would rise")]


def test_the_statement_of_a_spokesman_of_no_body_is_nobodys(parser) -> None:
    from kg.nlp.relations import sources

    text = ("Zambia defended its copper sales, a spokesman said in a statement. "
            "The statement said shipments to Japan would rise.")
    table = {"Zambia": ("zm", T.COUNTRY), "Japan": ("jp", T.COUNTRY)}
    assert only(facts_of(parser, text, table, module=sources), Predicate.SAID) == []


def test_a_bodys_bulletin_or_communique_speaks_for_it(parser) -> None:
    from kg.nlp.relations import sources

    table = {"Cocoa Board": ("cb", T.AGENCY), "Tin Council": ("tc", T.ORGANIZATION)}
    text = ("Exports of cocoa totalled 20,000 tonnes, the Cocoa Board's monthly bulletin said. "
            "The Tin Council's communique said members would cut exports.")
    facts = only(facts_of(parser, text, table, module=sources), Predicate.SAID)
    assert [f.subject for f in facts] == ["cb", "tc"]


def test_the_report_with_no_report_named_before_is_the_report_of_the_body_that_spoke(parser) -> None:
    text = ("Chile's copper output rose 4 pct in May, the National Mining Institute said. "
            "Smelter capacity was unchanged. The report said May exports totalled 90,000 tonnes.")
    table = {"National Mining Institute": ("nmi", T.AGENCY), "Chile": ("chile", T.COUNTRY)}
    assert ("nmi", "The report said May expor") in _said(parser, text, table)


def test_the_report_with_no_body_that_spoke_before_is_nobody(parser) -> None:
    text = "Copper output rose 4 pct in May. The report said May exports totalled 90,000 tonnes."
    assert _said(parser, text, {}) == []


def test_it_said_in_its_report_names_the_report_a_later_the_report_means(parser) -> None:
    text = ("Oil output fell in March, the Fuel Council said. Stocks rose, it said in its monthly "
            "market report. Refiners cut runs. The report said demand was weak.")
    table = {"Fuel Council": ("fc", T.AGENCY)}
    assert ("fc", "The report said demand wa") in _said(parser, text, table)
