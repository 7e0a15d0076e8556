"""Exports a body licenses without the word "licence" on the trade word: "the Commission
authorised the export of 25,000 tonnes of barley", "80,000 tonnes of maize granted for
export", "the 3.37 mln under licence a year ago"; and the running totals such weekly
awards are reported with ("bringing the cumulative total to 3.33 mln tonnes").

Licensed goods are not shipped yet: every figure is a forecast export of the body that
licenses them (the EC for its weekly tenders), as the trade set's conventions read them."""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc, Token

from kg.nlp.climb import first_up
from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import Flow, flow_words
from kg.nlp.relations.periods import Period
from kg.nlp.relations.trader_keys import trader_key

# Days newswire dates a tender's awards by, as days before the story's date.
_AWARD_DAYS = {"today": 0, "yesterday": 1}


def authorising_verb(noun: Token) -> Token | None:
    """The verb that licenses the flow ``noun`` names: its object ("authorised the export of
    25,000 tonnes") or its purpose ("granted for export"); None for any other trade word."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in ("export", "import"):
        return None  # "approved the sale of jets" is no licence to export
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return verb if _licensing(verb) else None


def _licensing(verb: Token) -> bool:
    """A verb that licenses goods ("authorised", "granted", "awarded")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in flow_words("licensing_verbs")


def licensed_count(noun: Token) -> Token | None:
    """ "The committee awarded 123,000 tonnes of free market barley export licences": the
    licences name the goods of a quantity the licensing verb grants, which stands before
    them; the quantity ("tonnes"), else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    counted = prep.head
    verb = counted.head
    if counted.dep_ != "dobj" or not any(c.dep_ == "nummod" and c.like_num for c in counted.children):
        return None
    return counted if _licensing(verb) else None


def counted_licence(flow: Flow) -> tuple[Token, Token] | None:
    """The quantity a flow's licences name the goods of and the licence noun ("awarded
    [123,000 tonnes] of barley export [licences]"), else None."""
    anchor = flow.anchor
    if anchor.dep_ != "compound" or anchor.head.lower_ not in flow_words("licence_heads"):
        return None
    counted = licensed_count(anchor.head)
    return (counted, anchor.head) if counted is not None else None


def under_licence(token: Token) -> bool:
    """ "the 3.03 mln under licence a year ago": a quantity the licences of a period cover."""
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ in flow_words("licence_heads") \
        and token.dep_ == "pobj" and token.head.lower_ == "under"


# Words of the refund the EC pays on exports alone: a licence priced in them is for export.
_EXPORT_REFUNDS = frozenset({"rebate", "rebates", "refund", "refunds", "restitution", "restitutions"})
_LICENCES = frozenset({"licence", "licences", "license", "licenses"})


def rebated_licence(token: Token) -> bool:
    """ "Last week licences for 60,500 tonnes were awarded at a maximum rebate of 43.15 Ecus":
    only exports earn a rebate (the EC's export refund), so a licence its clause prices in
    rebates is an export licence though no trade word says so. Not an import licence, and
    only with a figure of its own ("bids for licences were reported at 43 Ecus" has none)."""
    if token.lower_ not in _LICENCES:
        return False
    # the tagger may take "licences" for a verb; a subject or object is still the noun
    if token.pos_ not in ("NOUN", "PROPN") and token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    if any(c.lower_ in flow_words("import_nouns") for c in token.children):
        return False
    clause = token.head if token.dep_ in ("nsubj", "nsubjpass", "dobj") else token
    words = list(clause.subtree)
    if not any(t.lower_ in _EXPORT_REFUNDS for t in words):
        return False
    units = flow_words("quantity_units")
    return any(t.like_num and t.head.lower_ in units for t in words)


def licensor(ctx: Context, before: int) -> str | None:
    """The body that licenses the story's exports: the subject of the last authorising verb
    before token ``before`` ("The European Community authorised the export of ...")."""
    doc = ctx.doc
    for t in reversed(doc[:before]):
        if (verb := authorising_verb(t)) is not None:
            for s in (c for c in verb.children if c.dep_ == "nsubj"):
                if k := trader_key(ctx, reporting_antecedent(s)):
                    return k
    return None


def reporting_antecedent(subject: Token) -> Token:
    """ "The Commission confirmed it authorised the export of ...": a pronoun subject stands
    for the subject of the verb that reports its clause."""
    if subject.lower_ not in ("it", "they") or subject.head.dep_ != "ccomp":
        return subject
    reporter = next((c for c in subject.head.head.children if c.dep_ == "nsubj"), None)
    return subject if reporter is None or reporter.tag_.startswith("PRP") else reporter


def running_total(doc: Doc, start: int, floor: int) -> bool:
    """The figure at ``start`` is the total a report brings its series to: "bringing the
    cumulative total at weekly tenders to 3.33 mln", "moved the total to 135,000 tonnes"."""
    if start < 1 or doc[start - 1].lower_ != "to":
        return False
    # "to" may hang on a clause inside the total's phrase ("since the series started")
    verb = first_up(doc[start - 1].head, _total_verb, limit=2)
    if verb is None:
        return False
    return verb.i >= floor and any(c.dep_ == "dobj" and c.lower_ in flow_words("total_nouns") for c in verb.children)


def _total_verb(token: Token) -> bool:
    """A verb that moves a running total ("brought the total to")."""
    return token.lemma_.lower() in flow_words("total_verbs") and token.pos_ == "VERB"


def award_day(ctx: Context, flow: Flow) -> Period | None:
    """The day the licences were awarded: "authorised the export of 25,000 tonnes yesterday",
    "received export rebates at today's EC tender" (a bare "said today" dates the statement)."""
    published = ctx.article.published
    if not published:
        return None
    doc, anchor = ctx.doc, flow.anchor
    own = {anchor.i, anchor.head.i} | ({verb.i} if (verb := authorising_verb(anchor)) is not None else set())
    sent = anchor.sent
    for t in doc[sent.start : flow.end]:
        if t.lower_ not in _AWARD_DAYS:
            continue
        possessive = t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "POS"
        if (possessive and t.head.lower_ in flow_words("tender_nouns")) or (t.dep_ == "npadvmod" and t.head.i in own):
            day = (date.fromisoformat(published[:10]) - timedelta(days=_AWARD_DAYS[t.lower_])).isoformat()
            return Period(text=t.text, start=day, end=day, start_char=t.idx - sent.start_char,
                          end_char=t.idx - sent.start_char + len(t.text))
    return None
