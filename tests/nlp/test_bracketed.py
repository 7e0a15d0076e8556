"""Names newswire writes between angle brackets (kg.nlp.bracketed), alone and in the pipeline."""

from __future__ import annotations

import spacy

from kg.nlp.bracketed import bracketed


def test_a_bracketed_name_is_an_organization_without_its_brackets() -> None:
    doc = spacy.blank("en")("Supplies went to <Lakeside Plastics Co> and <Morrow Mills Ltd's> plant.")
    names, tickers = bracketed(doc)
    assert [(n.text, n.label_) for n in names] == [("Lakeside Plastics Co", "Organization"),
                                                  ("Morrow Mills Ltd", "Organization")]
    assert not tickers


def test_a_ticker_in_brackets_is_no_name() -> None:
    doc = spacy.blank("en")("Harlow Foods Inc <HRLW> said it will buy a stake.")
    names, tickers = bracketed(doc)
    assert names == [] and tickers == {4}


def test_unmatched_or_long_brackets_are_no_names() -> None:
    doc = spacy.blank("en")("If a < b then the sum of all the terms in the series we count is > c.")
    assert bracketed(doc) == ([], set())


def test_the_pipeline_types_bracketed_names_and_drops_tickers(nlp) -> None:
    doc = nlp("<Lakeside Plastics Co>, a maker of pipes, buys resin from Harlow Foods Inc <HRLW>.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Lakeside Plastics Co") == "Organization"
    assert not any(">" in e.text or "<" in e.text for e in doc.ents)
    assert "HRLW" not in ents
