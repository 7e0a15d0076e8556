from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows
from kg.nlp.relations.discourse import Topic

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.period, f.forecast) for f in facts]


def test_a_topic_follows_only_the_sentence_right_after_it() -> None:
    topic = Topic(trader="ke", goods="tea", period=None, exports=True, sentence=2)
    assert topic.follows(3) and not topic.follows(4) and not topic.follows(2)


def test_pronoun_sentence_takes_trader_goods_and_period_of_the_sentence_before(parser) -> None:
    text = ("Peruvian exports of fishmeal rose in 1986, the ministry said. They were 612,000 tonnes, "
            "against 540,000 in 1985.")
    table = {"Peruvian": ("pe", T.COUNTRY), "fishmeal": ("fm", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.subject, f.object, f.quantity, f.period) for f in facts if f.quantity] == [
        ("pe", "fm", Decimal("612000"), "1986"),
        ("pe", "fm", Decimal("540000"), "1985"),
    ]
    # a figure whose slots came from the sentence before is trusted less than one that has them
    assert all(f.confidence < flows.CONFIDENCE for f in facts if f.quantity)


def test_the_total_points_back_to_an_imports_sentence(parser) -> None:
    text = "Morocco's barley imports rose in 1986. The total was 410,000 tonnes, up from 350,000 in 1985."
    table = {"Morocco": ("ma", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[3]] == [
        ("imports", "ma", "barley", Decimal("410000"), "1986", False),
        ("imports", "ma", "barley", Decimal("350000"), "1985", False),
    ]


def test_an_ownerless_figure_takes_the_period_of_the_flow_stated_before(parser) -> None:
    text = ("Kenya's tea exports fell in the week ended March 27. Shipments totalled 4,120 tonnes, "
            "against 5,300 the week before.")
    table = {"Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    facts = [f for f in facts_of(parser, text, table, published=PUBLISHED, module=flows) if f.quantity]
    assert [(f.quantity, f.period, f.period_end) for f in facts] == [
        (Decimal("4120"), "the week ended March 27", "1987-03-27"),
        (Decimal("5300"), "the week before", "1987-03-20"),
    ]


def test_no_pronoun_flow_without_a_trade_sentence_before(parser) -> None:
    text = "Kenya's tea crop was large in 1986. They were 4,120 tonnes above the plan."
    table = {"Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_no_pronoun_flow_two_sentences_on(parser) -> None:
    text = ("Peru's fishmeal exports rose in 1986. The ministry gave no reason. "
            "They were 612,000 tonnes, officials said.")
    table = {"Peru": ("pe", T.COUNTRY), "fishmeal": ("fm", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[3]] == []


def test_another_traders_period_is_not_carried(parser) -> None:
    text = ("Ghana's cocoa exports fell in January. Ivory Coast exports were 80,000 tonnes, "
            "trade sources said.")
    table = {"Ghana": ("gh", T.COUNTRY), "cocoa": ("cocoa", T.PRODUCT), "Ivory Coast": ("ci", T.COUNTRY)}
    assert [r for r in _read(parser, text, table) if r[3]] == [
        ("exports", "ci", "cocoa", Decimal("80000"), None, False),
    ]


def test_a_forecast_takes_the_crop_year_of_the_lead_not_a_past_period(parser) -> None:
    text = ("Argentina's 1986/87 wheat exports are forecast to rise, the attache said. "
            "Exports were 3.2 mln tonnes last year. Shipments are expected to reach 4.1 mln tonnes.")
    table = {"Argentina": ("ar", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[3]] == [
        ("exports", "ar", "wheat", Decimal("3200000"), "last year", False),
        ("exports", "ar", "wheat", Decimal("4100000"), "1986/87", True),
    ]


def test_a_monthly_figure_compared_with_an_earlier_month_is_for_the_lead_month(parser) -> None:
    text = ("Chile's trade surplus rose to 140 mln dlrs in February from 95 mln in January, the "
            "central bank said. Exports fell to 410 mln dlrs from 432 mln in January.")
    table = {"Chile": ("cl", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.amount, f.period) for f in facts] == [
        (Decimal("410000000"), "February"),
        (Decimal("432000000"), "January"),
    ]


def test_the_lead_month_is_not_taken_without_an_earlier_comparison(parser) -> None:
    text = ("Chile's trade surplus rose to 140 mln dlrs in February, the central bank said. "
            "Exports fell to 410 mln dlrs, officials said.")
    table = {"Chile": ("cl", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.amount, f.period) for f in facts] == [(Decimal("410000000"), None)]


def test_a_sentence_that_points_back_takes_the_period_named_before(parser) -> None:
    text = ("Pakistan's cotton exports rose in 1985/86, officials said. But only 350,000 bales "
            "were shipped that year, with the rest to be delivered in 1986/87.")
    table = {"Pakistan": ("pk", T.COUNTRY), "cotton": ("cotton", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period) for f in facts if f.quantity] == [(Decimal("350000"), "1985/86")]


def test_a_period_after_since_is_no_flow_period(parser) -> None:
    text = ("Re-exports outpaced Singapore's domestic exports for the first time since March 1985. "
            "Re-exports fell to 1.2 billion dlrs from 1.4 billion in January.")
    table = {"Singapore": ("sg", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert "March 1985" not in {f.period for f in facts}


def test_ownerless_shipments_are_the_exports_the_story_just_stated(parser) -> None:
    text = ("Uruguayan rice exports in 1986 totalled 310,000 tonnes, the board said. No breakdown "
            "was given. Shipments during December amounted to 21,500 tonnes.")
    table = {"Uruguayan": ("uy", T.COUNTRY), "rice": ("rice", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.subject, f.quantity, f.period) for f in facts] == [
        ("uy", Decimal("310000"), "1986"),
        ("uy", Decimal("21500"), "December"),
    ]
    assert facts[1].confidence < facts[0].confidence


def test_shipments_of_no_story_flow_have_no_trader(parser) -> None:
    text = "The mill was closed for a week. Shipments during December amounted to 21,500 tonnes of rice."
    table = {"rice": ("rice", T.PRODUCT)}
    assert facts_of(parser, text, table, published=PUBLISHED, module=flows) == []


def test_the_same_period_points_to_the_last_period_a_figure_had(parser) -> None:
    text = ("Chinese grain exports in January totalled 386,000 tonnes, customs figures show. No "
            "breakdown was given. Imports of wool rose to 10,248 tonnes over the same period.")
    table = {"Chinese": ("cn", T.COUNTRY), "grain": ("grain", T.PRODUCT), "wool": ("wool", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.quantity, f.period) for f in facts] == [
        ("exports", Decimal("386000"), "January"),
        ("imports", Decimal("10248"), "January"),
    ]


def _partners(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.subject, f.quantity, f.partner) for f in facts if f.quantity]


def test_bare_sales_keep_the_partner_the_sentence_before_named(parser) -> None:
    text = ("Canada's sales of barley to Norway this season total 400,000 tonnes. "
            "In 1985, sales were 310,000 tonnes.")
    table = {"Canada": ("ca", T.COUNTRY), "Norway": ("no", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert _partners(parser, text, table) == [("ca", Decimal("400000"), "no"), ("ca", Decimal("310000"), "no")]


def test_a_buyer_keeps_the_origin_of_its_imports_the_sentence_before_named(parser) -> None:
    text = ("Danish imports of Swedish oats were lower this season. Denmark bought 52,000 tonnes "
            "between July 1 and February 28.")
    table = {"Danish": ("dk", T.COUNTRY), "Denmark": ("dk", T.COUNTRY), "Swedish": ("se", T.COUNTRY),
             "oats": ("oats", T.PRODUCT)}
    assert _partners(parser, text, table) == [("dk", Decimal("52000"), "se")]


def test_a_total_after_a_partners_flow_keeps_no_partner(parser) -> None:
    text = ("Danish imports of Swedish oats were lower this season. Denmark's total imports of oats "
            "were 52,000 tonnes.")
    table = {"Danish": ("dk", T.COUNTRY), "Denmark": ("dk", T.COUNTRY), "Swedish": ("se", T.COUNTRY),
             "oats": ("oats", T.PRODUCT)}
    assert _partners(parser, text, table) == [("dk", Decimal("52000"), None)]


def test_a_partner_is_not_carried_to_another_trader(parser) -> None:
    text = ("Danish imports of Swedish oats were lower this season. Finland bought 52,000 tonnes of oats.")
    table = {"Danish": ("dk", T.COUNTRY), "Finland": ("fi", T.COUNTRY), "Swedish": ("se", T.COUNTRY),
             "oats": ("oats", T.PRODUCT)}
    assert _partners(parser, text, table) == [("fi", Decimal("52000"), None)]


def test_a_later_figure_that_names_no_period_is_for_the_periods_the_story_opened_with(parser) -> None:
    text = ("Norwegian barley exports for the period July 1 to March 1 fell to 820,000 tonnes from "
            "910,000 tonnes in the same 1985/86 period, the board said. Exports of oats totalled 41,000 "
            "tonnes, up on a previous 38,000 tonnes.")
    table = {"Norwegian": ("no", T.COUNTRY), "barley": ("barley", T.PRODUCT), "oats": ("oats", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[2] == "oats"] == [
        ("exports", "no", "oats", Decimal("41000"), "July 1 to March 1", False),
        ("exports", "no", "oats", Decimal("38000"), "1985/86", False),
    ]


def test_a_forecast_does_not_take_the_period_the_story_opened_with(parser) -> None:
    text = ("Norwegian barley exports for the period July 1 to March 1 fell to 820,000 tonnes, the board "
            "said. Exports of oats are expected to reach 60,000 tonnes.")
    table = {"Norwegian": ("no", T.COUNTRY), "barley": ("barley", T.PRODUCT), "oats": ("oats", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[2] == "oats"] == [
        ("exports", "no", "oats", Decimal("60000"), None, True)]


def test_a_purchase_in_a_story_of_one_exporters_sales_is_from_that_exporter(parser) -> None:
    text = "Swedish exports of oats to Denmark fell in 1986. Danish purchases were 52,000 tonnes, the board said."
    table = {"Swedish": ("se", T.COUNTRY), "Danish": ("dk", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert _partners(parser, text, table) == [("dk", Decimal("52000"), "se")]


def test_a_purchase_from_all_origins_is_not_the_opening_exporters(parser) -> None:
    text = ("Swedish exports of oats to Denmark fell in 1986. Danish purchases from all origins were "
            "52,000 tonnes, the board said.")
    table = {"Swedish": ("se", T.COUNTRY), "Danish": ("dk", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert _partners(parser, text, table) == [("dk", Decimal("52000"), None)]


def test_the_sentence_after_may_date_the_goods_of_a_sale(parser) -> None:
    text = ("Canadian exporters reported sales of 90,000 tonnes of barley to Norway. "
            "The barley is for delivery during the 1987/88 marketing year, the board said.")
    table = {"Canadian": ("ca", T.COUNTRY), "Norway": ("no", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.partner, f.period) for f in facts if f.quantity] == [
        (Decimal("90000"), "no", "1987/88 marketing year")]


def test_a_dated_sale_keeps_its_own_period(parser) -> None:
    text = ("Canadian exporters reported sales of 90,000 tonnes of barley to Norway in 1986. "
            "The barley is for delivery during the 1987/88 marketing year, the board said.")
    table = {"Canadian": ("ca", T.COUNTRY), "Norway": ("no", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period) for f in facts if f.quantity] == [(Decimal("90000"), "1986")]


def test_a_months_total_that_includes_a_partners_share_points_back(parser) -> None:
    text = ("Chilean copper imports rose to 40,200 tonnes in April, the customs office said. "
            "The April total included 12,500 tonnes from Peru.")
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT), "Peru": ("pe", T.COUNTRY)}
    facts = [f for f in facts_of(parser, text, table, published=PUBLISHED, module=flows) if f.quantity]
    assert [(f.subject, f.object, f.quantity, f.partner, f.period) for f in facts] == [
        ("cl", "cu", Decimal("40200"), None, "April"), ("cl", "cu", Decimal("12500"), "pe", "April")]


def test_a_total_named_for_no_period_of_its_own_goods_says_its_own_subject(parser) -> None:
    text = ("Chilean copper imports rose to 40,200 tonnes in April. "
            "The zinc total included 12,500 tonnes from Peru.")
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT), "zinc": ("zn", T.PRODUCT),
             "Peru": ("pe", T.COUNTRY)}
    assert [r[3] for r in _read(parser, text, table) if r[3]] == [Decimal("40200")]


def test_a_total_named_for_the_last_flows_partner_points_back(parser) -> None:
    text = ("Chilean copper exports to the EC rose to 40,200 tonnes in April. "
            "The EC figure included 12,500 tonnes to Italy.")
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT), "EC": ("ec", T.ORGANIZATION),
             "Italy": ("it", T.COUNTRY)}
    facts = [f for f in facts_of(parser, text, table, published=PUBLISHED, module=flows) if f.quantity]
    assert ("cl", "cu", Decimal("12500"), "it") in [(f.subject, f.object, f.quantity, f.partner) for f in facts]


def test_a_total_named_for_another_partner_says_its_own_subject(parser) -> None:
    text = ("Chilean copper exports to the EC rose to 40,200 tonnes in April. "
            "The Japanese figure included 12,500 tonnes to Italy.")
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT), "EC": ("ec", T.ORGANIZATION),
             "Italy": ("it", T.COUNTRY), "Japanese": ("jp", T.COUNTRY)}
    assert [r[3] for r in _read(parser, text, table) if r[3]] == [Decimal("40200")]


def test_a_plan_that_includes_figures_is_no_flow(parser) -> None:
    text = "Chilean copper imports rose to 40,200 tonnes in April. The plan included 12,500 tonnes of new stocks."
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT)}
    assert [r[3] for r in _read(parser, text, table) if r[3]] == [Decimal("40200")]


def test_a_figure_that_brings_the_years_imports_to_a_total_is_the_same_traders(parser) -> None:
    text = ("Egyptian wheat imports were 310,000 tonnes in June. "
            "This brought total imports in 1986/87 to 5.2 mln tonnes against 4.9 mln a year earlier.")
    table = {"Egyptian": ("eg", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert [(r[1], r[2], r[3]) for r in _read(parser, text, table) if r[3]] == [
        ("eg", "wheat", Decimal("310000")), ("eg", "wheat", Decimal("5200000")), ("eg", "wheat", Decimal("4900000"))]


def test_a_named_subject_that_brings_imports_to_a_total_is_no_pointer(parser) -> None:
    text = ("Egyptian wheat imports were 310,000 tonnes in June. "
            "Cargill brought its imports to 5.2 mln tonnes in 1986/87.")
    table = {"Egyptian": ("eg", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "Cargill": ("cargill", T.ORGANIZATION)}
    assert [(r[1], r[3]) for r in _read(parser, text, table) if r[3] and r[1] == "eg"] == [("eg", Decimal("310000"))]


def _valued_partners(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.subject, f.amount, f.partner) for f in facts if f.amount]


def test_a_flow_stated_without_a_figure_gives_its_partner_to_the_figures_after_it(parser) -> None:
    text = ("Norwegian exports to Canada fell sharply in March, the bank said. The figures showed exports "
            "were 1.85 billion crowns in March, down from 2.10 billion crowns in February.")
    table = {"Norwegian": ("no", T.COUNTRY), "Canada": ("ca", T.COUNTRY)}
    assert _valued_partners(parser, text, table) == [
        ("no", Decimal("1850000000"), "ca"), ("no", Decimal("2100000000"), "ca")]


def test_a_figure_exported_again_to_the_carried_partner_keeps_it(parser) -> None:
    text = ("Norwegian exports to Canada fell sharply in March, the bank said. The figures showed exports "
            "were 1.85 billion crowns in March, the lowest since 1.62 billion crowns were exported to Canada "
            "in May 1985.")
    table = {"Norwegian": ("no", T.COUNTRY), "Canada": ("ca", T.COUNTRY)}
    assert _valued_partners(parser, text, table)[0] == ("no", Decimal("1850000000"), "ca")


def test_a_figure_exported_to_another_partner_takes_no_carried_partner(parser) -> None:
    text = ("Norwegian exports to Canada fell sharply in March, the bank said. The figures showed exports "
            "were 1.85 billion crowns in March, against 1.62 billion exported to Sweden in May 1985.")
    table = {"Norwegian": ("no", T.COUNTRY), "Canada": ("ca", T.COUNTRY), "Sweden": ("se", T.COUNTRY)}
    assert all(partner != "ca" for _, _, partner in _valued_partners(parser, text, table))


def test_a_figureless_flow_gives_no_partner_to_another_goods_figure(parser) -> None:
    text = ("Sales to Peru decreased sharply, the board said. Net sales of barley totalling 41,000 tonnes "
            "equaled the week before.")
    table = {"Peru": ("pe", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert all(partner is None for _, _, partner in _partners(parser, text, table))


@pytest.mark.parametrize(("words", "period"), [
    ("during the period March 2 to 27", "March 2 to 27"),
    ("in the period between March 2 and March 27", "between March 2 and March 27"),
    ("during the year ended March 31", "the year ended March 31"),
])
def test_a_pointing_phrase_that_names_its_period_keeps_it(parser, words: str, period: str) -> None:
    # "during the period" alone points back; followed by the period, it names it
    text = f"Belgian sugar exports through Antwerp fell to 61,200 tonnes {words}, port sources said."
    table = {"Belgian": ("be", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    assert [(f.quantity, f.period) for f in facts_of(parser, text, table, published=PUBLISHED, module=flows)
            if f.quantity] == [(Decimal("61200"), period)]


def test_a_bare_pointing_phrase_still_takes_the_period_named_before(parser) -> None:
    text = "Kenya exported 41,000 tonnes of tea in 1986. Uganda exported 12,000 tonnes of tea during the period."
    table = {"Kenya": ("ke", T.COUNTRY), "Uganda": ("ug", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    assert [(f.subject, f.period) for f in facts_of(parser, text, table, published=PUBLISHED, module=flows)
            if f.quantity] == [("ke", "1986"), ("ug", "1986")]
