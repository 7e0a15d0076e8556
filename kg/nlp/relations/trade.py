"""``exports`` (goods, with quantity and unit) and ``exportValue`` (amount and currency).

The exporter is the subject of an export verb ("China exported 3.86 billion face masks"),
the agent of a passive one ("masks exported by China") or the owner of an exports noun
("China's exports of masks reached ..."). Goods are the Product mentions of the verb's
object, lists after "including" among them; money there is the export's value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from kg.model import EntityType, Fact, Predicate
from kg.nlp.relations.base import ORGS, PRODUCTS, Context, lexicon, words
from kg.nlp.relations.dates import anchored_date
from kg.nlp.relations.quantities import parse_quantity, quantity_of

EXPORTERS = ORGS | frozenset({EntityType.COUNTRY})
CONFIDENCE = {"export-verb": 0.85, "export-verb-list": 0.8, "export-noun": 0.7,
              "export-value": 0.85, "export-noun-value": 0.7}  # fmt: skip
_NUMBER = r"^\d[\d,]*(\.\d+)?[a-zA-Z]*$"
# A price ("at $2 each") is not the value of the export.
_PRICE_WORDS = frozenset({"at", "per", "each", "apiece", "a"})


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    span: Span


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> tuple[Matcher, Matcher]:
    data = lexicon("currencies")
    scales = sorted(lexicon("numbers")["scales"])
    symbols = sorted(data["symbols"])
    codes = sorted({*data["codes"], *data["code_aliases"]})
    names = sorted(n for n in data["names"] if " " not in n)
    number = {"TEXT": {"REGEX": _NUMBER}}
    word_number = {"LIKE_NUM": True}
    scale = {"LOWER": {"IN": scales}, "OP": "?"}
    money = Matcher(vocab)
    money.add("MONEY", [
        [{"ORTH": {"IN": symbols}}, number, scale],
        [{"TEXT": {"REGEX": r"^[A-Z]{1,3}\$$"}}, number, scale],
        [{"ORTH": {"IN": codes}}, number, scale],
        [number, scale, {"ORTH": {"IN": codes}}],
        [word_number, scale, {"LOWER": {"IN": names}}],
        [word_number, scale, {"LOWER": {"IN": sorted(data["dollar_countries"])}},
         {"LOWER": {"IN": ["dollar", "dollars"]}}],
    ], greedy="LONGEST")  # fmt: skip
    verbs = Matcher(vocab)
    verbs.add("EXPORT_VERB", [[{"LEMMA": {"IN": sorted(words("trade", "export_verbs"))},
                                "POS": "VERB"}]])  # fmt: skip
    verbs.add("EXPORT_NOUN", [[{"LOWER": {"IN": ["export", "exports"]}, "POS": "NOUN"}]])
    return money, verbs


def money_in(span: Span) -> list[Money]:
    """Amounts of money stated in ``span`` ("10.2 billion yuan", "$1.4 billion")."""
    money, _ = _matchers(span.doc.vocab)
    chinese = bool(re.search(r"\b(yuan|RMB|renminbi|China|Chinese)\b", span.doc.text))
    found = []
    for _, start, end in money(span):
        m = span[start:end]
        currency, rest = _currency(m, chinese=chinese)
        quantity = parse_quantity(rest)
        if currency and quantity is not None:
            hedge = m.doc[m.start - 2 : m.start].text.lower() if m.start >= 2 else ""
            value = parse_quantity(f"{hedge} {rest}") if hedge.startswith("up") else quantity
            found.append(Money(amount=(value or quantity).value, currency=currency, span=m))
    return found


def _currency(span: Span, *, chinese: bool) -> tuple[str | None, str]:
    data = lexicon("currencies")
    first, last = span[0], span[-1]
    if first.text in data["symbols"] or re.match(r"^[A-Z]{1,3}\$$", first.text):
        code = data["symbols"].get(first.text) or data["symbols"].get(first.text.upper())
        if first.text == "¥" and chinese:
            code = data["yen_sign_in_chinese_context"]
        return code, span[1:].text
    if first.text in data["codes"] or first.text in data["code_aliases"]:
        return data["code_aliases"].get(first.text, first.text), span[1:].text
    if last.text in data["codes"] or last.text in data["code_aliases"]:
        return data["code_aliases"].get(last.text, last.text), span[:-1].text
    if last.lower_ in ("dollar", "dollars") and len(span) > 1:
        country = data["dollar_countries"].get(span[-2].lower_)
        if country:
            return country, span[:-2].text
    # "Indian rupees": a national adjective before the name picks among same-named currencies.
    before = span.doc[span.end - 2 : span.end].text.lower() if span.end >= 2 else ""
    code = data["currency_countries"].get(before) or data["names"].get(last.lower_)
    return code, span[:-1].text


def extract(ctx: Context) -> list[Fact]:
    """Exports and export values stated with an export verb or an exports noun."""
    _, verbs = _matchers(ctx.doc.vocab)
    facts: list[Fact] = []
    for match_id, start, _ in verbs(ctx.doc):
        token = ctx.doc[start]
        if ctx.doc.vocab.strings[match_id] == "EXPORT_VERB":
            facts.extend(_from_verb(ctx, token))
        else:
            facts.extend(_from_noun(ctx, token))
    return facts


def _exporters(ctx: Context, verb: Token) -> list[str]:
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        agents = [p for c in current.children if c.dep_ == "agent" for p in c.children
                  if p.dep_ == "pobj"]  # fmt: skip
        found = subjects or agents
        if found:
            tokens = [t for s in found for t in sorted({s, *s.conjuncts}, key=lambda t: t.i)]
            return [k for t in tokens if (k := ctx.key(t, EXPORTERS))]
        if current.dep_ not in ("conj", "xcomp", "advcl") or current.head is current:
            return []
        current = current.head
    return []


def _goods_region(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if not objects:  # "China exported up to ..." may hang the object on a shared conjunct
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i > verb.i] \
            if verb.dep_ == "conj" else []  # fmt: skip
    region = {t for o in objects for t in o.subtree}
    return sorted(region, key=lambda t: t.i)


def _from_verb(ctx: Context, verb: Token) -> list[Fact]:
    exporters = _exporters(ctx, verb)
    if not exporters:
        return []
    region = _goods_region(verb)
    if not region:
        return []
    span = ctx.doc[region[0].i : region[-1].i + 1]
    date = anchored_date(verb, ctx.article.published)
    direct = {c.i for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}
    direct |= {t.i for i in list(direct) for t in ctx.doc[i].conjuncts}
    facts = []
    for exporter in dict.fromkeys(exporters):
        facts.extend(_goods(ctx, exporter, span, verb, direct, date, "export-verb"))
        facts.extend(_values(ctx, exporter, span, verb, date, "export-value"))
    return facts


def _goods(ctx: Context, exporter: str, span: Span, anchor: Token, direct: set[int],
           date: str | None, rule: str) -> list[Fact]:  # fmt: skip
    facts = []
    seen: set[tuple[str, int]] = set()
    for key, mention in ctx.entity_mentions(PRODUCTS):
        if mention.start < span.start or mention.end > span.end:
            continue
        root = mention.root
        quantity, unit, evidence = _counted(root)
        if quantity is None and root.i not in direct:
            continue  # goods named without a number deep in the object: no export claim
        if (key, root.i) in seen:
            continue
        seen.add((key, root.i))
        tokens = [anchor, mention, *evidence]
        listed = rule == "export-verb" and root.i not in direct
        name = "export-verb-list" if listed else rule
        facts.append(ctx.fact(exporter, Predicate.EXPORTS, tokens, rule=name,
                              confidence=CONFIDENCE[name], object=key,
                              quantity=quantity, unit=unit, date=date))  # fmt: skip
    return facts


def _counted(root: Token) -> tuple[float | None, str | None, list[Token]]:
    """(quantity, unit, evidence tokens) of a goods noun: "16,000 ventilators",
    "8.41 million pairs of protective goggles"."""
    q = quantity_of(root)
    if q is not None:
        return q.value, None, [root]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        measure = root.head.head
        q = quantity_of(measure)
        # "pairs of goggles", "units of clothing": the counted noun is the unit.
        if q is not None and (measure.lower_ in words("trade", "units") or measure.tag_ == "NNS"):
            return q.value, measure.lower_, [measure]
    return None, None, []


def _values(ctx: Context, exporter: str, span: Span, anchor: Token, date: str | None,
            rule: str) -> list[Fact]:  # fmt: skip
    facts = []
    for money in money_in(span):
        before = ctx.doc[money.span.start - 1] if money.span.start > 0 else None
        after = ctx.doc[money.span.end] if money.span.end < len(ctx.doc) else None
        if (before is not None and before.lower_ in _PRICE_WORDS) or (
            after is not None and after.lower_ in _PRICE_WORDS
        ):
            continue
        facts.append(ctx.fact(exporter, Predicate.EXPORT_VALUE, [anchor, money.span], rule=rule,
                              confidence=CONFIDENCE[rule], amount=money.amount,
                              currency=money.currency, date=date))  # fmt: skip
    return facts


def _from_noun(ctx: Context, noun: Token) -> list[Fact]:
    """ "China's exports of masks reached 4 billion", "exports worth $1.4 billion"."""
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    exporters = [k for c in owners if (k := ctx.key(c, EXPORTERS) or ctx.country_of_demonym(c))]
    if not exporters:
        return []
    date = anchored_date(noun, ctx.article.published)
    facts = []
    value_verbs = words("trade", "value_verbs")
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    region: list[Token] = []
    if verb is not None and verb.lemma_.lower() in value_verbs:
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "npadvmod") or (
                child.dep_ == "prep" and child.lower_ in ("to", "at", "of")
            ):
                region.extend(child.subtree)
    region.extend(t for c in noun.children if c.dep_ in ("amod", "appos", "prep")
                  and c.lower_ in ("worth", "valued", "of") for t in c.subtree)  # fmt: skip
    if not region:
        return []
    region.sort(key=lambda t: t.i)
    span = ctx.doc[region[0].i : region[-1].i + 1]
    for exporter in dict.fromkeys(exporters):
        facts.extend(_values(ctx, exporter, span, noun, date, "export-noun-value"))
    return facts
