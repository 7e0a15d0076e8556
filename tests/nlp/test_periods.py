from __future__ import annotations

import pytest

from kg.nlp.relations.periods import anchor_on, find_periods

PUBLISHED = "1987-04-09"


def _read(text: str, published: str | None = PUBLISHED) -> list[tuple]:
    return [(p.text, p.start, p.end) for p in find_periods(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    ("in the week ended April 7", ("the week ended April 7", "1987-04-01", "1987-04-07")),
    ("in the four weeks ended April 3", ("the four weeks ended April 3", "1987-03-07", "1987-04-03")),
    ("the two weeks ended April 3", ("the two weeks ended April 3", "1987-03-21", "1987-04-03")),
    ("the eight days ending April 3", ("the eight days ending April 3", "1987-03-27", "1987-04-03")),
    ("in calendar 1986", ("calendar 1986", "1986-01-01", "1986-12-31")),
    ("in the first quarter", ("the first quarter", "1987-01-01", "1987-03-31")),
    ("the first two months of 1987", ("the first two months of 1987", "1987-01-01", "1987-02-28")),
    ("during Jan/Feb 1987", ("Jan/Feb 1987", "1987-01-01", "1987-02-28")),
    ("from March 1 to Saturday", ("from March 1 to Saturday", "1987-03-01", "1987-04-04")),
    ("so far this year", ("so far this year", "1987-01-01", "1987-04-09")),
    ("in February last year", ("February last year", "1986-02-01", "1986-02-28")),
    ("November to April", ("November to April", "1986-11-01", "1987-04-30")),
    ("from January 1 to June 30", ("from January 1 to June 30", "1987-01-01", "1987-06-30")),
    ("between December 1 and January 31", ("between December 1 and January 31", "1986-12-01", "1987-01-31")),
    ("earn more this calendar year", ("this calendar year", "1987-01-01", "1987-12-31")),
    ("than last calendar year", ("last calendar year", "1986-01-01", "1986-12-31")),
    ("sales in January and February", ("January and February", "1987-01-01", "1987-02-28")),
    ("in the first 20 days of March", ("the first 20 days of March", "1987-03-01", "1987-03-20")),
    ("the first ten days of February, 1986", ("the first ten days of February, 1986", "1986-02-01", "1986-02-10")),
])  # fmt: skip
def test_periods_dated_from_the_published_day(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


def test_a_month_not_yet_begun_is_last_years() -> None:
    assert _read("exports in June") == [("June", "1986-06-01", "1986-06-30")]


def test_crop_years_keep_their_words_but_no_invented_dates() -> None:
    # crop and fiscal years begin in different months by commodity and country
    assert _read("in the 1986/87 (Oct-Sept) season") == [("1986/87 (Oct-Sept) season", None, None)]


def test_without_a_published_day_relative_periods_have_no_dates() -> None:
    assert _read("in January", None) == [("January", None, None)]
    assert _read("in 1985", None) == [("1985", "1985-01-01", "1985-12-31")]


def test_may_the_verb_is_no_month() -> None:
    assert _read("Japan may export more") == []
    assert _read("in May 1986") == [("May 1986", "1986-05-01", "1986-05-31")]


def test_comparison_period_anchored_on_the_figure_it_compares_with() -> None:
    main, previous = find_periods("in the week ended April 7, down from 75,160 tonnes the previous week", PUBLISHED)
    assert previous.shift == ("week", -1)
    dated = anchor_on(previous, main)
    assert (dated.start, dated.end) == ("1987-03-25", "1987-03-31")
    year_ago = find_periods("a year earlier", PUBLISHED)[0]
    assert (anchor_on(year_ago, main).start, anchor_on(year_ago, main).end) == ("1986-04-01", "1986-04-07")


def test_a_comparison_period_alone_is_dated_from_the_article() -> None:
    (alone,) = find_periods("from last year's level of 320,000 tonnes", PUBLISHED)
    assert (alone.start, alone.end) == ("1986-01-01", "1986-12-31")


def test_a_crop_year_with_its_last_day_is_dated() -> None:
    assert _read("In the 1985/86 wheat year ended September 30, the board exported") == [
        ("1985/86 wheat year ended September 30", "1985-10-01", "1986-09-30")
    ]


def test_a_last_day_set_off_by_a_comma_dates_a_split_year_but_is_no_part_of_its_name() -> None:
    assert _read("Sales in 1985/86, ending June 30, were higher.") == [("1985/86", "1985-07-01", "1986-06-30")]


def test_a_last_day_written_into_a_split_years_name_stays_in_it() -> None:
    assert _read("Sales in 1985/86 ending June 30 were higher.") == [
        ("1985/86 ending June 30", "1985-07-01", "1986-06-30")]


def test_last_month_is_no_part_of_a_year() -> None:
    assert _read("exports last month") == [("last month", "1987-03-01", "1987-03-31")]


def test_shipment_months_with_late_and_early_and_may_for_shipment() -> None:
    assert _read("for late April/early July shipment") == [("late April/early July", "1987-04-01", "1987-07-31")]
    assert _read("150,000 tonnes for May shipment")[0][0] == "May"


def test_a_possessive_period_is_the_period_itself() -> None:
    found = find_periods("unlikely to rise much from last year's level of 320,000 tonnes", "1987-03-10")
    assert [(p.text, p.start, p.end) for p in found] == [("last year", "1986-01-01", "1986-12-31")]


def test_a_comma_before_the_year_of_a_month() -> None:
    found = find_periods("imports were 8,100 in November, 1985 and 9,200 in Jan-Dec, 1986.", "1987-04-07")
    assert [(p.text, p.start, p.end) for p in found] == [
        ("November, 1985", "1985-11-01", "1985-11-30"),
        ("Jan-Dec, 1986", "1986-01-01", "1986-12-31"),
    ]
    assert [p.text for p in find_periods("in January, February and March", "1987-04-07")] == [
        "January", "February", "March"]


@pytest.mark.parametrize(("text", "expected"), [
    ("deliveries over the next few months", ("the next few months", PUBLISHED, None)),
    ("to be shipped in the next three months", ("the next three months", PUBLISHED, "1987-07-09")),
    ("during the coming weeks", ("the coming weeks", PUBLISHED, None)),
    ("the cargo leaves this weekend", ("this weekend", "1987-04-06", "1987-04-12")),
    ("licences granted at today's tender", ("today", PUBLISHED, PUBLISHED)),
])  # fmt: skip
def test_spans_ahead_and_days_of_the_published_week(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


def test_a_bare_today_dates_the_statement_not_a_figure() -> None:
    assert _read("the minister said today") == []


def test_a_day_to_day_period_with_a_slash() -> None:
    from kg.nlp.relations.periods import find_periods

    found = find_periods("exports for the period July 1/February 13 rose", "1987-02-20")
    assert [(p.text, p.start, p.end) for p in found] == [("July 1/February 13", "1986-07-01", "1987-02-13")]


@pytest.mark.parametrize(("text", "expected"), [
    ("for December 1-15 delivery", [("December 1-15", "1986-12-01", "1986-12-15")]),
    ("for November 25-December 10 delivery", [("November 25-December 10", "1986-11-25", "1986-12-10")]),
    ("for September 1-15 and November 5-20 delivery",
     [("September 1-15 and November 5-20", "1986-09-01", "1986-11-20")]),
    ("for September 5-20/September 10-25 delivery", [("September 5-20/September 10-25", "1986-09-05", "1986-09-25")]),
    # a year and the split season after it are no range of days
    ("on March 5, 1987-88 season", [("March 5, 1987", "1987-03-05", "1987-03-05")]),
    # one window and a single day are two periods
    ("September 1-15 and November 5", [("September 1-15", "1986-09-01", "1986-09-15"),
                                       ("November 5", "1986-11-05", "1986-11-05")]),
])
def test_day_ranges_with_a_bare_hyphen_and_joined_windows(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("exports in the year started March 1", [("the year started March 1", "1987-03-01", "1988-02-29")]),
    ("the year beginning October 1, 1986", [("the year beginning October 1, 1986", "1986-10-01", "1987-09-30")]),
    ("in the year which began January 1", [("the year which began January 1", "1987-01-01", "1987-12-31")]),
    # the year a day ends is the year before it, as before
    ("the year ended March 1", [("the year ended March 1", "1986-03-02", "1987-03-01")]),
])
def test_the_year_started_on_a_day_runs_a_year_from_it(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the dot that ends the sentence is no part of an abbreviated month's name
    ("imports in Jan/Sept. Exports rose", [("Jan/Sept", "1987-01-01", "1987-09-30")]),
    ("imports in Jan/Sept.", [("Jan/Sept", "1987-01-01", "1987-09-30")]),
    # mid-sentence it stays the abbreviation's
    ("rose in Sept. to 5 mln", [("Sept.", "1986-09-01", "1986-09-30")]),
    # a crop year to come: named, not dated (its months depend on the goods)
    ("the major purchasers for the upcoming season", [("the upcoming season", None, None)]),
])
def test_sentence_final_abbreviations_and_the_season_to_come(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_an_ordinal_week_of_a_month() -> None:
    from kg.nlp.relations.periods import find_periods

    found = find_periods("rose in the fourth week of February from the third week", "1987-03-05")
    assert [(p.text, p.start, p.end) for p in found] == [
        ("the fourth week of February", "1987-02-22", "1987-02-28"), ("the third week", None, None),
    ]


def test_a_year_of_an_agreement_dated_by_the_day_it_ends() -> None:
    from kg.nlp.relations.periods import find_periods

    text = "for delivery in the fourth year of the agreement, which ends this September 30, now total"
    assert [(p.text, p.start, p.end) for p in find_periods(text, "1987-03-20")] == [
        ("the fourth year of the agreement", "1986-10-01", "1987-09-30"),
    ]


def test_a_hyphenated_relative_period() -> None:
    from kg.nlp.relations.periods import find_periods

    found = find_periods("Year-to-date imports averaged 3.96 mln bpd", "1987-03-25")
    assert [(p.text, p.start, p.end) for p in found] == [("Year-to-date", "1987-01-01", "1987-03-25")]


def test_a_duration_from_a_day_or_month_is_one_period() -> None:
    found = find_periods("quotas of 2,000 tonnes for a year from April 1", "1988-05-02")
    assert [(p.text, p.start, p.end) for p in found] == [("a year from April 1", "1988-04-01", "1989-03-31")]
    found = find_periods("shipments over the six months from January 1986", "1986-03-02")
    assert [(p.text, p.start, p.end) for p in found] == [("the six months from January 1986", "1986-01-01", "1986-06-30")]


def test_a_duration_from_a_crop_year_is_undated() -> None:
    found = find_periods("will ship 9,000 bales in the two years from 1986/87", "1987-03-02")
    assert [(p.text, p.start, p.end) for p in found] == [("the two years from 1986/87", None, None)]


def test_a_range_of_dated_days_with_a_comma_before_to() -> None:
    found = find_periods("sales for the period August 1, 1985, to February 1, 1986, rose", "1986-03-02")
    assert [(p.text, p.start, p.end) for p in found] == [("August 1, 1985, to February 1, 1986", "1985-08-01", "1986-02-01")]


@pytest.mark.parametrize(("text", "expected"), [
    ("sales fell from 90 mln in Feburary", ("Feburary", "1987-02-01", "1987-02-28")),
    ("shipped 12 cargoes in Otcober", ("Otcober", "1986-10-01", "1986-10-31")),
    ("loading Mrach 3/April 2", ("Mrach 3/April 2", "1987-03-03", "1987-04-02")),
])  # fmt: skip
def test_a_month_misspelt_by_a_swapped_or_changed_letter_is_the_month_in_its_own_words(text: str,
                                                                                     expected: tuple) -> None:
    assert _read(text) == [expected]


def test_a_name_one_letter_from_a_short_month_is_no_month() -> None:
    assert _read("Marsh and Jane said so") == []


def test_an_agreement_year_is_named_either_way_and_dated_by_its_first_day() -> None:
    assert _read("sales in the second pact year rose") == [("the second pact year", None, None)]
    assert _read("for the third year of the accord -- which began May 1, 1986 -- total") == [
        ("the third year of the accord", "1986-05-01", "1987-04-30")]


def test_an_era_is_named_but_not_dated() -> None:
    assert _read("exports in the late 1970s averaged 400 mln dlrs") == [("the late 1970s", None, None)]
    assert _read("during the 1980s and the mid-1990s") == [("the 1980s", None, None), ("the mid-1990s", None, None)]
    # a year stays a year, dated
    assert _read("in 1970") == [("1970", "1970-01-01", "1970-12-31")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile sold 90,000 bags in the year to September 1986.", ("the year to September 1986", "1985-10-01", "1986-09-30")),
    ("profits in the six months to June 30, 1986", ("the six months to June 30, 1986", "1986-01-01", "1986-06-30")),
    # no year: the last such month that is over by the article's day (April 9, 1987)
    ("imports in the 12 months ended March", ("the 12 months ended March", "1986-04-01", "1987-03-31")),
    ("sales in the year ended May 31", ("the year ended May 31", "1985-06-01", "1986-05-31")),
])
def test_the_months_up_to_one_named(text: str, expected: tuple) -> None:
    assert _read(text)[0] == expected


