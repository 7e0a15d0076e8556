"""Supply contracts a buyer awards, and the companies that win them.

"The joint committee of Taiwan's maize importers awarded contracts to five U.S. companies for
seven shipments totalling 340,000 tonnes of maize" is Taiwan's import of that maize from the
United States: the buyer is the country whose importers (or which itself) award, the partner
the country the winners are of. Each winner after it ("Cargill Inc took two shipments
totalling 110,000 tonnes", "Cigra Inc won a contract to supply 33,000 tonnes", "ADM Export Co
received a 54,000 tonne cargo") exports its share of those goods to that buyer. A winner is
read only after an award or a purchase of counted goods in the story, within a few sentences
of it or of the winner before: "Boeing won a contract for 50 aircraft" alone says nothing of
trade. Contracts awarded are purchases made, no forecast.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.relations.base import ORGS, PRODUCTS, Context
from kg.nlp.relations.flow_clause import Figure, flow_words
from kg.nlp.relations.flow_figures import read_figures
from kg.nlp.relations.flow_periods import sentence_periods
from kg.nlp.relations.periods import Period, next_year
from kg.nlp.relations.trader_keys import trader_key

CONFIDENCE = 0.72
_NEAR = 4  # how many sentences after a purchase its winners may still be named
_COUNTRIES = frozenset({EntityType.COUNTRY, EntityType.PLACE})
_DAY_PREPOSITIONS = frozenset({"on", "in", "during"})  # "delivery on July 5 and 20", "delivery in May"


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The awards of the story as imports of their buyers, and each winner's share after an
    award or purchase as the winner's export to that buyer."""
    out: list[Fact] = []
    purchase: tuple[Fact, int] | None = None  # the last purchase read, and its sentence
    bought = {f.sentence: f for f in facts if f.predicate is Predicate.IMPORTS and f.quantity is not None
              and f.object is not None}  # fmt: skip
    doc, awarding, winning = ctx.doc, flow_words("contract_award_verbs"), flow_words("contract_win_verbs")
    for index, sent in enumerate(doc.sents):
        known = bought.get(sent.text) if bought else None
        # only a verb of awarding or winning can read either: those found from the words'
        # hashes, not a Token made of every word
        verbs = ctx.parse.with_words(sent.start, sent.end, frozenset(), awarding)
        award = next((a for i in verbs if (a := _award(ctx, doc[i])) is not None), None)
        if award is not None and known is None:
            out.append(award)
        if award is not None or known is not None:
            purchase = (award or known, index)  # type: ignore[assignment]
            continue
        if purchase is None or index - purchase[1] > _NEAR:
            continue
        verbs = ctx.parse.with_words(sent.start, sent.end, frozenset(), winning)
        won = [w for i in verbs if (w := _winner(ctx, doc[i], purchase[0])) is not None]
        if won:
            out.extend(won)
            purchase = (purchase[0], index)  # a list of winners runs on, sentence by sentence
    return out


