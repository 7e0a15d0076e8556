from __future__ import annotations

import pytest

import spacy
from spacy.tokens import Doc

from kg.model import Article, EntityType
from kg.nlp.names import acronym_of
from kg.nlp.references import ReferenceFinder
from kg.nlp.resolve import resolve_mentions

_NLP = spacy.blank("en")


def _doc(words: list[str], ents: dict[tuple[int, int], str], *, subjects: tuple[int, ...] = (),
         proper: tuple[int, ...] = ()) -> Doc:
    """A Doc with hand-set entities, one sentence per "." and nsubj on ``subjects`` (proper
    nouns at ``proper``)."""
    tags = ["O"] * len(words)
    for (start, end), label in ents.items():
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    heads: list[int] = []
    end = len(words) - 1
    for i in reversed(range(len(words))):  # every token hangs on its sentence's full stop
        if words[i] == ".":
            end = i
        heads.insert(0, end)
    deps = ["ROOT" if heads[i] == i else "nsubj" if i in subjects else "dep" for i in range(len(words))]
    pos = ["PROPN" if i in proper else "X" for i in range(len(words))]
    return Doc(_NLP.vocab, words=words, ents=tags, deps=deps, heads=heads, pos=pos)


def _resolve(doc: Doc):
    return resolve_mentions(doc, Article("t1", doc.text), references=ReferenceFinder())


def _by_label(table):
    return {e.label: e for e in table.entities.values()}


def test_acronym_letters_start_the_words() -> None:
    assert acronym_of("MOC", "Ministry of Commerce")
    assert acronym_of("MOFCOM", "Ministry of Commerce")
    assert acronym_of("GAC", "General Administration of Customs")
    assert acronym_of("NMPA", "National Medical Products Administration")
    assert not acronym_of("NMPA", "Ministry of Commerce")
    assert not acronym_of("GACC", "General Administration of Customs")


def test_acronym_merges_with_the_long_name() -> None:
    words = "The Ministry of Trade spoke . Later MOFT officials agreed .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency", (7, 8): "Organization"}))
    assert len(table.entities) == 1
    entity = _by_label(table)["Ministry of Trade"]
    assert entity.type is EntityType.AGENCY
    assert set(entity.names) == {"Ministry of Trade", "MOFT"}
    assert table.key_at(7) == entity.key


def test_a_name_with_two_letters_swapped_is_the_same_organization() -> None:
    words = "Marcus Grain sold wheat . Mracus Grain sold corn . Marcus Trading sold rice .".split()
    ents = {(0, 2): "Organization", (5, 7): "Organization", (10, 12): "Organization"}
    table = _resolve(_doc(words, ents))
    assert table.key_at(0) == table.key_at(5)
    assert table.key_at(10) != table.key_at(0)  # another word: another firm


def test_acronym_of_a_named_agreement_joins_it() -> None:
    words = "The International Cocoa Agreement , ICA , expired . ICA quotas ended .".split()
    table = _resolve(_doc(words, {(1, 4): "Other", (5, 6): "Organization", (9, 10): "Organization"}))
    assert len(table.entities) == 1
    entity = _by_label(table)["International Cocoa Agreement"]
    assert entity.type is EntityType.OTHER and "ICA" in entity.names


def test_acronym_defined_in_parentheses() -> None:
    words = "The Health Products Authority ( HSA ) warned . HSA said so .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency", (5, 6): "Organization", (9, 10): "Organization"}))
    assert len(table.entities) == 1
    assert "HSA" in _by_label(table)["Health Products Authority"].names


def test_short_form_of_a_person_and_reported_speech_pronoun() -> None:
    words = "Li Wei , an official , spoke . Li said more . She said no .".split()
    table = _resolve(_doc(words, {(0, 2): "Official", (8, 9): "Person"}, subjects=(12,)))
    assert len(table.entities) == 1
    li = _by_label(table)["Li Wei"]
    assert li.type is EntityType.OFFICIAL
    assert set(li.names) == {"Li Wei", "Li"}
    assert table.key_at(12) == li.key  # "She"
    assert len(li.mentions) == 2  # pronouns are references, not names


def test_definite_description_finds_the_latest_compatible_entity() -> None:
    words = ("The Ministry of Health and the Bureau of Statistics met . "
             "The ministry said the company Acme Corp agreed .").split()
    ents = {(1, 4): "Agency", (6, 9): "Agency", (16, 18): "Organization"}
    table = _resolve(_doc(words, ents))
    ministry = _by_label(table)["Ministry of Health"]
    assert table.key_at(11) == ministry.key  # "ministry" in "The ministry"
    assert table.key_at(15) is None  # "the company" comes before any company is named


def test_country_from_name_and_demonym_is_linked() -> None:
    words = "Kenyan officials said Kenya would pay .".split()
    table = _resolve(_doc(words, {(0, 1): "NORP", (3, 4): "Country"}))
    assert len(table.entities) == 1
    kenya = _by_label(table)["Kenya"]
    assert kenya.type is EntityType.COUNTRY
    assert kenya.same_as == ("http://www.wikidata.org/entity/Q114",)
    assert table.key_at(0) == kenya.key
    assert [m.text for m in kenya.mentions] == ["Kenya"]  # a demonym refers but names no one
    assert table.spans[kenya.key] == [(0, 1), (3, 4)]


def test_product_synonyms_are_one_product() -> None:
    words = "They sold testing kits and 40 detection kits and gloves .".split()
    table = _resolve(_doc(words, {(2, 4): "Product", (6, 8): "Product", (9, 10): "Product"}))
    labels = {e.label: e for e in table.entities.values()}
    assert set(labels) == {"testing kits", "gloves"}
    assert set(labels["testing kits"].names) == {"testing kits", "detection kits"}


