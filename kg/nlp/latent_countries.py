"""Countries an article names only inside other words (``kg.nlp.resolve``): a demonym inside
goods' or a date's span ("soft French wheat"), or one the model tagged as nothing ("Total
Dutch imports"), a currency's national word ("N.Z. Dlrs") and a country a body's name carries
("the Bank of Thailand"). Most stay latent, entities only where a trade fact uses them."""

from __future__ import annotations

from spacy.attrs import IS_TITLE, IS_UPPER, ORTH, POS, SPACY
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.cluster_book import ORGS, ClusterBook
from kg.nlp.currency_homes import currency_homes
from kg.nlp.gazetteer import Country, country_of_demonym
from kg.nlp.names import country_in_name

# Spans a demonym may sit in unread: goods ("soft French wheat"), a date the model ran on
# ("March 3 - Japanese"). A demonym outside any span the model chose not to read as one.
_HOSTS = frozenset({"DATE", "TIME", EntityType.PRODUCT.value})
_NAME_POS = frozenset({POS_IDS["ADJ"], POS_IDS["PROPN"]})


def demonyms_inside_other_spans(book: ClusterBook) -> None:
    """ "soft French wheat", "March 3 - Japanese importers": a demonym the model left
    inside goods' or a date's span still names its country, for the trade
    rules that ask which country a demonym is. The country stays latent (an entity
    with no mention) unless the article names it or a NORP reads it."""
    doc = book.doc
    read = {i for (start, end), c in book.of_span.items() if c.type is EntityType.COUNTRY
            for i in range(start, end)}  # fmt: skip
    words = Words(doc)
    after = 0  # the first word past the last demonym tried
    # only a capitalised word opens a demonym; a Span only for a demonym found
    for i in [k for k, capital in enumerate(words.capital) if capital]:
        if i < after:
            continue
        width, country = _demonym_at(words, i)
        after = i + max(width, 1)
        if country is not None and read.isdisjoint(range(i, i + width)):
            span = doc[i : i + width]
            if _untagged_modifier(span):
                # read as the model reads a NORP: a mention of its country, which the
                # sentences after it can refer back to ("Cocoa butter imports rose ...")
                book.attach(book.country(country), span, None)
            elif all(t.ent_type_ in _HOSTS for t in span):
                cluster = book.country(country)
                if not cluster.spans:
                    cluster.latent = True
                    cluster.names.append(span.text)


def countries_in_currencies(book: ClusterBook) -> None:
    """ "119.1 mln N.Z. Dlrs": a currency's national word names its country, for the trade
    rules that look for the country a story is about. Latent, as a demonym inside goods:
    an entity only where a trade fact uses it."""
    for span, country in currency_homes(book.doc):
        cluster = book.country(country)
        if not cluster.spans:
            cluster.latent = True
            if span.text not in cluster.names:
                cluster.names.append(span.text)


def seats_of_known_acronyms(book: ClusterBook) -> None:
    """ "the USDA's weekly export inspection report": a well-known national body written by
    its acronym belongs to its seat's country (``organizations.tsv``), which the story may
    name nowhere. Latent: an entity only where a trade fact uses it. Only the acronym is
    trusted: "the Agriculture Department" alone may be any country's."""
    for cluster in [c for c in book.clusters if c.type in ORGS]:
        for span in cluster.spans:
            seat = acronym_seat_name(span.text, book.article.published)
            country = gazetteer.country_of(seat) if seat else None
            if country is None:
                continue
            carrier = book.country(country)
            if not carrier.spans and not carrier.carried:
                carrier.latent = True
                if seat not in carrier.names:
                    carrier.names.append(seat)


def acronym_seat_name(text: str, published: str | None) -> str | None:
    """The seat ``organizations.tsv`` gives the well-known body ``text`` names by its acronym
    ("USDA": "United States"); None for any other name, or a body with no seat."""
    text = text.strip()
    if not (text.isupper() and text.isalpha() and len(text) >= 3):
        return None
    known = lexicon.known_organization(text, published)
    return known.seat if known is not None and known.seat else None


def countries_in_body_names(book: ClusterBook) -> None:
    """ "the U.S. Agriculture Department said", "the Bank of Thailand said": the country a
    body's name carries is where the body is, an entity of the article even when named
    nowhere else (no mention of its own: its words are the body's). A company's name
    carries its country as a mere word of the name ("Indian State Trading Corporation",
    "China Steel Corp" of Taiwan): latent, an entity only where a trade fact uses it."""
    for cluster in [c for c in book.clusters if c.type in ORGS]:
        for span in cluster.spans:
            carried = country_in_name(span)
            if carried is None:
                continue
            carrier = book.country(carried[0])
            if carrier.spans or carrier.carried:
                continue
            if _company_name(span):
                carrier.latent = True
            else:
                carrier.latent, carrier.carried = False, True
            if carried[1] not in carrier.names:
                carrier.names.append(carried[1])


def _company_name(span: Span) -> bool:
    """ "Indian State Trading Corporation", "China Steel Corp", "Peru Fishmeal Co": a name
    ending in a company's noun or legal form."""
    last = span[-1].lower_.rstrip(".")
    return last in _COMPANY_HEADS or last in lexicon.legal_forms()


_COMPANY_HEADS = frozenset({"company", "corporation"})


class Words:
    """What a demonym is read from, for every word of a Doc at once: whether it is
    capitalised, its part of speech, its text and whether a space follows it (a Token made
    for each capitalised word, and a Span for each pair, cost more than the lookups)."""

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array([IS_TITLE, IS_UPPER, POS, ORTH, SPACY])
        self.capital: list[bool] = table[:, :2].any(axis=1).tolist()
        self.pos: list[int] = table[:, 2].tolist()
        self.orth: list[int] = table[:, 3].tolist()
        self.spaced: list[int] = table[:, 4].tolist()
        self.strings = doc.vocab.strings

    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        last = end - 1
        return "".join(self.strings[self.orth[k]] + (" " if self.spaced[k] and k < last else "")
                       for k in range(start, end))


def _untagged_modifier(span: Span) -> bool:
    """ "Total Dutch imports": a demonym the model tagged as nothing at all (an opening
    capital before it hid it), modifying a noun after it."""
    last = span[-1]
    return all(not t.ent_type_ for t in span) and last.dep_ in ("amod", "compound") \
        and last.head.pos_ == "NOUN" and last.head.i > last.i


def _demonym_at(words: Words, i: int) -> tuple[int, Country | None]:
    """The demonym of one or two words that starts at word ``i`` ("West German", "Thai")
    and its country; only a capitalized adjective or name, not a people ("Thais")."""
    for width in (2, 1):
        end = i + width
        if end > len(words.capital) or not all(words.capital[i:end]) or words.pos[end - 1] not in _NAME_POS:
            continue
        text = words.text(i, end)
        country = country_of_demonym(text)
        if country is not None and gazetteer.is_demonym_only(text):
            return width, country
    return 1, None
