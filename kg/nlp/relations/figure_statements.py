"""Statements of a figure with no clause of their own: "the ministry put copper exports at
1.2 mln tonnes", "X estimated production at 1.42 mln tonnes", "the department reported
export sales of 200,000 tonnes", "USDA has confirmed one mln tonnes of corn sold to ...".
Newswire credits most trade figures so; the object (and the figure) is what is stated."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.nlp import lexicon
from kg.nlp.datafiles import rule_words
from kg.nlp.goods import goods_flow, money_words


@lru_cache(maxsize=1)
def stating_verbs() -> frozenset[str]:
    """The verbs that make a statement: of saying, and those that state a figure only."""
    return _figure_only_verbs() | rule_words("speech", "verbs")


@lru_cache(maxsize=1)
def _figure_only_verbs() -> frozenset[str]:
    return rule_words("speech", "figure_only_verbs") | rule_words("speech", "revising_verbs")


def figure_verb(verb: Token) -> bool:
    """A verb that states a figure only in the shapes below ("put", "see", "raised its
    estimate"), never a verb of saying on its own ("put the plan on hold", "sees exports
    rising", "cut imports")."""
    return verb.lemma_.lower() in _figure_only_verbs()


def figure_statement(verb: Token) -> list[Token]:
    """The words stating a figure: an estimate's object and its "at" figure, the object
    holding a figure of a verb of reporting, or one's own estimate changed; [] when the
    verb states none."""
    return _estimate(verb) or _reported_figure(verb) or _revised_estimate(verb)


def _revised_estimate(verb: Token) -> list[Token]:
    """ "the USDA raised its estimate for Soviet grain imports to 26 mln tonnes", "the board
    cut its beet sugar forecast": the speaker's own estimate, changed, and what follows it."""
    if verb.lemma_.lower() not in rule_words("speech", "revising_verbs"):
        return []
    nouns = rule_words("speech", "estimate_nouns")
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i > verb.i and obj.lemma_.lower() in nouns \
                and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
            return [obj, *(c for c in verb.children if c.dep_ in ("prep", "advmod", "prt") and c.i > obj.i)]
    return []


def _estimate(verb: Token) -> list[Token]:
    """ "X estimated production at 1.42 mln tonnes", "X put exports at ...": the object and
    the figure it is put at."""
    if verb.lemma_.lower() not in rule_words("speech", "figure_verbs") | rule_words("speech", "figure_only_verbs"):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    figures = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "to")
               and any(t.like_num for t in c.subtree)]  # fmt: skip
    return [objects[0], figures[0]] if objects and figures else []


def _reported_figure(verb: Token) -> list[Token]:
    """ "reported export sales of 200,000 tonnes", "confirmed one mln tonnes of corn sold":
    the object after the verb, with a number in its own words (not a bare "reported the
    sale", nor a count of no goods, nor the reporter's own results: "reported a profit of
    65 mln lira")."""
    if verb.lemma_.lower() not in rule_words("speech", "reported_figure_verbs"):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return []
    words = list(objects[0].subtree)
    results = rule_words("speech", "result_nouns")
    if not any(t.like_num for t in words) or not any(_of_trade(t) for t in words) \
            or any(t.lemma_.lower() in results or t.lower_ in results for t in words):
        return []
    return objects[:1]


def _of_trade(word: Token) -> bool:
    """A measure of goods, a flow of them or money ("tonnes", "sales", "dlrs"): a figure of
    trade, not a count of anything ("reported 38 suspected cases" is no statement here)."""
    return word.lemma_.lower() in lexicon.goods_measures() or goods_flow(word) or word.lower_ in money_words()
