"""Rules of ``kg.nlp.retype`` that find the model's spans that are no entity: generic words and
numbers, lower-case slips, misspelt months, currencies and countries inside amounts, a
country's name before a common noun, words capitalised only because they open a sentence or a
headline, a title's field or portfolio, photo credits and handles."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.nlp import lexicon
from kg.nlp.cues import common_word, court_district, names_government_debt, speaks
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.currency_homes import after_a_figure, in_an_amount
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import is_title
from kg.nlp.retype_verdicts import NEXT, Verdict
from kg.nlp.spans import is_punct
from kg.nlp.title_fields import field_after_title


_LETTERS = re.compile(r"[^\W\d_]{2}")
_OPENER_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "INTJ"})


def generic_or_number(span: Span) -> Verdict:
    """ "officials", "the government", "2020": never entities by themselves."""
    if lexicon.is_generic(span.text) or all(t.like_num or t.is_punct for t in span):
        return None
    return NEXT


def lower_case(span: Span) -> Verdict:
    """Names are capitalised; "jargon", "O.K." are model slips."""
    if span.text.islower() or not any(_LETTERS.search(t.text) for t in span):
        return None
    return NEXT


# Months typos turn into unknown names ("Feburary", "Novmber"); short months are left alone,
# as one letter changes them into names ("Augusta", "Mayo").
_LONG_MONTHS = ("january", "february", "september", "october", "november", "december")


def misspelt_month(span: Span) -> Verdict:
    """ "in Feburary last year": a long month's name with one letter left out, added,
    changed or two swapped is a date, not a place or person."""
    if len(span) == 1 and span[0].is_title and any(
            _one_edit_apart(span[0].lower_, month) for month in _LONG_MONTHS):
        return None
    return NEXT


def _one_edit_apart(word: str, target: str) -> bool:
    """True when one deletion, insertion, substitution or swap of neighbours turns ``word``
    into ``target`` (and they differ)."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]])
    shorter, longer = sorted((word, target), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def money(span: Span) -> Verdict:
    """ "U.S. Dlrs", "Saudi Riyals": an amount's currency, not a name."""
    if span[-1].lower_ not in lexicon.currency_names() or _place_named_like_currency(span):
        return NEXT
    return None


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near"})


def _place_named_like_currency(span: Span) -> bool:
    """ "based in Cordoba", "a plant near Sucre": a town that shares its name with a currency
    (the cordoba, the sucre) is the place when it stands alone after a preposition of place
    and the story counts no amount in that currency ("500 mln cordobas")."""
    if len(span) != 1 or not span[0].is_title or span.start == 0:
        return False
    if span.doc[span.start - 1].lower_ not in _PLACE_PREPOSITIONS:
        return False
    word = span[0].lower_
    return not any(t.lower_ in (word, word + "s") and after_a_figure(t) for t in span.doc)


def currency_country(span: Span) -> Verdict:
    """ "944 mln U.S. Dlrs": the national word of an amount's currency names money, not the
    country (``kg.nlp.currency_homes`` keeps it for the trade rules)."""
    return None if span.label_ in {"GPE", "LOC"} and in_an_amount(span) else NEXT


def country_and_noun(span: Span) -> Verdict:
    """ "the U.S. Market", "U.S. Origin": a country's name and a capitalised common noun."""
    if len(span) >= 2 and span[-1].lower_ in lexicon.country_nouns() \
            and country_of(span[:-1].text) is not None:
        return None
    return NEXT


_COUNTRY_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")


def country_and_going_on(span: Span) -> Verdict:
    """ "exports to the U.S. Fell to one mln", "U.S. Industry sources said": old wire copy
    capitalises the word after a country's initials; a word the same text also writes in
    lower case goes on the clause and names nothing with the country (the country is still
    found on its own)."""
    if len(span) == 2 and _COUNTRY_INITIALS.match(span[0].text) and country_of(span[0].text) is not None \
            and span[1].is_title and not lexicon.known_organization(span.text):
        if common_word(span[1]) and (_written_as_verb(span[1]) or _before_common_noun(span)):
            return None
        if _group_or_voice(span[1]) or _before_function_word(span) or _change_verb(span[1]):
            return None
    return NEXT


def _change_verb(token: Token) -> bool:
    """ "the surplus with the U.S. Rose to a record": a verb of change ("rose", "increased",
    "dropped"), which goes on the clause, capitalised after the initials."""
    verbs = frozenset(rule_data("trade")["flows"]["change_verbs"])
    word = token.lower_
    return any(stem in verbs for stem in (word, word[:-1], word[:-2])) \
        or len(word) > 4 and word[-3] == word[-4] and word[:-3] in verbs  # "dropped", "slipped"


# Words that go on a common noun, not a company's name: "U.K. Consumption of lead", "a U.S.
# Consortium which hopes" ("sold to U.S. Steel in May", "U.S. Steel is" keep the company).
_NOUN_GOES_ON = frozenset({"of", "which", "who", "whose"})


def _before_function_word(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _NOUN_GOES_ON and doc[span.end].is_lower


def _group_or_voice(token: Token) -> bool:
    """ "U.S. Farmers", "U.S. Producers", "one U.S. Spokesman": a plural common noun of people
    or things, or a body's voice, capitalised after the initials, that says nothing ("U.S.
    Steel" is singular; "U.S. Industries said" and known names are kept)."""
    lower = token.lower_
    if lower in rule_words("speech", "body_voices"):
        return True
    return token.tag_ in ("NNS", "NNPS") and lower.endswith("s") and not lower.endswith(("ss", "us")) \
        and len(lower) > 4 and not speaks(token)


def _written_as_verb(token: Token) -> bool:
    """The text writes the word in lower case as a verb ("fell", "exported")."""
    return any(t.lower_ == token.lower_ and t.is_lower and t.pos_ in ("VERB", "AUX") for t in token.doc)


def _before_common_noun(span: Span) -> bool:
    """ "U.S. Meat exporters", "U.S. Industry sources": the capitalised word only qualifies
    the lower-case noun after it ("U.S. Steel said" is left to the rules after)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN"


def country_pair(span: Span) -> Verdict:
    """ "a U.S.-USSR business meeting", "the U.S./USSR grain pact": two countries written as one
    word qualify what follows; the pair is no place or body (each country is named apart)."""
    if len(span) != 1 or country_of(span.text) is not None:
        return NEXT  # "Guinea-Bissau" is one country
    for match in re.finditer(r"[-/]", span.text):
        left, right = span.text[: match.start()], span.text[match.end():]
        if country_of(left) is not None and country_of(right) is not None:
            return None
    return NEXT


def government_debt(span: Span) -> Verdict:
    """ "U.K. Government bonds, or gilts, surged": the government only qualifies its bonds."""
    return None if names_government_debt(span) else NEXT


def country_nouns_only(span: Span) -> Verdict:
    """ "its Export Sales report", "Export Markets for U.S. Grains": capitalised common nouns
    of trade, with no country or body word, name no organization."""
    if span.label_ == "ORG" and len(span) <= 3 and all(t.lower_ in lexicon.country_nouns() for t in span):
        return None
    return NEXT


def sentence_opener(span: Span) -> Verdict:
    """A common word capitalised only because it opens the sentence."""
    if len(span) == 1 and opens_sentence(span[0]) and span[0].pos_ in _OPENER_POS:
        return None
    return NEXT


def common_opener(span: Span) -> Verdict:
    """ "Children ...", "Attendance ...": the word is written lower case elsewhere."""
    if len(span) == 1 and opens_sentence(span[0]) and common_word(span[0]):
        return None
    return NEXT


def person_with_digits(span: Span) -> Verdict:
    """ "Pohang 3 Ulsan 2": a run across a results line, no one's name."""
    return None if span.label_ == "PERSON" and any(t.is_digit for t in span) else NEXT


def photo_credit(span: Span) -> Verdict:
    """ "REUTERS/Leah Millis/File Photo": a photo credit, not one name."""
    return None if any(t.text == "/" for t in span) else NEXT


def shouted_headline(span: Span) -> Verdict:
    """A headline in capitals ("CITING CORONAVIRUS OUTBREAK"), unless a known name."""
    if span.label_ in {"ORG", "PERSON", "GPE", "LOC", "FAC"} and shouted(span) \
            and not lexicon.known_organization(span.text) and country_of(span.text) is None:
        return None
    return NEXT


def field_of_title(span: Span) -> Verdict:
    """ "National Security Adviser": the field of a title, not a body."""
    return None if span.label_ == "ORG" and is_field_of_title(span) else NEXT


def field_after_a_title(span: Span) -> Verdict:
    """ "Vice President for International Services": the post's portfolio, not a body."""
    return None if span.label_ == "ORG" and field_after_title(span) else NEXT


def social_handle(span: Span) -> Verdict:
    """A social media handle ("Instagram @name")."""
    return None if any("@" in t.text for t in span) else NEXT


def court_district_part(span: Span) -> Verdict:
    """ "the Northern District of California": part of a court's name."""
    return None if court_district(span) else NEXT


def opens_sentence(token: Token) -> bool:
    """True for a sentence's first word, also after a line break, a full stop or a quote."""
    if token.is_sent_start:
        return True
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    if i < 0 or "\n" in token.doc[i].whitespace_ or token.doc[i].text in {".", "!", "?"}:
        return True
    before = token.doc[i]
    return before.is_quote and (before.i == 0 or before.is_sent_start)


def shouted(span: Span) -> bool:
    """More than one word, all in capitals."""
    words = [t for t in span if _LETTERS.search(t.text) and not is_punct(t)]
    return len(words) > 1 and all(t.is_upper for t in words)


def is_field_of_title(span: Span) -> bool:
    """True when the span is the field of the title after it, not a body's name."""
    # An organization name ends in a word that says what it is ("Council", "Services",
    # "Bank"); "National Security" before "Adviser" does not.
    end = span.end
    if end >= len(span.doc) or not span.doc[end].is_title or not is_title(span.doc[end].text):
        return False
    if lexicon.known_organization(span.text):
        return False
    if is_title(span.doc[end - 1 : end + 1].text):
        return True  # "Agriculture Cabinet Secretary": the last word opens the title
    words = {t.lower_ for t in span}
    return not (words & lexicon.agency_heads() or words & lexicon.organization_cues()
                or words & lexicon.agency_units())
