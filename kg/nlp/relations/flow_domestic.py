"""Purchases and sales made for the home market: "The ASCS bought 2.3 mln pounds of peanut
products ... for domestic distribution", "The CCC sold 6,034 short tons of peanuts for domestic
crushing". A government agency buying or selling for use at home moves no goods across a
border: no import or export (``flow_triggers`` skips such a verb)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.climb import clause_verb

# Modifiers of the purpose that keep the goods at home: "for domestic distribution".
_HOME_WORDS = frozenset({"domestic"})
# What a buyer does at home with goods it bought at home: hands them out or ships them on.
# Not "consumption", "use" or "crushing": "bought wheat for domestic consumption" may well be
# imported, while a seller's "for domestic crushing" keeps any sale at home.
_HOME_HANDLING = frozenset({"distribution", "shipment", "shipments", "delivery", "deliveries"})


def for_home_use(verb: Token, *, sale: bool) -> bool:
    """A purpose phrase of ``verb``'s own clause says the goods stay at home, wherever the
    parse hangs it: any domestic purpose of a sale ("sold ... for domestic crushing"), a
    domestic hand-out of a purchase ("bought ... for domestic distribution")."""
    for prep in (t for t in verb.subtree if t.lower_ == "for" and t.dep_ == "prep"):
        if clause_verb(prep.head).i != verb.i:
            continue  # another verb's clause
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(c.dep_ == "amod" and c.lower_ in _HOME_WORDS for c in obj.children) \
                    and (sale or obj.lower_ in _HOME_HANDLING):
                return True
    return False

