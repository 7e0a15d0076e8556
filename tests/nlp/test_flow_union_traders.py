"""A story that names no country but one union of countries lends the union to its
ownerless flows, the way a story's country is lent; a company or a trade union named
"Union" is never lent, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

_FLOWS = ("exports", "imports", "exportValue", "importValue")


def _traders(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), f.amount) for f in x.facts if f.predicate.value in _FLOWS]


def test_ownerless_figures_of_a_union_story_are_the_unions(extracted) -> None:
    text = ("The Nordic Economic Community recorded a trade surplus in 1986, its statistics office said. "
            "Exports fell to 310.2 billion dlrs from 320.5 billion while imports were 297.8 billion dlrs.")
    flows = _traders(extracted, text)
    assert {(p, s) for p, s, _ in flows} == {("exportValue", "Nordic Economic Community"),
                                             ("importValue", "Nordic Economic Community")}
    assert len(flows) == 3


@pytest.mark.parametrize("text", [
    # a company whose name holds "Union" trades in its own name, not for the story's figures
    "Union Pacific Corp reported higher freight in 1986. Exports fell to 31.2 mln dlrs from 32.5 mln.",
    # a farmers' union is no customs territory
    "The Farmers Union held its congress in 1986. Exports fell to 31.2 mln dlrs from 32.5 mln.",
    # the Community only as where the goods go: the exports are no one's the story names
    "Sales to the European Economic Community were strong in 1986. Exports fell to 31.2 mln dlrs from 32.5 mln.",
])  # fmt: skip
def test_no_union_lent_for_a_company_a_trade_union_or_a_partner(extracted, text: str) -> None:
    assert _traders(extracted, text) == []


def test_a_named_country_comes_before_the_union(extracted) -> None:
    text = ("Norway said the Nordic Economic Community should cut tariffs. "
            "Exports fell to 31.2 billion crowns from 32.5 billion in 1986.")
    assert {s for _, s, _ in _traders(extracted, text)} == {"Norway"}


def test_a_unions_bare_francs_are_its_first_members_of_the_day(extracted) -> None:
    # "Belgo-": Belgium's combining form; in 1987 its francs, not the Swiss ones bare
    # "francs" default to
    text = ("The Belgo-Luxembourg Economic Union posted a trade deficit in 1986, the statistics office said. "
            "Imports rose to 41.2 billion francs from 39.8 billion in 1985.")
    x = extracted(text)
    values = [(f.amount, f.currency) for f in x.facts if f.predicate.value == "importValue"]
    assert values and {c for _, c in values} == {"BEF"}


def test_no_union_currency_when_its_name_names_no_member() -> None:
    from types import SimpleNamespace

    from kg.model import EntityType
    from kg.nlp.relations.union_traders import union_currency

    entity = SimpleNamespace(all_names=["Nordic Economic Community"])
    ctx = SimpleNamespace(type=lambda key: EntityType.ORGANIZATION, table=SimpleNamespace(entities={"k": entity}),
                          article=SimpleNamespace(published="1987-03-10"))
    assert union_currency(ctx, "k") is None
