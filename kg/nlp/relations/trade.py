"""``exports`` (goods, with quantity and unit) and ``exportValue`` (amount and currency).

The exporter is the subject of an export verb ("China exported 3.86 billion face masks"),
the agent of a passive one ("masks exported by China") or the owner of an exports noun
("China's exports of masks reached ..."). Goods are the Product mentions of the verb's
object, lists after "including" among them; money there is the export's value.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon, rule_words as words
from kg.nlp.relations.flow_partial_totals import partial_total
from kg.nlp.relations.base import PRODUCTS, Context, sentences_back
from kg.nlp.relations.dates import anchored_date
from kg.nlp.relations.exporters import EXPORTERS, Claim, described_trader, exporters_of_verb
from kg.nlp.relations.goods_lists import each_after, goods_list
from kg.nlp.relations.money import local_currency, money_in
from kg.nlp.relations.quantities import quantity_of
from kg.nlp.relations.refusals import rejected
from kg.nlp.relations.tree import TreePatterns
from kg.vocab.predicates import identity

CONFIDENCE = {"export-verb": 0.85, "export-verb-list": 0.8, "export-noun": 0.7,
              "export-value": 0.85, "export-earning": 0.8, "export-noun-value": 0.7,
              "export-noun-earlier": 0.6}  # fmt: skip
# A price ("at $2 each") is not the value of the export.
_PRICE_WORDS = frozenset({"at", "per", "each", "apiece", "a"})


@lru_cache(maxsize=1)
def _verbs() -> TreePatterns:
    verbs = TreePatterns()
    verbs.add("EXPORT_VERB", [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {
        "LEMMA": {"IN": sorted(words("trade", "export_verbs"))}, "POS": "VERB"}}]])  # fmt: skip
    verbs.add("EARN_VERB", [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {
        "LEMMA": {"IN": sorted(words("trade", "earn_verbs"))}, "POS": "VERB"}}]])  # fmt: skip
    nouns = sorted(words("trade", "shipment_nouns") | words("trade", "sales_nouns"))
    verbs.add("EXPORT_NOUN", [[{"RIGHT_ID": "noun",
                                "RIGHT_ATTRS": {"LOWER": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}}]])
    return verbs


def extract(ctx: Context) -> list[Fact]:
    """Exports and export values stated with an export verb, an earning verb ("earned X from
    exports") or an export noun ("exports were worth X", "export revenue of X")."""
    facts: list[Fact] = []
    claims: list[Claim] = []
    # a token is never two of these (a verb or a noun; the verb lists share no lemma)
    for label, (start,) in sorted(_verbs()(ctx.parse), key=lambda m: m[1][0]):
        token = ctx.doc[start]
        if label == "EXPORT_VERB":
            facts.extend(_from_verb(ctx, token, claims))
        elif label == "EARN_VERB":
            facts.extend(_from_earning(ctx, token, claims))
        else:
            facts.extend(_from_noun(ctx, token, claims))
    return _unique(facts)


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per claim: a value may be reached both from its verb and from its noun."""
    seen: set[tuple] = set()
    out = []
    for f in facts:
        key = (*identity(f), f.sentence)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _goods_region(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if not objects:  # "China exported up to ..." may hang the object on a shared conjunct
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i > verb.i] \
            if verb.dep_ == "conj" else []  # fmt: skip
    region = {t for o in objects for t in o.subtree}
    return sorted(region, key=lambda t: t.i)


def _from_verb(ctx: Context, verb: Token, claims: list[Claim]) -> list[Fact]:
    if any(c.dep_ == "neg" for c in verb.children) or rejected(verb):
        return []  # "had not sold wheat to Colombia", "rejected bids to export wheat"
    exporters = exporters_of_verb(ctx, verb, claims)
    if not exporters or not _crosses_border(ctx, verb, exporters):
        return []
    region = _goods_region(verb)
    if not region:
        return []
    span = ctx.doc[region[0].i : region[-1].i + 1]
    goods = frozenset(k for t in span if (k := ctx.key(t, PRODUCTS)))
    # "exporting textiles to the United States": the destination is never the exporter
    # (a pronoun resolved to the wrong country)
    destinations = {k for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ in ("to", "into")
                    and (k := ctx.key(t, EXPORTERS))}  # fmt: skip
    exporters = [e for e in exporters if e not in destinations]
    if not exporters:
        return []
    claims.extend(Claim(exporter=e, at=verb.i, goods=goods) for e in dict.fromkeys(exporters))
    date = anchored_date(verb, ctx.article.published, matcher=ctx.rules.dates)
    direct = {c.i for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}
    direct |= {t.i for i in list(direct) for t in ctx.doc[i].conjuncts}
    spans = [span, *_value_spans(verb)]
    facts = []
    for exporter in dict.fromkeys(exporters):
        facts.extend(_goods(ctx, exporter, span, verb, direct, date, "export-verb"))
        for where in spans:
            facts.extend(_values(ctx, exporter, where, verb, date, "export-value"))
    return facts


def _crosses_border(ctx: Context, verb: Token, exporters: list[str]) -> bool:
    """ "exported", "shipped" say so; "sold", "supplied", "delivered" only with a destination
    abroad ("to Egypt") or an abroad word: a firm's sales and a government's cuts are no exports."""
    if verb.lemma_.lower() in words("trade", "cross_border_verbs"):
        return True
    for t in verb.subtree:
        if t.lower_ in words("trade", "abroad_words") and t.lower_ != "export":
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "into") and t.head.head.i == verb.i:
            key = ctx.key(t, frozenset({EntityType.COUNTRY, EntityType.PLACE}))
            if key and key not in exporters:
                return True
    return False


def _value_spans(verb: Token) -> list[Span]:
    """Where an export verb states the value: "exported X worth $Y", "exported X, earning $Y"."""
    doc = verb.doc
    out = []
    for child in verb.children:
        if child.lower_ in words("trade", "value_words"):
            out.append(doc[child.left_edge.i : child.right_edge.i + 1])
        elif child.dep_ in ("advcl", "conj") and child.lemma_.lower() in words("trade", "earn_verbs"):
            out.extend(doc[o.left_edge.i : o.right_edge.i + 1] for o in child.children
                       if o.dep_ == "dobj")  # fmt: skip
    return out


def _from_earning(ctx: Context, verb: Token, claims: list[Claim]) -> list[Fact]:
    """ "Kenya earned 138.5 billion shillings from tea exports": earnings from an export noun."""
    sources = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
               for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    if not any(p.lower_ in words("trade", "shipment_nouns") or _sold_abroad(p) for p in sources):
        return []
    exporters = exporters_of_verb(ctx, verb, claims)
    date = anchored_date(verb, ctx.article.published, matcher=ctx.rules.dates)
    facts = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        span = ctx.doc[obj.left_edge.i : obj.right_edge.i + 1]
        for exporter in dict.fromkeys(exporters):
            facts.extend(_values(ctx, exporter, span, verb, date, "export-earning"))
    return facts


def _sold_abroad(noun: Token) -> bool:
    """ "sales abroad", "foreign sales", "overseas shipments": sales that are exports."""
    if noun.lower_ not in words("trade", "sales_nouns"):
        return noun.lower_ in words("trade", "shipment_nouns")
    return any(c.lower_ in words("trade", "abroad_words") for c in noun.children)


def _goods(ctx: Context, exporter: str, span: Span, anchor: Token, direct: set[int],
           date: str | None, rule: str) -> list[Fact]:  # fmt: skip
    facts = []
    seen: set[tuple[str, int]] = set()
    for key, mention in ctx.entity_mentions(PRODUCTS):
        if mention.start < span.start or mention.end > span.end:
            continue
        root = mention.root
        quantity, unit, evidence = _counted(root, mention)
        if quantity is None and root.i not in direct:
            continue  # goods named without a number deep in the object: no export claim
        if (key, root.i) in seen:
            continue
        seen.add((key, root.i))
        tokens = [anchor, mention, *evidence]
        listed = rule == "export-verb" and root.i not in direct
        name = "export-verb-list" if listed else rule
        goods = [key]
        if quantity is not None and (together := goods_list(ctx, root)):
            # "25,000 tonnes of wheat and barley": the list's quantity, no one good's,
            # unless "each" gives it to every one
            goods = together if each_after(ctx.doc, evidence[-1].i + 1) else []
            seen.update((k, root.i) for k in together)
        facts.extend(ctx.fact(exporter, Predicate.EXPORTS, tokens, rule=name,
                              confidence=ctx.confidence(name), object=item,
                              quantity=quantity, unit=unit, date=date) for item in goods)  # fmt: skip
    return facts


def _counted(root: Token, mention: Span) -> tuple[Decimal | None, str | None, list[Token]]:
    """(quantity, unit, evidence tokens) of a goods noun: "16,000 ventilators",
    "8.41 million pairs of protective goggles"."""
    q = quantity_of(root)
    if q is not None:
        return q.value, None, [root]
    of = mention.doc[mention.start - 1] if mention.start > 0 else None
    if of is not None and of.lower_ != "of" and of.dep_ == "det" and mention.start > 1:
        of = mention.doc[mention.start - 2]  # "doses of the vaccine"
    measure = None
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        measure = root.head.head
    elif of is not None and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.i < of.i:
        # "tonnes of quinoa worth $X" is often parsed with the goods under the money:
        # the words still say what was counted.
        measure = of.head
    if measure is not None:
        q = quantity_of(measure)
        # "pairs of goggles", "units of clothing": the counted noun is the unit.
        if q is not None and (measure.lower_ in words("trade", "units") or measure.tag_ == "NNS"):
            return q.value, _unit(measure), [measure]
    return None, None, []


def _unit(measure: Token) -> str:
    """ "cubic meters", "metric tons": a unit keeps the modifier that makes it a unit."""
    mods = [c.lower_ for c in measure.lefts if c.lower_ in words("trade", "unit_modifiers")]
    return " ".join([*mods, measure.lower_])


def _values(ctx: Context, exporter: str, span: Span, anchor: Token, date: str | None,
            rule: str) -> list[Fact]:  # fmt: skip
    facts = []
    for money in money_in(span, matcher=ctx.rules.money, local=local_currency(ctx, exporter),
                          published=ctx.article.published):
        before = ctx.doc[money.span.start - 1] if money.span.start > 0 else None
        after = ctx.doc[money.span.end] if money.span.end < len(ctx.doc) else None
        if (before is not None and before.lower_ in _PRICE_WORDS) or (
            after is not None and after.lower_ in _PRICE_WORDS
        ):
            continue
        facts.append(ctx.fact(exporter, Predicate.EXPORT_VALUE, [anchor, money.span], rule=rule,
                              confidence=ctx.confidence(rule), amount=money.amount,
                              currency=money.currency, date=date, object=_worth_of(ctx, money.span)))  # fmt: skip
    return facts


def _worth_of(ctx: Context, money: Span) -> str | None:
    """ "8,000 tonnes of high-grade beef to the EC annually worth about 48 mln dlrs": the
    value of the goods just counted, not the exporter's total."""
    doc = ctx.doc
    i = money.start - 1
    while i >= 0 and doc[i].lower_ in ("about", "around", "some", "nearly", "roughly", "over", "almost"):
        i -= 1
    if i < 0 or doc[i].lower_ != "worth":
        return None
    sent = doc[i].sent
    counted = [k for t in doc[sent.start : i] if (k := ctx.key(t, PRODUCTS))
               and t.head.lower_ == "of" and t.head.head.like_num is False
               and any(c.like_num for c in t.head.head.children)]  # "8,000 tonnes of beef"
    return counted[-1] if counted else None


def _from_noun(ctx: Context, noun: Token, earlier: list[Claim]) -> list[Fact]:
    """ "China's exports of masks reached 4 billion", "exports worth $1.4 billion",
    "export revenue of $2 billion", "copper shipments were worth X" (exporter said before)."""
    if noun.lower_ in words("trade", "sales_nouns") and not _sold_abroad(noun):
        return []
    if any(t.lower_ in lexicon("trade")["flows"]["not_goods"] for t in ctx.doc[noun.left_edge.i : noun.i]):
        return []  # "capital exports": money, not goods
    if partial_total(ctx.doc, noun, noun.i):
        return []  # "non-oil exports were worth ...": part of the trade, not all goods
    value_noun = noun
    if noun.dep_ in ("compound", "amod") and noun.head.lower_ in words("trade", "revenue_nouns"):
        value_noun = noun.head  # "export revenue of $2 billion": the head carries the value
    owners = [c for n in {noun, value_noun} for c in n.children
              if c.dep_ in ("poss", "compound", "amod", "nmod")]  # fmt: skip
    exporters = [k for c in owners if (k := ctx.key(c, EXPORTERS) or ctx.country_of_demonym(c)
                                       or _possessive(ctx, c) or described_trader(ctx, c, earlier))]
    rule = "export-noun-value"
    if not exporters and not any(c.dep_ == "poss" for c in owners):
        exporters = _earlier_exporter(ctx, noun, earlier)
        rule = "export-noun-earlier"
    if not exporters:
        return []
    date = anchored_date(noun, ctx.article.published, matcher=ctx.rules.dates)
    value_verbs = words("trade", "value_verbs")
    verb = value_noun.head if value_noun.dep_ in ("nsubj", "nsubjpass") else None
    region: list[Token] = []
    if verb is not None and verb.lemma_.lower() in value_verbs:
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "npadvmod") or (
                child.dep_ == "prep" and child.lower_ in ("to", "at", "of")
            ) or child.lower_ in words("trade", "value_words"):
                region.extend(child.subtree)
    region.extend(t for c in value_noun.children if c.dep_ in ("amod", "appos", "prep")
                  and c.lower_ in ("worth", "valued", "of") for t in c.subtree)  # fmt: skip
    if not region:
        return []
    region.sort(key=lambda t: t.i)
    span = ctx.doc[region[0].i : region[-1].i + 1]
    goods = [t for c in value_noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for t in c.subtree if ctx.key(t, PRODUCTS)]  # fmt: skip
    facts = []
    for exporter in dict.fromkeys(exporters):
        facts.extend(_values(ctx, exporter, span, noun, date, rule))
        if goods and verb is not None:
            facts.extend(_noun_goods(ctx, exporter, goods, span, noun, date))
    return facts


