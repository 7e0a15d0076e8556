"""Sales made but not shipped: the sales a country's exporters report to a government body
("private U.S. exporters reported sales of 900,000 tonnes of corn to the Soviet Union"),
whose seller is that country."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import EntityType
from kg.nlp.gazetteer import country_of
from kg.nlp.relations.base import Context, sentences_back
from kg.nlp.relations.flow_clause import Flow, flow_words, reporting
from kg.nlp.relations.flow_licences import authorising_verb, licensed_count, licensor, reporting_antecedent, under_licence
from kg.nlp.relations.flow_reports import export_sales_story
from kg.nlp.relations.trader_keys import speaker_country, story_country, trader_key, trader_or_nation

_COUNTRY = frozenset({EntityType.COUNTRY})
_BODIES = frozenset({EntityType.AGENCY})
# What a government lends or guarantees for sales: its dollars are no value of the sales.
_CREDITS = frozenset({"program", "programme", "guarantee", "credit", "line"})


def reporting_exporters(noun: Token) -> Token | None:
    """The exporters who report the sales ``noun`` names: "exporters reported sales of X",
    "U.S. exporters also reported corn sales"; None for any other sale."""
    if noun.lower_ not in flow_words("sale_nouns") or noun.dep_ != "dobj" \
            or noun.head.lemma_.lower() not in flow_words("report_verbs"):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"
                 and c.lower_ in flow_words("reporting_exporters")), None)  # fmt: skip


def bonus_sale(noun: Token) -> bool:
    """Sales a government export bonus covers: "accepted bids for export bonuses to cover
    sales of 340,000 tonnes of wheat to China" (sales made by the country's exporters)."""
    if noun.lower_ not in flow_words("sale_nouns") or noun.dep_ not in ("dobj", "pobj"):
        return False
    before = noun.doc[noun.sent.start : noun.i]
    return any(t.lower_ in flow_words("bonus_words") for t in before) \
        and any(t.lower_ in flow_words("export_nouns") for t in before)  # fmt: skip


def reported_seller(ctx: Context, noun: Token) -> str | None:
    """The country whose exporters reported the sales ``noun`` names, or made the sales an
    export bonus covers: the one before "exporters", else the one in the name of the body
    that publishes the reports or pays the bonus ("the U.S. Agriculture Department"), else
    the story's. The sales of an export sales report are its country's too."""
    exporters = reporting_exporters(noun)
    if exporters is None and not bonus_sale(noun) and not export_sales_story(ctx, noun):
        return _reporting_body_country(ctx, noun) if body_reported_sales(ctx, noun) else None
    for t in noun.doc[exporters.left_edge.i : exporters.i] if exporters is not None else ():
        if (k := ctx.key(t, _COUNTRY)) or (t.pos_ in ("ADJ", "PROPN") and (k := ctx.country_of_demonym(t))):
            return k  # "private U.S. exporters", "French exporters"
    # the body that pays a bonus may be named after the sales, as the sentence's source
    found = _body_country(ctx, noun, noun.i if exporters is not None else noun.sent.end)
    # "Brazilian industry sources said new sugar export sales were low": the speaker's country
    return found or speaker_country(ctx, noun) or story_country(ctx)


def _reporting_body_country(ctx: Context, noun: Token) -> str | None:
    """The country in the name of the body that says ``noun``'s sentence: its subject ("the U.S.
    Agriculture Department said"), or the body named before by the noun the subject repeats
    ("The department said")."""
    bodies = flow_words("regulator_heads")
    for subject in (c for c in noun.sent.root.children if c.dep_ == "nsubj"):
        if (country := _body_name_country(ctx, subject)) is not None or subject.lower_ not in bodies:
            return country
        for t in reversed(noun.doc[: subject.i]):
            if t.lemma_.lower() == subject.lemma_.lower() and (country := _body_name_country(ctx, t)) is not None:
                return country
    return None


def _body_name_country(ctx: Context, token: Token) -> str | None:
    """The country named in the body's name ``token`` stands in: the body's mention, else the
    words right before the noun ("the U.S. Agriculture\nDepartment", which the parse may not
    hang on it)."""
    mention = next((m for _, m in ctx.entity_mentions(_BODIES) if m.start <= token.i < m.end), None)
    if mention is not None:
        return _named_country(ctx, mention)
    return next((k for c in token.doc[max(token.i - 4, 0) : token.i] if (k := ctx.key(c, _COUNTRY))), None)