def test_mentions_carry_offsets_and_sentences() -> None:
    words = "Hello there . The Bureau of Mines said so .".split()
    doc = _doc(words, {(4, 7): "Agency"})
    table = _resolve(doc)
    (entity,) = table.entities.values()
    (mention,) = entity.mentions
    assert doc.text[mention.start : mention.end] == "Bureau of Mines"
    assert mention.sentence == "The Bureau of Mines said so ."
    assert mention.sentence_start == doc.text.index("The Bureau")
    assert table.spans[entity.key] == [(4, 7)]
    assert entity.key.startswith("organization:")


def test_national_body_is_named_by_its_country() -> None:
    words = "The Kenyan government and Kenya agreed .".split()
    table = _resolve(_doc(words, {(1, 2): "NORP", (2, 3): "Agency", (4, 5): "Country"}))
    gov = _by_label(table)["Kenyan government"]
    assert gov.type is EntityType.AGENCY
    assert len(table.entities) == 2


def test_owned_unit_is_named_with_its_owner() -> None:
    words = "The Ministry of Trade ( MOT ) spoke . An official at the MOT 's export control division said so .".split()
    ents = {(1, 4): "Agency", (5, 6): "Organization", (13, 14): "Organization", (15, 18): "Agency"}
    table = _resolve(_doc(words, ents))
    unit = _by_label(table)["MOT's export control division"]
    assert "export control division" in unit.names
    assert len(table.entities) == 2


def test_organization_short_form_and_person_tagged_company() -> None:
    words = "Sinovac Biotech grew . Sinovac said Silvercorp Metals and Silvercorp agreed .".split()
    ents = {(0, 2): "Organization", (4, 5): "Person", (6, 8): "Organization", (9, 10): "Organization"}
    table = _resolve(_doc(words, ents))
    labels = _by_label(table)
    assert set(labels) == {"Sinovac Biotech", "Silvercorp Metals"}
    assert "Sinovac" in labels["Sinovac Biotech"].names
    assert table.key_at(9) == labels["Silvercorp Metals"].key


def test_a_firm_named_after_its_initials_is_its_short_name_tagged_a_person() -> None:
    words = "H.K. Dunmore Co grew . Dunmore said it would sell .".split()
    ents = {(0, 3): "Organization", (5, 6): "Person"}
    table = _resolve(_doc(words, ents))
    labels = _by_label(table)
    assert set(labels) == {"H.K. Dunmore Co"}
    assert table.key_at(5) == labels["H.K. Dunmore Co"].key


def test_a_person_of_a_surname_a_firm_also_bears_stays_a_person() -> None:
    words = "H.K. Dunmore Co grew . Anne Dunmore said Dunmore would sell .".split()
    ents = {(0, 3): "Organization", (5, 7): "Person", (8, 9): "Person"}
    table = _resolve(_doc(words, ents))
    assert table.key_at(8) == table.key_at(5) != table.key_at(0)


def test_a_company_and_its_arm_named_after_a_country_are_two_bodies() -> None:
    words = "Silvercorp grew . Silvercorp USA and Silvercorp agreed .".split()
    ents = {(0, 1): "Organization", (3, 5): "Organization", (6, 7): "Organization"}
    table = _resolve(_doc(words, ents))
    assert set(_by_label(table)) == {"Silvercorp", "Silvercorp USA"}
    assert table.key_at(6) == table.key_at(0) != table.key_at(3)


def test_honorific_short_form_joins_the_full_name() -> None:
    words = "James Seller spoke . Mr Seller added more .".split()
    table = _resolve(_doc(words, {(0, 2): "Person", (4, 6): "Person"}))
    assert len(table.entities) == 1
    # the courtesy title is no part of any name the entity keeps
    assert _by_label(table)["James Seller"].names == ("James Seller", "Seller")


def test_honorific_short_form_before_the_full_name_joins_it() -> None:
    words = "Bank chairman Mr Seller spoke . James Seller joined in 1999 .".split()
    table = _resolve(_doc(words, {(2, 4): "Official", (6, 8): "Person"}))
    assert [e.label for e in table.entities.values()] == ["James Seller"]
    assert table.key_at(3) == table.key_at(7)


@pytest.mark.parametrize("honorific", ["Dr", "Prof", "Mrs", "Ms", "Lord", "Baroness", "Sir"])
def test_a_person_named_only_with_a_courtesy_title_is_labelled_without_it(honorific: str) -> None:
    words = f"{honorific} Seller spoke .".split()
    table = _resolve(_doc(words, {(0, 2): "Person"}))
    assert [e.label for e in table.entities.values()] == ["Seller"]


def test_a_surname_two_full_names_share_joins_neither() -> None:
    words = "Anna Seller met Tom Seller . Mr Seller spoke .".split()
    table = _resolve(_doc(words, {(0, 2): "Person", (3, 5): "Person", (7, 8): "Person"}))
    assert sorted(e.label for e in table.entities.values()) == ["Anna Seller", "Seller", "Tom Seller"]
    assert table.key_at(7) not in {table.key_at(0), table.key_at(3)}


def test_a_namesake_named_later_leaves_the_earlier_short_forms_alone() -> None:
    words = "Tom Seller spoke . Mr Seller left . His father , Jim Seller , stayed .".split()
    table = _resolve(_doc(words, {(0, 2): "Person", (5, 6): "Person", (11, 13): "Person"}))
    assert table.key_at(5) == table.key_at(0) != table.key_at(11)


def test_one_full_name_takes_its_surname_alone_and_with_a_title() -> None:
    words = "President Tom W Seller arrived . Seller spoke . Mr Seller left .".split()
    table = _resolve(_doc(words, {(1, 4): "Official", (6, 7): "Person", (10, 11): "Person"}))
    assert [e.label for e in table.entities.values()] == ["Tom W Seller"]
    assert table.key_at(6) == table.key_at(10) == table.key_at(1)


