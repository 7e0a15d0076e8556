"""What a rule of ``kg.nlp.retype`` answers about one of the model's spans: the span with its kg
type (``typed``), ``None`` (no entity), or ``NEXT`` (the rules after it decide)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Literal, Union

from spacy.tokens import Span

from kg.model import EntityType


class Pass(Enum):
    """A rule's answer when it does not decide."""

    NEXT = "next"


NEXT = Pass.NEXT
Verdict = Union[Span, None, Literal[Pass.NEXT]]
Rule = Callable[[Span], Verdict]


# spaCy's labels of places, and of places or persons, that rules ask about
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_OR_PERSON = frozenset({"GPE", "LOC", "FAC", "PERSON"})


def typed(span: Span, kind: EntityType | str) -> Span:
    """``span`` with the label ``kind``."""
    return Span(span.doc, span.start, span.end, label=kind)
