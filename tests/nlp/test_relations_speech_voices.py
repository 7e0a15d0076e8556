"""Who "he" is after an unnamed voice, which company a "company official" speaks for, and
the person ending a capitalised title's phrase (sentences written for these tests)."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import speech

SAID = Predicate.SAID


def _said(parser, text, table):
    return [(f.subject, f.quote) for f in only(facts_of(parser, text, table, module=speech), SAID)]


def test_he_after_an_unnamed_official_is_that_official_of_his_body(parser) -> None:
    text = ("Barley sales rose, Ann Dole, chief economist of the Wheat Board, said. "
            "Rail shipments to Vancouver fell, a Grain Commission official said. "
            "He said the backlog would clear in May.")
    table = {"Ann Dole": ("dole", T.PERSON), "Wheat Board": ("awb", T.AGENCY),
             "Grain Commission": ("cgc", T.AGENCY), "Vancouver": ("van", T.PLACE)}  # fmt: skip
    said = _said(parser, text, table)
    assert ("cgc", "the backlog would clear in May") in said
    assert ("dole", "the backlog would clear in May") not in said


def test_he_after_an_official_of_no_named_body_is_nobody(parser) -> None:
    text = ("Barley sales rose, Ann Dole said. Rail shipments fell, an official said. "
            "He said the backlog would clear in May.")
    table = {"Ann Dole": ("dole", T.PERSON)}
    assert [s for s, _ in _said(parser, text, table)] == ["dole"]


def test_he_after_a_person_named_after_the_voice_is_that_person(parser) -> None:
    text = ("Rail shipments fell, a Grain Commission official said. Farm leader Tom Reid "
            "blamed the weather. He said the backlog would clear in May.")
    table = {"Tom Reid": ("reid", T.PERSON), "Grain Commission": ("cgc", T.AGENCY)}
    assert ("reid", "the backlog would clear in May") in _said(parser, text, table)


def test_a_named_spokesman_in_apposition_stays_the_speaker_of_he(parser) -> None:
    text = ("Output fell, Lee Park, a Steel Association spokesman, told Reuters. "
            "He said exports would recover.")
    table = {"Lee Park": ("park", T.PERSON), "Steel Association": ("sa", T.ORGANIZATION)}
    assert ("park", "exports would recover") in _said(parser, text, table)


def test_company_officials_do_not_speak_for_a_body_named_as_a_market(parser) -> None:
    text = ("Two aluminium smelters want to sell jointly in markets outside the U.S. and the "
            "European Community, company officials said.")
    table = {"European Community": ("ec", T.ORGANIZATION), "U.S.": ("us", T.COUNTRY)}
    assert _said(parser, text, table) == []


def test_company_officials_speak_for_the_company_that_acts(parser) -> None:
    text = "Norsk Hydro will cut aluminium exports by ten pct, company officials said."
    table = {"Norsk Hydro": ("hydro", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["hydro"]


def test_person_ending_a_capitalised_title_phrase_speaks(parser) -> None:
    text = "Chief Inspector of Mines Omar Rahim told Reuters that tin output would be capped."
    table = {"Omar Rahim": ("rahim", T.PERSON)}
    assert _said(parser, text, table) == [("rahim", "tin output would be capped")]


def test_a_spokesman_for_a_named_person_is_not_that_person(parser) -> None:
    text = "A spokesman for Omar Rahim told Reuters that tin output would be capped."
    table = {"Omar Rahim": ("rahim", T.PERSON)}
    assert _said(parser, text, table) == []


def test_she_after_a_spokeswoman_whose_statement_names_a_person_is_the_spokeswoman(parser) -> None:
    text = ("A Shell spokeswoman confirmed that Tom Reid had visited the refinery. "
            "She also said that all plants were under review.")
    table = {"Tom Reid": ("reid", T.PERSON), "Shell": ("shell", T.ORGANIZATION)}
    assert ("shell", "all plants were under review") in _said(parser, text, table)


def test_company_officials_speak_for_no_community_or_association(parser) -> None:
    text = "Prices will be kept above costs, the Steel Exporters Association said. Exports fell, company officials said."
    table = {"Steel Exporters Association": ("sea", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["sea"]


def test_the_spokesman_again_and_again_goes_back_to_the_one_with_a_body(parser) -> None:
    text = ("The scheme will be extended for a month, a Grain Commission spokesman said. "
            "The spokesman said the scheme would also cover rice. "
            "The spokesman said this would help farmers in the north.")
    table = {"Grain Commission": ("cgc", T.AGENCY)}
    assert [s for s, _ in _said(parser, text, table)] == ["cgc", "cgc", "cgc"]


def test_a_short_name_set_off_by_commas_before_a_closing_said(parser) -> None:
    text = "Farm costs could rise by two billion dlrs by 1990, the Farm Credit Office, FCO, said."
    table = {"Farm Credit Office": ("fco", T.AGENCY)}
    assert _said(parser, text, table) == [("fco", "Farm costs could rise by two billion dlrs by 1990")]


def test_a_body_called_by_the_first_words_of_its_name(parser) -> None:
    text = "Permian Basin Royalty Trust said reserves fell. Permian said revenues were 335.6 mln dlrs."
    table = {"Permian Basin Royalty Trust": ("pbrt", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["pbrt", "pbrt"]


def test_a_short_name_opening_two_bodies_names_neither(parser) -> None:
    text = ("Permian Basin Royalty Trust said reserves fell. Permian Oil Co said output rose. "
            "Permian said revenues were 335.6 mln dlrs.")
    table = {"Permian Basin Royalty Trust": ("pbrt", T.ORGANIZATION), "Permian Oil Co": ("poc", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["pbrt", "poc"]


def test_a_description_ending_the_body_name_speaks_for_it(parser) -> None:
    text = "Cocoa arrivals rose, the Cocoa Growers Alliance said. The alliance said stocks fell."
    table = {"Cocoa Growers Alliance": ("cga", T.ORGANIZATION)}
    assert _said(parser, text, table) == [("cga", "Cocoa arrivals rose"), ("cga", "stocks fell")]


def test_the_same_description_named_before_with_the_body(parser) -> None:
    text = ("Sugar stocks rose, the beet growers federation FBV said. "
            "Imports fell to 60,000 tonnes, the beet growers federation said.")
    table = {"FBV": ("fbv", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["fbv", "fbv"]


def test_a_noun_of_bodies_stands_for_the_body_named_just_before(parser) -> None:
    text = "Wine exports rose, the Napa Vintners Guild said. The California-based trade group said prices fell."
    table = {"Napa Vintners Guild": ("nvg", T.ORGANIZATION), "California": ("ca", T.PLACE)}
    assert [s for s, _ in _said(parser, text, table)] == ["nvg", "nvg"]


def test_a_description_with_a_place_name_of_its_own_stands_for_no_body_before(parser) -> None:
    text = ("Oil demand rose, the Fuel Statistics Administration said. "
            "The Oslo government said it would review the ban.")
    table = {"Fuel Statistics Administration": ("fsa", T.AGENCY), "Oslo": ("oslo", T.PLACE),
             "Norwegian government": ("ng", T.AGENCY)}  # fmt: skip
    assert [s for s, _ in _said(parser, text, table)] == ["fsa"]


def test_a_noun_of_bodies_with_two_bodies_named_before_stands_for_neither(parser) -> None:
    text = ("PDVSA and the Union Pacific Corp will form a venture in Texas. "
            "The Venezuelan company said it would pay 30 mln dlrs.")
    table = {"PDVSA": ("pdvsa", T.ORGANIZATION), "Union Pacific Corp": ("up", T.ORGANIZATION),
             "Texas": ("tx", T.PLACE)}  # fmt: skip
    assert _said(parser, text, table) == []


def test_the_noun_that_described_a_body_before_stands_for_it(parser) -> None:
    text = ("Venezuela's state oil company PDVSA and the Union Pacific Corp will form a venture. "
            "The state oil company said it would pay 30 mln dlrs.")
    table = {"PDVSA": ("pdvsa", T.ORGANIZATION), "Union Pacific Corp": ("up", T.ORGANIZATION),
             "Venezuela": ("ve", T.COUNTRY)}  # fmt: skip
    assert [s for s, _ in _said(parser, text, table)] == ["pdvsa"]


def test_a_spokesman_for_a_described_body(parser) -> None:
    text = "Wine exports rose, the Napa Wine Institute said. A spokesman for the institute said the weak dollar helped."
    table = {"Napa Wine Institute": ("nwi", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["nwi", "nwi"]


def test_a_description_matching_no_body_speaks_for_none(parser) -> None:
    text = "Car sales rose, Ford Motor Co said. Prices will fall, the association said."
    table = {"Ford Motor Co": ("ford", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["ford"]


def test_a_noun_of_bodies_after_according_to_is_no_body_named_before(parser) -> None:
    text = ("Flood waters did not reach the farms, the Villa Verde Cooperative said. Floods damaged roads "
            "in the valley last year, according to the state-controlled coffee organisation.")
    table = {"Villa Verde Cooperative": ("vvc", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["vvc"]


def test_a_figure_estimated_by_a_body_is_its_statement(parser) -> None:
    text = "Cocoa exports in 1986/87 are estimated by the Trade Council at 40,000 tonnes."
    table = {"Trade Council": ("tc", T.AGENCY)}
    assert [s for s, _ in _said(parser, text, table)] == ["tc"]


def test_a_figure_estimated_by_no_speaker_is_no_statement(parser) -> None:
    text = "Cocoa exports in 1986/87 are estimated by traders at 40,000 tonnes."
    assert _said(parser, text, {}) == []


def test_the_spokesman_goes_back_over_the_body_speaking_in_between(parser) -> None:
    text = ("Sales of tractors rose, a Fendwick spokesman said. The company said it would build a plant. "
            "Plans were made in May. A site was found. Workers were hired. Machines were bought. "
            "Output began in June. Prices may rise, the spokesman said.")
    table = {"Fendwick": ("fw", T.ORGANIZATION)}
    assert ("fw", "Prices may rise") in _said(parser, text, table)


def test_the_spokesman_far_after_a_voice_of_a_body_is_nobody(parser) -> None:
    text = ("Sales of tractors rose, a Fendwick spokesman said. Plans were made in May. A site was found. "
            "Workers were hired. Machines were bought. Output began in June. Rain fell in July. "
            "Roads were closed. Trucks were late. Ships were slow. Prices may rise, the spokesman said.")
    table = {"Fendwick": ("fw", T.ORGANIZATION)}
    assert ("fw", "Prices may rise") not in _said(parser, text, table)


def test_the_subject_of_a_passive_verb_of_saying_is_what_is_said(parser) -> None:
    text = "Sales have outpaced the Nimbus, but a new Nimbus has been added to the range."
    table = {"Nimbus": ("nimbus", T.ORGANIZATION)}
    assert _said(parser, text, table) == []


def test_a_bare_spokesman_speaks_for_the_one_body_that_spoke_before(parser) -> None:
    text = ("Fendwick Ltd said it may build a tractor plant in Spain. The company is talking to banks "
            "and a decision is expected in May, a spokesman said.")
    table = {"Fendwick Ltd": ("fw", T.ORGANIZATION), "Spain": ("es", T.COUNTRY)}
    assert [s for s, _ in _said(parser, text, table)] == ["fw", "fw"]


def test_a_bare_spokesman_after_a_person_spoke_is_nobody(parser) -> None:
    text = ("Fendwick Ltd said it may build a tractor plant. Union leader Rob Hale said workers would "
            "strike. A decision is expected in May, a spokesman said.")
    table = {"Fendwick Ltd": ("fw", T.ORGANIZATION), "Rob Hale": ("hale", T.PERSON)}
    assert [s for s, q in _said(parser, text, table) if q.startswith("A decision")] == []


def test_a_spokesman_for_an_unnamed_group_is_no_body_that_spoke_before(parser) -> None:
    text = "Fendwick Ltd said sales rose. Prices will rise, a spokesman for local dealers said."
    table = {"Fendwick Ltd": ("fw", T.ORGANIZATION)}
    assert [s for s, q in _said(parser, text, table) if q.startswith("Prices")] == []


def test_a_named_person_after_his_title_closing_the_sentence_speaks(parser) -> None:
    text = "Wool exports will rise this year, managing director of the Wool Board, Anna Kerr, said."
    table = {"Wool Board": ("wb", T.AGENCY), "Anna Kerr": ("kerr", T.PERSON)}
    assert _said(parser, text, table) == [("kerr", "Wool exports will rise this year")]


def test_an_attribution_set_off_by_commas_inside_the_statement(parser) -> None:
    text = ("Anna Kerr spoke in Perth on Tuesday. The first ship will load wool on Monday, Kerr said, "
            "and a second ship will follow a week later.")
    table = {"Anna Kerr": ("kerr", T.PERSON), "Kerr": ("kerr", T.PERSON), "Perth": ("perth", T.PLACE)}
    assert [s for s, _ in _said(parser, text, table)] == ["kerr"]


def test_a_spokesman_for_a_possessed_unit_named_in_apposition(parser) -> None:
    text = "Prices rose, a spokesman for Fendwick's Spanish unit Ibercorn Industrial S.A. said."
    table = {"Fendwick": ("fw", T.ORGANIZATION), "Ibercorn Industrial S.A.": ("ib", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["ib"]


def test_a_newsletter_after_its_name_speaks_as_that_name(parser) -> None:
    text = "Grain imports may reach two mln tonnes, the Farm Digest newsletter said. Farm Digest said prices fell."
    table = {"Farm Digest": ("fd", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["fd", "fd"]


def test_a_noun_of_bodies_after_a_name_is_no_publication(parser) -> None:
    text = "Grain imports may reach two mln tonnes, the Farm Digest group said."
    table = {"Farm Digest": ("fd", T.ORGANIZATION), "Acme": ("acme", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == []


def test_he_after_a_spokesman_for_a_company_named_after_its_description(parser) -> None:
    text = ("Ruritania will import 30,000 barrels per day of crude oil from Kuwait, a spokesman for the "
            "state oil company Rurpetrol said. He said that, unlike Oman, Kuwait set no conditions.")
    table = {"Rurpetrol": ("rp", T.ORGANIZATION), "Ruritania": ("ru", T.COUNTRY), "Kuwait": ("kw", T.COUNTRY),
             "Oman": ("om", T.COUNTRY)}  # fmt: skip
    assert [s for s, _ in _said(parser, text, table)] == ["rp", "rp"]


def test_of_two_subjects_the_one_next_to_the_verb_speaks(parser) -> None:
    text = ('"We could not stay out of these markets," said Osman Tekin, deputy general manager of '
            'the private bank Yapi ve Kredi Bankasi AS.')
    table = {"Osman Tekin": ("tekin", T.PERSON), "Kredi Bankasi AS": ("ykb", T.ORGANIZATION)}
    assert [s for s, _ in _said(parser, text, table)] == ["tekin"]


def test_the_agency_after_the_one_body_that_spoke_some_sentences_before(parser) -> None:
    text = ("Oil exports rose 20 pct in 1986, Statistics Ruritania said. Output was flat. Gas exports fell. "
            "The federal agency said that in December oil output fell 4.0 pct.")
    table = {"Statistics Ruritania": ("stat", T.AGENCY)}
    assert [s for s, _ in _said(parser, text, table)] == ["stat", "stat"]


def test_the_agency_after_two_bodies_spoke_is_neither(parser) -> None:
    text = ("Oil exports rose 20 pct in 1986, Statistics Ruritania said. The Energy Board said output was flat. "
            "Gas exports fell. Coal exports fell. The federal agency said that in December oil output fell 4.0 pct.")
    table = {"Statistics Ruritania": ("stat", T.AGENCY), "Energy Board": ("board", T.AGENCY)}
    assert [s for s, q in _said(parser, text, table) if "December" in q] == []


def test_a_joined_verb_of_saying_right_after_a_name_is_that_name_s(parser) -> None:
    text = ("Anna Kerr suspended payments to the fund last month, accusing it of waste, although "
            "fund officials denied the accusation and Ruritania said it was open.")
    table = {"Anna Kerr": ("kerr", T.PERSON), "Ruritania": ("ru", T.COUNTRY)}
    assert [s for s, q in _said(parser, text, table) if "open" in q] == []
    text = text.replace("Ruritania said", "Tom Hale said")
    table = {"Anna Kerr": ("kerr", T.PERSON), "Tom Hale": ("hale", T.PERSON)}
    assert [s for s, q in _said(parser, text, table) if "open" in q] == ["hale"]


def test_a_title_qualified_by_its_body_is_the_one_who_holds_it_there(parser) -> None:
    text = ("Exports will rise, said Peter Wong, president of the Harbour Bank. Ann Lowe, "
            "president of the Steel Institute, agreed. The Harbour Bank president also said prices were low.")
    table = {"Peter Wong": ("wong", T.PERSON), "Ann Lowe": ("lowe", T.PERSON),
             "Harbour Bank": ("hb", T.ORGANIZATION), "Steel Institute": ("si", T.ORGANIZATION)}  # fmt: skip
    said = _said(parser, text, table)
    assert ("wong", "prices were low") in said and ("lowe", "prices were low") not in said


def test_an_occupation_qualified_by_its_body_is_the_one_who_works_there(parser) -> None:
    text = ("Markets are weak, said Ann Lowe, chief economist at Delta Research. "
            "The Delta economist also said prices were depressed.")
    table = {"Ann Lowe": ("lowe", T.PERSON), "Delta Research": ("delta", T.ORGANIZATION),
             "Delta": ("delta", T.ORGANIZATION)}  # fmt: skip
    assert ("lowe", "prices were depressed") in _said(parser, text, table)


def test_a_title_of_another_body_is_not_the_holder_named_before(parser) -> None:
    text = ("Exports will rise, said Peter Wong, president of the Harbour Bank. "
            "The Steel Institute president said prices were low.")
    table = {"Peter Wong": ("wong", T.PERSON), "Harbour Bank": ("hb", T.ORGANIZATION),
             "Steel Institute": ("si", T.ORGANIZATION)}  # fmt: skip
    assert ("wong", "prices were low") not in _said(parser, text, table)


def test_an_occupation_qualified_by_the_first_word_of_its_body(parser) -> None:
    text = ("Markets are weak, said Ann Lowe, chief economist at Delta Research. "
            "The Delta economist also said prices were depressed.")
    table = {"Ann Lowe": ("lowe", T.PERSON), "Delta Research": ("delta", T.ORGANIZATION)}
    assert ("lowe", "prices were depressed") in _said(parser, text, table)


def test_an_occupation_qualified_by_a_short_name_that_is_an_entity_of_its_own(parser) -> None:
    text = ("Markets are weak, said Ann Lowe, Vice President for Research at Delta Research. "
            "The Delta economist also said prices were depressed.")
    table = {"Ann Lowe": ("lowe", T.PERSON), "Delta Research": ("delta", T.ORGANIZATION),
             "Delta": ("delta-short", T.ORGANIZATION)}  # fmt: skip
    assert ("lowe", "prices were depressed") in _said(parser, text, table)


def test_a_body_qualified_spokesman_speaks_for_the_body_not_its_head(parser) -> None:
    text = ("Wheat sales rose, Wheat Board general manager Ron Dale said. "
            "The Wheat Board spokesman said the estimate was too high.")
    table = {"Ron Dale": ("dale", T.PERSON), "Wheat Board": ("awb", T.AGENCY)}
    assert ("awb", "the estimate was too high") in _said(parser, text, table)


def test_a_bracketed_company_name_speaks_not_its_closing_bracket(parser) -> None:
    for text in ("Family-owned <Alvarez Sugar Co> said its sugar exports would rise to 200,000 tonnes.",
                 "Unlisted <Alvarez Sugar Co> said its sugar exports would rise to 200,000 tonnes."):
        table = {"Alvarez Sugar Co": ("alvarez", T.ORGANIZATION)}
        assert _said(parser, text, table) == [("alvarez", "its sugar exports would rise to 200,000 tonnes")], text


def test_a_spokesman_after_a_bracketed_company_spoke_is_its_voice(parser) -> None:
    text = ("Family-owned <Alvarez Sugar Co> said its sugar exports would rise to 200,000 tonnes. "
            "Output will also grow this year, a spokesman told Reuters.")
    table = {"Alvarez Sugar Co": ("nordvik", T.ORGANIZATION)}
    assert ("nordvik", "Output will also grow this year") in _said(parser, text, table)


def test_a_voice_qualified_by_a_noun_ending_a_body_name_speaks_for_that_body(parser) -> None:
    for text in ("The Kenya Dairy Cooperative Union will sell 5,000 tonnes of butter abroad, "
                 "a union spokesman said.",
                 "The Kenya Dairy Cooperative Union met on Monday. Butter sales fell in March, "
                 "union spokesmen said."):  # fmt: skip
        table = {"Kenya Dairy Cooperative Union": ("kdcu", T.ORGANIZATION)}
        assert [s for s, _ in _said(parser, text, table)] == ["kdcu"], text


def test_an_official_qualified_by_a_noun_ending_a_body_name_is_nobody(parser) -> None:
    # one of the body's staff, not its spokesman: the gold format gives his words to nobody
    text = ("The Kenyan government will sell 5,000 tonnes of butter abroad, a government "
            "official said.")
    assert _said(parser, text, {"Kenyan government": ("kg", T.AGENCY)}) == []


def test_a_voice_qualified_by_a_noun_ending_no_body_name_is_nobody(parser) -> None:
    text = "The Kenya Dairy Board met on Monday. Butter sales fell in March, a union spokesman said."
    assert _said(parser, text, {"Kenya Dairy Board": ("kdb", T.AGENCY)}) == []


def test_the_spokesman_and_he_after_a_bare_spokesman_go_back_to_the_body_that_spoke(parser) -> None:
    text = ("Nordvik Timber said its pulp sales would rise. Output will grow, a spokesman said. "
            "Prices fell in the spring. The spokesman said a new mill will open in May. "
            "It will cost 40 mln crowns, he said.")
    table = {"Nordvik Timber": ("nordvik", T.ORGANIZATION)}
    said = _said(parser, text, table)
    assert ("nordvik", "a new mill will open in May") in said
    assert ("nordvik", "It will cost 40 mln crowns") in said


def test_the_paper_and_the_newspaper_are_the_publication_named_before(parser) -> None:
    for text, table in (
        ("The official Farm Tribune newspaper said rice output will fall. The paper said prices rose.",
         {"Farm Tribune": ("tribune", T.ORGANIZATION)}),
        ("Rice output will fall, the Lagos Daily said. Prices rose, the newspaper said.",
         {"Lagos Daily": ("tribune", T.ORGANIZATION)}),
    ):  # fmt: skip
        said = _said(parser, text, table)
        assert [s for s, _ in said] == ["tribune", "tribune"], text


def test_the_paper_with_no_publication_named_before_is_nobody(parser) -> None:
    text = "The Farm Ministry met on Monday. The paper said prices rose."
    assert _said(parser, text, {"Farm Ministry": ("farm", T.AGENCY)}) == []


def test_a_unit_described_by_its_parent_name_is_the_body_named_before(parser) -> None:
    text = ("Coal output fell 2 pct in March, the Mines Statistics Office said. "
            "In its monthly report, the Industry Ministry agency said coal exports were steady.")
    table = {"Mines Statistics Office": ("mso", T.AGENCY), "Industry Ministry": ("mini", T.AGENCY)}
    assert [s for s, _ in _said(parser, text, table)] == ["mso", "mso"]


def test_the_agency_after_two_bodies_named_is_the_one_that_spoke(parser) -> None:
    text = ("Coal output fell 2 pct in March, the Mines Statistics Office said. "
            "Stocks held by the Fuel Reserve were estimated at 3 mln tonnes, it said. "
            "April figures will come out in May, the agency said.")
    table = {"Mines Statistics Office": ("mso", T.AGENCY), "Fuel Reserve": ("reserve", T.AGENCY)}
    assert ("mso", "April figures will come out in May") in _said(parser, text, table)


def test_he_saying_again_two_sentences_on_is_still_the_voice_of_the_body(parser) -> None:
    text = ("Egypt bought 30,000 tonnes of rice, a spokesman for the Delta Grain Company said. "
            "He told Reuters the price was 200 dlrs a tonne. The rice will be loaded in May. "
            "He said the company will also sell wheat to Jordan.")
    table = {"Delta Grain Company": ("dgc", T.ORGANIZATION), "Egypt": ("eg", T.COUNTRY), "Jordan": ("jo", T.COUNTRY)}
    assert ("dgc", "the company will also sell wheat to Jordan") in _said(parser, text, table)


def test_the_bare_association_is_the_one_named_beside_the_association_before(parser) -> None:
    text = ("Dutch tulip growers will ask the Commission for aid, the Dutch flower growers association, FGG, said. "
            "The Commission has granted aid before. The association said the request covers all bulbs.")
    table = {"FGG": ("fgg", T.ORGANIZATION), "Commission": ("ec", T.AGENCY)}
    assert ("fgg", "the request covers all bulbs") in _said(parser, text, table)


def test_the_bare_association_after_a_voice_of_a_named_body_is_nobody(parser) -> None:
    text = "Bulb sales rose, a Fendwick association official said. The association said prices fell."
    table = {"Fendwick": ("fw", T.ORGANIZATION)}
    assert all(quote != "prices fell" for _, quote in _said(parser, text, table))


def test_he_after_an_unnamed_dealer_is_nobody_named_before(parser) -> None:
    for voice in ("one senior sugar dealer", "a trader"):
        text = (f"Prices will fall, Rita Moss said. Cuba wants to sell more, {voice} said. "
                "He said the Soviet Union would buy less.")
        table = {"Rita Moss": ("moss", T.PERSON), "Cuba": ("cu", T.COUNTRY), "Soviet Union": ("su", T.COUNTRY)}
        assert ("moss", "the Soviet Union would buy less") not in _said(parser, text, table), voice


def test_he_after_an_economist_of_a_named_firm_is_the_one_named_before(parser) -> None:
    text = ("Prices will fall, Rita Moss, economist at Halden Securities, said. "
            "The Halden economist also said demand was weak. But she added that stocks were low.")
    table = {"Rita Moss": ("moss", T.PERSON), "Halden Securities": ("hs", T.ORGANIZATION), "Halden": ("hs", T.ORGANIZATION)}
    assert ("moss", "stocks were low") in _said(parser, text, table)


def test_sources_of_a_named_body_speak_for_the_body(parser) -> None:
    text = ("The Tariff Board will review duties on cement imports, Tariff Board sources said. "
            "The sources said a ruling was due in June.")
    table = {"Tariff Board": ("tb", T.AGENCY)}
    said = _said(parser, text, table)
    assert ("tb", "a ruling was due in June") in said
    assert [s for s, _ in said] == ["tb", "tb"]


def test_sources_of_a_trade_or_close_to_a_body_speak_for_nobody(parser) -> None:
    text = ("Peru bought 15,000 tonnes of barley, trade sources said. A source close to the "
            "Tariff Board said prices were firm.")
    table = {"Tariff Board": ("tb", T.AGENCY), "Peru": ("peru", T.COUNTRY)}
    assert _said(parser, text, table) == []


def test_they_after_officials_of_a_named_body_speak_for_the_body(parser) -> None:
    text = ("Cement duties will rise in May, Tariff Board officials said. They said the "
            "ruling covers Greek cement. Shipments may slow, they added.")
    table = {"Tariff Board": ("tb", T.AGENCY)}
    said = _said(parser, text, table)
    assert [s for s, _ in said] == ["tb", "tb", "tb"]


def test_they_after_traders_speak_for_nobody(parser) -> None:
    text = ("The Tariff Board raised cement duties, board officials said. Importers said "
            "prices rose. They said the ruling covers Greek cement.")
    table = {"Tariff Board": ("tb", T.AGENCY)}
    assert all("Greek cement" not in q for _, q in _said(parser, text, table))


def test_the_association_is_the_association_of_its_members_named_before(parser) -> None:
    text = ("Grain carloadings rose 3 pct, the Association of Pacific Railroads said. "
            "Mill product loadings fell, the association said.")
    table = {"Association of Pacific Railroads": ("apr", T.ORGANIZATION)}
    said = _said(parser, text, table)
    assert [s for s, _ in said] == ["apr", "apr"]


def test_the_association_is_no_body_of_another_head_named_before(parser) -> None:
    text = ("Grain carloadings rose 3 pct, the Pacific Railroads Board said. "
            "Mill product loadings fell, the association said.")
    table = {"Pacific Railroads Board": ("prb", T.AGENCY)}
    assert [s for s, _ in _said(parser, text, table)] == ["prb"]