def _noun_goods(ctx: Context, exporter: str, goods: list[Token], span: Span, noun: Token,
                date: str | None) -> list[Fact]:  # fmt: skip
    """ "Brazil's exports of soybeans rose to 90 million tonnes": the measure the exports
    reached is the quantity of the goods they are of."""
    units = words("trade", "units")
    measures = [t for t in span if t.pos_ == "NOUN" and (t.lower_ in units)
                and quantity_of(t) is not None]  # fmt: skip
    if len(measures) != 1:
        return []
    measure = measures[0]
    q = quantity_of(measure)
    keys = dict.fromkeys(k for t in goods if (k := ctx.key(t, PRODUCTS)))
    if (len(keys) > 1 or goods_list(ctx, goods[0])) and not each_after(ctx.doc, measure.i + 1):
        return []  # "exports of wheat and barley rose to 40,000 tonnes": the list's, no one good's
    return [ctx.fact(exporter, Predicate.EXPORTS, [noun, measure], rule="export-noun",
                     confidence=ctx.confidence("export-noun"), object=key, quantity=q.value,
                     unit=_unit(measure), date=date) for key in keys]  # fmt: skip


def _possessive(ctx: Context, token: Token) -> str | None:
    """ "its exports": the exporter the text mentioned last."""
    if token.dep_ == "poss" and token.lower_ in ("its", "their"):
        return ctx.recent(token, EXPORTERS)
    return None


def _earlier_exporter(ctx: Context, noun: Token, earlier: list[Claim]) -> list[str]:
    """The exporter of an ownerless export noun ("the shipment was worth X"): whoever the
    text said exported the same goods before, else the exporter of the export verb of the
    same or the previous sentence."""
    goods = {k for t in noun.subtree if (k := ctx.key(t, PRODUCTS))}
    before = [c for c in earlier if c.at < noun.i]
    if goods:
        return next(([c.exporter] for c in reversed(before) if c.goods & goods), [])
    floor = sentences_back(ctx.doc, noun.sent.start, 1)
    recent = [c for c in before if c.at >= floor]
    return [recent[-1].exporter] if recent else []
