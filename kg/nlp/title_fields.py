"""The portfolio written after a title: "Vice President for International Services",
"Commissioner for External Relations", "Secretary of State for Trade".

The model often takes a capitalised portfolio for a body's name, and its last word
("Services", "Relations", "Affairs") may even be an agency's head word; but after "for"
hanging on a title, with no article before it, the words say what the post is about, not
which body holds it. A body named there keeps its article ("spokesman for the Trade
Ministry") or its own head word ("Vice President for the Ministry ...").

>>> import spacy
>>> doc = spacy.blank("en")("Secretary for Foreign Affairs")
>>> field_after_title(doc[2:4])
True
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.nlp import lexicon

# Head words that name a body even in a portfolio's place ("Commissioner for the Environment
# Agency" keeps its article; "Envoy for Refugee Services" does not).
_BODY_HEADS = frozenset({"ministry", "department", "agency", "bureau", "commission", "office", "council",
                         "authority", "board", "administration", "committee", "directorate"})


def field_after_title(span: Span) -> bool:
    """True when ``span`` is the portfolio after a title and "for", not a body's name."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "for":
        return False
    if span[-1].lower_ not in lexicon.portfolios() or {t.lower_ for t in span} & _BODY_HEADS:
        return False
    if lexicon.known_organization(span.text) is not None:
        return False
    title = doc[span.start - 2 : span.start - 1]
    # the title may run over two words ("Vice President", "Under Secretary")
    return lexicon.is_title(title.text) or (span.start >= 3 and lexicon.is_title(doc[span.start - 3 : span.start - 1].text))
