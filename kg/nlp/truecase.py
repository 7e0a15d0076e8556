"""Stories written in the wrong case get their capitals back before the model reads them.

Some wire stories come written all in lower case ("the council of ministers approved
petroleos de venezuela's planned purchase ..."). The statistical model finds names by their
capitals, so it then finds almost none, and the whole story is lost: entities, trade facts,
statements. ``restore_case`` gives such a text its usual capitals:

- each word its usual form in running text (``truecase.tsv``, mined from Reuters TRAIN by
  ``bench/learn/truecase.py``: "venezuela" -> "Venezuela", "pdvsa" -> "PDVSA");
- kg's own gazetteers of countries, nationalities and known organizations, as whole names
  ("west germany" -> "West Germany", "petroleos mexicanos" -> "Petroleos Mexicanos");
- a capital at each sentence start.

Only the case of ASCII letters changes, so the text keeps its length and every character
offset: quotes, spans and provenance still point into the original text. A text of normal case
(the near totality) is returned as it is, the same object: ``case_is_lowered`` measures first.

>>> restore_case("the ministry said venezuela would ship crude to texas, mexico and canada.")[:61]
'The ministry said Venezuela would ship crude to Texas, Mexico'
>>> restore_case("The Ministry said Venezuela would supply crude.") == "The Ministry said Venezuela would supply crude."
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.nlp.datafiles import load
from kg.nlp.gazetteer import countries
from kg.nlp.lexicon import country_words, known_organizations

# A word: ASCII letters, dotted abbreviations kept whole ("u.s", "pdvsa"). ASCII only, so a
# change of case never changes the text's length.
WORD = re.compile(r"(?<![A-Za-z'\u2019])[A-Za-z]+(?:\.[A-Za-z]+)*")
# What may stand between a sentence's end and its first word: spaces, quotes, brackets.
_OPENERS = " \t\r\n\"'([\u201c\u2018"
_ENDS = ".!?"
# A text is read as lowered when at least this many words that running text capitalizes are
# written in lower case, and they are at least this share of those words. A normal story has
# none or one ("in the philippines" as a typo); a lowered one has nearly all of them lowered.
# Measured on Reuters TRAIN (bench/learn/truecase.py --measure lists the stories read so): the
# share is 1.0 in 34 stories and under 0.5 in all but a dozen (partly lowered stories and tables
# in lower case); 32 stories of 14,600 are read as lowered, each one written in lower case.
LEAST_LOWERED = 4
LOWERED_SHARE = 0.5
# Cheap first test: a normal story writes some 2-12 % of its letters as capitals; only a text
# with fewer is measured word by word.
_FEW_CAPITALS = 0.03
# A word is given its capital when running text capitalizes it this often: "lost petroleum
# revenues", "white products", "the banking community" stay in lower case (seen capitalized
# 73-81 % of the time, in names: "Champlin Petroleum", "European Community").
RESTORED_SHARE = 0.85
# A word counts as a name in that measure when running text capitalizes it this often.
PROPER_SHARE = 0.97


@lru_cache(maxsize=1)
def usual_forms() -> dict[str, str]:
    """Each word's usual form in running text, by its lower case, for words running text
    writes with a capital ("Venezuela", "PDVSA", "McDonald")."""
    return {row["form"].lower(): row["form"] for row in load("truecase.tsv")
            if float(row["capitalized"]) >= RESTORED_SHARE}


@lru_cache(maxsize=1)
def proper_words() -> frozenset[str]:
    """The words running text nearly always capitalizes ("venezuela", not "treasury" or
    "minister", which a normal story writes in lower case now and then)."""
    return frozenset(row["form"].lower() for row in load("truecase.tsv") if float(row["capitalized"]) >= PROPER_SHARE)


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a paragraph or the text."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        if text[i] == "\n" and (i + 1 < len(text) and text[i + 1] in " \t\n"):
            return True  # an indented or blank-line paragraph start
        i -= 1
    if i < 0:
        return True
    return text[i] in _ENDS and not _abbreviation_before(text, i)


def _abbreviation_before(text: str, dot: int) -> bool:
    # "u.s. exports", "st. louis": a period closing an abbreviation ends no sentence
    word = re.search(r"[A-Za-z.]+$", text[max(0, dot - 8):dot])
    return text[dot] == "." and word is not None and ("." in word.group() or len(word.group()) == 1)


def running_words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` that open no sentence."""
    for match in WORD.finditer(text):
        if not sentence_initial(text, match.start()):
            yield match


_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_CAPITALS + bytes(range(ord("a"), ord("z") + 1))


def letters_and_capitals(text: str) -> tuple[int, int]:
    """How many letters ``text`` has, and how many are capitals.

    Every article passes here, so ASCII text (nearly all news) is counted by bytes.translate,
    some twenty times faster than a loop over characters; other text by str methods.
    """
    if text.isascii():
        data = text.encode("ascii")
        return (len(data) - len(data.translate(None, _ASCII_LETTERS)),
                len(data) - len(data.translate(None, _ASCII_CAPITALS)))
    return sum(map(str.isalpha, text)), sum(map(str.isupper, text))


def case_is_lowered(text: str) -> bool:
    """Whether ``text`` is written in lower case where running text writes capitals."""
    letters, capitals = letters_and_capitals(text)
    if not letters or capitals >= _FEW_CAPITALS * letters:
        return False
    proper = proper_words()
    capitalized = lowered = 0
    for match in running_words(text):
        word = match.group()
        if word.lower() not in proper:
            continue
        capitalized += 1
        lowered += word.islower()
    return lowered >= LEAST_LOWERED and lowered >= LOWERED_SHARE * capitalized


def restore_case(text: str) -> str:
    """``text`` with its capitals restored when it is written in lower case; else ``text``."""
    if not case_is_lowered(text):
        return text
    chars = list(text)
    # whole names of the gazetteers first, then single words by their usual form
    for match in _gazetteer_pattern().finditer(text):
        if match.group().islower():
            chars[match.start():match.end()] = _gazetteer_forms()[match.group()]
    forms = usual_forms()
    for match in WORD.finditer(text):
        word = match.group()
        if not word.islower() or "".join(chars[match.start():match.end()]) != word:
            continue  # written with capitals, or already a gazetteer name
        form = forms.get(word)
        if form is not None:
            chars[match.start():match.end()] = form
        elif sentence_initial(text, match.start()):
            chars[match.start()] = word[0].upper()
    restored = "".join(chars)
    assert len(restored) == len(text)  # noqa: S101 - offsets must stay the original's
    return restored


@lru_cache(maxsize=1)
def _gazetteer_forms() -> dict[str, str]:
    """The names of countries, their nationalities and known organizations, by lower case.

    Acronyms ("WHO") and country names that are common words ("china", "turkey") are left to
    the mined forms, which know how running text writes them.
    """
    names: list[str] = []
    for country in countries():
        names += [*country.names, *country.demonyms]
    for organization in known_organizations():
        names += [organization.name, *organization.aliases]
    common = country_words()
    return {name.lower(): name for name in names
            if name.isascii() and not name.isupper() and name.lower() not in common and name != name.lower()}


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern[str]:
    names = sorted(_gazetteer_forms(), key=len, reverse=True)  # the longest name first
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
