"""Per-partner lists ("Main destinations were: ...") read into trade facts, end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _trade(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, f.unit,
             names.get(f.partner), f.period, f.extractor) for f in x.facts
            if f.predicate.value in ("exports", "imports") and f.extractor.startswith("list-")]  # fmt: skip


def test_destinations_after_the_lead_fact(nlp) -> None:
    text = ("Canadian barley exports rose to 410,000 tonnes in January from 380,000 tonnes a year "
            "earlier, the grain board said.\n"
            "    The main destinations in January were: Japan (150,000 tonnes), Algeria (90,500), "
            "Poland (60,000) and Saudi Arabia (45,250 tonnes).\n")
    found = _trade(nlp, text)
    assert [(s, o, q, u, p, period) for _, s, o, q, u, p, period, _ in found] == [
        ("Canada", "barley", Decimal("150000"), "tonnes", "Japan", "January"),
        ("Canada", "barley", Decimal("90500"), "tonnes", "Algeria", "January"),
        ("Canada", "barley", Decimal("60000"), "tonnes", "Poland", "January"),
        ("Canada", "barley", Decimal("45250"), "tonnes", "Saudi Arabia", "January"),
    ]
    facts = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    (x,) = list(facts)
    listed = [f for f in x.facts if f.extractor == "list-partner"]
    # provenance: the item is the evidence, the list with its lead the sentence
    assert text[listed[1].start : listed[1].end].startswith("Algeria (90,500")
    assert listed[1].sentence.startswith("The main destinations in January were")
    assert all(f.confidence < 0.88 for f in listed)


def test_as_follows_with_bracketed_comparisons(nlp) -> None:
    text = ("Uruguay's beef exports totalled 31,400 tonnes in 1986, the meat institute said.\n"
            "    Main destinations were as follows, in tonnes, with figures for 1985 in brackets:\n"
            "    Brazil 9,800 (7,100), Israel 6,300 (5,900), Egypt 2,000 (unavailable).\n")
    found = [(s, q, p, period) for _, s, _, q, _, p, period, _ in _trade(nlp, text)]
    assert ("Uruguay", Decimal("9800"), "Brazil", "1986") in found
    assert ("Uruguay", Decimal("7100"), "Brazil", "1985") in found
    assert ("Uruguay", Decimal("2000"), "Egypt", "1986") in found
    assert not any(p == "Egypt" and period == "1985" for _, _, p, period in found)


def test_list_without_a_trader_or_unit_gives_nothing(nlp) -> None:
    # no trade fact and no trader in the lead: whose exports these are is not certain
    text = ("Prices were steady on Tuesday.\n"
            "    Main destinations were: Japan 12,500, Taiwan 8,000 and Korea 4,000.\n")
    assert _trade(nlp, text) == []
    # a list of partners without a direction word is no trade breakdown
    text = ("Kenyan tea exports reached 20,000 tonnes in February, the board said.\n"
            "    Rainfall was: Nairobi 120, Mombasa 80 and Kisumu 95 millimetres.\n")
    assert _trade(nlp, text) == []


def test_shares_are_no_quantities(nlp) -> None:
    text = ("Peru's fishmeal exports fell to 800,000 tonnes in 1986, the ministry said.\n"
            "    The main buyers in 1986 were West Germany (31 pct), Japan (22 pct) and Taiwan (9 pct).\n")
    assert _trade(nlp, text) == []


def test_goods_the_lead_fact_only_guessed_are_not_carried(nlp) -> None:
    # the first sentence names no goods of its own (its reading may borrow the story's),
    # so the list after it is of unknown goods
    text = ("Chilean by-products shipments totalled 610,000 tonnes in 1986, the board said. "
            "Fishmeal was among them.\n"
            "    Main destinations were as follows, in tonnes: Japan 200,000, Taiwan 150,000.\n")
    assert [f for f in _trade(nlp, text) if f[2] != "fishmeal"] == []


def test_goods_the_lead_names_win_over_the_story_goods(nlp) -> None:
    text = ("Uruguay's meat exports totalled 31,400 tonnes in 1986, the meat institute said.\n"
            "    Main destinations for chilled beef were, in tonnes: Brazil 9,800, Israel 6,300.\n")
    # the list is of beef, whether or not beef is recognised as goods here: never of meat
    assert not any(o == "meat" for _, _, o, *_ in _trade(nlp, text))


# ---- with hand-built mention tables: the lead's goods phrase and the brackets' period

from relations_tables import T, facts_of  # noqa: E402

_STORY = ("Chile's fruit exports in Jan/Dec 1986 were 410,000 tonnes, against 380,000 tonnes "
          "in the same 1985 period, the board said.\n"
          "    Main destinations for dried apples (peeled) were as follows, in tonnes, with "
          "comparative figures for 1985 in brackets:\n"
          "    Japan 1,200 (900), Spain 800 (unavailable).\n")
_MENTIONS = {"Chile": ("chile", T.COUNTRY), "fruit": ("fruit", T.PRODUCT),
             "Japan": ("japan", T.COUNTRY), "Spain": ("spain", T.COUNTRY)}


def _listed(facts) -> list[tuple]:
    return [(f.subject, f.object, f.quantity, f.partner, f.period_start, f.period_end) for f in facts
            if f.extractor == "list-partner"]  # fmt: skip


def test_the_goods_the_lead_names_are_the_whole_phrase(parser) -> None:
    # "dried apples" known as goods: the rows are of dried apples, not of the story's fruit
    found = _listed(facts_of(parser, _STORY, {**_MENTIONS, "dried apples": ("dried_apples", T.PRODUCT)},
                             published="1987-03-11"))
    assert ("chile", "dried_apples", Decimal("1200"), "japan", "1986-01-01", "1986-12-31") in found
    assert ("chile", "dried_apples", Decimal("900"), "japan", "1985-01-01", "1985-12-31") in found
    assert ("chile", "dried_apples", Decimal("800"), "spain", "1986-01-01", "1986-12-31") in found
    assert len(found) == 3  # Spain's 1985 figure is unavailable


def test_a_product_inside_the_goods_phrase_is_not_the_goods(parser) -> None:
    # only "apples" known: a list of dried apples is no list of apples, so nothing is read
    found = _listed(facts_of(parser, _STORY, {**_MENTIONS, "apples": ("apples", T.PRODUCT)},
                             published="1987-03-11"))
    assert found == []


def test_bracketed_period_gives_the_reported_one_only_when_the_story_names_it(parser) -> None:
    mentions = {**_MENTIONS, "dried apples": ("dried_apples", T.PRODUCT)}
    # the story names a month, no year after 1985: the reported figures' year is not certain
    story = _STORY.replace("in Jan/Dec 1986", "in December").replace(
        ", against 380,000 tonnes in the same 1985 period", "")
    found = _listed(facts_of(parser, story, mentions, published="1987-03-11"))
    assert ("chile", "dried_apples", Decimal("900"), "japan", "1985-01-01", "1985-12-31") in found
    assert ("chile", "dried_apples", Decimal("1200"), "japan", None, None) in found


def test_a_list_compared_with_a_whole_year_is_of_the_period_the_story_opened_with(parser) -> None:
    mentions = {**_MENTIONS, "dried apples": ("dried_apples", T.PRODUCT)}
    # the story opens on two months of 1986; the list's brackets are for 1985: its own
    # figures are the opening's months, against 1985
    story = _STORY.replace("in Jan/Dec 1986", "in Jan/Feb 1986").replace(
        "against 380,000 tonnes in the same 1985 period", "up from 350,000 tonnes in December")
    found = _listed(facts_of(parser, story, mentions, published="1986-03-11"))
    assert ("chile", "dried_apples", Decimal("1200"), "japan", "1986-01-01", "1986-02-28") in found
    assert ("chile", "dried_apples", Decimal("900"), "japan", "1985-01-01", "1985-12-31") in found


def _goods_listed(facts) -> list[tuple]:
    return [(f.subject, f.object, f.quantity, f.period_start) for f in facts if f.extractor == "list-goods"]


_GOODS_STORY = ("Kenya's farm exports totalled 9,000 tonnes in March 1987, against 8,000 tonnes "
                "in March 1986, the board said.\n"
                "    Shipments in tonnes, with comparative figures for March 1986 in brackets, "
                "included: green beans 1,200 (1,100), cut flowers 300 (250) and dried mango 40 (nil).\n")


def test_a_list_of_goods_after_a_stated_flow(parser) -> None:
    mentions = {"Kenya": ("kenya", T.COUNTRY), "farm": ("farm", T.PRODUCT),
                "green beans": ("beans", T.PRODUCT), "cut flowers": ("flowers", T.PRODUCT),
                "mango": ("mango", T.PRODUCT)}
    found = _goods_listed(facts_of(parser, _GOODS_STORY, mentions, published="1987-04-10"))
    assert ("kenya", "beans", Decimal("1200"), "1987-03-01") in found
    assert ("kenya", "beans", Decimal("1100"), "1986-03-01") in found
    assert ("kenya", "flowers", Decimal("250"), "1986-03-01") in found
    # "dried mango" is no "mango": an item is read only where its whole name is the goods
    assert not any(o == "mango" for _, o, *_ in found)
    assert len(found) == 4


def test_a_list_of_goods_without_a_stated_flow_gives_nothing(parser) -> None:
    story = "Prices rose, the board said.\n" + _GOODS_STORY.split("\n", 1)[1]
    mentions = {"green beans": ("beans", T.PRODUCT), "cut flowers": ("flowers", T.PRODUCT)}
    assert _goods_listed(facts_of(parser, story, mentions, published="1987-04-10")) == []


def test_figures_for_the_year_period_are_the_same_months_of_that_year(parser) -> None:
    story = _GOODS_STORY.replace("March 1987", "Jan/Feb 1987").replace("in March 1986", "in the same 1986 period") \
        .replace("figures for March 1986", "figures for the 1986 period")
    mentions = {"Kenya": ("kenya", T.COUNTRY), "farm": ("farm", T.PRODUCT), "green beans": ("beans", T.PRODUCT)}
    facts = facts_of(parser, story, mentions, published="1987-04-10")
    found = [(f.quantity, f.period_start, f.period_end) for f in facts if f.extractor == "list-goods"]
    assert (Decimal("1100"), "1986-01-01", "1986-02-28") in found
    assert (Decimal("1200"), "1987-01-01", "1987-02-28") in found



def test_buyers_a_list_names_are_importers_with_their_written_comparisons(nlp) -> None:
    text = ("Canadian barley exports rose to 910,000 tonnes in January, the grain board said.\n"
            "    The leading buyers were Japan with 400,000 tonnes against 350,000 in January "
            "1986, Algeria 210,500 tonnes against 190,000 and Poland 100,000 (80,000).\n")
    found = [(v, s, q, p, period) for v, s, _, q, _, p, period, _ in _trade(nlp, text)]
    assert found == [
        ("imports", "Japan", Decimal("400000"), "Canada", "January"),
        ("imports", "Japan", Decimal("350000"), "Canada", "January 1986"),
        ("imports", "Algeria", Decimal("210500"), "Canada", "January"),
        ("imports", "Algeria", Decimal("190000"), "Canada", "January 1986"),
        ("imports", "Poland", Decimal("100000"), "Canada", "January"),
        ("imports", "Poland", Decimal("80000"), "Canada", "January 1986"),
    ]



def test_a_partner_name_broken_over_a_line(nlp) -> None:
    text = ("Uruguay's beef exports totalled 31,400 tonnes in 1986, the meat institute said.\n"
            "    Main destinations were as follows, in tonnes:\n"
            "    Brazil 9,800, Egypt 7,000, Soviet\nUnion 6,300, Israel 2,000, the institute said.\n")
    found = [(p, q) for _, _, _, q, _, p, _, _ in _trade(nlp, text)]
    assert ("Soviet Union", Decimal("6300")) in found


def test_a_breakdown_of_the_flow_stated_before(nlp) -> None:
    text = ("Argentine grain shipments during 1986 totalled 1,796,121 tonnes, the board said.\n"
            "    The breakdown, was as follows, in tonnes: wheat 900,000, sorghum 296,121.\n")
    found = [(s, o, q, period) for _, s, o, q, _, _, period, rule in _trade(nlp, text) if rule == "list-goods"]
    assert found == [("Argentina", "wheat", Decimal("900000"), "1986"),
                     ("Argentina", "sorghum", Decimal("296121"), "1986")]
    # no flow stated before: what the breakdown is of is not certain
    text = "Grain prices were firm.\n    The breakdown was as follows: wheat 900,000, sorghum 296,121.\n"
    assert _trade(nlp, text) == []


def test_a_breakdown_by_kinds_of_the_goods_stated_before(nlp) -> None:
    text = ("Brazilian vegetable oil exports in 1986 totalled 820,000 tonnes, the trade council said.\n"
            "    The breakdown was as follows, in tonnes: Soybean 610,500 (590,000), cotton 95,000 "
            "(80,000), groundnut 14,500 (nil), palm 3,000 and castor nil.\n")
    found = [(s, o, q, period) for _, s, o, q, _, _, period, rule in _trade(nlp, text) if rule == "list-goods"]
    # each item names an oil, never the crop it is pressed from
    assert found == [("Brazil", "soybean oil", Decimal("610500"), "1986"),
                     ("Brazil", "cotton oil", Decimal("95000"), "1986"),
                     ("Brazil", "groundnut oil", Decimal("14500"), "1986"),
                     ("Brazil", "palm oil", Decimal("3000"), "1986")]
    # "The breakdown was:" opens the list as well
    text = ("Indian oilseed meal exports in 1986 totalled 900,000 tonnes, the council said.\n"
            "    The breakdown was: groundnut 500,000, rapeseed 400,000.\n")
    found = [(o, q) for _, _, o, q, _, _, _, rule in _trade(nlp, text) if rule == "list-goods"]
    assert found == [("groundnut meal", Decimal("500000")), ("rapeseed meal", Decimal("400000"))]


def test_kinds_only_of_goods_that_have_them(nlp) -> None:
    # cotton and sugar are no kinds of grain: a breakdown of grain lists them as goods of their own
    text = ("Pakistani grain exports in 1986 totalled 700,000 tonnes, the ministry said.\n"
            "    The breakdown was as follows, in tonnes: wheat 400,000, cotton 300,000.\n")
    assert not any(o.endswith(" oil") for _, _, o, *_ in _trade(nlp, text) if o)


def test_a_breakdown_of_subproducts_names_kinds_and_goods_of_their_own(nlp) -> None:
    text = ("Uruguayan subproducts shipments during 1986 totalled 420,000 tonnes, the board said.\n"
            "    The breakdown was as follows, in tonnes: sunflower 210,000 (190,000), soybean 150,000,\n"
            "fiber cotton 2,500, bran/pollards wheat 40,000, Montevideo 9,000 and rice flour 17,500.\n")
    found = [(o, q) for _, _, o, q, _, _, _, rule in _trade(nlp, text) if rule == "list-goods"]
    # crops name the subproducts pressed or milled from them; goods named in full are read as written
    assert found == [("sunflower subproduct", Decimal("210000")), ("soybean subproduct", Decimal("150000")),
                     ("fiber cotton", Decimal("2500")), ("bran/pollards wheat", Decimal("40000")),
                     ("rice flour", Decimal("17500"))]


def test_goods_named_in_full_only_inside_a_breakdown(nlp) -> None:
    # no breakdown lead: a goods word before a figure is no item of a list
    text = ("Uruguayan subproducts shipments during 1986 totalled 420,000 tonnes, the board said.\n"
            "    Prices of fiber cotton 2,500 pesos higher were quoted.\n")
    assert not any(o == "fiber cotton" for _, _, o, *_ in _trade(nlp, text))
    # an item's name that names no goods ("Montevideo", "others") is no product
    text = ("Uruguayan subproducts shipments during 1986 totalled 420,000 tonnes, the board said.\n"
            "    The breakdown was as follows, in tonnes: linseed 9,000, others 4,000.\n")
    assert [o for _, _, o, *_ in _trade(nlp, text)] == ["linseed subproduct"]


def test_one_figure_for_two_partners_is_read_as_the_first(nlp) -> None:
    text = ("Argentine maize shipments during 1986 totalled 5.1 mln tonnes, the board said.\n"
            "    The principal destinations during 1986 were as follows, in tonnes:\n"
            "    Italy 900,000, Spain and Portugal 410,000, Japan 300,000, the board added.\n")
    found = [(p, q) for _, _, _, q, _, p, _, rule in _trade(nlp, text) if rule == "list-partner"]
    assert ("Spain", Decimal("410000")) in found
    assert not any(p == "Portugal" for p, _ in found)
    # "X and Y" where Y is no partner: nothing is read for the pair
    text = ("Argentine maize shipments during 1986 totalled 5.1 mln tonnes, the board said.\n"
            "    The principal destinations during 1986 were as follows, in tonnes:\n"
            "    Italy 900,000, Spain and Others 410,000, Japan 300,000, the board added.\n")
    found = [(p, q) for _, _, _, q, _, p, _, rule in _trade(nlp, text) if rule == "list-partner"]
    assert not any(q == Decimal("410000") for _, q in found)


def test_a_breakdown_lead_with_its_unit_for_a_colon(nlp) -> None:
    text = ("Chilean vegetable oil shipments in March 1987 totalled 12,400 tonnes, the board said.\n"
            "    The breakdown was, in tonnes, soybean 8,100 (6,900), cotton 3,300 (nil), olive 1,000.\n")
    found = [(s, o, q, period) for _, s, o, q, _, _, period, rule in _trade(nlp, text) if rule == "list-goods"]
    # no colon: the unit set off by commas opens the items as a colon would;
    # the bracketed figures name no period, so they give nothing
    assert found == [("Chile", "soybean oil", Decimal("8100"), "March 1987"),
                     ("Chile", "cotton oil", Decimal("3300"), "March 1987"),
                     ("Chile", "olive oil", Decimal("1000"), "March 1987")]


def test_a_word_like_breakdown_without_its_lead_opens_no_list(nlp) -> None:
    # "breakdown" of talks, with no "was, in tonnes," after it: no list
    text = ("Chilean vegetable oil shipments in March 1987 totalled 12,400 tonnes, the board said.\n"
            "    A breakdown in talks was, officials said, soybean 8,100 tonnes short.\n")
    assert [f for f in _trade(nlp, text) if f[-1] == "list-goods"] == []


def test_a_pair_of_places_set_as_one_is_the_first_ones(nlp) -> None:
    text = ("Uruguay's beef exports totalled 31,400 tonnes in 1986, the meat institute said.\n"
            "    Main destinations were as follows, in tonnes:\n"
            "    Brazil 9,800, Barbados/Grenadinas 1,200, Israel 2,000, the institute said.\n")
    found = [(p, q) for _, _, _, q, _, p, _, _ in _trade(nlp, text)]
    assert ("Barbados", Decimal("1200")) in found
    assert ("Brazil", Decimal("9800")) in found and ("Israel", Decimal("2000")) in found
    # a pair whose first name is no place gives nothing
    text = text.replace("Barbados/Grenadinas", "Others/Various")
    assert not any(q == Decimal("1200") for _, q in [(p, q) for _, _, _, q, _, p, _, _ in _trade(nlp, text)])


def test_goods_named_jointly_in_the_lead_are_one_product(nlp) -> None:
    text = ("Uruguayan meat exports during Jan/Mar 1987 totalled 41,200 tonnes, against 38,000 tonnes "
            "in the same 1986 period, the meat institute said.\n"
            "    Main destinations for salted pork and smoked lamb, in tonnes with comparative figures "
            "for Jan/Mar 1986, in brackets, were -\n"
            "    Brazil 6,100 (5,300), Israel 2,900 (3,400).\n")
    found = [(o, q, p, period) for _, _, o, q, _, p, period, _ in _trade(nlp, text)]
    # one figure for both goods: the pair is what it counts; the same months a year on are
    # the period of the figures the brackets compare
    assert ("salted pork and smoked lamb", Decimal("6100"), "Brazil", "Jan/Mar 1987") in found
    assert ("salted pork and smoked lamb", Decimal("5300"), "Brazil", "Jan/Mar 1986") in found
    assert not any(o in ("salted pork", "smoked lamb") for o, *_ in found)


def test_a_coordination_that_is_not_all_goods_is_no_joint_product(nlp) -> None:
    text = ("Uruguayan meat exports during 1986 totalled 41,200 tonnes, the meat institute said.\n"
            "    Main destinations for beef and other reasons, in tonnes, were: Brazil 6,100, Israel 2,900.\n")
    assert not any(o == "beef and other reasons" for _, _, o, *_ in _trade(nlp, text))


def test_a_joint_product_keeps_the_plain_goods_apart_from_one_kind_of_them(nlp) -> None:
    text = ("Uruguayan meat exports during 1986 totalled 41,200 tonnes, the meat institute said.\n"
            "    Shipments in tonnes included: pork 12,000, horse meat 3,000 and lamb 2,500.\n"
            "    Main destinations for canned meat and smoked pork, in tonnes, were: Brazil 2,000, Israel 900.\n")
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    labels = {e.label for e in x.entities if e.type.value == "Product"}
    # "meat" shares its word with "horse meat" and with a part of the joint goods: its own product
    assert {"meat", "horse meat", "canned meat and smoked pork"} <= labels