def test_a_year_to_something_else_is_no_period_up_to_a_month() -> None:
    assert _read("the year to date")[0][0] == "year to date"
    assert all(not p[0].startswith("the year to") for p in _read("a year to remember, in May 1986"))


def test_periods_read_again_are_the_same_and_a_list_of_the_callers_own() -> None:
    text = "Exports in the week ended April 7 rose from the previous week."
    first = find_periods(text, "1987-04-09")
    first.append(first[0])  # a caller's list is its own: the next reading is not changed
    again = find_periods(text, "1987-04-09")
    assert again == first[:-1] and again is not first
    assert [p.end for p in find_periods(text, "1988-04-09")] != [p.end for p in again]  # the day counts


def test_a_year_of_a_named_agreement() -> None:
    text = "shipments in the third year of the U.S.-USSR grains agreement, which ended September 30, amounted"
    assert [(p.text, p.start, p.end) for p in find_periods(text, "1987-03-12")] == [
        ("the third year of the U.S.-USSR grains agreement", "1985-10-01", "1986-09-30"),
    ]


def test_a_part_of_a_split_year_is_named_not_dated() -> None:
    text = "exports in the first six months of the 1986/87 season were"
    assert [(p.text, p.start, p.end) for p in find_periods(text, "1987-03-12")] == [
        ("the first six months of the 1986/87 season", None, None),
    ]


