"""A trader's bare quota with a figure, in a story of export quotas ("Malaysia said its quota
of 9,000 tonnes ..."): a planned export of the holder, end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _exports(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), names.get(f.object), f.quantity, f.forecast, names.get(f.partner))
            for f in x.facts if f.predicate.value in ("exports", "exportValue")]


def test_a_members_quota_in_a_story_of_export_quotas_is_its_planned_export(nlp) -> None:
    text = ("Bolivia agreed to limit its tin exports to 1,500 tonnes for 12 months from March 1, the "
            "association said. All members except Bolivia and Malaysia have agreed to adhere to the export "
            "quotas allocated them. Malaysia said its quota of 9,000 tonnes was close to its expected output.")
    assert ("Malaysia", "tin", Decimal(9000), True, None) in _exports(nlp, text)


def test_a_quota_an_importer_grants_an_exporter_goes_to_that_importer(nlp) -> None:
    text = ("The EC is the largest buyer of Indonesian cassava, taking most of the 2.1 mln tonnes of pellets "
            "exported by Indonesia last year. Indonesia has an EC quota of an average 1.8 mln tonnes a year.")
    assert ("Indonesia", "pellets", Decimal(1800000), True, "European Community") in _exports(nlp, text)


def test_a_quota_raised_to_a_level_gives_both_levels_in_the_unit_written(nlp) -> None:
    text = ("Kenya, which earns about 300 mln dlrs a year from tea exports, had sought to raise its ICO quota "
            "to 2.0 mln bags from 1.65 mln bags, sources said. Kenya never met its ICO export quota.")
    found = _exports(nlp, text)
    assert ("Kenya", "tea", Decimal(2000000), True, None) in found
    assert ("Kenya", "tea", Decimal(1650000), True, None) in found
    assert not any(q == Decimal(2000000) and fc and p is None and g is None for _, g, q, fc, p in found)


@pytest.mark.parametrize("text", [
    # an OPEC quota caps output, not exports
    "Venezuela exported 1.2 mln bpd of crude last year. Venezuela said its OPEC quota of 1.5 mln bpd "
    "would be respected.",
    # the holders of an import quota are its suppliers: no export of theirs is sure
    "Peru cut its sugar exports. The U.S. sugar import quota was cut. Peru said its quota of 60,000 short "
    "tons was too low.",
    # no export quotas named and the holder exported nothing before: whose quota of what is not said
    "Ghana's cocoa crop rose last year. Ghana has a quota of 200,000 tonnes, officials said.",
])
def test_no_export_from_a_quota_that_is_not_an_export_quota(nlp, text: str) -> None:
    assert not any(fc and q is not None for _, _, q, fc, _ in _exports(nlp, text))