def test_mr_and_mrs_of_one_surname_are_two_people() -> None:
    # which of them "Tom Seller" is, nothing says: neither title joins him
    words = "Tom Seller spoke . Mr Seller left . Mrs Seller stayed .".split()
    table = _resolve(_doc(words, {(0, 2): "Person", (5, 6): "Person", (9, 10): "Person"}))
    keys = {table.key_at(0), table.key_at(5), table.key_at(9)}
    assert len(keys) == 3
    assert table.pronouns[table.key_at(9)] == "she"
    assert table.pronouns[table.key_at(5)] == "he"


def test_she_does_not_stand_for_a_mr() -> None:
    words = "Ms Anna Seller spoke . Mr Tom Brook replied . She left .".split()
    table = _resolve(_doc(words, {(1, 3): "Person", (6, 8): "Person"}, subjects=(10,)))
    assert table.key_at(10) == table.key_at(1)


def test_he_after_a_surname_written_alone_is_that_person() -> None:
    # the model tagged the surname nothing; it is still the latest person "he" can stand for
    words = "Chairman Ramon Ortega spoke . Quotas went to President Luis Vargas . Ortega said more . He said no .".split()
    table = _resolve(_doc(words, {(1, 3): "Official", (9, 11): "Official"}, subjects=(16,), proper=(12,)))
    assert table.key_at(12) == table.key_at(1)  # "Ortega"
    assert table.key_at(16) == table.key_at(1)  # "He"


def test_he_with_no_surname_since_is_the_person_named_last() -> None:
    words = "Chairman Ramon Ortega spoke . Quotas went to President Luis Vargas . He said no .".split()
    table = _resolve(_doc(words, {(1, 3): "Official", (9, 11): "Official"}, subjects=(12,)))
    assert table.key_at(12) == table.key_at(9) != table.key_at(1)


def test_surname_tagged_as_organization_is_the_person() -> None:
    words = "Akufo-Addo spoke . Later Akufo-Addo left Accra .".split()
    table = _resolve(_doc(words, {(0, 1): "Official", (4, 5): "Organization", (6, 7): "Place"}))
    assert {e.label for e in table.entities.values()} == {"Akufo-Addo", "Accra"}
    assert table.key_at(4) == table.key_at(0)


def test_surname_tagged_as_other_is_the_person() -> None:
    words = "Tomas Ferreira spoke . Ferreira estimated stocks .".split()
    table = _resolve(_doc(words, {(0, 2): "Person", (4, 5): "Other"}))
    assert {e.label for e in table.entities.values()} == {"Tomas Ferreira"}
    assert table.key_at(4) == table.key_at(0)


def test_full_name_tagged_as_place_is_the_person() -> None:
    words = "Dementieva is angry . Russia 's Elena Dementieva lost .".split()
    table = _resolve(_doc(words, {(0, 1): "Person", (4, 5): "Country", (6, 8): "Place"}))
    person = _by_label(table)["Elena Dementieva"]
    assert person.type is EntityType.PERSON
    assert table.key_at(0) == person.key


def test_capitalised_head_word_is_the_organization_named_in_full() -> None:
    words = "The Commission spoke . The European Commission and the European Parliament met . The Parliament agreed .".split()
    ents = {(1, 2): "Agency", (5, 7): "Agency", (9, 11): "Agency", (14, 15): "Agency"}
    table = _resolve(_doc(words, ents))
    # (the Community the commission's name carries stays latent: no entity of the article)
    named = {e.label for k, e in table.entities.items() if k not in table.latent}
    assert named == {"European Commission", "European Parliament"}
    assert table.key_at(1) == _by_label(table)["European Commission"].key
    assert table.key_at(14) == _by_label(table)["European Parliament"].key


def test_first_word_of_a_company_tagged_as_place_is_the_company() -> None:
    words = "Sinovac Biotech grew . Shares of Sinovac rose in Beijing .".split()
    table = _resolve(_doc(words, {(0, 2): "Organization", (6, 7): "Place", (9, 10): "Place"}))
    assert {e.label for e in table.entities.values()} == {"Sinovac Biotech", "Beijing"}
    assert table.key_at(6) == _by_label(table)["Sinovac Biotech"].key


def test_a_word_used_as_a_place_stays_a_place_beside_a_company_it_opens() -> None:
    words = "The Texas Rangers won . They play in Arlington , Texas .".split()
    table = _resolve(_doc(words, {(1, 3): "Organization", (8, 9): "Place", (10, 11): "Place"}))
    assert _by_label(table)["Texas"].type is EntityType.PLACE
    words = "Chicago Cubs fans live in Chicago .".split()
    heads = [1, 2, 3, 3, 3, 4, 3]  # "Chicago" the object of "in"
    deps = ["compound", "compound", "nsubj", "ROOT", "prep", "pobj", "punct"]
    doc = Doc(_NLP.vocab, words=words, heads=heads, deps=deps,
              ents=["B-Organization", "I-Organization", "O", "O", "O", "B-Place", "O"])
    assert _by_label(_resolve(doc))["Chicago"].type is EntityType.PLACE


def test_a_full_name_is_what_most_of_its_tags_say() -> None:
    words = "Suu Kyi spoke . Suu Kyi left . Suu Kyi 's party won . Justin Marshall ran . Justin Marshall scored .".split()
    ents = {(0, 2): "Person", (4, 6): "Person", (8, 10): "Organization", (14, 16): "Person",
            (18, 20): "Organization"}
    types = {e.label: e.type for e in _resolve(_doc(words, ents)).entities.values()}
    assert types == {"Suu Kyi": EntityType.PERSON, "Justin Marshall": EntityType.PERSON}


