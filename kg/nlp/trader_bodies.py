"""Traders' bodies newswire names in lower case by whom they gather: "the joint committee of
Taiwan's soybean importers", "the association of Indonesian coffee exporters". No model
marks them (no capital letters), yet they buy, sell and speak in trade stories. Each such
phrase is an organization of its own; its mention is the body noun and the words before it
("joint committee"), so that the country inside the phrase stays a mention of its own, and
its names are the whole phrase and that short form ("the committee said" finds it)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp.cluster_book import ClusterBook
from kg.nlp.datafiles import rule_words
from kg.nlp.doc_index import positions_of
from kg.nlp.gazetteer import country_of, country_of_demonym

# How many words of goods may come between the country and the traders ("soybean", "raw
# sugar", "crude palm oil").
_MAX_GOODS_WORDS = 3


def trader_body_phrases(doc: Doc) -> list[tuple[Span, Span, int | None]]:
    """Each traders' body written in lower case: its mention ("joint committee"), the whole
    phrase, and the token of the country it names, if any."""
    bodies = rule_words("places", "trader_body_nouns")
    traders = rule_words("places", "trader_nouns")
    modifiers = rule_words("places", "trader_body_modifiers")
    found = []
    # only the body nouns written in lower case, found from their hashes (every article
    # passes here, twice: resolution and the relation rule)
    for token in (doc[i] for i in positions_of(doc, bodies)):
        if token.i + 3 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        start = token.i
        while start > 0 and doc[start - 1].lower_ in modifiers and doc[start - 1].is_lower:
            start -= 1
        k, country = token.i + 2, None
        possessive = k + 1 < len(doc) and doc[k + 1].lower_ in ("'s", "\u2019s")
        if doc[k].text[:1].isupper() and (possessive and doc[k].pos_ == "PROPN"
                                          or country_of(doc[k].text) or country_of_demonym(doc[k].text)):
            country = k  # "of Taiwan's", "of Indonesian": the traders' country (or place)
            k += 2 if possessive else 1
        goods = 0
        while k < len(doc) and (doc[k].is_space or doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in traders
                                and goods < _MAX_GOODS_WORDS and doc[k].pos_ in ("NOUN", "ADJ", "PROPN")):
            goods += not doc[k].is_space  # (a line break of wire copy inside the phrase)
            k += 1
        if k >= len(doc) or doc[k].lower_ not in traders or not doc[k].is_lower:
            continue
        if country is None and goods == 0:
            continue  # "a committee of exporters": too bare to be one body
        found.append((doc[start : token.i + 1], doc[start : k + 1], country))
    return found


def add_trader_bodies(book: ClusterBook) -> None:
    """Open an organization for each traders' body written in lower case."""
    covered = {i for start, end in book.of_span for i in range(start, end)}
    for mention, phrase, _ in trader_body_phrases(book.doc):
        if any(t.i in covered for t in mention):
            continue
        whole = " ".join(phrase.text.split())
        cluster = book.cluster(f"org:{whole.lower()}", EntityType.ORGANIZATION)
        book.attach(cluster, Span(book.doc, mention.start, mention.end, label=EntityType.ORGANIZATION), whole)
        if mention.text not in cluster.names:
            cluster.names.append(mention.text)
        covered.update(range(mention.start, mention.end))
