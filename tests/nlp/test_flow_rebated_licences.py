"""A licence priced in export rebates is an export licence though no trade word says so
(flow_licences.rebated_licence), end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model

# the story names its goods and the tender's body: the licences' rows take both
LEAD = ("Traders here said today's EC barley tender is hard to forecast because operators plan to sell "
        "half a mln tonnes of barley into intervention.\n")


def _flows(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-06-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), f.predicate.value, names.get(f.object), f.quantity, f.forecast) for f in x.facts
            if f.predicate.value in ("exports", "imports")]  # fmt: skip


def test_licences_awarded_at_a_rebate_are_the_tenders_exports(nlp) -> None:
    text = LEAD + "    Last week licences for 72,000 tonnes were awarded at a maximum rebate of 138.5 Ecus a tonne.\n"
    found = _flows(nlp, text)
    assert found == [("European Community", "exports", "barley", Decimal("72000"), True)]


def test_licences_without_a_rebate_or_a_figure_are_no_flow(nlp) -> None:
    # no rebate: the licence may be for anything
    assert _flows(nlp, LEAD + "    Last week licences for 72,000 tonnes were awarded to Hamburg houses.\n") == []
    # a rebate but no tonnage: the figures are the bids' prices
    assert _flows(nlp, LEAD + "    Bids for licences were reported at rebates between 136 and 139 Ecus a tonne.\n") == []
    # import licences are not exports
    text = LEAD + "    Last week import licences for 72,000 tonnes were awarded at a rebate of 138.5 Ecus a tonne.\n"
    assert all(p != "exports" for _, p, *_ in _flows(nlp, text))
