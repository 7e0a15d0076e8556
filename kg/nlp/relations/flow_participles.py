"""Figures a trade participle describes, in a sentence with no other trade word: "USDA has
confirmed one mln tonnes of corn sold to the Soviet Union", "leaving 2.4 mln bags to be
shipped during March". The participle is the flow's trade word; its figure stands before it,
as the subject of a passive does ("only 433,000 bags were shipped")."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from kg.nlp.doc_index import tags_of, tokens_with
from kg.nlp.relations.flow_clause import flow_words

_PAST_PARTICIPLE = frozenset({get_string_id("VBN")})


def moved_figures(sent: Span) -> list[tuple[Token, bool]]:
    """(participle, exports) for the first trade participle that describes a counted
    figure: "sold to", "exported in 1986", "to be shipped"."""
    trade = flow_words("export_verbs") | flow_words("import_verbs") | flow_words("sale_verbs")
    found = []
    for t in tokens_with(sent, tags_of(sent.doc), _PAST_PARTICIPLE):  # the words tagged VBN
        if t.dep_ not in ("acl", "relcl") or t.lemma_.lower() not in trade:
            continue
        if _figure_of(t.head) is None or any(c.dep_ == "neg" for c in t.children):
            continue
        found.append((t, t.lemma_.lower() not in flow_words("import_verbs")))
    return found[:1]


def still_to_move(verb: Token) -> bool:
    """ "2.4 mln bags to be shipped", "tonnes still to be delivered": a figure of goods not yet gone."""
    return figure_start(verb) is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.children)


def _counted(noun: Token) -> bool:
    """A unit noun with its number ("2.4 mln bags", "one mln tonnes"), or a bare number."""
    return noun.like_num or any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in noun.children)


def _figure_of(noun: Token) -> Token | None:
    """The counted noun a participle's head is or counts: "2.4 mln bags", "[one mln tonnes] of corn"."""
    if _counted(noun):
        return noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _counted(noun.head.head):
        return noun.head.head
    return None


def figure_start(anchor: Token) -> int | None:
    """Where the figure a participle describes starts: "[one mln tonnes of corn] sold to"."""
    if anchor.tag_ != "VBN" or anchor.dep_ not in ("acl", "relcl"):
        return None
    figure = _figure_of(anchor.head)
    return figure.left_edge.i if figure is not None and figure.i < anchor.i else None