def test_a_company_word_opens_no_persons_name() -> None:
    words = "Pirelli SpA grew . Pirelli rose . Pirelli shares fell . Pirelli Cables won .".split()
    ents = {(0, 2): "Organization", (4, 5): "Organization", (7, 8): "Organization", (11, 13): "Person"}
    types = {e.label: e.type for e in _resolve(_doc(words, ents)).entities.values()}
    assert types["Pirelli SpA"] is EntityType.ORGANIZATION
    assert types["Pirelli Cables"] is EntityType.ORGANIZATION


def test_a_place_in_capitals_is_no_acronym_of_an_organization() -> None:
    words = "LONDON 1996 . The London Newsroom wrote .".split()
    table = _resolve(_doc(words, {(0, 1): "Place", (4, 6): "Organization"}))
    assert _by_label(table)["LONDON"].type is EntityType.PLACE


def test_goods_named_with_their_origin_are_the_same_goods() -> None:
    words = "They sold tea . Buyers want Kenyan tea and green tea .".split()
    table = _resolve(_doc(words, {(2, 3): "Product", (6, 8): "Product", (9, 11): "Product"}))
    products = sorted(sorted(e.names) for e in table.entities.values())
    assert products == [["Kenyan tea", "tea"], ["green tea"]]


def test_liquefied_gas_is_other_goods_than_pipeline_gas() -> None:
    words = "They sold natural gas and liquefied natural gas ( LNG ) .".split()
    table = _resolve(_doc(words, {(2, 4): "Product", (5, 8): "Product", (9, 10): "Product"}))
    products = sorted(sorted(e.names) for e in table.entities.values())
    assert products == [["LNG", "liquefied natural gas"], ["natural gas"]]


def test_a_based_description_refers_back_and_keeps_its_place() -> None:
    words = "The Offshore Directorate met . The Oslo - based directorate said so .".split()
    table = _resolve(_doc(words, {(1, 3): "Agency", (6, 7): "Place"}))
    directorate = _by_label(table)["Offshore Directorate"]
    assert table.key_at(9) == directorate.key  # "directorate"
    assert table.key_at(6) == _by_label(table)["Oslo"].key


def test_a_possessive_description_refers_back() -> None:
    words = "The Ministry of Commerce met . The ministry 's trade department said so .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency", (8, 10): "Agency"}))
    assert table.key_at(6) == _by_label(table)["Ministry of Commerce"].key  # "ministry"


def test_a_word_in_parentheses_after_a_body_is_its_short_name() -> None:
    words = "The Chilean Copper Commission ( Cochilco ) met . Cochilco said so .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency", (5, 6): "Organization", (9, 10): "Organization"}))
    assert [sorted(e.names) for e in table.entities.values() if e.type is not EntityType.COUNTRY] \
        == [["Chilean Copper Commission", "Cochilco"]]


def test_a_place_in_parentheses_stays_a_place() -> None:
    words = "The Trade Ministry ( Beijing ) met .".split()
    table = _resolve(_doc(words, {(1, 3): "Agency", (4, 5): "Place"}))
    assert len(table.entities) == 2


def _extract(nlp, text: str):
    """The Extraction of one undated article through the full pipeline."""
    from kg.model import Article
    from kg.nlp.extract import extract_articles

    (extraction,) = extract_articles([Article(id="t", text=text)], nlp=nlp)
    return extraction


def _product_names(nlp, text: str) -> list[list[str]]:
    extraction = _extract(nlp, text)
    return sorted(sorted(n.lower() for n in e.all_names) for e in extraction.entities if e.type.value == "Product")


@pytest.mark.model
def test_a_national_field_department_is_the_department_of_that_field(nlp):
    text = ("The U.S. Agriculture Department said exports rose. Later the USDA said the "
            "Department of Agriculture would act.")
    extraction = _extract(nlp, text)
    agencies = [e for e in extraction.entities if e.type.value == "Agency"]
    assert len(agencies) == 1
    assert "U.S. Agriculture Department" in agencies[0].all_names


@pytest.mark.model
def test_a_one_word_product_ending_another_is_that_product(nlp):
    text = ("Japan imported 214,000 tonnes of Brazilian soybeans in March. It also imported "
            "128,089 tonnes of Brazilian beans in calendar 1986.")
    extraction = _extract(nlp, text)
    products = [e for e in extraction.entities if e.type.value == "Product"]
    assert len(products) == 1 and "beans" in {n.split()[-1] for n in products[0].all_names}


@pytest.mark.model
def test_a_one_word_product_heading_another_name_is_that_product(nlp):
    text = ("Brazil will export 12 mln tonnes of iron ore to Japan in 1987. Japanese ore imports "
            "in 1987 would total 96 mln tonnes, officials said.")
    extraction = _extract(nlp, text)
    products = [e for e in extraction.entities if e.type.value == "Product"]
    assert len(products) == 1 and {"iron ore", "ore"} <= {n.lower() for n in products[0].all_names}


