"""``subOrganizationOf`` and ``basedIn``.

"Department of X of the Y", "X under Y" and "Y's X department" make X a unit of Y when both
are organizations; "China's Ministry of Commerce", "the Beijing-based X", "Chinese customs"
(demonym + body), "X in <Place>" and "X, based in <Place>" place an organization.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp import lexicon
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.gazetteer import country_of, country_of_demonym
from kg.nlp.names import country_in_name
from kg.nlp.relations.base import COUNTRY, ORGS, PLACES, Context
from kg.nlp.relations.speaking_bodies import described_body
from kg.nlp.relations.titles import in_ticker
from kg.nlp.relations.tree import TreePatterns

CONFIDENCE = {"sub-prep": 0.85, "sub-possessive": 0.8, "based-possessive": 0.8,
              "based-prep": 0.7, "based-modifier": 0.75, "based-word": 0.85,
              "based-demonym-name": 0.7, "based-descriptor": 0.75,
              "based-headquarters": 0.85, "based-descriptor-words": 0.7, "sub-apposition": 0.8, "based-in-name": 0.6,
              "based-country-name": 0.75, "based-known-seat": 0.7, "sub-description": 0.7}  # fmt: skip
# Prepositions that make an organization a unit of another, and place one in a place.
_SUB_PREPS = ("of", "under", "within")
_BASED_PREPS = ("in", "of", "at")


@lru_cache(maxsize=1)
def _patterns() -> TreePatterns:
    preps = sorted({*rule_data("places")["sub_preps"], *rule_data("places")["based_preps"]})
    matcher = TreePatterns()
    matcher.add("prep", [[
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"POS": {"IN": ["PROPN", "NOUN"]}}},
        {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "p",
         "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": preps}}},
        {"LEFT_ID": "p", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]])
    matcher.add("possessive", [[
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"POS": {"IN": ["PROPN", "NOUN"]}}},
        {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"DEP": "poss"}},
    ]])
    matcher.add("modifier", [[
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"POS": {"IN": ["PROPN", "NOUN"]}}},
        {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "y",
         "RIGHT_ATTRS": {"DEP": {"IN": ["amod", "compound", "nmod"]}}},
    ]])
    matcher.add("based", [[
        {"RIGHT_ID": "b", "RIGHT_ATTRS": {"LOWER": {"IN": rule_data("places")["based_words"]}}},
        {"LEFT_ID": "b", "REL_OP": ">", "RIGHT_ID": "y",
         "RIGHT_ATTRS": {"DEP": {"IN": ["npadvmod", "compound", "nmod", "dep", "amod"]}}},
    ], [
        {"RIGHT_ID": "b", "RIGHT_ATTRS": {"LOWER": {"IN": rule_data("places")["based_words"]}}},
        {"LEFT_ID": "b", "REL_OP": ">", "RIGHT_ID": "p",
         "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["in", "at"]}}},
        {"LEFT_ID": "p", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]])  # fmt: skip
    return matcher


def extract(ctx: Context) -> list[Fact]:
    """Units of organizations and the places organizations are based in."""
    facts: list[Fact] = []
    for rule, ids in _patterns()(ctx.parse):
        x, y = ctx.doc[ids[0]], ctx.doc[ids[-1]]
        if rule == "prep":
            facts.extend(_prep(ctx, x, ctx.doc[ids[1]], y))
        elif rule == "possessive":
            facts.extend(_possessive(ctx, x, y))
        elif rule == "modifier":
            facts.extend(_modifier(ctx, x, y))
        else:
            facts.extend(_based(ctx, x, y))
    for key, mention in ctx.entity_mentions(ORGS):
        facts.extend(_descriptor(ctx, key, mention.root) or _descriptor_words(ctx, key, mention))
        facts.extend(_unit_apposition(ctx, key, mention.root))
        facts.extend(_seat_after_ticker(ctx, key, mention))
    facts.extend(_headquarters(ctx))
    facts.extend(_described_units(ctx))
    # the name's country, only where no rule on the text's words placed the body already
    placed = {(f.subject, f.object) for f in facts if f.predicate is Predicate.BASED_IN}
    for key, mention in ctx.entity_mentions(ORGS):
        for fact in _country_in_name(ctx, key, mention):
            if (fact.subject, fact.object) not in placed:
                placed.add((fact.subject, fact.object))
                facts.append(fact)
    seated = {subject for subject, _ in placed}
    for key, mention in ctx.entity_mentions(ORGS):
        if key not in seated and (fact := _known_seat(ctx, key, mention)) is not None:
            seated.add(key)
            facts.append(fact)
    return facts


def _seat_after_ticker(ctx: Context, org: str, mention: Span) -> list[Fact]:
    """ "Honda Motor Co Ltd <HMC.T> of Japan": wire copy writes a company's stock ticker
    between its name and its country, which the parser then hangs on the ticker."""
    doc, k = ctx.doc, mention.end
    while k < len(doc) and in_ticker(doc[k]):
        k += 1
    if k == mention.end or k + 1 >= len(doc) or doc[k].lower_ not in ("of", "in") \
            or mention.start <= doc[k].head.i < mention.end:
        return []  # no ticker, or the parser hung the place on the name (the preposition rule)
    place = ctx.key(doc[k + 1], PLACES)
    seat = ctx.table.mention_span(k + 1)
    if place is None or place == org or seat is None or seat.start != k + 1:
        return []
    return [ctx.fact(org, Predicate.BASED_IN, [mention, seat], object=place, rule="based-prep",
                     confidence=ctx.confidence("based-prep"))]  # fmt: skip


def _known_seat(ctx: Context, org: str, mention: Span) -> Fact | None:
    """ "USDA" in a story that names the U.S.: a well-known national body is based in its
    country, where the article names that country and no words place the body elsewhere."""
    known = lexicon.known_organization(ctx.table.entities[org].label)
    if known is None or not known.seat:
        return None
    country = country_of(known.seat)
    names = (known.seat, *(country.aliases if country else ()))
    place = next((k for name in names if (k := ctx.key_by_name(name, COUNTRY))), None)
    if place is None:
        return None
    return ctx.fact(org, Predicate.BASED_IN, [mention], object=place, rule="based-known-seat",
                    confidence=ctx.confidence("based-known-seat"))


def _country_in_name(ctx: Context, org: str, mention: Span) -> list[Fact]:
    """ "the U.S. Agriculture Department", "Bank of Thailand", "Brazilian Coffee Institute":
    a body whose name carries a country is that country's (resolution made the country an
    entity even where the article names it nowhere else)."""
    carried = country_in_name(mention)
    place = ctx.key_by_name(carried[0].name, COUNTRY) if carried else None
    if place is None or place == org:
        return []
    return [ctx.fact(org, Predicate.BASED_IN, [mention], object=place, rule="based-country-name",
                     confidence=ctx.confidence("based-country-name"))]  # fmt: skip


def _unit_apposition(ctx: Context, org: str, root: Token) -> list[Fact]:
    """ "Instagram, a unit of Facebook", "the Food Safety and Inspection Service, a division
    within the US Department of Agriculture", "Cargill's Spanish unit Cindasa": the
    organization is part of the other."""
    data = rule_data("places")
    nouns, preps = set(data.get("unit_nouns", ())), set(data.get("unit_preps", ()))
    # "Cargill's Spanish unit Cindasa": the unit's name in apposition to the possessed noun
    noun = root.head
    if root.dep_ == "appos" and noun.i < root.i and noun.lemma_.lower() in nouns and ctx.key(noun, ORGS) is None:
        for owner in (c for c in noun.children if c.dep_ == "poss"):
            parent = ctx.key(owner, ORGS)
            if parent is not None and parent != org:
                return [ctx.fact(org, Predicate.SUB_ORGANIZATION_OF, [owner, noun, root], object=parent,
                                 rule="sub-apposition", confidence=ctx.confidence("sub-apposition"))]  # fmt: skip
    for noun in (c for c in root.children if c.dep_ == "appos"):
        if noun.lemma_.lower() not in nouns or ctx.key(noun, ORGS) is not None:
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                parent = ctx.key(obj, ORGS)
                if parent is not None and parent != org:
                    return [ctx.fact(org, Predicate.SUB_ORGANIZATION_OF, [root, noun, obj], object=parent,
                                     rule="sub-apposition", confidence=ctx.confidence("sub-apposition"))]  # fmt: skip
    return []


def _described_units(ctx: Context) -> list[Fact]:
    """ "the Energy Information Administration said ... the Energy Department agency said":
    a description whose name words name one body and which stands for another body named
    before it (as a speaker, ``described_body``) makes that one a unit of the first."""
    facts: list[Fact] = []
    for i in ctx.parse.with_words(0, len(ctx.doc), _body_nouns()):
        noun = ctx.doc[i]
        if not noun.is_lower or noun.pos_ != "NOUN":
            continue
        parents = [c for c in noun.children if c.dep_ == "compound" and ctx.key(c, ORGS)]
        if not parents or (unit := described_body(ctx, noun)) is None:
            continue
        for parent in parents:
            if (key := ctx.key(parent, ORGS)) != unit:
                facts.append(ctx.fact(unit, Predicate.SUB_ORGANIZATION_OF, [parent, noun], object=key,
                                      rule="sub-description", confidence=ctx.confidence("sub-description")))
    return facts


@lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    """The nouns that stand for an organization named before ("the agency", "the group")."""
    return frozenset(w for w, kind in rule_data("posts")["descriptive_bodies"].items() if kind == "org")


def _headquarters(ctx: Context) -> list[Fact]:
    """ "at NRC headquarters in nearby Rockville", "its headquarters in Dallas": read on the
    surface, because the parser hangs the place on whatever the phrase is part of."""
    data = rule_data("places")
    words, fillers = set(data.get("headquarters_words", ())), set(data.get("place_fillers", ()))
    facts = []
    doc = ctx.doc
    for token in (doc[i] for i in ctx.parse.with_words(0, len(doc), frozenset(words))):
        if token.lower_ not in words or token.i < 1 or token.i + 2 >= len(doc) \
                or doc[token.i + 1].lower_ not in ("in", "at", "near"):
            continue
        owner = doc[token.i - 1]
        if owner.lower_ in ("'s", "\u2019s") and token.i >= 2:
            owner = doc[token.i - 2]
        org = ctx.recent(owner, ORGS, sentences=1) if owner.lower_ == "its" else ctx.key(owner, ORGS)
        j = token.i + 2
        while j < len(doc) - 1 and doc[j].lower_ in fillers:
            j += 1
        place = ctx.key(doc[j], PLACES)
        if org is not None and place is not None:
            facts.append(ctx.fact(org, Predicate.BASED_IN, [owner, token, doc[j]], object=place,
                                  rule="based-headquarters", confidence=ctx.confidence("based-headquarters")))  # fmt: skip
    return facts


def _descriptor(ctx: Context, org: str, root: Token) -> list[Fact]:
    """ "Sun Hung Kai Properties, a Hong Kong construction firm", "the Chilean copper company
    Codelco": a company noun describing the organization names where it is."""
    nouns = rule_data("places").get("descriptor_nouns", ())
    described = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ in ("appos", "compound") or any(c.dep_ == "compound" for c in root.children):
        # "Hungary's state-owned Mogurt trading company": the name opens its description
        described += [root.head] if root.dep_ == "appos" or root.dep_ == "compound" and root.head.i > root.i else []
        described += [c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    for noun in described:
        if noun.pos_ == "NOUN" and ctx.key(noun, ORGS) in (None, org) and root.i < noun.i:
            # "Chi Shun Hwa Steel Co, a leading shipbreaker and steel producer in Kaohsiung"
            # (the place may hang on either of two nouns joined: a company noun is one of them)
            joined = (noun, *noun.conjuncts)
            places = [o for n in joined for p in n.children if p.dep_ == "prep" and p.lower_ == "in"
                      for o in p.children if o.dep_ == "pobj" and ctx.key(o, PLACES) not in (None, org)]  # fmt: skip
            if places and any(n.lemma_.lower() in nouns for n in joined):
                return [ctx.fact(org, Predicate.BASED_IN, [root, noun, places[0]], object=ctx.key(places[0], PLACES),
                                 rule="based-descriptor", confidence=ctx.confidence("based-descriptor"))]  # fmt: skip
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or ctx.key(noun, ORGS) not in (None, org):
            continue
        for mod in noun.subtree:
            if mod.i >= noun.i or mod.dep_ not in ("amod", "compound", "nmod", "poss") or _joint(mod):
                continue
            if ctx.key(mod, ORGS) not in (None, org):
                continue  # "X, a British Petroleum subsidiary": the word names the parent, not X's country
            place = ctx.key(mod, PLACES) if mod.pos_ == "PROPN" else None
            if place is None and mod.pos_ in ("ADJ", "PROPN"):
                place = ctx.country_of_demonym(mod)
            if place is not None:
                return [ctx.fact(org, Predicate.BASED_IN, [root, mod, noun], object=place,
                                 rule="based-descriptor", confidence=ctx.confidence("based-descriptor"))]  # fmt: skip
    return []


def _joint(word: Token) -> bool:
    """ "an Indo-Japanese car maker": a demonym hyphened to another names the venture's
    partners, not the one country it is based in."""
    doc = word.doc
    return (word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].is_alpha) \
        or (word.i + 2 < len(doc) and doc[word.i + 1].text == "-" and doc[word.i + 2].is_title)


