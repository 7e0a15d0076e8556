from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import organizations, places


def _pairs(facts, predicate):
    return sorted((f.subject, f.object) for f in only(facts, predicate))


def test_unit_of_an_organization(parser) -> None:
    text = ("Zhang Qi, deputy director of the Department of Medical Device Regulation of the "
            "National Medical Products Administration, spoke.")  # fmt: skip
    table = {"Department of Medical Device Regulation": ("dmdr", T.AGENCY),
             "National Medical Products Administration": ("nmpa", T.AGENCY)}  # fmt: skip
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.SUB_ORGANIZATION_OF) == [("dmdr", "nmpa")]


def test_possessed_department_is_a_unit(parser) -> None:
    text = "Jiang Fan, an official with the MOC's foreign trade department, spoke."
    table = {"MOC": ("mofcom", T.AGENCY), "foreign trade department": ("ftd", T.AGENCY)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.SUB_ORGANIZATION_OF) == [("ftd", "mofcom")]


def test_based_in_by_possessive_demonym_and_based_word(parser) -> None:
    text = ("China's Ministry of Commerce met Chinese customs and the Shenzhen-based firm Huawei.")
    table = {"China": ("china", T.COUNTRY), "Ministry of Commerce": ("mofcom", T.AGENCY),
             "Chinese": ("china", T.COUNTRY), "customs": ("customs", T.AGENCY),
             "Shenzhen": ("shenzhen", T.PLACE), "Huawei": ("huawei", T.ORGANIZATION)}  # fmt: skip
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == [
        ("customs", "china"), ("huawei", "shenzhen"), ("mofcom", "china")
    ]


def test_place_inside_a_name_is_not_a_location(parser) -> None:
    text = "The China Development Bank lent money."
    table = {"China Development Bank": ("cdb", T.ORGANIZATION)}
    assert facts_of(parser, text, table, module=organizations) == []


def test_located_in_by_preposition_and_comma(parser) -> None:
    text = "He was born in Chato in northwestern Tanzania. The outbreak began in Wuhan, China, in December."
    table = {"Chato": ("chato", T.PLACE), "Tanzania": ("tz", T.COUNTRY),
             "Wuhan": ("wuhan", T.PLACE), "China": ("china", T.COUNTRY)}  # fmt: skip
    facts = facts_of(parser, text, table, module=places)
    assert _pairs(facts, Predicate.LOCATED_IN) == [("chato", "tz"), ("wuhan", "china")]


def test_a_list_of_places_is_no_containment(parser) -> None:
    text = "Masks were sent to Wuhan, Beijing and Shanghai."
    table = {"Wuhan": ("wuhan", T.PLACE), "Beijing": ("beijing", T.PLACE),
             "Shanghai": ("shanghai", T.PLACE)}  # fmt: skip
    assert facts_of(parser, text, table, module=places) == []


def test_located_in_through_the_kind_of_place(parser) -> None:
    text = "The tests were run in the US state of Maine and in the Chinese city of Wuhan."
    table = {"US": ("us", T.COUNTRY), "Maine": ("maine", T.PLACE), "Wuhan": ("wuhan", T.PLACE),
             "Chinese": ("china", T.COUNTRY)}  # fmt: skip
    facts = facts_of(parser, text, table, module=places)
    assert ("maine", "us") in _pairs(facts, Predicate.LOCATED_IN)


def test_a_port_is_on_the_sea_it_is_named_after_not_in_it(parser) -> None:
    text = "Grain left the Pacific port of Salina and the Black Sea port of Varnik in the Chilean port of Tolo."
    table = {"Pacific": ("pac", T.PLACE), "Salina": ("sal", T.PLACE), "Black Sea": ("bs", T.PLACE),
             "Varnik": ("var", T.PLACE), "Tolo": ("tolo", T.PLACE), "Chilean": ("cl", T.COUNTRY)}  # fmt: skip
    pairs = _pairs(facts_of(parser, text, table, module=places), Predicate.LOCATED_IN)
    assert ("sal", "pac") not in pairs and ("var", "bs") not in pairs
    assert ("tolo", "cl") in pairs


def test_located_in_a_province_in_apposition(parser) -> None:
    text = "The company built a factory in Kunshan, Jiangsu province, last year."
    table = {"Kunshan": ("kunshan", T.PLACE), "Jiangsu province": ("jiangsu", T.PLACE)}
    facts = facts_of(parser, text, table, module=places)
    assert _pairs(facts, Predicate.LOCATED_IN) == [("kunshan", "jiangsu")]


