"""The other side of a flow: where exports go ("to Iraq"), where imports come from ("from
the U.S.", "Kenyan tea"), and the partner a second figure of the clause is for."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Token

from kg.model import EntityType, Fact
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.goods import example_word
from kg.nlp.goods_market_words import market_word
from kg.nlp.relations.base import PRODUCTS, Context, sentences_back
from kg.nlp.relations.flow_clause import HEDGES, TRADE_PLACES, Figure, Flow, flow_noun, flow_words, made_in


def figure_origin(ctx: Context, figure: Figure, trader: str) -> str | None:
    """ "... and 150,000 tonnes of U.S. corn": the country the goods after a figure are of."""
    doc = ctx.doc
    for t in doc[figure.end : min(figure.end + 4, len(doc))]:
        if (k := ctx.country_of_demonym(t)) and k != trader:
            return k
        if ctx.key(t, PRODUCTS):
            break
    return None


def next_partner(ctx: Context, after: int, before: int, *, exports: bool, dated: frozenset[int] | set[int],
                 elided: bool = False) -> str | None:
    """ "... 100,000 tonnes and to Iraq 50,000", "..., from Canada 20,000": the partner named
    between two figures, right after "and" or a comma, with nothing else between; with
    ``elided`` (the clause named its first partner after its preposition: "Exports to France
    rose to 20,479 tonnes, Austria 6,048"), the preposition may be left out."""
    doc = ctx.doc
    while after < before and (after in dated or doc[after].lower_ in ("in", "during", "for", "the", ")")):
        after += 1  # "12,000 tonnes in January and to Britain 8,000": the first figure's period
    if before - 1 > after and doc[before - 1].text == "(" and doc[after - 1].text == ")":
        before -= 1  # "to Iran (1.2 mln tonnes) and Syria (0.8 mln tonnes)": each item's figure in brackets
    words = doc[after:before]
    # the joint, the preposition (unless elided) and the place: "and to Iraq", ", Austria"
    if not (2 if elided else 3) <= len(words) <= 7 or words[0].lower_ not in ("and", ","):
        return None
    preps = flow_words("partner_export") if exports else flow_words("partner_import")
    k = 1
    if words[k].lower_ == "and":
        k += 1  # ", and to Iraq"
    if elided and k < len(words) and words[k].lower_ not in preps:
        k -= 1  # ", Austria 6,048": the place right after the joint
    elif k >= len(words) or words[k].lower_ not in preps:
        return None
    key = None
    if words[-1].lower_ in ("to", "at") and len(words) > k + 2:
        words = words[:-1]  # "... and from Thailand to 292,808 tonnes": the level, its change verb left out
    for t in words[k + 1 :]:
        found = ctx.key(t, TRADE_PLACES)
        if found is not None:
            if key is not None and found != key:
                return None
            key = found
        elif t.lower_ not in ("the", ",") and not (t.lower_ in HEDGES or t.lower_ in lexicon("numbers")["approximate"]):
            return None
    return key


def partner_after(ctx: Context, figure: Figure, end: int, *, exports: bool) -> str | None:
    """ "..., 24,391 from Australia against 19,585": the partner named right after a figure
    that follows a list break, its own share of the flow."""
    doc = ctx.doc
    opening = figure.start - 1
    if opening > 0 and doc[opening].lower_ == "between":
        opening -= 1  # "and between 62,000 and 230,000 tonnes to Iraq": a range's word first
    if figure.start == 0 or doc[opening].lower_ not in (",", "and") or figure.end + 1 >= end:
        return None
    preps = flow_words("partner_export") if exports else flow_words("partner_import")
    if doc[figure.end].lower_ not in preps:
        return None
    at = figure.end + 1 + (doc[figure.end + 1].lower_ == "the")
    return ctx.key(doc[at], TRADE_PLACES) if at < end else None


def goods_item_partner(ctx: Context, figure: Figure, end: int, *, exports: bool) -> str | None:
    """ "sold 340,000 tonnes of wheat to Italy and 210,000 tonnes of barley to China": the
    partner named right after a listed figure's goods, that item's own."""
    doc = ctx.doc
    preps = flow_words("partner_export") if exports else flow_words("partner_import")
    i = figure.end + 1 if figure.end < end and doc[figure.end].lower_ == "of" else figure.end
    while i < end and (ctx.key(doc[i], PRODUCTS) or doc[i].pos_ in ("ADJ", "DET") or ctx.country_of_demonym(doc[i])
                       or market_word(doc[i])):
        i += 1  # "of soft U.S. wheat", "of free market barley"
    if i >= end or doc[i].lower_ not in preps:
        return None
    at = i + 1 + (i + 1 < end and doc[i + 1].lower_ == "the")
    return ctx.key(doc[at], TRADE_PLACES) if at < end else None


def destination_of(ctx: Context, flow: Flow) -> str | None:
    """Where exported goods go, named right after "to"."""
    if not flow.exports:
        return None
    doc = ctx.doc
    for i in range(flow.anchor.i + 1, flow.end - 1):
        if doc[i].lower_ in ("to", "into"):
            for j in range(i + 1, min(i + 3, flow.end)):
                if k := ctx.key(doc[j], TRADE_PLACES):
                    return k
    return None


def goods_origin(ctx: Context, flow: Flow, goods: str | None) -> str | None:
    """The country the imported goods are named after ("Kenyan tea"), whoever imports them."""
    doc = ctx.doc
    for key, mention in ctx.entity_mentions(PRODUCTS):
        if key == goods and flow.anchor.i < mention.start < flow.end:
            for t in doc[max(min(mention.start - 3, mention.root.left_edge.i), flow.anchor.i + 1) : mention.end]:
                if k := ctx.country_of_demonym(t):
                    return k
    return None


def _partner_heads(flow: Flow) -> set[int]:
    """Where a flow's "to X" / "from X" may hang: the trade word, its noun phrase's head, its
    verb, and the goods or figure that are its object."""
    anchor = flow.anchor
    noun = flow_noun(anchor)
    heads = {anchor.i, noun.i, noun.head.i}
    heads |= {c.i for c in (anchor, noun, noun.head) for c in c.children if c.dep_ in ("dobj", "attr", "nsubjpass", "pobj")}
    heads |= {g.i for h in list(heads) for c in anchor.doc[h].children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children}  # fmt: skip
    # "sales of 143,000 tonnes for delivery to Taiwan": where the goods are delivered
    heads |= {d.i for h in list(heads) for c in anchor.doc[h].children if c.dep_ in ("prep", "dative") and c.lower_ == "for"
              for d in c.children if d.lower_ in flow_words("delivery_nouns")}  # fmt: skip
    # "exporting products like paper machinery and ships to Canada": the parse hangs the
    # partner on an example of the goods (not on a part: "5 mln tonnes, including 2 mln to Japan")
    heads |= {e.i for h in list(heads) for c in anchor.doc[h].children
              if c.dep_ == "prep" and example_word(c) and c.lower_ != "including"
              for p in c.children if p.dep_ == "pobj" for e in (p, *p.conjuncts)}  # fmt: skip
    if (verb := _route_verb(noun)) is not None:
        heads.add(verb.i)  # "Most of Taiwan's wheat imports come from the U.S.": the route of the flow
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.dep_ == "prep":
        # "Of the imports in 1986, those from Cuba were 3.81 mln tonnes": the pronoun the flow is shared out by
        heads |= {c.i for c in noun.head.head.children if c.dep_ == "nsubj" and c.lower_ in ("those", "that")}
    # "sales of 5,400 tonnes were the result of increases for Venezuela": the increases went
    # there, a part of the figure, not the whole
    return {h for h in heads if anchor.doc[h].lower_ not in flow_words("increase_nouns")}


def _route_verb(noun: Token) -> Token | None:
    """The verb of motion a flow, or a share of it, is the subject of: "imports come from the
    U.S.", "80 pct of Kenya's tea exports go to Britain" say where the goods come from or go,
    as "imports from the U.S." does."""
    subject = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.dep_ == "prep":
        subject = noun.head.head  # "Most of ...", "80 pct of ...": a share of the flow
    verb = subject.head
    if subject.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in flow_words("route_verbs"):
        return verb
    return None


def flow_partner(ctx: Context, flow: Flow, trader: str, goods: str | None = None) -> str | None:
    """The other side: where exports go ("to Iraq"), where imports come from ("from the U.S.",
    "imported 128,089 tonnes of Brazilian beans")."""
    doc = ctx.doc
    if not flow.exports and goods is not None:
        for key, mention in ctx.entity_mentions(PRODUCTS):
            if key == goods and flow.anchor.i < mention.start < flow.end:
                # "Malaysian refined bleached deodorised palm olein": the whole noun phrase;
                # "soft French wheat": an origin inside the goods' name too
                origin = [k for t in doc[max(min(mention.start - 3, mention.root.left_edge.i), flow.anchor.i + 1) : mention.end - 1]
                          if (k := ctx.country_of_demonym(t)) and k != trader]  # fmt: skip
                if origin:
                    return origin[-1]
    if not flow.exports and flow.anchor.pos_ != "VERB":
        # "U.S. corn imports by Japan": a country before the imports that are not its own
        noun = flow_noun(flow.anchor)
        origin = [k for t in doc[noun.left_edge.i : noun.i]
                  if (k := ctx.country_of_demonym(t)) and k != trader and not made_in(t)]  # fmt: skip
        if origin:
            return origin[-1]
    if flow.exports and (k := _receiver(ctx, flow.anchor, trader)) is not None:
        return k
    if not flow.exports and flow.planned and (k := _quota_holder(ctx, flow, trader)) is not None:
        return k
    preps = flow_words("partner_export") if flow.exports else flow_words("partner_import")
    for i in range(flow.anchor.i + 1, flow.end):
        t = doc[i]
        if t.lower_ not in preps:
            continue
        if t.head.i not in _partner_heads(flow):
            continue  # "... and passenger cars from Canada": another noun's origin
        for j in range(i + 1, min(i + 4, flow.end)):
            k = ctx.key(doc[j], TRADE_PLACES)
            if k and k != trader:
                return k
            if doc[j].lower_ in flow_words("partner_groups"):
                return _first_member(ctx, doc[j], trader, flow.end)
            if (k := _national_traders(ctx, doc[j], exports=flow.exports)) and k != trader:
                return k
            if doc[j].lower_ not in ("the", "a", "an") and not doc[j].is_title \
                    and doc[j].lower_ not in flow_words("group_quantifiers"):
                break
    return None


def listed_partners(ctx: Context, flow: Flow, partner: str) -> list[str]:
    """The partner and the others listed with it in the clause: "exports rice to Japan, Iran
    and Iraq" names three partners. A figure shared by a list has no one partner; a flow
    without a figure goes to each."""
    doc = ctx.doc
    named = next((t for t in doc[flow.anchor.i + 1 : flow.end] if ctx.key(t, TRADE_PLACES) == partner), None)
    if named is None:
        return [partner]
    root = next((t for t in doc[named.i : flow.end] if ctx.key(t, TRADE_PLACES) == partner and t.dep_ != "compound"),
                named)  # fmt: skip
    if any(a.lower_ in flow_words("partner_groups") for a in root.ancestors):
        return [partner]  # "from several countries, including Japan and Brazil": the group's first member speaks for it
    out = [partner]
    for conj in root.conjuncts:
        if flow.anchor.i < conj.i < flow.end and (k := ctx.key(conj, TRADE_PLACES)) is not None and k not in out:
            out.append(k)
    return out


def _quota_holder(ctx: Context, flow: Flow, trader: str) -> str | None:
    """ "import quota allocations for the Dominican Republic": the supplier an import quota
    is allotted to."""
    phrase = flow_noun(flow.anchor)
    while phrase.dep_ == "compound":
        phrase = phrase.head  # "quota allocations"
    for prep in phrase.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for place in prep.children:
                if place.dep_ == "pobj" and (k := ctx.key(place, TRADE_PLACES)) and k != trader:
                    return k
    return None


def _national_traders(ctx: Context, token: Token, *, exports: bool) -> str | None:
    """ "sold its crude to Japanese customers", "bought from Brazilian exporters": the
    country of the buyers or sellers on the other side."""
    doc = token.doc
    if token.i + 1 >= len(doc) or (k := ctx.country_of_demonym(token)) is None:
        return None
    roles = flow_words("recipient_words" if exports else "supplier_words") | flow_words("partner_group_nouns")
    return k if doc[token.i + 1].lower_ in roles else None


def _receiver(ctx: Context, verb: Token, trader: str) -> str | None:
    """Who receives what a verb of sale or loan gives: "lend Ecuador 50,000 bpd" (the indirect
    object), "supply Peru with copper" (the object, when the goods come after "with")."""
    if verb.pos_ != "VERB":
        return None
    with_goods = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        # "is lending Ecuador five mln barrels": the parse may give both objects as direct ones
        double = c.dep_ == "dobj" and len(objects) > 1 and c.i == objects[0].i
        if c.dep_ == "dative" or (c.dep_ == "dobj" and with_goods) or double:
            k = ctx.key(c, TRADE_PLACES) or _receiver_referred(ctx, c, trader)
            if k and k != trader:
                return k
    return None


_COUNTRY_WORDS = frozenset({"country", "nation"})


def _receiver_referred(ctx: Context, receiver: Token, trader: str) -> str | None:
    """A receiver named by "it" or "the country": "Ecuador is negotiating with Nigeria to have
    the African country lend it 10,000 bpd" (the country whose clause the loan is asked in),
    "Venezuela would lend the country 50,000 bpd" (the country named before, other than the
    lender)."""
    countries = frozenset({EntityType.COUNTRY})
    if receiver.tag_ == "PRP" and receiver.lower_ in ("it", "them"):
        for clause in islice(receiver.head.ancestors, 4):  # the clauses above the one "it" is in
            for subject in (c for c in clause.children if c.dep_ == "nsubj"):
                if (k := ctx.key(subject, countries)) and k != trader:
                    return k
        return None
    if receiver.lemma_.lower() in _COUNTRY_WORDS and any(c.lower_ in ("the", "this") for c in receiver.children):
        floor = sentences_back(ctx.doc, receiver.sent.start, 1)
        return next((k for t in reversed(ctx.doc[floor : receiver.i])
                     if (k := ctx.key(t, countries)) and k != trader), None)  # fmt: skip
    return None


def _first_member(ctx: Context, group: Token, trader: str, end: int) -> str | None:
    """ "from countries such as South Korea and Taiwan", "from several countries, including
    Japan": the first place the list names."""
    doc = ctx.doc
    start = group.i + 2 if group.i + 1 < end and doc[group.i + 1].text == "," else group.i + 1
    if start >= end or doc[start].lower_ not in flow_words("member_list_words"):
        return None
    for t in doc[start + 1 : min(start + 5, end)]:
        k = ctx.key(t, TRADE_PLACES)
        if k and k != trader:
            return k
    return None


def trade_with(ctx: Context, flow: Flow, trader: str) -> str | None:
    """ "Total trade with the Gulf states fell 40 pct, with imports at 1.55 billion dlrs":
    the partner of a sentence's trade as a whole is that of the flows it goes on to give."""
    for t in ctx.doc[flow.anchor.sent.start : flow.anchor.i]:
        if t.lemma_.lower() != "trade" or t.pos_ != "NOUN":
            continue
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for named in prep.subtree:
                    if (k := ctx.key(named, TRADE_PLACES)) and k != trader:
                        return k
    return None


def shared_partner(ctx: Context, flow: Flow, trader: str, before: list[Fact]) -> str | None:
    """ "Exports to OECD countries rose to 4.29 billion dlrs, while imports were 4.56
    billion": a bare flow noun after a flow with a partner, in the same sentence, has the
    same partner."""
    noun = flow_noun(flow.anchor)
    if not before or before[0].partner is None:
        return None
    sent = flow.anchor.sent
    if not sent.start_char <= before[0].start - ctx.offset < flow.anchor.idx:
        return None
    if before[0].subject != trader:
        # "Taiwan's exports to China fell to 6.33 billion dlrs, while China's exports rose to
        # 1.12 billion": the partner's own flow, the other way, is with the first trader
        mirrored = before[0].partner == trader and flow.anchor.pos_ != "VERB" \
            and not any(c.dep_ == "prep" for c in noun.children)
        return before[0].subject if mirrored else None
    if flow.anchor.pos_ == "VERB":
        # "exported 500 mln dlrs of goods to the U.S. and imported 1.5 billion": a verb joined
        # to the first with no subject nor partner of its own trades with the same partner
        verb = flow.anchor
        joined = verb.dep_ == "conj" and verb.head.i < verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "prep", "dative") for c in verb.children)
        return before[0].partner if joined else None
    if any(c.dep_ in ("compound", "amod", "nmod", "poss", "prep") for c in noun.children):
        return None  # "oil imports", "imports from Japan", "its imports": a flow of its own
    return before[0].partner
