"""Where a noun names traded goods: the tight trade contexts of kg.nlp.entities' Products.

A goods noun ("tea", "lithium carbonate", "syringes") is a Product when the parse puts it
where only goods go: counted by a measure ("4,800 tonnes of macadamia nuts", "doses of
measles vaccine"), before or after a flow noun ("tea exports", "shipments of copper"),
object of a trade verb ("exported 400,000 syringes"), or taxed or priced ("tariffs on fresh
cherries"). A trade word elsewhere in the sentence is not enough for words that name other
things as often (commodity_heads.txt).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.climb import climb
from kg.nlp.datafiles import rule_data
from kg.nlp.doc_index import sentence_answer
from kg.nlp.gazetteer import country_of_demonym

# Verbs whose object is goods bought, sold or moved across a border.
TRADE_VERBS = frozenset({"export", "import", "ship", "sell", "buy", "re-export", "reexport",
                         "purchase", "procure", "smuggle", "produce", "supply"})
# Participles that say goods crossed a border ("imported ethylene").
_TRADED = frozenset({"imported", "exported", "re-exported", "smuggled"})
# Words that open a list of the goods a flow noun is made of ("imports, including grains").
_LISTING = frozenset({"including", "excluding", "notably", "especially", "mainly", "mostly"})
# Words that give goods by example ("products like ships"; "such as" is read from its "as").
_EXAMPLE_WORDS = frozenset({"like", "including"})
# Nouns that name goods of any kind, whose examples name the goods ("products like ships").
GENERIC_GOODS = frozenset({"product", "products", "goods", "commodity", "commodities", "item", "items",
                           "merchandise"})
# Trade verbs that move goods across a border (not "produce" or "supply", said of any maker).
_MOVING_VERBS = TRADE_VERBS - {"produce", "supply"}
# Words that scale a figure ("3 mln tonnes"): never part of the goods' name.
SCALE_WORDS = frozenset({"mln", "million", "billion", "bln", "bn", "thousand", "trillion"})
# Nouns that a price, a tax or a limit is put on ("tariffs on X", "a ban on X imports").
# Model labels of names: a name is never goods no lexicon knows.
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART"})
_LEVIES = frozenset({"tariff", "levy", "duty", "tax", "price", "ban", "quota", "embargo", "curb"})


def in_goods_context(token: Token) -> bool:
    """True when ``token`` heads a noun phrase the parse puts where goods go."""
    if counted_measure(token):
        return False  # "bags of 60 kilos": the size of the measure, not goods
    # "doses of the vaccine and 400,000 syringes": the list's first noun says where it goes (a
    # counted measure first in the list, "doses", does not make the goods after it a measure)
    if _figure_before(token) or _measured_without_of(token):
        return True  # "Malta 18,400 wheat", "3,000 tonnes whites": the parse may hang them anywhere
    token = climb(token, lambda t: t.dep_ == "conj" and t.head.pos_ in {"NOUN", "PROPN"})
    head = token.head
    if token.dep_ in {"compound", "nmod"} or token.pos_ == "ADJ" and token.dep_ == "amod":
        return goods_flow(head)  # "tea exports"; "crude exports", the goods read as an adjective
    if token.dep_ == "dobj":
        # "exported 98,000 tonnes" reaches here too; "its purchases include grains"
        return head.lemma_.lower() in TRADE_VERBS or _included_in_flow(head)
    if _moved_by_verb(token) or _listed_figure(token) or _traded_modifier(token):
        return True
    if token.dep_ != "pobj":
        return False
    outer = head.head
    word = outer.lemma_.lower()
    if _fronted_topic(token):
        return True
    if head.lower_ in _LISTING and goods_flow(outer) or exemplified_goods(token):
        return True  # "imports, including grains", "exporting products like paper machinery"
    if head.lower_ == "of":
        outer = _rate_measure(outer)
        if _measure_forms(outer) & (lexicon.goods_measures() | lexicon.product_flows()):
            return True  # "tonnes of X", "exports of X", "board feet of X", "dlrs worth of X"
        return outer.dep_ == "dobj" and outer.head.lemma_.lower() in TRADE_VERBS \
            and outer.like_num  # "exported 4.3 million of X"
    if head.lower_ in {"on", "for"}:
        return word in _LEVIES  # "tariffs on fresh cherries"
    return False


def exemplified_goods(token: Token) -> bool:
    """ "exporting products like paper machinery and ships", "an exporter of commodities such
    as coffee": nouns given as examples of goods a trade word moves are goods themselves,
    whether a lexicon knows them or not."""
    token = climb(token, lambda t: t.dep_ == "conj" and t.head.pos_ in {"NOUN", "PROPN"})
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj" or token.ent_type_ in _NAMES:
        return False
    example, outer = token.head, token.head.head
    if not example_word(example):
        return False
    if outer.lemma_.lower() not in GENERIC_GOODS and outer.lower_ not in GENERIC_GOODS:
        return False
    if goods_category(outer):
        return False  # "consumer goods, such as electric fans": the category is the goods
    if outer.dep_ == "dobj":
        return outer.head.lemma_.lower() in _MOVING_VERBS  # not "produces goods such as ..."
    return outer.dep_ == "pobj" and outer.head.lower_ == "of" and goods_flow(outer.head.head)


# Words before a goods noun that count, point at or place the goods rather than sort them
# ("other goods such as tea", "many products like ships", "foreign goods"): the examples
# still name the goods then.
_NOT_SORTING = frozenset({"other", "many", "various", "several", "certain", "some", "such", "similar", "more",
                          "most", "few", "numerous", "different", "same", "all", "key", "main", "major",
                          "principal", "important", "new", "its", "their", "foreign", "overseas", "domestic",
                          "local", "cheap", "cheaper"})


def goods_category(noun: Token) -> bool:
    """ "consumer goods", "capital goods", "farm products", "manufactured goods": a generic
    goods noun a modifier sorts into a kind of goods, a category traded under its own name.
    Its origin ("Taiwanese goods", "U.S. products") or a word that counts it ("other goods")
    does not sort it, and goods named before it ("steel products") are the goods themselves."""
    if noun.lemma_.lower() not in GENERIC_GOODS and noun.lower_ not in GENERIC_GOODS:
        return False
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in {"compound", "amod", "nmod"}:
            continue
        if child.ent_type_ in _NAMES or child.lower_ in _NOT_SORTING | _TRADED or country_of_demonym(child.text) \
                or child.lemma_.lower() in TRADE_VERBS:
            continue  # "Taiwanese goods", "other goods", "imported goods", "export commodities"
        if child.lower_ == "non" or child.lower_.startswith("non-"):
            return False  # "non-oil goods": the goods a clause leaves out are read as such
        if not child.is_alpha:
            continue
        if lexicon.product_kind(child.text) is not None:
            return False  # "steel products": the goods are the steel named before
        if child.pos_ in {"NOUN", "ADJ"} or child.tag_ == "VBN":
            return True
    return False


def example_word(token: Token) -> bool:
    """ "like", "including", the "as" of "such as": a word that gives examples."""
    if token.lower_ in _EXAMPLE_WORDS:
        return True
    return token.lower_ == "as" and (any(c.lower_ == "such" for c in token.children)
                                     or token.i > 0 and token.doc[token.i - 1].lower_ == "such")


# The forms a farm or mine product is processed into and traded as ("cocoa powder", "tomato
# paste", "orange juice"): the goods word before them names what they are made of. Other
# nouns after a goods word name other things ("cotton carryover") or other goods ("beef/veal").
_PROCESSED_FORMS = frozenset({"powder", "paste", "juice", "butter", "liquor", "concentrate", "extract", "syrup",
                              "starch", "flakes", "pellet", "pellets", "bran", "puree", "pulp"})


def form_of_goods(token: Token) -> Token | None:
    """ "imports of cocoa powder", "exports of tomato paste": the processed form that a goods
    word modifies, where goods go, heads the goods' name."""
    noun = token.head
    if token.dep_ not in {"compound", "nmod"} or noun.i != token.i + 1 or noun.lower_ not in _PROCESSED_FORMS:
        return None
    return noun if in_goods_context(noun) else None


