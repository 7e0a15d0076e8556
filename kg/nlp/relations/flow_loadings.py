"""Ships loading goods at a port: "Six ships are loading 120,000 tonnes of wheat", "Another
is expected to load 20,000 tonnes of colza for the Soviet Union", "a second ship will take
an additional 7,107 tonnes". Port reports give an export story's figures this way: the ship
names no trader, so the goods are the exports of the trader the story just stated (who
loads the ship is not who sells the goods: "A Soviet ship" is the buyer's). A loading in a
story that stated no export is no fact."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.climb import upward
from kg.nlp.relations.flow_clause import flow_words

# how far back (in tokens, as line breaks may split a sentence) a vessel named still stands
# for the "Six", "Another" of a loading: a port report names its ships once, then counts
# them ("Another 12 ships ... Six are to load ... Two will load ... Another is expected to load")
_VESSEL_BACK = 80


def vessel_loading(verb: Token) -> bool:
    """True for a loading verb whose subject is a ship ("Six ships are loading", "A ship is
    expected to load") or, just after ships were named, a number or "another" standing for
    ships ("Six are to load", "Another is expected to load"), with a counted object."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("loading_verbs"):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if not any(c.dep_ == "dobj" and any(n.like_num for n in c.children) for c in verb.children):
        return False  # "load the cargo": no figure loaded
    subject = vessel_subject(verb)
    if subject is None:
        return False
    if subject.lower_ in flow_words("vessel_nouns"):
        return True
    # "Six are to load", "Two will load", "Another is expected to load": ships named just before
    if not (subject.pos_ == "NUM" or subject.lower_ in ("another", "one")) or any(
            c.dep_ in ("prep", "compound") for c in subject.children):
        return False
    return any(t.lower_ in flow_words("vessel_nouns") for t in verb.doc[max(0, verb.i - _VESSEL_BACK) : verb.i])


def vessel_subject(verb: Token) -> Token | None:
    """The subject of the loading verb, or of the verb it completes ("should arrive to load",
    "is expected to load", "are to load")."""
    for current in upward(verb, lambda t: t.dep_ in ("xcomp", "conj"), limit=3):
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    return None


def vessel_flag(verb: Token) -> Token | None:
    """ "A Soviet ship will load": the ship's nationality, which names the buyer the goods go to."""
    subject = vessel_subject(verb)
    if subject is None or subject.lower_ not in flow_words("vessel_nouns"):
        return None
    return next((c for c in subject.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")), None)


__all__ = ["vessel_flag", "vessel_loading", "vessel_subject"]
