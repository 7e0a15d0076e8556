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

from spacy.tokens import Doc, Span

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


# Words that part the items of a portfolio list ("of Agriculture, Animal Husbandry and Fisheries").
_LIST_JOINTS = frozenset({",", "and", "&"})


def portfolio_list_end(doc: Doc, of: int) -> int | None:
    """The end of the portfolio list that starts after the "of" or "for" at ``of`` hanging on
    a title: "Minister of Agriculture, Animal Husbandry and Fisheries", capitalised items
    joined by commas and a last "and", the first and the last a field of government. None
    when the words there are no such list ("Minister of Agriculture, John Smith and others")."""
    if of < 1 or doc[of].lower_ not in {"of", "for"} or not _title_before(doc, of):
        return None
    items: list[list[int]] = [[]]
    i, last = of + 1, False
    while i < len(doc) and len(items) <= 8:
        token = doc[i]
        if token.lower_ in _LIST_JOINTS:
            if not items[-1] or last:
                break
            last = token.lower_ != ","
            items.append([])
        elif token.is_title or token.is_upper:
            items[-1].append(i)
            if last and token.lower_ in lexicon.portfolios():
                break  # "and Fisheries He Kang": the list ends with its last field
        elif not token.is_space:
            break
        i += 1
    if not items[-1]:
        items.pop()  # "of Agriculture, said": the comma closes the title
    if len(items) < 2 or not last or not all(items):
        return None
    fields = lexicon.portfolios()
    if doc[items[0][-1]].lower_ not in fields or doc[items[-1][-1]].lower_ not in fields:
        return None
    return items[-1][-1] + 1


def in_portfolio_list(span: Span) -> bool:
    """True when ``span`` is an item of a title's portfolio list ("Animal Husbandry" and
    "Fisheries" in "Minister of Agriculture, Animal Husbandry and Fisheries"): the model
    takes the capitalised fields for names, but they say what the post is about. A body
    with its own head word ("the Fisheries Ministry") stays a body."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and span.start - i <= 12 and (doc[i].lower_ in _LIST_JOINTS or doc[i].is_title or doc[i].is_upper):
        i -= 1
    if i < 1 or doc[i].lower_ not in {"of", "for"}:
        return False  # no list opens there: the cheap test first (most entities stop here)
    if {t.lower_ for t in span} & _BODY_HEADS or lexicon.known_organization(span.text) is not None:
        return False
    end = portfolio_list_end(doc, i)
    return end is not None and span.end <= end


def _title_before(doc: Doc, of: int) -> bool:
    """A title ends just before ``of`` ("Minister", "Vice President")."""
    return lexicon.is_title(doc[of - 1].text) or (of >= 2 and lexicon.is_title(doc[of - 2 : of].text))
