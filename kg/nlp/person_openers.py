"""Words the model runs into the front of a person's name: a demonym written as a noun
("New Zealander Graham Henry", "Briton Nigel Mansell") and, at a sentence's start, the
participle of a clause that relates someone's words ("Echoing Gaviria, the chief said",
"Citing Smith, ..."). Neither is part of the name; the demonym stays before it, where the
nationality rules read it.

>>> sorted(w for w in participles() if w.startswith("cit") or w.startswith("echo"))
['citing', 'echoing']
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from kg.nlp.datafiles import rule_words
from kg.nlp.gazetteer import country_of_demonym

# Verbs of relating to someone's words or acts beyond the speech verbs: "Citing X, ...".
_RELATING = frozenset({"cite", "quote", "echo", "follow", "thank", "praise", "criticise", "criticize",
                       "back", "support", "oppose", "join", "replace", "succeed", "accuse", "blame"})
_VOWELS = frozenset("aeiou")


def _ing(verb: str) -> set[str]:
    """The -ing forms a verb may take (over-generating is harmless: only names follow)."""
    if verb.endswith("ie"):
        return {verb[:-2] + "ying"}
    if verb.endswith("e") and not verb.endswith("ee"):
        return {verb[:-1] + "ing"}
    forms = {verb + "ing"}
    if len(verb) > 2 and verb[-1] not in _VOWELS | {"w", "x", "y"} and verb[-2] in _VOWELS and verb[-3] not in _VOWELS:
        forms.add(verb + verb[-1] + "ing")  # "admitting", "quipping"
    return forms


@lru_cache(maxsize=1)
def participles() -> frozenset[str]:
    return frozenset(form for verb in rule_words("speech", "verbs") | _RELATING for form in _ing(verb))


def without_opening_words(span: Span) -> Span:
    """``span`` (a person's name) without a demonym or a sentence's participle before the name."""
    start = span.start
    while span.end - start > 1:
        first = span.doc[start]
        if first.lower_ in participles() and (first.is_sent_start or start == 0):
            start += 1
            continue
        size = next((n for n in (2, 1) if span.end - start > n
                     and country_of_demonym(span.doc[start : start + n].text) is not None), 0)
        if not size:
            break
        start += size
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label_)
