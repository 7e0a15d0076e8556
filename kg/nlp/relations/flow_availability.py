"""Goods a country has available for export: "Cuba will have 2.5 mln tonnes of sugar
available for export this year". What is available has not been shipped yet, so the figure,
which stands before the trade word, is a forecast of the holder's exports."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.flow_clause import flow_words


def available_for_export(noun: Token) -> Token | None:
    """The word that makes goods available ("available for export", "free for export"), when
    ``noun`` is the export noun after it; else None."""
    if noun.lower_ not in flow_words("export_nouns") or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    word = noun.head.head
    return word if word.lower_ in flow_words("availability_words") else None


def availability_verb(noun: Token) -> Token | None:
    """The verb of the clause that says what is available: "has" in "Cuba has 2.5 mln tonnes
    of sugar available for export", "be" in "300,000 tonnes will be available for export"."""
    word = available_for_export(noun)
    if word is None:
        return None
    for current in word.ancestors:
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def holder_subject(noun: Token) -> Token | None:
    """Who has the goods available: the subject of the availability verb, unless that
    subject is the goods themselves ("300,000 tonnes will be available")."""
    verb = availability_verb(noun)
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and not c.like_num
                 and not any(n.like_num for n in c.children)), None)  # fmt: skip


def figures_start(noun: Token) -> int | None:
    """Where the available figure may stand: from the start of the availability clause."""
    verb = availability_verb(noun)
    return verb.left_edge.i if verb is not None else None
