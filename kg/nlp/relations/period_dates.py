"""The first and last day (ISO) a period's words stand for, by the kind of period the
pattern in ``periods`` read: "the week ended April 7", "1986/87", "the first quarter",
"Jan/Feb 1987", "from March 1 to Saturday", "the previous week" (a shift ``anchor_on``
dates later). A period without a year is the latest one that has begun by the article's
published date. Reads the periods and dates lexicons.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.dates import resolve_date


def published_day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def dates_of(kind: str, words: str, base: date | None, published: str | None
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
            return start.isoformat(), (add_years(start, 1) - timedelta(days=1)).isoformat(), None
        end = date.fromisoformat(day)
        if base is not None and end < base and re.search(r"\b(?:this|next)\s", low):
            end = add_years(end, 1)  # "which ends this September 30": the coming one
        return (add_years(end, -1) + timedelta(days=1)).isoformat(), end.isoformat(), None
    if kind == "week":
        return (*_week(low, years, base), None)
    if kind == "ahead":
        return (*_ahead(low, base), None)
    if kind == "windows":
        first, last = re.split(r"\sand\s|/(?=[a-z])", low, maxsplit=1)
        return dates_of("range", first, base, published)[0], dates_of("range", last, base, published)[1], None
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
            end = add_years(date.fromisoformat(end), 1).isoformat()
        if start and end and re.search(r"\b(?:19|20)\d\d\b", last) and not re.search(r"\b(?:19|20)\d\d\b", first):
            # "between March 24 and August 31, 1987": the year written once, at the end, is
            # the range's; its yearless start is the latest such day up to the end
            year_end = date.fromisoformat(end)
            day = date.fromisoformat(start).replace(year=year_end.year) if start[5:] != "02-29" else None
            if day is not None:
                start = (day if day <= year_end else add_years(day, -1)).isoformat()
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
            return (add_years(end, -1) + timedelta(days=1)).isoformat(), end.isoformat(), None
        return None, None, None
    if kind in ("months", "pair"):
        names = [w.strip(".") for w in re.split(r"[\s/-]+", low) if w.strip(".") in months]
        first, last = months[names[0]], months[names[-1]]
        year = years[0] if years else _latest_year(first, base)
        if year is None:
            return None, None, None
        end_year = year + 1 if last < first else year
        return date(year, first, 1).isoformat(), month_end(date(end_year, last, 1)).isoformat(), None
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
        return date(year, number, 1).isoformat(), month_end(date(year, number, 1)).isoformat(), None
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
        end = date(year, month, last_day) if last_day else month_end(date(year, month, 1))
    except ValueError:
        return None, None
    return add_months(end + timedelta(days=1), -n).isoformat(), end.isoformat()


def _count(word: str) -> int | None:
    return int(word) if word.isdecimal() else lexicon("periods")["counts"].get(word)


def _lasting(low: str, published: str | None) -> tuple[str | None, str | None]:
    """ "a year from March 1", "six months from January 1986": from the day or month named,
    for as long as the words say; a crop year ("the three years from 1986/87") starts in a
    month the words do not give."""
    amount, unit, opening = re.match(r"(?:the\s)?(\w+)\s(year|month|week)s?\s(?:that\s|which\s)?\w+\s(.+)", low).groups()
    n = 1 if amount in ("a", "an", "the") else int(amount) if amount.isdecimal() else lexicon("periods")["counts"][amount]
    if re.search(r"\d\s?[/-]\s?\d", opening):
        return None, None
    first = resolve_date(opening, published)
    if first is None or len(first) != 10:
        kind = "year" if re.fullmatch(r"(?:19|20)\d\d", opening) else "month"
        first = dates_of(kind, opening, published_day(published), published)[0]
        if first is None:
            return None, None
    start = date.fromisoformat(first)
    if unit == "week":
        after = start + timedelta(weeks=n)
    else:
        after = add_months(start, n * (12 if unit == "year" else 1))
    return start.isoformat(), (after - timedelta(days=1)).isoformat()


def _relative(unit: str, n: int, base: date | None) -> tuple[str | None, str | None]:
    if base is None or unit in ("season", "report"):
        # "the current season": its months depend on the goods; "in the week": the week a
        # report covers, dated by its heading, not by the story's day
        return None, None
    if unit == "year":
        return f"{base.year + n}-01-01", f"{base.year + n}-12-31"
    if unit == "ytd":
        return f"{base.year}-01-01", base.isoformat()
    if unit == "day":
        return base.isoformat(), base.isoformat()
    if unit == "month":
        first = add_months(base.replace(day=1), n)
        return first.isoformat(), month_end(first).isoformat()
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=n)
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat()


def _ahead(low: str, base: date | None) -> tuple[str | None, str | None]:
    """ "the next three months": from the article's day on, to the end of the span when it
    is counted ("the next few months" has no end)."""
    if base is None:
        return None, None
    words = low.split()
    counts = lexicon("periods")["counts"]
    number = next((counts.get(w) or int(w) for w in words[2:-1] if w in counts or w.isdecimal()), None)
    unit = words[-1]
    if number is None:
        return base.isoformat(), None
    if unit == "days":
        end = base + timedelta(days=number)
    elif unit == "weeks":
        end = base + timedelta(weeks=number)
    else:
        end = add_months(base, number * (12 if unit == "years" else 1))
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
    end = month_end(add_months(start, size - 1))
    return start.isoformat(), end.isoformat()


def _opening_days(low: str, years: list[int], base: date | None) -> tuple[str | None, str | None]:
    """ "the first 25 days of March": from the month's first day to its 25th."""
    data, months = lexicon("periods"), lexicon("dates")["months"]
    words = low.split()
    month = next(months[w.strip(".")] for w in words if w.strip(".") in months)
    number = next(data["counts"].get(w) or int(w) for w in words if w in data["counts"] or w.isdecimal())
    year = years[0] if years else _latest_year(month, base)
    if year is None or number < 1:
        return None, None
    start = date(year, month, 1)
    return start.isoformat(), min(start + timedelta(days=number - 1), month_end(start)).isoformat()


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
    return start.isoformat(), min(start + timedelta(days=6), month_end(start)).isoformat()


def _latest_year(month: int, base: date | None) -> int | None:
    """The year of the latest ``month`` that has begun by the article's date."""
    if base is None:
        return None
    return base.year if month <= base.month else base.year - 1


def add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: date, n: int) -> date:
    try:
        return day.replace(year=day.year + n)
    except ValueError:  # 29 February
        return day.replace(year=day.year + n, day=28)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])