def test_one_year_earlier_is_a_shifted_year_and_days_not_of_a_month_are_no_period() -> None:
    (p,) = find_periods("up from 90,000 one year earlier", PUBLISHED)
    assert (p.text, p.shift) == ("one year earlier", ("year", -1))
    assert _read("shipped over the first 25 days") == []


@pytest.mark.parametrize(("text", "period"), [
    ("Exports rose in January.", "January"),
    ("Shipments will resume in July-September.", "July-September"),
    ("Sales were higher in the October-December quarter.", "October-December"),
])
def test_the_full_stop_after_a_month_ends_the_sentence_not_the_period(text: str, period: str) -> None:
    assert [p.text for p in find_periods(text, "1987-03-10")] == [period]


@pytest.mark.parametrize(("text", "start", "end"), [
    # the year written once, at the range's end, is its start's too
    ("licences run between April 2 and September 30, 1987", "1987-04-02", "1987-09-30"),
    # a range across the turn of that year starts the year before
    ("loading from December 10 to February 15, 1987", "1986-12-10", "1987-02-15"),
    # each end with its own year keeps it
    ("from June 1, 1985, to May 31, 1986", "1985-06-01", "1986-05-31"),
])
def test_a_range_dated_by_the_year_after_its_end(text: str, start: str, end: str) -> None:
    (p,) = find_periods(text, "1987-03-10")
    assert (p.start, p.end) == (start, end)