@pytest.mark.model
def test_a_head_word_two_products_share_stays_apart(nlp):
    text = ("Peru exported 50,000 tonnes of fish meal and Brazil 80,000 tonnes of soybean meal in March. "
            "Chile's meal exports were 20,000 tonnes.")
    names = _product_names(nlp, text)
    assert names == [["fish meal"], ["meal"], ["soybean meal"]]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Argentina exported 100,000 tonnes of sunflower oil and 50,000 tonnes of rapeseed oil in March.",
     [["rapeseed oil"], ["sunflower oil"]]),
    ("Malaysia sold 20,000 tonnes of palm oil and 10,000 tonnes of soybean oil to India.",
     [["palm oil"], ["soybean oil"]]),
    ("Nigeria exported 2 mln barrels of crude oil and imported 100,000 tonnes of fuel oil.",
     [["crude oil"], ["fuel oil"]]),
    ("Brazil shipped 5 mln tonnes of iron ore and Chile 1 mln tonnes of copper ore in May.",
     [["copper ore"], ["iron ore"]]),
    ("Indonesia exported 30,000 tonnes of crude palm oil and 10,000 tonnes of coconut oil in April.",
     [["coconut oil"], ["crude palm oil"]]),
])
def test_goods_made_of_different_things_stay_apart(nlp, text, expected):
    assert _product_names(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Argentina exported 100,000 tonnes of sunflower oil in March. Its oil exports rose 10 pct in 1986.",
     [["oil", "sunflower oil"]]),
    ("Canada exported 40,000 tonnes of rapeseed oil to Japan. Japanese oil imports from Canada fell.",
     [["oil", "rapeseed oil"]]),
    ("Chile exported 50,000 tonnes of fish meal in March. Its meal exports rose to 300,000 tonnes in 1986.",
     [["fish meal", "meal"]]),
    ("Nigeria exported 2 mln barrels of crude oil, a 50 mln dlr oil sale.", [["crude oil", "dlr oil"]]),
])
def test_a_head_word_after_one_such_name_or_a_worth_is_that_product(nlp, text, expected):
    assert _product_names(nlp, text) == expected


@pytest.mark.model
def test_a_head_word_after_two_such_names_joins_neither(nlp):
    text = ("Argentina exported 100,000 tonnes of sunflower oil and 50,000 tonnes of rapeseed oil in March. "
            "Its oil exports rose 10 pct in 1986.")
    assert _product_names(nlp, text) == [["oil"], ["rapeseed oil"], ["sunflower oil"]]


@pytest.mark.model
def test_goods_of_a_hyphenated_quality_are_their_kind(nlp):
    names = _product_names(nlp, "Taiwan exported 2 mln cut-price chips and 1 mln computer chips to the U.S.")
    assert len(names) == 1 and "computer chips" in names[0]


@pytest.mark.model
def test_grades_of_crude_are_crude(nlp):
    names = _product_names(nlp, "Venezuela sold 100,000 barrels of Brent crude and heavy crude to the U.S.")
    assert names == [["brent crude", "heavy crude"]]


@pytest.mark.model
def test_a_head_word_of_goods_of_a_quality_stays_apart(nlp):
    text = ("Sri Lanka wants to export more value-added tea. Its tea exports rose to 210,000 tonnes "
            "in 1986, the board said.")
    extraction = _extract(nlp, text)
    names = [{n.lower() for n in e.all_names} for e in extraction.entities if e.type.value == "Product"]
    assert not any({"tea", "value-added tea"} <= n for n in names)


@pytest.mark.model
def test_a_head_word_of_goods_in_a_state_stays_apart(nlp):
    text = "Argentina exported 50,000 tonnes of frozen beef in March. Its beef exports totalled 120,000 tonnes in 1986."
    names = _product_names(nlp, text)
    assert names == [["beef"], ["frozen beef"]]


def test_a_national_adjective_is_another_name_of_its_country() -> None:
    doc = _doc(["Australian", "wheat", "shipments", "rose", ",", "Australia", "said", "."],
               {(0, 1): "NORP", (5, 6): "GPE"})
    country = _by_label(_resolve(doc))["Australia"]
    assert country.type is EntityType.COUNTRY
    assert country.names == ("Australia", "Australian")


def test_a_national_adjective_alone_names_its_country() -> None:
    doc = _doc(["Soviet", "grain", "imports", "fell", "."], {(0, 1): "NORP"})
    country = next(e for e in _resolve(doc).entities.values() if e.type is EntityType.COUNTRY)
    assert "Soviet" in country.names


def test_goods_of_one_kind_are_labelled_by_the_kind_not_a_variety() -> None:
    # the story's wheat is all its wheat; "hard red winter wheat" is some of it
    words = "They bought hard red winter wheat . In all , wheat was 90 pct and U.S. wheat the rest .".split()
    table = _resolve(_doc(words, {(2, 6): "Product", (10, 11): "Product", (15, 17): "Product"}))
    products = [e for e in table.entities.values() if e.type is EntityType.PRODUCT]
    assert [e.label for e in products] == ["wheat"]


def test_a_market_word_for_the_goods_is_one_product_labelled_by_the_kind() -> None:
    # "raws" and "whites" are sugar in a market report; the kind names the product
    words = "Chile took two cargoes of raws and Peru bought whites . Both paid for sugar .".split()
    table = _resolve(_doc(words, {(5, 6): "Product", (9, 10): "Product", (14, 15): "Product"}))
    products = [e for e in table.entities.values() if e.type is EntityType.PRODUCT]
    assert [e.label for e in products] == ["sugar"]


def test_cheap_chips_are_labelled_chips() -> None:
    words = "Cut-price chips sold well . Semiconductors did not .".split()
    table = _resolve(_doc(words, {(0, 2): "Product", (5, 6): "Product"}))
    labels = {e.label for e in table.entities.values() if e.type is EntityType.PRODUCT}
    assert labels == {"Semiconductors"}


def test_a_variety_alone_keeps_its_full_name() -> None:
    words = "They bought hard red winter wheat .".split()
    table = _resolve(_doc(words, {(2, 6): "Product"}))
    assert [e.label for e in table.entities.values()] == ["hard red winter wheat"]


def test_goods_in_a_state_of_their_own_are_other_goods() -> None:
    words = "They sold beef . Most frozen beef went to Chile , Cuban sugar and whites to Iran .".split()
    ents = {(2, 3): "Product", (5, 7): "Product", (11, 13): "Product", (14, 15): "Product"}
    table = _resolve(_doc(words, ents))
    products = sorted(sorted(e.names) for e in table.entities.values())
    assert products == [["Cuban sugar", "whites"], ["beef"], ["frozen beef"]]


