"""Short names of bodies within one article (``kg.nlp.resolve``): a name in parentheses after
a body's name ("the Chilean Copper Commission (Cochilco)"), the same short name written later
in another case ("SURALCO ... Suralco's"), and acronyms, defined in parentheses ("National
Medical Products Administration (NMPA)") or read from the long name's letters ("MOFCOM")."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.cluster_book import ORGS, ClusterBook
from kg.nlp.clusters import Cluster
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import norm
from kg.nlp.named_clusters import add_named
from kg.nlp.names import acronym_of, clean
from kg.nlp.org_clusters import add_organization

_ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]{1,9}|(?:[A-Z]\.){2,6})$")


def parenthesised_names(book: ClusterBook) -> None:
    # "the Chilean Copper Commission (Cochilco)", "Federal Network Agency
    # (Bundesnetzagentur)": one word in parentheses after a body's name is its short
    # name, whatever type the model gave it (not a place: "the ministry (Beijing)").
    for (start, end), cluster in list(book.of_span.items()):
        if cluster.type not in ORGS or end + 2 >= len(book.doc) or book.doc[end].text != "(" \
                or book.doc[end + 2].text != ")":
            continue
        inner = book.of_span.get((end + 1, end + 2))
        word = book.doc[end + 1]
        if word.text[:1].isupper() and country_of(word.text) is None and not gazetteer.is_city(word.text) \
                and (inner is None or inner.type is not EntityType.PLACE):
            book.shorts.append((cluster, word.text))
        if inner is None or inner is cluster or not word.text[:1].isupper() \
                or country_of(word.text) is not None or gazetteer.is_city(word.text) \
                or inner.type not in {*ORGS, EntityType.PLACE, EntityType.PERSON}:
            continue
        for span in [s for s in inner.spans if s.text == word.text]:  # later uses too
            inner.spans.remove(span)
            book.attach(cluster, span, word.text)
        inner.names = [n for n in inner.names if n != word.text]


def same_short_name(book: ClusterBook, cluster: Cluster, short: str) -> None:
    """ "The Surinam Aluminum Company (SURALCO) ... Suralco's alumina exports": the short
    name written later in another case, whatever the model took it for."""
    if not short[:1].isupper():
        return
    for other in book.clusters:
        if other is not cluster and other.spans and other.names and all(
                n.lower() == short.lower() for n in other.names):
            for span in list(other.spans):
                book.attach(cluster, span, span.text)
            other.spans, other.names = [], []


def add_acronyms(book: ClusterBook, spans: list[Span]) -> None:
    defined = _parenthesised(book)
    # "the International Coffee Agreement, ICA": a named agreement (Other) is shortened too
    longs = [c for c in book.clusters if (c.type in ORGS or c.type == EntityType.OTHER) and c.names]
    for span in spans:
        if (span.start, span.end) in book.of_span:
            continue
        text = clean(span.text)
        if span.label_ not in ORGS:  # "LONDON" no short "London Newsroom"
            _add_named_acronym(book, span, text)
            continue
        # a well-known acronym ("WHO", "EC" of 1987) is its body, not one whose initials it
        # happens to fit ("White House"), unless that is the body's name misspelt
        # ("Petroeleos de Venezuela" for PDVSA); a definition in parentheses overrides it
        known = lexicon.known_organization(text, book.article.published)
        target = defined.get(text) or _expand(book, text, span, longs)
        if known is not None and target is not None and target is not defined.get(text) \
                and not _spelt_like(target, known):
            target = None
        if target is None:
            _add_named_acronym(book, span, text)
            continue
        book.attach(target, span, text)


def _spelt_like(cluster: Cluster, known: lexicon.KnownOrganization) -> bool:
    """Whether a name of ``cluster`` is ``known``'s name, misspelt at most by a letter or two."""
    return any(SequenceMatcher(None, norm(name), norm(known_name)).ratio() >= _SAME_SPELLING
               for name in cluster.names for known_name in (known.name, *known.aliases))


_SAME_SPELLING = 0.9


def _add_named_acronym(book: ClusterBook, span: Span, text: str) -> None:
    known = lexicon.known_organization(text, book.article.published)
    entity_type = EntityType(span.label_)
    if known is not None or entity_type not in ORGS:
        if entity_type in ORGS:
            add_organization(book, span, entity_type, text)
        else:
            add_named(book, span)
        return
    book.attach(book.cluster(f"org:{norm(text)}", entity_type), span, text)


def _parenthesised(book: ClusterBook) -> dict[str, Cluster]:
    # "National Medical Products Administration (NMPA)": the acronym is defined here,
    # whatever its letters are.
    found: dict[str, Cluster] = {}
    for (start, end), cluster in book.of_span.items():
        if cluster.type not in ORGS or end + 2 >= len(book.doc):
            continue
        if book.doc[end].text == "(" and book.doc[end + 2].text == ")":
            acronym = book.doc[end + 1].text
            if _ACRONYM.match(acronym) and acronym.upper() == acronym:
                found.setdefault(acronym, cluster)
    return found


def _expand(book: ClusterBook, acronym: str, span: Span, longs: list[Cluster]) -> Cluster | None:
    best: tuple[int, Cluster] | None = None
    for cluster in longs:
        for name, mention in zip(cluster.names, cluster.spans):
            if acronym_of(acronym, name):
                distance = abs(span.start - mention.start)
                if best is None or distance < best[0]:
                    best = (distance, cluster)
    return best[1] if best else None
