from __future__ import annotations

from kg.nlp import lexicon


def test_titles_with_modifiers() -> None:
    assert lexicon.is_title("deputy director")
    assert lexicon.is_title("Acting Deputy Director")
    assert lexicon.is_title("secretary of state")
    assert lexicon.is_title("spokeswoman")
    assert not lexicon.is_title("reporter")
    assert not lexicon.is_title("deputy")


def test_product_kinds_merge_synonyms() -> None:
    kits = lexicon.product_kind("COVID-19 testing kits")
    assert kits is not None and kits.concept == "testing kits"
    assert lexicon.product_kind("detection kits") == kits
    assert lexicon.product_kind("medical protective suits").concept == "protective suits"
    assert lexicon.product_kind("protective clothing").concept == "protective suits"
    assert lexicon.product_kind("news conference") is None
    assert "mask" in lexicon.product_heads()


def test_organizations_and_agency_heads() -> None:
    who = lexicon.known_organization("WHO")
    assert who is not None and who.name == "World Health Organization"
    assert "ministry" in lexicon.agency_heads()
    assert "department" in lexicon.agency_units()
    assert "university" in lexicon.organization_cues()
    assert lexicon.is_generic("Officials")


def test_private_titles() -> None:
    assert lexicon.is_private_title("Tesla CEO")
    assert lexicon.is_private_title("head coach")
    assert lexicon.is_private_title("Export director")  # a company's export director, no public office
    assert not lexicon.is_private_title("deputy director")


def test_central_banks_are_known_agencies() -> None:
    assert lexicon.known_organization("Bundesbank").type == "Agency"
    assert lexicon.known_organization("Bank of Thailand").name == "Bank of Thailand"


def test_state_companies_and_government_corporations_are_known() -> None:
    assert lexicon.known_organization("Commodity Credit Corp").type == "Agency"
    assert lexicon.known_organization("Pemex").name == "Petroleos Mexicanos"
    assert lexicon.known_organization("Petrobras").seat == "Brazil"
    assert lexicon.known_organization("Bank Indonesia").seat == "Indonesia"  # a central bank's country


def test_statutory_boards_and_export_credit_agencies_are_known_agencies() -> None:
    for name in ("Australian Meat and Livestock Corp", "AMLC", "LIPC", "ECGD"):
        assert lexicon.known_organization(name).type == "Agency"
    assert lexicon.known_organization("Australian Meat and Live-Stock Corp").seat == "Australia"


def test_a_short_name_is_read_as_it_was_used_when_the_article_appeared() -> None:
    # "EC": the European Community before the Maastricht Treaty, the Commission since
    assert lexicon.known_organization("EC", "1988-05-02").name == "European Community"
    assert lexicon.known_organization("the E.C.", "1979-01-15").type == "Organization"
    assert lexicon.known_organization("EC", "2004-06-30").name == "European Commission"
    assert lexicon.known_organization("EC").name == "European Commission"
