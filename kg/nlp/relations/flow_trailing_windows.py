"""Shipment windows a deal names away from its figure: after the comma that closes the
deal's clause ("bought 35,000 tonnes of wheat at 108 dlrs a tonne, c and f, for end-June
shipment"; "purchased 46,000 tonnes at its tender yesterday, all for June arrival"), or
after words that share the goods out ("for delivery in four equal tranches in May, June
and July"; "for Gulf shipment in eight cargoes between June and November").

The window is when the goods ship or arrive, the period of the figure, as it is where the
window stands next to the figure (``flow_periods.shipment_window``)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.nlp.relations.flow_clause import Flow, flow_words
from kg.nlp.relations.periods import Period

# how far a window may stand from its delivery noun, past the words that share the goods out
# ("in four equal tranches in")
_SHARE_OUT_REACH = 6
# how many words of price and delivery terms may stand between the deal's clause and the
# window's "for" ("at 108 dlrs a tonne, c and f, Gulf, for ...")
_TERMS_REACH = 10
_WINDOW_PREPS = frozenset({"in", "during", "between", "over"})
_QUANTIFIERS = frozenset({"all", "both", "mostly", "mainly", "each"})
_ARRIVALS = frozenset({"arrival", "arrivals", "loading", "loadings"})


@lru_cache(maxsize=1)
def _deliveries() -> frozenset[str]:  # every figure's period asks: the union once
    return flow_words("delivery_nouns") | _ARRIVALS


def _listed(doc, periods: list[tuple[int, int, Period]], first: int) -> Period:
    """The window that starts with ``periods[first]`` and runs on through the periods listed
    after it ("in May, June, July and August": one window of four months, not May)."""
    s, e, p = periods[first]
    last = first
    while last + 1 < len(periods):
        s2, e2, p2 = periods[last + 1]
        joiners = doc[periods[last][1] : s2]
        if not joiners or not all(t.lower_ in (",", "and") for t in joiners) or p2.start is None and p.start is not None:
            break
        last += 1
    if last == first:
        return p
    end = periods[last][2]
    return replace(p, text=doc[s : periods[last][1]].text, end=end.end, end_char=end.end_char)


def spread_window(doc, periods: list[tuple[int, int, Period]], start: int, end: int) -> Period | None:
    """ "for delivery in four equal tranches in May, June and July", "for shipment in eight
    cargoes between June and November": a delivery noun, a preposition, words that share the
    goods out (no clause, no comma), then the window, between tokens ``start`` and ``end``."""
    deliveries = _deliveries()
    for n, (s, e, p) in enumerate(periods):
        if not (start <= s and e <= end):
            continue
        for d in range(max(start, s - _SHARE_OUT_REACH - 1), s - 2):
            if doc[d].lower_ not in deliveries or doc[d + 1].lower_ not in _WINDOW_PREPS \
                    or doc[s - 1].lower_ not in _WINDOW_PREPS:
                continue
            if all(t.is_alpha and t.pos_ in ("NUM", "ADJ", "NOUN", "ADP") or t.like_num for t in doc[d + 2 : s - 1]):
                return _listed(doc, periods, n)
    return None


def trailing_window(doc, periods: list[tuple[int, int, Period]], flow: Flow) -> Period | None:
    """The window the comma after a deal's clause names: ", for late June shipment", ", all
    for June arrival", ", c and f, for shipment in May"; past price and delivery terms only
    (no verb, no figure but a rate, no other goods' clause), and not a window of another deal
    the sentence goes on to ("..., and Spain bought 20,000 tonnes for May shipment")."""
    end = flow.anchor.sent.end
    i = flow.end
    if i >= end or doc[i - 1].text != "," and doc[i].text != ",":
        return None  # the clause does not close with a comma: what follows is its own
    stop = min(end, i + _TERMS_REACH)
    j = i
    while j < stop and doc[j].lower_ != "for":
        t = doc[j]
        if t.pos_ in ("VERB", "AUX") or t.lower_ in ("and", "while", "but") and doc[j + 1].pos_ in ("PROPN", "DET"):
            return None  # another clause: its window is its own
        if t.like_num and not (j + 1 < end and doc[j + 1].lower_ in ("pct", "percent", "%")):
            return None  # another figure: "..., 20,000 tonnes for May"
        j += 1
    if j >= stop or doc[j - 1].text != "," and doc[j - 1].lower_ not in _QUANTIFIERS:
        return None  # "for" only after the comma (", for", ", all for")
    deliveries = _deliveries()
    for n, (s, e, p) in enumerate(periods):
        if s <= j or s > j + 4:
            continue
        if e < end and doc[e].lower_ in deliveries:
            return p  # ", for end-June shipment", ", all for May arrival"
        if doc[s - 1].lower_ in _WINDOW_PREPS and doc[s - 2].lower_ in deliveries:
            return _listed(doc, periods, n)  # ", for shipment in May"
    return spread_window(doc, periods, j + 1, end)


__all__ = ["spread_window", "trailing_window"]
