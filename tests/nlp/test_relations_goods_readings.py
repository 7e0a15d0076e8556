"""One flow per trader, goods, partner and period for goods a sentence names as traded
without a figure, whichever rules read them (``kg.nlp.relations._one_goods_reading``)."""

from __future__ import annotations

from kg.model import Fact, Predicate
from kg.nlp.relations import _one_goods_reading

SENTENCE = "Ghana was the biggest importer of Ivorian cocoa in 1986 and in 1987, and it also exports cocoa."


def _fact(predicate: Predicate = Predicate.IMPORTS, *, partner: str | None = None, period: str | None = None,
          confidence: float = 0.5, quantity: float | None = None, rule: str = "flow-goods") -> Fact:
    return Fact(subject="gh", predicate=predicate, article="t", sentence=SENTENCE, start=0, end=5, object="cocoa",
                partner=partner, period=period, confidence=confidence, quantity=quantity, extractor=rule)


def test_a_reading_with_no_partner_adds_nothing_to_one_with_a_partner() -> None:
    placed, nowhere = _fact(partner="ci"), _fact(rule="export-verb")
    assert _one_goods_reading([placed, nowhere]) == [placed]


def test_a_period_another_sentence_gave_adds_nothing_to_the_sentences_own_reading() -> None:
    carried, own = _fact(partner="ci", period="1985", confidence=0.8), _fact(partner="ci")
    assert _one_goods_reading([carried, own]) == [own]
    # two periods the sentence states are two flows
    this, that = _fact(partner="ci", period="1986"), _fact(partner="ci", period="1987")
    assert _one_goods_reading([this, that]) == [this, that]
    # and so are two periods read from the sentence's words ("the upcoming season")
    upcoming = _fact(partner="ci", period="1987/88 season")
    assert _one_goods_reading([this, upcoming]) == [this, upcoming]


def test_other_flows_and_figures_stay() -> None:
    exports, counted = _fact(Predicate.EXPORTS), _fact(partner="ci", quantity=100.0)
    imports = _fact(partner="ci")
    assert _one_goods_reading([exports, counted, imports]) == [exports, counted, imports]


def test_an_undated_reading_adds_nothing_to_one_the_sentence_dates() -> None:
    dated, undated = _fact(partner="ci", period="1986"), _fact(partner="ci", rule="export-verb")
    assert _one_goods_reading([dated, undated]) == [dated]