def _based_pairs(facts):
    return sorted((f.subject, f.object, f.extractor) for f in only(facts, Predicate.BASED_IN))


def test_demonym_opening_a_name_places_the_body(parser) -> None:
    text = "The plan, approved by the Angolan Government, reshapes farming in Angola."
    table = {"Angolan Government": ("ango", T.AGENCY), "Angola": ("angola", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _based_pairs(facts) == [("ango", "angola", "based-demonym-name")]


def test_a_named_place_opening_a_name_places_the_body(parser) -> None:
    text = "The China Development Bank lent money to firms in China."
    table = {"China Development Bank": ("cdb", T.ORGANIZATION), "China": ("cn", T.COUNTRY)}
    assert _based_pairs(facts_of(parser, text, table, module=organizations)) == [("cdb", "cn", "based-in-name")]
    text = "Rich Studley of the Michigan Chamber of Commerce said firms in Michigan are ready."
    table = {"Michigan Chamber of Commerce": ("chamber", T.ORGANIZATION), "Michigan": ("mi", T.PLACE),
             "Rich Studley": ("rs", T.PERSON)}  # fmt: skip
    assert _based_pairs(facts_of(parser, text, table, module=organizations)) == [("chamber", "mi", "based-in-name")]


def test_words_opening_two_bodies_names_are_a_family_name_not_a_seat(parser) -> None:
    text = "Kopp Mining will merge with Kopp Steel. Investors in Kopp were glad."
    table = {"Kopp Mining": ("km", T.ORGANIZATION), "Kopp Steel": ("ks", T.ORGANIZATION),
             "Kopp": ("kopp", T.PLACE)}  # fmt: skip
    assert _based_pairs(facts_of(parser, text, table, module=organizations)) == []
    text = "The Michigan Chamber of Commerce and the Michigan Farm Association met in Michigan."
    table = {"Michigan Chamber of Commerce": ("mcc", T.ORGANIZATION),
             "Michigan Farm Association": ("mfa", T.ORGANIZATION), "Michigan": ("mi", T.PLACE)}  # fmt: skip
    assert ("mcc", "mi", "based-in-name") in _based_pairs(facts_of(parser, text, table, module=organizations))


def test_a_place_not_named_on_its_own_or_late_in_a_name_places_nothing(parser) -> None:
    text = "The Traverse City Area Chamber of Commerce met on Monday in Lansing."
    table = {"Traverse City Area Chamber of Commerce": ("tc", T.ORGANIZATION), "Lansing": ("lan", T.PLACE)}
    assert _based_pairs(facts_of(parser, text, table, module=organizations)) == []
    text = "The Institute of Virology in Wuhan opened. Wuhan is large."
    table = {"Institute of Virology": ("wiv", T.ORGANIZATION), "Wuhan": ("wuhan", T.PLACE)}
    assert ("wiv", "wuhan", "based-in-name") not in _based_pairs(facts_of(parser, text, table, module=organizations))


def test_based_in_a_city_carries_to_its_state(parser) -> None:
    text = "Pepperell, based in West Point, Ga., makes towels."
    table = {"Pepperell": ("pep", T.ORGANIZATION), "West Point": ("wp", T.PLACE), "Ga.": ("ga", T.PLACE)}
    facts = facts_of(parser, text, table)
    assert _based_pairs(facts) == [("pep", "ga", "based-chain"), ("pep", "wp", "based-word")]
    chain = next(f for f in facts if f.extractor == "based-chain")
    assert chain.confidence == round(0.85 * 0.9, 3)


def test_a_bare_in_phrase_is_not_carried_further(parser) -> None:
    from kg.model import Fact
    from kg.nlp.relations.places import chained

    def fact(s, p, o, conf):
        return Fact(subject=s, predicate=p, object=o, article="a", sentence="s", start=0, end=1,
                    confidence=conf, extractor="x")

    located = fact("wp", Predicate.LOCATED_IN, "ga", 0.85)
    assert [(f.subject, f.object) for f in chained([fact("pep", Predicate.BASED_IN, "wp", 0.85), located])] == [("pep", "ga")]
    assert chained([fact("pep", Predicate.BASED_IN, "wp", 0.7), located]) == []
    assert chained([fact("ga", Predicate.LOCATED_IN, "wp", 0.85), located]) == []  # no cycle


def _located(facts):
    from kg.model import Predicate

    return sorted((f.subject, f.object) for f in facts if f.predicate is Predicate.LOCATED_IN)


def test_place_described_by_its_container(parser) -> None:
    from kg.nlp.relations import places

    text = ("Trade resumed in Anambra. Onitsha, the state's commercial hub, reopened. "
            "Aba, a city in Abia, stayed shut.")  # fmt: skip
    table = {"Anambra": ("anambra", T.PLACE), "Onitsha": ("onitsha", T.PLACE),
             "Aba": ("aba", T.PLACE), "Abia": ("abia", T.PLACE)}  # fmt: skip
    assert _located(facts_of(parser, text, table, module=places)) == [("aba", "abia"), ("onitsha", "anambra")]


def test_place_in_a_direction_of_a_country(parser) -> None:
    from kg.nlp.relations import places

    text = "Nnewi, in the southeast of Nigeria, was quiet."
    table = {"Nnewi": ("nnewi", T.PLACE), "Nigeria": ("ng", T.COUNTRY)}
    assert _located(facts_of(parser, text, table, module=places)) == [("nnewi", "ng")]


def test_a_company_noun_describing_the_organization_says_where_it_is(parser) -> None:
    text = "Sun Hung Kai Properties, a Hong Kong construction firm, bought the site."
    table = {"Sun Hung Kai Properties": ("shk", T.ORGANIZATION), "Hong Kong": ("hk", T.PLACE)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == [("shk", "hk")]
    assert {f.extractor for f in facts} == {"based-descriptor"}
    text = "Traders said the Chilean copper company Codelco would close a smelter."
    table = {"Chilean": ("cl", T.COUNTRY), "Codelco": ("codelco", T.ORGANIZATION)}
    assert _pairs(facts_of(parser, text, table, module=organizations), Predicate.BASED_IN) == [("codelco", "cl")]


def test_a_place_after_the_company_noun_is_no_seat(parser) -> None:
    text = "Acme, a firm with offices in Ohio, bought the site."
    table = {"Acme": ("acme", T.ORGANIZATION), "Ohio": ("oh", T.PLACE)}
    facts = facts_of(parser, text, table, module=organizations)
    assert not [f for f in facts if f.extractor == "based-descriptor"]


def test_headquarters_in_a_place_seat_the_organization(parser) -> None:
    text = "At a briefing at NRC headquarters in nearby Rockville, Bernero said so. Acme said its headquarters in Dallas would close."
    table = {"NRC": ("nrc", T.AGENCY), "Rockville": ("rv", T.PLACE), "Bernero": ("b", T.PERSON),
             "Acme": ("acme", T.ORGANIZATION), "Dallas": ("dallas", T.PLACE)}  # fmt: skip
    facts = [f for f in facts_of(parser, text, table, module=organizations) if f.extractor == "based-headquarters"]
    assert _pairs(facts, Predicate.BASED_IN) == [("acme", "dallas"), ("nrc", "rv")]


def test_a_unit_in_apposition_is_part_of_the_other_organization(parser) -> None:
    text = ("The Food Safety and Inspection Service, a division within the Department of Agriculture, "
            "issued a recall. Instagram, a unit of Facebook, said so.")  # fmt: skip
    table = {"Food Safety and Inspection Service": ("fsis", T.AGENCY),
             "Department of Agriculture": ("usda", T.AGENCY),
             "Instagram": ("ig", T.ORGANIZATION), "Facebook": ("fb", T.ORGANIZATION)}  # fmt: skip
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.SUB_ORGANIZATION_OF) == [("fsis", "usda"), ("ig", "fb")]


def test_a_company_noun_in_apposition_makes_no_unit(parser) -> None:
    text = "Acme, a rival of Globex, said so."
    table = {"Acme": ("acme", T.ORGANIZATION), "Globex": ("globex", T.ORGANIZATION)}
    assert _pairs(facts_of(parser, text, table, module=organizations), Predicate.SUB_ORGANIZATION_OF) == []


def test_places_listed_before_their_container_each_lie_in_it(parser) -> None:
    text = "The virus spread to Kano and Kaduna in northern Nigeria."
    table = {"Kano": ("kano", T.PLACE), "Kaduna": ("kaduna", T.PLACE), "Nigeria": ("ng", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=places)
    assert _pairs(facts, Predicate.LOCATED_IN) == [("kaduna", "ng"), ("kano", "ng")]


def test_a_direction_between_a_place_and_its_country(parser) -> None:
    text = "Gas came from the Hammerfest plant in Finnmark, northern Norway."
    table = {"Hammerfest": ("hf", T.PLACE), "Finnmark": ("fm", T.PLACE), "Norway": ("no", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=places)
    assert ("fm", "no") in _pairs(facts, Predicate.LOCATED_IN)


def test_listed_places_with_containers_of_their_own_keep_them(parser) -> None:
    text = "The border runs between Dan Sai District in Loei Province, and Lomsak District in Phetchabun Province."
    table = {"Dan Sai District": ("ds", T.PLACE), "Loei Province": ("loei", T.PLACE),
             "Lomsak District": ("ls", T.PLACE), "Phetchabun Province": ("pb", T.PLACE)}  # fmt: skip
    facts = facts_of(parser, text, table, module=places)
    assert ("ds", "pb") not in _pairs(facts, Predicate.LOCATED_IN)


def test_a_body_described_as_based_elsewhere_is_not_where_its_name_says(parser) -> None:
    text = ("Lisbon is far away, said Tom Brook of the Lisbon Forum, a Paris-based citizen group "
            "that met in Lisbon.")
    table = {"Lisbon Forum": ("forum", T.ORGANIZATION), "Lisbon": ("lis", T.PLACE), "Tom Brook": ("tb", T.PERSON)}
    assert ("forum", "lis", "based-in-name") not in _based_pairs(facts_of(parser, text, table, module=organizations))


def test_a_body_whose_name_carries_a_country_is_based_there(parser) -> None:
    text = "The Kenyan Tea Institute and the Bank of Malawi met on Monday."
    table = {"Kenyan Tea Institute": ("kti", T.ORGANIZATION), "Bank of Malawi": ("bom", T.AGENCY),
             "Kenya": ("ke", T.COUNTRY), "Malawi": ("mw", T.COUNTRY)}  # fmt: skip
    pairs = {(s, o) for s, o, _ in _based_pairs(facts_of(parser, text, table, module=organizations))}
    assert pairs == {("kti", "ke"), ("bom", "mw")}


def test_a_name_carrying_no_country_the_article_holds_places_nothing(parser) -> None:
    text = "The Kenyan Tea Institute met on Monday."
    table = {"Kenyan Tea Institute": ("kti", T.ORGANIZATION)}
    assert _based_pairs(facts_of(parser, text, table, module=organizations)) == []


def test_place_before_a_company_noun_before_the_name(parser) -> None:
    text = ("Prices fell, Rotterdam trade house Van Dijk Brothers said. "
            "Kenya's state tea company, Acme Tea, sold more. "
            "Output rose, the Daily Mirror newspaper of London said.")
    table = {"Rotterdam": ("rotterdam", T.PLACE), "Van Dijk Brothers": ("vdb", T.ORGANIZATION),
             "Kenya": ("kenya", T.COUNTRY), "Acme Tea": ("acme", T.ORGANIZATION),
             "Daily Mirror": ("mirror", T.ORGANIZATION), "London": ("london", T.PLACE)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == [("acme", "kenya"), ("mirror", "london"), ("vdb", "rotterdam")]


def test_a_company_noun_after_a_place_of_another_phrase_places_nothing(parser) -> None:
    text = "Prices fell in Rotterdam, the trade house Van Dijk Brothers said."
    table = {"Rotterdam": ("rotterdam", T.PLACE), "Van Dijk Brothers": ("vdb", T.ORGANIZATION)}
    assert _pairs(facts_of(parser, text, table, module=organizations), Predicate.BASED_IN) == []


def test_a_name_joining_two_places_is_based_in_neither(parser) -> None:
    text = "Kenya and Peru met. He joined the Kenya-Peru Business Forum and the Kenya Tea Board."
    table = {"Kenya": ("kenya", T.COUNTRY), "Peru": ("peru", T.COUNTRY),
             "Kenya-Peru Business Forum": ("forum", T.ORGANIZATION), "Kenya Tea Board": ("ktb", T.AGENCY)}
    assert _pairs(facts_of(parser, text, table, module=organizations), Predicate.BASED_IN) == [("ktb", "kenya")]


def test_a_company_noun_with_its_place_after_in_says_where_it_is(parser) -> None:
    text = "Dong Hai Steel Co, a leading shipbreaker and steel producer in Pusan, said demand fell."
    table = {"Dong Hai Steel Co": ("dh", T.ORGANIZATION), "Pusan": ("pusan", T.PLACE)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == [("dh", "pusan")]


def test_a_noun_of_no_company_with_a_place_after_in_says_nothing(parser) -> None:
    text = "Dong Hai Steel Co, a big investor in Pusan property, said demand fell."
    table = {"Dong Hai Steel Co": ("dh", T.ORGANIZATION), "Pusan": ("pusan", T.PLACE)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == []


def test_a_possessed_unit_named_in_apposition_is_part_of_the_owner(parser) -> None:
    text = "Prices rose, a spokesman for Fendwick's Spanish unit Ibercorn Industrial S.A. said."
    table = {"Fendwick": ("fw", T.ORGANIZATION), "Ibercorn Industrial S.A.": ("ib", T.ORGANIZATION)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.SUB_ORGANIZATION_OF) == [("ib", "fw")]


def test_a_possessed_unit_of_a_country_is_no_unit_of_an_organization(parser) -> None:
    text = "Prices rose, a spokesman for Spain's state unit Ibercorn Industrial S.A. said."
    table = {"Spain": ("es", T.COUNTRY), "Ibercorn Industrial S.A.": ("ib", T.ORGANIZATION)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.SUB_ORGANIZATION_OF) == []


def test_a_country_after_a_company_s_stock_ticker_is_its_seat(parser) -> None:
    text = "The unit of Fendwick Motor Co Ltd <FMC.T> of Japan shipped 200 cars to Taiwan."
    table = {"Fendwick Motor Co Ltd": ("fw", T.ORGANIZATION), "Japan": ("jp", T.COUNTRY), "Taiwan": ("tw", T.PLACE)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == [("fw", "jp")]


def test_a_country_after_a_ticker_and_another_word_is_no_seat(parser) -> None:
    text = "Fendwick Motor Co Ltd <FMC.T> shipped 200 cars of Japan to Taiwan."
    table = {"Fendwick Motor Co Ltd": ("fw", T.ORGANIZATION), "Japan": ("jp", T.COUNTRY), "Taiwan": ("tw", T.PLACE)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == []


def test_a_countrys_company_described_after_its_name_is_based_there(parser) -> None:
    text = "Peru signed an agreement with Hungary's state-owned Tarkon trading company to sell buses."
    table = {"Tarkon": ("tk", T.ORGANIZATION), "Hungary": ("hu", T.COUNTRY), "Peru": ("pe", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == [("tk", "hu")]


def test_a_joint_venture_of_two_countries_is_based_in_neither(parser) -> None:
    text = "Tata Cars, an Indo-Japanese car maker, will sell cars to Chile."
    table = {"Tata Cars": ("tc", T.ORGANIZATION), "Chile": ("cl", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.BASED_IN) == []


def test_a_speaking_description_qualified_by_a_body_makes_the_body_before_its_unit(parser) -> None:
    text = ("Coal output fell 2 pct in March, the Mines Statistics Office said. "
            "The Industry Ministry agency said coal exports were steady.")
    table = {"Mines Statistics Office": ("mso", T.AGENCY), "Industry Ministry": ("mini", T.AGENCY)}
    facts = facts_of(parser, text, table, module=organizations)
    assert _pairs(facts, Predicate.SUB_ORGANIZATION_OF) == [("mso", "mini")]


def test_a_description_qualified_by_a_body_with_no_body_before_makes_no_unit(parser) -> None:
    text = "Coal output fell. The Industry Ministry agency said coal exports were steady."
    table = {"Industry Ministry": ("mini", T.AGENCY)}
    assert _pairs(facts_of(parser, text, table, module=organizations), Predicate.SUB_ORGANIZATION_OF) == []


def test_a_place_based_description_speaking_for_a_body_places_it(parser) -> None:
    text = ("Cheese exports rose 4 pct, the Dairy Council said. "
            "The Madison-based trade group said Mexico bought most of it.")
    table = {"Dairy Council": ("dc", T.ORGANIZATION), "Madison": ("madison", T.PLACE), "Mexico": ("mx", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=organizations)
    assert ("dc", "madison") in _pairs(facts, Predicate.BASED_IN)


def test_a_place_based_description_of_no_body_named_places_none(parser) -> None:
    text = "Cheese exports rose 4 pct. The Madison-based trade group said Mexico bought most of it."
    table = {"Madison": ("madison", T.PLACE), "Mexico": ("mx", T.COUNTRY)}
    assert _pairs(facts_of(parser, text, table, module=organizations), Predicate.BASED_IN) == []
