"""A known name inside a longer one: "Industrial Bank of Japan", "Royal Bank of Canada",
"American Bureau Metal Statistics".

Known names ("Bank of Japan", a central bank) and body patterns ("American Bureau") beat the
model's reading of their words, which mends names the model cuts short. But where the model
reads a longer organization that runs on with more capitalised words of the name, before or
after, the known name is only a part of it: "Industrial Bank of Japan" is a commercial bank,
no part of the central one. A demonym, a country or a title beside the known name ("the
Chinese Ministry of Commerce", "Bank of Japan Governor") does not lengthen it.

>>> import spacy
>>> from spacy.tokens import Span
>>> doc = spacy.blank("en")("Analysts at Industrial Bank of Japan said so.")
>>> doc.ents = [Span(doc, 2, 6, label="ORG")]
>>> opens_longer_name(doc, 3, 6)
True
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp import lexicon
from kg.nlp.gazetteer import country_of, country_of_demonym

_MAX_EXTRA = 2


def opens_longer_name(doc: Doc, start: int, end: int) -> bool:
    """True when a model ORG holds ``doc[start:end]`` and one or two more capitalised name
    words on one side of it."""
    for ent in doc.ents:
        if ent.label_ != "ORG" or not (ent.start <= start and end <= ent.end):
            continue
        first = ent.start + (doc[ent.start].lower_ == "the")
        last = ent.end
        while last > end and doc[last - 1].lower_ in {"'s", "\u2019s", "."}:
            last -= 1
        before, after = doc[first:start], doc[end:last]
        if before and after or not (before or after):
            return False
        extra = before or after
        return len(extra) <= _MAX_EXTRA and all(_name_word(t.text) and t.is_title for t in extra)
    return False


def _name_word(word: str) -> bool:
    return word.isalpha() and country_of(word) is None and country_of_demonym(word) is None \
        and not lexicon.is_title(word) and word.lower() not in lexicon.never_prefix()