def _rate_measure(token: Token) -> Token:
    """ "50,000 barrels per day of crude": the measure a rate's time unit divides."""
    per = token.head
    if token.dep_ == "pobj" and per.lower_ == "per" and per.dep_ == "prep":
        return per.head
    return token


def _moved_by_verb(token: Token) -> bool:
    """ "wheat was exported", "lumber exported to Iraq", "the lumber exported": the subject
    of a passive trade verb, or the noun a trade participle describes."""
    head = token.head
    if token.dep_ in {"nsubjpass", "nsubj"} and head.lemma_.lower() in TRADE_VERBS and head.tag_ == "VBN":
        return True
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in TRADE_VERBS for c in token.children)


def _included_in_flow(verb: Token) -> bool:
    """ "Its purchases from the U.S. include testing equipment": what a flow noun's verb of
    inclusion lists is goods."""
    return verb.lemma_.lower() == "include" and any(c.dep_ == "nsubj" and goods_flow(c) for c in verb.children)


def _traded_modifier(token: Token) -> bool:
    """ "demand for imported ethylene", "smuggled gold": goods a trade participle describes."""
    return any(c.dep_ == "amod" and c.i < token.i and c.lower_ in _TRADED for c in token.children)


def _fronted_topic(token: Token) -> bool:
    """ "In flour, exports totalled 980,000 tonnes": goods that open the sentence as the
    topic of a clause whose subject is a flow noun."""
    prep = token.head
    verb = prep.head
    if prep.lower_ not in {"in", "for"} or prep.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"} \
            or any(not t.is_space for t in token.doc[prep.sent.start : prep.i]):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i and goods_flow(c) for c in verb.children)