def _with_adjectives(doc: Doc, *adjectives: int) -> Doc:
    for i in adjectives:
        doc[i].pos_ = "ADJ"
    return doc


def test_a_demonym_inside_goods_names_a_latent_country() -> None:
    # "soft Kenyan tea": the model read the demonym as part of the goods, not as a NORP
    words = "Egypt bought soft Kenyan tea .".split()
    table = _resolve(_with_adjectives(_doc(words, {(0, 1): "Country", (2, 5): "Product"}), 2, 3))
    kenya = _by_label(table)["Kenya"]
    assert kenya.type is EntityType.COUNTRY and kenya.names == ("Kenya", "Kenyan")
    assert kenya.same_as == ("http://www.wikidata.org/entity/Q114",) and kenya.mentions == ()
    assert table.latent == {kenya.key} and kenya.key not in table.spans
    assert table.key_at(3) == _by_label(table)["soft Kenyan tea"].key  # the token stays the goods'


def test_a_two_word_demonym_in_a_date_names_its_country() -> None:
    words = "March 3 - West German importers bought tea .".split()
    table = _resolve(_with_adjectives(_doc(words, {(0, 5): "DATE"}), 3, 4))
    assert table.latent == {_by_label(table)["West Germany"].key}
    assert _by_label(table)["West Germany"].names == ("West Germany", "West German")


def test_a_demonym_read_elsewhere_or_inside_a_name_makes_no_latent_country() -> None:
    words = "Kenyan officials of the Kenyan Tea Board sold tea to Thais .".split()
    doc = _with_adjectives(_doc(words, {(0, 1): "NORP", (4, 7): "Organization", (9, 10): "Product"}), 0, 4)
    table = _resolve(doc)
    assert table.latent == set()  # the NORP reads Kenya; "Thais" is a people, not an adjective
    assert "Thailand" not in _by_label(table)


def _modified(words: list[str], modifiers: dict[int, int], nouns: tuple[int, ...], ents: dict[tuple[int, int], str]) -> Doc:
    """A Doc whose ``modifiers`` (token: head) are adjectives modifying ``nouns``."""
    doc = _doc(words, ents)
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for i, head in modifiers.items():
        heads[i], deps[i] = head, "amod"
    doc = Doc(_NLP.vocab, words=words, heads=heads, deps=deps, ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "")
                                                                    for t in doc])
    for i in modifiers:
        doc[i].pos_ = "ADJ"
    for i in nouns:
        doc[i].pos_ = "NOUN"
    return doc


def test_a_demonym_the_model_tagged_as_nothing_is_its_countrys_mention_where_it_modifies_a_noun() -> None:
    # "Total Kenyan imports": the opening capital hid the demonym from the model
    words = "Total Kenyan imports of tea rose .".split()
    table = _resolve(_modified(words, {0: 2, 1: 2}, (2,), {(4, 5): "Product"}))
    kenya = _by_label(table)["Kenya"]
    assert table.latent == set() and table.key_at(1) == kenya.key  # as a NORP the model read


def test_an_untagged_demonym_that_modifies_no_noun_after_it_names_no_country() -> None:
    words = "Tea exports were Kenyan .".split()  # a predicate, not a modifier
    table = _resolve(_modified(words, {}, (1,), {(0, 1): "Product"}))
    assert table.latent == set()
    words = "Imports rose , the Kenyan said .".split()  # a people: no noun after it
    assert _resolve(_modified(words, {4: 5}, (), {})).latent == set()


def test_acronym_may_end_with_a_legal_form_the_name_leaves_out() -> None:
    assert acronym_of("PDVSA", "Petroleos de Venezuela")
    assert acronym_of("ACME", "Acme Metals")  # "ME" of Metals, no legal form needed
    assert acronym_of("NKAG", "Norder Kraft")
    assert not acronym_of("SA", "Sociedad")
    assert not acronym_of("XYSA", "Petroleos de Venezuela")


def test_acronym_with_a_legal_form_merges_with_the_long_name() -> None:
    words = "Banco de Lima , S.A. said so . BDLSA will pay .".split()
    table = _resolve(_doc(words, {(0, 3): "Organization", (8, 9): "Organization"}))
    assert set(_by_label(table)["Banco de Lima"].names) == {"Banco de Lima", "BDLSA"}


def test_a_double_surname_tagged_an_organization_is_the_person() -> None:
    words = "Deputy Minister Jorge Ruiz Calvo arrived . Ruiz Calvo said so .".split()
    table = _resolve(_doc(words, {(2, 5): "Official", (7, 9): "Organization"}))
    person = _by_label(table)["Jorge Ruiz Calvo"]
    assert person.type is EntityType.OFFICIAL
    assert table.key_at(7) == person.key and len(table.entities) == 1


def test_a_portfolio_before_a_title_is_no_body() -> None:
    words = "Trade and Industry Minister Ana Paz said so .".split()
    table = _resolve(_doc(words, {(0, 1): "Organization", (4, 6): "Official"}))
    assert set(_by_label(table)) == {"Ana Paz"}


def test_a_lower_case_head_completes_a_body_and_the_board_refers_to_it() -> None:
    words = "Exports rose , the National Wool board said . Sales fell , the board said .".split()
    table = _resolve(_doc(words, {(4, 6): "Organization"}))
    board = _by_label(table)["National Wool board"]
    assert board.type is EntityType.AGENCY
    assert table.key_at(13) == board.key


def test_a_body_named_by_its_function_is_an_entity_of_its_own() -> None:
    words = "Exports fell , the central bank said . The central bank said more .".split()
    table = _resolve(_doc(words, {}))
    bank = _by_label(table)["central bank"]
    assert bank.type is EntityType.AGENCY
    assert table.key_at(5) == bank.key and table.key_at(9) == bank.key


