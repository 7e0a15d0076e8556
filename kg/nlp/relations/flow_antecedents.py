"""The story's earlier flow a clause goes on from: the last counted flow a sentence of
partners' shares shares out ("Spain was the largest recipient with 12,000 tonnes, followed by
Italy"), the last flow of the same direction an ownerless one takes its trader from, and
shipments with no owner of their own. ``flows`` asks these where a clause names no trader."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Fact, Predicate
from kg.nlp.relations.base import Context
from kg.nlp.relations.discourse import CARRIED
from kg.nlp.relations.flow_clause import CONFIDENCE, Flow, flow_words
from kg.nlp.relations.flow_participles import figure_start
from kg.nlp.relations.flow_shares import named_buyers, partner_shares, share_goods


NEAR = 3  # how many sentences back a story's last flow still speaks for an ownerless one
_COUNTING_ADJECTIVES = frozenset({"total", "cumulative", "monthly", "weekly", "annual"})  # they name no owner


def shares_of_last_flow(ctx: Context, sent, facts: list[Fact], index: int) -> list[Fact]:
    """ "Spain was the largest recipient with 12,000 tonnes, followed by Italy with 9,000":
    the last counted flow of the story, shared out by partner in a sentence of its own."""
    last = last_counted(facts)
    if last is None or last.object is None or sentences_between(ctx, last, sent[0]) > NEAR:
        return []
    # the flow's own figure, not the comparison its sentence ends with ("... against 80,000
    # in the same month last year")
    last = next(f for f in facts if f.sentence == last.sentence and f.subject == last.subject
                and f.predicate == last.predicate and f.object == last.object)
    exports = last.predicate == Predicate.EXPORTS
    dated = dict(period=last.period, period_start=last.period_start, period_end=last.period_end)
    if exports and (buyers := named_buyers(ctx, sent)):
        # "Spain, Italy and Greece all took more Chilean copper": each bought from the exporter
        return [ctx.fact(key, Predicate.IMPORTS, [ctx.mention(token)], rule="flow-share",
                         confidence=CONFIDENCE - CARRIED, object=last.object, partner=last.subject,
                         forecast=False, **dated)
                for key, token in buyers if key != last.subject]  # fmt: skip
    # the period the flow's own comparison figure is of ("against 11.34 mln in the same 1985/86 period")
    compared = next((f for f in facts[facts.index(last) + 1 :] if f.sentence == last.sentence
                     and f.subject == last.subject and f.predicate == last.predicate and f.object == last.object
                     and f.partner == last.partner and f.period != last.period), None)  # fmt: skip
    earlier = dict(period=compared.period, period_start=compared.period_start, period_end=compared.period_end) \
        if compared is not None else dict(period=None, period_start=None, period_end=None)
    out = []
    for share in partner_shares(ctx, sent, exports=exports, flow_unit=last.unit):
        if share.partner == last.subject or share.unit != last.unit:
            continue
        # "Saudi Arabia 90,944 tonnes barley": the share's own goods; none named, the flow's;
        # two ("263,051 tonnes of wheat and barley") or one no product goes by: neither is sure
        named = share_goods(ctx, share)
        if len(named) > 1 or None in named:
            continue
        out.append(ctx.fact(last.subject, last.predicate, [ctx.doc[share.start : share.end]], rule="flow-share",
                            confidence=CONFIDENCE - CARRIED, object=named[0] if named else last.object,
                            quantity=share.value,
                            unit=share.unit, partner=share.partner, forecast=last.forecast,
                            **(earlier if share.compared else dated)))
    return out


def last_counted(facts: list[Fact]) -> Fact | None:
    """The story's last flow counted in a quantity (the flow a list of shares shares out)."""
    return next((f for f in reversed(facts) if f.quantity is not None
                 and f.predicate in (Predicate.EXPORTS, Predicate.IMPORTS)), None)  # fmt: skip


def is_export(fact: Fact | None) -> bool:
    return fact is not None and fact.predicate in (Predicate.EXPORTS, Predicate.EXPORT_VALUE)


def last_same_way(ctx: Context, facts: list[Fact], flow: Flow) -> Fact | None:
    """The last fact of this or the sentence before, when the last of the flow's direction
    is among them."""
    for fact in reversed(facts):
        if sentences_between(ctx, fact, flow.anchor) > 1:
            return None
        if is_export(fact) == flow.exports:
            return fact
    return None


def sentences_between(ctx: Context, fact: Fact, token: Token) -> int:
    start = ctx.doc.char_span(fact.start - ctx.offset, fact.start - ctx.offset + 1, alignment_mode="expand")
    if start is None:
        return 99
    return sum(1 for s in ctx.doc.sents if start.start < s.start <= token.i)


def bare_shipments(ctx: Context, flow: Flow) -> bool:
    """ "Shipments during December amounted to ...": the subject is shipments with no owner,
    destination or world word of their own; so is a figure a participle describes with no
    agent ("2.4 mln bags to be shipped", "one mln tonnes of corn sold to the Soviet Union")."""
    anchor = flow.anchor
    if figure_start(anchor) is not None:
        return not any(c.dep_ == "agent" for c in anchor.children)
    if anchor.lower_ not in ("shipment", "shipments") or anchor.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # "Total shipments": a counting adjective names no owner
    own = [t for t in ctx.doc[anchor.left_edge.i : anchor.i] if t.lower_ not in _COUNTING_ADJECTIVES]
    return not any(t.lower_ in flow_words("no_owner_words") or t.pos_ in ("PROPN", "ADJ") or t.dep_ == "poss" for t in own)