def _descriptor_words(ctx: Context, org: str, mention: Span) -> list[Fact]:
    """ "London trade house E.D. and F. Man", "Brazil's state oil company, Petrobras,", "Ming
    Pao newspaper of Hong Kong": the same descriptions read on the words, where the parser
    lost the tree (a company noun right before or after the name, with the place next to it)."""
    doc, nouns = ctx.doc, rule_data("places").get("descriptor_nouns", ())
    i = mention.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 1 and doc[i].is_lower and doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in nouns:
        while i >= 1 and (doc[i - 1].is_lower and doc[i - 1].pos_ in ("NOUN", "ADJ") or doc[i - 1].text == "-"):
            i -= 1
        j = i - 2 if i >= 2 and doc[i - 1].lower_ == "'s" else i - 1
        place = ctx.key(doc[j], PLACES) if doc[j].pos_ == "PROPN" else None
        if place is None and doc[j].pos_ in ("ADJ", "PROPN") and ctx.table.key_at(doc[j]) in (None, place):
            place = ctx.country_of_demonym(doc[j])
        if place is not None:
            return [ctx.fact(org, Predicate.BASED_IN, [doc[j], *mention], object=place, rule="based-descriptor-words",
                             confidence=ctx.confidence("based-descriptor-words"))]  # fmt: skip
    k = mention.end
    if k + 2 < len(doc) and doc[k].is_lower and doc[k].lemma_.lower() in nouns and doc[k + 1].lower_ in ("of", "in"):
        place = ctx.key(doc[k + 2], PLACES)
        if place is not None:
            return [ctx.fact(org, Predicate.BASED_IN, [*mention, doc[k + 2]], object=place, rule="based-descriptor-words",
                             confidence=ctx.confidence("based-descriptor-words"))]  # fmt: skip
    return []


