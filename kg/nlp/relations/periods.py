"""The periods trade figures cover, as the text words them and as ISO dates.

Newswire dates its figures by period, not by day: "the week ended April 7", "1986/87",
"the first quarter", "January", "calendar 1986", "Jan/Feb 1987", "from March 1 to Saturday".
A period without a year is anchored on the article's published date (the latest such period
that has begun by then); a comparison period ("the previous week", "a year earlier") is
anchored on the period of the figure it is compared with.

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
from kg.nlp.relations.dates import resolve_date


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
    base = _day(published)
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
        start, end, shift = _dates(kind, words, base, published)
        if kind == "accord" or kind == "split" and re.search(r",\s(?:ended|ending)\s", words):
            # the clause that dates it is no part of its name ("1986/87, ending March 31")
            words = re.split(r",|\s--", words)[0]
        # "last year's level of 320,000 tonnes": the period is last year
        words = re.sub(r"(?i)['\u2019]s(?:\s+level)?$", "", words)
        words = re.sub(r"\s", " ", text[m.start() : m.start() + len(words)])  # as written
        found.append(Period(text=words, start=start, end=end, start_char=m.start(), end_char=m.start() + len(words),
                            shift=shift))
    return tuple(found)


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
        start, end = _add_years(start, n), _add_years(end, n)
    else:
        months = n * (3 if unit == "quarter" else 1)
        start = _add_months(start, months)
        end = _month_end(_add_months(end.replace(day=1), months))
    return replace(period, start=start.isoformat(), end=end.isoformat())


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _dates(kind: str, words: str, base: date | None, published: str | None
           ) -> tuple[str | None, str | None, tuple[str, int] | None]:  # fmt: skip
    data, months = lexicon("periods"), lexicon("dates")["months"]
    low = " ".join(words.lower().replace(",", " ").split())
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", low)]
    if kind == "relative":
        if low not in data["shifted"] and low not in data["relative"]:
            low = low.replace("-", " ")  # "year-to-date"
        if low in data["shifted"]:
            unit, n = data["shifted"][low]
            # dated from the article's day until a figure's period replaces it (anchor_on)
            start, end = _relative(unit, n, base) if unit != "quarter" else (None, None)
            return start, end, (unit, n)
        unit, n = data["relative"][low]
        return (*_relative(unit, n, base), None)
    if kind == "ended":
        last = resolve_date(re.split(r"end(?:ed|ing)\s", low)[1].removeprefix("last "), published)
        if last is None or len(last) != 10:
            return None, None, None
        end = date.fromisoformat(last)
        days = _days_ending(low)
        return (end - timedelta(days=days - 1)).isoformat(), end.isoformat(), None
    if kind == "upto":
        return (*_up_to(low, years, base), None)
    if kind == "part":
        if re.search(r"\d/\d", low):
            return None, None, None  # a crop or fiscal year's months depend on whose year it is
        return (*_part(low, years, base), None)
    if kind == "lasting":
        return (*_lasting(low, published), None)
    if kind == "accord":
        day = resolve_date(re.split(r"(?:ends|ended|expires|began|begins|started)\s(?:this\s|next\s)?", low)[-1],
                           published) if "which" in low else None
        if day is None or len(day) != 10:
            return None, None, None
        if re.search(r"\b(?:began|begins|started)\s", low):  # "which began October 1, 1986"
            start = date.fromisoformat(day)
            return start.isoformat(), (_add_years(start, 1) - timedelta(days=1)).isoformat(), None
        end = date.fromisoformat(day)
        if base is not None and end < base and re.search(r"\b(?:this|next)\s", low):
            end = _add_years(end, 1)  # "which ends this September 30": the coming one
        return (_add_years(end, -1) + timedelta(days=1)).isoformat(), end.isoformat(), None
    if kind == "week":
        return (*_week(low, years, base), None)
    if kind == "ahead":
        return (*_ahead(low, base), None)
    if kind == "windows":
        first, last = re.split(r"\sand\s|/(?=[a-z])", low, maxsplit=1)
        return _dates("range", first, base, published)[0], _dates("range", last, base, published)[1], None
    if kind == "range":
        first, _, last = re.sub(r"^(from|between)\s", "", low).partition(
            next(s for s in (" to ", " until ", " through ", " and ", " - ", "/", "-") if s in low))
        start = resolve_date(first, published)
        if last.strip().isdigit():  # "March 1-7": the month is the first one's
            last = first.split()[0] + " " + last
        end = resolve_date(last, published)
        start, end = (start if start and len(start) == 10 else None,
                      end if end and len(end) == 10 else None)  # fmt: skip
        if start and end and end < start and not re.search(r"\b(?:19|20)\d\d\b", last):
            # "from January 1 to June 30" in a March story: each day alone is taken as the
            # latest one past, but a range runs forward, so its yearless end is the next one
            end = _add_years(date.fromisoformat(end), 1).isoformat()
        return start, end, None
    if kind == "split":
        # crop and fiscal years start in different months by commodity: dated only where the
        # text gives the last day ("the 1985/86 wheat year ended September 30")
        m = re.search(r"((?:19|20)\d\d)\s?[/-]\s?(\d\d(?:\d\d)?).*end(?:ed|ing)\s(\w+)\.?\s(\d{1,2})", low)
        if m and m.group(3).strip(".") in months:
            year = int(m.group(1)[:2] + m.group(2)[-2:])
            try:
                end = date(year, months[m.group(3).strip(".")], int(m.group(4)))
            except ValueError:
                return None, None, None
            return (_add_years(end, -1) + timedelta(days=1)).isoformat(), end.isoformat(), None
        return None, None, None
    if kind in ("months", "pair"):
        names = [w.strip(".") for w in re.split(r"[\s/-]+", low) if w.strip(".") in months]
        first, last = months[names[0]], months[names[-1]]
        year = years[0] if years else _latest_year(first, base)
        if year is None:
            return None, None, None
        end_year = year + 1 if last < first else year
        return date(year, first, 1).isoformat(), _month_end(date(end_year, last, 1)).isoformat(), None
    if kind == "days":
        return (*_opening_days(low, years, base), None)
    if kind == "day":
        day = resolve_date(low, published)
        return (day, day, None) if day and len(day) == 10 else (None, None, None)
    if kind == "year":
        if not years:
            return None, None, None
        return f"{years[0]}-01-01", f"{years[0]}-12-31", None
    if kind == "month":
        number = months[low.split()[0].strip(".")]
        year = years[0] if years else _latest_year(number, base)
        if not years and base is not None and low.endswith(("last year", "this year")):
            year = base.year - (1 if low.endswith("last year") else 0)
        if year is None:
            return None, None, None
        return date(year, number, 1).isoformat(), _month_end(date(year, number, 1)).isoformat(), None
    return None, None, None


def _days_ending(low: str) -> int:
    """How many days "the week ended ...", "the four weeks ended ...", "the eight days
    ending ..." or "the fortnight ended ..." count."""
    if "fortnight" in low:
        return 14
    m = re.match(r"(?:the\s)?(\w+)\s(weeks|days)\s", low)
    n = _count(m.group(1)) if m else None
    if m is None or n is None:
        return 7  # "the week ended", "the period ended"
    return n * 7 if m.group(2) == "weeks" else n


