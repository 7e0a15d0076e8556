"""A trade verb in a relative clause about its own figure: "to make up for the 50,000 bpd it
shipped to Caribbean destinations", "the 200,000 tonnes of wheat that Egypt bought last
month", "the 5.8 mln tonnes of pellets exported by Thailand". The figure and the goods
stand before the verb, in the noun the clause qualifies."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.base import PRODUCTS, Context


def counted_head(verb: Token) -> Token | None:
    """The counted noun a trade verb's relative clause qualifies ("tonnes" in "the 50,000
    tonnes of copper it shipped"); None for a verb of a clause of its own, or a noun with no
    number of its own ("the copper it shipped")."""
    if verb.pos_ != "VERB" or verb.dep_ != "relcl" and not agent_participle(verb):
        return None
    head = verb.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and agent_participle(verb) and not _numbered(head):
        head = head.head.head  # "tonnes" in "5.8 mln tonnes of pellets exported by Thailand"
    if head.pos_ not in ("NOUN", "PROPN") or not _numbered(head):
        return None
    # the clause's object is the counted noun itself (or the pronoun standing for it: "that
    # Peru shipped"), no object of its own ("the firm that shipped 100 cars")
    own = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP")]
    return None if own else head


def _numbered(noun: Token) -> bool:
    return any(c.dep_ == "nummod" and c.like_num for c in noun.children)


def agent_participle(verb: Token) -> bool:
    """A participle that qualifies its figure and names who traded it: "the 5.8 mln tonnes of
    pellets exported by Thailand last year" (a relative clause in all but its words)."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and any(c.dep_ == "agent" for c in verb.children)


def head_goods(ctx: Context, head: Token) -> str | None:
    """The goods the counted noun is of: "tonnes of copper"."""
    return next((k for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and (k := ctx.key(o, PRODUCTS))), None)


__all__ = ["agent_participle", "counted_head", "head_goods"]
