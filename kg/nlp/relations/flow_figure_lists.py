"""How a flow clause goes on after a figure: the next item of a list, each naming its own
period ("X in January, Y in February"), another partner's figure ("to France ..., Austria
6,048 (4,104)"), a bracketed comparison, figures given "respectively" or "over the respective
periods", a partner named after a list of goods. ``flow_figures`` asks these whether a figure
it reads is the same flow again; ``flows`` which partner each item of a list is for."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import TRADE_PLACES, Figure, flow_words


def compared_respectively(doc, figures: list[Figure], end: int) -> list[Figure]:
    """ "wheat to 2.99 mln tonnes, and barley to 2.96 mln compared with 1.25 and 1.89 mln
    tonnes respectively": the figures compared with go, in order, with the goods of the
    figures they follow."""
    mains = [f for f in figures if not f.comparison]
    compared = [f for f in figures if f.comparison]
    if len(mains) < 2 or len(mains) != len(compared) or not compared[-1].end < end \
            or "respectively" not in [t.lower_ for t in doc[compared[-1].end : min(compared[-1].end + 3, end)]]:
        return figures
    out = list(mains)
    for main, figure in zip(mains, compared):
        out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit, currency=figure.currency,
                          comparison=True, estimate=figure.estimate, partner=main.partner, goods=main.goods))
    return out


def partner_opens(ctx: Context, anchor: Token, first: int, *, exports: bool) -> bool:
    """The clause names its partner after a preposition before its first figure ("Exports
    to France rose to 20,479 tonnes"): the partners listed after may drop theirs."""
    preps = flow_words("partner_export") if exports else flow_words("partner_import")
    doc = ctx.doc
    return any(t.lower_ in preps and t.i + 1 < first and ctx.key(doc[t.i + 1], TRADE_PLACES)
               for t in doc[anchor.i + 1 : first])  # fmt: skip


def bracketed_after(doc, last: Figure, figure: Figure) -> bool:
    """ "6,048 (4,104)": a figure in brackets right after the last one (a unit may come between)."""
    opening = figure.start - 1
    return opening >= 0 and doc[opening].text == "(" and last.end <= opening <= last.end + 1 \
        and figure.end < len(doc) and doc[figure.end].text == ")"


def over_respective_periods(doc, i: int, end: int) -> bool:
    """ "over the respective periods", "in the respective years": the figures before go, in
    order, with periods named earlier."""
    words = [t.lower_ for t in doc[i : min(i + 4, end)]]
    return len(words) >= 3 and words[0] in ("over", "in", "for", "during") and "respective" in words[1:3]


def partner_follows(doc, i: int, end: int, *, exports: bool) -> bool:
    """A partner right after a figure: "251,000 tonnes to EC destinations", "from Canada"."""
    return i < end and doc[i].lower_ == ("to" if exports else "from")


def unnamed_partners(doc, i: int, end: int, *, exports: bool) -> bool:
    """ "to third countries", "from other markets": partners the text does not name."""
    words = [t.lower_ for t in doc[i : min(i + 3, end)]]
    return len(words) == 3 and words[0] == ("to" if exports else "from") \
        and words[1] in flow_words("unnamed_partner_words") and words[2] in flow_words("partner_group_nouns")


def next_list_item(doc, last: Figure, figure: Figure, end: int, dated: frozenset[int] | set[int]) -> bool:
    """The figure follows the last one as the next item of a list, each item naming its own
    period: "X in January, Y in February and Z in March"."""
    opening = doc[figure.start - 1].lower_ if figure.start > 0 else ""
    if opening == "to" and figure.start >= 3 and doc[figure.start - 2].lemma_.lower() in flow_words("change_verbs") \
            and _item_opens(doc, figure.start - 2, last.end):
        # "could not exceed 632,000 tonnes, increasing to 640,000 tonnes in 1988", "and then
        # rally to 490,000 in 1988": the next level of the same flow, for the period it names
        return _dated_at(doc, figure.end, end, dated)
    return _item_opens(doc, figure.start, last.end) and _dated_at(doc, last.end, end, dated) \
        and _dated_at(doc, figure.end, end, dated)


def _item_opens(doc, i: int, floor: int) -> bool:
    """A list's next item opens before token ``i``: a comma or "and", then at most a few
    words that qualify the item ("and an actual 99,254 tonnes", "and then rally to")."""
    k = i - 1
    while k > floor and i - k <= 3 and doc[k].pos_ in ("DET", "ADJ", "ADV") and doc[k].lower_ not in ("and", ","):
        k -= 1
    return k >= floor and doc[k].lower_ in (",", "and")


def _dated_at(doc, i: int, end: int, dated: frozenset[int] | set[int]) -> bool:
    """A period right after a figure, or after the goods it counts: "in 1988", "of zinc
    during February", "1986/87"."""
    for k in range(i, min(i + 5, end)):
        if k in dated:
            # "in 1988", "for the 1987/88 season"
            link = k - 2 if k - 2 >= i and doc[k - 1].lower_ == "the" else k - 1
            return k == i or doc[link].lower_ in ("in", "for", "during")
        if doc[k].like_num or doc[k].text in (",", ";"):
            return False
    return False


def partner_item(figure: Figure) -> bool:
    """ "... and 3,000 to Pakistan", "... and 284,000 to third countries": the same flow's
    figure for another partner, no comparison."""
    return figure.partner is not None and not figure.comparison


def list_partner(figures: list[Figure]) -> str | None:
    """ "bought 200,000 tonnes of wheat and 50,000 tonnes of corn from France": the partner
    named after the last goods of a list, when no other item names one, is the whole list's."""
    items = figures[1:]
    if not items or not all(f.goods is not None and not f.comparison and not f.equivalent for f in items):
        return None
    last = items[-1].partner
    return last if last and all(f.partner in (None, last) for f in items) else None
