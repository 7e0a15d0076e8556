"""An exporter's ranked markets named without figures ("Canada's main wheat markets are China
and Brazil"): its exports of goods the story counted, to each market, end to end."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _markets(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), names.get(f.partner), f.quantity,
             f.period) for f in x.facts if f.extractor == "flow-markets"]  # fmt: skip


def test_markets_on_the_other_side_of_be(nlp) -> None:
    text = ("Canadian wheat exports rose to 2.1 mln tonnes in 1986. "
            "Canada's main wheat markets are China, the Soviet Union and Brazil.")
    assert _markets(nlp, text) == [
        ("exports", "Canada", "wheat", "China", None, None),
        ("exports", "Canada", "wheat", "Soviet Union", None, None),
        ("exports", "Canada", "wheat", "Brazil", None, None),
    ]


def test_markets_in_apposition(nlp) -> None:
    text = ("Canadian wheat exports rose to 2.1 mln tonnes in 1986. "
            "It said Canada's three main markets, China, Brazil and Egypt, will keep buying wheat.")
    assert [p for _, _, _, p, _, _ in _markets(nlp, text)] == ["China", "Brazil", "Egypt"]


def test_no_markets_without_counted_exports_of_the_goods(nlp) -> None:
    # no exports stated before: whose goods the markets take is not certain
    assert _markets(nlp, "Canada's main wheat markets are China, the Soviet Union and Brazil.") == []
    # the goods named are not the ones counted
    text = ("Canadian wheat exports rose to 2.1 mln tonnes in 1986. "
            "Canada's main markets for barley are China and Brazil.")
    assert _markets(nlp, text) == []
    # unranked markets ("new markets") are no statement of trade
    text = ("Canadian wheat exports rose to 2.1 mln tonnes in 1986. "
            "Canada's new wheat markets are China and Brazil.")
    assert _markets(nlp, text) == []


def test_markets_of_no_one_named_are_the_last_counted_exports(nlp) -> None:
    # "the top three markets" with no owner: the export just counted, its goods and period
    text = ("Chile exported 1.2 mln tonnes of copper in 1986, the mining ministry said. "
            "The main markets were Japan, West Germany and Italy.")
    assert _markets(nlp, text) == [
        ("exports", "Chile", "copper", "Japan", None, "1986"),
        ("exports", "Chile", "copper", "West Germany", None, "1986"),
        ("exports", "Chile", "copper", "Italy", None, "1986"),
    ]


def test_ownerless_markets_need_a_counted_export_and_no_owner_of_their_own(nlp) -> None:
    # no export counted before: whose markets they are is not certain
    assert _markets(nlp, "The main markets were Japan and Italy, the ministry said.") == []
    # markets of a region or another owner are not the exporter's
    text = "Chile exported 1.2 mln tonnes of copper in 1986. European markets were Japan and Italy."
    assert _markets(nlp, text) == []
    text = "Chile exported 1.2 mln tonnes of copper in 1986. The main stock markets were Japan and Italy."
    assert _markets(nlp, text) == []


def test_ownerless_markets_given_with_figures_are_left_to_the_list_rules(nlp) -> None:
    text = ("Chile exported 1.2 mln tonnes of copper in February, against 1.1 mln a year earlier. "
            "The major destinations in February were Japan (400,000 tonnes) and Italy (300,000).")
    assert _markets(nlp, text) == []


def test_ownerless_markets_take_the_period_of_the_flows_own_figure(nlp) -> None:
    text = ("Chile exported 1.2 mln tonnes of copper in 1986, against 1.1 mln a year earlier. "
            "The main markets were Japan and Italy.")
    assert [period for *_, period in _markets(nlp, text)] == ["1986", "1986"]


def test_markets_a_country_relies_on(nlp) -> None:
    text = ("The new levy will hurt Ugandan coffee exports, traders said. "
            "Uganda has long relied on Britain, Spain and, to a lesser degree, Japan as major markets for its coffee.")
    assert [(s, o, p) for _, s, o, p, _, _ in _markets(nlp, text)] == [
        ("Uganda", "coffee", "United Kingdom"), ("Uganda", "coffee", "Spain"), ("Uganda", "coffee", "Japan")]


def test_markets_someone_else_sees_are_no_exporters_markets(nlp) -> None:
    # the subject relying on the markets is no country: whose markets they are is not stated
    text = ("The new levy will hurt Ugandan coffee exports, traders said. "
            "Analysts have long seen Britain and Spain as major markets for coffee.")
    assert _markets(nlp, text) == []
    # a country that relies on others for goods the story never said it exports
    text = ("The new levy will hurt Ugandan coffee exports, traders said. "
            "Uganda has long relied on Britain and Spain as major markets for its tea.")
    assert _markets(nlp, text) == []


def test_a_part_of_the_world_is_a_market_but_a_city_is_not(nlp) -> None:
    text = ("Canadian wheat exports rose to 2.1 mln tonnes in 1986. "
            "Canada's main wheat markets are China, Africa and the Middle East.")
    assert [partner for _, _, _, partner, _, _ in _markets(nlp, text)] == ["China", "Africa", "Middle East"]


def test_a_part_of_the_world_among_an_exporters_main_buyers(nlp) -> None:
    text = ("Chile exported 40,000 tonnes of copper in 1986. "
            "Japan, Africa and Southeast Asia are Chile's main copper buyers.")
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    assert [(f.predicate.value, names[f.subject], names.get(f.partner)) for f in x.facts
            if f.extractor == "flow-buyers"] == [
        ("exports", "Chile", "Japan"), ("exports", "Chile", "Africa"), ("exports", "Chile", "Southeast Asia")]
    # buyers of no exporter named import; a part of the world imports nothing on its own account
    text = "Chile exported 40,000 tonnes of copper in 1986. Japan, Africa and Asia were the major copper buyers."
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    assert [(f.predicate.value, names[f.subject]) for f in x.facts if f.extractor == "flow-buyers"] == [
        ("imports", "Japan")]
