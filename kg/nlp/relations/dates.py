"""Dates in news text, resolved against the article's publication date.

"on Sunday", "as of Saturday", "since April 1", "last week", "yesterday" only mean a day when
the article's date is known; absolute dates ("April 5, 2020", "2020-04-05") always do.

>>> resolve_date("Sunday", "2020-04-06")
'2020-04-05'
>>> resolve_date("since April 1", "2020-04-06")
'2020-04-01'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache
from weakref import WeakKeyDictionary

from spacy.attrs import LOWER, SHAPE
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.nlp.datafiles import rule_data
from kg.nlp.matcher_sets import quick_set_tests

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_AGO = re.compile(r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (day|week)s? ago$")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
# Prepositions that end a range: "from March 1 to Saturday" is reported by its end.
_RANGE_ENDS = ("to", "until", "till", "through", "-")


def _published(published: str | None) -> date | None:
    if not published:
        return None
    m = _ISO.match(published.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_back(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve_date(text: str, published: str | None = None) -> str | None:
    """The ISO date (or ``YYYY-MM``, ``YYYY``) an expression denotes, or None."""
    data = rule_data("dates")
    base = _published(published)
    phrase = " ".join(text.lower().replace(",", " ").split())
    for prep in sorted(data["anchor_preps"], key=len, reverse=True):
        if phrase.startswith(prep + " "):
            phrase = phrase[len(prep) + 1 :]
            break
    if phrase.startswith("the "):
        phrase = phrase[4:]
    for end in _RANGE_ENDS:  # a range is reported by its end
        if f" {end} " in phrase:
            phrase = phrase.rsplit(f" {end} ", 1)[1]
    if m := _ISO.match(phrase):
        return phrase[:10]
    if phrase in data["relative_days"]:
        return (base + timedelta(days=data["relative_days"][phrase])).isoformat() if base else None
    if phrase in data["relative_periods"] and base:
        delta = data["relative_periods"][phrase]
        unit = phrase.split()[-1]
        if unit == "week":
            return (base + timedelta(days=delta)).isoformat()
        if unit == "month":
            return _month_back(base, delta // 30)
        return f"{base.year + delta // 365:04d}"
    if (m := _AGO.match(phrase)) and base:
        n = int(m.group(1)) if m.group(1).isdecimal() else _SMALL[m.group(1)]
        return (base - timedelta(days=n * (7 if m.group(2) == "week" else 1))).isoformat()
    words = phrase.split()
    if not words:
        return None
    if len(words) == 1 and words[0].strip(".") in data["weekdays"]:
        if base is None:
            return None
        wanted = data["weekdays"][words[0].strip(".")]
        return (base - timedelta(days=(base.weekday() - wanted) % 7)).isoformat()
    return _calendar(words, data["months"], base)


def _calendar(words: list[str], months: dict[str, int], base: date | None) -> str | None:
    month = day = year = None
    for word in words:
        word = word.strip(".")
        if word in months and month is None:
            month = months[word]
        elif _YEAR.match(word):
            year = int(word)
        elif (m := _DAY.match(word)) and day is None:
            day = int(m.group(1))
    if month is None:
        return f"{year:04d}" if year and len(words) == 1 else None
    if year is None:
        if base is None:
            return None
        year = base.year
        if day is not None and date(year, month, min(day, 28)) > base + timedelta(days=7):
            year -= 1  # "April 1" in a January article is last year's
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_matcher(vocab: Vocab) -> Matcher:
    """Date expressions: weekdays, calendar dates, months, relative days and weeks."""
    data = rule_data("dates")
    months = list(data["months"])
    weekdays = list(data["weekdays"])
    matcher = Matcher(vocab)
    day = {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(19|20)\d{2}$"}}
    month = {"LOWER": {"IN": months}, "IS_TITLE": True}
    matcher.add("DATE", [
        [{"LOWER": {"IN": weekdays}, "IS_TITLE": True}],
        [month, day, {"ORTH": ",", "OP": "?"}, year],
        [month, day],
        [day, month, year],
        [day, month],
        [month, year],
        [{"TEXT": {"REGEX": r"^\d{4}-\d{2}-\d{2}$"}}],
        [{"LOWER": {"IN": [w for w in data["relative_days"] if " " not in w]}}],
        [{"LOWER": {"IN": ["last", "this", "next"]}}, {"LOWER": {"IN": ["week", "month", "year"]}}],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": ["day", "days", "week", "weeks"]}}, {"LOWER": "ago"}],
    ], greedy="LONGEST")  # fmt: skip
    return quick_set_tests(matcher)


@lru_cache(maxsize=1)
def _needed_words() -> frozenset[int]:
    """Every pattern of ``date_matcher`` holds one of these words (as hashes of their lower
    case), or a word shaped as an ISO date: a weekday, a month, a relative day, the unit of
    "last week" or the "ago" of "two days ago"."""
    data = rule_data("dates")
    words = {*data["months"], *data["weekdays"], *(w for w in data["relative_days"] if " " not in w),
             "week", "month", "year", "ago"}
    return frozenset(get_string_id(w) for w in words)


# What "2020-04-05" and every other word the ISO pattern accepts look like (spaCy's SHAPE).
_ISO_SHAPE = get_string_id("dddd-dd-dd")
_NEEDED_AT: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


def _needed_positions(doc: Doc) -> list[int]:
    """Where ``doc`` has a word some date pattern needs, in text order (read once per Doc)."""
    found = _NEEDED_AT.get(doc)
    if found is None:
        needed = _needed_words()
        found = _NEEDED_AT[doc] = [i for i, (lower, shape) in enumerate(doc.to_array([LOWER, SHAPE]).tolist())
                                   if lower in needed or shape == _ISO_SHAPE]
    return found


def may_name_date(sent: Span | Doc) -> bool:
    """Whether ``sent`` holds a word some date pattern needs: a sentence without one names
    no date (found from the words' hashes, no Token made)."""
    doc = sent if isinstance(sent, Doc) else sent.doc
    start, end = (0, len(doc)) if sent is doc else (sent.start, sent.end)
    positions = _needed_positions(doc)
    first = bisect_left(positions, start)
    return first < len(positions) and positions[first] < end


def date_spans(sent: Span | Doc, *, matcher: Matcher) -> list[Span]:
    """Date expressions of a sentence (or Doc), longest first where they overlap."""
    # Most sentences hold no word a date needs: the Matcher, which makes a Token of every
    # word and tests every pattern at each, is run only on those that do.
    if not may_name_date(sent):
        return []
    doc = sent if isinstance(sent, Doc) else sent.doc
    spans = [doc[s:e] for _, s, e in matcher(sent, as_spans=False)]
    if isinstance(sent, Span):
        spans = [doc[s.start + sent.start : s.end + sent.start] for s in spans]
    return sorted(spans, key=lambda s: s.start)


def anchored_date(
    anchor: Token, published: str | None, *, matcher: Matcher, within: set[int] | None = None
) -> str | None:
    """The date the clause of ``anchor`` (a verb or noun) is about, when its sentence says one.

    A date inside the anchor's own subtree wins; a range is reported by its end. With
    ``within``, only dates whose tokens all lie in that set of token indices count.
    """
    spans = date_spans(anchor.sent, matcher=matcher)
    if within is not None:
        spans = [s for s in spans if all(t.i in within for t in s)]
    if not spans:
        return None
    inside = [s for s in spans if anchor.left_edge.i <= s.start and s.end <= anchor.right_edge.i + 1]
    chosen = (inside or spans)[-1] if _is_range(inside or spans) else (inside or spans)[0]
    return resolve_date(chosen.text, published)


def _is_range(spans: list[Span]) -> bool:
    if len(spans) < 2:
        return False
    between = spans[-1].doc[spans[-2].end : spans[-1].start]
    return len(between) == 1 and between[0].lower_ in _RANGE_ENDS