def _distinct(ctx: Context, x: Token, y: Token, xt: frozenset, yt: frozenset) -> tuple[str, str] | None:
    kx, ky = ctx.key(x, xt), ctx.key(y, yt)
    if kx is None or ky is None or kx == ky:
        return None
    return kx, ky


def _prep(ctx: Context, x: Token, prep: Token, y: Token) -> list[Fact]:
    if prep.lower_ in _SUB_PREPS and (pair := _distinct(ctx, x, y, ORGS, ORGS)):
        return [ctx.fact(pair[0], Predicate.SUB_ORGANIZATION_OF, [x, y], object=pair[1],
                         rule="sub-prep", confidence=ctx.confidence("sub-prep"))]  # fmt: skip
    if prep.lower_ in _BASED_PREPS and (pair := _distinct(ctx, x, y, ORGS, PLACES)):
        return [ctx.fact(pair[0], Predicate.BASED_IN, [x, y], object=pair[1],
                         rule="based-prep", confidence=ctx.confidence("based-prep"))]  # fmt: skip
    return []


def _possessive(ctx: Context, x: Token, y: Token) -> list[Fact]:
    if pair := _distinct(ctx, x, y, ORGS, ORGS):
        return [ctx.fact(pair[0], Predicate.SUB_ORGANIZATION_OF, [y, x], object=pair[1],
                         rule="sub-possessive", confidence=ctx.confidence("sub-possessive"))]  # fmt: skip
    if pair := _distinct(ctx, x, y, ORGS, PLACES):
        return [ctx.fact(pair[0], Predicate.BASED_IN, [y, x], object=pair[1],
                         rule="based-possessive", confidence=ctx.confidence("based-possessive"))]  # fmt: skip
    return []


