from __future__ import annotations

from kg.nlp.goods import graded_from, in_goods_context


def _context(nlp, text: str, word: str) -> bool:
    doc = nlp(text)
    return in_goods_context(next(t for t in doc if t.text == word))


def test_measured_goods_are_in_a_goods_context(nlp) -> None:
    assert _context(nlp, "Peru shipped 4,000 tonnes of zinc last month.", "zinc")
    assert _context(nlp, "The clinic received 2,000 doses of polio vaccine.", "vaccine")


def test_goods_before_or_after_a_flow_noun(nlp) -> None:
    assert _context(nlp, "Cocoa exports rose by a tenth.", "Cocoa")
    assert _context(nlp, "Shipments of cobalt fell in May.", "cobalt")


def test_goods_before_a_noun_a_trade_word_modifies(nlp) -> None:
    assert _context(nlp, "Its sorghum import commitments rose to 970,000 tonnes.", "sorghum")
    assert _context(nlp, "The millet export registrations were closed on Monday.", "millet")
    assert not _context(nlp, "The sorghum growers met the import agency.", "sorghum")
    assert not _context(nlp, "Livestock accounts for two-thirds of hide export value.", "hide")


def test_goods_taxed_or_traded_by_a_verb(nlp) -> None:
    assert _context(nlp, "Farmers asked for lower tariffs on cherries.", "cherries")
    assert _context(nlp, "The firm exported 500 tonnes of nickel and 300 tonnes of cobalt.", "cobalt")


def test_the_same_words_elsewhere_are_no_goods(nlp) -> None:
    assert not _context(nlp, "She won the gold medal in Paris.", "gold")
    assert not _context(nlp, "They met for tea after the talks on exports.", "tea")


def test_a_plain_noun_counted_in_bulk_is_goods(nlp) -> None:
    from kg.nlp.goods import measured_goods

    doc = nlp("Peru shipped 4,000 tonnes of anchoveta and 2,000 tonnes of output.")
    assert measured_goods(next(t for t in doc if t.text == "anchoveta"))
    assert not measured_goods(next(t for t in doc if t.text == "output"))


def test_goods_before_their_own_figure_in_a_list_of_tonnages(nlp) -> None:
    text = "Sales in tonnes included: pork 4,210 (3,900) and goat meat 1,150 (1,020)."
    assert _context(nlp, text, "meat")
    assert not _context(nlp, "The team scored with meat 3 times in the kitchen.", "meat")


def test_goods_after_a_bare_figure_in_a_list_of_tonnages(nlp) -> None:
    text = "Kenya took 52,000 tonnes of rice, Ghana 14,300 sorghum and Niger 9,250 millet."
    assert _context(nlp, text, "sorghum")
    assert _context(nlp, text, "millet")
    # a small count of things is no tonnage; no measure in the sentence, no list of tonnages
    assert not _context(nlp, "Three ships will carry 41,000 tonnes of barley to Oman.", "ships")
    assert not _context(nlp, "The farm keeps 4,500 cattle on the hills above the lake.", "cattle")


def test_goods_right_after_a_counted_measure_without_of(nlp) -> None:
    assert _context(nlp, "Jordan is tendering for 12,000 tonnes raws next week.", "raws")
    assert _context(nlp, "The total was made up of 9,400 tonnes Thai whites.", "whites")
    # a measure with no count before it counts nothing
    assert not _context(nlp, "Prices in tonnes whites terms fell.", "whites")


def test_goods_bought_by_their_worth_or_by_a_measure_of_two_words(nlp) -> None:
    assert _context(nlp, "The deal covers 4.0 mln dlrs worth of veneer for Egypt.", "veneer")
    assert _context(nlp, "The mill will ship 12 mln board feet of hardwood this year.", "hardwood")


def test_goods_a_flow_is_made_of_or_moved_by_a_participle(nlp) -> None:
    assert _context(nlp, "Kenya's imports, including machinery and fuel, rose in May.", "machinery")
    assert _context(nlp, "The timber exported to Egypt last year was worth little.", "timber")
    assert _context(nlp, "Timber was exported to Egypt in May.", "Timber")