def _up_to(low: str, years: list[int], base: date | None) -> tuple[str | None, str | None]:
    """ "the year to September 1986": the twelve months that end with September 1986 (or on
    the day named, "the year ended March 31"); "the six months to March" the six that do.
    Without a year, the last such month (or day) that is over by the article's date."""
    amount, rest = re.match(r"(?:the\s)?(year|\w+\smonths)\s(?:to|ended|ending)\s(.+)", low).groups()
    n = 12 if amount == "year" else _count(amount.split()[0])
    month = lexicon("dates")["months"][rest.split()[0].strip(".")]
    day = re.match(r"\S+\s(\d{1,2})\b", rest)
    last_day = int(day.group(1)) if day else None
    if years:
        year = years[0]
    elif base is not None:
        over = (month, last_day) < (base.month, base.day) if last_day else month < base.month
        year = base.year if over else base.year - 1
    else:
        return None, None
    if n is None:
        return None, None
    try:
        end = date(year, month, last_day) if last_day else _month_end(date(year, month, 1))
    except ValueError:
        return None, None
    return _add_months(end + timedelta(days=1), -n).isoformat(), end.isoformat()


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else lexicon("periods")["counts"].get(word)


def _lasting(low: str, published: str | None) -> tuple[str | None, str | None]:
    """ "a year from March 1", "six months from January 1986": from the day or month named,
    for as long as the words say; a crop year ("the three years from 1986/87") starts in a
    month the words do not give."""
    amount, unit, opening = re.match(r"(?:the\s)?(\w+)\s(year|month|week)s?\s(?:that\s|which\s)?\w+\s(.+)", low).groups()
    n = 1 if amount in ("a", "an", "the") else int(amount) if amount.isdigit() else lexicon("periods")["counts"][amount]
    if re.search(r"\d\s?[/-]\s?\d", opening):
        return None, None
    first = resolve_date(opening, published)
    if first is None or len(first) != 10:
        kind = "year" if re.fullmatch(r"(?:19|20)\d\d", opening) else "month"
        first = _dates(kind, opening, _day(published), published)[0]
        if first is None:
            return None, None
    start = date.fromisoformat(first)
    if unit == "week":
        after = start + timedelta(weeks=n)
    else:
        after = _add_months(start, n * (12 if unit == "year" else 1))
    return start.isoformat(), (after - timedelta(days=1)).isoformat()


