"""Names newswire marks with angle brackets: Reuters writes a company with no stock listing
as "<Korea Petrochemical Industries Corp>" and a listed one's ticker after its name ("Dow
Chemical Co <DOW>"). The brackets delimit an organization's name and never belong to it;
a ticker is a code, no name. Read before the model's entities by kg.nlp.entities.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from kg.nlp.spans import POSSESSIVE, org_kind

# A name in brackets is short; a longer run between "<" and ">" is no name ("a < b ... c > d").
_MAX_TOKENS = 12


def bracketed(doc: Doc) -> tuple[list[Span], set[int]]:
    """The organization names between angle brackets, typed, and the positions of tickers
    (one word in capitals between brackets) that no entity may cover."""
    names: list[Span] = []
    tickers: set[int] = set()
    # Most stories hold no "<": one look at the words' hashes spares a walk over every token.
    orths = doc.to_array(ORTH)
    opening_hash = doc.vocab.strings["<"]
    for i in (orths == opening_hash).nonzero()[0].tolist():
        opening = doc[i]
        close = next((t.i for t in doc[opening.i + 1 : opening.i + 2 + _MAX_TOKENS] if t.text in {"<", ">"}),
                     None)
        if close is None or doc[close].text != ">":
            continue
        start, end = opening.i + 1, close
        while end > start and (doc[end - 1].lower_ in POSSESSIVE or doc[end - 1].is_space):
            end -= 1  # "<Honan Ethylene Corp's>": the possessive is the sentence's
        while start < end and doc[start].is_space:
            start += 1
        if start == end:
            continue
        inner = Span(doc, start, end)
        if len(inner) == 1 and not any(c.islower() for c in inner.text):
            tickers.add(start)
        elif any(c.isalpha() for c in inner.text) and inner[0].text[:1].isupper():
            names.append(Span(doc, start, end, label=org_kind(inner)))
    return names, tickers