def _listed_figure(token: Token) -> bool:
    """ "included: beef 120,184 (137,686), horse meat 25,651": goods named before their own
    figure, in a sentence that says what the figures count ("in tonnes")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None or not following.like_num or following.head != token or following.dep_ != "nummod":
        return False
    return _names_bulk_measure(token.sent)


def _figure_before(token: Token) -> bool:
    """ "Algeria 64,896 wheat, Morocco 27,500 maize": goods counted by a bare figure right
    before them, in a sentence that says what the figures count ("tonnes")."""
    return figure_before(token) and _names_bulk_measure(written_sentence(token))


def _names_bulk_measure(tokens: Iterable[Token]) -> bool:
    """Whether ``tokens`` name what a list's figures count ("tonnes", "bags")."""
    measures = lexicon.bulk_measures()
    return any(_forms(t) & measures for t in tokens)


def figure_before(token: Token) -> bool:
    """A figure of 1,000 or more, in digits, counts the noun right after it ("27,500 maize",
    "3,011 buses"). A year is no count ("1986 wheat"); a small count is of things, not of
    tonnes ("Two ships will load 25,000 tonnes", "12 vessels")."""
    if token.i == 0 or token.dep_ in {"compound", "nmod"}:
        return False
    figure = token.doc[token.i - 1]
    return figure.head == token and figure.dep_ == "nummod" and bool(_LARGE_FIGURE.fullmatch(figure.text)) \
        and not _YEAR.fullmatch(figure.text)


def written_sentence(token: Token) -> Span:
    """The sentence as written, from the full stop before ``token``: the parse cuts a long
    list into pieces that name no measure."""
    doc, start = token.doc, token.i
    while start > 0 and token.i - start < _LIST_REACH and doc[start - 1].text not in (".", "!", "?"):
        start -= 1
    return doc[start : token.sent.end]