def test_a_function_name_is_left_alone_where_a_body_of_its_kind_is_named() -> None:
    words = "The Bank of Kenya spoke . Exports fell , the central bank said .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency"}))
    assert set(_by_label(table)) == {"Bank of Kenya", "Kenya"}  # the country its name carries


def test_two_ministries_named_by_their_fields_are_two_bodies() -> None:
    words = "Exports fell , the finance ministry said . Imports rose , the trade ministry said .".split()
    assert {"finance ministry", "trade ministry"} <= set(_by_label(_resolve(_doc(words, {}))))


def test_a_longer_function_name_holds_no_shorter_one() -> None:
    words = "Exports fell , the foreign trade ministry said .".split()
    assert set(_by_label(_resolve(_doc(words, {})))) == {"foreign trade ministry"}


def test_a_ministry_named_by_its_field_is_left_alone_where_a_ministry_is_named() -> None:
    words = "The Ministry of Trade spoke . Exports fell , the trade ministry said .".split()
    assert "trade ministry" not in _by_label(_resolve(_doc(words, {(1, 4): "Agency"})))


def test_an_acronym_the_model_left_untagged_is_the_body_it_names() -> None:
    words = "The Kenya Tea Board ( KTB ) spoke . KTB manager Ann Mwangi said so .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency", (5, 6): "Agency", (11, 13): "Person"}))
    board = _by_label(table)["Kenya Tea Board"]
    assert table.key_at(9) == board.key


def test_the_bank_refers_to_a_government_bank_named_so() -> None:
    words = "The Bank of Kenya spoke . Exports fell , the bank said .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency"}))
    assert table.key_at(10) == _by_label(table)["Bank of Kenya"].key


def test_a_demonym_before_a_portfolio_stays_the_countrys() -> None:
    words = "Kenyan Energy and Mines Minister Ana Paz said so .".split()
    table = _resolve(_doc(words, {(0, 4): "Organization", (5, 7): "Official"}))
    assert set(_by_label(table)) == {"Ana Paz", "Kenya"}
    assert table.key_at(0) == _by_label(table)["Kenya"].key


def test_the_last_name_of_a_company_written_alone_is_that_company() -> None:
    words = "Trade house Kopp and Sons Holt said so . Prices fell , Holt added .".split()
    doc = _doc(words, {(2, 6): "Organization"})
    doc[12].pos_ = "PROPN"  # a name, as the tagger reads it
    table = _resolve(doc)
    assert table.key_at(12) == _by_label(table)["Kopp and Sons Holt"].key


def test_a_country_carried_only_by_a_body_s_name_is_an_entity_without_mention() -> None:
    words = "The Kenyan Tea Institute said sales rose . The Bank of Malawi agreed .".split()
    table = _resolve(_doc(words, {(1, 4): "Organization", (9, 12): "Agency"}))
    countries = {e.label: e for e in table.entities.values() if e.type is EntityType.COUNTRY}
    assert set(countries) == {"Kenya", "Malawi"}
    assert all(not e.mentions for e in countries.values())
    assert not table.latent & {e.key for e in countries.values()}  # kept, unlike a demonym in goods


def test_a_country_a_company_s_name_carries_stays_latent() -> None:
    # a company is named with its country, not that country's body
    for words, span in (("The Zambian Copper Trading Company bought ore .", (1, 5)),
                        ("Peru Fishmeal Corp. said sales rose .", (0, 3)),
                        ("The Chilean Nitrate Corporation sold more .", (1, 4))):
        table = _resolve(_doc(words.split(), {span: "Organization"}))
        countries = [e.key for e in table.entities.values() if e.type is EntityType.COUNTRY]
        assert len(countries) == 1 and set(countries) <= table.latent, words


def test_a_well_known_acronym_joins_its_body_s_name_misspelt() -> None:
    words = "Petroloes de Venezuela sold more crude . PDVSA agreed .".split()
    table = _resolve(_doc(words, {(0, 3): "Organization", (7, 8): "Organization"}))
    assert table.key_at(7) == table.key_at(0)


def test_an_acronym_written_inside_a_name_is_not_its_acronym() -> None:
    assert not acronym_of("EC", "EC Commission")  # the Community's Commission
    assert not acronym_of("UN", "UN Committee")
    assert acronym_of("ACME", "Acme Metals")  # a short name in capitals still is
    assert acronym_of("NEC", "NEC Corp")  # and a company's name less its legal form


def test_a_well_known_acronym_is_its_body_not_one_its_letters_fit() -> None:
    words = "The White House said so . The WHO agreed .".split()
    table = _resolve(_doc(words, {(1, 3): "Agency", (7, 8): "Organization"}))
    assert table.key_at(7) != table.key_at(1)
    assert _by_label(table)["World Health Organization"].type is EntityType.ORGANIZATION


def test_no_country_is_carried_by_a_name_joining_two_countries() -> None:
    words = "The Kenya - Uganda Business Council met .".split()
    table = _resolve(_doc(words, {(1, 6): "Organization"}))
    assert not [e for e in table.entities.values() if e.type is EntityType.COUNTRY]


def test_an_embassy_abroad_carries_the_country_it_belongs_to() -> None:
    words = "The Canadian Embassy in Lima said so . The High Commission of Ghana in Ottawa agreed .".split()
    table = _resolve(_doc(words, {(1, 3): "Agency", (9, 13): "Agency"}))
    countries = {e.label for e in table.entities.values() if e.type is EntityType.COUNTRY}
    assert countries == {"Canada", "Ghana"}