def _relative(unit: str, n: int, base: date | None) -> tuple[str | None, str | None]:
    if base is None or unit == "season":
        return None, None  # "the current season": its months depend on the goods
    if unit == "year":
        return f"{base.year + n}-01-01", f"{base.year + n}-12-31"
    if unit == "ytd":
        return f"{base.year}-01-01", base.isoformat()
    if unit == "day":
        return base.isoformat(), base.isoformat()
    if unit == "month":
        first = _add_months(base.replace(day=1), n)
        return first.isoformat(), _month_end(first).isoformat()
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=n)
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat()


def _ahead(low: str, base: date | None) -> tuple[str | None, str | None]:
    """ "the next three months": from the article's day on, to the end of the span when it
    is counted ("the next few months" has no end)."""
    if base is None:
        return None, None
    words = low.split()
    counts = lexicon("periods")["counts"]
    number = next((counts.get(w) or int(w) for w in words[2:-1] if w in counts or w.isdigit()), None)
    unit = words[-1]
    if number is None:
        return base.isoformat(), None
    if unit == "days":
        end = base + timedelta(days=number)
    elif unit == "weeks":
        end = base + timedelta(weeks=number)
    else:
        end = _add_months(base, number * (12 if unit == "years" else 1))
    return base.isoformat(), end.isoformat()


def _part(low: str, years: list[int], base: date | None) -> tuple[str | None, str | None]:
    """ "the first quarter", "the first two months of 1987", "the second half of last year"."""
    data = lexicon("periods")
    words = low.split()
    ordinal = next(data["ordinals"][w] for w in words if w in data["ordinals"])
    number = next((data["counts"].get(w) or int(w) for w in words[1:]
                   if w in data["counts"] or w.isdigit()), 1)  # fmt: skip
    size = 3 if "quarter" in low else 6 if "half" in low else number
    if ("last" in words[:2] or "final" in words) and "quarter" not in low and "half" not in low:
        return None, None  # "the last two months": counted back from a date not given
    first_month = (ordinal - 1) * size + 1 if ("quarter" in low or "half" in low) else 1
    if first_month > 12:
        return None, None
    if years:
        year = years[0]
    elif base is None:
        return None, None
    elif "last year" in low:
        year = base.year - 1
    elif "this year" in low:
        year = base.year
    else:
        year = base.year if date(base.year, first_month, 1) <= base else base.year - 1
    start = date(year, first_month, 1)
    end = _month_end(_add_months(start, size - 1))
    return start.isoformat(), end.isoformat()


def _opening_days(low: str, years: list[int], base: date | None) -> tuple[str | None, str | None]:
    """ "the first 25 days of March": from the month's first day to its 25th."""
    data, months = lexicon("periods"), lexicon("dates")["months"]
    words = low.split()
    month = next(months[w.strip(".")] for w in words if w.strip(".") in months)
    number = next(data["counts"].get(w) or int(w) for w in words if w in data["counts"] or w.isdigit())
    year = years[0] if years else _latest_year(month, base)
    if year is None or number < 1:
        return None, None
    start = date(year, month, 1)
    return start.isoformat(), min(start + timedelta(days=number - 1), _month_end(start)).isoformat()


def _week(low: str, years: list[int], base: date | None) -> tuple[str | None, str | None]:
    """ "the fourth week of February": days 22-28 of the month; a week of no month named
    is not dated."""
    data, months = lexicon("periods"), lexicon("dates")["months"]
    words = low.split()
    month = next((months[w.strip(".")] for w in words if w.strip(".") in months), None)
    ordinal = next(data["ordinals"][w] for w in words if w in data["ordinals"])
    year = years[0] if years else _latest_year(month, base) if month else None
    if month is None or year is None or "last" in words or "final" in words:
        return None, None
    start = date(year, month, 1) + timedelta(weeks=ordinal - 1)
    return start.isoformat(), min(start + timedelta(days=6), _month_end(start)).isoformat()


def _latest_year(month: int, base: date | None) -> int | None:
    """The year of the latest ``month`` that has begun by the article's date."""
    if base is None:
        return None
    return base.year if month <= base.month else base.year - 1


def _add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _add_years(day: date, n: int) -> date:
    try:
        return day.replace(year=day.year + n)
    except ValueError:  # 29 February
        return day.replace(year=day.year + n, day=28)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


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