def _measured_without_of(token: Token) -> bool:
    """ "tendering for 3,000 tonnes whites", "84,037 tonnes Cuban whites": goods right after a
    counted bulk measure, with no "of" between (an origin or a grade may stand between)."""
    doc, j = token.doc, token.i - 1
    while j >= 0 and token.i - j <= _BETWEEN_MEASURE and (doc[j].pos_ == "ADJ" or country_of_demonym(doc[j].text)):
        j -= 1
    if j < 1 or j == token.i or not _forms(doc[j]) & lexicon.bulk_measures():
        return False
    count = doc[j - 1]
    return count.like_num or count.lower_ in SCALE_WORDS


_BETWEEN_MEASURE = 2  # words that may stand between the measure and the goods ("tonnes Cuban raw whites")
_LIST_REACH = 80  # tokens back to the full stop a list of figures began after
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_LARGE_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{4,}(?:\.\d+)?")  # 1,000 and up, in digits


def _measure_forms(token: Token) -> set[str]:
    # a measure of two words: "21 mln board feet of lumber"
    return _forms(token) | {f"{c.lower_} {form}" for c in token.children if c.dep_ == "compound"
                            for form in _forms(token)}


def measured_goods(token: Token) -> bool:
    """ "471,891 tonnes of fishmeal", "9,000 bales of sisal": a plain noun a bulk measure
    counts names goods, even when no lexicon knows it; a capacity, a flow or a total does
    not ("tonnes of capacity", "barrels of output")."""
    if token.pos_ != "NOUN" or not token.is_alpha or token.dep_ != "pobj" or token.head.lower_ != "of" \
            or token.ent_type_ in _NAMES or counted_measure(token):
        return False
    measure = token.head.head
    if not _forms(measure) & lexicon.bulk_measures() or not any(c.like_num for c in measure.children):
        return False
    return not _forms(token) & (lexicon.not_goods_measured() | lexicon.product_flows())


def counted_measure(token: Token) -> bool:
    """ "60 kilos", "two bags", "11.7 mln dlrs": a measure or a currency with its own count is
    what goods are counted or valued in."""
    return bool(_forms(token) & (lexicon.goods_measures() | money_words())) and any(
        c.like_num or c.lower_ in SCALE_WORDS and any(g.like_num for g in c.children) for c in token.children)


@lru_cache(maxsize=1)
def money_words() -> frozenset[str]:
    """The words of currencies ("dlrs", "yen", "francs"), lower-cased."""
    data = rule_data("currencies")
    return frozenset(w.lower() for key in ("dollar_words", "names", "shared_names") for w in data[key])


def goods_flow(token: Token) -> bool:
    """True when ``token`` is a flow noun goods may modify ("coffee exports", "coffee
    earnings"), or a noun a trade word modifies beside them ("maize import commitments",
    "coffee export registrations": the goods cross a border), unless that noun is the
    flow's measure ("meat export value")."""
    return bool(_forms(token) & lexicon.product_flows()) or token.lower_ not in _value_heads() \
        and any(c.dep_ == "compound" and c.lower_ in _CROSSING for c in token.children)


_CROSSING = frozenset({"import", "export"})


@lru_cache(maxsize=1)
def _value_heads() -> frozenset[str]:
    """ "export value", "import volume": a flow's own measure, which makes no goods of the
    noun before it ("two-thirds of meat export value" is a share, no flow of meat)."""
    return frozenset(rule_data("trade")["flows"]["value_heads"])


def _forms(token: Token) -> set[str]:
    # the lemmatizer reads some plurals wrongly ("doses" -> "dos"): the plain forms count too
    lower = token.lower_
    return {token.lemma_.lower(), lower, lower[:-1] if lower.endswith("s") else lower}