def _named_country(ctx: Context, mention: Span) -> str | None:
    """The country a body's name names ("the U.S. Agriculture Department"), if the story has it."""
    for t in mention:
        country = country_of(t.text) if t.is_upper or t.is_title else None
        names = (country.name, *country.aliases) if country is not None else ()
        if (k := next((k for name in names if (k := ctx.key_by_name(name, _COUNTRY))), None)):
            return k
    return None


def _body_country(ctx: Context, noun: Token, limit: int) -> str | None:
    """The country in the name of the first government body named up to ``limit`` or as the
    source of ``noun``'s sentence ("the U.S. Agriculture Department")."""
    for _, mention in ctx.entity_mentions(_BODIES):
        if mention.start > limit and not (mention.start < noun.sent.end and _reports(mention)):
            break  # (but "... sales of corn to Japan, the U.S. Agriculture Department said": its source)
        if (k := _named_country(ctx, mention)) is not None:
            return k
    return None


def body_reported_sales(ctx: Context, noun: Token) -> bool:
    """Sales of no named seller to a named buyer that a government body reports ("The
    department said outstanding wheat sales to China amount to 90,000 tonnes", "..., the U.S.
    Agriculture Department said"): the sales its country's exporters made, as in its export
    sales reports (``reported_seller`` reads the country from the body's name, and no other).
    Not sales a trader or a buyer's official speaks of, nor "the sale of U.S. weapons to Iran"
    a commission without a country in its name reports."""
    governor = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else noun.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "cover" or governor.lemma_.lower() in _CREDITS:
        # "credit guarantees to cover sales of vegetable oil to Bangladesh", "the program for
        # sales of U.S. farm products to Algeria": the credit's money, not the sales'
        return False
    if noun.lower_ not in flow_words("sale_nouns") or any(c.dep_ == "poss" for c in noun.children) \
            or any(ctx.key(t, _COUNTRY) or ctx.country_of_demonym(t) for t in noun.doc[noun.left_edge.i : noun.i]):
        return False
    # (in the buyer's phrase, whatever the parse hangs it on: "to Mexico amount" may read as one noun)
    buyers = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree if ctx.key(t, _COUNTRY)]
    root = noun.sent.root
    if not buyers or not reporting(root):
        return False
    bodies = flow_words("regulator_heads")
    return any(c.dep_ == "nsubj" and (ctx.key(c, _BODIES) or c.lower_ in bodies) for c in root.children)


def _reports(mention: Span) -> bool:
    """The body is the subject of the sentence's verb of saying or reporting."""
    root = mention.root
    return root.dep_ == "nsubj" and reporting(root.head)


def buying_tender(noun: Token) -> bool:
    """ "Turkey is holding a buying tender for 100,000 tonnes of white sugar", "an import
    tender for 50,000 tonnes": a tender to buy, whose goods its holder plans to import (not
    the tender a purchase was made "at", which that purchase states)."""
    return noun.pos_ == "NOUN" and noun.lower_ in flow_words("tender_nouns") and noun.dep_ != "pobj" and any(
        c.dep_ in ("amod", "compound", "nmod") and c.lower_ in flow_words("buying_words") for c in noun.children)


def tender_to_buy(verb: Token) -> bool:
    """ "Egypt will tender Thursday for 200,000 tonnes of corn", "Taiwan is scheduled to tender
    tonight for 450,000 tonnes": a tender for a figure, which its holder plans to import (not
    a tender for the export of goods); that the figure counts goods, the caller checks."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("tender_verbs") \
            or any(c.dep_ == "neg" for c in verb.children):
        return False
    asked = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]
    # ("for May shipment" says when, not what; "for a contract to supply 60,000 tonnes" asks
    # for no figure: a clause of its own counts it)
    return any(o.lower_ not in flow_words("export_nouns") | flow_words("sale_nouns") and any(
        t.like_num and not _in_clause_below(t, o) for t in o.subtree) for o in asked)


def _in_clause_below(token: Token, top: Token) -> bool:
    """A verb stands between ``token`` and ``top``, which it hangs under."""
    for head in token.ancestors:
        if head == top:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return True
    return False


def licensed_verb(verb: Token) -> bool:
    """ "licences to export 80,000 tonnes", "awarded licences to export ...": a verb that says
    what a licence allows."""
    return _licence(verb) is not None


def licence_receipt(verb: Token) -> Token | None:
    """ "Out of this, traders in the U.K. received 43,500 tonnes": the traders who received a
    share of the licences or tender awards the sentence or the one before names."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("receipt_verbs"):
        return None
    holders = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in flow_words("licence_holders")]
    if not holders:
        return None
    sent = verb.sent
    start = sentences_back(verb.doc, sent.start, 1)
    words = flow_words("licence_heads") | flow_words("tender_nouns")
    return holders[0] if any(t.lower_ in words for t in verb.doc[start : sent.end]) else None