def _modifier(ctx: Context, x: Token, y: Token) -> list[Fact]:
    """ "Chinese customs", "the Tanzanian Ministry of Health", "U.S. Food and Drug Administration"."""
    kx = ctx.key(x, ORGS)
    if kx is None:
        return []
    if ctx.table.key_at(y) == kx and y.pos_ == "PROPN" and not _names_a_country(y):
        return _place_opening_name(ctx, kx, x, y)
    ky = ctx.key(y, PLACES) if y.pos_ == "PROPN" else None
    if ky is None and y.pos_ in ("ADJ", "PROPN"):
        ky = ctx.country_of_demonym(y)
    if ky is None or ky == kx:
        return []
    if ctx.table.key_at(y) == kx and y.pos_ == "PROPN":
        # a demonym opening the name ("the Angolan Government") places the body in that country
        return [ctx.fact(kx, Predicate.BASED_IN, [y, x], object=ky, rule="based-demonym-name",
                         confidence=ctx.confidence("based-demonym-name"))]  # fmt: skip
    return [ctx.fact(kx, Predicate.BASED_IN, [y, x], object=ky, rule="based-modifier",
                     confidence=ctx.confidence("based-modifier"))]  # fmt: skip


def _place_opening_name(ctx: Context, org: str, head: Token, y: Token) -> list[Fact]:
    """ "the Michigan Chamber of Commerce", "U.S. Army", "Wuhan Institute of Virology": a
    place the article names elsewhere, opening a body's name, is where the body is. Only a
    place the article itself names (an entity of its own), so "the China Development Bank"
    in a story that never names China says nothing; never a place after the name's first
    words ("Bank of America" is read by the preposition rule, if at all)."""
    name = ctx.mention(head)
    words = [t for t in name if t.lower_ != "the"]
    if not words or y not in words[:3] or _described_as_based(name):
        return []
    if words[-1].lower_ in rule_words("places", "forum_heads"):
        return []  # "the Paris Club" of creditor governments meets there; no body is seated there
    if any(t.text in ("-", "/", "\u2013") and t.i + 1 < len(ctx.doc)
           and (ctx.key_by_name(ctx.doc[t.i + 1].text, PLACES) or country_of(ctx.doc[t.i + 1].text))
           for t in words):
        return []  # "the United States-Iraq Business Forum" joins two places: in neither
    for size in (3, 2, 1):
        prefix = words[:size]
        if len(prefix) < size or size >= len(words) or y not in prefix:
            continue
        place = ctx.key_by_name(" ".join(t.text for t in prefix), PLACES)
        if place is not None and place != org and not _family_name(ctx, " ".join(t.text for t in prefix)):
            return [ctx.fact(org, Predicate.BASED_IN, [*prefix, head], object=place,
                             rule="based-in-name", confidence=ctx.confidence("based-in-name"))]  # fmt: skip
    return []


