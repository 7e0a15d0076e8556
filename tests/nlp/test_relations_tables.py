"""Tables set in columns: read where their lead makes them certain, never a source of
sentence facts, never a crash."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.model
TRADE = ("exports", "imports", "exportValue", "importValue")


def _trade(x) -> list[tuple]:
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, f.unit,
             names.get(f.partner), f.period, f.forecast, f.extractor) for f in x.facts
            if f.predicate.value in TRADE]  # fmt: skip


def test_balance_table_with_certain_title(extracted) -> None:
    text = ("The Agriculture Department issued its Argentine corn estimates.\n"
            "    Argentine corn supply and use, in mln tonnes -\n"
            "                  1986/87     1985/86\n"
            " Production         10.50       12.10\n"
            " Exports             6.30        7.05\n"
            " Ending stocks       0.45        0.80\n")
    rows = [r for r in _trade(extracted(text)) if r[-1] == "table-row"]
    assert [(p, s, o, q, u, period, fc) for p, s, o, q, u, _, period, fc, _ in rows] == [
        ("exports", "Argentina", "corn", Decimal("6300000"), "tonnes", "1986/87", True),
        ("exports", "Argentina", "corn", Decimal("7050000"), "tonnes", "1985/86", False),
    ]


def test_partner_table_under_an_imports_lead(extracted) -> None:
    text = ("Japanese wheat imports reached 2.1 mln tonnes in 1986, the ministry said.\n"
            "    Imports by origin were as follows, in tonnes --\n"
            " United States       1,250,000\n"
            " Canada                610,500\n"
            " Australia             239,500\n"
            " Total               2,100,000\n")
    rows = [r for r in _trade(extracted(text)) if r[-1] == "table-row"]
    assert [(p, s, o, q, partner) for p, s, o, q, _, partner, _, _, _ in rows] == [
        ("imports", "Japan", "wheat", Decimal("1250000"), "United States"),
        ("imports", "Japan", "wheat", Decimal("610500"), "Canada"),
        ("imports", "Japan", "wheat", Decimal("239500"), "Australia"),
    ]


def test_table_without_a_certain_header_gives_no_facts(extracted) -> None:
    # production by region: no trade word, and regions, years and numbers in columns
    text = ("The institute gave regional output figures, in thousands of tonnes.\n"
            "                 Mar'87   Feb'87    Mar'86\n"
            "    Africa           51       47        44\n"
            "    North America   361      352       340\n"
            "    Europe          270      266       259\n")
    x = extracted(text)
    assert _trade(x) == []
    # an exports row with columns that are no periods: not certain either
    text = ("Brazil's coffee figures, in mln bags -\n"
            "              Arabica    Robusta\n"
            " Exports         9.10       1.20\n"
            " Stocks          4.00       0.90\n")
    assert _trade(extracted(text)) == []


def test_sentence_rules_read_nothing_from_table_rows(extracted) -> None:
    text = ("Shipments of major grains in the week, in tonnes, with the previous week:\n"
            "    Exported wheat        235,000    198,500\n"
            "    Shipped maize          58,250     61,000\n")
    assert _trade(extracted(text)) == []


def test_ragged_and_odd_tables_do_not_crash(extracted) -> None:
    text = ("Prices, in dlrs per bushel --\n"
            "         Natl   Loan           Release\n"
            " Wheat   2.50   2.40-x    IV    4.60   --\n"
            "                           V    4.60\n"
            " Corn    n.a.   1.90       IV   3.10   3.10\n"
            "   (nil),  9,,100   1,663.3-r\n"
            " x - 1986 rates.\n"
            "EXPORTS  \n   --   \n")
    x = extracted(text)
    assert _trade(x) == []
    assert not any(any(c.isdigit() for c in e.label) for e in x.entities)


def test_month_columns_give_each_figure_its_month_and_year(extracted) -> None:
    text = ("The Agriculture Department issued its Argentine corn estimates.\n"
            "    Argentine corn supply and use, in tonnes -\n"
            "                  Jan 87     Dec 86     Jan 86\n"
            " Production       12,100     11,900     10,400\n"
            " Exports           9,800      9,100      8,700\n")
    x = extracted(text)
    rows = [(f.quantity, f.period, f.period_start, f.period_end) for f in x.facts
            if f.extractor == "table-row" and f.predicate.value == "exports"]
    assert rows == [
        (Decimal("9800"), "Jan 87", "1987-01-01", "1987-01-31"),
        (Decimal("9100"), "Dec 86", "1986-12-01", "1986-12-31"),
        (Decimal("8700"), "Jan 86", "1986-01-01", "1986-01-31"),
    ]


def test_a_column_of_months_over_a_year(extracted) -> None:
    from kg.nlp.relations.table_cells import column_period

    found = column_period("Jan-Dec 85", "1987-03-10")
    assert (found.text, found.start, found.end) == ("Jan-Dec 85", "1985-01-01", "1985-12-31")
    assert column_period("Dec 86 est", "1987-03-10") is None


# ---- with hand-built mention tables: section titles name the goods, period titles each column's period

from relations_tables import T, facts_of  # noqa: E402

_TABLE = ("Thai rice exports in 1986 totalled 4.5 mln tonnes, the ministry said.\n"
          "    Main destinations were as follows, in thousands of tonnes:\n"
          "                      1986        1985\n"
          " White rice:\n"
          "    Iran              120.5        95.0\n"
          "    Singapore          80.0        70.5\n"
          " Glutinous rice:\n"
          "    Laos               12.0         9.0\n"
          "    Malaysia            8.0\n")
_TABLE_MENTIONS = {"Thai": ("thailand", T.COUNTRY), "rice": ("rice", T.PRODUCT), "Iran": ("iran", T.COUNTRY),
                   "Singapore": ("singapore", T.COUNTRY), "Laos": ("laos", T.COUNTRY),
                   "Malaysia": ("malaysia", T.COUNTRY)}


def _rows(facts) -> list[tuple]:
    return [(f.object, f.partner, f.quantity, f.period) for f in facts if f.extractor == "table-row"]


def test_sections_name_the_goods_and_period_columns_the_periods(parser) -> None:
    mentions = {**_TABLE_MENTIONS, "White rice": ("white_rice", T.PRODUCT),
                "Glutinous rice": ("glutinous_rice", T.PRODUCT)}
    found = _rows(facts_of(parser, _TABLE, mentions, published="1987-03-11"))
    assert found == [
        ("white_rice", "iran", Decimal("120500"), "1986"), ("white_rice", "iran", Decimal("95000"), "1985"),
        ("white_rice", "singapore", Decimal("80000"), "1986"), ("white_rice", "singapore", Decimal("70500"), "1985"),
        ("glutinous_rice", "laos", Decimal("12000"), "1986"), ("glutinous_rice", "laos", Decimal("9000"), "1985"),
    ]  # Malaysia's single figure under two years: no fact


def test_rows_under_a_section_that_is_no_known_product_give_nothing(parser) -> None:
    # only "rice" known: the sections' rows are of white and glutinous rice, never of rice
    found = _rows(facts_of(parser, _TABLE, _TABLE_MENTIONS, published="1987-03-11"))
    assert found == []


def test_columns_that_are_not_periods_give_nothing(parser) -> None:
    table = _TABLE.replace("1986        1985", "Volume     Change")
    mentions = {**_TABLE_MENTIONS, "White rice": ("white_rice", T.PRODUCT),
                "Glutinous rice": ("glutinous_rice", T.PRODUCT)}
    assert _rows(facts_of(parser, table, mentions, published="1987-03-11")) == []
