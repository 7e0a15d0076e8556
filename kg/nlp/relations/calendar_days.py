"""Days of the month in a flow clause: "ending March 31", "to January 31, 1987", "from 1
April". A date's day is no figure of the flow; read as one, it ends the clause's reading
before the comparison that follows it ("estimated at 42,000 tonnes in fiscal 1986/87,
ending March 31, against 61,000 tonnes in 1985/86" lost the 61,000).

The periods the flow rules date already guard their own tokens; a date in a clause that
only bounds a period ("ending March 31") is not always among them, so the day is told by
its month name beside it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.datafiles import rule_data


def _month(doc: Doc, i: int) -> bool:
    """A month's name, as written in a date: capitalised ("may" is more often the verb)."""
    if not 0 <= i < len(doc):
        return False
    word = doc[i]
    return word.text[:1].isupper() and word.lower_.rstrip(".") in rule_data("dates")["months"]


def day_of_month(doc: Doc, i: int) -> bool:
    """Token ``i`` may be the day of a date: a whole number from 1 to 31 right after a
    month's name ("March 31") or right before one ("31 March"). A unit after it still makes
    it a figure ("in March 20 tonnes"): the caller, which reads units, checks that."""
    word = doc[i]
    if not word.text.isdecimal() or not 1 <= int(word.text) <= 31:
        return False
    return _month(doc, i - 1) or _month(doc, i + 1)