def test_goods_a_trade_participle_describes(nlp) -> None:
    assert _context(nlp, "Demand for imported propylene has doubled this year.", "propylene")
    assert not _context(nlp, "Demand for propylene has doubled this year.", "propylene")


def test_goods_named_as_the_topic_of_a_flow_clause(nlp) -> None:
    assert _context(nlp, "In semolina, exports totalled 40,000 tonnes.", "semolina")
    assert not _context(nlp, "Exports rose sharply in semolina and bran.", "semolina")


def test_goods_whose_requirements_are_stated(nlp) -> None:
    assert _context(nlp, "The refinery will raise its benzene requirements to 3,000 tonnes a month.", "benzene")


def test_goods_a_flow_noun_is_said_to_include(nlp) -> None:
    assert _context(nlp, "Its purchases from Canada include mining equipment and wheat.", "equipment")
    assert _context(nlp, "Chilean exports include copper ores.", "ores")
    # inclusion by anything else is no trade
    assert not _context(nlp, "The package includes new equipment for the army.", "equipment")
    assert not _context(nlp, "The board includes two bankers.", "bankers")


def test_a_counted_measure_is_no_goods(nlp) -> None:
    from kg.nlp.goods import measured_goods

    doc = nlp("Peru sold 2 mln sacks of 50 kilos and 300 sacks of quinoa for export.")
    assert not measured_goods(next(t for t in doc if t.text == "kilos"))
    assert not _context(nlp, "Peru sold 2 mln sacks of 50 kilos for export.", "kilos")
    assert measured_goods(next(t for t in doc if t.text == "quinoa"))


def test_a_counted_currency_is_no_goods(nlp) -> None:
    from kg.nlp.goods import counted_measure

    doc = nlp("Peru sold 300 tonnes of quinoa worth 1.4 mln dlrs and some dollars of its own.")
    words = {t.text: t for t in doc}
    assert counted_measure(words["dlrs"])
    assert not counted_measure(words["quinoa"]) and not counted_measure(words["dollars"])


def test_chocolate_is_goods_in_a_trade_context_only(nlp) -> None:
    from kg.model import Article
    from kg.nlp.extract import extract_articles

    (x,) = extract_articles([Article(id="t", text="Swiss chocolate imports rose to 8,100 tonnes in 1986.")], nlp=nlp)
    assert "chocolate" in {e.label for e in x.entities if e.type.value == "Product"}
    (y,) = extract_articles([Article(id="t", text="The children ate chocolate after the talks on exports.")], nlp=nlp)
    assert not [e for e in y.entities if e.type.value == "Product"]


def test_goods_listed_after_a_counted_measure_stay_goods(nlp) -> None:
    # the list's first noun is a counted measure ("doses"); the goods joined to it are still goods
    text = "Chile shipped 2.5 million doses of the serum and 300,000 needles to Peru."
    assert _context(nlp, text, "needles")
    assert not _context(nlp, "Peru sold 2 mln sacks of 50 kilos and 300 bales to Chile.", "kilos")


def test_a_grade_before_the_goods_names_them(parser) -> None:
    doc = parser("Mexico bought 51,000 tonnes of number two yellow soybeans.")
    yellow = next(t for t in doc if t.text == "yellow")
    assert doc[graded_from(doc, yellow.i) : yellow.i].text == "number two"
    doc = parser("Mexico bought two yellow soybean cargoes.")
    yellow = next(t for t in doc if t.text == "yellow")
    assert graded_from(doc, yellow.i) == yellow.i  # a count, no grade


def _products(nlp, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "Product"]


def test_an_idiom_names_no_goods(nlp) -> None:
    assert "suit" not in _products(nlp, "Other exporters may follow suit, and sales to Chile fell.")
    assert "protective suits" in _products(nlp, "Exports of protective suits to Chile fell.")


