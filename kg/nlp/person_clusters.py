"""Persons within one article (``kg.nlp.resolve``): a short form ("Mr Blair", "Zhang") joined to
the full name it shortens, the most recent before it, kept apart where two persons share a
surname ("Mr Howard" and "Mrs Howard")."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp.cluster_book import ClusterBook
from kg.nlp.clusters import Cluster
from kg.nlp.lexicon import norm
from kg.nlp.names import clean, honorific_pronoun, person_words, pronouns_by_surname


def add_persons(book: ClusterBook, spans: list[Span]) -> None:
    # Names are kept without courtesy titles ("Mr Blair" is "Blair"), the fullest first, so
    # that "chairman Mr Smith" before "John Smith" is still his short form.
    full: list[tuple[Span, Cluster]] = []
    said = pronouns_by_surname(spans)
    for span in sorted(spans, key=lambda s: (-len(person_words(s.text)), s.start)):
        text = clean(span.text)
        words = person_words(text)
        name = " ".join(words)
        pronoun = honorific_pronoun(span)
        entity_type = EntityType(span.label_)
        target = None
        candidates = [(s, c) for s, c in full if set(words) < set(person_words(s.text))
                      or (len(words) > 1 and words == person_words(s.text))]
        if len(words) == 1 and len(said.get(words[0], ())) > 1:
            # "Mr Howard" and "Mrs Howard" are two people: which one "Michael Howard" is,
            # only a title before the full name says
            candidates = [(s, c) for s, c in candidates if c.pronoun == pronoun]
        before = [pair for pair in candidates if pair[0].start < span.start]
        pool = before or candidates
        if len({id(c) for _s, c in pool}) > 1 and len(words) == 1:
            # "Mr Brown" after "Gordon Brown" and "James Brown": no telling (a full name
            # first written after the short form does not make it ambiguous)
            pool = []
        if pool:  # the most recent full name before a short form, else the nearest
            target = min(pool, key=lambda pair: abs(pair[0].start - span.start))[1]
        if target is None:
            identity = f"person:{norm(name)}" + (f":{pronoun}" if len(words) == 1 and pronoun else "")
            target = book.cluster(identity, entity_type)
            target.pronoun = pronoun
            full.append((span, target))
        if entity_type is EntityType.OFFICIAL:
            target.type = EntityType.OFFICIAL
        target.pronoun = target.pronoun or pronoun
        book.attach(target, span, name)