def test_a_weekly_reports_own_week_is_named_but_not_dated() -> None:
    (p,) = find_periods("Distillate stocks in the week fell to 120 mln barrels", "1987-03-10")
    assert (p.text, p.start, p.end) == ("the week", None, None)


@pytest.mark.parametrize("text", ["in the week to March 6", "in the week of March 2"])
def test_a_week_named_by_the_day_after_it_is_that_days(text: str) -> None:
    assert [p.text for p in find_periods(text, "1987-03-10")] == [text.split(" ", 4)[-1]]


@pytest.mark.parametrize("text", [
    "against 19,750 tonnes in the year-ago week", "from 4.1 mln in the same year ago period",
    "up from the year-earlier quarter's 2.3 billion", "compared with the same period of last year",
])  # fmt: skip
def test_a_year_ago_period_noun_is_a_year_before_the_figure_compared(text: str) -> None:
    main = find_periods("in the week ended April 7", PUBLISHED)[0]
    (year_ago,) = find_periods(text, PUBLISHED)
    assert year_ago.shift == ("year", -1)
    dated = anchor_on(year_ago, main)
    assert (dated.start, dated.end) == ("1986-04-01", "1986-04-07")


def test_a_year_ago_without_a_period_noun_after_it_is_the_plain_year_ago() -> None:
    assert [p.text for p in find_periods("exports were 4,100 tonnes a year ago in Chile", PUBLISHED)] == ["a year ago"]
