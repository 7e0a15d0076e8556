"""A sentence naming no period compares its figures as the statistic just before framed its
own: the first figure is the frame's period, the figure it is compared with the period the
sentence before compared with."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-12"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return sorted((f.predicate.value, f.amount or f.quantity, f.period) for f in facts)


def test_figures_compared_as_the_deficit_before(parser) -> None:
    text = ("Peru's trade deficit in January narrowed to 210 mln dlrs from 380 mln in January 1986, the "
            "central bank said. Quoting customs figures, the bank said exports rose to 1.45 billion dlrs "
            "from 1.31 billion and imports fell to 1.66 billion from 1.69 billion.")
    table = {"Peru": ("pe", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("exportValue", Decimal("1310000000"), "January 1986"), ("exportValue", Decimal("1450000000"), "January"),
        ("importValue", Decimal("1660000000"), "January"), ("importValue", Decimal("1690000000"), "January 1986"),
    ]


def test_down_on_a_year_marks_the_comparison_period(parser) -> None:
    text = ("Chile said average copper output in 1986 was 1.4 mln tonnes, 40,000 tonnes down on 1985. "
            "Average exports were 1.29 mln tonnes, down from 1.33 mln tonnes.")
    table = {"Chile": ("cl", T.COUNTRY), "copper": ("copper", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", Decimal("1290000"), "1986"), ("exports", Decimal("1330000"), "1985"),
    ]


def test_a_period_after_the_statistics_figure_frames_nothing(parser) -> None:
    # "rose to 140 mln dlrs in February": the period is that figure's, not a frame the next
    # sentence shares
    text = ("The trade surplus rose to 140 mln dlrs in February from 90 mln in January, the bureau said. "
            "Peru's exports rose to 1.45 billion dlrs from 1.31 billion.")
    table = {"Peru": ("pe", T.COUNTRY)}
    assert all(p != "January" for _, _, p in _read(parser, text, table))


def test_a_sentence_with_a_period_of_its_own_keeps_it(parser) -> None:
    text = ("Peru's trade deficit in January narrowed to 210 mln dlrs from 380 mln in January 1986. "
            "Exports in 1986 rose to 2.51 billion dlrs from 2.98 billion in 1985.")
    table = {"Peru": ("pe", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("exportValue", Decimal("2510000000"), "1986"), ("exportValue", Decimal("2980000000"), "1985"),
    ]
