"""Goods named in a Doc (``kg.nlp.entities``): where a noun names traded goods, and which words
before it belong to the goods' name. A head noun of goods (``product_heads.txt``, a word of
``products.tsv``) or a commodity word read in a tight trade context; "U.S. corn", "May arrival
white sugar", "3,000 tonnes white sugar" name the goods corn and white sugar."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.counted_goods import closed_compound, counted_after_figure, size_class_end
from kg.nlp.datafiles import rule_words
from kg.nlp.gazetteer import country_of
from kg.nlp.goods import (
    counted_from, exemplified_goods, form_of_goods, goods_category, goods_flow, graded_from, in_goods_context,
    measured_goods, trade_sentence,
)
from kg.nlp.goods_market_words import after_market_words
from kg.nlp.lexicon import norm


# Each kind of head noun of goods ("product_head", "commodity_head") with the hashes of its
# lemmas and of its plain forms (the lemmatizer misreads some plurals: "syringes" -> "syrinx").
GoodsHeads = list[tuple[str, frozenset[int], frozenset[int]]]
_NOUN, _ADJECTIVE = POS_IDS["NOUN"], POS_IDS["ADJ"]
_NOUNS = frozenset((_NOUN, POS_IDS["PROPN"]))
_REFERRING = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_DELIVERY_WORDS = frozenset({"arrival", "shipment", "delivery", "loading"})
# Product modifiers that judge or count rather than say what the goods are.
_NOT_PRODUCT_MODIFIER = frozenset(
    {"problematic", "certain", "other", "such", "more", "many", "new", "various", "recent",
     "extra", "additional", "much", "enough", "needed", "crucial", "essential", "urgent",
     "exported", "imported", "domestic", "foreign", "global", "several", "some", "these",
     "those", "million", "billion", "thousand", "faulty", "defective", "substandard", "fake",
     "own", "first", "last", "most", "potential", "possible", "cheap", "expensive", "large",
     "small", "big", "key", "vital", "necessary", "critical", "scarce", "much-needed", "popular",
     # "current series white sugar", "new crop wheat": the campaign, not the goods
     "current", "series", "crop", "season",
     # "intervention barley", "stock sugar": where the goods are sold from, not what they are
     "intervention", "stock",
     # "carryover barley stocks": stocks carried into a season, not other goods
     "carryover", "carry-over",
     # "Chinese origin beans", "optional origin soybean oil" (the seller picks where they
     # come from): where the goods come from, not what they are
     "origin", "optional",
     # "further whites purchases", "total barley and wheat exports": how much, not what
     "further", "total", "overall", "combined",
     # "May arrival white sugar", "April shipment wheat": when the goods go, not what they are
     *_DELIVERY_WORDS}
)
# Comparatives and superlatives ("lower", "higher", "largest") compare amounts or prices.
_COMPARING_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
# A verb and the goods word its idiom takes as object, naming no goods ("to follow suit").
_IDIOMS = frozenset({("follow", "suit")})
# Model labels of names: a name is never part of the goods' name.
_MODEL_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# "Japanese-made cars": the word after the origin's hyphen says where, not what.
_ORIGIN_WORDS = frozenset({"made", "built", "produced", "grown", "manufactured", "assembled"})


def _means_of_carriage(head: Token) -> bool:
    """ "by truck", "by tanker": a bare noun after "by" (no article, number or modifier) is
    how goods are carried, not goods."""
    return head.dep_ == "pobj" and head.head.lower_ == "by" and not any(True for _ in head.lefts)


def product_spans(doc: Doc, heads: GoodsHeads) -> list[Span]:
    """The goods ``doc`` names where it speaks of trade: a head noun of goods (``heads``) or a
    noun measured, exemplified or counted as goods, with the modifiers that say what the goods
    are ("hard red winter wheat") and without those that judge, count, date or place them
    ("U.S. corn", "May arrival white sugar")."""
    spans: list[Span] = []
    matches: dict[int, str] = {}
    for i, (lemma, lower, pos) in enumerate(doc.to_array([LEMMA, LOWER, POS]).tolist()):
        if pos in _NOUNS or pos == _ADJECTIVE and _before_flow(doc[i]):
            for key, lemmas, forms in heads:
                if lemma in lemmas or lower in forms:
                    matches[i] = key
                    break
        if i in matches or pos != _NOUN:
            continue
        # Every test below reads the same noun: one Token for them all (spaCy makes a new
        # one at each ``doc[i]``, and the tests ask of every noun of every story).
        noun = doc[i]
        if measured_goods(noun) and trade_sentence(noun):
            matches[i] = "measured"  # "471,891 tonnes of fishmeal": goods no lexicon names
        elif exemplified_goods(noun):
            matches[i] = "exemplified"  # "exporting products like ships": goods no lexicon names
        elif noun.dep_ not in {"compound", "nmod"} and goods_category(noun) and in_goods_context(noun):
            # "imports of consumer goods": a kind of goods no lexicon names, where goods go and
            # heading its phrase ("mill products shipments" may be a plant's deliveries)
            matches[i] = "category"
        if i not in matches and closed_compound(noun):
            matches[i] = "commodity_head"  # "132 warplanes": read only where goods go
    for start, kind in matches.items():
        head = doc[start]
        if (head.head.lemma_.lower(), head.lower_) in _IDIOMS:
            continue  # "follow suit": no goods
        if _means_of_carriage(head):
            continue  # "0.2 mln bpd by truck": how the goods go
        placed = in_goods_context(head) or counted_after_figure(head)  # "3,011 buses" after "exports included"
        tight = placed and not (kind == "commodity_head" and _of_making(head)) \
            or kind == "commodity_head" and _beside_goods(head, matches)
        if not tight and (form := form_of_goods(head)) is not None and form.i not in matches:
            head, tight = form, True  # "imports of cocoa powder": the goods are the powder
        if head.ent_type_ in {"PERSON", "ORG", "GPE"} and head.ent_iob_ != "O" and not (
            tight and _goods_read_as_name(head, kind)
        ):
            continue  # a name, unless it is a goods name in a goods slot ("exports of CPO")
        if not tight and (kind == "commodity_head" or not trade_sentence(head)):
            continue
        if head.dep_ in {"compound", "nmod"} and not goods_flow(head.head):
            continue  # "oil prices", "the car and electronics industries"
        left = head.i
        for child in sorted(head.lefts, key=lambda t: -t.i):
            if child.i != left - 1 and not (
                child.i == left - 2 and doc[left - 1].dep_ == "punct"
            ) and not _coordinated_states(child, left, head, heads):
                break
            if child.dep_ not in {"compound", "amod", "nmod"} or child.like_num:
                break
            # a modifier's own compound chain ("COVID-19 testing kits")
            left = min([child.i] + [t.i for t in child.subtree if t.i < child.i])
        left = _flat_compound_start(head, left)  # "softwood lumber exports": the goods are softwood lumber
        left = after_market_words(doc, left, head.i)  # "free market barley": the goods are barley
        # a name the lexicon knows whole keeps its words, whatever the model read them as ("Colour television")
        while left < head.i and norm(doc[left : head.i + 1].text) not in lexicon.product_terms() and (
            doc[left].lower_ in _NOT_PRODUCT_MODIFIER or doc[left].is_punct
            or doc[left].tag_ in _COMPARING_TAGS  # "lower wheat exports", "the cheapest rice": how much, not what
            or doc[left].lower_ in ("and", "or") and _national(doc[left + 1])  # "West European and Polish rapeseed"
            or _delivery_month(doc[left])
            or _national(doc[left])
            or (doc[left].lower_ in _ORIGIN_WORDS and left > 0 and doc[left - 1].text == "-")
        ):
            left += 1  # "U.S. corn", "Brazilian soybeans": the goods are corn, soybeans
        left = counted_from(doc, left, head.i)  # "3,000 tonnes white sugar": the goods are white sugar
        left = graded_from(doc, left)  # "number two yellow soybeans": the grade names the goods
        if left == head.i and any(c.dep_ == "det" and c.lower_ in _REFERRING for c in head.children) \
                and not (tight and any(s.root.lemma_ == head.lemma_ for s in spans)):
            continue  # "the drug", "a kit": a reference to goods, not a kind of goods
        # "trucks of up to six tonnes": a size class names a kind of the goods
        spans.append(Span(doc, left, size_class_end(doc, head), label=EntityType.PRODUCT))
    return spans


def _coordinated_states(modifier: Token, left: int, head: Token, heads: GoodsHeads) -> bool:
    """ "crude and refined oil", "fresh and frozen fish": adjectives joined by "and" or
    "or" right before the goods name one phrase of goods; not when a conjunct names
    goods of its own ("manganese and copper ores"), unless with the head it names a
    kind ("crude oil")."""
    tokens = list(modifier.subtree)
    if tokens[-1].i != left - 1 or not any(t.dep_ == "cc" for t in tokens):
        return False
    return all(t.dep_ == "cc" or t.pos_ == "ADJ" and not _names_other_goods(t, head, heads) for t in tokens)


def _names_other_goods(token: Token, head: Token, heads: GoodsHeads) -> bool:
    if f"{token.lower_} {head.lower_}" in lexicon.product_terms():
        return False
    return any(token.lemma in lemmas or token.lower in forms for _, lemmas, forms in heads)


def _delivery_month(token) -> bool:
    """ "May" in "May arrival white sugar": the month the goods are delivered in."""
    doc = token.doc
    return token.lower_ in rule_words("dates", "months") and token.i + 1 < len(doc) \
        and doc[token.i + 1].lower_ in _DELIVERY_WORDS


def _national(token) -> bool:
    """A country name or demonym before goods says where they come from, not what they are."""
    if token.ent_type_ in ("GPE", "NORP") and token.is_title or token.text.isupper() and token.ent_type_ == "GPE":
        return True
    return token.is_title and (gazetteer.country_of_demonym(token.text) is not None
                               or gazetteer.country_of(token.text) is not None)


def _flat_compound_start(head: Token, left: int) -> int:
    """ "softwood lumber exports", "soybean oil sales": the parse hangs every noun of the
    phrase on the flow noun; the plain nouns right before the goods still name them, and so
    does a word of the goods' form ("frozen beef exports", "seamless pipe exports")."""
    if head.dep_ not in {"compound", "nmod"}:
        return left
    doc = head.doc
    # an adjective of a form of goods too ("seamless pipe exports", "a seamless pipe export
    # cartel", where the parse hangs it on the noun the flow noun qualifies)
    outer = {head.head, head.head.head} if head.head.dep_ in {"compound", "nmod"} else {head.head}
    while left > 0 and (sibling := doc[left - 1]).dep_ in {"compound", "nmod", "amod"} \
            and (sibling.pos_ == "NOUN" and sibling.head == head.head
                 or sibling.lower_ in lexicon.product_forms() and sibling.head in outer) \
            and sibling.is_alpha and sibling.ent_type_ not in _MODEL_NAMES:
        left = min([sibling.i] + [t.i for t in sibling.subtree if t.i < sibling.i])
    return left


