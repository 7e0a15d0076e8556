"""Export sales reports: a government body's weekly or seasonal account of the sales its
country's exporters made ("Corn sales gained 2.4 mln tonnes in the week ended February 26",
"Wheat sales of 362,400 tonnes for the current season and 151,000 for the 1987/88 season").

Such a report calls its figures "sales" and nothing else; the story says once that they are
export sales (the report's name, "export sales of ..."), in its text or only in its headline
("USDA COMMENTS ON EXPORT SALES REPORT"). Each sales noun that names its goods is then the
reporting country's export, as "exporters reported sales of X" is.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.nlp.doc_index import text_of
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words

# "export sales", "Export Sales Report", "exports sales": the story's sales are exports
_EXPORT_SALES = re.compile(r"\bexports?\s+sales\b", re.I)


def sales_report(ctx: Context) -> bool:
    """The story says its sales are export sales, in its text or its headline."""
    return bool(_EXPORT_SALES.search(text_of(ctx.doc)) or _EXPORT_SALES.search(ctx.article.title or ""))


def export_sales_story(ctx: Context, noun: Token) -> bool:
    """``noun`` is a sales noun of a story that says its sales are export sales."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.lower_ in flow_words("sale_nouns") and sales_report(ctx)


def report_sale(ctx: Context, noun: Token) -> bool:
    """``noun`` is a sales figure of an export sales report: a sales noun that names its goods
    ("Corn sales", "sales of soybeans", "sales activity in cotton") in a story that says its
    sales are export sales."""
    if not export_sales_story(ctx, noun):
        return False
    if any(t.lower_ in flow_words("export_nouns") for t in noun.doc[noun.left_edge.i : noun.i]):
        return False  # "export sales" themselves: the export noun's rules read them
    owner = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    return any(ctx.key(t, PRODUCTS) for t in owner.subtree)


def net_sales_verb(ctx: Context, verb: Token) -> bool:
    """ "Corn sales gained 2.4 mln tonnes": in a sales report, what the sales gained in the
    week is the net sales made, not a change of a level."""
    return verb.lemma_.lower() in flow_words("net_sales_verbs") and any(
        c.dep_ == "nsubj" and export_sales_story(ctx, c) for c in verb.children)


__all__ = ["export_sales_story", "net_sales_verb", "report_sale", "sales_report"]
