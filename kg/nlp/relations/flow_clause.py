"""What a flow clause is made of: its trade word with its direction and extent (``Flow``),
the numbers it states (``Figure``), and the flow word lists of ``trade.json``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.exporters import EXPORTERS

HEDGES = frozenset({"about", "around", "some", "roughly", "nearly", "approximately", "almost", "over", "under"})
TRADE_PLACES = frozenset({EntityType.COUNTRY, EntityType.PLACE, *EXPORTERS})
PLACE_LABELS = frozenset({EntityType.COUNTRY.value, EntityType.PLACE.value, "GPE"})
CONFIDENCE = 0.88  # of a fact a flow clause states; less where a field is carried from before


UNNAMED_PARTNER = ""  # a figure's partner the text leaves unnamed ("to third countries"): none, not the clause's


@dataclass(frozen=True)
class Figure:
    """One number of a flow clause: a quantity (with unit) or an amount (with currency)."""

    value: Decimal
    start: int  # token indices in the Doc
    end: int
    unit: str | None = None
    currency: str | None = None
    comparison: bool = False
    # the same figure stated another way: "10.2 billion yuan ($1.4 billion)", "98,000 tonnes
    # of tea worth 210 mln dlrs"
    equivalent: bool = False
    estimate: bool = False  # "against 1.65 mln forecast in March": an earlier forecast of the same period
    partner: str | None = None  # "... and to Iraq 50,000": the same flow to another partner
    goods: str | None = None  # "... and 150,000 tonnes of maize": the same flow of other goods
    limit: bool = False  # "a ceiling of 30,000 tonnes": a cap on the flow, so a forecast
    part: bool = False  # ", of which 40,000 tonnes went to Pakistan": a share of the first figure


@dataclass(frozen=True)
class Flow:
    anchor: Token
    exports: bool
    end: int  # the clause ends before this token
    planned: bool = False  # "export target", "import quota": every figure is a forecast
    carried: bool = False  # "They were 530,500 tonnes": trader, goods and direction are the last flow's
    licensed: bool = False  # "export licences for 60,500 tonnes": quantities licensed, no values


def _data() -> dict:
    return lexicon("trade")["flows"]


def flow_words(key: str) -> frozenset[str]:
    return _sets()[key]


_CACHE: dict[str, frozenset[str]] = {}


def _sets() -> dict[str, frozenset[str]]:
    if not _CACHE:
        _CACHE.update({k: frozenset(w.lower() for w in v) for k, v in _data().items() if isinstance(v, list)})
    return _CACHE


def reporting(verb: Token) -> bool:
    """A verb that reports or says what a sentence states ("reported", "said", "added")."""
    lemma = verb.lemma_.lower()
    return lemma in flow_words("report_verbs") or lemma in _SAYING  # no union of the two sets per call


_SAYING = frozenset({"say", "add"})


def anchor_words() -> tuple[frozenset[str], frozenset[str]]:
    """Every word that can anchor a flow as a noun, and every lemma that can as a verb."""
    if "anchor nouns" not in _CACHE:
        _CACHE["anchor nouns"] = frozenset().union(*(flow_words(key) for key in (
            "product_value_heads", "export_nouns", "import_nouns", "sale_nouns", "purchase_nouns", "buyer_nouns",
            "tender_nouns", "imported_demand_heads")))
        _CACHE["anchor verbs"] = frozenset().union(*(flow_words(key) for key in (
            "export_verbs", "import_verbs", "sale_verbs", "purchase_verbs", "receipt_verbs", "seeking_verbs",
            "tender_verbs", "loading_verbs", "market_taking_verbs")))
    return _CACHE["anchor nouns"], _CACHE["anchor verbs"]


def _phrase_heads() -> frozenset[str]:
    """The nouns a flow word before them makes part of the flow's phrase ("export revenue",
    "import quota", "import commitments"), joined once: ``flow_noun`` is asked of every flow."""
    if "phrase heads" not in _CACHE:
        _CACHE["phrase heads"] = flow_words("value_heads") | flow_words("target_heads") | flow_words("commitment_nouns")
    return _CACHE["phrase heads"]


def flow_noun(anchor: Token) -> Token:
    """The noun phrase a flow noun heads: "Colombia's coffee export revenue" for "export"."""
    if anchor.dep_ in ("compound", "amod", "nmod") and anchor.head.lower_ in _phrase_heads():
        return anchor.head
    if anchor.dep_ == "appos" and anchor.head.i < anchor.i and anchor.doc[anchor.i - 1].text == ")":
        # "Japan's video tape recorder (VTR) exports": the bracketed short name cut the phrase,
        # and the parse hangs the flow noun on the goods
        return anchor.head
    return anchor


def made_in(token: Token) -> bool:
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in flow_words("origin_words")