def test_a_body_of_several_fields_named_by_one_of_them_is_that_body() -> None:
    words = "The Energy and Mines Department said so . Energy Department officials agreed .".split()
    table = _resolve(_doc(words, {(1, 5): "Agency", (8, 10): "Agency"}))
    assert [e.label for e in table.entities.values()] == ["Energy and Mines Department"]
    assert table.key_at(8) == table.key_at(1)


def test_a_known_national_body_named_after_its_country_is_that_body() -> None:
    words = "The U.S. Agriculture Department said so . USDA officials agreed .".split()
    table = _resolve(_doc(words, {(1, 4): "Agency", (7, 8): "Agency"}))
    assert table.key_at(1) == table.key_at(7)
    assert _by_label(table)["Department of Agriculture"].type is EntityType.AGENCY


def test_the_words_demonyms_are_read_from_give_each_span_its_text() -> None:
    from kg.nlp.latent_countries import Words

    doc = spacy.blank("en")("West German and Thai firms, said the U.S.-based\nbank.")
    words = Words(doc)
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 3, len(doc)) + 1):
            assert words.text(start, end) == doc[start:end].text
    assert words.capital[:3] == [True, True, False]


def test_the_end_of_a_bodys_name_is_that_body() -> None:
    from kg.nlp.extract import extract_articles

    text = ("Exports rose, the Federal Statistics Office said. The Statistics Office put imports at "
            "4.9 billion marks. The Japanese Finance Ministry and the Kenyan Finance Ministry met. "
            "The Finance Ministry said so.")
    extraction = next(extract_articles([Article("a", text)]))
    names = {e.label: set(e.names) for e in extraction.entities}
    assert names["Federal Statistics Office"] >= {"Statistics Office"}
    assert "Finance Ministry" in names  # two bodies end so: neither


def test_a_province_opening_a_bodys_name_stays_the_place() -> None:
    words = "Ontario cut its exports . Jim Reed of the Ontario Apple Growers Association said so .".split()
    table = _resolve(_doc(words, {(0, 1): "Place", (5, 7): "Person", (9, 13): "Organization"}))
    labels = _by_label(table)
    assert labels["Ontario"].type is EntityType.PLACE
    assert table.key_at(0) != labels["Ontario Apple Growers Association"].key


@pytest.mark.model
def test_palm_olein_is_goods_apart_from_palm_oil_and_soyoil_is_soybean_oil(nlp):
    text = ("The trading firm bought 20,000 tonnes of soybean oil and 6,000 tonnes of rbd palm olein. "
            "Pakistan sought 12,000 tonnes of rbd palm oil. The soyoil purchase was for May shipment and the "
            "palm olein for June shipment.")
    assert _product_names(nlp, text) == [["palm olein", "rbd palm olein"], ["rbd palm oil"], ["soybean oil", "soyoil"]]


@pytest.mark.model
def test_a_video_tape_recorder_and_its_acronym_are_one_product(nlp):
    text = "Japan's video tape recorder (VTR) exports fell to 1.73 mln sets in February."
    assert _product_names(nlp, text) == [["video tape recorder", "vtr"]]



def test_a_short_name_is_the_parent_firm_not_its_national_arm() -> None:
    words = "Kazuma Canadian Mills Co said so . Kazuma Motor Co Ltd agreed . Kazuma added .".split()
    table = _resolve(_doc(words, {(0, 4): "Organization", (7, 11): "Organization", (13, 14): "Organization"}))
    assert table.key_at(13) == _by_label(table)["Kazuma Motor Co Ltd"].key


def test_a_body_s_description_in_apposition_is_that_body(extracted) -> None:
    x = extracted("Talks were held with Sace, the Italian export credit agency, officials said.")
    bodies = [(e.type, e.label, len(e.mentions)) for e in x.entities if e.type in (EntityType.AGENCY, EntityType.ORGANIZATION)]
    assert bodies == [(EntityType.AGENCY, "Sace", 2)]


def test_a_named_body_s_government_description_types_it_an_agency(extracted) -> None:
    for text, label in (
        ("The Banco Popular Fund (BPF), the Chilean fisheries regulator, said catches fell.", "Banco Popular Fund"),
        ("Britain's energy regulator Ofgem said prices would rise.", "Ofgem"),
    ):
        x = extracted(text)
        bodies = {e.label: e.type for e in x.entities if e.type in (EntityType.AGENCY, EntityType.ORGANIZATION)}
        assert bodies == {label: EntityType.AGENCY}, text


def test_a_country_s_body_in_lower_case_is_a_government_body(extracted) -> None:
    for text, label in (
        ("Exports reached 1.1 mln tonnes, the Uruguayan meat board said.", "Uruguayan meat board"),
        ("The Ecuadorean energy and mines ministry said output fell.", "Ecuadorean energy and mines ministry"),
        ("Output rose, Peru's fisheries ministry said.", "Peruvian fisheries ministry"),
    ):
        x = extracted(text)
        assert [e.type for e in x.entities if label in e.names] == [EntityType.AGENCY], text


def test_a_country_s_firms_or_bare_board_in_lower_case_are_no_government_body(extracted) -> None:
    for text in ("The Japanese trading houses bought soybeans.", "The Uruguayan board said so."):
        x = extracted(text)
        assert not [e for e in x.entities if e.type is EntityType.AGENCY], text


def test_a_named_firm_after_a_description_of_no_government_body_stays_a_firm(extracted) -> None:
    x = extracted("Xinhua, the official news agency, said exports rose.")
    assert {e.label: e.type for e in x.entities}.get("Xinhua News Agency") is EntityType.ORGANIZATION


def test_a_body_after_a_named_firm_that_speaks_is_no_description_of_it(extracted) -> None:
    x = extracted("Talks with Acme Corp, the French government said, failed.")
    assert {e.label: e.type for e in x.entities}.get("Acme Corp") is EntityType.ORGANIZATION