def _family_name(ctx: Context, words: str) -> bool:
    """ "Champlin Petroleum ... Champlin Refining": words that name two companies with one
    company word after them each are a company family's name, not the place where each is
    ("Michigan Chamber of Commerce" and "Michigan Restaurant Association" are in Michigan)."""
    cues = lexicon.organization_cues() | lexicon.industry_words()
    bodies = {k for k, e in ctx.table.entities.items() if e.type in ORGS
              and any(n.startswith(words + " ") and len(rest := n[len(words) + 1 :].split()) == 1
                      and rest[0].lower() in cues for n in e.all_names)}
    return len(bodies) > 1


def _described_as_based(name) -> bool:
    """ "the Lisbon Council, a Brussels-based citizen group": where the text says the body is
    based, the place in its name says nothing of it."""
    doc, end = name.doc, name.end
    if end >= len(doc) or doc[end].text != ",":
        return False
    tail = doc[end + 1 : min(len(doc), end + 8)]
    return any(t.lower_ == "based" and t.i > 0 and doc[t.i - 1].text == "-" for t in tail)


def _names_a_country(token: Token) -> bool:
    """A demonym ("Angolan"), never a country's own name: "Bank of America", "China
    Development Bank" keep the place inside the name."""
    country = country_of_demonym(token.text)
    return country is not None and token.lower_ != country.name.lower() and token.lower_ not in {
        a.lower() for a in country.aliases
    }


def _based(ctx: Context, based: Token, y: Token) -> list[Fact]:
    """ "the Beijing-based X", "X, based in Y", "X is headquartered in Y"."""
    place = ctx.key(y, PLACES)
    if place is None:
        return []
    candidates = [based.head] if based.dep_ in ("amod", "acl", "compound") else []
    if based.dep_ == "amod" and based.head.dep_ == "appos" and ctx.key(based.head, ORGS) is None:
        # "Daewoo Motor Corp, the Korea-based joint venture of ...": the description's name
        candidates.append(based.head.head)
    candidates += [c for c in based.children if c.dep_ in ("nsubjpass", "nsubj")]
    if based.dep_ == "amod" and based.head.dep_ in ("compound",):
        candidates.append(based.head.head)
    for cand in candidates:
        org = ctx.key(cand, ORGS)
        if org is None:  # "the Beijing-based company Xiaomi": the name is in apposition
            org = next((k for c in cand.children if c.dep_ in ("appos", "compound")
                        and (k := ctx.key(c, ORGS))), None)  # fmt: skip
        if org is None and cand.pos_ == "NOUN":
            # "the Wine Institute said ... The San Francisco-based promotional group said": the
            # description stands for the body it speaks as
            org = described_body(ctx, cand)
        if org is not None:
            return [ctx.fact(org, Predicate.BASED_IN, [y, based, cand], object=place,
                             rule="based-word", confidence=ctx.confidence("based-word"))]  # fmt: skip
    return []


__all__ = ["extract"]