def product_acronyms(spans: list[Span]) -> list[Span]:
    """ "liquefied natural gas (LNG)": the letters in parentheses name the goods, whatever
    type the model gave them."""
    out = list(spans)
    for k in range(1, len(out)):
        span, before = out[k], out[k - 1]
        doc = span.doc
        if before.label_ != EntityType.PRODUCT or len(span) != 1 or span.start != before.end + 1 \
                or doc[before.end].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
            continue
        initials = "".join(t.text[0] for t in before if t.is_alpha).upper()
        if span.text.isupper() and span.text == initials:
            out[k] = Span(doc, span.start, span.end, label=EntityType.PRODUCT)
    return out


def product_plurals(spans: list[Span]) -> list[Span]:
    """ "its popular Accord cars ... 2,000 Accords a year": a one-word name the model took for
    a firm or a person is goods where, written in the plural, it is a model the story names
    goods by."""
    models = {s[0].text for s in spans if s.label_ == EntityType.PRODUCT and len(s) > 1 and s[0].is_title}
    names = (EntityType.ORGANIZATION, EntityType.PERSON)
    return [Span(s.doc, s.start, s.end, label=EntityType.PRODUCT)
            if s.label_ in names and len(s) == 1 and s.text.endswith("s") and s.text[:-1] in models
            else s for s in spans]  # fmt: skip


def counted_from(doc, left: int, head: int) -> int:
    """Where a goods phrase starts once the figure and measure counting it are left out:
    "3,000 tonnes white sugar" is white sugar (newswire drops the "of")."""
    numbers = [i for i in range(left, head) if doc[i].like_num]
    if not numbers:
        return left
    left = numbers[-1] + 1
    skip = lexicon.goods_measures() | plural_forms(lexicon.goods_measures()) | SCALE_WORDS
    while left < head and (doc[left].lower_ in skip or doc[left].lemma_.lower() in skip):
        left += 1
    return left


# A grade of goods: a grade word and its small number ("number two", "No. 2").
_GRADE_WORDS = frozenset({"number", "no.", "no", "grade"})
_GRADE_NUMBERS = frozenset({"1", "2", "3", "4", "5", "one", "two", "three", "four", "five"})


def graded_from(doc, left: int) -> int:
    """Where a goods phrase starts with the grade before it: "number two yellow soybeans",
    "No. 2 yellow corn" (the number names the grade, it counts nothing)."""
    if left >= 2 and doc[left - 1].lower_ in _GRADE_NUMBERS and doc[left - 2].lower_ in _GRADE_WORDS:
        return left - 2
    return left


def known_products(found: list[Span], phrases: list[Span], others: list[Span]) -> list[Span]:
    """The goods spans ``found`` by their head nouns, each inside a longer product name the
    lexicon knows (``phrases``) replaced by that name: "crude palm oil", not "crude palm"
    and "oil"; "soybean meal", not "Soybean"; "coarse grain", not "grain". A known name that
    would cut through another entity (``others``) is left alone."""
    out = list(found)
    for name in phrases:
        if name.label_ != EntityType.PRODUCT:
            continue
        inside = [s for s in found if name.start <= s.start and s.end <= name.end]
        if not inside or all((s.start, s.end) == (name.start, name.end) for s in inside):
            continue
        if any(s.start < name.end and name.start < s.end and not (name.start <= s.start and s.end <= name.end)
               for s in [*found, *others]):
            continue
        out = [s for s in out if s not in inside]
        out.append(Span(name.doc, name.start, name.end, label=EntityType.PRODUCT))
    return sorted(out, key=lambda s: s.start)


def plural_forms(heads: Iterable[str]) -> set[str]:
    """Each head word with its regular plural spellings."""
    forms = set()
    for word in heads:
        forms.update({word, word + "s", word + "es"})
        if word.endswith("y"):
            forms.add(word[:-1] + "ies")
    return forms


def trade_sentence(head: Token) -> bool:
    """True when the sentence of ``head`` has a trade word (trade_cues.txt)."""
    cues = lexicon.trade_cues()
    # asked of every goods noun: each sentence is read once
    return sentence_answer(head.sent, ("trade_sentence", cues),
                           lambda sent: any(t.lemma_.lower() in cues or t.lower_ in cues for t in sent))