def test_an_adjective_before_a_making_flow_names_no_goods(nlp) -> None:
    assert not _products(nlp, "Growth in agricultural output slowed, the ministry said.")
    assert "Agricultural" in _products(nlp, "Agricultural exports rose to 7.1 billion dlrs.")


def test_a_judging_adjective_is_no_part_of_the_goods(nlp) -> None:
    assert "Falcon trucks" in _products(nlp, "The firm exported 300 of its popular Falcon trucks to Chile.")


def test_a_model_name_in_the_plural_is_goods(nlp) -> None:
    text = "The firm shipped 300 Corolla cars to Chile. Sales of Corollas in Chile rose."
    assert "Corollas" in _products(nlp, text)


def test_machines_and_livestock_in_trade_are_goods(nlp) -> None:
    assert "forklift" in _products(nlp, "Japan restricted forklift exports to the European Community.")
    assert "livestock" in _products(nlp, "Australia expects meat and livestock exports to Iran to rise.")


def test_a_commodity_word_before_a_noun_of_making_names_a_farm_sector(nlp) -> None:
    assert not _products(nlp, "Cold weather kept livestock production from expanding last year.")
    assert not _products(nlp, "Record livestock inventories raised feed demand, the ministry said.")
    # in a sentence about trade, the goods whose output it gives are the goods traded
    assert "tea" in _products(nlp, "Kenyan tea output will rise to 150 mln kilos, while exports fall.")


def test_fish_and_the_sugar_market_s_grades_are_goods_in_trade(nlp) -> None:
    assert {"herring", "pollock"} <= set(_products(nlp, "Japan imported 5,000 tonnes of herring and pollock from Chile."))
    assert "whites" in _products(nlp, "Traders said Egypt bought 20,000 tonnes of whites for March shipment.")
    assert not _products(nlp, "The whites of the eggs were beaten.")


def test_examples_of_traded_goods_are_goods(nlp) -> None:
    products = {e.text for e in nlp("Chile is exporting products like mining machinery and ships to Peru.").ents
                if e.label_ == "Product"}
    assert {"mining machinery", "ships"} <= products
    products = {e.text for e in nlp("Japan buys goods such as machinery and chemicals from Germany.").ents
                if e.label_ == "Product"}
    assert {"machinery", "chemicals"} <= products


def test_examples_of_other_things_are_no_goods(nlp) -> None:
    doc = nlp("Farmers in regions like the north grow crops, and firms such as banks lend money.")
    assert not [e for e in doc.ents if e.label_ == "Product" and e.text in {"north", "banks"}]


def test_a_form_of_goods_in_a_goods_slot_heads_the_goods(nlp) -> None:
    products = {e.text for e in nlp("Imports of cocoa powder fell to 316 tonnes, Dutch figures show.").ents
                if e.label_ == "Product"}
    assert "cocoa powder" in products


def test_a_goods_word_before_a_word_of_trade_stays_alone(nlp) -> None:
    products = {e.text for e in nlp("Cocoa prices fell as imports of cocoa rose to 300 tonnes.").ents
                if e.label_ == "Product"}
    assert "cocoa prices" not in products


def test_goods_in_general_are_the_goods_named_before(nlp) -> None:
    products = {e.text for e in nlp("Korea limited its steel product exports to 120,000 tonnes.").ents
                if e.label_ == "Product"}
    assert "steel product" not in products


def test_only_a_processed_form_heads_the_goods_before_it(nlp) -> None:
    from kg.nlp.goods import form_of_goods

    doc = nlp("There would be 1.3 mln bales of cotton carryover this year.")
    assert form_of_goods(doc[7]) is None  # "cotton carryover" is a stock, no goods
    doc = nlp("Exports of orange juice rose to 40,000 tonnes.")
    assert form_of_goods(doc[2]) is not None and form_of_goods(doc[2]).text == "juice"


def test_goods_before_commitments_are_goods(nlp) -> None:
    assert _context(nlp, "Egypt has total sorghum commitments of 120,000 tonnes.", "sorghum")
