"""An acronym a story spells out in lower-case words names goods or a grade, not a body; one
spelt out in capitals keeps its body (kg.nlp.acronym_definitions)."""

from __future__ import annotations


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_a_grade_spelt_out_in_lower_case_is_no_body(nlp) -> None:
    labels = _labels(nlp, "Argentine traders sold 9,000 tonnes of hard red spring (HRS) wheat to Chile.")
    assert labels.get("HRS") not in {"Organization", "Agency", "Person"}


def test_goods_spelt_out_in_lower_case_are_goods(nlp) -> None:
    from kg.nlp.acronym_definitions import common_definition, names_goods

    doc = nlp("The plant makes linear low density polyethylene (LLDPE) for export to Chile.")
    acronym = next(t for t in doc if t.text == "LLDPE")
    words = common_definition(doc[acronym.i : acronym.i + 1])
    assert words is not None and words.text == "linear low density polyethylene" and names_goods(words)


def test_a_body_spelt_out_in_capitals_keeps_its_type(nlp) -> None:
    from kg.nlp.acronym_definitions import common_definition

    doc = nlp("The Export Credits Guarantee Department (ECGD) said it would cover the sale.")
    acronym = next(t for t in doc if t.text == "ECGD")
    assert common_definition(doc[acronym.i : acronym.i + 1]) is None
    assert _labels(nlp, "The Export Credits Guarantee Department (ECGD) said it would cover the sale.").get(
        "Export Credits Guarantee Department") == "Agency"


def test_a_policy_spelt_out_in_lower_case_is_no_entity(nlp) -> None:
    labels = _labels(nlp, "Fishing ministers debated the common fisheries policy (CFP). The CFP costs 900 mln Ecus.")
    assert "CFP" not in labels


def test_goods_spelt_out_before_the_acronym_make_it_goods(nlp) -> None:
    labels = _labels(nlp, "Chile exported 9,000 tonnes of frozen concentrated orange juice (FCOJ) to Canada in May.")
    assert labels.get("FCOJ") == "Product"
