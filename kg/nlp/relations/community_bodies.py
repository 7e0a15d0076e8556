"""The European Community a Community body governs: "The European Commission authorised the
export of 60,500 tonnes of white sugar", "The EC Commission granted export licences for
20,000 tonnes of maize". The Commission sets no trade of its own: the licences, quotas and
rebates it grants are the Community's, as the trade set's conventions read them, never the
first member state the story happens to name (``flow_traders.trader_of`` asks here before
it reads a regulator's flows as its country's)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.relations.base import ORGS, PRODUCTS, Context
from kg.nlp.relations.flow_clause import Flow, made_in
from kg.nlp.relations.flow_licences import counted_licence

# Names the Community goes by in newswire of its time (kg/nlp/data/organizations.tsv,
# dated_names.tsv): the entity a story's "EC" or "European Community" became.
_COMMUNITY_NAMES = ("European Community", "European Communities", "European Economic Community", "EC", "EEC", "E.C.",
                    "Community")  # "the Community" once the story has named its commission
# Words that make a commission the Community's: "European Commission", "EC Commission",
# "European Community Commission", "Commission of the European Communities".
_COMMUNITY_WORDS = frozenset({"european", "ec", "eec", "community", "communities"})


def community_body(ctx: Context, key: str) -> bool:
    """The body ``key`` is the Community's commission: a government body (as
    ``body_countries.regulator`` reads one) whose name says it is European or the
    Community's (a national "Sugar Commission" is not)."""
    all_names = ctx.table.entities[key].all_names
    if any(_community_committee(name) for name in all_names):
        return True  # "The European Community's cereal management committee awarded licences"
    if ctx.type(key) is not EntityType.AGENCY:
        return False  # a commission read as an organization trades in its own name
    names = [name.lower().replace(".", "").split() for name in all_names]
    return any("commission" in words and _COMMUNITY_WORDS & set(words) for words in names)


def _community_committee(name: str) -> bool:
    """ "European Community's cereal management committee": a committee or commission the
    name itself says is the Community's (the possessive of one of its names)."""
    owner, _, body = name.partition("'s ")
    return bool(body) and owner.strip() in _COMMUNITY_NAMES and body.lower().split()[-1] in ("committee", "commission")


def community_key(ctx: Context) -> str | None:
    """The story's entity for the European Community, other than its commission; None when
    the story names the Community only through its commission."""
    for name in _COMMUNITY_NAMES:
        key = ctx.key_by_name(name, ORGS)
        if key is not None and not community_body(ctx, key):
            return key
    return None


def community_trader(ctx: Context, flow: Flow) -> str | None:
    """Whose exports the Community's commission licenses: the member state the licensed goods
    are named after ("the export of 33,500 tonnes of Irish intervention barley", the set's
    convention for "French maize granted for export"), else the Community itself, else no one
    (no member state by guess)."""
    return _member_goods_origin(ctx, flow) or community_key(ctx)


def _member_goods_origin(ctx: Context, flow: Flow) -> str | None:
    """The country a demonym inside the flow's goods names ("Irish intervention barley")."""
    doc, sent = ctx.doc, flow.anchor.sent
    start, end = sent.start, min(flow.end, sent.end)
    if (counted := counted_licence(flow)) is not None:
        # "granted 25,000 tonnes of barley export licences and 80,000 tonnes of French maize":
        # only the goods the licences name say whose they are
        start, end = counted[0].left_edge.i, counted[1].i
    for t in doc[start:end]:
        if t.pos_ not in ("ADJ", "PROPN") or made_in(t) or ctx.key(t, PRODUCTS) is None and not _before_goods(ctx, t):
            continue
        if k := ctx.country_of_demonym(t):
            return k
    return None


def _before_goods(ctx: Context, token: Token) -> bool:
    """The demonym opens the goods' phrase: goods follow it within two words."""
    doc = token.doc
    return any(ctx.key(t, PRODUCTS) is not None for t in doc[token.i + 1 : min(token.i + 3, len(doc))])
