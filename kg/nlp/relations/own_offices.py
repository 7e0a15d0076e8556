"""The country of a national title when no body is named with it, from the title itself or
from the holder: "Secretary of State George Shultz" and "Trade Representative Clayton Yeutter"
are offices only the U.S. calls so (``own_offices.tsv``), and a holder the story calls "U.S.
Agriculture Secretary Richard Lyng" once holds the same office when it calls him
"Agriculture Secretary Lyng" later. Both outrank the guess by the country a story names most
(``kg.nlp.relations.national``), which misreads Washington stories: they name the country
dealt with far more often than the U.S."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import norm, read_rows
from kg.nlp.relations.base import COUNTRY, Context

# Ranks within an office ("Deputy Secretary of State"), still the same country's.
_RANKS = ("deputy", "under", "assistant", "special", "acting", "vice")
# Words before a holder's name that may sit between a country and the title ("U.S.
# Agriculture Secretary"): modifiers of one noun phrase, no clause between.
_PREMODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
UNPLACED = "<own office, country not named>"


@lru_cache(maxsize=1)
def _offices() -> dict[str, str]:
    return {norm(row["office"]): row["country"] for row in read_rows("own_offices.tsv")}


def own_office_country(ctx: Context, role: str) -> str | None:
    """The country key of an office only one country holds by this name; ``UNPLACED`` when
    the story names that country nowhere (no post, rather than the guess), None for any
    other title."""
    country = _offices().get(_bare_office(role))
    if country is None:
        return None
    known = country_of(country)
    names = (country, *(known.aliases if known is not None else ()))
    return next((k for name in names if (k := ctx.key_by_name(name, COUNTRY)) is not None), UNPLACED)


def _bare_office(role: str) -> str:
    """ "Deputy U.S. Trade Representative" → "trade representative"."""
    words = norm(role.replace("-", " ")).split()
    while words and (words[0] in _RANKS or words[0] in ("u.s.", "us", "american", "british", "irish")):
        words = words[1:]
    return " ".join(words)


def holder_country(ctx: Context, holder: str | None, anchor: Token) -> str | None:
    """The one country written before the holder's other mentions as part of their title
    ("U.S. Agriculture Secretary Richard Lyng", "Japan's Foreign Minister X") — the
    text's own word for whose office it is."""
    if holder is None:
        return None
    doc, found = ctx.doc, set()
    for start, end in ctx.table.spans.get(holder, ()):
        if start <= anchor.i < end + 4 and anchor.i >= start - 6:
            continue  # the mention read now
        root = doc[start:end].root
        for token in doc[max(0, start - 6) : start]:
            if token.dep_ not in _PREMODIFIERS or not _premodifies(token, root):
                continue
            key = ctx.key(token, COUNTRY) or (ctx.country_of_demonym(token) if token.pos_ in ("ADJ", "PROPN") else None)
            if key is not None:
                found.add(key)
    return found.pop() if len(found) == 1 else None


def _premodifies(token: Token, root: Token) -> bool:
    """``token`` hangs off the name's root through nouns only ("U.S." → "Secretary" →
    "Lyng"), not through a verb or a preposition."""
    head, steps = token.head, 0
    while head.i != root.i and steps < 6:
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in _PREMODIFIERS | {"appos"}:
            return False
        head, steps = head.head, steps + 1
    return head.i == root.i