def _licence(anchor: Token) -> Token | None:
    """The licence noun of a licensed flow: the one the trade word modifies, or the one
    whose verb it completes."""
    heads = flow_words("licence_heads")
    if anchor.pos_ != "VERB":
        return anchor.head if anchor.head.lower_ in heads else None
    if anchor.dep_ in ("acl", "relcl") and anchor.head.lower_ in heads:
        return anchor.head  # "licences to export"
    if anchor.dep_ == "xcomp":  # "awarded licences to export"
        return next((c for c in anchor.head.children if c.dep_ == "dobj" and c.lower_ in heads), None)
    return None


def _national_requesters(ctx: Context, anchor: Token) -> str | None:
    """The country of the traders who seek or hold the licence, named before them: "French
    operators have requested licences to export", "Dutch traders hold licences": theirs are
    that country's exports, whichever body's tender they bid at."""
    noun = _licence(anchor)
    if noun is None or noun.dep_ != "dobj":
        return None
    for subject in (c for c in noun.head.children if c.dep_ == "nsubj" and c.lower_ in flow_words("licence_holders")):
        for t in subject.subtree:
            if t.i < subject.i and (k := trader_or_nation(ctx, t)):
                return k
    return None


def licence_figure_start(flow: Flow) -> int | None:
    """Where the figure of licensed goods may stand before the licence: in the subject of the
    verb whose object the licence is ("60,500 tonnes of sugar received export rebates")."""
    noun = _licence(flow.anchor)
    if noun is None:
        return None
    if (counted := licensed_count(noun)) is not None:
        return counted.left_edge.i  # "awarded 123,000 tonnes of barley export licences"
    if noun.dep_ != "dobj":
        return None
    subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # from the sentence's start: a line break may cut the subject off its figure in the parse
    return noun.sent.start if subjects else None


def licence_trader(ctx: Context, flow: Flow) -> str | None:
    """Whose exporters hold the licences: the body whose tender awards them ("at today's EC
    tender"), named last up to the clause's end; else the body or country that grants them
    ("the Commission granted export licences"); else the story's country."""
    doc = flow.anchor.doc
    if (authorising_verb(flow.anchor) is not None or under_licence(flow.anchor)) \
            and (body := licensor(ctx, flow.end)) is not None:
        return body  # "The EC authorised the export of ...", "... under licence a year ago"
    if (holders := licence_receipt(flow.anchor)) is not None:
        for t in holders.subtree:  # "traders in the U.K.", "Dutch traders"
            if t.i != holders.i and (k := trader_or_nation(ctx, t)):
                return k
        return None
    if (country := _national_requesters(ctx, flow.anchor)) is not None:
        return country  # "French operators have requested licences to export ... at the EC tender"
    for t in reversed(doc[: flow.end]):
        if t.lower_ in flow_words("tender_nouns") and t.pos_ == "NOUN":
            for m in doc[t.left_edge.i : t.i]:
                if k := trader_key(ctx, m):
                    return k
    noun = _licence(flow.anchor)
    granter = noun.head if noun is not None and noun.dep_ in ("dobj", "nsubjpass") else None
    if noun is not None and (counted := licensed_count(noun)) is not None:
        granter = counted.head  # "The Commission granted 25,000 tonnes of barley export licences"
    if granter is not None:
        for s in (c for c in granter.children if c.dep_ in ("nsubj", "agent")):
            s = next((p for p in s.children if p.dep_ == "pobj"), s) if s.dep_ == "agent" else s
            if k := trader_key(ctx, reporting_antecedent(s)):
                return k
    return story_country(ctx)

