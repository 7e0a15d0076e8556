"""The periods trade figures cover, as the text words them and as ISO dates.

Newswire dates its figures by period, not by day: "the week ended April 7", "1986/87",
"the first quarter", "January", "calendar 1986", "Jan/Feb 1987", "from March 1 to Saturday".
A period without a year is anchored on the article's published date (the latest such period
that has begun by then); a comparison period ("the previous week", "a year earlier") is
anchored on the period of the figure it is compared with. The days each kind of period
stands for are reckoned in ``period_dates``.

>>> p = find_periods("in the week ended April 7", "1987-04-09")[0]
>>> (p.text, p.start, p.end)
('the week ended April 7', '1987-04-01', '1987-04-07')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.period_dates import add_months, add_years, dates_of, month_end, published_day


@dataclass(frozen=True)
class Period:
    """A period named in a text: its words, its first and last day (ISO, when known) and
    where it is (character offsets into the text searched)."""

    text: str
    start: str | None
    end: str | None
    start_char: int
    end_char: int
    # "a year earlier": dated from the period of the figure it is compared with.
    shift: tuple[str, int] | None = None


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    dates, data = lexicon("dates"), lexicon("periods")
    month = "(?:" + "|".join(sorted(dates["months"], key=len, reverse=True)) + r")\.?"
    weekday = "(?:" + "|".join(sorted(dates["weekdays"], key=len, reverse=True)) + ")"
    ordinal = "(?:" + "|".join(data["ordinals"]) + ")"
    count = "(?:" + "|".join(data["counts"]) + r"|\d{1,2})"
    year = r"(?:19|20)\d\d"
    split = rf"{year}\s?[/-]\s?(?:\d\d|{year})\b"
    yw = "(?:" + "|".join(data["year_words"]) + ")"
    accord = "(?:agreement|accord|pact|contract)"
    day = rf"{month}\s\d{{1,2}}\b(?:,?\s{year})?"
    # a range's joint: "to", "through", a hyphen spaced or not ("March 1-7", "November 25-December 10")
    to = r"(?:,?\s(?:to|until|through|and)\s|(?<!\d\d\d\d)\s?-\s?|/)"
    window = rf"{month}\s\d{{1,2}}(?:\s?-\s?|/)(?:{month}\s)?\d{{1,2}}\b"
    phrases = sorted((*data["relative"], *data["shifted"]), key=len, reverse=True)
    # "a\nyear ago", "year-to-date" too
    relative = "|".join(re.escape(p).replace("\\ ", r"[\s-]") for p in phrases)
    parts = [
        # "a year from March 1", "12 months from March 1", "the three years from 1986/87"
        # ("the year started March 1", "the year beginning July 1": the year from that day)
        rf"(?P<lasting>(?:(?:the\s)?(?:a|an|{count})\s(?:years?|months?|weeks?)|the\syear)\s"
        rf"(?:from|starting|beginning|started|begun|that\sstarted|that\sbegan|which\sstarted|which\sbegan)\s"
        rf"(?:{day}|{split}|{year}|{month}(?:,?\s{year})?))",
        # "the year to September 1986", "the 12 months ended March": the months up to the one named
        rf"(?P<upto>(?:the\s)?(?:year|(?:{count})\smonths)\s(?:to|ended|ending)\s{month}(?:\s\d{{1,2}}\b)?"
        rf"(?:,?\s{year})?)",
        # "the week ended April 7", "the eight days ending last Sunday"
        rf"(?P<ended>(?:the\s)?(?:(?:{count})\s)?(?:week|weeks|days|month|fortnight|period)\s"
        rf"end(?:ed|ing)\s(?:(?:last\s)?{weekday}|{day}))",
        # "the first 25 days of March": a month's opening days
        rf"(?P<days>(?:the\s)?first\s{count}\sdays\sof\s{month}(?:,?\s{year})?)",
        # "the first quarter of 1987", "the first two months of 1987", "the first half"
        rf"(?P<part>(?:the\s)?{ordinal}\s(?:quarter|half|(?:{count})\smonths?)"
        # ("the first half of fiscal 1986/87": a split year's part, named, not dated)
        rf"(?:\sof\s(?:the\s)?(?:(?:{yw}\s)?{split}(?:\s(?:year|season|crop|campaign))?|{year}|{yw}\syear|year)|\s(?:of\s)?(?:last|this)\syear|\s{year})?)",
        # "the fourth year of the agreement, which ends this September 30": an agreement's
        # year, dated by the day it ends where the text gives it
        # "the fourth year of the agreement, which ends this September 30", "the third
        # agreement year -- which began October 1, 1986 --": an agreement's year, dated by
        # the day it ends or begins where the text gives it
        # ("the third year of the U.S.-USSR grains agreement": the accord may be named)
        rf"(?P<accord>(?:the\s)?{ordinal}\s(?:year\sof\sthe\s(?:[\w.\-]+\s){{0,3}}?{accord}|{accord}\syear)"
        rf"(?:(?:,|\s--)\swhich\s(?:ends|ended|expires|began|begins|started)\s(?:this\s|next\s)?{day})?)",
        # "the third week", "the fourth week of February"
        rf"(?P<week>(?:the\s)?{ordinal}\sweek(?:\sof\s{month}(?:,?\s{year})?)?)",
        # "for September 1-15 and November 5-20 delivery", "September 5-20/September 10-25":
        # delivery windows joined, one period from the first window's day to the last's
        rf"(?P<windows>{window}(?:\sand\s|/){window})",
        # "from March 1 to Saturday", "March 1 to April 4", "July 1/February 13", "July 1, 1986, to March 1, 1987"
        rf"(?P<range>(?:from\s|between\s)?{day}{to}(?:{day}|{weekday}|\d{{1,2}}\b))",
        # "1986/87", "the 1986/87 season", "October/September 1986/87"
        rf"(?P<split>(?:(?:{month}/{month})\s)?{split}(?:\s\({month}\s?[-/]\s?{month}\))?"
        rf"(?:\s(?:{yw}\s)?(?:year|season|crop|campaign))?(?:,?\s(?:ended|ending)\s{day})?)",
        # "Jan/Feb 1987", "November to April"
        rf"(?P<months>(?:(?:late|early|mid)[-\s])?{month}\s?(?:/|-|to)\s?(?:(?:late|early|mid)[-\s])?{month}(?:,?\s{year})?)",
        # "in January and February": two months together, not the end of a list of months
        rf"(?P<pair>(?<!,\s){month}\sand\s{month}(?!\s\d{{1,2}}\b)(?:,?\s{year})?)",
        rf"(?P<day>{day})",
        # "the late 1970s", "the 1980s": an era, named and not dated (its bounds are loose)
        r"(?P<decade>(?:the\s)?(?:(?:early|mid|late)[-\s])?(?:19|20)\d0s)",
        # "calendar 1986", "fiscal 1987", "the 1986 crop", "January 1987", "January"
        rf"(?P<year>(?:(?:{yw})\s)?{year}(?:\s(?:crop|season|harvest))?)",
        rf"(?P<month>{month}(?:,?\s{year}|\s(?:last|this)\syear)?)",
        # "the next three months", "the coming weeks", "the next few months": from the day on
        rf"(?P<ahead>the\s(?:next|coming)\s(?:(?:{count}|few|several)\s)?(?:days|weeks|months|years))",
        rf"(?P<relative>{relative})",
    ]
    return re.compile(r"(?<![\w/])(?:" + "|".join(parts) + r")(?![\w/])", re.IGNORECASE)


def find_periods(text: str, published: str | None) -> list[Period]:
    """Every period named in ``text``, in text order; a month misspelt by a swapped or
    changed letter ("Jnauary", "Apirl") is read as the month but keeps its own words."""
    return list(_periods(text, published))


# Rules of one article read the same sentence's periods again (the opening's, for its season
# and for its period; a sentence's, for each of its figures): the last few texts are kept.
@lru_cache(maxsize=64)
def _periods(text: str, published: str | None) -> tuple[Period, ...]:
    base = published_day(published)
    found = []
    mended = _mend_months(text)
    for m in _pattern().finditer(mended):
        kind = m.lastgroup or ""
        words = re.sub(r"\s", " ", m.group(0))  # a line break inside is a space (same length)
        if words.endswith(".") and (re.split(r"[\s-]", words[:-1])[-1].lower() in _FULL_MONTHS
                                    or _sentence_ends_after(mended, m.start() + len(words))):
            # "in January.", "in July-September.", "in Jan/Sept." end the sentence: the dot is no part of the name
            words = words[:-1]
        if kind == "month" and not _month_word(words) and not _month_slot(mended, m.start(), m.end()):
            continue  # "may", "march" as verbs, "dec" in a code
        if kind == "relative" and words.lower() == "the week" and _WEEK_NAMED.match(mended, m.end()):
            continue  # "the week to March 5", "the week of March 2": the day after it names the week
        start, end, shift = dates_of(kind, words, base, published)
        if kind == "accord" or kind == "split" and re.search(r",\s(?:ended|ending)\s", words):
            # the clause that dates it is no part of its name ("1986/87, ending March 31")
            words = re.split(r",|\s--", words)[0]
        # "last year's level of 320,000 tonnes": the period is last year
        words = re.sub(r"(?i)['\u2019]s(?:\s+level)?$", "", words)
        words = re.sub(r"\s", " ", text[m.start() : m.start() + len(words)])  # as written
        found.append(Period(text=words, start=start, end=end, start_char=m.start(), end_char=m.start() + len(words),
                            shift=shift))
    return tuple(found)


_WEEK_NAMED = re.compile(r"\s+(?:to|of|through|from|beginning|starting|that)\b", re.IGNORECASE)
_FULL_MONTHS = frozenset(calendar.month_name[1:]) | frozenset(m.lower() for m in calendar.month_name[1:])


def _sentence_ends_after(text: str, end: int) -> bool:
    """Nothing but the end of the text or a new sentence follows ``end``."""
    rest = text[end:].lstrip()
    return not rest or rest[0].isupper() or rest[0] in "\"'("


def _mend_months(text: str) -> str:
    """``text`` with each capitalized word that a swap of two neighbouring letters turns into
    a month's name, or a change of one letter into a long month's ("Jnauary", "Apirl",
    "Novenber"), spelt right; the same length, so offsets hold. A short month one changed
    letter away is a name as often ("Marsh", "Jane") and is left alone."""
    def mend(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        for month in _MONTH_NAMES:
            if len(month) != len(low) or month == low:
                continue
            diff = [i for i, (a, b) in enumerate(zip(low, month)) if a != b]
            swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and low[diff[0]] == month[diff[1]] \
                and low[diff[1]] == month[diff[0]]
            if swapped or (len(diff) == 1 and len(month) >= 7 and diff[0] > 0):
                return month.capitalize()
        return word
    return re.sub(r"\b[A-Z][a-z]{4,8}\b", mend, text)


_MONTH_NAMES = tuple(m.lower() for m in calendar.month_name[1:])


def _month_slot(text: str, start: int, end: int) -> bool:
    """ "for May shipment", "in May": a capitalized "May" where only a month goes."""
    word = text[start:end]
    before = text[max(0, start - 7) : start].lower().split()
    after = text[end : end + 12].lower().split()
    return word[:1].isupper() and (bool(before) and before[-1] in ("in", "for", "during", "since", "until", "from")
                                   or bool(after) and after[0].strip(".,") in ("shipment", "delivery", "shipments", "arrival", "loading"))


def _month_word(words: str) -> bool:
    # A bare month is a month only when capitalized, and "May" only with a year.
    first = words.split()[0]
    if not first[0].isupper():
        return False
    return first.lower().strip(".") != "may" or len(words.split()) > 1


def anchor_on(period: Period, reference: Period | None) -> Period:
    """A comparison period dated from the period it is compared with: "the previous week"
    after "the week ended April 7" is March 25-31."""
    if period.shift is None or reference is None or not (reference.start and reference.end):
        return period  # with no period to compare with, "a year earlier" is last year
    unit, n = period.shift
    start, end = date.fromisoformat(reference.start), date.fromisoformat(reference.end)
    if unit == "week":
        start, end = start + timedelta(weeks=n), end + timedelta(weeks=n)
    elif unit == "year":
        start, end = add_years(start, n), add_years(end, n)
    else:
        months = n * (3 if unit == "quarter" else 1)
        start = add_months(start, months)
        end = month_end(add_months(end.replace(day=1), months))
    return replace(period, start=start.isoformat(), end=end.isoformat())


def next_year(day: str | None) -> str | None:
    if not day:
        return day
    year, rest = day[:4], day[4:]
    return f"{int(year) + 1:04d}{rest}" if rest != "-02-29" else f"{int(year) + 1:04d}-02-28"


def not_over(period: Period | None, published: str | None) -> bool:
    """A forecast figure: for a period not yet over, or one the text does not date."""
    if period is None or not published:
        return True
    if period.end:
        return period.end >= published[:10]
    # "1986/87": a crop or fiscal year that ends in its second year
    last = re.findall(r"((?:19|20)\d\d)(?:\s?[/-]\s?(\d\d(?:\d\d)?))?", period.text)
    if not last:
        return True
    first, second = last[-1]
    end = int(first[:2] + second[-2:]) if second else int(first)
    return end >= int(published[:4])


def season_not_over(period: Period, published: str | None) -> bool:
    """ "from an estimated 300,000 in 1986/87" in a 1987 story: a crop year not yet over is
    still estimated, so a forecast's comparison for it is one too."""
    return period.start is None and "/" in period.text and published is not None and not_over(period, published)


def in_future(period: Period, published: str | None) -> bool:
    return bool(period.start and published and period.start > published[:10])