# Adjectives of how much a flow covers, never its goods ("overall exports", not overalls).
_SCOPE_ADJECTIVES = frozenset({"overall", "total", "net", "gross"})


def _goods_read_as_name(head: Token, kind: str) -> bool:
    """A goods word in a goods slot that the model read as a name: "exports of CPO" (an
    organization), "Sorghum sales" opening a sentence (a place no gazetteer knows)."""
    if head.ent_type_ == "ORG":
        return head.lower_ in lexicon.product_terms()
    return head.ent_type_ == "GPE" and head.ent_iob_ == "B" and (head.i + 1 == len(head.doc) or head.doc[head.i + 1].ent_iob_ != "I") \
        and (kind == "commodity_head" or head.lower_ in lexicon.product_terms()) \
        and country_of(head.text) is None and not gazetteer.is_city(head.text) and not gazetteer.is_region(head.text)


# Flow nouns of what a country makes, not of goods that go anywhere: an adjective before
# them says which sector ("agricultural output"), not which goods.
_MAKING_FLOWS = frozenset({"production", "output", "crop", "harvest"})


# ... and of what it holds ("livestock inventories")
_MAKING_OR_HOLDING = _MAKING_FLOWS | {"inventory"}


def _of_making(head: Token) -> bool:
    """ "livestock production", "milk output", "livestock inventories": a word that names goods
    only in trade, before a noun of what a country makes or holds, names a farm sector (in a
    sentence that speaks of no trade; "tea output ..., while exports" are the goods traded)."""
    return head.dep_ in {"compound", "nmod"} and head.head.lemma_.lower() in _MAKING_OR_HOLDING \
        and not any(t.lemma_.lower() in _CROSSING_FLOWS for t in head.sent)


# Words of goods crossing a border, as opposed to being made or held.
_CROSSING_FLOWS = frozenset({"export", "import", "exporter", "importer", "ship", "shipment", "sell", "sale", "buy",
                             "purchase"})


def _before_flow(token: Token) -> bool:
    """ "crude exports": a goods word the tagger read as an adjective, right before the
    flow noun it names the goods of."""
    return token.dep_ == "amod" and token.head.i == token.i + 1 and goods_flow(token.head) \
        and token.lower_ not in _SCOPE_ADJECTIVES and token.head.lemma_.lower() not in _MAKING_FLOWS


def _beside_goods(head: Token, matches: dict[int, str]) -> bool:
    """ "non-monetary gold and passenger cars": a commodity word coordinated with goods a
    product head names is goods too, in a sentence about trade."""
    joined = [head.head] if head.dep_ == "conj" else []
    joined += [c for c in head.children if c.dep_ == "conj"]
    # not "the car and electronics industries": the goods word there names the industry
    return trade_sentence(head) and any(
        matches.get(t.i) == "product_head" and (t.dep_ not in {"compound", "nmod"} or goods_flow(t.head))
        for t in joined)
