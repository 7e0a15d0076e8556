"""The union of countries a trade story is about when it names no country: "The
Belgo-Luxembourg Economic Union (BLEU) moved into a trade surplus ... imports fell last year to
3,061.8 billion francs" (the union trades; its members are not named). A story's country is
lent to its ownerless flows (``trader_keys.story_country``); a customs, economic or monetary
union stands where a country would, since it keeps one set of trade figures for its members.

Only a body whose name says it is such a union is lent: a company ("Union Pacific Corp"), a
trade union ("the National Farmers Union") or a trade association never becomes the trader of
figures its sentence gives no owner, and a story naming two unions could be either's."""

from __future__ import annotations

from kg.nlp.climb import first_conjunct
from kg.nlp.datafiles import rule_data
from kg.nlp.gazetteer import country_of
from kg.nlp.relations.base import ORGS, Context
from kg.nlp.relations.currency_words import country_currency
from kg.nlp.relations.flow_clause import flow_words

# A union of states keeps one customs territory: its name pairs a word for the union with a
# word for what it unites ("Economic Union", "Customs Union", "European Community").
_UNION_WORDS = frozenset({"union", "community", "communities"})
_UNITING_WORDS = frozenset({"economic", "customs", "monetary", "european"})
# A union's body is not the union: "the European Commission" sets policy, it does not trade.
_BODY_WORDS = frozenset({"commission", "council", "parliament", "court", "bank", "office", "committee", "ministers"})


def union_of_countries(ctx: Context, key: str) -> bool:
    """``key`` names a union of countries by its own name ("Belgo-Luxembourg Economic Union",
    "European Economic Community"), not one of its bodies."""
    if ctx.type(key) not in ORGS:
        return False
    for name in ctx.table.entities[key].all_names:
        words = set(name.lower().replace("-", " ").split())
        if words & _UNION_WORDS and words & _UNITING_WORDS and not words & _BODY_WORDS:
            return True
    return False


def story_union(ctx: Context) -> str | None:
    """The one union of countries the story names other than as a partner ("exports to the
    European Community"); None when it names none or two."""
    blocking = flow_words("owner_blocking_preps")
    found = set()
    for key, mention in ctx.entity_mentions(ORGS):
        if not union_of_countries(ctx, key):
            continue
        root = first_conjunct(mention.root)
        if root.dep_ == "pobj" and root.head.lower_ in blocking:
            continue  # "sales to the European Community": where the goods go
        found.add(key)
    return found.pop() if len(found) == 1 else None


def union_currency(ctx: Context, key: str) -> str | None:
    """The currency a union's bare "francs" stand for: its first-named member's of the day
    ("Belgo-Luxembourg Economic Union": Belgian francs in 1987), named by the member's name or
    by its combining form ("Belgo-", "Franco-"). None for a union whose name names no member
    ("Nordic Economic Community"): no currency by guess."""
    if not union_of_countries(ctx, key):
        return None
    forms = rule_data("unions")["combining_forms"]
    for name in ctx.table.entities[key].all_names:
        if "-" not in name:
            continue  # only a compound name ("Belgo-Luxembourg") names a member first
        first = name.split("-")[0].split()[0]
        # the combining form's country, else the word's own ("Belgium-Luxembourg ..."); its
        # currency of the story's day: its own before the euro ("BEF" in 1987)
        country = country_of(forms.get(first.lower(), first))
        if country is not None and (code := country_currency(country, ctx.article.published)) is not None:
            return code
    return None
