"""Figures a verb of ranging spans: "guesses ranged from 27.0 mln to 32.0 mln bushels",
"estimates ranging from 11.0 to 14.0 mln". Elsewhere "from X to Y" is a change, whose level is
Y; after "range" it is one range, reported by its first figure as every other range is."""

from __future__ import annotations

from spacy.tokens import Doc

_RANGING = frozenset({"range", "ranged", "ranges", "ranging", "vary", "varied", "varies", "varying"})


def ranging_from(doc: Doc, at: int) -> bool:
    """``doc[at]`` is a "from" right after a verb of ranging ("ranged from", "varying from")."""
    return doc[at].lower_ == "from" and at > 0 and doc[at - 1].lower_ in _RANGING
