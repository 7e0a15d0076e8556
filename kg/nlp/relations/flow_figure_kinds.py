"""What a figure of a flow clause is, read from the words around it: the flow's own ("main"),
one compared with ("comparison"), or no flow's figure ("skip": a change, a price, a share, a
balance); and the words that mark a figure as a value, an estimate, a limit, a difference or a
period's total. ``flow_figures`` reads a clause's figures in order and asks these what each is."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import islice

from spacy.tokens import Doc, Token

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.goods import SCALE_WORDS
from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import HEDGES, PLACE_LABELS, Figure, flow_words
from kg.nlp.relations.flow_reports import net_sales_verb


def difference_after(doc, i: int) -> bool:
    """A figure is a difference when "more than" or "less than" follows it, past an
    equivalent in brackets ("3.7 billion sterling (5.8 billion dlrs) more than we sold")."""
    if i < len(doc) and doc[i].text == "(":
        i = next((j + 1 for j in range(i, min(i + 8, len(doc))) if doc[j].text == ")"), i)
    elif i < len(doc) and doc[i].text == ")":
        i += 1  # the equivalent itself
    return i + 1 < len(doc) and doc[i].lower_ in ("more", "less", "fewer") and doc[i + 1].lower_ == "than"


def threshold(doc, i: int) -> bool:
    """ "fell below four billion marks", "stayed above 300 mln dlrs": a figure a verb of
    change or state says the flow crossed or kept clear of is a mark, not the flow's amount
    (the amount is told apart: "fell below two billion, to 1.85 billion")."""
    return i > 0 and doc[i - 1].lower_ in ("below", "above") and doc[i - 1].dep_ == "prep" \
        and doc[i - 1].head.pos_ == "VERB"


# "with a value of (around)", "valued at", "worth": the words that give a quantity's value
_VALUE_OF = re.compile(r"(?:,\s*)?(?:(?:with|at|for)\s+a\s+(?:total\s+)?value\s+of|valued\s+at|worth)"
                       r"(?:\s+(?:about|around|some|nearly|approximately|an\s+estimated))?", re.I)


def value_of(doc, start: int, end: int) -> bool:
    """The words between a quantity and a money figure say the money is the quantity's value
    (the partner or period may stand between: "1.4 mln bags to ICO members last year with a
    value of 230 mln dlrs")."""
    between = doc[start:end].text
    found = _VALUE_OF.search(between)
    return found is not None and found.end() == len(between.rstrip())  # the value words end right before it


def licensed_before(doc, i: int, end: int) -> bool:
    """ "3.37 mln under licence": the figure is followed by the licences that cover it."""
    return i + 1 < end and doc[i].lower_ == "under" and doc[i + 1].lower_ in flow_words("licence_heads")


def period_total(doc, i: int, start: int, dated: frozenset[int] | set[int]) -> bool:
    """ "December's total was 237,000", "last year's figure of 1.2 mln": a figure stated as
    the total of a period."""
    i -= 1
    while i > start and (doc[i].lower_ in HEDGES or doc[i].lower_ in ("was", "were", "is", "of", "at", "stood")):
        i -= 1
    return i - 2 >= start and doc[i].lower_ in ("total", "figure", "level") and doc[i - 1].tag_ == "POS" \
        and doc[i - 2].i in dated


def worth_before(doc, i: int, floor: int) -> bool:
    """ "worth 210 mln dlrs", "valued at 45 mln dlrs": a value stated for what was counted."""
    i -= 1
    while i > floor and doc[i].lower_ in HEDGES:
        i -= 1
    return i >= floor and (doc[i].lower_ == "worth" or doc[i].lower_ == "at" and doc[i - 1].lower_ == "valued")


def _word_before_of(doc, i: int, start: int) -> Token | None:
    """The word before the "of" that opens the figure at ``i``, past its hedges ("a quota of
    about 600,000"), or None when no "of" opens it."""
    i -= 1
    while i > start and doc[i].lower_ in HEDGES:
        i -= 1
    return doc[i - 1] if i > start and doc[i].lower_ == "of" else None


def estimate_before(doc, i: int, start: int) -> bool:
    """ "an earlier estimate of 20.5 mln tonnes", "last month's projection of 23 mln": a
    figure an estimate noun gives."""
    word = _word_before_of(doc, i, start)
    return word is not None and word.lower_ in flow_words("estimate_nouns")


def limit_before(doc, i: int, start: int) -> bool:
    """ "a ceiling of 30,000 tonnes", "a quota of about 600,000 bales": a figure that caps
    the flow, so a plan."""
    word = _word_before_of(doc, i, start)
    return word is not None and word.lower_ in flow_words("limit_nouns")


def _period_owned(doc, i: int, start: int, dated: frozenset[int] | set[int]) -> bool:
    """ "the lowest since 1980's 6.19 mln tonnes", "below last year's 1.2 mln": a figure a
    period owns is that period's figure, one to compare with."""
    i -= 1
    while i > start and doc[i].lower_ in lexicon("numbers")["approximate"]:
        i -= 1
    return i - 1 >= start and doc[i].tag_ == "POS" and doc[i - 1].i in dated


def _under_comparison(doc, i: int, start: int) -> bool:
    """The figure stands in the object of a comparison, however long: "from last month's
    projection of 23 mln tonnes", "compared with an earlier estimate of 1.1 mln"."""
    for token in islice(doc[i].ancestors, 8):
        if token.i < start:
            return False
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "prep" and token.lower_ in ("from", "against", "versus", "vs", "vs."):
            return token.lower_ != "from" or not (token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ in PLACE_LABELS)
        if token.dep_ == "prep" and token.lower_ == "with" and token.head.lower_ in ("compared", "comparing"):
            return True
    return False


def _level_after_change(before: list[Token]) -> bool:
    """ "forecast to increase to 1.0 mln tonnes", "a reduction to 50,000 tonnes": the level a
    change reaches is the flow's figure, where "an increase of 55,000 tonnes" is the change.
    The level the verb starts from is a level too ("will increase from 1.3 mln tonnes in 1987
    to 2.0 mln in 1991"), read as "rose from ... to ..." is; the noun's ("a reduction from")
    may be a quota's or a price's, so it stays unread."""
    plain = [t for t in before if t.lower_ not in lexicon("numbers")["approximate"]]
    changes = {"increase", "increases", "decrease", "decreases", "reduction", "reductions"}
    if len(plain) < 2 or plain[-2].lower_ not in changes:
        return False
    return plain[-1].lower_ == "to" or plain[-1].lower_ == "from" and plain[-2].pos_ == "VERB"


# A money amount below this and with no scale word is what a unit costs (tonne, barrel, car)
# or a rate, not the value of the flow: trade values run to millions.
_UNIT_PRICE_CEILING = Decimal(10_000)


def _small_unscaled_amount(doc: Doc, figure: Figure) -> bool:
    """ "to buy wheat at 85 U.S. Dlrs CAF", "when sterling neared 1.60 dlrs", "growers would
    be paid 100 dlrs": an amount with no scale word below the ceiling is a rate or a price,
    wherever it stands ("valued at 2.1 mln dlrs" keeps its scale word); trade values run to
    millions."""
    return figure.currency is not None and figure.value < _UNIT_PRICE_CEILING \
        and not any(t.lower_ in SCALE_WORDS for t in doc[figure.start : figure.end])


def other_money_before(doc, i: int, start: int) -> bool:
    """ "at a cost of some 80 mln dlrs", "a debt liability of nearly 600 mln dlrs", "after a
    decline of 7.3 billion dlrs": the figure is what the noun before its "of" measures (a
    cost, a debt, a change), not the flow's value. A noun, so "would cost 3.2 billion dlrs"
    (the flow's own value, a verb) is kept."""
    word = _word_before_of(doc, i, start)
    return word is not None and word.pos_ == "NOUN" and word.lower_ in flow_words("other_money_nouns")


# "above or below 15.5 mln bags", "more or less than": a figure the flow may miss either way
_EITHER_WAY = re.compile(r"\b(above|below|higher|lower|more|less) or (above|below|higher|lower|more|less)( than)?$")


def _flow_purpose(token: Token) -> bool:
    """ "Imports for consumption declined to 114,000 tons": what a flow noun's goods are for,
    not what the figure after it measures."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "NOUN" \
        and prep.head.lower_ in flow_words("export_nouns") | flow_words("import_nouns")


def figure_kind(ctx: Context, figure: Figure, start: int, end: int, *, compared: bool = False, planned: bool = False,
          dated: frozenset[int] | set[int] = frozenset()) -> str:
    """ "main", "comparison", "skip" (a change, a price, a share, a balance) or "end" (other
    money, which the rest of the clause is about)."""
    doc = ctx.doc
    after = doc[figure.end] if figure.end < end else None
    if after is not None and after.lower_ in flow_words("share_words") and after.lower_ not in ("a", "an"):
        return "skip"  # "55 pct", "dlrs per tonne"
    if after is not None and (after.lower_ in ("below", "above", "higher", "lower") or after.lower_ in ("more", "less")
                              and figure.end + 1 < len(doc) and doc[figure.end + 1].lower_ == "than"):
        # "700,000 tonnes below the 1985/86 figure", "two mln more than": by how much, not a
        # level ("up to 190,000 tonnes more for June shipment" is one)
        return "skip"
    if after is not None and after.lower_ in ("a", "an") and figure.end + 1 < len(doc) and \
            doc[figure.end + 1].lower_ in flow_words("quantity_units") | {"tonne", "barrel", "bushel", "pound", "ton"}:
        return "skip"  # "17.25 dlrs a barrel": a price
    if _small_unscaled_amount(doc, figure):
        return "skip"  # "to buy wheat at 85 U.S. Dlrs CAF", "when it neared 1.60 dlrs": a price or a rate
    if other_money_before(doc, figure.start, start):
        # "a debt liability of nearly 600 mln dlrs but set aside only 150 mln dlrs": the clause
        # has turned to other money, and the figures after it are that money's too
        return "end"
    before = [t for t in doc[max(start, figure.start - 4) : figure.start]]
    # "imports from Australia totalled 2.1 mln": an origin, not a figure compared with
    words = ["" if t.lower_ == "from" and t.i + 1 < len(doc) and doc[t.i + 1].ent_type_ in PLACE_LABELS
             else t.lower_ for t in before]  # fmt: skip
    hedges = set(lexicon("numbers")["approximate"]) | {"to", "at", "of", "were", "was", "be", "is", "totalled",
                                                       "totaled", "total", "reach", "reached"}
    near = [w for w in words if w not in hedges]
    plain = [w for w in words if w not in hedges and w not in ("only", "just", "a", "further", "another")]
    if plain and plain[-1] == "by":
        return "skip"  # "increased by only 7.3 billion dlrs": the change
    if _EITHER_WAY.search(" ".join(words)):
        return "skip"  # "exports could be above or below 15.5 mln bags": either way, no level
    if any(t.lower_ in flow_words("balance_nouns") for t in doc[start : figure.start]):
        return "skip"  # "... and the trade surplus has averaged under 150 mln": a balance's figure
    if before and before[-1].lemma_.lower() in flow_words("change_verbs") and before[-1].pos_ == "VERB" \
            and not net_sales_verb(ctx, before[-1]):
        return "skip"  # "rose 1.56 billion dlrs": the change, not the level
    if any(a in ("up", "down") and b == "on" for a, b in zip(near, near[1:])):
        return "comparison"  # "were up on the 300 mln in May 1986": the figure compared with
    if "previous" in near[-2:]:
        return "comparison"  # "up 6.5 pct on a previous 920,000 tonnes": the earlier figure
    if words and words[-1] in ("up", "down") :
        return "skip"
    skip = flow_words("skip_before") - flow_words("target_heads") if planned else flow_words("skip_before")
    if len(before) >= 2 and before[-1].text == "(" and before[-2].lower_ in flow_words("quantity_units"):
        return "skip"  # "1.8 mln quintales (46 kilos)": what the unit weighs, no figure of its own
    # "a harvest of up to 1.8 mln bags": what the figure measures, past the hedges before it
    measured = [w for w in plain if w != "up"]
    measures = any(w in skip and not _flow_purpose(t) for w, t in zip(words[-3:], before[-3:]))
    if (measures or measured and measured[-1] in skip) and not _level_after_change(before):
        return "skip"
    wider = [t.lower_ for t in doc[max(start, figure.start - 6) : figure.start]]
    if any(w in flow_words("comparison_words") for w in near[-3:]) or "compared" in words or (
        any(w in ("below", "above", "contrast", "against", "versus") for w in wider)
    ):
        return "comparison"
    if compared and words and words[-1] in ("and", ","):
        return "comparison"  # "against 2.83 billion in January and 2.23 billion in ..."
    if _period_owned(doc, figure.start, start, dated) or _under_comparison(doc, figure.start, start):
        return "comparison"
    return "main"


def restated_in_other_unit(doc, opening: int, figure: Figure, previous: Figure) -> bool:
    """ "4.6 mln cubic meters of fuel, or 28.9 mln barrels, in 1987": a quantity stated again
    in another unit after ", or", the same flow and period as the one before it (``opening``
    is the token before the figure, past its hedges). Not a second choice in the same unit
    ("10,000 or 20,000 tonnes") nor a value ("or 50 mln dlrs" reads as worth elsewhere)."""
    return opening >= 1 and doc[opening].lower_ == "or" and doc[opening - 1].text == "," \
        and figure.unit is not None and previous.unit is not None and figure.unit != previous.unit \
        and figure.currency is None and previous.currency is None and previous.end <= opening - 1


def provisional_before(doc, i: int, start: int) -> bool:
    """ "against a provisionally estimated 31 mln in 1986/87", "a preliminary 75,000 tonnes":
    a figure already counted, only not yet final, is a reported one, whatever season it is
    of (``i`` is the figure's first token)."""
    words = {t.lower_ for t in doc[max(start, i - 4) : i]}
    return bool(words & _PROVISIONAL)


_PROVISIONAL = frozenset({"provisional", "provisionally", "preliminary", "preliminarily"})