def _award(ctx: Context, verb: Token) -> Fact | None:
    """ "Taiwan's maize importers awarded contracts to five U.S. companies for seven shipments
    totalling 340,000 tonnes of maize": the buyer's import, from the winners' country."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("contract_award_verbs"):
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in flow_words("contract_nouns") for c in verb.children):
        return None
    buyer = _buyer(ctx, verb)
    figure, goods = _counted_goods(ctx, verb)
    if buyer is None or figure is None or goods is None:
        return None
    winners = [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for p in c.subtree]
    partner = next((k for t in winners if (k := ctx.key(t, _COUNTRIES) or ctx.country_of_demonym(t))
                    and k != buyer), None)  # fmt: skip
    window = _delivery(ctx, verb.sent, figure.end)
    dated = dict(period=window.text, period_start=window.start, period_end=window.end) if window else {}
    return ctx.fact(buyer, Predicate.IMPORTS, [verb, ctx.doc[figure.start : figure.end]], rule="contract-award",
                    confidence=CONFIDENCE, object=goods, quantity=figure.value, unit=figure.unit, partner=partner,
                    forecast=False, **dated)  # fmt: skip


def _delivery(ctx: Context, sent: Span, start: int) -> Period | None:
    """The delivery window after the figure ("for delivery between September 1 and December
    20", "for delivery on July 5 and 20", "for May delivery"); a window already past when the
    story was written is next year's."""
    doc, delivery = ctx.doc, flow_words("delivery_nouns")
    for s, e, period in sentence_periods(ctx, sent):
        named_before = doc[s - 1].lower_ in delivery or doc[s - 1].lower_ in _DAY_PREPOSITIONS \
            and doc[s - 2].lower_ in delivery
        if s < start or not (named_before or e < len(doc) and doc[e].lower_ in delivery):
            continue
        published = ctx.article.published
        if period.start and period.end and published and period.end < published[:10] and not re.search(r"\d{4}", period.text):
            period = replace(period, start=next_year(period.start), end=next_year(period.end))
        return period
    return None


def _buyer(ctx: Context, verb: Token) -> str | None:
    """The country that awards: the subject, or the country of the importers the subject is
    ("the joint committee of Taiwan's maize importers")."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if (key := trader_key(ctx, subject)) is not None and ctx.type(key) is not EntityType.ORGANIZATION:
            return key
        for noun in subject.subtree:
            if noun.lemma_.lower() not in flow_words("importer_nouns"):
                continue
            for owner in noun.children:
                if owner.dep_ in ("poss", "amod", "compound", "nmod") and (
                        (key := trader_key(ctx, owner)) or (key := ctx.country_of_demonym(owner))):
                    return key
    return None


def _winner(ctx: Context, verb: Token, purchase: Fact) -> Fact | None:
    """ "United Grain Corp won two contracts for the supply of 110,000 tonnes": the company's
    export of the purchase's goods to its buyer."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("contract_win_verbs"):
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in flow_words("contract_nouns") | flow_words("cargo_nouns")
               for c in verb.children):  # fmt: skip
        return None
    # the subject's head may lie outside the company's mention ("Garnac Grain Co Inc" named
    # "Garnac Grain"): any word of the subject's name before it
    seller = next((k for c in verb.children if c.dep_ == "nsubj" for t in c.subtree if t.i <= c.i
                   and (k := ctx.key(t, ORGS)) and ctx.type(k) is EntityType.ORGANIZATION), None)  # fmt: skip
    figure, goods = _counted_goods(ctx, verb)
    # "a 54,000 tonne cargo" of a purchase in tonnes: the same unit, written before a noun
    if seller is None or figure is None or seller == purchase.subject \
            or (figure.unit or "").rstrip("s") != (purchase.unit or "").rstrip("s"):
        return None
    window = _delivery(ctx, verb.sent, figure.end)
    dated = dict(period=window.text, period_start=window.start, period_end=window.end) if window else {}
    return ctx.fact(seller, Predicate.EXPORTS, [verb, ctx.doc[figure.start : figure.end]], rule="contract-winner",
                    confidence=CONFIDENCE, object=goods or purchase.object, quantity=figure.value, unit=purchase.unit,
                    partner=purchase.subject, forecast=False, **dated)  # fmt: skip


def _counted_goods(ctx: Context, verb: Token) -> tuple[Figure | None, str | None]:
    """The first quantity the verb's clause weighs (a price is none; a count of cargoes only
    where nothing is weighed), and the goods named in the clause, if any."""
    right = [t for t in verb.subtree if t.i > verb.i]
    if not right:
        return None, None
    clause = Span(ctx.doc, verb.i, right[-1].i + 1)
    figure, start = None, verb.i + 1
    while start < clause.end:
        found = [f for f in read_figures(ctx, verb, clause.end, start=start) if f.unit and not f.currency]
        if not found or found[0].comparison:
            break
        figure, start = figure or found[0], found[0].end
        if (found[0].unit or "").lower().rstrip("s") not in flow_words("cargo_nouns"):
            figure = found[0]  # "four cargoes totalling 200,000 tonnes": the tonnes, not the count
            break
    goods = next((k for t in clause if (k := ctx.key(t, PRODUCTS))), None)
    return figure, goods
